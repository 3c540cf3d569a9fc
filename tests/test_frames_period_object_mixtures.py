"""Object period columns with a missing date or values of another kind.

``Series.dt.date`` of a datetime column with one NaT gives ``datetime.date``
values and a NaT (a join may leave a NaN instead): the missing period is
refused as a missing value, naming the row, as a None is. Dates beside a
year typed as a number (2022, 2022.0), datetimes with a time zone beside
naive ones, and monthly beside quarterly ``pandas.Period`` values are
refused by povstat, naming the column, the kinds and the rows. Rates and
poor (thousands) of Kabupaten Malang, Kota Malang and Kota Batu, March
2022 and 2023 (BPS).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from povstat import (
    aggregate_regions,
    with_changes,
    with_rank_sets,
    with_ranks,
)


def _frame(periods: list[Any]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": ["3507", "3573", "3579"] * 2,
            "period": pd.Series(periods, dtype=object),
            "poverty_rate_pct": [10.37, 4.37, 3.79, 9.93, 4.26, 3.31],
            "poor_thousands": [280.0, 38.48, 8.27, 268.48, 37.78, 7.29],
            "se": [0.5, 0.3, 0.2, 0.5, 0.3, 0.2],
        }
    )


_CALLS: list[tuple[str, Callable[[pd.DataFrame], Any]]] = [
    ("ranks", lambda d: with_ranks(d, descending=True, by="period")),
    (
        "sets",
        lambda d: with_rank_sets(
            d,
            descending=True,
            level=0.9,
            method="bonferroni",
            simultaneous=False,
            se="se",
            by="period",
        ),
    ),
    (
        "pool",
        lambda d: aggregate_regions(
            d, unit="percent", groups={"Malang Raya": ["3507", "3573", "3579"]}
        ),
    ),
    ("changes", lambda d: with_changes(d, unit="percent")),
]
_IDS = [c[0] for c in _CALLS]


def _dates_with(missing: object) -> list[Any]:
    march = [dt.date(2022, 3, 1), missing, dt.date(2022, 3, 1)]
    return march + [dt.date(2023, 3, 1)] * 3


@pytest.mark.parametrize("call", [c[1] for c in _CALLS], ids=_IDS)
def test_a_dt_date_column_with_nat_is_refused_as_missing(
    call: Callable[[pd.DataFrame], Any],
) -> None:
    times = pd.Series(_dates_with(None), dtype="datetime64[ns]")  # None: NaT
    df = _frame(_dates_with(None))
    df["period"] = times.dt.date  # date(2022, 3, 1), NaT, ...
    assert df["period"].iloc[1] is pd.NaT
    for frame in (df, _frame(_dates_with(float("nan")))):
        with pytest.raises(
            ValueError,
            match=r"'period' .*must not have missing values, found 1, first at "
            r"index label 1",
        ):
            call(frame)


def test_the_dates_without_the_missing_one_are_pooled() -> None:
    # Malang Raya, March 2023: 268.48 + 37.78 + 7.29 = 313.55 thousand.
    df = _frame(_dates_with(dt.date(2022, 3, 1)))
    out = aggregate_regions(
        df, unit="percent", groups={"Malang Raya": ["3507", "3573", "3579"]}
    )
    assert out["pooled_headcount"].tolist() == pytest.approx([326.75, 313.55])


@pytest.mark.parametrize("call", [c[1] for c in _CALLS], ids=_IDS)
@pytest.mark.parametrize(
    ("periods", "shown"),
    [
        (
            [dt.datetime(2022, 3, 1), 2022, dt.datetime(2022, 3, 1)]
            + [dt.datetime(2023, 3, 1)] * 3,
            r"no dates: e\.g\. datetime\.datetime\(2022, 3, 1, 0, 0\) at index "
            r"label 0 and int 2022 at index label 1\)",
        ),
        (
            [dt.date(2022, 3, 1), 2022.0, dt.date(2022, 3, 1)]
            + [dt.date(2023, 3, 1)] * 3,
            r"no dates: .* and float 2022\.0 at index label 1\)",
        ),
        (
            [pd.Timestamp("2022-03-01"), pd.Timestamp("2022-03-01", tz="UTC")]
            + [pd.Timestamp("2022-03-01")]
            + [pd.Timestamp("2023-03-01")] * 3,
            r"with a time zone beside dates without one: e\.g\. "
            r"Timestamp\('2022-03-01 00:00:00\+0000', tz='UTC'\) at index label 1",
        ),
        (
            [pd.Period("2022-03", "M"), pd.Period("2022Q1", "Q")]
            + [pd.Period("2022-03", "M")]
            + [pd.Period("2023-03", "M")] * 3,
            r"periods of 2 lengths, M, Q-DEC: .* and Period\('2022Q1', "
            r"'Q-DEC'\) at index label 1",
        ),
    ],
    ids=["int", "float", "aware", "quarter"],
)
def test_dates_mixed_with_other_values_are_refused(
    call: Callable[[pd.DataFrame], Any], periods: list[Any], shown: str
) -> None:
    with pytest.raises(TypeError, match=r"column 'period' .*" + shown):
        call(_frame(periods))


@pytest.mark.parametrize("missing", [None, pd.NaT, dt.datetime(2022, 3, 1)])
def test_object_datetimes_are_told_to_be_read_as_dates(missing: object) -> None:
    periods = [dt.datetime(2022, 3, 1), missing, dt.datetime(2022, 3, 1)]
    df = _frame(periods + [dt.datetime(2023, 3, 1)] * 3)
    with pytest.raises(
        TypeError,
        match=r"got object \(its values are datetimes, kept by pandas as "
        r"objects\): read them as dates first, df\['period'\] = "
        r"pandas\.to_datetime\(df\['period'\]\)$",
    ):
        with_changes(df, unit="percent")
    # Followed, the advice reads the dates, and a missing one is refused.
    df["period"] = pd.to_datetime(df["period"])
    if missing is None or missing is pd.NaT:
        with pytest.raises(ValueError, match=r"missing"):
            with_changes(df, unit="percent")
    else:
        # Kota Malang, March 2022 to 2023: 4.26 - 4.37 = -0.11 points.
        out = with_changes(df, unit="percent")
        row = out[(out.region_code == "3573") & out.period.dt.year.eq(2023)]
        assert row["change_points"].iloc[0] == pytest.approx(-0.11)
