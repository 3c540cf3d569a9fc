"""A frame with no columns is refused naming `source` (sheets30 F5).

``pandas.read_excel`` of an empty worksheet (the table on another sheet)
gives a frame with no columns; so do ``pd.DataFrame(index=range(3))``,
``pl.DataFrame()`` and an empty polars LazyFrame. read_bps_table crashed
on them with a raw IndexError from inside its "no header row" advice. Now
a ValueError names `source`, says it holds no cell, and points to the
reader's `sheet_name` (followed here: the table read from the sheet that
holds it). A table of a header and no rows (a frame of column labels
alone, a CSV file of its header line) crashed with a raw numpy
broadcasting error in the fractions check; it now reads as a table of no
rows, on every engine alike.

Figures: BPS P0 (Persen), bps_p0_kabkota_2004_2025.csv: Pacitan 13.8 /
13.65 (2022 / 2023), Kota Batu 3.79 / 3.31.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path

_NO_COLUMNS = (
    r"`source`, a (\w+) (\w+), has (?:\d+ rows? and )?no columns: it holds no cell"
)


def _two_sheets(path: Path) -> Path:
    """A workbook whose first sheet is empty and whose table is on "Data"."""
    xlsx_path(path, [], title="Kosong")
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.create_sheet("Data")
    for row in [
        ["Kabupaten/Kota", "2022", "2023"],
        ["Pacitan", 13.8, 13.65],
        ["Kota Batu", 3.79, 3.31],
    ]:
        ws.append(row)
    wb.save(path)
    return path


def test_a_frame_of_an_empty_sheet_is_refused_naming_sheet_name(tmp_path: Path) -> None:
    path = _two_sheets(tmp_path / "p0.xlsx")
    frame = pd.read_excel(path)  # the first sheet: empty
    assert frame.shape == (0, 0)
    with pytest.raises(ValueError, match=_NO_COLUMNS) as info:
        read_bps_table(frame, locale="en", month=3)
    said = str(info.value)
    assert "a pandas DataFrame, has no columns" in said
    assert "check the reader's sheet_name" in said
    # Followed: every sheet read, to see which holds the table, then that one.
    sheets = pd.read_excel(path, sheet_name=None)
    assert [name for name, f in sheets.items() if f.size] == ["Data"]
    t = read_bps_table(pd.read_excel(path, sheet_name="Data"), locale="en", month=3)
    keys = zip(t.data["label"], t.data["year"], strict=True)
    got = dict(zip(keys, t.data["value"], strict=True))
    assert got == {
        ("Pacitan", 2022): 13.8,
        ("Pacitan", 2023): 13.65,
        ("Kota Batu", 2022): 3.79,
        ("Kota Batu", 2023): 3.31,
    }


def _polars(kind: str) -> Any:
    pl = pytest.importorskip("polars")
    return pl.DataFrame() if kind == "DataFrame" else pl.LazyFrame()


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda: pd.DataFrame(), "a pandas DataFrame, has no columns"),
        (lambda: pd.DataFrame(index=range(3)), "a pandas DataFrame, has 3 rows and no"),
        (lambda: _polars("DataFrame"), "a polars DataFrame, has no columns"),
        (lambda: _polars("LazyFrame"), "a polars LazyFrame, has no columns"),
    ],
    ids=["pandas", "pandas-index", "polars", "polars-lazy"],
)
def test_a_frame_with_no_columns_is_refused(make: Any, named: str) -> None:
    with pytest.raises(ValueError, match=_NO_COLUMNS) as info:
        read_bps_table(make(), locale="en")
    assert named in str(info.value)


def test_an_arrow_table_with_no_columns_is_refused() -> None:
    pa = pytest.importorskip("pyarrow")
    with pytest.raises(ValueError, match=_NO_COLUMNS):
        read_bps_table(pa.table({}), locale="en")


def _header_alone(kind: str) -> Any:
    labels = ["Kabupaten/Kota", "2022", "2023"]
    if kind == "csv":
        return io.StringIO(",".join(labels) + "\n")
    if kind == "pandas":
        return pd.DataFrame(columns=labels)
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({c: pl.Series([], dtype=pl.String) for c in labels})
    return frame.lazy() if kind == "polars-lazy" else frame


@pytest.mark.parametrize("kind", ["csv", "pandas", "polars", "polars-lazy"])
def test_a_header_alone_reads_as_a_table_of_no_rows(kind: str) -> None:
    t = read_bps_table(_header_alone(kind), locale="en", month=3)
    assert t.data.empty
    assert t.invalid == ()


@pytest.mark.parametrize("text", ["\n", "\r\n", "\ufeff\n", "\n\n\n"])
def test_text_of_blank_lines_is_refused(text: str, tmp_path: Path) -> None:
    # sheets31 F5: blank lines alone crashed with a raw IndexError, as text
    # and as a file; a 0-byte file was already refused by name.
    with pytest.raises(ValueError, match=r"`source` holds no cell \(nothing but blank"):
        read_bps_table(io.StringIO(text), locale="en")
    path = tmp_path / "blank.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"`source` holds no cell"):
        read_bps_table(path, locale="en")
