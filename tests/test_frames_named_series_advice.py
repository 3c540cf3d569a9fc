"""A Series given to a frame adapter where a column name is due.

Its name is advised only when the frame's column of that name holds its
values (the rule poverty_table follows, tests/test_survey_named_series_advice.py):
a Series keeps its name through arithmetic, so ``df["rate"] * 100`` is
named 'rate' but holds other values. The advice, followed as printed,
gives the figures worked by hand: 12.5% of 1,000 people is 125 poor, 40%
of 250 is 100.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import polars as pl
import pytest

from povstat import with_headcount, with_ranks

DATA = {
    "region_code": ["3501", "3502"],
    "rate": [0.125, 0.4],  # fractions
    "pop": [1000.0, 250.0],
}
POOR = [125.0, 100.0]  # 0.125 * 1000, 0.4 * 250


def _frame(kind: str) -> Any:
    return pd.DataFrame(DATA) if kind == "pandas" else pl.DataFrame(DATA)


def _headcount(out: Any) -> list[float]:
    return [float(v) for v in out["headcount"]]


def _message(call: Any) -> str:
    with pytest.raises(TypeError) as err:
        call()
    return str(err.value)


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_a_computed_series_is_told_to_add_its_values_not_its_name(kind: str) -> None:
    df = _frame(kind)
    values = df["rate"] * 100  # percent, still named 'rate'
    msg = _message(
        lambda: with_headcount(df, rate=values, population="pop", unit="percent")
    )
    assert "rate='rate'" not in msg
    assert "differ from those of the column 'rate' in 2 rows" in msg
    code = re.search(r"new column first \((df = .*)\) and name it: rate='(\w+)'$", msg)
    assert code is not None, msg
    scope: dict[str, Any] = {"df": df, "values": values}
    exec(code.group(1).replace("<the values>", "values"), scope)  # as typed
    out = with_headcount(
        scope["df"], rate=code.group(2), population="pop", unit="percent"
    )
    assert _headcount(out) == pytest.approx(POOR, rel=1e-15)


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_a_series_holding_its_column_is_told_its_name(kind: str) -> None:
    df = _frame(kind)
    msg = _message(
        lambda: with_headcount(df, rate=df["rate"], population="pop", unit="fraction")
    )
    assert "e.g. rate='rate'" in msg
    out = with_headcount(df, rate="rate", population="pop", unit="fraction")
    assert _headcount(out) == pytest.approx(POOR, rel=1e-15)


def test_a_series_named_after_no_column_is_told_no_name() -> None:
    df = _frame("pandas")
    values: Any = pd.Series([12.5, 40.0], name="persen")
    msg = _message(
        lambda: with_headcount(df, rate=values, population="pop", unit="percent")
    )
    assert "e.g. rate='persen'" not in msg  # `df` has no column 'persen'
    assert "`df` has no column of that name: add them to `df` as a new" in msg


def test_a_lazy_frame_is_not_compared_and_names_no_column() -> None:
    # A lazy frame is not read for a message (as in poverty_table): nothing
    # says its column holds the Series, so the values are to be added.
    lf = pl.LazyFrame(DATA)
    values: Any = lf.collect()["rate"] * 100  # still named 'rate'
    msg = _message(lambda: with_ranks(lf, rate=values, descending=True))
    assert "rate='rate'" not in msg
    assert "could not be compared" in msg
    code = re.search(r"new column first \((df = .*)\) and name it: rate='(\w+)'$", msg)
    assert code is not None, msg
    scope: dict[str, Any] = {"df": lf, "values": values}
    exec(code.group(1).replace("<the values>", "values"), scope)  # as typed
    out = with_ranks(scope["df"], rate=code.group(2), descending=True).collect()
    # descending: 40 (region 3502) ranks first, 12.5 (3501) second
    assert out["rank"].to_list() == [2, 1]
