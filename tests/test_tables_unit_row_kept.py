"""The unit a unit row states is kept in the result: in the title or the groups.

Values: Kota Batu, March 2023 (BPS, bundled in
``povstat.datasets.load_east_java``): 7.10 thousand poor (7 100 persons),
P0 3.31 percent, poverty line Rp 613 985 per capita per month.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from povstat import BpsTable, read_bps_table
from spreadsheets import xlsx_path


def _read(text: str) -> BpsTable:
    return read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )


def test_a_unit_row_over_every_column_ends_the_title() -> None:
    # The same count in thousands and in persons: the two tables' values are
    # 1000 apart, and their titles say which is which.
    thousands = _read("Kabupaten/Kota;2023\n;(ribu jiwa)\nKota Batu;7,10\n")
    persons = _read("Kabupaten/Kota;2023\n;(jiwa)\nKota Batu;7.100\n")
    assert thousands.title == "(ribu jiwa)"
    assert persons.title == "(jiwa)"
    assert thousands.data["value"].tolist() == [7.1]
    assert persons.data["value"].tolist() == [7100.0]
    assert thousands.data["group"].isna().all()


def test_a_unit_row_follows_the_title_rows() -> None:
    t = _read(
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota;;\n"
        "Kabupaten/Kota;2022;2023\n;(ribu jiwa);\nKota Batu;7,50;7,10\n"
    )
    # The unit row's one cell covers both years (one value column).
    assert t.title == "Jumlah Penduduk Miskin Menurut Kabupaten/Kota | (ribu jiwa)"


def test_a_title_stating_the_unit_is_kept_as_it_is() -> None:
    t = _read(
        "Jumlah Penduduk Miskin (Ribu Jiwa);\nKabupaten/Kota;2023\n"
        ";(ribu jiwa)\nKota Batu;7,10\n"
    )
    assert t.title == "Jumlah Penduduk Miskin (Ribu Jiwa)"


MEASURES_UNIT_ROW = (
    "Kabupaten/Kota;Jumlah Penduduk Miskin;P0;Garis Kemiskinan\n"
    ";2023;2023;2023\n;(ribu jiwa);(persen);(Rp/kapita/bulan)\n"
    "Kota Batu;7,10;3,31;613.985\n"
)
MEASURES_IN_HEADER = (
    "Kabupaten/Kota;Jumlah Penduduk Miskin (ribu jiwa);P0 (persen);"
    "Garis Kemiskinan (Rp/kapita/bulan)\n;2023;2023;2023\n"
    "Kota Batu;7,10;3,31;613.985\n"
)


def test_units_differing_between_groups_end_each_group_label() -> None:
    t = _read(MEASURES_UNIT_ROW)
    assert t.data["group"].tolist() == [
        "Jumlah Penduduk Miskin (ribu jiwa)",
        "P0 (persen)",
        "Garis Kemiskinan (Rp/kapita/bulan)",
    ]
    assert t.data["value"].tolist() == [7.1, 3.31, 613985.0]
    assert t.title == ""


def test_a_unit_row_reads_as_the_units_written_in_the_header() -> None:
    # The same table with each unit in its measure's header cell.
    by_row = _read(MEASURES_UNIT_ROW)
    in_header = _read(MEASURES_IN_HEADER)
    pd.testing.assert_frame_equal(by_row.data, in_header.data)


def test_an_invalid_cell_is_named_by_its_group_with_the_unit() -> None:
    t = _read(
        "Kabupaten/Kota;P0;P1\n;(persen);(indeks)\n;2023;2023\nKota Batu;3,31;x\n"
    )
    assert [c.column for c in t.invalid] == [("P1 (indeks)", "2023")]
    assert t.data["group"].tolist() == ["P0 (persen)", "P1 (indeks)"]


def test_one_unit_written_once_over_groups_ends_the_title() -> None:
    # "(persen)" written once, over the first group (or in a merged cell):
    # the one unit the row states, in the title; the groups as written.
    t = _read(
        "Kabupaten/Kota;Perkotaan;Perdesaan\n;2023;2023\n;(persen);\n"
        "Kota Batu;3,31;4,1\n"
    )
    assert t.data["group"].tolist() == ["Perkotaan", "Perdesaan"]
    assert t.title == "(persen)"


def test_a_group_without_a_unit_keeps_its_label() -> None:
    # Two units over three groups: the group with none keeps its label.
    t = _read(
        "Kabupaten/Kota;P0;P1;Jumlah\n;2023;2023;2023\n;(persen);(indeks);\n"
        "Kota Batu;3,31;0,4;7,10\n"
    )
    assert t.data["group"].tolist() == ["P0 (persen)", "P1 (indeks)", "Jumlah"]
    assert t.title == ""


def test_the_unit_is_kept_from_a_workbook(tmp_path: Path) -> None:
    path = xlsx_path(
        tmp_path / "units.xlsx",
        [
            ["Kabupaten/Kota", "Jumlah Penduduk Miskin", "P0", "Garis Kemiskinan"],
            [None, 2023, 2023, 2023],
            [None, "(ribu jiwa)", "(persen)", "(Rp/kapita/bulan)"],
            ["Kota Batu", 7.1, 3.31, 613985],
        ],
    )
    t = read_bps_table(path, locale="id", month=3)
    assert t.data.equals(_read(MEASURES_UNIT_ROW).data)
    one = xlsx_path(
        tmp_path / "one.xlsx",
        [["Kabupaten/Kota", 2023], [None, "(jiwa)"], ["Kota Batu", 7100]],
    )
    assert read_bps_table(one, locale="id", month=3).title == "(jiwa)"


def test_the_unit_is_kept_from_a_frame() -> None:
    frame = pd.DataFrame(
        {"Kabupaten/Kota": [None, "Kota Batu"], "2023": ["(ribu jiwa)", "7,10"]}
    )
    t = read_bps_table(frame, locale="id", month=3)
    assert t.title == "(ribu jiwa)"
    assert t.data["value"].tolist() == [7.1]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_the_unit_row_is_still_reported_as_skipped(sep: str) -> None:
    t = read_bps_table(
        io.StringIO(f"Kabupaten/Kota{sep}2023\n{sep}(persen)\nKota Batu{sep}3,31\n"),
        locale="id",
        sep=sep,
        month=3,
    )
    assert t.skipped["reason"].tolist() == ["unit row"]
    assert t.title == "(persen)"
