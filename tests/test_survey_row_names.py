"""How errors about survey microdata name rows, columns and crossed domains.

A pandas row is named by its index label, and by its position too where
the index repeats labels (``pd.concat`` without ``ignore_index``); a rule
broken by a value of `weight`, `size` or a `line` column names the column
and its first row (eager frames) or its group's labels (lazy engines);
`by` of several columns given to the array functions, and a `line` that
is a number written as text, get advice.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat import (
    NumberParseError,
    parse_columns,
    parse_numbers,
    poverty_estimates,
    poverty_table,
    with_change_test,
)
from povstat.frames._plumbing import row_place

_KW: dict[str, Any] = {"welfare": "w", "line": 550.0, "unit": "percent"}


def _concatenated() -> pd.DataFrame:
    # Two frames of two rows each, concatenated keeping their row numbers:
    # the index is 0, 1, 0, 1, so df.loc[1] gives rows 1 and 3.
    a = pd.DataFrame({"w": [500.0, 600.0], "g": ["x", "x"], "p": [1, 2]})
    b = pd.DataFrame({"w": [700.0, np.nan], "g": ["y", None], "p": [3, 4]})
    return pd.concat([a, b])


def test_missing_welfare_in_a_concatenated_frame_names_label_and_position() -> None:
    # The missing welfare is the 4th row: index label 1, position 3. The
    # label alone would also select the second row (600.0).
    df = _concatenated().assign(g=["x", "x", "y", "y"])
    before = df.copy()
    with pytest.raises(
        ValueError,
        match=re.escape("first at index label 1 (row position 3); pass nan_policy"),
    ):
        poverty_table(df, by="g", **_KW)
    pd.testing.assert_frame_equal(df, before)
    # With a unique index the label alone names the row.
    with pytest.raises(ValueError, match=re.escape("first at index label 3; pass")):
        poverty_table(df.reset_index(drop=True), by="g", **_KW)


def test_missing_by_label_in_a_concatenated_frame_names_label_and_position() -> None:
    # `g` is missing on the 4th row only: index label 1, position 3.
    df = _concatenated().assign(w=[500.0, 600.0, 700.0, 800.0])
    with pytest.raises(
        ValueError,
        match=re.escape(
            "`by` column 'g' must not hold missing values: 1 row missing, "
            "first at index label 1 (row position 3)"
        ),
    ):
        poverty_table(df, by="g", **_KW)


def test_row_place_adds_the_position_only_where_labels_repeat() -> None:
    import narwhals.stable.v2 as nw

    unique = nw.from_native(pd.DataFrame({"a": [1, 2]}, index=["r", "s"]))
    assert row_place(unique, 1) == "index label 's'"
    repeated = nw.from_native(pd.DataFrame({"a": [1, 2, 3]}, index=["r", "s", "r"]))
    assert row_place(repeated, 0) == "index label 'r' (row position 0)"
    # Repeated labels: every row gets its position, a unique label too.
    assert row_place(repeated, 1) == "index label 's' (row position 1)"
    multi = pd.MultiIndex.from_tuples([(2, "y"), (2, "y")])
    assert (
        row_place(nw.from_native(pd.DataFrame({"a": [1, 2]}, index=multi)), 1)
        == "index label (2, 'y') (row position 1)"
    )
    assert row_place(nw.from_native(pl.DataFrame({"a": [1, 2]})), 1) == (
        "row position 1"
    )


def test_frame_adapter_names_label_position_and_keys_where_labels_repeat() -> None:
    # with_change_test: an SE whose square overflows float64 is refused,
    # naming its row and its region and period. Index 10, 11, 10, 11: the
    # offending SE (2e154) is on the 4th row, label 11, position 3.
    data = {
        "region_code": ["A", "A", "B", "B"],
        "period": [2022, 2023, 2022, 2023],
        "poverty_rate_pct": [10.0, 11.0, 12.0, 12.5],
        "se": [0.3, 0.3, 0.4, 2e154],
    }
    df = pd.DataFrame(data, index=[10, 11, 10, 11])
    with pytest.raises(ValueError, match=r"`se` column 'se' must be at most") as err:
        with_change_test(df, unit="percent", level=0.95, independent=True, se="se")
    assert "index label 11 (row position 3; region_code 'B', period 2023)" in str(
        err.value
    )


# Value rules: row 1 (0-based) breaks each; the pandas index is 10, 11, 12.
_RULES = pd.DataFrame(
    {
        "w": [500.0, 600.0, 520.0],
        "wt": [1.0, -1.0, 2.0],
        "s": [1.0, -2.0, 3.0],
        "l": [550.0, 0.0, 550.0],
        "inf": [1.0, np.inf, 2.0],
        "g": ["a", "b", "b"],
        "p": [1, 2, 3],
    },
    index=[10, 11, 12],
)

_CASES = [
    # (keywords, the message's start, the smallest value shown)
    ({"weight": "wt"}, "`weight` column 'wt' must be >= 0", ", the smallest -1.0"),
    ({"size": "s"}, "`size` column 's' must be >= 0", ", the smallest -2.0"),
    ({"line": "l"}, "`line` column 'l' must be > 0", ", the smallest 0.0"),
    ({"lines": {"z": "l"}}, "`lines` entry 'z' column 'l' must be > 0", ", the"),
    ({"weight": "inf"}, "`weight` column 'inf' must be finite", ""),
    ({"line": "inf"}, "`line` column 'inf' must be finite", ""),
]


def _frames() -> dict[str, Any]:
    pdf = pl.from_pandas(_RULES)
    return {
        "pandas": _RULES,
        "polars": pdf,
        "polars lazy": pdf.lazy(),
        "duckdb": duckdb.from_arrow(pdf.to_arrow()),
    }


@pytest.mark.parametrize("engine", ["pandas", "polars", "polars lazy", "duckdb"])
@pytest.mark.parametrize(("kw", "start", "low"), _CASES)
def test_value_rules_name_the_column_and_the_row(
    engine: str, kw: dict[str, Any], start: str, low: str
) -> None:
    # Row 1 breaks the rule: the pandas index label 11, the polars row
    # position 1; a lazy engine has no row order and names the row's group
    # (g 'b', PSU 2).
    frame = _frames()[engine]
    args = {**_KW, **kw} if "lines" not in kw else {**_KW, "line": None, **kw}
    place = {
        "pandas": "first at index label 11",
        "polars": "first at row position 1",
    }.get(engine, "; the first group (in label order) holding such rows: g 'b', p 2")
    with pytest.raises(ValueError, match=re.escape(start)) as err:
        poverty_table(frame, by="g", psu="p", **args)
    text = str(err.value)
    assert low in text
    assert text.endswith(place), text
    # Without design columns on a lazy engine: one group, nothing named.
    if engine in ("polars lazy", "duckdb"):
        with pytest.raises(ValueError, match=re.escape(start)) as err:
            poverty_table(frame, **args)
        assert "first group" not in str(err.value)
        assert "first at" not in str(err.value)


@pytest.mark.parametrize("engine", ["polars lazy", "duckdb"])
def test_lazy_engines_name_the_group_whose_labels_sort_first(engine: str) -> None:
    # Negative weights in groups ('b', 2) and ('a', 9), in that row order:
    # the message names ('a', 9), whose `by` label sorts first, whatever
    # the order of the rows.
    data = pd.DataFrame(
        {"w": [500.0, 600.0, 520.0], "wt": [1.0, -1.0, -3.0], "g": ["c", "b", "a"]}
    ).assign(p=[1, 2, 9])
    for rows in (data, data.iloc[::-1]):
        pdf = pl.from_pandas(rows.reset_index(drop=True))
        frame = (
            pdf.lazy() if engine == "polars lazy" else duckdb.from_arrow(pdf.to_arrow())
        )
        with pytest.raises(ValueError, match=r"2 row\(s\) break") as err:
            poverty_table(frame, weight="wt", by="g", psu="p", **_KW)
        assert str(err.value).endswith(
            "; the first group (in label order) holding such rows: g 'a', p 9"
        )


@pytest.mark.parametrize(
    "by",
    [
        [pd.Series(["a", "b", "a"]), pd.Series(["u", "r", "u"])],
        [["a", "b", "a"], ["u", "r", "u"]],
        [("a", "u"), ("b", "r"), ("a", "u")],
        np.array([["a", "u"], ["b", "r"], ["a", "u"]]),
    ],
)
def test_crossed_domains_for_the_array_functions_get_advice(by: Any) -> None:
    # Columns (or a row of labels per unit) where one label per unit is due:
    # the message advises a combined label or poverty_table(by=[...]) and
    # never prints a whole column (a Series repr spans lines).
    with pytest.raises(TypeError, match="crossed domains") as err:
        poverty_estimates([500.0, 600.0, 700.0], 550, unit="percent", by=by)
    text = str(err.value)
    assert "\n" not in text
    assert "dtype" not in text
    assert "poverty_table with by=[...]" in text


def test_a_long_container_label_is_described_not_printed() -> None:
    # 3 Series of 3 values: the first is described by its length.
    series = [pd.Series(["a", "b", "a"])] * 3
    with pytest.raises(TypeError, match=r"got a Series at index 0 \(of 3 values\);"):
        poverty_estimates([500.0, 600.0, 700.0], 550, unit="percent", by=series)


@pytest.mark.parametrize(
    ("line", "advice"),
    [
        ("550000", "pass the line as a number (line=550000.0), reading"),
        ("5.5e5", "pass the line as a number (line=550000.0), reading"),
        # Indonesian thousands: 550 thousand, not 550.0: no number offered.
        ("550.000", "pass the line as a number, reading"),
        ("550,5", "pass the line as a number, reading"),
    ],
)
def test_a_line_that_is_a_number_written_as_text_gets_advice(
    line: str, advice: str
) -> None:
    df = pd.DataFrame({"w": [500.0, 600.0]})
    with pytest.raises(ValueError, match=rf"`line` column '{re.escape(line)}' not"):
        poverty_table(df, welfare="w", line=line, unit="percent")
    with pytest.raises(ValueError, match=re.escape(advice)):
        poverty_table(df, welfare="w", line=line, unit="percent")
    with pytest.raises(ValueError, match=re.escape("'z': 550000.0")):
        poverty_table(df, welfare="w", lines={"z": "550000"}, unit="percent")


def test_a_line_column_name_that_is_absent_gets_no_number_advice() -> None:
    df = pd.DataFrame({"w": [500.0, 600.0]})
    with pytest.raises(ValueError, match=r"columns: \['w'\]$"):
        poverty_table(df, welfare="w", line="gk", unit="percent")


def test_parse_errors_name_label_and_position_where_labels_repeat() -> None:
    # pd.concat keeps each part's row numbers: the index is 0, 1, 0, 1; the
    # bad cell "x" is the 4th, label 1, position 3 (label 1 is also "5,1").
    parts = [pd.Series(["4,26", "5,1"]), pd.Series(["6,2", "x"])]
    series = pd.concat(parts)
    with pytest.raises(NumberParseError, match=r"row 1 \(row position 3\): 'x'"):
        parse_numbers(series, locale="id")
    with pytest.raises(NumberParseError, match=r"\n  row 3: 'x'"):
        parse_numbers(series.reset_index(drop=True), locale="id")
    df = pd.concat([s.to_frame("a") for s in parts])
    with pytest.raises(
        NumberParseError, match=r"row 1 \(row position 3\), column 'a': 'x'"
    ):
        parse_columns(df, "a", locale="id")
