"""Output columns against caller's columns equal to them but for letter case.

DuckDB and Spark (unless ``spark.sql.caseSensitive`` is on) match column
names whatever their case: a caller's column "Rank" *is* the column "rank"
there. Writing povstat's "rank" beside it was either renamed by DuckDB to
"rank_1" (so that selecting "rank" read the caller's column) or left Spark
with an ambiguous name; every adapter refuses it as it refuses an exact
clash, naming both columns. pandas and polars tell the names apart and keep
both columns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat
from backends import ENGINES, PANDAS, POLARS, col, collect, make, run, spark
from test_frames_engines import CASES, DATA, by_row, frame

# Each adapter's first output column, written by the caller in another case.
CASED = [
    pytest.param(adapter, kw, (outputs or ["rate"])[0], id=name)
    for name, adapter, kw, outputs in CASES
]


def cased(name: str) -> str:
    """`name` with its first letter upper case: "rank" -> "Rank"."""
    return name[:1].upper() + name[1:]


def with_column(backend: str, adapter: Callable[..., Any], name: str) -> Any:
    """The engines' test frame with a caller's column `name` (all 7.0)."""
    data = dict(DATA)
    if adapter is povstat.with_rate:
        data["poor_thousands"] = [0.5 * p for p in data["population"]]
    data[name] = [7.0] * len(data["row"])
    return make(backend, data)


@pytest.mark.parametrize("backend", ENGINES)
@pytest.mark.parametrize(("adapter", "kw", "output"), CASED)
def test_an_output_equal_but_for_case_is_refused_on_engines_ignoring_case(
    backend: str, adapter: Callable[..., Any], kw: dict[str, Any], output: str
) -> None:
    caller = cased(output)
    native = with_column(backend, adapter, caller)
    engine = "DuckDB" if backend == "duckdb" else "Spark"
    pattern = (
        rf"output column\(s\) \[.*'{output}'.*\] already exist in the frame "
        rf"\(column '{caller}' is '{output}' to {engine}, which matches column "
        r"names whatever .*\); povstat never overwrites a column"
    )
    with pytest.raises(ValueError, match=pattern):
        adapter(native, **kw)


@pytest.mark.parametrize("backend", ENGINES)
def test_an_exact_clash_keeps_its_message_on_engines(backend: str) -> None:
    native = with_column(backend, povstat.with_ranks, "rank")
    with pytest.raises(
        ValueError, match=r"\['rank'\] already exist in the frame; povstat never"
    ):
        povstat.with_ranks(native, descending=True, by="period")


@pytest.mark.parametrize("backend", PANDAS + POLARS)
@pytest.mark.parametrize(("adapter", "kw", "output"), CASED)
def test_pandas_and_polars_keep_both_columns(
    backend: str, adapter: Callable[..., Any], kw: dict[str, Any], output: str
) -> None:
    # Case-sensitive frames: "Rank" and "rank" are two columns. povstat's
    # column holds what it holds without the caller's one; the caller's
    # column is handed back unchanged (all 7.0).
    caller = cased(output)
    which = "rate" if adapter is povstat.with_rate else output
    reference = adapter(frame("pandas[float64]", which), **kw)
    out = collect(run(adapter, with_column(backend, adapter, caller), **kw))
    assert caller in out.columns
    assert output in out.columns
    np.testing.assert_array_equal(col(out, caller), np.full(len(DATA["row"]), 7.0))
    np.testing.assert_allclose(
        by_row(out, output),
        reference[output].to_numpy(np.float64),
        rtol=1e-12,
        equal_nan=True,
    )


def test_ranks_beside_a_published_rank_column_on_pandas() -> None:
    # The finding's table: a published "Rank" 1, 3, 2 beside rates 10.0,
    # 4.26, 3.31. By hand, descending: 10.0 is 1st, 4.26 2nd, 3.31 3rd.
    df = pd.DataFrame(
        {
            "region_code": ["3507", "3573", "3579"],
            "period": [2023] * 3,
            "poverty_rate_pct": [10.0, 4.26, 3.31],
            "Rank": [1, 3, 2],
        }
    )
    out = povstat.with_ranks(df, descending=True, by="period")
    assert out["rank"].tolist() == [1, 2, 3]
    assert out["Rank"].tolist() == [1, 3, 2]


@pytest.mark.spark
def test_spark_telling_case_apart_keeps_both_columns() -> None:
    # With spark.sql.caseSensitive on, Spark reads "Rank" and "rank" as two
    # columns, as pandas does: nothing to refuse. By hand, descending per
    # period: 2022 has 22.78 > 4.37 > 3.79 -> Sampang 1, Malang 2, Batu 3.
    session = spark()
    session.conf.set("spark.sql.caseSensitive", "true")
    try:
        native = with_column("pyspark", povstat.with_ranks, "Rank")
        out = collect(povstat.with_ranks(native, descending=True, by="period"))
    finally:
        session.conf.set("spark.sql.caseSensitive", "false")
    assert isinstance(out, pl.DataFrame)
    first = out.filter(pl.col("row") < 3).sort("row")
    assert first["rank"].to_list() == [2, 3, 1]
    assert first["Rank"].to_list() == [7.0] * 3


@pytest.mark.parametrize("backend", ["duckdb", "pyspark", "pandas[float64]"])
def test_aggregate_regions_period_named_like_an_output_but_for_case(
    backend: str,
) -> None:
    data = {
        "region_code": ["3507", "3573"],
        "Group": [2023, 2023],
        "poverty_rate_pct": [10.0, 4.26],
        "poor_thousands": [270.0, 38.0],
    }
    kw: dict[str, Any] = {
        "unit": "percent",
        "groups": {"MR": ["3507", "3573"]},
        "period": "Group",
    }
    native = make(backend, data)
    if backend == "pandas[float64]":
        # pandas tells "Group" from "group": by hand 308 thousand poor.
        out = povstat.aggregate_regions(native, **kw)
        assert out["group"].tolist() == ["MR"]
        assert out["Group"].tolist() == [2023]
        assert out["pooled_headcount"].tolist() == [308.0]
        return
    with pytest.raises(
        ValueError,
        match=r"period column 'Group' .* clashes with the output columns 'group' "
        r"and 'pooled_\*' \(to (DuckDB|Spark), which matches column names",
    ):
        povstat.aggregate_regions(native, **kw)
