"""A key held in a pandas frame's index, not a column, is named as such.

A frame indexed by region and period (``df.set_index(["region_code",
"period"])``) is common in pandas; the adapters read columns, so the
refusal says that the name is an index level and how to make it a column.
"""

from __future__ import annotations

import pandas as pd
import pytest

from povstat import poverty_table, with_changes, with_headcount, with_ranks

ROWS = pd.DataFrame(
    {
        "region_code": ["3573", "3573"],
        "period": [2022, 2023],
        "poverty_rate_pct": [4.37, 4.26],
        "poor_thousands": [38.74, 37.78],
        "population": [886.5, 886.9],
    }
)


def test_an_index_level_is_named_with_the_advice_to_reset_it() -> None:
    indexed = ROWS.set_index(["region_code", "period"])
    with pytest.raises(ValueError, match="'region_code'") as info:
        with_changes(indexed, unit="percent")
    msg = str(info.value)
    assert "'region_code' is an index level of the pandas frame" in msg
    assert ".reset_index()" in msg
    # A name in neither the columns nor the index gets no note.
    with pytest.raises(ValueError, match="is not in the frame") as info:
        with_changes(indexed.reset_index(), unit="percent", rate="rate")
    assert "index" not in str(info.value)


def test_a_single_index_is_named_as_the_index() -> None:
    indexed = ROWS.set_index("region_code")
    with pytest.raises(ValueError, match="is the index of the pandas frame"):
        with_ranks(indexed, descending=True)


def test_a_value_column_in_the_index_is_named_too() -> None:
    indexed = ROWS.set_index("population")
    with pytest.raises(ValueError, match="'population' is the index"):
        with_headcount(indexed, unit="percent", population="population")


def test_poverty_table_names_an_index_level_too() -> None:
    units = pd.DataFrame(
        {"hh": [1, 2], "district": ["a", "b"], "welfare": [50.0, 150.0]}
    ).set_index(["hh", "district"])
    with pytest.raises(ValueError, match="'district' is an index level"):
        poverty_table(
            units, welfare="welfare", line=100.0, unit="percent", by="district"
        )
