"""Two silent losses closed: an outer product and a period left out.

* A numpy array of one column (``df[["pop"]].values``, shape (n, 1))
  beside a Series of n values, or a frame of one row and n columns, is
  refused: numpy would broadcast it into n x n values, every row with every
  other. The advice, followed, pairs row with row (values worked by hand);
  two numpy arrays, (n, 1) beside (n,), stay numpy's grid, as documented.
* ``aggregate_regions(groups=...)`` on a frame where one period writes the
  group's regions another way (dotted codes, names in capitals) is refused,
  naming the period, instead of leaving that period out of the group.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat as P
from povstat.datasets import load_indonesia

# Three regencies: rates (%) and populations (thousands).
FRAME = pd.DataFrame(
    {"poverty_rate_pct": [10.0, 20.0, 5.0], "pop": [1000.0, 500.0, 2000.0]},
    index=["3501", "3502", "3503"],
)
# By hand: 10 % of 1000 = 100; 20 % of 500 = 100; 5 % of 2000 = 100.
RIGHT = [100.0, 100.0, 100.0]


@pytest.mark.parametrize(
    "rate",
    [FRAME["poverty_rate_pct"], pl.Series(FRAME["poverty_rate_pct"].to_numpy())],
    ids=["pandas", "polars"],
)
def test_a_numpy_column_beside_a_series_is_refused(rate: Any) -> None:
    column = FRAME[["pop"]].to_numpy()  # shape (3, 1)
    with pytest.raises(ValueError, match=r"numpy array of shape \(3, 1\)") as err:
        P.rate_to_headcount(rate, column, unit="percent")
    msg = str(err.value)
    assert "a table of 3 x 3 values" in msg
    assert "`population[:, 0]`" in msg
    np.testing.assert_allclose(
        P.rate_to_headcount(rate, column[:, 0], unit="percent"), RIGHT, rtol=1e-15
    )


def test_a_numpy_column_beside_a_one_row_frame_is_refused() -> None:
    rates = FRAME[["poverty_rate_pct"]].to_numpy()  # (3, 1): regions
    pops = FRAME[["pop"]].T  # (1, 3): one period x regions
    with pytest.raises(ValueError, match="one row and 3 columns") as err:
        P.rate_to_headcount(rates, pops, unit="percent")
    assert "`rate[:, 0]`" in str(err.value)
    got = P.rate_to_headcount(rates[:, 0], pops, unit="percent")
    np.testing.assert_allclose(got, [RIGHT], rtol=1e-15)


def test_numpy_grids_stay_as_documented() -> None:
    # (3, 1) beside (3,): numpy's grid, every rate with every population
    # (first row: 10 % of 1000, 500, 2000 = 100, 50, 200); so too a Series
    # passed as an array, as the message offers for that table.
    column = FRAME[["poverty_rate_pct"]].to_numpy()
    grid = P.rate_to_headcount(column, FRAME["pop"].to_numpy(), unit="percent")
    np.testing.assert_array_equal(grid[0], [100.0, 50.0, 200.0])
    assert grid.shape == (3, 3)
    # A Series of another length than the column: a grid asked for.
    two = P.rate_to_headcount(column, FRAME["pop"].iloc[:2], unit="percent")
    assert two.shape == (3, 2)


@pytest.fixture(scope="module")
def malang_raya() -> pd.DataFrame:
    df = load_indonesia()
    return df[
        (df.area == "total")
        & (df.month == 3)
        & df.year.isin([2022, 2023])
        & df.region_code.isin(["3507", "3573", "3579"])
    ].copy()


def test_a_period_with_dotted_codes_is_not_left_out_of_a_group(
    malang_raya: pd.DataFrame,
) -> None:
    m = malang_raya.copy()
    later = m.year == 2023
    m.loc[later, "region_code"] = (
        m.loc[later, "region_code"].str[:2] + "." + m.loc[later, "region_code"].str[2:]
    )
    groups = {"MR": ["3507", "3573", "3579"]}
    with pytest.raises(ValueError, match="no row in period 2023-03-01") as err:
        P.aggregate_regions(m, groups=groups, unit="percent")
    msg = str(err.value)
    assert "group 'MR'" in msg
    assert "'3507' is written '35.07' in the column" in msg
    # Followed (each region written one way): both periods, 2023 being
    # Malang Raya's 296.24 thousand poor (239.62 + 37.78 + 18.84, BPS).
    out = P.aggregate_regions(malang_raya, groups=groups, unit="percent")
    assert len(out) == 2
    assert out["pooled_headcount"].iloc[1] == pytest.approx(296.24, abs=1e-9)


def test_a_period_with_names_in_capitals_is_not_left_out_of_a_group(
    malang_raya: pd.DataFrame,
) -> None:
    m = malang_raya.copy()
    later = m.year == 2023
    m.loc[later, "region_name"] = m.loc[later, "region_name"].str.upper()
    groups = {"MR": ["Kabupaten Malang", "Kota Malang", "Kota Batu"]}
    with pytest.raises(ValueError, match="no row in period 2023-03-01") as err:
        P.aggregate_regions(m, groups=groups, region="region_name", unit="percent")
    assert "'Kota Batu' is written 'KOTA BATU' in the column" in str(err.value)


def test_a_period_of_other_regions_alone_is_still_left_out(
    malang_raya: pd.DataFrame,
) -> None:
    # A period holding none of the group's regions, written any way (only
    # Kota Surabaya, 3578), is the documented case: regions in no group
    # are left out, and so is that period.
    df = load_indonesia()
    sby = df[
        (df.area == "total")
        & (df.month == 3)
        & (df.year == 2021)
        & (df.region_code == "3578")
    ]
    both = pd.concat([malang_raya, sby])
    out = P.aggregate_regions(
        both, groups={"MR": ["3507", "3573", "3579"]}, unit="percent"
    )
    assert len(out) == 2
