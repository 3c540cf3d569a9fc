"""povstat: typed poverty statistics done right.

Rates and headcounts with stated units, changes in percentage points and
percent over real elapsed time, ranks with stated conventions, their
uncertainty, and dataframe adapters, with real BPS data for East Java.
"""

from __future__ import annotations

from povstat.change import (
    AnnualizedChange,
    Change,
    HeadcountDecomposition,
    annualized_change,
    decimal_year,
    decompose_headcount_change,
    rate_change,
    recovery_share,
    relative_change,
)
from povstat.headcount import (
    headcount_to_rate,
    implied_population,
    implied_population_interval,
    rate_to_headcount,
)
from povstat.ranking import Ranking, Ties, rank
from povstat.units import (
    Interval,
    Unit,
    round_half_up,
    rounding_interval,
    to_fraction,
    to_percent,
)

__all__ = [
    "AnnualizedChange",
    "Change",
    "HeadcountDecomposition",
    "Interval",
    "Ranking",
    "Ties",
    "Unit",
    "annualized_change",
    "decimal_year",
    "decompose_headcount_change",
    "headcount_to_rate",
    "implied_population",
    "implied_population_interval",
    "rank",
    "rate_change",
    "rate_to_headcount",
    "recovery_share",
    "relative_change",
    "round_half_up",
    "rounding_interval",
    "to_fraction",
    "to_percent",
]

__version__ = "0.1.0.dev0"
