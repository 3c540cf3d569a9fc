"""Time the confidence sets for ranks on a national-size problem.

Ranks all 514 regencies and cities of Indonesia at once: synthetic poverty
rates (log-normal around 10 %, seeded) with relative standard errors of 4-20 %,
as Susenas estimates for regencies have. Times, in the same process:

* the baseline: drawing the 10,000 x 514 normal variates with numpy, the least
  any parametric bootstrap of these estimates has to do;
* ``rank_confidence_sets`` with ``method="bootstrap"`` (Mogstad et al., with
  stepdown), marginal and simultaneous, 10,000 draws, all regions ranked
  together and within 38 provinces; 514 x 513 pairs x 10,000 draws would be
  21 GB as one float64 array, so the draws are processed in cache-sized
  chunks;
* the deterministic Bonferroni and Šidák sets, ``tau_best_set`` and
  ``rank_probabilities`` (10,000 draws), for comparison.

Each line gives the best wall time of ``--repeats`` runs and its ratio to the
baseline. The peak memory that numpy allocates during one marginal bootstrap
run (``tracemalloc``) is printed last. The machine's load average is printed
first: other processes on a small machine slow every line.

Run with ``python benchmarks/bench_rank_inference.py [--regions N]
[--draws B] [--repeats K]``.
"""

from __future__ import annotations

import argparse
import os
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np

from povstat import rank_confidence_sets, rank_probabilities, tau_best_set


def best_of(fn: Callable[[], Any], repeats: int) -> float:
    """Best wall time of `repeats` calls, in seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(regions: int, draws: int, repeats: int) -> None:
    rng = np.random.default_rng(2024)
    rate = np.exp(rng.normal(np.log(10.0), 0.45, regions))
    se = rate * rng.uniform(0.04, 0.20, regions)
    province = rng.integers(0, 38, regions)

    def boot(simultaneous: bool, groups: Any = None) -> Callable[[], Any]:
        return lambda: rank_confidence_sets(
            rate,
            se=se,
            descending=True,
            level=0.9,
            method="bootstrap",
            simultaneous=simultaneous,
            by=groups,
            n_draws=draws,
            seed=1,
        )

    def determ(method: str, simultaneous: bool) -> Callable[[], Any]:
        return lambda: rank_confidence_sets(
            rate,
            se=se,
            descending=True,
            level=0.9,
            method=method,  # type: ignore[arg-type]
            simultaneous=simultaneous,
        )

    cases: list[tuple[str, Callable[[], Any]]] = [
        ("bootstrap, marginal", boot(False)),
        ("bootstrap, simultaneous", boot(True)),
        ("bootstrap, marginal, 38 provinces", boot(False, province)),
        ("bootstrap, simult., 38 provinces", boot(True, province)),
        ("bonferroni, marginal", determ("bonferroni", False)),
        ("sidak, simultaneous", determ("sidak", True)),
        (
            "tau_best_set (tau=3), bootstrap",
            lambda: tau_best_set(
                rate,
                se=se,
                tau=3,
                descending=False,
                level=0.9,
                method="bootstrap",
                n_draws=draws,
                seed=1,
            ),
        ),
        (
            "rank_probabilities",
            lambda: rank_probabilities(
                rate, se=se, descending=True, n_draws=draws, seed=1
            ),
        ),
    ]

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{regions} regions, {draws:,} draws; {os.cpu_count()} CPUs; load {load}")
    t_base = best_of(
        lambda: np.random.default_rng(1).standard_normal((draws, regions)), repeats
    )
    print(f"{'case':34s} {'seconds':>9s} {'x baseline':>11s}")
    print(f"{'baseline: numpy normal draws':34s} {t_base:9.3f} {1.0:11.1f}")
    for name, fn in cases:
        t = best_of(fn, repeats)
        print(f"{name:34s} {t:9.3f} {t / t_base:11.1f}")

    cs = boot(False)()
    width = np.mean(cs.upper - cs.lower + 1)
    print(f"mean size of the marginal 90 % bootstrap sets: {width:.1f} ranks")
    tracemalloc.start()
    boot(False)()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"peak memory of one marginal bootstrap run: {peak / 2**20:.0f} MiB "
        f"(the draws alone: {draws * regions * 8 / 2**20:.0f} MiB)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=514)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    main(args.regions, args.draws, args.repeats)
