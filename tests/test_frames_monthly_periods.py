"""A pandas ``period[M]`` column is a period column of calendar months.

povstat reads a date period by its year and month; a monthly pandas Period
is exactly that, so the change adapters read it as the dates of its months
(the first of each month) and give the same changes. Periods of another
length (quarters, years) are not one month each and stay refused, with the
hint to convert them if their start dates are what they stand for.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from povstat.frames import with_change_from_base, with_changes

# Region a: 10 % in March 2022, 9 % in March 2023, 8.5 % in September 2023;
# region b: 20 % then 18 %.
FRAME = pd.DataFrame(
    {
        "region_code": ["a", "a", "a", "b", "b"],
        "period": pd.PeriodIndex(
            ["2022-03", "2023-03", "2023-09", "2022-03", "2023-03"], freq="M"
        ),
        "poverty_rate_pct": [10.0, 9.0, 8.5, 20.0, 18.0],
    }
)


def test_with_changes_reads_monthly_periods_as_their_months() -> None:
    before = FRAME.copy()
    out = with_changes(FRAME, unit="percent")
    pd.testing.assert_frame_equal(FRAME, before)  # the input is untouched
    # By hand: a 10 -> 9 over 12 months (1 year): -1 point, -10 %; 9 -> 8.5
    # over 6 months (0.5 year): -0.5 point, -1 point a year; b 20 -> 18
    # over 1 year: -2 points, -10 %.
    np.testing.assert_array_equal(
        out["elapsed_years"].to_numpy(), [np.nan, 1.0, 0.5, np.nan, 1.0]
    )
    np.testing.assert_allclose(
        out["change_points"].to_numpy(),
        [np.nan, -1.0, -0.5, np.nan, -2.0],
        atol=1e-12,
    )
    np.testing.assert_allclose(
        out["change_points_per_year"].to_numpy(),
        [np.nan, -1.0, -1.0, np.nan, -2.0],
        atol=1e-12,
    )
    np.testing.assert_allclose(
        out["change_relative_pct"].to_numpy(),
        [np.nan, -10.0, -50 / 9, np.nan, -10.0],
        rtol=1e-12,
    )
    assert out["previous_period"].iloc[2] == pd.Period("2023-03", "M")
    # The same as the months' first days as dates.
    dates = with_changes(
        FRAME.assign(period=FRAME["period"].dt.to_timestamp()), unit="percent"
    )
    for name in ("elapsed_years", "change_points", "change_compound_pct_per_year"):
        np.testing.assert_array_equal(out[name].to_numpy(), dates[name].to_numpy())


def test_with_change_from_base_takes_a_monthly_period_as_base() -> None:
    out = with_change_from_base(FRAME, unit="percent", base=pd.Period("2022-03", "M"))
    # From March 2022: 0, 12 and 18 months; base values 10 and 20.
    assert out["elapsed_years"].tolist() == [0.0, 1.0, 1.5, 0.0, 1.0]
    assert out["base_value"].tolist() == [10.0, 10.0, 10.0, 20.0, 20.0]
    with pytest.raises(TypeError, match="`base` must be a date") as err:
        with_change_from_base(FRAME, unit="percent", base=pd.Period("2022Q1", "Q"))
    assert "a pandas Period within one month" in str(err.value)
    assert "Period('2022Q1', 'Q-DEC')" in str(err.value)


def test_a_missing_monthly_period_is_refused() -> None:
    # A missing Period's year reads as -1 in pandas: it must be missing.
    gap = FRAME.assign(
        period=pd.PeriodIndex(
            ["2022-03", None, "2023-09", "2022-03", "2023-03"], freq="M"
        )
    )
    with pytest.raises(ValueError, match="must not have missing values") as err:
        with_changes(gap, unit="percent")
    msg = str(err.value)
    assert "key column 'period' (argument `period`)" in msg
    assert "found 1, first at index label 1" in msg


def test_quarterly_periods_are_still_refused_with_the_hint() -> None:
    quarters = FRAME.assign(
        period=pd.PeriodIndex(
            ["2022Q1", "2023Q1", "2023Q3", "2022Q1", "2023Q1"], freq="Q"
        )
    )
    with pytest.raises(TypeError, match=r"got period\[Q-DEC\]") as err:
        with_changes(quarters, unit="percent")
    msg = str(err.value)
    assert "column 'period' (argument `period`)" in msg
    assert "monthly periods, period[M], are read as their months" in msg
    assert "df['period'].dt.to_timestamp()" in msg
