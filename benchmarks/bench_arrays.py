"""Speed of povstat's array functions against raw numpy arithmetic.

Each povstat call validates its inputs (units, ranges, shapes) and handles
edge cases (zero denominators, NaN). This script measures what that costs:
for each function it times the povstat call and the bare numpy expression
computing the same numbers, in the same process, and prints the ratio.

Run: ``python benchmarks/bench_arrays.py [n]`` (default n = 2,000,000).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.stats import rankdata

from povstat import (
    annualized_change,
    decompose_headcount_change,
    rank,
    rate_change,
    rate_to_headcount,
    round_half_up,
)


def best_of(fn: Callable[[], Any], repeats: int = 7) -> float:
    """Best wall time of `repeats` calls, in seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(n: int) -> None:
    rng = np.random.default_rng(0)
    r0 = rng.uniform(0.5, 30.0, n)
    r1 = rng.uniform(0.5, 30.0, n)
    pop = rng.uniform(1e3, 1e6, n)
    pop1 = pop * rng.uniform(0.95, 1.05, n)
    years = np.full(n, 2.0)
    groups = rng.integers(0, n // 500, n)

    cases: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        (
            "rate_to_headcount",
            lambda: rate_to_headcount(r0, pop, unit="percent"),
            lambda: r0 / 100.0 * pop,
        ),
        (
            "rate_change",
            lambda: rate_change(r0, r1, unit="percent"),
            lambda: (r1 - r0, (r1 / r0 - 1.0) * 100.0),
        ),
        (
            "annualized_change",
            lambda: annualized_change(r0, r1, years=years, unit="percent"),
            lambda: (
                r1 - r0,
                (r1 / r0 - 1.0) * 100.0,
                (r1 - r0) / years,
                ((r1 / r0) ** (1.0 / years) - 1.0) * 100.0,
            ),
        ),
        (
            "decompose_headcount_change",
            lambda: decompose_headcount_change(r0, r1, pop, pop1, unit="percent"),
            lambda: (
                (r1 * pop1 - r0 * pop) / 100.0,
                (r1 - r0) * (pop + pop1) / 200.0,
                (pop1 - pop) * (r0 + r1) / 200.0,
            ),
        ),
        (
            "round_half_up (vs naive floor(x*100+0.5))",
            lambda: round_half_up(r0, 2),
            lambda: np.copysign(np.floor(np.abs(r0) * 100.0 + 0.5) / 100.0, r0),
        ),
        (
            "rank, no groups (vs scipy rankdata)",
            lambda: rank(r0, descending=True, ties="min"),
            lambda: rankdata(-r0, method="min"),
        ),
        (
            "rank within groups (vs numpy lexsort)",
            lambda: rank(r0, descending=True, ties="min", groups=groups),
            lambda: np.lexsort((-r0, groups)),
        ),
    ]
    print(f"n = {n:,} elements; best of 7 runs; ratio = povstat / baseline")
    print(f"{'function':40s} {'povstat ms':>11s} {'baseline ms':>12s} {'ratio':>7s}")
    for name, ours, base in cases:
        t_ours = best_of(ours)
        t_base = best_of(base)
        print(
            f"{name:40s} {t_ours * 1e3:11.1f} {t_base * 1e3:12.1f} "
            f"{t_ours / t_base:7.2f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000)
