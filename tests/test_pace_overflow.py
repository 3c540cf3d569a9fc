"""A yearly pace beyond float64's range is inf, with no numpy warning."""

from __future__ import annotations

import warnings
from fractions import Fraction

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

import povstat as ps


def test_compound_pace_overflow_is_inf_without_warning() -> None:
    # 0.01 % to 99.99 %: a ratio of 9999; over 0.01 years, 9999**100 is
    # about 1e400, beyond float64's largest (1.8e308): inf.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = ps.annualized_change(0.01, 99.99, years=0.01, unit="percent")
    assert a.compound_per_year == np.inf
    # 99.98 points over 0.01 years: 9998 points a year, finite.
    assert a.points_per_year == 9998.0


def test_points_per_year_overflow_is_signed_inf_without_warning() -> None:
    # 1 point over 5e-324 years (the smallest subnormal): 2e323 points a
    # year, beyond float64's range: +inf for a rise, -inf for a fall. The
    # compound pace of the fall, 100 * ((50/51)**(1/5e-324) - 1), is -100
    # (the power underflows to 0).
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rise = ps.annualized_change(50, 51, years=5e-324, unit="percent")
        fall = ps.annualized_change(51, 50, years=5e-324, unit="percent")
    assert rise.points_per_year == np.inf
    assert rise.compound_per_year == np.inf
    assert fall.points_per_year == -np.inf
    assert fall.compound_per_year == -100.0


def test_with_changes_pace_overflow_without_warning() -> None:
    # 1 % to 100 % between periods 2019.0 and 2019.001: a ratio of 100 to
    # the power of about 1000 (1e2000): inf.
    df = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2019.0, 2019.001],
            "poverty_rate_pct": [1.0, 100.0],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = ps.with_changes(df, unit="percent")
    assert out["change_compound_pct_per_year"].iloc[1] == np.inf
    assert out["change_points"].iloc[1] == 99.0


@given(
    st.decimals(min_value="0.01", max_value=100, places=2),
    st.decimals(min_value=0, max_value=100, places=2),
    st.one_of(
        st.decimals(min_value="0.001", max_value=1000, places=3),
        st.floats(min_value=5e-324, max_value=1e-300, allow_subnormal=True),
    ),
)
def test_pace_never_warns(before: object, after: object, years: object) -> None:
    b, a, t = float(str(before)), float(str(after)), float(str(years))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = ps.annualized_change(b, a, years=t, unit="percent")
    # Points per year: the exact decimal difference over the decimal years,
    # rounded once; over a tiny binary time (below 1e-8), that time's binary
    # value (each input read on its own: the difference, of two decimals,
    # stays the decimal it is); +-inf beyond float64's range.
    points = Fraction(str(after)) - Fraction(str(before))
    if isinstance(years, float):
        exact = points / Fraction(years)
    else:
        exact = points / Fraction(str(years))
    big = abs(exact) >= Fraction(2) ** 1024
    expected = (np.inf if exact > 0 else -np.inf) if big else float(exact)
    assert out.points_per_year == expected
    assert not np.isnan(out.compound_per_year)
