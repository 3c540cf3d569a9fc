"""read_bps_table: array formulas without stored results in an .ods sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from povstat import read_bps_table


def _save(path: Path, rows: list[list[Any]]) -> Path:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
    from odf.table import Table, TableRow  # type: ignore[import-untyped]

    doc = OpenDocumentSpreadsheet()
    table = Table(name="S1")
    for r in rows:
        tr = TableRow()
        for c in r:
            tr.addElement(c)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def _cell(value: float | str | None = None, **kw: Any) -> Any:
    from odf.table import TableCell
    from odf.text import P  # type: ignore[import-untyped]

    if isinstance(value, float | int):
        c = TableCell(valuetype="float", value=value)
        c.addElement(P(text=str(value)))
        return c
    c = TableCell(**kw)
    if value is not None:
        c.addElement(P(text=value))
    return c


def test_every_cell_of_an_ods_array_formula_without_results_is_invalid(
    tmp_path: Path,
) -> None:
    # C2 holds the array formula {=B2:B4*0.9} over C2:C4 (3 rows, 1 column)
    # and no cell of the range a stored result: the three cells of 2023 are
    # invalid, none a missing value, and the error counts 3 cells, as for
    # the same .xlsx sheet.
    pytest.importorskip("odf")
    from odf.table import TableCell

    formula = TableCell(
        formula="of:={[.B2:.B4]}*0.9",
        numbermatrixrowsspanned=3,
        numbermatrixcolumnsspanned=1,
    )
    path = _save(
        tmp_path / "af.ods",
        [
            [_cell("Kabupaten/Kota"), _cell(2022), _cell(2023)],
            [_cell("Pacitan"), _cell(13.65), formula],
            [_cell("Kota Batu"), _cell(4.37), TableCell()],
            [_cell("Kota Malang"), _cell(4.1), TableCell()],
        ],
    )
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [
        (2, "2023"),
        (3, "2023"),
        (4, "2023"),
    ]
    assert all("formula without a stored result" in c.reason for c in t.invalid)
    assert "array formula C2:C4" in t.invalid[1].text
    assert np.isnan(t.data.loc[t.data["year"] == 2023, "value"]).all()
    # 2022 is read as stored: 13.65, 4.37, 4.1.
    assert t.data.loc[t.data["year"] == 2022, "value"].tolist() == [13.65, 4.37, 4.1]
    with pytest.raises(ValueError, match="3 cells are not a valid number"):
        read_bps_table(path, locale="id")


def test_an_ods_array_over_two_columns_keeps_stored_results(tmp_path: Path) -> None:
    # {=B2:B3*1} over C2:D3 (2 rows, 2 columns); D3 holds a stored 7.0, the
    # other three cells nothing: C2 (the formula), D2 and C3 are invalid,
    # D3 is read as 7.0.
    pytest.importorskip("odf")
    from odf.table import TableCell

    formula = TableCell(
        formula="of:={[.B2:.C3]}*1",
        numbermatrixrowsspanned=2,
        numbermatrixcolumnsspanned=2,
    )
    path = _save(
        tmp_path / "af2.ods",
        [
            [_cell("Kabupaten/Kota"), _cell(2021), _cell(2022), _cell(2023)],
            [_cell("Pacitan"), _cell(1.0), formula, TableCell()],
            [_cell("Kota Batu"), _cell(2.0), TableCell(), _cell(7.0)],
        ],
    )
    t = read_bps_table(path, locale="id", errors="report")
    assert sorted((c.row, c.column) for c in t.invalid) == [
        (2, "2022"),
        (2, "2023"),
        (3, "2022"),
    ]
    batu = t.data[(t.data["region_code"] == "3579") & (t.data["year"] == 2023)]
    assert batu["value"].tolist() == [7.0]
