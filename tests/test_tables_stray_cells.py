"""A value in one row under no header: a stray field or a note, named.

One CSV row longer than the header ("Pacitan17;1,17;2,17;3,1" under
"Kabupaten/Kota;2022;2023") or a remark typed beside one row of a sheet
fills a column without a header in that row alone. The message names the
row and the cell and advises removing the field or moving the note, not
writing a period over a column that is no column of values.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import povstat as ps
from spreadsheets import xlsx_path


def _csv(rows: list[str]) -> io.StringIO:
    return io.StringIO("Kabupaten/Kota;2022;2023\n" + "".join(r + "\n" for r in rows))


def test_one_long_csv_row_is_named() -> None:
    # 30 rows; row 19 of the file (the 18th region, 'Pacitan17') writes a
    # fourth field, '3,1', under no header.
    rows = [f"Pacitan{i};1,{i};2,{i}" for i in range(30)]
    rows[17] += ";3,1"
    with pytest.raises(
        ValueError,
        match=r"only this row holds a value there \(at position 3 \(0-based\) of "
        r"row 19 \('Pacitan17'\): '3,1'\): a field too many in a CSV row .*"
        r"remove the field, or move the note below the table",
    ) as info:
        ps.read_bps_table(_csv(rows), locale="id", sep=";", errors="report")
    assert "write the period above" not in str(info.value)


def test_two_long_rows_are_both_named() -> None:
    # Rows 3 and 5 of the file (regions B and D) each write a fourth field.
    rows = ["A;1;2", "B;1;2;x", "C;1;2", "D;1;2;y", "E;1;2", "F;1;2"]
    with pytest.raises(
        ValueError,
        match=r"only these rows hold a value there \(.* of row 3 \('B'\): 'x', "
        r".* of row 5 \('D'\): 'y'\)",
    ):
        ps.read_bps_table(_csv(rows), locale="en", sep=";")


def test_a_remark_beside_one_row_of_a_sheet_is_named(tmp_path: Path) -> None:
    path = xlsx_path(
        tmp_path / "t.xlsx",
        [
            ["Kabupaten/Kota", 2022, 2023],
            ["Pacitan", 13.8, 13.65],
            ["Kota Batu", 4.1, 4.0, "catatan: sementara"],
        ],
    )
    with pytest.raises(
        ValueError,
        match=r"column\(s\) D hold values.*only this row holds a value there "
        r"\(D of row 3 \('Kota Batu'\): 'catatan: sementara'\): .*a note typed "
        r"beside the row",
    ):
        ps.read_bps_table(path, locale="id")


def test_a_column_of_values_without_a_header_keeps_the_advice() -> None:
    # Values in every row under an empty header: a column of values whose
    # period is missing, not a stray field.
    rows = ["A;1;2;3", "B;1;2;3", "C;1;2;3"]
    with pytest.raises(ValueError, match="write the period above each column") as e:
        ps.read_bps_table(_csv(rows), locale="en", sep=";")
    assert "only this row" not in str(e.value)
