"""A one-column frame beside values of another length, or a one-row table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat as P

# Three regions' rates (percent) as one column, and populations: broadcast,
# 3 x 1 beside 2 values would be a 3 x 2 table (every rate times every
# population), not three headcounts.
RATE = pd.DataFrame({"rate": [10.0, 20.0, 30.0]}, index=["3501", "3502", "3503"])


def test_one_column_frame_beside_shorter_series_refused() -> None:
    pop = pd.Series([100.0, 200.0], index=["3501", "3502"])
    with pytest.raises(
        ValueError, match=r"`rate`.*`population`.*3 x 2.*rate\['rate'\]"
    ):
        P.rate_to_headcount(RATE, pop, unit="percent")


def test_one_column_frame_beside_list_of_other_length_refused() -> None:
    with pytest.raises(ValueError, match=r"3 x 2"):
        P.rate_to_headcount(RATE, [100.0, 200.0], unit="percent")


def test_one_column_frame_beside_one_row_frame_refused() -> None:
    # 3 x 1 beside 1 x 3: a 3 x 3 outer product.
    pop = pd.DataFrame([[100.0, 200.0, 300.0]], index=[2023], columns=RATE.index)
    with pytest.raises(ValueError, match=r"one row of 3 values.*3 x 3"):
        P.rate_to_headcount(RATE, pop, unit="percent")
    with pytest.raises(ValueError, match=r"one row of 3 values"):
        P.rate_to_headcount(RATE, np.array([[100.0, 200.0, 300.0]]), unit="percent")


def test_polars_one_column_beside_polars_one_row_refused() -> None:
    rate = pl.DataFrame({"rate": [10.0, 20.0, 30.0]})
    pop = pl.DataFrame({"a": [100.0], "b": [200.0], "c": [300.0]})
    with pytest.raises(ValueError, match=r"to_series"):
        P.rate_to_headcount(rate, pop, unit="percent")


def test_one_column_frame_beside_one_value_kept() -> None:
    # One population for all: 10 % of 100 = 10, 20 % = 20, 30 % = 30.
    out = P.rate_to_headcount(RATE, 100.0, unit="percent")
    assert np.asarray(out).ravel().tolist() == [10.0, 20.0, 30.0]
