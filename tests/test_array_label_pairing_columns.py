"""Labelled arguments pair by position only when their labels agree.

Beyond the row index (tests/test_array_index_pairing.py): the column labels
of two DataFrames (pandas or polars), a Series broadcast across a
DataFrame's columns, and both axes of a covariance DataFrame beside its
estimates. Labels equal in value at every position pair whatever dtype
holds them. The advice of the refusal depends on how the labels differ.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from povstat import pooled_rate, rate_change, sum_counts

# Rates (%) by area, two regions; the columns as a pivot by area gives them.
BEFORE = pd.DataFrame(
    {"rural": [12.0, 15.0], "total": [10.0, 11.0], "urban": [7.0, 6.0]},
    index=["35", "36"],
)
AFTER = pd.DataFrame(
    {"rural": [11.5, 15.5], "total": [9.0, 11.25], "urban": [7.5, 5.0]},
    index=["35", "36"],
)


def test_dataframes_with_columns_in_another_order_are_refused() -> None:
    reordered = AFTER[["total", "urban", "rural"]]
    with pytest.raises(ValueError, match="column labels") as info:
        rate_change(BEFORE, reordered, unit="percent")
    msg = str(info.value)
    assert "`before` and `after` are pandas DataFrames" in msg
    assert "position 0: 'rural' in `before`, 'total' in `after`" in msg
    assert "after[list(before.columns)]" in msg
    # Following the advice pairs by label: region 35 rural 11.5 - 12 = -0.5,
    # total 9 - 10 = -1, urban 7.5 - 7 = 0.5; region 36: 0.5, 0.25, -1.
    fixed = rate_change(BEFORE, reordered[list(BEFORE.columns)], unit="percent")
    np.testing.assert_allclose(
        fixed.points, [[-0.5, -1.0, 0.5], [0.5, 0.25, -1.0]], atol=1e-12
    )


def test_polars_dataframes_are_compared_by_their_column_names() -> None:
    pl = pytest.importorskip("polars")
    before = pl.DataFrame({"urban": [5.0, 6.0], "rural": [10.0, 12.0]})
    after = pl.DataFrame({"rural": [9.0, 11.0], "urban": [5.5, 6.5]})
    with pytest.raises(ValueError, match="polars DataFrames") as info:
        rate_change(before, after, unit="percent")
    msg = str(info.value)
    assert "position 0: 'urban' in `before`, 'rural' in `after`" in msg
    assert "after.select(before.columns)" in msg
    # urban 5.5 - 5 = 0.5, 6.5 - 6 = 0.5; rural 9 - 10 = -1, 11 - 12 = -1.
    got = rate_change(before, after.select(before.columns), unit="percent")
    np.testing.assert_allclose(got.points, [[0.5, -1.0], [0.5, -1.0]], atol=1e-12)


def test_a_series_broadcast_across_columns_is_compared_with_them() -> None:
    # The national rate by area beside the provinces' rates by area: numpy
    # pairs the Series' k values with the DataFrame's k columns.
    national = pd.Series({"total": 9.36, "urban": 7.29, "rural": 12.22})
    with pytest.raises(ValueError, match="column labels") as info:
        rate_change(national, AFTER, unit="percent")
    msg = str(info.value)
    assert "pandas Series and DataFrame" in msg
    assert "the index of `before` against the columns of `after`" in msg
    assert "'total' in `before`, 'rural' in `after`" in msg
    assert "before.reindex(after.columns)" in msg
    got = rate_change(national.reindex(AFTER.columns), AFTER, unit="percent")
    # Region 35: rural 11.5 - 12.22 = -0.72, total 9 - 9.36 = -0.36,
    # urban 7.5 - 7.29 = 0.21.
    np.testing.assert_allclose(got.points[0], [-0.72, -0.36, 0.21], atol=1e-12)


IDX = ["3507", "3573", "3579"]
HEADCOUNT = pd.Series([266.38, 37.21, 7.12], index=IDX)
COV = pd.DataFrame(
    [[100.0, 5.0, 0.0], [5.0, 4.0, 0.0], [0.0, 0.0, 1.0]], index=IDX, columns=IDX
)


@pytest.mark.parametrize(
    ("cov", "labels"),
    [
        (COV.loc[IDX[::-1], IDX[::-1]], "index labels"),
        (COV.loc[:, IDX[::-1]], "column labels"),  # only the columns reordered
    ],
    ids=["rows-and-columns", "columns-only"],
)
def test_a_covariance_frame_in_another_order_is_told_to_reorder_both_axes(
    cov: pd.DataFrame, labels: str
) -> None:
    with pytest.raises(ValueError, match=labels) as info:
        sum_counts(HEADCOUNT, cov=cov, level=0.95)
    msg = str(info.value)
    assert "`estimate` and `cov` are pandas Series and DataFrame" in msg
    assert "cov.loc[estimate.index, estimate.index]" in msg
    assert "symmetric" not in msg
    # Following the advice: total 266.38 + 37.21 + 7.12 = 310.71, variance
    # the sum of all entries, 100 + 2 * 5 + 4 + 1 = 115.
    fixed = sum_counts(
        HEADCOUNT, cov=cov.loc[HEADCOUNT.index, HEADCOUNT.index], level=0.95
    )
    np.testing.assert_allclose(fixed.total, 310.71, rtol=1e-15)
    assert fixed.se is not None
    np.testing.assert_allclose(fixed.se, np.sqrt(115.0), rtol=1e-15)


def test_the_covariance_frame_of_pooled_rate_is_checked_on_both_axes() -> None:
    rate = pd.Series([10.0, 20.0], index=["a", "b"])
    population = pd.Series([100.0, 300.0], index=["a", "b"])
    cov = pd.DataFrame([[1.0, 0.0], [0.0, 4.0]], index=["a", "b"], columns=["b", "a"])
    with pytest.raises(ValueError, match="column labels") as info:
        pooled_rate(population, rate=rate, cov=cov, unit="percent")
    assert "cov.loc[" in str(info.value)


def test_a_default_index_is_advised_to_numpy_not_reindex() -> None:
    # A column of a filtered frame (labels 8, 19, 30) beside a Series built
    # from an array (labels 0, 1, 2): reindexing would pick rows by number.
    headcount = pd.Series([26.0, 37.21, 7.12], index=[8, 19, 30])
    population = pd.Series([200.0, 872.0, 217.0])
    with pytest.raises(ValueError, match="index labels") as info:
        rate_change(headcount, population, unit="percent")
    msg = str(info.value)
    assert "`after` has the default labels 0..2" in msg
    assert "after.to_numpy()" in msg
    assert "after.reindex(" not in msg
    assert "do not reindex it" in msg
    # Either order of the arguments names the one without labels.
    with pytest.raises(ValueError, match=r"`before` has the default labels 0\.\.2"):
        rate_change(population, headcount, unit="percent")


def test_different_label_sets_are_named_and_not_advised_to_reindex() -> None:
    a = pd.Series([1.0, 2.0, 3.0], index=["x", "y", "z"])
    b = pd.Series([1.5, 2.5, 3.5], index=["x", "y", "w"])
    with pytest.raises(ValueError, match="index labels") as info:
        rate_change(a, b, unit="percent")
    msg = str(info.value)
    assert "'z' in `before` only; 'w' in `after` only" in msg
    assert "reindex" not in msg
    # The same set in another order: reindexing is the advice.
    with pytest.raises(ValueError, match=r"after\.reindex\(before\.index\)"):
        rate_change(a, a.iloc[::-1], unit="percent")
    # More than three labels apart are counted, not all listed.
    c = pd.Series(np.arange(5.0), index=list("abcde"))
    d = pd.Series(np.arange(5.0), index=list("vwxyz"))
    with pytest.raises(ValueError, match="'a', 'b', 'c' and 2 more in `before` only"):
        rate_change(c, d, unit="percent")


def test_labels_equal_in_value_pair_whatever_their_dtype() -> None:
    before = pd.Series([4.37, 3.79, 5.0])
    after = pd.Series([4.26, 3.31, 4.9])
    # 4.26 - 4.37 = -0.11, 3.31 - 3.79 = -0.48, 4.9 - 5 = -0.1.
    expected = [-0.11, -0.48, -0.1]
    years = [2021, 2022, 2023]
    pairs = [
        (pd.Index(years, dtype="int64"), pd.Index(years, dtype="Int64")),
        (
            pd.CategoricalIndex(["x", "y", "z"]),
            pd.CategoricalIndex(["x", "y", "z"], categories=["z", "y", "x", "w"]),
        ),
    ]
    pytest.importorskip("pyarrow")
    pairs.append(
        (pd.Index(years, dtype="int64"), pd.Index(years, dtype="int64[pyarrow]"))
    )
    for a, b in pairs:
        got = rate_change(before.set_axis(a), after.set_axis(b), unit="percent")
        np.testing.assert_allclose(got.points, expected, atol=1e-12)
    # Labels that differ in value are still refused, whatever their dtype.
    with pytest.raises(ValueError, match="position 2: 2023 in `before`, 2024"):
        rate_change(
            before.set_axis(pd.Index(years, dtype="int64")),
            after.set_axis(pd.Index([2021, 2022, 2024], dtype="Int64")),
            unit="percent",
        )
