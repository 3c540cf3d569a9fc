"""Time ``check_statements`` on many rank statements over the national table.

The data are the bundled figures of all 514 regencies and cities of
Indonesia (``load_indonesia``, March rounds 2015-2025, 11 periods). The
statements are seeded and varied: a region, a period, ranked from the
highest or the lowest, among the regions of its province (``by``) or of the
whole country, with a stated rank that is right or a few places off, every
tie rule, and some with ``after``, ``of`` and a stated value (right, wrong,
misread by a factor of 100, or with more decimals than the data). Times, in
the same process:

* the baseline: the rates of every (period, group) ranked at once, both
  ways, with pandas ``rank`` (``groupby``), and each statement's rank looked
  up, the least any check of these statements has to do (it checks nothing
  and writes no reason);
* ``check_statements`` on the same statements, once ranked by province and
  once nationally;
* the same on the data with each province's pooled rate appended (a
  computed figure, as :func:`povstat.aggregate_regions` gives it, ranked
  beside the published rates of 2 decimals, each read within its own
  interval), with ``rate_decimals=2``; its last column is its ratio to the
  same check on the published rates alone (also with ``rate_decimals=2``).

Each line gives the best wall time of ``--repeats`` runs, the seconds per
1,000 rank rows and the ratio to the baseline. The machine's load average is
printed first: other processes on a small machine slow every line.

Run with ``python benchmarks/bench_statements.py [--rows N] [--repeats K]``.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from povstat.datasets import load_indonesia
from povstat.statements import check_statements

TIES = np.array(["min", "max", "average", "dense", "ordinal"], dtype=object)


def best_of(fn: Callable[[], Any], repeats: int) -> float:
    """Best wall time of `repeats` calls, in seconds."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def national() -> pd.DataFrame:
    """The regencies and cities of Indonesia, one row per region and period."""
    d = load_indonesia()
    d = d[d["region_type"].isin(["kabupaten", "kota"])].reset_index(drop=True)
    return d[["region_code", "province_code", "period", "poverty_rate_pct"]]


def statements(data: pd.DataFrame, n: int, by: str | None, seed: int) -> pd.DataFrame:
    """`n` rank statements about rows of `data`, ranked within `by` groups."""
    rng = np.random.default_rng(seed)
    at = rng.integers(0, len(data), n)
    pick = data.iloc[at].reset_index(drop=True)
    descending = rng.random(n) < 0.5
    keys = ["period"] + ([by] if by is not None else [])
    rates = data.groupby(keys)["poverty_rate_pct"]
    high = rates.rank(method="min", ascending=False).to_numpy()
    low = rates.rank(method="min", ascending=True).to_numpy()
    rank_of = np.nan_to_num(np.where(descending, high[at], low[at]), nan=1.0)
    stated = np.maximum(1, rank_of + rng.choice([0, 0, 0, 1, -1, 3], n))
    value = pick["poverty_rate_pct"].to_numpy()
    u = rng.random(n)
    stated_value = np.select(
        [u < 0.2, u < 0.3, u < 0.35], [value, value + 0.37, value / 100], np.nan
    )
    value_decimals = np.select([u < 0.3, u < 0.35], [2.0, 4.0], np.nan)
    stated_value = np.where(np.isnan(value_decimals), np.nan, np.round(stated_value, 4))
    group_size = data.groupby(keys)["region_code"].transform("size").to_numpy()[at]
    return pd.DataFrame(
        {
            "kind": "rank",
            "region": pick["region_code"],
            "period": pick["period"],
            "stated_rank": stated.astype(np.int64),
            "descending": descending,
            "ties": TIES[rng.integers(0, TIES.size, n)],
            "of": np.where(rng.random(n) < 0.3, group_size, np.nan),
            "stated_value": stated_value,
            "value_decimals": value_decimals,
        }
    )


def baseline(data: pd.DataFrame, st: pd.DataFrame, by: str | None) -> np.ndarray:
    """Each statement's rank, its groups ranked at once with pandas ``rank``."""
    keys = ["period"] + ([by] if by is not None else [])
    rates = data.groupby(keys)["poverty_rate_pct"]
    high = rates.rank(method="min", ascending=False).to_numpy()
    low = rates.rank(method="min", ascending=True).to_numpy()
    at = data.set_index(["region_code", "period"]).index.get_indexer(
        pd.MultiIndex.from_frame(st[["region", "period"]])
    )
    return np.where(st["descending"].to_numpy(), high[at], low[at])


def checked(
    data: pd.DataFrame,
    st: pd.DataFrame,
    by: str | None,
    rate_decimals: int | None = None,
) -> pd.DataFrame:
    """``check_statements`` on the statements, ranked within `by`."""
    return check_statements(
        st,
        data,
        unit="percent",
        persons_per_poor_unit=1000,
        region="region_code",
        headcount=None,
        by=by,
        rate_decimals=rate_decimals,
    )


def with_pooled(data: pd.DataFrame) -> pd.DataFrame:
    """`data` with each province's pooled rate at each period appended.

    The mean of its regions' rates stands in for the pooled rate (region
    "P" + the province code): figures of more decimals than the published
    ones, most of them computed (29.7925 needs 4, 22.016666666666666 is
    read as given).
    """
    mean = data.groupby(["province_code", "period"])["poverty_rate_pct"].mean()
    pooled = pd.DataFrame(
        {
            "region_code": ["P" + str(p) for p, _ in mean.index],
            "province_code": [p for p, _ in mean.index],
            "period": [t for _, t in mean.index],
            "poverty_rate_pct": mean.to_numpy(),
        }
    )
    return pd.concat([data, pooled], ignore_index=True)


def main(n: int, repeats: int) -> None:
    data = national()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{n:,} rank rows over {len(data):,} rows of data; load {load}")
    pooled = with_pooled(data)
    print(
        f"{'case':44s} {'seconds':>9s} {'s/1,000 rows':>13s} {'x baseline':>11s} "
        f"{'x published':>12s}"
    )
    for by, name in (("province_code", "by province"), (None, "national")):
        st = statements(data, n, by, seed=1)
        t_base = best_of(lambda: baseline(data, st, by), repeats)  # noqa: B023
        t = best_of(lambda: checked(data, st, by), repeats)  # noqa: B023
        t_two = best_of(lambda: checked(data, st, by, 2), repeats)  # noqa: B023
        t_pooled = best_of(lambda: checked(pooled, st, by, 2), repeats)  # noqa: B023
        per = 1000 / n
        print(
            f"{'baseline: pandas rank, ' + name:44s} {t_base:9.3f} "
            f"{t_base * per:13.4f} {1.0:11.1f}"
        )
        print(
            f"{'check_statements, ' + name:44s} {t:9.3f} {t * per:13.4f} "
            f"{t / t_base:11.1f}"
        )
        print(
            f"{'  rate_decimals=2':44s} {t_two:9.3f} {t_two * per:13.4f} "
            f"{t_two / t_base:11.1f} {1.0:12.2f}"
        )
        print(
            f"{'  rate_decimals=2, pooled rates appended':44s} {t_pooled:9.3f} "
            f"{t_pooled * per:13.4f} {t_pooled / t_base:11.1f} "
            f"{t_pooled / t_two:12.2f}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    main(args.rows, args.repeats)
