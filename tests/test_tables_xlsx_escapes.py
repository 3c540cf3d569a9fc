"""read_bps_table: .xlsx text stored escaped (``_xHHHH_``) is read as Excel shows it."""

from __future__ import annotations

from pathlib import Path

from povstat import read_bps_table
from spreadsheets import xlsx_path


def _book(tmp_path: Path, rows: list[list[object]]) -> Path:
    # openpyxl writes text as given: "_x000D_" lands in the file as Excel
    # stores a carriage return (ECMA-376 ST_Xstring).
    return xlsx_path(tmp_path / "escaped.xlsx", rows)


def test_escaped_carriage_returns_in_labels_headers_and_values(tmp_path: Path) -> None:
    # Excel shows "Kota Batu_x000D_" as "Kota Batu" and a carriage return
    # (3579), "Maret_x000D_\n2023" as "Maret", a line break, "2023" (March
    # 2023), and the text "4,26_x000D_" as 4,26 (4.26).
    path = _book(
        tmp_path,
        [
            ["Kabupaten/Kota", "Maret_x000D_\n2023"],
            ["Pacitan", 13.65],
            ["Kota Batu_x000D_", "4,26_x000D_"],
        ],
    )
    t = read_bps_table(path, locale="id")
    assert t.data["region_code"].tolist() == ["3501", "3579"]
    assert t.data["year"].tolist() == [2023, 2023]
    assert t.data["month"].tolist() == [3, 3]
    assert t.data["value"].tolist() == [13.65, 4.26]
    assert t.unmatched.empty
