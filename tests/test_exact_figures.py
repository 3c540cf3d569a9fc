"""Exact arithmetic of published figures: totals, wording and judgements."""

from __future__ import annotations

import hypothesis.strategies as st
import numpy as np
from hypothesis import given, settings

from povstat import sum_counts


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
