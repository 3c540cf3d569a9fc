"""More list forms before a region's name: "(c) ", "a." without a space, "ii. ".

Codes are Kemendagri's (``povstat.datasets.load_indonesia``): 1501 Kerinci,
1571 Kota Jambi, 3573 Kota Malang, 3579 Kota Batu, 3571 Kota Kediri.
"""

from __future__ import annotations

import io

from povstat import read_bps_table


def _codes(rows: str) -> list[object]:
    t = read_bps_table(
        io.StringIO("Kabupaten/Kota;2023\n" + rows), locale="id", sep=";"
    )
    assert t.unmatched.empty
    return t.data["region_code"].tolist()


def test_letter_in_brackets() -> None:
    # Before, both unmatched ("no region of this name").
    assert _codes("JAMBI;7,58\n(c) Kerinci;7,54\n(d) Kota Jambi;8,24\n") == [
        "15",
        "1501",
        "1571",
    ]


def test_letter_without_space_and_roman_numerals() -> None:
    rows = (
        "JAWA TIMUR;10,35\na.Kota Batu;3,31\nii. Kota Malang;4,26\n"
        "iii) Kota Kediri;7,1\n"
    )
    assert _codes(rows) == ["35", "3579", "3573", "3571"]


def test_initials_stay_part_of_the_name() -> None:
    # "D.I. Yogyakarta": capitals are initials, never a list's letter.
    assert _codes("D.I. Yogyakarta;11,04\n") == ["34"]
