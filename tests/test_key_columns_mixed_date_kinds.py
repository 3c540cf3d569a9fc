"""A period key column mixing kinds of dates is refused, as by the change adapters.

An object column of ``datetime.date`` beside ``numpy.datetime64``,
Timestamps, datetimes or monthly Periods (frames concatenated from two
readings) would be split into two groups for one month, or sorted with
pandas' TypeError. with_ranks(by=...), with_rank_sets(by=...) and
aggregate_regions refuse it naming the kinds and the conversion, which,
followed, gives the answer. The change adapters, which refused these
columns already, name the kinds and the conversion for all of them.

Malang Raya and Pacitan (BPS), rates (%) March 2023: Kabupaten Malang
9.45, Kota Malang 4.26, Kota Batu 3.31, Pacitan 13.65, so in one month the
ranks (highest first) are 2, 3, 4, 1 of 4. Poor (thousands), Malang Raya
(3507, 3573, 3579): March 2022 254.31 + 38.74 + 8.13 = 301.18; March
2023 251.36 + 37.78 + 7.10 = 296.24.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import aggregate_regions, with_changes, with_rank_sets, with_ranks


def _follow(message: str, df: pd.DataFrame) -> None:
    found = re.search(r"convert them to one kind, (df\[.*?\] = .*)$", message)
    assert found is not None, message
    exec(found.group(1), {"pandas": pd, "df": df})


def _one_month() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "region_code": ["3507", "3573", "3579", "3501"],
            "period": pd.Series([datetime.date(2023, 3, 1)] * 4, dtype=object),
            "poverty_rate_pct": [9.45, 4.26, 3.31, 13.65],
            "se": 0.01,
        }
    )
    df.loc[2:3, "period"] = np.datetime64("2023-03-01")  # kept as datetime64
    return df


_RANKS: dict[str, Callable[[pd.DataFrame], Any]] = {
    "with_ranks": lambda df: with_ranks(df, descending=True, by="period")["rank"],
    "with_rank_sets": lambda df: with_rank_sets(
        df,
        se="se",
        descending=True,
        by="period",
        level=0.9,
        method="bonferroni",
        simultaneous=False,
    )["rank_lower"],
}


@pytest.mark.parametrize("adapter", sorted(_RANKS))
def test_date_beside_datetime64_in_one_month(adapter: str) -> None:
    df = _one_month()
    assert [type(v).__name__ for v in df.period] == ["date"] * 2 + ["datetime64"] * 2
    with pytest.raises(TypeError, match=r"'period'.* of 2 kinds: date") as err:
        _RANKS[adapter](df)
    _follow(str(err.value), df)
    assert _RANKS[adapter](df).tolist() == [2.0, 3.0, 4.0, 1.0]


def _two_years(first: list[Any], second: list[Any]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": ["3507", "3573", "3579"] * 2,
            "period": pd.Series(first * 3 + second * 3, dtype=object),
            "poverty_rate_pct": [9.56, 4.37, 3.79, 9.45, 4.26, 3.31],
            "poor_thousands": [254.31, 38.74, 8.13, 251.36, 37.78, 7.10],
        }
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (datetime.date(2022, 3, 1), pd.Timestamp("2023-03-01")),
        (datetime.date(2022, 3, 1), datetime.datetime(2023, 3, 1)),
        (pd.Period("2022-03", "M"), pd.Timestamp("2023-03-01")),
    ],
)
def test_aggregate_regions_over_two_kinds(first: Any, second: Any) -> None:
    df = _two_years([first], [second])

    def pool() -> pd.DataFrame:
        return aggregate_regions(
            df, groups={"Malang Raya": ["3507", "3573", "3579"]}, unit="percent"
        )

    with pytest.raises(TypeError, match=r"argument `period`.* of 2 kinds") as err:
        pool()
    _follow(str(err.value), df)
    assert pool().pooled_headcount.tolist() == pytest.approx([301.18, 296.24])


def test_ranks_over_date_and_timestamp() -> None:
    df = _two_years([datetime.date(2022, 3, 1)], [pd.Timestamp("2023-03-01")])
    with pytest.raises(TypeError, match=r"argument `by`.* of 2 kinds") as err:
        with_ranks(df, descending=True, by="period")
    _follow(str(err.value), df)
    ranks = with_ranks(df, descending=True, by="period")
    assert ranks["rank"].tolist() == [1.0, 2.0, 3.0] * 2


def test_quarters_beside_dates_get_no_conversion() -> None:
    # A quarter is no calendar month: no code is offered to read it as one.
    df = _two_years([pd.Period("2022Q1", "Q")], [datetime.date(2023, 3, 1)])
    with pytest.raises(TypeError, match="are not one month each") as err:
        with_ranks(df, descending=True, by="period")
    assert "pandas.to_datetime" not in str(err.value)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (pd.Period("2021-03", "M"), pd.Timestamp("2022-03-01")),
        (datetime.date(2021, 3, 1), np.datetime64("2022-03-01")),
    ],
)
def test_with_changes_names_the_kinds(first: Any, second: Any) -> None:
    # Jawa Timur (BPS): 11.40 % in March 2021, 10.38 % in March 2022, a
    # change of 10.38 - 11.40 = -1.02 points.
    df = pd.DataFrame(
        {
            "region_code": ["35", "35"],
            "period": pd.Series([first, second], dtype=object),
            "poverty_rate_pct": [11.40, 10.38],
        }
    )
    with pytest.raises(TypeError, match="every value is a date, of 2 kinds") as err:
        with_changes(df, unit="percent")
    _follow(str(err.value), df)
    out = with_changes(df, unit="percent")
    assert out.change_points.iloc[1] == pytest.approx(-1.02)
