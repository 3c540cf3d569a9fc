"""Each input of a conversion is read on its own, as the docs say.

A published figure (at most 15 significant digits) is read as its decimal
even when another input of the same element is a computed value (16 or 17
digits, read as its binary value): ``rate_to_headcount(10.86,
implied_population(10.86, 28005.39))`` is 28,005.39, the float64 nearest to
0.1086 times the binary value of the implied population.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import numpy as np
import pytest

from povstat import (
    headcount_to_rate,
    implied_population,
    rate_to_headcount,
    rse_from_se,
    se_from_rse,
    to_percent,
)
from povstat._exact import _decimal_ratio_exact, _decimal_ratio_steps, decimal_ratio
from povstat.datasets import load_indonesia


def read(x: float) -> Fraction:
    """The documented reading of a float, written independently of povstat.

    The decimal of its shortest repr where that has at most 15 significant
    digits (and the value lies within 1e-8 to 1e36), else its binary value.
    """
    if x == 0 or not math.isfinite(x):
        return Fraction(x)
    text = repr(x)
    digits = text.lower().split("e")[0].lstrip("-").replace(".", "").strip("0")
    if len(digits) <= 15 and 1e-8 <= abs(x) < 1e36:
        return Fraction(text)
    return Fraction(x)


def nearest(x: Fraction) -> float:
    return float(x)  # Fraction -> float rounds once, to the nearest


@pytest.fixture(scope="module")
def published() -> tuple[list[float], list[float]]:
    """Every total row of the bundled data with a positive rate and a count."""
    df = load_indonesia()
    t = df[(df["area"] == "total") & (df["poverty_rate_pct"] > 0)]
    t = t.dropna(subset=["poor_thousands"])
    return t["poverty_rate_pct"].tolist(), t["poor_thousands"].tolist()


def test_round_trip_example() -> None:
    # 10.86 % and 28,005.39 thousand: the implied population has 17 digits.
    p = float(implied_population(10.86, 28005.39, unit="percent"))
    assert len(repr(p).replace(".", "")) > 15
    expected = nearest(Fraction("10.86") * Fraction(p) / 100)
    assert expected == 28005.39  # by Fraction, independently of povstat
    assert float(rate_to_headcount(10.86, p, unit="percent")) == 28005.39
    # Inputs that are all computed values still read as binary: 0.1 + 0.2
    # as a percent is its binary value times 100, rounded once.
    x = 0.1 + 0.2
    assert float(to_percent(x, unit="fraction")) == nearest(Fraction(x) * 100)
    assert float(to_percent(x, unit="fraction")) == 30.000000000000004


def _check(
    f: Callable[[np.ndarray, np.ndarray], np.ndarray],
    formula: Callable[[Fraction, Fraction], Fraction],
    a: list[float],
    b: list[float],
) -> None:
    got = np.asarray(f(np.array(a), np.array(b)))
    want = np.array(
        [nearest(formula(read(x), read(y))) for x, y in zip(a, b, strict=True)]
    )
    wrong = np.flatnonzero(got != want)
    assert wrong.size == 0, [(a[i], b[i], got[i], want[i]) for i in wrong[:5]]


def test_bundled_round_trips(published: tuple[list[float], list[float]]) -> None:
    rates, counts = published
    assert len(rates) > 6000
    pops = implied_population(rates, counts, unit="percent").tolist()
    # A published rate (decimal) with a computed population (binary, where
    # it has more than 15 digits, as most do).
    _check(
        lambda r, n: rate_to_headcount(r, n, unit="percent"),
        lambda r, n: r * n / 100,
        rates,
        pops,
    )
    _check(
        lambda h, n: headcount_to_rate(h, n, unit="percent"),
        lambda h, n: 100 * h / n,
        counts,
        pops,
    )
    computed = (np.array(counts) * 1.0000001).tolist()
    _check(
        lambda r, h: implied_population(r, h, unit="percent"),
        lambda r, h: 100 * h / r,
        rates,
        computed,
    )
    # A published estimate with a computed SE, and back.
    ses = (np.array(rates) * 0.012345678).tolist()
    _check(se_from_rse, lambda e, r: e * r / 100, rates, ses)
    _check(rse_from_se, lambda e, s: 100 * s / e, rates, ses)


def test_steps_and_reference_read_each_input_alone() -> None:
    # The elements the fast path leaves (near a tie) take the step-by-step
    # path; the reference takes every element. Both read a short decimal
    # beside a computed value as a decimal, exactly. Random published rates
    # (2 decimals) against random computed populations, and against
    # populations chosen so that the binary-reading product sits at a
    # float64 tie.
    rng = np.random.default_rng(7)
    rates = np.round(rng.uniform(0.5, 40.0, 3000), 2)
    pops = rng.uniform(1e3, 1e7, 3000)
    for num, sc in ((pops, rates), (np.ldexp(np.floor(pops), 1), rates)):
        want = np.array(
            [
                nearest(read(n) * read(s) / 100)
                for n, s in zip(num.tolist(), sc.tolist(), strict=True)
            ]
        )
        den = np.asarray(100.0)
        for f in (_decimal_ratio_steps, _decimal_ratio_exact, decimal_ratio):
            np.testing.assert_array_equal(f(num, den, sc), want, err_msg=f.__name__)
