"""read_bps_table: a `sheet_name` an .ods workbook lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import ods_cell, ods_document, ods_sheet


def _two_sheets(path: Path) -> Path:
    # Cells of no value type.
    doc = ods_document([[ods_cell("Sumber: BPS")]], name="Keterangan")
    data = [["Kabupaten/Kota", "2022"], ["Pacitan", "13,8"]]
    doc.spreadsheet.addElement(
        ods_sheet([[ods_cell(v) for v in r] for r in data], name="Data")
    )
    doc.save(str(path))
    return path


@pytest.mark.parametrize(
    ("sheet", "said"),
    [
        ("Sheet9", "`sheet_name` 'Sheet9' not found"),
        (9, "`sheet_name` 9 is out of range"),
        (-3, "`sheet_name` -3 is out of range"),
    ],
)
def test_a_missing_ods_sheet_is_named_with_the_sheets(
    tmp_path: Path, sheet: str | int, said: str
) -> None:
    # Worded as for an .xlsx workbook, the 2 sheets listed.
    path = _two_sheets(tmp_path / "two.ods")
    with pytest.raises(ValueError, match="the workbook has 2 worksheet") as e:
        read_bps_table(path, locale="id", sheet_name=sheet)
    assert said in str(e.value)
    assert "['Keterangan', 'Data']" in str(e.value)
    # The sheet that exists is read: Pacitan 13.8 in 2022.
    t = read_bps_table(path, locale="id", sheet_name="Data")
    assert t.data["value"].tolist() == [13.8]
