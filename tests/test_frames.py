"""Tests of the dataframe adapters on pandas (three dtypes) and polars."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from typing import Any, Literal

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import polars as pl
import polars.testing
import pytest
from hypothesis import given, settings
from numpy.typing import NDArray

import povstat
from backends import BACKENDS, NAN, POLARS, col, collect, from_pandas, make, run
from povstat import (
    Ties,
    annualized_change,
    decompose_headcount_change,
    headcount_to_rate,
    implied_population,
    rank,
    rate_to_headcount,
)

# The test tables name their columns plainly ("rate", "headcount",
# "population"); the adapters default to the bundled data's names, so the
# tests name the columns they read.
with_headcount = partial(povstat.with_headcount, rate="rate", population="population")
with_rate = partial(povstat.with_rate, headcount="headcount", population="population")
with_implied_population = partial(
    povstat.with_implied_population, rate="rate", headcount="headcount"
)
with_ranks = partial(povstat.with_ranks, rate="rate", region="region")
with_changes = partial(povstat.with_changes, rate="rate", region="region")
with_change_from_base = partial(
    povstat.with_change_from_base, rate="rate", region="region"
)
with_headcount_decomposition = partial(
    povstat.with_headcount_decomposition,
    rate="rate",
    headcount="headcount",
    region="region",
)

CHANGE_COLUMNS = [
    "previous_period",
    "previous_value",
    "elapsed_years",
    "change_points",
    "change_relative_pct",
    "change_points_per_year",
    "change_compound_pct_per_year",
]
BASE_COLUMNS = [
    "base_value",
    "elapsed_years",
    "change_points",
    "change_relative_pct",
    "change_points_per_year",
    "change_compound_pct_per_year",
]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def close(actual: Any, expected: Any, **kwargs: Any) -> None:
    np.testing.assert_allclose(
        np.asarray(actual, np.float64),
        np.asarray(expected, np.float64),
        rtol=kwargs.get("rtol", 1e-12),
        atol=kwargs.get("atol", 1e-12),
        equal_nan=True,
    )


def shuffled_labels(n: int, seed: int = 0) -> list[str]:
    """Non-default pandas index: shuffled string labels."""
    labels = [f"row{i}" for i in range(n)]
    rng = np.random.default_rng(seed)
    return [labels[i] for i in rng.permutation(n)]


# --------------------------------------------------------------------------
# Plain references, written with sorted pandas group-bys
# --------------------------------------------------------------------------


def reference_changes(
    region: list[Any], years: list[float], value: list[float]
) -> dict[str, NDArray[np.float64]]:
    """Previous-row changes by sort + groupby.shift; `years` already numeric."""
    d = pd.DataFrame({"region": region, "t": years, "v": value})
    s = d.sort_values(["region", "t"], kind="stable")
    g = s.groupby("region", sort=False)
    pv = g["v"].shift()
    pt = g["t"].shift()
    elapsed = s["t"] - pt
    points = s["v"] - pv
    rel = (points / pv * 100).where(pv != 0)
    comp = (((s["v"] / pv) ** (1 / elapsed) - 1) * 100).where(pv != 0)
    out = pd.DataFrame(
        {
            "previous_value": pv,
            "elapsed_years": elapsed,
            "change_points": points,
            "change_relative_pct": rel,
            "change_points_per_year": points / elapsed,
            "change_compound_pct_per_year": comp,
        }
    ).reindex(d.index)
    return {c: out[c].to_numpy(np.float64) for c in out.columns}


# --------------------------------------------------------------------------
# Elementwise adapters
# --------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_with_headcount_matches_array_function(backend: str) -> None:
    rate = [4.26, 10.0, NAN, 0.0]
    pop = [886.85, 2.0, 5.0, 7.0]
    df = make(backend, {"rate": rate, "population": pop}, index=shuffled_labels(4))
    out = run(with_headcount, df, unit="percent")
    close(col(out, "headcount"), rate_to_headcount(rate, pop, unit="percent"))
    # Worked by hand: 4.26 % of 886.85 = 37.77981; 10 % of 2 = 0.2.
    close(col(out, "headcount")[:2], [37.77981, 0.2])


@pytest.mark.parametrize("backend", BACKENDS)
def test_with_headcount_fraction_and_custom_names(backend: str) -> None:
    df = make(backend, {"p0": [0.0426], "n": [886.85]})
    out = run(with_headcount, df, unit="fraction", rate="p0", population="n")
    close(col(out, "headcount"), [37.77981])


@pytest.mark.parametrize("backend", BACKENDS)
def test_with_rate_matches_array_function(backend: str) -> None:
    h = [37.78, 0.0, NAN, 1.0]
    n = [886.85, 0.0, 3.0, 4.0]
    df = make(backend, {"headcount": h, "population": n})
    out = run(with_rate, df, unit="percent")
    close(col(out, "rate"), headcount_to_rate(h, n, unit="percent"))
    assert np.isnan(col(out, "rate")[1])  # population 0 -> missing
    close(col(out, "rate")[3], 25.0)  # 1 of 4


@pytest.mark.parametrize("backend", BACKENDS)
def test_with_implied_population_matches_array_function(backend: str) -> None:
    r = [4.26, 0.0, NAN]
    h = [37.78, 0.0, 1.0]
    df = make(backend, {"rate": r, "headcount": h})
    out = run(with_implied_population, df, unit="percent")
    close(col(out, "implied_population"), implied_population(r, h, unit="percent"))
    assert np.isnan(col(out, "implied_population")[1])  # rate 0 -> missing


def test_nan_inside_pyarrow_float_is_missing() -> None:
    # A NaN (not <NA>) inside a pyarrow-backed column: pandas does not see it
    # as missing, and pyarrow would rank it above every value.
    df = pl.DataFrame(
        {
            "region": ["A", "B", "C"],
            "rate": [NAN, 5.0, 1.0],
            "population": [10.0, 10.0, 10.0],
        }
    ).to_pandas(use_pyarrow_extension_array=True)
    assert not df["rate"].isna().any()
    out = with_headcount(df, unit="percent")
    assert pd.isna(out["headcount"].iloc[0])
    close(col(out, "headcount")[1:], [0.5, 0.1])
    ranked = with_ranks(df, descending=True)
    close(col(ranked, "rank"), [NAN, 1, 2])
    close(col(ranked, "rank_count"), [2, 2, 2])


# --------------------------------------------------------------------------
# with_changes
# --------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_changes_interleaved_regions(backend: str) -> None:
    df = make(
        backend,
        {
            "region": ["B", "A", "B", "A"],
            "period": [2017, 2017, 2018, 2018],
            "rate": [1.0, 1.1, 1.2, 1.3],
        },
        index=shuffled_labels(4),
    )
    out = run(with_changes, df, unit="percent")
    # Worked by hand: B 1.2/1.0 - 1 = +20 %, A 1.3/1.1 - 1 = +18.18 %.
    close(col(out, "change_relative_pct"), [NAN, NAN, 20.0, 18.181818181818], rtol=1e-9)
    close(col(out, "change_points"), [NAN, NAN, 0.2, 0.2])
    close(col(out, "previous_value"), [NAN, NAN, 1.0, 1.1])
    close(col(out, "previous_period"), [NAN, NAN, 2017, 2017])
    close(col(out, "elapsed_years"), [NAN, NAN, 1.0, 1.0])
    assert list(collect(out).columns)[-7:] == CHANGE_COLUMNS


@pytest.mark.parametrize("backend", BACKENDS)
def test_changes_follow_period_order_not_row_order(backend: str) -> None:
    df = make(
        backend,
        {"region": ["X"] * 3, "period": [2019, 2017, 2018], "rate": [10.0, 12.0, 11.0]},
        index=shuffled_labels(3),
    )
    out = run(with_changes, df, unit="percent")
    # By hand: 2018 is 11 - 12 = -1 pp, 2019 is 10 - 11 = -1 pp.
    close(col(out, "change_points"), [-1.0, NAN, -1.0])
    close(col(out, "previous_period"), [2018, NAN, 2017])


@pytest.mark.parametrize("backend", BACKENDS)
def test_changes_missing_value_gives_null_there_and_next(backend: str) -> None:
    df = make(
        backend,
        {
            "region": ["I"] * 3,
            "period": [2015, 2016, 2017],
            "rate": [11.13, NAN, 10.12],
        },
    )
    out = run(with_changes, df, unit="percent")
    for name in CHANGE_COLUMNS[3:]:
        assert np.isnan(col(out, name)).all(), name
    # The previous period is still the row before, not searched further back.
    close(col(out, "previous_period"), [NAN, 2015, 2016])


@pytest.mark.parametrize("backend", BACKENDS)
def test_changes_absent_period_spans_the_real_gap(backend: str) -> None:
    df = make(
        backend,
        {"region": ["I", "I"], "period": [2017, 2015], "rate": [10.12, 11.13]},
    )
    out = run(with_changes, df, unit="percent")
    close(col(out, "elapsed_years"), [2.0, NAN])
    # By hand: -1.01 pp over 2 years = -0.505 pp/yr; (10.12/11.13)**0.5 - 1.
    close(col(out, "change_points"), [-1.01, NAN], rtol=1e-9)
    close(col(out, "change_points_per_year"), [-0.505, NAN], rtol=1e-9)
    close(col(out, "change_compound_pct_per_year"), [-4.6455, NAN], rtol=1e-4)


@pytest.mark.parametrize("backend", BACKENDS)
def test_changes_semiannual_datetime_periods(backend: str) -> None:
    df = make(
        backend,
        {
            "region": ["N", "N"],
            "period": [dt.datetime(2019, 9, 1), dt.datetime(2019, 3, 1)],
            "rate": [11.04, 11.24],
        },
    )
    out = run(with_changes, df, unit="percent")
    # March -> September is 0.5 years: -0.20 pp / 0.5 = -0.40 pp/yr.
    close(col(out, "elapsed_years"), [0.5, NAN])
    close(col(out, "change_points_per_year"), [-0.40, NAN], rtol=1e-9)
    prev = collect(out)["previous_period"]
    assert next(iter(prev)) == dt.datetime(2019, 3, 1)


@pytest.mark.parametrize("backend", POLARS)
def test_changes_date_periods_gap_over_a_missing_round(backend: str) -> None:
    # BPS, Jawa Timur: March 2023 10.35, (no September 2023), March 2024 9.79.
    df = pl.DataFrame(
        {
            "region": ["Jawa Timur"] * 2,
            "period": [dt.date(2024, 3, 1), dt.date(2023, 3, 1)],
            "rate": [9.79, 10.35],
        }
    )
    native = df.lazy() if backend == "polars-lazy" else df
    out = run(with_changes, native, unit="percent")
    close(col(out, "elapsed_years"), [1.0, NAN])
    close(col(out, "change_points_per_year"), [-0.56, NAN], rtol=1e-9)


@pytest.mark.parametrize("backend", BACKENDS)
def test_changes_from_zero(backend: str) -> None:
    df = make(
        backend,
        {"region": ["Z"] * 3, "period": [1, 2, 3], "rate": [0.0, 0.0, 1.0]},
    )
    out = run(with_changes, df, unit="percent")
    close(col(out, "change_points"), [NAN, 0.0, 1.0])
    assert np.isnan(col(out, "change_relative_pct")).all()
    assert np.isnan(col(out, "change_compound_pct_per_year")).all()


@pytest.mark.parametrize("backend", BACKENDS)
def test_changes_match_reference_and_array_function(backend: str) -> None:
    rng = np.random.default_rng(1)
    regions = [f"R{i}" for i in range(4)]
    rows = [(r, y) for r in regions for y in (2015, 2016, 2017.5, 2019, 2020)]
    order = rng.permutation(len(rows))
    region = [rows[i][0] for i in order]
    years = [float(rows[i][1]) for i in order]
    rate = list(np.round(rng.uniform(0, 30, len(rows)), 2))
    rate[3] = NAN
    rate[7] = 0.0
    df = make(backend, {"region": region, "period": years, "rate": rate})
    out = run(with_changes, df, unit="percent")
    ref = reference_changes(region, years, rate)
    for name, expected in ref.items():
        close(col(out, name), expected, rtol=1e-10)
    ok = ~np.isnan(ref["change_points"]) & (ref["previous_value"] != 0)
    a = annualized_change(
        ref["previous_value"][ok],
        np.asarray(rate)[ok],
        years=ref["elapsed_years"][ok],
        unit="percent",
    )
    close(col(out, "change_compound_pct_per_year")[ok], a.compound_per_year)
    close(col(out, "change_relative_pct")[ok], a.relative)
    close(col(out, "change_points_per_year")[ok], a.points_per_year)


def test_changes_fraction_unit_points_are_fractions() -> None:
    pct = pd.DataFrame({"region": ["A", "A"], "period": [1, 2], "rate": [12.0, 9.0]})
    frac = pct.assign(rate=pct["rate"] / 100)
    a = with_changes(pct, unit="percent")
    b = with_changes(frac, unit="fraction")
    close(b["change_points"] * 100, a["change_points"], rtol=1e-12)
    close(b["change_relative_pct"], a["change_relative_pct"], rtol=1e-12)
    close(b["change_compound_pct_per_year"], a["change_compound_pct_per_year"])


def test_changes_integer_rate_and_custom_names() -> None:
    df = pd.DataFrame({"kab": ["A", "A"], "tahun": [2020, 2021], "p0": [10, 8]})
    out = with_changes(df, unit="percent", rate="p0", region="kab", period="tahun")
    close(out["change_points"], [NAN, -2.0])


# --------------------------------------------------------------------------
# with_change_from_base
# --------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_from_base_across_a_missing_value(backend: str) -> None:
    df = make(
        backend,
        {
            "region": ["I"] * 3,
            "period": [2017, 2016, 2015],
            "rate": [10.12, NAN, 11.13],
        },
        index=shuffled_labels(3),
    )
    out = run(with_change_from_base, df, unit="percent", base=2015)
    # By hand: 10.12 - 11.13 = -1.01 pp over 2 years = -0.505 pp/yr;
    # 10.12/11.13 - 1 = -9.07 %; (10.12/11.13)**0.5 - 1 = -0.046455.
    close(col(out, "base_value"), [11.13] * 3)
    close(col(out, "elapsed_years"), [2.0, 1.0, 0.0])
    close(col(out, "change_points"), [-1.01, NAN, 0.0], rtol=1e-9)
    close(col(out, "change_points_per_year"), [-0.505, NAN, NAN], rtol=1e-9)
    close(col(out, "change_relative_pct"), [-9.0746, NAN, 0.0], rtol=1e-4)
    close(col(out, "change_compound_pct_per_year"), [-4.6455, NAN, NAN], rtol=1e-4)
    assert list(collect(out).columns)[-6:] == BASE_COLUMNS


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_from_base_regions_and_periods_before_base(backend: str) -> None:
    df = make(
        backend,
        {
            "region": ["A", "B", "A", "C", "B"],
            "period": [2019, 2019, 2017, 2017, 2021],
            "rate": [10.0, 20.0, 12.1, 5.0, 0.0],
        },
    )
    out = run(with_change_from_base, df, unit="percent", base=2019)
    # C has no 2019 row: missing base and changes, elapsed still shown.
    close(col(out, "base_value"), [10.0, 20.0, 10.0, NAN, 20.0])
    close(col(out, "elapsed_years"), [0, 0, -2, -2, 2])
    close(col(out, "change_points"), [0, 0, 2.1, NAN, -20.0], rtol=1e-9)
    # A 2017 -> 2019: 12.1 -> 10 in 2 years, (10/12.1)**0.5 - 1 = -9.0909 %.
    # Read from 2019 as (12.1/10)**(1/-2) - 1: the same rate.
    close(
        col(out, "change_compound_pct_per_year"),
        [NAN, NAN, -9.09090909, NAN, -100.0],
        rtol=1e-8,
    )
    close(col(out, "change_points_per_year"), [NAN, NAN, -1.05, NAN, -10.0])


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_from_base_earlier_zero_has_no_compound_rate(backend: str) -> None:
    df = make(
        backend, {"region": ["A", "A"], "period": [2017, 2019], "rate": [0.0, 10.0]}
    )
    out = run(with_change_from_base, df, unit="percent", base=2019)
    assert np.isnan(col(out, "change_compound_pct_per_year")).all()
    close(col(out, "change_points_per_year"), [5.0, NAN])


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_from_base_datetime_matches_by_month(backend: str) -> None:
    df = make(
        backend,
        {
            "region": ["N", "N", "N"],
            "period": [
                dt.datetime(2019, 9, 1),
                dt.datetime(2019, 3, 1),
                dt.datetime(2020, 3, 1),
            ],
            "rate": [11.04, 11.24, 12.04],
        },
    )
    out = run(with_change_from_base, df, unit="percent", base=dt.date(2019, 3, 15))
    close(col(out, "elapsed_years"), [0.5, 0.0, 1.0])
    # By hand: (11.04 - 11.24) / 0.5 = -0.40 pp/yr; (12.04 - 11.24) / 1 = 0.80.
    close(col(out, "change_points_per_year"), [-0.40, NAN, 0.80], rtol=1e-9)
    # The same base as ISO text or a numpy datetime64, as statements read it.
    for base in ("2019-03-15", np.datetime64("2019-03-15")):
        again = run(with_change_from_base, df, unit="percent", base=base)
        close(col(again, "elapsed_years"), [0.5, 0.0, 1.0])


def test_change_from_base_matches_array_function() -> None:
    rng = np.random.default_rng(2)
    years = np.arange(2015, 2025)
    rate = np.round(rng.uniform(1, 30, years.size), 2)
    df = pd.DataFrame({"region": "R", "period": years, "rate": rate})
    out = with_change_from_base(df, unit="percent", base=2015)
    a = annualized_change(rate[0], rate[1:], years=years[1:] - 2015, unit="percent")
    close(out["change_points"].iloc[1:], a.points)
    close(out["change_relative_pct"].iloc[1:], a.relative)
    close(out["change_points_per_year"].iloc[1:], a.points_per_year)
    close(out["change_compound_pct_per_year"].iloc[1:], a.compound_per_year)


# --------------------------------------------------------------------------
# with_headcount_decomposition
# --------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_decomposition_sulawesi_tenggara(backend: str) -> None:
    # BPS, Berita Resmi Statistik Sulawesi Tenggara, July 2019: Sept 2018
    # 301.85 thousand poor (11.32 %), March 2019 302.58 thousand (11.24 %).
    df = make(
        backend,
        {
            "region": ["Sultra", "Sultra"],
            "period": [dt.datetime(2019, 3, 1), dt.datetime(2018, 9, 1)],
            "rate": [11.24, 11.32],
            "headcount": [302.58, 301.85],
        },
        index=["mar", "sep"],
    )
    out = run(with_headcount_decomposition, df, unit="percent")
    total = col(out, "headcount_change")
    pop = col(out, "population_effect")
    rate = col(out, "rate_effect")
    # By hand: N0 = 301.85/0.1132 = 2666.52, N1 = 302.58/0.1124 = 2691.99;
    # rate effect -0.0008 * (N0 + N1)/2 = -2.14, population effect
    # 25.47 * 0.2256/2 = +2.87, summing to +0.73.
    close(total, [0.73, NAN], rtol=1e-9)
    close(pop, [2.87, NAN], atol=0.005)
    close(rate, [-2.14, NAN], atol=0.005)
    close(pop[0] + rate[0], total[0], rtol=1e-12)


@pytest.mark.parametrize("backend", BACKENDS)
def test_decomposition_matches_array_function(backend: str) -> None:
    region = ["A", "B", "A", "B", "A"]
    period = [2019, 2019, 2020, 2020, 2021]
    rate = [10.0, 20.0, 8.0, 0.0, 9.0]
    count = [100.0, 50.0, 88.0, 0.0, 99.0]
    df = make(
        backend,
        {"region": region, "period": period, "rate": rate, "headcount": count},
    )
    out = run(with_headcount_decomposition, df, unit="percent")
    n = implied_population(rate, count, unit="percent")
    d = decompose_headcount_change(
        [10.0, 8.0], [8.0, 9.0], n[[0, 2]], n[[2, 4]], unit="percent"
    )
    close(col(out, "headcount_change"), [NAN, NAN, -12.0, -50.0, 11.0])
    close(col(out, "rate_effect")[[2, 4]], d.rate_effect, rtol=1e-12)
    close(col(out, "population_effect")[[2, 4]], d.population_effect, rtol=1e-9)
    # B's 2020 rate is 0: no implied population, no effects.
    assert np.isnan(col(out, "rate_effect")[3])


# --------------------------------------------------------------------------
# with_ranks
# --------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_ranks_descending_min_ties(backend: str) -> None:
    df = make(
        backend, {"region": list("ABCDE"), "rate": [15.0, 50.0, 30.0, 25.0, 25.0]}
    )
    out = run(with_ranks, df, descending=True)
    close(col(out, "rank"), [5, 1, 2, 3, 3])
    close(col(out, "rank_count"), [5] * 5)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("ties", "expected"),
    [
        ("min", [1, 2, 3, 3, 5, 6]),
        ("max", [1, 2, 4, 4, 5, 6]),
        ("dense", [1, 2, 3, 3, 4, 5]),
        ("average", [1, 2, 3.5, 3.5, 5, 6]),
        ("ordinal", [1, 2, 3, 4, 5, 6]),
    ],
)
def test_ranks_tie_rules(backend: str, ties: str, expected: list[float]) -> None:
    df = make(
        backend, {"region": list("ABCDEF"), "rate": [1.0, 2.0, 3.0, 3.0, 4.0, 5.0]}
    )
    out = run(with_ranks, df, descending=False, ties=ties)
    close(col(out, "rank"), expected)


def test_ranks_refuse_the_last_policy() -> None:
    # nan_policy takes scipy's spellings only: "last" is no longer accepted.
    df = pd.DataFrame({"region": list("ABCD"), "rate": [5.0, 7.0, NAN, NAN]})
    with pytest.raises(ValueError, match=r"`nan_policy` must be one of \['omit'"):
        with_ranks(df, descending=False, nan_policy="last")  # type: ignore[arg-type]


@pytest.mark.parametrize("backend", BACKENDS)
def test_ranks_omit_missing(backend: str) -> None:
    df = make(backend, {"region": list("ABCDE"), "rate": [3.0, NAN, 1.0, 2.0, NAN]})
    out = run(with_ranks, df, descending=True)
    close(col(out, "rank"), [1, NAN, 3, 2, NAN])
    close(col(out, "rank_count"), [3] * 5)


@pytest.mark.parametrize("backend", BACKENDS)
def test_ranks_within_groups(backend: str) -> None:
    year = [2023, 2024, 2023, 2024, 2023]
    rate = [15.0, 9.0, 50.0, 12.0, NAN]
    region = ["A", "A", "B", "B", "C"]
    df = make(
        backend,
        {"region": region, "year": year, "rate": rate},
        index=shuffled_labels(5),
    )
    out = run(with_ranks, df, descending=True, by="year")
    close(col(out, "rank"), [2, 2, 1, 1, NAN])
    close(col(out, "rank_count"), [2, 2, 2, 2, 2])
    ref = rank(rate, descending=True, by=year)
    close(col(out, "rank"), ref.rank)
    close(col(out, "rank_count"), ref.count)


@pytest.mark.parametrize("backend", BACKENDS)
def test_ranks_by_several_columns(backend: str) -> None:
    df = make(
        backend,
        {
            "region": ["A", "B", "C", "D", "A"],
            "prov": ["x", "x", "y", "y", "x"],
            "year": [1, 1, 1, 1, 2],
            "rate": [1.0, 2.0, 3.0, 4.0, 5.0],
        },
    )
    out = run(with_ranks, df, descending=False, by=["prov", "year"])
    close(col(out, "rank"), [1, 2, 1, 2, 1])
    close(col(out, "rank_count"), [2, 2, 2, 2, 1])


@pytest.mark.parametrize("backend", BACKENDS)
def test_ranks_refuse_a_repeated_region_in_a_group(backend: str) -> None:
    # Region A twice in 2023: ranking it twice would count 3 rows for 2
    # regions (rank_count 3). The check is with_changes' own, so the message
    # reads the same; 2024 holds A once and B once, so only (A, 2023) repeats.
    df = make(
        backend,
        {
            "region": ["A", "B", "A", "A", "B"],
            "year": [2023, 2023, 2023, 2024, 2024],
            "rate": [10.0, 8.0, 10.0, 9.0, 7.0],
        },
    )
    with pytest.raises(
        ValueError,
        match=r"each \('region', 'year'\) key must appear at most once, found 1 "
        r"duplicated key\(s\): \('A', 2023\); does the table mix",
    ):
        collect(with_ranks(df, descending=True, by="year"))
    # Without `by`, the whole frame is one group: A and B each appear twice.
    with pytest.raises(
        ValueError,
        match=r"each \('region'\) key must appear at most once, found 2 "
        r"duplicated key\(s\): \('A'\), \('B'\);",
    ):
        collect(with_ranks(df, descending=True))
    # Several `by` columns: (A, x, 2023) twice.
    prov = make(
        backend,
        {
            "region": ["A", "A", "A"],
            "prov": ["x", "x", "y"],
            "year": [2023, 2023, 2023],
            "rate": [1.0, 2.0, 3.0],
        },
    )
    with pytest.raises(
        ValueError,
        match=r"each \('region', 'prov', 'year'\) key .* found 1 duplicated "
        r"key\(s\): \('A', 'x', 2023\);",
    ):
        collect(with_ranks(prov, descending=True, by=["prov", "year"]))


def test_ranks_and_changes_refuse_the_same_repeats() -> None:
    # The same table, keyed the same way, fails the same way in both.
    df = pd.DataFrame(
        {
            "region": ["A", "A", "B"],
            "period": [2023, 2023, 2023],
            "rate": [1.0, 1.0, 2.0],
        }
    )
    with pytest.raises(ValueError, match="duplicated key") as ranks:
        with_ranks(df, descending=True, by="period")
    with pytest.raises(ValueError, match="duplicated key") as changes:
        with_changes(df, unit="percent")
    # The same message up to the advice, which names each adapter's remedy.
    head = str(changes.value).split("Filter it, or")[0]
    assert str(ranks.value).startswith(head + "Filter it, or rank each period")


def test_ranks_need_the_region_key() -> None:
    df = pd.DataFrame({"region": ["A", None], "rate": [1.0, 2.0]})
    with pytest.raises(
        ValueError, match=r"key column 'region' \(argument `region`\) must not have"
    ):
        with_ranks(df, descending=True)
    with pytest.raises(
        ValueError, match=r"column 'region_code' \(argument `region`\) is not in"
    ):
        povstat.with_ranks(df, descending=True, rate="rate")


def test_ranks_dtypes_are_documented() -> None:
    pdf = pd.DataFrame({"region": ["A", "B"], "rate": [2.0, 1.0]})
    out = with_ranks(pdf, descending=True)
    assert out["rank"].dtype == np.float64
    assert out["rank_count"].dtype == np.int64
    pout = with_ranks(
        pl.DataFrame({"region": ["A", "B"], "rate": [2, 1]}), descending=True
    )
    assert pout.schema["rank"] == pl.Float64
    assert pout.schema["rank_count"] == pl.Int64


@pytest.mark.parametrize("policy", ["omit"])
@pytest.mark.parametrize("ties", ["min", "max", "average", "dense", "ordinal"])
@pytest.mark.parametrize("descending", [True, False])
def test_ranks_agree_with_array_rank(
    policy: Literal["omit"], ties: Ties, descending: bool
) -> None:
    rng = np.random.default_rng(3)
    values = rng.integers(0, 5, 40).astype(float)
    values[rng.random(40) < 0.2] = NAN
    values[0], values[1] = np.inf, -np.inf
    groups = rng.integers(0, 3, 40)
    df = pl.DataFrame({"region": np.arange(40), "g": groups, "rate": values})
    out = with_ranks(df, descending=descending, by="g", ties=ties, nan_policy=policy)
    ref = rank(values, descending=descending, ties=ties, nan_policy=policy, by=groups)
    close(col(out, "rank"), ref.rank)
    close(col(out, "rank_count"), ref.count)


# --------------------------------------------------------------------------
# Shuffling rows moves results with their rows
# --------------------------------------------------------------------------


@st.composite
def panels(draw: st.DrawFn) -> pd.DataFrame:
    n_regions = draw(st.integers(1, 3))
    rows = []
    for r in range(n_regions):
        years = draw(st.sets(st.integers(2000, 2012), min_size=1, max_size=6))
        for y in years:
            v = draw(st.one_of(st.sampled_from([0.0, 5.0, 10.0]), st.just(NAN)))
            rows.append((f"R{r}", y, v))
    df = pd.DataFrame(rows, columns=["region", "period", "rate"])
    perm = draw(st.permutations(range(len(df))))
    return df.iloc[list(perm)].reset_index(drop=True).assign(rid=np.arange(len(df)))


@settings(max_examples=25, deadline=None)
@given(panels(), st.randoms(use_true_random=False))
def test_shuffling_rows_leaves_each_rows_changes(df: pd.DataFrame, rnd: Any) -> None:
    order = list(range(len(df)))
    rnd.shuffle(order)
    shuffled = df.iloc[order]
    a = with_changes(df, unit="percent").set_index("rid").sort_index()
    b = with_changes(shuffled, unit="percent").set_index("rid").sort_index()
    pd.testing.assert_frame_equal(a, b)
    base = int(df["period"].iloc[0])  # a period present in the panel
    c = with_change_from_base(shuffled, unit="percent", base=base)
    d = with_change_from_base(df, unit="percent", base=base)
    pd.testing.assert_frame_equal(
        c.set_index("rid").sort_index(), d.set_index("rid").sort_index()
    )


@settings(max_examples=25, deadline=None)
@given(
    panels(),
    st.randoms(use_true_random=False),
    st.sampled_from(["min", "max", "average", "dense"]),
    st.sampled_from(["omit"]),
    st.booleans(),
)
def test_shuffling_rows_leaves_each_rows_rank(
    df: pd.DataFrame,
    rnd: Any,
    ties: Ties,
    policy: Literal["omit"],
    descending: bool,
) -> None:
    order = list(range(len(df)))
    rnd.shuffle(order)
    kw: dict[str, Any] = {
        "descending": descending,
        "by": "period",
        "ties": ties,
        "nan_policy": policy,
    }
    a = with_ranks(df, **kw).set_index("rid").sort_index()
    b = with_ranks(df.iloc[order], **kw).set_index("rid").sort_index()
    pd.testing.assert_frame_equal(a, b)
    lazy = with_ranks(pl.from_pandas(df.iloc[order]).lazy(), **kw).collect()
    close(lazy.sort("rid")["rank"].to_numpy(), a["rank"].to_numpy())


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


def panel(
    backend: str = "pandas[float64]", *, without: str = "", **extra: list[Any]
) -> Any:
    data: dict[str, list[Any]] = {
        "region": ["A", "A", "B"],
        "period": [2019, 2020, 2019],
        "rate": [10.0, 9.0, 8.0],
        "headcount": [10.0, 9.0, 8.0],
        "population": [100.0, 100.0, 100.0],
    }
    data.update(extra)
    data.pop(without, None)
    return make(backend, data)


KEYED: list[tuple[str, Callable[..., Any], dict[str, Any]]] = [
    ("changes", with_changes, {}),
    ("from_base", with_change_from_base, {"base": 2019}),
    ("decomposition", with_headcount_decomposition, {}),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("name", "adapter", "kw"), KEYED)
def test_duplicate_keys_are_listed(
    backend: str, name: str, adapter: Callable[..., Any], kw: dict[str, Any]
) -> None:
    df = panel(
        backend,
        region=["A", "A", "B", "B", "B", "C", "C"],
        period=[2019, 2019, 2019, 2020, 2020, 2019, 2020],
        rate=[1.0] * 7,
        headcount=[1.0] * 7,
        population=[9.0] * 7,
    )
    with pytest.raises(
        ValueError, match=r"found 2 duplicated key\(s\): \('A', 2019\), \('B', 2020\);"
    ):
        collect(adapter(df, unit="percent", **kw))


def test_duplicate_keys_list_is_truncated() -> None:
    n = 7
    df = pd.DataFrame(
        {"region": [f"R{i}" for i in range(n)] * 2, "period": 2020, "rate": 1.0}
    )
    with pytest.raises(
        ValueError, match=r"found 7 duplicated key\(s\): .*'R4', 2020\), \.\.\.;"
    ):
        with_changes(df, unit="percent")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("name", "adapter", "kw"), KEYED)
def test_same_month_is_a_duplicate_date_key(
    backend: str, name: str, adapter: Callable[..., Any], kw: dict[str, Any]
) -> None:
    df = make(
        backend,
        {
            "region": ["A", "A"],
            "period": [dt.datetime(2019, 3, 1), dt.datetime(2019, 3, 20)],
            "rate": [1.0, 2.0],
            "headcount": [1.0, 2.0],
        },
    )
    kw = {"base": dt.date(2019, 3, 1)} if name == "from_base" else {}
    with pytest.raises(ValueError, match=r"same calendar month.*\('A', 2019-03-"):
        collect(adapter(df, unit="percent", **kw))


@pytest.mark.parametrize(("name", "adapter", "kw"), KEYED)
def test_missing_key_is_an_error(
    name: str, adapter: Callable[..., Any], kw: dict[str, Any]
) -> None:
    df = panel(region=["A", None, "B"])
    with pytest.raises(
        ValueError, match=r"key column 'region' .* missing values, found 1"
    ):
        adapter(df, unit="percent", **kw)
    for backend in BACKENDS:
        df = panel(backend, period=[2019.0, NAN, 2020.0])  # NaN is not null on polars
        with pytest.raises(ValueError, match=r"key column 'period' .* missing values"):
            collect(adapter(df, unit="percent", **kw))


ALL: list[tuple[Callable[..., Any], dict[str, Any]]] = [
    (with_headcount, {"unit": "percent"}),
    (with_rate, {"unit": "percent"}),
    (with_implied_population, {"unit": "percent"}),
    (with_changes, {"unit": "percent"}),
    (with_change_from_base, {"unit": "percent", "base": 2019}),
    (with_headcount_decomposition, {"unit": "percent"}),
    (with_ranks, {"descending": True}),
]


@pytest.mark.parametrize(("adapter", "kw"), ALL)
def test_missing_column_is_named_with_columns_present(
    adapter: Callable[..., Any], kw: dict[str, Any]
) -> None:
    df = panel().rename(columns={"rate": "p0", "headcount": "h", "population": "n"})
    # Every adapter reads at least one of rate, headcount, population.
    with pytest.raises(ValueError, match=r"is not in the frame; columns present: \["):
        adapter(df, **kw)


def test_missing_column_message() -> None:
    df = pd.DataFrame({"rate": [1.0], "pop": [2.0]})
    with pytest.raises(
        ValueError,
        match=r"column 'population' \(argument `population`\) is not in the frame; "
        r"columns present: \['rate', 'pop'\]",
    ):
        with_headcount(df, unit="percent")


@pytest.mark.parametrize(
    ("adapter", "kw", "existing"),
    [
        (with_headcount, {"unit": "percent"}, "headcount"),
        (with_rate, {"unit": "percent"}, "rate"),
        (with_implied_population, {"unit": "percent"}, "implied_population"),
        (with_changes, {"unit": "percent"}, "change_points"),
        (with_change_from_base, {"unit": "percent", "base": 2019}, "base_value"),
        (with_headcount_decomposition, {"unit": "percent"}, "rate_effect"),
        (with_ranks, {"descending": True}, "rank_count"),
    ],
)
def test_output_column_is_never_overwritten(
    adapter: Callable[..., Any], kw: dict[str, Any], existing: str
) -> None:
    df = panel().assign(**{existing: 0.0})
    before = df.copy(deep=True)
    with pytest.raises(ValueError, match=rf"\['{existing}'\] already exist"):
        adapter(df, **kw)
    pd.testing.assert_frame_equal(df, before)


@pytest.mark.parametrize(("adapter", "kw"), [a for a in ALL if a[0] is not with_ranks])
def test_bad_unit(adapter: Callable[..., Any], kw: dict[str, Any]) -> None:
    kw = {**kw, "unit": "percentage"}
    with pytest.raises(
        ValueError, match=r"`unit` must be one of \['percent', 'fraction'\]"
    ):
        adapter(panel(), **kw)


def _second_row(backend: str) -> str:
    """How a value error names the second row of a `backend` frame (a regex).

    A pandas frame by its index label, an eager polars frame by its row
    position, a lazy frame by its position among the collected rows.
    """
    if backend.startswith("pandas"):
        return "index label 1"
    if backend == "polars":
        return "row position 1"
    return "row position 1 of the collected rows"


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("adapter", "kw", "arg"),
    [
        (with_headcount, {}, "rate"),
        (with_implied_population, {}, "rate"),
        (with_changes, {}, "rate"),
        (with_change_from_base, {"base": 2019}, "rate"),
        (with_headcount_decomposition, {}, "rate"),
    ],
)
def test_rate_out_of_range(
    backend: str, adapter: Callable[..., Any], kw: dict[str, Any], arg: str
) -> None:
    without = "headcount" if adapter is with_headcount else ""
    df = panel(backend, without=without, rate=[10.0, 101.5, 120.0])
    # The first offending row is the second (index label 1, region A, 2020);
    # adapters that read region and period name them too.
    keys = (
        ""
        if adapter in (with_headcount, with_implied_population)
        else (r" \(region 'A', period 2020\)")
    )
    with pytest.raises(
        ValueError,
        match=rf"`{arg}` column 'rate' must lie in \[0, 100\] for unit='percent', "
        rf"found 101.5 at {_second_row(backend)}{keys} \(2 offending values in all\)$",
    ):
        collect(adapter(df, unit="percent", **kw))


@pytest.mark.parametrize("backend", BACKENDS)
def test_rate_in_percent_given_as_fraction_hints(backend: str) -> None:
    df = make(backend, {"rate": [0.1, 4.26], "population": [1.0, 2.0]})
    with pytest.raises(
        ValueError, match=rf"found 4.26 at {_second_row(backend)}; is it in percent\?"
    ):
        collect(with_headcount(df, unit="fraction"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_negative_rate_and_infinite_rate(backend: str) -> None:
    df = make(backend, {"rate": [-0.5, 1.0], "population": [1.0, 2.0]})
    first = _second_row(backend).replace("1", "0")
    with pytest.raises(ValueError, match=rf"found -0.5 at {first}$"):
        collect(with_headcount(df, unit="percent"))
    df = make(backend, {"rate": [1.0, np.inf], "population": [1.0, 2.0]})
    with pytest.raises(ValueError, match=rf"found inf at {_second_row(backend)}$"):
        collect(with_headcount(df, unit="percent"))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("bad", [-1.0, np.inf])
def test_population_and_headcount_must_be_nonnegative(backend: str, bad: float) -> None:
    df = make(backend, {"rate": [1.0, 2.0], "population": [3.0, bad]})
    with pytest.raises(
        ValueError, match=r"`population` column 'population' must be finite and >= 0"
    ):
        collect(with_headcount(df, unit="percent"))
    df = make(backend, {"headcount": [bad, 1.0], "population": [3.0, 2.0]})
    with pytest.raises(ValueError, match=r"`headcount` column 'headcount'"):
        collect(with_rate(df, unit="percent"))
    df = make(backend, {"rate": [1.0, 2.0], "headcount": [bad, 1.0]})
    with pytest.raises(ValueError, match=r"`headcount` column 'headcount'"):
        collect(with_implied_population(df, unit="percent"))
    df = panel(backend, headcount=[1.0, bad, 1.0])
    with pytest.raises(ValueError, match=r"`headcount` column 'headcount'"):
        collect(with_headcount_decomposition(df, unit="percent"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_headcount_above_population(backend: str) -> None:
    df = make(backend, {"headcount": [1.0, 120.0], "population": [2.0, 100.0]})
    with pytest.raises(
        ValueError,
        match=r"`headcount` column 'headcount' must not exceed `population` column "
        rf"'population', found 120.0 > 100.0 at {_second_row(backend)}$",
    ):
        collect(with_rate(df, unit="percent"))


def test_non_numeric_columns_are_type_errors() -> None:
    df = pd.DataFrame({"rate": ["1.0"], "population": [1.0]})
    with pytest.raises(
        TypeError, match=r"column 'rate' \(argument `rate`\) must be numeric"
    ):
        with_headcount(df, unit="percent")
    df = pd.DataFrame({"region": ["A"], "period": ["2019"], "rate": [1.0]})
    with pytest.raises(
        TypeError, match=r"argument `period`\) must be numeric .* or a date"
    ):
        with_changes(df, unit="percent")
    with pytest.raises(TypeError, match=r"argument `rate`\) must be numeric"):
        with_ranks(pd.DataFrame({"region": ["A"], "rate": ["a"]}), descending=True)


def test_column_name_must_be_a_string() -> None:
    with pytest.raises(
        TypeError, match=r"`rate` must be a column name \(a str\); got an int: 3"
    ):
        with_headcount(panel(), unit="percent", rate=3)


def test_not_a_dataframe() -> None:
    with pytest.raises(TypeError, match=r"`df` must be a dataframe .* got dict"):
        with_headcount({"rate": [1.0]}, unit="percent")


@pytest.mark.parametrize(
    ("base", "period", "error", "match"),
    [
        (
            "2019",
            [2019, 2020],
            TypeError,
            r"`base` must be a number \(int, float, Decimal or Fraction\) for "
            r"the numeric",
        ),
        (True, [2019, 2020], TypeError, r"`base` must be a number"),
        (dt.date(2019, 1, 1), [2019, 2020], TypeError, r"`base` must be a number"),
        (np.nan, [2019, 2020], ValueError, r"`base` must be finite"),
        (
            2019,
            [dt.datetime(2019, 3, 1), dt.datetime(2020, 3, 1)],
            TypeError,
            r"`base` must be a date or datetime \(or ISO text",
        ),
        (
            "15/03/2019",
            [dt.datetime(2019, 3, 1), dt.datetime(2020, 3, 1)],
            ValueError,
            r"`base`: '15/03/2019' is not a date in ISO order",
        ),
    ],
)
def test_bad_base(base: Any, period: list[Any], error: type, match: str) -> None:
    df = pd.DataFrame({"region": ["A", "A"], "period": period, "rate": [1.0, 2.0]})
    with pytest.raises(error, match=match):
        with_change_from_base(df, unit="percent", base=base)


def test_ranks_bad_arguments() -> None:
    df = pd.DataFrame({"region": ["A", "B"], "year": [1, 1], "rate": [1.0, 2.0]})
    with pytest.raises(ValueError, match=r"`ties` must be one of .*got 'first'"):
        with_ranks(df, descending=True, ties="first")  # type: ignore[arg-type]
    with pytest.raises(
        ValueError, match=r"`nan_policy` must be one of .*got 'propagate'"
    ):
        with_ranks(df, descending=True, nan_policy="propagate")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"`descending` must be True or False, got 1"):
        with_ranks(df, descending=1)  # type: ignore[arg-type]
    with pytest.raises(
        ValueError, match=r"column 'yr' \(argument `by`\) is not in the frame"
    ):
        with_ranks(df, descending=True, by=["year", "yr"])
    with pytest.raises(
        TypeError, match=r"`by` must be None, a column name or a sequence"
    ):
        with_ranks(df, descending=True, by=3)  # type: ignore[arg-type]


@pytest.mark.parametrize("backend", BACKENDS)
def test_ranks_missing_group_label(backend: str) -> None:
    df = make(backend, {"region": ["A", "B"], "year": [1.0, NAN], "rate": [1.0, 2.0]})
    # The second row (index label 1, row position 1) misses its label.
    with pytest.raises(
        ValueError,
        match=r"key column 'year' \(argument `by`\) must not have missing values, "
        rf"found 1, first at {_second_row(backend)}$",
    ):
        collect(with_ranks(df, descending=True, by="year"))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("key", ["region", "period"])
def test_changes_missing_key_names_its_row(backend: str, key: str) -> None:
    data: dict[str, list[Any]] = {
        "region": ["A", "A"],
        "period": [2019.0, 2020.0],
        "rate": [10.0, 9.0],
    }
    data[key] = [data[key][0], None if key == "region" else NAN]
    df = make(backend, data)
    with pytest.raises(
        ValueError,
        match=rf"key column '{key}' \(argument `{key}`\) must not have missing "
        rf"values, found 1, first at {_second_row(backend)}$",
    ):
        collect(with_changes(df, unit="percent", region="region", period="period"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_ranks_nan_policy_raise(backend: str) -> None:
    df = make(
        backend,
        {"region": list("ABAB"), "year": [1, 1, 2, 2], "rate": [1.0, NAN, 3.0, NAN]},
    )
    # The same wording on every engine: the groups (a lazy engine promises no
    # row order), then the row positions among the rows collected.
    where = r"in groups \[\(1,\), \(2,\)\] at row positions \[1, 3\]"
    with pytest.raises(ValueError, match=rf"has 2 missing value\(s\) {where}"):
        collect(with_ranks(df, descending=True, by="year", nan_policy="raise"))
    ok = make(backend, {"region": ["A", "B"], "rate": [1.0, 2.0]})
    close(col(with_ranks(ok, descending=True, nan_policy="raise"), "rank"), [2, 1])


def test_attack_regressions() -> None:
    # Found by attack testing: key columns named like internal aggregates,
    # infinite periods, a base period present in no row.
    import polars as pl

    df = pl.DataFrame({"rows": ["a", "a"], "period": [2019, 2020], "rate": [5.0, 4.0]})
    out = with_change_from_base(df, unit="percent", base=2019, region="rows")
    assert out["change_points"].to_list() == [0.0, -1.0]
    inf = pd.DataFrame(
        {"region": ["a", "a"], "period": [2019.0, np.inf], "rate": [1.0, 2.0]}
    )
    with pytest.raises(ValueError, match="must be finite"):
        with_changes(inf, unit="percent")
    with pytest.raises(ValueError, match="must be finite"):
        with_change_from_base(inf, unit="percent", base=2019)
    ok = pd.DataFrame(
        {"region": ["a", "a"], "period": [2019, 2020], "rate": [1.0, 2.0]}
    )
    with pytest.raises(ValueError, match="matches no row"):
        with_change_from_base(ok, unit="percent", base=2109)


def test_with_rate_full_rate_survives_float_rounding() -> None:
    # 100 % of 85899346.45345391 computes as 85899346.45345393 (see
    # tests/test_headcount.py); the adapter agrees with headcount_to_rate.
    f = pd.DataFrame(
        {"headcount": [85899346.45345393], "population": [85899346.45345391]}
    )
    assert with_rate(f, unit="percent")["rate"].tolist() == [100.0]
    assert with_rate(pl.from_pandas(f).lazy(), unit="percent").collect()[
        "rate"
    ].to_list() == [100.0]


@pytest.mark.parametrize(
    ("labels", "kinds"),
    [
        ([3573, "3573", 3573, "3574"], "['int', 'str']"),
        ([1, True, 1, 2], "['bool', 'int']"),
        ([1.0, 1, 1, 2], "['float', 'int']"),
        ([b"a", "a", "a", "b"], "['bytes', 'str']"),
    ],
)
def test_key_labels_that_differ_only_in_type_are_refused(
    labels: list[object], kinds: str
) -> None:
    # 3573 and "3573" are one region typed two ways: as two keys each would
    # have no previous period (changes all NaN); pandas merges 1, 1.0 and
    # True. The key column is refused with its kinds, as rank(by=...) does.
    keyed = pd.Series(labels, dtype=object)
    df = pd.DataFrame(
        {
            "region_code": keyed,
            "period": [2022, 2023, 2024, 2023],
            "poverty_rate_pct": [4.37, 4.26, 4.0, 3.0],
        }
    )
    match = r"'region_code' \(argument `region`\) must hold labels of one kind"
    with pytest.raises(TypeError, match=match + rf".*{re.escape(kinds)}"):
        povstat.with_changes(df, unit="percent")
    by = df.assign(region_code=["a", "b", "c", "d"], group=keyed)
    match = rf"key column 'group' \(argument `by`\).*{re.escape(kinds)}"
    with pytest.raises(TypeError, match=match):
        povstat.with_ranks(by, descending=True, by="group")
    # The array function refuses the same labels the same way.
    with pytest.raises(TypeError, match=re.escape(kinds)):
        povstat.rank(
            [4.37, 4.26, 4.0, 3.0], descending=True, by=np.array(labels, dtype=object)
        )


def _aware(tz: str) -> pd.DataFrame:
    # Kota Malang, March 2022 and 2023, at midnight in Jakarta: the same
    # instants are 28 February 17:00 in UTC, another calendar month.
    when = pd.to_datetime(["2022-03-01", "2023-03-01"]).tz_localize("Asia/Jakarta")
    return pd.DataFrame(
        {
            "region_code": ["3573", "3573"],
            "period": when.tz_convert(tz),
            "poverty_rate_pct": [4.37, 4.26],
        }
    )


@pytest.mark.parametrize("tz", ["Asia/Jakarta", "UTC"])
def test_time_zone_aware_periods_are_refused(tz: str) -> None:
    # Periods are calendar dates; an aware instant's date depends on the
    # zone (elapsed years differed between Jakarta and UTC), so refused.
    match = r"period column 'period' holds time-zone-aware datetimes \(time zone"
    frame = _aware(tz)
    for df in (frame, pl.from_pandas(frame)):
        with pytest.raises(TypeError, match=match):
            povstat.with_changes(df, unit="percent")
        with pytest.raises(TypeError, match=match):
            povstat.with_change_from_base(df, unit="percent", base=dt.date(2022, 3, 1))


def test_time_zone_aware_periods_from_duckdb_are_refused() -> None:
    # A TIMESTAMPTZ column read with the session in UTC: "matches no row"
    # before (the base date fell in February); now the column is refused.
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    rel = con.sql(
        "SELECT '3573' AS region_code, TIMESTAMPTZ '2022-03-01 00:00:00+07' "
        "AS period, 4.37 :: DOUBLE AS poverty_rate_pct"
    )
    with pytest.raises(TypeError, match=r"time-zone-aware datetimes \(time zone UTC\)"):
        povstat.with_change_from_base(rel, unit="percent", base=dt.date(2022, 3, 1))


def test_naive_dates_of_the_same_periods_are_read() -> None:
    # The fix the message asks for: dates in the zone meant (Jakarta) give
    # March 2022 and March 2023, one year apart, -0.11 points.
    frame = _aware("UTC")
    local = frame.assign(
        period=frame["period"].dt.tz_convert("Asia/Jakarta").dt.tz_localize(None)
    )
    out = povstat.with_change_from_base(local, unit="percent", base=dt.date(2022, 3, 1))
    np.testing.assert_allclose(out["elapsed_years"], [0.0, 1.0])
    np.testing.assert_allclose(out["change_points"], [0.0, -0.11], atol=1e-12)


def test_pandas_object_dates_are_periods_as_on_polars() -> None:
    # ``Series.dt.date`` gives an object column of datetime.date; polars and
    # DuckDB read the same dates as a Date column. March 2019 to March 2020
    # is 1.0 year and 10.0 -> 9.0 a change of -1.0 point (by hand).
    dates = [dt.date(2019, 3, 1), dt.date(2020, 3, 1), dt.date(2019, 3, 1)]
    data = {"region_code": ["a", "a", "b"], "period": dates, "rate": [10.0, 9.0, 5.0]}
    frame = pd.DataFrame(data)
    assert frame["period"].dtype == object
    out = run(povstat.with_changes, frame, unit="percent", rate="rate")
    on_polars = povstat.with_changes(pl.DataFrame(data), unit="percent", rate="rate")
    for name in ("elapsed_years", "change_points"):
        np.testing.assert_array_equal(col(out, name), col(on_polars, name))
    np.testing.assert_array_equal(col(out, "elapsed_years"), [NAN, 1.0, NAN])
    np.testing.assert_array_equal(col(out, "change_points"), [NAN, -1.0, NAN])
    # A datetime among them (here time-zone-aware) is not a date column.
    mixed = frame.copy()
    mixed.loc[2, "period"] = dt.datetime(2019, 3, 1, tzinfo=dt.UTC)
    with pytest.raises(TypeError, match=r"column 'period' .* got object"):
        povstat.with_changes(mixed, unit="percent", rate="rate")


@pytest.mark.parametrize("kind", ["pandas", "polars", "polars-lazy", "duckdb"])
def test_date_groups_are_calendar_months(kind: str) -> None:
    # Three regions dated 2023-03-01, 2023-03-15 and 2023-03-01 07:00: one
    # period (March 2023), as check_statements and with_changes read dates,
    # so the three are ranked together: C (7.0) 1st, B 2nd, A 3rd of 3.

    df = pd.DataFrame(
        {
            "region_code": ["A", "B", "C"],
            "period": pd.to_datetime(
                ["2023-03-01", "2023-03-15", "2023-03-01 07:00"], format="ISO8601"
            ),
            "poverty_rate_pct": [5.0, 6.0, 7.0],
            "se": [0.1, 0.1, 0.1],
        }
    )
    native = from_pandas(kind, df)
    ranked = povstat.with_ranks(native, descending=True, by="period")
    np.testing.assert_array_equal(col(ranked, "rank"), [3.0, 2.0, 1.0])
    np.testing.assert_array_equal(col(ranked, "rank_count"), [3, 3, 3])
    sets = povstat.with_rank_sets(
        native,
        descending=True,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
        se="se",
        by="period",
    )
    # Far apart (SE 0.1, gaps of 1.0): each set is its point rank.
    np.testing.assert_array_equal(col(sets, "rank_upper"), [3.0, 2.0, 1.0])


@pytest.mark.parametrize(
    "kind",
    [
        "polars",
        "polars-lazy",
        "pyarrow",
        "duckdb",
        "pandas-arrow",
        "pyarrow-256",
        "pandas-arrow-256",
    ],
)
def test_a_decimal_rate_float64_cannot_hold_is_refused_by_adapters(kind: str) -> None:
    # DECIMAL(38,25) 4.26 is held (3 significant digits): 4.26 % of 100,000
    # is 4,260 by hand. 2.67499999999999999999 is not (float64 reads it as
    # 2.675, which rounds to 2.68 where the figure rounds to 2.67): refused,
    # naming the column and row, as the array functions refuse the Decimal.
    # The same in pandas Arrow-backed columns (read as pandas, once narrowed
    # silently) and in Arrow decimal256 columns (narwhals's Unknown dtype).
    import decimal

    import duckdb
    import pyarrow as pa  # type: ignore[import-untyped]

    def frame(first: str) -> Any:
        if kind == "duckdb":
            return duckdb.connect().sql(
                "SELECT CAST(r AS DECIMAL(38,25)) AS rate, p AS population"
                f" FROM (VALUES ('{first}', 100000), ('4.26', 100000)) t(r, p)"
            )
        f = pl.DataFrame(
            {
                "rate": [decimal.Decimal(first), decimal.Decimal("4.26")],
                "population": [100_000, 100_000],
            },
            schema={"rate": pl.Decimal(38, 25), "population": pl.Int64},
        )
        wide = f.to_arrow().cast(
            pa.schema([("rate", pa.decimal256(40, 25)), ("population", pa.int64())])
        )
        return {
            "polars": f,
            "polars-lazy": f.lazy(),
            "pyarrow": f.to_arrow(),
            "pandas-arrow": f.to_arrow().to_pandas(types_mapper=pd.ArrowDtype),
            "pyarrow-256": wide,
            "pandas-arrow-256": wide.to_pandas(types_mapper=pd.ArrowDtype),
        }[kind]

    out = with_headcount(frame("4.26"), unit="percent", population="population")
    if kind == "pyarrow-256":  # polars (which `col` reads through) has no Int256
        out = out.select(["headcount"])
    assert col(out, "headcount").tolist() == [4260.0, 4260.0]
    # The row as the frame names it: a pandas index label, another eager
    # frame's 0-based position, a lazy frame's position among the rows
    # collected (as an integer column's row is named).
    lazy = " at row position 0 of the collected rows"
    place = {"duckdb": lazy, "polars-lazy": lazy}.get(kind, " at row position 0")
    place = " at index label 0" if kind.startswith("pandas") else place
    with pytest.raises(
        ValueError,
        match=r"column 'rate' holds a decimal that float64 .* "
        rf"2\.67499999999999999999\d*{place} \(its nearest",
    ):
        with_headcount(
            frame("2.67499999999999999999"), unit="percent", population="population"
        )


def test_with_change_test_takes_a_scalar_correlation_as_change_test_does() -> None:
    # A Decimal 0.3 and a float32 0.3 (its shortest decimal) are the
    # correlation 0.3: the SE of the change is sqrt(0.25 + 0.25 - 2 * 0.3 *
    # 0.25) = sqrt(0.35) = 0.5916079783..., as change_test gives.
    import decimal

    d = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2022, 2023],
            "poverty_rate_pct": [10.0, 9.0],
            "se": [0.5, 0.5],
        }
    )
    want = float(
        povstat.change_test(
            10,
            9,
            se_before=0.5,
            se_after=0.5,
            level=0.9,
            independent=False,
            correlation=0.3,
        ).se
    )
    assert want == pytest.approx(0.35**0.5, rel=1e-15)
    rhos: list[Any] = [decimal.Decimal("0.3"), np.float32(0.3)]
    for rho in rhos:
        out = povstat.with_change_test(
            d, unit="percent", level=0.9, independent=False, correlation=rho, se="se"
        )
        assert out["change_se"].tolist()[1] == want


def test_a_mixed_key_message_shows_plain_labels() -> None:
    # An object key column holding np.str_('3573') and np.int64(3573) (as
    # filled from numpy arrays): the labels named as written, int 3573 and
    # str '3573', not as numpy reprs.
    df = pd.DataFrame(
        {
            "region_code": ["a", "b"],
            "province": pd.Series([np.str_("3573"), np.int64(3573)], dtype=object),
            "period": [2022, 2023],
            "poverty_rate_pct": [4.0, 5.0],
        }
    )
    with pytest.raises(TypeError, match=r"\(e\.g\. int 3573, str '3573'\)"):
        povstat.with_ranks(df, descending=True, by="province")
