"""The range of the true change that a change reason shows.

Its ends are the exact ones where they are decimals (8.1 -> 8.12: -0.035
and +0.075, never -0.04 and +0.08, which the check rejects), else rounded
toward the inside; a range holding falls and rises alike is shown as the
signed change, never as a fall's size with its sign flipped; and equal
figures whose rounding leaves a rise possible say so.
"""

from __future__ import annotations

import re
import warnings
from fractions import Fraction
from typing import Any, Literal

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from povstat.statements import (
    NOT_HOLDS,
    UNDECIDED,
    check_change_statement,
    check_level_change_statement,
    check_statements,
)
from statement_frames import KW, change_row

Direction = Literal["fall", "rise"]

_MIXED: dict[str, Any] = {
    "stated_as": "points",
    "unit": "percent",
    "decimals": 2,
    "before_decimals": 1,
    "after_decimals": 2,
}


def test_mixed_decimals_show_the_exact_range() -> None:
    # 8.1 stands for [8.05, 8.15), 8.12 for [8.115, 8.125): the true change
    # lies in (8.115 - 8.15, 8.125 - 8.05) = (-0.035, +0.075).
    res = check_change_statement(8.1, 8.12, 0.07, direction="rise", **_MIXED)
    assert res.verdict == UNDECIDED
    assert str(res.reason).endswith(
        "0.07 is more precise than the rates (1 and 2 decimals) allow: the true "
        "change lies between -0.035 and +0.075 points (it may have fallen or "
        "risen)"
    )
    # A rise of 0.08 ([0.075, 0.085)) and a fall of 0.04 ([0.035, 0.045))
    # only touch the open ends: neither fits, and neither end is shown as
    # if it did.
    cases: list[tuple[float, Direction]] = [(0.08, "rise"), (0.04, "fall")]
    for stated, direction in cases:
        res = check_change_statement(8.1, 8.12, stated, direction=direction, **_MIXED)
        assert res.verdict == NOT_HOLDS
        assert "between -0.035 and +0.075 points" in str(res.reason)
        assert "0.08 points (" not in str(res.reason)


def test_level_change_of_mixed_decimals_shows_the_exact_range() -> None:
    # 171.2 stands for [171.15, 171.25), 171.24 for [171.235, 171.245): the
    # true change lies in (171.235 - 171.25, 171.245 - 171.15) =
    # (-0.015, +0.095).
    kw: dict[str, Any] = {
        "stated_as": "units",
        "decimals": 2,
        "before_decimals": 1,
        "after_decimals": 2,
    }
    res = check_level_change_statement(171.2, 171.24, 0.01, direction="rise", **kw)
    assert res.verdict == UNDECIDED
    assert "the true change lies between -0.015 and +0.095 (it may have" in str(
        res.reason
    )
    res = check_level_change_statement(171.2, 171.24, 0.02, direction="fall", **kw)
    assert res.verdict == NOT_HOLDS
    assert "between -0.015 and +0.095, which leaves no fall of 0.02" in str(res.reason)


def test_an_open_direction_shows_the_signed_change() -> None:
    # 17.784 stands for [17.7835, 17.7845), 17.78 for [17.775, 17.785). In
    # points the change lies in (17.775 - 17.7845, 17.785 - 17.7835) =
    # (-0.0095, +0.0015); relative, in (17.775 / 17.7845 - 1,
    # 17.785 / 17.7835 - 1) = (-0.0095 / 17.7845, 0.0015 / 17.7835) =
    # (-0.053417 %, +0.008435 %). Both sizes are stated at 2 decimals, as
    # many as the coarser rate (17.78) has, so neither is more precise than
    # the rates allow: the rates leave more than one value at 2 decimals
    # (-0.01 and 0.00 points; -0.05 to +0.01 %), which the statement's
    # fall meets (a fall of 0.05 % is a change in (-0.055, -0.045], which
    # (-0.053417, ...) reaches; one of 0.01 points in (-0.015, -0.005],
    # which (-0.0095, ...) reaches). Each range is written at 2 + 2 = 4
    # decimals at least, rounded inward: -0.0534 and +0.0084 %.
    kw: dict[str, Any] = {
        "unit": "percent",
        "decimals": 2,
        "before_decimals": 3,
        "after_decimals": 2,
    }
    res = check_change_statement(
        17.784, 17.78, 0.05, direction="fall", stated_as="percent", **kw
    )
    assert res.verdict == UNDECIDED
    reason = str(res.reason)
    assert (
        "the rates (3 and 2 decimals) do not fix the relative change to 2 "
        "decimals: the true relative change lies between -0.0534 and +0.0084 % "
        "(it may have fallen or risen), which a fall of 0.05 meets"
    ) in reason
    assert "more precise" not in reason
    assert "the true change lies between -0.0095 and +0.0015 points" in reason
    assert "-0.01 and 0.05" not in reason
    res = check_change_statement(
        17.784, 17.78, 0.01, direction="fall", stated_as="points", **kw
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason).endswith(
        "the rates (3 and 2 decimals) do not fix the change to 2 decimals: the "
        "true change lies between -0.0095 and +0.0015 points (it may have "
        "fallen or risen), which a fall of 0.01 meets"
    )


def test_check_statements_change_row_of_an_open_direction() -> None:
    # The same rates through check_statements: 17.784 (read at its own 3
    # decimals) then 17.78.
    data = pd.DataFrame(
        {
            "region": ["3529", "3529"],
            "year": [2024, 2025],
            "rate": [17.784, 17.78],
            "poor": [100.0, 100.0],
        }
    )
    st_ = pd.DataFrame([change_row("3529", 2024, 2025, 0.05, 2, stated_as="percent")])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = check_statements(st_, data, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [UNDECIDED]
    assert (
        "the true relative change lies between -0.0534 and +0.0084 % (it may "
        "have fallen or risen), which a fall of 0.05 meets"
    ) in out["reason"].iloc[0]


def test_equal_figures_say_a_rise_is_possible() -> None:
    # 10.35 and 10.35 stand for [10.345, 10.355): the change lies in
    # (-0.01, +0.01), so a rise of 0.004 ([0.0035, 0.0045)) may be the
    # true one: cannot tell, and said so, not "the statement says it rose".
    res = check_change_statement(
        10.35, 10.35, 0.004, direction="rise", stated_as="points",
        unit="percent", decimals=3, levels_decimals=2,
    )  # fmt: skip
    assert res.verdict == UNDECIDED
    assert str(res.reason) == (
        "did not change, at 10.35 %: 0.004 is more precise than the rates (2 "
        "decimals) allow: the true change lies between -0.010 and +0.010 "
        "points (it may have fallen or risen)"
    )
    # Relative: (10.345 / 10.355 - 1, 10.355 / 10.345 - 1) = (-0.01 /
    # 10.355, 0.01 / 10.345) = (-0.096572 %, +0.096665 %). A rise of 0.04
    # at 2 decimals, as many as the rates have, is not more precise than
    # they allow: they leave -0.09 to +0.09 at 2 decimals, which it meets;
    # the range at 2 + 2 = 4 decimals, inward: -0.0965 and +0.0966.
    res = check_change_statement(
        10.35, 10.35, 0.04, direction="rise", stated_as="percent",
        unit="percent", decimals=2, levels_decimals=2,
    )  # fmt: skip
    assert res.verdict == UNDECIDED
    assert "the statement says it rose" not in str(res.reason)
    assert str(res.reason).endswith(
        "the rates (2 decimals) do not fix the relative change to 2 decimals: "
        "the true relative change lies between -0.0965 and +0.0966 % (it may "
        "have fallen or risen), which a rise of 0.04 meets"
    )
    # A rise of 0.02 ([0.015, 0.025)) is beyond (-0.01, +0.01): refuted.
    res = check_change_statement(
        10.35, 10.35, 0.02, direction="rise", stated_as="points",
        unit="percent", decimals=2, levels_decimals=2,
    )  # fmt: skip
    assert res.verdict == NOT_HOLDS
    # The size fails, not the direction: the range is said.
    assert str(res.reason).endswith(
        "the true change lies between -0.01 and +0.01 points (it may have "
        "fallen or risen), which leaves no rise of 0.02 points"
    )


_BETWEEN = re.compile(r"lies between ([-+]?[\d.,]+) and ([-+]?[\d.,]+) points")


@settings(max_examples=200, deadline=None)
@given(
    before=st.integers(1000, 9000),
    after=st.integers(1000, 9000),
    d_before=st.integers(1, 3),
    d_after=st.integers(1, 3),
    stated=st.integers(1, 400),
    d_stated=st.integers(2, 4),
    fall=st.booleans(),
    near=st.one_of(st.none(), st.integers(-30, 30)),
)
def test_the_range_shown_is_the_exact_one(
    before: int,
    after: int,
    d_before: int,
    d_after: int,
    stated: int,
    d_stated: int,
    fall: bool,
    near: int | None,
) -> None:
    # Rates of 10.00-90.00 % at their decimals; each stands for [x - h,
    # x + h), so the change lies in (a - h_a - (b + h_b), a + h_a - (b -
    # h_b)), whose ends are decimals: shown exactly, as the change (signed)
    # or the size of the stated direction.
    b = Fraction(before, 100)
    b = Fraction(round(b * 10**d_before), 10**d_before)  # at its decimals
    # `near`: the later rate within 0.03 of the earlier (directions open).
    a = Fraction(after, 100) if near is None else b + Fraction(near, 1000)
    a = Fraction(round(a * 10**d_after), 10**d_after)
    hb, ha = Fraction(1, 2 * 10**d_before), Fraction(1, 2 * 10**d_after)
    lo, hi = a - ha - (b + hb), a + ha - (b - hb)
    x = Fraction(stated, 10**d_stated)
    direction: Direction = "fall" if fall else "rise"
    res = check_change_statement(
        float(b), float(a), float(x), direction=direction, stated_as="points",
        unit="percent", decimals=d_stated, before_decimals=d_before,
        after_decimals=d_after,
    )  # fmt: skip
    found = _BETWEEN.findall(str(res.reason))
    if lo < 0 < hi:
        # The rates leave the direction open: the range is always shown.
        assert found, res.reason
    for low_text, high_text in found:
        shown = (
            Fraction(low_text.replace(",", "")),
            Fraction(high_text.replace(",", "")),
        )
        if low_text.startswith(("-", "+")) or high_text.startswith(("-", "+")):
            assert shown == (lo, hi), res.reason
        elif fall:
            assert shown == (-hi, -lo), res.reason
        else:
            assert shown == (lo, hi), res.reason
