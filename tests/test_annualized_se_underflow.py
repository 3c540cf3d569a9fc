"""annualized_change_se where the ratio or its SE underflows float64."""

from __future__ import annotations

import math

import numpy as np
import pytest

from povstat import annualized_change_se


# From 1e150 to 1e-300 with SEs of 1 % each, independent: r = 1e-450 (below
# float64, it underflows to 0), SE(r) = sqrt(1e-604 + 1e-900 * 1e296) / 1e150
# = sqrt(2) * 1e-452, and SE(g) = 100 / t * r**(1/t - 1) * SE(r):
#   t = 2:   50 * 1e225 * sqrt(2) * 1e-452 = 50 sqrt(2) * 1e-227
#   t = 100: 1 * 10**445.5 * sqrt(2) * 1e-452 = sqrt(20) * 1e-7
# The signs of both estimates flipped give the same ratio and SE.
@pytest.mark.parametrize("sign", [1.0, -1.0])
@pytest.mark.parametrize(
    ("years", "expected"),
    [(2.0, 50 * math.sqrt(2) * 1e-227), (100.0, math.sqrt(20) * 1e-7)],
)
def test_ratio_underflowing_to_zero_is_still_positive(
    sign: float, years: float, expected: float
) -> None:
    se = annualized_change_se(
        sign * 1e150,
        sign * 1e-300,
        years=years,
        se_before=1e148,
        se_after=1e-302,
        independent=True,
    )
    np.testing.assert_allclose(se, expected, rtol=1e-12)


def test_underflowed_ratio_with_exact_zero_se_gives_zero() -> None:
    # SEs of 0: the ratio 1e-450 is positive, so the compound rate exists
    # and its SE is exactly 0.
    se = annualized_change_se(
        1e150, 1e-300, years=2, se_before=0.0, se_after=0.0, independent=True
    )
    assert se == 0.0


def test_negative_ratio_stays_nan_when_it_underflows() -> None:
    # -1e-450 underflows to -0.0: no compound rate of a negative ratio.
    se = annualized_change_se(
        1e150, -1e-300, years=2, se_before=1e148, se_after=1e-302, independent=True
    )
    assert np.isnan(se)


def test_se_of_ratio_underflowing_to_zero_is_brought_back() -> None:
    # From 1e100 to 1e-200, SEs 1e60 and 1e-240: r = 1e-300 (a normal float),
    # SE(r) = sqrt(1e-480 + 1e-600 * 1e120) / 1e100 = sqrt(2) * 1e-340, below
    # float64 (0 when formed), yet over 2 years
    # SE(g) = 50 * (1e-300)**-0.5 * sqrt(2) * 1e-340 = 50 sqrt(2) * 1e-190.
    se = annualized_change_se(
        1e100, 1e-200, years=2, se_before=1e60, se_after=1e-240, independent=True
    )
    np.testing.assert_allclose(se, 50 * math.sqrt(2) * 1e-190, rtol=1e-12)
