"""List marks and abbreviations before a region's name.

- A roman numeral in brackets ("(ii) Kota Malang", "(iii) Kota Blitar") is
  a list mark, as "(i)", "(c)", "ii." and "iv)" are.
- A small letter before a name spelt in initials ("a. D.I. Yogyakarta",
  "b. N.T.B.", "(c) N.T.T.") is a list mark; the capital initials are the
  name's.
- "Tj." is BPS's abbreviation of "Tanjung" ("Kab. Tj. Jabung Barat").

Codes (Kemendagri, as ``povstat`` lists them): Kota Batu 3579, Kota Malang
3573, Kota Blitar 3572; D.I. Yogyakarta 34, Nusa Tenggara Barat 52, Nusa
Tenggara Timur 53; Kabupaten Tanjung Jabung Barat 1506, Kabupaten Tanjung
Jabung Timur 1507, Kota Tanjung Pinang 2172.
"""

from __future__ import annotations

import io

from povstat import BpsTable, read_bps_table


def _read(text: str) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


def test_roman_numerals_in_brackets_are_list_marks() -> None:
    t = _read(
        "Kabupaten/Kota;2023\n;(persen)\n(i) Kota Batu;3,31\n"
        "(ii) Kota Malang;4,26\n(iii) Kota Blitar;7,0\n"
    )
    assert t.data["region_code"].tolist() == ["3579", "3573", "3572"]
    assert len(t.unmatched) == 0


def test_a_small_letter_before_initials_is_a_list_mark() -> None:
    t = _read(
        "Provinsi;2023\n;(persen)\na. D.I. Yogyakarta;11,04\nb. N.T.B.;13,85\n"
        "(c) N.T.T.;19,96\n"
    )
    assert t.data["region_code"].tolist() == ["34", "52", "53"]
    assert len(t.unmatched) == 0


def test_tj_is_tanjung() -> None:
    t = _read(
        "Kabupaten/Kota;2023\nKab. Tj. Jabung Barat;3,31\n"
        "Kab. Tj Jabung Timur;4,00\nKota Tj. Pinang;2,00\n"
    )
    assert t.data["region_code"].tolist() == ["1506", "1507", "2172"]
