"""RSE and SE conversions of published figures are rounded once.

The expected values are exact decimals worked by hand (in the comments) or
the exact value of the formula on the decimals, by ``fractions.Fraction``,
rounded to the nearest float64.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povstat as ps


@pytest.mark.parametrize(
    ("estimate", "se", "expected", "shown"),
    [
        # 100 * 0.839 / 4.0 = 83.9 / 4 = 20.975 exactly: 20.98 at 2 dp
        # (float arithmetic: 20.974999999999998, 20.97).
        (4.0, 0.839, 20.975, 20.98),
        # 100 * 0.0129 / 4.3 = 1.29 / 4.3 = 0.3 exactly.
        (4.3, 0.0129, 0.3, 0.3),
        # A negative estimate: the RSE is of |estimate|.
        (-4.0, 0.839, 20.975, 20.98),
    ],
)
def test_rse_from_se_rounded_once(
    estimate: float, se: float, expected: float, shown: float
) -> None:
    out = ps.rse_from_se(estimate, se)
    assert out == expected
    assert ps.round_half_up(out, 2) == shown


@pytest.mark.parametrize(
    ("estimate", "rse", "expected", "shown"),
    [
        # 55.62 * 2.5 / 100 = 139.05 / 100 = 1.3905: 1.391 at 3 dp (float
        # arithmetic: 1.3904999999999998, 1.39).
        (55.62, 2.5, 1.3905, 1.391),
        # 19.07 * 5 / 100 = 0.9535: 0.954 at 3 dp (float: 0.9534999999999999).
        (19.07, 5.0, 0.9535, 0.954),
        (-55.62, 2.5, 1.3905, 1.391),
    ],
)
def test_se_from_rse_rounded_once(
    estimate: float, rse: float, expected: float, shown: float
) -> None:
    out = ps.se_from_rse(estimate, rse)
    assert out == expected
    assert ps.round_half_up(out, 3) == shown


def test_with_rate_interval_rse_rounded_once() -> None:
    # The adapter's SE is se_from_rse's: 2.5 % with an RSE of 55.62 %:
    # 1.3905 exactly.
    df = pd.DataFrame({"poverty_rate_pct": [2.5], "rse_pct": [55.62]})
    out = ps.with_rate_interval(
        df, unit="percent", level=0.95, method="normal", rse_pct="rse_pct"
    )
    assert out["rate_se"].tolist() == [1.3905]


def test_headcount_estimate_rounded_once() -> None:
    # 0.07 % of 1000 is 0.7 (float arithmetic: 0.07 / 100 * 1000 is
    # 0.7000000000000001), as rate_to_headcount gives; with or without an
    # uncertain population.
    known = ps.headcount_interval(
        0.07, 1000, unit="percent", level=0.95, method="normal", se=0.01
    )
    uncertain = ps.headcount_interval(
        0.07,
        1000,
        unit="percent",
        level=0.95,
        method="normal",
        se=0.01,
        population_se=1.0,
    )
    assert known.estimate == 0.7
    assert uncertain.estimate == 0.7


def test_huge_and_missing_values() -> None:
    # The SE overflows only where the exact value is beyond float64's range:
    # 1e300 * 1e10 / 100 = 1e308; 3 * 1e308 / 100 = 3e306; 1e-300 * 1e300
    # / 100 = 0.01. NaN stays NaN, in either position.
    out = ps.se_from_rse(
        [1e300, 3.0, 1e-300, np.nan, 4.0], [1e10, 1e308, 1e300, 1.0, np.nan]
    )
    np.testing.assert_array_equal(out, [1e308, 3e306, 0.01, np.nan, np.nan])
    # 100 * 1e308 / 1e-10 is beyond float64's range: inf; a zero estimate
    # has no RSE.
    rse = ps.rse_from_se([1e-10, 0.0, np.nan], [1e308, 1.0, 1.0])
    np.testing.assert_array_equal(rse, [np.inf, np.nan, np.nan])


_figure = st.decimals(min_value="0.001", max_value=100_000, places=3)


@given(_figure, _figure)
def test_rse_from_se_exact(estimate: Decimal, se: Decimal) -> None:
    exact = 100 * Fraction(se) / Fraction(estimate)
    assert ps.rse_from_se(float(estimate), float(se)) == float(exact)


@given(_figure, st.decimals(min_value=0, max_value=500, places=2))
def test_se_from_rse_exact(estimate: Decimal, rse: Decimal) -> None:
    exact = Fraction(estimate) * Fraction(rse) / 100
    assert ps.se_from_rse(float(estimate), float(rse)) == float(exact)


@given(
    st.decimals(min_value=0, max_value=100, places=2),
    st.decimals(min_value=0, max_value=10**7, places=1),
)
def test_headcount_estimate_exact(rate: Decimal, population: Decimal) -> None:
    exact = Fraction(rate) * Fraction(population) / 100
    out = ps.headcount_interval(
        float(rate),
        float(population),
        unit="percent",
        level=0.9,
        method="normal",
        se=1.0,
    )
    assert out.estimate == float(exact)


def test_se_from_bounds_exact_width() -> None:
    # 8.04 and 11.96 are 9.99 -/+ 1.96: the width is exactly 3.92 (float
    # subtraction: 3.9200000000000017), so the SE is se_from_moe's of 1.96
    # (3.92 / 2z is 1.96 / z to the bit: halving is exact).
    out = ps.se_from_bounds(8.04, 11.96, level=0.95)
    assert out == ps.se_from_moe(1.96, level=0.95)


@given(
    st.decimals(min_value=-1000, max_value=1000, places=2),
    st.decimals(min_value=0, max_value=1000, places=2),
)
def test_se_from_bounds_matches_moe(centre: Decimal, moe: Decimal) -> None:
    lower, upper = float(centre - moe), float(centre + moe)
    # The exact half-width of the decimal bounds is `moe` itself.
    half = float((Fraction(centre + moe) - Fraction(centre - moe)) / 2)
    out = ps.se_from_bounds(lower, upper, level=0.9)
    assert out == ps.se_from_moe(half, level=0.9)
