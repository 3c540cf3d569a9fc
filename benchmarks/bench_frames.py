"""Time the dataframe adapters against the same work written by hand in pandas.

Builds a synthetic long table (by default 500 regions x 2,000 periods = 1e6
rows, rows shuffled, about 1 % of rates missing), then times, in the same
process and as the best of a few repeats:

* ``with_changes`` against ``sort_values`` + ``groupby`` ``diff`` /
  ``pct_change`` / ``shift``, with the result put back in the input's order;
* ``with_change_from_base`` against ``where`` + ``groupby`` ``transform``;
* ``with_ranks`` (regions ranked within each period) against ``groupby``
  ``rank`` and ``transform("count")``.

The hand-written versions compute the same output columns but do not
validate anything (units, ranges, missing keys, duplicated keys, existing
columns). Each pair is checked to agree before it is timed. One more line
times ``with_change_from_base`` against the hand-written version plus a
``DataFrame.duplicated`` check of the keys, since that check is most of the
difference there. The adapters are then timed on polars (eager, and lazy
including ``collect``).

Run with ``python benchmarks/bench_frames.py [--regions R] [--periods T]
[--repeats K]``.
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

from povstat import with_change_from_base, with_changes, with_ranks

BASE = 2500
TARGET = 1.5


def make_table(regions: int, periods: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = regions * periods
    rate = np.round(rng.uniform(1.0, 40.0, n), 2)
    rate[rng.random(n) < 0.01] = np.nan
    df = pd.DataFrame(
        {
            "region": np.repeat([f"R{i:04d}" for i in range(regions)], periods),
            "period": np.tile(np.arange(2000, 2000 + periods), regions),
            "rate": rate,
        }
    )
    return df.sample(frac=1.0, random_state=seed)


def hand_changes(df: pd.DataFrame) -> pd.DataFrame:
    s = df.sort_values(["region", "period"])
    g = s.groupby("region", sort=False)
    diff = g["rate"].diff()
    prev_period = g["period"].shift()
    elapsed = s["period"] - prev_period
    relative = g["rate"].pct_change() * 100
    new = pd.DataFrame(
        {
            "previous_period": prev_period,
            "previous_value": g["rate"].shift(),
            "elapsed_years": elapsed,
            "change_points": diff,
            "change_relative_pct": relative,
            "change_points_per_year": diff / elapsed,
            "change_compound_pct_per_year": (
                ((relative / 100 + 1) ** (1 / elapsed) - 1) * 100
            ),
        },
        index=s.index,
    )
    return pd.concat([df, new.reindex(df.index)], axis=1)


def hand_change_from_base(df: pd.DataFrame) -> pd.DataFrame:
    rate = df["rate"]
    base = rate.where(df["period"] == BASE).groupby(df["region"]).transform("max")
    elapsed = (df["period"] - BASE).astype(np.float64)
    points = rate - base
    relative = points / base * 100
    return df.assign(
        base_value=base,
        elapsed_years=elapsed,
        change_points=points,
        change_relative_pct=relative,
        change_points_per_year=(points / elapsed).where(elapsed != 0),
        change_compound_pct_per_year=(
            ((relative / 100 + 1) ** (1 / elapsed) - 1) * 100
        ).where(elapsed != 0),
    )


def hand_change_from_base_checked(df: pd.DataFrame) -> pd.DataFrame:
    """The same, refusing duplicated (region, period) keys as the adapter does."""
    if df.duplicated(["region", "period"]).any():
        msg = "duplicated keys"
        raise ValueError(msg)
    return hand_change_from_base(df)


def hand_ranks(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("period")["rate"]
    return df.assign(
        rank=g.rank(method="min", ascending=False),
        rank_count=g.transform("count"),
    )


def best(func: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def collect(adapter: Callable[[Any], Any], lazy: pl.LazyFrame) -> pl.DataFrame:
    out: pl.DataFrame = adapter(lazy).collect()
    return out


def agree(ours: pd.DataFrame, hand: pd.DataFrame, columns: list[str]) -> None:
    if not ours.index.equals(hand.index):
        msg = "row order differs"
        raise AssertionError(msg)
    for c in columns:
        a = ours[c].to_numpy(np.float64, na_value=np.nan)
        b = hand[c].to_numpy(np.float64, na_value=np.nan)
        np.testing.assert_allclose(a, b, rtol=1e-12, equal_nan=True, err_msg=c)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regions", type=int, default=500)
    parser.add_argument("--periods", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    df = make_table(args.regions, args.periods)
    print(f"{len(df):,} rows ({args.regions} regions x {args.periods} periods)")
    cases: list[tuple[str, Callable[[Any], Any], Callable[[pd.DataFrame], Any]]] = [
        (
            "with_changes",
            functools.partial(with_changes, unit="percent"),
            hand_changes,
        ),
        (
            "with_change_from_base",
            functools.partial(with_change_from_base, unit="percent", base=BASE),
            hand_change_from_base,
        ),
        (
            "with_ranks(by=period)",
            functools.partial(with_ranks, descending=True, by="period"),
            hand_ranks,
        ),
    ]
    for name, adapter, hand in cases:
        ours = adapter(df)
        reference = hand(df)
        new = [c for c in ours.columns if c not in df.columns]
        agree(ours, reference, new)
        t_ours = best(functools.partial(adapter, df), args.repeats)
        t_hand = best(functools.partial(hand, df), args.repeats)
        ratio = t_ours / t_hand
        flag = "ok" if ratio <= TARGET else f"above {TARGET}x"
        print(
            f"pandas  {name:24s} povstat {t_ours * 1e3:8.1f} ms   "
            f"hand-written {t_hand * 1e3:8.1f} ms   ratio {ratio:5.2f}  {flag}"
        )

    t_ours = best(functools.partial(cases[1][1], df), args.repeats)
    t_hand = best(functools.partial(hand_change_from_base_checked, df), args.repeats)
    print(
        f"pandas  {'with_change_from_base':24s} povstat {t_ours * 1e3:8.1f} ms   "
        f"hand + dup. check {t_hand * 1e3:8.1f} ms   ratio {t_ours / t_hand:5.2f}"
    )

    eager = pl.from_pandas(df)
    lazy = eager.lazy()
    for name, adapter, _ in cases:
        t_eager = best(functools.partial(adapter, eager), args.repeats)
        t_lazy = best(functools.partial(collect, adapter, lazy), args.repeats)
        print(
            f"polars  {name:24s} eager {t_eager * 1e3:8.1f} ms   "
            f"lazy+collect {t_lazy * 1e3:8.1f} ms"
        )


if __name__ == "__main__":
    main()
