"""read_bps_table: array formulas without stored results in an .ods sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from povstat import read_bps_table
from spreadsheets import ods_cell, ods_path


def _save(path: Path, rows: list[list[Any]]) -> Path:
    return ods_path(path, rows, name="S1")


def _cell(value: float | str | None = None, **kw: Any) -> Any:
    # A number is a float cell showing it; text a cell of no value type.
    if isinstance(value, float | int):
        return ods_cell(str(value), valuetype="float", value=value)
    return ods_cell(value, **kw)


def test_every_cell_of_an_ods_array_formula_without_results_is_invalid(
    tmp_path: Path,
) -> None:
    # C2 holds the array formula {=B2:B4*0.9} over C2:C4 (3 rows, 1 column)
    # and no cell of the range a stored result: the three cells of 2023 are
    # invalid, none a missing value, and the error counts 3 cells, as for
    # the same .xlsx sheet.
    formula = ods_cell(
        formula="of:={[.B2:.B4]}*0.9",
        numbermatrixrowsspanned=3,
        numbermatrixcolumnsspanned=1,
    )
    path = _save(
        tmp_path / "af.ods",
        [
            [_cell("Kabupaten/Kota"), _cell(2022), _cell(2023)],
            [_cell("Pacitan"), _cell(13.65), formula],
            [_cell("Kota Batu"), _cell(4.37), ods_cell()],
            [_cell("Kota Malang"), _cell(4.1), ods_cell()],
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
    formula = ods_cell(
        formula="of:={[.B2:.C3]}*1",
        numbermatrixrowsspanned=2,
        numbermatrixcolumnsspanned=2,
    )
    path = _save(
        tmp_path / "af2.ods",
        [
            [_cell("Kabupaten/Kota"), _cell(2021), _cell(2022), _cell(2023)],
            [_cell("Pacitan"), _cell(1.0), formula, ods_cell()],
            [_cell("Kota Batu"), _cell(2.0), ods_cell(), _cell(7.0)],
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
