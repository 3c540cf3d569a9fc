"""povstat: typed poverty statistics done right.

Rates and headcounts with stated units, changes in percentage points and
percent over real elapsed time, ranks with stated conventions, their
uncertainty, and dataframe adapters, with real BPS data for East Java.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from povstat.change import (
    AnnualizedChange,
    Change,
    DecompositionBounds,
    HeadcountDecomposition,
    annualized_change,
    decimal_year,
    decompose_headcount_change,
    decomposition_bounds,
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
from povstat.poverty_measures import fgt, watts
from povstat.ranking import Ranking, Ties, percentile_rank, rank
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

if TYPE_CHECKING:  # loaded on first use, see __getattr__ below
    from povstat.aggregate import (
        CountSum,
        DerivedEstimate,
        GapMoney,
        PooledRate,
        derived_proportion,
        derived_ratio,
        pooled_rate,
        poverty_gap_money,
        sum_counts,
    )
    from povstat.frames import (
        aggregate_regions,
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
        with_reliability,
    )
    from povstat.frames.survey import poverty_table
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
    from povstat.reliability import (
        RSE_CONVENTIONS,
        ReliabilityFlags,
        RSEBands,
        reliability_flags,
    )
    from povstat.survey import LonelyPsu, PovertyEstimates, poverty_estimates
    from povstat.tables import BpsTable, read_bps_table

# Names loaded on first use, by module: these modules need pandas, narwhals
# or scipy, or are not needed by the core array functions.
_LAZY: dict[str, tuple[str, ...]] = {
    "povstat.aggregate": (
        "CountSum",
        "DerivedEstimate",
        "GapMoney",
        "PooledRate",
        "derived_proportion",
        "derived_ratio",
        "pooled_rate",
        "poverty_gap_money",
        "sum_counts",
    ),
    "povstat.frames": (
        "aggregate_regions",
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
        "with_reliability",
    ),
    "povstat.frames.survey": ("poverty_table",),
    "povstat.parsing": (
        "InvalidCell",
        "Locale",
        "NumberParseError",
        "ParsedNumbers",
        "format_number",
        "parse_columns",
        "parse_numbers",
    ),
    "povstat.rank_inference": (
        "RankConfidenceSets",
        "RankProbabilities",
        "TauBestSet",
        "rank_confidence_sets",
        "rank_probabilities",
        "tau_best_set",
    ),
    "povstat.reliability": (
        "RSE_CONVENTIONS",
        "ReliabilityFlags",
        "RSEBands",
        "reliability_flags",
    ),
    "povstat.survey": (
        "LonelyPsu",
        "PovertyEstimates",
        "poverty_estimates",
    ),
    "povstat.tables": (
        "BpsTable",
        "read_bps_table",
    ),
}
_LAZY_NAMES = {name: module for module, names in _LAZY.items() for name in names}
# Submodules reachable as attributes of the package (``povstat.datasets``).
_SUBMODULES = frozenset(
    {
        "aggregate",
        "change",
        "datasets",
        "poverty_measures",
        "frames",
        "headcount",
        "parsing",
        "plotting",
        "rank_inference",
        "ranking",
        "reliability",
        "statements",
        "survey",
        "tables",
        "tracing",
        "uncertainty",
        "units",
        "wording",
    }
)

__all__ = [
    "RSE_CONVENTIONS",
    "AnnualizedChange",
    "BpsTable",
    "Change",
    "ChangeTest",
    "CountSum",
    "DecompositionBounds",
    "DerivedEstimate",
    "GapMoney",
    "HeadcountDecomposition",
    "HeadcountInterval",
    "Interval",
    "InvalidCell",
    "Locale",
    "LonelyPsu",
    "NumberParseError",
    "ParsedNumbers",
    "PooledRate",
    "PovertyEstimates",
    "RSEBands",
    "RankConfidenceSets",
    "RankProbabilities",
    "Ranking",
    "RateInterval",
    "ReliabilityFlags",
    "TauBestSet",
    "Ties",
    "Unit",
    "adjust_pvalues",
    "aggregate_regions",
    "annualized_change",
    "annualized_change_se",
    "change_test",
    "decimal_year",
    "decompose_headcount_change",
    "decomposition_bounds",
    "derived_proportion",
    "derived_ratio",
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
    "percentile_rank",
    "pooled_rate",
    "poverty_estimates",
    "poverty_gap_money",
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
    "reliability_flags",
    "round_half_up",
    "rounding_interval",
    "rse_from_se",
    "se_from_bounds",
    "se_from_moe",
    "se_from_rse",
    "sum_counts",
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
    "with_reliability",
]

__version__ = "0.1.0.dev0"


def __getattr__(name: str) -> Any:
    """Import a lazily loaded public name or submodule on first use."""
    module = _LAZY_NAMES.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    """Every public name, including those not loaded yet."""
    return sorted(set(globals()) | set(__all__) | _SUBMODULES)
