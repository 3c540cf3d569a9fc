"""parse_numbers takes each container by name, and shows odd cells plainly.

Columns of polars and pyarrow are read cell by cell as Python values (a
128-bit integer by the rule for integers, a struct as the map it is);
frames that are lazy, relations and tables are refused naming their kind.
Cells that are neither text nor numbers are shown as plain text, never as
Python reprs, and described as read_bps_table describes them.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import povstat as ps

B = 2**53 + 1  # nearest float64 2**53 = 9007199254740992


def test_polars_int128_is_read_by_the_rule_for_integers() -> None:
    # 5 is held; 2**80 + 1 = 1208925819614629174706177 is not (its nearest
    # float64 is 2**80 = 1.2089258196146292e+24).
    r = ps.parse_numbers(
        pl.Series([5, 2**80 + 1, None], dtype=pl.Int128), locale="en", errors="report"
    )
    assert r.value[0] == 5.0
    assert np.isnan(r.value[1:]).all()
    [cell] = r.invalid
    assert (cell.row, cell.text) == (1, "1208925819614629174706177")
    assert "1.2089258196146292e+24" in cell.reason


@pytest.mark.parametrize(
    "texts", [pa.array(["1,5", None]), pa.chunked_array([["1,5", None]])]
)
def test_pyarrow_arrays_are_read(texts: Any) -> None:
    # "1,5" in locale "id" is 1.5; null is missing.
    r = ps.parse_numbers(texts, locale="id")
    assert r.value[0] == 1.5
    assert np.isnan(r.value[1])


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda: pl.LazyFrame({"a": ["1"]}), r"polars\.LazyFrame\); collect it"),
        (
            lambda: duckdb.sql("select '1,5' a"),
            r"duckdb\.DuckDBPyRelation\); collect it",
        ),
        (lambda: pa.table({"a": ["1"]}), r"a table \(pyarrow\.Table\)"),
    ],
)
def test_frames_are_refused_by_kind(make: Any, kind: str) -> None:
    with pytest.raises(TypeError, match=rf"`texts` must be array-like .*{kind}"):
        ps.parse_numbers(make(), locale="en", errors="report")


def test_structs_and_arrays_are_not_numbers() -> None:
    # A struct is a map, a fixed-size array a list: one invalid cell each,
    # never a column of numbers.
    r = ps.parse_numbers(pl.Series([{"a": 1}]), locale="en", errors="report")
    assert r.value.shape == (1,)
    assert [(c.text, c.reason) for c in r.invalid] == [
        ("{'a': 1}", "a map (keys and values), not a number")
    ]
    arr = pl.Series([[1, 2]], dtype=pl.Array(pl.Int64, 2))
    r = ps.parse_numbers(arr, locale="en", errors="report")
    assert r.value.shape == (1,)
    assert [(c.text, c.reason) for c in r.invalid] == [
        ("[1, 2]", "a list of values, not a number")
    ]


def test_nat_is_missing_everywhere() -> None:
    # pd.NaT in an object column: missing, in parse_numbers and
    # read_bps_table alike (Kota Batu's value is missing, not invalid).
    r = ps.parse_numbers(pd.Series([pd.NaT, "1"], dtype=object), locale="en")
    assert np.isnan(r.value[0])
    assert r.value[1] == 1.0
    df = pd.DataFrame(
        {
            "Kabupaten/Kota": ["Kota Batu", "Kota Malang"],
            "2022": pd.Series([pd.NaT, 1.5], dtype=object),
        }
    )
    t = ps.read_bps_table(df, locale="en", errors="report")
    assert t.invalid == ()
    assert t.data["value"].tolist()[1] == 1.5


def test_zoned_datetime_shows_its_zone() -> None:
    # 2022-01-01 00:00 in Jakarta, as read_bps_table shows it.
    s = pl.Series([datetime.datetime(2022, 1, 1)]).dt.replace_time_zone("Asia/Jakarta")
    [cell] = ps.parse_numbers(s, locale="en", errors="report").invalid
    assert cell.text == "2022-01-01 00:00:00+07:00"


@pytest.mark.parametrize(
    ("cell", "text", "reason"),
    [
        ({"a": np.array([1])}, "{'a': [1]}", "a map"),
        (pd.Interval(0, 1), "(0, 1]", "an interval (two bounds)"),
        (pd.Period("2022", freq="Y"), "2022", "a date or time"),
        (
            uuid.UUID(int=1),
            "00000000-0000-0000-0000-000000000001",
            "a UUID",
        ),
        (frozenset({2, 1}), "{1, 2}", "a list of values"),
        (range(3), "[0, 1, 2]", "a list of values"),
        (np.void(b"ab"), "ab", "bytes, not text"),
        (pd.DateOffset(days=1), "1 days 00:00:00", "a time interval"),
        (pd.DateOffset(months=2, days=1), "2 months 1 days 00:00:00", "a time"),
    ],
)
def test_odd_cells_show_plain_text(cell: Any, text: str, reason: str) -> None:
    cells = np.empty(1, dtype=object)
    cells[0] = cell
    [bad] = ps.parse_numbers(cells, locale="en", errors="report").invalid
    assert bad.text == text
    assert bad.reason.startswith(reason)


def test_duckdb_interval_shown_like_other_engines() -> None:
    # INTERVAL 1 DAY: "1 days 00:00:00", as pandas, polars and Spark show it.
    df = duckdb.sql(
        'select \'Kota Batu\' as "Kabupaten/Kota", INTERVAL 1 DAY as "2022"'
    )
    assert df is not None
    [bad] = ps.read_bps_table(df, locale="en", errors="report").invalid
    assert bad.text == "1 days 00:00:00"


@pytest.mark.parametrize(
    ("expr", "text", "reason"),
    [
        # The zone kept: 12:00 at UTC+7, as DuckDB writes it.
        ("'12:00:00+07'::TIMETZ", "12:00:00+07:00", "a date or time"),
        # The bits 1, 0, 1, not the bytes DuckDB stores them in.
        ("'101'::BIT", "101", "a bit string, not a number"),
    ],
)
def test_duckdb_timetz_and_bit_shown_plainly(expr: str, text: str, reason: str) -> None:
    df = duckdb.connect().sql(
        f'select \'Kota Batu\' as "Kabupaten/Kota", {expr} as "2022"'
    )
    [bad] = ps.read_bps_table(df, locale="en", errors="report").invalid
    assert bad.text == text
    assert bad.reason.startswith(reason)


def test_a_date_cell_shows_as_parse_numbers_shows_it() -> None:
    # A polars Date 2022-01-01: "2022-01-01" in both, no time of day added.
    day = datetime.date(2022, 1, 1)
    df = pl.DataFrame({"Kabupaten/Kota": ["Kota Batu"], "2022": [day]})
    [bad] = ps.read_bps_table(df, locale="en", errors="report").invalid
    [cell] = ps.parse_numbers(pl.Series([day]), locale="en", errors="report").invalid
    assert bad.text == cell.text == "2022-01-01"
