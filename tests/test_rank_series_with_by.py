"""A Series given for a column of with_ranks / with_rank_sets, with `by`.

The check of `by` against the ranked columns compares names: a Series
given for `rate`, `region` or `se` gets the same column-name message with
`by="year"` as without it (not the engine's error from comparing a Series
with a name). Rates of Kabupaten Malang, Kota Malang and Kota Batu, March
2022 and 2023 (BPS, percent).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import polars as pl
import pytest

from povstat import with_rank_sets, with_ranks

_DF = pd.DataFrame(
    {
        "region_code": ["3507", "3573", "3579"] * 2,
        "year": [2022] * 3 + [2023] * 3,
        "poverty_rate_pct": [10.37, 4.37, 3.79, 9.93, 4.26, 3.31],
        "se": [0.5, 0.3, 0.2, 0.5, 0.3, 0.2],
    }
)


def _ranks(df: Any, **kw: Any) -> Any:
    return with_ranks(df, descending=True, **kw)


def _sets(df: Any, **kw: Any) -> Any:
    kw.setdefault("se", "se")
    return with_rank_sets(
        df,
        descending=True,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
        **kw,
    )


def _message(call: Callable[..., Any], df: Any, **kw: Any) -> str:
    with pytest.raises(TypeError) as err:
        call(df, **kw)
    return str(err.value)


@pytest.mark.parametrize("engine", ["pandas", "polars", "lazy"])
@pytest.mark.parametrize(
    ("call", "arg", "column"),
    [
        (_ranks, "rate", "poverty_rate_pct"),
        (_ranks, "region", "region_code"),
        (_sets, "rate", "poverty_rate_pct"),
        (_sets, "region", "region_code"),
        (_sets, "se", "se"),
    ],
)
def test_a_series_with_by_gets_the_column_name_message(
    engine: str, call: Callable[..., Any], arg: str, column: str
) -> None:
    eager: Any = _DF if engine == "pandas" else pl.from_pandas(_DF)
    df = eager.lazy() if engine == "lazy" else eager
    series = eager[column]
    with_by = _message(call, df, **{arg: series}, by="year")
    assert with_by.startswith(f"`{arg}` must be a column name (a str); got a Series")
    assert with_by == _message(call, df, **{arg: series})


def test_by_naming_a_ranked_column_is_still_refused() -> None:
    with pytest.raises(ValueError, match=r"`by` names 'region_code', the `region`"):
        with_ranks(_DF, descending=True, by="region_code")


@pytest.mark.parametrize("call", [_ranks, _sets])
def test_a_series_for_by_gets_the_column_advice(call: Callable[..., Any]) -> None:
    with pytest.raises(TypeError, match=r"`by` must be a column name .*by='year'$"):
        call(_DF, by=_DF["year"])
    with pytest.raises(TypeError, match=r"add them to `df` as a new column first"):
        call(_DF, by=_DF["year"] + 1)
    with pytest.raises(TypeError, match=r"`by` must be None, a column name or a"):
        call(_DF, by=3)
