"""Speed of povstat's grouped sums and pooled rates against a pandas groupby.

:func:`povstat.sum_counts` and :func:`povstat.pooled_rate` check their
inputs, sort the rows into a canonical order (so that results never depend
on row order) and carry errors and rounding bounds. This script times them
against the plain pandas ``groupby().sum()`` that computes the same totals,
variances and pooled rates, in the same process, and prints the ratio.

Most of povstat's time is the canonical sort (an ``O(n log n)`` lexsort on
the group and every input column), which pandas does not do: its sums follow
row order, so a shuffled table can give totals that differ in the last bits.
Published tables are small (about 500 regencies and cities times a few dozen
survey rounds), hence the default size.

Run: ``python benchmarks/bench_aggregate.py [n]`` (default n = 20,000 rows in
n / 50 groups).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from povstat import pooled_rate, sum_counts


def best_of(fn: Callable[[], Any], repeats: int = 5) -> float:
    """Best wall time of `repeats` calls, in seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(n: int) -> None:
    rng = np.random.default_rng(0)
    rate = rng.uniform(1.0, 30.0, n)
    pop = rng.uniform(1e2, 1e4, n)
    poor = rate / 100 * pop
    se = rate * 0.1
    groups = rng.integers(0, max(n // 50, 1), n)
    frame = pd.DataFrame({"g": groups, "poor": poor, "pop": pop, "se": se})

    def pandas_sum() -> Any:
        f = frame.assign(var=frame["se"] ** 2)
        return f.groupby("g")[["poor", "var"]].sum()

    def pandas_pooled() -> Any:
        f = frame.assign(v=(frame["pop"] * frame["se"] / 100) ** 2)
        s = f.groupby("g")[["poor", "pop", "v"]].sum()
        return s["poor"] / s["pop"] * 100, np.sqrt(s["v"]) / s["pop"] * 100

    cases: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        (
            "sum_counts",
            lambda: sum_counts(poor, se=se, by=groups, level=0.9, independent=True),
            pandas_sum,
        ),
        (
            "pooled_rate",
            lambda: pooled_rate(
                poor,
                population=pop,
                unit="percent",
                se=se,
                by=groups,
                level=0.9,
                independent=True,
            ),
            pandas_pooled,
        ),
    ]
    print(f"n = {n:,} rows, {len(np.unique(groups)):,} groups")
    for name, ours, baseline in cases:
        t_ours, t_base = best_of(ours), best_of(baseline)
        print(
            f"{name:<12} povstat {t_ours * 1e3:8.1f} ms   pandas groupby "
            f"{t_base * 1e3:8.1f} ms   ratio {t_ours / t_base:5.1f}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
