"""read_bps_table reads a code in full-width brackets or after "Kode".

"\uff083579\uff09Kota Batu", "(Kode 3573) Kota Malang", "Kode 3572 Kota
Blitar" and "Kota Batu\u30103579\u3011": the code is read and checked
against the name. Codes (Kemendagri, as povstat lists them): Kota Batu
3579, Kota Malang 3573, Kota Blitar 3572.
"""

from __future__ import annotations

import io

from povstat import BpsTable, read_bps_table


def _read(text: str) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


def test_codes_in_other_brackets_and_after_kode() -> None:
    t = _read(
        "Kabupaten/Kota;2023\n;(persen)\n\uff083579\uff09Kota Batu;3,31\n"
        "(Kode 3573) Kota Malang;4,26\nKode 3572 Kota Blitar;7,0\n"
    )
    assert len(t.unmatched) == 0
    assert t.data["region_code"].tolist() == ["3579", "3573", "3572"]
    t = _read("Kabupaten/Kota;2023\n;(persen)\nKota Batu\u30103579\u3011;3,31\n")
    assert t.data["region_code"].tolist() == ["3579"]
