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
        # Read through their digits (DuckDB hands HUGEINT and DECIMAL(38, 0)
        # over as Arrow decimals, VARINT as bytes), by the same rule.
        *(
            (
                f"duckdb {kind}",
                con.sql(f"select * from (values {rows}) t(poor, pop)").select(
                    f"poor::{kind} as poor, pop::{kind} as pop"
                ),
            )
            for kind in ("HUGEINT", "DECIMAL(38,0)", "VARINT")
        ),
        ("polars Decimal(38,0)", pl.from_pandas(pdf).cast(pl.Decimal(38, 0))),
        (
            "polars lazy Decimal(38,0)",
            pl.from_pandas(pdf).cast(pl.Decimal(38, 0)).lazy(),
        ),
    ]


@pytest.mark.parametrize(
    "kind", [k for k, _ in _frames([1], [1])], ids=lambda k: k.replace(" ", "-")
)
def test_with_rate_refuses_integer_float64_cannot_hold(kind: str) -> None:
    frames = dict(_frames([10, B], [100, 2**60]))
    df = frames[kind]
    # Row 1 holds 2**53 + 1 poor: read as 2**53 it would give another rate.
    # Its row is named on every engine: a pandas row by its label, an eager
    # frame's by its position, a lazy frame's (polars LazyFrame, DuckDB) by
    # its position among the rows collected.
    if kind.startswith("pandas"):
        where = "index label 1"
    elif kind.startswith(("duckdb", "polars lazy")):
        where = "row position 1 of the collected rows"
    else:
        where = "row position 1"
    with pytest.raises(
        ValueError,
        match=rf"(`poor`|column 'poor') holds an integer .*: {B} at {where} \(",
    ):
        ps.with_rate(df, unit="percent", population="pop", headcount="poor")


_ADAPTERS: dict[str, Any] = {
    # Each adapter reads the integer column `v` (2**53 + 1 in row 1).
    "with_rate": lambda df: ps.with_rate(
        df, unit="percent", population="v", headcount="ok"
    ),
    "with_headcount": lambda df: ps.with_headcount(
        df, unit="percent", population="v", rate="ok"
    ),
    "with_implied_population": lambda df: ps.with_implied_population(
        df, unit="percent", headcount="v", rate="ok"
    ),
    "with_ranks": lambda df: ps.with_ranks(df, descending=True, rate="v"),
    "with_changes": lambda df: ps.with_changes(df, unit="percent", rate="v"),
}


@pytest.mark.parametrize("adapter", sorted(_ADAPTERS))
@pytest.mark.parametrize(
    "kind", ["BIGINT", "UBIGINT", "HUGEINT", "DECIMAL(38,0)", "VARINT"]
)
def test_every_adapter_names_the_row_on_duckdb(adapter: str, kind: str) -> None:
    # Two regions, one period each; row 1 holds 2**53 + 1 in `v`, which each
    # adapter reads (as population, headcount or rate): the message names
    # that row as the collected rows' position 1, whatever the integer type.
    con = duckdb.connect()
    df = con.sql(
        f"select region_code, period, ok, v::{kind} as v from (values "
        f"('a', DATE '2022-03-01', 10.0, 100), ('b', DATE '2022-03-01', 10.0, {B})"
        ") t(region_code, period, ok, v)"
    )
    with pytest.raises(
        ValueError,
        match=rf"(`v`|column 'v') holds an integer .*: {B} at row position 1 "
        r"of the collected rows \(",
    ):
        _ADAPTERS[adapter](df)


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
    # A VARINT (BIGNUM) column is read as its integers, as read_bps_table
    # reads it: 12 of 48 is 25 %; one of 10**400 persons, beyond float64,
    # is refused naming its row, never read as infinity.
    wide = con.sql("select '12'::VARINT as poor, '48'::VARINT as pop")
    out = ps.with_rate(wide, unit="percent", population="pop", headcount="poor")
    assert out.select("rate").fetchall() == [(25.0,)]
    assert out.types[:2] == wide.types  # handed back as they came
    vast = con.sql(f"select 1 as poor, '1{'0' * 400}'::VARINT as pop")
    with pytest.raises(
        ValueError,
        match=r"`pop` holds a number too large for float64 .* at row "
        r"position 0 of the collected rows",
    ):
        ps.with_rate(vast, unit="percent", population="pop", headcount="poor")


@pytest.mark.spark
@pytest.mark.parametrize("kind", ["long", "decimal(38,0)", "decimal(20,0)"])
def test_spark_integer_columns_refused_naming_the_row(kind: str) -> None:
    # Row 1 holds 2**53 + 1 poor (a LongType; a DecimalType of scale 0, read
    # through its digits): named by its position among the rows collected.
    df = backends.spark().sql(
        f"select cast(poor as {kind}) as poor, cast(pop as {kind}) as pop "
        f"from values (10, 100), ({B}, {2**60}) as t(poor, pop)"
    )
    with pytest.raises(
        ValueError,
        match=rf"(`poor`|column 'poor') holds an integer .*: {B} at row "
        r"position 1 of the collected rows \(",
    ):
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
