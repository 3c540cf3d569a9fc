"""Recipes printed for a polars LazyFrame run exactly as printed (sheets30 F4).

read_bps_table accepts a polars LazyFrame (collected: tables are small), but
the code its messages printed for one failed as printed: a LazyFrame has no
``to_pandas`` ("a polars or DuckDB frame converted with df = df.to_pandas()
first": AttributeError), and its ``pivot`` needs the values pivoted on
named (``df.pivot(on=YEAR, index=REGION, values=VALUE)``: TypeError). Each
recipe a LazyFrame can get now collects it first, and each is run here, as
printed, on a LazyFrame: the long form's pivot (alone, and after the filter
on a second key), the fractions warning's conversion, the one-region
series' recipe and its caution's, and the transposed frame's (by its first
column, and by position under a title). So is the advice to drop a column
of remarks, which a LazyFrame runs as it is. The recipes an eager polars
frame gets work as printed too (the transposed frame's now says to convert
it to pandas first).

Figures: BPS P0 (Persen), bps_p0_kabkota_2004_2025.csv, 2022 / 2023 /
2024: Pacitan 13.8 / 13.65 / 13.08, Ponorogo 9.32 / 9.53 / 9.11, Kota Batu
3.79 / 3.31 / 3.06; a "pasted" cell holds the figure / 100 (13.8 as 0.138).
The September figures of the two-key table are made up (a second key only).
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any

import pandas as pd
import pytest

import povstat
from povstat import read_bps_table

pl = pytest.importorskip("polars")

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"
_COLLECT = (
    "a polars LazyFrame collected and converted with df = df.collect().to_pandas() "
    "first"
)
#: The values read from each table, by (region, year), copied from the source.
_P0 = {
    ("Pacitan", 2022): 13.8,
    ("Pacitan", 2023): 13.65,
    ("Kota Batu", 2022): 3.79,
    ("Kota Batu", 2023): 3.31,
}


def _values(t: povstat.BpsTable) -> dict[tuple[str, int], float]:
    return {
        (str(r), int(y)): float(v)
        for r, y, v in t.data[["label", "year", "value"]].itertuples(index=False)
    }


def _run(code: str, df: Any) -> Any:
    """`code` run as printed, `df` bound to the frame; the new `df`."""
    ns: dict[str, Any] = {"df": df, "pl": pl, "pandas": pd, "povstat": povstat}
    exec(code, ns)
    return ns["df"]


def _long() -> Any:
    return pl.DataFrame(
        {
            "wilayah": ["Pacitan", "Pacitan", "Kota Batu", "Kota Batu"],
            "tahun": [2022, 2023, 2022, 2023],
            "p0": [13.8, 13.65, 3.79, 3.31],
        }
    )


def _pivot_code(said: str) -> str:
    found = re.search(
        r"polars (df\.\S*pivot)\(on=YEAR, index=REGION, values=VALUE\)", said
    )
    assert found is not None, said
    return f"df = {found[1]}(on='tahun', index='wilayah', values='p0')"


def test_the_long_form_pivot_runs_on_a_lazyframe() -> None:
    with pytest.raises(ValueError, match="pivoted the wrong way") as info:
        read_bps_table(_long().lazy(), locale="en", month=3)
    said = str(info.value)
    assert "polars df.collect().pivot(on=YEAR, index=REGION, values=VALUE)" in said
    wide = _run(_pivot_code(said), _long().lazy())
    assert _values(read_bps_table(wide, locale="en", month=3)) == _P0


def test_the_eager_long_form_pivot_is_unchanged() -> None:
    with pytest.raises(ValueError, match="pivoted the wrong way") as info:
        read_bps_table(_long(), locale="en", month=3)
    said = str(info.value)
    assert "polars df.pivot(on=YEAR, index=REGION, values=VALUE)" in said
    assert "collect" not in said
    wide = _run(_pivot_code(said), _long())
    assert _values(read_bps_table(wide, locale="en", month=3)) == _P0


def test_the_second_key_filter_and_pivot_run_on_a_lazyframe() -> None:
    march = _long().with_columns(bulan=pl.lit("Maret"))
    september = _long().with_columns(bulan=pl.lit("September"), p0=pl.col("p0") - 1)
    lazy = pl.concat([march, september]).lazy()
    with pytest.raises(ValueError, match="is a second key") as info:
        read_bps_table(lazy, locale="en")
    said = str(info.value)
    kept = re.search(r"polars (df = df\.filter\(.*?\)) \(in a spreadsheet", said)
    assert kept is not None, said
    assert kept[1] == "df = df.filter(pl.col('bulan') == 'Maret')"
    wide = _run(_pivot_code(said), _run(kept[1], lazy))
    assert _values(read_bps_table(wide, locale="en", month=3)) == _P0


def _fractions_frame() -> Any:
    # Pacitan's 2022 cell pasted from a sheet formatted as percent.
    return pl.DataFrame(
        {
            "a": [_TITLE, "Kabupaten/Kota", "Pacitan", "Ponorogo", "Kota Batu"],
            "b": [None, "2022", "0.138", "9.32", "3.79"],
            "c": [None, "2023", "13.65", "9.53", "3.31"],
        }
    )


@pytest.mark.parametrize("lazy", [True, False], ids=["lazy", "eager"])
def test_the_fractions_recipe_runs_as_printed(lazy: bool) -> None:
    frame = _fractions_frame().lazy() if lazy else _fractions_frame()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(frame, locale="en", month=3)
    (said,) = [str(w.message) for w in caught if "fractions of one" in str(w.message)]
    recipe = re.search(r"`(df = .*?)`", said)
    assert recipe is not None, said
    convert = re.search(r"converted with (df = df\.\S+) ", said)
    assert convert is not None, said
    if lazy:
        assert _COLLECT in said
        assert convert[1] == "df = df.collect().to_pandas()"
    else:
        assert "converted with df = df.to_pandas() or df = df.df() first" in said
    fixed = _run(recipe[1], _run(convert[1], frame))
    t = read_bps_table(fixed, locale="en", month=3)
    # By hand: 0.138 as percent is 13.8, Pacitan's 2022 P0.
    assert _values(t)[("Pacitan", 2022)] == 13.8
    assert t.invalid == ()


def test_the_one_region_series_recipes_run_on_a_lazyframe() -> None:
    # Jawa Timur's P0 by area, a year a row, as fractions of one (March;
    # bps_p0_prov_2007_2026.csv: Perkotaan 7.71 / 7.5 / 7.12, Perdesaan
    # 13.69 / 13.98 / 13.3 in 2022 / 2023 / 2024).
    lazy = pl.DataFrame(
        {
            "a": [_TITLE, "Provinsi Jawa Timur", "Tahun", "2022", "2023", "2024"],
            "b": [None, None, "Perkotaan", "0.0771", "0.075", "0.0712"],
            "c": [None, None, "Perdesaan", "0.1369", "0.1398", "0.133"],
        }
    ).lazy()
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(lazy, locale="en")
    said = str(info.value)
    series = re.search(
        r"read the series with pandas \(`(s = df\.iloc.*?)` \((a polars .*? first)\)",
        said,
    )
    assert series is not None, said
    assert series[2] == _COLLECT
    fix = re.search(r"`(df = df\.astype.*?)` \((.*?);", said)
    assert fix is not None, said
    assert fix[2] == _COLLECT
    # As printed: collected and converted once, the cells converted to
    # percent, then the series read.
    df = _run(fix[1], _run("df = df.collect().to_pandas()", lazy))
    ns: dict[str, Any] = {"df": df, "pandas": pd, "povstat": povstat}
    exec(series[1], ns)
    out = ns["out"]
    got = {
        (str(t), str(g)): float(v)
        for t, g, v in out[["Tahun", "variable", "value"]].itertuples(index=False)
    }
    assert got == {
        ("2022", "Perkotaan"): 7.71,
        ("2023", "Perkotaan"): 7.5,
        ("2024", "Perkotaan"): 7.12,
        ("2022", "Perdesaan"): 13.69,
        ("2023", "Perdesaan"): 13.98,
        ("2024", "Perdesaan"): 13.3,
    }


def _turned() -> Any:
    return pl.DataFrame(
        {
            "Tahun": ["2022", "2023"],
            "Pacitan": ["13.8", "13.65"],
            "Kota Batu": ["3.79", "3.31"],
        }
    )


@pytest.mark.parametrize("lazy", [True, False], ids=["lazy", "eager"])
def test_the_transposed_frame_recipe_runs_as_printed(lazy: bool) -> None:
    frame = _turned().lazy() if lazy else _turned()
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(frame, locale="en", month=3)
    said = str(info.value)
    found = re.search(
        r"transpose the frame first \(pandas (df\.set_index\(.*?\.reset_index\(\)); "
        r"(.*?)\) and pass that",
        said,
    )
    assert found is not None, said
    assert found[2] == (
        _COLLECT
        if lazy
        else "a polars or DuckDB frame converted with df = df.to_pandas() or "
        "df = df.df() first"
    )
    convert = "df = df.collect().to_pandas()" if lazy else "df = df.to_pandas()"
    turned = _run(f"df = {found[1]}", _run(convert, frame))
    assert _values(read_bps_table(turned, locale="en", month=3)) == _P0


def test_the_transposed_frame_under_a_title_runs_on_a_lazyframe() -> None:
    # The title line taken as the column labels, as polars.read_csv reads a
    # BPS CSV file (infer_schema=False: every column as text).
    text = f"{_TITLE},,\nTahun,Pacitan,Kota Batu\n2022,13.8,3.79\n2023,13.65,3.31\n"
    lazy = pl.read_csv(io.StringIO(text), infer_schema=False).lazy()
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(lazy, locale="en", month=3)
    said = str(info.value)
    code = re.search(r"\(pandas (df\..*?), whose first row is then", said)
    assert code is not None, said
    assert f"; {_COLLECT}) and pass that" in said
    turned = _run(f"df = {code[1]}", _run("df = df.collect().to_pandas()", lazy))
    assert _values(read_bps_table(turned, locale="en", month=3)) == _P0


def test_the_remarks_column_drop_runs_on_a_lazyframe() -> None:
    lazy = pl.DataFrame(
        {
            "Kabupaten/Kota": ["Pacitan", "Kota Batu"],
            "2022": ["13.8", "3.79"],
            "Keterangan": ["a", "b"],
            "2023": ["13.65", "3.31"],
        }
    ).lazy()
    with pytest.raises(ValueError, match="heads a column of remarks") as info:
        read_bps_table(lazy, locale="en", month=3)
    found = re.search(r"polars (df\.drop\(\[.*?\]\))", str(info.value))
    assert found is not None, str(info.value)
    kept = _run(f"df = {found[1]}", lazy)
    assert _values(read_bps_table(kept, locale="en", month=3)) == _P0


def test_a_lazyframe_with_an_untyped_column_gives_no_performance_warning() -> None:
    # An empty column (polars Null) made read_bps_table ask the LazyFrame's
    # columns and schema, which polars warns of (PerformanceWarning).
    lazy = pl.DataFrame(
        {"Kabupaten/Kota": ["Pacitan"], "2022": ["13.8"], "2023": [None]}
    ).lazy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(lazy, locale="en", month=3)
    assert _values(t)[("Pacitan", 2022)] == 13.8
