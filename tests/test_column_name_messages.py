"""Data passed where a frame adapter expects a column name.

The message names the argument and the kind of value, quotes the value
short (a whole Series or a list of 100,000 ids cut to its first
characters, with its length), and says to pass the column's name; the
advice to rename the columns is kept for a frame's own non-string column
name.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import poverty_table, with_headcount
from povstat._validate import SHOWN_CHARACTERS, shown

_N = 10**5
_DF = pd.DataFrame({"y": np.linspace(50, 200, _N), "w": 1.0})


@pytest.mark.parametrize(
    ("kw", "kind"),
    [
        ({"weight": _DF["w"]}, "a Series"),
        ({"psu": list(range(_N))}, "a list"),
        ({"fpc": 100}, "an int"),
        ({"strata": np.arange(_N)}, "an ndarray"),
        ({"welfare": 2.5}, "a float"),
    ],
)
def test_data_for_a_column_name(kw: dict[str, Any], kind: str) -> None:
    arg = next(iter(kw))
    args: dict[str, Any] = {"welfare": "y"} | kw
    with pytest.raises(
        TypeError,
        match=rf"^`{arg}` must be a column name \(a str\); got {kind}: .*; "
        r"pass the name of the column.*poverty_estimates takes the arrays",
    ) as info:
        poverty_table(_DF, line=125.0, unit="percent", alpha=0, **args)
    # 600,000 characters of list repr: at most SHOWN_CHARACTERS of it.
    assert len(str(info.value)) < 300
    assert "string column names" not in str(info.value)


def test_a_series_suggests_its_name() -> None:
    with pytest.raises(TypeError, match=r"e\.g\. weight='w'"):
        poverty_table(
            _DF,
            welfare="y",
            line=125.0,
            unit="percent",
            weight=_DF["w"],  # type: ignore[arg-type]
        )


def test_by_given_as_data() -> None:
    with pytest.raises(
        TypeError,
        match=r"`by` must be a column name or a list of them \(each a str\); got "
        r"a Series: .*\(\d+ characters\); pass the names of the columns",
    ) as info:
        poverty_table(
            _DF,
            welfare="y",
            line=125.0,
            unit="percent",
            by=_DF["w"],  # type: ignore[arg-type]
        )
    assert len(str(info.value)) < 300


def test_other_adapters_say_the_same() -> None:
    panel = pd.DataFrame({"rate": [10.0], "population": [100.0]})
    with pytest.raises(
        TypeError,
        match=r"`rate` must be a column name \(a str\); got a list: \[10\.0\]",
    ):
        with_headcount(
            panel,
            unit="percent",
            rate=[10.0],  # type: ignore[arg-type]
            population="population",
        )


def test_shown_cuts_long_values() -> None:
    # A repr of at most SHOWN_CHARACTERS (80) is quoted whole; a longer one
    # on one line, its first 60 characters and its length: list(range(1000))
    # prints 4890 characters, "[0, 1, 2, ..., 999]".
    assert shown([1, 2, 3]) == "[1, 2, 3]"
    whole = "x" * (SHOWN_CHARACTERS - 2)  # its repr: 80 characters
    assert shown(whole) == repr(whole)
    text = shown(list(range(1000)))
    head = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 1"
    assert text == f"{head}... (4890 characters)"
    assert "\n" not in shown(pd.Series(range(100)))


@pytest.mark.parametrize(
    ("by", "said"),
    [
        # A frame is named as one, whatever the kinds of its columns.
        (
            pd.DataFrame({"a": list("aabbaabb"), "b": [1] * 8}),
            r"got a pandas DataFrame \(columns \['a', 'b'\]\)",
        ),
        (
            pd.DataFrame({"a": [2] * 8, "b": [1] * 8}),
            r"got a pandas DataFrame \(columns \['a', 'b'\]\)",
        ),
        (
            np.array([["a", "b"]] * 8, dtype=object),
            r"got a 2-D array of shape \(8, 2\)",
        ),
    ],
)
def test_two_dimensional_labels_are_named_first(by: Any, said: str) -> None:
    # A frame of two columns or a 2-D array as `by` of an array function:
    # the rows are not scalars, whatever the kinds of the columns (8 rows,
    # 2 columns); said before the kinds of the labels are compared.
    from povstat import poverty_estimates

    y = [100.0, 150, 100, 150, 90, 130, 80, 140]
    with pytest.raises(TypeError, match=said):
        poverty_estimates(y, 125.0, unit="percent", alpha=0, by=by)
