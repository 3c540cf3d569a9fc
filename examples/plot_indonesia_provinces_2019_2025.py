"""
All of Indonesia: the provinces since March 2019, and each one's poorest regency
================================================================================

March 2019 is the last March survey round before COVID-19. This example takes
the whole country (:func:`povstat.datasets.load_indonesia`) and asks two
questions a national story would ask:

* which provinces' poverty rates fell most between March 2019 and March 2025,
  in percentage points (pp) and relative to 2019 (%), with
  :func:`povstat.rate_change`;
* in each province, which regency (kabupaten) or city (kota) has the highest
  rate in March 2025, and where it stands among all 514, with
  :func:`povstat.rank` ranking within each province *as of that year*.

The 2022 split of Papua matters for both: Papua's and Papua Barat's figures
before 2024 cover the larger provinces of before the split (the table's
``note`` says so), so their 2019 and 2025 rates are not comparable, and the
four new provinces have no 2019 figure. The example finds these from the data
and leaves them out of the comparison, saying so.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from povstat import rank, rate_change, round_half_up
from povstat.datasets import load_indonesia
from povstat.plotting import plot_dumbbell, plot_ranked_rates

SOURCE = (
    "BPS, Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah and "
    "Menurut Kabupaten/Kota, March rounds (povstat.datasets.load_indonesia)"
)


def fmt(x: object, decimals: int = 2) -> str:
    """A number for display, rounded half up (the rule of BPS tables)."""
    value = float(round_half_up(np.asarray(x, dtype=np.float64), decimals))
    return f"{value:,.{decimals}f}"


def signed(x: object, decimals: int = 2) -> str:
    """Like :func:`fmt`, with an explicit sign."""
    text = fmt(x, decimals)
    return text if text.startswith("-") else f"+{text}"


# %%
# The provinces' March rates, total area, 2019 and 2025; one row per province.
df = load_indonesia()
march = df[(df["month"] == 3) & (df["area"] == "total")]
provinces = march[march["region_type"] == "provinsi"]
wide = provinces.pivot(index="region_code", columns="year", values="poverty_rate_pct")
names = provinces.drop_duplicates("region_code").set_index("region_code")["region_name"]
notes = provinces[provinces["year"] == 2019].set_index("region_code")["note"]
split = notes.fillna("").str.contains("before the 2022 split")
no_2019 = wide[2019].isna()
comparable = wide.index[~no_2019 & ~wide.index.isin(split[split].index)]
print(f"{len(wide)} provinces; comparable 2019 -> 2025: {len(comparable)}")
print(
    "Left out, boundaries changed by the 2022 split:",
    ", ".join(names[split[split].index]),
)
print("Left out, no 2019 figure (formed in 2022):", ", ".join(names[no_2019]))

# %%
# The change of each comparable province, in pp and relative to 2019.
before = wide.loc[comparable, 2019].to_numpy()
after = wide.loc[comparable, 2025].to_numpy()
c = rate_change(before, after, unit="percent")
table = (
    names[comparable]
    .to_frame()
    .assign(r2019=before, r2025=after, pp=c.points, pct=c.relative)
    .sort_values(["pp", "region_name"])
)
nat = march[march["region_type"] == "nasional"].set_index("year")["poverty_rate_pct"]
n = rate_change(nat[2019], nat[2025], unit="percent")
print(
    f"Indonesia: {fmt(nat[2019])} % -> {fmt(nat[2025])} %, "
    f"{signed(n.points)} pp ({signed(n.relative)} %)"
)
print("Largest falls, March 2019 -> March 2025:")
for _, row in table.head(5).iterrows():
    print(
        f"  {row['region_name']:<26} {fmt(row['r2019']):>6} % -> "
        f"{fmt(row['r2025']):>6} %  {signed(row['pp']):>6} pp "
        f"({signed(row['pct'])} %)"
    )
rose = table[table["pp"] > 0]
print(
    "Rose:",
    ", ".join(
        f"{r} ({signed(p)} pp)"
        for r, p in zip(rose["region_name"], rose["pp"], strict=True)
    )
    or "none",
)
# The largest fall in points is not the largest in percent: a fall of 1 pp
# from 5 % is a fifth, from 20 % a twentieth.
by_pct = table.sort_values(["pct", "region_name"]).iloc[0]
print(
    f"Largest relative fall: {by_pct['region_name']} "
    f"({signed(by_pct['pct'])} %, {signed(by_pct['pp'])} pp)"
)

# %%
# The chart: each comparable province's 2019 and 2025 rates on one line,
# largest fall in points at the top; the three largest falls in bold.
rates = np.column_stack([before, after])
ax = plot_dumbbell(
    rates,
    list(names[comparable]),
    periods=["March 2019", "March 2025"],
    unit="percent",
    title="Poverty rate by province,\nMarch 2019 and March 2025",
    source=SOURCE,
    highlight=list(table["region_name"].head(3)),
)
plt.show()

# %%
# Each province's poorest regency or city, March 2025. The ranks are within
# the province of that year (``province_code`` is the province *as of the
# year*), from the highest rate (rank 1), ties sharing the lower rank; the
# national rank is among all 514.
kk = march[march["region_type"].isin(["kabupaten", "kota"]) & (march["year"] == 2025)]
within = rank(
    kk["poverty_rate_pct"], descending=True, ties="min", by=kk["province_code"]
)
national = rank(kk["poverty_rate_pct"], descending=True, ties="min")
kk = kk.assign(rank=within.rank, of=within.count, national=national.rank)
poorest = kk[kk["rank"] == 1].merge(
    provinces[provinces["year"] == 2025][["region_code", "poverty_rate_pct"]],
    left_on="province_code",
    right_on="region_code",
    suffixes=("", "_province"),
)
poorest = poorest.sort_values(["national", "province_name"])
print(f"Poorest regency or city of each province, March 2025 ({len(poorest)}):")
for _, row in poorest.head(8).iterrows():
    print(
        f"  {row['province_name']:<20} {row['region_name']:<30} "
        f"{fmt(row['poverty_rate_pct']):>6} % "
        f"(province {fmt(row['poverty_rate_pct_province'])} %), "
        f"{int(row['national'])} of {int(national.count[0])} nationally"
    )
least = poorest.iloc[-1]
print(
    f"  ... the least poor of them: {least['region_name']} "
    f"({least['province_name']}), {fmt(least['poverty_rate_pct'])} %, "
    f"{int(least['national'])} of {int(national.count[0])}"
)

# %%
# Why the province must be that of the year: Kabupaten Nduga was ranked among
# Papua's 29 regencies and cities in 2023, and among Papua Pegunungan's 8 in
# 2025.
both = march[
    march["region_type"].isin(["kabupaten", "kota"]) & march["year"].isin([2023, 2025])
]
r = rank(
    both["poverty_rate_pct"],
    descending=True,
    ties="min",
    by=both["province_code"] + "-" + both["year"].astype(str),
)
nduga = both.assign(rank=r.rank, of=r.count)[both["region_name"] == "Kabupaten Nduga"]
for _, row in nduga.iterrows():
    print(
        f"Kabupaten Nduga {row['year']}: {fmt(row['poverty_rate_pct'])} %, "
        f"rank {int(row['rank'])} of {int(row['of'])} in {row['province_name']}"
    )

# %%
# The poorest regency or city of each province, ranked among these 38 ("Kab."
# for Kabupaten); the dashed line is Indonesia's rate.
short = poorest["region_name"].str.replace("Kabupaten ", "Kab. ", regex=False)
ax = plot_ranked_rates(
    poorest["poverty_rate_pct"],
    [f"{a} ({b})" for a, b in zip(short, poorest["province_name"], strict=True)],
    unit="percent",
    descending=True,
    title="Each province's poorest\nregency or city, March 2025",
    source=SOURCE,
    reference=("Indonesia", float(nat[2025])),
)
plt.show()

# %%
# Reading the results: rates are rounded to two decimals and carry sampling
# error (BPS publishes standard errors separately), so provinces or regencies
# a few hundredths of a point apart cannot be told apart from these figures;
# 2021 also brought a new population base (projections from the 2020 census),
# which moves the numbers of poor more than the rates.
