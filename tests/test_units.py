from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import hypothesis.extra.numpy as npst
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

from povstat import Interval, round_half_up, rounding_interval, to_fraction, to_percent


@pytest.mark.parametrize(
    ("x", "decimals", "expected"),
    [
        # Worked by hand: each is an exact decimal tie, rounded away from zero.
        # Binary rounding (round(), np.round) gives 9.65, 0.12, 2.67, -0.02, 12.
        (9.655, 2, 9.66),
        (0.125, 2, 0.13),
        (2.675, 2, 2.68),
        (-0.025, 2, -0.03),
        (12.5, 0, 13.0),
        (-12.5, 0, -13.0),
        (1.005, 2, 1.01),
        (0.285, 2, 0.29),
        # Not ties: ordinary nearest rounding.
        (4.2649, 2, 4.26),
        (4.2651, 2, 4.27),
        (-4.2649, 2, -4.26),
        # Negative decimals round to tens: 125 -> 130, 124.9 -> 120.
        (125.0, -1, 130.0),
        (124.9, -1, 120.0),
        (0.0, 2, 0.0),
    ],
)
def test_round_half_up_cases(x: float, decimals: int, expected: float) -> None:
    assert round_half_up(x, decimals) == expected


def test_round_half_up_keeps_nan_and_inf_and_shape() -> None:
    out = round_half_up([[np.nan, np.inf], [-np.inf, 1.25]], 1)
    assert out.shape == (2, 2)
    assert np.isnan(out[0, 0])
    assert out[0, 1] == np.inf
    assert out[1, 0] == -np.inf
    assert out[1, 1] == 1.3


def test_round_half_up_scalar_gives_0d_array() -> None:
    out = round_half_up(2.5)
    assert isinstance(out, np.ndarray)
    assert out.shape == ()
    assert out == 3.0


@given(
    st.integers(-(10**8), 10**8),
    st.integers(0, 4),
)
def test_round_half_up_ties_go_away_from_zero(k: int, d: int) -> None:
    # The decimal k.5 * 10^-d is a tie at d decimals; half up gives k+1 (|k|).
    tie = float(f"{abs(k)}5e-{d + 1}")
    expected = float(f"{abs(k) + 1}e-{d}")
    assert round_half_up(tie, d) == expected
    assert round_half_up(-tie, d) == -expected


@given(st.floats(-1e9, 1e9, allow_nan=False), st.integers(0, 6))
def test_round_half_up_is_within_half_a_unit(x: float, d: int) -> None:
    r = float(round_half_up(x, d))
    assert abs(r - x) <= 0.5 * 10.0**-d * (1 + 1e-9) + abs(x) * 1e-15


@given(st.floats(-1e6, 1e6, allow_nan=False), st.integers(0, 4))
def test_round_half_up_result_lies_in_its_rounding_interval(x: float, d: int) -> None:
    r = round_half_up(x, d)
    iv = rounding_interval(r, d)
    # x itself is one of the values the rounded figure can stand for.
    assert bool(iv.contains(x)) or math.isclose(
        abs(x - float(r)), 0.5 * 10.0**-d, rel_tol=1e-9
    )


def test_rounding_interval_4_26() -> None:
    iv = rounding_interval(4.26, 2)
    np.testing.assert_allclose(iv.lower, 4.255)
    np.testing.assert_allclose(iv.upper, 4.265)
    assert bool(iv.lower_closed)
    assert not bool(iv.upper_closed)
    assert str(iv) == "[4.255, 4.265)"
    assert bool(iv.contains(4.255))
    assert not bool(iv.contains(4.265))


def test_rounding_interval_negative_and_zero() -> None:
    iv = rounding_interval([-0.11, 0.0], 2)
    assert str(iv) == "[(-0.115, -0.105], (-0.005, 0.005)]"
    np.testing.assert_array_equal(iv.contains([-0.105, 0.005]), [True, False])


@pytest.mark.parametrize("d", [-2, -1, 0, 1, 2, 3, 4])
def test_rounding_interval_contains_agrees_with_round_half_up_on_a_grid(
    d: int,
) -> None:
    # Every decimal value of a grid ten times finer than the figures (ties
    # included), from -3 to 3 units of the figures' last place times 40: a
    # value lies in the interval of figure v exactly when it rounds to v.
    ks = np.arange(-1200, 1201)
    # k / 10^(d+1) by one correctly rounded division (or product): the float
    # nearest to the decimal value, as typed.
    x = ks / 10.0 ** (d + 1) if d + 1 > 0 else ks * 10.0 ** -(d + 1)
    r = round_half_up(x, d)
    figures = np.unique(r)
    iv = rounding_interval(figures[:, None], d)
    inside = iv.contains(x[None, :])
    np.testing.assert_array_equal(inside, figures[:, None] == r[None, :])


@pytest.mark.parametrize(
    ("figure", "d", "x", "expected"),
    [
        (37.78, 2, 37.785, False),  # 37.785 rounds half up to 37.79
        (37.79, 2, 37.785, True),
        (37.78, 2, 37.775, True),
        (0.05, 2, 0.045, True),  # 0.045 rounds half up to 0.05
        (0.04, 2, 0.045, False),
        (-0.05, 2, -0.045, True),  # half away from zero
        (-0.05, 2, -0.055, False),
        (0.0, 2, 0.005, False),
        (0.0, 2, -0.005, False),
        (9.66, 2, 9.655, True),
    ],
)
def test_rounding_interval_ends_at_exact_ties(
    figure: float, d: int, x: float, expected: bool
) -> None:
    assert bool(rounding_interval(figure, d).contains(x)) is expected


def test_rounding_interval_bounds_are_the_exact_decimals() -> None:
    # 37.78 + 0.005 is 37.785000000000004 in binary; the bound is the float
    # nearest to the decimal 37.785, which prints as 37.785.
    iv = rounding_interval([37.78, -0.11, 1200.0], 2)
    assert [repr(float(v)) for v in iv.lower] == ["37.775", "-0.115", "1199.995"]
    assert [repr(float(v)) for v in iv.upper] == ["37.785", "-0.105", "1200.005"]
    assert str(rounding_interval(37.78, 2)) == "[37.775, 37.785)"


@given(st.integers(-(10**9), 10**9), st.integers(0, 6))
def test_rounding_interval_shows_the_exact_decimal_bounds(k: int, d: int) -> None:
    # A figure k / 10^d stands for [figure - h, figure + h) with h = 5 /
    # 10^(d+1), written out exactly (compared with decimal arithmetic).
    fig = Decimal(k).scaleb(-d)
    h = Decimal(5).scaleb(-(d + 1))
    iv = rounding_interval(float(fig), d)
    lo, hi = fig - h, fig + h
    expected = (
        f"({lo}, {hi}]" if k < 0 else f"[{lo}, {hi})" if k > 0 else f"({lo}, {hi})"
    )
    assert str(iv) == expected
    assert float(iv.lower) == float(lo)
    assert float(iv.upper) == float(hi)


def test_rounding_interval_nan_gives_nan_bounds() -> None:
    iv = rounding_interval([np.nan, 1.0], 0)
    assert np.isnan(iv.lower[0])
    assert np.isnan(iv.upper[0])
    assert not iv.contains([np.nan, 1.2])[0]


def test_rounding_interval_rejects_unrounded_figure() -> None:
    with pytest.raises(ValueError, match=r"rounded to 2 decimals, found 4\.263"):
        rounding_interval(4.263, 2)


def test_interval_is_frozen_and_readonly() -> None:
    iv = rounding_interval([1.0, 2.0], 0)
    with pytest.raises(AttributeError):
        iv.lower = np.zeros(2)  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        iv.lower[0] = 5.0
    assert iv == Interval(
        lower=[0.5, 1.5],
        upper=[1.5, 2.5],
        lower_closed=[True, True],
        upper_closed=[False, False],
        decimals=1,
    )


@given(st.floats(0, 1))
def test_to_percent_and_to_fraction_round_trip(f: float) -> None:
    p = to_percent(f, unit="fraction")
    np.testing.assert_allclose(to_fraction(p, unit="percent"), f, rtol=1e-15)


def test_to_fraction_values_and_nan() -> None:
    out = to_fraction([4.26, np.nan, 100.0], unit="percent")
    np.testing.assert_allclose(out, [0.0426, np.nan, 1.0])


def test_same_unit_returns_new_array() -> None:
    x = np.array([0.1, 0.2])
    out = to_fraction(x, unit="fraction")
    out[0] = 0.9
    assert x[0] == 0.1


@given(
    npst.arrays(np.float64, npst.array_shapes(max_dims=3), elements=st.floats(0, 100))
)
def test_to_fraction_keeps_shape(x: NDArray[np.float64]) -> None:
    assert to_fraction(x, unit="percent").shape == x.shape


@pytest.mark.parametrize("unit", [None, "pct", "Percent", 100])
def test_unit_must_be_stated_and_known(unit: object) -> None:
    with pytest.raises(ValueError, match="`unit` must be one of"):
        to_fraction(0.5, unit=unit)  # type: ignore[arg-type]


def test_rate_out_of_range_names_argument_and_value() -> None:
    with pytest.raises(
        ValueError, match=r"`rate` must lie in \[0, 1\].*4\.26 at index 1"
    ):
        to_percent([0.1, 4.26], unit="fraction")
    with pytest.raises(ValueError, match="pass unit='percent'"):
        to_percent([0.1, 4.26], unit="fraction")
    with pytest.raises(ValueError, match=r"\[0, 100\].*-1\.0"):
        to_fraction(-1.0, unit="percent")
    with pytest.raises(ValueError, match="must be finite"):
        to_fraction(np.inf, unit="percent")


def test_non_numeric_rate_raises_type_error() -> None:
    with pytest.raises(TypeError, match="`rate` must be numeric"):
        to_fraction(["4,26"], unit="percent")
    with pytest.raises(TypeError, match="`rate` must be numeric"):
        to_fraction([True, False], unit="fraction")


def test_decimals_must_be_int() -> None:
    with pytest.raises(TypeError, match="`decimals` must be an int"):
        round_half_up(1.25, 1.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"`decimals` must lie in \[-15, 15\]"):
        round_half_up(1.25, 20)
    with pytest.raises(TypeError, match="`x` must be numeric"):
        round_half_up("1.25", 1)


@pytest.mark.parametrize(
    ("x", "decimals", "expected"),
    [
        # Already on the 0.01 grid as decimals: unchanged (found by fuzzing:
        # k + 0.5 is not representable once |x| * 10^d >= 2^52).
        (50000000000000.4, 2, 50000000000000.4),
        (2.0**52, 0, 2.0**52),
        (500000000000000.0, 1, 500000000000000.0),
        # 16 significant digits: decided on the shortest repr, 9904187289916.324.
        (9904187289916.324, 2, 9904187289916.32),
        (1e300, 15, 1e300),
        (-1e300, 2, -1e300),
    ],
)
def test_round_half_up_large_magnitudes(
    x: float, decimals: int, expected: float
) -> None:
    assert round_half_up(x, decimals) == expected


@given(
    st.floats(-1e17, 1e17, allow_nan=False, allow_infinity=False),
    st.integers(-3, 8),
)
def test_round_half_up_matches_decimal_on_repr(x: float, d: int) -> None:
    import decimal

    quantum = decimal.Decimal(1).scaleb(-d)
    with decimal.localcontext() as ctx:
        ctx.prec = 400
        expected = float(
            decimal.Decimal(repr(x)).quantize(quantum, rounding=decimal.ROUND_HALF_UP)
        )
    assert float(round_half_up(x, d)) == expected


@pytest.mark.parametrize(
    ("value", "d"), [(1e15, 0), (123456789012345.6, 1), (0.5, 15), (1.7e308, -15)]
)
def test_rounding_interval_refuses_figures_too_long_for_exact_bounds(
    value: float, d: int
) -> None:
    # 15 significant digits at `d` decimals: the bounds need 16, more than a
    # double tells apart, so contains could not agree with round_half_up.
    with pytest.raises(ValueError, match="fewer than 15 significant digits"):
        rounding_interval(value, d)


@given(st.integers(-(10**14) + 1, 10**14 - 1), st.integers(-15, -1))
def test_rounding_interval_at_negative_decimals_shows_exact_bounds_or_refuses(
    k: int, d: int
) -> None:
    # fresh20 F2: the figure k 10^m (m = -d) stands for [figure - h, figure
    # + h), h = 5 10^(m-1); a bound (2k +- 1) 5^m 2^(m-1) is a float64
    # exactly when (2k + 1) 5^m <= 2^53 (an odd mantissa times a power of
    # two). Within that the interval shows the exact decimal bounds; beyond
    # it, it is refused (99999999999999 thousand: (2k + 1) 125 = 2.5e16 >
    # 2^53 = 9.007e15; its bounds would show as ...98496 and ...99504).
    m = -d
    fig = Decimal(k).scaleb(m)
    h = Decimal(5).scaleb(m - 1)
    if (2 * abs(k) + 1) * 5**m > 2**53:
        with pytest.raises(ValueError, match=r"would not be\s+exact in float64"):
            rounding_interval(float(fig), d)
        return
    iv = rounding_interval(float(fig), d)
    lo, hi = fig - h, fig + h
    expected = (
        f"({lo:f}, {hi:f}]"
        if k < 0
        else f"[{lo:f}, {hi:f})"
        if k > 0
        else f"({lo:f}, {hi:f})"
    )
    assert str(iv) == expected
    assert Decimal(float(iv.lower)) == lo
    assert Decimal(float(iv.upper)) == hi


def test_rounding_interval_refuses_thousands_beyond_exact_bounds() -> None:
    # At -3 decimals the largest k is (2^53 // 125 - 1) // 2 = 36028797018963
    # (2^53 // 125 = 72057594037927): its figure is accepted with bounds
    # -+ 500, the next one is refused, naming the limit.
    iv = rounding_interval(36028797018963e3, -3)
    assert str(iv) == "[36028797018962500, 36028797018963500)"
    with pytest.raises(ValueError, match=r"at most 36028797018963000 in magnitude"):
        rounding_interval([1.0e3, -36028797018964e3], -3)


@given(st.integers(-(10**13), 10**13), st.integers(-15, 15), st.integers(-9, 9))
def test_contains_agrees_with_round_half_up_near_every_bound(
    k: int, d: int, offset: int
) -> None:
    # Values a few units of the next decimal place away from a figure's
    # bounds, for figures of up to 14 significant digits.
    fig = Decimal(k).scaleb(-d)
    if abs(k) >= 10**14 or not math.isfinite(float(fig)):
        return
    if d < 0 and (2 * abs(k) + 1) * 5**-d > 2**53:
        return  # bounds no float64 holds: refused (the test below)
    x = float(fig + Decimal(5 + offset).scaleb(-(d + 1)))
    iv = rounding_interval(float(fig), d)
    assert bool(iv.contains(x)) == bool(round_half_up(x, d) == float(fig))


# --------------------------------------------------------------------------
# float32 input (polars Float32, Parquet float): the figure it stands for
# --------------------------------------------------------------------------


def test_float32_rounds_as_the_figure_it_stands_for() -> None:
    # float32 2.675 is 2.6749999523..., but its shortest decimal is 2.675, the
    # figure that was published: half up gives 2.68 (before: 2.67).
    import povstat as p

    def f32(x: list[float]) -> NDArray[np.float32]:
        return np.array(x, dtype=np.float32)

    np.testing.assert_array_equal(round_half_up(f32([2.675, 9.655]), 2), [2.68, 9.66])
    assert p.format_number(f32([2.675]), locale="id", decimals=2).tolist() == ["2,68"]
    # A figure rounded to 2 decimals stays one: 4.26 -> [4.255, 4.265).
    iv = rounding_interval(f32([4.26]), 2)
    np.testing.assert_allclose(iv.lower, [4.255], rtol=0, atol=1e-12)
    np.testing.assert_allclose(iv.upper, [4.265], rtol=0, atol=1e-12)
    # 4.26 + 1.01 = 5.27, from rounding [4.255 + 1.005, 4.265 + 1.015].
    s = p.sum_counts(f32([4.26, 1.01]), decimals=2)
    got = np.array([s.total, s.rounding_lower, s.rounding_upper], dtype=np.float64)
    np.testing.assert_allclose(got, [5.27, 5.26, 5.28], atol=1e-12)
    # Rate 12.34 % of N, 4.26 poor: N in (4.255 / 0.12345, 4.265 / 0.12335]
    # = (34.4674..., 34.5764...), as for the float64 figures.
    pop = p.implied_population_interval(
        f32([12.34]), f32([4.26]), unit="percent", rate_decimals=2, headcount_decimals=2
    )
    np.testing.assert_allclose(pop.lower, [4.255 / 0.12345], rtol=1e-12)
    np.testing.assert_allclose(pop.upper, [4.265 / 0.12335], rtol=1e-12)
    pooled32 = p.pooled_rate(
        f32([4.26, 10.5]),
        rate=f32([12.34, 5.67]),
        unit="percent",
        decimals={"headcount": 2, "rate": 2},
    )
    pooled64 = p.pooled_rate(
        [4.26, 10.5],
        rate=[12.34, 5.67],
        unit="percent",
        decimals={"headcount": 2, "rate": 2},
    )
    for attr in ("rate", "rounding_lower", "rounding_upper"):
        np.testing.assert_array_equal(getattr(pooled32, attr), getattr(pooled64, attr))


@given(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=0, max_value=4),
)
def test_float32_figure_widens_to_the_float64_of_that_figure(m: int, d: int) -> None:
    # A figure with at most 7 significant digits, m / 10**d, survives the
    # round trip through float32 (7 digits < float32's 7.22), so the float32
    # stands for it and must act exactly as float64(figure) does.
    figure = f"{Decimal(m).scaleb(-d)}"
    as32 = np.float32(figure)
    np.testing.assert_array_equal(
        round_half_up(np.array([as32]), d - 1), round_half_up([float(figure)], d - 1)
    )
    np.testing.assert_array_equal(
        rounding_interval(np.array([as32]), d).lower,
        rounding_interval([float(figure)], d).lower,
    )
    masked = np.ma.masked_array(np.array([as32, as32]), mask=[False, True])
    out = round_half_up(masked, d)
    assert out[0] == float(figure)
    assert np.isnan(out[1])
    boxed = np.array([as32, None], dtype=object)  # object arrays widen alike
    assert round_half_up(boxed, d)[0] == float(figure)


def test_float32_and_float16_scalars_widen_like_arrays() -> None:
    # np.float32(9.36) is 9.359999656677246 as a float64, but stands for
    # the typed figure 9.36 (its shortest decimal), as in a float32 array:
    # rounded to 2 decimals it is 9.36, whose rounding interval is
    # [9.355, 9.365). Scalars, 0-d arrays and float16 alike.
    values: list[Any] = [
        np.float32(9.36),
        np.array(np.float32(9.36)),
        np.float16(9.36),  # float16's shortest decimal of 9.36 is 9.36
        np.array([np.float32(9.36)]),
        # Inside Python sequences, mixed with float64 figures (which numpy
        # alone would widen exactly, to 9.359999656677246):
        [np.float32(9.36), 9.36],
        (9.36, np.float32(9.36)),
        [[np.float32(9.36)], [9.36]],
    ]
    for value in values:
        iv = rounding_interval(value, 2)
        np.testing.assert_array_equal(iv.lower, 9.355)
        np.testing.assert_array_equal(iv.upper, 9.365)
    with_none: Any = [np.float32(9.36), None]  # None is missing
    iv = rounding_interval(with_none, 2)
    np.testing.assert_array_equal(iv.lower, [9.355, np.nan])


def test_interval_contains_names_shapes_that_do_not_broadcast() -> None:
    # Two intervals, three values: no pairing, so the error names `x` and
    # both shapes (not numpy's bare "operands could not be broadcast").
    iv = rounding_interval([4.26, 1.0], decimals=2)
    with pytest.raises(ValueError, match=r"`x` \(3,\), `interval` \(2,\)"):
        iv.contains([4.26, 1.0, 3.0])
    # Shapes that broadcast still do: 4.26 lies in [4.255, 4.265), 1.0 in
    # [0.995, 1.005), each only in its own.
    np.testing.assert_array_equal(
        iv.contains([[4.26], [1.0]]), [[True, False], [False, True]]
    )


def test_polars_128_bit_integers_are_read_exactly_or_refused() -> None:
    # numpy has no 128-bit integers: the values are read one by one, exactly
    # up to 2**53 (5 rounds to 5; null is missing), and an integer float64
    # cannot hold (2**53 + 1) is refused by name, as for Int64.
    import polars as pl

    out = round_half_up(pl.Series([5, None, -3], dtype=pl.Int128), 0)
    np.testing.assert_array_equal(out, [5.0, np.nan, -3.0])
    np.testing.assert_array_equal(
        round_half_up(pl.Series([7], dtype=pl.UInt128), 0), [7.0]
    )
    with pytest.raises(ValueError, match=r"9007199254740993 at index 1"):
        round_half_up(pl.Series([1, 2**53 + 1], dtype=pl.Int128), 0)


@pytest.mark.parametrize(
    ("value", "decimals"),
    [
        # Each differs from its figure by a whole digit one to three places
        # below the last (1.01e-10 is 1e-10 plus 1e-12): not float noise.
        (1.01e-10, 10),
        (1.4e-13, 13),
        (1.4e-15, 15),
        (0.110000000001, 10),
        (4.2600000001, 2),
    ],
)
def test_a_digit_below_the_last_is_not_float_noise(value: float, decimals: int) -> None:
    from povstat import sum_counts
    from povstat.statements import check_change_statement

    with pytest.raises(ValueError, match=f"rounded to {decimals} decimals"):
        rounding_interval(value, decimals)
    if decimals <= 10:
        with pytest.raises(ValueError, match=f"rounded to {decimals} decimals"):
            sum_counts([value, value], decimals=decimals)
        with pytest.raises(ValueError, match="`stated` must hold figures"):
            check_change_statement(
                4.37, 4.26, value, direction="fall", stated_as="points",
                unit="percent", decimals=decimals,
            )  # fmt: skip


@given(
    m=st.integers(-(10**11) + 1, 10**11 - 1),
    d=st.integers(-15, 15),
    ulps=st.integers(-4, 4),
)
def test_float_noise_is_judged_on_the_figure_s_decimals(
    m: int, d: int, ulps: int
) -> None:
    # x = m * 10**-(d + 5): a decimal of at most 11 digits with at most 5
    # places below the figure's last. Oracle (exact): x is a figure at d
    # decimals exactly when 10**5 divides m; otherwise it is at least
    # 10**-(d + 5) from every figure, a whole digit, and is refused at
    # every decimals. A figure moved by up to 4 units in the last place
    # of its float is float noise: read as the figure.
    exact = Decimal(m).scaleb(-(d + 5))
    x = float(exact)
    if m % 10**5 == 0:
        noisy = x
        for _ in range(abs(ulps)):
            noisy = float(np.nextafter(noisy, math.copysign(math.inf, ulps)))
        iv = rounding_interval(noisy, d)
        assert iv == rounding_interval(x, d)
        h = Decimal(1).scaleb(-d) / 2
        assert float(iv.lower) == float(exact - h)
    else:
        with pytest.raises(ValueError, match=f"rounded to {d} decimals"):
            rounding_interval(x, d)
