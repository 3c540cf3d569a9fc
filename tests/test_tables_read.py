"""read_bps_table: what a file shows, how it is written, and its options."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import Any, cast

import pandas as pd
import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import (
    ods_bytes,
    ods_cell,
    ods_document,
    ods_row,
    ods_sheet,
    xlsx_bytes,
)

# Kota Malang and Kota Batu, P0 (percent), March 2022 and 2023: BPS table
# "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota", as in the
# bundled data (4.37, 4.26; 3.79, 3.31).


@pytest.mark.parametrize("point", [".0", ".00"])
def test_a_year_header_written_as_a_float_is_the_year(point: str) -> None:
    # pandas writes a column of years holding a missing value as floats:
    # "2022.0" is the year 2022, as 2022.0 in a frame's labels is and as the
    # same header repeated below the values is.
    text = f"Kabupaten/Kota,2022{point},2023{point}\nKota Malang,4.37,4.26\n"
    t = read_bps_table(io.StringIO(text), locale="en", month=3)
    assert t.data[["year", "month", "value"]].to_numpy().tolist() == [
        [2022, 3, 4.37],
        [2023, 3, 4.26],
    ]
    # Over a row of rounds too: 2022.0 spans "Semester 1" and "Semester 2".
    text = (
        f"Kabupaten/Kota,2022{point},\n,Semester 1 (Maret),Semester 2 (September)\n"
        "Kota Malang,4.37,4.26\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2022, 9]]


def test_a_float_year_beside_the_same_year_is_named_as_the_same_period() -> None:
    # "2022.0" and "2022" are one period; the advice about a reader's
    # renaming ("2022.1") is not given for "2022.0", which no reader writes
    # for a repeated name.
    text = "Kabupaten/Kota,2022.0,2022\nKota Malang,4.37,4.26\n"
    with pytest.raises(ValueError, match="same period") as e:
        read_bps_table(io.StringIO(text), locale="en")
    assert "renamed" not in str(e.value)


@pytest.mark.parametrize("sep", [None, 1, b";", [";"]])
def test_a_separator_of_the_wrong_type_is_a_type_error(sep: Any) -> None:
    # Whatever the source (CSV text or a frame), as for `encoding`.
    with pytest.raises(TypeError, match=r"`sep` must be a str .*got"):
        read_bps_table(
            io.StringIO("Wilayah,2022\nKota Batu,3.79\n"), locale="en", sep=sep
        )
    with pytest.raises(ValueError, match="`sep` must be a single character"):
        read_bps_table(io.StringIO("Wilayah,2022\n"), locale="en", sep=";;")


_SUP = "superscript"


def _rich_xlsx(b2: Any, a3: Any) -> io.BytesIO:
    return xlsx_bytes(
        [
            ["Kabupaten/Kota", "2022", "2023"],
            ["Kota Malang", b2, "4,26"],
            [a3, "3,79", "3,31"],
        ]
    )


def _rich(*runs: tuple[str, str | None]) -> Any:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    return CellRichText(
        [
            t if v is None else TextBlock(InlineFont(vertAlign=cast(Any, v)), t)
            for t, v in runs
        ]
    )


def _ods(rows: list[list[Any]], position: str) -> io.BytesIO:
    # A text cell is a str, or (text, raised) runs: the second in a span of a
    # text style with style:text-position `position`.
    pytest.importorskip("odf")
    from odf.style import Style, TextProperties  # type: ignore[import-untyped]
    from odf.text import P, Span  # type: ignore[import-untyped]

    style = Style(name="T1", family="text")
    style.addElement(TextProperties(textposition=position))

    def runs(c: Any) -> Any:
        if isinstance(c, str):
            return c
        cell = ods_cell(valuetype="string")
        p = P(text=c[0])
        p.addElement(Span(stylename=style, text=c[1]))
        cell.addElement(p)
        return cell

    doc = ods_document([[runs(c) for c in row] for row in rows])
    doc.automaticstyles.addElement(style)
    buf = io.BytesIO()
    doc.write(buf)
    buf.seek(0)
    return buf


def _shown(t: Any) -> list[Any]:
    return [
        t.data[["label", "footnote", "year", "value"]].to_numpy().tolist(),
        [(c.row, c.column, c.text) for c in t.invalid],
    ]


# A superscript "1" after "4,37" is a footnote mark, shown "4,37¹": read as
# the same text typed (not a number in ASCII digits: an invalid cell, never
# 4.371); after "Kota Batu" it is the label's footnote mark ("¹"), as typed
# "Kota Batu¹" is (never the label "Kota Batu1"). The other values read as
# written: 4,26 -> 4.26, 3,79 -> 3.79, 3,31 -> 3.31.
_MARKED = [
    [
        ["Kota Malang", None, 2022, float("nan")],
        ["Kota Malang", None, 2023, 4.26],
        ["Kota Batu\u00b9", "\u00b9", 2022, 3.79],
        ["Kota Batu\u00b9", "\u00b9", 2023, 3.31],
    ],
    [(2, "2022", "4,37\u00b9")],
]


def _same(got: list[Any], expected: list[Any]) -> bool:
    # NaN equal to NaN, <NA> to None.
    norm = [
        [[None if pd_isna(v) else v for v in row] for row in got[0]],
        got[1],
    ]
    want = [
        [[None if pd_isna(v) else v for v in row] for row in expected[0]],
        expected[1],
    ]
    return norm == want


def pd_isna(v: Any) -> bool:
    return bool(pd.api.types.is_scalar(v) and pd.isna(v))


def test_a_superscript_run_is_a_footnote_mark_in_xlsx() -> None:
    src = _rich_xlsx(
        _rich(("4,37", None), ("1", _SUP)), _rich(("Kota Batu", None), ("1", _SUP))
    )
    t = read_bps_table(src, locale="id", errors="report")
    assert _same(_shown(t), _MARKED)
    # Typed, the same text reads the same.
    typed = read_bps_table(
        _rich_xlsx("4,37\u00b9", "Kota Batu\u00b9"), locale="id", errors="report"
    )
    assert _same(_shown(typed), _MARKED)
    # errors="raise" names the cell as shown.
    src = _rich_xlsx(_rich(("4,37", None), ("1", _SUP)), "Kota Batu")
    with pytest.raises(ValueError, match="'4,37\u00b9'"):
        read_bps_table(src, locale="id")


def test_a_subscript_run_is_read_as_shown_in_xlsx() -> None:
    # "4,3" and a lowered "7" shows "4,3₇": not 4.37.
    src = _rich_xlsx(_rich(("4,3", None), ("7", "subscript")), "Kota Batu")
    t = read_bps_table(src, locale="id", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(2, "4,3\u2087")]
    # A rich text cell without a raised run reads as its text: "4,3" "7" is
    # 4,37 -> 4.37.
    t = read_bps_table(
        _rich_xlsx(_rich(("4,3", None), ("7", "baseline")), "Kota Batu"), locale="id"
    )
    assert t.data["value"].tolist()[0] == 4.37


def test_a_superscript_run_is_a_footnote_mark_in_xls() -> None:
    # tests/data/shown.xls (see tests/data/SOURCES.md).
    path = Path(__file__).parent / "data" / "shown.xls"
    t = read_bps_table(path, locale="id", sheet_name="superscript", errors="report")
    assert _same(_shown(t), _MARKED)
    t = read_bps_table(path, locale="id", sheet_name="subscript", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(2, "4,3\u2087")]


@pytest.mark.parametrize("position", ["super 58%", "33% 58%", "super"])
def test_a_superscript_span_is_a_footnote_mark_in_ods(position: str) -> None:
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", "2022", "2023"],
        ["Kota Malang", ("4,37", "1"), "4,26"],
        [("Kota Batu", "1"), "3,79", "3,31"],
    ]
    t = read_bps_table(_ods(rows, position), locale="id", errors="report")
    assert _same(_shown(t), _MARKED)


# Any raised run ending a label is a footnote mark: a dagger, double dagger
# or section sign shows as itself, a raised letter as its modifier letter
# ("a" as "\u1d43", "B" as "\u1d2e"), raised digits as superscript digits.
# "Kota Batu" is 3579 in every case, the mark kept in `footnote`.
_RAISED_MARKS = [
    ("\u2020", "\u2020"),
    ("\u2021", "\u2021"),
    ("\u00a7", "\u00a7"),
    ("a", "\u1d43"),
    ("B", "\u1d2e"),
    ("ab", "\u1d43\u1d47"),
    ("\u2020\u2020", "\u2020\u2020"),
    ("12", "\u00b9\u00b2"),
]


@pytest.mark.parametrize(("raised", "mark"), _RAISED_MARKS)
def test_any_raised_run_ending_a_label_is_a_footnote_mark_in_xlsx(
    raised: str, mark: str
) -> None:
    src = _rich_xlsx("4,37", _rich(("Kota Batu", None), (raised, _SUP)))
    t = read_bps_table(src, locale="id")
    rows = t.data[["region_code", "label", "footnote"]].drop_duplicates()
    assert rows.to_numpy().tolist() == [
        ["3573", "Kota Malang", pd.NA],
        ["3579", f"Kota Batu{mark}", mark],
    ]
    assert len(t.unmatched) == 0


@pytest.mark.parametrize(("raised", "mark"), _RAISED_MARKS)
def test_any_raised_span_ending_a_label_is_a_footnote_mark_in_ods(
    raised: str, mark: str
) -> None:
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", "2022"],
        [("Kota Batu", raised), "3,79"],
    ]
    t = read_bps_table(_ods(rows, "super"), locale="id")
    assert t.data[["region_code", "footnote", "value"]].to_numpy().tolist() == [
        ["3579", mark, 3.79]
    ]


@pytest.mark.parametrize(
    ("label", "mark"),
    [
        ("Kota Batu\u2020", "\u2020"),
        ("Kota Batu \u2021", "\u2021"),
        ("Kota Batu\u00a7", "\u00a7"),
        ("Kota Batu\u2020\u2020", "\u2020\u2020"),
    ],
)
def test_a_typed_dagger_after_a_name_is_a_footnote_mark(label: str, mark: str) -> None:
    # No region's name holds a dagger or a section sign: typed after the
    # name they are a footnote mark, as "*" is. The footnote under the table
    # ("\u2020 angka sementara", no numbers) is a note.
    text = f"Kab/Kota;2022\n{label};3,79\n\u2020 angka sementara;\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data[["region_code", "label", "footnote"]].to_numpy().tolist() == [
        ["3579", label, mark]
    ]
    assert t.skipped["reason"].tolist() == ["note"]
    assert len(t.unmatched) == 0


def test_a_raised_q_has_no_superscript_form() -> None:
    # "q" has no modifier letter: raised it shows as "q", "Kota Batuq",
    # which names no region (reported, never guessed).
    src = _rich_xlsx("4,37", _rich(("Kota Batu", None), ("q", _SUP)))
    t = read_bps_table(src, locale="id")
    assert t.unmatched["label"].tolist() == ["Kota Batuq"]


@pytest.mark.parametrize("position", ["0%", "-33% 58%", "sub"])
def test_a_span_on_the_line_or_lowered_in_ods(position: str) -> None:
    # On the line ("0%") the span is part of the text: 4,37 and 1 is
    # "4,371" -> 4.371 as written (no mark shown); lowered it shows "4,37₁".
    rows: list[list[Any]] = [["Kabupaten/Kota", "2022"], ["Kota Malang", ("4,37", "1")]]
    t = read_bps_table(_ods(rows, position), locale="id", errors="report")
    if position == "0%":
        assert t.data["value"].tolist() == [4.371]
    else:
        assert [c.text for c in t.invalid] == ["4,37\u2081"]


def _hidden_xlsx(rows: list[int], columns: list[str]) -> io.BytesIO:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["Kabupaten/Kota", 2022, 2023],
        ["Kota Malang", 4.37, 4.26],
        ["Kota Batu", 3.79, 3.31],
    ]:
        ws.append(row)
    for r in rows:
        ws.row_dimensions[r].hidden = True
    for c in columns:
        ws.column_dimensions[c].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


# Hidden or not, every cell is read: 4.37, 4.26, 3.79, 3.31 as written.
_ALL = [4.37, 4.26, 3.79, 3.31]


def test_hidden_rows_and_columns_are_read_and_named_in_xlsx() -> None:
    with pytest.warns(UserWarning, match=r"hides row 3, column C, which hold cells"):
        t = read_bps_table(_hidden_xlsx([3], ["C"]), locale="en")
    assert t.data["value"].tolist() == _ALL
    # A hidden header row, too: it is read as the header.
    with pytest.warns(UserWarning, match=r"hides row 1, "):
        t = read_bps_table(_hidden_xlsx([1], []), locale="en")
    assert t.data["value"].tolist() == _ALL


def test_hidden_rows_and_columns_without_cells_are_not_named() -> None:
    # Row 9 and column E hold nothing: nothing hidden is read, no warning.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(_hidden_xlsx([9], ["E"]), locale="en")
    assert t.data["value"].tolist() == _ALL


def test_hidden_rows_and_columns_are_read_and_named_in_xls() -> None:
    # tests/data/shown.xls, sheet "hidden": row 3 and column C hidden.
    path = Path(__file__).parent / "data" / "shown.xls"
    with pytest.warns(UserWarning, match=r"hides row 3, column C, which hold cells"):
        t = read_bps_table(path, locale="en", sheet_name="hidden")
    assert t.data["value"].tolist() == _ALL


def _ods_value(value: str | None, *, skip: int = 0) -> io.BytesIO:
    # Header Kabupaten/Kota | (skip empty columns) | 2022, then Kota Malang
    # with a float cell whose office:value is `value` (None: no value),
    # shown "4.37"; the empty cells written as one repeated cell.
    stored = {} if value is None else {"value": value}

    def empty() -> list[Any]:
        return [ods_cell(numbercolumnsrepeated=skip)] if skip else []

    return ods_bytes(
        [
            ["Kabupaten/Kota", *empty(), "2022"],
            ["Kota Malang", *empty(), ods_cell("4.37", valuetype="float", **stored)],
        ]
    )


@pytest.mark.parametrize("value", ["4.37", "+4.37", "4.37E0", ".437e1", "437E-2"])
def test_an_ods_value_in_odf_number_syntax_is_read(value: str) -> None:
    # Each is 4.37 written as XML Schema writes a double.
    t = read_bps_table(_ods_value(value), locale="en")
    assert t.data["value"].tolist() == [4.37]


@pytest.mark.parametrize(
    "value",
    [
        "4_37",
        " 4.37",
        "NaN",
        "INF",
        "-INF",
        "1e999",
        "\u0664.\u0663\u0667",
        "4,37",
        None,
    ],
)
@pytest.mark.parametrize("errors", ["raise", "report"])
def test_an_ods_value_that_is_no_finite_number_names_the_cell(
    value: str | None, errors: Any
) -> None:
    # Python's float() would read "4_37" as 437 and " 4.37" or Arabic-Indic
    # digits as 4.37; NaN and INF are not numbers a cell shows. The file is
    # damaged: the cell is named (C2 after one empty column: the repeated
    # empty cell counts), whatever `errors`.
    shown = "no office:value" if value is None else repr(value)
    with pytest.raises(ValueError, match=rf"cell C2 .*stores {re.escape(shown)}"):
        read_bps_table(_ods_value(value, skip=1), locale="en", errors=errors)


_HTML = (
    "<html><body><table><tr><td>Kabupaten/Kota</td><td>2022</td></tr>"
    "<tr><td>Kota Malang</td><td>4.37</td></tr></table></body></html>"
)
_XML2003 = (
    '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet '
    'ss:Name="S"><Table><Row><Cell><Data ss:Type="String">Kabupaten/Kota</Data>'
    '</Cell><Cell><Data ss:Type="Number">2022</Data></Cell></Row></Table>'
    "</Worksheet></Workbook>"
)


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (_HTML.encode(), r"an HTML page or table .*pandas\.read_html"),
        (("<!DOCTYPE html>\n" + _HTML).encode(), "an HTML page or table"),
        (("\ufeff<table><tr><td>x</td></tr></table>").encode(), "an HTML page"),
        (_XML2003.encode(), r"an Excel 2003 XML spreadsheet \(SpreadsheetML\)"),
    ],
)
def test_a_misnamed_workbook_of_markup_is_named(
    tmp_path: Path, content: bytes, named: str
) -> None:
    # Web sites and old programs save these with the suffix .xls; the
    # message names what the file holds, not "text (CSV?)".
    path = tmp_path / "p0.xls"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=f"named as a spreadsheet .*: it is {named}"):
        read_bps_table(path, locale="en")
    # Passed as a buffer or named .csv, it is read as CSV text: no header is
    # found, and the message names the markup.
    with pytest.raises(ValueError, match=f"no header row.*not CSV text: it is {named}"):
        read_bps_table(io.BytesIO(content), locale="en")


@pytest.mark.parametrize(
    ("encoding", "named"), [("utf-16", "utf-16"), ("utf-16-le", "utf-16-le")]
)
def test_a_misnamed_workbook_of_utf16_text_is_named(
    tmp_path: Path, encoding: str, named: str
) -> None:
    # Excel's "Unicode text" export: UTF-16, with (utf-16) or without
    # (utf-16-le) a byte-order mark, fields separated by tabs.
    path = tmp_path / "p0.xls"
    path.write_bytes("Kabupaten/Kota\t2022\nKota Malang\t4.37\n".encode(encoding))
    advice = f"open(path, encoding='{named}'), sep='\\t'"
    with pytest.raises(ValueError, match=f"is UTF-16 text.*{re.escape(advice)}"):
        read_bps_table(path, locale="en")
    # The advice works: Kota Malang 4.37.
    with open(path, encoding=named) as f:
        t = read_bps_table(f, locale="en", sep="\t")
    assert t.data["value"].tolist() == [4.37]


def test_hidden_rows_and_columns_are_read_and_named_in_ods() -> None:
    # Row 3 and column C collapsed, as are columns D-H and 1000 rows that
    # hold nothing (not named); every cell is read.
    pytest.importorskip("odf")
    from odf.table import TableColumn  # type: ignore[import-untyped]

    columns = [
        TableColumn(numbercolumnsrepeated=2),
        TableColumn(visibility="collapse"),
        TableColumn(numbercolumnsrepeated=5, visibility="collapse"),
    ]

    def number(v: float) -> Any:
        return ods_cell(str(v), valuetype="float", value=v)

    buf = ods_bytes(
        [
            ["Kabupaten/Kota", "2022", "2023"],
            ["Kota Malang", number(4.37), number(4.26)],
            ods_row(["Kota Batu", number(3.79), number(3.31)], visibility="collapse"),
            ods_row([], visibility="filter", numberrowsrepeated=1000),
        ],
        columns=columns,
    )
    with pytest.warns(UserWarning, match=r"hides row 3, column C, which hold cells"):
        t = read_bps_table(buf, locale="en")
    assert t.data["value"].tolist() == _ALL


_DATE = "a date or time"


@pytest.mark.parametrize("fmt", ["yyyy", "yy", "mmmm", "dd/mm/yyyy", "h:mm", "mmm yy"])
def test_a_value_cell_with_a_date_format_is_a_date_never_a_year(fmt: str) -> None:
    # 13.8 and 45000 with a date format are the dates 1900-01-13 19:12
    # (day 13 and 0.8 of a day: 19.2 hours) and 2023-03-15 (serial 45000):
    # shown "1900" and "2023" by yyyy, "Januari" and "Maret" by mmmm. In
    # the value area neither is a year nor a value: each is an invalid
    # cell named as a date, with the date stored. The header's "2022" (a
    # text cell) is the only period.
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", "2022", "2023"],
        ["Pacitan", 13.8, 12.5],
        ["Ngawi", 45000, 9.9],
    ]
    with pytest.raises(ValueError, match=_DATE) as e:
        read_bps_table(xlsx_bytes(rows, {"B2": fmt, "B3": fmt}), locale="id")
    assert "'1900-01-13 19:12:00'" in str(e.value)
    assert "'2023-03-15 00:00:00'" in str(e.value)
    t = read_bps_table(
        xlsx_bytes(rows, {"B2": fmt, "B3": fmt}), locale="id", errors="report"
    )
    assert [(c.row, c.column, c.text) for c in t.invalid] == [
        (2, "2022", "1900-01-13 19:12:00"),
        (3, "2022", "2023-03-15 00:00:00"),
    ]
    assert all(c.reason.startswith(_DATE) for c in t.invalid)
    assert t.data["value"].tolist()[1::2] == [12.5, 9.9]


def test_a_header_date_shown_as_its_year_still_names_the_year() -> None:
    # The header rule is kept: 2022-03-15 shown "yyyy" is the year 2022.
    import datetime

    rows: list[list[Any]] = [
        ["Kabupaten/Kota", datetime.datetime(2022, 3, 15)],
        ["Pacitan", "13,8"],
    ]
    t = read_bps_table(xlsx_bytes(rows, {"B1": "yyyy"}), locale="id")
    assert t.data[["year", "value"]].to_numpy().tolist() == [[2022, 13.8]]


def _ods_date_value(shown: str, stored: str) -> io.BytesIO:
    # Header Kabupaten/Kota | 2022 (text); Pacitan | a date cell storing
    # `stored` and showing `shown`.
    return ods_bytes(
        [
            ["Kabupaten/Kota", "2022"],
            ["Pacitan", ods_cell(shown, valuetype="date", datevalue=stored)],
        ]
    )


@pytest.mark.parametrize(
    ("shown", "stored"), [("2023", "2023-03-15"), ("15/03/2023", "2023-03-15")]
)
def test_an_ods_date_value_cell_is_a_date_never_a_year(shown: str, stored: str) -> None:
    # A date cell showing its year alone ("2023") is a year in a header
    # cell only; in the value area it, and any other date, is invalid.
    t = read_bps_table(_ods_date_value(shown, stored), locale="id", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2022")]
    assert t.invalid[0].reason.startswith(_DATE)
    assert t.invalid[0].text.startswith("2023")
    assert t.data["value"].isna().all()


def test_a_frame_date_value_is_named_as_a_date() -> None:
    # A Timestamp among a frame's values is no number: named as a date,
    # shown in ISO order.
    df = pd.DataFrame(
        {"Kabupaten/Kota": ["Pacitan"], "2022": [pd.Timestamp("2022-05-01")]}
    )
    t = read_bps_table(df, locale="en", errors="report")
    assert [(c.text, c.reason.startswith(_DATE)) for c in t.invalid] == [
        ("2022-05-01 00:00:00", True)
    ]


@pytest.mark.parametrize(
    ("b1", "fmt"),
    [
        (2022, '""'),
        (2022, ";;;"),
        (2022, '"  "'),
        ("2022", '0;0;0;""'),
        ("2022", ";;;"),
    ],
)
def test_a_header_year_whose_format_shows_nothing_is_a_blank_cell(
    b1: Any, fmt: str
) -> None:
    # Excel shows the number 2022 under '""', ';;;' or '"  "' (a section of
    # no digits and no text) as nothing, and the text "2022" under a fourth
    # (text) section '""' as nothing: the header cell is read as shown,
    # blank, so column B holds values under no period.
    rows: list[list[Any]] = [["Kabupaten/Kota", b1, 2023], ["Pacitan", "13,8", "12,5"]]
    with pytest.raises(ValueError, match="no period is read") as e:
        read_bps_table(xlsx_bytes(rows, {"B1": fmt}), locale="id")
    assert "format shows nothing" in str(e.value)


def test_a_header_year_under_a_text_section_shows_the_number() -> None:
    # '0;0;0;""': the number 2022 takes the first section, "0": shown
    # "2022", the year; only text takes the fourth.
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022], ["Pacitan", "13,8"]]
    t = read_bps_table(xlsx_bytes(rows, {"B1": '0;0;0;""'}), locale="id")
    assert t.data[["year", "value"]].to_numpy().tolist() == [[2022, 13.8]]


def test_a_value_whose_format_shows_nothing_stays_invalid() -> None:
    # Below the header the stored number is read, and a format hiding it
    # makes it invalid: a row of such values is never a blank row.
    rows: list[list[Any]] = [["Kabupaten/Kota", "2022"], ["Pacitan", 13.8]]
    t = read_bps_table(xlsx_bytes(rows, {"B2": ";;;"}), locale="id", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2022")]
    assert "shows nothing" in t.invalid[0].reason


def _decimal_frames(text: str) -> list[Any]:
    # One value, the Decimal `text`, as a pandas object column (as
    # pandas.read_sql gives), a pandas decimal128[pyarrow] column and a
    # polars Decimal(38, 23) column and a DuckDB DECIMAL(38,23) relation.
    from decimal import Decimal

    import duckdb

    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    d = Decimal(text)
    return [
        pd.DataFrame({"Kabupaten/Kota": ["Pacitan"], "2022": [d]}),
        pd.DataFrame(
            {
                "Kabupaten/Kota": ["Pacitan"],
                "2022": pd.Series([d], dtype=pd.ArrowDtype(pa.decimal128(38, 23))),
            }
        ),
        pl.DataFrame(
            {"Kabupaten/Kota": ["Pacitan"], "2022": [d]},
            schema={"Kabupaten/Kota": pl.String, "2022": pl.Decimal(38, 23)},
        ),
        duckdb.sql(
            f'SELECT \'Pacitan\' AS "Kabupaten/Kota", {text}::DECIMAL(38,23) AS "2022"'
        ),
    ]


def test_a_decimal_float64_cannot_hold_is_refused_on_every_frame_kind() -> None:
    # 13.80000000000000000000001 has 25 significant digits; its nearest
    # float64 is 13.8, another figure: an invalid cell named by its row and
    # digits whatever the frame, as parse_numbers reports it, never read as
    # 13.8 on one engine and refused otherwise on another.
    from decimal import Decimal

    from povstat import parse_numbers

    text = "13.80000000000000000000001"
    reason = parse_numbers([Decimal(text)], locale="en", errors="report")
    for df in _decimal_frames(text):
        t = read_bps_table(df, locale="en", errors="report")
        assert [(c.row, c.text, c.reason) for c in t.invalid] == [
            (0, text, reason.invalid[0].reason)
        ]
        assert "its nearest float64 is 13.8;" in t.invalid[0].reason
        with pytest.raises(NumberParseError, match="cannot hold it exactly"):
            read_bps_table(df, locale="en")


@pytest.mark.spark
def test_a_spark_decimal_float64_cannot_hold_is_an_invalid_cell() -> None:
    # DecimalType(38, 0) 9007199254740993 (2**53 + 1; nearest float64
    # 9007199254740992, printed 9007199254740992.0, another figure) is
    # invalid; 9007199254740994 (2**53 + 2) is a float64: read.
    from decimal import Decimal

    from pyspark.sql.types import DecimalType, StringType, StructField, StructType

    from backends import spark

    schema = StructType(
        [
            StructField("Kabupaten/Kota", StringType()),
            StructField("2022", DecimalType(38, 0)),
        ]
    )
    rows = [("Pacitan", Decimal(2**53 + 1)), ("Kota Malang", Decimal(2**53 + 2))]
    t = read_bps_table(
        spark().createDataFrame(rows, schema), locale="en", errors="report"
    )
    assert t.data["value"].tolist()[1] == 9007199254740994.0
    assert [(c.row, c.text) for c in t.invalid] == [(0, "9007199254740993")]


def test_a_decimal_float64_holds_is_read_on_every_frame_kind() -> None:
    # 13.8 written with 23 decimals is 13.8 exactly.
    for df in _decimal_frames("13.80000000000000000000000"):
        assert read_bps_table(df, locale="en").data["value"].tolist() == [13.8]


def _two_sheets_xlsx(data_rows: list[list[Any]]) -> io.BytesIO:
    # An empty first worksheet, then "Data" holding `data_rows`.
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.create_sheet("Data")
    for row in data_rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def _two_sheets_ods(data_rows: list[list[str]]) -> io.BytesIO:
    doc = ods_document([], name="Empty")
    doc.spreadsheet.addElement(ods_sheet(data_rows, name="Data"))
    buf = io.BytesIO()
    doc.write(buf)
    buf.seek(0)
    return buf


@pytest.mark.parametrize("build", [_two_sheets_xlsx, _two_sheets_ods])
def test_an_empty_sheet_is_named_with_the_sheets_holding_cells(build: Any) -> None:
    # The first sheet holds no cell: a ValueError naming it and the sheet
    # that holds the table, never an IndexError or TypeError from inside.
    rows = [["Kabupaten/Kota", "2022"], ["Pacitan", "13,8"]]
    with pytest.raises(ValueError, match=r"first worksheet is empty .*\['Data'\]"):
        read_bps_table(build(rows), locale="id")
    t = read_bps_table(build(rows), locale="id", sheet_name="Data")
    assert t.data["value"].tolist() == [13.8]
    with pytest.raises(ValueError, match="no sheet of the workbook holds cells"):
        read_bps_table(build([]), locale="id")


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ("37,78;12,5", [37.78, 12.5]),
        ("37,78 ribu;12,5 ribu", [37.78, 12.5]),
        ("37,78 ribu jiwa;12,5", [37.78, 12.5]),
    ],
)
def test_a_cell_stating_the_unit_rows_multiplier_is_in_its_scale(
    cells: str, expected: list[float]
) -> None:
    # Under "(ribu jiwa)" the column is in thousands: "37,78" is 37.78
    # thousand, and "37,78 ribu" states the same scale: 37.78 too, never
    # 37780 persons beside 12.5 thousand.
    text = f"Kabupaten/Kota;2022;2023\n;(ribu jiwa);(ribu jiwa)\nPacitan;{cells}\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == expected


@pytest.mark.parametrize(
    ("unit_row", "cells", "expected"),
    [
        ("(persen)", "4,37 %;4,26", [4.37, 4.26]),
        ("(persen)", "4,37;4,26 %", [4.37, 4.26]),
        ("%", "4,37 persen;4,26", [4.37, 4.26]),
        ("(jiwa)", "37780 jiwa;36100", [37780.0, 36100.0]),
    ],
)
def test_a_cell_stating_the_unit_rows_unit_is_a_bare_number_under_it(
    unit_row: str, cells: str, expected: list[float]
) -> None:
    # The unit row states the column's unit: "4,37 %" under "(persen)"
    # states the same (4.37 percent, as "4,37" beside it), no percent sign
    # among numbers without one; the unit row, written over 2022 alone,
    # covers 2023 too.
    text = f"Kabupaten/Kota;2022;2023\n;{unit_row};\nKota Malang;{cells}\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == expected


def test_a_percent_sign_among_bare_numbers_without_a_unit_row_stays_ambiguous() -> None:
    # No unit row: whether "4,26" is in percent, as "4,37 %" beside it, is
    # a guess (on a tie the bare number is marked).
    text = "Kabupaten/Kota;2022;2023\nKota Malang;4,37 %;4,26\n"
    with pytest.raises(
        NumberParseError, match=r"'4,26' \(a number without a percent sign"
    ):
        read_bps_table(io.StringIO(text), locale="id", sep=";")


def test_a_shown_multiplier_under_the_unit_row_is_in_its_scale() -> None:
    # 37.78 shown '0.00" ribu jiwa"' under "(ribu jiwa)": 37.78, as typed.
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", "2022"],
        [None, "(ribu jiwa)"],
        ["Pacitan", 37.78],
    ]
    t = read_bps_table(xlsx_bytes(rows, {"B3": '0.00" ribu jiwa"'}), locale="id")
    assert t.data["value"].tolist() == [37.78]


def test_a_multiplier_without_a_unit_row_is_applied() -> None:
    # No unit row: "37,78 ribu" is 37 780 (37.78 x 1000), as documented.
    text = "Kabupaten/Kota;2022\nPacitan;37,78 ribu\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [37780.0]


@pytest.mark.parametrize(
    "url", ["https://bps.go.id/x.xlsx", "HTTP://bps.go.id/t.csv", "ftp://h/t.ods"]
)
def test_a_url_is_refused_as_typed(url: str) -> None:
    # Nothing is downloaded: the URL is named as typed, not as a mangled
    # path ("https:/bps.go.id/x.xlsx").
    with pytest.raises(ValueError, match=re.escape(f"`source` {url!r} is a URL")):
        read_bps_table(url, locale="id")


@pytest.mark.parametrize(
    ("option", "kind"),
    [
        ({"sep": ";"}, "a workbook"),
        ({"encoding": "latin-1"}, "a workbook"),
        ({"sep": ";"}, "a data frame"),
        ({"encoding": "latin-1"}, "a data frame"),
    ],
)
def test_a_csv_option_given_for_a_workbook_or_frame_is_refused(
    option: dict[str, str], kind: str
) -> None:
    # As `sheet_name` given for CSV text is: the option would be ignored.
    rows = [["Kabupaten/Kota", "2022"], ["Pacitan", "13,8"]]
    source: Any = (
        xlsx_bytes(cast("list[list[Any]]", rows), {})
        if kind == "a workbook"
        else pd.DataFrame(rows[1:], columns=rows[0])
    )
    (name,) = option
    with pytest.raises(
        ValueError, match=rf"`{name}` is .* but `source` is {kind}, not CSV text"
    ):
        read_bps_table(source, locale="id", **cast("dict[str, Any]", option))
    # The defaults, given or not, read the table.
    t = read_bps_table(
        xlsx_bytes(cast("list[list[Any]]", rows), {}), locale="id", sep=","
    )
    assert t.data["value"].tolist() == [13.8]


def test_a_frame_cell_of_another_kind_is_shown_as_plain_text() -> None:
    # Cells that are neither text nor numbers are shown as plain text, with
    # a reason naming their kind, never a Python repr ("array([1.])",
    # "b'13.8'", "Decimal('sNaN')", "<DateOffset: months=1>").
    # A DuckDB INTERVAL (a DateOffset) of one month shows as "1 months",
    # after the form pandas gives a duration ("1 days 00:00:00").
    from decimal import Decimal

    import numpy as np

    cells = [
        np.array([1.0]),
        [1.0, 2.0],
        b"13.8",
        Decimal("sNaN"),
        pd.DateOffset(months=1),
        pd.Timedelta(days=1),
    ]
    df = pd.DataFrame(
        {
            "Kabupaten/Kota": [
                "Pacitan",
                "Ngawi",
                "Madiun",
                "Magetan",
                "Blitar",
                "Kediri",
            ],
            "2022": pd.Series(cells, dtype=object),
        }
    )
    t = read_bps_table(df, locale="en", errors="report")
    assert [(c.text, c.reason.split(",")[0]) for c in t.invalid] == [
        ("[1.0]", "a list of values"),
        ("[1.0, 2.0]", "a list of values"),
        ("13.8", "bytes"),
        ("sNaN", "not finite: a signalling NaN"),
        ("1 months", "a time interval (a duration)"),
        ("1 days 00:00:00", "a time interval (a duration)"),
    ]


@pytest.mark.parametrize("inline", ["tab", "line-break", "s"])
def test_ods_spacing_elements_are_white_space_as_in_csv(inline: str) -> None:
    # "Kota", a text:tab, text:line-break or text:s (two spaces), "Batu":
    # white space between the words, as a tab in a CSV field is: Kota Batu
    # (3579), never "KotaBatu".
    pytest.importorskip("odf")
    from odf.text import LineBreak, P, S, Tab

    element = {"tab": Tab, "line-break": LineBreak, "s": lambda: S(c=2)}[inline]()
    label = ods_cell(valuetype="string")
    p = P(text="Kota")
    p.addElement(element)
    p.addText("Batu")
    label.addElement(p)
    buf = ods_bytes([["Kabupaten/Kota", "2022"], [label, "3,79"]])
    t = read_bps_table(buf, locale="id")
    assert t.data[["region_code", "label", "value"]].to_numpy().tolist() == [
        ["3579", "Kota Batu", 3.79]
    ]


_SHEETS_XLS = Path(__file__).parent / "data" / "sheets.xls"


def test_xls_an_empty_first_sheet_is_named_with_the_sheets_holding_cells() -> None:
    pytest.importorskip("xlrd")
    with pytest.raises(
        ValueError, match=r"first worksheet is empty .*\['dates', 'hidden year'\]"
    ):
        read_bps_table(_SHEETS_XLS, locale="id")


def test_xls_a_value_cell_with_a_date_format_is_a_date() -> None:
    # 13.8 and 45000 formatted yyyy (shown "1900", "2023"; see
    # tests/data/SOURCES.md): dates, never the years 1900 and 2023.
    pytest.importorskip("xlrd")
    t = read_bps_table(_SHEETS_XLS, locale="id", sheet_name="dates", errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [
        (2, "2022", "1900-01-13 19:12:00"),
        (3, "2022", "2023-03-15 00:00:00"),
    ]
    assert all(c.reason.startswith(_DATE) for c in t.invalid)
    assert t.data["value"].tolist()[1::2] == [12.5, 9.9]


def test_xls_a_header_year_whose_format_shows_nothing_is_blank() -> None:
    pytest.importorskip("xlrd")
    with pytest.raises(ValueError, match=r"no period is read.*format shows nothing"):
        read_bps_table(_SHEETS_XLS, locale="id", sheet_name="hidden year")


@pytest.mark.parametrize(
    ("unit_row", "cell", "states"),
    [
        # "(persen)" over 2022 alone covers 2023 (one value column): 37.780
        # persons, or 37,78 thousand, under it is refused, never 37780.
        (";(persen);", "37.780 jiwa", "'persons'"),
        (";(persen);", "37,78 ribu", "times 1,000"),
        # And "(ribu jiwa)" over 2023 alone covers 2022: 4,26 % is refused.
        (";;(ribu jiwa)", "4,26 %", "'percent'"),
    ],
)
def test_a_unit_row_cell_covers_the_empty_cells_of_its_group(
    unit_row: str, cell: str, states: str
) -> None:
    a, b = ("3,79", cell) if unit_row == ";(persen);" else (cell, "37,78")
    text = f"Kabupaten/Kota;2022;2023\n{unit_row}\nKota Batu;{a};{b}\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    assert [c.text for c in t.invalid] == [cell]
    assert f"states {states}, but unit row 2" in t.invalid[0].reason
    assert "covers its column group" in t.invalid[0].reason
    with pytest.raises(ValueError, match=re.escape(cell)):
        read_bps_table(io.StringIO(text), locale="id", sep=";")


def test_a_unit_row_cell_covers_its_own_group_only() -> None:
    # "Jumlah" under "(ribu jiwa)" written over its 2022 column alone: its
    # 2023 cell "75.200 jiwa" (persons) is refused, never 75200 beside 76.7
    # thousand; "Persentase" under "(persen)" reads 13.80 and 13.48.
    text = (
        "Kabupaten/Kota;Persentase;;Jumlah;\n;2022;2023;2022;2023\n"
        ";(persen);;(ribu jiwa);\nPacitan;13,80;13,48;76,70;75.200 jiwa\n"
    )
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert [(c.column, c.text) for c in t.invalid] == [
        (("Jumlah (ribu jiwa)", "2023"), "75.200 jiwa")
    ]
    assert t.data["value"].tolist()[:3] == [13.8, 13.48, 76.7]
    # A group label that is a unit alone states it over its columns, as a
    # unit row does.
    text = (
        "Kabupaten/Kota;(persen);;(ribu jiwa);\n;2022;2023;2022;2023\n"
        "Pacitan;13,80;13,48;76,70;75.200 jiwa\n"
    )
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert [c.text for c in t.invalid] == ["75.200 jiwa"]
    assert "the group label states '(ribu jiwa)'" in t.invalid[0].reason


def test_a_merged_unit_cell_covers_its_range() -> None:
    # "(ribu jiwa)" merged across B2:C2 (stored in B2): C3 "7.100 jiwa"
    # (persons) is refused, never 7100 beside 8.16 thousand.
    buf = xlsx_bytes(
        [
            ["Wilayah", 2022, 2023],
            [None, "(ribu jiwa)"],
            ["Kota Batu", 8.16, "7.100 jiwa"],
        ],
        merges=["B2:C2"],
    )
    t = read_bps_table(buf, locale="id", errors="report")
    assert [(c.column, c.text) for c in t.invalid] == [("2023", "7.100 jiwa")]
    assert t.data["value"].tolist()[0] == 8.16


@pytest.mark.parametrize(
    "text",
    [
        # "38210," written without quotes: "38", "210" and an empty field,
        # four fields under a header of three.
        "Kabupaten/Kota,2022,2023\nKota Batu,8160,\nKota Malang,38,210,\n",
        # A header of four fields (a trailing comma), the row one short.
        "Kabupaten/Kota,2022,2023,\nKota Batu,8160,,\nKota Malang,38,210\n",
    ],
)
def test_en_a_row_of_another_field_count_split_by_a_thousands_comma_warns(
    text: str,
) -> None:
    with pytest.warns(UserWarning, match=r"row 3 writes [34] fields where the header"):
        t = read_bps_table(io.StringIO(text), locale="en")
    # Read as written (38 and 210), the row named.
    assert t.data["value"].tolist()[2:] == [38.0, 210.0]


@pytest.mark.parametrize(
    "row",
    [
        # ("Kota Malang,38,210", as many fields as the header, now warns:
        # no other row fills 2023, and an empty column is no evidence the
        # pair is two values; see test_tables_split_unopposed.py.)
        "Kota Malang,4.37,4.26,",  # decimals
        "Kota Malang,38,2100,",  # no three-digit part after a number
    ],
)
def test_en_a_row_that_is_no_thousands_split_does_not_warn(row: str) -> None:
    text = f"Kabupaten/Kota,2022,2023\nKota Batu,8160,\n{row}\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_bps_table(io.StringIO(text), locale="en")


def _sheet(*rows: list[tuple[str, str]]) -> io.BytesIO:
    """An .xlsx workbook whose first sheet stores `rows` of (kind, text) cells.

    Kind "s" is an inline string, "n" a number stored as the text given.
    """
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    base = io.BytesIO()
    openpyxl.Workbook().save(base)
    body = ""
    for r, row in enumerate(rows, start=1):
        cells = ""
        for j, (kind, v) in enumerate(row):
            ref = f"{'ABCDEFGH'[j]}{r}"
            cells += (
                f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
                if kind == "s"
                else f'<c r="{ref}"><v>{v}</v></c>'
            )
        body += f'<row r="{r}">{cells}</row>'
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base.getvalue())) as src,
        zipfile.ZipFile(out, "w") as dst,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (
                    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}">'
                    f"<sheetData>{body}</sheetData></worksheet>"
                ).encode()
            dst.writestr(item, data)
    out.seek(0)
    return out


@pytest.mark.parametrize(
    ("stored", "why"),
    [
        # Python's float takes each of these; none is a number an .xlsx
        # file stores (ASCII digits, "4.37", "1E-05"): never 379, 3, 1, 0.
        ("3_79", "not a number in ASCII digits"),
        ("\u0663", "not a number in ASCII digits"),  # Arabic-Indic three
        ("\uff11", "not a number in ASCII digits"),  # full-width one
        ("infinity", "not a number in ASCII digits"),
        ("1e-400", "too small for a float64 number"),
        ("1e999", "too large for a float64 number"),
    ],
)
def test_xlsx_a_stored_number_python_alone_reads_is_a_damaged_cell(
    stored: str, why: str
) -> None:
    sheet = _sheet(
        [("s", "Wilayah"), ("n", "2022")], [("s", "Kota Batu"), ("n", stored)]
    )
    with pytest.raises(ValueError, match=f"cell 'B2' cannot be read .*{why}"):
        read_bps_table(sheet, locale="en")
    # In a header cell too: "20_22" is no year 2022.
    sheet = _sheet(
        [("s", "Wilayah"), ("n", "20_22")], [("s", "Kota Batu"), ("n", "3.79")]
    )
    with pytest.raises(ValueError, match="cell 'B1' cannot be read"):
        read_bps_table(sheet, locale="en")


def _restyled(buf: io.BytesIO, old: bytes, new: bytes) -> io.BytesIO:
    """The workbook `buf` with `old` replaced by `new` in its first sheet."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert old in data
                data = data.replace(old, new)
            dst.writestr(item, data)
    out.seek(0)
    return out


@pytest.mark.parametrize("style", ["99", "3", "-1"])
@pytest.mark.parametrize("ref", ["B2", "B1"])
def test_xlsx_a_style_index_naming_no_cell_format_is_a_damaged_cell(
    style: str, ref: str
) -> None:
    # The workbook stores three cell formats (0 the default, 1 "0.00",
    # 2 "0.00%"): s="3" and s="99" name none, and s="-1" is no index at all
    # (counted from the end it would be the percent format: 0.05 read as 5).
    book = xlsx_bytes(
        [["Kabupaten/Kota", 2022, 2023], ["Kota Malang", 0.05, 0.06]],
        {"B2": "0.00", "C2": "0.00%"},
    )
    old = b'r="B2" s="1"' if ref == "B2" else b'r="B1" t="n"'
    bad = _restyled(book, old, f'r="{ref}" s="{style}"'.encode())
    with pytest.raises(
        ValueError,
        match=rf"cell '{ref}' cannot be read \(its style index s='{style}' names "
        r"no cell format \(the workbook has 3, numbered 0-2\)\): the file is "
        "damaged",
    ):
        read_bps_table(bad, locale="en")


@pytest.mark.parametrize(
    ("stored", "value"), [("3.79", 3.79), ("1E-05", 1e-05), ("0e-400", 0.0)]
)
def test_xlsx_a_stored_number_in_ascii_digits_is_read(
    stored: str, value: float
) -> None:
    sheet = _sheet(
        [("s", "Wilayah"), ("n", "2022")], [("s", "Kota Batu"), ("n", stored)]
    )
    t = read_bps_table(sheet, locale="en")
    assert t.data["value"].tolist() == [value]


@pytest.mark.parametrize("mark", ["*)", "**", "(1)", "1)", "a)", "(b)"])
def test_a_raised_footnote_mark_on_a_label_is_set_apart(mark: str) -> None:
    # "Kabupaten Nduga" followed by a raised run: the run as a whole is the
    # footnote mark, as the same mark typed ("Kabupaten Nduga *)") is; the
    # region is Kabupaten Nduga (9508), never an unmatched "Nduga*\u207e".
    t = read_bps_table(
        _rich_xlsx("4,37", _rich(("Kabupaten Nduga", None), (mark, _SUP), (" ", None))),
        locale="id",
    )
    assert t.data[["region_code", "footnote"]].to_numpy().tolist()[2:] == [
        ["9508", mark],
        ["9508", mark],
    ]
    assert t.unmatched.empty
    t = read_bps_table(
        _ods(
            [
                ["Kabupaten/Kota", "2022"],
                [("Kabupaten Nduga", mark), "30,1"],
            ],
            "super 58%",
        ),
        locale="id",
    )
    assert t.data[["region_code", "footnote"]].to_numpy().tolist() == [["9508", mark]]


def test_a_raised_mark_on_a_value_is_not_a_label_mark() -> None:
    # After a number, a raised "(1)" shows as superscript ("4,37\u207d\u00b9\u207e"):
    # an invalid cell as typed so, never 4.37 with its mark dropped.
    t = read_bps_table(
        _rich_xlsx(_rich(("4,37", None), ("(1)", _SUP)), "Kota Batu"),
        locale="id",
        errors="report",
    )
    assert [c.text for c in t.invalid] == ["4,37\u207d\u00b9\u207e"]


def test_a_typed_bracketed_superscript_mark_is_set_apart() -> None:
    # "Kabupaten Nduga\u207d\u00b9\u207e" typed: name Kabupaten Nduga, mark
    # "\u207d\u00b9\u207e", as "Kabupaten Nduga\u00b9" gives "\u00b9".
    text = "Kabupaten/Kota,2022\nKabupaten Nduga\u207d\u00b9\u207e,30.1\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data[["region_code", "footnote"]].to_numpy().tolist() == [
        ["9508", "\u207d\u00b9\u207e"]
    ]


@pytest.mark.parametrize(
    "rows",
    [
        # "4.181,29" and "4.188,81" unquoted: "4.181", "29", "4.188", "81";
        # the columns without a header hold "4.188" and "81".
        "JAWA TIMUR,4.181,29,4.188,81\nKota Batu,8,16,7,10\n",
        # Parts with a decimal point ("1,050.5" in "en": "1", "050.5").
        "Kota Batu,8,16,7.5,10\n",
    ],
)
def test_numbers_shifted_into_columns_without_a_header_name_the_split(
    rows: str,
) -> None:
    text = "Wilayah,2022,2023\n" + rows
    with pytest.raises(ValueError, match=r"no period .*splits into two fields"):
        read_bps_table(io.StringIO(text), locale="id")


def test_words_in_a_column_without_a_header_do_not_name_the_split() -> None:
    text = "Wilayah,2022,2023\nKota Batu,8,16,catatan\n"
    with pytest.raises(ValueError, match="no period") as e:
        read_bps_table(io.StringIO(text), locale="id")
    assert "splits" not in str(e.value)


def test_parse_numbers_on_a_frame_gives_advice_that_works() -> None:
    # A pandas frame: parse_columns. A polars frame: parse_columns refuses
    # it, so the advice names the conversion (or one column, a Series).
    from povstat import parse_columns, parse_numbers

    with pytest.raises(TypeError, match=r"use parse_columns\(df") as e:
        parse_numbers(pd.DataFrame({"a": ["4,26"]}), locale="id")
    assert "to_pandas" not in str(e.value)
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({"a": ["4,26"]})
    with pytest.raises(TypeError, match=r"one of its columns .*\.to_pandas\(\)"):
        parse_numbers(frame, locale="id")
    # Both pieces of advice work: 4,26 in locale "id" is 4.26.
    assert parse_numbers(frame["a"], locale="id").value.tolist() == [4.26]
    assert parse_columns(frame.to_pandas(), "a", locale="id")["a"].tolist() == [4.26]


@pytest.mark.parametrize("note", ["", "Sumber: BPS,,,\n"])
def test_a_title_alone_in_the_column_before_the_table_is_layout(note: str) -> None:
    # The table from column B on, its title in A1 (and a note in A5): column
    # A holds only lines of their own, so the names are in column B; Kota
    # Batu (3579), 3.79 and 3.31, the title read as a title.
    text = (
        "Tabel 1 Persentase Penduduk Miskin,,,\n,Kabupaten/Kota,2022,2023\n"
        f",Kota Batu,3.79,3.31\n{note}"
    )
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert t.data[["region_code", "year", "value"]].to_numpy().tolist() == [
        ["3579", 2022, 3.79],
        ["3579", 2023, 3.31],
    ]
    assert t.title == "Tabel 1 Persentase Penduduk Miskin"
    assert t.skipped["reason"].tolist() == ["title"] + (["note"] if note else [])


def test_a_names_column_sharing_a_row_with_values_is_kept() -> None:
    # "Wilayah" in A1 beside the years: column A is the names column, even
    # with a title line of its own above the header.
    text = "Tabel 1,,\nWilayah,2022,2023\nKota Batu,3.79,3.31\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == ["3579", "3579"]
    assert t.title == "Tabel 1"


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("\u200b{}", r"U\+200B \(zero width space\)"),
        ("\ufeff{}", r"U\+FEFF \(zero width no-break space\)"),
        ("Ma\u00adret {}", r"U\+00AD \(soft hyphen\)"),
        ("{}\u2060", r"U\+2060 \(word joiner\)"),
    ],
)
def test_an_invisible_character_in_every_year_label_is_named(
    label: str, named: str
) -> None:
    # Each year label holds the character: no row names a year at all, and
    # the message names the cells that would without it, as it does when a
    # single label holds one.
    y22, y23 = label.format(2022), label.format(2023)
    text = f"Kabupaten/Kota;{y22};{y23}\nKota Batu;3,79;3,31\n"
    pattern = (
        rf"no header row naming years .*{re.escape(repr(y22))} \(row 1\) holds an "
        rf"invisible character {named}.*remove it"
    )
    with pytest.raises(ValueError, match=pattern):
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    frame = pd.DataFrame({"Kabupaten/Kota": ["Kota Batu"], y22: [3.79], y23: [3.31]})
    with pytest.raises(ValueError, match=rf"{re.escape(repr(y22))} .*{named}"):
        read_bps_table(frame, locale="en")


_PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".txt"])
@pytest.mark.parametrize(
    ("data", "named"),
    [
        (_PDF + bytes(range(256)), "those of a PDF document"),
        (_PNG, "those of a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "those of a JPEG image"),
        (b"", r"an empty file \(0 bytes\)"),
    ],
)
def test_a_file_that_is_no_text_is_named_never_given_encoding_advice(
    tmp_path: Path, suffix: str, data: bytes, named: str
) -> None:
    # A PDF or a picture of a table, or an empty file, under any name: no
    # encoding reads it (its NUL bytes are no UTF-16 text), so none is
    # suggested.
    path = tmp_path / f"table{suffix}"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=named) as e:
        read_bps_table(path, locale="en")
    assert "encoding" not in str(e.value)
    assert "looks like text" not in str(e.value)
    with pytest.raises(ValueError, match=named):
        read_bps_table(io.BytesIO(data), locale="en")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_a_stray_nul_in_text_is_named_never_utf16(encoding: str) -> None:
    # One NUL among 57 bytes of UTF-8 text: UTF-16 text of Latin letters
    # would hold a NUL in every other byte, so the NUL is named (byte 33,
    # counted by hand: "Kab,2022,2023\n" is 14 bytes, "Kota Batu,3.79,3.31"
    # 19 more), and no UTF-16 encoding is suggested.
    data = b"Kab,2022,2023\nKota Batu,3.79,3.31\x00\nKota Malang,4.37,4.26\n"
    with pytest.raises(
        ValueError, match=r"1 NUL byte\(s\), the first at byte 33, too few for UTF-16"
    ) as e:
        read_bps_table(io.BytesIO(data), locale="en", encoding=encoding)
    assert "utf-16" not in str(e.value)
    # UTF-16 text (a NUL after each letter) still gets its advice.
    utf16 = "Kab,2022\nKota Batu,3.79\n".encode("utf-16-le")
    with pytest.raises(ValueError, match="pass encoding='utf-16-le'"):
        read_bps_table(io.BytesIO(utf16), locale="en")


def test_a_duckdb_union_column_is_named_with_its_type() -> None:
    # A UNION column has no pandas form (pyarrow's sparse union): the error
    # names the column and its DuckDB type, never pyarrow's bare one.
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    rel = con.sql(
        'select \'Kota Malang\' as k, union_value(num := 2) as "2022", 4.26 as "2023"'
    )
    with pytest.raises(
        ValueError,
        match=r"`source`, a frame, cannot be read: column\(s\) '2022' "
        r"\(UNION\(num INTEGER\)\) cannot be converted to pandas .*CAST",
    ):
        read_bps_table(rel, locale="en")


def _integer_frames(big: int) -> dict[str, Any]:
    """Pacitan's 2022 value `big` and Kota Malang's 2022 value 2**53 + 2."""
    import duckdb
    import polars as pl

    ints = [big, 2**53 + 2]
    names = ["Pacitan", "Kota Malang"]
    con = duckdb.connect()
    duck = {
        t: con.sql(
            f"SELECT * FROM (VALUES ('Pacitan', {big}::{t}), "
            f'(\'Kota Malang\', {2**53 + 2}::{t})) v("Kabupaten/Kota", "2022")'
        )
        for t in ("BIGINT", "UBIGINT", "HUGEINT")
    }
    return {
        "pandas int64": pd.DataFrame({"Kabupaten/Kota": names, "2022": ints}),
        "pandas object": pd.DataFrame(
            {"Kabupaten/Kota": names, "2022": pd.Series(ints, dtype=object)}
        ),
        "pandas Int64": pd.DataFrame(
            {"Kabupaten/Kota": names, "2022": pd.Series(ints, dtype="Int64")}
        ),
        **{
            f"polars {t}": pl.DataFrame(
                {"Kabupaten/Kota": names, "2022": pl.Series(ints, dtype=getattr(pl, t))}
            )
            for t in ("Int64", "UInt64", "Int128")
        },
        **{f"duckdb {t}": rel for t, rel in duck.items()},
    }


def test_an_integer_float64_cannot_hold_is_invalid_on_every_engine() -> None:
    # 2**53 + 1 = 9007199254740993 is no float64 (float64s are 2 apart there;
    # its nearest is 9007199254740992): an invalid cell named by its row and
    # value, on every engine, never read as 9007199254740992.0. 2**53 + 2 =
    # 9007199254740994 is a float64: read.
    for name, df in _integer_frames(2**53 + 1).items():
        t = read_bps_table(df, locale="en", errors="report")
        values = t.data["value"].tolist()
        assert values[0] != values[0], name  # NaN
        assert values[1] == 9007199254740994.0, name
        assert [(c.row, c.text) for c in t.invalid] == [(0, "9007199254740993")], name
        assert "nearest float64 is 9007199254740992.0" in t.invalid[0].reason
        with pytest.raises(NumberParseError, match="cannot hold it exactly"):
            read_bps_table(df, locale="en")


@pytest.mark.spark
def test_an_integer_float64_cannot_hold_is_invalid_on_spark() -> None:
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    from backends import spark

    schema = StructType(
        [StructField("Kabupaten/Kota", StringType()), StructField("2022", LongType())]
    )
    df = spark().createDataFrame(
        [("Pacitan", 2**53 + 1), ("Kota Malang", 2**53 + 2)], schema
    )
    t = read_bps_table(df, locale="en", errors="report")
    assert t.data["value"].tolist()[1] == 9007199254740994.0
    assert [(c.row, c.text) for c in t.invalid] == [(0, "9007199254740993")]


def test_an_odd_cell_is_described_alike_by_parse_numbers_and_read_bps_table() -> None:
    # One description per kind of cell that is neither text nor a number,
    # worked out from the rule (plain text, never a repr; its kind named):
    import datetime
    from decimal import Decimal

    import numpy as np

    from povstat import parse_numbers

    expected = [
        ([1.0, 2.0], "[1.0, 2.0]", "a list of values, not a number"),
        ((1, 2), "[1, 2]", "a list of values, not a number"),
        (np.array([1.5]), "[1.5]", "a list of values, not a number"),
        ({"a": 1}, "{'a': 1}", "a map (keys and values), not a number"),
        (b"13.8", "13.8", "bytes, not text: decode the column to text (str) first"),
        (
            pd.Timedelta(days=1),
            "1 days 00:00:00",
            "a time interval (a duration), not a number",
        ),
        (datetime.time(12, 30), "12:30:00", "a date or time, not a number"),
        (True, "True", "a boolean, not a number"),
        (Decimal("sNaN"), "sNaN", "not finite: a signalling NaN"),
    ]
    cells = [c for c, _, _ in expected]
    names = ["Pacitan", "Ngawi", "Madiun", "Magetan", "Blitar", "Kediri"]
    names += ["Kota Malang", "Kota Batu", "Kota Madiun"]
    df = pd.DataFrame({"Kabupaten/Kota": names, "2022": pd.Series(cells, dtype=object)})
    t = read_bps_table(df, locale="en", errors="report")
    p = parse_numbers(pd.Series(cells, dtype=object), locale="en", errors="report")
    want = [(text, reason) for _, text, reason in expected]
    # A date's reason in a table adds where dates belong (a header cell).
    got = [(c.text, c.reason.split(" (a date cell")[0]) for c in t.invalid]
    assert got == want
    assert [(c.text, c.reason) for c in p.invalid] == want


def _map_frames() -> dict[str, Any]:
    import duckdb
    import polars as pl
    import pyarrow as pa  # type: ignore[import-untyped]

    kind = pa.map_(pa.string(), pa.int64())
    table = pa.table(
        {
            "Kabupaten/Kota": ["Pacitan"],
            "2022": pa.array([[("a", 1), ("b", 2)]], type=kind),
        }
    )
    con = duckdb.connect()
    return {
        "pandas arrow map": table.to_pandas(types_mapper=pd.ArrowDtype),
        "pyarrow map": table,
        "polars map": pl.from_arrow(table),
        "duckdb MAP": con.sql(
            "SELECT 'Pacitan' AS \"Kabupaten/Kota\", MAP {'a': 1, 'b': 2} AS \"2022\""
        ),
        "pandas dict": pd.DataFrame(
            {"Kabupaten/Kota": ["Pacitan"], "2022": [{"a": 1, "b": 2}]}
        ),
    }


def test_a_map_cell_is_described_as_a_map_on_every_engine() -> None:
    # A map of a -> 1, b -> 2 is the text "{'a': 1, 'b': 2}" and a map on
    # every engine, never the list of pairs "[a, 1, b, 2]" some reach pandas as.
    for name, df in _map_frames().items():
        t = read_bps_table(df, locale="en", errors="report")
        assert [(c.text, c.reason) for c in t.invalid] == [
            ("{'a': 1, 'b': 2}", "a map (keys and values), not a number")
        ], name


@pytest.mark.spark
def test_a_spark_map_cell_is_described_as_a_map() -> None:
    from pyspark.sql.types import (
        IntegerType,
        MapType,
        StringType,
        StructField,
        StructType,
    )

    from backends import spark

    schema = StructType(
        [
            StructField("Kabupaten/Kota", StringType()),
            StructField("2022", MapType(StringType(), IntegerType())),
        ]
    )
    df = spark().createDataFrame([("Pacitan", {"a": 1})], schema)
    t = read_bps_table(df, locale="en", errors="report")
    assert [(c.text, c.reason) for c in t.invalid] == [
        ("{'a': 1}", "a map (keys and values), not a number")
    ]


def test_a_duckdb_varint_is_read_as_its_integer() -> None:
    # VARINT 12345 is 12345.0, never its bytes; 2**53 + 1 = 9007199254740993
    # as a VARINT is refused as any integer float64 cannot hold (nearest
    # 9007199254740992).
    import duckdb

    con = duckdb.connect()
    rel = con.sql(
        "SELECT * FROM (VALUES ('Pacitan', 12345::VARINT), "
        f'(\'Kota Malang\', {2**53 + 1}::VARINT)) v("Kabupaten/Kota", "2022")'
    )
    t = read_bps_table(rel, locale="en", errors="report")
    assert t.data["value"].tolist()[0] == 12345.0
    assert [(c.row, c.text) for c in t.invalid] == [(1, "9007199254740993")]
    assert "cannot hold it exactly" in t.invalid[0].reason


# --- a year header shown otherwise ------------------------------------------


def _year_formats_xlsx(fmt: str) -> io.BytesIO:
    return xlsx_bytes(
        [["Kabupaten/Kota", 2022, 2023], ["Kota Batu", 3.79, 3.31]], {"B1": fmt}
    )


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        # Worked by hand as Excel shows 2022 with each format:
        ("0%", "202200%"),  # times 100, with "%"
        ("0.0%", "202200.0%"),
        ("0.00E+00", "2.02E+03"),  # 2022 = 2.022 x 10^3, two decimals
        ("[$$-409]#,##0", "$2,022"),  # a currency symbol
        ("00000", "02022"),  # padded to five digits
        ("#,##0,", "2"),  # a scaling comma: 2022 / 1000, no decimals
        ("0.00%;-0.00%", "202200.00%"),  # the first section applies
    ],
)
def test_a_year_header_shown_otherwise_is_refused_in_xlsx(fmt: str, shown: str) -> None:
    # A header cell is read as shown: 2022 shown as "202200%" is no year,
    # never the year 2022; the message names the cell, what it stores and
    # what it shows.
    with pytest.raises(
        ValueError,
        match=rf"cell B1 stores the year 2022, which its number format shows as "
        rf"{re.escape(repr(shown))}: a header cell is read as shown",
    ):
        read_bps_table(_year_formats_xlsx(fmt), locale="en")


@pytest.mark.parametrize(
    "fmt", ["General", "0", "#", "0000", "0.00", "0.000", "#,##0", "#,##0.00", "# ?/?"]
)
def test_a_year_header_showing_its_digits_is_the_year_in_xlsx(fmt: str) -> None:
    # "2022", "2022.00" (zero decimals, read as typed "2022.00" is), "2,022"
    # (a thousands separator only groups the digits) and "2022" with a
    # fraction's blank part all show the year 2022: Kota Batu 3.79 in 2022.
    t = read_bps_table(_year_formats_xlsx(fmt), locale="en")
    assert t.data[["year", "value"]].to_numpy().tolist() == [[2022, 3.79], [2023, 3.31]]


def test_a_year_shown_as_percent_in_the_values_is_read_as_stored() -> None:
    # Only header cells are read as shown: a value 2022 (a count) with the
    # format "0" in a row below the header is the number 2022; one with a
    # percent format among plain numbers is the ambiguous scale rule's
    # (invalid), as before.
    buf = xlsx_bytes(
        [["Kabupaten/Kota", 2022, 2023], ["Kota Batu", 2022, 2023]], {"B2": "#,##0"}
    )
    t = read_bps_table(buf, locale="en")
    assert t.data["value"].tolist() == [2022.0, 2023.0]


def _year_ods(value_type: str, value: str, shown: str) -> io.BytesIO:
    def number(kind: str, stored: str, text: str) -> Any:
        return ods_cell(text, valuetype=kind, value=stored)

    return ods_bytes(
        [
            [
                "Kabupaten/Kota",
                number(value_type, value, shown),
                number("float", "2023", "2023"),
            ],
            [
                "Kota Batu",
                number("float", "3.79", "3.79"),
                number("float", "3.31", "3.31"),
            ],
        ]
    )


@pytest.mark.parametrize(
    ("value_type", "shown"),
    [
        ("percentage", "202200%"),  # the percentage type shows 2022 x 100
        ("float", "2.02E+03"),  # a scientific number style
        ("currency", "Rp 2.022"),  # a currency style
    ],
)
def test_a_year_header_shown_otherwise_is_refused_in_ods(
    value_type: str, shown: str
) -> None:
    # An .ods cell's text is what it shows: the stored year 2022 shown so is
    # no year.
    with pytest.raises(
        ValueError,
        match=rf"cell B1 stores the year 2022, which its number format shows as "
        rf"{re.escape(repr(shown))}",
    ):
        read_bps_table(_year_ods(value_type, "2022", shown), locale="en")


@pytest.mark.parametrize("shown", ["2022", "2022.00", "2022.000", "2,022", "2.022"])
def test_a_year_header_showing_its_digits_is_the_year_in_ods(shown: str) -> None:
    t = read_bps_table(_year_ods("float", "2022", shown), locale="en")
    assert t.data[["year", "value"]].to_numpy().tolist() == [[2022, 3.79], [2023, 3.31]]


@pytest.mark.parametrize(
    ("sheet", "shown"), [("percent", "202200%"), ("scientific", "2.02E+03")]
)
def test_a_year_header_shown_otherwise_is_refused_in_xls(
    sheet: str, shown: str
) -> None:
    # tests/data/year_formats.xls (see tests/data/SOURCES.md): 2022 in B1
    # with 0% and 0.00E+00, read by its XF record's format as in .xlsx.
    pytest.importorskip("xlrd")
    path = Path(__file__).parent / "data" / "year_formats.xls"
    with pytest.raises(
        ValueError,
        match=rf"cell B1 stores the year 2022, which its number format shows as "
        rf"{re.escape(repr(shown))}",
    ):
        read_bps_table(path, locale="en", sheet_name=sheet)


@pytest.mark.parametrize("sheet", ["grouped", "decimals"])
def test_a_year_header_showing_its_digits_is_the_year_in_xls(sheet: str) -> None:
    # "2,022" and "2022.00" show the year 2022: Kota Batu 3.79 in 2022.
    pytest.importorskip("xlrd")
    path = Path(__file__).parent / "data" / "year_formats.xls"
    t = read_bps_table(path, locale="en", sheet_name=sheet)
    assert t.data[["year", "value"]].to_numpy().tolist() == [[2022, 3.79], [2023, 3.31]]


# --- a long frame, or one pivoted on two keys ---------------------------------

# Kota Batu and Kota Malang P0, March and September of 2022 and 2023 (made-up
# figures: the messages are tested, not the values), with a second key
# besides the region and the year: the month, or urban/rural.
_LONG = pd.DataFrame(
    {
        "wilayah": ["Kota Batu"] * 4 + ["Kota Malang"] * 4,
        "tahun": [2022, 2022, 2023, 2023] * 2,
        "bulan": [3, 9, 3, 9] * 2,
        "p0": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
    }
)
_LONG_AREA = _LONG.rename(columns={"bulan": "daerah"}).assign(
    daerah=["Perkotaan", "Perdesaan"] * 4
)


def _on_engine(frame: pd.DataFrame, engine: str) -> Any:
    if engine == "polars":
        pl = pytest.importorskip("polars")
        return pl.from_pandas(frame)
    if engine == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        return duckdb.from_df(frame)
    return frame


_PIVOT_HINT = r"pivot the long frame on the year alone"


@pytest.mark.parametrize("engine", ["pandas", "polars", "duckdb"])
@pytest.mark.parametrize("frame", [_LONG, _LONG_AREA], ids=["month", "area"])
def test_a_long_frame_gets_the_pivot_hint_on_every_engine(
    frame: pd.DataFrame, engine: str
) -> None:
    # One row per region, year and second key: the years are in the column
    # 'tahun', repeated; every engine gets the same advice.
    with pytest.raises(
        ValueError, match=rf"long form.*column 'tahun' holds years.*{_PIVOT_HINT}"
    ):
        read_bps_table(_on_engine(frame, engine), locale="en")


@pytest.mark.parametrize("frame", [_LONG, _LONG_AREA], ids=["month", "area"])
def test_a_frame_pivoted_on_two_keys_gets_the_pivot_hint_on_every_engine(
    frame: pd.DataFrame,
) -> None:
    # Pivoted on the year and the second key, each engine names the columns
    # its own way: pandas a MultiIndex (2022, 3), polars "{2022,3}", DuckDB
    # "2022_3"; each gets the advice to pivot on the year alone.
    key = str(frame.columns[2])
    if key == "bulan":
        # pandas' MultiIndex (2022, 3): the months 3 and 9 are no rounds
        # (a bare number names none), so 2022 is named twice. Over
        # "Perkotaan", "Perdesaan" it is a year over its groups: read (see
        # test_a_year_over_its_groups_is_read_from_a_frame).
        wide = frame.pivot(  # noqa: PD010 - the pivot a user makes, not ours
            index="wilayah", columns=["tahun", key], values="p0"
        )
        with pytest.raises(ValueError, match=rf"year over a second key.*{_PIVOT_HINT}"):
            read_bps_table(wide.reset_index(), locale="en")
    pl = pytest.importorskip("polars")
    polars_wide = pl.from_pandas(frame).pivot(  # noqa: PD010 - polars' pivot
        on=["tahun", key], index="wilayah", values="p0"
    )
    with pytest.raises(ValueError, match=rf"year and another column.*{_PIVOT_HINT}"):
        read_bps_table(polars_wide, locale="en")
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.register("long", frame)
    duck_wide = con.sql(f"PIVOT long ON tahun, {key} USING first(p0) GROUP BY wilayah")
    with pytest.raises(ValueError, match=rf"year and another column.*{_PIVOT_HINT}"):
        read_bps_table(duck_wide, locale="en")


def test_a_wide_frame_gets_no_pivot_hint() -> None:
    # A wide frame with a bad header is not called long: "2024*" names no
    # period, and no column holds repeated years.
    frame = pd.DataFrame({"wilayah": ["Kota Batu"], "2023": [3.3], "2024*": [3.79]})
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(frame, locale="en")
    assert "pivot" not in str(info.value)


# --- a year over its groups -----------------------------------------------------

# Kota Batu P0 by area, 2022 and 2023 (made-up figures), the year over its
# groups: each column's year is the one over it, its group the label under.
_BY_AREA = [
    ["Perkotaan", 2022, 1.0],
    ["Perdesaan", 2022, 2.0],
    ["Total", 2022, 3.0],
    ["Perkotaan", 2023, 4.0],
    ["Perdesaan", 2023, 5.0],
    ["Total", 2023, 6.0],
]
_AREAS = ["Perkotaan", "Perdesaan", "Total"]


def _year_over_groups_xlsx(title: bool) -> io.BytesIO:
    top = 2 if title else 1
    rows: list[list[Any]] = [["Wilayah", "Persentase Penduduk Miskin"]] if title else []
    rows += [
        ["" if title else "Wilayah", 2022, None, None, 2023, None, None],
        [None, *_AREAS, *_AREAS],
        ["Kota Batu", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    ]
    merges = ["B1:G1"] if title else []
    return xlsx_bytes(rows, merges=[*merges, f"B{top}:D{top}", f"E{top}:G{top}"])


@pytest.mark.parametrize("title", [False, True])
def test_a_year_merged_over_its_groups_is_read_in_xlsx(title: bool) -> None:
    # 2022 merged over B:D, 2023 over E:G, the groups in the row under them
    # (a title merged over all above them is the title).
    t = read_bps_table(_year_over_groups_xlsx(title), locale="en")
    assert t.data[["group", "year", "value"]].to_numpy().tolist() == _BY_AREA
    assert t.data["region_code"].unique().tolist() == ["3579"]
    assert t.title == ("Wilayah | Persentase Penduduk Miskin" if title else "")


def test_a_year_over_its_groups_is_read_in_csv() -> None:
    # A CSV file cannot merge: the year spans the empty cells to its right,
    # as a year over its rounds does.
    text = (
        "Wilayah,2022,,,2023,,\n"
        ",Perkotaan,Perdesaan,Total,Perkotaan,Perdesaan,Total\n"
        "Kota Batu,1,2,3,4,5,6\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data[["group", "year", "value"]].to_numpy().tolist() == _BY_AREA


def test_a_year_over_its_groups_is_read_from_a_frame() -> None:
    # pandas' pivot on the year and the area: a MultiIndex (2022,
    # "Perkotaan"), read as two label rows, the year over its groups.
    long = pd.DataFrame(
        {
            "wilayah": ["Kota Batu"] * 6,
            "tahun": [2022, 2022, 2022, 2023, 2023, 2023],
            "daerah": _AREAS * 2,
            "p0": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        }
    )
    wide = long.pivot(  # noqa: PD010 - the pivot a user makes, not ours
        index="wilayah", columns=["tahun", "daerah"], values="p0"
    ).reset_index()
    t = read_bps_table(wide, locale="en")
    got = sorted(t.data[["group", "year", "value"]].to_numpy().tolist(), key=str)
    assert got == sorted(_BY_AREA, key=str)


def test_a_group_outside_the_years_merged_range_is_refused() -> None:
    # 2022 merged over B:C only; D ("Total") lies under no year.
    buf = xlsx_bytes(
        [
            ["Wilayah", 2022, None, None],
            [None, "Perkotaan", "Perdesaan", "Total"],
            ["Kota Batu", 1.0, 2.0, 3.0],
        ],
        merges=["B1:C1"],
    )
    with pytest.raises(
        ValueError, match=r"column\(s\) D \('Total'\) lie under no year"
    ):
        read_bps_table(buf, locale="en")


def test_a_year_over_groups_with_a_label_missing_says_what_the_layout_is() -> None:
    # "Total" missing under 2022's range: not read as groups (a column with
    # no label is refused), the message naming the group row.
    buf = xlsx_bytes(
        [
            ["Wilayah", 2022, None, None],
            [None, "Perkotaan", "Perdesaan", None],
            ["Kota Batu", 1.0, 2.0, 3.0],
        ],
        merges=["B1:D1"],
    )
    with pytest.raises(
        ValueError,
        match=r"column\(s\) C, D hold values.*the row 2 under the header labels "
        r"these columns \('Perdesaan'\) as a year's column groups.*write the "
        r"missing labels",
    ):
        read_bps_table(buf, locale="en")


def test_the_html_advice_says_how_numbers_are_written(tmp_path: Path) -> None:
    # pandas.read_html turns cells into numbers itself, "," a thousands
    # separator by default: "13,08" (P0 of Pacitan, March 2024, written as
    # in Indonesian) would be read as 1308. The advice keeps every cell as
    # text (a str converter for each of the table's 2 columns, no thousands
    # separator) for read_bps_table to read with the numbers' locale.
    # (The recipe is run as printed in tests/test_tables_html_recipe_text.py.)
    path = tmp_path / "p0.xls"
    path.write_bytes(_HTML.encode())
    with pytest.raises(ValueError, match="an HTML page or table") as info:
        read_bps_table(path, locale="id")
    msg = str(info.value)
    assert (
        "pd.read_html(path, thousands=None, converters={0: str, 1: str}, "
        "keep_default_na=False)[0]" in msg
    )
    assert "'13,08' as 1308" in msg
    assert "pass the frame with the locale its numbers are written in" in msg
