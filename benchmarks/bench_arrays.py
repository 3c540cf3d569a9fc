"""Speed and peak memory of povstat's array functions against hand-written code.

Each povstat call validates its inputs (units, ranges, shapes, missing
values) and handles edge cases (zero denominators, NaN). This script measures
what that costs: for each function it runs the povstat call and the best
hand-written code computing the same numbers (bare numpy arithmetic without
any check, or scipy's ``rankdata``, or pandas' grouped rank), in the same
process, on the same data.

Honest by construction:

- the outputs are checked equal (NaN included) before anything is timed;
- the data have about 1 % missing values in every column (the slower
  validation path) and rows in random order;
- the two versions run in alternating turns (which goes first alternates
  too), and the ratio reported is the median of the per-round ratios;
- peak memory (numpy and Python allocations, by ``tracemalloc``) is measured
  in a separate call of each version and reported beside the time.

Run: ``python benchmarks/bench_arrays.py [n] [rounds]`` (default n =
10,000,000 elements, 7 rounds). Ratios above 1 mean povstat is slower or
uses more memory.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy.stats import rankdata

from povstat import (
    annualized_change,
    decompose_headcount_change,
    rank,
    rate_change,
    rate_to_headcount,
)

Case = tuple[str, Callable[[], Any], Callable[[], Any], Callable[[Any], Any]]


def _arrays(x: Any) -> list[NDArray[Any]]:
    if isinstance(x, tuple):
        return [np.asarray(a) for a in x]
    return [np.asarray(x)]


def _same(x: NDArray[Any], y: NDArray[Any], *, once: bool, decimal: bool) -> bool:
    if decimal:
        # povstat differences the decimals the rates stand for (exact) and
        # rounds once, the baseline differences their binary values in
        # rounded steps: they may differ by the rounding of an input or a
        # step (1e-15 of its size), carried into a difference or a ratio.
        size = float(np.nanmax(np.abs(y))) if y.size else 0.0
        return bool(np.allclose(x, y, rtol=1e-12, atol=1e-12 * size, equal_nan=True))
    if not once:
        return bool(np.array_equal(x, y, equal_nan=True))
    # povstat rounds once (the float nearest to the exact value), the
    # baseline twice: they may differ by a unit in the last place.
    return bool(np.allclose(x, y, rtol=4.5e-16, atol=0.0, equal_nan=True))


def _check_equal(name: str, ours: Any, base: Any) -> None:
    a, b = _arrays(ours), _arrays(base)
    once = "rounded twice" in name
    decimal = "on binary values" in name
    if len(a) != len(b) or not all(
        _same(x, y, once=once, decimal=decimal) for x, y in zip(a, b, strict=True)
    ):
        msg = f"{name}: povstat and the baseline give different outputs"
        raise AssertionError(msg)


def _time(fn: Callable[[], Any]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _peak(fn: Callable[[], Any]) -> float:
    """Peak memory allocated while `fn` runs (its output included), in bytes."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    out = fn()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    del out
    return float(peak)


def _grouped_min_rank_pandas(
    values: NDArray[np.float64], groups: NDArray[np.int64]
) -> NDArray[np.float64]:
    """Hand-written grouped rank (rank 1 = highest, ties "min") with pandas."""
    s = pd.Series(values)
    return np.asarray(
        s.groupby(groups).rank(method="min", ascending=False), dtype=np.float64
    )


def cases(n: int, rng: np.random.Generator) -> list[Case]:
    """Inputs with ~1 % NaN per column and shuffled rows, and the pairs to time."""

    def with_missing(x: NDArray[np.float64]) -> NDArray[np.float64]:
        x[rng.random(n) < 0.01] = np.nan
        return x

    r0 = with_missing(rng.uniform(0.5, 30.0, n))
    r1 = with_missing(rng.uniform(0.5, 30.0, n))
    pop = with_missing(rng.uniform(1e3, 1e6, n))
    pop1 = with_missing(pop * rng.uniform(0.95, 1.05, n))
    years = rng.choice([0.5, 1.0, 2.0], n)
    # Groups of 500 rows (e.g. regencies x years), rows shuffled.
    groups = np.repeat(np.arange(n // 500 + 1), 500)[:n]
    rng.shuffle(groups)

    # Published figures: rates of 2 decimals, populations in whole persons
    # (the decimal reading of every element, where r0 and pop read binary).
    r_pub, pop_pub = np.round(r0, 2), np.round(pop)

    def headcount_by_hand() -> NDArray[np.float64]:
        return np.asarray(r0 * pop / 100.0)

    def published_by_hand() -> NDArray[np.float64]:
        return np.asarray(r_pub * pop_pub / 100.0)

    def change_by_hand() -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        d = r1 - r0
        return d, d / r0 * 100.0

    def annualized_by_hand() -> tuple[NDArray[np.float64], ...]:
        d = r1 - r0
        rel = d / r0 * 100.0
        return (
            d,
            rel,
            years,
            d / years,
            ((rel / 100.0 + 1.0) ** (1.0 / years) - 1.0) * 100.0,
        )

    def decomposition_by_hand() -> tuple[NDArray[np.float64], ...]:
        total = (r1 * pop1 - r0 * pop) / 100.0
        rate_effect = (r1 - r0) * (pop + pop1) / (2.0 * 100.0)
        return total, total - rate_effect, rate_effect

    return [
        (
            "rate_to_headcount (vs r * n / 100, rounded twice)",
            lambda: rate_to_headcount(r0, pop, unit="percent"),
            headcount_by_hand,
            lambda x: x,
        ),
        (
            "rate_to_headcount of figures (vs numpy on binary values)",
            lambda: rate_to_headcount(r_pub, pop_pub, unit="percent"),
            published_by_hand,
            lambda x: x,
        ),
        (
            "rate_change (vs d = r1 - r0, d / r0 * 100 on binary values)",
            lambda: rate_change(r0, r1, unit="percent"),
            change_by_hand,
            lambda x: (x.points, x.relative),
        ),
        (
            "annualized_change (vs numpy on binary values)",
            lambda: annualized_change(r0, r1, years=years, unit="percent"),
            annualized_by_hand,
            lambda x: (
                x.points,
                x.relative,
                x.years,
                x.points_per_year,
                x.compound_per_year,
            ),
        ),
        (
            "decompose_headcount_change (vs numpy on binary values)",
            lambda: decompose_headcount_change(r0, r1, pop, pop1, unit="percent"),
            decomposition_by_hand,
            lambda x: (x.change, x.population_effect, x.rate_effect),
        ),
        (
            "rank, no groups (vs scipy rankdata)",
            lambda: rank(r0, descending=True, ties="min"),
            lambda: rankdata(-r0, method="min", nan_policy="omit"),
            lambda x: x.rank,
        ),
        (
            "rank within groups (vs pandas groupby rank)",
            lambda: rank(r0, descending=True, ties="min", by=groups),
            lambda: _grouped_min_rank_pandas(r0, groups),
            lambda x: x.rank,
        ),
    ]


def main(n: int, rounds: int) -> None:
    """Check, time and measure every case; print one line per case."""
    rng = np.random.default_rng(0)
    print(
        f"n = {n:,} elements, ~1 % NaN per column, rows shuffled; {rounds} rounds "
        "in alternating turns; ratio = povstat / baseline (median of rounds)"
    )
    print(
        f"{'function':46s} {'povstat s':>10s} {'base s':>8s} {'time x':>7s} "
        f"{'povstat MB':>11s} {'base MB':>8s} {'mem x':>6s}"
    )
    for name, ours, base, outputs in cases(n, rng):
        _check_equal(name, outputs(ours()), base())
        t_ours: list[float] = []
        t_base: list[float] = []
        for i in range(rounds):
            if i % 2:
                t_base.append(_time(base))
                t_ours.append(_time(ours))
            else:
                t_ours.append(_time(ours))
                t_base.append(_time(base))
        ratio = float(np.median(np.divide(t_ours, t_base)))
        m_ours = _peak(ours)
        m_base = _peak(base)
        print(
            f"{name:46s} {np.median(t_ours):10.3f} {np.median(t_base):8.3f} "
            f"{ratio:7.2f} {m_ours / 1e6:11.0f} {m_base / 1e6:8.0f} "
            f"{m_ours / m_base:6.2f}"
        )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 7,
    )
