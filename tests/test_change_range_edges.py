"""Ends of the change range that a rate at 100 % (or 0) attains.

A published rate v at k decimals stands for [v - h, v + h) (h = 10**-k / 2),
within [0, 100] %: a published 100.00 stands for [99.995, 100], closed at
100. Worked by hand: with before = 100.00 and after = a (2 decimals), the
true rates may be 100 and a - 0.005, so the fall may be exactly
100.005 - a points and a relative fall of exactly 100.005 - a percent
(100 (1 - (a - 0.005) / 100)); those ends are attained, so a stated
figure whose rounding interval touches them "cannot tell".
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from povstat.statements import check_change_statement


def _fig(k: int, d: int) -> float:
    return float(Fraction(k, 10**d))


@given(st.integers(1, 9_998))
def test_a_fall_from_100_reaches_its_attained_end(k: int) -> None:
    a = _fig(k, 2)
    # Relative: the largest fall is 100.005 - a %, attained; the stated
    # 2-decimal figure 100.01 - a stands for [100.005 - a, 100.015 - a).
    touching = _fig(10_001 - k, 2)
    res = check_change_statement(
        100.0,
        a,
        touching,
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
        levels_decimals=2,
    )
    assert str(res.verdict) == "cannot tell"
    beyond = _fig(10_002 - k, 2)  # [100.015 - a, ...): beyond the end
    res = check_change_statement(
        100.0,
        a,
        beyond,
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
        levels_decimals=2,
    )
    assert str(res.verdict) == "does not hold"
    # In points the largest fall is 100.005 - a too: 100.004 - a at 3
    # decimals ([100.0035 - a, 100.0045 - a)) lies inside the range.
    res = check_change_statement(
        100.0,
        a,
        _fig(100_004 - 10 * k, 3),
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=3,
        levels_decimals=2,
    )
    assert str(res.verdict) == "cannot tell"


def test_from_100_to_0_and_levels_at_0() -> None:
    # 100 -> 0: a fall of exactly 100 % (both ends attained: 100 and 0).
    res = check_change_statement(
        100.0,
        0.0,
        100.0,
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
        levels_decimals=1,
    )
    assert str(res.verdict) == "holds"
    res = check_change_statement(
        100.0,
        0.0,
        100.01,
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
        levels_decimals=1,
    )
    assert str(res.verdict) == "does not hold"
    # 0.00 -> 0.00: the change lies in (-0.005, 0.005), open at both ends
    # (0.005 rounds up to 0.01): a rise of 0.004 may be, 0.006 may not.
    res = check_change_statement(
        0.0,
        0.0,
        0.004,
        direction="rise",
        stated_as="points",
        unit="percent",
        decimals=3,
        levels_decimals=2,
    )
    assert str(res.verdict) == "cannot tell"
    res = check_change_statement(
        0.0,
        0.0,
        0.006,
        direction="rise",
        stated_as="points",
        unit="percent",
        decimals=3,
        levels_decimals=2,
    )
    assert str(res.verdict) == "does not hold"
