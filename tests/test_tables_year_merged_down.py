"""read_bps_table: an .xlsx year merged down over the round row is annual."""

from __future__ import annotations

from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


def _book(tmp_path: Path, merges: list[str]) -> Path:
    return xlsx_path(
        tmp_path / "down.xlsx",
        [
            ["Kabupaten/Kota", "2022", "2023", None],
            [None, None, "Maret", "September"],
            ["Pacitan", 13.8, 13.65, 13.2],
        ],
        merges=merges,
    )


def test_a_year_merged_down_over_the_round_row_is_annual(tmp_path: Path) -> None:
    # B1:B2 "2022" covers the round cell under it: 2022 annual (no month),
    # as "2022" over "Tahunan" reads; 2023 March and September beside it.
    t = read_bps_table(_book(tmp_path, ["A1:A2", "B1:B2", "C1:D1"]), locale="id")
    assert t.data["year"].tolist() == [2022, 2023, 2023]
    assert t.data["month"].isna().tolist() == [True, False, False]
    assert t.data["month"].dropna().tolist() == [3, 9]
    assert t.data["value"].tolist() == [13.8, 13.65, 13.2]


def test_a_year_over_an_empty_round_cell_is_still_refused(tmp_path: Path) -> None:
    # Not merged down: B2 is an empty cell, the round is not written.
    with pytest.raises(ValueError, match="round"):
        read_bps_table(_book(tmp_path, ["A1:A2", "C1:D1"]), locale="id")
