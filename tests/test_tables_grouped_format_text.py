"""read_bps_table: a cell shown grouped is quoted as shown and as stored."""

from __future__ import annotations

import io

import openpyxl
import pytest

from povstat import Locale, read_bps_table


def _xlsx(fmt: str) -> io.BytesIO:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        ["Pacitan", 75.86],
        ["Kota Batu", 8160],
        ["Kota Malang", 35.4],
    ]
    for r in rows:
        ws.append(r)
    ws["B2"].number_format = "0.00"
    ws["B3"].number_format = fmt
    ws["B4"].number_format = "0.00"
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


@pytest.mark.parametrize(("locale", "shown"), [("id", "8.160"), ("en", "8,160")])
def test_the_grouped_cell_is_quoted_as_shown_and_stored(
    locale: Locale, shown: str
) -> None:
    # 8160 under "#,##0" shows "8.160" in Indonesian settings, "8,160" in
    # English ones: the cell's text quotes both, as the user sees it first.
    t = read_bps_table(_xlsx("#,##0"), locale=locale, errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(3, f"{shown} (stores 8160)")]


def test_an_ods_grouped_cell_is_quoted_as_shown_and_stored() -> None:
    # A float cell storing 8160 and showing "8.160" among 75.86 and 35.4.
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    table = Table(name="S")
    rows = [("Kabupaten/Kota", None, "2023"), ("Pacitan", "75.86", "75,86")]
    rows += [("Kota Batu", "8160", "8.160"), ("Kota Malang", "35.4", "35,40")]
    for label, stored, text in rows:
        tr = TableRow()
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=label))
        tr.addElement(cell)
        cell = TableCell(valuetype="string" if stored is None else "float")
        if stored is not None:
            cell.setAttrNS(
                "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "value", stored
            )
        cell.addElement(P(text=text))
        tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    buf.seek(0)
    t = read_bps_table(buf, locale="id", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(3, "8.160 (stores 8160)")]
