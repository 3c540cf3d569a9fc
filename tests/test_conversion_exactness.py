"""Unit conversions and rates are rounded once, from the decimal figures.

Every conversion returns the float64 nearest to the exact value of its
formula on the decimals its inputs stand for (a float read as the shortest
decimal of at most 15 significant digits it is nearest to, as
round_half_up reads it); inputs with more digits are read as their binary
value. The references below are exact rational arithmetic (Fraction).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from povstat import (
    derived_proportion,
    headcount_to_rate,
    implied_population,
    pooled_rate,
    rate_to_headcount,
    round_half_up,
    to_fraction,
    to_percent,
)


def _dec(x: float) -> Fraction:
    """The decimal a float stands for (its shortest repr)."""
    return Fraction(Decimal(repr(x)))


def _half_up(q: Fraction, d: int) -> float:
    """Exact half-up rounding of a nonnegative rational to `d` decimals."""
    s = 10**d
    return float(Fraction(int(q * s + Fraction(1, 2)), s))


def _figure(k: int, d: int) -> float:
    """The float nearest to k / 10**d."""
    return float(Fraction(k, 10**d))


def test_the_reported_ties_round_up() -> None:
    # 29 / 800 = 3.625 exactly; 2179 / 4000 = 54.475 %; 0.00035 = 0.035 %;
    # 0.175 % = 0.00175; 16.15 % of 1,000 = 161.5: each a tie, rounded up.
    assert headcount_to_rate(29.0, 800.0, unit="percent") == 3.625
    assert round_half_up(headcount_to_rate(29.0, 800.0, unit="percent"), 2) == 3.63
    assert pooled_rate([2179.0], unit="percent", population=[4000.0]).rate == 54.475
    assert to_percent(0.00035, unit="fraction") == 0.035
    assert round_half_up(to_percent(0.00035, unit="fraction"), 2) == 0.04
    assert to_fraction(0.175, unit="percent") == 0.00175
    assert round_half_up(rate_to_headcount(16.15, 1000.0, unit="percent")) == 162
    # 3.625 % of 800 is 29 again: H * 100 / P0.
    assert implied_population(3.625, 29.0, unit="percent") == 800.0


@given(
    st.integers(0, 10**6),
    st.integers(1, 10**6),
    st.integers(0, 3),
    st.sampled_from(["percent", "fraction"]),
)
def test_headcount_to_rate_is_the_float_nearest_the_exact_ratio(
    k: int, n: int, d: int, unit: str
) -> None:
    h = _figure(min(k, n * 10**d), d)
    pop = float(n)
    scale = 100 if unit == "percent" else 1
    exact = _dec(h) * scale / n
    out = headcount_to_rate(h, pop, unit=unit)  # type: ignore[arg-type]
    assert out == float(exact)
    assert round_half_up(out, 2) == _half_up(exact, 2)


@given(st.integers(0, 10**5), st.integers(0, 10**7), st.integers(0, 4))
def test_rate_to_headcount_is_the_float_nearest_the_exact_product(
    k: int, n: int, d: int
) -> None:
    r = _figure(k % (100 * 10**d + 1), d)  # a percent with d decimals
    exact = _dec(r) * n / 100
    out = rate_to_headcount(r, float(n), unit="percent")
    assert out == float(exact)
    assert round_half_up(out) == _half_up(exact, 0)
    f = to_fraction(r, unit="percent")
    assert rate_to_headcount(f, float(n), unit="fraction") == float(exact)


@given(st.integers(0, 10**9), st.integers(1, 9))
def test_percent_and_fraction_are_the_floats_nearest_the_exact_values(
    k: int, d: int
) -> None:
    f = _figure(k % (10**d + 1), d)  # a fraction with d decimals
    # Below about 1e-8 a figure is read as its binary value (documented in
    # `decimal_ratio`): 1e-09 as a percent is 1.0000000000000001e-07 there.
    assume(f == 0 or f >= 1e-8)
    p = to_percent(f, unit="fraction")
    assert p == float(_dec(f) * 100)
    assert round_half_up(p, 2) == _half_up(_dec(f) * 100, 2)
    q = _figure(k % (100 * 10**d + 1), d)  # a percent with d decimals
    assume(q == 0 or q >= 1e-8)
    assert to_fraction(q, unit="percent") == float(_dec(q) / 100)


@given(st.integers(1, 10**4), st.integers(0, 10**6), st.integers(0, 2))
def test_implied_population_is_the_float_nearest_the_exact_ratio(
    k: int, c: int, d: int
) -> None:
    r = _figure(k % (100 * 10**d) + 1, d)
    h = _figure(c, 2)
    assert implied_population(r, h, unit="percent") == float(_dec(h) * 100 / _dec(r))


@given(st.floats(1e-3, 1e6), st.floats(1.0, 1e9))
def test_computed_inputs_are_read_as_their_binary_value(h: float, n: float) -> None:
    # A value of 16 or 17 significant digits (0.1 + 0.2) stands for no
    # shorter decimal: it is read as its binary value, each input on its
    # own (a short one beside it is still its decimal), and the rate is
    # the float nearest to the formula on those values.
    h = min(h, n)
    out = headcount_to_rate(h, n, unit="percent")

    def read(x: float) -> Fraction:
        short = len(Decimal(repr(x)).as_tuple().digits) <= 15
        return _dec(x) if short else Fraction(x)

    assert out == float(read(h) * 100 / read(n))


def test_vectorised_and_ties_near_the_cap() -> None:
    rates = headcount_to_rate(
        np.array([29.0, 800.0, 0.0, 1.0]),
        np.array([800.0, 800.0, 5.0, 3.0]),
        unit="percent",
    )
    # 1 / 3 has no decimal: the float nearest to 33.333...
    np.testing.assert_array_equal(rates, [3.625, 100.0, 0.0, float(Fraction(100, 3))])


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.integers(0, 2))
def test_derived_proportion_is_the_float_nearest_the_exact_share(
    k: int, n: int, d: int
) -> None:
    part = _figure(min(k, n * 10**d), d)
    est = derived_proportion(
        part, float(n), unit="percent", level=0.9, se_part=1.0, se_whole=1.0
    ).estimate
    assert est == float(_dec(part) * 100 / n)
