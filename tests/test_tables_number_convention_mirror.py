"""Three decimals in a column of another number of decimals.

"4,188" in locale "id" reads 4.188; typed from an English source it is
4 188 (the comma a thousands comma). In a column whose other numbers all
have decimals, none three ("477,83", "3.888,60"), it is ambiguous where
some of them are 1,000 or more or group their thousands, or where it is
the column's one number with three decimals; its reason names both
readings. With "en" the marks swap.

The true values are the bundled figures (povstat.datasets): poor people,
thousands, March 2023: Indonesia 25,898.55, DKI Jakarta 477.83, Jawa Barat
3,888.60, Jawa Timur 4,188.81, Nusa Tenggara Timur 1,141.11; Kota Malang
37.78, Kota Surabaya 136.37 (load_east_java).
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from povstat import BpsTable, Locale, parse_numbers, read_bps_table
from povstat.datasets import load_east_java, load_indonesia

_XLS = Path(__file__).parent / "data" / "grouped_formats.xls"


def _check_true_values() -> None:
    # The figures the tables below are typed from.
    d = load_indonesia()
    d = d[(d["year"] == 2023) & (d["month"] == 3) & (d["area"] == "total")]
    poor = dict(zip(d["region_name"], d["poor_thousands"], strict=True))
    assert poor["DKI Jakarta"] == 477.83
    assert poor["Jawa Barat"] == 3888.60
    assert poor["Jawa Timur"] == 4188.81
    assert poor["Nusa Tenggara Timur"] == 1141.11


def _read(text: str, locale: Locale = "id") -> BpsTable:
    return read_bps_table(
        io.StringIO(text),
        locale=locale,
        sep=";",
        month=3,
        errors="report",
    )


_PROVINCES_ID = (
    "Provinsi;2023\n;(ribu jiwa)\nDKI JAKARTA;477,83\nJAWA BARAT;3.888,60\n"
    "JAWA TIMUR;4,188\nNUSA TENGGARA TIMUR;1.141,11\n"
)
_PROVINCES_EN = (
    "Provinsi;2023\n;(thousand people)\nDKI JAKARTA;477.83\nJAWA BARAT;3,888.60\n"
    "JAWA TIMUR;4.188\nNUSA TENGGARA TIMUR;1,141.11\n"
)


@pytest.mark.parametrize(
    ("text", "locale", "other_mark"),
    [
        (_PROVINCES_ID, "id", "comma is a thousands comma"),
        (_PROVINCES_EN, "en", "point is a thousands dot"),
    ],
)
def test_three_decimals_among_grouped_two_decimal_figures_are_ambiguous(
    text: str, locale: Locale, other_mark: str
) -> None:
    # Jawa Timur's 4,188 thousand (true 4,188.81) typed the other way among
    # two-decimal figures grouping their thousands: 4.188 or 4188.
    _check_true_values()
    t = _read(text, locale)
    assert [c.text for c in t.invalid] == ["4,188" if locale == "id" else "4.188"]
    reason = t.invalid[0].reason
    assert f"reads 4.188, but 4188.0 if the {other_mark}" in reason
    assert "none with three" in reason
    assert t.data["value"].tolist()[:2] == [477.83, 3888.6]
    assert np.isnan(t.data["value"].tolist()[2])
    assert t.data["value"].tolist()[3] == 1141.11


@pytest.mark.parametrize(
    ("cells", "locale", "text"),
    [
        (["37,78", "136,37", "4,188"], "id", "4,188"),
        (["37.78", "136.37", "4.188"], "en", "4.188"),
    ],
)
def test_the_one_three_decimal_number_among_two_decimal_ones_is_ambiguous(
    cells: list[str], locale: Locale, text: str
) -> None:
    # Kota Malang 37.78 and Kota Surabaya 136.37 (bundled, March 2023) and
    # "4,188": no grouping, all below 1,000, but the one number of three
    # decimals; 4188 in the other convention (Jawa Timur's thousands).
    p = parse_numbers(cells, locale=locale, errors="report")
    assert [(c.row, c.text) for c in p.invalid] == [(2, text)]
    assert "reads 4.188, but 4188.0" in p.invalid[0].reason
    assert p.value[:2].tolist() == [37.78, 136.37]


def test_three_decimals_are_read_where_the_column_writes_three() -> None:
    # Another number with three decimals ("0,725", "1,500"): the column
    # writes three decimals; "4,188" is 4.188.
    p = parse_numbers(["0,725", "37,78", "4,188"], locale="id")
    assert p.value.tolist() == [0.725, 37.78, 4.188]
    # Two three-decimal numbers, nothing of 1,000 or more or grouped: read.
    p = parse_numbers(["1,234", "5,678", "9,01"], locale="id")
    assert p.value.tolist() == [1.234, 5.678, 9.01]
    # Whole numbers only beside it: no decimals written, read as before.
    p = parse_numbers(["4,375", "13", "12"], locale="id")
    assert p.value.tolist() == [4.375, 13.0, 12.0]


def test_totals_do_not_make_three_decimals_ambiguous() -> None:
    # Two cities' three-decimal figures beside one two-decimal city: only
    # the totals group their thousands, which says nothing of the cities'
    # rows, so they read as written (7.65, 7.1 thousand; Kota Mojokerto and
    # Kota Batu, bundled, March 2023).
    t = _read(
        "Kabupaten/Kota;2023\n;(ribu jiwa)\nINDONESIA;25.898,55\n"
        "JAWA TIMUR;4.188,81\nKota Malang;37,78\nKota Mojokerto;7,650\n"
        "Kota Batu;7,100\n"
    )
    assert not t.invalid
    assert t.data["value"].tolist() == [25898.55, 4188.81, 37.78, 7.65, 7.1]


def test_three_decimal_text_among_grouped_xlsx_numbers_is_ambiguous() -> None:
    # Numbers formatted #,##0.00 (shown "3.888,60") and the text "4,188".
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Provinsi", "2023"])
    ws.append([None, "(ribu jiwa)"])
    for name, v in [
        ("DKI JAKARTA", 477.83),
        ("JAWA BARAT", 3888.6),
        ("JAWA TIMUR", "4,188"),
        ("NUSA TENGGARA TIMUR", 1141.11),
    ]:
        ws.append([name, v])
    for ref in ("B3", "B4", "B6"):
        ws[ref].number_format = "#,##0.00"
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    t = read_bps_table(buf, locale="id", month=3, errors="report")
    assert [c.text for c in t.invalid] == ["4,188"]
    assert "reads 4.188, but 4188.0" in t.invalid[0].reason


def _bps_text(v: float, decimals: int, locale: str) -> str:
    # As BPS writes a figure: thousands grouped, fixed decimals; "…" where
    # there is none.
    if np.isnan(v):
        return "…"
    text = f"{v:,.{decimals}f}"
    if locale == "id":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


_MEASURES = [
    ("poverty_rate_pct", 2, "(persen)"),
    ("poor_thousands", 2, "(ribu jiwa)"),
    ("poverty_line_idr", 0, "(Rp/kapita/bulan)"),
    ("p1", 2, ""),
    ("p2", 2, ""),
]


def _bundled(which: str) -> pd.DataFrame:
    if which == "east_java":
        d = load_east_java()
    else:
        d = load_indonesia()
        d = d[(d["area"] == "total") & d["region_type"].isin(["nasional", "provinsi"])]
    return d[d["month"] == 3]


@pytest.mark.parametrize("which", ["east_java", "indonesia"])
@pytest.mark.parametrize("locale", ["id", "en"])
@pytest.mark.parametrize(
    "years", [(2015, 2016, 2017), (2019, 2020, 2021), (2022, 2023)]
)
def test_bundled_measures_written_as_bps_writes_them_read_back_exactly(
    which: str, locale: Locale, years: tuple[int, ...]
) -> None:
    # Every measure of the bundled data, March of the years given, written
    # with thousands marks on 1,000 or more and the decimals BPS gives (two;
    # none for poverty lines), with its unit row: no cell is refused and
    # each value reads back as stored.
    d = _bundled(which)
    d = d[d["year"].isin(years)]
    for column, decimals, unit in _MEASURES:
        wide = d.pivot_table(
            index="region_name",
            columns="year",
            values=column,
            aggfunc="first",
            dropna=False,
        )
        wide = wide.dropna(how="all")
        if wide.empty:
            continue
        head = "Kabupaten/Kota" if which == "east_java" else "Provinsi"
        lines = [f"{head};" + ";".join(str(y) for y in wide.columns)]
        if unit:
            lines.append(";" + ";".join(unit for _ in wide.columns))
        for name, row in wide.iterrows():
            cells = [_bps_text(float(v), decimals, locale) for v in row]
            lines.append(f"{name};" + ";".join(cells))
        t = read_bps_table(
            io.StringIO("\n".join(lines) + "\n"),
            locale=locale,
            sep=";",
            month=3,
            errors="report",
        )
        assert not t.invalid, (column, [(c.text, c.reason) for c in t.invalid[:3]])
        got = t.data.pivot_table(
            index="region_name",
            columns="year",
            values="value",
            aggfunc="first",
            dropna=False,
        )
        assert sorted(got.index) == sorted(wide.index)
        got = got.reindex(index=wide.index, columns=wide.columns)
        np.testing.assert_array_equal(
            got.to_numpy(dtype=float), wide.to_numpy(dtype=float), err_msg=column
        )


def _xlsx_like_xls(sheet: str) -> io.BytesIO:
    # The sheet of tests/data/grouped_formats.xls, as an .xlsx workbook.
    rows: dict[str, list[tuple[str, object, str | None]]] = {
        "whole": [
            ("Kota Malang", 37.78, "0.00"),
            ("Kota Batu", 7100, "#,##0"),
            ("Kota Surabaya", 136.37, "0.00"),
        ],
        "decimals": [
            ("JAWA BARAT", 3888.6, "#,##0.00"),
            ("JAWA TENGAH", 3791.5, "#,##0.00"),
            ("JAWA TIMUR", "4.188", None),
            ("NUSA TENGGARA TIMUR", 1141.11, "#,##0.00"),
        ],
    }
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Kabupaten/Kota" if sheet == "whole" else "Provinsi", "2023"])
    for r, (name, v, fmt) in enumerate(rows[sheet], start=2):
        ws.append([name, v])
        if fmt is not None:
            ws[f"B{r}"].number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


@pytest.mark.parametrize("kind", ["xls", "xlsx"])
def test_an_xls_whole_number_shown_grouped_is_judged_as_shown(kind: str) -> None:
    # tests/data/grouped_formats.xls (see tests/data/SOURCES.md), sheet
    # "whole": Kota Batu's 7.10 thousand (bundled, March 2023) stored as
    # 7100 with #,##0, shown "7.100", among 37.78 and 136.37 (0.00): 7100
    # or 7.1, ambiguous, as the text "7.100" is, in .xls as in .xlsx.
    pytest.importorskip("xlrd")
    source = _XLS if kind == "xls" else _xlsx_like_xls("whole")
    cases: list[tuple[Locale, str]] = [("id", "7.100"), ("en", "7,100")]
    for locale, shown in cases:
        if not isinstance(source, Path):
            source.seek(0)
        t = read_bps_table(
            source,
            sheet_name="whole" if kind == "xls" else None,
            locale=locale,
            month=3,
            errors="report",
        )
        assert [(c.row, c.text) for c in t.invalid] == [(3, f"{shown} (stores 7100)")]
        assert t.data["value"].tolist()[::2] == [37.78, 136.37]


@pytest.mark.parametrize("kind", ["xls", "xlsx"])
def test_xls_numbers_shown_grouped_with_decimals_are_grouped_decimals(
    kind: str,
) -> None:
    # Sheet "decimals": Jawa Barat 3888.60, Jawa Tengah 3791.50, Nusa
    # Tenggara Timur 1141.11 (bundled, thousands, March 2023) stored with
    # #,##0.00 (shown "3.888,60"), and Jawa Timur the text "4.188" (its
    # 4,188.81 thousand, rounded): every other figure groups its thousands
    # and none is below 1,000, so "4.188" is 4188 in locale "id", in .xls
    # as in .xlsx (before, the .xls figures counted as ungrouped "3888,6"
    # and "4.188" was refused).
    pytest.importorskip("xlrd")
    source = _XLS if kind == "xls" else _xlsx_like_xls("decimals")
    t = read_bps_table(
        source,
        sheet_name="decimals" if kind == "xls" else None,
        locale="id",
        month=3,
        errors="report",
    )
    assert not t.invalid
    assert t.data["value"].tolist() == [3888.6, 3791.5, 4188.0, 1141.11]


@pytest.mark.parametrize(
    ("texts", "locale", "expected"),
    [
        # Computed rates written with all their digits (10.347123456789 is
        # 12 decimals, 4.2612345 seven): the column is not written at a
        # published figure's one or two decimals, so "7.125" is 7.125.
        (
            ["10.347123456789", "7.125", "4.2612345"],
            "en",
            [10.347123456789, 7.125, 4.2612345],
        ),
        # The same in locale "id", with a grouped figure of one decimal
        # beside one of seven: "4,188" is 4.188 as the grammar reads it.
        (["10,3471234", "4,188", "3.888,6"], "id", [10.3471234, 4.188, 3888.6]),
    ],
)
def test_three_decimals_among_longer_decimals_read_as_written(
    texts: list[str], locale: Locale, expected: list[float]
) -> None:
    assert parse_numbers(texts, locale=locale).value.tolist() == expected


def test_one_other_figure_does_not_judge_a_three_decimal_one() -> None:
    # "13,65" beside "2,675": one other figure says little of a column's
    # precision, so "2,675" is 2.675 as the grammar reads it (beside two or
    # more, as "4,188" among "37,78" and "136,37", it is refused).
    assert parse_numbers(["13,65", "2,675"], locale="id").value.tolist() == [
        13.65,
        2.675,
    ]
