"""Sizes rejected where the figures leave the direction open, or fix no size.

Equal figures (a change of 0 at their decimals) may hide a change either
way: a stated size outside the range their rounding leaves does not hold,
and the reason gives the range and says the size is outside it, never
that the direction is wrong or that the size is "not 0.00". The ranges
below are worked out by hand from the rounding intervals.
"""

from __future__ import annotations

from typing import Any

import pytest

from povstat.statements import (
    NOT_HOLDS,
    check_change_statement,
    check_level_change_statement,
)


@pytest.mark.parametrize(
    ("f", "args", "kw", "tail"),
    [
        # 10.35 -> 10.35 at 2 decimals: each in [10.345, 10.355), the change
        # in (-0.010, +0.010) exactly; a rise of 0.011 is outside.
        (
            check_change_statement,
            (10.35, 10.35, 0.011),
            {"direction": "rise", "stated_as": "points", "unit": "percent",
             "decimals": 3, "levels_decimals": 2},
            "the true change lies between -0.010 and +0.010 points (it may have "
            "fallen or risen), which leaves no rise of 0.011 points",
        ),
        # Kab. Mojokerto 10.57 -> 10.57 over 5 years: relative change in
        # (10.565 / 10.575 - 1, 10.575 / 10.565 - 1) = (-0.0946 %, +0.0947 %),
        # a year on average (-0.0189 %, +0.0189 %); 0.03 % a year is outside.
        (
            check_change_statement,
            (10.57, 10.57, 0.03),
            {"direction": "rise", "stated_as": "percent", "unit": "percent",
             "decimals": 2, "levels_decimals": 2, "years": 5},
            "which leaves no rise of 0.03 % a year",
        ),
        # 8.1 (1 decimal) -> 8.10 (2): (8.095 / 8.15 - 1, 8.105 / 8.05 - 1)
        # = (-0.6748 %, +0.6832 %), inward at 2 decimals; 0.8 is outside.
        (
            check_change_statement,
            (8.1, 8.10, 0.8),
            {"direction": "fall", "stated_as": "percent", "unit": "percent",
             "decimals": 1, "before_decimals": 1, "after_decimals": 2},
            "the true relative change lies between -0.67 and +0.68 % (it may have "
            "fallen or risen), which leaves no fall of 0.8 %",
        ),
        # 171.2 (1) -> 171.20 (2): (171.195 / 171.25 - 1, 171.205 / 171.15 - 1)
        # = (-0.0321 %, +0.0321 %).
        (
            check_level_change_statement,
            (171.2, 171.20, 0.04),
            {"direction": "fall", "stated_as": "percent", "decimals": 2,
             "before_decimals": 1, "after_decimals": 2},
            "the true relative change lies between -0.03 and +0.03 % (it may have "
            "fallen or risen), which leaves no fall of 0.04 %",
        ),
        (
            check_level_change_statement,
            (171.24, 171.24, 0.011),
            {"direction": "rise", "stated_as": "units", "decimals": 3,
             "levels_decimals": 2},
            "the true change lies between -0.010 and +0.010 (it may have fallen "
            "or risen), which leaves no rise of 0.011",
        ),
        # 171.24 -> 171.23: the fall in (171.235 - 171.235, 171.245 - 171.225)
        # = (0, 0.020); 0.025 is outside, and "0.010" is no figure they fix.
        (
            check_level_change_statement,
            (171.24, 171.23, 0.025),
            {"direction": "fall", "stated_as": "units", "decimals": 3,
             "levels_decimals": 2},
            "the true fall lies between 0.000 and 0.020, which leaves no fall of "
            "0.025",
        ),
        # 4.37 -> 4.26: the fall in (0.100, 0.120) points; 0.125 is outside.
        (
            check_change_statement,
            (4.37, 4.26, 0.125),
            {"direction": "fall", "stated_as": "points", "unit": "percent",
             "decimals": 3, "levels_decimals": 2},
            "the true fall lies between 0.100 and 0.120 points, which leaves no "
            "fall of 0.125 points",
        ),
    ],
    ids=[
        "points-equal-figures",
        "percent-a-year-equal-figures",
        "percent-1-and-2-decimals",
        "level-percent-1-and-2-decimals",
        "level-units-equal-figures",
        "level-units-fall-from-zero",
        "points-fall",
    ],
)  # fmt: skip
def test_rejected_size_gives_the_range(
    f: Any, args: tuple[float, ...], kw: dict[str, Any], tail: str
) -> None:
    res = f(*args, **kw)
    assert res.verdict == NOT_HOLDS
    reason = str(res.reason)
    assert reason.endswith(tail), reason
    assert "the statement says it" not in reason
    assert " is not " not in reason


def test_compound_range_a_year_of_a_fall_starts_at_zero() -> None:
    # Kabupaten Banyuwangi 7.52 -> 7.51 over 3 years, at 2 decimals: before
    # in [7.515, 7.525), after in [7.505, 7.515). The compound fall a year,
    # 1 - (a / b)^(1/3), lies in (0, 0.0886721812827...%) (40-digit Decimal),
    # the simple one, (1 - a / b) / 3, in (0, 0.02 / 7.525 / 3) = (0,
    # 0.0885936...%): the lower ends are exactly 0 (7.515 / 7.515). 0.05 a
    # year, at the rates' 2 decimals, is not more precise than they allow
    # (the rates leave 0.00 to 0.09 at 2): the ranges at 2 + 2 = 4 decimals,
    # the upper ends inward (0.0885 and 0.0886).
    res = check_change_statement(
        7.52, 7.51, 0.05, direction="fall", stated_as="percent", unit="percent",
        decimals=2, levels_decimals=2, years=3,
    )  # fmt: skip
    reason = str(res.reason)
    assert reason.endswith(
        "the rates (2 decimals) do not fix the relative change a year to 2 "
        "decimals: the true relative fall a year lies between 0.0000 and "
        "0.0885 % on average, between 0.0000 and 0.0886 % compound, which 0.05 "
        "meets"
    ), reason
    assert "between -" not in reason


@pytest.mark.parametrize(
    ("stated", "verdict"), [(0.0082, "cannot tell"), (0.0083, NOT_HOLDS)]
)
def test_open_direction_per_year_shows_the_range_a_year(
    stated: float, verdict: str
) -> None:
    # 24.466 (3 decimals) -> 24.5 (1): before in [24.4655, 24.4665), after
    # in [24.45, 24.55); the change in (-0.0165, +0.0845) points, over 2
    # years (-0.00825, +0.04225) a year. A fall of 0.0082 a year fits
    # ([0.00815, 0.00825) meets it), one of 0.0083 does not.
    res = check_change_statement(
        24.466, 24.5, stated, direction="fall", stated_as="points",
        unit="percent", decimals=4, years=2, before_decimals=3, after_decimals=1,
    )  # fmt: skip
    assert res.verdict == verdict
    assert "the true change a year lies between -0.00825 and +0.04225 points" in str(
        res.reason
    )
