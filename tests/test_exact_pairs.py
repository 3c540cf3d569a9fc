"""The exact pairs behind the derived figures (povstat._exact).

decimal_pair reads a float as the decimal it stands for, as hi + lo;
decimal_product_ratio and decimal_ratio_pair build on it. References are
exact rational arithmetic (Fraction) on the shortest reprs.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from povstat._exact import (
    decimal_pair,
    decimal_product_ratio,
    decimal_ratio,
    decimal_ratio_pair,
)


def _dec(x: float) -> Fraction:
    return Fraction(Decimal(repr(x)))


_SHORT = st.builds(
    lambda k, d, s: s * float(Fraction(k) / Fraction(10) ** d),
    st.integers(0, 10**9),
    st.integers(-12, 8),
    st.sampled_from([1.0, -1.0]),
)


@given(_SHORT)
def test_decimal_pair_is_the_decimal(x: float) -> None:
    hi, lo = decimal_pair(np.asarray(x))
    assert float(hi) == x
    err = Fraction(float(hi)) + Fraction(float(lo)) - _dec(x)
    assert abs(err) <= abs(_dec(x)) * Fraction(1, 2**100)


def test_decimal_pair_of_long_and_missing_values() -> None:
    # 1/3 has more than 15 digits: its binary value is exact, lo is 0.
    hi, lo = decimal_pair(np.array([1 / 3, np.nan, np.inf, 0.0, -0.1]))
    assert lo[0] == 0.0
    assert lo[1] == 0.0
    assert lo[2] == 0.0
    assert lo[3] == 0.0
    # -0.1 stands for -1/10 = float(-0.1) + 5.55e-18.
    assert Fraction(float(hi[4])) + Fraction(float(lo[4])) - Fraction(-1, 10) != 0
    assert abs(
        Fraction(float(hi[4])) + Fraction(float(lo[4])) - Fraction(-1, 10)
    ) < Fraction(1, 10**33)


@given(_SHORT, _SHORT, _SHORT, _SHORT)
def test_decimal_product_ratio_is_the_float_nearest(
    a: float, b: float, c: float, d: float
) -> None:
    if d == 0:
        d = 1.5
    out = decimal_product_ratio(
        (np.asarray(a), np.asarray(b), np.asarray(c)), np.asarray(d), 1000.0
    )
    assert float(out) == float(_dec(a) * _dec(b) * _dec(c) * 1000 / _dec(d))


@given(_SHORT, _SHORT)
def test_decimal_ratio_pair_is_decimal_ratio_and_its_rest(a: float, b: float) -> None:
    if b == 0:
        b = 2.5
    hi, lo = decimal_ratio_pair(np.asarray(a), np.asarray(b), 100.0)
    assert float(hi) == float(decimal_ratio(np.asarray(a), np.asarray(b), 100.0))
    exact = _dec(a) * 100 / _dec(b)
    err = Fraction(float(hi)) + Fraction(float(lo)) - exact
    assert abs(err) <= abs(exact) * Fraction(1, 2**98)
