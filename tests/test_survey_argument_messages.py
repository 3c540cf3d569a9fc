"""Messages that point to the right argument and the right parser."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pytest

import povstat


def test_lines_entry_named_as_poverty_table_takes_it() -> None:
    # A column name under `lines`: poverty_table takes it as lines={...},
    # not as line=...
    with pytest.raises(TypeError, match=r"\(lines=\{'a': 'garis'\}\)") as info:
        povstat.poverty_estimates(
            [1.0, 2.0], unit="fraction", alpha=0, lines={"a": "garis"}
        )
    assert "line='garis'" not in str(info.value)


@pytest.mark.parametrize("kind", ["pandas", "polars", "lazy", "duckdb"])
@pytest.mark.parametrize("column", ["y", "w"])
def test_text_column_points_to_parse_numbers(kind: str, column: str) -> None:
    data: dict[str, list[Any]] = {"y": [1.0, 2.0], "w": [1.0, 1.0]}
    data[column] = ["1.234,5", "2.000"]  # Indonesian thousands and decimals
    d = pd.DataFrame(data)
    frame: Any = {
        "pandas": d,
        "polars": pl.from_pandas(d),
        "lazy": pl.from_pandas(d).lazy(),
        "duckdb": duckdb.from_df(d),
    }[kind]
    with pytest.raises(TypeError, match=r"parse_numbers \(e\.g\. locale='id'"):
        povstat.poverty_table(
            frame, welfare="y", line=1.0, unit="fraction", alpha=0, weight="w"
        )
