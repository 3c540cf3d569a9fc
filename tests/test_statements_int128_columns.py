"""check_statements with polars Int128 columns, in `statements` or `data`.

Pandas (through Arrow) has no 128-bit integers; such a column is moved as its
Python ints, as the array functions read a polars Int128 Series, and then read
by the rule for integers float64 must hold. A verdict, never pyarrow's
"unsupported format string '_pli128'".
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from povstat.statements import check_statements

pl = pytest.importorskip("polars")

# Two regions: A fell 4.37 -> 4.26 % (0.11 points), poor 37,780 -> 34,840.
DATA = {
    "region_code": ["A", "B", "A", "B"],
    "year": [2023, 2023, 2024, 2024],
    "poverty_rate_pct": [4.37, 3.31, 4.26, 3.20],
    "poor_thousands": [37780, 10000, 34840, 9500],
}
STATEMENTS = {
    "kind": ["change", "rank", "figure"],
    "region": ["A", "A", "A"],
    "period": [None, 2023, 2024],
    "period_before": [2023, None, None],
    "period_after": [2024, None, None],
    "stated": [0.11, None, 34840],
    "direction": ["fall", None, None],
    "stated_as": ["points", None, None],
    "decimals": [2, None, 0],
    "measure": [None, None, "poor_thousands"],
    "stated_rank": [None, 2, None],
    "descending": [None, False, None],
}
# By hand: 0.11 points is the fall; A (4.37) ranks 2 of 2 from the lowest
# in 2023 (B: 3.31); A's poor in 2024 are 34,840.
WANT = ["holds", "holds", "holds"]


def _check(statements: Any, data: Any) -> pd.DataFrame:
    return check_statements(
        statements, data, unit="percent", persons_per_poor_unit=1, period="year"
    )


def test_int128_in_statements() -> None:
    st = pl.DataFrame(STATEMENTS).with_columns(
        pl.col("stated_rank", "period", "period_before", "period_after").cast(pl.Int128)
    )
    out = _check(st, pd.DataFrame(DATA))
    assert out["verdict"].tolist() == WANT
    # The statements come back column for column, the Int128 ones as ints.
    assert out["stated_rank"].tolist() == [None, 2, None]
    assert list(out.columns[: len(STATEMENTS)]) == list(STATEMENTS)


def test_int128_in_data() -> None:
    data = pl.DataFrame(DATA).with_columns(
        pl.col("year", "poor_thousands").cast(pl.Int128)
    )
    out = _check(pl.DataFrame(STATEMENTS), data)
    assert out["verdict"].tolist() == WANT
    same = _check(pl.DataFrame(STATEMENTS), pl.DataFrame(DATA))
    assert out["reason"].tolist() == same["reason"].tolist()


def test_int128_value_float64_cannot_hold_is_refused_naming_the_column() -> None:
    # 2**53 + 1 would be read as 2**53: refused, as the adapters refuse it.
    data = pl.DataFrame(DATA).with_columns(
        pl.Series("poor_thousands", [37780, 10000, 2**53 + 1, 9500], dtype=pl.Int128)
    )
    with pytest.raises(ValueError, match="cannot hold exactly") as err:
        _check(pl.DataFrame(STATEMENTS), data)
    assert "`poor_thousands`" in str(err.value)
    assert "9007199254740993" in str(err.value)
