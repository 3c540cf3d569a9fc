"""Time poverty measures with design-based errors from unit-level survey data.

Builds a synthetic stratified cluster sample (default 1e6 and 1e7 rows, 514
domains as Indonesia's regencies and cities, two strata per domain, PSUs of
ten rows, log-normal welfare, a poverty line per domain) and times, in the
same process and as the best of a few repeats:

* the lower bound: a plain numpy pass computing P0, P1 and P2 by domain with
  ``np.bincount`` (no checks, integer domain codes given);
* :func:`povstat.fgt` (points only) and :func:`povstat.poverty_estimates`
  (points, standard errors, intervals, design effects, degrees of freedom),
  with the PSUs and without them (each unit its own PSU), as ratios to that
  pass;
* hand-written pandas and polars group-bys for the points;
* :func:`povstat.poverty_table` on pandas, polars (eager, lazy) and DuckDB,
  and on pandas and polars without the PSUs;
* R ``survey``'s ``svyby(~P0+P1+P2, ~domain, design, svymean)`` when
  ``Rscript`` is on the PATH, at ``--r-rows`` rows (default 1e5).

``--parquet-households N`` instead writes :func:`povstat.datasets.
simulate_survey` with N households (2.6e7 households are about 1e8
persons) to a Parquet file and times :func:`povstat.poverty_table` on it
through DuckDB with a 4 GiB memory limit, in a child process whose peak
resident memory is reported.

The machine may be shared with other work: run it twice and read the
ratios, not the absolute times.

Run with ``python benchmarks/bench_survey.py [--rows 1e6 1e7] [--repeats K]
[--r-rows N] [--parquet-households N]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
from numpy.typing import NDArray

from povstat import fgt, poverty_estimates, poverty_table

DOMAINS = 514


def make_sample(n: int, seed: int = 0) -> dict[str, NDArray[Any]]:
    rng = np.random.default_rng(seed)
    n_psu = max(2 * 2 * DOMAINS, n // 10)
    psu_stratum = rng.integers(0, 2 * DOMAINS, n_psu)
    psu_stratum[: 4 * DOMAINS] = np.repeat(np.arange(2 * DOMAINS), 2)  # >= 2 each
    psu = rng.integers(0, n_psu, n)
    stratum = psu_stratum[psu]
    domain = stratum // 2
    line = rng.uniform(3e5, 6e5, DOMAINS)[domain]
    welfare = line * np.exp(rng.normal(0.35, 0.4, n) + rng.normal(0, 0.2, n_psu)[psu])
    weight = rng.uniform(50, 500, n)
    return {
        "domain": domain,
        "stratum": stratum,
        "psu": psu,
        "welfare": welfare,
        "line": line,
        "weight": weight,
    }


def numpy_points(s: dict[str, NDArray[Any]]) -> NDArray[np.float64]:
    y, z, w, d = s["welfare"], s["line"], s["weight"], s["domain"]
    poor = y < z
    gap = np.where(poor, (z - y) / z, 0.0)
    total = np.bincount(d, weights=w, minlength=DOMAINS)
    p0 = np.bincount(d, weights=w * poor, minlength=DOMAINS)
    p1 = np.bincount(d, weights=w * gap, minlength=DOMAINS)
    p2 = np.bincount(d, weights=w * gap * gap, minlength=DOMAINS)
    return np.stack([p0, p1, p2], axis=1) / total[:, None]


def pandas_points(df: pd.DataFrame) -> pd.DataFrame:
    poor = df["welfare"] < df["line"]
    gap = ((df["line"] - df["welfare"]) / df["line"]).where(poor, 0.0)
    work = pd.DataFrame(
        {
            "domain": df["domain"],
            "w": df["weight"],
            "w0": df["weight"] * poor,
            "w1": df["weight"] * gap,
            "w2": df["weight"] * gap * gap,
        }
    )
    sums = work.groupby("domain").sum()
    return sums[["w0", "w1", "w2"]].div(sums["w"], axis=0)


def polars_points(df: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    poor = pl.col("welfare") < pl.col("line")
    gap = (
        pl.when(poor)
        .then((pl.col("line") - pl.col("welfare")) / pl.col("line"))
        .otherwise(0.0)
    )
    q = (
        df.lazy()
        .with_columns(g=gap, p=poor.cast(pl.Float64))
        .group_by("domain")
        .agg(
            p0=(pl.col("weight") * pl.col("p")).sum() / pl.col("weight").sum(),
            p1=(pl.col("weight") * pl.col("g")).sum() / pl.col("weight").sum(),
            p2=(pl.col("weight") * pl.col("g") ** 2).sum() / pl.col("weight").sum(),
        )
    )
    return q.collect()


def best(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def table_kwargs() -> dict[str, Any]:
    return {
        "welfare": "welfare",
        "line": "line",
        "unit": "fraction",
        "weight": "weight",
        "by": "domain",
        "strata": "stratum",
        "psu": "psu",
    }


def run_rows(n: int, repeats: int) -> None:
    import duckdb

    s = make_sample(n)
    df = pd.DataFrame(s)
    pf = pl.from_pandas(df)
    base = best(lambda: numpy_points(s), repeats)
    # The same numbers, checked before timing.
    want = numpy_points(s)
    got = fgt(
        s["welfare"],
        s["line"],
        alpha=[0, 1, 2],
        weights=s["weight"],
        by=s["domain"],
        unit="fraction",
    )
    np.testing.assert_allclose(got, want, rtol=1e-9)

    def points() -> object:
        return fgt(
            s["welfare"],
            s["line"],
            alpha=[0, 1, 2],
            weights=s["weight"],
            by=s["domain"],
            unit="fraction",
        )

    def with_se() -> object:
        return poverty_estimates(
            s["welfare"],
            s["line"],
            alpha=[0, 1, 2],
            weights=s["weight"],
            by=s["domain"],
            strata=s["stratum"],
            psu=s["psu"],
            unit="fraction",
        )

    def without_psu() -> object:
        return poverty_estimates(
            s["welfare"],
            s["line"],
            alpha=[0, 1, 2],
            weights=s["weight"],
            by=s["domain"],
            strata=s["stratum"],
            unit="fraction",
        )

    est = poverty_estimates(
        s["welfare"],
        s["line"],
        alpha=[0, 1, 2],
        weights=s["weight"],
        by=s["domain"],
        strata=s["stratum"],
        psu=s["psu"],
        unit="fraction",
    )
    np.testing.assert_allclose(est.estimate.reshape(-1, 3), want, rtol=1e-9)
    no_psu = table_kwargs()
    del no_psu["psu"]
    con = duckdb.connect()
    rel = con.from_arrow(pf.to_arrow())
    rows = [
        ("numpy bincount pass (lower bound)", base),
        ("povstat.fgt, points only", best(points, repeats)),
        ("povstat.poverty_estimates, with SEs", best(with_se, repeats)),
        ("poverty_estimates, SEs, without psu", best(without_psu, repeats)),
        (
            "pandas hand-written group-by, points",
            best(lambda: pandas_points(df), repeats),
        ),
        (
            "polars hand-written group-by, points",
            best(lambda: polars_points(pf), repeats),
        ),
        (
            "poverty_table on pandas",
            best(lambda: poverty_table(df, **table_kwargs()), repeats),
        ),
        (
            "poverty_table on polars",
            best(lambda: poverty_table(pf, **table_kwargs()), repeats),
        ),
        (
            "poverty_table on pandas, without psu",
            best(lambda: poverty_table(df, **no_psu), repeats),
        ),
        (
            "poverty_table on polars, without psu",
            best(lambda: poverty_table(pf, **no_psu), repeats),
        ),
        (
            "poverty_table on polars lazy",
            best(lambda: poverty_table(pf.lazy(), **table_kwargs()).collect(), repeats),
        ),
        (
            "poverty_table on DuckDB",
            best(lambda: poverty_table(rel, **table_kwargs()).fetchall(), repeats),
        ),
    ]
    print(
        f"\n{n:,} rows, {DOMAINS} domains, {2 * DOMAINS} strata, "
        f"{len(np.unique(s['psu'])):,} PSUs (best of {repeats})"
    )
    for name, t in rows:
        print(f"  {name:<42} {t * 1e3:10.1f} ms  {t / base:7.2f}x numpy")


R_SCRIPT = """
suppressPackageStartupMessages(library(survey))
d <- read.csv(commandArgs(TRUE)[1])
d$P0 <- as.numeric(d$welfare < d$line)
g <- ifelse(d$P0 == 1, (d$line - d$welfare) / d$line, 0)
d$P1 <- g; d$P2 <- g^2
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d,
                 nest = TRUE)
t <- system.time(r <- svyby(~P0 + P1 + P2, ~domain, des, svymean))[["elapsed"]]
cat(t, "\\n")
"""


def run_r(n: int) -> None:
    if shutil.which("Rscript") is None:
        print("\nRscript not found: R survey not timed")
        return
    s = make_sample(n)
    df = pd.DataFrame(s)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "d.csv"
        script = Path(folder) / "t.R"
        df.to_csv(data, index=False)
        script.write_text(R_SCRIPT)
        out = subprocess.run(
            ["Rscript", str(script), str(data)],
            capture_output=True,
            text=True,
            check=True,
        )
    r_time = float(out.stdout.split()[-1])
    base = best(lambda: numpy_points(s), 3)
    ours = best(
        lambda: poverty_estimates(
            s["welfare"],
            s["line"],
            alpha=[0, 1, 2],
            weights=s["weight"],
            by=s["domain"],
            strata=s["stratum"],
            psu=s["psu"],
            unit="fraction",
        ),
        3,
    )
    print(f"\nR survey svyby(~P0+P1+P2, ~domain, design, svymean) at {n:,} rows:")
    print(
        f"  R survey                                   {r_time * 1e3:10.1f} ms  "
        f"{r_time / base:7.0f}x numpy"
    )
    print(
        f"  povstat.poverty_estimates                  {ours * 1e3:10.1f} ms  "
        f"{ours / base:7.2f}x numpy  (R / povstat = {r_time / ours:.0f})"
    )


CHILD = """
import resource, sys, time
import duckdb
from povstat import poverty_table
con = duckdb.connect()
con.execute("SET memory_limit = '4GB'")
con.execute("SET threads TO 2")
con.execute("SET enable_progress_bar = false")
t0 = time.perf_counter()
rel = con.read_parquet(sys.argv[1])
out = poverty_table(rel, welfare="welfare", line="poverty_line", unit="percent",
                    alpha=[0, 1, 2], weight="weight", size="size", by="region_code",
                    strata="stratum", psu="psu").fetchall()
t = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{t:.1f} {peak:.0f} {len(out)}")
"""


def run_parquet(n_households: int, folder: str | None) -> None:
    from povstat.datasets import simulate_survey

    where = Path(folder or tempfile.mkdtemp())
    path = where / f"survey_{n_households}.parquet"
    if not path.exists():
        t0 = time.perf_counter()
        simulate_survey(n_households, year=2023, seed=1, path=path)
        gen = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"simulate_survey({n_households:,}) to Parquet: {gen:.1f} s, "
            f"peak memory {peak:.0f} MiB, {path.stat().st_size / 2**30:.2f} GiB"
        )
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    meta = pq.ParquetFile(path).metadata
    persons = (
        pl.scan_parquet(path).select(pl.col("size").cast(pl.Int64).sum()).collect()
    )
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
    )
    seconds, child_peak, rows = out.stdout.strip().splitlines()[-1].split()
    print(
        f"poverty_table on DuckDB (memory_limit 4GB, 2 threads) over "
        f"{meta.num_rows:,} households = {int(persons.item()):,} persons: "
        f"{seconds} s, peak resident memory {child_peak} MiB, {rows} output rows"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=float, nargs="*", default=[1e6, 1e7])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--r-rows", type=float, default=1e5)
    parser.add_argument("--parquet-households", type=float, default=0)
    parser.add_argument("--parquet-dir", default=None)
    args = parser.parse_args()
    if args.parquet_households:
        run_parquet(int(args.parquet_households), args.parquet_dir)
        return
    for n in args.rows:
        run_rows(int(n), args.repeats)
    if args.r_rows:
        run_r(int(args.r_rows))


if __name__ == "__main__":
    main()
