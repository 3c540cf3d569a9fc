"""read_bps_table: the label column's heading in the lower header row."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path

_ROWS = (
    "Kabupaten/Kota;Perkotaan;Perdesaan;Perkotaan;Perdesaan\n"
    "Pacitan;9,1;15,2;9,0;15,0\n"
)


@pytest.mark.parametrize("top", ["", "Kabupaten/Kota"])
def test_the_region_heading_beside_the_groups_under_the_years(top: str) -> None:
    # Years 2022 and 2023, each over Perkotaan and Perdesaan; the heading
    # "Kabupaten/Kota" in the lower row (the upper label cell empty or the
    # same): the groups are read, Pacitan is 3501 with its four values.
    text = f"{top};2022;;2023;\n{_ROWS}"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data[["region_code", "group", "year", "value"]].values.tolist() == [
        ["3501", "Perkotaan", 2022, 9.1],
        ["3501", "Perdesaan", 2022, 15.2],
        ["3501", "Perkotaan", 2023, 9.0],
        ["3501", "Perdesaan", 2023, 15.0],
    ]


def test_a_region_name_in_the_lower_row_is_no_heading() -> None:
    # "Pacitan" beside the groups is a region's name, not the label
    # column's heading: refused as before (the groups name no period).
    text = ";2022;;2023;\nPacitan;Perkotaan;Perdesaan;Perkotaan;Perdesaan\n" + (
        "Pacitan;9,1;15,2;9,0;15,0\n"
    )
    with pytest.raises(ValueError, match="no period is read from their header"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")


def test_the_lower_heading_in_a_workbook_with_merged_years(tmp_path: Path) -> None:
    # B1:C1 merged "2022", D1:E1 "2023", "Kabupaten/Kota" in A2: as above.
    path = xlsx_path(
        tmp_path / "lower.xlsx",
        [
            [None, "2022", None, "2023", None],
            ["Kabupaten/Kota", "Perkotaan", "Perdesaan", "Perkotaan", "Perdesaan"],
            ["Pacitan", 9.1, 15.2, 9.0, 15.0],
        ],
        merges=["B1:C1", "D1:E1"],
    )
    t = read_bps_table(path, locale="id")
    assert t.data["group"].tolist() == ["Perkotaan", "Perdesaan"] * 2
    assert t.data["year"].tolist() == [2022, 2022, 2023, 2023]


@pytest.mark.parametrize(
    "heading", ["Kabupaten/Kota", "Wilayah", "Provinsi/Kabupaten/Kota"]
)
def test_the_region_heading_alone_under_the_years(heading: str) -> None:
    # The heading in the lower row beside empty cells is a header row, no
    # region with missing values: Pacitan (3501) 13.8 in 2022, 13.65 in 2023,
    # and nothing unmatched.
    t = read_bps_table(
        io.StringIO(f";2022;2023\n{heading};;\nPacitan;13,8;13,65\n"),
        locale="id",
        sep=";",
    )
    assert t.data[["region_code", "year", "value"]].values.tolist() == [
        ["3501", 2022, 13.8],
        ["3501", 2023, 13.65],
    ]
    assert t.unmatched.empty


@pytest.mark.parametrize("top", ["", "Kabupaten/Kota"])
def test_the_region_heading_beside_units_is_the_unit_row(top: str) -> None:
    # "(persen)" beside the heading: the unit row, so 134,5 under it is a
    # percentage above 100 (warned), not a cell that is "not a number".
    text = f"{top};2022;2023\nKabupaten/Kota;(persen);(persen)\nPacitan;13,8;134,5\n"
    with pytest.warns(UserWarning, match="100"):
        t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [13.8, 134.5]
    assert t.skipped["reason"].tolist() == ["unit row"]


def test_the_region_heading_beside_units_in_xlsx(tmp_path: Path) -> None:
    # The same layout in a workbook: the same reading.
    path = xlsx_path(
        tmp_path / "t.xlsx",
        [
            [None, "2022", "2023"],
            ["Wilayah", "(persen)", "(persen)"],
            ["Pacitan", 13.8, 13.65],
        ],
    )
    t = read_bps_table(path, locale="id")
    assert t.data["value"].tolist() == [13.8, 13.65]


def test_a_kind_heading_under_the_years_stays_a_section_heading() -> None:
    # "KOTA" with empty cells under the years heads the cities below:
    # Malang is Kota Malang (3573), not a header row.
    t = read_bps_table(
        io.StringIO("Kabupaten/Kota;2022\nKOTA;\nMalang;4,26\n"), locale="id", sep=";"
    )
    assert t.data["region_code"].tolist()[-1] == "3573"
