"""read_bps_table: the one-region series recipe reads "-" as missing (sheets17 G3).

A one-region time series (periods down, area groups across) is not read;
the advice prints a pandas recipe ("read the series with pandas ... melt").
Followed as printed it gave a value column of text where the series holds
BPS's "-" (no figure for the round), it kept the lines below the table
("Sumber: BPS") as periods of no value, and as a frame's advice (a reader
took the title line for the labels) it left out ``skiprows=1``. A frame's
recipe is now built from the frame itself (sheets21 K3: the file it came
from may be no CSV file), and ends at its last period by position. Each
test runs the printed code exactly, on the file or the frame, and compares
the values with the source.

Sources:
* Jawa Timur by area (bps_p0_prov_2007_2026.csv, Perkotaan / Perdesaan /
  Jumlah): Maret 2023 7.50 / 13.98 / 10.35, Maret 2024 7.12 / 13.30 /
  9.79; no September 2023 figure, written "-" (the report's input).
* Pidie Jaya (bps_p0_kabkota_2004_2025.csv, line 21), 2004-2025:
  "-,-,-,35,30.26,...,16.12": the kabupaten was formed in 2007, so BPS
  writes "-" for 2004-2006 (SOURCES.md, "Missing values"). Cut to a
  one-region series (years down, "Jumlah" across) as BPS publishes a
  region's series.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pytest

from povstat import read_bps_table
from spreadsheets import (
    follow_frame_series_recipe,
    follow_series_recipe,
    series_values,
)

_TITLE = "Persentase Penduduk Miskin (P0) Jawa Timur Menurut Daerah (Persen)"
_JATIM = {
    ("Maret 2023", "Perkotaan"): 7.5,
    ("Maret 2023", "Perdesaan"): 13.98,
    ("Maret 2023", "Jumlah"): 10.35,
    ("September 2023", "Perkotaan"): None,
    ("September 2023", "Perdesaan"): None,
    ("September 2023", "Jumlah"): None,
    ("Maret 2024", "Perkotaan"): 7.12,
    ("Maret 2024", "Perdesaan"): 13.3,
    ("Maret 2024", "Jumlah"): 9.79,
}
# bps_p0_kabkota_2004_2025.csv line 21, as written there (2004 ... 2025).
_PIDIE_JAYA = (
    "-,-,-,35,30.26,27.97,26.07,25.43,24.35,22.7,21.78,21.4,21.18,21.82,"
    "20.17,19.31,19.19,19.55,18.45,18.4,18.28,16.12"
)


def _jatim(path: Path, *, locale: str, title: bool) -> None:
    sep = ";" if locale == "id" else ","

    def num(x: float | None) -> str:
        return "-" if x is None else str(x).replace(".", "," if locale == "id" else ".")

    periods = ["Maret 2023", "September 2023", "Maret 2024"]
    groups = ["Perkotaan", "Perdesaan", "Jumlah"]
    lines = [_TITLE + sep * 3] if title else []
    lines.append(sep.join(["Periode", *groups]))
    lines += [sep.join([p, *(num(_JATIM[p, g]) for g in groups)]) for p in periods]
    lines += [sep * 3, "Sumber: BPS" + sep * 3]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _message(source: Any, **kw: Any) -> str:
    with pytest.raises(ValueError, match="one-region time series") as err:
        read_bps_table(source, **kw)
    return str(err.value)


def test_report_input_path_followed(tmp_path: Path) -> None:
    # The report's g3.csv: title line, "-" for September 2023, a blank line
    # and "Sumber: BPS" below.
    path = tmp_path / "g3.csv"
    _jatim(path, locale="en", title=True)
    said = _message(path, locale="en")
    assert "skiprows=1" in said
    assert ".loc[:'Maret 2024']" in said
    assert series_values(follow_series_recipe(said, path)) == _JATIM


@pytest.mark.parametrize("title", [False, True])
def test_indonesian_path_followed(tmp_path: Path, title: bool) -> None:
    # "7,5" read as 7.5 by povstat (parse_columns, locale 'id'), "-" as missing.
    path = tmp_path / "g3_id.csv"
    _jatim(path, locale="id", title=title)
    said = _message(path, locale="id", sep=";")
    assert ("skiprows=1" in said) is title
    assert series_values(follow_series_recipe(said, path)) == _JATIM


@pytest.mark.parametrize(
    "read",
    [
        lambda p: pd.read_csv(p, dtype=str, keep_default_na=False),
        lambda p: pd.read_csv(p),
        lambda p: pl.read_csv(p, infer_schema=False),
        # No labels from the file (positions, or names DuckDB makes up):
        # the title is the frame's first row, the one line to skip.
        lambda p: pd.read_csv(p, header=None, dtype=str, keep_default_na=False),
        lambda p: duckdb.sql(f"select * from read_csv('{p}', all_varchar=true)"),
    ],
    ids=["pandas-text", "pandas-default", "polars", "pandas-header-none", "duckdb"],
)
def test_report_input_frame_followed(tmp_path: Path, read: Any) -> None:
    # Every reader's defaults take the title line for the labels: the
    # frame's recipe reads the frame's rows from the first period to the
    # last (the header row above them is written in the recipe), leaving
    # out the lines below.
    path = tmp_path / "g3.csv"
    _jatim(path, locale="en", title=True)
    frame = read(path)
    said = _message(frame, locale="en")
    assert "'Sumber: BPS'" in said
    assert series_values(follow_frame_series_recipe(said, frame)) == _JATIM


def test_frame_with_its_header_as_labels_skips_nothing(tmp_path: Path) -> None:
    path = tmp_path / "g3.csv"
    _jatim(path, locale="en", title=False)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    said = _message(frame, locale="en")
    assert "skiprows" not in said
    # The header is the frame's labels: its rows from the first, 0.
    assert "s = df.iloc[0:3, 1:]" in said
    assert series_values(follow_frame_series_recipe(said, frame)) == _JATIM


def _pidie_jaya(path: Path, *, locale: str, title: bool) -> dict[str, float | None]:
    sep = ";" if locale == "id" else ","
    cells = _PIDIE_JAYA.split(",")
    lines = (
        [f"Persentase Penduduk Miskin (P0) Pidie Jaya (Persen){sep}"] if title else []
    )
    lines.append(f"Tahun{sep}Jumlah")
    lines += [
        f"{2004 + k}{sep}{c.replace('.', ',') if locale == 'id' else c}"
        for k, c in enumerate(cells)
    ]
    lines.append(f"Sumber: Badan Pusat Statistik{sep}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {str(2004 + k): None if c == "-" else float(c) for k, c in enumerate(cells)}


@pytest.mark.parametrize("title", [False, True])
@pytest.mark.parametrize("locale", ["en", "id"])
def test_real_series_path_followed(tmp_path: Path, locale: str, title: bool) -> None:
    path = tmp_path / "pidie_jaya.csv"
    want = _pidie_jaya(path, locale=locale, title=title)
    said = _message(path, locale=locale, sep=";" if locale == "id" else ",")
    got = series_values(follow_series_recipe(said, path))
    # 22 years, 2004-2006 missing ("-"), 2007 35.0 ... 2025 16.12; no
    # period for the "Sumber" line.
    assert got == {(y, "Jumlah"): v for y, v in want.items()}
    assert len(got) == 22


@pytest.mark.parametrize(
    "read",
    [
        lambda p: pd.read_csv(p, dtype=str, keep_default_na=False),
        lambda p: pl.read_csv(p, infer_schema=False),
    ],
    ids=["pandas", "polars"],
)
def test_real_series_frame_followed(tmp_path: Path, read: Any) -> None:
    path = tmp_path / "pidie_jaya.csv"
    want = _pidie_jaya(path, locale="en", title=True)
    frame = read(path)
    said = _message(frame, locale="en")
    got = series_values(follow_frame_series_recipe(said, frame))
    assert got == {(y, "Jumlah"): v for y, v in want.items()}


def test_the_missing_marks_passed_are_the_recipes(tmp_path: Path) -> None:
    # missing=("", "-", "x"): the recipe reads those cells, and only those,
    # as NaN, as read_bps_table would.
    path = tmp_path / "g3.csv"
    _jatim(path, locale="en", title=True)
    said = _message(path, locale="en", missing=("", "-", "x"))
    assert "missing=['', '-', 'x']" in said
