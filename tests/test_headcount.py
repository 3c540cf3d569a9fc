from __future__ import annotations

import hypothesis.extra.numpy as npst
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    headcount_to_rate,
    implied_population,
    implied_population_interval,
    rate_to_headcount,
)
from povstat._exact import decimal_ratio


@given(st.floats(0, 1), st.floats(0, 1e10))
def test_percent_and_fraction_agree(r: float, n: float) -> None:
    a = rate_to_headcount(r, n, unit="fraction")
    b = rate_to_headcount(100 * r, n, unit="percent")
    np.testing.assert_allclose(b, a, rtol=1e-12, atol=1e-6)


@given(st.floats(0, 100), st.floats(1, 1e9))
def test_headcount_rate_round_trip(r: float, n: float) -> None:
    h = rate_to_headcount(r, n, unit="percent")
    np.testing.assert_allclose(headcount_to_rate(h, n, unit="percent"), r, atol=1e-9)


@given(st.floats(0.01, 100), st.floats(0, 1e9))
def test_implied_population_round_trip(r: float, n: float) -> None:
    h = rate_to_headcount(r, n, unit="percent")
    np.testing.assert_allclose(
        implied_population(r, h, unit="percent"), n, rtol=1e-9, atol=1e-6
    )


@given(
    npst.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4),
)
def test_output_shape_is_broadcast_shape(shapes: npst.BroadcastableShapes) -> None:
    r = np.full(shapes.input_shapes[0], 10.0)
    n = np.full(shapes.input_shapes[1], 50.0)
    assert rate_to_headcount(r, n, unit="percent").shape == shapes.result_shape
    assert headcount_to_rate(r, n, unit="percent").shape == shapes.result_shape
    assert implied_population(r, n, unit="percent").shape == shapes.result_shape


def test_malang_register_arithmetic() -> None:
    # News story (Ngopibareng, 2023-10-24): "4.26 % of 187,000 is about 9,000".
    # Worked by hand: 0.0426 * 187000 = 7966.2.
    np.testing.assert_allclose(rate_to_headcount(4.26, 187_000, unit="percent"), 7966.2)


def test_malang_implied_population() -> None:
    # BPS, Kota Malang March 2023: P0 4.26 %, 37.78 thousand poor.
    # By hand: 37.78 / 0.0426 = 886.854 thousand;
    # bounds 37.775 / 0.04265 = 885.698 and 37.785 / 0.04255 = 888.014.
    np.testing.assert_allclose(
        implied_population(4.26, 37.78, unit="percent"), 886.8545, rtol=1e-6
    )
    iv = implied_population_interval(
        4.26, 37.78, unit="percent", rate_decimals=2, headcount_decimals=2
    )
    np.testing.assert_allclose(iv.lower, 885.6975, rtol=1e-6)
    np.testing.assert_allclose(iv.upper, 888.0141, rtol=1e-6)
    assert not bool(iv.lower_closed)
    assert not bool(iv.upper_closed)
    assert bool(iv.contains(886.8545))


def test_implied_population_interval_zero_rate_is_unbounded() -> None:
    iv = implied_population_interval(
        [0.0, np.nan], [1.0, 1.0], unit="percent", rate_decimals=2, headcount_decimals=0
    )
    assert iv.upper[0] == np.inf
    assert np.isnan(iv.upper[1])
    assert np.isnan(iv.lower[1])


def test_nan_propagates_elementwise() -> None:
    out = rate_to_headcount([10.0, np.nan], [np.nan, 100.0], unit="percent")
    assert np.isnan(out).all()
    out = rate_to_headcount([10.0, np.nan, 20.0], 100.0, unit="percent")
    np.testing.assert_allclose(out, [10.0, np.nan, 20.0])


def test_zero_denominators_give_nan() -> None:
    np.testing.assert_array_equal(
        headcount_to_rate([0.0, 1.0], [0.0, 4.0], unit="fraction"), [np.nan, 0.25]
    )
    np.testing.assert_array_equal(
        implied_population([0.0, 50.0], [0.0, 4.0], unit="percent"), [np.nan, 8.0]
    )


def test_scalar_inputs_give_0d_arrays() -> None:
    for out in (
        rate_to_headcount(1.0, 2.0, unit="percent"),
        headcount_to_rate(1.0, 2.0, unit="percent"),
        implied_population(1.0, 2.0, unit="percent"),
    ):
        assert isinstance(out, np.ndarray)
        assert out.shape == ()


def test_inputs_are_not_mutated() -> None:
    r = np.array([10.0, 0.0])
    n = np.array([100.0, 0.0])
    r0, n0 = r.copy(), n.copy()
    rate_to_headcount(r, n, unit="percent")
    headcount_to_rate(r, n, unit="percent")
    implied_population(r, n, unit="percent")
    np.testing.assert_array_equal(r, r0)
    np.testing.assert_array_equal(n, n0)


def test_errors() -> None:
    with pytest.raises(ValueError, match=r"`population` must be >= 0, found -5\.0"):
        rate_to_headcount(10.0, -5.0, unit="percent")
    with pytest.raises(ValueError, match="`rate` must lie in"):
        rate_to_headcount(120.0, 5.0, unit="percent")
    with pytest.raises(TypeError, match="`population` must be numeric"):
        rate_to_headcount(10.0, "5", unit="percent")
    with pytest.raises(
        ValueError, match=r"shapes do not broadcast: `rate` \(2,\), `population` \(3,\)"
    ):
        rate_to_headcount([1.0, 2.0], [1.0, 2.0, 3.0], unit="percent")
    with pytest.raises(
        ValueError,
        match=r"`headcount` must not exceed `population`, found 5\.0 > 4\.0 "
        r"at index 1$",
    ):
        headcount_to_rate([1.0, 5.0], [2.0, 4.0], unit="percent")
    with pytest.raises(
        ValueError,
        match=r"`headcount` must not exceed `population`, found 5\.0 > 4\.0$",
    ):
        headcount_to_rate(5.0, 4.0, unit="percent")
    with pytest.raises(ValueError, match="`headcount` must be >= 0"):
        implied_population(4.0, -1.0, unit="percent")
    with pytest.raises(ValueError, match="`unit` must be one of"):
        implied_population(4.0, 1.0, unit="%")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rounded to 2 decimals"):
        implied_population_interval(
            4.263, 37.78, unit="percent", rate_decimals=2, headcount_decimals=2
        )
    with pytest.raises(TypeError, match="`headcount_decimals` must be an int"):
        implied_population_interval(
            4.26,
            37.78,
            unit="percent",
            rate_decimals=2,
            headcount_decimals=2.0,  # type: ignore[arg-type]
        )


def test_full_rate_round_trip_survives_float_rounding() -> None:
    # Found by hypothesis in CI: 100 % of 85899346.45345391 computes as
    # 85899346.45345393; converting back must give 100 %, not an error.
    n = 85899346.45345391
    h = rate_to_headcount(100.0, n, unit="percent")
    assert headcount_to_rate(h, n, unit="percent") == 100.0
    with pytest.raises(ValueError, match="must not exceed"):
        headcount_to_rate(n * (1 + 1e-9), n, unit="percent")


@pytest.mark.parametrize("population", [10**400, [100, 10**400], -(10**309)])
def test_integer_too_large_for_float64_names_the_argument(population: object) -> None:
    # Python ints have no size limit; float64 stops near 1.8e308. The error
    # names the argument instead of a bare OverflowError from inside numpy.
    with pytest.raises(
        ValueError, match="`population` holds a number too large for float64"
    ):
        rate_to_headcount(5, population, unit="percent")  # type: ignore[arg-type]


def test_large_integers_within_float64_are_accepted() -> None:
    # 10**20 does not fit int64 (an object array) but is a float64.
    np.testing.assert_allclose(rate_to_headcount(5, 10**20, unit="percent"), 5e18)


def test_large_inputs_checked_block_by_block_give_the_same_numbers() -> None:
    # Above 262,144 values the inputs are checked and multiplied in blocks;
    # the numbers are those of the whole-array formula r * n / 100 (rounded
    # once, decimal_ratio), missing values (a whole block of them too)
    # giving NaN.
    rng = np.random.default_rng(1)
    n = 300_000
    r = rng.uniform(0.0, 100.0, n)
    pop = rng.uniform(0.0, 1e6, n)
    r[rng.random(n) < 0.01] = np.nan
    r[70_000:140_000] = np.nan
    out = rate_to_headcount(r, pop, unit="percent")
    np.testing.assert_array_equal(out, decimal_ratio(pop, np.asarray(100.0), r))
    np.testing.assert_array_equal(
        rate_to_headcount(r / 100, pop, unit="fraction"),
        decimal_ratio(pop, np.asarray(1.0), r / 100),
    )
    bad = r.copy()
    bad[200_001] = 100.5
    with pytest.raises(
        ValueError, match=r"`rate` must lie in \[0, 100\].*100.5 at index 200001"
    ):
        rate_to_headcount(bad, pop, unit="percent")
    neg = pop.copy()
    neg[299_999] = -1.0
    with pytest.raises(
        ValueError, match=r"`population` must be >= 0, found -1.0 at index 299999"
    ):
        rate_to_headcount(r, neg, unit="percent")


def test_number_too_large_names_its_index() -> None:
    with pytest.raises(ValueError, match=r"too large for float64 .* at index 2"):
        rate_to_headcount(5, [1, None, 10**400], unit="percent")  # type: ignore[arg-type]


def test_large_rates_checked_block_by_block_give_the_same_numbers() -> None:
    # headcount_to_rate checks and divides in blocks of 65,536 values;
    # the numbers are those of the whole-array formula min(H * 100 / N, 100)
    # (rounded once, decimal_ratio),
    # NaN where N is 0 or an input is missing (a whole block of them too).
    rng = np.random.default_rng(3)
    n = 300_000
    pop = rng.uniform(0.0, 1e6, n)
    h = pop * rng.uniform(0.0, 1.0, n)
    h[rng.random(n) < 0.01] = np.nan
    h[70_000:140_000] = np.nan
    pop[280_000], h[280_000] = 0.0, 0.0
    h[290_000] = pop[290_000] * (1.0 + 1e-13)  # rounding slack: a rate of 100 %
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(pop == 0, np.nan, np.minimum(decimal_ratio(h, pop, 1.0), 1))
        expected = np.where(
            pop == 0, np.nan, np.minimum(decimal_ratio(h, pop, 100), 100)
        )
    out = headcount_to_rate(h, pop, unit="percent")
    np.testing.assert_array_equal(out, expected)
    assert out[290_000] == 100.0
    assert np.isnan(out[280_000])
    np.testing.assert_array_equal(headcount_to_rate(h, pop, unit="fraction"), fraction)
    over = h.copy()
    over[200_001] = pop[200_001] * 2
    with pytest.raises(ValueError, match="`headcount` must not exceed `population`"):
        headcount_to_rate(over, pop, unit="percent")
    neg = pop.copy()
    neg[299_999] = -1.0
    with pytest.raises(
        ValueError, match=r"`population` must be >= 0, found -1.0 at index 299999"
    ):
        headcount_to_rate(h, neg, unit="percent")


def test_large_implied_populations_checked_block_by_block_give_the_same_numbers() -> (
    None
):
    # implied_population checks and divides in blocks of 65,536 values;
    # the numbers are those of the whole-array formula H * 100 / P0 (rounded
    # once, decimal_ratio), NaN
    # where the rate is 0 (late block) or an input is missing.
    rng = np.random.default_rng(4)
    n = 300_000
    r = rng.uniform(0.0, 100.0, n)
    h = rng.uniform(0.0, 1e4, n)
    r[rng.random(n) < 0.01] = np.nan
    h[10_000:80_000] = np.nan
    r[295_000] = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = np.where(r == 0, np.nan, decimal_ratio(h, r, 100.0))
    out = implied_population(r, h, unit="percent")
    np.testing.assert_array_equal(out, expected)
    assert np.isnan(out[295_000])
    bad = r.copy()
    bad[260_000] = 100.5
    with pytest.raises(
        ValueError, match=r"`rate` must lie in \[0, 100\].*100.5 at index 260000"
    ):
        implied_population(bad, h, unit="percent")
    neg = h.copy()
    neg[5] = -2.0
    with pytest.raises(
        ValueError, match=r"`headcount` must be >= 0, found -2.0 at index 5"
    ):
        implied_population(r, neg, unit="percent")
