from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    adjust_pvalues,
    annualized_change,
    annualized_change_se,
    change_test,
    headcount_interval,
    is_significant,
    moe_from_se,
    rate_interval,
    relative_change_se,
    round_half_up,
    rse_from_se,
    se_from_bounds,
    se_from_moe,
    se_from_rse,
)

# --------------------------------------------------------------------------
# Reference cases
# --------------------------------------------------------------------------


def test_two_areas_with_90pct_moes() -> None:
    # Worked by hand: two areas at 10 % and 7 %, each with a 90 % MOE of 2
    # points, independent samples.
    #   z_0.95 = 1.644854; SE = 2 / 1.644854 = 1.21591 each
    #   SE(diff) = sqrt(2) * 1.21591 = 1.71956; z = 3 / 1.71956 = 1.74463
    #   p = 2 * (1 - Phi(1.74463)) = 0.08105
    se = se_from_moe(2.0, level=0.90)
    np.testing.assert_allclose(se, 1.216, atol=5e-4)
    t = change_test(10.0, 7.0, se_before=se, se_after=se, level=0.90, independent=True)
    np.testing.assert_allclose(t.points, -3.0)
    # 1.719562 (quoted as 1.719 in the issue, truncated).
    np.testing.assert_allclose(t.se, 1.71956, atol=5e-6)
    np.testing.assert_allclose(abs(t.z), 1.745, atol=5e-4)
    np.testing.assert_allclose(t.p_value, 0.081, atol=5e-4)
    # Significant at 90 %, not at 95 % ...
    assert bool(is_significant(t.p_value, level=0.90))
    assert not bool(is_significant(t.p_value, level=0.95))
    assert bool(t.significant)
    t95 = change_test(
        10.0, 7.0, se_before=se, se_after=se, level=0.95, independent=True
    )
    assert t95.lower < 0 < t95.upper
    # ... although the two 90 % intervals overlap: [8, 12] and [5, 9].
    assert 10.0 - 2.0 < 7.0 + 2.0


def test_moe_read_at_the_wrong_level() -> None:
    # Worked by hand: the same MOEs wrongly treated as 95 %:
    #   SE = 2 / 1.959964 = 1.02043; SE(diff) = 1.44311; z = 2.07885
    #   p = 2 * (1 - Phi(2.07885)) = 0.03763
    se = se_from_moe(2.0, level=0.95)
    t = change_test(10.0, 7.0, se_before=se, se_after=se, level=0.95, independent=True)
    np.testing.assert_allclose(t.p_value, 0.038, atol=5e-4)


def test_two_poor_in_a_sample_of_199() -> None:
    # Worked by hand: p = 2/199 = 0.0100503, n = 199, z = 1.959964.
    # Normal: SE = sqrt(p(1-p)/n) = 0.0070710; p -/+ z SE =
    #   [-0.0038088, 0.0239094]; times 97,541 people: [-371.5, 2332.1].
    # Wilson: z^2/n = 0.0193038; centre = (p + 0.0096519)/1.0193038 = 0.0193290;
    #   half = z/1.0193038 * sqrt(p(1-p)/n + z^2/(4 n^2)) = 0.0165686;
    #   [0.0027605, 0.0358976] = [0.276 %, 3.590 %]; times 97,541 people:
    #   [269.3, 3501.5] -> [269, 3501].
    p = 100 * 2 / 199
    normal = rate_interval(
        p, unit="percent", level=0.95, method="normal", n_effective=199
    )
    naive = np.array([normal.lower, normal.upper]) / 100 * 97_541
    np.testing.assert_allclose(naive, [-371, 2332], atol=1.0)
    assert naive[0] < 0

    wilson = rate_interval(
        p, unit="percent", level=0.95, method="wilson", n_effective=199
    )
    np.testing.assert_allclose([wilson.lower, wilson.upper], [0.276, 3.590], atol=5e-4)

    h = headcount_interval(
        p, 97_541, unit="percent", level=0.95, method="wilson", n_effective=199
    )
    np.testing.assert_allclose(
        [np.round(h.lower), np.round(h.upper)], [269, 3501], atol=0
    )
    assert not bool(h.clipped)

    hn = headcount_interval(
        p, 97_541, unit="percent", level=0.95, method="normal", n_effective=199
    )
    assert float(hn.lower) == 0.0
    assert bool(hn.clipped)
    np.testing.assert_allclose(hn.upper, 2332, atol=1.0)


@pytest.mark.parametrize(
    ("x", "n", "lower", "upper"),
    [
        # Newcombe, R. G. (1998), "Two-sided confidence intervals for the
        # single proportion: comparison of seven methods", Statistics in
        # Medicine 17(8), 857-872: score (Wilson) intervals of the worked
        # examples, 95 %, 4 decimals.
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_published(x: int, n: int, lower: float, upper: float) -> None:
    w = rate_interval(
        x / n, unit="fraction", level=0.95, method="wilson", n_effective=n
    )
    np.testing.assert_allclose([w.lower, w.upper], [lower, upper], atol=5e-5)


def test_logit_interval_by_hand() -> None:
    # p = 0.2, n = 100, z = 1.959964: logit p = ln(0.25); SE on the logit
    # scale = sqrt(0.2 * 0.8 / 100) / (0.2 * 0.8) = 0.25.
    z = 1.959963984540054
    lo = 1 / (1 + math.exp(-(math.log(0.25) - z * 0.25)))
    hi = 1 / (1 + math.exp(-(math.log(0.25) + z * 0.25)))
    iv = rate_interval(
        20.0, unit="percent", level=0.95, method="logit", n_effective=100
    )
    np.testing.assert_allclose([iv.lower, iv.upper], [100 * lo, 100 * hi], rtol=1e-12)
    # Same from the design-based SE of the rate (4 points).
    iv2 = rate_interval(20.0, unit="percent", level=0.95, method="logit", se=4.0)
    np.testing.assert_allclose([iv2.lower, iv2.upper], [100 * lo, 100 * hi], rtol=1e-12)


def test_logit_at_a_rate_of_zero_or_one() -> None:
    # The log-odds of 0 and 1 are infinite. With a positive SE no logit
    # interval exists: refused, naming the first row (before: NaN bounds
    # without a word).
    with pytest.raises(ValueError, match=r"undefined at a rate of exactly 0.*index 1"):
        rate_interval([5.0, 0.0], unit="percent", level=0.9, method="logit", se=1.0)
    with pytest.raises(
        ValueError,
        match=r"exactly 0 or 1 .*rate 1.0 with se 0.1 at index 0 \(2 rows in all\)",
    ):
        rate_interval(1.0, unit="fraction", level=0.9, method="logit", se=[0.1, 0.2])
    # An SE of 0 at the edge would give the zero-width interval [0, 0] or
    # [100, 100], a false certainty: refused as well, whatever gives the SE,
    # suggesting Wilson. From n_effective the binomial SE at 0 and 1 is
    # sqrt(0 * 1 / 100) = 0: refused likewise.
    with pytest.raises(ValueError, match=r"rate 0.0 with se 0.0 at index 0.*wilson"):
        rate_interval([0.0, 5.0], unit="percent", level=0.9, method="logit", se=0.0)
    with pytest.raises(
        ValueError, match=r"exactly 0 or 100 %.*at index 0 \(2 rows in all\).*wilson"
    ):
        rate_interval(
            [0.0, 100.0],
            unit="percent",
            level=0.95,
            method="logit",
            n_effective=[100, 100],
        )
    # NaN stays NaN; an inner rate is untouched.
    iv = rate_interval(
        [0.0, 5.0], unit="percent", level=0.9, method="logit", se=[np.nan, 1.0]
    )
    assert np.isnan(iv.lower[0])
    assert np.isnan(iv.upper[0])
    assert 0 < iv.lower[1] < 5 < iv.upper[1]


def test_wilson_bounds_are_exact_at_zero_and_one() -> None:
    # At p = 0: centre = (z^2/2n) / (1 + z^2/n) and half =
    # z / (1 + z^2/n) * sqrt(z^2 / (4 n^2)) = (z^2/2n) / (1 + z^2/n), so the
    # lower bound is exactly 0 (before: 3.47e-16 > the estimate 0 at n = 100)
    # and the upper bound is (z^2/n) / (1 + z^2/n); with z = 1.959964,
    # n = 100: 0.0384146 / 1.0384146 = 0.0369935 -> 3.69935 %. At p = 1
    # symmetrically the upper bound is exactly 100 % and the lower
    # 100 - 3.69935 %.
    iv = rate_interval(
        [0.0, 100.0], unit="percent", level=0.95, method="wilson", n_effective=100
    )
    assert iv.lower[0] == 0.0
    assert iv.upper[1] == 100.0
    np.testing.assert_allclose(iv.upper[0], 3.69935, rtol=1e-5)
    np.testing.assert_allclose(iv.lower[1], 100.0 - 3.69935, rtol=1e-6)


@pytest.mark.parametrize("p", [1.2109887377392835e-276, 1e-300, 1e-12, 3e-9])
def test_wilson_bounds_bracket_tiny_estimates(p: float) -> None:
    # Near 0 the lower bound is the small root of (1 + k) t^2 - (2p + k) t
    # + p^2 (k = z^2/n): about p^2 / k, far below p. Computed as centre -
    # half it cancelled to 2.8e-17, above an estimate of 1.2e-276. The
    # bounds must bracket the estimate; by symmetry so near 1.
    iv = rate_interval(
        [p, 1.0 - p], unit="fraction", level=0.75, method="wilson", n_effective=2.25
    )
    assert iv.lower[0] <= p <= iv.upper[0]
    assert iv.lower[1] <= 1.0 - p <= iv.upper[1]
    # By hand for p = 1e-12, n = 2.25, z = 1.150349 (75 %): k = 0.588137;
    # small root ~ p^2 / k = 1.7003e-24.
    if p == 1e-12:
        np.testing.assert_allclose(iv.lower[0], 1e-24 / 0.588137, rtol=1e-5)


def test_compound_change_and_its_se() -> None:
    # 20 % -> 15 % over 5 years: (15/20)^(1/5) - 1 = -0.0559125 -> -5.5912 %/yr.
    a = annualized_change(20.0, 15.0, years=5, unit="percent")
    np.testing.assert_allclose(a.compound_per_year, -5.5912, atol=5e-5)
    np.testing.assert_allclose((0.75**0.2 - 1) * 100, -5.5912, atol=5e-5)
    # Worked by hand with SE 1 point each, independent: r = 0.75,
    # SE(r) = sqrt(1 + 0.75^2 * 1) / 20 = 0.0625;
    # SE(g) = (1/5) * 0.75^(1/5 - 1) * 0.0625 = 0.0157348 -> 1.57348 %/yr.
    se = annualized_change_se(
        20.0, 15.0, years=5, se_before=1.0, se_after=1.0, independent=True
    )
    expected = 100 * (1 / 5) * 0.75 ** (1 / 5 - 1) * 0.0625
    np.testing.assert_allclose(se, expected, rtol=1e-12)
    np.testing.assert_allclose(se, 1.57348, atol=5e-6)
    rel = relative_change_se(20.0, 15.0, se_before=1.0, se_after=1.0, independent=True)
    np.testing.assert_allclose(rel, 6.25, rtol=1e-12)


def test_correlated_samples_shrink_the_se_of_a_change() -> None:
    # Var = 1 + 1 - 2 * 0.5 * 1 * 1 = 1.
    t = change_test(
        10.0,
        8.0,
        se_before=1.0,
        se_after=1.0,
        level=0.95,
        independent=False,
        correlation=0.5,
    )
    np.testing.assert_allclose(t.se, 1.0)
    tc = change_test(
        10.0,
        8.0,
        se_before=1.0,
        se_after=1.0,
        level=0.95,
        independent=False,
        cov=0.5,
    )
    assert tc == t


def test_zero_se_change_is_certain() -> None:
    t = change_test(
        [1.0, 1.0], [2.0, 1.0], se_before=0, se_after=0, level=0.9, independent=True
    )
    assert np.isposinf(t.z[0])
    assert t.p_value[0] == 0.0
    assert np.isnan(t.z[1])
    assert np.isnan(t.p_value[1])
    np.testing.assert_array_equal(t.significant, [True, False])


def test_headcount_delta_method_by_hand() -> None:
    # p = 10 % (SE 1 point), N = 1000 (SE 50), Cov(p in %, N) = 10:
    # Var(H) = 1000^2 * 0.01^2 + 0.1^2 * 50^2 + 2 * 0.1 * 1000 * (10 / 100)
    #        = 100 + 25 + 20 = 145.
    h = headcount_interval(
        10.0,
        1000.0,
        unit="percent",
        level=0.95,
        method="normal",
        se=1.0,
        population_se=50.0,
        cov=10.0,
    )
    z = 1.959963984540054
    np.testing.assert_allclose(h.estimate, 100.0)
    np.testing.assert_allclose(
        [h.lower, h.upper], [100 - z * 145**0.5, 100 + z * 145**0.5]
    )


def test_adjust_pvalues_by_hand() -> None:
    # m = 4; sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03,
    # 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06.
    p = [0.01, 0.04, 0.03, 0.005]
    np.testing.assert_allclose(
        adjust_pvalues(p, method="holm"), [0.03, 0.06, 0.06, 0.02]
    )
    np.testing.assert_allclose(
        adjust_pvalues(p, method="bonferroni"), [0.04, 0.16, 0.12, 0.02]
    )
    # Families along the last axis; a NaN test is left out (m = 2 in row 2).
    q = [[0.01, 0.04, 0.03, 0.005], [0.02, np.nan, 0.04, np.nan]]
    out = adjust_pvalues(q, method="holm")
    np.testing.assert_allclose(out[1], [0.04, np.nan, 0.04, np.nan])
    np.testing.assert_allclose(out[0], [0.03, 0.06, 0.06, 0.02])
    np.testing.assert_allclose(adjust_pvalues(0.3, method="holm"), 0.3)


def test_conversions_by_hand() -> None:
    np.testing.assert_allclose(se_from_rse(10.5, 4.0), 0.42)
    np.testing.assert_allclose(rse_from_se([10.5, 0.0], 0.42), [4.0, np.nan])
    np.testing.assert_allclose(moe_from_se(1.0, level=0.9), 1.6448536269514722)
    np.testing.assert_allclose(se_from_bounds(8.04, 11.96, level=0.95), 1.0, atol=2e-5)


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

levels = st.floats(0.5, 0.999)
rates = st.floats(0.0, 100.0)


@given(st.floats(0, 1e6), levels)
def test_moe_round_trip(se: float, level: float) -> None:
    back = se_from_moe(moe_from_se(se, level=level), level=level)
    np.testing.assert_allclose(back, se, rtol=1e-12, atol=1e-300)


@given(st.floats(-1e6, 1e6, allow_subnormal=False), st.floats(0, 500))
def test_rse_round_trip(est: float, rse: float) -> None:
    se = se_from_rse(est, rse)
    back = rse_from_se(est, se)
    if est == 0:
        assert np.isnan(back)
    else:
        np.testing.assert_allclose(back, rse, rtol=1e-9, atol=1e-12)


@given(st.floats(-1e3, 1e3), st.floats(0, 1e3), levels)
def test_bounds_round_trip(est: float, se: float, level: float) -> None:
    half = moe_from_se(se, level=level)
    back = se_from_bounds(est - half, est + half, level=level)
    np.testing.assert_allclose(back, se, rtol=1e-9, atol=1e-9)


@given(
    st.floats(0.0, 1.0),
    st.floats(1.0, 1e5),
    st.sampled_from(["normal", "wilson", "logit"]),
    levels,
    levels,
)
def test_rate_intervals_contain_estimate_and_widen(
    p: float, n: float, method: str, l1: float, l2: float
) -> None:
    lo_level, hi_level = sorted([l1, l2])
    if method == "logit" and p in (0.0, 1.0):
        # No logit interval at 0 or 1 (the binomial SE 0 would make it [p, p]).
        with pytest.raises(ValueError, match="method='wilson'"):
            rate_interval(
                p, unit="fraction", level=lo_level, method="logit", n_effective=n
            )
        return
    a = rate_interval(p, unit="fraction", level=lo_level, method=method, n_effective=n)  # type: ignore[arg-type]
    b = rate_interval(p, unit="fraction", level=hi_level, method=method, n_effective=n)  # type: ignore[arg-type]
    tol = 1e-12
    assert a.lower <= p + tol
    assert p - tol <= a.upper
    assert b.lower <= a.lower + tol
    assert a.upper <= b.upper + tol
    if method != "normal":
        assert b.lower >= 0
        assert b.upper <= 1
    if method == "wilson":  # exact bounds at the edges, never above/below p
        assert a.lower <= p <= a.upper


@given(
    st.lists(rates, min_size=1, max_size=5),
    st.floats(0, 1e7),
    st.floats(0, 30),
    st.one_of(st.none(), st.floats(0, 1e6)),
    levels,
)
def test_counts_never_negative(
    r: list[float], pop: float, se: float, pop_se: float | None, level: float
) -> None:
    h = headcount_interval(
        r,
        pop,
        unit="percent",
        level=level,
        method="normal",
        se=se,
        population_se=pop_se,
    )
    assert np.all(h.lower >= 0)
    assert np.all(h.lower <= h.estimate + 1e-9 * (1 + h.estimate))
    assert np.all(h.estimate <= h.upper + 1e-9 * (1 + h.upper))
    assert np.all(h.lower[h.clipped] == 0)


@given(
    st.floats(0.1, 100),
    st.floats(0.1, 100),
    st.floats(0, 5),
    st.floats(0, 5),
    st.floats(-0.9, 0.9),
    st.floats(0.25, 20),
)
def test_delta_method_matches_numerical_derivatives(
    b: float, a: float, sb: float, sa: float, rho: float, years: float
) -> None:
    # Independent check of the exact derivatives by complex-step
    # differentiation (f'(x) = Im f(x + ih) / h, exact to rounding) of
    # g(b, a) = 100 ((a/b)^(1/T) - 1) and R(b, a) = 100 (a/b - 1).
    cov = np.array([[sb * sb, rho * sb * sa], [rho * sb * sa, sa * sa]])
    h = 1e-30

    def num_se(fn: Callable[[complex, complex], complex]) -> float:
        grad = np.array([fn(b + 1j * h, a).imag / h, fn(b, a + 1j * h).imag / h])
        return float(np.sqrt(max(grad @ cov @ grad, 0.0)))

    kw = {"se_before": sb, "se_after": sa, "independent": False, "correlation": rho}
    ann = annualized_change_se(b, a, years=years, **kw)  # type: ignore[arg-type]
    rel = relative_change_se(b, a, **kw)  # type: ignore[arg-type]
    exp_ann = num_se(lambda x, y: 100 * ((y / x) ** (1 / years) - 1))
    exp_rel = num_se(lambda x, y: 100 * (y / x - 1))
    np.testing.assert_allclose(ann, exp_ann, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(rel, exp_rel, rtol=1e-9, atol=1e-12)


@given(st.lists(st.floats(0, 1), min_size=1, max_size=12))
def test_holm_between_raw_and_bonferroni(p: list[float]) -> None:
    holm = adjust_pvalues(p, method="holm")
    bonf = adjust_pvalues(p, method="bonferroni")
    arr = np.array(p)
    assert np.all(holm >= arr - 1e-15)
    assert np.all(holm <= bonf + 1e-15)
    assert np.all(bonf <= 1)
    # Holm keeps the order of the raw p-values.
    order = np.argsort(arr, kind="stable")
    assert np.all(np.diff(holm[order]) >= -1e-15)


@given(st.floats(-50, 50), st.floats(-50, 50), st.floats(0.01, 5), levels, levels)
def test_change_interval_widens_with_level(
    b: float, a: float, se: float, l1: float, l2: float
) -> None:
    lo_level, hi_level = sorted([l1, l2])
    t1 = change_test(b, a, se_before=se, se_after=se, level=lo_level, independent=True)
    t2 = change_test(b, a, se_before=se, se_after=se, level=hi_level, independent=True)
    assert t2.lower <= t1.lower <= t1.points <= t1.upper <= t2.upper
    # The interval excludes 0 exactly when the test is significant.
    assert bool(t1.significant) == bool((t1.lower > 0) | (t1.upper < 0))


def test_shapes_broadcast() -> None:
    t = change_test(
        [[1.0], [2.0]],
        [1.0, 2.0, 3.0],
        se_before=0.1,
        se_after=[0.1, 0.2, 0.3],
        level=0.9,
        independent=True,
    )
    assert t.z.shape == (2, 3)
    assert t.z.flags.writeable is False


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [90, 0, 1, -0.1, 1.5, float("nan")])
def test_level_outside_unit_interval(bad: float) -> None:
    with pytest.raises(ValueError, match="`level` must lie strictly between 0 and 1"):
        se_from_moe(1.0, level=bad)


def test_level_in_percent_gets_a_hint() -> None:
    with pytest.raises(ValueError, match=r"for 90 % pass 0.9"):
        change_test(1, 2, se_before=1, se_after=1, level=90, independent=True)


def test_float32_level_is_its_shortest_decimal() -> None:
    # np.float32(0.95) is 0.949999988079071 in binary; the level typed was
    # 0.95, so alpha is 0.05 and a p-value of exactly 0.05 is not
    # significant (p < alpha), as with level=0.95.
    lev32: Any = np.float32(0.95)
    lev16: Any = np.float16(0.9)
    assert not bool(is_significant(0.05, level=lev32))
    assert bool(is_significant(0.0499, level=lev32))
    t = change_test(
        10.0, 7.0, se_before=1.0, se_after=1.0, level=lev32, independent=True
    )
    assert t.level == 0.95
    # The same z as level=0.9 (1.644853627 * 1.0).
    assert float(moe_from_se(1.0, level=lev16)) == float(moe_from_se(1.0, level=0.9))


def test_decimal_or_fraction_level_is_taken_when_float64_holds_it() -> None:
    # Decimal("0.95") and Fraction(19, 20) are the figure 0.95 (the shortest
    # decimal of the float64 0.95): alpha is 0.05 and a p-value of exactly
    # 0.05 is not significant, as with level=0.95; z is that of 0.95
    # (1.959963985 * 1.0).
    for lev in (Decimal("0.95"), Fraction(19, 20)):
        lev_any: Any = lev
        assert not bool(is_significant(0.05, level=lev_any))
        assert float(moe_from_se(1.0, level=lev_any)) == float(
            moe_from_se(1.0, level=0.95)
        )
    # A Decimal float64 cannot hold (it would be read as 0.95) is refused,
    # as in the array arguments; a NaN Decimal is no level.
    wide: Any = Decimal("0.94999999999999999999")
    with pytest.raises(ValueError, match=r"`level` holds .* float64"):
        moe_from_se(1.0, level=wide)
    nan_level: Any = Decimal("NaN")
    with pytest.raises(ValueError, match="`level` must lie strictly between"):
        moe_from_se(1.0, level=nan_level)


@pytest.mark.parametrize(
    ("lower", "upper", "shown"),
    [
        # Fractions next to a rate in percent: 4.26 is outside [0.0326, 0.0526].
        (0.0326, 0.0526, r"4.26 outside \[0.0326, 0.0526\]"),
        # Bounds of another estimate: 4.26 is outside [5, 7].
        (5.0, 7.0, r"4.26 outside \[5.0, 7.0\]"),
    ],
)
def test_se_from_bounds_refuses_bounds_without_the_estimate(
    lower: float, upper: float, shown: str
) -> None:
    with pytest.raises(ValueError, match=r"`estimate` must lie within .*" + shown):
        se_from_bounds(lower, upper, level=0.95, estimate=4.26)
    # Named by index, counted; NaN is not judged.
    with pytest.raises(ValueError, match=r"at index 2 \(1 value\(s\) in all\)"):
        se_from_bounds(
            [3.26, np.nan, lower],
            [5.26, 5.0, upper],
            level=0.95,
            estimate=[4.26, 4.0, 4.26],
        )
    # Bounds that hold it: SE = (5.26 - 3.26) / (2 * 1.959964) = 0.5102 (by hand).
    se = se_from_bounds(3.26, 5.26, level=0.95, estimate=4.26)
    assert float(se) == pytest.approx(2.0 / (2 * 1.959963984540054))


def test_se_from_bounds_refuses_asymmetric_bounds() -> None:
    # Wilson bounds for 10 % at n_eff 50, 95 %: by hand (z = 1.959964,
    # z2n = z**2 / 50 = 0.076829) the centre is (0.1 + 0.038414) / 1.076829 =
    # 0.128539 and the half-width 1.959964 * sqrt(0.0018 + 0.0003841) /
    # 1.076829 = 0.085049, so [4.35, 21.36] % around 10: 5.65 below, 11.36
    # above. Not estimate +/- z SE, so no SE can come from them.
    with pytest.raises(
        ValueError,
        match=r"must be symmetric around `estimate`.*found \[4.35, 21.36\] around "
        r"10.0 \(1 value\(s\) in all\).*Wilson",
    ):
        se_from_bounds(4.35, 21.36, level=0.95, estimate=10.0)
    # Named by index and counted; NaN is not judged. [4.01, 5.01] around
    # 4.26 is 0.5 off, [1.5, 9.5] around 4 is 3 off (the estimate's "4"
    # allows 2 * 0.5 at most).
    with pytest.raises(ValueError, match=r"at index 2 \(2 value\(s\) in all\)"):
        se_from_bounds(
            [3.26, np.nan, 4.01, 1.5],
            [5.26, 9.0, 5.01, 9.5],
            level=0.95,
            estimate=[4.26, 4.0, 4.26, 4.0],
        )
    # Published figures, rounded to 2 decimals: 9.8651 +/- 1.9651 shows as
    # 9.87 [7.90, 11.83], read as 7.9 (a trailing zero cannot be seen). The
    # most decimals shown, 2, fix the rounding: L + U - 2E = 7.9 + 11.83 -
    # 19.74 = -0.01, within 4 * 0.005 = 0.02: kept. SE = (11.83 - 7.9) /
    # (2 * 1.959964) = 1.00257.
    se = se_from_bounds(7.9, 11.83, level=0.95, estimate=9.87)
    assert float(se) == pytest.approx(3.93 / (2 * 1.959963984540054))
    # 7.92 + 11.83 - 19.76 = -0.01 is kept; 7.91 + 11.83 - 19.76 = -0.02 is
    # exactly four half-units: each figure moves by less than half a unit
    # one way (rounding half up: true in [x - 0.005, x + 0.005)), so the sum
    # is off by strictly less than 0.02 and no symmetric interval rounds to
    # these figures: refused. So are 16, 22 around 18 (38 - 36 = 2 = 4 *
    # 0.5), and with 9.885 (3 decimals, 0.002 allowed) 0.03 off.
    se_from_bounds(7.92, 11.83, level=0.95, estimate=9.88)
    for lo, hi, est in [(7.91, 11.83, 9.88), (16, 22, 18), (7.91, 11.83, 9.885)]:
        with pytest.raises(ValueError, match="symmetric"):
            se_from_bounds(lo, hi, level=0.95, estimate=est)
    # An estimate of 19.00 reads as 19.0, but the bounds show 2 decimals:
    # 16.59 + 21.67 - 38 = 0.26 > 0.02 (a Wilson interval), refused. So is a
    # one-sided [0.00, 0.87] around 0.00 (0.87 off).
    for lo, hi, est in [(16.59, 21.67, 19.0), (0.0, 0.87, 0.0)]:
        with pytest.raises(ValueError, match="symmetric"):
            se_from_bounds(lo, hi, level=0.95, estimate=est)
    # A computed estimate (more than 8 decimals) fixes no decimals: the
    # bounds' 2 do, 7.91 + 11.83 - 2 * 9.8651234567 = 0.0098 <= 0.02.
    se_from_bounds(7.91, 11.83, level=0.95, estimate=9.8651234567)


@given(
    st.floats(0.0, 100.0),
    st.floats(0.0, 20.0),
    st.integers(0, 4),
)
def test_se_from_bounds_keeps_rounded_symmetric_intervals(
    est: float, half: float, d: int
) -> None:
    # Any estimate +/- half-width, the three figures rounded half up to the
    # same decimals (as published), is accepted: rounding is what the
    # tolerance is for.
    e = round_half_up(est, d)
    lo = round_half_up(est - half, d)
    hi = round_half_up(est + half, d)
    if not lo <= e <= hi:  # rounding pushed the estimate out: refused elsewhere
        return
    se = se_from_bounds(lo, hi, level=0.9, estimate=e)
    assert float(se) >= 0.0


def test_level_wrong_type() -> None:
    with pytest.raises(TypeError, match="`level` must be a number"):
        moe_from_se(1.0, level=True)
    with pytest.raises(TypeError, match="`level` must be a number"):
        moe_from_se(1.0, level="0.9")  # type: ignore[arg-type]


def test_negative_se() -> None:
    with pytest.raises(ValueError, match="`moe` must be >= 0"):
        se_from_moe(-1.0, level=0.9)
    with pytest.raises(ValueError, match="`se_after` must be >= 0"):
        change_test(1, 2, se_before=1, se_after=-0.5, level=0.9, independent=True)
    with pytest.raises(ValueError, match="`se` must be >= 0"):
        rate_interval(5.0, unit="percent", level=0.9, method="normal", se=-1)
    with pytest.raises(ValueError, match="`rse_pct` must be >= 0"):
        se_from_rse(5.0, -3)
    with pytest.raises(ValueError, match="`population_se` must be >= 0"):
        headcount_interval(
            5.0, 100, unit="percent", level=0.9, method="normal", se=1, population_se=-1
        )


def test_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match=r"`before` \(3,\), `after` \(2,\)"):
        change_test(
            [1, 2, 3], [1, 2], se_before=1, se_after=1, level=0.9, independent=True
        )
    with pytest.raises(ValueError, match="shapes do not broadcast"):
        rate_interval(
            [1, 2], unit="percent", level=0.9, method="wilson", n_effective=[1, 2, 3]
        )
    with pytest.raises(ValueError, match=r"`lower` .* `upper`"):
        se_from_bounds([1, 2], [3, 4, 5], level=0.9)


def test_independence_must_be_stated() -> None:
    with pytest.raises(TypeError, match="`independent` must be True or False"):
        change_test(1, 2, se_before=1, se_after=1, level=0.9, independent=1)  # type: ignore[arg-type]
    with pytest.raises(
        ValueError, match="`correlation` was given with independent=True"
    ):
        change_test(
            1, 2, se_before=1, se_after=1, level=0.9, independent=True, correlation=0.3
        )
    with pytest.raises(ValueError, match="exactly one of `correlation` and `cov`"):
        change_test(1, 2, se_before=1, se_after=1, level=0.9, independent=False)
    with pytest.raises(ValueError, match="exactly one of `correlation` and `cov`"):
        relative_change_se(
            1,
            2,
            se_before=1,
            se_after=1,
            independent=False,
            correlation=0.1,
            cov=0.1,
        )


def test_dependence_out_of_range() -> None:
    with pytest.raises(
        ValueError, match=r"`correlation` must lie in \[-1, 1\], found 1.5"
    ):
        change_test(
            1, 2, se_before=1, se_after=1, level=0.9, independent=False, correlation=1.5
        )
    with pytest.raises(ValueError, match=r"`cov` must satisfy \|cov\|"):
        change_test(
            1, 2, se_before=1, se_after=2, level=0.9, independent=False, cov=2.5
        )


def test_interval_argument_combinations() -> None:
    with pytest.raises(ValueError, match="`se` cannot be used with method='wilson'"):
        rate_interval(5.0, unit="percent", level=0.9, method="wilson", se=1.0)
    with pytest.raises(ValueError, match="method='wilson' needs `n_effective`"):
        rate_interval(5.0, unit="percent", level=0.9, method="wilson")
    with pytest.raises(ValueError, match="exactly one of `se` and `n_effective`"):
        rate_interval(
            5.0, unit="percent", level=0.9, method="normal", se=1, n_effective=9
        )
    with pytest.raises(ValueError, match="`n_effective` must be > 0"):
        rate_interval(5.0, unit="percent", level=0.9, method="logit", n_effective=0)
    with pytest.raises(ValueError, match="`method` must be one of"):
        rate_interval(5.0, unit="percent", level=0.9, method="exact", se=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`rate` must lie in"):
        rate_interval(5.0, unit="fraction", level=0.9, method="normal", se=1)
    with pytest.raises(ValueError, match="`unit` must be one of"):
        rate_interval(5.0, unit="pct", level=0.9, method="normal", se=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`cov` needs `population_se`"):
        headcount_interval(
            5.0, 100, unit="percent", level=0.9, method="normal", se=1, cov=1
        )
    with pytest.raises(ValueError, match="only method='normal'"):
        headcount_interval(
            5.0,
            100,
            unit="percent",
            level=0.9,
            method="wilson",
            n_effective=50,
            population_se=3,
        )
    with pytest.raises(ValueError, match=r"`cov` must satisfy"):
        headcount_interval(
            5.0,
            100,
            unit="percent",
            level=0.9,
            method="normal",
            se=1,
            population_se=3,
            cov=4,
        )


def test_pvalue_errors() -> None:
    with pytest.raises(ValueError, match=r"`p_value` must lie in \[0, 1\], found 1.2"):
        adjust_pvalues([0.1, 1.2], method="holm")
    with pytest.raises(ValueError, match="`method` must be one of"):
        adjust_pvalues([0.1], method="fdr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"`p_value` must lie in \[0, 1\]"):
        is_significant(-0.1, level=0.9)
    with pytest.raises(TypeError, match="`p_value` must be numeric"):
        is_significant("0.1", level=0.9)


def test_other_value_errors() -> None:
    with pytest.raises(
        ValueError, match=r"`upper` must be >= `lower`, found upper 4.0 < lower 5.0$"
    ):
        se_from_bounds(5, 4, level=0.9)
    # The second pair (index 1) is reversed.
    with pytest.raises(
        ValueError,
        match=r"`upper` must be >= `lower`, found upper 3.9 < lower 4.1 at index 1$",
    ):
        se_from_bounds([3.5, 4.1], [4.5, 3.9], level=0.9)
    with pytest.raises(ValueError, match="`years` must be > 0"):
        annualized_change_se(1, 2, years=0, se_before=1, se_after=1, independent=True)
    with pytest.raises(ValueError, match="`estimate` must be finite"):
        rse_from_se(np.inf, 1.0)


def test_one_year_annualized_se_is_undefined_for_a_negative_ratio() -> None:
    # nan ** 0 == 1 in numpy; the ratio -5/2 < 0 has no compound rate.
    out = annualized_change_se(
        -5.0, 2.0, years=1, se_before=1.0, se_after=1.0, independent=True
    )
    assert np.isnan(out)


@pytest.mark.parametrize("tiny", [5e-324, 1e-300, 2.0**-54])
def test_level_too_close_to_zero_is_refused_naming_the_limit(tiny: float) -> None:
    # 1 - level is 1 in float64 for levels up to 2**-54: refused by that
    # limit, not as outside (0, 1), which they are not.
    with pytest.raises(ValueError, match=r"`level` must be above 2\*\*-54 .*got"):
        se_from_moe(2.0, level=tiny)


def test_large_normal_intervals_checked_block_by_block_give_the_same_numbers() -> None:
    # Same-shape contiguous inputs are checked and computed in blocks of
    # 65,536 values; the numbers are exactly those of the whole-array path
    # (taken here by strided views of the same values), p -+ z s with
    # z = 1.959964 at 95 %, missing where an input is missing (a whole
    # block of them too).
    rng = np.random.default_rng(5)
    n = 300_000
    r = rng.uniform(0.0, 100.0, n)
    s = r * rng.uniform(0.0, 0.2, n)
    r[rng.random(n) < 0.01] = np.nan
    s[66_000:135_000] = np.nan
    big = rate_interval(r, unit="percent", level=0.95, method="normal", se=s)
    r2, s2 = np.repeat(r, 2)[::2], np.repeat(s, 2)[::2]
    assert not r2.flags.c_contiguous
    strided = rate_interval(r2, unit="percent", level=0.95, method="normal", se=s2)
    for name in ("estimate", "se", "lower", "upper"):
        np.testing.assert_array_equal(getattr(big, name), getattr(strided, name))
    np.testing.assert_allclose(big.lower, r - 1.959963984540054 * s, rtol=1e-12)
    np.testing.assert_allclose(big.upper, r + 1.959963984540054 * s, rtol=1e-12)
    assert not big.estimate.flags.writeable
    assert not np.shares_memory(big.estimate, r)
    bad = s.copy()
    bad[270_000] = -0.1
    with pytest.raises(ValueError, match=r"`se` must be >= 0, found -0.1 at index"):
        rate_interval(r, unit="percent", level=0.95, method="normal", se=bad)
    high = r.copy()
    high[299_000] = 101.0
    with pytest.raises(ValueError, match=r"`rate` must lie in \[0, 100\]"):
        rate_interval(high, unit="percent", level=0.95, method="normal", se=s)


@pytest.mark.parametrize(
    ("level", "at_alpha", "below"),
    [
        # alpha = 1 - level in decimal: 0.05, 0.01, 0.1, 0.2, 0.001; p = alpha
        # is not significant (p < alpha is the rule), the next float below is.
        (0.95, 0.05, np.nextafter(0.05, 0.0)),
        (0.99, 0.01, np.nextafter(0.01, 0.0)),
        (0.9, 0.1, np.nextafter(0.1, 0.0)),
        (0.8, 0.2, np.nextafter(0.2, 0.0)),
        (0.999, 0.001, np.nextafter(0.001, 0.0)),
    ],
)
def test_p_value_equal_to_alpha_is_not_significant(
    level: float, at_alpha: float, below: float
) -> None:
    # In float, 1 - 0.95 is 0.050000000000000044 > 0.05, which would call
    # p = 0.05 significant; alpha is taken in decimal from the level's repr.
    assert not bool(is_significant(at_alpha, level=level))
    assert bool(is_significant(below, level=level))


def test_adjusted_p_value_at_alpha_is_not_significant() -> None:
    # Bonferroni with m = 2: 0.025 -> 0.05, 0.5 -> 1.0; neither is < 0.05.
    adjusted = adjust_pvalues([0.025, 0.5], method="bonferroni")
    np.testing.assert_array_equal(is_significant(adjusted, level=0.95), [False, False])


def test_se_from_bounds_judges_symmetry_of_long_figures_exactly() -> None:
    # Figures of about 15 significant digits (rupiah totals of hundreds of
    # trillions): L + U - 2E on the decimals is exactly 0 in each case, so
    # the SE is (U - L) / (2 z). By hand: 9e14 + 1.1e15 - 2e15 = 0, width
    # 2e14; 9876543210.12344 + 9876543210.12346 - 19753086420.2469 = 0,
    # width 0.00002; -1e16 + 1e16 - 0 = 0, width 2e16.
    z2 = 2 * 1.959963984540054
    se = se_from_bounds(9e14, 1.1e15, level=0.95, estimate=1e15)
    assert float(se) == pytest.approx(2e14 / z2, rel=1e-15)
    se = se_from_bounds(
        9876543210.12344, 9876543210.12346, level=0.95, estimate=9876543210.12345
    )
    assert float(se) == pytest.approx(2e-5 / z2, rel=1e-9)
    for k in range(16, 40):
        big = float(f"1e{k}")
        se = se_from_bounds(-big, big, level=0.95, estimate=0.0)
        assert float(se) == pytest.approx(2 * big / z2, rel=1e-15)
    # Four half-units of the 0 decimals shown are still refused at that
    # size: 9e14 + 1.1e15 - 2 * 999999999999999 = 2 = 4 * 0.5; one less is
    # kept (9e14 + 1.1e15 - 2 * 999999999999999.5 = 1 would need a decimal:
    # take 900000000000001 + 1.1e15 - 2e15 = 1 < 2).
    with pytest.raises(ValueError, match="must be symmetric"):
        se_from_bounds(9e14, 1.1e15, level=0.95, estimate=999999999999999.0)
    se_from_bounds(900000000000001.0, 1.1e15, level=0.95, estimate=1e15)
    # [1e20, 3e20] around 2e20 is exact; around 2.00000000000001e20 the sum
    # is 2e6 off, refused.
    se_from_bounds(1e20, 3e20, level=0.95, estimate=2e20)
    with pytest.raises(ValueError, match="must be symmetric"):
        se_from_bounds(1e20, 3e20, level=0.95, estimate=2.00000000000001e20)
    # 0.01 next to 1e20: int64 cannot hold both at 2 decimal places; exact as
    # fractions. 0.01 + 2e20 - 2 * 1e20 = 0.01 < 4 * 0.005: kept; with 0.02
    # it is 0.02, exactly four half-units: refused.
    se_from_bounds(0.01, 2e20, level=0.95, estimate=1e20)
    with pytest.raises(ValueError, match="must be symmetric"):
        se_from_bounds(0.02, 2e20, level=0.95, estimate=1e20)


_decimals = st.builds(
    lambda n, e: Decimal(n).scaleb(e),
    st.integers(0, 10**15 - 1),
    st.integers(-8, 12),
)


@given(_decimals, _decimals, _decimals)
def test_se_from_bounds_symmetry_matches_exact_rule(
    a: Decimal, b: Decimal, c: Decimal
) -> None:
    # Oracle: the three figures as fractions of the decimals they are; the
    # most decimals any shows, d, gives four half-units 2 * 10**-d; refused
    # exactly when |L + U - 2E| >= that.
    lo, est, hi = sorted((a, b, c))
    d = max(max(0, -int(x.normalize().as_tuple().exponent)) for x in (lo, est, hi))
    off = abs(Fraction(lo) + Fraction(hi) - 2 * Fraction(est))
    refuse = off >= Fraction(2, 10**d)
    args = (float(lo), float(hi))
    if refuse:
        with pytest.raises(ValueError, match="must be symmetric"):
            se_from_bounds(*args, level=0.95, estimate=float(est))
    else:
        se_from_bounds(*args, level=0.95, estimate=float(est))


@given(_decimals, _decimals)
def test_se_from_bounds_keeps_exactly_symmetric_decimals(
    e: Decimal, m: Decimal
) -> None:
    # estimate +/- margin, each a decimal of at most 15 digits: kept.
    lo, hi = e - m, e + m
    if any(len(x.normalize().as_tuple().digits) > 15 for x in (lo, hi)):
        return
    se_from_bounds(float(lo), float(hi), level=0.95, estimate=float(e))
