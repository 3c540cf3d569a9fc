"""The fractions recipe on an Indonesian text frame leaves text (sheets22 L4).

A frame read from Indonesian text as povstat advises (every column as
text: pandas ``dtype=str``, polars ``infer_schema=False``, DuckDB
``all_varchar=true``) with a row pasted in from a sheet formatted as
percent (0,0379 for 3,79 %) is warned of, with code converting those
cells by ``povstat.to_percent``. The code wrote the percentages back as
floats, so the next ``read_bps_table(df, locale="id")`` warned that the
frame "holds value cells that are already numbers", advising the read as
text already done, or ``locale='en'``, which the other cells ("10,38")
refuse. In locale "id" the code now writes the percentages back as text,
as the frame writes numbers ("3,79"): followed, the frame reads to the
source's values with no warning left.

Figures: JAWA TIMUR, Pacitan, Kota Malang and Kota Batu, P0 (Persen),
2022-2025, copied by hand from data-raw/indonesia/bps_p0_kabkota_2004_2025.csv:
10.38 / 10.35 / 9.79 / 9.5, 13.8 / 13.65 / 13.08 / 12.97, 4.37 / 4.26 /
3.91 / 3.85, 3.79 / 3.31 / 3.06 / 2.86.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pytest

import povstat
from povstat import read_bps_table

_ROWS = [
    ("JAWA TIMUR", ["10,38", "10,35", "9,79", "9,5"]),
    ("Pacitan", ["13,8", "13,65", "13,08", "12,97"]),
    ("Kota Malang", ["4,37", "4,26", "3,91", "3,85"]),
    ("Kota Batu", ["3,79", "3,31", "3,06", "2,86"]),
]
_SOURCE = [float(x.replace(",", ".")) for _, xs in _ROWS for x in xs]
# Kota Batu's row as stored by a sheet formatted "0.00%", by hand: 3,79 % is
# 0,0379, and so on.
_PASTED = ["0,0379", "0,0331", "0,0306", "0,0286"]


def _write(path: Path) -> Path:
    title = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"
    lines = [f"Provinsi/Kabupaten/Kota;{title};;;", ";2022;2023;2024;2025"]
    lines += [
        f"{name};{';'.join(_PASTED if name == 'Kota Batu' else xs)}"
        for name, xs in _ROWS
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(df: Any) -> tuple[list[str], Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_bps_table(df, locale="id", month=3)
    return [str(w.message) for w in caught], t


@pytest.mark.parametrize(
    ("read", "first"),
    [
        (lambda p: pd.read_csv(p, sep=";", dtype=str, keep_default_na=False), ""),
        (lambda p: pl.read_csv(p, separator=";", infer_schema=False), "df.to_pandas()"),
        (
            lambda p: duckdb.sql(
                f"select * from read_csv('{p}', delim=';', all_varchar=true)"
            ),
            "df.df()",
        ),
    ],
    ids=["pandas", "polars", "duckdb"],
)
def test_the_recipe_followed_leaves_no_warning(
    tmp_path: Path, read: Any, first: str
) -> None:
    frame = read(_write(tmp_path / "l4.csv"))
    said, _ = _read(frame)
    assert len(said) == 1
    assert "value rows stated in percent hold fractions of one: 'Kota Batu'" in said[0]
    found = re.search(r"`(df = df\.astype.*?)`", said[0])
    assert found is not None
    ns: dict[str, Any] = {"df": frame, "pandas": pd, "povstat": povstat}
    if first:
        exec(f"df = {first}", ns)
    exec(found.group(1), ns)  # as printed
    df = ns["df"]
    # The converted cells are text in the frame's locale, the source's
    # decimals exactly (not 3.79 as a float, nor float noise).
    assert df.iloc[4, 1:5].tolist() == ["3,79", "3,31", "3,06", "2,86"]
    said, t = _read(df)
    assert said == []  # no "already numbers" note, no fractions warning
    assert t.data["value"].tolist() == _SOURCE


def test_locale_en_recipe_still_writes_numbers() -> None:
    # In locale "en" numbers are read as they are: the code writes floats,
    # and they read to the source's values. Kota Batu 2024 and 2025 pasted
    # as 0.0306 and 0.0286 (3.06 % and 2.86 %).
    title = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"
    df = pd.DataFrame(
        [
            ["", "2024", "2025"],
            ["JAWA TIMUR", "9.79", "9.5"],
            ["Pacitan", "13.08", "12.97"],
            ["Kota Malang", "3.91", "3.85"],
            ["Kota Batu", "0.0306", "0.0286"],
        ],
        columns=["Provinsi/Kabupaten/Kota", title, ""],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(df, locale="en", month=3)
    found = re.search(r"`(df = df\.astype.*?)`", str(caught[0].message))
    assert found is not None
    assert ".map(" not in found.group(1)
    ns: dict[str, Any] = {"df": df, "pandas": pd, "povstat": povstat}
    exec(found.group(1), ns)
    assert ns["df"].iloc[4, 1:3].tolist() == [3.06, 2.86]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(ns["df"], locale="en", month=3)
    assert t.data["value"].tolist() == [9.79, 9.5, 13.08, 12.97, 3.91, 3.85, 3.06, 2.86]
