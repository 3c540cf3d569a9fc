"""read_bps_table: units alone under the years ("Jumlah dan Persentase")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


@pytest.mark.parametrize(
    ("number", "rate"),
    [("(ribu jiwa)", "(persen)"), ("(rb jiwa)", "(%)")],
)
def test_units_alone_under_the_years_are_the_groups_of_their_columns(
    number: str, rate: str
) -> None:
    # 2022 and 2023 each over a number of poor and a rate: the row under
    # them names each column's unit, which is its group, as the same units
    # over the years are (Pacitan: 75,8 thousand poor and 13,8 percent in
    # 2022; 74,1 and 13,65 in 2023, as written).
    text = (
        "Kabupaten/Kota;2022;;2023;\n"
        f";{number};{rate};{number};{rate}\n"
        "Pacitan;75,8;13,8;74,1;13,65\n"
    )
    got = read_bps_table(io.StringIO(text), locale="id", sep=";").data
    rows = set(zip(got["group"], got["year"], got["value"], strict=True))
    assert rows == {
        (number, 2022, 75.8),
        (rate, 2022, 13.8),
        (number, 2023, 74.1),
        (rate, 2023, 13.65),
    }
    assert got["region_code"].unique().tolist() == ["3501"]


def test_units_under_the_years_read_as_units_over_them() -> None:
    # The same table with the units over the years: the same rows.
    under = (
        "Kabupaten/Kota;2022;;2023;\n"
        ";(ribu jiwa);(persen);(ribu jiwa);(persen)\n"
        "Pacitan;75,8;13,8;74,1;13,65\n"
    )
    over = (
        "Kabupaten/Kota;(ribu jiwa);;(persen);\n"
        ";2022;2023;2022;2023\n"
        "Pacitan;75,8;74,1;13,8;13,65\n"
    )
    one, other = (
        read_bps_table(io.StringIO(t), locale="id", sep=";").data for t in (under, over)
    )
    key = ["group", "year"]
    assert (
        one.sort_values(key)
        .reset_index(drop=True)
        .equals(other.sort_values(key).reset_index(drop=True))
    )


def test_units_merged_under_years_in_a_workbook(tmp_path: Path) -> None:
    path = xlsx_path(
        tmp_path / "jumlah_persentase.xlsx",
        [
            ["Kabupaten/Kota", 2022, None, 2023, None],
            [None, "(ribu jiwa)", "(persen)", "(ribu jiwa)", "(persen)"],
            ["Pacitan", 75.8, 13.8, 74.1, 13.65],
        ],
        merges=["B1:C1", "D1:E1"],
    )
    got = read_bps_table(path, locale="id").data
    assert list(zip(got["group"], got["year"], got["value"], strict=True)) == [
        ("(ribu jiwa)", 2022, 75.8),
        ("(persen)", 2022, 13.8),
        ("(ribu jiwa)", 2023, 74.1),
        ("(persen)", 2023, 13.65),
    ]


def test_one_unit_under_every_column_of_a_year_is_no_group() -> None:
    # "(persen)" under both columns of each year: one unit, no groups; the
    # second column of each year has no period, and the message says the
    # row names units alone and how to label groups.
    text = (
        "Kabupaten/Kota;2022;;2023;\n"
        ";(persen);(persen);(persen);(persen)\n"
        "Pacitan;75,8;13,8;74,1;13,65\n"
    )
    with pytest.raises(ValueError, match="names units alone") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert "'Jumlah (ribu jiwa)', 'Persentase (persen)'" in said
    assert "write the missing labels" not in said
