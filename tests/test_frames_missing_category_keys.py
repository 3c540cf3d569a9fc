"""A missing label in a categorical key column is refused, on every engine.

A DuckDB ``ENUM`` NULL (what ``TRY_CAST`` gives for a code missing from the
type's list) reached the adapters as a pyarrow dictionary entry, which
pyarrow's ``to_numpy`` reads as a category (DuckDB's as the last one): the
row was keyed as that region or group. A pandas categorical of integers
with a missing value failed inside pandas ("Cannot convert float NaN to
integer"). Both are now refused as every other missing key is, naming the
column, the argument and the first row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import backends
import povstat as P

RATES: dict[str, list[Any]] = {
    "region_code": ["3501", "3502", "3503", "3501", "3502", "3578"],
    "period": [2023, 2023, 2023, 2024, 2024, 2024],
    "poverty_rate_pct": [10.1, 9.5, 8.7, 9.9, 9.4, 4.5],
    "poor_thousands": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    "rate_se": [0.3] * 6,
}
MISSING = "must not have missing values, found 1, first at"

# Every adapter that reads the region key, and those that read a `by` key.
REGION_CALLS: dict[str, Callable[[Any], Any]] = {
    "with_changes": lambda df: P.with_changes(df, unit="percent"),
    "with_change_from_base": lambda df: P.with_change_from_base(
        df, unit="percent", base=2023
    ),
    "with_change_test": lambda df: P.with_change_test(
        df, unit="percent", se="rate_se", level=0.9, independent=True
    ),
    "with_headcount_decomposition": lambda df: P.with_headcount_decomposition(
        df, unit="percent", headcount="poor_thousands"
    ),
    "aggregate_regions": lambda df: P.aggregate_regions(
        df, unit="percent", groups={"g": ["3501", "3503"]}
    ),
    "with_ranks": lambda df: P.with_ranks(df, descending=True, by="period"),
    "with_rank_sets": lambda df: P.with_rank_sets(
        df,
        descending=True,
        by="period",
        se="rate_se",
        level=0.9,
        method="sidak",
        simultaneous=True,
    ),
}
BY_CALLS: dict[str, Callable[[Any], Any]] = {
    "aggregate_regions": lambda df: P.aggregate_regions(df, unit="percent", by="prov"),
    "with_ranks": lambda df: P.with_ranks(df, descending=True, by="prov"),
    "with_rank_sets": lambda df: P.with_rank_sets(
        df,
        descending=True,
        by="prov",
        se="rate_se",
        level=0.9,
        method="sidak",
        simultaneous=True,
    ),
}


def _enum_regions() -> Any:
    """The finding's relation: 3578 is not in the ENUM, so TRY_CAST makes it NULL."""
    con = duckdb.connect()
    con.execute("CREATE TYPE kode AS ENUM ('3501', '3502', '3503')")
    rel = con.from_df(pd.DataFrame(RATES))  # noqa: F841 (read by name in the SQL)
    return con.sql(
        "SELECT * REPLACE (TRY_CAST(region_code AS kode) AS region_code) FROM rel"
    )


@pytest.mark.parametrize("call", list(REGION_CALLS))
def test_a_null_duckdb_enum_region_is_refused(call: str) -> None:
    rel = _enum_regions()
    with pytest.raises(
        ValueError, match=f"key column 'region_code' \\(argument `region`\\) {MISSING}"
    ):
        REGION_CALLS[call](rel)
    # The same column as VARCHAR was already refused, with the same message.
    text = rel.project("* REPLACE (region_code::VARCHAR AS region_code)")
    with pytest.raises(ValueError, match=MISSING):
        REGION_CALLS[call](text)


@pytest.mark.parametrize("call", list(BY_CALLS))
def test_a_null_duckdb_enum_by_is_refused(call: str) -> None:
    df = pd.DataFrame(
        {
            "region_code": ["3501", "3502", "3503", "3578"],
            "period": [2024] * 4,
            "poverty_rate_pct": [9.9, 9.4, 8.7, 4.5],
            "poor_thousands": [4.0, 5.0, 3.0, 6.0],
            "rate_se": [0.3] * 4,
            "prov": ["west", "west", "east", "north"],
        }
    )
    con = duckdb.connect()
    con.execute("CREATE TYPE grp AS ENUM ('west', 'east')")
    rel = con.from_df(df)  # noqa: F841 (read by name in the SQL)
    e = con.sql("SELECT * REPLACE (TRY_CAST(prov AS grp) AS prov) FROM rel")
    with pytest.raises(
        ValueError, match=f"key column 'prov' \\(argument `by`\\) {MISSING}"
    ):
        BY_CALLS[call](e)


def test_a_null_duckdb_enum_period_is_refused() -> None:
    con = duckdb.connect()
    con.execute("CREATE TYPE yr AS ENUM ('2023')")
    texts = pd.DataFrame(RATES).assign(period=lambda d: d.period.astype(str))
    rel = con.from_df(texts)  # noqa: F841 (read by name in the SQL)
    e = con.sql("SELECT * REPLACE (TRY_CAST(period AS yr) AS period) FROM rel")
    # The three 2024 rows are not in the ENUM: three missing periods.
    with pytest.raises(
        ValueError,
        match="key column 'period' \\(argument `by`\\) must not have missing "
        "values, found 3",
    ):
        P.with_ranks(e, descending=True, by="period")


def test_a_duckdb_enum_without_nulls_keys_by_label() -> None:
    # The ENUM lists every code: by hand, 3501 changes 9.9 - 10.1 = -0.2
    # points and 3502 9.4 - 9.5 = -0.1; 3578 has no earlier row (NaN).
    con = duckdb.connect()
    con.execute("CREATE TYPE kode AS ENUM ('3501', '3502', '3503', '3578')")
    rel = con.from_df(pd.DataFrame(RATES))  # noqa: F841 (read by name in the SQL)
    e = con.sql("SELECT * REPLACE (region_code::kode AS region_code) FROM rel")
    out = P.with_changes(e, unit="percent").df().sort_values(["period", "region_code"])
    got = out["change_points"].to_numpy()
    np.testing.assert_allclose(got[3:], [-0.2, -0.1, np.nan], rtol=1e-12)
    assert np.isnan(got[:3]).all()


def _dictionary(values: list[Any]) -> Any:
    """A pyarrow dictionary array whose last entry is null."""
    indices = pa.array([0, 1, 2, 0, 1, None], pa.int32())
    return pa.DictionaryArray.from_arrays(indices, pa.array(values))


def _regions(kind: str) -> Any:
    """The rates with a region column of `kind`, its last entry missing."""
    plain = pd.DataFrame(RATES)
    table = pa.Table.from_pandas(plain, preserve_index=False)
    if kind in ("pyarrow dictionary", "pyarrow int dictionary"):
        values = ["3501", "3502", "3503"] if "int" not in kind else [3501, 3502, 3503]
        return table.set_column(0, "region_code", _dictionary(values))
    if kind == "pandas arrow dictionary":
        arrow = pa.chunked_array([_dictionary(["3501", "3502", "3503"])])
        return plain.assign(
            region_code=pd.array(arrow, dtype=pd.ArrowDtype(arrow.type))
        )
    if kind == "pandas categorical":
        return plain.assign(
            region_code=pd.Categorical([*RATES["region_code"][:5], None])
        )
    frame = pl.from_pandas(plain).with_columns(
        pl.when(pl.col("region_code") != "3578").then(pl.col("region_code"))
    )
    if kind.startswith("polars Enum"):
        frame = frame.cast({"region_code": pl.Enum(["3501", "3502", "3503"])})
    elif kind.startswith("polars Categorical"):
        frame = frame.cast({"region_code": pl.Categorical()})
    return frame.lazy() if kind.endswith("lazy") else frame


@pytest.mark.parametrize(
    "kind",
    [
        "pyarrow dictionary",
        "pyarrow int dictionary",
        "pandas arrow dictionary",
        "pandas categorical",
        "polars Categorical",
        "polars Categorical lazy",
        "polars Enum",
        "polars Enum lazy",
    ],
)
def test_a_missing_dictionary_region_is_refused(kind: str) -> None:
    # pyarrow's own to_numpy reads the null entry of a dictionary array as a
    # category: an eager pyarrow table was keyed wrongly too.
    df = _regions(kind)
    for call in ("with_changes", "aggregate_regions", "with_ranks"):
        with pytest.raises(ValueError, match=f"'region_code' .*{MISSING}"):
            REGION_CALLS[call](df)


@pytest.mark.parametrize("backend", ["pyspark"])
def test_a_null_spark_region_is_refused(backend: str) -> None:
    # Spark has no dictionary type: a NULL string key is refused as before.
    data = dict(RATES, region_code=[*RATES["region_code"][:5], None])
    df = backends.make(backend, data)
    for call in ("with_changes", "aggregate_regions", "with_ranks"):
        with pytest.raises(ValueError, match=f"'region_code' .*{MISSING}"):
            REGION_CALLS[call](df)


def _years(categories: list[Any]) -> pd.DataFrame:
    return pd.DataFrame(RATES).assign(
        region_code=["3501", "3502", "3503", "3501", "3502", "3503"],
        year=pd.Categorical(categories),
    )


@pytest.mark.parametrize(
    "call",
    ["with_ranks", "with_rank_sets", "aggregate_regions"],
)
def test_an_integer_categorical_by_with_a_missing_value_is_refused(call: str) -> None:
    df = _years([2023, 2023, 2023, 2024, 2024, None])
    calls: dict[str, Callable[[Any], Any]] = {
        "with_ranks": lambda d: P.with_ranks(d, descending=True, by="year"),
        "with_rank_sets": lambda d: P.with_rank_sets(
            d,
            descending=True,
            by="year",
            level=0.9,
            method="sidak",
            simultaneous=True,
            se="rate_se",
        ),
        "aggregate_regions": lambda d: P.aggregate_regions(
            d, unit="percent", by="year"
        ),
    }
    with pytest.raises(
        ValueError,
        match=(
            "key column 'year' \\(argument `by`\\) must not have missing values, "
            "found 1, first at index label 5"
        ),
    ):
        calls[call](df)


@pytest.mark.parametrize("call", list(REGION_CALLS))
@pytest.mark.parametrize("codes", [[3501, 3502, 3503], [3501.0, 3502.0, 3503.0]])
def test_an_integer_categorical_region_with_a_missing_value_is_refused(
    call: str, codes: list[Any]
) -> None:
    a, b, c = codes
    df = _years([2023] * 6).assign(
        region_code=pd.Categorical([a, b, None, a, b, c], categories=codes),
        poverty_rate_pct=[10.1, 9.5, 8.7, 9.9, 9.4, 8.8],
    )
    df.index = pd.Index(list("uvwxyz"))
    before = df.copy(deep=True)
    run = REGION_CALLS[call]
    if call == "aggregate_regions":  # groups named by the int codes here
        run = lambda d: P.aggregate_regions(d, unit="percent", groups={"g": [a, c]})  # noqa: E731
    with pytest.raises(
        ValueError,
        match=(
            "key column 'region_code' \\(argument `region`\\) must not have "
            "missing values, found 1, first at index label 'w'"
        ),
    ):
        run(df)
    pd.testing.assert_frame_equal(df, before)


def test_an_integer_categorical_without_missing_values_ranks_by_label() -> None:
    # By hand: 2023 rates 10.1, 9.5, 8.7 rank 1, 2, 3 (highest first); 2024
    # rates 9.9, 9.4, 4.5 rank 1, 2, 3 too.
    df = _years([2023, 2023, 2023, 2024, 2024, 2024])
    out = P.with_ranks(df, descending=True, by="year")
    assert out["rank"].tolist() == [1, 2, 3, 1, 2, 3]
