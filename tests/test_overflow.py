"""Finite inputs near float64's limit (about 1.8e308) in the array functions.

Each public array function either gives the exact finite answer (an
intermediate that overflows is avoided), gives +-inf where the exact answer
is beyond float64's range, or refuses naming the argument; never a bare
numpy overflow warning (the suite turns warnings into errors).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from statistics import NormalDist
from typing import Any

import numpy as np
import pytest

import povstat as p

BIG = np.array([1e308, -1e308, 1.7e308])
HUGE = np.array([1e308, 1.7e308, 1e308])
Z95 = NormalDist().inv_cdf(0.975)

# (name, call, expected): expected is an array of values worked by hand.
FINITE: list[tuple[str, Callable[[], Any], list[float]]] = [
    # Weights 1.7e308 total 3.4e308, beyond float64: rescaled by a power of
    # two (exact); welfare 1 and 2 under 3, both poor: P0 = 1.
    (
        "fgt",
        lambda: p.fgt([1.0, 2.0], 3.0, alpha=0, unit="fraction", weights=[1.7e308] * 2),
        [1.0],
    ),
    # 100 % and 50 % of 1.7e308 people: 1.7e308 and 8.5e307, though
    # 100 * 1.7e308 overflows before the division by 100.
    (
        "rate_to_headcount",
        lambda: p.rate_to_headcount([100.0, 50.0], 1.7e308, unit="percent"),
        [1.7e308, 8.5e307],
    ),
    # 1.7e308 poor of 1.7e308 people: 100 %.
    (
        "headcount_to_rate",
        lambda: p.headcount_to_rate(1.7e308, 1.7e308, unit="percent"),
        [100.0],
    ),
    # 50 % of 1.7e308 poor: 3.4e308 people, beyond float64: inf.
    (
        "implied_population",
        lambda: p.implied_population(50.0, 1.7e308, unit="percent"),
        [np.inf],
    ),
    # From -1e308 up to 1e308 and back to 0: (1e308 - 0) / 2e308 = 50 %;
    # back to -1.7e308: 2.7e308 / 2e308 = 135 %. Both differences overflow.
    (
        "recovery_share",
        lambda: p.recovery_share(-1e308, 1e308, [0.0, -1.7e308]),
        [50.0, 135.0],
    ),
    # SE 1.5e308 of 1e308: 150 % (100 * 1.5e308 overflows on the way);
    # SE 1.7e308 of 1e-10: 1.7e320 %, beyond float64: inf.
    (
        "rse_from_se",
        lambda: p.rse_from_se([1e308, 1e-10], [1.5e308, 1.7e308]),
        [150.0, np.inf],
    ),
    # 150 % of 1e308: 1.5e308; 200 % of 1.7e308: 3.4e308, inf.
    (
        "se_from_rse",
        lambda: p.se_from_rse([1e308, 1.7e308], [150.0, 200.0]),
        [1.5e308, np.inf],
    ),
    # Bounds -1e308 and 1e308 at 95 %: 2e308 / (2 z) = 1e308 / 1.959964,
    # though the width 2e308 overflows.
    (
        "se_from_bounds",
        lambda: p.se_from_bounds(-1e308, 1e308, level=0.95),
        [1e308 / Z95],
    ),
    # 1e308 / 1.959964 = 5.1e307; 1.7e308 * 1.959964 = 3.3e308: inf.
    (
        "se_from_moe",
        lambda: p.se_from_moe(1e308, level=0.95),
        [1e308 / Z95],
    ),
    ("moe_from_se", lambda: p.moe_from_se(1.7e308, level=0.95), [np.inf]),
    # 1e-300 -> 1.7e308: a relative change of 1.7e610 %: inf.
    (
        "relative_change",
        lambda: p.relative_change(1e-300, 1.7e308),
        [np.inf],
    ),
    # 1e308 -> -1e308: a fall of 2e308 points, beyond float64: -inf, and
    # its z-statistic -inf (p-value 0).
    (
        "change_test",
        lambda: (
            p.change_test(
                1e308, -1e308, se_before=1.0, se_after=1.0, level=0.95, independent=True
            ).points
        ),
        [-np.inf],
    ),
    # The total shortfall is the mean shortfall (1.7e306 here) times the
    # 8.5e307 poor (50 % of 1.7e308 people): about 1.4e614, beyond
    # float64: inf.
    (
        "poverty_gap_money",
        lambda: (
            p.poverty_gap_money(
                0.5,
                50.0,
                1.7e308,
                unit="percent",
                count_unit="persons",
                population=1.7e308,
            ).total
        ),
        [np.inf],
    ),
    # Values near the limit rank and round as any others.
    ("rank", lambda: p.rank(BIG, descending=True).rank, [2.0, 3.0, 1.0]),
    ("round_half_up", lambda: p.round_half_up(BIG, -2), list(BIG)),
]


@pytest.mark.parametrize(
    ("name", "call", "expected"), FINITE, ids=[c[0] for c in FINITE]
)
def test_near_the_limit_exact_or_inf_without_warning(
    name: str, call: Callable[[], Any], expected: list[float]
) -> None:
    got = np.atleast_1d(np.asarray(call(), dtype=np.float64))
    np.testing.assert_allclose(got, expected, rtol=1e-14)


REFUSED: list[tuple[str, Callable[[], Any], str]] = [
    # A standard error above sqrt(max float64) = 1.34e154 has no variance.
    (
        "change_test",
        lambda: p.change_test(
            1.0, 2.0, se_before=1e155, se_after=1.0, level=0.95, independent=True
        ),
        "`se_before` must be at most 1.341e+154",
    ),
    (
        "relative_change_se",
        lambda: p.relative_change_se(
            1.0, 2.0, se_before=1.0, se_after=1e300, independent=True
        ),
        "`se_after` must be at most 1.341e+154",
    ),
    (
        "annualized_change_se",
        lambda: p.annualized_change_se(
            20.0, 15.0, years=5, se_before=1e200, se_after=1.0, independent=True
        ),
        "`se_before` must be at most",
    ),
    (
        "derived_ratio",
        lambda: p.derived_ratio(
            1.0,
            2.0,
            level=0.95,
            independent=True,
            se_numerator=1.7e308,
            se_denominator=1.0,
        ),
        "`se_numerator` must be at most",
    ),
    (
        "derived_proportion",
        lambda: p.derived_proportion(
            1.0, 2.0, unit="fraction", level=0.95, se_part=1.0, se_whole=1e308
        ),
        "`se_whole` must be at most",
    ),
    # Sums beyond float64 are refused, naming the argument.
    (
        "sum_counts",
        lambda: p.sum_counts(HUGE),
        "`estimate` is too large to add up",
    ),
    (
        "pooled_rate",
        lambda: p.pooled_rate(HUGE, unit="percent", rate=[50.0, 50.0, 50.0]),
        "`headcount` is too large to add up",
    ),
]


@pytest.mark.parametrize(
    ("name", "call", "match"), REFUSED, ids=[c[0] for c in REFUSED]
)
def test_near_the_limit_refused_naming_the_argument(
    name: str, call: Callable[[], Any], match: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(match)):
        call()


# A ratio beyond float64's range: its SE is inf where the exact SE is, not NaN.


def test_relative_change_se_beyond_range_is_inf() -> None:
    # By hand: r = 1e300 / 1e-300 = 1e600; SE(r) = sqrt((1e150 / 1e-300)**2
    # + (1e300 * 1e-160 / 1e-600)**2) = sqrt(1e900 + 1e1480) ~ 1e740: inf.
    kw: dict[str, Any] = {"se_before": [1e-160], "se_after": [1e150]}
    se = p.relative_change_se([1e-300], [1e300], independent=True, **kw)
    assert np.isposinf(se).all()
    # Compound rate over 2 years: r**(-1/2) / 2 * SE(r) ~ 1e-300 / 2 * 1e740,
    # in percent: 5e441, inf.
    se = p.annualized_change_se([1e-300], [1e300], years=[2.0], independent=True, **kw)
    assert np.isposinf(se).all()
    with pytest.raises(ValueError, match="lies beyond float64's range"):
        p.derived_ratio(
            [1e300], [1e-300], level=0.95, independent=True,
            se_numerator=[1e150], se_denominator=[1e-160],
        )  # fmt: skip


def test_ratio_se_finite_although_the_ratio_overflows() -> None:
    # By hand: before 1e-10 (SE 1e-320), after 1e300 (SE 1e-10): r = 1e310
    # overflows, but SE(r) = sqrt((1e-10 / 1e-10)**2 + (1e300 * s / 1e-20)**2)
    # with s the float of 1e-320 (a subnormal, 2024 * 2**-1074): the second
    # term is 1e320 * s, so SE(r) = sqrt(1 + (1e320 s)**2); in percent
    # 100 times that, about 141.42.
    term = Fraction(10) ** 320 * 2024 / 2**1074  # 1e320 * s, about 0.99999
    exact = 100.0 * (1.0 + float(term) ** 2) ** 0.5
    se = p.relative_change_se(
        [1e-10], [1e300], se_before=[1e-320], se_after=[1e-10], independent=True
    )
    assert se[0] == pytest.approx(exact, rel=1e-12)
    # One year: the compound rate's SE is the ratio's (r**0 = 1), exactly.
    se1 = p.annualized_change_se(
        [1e-10], [1e300], years=[1.0], se_before=[1e-320], se_after=[1e-10],
        independent=True,
    )  # fmt: skip
    assert se1[0] == pytest.approx(exact, rel=1e-12)


# No numpy warning at extreme inputs (warnings are errors in the tests).


def test_wilson_interval_at_extreme_effective_sizes() -> None:
    # By hand, n = 1e308 at 50 %: the SE is sqrt(0.25 / 1e308) = 5e-155 as
    # a fraction, 5e-153 %, and the interval collapses to the estimate.
    w = p.rate_interval(
        [50.0, 0.0, 100.0], unit="percent", level=0.95, method="wilson",
        n_effective=[1e308],
    )  # fmt: skip
    assert w.se[0] == pytest.approx(5e-153, rel=1e-15)
    assert w.lower.tolist() == [50.0, 0.0, 100.0]
    assert w.upper[0] == 50.0
    assert w.upper[2] == 100.0
    # n = 1e-300: half-width z / (n + z**2) sqrt(p (1 - p) n + z**2 / 4)
    # -> z / z**2 * z / 2 = 1/2 around a centre of (p n + z**2/2)/(n + z**2)
    # -> 1/2: the interval is [0, 100] % up to ~1e-299.
    w = p.rate_interval(
        [50.0], unit="percent", level=0.95, method="wilson", n_effective=[1e-300]
    )
    assert w.se[0] == pytest.approx(5e151, rel=1e-15)  # 100 * sqrt(0.25 / 1e-300)
    assert 0.0 <= w.lower[0] < 1e-297
    assert w.upper[0] == 100.0


def test_compound_rate_se_over_tiny_years_is_inf() -> None:
    # By hand: r = 2, years 1e-300: r**(1/t - 1) = 2**(1e300) overflows and
    # the SE (sqrt(1e20 + 4e20) / 1 = 2.24e10 for r) is positive: inf.
    se = p.annualized_change_se(
        [1.0], [2.0], years=[1e-300], se_before=[1e10], se_after=[1e10],
        independent=True,
    )  # fmt: skip
    assert np.isposinf(se).all()


def test_pooled_rate_refuses_huge_se_without_warning() -> None:
    # The SE of the poor, sqrt(2) * 1e301 * 1.3e154 / 100 ~ 1.8e453, lies
    # beyond float64's range: refused by name (no divide-by-zero first).
    with pytest.raises(ValueError, match="`se` is too large to add up"):
        p.pooled_rate(
            [1e300, 1e300], unit="percent", population=[1e301, 1e301],
            se=[1.3e154] * 2, level=0.95, independent=True,
        )  # fmt: skip
