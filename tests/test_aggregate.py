"""Tests of povstat.aggregate: sums, pooled rates, derived estimates, gap money."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import hypothesis.strategies as st
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from numpy.typing import NDArray

from povstat import round_half_up, rounding_interval
from povstat.aggregate import (
    derived_proportion,
    derived_ratio,
    pooled_rate,
    poverty_gap_money,
    sum_counts,
)
from povstat.datasets import load_east_java


def arr(x: NDArray[np.float64] | None) -> NDArray[np.float64]:
    assert x is not None
    return x


@pytest.fixture(scope="module")
def march_2023() -> pd.DataFrame:
    """The 38 regencies and cities of East Java, March 2023, and the province."""
    df = load_east_java()
    return df[(df["year"] == 2023) & (df["month"] == 3)].reset_index(drop=True)


def regencies(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["region_type"].isin(["kabupaten", "kota"])]


# --------------------------------------------------------------------------
# Cases of the issue
# --------------------------------------------------------------------------


def test_sum_of_two_estimates_with_90_percent_moes() -> None:
    # By hand: sqrt(3778**2 + 3911**2) = sqrt(29_569_205) = 5437.757...
    s = sum_counts(
        [10_154_024, 9_712_936], moe=[3_778, 3_911], level=0.90, independent=True
    )
    assert s.total == 19_866_960
    np.testing.assert_allclose(arr(s.moe), 5437.757, atol=5e-4)
    np.testing.assert_allclose(arr(s.se), 5437.7574 / 1.6448536, rtol=1e-6)
    np.testing.assert_allclose(arr(s.lower), 19_866_960 - 5437.7574, rtol=1e-9)
    assert s.dependence == "independent"
    assert s.group is None
    assert s.total.shape == ()


def test_acs_handbook_proportion() -> None:
    # ACS General Handbook (2018), ch. 8, derived proportions: 203,119
    # never-married females (MOE 5,070) of 630,498 females (MOE 831):
    # p = 0.322156, MOE = sqrt(5070**2 - 0.322156**2 * 831**2) / 630498
    # = sqrt(25_704_900 - 71_668.7) / 630498 = 0.008030.
    d = derived_proportion(
        203_119, 630_498, moe_part=5_070, moe_whole=831, level=0.90, unit="fraction"
    )
    np.testing.assert_allclose(d.estimate, 0.322156, atol=5e-7)
    np.testing.assert_allclose(d.moe, 0.008030, atol=5e-7)
    assert d.formula == "proportion"
    assert d.unit == "fraction"
    pct = derived_proportion(
        203_119, 630_498, moe_part=5_070, moe_whole=831, level=0.90, unit="percent"
    )
    np.testing.assert_allclose(pct.moe, 0.8030, atol=5e-5)


def test_east_java_regencies_sum_to_the_province_within_rounding(
    march_2023: pd.DataFrame,
) -> None:
    # BPS, Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Kabupaten/Kota, Jawa
    # Timur, March 2023 (bundled CSV): the 38 counts add to 4,188.84; the
    # published province total is 4,188.81. Each count is rounded to 0.01,
    # so the sum may be anywhere in 4,188.84 -/+ 38 * 0.005.
    kab = regencies(march_2023)
    assert len(kab) == 38
    s = sum_counts(kab["poor_thousands"], decimals=2)
    np.testing.assert_allclose(s.total, 4188.84, atol=1e-9)
    np.testing.assert_allclose(arr(s.rounding_lower), 4188.65, atol=1e-9)
    np.testing.assert_allclose(arr(s.rounding_upper), 4189.03, atol=1e-9)
    province = march_2023.loc[march_2023["region_code"] == "35", "poor_thousands"]
    assert float(province.iloc[0]) == 4188.81
    published = rounding_interval(4188.81, decimals=2)
    assert arr(s.rounding_lower) < published.upper
    assert published.lower < arr(s.rounding_upper)
    assert s.se is None
    assert s.level is None


def test_east_java_pooled_rate_within_rounding_of_the_published_rate(
    march_2023: pd.DataFrame,
) -> None:
    # BPS, Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota, Jawa
    # Timur, March 2023: province 10.35 %. Pooled from the 38 regencies:
    # 4,188.84 / sum(H_i / P_i) = 10.347 %, which rounds to the published
    # 10.35; the rounding bounds of the pooled rate contain 10.35.
    kab = regencies(march_2023)
    p = pooled_rate(
        kab["poor_thousands"],
        rate=kab["poverty_rate_pct"],
        unit="percent",
        decimals={"headcount": 2, "rate": 2},
    )
    np.testing.assert_allclose(p.rate, 10.347, atol=5e-4)
    assert float(round_half_up(p.rate, 2)) == 10.35
    assert arr(p.rounding_lower) < 10.35 < arr(p.rounding_upper)
    np.testing.assert_allclose(p.population, 40_483.83, atol=0.01)
    # The unweighted mean of the 38 rates is 10.29 %: 0.05 points low.
    mean = float(kab["poverty_rate_pct"].mean())
    np.testing.assert_allclose(mean, 10.2926, atol=5e-5)
    assert not arr(p.rounding_lower) <= mean <= arr(p.rounding_upper)


def test_malang_raya_march_2023(march_2023: pd.DataFrame) -> None:
    # BPS, March 2023: Kabupaten Malang 251.36 thousand poor (9.45 %), Kota
    # Malang 37.78 (4.26 %), Kota Batu 7.10 (3.31 %). By hand: H = 296.24;
    # N = 2659.89 + 886.85 + 214.50 = 3761.25 thousand; 296.24 / 3761.25
    # = 7.876 %. The unweighted mean (9.45 + 4.26 + 3.31) / 3 = 5.673 %.
    raya = march_2023[march_2023["region_code"].isin(["3507", "3573", "3579"])]
    p = pooled_rate(
        raya["poor_thousands"], rate=raya["poverty_rate_pct"], unit="percent"
    )
    np.testing.assert_allclose(p.headcount, 296.24, atol=1e-9)
    np.testing.assert_allclose(p.rate, 7.876, atol=5e-4)
    np.testing.assert_allclose(p.population, 3761.25, atol=0.01)
    mean = float(raya["poverty_rate_pct"].mean())
    np.testing.assert_allclose(mean, 5.6733, atol=1e-4)
    assert abs(float(p.rate) - mean) > 2


def test_kota_malang_gap_money() -> None:
    # BPS, Kota Malang, March 2023: P1 0.76 (x100), P0 4.26 %, 37.78
    # thousand poor, poverty line Rp 674,660 per capita per month. By hand:
    # mean shortfall 0.76 / 4.26 * 674,660 = 0.178404 * 674,660 = Rp 120,361.9
    # per poor person per month; total 120,361.9 * 37,780 = Rp 4.5473 billion
    # per month. Bounds: 0.755 / 4.265 * 674,659.5 = 119,429.8 and
    # 0.765 / 4.255 * 674,660.5 = 121,296.2; totals 119,429.8 * 37,775
    # = 4.5115e9 and 121,296.2 * 37,785 = 4.5832e9.
    g = poverty_gap_money(
        0.76,
        4.26,
        674_660,
        headcount=37.78,
        unit="percent",
        count_unit="thousands",
        decimals={"p1": 2, "rate": 2, "poverty_line": 0, "headcount": 2},
    )
    np.testing.assert_allclose(g.mean_shortfall, 120_361.9, atol=0.05)
    np.testing.assert_allclose(g.total, 4.5473e9, rtol=1e-4)
    np.testing.assert_allclose(arr(g.mean_shortfall_lower), 119_429.8, atol=0.05)
    np.testing.assert_allclose(arr(g.mean_shortfall_upper), 121_296.2, atol=0.05)
    np.testing.assert_allclose(arr(g.total_lower), 4.5115e9, rtol=1e-4)
    np.testing.assert_allclose(arr(g.total_upper), 4.5832e9, rtol=1e-4)
    # The same with the implied population (886.85 thousand): P1 z N
    # = 0.0076 * 674,660 * 886,850 = 4,547,248,879.6 (by hand).
    h = poverty_gap_money(
        0.76,
        4.26,
        674_660,
        population=886.85,
        unit="percent",
        count_unit="thousands",
    )
    np.testing.assert_allclose(h.total, 4_547_248_879.6, rtol=1e-12)
    assert h.total_lower is None
    # As an index (fraction) the same money.
    f = poverty_gap_money(
        0.0076, 0.0426, 674_660, headcount=37_780, unit="fraction", count_unit="persons"
    )
    np.testing.assert_allclose(f.total, g.total, rtol=1e-12)
    np.testing.assert_allclose(f.mean_shortfall, g.mean_shortfall, rtol=1e-12)


def test_gap_money_bounds_respect_p1_at_most_p0() -> None:
    # P1 = P0 = 4.26 % (2 decimals), line Rp 674,660 (0 decimals), 37.78
    # thousand poor (2 decimals). The true P1 and P0 lie in [4.255, 4.265)
    # with P1 <= P0, so P1/P0 is at most 1 (not 4.265 / 4.255 = 1.00235) and
    # the mean shortfall at most the line's upper end, Rp 674,660.5. By hand:
    # upper 1 * 674,660.5 = 674,660.5; lower 4.255 / 4.265 * 674,659.5
    # = 0.997655 * 674,659.5 = 673,077.65; total upper 674,660.5 * 37,785
    # = 25,492,046,992.5.
    g = poverty_gap_money(
        4.26,
        4.26,
        674_660,
        headcount=37.78,
        unit="percent",
        count_unit="thousands",
        decimals={"p1": 2, "rate": 2, "poverty_line": 0, "headcount": 2},
    )
    assert float(arr(g.mean_shortfall_upper)) == 674_660.5
    np.testing.assert_allclose(arr(g.mean_shortfall_lower), 673_077.65, atol=0.005)
    np.testing.assert_allclose(arr(g.total_upper), 25_492_046_992.5, rtol=1e-12)
    # P1 published to fewer decimals than P0: P1 4.3 (1 decimal, [4.25,
    # 4.35)), P0 4.31 (2 decimals, [4.305, 4.315)), line Rp 500,000 and
    # 1,000 thousand people (0 decimals). P1 <= P0 < 4.315, so P1 is at most
    # 4.315, not 4.35. By hand: total upper 500,000.5 * 0.04315 * 1,000,500
    # = 21,585,809,085.79; total lower 0.0425 * 499,999.5 * 999,500
    # = 21,239,353,760.63; mean upper min(4.315 / 4.305, 1) * 500,000.5
    # = 500,000.5; mean lower 4.25 / 4.315 * 499,999.5 = 492,467.64.
    h = poverty_gap_money(
        4.3,
        4.31,
        500_000,
        population=1_000,
        unit="percent",
        count_unit="thousands",
        decimals={"p1": 1, "rate": 2, "poverty_line": 0, "population": 0},
    )
    np.testing.assert_allclose(arr(h.total_upper), 21_585_809_085.79, rtol=1e-11)
    np.testing.assert_allclose(arr(h.total_lower), 21_239_353_760.63, rtol=1e-11)
    assert float(arr(h.mean_shortfall_upper)) == 500_000.5
    np.testing.assert_allclose(arr(h.mean_shortfall_lower), 492_467.64, atol=0.005)


@given(
    st.integers(0, 10_000),
    st.integers(1, 10_000),
    st.integers(1, 2_000_000),
    st.integers(1, 100_000),
    st.floats(0, 1),
    st.booleans(),
)
def test_gap_money_bounds_hold_the_true_values(
    p1_int: int, p0_int: int, line: int, count: int, jitter: float, by_headcount: bool
) -> None:
    # True values with P1 <= P0 in percent (4 decimals); published to 2
    # decimals (half up), line to 0 and the count to 0. The bounds must hold
    # the true mean and total, and the mean's upper bound never exceeds the
    # line's upper end (P1/P0 <= 1).
    p0 = p0_int / 100.0
    p1 = min(p1_int / 100.0, p0) * jitter
    z = line + jitter / 4
    n = count + jitter / 4
    true_mean = p1 / p0 * z
    if by_headcount:
        kw: dict[str, Any] = {"headcount": round_half_up(p0 / 100 * n, 0)}
        true_total = true_mean * p0 / 100 * n
        count_name = "headcount"
    else:
        kw = {"population": round_half_up(n, 0)}
        true_total = p1 / 100 * z * n
        count_name = "population"
    g = poverty_gap_money(
        round_half_up(p1, 2),
        round_half_up(p0, 2),
        round_half_up(z, 0),
        unit="percent",
        count_unit="persons",
        decimals={"p1": 2, "rate": 2, "poverty_line": 0, count_name: 0},
        **kw,
    )
    if np.isnan(g.mean_shortfall):
        return
    tol = 1e-9 * max(true_mean, 1.0)
    assert arr(g.mean_shortfall_lower) - tol <= true_mean
    assert true_mean <= arr(g.mean_shortfall_upper) + tol
    assert float(arr(g.mean_shortfall_upper)) <= float(round_half_up(z, 0)) + 0.5
    ttol = 1e-9 * max(true_total, 1.0)
    assert arr(g.total_lower) - ttol <= true_total <= arr(g.total_upper) + ttol


# --------------------------------------------------------------------------
# Sums: dependence, zero estimates, groups, missing values
# --------------------------------------------------------------------------


def test_sum_with_a_common_correlation() -> None:
    # By hand: 3778**2 + 3911**2 + 2 * 0.5 * 3778 * 3911 = 44_344_963, SE
    # of the MOE scale sqrt(44_344_963) = 6659.2.
    s = sum_counts(
        [10_154_024, 9_712_936],
        moe=[3_778, 3_911],
        level=0.90,
        independent=False,
        correlation=0.5,
    )
    np.testing.assert_allclose(arr(s.moe), np.sqrt(44_344_963), rtol=1e-12)
    assert s.dependence == "correlation"


def test_sum_with_a_covariance_matrix() -> None:
    # By hand: 1' [[4, 1], [1, 9]] 1 = 15.
    s = sum_counts(
        [3.0, 5.0], cov=[[4.0, 1.0], [1.0, 9.0]], level=0.95, independent=False
    )
    np.testing.assert_allclose(arr(s.se), np.sqrt(15.0), rtol=1e-12)
    assert s.dependence == "covariance"


def test_a_matrix_or_correlation_states_the_dependence() -> None:
    # `cov` or `correlation` alone is a statement of dependence: the same sums
    # as with independent=False. By hand: var = 4 + 9 + 2 * 0.5 * 2 * 3 = 19.
    s = sum_counts([3.0, 5.0], cov=[[4.0, 1.0], [1.0, 9.0]], level=0.95)
    np.testing.assert_allclose(arr(s.se), np.sqrt(15.0), rtol=1e-12)
    assert s.dependence == "covariance"
    r = sum_counts([3.0, 5.0], se=[2.0, 3.0], correlation=0.5, level=0.95)
    np.testing.assert_allclose(arr(r.se), np.sqrt(19.0), rtol=1e-12)
    assert r.dependence == "correlation"
    # Two regions of equal population, rate SEs 1 point, uncorrelated:
    # var = 0.5**2 + 0.5**2 = 0.5.
    p = pooled_rate(
        [1.0, 2.0],
        population=[10.0, 10.0],
        unit="percent",
        se=[1.0, 1.0],
        correlation=0.0,
        level=0.9,
    )
    np.testing.assert_allclose(arr(p.se), np.sqrt(0.5), rtol=1e-12)


def test_covariance_matrix_by_group() -> None:
    # Groups a = rows 0 and 2, b = row 1: var(a) = 4 + 16 + 2 * 2 = 24;
    # var(b) = 9 (the covariances across groups do not enter).
    cov = [[4.0, 1.0, 2.0], [1.0, 9.0, 0.5], [2.0, 0.5, 16.0]]
    s = sum_counts(
        [1.0, 2.0, 3.0], cov=cov, by=["a", "b", "a"], level=0.9, independent=False
    )
    assert list(arr(s.group)) == ["a", "b"]
    np.testing.assert_allclose(s.total, [4.0, 2.0])
    np.testing.assert_allclose(arr(s.se), np.sqrt([24.0, 9.0]), rtol=1e-12)


def test_acs_rule_for_several_zero_estimates() -> None:
    # ACS General Handbook (2018), ch. 8: with several zero estimates only
    # the largest of their MOEs enters, once. By hand: zeros with MOE 5 and 8,
    # a 10 with MOE 3: sqrt(8**2 + 3**2) = sqrt(73); counting each zero:
    # sqrt(25 + 64 + 9) = sqrt(98).
    kw: dict[str, Any] = {"moe": [5.0, 8.0, 3.0], "level": 0.90, "independent": True}
    acs = sum_counts([0.0, 0.0, 10.0], zero_estimates="largest", **kw)
    each = sum_counts([0.0, 0.0, 10.0], **kw)
    np.testing.assert_allclose(arr(acs.moe), np.sqrt(73.0), rtol=1e-12)
    np.testing.assert_allclose(arr(each.moe), np.sqrt(98.0), rtol=1e-12)
    # Per group: group x has zeros 5 and 8 -> 8; group y one zero 4 and a 2.
    g = sum_counts(
        [0.0, 0.0, 0.0, 7.0],
        moe=[5.0, 8.0, 4.0, 2.0],
        by=["x", "x", "y", "y"],
        level=0.90,
        independent=True,
        zero_estimates="largest",
    )
    np.testing.assert_allclose(arr(g.moe), [8.0, np.sqrt(20.0)], rtol=1e-12)


def test_correlation_and_level_as_decimal_or_float32() -> None:
    # A common correlation of 0.5 given as Decimal("0.5"), Fraction(1, 2) or
    # np.float32(0.5), and a level of Decimal("0.9"), are the figures 0.5
    # and 0.9: the same sum as with floats. By hand (SE 3 and 4): 9 + 16
    # + 2 * 0.5 * 3 * 4 = 37, SE sqrt(37). np.float32(0.3) is the figure
    # 0.3 (not 0.30000001192...): 9 + 16 + 2 * 0.3 * 12 = 32.2.
    kw: dict[str, Any] = {"se": [3.0, 4.0], "independent": False}
    rhos: list[Any] = [Decimal("0.5"), Fraction(1, 2), np.float32(0.5)]
    lev: Any = Decimal("0.9")
    for rho in rhos:
        s = sum_counts([1.0, 2.0], correlation=rho, level=lev, **kw)
        assert float(arr(s.se)) == float(np.sqrt(37.0))
        assert s.level == 0.9
    rho32: Any = np.float32(0.3)
    s32 = sum_counts([1.0, 2.0], correlation=rho32, level=0.9, **kw)
    ref = sum_counts([1.0, 2.0], correlation=0.3, level=0.9, **kw)
    assert float(arr(s32.se)) == float(arr(ref.se))
    np.testing.assert_allclose(arr(ref.se), np.sqrt(32.2), rtol=1e-15)
    # A Decimal float64 cannot hold is refused; a bool is no correlation.
    wide: Any = Decimal("0.30000000000000000001")
    with pytest.raises(ValueError, match=r"`correlation` holds .* float64"):
        sum_counts([1.0, 2.0], correlation=wide, level=0.9, **kw)
    flag: Any = np.bool_(True)
    with pytest.raises(TypeError, match="`correlation` must be one number"):
        sum_counts([1.0, 2.0], correlation=flag, level=0.9, **kw)


def test_acs_rule_with_a_missing_error_warns_nothing() -> None:
    # A missing MOE among the zero estimates makes its group's sum NaN under
    # nan_policy="propagate", with no numpy warning (warnings are errors in
    # this suite); the other group is untouched. By hand: group b has zeros
    # with MOE 5 and 4, so its MOE is the largest, 5.
    s = sum_counts(
        [0.0, 0.0, 0.0, 0.0],
        moe=[3.0, np.nan, 5.0, 4.0],
        by=["a", "a", "b", "b"],
        level=0.9,
        independent=True,
        zero_estimates="largest",
    )
    assert np.isnan(arr(s.moe)[0])
    assert np.isnan(s.total[0])
    np.testing.assert_allclose(arr(s.moe)[1], 5.0, rtol=1e-12)
    # Omitted, the row with the missing MOE leaves group a with one zero,
    # MOE 3.
    o = sum_counts(
        [0.0, 0.0, 0.0, 0.0],
        moe=[3.0, np.nan, 5.0, 4.0],
        by=["a", "a", "b", "b"],
        level=0.9,
        independent=True,
        zero_estimates="largest",
        nan_policy="omit",
    )
    np.testing.assert_allclose(arr(o.moe), [3.0, 5.0], rtol=1e-12)


_NAN_CALLS: list[tuple[str, Any]] = [
    (
        "sum_counts largest",
        lambda x: sum_counts(
            [0.0, 0.0, x],
            moe=[x, 1.0, 2.0],
            level=0.9,
            independent=True,
            zero_estimates="largest",
            decimals=0,
        ),
    ),
    (
        "sum_counts correlation",
        lambda x: sum_counts(
            [1.0, x, 3.0], se=[x, 1.0, 2.0], level=0.9, correlation=0.3, by=[1, 1, 2]
        ),
    ),
    (
        "sum_counts cov",
        lambda x: sum_counts(
            [1.0, x, 3.0], cov=np.eye(3), level=0.9, independent=False, decimals=0
        ),
    ),
    (
        "pooled_rate rate",
        lambda x: pooled_rate(
            [1.0, x, 3.0],
            rate=[10.0, 20.0, x],
            se=[0.1, x, 0.2],
            level=0.9,
            independent=True,
            unit="percent",
            decimals={"headcount": 0, "rate": 0},
        ),
    ),
    (
        "pooled_rate population",
        lambda x: pooled_rate(
            [1.0, x, 0.0],
            population=[10.0, 20.0, x],
            cov=np.eye(3),
            level=0.9,
            unit="percent",
            decimals={"headcount": 0, "population": 0},
        ),
    ),
    (
        "derived_proportion",
        lambda x: derived_proportion(
            [x, 1.0, 0.0],
            [2.0, x, 0.0],
            se_part=x,
            se_whole=0.1,
            level=0.9,
            unit="percent",
        ),
    ),
    (
        "derived_ratio",
        lambda x: derived_ratio(
            [x, 1.0, 0.0],
            [2.0, x, 0.0],
            se_numerator=x,
            se_denominator=0.1,
            correlation=x,
            independent=False,
            level=0.9,
        ),
    ),
    (
        "poverty_gap_money",
        lambda x: poverty_gap_money(
            [x, 0.0, 0.5],
            [1.0, 0.0, x],
            [x, 100.0, 100.0],
            headcount=[x, 0.0, 1.0],
            unit="percent",
            count_unit="persons",
            decimals={"p1": 1, "rate": 1, "poverty_line": 0, "headcount": 0},
        ),
    ),
]


@pytest.mark.parametrize(("name", "call"), _NAN_CALLS, ids=[c[0] for c in _NAN_CALLS])
def test_missing_values_raise_no_numpy_warning(name: str, call: Any) -> None:
    # Missing values (NaN, and zeros beside them) propagate as NaN without a
    # numpy RuntimeWarning: the suite turns warnings into errors, so any
    # "invalid value" or "divide by zero" leaking out fails here.
    result = call(np.nan)
    assert any(np.isnan(np.asarray(v, dtype=float)).any() for v in _floats(result))


def _floats(result: Any) -> list[Any]:
    return [
        v
        for v in attrs.asdict(result, recurse=False).values()
        if isinstance(v, np.ndarray) and v.dtype.kind == "f"
    ]


def test_groups_are_sorted_and_each_sum_is_its_own() -> None:
    s = sum_counts(
        [1.0, 2.0, 3.0, 4.0],
        se=[1.0, 2.0, 2.0, 1.0],
        by=[2, 1, 2, 1],
        level=0.95,
        independent=True,
    )
    assert list(arr(s.group)) == [1, 2]
    np.testing.assert_allclose(s.total, [6.0, 4.0])
    np.testing.assert_allclose(arr(s.se), np.sqrt([5.0, 5.0]))
    frame = s.to_frame()
    assert list(frame.columns) == [
        "group",
        "total",
        "total_se",
        "total_moe",
        "total_lower",
        "total_upper",
    ]
    assert frame["total"].tolist() == [6.0, 4.0]


def test_missing_values_follow_nan_policy() -> None:
    est = [1.0, np.nan, 3.0]
    se = [1.0, 1.0, 1.0]
    kw: dict[str, Any] = {"se": se, "level": 0.9, "independent": True}
    prop = sum_counts(est, **kw)
    assert np.isnan(prop.total)
    assert np.isnan(arr(prop.se))
    omit = sum_counts(est, nan_policy="omit", **kw)
    assert omit.total == 4.0
    np.testing.assert_allclose(arr(omit.se), np.sqrt(2.0))
    with pytest.raises(ValueError, match=r"`estimate` is missing \(NaN\) at index 1"):
        sum_counts(est, nan_policy="raise", **kw)
    # A group whose every row is omitted has no sum (NaN), not 0.
    g = sum_counts(est, by=["a", "b", "a"], nan_policy="omit", **kw)
    assert np.isnan(g.total[1])
    assert g.total[0] == 4.0


def test_count_sum_repr_shows_every_field() -> None:
    s = sum_counts([1.0, 2.0], se=[1.0, 1.0], level=0.9, independent=True)
    text = repr(s)
    for name in [
        "group=",
        "total=",
        "se=",
        "moe=",
        "lower=",
        "upper=",
        "rounding_lower=",
        "rounding_upper=",
        "level=",
        "dependence=",
    ]:
        assert name in text
    with pytest.raises(ValueError, match="read-only"):
        s.total[...] = 0.0


# --------------------------------------------------------------------------
# Pooled rates
# --------------------------------------------------------------------------


def test_pooled_rate_se_with_known_populations() -> None:
    # By hand: N = 100, 300; rates 10 %, 20 % with SE 1 and 2 points,
    # independent. w = 0.25, 0.75: Var = 0.0625 * 1 + 0.5625 * 4 = 2.3125;
    # SE = 1.5207 points; SE of the 70 poor = 400 * 1.5207 / 100 = 6.0828.
    p = pooled_rate(
        [10.0, 60.0],
        population=[100.0, 300.0],
        unit="percent",
        se=[1.0, 2.0],
        level=0.95,
        independent=True,
    )
    np.testing.assert_allclose(p.rate, 17.5)
    np.testing.assert_allclose(arr(p.se), np.sqrt(2.3125), rtol=1e-12)
    np.testing.assert_allclose(arr(p.headcount_se), 4 * np.sqrt(2.3125), rtol=1e-12)
    np.testing.assert_allclose(
        arr(p.upper), 17.5 + 1.959964 * np.sqrt(2.3125), rtol=1e-6
    )
    # With a covariance 0.5 between the two rates: + 2 * 0.25 * 0.75 * 0.5.
    c = pooled_rate(
        [10.0, 60.0],
        population=[100.0, 300.0],
        unit="percent",
        cov=[[1.0, 0.5], [0.5, 4.0]],
        level=0.95,
        independent=False,
    )
    np.testing.assert_allclose(arr(c.se), np.sqrt(2.3125 + 0.1875), rtol=1e-12)


def test_pooled_rate_with_population_rounding() -> None:
    # By hand: H in [9.995, 10.005) + [59.995, 60.005); N in [99.5, 100.5) +
    # [299.5, 300.5): 69.99 / 401 = 17.454 %, 70.01 / 399 = 17.546 %.
    p = pooled_rate(
        [10.0, 60.0],
        population=[100.0, 300.0],
        unit="percent",
        decimals={"headcount": 2, "population": 0},
    )
    np.testing.assert_allclose(arr(p.rounding_lower), 100 * 69.99 / 401, rtol=1e-12)
    np.testing.assert_allclose(arr(p.rounding_upper), 100 * 70.01 / 399, rtol=1e-12)
    frame = p.to_frame()
    assert "pooled_rate_rounding_lower" in frame.columns
    assert "pooled_rate_se" not in frame.columns


def test_pooled_rate_by_group_in_fraction() -> None:
    p = pooled_rate(
        [10.0, 60.0, 5.0],
        population=[100.0, 300.0, 50.0],
        by=["b", "b", "a"],
        unit="fraction",
    )
    assert list(arr(p.group)) == ["a", "b"]
    np.testing.assert_allclose(p.rate, [0.1, 0.175])
    assert p.unit == "fraction"


# --------------------------------------------------------------------------
# Derived proportions and ratios
# --------------------------------------------------------------------------


def test_proportion_falls_back_to_the_ratio_formula() -> None:
    # By hand: 100 (MOE 5) of 200 (MOE 20): p = 0.5, radicand 25 - 0.25 *
    # 400 = -75 < 0, so the ratio formula: sqrt(25 + 100) / 200 = 0.0559017.
    d = derived_proportion(
        [100.0, 203_119.0],
        [200.0, 630_498.0],
        moe_part=[5.0, 5_070.0],
        moe_whole=[20.0, 831.0],
        level=0.90,
        unit="fraction",
    )
    np.testing.assert_allclose(d.moe[0], np.sqrt(125.0) / 200, rtol=1e-12)
    assert d.formula.tolist() == ["ratio", "proportion"]
    assert list(d.to_frame()["derived_formula"]) == ["ratio", "proportion"]


def test_proportion_from_standard_errors() -> None:
    # The same formula on SEs: sqrt(3**2 - 0.25**2 * 4**2) / 40 = sqrt(8) / 40.
    d = derived_proportion(
        10.0, 40.0, se_part=3.0, se_whole=4.0, level=0.95, unit="fraction"
    )
    np.testing.assert_allclose(d.se, np.sqrt(8.0) / 40, rtol=1e-12)
    np.testing.assert_allclose(d.moe, 1.959964 * np.sqrt(8.0) / 40, rtol=1e-6)


def test_ratio_independent_and_correlated() -> None:
    # ACS ratio formula, by hand: 10 / 20 with SEs 1 and 2: sqrt(1 + 0.25 *
    # 4) / 20 = sqrt(2) / 20. With correlation 0.5, Cov = 0.5 * 1 * 2 = 1:
    # sqrt(1 + 1 - 2 * 0.5 * 1) / 20 = 1 / 20.
    ind = derived_ratio(
        10.0, 20.0, se_numerator=1.0, se_denominator=2.0, level=0.9, independent=True
    )
    np.testing.assert_allclose(ind.estimate, 0.5)
    np.testing.assert_allclose(ind.se, np.sqrt(2.0) / 20, rtol=1e-12)
    cor = derived_ratio(
        10.0,
        20.0,
        se_numerator=1.0,
        se_denominator=2.0,
        level=0.9,
        independent=False,
        correlation=0.5,
    )
    np.testing.assert_allclose(cor.se, 1 / 20, rtol=1e-12)
    assert ind.unit is None
    assert ind.formula == "ratio"


# --------------------------------------------------------------------------
# Hypothesis properties
# --------------------------------------------------------------------------

counts = st.lists(
    st.tuples(st.floats(0, 1e7), st.floats(0, 1e5)), min_size=1, max_size=12
)


@given(counts, st.randoms(use_true_random=False))
def test_sum_is_invariant_to_the_order_of_its_parts(
    rows: list[tuple[float, float]], rnd: Any
) -> None:
    est, se = (np.array(v) for v in zip(*rows, strict=True))
    perm = np.array(rnd.sample(range(len(rows)), len(rows)))
    labels = np.array([i % 3 for i in range(len(rows))])
    kw: dict[str, Any] = {"level": 0.9, "independent": False, "correlation": 0.3}
    a = sum_counts(est, se=se, by=labels, **kw)
    b = sum_counts(est[perm], se=se[perm], by=labels[perm], **kw)
    assert a == b  # exactly: the sums are taken in a canonical order


@given(counts, st.randoms(use_true_random=False))
def test_sum_with_a_covariance_matrix_is_invariant_to_row_order(
    rows: list[tuple[float, float]], rnd: Any
) -> None:
    est, se = (np.array(v) for v in zip(*rows, strict=True))
    # A valid covariance: a common correlation of 0.4 between all pairs.
    cov = 0.4 * np.outer(se, se) + 0.6 * np.diag(se**2)
    perm = np.array(rnd.sample(range(len(rows)), len(rows)))
    labels = np.array([i % 2 for i in range(len(rows))])
    kw: dict[str, Any] = {"level": 0.9, "independent": False}
    a = sum_counts(est, cov=cov, by=labels, **kw)
    b = sum_counts(est[perm], cov=cov[np.ix_(perm, perm)], by=labels[perm], **kw)
    assert a == b
    c = sum_counts(est, se=se, by=labels, correlation=0.4, **kw)
    np.testing.assert_allclose(arr(a.se), arr(c.se), rtol=1e-9, atol=1e-9)


@given(counts)
def test_zero_correlation_and_diagonal_cov_equal_the_independent_path(
    rows: list[tuple[float, float]],
) -> None:
    est, se = (np.array(v) for v in zip(*rows, strict=True))
    ind = sum_counts(est, se=se, level=0.9, independent=True)
    rho0 = sum_counts(est, se=se, level=0.9, independent=False, correlation=0.0)
    cov = sum_counts(est, cov=np.diag(se**2), level=0.9, independent=False)
    np.testing.assert_allclose(arr(rho0.se), arr(ind.se), rtol=1e-12)
    np.testing.assert_allclose(arr(cov.se), arr(ind.se), rtol=1e-9, atol=1e-9)
    p_ind = pooled_rate(
        est, population=est * 2 + 1, unit="percent", se=se, level=0.9, independent=True
    )
    p_rho = pooled_rate(
        est,
        population=est * 2 + 1,
        unit="percent",
        se=se,
        level=0.9,
        independent=False,
        correlation=0.0,
    )
    np.testing.assert_allclose(arr(p_rho.se), arr(p_ind.se), rtol=1e-12)


@given(counts, st.lists(st.sampled_from("abc"), min_size=12, max_size=12))
def test_a_grouped_sum_equals_the_sum_of_each_group(
    rows: list[tuple[float, float]], labels: list[str]
) -> None:
    est, se = (np.array(v) for v in zip(*rows, strict=True))
    lab = np.array(labels[: len(rows)])
    kw: dict[str, Any] = {"level": 0.9, "independent": True}
    grouped = sum_counts(est, se=se, by=lab, **kw)
    for i, g in enumerate(arr(grouped.group)):
        one = sum_counts(est[lab == g], se=se[lab == g], **kw)
        assert grouped.total[i] == one.total
        assert arr(grouped.se)[i] == arr(one.se)


@given(st.floats(0.01, 100), st.just(0.0) | st.floats(1e-6, 1e6))
def test_pooling_one_region_returns_its_rate(rate: float, headcount: float) -> None:
    p = pooled_rate([headcount], rate=[rate], unit="percent")
    if headcount == 0:
        assert np.isnan(p.rate)
    else:
        np.testing.assert_allclose(p.rate, rate, rtol=1e-12)


@given(st.lists(st.floats(0, 100), min_size=1, max_size=10))
def test_gap_money_total_is_mean_shortfall_times_the_poor(p1s: list[float]) -> None:
    p1 = np.array(p1s)
    rate = np.minimum(p1 * 3, 100.0)
    g = poverty_gap_money(
        p1, rate, 500_000, population=1_000, unit="percent", count_unit="persons"
    )
    poor = rate / 100 * 1_000
    expect = np.where(rate > 0, g.mean_shortfall * poor, 0.0)
    np.testing.assert_allclose(g.total, expect, rtol=1e-9, atol=1e-6)


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------

ERRORS: list[tuple[str, Any, type[Exception], str]] = [
    (
        "no dependence",
        lambda: sum_counts([1.0], se=[1.0], level=0.9),
        ValueError,
        "state the dependence",
    ),
    (
        "independent not bool",
        lambda: sum_counts([1.0], se=[1.0], level=0.9, independent=1),  # type: ignore[arg-type]
        TypeError,
        "independent",
    ),
    (
        "correlation with independent",
        lambda: sum_counts(
            [1.0], se=[1.0], level=0.9, independent=True, correlation=0.2
        ),
        ValueError,
        "independent=True",
    ),
    (
        "neither correlation nor cov",
        lambda: sum_counts([1.0], se=[1.0], level=0.9, independent=False),
        ValueError,
        "exactly one of `correlation` and `cov`",
    ),
    (
        "both correlation and cov",
        lambda: sum_counts(
            [1.0], level=0.9, independent=False, correlation=0.1, cov=[[1.0]]
        ),
        ValueError,
        "got both",
    ),
    (
        "correlation out of range",
        lambda: sum_counts(
            [1.0], se=[1.0], level=0.9, independent=False, correlation=1.5
        ),
        ValueError,
        r"\[-1, 1\]",
    ),
    (
        "correlation not a number",
        lambda: sum_counts(
            [1.0],
            se=[1.0],
            level=0.9,
            independent=False,
            correlation=[0.1],  # type: ignore[arg-type]
        ),
        TypeError,
        "one number",
    ),
    (
        "negative common correlation",
        lambda: sum_counts(
            [1.0, 1.0, 1.0],
            se=[1.0, 1.0, 1.0],
            level=0.9,
            independent=False,
            correlation=-0.9,
        ),
        ValueError,
        "negative variance",
    ),
    (
        "cov with se",
        lambda: sum_counts([1.0], se=[1.0], level=0.9, independent=False, cov=[[1.0]]),
        ValueError,
        "diagonal",
    ),
    (
        "cov wrong shape",
        lambda: sum_counts([1.0, 2.0], level=0.9, independent=False, cov=[[1.0]]),
        ValueError,
        "2 x 2",
    ),
    (
        "cov not symmetric",
        lambda: sum_counts(
            [1.0, 2.0], level=0.9, independent=False, cov=[[1.0, 0.5], [0.1, 1.0]]
        ),
        ValueError,
        # The entries as numbers, not numpy reprs (np.float64(0.5)).
        r"symmetric, found cov\[0, 1\] = 0.5 and cov\[1, 0\] = 0.1$",
    ),
    (
        "cov not psd",
        lambda: sum_counts(
            [1.0, 2.0], level=0.9, independent=False, cov=[[1.0, 2.0], [2.0, 1.0]]
        ),
        ValueError,
        "positive semi-definite",
    ),
    (
        "cov with nan",
        lambda: sum_counts(
            [1.0, 2.0],
            level=0.9,
            independent=False,
            cov=[[1.0, np.nan], [np.nan, 1.0]],
        ),
        ValueError,
        "NaN",
    ),
    (
        "se and moe",
        lambda: sum_counts([1.0], se=[1.0], moe=[1.0], level=0.9, independent=True),
        ValueError,
        "not both",
    ),
    (
        "errors without level",
        lambda: sum_counts([1.0], se=[1.0], independent=True),
        ValueError,
        "`level` is required",
    ),
    (
        "moe without level",
        lambda: pooled_rate(
            [1.0], rate=[2.0], unit="percent", moe=[1.0], independent=True
        ),
        ValueError,
        "`moe` needs the `level`",
    ),
    (
        "dependence without errors",
        lambda: sum_counts([1.0], independent=True),
        ValueError,
        "describes the errors",
    ),
    (
        "independent without errors",
        lambda: sum_counts([1.0], se=None, level=0.9, independent=True),
        ValueError,
        "describes the errors",
    ),
    (
        "negative count",
        lambda: sum_counts([-1.0]),
        ValueError,
        "`estimate` must be >= 0",
    ),
    (
        "negative se",
        lambda: sum_counts([1.0], se=[-1.0], level=0.9, independent=True),
        ValueError,
        "`se` must be >= 0",
    ),
    (
        "se of wrong length",
        lambda: sum_counts([1.0, 2.0, 3.0], se=[1.0, 2.0], level=0.9, independent=True),
        ValueError,
        "`se` must have 3 values",
    ),
    (
        "estimate not 1-d",
        lambda: sum_counts([[1.0, 2.0]]),
        ValueError,
        "`estimate` must be 1-d",
    ),
    (
        "non-numeric estimate",
        lambda: sum_counts(["a"]),
        TypeError,
        "`estimate` must be numeric",
    ),
    (
        "zero rule with correlation",
        lambda: sum_counts(
            [0.0],
            se=[1.0],
            level=0.9,
            independent=False,
            correlation=0.1,
            zero_estimates="largest",
        ),
        ValueError,
        "ACS rule",
    ),
    (
        "unknown zero rule",
        lambda: sum_counts([0.0], zero_estimates="all"),  # type: ignore[arg-type]
        ValueError,
        "zero_estimates",
    ),
    (
        "unknown nan policy",
        lambda: sum_counts([0.0], nan_policy="last"),  # type: ignore[arg-type]
        ValueError,
        "nan_policy",
    ),
    (
        "by of wrong length",
        lambda: sum_counts([1.0, 2.0], by=["a"]),
        ValueError,
        "`by` must be a 1-d array of 2 labels",
    ),
    (
        "missing label",
        lambda: sum_counts([1.0, 2.0], by=["a", None]),  # type: ignore[arg-type]
        ValueError,
        "missing labels",
    ),
    (
        "mixed labels",
        lambda: sum_counts([1.0, 2.0], by=np.array(["a", 1], dtype=object)),
        TypeError,
        "one kind",
    ),
    (
        "not rounded",
        lambda: sum_counts([1.234], decimals=2),
        ValueError,
        "rounded to 2 decimals",
    ),
    (
        "bad level",
        lambda: sum_counts([1.0], se=[1.0], level=90, independent=True),
        ValueError,
        "level",
    ),
    (
        "rate and population",
        lambda: pooled_rate([1.0], rate=[2.0], population=[50.0], unit="percent"),
        ValueError,
        "exactly one of `rate` and `population`",
    ),
    (
        "neither rate nor population",
        lambda: pooled_rate([1.0], unit="percent"),
        ValueError,
        "got neither",
    ),
    (
        "rate out of range",
        lambda: pooled_rate([1.0], rate=[20.0], unit="fraction"),
        ValueError,
        "`rate` must lie in",
    ),
    (
        "unknown unit",
        lambda: pooled_rate([1.0], rate=[2.0], unit="pct"),  # type: ignore[arg-type]
        ValueError,
        "unit",
    ),
    (
        "headcount above population",
        lambda: pooled_rate([60.0], population=[50.0], unit="percent"),
        ValueError,
        "must not exceed `population`",
    ),
    (
        "decimals missing an input",
        lambda: pooled_rate([1.0], rate=[2.0], unit="percent", decimals={"rate": 2}),
        ValueError,
        r"\['headcount', 'rate'\]",
    ),
    (
        "decimals not a mapping",
        lambda: pooled_rate([1.0], rate=[2.0], unit="percent", decimals=2),  # type: ignore[arg-type]
        TypeError,
        "mapping",
    ),
    (
        "headcount not rounded",
        lambda: pooled_rate(
            [1.234], rate=[2.0], unit="percent", decimals={"rate": 2, "headcount": 2}
        ),
        ValueError,
        "`headcount` must hold figures rounded to 2 decimals, found 1.234 at index 0",
    ),
    (
        "rate not rounded",
        lambda: pooled_rate(
            [1.0], rate=[2.123], unit="percent", decimals={"rate": 2, "headcount": 2}
        ),
        ValueError,
        "`rate` must hold figures rounded to 2 decimals, found 2.123 at index 0",
    ),
    (
        "part above whole",
        lambda: derived_proportion(
            5.0, 4.0, se_part=1.0, se_whole=1.0, level=0.9, unit="fraction"
        ),
        ValueError,
        "`part` must not exceed `whole`",
    ),
    (
        "mixed se and moe",
        lambda: derived_proportion(
            1.0, 4.0, se_part=1.0, moe_whole=1.0, level=0.9, unit="fraction"
        ),
        ValueError,
        "give both `se_part` and `se_whole`",
    ),
    (
        "negative moe",
        lambda: derived_proportion(
            1.0, 4.0, moe_part=-1.0, moe_whole=1.0, level=0.9, unit="fraction"
        ),
        ValueError,
        "`moe_part` must be >= 0",
    ),
    (
        "ratio correlation with independent",
        lambda: derived_ratio(
            1.0,
            2.0,
            se_numerator=1.0,
            se_denominator=1.0,
            level=0.9,
            independent=True,
            correlation=0.2,
        ),
        ValueError,
        "independent=True",
    ),
    (
        "ratio without correlation",
        lambda: derived_ratio(
            1.0, 2.0, se_numerator=1.0, se_denominator=1.0, level=0.9, independent=False
        ),
        ValueError,
        "give the `correlation`",
    ),
    (
        "ratio correlation out of range",
        lambda: derived_ratio(
            1.0,
            2.0,
            se_numerator=1.0,
            se_denominator=1.0,
            level=0.9,
            independent=False,
            correlation=-2.0,
        ),
        ValueError,
        r"`correlation` must lie in \[-1, 1\]",
    ),
    (
        "ratio infinite",
        lambda: derived_ratio(
            np.inf,
            2.0,
            se_numerator=1.0,
            se_denominator=1.0,
            level=0.9,
            independent=True,
        ),
        ValueError,
        "`numerator` must be finite",
    ),
    (
        "p1 above rate",
        lambda: poverty_gap_money(
            4.26, 0.76, 674_660, headcount=37.78, unit="percent", count_unit="thousands"
        ),
        ValueError,
        "swapped",
    ),
    (
        "unknown count unit",
        lambda: poverty_gap_money(
            0.76,
            4.26,
            674_660,
            headcount=37.78,
            unit="percent",
            count_unit="ribu",  # type: ignore[arg-type]
        ),
        ValueError,
        "count_unit",
    ),
    (
        "headcount and population",
        lambda: poverty_gap_money(
            0.76,
            4.26,
            674_660,
            headcount=37.78,
            population=886.85,
            unit="percent",
            count_unit="thousands",
        ),
        ValueError,
        "exactly one of `headcount` and `population`",
    ),
    (
        "negative poverty line",
        lambda: poverty_gap_money(
            0.76, 4.26, -1.0, headcount=37.78, unit="percent", count_unit="thousands"
        ),
        ValueError,
        "`poverty_line` must be >= 0",
    ),
    (
        "gap decimals incomplete",
        lambda: poverty_gap_money(
            0.76,
            4.26,
            674_660,
            headcount=37.78,
            unit="percent",
            count_unit="thousands",
            decimals={"p1": 2},
        ),
        ValueError,
        "poverty_line",
    ),
    (
        "gap shapes",
        lambda: poverty_gap_money(
            [0.76, 0.5],
            [4.26, 3.0, 2.0],
            674_660,
            headcount=37.78,
            unit="percent",
            count_unit="thousands",
        ),
        ValueError,
        "shapes do not broadcast",
    ),
]


@pytest.mark.parametrize(
    ("call", "kind", "match"),
    [pytest.param(c, k, m, id=i) for i, c, k, m in ERRORS],
)
def test_errors(call: Any, kind: type[Exception], match: str) -> None:
    with pytest.raises(kind, match=match):
        call()


def test_inputs_are_not_modified() -> None:
    est = np.array([1.0, 2.0])
    se = np.array([0.5, 0.5])
    cov = np.array([[1.0, 0.0], [0.0, 1.0]])
    sum_counts(est, se=se, level=0.9, independent=True, by=np.array(["b", "a"]))
    sum_counts(est, cov=cov, level=0.9, independent=False)
    np.testing.assert_array_equal(est, [1.0, 2.0])
    np.testing.assert_array_equal(se, [0.5, 0.5])
    np.testing.assert_array_equal(cov, np.eye(2))


# --------------------------------------------------------------------------
# Group labels: one shared check for every function that takes `by`
# --------------------------------------------------------------------------


def _by_users(by: Any) -> list[Any]:
    """Every array function that groups by `by`, called on three values."""
    from povstat import rank, rank_confidence_sets

    return [
        lambda: sum_counts([1.0, 2.0, 3.0], by=by),
        lambda: pooled_rate(
            [10.0, 20.0, 30.0], rate=[1.0, 2.0, 3.0], unit="percent", by=by
        ),
        lambda: rank([1.0, 2.0, 3.0], descending=True, by=by),
        lambda: rank_confidence_sets(
            [1.0, 2.0, 3.0],
            se=[0.1, 0.1, 0.1],
            descending=True,
            level=0.9,
            method="bonferroni",
            simultaneous=False,
            by=by,
        ),
    ]


@pytest.mark.parametrize(
    "by",
    [
        [1, "1", 2],  # int and str: numpy turns 1 into '1'
        [1, 1.0, True],  # int, float and bool: numpy turns all into 1.0
        [2023, 2023.0, 2024],
        np.array([1, "1", 2], dtype=object),
        pd.Series([1, "1", 2], dtype=object),
        [True, 1, 0],
    ],
)
def test_labels_differing_only_in_type_are_refused(by: Any) -> None:
    # Before, sum_counts([1, 2, 3], by=[1, "1", 2]) gave groups ['1', '2']
    # with totals [3, 3]: 1 and "1" merged. Every `by` user refuses instead.
    for call in _by_users(by):
        with pytest.raises(TypeError, match="labels must be of one kind"):
            call()


@pytest.mark.parametrize(
    "by",
    [
        pd.array(["a", pd.NA, "a"]),  # pandas.NA: `x != x` raised TypeError
        pd.Series(["a", None, "a"]),
        ["a", None, "a"],
        np.array([1.0, np.nan, 1.0]),
        np.array(["2023-01-01", "NaT", "2023-01-01"], dtype="datetime64[D]"),
        np.ma.masked_array([1, 2, 1], mask=[False, True, False]),
    ],
)
def test_missing_labels_are_refused_by_every_by_user(by: Any) -> None:
    for call in _by_users(by):
        with pytest.raises(ValueError, match="missing labels"):
            call()


def test_labels_of_one_kind_still_group() -> None:
    # Bools alone, ints alone and strings alone are fine. Worked by hand:
    # values 1, 2, 3 with by [True, False, True] -> False: 2, True: 1 + 3 = 4.
    r = sum_counts([1.0, 2.0, 3.0], by=[True, False, True])
    np.testing.assert_array_equal(r.total, [2.0, 4.0])
    strings: Any = pd.array(["b", "a", "b"])
    r = sum_counts([1.0, 2.0, 3.0], by=strings)
    np.testing.assert_array_equal(r.total, [2.0, 4.0])
    assert r.group is not None
    assert r.group.tolist() == ["a", "b"]


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: sum_counts([]), "`estimate` is empty: no counts to sum"),
        (lambda: sum_counts(np.empty(0), by=[]), "`estimate` is empty"),
        (
            lambda: sum_counts([], se=[], level=0.9, independent=True, decimals=1),
            "`estimate` is empty",
        ),
        (
            lambda: pooled_rate([], rate=[], unit="percent"),
            "`headcount` is empty: no regions to pool",
        ),
        (
            lambda: pooled_rate([], population=[], unit="fraction", by=[]),
            "`headcount` is empty",
        ),
    ],
)
def test_empty_input_is_refused_not_nan(call: Any, match: str) -> None:
    # Before: a total, rate and bounds of NaN (or empty arrays) without a word.
    with pytest.raises(ValueError, match=match):
        call()


def test_pooled_rate_refuses_a_rate_of_zero() -> None:
    # A region with rate 0 % and 0 poor has no implied population (0 / 0):
    # before, the pooled rate was NaN without a word, and nan_policy="omit"
    # dropped the region, pooling 10 / (10 / 0.05) = 5 % instead of counting
    # the 0 % region's people. Refused under every policy, naming the row.
    for policy in ("propagate", "omit", "raise"):
        with pytest.raises(
            ValueError,
            match=r"`rate` is 0 at rows \[0\]: the population cannot be implied "
            r"from a rate of 0; pass `population=`",
        ):
            pooled_rate([0.0, 10.0], unit="percent", rate=[0.0, 5.0], nan_policy=policy)
    # With populations given the 0 % region counts: (0 + 10) / (100 + 200)
    # = 3.333... %.
    p = pooled_rate([0.0, 10.0], unit="percent", population=[100.0, 200.0])
    np.testing.assert_allclose(p.rate, 10.0 / 300.0 * 100.0, rtol=1e-12)
    # A missing rate is still omitted under "omit": 10 / 200 = 5 %.
    q = pooled_rate(
        [np.nan, 10.0], unit="percent", rate=[np.nan, 5.0], nan_policy="omit"
    )
    np.testing.assert_allclose(q.rate, 5.0, rtol=1e-12)


def test_aggregate_regions_names_the_regions_with_a_rate_of_zero() -> None:
    from povstat import aggregate_regions

    df = pd.DataFrame(
        {
            "region_code": ["3501", "3502", "3503"],
            "period": pd.to_datetime(["2023-03-01"] * 3),
            "poor_thousands": [0.0, 10.0, 0.0],
            "poverty_rate_pct": [0.0, 5.0, 0.0],
        }
    )
    with pytest.raises(
        ValueError,
        match=r"'poverty_rate_pct' is 0 for region\(s\) '3501', '3503': the "
        r"population cannot be implied from a rate of 0; pass `population=`",
    ):
        aggregate_regions(
            df,
            groups={"g": ["3501", "3502", "3503"]},
            unit="percent",
            nan_policy="omit",
        )


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"population": [10.0]}, "population"),
        ({"population": [10.0, 10.0]}, "population"),
        ({"rate": [5.0]}, "rate"),
        ({"population": [10.0, 10.0, 10.0], "se": [1.0]}, "se"),
        ({"population": [10.0, 10.0, 10.0], "moe": [1.0, 1.0]}, "moe"),
    ],
)
def test_pooled_rate_refuses_inputs_of_another_length(
    kwargs: dict[str, Any], name: str
) -> None:
    # Three regions: a length-1 population would be stretched over all
    # three (a pooled rate of 9 / 30 = 30 % from one region's population).
    errors: dict[str, Any] = {}
    if {"se", "moe"} & set(kwargs):
        errors = {"level": 0.95, "independent": True}
    with pytest.raises(
        ValueError, match=rf"`{name}` must have 3 values \(one per row\)"
    ):
        pooled_rate([5.0, 1.0, 3.0], unit="percent", **kwargs, **errors)


def test_pooled_rate_scalar_stands_for_every_region() -> None:
    # A 0-d population of 10 for each of three regions: 9 / 30 = 30 %.
    p = pooled_rate([5.0, 1.0, 3.0], population=10.0, unit="percent")
    np.testing.assert_allclose(p.rate, 30.0)


def test_rounding_bounds_of_published_zeros_are_not_negative() -> None:
    # Counts are >= 0: a published 0 (thousands, decimals=-3) is in [0, 500),
    # not (-500, 500). 0 + 2000 + 0 is then at least 0 + 1500 + 0 = 1500 and
    # below 500 + 2500 + 500 = 3500.
    s = sum_counts([0, 2000, 0], decimals=-3)
    assert arr(s.rounding_lower) == 1500.0
    assert arr(s.rounding_upper) == 3500.0
    # At one decimal: 0.0 in [0, 0.05), 1.5 in [1.45, 1.55): at least 1.45.
    s = sum_counts([0.0, 1.5], decimals=1)
    np.testing.assert_allclose(arr(s.rounding_lower), 1.45, rtol=1e-15)
    # A pooled rate with a region of 0 poor: its headcount bound starts at 0.
    p = pooled_rate(
        [0.0, 10.0],
        unit="percent",
        population=[100.0, 100.0],
        decimals={"headcount": 0, "population": 0},
    )
    # Lowest: (0 + 9.5) / (100.5 + 100.5) = 4.726 %, not (-0.5 + 9.5) / 201.
    np.testing.assert_allclose(arr(p.rounding_lower), 100 * 9.5 / 201.0, rtol=1e-12)


def test_published_figures_have_one_float_noise_policy() -> None:
    # 0.1 + 0.2 is 0.30000000000000004, the figure 0.3 with float noise: every
    # function that takes figures with their decimals reads it as 0.3 (as
    # check_headcount_change_statement does); 4.263 at 2 decimals is not
    # rounded and is refused, naming the argument and its index.
    from povstat import decomposition_bounds, rounding_interval

    iv = rounding_interval(0.1 + 0.2, 1)
    assert (float(iv.lower), float(iv.upper)) == (0.25, 0.35)
    s = sum_counts([0.1 + 0.2, 1.0], decimals=1)
    assert arr(s.rounding_lower) == 1.2  # 0.25 + 0.95
    with pytest.raises(
        ValueError,
        match=r"`rate_after` must hold figures rounded to 2 decimals, found 4.263$",
    ):
        decomposition_bounds(4.37, 4.263, 880.0, 886.0, unit="percent", rate_decimals=2)
    with pytest.raises(
        ValueError,
        match=r"`population_before` must hold figures rounded to 0 decimals, "
        r"found 880.5$",
    ):
        decomposition_bounds(
            4.37,
            4.26,
            880.5,
            886.0,
            unit="percent",
            rate_decimals=2,
            population_decimals=0,
        )
    with pytest.raises(ValueError, match=r"`estimate` .* found 1.25 at index 1"):
        sum_counts([1.2, 1.25], decimals=1)


def test_sum_counts_rounding_bounds_are_exact_decimals() -> None:
    # 2.1 + 2.6 + 0.2 + 0.9 + 1.9 = 7.7 at 1 decimal: each lies within
    # 0.05, so the total within 7.7 -+ 5 * 0.05 = [7.45, 7.95) by hand,
    # exactly (a float sum of the bounds is 7.949999999999999, which rounds
    # half up to 7.9).
    res = sum_counts([2.1, 2.6, 0.2, 0.9, 1.9], decimals=1)
    assert res.rounding_lower is not None
    assert res.rounding_upper is not None
    assert float(res.rounding_lower) == 7.45
    assert float(res.rounding_upper) == 7.95


def test_totals_are_exact_decimal_sums() -> None:
    # 8.76 + 4.39 = 13.15 by hand; the float sum is 13.149999999999999,
    # which rounds half up to 13.1 at 1 decimal instead of 13.2.
    for dec in (2, None):
        s = sum_counts([8.76, 4.39], decimals=dec)
        assert float(s.total) == 13.15
        assert float(round_half_up(s.total, 1)) == 13.2
    # Pooled over 100 + 100 people: 13.15 / 200 * 100 = 6.575 % by hand.
    for decimals in ({"headcount": 2, "population": 0}, None):
        p = pooled_rate(
            [8.76, 4.39], unit="percent", population=[100.0, 100.0], decimals=decimals
        )
        assert float(p.headcount) == 13.15
        assert float(p.rate) == 6.575
        assert float(round_half_up(p.rate, 2)) == 6.58
    # Counts published with float noise (0.1 + 0.2) stand for their figure
    # at `decimals` places: 0.3 + 1.0 = 1.3.
    assert float(sum_counts([0.1 + 0.2, 1.0], decimals=1).total) == 1.3
    # Thousands (decimals=-3): 12,000 + 3,000 = 15,000.
    assert float(sum_counts([12_000.0, 3_000.0], decimals=-3).total) == 15_000.0
    # Values that are no decimal figure of at most 6 places keep the float
    # sum (documented float noise): 1/3 + 0.2.
    assert float(sum_counts([1 / 3, 0.2]).total) == 1 / 3 + 0.2


@given(
    st.lists(st.integers(0, 10**9), min_size=1, max_size=20),
    st.integers(0, 4),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_sum_of_decimal_figures_is_the_nearest_float_to_the_exact_sum(
    units: list[int], d: int, given_decimals: bool, rnd: Any
) -> None:
    # Figures k_i / 10**d: their exact sum is sum(k_i) / 10**d, and the total
    # is the float nearest to it (Fraction -> float rounds correctly), in
    # every order of the rows and in every group.
    figures = np.array([float(Fraction(k, 10**d)) for k in units])
    labels = np.array([i % 2 for i in range(len(units))])
    perm = np.array(rnd.sample(range(len(units)), len(units)))
    dec = d if given_decimals else None
    res = sum_counts(figures[perm], by=labels[perm], decimals=dec)
    groups = [g for g in (0, 1) if (labels == g).any()]
    exact = [float(Fraction(sum(np.array(units)[labels == g]), 10**d)) for g in groups]
    assert res.total.tolist() == exact
    pop = figures + 1.0
    p = pooled_rate(figures, unit="fraction", population=pop)
    assert float(p.headcount) == float(Fraction(sum(units), 10**d))


@given(
    st.lists(st.floats(1e-3, 1e3), min_size=1, max_size=8),
    st.sampled_from([-900, -600, -300, 300, 600, 900]),
    st.sampled_from(["independent", "correlation", "covariance"]),
)
def test_errors_of_a_sum_scale_exactly_with_the_errors(
    se: list[float], power: int, dependence: str
) -> None:
    # The SE of a sum is homogeneous of degree 1 in the SEs: times 2**power
    # (exact), it is the SE of the unscaled errors times 2**power, bit for
    # bit. Squares of SEs of 2**600 overflowed (and of 2**-600 underflowed):
    # the caller's finite SEs then gave an error about an infinite `se`.
    s = np.array(se)
    f = float(np.ldexp(1.0, power))
    est = np.ones(s.size)
    kw: dict[str, Any] = {"level": 0.9}

    def sd(scale: float) -> float:
        if dependence == "covariance":
            c = np.diag((s * s) * (scale * scale)) if abs(power) <= 500 else None
            if c is None:
                return float(
                    arr(sum_counts(est, se=s * scale, independent=True, **kw).se)
                )
            return float(arr(sum_counts(est, cov=c, **kw).se))
        if dependence == "correlation":
            return float(arr(sum_counts(est, se=s * scale, correlation=0.3, **kw).se))
        return float(arr(sum_counts(est, se=s * scale, independent=True, **kw).se))

    assert sd(f) == sd(1.0) * f


def test_sums_beyond_float64_are_refused_naming_the_argument() -> None:
    # SEs of 1e200: the SE of the sum of two independent counts is
    # sqrt(2) * 1e200 = 1.4142135623730951e200 (by hand), not an error
    # about an infinite `se`.
    s = sum_counts([1.0, 2.0], se=[1e200, 1e200], level=0.9, independent=True)
    assert float(arr(s.se)) == pytest.approx(1.4142135623730951e200, rel=1e-15)
    p = pooled_rate(
        [1.0, 2.0],
        population=[10.0, 10.0],
        unit="percent",
        se=[1e200, 1e200],
        level=0.9,
        independent=True,
    )
    # SE of (10 P1 + 10 P2) / 20 = sqrt(2) * 1e200 / 2 (by hand).
    assert float(arr(p.se)) == pytest.approx(7.0710678118654755e199, rel=1e-15)
    # Results beyond float64 (about 1.8e308) are refused, naming the input.
    with pytest.raises(ValueError, match=r"margin of error of the sum .*`se`"):
        sum_counts([1.0, 2.0], se=[1e308, 1e308], level=0.9, independent=True)
    with pytest.raises(ValueError, match=r"`moe` 1e\+308 at index 0 .*beyond float64"):
        sum_counts([1.0, 2.0], moe=[1e308, 1e308], level=0.1, independent=True)
    with pytest.raises(ValueError, match=r"margin of error of the sum .*`moe`"):
        sum_counts([1.0, 2.0], moe=[1.6e308, 1.6e308], level=0.9, independent=True)
    with pytest.raises(ValueError, match=r"standard error of the sum .*`se`"):
        sum_counts([1.0, 2.0], se=[1.5e308, 1.5e308], level=0.9, independent=True)
    # A covariance matrix of 1e308 everywhere: Var = 4e308 (beyond float64),
    # SE = sqrt(4e308) = 2e154 (by hand), which float64 holds.
    big = sum_counts([1.0, 2.0], cov=[[1e308, 1e308], [1e308, 1e308]], level=0.9)
    assert float(arr(big.se)) == pytest.approx(2e154, rel=1e-15)
    with pytest.raises(ValueError, match=r"the sum for group 'a' exceeds.*`estimate`"):
        sum_counts([1e308, 1e308, 1.0], by=["a", "a", "b"])
    with pytest.raises(ValueError, match=r"total population exceeds.*`population`"):
        pooled_rate([1.0, 2.0], population=[1e308, 1e308], unit="percent")


@pytest.mark.parametrize(
    ("one", "other", "plain"),
    [
        (np.float32(0.1), 0.1, 0.1),  # float32 stands for its shortest decimal
        (np.int64(3), 3, 3),
        (-0.0, 0.0, 0.0),
        (np.str_("a"), "a", "a"),
    ],
)
@pytest.mark.parametrize("container", ["object", "list"])
def test_equal_labels_give_one_label_whatever_the_row_order(
    one: Any, other: Any, plain: Any, container: str
) -> None:
    # `one` and `other` compare equal and are merged into one group; its
    # label was whichever came first (np.float32(0.1) or 0.1). It is now the
    # plain value `plain`, of one type, in both orders (by hand: the group
    # holds rows 0 and 1, 1 + 2 = 3).
    from povstat import rank_confidence_sets

    third = "b" if isinstance(plain, str) else plain + 1

    def by(a: Any, b: Any) -> Any:
        items = [a, b, third]
        if container == "list":
            return items
        arr_ = np.empty(3, dtype=object)
        arr_[:] = items
        return arr_

    results = []
    for a, b in ((one, other), (other, one)):
        s = sum_counts([1.0, 2.0, 3.0], by=by(a, b))
        assert s.group is not None
        first = s.group.tolist()[0]
        assert first == plain
        assert type(first) is type(plain)
        assert repr(first) == repr(plain)  # 0.0, never -0.0
        np.testing.assert_array_equal(s.total, [3.0, 3.0])
        cs = rank_confidence_sets(
            [1.0, 2.0, 3.0],
            se=[1.0, 1.0, 1.0],
            descending=True,
            level=0.9,
            method="sidak",
            simultaneous=True,
            by=by(a, b),
        )
        results.append((s.group.tolist(), cs.lower.tolist(), cs.upper.tolist()))
    assert results[0] == results[1]
    # A float array with -0.0 and 0.0 is one group labelled 0.0 too.
    s0 = sum_counts([1.0, 2.0], by=np.array([-0.0, 0.0]))
    assert s0.group is not None
    assert repr(s0.group.tolist()) == "[0.0]"


def test_a_covariance_of_subnormal_variances_is_scaled_without_overflow() -> None:
    # se 8.9e-156: its variance 7.921e-311 is subnormal, and the factor
    # bringing it near 1 is about 2**1030, beyond float64 as one product;
    # the sum of one count has the count's own se, 8.9e-156.
    se = np.array([8.9e-156])
    out = sum_counts([1.0], cov=np.diag(se**2), level=0.9, independent=False)
    np.testing.assert_allclose(arr(out.se), se, rtol=1e-9)


def test_a_group_total_does_not_depend_on_the_other_groups() -> None:
    # Group b: 0.8 + 0.99999 = 1.79999 exactly (five decimals), as alone,
    # although group a holds 1.5703125, a figure of seven decimals that
    # makes group a (only) a float sum.
    grouped = sum_counts([1.5703125, 0.8, 0.99999], by=["a", "b", "b"])
    alone = sum_counts([0.8, 0.99999])
    assert arr(grouped.total)[1] == float(alone.total) == 1.79999
    assert arr(grouped.total)[0] == 1.5703125


def test_sum_counts_large_totals_are_the_float_nearest_the_decimal_sum() -> None:
    # 9e15 + 0.5 + 0.5 = 9000000000000001 exactly (a float: below 2**53 and
    # whole); the old route 90000000000000010 / 10 rounded twice, to ...002.
    assert float(sum_counts([9e15, 0.5, 0.5]).total) == 9000000000000001.0
    # 1660671406.437142 + 4297164056.894897 = 5957835463.332039 by hand;
    # 4297164056.894897 * 1e6 is 4297164056894898 after rint (the scaling
    # rounded), giving ...33204.
    t = sum_counts([1660671406.437142, 4297164056.894897]).total
    assert float(t) == 5957835463.332039
    # pooled_rate shares the summation: headcounts of 6 decimals.
    r = pooled_rate(
        [1660671406.437142, 4297164056.894897],
        population=[1e10, 1e10],
        unit="percent",
    )
    assert float(r.headcount) == 5957835463.332039


@given(
    st.lists(
        st.tuples(st.integers(0, 10**15), st.integers(0, 6)),
        min_size=1,
        max_size=6,
    ),
    st.integers(0, 2),
)
def test_sum_counts_total_is_the_correctly_rounded_decimal_sum(
    figures: list[tuple[int, int]], extra: int
) -> None:
    # Figures of 0-6 decimals (as typed: the float nearest to digits / 10**d,
    # read through its shortest repr). The total must be the float nearest
    # to the exact rational sum, with the decimals inferred or stated.
    xs = [float(Decimal(m).scaleb(-d)) for m, d in figures]
    exact = float(sum(Fraction(Decimal(repr(v))) for v in xs))
    assert float(sum_counts(xs).total) == exact
    places = min(max(d for _, d in figures) + extra, 6)
    if max(xs) < 10.0 ** (14 - places):  # stated decimals: 15 digits at most
        assert float(sum_counts(xs, decimals=places).total) == exact


# Figures of 7 to 10 decimals are added as decimals, not as floats.


def test_sum_counts_seven_decimals_exact_tie() -> None:
    # By hand: 3 * 2483.1314525 = 7449.3943575 exactly, a tie at 6 decimals
    # that rounds half up to 7449.394358 (the float sum is
    # 7449.394357499999). Bounds: 7449.3943575 -+ 3 * 0.00000005
    # = 7449.39435735 and 7449.39435765.
    s = sum_counts([2483.1314525] * 3, decimals=7)
    assert float(s.total) == 7449.3943575
    assert round_half_up(float(s.total), 6) == 7449.394358
    assert float(arr(s.rounding_lower)) == 7449.39435735
    assert float(arr(s.rounding_upper)) == 7449.39435765
    # By hand: 0.0740631 + 0.0642307 + 0.0399838 + 0.0621076 = 0.2403852;
    # lower bound 0.2403852 - 4 * 0.00000005 = 0.240385.
    s = sum_counts([0.0740631, 0.0642307, 0.0399838, 0.0621076], decimals=7)
    assert float(s.total) == 0.2403852
    assert float(arr(s.rounding_lower)) == 0.240385


def test_pooled_rate_seven_decimals_exact_tie() -> None:
    # By hand: headcount 3 * 2483.1314525 = 7449.3943575, population
    # 20902.5 + 86385.7 + 49822.3 = 157110.5; 7449.3943575 / 157110.5
    # = 0.047415 exactly, so 4.7415 % (a tie at 3 decimals: 4.742).
    p = pooled_rate(
        [2483.1314525] * 3,
        unit="percent",
        population=[20902.5, 86385.7, 49822.3],
        decimals={"headcount": 7, "population": 1},
    )
    assert float(p.rate) == 4.7415
    assert round_half_up(float(p.rate), 3) == 4.742


@given(
    d=st.integers(-6, 10),
    units=st.lists(st.integers(0, 10**12), min_size=1, max_size=8),
)
def test_sum_counts_exact_for_every_decimals(d: int, units: list[int]) -> None:
    # Figures u / 10**d (at most 12 significant digits, so each float reads
    # back as its decimal): the total is the float nearest the exact sum,
    # and the rounding bounds the floats nearest sum -+ n / 2 / 10**d
    # (the lower one at least 0 per figure).
    figures = [Fraction(u) / Fraction(10) ** d for u in units]
    s = sum_counts([float(f) for f in figures], decimals=d)
    assert float(s.total) == float(sum(figures))
    half = Fraction(1, 2) / Fraction(10) ** d
    lower = sum(max(f - half, Fraction(0)) for f in figures)
    assert float(arr(s.rounding_lower)) == float(lower)
    assert float(arr(s.rounding_upper)) == float(sum(figures) + len(figures) * half)


def test_sum_counts_infers_up_to_ten_decimals() -> None:
    # By hand, without `decimals`: 0.0740631 + 0.0642307 + 0.0399838
    # + 0.0621076 = 0.2403852 (the float sum is 0.24038520000000002);
    # 1/3 shows more than 10 decimals and is added in float.
    assert float(sum_counts([0.0740631, 0.0642307, 0.0399838, 0.0621076]).total) == (
        0.2403852
    )
    assert float(sum_counts([1 / 3, 1 / 3, 1 / 3]).total) == 1.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: sum_counts([251.36, 37.78, 7.105], by=["a", "b", "a"], decimals=2),
            "`estimate` must hold figures rounded to 2 decimals, found 7.105 "
            "at index 2",
        ),
        (
            lambda: pooled_rate(
                [251.36, 37.78, 7.105],
                rate=[9.45, 4.26, 3.31],
                unit="percent",
                decimals={"headcount": 2, "rate": 2},
            ),
            "`headcount` must hold figures rounded to 2 decimals, found 7.105 "
            "at index 2",
        ),
        (
            lambda: pooled_rate(
                [251.36, 37.78, 7.10],
                population=[2000.0, 800.0, 200.5],
                unit="percent",
                decimals={"headcount": 2, "population": 0},
            ),
            "`population` must hold figures rounded to 0 decimals, found 200.5 "
            "at index 2",
        ),
    ],
)
def test_unrounded_figure_named_by_the_callers_index(
    call: Callable[[], object], message: str
) -> None:
    # The figures are summed in an order of their own (by group, then by
    # value); the unrounded figure is the caller's third (index 2), never its
    # place in that order (index 0 for 7.105, the smallest of group 'a').
    with pytest.raises(ValueError, match=re.escape(message) + "$"):
        call()
