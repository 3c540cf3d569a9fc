"""decimal_ratio skips work, never changes a bit.

:func:`povstat._exact.decimal_ratio` runs each element's floating-point
operations only where they change something (the reading it takes, the
power-of-two scalings where they are not by 2**0). It must return, element
for element and bit for bit, what the plain form running every step on
every element (``_decimal_ratio_exact``) returns.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from povstat._exact import _decimal_ratio_exact, _proven_chunk, decimal_ratio

# Short decimals (figures as published), floats of any kind (computed
# values, extremes, zeros of both signs, NaN, infinities).
_decimals = st.builds(
    lambda k, d: k / 10**d,
    st.integers(-(10**12), 10**12),
    st.integers(0, 12),
)
_values = st.one_of(
    _decimals,
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=1e-3, max_value=1e9),
    st.sampled_from([0.0, -0.0, 100.0, 1.0, 1e-300, 1.7e308, 5e-324]),
)
_arrays = st.lists(_values, min_size=1, max_size=40)


def _same_bits(x: NDArray[np.float64], y: NDArray[np.float64]) -> bool:
    """Equal to the bit, any NaN equal to any NaN."""
    both_nan = np.isnan(x) & np.isnan(y)
    return bool(np.all((x.view(np.int64) == y.view(np.int64)) | both_nan))


@settings(max_examples=300)
@given(_arrays, _arrays, _arrays, st.sampled_from(["array", "scalar den", "scalar"]))
def test_the_fast_path_gives_the_reference_bits(
    num: list[float], den: list[float], scale: list[float], kind: str
) -> None:
    size = min(len(num), len(den), len(scale))
    n = np.array(num[:size])
    d = np.array(den[:size]) if kind == "array" else np.asarray(den[0])
    s = np.array(scale[:size]) if kind != "scalar" else np.asarray(scale[0])
    fast = decimal_ratio(n, d, s)
    ref = _decimal_ratio_exact(n, d, s)
    assert fast.shape == ref.shape
    assert fast.dtype == np.float64
    assert fast.flags.writeable
    assert _same_bits(fast, ref)


def test_mixed_readings_in_one_array() -> None:
    # Half the rates are short decimals (decimal reading), half computed
    # values of 17 digits (binary reading), with zero, NaN and values near
    # float64's limits: each element as in the reference.
    # 40,000 elements: several chunks.
    rng = np.random.default_rng(7)
    rate = rng.uniform(0.5, 30.0, 40_000)
    rate[::2] = np.round(rate[::2], 2)
    pop = np.round(rng.uniform(1e3, 1e6, 40_000))
    pop[:6] = [0.0, np.nan, 1.7e308, 1e-320, 2.0**900, 3.0]
    for args in ((pop, np.asarray(100.0), rate), (rate, pop, 100.0)):
        assert _same_bits(decimal_ratio(*args), _decimal_ratio_exact(*args))
    # 0.0001 % of 0.0001 puts the decimal exponents 24 places apart, in the
    # last chunk only: the whole input then takes the stripped parts.
    rate[-1], pop[-1] = 1e-4, 1e-4
    args = (pop, np.asarray(100.0), rate)
    assert _same_bits(decimal_ratio(*args), _decimal_ratio_exact(*args))
    grid = (pop[:20_000].reshape(200, 100), np.asarray(100.0), rate[:100])
    assert _same_bits(decimal_ratio(*grid), _decimal_ratio_exact(*grid))
    # 29 of 800 is 3.625 % exactly (a tie that round_half_up then rounds up).
    assert decimal_ratio(np.asarray(29.0), np.asarray(800.0), 100.0) == 3.625


def test_an_element_is_read_alone_whatever_the_others_hold() -> None:
    # 2.07286e19 * 100 / 7.1548898: the exact quotient of the decimals is
    # 289712358672526302...; as a Fraction, float(F("2.07286e21") /
    # F("7.1548898")) is 2.897123586725263e+20. Next to an element whose
    # decimal exponents lie more than 22 apart (4.26e30 / 1e-7), which
    # needs its parts with trailing zeros stripped, the element keeps the
    # reading it has alone; it once took the stripped parts too and came
    # out one unit in the last place low (2.8971235867252628e+20).
    num = np.array([2.07286e19, 4.26e30])
    den = np.array([7.1548898, 1e-7])
    together = decimal_ratio(num, den, 100.0)
    assert together[0] == 2.897123586725263e20
    assert together[0] == decimal_ratio(num[:1], den[:1], 100.0)[0]
    assert together[1] == decimal_ratio(num[1:], den[1:], 100.0)[0] == 4.26e39
    # the same held by the reference, and in the other order
    assert _decimal_ratio_exact(num, den, np.array(100.0))[0] == together[0]
    assert decimal_ratio(num[::-1], den[::-1], 100.0)[1] == together[0]


# Decimals of 1 to 17 significant digits (a float of 16 or 17 digits is
# read as its binary value), ties such as 3.625 and 0.00035 (ending in 5)
# and the floats one unit in the last place on either side of them,
# negative values, zeros, subnormals, values near float64's largest, NaN
# and infinities.
def _decimal(digits: int, mantissa: int, places: int, sign: int) -> float:
    m = sign * (mantissa % 10**digits or 1)
    if places < 0:
        return float(m * 10 ** (-places))  # an int, correctly rounded
    return float(m / 10**places)  # int / int: correctly rounded


_short = st.builds(
    _decimal,
    st.integers(1, 17),
    st.integers(1, 10**17),
    st.integers(-12, 20),
    st.sampled_from([1, -1]),
)
_ties = st.builds(
    lambda m, places: (10 * m + 5) / 10**places,
    st.integers(0, 10**8),
    st.integers(1, 10),
)
_around_ties = st.builds(
    lambda x, up: float(np.nextafter(x, np.inf if up else -np.inf)),
    _ties,
    st.booleans(),
)
_special = st.sampled_from(
    [
        0.0,
        -0.0,
        5e-324,
        2.5e-320,
        2.2250738585072014e-308,
        1e-300,
        1.7e308,
        8.98846567431158e307,
        np.inf,
        -np.inf,
        np.nan,
        100.0,
        1.0,
    ]
)
_inputs = st.one_of(_short, _ties, _around_ties, _special)


@settings(max_examples=500)
@given(st.lists(st.tuples(_inputs, _inputs, _inputs), min_size=1, max_size=30))
def test_decimals_ties_and_extremes_give_the_reference_bits(
    rows: list[tuple[float, float, float]],
) -> None:
    n, d, s = (np.array(col) for col in zip(*rows, strict=True))
    assert _same_bits(decimal_ratio(n, d, s), _decimal_ratio_exact(n, d, s))
    # one input a constant, as in the conversions (100 or 1 there)
    assert _same_bits(
        decimal_ratio(n, np.asarray(d[0]), s), _decimal_ratio_exact(n, d[:1], s)
    )


def _short_decimal(x: float) -> Fraction | None:
    """The decimal of at most 15 digits `x` is nearest to, if there is one."""
    shortest = Decimal(repr(x))  # the shortest decimal that gives back x
    return Fraction(shortest) if len(shortest.as_tuple().digits) <= 15 else None


def _rounded_once(v: Fraction) -> tuple[float, bool]:
    """The float64 nearest `v`, and whether `v` lies within 2**-95 of a midpoint."""
    x = float(v)  # int / int inside: correctly rounded
    below = float(np.nextafter(x, -np.inf))
    above = float(np.nextafter(x, np.inf))
    gap = min(
        abs(v - (Fraction(x) + Fraction(below)) / 2),
        abs(v - (Fraction(x) + Fraction(above)) / 2),
    )
    return x, gap <= abs(v) * Fraction(1, 2**95)


# Figures as published: 1 to 15 significant digits, from 1e-3 to 1e9
# (rates, populations, counts in thousands), or computed values of 17.
_figures = st.one_of(
    st.builds(
        lambda digits, m, places: (m % 10**digits or 1) / 10**places,
        st.integers(1, 15),
        st.integers(1, 10**15),
        st.integers(0, 12),
    ),
    st.floats(min_value=1e-3, max_value=1e9),
    _ties,
).filter(lambda x: 1e-3 <= x <= 1e9)


@settings(max_examples=1000)
@given(_figures, _figures, _figures, st.sampled_from([1, -1]))
def test_the_result_is_the_exact_value_rounded_once(
    num: float, den: float, scale: float, sign: int
) -> None:
    # Oracle: exact rational arithmetic (fractions.Fraction) on the decimals
    # the inputs stand for, rounded once to the nearest float64. Where
    # the exact value lies within 2**-95 of a midpoint between two floats,
    # either float is allowed (as documented in scaled_ratio).
    # An input of 16 or more digits (a computed value) is read as its
    # binary value, each input on its own.
    n, s, d = (
        Fraction(x) if r is None else r
        for x, r in ((x, _short_decimal(x)) for x in (sign * num, scale, den))
    )
    exact = n * s / d
    want, near_midpoint = _rounded_once(exact)
    got = float(decimal_ratio(np.asarray(sign * num), np.asarray(den), scale))
    if near_midpoint:
        # one of the two floats around the exact value (faithful)
        assert abs(Fraction(got) - exact) < Fraction(math.ulp(got))
    else:
        assert got == want


@pytest.mark.parametrize(
    ("num", "den", "scale", "want"),
    [
        # 0.00384855 * 0.00384855 / 5e7 = 384855**2 / 5 * 10**-23
        # = 148113371025 / 5 * 10**-23 = 29622674205 * 10**-23, exactly
        # 2.9622674205e-13 (E = -23: one power of ten more than float64
        # holds exactly). The binary values give ...0003e-13.
        (0.00384855, 5e7, 0.00384855, 2.9622674205e-13),
        (-0.00384855, 5e7, 0.00384855, -2.9622674205e-13),
        # 1e35 * 1e3 / 1e-8 = 10**46 exactly (E = 46).
        (1e35, 1e-8, 1e3, 1e46),
    ],
)
def test_decimals_whose_places_are_far_apart_are_read_exactly(
    num: float, den: float, scale: float, want: float
) -> None:
    got = decimal_ratio(np.asarray(num), np.asarray(den), scale)
    assert float(got) == want
    # the same in a longer input, chunked, beside ordinary elements
    many = decimal_ratio(np.asarray([1.0, num] * 20000), np.asarray(den), scale)
    assert float(many[1]) == want
    assert float(many[-1]) == want


def _left(num: NDArray[np.float64], den: float, scale: float) -> NDArray[np.intp]:
    """Indices that the proof leaves to the step-by-step path."""
    out = np.empty(num.shape)
    with np.errstate(all="ignore"):
        return _proven_chunk(num, np.asarray(den), np.asarray(scale), out)


def test_a_binary_tie_is_left_to_the_steps_and_rounds_to_even() -> None:
    # (1 + 2**-30) * (1 + 2**-23) = 1 + 2**-23 + 2**-30 + 2**-53, worked by
    # hand: the last term is half a unit in the last place of 1 + ..., an
    # exact tie between two float64 values (neither input is a decimal of
    # 15 digits: 1 + 2**-30 has 31). Over 2 (a power of two: still a tie)
    # no margin can prove either side: the element is left, and the steps
    # round the tie to even, (1 + 2**-23 + 2**-30) / 2 (its last stored
    # bit, of 2**-53, is 0). Over 1, with the constant of 24 bits, the
    # proof's parts are exact and the tie is settled there, to even too.
    a, b = 1.0 + 2.0**-30, 1.0 + 2.0**-23
    num = np.array([2.5, a, 3.0])
    exact = Fraction(a) * Fraction(b)
    assert exact == 1 + Fraction(1, 2**23) + Fraction(1, 2**30) + Fraction(1, 2**53)
    assert list(_left(num, 2.0, b)) == [1]
    got = decimal_ratio(num, np.asarray(2.0), b)
    assert got[1] == (1.0 + 2.0**-23 + 2.0**-30) / 2 == float(exact / 2)
    assert list(_left(num, 1.0, b)) == []
    got = decimal_ratio(num, np.asarray(1.0), b)
    assert got[1] == 1.0 + 2.0**-23 + 2.0**-30 == float(exact)
    assert got[0] == float(Fraction(5, 2) * Fraction(b))


@pytest.mark.parametrize("decimals", [None, 0, 2, 5])
def test_the_proof_leaves_few_elements(decimals: int | None) -> None:
    # Figures of a few decimals and computed values alike: the proof
    # settles all but about 2**-11 of the elements (those within 2**-12 of
    # half a unit in the last place from a tie); here at most 1 %.
    rng = np.random.default_rng(5)
    rate = rng.uniform(0.5, 30.0, 50_000)
    pop = rng.uniform(1e3, 1e6, 50_000)
    if decimals is not None:
        rate, pop = np.round(rate, decimals), np.round(pop, decimals)
    for num, den, scale in ((pop * rate, 100.0, 1.0), (rate, 1.0, 100.0)):
        assert _left(num, den, scale).size <= 500
    assert _same_bits(
        decimal_ratio(pop, np.asarray(100.0), rate),
        _decimal_ratio_exact(pop, np.asarray(100.0), rate),
    )


def test_long_mixed_inputs_give_the_reference_bits() -> None:
    # Several chunks of decimals, computed values, zeros of both signs,
    # negatives, NaN and values outside 2**-26 .. 1e15 (left to the steps),
    # in every input, each element read on its own.
    rng = np.random.default_rng(11)
    size = 70_000

    def column() -> NDArray[np.float64]:
        x = rng.uniform(-50.0, 1e6, size)
        x[::3] = np.round(x[::3], 2)
        pick = rng.random(size)
        x[pick < 0.02] = np.nan
        x[(pick >= 0.02) & (pick < 0.04)] = 0.0
        x[(pick >= 0.04) & (pick < 0.05)] = -0.0
        x[(pick >= 0.05) & (pick < 0.06)] = 3e15
        x[(pick >= 0.06) & (pick < 0.07)] = 1e-9
        return x

    n, d, s = column(), column(), column()
    assert _same_bits(decimal_ratio(n, d, s), _decimal_ratio_exact(n, d, s))
    assert _same_bits(
        decimal_ratio(n, np.asarray(100.0), s),
        _decimal_ratio_exact(n, np.asarray(100.0), s),
    )
