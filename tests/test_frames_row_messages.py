"""Value errors of the frame adapters name the caller's column and row."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

import povstat as ps

# Row index label 6 (region A, period 2023) is at fault in each table: its
# SE is negative (-0.2), and its 30.0 thousand poor exceed its population
# of 20.0 thousand.
TABLE = pd.DataFrame(
    {
        "region_code": ["A", "A", "C"],
        "period": [2022, 2023, 2023],
        "poor_thousands": [1.0, 30.0, 4.0],
        "poverty_rate_pct": [10.0, 20.0, 40.0],
        "pop": [10.0, 20.0, 40.0],
        "g": ["x", "x", "y"],
        "se": [0.1, -0.2, 0.1],
    },
    index=[5, 6, 7],
)


def _frame(engine: str) -> Any:
    if engine == "pandas":
        return TABLE
    if engine == "polars-lazy":
        import polars as pl

        return pl.from_pandas(TABLE).lazy()
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.register("t", TABLE)
    return con.sql("select * from t")


# The second row of the collected rows is index label 6.
WHERE = {
    "pandas": "index label 6",
    "polars-lazy": "row position 1 of the collected rows",
}
WHERE["duckdb"] = WHERE["polars-lazy"]

CASES: dict[str, tuple[Callable[[Any], object], str, bool]] = {
    "with_change_test": (
        lambda d: ps.with_change_test(
            d, unit="percent", level=0.95, independent=True, se="se"
        ),
        r"`se` column 'se' must be finite and >= 0, found -0\.2",
        True,
    ),
    "aggregate_regions": (
        lambda d: ps.aggregate_regions(d, unit="percent", by="g", population="pop"),
        r"`headcount` column 'poor_thousands' must not exceed `population` "
        r"column 'pop', found 30\.0 > 20\.0",
        True,
    ),
    "with_rate": (
        lambda d: ps.with_rate(d, unit="percent", population="pop"),
        r"`headcount` column 'poor_thousands' must not exceed `population` "
        r"column 'pop', found 30\.0 > 20\.0",
        False,
    ),
}


@pytest.mark.parametrize("engine", ["pandas", "polars-lazy", "duckdb"])
@pytest.mark.parametrize("name", ["with_change_test", "aggregate_regions", "with_rate"])
def test_value_error_names_column_and_row(engine: str, name: str) -> None:
    call, message, keys = CASES[name]
    where = WHERE[engine]
    if keys:
        where += " (region_code 'A', period 2023)"
    with pytest.raises(ValueError, match=message + " at " + _escape(where) + "$"):
        call(_frame(engine))


def _escape(text: str) -> str:
    return re.escape(text)
