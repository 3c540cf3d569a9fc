"""Transposed frame advice when a reader took the title line as the
frame's column labels (sheets16 F2), followed as printed.

The advice turns the rows from the header row to the last period by
position (``df.iloc[0:4].T.reset_index(drop=True)``), so it holds whatever
the header row's first cell: "Tahun", empty, or written elsewhere in the
first column too (a title line "Tahun"), where slicing by that label
cannot.

A BPS CSV starts with its title line; read with each reader's defaults
(pandas dtype=str, polars infer_schema=False, DuckDB all_varchar=true) the
title becomes the column labels and the header row ("Tahun | JAWA TIMUR |
...") a row of cells; with pandas header=None, the title is row 0 and the
header row 1. The printed pandas expression is evaluated as printed, on
the frame (polars and DuckDB frames converted as the advice says).

Figures: P0 (Persen), March, bps_p0_kabkota_2004_2025.csv: JAWA TIMUR
10.35 / 9.79 / 9.50 (2023-2025), Pacitan 13.65 / 13.08 / 12.97, Kota Batu
3.31 / 3.06 / 2.86 (copied by hand from the source file).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from povstat import read_bps_table

_TEXT = (
    "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen),,,\n"
    "Tahun,JAWA TIMUR,Pacitan,Kota Batu\n2023,10.35,13.65,3.31\n"
    "2024,9.79,13.08,3.06\n2025,9.50,12.97,2.86\n,,,\n"
    "Sumber: BPS Provinsi Jawa Timur,,,\n"
)
_SOURCE = sorted(
    [
        ("JAWA TIMUR", 2023, 10.35),
        ("JAWA TIMUR", 2024, 9.79),
        ("JAWA TIMUR", 2025, 9.50),
        ("Pacitan", 2023, 13.65),
        ("Pacitan", 2024, 13.08),
        ("Pacitan", 2025, 12.97),
        ("Kota Batu", 2023, 3.31),
        ("Kota Batu", 2024, 3.06),
        ("Kota Batu", 2025, 2.86),
    ]
)


#: The header row's first cell as written, empty, or written again above
#: (the title line "Tahun"), and the recipe printed for a frame whose column
#: labels are the line above the header row (for header=None, one row on).
_CORNERS = {
    "Tahun": _TEXT,
    "empty": _TEXT.replace("Tahun,JAWA", ",JAWA"),
    "repeated": "Tahun,,,\n" + _TEXT.split("\n", 1)[1],
}


def _pandas(text: str, header: int | None) -> pd.DataFrame:
    return pd.read_csv(
        io.StringIO(text), dtype=str, keep_default_na=False, header=header
    )


def _polars(text: str) -> Any:
    pl = pytest.importorskip("polars")
    return pl.read_csv(io.StringIO(text), infer_schema=False)


def _duckdb(text: str, tmp_path: Path) -> Any:
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "trn.csv"
    path.write_text(text, encoding="utf-8")
    return duckdb.sql(f"select * from read_csv('{path}', all_varchar=true)")


@pytest.mark.parametrize("corner", list(_CORNERS))
@pytest.mark.parametrize(
    ("make", "convert", "recipe"),
    [
        (lambda t, p: _pandas(t, 0), lambda f: f, "df.iloc[0:4]"),
        (lambda t, p: _pandas(t, None), lambda f: f, "df.iloc[1:5]"),
        (lambda t, p: _polars(t), lambda f: f.to_pandas(), "df.iloc[0:4]"),
        (_duckdb, lambda f: f.df(), "df.iloc[0:4]"),
    ],
    ids=["pandas", "pandas-header-None", "polars", "duckdb"],
)
def test_title_labels_advice_followed(
    make: Any, convert: Any, recipe: str, corner: str, tmp_path: Path
) -> None:
    frame = make(_CORNERS[corner], tmp_path)
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(frame, locale="en", month=3)
    said = str(info.value)
    code = re.search(r"\(pandas (df\..*?), whose first row is then", said)
    assert code is not None
    # By hand: the header row is the frame's row 0 (row 1 with
    # header=None, the title its row 0), the last period '2025' three rows
    # below it; the slice stops before the blank line and the source line.
    # The line above the header row (the title, or "Tahun" written again)
    # becomes the turned frame's column labels, over its four columns (the
    # header row and three periods), so the title is kept (sheets18 H5).
    above = _CORNERS[corner].split(",", 1)[0]
    assert code[1] == (
        f"{recipe}.T.reset_index(drop=True).set_axis([{above!r}, *[''] * 3], axis=1)"
    )
    assert ".to_pandas() or .df() first" in said
    assert "such as 'Sumber: BPS Provinsi Jawa Timur'" in said
    df = convert(frame)
    turned = eval(code[1], {"df": df})  # the printed expression, as printed
    t = read_bps_table(turned, locale="en", month=3)
    assert t.invalid == ()
    got = sorted(
        (str(a), int(b), float(c))
        for a, b, c in t.data[["label", "year", "value"]].itertuples(index=False)
    )
    assert got == _SOURCE
    assert t.title == above
