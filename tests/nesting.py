"""Shared set-ups of the nesting tests: a frame of region labels, the rank calls.

The frames of ``test_nesting_dotted_and_same_area.py`` and
``test_nested_region_codes.py``: one row per label, made-up rates and
counts, and the with_rank_sets and check_statements calls they refuse; the
province and city frame of ``test_nesting_footnote_marks.py`` and
``test_nesting_leading_numbers.py``; the one-period frame and pooling call
of ``test_nesting_dotted_floats.py``, ``test_nesting_wide_brackets.py`` and
``test_nesting_column_numbering.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from povstat import aggregate_regions, with_rank_sets
from povstat.statements import check_statements


def frame_of(labels: list[Any], by: list[str] | None = None) -> pd.DataFrame:
    """Rates (%) 4, 5, 6, ... and poor (thousands) 10, 20, 30, ... of `labels`.

    One row per label in the ``region_code`` column, all in period
    "2023-03", in group "M" of column ``g`` (or the groups `by`).
    """
    n = len(labels)
    return pd.DataFrame(
        {
            "region_code": labels,
            "period": "2023-03",
            "poverty_rate_pct": [4.0 + i for i in range(n)],
            "poor_thousands": [10.0 * (i + 1) for i in range(n)],
            "g": by if by is not None else ["M"] * n,
        }
    )


def rank_sets(frame: pd.DataFrame) -> Any:
    """with_rank_sets of `frame` as one group, its `se` column the errors."""
    return with_rank_sets(
        frame,
        descending=True,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
        se="se",
        rate="poverty_rate_pct",
    )


def check_rank(
    data: pd.DataFrame, region: object, stated_rank: int, **kw: Any
) -> pd.DataFrame:
    """check_statements of one rank statement of March 2023 against `data`."""
    statements = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": region,
                "period": pd.Timestamp("2023-03-01"),
                "stated_rank": stated_rank,
                "descending": False,
            }
        ]
    )
    return check_statements(
        statements,
        data,
        region="region_code",
        unit="percent",
        persons_per_poor_unit=1000,
        **kw,
    )


def province_and_city(province: str, city: str) -> pd.DataFrame:
    """Jawa Timur (35) and Kota Surabaya (3578), March 2023 (BPS), labelled so.

    Kota Surabaya is inside Jawa Timur: summing both rows would count its
    poor twice (4188.81 + 136.37 = 4325.18 thousand instead of 4188.81).
    """
    return pd.DataFrame(
        {
            "g": ["x", "x"],
            "period": [2023, 2023],
            "region_name": [province, city],
            "poverty_rate_pct": [10.35, 4.65],
            "poor_thousands": [4188.81, 136.37],
        }
    )


NESTED = "together with regions nested in it"
"""The words of the refusal of a group holding a region and its own parts."""


def one_period_frame(labels: Sequence[object]) -> pd.DataFrame:
    """One row per label, all in March 2023, rate 10 % and 1 thousand poor."""
    return pd.DataFrame(
        {
            "region_code": labels,
            "period": pd.Timestamp("2023-03-01"),
            "poor_thousands": [1.0] * len(labels),
            "poverty_rate_pct": [10.0] * len(labels),
        }
    )


def pool(df: pd.DataFrame, **how: object) -> pd.DataFrame:
    """aggregate_regions of `df` (rates in percent) grouped as `how` says."""
    return aggregate_regions(df, unit="percent", **how)  # type: ignore[arg-type]


def pool_regions(df: pd.DataFrame, labels: Sequence[object]) -> pd.DataFrame:
    """One group "G" of `labels` pooled from columns region, rate, poor."""
    return pool(
        df, groups={"G": list(labels)}, rate="rate", headcount="poor", region="region"
    )
