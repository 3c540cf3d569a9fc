"""Accuracy of `fgt` against exact values: the bound its Notes state.

For alpha > 0 the terms are float64: the gap (line - welfare) / line
rounds twice, its power once, its product with the weight once, and the
ratio of the exact sums once (at worst to the float64 on the far side):
for alpha 1 and 2 the measure is within about (2 alpha + 5) u relative of
its exact value, u = 2**-53; for any other alpha the gap's remainder
corrects the power and the bound is 6 u whatever alpha. The oracle: the
exact gaps as fractions, g**(k + 1/2) as g**k times an interval around
sqrt(g) from integer square roots, so the exact measure is bracketed
without any floating-point step.
"""

from __future__ import annotations

import math
from fractions import Fraction

import hypothesis.strategies as st
import pytest
from hypothesis import example, given, settings

from povstat import fgt

_U = 2.0**-53


def _sqrt_bounds(x: Fraction, bits: int = 300) -> tuple[Fraction, Fraction]:
    """Lower and upper bounds of sqrt(x) within 2**-bits of x's scale."""
    p, q = x.numerator, x.denominator
    scale = 1 << bits
    root = math.isqrt(p * q * scale * scale)  # floor(sqrt(p q) * 2**bits)
    return Fraction(root, q * scale), Fraction(root + 1, q * scale)


def _exact_bounds(
    y: list[float], line: float, w: list[float], alpha: float
) -> tuple[Fraction, Fraction]:
    """The exact FGT(alpha) between two fractions (alpha a half-integer)."""
    z = Fraction(line)
    k, half = divmod(Fraction(alpha), 1)
    lo = hi = Fraction(0)
    for yi, wi in zip(y, w, strict=True):
        if yi >= line:
            continue
        g = (z - Fraction(yi)) / z
        base = g ** int(k)
        if half:
            s_lo, s_hi = _sqrt_bounds(g)
            lo += Fraction(wi) * base * s_lo
            hi += Fraction(wi) * base * s_hi
        else:
            lo += Fraction(wi) * base
            hi += Fraction(wi) * base
    total = sum((Fraction(x) for x in w), Fraction(0))
    return lo / total, hi / total


def _bound(alpha: float) -> float:
    """The relative bound of the Notes: (2 alpha + 5) u for 1, 2; else 6 u."""
    return (2 * alpha + 5) * _U if alpha in (1.0, 2.0) else 6 * _U


def _within(
    got: float, y: list[float], line: float, w: list[float], alpha: float
) -> bool:
    """Whether `got` is within the bound of the exact FGT(alpha)."""
    lo, hi = _exact_bounds(y, line, w, alpha)
    bound = Fraction(_bound(alpha) * 1.001)  # first order, a little room
    return lo * (1 - bound) <= Fraction(got) <= hi * (1 + bound)


def _check(y: list[float], line: float, w: list[float], alpha: float) -> None:
    got = float(fgt(y, line, alpha=alpha, unit="fraction", weights=w))
    assert _within(got, y, line, w, alpha)


# The case of the Notes: exact 2.2182259143916798e+26 (worked with the
# bounds above: gaps 4.8958e10, 0 and 0, so the measure is
# 2.2434648839197986 * g**2.5 / 5.3636551618627656), given exactly now
# that the product with the weight is kept exactly too, within the bound
# 6 u = 6.7e-16.
_Y = [-8.589406966216046e101, 2.026132813631379e91, 3.5089262221084264e91]
_LINE = 1.7544631110542132e91
_W = [2.2434648839197986, 1.7791125682177296, 1.3410777096545874]


def test_documented_case() -> None:
    got = float(fgt(_Y, _LINE, alpha=2.5, unit="fraction", weights=_W))
    lo, hi = _exact_bounds(_Y, _LINE, _W, 2.5)
    assert float(lo) == float(hi) == 2.2182259143916798e26
    # The nearest float64 (3 units in the last place below before the gap's
    # remainder was carried into the power, 1 before the product with the
    # weight was kept exactly).
    assert got == 2.2182259143916798e26
    _check(_Y, _LINE, _W, 2.5)


@settings(max_examples=300, deadline=None)
@given(
    line=st.floats(1e-30, 1e30),
    factors=st.lists(st.floats(-1e6, 2.0), min_size=1, max_size=6),
    weights=st.lists(st.floats(0.01, 100.0), min_size=6, max_size=6),
    alpha=st.sampled_from([0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 7.5, 20.0, 40.5]),
)
@example(line=1.0, factors=[0.5, 0.9], weights=[1.0] * 6, alpha=0.5)
def test_within_the_documented_bound(
    line: float, factors: list[float], weights: list[float], alpha: float
) -> None:
    y = [line * f for f in factors]
    _check(y, line, weights[: len(y)], alpha)


@pytest.mark.parametrize("alpha", [0.5, 2.5])
def test_bound_is_not_vacuous(alpha: float) -> None:
    # A value off by twice the bound fails the check, so the check can
    # fail: one unit at half the line, P(alpha) = 0.5**alpha exactly.
    exact = 0.5**alpha
    far = exact * (1 + _bound(alpha) * 2)
    assert _within(exact, [0.5], 1.0, [1.0], alpha)
    assert not _within(far, [0.5], 1.0, [1.0], alpha)


def test_fractional_alpha_tiny_line_remainder() -> None:
    # line - welfare subnormal (3 ulp of 1.09e-300 = 4.9e-316): exact there
    # (Sterbenz), so the gap is 3 * 2**-1046 / line exactly, computed here as
    # an exact Fraction; its power is within a few ulp after the correction
    # (the plain power was already off by 3.7e-8 relative before it was
    # lifted into the normals). alpha 2.5: gap**2.5 = gap**2 * sqrt(gap),
    # sqrt from Fraction to 60 digits by Decimal.
    from decimal import Decimal, getcontext
    from fractions import Fraction

    import povstat

    y, z = 1.0933359096573138e-300, 1.0933359096573141e-300
    g = (Fraction(z) - Fraction(y)) / Fraction(z)
    getcontext().prec = 60
    gd = Decimal(g.numerator) / Decimal(g.denominator)
    for a, exact in ((2.5, gd * gd * gd.sqrt()), (0.5, gd.sqrt())):
        got = povstat.fgt([y], z, alpha=a, unit="fraction")
        rel = abs(Decimal(float(got)) - exact) / exact
        assert rel < Decimal(6) * Decimal(2) ** -53, (a, rel)
