from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    annualized_change,
    decimal_year,
    decompose_headcount_change,
    implied_population,
    rate_change,
    recovery_share,
    relative_change,
)


def test_points_and_percent_with_unit() -> None:
    # Worked by hand: 11.9 - 12.4 = -0.5 pp; -0.5 / 12.4 = -4.032 %.
    c = rate_change(12.4, 11.9, unit="percent")
    np.testing.assert_allclose(c.points, -0.5)
    np.testing.assert_allclose(c.relative, -4.0323, atol=5e-5)
    assert c.unit == "percent"
    assert c.points_label == "percentage points"


def test_kota_malang_2022_2023() -> None:
    # BPS P0 table (March rounds): Kota Malang 4.37 (2022), 4.26 (2023).
    # By hand: -0.11 pp; -0.11 / 4.37 = -2.517 %.
    c = rate_change(4.37, 4.26, unit="percent")
    np.testing.assert_allclose(c.points, -0.11, atol=1e-12)
    np.testing.assert_allclose(c.relative, -2.5172, atol=5e-5)


def test_fraction_unit_gives_fraction_points_same_relative() -> None:
    a = rate_change(0.124, 0.119, unit="fraction")
    b = rate_change(12.4, 11.9, unit="percent")
    np.testing.assert_allclose(a.points * 100, b.points)
    np.testing.assert_allclose(a.relative, b.relative)
    assert a.points_label == "fraction"


@given(st.floats(0.01, 1), st.floats(0, 1))
def test_rate_change_unit_invariance(b: float, a: float) -> None:
    f = rate_change(b, a, unit="fraction")
    p = rate_change(100 * b, 100 * a, unit="percent")
    np.testing.assert_allclose(p.points, 100 * f.points, atol=1e-9)
    np.testing.assert_allclose(p.relative, f.relative, rtol=1e-9, atol=1e-9)


def test_zero_baseline_gives_nan_relative_not_inf() -> None:
    c = rate_change([0.0, 0.0], [0.0, 5.0], unit="percent")
    assert np.isnan(c.relative).all()
    np.testing.assert_array_equal(c.points, [0.0, 5.0])
    assert np.isnan(relative_change(0, 10))


def test_missing_value_is_not_skipped() -> None:
    # 2015 = 11.13, 2016 missing, 2017 = 10.12: consecutive changes undefined.
    series = np.array([11.13, np.nan, 10.12])
    c = rate_change(series[:-1], series[1:], unit="percent")
    assert np.isnan(c.points).all()


def test_two_year_change_across_missing_year() -> None:
    # By hand: 10.12 - 11.13 = -1.01 pp over 2 years = -0.505 pp/yr;
    # relative -1.01/11.13 = -9.075 %;
    # compound sqrt(10.12/11.13) - 1 = sqrt(0.909254) - 1 = -4.6452 %.
    a = annualized_change(11.13, 10.12, years=2, unit="percent")
    np.testing.assert_allclose(a.points, -1.01, atol=1e-12)
    np.testing.assert_allclose(a.points_per_year, -0.505, atol=1e-12)
    np.testing.assert_allclose(a.relative, -9.0746, atol=5e-5)
    np.testing.assert_allclose(a.compound_per_year, -4.6452, atol=5e-5)
    np.testing.assert_allclose(a.years, 2.0)


def test_compound_ten_percent_a_year() -> None:
    # +10 %/yr for two years: 1.1**2 = 1.21, i.e. +21 % in total.
    a = annualized_change(10.0, 12.1, years=2, unit="percent")
    np.testing.assert_allclose(a.relative, 21.0)
    np.testing.assert_allclose(a.compound_per_year, 10.0)


def test_semi_annual_rounds() -> None:
    # March 11.24 -> September 11.04: -0.20 pp in half a year = -0.40 pp/yr.
    years = float(decimal_year(2019, 9) - decimal_year(2019, 3))
    assert years == 0.5
    a = annualized_change(11.24, 11.04, years=years, unit="percent")
    np.testing.assert_allclose(a.points_per_year, -0.40, atol=1e-12)


@given(st.floats(0.5, 100), st.floats(0.5, 100), st.floats(0.25, 30))
def test_compound_rate_reproduces_the_end_value(b: float, a: float, t: float) -> None:
    res = annualized_change(b, a, years=t, unit="percent")
    np.testing.assert_allclose(b * (1 + res.compound_per_year / 100) ** t, a, rtol=1e-7)
    np.testing.assert_allclose(res.points_per_year * t, a - b, atol=1e-9)


def test_recovery_kota_malang() -> None:
    # BPS: Kota Malang 4.07 (2019), 4.62 (2021 peak), 4.26 (2023).
    # By hand: (4.62 - 4.26) / (4.62 - 4.07) = 0.36 / 0.55 = 65.45 %.
    np.testing.assert_allclose(recovery_share(4.07, 4.62, 4.26), 65.4545, atol=5e-5)


def test_recovery_edges() -> None:
    out = recovery_share(
        [1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 1.0], [2.0, 1.0, 0.5, 1.0]
    )
    np.testing.assert_allclose(out, [0.0, 100.0, 150.0, np.nan])


def test_decomposition_sulawesi_tenggara() -> None:
    # BPS, Berita Resmi Statistik Sulawesi Tenggara (July 2019): Sept 2018
    # 301.85 thousand poor (11.32 %), March 2019 302.58 thousand (11.24 %).
    # By hand: N0 = 301.85/0.1132 = 2666.52, N1 = 302.58/0.1124 = 2691.99;
    # population effect = (N1 - N0) * (0.1132 + 0.1124)/2 = 25.47 * 0.1128 = 2.873;
    # rate effect = -0.0008 * (N0 + N1)/2 = -0.0008 * 2679.26 = -2.143.
    n0 = implied_population(11.32, 301.85, unit="percent")
    n1 = implied_population(11.24, 302.58, unit="percent")
    d = decompose_headcount_change(11.32, 11.24, n0, n1, unit="percent")
    np.testing.assert_allclose(d.change, 0.73, atol=1e-9)
    np.testing.assert_allclose(d.population_effect, 2.873, atol=1e-3)
    np.testing.assert_allclose(d.rate_effect, -2.143, atol=1e-3)
    np.testing.assert_allclose(d.population_effect + d.rate_effect, 0.73, atol=1e-12)
    c = rate_change(11.32, 11.24, unit="percent")
    np.testing.assert_allclose(c.points, -0.08, atol=1e-12)
    np.testing.assert_allclose(c.relative, -0.7067, atol=5e-5)


@given(st.floats(0, 100), st.floats(0, 100), st.floats(0, 1e7), st.floats(0, 1e7))
def test_decomposition_is_exact(r0: float, r1: float, n0: float, n1: float) -> None:
    d = decompose_headcount_change(r0, r1, n0, n1, unit="percent")
    total = r1 * n1 / 100 - r0 * n0 / 100
    np.testing.assert_allclose(
        d.population_effect + d.rate_effect, d.change, rtol=0, atol=1e-7
    )
    np.testing.assert_allclose(d.change, total, rtol=1e-9, atol=1e-6)
    # Midpoint formula for the population effect, computed independently.
    np.testing.assert_allclose(
        d.population_effect, (n1 - n0) * (r0 + r1) / 200, rtol=1e-6, atol=1e-5
    )


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1e6), st.floats(0, 1e6))
def test_decomposition_unit_invariance(
    r0: float, r1: float, n0: float, n1: float
) -> None:
    f = decompose_headcount_change(r0, r1, n0, n1, unit="fraction")
    p = decompose_headcount_change(100 * r0, 100 * r1, n0, n1, unit="percent")
    np.testing.assert_allclose(p.rate_effect, f.rate_effect, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(
        p.population_effect, f.population_effect, rtol=1e-9, atol=1e-6
    )


def test_results_are_readonly() -> None:
    c = rate_change([1.0, 2.0], [2.0, 3.0], unit="percent")
    with pytest.raises(ValueError, match="read-only"):
        c.points[0] = 0.0
    with pytest.raises(AttributeError):
        c.unit = "fraction"  # type: ignore[misc]


def test_decimal_year() -> None:
    np.testing.assert_allclose(
        decimal_year([2022, 2023], [3, 9]), [2022 + 2 / 12, 2023 + 8 / 12]
    )


def test_errors() -> None:
    with pytest.raises(ValueError, match="`after` must lie in"):
        rate_change(4.0, 140.0, unit="percent")
    with pytest.raises(ValueError, match="`unit` must be one of"):
        rate_change(4.0, 3.0, unit="points")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"`years` must be > 0, found 0\.0"):
        annualized_change(4.0, 3.0, years=0, unit="percent")
    with pytest.raises(ValueError, match=r"`years` must be > 0"):
        annualized_change(4.0, 3.0, years=-1, unit="percent")
    with pytest.raises(ValueError, match="shapes do not broadcast"):
        annualized_change([4.0, 3.0], [3.0, 2.0], years=[1.0, 2.0, 3.0], unit="percent")
    with pytest.raises(ValueError, match="`before` must be >= 0"):
        relative_change(-1.0, 2.0)
    with pytest.raises(ValueError, match="`peak` must be finite"):
        recovery_share(1.0, np.inf, 1.0)
    with pytest.raises(ValueError, match="`population_before` must be >= 0"):
        decompose_headcount_change(1.0, 1.0, -1.0, 1.0, unit="percent")
    with pytest.raises(
        ValueError, match="`month` must be a whole number in 1-12, found 13"
    ):
        decimal_year(2020, 13)
    with pytest.raises(ValueError, match="`year` must be a whole number"):
        decimal_year(2020.5, 3)
    with pytest.raises(TypeError, match="`before` must be numeric"):
        rate_change("4.37", 4.26, unit="percent")


def test_inputs_stay_writeable_and_unchanged() -> None:
    b = np.array([10.0, 0.0])
    a = np.array([12.0, 5.0])
    t = np.array([2.0, 2.0])
    b0, a0, t0 = b.copy(), a.copy(), t.copy()
    res = annualized_change(b, a, years=t, unit="percent")
    rate_change(b, a, unit="percent")
    decompose_headcount_change(b, a, t, t, unit="percent")
    for arr, orig in ((b, b0), (a, a0), (t, t0)):
        assert arr.flags.writeable
        np.testing.assert_array_equal(arr, orig)
    assert not res.years.flags.writeable
    assert not np.shares_memory(res.years, t)


def test_recovery_without_a_rise_is_undefined() -> None:
    # Peak below the baseline: there was no rise to reverse.
    assert np.isnan(recovery_share(5.0, 4.0, 4.5))


def test_result_copies_a_callers_readonly_array() -> None:
    from povstat import Change

    a = np.array([1.0])
    a.flags.writeable = False
    c = Change(points=a, relative=a, unit="percent")
    assert not np.shares_memory(c.points, a)


def test_relative_change_of_tiny_base_does_not_warn() -> None:
    # 1 / 1e-320 overflows to inf: a defined (huge) relative change, no warning.
    assert np.isinf(relative_change(1e-320, 1.0))


def test_large_inputs_checked_block_by_block_give_the_same_numbers() -> None:
    # Above 262,144 values the inputs are checked and differenced in blocks;
    # the numbers are those of the whole-array path (taken here on slices
    # below the block threshold), with NaN where the base is 0 (in a late
    # block) and where a rate is missing.
    rng = np.random.default_rng(2)
    n = 300_000
    before = rng.uniform(0.0, 30.0, n)
    after = rng.uniform(0.0, 30.0, n)
    before[rng.random(n) < 0.01] = np.nan
    before[290_000] = 0.0
    c = rate_change(before, after, unit="percent")
    parts = [
        rate_change(before[i : i + 100_000], after[i : i + 100_000], unit="percent")
        for i in range(0, n, 100_000)
    ]
    points = np.concatenate([p.points for p in parts])
    relative = np.concatenate([p.relative for p in parts])
    np.testing.assert_array_equal(c.points, points)
    np.testing.assert_array_equal(c.relative, relative)
    assert np.isnan(c.relative[290_000])
    bad = after.copy()
    bad[150_000] = -0.5
    with pytest.raises(
        ValueError, match=r"`after` must lie in \[0, 100\].*-0.5 at index 150000"
    ):
        rate_change(before, bad, unit="percent")


def test_missing_time_gives_missing_pace_even_without_change() -> None:
    # pow(1, NaN) is 1 in C; an unknown elapsed time has no yearly pace, even
    # when the rate did not move (relative change 0).
    a = annualized_change(
        [10.0, 10.0], [10.0, 12.0], years=[np.nan, np.nan], unit="percent"
    )
    assert np.isnan(a.compound_per_year).all()
    assert np.isnan(a.points_per_year).all()


def test_a_compound_pace_beyond_float_range_is_inf_without_a_warning() -> None:
    # 0.01 % to 100 % is a relative rise of 999,900 %: a factor of 10,000 in
    # 0.01 years is 10,000**100 = 1e400 a year, beyond float64: +inf, and no
    # numpy warning (the suite turns warnings into errors).
    from povstat.statements import (
        check_change_statement,
        check_level_change_statement,
    )

    res = annualized_change(0.01, 100.0, years=0.01, unit="percent")
    assert res.compound_per_year == np.inf
    assert res.points_per_year == pytest.approx(9999.0)  # 99.99 / 0.01
    chk = check_change_statement(
        0.01, 100.0, 1.0, direction="rise", stated_as="percent", unit="percent",
        decimals=0, years=0.01,
    )  # fmt: skip
    assert "+inf % a year compound" in str(chk.reason)
    # 1 to 1e300 in 0.001 years: 1e300**1000 overflows too.
    lvl = check_level_change_statement(
        1.0, 1e300, 1.0, direction="rise", stated_as="percent", decimals=0,
        years=1e-3,
    )  # fmt: skip
    assert "+inf % a year compound" in str(lvl.reason)
