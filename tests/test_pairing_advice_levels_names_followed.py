"""Pairing advice that works when followed: names beside codes, levels, keys.

Each piece of advice is taken from the message as written (the code
between backticks) and run, and the values it gives are checked against
values worked by hand:

* a pivot indexed by region names beside one indexed by their codes: the
  names are given their codes with povstat's own list of regions, never
  ``.to_numpy()`` (names sort alphabetically, codes by number);
* a (year, month) column MultiIndex beside a (month, year) one: the levels
  are reordered, then aligned;
* a polars pivot still holding its key column beside a pandas pivot: the
  frame is indexed by its key and aligned;
* a covariance DataFrame built from an array (labels 0..n-1 on both axes)
  beside labelled estimates: its values, or the estimates' labels on both
  axes;
* two years' Series indexed by (region, year): the year level is dropped;
* month-end timestamps beside monthly periods: the timestamps are given
  their periods (a period's first moment is no month end).
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat
from povstat import headcount_to_rate, implied_population, rate_change, sum_counts


def _advice(msg: str, start: str) -> list[str]:
    """The code snippets of `msg` (between backticks) beginning with `start`."""
    return [s for s in re.findall(r"`([^`]+)`", msg) if s.startswith(start)]


def _follow(snippet: str, **names: Any) -> Any:
    """Run the advice `snippet` with the objects it names."""
    return eval(snippet, {"pandas": pd, "pd": pd, "povstat": povstat}, names)


# Rates (%) by province name, sorted alphabetically as pivot_table sorts
# them; the poor (thousands) by code, sorted by number.
RATE_BY_NAME = pd.DataFrame(
    {2023: [10.0, 5.0, 20.0], 2024: [8.0, 4.0, 10.0]},
    index=pd.Index(["Aceh", "Bali", "Jawa Timur"], name="region_name"),
)
POOR_BY_CODE = pd.DataFrame(
    {2023: [500.0, 4000.0, 200.0], 2024: [480.0, 4100.0, 180.0]},
    index=pd.Index(["11", "35", "51"], name="region_code"),
)


def test_names_beside_codes_are_given_codes_from_the_region_list() -> None:
    with pytest.raises(ValueError, match="by name") as err:
        implied_population(RATE_BY_NAME, POOR_BY_CODE, unit="percent")
    msg = str(err.value)
    assert "pass .to_numpy()" not in msg
    (load,) = _advice(msg, "R = ")
    assert load == "R = povstat.datasets.indonesia_regions()"
    (how,) = _advice(msg, "rate.rename")
    regions = _follow(load.removeprefix("R = "))
    rate = _follow(how, rate=RATE_BY_NAME, headcount=POOR_BY_CODE, R=regions)
    assert list(rate.index) == ["11", "35", "51"]
    got = implied_population(rate, POOR_BY_CODE, unit="percent")
    # By hand, headcount / (rate / 100): Aceh (11) 500 / 0.10 = 5000 and
    # 480 / 0.08 = 6000; Jawa Timur (35) 4000 / 0.20 = 20000 and 4100 /
    # 0.10 = 41000; Bali (51) 200 / 0.05 = 4000 and 180 / 0.04 = 4500.
    np.testing.assert_allclose(
        got, [[5000.0, 6000.0], [20000.0, 41000.0], [4000.0, 4500.0]], rtol=1e-12
    )


def test_codes_beside_names_of_series_map_the_named_side() -> None:
    before = POOR_BY_CODE[2023]
    after = RATE_BY_NAME[2023]  # the other side named: mapped, then aligned
    with pytest.raises(ValueError, match="by name") as err:
        rate_change(before, after, unit="percent")
    (how,) = _advice(str(err.value), "after.rename")
    regions = povstat.datasets.indonesia_regions()
    got = _follow(how, after=after, before=before, R=regions)
    # By hand: 11 Aceh 10.0, 35 Jawa Timur 20.0, 51 Bali 5.0.
    assert list(got.index) == ["11", "35", "51"]
    np.testing.assert_array_equal(got.to_numpy(), [10.0, 20.0, 5.0])


# Rates (%) of one region by (year, month) rounds; the poor (thousands) by
# (month, year), sorted by month first as pivot_table sorts them.
RATE_YM = pd.DataFrame(
    [[10.0, 20.0, 25.0]],
    index=["35"],
    columns=pd.MultiIndex.from_tuples(
        [(2022, 3), (2022, 9), (2023, 3)], names=["year", "month"]
    ),
)
POOR_MY = pd.DataFrame(
    [[100.0, 250.0, 400.0]],
    index=["35"],
    columns=pd.MultiIndex.from_tuples(
        [(3, 2022), (3, 2023), (9, 2022)], names=["month", "year"]
    ),
)


def test_swapped_column_levels_are_reordered_then_aligned() -> None:
    with pytest.raises(ValueError, match="levels in another order") as err:
        implied_population(RATE_YM, POOR_MY, unit="percent")
    msg = str(err.value)
    assert "pass .to_numpy()" not in msg
    (how,) = _advice(msg, "headcount.reorder_levels")
    assert (
        how == "headcount.reorder_levels([1, 0], axis=1).reindex(columns=rate.columns)"
    )
    poor = _follow(how, headcount=POOR_MY, rate=RATE_YM)
    got = implied_population(RATE_YM, poor, unit="percent")
    # By hand: March 2022 100 / 0.10 = 1000; September 2022 400 / 0.20 =
    # 2000; March 2023 250 / 0.25 = 1000.
    np.testing.assert_allclose(got, [[1000.0, 2000.0, 1000.0]], rtol=1e-12)


def test_swapped_index_levels_of_series_are_reordered() -> None:
    before = pd.Series(
        [10.0, 12.0],
        index=pd.MultiIndex.from_tuples(
            [("35", 2022), ("36", 2022)], names=["code", "year"]
        ),
    )
    after = pd.Series(
        [13.0, 9.0],
        index=pd.MultiIndex.from_tuples(
            [(2022, "36"), (2022, "35")], names=["year", "code"]
        ),
    )
    with pytest.raises(ValueError, match="levels in another order") as err:
        rate_change(before, after, unit="percent")
    (how,) = _advice(str(err.value), "after.reorder_levels")
    got = rate_change(before, _follow(how, after=after, before=before), unit="percent")
    # By hand: 35 9.0 - 10.0 = -1.0; 36 13.0 - 12.0 = 1.0.
    np.testing.assert_allclose(got.points, [-1.0, 1.0], atol=1e-12)


# A pandas pivot of rates (%), rows sorted by name; a polars pivot of the
# poor (thousands) keeping its key column, rows in the file's order.
RATE_PD = pd.DataFrame(
    {"2022": [10.0, 5.0, 20.0], "2023": [8.0, 4.0, 10.0]},
    index=pd.Index(["Aceh", "Bali", "Jawa Timur"], name="region_name"),
)
POOR_PL = pl.DataFrame(
    {
        "region_name": ["Jawa Timur", "Aceh", "Bali"],
        "2022": [4000.0, 500.0, 200.0],
        "2023": [4100.0, 480.0, 180.0],
    }
)


def test_a_polars_frame_with_its_key_column_is_indexed_by_it() -> None:
    with pytest.raises(ValueError, match="key column") as err:
        implied_population(RATE_PD, POOR_PL, unit="percent")
    msg = str(err.value)
    assert "the values themselves" not in msg
    (how,) = _advice(msg, "headcount.to_pandas()")
    assert how == "headcount.to_pandas().set_index('region_name').reindex(rate.index)"
    poor = _follow(how, headcount=POOR_PL, rate=RATE_PD)
    got = implied_population(RATE_PD, poor, unit="percent")
    # By hand: Aceh 500 / 0.10 = 5000, 480 / 0.08 = 6000; Bali 200 / 0.05 =
    # 4000, 180 / 0.04 = 4500; Jawa Timur 4000 / 0.20 = 20000, 4100 / 0.10
    # = 41000.
    np.testing.assert_allclose(
        got, [[5000.0, 6000.0], [4000.0, 4500.0], [20000.0, 41000.0]], rtol=1e-12
    )


def test_a_polars_key_and_value_frame_beside_a_series_picks_the_value() -> None:
    before = RATE_PD["2022"]
    after = pl.DataFrame(
        {"region_name": ["Bali", "Jawa Timur", "Aceh"], "r": [4.5, 19.0, 9.0]}
    )
    with pytest.raises(ValueError, match="key column") as err:
        rate_change(before, after, unit="percent")
    (how,) = _advice(str(err.value), "after.to_pandas()")
    assert (
        how == "after.to_pandas().set_index('region_name')['r'].reindex(before.index)"
    )
    got = rate_change(before, _follow(how, after=after, before=before), unit="percent")
    # By hand: Aceh 9.0 - 10.0 = -1.0; Bali 4.5 - 5.0 = -0.5; Jawa Timur
    # 19.0 - 20.0 = -1.0.
    np.testing.assert_allclose(got.points, [-1.0, -0.5, -1.0], atol=1e-12)


# Standard errors 8, 2, 0.8 and correlations 0.3 (1-2), 0.2 (1-3), 0.1
# (2-3): a covariance matrix built from an array, in the estimates' order.
EST = pd.Series([251.36, 37.78, 7.10], index=["3507", "3573", "3579"])
_SE = np.array([8.0, 2.0, 0.8])
_CORR = np.array([[1.0, 0.3, 0.2], [0.3, 1.0, 0.1], [0.2, 0.1, 1.0]])
COV = pd.DataFrame(_CORR * np.outer(_SE, _SE))
# By hand: variances 64 + 4 + 0.64 = 68.64; covariances 2 x (0.3 x 16 +
# 0.2 x 6.4 + 0.1 x 1.6) = 2 x 6.24 = 12.48; se = sqrt(81.12) = 9.00666...
SE_BY_HAND = math.sqrt(81.12)


@pytest.mark.parametrize("start", ["cov.to_numpy()", "pandas.DataFrame(cov"])
def test_a_covariance_frame_built_from_an_array_is_given_labels(start: str) -> None:
    with pytest.raises(ValueError, match=r"default labels 0\.\.2 on both axes") as err:
        sum_counts(EST, cov=COV, level=0.9)
    msg = str(err.value)
    assert "key column" not in msg
    assert "[:, None]" not in msg
    (how,) = _advice(msg, start)
    cov = _follow(how, cov=COV, estimate=EST)
    got = sum_counts(EST, cov=cov, level=0.9)
    assert float(got.total) == pytest.approx(251.36 + 37.78 + 7.10, abs=1e-9)
    assert float(np.asarray(got.se)) == pytest.approx(SE_BY_HAND, rel=1e-12)


def test_a_covariance_frame_built_in_another_order_is_aligned_once_labelled() -> None:
    with pytest.raises(ValueError, match="default labels") as err:
        sum_counts(EST, cov=COV, level=0.9)
    (how,) = _advice(str(err.value), "cov.loc")
    # Built in the order 3579, 3507, 3573, then labelled with that order.
    order = [2, 0, 1]
    built = COV.iloc[order, order].set_axis(EST.index[order], axis=0)
    built = built.set_axis(EST.index[order], axis=1)
    got = sum_counts(EST, cov=_follow(how, cov=built, estimate=EST), level=0.9)
    assert float(np.asarray(got.se)) == pytest.approx(SE_BY_HAND, rel=1e-12)


def _by_region_year(codes: list[str], year: int, rates: list[float]) -> pd.Series:
    index = pd.MultiIndex.from_arrays(
        [codes, [year] * len(codes)], names=["region_code", "year"]
    )
    return pd.Series(rates, index=index, name="poverty_rate_pct")


def test_two_years_keyed_by_region_and_year_drop_the_year_level() -> None:
    before = _by_region_year(["3501", "3502", "3573"], 2022, [13.0, 9.0, 4.4])
    # The next year from a ranking table: sorted by rate.
    after = _by_region_year(["3573", "3502", "3501"], 2023, [4.3, 9.1, 12.5])
    with pytest.raises(ValueError, match="level 'year'") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "pass .to_numpy()" not in msg
    (keep,) = _advice(msg, "before.droplevel")
    (how,) = _advice(msg, "after.droplevel")
    b = _follow(keep, before=before)
    a = _follow(how, after=after, before=before)
    got = rate_change(b, a, unit="percent")
    # By hand: 3501 12.5 - 13.0 = -0.5; 3502 9.1 - 9.0 = 0.1; 3573 4.3 -
    # 4.4 = -0.1.
    np.testing.assert_allclose(got.points, [-0.5, 0.1, -0.1], atol=1e-12)


def test_month_end_timestamps_are_given_their_periods_first() -> None:
    poor = pd.DataFrame(
        [[40.0, 54.0]],
        index=["3573"],
        columns=pd.to_datetime(["2023-03-31", "2024-03-31"]),
    )
    pop = pd.DataFrame(
        [[800.0, 900.0]],
        index=["3573"],
        columns=pd.PeriodIndex(["2023-03", "2024-03"], freq="M"),
    )
    with pytest.raises(ValueError, match="different kinds") as err:
        headcount_to_rate(poor, pop, unit="percent")
    msg = str(err.value)
    assert msg.index("headcount.to_period('M', axis=1)") < msg.index(
        "population.to_timestamp(axis=1)"
    )
    assert "not `population.to_timestamp(axis=1)`" in msg
    (how,) = _advice(msg, "headcount.to_period")
    got = headcount_to_rate(_follow(how, headcount=poor), pop, unit="percent")
    # By hand: 40 / 800 = 5.0 %; 54 / 900 = 6.0 %.
    np.testing.assert_allclose(got, [[5.0, 6.0]], rtol=1e-12)
    # The other conversion, which the message warns against, fails.
    with pytest.raises(ValueError, match="different column labels"):
        headcount_to_rate(poor, pop.to_timestamp(axis=1), unit="percent")


def test_a_frame_holding_text_is_told_which_columns_are_not_numbers() -> None:
    poor = pl.DataFrame({"region_name": ["Aceh", "Bali"], "2023": [500.0, 200.0]})
    rate = np.array([[10.0], [5.0]])  # no labels: nothing to align by
    with pytest.raises(TypeError, match="not numbers") as err:
        implied_population(rate, poor, unit="percent")
    msg = str(err.value)
    assert "whose columns ['region_name'] are not numbers" in msg
    assert "a frame whose columns are all numbers" in msg
    # As said, the frame of its columns of numbers is taken: by hand,
    # 500 / 0.10 = 5000 and 200 / 0.05 = 4000.
    got = implied_population(rate, poor.drop("region_name"), unit="percent")
    np.testing.assert_allclose(got, [[5000.0], [4000.0]], rtol=1e-12)
