"""read_bps_table: a label that is an area code alone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


@pytest.mark.parametrize("code", ["3501", "(3501)", "35"])
def test_a_code_alone_is_unmatched_with_a_reason_naming_it(code: str) -> None:
    # No name to match: the row is unmatched; its value stays as written
    # (13,8 -> 13.8) and the reason says the label is a code alone.
    text = f"Kabupaten/Kota;2022\n{code};13,8\nPacitan;13,65\n"
    got = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    assert got.unmatched["label"].tolist() == [code]
    reason = got.unmatched["reason"].iloc[0]
    assert "area code alone" in reason
    assert "3501 Pacitan" in reason
    assert "footnote" not in reason


def test_a_code_alone_in_a_number_cell_of_a_workbook(tmp_path: Path) -> None:
    path = xlsx_path(
        tmp_path / "codes.xlsx", [["Kode", 2022], [3501, 13.8], [3579, 4.1]]
    )
    got = read_bps_table(path, locale="id", errors="report")
    # Both rows unmatched, each for its code alone.
    assert got.unmatched["reason"].str.contains("area code alone").tolist() == [
        True,
        True,
    ]
