"""Reading tables: array formulas, hidden rows and columns, and the advice
given when a file's layout is not the one read."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook
from openpyxl.worksheet.formula import ArrayFormula

from povstat import NumberParseError, parse_numbers, read_bps_table


def test_every_cell_of_an_array_formula_without_results_is_invalid(
    tmp_path: Path,
) -> None:
    # C2 holds the array formula "=B2:B4*0.9" over C2:C4, and no cell of the
    # range a stored result (openpyxl writes none): the three cells of 2023
    # are invalid, none is a missing value, and the error counts 3 cells.
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in [
        ["Kabupaten/Kota", 2022, 2023],
        ["Pacitan", 13.65, None],
        ["Kota Batu", 4.37, None],
        ["Kota Malang", 4.1, None],
    ]:
        ws.append(r)
    ws["C2"] = ArrayFormula("C2:C4", "=B2:B4*0.9")
    path = tmp_path / "af.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [
        (2, "2023"),
        (3, "2023"),
        (4, "2023"),
    ]
    assert all("formula without a stored result" in c.reason for c in t.invalid)
    assert "array formula C2:C4" in t.invalid[1].text
    assert np.isnan(t.data.loc[t.data["year"] == 2023, "value"]).all()
    # 2022 is read: 13.65, 4.37, 4.1 as stored.
    assert t.data.loc[t.data["year"] == 2022, "value"].tolist() == [13.65, 4.37, 4.1]
    with pytest.raises(ValueError, match="3 cells are not a valid number"):
        read_bps_table(path, locale="id")


@pytest.mark.parametrize(
    ("text", "sep", "advised"),
    [
        # A title line above a ";" header: the header and data lines split
        # on ";" into 2 fields, on "," into 1 (the decimal comma of "13,80"
        # between digits is not counted); the title splits alike on both.
        (
            "Persentase Penduduk Miskin (persen)\nKabupaten/Kota;2022\nPacitan;13,80\n",
            ",",
            ";",
        ),
        (
            '"Persentase Penduduk Miskin, 2023"\nKabupaten/Kota;2022\nPacitan;13,80\n',
            ",",
            ";",
        ),
        # Tab-separated under a title.
        ("Judul\nKabupaten/Kota\t2022\nPacitan\t13,80\n", ",", "\t"),
        # A "," file read with sep=";": 2 fields on ",", 1 on ";".
        ("Judul\nKabupaten/Kota,2022\nPacitan,13.80\n", ";", ","),
        ("Kabupaten/Kota;2022\nPacitan;13,80\n", ",", ";"),
    ],
)
def test_separator_advised_from_the_header_lines(
    text: str, sep: str, advised: str
) -> None:
    with pytest.raises(
        ValueError, match=re.escape(f"not on {sep!r}: pass sep={advised!r}")
    ):
        read_bps_table(io.StringIO(text), locale="id", sep=sep)


def test_no_separator_advice_when_the_lines_split_on_sep() -> None:
    # ";" file read with ";" whose header names no year: the lines split on
    # ";" into 2 fields and on "," into 1 (decimal commas not counted), so
    # no other separator is advised.
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(
            io.StringIO("Kabupaten/Kota;Nilai\nPacitan;13,80\n"), locale="id", sep=";"
        )
    assert "pass sep" not in str(e.value)


_LONG = [
    # Long form: one row per region and year; read_bps_table reads wide
    # tables, so each is refused with advice to pivot on the year, whether
    # the year column comes before or after the region column.
    [
        ["Kabupaten/Kota", "Tahun", "P0"],
        ["Pacitan", 2022, 13.8],
        ["Pacitan", 2023, 13.65],
    ],
    [
        ["Tahun", "Kabupaten/Kota", "P0"],
        [2022, "Pacitan", 13.8],
        [2023, "Pacitan", 13.65],
    ],
    [
        ["Persentase Penduduk Miskin"],
        ["Kabupaten/Kota", "Tahun", "P0"],
        ["Pacitan", 2022, 13.8],
        ["Kota Batu", 2022, 4.1],
        ["Pacitan", 2023, 13.65],
        ["Kota Batu", 2023, 4.2],
    ],
]


@pytest.mark.parametrize("rows", _LONG)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_long_form_files_get_pivot_advice(
    rows: list[list[object]], kind: str, tmp_path: Path
) -> None:
    if kind == "csv":
        source: object = io.StringIO(
            "".join(",".join(map(str, r)) + "\n" for r in rows)
        )
    else:
        wb = Workbook()
        ws = wb.active
        assert ws is not None
        for r in rows:
            ws.append(r)
        source = tmp_path / "long.xlsx"
        wb.save(source)
    with pytest.raises(ValueError, match="the table looks long, not wide") as e:
        read_bps_table(source, locale="en")  # type: ignore[arg-type]
    assert "column 'Tahun' holds years" in str(e.value)
    assert "pivot it on the year" in str(e.value)
    assert "area codes" not in str(e.value)


@pytest.mark.parametrize(
    ("header", "named"),
    [
        # By hand: each header cell holds a year the grammar does not read;
        # the message names cell B1 and the reason.
        ("2.022;2.023", "B1 '2.022' (the year 2022 with a thousands separator"),
        ("2022,00", "B1 '2022,00' (the year 2022 with decimals"),
        ("2022 (persen)", "B1 '2022 (persen)' (the year 2022 beside '(persen)'"),
        ("P0 2022", "B1 'P0 2022' (the year 2022 beside 'P0'"),
        ("2022*", "B1 '2022*' (the year 2022 beside '*'"),
    ],
)
def test_year_headers_not_read_are_named(header: str, named: str) -> None:
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(
            io.StringIO(f"Kabupaten/Kota;{header}\nPacitan;13,80;13,65\n"),
            locale="id",
            sep=";",
        )
    assert named in str(e.value)
    assert "are not read as periods" in str(e.value)


def test_two_years_with_text_name_both_cells() -> None:
    with pytest.raises(ValueError, match=re.escape("C1 '2023 (%)' (the year 2023")):
        read_bps_table(
            io.StringIO("Kabupaten/Kota;2022 (%);2023 (%)\nPacitan;13,80;13,65\n"),
            locale="id",
            sep=";",
        )


@pytest.mark.parametrize(
    "unit",
    ["(poin)", "(persen poin)", "(pp)", "(rb jiwa)", "(jt rupiah)", "(miliar rupiah)"],
)
def test_unit_rows_in_parse_numbers_words(unit: str) -> None:
    # Each is a unit (or multiplier and unit) parse_numbers knows ("poin",
    # "persen poin", "pp": points; "rb" and "jt": ribu and juta): the row
    # is skipped as a unit row and the values below read as written,
    # 0,3 -> 0.3 and -0,15 -> -0.15 in locale "id".
    t = read_bps_table(
        io.StringIO(f"Kabupaten/Kota;2022;2023\n;{unit};{unit}\nPacitan;0,3;-0,15\n"),
        locale="id",
        sep=";",
    )
    assert t.skipped.to_dict("records") == [
        {"row": 2, "reason": "unit row", "text": f"{unit} | {unit}"}
    ]
    assert t.data["value"].tolist() == [0.3, -0.15]


def test_a_word_of_no_unit_is_no_unit_row() -> None:
    # "(poinx)" is no unit: the row is data, its cells not numbers.
    with pytest.raises(ValueError, match="poinx"):
        read_bps_table(
            io.StringIO("Kabupaten/Kota;2022\n;(poinx)\nPacitan;0,3\n"),
            locale="id",
            sep=";",
        )


def _zero_size_xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in [
        ["Kabupaten/Kota", 2022, 2023],
        ["Kota Malang", 4.37, 4.26],
        ["Kota Batu", 3.79, 3.31],
    ]:
        ws.append(r)
    wb.save(path)
    # openpyxl writes no size of 0: row 3 is given ht="0" and column C
    # width="0" in the sheet's XML, as a spreadsheet program writes them,
    # neither marked hidden.
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b'<row r="3"', b'<row r="3" ht="0" customHeight="1"', 1)
    sheet = sheet.replace(
        b"<sheetData>",
        b'<cols><col min="3" max="3" width="0" customWidth="1"/></cols><sheetData>',
        1,
    )
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    return path


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_rows_and_columns_of_size_zero_are_named_as_hidden(
    kind: str, tmp_path: Path
) -> None:
    # Row 3 of height 0 and column C of width 0 show nothing, as hidden ones:
    # the same warning names them, and every cell is read as written
    # (4.37, 4.26, 3.79, 3.31).
    path = (
        _zero_size_xlsx(tmp_path / "zero.xlsx")
        if kind == "xlsx"
        else Path(__file__).parent / "data" / "zero_size.xls"
    )
    with pytest.warns(UserWarning, match=r"hides row 3, column C, which hold cells"):
        t = read_bps_table(path, locale="en")
    assert t.data["value"].tolist() == [4.37, 4.26, 3.79, 3.31]


def test_rows_of_other_heights_are_not_named(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in [["Kabupaten/Kota", 2022], ["Kota Malang", 4.37], ["Kota Batu", 3.79]]:
        ws.append(r)
    ws.row_dimensions[3].height = 0.75  # small, but shown
    ws.column_dimensions["B"].width = 1
    path = tmp_path / "small.xlsx"
    wb.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(path, locale="en")
    assert t.data["value"].tolist() == [4.37, 3.79]


def test_no_table_on_the_first_sheet_names_the_sheets(tmp_path: Path) -> None:
    # Sheet "Keterangan" (notes) first, the table on "Tabel", "Kosong"
    # empty: the message names the sheet read and the other one with cells.
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Keterangan"
    ws.append(["Keterangan"])
    ws.append(["Sumber: BPS"])
    table = wb.create_sheet("Tabel")
    for r in [["Kabupaten/Kota", 2022], ["Pacitan", 13.8]]:
        table.append(r)
    wb.create_sheet("Kosong")
    path = tmp_path / "notes_first.xlsx"
    wb.save(path)
    with pytest.raises(
        ValueError,
        match=re.escape(
            "the sheet read is the first sheet, 'Keterangan'; the workbook's "
            "other sheets that hold cells: ['Tabel']"
        ),
    ):
        read_bps_table(path, locale="en")
    assert read_bps_table(path, locale="en", sheet_name="Tabel").data[
        "value"
    ].tolist() == [13.8]


def test_a_single_sheet_without_a_table_names_no_other(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Keterangan"])
    path = tmp_path / "notes.xlsx"
    wb.save(path)
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(path, locale="en")
    assert "other sheets" not in str(e.value)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf8x"])
def test_encoding_with_text_already_decoded_is_refused(
    encoding: str, tmp_path: Path
) -> None:
    # A StringIO or a file opened in text mode gives text: an encoding
    # would be ignored, so any other than the default is refused, an
    # unknown one ("utf8x") too.
    text = "Kabupaten/Kota;2022\nPacitan;13,80\n"
    with pytest.raises(ValueError, match="`encoding` applies to bytes only"):
        read_bps_table(io.StringIO(text), locale="id", sep=";", encoding=encoding)
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    with (
        path.open(encoding="utf-8") as f,
        pytest.raises(ValueError, match=f"`encoding` is {encoding!r}"),
    ):
        read_bps_table(f, locale="id", sep=";", encoding=encoding)
    # The default, and the encoding given with the path, are read: 13.8.
    assert read_bps_table(io.StringIO(text), locale="id", sep=";").data[
        "value"
    ].tolist() == [13.8]
    assert read_bps_table(path, locale="id", sep=";", encoding="utf-8").data[
        "value"
    ].tolist() == [13.8]


def test_foreign_digits_named_in_the_order_written() -> None:
    # "١٣,٦٥" is 13,65 in Arabic-Indic digits: quoted as written, never
    # sorted ('١٣٥٦'), and a repeated digit kept (sheets30 F7: '٢٠٢٣' was
    # quoted '٢٠٣', its distinct digits, which reads as another number).
    with pytest.raises(NumberParseError) as e:
        parse_numbers(["\u0661\u0663,\u0666\u0665"], locale="id")
    assert (
        "the digits of '\u0661\u0663,\u0666\u0665' are Arabic-Indic digits"
        in e.value.cells[0].reason
    )
    with pytest.raises(NumberParseError) as e:
        parse_numbers(["\u0663\u0661,\u0663"], locale="id")
    assert (
        "the digits of '\u0663\u0661,\u0663' are Arabic-Indic digits"
        in e.value.cells[0].reason
    )


def test_what_a_format_shows_instead_of_a_number_is_quoted(tmp_path: Path) -> None:
    # B2: -0.25 under '0.00;[Red]"minus "0.00' shows "minus 0.25" (the
    # second section, with its text, without a minus sign). C2: -1.5 under
    # '[<=0]"-";0.00' shows "-" alone (the first section, no digits). C3:
    # -0.25 under "0.00;0.00" shows "0.25". Each is invalid, quoted as shown.
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in [
        ["Kabupaten/Kota", 2022, 2023],
        ["Pacitan", -0.25, -1.5],
        ["Kota Batu", 0.3, -0.25],
    ]:
        ws.append(r)
    ws["B2"].number_format = '0.00;[Red]"minus "0.00'
    ws["C2"].number_format = '[<=0]"-";0.00'
    ws["C3"].number_format = "0.00;0.00"
    path = tmp_path / "shown.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="en", errors="report")
    reasons = {(c.row, c.column): c.reason for c in t.invalid}
    assert set(reasons) == {(2, "2022"), (2, "2023"), (3, "2023")}
    assert "it shows 'minus 0.25', no minus sign" in reasons[2, "2022"]
    assert "shows only '-' for it, no digits" in reasons[2, "2023"]
    assert "it shows '0.25', no minus sign" in reasons[3, "2023"]
    # Kota Batu 2022 is read: 0.3.
    assert t.data["value"].tolist()[2] == 0.3
