"""A delta-method SE whose intermediate ratio underflows is not silently 0."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

import povstat as ps


def _exact_ratio_se(a: float, b: float, sa: float, sb: float) -> float:
    # SE(a / b) = sqrt(sa**2 + (a/b)**2 sb**2) / |b| (independent), exactly
    # in fractions, its square root taken on a value scaled by 10**600.
    fa, fb, fsa, fsb = map(Fraction, (a, b, sa, sb))
    r = fa / fb
    v = (fsa**2 + r**2 * fsb**2) / fb**2
    return math.sqrt(float(v * 10**600)) / 1e300


def test_relative_change_se_intermediate_underflow() -> None:
    # after / before = 9.345e-297 / 6.209e53 = 1.505e-350 underflows to 0;
    # times se_before = 3.7e102 the term is 5.57e-248, over before 6.209e53
    # 8.97e-302; the other term 4.98e-298 / 6.209e53 = 8.02e-352 adds
    # nothing visible. SE of the ratio 8.968869...e-302, in percent
    # 8.968869...e-300 (before the fix: 0.0).
    want = 100 * _exact_ratio_se(9.345e-297, 6.209e53, 4.98e-298, 3.7e102)
    got = ps.relative_change_se(
        6.209e53, 9.345e-297, se_before=3.7e102, se_after=4.98e-298, independent=True
    )
    assert math.isclose(float(got), want, rel_tol=1e-14)
    assert 8.96e-300 < float(got) < 8.98e-300


def _ratio_se(a: float, b: float, sa: float, sb: float) -> float:
    # SE of a / b from independent SEs sa and sb, as derived_ratio gives it.
    se = ps.derived_ratio(
        a, b, level=0.95, independent=True, se_numerator=sa, se_denominator=sb
    ).se
    return float(se)


def test_derived_ratio_se_intermediate_underflow() -> None:
    want = _exact_ratio_se(9.345e-297, 6.209e53, 4.98e-298, 3.7e102)
    got = _ratio_se(9.345e-297, 6.209e53, 4.98e-298, 3.7e102)
    assert math.isclose(got, want, rel_tol=1e-14)
    assert 8.96e-302 < got < 8.98e-302


def test_se_below_float_range_is_zero() -> None:
    # a = 1e-300, b = 1e200, sa = 1e-300, sb = 0: SE = sa / b = 1e-500,
    # below the smallest subnormal 4.9e-324: 0 in float64 (the result
    # itself is beyond range, not an intermediate).
    assert _ratio_se(1e-300, 1e200, 1e-300, 0.0) == 0.0


def test_moderate_cases_unchanged() -> None:
    # 20 -> 15 with SEs 1 and 1: r = 0.75, SE = sqrt(1 + 0.5625) / 20 =
    # 0.0625 of the ratio, 6.25 %.
    got = ps.relative_change_se(
        20.0, 15.0, se_before=1.0, se_after=1.0, independent=True
    )
    assert float(got) == 6.25
    arr = ps.relative_change_se(
        [20.0, 6.209e53],
        [15.0, 9.345e-297],
        se_before=[1.0, 3.7e102],
        se_after=[1.0, 4.98e-298],
        independent=True,
    )
    assert float(arr[0]) == 6.25
    assert np.isfinite(arr).all()
    assert math.isclose(
        float(arr[1]),
        100 * _exact_ratio_se(9.345e-297, 6.209e53, 4.98e-298, 3.7e102),
        rel_tol=1e-14,
    )
