"""Nesting among the recognised names of a column that holds other labels too.

A name of povstat's list is distinctive: a province and one of its regencies
both named as the list writes them are nested, whatever other labels (an
appended "Malang Raya", a typed name) the column holds. Codes stay all or
nothing: one label that is no code turns the check off, so that arbitrary
identifiers are never read as codes.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import pytest

from povstat import aggregate_regions, with_ranks
from povstat.statements import check_statements

# BPS, March 2023: Jawa Timur 10.35 %, Kota Malang 4.26 %, Kota Batu 3.31 %;
# "Malang Raya" is a pooled rate appended by the user (not a listed name).
RATES = [10.35, 4.26, 3.31, 7.88]
POOR = [4188.84, 37.78, 7.10, 296.24]


def _frame(labels: Sequence[object]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": pd.Series(list(labels), dtype=object),
            "period": 2023,
            "poverty_rate_pct": RATES,
            "poor_thousands": POOR,
        }
    )


NAMES = ["Jawa Timur", "Kota Malang", "Kota Batu", "Malang Raya"]


def test_with_ranks_refuses_a_province_among_its_recognised_cities() -> None:
    with pytest.raises(
        ValueError, match=r"holds region 'Jawa Timur' together with regions nested"
    ):
        with_ranks(_frame(NAMES), descending=True, region="region")


def test_aggregate_regions_refuses_it_too() -> None:
    with pytest.raises(ValueError, match=r"holds region 'Jawa Timur' together with"):
        aggregate_regions(
            _frame(NAMES).assign(g="all"), by="g", unit="percent", region="region"
        )


def test_check_statements_refuses_it_too() -> None:
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Kota Malang",
                "period": 2023,
                "stated_rank": 2,
                "descending": False,
                "of": 3,
            }
        ]
    )
    with pytest.raises(ValueError, match=r"holds region 'Jawa Timur' together with"):
        check_statements(
            st,
            _frame(NAMES),
            unit="percent",
            persons_per_poor_unit=1000,
            region="region",
        )


def test_unrecognised_names_alone_are_not_checked() -> None:
    # Kota Malang, Kota Batu and Malang Raya: no province, nothing nested.
    out = with_ranks(_frame(NAMES).iloc[1:], descending=True, region="region")
    assert out["rank"].tolist() == [2.0, 3.0, 1.0]
    # Names none of which is listed (bare "Malang", "Batu") tell nothing.
    bare = _frame(["Jatim", "Malang", "Batu", "Malang Raya"])
    assert with_ranks(bare, descending=True, region="region")["rank"].tolist() == [
        1.0,
        3.0,
        4.0,
        2.0,
    ]


@pytest.mark.parametrize(
    "labels",
    [["35", "3573", "3579", "35MR"], [35, 3573, 3579, 9999999999]],
)
def test_codes_stay_all_or_nothing(labels: list[object]) -> None:
    # One label that is no code of the list: identifiers, not codes, so the
    # province code 35 beside 3573 is not read as nesting.
    out = with_ranks(_frame(labels), descending=True, region="region")
    assert out["rank_count"].tolist() == [4, 4, 4, 4]
