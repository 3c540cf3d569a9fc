"""read_bps_table: a pandas.ExcelFile opened on a buffer or an open file (sheets20 J6).

``pd.ExcelFile(path)`` is path-like and was read as its path; one opened on
a workbook held in memory (``pd.ExcelFile(io.BytesIO(content))``, as a
download's ``resp.content`` gives) or on an open file gave pandas' object,
not a path, to pathlib, which raised its own TypeError. It is now read from
the buffer or file it was opened on, as that object is read, percent
formats included; one opened on a file since closed gets a povstat error
saying what to pass.

Source: bps_p0_kabkota_2004_2025.csv, column V (2024): JAWA TIMUR 9.79
(line 244), Pacitan 13.08 (line 245), Tuban 14.36 (line 267), written in
the workbook as fractions of one (0.0979) under the 0.00% format, as a
spreadsheet stores a percentage.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table

openpyxl = pytest.importorskip("openpyxl")

_P0_2024 = {"JAWA TIMUR": "9.79", "Pacitan": "13.08", "Tuban": "14.36"}


def _workbook() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "P0"
    ws.append(
        [
            "Provinsi/Kabupaten/Kota",
            "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)",
        ]
    )
    ws.append([None, 2024])
    for label, p0 in _P0_2024.items():
        ws.append([label, float(Decimal(p0) / 100)])
        ws.cell(ws.max_row, 2).number_format = "0.00%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _values(t: object) -> dict[str, float]:
    data = t.data  # type: ignore[attr-defined]
    return dict(zip(data["label"], data["value"], strict=True))


_WANT = {label: float(p0) for label, p0 in _P0_2024.items()}


def test_excelfile_on_a_buffer_is_read_as_the_buffer() -> None:
    content = _workbook()
    buf = io.BytesIO(content)
    book = pd.ExcelFile(buf)
    at = buf.tell()
    t = read_bps_table(book, locale="en", month=3)
    assert _values(t) == _WANT
    assert buf.tell() == at  # left where pandas left it
    # The same as the buffer itself, and a sheet chosen by name.
    assert _values(read_bps_table(io.BytesIO(content), locale="en", month=3)) == _WANT
    named = read_bps_table(
        pd.ExcelFile(io.BytesIO(content)), locale="en", month=3, sheet_name="P0"
    )
    assert _values(named) == _WANT


def test_excelfile_on_an_open_file_is_read_as_the_file(tmp_path: Path) -> None:
    path = tmp_path / "p0.xlsx"
    path.write_bytes(_workbook())
    with path.open("rb") as f:
        t = read_bps_table(pd.ExcelFile(f), locale="en", month=3)
    assert _values(t) == _WANT
    # And one on a path, as before.
    with pd.ExcelFile(path) as book:
        assert _values(read_bps_table(book, locale="en", month=3)) == _WANT


def test_excelfile_on_a_closed_file_says_what_to_pass(tmp_path: Path) -> None:
    path = tmp_path / "p0.xlsx"
    path.write_bytes(_workbook())
    with path.open("rb") as f:
        book = pd.ExcelFile(f)
    with pytest.raises(
        ValueError, match=r"`source` \(ExcelFile\) was opened on a"
    ) as e:
        read_bps_table(book, locale="en", month=3)
    assert "pass the workbook's path, or the file opened again" in str(e.value)


class _Odd:
    """Path-like, but its __fspath__ gives neither a path nor a file."""

    def __fspath__(self) -> object:
        return 42


def test_a_path_like_giving_no_path_nor_file_is_refused() -> None:
    with pytest.raises(
        TypeError, match=r"`source` \(_Odd\) gives a int object for its path"
    ):
        read_bps_table(_Odd(), locale="en")  # type: ignore[arg-type]
