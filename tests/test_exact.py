from __future__ import annotations

import math
from fractions import Fraction

import hypothesis.strategies as st
import numpy as np
from hypothesis import given, settings

from povstat._exact import _precision, group_sum, group_sum_pair, scaled_ratio

VALUES = st.lists(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
    | st.sampled_from([0.1, 0.2, 1.3, 1 / 3, 5e-324, 1e-300, 2.0**-60]),
    min_size=1,
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(values=VALUES, seed=st.integers(0, 2**32 - 1))
def test_group_sums_are_order_free_and_near_exact(
    values: list[float], seed: int
) -> None:
    # Against the exact rational sum: within n * 2**-95 of the group's
    # largest magnitude (the bits cut off) plus the final rounding; and
    # bit-identical for every order of the values.
    rng = np.random.default_rng(seed)
    x = np.array(values)
    codes = rng.integers(0, 3, x.size)
    got = group_sum(codes, x, 3)
    p = rng.permutation(x.size)
    np.testing.assert_array_equal(group_sum(codes[p], x[p], 3), got)
    for g in range(3):
        vals = x[codes == g]
        exact = float(sum((Fraction(float(v)) for v in vals), Fraction(0)))
        top = float(np.max(np.abs(vals))) if vals.size else 0.0
        bound = vals.size * 2.0**-95 * top + 2 * np.spacing(abs(exact))
        assert abs(got[g] - exact) <= bound


def test_the_sum_that_float64_gets_wrong_in_one_order() -> None:
    # 0.1 + 0.1 + 0.1 + 1.3 in float64 is 1.6 in one order and
    # 1.6000000000000003 in another; the exact sum of the four binary values
    # rounds to 1.6.
    x = np.array([0.1, 0.1, 0.1, 1.3])
    zero = np.zeros(4, np.intp)
    assert (0.1 + 1.3) + 0.1 + 0.1 != ((0.1 + 0.1) + 0.1) + 1.3
    for order in ([0, 1, 2, 3], [0, 3, 1, 2], [3, 0, 1, 2]):
        assert group_sum(zero, x[order], 1)[0] == 1.6


def test_missing_and_infinite_values_propagate() -> None:
    codes = np.array([0, 0, 1, 1, 2, 2, 3])
    x = np.array([1.0, np.nan, np.inf, 2.0, np.inf, -np.inf, 5.0])
    got = group_sum(codes, x, 5)
    assert np.isnan(got[0])
    assert got[1] == np.inf
    assert np.isnan(got[2])
    assert got[3] == 5.0
    assert got[4] == 0.0  # an empty group


def test_large_groups_take_narrower_limbs() -> None:
    # A group of 2**20 + 1 units: limbs of 53 - 21 = 32 bits keep each
    # group's limb total below 2**53 (exact); against math.fsum (correctly
    # rounded), within two units in the last place, in any order.
    rng = np.random.default_rng(1)
    n = 2**20 + 1
    x = rng.random(n) * 1e4
    codes = np.zeros(n, np.intp)
    codes[:10] = 1
    got = group_sum(codes, x, 2)
    for g in (0, 1):
        want = math.fsum(x[codes == g].tolist())
        assert abs(got[g] - want) <= 2 * np.spacing(want)
    p = rng.permutation(n)
    np.testing.assert_array_equal(group_sum(codes[p], x[p], 2), got)


def test_a_group_of_tiny_values_keeps_its_precision() -> None:
    # Group 1's values are 1e-30 of group 0's: each group's limbs start
    # below its own largest value, so its sum is as exact as alone.
    x = np.array([1.0, 3.0, 1e-30 / 3, 2e-30 / 3])
    codes = np.array([0, 0, 1, 1])
    got = group_sum(codes, x, 2)
    assert got[0] == 4.0
    assert got[1] == math.fsum([1e-30 / 3, 2e-30 / 3])


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(
        st.floats(min_value=0.0, max_value=1e12, allow_nan=False)
        | st.sampled_from([0.1, 0.2, 1.3, 1 / 3, 5e-324, 2.0**-60]),
        min_size=1,
        max_size=60,
    ),
    seed=st.integers(0, 2**32 - 1),
)
def test_sums_of_one_sign_keep_fewer_bits_and_stay_near_exact(
    values: list[float], seed: int
) -> None:
    # Terms >= 0 cannot cancel: each group's sum is within 2**-56 of itself
    # (the bits cut off, see _precision) plus the final rounding of the
    # exact rational sum; bit-identical for every order.
    rng = np.random.default_rng(seed)
    x = np.array(values)
    codes = rng.integers(0, 3, x.size)
    got = group_sum(codes, x, 3)
    p = rng.permutation(x.size)
    np.testing.assert_array_equal(group_sum(codes[p], x[p], 3), got)
    for g in range(3):
        exact = float(sum((Fraction(float(v)) for v in x[codes == g]), Fraction(0)))
        assert abs(got[g] - exact) <= 2.0**-56 * exact + 2 * np.spacing(exact)


def test_one_sign_sums_take_fewer_limbs() -> None:
    # 57 + bit_length(largest) bits for terms of one sign, 96 for both signs:
    # a group of 2000 units (11 bits, 42-bit limbs) needs 68 bits, two limbs
    # instead of three; 10**7 units (24 bits, 29-bit limbs) 81 bits, three
    # instead of four.
    assert _precision(2000, signed=False) == 68
    assert -(-_precision(2000, signed=False) // 42) == 2
    assert -(-_precision(2000, signed=True) // 42) == 3
    assert -(-_precision(10**7, signed=False) // 29) == 3
    assert -(-_precision(10**7, signed=True) // 29) == 4


def _faithful(got: float, exact: Fraction) -> bool:
    """Whether `got` is one of the two float64 values around `exact`."""
    near = float(exact)  # the nearest float64 (Fraction rounds correctly)
    if Fraction(near) == exact:
        return got == near
    other = float(np.nextafter(near, math.inf if exact > near else -math.inf))
    return got in (near, other)


POSITIVE = st.floats(min_value=1e-6, max_value=1e9, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(num=POSITIVE, den=POSITIVE, scale=st.sampled_from([1.0, 100.0]))
def test_scaled_ratios_round_as_the_exact_value(
    num: float, den: float, scale: float
) -> None:
    # num * scale / den of the float64 inputs, as a Fraction, rounded once:
    # the result is that float64 or its neighbour on the other side of the
    # exact value, never beyond (the float64 product rounds first).
    exact = Fraction(num) * Fraction(scale) / Fraction(den)
    got = float(scaled_ratio(np.array([num]), np.array([den]), scale)[0])
    assert _faithful(got, exact)


def test_a_ratio_above_a_decimal_tie_stays_above_it() -> None:
    # 5.04 and 3.92 + 5.04 as float64 (Fraction: their exact binary values):
    # 5.04 * 100 / 8.96 rounds the product first to 56.24999999999999; the
    # exact ratio of the pair sum is 56.25 plus 6e-16, 56.25 in float64.
    hi, lo = group_sum_pair(np.zeros(2, np.intp), np.array([3.92, 5.04]), 1)
    exact = Fraction(5.04) * 100 / (Fraction(3.92) + Fraction(5.04))
    assert 0 < exact - Fraction(5625, 100) < Fraction(1, 10**15)
    got = scaled_ratio(np.array([5.04]), hi, 100.0, den_lo=lo)
    assert got[0] == 56.25
    assert 5.04 * 100 / (3.92 + 5.04) == 56.24999999999999  # the old result


@settings(max_examples=200, deadline=None)
@given(values=st.lists(POSITIVE, min_size=1, max_size=40), seed=st.integers(0, 99))
def test_pair_sums_keep_what_the_rounding_loses(values: list[float], seed: int) -> None:
    # hi + lo within 2**-90 of the exact sum (values within 2**30 of each
    # other keep every bit: 96 bits below the largest), in every order; hi
    # is the float64 nearest that sum.
    rng = np.random.default_rng(seed)
    x = np.array(values)
    codes = rng.integers(0, 2, x.size)
    hi, lo = group_sum_pair(codes, x, 2)
    p = rng.permutation(x.size)
    hi2, lo2 = group_sum_pair(codes[p], x[p], 2)
    np.testing.assert_array_equal(hi, hi2)
    np.testing.assert_array_equal(lo, lo2)
    for g in range(2):
        exact = sum((Fraction(v) for v in x[codes == g]), Fraction(0))
        if exact == 0:
            assert hi[g] == lo[g] == 0
            continue
        err = abs(Fraction(float(hi[g])) + Fraction(float(lo[g])) - exact)
        assert err <= exact * Fraction(1, 2**90)
        assert _faithful(float(hi[g]), exact)


def test_decimal_parts_right_below_a_power_of_ten() -> None:
    # log10(999999999999999.0) rounds up to 15.0: the 15-digit decimal is
    # still read. By hand: 999999999999999 - 0.5 = 999999999999998.5 (a
    # float64), 0.999999999999999 - 0.5 = 0.499999999999999.
    from povstat._exact import decimal_difference

    d, ok = decimal_difference(
        np.array([999999999999999.0, 0.999999999999999]), np.array([0.5, 0.5])
    )
    assert ok.all()
    assert d.tolist() == [999999999999998.5, 0.499999999999999]
