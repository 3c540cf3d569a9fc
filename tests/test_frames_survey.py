"""poverty_table on every engine: same numbers as the array function."""

from __future__ import annotations

import itertools
import re
import tempfile
import warnings
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import backends
from povstat import (
    fgt,
    poverty_estimates,
    poverty_table,
    watts,
    with_change_test,
    with_rank_sets,
)

REF = Path(__file__).parent / "reference"
FULL = pd.read_csv(REF / "survey_design.csv")
DESIGN = FULL[~FULL["stratum"].isin(["s6", "s7"])].reset_index(drop=True)
COLUMNS = ["measure", "estimate", "se", "lower", "upper", "rse_pct", "deff", "n"]
COLUMNS += ["n_psu", "df"]
KW: dict[str, Any] = {
    "welfare": "welfare",
    "line": "line",
    "unit": "percent",
    "alpha": [0, 1, 2, 1.5],
    "watts": True,
    "weight": "weight",
    "size": "size",
    "by": "domain",
    "strata": "stratum",
    "psu": "psu",
    "overall": True,
}


def _expected(data: pd.DataFrame = DESIGN, **extra: Any) -> pd.DataFrame:
    kw = {**KW, **extra}
    est = poverty_estimates(
        data[kw["welfare"]],
        data[kw["line"]],
        unit=kw["unit"],
        alpha=kw["alpha"],
        watts=kw["watts"],
        weights=data[kw["weight"]],
        size=data[kw["size"]],
        by=data[kw["by"]],
        strata=data[kw["strata"]],
        psu=None if kw["psu"] is None else data[kw["psu"]],
        lonely_psu=kw.get("lonely_psu", "raise"),
        overall=kw["overall"],
    )
    return est.to_frame()


def _to_pandas(out: Any) -> pd.DataFrame:
    if isinstance(out, pd.DataFrame):
        return pd.DataFrame(out)
    if isinstance(out, pl.LazyFrame):
        out = out.collect()
    if isinstance(out, pl.DataFrame):
        return pd.DataFrame({c: out[c].to_list() for c in out.columns})
    if type(out).__module__.startswith("pyarrow"):
        return pd.DataFrame(out.to_pandas())
    if isinstance(out, duckdb.DuckDBPyRelation):
        cols = out.columns
        rows = out.fetchall()
        return pd.DataFrame({c: [r[i] for r in rows] for i, c in enumerate(cols)})
    rows = out.collect()  # pyspark
    frame: pd.DataFrame = pd.DataFrame({c: [r[c] for r in rows] for c in out.columns})
    return frame


def _check(out: Any, want: pd.DataFrame, by: str = "domain") -> None:
    got = _to_pandas(out)
    assert list(got.columns) == [by, *COLUMNS]
    labels = [None if pd.isna(v) else v for v in got[by]]
    assert labels == [None if pd.isna(v) else v for v in want["domain"]]
    assert got["measure"].tolist() == want["measure"].tolist()
    for c in COLUMNS[1:]:
        np.testing.assert_allclose(
            got[c].to_numpy(np.float64),
            want[c].to_numpy(np.float64),
            rtol=1e-11,
            atol=1e-13,
            err_msg=c,
        )


# --------------------------------------------------------------------------
# Engines
# --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def spark() -> Any:
    return backends.spark()


def _spark_frame(spark: Any, data: pd.DataFrame, partitions: int) -> Any:
    rows = [tuple(r) for r in data.itertuples(index=False)]
    types = {"i": "bigint", "f": "double", "O": "string"}
    schema = ", ".join(
        f"{c} {types.get(data[c].dtype.kind, 'string')}" for c in data.columns
    )
    return spark.createDataFrame(rows, schema=schema).repartition(partitions)


@pytest.mark.parametrize("dtype", ["float64", "Float64", "float64[pyarrow]"])
def test_pandas(dtype: str) -> None:
    floats = ["welfare", "line"]
    df = DESIGN.astype(dict.fromkeys(floats, dtype))
    before = df.copy(deep=True)
    out = poverty_table(df, **KW)
    pd.testing.assert_frame_equal(df, before)
    assert isinstance(out, pd.DataFrame)
    _check(out, _expected())


@pytest.mark.parametrize("lazy", [False, True])
def test_polars(lazy: bool) -> None:
    df = pl.from_dict({c: DESIGN[c].tolist() for c in DESIGN.columns})
    native = df.lazy() if lazy else df
    out = poverty_table(native, **KW)
    assert isinstance(out, pl.LazyFrame if lazy else pl.DataFrame)
    _check(out, _expected())


def test_duckdb_relation() -> None:
    con = duckdb.connect()
    rel = con.from_arrow(pl.from_pandas(DESIGN).to_arrow())
    out = poverty_table(rel, **KW)
    assert isinstance(out, duckdb.DuckDBPyRelation)
    _check(out, _expected())


def _write_chunks(data: pd.DataFrame, cuts: list[int], folder: Path) -> list[str]:
    """Parquet files of consecutive rows (a PSU's rows may fall in two)."""
    edges = [0, *sorted(set(cuts)), len(data)]
    paths = []
    for i, (a, b) in enumerate(itertools.pairwise(edges)):
        if b > a:
            path = folder / f"part{i}.parquet"
            pl.from_pandas(data.iloc[a:b]).write_parquet(path)
            paths.append(str(path))
    return paths


def test_duckdb_parquet_files_read_lazily(tmp_path: Path) -> None:
    # Rows shuffled, then cut into 4 files: PSUs are split across files.
    shuffled = DESIGN.sample(frac=1.0, random_state=3).reset_index(drop=True)
    paths = _write_chunks(shuffled, [10, 30, 50], tmp_path)
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    rel = con.read_parquet(paths)
    out = poverty_table(rel, **KW)
    _check(out, _expected())


@pytest.mark.spark
def test_pyspark_partitions(spark: Any) -> None:
    sdf = _spark_frame(spark, DESIGN, partitions=3)
    out = poverty_table(sdf, **KW)
    assert type(out).__name__ == "DataFrame"
    assert hasattr(out, "sparkSession")
    _check(out, _expected())


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.integers(0, len(DESIGN)), max_size=5), st.randoms(use_true_random=False)
)
def test_chunks_and_row_order_change_nothing(cuts: list[int], rnd: Any) -> None:
    perm = list(range(len(DESIGN)))
    rnd.shuffle(perm)
    data = DESIGN.iloc[perm].reset_index(drop=True)
    with tempfile.TemporaryDirectory() as folder:
        paths = _write_chunks(data, cuts, Path(folder))
        out = poverty_table(duckdb.connect().read_parquet(paths), **KW)
        _check(out, _expected())
    chunks = [
        pl.from_pandas(data.iloc[a:b])
        for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), len(data)], strict=True)
    ]
    _check(poverty_table(pl.concat(chunks).lazy(), **KW), _expected())


# --------------------------------------------------------------------------
# Options
# --------------------------------------------------------------------------


def test_units_as_psus_and_lonely_psus() -> None:
    _check(poverty_table(DESIGN, **{**KW, "psu": None}), _expected(psu=None))
    full = FULL.reset_index(drop=True)
    out = poverty_table(full, **{**KW, "lonely_psu": "average"})
    _check(out, _expected(full, lonely_psu="average"))
    with pytest.raises(ValueError, match="single PSU"):
        poverty_table(full, **KW)


def test_fpc_column() -> None:
    # The R reference case "fpc" (tests/reference/survey_se_out.csv).
    ref = pd.read_csv(REF / "survey_se_out.csv")
    ref = ref[(ref["case"] == "fpc") & (ref["domain"] != "(all)")]
    out = poverty_table(DESIGN, **{**KW, "fpc": "fpc", "unit": "fraction"})
    got = out[out["domain"].notna()]
    np.testing.assert_allclose(got["se"], ref["se"], rtol=1e-10)
    bad = DESIGN.assign(fpc=np.arange(len(DESIGN)) + 100.0)
    with pytest.raises(ValueError, match="constant within"):
        poverty_table(bad, **{**KW, "fpc": "fpc"})


def test_no_design_columns_and_scalar_line() -> None:
    out = poverty_table(
        pd.DataFrame({"y": [100, 110, 150, 160]}),
        welfare="y",
        line=125,
        unit="fraction",
        alpha=[0, 1, 2],
    )
    # Haughton & Khandker (2009), ch. 4: 0.5, 0.08, 0.0136.
    np.testing.assert_allclose(out["estimate"], [0.5, 0.08, 0.0136], rtol=1e-12)
    assert list(out.columns) == COLUMNS


def test_line_per_domain_and_several_by_columns() -> None:
    df = pd.DataFrame(
        {
            "prov": ["p", "p", "p", "p", "q", "q"],
            "area": ["u", "u", "r", "r", "u", "u"],
            "y": [1.0, 3.0, 1.0, 3.0, 4.0, 6.0],
        }
    )
    # By hand: (p, r) line 2 -> 1 of 2 poor; (p, u) line 4 -> 2 of 2;
    # (q, u) line 5 -> 1 of 2.
    lines = {("p", "u"): 4.0, ("p", "r"): 2.0, ("q", "u"): 5.0}
    out = poverty_table(
        df, welfare="y", line=lines, unit="percent", alpha=0, by=["prov", "area"]
    )
    assert out[["prov", "area"]].to_numpy().tolist() == [
        ["p", "r"],
        ["p", "u"],
        ["q", "u"],
    ]
    np.testing.assert_allclose(out["estimate"], [50.0, 100.0, 50.0])
    single = poverty_table(
        df, welfare="y", line={"p": 2.0, "q": 5.0}, unit="percent", alpha=0, by="prov"
    )
    np.testing.assert_allclose(single["estimate"], [50.0, 50.0])
    with pytest.raises(ValueError, match="no poverty line"):
        poverty_table(
            df, welfare="y", line={"p": 2.0}, unit="percent", alpha=0, by="prov"
        )
    with pytest.raises(ValueError, match="tuples"):
        poverty_table(
            df,
            welfare="y",
            line={"p": 2.0},
            unit="percent",
            alpha=0,
            by=["prov", "area"],
        )


def test_missing_values_policy() -> None:
    df = DESIGN.copy()
    df.loc[3, "welfare"] = np.nan
    with pytest.raises(ValueError, match="nan_policy='raise'"):
        poverty_table(df, **KW)
    out = poverty_table(df, **{**KW, "nan_policy": "omit"})
    zero = DESIGN.copy()
    zero.loc[3, "weight"] = 0.0
    _check(out, _expected(zero))


@pytest.mark.parametrize(
    ("change", "kwargs", "match"),
    [
        ({"weight": -1.0}, {}, "weight"),
        ({"size": -1}, {}, "size"),
        ({"line": 0.0}, {}, "line"),
        ({"welfare": 0.0}, {}, "Watts"),
        ({}, {"welfare": "nope"}, "not found"),
        ({}, {"by": ["domain", "domain"]}, "twice"),
        ({}, {"psu": "stratum"}, "different columns"),
        ({}, {"fpc": "stratum"}, "`fpc` column 'stratum' must differ"),
        ({}, {"line": "125"}, "not found"),
        ({}, {"line": [1, 2]}, "line"),
        ({}, {"by": 3}, "by"),
        ({}, {"level": 1.5}, "level"),
        ({}, {"unit": "pct"}, "unit"),
    ],
)
def test_errors(change: dict[str, Any], kwargs: dict[str, Any], match: str) -> None:
    df = DESIGN.copy()
    for col, value in change.items():
        df.loc[2, col] = value
    with pytest.raises((ValueError, TypeError), match=match):
        poverty_table(df, **{**KW, **kwargs})


def test_missing_key_raises() -> None:
    df = DESIGN.astype({"domain": object})
    df.loc[4, "domain"] = None
    with pytest.raises(ValueError, match="domain"):
        poverty_table(df, **KW)


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars lazy", "duckdb"])
@pytest.mark.parametrize(
    ("arg", "column"), [("strata", "stratum"), ("psu", "psu"), ("fpc", "fpc")]
)
def test_missing_design_values_are_named_by_argument(
    engine: str, arg: str, column: str
) -> None:
    # Two rows without a design value (null, or NaN in a float column) are
    # refused by argument, with the same count on every engine.
    df = BASE.astype({column: float})
    df.loc[[2, 5], column] = np.nan
    frame: Any = df
    if engine.startswith("polars"):
        frame = pl.from_pandas(df, nan_to_null=False)  # NaN kept as NaN
        frame = frame.lazy() if engine.endswith("lazy") else frame
    elif engine == "duckdb":
        frame = duckdb.from_df(df)
    match = rf"`{arg}` column '{column}' must not hold missing values: 2 rows missing"
    with pytest.raises(ValueError, match=match):
        poverty_table(frame, **BASE_KW)


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_fpc_differing_in_the_last_bits_is_shown_in_full(engine: str) -> None:
    # 0.1 + 0.2 is 0.30000000000000004, not 0.3: fpc is not constant in
    # stratum 2, and both values are shown so they can be told apart (":g"
    # showed "0.3 to 0.3"), with the advice to round (the relative
    # difference, 5.55e-17 / 0.3 = 1.9e-16, is rounding alone).
    df = BASE.assign(fpc=[0.3] * 7 + [0.1 + 0.2])
    frame: Any = {"pandas": df, "polars lazy": pl.from_pandas(df).lazy()}.get(engine)
    frame = duckdb.from_df(df) if frame is None else frame
    shown = r"\(0\.3 to 0\.30000000000000004\); they differ by rounding alone"
    with pytest.raises(ValueError, match=r"varies in stratum: 2 " + shown):
        poverty_table(frame, **BASE_KW)
    with pytest.raises(ValueError, match=r"from 0\.3 to 0\.30000000000000004; they"):
        poverty_table(frame, **{**BASE_KW, "strata": None})


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_fpc_varying_without_strata_is_named(engine: str) -> None:
    df = BASE.assign(fpc=[10.0] * 7 + [12.0])
    frame: Any = {"pandas": df, "polars lazy": pl.from_pandas(df).lazy()}.get(engine)
    frame = duckdb.from_df(df) if frame is None else frame
    with pytest.raises(ValueError, match=r"one value without `strata`.* from 10 to 12"):
        poverty_table(frame, **{**BASE_KW, "strata": None})
    with pytest.raises(ValueError, match=r"varies in stratum: 2 \(10 to 12\)"):
        poverty_table(frame, **BASE_KW)


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_fpc_without_weight_implying_unequal_weights_is_refused(engine: str) -> None:
    # Stratum 1: population 10, 4 units sampled (2.5 each); stratum 2:
    # population 20, 4 sampled (5 each). R would weigh them so; equal
    # weights would be another estimate: refused naming the `weight` column.
    df = BASE.assign(fpc=[10.0] * 4 + [20.0] * 4)
    frame: Any = {"pandas": df, "polars lazy": pl.from_pandas(df).lazy()}.get(engine)
    frame = duckdb.from_df(df) if frame is None else frame
    kw = {**BASE_KW, "weight": None, "size": None, "psu": None}
    match = r"`fpc` without `weight` .*from 2\.5 in stratum 1 to 5 in stratum 2"
    with pytest.raises(ValueError, match=match):
        poverty_table(frame, **kw)
    # Populations of 10 and 10 (2.5 each): equal weights are R's.
    same = BASE.assign(fpc=10.0)
    assert len(poverty_table(same, **kw)) == 1


def test_feeds_rank_sets_and_change_tests() -> None:
    from povstat import with_rank_sets

    out = poverty_table(DESIGN, **{**KW, "alpha": 0, "watts": False, "overall": False})
    ranked = with_rank_sets(
        out,
        descending=True,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
        rate="estimate",
        se="se",
        region="domain",
        by="measure",
    )
    assert {"rank_lower", "rank_upper"} <= set(ranked.columns)


@pytest.mark.parametrize("nan_policy", ["raise", "omit"])
def test_eager_arrays_and_lazy_engine_agree(nan_policy: str) -> None:
    # Eager frames are reduced in numpy, lazy ones on the engine: two code
    # paths, one answer (string keys, several `by` columns, a line per
    # domain, units as PSUs, missing values given zero weight).
    df = DESIGN.assign(area=np.where(DESIGN.index % 3 == 0, "u", "r"))
    if nan_policy == "omit":
        df.loc[[2, 7], "welfare"] = np.nan
    doms = sorted(set(zip(df["domain"], df["area"], strict=True)))
    lines = {d: 120.0 + 5 * i for i, d in enumerate(doms)}
    kw = {**KW, "by": ["domain", "area"], "line": lines, "psu": None}
    kw |= {"nan_policy": nan_policy, "lonely_psu": "adjust"}
    pf = pl.from_pandas(df)
    eager = [poverty_table(df, **kw), poverty_table(pf, **kw)]
    eager.append(poverty_table(pf.to_arrow(), **kw))
    lazy = [poverty_table(pf.lazy(), **kw), poverty_table(duckdb.from_arrow(pf), **kw)]
    want = _to_pandas(lazy[0])
    for out in [*eager, lazy[1]]:
        got = _to_pandas(out) if not hasattr(out, "to_pandas") else out.to_pandas()
        assert got[["domain", "area", "measure"]].astype(str).to_numpy().tolist() == (
            want[["domain", "area", "measure"]].astype(str).to_numpy().tolist()
        )
        for c in COLUMNS[1:]:
            np.testing.assert_allclose(
                got[c].to_numpy(np.float64),
                want[c].to_numpy(np.float64),
                rtol=1e-11,
                atol=1e-13,
                err_msg=c,
            )


# --------------------------------------------------------------------------
# Entry checks: dtypes and names from the schema, before any computation
# --------------------------------------------------------------------------

# Eight households in two strata of two PSUs; every value column numeric.
BASE = pd.DataFrame(
    {
        "region": ["a", "a", "a", "a", "b", "b", "b", "b"],
        "stratum": [1, 1, 1, 1, 2, 2, 2, 2],
        "psu": [1, 1, 2, 2, 3, 3, 4, 4],
        "cons": [90.0, 120, 200, 80, 130, 300, 110, 95],
        "line": [125.0] * 8,
        "w": [1.0, 2, 1, 2, 1, 2, 1, 2],
        "hh": [1, 2, 3, 4, 1, 2, 3, 4],
        "fpc": [10.0] * 8,
    }
)
BASE_KW: dict[str, Any] = {
    "welfare": "cons",
    "line": "line",
    "weight": "w",
    "size": "hh",
    "fpc": "fpc",
    "strata": "stratum",
    "psu": "psu",
    "unit": "percent",
    "alpha": 0,
}
VALUE_ARGS = {"welfare": "cons", "line": "line", "weight": "w", "size": "hh"}
VALUE_ARGS["fpc"] = "fpc"
BAD_POLARS = {
    "datetime": pl.Series([datetime(2020, 1, 1)] * 8),
    "date": pl.Series([date(2020, 1, 1)] * 8),
    "duration": pl.Series([timedelta(days=1)] * 8),
    "bool": pl.Series([True] * 8),
    "numeric text": pl.Series(["1e3"] * 8),
    "text": pl.Series(["rich"] * 8),
}


@pytest.mark.parametrize("arg", list(VALUE_ARGS))
@pytest.mark.parametrize("kind", list(BAD_POLARS))
@pytest.mark.parametrize("lazy", [False, True])
def test_value_columns_must_be_numeric_polars(arg: str, kind: str, lazy: bool) -> None:
    # Each value column of each non-numeric kind is refused by its dtype,
    # before any value is converted (a date is not days since 1970, a bool
    # weight is not 0/1, "1e3" is not 1000).
    name = VALUE_ARGS[arg]
    df = pl.from_pandas(BASE).with_columns(BAD_POLARS[kind].alias(name))
    frame: Any = df.lazy() if lazy else df
    with pytest.raises(TypeError, match=rf"'{name}' \(argument `{arg}`\).*got"):
        poverty_table(frame, **BASE_KW)


@pytest.mark.parametrize("arg", list(VALUE_ARGS))
@pytest.mark.parametrize(
    "values",
    [
        pd.Series(["1e3"] * 8),
        pd.Series(["rich"] * 8, dtype="string"),
        pd.Series([True] * 8),
        pd.Series([pd.NA] * 8, dtype="boolean"),
        pd.Series(pd.to_datetime(["2020-01-01"] * 8)),
        pd.Series(pd.to_timedelta(["1D"] * 8)),
        pd.Series(["a"] * 8, dtype="category"),
    ],
)
def test_value_columns_must_be_numeric_pandas(arg: str, values: pd.Series) -> None:
    df = BASE.assign(**{VALUE_ARGS[arg]: values})
    with pytest.raises(TypeError, match=rf"argument `{arg}`\) must have a numeric"):
        poverty_table(df, **BASE_KW)


def test_numeric_dtypes_are_accepted() -> None:
    # Integers (nullable too), float32 and decimals are real numbers: the
    # result equals the float64 one. By hand, P0 with weights w * hh:
    # poor rows 0, 1, 3 (a) and 6, 7 (b) weigh 1 + 4 + 8 + 3 + 8 = 24 of
    # 1 + 4 + 3 + 8 + 1 + 4 + 3 + 8 = 32, so 75 %.
    ref = poverty_table(BASE, **BASE_KW)
    assert ref["estimate"].tolist() == pytest.approx([75.0])
    df = BASE.astype({"hh": "Int64", "w": "float32", "fpc": "int16"})
    pd.testing.assert_frame_equal(poverty_table(df, **BASE_KW), ref)
    dec = pl.from_pandas(BASE).with_columns(pl.col("cons").cast(pl.Decimal(10, 2)))
    out = poverty_table(dec, **BASE_KW).to_pandas()
    assert out["estimate"].tolist() == pytest.approx([75.0])


def _as_decimals(values: pd.Series) -> pd.Series:
    # An object column of Decimals, as pandas.read_sql returns NUMERIC.
    return pd.Series([Decimal(str(v)) for v in values], dtype=object)


@pytest.mark.parametrize("arg", list(VALUE_ARGS))
def test_object_columns_of_decimals_are_read_as_numbers(arg: str) -> None:
    # The same figures as Decimals (each exact in float64) give the float64
    # result, bit for bit: 75 % by hand (test_numeric_dtypes_are_accepted).
    ref = poverty_table(BASE, **BASE_KW)
    name = VALUE_ARGS[arg]
    df = BASE.assign(**{name: _as_decimals(BASE[name])})
    before = df.copy()
    out = poverty_table(df, **BASE_KW)
    pd.testing.assert_frame_equal(out, ref)
    pd.testing.assert_frame_equal(df, before)  # the input is untouched


def test_object_columns_mixing_decimals_ints_floats_and_missing_are_read() -> None:
    # As after read_sql(...).fillna(...): Decimals with ints and floats; a
    # None welfare is missing (refused under "raise"; zero weight under
    # "omit"). By hand, with row 4 (welfare 130, weight 1 * hh 1) out: the
    # poor weigh 24 of 31 (test_numeric_dtypes_are_accepted less 1).
    cons = [Decimal("90.0"), 120, 200.0, Decimal(80), None, 300, 110, Decimal("95")]
    df = BASE.assign(cons=pd.Series(cons, dtype=object))
    with pytest.raises(ValueError, match=r"`welfare` column 'cons' \(1 row\)"):
        poverty_table(df, **BASE_KW)
    out = poverty_table(df, **BASE_KW, nan_policy="omit")
    assert out["estimate"].tolist() == pytest.approx([100 * 24 / 31], rel=1e-15)


@pytest.mark.parametrize("arg", ["welfare", "line", "weight", "size"])
@pytest.mark.parametrize("nan", [Decimal("sNaN"), Decimal("-sNaN"), Decimal("NaN")])
def test_decimal_nans_are_missing_values_as_float_nan(arg: str, nan: Decimal) -> None:
    # A Decimal NaN, signalling (which float() refuses) or quiet, is not a
    # number: a missing value, under nan_policy as a float NaN. Row 4
    # (welfare 130, weight 1 * hh 1) missing: refused under "raise", naming
    # the column and the row; under "omit" the poor weigh 24 of 31 (by hand,
    # test_object_columns_mixing_decimals_ints_floats_and_missing_are_read).
    name = VALUE_ARGS[arg]
    values = _as_decimals(BASE[name])
    values[4] = nan
    df = BASE.assign(**{name: values})
    with pytest.raises(
        ValueError,
        match=rf"`{arg}` column '{name}' \(1 row\) must not be missing "
        r"\(nan_policy='raise'\): 1 row\(s\) missing a value in all, first at "
        "index label 4;",  # BASE's index is 0..n-1: label 4 is row 4
    ):
        poverty_table(df, **BASE_KW)
    out = poverty_table(df, **BASE_KW, nan_policy="omit")
    assert out["estimate"].tolist() == pytest.approx([100 * 24 / 31], rel=1e-15)


@pytest.mark.parametrize("engine", ["pandas arrow", "pyarrow"])
@pytest.mark.parametrize("arg", list(VALUE_ARGS))
def test_decimal256_columns_are_read_as_decimal128_columns(
    engine: str, arg: str
) -> None:
    # An Arrow decimal256 column (narwhals reads its dtype as Unknown) is a
    # Decimal column: the same figures give 75 % by hand
    # (test_numeric_dtypes_are_accepted); one float64 cannot hold
    # (2.67499999999999999999, read as 2.675) is refused, naming the column
    # and the row, as in a decimal128 column.
    name = VALUE_ARGS[arg]
    kind = pa.decimal256(40, 2)

    def frame(values: list[Decimal]) -> Any:
        col = pa.array(values, kind)
        if engine == "pyarrow":
            return pa.Table.from_pandas(BASE, preserve_index=False).set_column(
                list(BASE.columns).index(name), name, col
            )
        return BASE.assign(**{name: pd.Series(col, dtype=pd.ArrowDtype(kind))})

    out = _to_pandas(poverty_table(frame(list(_as_decimals(BASE[name]))), **BASE_KW))
    assert out["estimate"].tolist() == pytest.approx([75.0], rel=1e-15)
    kind = pa.decimal256(60, 25)
    values = list(_as_decimals(BASE[name]))
    values[1] = Decimal("2.67499999999999999999")
    place = "index label 1" if engine == "pandas arrow" else "row position 1"
    with pytest.raises(
        ValueError,
        match=rf"column '{name}' holds a decimal that float64 .* cannot hold "
        rf"exactly: 2\.674999\d* at {place} \(its nearest",
    ):
        poverty_table(frame(values), **BASE_KW)


@pytest.mark.parametrize("arg", list(VALUE_ARGS))
def test_object_decimals_float64_cannot_hold_are_refused(arg: str) -> None:
    # 2.67499999999999999999 would be read as 2.675: another figure at a tie,
    # refused as the array functions refuse it.
    name = VALUE_ARGS[arg]
    values = _as_decimals(BASE[name])
    values[1] = Decimal("2.67499999999999999999")
    df = BASE.assign(**{name: values})
    with pytest.raises(ValueError, match=r"cannot hold exactly: 2\.674"):
        poverty_table(df, **BASE_KW)


@pytest.mark.parametrize("arg", list(VALUE_ARGS))
def test_object_columns_holding_other_than_numbers_are_refused(arg: str) -> None:
    # A Decimal among text (or a bool: not a number) is still refused by kind.
    name = VALUE_ARGS[arg]
    for odd in ("rich", True):
        values = _as_decimals(BASE[name])
        values[1] = odd
        df = BASE.assign(**{name: values})
        with pytest.raises(TypeError, match=rf"argument `{arg}`\) must have a num"):
            poverty_table(df, **BASE_KW)


@pytest.mark.parametrize(
    ("sql", "arg"),
    [
        ("TIMESTAMP '2020-01-01' AS cons", "welfare"),
        ("DATE '2020-01-01' AS cons", "welfare"),
        ("'1e3' AS cons", "welfare"),
        ("'rich' AS cons", "welfare"),
        ("true AS w", "weight"),
        ("INTERVAL 1 DAY AS hh", "size"),
    ],
)
def test_value_columns_must_be_numeric_duckdb(sql: str, arg: str) -> None:
    name = VALUE_ARGS[arg]
    con = duckdb.connect()
    con.register("base", BASE)
    rel = con.sql(f"SELECT * EXCLUDE ({name}), {sql} FROM base")
    assert rel is not None
    with pytest.raises(TypeError, match=rf"'{name}' \(argument `{arg}`\)"):
        poverty_table(rel, **BASE_KW)


@pytest.mark.spark
@pytest.mark.parametrize(
    ("expr", "arg"),
    [
        ("timestamp('2020-01-01')", "welfare"),
        ("'1e3'", "welfare"),
        ("'1'", "weight"),
        ("true", "size"),
    ],
)
def test_value_columns_must_be_numeric_pyspark(spark: Any, expr: str, arg: str) -> None:
    from pyspark.sql import functions as F

    name = VALUE_ARGS[arg]
    sdf = _spark_frame(spark, BASE, partitions=1).withColumn(name, F.expr(expr))
    with pytest.raises(TypeError, match=rf"'{name}' \(argument `{arg}`\)"):
        poverty_table(sdf, **BASE_KW)


def test_line_mapping_values_must_be_numbers() -> None:
    kw = {**BASE_KW, "by": "region"}
    with pytest.raises(TypeError, match="`line` mapping values"):
        poverty_table(BASE, **{**kw, "line": {"a": "125", "b": 125}})
    with pytest.raises(TypeError, match="`line` mapping values"):
        poverty_table(BASE, **{**kw, "line": {"a": True, "b": 125}})


@pytest.mark.parametrize("name", ["measure", "estimate", "se", "lower", "upper"])
@pytest.mark.parametrize("second", [False, True])
def test_by_column_named_like_an_output_column(name: str, second: bool) -> None:
    # A `by` column called like an output column would be replaced by it
    # and the domain labels lost: refused, whichever `by` column it is.
    df = BASE.rename(columns={"region": name})
    by: Any = ["stratum", name] if second else name
    kw = {**BASE_KW, "fpc": None, "strata": None}
    with pytest.raises(ValueError, match=rf"\['{name}'\].*never overwrites"):
        poverty_table(df, **{**kw, "by": by})


@pytest.mark.parametrize("name", ["rse_pct", "deff", "n", "n_psu", "df"])
def test_every_output_name_is_refused_as_by(name: str) -> None:
    df = BASE.rename(columns={"region": name})
    with pytest.raises(ValueError, match="never overwrites"):
        poverty_table(df, **{**BASE_KW, "by": name})


@pytest.mark.parametrize("name", ["Line", "LINE", "N", "Estimate", "SE"])
def test_by_columns_clashing_but_for_case_are_named_as_given_on_duckdb(
    name: str,
) -> None:
    # DuckDB matches names whatever their (ASCII) case: a `by` column "Line"
    # would be overwritten by the output column "line" of `lines` (and "N"
    # by "n"): refused, naming the caller's column as written and saying
    # why; pandas tells them apart and reads the same frame.
    df = BASE.rename(columns={"region": name})
    kw = {**BASE_KW, "fpc": None, "strata": None, "by": name}
    if name.lower() == "line":
        kw = {**kw, "line": None, "lines": {"n": 125, "x": 105}}
    with pytest.raises(
        ValueError,
        match=rf"'{name}'.* \(DuckDB matches column names whatever their case\)",
    ):
        poverty_table(duckdb.from_df(df), **kw)
    out = poverty_table(df, **kw)
    assert out[name].tolist()[0] == "a"


@pytest.mark.spark
def test_by_column_clashing_but_for_case_is_named_as_given_on_spark(
    spark: Any,
) -> None:
    frame = spark.createDataFrame([(120.0, "a")], schema="y double, Line string")
    with pytest.raises(
        ValueError, match=r"`by` column 'Line' .*\(Spark matches column names"
    ):
        poverty_table(
            frame, welfare="y", by="Line", lines={"n": 125, "x": 105}, unit="percent"
        )


@pytest.mark.parametrize("engine", ["pandas", "polars", "duckdb"])
@pytest.mark.parametrize("welfare", [-5.0, 0.0])
def test_watts_nonpositive_welfare_raises_without_warnings(
    engine: str, welfare: float
) -> None:
    # pytest turns every warning into an error (filterwarnings = error), so
    # this passes only if the povstat ValueError is all the caller sees:
    # no "invalid value encountered in log" from the engine first.
    df = BASE.assign(cons=[welfare, *BASE["cons"].iloc[1:]])
    frame: Any = df
    if engine == "polars":
        frame = pl.from_pandas(df)
    elif engine == "duckdb":
        frame = duckdb.from_df(df)
    with pytest.raises(ValueError, match=r"> 0 for the Watts index.*1 row"):
        poverty_table(frame, **{**BASE_KW, "watts": True})


def test_fpc_of_one_everywhere_is_refused_in_the_table() -> None:
    # fpc 1 with two PSUs sampled per stratum: a census (se 0) as fractions,
    # an impossible population as sizes; refused instead of guessed.
    with pytest.raises(ValueError, match=r"1 in every stratum.*\[1, 2\]"):
        poverty_table(BASE.assign(fpc=1.0), **BASE_KW)


# --------------------------------------------------------------------------
# Several poverty lines in one pass
# --------------------------------------------------------------------------

LINES: dict[str, Any] = {
    "column": "line",
    "scalar": 150.0,
    "per_domain": {
        d: 80.0 + 20 * i for i, d in enumerate(sorted(set(DESIGN["domain"])))
    },
}


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars_lazy", "duckdb"])
def test_lines_equal_separate_calls(engine: str) -> None:
    def native(data: pd.DataFrame) -> Any:
        if engine == "pandas":
            return data
        if engine == "duckdb":
            return duckdb.from_df(data)
        frame = pl.from_pandas(data)
        return frame.lazy() if engine == "polars_lazy" else frame

    kw = {k: v for k, v in KW.items() if k != "line"}
    both = _to_pandas(poverty_table(native(DESIGN), lines=LINES, **kw))
    assert list(both.columns) == ["domain", "line", *COLUMNS]
    for name, value in LINES.items():
        one = _to_pandas(poverty_table(native(DESIGN), line=value, **kw))
        part = both[both["line"] == name].reset_index(drop=True)
        assert part["measure"].tolist() == one["measure"].tolist()
        assert [None if pd.isna(v) else v for v in part["domain"]] == [
            None if pd.isna(v) else v for v in one["domain"]
        ]
        for c in COLUMNS[1:]:
            np.testing.assert_allclose(
                part[c].to_numpy(float),
                one[c].to_numpy(float),
                rtol=1e-12,
                atol=1e-12,
            )


def test_lines_worked_by_hand_on_frames() -> None:
    # Welfare 100, 110, 150, 160: under 125 two of four are poor (P0 0.5),
    # under 105 one of four (P0 0.25).
    df = pd.DataFrame({"cons": [100.0, 110.0, 150.0, 160.0]})
    out = poverty_table(
        df,
        welfare="cons",
        lines={"national": 125, "extreme": 105},
        unit="fraction",
        alpha=0,
    )
    assert out["line"].tolist() == ["national", "extreme"]
    np.testing.assert_allclose(out["estimate"], [0.5, 0.25], rtol=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"line": "line", "lines": {"a": 100}}, "got both"),
        ({}, "got neither"),
        ({"lines": {}}, "at least one"),
        ({"lines": {"a": "nope"}}, "column 'nope' not found"),
    ],
)
def test_lines_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        poverty_table(DESIGN, welfare="welfare", unit="fraction", **kwargs)


def test_lines_by_column_named_line_refused() -> None:
    data = DESIGN.rename(columns={"domain": "line", "line": "z"})
    with pytest.raises(ValueError, match="`by` column 'line'"):
        poverty_table(
            data, welfare="welfare", lines={"a": "z"}, by="line", unit="fraction"
        )


@pytest.mark.parametrize("arg", ["welfare", "weight", "size", "strata", "psu", "fpc"])
def test_column_arguments_must_be_names(arg: str) -> None:
    # A pandas frame read with header=None has integer column labels; an
    # integer column argument is refused by name, not with an engine error.
    df = pd.DataFrame({0: [1.0, 3.0, 1.5, 4.0], "w": [1.0, 1.0, 1.0, 1.0]})
    kw: dict[str, Any] = {"welfare": "w", arg: 0}
    with pytest.raises(
        TypeError,
        match=rf"`{arg}` must be a column name \(a str\); got an int: 0; give the "
        "frame string column names first",
    ):
        poverty_table(df, line=2.0, unit="percent", alpha=0, **kw)


def test_repeated_column_names_are_refused() -> None:
    # Two columns named "welfare" (after a concat): which to read is a guess.
    df = pd.DataFrame(
        [[1.0, 2.0, 1.0], [3.0, 4.0, 1.0]], columns=["welfare", "welfare", "w"]
    )
    with pytest.raises(ValueError, match=r"repeated column names \['welfare'\]"):
        poverty_table(df, welfare="welfare", weight="w", line=2.5, unit="fraction")


def _duckdb_join() -> Any:
    # SELECT * of a join repeats `id` and `w`: aux.w (all 1) comes first.
    return duckdb.sql(
        "select * from (values (1, 1.0), (2, 1.0)) aux(id, w) join "
        "(values (1, 100.0, 3.0), (2, 150.0, 1.0)) hh(id, y, w) on aux.id = hh.id"
    )


@pytest.mark.parametrize(
    ("make_frame", "kw", "pattern"),
    [
        # Repeated names: DuckDB would read aux.w and give 50 % instead of
        # hh.w's 75 % (by hand: 100 < 125 with weight 3 of 4).
        (
            _duckdb_join,
            {"welfare": "y", "weight": "w"},
            r"repeated column names \['id', 'w'\] \(at positions \[0, 1, 2, 4\]\); "
            r"`weight` \('w'\) would read one of them",
        ),
        # Names equal but for case: DuckDB reads the first (Y = 10 y).
        (
            lambda: duckdb.sql(
                "select y * 10 as Y, * from (values (100.0, 3.0), (150.0, 1.0)) t(y, w)"
            ),
            {"welfare": "y", "weight": "w"},
            r"DuckDB reads as one name .*\['Y', 'y'\] .*`welfare` \('y'\)",
        ),
        # ... and a `by` column so shadowed was a bare KeyError of the engine.
        (
            lambda: duckdb.sql(
                "select 'x' as R, * from (values (100.0, 'a'), (150.0, 'b')) t(y, r)"
            ),
            {"welfare": "y", "by": "r"},
            r"\['R', 'r'\] .*`by` \('r'\)",
        ),
        # A pyarrow table with a repeated (unused) name: a narwhals error before.
        (
            lambda: pa.Table.from_arrays(
                [pa.array([100.0, 150.0]), pa.array([1.0, 2.0]), pa.array([1, 2])],
                names=["y", "x", "x"],
            ),
            {"welfare": "y"},
            r"`df` has repeated column names \['x'\]",
        ),
    ],
)
def test_clashing_column_names_are_refused(
    make_frame: Any, kw: dict[str, Any], pattern: str
) -> None:
    with pytest.raises(ValueError, match=pattern):
        poverty_table(make_frame(), line=125, unit="percent", alpha=0, **kw)


def test_names_differing_in_case_are_distinct_on_case_sensitive_engines() -> None:
    # pandas, polars and pyarrow tell Y from y: y = 100, 150 with weights 3, 1
    # gives 75 % poor at 125 (by hand), whatever Y holds.
    pdf = pd.DataFrame({"Y": [1000.0, 1500.0], "y": [100.0, 150.0], "w": [3.0, 1.0]})
    for frame in (pdf, pl.from_pandas(pdf), pa.Table.from_pandas(pdf)):
        out = _to_pandas(
            poverty_table(
                frame, welfare="y", weight="w", line=125, unit="percent", alpha=0
            )
        )
        assert out["estimate"].tolist() == [75.0]


@pytest.mark.spark
@pytest.mark.parametrize("shape", ["join", "case"])
def test_clashing_column_names_are_refused_on_spark(spark: Any, shape: str) -> None:
    # Spark refused these with a bare AnalysisException [AMBIGUOUS_REFERENCE].
    hh = spark.createDataFrame(
        [(1, 100.0, 3.0), (2, 150.0, 1.0)], schema="id bigint, y double, w double"
    )
    if shape == "join":
        aux = spark.createDataFrame([(1, 1.0), (2, 1.0)], schema="id bigint, w double")
        frame, pattern = aux.join(hh, "id"), r"repeated column names \['w'\]"
    else:
        frame = hh.selectExpr("1.0 as W", "y", "w")
        pattern = r"Spark reads as one name .*\['W', 'w'\] .*`weight` \('w'\)"
    with pytest.raises(ValueError, match=pattern):
        poverty_table(frame, welfare="y", weight="w", line=125, unit="percent", alpha=0)


@pytest.mark.parametrize("lazy", [False, True])
def test_empty_string_column_names_are_columns(lazy: bool) -> None:
    # A column named "" is a column: weight="" must weigh, never be skipped
    # as if no weight were given. By hand: poor 90, 120, 80 (< 125) with
    # weights 1, 1, 9 of 20 -> 55 %; unweighted it would be 75 %.
    df = pl.DataFrame({"y": [90.0, 120, 200, 80], "": [1.0, 1, 9, 9]})
    frame: Any = df.lazy() if lazy else df.to_pandas()
    out = poverty_table(
        frame, welfare="y", line=125, unit="percent", alpha=0, weight=""
    )
    got = _to_pandas(out)
    assert got["estimate"].tolist() == [55.0]
    out = poverty_table(frame, welfare="y", line=125, unit="percent", alpha=0, size="")
    assert _to_pandas(out)["estimate"].tolist() == [55.0]


@pytest.mark.parametrize(
    ("labels", "dtype"),
    [
        ([True, True, False, False], "boolean"),
        ([1, 1, 2, 2], "Int64"),
        (np.array([1, 1, 2, 2], dtype="uint8"), "UInt8"),
        (["a", "a", "b", "b"], None),
    ],
)
def test_overall_row_label_is_missing_on_pandas(labels: Any, dtype: str | None) -> None:
    # The overall row has no domain label: missing, never False (numpy bool
    # reads None as False) nor an error (numpy int holds no missing value).
    # By hand: poor (< 125) are 90, 120, 80: domains 100 % and 50 %, all 75 %.
    df = pd.DataFrame({"y": [90.0, 120, 200, 80], "r": labels})
    out = poverty_table(
        df, welfare="y", line=125, unit="percent", alpha=0, by="r", overall=True
    )
    assert out["estimate"].tolist() == [100.0, 50.0, 75.0] or out[
        "estimate"
    ].tolist() == [50.0, 100.0, 75.0]
    assert out["r"].isna().tolist() == [False, False, True]
    if dtype is not None:
        assert str(out["r"].dtype) == dtype


def test_dotted_column_names_are_refused_on_sql_engines(spark: Any) -> None:
    # DuckDB and Spark read "prov.code" as column code of a table prov: a
    # povstat error names the columns, never the engine's binder error.
    df = pd.DataFrame({"y": [90.0, 200.0], "prov.code": ["a", "b"]})
    kw: dict[str, Any] = {"welfare": "y", "line": 125, "unit": "percent", "alpha": 0}
    match = r"would read as something else: 'prov.code' \(a dot\)"
    with pytest.raises(ValueError, match=match):
        poverty_table(duckdb.from_df(df), by="prov.code", **kw)
    sdf = spark.createDataFrame([(90.0, "a"), (200.0, "b")], ["y", "prov.code"])
    with pytest.raises(ValueError, match=match):
        poverty_table(sdf, by="prov.code", **kw)
    # pandas and polars read them.
    out = poverty_table(df, by="prov.code", **kw)
    assert out["estimate"].tolist() == [100.0, 0.0]


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
@pytest.mark.parametrize("by", [None, "d"])
@pytest.mark.parametrize(
    "dtype", ["float64", pd.ArrowDtype(pa.decimal128(10, 2))], ids=["float", "decimal"]
)
def test_an_empty_sample_is_refused(engine: str, by: str | None, dtype: Any) -> None:
    # An empty Decimal column too: no reduction of empty columns first.
    df = pd.DataFrame({"y": pd.Series([], dtype=dtype), "d": pd.Series([], dtype=str)})
    frame: Any = {"pandas": df, "polars lazy": pl.from_pandas(df).lazy()}.get(engine)
    frame = duckdb.from_df(df) if frame is None else frame
    with pytest.raises(ValueError, match="`df` has no rows: an estimate of an empty"):
        poverty_table(frame, welfare="y", line=125, unit="percent", alpha=0, by=by)


@pytest.mark.parametrize("role", ["by", "strata", "psu"])
def test_an_empty_duckdb_filter_with_an_enum_key_is_refused(role: str) -> None:
    # A DuckDB ENUM key column of a filter matching no row: povstat's error,
    # not the Arrow error of reading the categories of no rows.
    con = duckdb.connect()
    con.sql(
        "create table s as select 500.0::double w, "
        "'urban'::enum('urban', 'rural') area, 1.0::double wt"
    )
    rel = con.sql("select * from s where area = 'rural'")
    key: dict[str, Any] = {role: "area"}
    with pytest.raises(ValueError, match="`df` has no rows: an estimate of an empty"):
        poverty_table(rel, welfare="w", line=550.0, unit="percent", weight="wt", **key)


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars lazy", "duckdb"])
def test_float32_welfare_is_the_figure_it_prints_as(engine: str) -> None:
    # float32 1.1 is 1.100000023841858 in binary but stands for 1.1, as in
    # the array functions: with comparison "<=" against the line 1.1, both
    # units at 1.1 are poor, and 0.5: 3 of 4 = 75 % (by hand).
    df = pd.DataFrame({"y": np.array([1.1, 1.1, 2.0, 0.5], dtype="float32")})
    frame: Any = df
    if engine.startswith("polars"):
        frame = pl.from_pandas(df)
        frame = frame.lazy() if engine.endswith("lazy") else frame
    elif engine == "duckdb":
        frame = duckdb.from_df(df)
    kw: dict[str, Any] = {
        "line": 1.1,
        "unit": "percent",
        "alpha": 0,
        "comparison": "<=",
    }
    out = _to_pandas(poverty_table(frame, welfare="y", **kw))
    assert out["estimate"].tolist() == [75.0]
    assert (
        float(fgt(df["y"].to_numpy(), 1.1, alpha=0, unit="percent", comparison="<="))
        == 75.0
    )


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_rule_breaking_rows_show_the_smallest_value(engine: str) -> None:
    # Weights -1 and -3.5 break ">= 0": two rows, the smallest -3.5; the
    # same message on every engine, where pandas also names the first such
    # row (index label 1: weight -1, welfare -2); a lazy engine, without
    # design columns, has no row or group to name.
    df = pd.DataFrame({"y": [1.0, -2, 3, 0], "w": [1.0, -1, -3.5, 1]})
    frame: Any = {"pandas": df, "polars lazy": pl.from_pandas(df).lazy()}.get(engine)
    frame = duckdb.from_df(df) if frame is None else frame
    kw: dict[str, Any] = {"welfare": "y", "line": 2.0, "unit": "percent", "alpha": 0}
    at = ", first at index label 1" if engine == "pandas" else ""
    with pytest.raises(
        ValueError, match=rf"2 row\(s\) break this rule, the smallest -3.5{at}$"
    ):
        poverty_table(frame, weight="w", **kw)
    with pytest.raises(ValueError, match=rf"Watts.*2 row\(s\).*the smallest -2.0{at}$"):
        poverty_table(frame, watts=True, **kw)


def _engines(df: pd.DataFrame) -> dict[str, Any]:
    pdf = pl.from_pandas(df)
    return {
        "pandas": df,
        "polars": pdf,
        "polars lazy": pdf.lazy(),
        "duckdb": duckdb.from_arrow(pdf.to_arrow()),
    }


@pytest.mark.parametrize("name", ["__povstat_y", "__povstat_w", "__povstat_z0"])
@pytest.mark.parametrize("role", ["psu", "strata", "by"])
def test_columns_named_like_povstat_internals_are_never_overwritten(
    name: str, role: str
) -> None:
    # A design column may be named like povstat's own temporary columns;
    # every engine gives the pandas figures (no overwritten column).
    df = BASE.rename(columns={"psu": "p", "stratum": "s"})
    kw: dict[str, Any] = {**BASE_KW, "strata": "s", "psu": "p", "fpc": None}
    column = {"psu": "p", "strata": "s", "by": "region"}[role]
    df = df.rename(columns={column: name})
    kw[role] = name
    want = _to_pandas(poverty_table(df, **kw))
    for engine, frame in _engines(df).items():
        got = _to_pandas(poverty_table(frame, **kw))
        np.testing.assert_allclose(got["se"], want["se"], rtol=1e-12, err_msg=engine)
        assert got["df"].tolist() == want["df"].tolist(), engine


def test_a_line_per_domain_of_two_by_columns_scales_on_every_engine() -> None:
    # 1,028 domains (514 regions x urban/rural), each its own line: the
    # line of each row is found by flat expressions on every engine.
    keys = [(f"r{i}", a) for i in range(514) for a in ("urban", "rural")]
    df = pd.DataFrame(
        {
            "y": np.tile([100.0, 200.0], len(keys)),
            "r": np.repeat([k[0] for k in keys], 2),
            "a": np.repeat([k[1] for k in keys], 2),
        }
    )
    # Lines 150 (urban) and 250 (rural): 1 of 2 poor in urban (100 < 150),
    # 2 of 2 in rural (100, 200 < 250).
    line = {k: 150.0 if k[1] == "urban" else 250.0 for k in keys}
    for engine, frame in _engines(df).items():
        if engine == "duckdb":
            continue  # a few seconds at this size on DuckDB; tested below
        out = _to_pandas(
            poverty_table(
                frame, welfare="y", line=line, by=["r", "a"], unit="percent", alpha=0
            )
        )
        est = out.set_index(["r", "a"])["estimate"]
        assert est[("r7", "urban")] == 50.0, engine
        assert est[("r513", "rural")] == 100.0, engine
        assert len(out) == 1028, engine
    small = {k: v for k, v in line.items() if k[0] in {"r0", "r1"}}
    sub = df[df["r"].isin(["r0", "r1"])]
    out = _to_pandas(
        poverty_table(
            _engines(sub)["duckdb"],
            welfare="y",
            line=small,
            by=["r", "a"],
            unit="percent",
            alpha=0,
        )
    )
    assert sorted(out["estimate"].tolist()) == [50.0, 50.0, 100.0, 100.0]


@pytest.mark.parametrize(
    "mapping",
    [
        {"a": 125, "b": 300.5},  # an int then a float
        {"a": 125, "b": 300.5, 1: 5.0},  # a key of another kind (unused)
        {"a": 125, "b": 300.5, None: 5.0, True: 3.0, 1.5: 2.0, 2**70: 3.0},
        {"a": 125, "b": 300.5, float("nan"): 1.0},
    ],
)
def test_line_mappings_behave_alike_on_every_engine(mapping: dict[Any, float]) -> None:
    # Domain a: 100, 50, 130 against 125 -> 2 of 3 poor; b: 200 < 300.5.
    df = pd.DataFrame({"y": [100.0, 200.0, 50, 130.0], "r": ["a", "b", "a", "a"]})
    for engine, frame in _engines(df).items():
        out = _to_pandas(
            poverty_table(
                frame, welfare="y", line=mapping, by="r", unit="percent", alpha=0
            )
        )
        assert out["estimate"].tolist() == pytest.approx([200 / 3, 100.0]), engine


def test_line_mapping_keys_of_the_wrong_shape_are_refused_alike() -> None:
    df = pd.DataFrame({"y": [100.0, 200.0], "r": ["a", "b"], "s": ["u", "v"]})
    for engine, frame in _engines(df).items():
        with pytest.raises(ValueError, match="single values with one `by` column"):
            poverty_table(
                frame, welfare="y", line={("a",): 1.0}, by="r", unit="percent", alpha=0
            )
        with pytest.raises(ValueError, match="tuples of 2 values"):
            poverty_table(
                frame,
                welfare="y",
                line={"a": 1.0},
                by=["r", "s"],
                unit="percent",
                alpha=0,
            )
        with pytest.raises(
            ValueError, match=r"no poverty line for domain\(s\) \['b'\]"
        ):
            poverty_table(
                frame, welfare="y", line={"a": 150.0}, by="r", unit="percent", alpha=0
            )
        assert engine


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_signed_zero_domains_are_one_label_in_any_order(order: list[int]) -> None:
    # -0.0 == 0.0: one domain, shown as 0.0 whichever row comes first.
    df = pd.DataFrame({"y": [100.0, 200.0], "d": [-0.0, 0.0]}).iloc[order]
    for engine, frame in _engines(df).items():
        out = _to_pandas(
            poverty_table(frame, welfare="y", line=125, by="d", unit="percent", alpha=0)
        )
        assert out["d"].tolist() == [0.0], engine
        assert not np.signbit(out["d"].to_numpy()).any(), engine
    est = poverty_estimates(df["y"], 125, by=df["d"], alpha=0, unit="percent")
    assert not np.signbit(est.domain.astype(float)).any()


def test_an_empty_named_key_column_is_refused_on_lazy_frames() -> None:
    # Eager frames group by a column named ''; lazy ones cannot, and say so.
    df = pl.DataFrame({"y": [100.0, 200.0], "": ["a", "b"]})
    kw: dict[str, Any] = {"welfare": "y", "line": 125, "unit": "percent", "alpha": 0}
    assert poverty_table(df, by="", **kw)["estimate"].to_list() == [100.0, 0.0]
    with pytest.raises(ValueError, match=r"lazy polars frame .*'' \(an empty name\)"):
        poverty_table(df.lazy(), by="", **kw)


@pytest.mark.parametrize("lazy", [False, True])
def test_errors_about_a_named_line_name_its_entry(lazy: bool) -> None:
    df = pd.DataFrame({"y": [100.0, 200.0, 50, 130.0], "r": ["a", "b", "a", "a"]})
    frame: Any = pl.from_pandas(df).lazy() if lazy else df
    kw: dict[str, Any] = {"welfare": "y", "unit": "percent", "alpha": 0}
    with pytest.raises(
        ValueError, match="`lines` entry 'extreme' column 'nope' not found"
    ):
        poverty_table(frame, lines={"national": 125, "extreme": "nope"}, **kw)
    with pytest.raises(
        ValueError,
        match=r"`lines` entry 'extreme' has no poverty line for domain\(s\) \['b'\]",
    ):
        poverty_table(
            frame, lines={"national": 125, "extreme": {"a": 1.0}}, by="r", **kw
        )


@pytest.mark.parametrize("lazy", [False, True])
def test_overflowing_fgt_terms_are_refused(lazy: bool) -> None:
    # Welfare -1e160 against a line of 125: the gap ratio is 8e157 and its
    # square (P2) overflows float64; never a silent inf or NaN SE.
    df = pd.DataFrame({"y": [-1e160, 100.0, 200, 150]})
    frame: Any = pl.from_pandas(df).lazy() if lazy else df
    with pytest.raises(ValueError, match="no standard error can be formed"):
        poverty_table(frame, welfare="y", line=125, alpha=[1, 2], unit="fraction")
    # The measures alone: P1 = (8e157 + 0.2 + 0 + 0) / 4 = 2e157 and P2
    # beyond float64 (6.4e315 / 4), inf.
    got = fgt(df["y"], 125, alpha=[1, 2], unit="fraction")
    np.testing.assert_allclose(got, [(1e160 + 125) / 125 / 4 + 0.2 / 4, np.inf])


@pytest.mark.parametrize(
    ("name", "why", "polars_reads"),
    [
        ("^w$", "a regular expression", False),
        ("*", "'\\*'", False),
        ("region ", "surrounding spaces", True),
        ("a`b", "a backtick", True),
        ("prov.code", "a dot", True),
        ("hh*size", "'\\*'", True),
    ],
)
def test_names_a_lazy_engine_would_misread_are_refused(
    name: str, why: str, polars_reads: bool
) -> None:
    # polars reads "^w$" as a regular expression (it took the weights as
    # welfare) and "*" as every column, DuckDB drops surrounding spaces and
    # reads a dot as a table's column, Spark refuses backticks: the engine
    # that misreads a name refuses it, by name; eager frames read them all,
    # and lazy polars reads the others as written.
    df = pd.DataFrame({name: [0.5, 1.5, 0.7, 2.0], "w": [1.0, 2, 3, 4]})
    kw: dict[str, Any] = {"welfare": name, "weight": "w", "line": 1.0, "alpha": 0}
    # By hand: 0.5 and 0.7 are poor, weights 1 + 3 of 10: 40 %.
    assert poverty_table(df, unit="percent", **kw)["estimate"].tolist() == [40.0]
    lazy = pl.from_pandas(df).lazy()
    if polars_reads:
        got = poverty_table(lazy, unit="percent", **kw).collect()
        assert got["estimate"].to_list() == [40.0]
    else:
        match = f"lazy polars frame would read as something else: .*{why}"
        with pytest.raises(ValueError, match=match):
            poverty_table(lazy, unit="percent", **kw)
    match = f"lazy duckdb frame would read as something else: .*{why}"
    match += ".*pandas and polars read"
    with pytest.raises(ValueError, match=match):
        poverty_table(duckdb.from_df(df), unit="percent", **kw)


def test_a_non_frame_df_is_refused_by_name() -> None:
    with pytest.raises(
        TypeError, match=r"`df` must be a dataframe .*got Series; use \.to_frame"
    ):
        poverty_table(
            pd.Series([0.5], name="y"),  # type: ignore[arg-type]
            welfare="y",
            line=1.0,
            alpha=0,
            unit="percent",
        )
    not_a_frame: Any = {"y": [0.5]}
    with pytest.raises(TypeError, match=r"`df` must be a dataframe .*got dict"):
        poverty_table(not_a_frame, welfare="y", line=1.0, alpha=0, unit="percent")


@pytest.mark.parametrize("engine", ["pandas arrow", "pyarrow", "polars lazy", "duckdb"])
def test_decimal_columns_are_read_correctly_rounded(engine: str) -> None:
    # A welfare exactly at a DECIMAL(12, 2) line of 550400.07 is not poor
    # under "<": 0 % (by hand). pyarrow's direct decimal-to-float cast gave
    # 550400.0700000001, which put the unit below its own line.

    t = pa.table(
        {
            "y": [550400.07, 900000.0],
            "z": pa.array([Decimal("550400.07")] * 2, pa.decimal128(12, 2)),
        }
    )
    frame: Any = {
        "pandas arrow": t.to_pandas(types_mapper=pd.ArrowDtype),
        "pyarrow": t,
        "polars lazy": pl.from_arrow(t).lazy(),  # type: ignore[union-attr]
        "duckdb": duckdb.from_arrow(t),
    }[engine]
    out = _to_pandas(
        poverty_table(frame, welfare="y", line="z", alpha=0, unit="percent")
    )
    assert out["estimate"].tolist() == [0.0]


@pytest.mark.parametrize(
    "labels",
    [
        pd.PeriodIndex(["2023-03", "2023-03", "2024-03", "2024-03"], freq="M"),
        pd.to_datetime(["2023-03-01"] * 2 + ["2024-03-01"] * 2).tz_localize(
            "Asia/Jakarta"
        ),
        pd.IntervalIndex.from_tuples([(0, 1), (0, 1), (1, 2), (1, 2)]),
    ],
)
@pytest.mark.parametrize("overall", [False, True])
def test_pandas_by_columns_keep_their_labels_and_dtype(
    labels: Any, overall: bool
) -> None:
    # Each domain's label comes back as written (a Jakarta midnight stays a
    # Jakarta midnight), in the column's own dtype; the overall row's is
    # missing. By hand: one of two units poor (0.5 < 1) in each domain.
    df = pd.DataFrame({"y": [0.5, 1.5, 0.7, 2.0], "b": labels})
    out = poverty_table(
        df, welfare="y", by="b", line=1.0, alpha=0, unit="percent", overall=overall
    )
    want = list(dict.fromkeys(df["b"].tolist()))
    assert out["b"].tolist()[:2] == want
    assert out["estimate"].tolist() == [50.0] * (3 if overall else 2)
    if overall:
        assert pd.isna(out["b"].iloc[2])
    assert out["b"].dtype.kind == df["b"].dtype.kind or str(out["b"].dtype).startswith(
        str(df["b"].dtype).split("[")[0]
    )


@pytest.mark.parametrize(
    ("mapping", "ok"),
    [
        ({1: 1.0, 0: 2.0}, True),
        ({True: 1.0, False: 2.0}, False),
        ({1.0: 1.0, 0.0: 2.0}, False),
    ],
)
def test_line_keys_of_another_kind_match_no_domain_on_any_engine(
    mapping: dict[Any, float], ok: bool
) -> None:
    # True == 1 in Python, but a bool key is not a label of an int column:
    # on every engine it matches no domain (labels that differ only in type
    # are never merged). By hand with int keys: urban (line 1) 0.5 of 0.5
    # and 1.5 is poor, 50 %; rural (line 2) 0.7 is, 2.0 is not (not below
    # 2), 50 %.
    df = pd.DataFrame({"y": [0.5, 1.5, 0.7, 2.0], "urban": [1, 1, 0, 0]})
    for engine, frame in _engines(df).items():
        kw: dict[str, Any] = {"welfare": "y", "by": "urban", "line": mapping}
        if ok:
            out = _to_pandas(poverty_table(frame, alpha=0, unit="percent", **kw))
            got = dict(zip(out["urban"], out["estimate"], strict=True))
            assert got == {0: 50.0, 1: 50.0}, engine
        else:
            with pytest.raises(
                ValueError, match=r"no poverty line for domain\(s\) \[0, 1\]"
            ):
                poverty_table(frame, alpha=0, unit="percent", **kw)


@pytest.mark.parametrize("by", ["region", ["region", "u"]])
def test_a_domain_without_weight_is_named_by_its_label(by: Any) -> None:
    df = pd.DataFrame(
        {
            "y": [0.5, 1.5, 0.7, 2.0],
            "w": [1.0, 2, 3, 0],
            "region": [3171, 3172, 3173, 3174],
        }
    ).assign(u=list("xyxy"))
    want = "[3174]" if by == "region" else "[(3174, 'y')]"
    for engine, frame in _engines(df).items():
        with pytest.raises(ValueError, match=re.escape(f"none in {want}")):
            poverty_table(
                frame, welfare="y", weight="w", by=by, line=1.0, alpha=0, unit="percent"
            )
        assert engine


def test_integers_beyond_2_53_are_refused_on_every_engine() -> None:
    # 2**53 + 1 would become 2**53 in float64: refused, as the array
    # functions refuse it, never rounded silently.
    df = pd.DataFrame({"y": np.array([2**53 + 1, 10**17]), "ok": np.array([1, 2])})
    for engine, frame in _engines(df).items():
        with pytest.raises(
            ValueError, match=r"column 'y' holds integers of 2\*\*53 or more"
        ):
            poverty_table(
                frame, welfare="y", line=2.0**53 + 2, alpha=1, unit="fraction"
            )
        out = _to_pandas(
            poverty_table(frame, welfare="ok", line=2, alpha=0, unit="percent")
        )
        assert out["estimate"].tolist() == [50.0], engine


@pytest.mark.parametrize(
    ("lines", "match"),
    [
        (
            {"national": "national", "extreme": "extreme"},
            # the column named as the missing-value error names it
            r"`lines` entry 'extreme' column 'extreme' must be > 0: 1 row\(s\)"
            r".*smallest 0\.0",
        ),
        (
            {"national": "national", "extreme": -0.8},
            r"`lines` entry 'extreme' must be > 0: 4 row\(s\).*smallest -0\.8",
        ),
        (
            {"national": "national", "extreme": "gap"},
            r"^`lines` entry 'extreme' column 'gap' \(1 row\) must not be missing",
        ),
    ],
)
def test_a_bad_line_among_several_is_named_on_every_engine(
    lines: dict[str, Any], match: str
) -> None:
    df = pd.DataFrame(
        {
            "y": [0.5, 1.5, 0.7, 2.0],
            "national": [1.0] * 4,
            "extreme": [0.8, 0.0, 0.8, 0.8],
            "gap": [0.8, np.nan, 0.8, 0.8],
        }
    )
    for engine, frame in _engines(df).items():
        with pytest.raises(ValueError, match=match):
            poverty_table(frame, welfare="y", lines=lines, alpha=0, unit="percent")
        assert engine


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        # Only the weight is missing (row 1): the line is a number and no
        # size is given, so neither is named. An eager frame names the row
        # (its columns are at hand); a lazy engine's one reduction counts.
        (
            {"welfare": "v", "weight": "w", "line": 125},
            r"^`weight` column 'w' \(1 row\) must not be missing "
            r"\(nan_policy='raise'\): 1 row\(s\) missing a value in all"
            r"(, first at (index label 11|row position 1))?;",
        ),
        # Welfare in row 0, the line column in rows 2 and 3, the weight in
        # row 1 and the size in row 0: 4 rows missing something, by hand.
        (
            {"welfare": "y", "weight": "w", "size": "s", "line": "z"},
            r"^`welfare` column 'y' \(1 row\), `line` column 'z' \(2 rows\), "
            r"`weight` column 'w' \(1 row\) and `size` column 's' \(1 row\) "
            r"must not be missing \(nan_policy='raise'\): 4 row\(s\)",
        ),
        # One of several lines: its entry of `lines` and its column.
        (
            {"welfare": "y", "lines": {"fixed": 125, "own": "z"}},
            r"^`welfare` column 'y' \(1 row\) and `lines` entry 'own' column "
            r"'z' \(2 rows\) must not be missing \(nan_policy='raise'\): 3 row",
        ),
    ],
)
def test_missing_values_are_named_by_the_input_that_holds_them(
    kw: dict[str, Any], match: str
) -> None:
    # The pandas index is 10, 11, 12, 13: row 1 is the index label 11.
    df = pd.DataFrame(
        {
            "y": [np.nan, 110.0, 150.0, 160.0],
            "v": [100.0, 110.0, 150.0, 160.0],
            "w": [1.0, np.nan, 1.0, 1.0],
            "s": [np.nan, 1.0, 1.0, 1.0],
            "z": [125.0, 125.0, np.nan, np.nan],
        },
        index=[10, 11, 12, 13],
    )
    for engine, frame in _engines(df).items():
        with pytest.raises(ValueError, match=match):
            poverty_table(frame, unit="percent", alpha=0, **kw)
        assert engine


def test_missing_values_are_named_by_argument_in_poverty_estimates() -> None:
    # Welfare missing in row 2, weights in rows 0 and 2: 2 rows, the first 0.
    y = [100.0, 110.0, np.nan, 160.0]
    w = [np.nan, 1.0, np.nan, 1.0]
    with pytest.raises(
        ValueError,
        match=r"^`welfare` \(1 row\) and `weights` \(2 rows\) must not be missing "
        r"\(nan_policy='raise'\): 2 row\(s\) missing a value in all, first at "
        r"row 0;",
    ):
        poverty_estimates(y, 125, weights=w, unit="percent", alpha=0)
    # A per-unit line among several lines: named by its entry.
    with pytest.raises(
        ValueError, match=r"^`welfare` \(1 row\) and `lines` entry 'own' \(1 row\)"
    ):
        poverty_estimates(
            y,
            lines={"own": [125.0, np.nan, 125.0, 125.0]},
            unit="percent",
            alpha=0,
        )


@pytest.mark.parametrize("a_welfare", [100.0, 50.0, 124.5])
def test_a_domain_s_se_does_not_depend_on_another_domain_s_values(
    a_welfare: float,
) -> None:
    # Domain b's linearised values are 0 outside b, so its SE cannot depend
    # on domain a's welfare, however far a's terms are from b's (P2 terms
    # 0.04 in a against 6.4e-17 in b): 1.7105e-15 in every case, as R
    # survey's svyby(~P2, ~b, svydesign(ids=~1)) gives for a_welfare=100.
    d = pd.DataFrame(
        {
            "y": [
                a_welfare,
                a_welfare,
                a_welfare,
                200,
                124.999999,
                124.999999,
                300,
                300,
            ],
            "b": list("aaaabbbb"),
        }
    )
    out = poverty_table(d, welfare="y", by="b", line=125, alpha=2, unit="percent")
    se_b = float(out.loc[out["b"] == "b", "se"].iloc[0])
    np.testing.assert_allclose(se_b, 1.7105e-15, rtol=1e-4)


def test_names_differing_only_in_case_are_one_name_on_duckdb() -> None:
    # DuckDB matches column names whatever their case: an unused column
    # "__POVSTAT_Z0" must not be read for povstat's own, and a `by` column
    # "Estimate" clashes with the output "estimate" there (not on pandas).
    # By hand: 90, 120, 80 below 125 -> 75 %.
    r: Any = duckdb.sql(
        "select * from (values (90.0, 0.0), (120.0, 0.0), (200.0, 0.0), (80.0, 0.0))"
        ' t(y, "__POVSTAT_Z0")'
    )
    out = _to_pandas(poverty_table(r, welfare="y", line=125, unit="percent", alpha=0))
    assert out["estimate"].tolist() == [75.0]
    d = pd.DataFrame({"y": [90.0, 120, 200, 80], "Estimate": list("aabb")})
    with pytest.raises(
        ValueError, match=r"`by` column\(s\) \['Estimate'\] have the name"
    ):
        poverty_table(
            duckdb.from_df(d),
            welfare="y",
            by="Estimate",
            line=125,
            unit="percent",
            alpha=0,
        )
    assert poverty_table(
        d, welfare="y", by="Estimate", line=125, unit="percent", alpha=0
    )["estimate"].tolist() == [100.0, 50.0]


@pytest.mark.parametrize(
    ("frame", "kw", "match"),
    [
        (
            pd.DataFrame({"y": [90.0, 120, 200, 80], "L": [np.inf, 125, 125, 125]}),
            {"line": "L", "alpha": [0, 1]},
            # the column and (eager frames) the first row named: label or
            # position 0; lazy engines without design columns name none
            r"`line` column 'L' must be finite: 1 row\(s\) are infinite"
            r"(, first at (index label|row position) 0)?$",
        ),
        (
            pd.DataFrame({"y": [np.inf, 100.0]}),
            {"line": 125, "alpha": 0},
            r"`welfare` column 'y' must be finite \(NaN marks a missing value\): "
            r"1 row\(s\) are infinite",
        ),
        # An infinite weight or size was reported as weights "too large for
        # float64 ... rescale them"; it is refused as poverty_estimates
        # refuses it, by column, counting the rows (a negative infinity too).
        (
            pd.DataFrame({"y": [100.0, 110, 150], "w": [1.0, np.inf, -np.inf]}),
            {"weight": "w", "line": 125, "alpha": 0},
            r"^`weight` column 'w' must be finite \(NaN marks a missing value\): "
            r"2 row\(s\) are infinite(, first at (index label|row position) 1)?$",
        ),
        (
            pd.DataFrame({"y": [100.0, 110, 150], "n": [1.0, 2.0, np.inf]}),
            {"size": "n", "line": 125, "alpha": 0},
            r"^`size` column 'n' must be finite \(NaN marks a missing value\): "
            r"1 row\(s\) are infinite(, first at (index label|row position) 2)?$",
        ),
        (
            pd.DataFrame({"y": [0.0, 100, 200], "w": [np.nan, 1, 1]}),
            {
                "weight": "w",
                "line": 150,
                "alpha": 0,
                "watts": True,
                "nan_policy": "omit",
            },
            r"`welfare` column 'y' must be > 0 for the Watts index.*the smallest 0\.0",
        ),
    ],
)
def test_what_the_array_functions_refuse_frames_refuse(
    frame: pd.DataFrame, kw: dict[str, Any], match: str
) -> None:
    # Infinite welfare or lines, and welfare <= 0 for Watts on a row that
    # "omit" leaves out, are refused as fgt / watts refuse them, on every
    # engine (they gave NaN P1, a non-poor infinite unit, or a result).
    for engine, native in _engines(frame).items():
        with pytest.raises(ValueError, match=match):
            poverty_table(native, welfare="y", unit="percent", **kw)
        assert engine


# --------------------------------------------------------------------------
# Categorical `by` columns, container labels, canonical labels, messages
# --------------------------------------------------------------------------

# y = 90, 120, 200, 80 in domains 1, 2, 1, 2. With lines {1: 100, 2: 130}:
# domain 1 has 90 < 100 poor, 200 not: 50 %; domain 2 has 120 and 80 < 130
# both poor: 100 %. A mapping read the wrong way round gives 50 % and 0 %.
_CAT_Y = [90.0, 120.0, 200.0, 80.0]


@pytest.mark.parametrize(
    ("categories", "keys"),
    [
        ([1, 2, 1, 2], [1, 2]),
        ([1.5, 2.5, 1.5, 2.5], [1.5, 2.5]),
        (
            [pd.Interval(0, 10), pd.Interval(10, 20)] * 2,
            [pd.Interval(0, 10), pd.Interval(10, 20)],
        ),
        (
            [date(2023, 3, 1), date(2023, 9, 1)] * 2,
            [date(2023, 3, 1), date(2023, 9, 1)],
        ),
    ],
)
@pytest.mark.parametrize("ordered", [False, True])
def test_line_mapping_matches_categories_of_any_kind(
    categories: list[Any], keys: list[Any], ordered: bool
) -> None:
    # A pandas categorical holding numbers, intervals or dates: the keys
    # are matched by the categories' values and kind, as for a plain column
    # of those values (by hand above: 50 % and 100 %).
    b = pd.Categorical(categories, ordered=ordered)
    df = pd.DataFrame({"y": _CAT_Y, "b": b})
    mapping = {keys[0]: 100.0, keys[1]: 130.0}
    kw: dict[str, Any] = {"welfare": "y", "by": "b", "alpha": 0, "unit": "percent"}
    out = poverty_table(df, line=mapping, **kw)
    assert out["estimate"].tolist() == [50.0, 100.0]
    assert out["b"].tolist() == keys
    out = poverty_table(df, lines={"m": mapping, "flat": 100.0}, **kw)
    # flat line 100: domain 1 50 % (90), domain 2 50 % (80).
    assert out["estimate"].tolist() == [50.0, 50.0, 100.0, 50.0]


def test_line_mapping_matches_two_categorical_columns_and_pyarrow() -> None:
    import pyarrow as pa

    df = pd.DataFrame(
        {
            "y": _CAT_Y,
            "b": pd.Categorical([1, 2, 1, 2]),
            "u": pd.Categorical(["x", "x", "x", "x"]),
        }
    )
    kw: dict[str, Any] = {"welfare": "y", "alpha": 0, "unit": "percent"}
    out = poverty_table(
        df, line={(1, "x"): 100.0, (2, "x"): 130.0}, by=["b", "u"], **kw
    )
    assert out["estimate"].tolist() == [50.0, 100.0]
    # A pyarrow dictionary of integers, as the pandas categorical.
    table = pa.Table.from_pandas(df[["y", "b"]])
    got = poverty_table(table, line={1: 100.0, 2: 130.0}, by="b", **kw).to_pandas()
    assert got["b"].tolist() == [1, 2]
    assert got["estimate"].tolist() == [50.0, 100.0]
    # Keys of another kind than the categories (1.0 for the category 1)
    # match no domain, as for an int column.
    with pytest.raises(ValueError, match=r"no poverty line for domain\(s\) \[1, 2\]"):
        poverty_table(df, line={1.0: 100.0, 2.0: 130.0}, by="b", **kw)


def _nested_frames(role: str) -> dict[str, Any]:
    base = {"y": _CAT_Y, "g": [1, 1, 2, 2]}
    lists = [[1, 2], [3], [1, 2], [3]]
    pdf = pl.DataFrame({**base, "b": lists})
    frames = {
        "pandas lists": pd.DataFrame({**base, "b": pd.Series(lists, dtype=object)}),
        "pandas tuples": pd.DataFrame(
            {**base, "b": pd.Series([(1, 2), (3, 4)] * 2, dtype=object)}
        ),
        "polars list": pdf,
        "polars lazy list": pdf.lazy(),
        "polars struct": pl.DataFrame({**base, "b": [{"a": 1}, {"a": 2}] * 2}),
        "polars array": pl.DataFrame({**base}).with_columns(
            b=pl.Series([[1, 2], [3, 4]] * 2, dtype=pl.Array(pl.Int64, 2))
        ),
        "duckdb list": duckdb.from_arrow(pdf.to_arrow()),
    }
    assert role
    return frames


@pytest.mark.parametrize("role", ["by", "strata", "psu"])
def test_container_labels_are_refused_by_name_on_every_engine(role: str) -> None:
    # A label is one value: lists, tuples, arrays and structs are refused
    # with the argument, the column and its type, never a numpy error.
    key: dict[str, Any] = {role: "b"}
    for engine, frame in _nested_frames(role).items():
        with pytest.raises(TypeError, match=rf"`{role}` column 'b' holds .*scalars"):
            poverty_table(
                frame, welfare="y", line=100.0, alpha=0, unit="fraction", **key
            )
        assert engine


def _canonical_cases() -> list[tuple[list[Any], list[Any]]]:
    jakarta = pd.Timestamp("2023-03-01 07:00", tz="Asia/Jakarta")
    utc = pd.Timestamp("2023-03-01 00:00", tz="UTC")
    return [
        # Decimal("1.0") == Decimal("1.00"): the smallest repr is "1.0"
        # ("'" sorts before "0"); Decimal("2") stands alone.
        (
            [Decimal("1.00"), Decimal("1.0"), Decimal("2"), Decimal("1.000")],
            [Decimal("1.0"), Decimal("2")],
        ),
        # One instant in two zones: "Timestamp('2023-03-01 00:00..." sorts
        # before "Timestamp('2023-03-01 07:00...".
        ([jakarta, utc, jakarta, utc], [utc]),
        # 0.0 == -0.0, shown as 0.0 whichever comes first.
        ([-0.0, 0.0, 1.0, 1.0], [0.0, 1.0]),
    ]


@pytest.mark.parametrize(("labels", "shown"), _canonical_cases())
def test_equal_labels_are_shown_the_same_for_every_row_order(
    labels: list[Any], shown: list[Any]
) -> None:
    for order in itertools.permutations(range(4)):
        by = pd.Series([labels[i] for i in order], dtype=object)
        y = [_CAT_Y[i] for i in order]
        df = pd.DataFrame({"y": y, "b": by})
        out = poverty_table(
            df, welfare="y", line=100.0, by="b", alpha=0, unit="percent"
        )
        got = out["b"].tolist()
        assert [repr(x) for x in got] == [repr(x) for x in shown], order
        est = poverty_estimates(y, 100.0, by=by, alpha=0, unit="percent")
        assert [repr(x) for x in est.domain] == [repr(x) for x in shown], order


def test_a_missing_line_under_omit_is_named_on_every_engine() -> None:
    # nan_policy="omit" gives a row with a missing line zero weight: a NaN
    # line for a whole domain (or the whole sample) leaves it no weight, and
    # the message names `line` (not "no positive total weight").
    df = pd.DataFrame({"y": _CAT_Y, "b": [1, 2, 1, 2]})
    kw: dict[str, Any] = {"welfare": "y", "alpha": 0, "unit": "percent"}
    kw["nan_policy"] = "omit"
    for engine, frame in _engines(df).items():
        with pytest.raises(
            ValueError, match=r"`line` is missing \(NaN\): one line for every row"
        ):
            poverty_table(frame, line=float("nan"), **kw)
        with pytest.raises(
            ValueError, match=r"`line` is missing \(NaN\) for domain\(s\) \[2\]"
        ):
            poverty_table(frame, line={1: 100.0, 2: float("nan")}, by="b", **kw)
        with pytest.raises(
            ValueError,
            match=r"`lines` entry 'x' is missing \(NaN\) for domain\(s\) \[1\]",
        ):
            poverty_table(
                frame, lines={"ok": 100.0, "x": {1: np.nan, 2: 90.0}}, by="b", **kw
            )
        assert engine


@pytest.mark.parametrize(
    ("fpc", "match"),
    [
        ([10.0, 10.0, 10.0, 0.0], r"`fpc` must be > 0: 1 row\(s\) .*smallest 0\.0$"),
        ([-3.0, -3.0, 10.0, 10.0], r"`fpc` must be > 0: 2 row\(s\) .*smallest -3\.0$"),
        ([np.inf] * 4, r"`fpc` must be finite: 4 row\(s\) are infinite$"),
    ],
)
def test_fpc_errors_count_rows_as_every_poverty_table_error(
    fpc: list[float], match: str
) -> None:
    # Lazy engines have no row positions: poverty_table's messages count
    # rows and give a value, never an index (which would read as df.loc[i]
    # on a frame with its own index).
    df = pd.DataFrame({"y": _CAT_Y, "f": fpc}, index=[101, 102, 103, 104])
    for engine, frame in _engines(df).items():
        with pytest.raises(ValueError, match=match):
            poverty_table(
                frame, welfare="y", line=100.0, fpc="f", alpha=0, unit="fraction"
            )
        assert engine


# Dates, zones, decimals and key kinds: one rule on every path. Welfare
# 90, 120 on the first domain and 200, 80 on the second; lines 100 and 210
# give by hand 1 of 2 poor (50 %) and 2 of 2 poor (100 %).
_KEY_Y = [90.0, 120.0, 200.0, 80.0]
_DAYS_NS = np.array(
    ["2020-01-01", "2020-01-01", "2020-01-02", "2020-01-02"], dtype="datetime64[ns]"
)


def _key_engines(df: pd.DataFrame) -> dict[str, Any]:
    import pyarrow as pa

    engines = _engines(df)
    engines["pyarrow"] = pa.Table.from_pandas(df, preserve_index=False)
    return engines


@pytest.mark.parametrize(
    "keys",
    [
        [pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-02")],
        [datetime(2020, 1, 1), datetime(2020, 1, 2)],
        [np.datetime64("2020-01-01"), np.datetime64("2020-01-02")],  # day unit
        [np.datetime64("2020-01-01T00:00:00.000000000"), np.datetime64("2020-01-02")],
    ],
)
@pytest.mark.parametrize("dtype", ["datetime64[ns]", "datetime64[us]", "arrow"])
def test_nanosecond_dates_stay_dates_and_match_date_keys(
    keys: list[Any], dtype: str
) -> None:
    import pyarrow as pa

    target: Any = pd.ArrowDtype(pa.timestamp("ns")) if dtype == "arrow" else dtype
    days = pd.Series(_DAYS_NS).astype(target)
    df = pd.DataFrame({"y": _KEY_Y, "g": days})
    line = {keys[0]: 100.0, keys[1]: 210.0}
    kw: dict[str, Any] = {"welfare": "y", "by": "g", "unit": "percent", "alpha": 0}
    for engine, frame in _key_engines(df).items():
        out = _to_pandas(poverty_table(frame, line=line, **kw))
        assert out["estimate"].tolist() == [50.0, 100.0], engine
        shown = [pd.Timestamp(v) for v in out["g"]]
        assert shown == [pd.Timestamp("2020-01-01"), pd.Timestamp("2020-01-02")]
    # The array function: datetimes, never integer nanosecond counts.
    est = poverty_estimates(_KEY_Y, line, by=_DAYS_NS, unit="percent", alpha=0)
    assert est.domain.tolist() == [datetime(2020, 1, 1), datetime(2020, 1, 2)]
    assert est.estimate.tolist() == [50.0, 100.0]


def test_integer_keys_never_match_nanosecond_dates() -> None:
    line = {1577836800000000000: 100.0, 1577923200000000000: 210.0}
    with pytest.raises(ValueError, match=r"not of the labels' kind \['datetime'\]"):
        poverty_estimates(_KEY_Y, line, by=_DAYS_NS, unit="percent", alpha=0)
    df = pd.DataFrame({"y": _KEY_Y, "g": _DAYS_NS})
    for engine, frame in _engines(df).items():
        with pytest.raises(ValueError, match="not of the labels' kind"):
            poverty_table(
                frame, welfare="y", line=line, by="g", unit="percent", alpha=0
            )
        assert engine


def test_zoned_dates_match_zoned_keys_of_the_same_instant() -> None:
    stamps = pd.to_datetime(_DAYS_NS).tz_localize("Asia/Jakarta")
    df = pd.DataFrame({"y": _KEY_Y, "g": stamps})
    kw: dict[str, Any] = {"welfare": "y", "by": "g", "unit": "percent", "alpha": 0}
    own = {stamps[0]: 100.0, stamps[2]: 210.0}
    # The same instants written in UTC: 2020-01-01 00:00 WIB is 2019-12-31 17:00 UTC.
    utc = {pd.Timestamp("2019-12-31 17:00", tz="UTC"): 100.0}
    utc[pd.Timestamp("2020-01-01 17:00", tz="UTC")] = 210.0
    naive = {datetime(2019, 12, 31, 17): 100.0, datetime(2020, 1, 1, 17): 210.0}
    for engine, frame in _key_engines(df).items():
        for line in (own, utc):
            out = _to_pandas(poverty_table(frame, line=line, **kw))
            assert out["estimate"].tolist() == [50.0, 100.0], engine
            shown = [pd.Timestamp(v) for v in out["g"]]
            assert shown == list(stamps[[0, 2]]), engine  # same instants
        with pytest.raises(ValueError, match="kind \\['datetime with time zone'\\]"):
            poverty_table(frame, line=naive, **kw)
    out = poverty_table(df, line=own, **kw)
    assert str(out["g"].dtype) == "datetime64[ns, Asia/Jakarta]"
    assert out["g"].tolist() == list(stamps[[0, 2]])
    est = poverty_estimates(_KEY_Y, utc, by=stamps.to_numpy(), unit="percent", alpha=0)
    assert est.estimate.tolist() == [50.0, 100.0]
    with pytest.raises(ValueError, match="with time zone"):
        poverty_estimates(_KEY_Y, naive, by=stamps, unit="percent", alpha=0)


@pytest.mark.parametrize("kind", ["object", "category"])
def test_decimal_labels_in_object_columns_match_decimal_keys(kind: str) -> None:
    values = [Decimal("1"), Decimal("1"), Decimal("2"), Decimal("2")]
    g = pd.Series(values, dtype=object)
    if kind == "category":
        g = pd.Series(pd.Categorical(values))
    df = pd.DataFrame({"y": _KEY_Y, "g": g})
    line = {Decimal("1"): 100.0, Decimal("2.0"): 210.0}  # 2.0 == 2
    kw: dict[str, Any] = {"welfare": "y", "by": "g", "unit": "percent", "alpha": 0}
    assert poverty_table(df, line=line, **kw)["estimate"].tolist() == [50.0, 100.0]
    polars_object = pl.DataFrame({"y": _KEY_Y, "g": pl.Series(values, dtype=pl.Object)})
    out = poverty_table(polars_object, line=line, **kw)
    assert out["estimate"].to_list() == [50.0, 100.0]
    with pytest.raises(ValueError, match=r"key\(s\) \[1, 2\] are not of the labels'"):
        poverty_table(df, line={1: 100.0, 2: 210.0}, **kw)


@pytest.mark.parametrize(
    ("labels", "keys", "kind"),
    [
        ([1.0, 1.0, 2.0, 2.0], [1, 2], "float"),  # int keys, float labels
        ([1, 1, 2, 2], [1.0, 2.0], "int"),  # float keys, int labels
        (["1", "1", "2", "2"], [1, 2], "str"),  # int keys, text labels
        ([1, 1, 2, 2], [True, False], "int"),  # bool keys, int labels
    ],
)
def test_keys_of_another_kind_are_refused_alike_on_every_path(
    labels: list[Any], keys: list[Any], kind: str
) -> None:
    line = {keys[0]: 100.0, keys[1]: 210.0}
    hint = rf"not of the labels' kind \['{kind}'\]"
    with pytest.raises(ValueError, match=hint):
        poverty_estimates(_KEY_Y, line, by=labels, unit="percent", alpha=0)
    df = pd.DataFrame({"y": _KEY_Y, "g": labels})
    for engine, frame in _key_engines(df).items():
        with pytest.raises(ValueError, match=hint):
            poverty_table(
                frame, welfare="y", line=line, by="g", unit="percent", alpha=0
            )
        assert engine


@pytest.mark.parametrize(
    ("values", "keys"), [(["a", "a", "b", "b"], ["a", "b"]), ([1, 1, 2, 2], [1, 2])]
)
def test_a_pandas_arrow_dictionary_by_column_is_read_as_its_categories(
    values: list[Any], keys: list[Any]
) -> None:
    import pyarrow as pa

    # By hand: lines 100 and 210 give 1 of 2 poor (50 %), then 2 of 2 (100 %);
    # line 125: 90 and 120 poor (100 %), then 80 only (50 %).
    encoded = pa.array(values).dictionary_encode()
    g = pd.Series(encoded, dtype=pd.ArrowDtype(encoded.type))
    df = pd.DataFrame({"y": _KEY_Y, "g": g, "s": g})
    kw: dict[str, Any] = {"welfare": "y", "by": "g", "unit": "percent", "alpha": 0}
    assert poverty_table(df, line=125, **kw)["estimate"].tolist() == [100.0, 50.0]
    line = {keys[0]: 100.0, keys[1]: 210.0}
    out = poverty_table(df, line=line, strata="s", **kw)
    assert out["estimate"].tolist() == [50.0, 100.0]
    assert out["g"].tolist() == keys
    with pytest.raises(ValueError, match="no poverty line for domain"):
        poverty_table(df, line={keys[0]: 100.0}, **kw)


@pytest.mark.parametrize("role", ["by", "strata", "psu", "fpc"])
@pytest.mark.parametrize("lazy", [False, True])
def test_128_bit_integer_key_columns_are_refused_by_name(role: str, lazy: bool) -> None:
    df = pl.DataFrame({"y": _KEY_Y, "g": pl.Series([1, 1, 2, 2], dtype=pl.Int128)})
    frame: Any = df.lazy() if lazy else df
    kw: dict[str, Any] = {role: "g"}
    with pytest.raises(TypeError, match=f"`{role}` column 'g' holds Int128 values"):
        poverty_table(frame, welfare="y", line=125, unit="percent", alpha=0, **kw)


@pytest.mark.parametrize("lazy", [False, True])
def test_128_bit_integer_values_beyond_2_53_are_refused(lazy: bool) -> None:
    # Int128 welfare: read as float64 like Int64, and refused beyond 2**53.
    y = pl.Series([90, 120, 200, 80], dtype=pl.Int128)
    df = pl.DataFrame({"y": y, "g": [1, 1, 2, 2]})
    frame: Any = df.lazy() if lazy else df
    out = poverty_table(frame, welfare="y", line=125, unit="percent", alpha=0, by="g")
    got = out.collect() if isinstance(out, pl.LazyFrame) else out
    assert got["estimate"].to_list() == [100.0, 50.0]
    wide = df.with_columns(pl.Series("y", [90, 120, 200, 2**60], dtype=pl.Int128))
    with pytest.raises(ValueError, match="of 2\\*\\*53 or more"):
        poverty_table(
            wide.lazy() if lazy else wide,
            welfare="y",
            line=125,
            unit="percent",
            alpha=0,
        )


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars lazy", "duckdb"])
def test_domains_may_be_the_strata_or_the_psus(engine: str) -> None:
    # Domains a and b are the strata; each unit its own PSU. Domain a: 90 and
    # 120 of 90, 120, 200 are poor: 2/3. Its linearised values (t - 2/3)/3
    # are 1/9, 1/9, -2/9 (mean 0), so V = 3/2 * 6/81 = 1/9 and se = 1/3;
    # stratum b adds nothing (u = 0). The same for b (80, 70 of 130, 80, 70).
    df = pd.DataFrame(
        {
            "y": [90.0, 120, 200, 130, 80, 70],
            "s": ["a", "a", "a", "b", "b", "b"],
            "p": [1, 2, 3, 4, 5, 6],
        }
    )
    frame = _engines(df)[engine]
    kw: dict[str, Any] = {"welfare": "y", "line": 125, "unit": "percent", "alpha": 0}
    out = _to_pandas(poverty_table(frame, by="s", strata="s", psu="p", **kw))
    np.testing.assert_allclose(out["estimate"], [200 / 3, 200 / 3], rtol=1e-12)
    np.testing.assert_allclose(out["se"], [100 / 3, 100 / 3], rtol=1e-12)
    arrays = poverty_estimates(
        df["y"], 125, by=df["s"], strata=df["s"], psu=df["p"], unit="percent", alpha=0
    )
    np.testing.assert_allclose(out["se"], arrays.se, rtol=1e-12)
    assert out["df"].tolist() == arrays.df.tolist()
    # Domains that are the PSUs: one unit each, poor (100 %) or not (0 %).
    out = _to_pandas(poverty_table(frame, by="p", psu="p", **kw))
    assert out["estimate"].tolist() == [100.0, 100.0, 0.0, 0.0, 100.0, 100.0]


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars lazy", "duckdb"])
def test_missing_line_messages_name_the_line_and_its_entry(engine: str) -> None:
    # Column L is missing on both rows of domain b: under "omit" they would
    # get zero weight under every line, and the message names entry 'col'.
    df = pd.DataFrame(
        {"y": _KEY_Y, "g": ["a", "a", "b", "b"], "L": [100.0, 100.0, np.nan, np.nan]}
    )
    frame = _engines(df)[engine]
    kw: dict[str, Any] = {"welfare": "y", "unit": "percent", "alpha": 0}
    with pytest.raises(
        ValueError,
        match=r"^`lines` entry 'col' is missing \(NaN\) on every row of domain\(s\) "
        r"\['b'\]",
    ):
        poverty_table(
            frame, lines={"flat": 125, "col": "L"}, by="g", nan_policy="omit", **kw
        )
    for line in (float("nan"), {"a": 100.0, "b": float("nan")}):
        with pytest.raises(ValueError, match=r"^`line` is missing \(NaN\)") as err:
            poverty_table(frame, line=line, by="g", nan_policy="raise", **kw)
        assert "pass nan_policy='omit'" not in str(err.value)


@pytest.mark.parametrize("role", ["by", "strata", "psu"])
def test_duckdb_calendar_intervals_are_refused_by_name(role: str) -> None:
    # A DuckDB INTERVAL holds months, days and nanoseconds: 1 month and 30
    # days have no order, so such labels are refused, naming the column.
    rel: Any = duckdb.sql(
        "select * from (values (90.0, INTERVAL 1 DAY), (120.0, INTERVAL 2 DAY), "
        "(120.0, INTERVAL 1 MONTH)) t(y, g)"
    )
    kw: dict[str, Any] = {role: "g"}
    match = f"`{role}` column 'g' is of DuckDB type INTERVAL"
    with pytest.raises(TypeError, match=match):
        poverty_table(rel, welfare="y", line=125, unit="percent", alpha=0, **kw)


@pytest.mark.parametrize("role", ["by", "strata", "psu"])
@pytest.mark.parametrize(
    ("expr", "kind"),
    [
        ("12345678901234567890123::VARINT", "BIGNUM"),
        ("'0101'::BIT", "BIT"),
        ("'10:00:00+07'::TIMETZ", "TIME WITH TIME ZONE"),
        ("INTERVAL 30 DAY", "INTERVAL"),  # one of 1 month would be its group
    ],
)
def test_duckdb_key_types_read_unfaithfully_are_refused_by_name(
    role: str, expr: str, kind: str
) -> None:
    # Labels that would come back as bytes (VARINT, now BIGNUM; BIT),
    # without their offset (TIMETZ: 10:00+07 and 10:00+00 were one
    # domain) or merged by DuckDB (INTERVAL 1 month with 30 days): refused,
    # naming the argument, the column and its DuckDB type.
    rel: Any = duckdb.sql(f"select i::DOUBLE + 1 as y, {expr} as g from range(3) t(i)")
    kw: dict[str, Any] = {"welfare": "y", "line": 2.5, "unit": "percent", "alpha": 0}
    kw[role] = "g"
    with pytest.raises(
        TypeError, match=f"`{role}` column 'g' is of DuckDB type {kind}"
    ):
        poverty_table(rel, **kw)


def test_odd_duckdb_key_types_read_faithfully() -> None:
    # UUID and ENUM labels are their text, BLOB labels their bytes: the
    # labels as written. P0 by hand: welfare 1 under 2.5 (first label), 3
    # not (second label).
    for expr, want in [
        (
            "(CASE WHEN i = 0 THEN 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' "
            "ELSE 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' END)::UUID",
            [
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            ],
        ),
        ("(CASE WHEN i = 0 THEN 'a' ELSE 'b' END)::ENUM('a', 'b')", ["a", "b"]),
        ("(CASE WHEN i = 0 THEN 'a' ELSE 'b' END)::BLOB", [b"a", b"b"]),
    ]:
        rel: Any = duckdb.sql(
            f"select 1 + 2 * i::DOUBLE as y, {expr} as g from range(2) t(i)"
        )
        out = poverty_table(rel, welfare="y", line=2.5, unit="percent", alpha=0, by="g")
        rows = sorted(out.fetchall())
        assert [r[0] for r in rows] == want
        assert [r[2] for r in rows] == [100.0, 0.0]


def test_unsortable_object_labels_are_refused_with_their_type() -> None:
    with pytest.raises(TypeError, match="got complex values that cannot be ordered"):
        poverty_estimates(
            [1.0, 2.0], 3.0, by=np.array([1j, 2j], dtype=object), unit="percent"
        )


@pytest.mark.parametrize("text", [False, True])
def test_uuid_labels_match_uuid_and_text_keys(text: bool) -> None:
    import uuid

    # A UUID is matched by its text, whether the engine hands over text
    # (DuckDB UUID) or uuid.UUID objects (a pandas object column). By hand:
    # u1 (line 100): 90 poor, 130 not -> 50 %; u2 (line 130): 120 and 125
    # both poor -> 100 %.
    u1 = uuid.UUID("0e4b5b0c-0000-4000-8000-000000000001")
    u2 = uuid.UUID("0e4b5b0c-0000-4000-8000-000000000002")
    keys: list[Any] = [str(u1), str(u2)] if text else [u1, u2]
    kw: dict[str, Any] = {"welfare": "y", "by": "g", "unit": "percent", "alpha": 0}
    rel: Any = duckdb.sql(
        f"select * from (values (90.0, '{u1}'::UUID), (120.0, '{u2}'::UUID), "
        f"(130.0, '{u1}'::UUID), (125.0, '{u2}'::UUID)) t(y, g)"
    )
    df = pd.DataFrame({"y": [90.0, 120, 130, 125], "g": [u1, u2, u1, u2]})
    line = dict(zip(keys, [100.0, 130.0], strict=True))
    for frame in (rel, df):
        out = _to_pandas(poverty_table(frame, line=line, **kw))
        assert out["estimate"].tolist() == [50.0, 100.0]


@pytest.mark.spark
def test_spark_timestamps_are_instants_matched_by_zoned_keys(spark: Any) -> None:
    # A Spark TIMESTAMP is an instant in the session's zone (UTC in the
    # tests): keys with a time zone match it, in any zone and of any type;
    # naive keys are refused with the reason. Lines 100 and 210 give 50 %
    # and 100 % (by hand, as above).
    rows = [(y, d) for y, d in zip(_KEY_Y, pd.to_datetime(_DAYS_NS), strict=True)]
    frame = spark.createDataFrame(
        [(y, d.to_pydatetime()) for y, d in rows], schema="y double, g timestamp"
    )
    kw: dict[str, Any] = {"welfare": "y", "by": "g", "unit": "percent", "alpha": 0}
    day1 = pd.Timestamp("2020-01-01", tz="UTC")
    day2 = pd.Timestamp("2020-01-02 07:00", tz="Asia/Jakarta")  # 00:00 UTC
    out = _to_pandas(poverty_table(frame, line={day1: 100.0, day2: 210.0}, **kw))
    assert out["estimate"].tolist() == [50.0, 100.0]
    naive = {datetime(2020, 1, 1): 100.0, datetime(2020, 1, 2): 210.0}
    with pytest.raises(ValueError, match="both have a time zone"):
        poverty_table(frame, line=naive, **kw)


# --------------------------------------------------------------------------
# Stated lines: float32 and Decimal values by the exactness rule
# --------------------------------------------------------------------------

_F32 = np.float32(100.1)  # 100.09999847412109 in binary; stands for 100.1


def _line_frames(spark: Any | None = None) -> dict[str, Any]:
    df = pd.DataFrame({"y": [100.1, 50.0], "g": [1, 1]})
    frames: dict[str, Any] = {
        "pandas": df,
        "polars": pl.from_pandas(df),
        "polars lazy": pl.from_pandas(df).lazy(),
        "duckdb": duckdb.from_df(df),
    }
    if spark is not None:
        rows = [(100.1, 1), (50.0, 1)]
        frames["pyspark"] = spark.createDataFrame(rows, schema="y double, g long")
    return frames


def _stated_lines() -> list[dict[str, Any]]:
    return [
        {"line": _F32},
        {"line": Decimal("100.1")},
        {"line": {1: _F32}, "by": "g"},
        {"line": {1: Decimal("100.1")}, "by": "g"},
        {"line": None, "lines": {"a": _F32}},
        {"line": None, "lines": {"a": {1: _F32}}, "by": "g"},
    ]


def _assert_line_is_its_figure(frames: dict[str, Any]) -> None:
    # The line 100.1 with comparison "<=": welfare 100.1 and 50.0 are both
    # poor, P0 = 2/2 = 1.0 (by hand); read as 100.09999847 it would be 1/2.
    kw: dict[str, Any] = {"welfare": "y", "unit": "fraction", "alpha": 0}
    for name, frame in frames.items():
        for stated in _stated_lines():
            out = _to_pandas(poverty_table(frame, comparison="<=", **kw, **stated))
            assert out["estimate"].tolist() == [1.0], (name, stated)


def test_float32_and_decimal_lines_are_the_figures_they_state() -> None:
    _assert_line_is_its_figure(_line_frames())
    # The same figure as the array functions, for a scalar and a mapping.
    kw: dict[str, Any] = {"alpha": 0, "unit": "fraction", "comparison": "<="}
    assert float(fgt([100.1, 50.0], _F32, **kw)) == 1.0
    lines: list[dict[int, Any]] = [{1: _F32}, {1: Decimal("100.1")}]
    for line in lines:
        est = poverty_estimates([100.1, 50.0], line, by=[1, 1], **kw)
        assert est.estimate.tolist() == [1.0]


@pytest.mark.spark
def test_spark_float32_and_decimal_lines_are_the_figures_they_state(
    spark: Any,
) -> None:
    _assert_line_is_its_figure({"pyspark": _line_frames(spark)["pyspark"]})


def test_stated_lines_float64_cannot_hold_are_refused() -> None:
    # Decimal("0.1000000000000000000001") is not 0.1, nor is 2**53 + 1 a
    # float64: refused as in the array functions, naming the key.
    frames = _line_frames()
    kw: dict[str, Any] = {"welfare": "y", "unit": "fraction", "alpha": 0}
    odd: Any = Decimal("100.1000000000000000000001")
    missing: Any = Decimal("NaN")
    for frame in frames.values():
        with pytest.raises(
            ValueError, match=r"cannot hold exactly: 100\.1000000000000000000001 "
        ):
            poverty_table(frame, line=odd, **kw)
        with pytest.raises(ValueError, match=r"\(the value for key 1\)"):
            poverty_table(frame, line={1: odd}, by="g", **kw)
        with pytest.raises(ValueError, match=r"integer that float64"):
            poverty_table(frame, line=2**53 + 1, **kw)
        with pytest.raises(ValueError, match="`line` is missing"):
            poverty_table(frame, line=missing, **kw)


# --------------------------------------------------------------------------
# Nanosecond Datetime and Duration labels (polars)
# --------------------------------------------------------------------------

_NS_DAYS = np.array(["2023-03-01T00:00:00.000000001", "2024-03-01"], "M8[ns]")


@pytest.mark.parametrize("lazy", [False, True])
@pytest.mark.parametrize("zone", [None, "Asia/Jakarta"])
def test_nanosecond_labels_keep_every_nanosecond(lazy: bool, zone: str | None) -> None:
    # Labels with a part finer than a microsecond come out as they went in
    # (not read as microseconds, year 55131), and keys of the column's own
    # values match them. Welfare 90, 200, 130, 110 / 120, 80, 300, 95: with
    # line 100, P0 = 1/4 and 2/4; with lines 135 and 100, 3/4 and 2/4 (by hand).
    y = [90, 120, 200, 80, 130, 300, 110, 95]
    g = pl.Series("g", np.tile(_NS_DAYS, 4))
    if zone is not None:
        g = g.dt.replace_time_zone("UTC").dt.convert_time_zone(zone)
    d = pl.Series("d", np.tile(np.array([1, 2], "m8[ns]"), 4))
    df = pl.DataFrame({"y": y, "g": g, "d": d})
    frame: Any = df.lazy() if lazy else df
    kw: dict[str, Any] = {"welfare": "y", "unit": "fraction", "alpha": 0}
    for c in ("g", "d"):
        out = _to_polars(poverty_table(frame, line=100, by=c, **kw))
        assert out[c].dtype == df[c].dtype
        assert out[c].to_numpy().tolist() == df[c][:2].to_numpy().tolist()
        assert out["estimate"].to_list() == [0.25, 0.5]
    keys = [np.datetime64(v, "ns") for v in _NS_DAYS]
    stamps = [pd.Timestamp(v, tz="UTC") if zone else pd.Timestamp(v) for v in keys]
    for line in (dict(zip(stamps, [135, 100], strict=True)),) + (
        () if zone else (dict(zip(keys, [135, 100], strict=True)),)
    ):
        out = _to_polars(poverty_table(frame, line=line, by="g", **kw))
        assert out["estimate"].to_list() == [0.75, 0.5]
    ticks = dict(zip(np.array([1, 2], "m8[ns]"), [135, 100], strict=True))
    out = _to_polars(poverty_table(frame, line=ticks, by="d", **kw))
    assert out["estimate"].to_list() == [0.75, 0.5]


def _to_polars(out: Any) -> pl.DataFrame:
    return out.collect() if isinstance(out, pl.LazyFrame) else out


# --------------------------------------------------------------------------
# Times of day finer than a microsecond
# --------------------------------------------------------------------------


def test_times_finer_than_a_microsecond_are_refused_never_merged() -> None:
    # 08:00:00.0000001 and 08:00:00.0000002 are two domains (or PSUs), but
    # datetime.time holds microseconds: both would read as 08:00, one label.
    # Refused by name, the smallest given (100 ns past 08:00); whole
    # microseconds are kept: P0 at line 100 is 1/4 and 2/4 (welfare 90, 200,
    # 130, 110 and 120, 80, 300, 95, by hand).
    y = [90, 120, 200, 80, 130, 300, 110, 95]
    text = pl.Series(["08:00:00.0000001", "08:00:00.0000002"] * 4)
    fine = text.str.to_time("%H:%M:%S%.f")
    micro = pl.Series(["08:00:00.000001", "08:00:00.000002"] * 4)
    whole = micro.str.to_time("%H:%M:%S%.f")
    kw: dict[str, Any] = {"welfare": "y", "line": 100, "unit": "fraction", "alpha": 0}
    for g, ok in ((fine, False), (whole, True)):
        df = pl.DataFrame({"y": y, "g": g, "s": [1] * 8})
        arrow = df.to_arrow()
        frames: dict[str, Any] = {
            "polars": df,
            "polars lazy": df.lazy(),
            "pyarrow": arrow,
            "pandas[pyarrow]": arrow.to_pandas(types_mapper=pd.ArrowDtype),
            "duckdb": duckdb.from_arrow(arrow),
        }
        for name, frame in frames.items():
            if ok:
                out = _to_pandas(poverty_table(frame, by="g", **kw))
                assert out["estimate"].tolist() == [0.25, 0.5], name
                continue
            with pytest.raises(ValueError, match=r"`by` column 'g' holds times of day"):
                poverty_table(frame, by="g", **kw)
            with pytest.raises(
                ValueError, match=r"`psu` column 'g'.*08:00:00\.0+100\)"
            ):
                poverty_table(frame, by="s", strata="s", psu="g", **kw)


# --------------------------------------------------------------------------
# Date and datetime keys of mixed types on lazy polars
# --------------------------------------------------------------------------


def _mixed_key_cases() -> list[tuple[pl.DataFrame, dict[Any, float]]]:
    y = [90, 120, 200, 80, 130, 300, 110, 95]
    days = [datetime(2023, 3, 1)] * 4 + [datetime(2024, 3, 1)] * 4
    base = pl.DataFrame({"y": y, "g": days})
    utc = base.with_columns(pl.col("g").dt.replace_time_zone("UTC"))
    wib = base.with_columns(pl.col("g").dt.replace_time_zone("Asia/Jakarta"))
    dates = base.with_columns(pl.col("g").dt.date())
    jakarta = "Asia/Jakarta"
    return [
        (base, {date(2023, 3, 1): 100, datetime(2024, 3, 1): 150}),
        (
            utc,
            {
                pd.Timestamp("2023-03-01 07:00", tz=jakarta): 100,
                pd.Timestamp("2024-03-01", tz="UTC"): 150,
            },
        ),
        (
            wib,
            {
                pd.Timestamp("2023-03-01", tz=jakarta): 100,
                pd.Timestamp("2024-02-29 17:00", tz="UTC"): 150,
            },
        ),
        (
            dates,
            {
                datetime(2023, 3, 1): 100,
                date(2024, 3, 1): 150,
                datetime(2024, 3, 1, 5): 7,  # no date's midnight: unused
            },
        ),
    ]


@pytest.mark.parametrize("case", range(4))
def test_lazy_polars_matches_keys_of_mixed_date_types(case: int) -> None:
    # Keys of several date types (or zones) naming the same instants as the
    # labels: lines 100 and 150 give P0 = 2/4 (90, 80) and 3/4 (130, 110,
    # 95), by hand, on every engine, lazy polars included.
    df, keys = _mixed_key_cases()[case]
    kw: dict[str, Any] = {"welfare": "y", "unit": "fraction", "alpha": 0, "by": "g"}
    for frame in (df, df.lazy(), duckdb.from_arrow(df.to_arrow())):
        out = _to_pandas(poverty_table(frame, line=keys, **kw))
        assert out["estimate"].tolist() == [0.5, 0.75]


def test_an_fpc_beyond_2_53_is_refused_on_every_engine() -> None:
    # 2**60 + 1 PSUs in the population would be read as 2**60 in float64:
    # refused on eager frames and engines alike, never computed.
    df = pd.DataFrame(
        {"y": [90.0, 120, 200, 80], "s": [1, 1, 1, 1], "p": [1, 2, 3, 4]}
    ).assign(f=np.int64(2**60 + 1))
    frames: list[Any] = [df, pl.from_pandas(df), pl.from_pandas(df).lazy()]
    frames.append(duckdb.from_df(df))
    kw: dict[str, Any] = {"welfare": "y", "line": 100, "unit": "fraction", "alpha": 0}
    for frame in frames:
        with pytest.raises(ValueError, match=r"'f'.* of 2\*\*53 or more"):
            poverty_table(frame, strata="s", psu="p", fpc="f", **kw)


def test_an_infinite_line_in_a_mapping_names_its_domain() -> None:
    # The same message from the array function and every engine: the
    # domain whose line is infinite, never a row count or an index.
    y = [90.0, 120, 200, 80]
    g = [1, 1, 2, 2]
    line = {1: float("inf"), 2: 100.0}
    match = r"`line` must be finite: the line of domain\(s\) \[1\] is infinite"
    with pytest.raises(ValueError, match=match):
        poverty_estimates(y, line, by=g, alpha=0, unit="fraction")
    df = pd.DataFrame({"y": y, "g": g})
    kw: dict[str, Any] = {"welfare": "y", "unit": "fraction", "alpha": 0, "by": "g"}
    for frame in (df, pl.from_pandas(df).lazy(), duckdb.from_df(df)):
        with pytest.raises(ValueError, match=match):
            poverty_table(frame, line=line, **kw)
        with pytest.raises(
            ValueError, match=match.replace("`line`", "`lines` entry 'a'")
        ):
            poverty_table(frame, line=None, lines={"a": line}, **kw)


@pytest.mark.parametrize("role", ["by", "strata", "psu"])
def test_a_key_column_numpy_cannot_hold_is_refused_by_name(role: str) -> None:
    # A DuckDB UNION has no numpy equivalent: a TypeError naming the
    # argument, the column and its type, not pyarrow's own error.
    rel: Any = duckdb.sql(
        "select * from (values (90.0, union_value(a := 1)), "
        "(120.0, union_value(a := 2))) t(y, g)"
    )
    kw: dict[str, Any] = {"welfare": "y", "line": 100, "unit": "fraction", "alpha": 0}
    kw[role] = "g"
    with pytest.raises(TypeError, match=rf"`{role}` column 'g' of type .*union"):
        poverty_table(rel, **kw)


@pytest.mark.parametrize("kind", ["pandas", "polars", "polars-lazy", "duckdb"])
def test_an_integer_just_past_2_53_is_refused_on_every_engine(kind: str) -> None:
    # 2**53 + 1 has no float64 (it reads as 2**53): a weight column holding
    # it is refused on every engine, eager or lazy (before, the check compared
    # floats and let it through).

    df = pd.DataFrame({"y": [90.0, 120.0], "w": [2**53 + 1, 1]})
    native = backends.from_pandas(kind, df)
    with pytest.raises(
        ValueError, match=r"column 'w' holds integers of 2\*\*53 or more"
    ):
        poverty_table(
            native, welfare="y", line=100.0, weight="w", unit="percent", alpha=0
        )


# Two rows of weight 1: welfare 2.675 (at the line 2.675, not below it under
# comparison "<") and 3.0, so P0 is 0 by hand; the first welfare written with
# 25 decimals. 2.67499999999999999999 is below the line, but float64 cannot
# hold it (its nearest float64 is 2.675 itself): read as 2.675, P0 would be 0
# where it is 50 %; refused, as the array functions refuse that Decimal.
_LONG = "2.67499999999999999999"
_DECIMAL_KW: dict[str, Any] = {
    "welfare": "y",
    "line": 2.675,
    "weight": "w",
    "unit": "percent",
    "alpha": 0,
}


def _decimal_frame(kind: str, first: str) -> Any:
    rows = [(Decimal(first), 1.0), (Decimal(3), 1.0)]
    if kind == "duckdb":
        con = duckdb.connect()
        return con.sql(
            f"SELECT CAST(y AS DECIMAL(38,25)) AS y, w FROM (VALUES ('{first}', 1.0),"
            " ('3', 1.0)) t(y, w)"
        )
    if kind == "pyspark":
        return backends.spark().sql(
            f"SELECT CAST(y AS DECIMAL(38,25)) AS y, CAST(w AS DOUBLE) AS w FROM "
            f"VALUES ('{first}', 1.0), ('3', 1.0) t(y, w)"
        )
    frame = pl.DataFrame(
        rows, schema={"y": pl.Decimal(38, 25), "w": pl.Float64}, orient="row"
    )
    return {"polars": frame, "polars-lazy": frame.lazy(), "pyarrow": frame.to_arrow()}[
        kind
    ]


_DECIMAL_KINDS = [
    "polars",
    "polars-lazy",
    "pyarrow",
    "duckdb",
    pytest.param("pyspark", marks=pytest.mark.spark),
]


@pytest.mark.parametrize("kind", _DECIMAL_KINDS)
def test_a_decimal_column_float64_cannot_hold_is_refused(kind: str) -> None:
    df = _decimal_frame(kind, _LONG)
    with pytest.raises(
        ValueError,
        match=r"column 'y' holds a decimal that float64 .* cannot hold exactly: "
        r"2\.67499999999999999999",
    ):
        poverty_table(df, **_DECIMAL_KW)


# Weights below expansion weights (deff NaN or inf, with a warning): not the subject.
@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@pytest.mark.parametrize("kind", _DECIMAL_KINDS)
@pytest.mark.parametrize("first", ["2.675", "2.6750000000000000000000000"])
def test_a_long_decimal_column_of_short_values_is_read(kind: str, first: str) -> None:
    # 2.675 in DECIMAL(38,25) has 4 significant digits: held, P0 = 0 by hand.
    out = poverty_table(_decimal_frame(kind, first), **_DECIMAL_KW)
    assert backends.col(out, "estimate").tolist() == [0.0]


# Weights below expansion weights (deff NaN or inf, with a warning): not the subject.
@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
def test_a_decimal_that_is_the_shortest_decimal_of_a_float_is_read() -> None:
    # 0.30000000000000004 (17 digits) is the shortest decimal of the float64
    # 0.1 + 0.2: held, as the array functions hold it. Against the line 0.3
    # it is above (P0 = 0); 0.2 is below: P0 = 50 % by hand.
    frame = pl.DataFrame(
        [(Decimal("0.30000000000000004"), 1.0), (Decimal("0.2"), 1.0)],
        schema={"y": pl.Decimal(38, 20), "w": pl.Float64},
        orient="row",
    )
    kw = {**_DECIMAL_KW, "line": 0.3}
    for df in (frame, frame.lazy()):
        out = poverty_table(df, **kw)
        assert backends.col(out, "estimate").tolist() == [50.0]


def test_design_effect_of_a_one_unit_domain_is_nan_on_every_engine() -> None:
    # One unit in domain "a": n - 1 = 0 in the unit variance, so deff is
    # NaN (0/0) for every measure, the same on every engine (DuckDB showed
    # another NaN / -0.0 pattern than numpy).
    df = pd.DataFrame(
        {
            "y": [120.0, 90, 150, 130, 100, 160],
            "w": [2.5, 1, 2, 1, 3, 1],
            "s": [4.0, 1, 1, 1, 1, 1],
            "r": list("abbbbb"),
            "st": [1, 1, 1, 2, 2, 2],
            "p": [1, 2, 3, 1, 2, 3],
        }
    )
    for engine, frame in _engines(df).items():
        out = _to_pandas(
            poverty_table(
                frame,
                welfare="y",
                weight="w",
                size="s",
                by="r",
                strata="st",
                psu="p",
                line=125.3,
                unit="percent",
                watts=True,
            )
        )
        a = out["r"] == "a"
        assert np.isnan(out.loc[a, "deff"].to_numpy(float)).all(), engine
        assert (out.loc[~a, "deff"] > 0).all(), engine


def test_a_non_positive_line_of_a_mapping_names_its_domain_on_every_engine() -> None:
    # Domain b's line 0 (rows 2 and 3) was reported as "2 row(s) break this
    # rule"; the domain is named, as for a NaN line of a domain.
    df = pd.DataFrame({"y": [100.0, 110, 150, 160], "r": list("aabb")})
    for engine, frame in _engines(df).items():
        with pytest.raises(
            ValueError,
            match=r"^`line` must be > 0: the line of domain\(s\) \['b'\] is \[0\.0\]$",
        ):
            poverty_table(
                frame,
                welfare="y",
                by="r",
                line={"a": 125, "b": 0},
                alpha=0,
                unit="fraction",
            )
        with pytest.raises(
            ValueError,
            match=r"^`lines` entry 'x' must be > 0: the line of domain\(s\) \['b'\]",
        ):
            poverty_table(
                frame,
                welfare="y",
                by="r",
                lines={"n": 100, "x": {"a": 125, "b": -0.5}},
                alpha=0,
                unit="fraction",
            )
        assert engine


def test_nanosecond_keys_on_duckdb_are_refused_with_the_reason() -> None:
    # DuckDB compares datetime keys to the microsecond: the keys of two
    # domains 1 ns apart cannot be told apart there. Refused, saying why and
    # what to do, never matched to the wrong domain; collected to pandas the
    # same frame gives P0 = 100 % (100 < 150) and 0 % (200 > 50) by hand.
    rel = duckdb.sql(
        "SELECT * FROM (VALUES ('2023-03-01 00:00:00.000000001'::TIMESTAMP_NS, "
        "100.0), ('2023-03-01 00:00:00.000000002'::TIMESTAMP_NS, 200.0)) t(t, y)"
    )
    assert rel is not None
    k1 = np.datetime64("2023-03-01T00:00:00.000000001", "ns")
    k2 = np.datetime64("2023-03-01T00:00:00.000000002", "ns")
    kw: dict[str, Any] = {
        "welfare": "y",
        "line": {k1: 150.0, k2: 50.0},
        "by": "t",
        "unit": "percent",
        "alpha": 0,
    }
    with pytest.raises(ValueError, match=r"compares datetime keys to the microsecond"):
        poverty_table(rel, **kw)
    out = poverty_table(rel.df(), **kw)
    assert out["estimate"].tolist() == [100.0, 0.0]


# --------------------------------------------------------------------------
# The output feeds the uncertainty adapters
# --------------------------------------------------------------------------

# Two rounds of the eight households, 2023 in other PSUs (5 to 8), one
# stratum of eight PSUs, weights 1, line 125.
_ROUNDS = pd.DataFrame(
    {
        "year": [2022] * 8 + [2023] * 8,
        "region": ["a", "a", "a", "a", "b", "b", "b", "b"] * 2,
        "psu": [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8],
        "cons": [
            *[90.0, 120, 200, 80, 130, 300, 110, 95],
            *[110.0, 140, 220, 100, 150, 320, 130, 115],
        ],
    }
)


def test_output_feeds_change_test_and_rank_sets_by_rate_and_se() -> None:
    out = poverty_table(
        _ROUNDS,
        welfare="cons",
        line=125,
        unit="percent",
        by=["region", "year"],
        psu="psu",
    )
    p0 = out[out["measure"] == "P0"].reset_index(drop=True)
    # By hand: a 2022 has 3 of 4 poor (75 %); PSU totals of the linearised
    # variable (poor - 0.75) / 4 are 0.125 and -0.125, the other six 0, so
    # var = 8/7 * 2 * 0.125**2 = 1/28 and se = 50/sqrt(7) points. a 2023:
    # 50 %, both PSUs half poor, se 0. b 2022: 50 %, PSU totals -0.25 and
    # 0.25, se = 100/sqrt(7); b 2023: 25 %, se = 50/sqrt(7).
    assert p0["estimate"].tolist() == pytest.approx([75.0, 50.0, 50.0, 25.0])
    r7 = np.sqrt(7)
    want_se = [50 / r7, 0.0, 100 / r7, 50 / r7]
    np.testing.assert_allclose(p0["se"], want_se, rtol=1e-12, atol=1e-12)
    tested = with_change_test(
        p0,
        unit="percent",
        level=0.95,
        independent=True,
        rate="estimate",
        se="se",
        region="region",
        period="year",
    )
    # z of a: -25 / (50/sqrt(7)) = -sqrt(7)/2; of b: -25 / sqrt(12500/7).
    z = tested["change_z"].to_numpy()
    np.testing.assert_allclose(z[[1, 3]], [-r7 / 2, -25 / np.sqrt(12500 / 7)])
    ranked = with_rank_sets(
        p0,
        descending=True,
        level=0.9,
        method="bonferroni",
        simultaneous=True,
        rate="estimate",
        se="se",
        region="region",
        by="year",
    )
    assert ranked["rank_lower"].notna().all()


@pytest.mark.parametrize("lines", [False, True])
def test_several_measures_fed_whole_are_refused_naming_the_measure_column(
    lines: bool,
) -> None:
    # Three measures per (region, year): every key repeats; the message
    # names the measure column (and the line column with `lines`).
    kw: dict[str, Any] = {"lines": {"n": 125, "x": 100}} if lines else {"line": 125}
    out = poverty_table(
        _ROUNDS, welfare="cons", unit="percent", by=["region", "year"], **kw
    )
    stacked = r"'measure' and 'line' columns" if lines else r"'measure' column"
    with pytest.raises(ValueError, match=rf"several measures or lines \(its {stacked}"):
        with_change_test(
            out,
            unit="percent",
            level=0.95,
            independent=True,
            rate="estimate",
            se="se",
            region="region",
            period="year",
        )
    with pytest.raises(ValueError, match=r"Filter it \(e\.g\. to one value of"):
        with_rank_sets(
            out,
            descending=True,
            level=0.9,
            method="bonferroni",
            simultaneous=True,
            rate="estimate",
            se="se",
            region="region",
            by="year",
        )


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_a_headcount_of_nearly_all_the_weight_is_at_most_100_percent(
    engine: str,
) -> None:
    # The poor weigh 3.7e18 + 9 of 3.7e18 + 23: one float64 s (spacing 512
    # there), so P0 is 100 % to float64's precision; (s * 100) / s would be
    # 100.00000000000001, above 100 %.
    df = pd.DataFrame({"y": [100.0, 100, 150], "w": [3.7037036703703704e18, 9, 14]})
    frame: Any = {"pandas": df, "polars lazy": pl.from_pandas(df).lazy()}.get(engine)
    frame = duckdb.from_df(df) if frame is None else frame
    kw: dict[str, Any] = {"welfare": "y", "weight": "w", "line": 125}
    if engine == "pandas":
        out = poverty_table(frame, unit="percent", **kw)
    else:  # the variance cancels in the engine's sums of squares: warned of
        with pytest.warns(UserWarning, match="variance of P0 .* unit id"):
            out = poverty_table(frame, unit="percent", **kw)
    assert backends.col(out, "estimate").tolist()[0] == 100.0
    assert (backends.col(out, "estimate") <= 100).all()


_DEFF_FRAME = pd.DataFrame(
    {
        "y": [120.0, 90, 150, 130, 100, 160, 95, 140],
        "w": [2.5, 1, 2, 1, 3, 1, 2, 2],
        "s": [4, 3, 5, 2, 6, 3, 4, 4],
        "st": [1, 1, 1, 1, 2, 2, 2, 2],
        "psu": range(8),
    }
)


def _engine_frame(engine: str, df: pd.DataFrame) -> Any:
    frame: Any = {"pandas": df, "polars lazy": pl.from_pandas(df).lazy()}.get(engine)
    return duckdb.from_df(df) if frame is None else frame


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_unscaled_weights_warn_and_sizes_alone_give_inf_on_every_engine(
    engine: str,
) -> None:
    # R survey 4.1.1 (tests/reference/survey_deff_scale.R): weights w give
    # deff 2.7987378859589809, w / sum(w) NA with the warning "are weights
    # correctly scaled?"; povstat gives NaN with its warning. Sizes alone
    # (no survey weights) are no population: deff inf, as without weights.
    kw: dict[str, Any] = {"welfare": "y", "strata": "st", "psu": "psu"}
    kw |= {"line": 125, "unit": "percent", "alpha": 0}
    out = poverty_table(_engine_frame(engine, _DEFF_FRAME), weight="w", **kw)
    np.testing.assert_allclose(backends.col(out, "deff"), [2.7987378859589809])
    normalised = _DEFF_FRAME.assign(w=_DEFF_FRAME["w"] / 14.5)
    with pytest.warns(UserWarning, match="are the weights correctly scaled"):
        out = poverty_table(_engine_frame(engine, normalised), weight="w", **kw)
    assert np.isnan(backends.col(out, "deff")).all()
    out = poverty_table(_engine_frame(engine, _DEFF_FRAME), size="s", **kw)
    assert backends.col(out, "deff").tolist() == [np.inf]


# Greek capital and small sigma and alpha are written as escapes.
_CASE_PAIRS = [
    ("Ä", "ä"),
    ("\u03a3\u0391", "\u03c3\u03b1"),
    ("ß", "ẞ"),
    ("ǅ", "ǆ"),
    ("ÄB", "äb"),
]


@pytest.mark.parametrize(("first", "second"), _CASE_PAIRS)
def test_duckdb_folds_ascii_case_only(first: str, second: str) -> None:
    # DuckDB reads "Ä" and "ä" as two names (it folds ASCII letters only):
    # each selects its own column, so poverty_table reads each, P0 = 100 %
    # for welfare 100 and 0 % for 150 against the line 125 (by hand). An
    # ASCII pair ("Y", "y") is one name there, refused as before.
    rel = duckdb.sql(f'select 100.0 as "{first}", 150.0 as "{second}"')
    assert rel is not None
    for name, value in ((first, 100), (second, 150)):
        picked = duckdb.sql(f'select "{name}" from rel')
        assert picked is not None
        assert picked.fetchall()[0][0] == value
    kw: dict[str, Any] = {"line": 125, "unit": "percent", "alpha": 0}
    kw["lonely_psu"] = "certainty"  # one unit
    for name, want in ((first, 100.0), (second, 0.0)):
        out = poverty_table(rel, welfare=name, **kw)
        assert backends.col(out, "estimate").tolist() == [want]
    mixed = duckdb.sql(f'select 100.0 as "{first}Y", 150.0 as "{first}y"')
    assert mixed is not None
    with pytest.raises(ValueError, match="ASCII letters"):
        poverty_table(mixed, welfare=f"{first}y", **kw)


@pytest.mark.spark
def test_spark_reads_non_ascii_case_variants_as_one_name(spark: Any) -> None:
    # Spark (case-insensitive by default) matches "Ä" and "ä" as one name,
    # unlike DuckDB: refused there, naming both.
    frame = spark.createDataFrame([(100.0, 150.0)], schema="`Ä` double, `ä` double")
    with pytest.raises(ValueError, match=r"Spark reads as one name .*\['Ä', 'ä'\]"):
        poverty_table(frame, welfare="ä", line=125, unit="percent", alpha=0)


def _exact_watts(y: np.ndarray, z: np.ndarray, w: np.ndarray) -> float:
    # The Watts index in 50-digit decimal arithmetic from the float64 inputs
    # themselves: the reference a float64 computation can only approach.
    import decimal

    with decimal.localcontext() as ctx:
        ctx.prec = 50
        num = decimal.Decimal(0)
        den = decimal.Decimal(0)
        for yi, zi, wi in zip(y.tolist(), z.tolist(), w.tolist(), strict=True):
            den += decimal.Decimal(wi)
            if yi < zi:
                num += decimal.Decimal(wi) * (
                    decimal.Decimal(zi).ln() - decimal.Decimal(yi).ln()
                )
        return float(num / den)


def _watts_sample(line: float) -> pd.DataFrame:
    # One line in rupiah (ln z about 13) and welfare near it, as in a
    # province: ln z - ln y was off by the same eps |ln z| in every term, a
    # bias of up to 2.2e-14 relative in the index (1.6e-14 on numpy and 2.2e-14
    # on DuckDB with the line 501234); ln(z / y) stays within a few eps.
    rng = np.random.default_rng(24)
    n = 300
    z = np.full(n, line)
    y = np.round(z * rng.uniform(0.9, 1.01, n), 2)
    return pd.DataFrame({"y": y, "z": z, "w": rng.uniform(50, 500, n)})


@pytest.mark.parametrize("line", [501234.0, 550400.07, 612345.67])
@pytest.mark.parametrize(
    ("engine", "tolerance"),
    [
        # numpy's sums are exact: only the terms' rounding is left (4 eps).
        ("pandas", 9e-16),
        # the engines' own float64 sums of 300 terms add their rounding.
        ("polars lazy", 5e-15),
        ("duckdb", 5e-15),
        pytest.param("pyspark", 5e-15, marks=pytest.mark.spark),
    ],
)
def test_watts_is_within_rounding_of_the_exact_index_on_every_engine(
    line: float, engine: str, tolerance: float
) -> None:
    df = _watts_sample(line)
    exact = _exact_watts(df["y"].to_numpy(), df["z"].to_numpy(), df["w"].to_numpy())
    if engine == "pyspark":
        frame: Any = _spark_frame(backends.spark(), df, 2)
    else:
        frame = _engine_frame(engine, df)
    out = poverty_table(
        frame, welfare="y", line="z", weight="w", alpha=0, watts=True, unit="fraction"
    )
    got = backends.col(out, "estimate")[1]
    assert abs(got - exact) / exact < tolerance
    arrays = float(watts(df["y"], df["z"], weights=df["w"], unit="fraction"))
    assert abs(arrays - exact) / exact < 9e-16


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_watts_of_a_ratio_beyond_float64_stays_finite(engine: str) -> None:
    # z / y = 1e300 / 1e-300 overflows; its logarithm does not: by hand the
    # term is ln(1e300) - ln(1e-300) = 600 ln 10 = 1381.55..., over three
    # units of weight 1 (the others not poor): 600 ln(10) / 3.
    df = pd.DataFrame({"y": [1e-300, 2e300, 5.0], "z": [1e300, 1e300, 1.0]})
    out = poverty_table(
        _engine_frame(engine, df),
        welfare="y",
        line="z",
        alpha=0,
        watts=True,
        unit="fraction",
    )
    np.testing.assert_allclose(
        backends.col(out, "estimate")[1], 600 * np.log(10) / 3, rtol=1e-15
    )


def test_weights_divided_by_their_mean_give_an_infinite_deff_on_every_engine() -> None:
    # 40 weights divided by their mean total 40 up to the rounding of the
    # sum, which differs by engine (about 7e-15 above 40 here): the total is
    # the units, so deff is inf with the warning on every engine, never a
    # ratio near 1e15 without one.
    rng = np.random.default_rng(9)
    w = rng.uniform(1, 500, 40)
    d = pd.DataFrame({"y": rng.uniform(0, 3, 40), "w": w / w.mean()})
    kw: dict[str, Any] = {
        "welfare": "y",
        "line": 1.0,
        "unit": "percent",
        "weight": "w",
        "alpha": 0,
    }
    con = duckdb.connect()
    for df in (d, pl.from_pandas(d).lazy(), con.from_df(d)):
        with pytest.warns(UserWarning, match="weights total at most the units"):
            out = poverty_table(df, **kw)
        assert backends.col(out, "deff").tolist() == [np.inf]


def test_a_missing_by_column_named_line_is_reported_missing() -> None:
    # by="line" with several lines: a frame without such a column gets "not
    # found", not the advice to rename a column it does not have.
    d = pd.DataFrame({"y": [0.5, 2.0, 0.2], "z": [1.0, 1.0, 1.0]})
    kw: dict[str, Any] = {
        "welfare": "y",
        "lines": {"u": "z", "r": 1.0},
        "unit": "fraction",
        "alpha": 0,
        "by": "line",
    }
    with pytest.raises(ValueError, match=r"`by` column 'line' not found"):
        poverty_table(d, **kw)
    with pytest.raises(ValueError, match=r"has the name of the output column 'line'"):
        poverty_table(d.assign(line=["a", "b", "a"]), **kw)


@pytest.mark.parametrize("kind", ["polars", "polars lazy", "duckdb"])
@pytest.mark.parametrize("arg", ["welfare", "weight", "size", "line"])
@pytest.mark.parametrize("nan_policy", ["raise", "omit"])
def test_a_value_column_null_on_every_row_is_named_as_missing(
    kind: str, arg: str, nan_policy: Any
) -> None:
    # An all-null column has no dtype on polars (Null) or DuckDB (NULL):
    # the cause is that every value is missing, said so under either
    # policy (under "omit" every row would have zero weight), not "must
    # have a numeric dtype, got Unknown".
    cols = {"welfare": "y", "weight": "w", "size": "s", "line": "z"}
    data: dict[str, list[Any]] = {
        "y": [1.0, 5],
        "w": [1.0, 2],
        "s": [1.0, 3],
        "z": [4.0, 4],
    }
    data[cols[arg]] = [None, None]
    if kind == "duckdb":
        nulls = ", ".join(
            f"{'NULL' if c == cols[arg] else 'x.' + c} as {c}" for c in data
        )
        frame: Any = duckdb.sql(
            "select " + nulls + " from (values (1.0, 1.0, 1.0, 4.0), (5.0, 2.0, "
            "3.0, 4.0)) x(y, w, s, z)"
        )
    else:
        frame = pl.DataFrame(data)
        frame = frame.lazy() if kind == "polars lazy" else frame
    match = (
        rf"column '{cols[arg]}' \(argument `{arg}`\) is missing \(null\) on every row"
    )
    with pytest.raises(ValueError, match=match):
        poverty_table(
            frame,
            welfare="y",
            weight="w",
            size="s",
            line="z",
            alpha=0,
            unit="fraction",
            nan_policy=nan_policy,
        )


def test_pandas_sparse_columns_are_read_as_their_dense_values() -> None:
    # SparseArray welfare (fill value 0) and weights (NaN stored as the
    # fill value): the dense values. By hand, y = 1, 0, 5 under a line of
    # 4 with weights 1, missing (zero weight under "omit"), 2: P0 = 1/3;
    # the caller's columns stay sparse.
    df = pd.DataFrame(
        {
            "y": pd.arrays.SparseArray([1.0, 0.0, 5.0], fill_value=0.0),
            "w": pd.arrays.SparseArray([1.0, np.nan, 2.0]),
        }
    )
    dense = pd.DataFrame({"y": [1.0, 0.0, 5.0], "w": [1.0, np.nan, 2.0]})
    kw: dict[str, Any] = {"welfare": "y", "weight": "w", "line": 4.0, "alpha": 0}
    out = poverty_table(df, **kw, unit="fraction", nan_policy="omit")
    assert out["estimate"].tolist() == pytest.approx([1 / 3], rel=1e-15)
    pd.testing.assert_frame_equal(
        out, poverty_table(dense, **kw, unit="fraction", nan_policy="omit")
    )
    assert all(str(t).startswith("Sparse[") for t in df.dtypes)


@pytest.mark.parametrize(
    "kind", ["pandas", "polars", "polars lazy", "duckdb", "arrays"]
)
def test_float32_domain_labels_are_their_shortest_decimals_on_every_engine(
    kind: str,
) -> None:
    # float32 labels 0.1, 0.2 and 0.3 are shown as the figures typed (0.1,
    # not the 0.10000000149011612 a float32 holds), as the arrays layer
    # reads float32 labels; the output column is float64. Mapping keys
    # 0.1 and np.float32(0.2) match them; the float64 a float32 holds
    # (0.30000001192092896) is no label's key. Groups are the float32
    # values: 0.1 and 0.2 two domains, P0 1/2 each (welfare 1 and 2 under
    # 4, 5 and 8 not), 0.3 a domain of welfare 3 under 4: P0 1.
    d = pd.DataFrame(
        {
            "y": [1.0, 5, 2, 8, 3],
            "g": np.array([0.1, 0.1, 0.2, 0.2, 0.3], np.float32),
        }
    )
    kw: dict[str, Any] = {"unit": "percent", "alpha": 0}
    keys = {0.1: 4.0, np.float32(0.2): 4.0, 0.3: 4.0}
    held = {0.1: 4.0, 0.2: 4.0, float(np.float32(0.3)): 4.0}
    absent = r"no poverty line for domain\(s\) \[0\.3\]"
    if kind == "arrays":
        est = poverty_estimates(d["y"], keys, by=d["g"].to_numpy(), **kw)
        assert est.domain.tolist() == [0.1, 0.2, 0.3]
        assert est.estimate.tolist() == [50.0, 50.0, 100.0]
        with pytest.raises(ValueError, match=absent):
            poverty_estimates(d["y"], held, by=d["g"].to_numpy(), **kw)
        return
    frame: Any = {
        "pandas": d,
        "polars": pl.from_pandas(d),
        "polars lazy": pl.from_pandas(d).lazy(),
    }.get(kind)
    frame = duckdb.from_df(d) if frame is None else frame
    for line in (4.0, keys):
        out = backends.collect(
            poverty_table(frame, welfare="y", line=line, by="g", **kw)
        )
        assert backends.col(out, "g").tolist() == [0.1, 0.2, 0.3]
        assert backends.col(out, "estimate").tolist() == [50.0, 50.0, 100.0]
    with pytest.raises(ValueError, match=absent):
        backends.collect(poverty_table(frame, welfare="y", line=held, by="g", **kw))


@pytest.mark.spark
def test_float32_domain_labels_are_their_shortest_decimals_pyspark(
    spark: Any,
) -> None:
    # As on the other engines (test above): a Spark FloatType `by` column.
    from pyspark.sql import functions as F

    d = pd.DataFrame({"y": [1.0, 5, 2, 8, 3], "g": [0.1, 0.1, 0.2, 0.2, 0.3]})
    sdf = _spark_frame(spark, d, partitions=2).withColumn("g", F.col("g").cast("float"))
    keys = {0.1: 4.0, np.float32(0.2): 4.0, 0.3: 4.0}
    for line in (4.0, keys):
        out = backends.collect(
            poverty_table(sdf, welfare="y", line=line, by="g", unit="percent", alpha=0)
        )
        g, e = backends.col(out, "g"), backends.col(out, "estimate")
        got = sorted(zip(g, e, strict=True))
        assert got == [(0.1, 50.0), (0.2, 50.0), (0.3, 100.0)]


@pytest.mark.parametrize("kind", ["pandas", "polars lazy", "duckdb"])
def test_weight_times_size_underflowing_is_named_on_every_engine(kind: str) -> None:
    # 1e-200 x 1e-200 = 1e-400, below float64's smallest subnormal: those
    # two rows would get zero weight silently; refused as the array
    # functions refuse it, counting the rows.
    d = pd.DataFrame(
        {"y": [1.0, 6, 3], "w": [1e-200, 1e-200, 1], "s": [1e-200, 1e-200, 1]}
    )
    frame: Any = {"pandas": d, "polars lazy": pl.from_pandas(d).lazy()}.get(kind)
    frame = duckdb.from_df(d) if frame is None else frame
    match = (
        r"`weight` column 'w' times `size` column 's' must not underflow float64 "
        r"to 0 .*: 2 row\(s\) break this rule"
    )
    with pytest.raises(ValueError, match=match):
        poverty_table(
            frame, welfare="y", weight="w", size="s", line=5.0, alpha=0, unit="fraction"
        )


# Each unit its own PSU: W, 1, W weights for welfare 1, 3, 1 under a line of
# 2 give se = 300 W / (2W + 1)^2 in percent (worked in test_survey.py,
# test_units_as_psus_do_not_cancel): 7.499999925e-7 for W = 1e8, where the
# expanded sums of squared weights cancel to 0.
_UNITS = {"y": [1.0, 3.0, 1.0], "w": [1e8, 1.0, 1e8], "id": [5, 6, 7]}
_UNITS_KW: dict[str, Any] = {
    "welfare": "y",
    "line": 2.0,
    "weight": "w",
    "alpha": 0,
    "unit": "percent",
}


@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@pytest.mark.parametrize("backend", [*backends.PANDAS, "polars"])
def test_eager_units_as_psus_are_unique_ids(backend: str) -> None:
    frame = backends.make(backend, _UNITS)
    a = poverty_table(frame, **_UNITS_KW)
    b = poverty_table(frame, psu="id", **_UNITS_KW)
    for name in ["se", "deff", "n_psu", "df"]:
        np.testing.assert_array_equal(backends.col(a, name), backends.col(b, name))
    np.testing.assert_allclose(backends.col(a, "se"), [7.499999925e-7], rtol=3e-8)


@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@pytest.mark.parametrize("backend", ["polars-lazy", "duckdb"])
def test_lazy_units_as_psus_warn_where_their_sums_cancel(backend: str) -> None:
    # The engine's expanded sums cancel to a variance of 0 here (below 1e-6
    # of the sums of squares): warned of, naming the measure and the remedy;
    # a unit id as psu gives the deviations, without a warning.
    frame = backends.make(backend, _UNITS)
    with pytest.warns(UserWarning, match=r"variance of P0 .* pass a column holding"):
        poverty_table(frame, **_UNITS_KW)
    out = poverty_table(frame, psu="id", **_UNITS_KW)
    np.testing.assert_allclose(backends.col(out, "se"), [7.499999925e-7], rtol=3e-8)


@pytest.mark.parametrize("backend", ["polars-lazy", "duckdb"])
def test_lazy_units_as_psus_name_the_domain_that_cancels(backend: str) -> None:
    # Domain "a": t = 1, 1, 0 (poor, poor, not) with w = 1e4, 1e4, 1e-4, so
    # r = 2e4/T and 1 - r = 5e-9: sum w^2 (t - r)^2 = 2e8 * 2.5e-17 + 1e-8
    # = 1.5e-8, against sums of squares sum w^2 t^2 + 2 r sum w^2 t +
    # r^2 sum w^2 = 8e8: a fraction of 2e-17, below 1e-6. Domain "b" (t = 1,
    # 0, w = 5, 5, r = 0.5): 12.5 against 25 + 25 + 12.5, a fraction of 0.2,
    # not named.
    data = {
        "y": [1.0, 1.0, 3.0, 1.0, 3.0],
        "w": [1e4, 1e4, 1e-4, 5.0, 5.0],
        "d": ["a", "a", "a", "b", "b"],
    }
    frame = backends.make(backend, data)
    with pytest.warns(UserWarning, match=r"variance of P0 in domain 'a' \(1 figure"):
        poverty_table(
            frame, welfare="y", line=2.0, weight="w", by="d", alpha=0, unit="percent"
        )


@pytest.mark.parametrize(
    ("engine", "place"),
    [
        ("pandas", ", first at index label 0;"),
        ("polars", ", first at row position 1;"),
        ("polars lazy", ";"),
        ("duckdb", ";"),
    ],
)
def test_the_row_missing_a_value_is_named_as_its_frame_names_rows(
    engine: str, place: str
) -> None:
    # The pandas index is 2, 0, 1, 3 and the value missing is the second
    # row's, index label 0 (df.loc[1] is another row); polars names rows by
    # 0-based position (1); a lazy engine has no rows to name.
    df = pd.DataFrame({"y": [1.0, np.nan, 3.0, 4.0]}, index=[2, 0, 1, 3])
    frame = _engines(df)[engine]
    with pytest.raises(
        ValueError, match=rf"1 row\(s\) missing a value in all{re.escape(place)}"
    ):
        poverty_table(frame, welfare="y", line=2.0, alpha=0, unit="percent")


@pytest.mark.parametrize(
    ("engine", "place"),
    [
        ("pandas", " at index label 'b' "),
        ("polars", " at row position 1 "),
        ("polars lazy", " "),
        ("duckdb", " "),
    ],
)
def test_a_decimal_float64_cannot_hold_is_placed_by_the_same_rule(
    engine: str, place: str
) -> None:
    # Decimal 2.67499999999999999999 (read as 2.675) in the second row,
    # index label 'b' of the pandas frame (Python Decimals, an object
    # column) and DECIMAL(38, 25) elsewhere: the same rule as for missing
    # values names its row.
    values = [Decimal("1"), Decimal("2.67499999999999999999")]
    df = pd.DataFrame({"y": values}, index=["a", "b"])
    frame: Any = df
    if engine != "pandas":
        eager = pl.DataFrame({"y": values}, schema={"y": pl.Decimal(38, 25)})
        frame = {
            "polars": eager,
            "polars lazy": eager.lazy(),
            "duckdb": duckdb.from_arrow(eager.to_arrow()),
        }[engine]
    with pytest.raises(
        ValueError, match=rf"2\.67499999999999999999\d*(?:'\))?{re.escape(place)}\(its"
    ):
        poverty_table(frame, welfare="y", line=2.0, alpha=0, unit="percent")


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars lazy", "duckdb"])
def test_a_float32_fpc_column_is_its_shortest_decimal_on_every_engine(
    engine: str,
) -> None:
    # Float32 fpc 0.1 (stratum 0) and 0.3 (stratum 1) are the fractions
    # 0.1 and 0.3, as float32 welfare and weights are, on every engine (lazy
    # engines read the exact float32 0.10000000149..., se off by 4e-9).
    # By hand: line 125 makes units poor as [1, 0, 1] and [0, 1, 1]; P0 is
    # 4/6, each unit its own PSU, deviations from 2/3 are (1/3, -2/3, 1/3)
    # and (-2/3, 1/3, 1/3), 6/9 squared in each stratum; the variance is
    # ((1 - 0.1) + (1 - 0.3)) * 3/2 * (6/9) / 6**2 = 1.6 / 36, so the se is
    # 100 * sqrt(1.6) / 6 percent.
    df = pd.DataFrame(
        {
            "c": [100.0, 200, 50, 300, 110, 90],
            "st": [0, 0, 0, 1, 1, 1],
            "w": [1.0] * 6,
            "fpc": np.array([0.1] * 3 + [0.3] * 3, dtype=np.float32),
        }
    )
    kw: dict[str, Any] = {"welfare": "c", "line": 125, "unit": "percent"}
    kw |= {"alpha": 0, "strata": "st", "fpc": "fpc", "weight": "w"}
    with pytest.warns(UserWarning, match="weights total at most"):  # deff
        out = poverty_table(_engines(df)[engine], **kw)
    np.testing.assert_allclose(
        backends.col(out, "se"), [100 * np.sqrt(1.6) / 6], rtol=1e-14
    )


@pytest.mark.parametrize(
    "engine", ["arrays", "pandas", "polars", "polars lazy", "duckdb"]
)
def test_weights_whose_squares_leave_float64_give_one_answer_on_every_engine(
    engine: str,
) -> None:
    # Weights 5e-324 (subnormal), 1e-200 (squares underflow), 1e200 and
    # 1e308 (squares or total overflow), equal for the four units: the
    # weights are rescaled by a power of two (exact), on every engine, with
    # or without `psu`, never refused on one engine and computed on
    # another, and never a bare numpy warning (filterwarnings = error).
    # Welfare 1, 100, 200, 50 under 125, P0 = 3/4; deviations (1/4, 1/4,
    # -3/4, 1/4) square to 0.75 in all, var = 0.75 / (4 * 3) = 0.0625,
    # se = 25 %; P1: gaps 124/125, 25/125, 0, 75/125 average 224/500 =
    # 44.8 %. The subnormal weight times a gap was 5e-324 whatever the gap
    # (P1 of 75 %) before the rescaling.
    kw: dict[str, Any] = {"unit": "percent", "alpha": [0, 1]}
    for tiny in (5e-324, 1e-200, 1e200, 1e308):
        df = pd.DataFrame(
            {"c": [1.0, 100, 200, 50], "w": [tiny] * 4, "p": [1, 2, 3, 4]}
        )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "the weights total at most")
            if engine == "arrays":
                outs = [
                    poverty_estimates(df["c"], 125, weights=df["w"], psu=psu, **kw)
                    for psu in (None, df["p"])
                ]
                got = [(list(o.estimate), list(o.se)) for o in outs]
            else:
                frame = _engines(df)[engine]
                fkw = kw | {"welfare": "c", "line": 125, "weight": "w"}
                outs = [poverty_table(frame, psu=psu, **fkw) for psu in (None, "p")]
                got = [
                    (list(backends.col(o, "estimate")), list(backends.col(o, "se")))
                    for o in outs
                ]
        for est, se in got:
            np.testing.assert_allclose(est, [75.0, 44.8], rtol=1e-14)
            np.testing.assert_allclose(se[:1], [25.0], rtol=1e-14)


@pytest.mark.parametrize(
    "engine", ["arrays", "pandas", "polars", "polars lazy", "duckdb"]
)
def test_a_domain_of_vanishing_squares_is_one_outcome_on_every_engine(
    engine: str,
) -> None:
    # Weights 1 in stratum 0 and 1e-300 in stratum 1 of one domain: after
    # rescaling the domain by its power of two, the squares of stratum 1
    # (1e-600) still underflow to 0. Without `psu` every engine refuses (a
    # lazy engine's variance needs them); with a unit id as `psu` every
    # engine computes: welfare 1 and 3 under 2.5, P0 = 50 %. As separate
    # domains (`by`), each is rescaled by its own power of two: every
    # engine computes, 50 % in both.
    df = pd.DataFrame(
        {
            "y": [1.0, 3, 1, 3],
            "w": [1.0, 1, 1e-300, 1e-300],
            "b": [0, 0, 1, 1],
            "p": [1, 2, 3, 4],
        }
    )
    match = r"`weights` \(times `size`\) are too small for float64: their squares"
    kw: dict[str, Any] = {"unit": "percent", "alpha": 0}
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        if engine == "arrays":
            with pytest.raises(ValueError, match=match):
                poverty_estimates(df["y"], 2.5, weights=df["w"], strata=df["b"], **kw)
            est = poverty_estimates(
                df["y"], 2.5, weights=df["w"], strata=df["b"], psu=df["p"], **kw
            )
            assert est.estimate.tolist() == [50.0]
            est = poverty_estimates(df["y"], 2.5, weights=df["w"], by=df["b"], **kw)
            assert est.estimate.tolist() == [50.0, 50.0]
            return
        frame = _engines(df)[engine]
        kw |= {"welfare": "y", "line": 2.5, "weight": "w"}
        with pytest.raises(ValueError, match=match):
            backends.collect(poverty_table(frame, strata="b", **kw))
        out = backends.collect(poverty_table(frame, strata="b", psu="p", **kw))
        assert backends.col(out, "estimate").tolist() == [50.0]
        out = backends.collect(poverty_table(frame, by="b", **kw))
    assert sorted(backends.col(out, "estimate").tolist()) == [50.0, 50.0]


@pytest.mark.spark
def test_weights_whose_squares_leave_float64_pyspark(spark: Any) -> None:
    # As on the other engines (test above): weights 5e-324 and 1e308 are
    # rescaled by a power of two; P0 75 %, P1 44.8 %, se of P0 25 %.
    for tiny in (5e-324, 1e308):
        df = pd.DataFrame(
            {"c": [1.0, 100, 200, 50], "w": [tiny] * 4, "p": [1, 2, 3, 4]}
        )
        sdf = _spark_frame(spark, df, partitions=2)
        for psu in (None, "p"):
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "the weights total at most")
                out = poverty_table(
                    sdf, welfare="c", line=125, weight="w", psu=psu,
                    unit="percent", alpha=[0, 1],
                )  # fmt: skip
            np.testing.assert_allclose(
                backends.col(out, "estimate"), [75.0, 44.8], rtol=1e-14
            )
            np.testing.assert_allclose(backends.col(out, "se")[:1], [25.0], rtol=1e-14)


@pytest.mark.parametrize(
    ("index", "shown"),
    [
        (pd.MultiIndex.from_tuples([(1, "x"), (2, "y")]), r"\(2, 'y'\)"),
        (pd.MultiIndex.from_arrays([[1.5, 2.5], [True, False]]), r"\(2\.5, False\)"),
        (pd.Index(np.array([7, 9], np.uint8)), "9"),
    ],
)
def test_a_row_is_named_by_its_index_label_as_plain_values(
    index: pd.Index, shown: str
) -> None:
    # The second row misses its welfare: named by its index label, each
    # level of a MultiIndex a plain value, never numpy's np.int64(2).
    df = pd.DataFrame({"c": [100.0, np.nan]}, index=index)
    with pytest.raises(ValueError, match=rf"first at index label {shown};") as e:
        poverty_table(df, welfare="c", line=125, unit="percent", alpha=0)
    assert "np." not in str(e.value)


@pytest.mark.parametrize("engine", ["arrays", "pandas", "polars lazy", "duckdb"])
def test_a_masked_line_is_a_missing_line_on_every_path(engine: str) -> None:
    # numpy.ma.masked (or a 0-d masked array), as a line or a mapping
    # value, is a missing line, as a masked entry of an array is: the one
    # "missing" error of fgt and poverty_table, never "got MaskedConstant".
    # Unmasked, a 0-d masked array is its value: welfare 100 under 125,
    # 200 not, P0 = 50 %.
    df = pd.DataFrame({"c": [100.0, 200.0], "g": ["a", "a"]})
    masked: list[Any] = [np.ma.masked, np.ma.masked_array(125.0, mask=True)]

    def run(line: Any) -> float:
        by = "g" if isinstance(line, dict) else None
        kw: dict[str, Any] = {"alpha": 0, "unit": "percent"}
        if engine == "arrays":
            groups = None if by is None else df["g"]
            return float(np.ravel(fgt(df["c"], line, by=groups, **kw))[0])
        out = poverty_table(
            _engine_frame(engine, df), welfare="c", line=line, by=by, **kw
        )
        return float(backends.col(out, "estimate")[0])

    for value in masked:
        with pytest.raises(ValueError, match=r"`line` is missing \(NaN\): one line"):
            run(value)
        with pytest.raises(ValueError, match=r"`line` is missing \(NaN\) for domain"):
            run({"a": value})
    unmasked = np.ma.masked_array(125.0, mask=False)
    assert run(unmasked) == 50.0
    assert run({"a": unmasked}) == 50.0


# --------------------------------------------------------------------------
# Weights rescaled per domain
# --------------------------------------------------------------------------

_Y8 = [100.0, 150, 100, 150, 90, 130, 80, 140]
_B8 = list("aaaabbbb")
_WB = [1.3e-20, 1.7e-20, 1.1e-20, 2.9e-20]


@pytest.mark.parametrize("big", [1.0, 1e300, 1e150])
def test_a_domain_of_small_weights_beside_large_ones_is_exact(big: float) -> None:
    # Domain b: welfare 90, 130, 80, 140 with weights 1.3, 1.7, 1.1, 2.9
    # (times 1e-20); poor (below 125) are 90 and 80: (1.3 + 1.1) / 7.0 =
    # 24/70 = 34.285714285714285 %. Domain a: poor 100 (twice), weights
    # 1 + 3 of 10 = 40 %. Weights 1e300 or 1e150 in domain a rescale a
    # alone: b keeps its digits (one power of two for both pushed b's
    # weights into subnormals, 34.29111531190927).
    w = [big, 2 * big, 3 * big, 4 * big, *_WB]
    got = fgt(_Y8, 125.0, alpha=0, unit="percent", weights=w, by=_B8)
    assert got.tolist() == [40.0, 34.285714285714285]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        want = poverty_estimates(
            _Y8,
            125.0,
            alpha=0,
            unit="percent",
            weights=[1.0, 2, 3, 4, *_WB],
            by=_B8,
            psu=range(8),
        )
    df = pd.DataFrame({"y": _Y8, "w": w, "g": _B8, "p": range(8)})
    kw: dict[str, Any] = {"welfare": "y", "weight": "w", "by": "g", "line": 125.0}
    kw |= {"unit": "percent", "alpha": 0}
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        for engine, frame in _engines(df).items():
            for psu in ("p", None):
                out = _to_pandas(poverty_table(frame, psu=psu, **kw))
                out = out.sort_values("g")
                # exact on eager engines; lazy ones sum in float64 (1 ulp)
                np.testing.assert_allclose(
                    out["estimate"],
                    [40.0, 34.285714285714285],
                    rtol=0 if engine in ("pandas", "polars") else 4e-16,
                    err_msg=engine,
                )
                # SE of b from the design with b's weights as given x 1e20
                np.testing.assert_allclose(
                    out["se"].iloc[1], want.se[1], rtol=1e-14, err_msg=engine
                )


def test_positive_weights_are_never_called_zero() -> None:
    # Weights 1e300 in domain a, 1.3e-300 in b: b's own power of two keeps
    # them positive, so b has an estimate (P0: 90 and 80 below 125, weights
    # 1.3 + 1.1 of 7.0 = 34.285714285714285 %), never "all 0".
    w = [1e300, 2e300, 3e300, 4e300, *(x * 1e-280 for x in _WB)]
    got = fgt(_Y8, 125.0, alpha=0, unit="percent", weights=w, by=_B8)
    assert got.tolist() == [40.0, 34.285714285714285]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        est = poverty_estimates(
            _Y8, 125.0, alpha=0, unit="percent", weights=w, by=_B8, psu=range(8)
        )
    assert est.estimate.tolist() == [40.0, 34.285714285714285]


@pytest.mark.parametrize("engine", ["pandas", "polars lazy", "duckdb"])
def test_weights_whose_sum_of_squares_overflows_are_one_outcome(engine: str) -> None:
    # 100 weights of 1e154: each square (1e308) is finite, their sum is not.
    # Every engine rescales them (exact): welfare 100 and 150 alternate,
    # P0 = 50 %, each unit its own PSU: se = sqrt(n/(n-1) * sum u^2) with
    # u = (t - 0.5)/100 = +-0.005: sqrt(100/99 * 100 * 25e-6) = 0.0502519
    # (5.0252 %).
    df = pd.DataFrame({"y": [100.0, 150] * 50, "w": [1e154] * 100})
    frame = _engines(df)[engine]
    out = _to_pandas(
        poverty_table(
            frame, welfare="y", weight="w", line=125.0, alpha=0, unit="percent"
        )
    )
    # (the lazy engines' float64 sums round: within 1e-15 relative)
    np.testing.assert_allclose(out["estimate"], [50.0], rtol=1e-15)
    np.testing.assert_allclose(out["se"], [100 * np.sqrt(100 / 99 * 25e-4)], rtol=1e-13)


@pytest.mark.parametrize("scaled", [True, False])
@pytest.mark.parametrize("engine", ["pandas", "polars", "duckdb"])
def test_domain_rows_do_not_depend_on_overall(engine: str, scaled: bool) -> None:
    # The simulated survey's provinces, each province's weights times its
    # own power of two 2**e (e in [-900, 900)), or as simulated: each domain
    # row is the same with overall=True as without (its own power of two,
    # never the overall one; the strata, which nest in the provinces but not
    # in the overall domain, summed exactly either way), and P0 is the
    # float64 nearest the exact weighted share of poor persons (worked with
    # exact fractions here).
    from fractions import Fraction

    from povstat.datasets import simulate_survey

    s = simulate_survey(2000, year=2023, seed=1)
    assert isinstance(s, pd.DataFrame)
    s["prov"] = s["region_code"].str[:2]
    provs = sorted(s["prov"].unique())
    exps = np.random.default_rng(0).integers(-900, 900, len(provs))
    e = dict(zip(provs, exps * scaled, strict=True))
    w = s["weight"] * np.ldexp(1.0, s["prov"].map(e).to_numpy(np.int64))
    d = s[["welfare", "poverty_line", "size", "prov", "stratum", "psu"]].assign(
        weight=w
    )
    kw: dict[str, Any] = {"welfare": "welfare", "line": "poverty_line"}
    kw |= {"unit": "percent", "alpha": [0, 1, 2], "weight": "weight"}
    kw |= {"size": "size", "by": "prov", "strata": "stratum", "psu": "psu"}
    frame = _engines(d)[engine]
    cols = ["prov", "measure", "estimate", "n", "n_psu", "df"]
    key = ["prov", "measure"]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        alone = _to_pandas(poverty_table(frame, **kw)).sort_values(key)
        both = _to_pandas(poverty_table(frame, overall=True, **kw))
    both = both.dropna(subset=["prov"]).sort_values(key)
    assert alone[cols].to_numpy().tolist() == both[cols].to_numpy().tolist()
    rest = ["se", "lower", "upper", "rse_pct", "deff"]
    if engine == "duckdb":  # a few ulp, as a lazy engine sums in any order
        np.testing.assert_allclose(alone[rest], both[rest], rtol=1e-14)
    else:  # every column, bit for bit (NaN where both are NaN)
        np.testing.assert_array_equal(alone[rest].to_numpy(), both[rest].to_numpy())
    sub = s[s["prov"] == "17"]
    poor = sub["welfare"] < sub["poverty_line"]
    pairs = zip(sub["weight"], sub["size"], strict=True)
    mass = [Fraction(float(x)) * int(z) for x, z in pairs]
    exact = 100 * sum(m for m, p in zip(mass, poor, strict=True) if p) / sum(mass)
    row = both[(both["prov"] == "17") & (both["measure"] == both["measure"].iloc[0])]
    assert row["estimate"].tolist() == [float(exact)]


@pytest.mark.parametrize("tiny", [1e-20, 1e-30, 5e-324])
def test_counts_and_df_come_from_the_weights_as_given(tiny: float) -> None:
    # Weights 1e300 (units 1-4) and `tiny` (units 5-6, PSU 3): every weight
    # is positive, so n = 6 units, 3 PSUs, df = 3 - 1 stratum = 2 (each unit
    # its own PSU: 6 PSUs, df 5), however far below 1e300 `tiny` is (the
    # rescale by a power of two took 1e-30 to 0). Overall row of domains a
    # (6 units of 1e300 in PSUs 1-3) and b (4 units of `tiny`, PSUs 4-5):
    # n 10, 5 PSUs, df 4; b alone n 4, 2 PSUs, df 1.
    y = [100.0, 150, 100, 100, 90, 130]
    w = [1e300] * 4 + [tiny] * 2
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        warnings.filterwarnings("ignore", "the variance of")
        for psu, want in (([1, 1, 2, 2, 3, 3], [6, 3, 2]), (None, [6, 6, 5])):
            e = poverty_estimates(y, 125.0, unit="percent", alpha=0, weights=w, psu=psu)
            assert [e.n[0], e.n_psu[0], e.df[0]] == want
        df = pd.DataFrame({"y": y, "w": w, "p": [1, 1, 2, 2, 3, 3]})
        kw: dict[str, Any] = {"welfare": "y", "weight": "w", "line": 125.0}
        kw |= {"unit": "percent", "alpha": 0}
        d2 = pd.DataFrame(
            {
                "y": [100.0, 150] * 5,
                "g": list("aaaaaabbbb"),
                "w": [1e300] * 6 + [tiny] * 4,
                "p": [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
            }
        )
        for engine, frame in _engines(df).items():
            for col, want in (("p", [6, 3, 2]), (None, [6, 6, 5])):
                out = _to_pandas(poverty_table(frame, psu=col, **kw))
                got = out[["n", "n_psu", "df"]].iloc[0].tolist()
                assert got == want, engine
        for engine, frame in _engines(d2).items():
            out = _to_pandas(poverty_table(frame, psu="p", by="g", overall=True, **kw))
            out = out.sort_values("g", na_position="last")
            assert out[["n", "n_psu", "df"]].to_numpy().tolist() == [
                [6, 3, 2],
                [4, 2, 1],
                [10, 5, 4],
            ], engine


@pytest.mark.parametrize("engine", ["polars lazy", "duckdb"])
def test_many_domains_of_different_scales_on_lazy_engines(engine: str) -> None:
    # 300 domains, each of welfare 100 (weight 1) and 150 (weight 3) times
    # its own power of two 2**e (e from -850 to 849, a few hundred distinct
    # exponents): P0 = 1/(1 + 3) = 25 % in every domain, with the standard
    # errors of the unscaled weights (a power of two changes no ratio), as
    # on pandas; lazy engines built an expression nested once per exponent
    # (RecursionError).
    k = 300
    e = (np.arange(k) * 37) % 1700 - 850
    base = pd.DataFrame(
        {
            "y": np.tile([100.0, 150.0], k),
            "g": np.repeat(np.arange(k), 2),
            "w": np.tile([1.0, 3.0], k),
        }
    )
    scaled = base.assign(w=base["w"] * np.ldexp(1.0, np.repeat(e, 2)))
    kw: dict[str, Any] = {"welfare": "y", "weight": "w", "by": "g", "line": 125.0}
    kw |= {"unit": "percent", "alpha": 0}
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        want = poverty_table(base, **kw).sort_values("g")
        out = _to_pandas(poverty_table(_engines(scaled)[engine], **kw))
    out = out.sort_values("g")
    assert out["g"].tolist() == list(range(k))
    np.testing.assert_allclose(out["estimate"], 25.0, rtol=1e-15)
    np.testing.assert_allclose(out["se"], want["se"], rtol=1e-14)


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.floats(0.5, 100.0), min_size=9, max_size=9),
    st.lists(st.floats(50.0, 200.0), min_size=9, max_size=9),
    st.integers(-700, 700),
    st.integers(0, 2),
    st.booleans(),
)
def test_scaling_one_domain_changes_no_domain(
    w: list[float], y: list[float], k: int, which: int, with_psu: bool
) -> None:
    # A domain's estimates and standard errors use its own units alone, and
    # a power of two changes no ratio: multiplying one domain's weights by
    # 2**k leaves every domain's figures bit-identical, on every engine.
    by = np.repeat(["a", "b", "c"], 3)
    scaled = np.where(by == "abc"[which], np.ldexp(np.array(w), k), w)
    kw: dict[str, Any] = {"line": 125.0, "alpha": [0, 1], "unit": "percent"}
    psu = np.arange(9) if with_psu else None
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        warnings.filterwarnings("ignore", "the variance of")
        a = poverty_estimates(y, weights=w, by=by, psu=psu, **kw)
        b = poverty_estimates(y, weights=scaled, by=by, psu=psu, **kw)
        assert a.estimate.tolist() == b.estimate.tolist()
        assert a.se.tolist() == b.se.tolist()
        for engine in ("pandas", "polars lazy", "duckdb"):
            outs = [
                _to_pandas(
                    poverty_table(
                        _engines(
                            pd.DataFrame({"y": y, "w": ws, "g": by, "p": range(9)})
                        )[engine],
                        welfare="y",
                        weight="w",
                        by="g",
                        psu="p" if with_psu else None,
                        **kw,
                    )
                ).sort_values(["g", "measure"])
                for ws in (w, scaled)
            ]
            for c in ("estimate", "se"):
                assert outs[0][c].tolist() == outs[1][c].tolist(), (engine, c)


@pytest.mark.parametrize("engine", ["arrays", "pandas", "polars lazy", "duckdb"])
@pytest.mark.parametrize(
    ("y", "z"), [([-1e308, 1e308], 1e308), ([-1.7e308, 1.7e308], 1.7e308)]
)
def test_a_finite_gap_whose_difference_overflows_is_computed(
    engine: str, y: list[float], z: float
) -> None:
    # line - welfare = 2e308 overflows, but the gap (z - y) / z is 2 for the
    # first unit and 0 for the second (not poor): P1 = (2 + 0) / 2 = 1,
    # P2 = (4 + 0) / 2 = 2; every square is finite.
    if engine == "arrays":
        got = fgt(y, z, alpha=[1, 2], unit="fraction").tolist()
        assert got == [1.0, 2.0]
        est = poverty_estimates(y, z, alpha=[1, 2], unit="fraction")
        assert est.estimate.tolist() == [1.0, 2.0]
        return
    frame = _engines(pd.DataFrame({"y": y}))[engine]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "the weights total at most")
        out = _to_pandas(
            poverty_table(frame, welfare="y", line=z, alpha=[1, 2], unit="fraction")
        )
    assert out["estimate"].tolist() == [1.0, 2.0]


@pytest.mark.parametrize(
    "labels",
    [
        pd.Categorical(np.array([0.1, 0.1, 0.7, 0.7], dtype="f4")),
        pd.Categorical(np.array([0.1, 0.1, 0.7, 0.7], dtype="f4"), ordered=True),
        pd.Series([0.1, 0.1, 0.7, 0.7], dtype="float32[pyarrow]"),
        pd.Series([0.1, 0.1, 0.7, 0.7], dtype="float16"),
        pd.Series([0.1, 0.1, 0.7, 0.7], dtype="Float32"),
        pd.Series([0.1, 0.1, 0.7, 0.7], dtype="float32"),
        pd.array(
            pa.array(np.array([0.1, 0.1, 0.7, 0.7], dtype="f2")),
            dtype=pd.ArrowDtype(pa.float16()),
        ),
        pd.array(
            pa.array(np.array([0.1, 0.1, 0.7, 0.7], dtype="f4")).dictionary_encode(),
            dtype=pd.ArrowDtype(pa.dictionary(pa.int32(), pa.float32())),
        ),
        pd.array(
            pa.array(np.array([0.1, 0.1, 0.7, 0.7], dtype="f2"))
            .dictionary_encode()
            .cast(pa.dictionary(pa.int8(), pa.float16())),
            dtype=pd.ArrowDtype(pa.dictionary(pa.int8(), pa.float16())),
        ),
    ],
    ids=[
        "categorical",
        "ordered",
        "arrow",
        "f2",
        "Float32",
        "f4",
        "halffloat",
        "dict-float",
        "dict-halffloat",
    ],
)
def test_short_float_labels_are_their_shortest_decimals_in_every_container(
    labels: Any,
) -> None:
    # float32 0.1 is 0.10000000149011612: its label is the shortest decimal
    # that reads back as it, 0.1 (as the array functions read it), in any
    # pandas container; the overall row's label is missing. Welfare 100 and
    # 150 under 125 in each domain: P0 = 50 %.
    d = pd.DataFrame({"y": [100.0, 150, 100, 150], "g": labels})
    out = poverty_table(
        d, welfare="y", line=125.0, alpha=0, unit="percent", by="g", overall=True
    )
    assert out["g"].tolist()[:2] == [0.1, 0.7]
    assert out["g"].isna().tolist() == [False, False, True]
    assert out["estimate"].tolist() == [50.0, 50.0, 50.0]


def test_short_float_labels_of_polars_and_pyarrow_are_their_shortest_decimals() -> None:
    # As on pandas: float16 0.1 is 0.0999755859375 and float32 0.1 is
    # 0.10000000149011612; each label is the shortest decimal, 0.1 and 0.7.
    # Welfare 100 and 150 under 125 in each domain: P0 = 50 %.
    g16 = pa.array(np.array([0.1, 0.1, 0.7, 0.7], dtype="f2"))
    g32 = pa.array(np.array([0.1, 0.1, 0.7, 0.7], dtype="f4"))
    y = [100.0, 150, 100, 150]
    frames: list[Any] = [
        pl.DataFrame({"y": y, "g": pl.from_arrow(g16)}),
        pl.DataFrame({"y": y, "g": pl.from_arrow(g16)}).lazy(),
        pa.table({"y": y, "g": g16}),
        pa.table({"y": y, "g": g16.dictionary_encode()}),
        pa.table({"y": y, "g": g32.dictionary_encode()}),
    ]
    for frame in frames:
        out = _to_pandas(
            poverty_table(
                frame, welfare="y", line=125.0, alpha=0, unit="percent", by="g"
            )
        )
        assert out["g"].tolist() == [0.1, 0.7]
        assert out["estimate"].tolist() == [50.0, 50.0]


@pytest.mark.parametrize("role", ["by", "strata", "psu", "fpc"])
def test_halffloat_design_columns_read_as_numpy_float16(role: str) -> None:
    # pandas compares a pyarrow halffloat column unequal to itself: its keys
    # were once all called missing. Keys 1, 2 (by, strata, PSU) and an FPC
    # of 10 and 20 are exact in float16, so the table equals the float64
    # one. Two strata of two PSUs, one unit each, weights 5 and 10; welfare 100 and
    # 150 in each domain under 125: P0 = 1/2 = 50 %.
    base = {"y": [100.0, 150, 150, 100], "h": [1, 1, 2, 2], "p": [1, 2, 3, 4]}
    base |= {"f": [10, 10, 20, 20], "g": [1, 1, 2, 2], "w": [5, 5, 10, 10]}
    col = {"by": "g", "strata": "h", "psu": "p", "fpc": "f"}[role]
    kw: dict[str, Any] = {"strata": "h", "psu": "p", "by": "g", "weight": "w"}
    kw |= {"fpc": "f"} if role == "fpc" else {}
    want = poverty_table(
        pd.DataFrame(base).astype(float),
        welfare="y",
        line=125.0,
        alpha=0,
        unit="percent",
        **kw,
    )
    half = pd.DataFrame(base).astype(float)
    half[col] = pd.array(
        pa.array(np.array(base[col], dtype="f2")), dtype=pd.ArrowDtype(pa.float16())
    )
    got = poverty_table(half, welfare="y", line=125.0, alpha=0, unit="percent", **kw)
    assert got["g"].tolist() == want["g"].tolist() == [1.0, 2.0]
    pd.testing.assert_frame_equal(got.drop(columns="g"), want.drop(columns="g"))
    assert got["estimate"].tolist() == [50.0, 50.0]


_DICTIONARY_VALUES = [
    (pa.string(), ["a", "b"]),
    (pa.int8(), [1, 2]),
    (pa.float64(), [0.1, 0.7]),
    (pa.date32(), [date(2020, 1, 1), date(2021, 1, 1)]),
    (pa.timestamp("ns"), [datetime(2020, 1, 1), datetime(2021, 1, 1)]),
    (pa.decimal128(5, 2), [Decimal("1.10"), Decimal("2.20")]),
]


@pytest.mark.parametrize(("value_type", "labels"), _DICTIONARY_VALUES)
@pytest.mark.parametrize("container", ["pandas", "pyarrow"])
def test_dictionary_by_columns_of_every_value_type(
    value_type: Any, labels: list[Any], container: str
) -> None:
    # A dictionary-encoded `by` column of text, integers, floats, dates,
    # timestamps or decimals: its labels as the plain column gives them, the
    # overall row's label missing, the column kept dictionary-encoded (int8
    # indices) as given. P0 = 50 % in each domain and overall (welfare 100
    # and 150 under 125).
    arrow = pa.dictionary(pa.int8(), value_type)
    g = pa.array([labels[0], labels[0], labels[1], labels[1]], value_type)
    g = g.dictionary_encode().cast(arrow)
    y = [100.0, 150, 100, 150]
    frame: Any = (
        pd.DataFrame({"y": y, "g": pd.array(g, dtype=pd.ArrowDtype(arrow))})
        if container == "pandas"
        else pa.table({"y": y, "g": g})
    )
    kw: dict[str, Any] = {"welfare": "y", "alpha": 0, "unit": "percent", "by": "g"}
    out = poverty_table(frame, line=125.0, overall=True, **kw)
    column = out["g"].array._pa_array if container == "pandas" else out["g"]
    assert column.type == arrow
    assert column.to_pylist() == [*labels, None]
    assert _to_pandas(out)["estimate"].tolist() == [50.0, 50.0, 50.0]
    mapped = poverty_table(frame, line=dict.fromkeys(labels, 125.0), **kw)
    assert _to_pandas(mapped)["estimate"].tolist() == [50.0, 50.0]


def test_nan_in_a_float_dictionary_is_a_missing_label() -> None:
    # NaN is a value of a pyarrow dictionary of floats: missing, as in a
    # plain float column (1 row of 4).
    g = pa.array(np.array([0.1, np.nan, 0.7, 0.7], dtype="f4")).dictionary_encode()
    d = pd.DataFrame(
        {"y": [100.0, 150, 100, 150], "g": pd.array(g, dtype=pd.ArrowDtype(g.type))}
    )
    with pytest.raises(
        ValueError, match="`by` column 'g' must not hold missing values: 1 row"
    ):
        poverty_table(d, welfare="y", line=125.0, alpha=0, unit="percent", by="g")


# An en dash and a typographic apostrophe written as escapes.
_NON_ASCII = [
    "é",
    "É",
    "\u2013",
    "\u2019",
    "😀",
    "中文",
    "Nusa Tenggara\u2013Timur",
    "e\u0301",
]


@pytest.mark.parametrize("role", ["by", "strata", "psu"])
@pytest.mark.parametrize("collate", ["", " COLLATE NOCASE"])
def test_duckdb_non_ascii_text_keys_match_pandas_and_polars(
    role: str, collate: str
) -> None:
    # Any UTF-8 text as a key on DuckDB, with or without a collation that
    # merges none of the labels (each label on its own under NOCASE except
    # 'é'/'É', left out there): the same table as pandas and polars lazy.
    # Each label holds welfare 100 and 150 under line 125, weight 1, so each
    # domain's P0 is 1/2 = 50 % and the overall P0 is 50 %.
    labels = [g for g in _NON_ASCII if not (collate and g == "É")]
    y = [100.0, 150.0] * len(labels)
    g = [lab for lab in labels for _ in range(2)]
    k = [(i // 2) % 2 for i in range(len(g))]
    d = pd.DataFrame({"y": y, "k": k, "g": g})
    con = duckdb.connect()
    con.register("d", d)
    rel = con.sql(f"select y, k, g{collate} as g from d")
    kw: dict[str, Any] = {"welfare": "y", "unit": "percent", "alpha": 0, role: "g"}
    kw |= {"strata": "k"} if role == "psu" else {}
    kw |= {"overall": True} if role == "by" else {}
    want = poverty_table(d, line=125.0, **kw)
    got = poverty_table(rel, line=125.0, **kw).df()
    lazy = poverty_table(pl.from_pandas(d).lazy(), line=125.0, **kw).collect()
    by = ["g"] if role == "by" else []
    order = [*by, "estimate"]
    want = want.sort_values(by or ["estimate"], na_position="last")
    got = got.sort_values(by or ["estimate"], na_position="last")
    lazy_pd = lazy.to_pandas().sort_values(by or ["estimate"], na_position="last")
    for out in (got, lazy_pd):
        assert out["estimate"].tolist() == want["estimate"].tolist()
        assert out["se"].tolist() == want["se"].tolist()
        assert (
            out[order[0]].tolist()[: len(labels)]
            == want[order[0]].tolist()[: len(labels)]
        )
    assert want["estimate"].tolist() == [50.0] * len(want)
    if role == "by":
        assert sorted(got["g"].dropna()) == sorted(labels)


def test_duckdb_nocase_merging_non_ascii_text_is_refused() -> None:
    # COLLATE NOCASE groups 'é' with 'É' (two labels on pandas and polars):
    # refused naming the argument and the column.
    con = duckdb.connect()
    rel = con.sql(
        "select y, g COLLATE NOCASE as g from "
        "(values (100.0, 'é'), (150.0, 'É'), (100.0, '中文')) t(y, g)"
    )
    match = r"`by` column 'g' groups distinct text values as one label"
    with pytest.raises(TypeError, match=match):
        poverty_table(rel, welfare="y", line=125.0, alpha=0, unit="percent", by="g")


_TEXT_ROWS = "(100.0, 1, 'A'), (150.0, 1, 'a'), (100.0, 2, 'A'), (150.0, 2, 'a')"
_TEXT_ROWS_REVERSED = (
    "(150.0, 2, 'a'), (100.0, 2, 'A'), (150.0, 1, 'a'), (100.0, 1, 'A')"
)
_TEXT_ROWS_REVERSED = (
    "(150.0, 2, 'a'), (100.0, 2, 'A'), (150.0, 1, 'a'), (100.0, 1, 'A')"
)


@pytest.mark.parametrize("role", ["by", "strata", "psu"])
@pytest.mark.parametrize("rows", [_TEXT_ROWS, _TEXT_ROWS_REVERSED])
def test_duckdb_collated_text_keys_are_refused_by_name(role: str, rows: str) -> None:
    # COLLATE NOCASE makes DuckDB group 'A' with 'a' (pandas and polars keep
    # two labels): refused naming the argument and column, in any row order
    # and with a line mapping too; a plain VARCHAR gives two domains.
    con = duckdb.connect()
    rel = con.sql(f"select y, k, g COLLATE NOCASE as g from (values {rows}) t(y, k, g)")
    kw: dict[str, Any] = {"welfare": "y", "unit": "percent", "alpha": 0, role: "g"}
    kw |= {"strata": "k"} if role == "psu" else {}
    match = rf"`{role}` column 'g' groups distinct text values as one label"
    with pytest.raises(TypeError, match=match):
        poverty_table(rel, line=125.0, **kw)
    if role == "by":
        with pytest.raises(TypeError, match=match):
            poverty_table(rel, line={"a": 125.0, "A": 125.0}, **kw)
    plain = con.sql(f"select y, k, g from (values {rows}) t(y, k, g)")
    if role == "by":
        # 'A': welfare 100 (poor, P0 100 %); 'a': 150 (P0 0 %)
        out = poverty_table(plain, line=125.0, **kw).df()
        assert dict(zip(out["g"], out["estimate"], strict=True)) == {
            "A": 100.0,
            "a": 0.0,
        }


@pytest.mark.spark
@pytest.mark.parametrize(
    ("expr", "match"),
    [
        ("c collate UTF8_LCASE", "string collate UTF8_LCASE: Spark would group"),
        ("c collate UNICODE_CI", "string collate UNICODE_CI: Spark would group"),
        ("make_ym_interval(k, 0)", "interval year to month: Spark cannot hand"),
        ("parse_json(cast(k as string))", "variant: Spark cannot order it"),
    ],
)
@pytest.mark.parametrize("role", ["by", "psu"])
def test_spark_collated_interval_and_variant_keys_are_refused_by_name(
    spark: Any, expr: str, match: str, role: str
) -> None:
    base = f"select * from values {_TEXT_ROWS.replace('.0,', '.0D,')} as t(y, k, c)"
    sdf = spark.sql(f"select y, k, {expr} as g from ({base})")
    kw: dict[str, Any] = {"welfare": "y", "unit": "percent", "alpha": 0, role: "g"}
    kw |= {"strata": "k"} if role == "psu" else {}
    with pytest.raises(
        TypeError, match=rf"`{role}` column 'g' is of Spark type {match}"
    ):
        poverty_table(sdf, line=125.0, **kw)
    if role == "by" and "collate" in expr:
        with pytest.raises(TypeError, match=match):
            poverty_table(sdf, line={"a": 125.0}, **kw)
        # cast to a plain STRING: two domains, 'A' poor (100 %), 'a' not
        plain = spark.sql(f"select y, cast({expr} as string) as g from ({base})")
        out = poverty_table(plain, line=125.0, **kw).select("g", "estimate")
        assert {r["g"]: r["estimate"] for r in out.collect()} == {
            "A": 100.0,
            "a": 0.0,
        }


@pytest.mark.parametrize("engine", ["arrays", "pandas", "polars lazy", "duckdb"])
def test_weight_times_size_overflow_is_named(engine: str) -> None:
    # 2**600 x 2**600 = 2**1200, beyond float64 (about 2**1024), though
    # each is finite: the message names the product, not "too large"
    # weights or their squares.
    kw: dict[str, Any] = {"alpha": 0, "unit": "percent"}
    y = [100.0, 150, 100, 150]
    big = [2.0**600] * 4
    if engine == "arrays":
        match = r"`weights` times `size` overflow float64 on 4 row\(s\), first at row 0"
        with pytest.raises(ValueError, match=match):
            poverty_estimates(y, 125.0, weights=big, size=big, **kw)
        with pytest.raises(ValueError, match=match):
            fgt(y, 125.0, weights=big, size=big, **kw)
        return
    frame = _engines(pd.DataFrame({"y": y, "w": big, "s": big}))[engine]
    with pytest.raises(
        ValueError,
        match=r"`weight` column 'w' times `size` column 's' must not overflow",
    ):
        backends.collect(
            poverty_table(frame, welfare="y", weight="w", size="s", line=125.0, **kw)
        )


def test_a_pandas_longdouble_column_is_refused_naming_its_dtype() -> None:
    # narwhals knows no longdouble (its dtype is "Unknown"): the message
    # names the pandas dtype and the conversion.
    d = pd.DataFrame({"y": np.array([100, 150], dtype=np.longdouble)})
    name = str(d["y"].dtype)
    with pytest.raises(
        TypeError, match=rf"got {name} \(pandas\); convert it first \(to float64\)"
    ):
        poverty_table(d, welfare="y", line=125.0, alpha=0, unit="percent")


@pytest.mark.parametrize("kind", ["pandas", "polars", "polars-lazy", "duckdb"])
def test_a_wide_integer_column_is_refused_whole_with_advice(kind: str) -> None:
    # 10**18 is a short decimal the array functions read, but an integer
    # column is judged from its range (10**18 >= 2**53): refused whole, the
    # message stating the rule and advising a cast to DOUBLE. Cast, it is
    # read: weights 10**18 and 10**18, welfare 90 and 120, line 100 -> one
    # of two equal weights poor, P0 = 50 % (by hand).
    df = pd.DataFrame({"y": [90.0, 120.0], "w": [10**18, 10**18]})
    native = backends.from_pandas(kind, df)
    with pytest.raises(
        ValueError,
        match=r"column 'w' holds integers of 2\*\*53 or more.*refused whole once "
        r"its range reaches 2\*\*53.*\(10\*\*18\).*cast the column to a float "
        r"\(DOUBLE",
    ):
        poverty_table(
            native, welfare="y", line=100.0, weight="w", unit="percent", alpha=0
        )
    cast = backends.from_pandas(kind, df.astype({"w": np.float64}))
    out = _to_pandas(
        poverty_table(
            cast, welfare="y", line=100.0, weight="w", unit="percent", alpha=0
        )
    )
    assert out["estimate"].tolist() == [50.0]


def test_lazy_polars_reads_dotted_spaced_and_backticked_names() -> None:
    # R-style names on a lazy polars frame, every role: polars reads them as
    # written, so they are not refused there (DuckDB still refuses them).
    # By hand: line 125, stratum 1 holds PSUs of welfare 90 (poor) and 200,
    # stratum 2 of 130 and 110 (poor), equal weights: P0 = 2/4 = 50 %. The
    # linearized values (y - P0) / N are +-0.125, so each stratum adds
    # 2/1 * (0.125^2 + 0.125^2) = 0.0625 and SE = sqrt(0.125) = 35.355 %.
    df = pd.DataFrame(
        {
            "kode.kab": [1, 1, 2, 2],
            "nks `b": [1, 2, 3, 4],
            "cons.pc": [90.0, 200.0, 130.0, 110.0],
            "bobot rt ": [10.0, 10.0, 10.0, 10.0],
            " gk.line": [125.0] * 4,
        }
    )
    kw: dict[str, Any] = {
        "welfare": "cons.pc",
        "weight": "bobot rt ",
        "strata": "kode.kab",
        "psu": "nks `b",
        "line": " gk.line",
        "unit": "percent",
        "alpha": 0,
    }
    eager = poverty_table(df, **kw)
    lazy = poverty_table(pl.from_pandas(df).lazy(), **kw).collect()
    for got in (eager["estimate"].tolist(), lazy["estimate"].to_list()):
        assert got == [50.0]
    for se in (eager["se"].tolist(), lazy["se"].to_list()):
        np.testing.assert_allclose(se, [100 * np.sqrt(0.125)], rtol=1e-14)
    with pytest.raises(ValueError, match="lazy duckdb frame would read"):
        poverty_table(duckdb.from_df(df), **kw)
