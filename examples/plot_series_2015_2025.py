"""
Eleven March rounds: poverty in four regions and the province, 2015-2025
========================================================================

The poverty rate of Kota Surabaya, Kota Malang, Kota Batu, Kabupaten Sampang
and the province of Jawa Timur in every March round from 2015 to 2025, drawn
with :func:`povstat.plotting.plot_series`, and the pace of change over the
decade from :func:`povstat.annualized_change`: points per year and the
compound relative change per year, over the real elapsed time.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

from povstat import annualized_change, decimal_year, round_half_up
from povstat.datasets import load_east_java
from povstat.plotting import plot_series

# The three cities first: plot_series colours lines in order, so the cities
# keep their colours in the second chart, which draws them alone.
CITIES = ["Kota Surabaya", "Kota Malang", "Kota Batu"]
REGIONS = [*CITIES, "Kabupaten Sampang", "Jawa Timur"]
SOURCE = (
    "BPS, Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota and Menurut "
    "Provinsi, March rounds 2015-2025 (povstat.datasets.load_east_java)"
)

# %%
# March rounds only: the regency and city figures exist for March, and mixing
# in the province's September rounds would put half-years on the same axis.
df = load_east_java()
march = df[(df["month"] == 3) & df["region_name"].isin(REGIONS)]
wide = march.pivot(index="region_name", columns="year", values="poverty_rate_pct")
wide = wide.loc[REGIONS]
years = wide.columns.to_numpy()
print(wide[[2015, 2019, 2021, 2023, 2025]].to_string())

# %%
# The rounds in which each rate rose on the round before.
rose = wide.diff(axis=1) > 0
for name in REGIONS:
    print(f"{name:<18} rose in {[int(y) for y in years[rose.loc[name].to_numpy()]]}")

# %%
# The decade's change, per year. ``years`` is the real elapsed time between
# the two survey rounds, from :func:`povstat.decimal_year`; March 2015 to
# March 2025 is 10 years.
first, last = int(years[0]), int(years[-1])
elapsed = decimal_year(last, 3) - decimal_year(first, 3)
pace = annualized_change(
    wide[first].to_numpy(), wide[last].to_numpy(), years=elapsed, unit="percent"
)
for i, name in enumerate(REGIONS):
    print(
        f"{name:<18} {first}-{last}: "
        f"{float(round_half_up(pace.points[i], 2)):+.2f} pp in total, "
        f"{float(round_half_up(pace.points_per_year[i], 3)):+.3f} pp per year, "
        f"{float(round_half_up(pace.compound_per_year[i], 2)):+.2f} % per year"
    )


# %%
# The chart. Each line ends with its region's name and its March 2025 rate;
# the shaded band is the pandemic rounds of 2020 and 2021.
def mark_pandemic(ax: Axes) -> None:
    """Shade the March 2020 and 2021 rounds and label the band."""
    ax.axvspan(2019.5, 2021.5, color="#f2f2f2", zorder=0)
    ax.annotate(
        "COVID-19",
        xy=(2020.5, 1.0),
        xycoords=("data", "axes fraction"),
        ha="center",
        va="top",
        fontsize="small",
        color="#666666",
    )


ax = plot_series(
    years,
    wide.to_numpy(),
    REGIONS,
    unit="percent",
    title="Poverty rate, March rounds 2015-2025",
    source=SOURCE,
    xlabel="Year (March Susenas round)",
    highlight=["Kota Malang"],
)
mark_pandemic(ax)
plt.show()

# %%
# On that scale the three cities, all between 2.8 % and 5.9 %, run into one
# another. The same data for the cities alone, on their own scale:
ax = plot_series(
    years,
    wide.loc[CITIES].to_numpy(),
    CITIES,
    unit="percent",
    title="Poverty rate of three cities, March rounds 2015-2025",
    source=SOURCE,
    xlabel="Year (March Susenas round)",
    highlight=["Kota Malang"],
)
mark_pandemic(ax)
plt.show()

# %%
# All five rates rose in 2020 and again in 2021 and fell in 2022. After that
# they fell in every round, except Kabupaten Sampang's, which rose again in
# 2023 (from 21.61 % to 21.76 %). Over the decade Kabupaten Sampang's rate fell
# the most in points (-5.08 pp) but Kota Batu's and Kota Surabaya's the fastest
# in relative terms (about -4.8 % per year); Kota Malang's fell least on both
# counts, and in 2025 it was above Kota Surabaya's for the first time in these
# eleven rounds. Points and percent rank the regions differently because a
# point is a larger share of a small rate.
