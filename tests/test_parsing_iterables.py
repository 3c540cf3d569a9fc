"""parse_numbers reads an iterator's cells, refuses expressions, dicts and sets.

numpy takes a generator, ``map``, dict view, dict, set or a column expression
(a Spark Column, a polars Expr, a DuckDB expression) as ONE odd cell. The
cells an iterator or a dict's keys or values yield are read in order; a
column expression holds no cells and is refused naming its kind and how to
get its cells; a dict, its items and a set are refused (which are the cells,
or their order, would be a guess). Never one cell shown by its repr.
"""

from __future__ import annotations

from typing import Any

import duckdb
import narwhals as nw
import numpy as np
import polars as pl
import pytest

import povstat as ps
from backends import spark

CELLS = {"Pacitan": "13,65", "Kota Batu": "4,1"}


@pytest.mark.parametrize(
    "make",
    [
        lambda: (s for s in ["13,65", "4,1"]),
        lambda: iter(["13,65", "4,1"]),
        lambda: map(str.strip, [" 13,65", "4,1 "]),
        lambda: CELLS.values(),
        lambda: {"13,65": 1, "4,1": 2}.keys(),
        lambda: filter(None, ["13,65", "", "4,1"]),
    ],
)
def test_iterators_and_dict_views_are_read_cell_by_cell(make: Any) -> None:
    # "13,65" and "4,1" in locale "id" are 13.65 and 4.1, in the order given.
    r = ps.parse_numbers(make(), locale="id", errors="report")
    assert r.value.tolist() == [13.65, 4.1]
    assert r.invalid == ()


def test_an_iterator_bad_cell_is_shown_as_its_text_at_its_position() -> None:
    # The second cell "4.1" is not a number in locale "id"; it is cell 1,
    # shown as its text (never the generator's repr).
    r = ps.parse_numbers((s for s in ["13,65", "4.1"]), locale="id", errors="report")
    [cell] = r.invalid
    assert (cell.row, cell.text) == (1, "4.1")
    with pytest.raises(ps.NumberParseError, match=r"'4\.1'") as info:
        ps.parse_numbers(iter(["13,65", "4.1"]), locale="id")
    assert "generator" not in str(info.value)
    assert "iterator" not in str(info.value)


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda: dict(CELLS), r"got dict; pass pandas\.Series\(d\)"),
        (lambda: CELLS.items(), r"got dict_items; pass pandas\.Series\(d\)"),
        (lambda: {"13,65", "4,1"}, r"got set; pass a list.*no order"),
        (lambda: frozenset({"13,65"}), r"got frozenset; pass a list"),
    ],
)
def test_dicts_and_sets_are_refused_by_kind(make: Any, kind: str) -> None:
    with pytest.raises(TypeError, match=rf"`texts` must be .*{kind}"):
        ps.parse_numbers(make(), locale="id")


@pytest.mark.parametrize(
    ("make", "kind", "advice"),
    [
        (lambda: pl.col("a"), r"polars\.Expr", r"df\[name\]"),
        (lambda: pl.col("a").str.strip_chars(), r"polars\.Expr", r"to_series"),
        (lambda: duckdb.ColumnExpression("a"), r"duckdb\.", r"\.df\(\)"),
        (lambda: nw.col("a"), r"narwhals\.Expr", r"df\[name\]"),
    ],
)
def test_column_expressions_are_refused_by_kind(
    make: Any, kind: str, advice: str
) -> None:
    with pytest.raises(
        TypeError, match=rf"column expression \({kind}.*holds no cells; .*{advice}"
    ):
        ps.parse_numbers(make(), locale="id", errors="report")


@pytest.mark.spark
def test_spark_column_is_refused_with_spark_advice() -> None:
    df = spark().createDataFrame([("Pacitan", "13,8")], ["Kabupaten/Kota", "2022"])
    with pytest.raises(
        TypeError,
        match=r"column expression \(pyspark\.Column\).*"
        r"df\.select\(name\)\.toPandas\(\)\[name\]",
    ):
        ps.parse_numbers(df["2022"], locale="id")
    # The whole frame: Spark's own spelling of the conversion.
    with pytest.raises(TypeError, match=r"pyspark\.DataFrame.*\.toPandas\(\) method"):
        ps.parse_numbers(df, locale="id")
    with pytest.raises(TypeError, match=r"pyspark\.DataFrame.*\.toPandas\(\) method"):
        ps.parse_columns(df, "2022", locale="id")


def test_polars_frame_advice_keeps_to_pandas() -> None:
    with pytest.raises(TypeError, match=r"polars\.DataFrame.*\.to_pandas\(\) method"):
        ps.parse_numbers(pl.DataFrame({"a": ["1"]}), locale="id")


def test_duckdb_relation_advice_is_its_df_method_and_works() -> None:
    rel = duckdb.sql("select 'Pacitan' as region, '13,8' as p0")
    assert rel is not None
    with pytest.raises(
        TypeError, match=r"duckdb\.DuckDBPyRelation; .*with its \.df\(\) method"
    ):
        ps.parse_columns(rel, "p0", locale="id")  # type: ignore[arg-type]
    # Followed: "13,8" in locale id is 13.8.
    assert ps.parse_columns(rel.df(), "p0", locale="id")["p0"].tolist() == [13.8]


def test_a_list_and_an_array_are_unchanged() -> None:
    # Sequences numpy reads are read as before: 2 x 1 cells stay 2 x 1.
    r = ps.parse_numbers([["13,65"], ["4,1"]], locale="id")
    assert r.value.shape == (2, 1)
    np.testing.assert_array_equal(
        ps.parse_numbers(np.array(["4,1"]), locale="id").value, [4.1]
    )
