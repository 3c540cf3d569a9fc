"""
Checking a news story: Kota Malang, October 2023
================================================

In October 2023 local news reported BPS's March 2023 poverty figures for Kota
Malang: the rate "fell 0.11 percent" to 4.26 %, was still above the
pre-pandemic 4.07 %, was the second lowest in East Java after Kota Batu, and
4.26 % of the 187,000 people on the city's welfare register (DTKS) was
"about 9,000 people".

This script checks each statement against the BPS figures shipped with
povstat, one documented call per number. Figures are rounded for display only,
half up, as in official tables.
"""

from __future__ import annotations

import numpy as np

from povstat import (
    decompose_headcount_change,
    implied_population,
    implied_population_interval,
    rank,
    rate_change,
    rate_to_headcount,
    recovery_share,
    round_half_up,
)
from povstat.datasets import load_east_java
from povstat.wording import describe_rate_change

CITY = "Kota Malang"
REGISTER = 187_000  # people on the DTKS welfare register, as quoted in the story


def fmt(x: object, decimals: int = 2) -> str:
    """Format a number for display, rounded half up (the rule of BPS tables)."""
    value = float(round_half_up(np.asarray(x, dtype=np.float64), decimals))
    return f"{value:,.{decimals}f}"


def signed(x: object, decimals: int = 2) -> str:
    """Like :func:`fmt` with an explicit sign."""
    text = fmt(x, decimals)
    return text if text.startswith("-") else f"+{text}"


# %%
# The bundled BPS figures: March rounds, the 38 regencies and cities.
df = load_east_java()
regions = df[df["region_type"].isin(["kabupaten", "kota"])]
city = regions[regions["region_name"] == CITY].set_index("year")
rate = city["poverty_rate_pct"]
poor = city["poor_thousands"]

print("Local news (Ngopibareng, SuryaMalang, Ketik; 24 October 2023) reported that")
print("  Kota Malang's poverty rate 'fell 0.11 percent' to 4.26 %; it is still above")
print(
    "  the pre-pandemic 4.07 %; it is the second lowest in East Java after Kota Batu;"
)
print("  and 4.26 % of the 187,000 people on the welfare register is 'about 9,000'.")
print()
print(f"{CITY}, BPS March rounds (bundled data: povstat.datasets.load_east_java)")
print(f"  Poverty rate (P0) 2023: {fmt(rate[2023])} %")

# %%
# "Fell 0.11 percent": the change is in percentage points.
# The sentence that says it right, in English and in Indonesian.
c = rate_change(rate[2022], rate[2023], unit="percent")
said = describe_rate_change(rate[2022], rate[2023], unit="percent", locale="en")
print(f"  Change 2022 -> 2023: {said}")
said_id = describe_rate_change(rate[2022], rate[2023], unit="percent", locale="id")
print(f"    (in Indonesian: {said_id})")
print(
    "    -> the story's '0.11 percent' is 0.11 percentage points; "
    f"as a relative change it is {fmt(abs(c.relative))} %"
)

# %%
# Still above the pre-pandemic level, and how much of the rise is undone.
base = rate_change(rate[2019], rate[2023], unit="percent")
print(
    f"  Against March 2019 (pre-pandemic, {fmt(rate[2019])} %): "
    f"{signed(base.points)} pp ({signed(base.relative)} %): "
    + ("still above" if base.points > 0 else "not above")
)
window = rate.loc[2019:2023]
peak_year = int(window.index[int(window.to_numpy().argmax())])
share = recovery_share(rate[2019], window.max(), rate[2023])
if np.isnan(share):  # no rise after 2019: nothing to reverse
    print(f"  Recovery: no rise after 2019 ({fmt(rate[2019])} %) to reverse")
elif share > 100:  # back below the 2019 level
    print(
        f"  Recovery: the 2019 -> {peak_year} rise (peak {fmt(window.max())} %) "
        f"has been reversed in full and more: {fmt(rate[2023])} % is "
        f"{fmt(-base.points)} pp below the 2019 level ({fmt(share, 1)} % of "
        "the rise)"
    )
else:
    print(
        f"  Recovery: {fmt(share, 1)} % of the 2019 -> {peak_year} rise "
        f"(peak {fmt(window.max())} %) has been reversed"
    )

# %%
# Rank among the 38 regencies and cities in 2023, with the conventions stated.
y = regions[regions["year"] == 2023]
low = rank(y["poverty_rate_pct"], descending=False, ties="min")
press = rank(y["poverty_rate_pct"], descending=True, ties="min")
order = y.assign(rank_low=low.rank, rank_press=press.rank).sort_values("rank_low")
me = order[order["region_name"] == CITY].iloc[0]
# The region(s) ranked just before the city (tied ones by name); none if the
# city itself is the lowest.
ahead = order[order["rank_low"] < me["rank_low"]]
just_before = ahead[ahead["rank_low"] == ahead["rank_low"].max()].sort_values(
    "region_name"
)
after = " and ".join(
    f"{name} ({fmt(value)} %)"
    for name, value in zip(
        just_before["region_name"], just_before["poverty_rate_pct"], strict=True
    )
)
print(
    f"  Rank 2023: {int(me['rank_low'])} of {int(low.count[0])} from the lowest "
    f"(ties: min), " + (f"after {after}" if after else "the lowest of all")
)
print(
    "    -> counted from the highest rate, as press rankings usually are, that is "
    f"peringkat {int(me['rank_press'])} of {int(press.count[0])}"
)

# %%
# The number of poor, and the population the rate is a share of.
n23 = implied_population(rate[2023], poor[2023], unit="percent")
iv = implied_population_interval(
    rate[2023], poor[2023], unit="percent", rate_decimals=2, headcount_decimals=2
)
print(
    f"  Number of poor 2023: {fmt(poor[2023])} thousand; implied population "
    f"{fmt(n23, 1)} thousand"
)
print(
    f"    -> between {fmt(iv.lower, 1)} and {fmt(iv.upper, 1)} thousand, "
    f"given that {fmt(rate[2023])} and {fmt(poor[2023])} are rounded"
)

# %%
# The change in the number of poor, split into population and rate effects
# (the populations implied by the published rates and counts; the change is
# the published difference itself).
d = decompose_headcount_change(
    rate[2022],
    rate[2023],
    unit="percent",
    headcount_before=poor[2022],
    headcount_after=poor[2023],
)
print(
    f"  Change in the number of poor 2022 -> 2023: {signed(d.change)} thousand "
    f"(from {fmt(poor[2022])})"
)
print(
    f"    -> population effect {signed(d.population_effect)} thousand, "
    f"rate effect {signed(d.rate_effect)} thousand (Shapley decomposition)"
)

# %%
# The register arithmetic: the story's number is wrong, and so is its base.
on_register = rate_to_headcount(rate[2023], REGISTER, unit="percent")
print(
    f"  Register: {fmt(rate[2023])} % of {REGISTER:,} is {fmt(on_register, 0)} "
    "people, not 'about 9,000'"
)
print(
    "    -> and the rate is a share of the whole city's population "
    f"(about {fmt(n23, 1)} thousand),"
)
print(
    f"       not of the register: BPS counts {fmt(poor[2023])} thousand poor "
    "people in Kota Malang"
)
