"""A negative zero is read as 0 everywhere: the same checks, the same results."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povstat as ps

NEGATIVE_ZEROS: list[Any] = [-0.0, Decimal("-0"), Decimal("-0.00"), np.float32(-0.0)]

# Finite non-negative figures with -0.0 mixed in often.
figures = st.one_of(
    st.just(-0.0),
    st.just(0.0),
    st.floats(min_value=0.0, max_value=1e6, allow_nan=False),
)


@pytest.mark.parametrize("zero", NEGATIVE_ZEROS)
def test_headcount_to_rate_refuses_negative_zero_population(zero: Any) -> None:
    # 1 poor person out of 0 people: refused as for +0.0, never -inf.
    with pytest.raises(ValueError, match=r"must not exceed `population`.*1\.0 > 0\.0"):
        ps.headcount_to_rate(1.0, zero, unit="percent")
    with pytest.raises(ValueError, match="must not exceed `population`"):
        ps.headcount_to_rate([1.0, 2.0], [zero, 20.0], unit="percent")


@pytest.mark.parametrize("zero", NEGATIVE_ZEROS)
def test_pooled_rate_refuses_negative_zero_population(zero: Any) -> None:
    # Region 1: 1 poor of 0 people; refused as for 0.0 (before: pooled
    # (1 + 2) / 20 = 15 %, the impossible region kept).
    with pytest.raises(ValueError, match="must not exceed `population`"):
        ps.pooled_rate([1.0, 2.0], unit="percent", population=[zero, 20.0])


@pytest.mark.parametrize("zero", NEGATIVE_ZEROS)
def test_zero_over_negative_zero_is_missing(zero: Any) -> None:
    # 0 poor of 0 people: no rate (NaN), as 0 / 0.0 is, not -0.0 or -inf.
    out = ps.headcount_to_rate(0.0, zero, unit="percent")
    assert np.isnan(out)


def test_negative_zero_headcount_gives_positive_zero() -> None:
    # 0 of 20 is 0 %, with a + sign: -0.0 / 20 would print "-0.0".
    out = ps.headcount_to_rate([-0.0], [20.0], unit="percent")
    assert out[0] == 0.0
    assert not np.signbit(out[0])


def test_caller_data_unchanged() -> None:
    pop = np.array([-0.0, 20.0])
    ps.headcount_to_rate([0.0, 2.0], pop, unit="percent")
    assert np.signbit(pop[0])


@pytest.mark.parametrize("engine", ["pandas", "polars", "duckdb"])
def test_adapters_refuse_negative_zero_population(engine: str) -> None:
    df = pd.DataFrame(
        {
            "region_code": ["A", "B"],
            "period": [2023, 2023],
            "poor_thousands": [1.0, 2.0],
            "poverty_rate_pct": [5.0, 10.0],
            "pop": [-0.0, 20.0],
            "g": ["G", "G"],
        }
    )
    frame: Any = df
    if engine == "polars":
        import polars as pl

        frame = pl.from_pandas(df)
    elif engine == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        con = duckdb.connect()
        con.register("t", df)
        frame = con.sql("select * from t")
    with pytest.raises(ValueError, match="must not exceed"):
        ps.with_rate(frame, unit="percent", population="pop")
    with pytest.raises(ValueError, match="must not exceed"):
        ps.aggregate_regions(frame, unit="percent", by="g", population="pop")


@given(
    st.lists(st.tuples(figures, figures), min_size=1, max_size=6),
)
def test_negative_zero_same_as_zero(pairs: list[tuple[float, float]]) -> None:
    # Every -0.0 replaced by +0.0 gives the same outcome: the same rates
    # (to the bit, sign included) or the same refusal.
    h = [p[0] for p in pairs]
    n = [p[1] for p in pairs]
    plus = [[abs(v) for v in h], [abs(v) for v in n]]

    def outcome(hh: list[float], nn: list[float]) -> object:
        try:
            rates = ps.headcount_to_rate(hh, nn, unit="percent")
            pooled = ps.pooled_rate(hh, unit="percent", population=nn).rate
        except ValueError as exc:
            return str(exc)
        return (
            [(float(v), bool(np.signbit(v))) for v in rates],
            (float(pooled), bool(np.signbit(pooled))),
        )

    got, want = outcome(h, n), outcome(*plus)
    assert repr(got) == repr(want)


@pytest.mark.parametrize("engine", ["pandas", "pandas-object", "polars-lazy", "duckdb"])
@pytest.mark.parametrize("order", [[0, 1, 2], [1, 0, 2], [2, 1, 0]])
def test_group_label_zero_whatever_the_row_order(engine: str, order: list[int]) -> None:
    # Groups 0.0 (regions A and B, one labelled -0.0) and 1.0 (region C):
    # one group 0.0 with pooled headcount 1 + 2 = 3, shown as 0.0 (not
    # -0.0) in every row order, as sum_counts shows it.
    df = pd.DataFrame(
        {
            "region_code": ["A", "B", "C"],
            "period": [2023] * 3,
            "poor_thousands": [1.0, 2.0, 4.0],
            "poverty_rate_pct": [10.0, 20.0, 40.0],
            "g": [0.0, -0.0, 1.0],
        }
    ).iloc[order]
    frame: Any = df
    if engine == "pandas-object":
        frame = df.astype({"g": object})
    elif engine == "polars-lazy":
        import polars as pl

        frame = pl.from_pandas(df).lazy()
    elif engine == "duckdb":
        duckdb = pytest.importorskip("duckdb")
        con = duckdb.connect()
        con.register("t", df)
        frame = con.sql("select * from t")
    out: Any = ps.aggregate_regions(frame, unit="percent", by="g")
    if engine == "polars-lazy":
        out = out.collect().to_pandas()
    elif engine == "duckdb":
        out = out.df()
    out = out.sort_values("group")
    assert out["group"].tolist() == [0.0, 1.0]
    assert not any(np.signbit(np.asarray(out["group"], dtype=float)))
    assert out["pooled_headcount"].tolist() == [3.0, 4.0]
