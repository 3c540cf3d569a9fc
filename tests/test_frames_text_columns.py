"""A text output column is a string column on every engine, whatever its values.

``with_reliability`` writes labels, missing where the RSE is missing. With
every RSE missing, or no rows at all, the engines would infer no type from
the values (a polars Object, a DuckDB NULL, a Spark NullType column), which
breaks a later concat with another year or a write to Parquet: the column
is a string column there too, as the documentation promises.
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw
import pandas as pd
import polars as pl
import pytest

from backends import EVERY_BACKEND, NAN, collect, make, run
from povstat import with_changes, with_reliability

CASES = {
    "all-missing": [NAN, NAN],
    "mixed": [12.0, NAN],
    "empty": [],
}


def _frame(backend: str, rse: list[float]) -> Any:
    if rse:
        return make(backend, {"rse_pct": rse})
    # No rows: a one-row frame of the backend, emptied, keeps its float type.
    native = make(backend, {"rse_pct": [1.0]})
    if backend.startswith("pandas"):
        return native.iloc[:0]
    if backend in ("polars", "polars-lazy"):
        return native.clear()
    return native.limit(0)  # DuckDB relation, Spark DataFrame


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("backend", EVERY_BACKEND)
def test_reliability_is_a_string_column(backend: str, case: str) -> None:
    out = run(with_reliability, _frame(backend, CASES[case]), bands="bps")
    assert nw.from_native(out).collect_schema()["reliability"] == nw.String
    # BPS bands: an RSE of 12 % (at most 25 %) is reliable; missing stays missing.
    expected = {"all-missing": [None, None], "mixed": ["reliable", None], "empty": []}
    got = collect(out)["reliability"]
    values = got.to_list() if isinstance(got, pl.Series) else got.tolist()
    assert [None if pd.isna(v) else v for v in values] == expected[case]


@pytest.mark.parametrize("case", ["all-missing", "empty"])
def test_a_round_without_rses_concatenates_with_one_with_them(case: str) -> None:
    without = with_reliability(_frame("polars", CASES[case]), bands="bps")
    with_them = with_reliability(pl.DataFrame({"rse_pct": [12.0, 31.0]}), bands="bps")
    both = pl.concat([without, with_them])
    # BPS bands: 12 % reliable, 31 % (25 to 50 %) use with caution.
    assert both["reliability"].to_list()[-2:] == ["reliable", "use with caution"]


def test_the_previous_reliability_of_a_change_is_a_string_column() -> None:
    df = pl.DataFrame(
        {
            "region_code": ["3573", "3573"],
            "period": [2022, 2023],
            "poverty_rate_pct": [4.37, 4.26],
            "rse_pct": [None, None],
        },
        schema_overrides={"rse_pct": pl.Float64},
    )
    out = with_changes(with_reliability(df, bands="bps"), unit="percent")
    assert out.schema["previous_reliability"] == pl.String
