"""Pairing advice that gives the right numbers when followed.

* A region x year frame beside a year x region one: transpose it (``.T``),
  not ``.to_numpy()``, which pairs a region's year with another's.
* A column of a frame read from a file (labels 0..n-1, or 38..75 after a
  selection) beside a pivot indexed by names: set the key column as index
  and align; ``.to_numpy()`` pairs by position, wrong in another order.
* Labels with one index level more (a groupby on two keys): drop it.
* Time zones: labels converted from UTC beside the UTC times
  (``tz_convert(None)``), and midnights of two zones (drop both zones).

Each advice is followed and the values checked, worked by hand.
"""

from __future__ import annotations

import io
from typing import cast

import numpy as np
import pandas as pd
import pytest

from povstat import rate_change, rate_to_headcount

# Rates (%) by region (rows) and year (columns), and populations by year
# (rows) and region (columns): the other pivot of one table.
RATE = pd.DataFrame({2022: [10.0, 20.0], 2023: [11.0, 21.0]}, index=["35", "36"])
POP = pd.DataFrame({"35": [100.0, 110.0], "36": [200.0, 210.0]}, index=[2022, 2023])
# By hand: 35 in 2022: 10 % of 100 = 10; 35/2023: 11 % of 110 = 12.1;
# 36/2022: 20 % of 200 = 40; 36/2023: 21 % of 210 = 44.1.
RIGHT = [[10.0, 12.1], [40.0, 44.1]]


def test_a_transposed_frame_is_told_to_transpose() -> None:
    with pytest.raises(ValueError, match="axes swapped") as err:
        rate_to_headcount(RATE, POP, unit="percent")
    msg = str(err.value)
    assert "transpose it, `population.T`;" in msg
    assert "not .to_numpy()" in msg
    np.testing.assert_allclose(
        rate_to_headcount(RATE, POP.T, unit="percent"), RIGHT, rtol=1e-15
    )


def test_a_transposed_frame_in_another_order_is_told_to_reorder_it() -> None:
    reordered = POP.iloc[::-1, ::-1]
    with pytest.raises(ValueError, match="axes swapped") as err:
        rate_to_headcount(RATE, reordered, unit="percent")
    assert "`population.T.loc[rate.index, rate.columns]`" in str(err.value)
    fixed = reordered.T.loc[RATE.index, RATE.columns]
    np.testing.assert_allclose(
        rate_to_headcount(RATE, fixed, unit="percent"), RIGHT, rtol=1e-15
    )


# A pivot of last year's rates (alphabetical rows, as DataFrame.pivot sorts
# them) and the new release read from a CSV file in code order.
_CSV = """region_code,region_name,poverty_rate_pct
3501,Kabupaten Pacitan,13.5
3502,Kabupaten Ponorogo,9.5
3573,Kota Malang,4.2
3526,Kabupaten Bangkalan,19.0
"""
PIVOT = pd.DataFrame(
    {
        "region_name": [
            "Kabupaten Bangkalan",
            "Kabupaten Pacitan",
            "Kabupaten Ponorogo",
            "Kota Malang",
        ],
        2023: [19.5, 13.8, 9.6, 4.3],
    }
).set_index("region_name")


def test_a_column_read_from_a_file_beside_a_pivot_is_told_to_set_its_key() -> None:
    new = pd.read_csv(io.StringIO(_CSV))
    with pytest.raises(ValueError, match="row numbers") as err:
        rate_change(PIVOT[2023], new["poverty_rate_pct"], unit="percent")
    msg = str(err.value)
    assert "the labels of `after` are row numbers (0..3)" in msg
    assert (
        "`df.set_index('region_name')['poverty_rate_pct'].reindex(before.index)`" in msg
    )
    assert "right only if its rows are in the order of `before`" in msg
    assert "do not reindex" not in msg
    # Followed (df is the frame read): Bangkalan 19.0 - 19.5 = -0.5,
    # Pacitan 13.5 - 13.8 = -0.3, Ponorogo 9.5 - 9.6 = -0.1, Malang
    # 4.2 - 4.3 = -0.1.
    df = new
    after = df.set_index("region_name")["poverty_rate_pct"].reindex(PIVOT.index)
    got = rate_change(PIVOT[2023], after, unit="percent").points
    np.testing.assert_allclose(got, [-0.5, -0.3, -0.1, -0.1], atol=1e-12)


def test_rows_of_a_file_selected_by_year_are_row_numbers_too() -> None:
    long = pd.concat(
        [pd.read_csv(io.StringIO(_CSV)).assign(year=y) for y in (2023, 2024)],
        ignore_index=True,
    )
    later = long[long.year == 2024]  # labels 4..7
    with pytest.raises(ValueError, match=r"row numbers \(4\.\.7\)"):
        rate_change(PIVOT[2023], later["poverty_rate_pct"], unit="percent")


def test_an_extra_index_level_is_told_to_drop_it() -> None:
    keyed = pd.DataFrame(
        {
            "province_code": ["35", "35", "35"],
            "region_code": ["3501", "3502", "3573"],
            "poverty_rate_pct": [13.8, 9.6, 4.3],
        }
    )
    before = keyed.groupby(["province_code", "region_code"])["poverty_rate_pct"].first()
    after = pd.Series([4.2, 13.5, 9.5], index=pd.Index(["3573", "3501", "3502"]))
    with pytest.raises(ValueError, match="one index level") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    how = (
        "`before.droplevel('province_code')` beside "
        "`after.reindex(before.index.droplevel('province_code'))`"
    )
    assert how in msg
    # Followed: 3501 13.5 - 13.8 = -0.3, 3502 9.5 - 9.6 = -0.1, 3573
    # 4.2 - 4.3 = -0.1.
    got = rate_change(
        before.droplevel("province_code"),
        after.reindex(cast(pd.MultiIndex, before.index).droplevel("province_code")),
        unit="percent",
    ).points
    np.testing.assert_allclose(got, [-0.3, -0.1, -0.1], atol=1e-12)


DAYS = pd.date_range("2023-01-01", periods=3, freq="D")


def test_labels_converted_from_utc_are_told_tz_convert() -> None:
    local = pd.Series(
        [1.0, 2.0, 3.0], index=DAYS.tz_localize("UTC").tz_convert("Asia/Jakarta")
    )
    utc = pd.Series([10.0, 20.0, 30.0], index=DAYS)  # the same instants, naive UTC
    with pytest.raises(ValueError, match="different kinds") as err:
        rate_change(local, utc, unit="percent")
    msg = str(err.value)
    assert "`before.tz_convert(None)` gives its instants as UTC clock times" in msg
    assert "tz_localize(None)" not in msg
    got = rate_change(local.tz_convert(None), utc, unit="percent").points
    np.testing.assert_array_equal(got, [9.0, 18.0, 27.0])  # 10 - 1, ...


def test_midnights_of_two_zones_are_told_to_drop_both() -> None:
    jakarta = pd.Series([1.0, 2.0, 3.0], index=DAYS.tz_localize("Asia/Jakarta"))
    utc = pd.Series([10.0, 20.0, 30.0], index=DAYS.tz_localize("UTC"))
    with pytest.raises(ValueError, match="two time zones") as err:
        rate_change(jakarta, utc, unit="percent")
    msg = str(err.value)
    assert "`before` 'Asia/Jakarta' and `after` 'UTC'" in msg
    assert "(`before.tz_localize(None)` and `after.tz_localize(None)`)" in msg
    got = rate_change(
        jakarta.tz_localize(None), utc.tz_localize(None), unit="percent"
    ).points
    np.testing.assert_array_equal(got, [9.0, 18.0, 27.0])


def test_yearly_periods_beside_integer_years_are_told_to_take_the_years() -> None:
    years = pd.PeriodIndex(["2022", "2023"], freq="Y")
    rate = pd.Series([10.0, 20.0], index=years)
    population = pd.Series([300.0, 100.0], index=[2023, 2022])
    with pytest.raises(ValueError, match="yearly periods") as err:
        rate_to_headcount(rate, population, unit="percent")
    assert "`rate.set_axis(rate.index.year)`" in str(err.value)
    fixed = rate.set_axis(years.year)  # rate.index.year
    # 10 % of 100 (2022) = 10; 20 % of 300 (2023) = 60.
    got = rate_to_headcount(fixed, population.reindex(fixed.index), unit="percent")
    np.testing.assert_array_equal(got, [10.0, 60.0])
