"""Errors about domain and design labels name what the caller passed.

`by` of the array functions is one label per unit: a pandas MultiIndex or a
Series of tuples (a row of labels per unit, crossed domains) is refused with
the advice that a list of columns or rows gets. A pandas object column of
labels of mixed kinds (1 beside 'a') is named by its argument and column,
as a column of containers is.
"""

from __future__ import annotations

import datetime
from typing import Any

import pandas as pd
import pytest

from povstat import fgt, poverty_estimates, poverty_table

_REGIONS = pd.DataFrame({"region": ["a", "a", "b"], "area": ["u", "r", "u"]})


@pytest.mark.parametrize(
    "by",
    [
        pd.MultiIndex.from_frame(_REGIONS),
        pd.Series(list(zip(_REGIONS["region"], _REGIONS["area"], strict=True))),
    ],
    ids=["MultiIndex", "Series of tuples"],
)
def test_rows_of_labels_get_the_crossed_domain_advice(by: Any) -> None:
    # The documented `by` is one scalar label per unit (tuples refused),
    # so a MultiIndex of (region, area) is refused as a list of such rows
    # is, with the same advice.
    welfare = [500.0, 600.0, 700.0]
    for call in (
        lambda: poverty_estimates(welfare, 550, unit="percent", by=by),
        lambda: fgt(welfare, 550, alpha=0, unit="percent", by=by),
    ):
        with pytest.raises(TypeError) as err:
            call()
        assert str(err.value) == (
            "`by` labels must be scalars (numbers, strings, dates, ...), got a "
            "tuple at index 0: ('a', 'u'); for crossed domains (region by "
            "area, say) give one combined label per unit, such as the labels "
            "joined as text (region + '/' + area) or an integer code, or pass "
            "a frame to povstat.poverty_table with by=[...] naming its "
            "columns, which crosses them"
        )


@pytest.mark.parametrize("arg", ["by", "strata", "psu"])
def test_mixed_kind_labels_of_a_column_name_the_column(arg: str) -> None:
    # Column 's' holds 'a' and the int 1: refused naming the argument and
    # the column (with by=["g", "s"], `by` alone would not say which).
    df = pd.DataFrame(
        {"y": [500.0, 600.0, 700.0, 800.0], "g": ["x", "x", "y", "y"]}
    ).assign(s=pd.Series(["a", 1, "b", "b"], dtype=object))
    kw: dict[str, Any] = {arg: "s"} if arg != "by" else {"by": ["g", "s"]}
    with pytest.raises(TypeError) as err:
        poverty_table(df, welfare="y", line=550.0, unit="percent", **kw)
    assert str(err.value).startswith(
        f"`{arg}` column 's' labels must be of one kind: all numbers or all "
        "strings, and the numbers all int, all float or all bool; found "
        "['int', 'str']."
    )


def test_dates_mixed_with_date_times_in_a_column_name_the_column() -> None:
    df = pd.DataFrame({"y": [500.0, 600.0]}).assign(
        d=pd.Series(
            [datetime.date(2024, 1, 1), pd.Timestamp("2024-01-01")], dtype=object
        )
    )
    with pytest.raises(TypeError) as err:
        poverty_table(df, welfare="y", line=550.0, unit="percent", by="d")
    assert str(err.value).startswith(
        "`by` column 'd' labels mix dates and date-times (dates: date; "
        "date-times: Timestamp)"
    )
