"""Pairing advice that works: square frames, time labels of two kinds, repeats.

* A Series beside a region x year DataFrame with as many rows as columns is
  paired by numpy with the columns (as pandas aligns it): its index is
  compared with the columns alone; one holding the frame's row labels is
  told to go in as a column (``.to_numpy()[:, None]``).
* A DatetimeIndex beside a PeriodIndex, or a time zone beside none: the
  labels print alike yet never equal; the message says the kinds differ
  and how to convert one.
* Repeated labels (the total, urban and rural rows of one region): pandas
  cannot reindex on them, so the advice is to make them unique first.

Each test follows the advice and checks the values, worked by hand.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from povstat import rate_change, rate_to_headcount

# Rates (%) of two provinces (rows) in two years (columns): square.
RATE = pd.DataFrame({2022: [10.0, 20.0], 2023: [11.0, 21.0]}, index=["35", "36"])


def test_a_series_by_year_beside_a_square_frame_pairs_with_its_columns() -> None:
    # numpy pairs the Series' values with the columns: 2022 -> 1000,
    # 2023 -> 2000; 10 % of 1000 = 100, 11 % of 2000 = 220, 20 % of 1000 =
    # 200, 21 % of 2000 = 420.
    population = pd.Series([1000.0, 2000.0], index=[2022, 2023])
    got = rate_to_headcount(RATE, population, unit="percent")
    np.testing.assert_allclose(got, [[100.0, 220.0], [200.0, 420.0]], rtol=1e-15)
    # The same years in another order: refused against the columns, and
    # told to reindex by them.
    reordered = population.iloc[::-1]
    with pytest.raises(ValueError, match="different column labels") as err:
        rate_to_headcount(RATE, reordered, unit="percent")
    msg = str(err.value)
    assert "the columns of `rate` against the index of `population`" in msg
    assert "first at position 0: 2022 in `rate`, 2023 in `population`" in msg
    assert "`population.reindex(rate.columns)`" in msg
    fixed = rate_to_headcount(RATE, reordered.reindex(RATE.columns), unit="percent")
    np.testing.assert_allclose(fixed, got, rtol=1e-15)


def test_a_series_by_region_beside_a_square_frame_is_told_to_go_in_as_a_column() -> (
    None
):
    # A population per province, in another order than the frame's rows:
    # numpy would pair it with the years, 36's 1000 with 2022.
    population = pd.Series([1000.0, 2000.0], index=["36", "35"])
    with pytest.raises(ValueError, match="different column labels") as err:
        rate_to_headcount(RATE, population, unit="percent")
    msg = str(err.value)
    assert "`rate` and `population` are pandas DataFrame and Series" in msg
    assert "first at position 0: 2022 in `rate`, '36' in `population`" in msg
    assert "`population` holds the row labels of `rate`" in msg
    assert "pairs a Series with a DataFrame's columns" in msg
    advice = "`population.reindex(rate.index).to_numpy()[:, None]`"
    assert advice in msg
    assert ".loc[" not in msg
    got = rate_to_headcount(
        RATE, population.reindex(RATE.index).to_numpy()[:, None], unit="percent"
    )
    # Row 35 (2000 persons): 10 % -> 200, 11 % -> 220; row 36 (1000):
    # 20 % -> 200, 21 % -> 210.
    np.testing.assert_allclose(got, [[200.0, 220.0], [200.0, 210.0]], rtol=1e-15)
    # In the frame's row order, the Series is still paired with the years
    # by numpy: refused with the same advice.
    with pytest.raises(ValueError, match=r"\.to_numpy\(\)\[:, None\]"):
        rate_to_headcount(RATE, population.reindex(RATE.index), unit="percent")


MONTHS = pd.period_range("2021-03", periods=2, freq="M")
STAMPS = pd.date_range("2021-03-01", periods=2, freq="MS")


def test_timestamps_beside_periods_are_told_the_kinds_differ() -> None:
    before = pd.Series([10.0, 9.0], index=STAMPS)
    after = pd.Series([9.5, 8.0], index=MONTHS)
    with pytest.raises(ValueError, match="different index labels") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "`before` and `after` are pandas Series" in msg
    assert "Timestamp('2021-03-01 00:00:00') in `before`" in msg
    assert "their labels are of different kinds" in msg
    assert "`before` timestamps without a time zone" in msg
    assert "`after` periods (a PeriodIndex of freq 'M')" in msg
    assert "`after.to_timestamp()`" in msg
    assert "`before.to_period('M')`" in msg
    # Either conversion pairs them: 9.5 - 10 = -0.5, 8 - 9 = -1.
    for b, a in ((before, after.to_timestamp()), (before.to_period("M"), after)):
        np.testing.assert_allclose(
            rate_change(b, a, unit="percent").points, [-0.5, -1.0], atol=1e-15
        )


def test_periods_beside_dataframe_columns_of_timestamps_convert_on_axis_1() -> None:
    before = pd.DataFrame([[10.0, 9.0]], index=["35"], columns=MONTHS)
    after = pd.DataFrame([[9.5, 8.0]], index=["35"], columns=STAMPS)
    with pytest.raises(ValueError, match="different column labels") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "their labels are of different kinds" in msg
    assert "`before.to_timestamp(axis=1)`" in msg
    assert "`after.to_period('M', axis=1)`" in msg
    got = rate_change(before.to_timestamp(axis=1), after, unit="percent")
    np.testing.assert_allclose(got.points, [[-0.5, -1.0]], atol=1e-15)


def test_a_time_zone_beside_none_is_told_the_kinds_differ() -> None:
    jakarta = STAMPS.tz_localize("Asia/Jakarta")
    before = pd.Series([10.0, 9.0], index=jakarta)
    after = pd.Series([9.5, 8.0], index=STAMPS)
    with pytest.raises(ValueError, match="different index labels") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "`before` timestamps of time zone 'Asia/Jakarta'" in msg
    assert "`after` timestamps without a time zone" in msg
    assert "`before.tz_localize(None)`" in msg
    assert "`after.tz_localize('Asia/Jakarta')`" in msg
    for b, a in (
        (before.tz_localize(None), after),
        (before, after.tz_localize("Asia/Jakarta")),
    ):
        np.testing.assert_allclose(
            rate_change(b, a, unit="percent").points, [-0.5, -1.0], atol=1e-15
        )
    # Periods beside zoned timestamps: the zone is dropped before the
    # timestamps become periods.
    with pytest.raises(ValueError, match="different kinds") as err:
        rate_change(
            pd.Series([10.0, 9.0], index=MONTHS),
            after.set_axis(jakarta),
            unit="percent",
        )
    advice = "`after.tz_localize(None).to_period('M')`"
    assert advice in str(err.value)
    got = rate_change(
        pd.Series([10.0, 9.0], index=MONTHS),
        after.set_axis(jakarta).tz_localize(None).to_period("M"),
        unit="percent",
    )
    np.testing.assert_allclose(got.points, [-0.5, -1.0], atol=1e-15)


def test_repeated_labels_reordered_are_told_to_make_them_unique() -> None:
    # One region's total, urban and rural rows, indexed by region_code
    # alone: the labels repeat, and the second year lists the areas in
    # another order.
    y1 = pd.DataFrame(
        {"region_code": ["35", "35", "36"], "area": ["urban", "rural", "total"]}
    ).assign(rate=[7.0, 12.0, 10.0])
    y2 = pd.DataFrame(
        {"region_code": ["35", "35", "36"], "area": ["rural", "urban", "total"]}
    ).assign(rate=[11.0, 6.5, 9.0])
    before = y1.set_index("region_code")["rate"]
    after = y2.set_index("region_code")["rate"]
    before = before.iloc[[0, 2, 1]]  # '35', '36', '35'
    with pytest.raises(ValueError, match="different index labels") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "first at position 1: '36' in `before`, '35' in `after`" in msg
    assert "their labels repeat ('35' more than once in `before`; '35' more" in msg
    assert "pandas cannot reindex by them" in msg
    assert "make each label unique first" in msg
    assert "`df.set_index(['region_code', 'area'])`" in msg
    # Following it: keyed by region and area, reindexing pairs the rows.
    b = y1.set_index(["region_code", "area"])["rate"]
    a = y2.set_index(["region_code", "area"])["rate"]
    got = rate_change(b, a.reindex(b.index), unit="percent")
    # urban 6.5 - 7 = -0.5, rural 11 - 12 = -1, 36 total 9 - 10 = -1.
    np.testing.assert_allclose(got.points, [-0.5, -1.0, -1.0], atol=1e-15)
