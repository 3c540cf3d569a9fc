"""
The 38 regencies and cities of East Java ranked by poverty rate, March 2023
===========================================================================

Rankings of poverty rates in the Indonesian press usually count from the
*highest*: "peringkat 1" is the region with the highest rate, and among East
Java's 38 regencies (kabupaten) and cities (kota), "peringkat ke-38" is the
region with the lowest rate. That is a habit of news stories, not a BPS
convention, and the words around a rank ("tertinggi", highest; "terendah",
lowest) say which end it counts from. Local news in 2023 called Kota Malang
"the second lowest in East Java, after Kota Batu": counted from the highest,
that is rank 37 of 38.

This example ranks the 38 regions with :func:`povstat.rank`, stating the
direction, the tie rule and the missing-value policy, and draws them with
:func:`povstat.plotting.plot_ranked_rates`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from povstat import rank, round_half_up
from povstat.datasets import load_east_java
from povstat.plotting import plot_ranked_rates

SOURCE = (
    "BPS, Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota, Jawa Timur, "
    "March 2023 (povstat.datasets.load_east_java)"
)

# %%
# The data: one row per region and survey round. The 38 regions have March
# rounds only; the province is a separate row, used as a reference line.
df = load_east_java()
march_2023 = (df["year"] == 2023) & (df["month"] == 3)
regions = df[march_2023 & df["region_type"].isin(["kabupaten", "kota"])]
province = df[march_2023 & (df["region_type"] == "provinsi")]
jatim = float(province["poverty_rate_pct"].iloc[0])
print(f"{len(regions)} regions; Jawa Timur as a whole: {jatim:.2f} %")

# %%
# Ranks in both directions. ``descending=True`` is the usual press ranking
# (rank 1 = highest rate); ``ties="min"`` gives tied regions the same rank,
# "1, 2, 2, 4" (Kabupaten Mojokerto and Kabupaten Magetan both had 9.80 % in
# 2023); ``nan_policy="omit"`` would leave a region without a rate unranked
# and uncounted (none lacks one here); ``count`` is the number of regions
# ranked, the "of 38".
rates = regions["poverty_rate_pct"]
press = rank(rates, descending=True, ties="min", nan_policy="omit")
low = rank(rates, descending=False, ties="min", nan_policy="omit")
table = regions.assign(peringkat=press.rank, from_lowest=low.rank).sort_values(
    "peringkat"
)
for name in ["Kabupaten Sampang", "Kota Malang", "Kota Batu"]:
    row = table[table["region_name"] == name].iloc[0]
    print(
        f"{name:<18} {float(round_half_up(row['poverty_rate_pct'], 2)):6.2f} %  "
        f"peringkat {int(row['peringkat'])} of {int(press.count[0])} "
        f"(= {int(row['from_lowest'])} from the lowest)"
    )
tied = table[table.duplicated("poverty_rate_pct", keep=False)]
print(
    "Tied:", ", ".join(tied["region_name"]), "share rank", int(tied["peringkat"].min())
)

# %%
# The chart: rank 1 at the top, each region's rank before its name and its
# rate after its dot; Kota Malang and Kota Batu are marked, and the dashed line
# is the province's rate.
ax = plot_ranked_rates(
    regions["poverty_rate_pct"],
    list(regions["region_name"]),
    unit="percent",
    descending=True,
    title="Poverty rate of East Java's 38 regencies and cities,\nMarch 2023",
    source=SOURCE,
    highlight=["Kota Malang", "Kota Batu"],
    reference=("Jawa Timur", jatim),
)
plt.show()

# %%
# Reading the chart: Kota Malang (4.26 %) is peringkat 37 of 38 and Kota Batu
# (3.31 %) peringkat 38, the lowest. The ranks come from figures rounded to two
# decimals and carry sampling error: neighbours a few hundredths of a point
# apart cannot be told apart from these figures alone (see
# :doc:`/user_guide/uncertainty`).
