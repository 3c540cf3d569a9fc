"""read_bps_table: an .ods boolean cell is its stored value, not its text.

LibreOffice in Indonesian shows TRUE as "BENAR" and FALSE as "SALAH"; the
cell stores ``office:boolean-value="true"``. pandas compares the text shown
with "TRUE", which made "BENAR" False. The cell is invalid either way (a
boolean is not a number) and is shown as the value it stores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from povstat import read_bps_table


def _sheet(path: Path, cells: list[tuple[str, str]]) -> Path:
    # Header "Kabupaten/Kota | 2022"; one region per boolean cell, each
    # cell (stored value, text shown).
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    table = Table(name="S1")
    head = TableRow()
    for cell in (
        TableCell(valuetype="string"),
        TableCell(valuetype="float", value="2022"),
    ):
        head.addElement(cell)
    head.childNodes[0].addElement(P(text="Kabupaten/Kota"))
    head.childNodes[1].addElement(P(text="2022"))
    table.addElement(head)
    for k, (stored, shown) in enumerate(cells):
        tr = TableRow()
        label = TableCell(valuetype="string")
        label.addElement(
            P(text=["Pacitan", "Kota Batu", "Kota Malang", "Kota Blitar"][k])
        )
        flag = TableCell(valuetype="boolean", booleanvalue=stored)
        flag.addElement(P(text=shown))
        tr.addElement(label)
        tr.addElement(flag)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def test_boolean_cells_are_shown_as_stored(tmp_path: Path) -> None:
    # true shown "BENAR" -> True (pandas alone: False); false shown "SALAH"
    # -> False; true shown "TRUE" -> True; false shown "TRUE" (a style
    # showing text of its own) -> False.
    path = _sheet(
        tmp_path / "b.ods",
        [("true", "BENAR"), ("false", "SALAH"), ("true", "TRUE"), ("false", "TRUE")],
    )
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [
        (2, "True"),  # sheet rows 2-5: Pacitan, Kota Batu, ...
        (3, "False"),
        (4, "True"),
        (5, "False"),
    ]
    assert all(c.reason == "a boolean, not a number" for c in t.invalid)


def test_a_boolean_cell_with_no_stored_value_is_shown_as_its_text(
    tmp_path: Path,
) -> None:
    # No office:boolean-value: neither True nor False is guessed; the cell
    # is its text, "BENAR", which is no number in locale "id".
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="S1")
    for cells in (
        [("string", "Kabupaten/Kota"), ("float", "2022")],
        [("string", "Pacitan"), ("boolean", "BENAR")],
    ):
        tr = TableRow()
        for kind, text in cells:
            cell = TableCell(
                valuetype=kind, **({"value": text} if kind == "float" else {})
            )
            cell.addElement(P(text=text))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "no_value.ods"
    doc.save(str(path))
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(2, "BENAR")]
    assert t.invalid[0].reason.startswith("not a number")
