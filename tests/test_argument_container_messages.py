"""Messages and readings for arguments in an unexpected container or type.

A dict, dict view, set or generator given as an array is named as such; a
None for the unused pair of decompose_headcount_change is explained; a 0-d
array is accepted as `seed` as every other scalar accepts one; an all-null
column without a type (polars ``Null``, DuckDB ``NULL``) is read as missing
values; the frame adapters point to parse_columns for text columns.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd
import pytest

from povstat import decompose_headcount_change, rank_confidence_sets, rate_change
from povstat.frames import with_implied_population, with_reliability


def test_a_dict_is_named_with_what_to_pass() -> None:
    before: Any = {"Kota Malang": 4.37, "Kota Batu": 3.79}
    with pytest.raises(TypeError, match="`before` is a dict") as info:
        rate_change(before, [4.26, 3.31], unit="percent")
    msg = str(info.value)
    assert "pandas.Series(before)" in msg
    assert "list(before.values())" in msg
    assert "non-numbers" not in msg


@pytest.mark.parametrize(
    ("after", "said"),
    [
        ({"a": 4.26}.values(), "`after` is a dict view"),
        ({4.26}, "`after` is a set, which has no order"),
        ((v for v in [4.26]), "`after` is a generator"),
    ],
    ids=["dict-values", "set", "generator"],
)
def test_views_sets_and_generators_are_named(after: Any, said: str) -> None:
    with pytest.raises(TypeError, match=said) as info:
        rate_change([4.37], after, unit="percent")
    assert "pass a list or an array" in str(info.value)


def test_none_for_the_unused_pair_is_explained() -> None:
    with pytest.raises(ValueError, match="give either") as info:
        decompose_headcount_change(
            11.32,
            11.24,
            cast(Any, None),
            cast(Any, None),
            unit="percent",
            headcount_before=301.85,
            headcount_after=302.58,
        )
    msg = str(info.value)
    assert "`population_before`, `population_after` are None" in msg
    assert "leave out the pair you do not use" in msg


def test_seed_accepts_a_zero_d_array() -> None:
    est = np.array([10.0, 20.0, 30.0])
    se = np.array([1.0, 1.0, 1.0])
    kwargs: dict[str, Any] = {
        "se": se,
        "descending": True,
        "level": 0.9,
        "method": "bootstrap",
        "simultaneous": False,
        "n_draws": 200,
    }
    # The same seed as an int and as a 0-d array draws the same sets.
    a = rank_confidence_sets(est, seed=7, **kwargs)
    b = rank_confidence_sets(est, seed=cast(Any, np.array(7)), **kwargs)
    np.testing.assert_array_equal(a.lower, b.lower)
    np.testing.assert_array_equal(a.upper, b.upper)
    with pytest.raises(TypeError, match="`seed` must be an int"):
        rank_confidence_sets(est, seed=cast(Any, np.array(7.5)), **kwargs)


def test_an_all_null_polars_column_is_read_as_missing() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame({"rse_pct": [None, None]})
    for got in (
        with_reliability(frame, bands="bps"),
        with_reliability(frame.lazy(), bands="bps").collect(),
    ):
        # Missing RSEs have no band: null, as for a Float64 column of nulls.
        assert got["reliability"].to_list() == [None, None]
    # A rate of nulls beside numbers: no implied population (missing).
    rates = pl.DataFrame(
        {"poverty_rate_pct": [None, None], "poor_thousands": [26.0, 37.21]}
    )
    got = with_implied_population(rates, unit="percent")
    assert got["implied_population"].to_list() == [None, None]
    # A column of other objects is still refused.
    with pytest.raises(TypeError, match="must be numeric"):
        with_reliability(pl.DataFrame({"rse_pct": [object(), None]}), bands="bps")


def test_an_all_null_duckdb_column_is_read_as_missing() -> None:
    duckdb = pytest.importorskip("duckdb")
    rel = duckdb.sql("select NULL as rse_pct union all select NULL")
    got = with_reliability(rel, bands="bps").fetchall()
    assert got == [(None, None), (None, None)]


def test_text_columns_are_pointed_to_parse_columns() -> None:
    frame = pd.DataFrame({"poverty_rate_pct": ["10,86"], "poor_thousands": ["28,01"]})
    with pytest.raises(TypeError, match="must be numeric, got str") as info:
        with_implied_population(frame, unit="percent")
    assert "parse_columns(df, ['poverty_rate_pct'], locale='id')" in str(info.value)


def test_a_pandas_period_column_is_told_to_become_dates() -> None:
    # Quarters are not one calendar month each (monthly periods are read:
    # tests/test_frames_monthly_periods.py).
    from povstat.frames import with_changes

    d = pd.DataFrame(
        {
            "region_code": ["a", "a"],
            "period": pd.PeriodIndex(["2022Q1", "2023Q1"], freq="Q"),
            "poverty_rate_pct": [10.0, 9.0],
        }
    )
    with pytest.raises(TypeError, match=r"got period\[Q-DEC\]") as info:
        with_changes(d, unit="percent")
    assert "df['period'].dt.to_timestamp()" in str(info.value)


def test_an_empty_frame_is_named_as_the_frame() -> None:
    from povstat.frames import aggregate_regions

    d = pd.DataFrame(
        {
            "region_code": ["a"],
            "period": [1.0],
            "poverty_rate_pct": [10.0],
            "poor_thousands": [1.0],
            "g": ["x"],
        }
    ).iloc[:0]
    with pytest.raises(ValueError, match="`df` is empty") as info:
        aggregate_regions(d, by="g", unit="percent")
    assert "the frame has no rows" in str(info.value)


def test_by_accepts_a_pandas_index_of_names() -> None:
    from povstat.frames import with_ranks

    d = pd.DataFrame(
        {
            "period": [2023, 2023, 2023],
            "g": ["x", "x", "y"],
            "region_code": ["a", "b", "c"],
            "poverty_rate_pct": [10.0, 12.0, 5.0],
        }
    )
    got = with_ranks(d, by=cast(Any, d.columns[:2]), descending=True)
    # Group (2023, x): b 12 ranks 1st, a 10 2nd, of 2; group (2023, y): c 1 of 1.
    assert got["rank"].tolist() == [2.0, 1.0, 1.0]
    assert got["rank_count"].tolist() == [2, 2, 1]


def test_poverty_table_by_accepts_a_pandas_index_of_names() -> None:
    from povstat import poverty_table

    d = pd.DataFrame({"g": ["x", "x", "y", "y"], "welfare": [50.0, 150.0, 80.0, 200.0]})
    got = poverty_table(
        d,
        welfare="welfare",
        line=100.0,
        unit="fraction",
        alpha=0,
        by=cast(Any, pd.Index(["g"])),
    )
    # Unweighted: x has one of two below 100 (0.5), y one of two (0.5).
    assert got["g"].tolist() == ["x", "y"]
    assert got["estimate"].tolist() == [0.5, 0.5]
