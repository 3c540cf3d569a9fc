"""The documented headcount decomposition recipe gives the published change.

With the published rates and numbers of poor, ``decompose_headcount_change``
takes the headcounts (``headcount_before=``, ``headcount_after=``): the
change is the exact difference of the published figures, and the adapter
``with_headcount_decomposition`` gives the same figures to the bit.
"""

from __future__ import annotations

import re
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from povstat import (
    decompose_headcount_change,
    round_half_up,
    with_headcount_decomposition,
)
from povstat.datasets import load_indonesia


@pytest.fixture(scope="module")
def pairs() -> pd.DataFrame:
    """Each row of the bundled total table beside the region's previous one."""
    df = load_indonesia()
    total = df[df["area"] == "total"].sort_values(["region_code", "period"])
    prev = total.groupby("region_code")[["poverty_rate_pct", "poor_thousands"]].shift()
    out = total.assign(r0=prev["poverty_rate_pct"], h0=prev["poor_thousands"])
    return out.dropna(subset=["r0", "h0", "poverty_rate_pct", "poor_thousands"])


def test_indonesia_march_to_september_2019() -> None:
    # BPS: 25,144.72 thousand poor (9.41 %) in March 2019, 24,785.87
    # thousand (9.22 %) in September. 24785.87 - 25144.72 = -358.85 by
    # hand, which rounds half up to -358.9.
    d = decompose_headcount_change(
        9.41,
        9.22,
        unit="percent",
        headcount_before=25144.72,
        headcount_after=24785.87,
    )
    assert d.change == -358.85
    assert round_half_up(d.change, 1) == -358.9


def test_recipe_change_is_the_published_difference(pairs: pd.DataFrame) -> None:
    # Every consecutive pair of a region's rounds: the change is the exact
    # difference of the published decimals (Python's decimal), rounded once
    # to float64 (float(Decimal) is correctly rounded).
    assert len(pairs) > 5000
    d = decompose_headcount_change(
        pairs["r0"],
        pairs["poverty_rate_pct"],
        unit="percent",
        headcount_before=pairs["h0"],
        headcount_after=pairs["poor_thousands"],
    )
    expected = [
        float(Decimal(repr(h1)) - Decimal(repr(h0)))
        for h0, h1 in zip(pairs["h0"], pairs["poor_thousands"], strict=True)
    ]
    np.testing.assert_array_equal(d.change, np.array(expected))


def test_adapter_and_array_function_agree_to_the_bit() -> None:
    df = load_indonesia()
    total = df[df["area"] == "total"]
    out = with_headcount_decomposition(total, unit="percent")
    ordered = out.sort_values(["region_code", "period"])
    prev = ordered.groupby("region_code")[
        ["poverty_rate_pct", "poor_thousands"]
    ].shift()
    d = decompose_headcount_change(
        prev["poverty_rate_pct"].fillna(0.0),
        ordered["poverty_rate_pct"],
        unit="percent",
        headcount_before=prev["poor_thousands"],
        headcount_after=ordered["poor_thousands"],
    )
    # The first round of each region has no previous one (missing there,
    # whatever rate stands in for it).
    first = prev["poor_thousands"].isna().to_numpy()
    assert np.isnan(ordered["headcount_change"].to_numpy()[first]).all()
    for name, values in (
        ("headcount_change", d.change),
        ("population_effect", d.population_effect),
        ("rate_effect", d.rate_effect),
    ):
        np.testing.assert_array_equal(
            ordered[name].to_numpy()[~first], values[~first], err_msg=name
        )


def test_zero_rate_leaves_the_effects_missing() -> None:
    # DKI Jakarta's rural area: 0 published. No population is implied from
    # a rate of 0; the change of the counts is still 0.5 - 0 = 0.5.
    d = decompose_headcount_change(
        0.0, 1.0, unit="percent", headcount_before=0.0, headcount_after=0.5
    )
    assert d.change == 0.5
    assert np.isnan(d.population_effect)
    assert np.isnan(d.rate_effect)


@pytest.mark.parametrize(
    ("kwargs", "got"),
    [
        ({}, "got neither"),
        (
            {
                "population_before": 1000.0,
                "population_after": 1100.0,
                "headcount_before": 100.0,
                "headcount_after": 90.0,
            },
            "`population_before`, `population_after`, `headcount_before`, "
            "`headcount_after`",
        ),
        ({"headcount_before": 100.0}, "got `headcount_before`$"),
        (
            {"population_before": 1000.0, "headcount_after": 90.0},
            "got `population_before`, `headcount_after`",
        ),
    ],
)
def test_exactly_one_pair(kwargs: dict[str, float], got: str) -> None:
    with pytest.raises(ValueError, match="give either `population_before`") as err:
        decompose_headcount_change(10.0, 8.0, unit="percent", **kwargs)
    assert re.search(got, str(err.value))


def test_headcount_errors_name_the_argument() -> None:
    with pytest.raises(ValueError, match="headcount_after"):
        decompose_headcount_change(
            10.0, 8.0, unit="percent", headcount_before=1.0, headcount_after=-1.0
        )
    with pytest.raises(ValueError, match=r"`headcount_before` \(3,\)"):
        decompose_headcount_change(
            [10.0, 9.0],
            [8.0, 7.0],
            unit="percent",
            headcount_before=[1.0, 2.0, 3.0],
            headcount_after=[1.0, 2.0],
        )
    with pytest.raises(ValueError, match="rate_after"):
        decompose_headcount_change(
            10.0, 108.0, unit="percent", headcount_before=1.0, headcount_after=1.0
        )
