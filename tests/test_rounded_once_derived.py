"""Derived figures are rounded once, from the decimal figures.

poverty_gap_money (mean shortfall, total and their rounding bounds),
derived_ratio's estimate, change_test's difference (and its interval) and
pooled_rate from rates are the float64 nearest to the exact value of their
formula on the decimals the inputs stand for (a float read as the shortest
decimal of at most 15 significant digits it is nearest to), as the
conversions and rate_change are. The references are exact rational
arithmetic (Fraction) on those decimals; the hand cases are ties that a
float formula rounds the wrong way.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    change_test,
    derived_proportion,
    derived_ratio,
    pooled_rate,
    poverty_gap_money,
    rate_change,
    round_half_up,
)


def _dec(x: float) -> Fraction:
    """The decimal a float stands for (its shortest repr)."""
    return Fraction(Decimal(repr(x)))


def _fig(k: int, d: int) -> float:
    """The float nearest to k / 10**d."""
    return float(Fraction(k, 10**d))


# --------------------------------------------------------------------------
# poverty_gap_money
# --------------------------------------------------------------------------


def test_gap_money_reported_ties() -> None:
    # 898738 * 0.31 / 2.68 = 278608.78 / 2.68 = 103958.5 exactly: half up
    # to 103959 (the float product gave 103958.49999999999 -> 103958).
    g = poverty_gap_money(
        0.31, 2.68, 898738, unit="percent", count_unit="thousands", headcount=1.0
    )
    assert g.mean_shortfall == 103958.5
    assert round_half_up(g.mean_shortfall, 0) == 103959
    assert g.total == 103958500.0
    # 632901 * 1.5 / 100 * 94.1 * 1000 = 893339761.5 exactly.
    t = poverty_gap_money(
        1.5, 50.0, 632901, unit="percent", count_unit="thousands", population=94.1
    ).total
    assert t == 893339761.5
    assert round_half_up(t, 0) == 893339762


def test_gap_money_reported_upper_bound_is_not_inside() -> None:
    # P1 5.51 +- 0.005, P0 20.43 +- 0.005, z 889409 +- 0.5, H 694.54 +- 0.005:
    # upper mean = 5.515 * 889409.5 / 20.425 = 4905093.3925 / 20.425, exact
    # 240151.451285189718...; the float nearest to it is not below the
    # float just below it (the float formula gave 240151.45128518966).
    g = poverty_gap_money(
        5.51,
        20.43,
        889409,
        unit="percent",
        count_unit="thousands",
        headcount=694.54,
        decimals={"p1": 2, "rate": 2, "poverty_line": 0, "headcount": 2},
    )
    exact = Fraction("5.515") * Fraction("889409.5") / Fraction("20.425")
    assert g.mean_shortfall_upper == float(exact)
    assert Fraction(float(g.mean_shortfall_upper)) > Fraction(240151.45128518966)
    total_hi = exact * Fraction("694.545") * 1000
    assert g.total_upper == float(total_hi)


def _gap_oracle(
    g: Fraction, r: Fraction, z: Fraction, c: Fraction, mult: int, headcount: bool
) -> tuple[Fraction, Fraction]:
    mean = g * z / r
    total = mean * c * mult if headcount else g / 100 * z * c * mult
    return mean, total


@given(
    st.integers(1, 10_000),
    st.integers(0, 10_000),
    st.integers(0, 2_000_000),
    st.integers(0, 10**7),
    st.integers(0, 3),
    st.sampled_from(["persons", "thousands", "millions"]),
    st.booleans(),
)
def test_gap_money_is_the_float_nearest_the_exact_value(
    kr: int, kg: int, kz: int, kc: int, dc: int, cu: str, headcount: bool
) -> None:
    r = _fig(kr, 2)
    g = _fig(min(kg, kr), 2)
    z, c = float(kz), _fig(kc, dc)
    mult = {"persons": 1, "thousands": 1000, "millions": 10**6}[cu]
    out = poverty_gap_money(
        g,
        r,
        z,
        unit="percent",
        count_unit=cu,  # type: ignore[arg-type]
        headcount=c if headcount else None,
        population=None if headcount else c,
    )
    mean, total = _gap_oracle(_dec(g), _dec(r), _dec(z), _dec(c), mult, headcount)
    assert out.mean_shortfall == float(mean)
    assert out.total == float(total)


@given(
    st.integers(1, 5000),
    st.integers(1, 50),
    st.integers(0, 10**6),
    st.integers(0, 10**4),
)
def test_gap_money_ties_round_half_up(a: int, t: int, n: int, k: int) -> None:
    # P1 = a / 100, P0 = 2 a t / 100 and z = (2n + 1) t: the mean shortfall
    # is (2n + 1) / 2, a tie; times an odd count of persons 2k + 1 the
    # total is a tie too.
    if 2 * a * t > 10_000:
        a, t = 1, 1
    g, r, z = _fig(a, 2), _fig(2 * a * t, 2), float((2 * n + 1) * t)
    out = poverty_gap_money(
        g, r, z, unit="percent", count_unit="persons", headcount=2 * k + 1
    )
    assert out.mean_shortfall == n + 0.5
    assert round_half_up(out.mean_shortfall, 0) == n + 1
    total = Fraction(2 * n + 1, 2) * (2 * k + 1)
    assert out.total == float(total)
    assert round_half_up(out.total, 0) == float(total + Fraction(1, 2))


@given(
    st.integers(1, 10_000),
    st.integers(0, 10_000),
    st.integers(1, 2_000_000),
    st.integers(1, 10**6),
    st.booleans(),
)
def test_gap_money_bounds_are_the_exact_bounds(
    kr: int, kg: int, kz: int, kc: int, headcount: bool
) -> None:
    r, g, z, c = _fig(kr, 2), _fig(min(kg, kr), 2), float(kz), _fig(kc, 2)
    out = poverty_gap_money(
        g,
        r,
        z,
        unit="percent",
        count_unit="thousands",
        decimals={
            "p1": 2,
            "rate": 2,
            "poverty_line": 0,
            "headcount" if headcount else "population": 2,
        },
        headcount=c if headcount else None,
        population=None if headcount else c,
    )
    h2, h0 = Fraction(1, 200), Fraction(1, 2)
    g_lo, g_hi = max(_dec(g) - h2, Fraction(0)), _dec(g) + h2
    r_lo, r_hi = max(_dec(r) - h2, Fraction(0)), min(_dec(r) + h2, Fraction(100))
    z_lo, z_hi = _dec(z) - h0, _dec(z) + h0
    c_lo, c_hi = _dec(c) - h2, _dec(c) + h2
    g_hi = min(g_hi, r_hi)
    ratio_hi = min(g_hi / r_lo, Fraction(1)) if r_lo > 0 else Fraction(1)
    assert out.mean_shortfall_lower == float(g_lo * z_lo / r_hi)
    assert out.mean_shortfall_upper == float(ratio_hi * z_hi)
    if headcount:
        assert out.total_lower == float(g_lo * z_lo / r_hi * c_lo * 1000)
        assert out.total_upper == float(ratio_hi * z_hi * c_hi * 1000)
    else:
        assert out.total_lower == float(g_lo / 100 * z_lo * c_lo * 1000)
        assert out.total_upper == float(g_hi / 100 * z_hi * c_hi * 1000)


# --------------------------------------------------------------------------
# derived_ratio
# --------------------------------------------------------------------------


def test_derived_ratio_reported_ties() -> None:
    # 363.65 / 415.6 = 0.875 and 988.41 / 94 = 10.515 exactly: half up to
    # 0.88 and 10.52, as derived_proportion gives on the same figures.
    d = derived_ratio(
        363.65,
        415.6,
        level=0.95,
        independent=True,
        se_numerator=0.1,
        se_denominator=0.1,
    )
    assert d.estimate == 0.875
    assert round_half_up(d.estimate, 2) == 0.88
    p = derived_proportion(
        363.65, 415.6, unit="fraction", level=0.95, se_part=0.1, se_whole=0.1
    )
    assert d.estimate == p.estimate
    e = derived_ratio(
        988.41, 94, level=0.95, independent=True, se_numerator=0.1, se_denominator=0.1
    )
    assert e.estimate == 10.515
    assert round_half_up(e.estimate, 2) == 10.52


@given(
    st.integers(-(10**7), 10**7),
    st.integers(-(10**7), 10**7),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_derived_ratio_is_the_float_nearest_the_exact_ratio(
    kx: int, ky: int, dx: int, dy: int
) -> None:
    x, y = _fig(kx, dx), _fig(ky, dy)
    d = derived_ratio(
        x, y, level=0.9, independent=True, se_numerator=1.0, se_denominator=1.0
    )
    if ky == 0:
        assert np.isnan(d.estimate)
    else:
        assert d.estimate == float(_dec(x) / _dec(y))
        assert d.lower == d.estimate - d.moe


@given(st.integers(1, 10**5), st.integers(0, 10**4))
def test_derived_ratio_ties_round_half_up(ky: int, j: int) -> None:
    # x = q y with q = (2j + 1) / 2000: a tie at three decimals.
    y = _fig(ky, 2)
    q = Fraction(2 * j + 1, 2000)
    x = float(q * _dec(y))
    assert _dec(x) == q * _dec(y)
    d = derived_ratio(
        x, y, level=0.9, independent=True, se_numerator=1.0, se_denominator=1.0
    )
    assert d.estimate == float(q)
    assert round_half_up(d.estimate, 3) == float(Fraction(j + 1, 1000))


# --------------------------------------------------------------------------
# change_test
# --------------------------------------------------------------------------


def test_change_test_reported_ties() -> None:
    # 35.82 - 35.77 = 0.05 and 23.63 - 23.28 = 0.35: half up to 0.1 and
    # 0.4 at one decimal, as rate_change gives.
    t = change_test(
        35.77, 35.82, se_before=0.1, se_after=0.1, level=0.95, independent=True
    )
    assert t.points == 0.05
    assert t.points == rate_change(35.77, 35.82, unit="percent").points
    assert round_half_up(t.points, 1) == 0.1
    u = change_test(
        23.28, 23.63, se_before=0.1, se_after=0.1, level=0.95, independent=True
    )
    assert u.points == 0.35
    assert round_half_up(u.points, 1) == 0.4
    assert u.upper == u.points + (u.upper - u.points)
    assert u.z == u.points / u.se


@given(
    st.integers(0, 10**6),
    st.integers(-(10**5), 10**5),
    st.integers(0, 4),
)
def test_change_test_difference_is_the_exact_difference(
    kb: int, dk: int, d: int
) -> None:
    # after = before + (2 dk + 1) / (2 * 10**d): with d >= 1 a tie at d - 1
    # decimals each time.
    b = _fig(kb, d + 1)
    step = Fraction(2 * dk + 1, 2 * 10**d)
    a = float(_dec(b) + step)
    t = change_test(b, a, se_before=0.5, se_after=0.5, level=0.9, independent=True)
    exact = _dec(a) - _dec(b)
    assert t.points == float(exact)
    if 0 <= a <= 100 and b <= 100:
        assert t.points == rate_change(b, a, unit="percent").points


# --------------------------------------------------------------------------
# pooled_rate from rates
# --------------------------------------------------------------------------


def test_pooled_rate_from_rates_reported_case() -> None:
    # N = 975.68 / 0.3768 + 1554.93 / 0.3055 = 7679.1715227898989...;
    # R = 2530.61 / N = 32.954205964663890...
    p = pooled_rate([975.68, 1554.93], unit="percent", rate=[37.68, 30.55])
    n = Fraction("975.68") * 100 / Fraction("37.68") + Fraction("1554.93") * 100 / (
        Fraction("30.55")
    )
    assert p.population == float(n)
    assert p.rate == float(Fraction("2530.61") * 100 / n)
    assert p.rate == 32.95420596466389


@given(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(1, 10_000)),
        min_size=1,
        max_size=6,
    )
)
def test_pooled_rate_from_rates_is_the_float_nearest(
    rows: list[tuple[int, int]],
) -> None:
    h = [_fig(kh, 2) for kh, _ in rows]
    r = [_fig(kr, 2) for _, kr in rows]
    p = pooled_rate(h, unit="percent", rate=r)
    n = sum((_dec(a) * 100 / _dec(b) for a, b in zip(h, r, strict=True)), Fraction(0))
    total = sum((_dec(a) for a in h), Fraction(0))
    assert p.population == float(n)
    if n == 0:
        assert np.isnan(p.rate)
    else:
        assert p.rate == float(total * 100 / n)
    # Row order changes nothing.
    q = pooled_rate(h[::-1], unit="percent", rate=r[::-1])
    assert (q.rate, q.population) == (p.rate, p.population) or np.isnan(p.rate)


@given(
    st.lists(
        st.tuples(st.integers(0, 10**6), st.integers(1, 10**6)),
        min_size=1,
        max_size=5,
    )
)
def test_pooled_rate_rounding_bounds_are_the_exact_bounds(
    rows: list[tuple[int, int]],
) -> None:
    # Counts and populations to 2 decimals, each anywhere within half a
    # unit (0.005): sum H_lo / sum N_hi and min(sum H_hi / sum N_lo, 1),
    # in percent, each the float nearest to the exact value.
    h = [_fig(kh, 2) for kh, _ in rows]
    n = [_fig(kh + kn, 2) for kh, kn in rows]
    p = pooled_rate(
        h, unit="percent", population=n, decimals={"headcount": 2, "population": 2}
    )
    half = Fraction(1, 200)
    h_lo = sum((max(_dec(a) - half, Fraction(0)) for a in h), Fraction(0))
    h_hi = sum((_dec(a) + half for a in h), Fraction(0))
    n_lo = sum((_dec(b) - half for b in n), Fraction(0))
    n_hi = sum((_dec(b) + half for b in n), Fraction(0))
    assert p.rounding_lower == float(h_lo * 100 / n_hi)
    assert p.rounding_upper == float(min(h_hi / n_lo, Fraction(1)) * 100)
