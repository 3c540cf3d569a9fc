"""A number in the other convention among decimal commas, and unit-row units."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from povstat import (
    BpsTable,
    NumberParseError,
    parse_columns,
    parse_numbers,
    read_bps_table,
)
from spreadsheets import xlsx_path


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", **kw)  # type: ignore[arg-type]


_PERSEN = (
    "Kabupaten/Kota;2022;2023\n;(persen);(persen)\nPacitan;13,80;13,65\n"
    "Kota Batu;4.375;4,10\nKota Malang;4,37;4,26\n"
)


def test_a_thousands_dot_among_decimal_commas_is_ambiguous() -> None:
    # "4.375" is 4375 in locale "id" but 4.375 with the dot as a decimal
    # point; the 2022 column's other values (13,80 and 4,37) are written with
    # decimal commas: invalid, naming both readings. The 2023 column reads.
    with pytest.raises(NumberParseError, match=r"reads 4375, but 4,375"):
        _read(_PERSEN)
    t = _read(_PERSEN, errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(4, "2022", "4.375")]
    assert "'4,375' for 4,375" in t.invalid[0].reason
    assert "('4375') for 4375" in t.invalid[0].reason
    assert np.isnan(t.data["value"].iloc[2])
    assert t.data["value"].iloc[3] == 4.10


def test_the_rule_is_the_same_in_any_row_order() -> None:
    # Rows reversed: the same cell, the same reason (its example is the
    # smallest decimal-comma value, '4,37', in either order).
    rows = _PERSEN.splitlines()
    reversed_text = "\n".join([*rows[:2], *rows[:1:-1]]) + "\n"
    a = _read(_PERSEN, errors="report").invalid
    b = _read(reversed_text, errors="report").invalid
    assert [(c.text, c.reason) for c in a] == [(c.text, c.reason) for c in b]


def test_a_count_under_ribu_jiwa_typed_in_ones() -> None:
    # "8.160" among 75,86 and 35,40 (thousands): 8160 thousand or 8.16?
    t = _read(
        "Kabupaten/Kota;2023\n;(ribu jiwa)\nPacitan;75,86\nKota Batu;8.160\n"
        "Kota Malang;35,40\n",
        errors="report",
    )
    assert [c.text for c in t.invalid] == ["8.160"]
    assert "reads 8160, but 8,16" in t.invalid[0].reason


@pytest.mark.parametrize(
    "cells",
    [
        ["674.660", "701.220", "1.234"],  # thousands dots only: no decimals
        ["674.660", "13", "1.234"],  # whole numbers
        # a count in rupiah has no decimals: "Rp 8.160" is 8160 beside a
        # decimal of 1,000 or more (Rp 1500,50); beside "Rp 4,50" the small
        # decimal is the odd cell (tests/test_tables_number_convention_evidence.py)
        ["Rp 8.160", "Rp 1500,50"],
        ["1.234.567", "4,5"],  # two dots: no decimal in either convention
    ],
)
def test_no_ambiguity_without_decimal_commas_or_with_counts(cells: list[str]) -> None:
    # Read as written: 674.660 is 674660, "1.234.567" 1234567.
    out = parse_numbers(cells, locale="id")
    assert not out.invalid


def test_parse_numbers_judges_the_column_given() -> None:
    # A list is one column; "4.375 %" among "13,65 %" and "4,10 %".
    out = parse_numbers(["13,65 %", "4.375 %", "4,10 %"], locale="id", errors="report")
    assert [c.row for c in out.invalid] == [1]
    assert "4,375 if the dot is a decimal point" in out.invalid[0].reason
    assert np.isnan(out.value[1])
    # A table of cells: each column alone. Column 0 writes no decimal comma
    # (4.375 is 4375), column 1 does ("8.160" among "5,5").
    grid = np.array([["4.375", "8.160"], ["1.200", "5,5"]], dtype=object)
    out = parse_numbers(grid, locale="id", errors="report")
    assert [c.row for c in out.invalid] == [(0, 1)]
    assert out.value[0, 0] == 4375.0
    # Locale "en" has the mirror rule: "4,375" among "13.65" is ambiguous.
    out = parse_numbers(["13.65", "4,375"], locale="en", errors="report")
    assert [c.row for c in out.invalid] == [1]


def test_parse_columns_judges_each_column() -> None:
    df = pd.DataFrame({"p0": ["13,65", "4.375"], "poor": ["75.860", "8.160"]})
    with pytest.raises(NumberParseError, match=r"reads 4375, but 4,375") as e:
        parse_columns(df, ["p0", "poor"], locale="id")
    assert [(c.row, c.column) for c in e.value.cells] == [(1, "p0")]


def test_a_text_cell_among_stored_decimals_in_a_workbook(tmp_path: Path) -> None:
    # Stored numbers 13.65 and 4.26 have decimals; the text "4.375" beside
    # them is ambiguous as in a CSV file.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", 2023],
        ["Pacitan", 13.65],
        ["Kota Batu", "4.375"],
        ["Kota Malang", 4.26],
    ]
    path = xlsx_path(tmp_path / "t.xlsx", rows)
    t = read_bps_table(path, locale="id", errors="report")
    assert [c.text for c in t.invalid] == ["4.375"]
    assert t.data["value"].tolist()[::2] == [13.65, 4.26]


def test_a_cell_stating_the_unit_rows_unit_is_read() -> None:
    # Under "(ribu jiwa)": "5,1 ribu jiwa" states the unit row's own unit
    # and is read as 5.1 (thousands), whatever most cells state; the two
    # "%" cells conflict with the unit row and are refused against it.
    t = _read(
        "Kabupaten/Kota;2023\n;(ribu jiwa)\nPacitan;75,86\nKota Batu;8,16 %\n"
        "Kota Malang;7,2 %\nKota Kediri;5,1 ribu jiwa\n",
        errors="report",
    )
    assert t.data["value"].tolist()[::3] == [75.86, 5.1]
    assert [c.text for c in t.invalid] == ["8,16 %", "7,2 %"]
    assert all("unit row 2 states '(ribu jiwa)'" in c.reason for c in t.invalid)
    # Under "(persen)": "35,4 %" is read (35.4), "8.160 jiwa" refused
    # against the unit row, not as a tie of units.
    t = _read(
        "Kabupaten/Kota;2023\n;(persen)\nPacitan;13,80\nKota Batu;35,4 %\n"
        "Kota Malang;8.160 jiwa\n",
        errors="report",
    )
    assert t.data["value"].tolist()[:2] == [13.8, 35.4]
    assert [c.text for c in t.invalid] == ["8.160 jiwa"]
    assert "unit row 2 states '(persen)'" in t.invalid[0].reason


@pytest.mark.parametrize(
    "text",
    [
        # under "(persen)": 4375 (digits alone, no ambiguity of convention)
        "Kabupaten/Kota;2022\n;(persen)\nPacitan;13,80\nKota Batu;4375\n",
        # a "%" cell: 437,5 %
        "Kabupaten/Kota;2022\nPacitan;13,80 %\nKota Batu;437,5 %\n",
    ],
)
def test_a_percentage_above_100_is_warned_of(text: str) -> None:
    # A headcount ratio is at most 100; the value is kept (a change in
    # percent may exceed 100), and the warning names the cell.
    with pytest.warns(UserWarning, match=r"percent above 100: row [34], column '2022'"):
        t = _read(text, errors="report")
    assert t.data["value"].iloc[1] in (4375.0, 437.5)


def test_no_warning_for_plain_numbers_above_100() -> None:
    # No percent stated: 437,5 is not refused nor warned of.
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = _read("Kabupaten/Kota;2022\nPacitan;13,80\nKota Batu;437,5\n")
    assert t.data["value"].tolist() == [13.8, 437.5]


@pytest.mark.parametrize("total_first", [False, True])
def test_a_province_total_with_grouped_decimals_keeps_the_rule(
    total_first: bool,
) -> None:
    # Regencies in thousands ("75,86", "35,40") and the province total
    # "4.188,81", whose decimals group its thousands: the total proves the
    # writer groups thousands above 1,000, not that "8.160" is 8160 rather
    # than 8.16 among values below 1,000. Kota Batu's cell stays ambiguous,
    # whichever row comes first.
    rows = ["Pacitan;75,86", "Kota Batu;8.160", "Kota Malang;35,40"]
    total = "Jawa Timur;4.188,81"
    body = [total, *rows] if total_first else [*rows, total]
    t = _read(
        "Kabupaten/Kota;2023\n;(ribu jiwa)\n" + "\n".join(body) + "\n", errors="report"
    )
    assert [(c.column, c.text) for c in t.invalid] == [("2023", "8.160")]
    # The same with the unit in each cell ("8.160 ribu jiwa" is 8.16
    # thousand or 8,160 thousand).
    cells = ["75,86 ribu jiwa", "8.160 ribu jiwa", "4.188,81 ribu jiwa"]
    with pytest.raises(NumberParseError, match=r"'8\.160 ribu jiwa'"):
        parse_numbers(cells, locale="id")
    # A column where every number with decimals groups its thousands (rupiah
    # lines of 1,000 or more) keeps reading "674.660" as 674,660.
    got = parse_numbers(["412.345,50", "674.660", "600.100,25"], locale="id")
    assert np.asarray(got.value).tolist() == [412345.5, 674660.0, 600100.25]
    # The mirror in locale "en": "8,160" among "75.86" and a total "4,188.81".
    with pytest.raises(NumberParseError, match=r"'8,160'"):
        parse_numbers(["75.86", "8,160", "4,188.81"], locale="en")
