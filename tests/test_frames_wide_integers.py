"""Frame adapters read integer columns by the one rule of the array layer.

An integer beyond 2**53 that float64 cannot hold (2**53 + 1 =
9007199254740993, whose nearest float64 is 2**53 = 9007199254740992) is
refused, naming the column and the row, on every engine; one float64 holds
(2**60) is read exactly.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

import backends
import povstat as ps
from povstat.statements import check_statements

B = 2**53 + 1  # the smallest positive integer float64 cannot hold


def _frames(poor: list[int], pop: list[int]) -> list[tuple[str, Any]]:
    """The same two integer columns on each engine and integer type."""
    pdf = pd.DataFrame({"poor": pd.Series(poor, dtype="int64"), "pop": pop})
    con = duckdb.connect()
    rows = ", ".join(f"({a}, {b})" for a, b in zip(poor, pop, strict=True))
    return [
        ("pandas int64", pdf),
        ("pandas uint64", pdf.astype("uint64")),
        ("pandas Int64", pdf.astype("Int64")),
        ("pandas int64[pyarrow]", pdf.astype("int64[pyarrow]")),
        ("polars Int64", pl.from_pandas(pdf)),
        ("polars UInt64", pl.from_pandas(pdf).cast(pl.UInt64)),
        ("polars Int128", pl.from_pandas(pdf).cast(pl.Int128)),
        ("polars lazy", pl.from_pandas(pdf).lazy()),
        (
            "duckdb BIGINT",
            con.sql(f"select * from (values {rows}) t(poor, pop)").select(
                "poor::BIGINT as poor, pop::BIGINT as pop"
            ),
        ),
        (
            "duckdb UBIGINT",
            con.sql(f"select * from (values {rows}) t(poor, pop)").select(
                "poor::UBIGINT as poor, pop::UBIGINT as pop"
            ),
        ),
    ]


@pytest.mark.parametrize(
    "kind", [k for k, _ in _frames([1], [1])], ids=lambda k: k.replace(" ", "-")
)
def test_with_rate_refuses_integer_float64_cannot_hold(kind: str) -> None:
    frames = dict(_frames([10, B], [100, 2**60]))
    df = frames[kind]
    # Row 1 holds 2**53 + 1 poor: read as 2**53 it would give another rate.
    where = "index label 1" if kind.startswith("pandas") else "row position 1"
    with pytest.raises(ValueError, match=rf"`poor` holds an integer .*{B} at {where}"):
        ps.with_rate(df, unit="percent", population="pop", headcount="poor")


@pytest.mark.parametrize(
    "kind", [k for k, _ in _frames([1], [1])], ids=lambda k: k.replace(" ", "-")
)
def test_with_rate_reads_integers_float64_holds(kind: str) -> None:
    # 2**58 of 2**60 people are poor: 25 %, exactly (2**58 / 2**60 = 1/4);
    # 10 of 100: 10 %. Both integers beyond 2**53 are powers of two, which
    # float64 holds.
    df = dict(_frames([10, 2**58], [100, 2**60]))[kind]
    out = ps.with_rate(df, unit="percent", population="pop", headcount="poor")
    np.testing.assert_array_equal(backends.col(out, "rate"), [10.0, 25.0])


def test_with_ranks_refuses_integer_float64_cannot_hold() -> None:
    # 2**53 + 1 and 2**53 would tie as floats: ranks [1, 1] instead of [1, 2].
    df = pl.DataFrame({"region_code": ["a", "b"], "poverty_rate_pct": [B, B - 1]})
    with pytest.raises(
        ValueError, match=rf"`poverty_rate_pct` .*{B} at row position 0"
    ):
        ps.with_ranks(df, descending=True)


def test_with_headcount_refuses_negative_integer() -> None:
    # -(2**53 + 1): the sign is kept in the message.
    df = pd.DataFrame({"r": [10.0], "pop": pd.array([-B], dtype="Int64")})
    with pytest.raises(ValueError, match=rf"`pop` .*-{B} at index label 0"):
        ps.with_headcount(df, unit="percent", population="pop", rate="r")


def test_duckdb_types_named_in_messages() -> None:
    con = duckdb.connect()
    # A HUGEINT is an integer, not a decimal.
    huge = con.sql(f"select {2**80 + 1}::HUGEINT as poor, {2**90}::HUGEINT as pop")
    with pytest.raises(ValueError, match=r"column 'poor' holds an integer .*"):
        ps.with_rate(huge, unit="percent", population="pop", headcount="poor")
    # Types narwhals cannot name are named as DuckDB names them.
    span = con.sql("select INTERVAL 1 DAY as poor, 10 as pop")
    with pytest.raises(TypeError, match=r"must be numeric, got INTERVAL \(duckdb\)"):
        ps.with_rate(span, unit="percent", population="pop", headcount="poor")
    wide = con.sql("select '12'::VARINT as poor, 10 as pop")
    # Its values reach Python as bytes: the message says so, and what to cast.
    with pytest.raises(
        TypeError,
        match=r"must be numeric, got (VARINT|BIGNUM) \(duckdb\): DuckDB's "
        r"arbitrary-precision integer.*cast it to BIGINT",
    ):
        ps.with_rate(wide, unit="percent", population="pop", headcount="poor")


@pytest.mark.spark
def test_spark_long_column_refused() -> None:
    spark = backends.spark()
    df = spark.createDataFrame([(10, 100), (B, 2**60)], "poor long, pop long")
    with pytest.raises(ValueError, match=rf"`poor` holds an integer .*{B}"):
        ps.with_rate(df, unit="percent", population="pop", headcount="poor")


@pytest.mark.spark
@pytest.mark.parametrize(
    ("expr", "kind"),
    [("INTERVAL '1' YEAR", "interval year"), ("make_interval(0, 1)", "interval")],
)
def test_spark_month_intervals_are_named_not_crashed(expr: str, kind: str) -> None:
    # Intervals of months have no Arrow form: the column is named with its
    # Spark type and the advice to cast it, not Spark's own TypeError.
    df = backends.spark().sql(
        f"select 'Kota Batu' as `Kabupaten/Kota`, {expr} as `2022`"
    )
    with pytest.raises(ValueError, match=rf"column\(s\) '2022' \({kind}\)"):
        ps.read_bps_table(df, locale="en", errors="report")


@pytest.mark.skipif(
    bool(np.finfo(np.longdouble).eps >= np.finfo(np.float64).eps),
    reason="long double is float64 on this platform",
)
def test_pandas_longdouble_rates_are_narrowed_or_refused_by_name() -> None:
    # 1 + 2**-60 in long double is 1.0000000000000000009, which float64
    # cannot hold (its nearest float64 is 1.0): read as float64 it ties
    # with row 0's 1.0, ranks [1, 1, 3] instead of [2, 1, 3]. Refused,
    # naming the column and the index label, as povstat.rank refuses the
    # array, in every frame adapter that reads rates.
    ld = np.array([1, 1, 0.5], dtype=np.longdouble)
    ld[1] += np.longdouble(2) ** -60
    df = pd.DataFrame({"region_code": list("abc"), "poverty_rate_pct": ld})
    where = r"`poverty_rate_pct` .*1\.0000000000000000009.* at index label 1"
    with pytest.raises(ValueError, match=where):
        ps.with_ranks(df, descending=True)
    with pytest.raises(ValueError, match=where):
        ps.with_rank_sets(
            df.assign(se=1.0), se="se", descending=True, level=0.9,
            method="sidak", simultaneous=False,
        )  # fmt: skip
    with pytest.raises(ValueError, match=r"`values` .*0009.* at index 1 "):
        ps.rank(ld, descending=True)  # the array layer, for comparison
    statements = pd.DataFrame(
        {"kind": ["rank"], "region": ["a"], "period": [2023], "stated_rank": [1],
         "descending": [True]}
    )  # fmt: skip
    data = df.assign(period=2023, poor_thousands=1.0)
    with pytest.raises(ValueError, match=r"1\.0000000000000000009"):
        check_statements(statements, data, unit="percent", persons_per_poor_unit=1000)
    # Values float64 holds (2.0, 0.5, and 4.26 parsed in long double) are
    # read as the figures they are: ranks by hand, highest first.
    held = np.array(["4.26", "2", "0.5"], dtype=np.longdouble)
    ok = ps.with_ranks(df.assign(poverty_rate_pct=held), descending=True)
    np.testing.assert_array_equal(ok["rank"], [1.0, 2.0, 3.0])
