"""check_statements with category columns read as their values (rounding13c G5, G6)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]

from povstat.statements import check_statements

# Two regions, two years; rates in percent, poor in thousands.
DATA = pd.DataFrame(
    {
        "region_code": ["3573", "3578", "3573", "3578"],
        "year": [2023, 2023, 2024, 2024],
        "poverty_rate_pct": [4.26, 3.96, 3.91, 3.80],
        "poor_thousands": [37.55, 120.40, 34.61, 116.00],
    }
)
KW: dict[str, Any] = {
    "unit": "percent",
    "persons_per_poor_unit": 1000,
    "period": "year",
    "rate_decimals": 2,
    "headcount": "poor_thousands",
}


def test_unordered_category_year_rank_statement() -> None:
    # 2023: 3578 has 3.96 < 4.26, so 3573 ranks 2nd from the lowest.
    st = pd.DataFrame(
        [dict(kind="rank", region="3573", period=2023, stated_rank=2, descending=False)]
    )
    cat = DATA.assign(year=DATA["year"].astype("category"))
    before = cat.copy()
    for data in (DATA, cat, pa.Table.from_pandas(cat)):
        assert check_statements(st, data, **KW)["verdict"].tolist() == ["holds"]
    pd.testing.assert_frame_equal(cat, before)  # the caller's frame unchanged
    wrong = st.assign(stated_rank=1)
    assert check_statements(wrong, cat, **KW)["verdict"].tolist() == ["does not hold"]


def test_category_measure_with_empty_level_change_cell() -> None:
    # 3573: 37.55 -> 34.61 thousand poor is a fall of 2.94 (units); the 2024
    # rate of 3573 is 3.91.
    st = pd.DataFrame(
        [
            dict(
                kind="level_change",
                region="3573",
                period_before=2023,
                period_after=2024,
                stated=2.94,
                direction="fall",
                stated_as="units",
                decimals=2,
                measure=None,
            ),
            dict(
                kind="figure",
                region="3573",
                period=2024,
                stated=3.91,
                decimals=2,
                measure="poverty_rate_pct",
            ),
        ]
    )
    cat = st.assign(measure=st["measure"].astype("category"))
    polars = pl.from_pandas(st).with_columns(pl.col("measure").cast(pl.Categorical))
    for statements in (st, cat, polars):
        got = check_statements(statements, DATA, **KW)["verdict"].tolist()
        assert got == ["holds", "holds"]
