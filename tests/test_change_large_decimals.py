"""Change functions read short decimals as decimals up to 1e36.

docs/user_guide/units.rst: values of at most 15 significant digits from
about 1e-8 to 1e36 are read as the decimals they stand for. The expected
values are the exact formulas on those decimals (``fractions.Fraction``),
rounded once to float64.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import povstat as ps
from povstat._exact import decimal_difference


def test_reported_cases() -> None:
    # 8e25 -> 8.01e25: 100 * 0.01e25 / 8e25 = 0.125 exactly (0.13 at 2 dp;
    # the binary reading gave 0.12499999999998408).
    assert ps.relative_change(8e25, 8.01e25) == 0.125
    # 8e30, 8.01e30, 8.00875e30: 100 * 0.00125e30 / 0.01e30 = 12.5.
    assert ps.recovery_share([8e30], [8.01e30], [8.00875e30]).tolist() == [12.5]
    # 10 % of 1e23 to 8.1 % of 1.1e23: 8.91e21 - 1e22 = -1.09e21 exactly.
    d = ps.decompose_headcount_change(10.0, 8.1, 1e23, 1.1e23, unit="percent")
    assert d.change == -1.09e21
    # Rate effect: -1.9 points of (1e23 + 1.1e23) / 2 = -1.995e21;
    # population effect: 1e22 of (10 + 8.1) / 2 % = 9.05e20.
    assert d.rate_effect == -1.995e21
    assert d.population_effect == 9.05e20


def _short(digits: int, exponent: int) -> Decimal:
    return Decimal(digits).scaleb(exponent)


_big = st.builds(
    _short,
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=-2, max_value=30),
)


@given(_big, _big)
def test_relative_change_exact(before: Decimal, after: Decimal) -> None:
    exact = 100 * (Fraction(after) - Fraction(before)) / Fraction(before)
    assert ps.relative_change(float(before), float(after)) == float(exact)


@given(_big, _big, _big)
def test_recovery_share_exact(b: Decimal, p: Decimal, c: Decimal) -> None:
    out = ps.recovery_share(float(b), float(p), float(c))
    if p > b:
        exact = 100 * (Fraction(p) - Fraction(c)) / (Fraction(p) - Fraction(b))
        assert out == float(exact)
    else:
        assert np.isnan(out)


_rate = st.decimals(min_value=0, max_value=100, places=2)


@given(_rate, _rate, _big, _big)
def test_decomposition_exact(
    r0: Decimal, r1: Decimal, n0: Decimal, n1: Decimal
) -> None:
    d = ps.decompose_headcount_change(
        float(r0), float(r1), float(n0), float(n1), unit="percent"
    )
    f0, f1, m0, m1 = (Fraction(x) for x in (r0, r1, n0, n1))
    assert d.change == float((f1 * m1 - f0 * m0) / 100)
    assert d.rate_effect == float((f1 - f0) * (m0 + m1) / 200)
    if n0 != n1:
        assert d.population_effect == float((m1 - m0) * (f0 + f1) / 200)


@given(_big, _big)
def test_decimal_difference_exact(a: Decimal, b: Decimal) -> None:
    # The difference of two published counts (the change in the number of
    # poor of with_headcount_decomposition): exact, rounded once.
    out, exact = decimal_difference(np.asarray(float(a)), np.asarray(float(b)))
    assert bool(exact)
    assert out == float(Fraction(a) - Fraction(b))
