from __future__ import annotations

import math
from fractions import Fraction

import hypothesis.strategies as st
import numpy as np
from hypothesis import given, settings

from povstat._exact import _precision, group_sum

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
