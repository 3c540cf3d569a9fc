"""Each dataframe adapter against the best hand-written pandas and polars code.

For every adapter, at 38, 1e5 and 1e6 rows (``--sizes``), this builds a long
table of regions x periods (monthly dates as in the bundled data, region
codes as strings, about 1 % of rates missing, rows shuffled), writes the same
output by hand in pandas and in polars, checks that the outputs are equal,
then times the four versions (povstat on pandas, pandas by hand, povstat on
polars, polars by hand) in alternating turns: round after round (an even
number of rounds), in an order reversed every other round, each turn the
best of a few back-to-back calls. It reports the median over rounds of the
per-round ratio (povstat / hand-written, same library), and the median
per-round difference in milliseconds over hand-written pandas.

povstat's time includes its validation (units, ranges, missing and repeated
keys, existing columns); the hand-written versions validate nothing.

Peak memory is measured with :mod:`tracemalloc`, one call of each version
per size, separately from the timing. tracemalloc sees Python's and numpy's
allocations (pandas stores its columns in numpy arrays) but not polars'
(Rust) ones, so memory is compared on pandas only.

Goals (issue "One formula, one place"): at >= 1e5 rows, <= 1.2x the
hand-written pandas and <= 2x the hand-written polars; on 38 rows, <= 2 ms
more than the hand-written pandas call; peak memory <= 1.3x the pandas one.

Run with ``python benchmarks/bench_frames.py [--sizes 38 100000 1000000]
[--adapters with_changes ...]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
from scipy.special import ndtr, ndtri

import povstat

LEVEL = 0.9
Z = float(ndtri(0.5 + LEVEL / 2))
BASE = dt.datetime(2015, 3, 1)
Fn = Callable[[], Any]


def make_table(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` rows: regions x periods (38 rows: 19 x 2; larger: n / 10 x 10)."""
    periods = 2 if n < 100 else 10
    regions = n // periods
    rng = np.random.default_rng(seed)
    size = regions * periods
    rate = np.round(rng.uniform(1.0, 40.0, size), 2)
    rate[rng.random(size) < 0.01] = np.nan
    population = np.round(rng.uniform(50.0, 3000.0, size), 1)
    se = np.round(rate * rng.uniform(0.05, 0.15, size), 3)
    dates = pd.to_datetime([f"{2015 + i}-03-01" for i in range(periods)])
    df = pd.DataFrame(
        {
            "region_code": np.repeat([f"{3500 + i}" for i in range(regions)], periods),
            "period": np.tile(dates.to_numpy(), regions),
            "poverty_rate_pct": rate,
            "poor_thousands": np.round(rate * population / 100, 2),
            "population": population,
            "se": se,
        }
    )
    return df.sample(frac=1.0, random_state=seed).reset_index(drop=True)


# --------------------------------------------------------------------------
# Hand-written pandas and polars versions of each adapter's output
# --------------------------------------------------------------------------


def pd_headcount(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(headcount=df["poverty_rate_pct"] * df["population"] / 100)


def pl_headcount(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(
        (pl.col("poverty_rate_pct") * pl.col("population") / 100).alias("headcount")
    )


def pd_rate(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(rate=df["poor_thousands"] / df["population"] * 100)


def pl_rate(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(
        (pl.col("poor_thousands") / pl.col("population") * 100).alias("rate")
    )


def pd_implied(df: pd.DataFrame) -> pd.DataFrame:
    return df.assign(
        implied_population=df["poor_thousands"] / df["poverty_rate_pct"] * 100
    )


def pl_implied(df: pl.DataFrame) -> pl.DataFrame:
    return df.with_columns(
        (pl.col("poor_thousands") / pl.col("poverty_rate_pct") * 100).alias(
            "implied_population"
        )
    )


def pd_previous(df: pd.DataFrame, columns: list[str]) -> dict[str, pd.Series]:
    """Previous row of the region in period order, in the input's row order."""
    s = df.sort_values(["region_code", "period"])
    g = s.groupby("region_code", sort=False)
    return {c: g[c].shift().reindex(df.index) for c in columns}


def pd_changes(df: pd.DataFrame) -> pd.DataFrame:
    prev = pd_previous(df, ["period", "poverty_rate_pct"])
    v, b = df["poverty_rate_pct"], prev["poverty_rate_pct"]
    t = prev["period"]
    months = (df["period"].dt.year - t.dt.year) * 12 + (
        df["period"].dt.month - t.dt.month
    )
    years = months / 12
    points = v - b
    relative = points / b * 100
    return df.assign(
        previous_period=t,
        previous_value=b,
        elapsed_years=years,
        change_points=points,
        change_relative_pct=relative,
        change_points_per_year=points / years,
        change_compound_pct_per_year=((relative / 100 + 1) ** (1 / years) - 1) * 100,
    )


def pl_changes(df: pl.DataFrame) -> pl.DataFrame:
    t = pl.col("period").shift().over("region_code", order_by="period")
    b = pl.col("poverty_rate_pct").shift().over("region_code", order_by="period")
    out = df.with_columns(t.alias("previous_period"), b.alias("previous_value"))
    months = (pl.col("period").dt.year() - pl.col("previous_period").dt.year()) * 12 + (
        pl.col("period").dt.month().cast(pl.Int32)
        - pl.col("previous_period").dt.month().cast(pl.Int32)
    )
    out = out.with_columns(
        (months / 12).alias("elapsed_years"),
        (pl.col("poverty_rate_pct") - pl.col("previous_value")).alias("change_points"),
    )
    p, y = pl.col("change_points"), pl.col("elapsed_years")
    out = out.with_columns(
        (p / pl.col("previous_value") * 100).alias("change_relative_pct")
    )
    return out.with_columns(
        (p / y).alias("change_points_per_year"),
        (((pl.col("change_relative_pct") / 100 + 1) ** (1 / y) - 1) * 100).alias(
            "change_compound_pct_per_year"
        ),
    )


def pd_from_base(df: pd.DataFrame) -> pd.DataFrame:
    at = df["period"] == BASE
    base = df.loc[at].set_index("region_code")["poverty_rate_pct"]
    b = df["region_code"].map(base)
    v = df["poverty_rate_pct"]
    years = (df["period"].dt.year - BASE.year) + (
        df["period"].dt.month - BASE.month
    ) / 12
    points = v - b
    relative = points / b * 100
    per_year = (points / years).where(~at)
    compound = (((relative / 100 + 1) ** (1 / years) - 1) * 100).where(~at)
    return df.assign(
        base_value=b,
        elapsed_years=years,
        change_points=points,
        change_relative_pct=relative,
        change_points_per_year=per_year,
        change_compound_pct_per_year=compound,
    )


def pl_from_base(df: pl.DataFrame) -> pl.DataFrame:
    v = pl.col("poverty_rate_pct")
    at = pl.col("period") == BASE
    years = (pl.col("period").dt.year() - BASE.year).cast(pl.Float64) + (
        pl.col("period").dt.month().cast(pl.Int32) - BASE.month
    ) / 12
    out = df.with_columns(
        v.filter(at).first().over("region_code").alias("base_value"),
        years.alias("elapsed_years"),
    )
    b, y = pl.col("base_value"), pl.col("elapsed_years")
    out = out.with_columns((v - b).alias("change_points"))
    out = out.with_columns(
        (pl.col("change_points") / b * 100).alias("change_relative_pct")
    )
    return out.with_columns(
        pl.when(~at).then(pl.col("change_points") / y).alias("change_points_per_year"),
        pl.when(~at)
        .then(((pl.col("change_relative_pct") / 100 + 1) ** (1 / y) - 1) * 100)
        .alias("change_compound_pct_per_year"),
    )


def pd_decomposition(df: pd.DataFrame) -> pd.DataFrame:
    prev = pd_previous(df, ["poverty_rate_pct", "poor_thousands"])
    r1, h1 = df["poverty_rate_pct"] / 100, df["poor_thousands"]
    r0, h0 = prev["poverty_rate_pct"] / 100, prev["poor_thousands"]
    n0, n1 = h0 / r0, h1 / r1
    rate_effect = (r1 - r0) * (n0 + n1) / 2
    return df.assign(
        headcount_change=h1 - h0,
        population_effect=(r1 * n1 - r0 * n0) - rate_effect,
        rate_effect=rate_effect,
    )


def pl_decomposition(df: pl.DataFrame) -> pl.DataFrame:
    r1, h1 = pl.col("poverty_rate_pct") / 100, pl.col("poor_thousands")
    out = df.with_columns(
        (
            pl.col("poverty_rate_pct").shift().over("region_code", order_by="period")
            / 100
        ).alias("_r0"),
        pl.col("poor_thousands")
        .shift()
        .over("region_code", order_by="period")
        .alias("_h0"),
    )
    r0, h0 = pl.col("_r0"), pl.col("_h0")
    n0, n1 = h0 / r0, h1 / r1
    rate_effect = (r1 - r0) * (n0 + n1) / 2
    return out.with_columns(
        (h1 - h0).alias("headcount_change"),
        ((r1 * n1 - r0 * n0) - rate_effect).alias("population_effect"),
        rate_effect.alias("rate_effect"),
    ).drop("_r0", "_h0")


def pd_ranks(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("period")["poverty_rate_pct"]
    return df.assign(
        rank=g.rank(method="min", ascending=False), rank_count=g.transform("count")
    )


def pl_ranks(df: pl.DataFrame) -> pl.DataFrame:
    v = pl.col("poverty_rate_pct")
    return df.with_columns(
        v.rank("min", descending=True).over("period").cast(pl.Float64).alias("rank"),
        v.count().over("period").cast(pl.Int64).alias("rank_count"),
    )


def pd_interval(df: pd.DataFrame) -> pd.DataFrame:
    r, s = df["poverty_rate_pct"], df["se"]
    return df.assign(rate_se=s, rate_lower=r - Z * s, rate_upper=r + Z * s)


def pl_interval(df: pl.DataFrame) -> pl.DataFrame:
    r, s = pl.col("poverty_rate_pct"), pl.col("se")
    return df.with_columns(
        s.alias("rate_se"),
        (r - Z * s).alias("rate_lower"),
        (r + Z * s).alias("rate_upper"),
    )


def pd_change_test(df: pd.DataFrame) -> pd.DataFrame:
    prev = pd_previous(df, ["poverty_rate_pct", "se"])
    d = df["poverty_rate_pct"] - prev["poverty_rate_pct"]
    sd = (df["se"] ** 2 + prev["se"] ** 2) ** 0.5
    z = d / sd
    p = pd.Series(2 * ndtr(-np.abs(z.to_numpy())), index=df.index)
    return df.assign(
        change_se=sd,
        change_lower=d - Z * sd,
        change_upper=d + Z * sd,
        change_z=z,
        change_p_value=p,
        change_significant=(p < 1 - LEVEL).astype("boolean").mask(p.isna()),
    )


def pl_change_test(df: pl.DataFrame) -> pl.DataFrame:
    v, s = pl.col("poverty_rate_pct"), pl.col("se")
    out = df.with_columns(
        (v - v.shift().over("region_code", order_by="period")).alias("_d"),
        (s**2 + s.shift().over("region_code", order_by="period") ** 2)
        .sqrt()
        .alias("change_se"),
    )
    d, sd = pl.col("_d"), pl.col("change_se")
    out = out.with_columns(
        (d - Z * sd).alias("change_lower"),
        (d + Z * sd).alias("change_upper"),
        (d / sd).alias("change_z"),
    )
    z = out.get_column("change_z").to_numpy()
    p = pl.Series("change_p_value", 2 * ndtr(-np.abs(z))).fill_nan(None)
    return out.with_columns(p, (p < 1 - LEVEL).alias("change_significant")).drop("_d")


def pd_rank_sets(df: pd.DataFrame) -> pd.DataFrame:
    sets = povstat.rank_confidence_sets(
        df["poverty_rate_pct"].to_numpy(),
        se=df["se"].to_numpy(),
        descending=True,
        level=LEVEL,
        method="bonferroni",
        simultaneous=False,
        by=df["region_code"].to_numpy(),
    )
    return df.assign(rank_lower=sets.lower, rank_upper=sets.upper)


def pl_rank_sets(df: pl.DataFrame) -> pl.DataFrame:
    sets = povstat.rank_confidence_sets(
        df.get_column("poverty_rate_pct").to_numpy(),
        se=df.get_column("se").to_numpy(),
        descending=True,
        level=LEVEL,
        method="bonferroni",
        simultaneous=False,
        by=df.get_column("region_code").to_numpy(),
    )
    return df.with_columns(
        pl.Series("rank_lower", sets.lower).fill_nan(None),
        pl.Series("rank_upper", sets.upper).fill_nan(None),
    )


Case = tuple[
    Callable[..., Any],
    dict[str, Any],
    Callable[..., Any],
    Callable[..., Any],
    list[str],
]
CASES: dict[str, Case] = {
    "with_headcount": (
        povstat.with_headcount,
        {"unit": "percent", "population": "population"},
        pd_headcount,
        pl_headcount,
        ["headcount"],
    ),
    "with_rate": (
        povstat.with_rate,
        {"unit": "percent", "population": "population"},
        pd_rate,
        pl_rate,
        ["rate"],
    ),
    "with_implied_population": (
        povstat.with_implied_population,
        {"unit": "percent"},
        pd_implied,
        pl_implied,
        ["implied_population"],
    ),
    "with_changes": (
        povstat.with_changes,
        {"unit": "percent"},
        pd_changes,
        pl_changes,
        [
            "previous_value",
            "elapsed_years",
            "change_points",
            "change_relative_pct",
            "change_points_per_year",
            "change_compound_pct_per_year",
        ],
    ),
    "with_change_from_base": (
        povstat.with_change_from_base,
        {"unit": "percent", "base": BASE},
        pd_from_base,
        pl_from_base,
        [
            "base_value",
            "elapsed_years",
            "change_points",
            "change_relative_pct",
            "change_points_per_year",
            "change_compound_pct_per_year",
        ],
    ),
    "with_headcount_decomposition": (
        povstat.with_headcount_decomposition,
        {"unit": "percent"},
        pd_decomposition,
        pl_decomposition,
        ["headcount_change", "population_effect", "rate_effect"],
    ),
    "with_ranks": (
        povstat.with_ranks,
        {"descending": True, "by": "period"},
        pd_ranks,
        pl_ranks,
        ["rank", "rank_count"],
    ),
    "with_rate_interval": (
        povstat.with_rate_interval,
        {"unit": "percent", "level": LEVEL, "method": "normal", "se": "se"},
        pd_interval,
        pl_interval,
        ["rate_se", "rate_lower", "rate_upper"],
    ),
    "with_change_test": (
        povstat.with_change_test,
        {"unit": "percent", "level": LEVEL, "independent": True, "se": "se"},
        pd_change_test,
        pl_change_test,
        ["change_se", "change_lower", "change_upper", "change_z", "change_p_value"],
    ),
    "with_rank_sets": (
        povstat.with_rank_sets,
        {
            "descending": True,
            "level": LEVEL,
            "method": "bonferroni",
            "simultaneous": False,
            "se": "se",
            "by": "region_code",
        },
        pd_rank_sets,
        pl_rank_sets,
        ["rank_lower", "rank_upper"],
    ),
}


def as_float(frame: Any, column: str) -> np.ndarray[Any, np.dtype[np.float64]]:
    if isinstance(frame, pd.DataFrame):
        return frame[column].to_numpy(np.float64, na_value=np.nan)
    return np.asarray(frame.get_column(column).cast(pl.Float64).to_numpy(), np.float64)


def check_equal(name: str, a: Any, b: Any, columns: list[str]) -> None:
    for column in columns:
        np.testing.assert_allclose(
            as_float(a, column),
            as_float(b, column),
            rtol=1e-9,
            atol=1e-12,
            equal_nan=True,
            err_msg=f"{name}: {column}",
        )


def timed(fn: Fn, repeat: int) -> float:
    """Best of `repeat` back-to-back calls: one turn of a version."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def peak(fn: Fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def rounds_for(n: int) -> tuple[int, int]:
    """Rounds (even, so each version leads as often) and calls per turn."""
    return (100, 5) if n < 1000 else ((12, 3) if n <= 100_000 else (6, 2))


def bench(name: str, n: int) -> dict[str, float]:
    adapter, kw, by_pandas, by_polars, columns = CASES[name]
    pdf = make_table(n)
    plf = pl.from_pandas(pdf)
    versions: dict[str, Fn] = {
        "povstat-pandas": lambda: adapter(pdf, **kw),
        "pandas": lambda: by_pandas(pdf),
        "povstat-polars": lambda: adapter(plf, **kw),
        "polars": lambda: by_polars(plf),
    }
    check_equal(name, versions["povstat-pandas"](), versions["pandas"](), columns)
    check_equal(name, versions["povstat-polars"](), versions["polars"](), columns)
    order = list(versions)
    times: dict[str, list[float]] = {k: [] for k in order}
    rounds, repeat = rounds_for(n)
    for i in range(rounds):
        for key in order if i % 2 == 0 else order[::-1]:
            times[key].append(timed(versions[key], repeat))
    pairs = [("povstat-pandas", "pandas"), ("povstat-polars", "polars")]
    out = {
        f"{a}/{b}": statistics.median(
            x / y for x, y in zip(times[a], times[b], strict=True)
        )
        for a, b in pairs
    }
    out["pandas_ms"] = 1e3 * statistics.median(times["pandas"])
    out["povstat_pandas_ms"] = 1e3 * statistics.median(times["povstat-pandas"])
    out["polars_ms"] = 1e3 * statistics.median(times["polars"])
    out["extra_ms"] = 1e3 * statistics.median(
        x - y for x, y in zip(times["povstat-pandas"], times["pandas"], strict=True)
    )
    out["memory"] = peak(versions["povstat-pandas"]) / max(peak(versions["pandas"]), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[38, 100_000, 1_000_000]
    )
    parser.add_argument("--adapters", nargs="+", default=list(CASES))
    args = parser.parse_args()
    head = (
        f"{'adapter':30} {'rows':>9} {'pandas ms':>10} {'povstat ms':>10} "
        f"{'x pandas':>9} {'+ms':>7} {'x polars':>9} {'mem x pd':>9}"
    )
    print(head)
    print("-" * len(head))
    for n in args.sizes:
        for name in args.adapters:
            r = bench(name, n)
            print(
                f"{name:30} {n:>9,} {r['pandas_ms']:>10.2f} "
                f"{r['povstat_pandas_ms']:>10.2f} {r['povstat-pandas/pandas']:>9.2f} "
                f"{r['extra_ms']:>7.2f} {r['povstat-polars/polars']:>9.2f} "
                f"{r['memory']:>9.2f}",
                flush=True,
            )
    print(
        "\nx pandas, x polars: median over rounds of povstat's time / the "
        "hand-written time, same library; +ms: median extra milliseconds over "
        "hand-written pandas; mem x pd: tracemalloc peak, povstat / pandas."
    )


if __name__ == "__main__":
    main()
