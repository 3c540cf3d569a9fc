"""Exact arithmetic of published figures: totals, wording and judgements."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

from povstat import sum_counts
from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    Direction,
    check_change_statement,
    check_level_change_statement,
    check_rank_statement,
)
from povstat.tracing import trace_figure
from povstat.wording import describe_level_change, describe_rate_change


@st.composite
def _hundreds(draw: st.DrawFn) -> tuple[list[int], int]:
    """Whole multiples ``m`` of ``10**-decimals`` whose figures are floats.

    ``m * 10**k`` below 2**53 is exact in float64, and ``m`` below 10**14
    has the fewer than 15 significant digits a figure may have; up to 100
    such figures, many near the cap, take the total past 2**53.
    """
    k = draw(st.integers(1, 6))
    cap = min(2**53 // 10**k, 10**14) - 1
    n = draw(st.integers(1, 100))
    near = st.integers(max(cap - 2**20, 0), cap)
    ms = [draw(st.integers(0, cap) | near) for _ in range(n)]
    return ms, -k


@settings(max_examples=300, deadline=None)
@given(case=_hundreds())
def test_total_of_figures_rounded_to_tens_or_more_is_rounded_once(
    case: tuple[list[int], int],
) -> None:
    # Reference: the exact integer total, turned into float once (Python's
    # int -> float conversion is correctly rounded). Totals go above 2**53
    # (figures up to 2**36 * 2**51 * 10**1 for k = 1), where the sum of the
    # multiples turned into float and then scaled by 10**k rounded twice.
    ms, decimals = case
    scale = 10**-decimals
    figures = np.array([float(m * scale) for m in ms])
    assert all(int(f) == m * scale for f, m in zip(figures, ms, strict=True))
    exact = sum(ms) * scale
    total = sum_counts(figures, decimals=decimals).total
    assert float(total) == float(exact)


def test_total_of_hundreds_above_2_53_is_the_nearest_float() -> None:
    # By hand: 90 figures of 99999999999999 hundreds and one of
    # 7199254741083: 8999999999999910 + 7199254741083 = 9007199254740993
    # = 2**53 + 1 hundreds, exact
    # total 900719925474099300. Floats there are 128 apart (2**59 < total <
    # 2**60): 900719925474099200 (= 2**53 * 100) and ...9328; the total is
    # 100 above the first and 28 below the second, so the answer is
    # 900719925474099328. Turning 2**53 + 1 into float first (2**53, ties
    # to even) and then scaling by 100 gave ...9200.
    figures = np.array([9999999999999900.0] * 90 + [719925474108300.0])
    total = sum_counts(figures, decimals=-2).total
    assert float(total) == 900719925474099328.0


@pytest.mark.parametrize(
    ("levels", "change_places", "expected"),
    [
        # By hand: 10 -> 12 is +2 points, +20 % (2 / 10); the rates at 0
        # decimals, the change at 2.
        (0, 2, "rose 2.00 percentage points, from 10 % to 12 % (a 20.00 %"),
        # The change at 0 decimals, the rates at 2: "2", "10.00 %".
        (2, 0, "rose 2 percentage points, from 10.00 % to 12.00 % (a 20.00 %"),
        # The same decimals for both, as by default.
        (1, 1, "rose 2.0 percentage points, from 10.0 % to 12.0 % (a 20.00 %"),
    ],
)
def test_sentence_writes_levels_and_change_at_their_own_decimals(
    levels: int, change_places: int, expected: str
) -> None:
    text = str(
        describe_rate_change(
            10.0,
            12.0,
            unit="percent",
            locale="en",
            decimals=levels,
            change_decimals=change_places,
        )
    )
    assert text.startswith(expected)


def test_split_decimals_still_add_up() -> None:
    # By hand: 10.3 -> 12.1 is +1.80; at 0 decimals the rates show 10 and
    # 12, whose difference (2) is not the shown 1.80: the rates get 1 more
    # decimal (10.3, 12.1: difference 1.8 = 1.80).
    text = str(
        describe_level_change(10.3, 12.1, locale="en", decimals=0, change_decimals=2)
    )
    assert text.startswith("rose 1.80, from 10.3 to 12.1")
    with pytest.raises(TypeError, match="`change_decimals` must be an int"):
        describe_level_change(1.0, 2.0, locale="en", change_decimals=1.5)  # type: ignore[arg-type]


def test_statement_reasons_write_levels_at_the_levels_decimals() -> None:
    # Rates published to 0 decimals (10 % -> 12 %), the change stated in
    # points to 2 (2.00): the reason writes "from 10 % to 12 %", never
    # "10.00 %", and the change as stated, "2.00". The rates to 0 decimals
    # give the change only in (1, 3) points, so 2.00 is more precise than
    # they allow: cannot tell.
    res = check_change_statement(
        10,
        12,
        2.0,
        direction="rise",
        stated_as="points",
        decimals=2,
        unit="percent",
        levels_decimals=0,
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason).startswith(
        "rose 2.00 percentage points, from 10 % to 12 % (a 20.00 % relative rise)"
    )
    # Stated in percent (20.00 = 2 / 10 * 100): the change in points has
    # the rates' decimals, "2".
    rel = check_change_statement(
        10,
        12,
        20.0,
        direction="rise",
        stated_as="percent",
        decimals=2,
        unit="percent",
        levels_decimals=0,
    )
    assert str(rel.reason).startswith("rose 2 percentage points, from 10 % to 12 %")
    # Counts published to 0 decimals (171 -> 169 thousand), stated to 2:
    # "fell 2.00, from 171 to 169" (2 / 171 = 1.1696 % -> 1.17 %).
    lvl = check_level_change_statement(
        171,
        169,
        2.0,
        direction="fall",
        stated_as="units",
        decimals=2,
        levels_decimals=0,
    )
    assert str(lvl.reason).startswith(
        "fell 2.00, from 171 to 169 (a 1.17 % relative fall)"
    )


def test_trace_lists_cells_a_more_precise_figure_rounds_to() -> None:
    # A table of 2 decimals; "4.2634" is said to be region A's 2023 rate
    # (10.35). By hand: 4.2634 at 2 decimals is 4.26, region B's 2023 cell;
    # not 4.27 (B 2022). C's 42.63 read divided by 10 is 4.263, which a
    # misreading cannot turn into 4.2634 (a power of ten keeps the cell's
    # digits): no candidate.
    data = pd.DataFrame(
        {
            "region_code": ["A", "B", "B", "C"],
            "period": [2023, 2023, 2022, 2023],
            "poverty_rate_pct": [10.35, 4.26, 4.27, 42.63],
        }
    )
    res = trace_figure(
        data,
        4.2634,
        decimals=4,
        subject="A",
        at=2023,
        measure="poverty_rate_pct",
        measures=[],
    )
    assert res.verdict == "does not hold"
    cells = list(
        zip(
            res.candidates["region_code"].tolist(),
            res.candidates["value"].tolist(),
            res.candidates["power"].tolist(),
            strict=True,
        )
    )
    assert cells == [("B", 4.26, 0)]
    slips = res.candidates["slip"].tolist()
    assert "more precise than the table: 4.2634 is 4.26 at 2 decimals" in slips[0]
    assert "it matches B, 2023, poverty_rate_pct = 4.26" in res.reason
    # Stated to the table's decimals, the rule is the plain rounding of
    # the cell to the figure's decimals: "4.26" is B's 4.26, and C's 4.263
    # (42.63 / 10) rounded to 2 decimals; no slip says "more precise".
    plain = trace_figure(
        data,
        4.26,
        decimals=2,
        subject="A",
        at=2023,
        measure="poverty_rate_pct",
        measures=[],
    )
    assert plain.candidates["region_code"].tolist() == ["B", "C"]
    assert not any("more precise" in t for t in plain.candidates["slip"].tolist())


@pytest.mark.parametrize(
    ("stated", "places", "direction", "expected"),
    [
        # 4.37 % -> 4.26 % at 2 decimals: before in [4.365, 4.375), after in
        # [4.255, 4.265). By hand the relative fall 100 (1 - a / b) lies in
        # (0.10 / 4.365, 0.12 / 4.375) = (2.29095 %, 2.74286 %).
        (2.5, 1, "fall", HOLDS),  # 2.517 % rounds to 2.5
        (2.3, 1, "fall", UNDECIDED),  # [2.25, 2.35) meets the range
        (2.7, 1, "fall", UNDECIDED),  # [2.65, 2.75) meets the range
        (2.8, 1, "fall", NOT_HOLDS),  # [2.75, 2.85) lies above 2.74286
        (2.2, 1, "fall", NOT_HOLDS),  # [2.15, 2.25) lies below 2.29095
        (2.7429, 4, "fall", UNDECIDED),  # [2.74285, 2.74295) meets 2.742857
        (2.743, 4, "fall", NOT_HOLDS),  # [2.74295, 2.74305) above 2.742857
        (2.5, 1, "rise", NOT_HOLDS),  # the rates fell whatever their rounding
    ],
)
def test_relative_change_is_judged_by_the_range_the_rates_leave(
    stated: float, places: int, direction: Direction, expected: str
) -> None:
    res = check_change_statement(
        4.37,
        4.26,
        stated,
        direction=direction,
        stated_as="percent",
        unit="percent",
        decimals=places,
        levels_decimals=2,
    )
    assert res.verdict == expected


def test_relative_change_range_at_equal_rates_and_at_zero() -> None:
    # Equal published rates 4.26 -> 4.26: a, b in [4.255, 4.265), so the
    # true change may be a rise of up to 100 (4.265 / 4.255 - 1) = 0.2350 %
    # or a fall of up to 100 (1 - 4.255 / 4.265) = 0.2345 %.
    def verdict(stated: float, direction: Direction, before: float = 4.26) -> str:
        res = check_change_statement(
            before,
            4.26 if before else 1.0,
            stated,
            direction=direction,
            stated_as="percent",
            unit="percent",
            decimals=1 if before else 0,
            levels_decimals=2 if before else 0,
        )
        return str(res.verdict)

    assert verdict(0.2, "rise") == UNDECIDED  # [0.15, 0.25) meets (0, 0.235)
    assert verdict(0.2, "fall") == UNDECIDED
    assert verdict(0.3, "rise") == NOT_HOLDS  # [0.25, 0.35) above 0.235
    # An earlier rate published as 0 % (0 decimals) may be any true rate in
    # [0, 0.5): the relative rise to 1 % has no bound, cannot tell.
    res = check_change_statement(
        0,
        1,
        50,
        direction="rise",
        stated_as="percent",
        unit="percent",
        decimals=0,
        levels_decimals=0,
    )
    assert res.verdict == UNDECIDED
    assert "has no bound" in str(res.reason)


@pytest.mark.parametrize(
    ("stated", "places", "expected"),
    [
        # 171.24 -> 168.86 thousand at 2 decimals: the relative fall lies in
        # (2.37 / 171.235, 2.39 / 171.245) = (1.38406 %, 1.39566 %).
        (1.39, 2, HOLDS),  # 2.38 / 171.24 = 1.38986 %
        (1.38, 2, UNDECIDED),  # [1.375, 1.385) meets it
        (1.37, 2, NOT_HOLDS),  # [1.365, 1.375) lies below
        (1.395, 3, UNDECIDED),  # [1.3945, 1.3955) meets it
        (1.397, 3, NOT_HOLDS),  # [1.3965, 1.3975) lies above 1.39566
    ],
)
def test_relative_change_of_a_level_is_judged_by_the_range(
    stated: float, places: int, expected: str
) -> None:
    res = check_level_change_statement(
        171.24,
        168.86,
        stated,
        direction="fall",
        stated_as="percent",
        decimals=places,
        levels_decimals=2,
    )
    assert res.verdict == expected


@settings(max_examples=200, deadline=None)
@given(
    before=st.integers(1, 10_000),
    after=st.integers(0, 10_000),
    tb=st.fractions(Fraction(-1, 2), Fraction(1, 2)),
    ta=st.fractions(Fraction(-1, 2), Fraction(1, 2)),
    places=st.integers(0, 4),
)
def test_a_relative_change_some_true_rates_give_is_never_refused(
    before: int, after: int, tb: Fraction, ta: Fraction, places: int
) -> None:
    # True rates inside the published rates' rounding intervals (2
    # decimals; hundredths drawn as integers), their exact relative change
    # rounded half up to `places`: the statement of it is consistent with
    # the published rates, so never "does not hold".
    true_b = Fraction(before, 100) + tb / 100
    true_a = Fraction(after, 100) + ta / 100
    if tb == Fraction(1, 2) or ta == Fraction(1, 2) or true_b <= 0 or true_a < 0:
        return  # outside the half-open intervals, or not a rate
    if true_b > 100 or true_a > 100:
        return  # a rate above 100 % (a published 100.00 stands for [99.995, 100])
    rel = 100 * (true_a / true_b - 1)
    if rel == 0:
        return
    q = Fraction(10) ** places
    stated = Fraction(math.floor(abs(rel) * q + Fraction(1, 2))) / q
    if stated == 0:
        return
    res = check_change_statement(
        before / 100,
        after / 100,
        float(stated),
        direction="rise" if rel > 0 else "fall",
        stated_as="percent",
        unit="percent",
        decimals=places,
        levels_decimals=2,
    )
    assert res.verdict in (HOLDS, UNDECIDED)


def test_rank_reason_writes_the_value_at_its_published_decimals() -> None:
    # Values published to 0 decimals (A 10, B 12, C 9); A ranks 2nd from
    # the highest. "2nd with 11.00" is wrong: A's value is written "10"
    # (its decimals), not "10.00" (the stated figure's).
    kw: dict[str, Any] = {
        "labels": ["A", "B", "C"],
        "subject": "A",
        "descending": True,
        "stated_rank": 2,
        "values_decimals": 0,
    }
    bad = check_rank_statement(
        [10.0, 12.0, 9.0], stated_value=11.0, value_decimals=2, **kw
    )
    assert bad.verdict == NOT_HOLDS
    assert "its value is 10, not 11.00" in str(bad.reason)
    # Values to 2 decimals, stated to 1: 16.45 rounds half up to 16.5.
    ok = check_rank_statement(
        [16.45, 18.0, 9.0],
        stated_value=16.5,
        value_decimals=1,
        **{**kw, "values_decimals": 2},
    )
    assert ok.verdict == HOLDS
    assert "its value 16.45 rounds to the stated 16.5" in str(ok.reason)
