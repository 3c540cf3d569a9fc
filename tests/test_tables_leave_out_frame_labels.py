"""The leave-out advice names a frame's own column label (sheets17 G2).

A BPS CSV file has a title line above its header. Read with each
reader's defaults, the title line is the frame's column labels and the
header ("Kabupaten/Kota, 2023, 2024, 2025, Keterangan") its first row: the
remarks column is labelled 'Unnamed: 4' (pandas), '_duplicated_2'
(polars) or 'column4' (DuckDB, which with all_varchar finds no header).
The advice drops it by that label, and gives the re-read from the header
row (skiprows=1 / skip_rows=1 / skip=1); each recipe is run as printed.

Figures: bps_p0_kabkota_2004_2025.csv (P0, Persen), Jawa Timur excerpt,
2023 / 2024 / 2025: JAWA TIMUR 10.35 / 9.79 / 9.5, Pacitan 13.65 / 13.08 /
12.97, Kota Batu 3.31 / 3.06 / 2.86 (copied by hand).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from povstat import read_bps_table

pl = pytest.importorskip("polars")
duckdb = pytest.importorskip("duckdb")

_SOURCE = [10.35, 9.79, 9.5, 13.65, 13.08, 12.97, 3.31, 3.06, 2.86]


def _text(head: str) -> str:
    return (
        "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen),,,,\n"
        f"Kabupaten/Kota,2023,2024,2025,{head}\n"
        "JAWA TIMUR,10.35,9.79,9.5,x\nPacitan,13.65,13.08,12.97,\n"
        "Kota Batu,3.31,3.06,2.86,\n"
    )


def _advice(frame: Any) -> str:
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(frame, locale="en", month=3)
    return str(info.value)


def _values(frame: Any) -> list[float]:
    t = read_bps_table(frame, locale="en", month=3)
    assert t.invalid == ()
    return [float(v) for v in t.data["value"]]


@pytest.mark.parametrize("head", ["Keterangan", "Kode", "Perubahan 2024-2025"])
@pytest.mark.parametrize(
    ("engine", "label"),
    [("pandas", "Unnamed: 4"), ("polars", "_duplicated_2"), ("duckdb", "column4")],
)
def test_frame_advice_followed(
    tmp_path: Path, head: str, engine: str, label: str
) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(_text(head), encoding="utf-8")
    frame: Any
    if engine == "pandas":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    elif engine == "polars":
        frame = pl.read_csv(path, infer_schema=False)
    else:
        frame = duckdb.sql(f"select * from read_csv('{path}', all_varchar=true)")
    said = _advice(frame)
    # The drop, by the frame's own label, run as printed on `df`.
    drop = {
        "pandas": f"pandas df.drop(columns=[{label!r}])",
        "polars": f"polars df.drop([{label!r}])",
        "duckdb": f"DuckDB df.df().drop(columns=[{label!r}])",
    }[engine]
    assert drop in said
    assert _values(eval(drop.split(" ", 1)[1], {"df": frame})) == _SOURCE
    # The re-read from the header row (the title line skipped), as printed.
    again = re.search(
        r"from its header row \(the line above it, a title, is no header\), "
        r"(.*?\]\))\)",
        said,
    )
    assert again is not None
    printed = again[1]
    if engine == "pandas":
        assert printed == (
            "pandas.read_csv(..., skiprows=1, dtype=str, keep_default_na=False)"
            f".drop(columns=[{head!r}])"
        )
        followed = pd.read_csv(path, skiprows=1, dtype=str, keep_default_na=False).drop(
            columns=[head]
        )
    elif engine == "polars":
        assert printed == (
            f"polars.read_csv(..., skip_rows=1, infer_schema=False).drop([{head!r}])"
        )
        followed = pl.read_csv(path, skip_rows=1, infer_schema=False).drop([head])
    else:
        assert printed == (
            "DuckDB read_csv(..., skip=1, header=true, all_varchar=true) and "
            f".df().drop(columns=[{head!r}])"
        )
        followed = (
            duckdb.sql(
                f"select * from read_csv('{path}', skip=1, header=true, "
                "all_varchar=true)"
            )
            .df()
            .drop(columns=[head])
        )
    assert _values(followed) == _SOURCE


def test_a_frame_read_without_the_title_needs_no_reread(tmp_path: Path) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(_text("Keterangan").split("\n", 1)[1], encoding="utf-8")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    said = _advice(df)
    assert "pandas df.drop(columns=['Keterangan'])" in said
    assert "read the file again" not in said
    assert _values(df.drop(columns=["Keterangan"])) == _SOURCE


def test_a_header_none_frame_names_the_position(tmp_path: Path) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(_text("Keterangan"), encoding="utf-8")
    df = pd.read_csv(path, header=None, dtype=str, keep_default_na=False)
    said = _advice(df)
    assert "pandas df.drop(columns=[4])" in said
    assert _values(df.drop(columns=[4])) == _SOURCE
