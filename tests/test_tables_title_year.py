"""read_bps_table: a year found only in a title spanning the table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path

_NEEDS = (
    "a line spanning the table, which is never read as the columns' period: "
    "read_bps_table needs a header row over the value columns naming each "
    "column's period"
)


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("2022", "2022"),
        (2022, "2022"),  # a number cell
        ("Persentase Penduduk Miskin 2022", "2022"),
        ("Tahun 2023", "2023"),
    ],
)
def test_a_title_year_merged_over_the_sheet_is_named(
    tmp_path: Path, title: object, year: str
) -> None:
    path = xlsx_path(
        tmp_path / "title.xlsx",
        [
            [title, None, None],
            ["Kabupaten/Kota", "Maret", "September"],
            ["Pacitan", 13.8, 13.6],
        ],
        merges=["A1:C1"],
    )
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(path, locale="id")
    said = str(e.value)
    assert (
        f"a year ({year}) is found only in the title {str(title)!r} (row 1, "
        f"merged over A1:C1), {_NEEDS}" in said
    )


def test_the_advised_header_is_read(tmp_path: Path) -> None:
    # The year over the rounds from the second column on: Pacitan (3501),
    # March (3) and September (9) 2022, the values as written.
    path = xlsx_path(
        tmp_path / "header.xlsx",
        [
            ["Kabupaten/Kota", 2022, None],
            [None, "Maret", "September"],
            ["Pacitan", 13.8, 13.6],
        ],
        merges=["B1:C1"],
    )
    got = read_bps_table(path, locale="id").data
    assert got["region_code"].tolist() == ["3501", "3501"]
    assert got["month"].tolist() == [3, 9]
    assert got["value"].tolist() == [13.8, 13.6]


def test_a_csv_title_line_with_a_year_is_named() -> None:
    text = "Persentase Penduduk Miskin 2022;;\nKabupaten/Kota;Maret;September\n"
    text += "Pacitan;13,8;13,6\n"
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(e.value)
    assert (
        "a year (2022) is found only in the title 'Persentase Penduduk Miskin "
        f"2022' (row 1), {_NEEDS}" in said
    )


def test_a_title_without_a_year_gets_no_title_hint() -> None:
    text = "Persentase Penduduk Miskin;;\nKabupaten/Kota;Maret;September\n"
    text += "Pacitan;13,8;13,6\n"
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert "found only in the title" not in str(e.value)
