"""Dataframe adapters: poverty statistics as new columns of a long table.

The adapters take a *long* table, one row per region and period, and return
the same table with new columns. Published tables are small, so each adapter
collects its input, takes the columns a formula needs as numpy arrays, calls
the array function that holds the formula, and attaches the results,
returning the same kind of object it was given (a pandas frame keeps its
index; a polars ``LazyFrame``, a DuckDB relation or a PySpark DataFrame comes
back as one, over the collected rows). The modules mirror the array modules:
``frames.headcount``, ``frames.change``, ``frames.ranking``,
``frames.uncertainty`` and ``frames.aggregate``; all their adapters are
listed here.
"""

from __future__ import annotations

from povstat.frames.aggregate import aggregate_regions, with_reliability
from povstat.frames.change import (
    with_change_from_base,
    with_changes,
    with_headcount_decomposition,
)
from povstat.frames.headcount import with_headcount, with_implied_population, with_rate
from povstat.frames.ranking import with_ranks
from povstat.frames.uncertainty import (
    with_change_test,
    with_rank_sets,
    with_rate_interval,
)

__all__ = [
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
]
