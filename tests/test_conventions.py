"""Every adapter follows the table of conventions in the user guide.

The table is docs/user_guide/conventions.csv, rendered on the conventions
page; this test reads the same file.
"""

from __future__ import annotations

import csv
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

import povstat
from povstat import frames

TABLE = Path(__file__).parent.parent / "docs" / "user_guide" / "conventions.csv"
ADAPTERS: dict[str, Callable[..., Any]] = {
    name: getattr(frames, name) for name in frames.__all__
}
# with_changes and with_change_from_base are alternatives: the same changes,
# from the previous period or from a base period.
ALTERNATIVES = {frozenset({"with_changes", "with_change_from_base"})}


def rows() -> list[dict[str, str]]:
    with TABLE.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def names(cell: str) -> list[str]:
    return cell.split()


def test_the_table_has_its_columns() -> None:
    assert list(rows()[0]) == [
        "concept",
        "kind",
        "array_argument",
        "column_argument",
        "column_default",
        "result_attribute",
        "output_columns",
        "written_by",
    ]


@pytest.mark.parametrize("name", sorted(ADAPTERS))
def test_arguments_and_defaults_follow_the_table(name: str) -> None:
    known: dict[str, dict[str, str]] = {}
    for row in rows():
        for argument in names(row["column_argument"]):
            known[argument] = row
    signature = inspect.signature(ADAPTERS[name])
    for parameter in list(signature.parameters.values())[1:]:  # after df
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, parameter
        assert parameter.name in known, f"{name}: `{parameter.name}` not in table"
        expected = expected_default(known[parameter.name]["column_default"], name)
        value = parameter.default
        if expected is REQUIRED:
            assert value is inspect.Parameter.empty, f"{name}: `{parameter.name}`"
        else:
            assert value == expected, f"{name}: `{parameter.name}` default {value!r}"


REQUIRED = object()


def expected_default(cell: str, adapter: str) -> object:
    """Read a default cell: ``BASE; VALUE in ADAPTER ...; ...``.

    BASE is ``required`` (no default), ``optional`` (None), or the default
    itself; the exceptions name the adapters that differ.
    """
    base, *exceptions = (part.strip() for part in cell.split(";"))
    for exception in exceptions:
        value, _, adapters = exception.partition(" in ")
        if adapter in adapters.split():
            base = value
    if base == "required":
        return REQUIRED
    if base in ("optional", "None"):
        return None
    if base in ("True", "False"):
        return base == "True"
    return int(base) if base.isdigit() else base


def sample(name: str) -> pd.DataFrame:
    """A small table with every column an adapter may read."""
    df = pd.DataFrame(
        {
            "region_code": ["3573", "3579", "3573", "3579"],
            "period": [2022, 2022, 2023, 2023],
            "poverty_rate_pct": [4.37, 3.79, 4.26, 3.31],
            "poor_thousands": [38.51, 8.49, 37.78, 7.50],
            "population": [881.2, 224.0, 886.9, 226.6],
            "se": [0.44, 0.38, 0.43, 0.33],
            "rse_pct": [10.1, 10.0, 10.1, 10.0],
        }
    )
    if name == "with_rate":
        df = df.drop(columns="poverty_rate_pct")
    return df


KEYWORDS: dict[str, dict[str, Any]] = {
    "aggregate_regions": {
        "unit": "percent",
        "groups": {"Malang Raya": ["3573", "3579"]},
        "population": "population",
        "se": "se",
        "level": 0.9,
        "independent": True,
    },
    "with_reliability": {"bands": "bps"},
    "with_headcount": {"unit": "percent", "population": "population"},
    "with_rate": {"unit": "percent", "population": "population"},
    "with_implied_population": {"unit": "percent"},
    "with_changes": {"unit": "percent"},
    "with_change_from_base": {"unit": "percent", "base": 2022},
    "with_headcount_decomposition": {"unit": "percent"},
    "with_ranks": {"descending": True, "by": "period"},
    "with_rate_interval": {
        "unit": "percent",
        "level": 0.9,
        "method": "normal",
        "se": "se",
    },
    "with_change_test": {
        "unit": "percent",
        "level": 0.9,
        "independent": True,
        "se": "se",
    },
    "with_rank_sets": {
        "descending": True,
        "level": 0.9,
        "method": "sidak",
        "simultaneous": False,
        "se": "se",
        "by": "period",
    },
}


# Adapters that return a new table (one row per group and period) rather
# than new columns; their key columns are not outputs.
NEW_TABLES = {"aggregate_regions": ("group", "period")}


def written(name: str) -> list[str]:
    df = sample(name)
    out = ADAPTERS[name](df, **KEYWORDS[name])
    old = NEW_TABLES.get(name, tuple(df.columns))
    return [c for c in out.columns if c not in old]


def test_every_adapter_is_sampled() -> None:
    assert set(KEYWORDS) == set(ADAPTERS)


@pytest.mark.parametrize("name", sorted(ADAPTERS))
def test_output_columns_follow_the_table(name: str) -> None:
    expected = {
        column
        for row in rows()
        if name in names(row["written_by"])
        for column in names(row["output_columns"])
    }
    assert set(written(name)) == expected


def test_no_two_adapters_write_the_same_column() -> None:
    seen: dict[str, str] = {}
    for name in sorted(ADAPTERS):
        for column in written(name):
            other = seen.get(column)
            if other is not None:
                assert frozenset({name, other}) in ALTERNATIVES, (column, name, other)
            seen[column] = name


def test_the_adapters_chain() -> None:
    # Each pair that shares a topic writes different columns, so they chain.
    df = sample("with_changes")
    out = povstat.with_change_test(
        povstat.with_changes(df, unit="percent"), **KEYWORDS["with_change_test"]
    )
    out = povstat.with_rank_sets(
        povstat.with_ranks(out, descending=True, by="period"),
        **KEYWORDS["with_rank_sets"],
    )
    assert {"change_points", "change_p_value", "rank", "rank_upper"} <= set(out)


@pytest.mark.parametrize("name", sorted(ADAPTERS))
def test_repeated_column_names_are_refused(name: str) -> None:
    # A pandas frame may repeat a name (after a concat); which column a
    # formula would read is then a guess, so every adapter refuses it.
    df = sample(name)
    repeated = pd.concat([df, df[["region_code"]]], axis=1)
    before = repeated.copy()
    with pytest.raises(
        ValueError, match=r"`df` has repeated column names \['region_code'\]"
    ):
        ADAPTERS[name](repeated, **KEYWORDS[name])
    pd.testing.assert_frame_equal(repeated, before)


@pytest.mark.parametrize("clash", ["repeated", "case"])
@pytest.mark.parametrize("name", sorted(ADAPTERS))
def test_clashing_column_names_are_refused_on_duckdb(name: str, clash: str) -> None:
    # DuckDB keeps a repeated name (SELECT * of a join) and matches names
    # whatever their case; collecting renamed the second to region_code_1,
    # so a column could silently be read from the wrong source.
    con = duckdb.connect()
    con.register("rel", sample(name))
    extra = "region_code" if clash == "repeated" else "'x' as REGION_CODE"
    frame = con.sql(f"select *, {extra} from rel")
    pattern = (
        r"`df` has repeated column names \['region_code'\]"
        if clash == "repeated"
        else r"`df` has column names that DuckDB reads as one name .*"
        r"\['region_code', 'REGION_CODE'\]"
    )
    with pytest.raises(ValueError, match=pattern):
        ADAPTERS[name](frame, **KEYWORDS[name])
