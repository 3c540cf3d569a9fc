"""with_change_test names the caller's SE column and row for an SE too large.

An SE whose square overflows float64 reaches change_test as `se_before`
or `se_after`, arguments the caller never passed; the adapter says it of
the caller's column (`se`), the row (pandas index label, else position)
and its region and period, on every backend, as it does for a negative SE.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import polars as pl
import pytest

from backends import BACKENDS, make
from povstat import with_change_test

_DATA: dict[str, list[Any]] = {
    "region_code": ["A", "A", "B", "B"],
    "period": [2022, 2023, 2022, 2023],
    "poverty_rate_pct": [10.0, 11.0, 12.0, 12.5],
    "se": [0.3, 0.3, 0.4, 2e154],
}


def test_reported_case_names_column_index_label_region_and_period() -> None:
    df = pd.DataFrame(_DATA, index=[10, 11, 12, 13])
    before = df.copy()
    with pytest.raises(ValueError, match=r"`se` column 'se' must be at most") as err:
        with_change_test(df, unit="percent", level=0.95, independent=True, se="se")
    text = str(err.value)
    assert "index label 13 (region_code 'B', period 2023)" in text
    assert "se_after" not in text
    assert "se_before" not in text
    assert "index 3" not in text
    pd.testing.assert_frame_equal(df, before)


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_backend_names_the_column_and_the_keys(backend: str) -> None:
    data = dict(_DATA, se=[2e154, 0.3, 0.4, 0.4])  # a first period: `se_before`
    df = make(backend, data)
    with pytest.raises(
        ValueError,
        match=re.escape("(region_code 'A', period 2022)"),
    ) as err:
        with_change_test(df, unit="percent", level=0.95, independent=True, se="se")
    assert "`se` column 'se'" in str(err.value)
    assert "se_before" not in str(err.value)


def test_every_offending_row_is_counted() -> None:
    df = pl.DataFrame(dict(_DATA, se=[2e154, 0.3, 0.4, 3e154]))
    with pytest.raises(ValueError, match=r"row position 0 .*\(2 offending values"):
        with_change_test(df, unit="percent", level=0.95, independent=True, se="se")
