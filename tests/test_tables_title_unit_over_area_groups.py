"""read_bps_table: the title's unit over groups splitting one measure by area or sex.

BPS's province tables carry the unit in the title only, over column groups
"Perkotaan | Perdesaan | Jumlah" (urban, rural, total) or "Laki-laki |
Perempuan": the groups split one measure, so the title's unit is each
group's, as it is in a table without groups ("(Persen)" arms the warning of
percentages above 100; "(Ribu Jiwa)" is the scale of every group).
"""

from __future__ import annotations

import io

import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import warnings_saying

# BPS's layout (bps_p0_prov_2007_2026.csv): area groups, the year, the rounds.
_P0 = (
    "38 Provinsi,Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah "
    "(Persen),,,,,\n"
    ",Perkotaan,,Perdesaan,,Jumlah,\n"
    ",2023,,2023,,2023,\n"
    ",Semester 1 (Maret),Semester 2 (September),Semester 1 (Maret),"
    "Semester 2 (September),Semester 1 (Maret),Semester 2 (September)\n"
    "JAWA TIMUR,7.64,7.1,143.5,13.2,10.35,10.1\n"
    "JAWA TENGAH,9.0,8.8,12.0,11.9,10.77,10.5\n"
)


def test_the_title_percent_over_area_groups_warns_above_100() -> None:
    # 143.5 percent in Perdesaan, March 2023: no headcount ratio (before,
    # read without a warning).
    with warnings_saying("above 100") as said:
        t = read_bps_table(io.StringIO(_P0), locale="en", sep=",", month=None)
    assert len(said) == 1
    assert "('Perdesaan', '2023 Semester 1 (Maret)'): '143.5'" in said[0]
    assert t.data["value"].tolist()[:6] == [7.64, 7.1, 143.5, 13.2, 10.35, 10.1]


def test_a_cell_of_persons_under_the_title_percent_is_refused() -> None:
    # "4,37 jiwa" under "(Persen)": which of the two the number is in is a
    # guess (before, refused only as a unit among numbers without one).
    text = (
        "Persentase Penduduk Miskin (Persen)\nKabupaten/Kota;Perkotaan;;Perdesaan;\n"
        ";2022;2023;2022;2023\nPacitan;15,86;15,00;4,37 jiwa;14,10\n"
        "Kota Batu;3,16;3,00;3,50;3,40\n"
    )
    with pytest.raises(NumberParseError, match=r"but the title states '\(Persen\)'"):
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


# The title's "(Ribu Jiwa)" over every spelling of the split, "Perkotaan |
# Perdesaan" and "Laki-laki | Perempuan" among them, is tested in
# test_tables_split_spellings.py.


def test_groups_of_several_measures_still_take_no_title_unit() -> None:
    # "Jumlah | Persentase" under "(Persen)" after joined measures: whose
    # unit it is is unknown, so 143,5 in Jumlah (a count) is not warned of.
    text = (
        "Jumlah dan Persentase Penduduk Miskin (Persen)\n"
        "Kabupaten/Kota;Jumlah;Persentase\n;2023;2023\n"
        "Pacitan;143,5;13,8\nKota Batu;8,16;3,31\n"
    )
    with warnings_saying("above 100") as said:
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert not said
