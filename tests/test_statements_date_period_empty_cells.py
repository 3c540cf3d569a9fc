"""A date period column with an empty cell, encoded or not (numbers14 N5).

A mixed statements frame leaves `period` empty on direction rows and
`period_before`/`period_after` empty on figure rows. Held as a pandas
category, a pyarrow dictionary, or an object column whose empty cell is a
float NaN (a frame built from a list of dicts), the column reads as the
same dates with None in the empty cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from povstat.datasets import load_east_java
from povstat.statements import check_statements

KW: dict[str, Any] = dict(
    unit="percent", persons_per_poor_unit=1000, period="period", rate_decimals=2
)


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    ej = load_east_java()
    keep = ej.region_type.isin(["kabupaten", "kota"]) & ej.year.isin([2024, 2025])
    cols = ["region_code", "period", "poverty_rate_pct", "poor_thousands"]
    return ej[keep][cols].reset_index(drop=True)


# Kota Batu (3573): 3.91 % in March 2024, 3.85 % in March 2025 (the
# dataset's BPS figures), so "3.85 in March 2025" and "fell" both hold.
ST = pd.DataFrame(
    {
        "kind": ["figure", "direction"],
        "region": ["3573", "3573"],
        "period": [dt.date(2025, 3, 1), None],
        "period_before": [None, dt.date(2024, 3, 1)],
        "period_after": [None, dt.date(2025, 3, 1)],
        "direction": [None, "fall"],
        "measure": ["poverty_rate_pct", None],
        "stated": [3.85, None],
        "decimals": [2, None],
    }
)
HOLD = ["holds", "holds"]


def test_plain_column(data: pd.DataFrame) -> None:
    assert check_statements(ST, data, **KW).verdict.tolist() == HOLD


@pytest.mark.parametrize("col", ["period", "period_before", "period_after"])
def test_category(data: pd.DataFrame, col: str) -> None:
    st = ST.assign(**{col: ST[col].astype("category")})
    assert check_statements(st, data, **KW).verdict.tolist() == HOLD


@pytest.mark.parametrize("col", ["period", "period_before", "period_after"])
def test_arrow_dictionary(data: pd.DataFrame, col: str) -> None:
    table = pa.Table.from_pandas(ST, preserve_index=False)
    i = table.schema.get_field_index(col)
    encoded = table.set_column(i, col, table[col].dictionary_encode())
    assert check_statements(encoded, data, **KW).verdict.tolist() == HOLD


def test_object_column_with_nan(data: pd.DataFrame) -> None:
    st = ST.assign(period=pd.Series([dt.date(2025, 3, 1), np.nan], dtype=object))
    assert check_statements(st, data, **KW).verdict.tolist() == HOLD
    rows = pd.DataFrame(ST.to_dict("records")).astype(object)
    rows = rows.where(rows.notna(), np.nan)  # empty cells as NaN, as dicts give
    assert check_statements(rows, data, **KW).verdict.tolist() == HOLD
    assert ST["period"].isna().tolist() == [False, True]  # not changed
