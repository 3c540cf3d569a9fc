"""read_bps_table: more spellings of the rows that end a section or head one.

"Kabupaten se-Jawa Timur" (the regencies of all East Java), "Kabupaten di
Jatim" (the province's short name), "Kabupaten lain-lain", "Kabupaten
(Lanjutan)" (a heading repeated on a table's next page) each name one kind
of region: such a row heads a section of that kind, so a bare "Madiun" below
it is Kabupaten Madiun, not Kota Madiun. (A total row naming a kind, such
as "Jumlah Kota" or "Rata-rata Kota", ends the section above and heads
none: tests/test_tables_total_rows_end_section.py.)

Figures: bps_p0_kabkota_2004_2025.csv, P0 2023 (persen): Jawa Timur 10.35,
Kota Surabaya 4.65, Kota Batu 3.31, Kabupaten Madiun 11.04 (3519),
Kabupaten Malang 9.45 (3507), Kota Madiun 4.74 (3577), Kota Malang 4.26
(3573).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

_TITLE = (
    "Persentase Penduduk Miskin Menurut Kabupaten/Kota (Persen);\nKabupaten/Kota;2023\n"
)


def _read(text: str) -> tuple[list[object], dict[str, str]]:
    # The codes of the rows holding a number, and the unmatched rows' reasons.
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    held = t.data[t.data["value"].notna()]
    codes = [None if pd.isna(c) else c for c in held["region_code"]]
    reasons = dict(zip(t.unmatched["label"], t.unmatched["reason"], strict=True))
    return codes, reasons


@pytest.mark.parametrize(
    "row",
    [
        "Kabupaten se-Jawa Timur",
        "KABUPATEN SE-JAWA TIMUR",
        "Kabupaten di Jatim",
        "Kabupaten lain-lain",
        "Kab. Lain-lain",
        "Kabupaten (Lanjutan)",
        "KABUPATEN (LANJUTAN)",
        "Kabupaten (lanj.)",
        "Kabupaten (Lanjutan)/Regency (Continued)",
    ],
)
def test_the_row_heads_the_regencies_after_the_cities(row: str) -> None:
    # Surabaya and Batu under KOTA: 3578, 3579; Madiun and Malang below the
    # row: Kabupaten Madiun 3519 and Kabupaten Malang 3507 (before, Kota
    # Madiun 3577 and Kota Malang 3573: the row was "no region of this name"
    # and the cities' section went on).
    text = (
        f"{_TITLE}JAWA TIMUR;10,35\nKOTA;\nSurabaya;4,65\nBatu;3,31\n{row};\n"
        "Madiun;11,04\nMalang;9,45\n"
    )
    codes, reasons = _read(text)
    assert codes == ["35", "3578", "3579", "3519", "3507"]
    assert reasons[row].startswith("a heading: ")
    assert "kabupaten names" in reasons[row]


@pytest.mark.parametrize("row", ["KOTA (Lanjutan)", "Kota (lanjutan)"])
def test_a_continued_kota_heading_heads_the_cities(row: str) -> None:
    # Madiun below "KOTA (Lanjutan)" after the regencies: Kota Madiun 4.74,
    # 3577 (before, Kabupaten Madiun 3519: the row was no heading).
    text = f"{_TITLE}JAWA TIMUR;10,35\nKABUPATEN;\nMalang;9,45\n{row};\nMadiun;4,74\n"
    codes, reasons = _read(text)
    assert codes == ["35", "3507", "3577"]
    assert reasons[row].startswith("a heading: ")
