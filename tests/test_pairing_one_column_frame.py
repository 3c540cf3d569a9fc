"""A DataFrame of one column beside values as long as its rows is refused.

numpy reads a pandas (or polars) DataFrame of n rows and one column
(``df[["rate"]]``, a pivot holding one year) as an n x 1 array; beside a
Series, an array or a list of n values it broadcasts to an n x n table,
every row paired with every value. Each array function taking two array
arguments refuses it, naming both arguments and how to pass the column as a
Series; the advice, followed, gives the row-by-row values (worked by hand).
A numpy n x 1 array beside n values stays numpy's grid.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd
import pytest

import povstat as P

# Three regencies: rates (%) and populations (thousands).
FRAME = pd.DataFrame(
    {"poverty_rate_pct": [10.0, 20.0, 5.0], "pop": [1000.0, 500.0, 2000.0]},
    index=["3501", "3502", "3503"],
)
RATE, POP = FRAME[["poverty_rate_pct"]], FRAME["pop"]


def _refused(call: object) -> str:
    with pytest.raises(ValueError, match="of one column") as err:
        call()  # type: ignore[operator]
    return str(err.value)


def test_rate_to_headcount_refuses_a_one_column_frame_and_the_advice_works() -> None:
    msg = _refused(lambda: P.rate_to_headcount(RATE, POP, unit="percent"))
    assert "`rate` is a pandas DataFrame of one column ('poverty_rate_pct')" in msg
    assert "and 3 rows, beside `population`, which holds 3 values" in msg
    assert "a table of 3 x 3 values" in msg
    assert "`rate['poverty_rate_pct']` (or `rate.squeeze(axis=1)`)" in msg
    # Followed: 10 % of 1000 = 100, 20 % of 500 = 100, 5 % of 2000 = 100.
    fixed: pd.Series
    for fixed in (RATE["poverty_rate_pct"], cast(pd.Series, RATE.squeeze(axis=1))):
        got = P.rate_to_headcount(fixed, POP, unit="percent")
        np.testing.assert_array_equal(got, [100.0, 100.0, 100.0])


@pytest.mark.parametrize(
    "call",
    [
        lambda: P.rate_change(RATE, POP.to_numpy() / 100, unit="percent"),
        lambda: P.rate_change(POP / 100, RATE, unit="percent"),
        lambda: P.annualized_change(RATE, [11.0, 19.0, 6.0], years=2, unit="percent"),
        lambda: P.recovery_share(RATE, POP / 50, POP / 100),
        lambda: P.implied_population(RATE, POP / 10, unit="percent"),
        lambda: P.headcount_to_rate(POP / 10, FRAME[["pop"]], unit="percent"),
        lambda: P.rate_interval(
            RATE, se=POP / 1000, unit="percent", level=0.95, method="normal"
        ),
        lambda: P.rse_from_se(RATE, list(POP / 1000)),
        lambda: P.change_test(
            RATE,
            POP / 100,
            se_before=POP / 1000,
            se_after=POP / 1000,
            level=0.95,
            independent=True,
        ),
        lambda: P.derived_ratio(
            RATE,
            POP,
            level=0.95,
            independent=True,
            se_numerator=0.1,
            se_denominator=1.0,
        ),
        lambda: P.decompose_headcount_change(
            RATE,
            POP / 100,
            unit="percent",
            headcount_before=POP / 10,
            headcount_after=POP / 10,
        ),
    ],
)
def test_each_array_function_refuses_a_one_column_frame(call: object) -> None:
    msg = _refused(call)
    assert "a table of 3 x 3 values" in msg
    assert ".squeeze(axis=1)" in msg


def test_rate_change_followed_advice_pairs_row_with_row() -> None:
    after = pd.Series([11.0, 19.0, 6.0], index=FRAME.index)
    msg = _refused(lambda: P.rate_change(RATE, after, unit="percent"))
    assert "`before` is a pandas DataFrame" in msg
    assert "beside `after`" in msg
    got = P.rate_change(
        cast(pd.Series, RATE.squeeze(axis=1)), after, unit="percent"
    ).points
    np.testing.assert_allclose(got, [1.0, -1.0, 1.0], rtol=1e-15)  # by hand


def test_a_polars_one_column_frame_is_refused_too() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"poverty_rate_pct": [10.0, 20.0, 5.0]})
    msg = _refused(lambda: P.rate_to_headcount(df, POP.to_numpy(), unit="percent"))
    assert "`rate` is a polars DataFrame" in msg
    assert "`rate['poverty_rate_pct']` (or `rate.to_series()`)" in msg
    got = P.rate_to_headcount(df.to_series(), POP.to_numpy(), unit="percent")
    np.testing.assert_array_equal(got, [100.0, 100.0, 100.0])


def test_what_stays_accepted() -> None:
    # A numpy n x 1 array beside n values: numpy's grid, 3 x 3, as numpy
    # broadcasts it (10 % of 1000 = 100, of 500 = 50, of 2000 = 200, ...).
    grid = P.rate_to_headcount(RATE.to_numpy(), POP.to_numpy(), unit="percent")
    np.testing.assert_array_equal(grid[0], [100.0, 50.0, 200.0])
    # Two one-column frames: row with row.
    both = P.rate_to_headcount(
        RATE, FRAME[["pop"]].set_axis(["poverty_rate_pct"], axis=1), unit="percent"
    )
    np.testing.assert_array_equal(np.asarray(both).ravel(), [100.0, 100.0, 100.0])
    # A one-column frame beside a number, or a frame of one row.
    np.testing.assert_array_equal(
        np.asarray(P.rate_to_headcount(RATE, 1000.0, unit="percent")).ravel(),
        [100.0, 200.0, 50.0],
    )
    one_row = pd.DataFrame({2022: [10.0], 2023: [20.0]})
    got = P.rate_to_headcount(
        one_row, pd.Series([1000.0, 500.0], index=[2022, 2023]), unit="percent"
    )
    np.testing.assert_array_equal(got, [[100.0, 100.0]])
    # A frame of one column and one row beside one value.
    np.testing.assert_array_equal(
        P.rate_to_headcount(RATE.iloc[:1], [1000.0], unit="percent"), [[100.0]]
    )
