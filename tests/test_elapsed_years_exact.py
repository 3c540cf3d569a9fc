"""Elapsed years of numeric periods: the exact difference of the decimals."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import polars as pl
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from povstat import annualized_change, with_change_from_base, with_changes


def test_decimal_periods_give_the_exact_elapsed_years() -> None:
    # 2023.7 - 2022.1 = 1.6 years (float arithmetic: 1.6000000000001364);
    # 18.84 - 13.68 = 5.16 points, 5.16 / 1.6 = 3.225 points a year exactly
    # (a tie: 3.23 at 2 decimals, as annualized_change(years=1.6) gives).
    df = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2022.1, 2023.7],
            "poverty_rate_pct": [13.68, 18.84],
        }
    )
    for frame in (df, pl.from_pandas(df)):
        out = pd.DataFrame(with_changes(frame, unit="percent").to_dict())
        assert out["elapsed_years"].tolist()[1] == 1.6
        assert out["change_points_per_year"].tolist()[1] == 3.225
        base = with_change_from_base(frame, unit="percent", base=2022.1)
        base = pd.DataFrame(base.to_dict())
        assert base["elapsed_years"].tolist() == [0.0, 1.6]
        assert base["change_points_per_year"].tolist()[1] == 3.225
    a = annualized_change(13.68, 18.84, years=1.6, unit="percent")
    assert float(a.points_per_year) == 3.225


@settings(max_examples=60, deadline=None)
@given(
    st.integers(20000, 20300),
    st.integers(1, 50),
    st.integers(0, 10000),
    st.integers(0, 10000),
)
def test_points_per_year_exact_on_decimal_periods(
    p0: int, gap: int, r0: int, r1: int
) -> None:
    # Periods with one decimal (p / 10 years), rates with two (r / 100 %):
    # the exact elapsed years (gap / 10) and points per year
    # ((r1 - r0) / 100) / (gap / 10), each the float64 nearest (Fraction).
    # Two periods whose tenths are .1 and .2, or a whole year and .1, read
    # as year.semester or year.month codes and are refused (documented in
    # with_changes; tested in test_change_decimal_month_periods.py).
    assume({p0 % 10, (p0 + gap) % 10} not in ({1, 2}, {0, 1}))
    df = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [p0 / 10, (p0 + gap) / 10],
            "poverty_rate_pct": [r0 / 100, r1 / 100],
        }
    )
    out = with_changes(df, unit="percent")
    assert out["elapsed_years"].tolist()[1] == float(Fraction(gap, 10))
    expected = float(Fraction(r1 - r0, 100) / Fraction(gap, 10))
    assert out["change_points_per_year"].tolist()[1] == expected


def test_statements_elapsed_years_of_decimal_periods() -> None:
    # Per-year statements read numeric periods the same way: 2023.7 - 2022.1
    # is 1.6 years, 2025.25 - 2015.5 is 9.75 (by hand).
    from povstat.statements import _elapsed_years

    gap = _elapsed_years(pd.Series([2022.1, 2015.5]), pd.Series([2023.7, 2025.25]))
    assert gap.tolist() == [1.6, 9.75]


def test_statements_elapsed_years_of_month_dates() -> None:
    # Dates count whole months: the month gap / 12, the float nearest the
    # exact quotient (Fraction). By hand: 2015-01 -> 2015-02 is 1 month,
    # 1/12 year (year fractions subtracted as floats gave
    # 0.08333333333325754); March 2019 -> September 2023 is 54 months, 4.5.
    from povstat.statements import _elapsed_years

    months = pd.period_range("2015-01", "2024-12", freq="M")
    starts = months.to_timestamp()
    before = pd.Series(starts[:-1].repeat(3))
    gaps = [1, 7, 54] * (len(starts) - 1)
    after = pd.Series(
        [s + pd.DateOffset(months=g) for s, g in zip(before, gaps, strict=True)]
    )
    got = _elapsed_years(before, after)
    assert got.tolist() == [float(Fraction(g, 12)) for g in gaps]
    assert _elapsed_years(
        pd.Series([pd.Timestamp("2019-03-01")]), pd.Series([pd.Timestamp("2023-09-01")])
    ).tolist() == [4.5]


def test_per_year_statement_on_month_dates_at_a_tie() -> None:
    # March 2019 -> September 2023 is 54 months = 4.5 years. Rates 12.00 %
    # -> 9.75 %: a fall of 2.25 points, 2.25 / 4.5 = 0.5 points a year
    # exactly, a tie at 0 decimals: 1 half up (holds), not 0.
    from povstat.statements import check_statements

    data = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [pd.Timestamp("2019-03-01"), pd.Timestamp("2023-09-01")],
            "poverty_rate_pct": [12.00, 9.75],
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["change", "change"],
            "region": ["A", "A"],
            "period_before": [pd.Timestamp("2019-03-01")] * 2,
            "period_after": [pd.Timestamp("2023-09-01")] * 2,
            "stated": [1.0, 0.0],
            "direction": ["fall", "fall"],
            "stated_as": ["points", "points"],
            "decimals": [0, 0],
            "per_year": [True, True],
        }
    )
    for frame in (data, pl.from_pandas(data)):
        out = check_statements(
            st, frame, unit="percent", headcount=None, persons_per_poor_unit=1000
        )
        assert out["verdict"].tolist() == ["holds", "does not hold"]
