"""Standard errors whose squares' sum overflows, though the SE does not.

The variances are formed after scaling by a power of two, which is exact:
the SE of SEs scaled by 2**k is the SE of the unscaled SEs times 2**k, bit
for bit, and the huge inputs below are checked against the same call on
inputs scaled down by 2**-600 (where nothing overflows), then scaled back.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    annualized_change_se,
    change_test,
    decompose_headcount_change,
    derived_proportion,
    derived_ratio,
    headcount_interval,
    relative_change_se,
)

_LIMIT = float(np.sqrt(np.finfo(np.float64).max))  # about 1.34e154
_K = 600
big = st.floats(1e150, _LIMIT)


def _down(x: float) -> float:
    return math.ldexp(x, -_K)


@pytest.fixture(autouse=True)
def _no_warnings() -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def test_the_reported_cases_are_finite() -> None:
    # sqrt(2) * 1.3e154 = 1.8385e154; z = -2e300 / 1.8385e154 = -1.088e146.
    t = change_test(
        [1e300],
        [-1e300],
        se_before=[1.3e154],
        se_after=[1.3e154],
        level=0.95,
        independent=True,
    )
    assert t.se[0] == pytest.approx(math.sqrt(2) * 1.3e154, rel=1e-15)
    assert t.p_value[0] == 0.0
    assert bool(t.significant[0])
    # after / before = 2; SE = sqrt(se_a**2 + 4 se_b**2) / 1 * 100
    # = sqrt(5) * 1.3e156.
    r = relative_change_se(
        [1.0], [2.0], se_before=[1.3e154], se_after=[1.3e154], independent=True
    )
    assert r[0] == pytest.approx(math.sqrt(5) * 1.3e156, rel=1e-15)
    y = annualized_change_se(
        [1.0],
        [2.0],
        se_before=[1.3e154],
        se_after=[1.3e154],
        independent=True,
        years=[1.0],
    )
    assert np.isfinite(y[0])
    d = derived_ratio(
        [1.0],
        [1.0],
        level=0.95,
        independent=True,
        se_numerator=[1.3e154],
        se_denominator=[1.3e154],
    )
    assert d.se[0] == pytest.approx(math.sqrt(2) * 1.3e154, rel=1e-15)
    # Proportion 0.5: sqrt(se_p**2 - 0.25 se_w**2) / 2 * 100
    # = sqrt(0.75) * 1.3e154 * 50.
    p = derived_proportion(
        [1.0],
        [2.0],
        unit="percent",
        level=0.95,
        se_part=[1.3e154],
        se_whole=[1.3e154],
    )
    assert p.se[0] == pytest.approx(math.sqrt(0.75) * 1.3e154 * 50, rel=1e-15)
    # 1e150 * sqrt((1e10 / 100)**2 + ...) = 1e158; upper = 5e149 + 1.96e158.
    h = headcount_interval(
        [50.0],
        [1e150],
        unit="percent",
        level=0.95,
        method="normal",
        se=[1e10],
        population_se=[1.0],
    )
    assert np.isfinite(h.upper[0])
    assert h.upper[0] == pytest.approx(5e149 + 1.959963984540054 * 1e158)


@given(big, big, st.floats(-1.0, 1.0))
def test_change_se_is_scale_exact(sb: float, sa: float, rho: float) -> None:
    t = change_test(
        1.0,
        2.0,
        se_before=sb,
        se_after=sa,
        level=0.95,
        independent=False,
        correlation=rho,
    )
    small = change_test(
        1.0,
        2.0,
        se_before=_down(sb),
        se_after=_down(sa),
        level=0.95,
        independent=False,
        correlation=rho,
    )
    assert float(t.se) == math.ldexp(float(small.se), _K)
    assert np.isfinite(t.se)


@given(big, big, st.floats(0.5, 4.0))
def test_ratio_ses_are_scale_exact(sb: float, sa: float, after: float) -> None:
    got = relative_change_se(1.0, after, se_before=sb, se_after=sa, independent=True)
    ref = relative_change_se(
        1.0, after, se_before=_down(sb), se_after=_down(sa), independent=True
    )
    assert float(got) == math.ldexp(float(ref), _K)
    d = derived_ratio(
        after,
        1.0,
        level=0.9,
        independent=True,
        se_numerator=sa,
        se_denominator=sb,
    )
    ds = derived_ratio(
        after,
        1.0,
        level=0.9,
        independent=True,
        se_numerator=_down(sa),
        se_denominator=_down(sb),
    )
    assert float(d.se) == math.ldexp(float(ds.se), _K)


def test_a_derived_se_beyond_the_range_names_the_arguments() -> None:
    # part / whole = 1e-5; the SE is about 1e-5 * 1e154 / 1e-165 = 1e314,
    # beyond float64: refused naming the function's own arguments.
    with pytest.raises(ValueError, match="`se_part` and `se_whole`"):
        derived_proportion(
            [1e-170],
            [1e-165],
            unit="percent",
            level=0.95,
            se_part=[1e-161],
            se_whole=[1e154],
        )


@given(
    st.floats(0.0, 100.0),
    st.floats(0.0, 100.0),
    st.floats(1e300, 1.7e308),
    st.floats(1e300, 1.7e308),
)
def test_headcount_decomposition_near_the_float_limit_is_scale_exact(
    r0: float, r1: float, n0: float, n1: float
) -> None:
    # Populations scaled by 2**-600 give the same parts, scaled back
    # exactly by 2**600 (the parts are at most 100 % of 1.7e308).
    big = decompose_headcount_change(r0, r1, n0, n1, unit="percent")
    small = decompose_headcount_change(r0, r1, _down(n0), _down(n1), unit="percent")
    for name in ("change", "population_effect", "rate_effect"):
        got = float(getattr(big, name))
        assert got == math.ldexp(float(getattr(small, name)), _K)
        assert math.isfinite(got)


def test_headcount_decomposition_of_the_reported_cases() -> None:
    # 0.5 -> 0.6 of 1.7e308 each: change and rate effect 0.1 * 1.7e308.
    d = decompose_headcount_change([0.5], [0.6], [1.7e308], [1.7e308], unit="fraction")
    assert d.change[0] == pytest.approx(1.7e307, rel=1e-15)
    assert d.rate_effect[0] == pytest.approx(1.7e307, rel=1e-15)
    assert abs(d.population_effect[0]) <= 1e-15 * 1.7e307
    # 50 % -> 60 % of 1e307 each: 1e306, all to the rate.
    d = decompose_headcount_change([50.0], [60.0], [1e307], [1e307], unit="percent")
    assert d.change[0] == pytest.approx(1e306, rel=1e-15)
    assert d.population_effect[0] == 0.0
