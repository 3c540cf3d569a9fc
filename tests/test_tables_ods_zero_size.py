"""read_bps_table: .ods rows of height 0 and columns of width 0."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from povstat import read_bps_table
from spreadsheets import ods_cell, ods_document, ods_row


def _sheet(path: Path, height: str, width: str) -> Path:
    # Kota Malang 4.37, 4.26 and Kota Batu 3.79, 3.31 (2022, 2023); row 3
    # has a row style of `height`, column C a column style of `width`.
    pytest.importorskip("odf")
    from odf.style import (  # type: ignore[import-untyped]
        Style,
        TableColumnProperties,
        TableRowProperties,
    )
    from odf.table import TableColumn  # type: ignore[import-untyped]

    row_style = Style(name="ro0", family="table-row")
    row_style.addElement(TableRowProperties(rowheight=height))
    col_style = Style(name="co0", family="table-column")
    col_style.addElement(TableColumnProperties(columnwidth=width))

    def cell(v: str | float) -> Any:
        # Text of no value type, or a float cell.
        if isinstance(v, str):
            return ods_cell(v)
        return ods_cell(str(v), valuetype="float", value=v)

    table: list[list[str | float]] = [
        ["Kabupaten/Kota", 2022, 2023],
        ["Kota Malang", 4.37, 4.26],
        ["Kota Batu", 3.79, 3.31],
    ]
    rows: list[Any] = [[cell(v) for v in r] for r in table]
    rows[2] = ods_row(rows[2], stylename=row_style)
    columns = [TableColumn(), TableColumn(), TableColumn(stylename=col_style)]
    doc = ods_document(rows, name="S1", columns=columns)
    doc.automaticstyles.addElement(row_style)
    doc.automaticstyles.addElement(col_style)
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
