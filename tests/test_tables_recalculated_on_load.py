"""A workbook that asks to be recalculated on load stores no trustworthy results.

XlsxWriter (pandas' default .xlsx engine when it is installed) computes no
formula: it stores the placeholder result ``<v>0</v>`` with each and marks
the workbook ``<calcPr fullCalcOnLoad="1"/>``. Its formula cells are
formulas without a stored result, never 0 (an injected ``=cmd|...`` cell
included), under errors="raise" too; a workbook saved by Excel or
LibreOffice (cached results, no fullCalcOnLoad) is read by its results.

The fixtures are written by openpyxl, then the sheet's XML is given the
placeholder results and the workbook's <calcPr> the flag (or Excel's and
LibreOffice's <calcPr>), as those programs write them: XlsxWriter is no
dependency.

Figures: BPS P0 (persen), March 2024 and 2025 (bps_p0_kabkota_2004_2025.csv):
JAWA TIMUR 9.79 / 9.50, Pacitan 13.08 / 12.97, Kota Batu 6.48 / 6.22.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any

import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import xlsx_workbook

_XLSXWRITER_CALC = b'<calcPr fullCalcOnLoad="1"/>'
_EXCEL_CALC = b'<calcPr calcId="191029"/>'
_LIBREOFFICE_CALC = (
    b'<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/>'
)


def _saved(
    rows: Sequence[Sequence[Any]],
    calc: bytes,
    results: dict[str, str] | None = None,
    arrays: dict[str, str] | None = None,
) -> io.BytesIO:
    """`rows` as a workbook whose formulas store `results` ("0" for each
    formula not named, as XlsxWriter does) and whose <calcPr> is `calc`.

    `arrays`: cell -> range of an array formula written in that cell; each
    other cell of the range stores "0" too, as XlsxWriter writes it.
    The fixture checks itself: every formula of `rows` gets a stored result
    and the workbook's one <calcPr> is replaced.
    """
    formulas = sum(
        isinstance(v, str) and v.startswith("=") for row in rows for v in row
    )
    wb = xlsx_workbook(rows)
    if arrays:
        from openpyxl.worksheet.formula import ArrayFormula

        ws = wb.active
        assert ws is not None
        for ref, span in arrays.items():
            ws[ref] = ArrayFormula(span, str(ws[ref].value))
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":

                def stored(m: re.Match[bytes]) -> bytes:
                    value = (results or {}).get(m["ref"].decode(), "0")
                    return m[0] + f"<v>{value}</v>".encode()

                data, n = re.subn(
                    rb'<c r="(?P<ref>[A-Z]+[0-9]+)"[^>]*>\s*<f[^>]*(?:/>|>[^<]*</f>)',
                    stored,
                    data,
                )
                assert n == formulas
                for span in (arrays or {}).values():
                    # The other cells of the range, empty as openpyxl writes
                    # them, store the placeholder too.
                    first, last = span.split(":")
                    col, row0, row1 = first[0], int(first[1:]), int(last[1:])
                    for r in range(row0 + 1, row1 + 1):
                        data = re.sub(
                            rf'<c r="{col}{r}"[^>]*/>'.encode(),
                            f'<c r="{col}{r}"><v>0</v></c>'.encode(),
                            data,
                        )
            if item.filename == "xl/workbook.xml":
                data, n = re.subn(rb"<calcPr[^>]*/>", calc, data)
                assert n == 1
            zout.writestr(item, data)
    out.seek(0)
    return out


_HEAD: list[Any] = ["Provinsi/Kabupaten/Kota", 2024, 2025]
# The 2025 figures written by a script as formulas.
_ROWS = [
    _HEAD,
    ["JAWA TIMUR", 9.79, "=ROUND(9.50,2)"],
    ["Pacitan", 13.08, "=ROUND(12.97,2)"],
    ["Kota Batu", 6.48, "=ROUND(6.22,2)"],
]
_FORMULAS = ["=ROUND(9.50,2)", "=ROUND(12.97,2)", "=ROUND(6.22,2)"]


def test_placeholder_results_are_formulas_without_a_result() -> None:
    # errors="raise": the three formula cells are refused, each shown by
    # its formula and why (the workbook asks to be recalculated on load).
    with pytest.raises(NumberParseError, match="3 cells") as info:
        read_bps_table(_saved(_ROWS, _XLSXWRITER_CALC), locale="en", month=3)
    said = str(info.value)
    for f in _FORMULAS:
        assert f"'{f}' (a formula without a stored result (the workbook asks" in said
    assert "recalculated on load" in said
    # errors="report": the same cells invalid, their values missing, never 0;
    # the 2024 figures, stored as numbers, read as written.
    t = read_bps_table(
        _saved(_ROWS, _XLSXWRITER_CALC), locale="en", month=3, errors="report"
    )
    assert [c.text for c in t.invalid] == _FORMULAS
    assert [(c.row, c.column) for c in t.invalid] == [
        (2, "2025"),
        (3, "2025"),
        (4, "2025"),
    ]
    assert all("fullCalcOnLoad" in c.reason for c in t.invalid)
    by_year = t.data.set_index(["label", "year"])["value"]
    assert [by_year[n, 2024] for n in ("JAWA TIMUR", "Pacitan", "Kota Batu")] == [
        9.79,
        13.08,
        6.48,
    ]
    assert t.data.loc[t.data["year"] == 2025, "value"].isna().all()


def test_an_injected_formula_is_no_zero() -> None:
    # pandas' to_excel with XlsxWriter writes the text "=cmd|' /C calc'!A0" as
    # a formula storing 0: invalid, shown by its formula.
    rows = [
        ["Kabupaten/Kota", 2024, 2025],
        ["Pacitan", 13.08, "=cmd|' /C calc'!A0"],
        ["Kota Batu", 6.48, 6.22],
    ]
    t = read_bps_table(
        _saved(rows, _XLSXWRITER_CALC), locale="en", month=3, errors="report"
    )
    assert [c.text for c in t.invalid] == ["=cmd|' /C calc'!A0"]
    assert t.data["value"].tolist()[:1] + t.data["value"].tolist()[2:] == [
        13.08,
        6.48,
        6.22,
    ]


def test_every_cell_of_an_array_formula_storing_placeholders_is_invalid() -> None:
    # An array formula over C2:C4: XlsxWriter stores 0 in each cell of the
    # range; only C2 holds the formula. Each cell is invalid, none 0.
    rows = [
        _HEAD,
        ["JAWA TIMUR", 9.79, "=B2:B4*0+{9.5;12.97;6.22}"],
        ["Pacitan", 13.08, None],
        ["Kota Batu", 6.48, None],
    ]
    t = read_bps_table(
        _saved(rows, _XLSXWRITER_CALC, arrays={"C2": "C2:C4"}),
        locale="en",
        month=3,
        errors="report",
    )
    assert [(c.row, c.column) for c in t.invalid] == [
        (2, "2025"),
        (3, "2025"),
        (4, "2025"),
    ]
    assert t.data.loc[t.data["year"] == 2025, "value"].isna().all()


def test_header_and_label_formulas_are_formulas_without_a_result() -> None:
    # A header formula (=B1+1 for 2025) storing 0 is named by its formula,
    # not read as '0'; a label formula storing 0 is unmatched, shown so.
    head: list[list[Any]] = [[None, 2024, "=B1+1"], ["Pacitan", 13.08, 12.97]]
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(_saved(head, _XLSXWRITER_CALC), locale="en", month=3)
    assert "'=B1+1' is a formula without a stored result (the workbook asks" in str(
        info.value
    )
    label: list[list[Any]] = [
        ["Kabupaten/Kota", 2024, 2025],
        ['="Pacitan"', 13.08, 12.97],
    ]
    t = read_bps_table(
        _saved(label, _XLSXWRITER_CALC), locale="en", month=3, errors="report"
    )
    assert t.unmatched["label"].tolist() == ['="Pacitan"']
    assert "the label is a formula without a stored result" in t.unmatched["reason"][0]
    assert t.data["value"].tolist() == [13.08, 12.97]


# XlsxWriter's set_calc_mode("manual") drops fullCalcOnLoad and writes this,
# still storing 0 with each formula; a hand-built forceFullCalc the same.
_MANUAL_NO_SAVE = b'<calcPr calcId="124519" calcMode="manual" calcOnSave="0"/>'
_FORCE_FULL = b'<calcPr forceFullCalc="1"/>'


@pytest.mark.parametrize(
    ("calc", "named"),
    [
        (_MANUAL_NO_SAVE, 'calcMode="manual" calcOnSave="0"'),
        (b'<calcPr calcMode="manual" calcOnSave="false"/>', "calcOnSave"),
        (_FORCE_FULL, 'forceFullCalc="1"'),
        (b'<calcPr calcId="191029" forceFullCalc="true"/>', "forceFullCalc"),
    ],
)
def test_manual_unsaved_and_forced_workbooks_store_placeholders(
    calc: bytes, named: str
) -> None:
    # The stored 0s were never computed: the three formulas (source 9.50,
    # 12.97 and 6.22) are refused, the reason naming the <calcPr>.
    with pytest.raises(NumberParseError, match="3 cells") as info:
        read_bps_table(_saved(_ROWS, calc), locale="en", month=3)
    assert named in str(info.value)
    t = read_bps_table(_saved(_ROWS, calc), locale="en", month=3, errors="report")
    assert [c.text for c in t.invalid] == _FORMULAS
    assert all("placeholder" in c.reason for c in t.invalid)
    assert t.data["value"].isna().sum() == 3


@pytest.mark.parametrize(
    "calc",
    [
        _EXCEL_CALC,
        _LIBREOFFICE_CALC,
        b'<calcPr calcId="191029" fullCalcOnLoad="0"/>',
        # xsd:boolean spells false "0" or "false".
        b'<calcPr fullCalcOnLoad="false"/>',
        # Excel in manual mode recalculates on saving (calcOnSave absent: its
        # default true), so its stored results are results.
        b'<calcPr calcId="191029" calcMode="manual"/>',
        b'<calcPr calcId="191029" calcMode="manual" calcOnSave="1"/>',
        b'<calcPr calcId="191029" forceFullCalc="0"/>',
    ],
    ids=[
        "excel",
        "libreoffice",
        "flag-off",
        "flag-false",
        "manual",
        "manual-calc-on-save",
        "force-full-off",
    ],
)
def test_a_workbook_saved_by_a_spreadsheet_reads_its_results(calc: bytes) -> None:
    # The results a spreadsheet computed and stored are read (the formula
    # is never evaluated): 9.5, 12.97 and 6.22, as stored.
    results = {"C2": "9.5", "C3": "12.97", "C4": "6.22"}
    t = read_bps_table(_saved(_ROWS, calc, results), locale="en", month=3)
    assert t.invalid == ()
    # Source: 9.79 / 9.50, 13.08 / 12.97, 6.48 / 6.22.
    assert t.data["value"].tolist() == [9.79, 9.5, 13.08, 12.97, 6.48, 6.22]
