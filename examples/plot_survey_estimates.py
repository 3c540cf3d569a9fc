"""
From survey microdata to regional poverty figures with standard errors
======================================================================

BPS computes each regency's poverty rate from Susenas, a stratified cluster
sample of households, and publishes the rates without their standard errors.
This example starts one step earlier, from unit-level data: a synthetic
Susenas-like survey of Indonesia's 514 regencies and cities
(:func:`povstat.datasets.simulate_survey`, calibrated so that each region's
P0 and P1 are the published March figures), and goes to

1. the regional table of P0, P1 and P2 with design-based standard errors
   (:func:`povstat.poverty_table`);
2. "is the change since last year significant?" with those errors
   (:func:`povstat.change_test`);
3. "which regions are surely among the five poorest?" with the rank
   confidence sets of the errors' covariance matrix
   (:func:`povstat.rank_confidence_sets`, :func:`povstat.tau_best_set`).

The data are synthetic: they reproduce the published rates within sampling
error, not any real household.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from povstat import (
    change_test,
    poverty_estimates,
    poverty_table,
    rank_confidence_sets,
    tau_best_set,
)
from povstat.datasets import load_indonesia, simulate_survey

# %%
# Two survey rounds, March 2022 and March 2023, of about 40,000 households
# each (Susenas has about 345,000 for all of Indonesia), drawn independently.
surveys = {
    year: simulate_survey(345_000, year=year, seed=year) for year in (2022, 2023)
}
s23 = surveys[2023]
assert isinstance(s23, pd.DataFrame)
print(
    f"{len(s23):,} households, {s23['psu'].nunique():,} PSUs, "
    f"{s23['stratum'].nunique()} strata, "
    f"{(s23['weight'] * s23['size']).sum() / 1e6:.1f} million persons"
)

# %%
# The regional table: one row per region and measure. The engine (here
# pandas; polars, DuckDB or Spark work the same) does one grouped sum by
# region, stratum and PSU; the standard errors come from the PSU totals.
design = {
    "welfare": "welfare",
    "line": "poverty_line",
    "weight": "weight",
    "size": "size",
    "by": "region_code",
    "strata": "stratum",
    "psu": "psu",
    "unit": "percent",
}
tables = {
    year: poverty_table(s, **design)  # type: ignore[arg-type]
    for year, s in surveys.items()
}
t23 = tables[2023]
p0 = t23[t23["measure"] == "P0"].set_index("region_code")
names = s23.groupby("region_code")["region_name"].first()
show = p0.loc[["3573", "3527", "3578"]]
for code, row in show.iterrows():
    print(
        f"{names[code]:<20} P0 {row['estimate']:5.2f} % (SE {row['se']:.2f}, "
        f"95 % CI {row['lower']:.2f}-{row['upper']:.2f}, deff {row['deff']:.1f}, "
        f"df {row['df']:.0f})"
    )

# %%
# Against the published figures: the estimates scatter around them within
# their intervals, as a sample should. The chart shows East Java's 38.
nat = load_indonesia()
published = nat[
    (nat["year"] == 2023) & (nat["month"] == 3) & (nat["area"] == "total")
].set_index("region_code")
inside = (p0["lower"] <= published.loc[p0.index, "poverty_rate_pct"]) & (
    published.loc[p0.index, "poverty_rate_pct"] <= p0["upper"]
)
print(f"published P0 inside the 95 % interval in {int(inside.sum())} of {len(p0)}")

jatim = p0[p0.index.str.startswith("35")]
order = jatim["estimate"].sort_values().index
fig, ax = plt.subplots(figsize=(7, 7.5))
y = np.arange(len(order))
ax.errorbar(
    p0.loc[order, "estimate"],
    y,
    xerr=1.96 * p0.loc[order, "se"],
    fmt="o",
    ms=3,
    label="survey estimate, 95 %",
)
ax.plot(published.loc[order, "poverty_rate_pct"], y, "k|", ms=8, label="BPS")
ax.set_yticks(y, [names[c] for c in order], fontsize=7)
ax.set_xlabel("headcount ratio P0, %, East Java, March 2023 (synthetic survey)")
ax.legend(loc="lower right")
fig.tight_layout()

# %%
# Is the change from 2022 significant? The two rounds are independent
# samples here (Susenas rotates part of its sample; then state the
# correlation instead).
t22 = tables[2022]
before = t22[t22["measure"] == "P0"].set_index("region_code").loc[p0.index]
test = change_test(
    before["estimate"],
    p0["estimate"],
    se_before=before["se"],
    se_after=p0["se"],
    level=0.95,
    independent=True,
)
print(f"significant changes at 95 %: {int(test.significant.sum())} of {len(p0)}")
i = list(p0.index).index("3573")
print(
    f"Kota Malang: {test.points[i]:+.2f} points (SE {test.se[i]:.2f}, "
    f"p = {test.p_value[i]:.2f})"
)

# %%
# Which regions are surely among the five poorest of Indonesia? Regional
# estimates share no PSU here, but the covariance matrix of
# :func:`povstat.poverty_estimates` is the general input (domains that share
# strata or PSUs are correlated).
est = poverty_estimates(
    s23["welfare"],
    s23["poverty_line"],
    alpha=0,
    unit="percent",
    weights=s23["weight"],
    size=s23["size"],
    by=s23["region_code"],
    strata=s23["stratum"],
    psu=s23["psu"],
)
sets = rank_confidence_sets(
    est.estimate,
    cov=est.cov,
    descending=True,
    level=0.9,
    method="bonferroni",
    simultaneous=True,
)
could = tau_best_set(
    est.estimate,
    cov=est.cov,
    tau=5,
    descending=True,
    level=0.9,
    method="bonferroni",
)
surely = [names[d] for d in est.domain[sets.upper <= 5]]
maybe = [names[d] for d in est.domain[could.member]]
print(f"surely among the five poorest (90 %): {', '.join(surely) or 'none'}")
print(f"could be among them (90 %): {len(maybe)} regions")
top = est.domain[np.argsort(-est.estimate)[:5]]
print(f"the five highest estimates: {', '.join(names[d] for d in top)}")

# %%
# Nationally, with about 660 households a regency, no region is surely among
# the five poorest: ranks of 514 close estimates are uncertain. Within one
# province the question is sharper: East Java's 38 regions, with the block of
# the covariance matrix that belongs to them and the bootstrap sets with
# stepdown (tighter than Bonferroni).
east = np.flatnonzero([str(d).startswith("35") for d in est.domain])
cov_east = est.cov[np.ix_(east, east)]
sets_east = rank_confidence_sets(
    est.estimate[east],
    cov=cov_east,
    descending=True,
    level=0.9,
    method="bonferroni",
    simultaneous=True,
)
could_east = tau_best_set(
    est.estimate[east],
    cov=cov_east,
    tau=5,
    descending=True,
    level=0.9,
    method="bonferroni",
)
codes_east = est.domain[east]
print(
    "East Java, surely among its five poorest (90 %): "
    + (", ".join(names[d] for d in codes_east[sets_east.upper <= 5]) or "none")
)
print(
    "East Java, could be among them: "
    + ", ".join(names[d] for d in codes_east[could_east.member])
)
first = int(np.argmax(est.estimate[east]))
print(
    f"{names[codes_east[first]]}: rank {sets_east.lower[first]:.0f} to "
    f"{sets_east.upper[first]:.0f} of {len(east)} (90 %, highest rate = 1)"
)
