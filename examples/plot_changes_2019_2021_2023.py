"""
Before, during and after the pandemic: poverty rates 2019, 2021 and 2023
========================================================================

March 2019 is the last March survey round before COVID-19. In every one of
East Java's 38 regencies and cities the poverty rate rose in March 2020 and
again in March 2021, its highest point of 2019-2023, and by March 2023 it had
fallen again everywhere. This example measures, for each region, the rise
2019 -> 2021, the fall 2021 -> 2023, the change against the 2019 baseline and
the share of the rise that has been reversed, and draws the three rounds on
one line per region with :func:`povstat.plotting.plot_dumbbell`: all 38
regions, then the nine cities on a scale wide enough to show their small
changes.

Changes of rates are in percentage points (pp); relative changes are in
percent. Both come from :func:`povstat.rate_change`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from povstat import rate_change, recovery_share, round_half_up
from povstat.datasets import load_east_java
from povstat.plotting import plot_dumbbell

YEARS = [2019, 2021, 2023]
SOURCE = (
    "BPS, Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota, Jawa Timur, "
    "March rounds (povstat.datasets.load_east_java)"
)

# %%
# One row per region, one column per year (March rounds).
df = load_east_java()
regions = df[df["region_type"].isin(["kabupaten", "kota"]) & (df["month"] == 3)]
wide = regions[regions["year"].isin(YEARS)].pivot(
    index="region_name", columns="year", values="poverty_rate_pct"
)[YEARS]
r19, r21, r23 = (wide[y].to_numpy() for y in YEARS)
print(f"{len(wide)} regions, no missing value: {not np.isnan(wide.to_numpy()).any()}")

# %%
# The rise in the pandemic, the fall after it, and the position against the
# 2019 baseline, in percentage points. The peak is the highest of the five
# March rounds 2019-2023.
rise = rate_change(r19, r21, unit="percent")
fall = rate_change(r21, r23, unit="percent")
vs_2019 = rate_change(r19, r23, unit="percent")
rounds = regions[regions["year"].between(2019, 2023)].pivot(
    index="region_name", columns="year", values="poverty_rate_pct"
)
peak_2021 = int((rounds.idxmax(axis=1) == 2021).sum())
print(f"Rate rose 2019 -> 2021 in {int((rise.points > 0).sum())} of {len(wide)}")
print(f"Highest of 2019-2023 in 2021: {peak_2021} of {len(rounds)}")
print(f"Rate fell 2021 -> 2023 in {int((fall.points < 0).sum())} of {len(wide)}")
print(f"Still above 2019 in 2023: {int((vs_2019.points > 0).sum())} of {len(wide)}")

# %%
# The recovery share is the part of the 2019 -> 2021 rise reversed by 2023:
# 100 % means back at the 2019 rate. It is undefined (NaN) where the rate did
# not rise.
share = recovery_share(r19, r21, r23)
for name in ["Kota Malang", "Kota Batu", "Kabupaten Sampang"]:
    i = wide.index.get_loc(name)
    points = float(round_half_up(vs_2019.points[i], 2))
    relative = float(round_half_up(vs_2019.relative[i], 2))
    print(
        f"{name}: {r19[i]:.2f} % (2019), {r21[i]:.2f} % (2021), {r23[i]:.2f} % (2023)"
    )
    print(
        f"    against 2019: {points:+.2f} pp ({relative:+.2f} %); "
        f"{float(round_half_up(share[i], 1)):.1f} % of the rise reversed"
    )

# %%
# The chart: one row per region, ordered by the change from 2019 to 2023,
# largest fall at the top; that change is printed on the right.
ax = plot_dumbbell(
    wide.to_numpy(),
    list(wide.index),
    periods=[str(y) for y in YEARS],
    unit="percent",
    title=(
        "Poverty rate of East Java's regencies and cities,\nMarch 2019, 2021 and 2023"
    ),
    source=SOURCE,
    highlight=["Kota Malang", "Kota Batu"],
)
plt.show()

# %%
# On a scale made for rates up to 24 %, the cities' changes of a few tenths
# of a point are hard to see: Kota Malang's three dots overlap. The same chart
# for the nine cities (*kota*) alone has a scale a third as long.
kota = regions.loc[regions["region_type"] == "kota", "region_name"].unique()
cities = wide.loc[kota]
ax = plot_dumbbell(
    cities.to_numpy(),
    list(cities.index),
    periods=[str(y) for y in YEARS],
    unit="percent",
    title="Poverty rate of East Java's nine cities (kota),\nMarch 2019, 2021 and 2023",
    source=SOURCE,
    highlight=["Kota Malang", "Kota Batu"],
)
plt.show()

# %%
# Kota Malang rose from 4.07 % to 4.62 % and fell back to 4.26 %: still
# 0.19 pp above 2019, with 65.5 % of the rise reversed. Regions at the bottom of
# each chart ended 2023 above their 2019 rate; Kota Batu, near the top, ended
# 0.50 pp below it.

# sphinx_gallery_thumbnail_number = 2
