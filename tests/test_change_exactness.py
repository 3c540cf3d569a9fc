"""Changes of published figures: the float64 nearest to the exact value.

Each figure stands for the decimal of at most 15 significant digits that it
is the float64 nearest to (as :func:`povstat.round_half_up` reads it), and
each change is the float64 nearest to its formula on those decimals, rounded
once: the references below are exact fractions of the decimals.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    annualized_change,
    decompose_headcount_change,
    rate_change,
    recovery_share,
    relative_change,
    round_half_up,
    with_changes,
)
from povstat._exact import decimal_difference
from povstat.change import _decompose_published


def _fig(m: int, k: int) -> tuple[float, Fraction]:
    """The figure ``m * 10**-k`` as a float and as the exact decimal."""
    d = Decimal(m).scaleb(-k)
    return float(d), Fraction(d)


@st.composite
def _rates(draw: st.DrawFn) -> tuple[float, Fraction]:
    """A published rate in percent, 0 to 100, with 0 to 4 decimals."""
    k = draw(st.integers(0, 4))
    return _fig(draw(st.integers(0, 100 * 10**k)), k)


@st.composite
def _levels(draw: st.DrawFn) -> tuple[float, Fraction]:
    """A published level (count, poverty line) of up to 14 digits.

    A 15-digit value just below a power of ten (99999999999999.8) is read
    at its binary value by the decimal reading (``log10`` rounds it up to
    14), so the decimal references hold to 14 digits.
    """
    k = draw(st.integers(0, 6))
    return _fig(draw(st.integers(0, 10 ** draw(st.integers(1, 14)) - 1)), k)


def _nearest(x: Fraction) -> float:
    return float(x)  # correctly rounded, ties to even


# -- hand-worked cases that plain float arithmetic gets wrong ---------------


def test_points_are_the_decimal_difference() -> None:
    # 4.26 - 4.37 = -0.11 exactly; in float64 it is -0.11000000000000032.
    c = rate_change(4.37, 4.26, unit="percent")
    assert float(c.points) == -0.11
    # 0.0426 - 0.0437 = -0.0011 (fractions of one).
    assert float(rate_change(0.0437, 0.0426, unit="fraction").points) == -0.0011


def test_relative_change_at_a_tie_rounds_half_up() -> None:
    # 8.00 % -> 7.90 %: 100 * (-0.10 / 8.00) = -1.25 exactly, rounded half up
    # (away from zero) to one decimal -1.3; float arithmetic gives
    # -1.2499999999999956, which rounds to -1.2.
    rel = rate_change(8.0, 7.9, unit="percent").relative
    assert float(rel) == -1.25
    assert float(round_half_up(rel, 1)) == -1.3
    # 8.00 -> 8.01: 0.01 / 8 = 0.125 %, rounded 0.13 (float: 0.12499999999999734).
    assert float(relative_change(8.0, 8.01)) == 0.125
    assert float(round_half_up(relative_change(8.0, 8.01), 2)) == 0.13


def test_recovery_share_at_a_tie() -> None:
    # Baseline 9.8, peak 10.6, now 10.3: 0.3 / 0.8 = 37.5 % exactly (float:
    # 37.499999999999915, which rounds half up to 37, not 38).
    share = recovery_share(9.8, 10.6, 10.3)
    assert float(share) == 37.5
    assert float(round_half_up(share, 0)) == 38.0
    # 0.3 / 0.4 = 75 % (float: 74.99999999999999).
    assert float(recovery_share(0.3, 0.7, 0.4)) == 75.0


def test_points_per_year_at_a_tie() -> None:
    # 11.13 % -> 11.24 % over 2 years: 0.11 / 2 = 0.055 points a year
    # (float: 0.054999999999999716, rounded to 0.05 instead of 0.06).
    a = annualized_change(11.13, 11.24, years=2, unit="percent")
    assert float(a.points) == 0.11
    assert float(a.points_per_year) == 0.055
    assert float(round_half_up(a.points_per_year, 2)) == 0.06
    # 8.00 -> 7.90 over 4 years: -0.025 (float -0.02499999999999991).
    a = annualized_change(8.0, 7.9, years=4, unit="percent")
    assert float(a.points_per_year) == -0.025
    assert float(a.relative) == -1.25


def test_decomposition_of_decimal_figures() -> None:
    # 10.0 % of 1000 -> 8.1 % of 1100: rate effect -1.9 * 2100 / 200 =
    # -19.95 (float: -19.950000000000003), change 89.1 - 100 = -10.9, so the
    # population effect is 9.05.
    d = decompose_headcount_change(10.0, 8.1, 1000.0, 1100.0, unit="percent")
    assert float(d.rate_effect) == -19.95
    assert float(d.change) == -10.9
    assert float(d.population_effect) == 9.05
    # 11.32 % of 2666.5 -> 11.24 % of 2692.0: change 302.5808 - 301.8478 =
    # 0.733 (float: 0.7329999999999928).
    d = decompose_headcount_change(11.32, 11.24, 2666.5, 2692.0, unit="percent")
    assert float(d.change) == 0.733
    assert float(d.rate_effect) == -2.1434  # -0.08 * 5358.5 / 200


def test_published_headcount_change_is_the_decimal_difference() -> None:
    # 302.58 - 301.85 = 0.73 thousand (float: 0.7299999999999613).
    d = _decompose_published(11.32, 11.24, 301.85, 302.58, unit="percent")
    assert float(d.change) == 0.73


def test_zero_base_and_missing_values() -> None:
    c = rate_change([0.0, np.nan, 4.37], [1.0, 4.0, np.nan], unit="percent")
    np.testing.assert_array_equal(c.points, [1.0, np.nan, np.nan])
    assert np.isnan(c.relative).all()
    a = annualized_change(0.0, 1.0, years=2, unit="percent")
    assert np.isnan(a.relative)
    assert np.isnan(a.compound_per_year)
    assert np.isnan(recovery_share([1.0, 2.0], [1.0, np.nan], [0.5, 1.0])).all()


def test_recovery_share_near_the_largest_float() -> None:
    # (1.7e308 + 1.7e308) / (1.7e308 - 1e308): 3.4 / 0.7 = 485.714... %, no
    # overflow on the way; 1.7e308 / 3.4e308 = 50 %.
    out = recovery_share([1e308, -1.7e308], [1.7e308, 1.7e308], [-1.7e308, 0.0])
    assert out[0] == _nearest(Fraction(34, 7) * 100)
    assert out[1] == 50.0


def test_values_of_sixteen_or_more_digits_are_read_as_binary() -> None:
    # 0.1 + 0.2 (0.30000000000000004) is a computed value: its exact binary
    # value is the figure, and the change is rounded once from it.
    b, a = 0.1 + 0.2, 0.7
    c = rate_change(b, a, unit="percent")
    assert float(c.points) == a - b
    assert float(c.relative) == _nearest(
        100 * (Fraction(a) - Fraction(b)) / Fraction(b)
    )


# -- properties against exact fractions --------------------------------------


@given(_rates(), _rates())
def test_rate_change_is_exact_on_the_decimals(
    before: tuple[float, Fraction], after: tuple[float, Fraction]
) -> None:
    (b, fb), (a, fa) = before, after
    c = rate_change(b, a, unit="percent")
    assert float(c.points) == _nearest(fa - fb)
    # One rule: the points are those of the library's decimal difference.
    assert float(c.points) == float(decimal_difference(np.array(a), np.array(b))[0])
    if fb == 0:
        assert np.isnan(c.relative)
    else:
        assert float(c.relative) == _nearest(100 * (fa - fb) / fb)


@given(_levels(), _levels())
def test_relative_change_is_exact_on_the_decimals(
    before: tuple[float, Fraction], after: tuple[float, Fraction]
) -> None:
    (b, fb), (a, fa) = before, after
    out = relative_change(b, a)
    if fb == 0:
        assert np.isnan(out)
    else:
        assert float(out) == _nearest(100 * (fa - fb) / fb)


@given(_rates(), _rates(), _rates())
def test_recovery_share_is_exact_on_the_decimals(
    baseline: tuple[float, Fraction],
    peak: tuple[float, Fraction],
    current: tuple[float, Fraction],
) -> None:
    (b, fb), (p, fp), (c, fc) = baseline, peak, current
    out = recovery_share(b, p, c)
    if fp <= fb:
        assert np.isnan(out)
    else:
        assert float(out) == _nearest(100 * (fp - fc) / (fp - fb))


@given(_rates(), _rates(), st.integers(1, 40).map(lambda h: _fig(h, 1)))
def test_annualized_points_are_exact_on_the_decimals(
    before: tuple[float, Fraction],
    after: tuple[float, Fraction],
    years: tuple[float, Fraction],
) -> None:
    (b, fb), (a, fa), (t, ft) = before, after, years
    out = annualized_change(b, a, years=t, unit="percent")
    assert float(out.points) == _nearest(fa - fb)
    assert float(out.points_per_year) == _nearest((fa - fb) / ft)
    if fb > 0:
        assert float(out.relative) == _nearest(100 * (fa - fb) / fb)
        expected = 100 * ((float(fa / fb)) ** (1 / t) - 1)
        np.testing.assert_allclose(
            out.compound_per_year, expected, rtol=1e-12, atol=1e-12
        )


@given(_rates(), _rates(), _levels(), _levels())
def test_decomposition_is_exact_on_the_decimals(
    rate_before: tuple[float, Fraction],
    rate_after: tuple[float, Fraction],
    population_before: tuple[float, Fraction],
    population_after: tuple[float, Fraction],
) -> None:
    (r0, f0), (r1, f1) = rate_before, rate_after
    (n0, g0), (n1, g1) = population_before, population_after
    d = decompose_headcount_change(r0, r1, n0, n1, unit="percent")
    # The change: the exact products of the decimals, rounded once.
    assert float(d.change) == _nearest((f1 * g1 - f0 * g0) / 100)
    # The rate effect: (r1 - r0)(N0 + N1) / 2, exact on the decimals.
    if n0 != n1:
        assert float(d.rate_effect) == _nearest((f1 - f0) * (g0 + g1) / 200)
        assert float(d.population_effect) == _nearest((g1 - g0) * (f0 + f1) / 200)
    else:
        assert float(d.population_effect) == 0.0


def test_compound_pace_over_one_year_is_the_relative_change() -> None:
    # Over one year (1/t = 1) the compound pace is the relative change: by
    # hand 8.00 -> 8.01 is 0.01 / 8 = 0.125 %, which rounds half up to 0.13
    # (the power form gave 0.12499999999999734, rounding to 0.12); 10 ->
    # 10.00001 is 1e-4 %; 12.345678 -> 12.345679 is 1e-6 / 12.345678 * 100
    # = 100 / 12345678 %.
    a = annualized_change(8.0, 8.01, years=1, unit="percent")
    assert float(a.relative) == float(a.compound_per_year) == 0.125
    a = annualized_change(10.0, 10.00001, years=1, unit="percent")
    assert float(a.compound_per_year) == 1e-4
    a = annualized_change(12.345678, 12.345679, years=1, unit="percent")
    assert float(a.compound_per_year) == float(Fraction(100, 12345678))
    # Over half a year, (8.01 / 8) ** 2 - 1 = 0.0025015625 exactly: the pace
    # is 0.25015625 % up to a few ulps (it was 0.25015624999999986, 7 ulps).
    a = annualized_change(8.0, 8.01, years=0.5, unit="percent")
    assert abs(float(a.compound_per_year) - 0.25015625) <= 2 * math.ulp(0.25015625)
    # And in the adapter: annual rows 2022 and 2023, 8.00 -> 8.01.
    df = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2022, 2023],
            "poverty_rate_pct": [8.0, 8.01],
        }
    )
    out = with_changes(df, unit="percent")
    assert out["change_compound_pct_per_year"].tolist()[1] == 0.125


@given(
    st.integers(1, 10_000),
    st.integers(0, 10_000),
    st.sampled_from(["0.25", "0.5", "1", "1.5", "2", "3", "4.75", "10", "20"]),
)
def test_compound_pace_within_a_few_ulps_of_the_exact_power(
    b: int, a: int, t: str
) -> None:
    # Rates with 2 decimals (b / 100, a / 100 %); the exact pace
    # 100 * ((a / b) ** (1 / t) - 1) from Decimal arithmetic at 60 digits
    # (correctly rounded powers). The error of a power grows with
    # g = log(a / b) / t (its condition number): allowed 4 (1 + |g|) ulps.
    before, after = b / 100, a / 100
    got = float(
        annualized_change(
            before, after, years=float(t), unit="percent"
        ).compound_per_year
    )
    if a == 0:
        assert got == -100.0
        return
    with localcontext() as ctx:
        ctx.prec = 60
        ratio = Decimal(a) / Decimal(b)
        exact = 100 * (ratio ** (1 / Decimal(t)) - 1)
        g = abs(float(ratio.ln() / Decimal(t)))
    if t == "1":
        assert got == float(Fraction(a - b, b) * 100)
    elif exact == 0:
        assert got == 0.0
    else:
        assert abs(Decimal(got) - exact) <= Decimal(
            4 * (1 + g) * math.ulp(float(exact))
        )
