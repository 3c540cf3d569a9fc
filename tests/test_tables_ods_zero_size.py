"""read_bps_table: .ods rows of height 0 and columns of width 0."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from povstat import read_bps_table


def _sheet(path: Path, height: str, width: str) -> Path:
    # Kota Malang 4.37, 4.26 and Kota Batu 3.79, 3.31 (2022, 2023); row 3
    # has a row style of `height`, column C a column style of `width`.
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.style import (  # type: ignore[import-untyped]
        Style,
        TableColumnProperties,
        TableRowProperties,
    )
    from odf.table import (  # type: ignore[import-untyped]
        Table,
        TableCell,
        TableColumn,
        TableRow,
    )
    from odf.text import P  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    row_style = Style(name="ro0", family="table-row")
    row_style.addElement(TableRowProperties(rowheight=height))
    col_style = Style(name="co0", family="table-column")
    col_style.addElement(TableColumnProperties(columnwidth=width))
    doc.automaticstyles.addElement(row_style)
    doc.automaticstyles.addElement(col_style)
    table = Table(name="S1")
    table.addElement(TableColumn())
    table.addElement(TableColumn())
    table.addElement(TableColumn(stylename=col_style))
    rows = [
        ["Kabupaten/Kota", 2022, 2023],
        ["Kota Malang", 4.37, 4.26],
        ["Kota Batu", 3.79, 3.31],
    ]
    for i, r in enumerate(rows):
        tr = TableRow(stylename=row_style) if i == 2 else TableRow()
        for v in r:
            if isinstance(v, str):
                c = TableCell()
            else:
                c = TableCell(valuetype="float", value=v)
            c.addElement(P(text=str(v)))
            tr.addElement(c)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("size", ["0cm", "0in", "0.000pt"])
def test_ods_rows_and_columns_of_size_zero_are_named_as_hidden(
    tmp_path: Path, size: str
) -> None:
    # As for .xlsx (ht="0", width="0"): one warning names row 3 and column
    # C, and every cell is read as written.
    path = _sheet(tmp_path / "zero.ods", size, size)
    with pytest.warns(UserWarning, match=r"hides row 3, column C, which hold cells"):
        t = read_bps_table(path, locale="en")
    assert t.data["value"].tolist() == [4.37, 4.26, 3.79, 3.31]


def test_ods_rows_and_columns_of_other_sizes_are_not_named(tmp_path: Path) -> None:
    path = _sheet(tmp_path / "small.ods", "0.05cm", "0.1in")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(path, locale="en")
    assert t.data["value"].tolist() == [4.37, 4.26, 3.79, 3.31]
