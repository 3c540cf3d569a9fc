"""What counts as evidence of a column's number convention.

A whole number with one thousands separator ("7.100" in locale "id") among
numbers with decimals is ambiguous (7100, or 7.10 typed in the other
convention); its mirror, three decimals without a thousands separator
("587,723": 587.723, or 587 723 with an English thousands comma) among
whole numbers of 1,000 or more, is too. Totals (national and province rows)
show that a column writes decimals, never how it writes the rows under
them; the check covers a column group (one measure, one unit) across its
periods; a unit row of a count in ones ("(jiwa)", "(Rp/kapita/bulan)")
exempts whole counts as a unit in the cell does.

The true values are the bundled East Java figures for March 2023
(povstat.datasets.load_east_java): poor people, thousands: Kota Mojokerto
7.65, Kota Madiun 8.46, Kota Batu 7.10 (2022: 8.05), Kota Malang 37.78
(2022: 38.56), Kota Surabaya 136.37, Jawa Timur 4,188.81; poverty line,
rupiah per person per month: Jawa Timur 507,286, Kota Malang 674,660, Kota
Batu 613,985, Kota Kediri 587,723 (2022: 460,909, 609,612, 564,010,
537,326).
"""

from __future__ import annotations

import io

import numpy as np
import pytest

from povstat import NumberParseError, parse_numbers, read_bps_table
from povstat.datasets import load_east_java
from spreadsheets import csv_table, invalid_texts, ods_bytes, ods_cell, xlsx_bytes


def _check_true_values() -> None:
    # The figures the tables below are typed from.
    d = load_east_java()
    d = d[(d["year"] == 2023) & (d["month"] == 3)].set_index("region_name")
    assert d.loc["Kota Batu", "poor_thousands"] == 7.10
    assert d.loc["Kota Madiun", "poor_thousands"] == 8.46
    assert d.loc["Kota Mojokerto", "poor_thousands"] == 7.65
    assert d.loc["Kota Malang", "poor_thousands"] == 37.78
    assert d.loc["Jawa Timur", "poor_thousands"] == 4188.81
    assert d.loc["Kota Kediri", "poverty_line_idr"] == 587723
    assert d.loc["Kota Malang", "poverty_line_idr"] == 674660


# --- totals trigger the check, never lift it ------------------------------

_TOTALS_ID = (
    "Jumlah Penduduk Miskin Menurut Kabupaten/Kota (ribu jiwa);\n"
    "Kabupaten/Kota;2023\nINDONESIA;25.898,55\nJAWA TIMUR;4.188,81\n"
    "Kota Mojokerto;7.650\nKota Madiun;8.460\nKota Batu;7.100\n"
)


def test_totals_grouping_thousands_do_not_lift_the_check() -> None:
    # The cities' "7.650", "8.460", "7.100" read 7650, 8460, 7100 thousand
    # by the grammar, but 7.65, 8.46, 7.10 thousand (the true figures) with
    # the dot as a decimal point; the only numbers with decimals are the
    # national and province totals, which group their thousands because
    # they are large: no evidence about the cities' cells. All three are
    # refused, naming both readings; the totals read as written.
    _check_true_values()
    t = csv_table(_TOTALS_ID)
    assert invalid_texts(t) == ["7.650", "8.460", "7.100"]
    assert "reads 7100, but 7,1 if the dot is a decimal point" in t.invalid[2].reason
    assert t.data["value"].tolist()[:2] == [25898.55, 4188.81]
    assert t.data["value"].isna().sum() == 3
    with pytest.raises(NumberParseError, match=r"'7\.100'"):
        read_bps_table(io.StringIO(_TOTALS_ID), locale="id", sep=";", month=3)
    # Poverty lines: the cities' own numbers with decimals group their
    # thousands ("412.345,50"), every one of them is of 1,000 or more:
    # "674.660" is 674 660 rupiah (674.66 would be the one value below
    # 1,000). The province total takes no part either way.
    t = csv_table(
        "Kabupaten/Kota;2023\nJAWA TIMUR;507.286,50\nKota Malang;674.660\n"
        "Kota Batu;613.985,25\n"
    )
    assert not t.invalid
    assert t.data["value"].tolist() == [507286.5, 674660.0, 613985.25]


def test_a_province_total_alone_under_a_unit_row() -> None:
    t = csv_table(
        "Kabupaten/Kota;2023\n;(ribu jiwa)\nJAWA TIMUR;4.188,81\nKota Batu;7.100\n"
    )
    assert invalid_texts(t) == ["7.100"]
    assert t.data["value"].iloc[0] == 4188.81


def test_totals_do_not_lift_the_check_in_en() -> None:
    # The mirror: "7,100" is 7100 in locale "en", 7.100 with the comma as a
    # decimal comma; the totals "25,898.55", "4,188.81" prove nothing.
    t = csv_table(
        'Kabupaten/Kota,2023\n,(thousand people)\nINDONESIA,"25,898.55"\n'
        'JAWA TIMUR,"4,188.81"\nKota Batu,"7,100"\n',
        "en",
    )
    assert invalid_texts(t) == ["7,100"]
    assert "reads 7100, but 7.1 if the comma is a decimal comma" in t.invalid[0].reason


def test_totals_stored_as_numbers_or_text_agree() -> None:
    # The same table in a workbook: the totals as number cells formatted
    # "#,##0.00" (shown "25.898,55", "4.188,81") or as the text a CSV file
    # holds. Either way Kota Batu's text "7.100" is refused (7100 or 7.1
    # thousand), as in the CSV file.
    for totals in ([25898.55, 4188.81], ["25.898,55", "4.188,81"]):
        rows: list[list[object]] = [
            ["Kabupaten/Kota", "2023"],
            [None, "(ribu jiwa)"],
            ["INDONESIA", totals[0]],
            ["JAWA TIMUR", totals[1]],
            ["Kota Batu", "7.100"],
        ]
        src = xlsx_bytes(rows, {"B3": "#,##0.00", "B4": "#,##0.00"})
        t = read_bps_table(src, locale="id", month=3, errors="report")
        assert invalid_texts(t) == ["7.100"], totals
        assert t.data["value"].tolist()[:2] == [25898.55, 4188.81]


def test_grouped_stored_decimals_lift_as_grouped_text_does() -> None:
    # A workbook of poverty lines: 412345.5 stored under "#,##0.00" shows
    # "412.345,50", as the text "412.345,50" is written: every number with
    # decimals groups its thousands, so the text "674.660" is 674 660.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        ["Kota Malang", "674.660"],
        ["Kota Batu", 412345.5],
    ]
    t = read_bps_table(xlsx_bytes(rows, {"B3": "#,##0.00"}), locale="id", month=3)
    assert t.data["value"].tolist() == [674660.0, 412345.5]


def test_parse_numbers_lifts_only_among_numbers_of_1000_or_more() -> None:
    # "8.160" beside one grouped decimal "4.188,81" and the small whole
    # numbers 250 and 37: numbers below 1,000 are the column's too, so
    # 8.16 is as live a reading as 8160: refused.
    p = parse_numbers(["4.188,81", "8.160", "250", "37"], locale="id", errors="report")
    assert [c.row for c in p.invalid] == [1]
    assert "reads 8160, but 8,16" in p.invalid[0].reason
    p = parse_numbers(["4,188.81", "8,160", "250"], locale="en", errors="report")
    assert [c.row for c in p.invalid] == [1]
    # All of 1,000 or more, decimals grouped: 674 660 (and the mirror).
    p = parse_numbers(["412.345,50", "674.660", "600.100,25"], locale="id")
    assert p.value.tolist() == [412345.5, 674660.0, 600100.25]
    p = parse_numbers(["412,345.50", "674,660", "1,234,567"], locale="en")
    assert p.value.tolist() == [412345.5, 674660.0, 1234567.0]


# --- one column group across its periods -----------------------------------


def test_the_check_covers_a_column_group_across_periods() -> None:
    # One unit row "(ribu jiwa)" over 2022 and 2023: one measure, one value
    # column. 2022 is written with decimal commas (8,05 and 38,56), so 2023's
    # "7.100" and "37.780" (7100 and 37 780 thousand, or 7.10 and 37.78
    # thousand, the true figures) are ambiguous though their own column
    # holds no decimal.
    t = csv_table(
        "Kabupaten/Kota;2022;2023\n;(ribu jiwa);(ribu jiwa)\n"
        "Kota Batu;8,05;7.100\nKota Malang;38,56;37.780\n"
    )
    assert invalid_texts(t) == ["7.100", "37.780"]
    assert [c.column for c in t.invalid] == ["2023", "2023"]
    assert t.data["value"].tolist()[::2] == [8.05, 38.56]
    # One region, both years.
    t = csv_table(
        "Kabupaten/Kota;2022;2023\n;(ribu jiwa);(ribu jiwa)\nKota Batu;8,05;7.100\n"
    )
    assert invalid_texts(t) == ["7.100"]
    # "Jumlah" in thousands with decimals and the poverty line in whole
    # rupiah, each under its own unit: 674.660 is the line, 674 660 rupiah.
    t = csv_table(
        "Kabupaten/Kota;2023;2023\n;(ribu jiwa);(Rp/kapita/bulan)\n"
        "Kota Malang;37,78;674.660\nKota Batu;7,10;613.985\n"
    )
    assert not t.invalid
    assert t.data["value"].tolist() == [37.78, 674660.0, 7.10, 613985.0]


def test_the_column_group_in_en_and_in_a_workbook() -> None:
    t = csv_table(
        "Kabupaten/Kota,2022,2023\n,(thousand people),(thousand people)\n"
        'Kota Batu,8.05,"7,100"\n',
        "en",
    )
    assert invalid_texts(t) == ["7,100"]
    # 2022 stored as numbers with decimals (8.05, 38.56), 2023 as text.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2022", "2023"],
        [None, "(ribu jiwa)", "(ribu jiwa)"],
        ["Kota Batu", 8.05, "7.100"],
        ["Kota Malang", 38.56, "37.780"],
    ]
    t = read_bps_table(xlsx_bytes(rows, {}), locale="id", month=3, errors="report")
    assert invalid_texts(t) == ["7.100", "37.780"]


# --- three decimals, no thousands separator --------------------------------

_LINES = (
    "Kabupaten/Kota;2022;2023\n;(Rp/kapita/bulan);(Rp/kapita/bulan)\n"
    "JAWA TIMUR;460.909;507.286\nKota Malang;609.612;674.660\n"
    "Kota Batu;564.010;613.985\nKota Kediri;537.326;587,723\n"
)


def test_three_decimals_among_grouped_whole_numbers_are_ambiguous() -> None:
    # "587,723" is 587.723 in locale "id", but 587 723 (the true line) with
    # the comma as an English thousands comma; the others are whole rupiah
    # grouped by dots. The three-decimal cell is refused, naming both
    # readings; the correct cells read (460 909, 507 286, ...).
    t = csv_table(_LINES)
    assert invalid_texts(t) == ["587,723"]
    reason = t.invalid[0].reason
    assert "reads 587.723, but 587723.0 if the comma is a thousands comma" in reason
    assert "write '587.723'" in reason
    v = t.data["value"].tolist()
    assert v[:7] == [
        460909.0,
        507286.0,
        609612.0,
        674660.0,
        564010.0,
        613985.0,
        537326.0,
    ]
    assert np.isnan(v[7])
    # Beside "75,86" (two decimals) the column writes decimals: "8.160" is
    # ambiguous; "7,100", the one number with three decimals beside a
    # single other with decimals, is read as written, 7.1 (one other figure
    # says little of the column's precision; beside two or more it is
    # refused: tests/test_tables_number_convention_mirror.py).
    p = parse_numbers(["75,86", "7,100", "8.160"], locale="id", errors="report")
    assert [c.row for c in p.invalid] == [2]
    assert p.value[[0, 1]].tolist() == [75.86, 7.1]
    # Beside "75,86" and another three-decimal "7,650", three decimals are
    # written in the column: "7,100" is 7.1 and "8.160" alone ambiguous.
    p = parse_numbers(
        ["75,86", "7,100", "8.160", "7,650"], locale="id", errors="report"
    )
    assert [c.row for c in p.invalid] == [2]
    assert p.value[[0, 1, 3]].tolist() == [75.86, 7.1, 7.65]
    # Beside small whole numbers only: nothing says the column groups.
    p = parse_numbers(["4,375", "13", "12"], locale="id")
    assert p.value.tolist() == [4.375, 13.0, 12.0]
    # Beside totals only: the cities' "7,650" etc. read 7.65 thousand.
    t = csv_table(
        "Kabupaten/Kota;2023\n;(ribu jiwa)\nJAWA TIMUR;4.188,81\n"
        "Kota Mojokerto;7,650\nKota Batu;7,100\n"
    )
    assert not t.invalid
    assert t.data["value"].tolist() == [4188.81, 7.65, 7.1]


def test_a_unit_in_each_cell_does_not_exempt_three_decimals() -> None:
    # "Rp 587,723" among "Rp 674.660": the same ambiguity; a count in
    # rupiah has no decimals, so "Rp" is no reason to read 587.723.
    t = csv_table(
        "Kabupaten/Kota;2023\nJAWA TIMUR;Rp 507.286\nKota Malang;Rp 674.660\n"
        "Kota Batu;Rp 613.985\nKota Kediri;Rp 587,723\n"
    )
    assert invalid_texts(t) == ["Rp 587,723"]
    assert t.data["value"].tolist()[:3] == [507286.0, 674660.0, 613985.0]
    p = parse_numbers(
        ["Rp 674.660", "Rp 613.985", "Rp 587,723"], locale="id", errors="report"
    )
    assert [c.row for c in p.invalid] == [2]
    assert p.value[:2].tolist() == [674660.0, 613985.0]
    # Counts of persons: 7.100 persons pasted from English is no 7.1 persons.
    p = parse_numbers(
        ["37.780 jiwa", "136.370 jiwa", "7,100 jiwa"], locale="id", errors="report"
    )
    assert [c.row for c in p.invalid] == [2]
    assert "but 7100.0 if the comma is a thousands comma" in p.invalid[0].reason


@pytest.mark.parametrize(
    "cells",
    [
        ["674,660", "613,985", "587.723"],
        ["IDR 674,660", "IDR 613,985", "IDR 587.723"],
        ["37,780 people", "136,370 people", "7.100 people"],
    ],
)
def test_three_decimals_in_en(cells: list[str]) -> None:
    # The mirror: "587.723" is 587.723 in locale "en", 587 723 with the
    # point as an Indonesian thousands dot.
    p = parse_numbers(cells, locale="en", errors="report")
    assert [c.row for c in p.invalid] == [2]
    assert "if the point is a thousands dot" in p.invalid[0].reason
    assert not np.isnan(p.value[:2]).any()


@pytest.mark.parametrize("fmt", ["#,##0", "0"])
def test_three_decimals_in_a_workbook(fmt: str) -> None:
    # Lines stored as whole numbers (shown "674.660" under "#,##0", or
    # "674660" under "0": whole numbers of 1,000 or more either way) and
    # Kota Kediri's text "587,723": the text is refused, the numbers read.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        ["JAWA TIMUR", 507286],
        ["Kota Malang", 674660],
        ["Kota Batu", 613985],
        ["Kota Kediri", "587,723"],
    ]
    src = xlsx_bytes(rows, {f"B{r}": fmt for r in range(2, 5)})
    t = read_bps_table(src, locale="id", month=3, errors="report")
    assert invalid_texts(t) == ["587,723"]
    assert t.data["value"].tolist()[:3] == [507286.0, 674660.0, 613985.0]
    # All text: the same.
    rows = [
        [r[0], f"{r[1]:,}".replace(",", ".") if isinstance(r[1], int) else r[1]]
        for r in rows
    ]
    t = read_bps_table(xlsx_bytes(rows, {}), locale="id", month=3, errors="report")
    assert invalid_texts(t) == ["587,723"]


# --- a unit row of a count in ones -----------------------------------------


@pytest.mark.parametrize(
    ("unit", "counts", "name"),
    [
        ("(jiwa)", ("37.780", "136.370"), "persons"),
        ("(Rp/kapita/bulan)", ("674.660", "613.985"), "rupiah"),
    ],
)
def test_a_unit_row_of_a_count_exempts_whole_counts(
    unit: str, counts: tuple[str, str], name: str
) -> None:
    # Under "(jiwa)": 37 780 and 136 370 persons (37.78 and 136.37
    # thousand, the true figures), whole counts read as written, as
    # "37.780 jiwa" is. "7,10" (7.1 persons, or 7.10 thousand = 7 100
    # persons typed in thousands) is the odd cell: refused, both readings.
    t = csv_table(
        f"Kabupaten/Kota;2023\n;{unit}\nKota Malang;{counts[0]}\n"
        f"Kota Surabaya;{counts[1]}\nKota Batu;7,10\n"
    )
    assert invalid_texts(t) == ["7,10"]
    reason = t.invalid[0].reason
    assert f"it reads 7.1 {name}, but 7100.0 if it was written in thousands" in reason
    assert "('7.100' for 7100.0)" in reason
    whole = [float(c.replace(".", "")) for c in counts]
    assert t.data["value"].tolist()[:2] == whole


def test_a_unit_row_of_a_count_in_en_and_in_a_workbook() -> None:
    t = csv_table(
        'Kabupaten/Kota,2023\n,(persons)\nKota Malang,"37,780"\n'
        'Kota Surabaya,"136,370"\nKota Batu,7.10\n',
        "en",
    )
    assert invalid_texts(t) == ["7.10"]
    assert "('7,100' for 7100.0)" in t.invalid[0].reason
    assert t.data["value"].tolist()[:2] == [37780.0, 136370.0]
    # Under "(Rp/kapita/bulan)": 412 345,50 and 674 660 rupiah; grouped
    # decimals are no odd cell.
    t = csv_table(
        "Kabupaten/Kota;2023\n;(Rp/kapita/bulan)\nKota Malang;674.660\n"
        "Kota Batu;412.345,50\n"
    )
    assert not t.invalid
    assert t.data["value"].tolist() == [674660.0, 412345.5]
    # A multiplier in the unit row is no count in ones: "(ribu jiwa)" keeps
    # "8.160" ambiguous among 75,86 and 35,40.
    t = csv_table(
        "Kabupaten/Kota;2023\n;(ribu jiwa)\nPacitan;75,86\nKota Batu;8.160\n"
        "Kota Malang;35,40\n"
    )
    assert invalid_texts(t) == ["8.160"]
    # Stored 37780 and 136370 under "#,##0" (shown grouped) and 7.1.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        [None, "(jiwa)"],
        ["Kota Malang", 37780],
        ["Kota Surabaya", 136370],
        ["Kota Batu", 7.1],
    ]
    src = xlsx_bytes(rows, {"B3": "#,##0", "B4": "#,##0", "B5": "0.00"})
    t = read_bps_table(src, locale="id", month=3, errors="report")
    assert [c.row for c in t.invalid] == [5]
    assert t.data["value"].tolist()[:2] == [37780.0, 136370.0]


def test_a_count_with_a_small_decimal_in_the_cell() -> None:
    # "7,10 jiwa" among "37.780 jiwa", "136.370 jiwa": 7.1 persons, or
    # 7 100 persons typed in thousands.
    p = parse_numbers(
        ["37.780 jiwa", "136.370 jiwa", "7,10 jiwa"], locale="id", errors="report"
    )
    assert [c.row for c in p.invalid] == [2]
    assert "it reads 7.1 persons" in p.invalid[0].reason
    p = parse_numbers(["37,780 people", "7.10 people"], locale="en", errors="report")
    assert [c.row for c in p.invalid] == [1]
    # A decimal of 1,000 or more beside a count in rupiah is no odd cell:
    # Rp 8 160 and Rp 1 500,50.
    p = parse_numbers(["Rp 8.160", "Rp 1500,50"], locale="id")
    assert p.value.tolist() == [8160.0, 1500.5]


@pytest.mark.parametrize("label", ["Jumlah", "Total", "KOTA"])
def test_a_total_row_by_its_label_does_not_lift_the_check(label: str) -> None:
    # A row labelled as a total (or a "KOTA" heading holding the section's
    # subtotal) with 4.188,81 thousand: no evidence about "7.100" (7100 or
    # Kota Batu's 7.10 thousand) and "37.780" (37 780 or Kota Malang's
    # 37.78 thousand).
    t = csv_table(
        f"Kabupaten/Kota;2023\n;(ribu jiwa)\n{label};4.188,81\n"
        "Kota Batu;7.100\nKota Malang;37.780\n"
    )
    assert invalid_texts(t) == ["7.100", "37.780"]


def test_parse_columns_refuses_three_decimals_too() -> None:
    import pandas as pd

    from povstat import parse_columns

    # The poverty lines of Kota Malang, Kota Batu and Kota Kediri (the last
    # pasted from English: 587 723, read 587.723 in locale "id").
    df = pd.DataFrame({"gk": ["674.660", "613.985", "587,723"]})
    with pytest.raises(NumberParseError, match=r"'587,723'") as e:
        parse_columns(df, "gk", locale="id")
    assert [c.row for c in e.value.cells] == [2]


def _ods_lines(shown: str) -> io.BytesIO:
    # Poverty lines: Kota Malang's text "674.660" and a float cell storing
    # 412345.5 and showing `shown`.
    return ods_bytes(
        [
            ["Kabupaten/Kota", "2023"],
            ["Kota Malang", "674.660"],
            ["Kota Batu", ods_cell(shown, valuetype="float", value="412345.5")],
        ]
    )


def test_an_ods_number_shown_grouped_lifts_as_grouped_text_does() -> None:
    # 412345.5 shown "412.345,50" is a grouped decimal, as the text is:
    # "674.660" reads 674 660. Shown "412345,50" (no grouping) it is not,
    # and "674.660" stays ambiguous (674660 or 674.66), as in a CSV file.
    t = read_bps_table(_ods_lines("412.345,50"), locale="id", month=3)
    assert t.data["value"].tolist() == [674660.0, 412345.5]
    t = read_bps_table(_ods_lines("412345,50"), locale="id", month=3, errors="report")
    assert invalid_texts(t) == ["674.660"]
