"""Shared set-ups of the check_statements tests: frames, arguments, rows.

Two kinds of `data`: small made-up frames with the columns ``region``,
``year``, ``rate`` and ``poor`` (:data:`KW`), and BPS's East Java figures
as :func:`povstat.datasets.load_east_java` gives them (:data:`EJ_KW`,
:data:`EJ_COLS`). Statement rows are built by :func:`rank_rows` and
:func:`change_row`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pandas as pd
import pytest

from povstat.datasets import load_east_java

#: check_statements' arguments for the small frames.
KW: dict[str, Any] = {
    "unit": "percent",
    "persons_per_poor_unit": 1000,
    "region": "region",
    "period": "year",
    "rate": "rate",
    "headcount": "poor",
}

#: check_statements' arguments for East Java (BPS, rates to 2 decimals).
EJ_KW: dict[str, Any] = {
    "unit": "percent",
    "persons_per_poor_unit": 1000,
    "region": "region_name",
    "period": "year",
}
EJ_COLS = ["region_name", "year", "poverty_rate_pct", "poor_thousands"]

#: Small frames of made-up rates whose figures need different decimals
#: (2.5 beside 3.0): the warning that the rate column is read at the most
#: decimals few of them need is not what the tests marked with it check.
IGNORE_READING_WARNING = pytest.mark.filterwarnings(
    "ignore:`data` column .* is read at:UserWarning"
)


def east_java(years: list[int], regions: list[str] | None = None) -> pd.DataFrame:
    """East Java's regencies and cities (or `regions`) at `years`: EJ_COLS."""
    ej = load_east_java()
    keep = ej.year.isin(years) & (
        ej.region_type.isin(["kabupaten", "kota"])
        if regions is None
        else ej.region_name.isin(regions)
    )
    return ej[keep][EJ_COLS].reset_index(drop=True)


def appended(
    data: pd.DataFrame, region: str, year: int, rate: Any, poor: float
) -> pd.DataFrame:
    """`data` (EJ_COLS) with one row appended (a pooled figure)."""
    extra = pd.DataFrame(
        {
            "region_name": [region],
            "year": [year],
            "poverty_rate_pct": [rate],
            "poor_thousands": [poor],
        }
    )
    return pd.concat([data, extra], ignore_index=True)


def rank_rows(
    region: str,
    period: Any,
    stated_rank: int,
    *values: tuple[float, int],
    descending: bool = False,
) -> pd.DataFrame:
    """Rank rows about `region`, one per (stated value, its decimals)."""
    return pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": region,
                "period": period,
                "stated_rank": stated_rank,
                "descending": descending,
                "stated_value": v,
                "value_decimals": d,
            }
            for v, d in values
        ]
    )


def change_row(
    region: str,
    before: Any,
    after: Any,
    stated: float,
    decimals: int,
    *,
    kind: str = "change",
    stated_as: str = "points",
    direction: str = "fall",
) -> dict[str, Any]:
    """One change (or level_change) row: "fell `stated` points"."""
    return {
        "kind": kind,
        "region": region,
        "period_before": before,
        "period_after": after,
        "stated": stated,
        "direction": direction,
        "stated_as": stated_as,
        "decimals": decimals,
    }


@contextmanager
def no_warning() -> Iterator[None]:
    """Fail on any warning raised inside (the decimals read are stated)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
