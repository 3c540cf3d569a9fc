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
from povstat.fgt import fgt, watts
from povstat.frames import (
    with_change_from_base,
    with_change_test,
    with_changes,
    with_headcount,
    with_headcount_decomposition,
    with_implied_population,
    with_rank_sets,
    with_ranks,
    with_rate,
    with_rate_interval,
)
from povstat.frames.survey import poverty_table
from povstat.headcount import (
    headcount_to_rate,
    implied_population,
    implied_population_interval,
    rate_to_headcount,
)
from povstat.parsing import (
    InvalidCell,
    Locale,
    NumberParseError,
    ParsedNumbers,
    format_number,
    parse_columns,
    parse_numbers,
)
from povstat.rank_inference import (
    RankConfidenceSets,
    RankProbabilities,
    TauBestSet,
    rank_confidence_sets,
    rank_probabilities,
    tau_best_set,
)
from povstat.ranking import Ranking, Ties, rank
from povstat.survey import LonelyPsu, PovertyEstimates, poverty_estimates
from povstat.tables import BpsTable, read_bps_table
from povstat.uncertainty import (
    ChangeTest,
    HeadcountInterval,
    RateInterval,
    adjust_pvalues,
    annualized_change_se,
    change_test,
    headcount_interval,
    is_significant,
    moe_from_se,
    rate_interval,
    relative_change_se,
    rse_from_se,
    se_from_bounds,
    se_from_moe,
    se_from_rse,
)
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
    "BpsTable",
    "Change",
    "ChangeTest",
    "HeadcountDecomposition",
    "HeadcountInterval",
    "Interval",
    "InvalidCell",
    "Locale",
    "LonelyPsu",
    "NumberParseError",
    "ParsedNumbers",
    "PovertyEstimates",
    "RankConfidenceSets",
    "RankProbabilities",
    "Ranking",
    "RateInterval",
    "TauBestSet",
    "Ties",
    "Unit",
    "adjust_pvalues",
    "annualized_change",
    "annualized_change_se",
    "change_test",
    "decimal_year",
    "decompose_headcount_change",
    "fgt",
    "format_number",
    "headcount_interval",
    "headcount_to_rate",
    "implied_population",
    "implied_population_interval",
    "is_significant",
    "moe_from_se",
    "parse_columns",
    "parse_numbers",
    "poverty_estimates",
    "poverty_table",
    "rank",
    "rank_confidence_sets",
    "rank_probabilities",
    "rate_change",
    "rate_interval",
    "rate_to_headcount",
    "read_bps_table",
    "recovery_share",
    "relative_change",
    "relative_change_se",
    "round_half_up",
    "rounding_interval",
    "rse_from_se",
    "se_from_bounds",
    "se_from_moe",
    "se_from_rse",
    "tau_best_set",
    "to_fraction",
    "to_percent",
    "watts",
    "with_change_from_base",
    "with_change_test",
    "with_changes",
    "with_headcount",
    "with_headcount_decomposition",
    "with_implied_population",
    "with_rank_sets",
    "with_ranks",
    "with_rate",
    "with_rate_interval",
]

__version__ = "0.1.0.dev0"
