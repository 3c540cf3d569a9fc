"""Time the uncertainty adapters against the array functions they wrap.

Three problems, each timed in the same process as the best of ``--repeats``
runs, with the ratio to a baseline on the same numbers:

* ``with_rank_sets`` on a national-size table: 514 regencies and cities
  (synthetic log-normal rates around 10 %, RSEs of 4-20 %, seeded),
  ``method="bootstrap"`` with ``--draws`` draws (default 10,000), marginal
  and simultaneous, all regions as one group and within 38 provinces.
  Baseline: :func:`povstat.rank_confidence_sets` on the numpy arrays. The
  bootstrap runs in threads, so on a busy machine these ratios scatter
  around 1; the last line isolates the adapter's own cost with the
  deterministic Bonferroni sets.
* ``with_rate_interval`` on a long table of ``--rows`` rows (default 1e6;
  rates with an RSE column, about 1 % missing): normal and logit intervals.
  Baseline: :func:`povstat.se_from_rse` then :func:`povstat.rate_interval`.
* ``with_change_test`` on the same table, 500 regions, rows shuffled.
  Baselines: :func:`povstat.change_test` alone, on before/after arrays that
  are already aligned (the least the test costs); and the same plus the
  numpy work to find each row's previous period (``lexsort`` by region and
  period, shift, scatter back to the input's order), which is what the
  adapter has to do too.

Each adapter's output is checked to agree with its baseline before it is
timed. Frames are pandas (numpy float64) and polars (eager, and lazy
including ``collect`` where the adapter keeps frames lazy).

Run with ``python benchmarks/bench_frames_uncertainty.py [--regions N]
[--draws B] [--rows R] [--repeats K]``.
"""

from __future__ import annotations

import argparse
import functools
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import polars as pl

from povstat import (
    change_test,
    rank_confidence_sets,
    rate_interval,
    se_from_rse,
    with_change_test,
    with_rank_sets,
    with_rate_interval,
)


def best(func: Callable[[], Any], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def line(backend: str, name: str, t: float, t_base: float) -> None:
    print(
        f"{backend:13s} {name:40s} {t * 1e3:9.1f} ms   baseline "
        f"{t_base * 1e3:9.1f} ms   ratio {t / t_base:5.2f}"
    )


def column(frame: Any, name: str) -> Any:
    if isinstance(frame, pl.LazyFrame):
        frame = frame.collect()
    if isinstance(frame, pd.DataFrame):
        return frame[name].to_numpy(np.float64, na_value=np.nan)
    return frame.get_column(name).cast(pl.Float64).fill_null(np.nan).to_numpy()


def collected(adapter: Callable[[Any], Any], frame: Any) -> Any:
    out = adapter(frame)
    return out.collect() if isinstance(out, pl.LazyFrame) else out


def rank_sets(regions: int, draws: int, repeats: int) -> None:
    rng = np.random.default_rng(2024)
    rate = np.exp(rng.normal(np.log(10.0), 0.45, regions))
    se = rate * rng.uniform(0.04, 0.20, regions)
    province = rng.integers(0, 38, regions)
    df = pd.DataFrame({"province": province, "rate": rate, "rate_se": se})
    frames: dict[str, Any] = {"pandas": df, "polars": pl.from_pandas(df)}
    print(f"\nwith_rank_sets: {regions} regions, {draws:,} bootstrap draws")
    for simultaneous in (False, True):
        for by in (None, "province"):
            kw: dict[str, Any] = {
                "descending": True,
                "level": 0.9,
                "method": "bootstrap",
                "simultaneous": simultaneous,
                "n_draws": draws,
                "seed": 1,
            }
            groups = None if by is None else province

            def base(kw: dict[str, Any] = kw, groups: Any = groups) -> Any:
                return rank_confidence_sets(rate, se=se, by=groups, **kw)

            ref = base()
            t_base = best(base, repeats)
            name = (
                f"{'simultaneous' if simultaneous else 'marginal'}, "
                f"{'one group' if by is None else '38 provinces'}"
            )
            for backend, frame in frames.items():
                adapter = functools.partial(with_rank_sets, frame, by=by, **kw)
                out = adapter()
                np.testing.assert_array_equal(column(out, "rank_lower"), ref.lower)
                np.testing.assert_array_equal(column(out, "rank_upper"), ref.upper)
                line(backend, name, best(adapter, repeats), t_base)

    # The adapter's own cost (checks, reading the columns, adding the new
    # ones), seen on a method that costs almost nothing itself.
    det: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "bonferroni",
        "simultaneous": False,
    }

    def cheap() -> Any:
        return rank_confidence_sets(rate, se=se, by=province, **det)

    t_base = best(cheap, repeats)
    for backend, frame in frames.items():
        adapter = functools.partial(with_rank_sets, frame, by="province", **det)
        line(backend, "bonferroni (adapter overhead)", best(adapter, repeats), t_base)


def make_table(rows: int, regions: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    periods = rows // regions
    n = regions * periods
    rate = np.round(rng.uniform(1.0, 40.0, n), 2)
    rate[rng.random(n) < 0.01] = np.nan
    df = pd.DataFrame(
        {
            "region": np.repeat([f"R{i:04d}" for i in range(regions)], periods),
            "period": np.tile(np.arange(2000, 2000 + periods), regions),
            "rate": rate,
            "rse": np.round(rng.uniform(2.0, 25.0, n), 1),
        }
    )
    return df.sample(frac=1.0, random_state=seed)


def intervals(df: pd.DataFrame, repeats: int) -> None:
    rate = df["rate"].to_numpy(np.float64)
    rse = df["rse"].to_numpy(np.float64)
    print(f"\nwith_rate_interval: {len(df):,} rows")
    frames: dict[str, Any] = {
        "pandas": df,
        "polars": pl.from_pandas(df),
        "polars-lazy": pl.from_pandas(df).lazy(),
    }
    for method in ("normal", "logit"):

        def base(method: str = method) -> Any:
            return rate_interval(
                rate,
                unit="percent",
                level=0.95,
                method=method,  # type: ignore[arg-type]
                se=se_from_rse(rate, rse),
            )

        ref = base()
        t_base = best(base, repeats)
        for backend, frame in frames.items():
            adapter = functools.partial(
                with_rate_interval,
                unit="percent",
                level=0.95,
                method=method,
                rse="rse",
            )
            out = collected(adapter, frame)
            for name, want in (("rate_lower", ref.lower), ("rate_upper", ref.upper)):
                np.testing.assert_allclose(
                    column(out, name), want, rtol=1e-12, equal_nan=True
                )
            line(
                backend,
                method,
                best(functools.partial(collected, adapter, frame), repeats),
                t_base,
            )


def previous(df: pd.DataFrame) -> tuple[Any, Any]:
    """Row index of each row's previous period in its region (-1: none)."""
    codes, _ = pd.factorize(df["region"])
    period = df["period"].to_numpy()
    order = np.lexsort((period, codes))
    same = np.zeros(len(df), dtype=bool)
    same[1:] = codes[order][1:] == codes[order][:-1]
    prev_sorted = np.where(same, np.r_[-1, order[:-1]], -1)
    prev = np.empty(len(df), dtype=np.intp)
    prev[order] = prev_sorted
    return prev, prev >= 0


def changes(df: pd.DataFrame, repeats: int) -> None:
    rate = df["rate"].to_numpy(np.float64)
    se = se_from_rse(rate, df["rse"].to_numpy(np.float64))
    with_se = df.assign(rate_se=se)
    print(f"\nwith_change_test: {len(df):,} rows, rows shuffled")

    def aligned(prev: Any, has: Any) -> tuple[Any, ...]:
        before = np.where(has, rate[prev], np.nan)
        se_before = np.where(has, se[prev], np.nan)
        return before, se_before

    prev, has = previous(df)
    before, se_before = aligned(prev, has)

    def test_only() -> Any:
        return change_test(
            before,
            rate,
            se_before=se_before,
            se_after=se,
            level=0.95,
            independent=True,
        )

    def with_lookup() -> Any:
        b, sb = aligned(*previous(df))
        return change_test(
            b, rate, se_before=sb, se_after=se, level=0.95, independent=True
        )

    ref = test_only()
    t_test = best(test_only, repeats)
    t_lookup = best(with_lookup, repeats)
    print(
        f"{'baselines':13s} change_test alone {t_test * 1e3:.1f} ms; with the "
        f"previous-period lookup in numpy {t_lookup * 1e3:.1f} ms"
    )
    frames: dict[str, Any] = {
        "pandas": with_se,
        "polars": pl.from_pandas(with_se),
        "polars-lazy": pl.from_pandas(with_se).lazy(),
    }
    adapter = functools.partial(
        with_change_test, unit="percent", level=0.95, independent=True
    )
    for backend, frame in frames.items():
        out = collected(adapter, frame)
        for name, want in (
            ("change_points", ref.points),
            ("change_se", ref.se),
            ("change_p_value", ref.p_value),
        ):
            np.testing.assert_allclose(
                column(out, name), want, rtol=1e-12, atol=1e-300, equal_nan=True
            )
        t = best(functools.partial(collected, adapter, frame), repeats)
        line(backend, "vs change_test alone", t, t_test)
        line(backend, "vs change_test + numpy lookup", t, t_lookup)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--regions", type=int, default=514)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} CPUs; load {load}")
    rank_sets(args.regions, args.draws, args.repeats)
    table = make_table(args.rows, 500)
    intervals(table, args.repeats)
    changes(table, args.repeats)


if __name__ == "__main__":
    main()
