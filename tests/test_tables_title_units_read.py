"""read_bps_table: a unit stated in the title or a group label is read as a unit row's.

The same scale rules hold wherever the unit is written: the check of
percentages above 100, the scale of cells stating the unit's multiplier, and
the refusal of counts in ones written with three decimals.
"""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest

from povstat import read_bps_table

_ABOVE = "value cells in percent above 100"

# Figures typed in the other convention: in locale "id" "13.801" is 13 801
# (a dot groups thousands), not 13.801 percent.
_OTHER = (
    "Kabupaten Pacitan;13.801;13.650\n"
    "Kabupaten Ponorogo;9.970;9.860\n"
    "Kota Batu;3.790;3.310\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen), 2022-2023",
        "Persentase Penduduk Miskin Menurut Kabupaten/Kota (%), 2022-2023",
        "Persentase Penduduk Miskin (Persen)/Percentage of Poor People (Percent)",
        "Persentase Penduduk Miskin Menurut Kabupaten/Kota, Persen",
    ],
)
def test_percent_in_the_title_warns_of_values_above_100(title: str) -> None:
    with pytest.warns(UserWarning, match=_ABOVE) as got:
        t = read_bps_table(
            io.StringIO(f"{title}\nKabupaten/Kota;2022;2023\n{_OTHER}"),
            locale="id",
            sep=";",
            month=3,
        )
    # Read as written in locale "id", the warning naming the first cells.
    assert t.data["value"].tolist() == [
        13801.0,
        13650.0,
        9970.0,
        9860.0,
        3790.0,
        3310.0,
    ]
    shown = [str(w.message) for w in got if _ABOVE in str(w.message)]
    assert shown[0].startswith(f"{_ABOVE}: row 3, column '2022': '13.801'")


def test_percent_in_a_group_label_warns_too() -> None:
    text = f"Kabupaten/Kota;Persentase Penduduk Miskin (%);\n;2022;2023\n{_OTHER}"
    with pytest.warns(UserWarning, match=_ABOVE):
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


def test_percent_in_the_title_with_percentages_no_warning() -> None:
    text = (
        "Persentase Penduduk Miskin Menurut Kabupaten/Kota (Persen), 2022-2023\n"
        "Kabupaten/Kota;2022;2023\nKabupaten Pacitan;13,80;13,65\nKota Batu;3,79;3,31\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.data["value"].tolist() == [13.8, 13.65, 3.79, 3.31]


_RIBU = (
    "Kabupaten Pacitan;76,93 ribu jiwa;76,20 ribu jiwa\n"
    "Kabupaten Ponorogo;85,78 ribu jiwa;84,95 ribu jiwa\n"
    "Kota Batu;8,16 ribu jiwa;7,10 ribu jiwa\n"
)
# Under "(Ribu Jiwa)" the figures are in thousands as the bare "76,93"
# would be: 76.93 (thousand persons), never 76 930.
_IN_THOUSANDS = [76.93, 76.2, 85.78, 84.95, 8.16, 7.1]


@pytest.mark.parametrize(
    "head",
    [
        # the unit in a unit row (the rule as it was)
        "Jumlah Penduduk Miskin, 2022-2023\nKabupaten/Kota;2022;2023\n"
        ";(Ribu Jiwa);(Ribu Jiwa)\n",
        # the same unit in the title
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota (Ribu Jiwa), 2022-2023\n"
        "Kabupaten/Kota;2022;2023\n",
        # bilingual title
        "Jumlah Penduduk Miskin (Ribu Jiwa)/Number of Poor People (Thousand People)\n"
        "Kabupaten/Kota;2022;2023\n",
        # in a group label over the years
        "Kabupaten/Kota;Jumlah Penduduk Miskin (ribu jiwa);\n;2022;2023\n",
    ],
)
def test_cells_stating_the_multiplier_one_scale_wherever_the_unit_is(head: str) -> None:
    t = read_bps_table(io.StringIO(head + _RIBU), locale="id", sep=";", month=3)
    assert t.data["value"].tolist() == _IN_THOUSANDS


def test_a_cell_of_another_unit_than_the_titles_is_refused() -> None:
    text = (
        "Persentase Penduduk Miskin (Persen), 2022-2023\nKabupaten/Kota;2022;2023\n"
        "Kabupaten Pacitan;76,93 ribu jiwa;13,80\nKota Batu;3,79;3,31\n"
    )
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert np.isnan(t.data["value"].iloc[0])
    assert t.data["value"].tolist()[1:] == [13.8, 3.79, 3.31]
    (bad,) = t.invalid
    assert bad.text == "76,93 ribu jiwa"
    assert bad.reason == (
        "the cell states 'persons' times 1,000, but the title states '(Persen)' "
        "('percent') over its column (a unit stated once covers its column "
        "group): which of the two the number is in is a guess; write one unit "
        "in the cells and the title"
    )


_ONES = (
    "Kabupaten Pacitan;76,930;76,200\n"
    "Kabupaten Ponorogo;85,780;84,950\n"
    "Kota Batu;8,160;7,100\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Jumlah Penduduk Miskin, Jiwa, 2022-2023",
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota, Jiwa",
        "Jumlah Penduduk Miskin, Orang, 2023",
    ],
)
def test_a_unit_word_as_a_part_of_the_title_is_the_unit(title: str) -> None:
    # "76,930" persons: a count in ones has no decimals, so three decimals
    # are a thousands comma typed in the other convention (76 930 persons)
    # or 76.93 persons; refused either way, as under "(Jiwa)".
    t = read_bps_table(
        io.StringIO(f"{title}\nKabupaten/Kota;2022;2023\n{_ONES}"),
        locale="id",
        sep=";",
        month=3,
        errors="report",
    )
    assert np.isnan(t.data["value"]).all()
    assert len(t.invalid) == 6
    assert t.invalid[0].reason.startswith(
        "a count in ones (persons) written with three decimals: in locale 'id' "
        "it reads 76.93 persons, but 76930.0 if the comma is a thousands comma"
    )


def test_a_unit_word_among_the_words_of_a_title_part_is_not_read() -> None:
    # No guessing: "Jiwa" among other words ("Jumlah Penduduk Miskin Jiwa")
    # is no unit of its own; the figures are read as written.
    t = read_bps_table(
        io.StringIO(f"Jumlah Penduduk Miskin Jiwa\nKabupaten/Kota;2022;2023\n{_ONES}"),
        locale="id",
        sep=";",
        month=3,
    )
    assert t.data["value"].tolist() == [76.93, 76.2, 85.78, 84.95, 8.16, 7.1]


def test_a_title_unit_naming_no_group_of_several_covers_none() -> None:
    # Two measures as column groups and a title "(Persen)" after the joined
    # measures: whose unit it is is unknown, so 529,40 (thousand persons)
    # under "Jumlah Penduduk Miskin" is no percentage above 100.
    text = (
        "Jumlah dan Persentase Penduduk Miskin (Persen), 2023\n"
        "Kabupaten/Kota;Jumlah Penduduk Miskin;Persentase Penduduk Miskin\n"
        ";2023;2023\nKabupaten Pacitan;529,40;13,80\nKota Batu;8,16;3,31\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.data["value"].tolist() == [529.4, 13.8, 8.16, 3.31]
