"""An object key column of dates of one kind passes without a loop over its rows.

``_mixed_dates`` decides from the set of the values' types (and, for
datetimes, their zones; for Periods, their lengths); the per-row examples
(``_mixed_dates_advice``) are built only once a problem is found.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.frames import _plumbing

N = 1000
UTC = dt.UTC


def _refuse_examples(*args: Any) -> str:
    msg = "per-row examples built on the success path"
    raise AssertionError(msg)


@pytest.mark.parametrize(
    "column",
    [
        [dt.datetime(2023, 3, 1)] * N,
        [dt.datetime(2023, 3, 1)] * (N - 2) + [None, float("nan")],
        [pd.Timestamp("2023-03-01")] * (N - 1) + [pd.NaT],
        [dt.datetime(2023, 3, 1, tzinfo=UTC)] * N,  # aware, one kind: refused elsewhere
        [pd.Period("2023-03", "M")] * N,
        [dt.date(2023, 3, 1)] * (N - 1) + [None],
        ["3507"] * N,
    ],
    ids=[
        "naive",
        "naive-missing",
        "timestamps-NaT",
        "aware",
        "periods",
        "dates",
        "text",
    ],
)
def test_one_kind_builds_no_examples(
    column: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_plumbing, "_mixed_dates_advice", _refuse_examples)
    table = _plumbing.collect(pd.DataFrame({"k": pd.Series(column, dtype=object)}))
    assert _plumbing._mixed_dates(table, "k") == ""


@pytest.mark.parametrize(
    ("column", "said", "row"),
    [
        # Row 7 (by hand): the one aware datetime among naive ones.
        (
            [dt.datetime(2023, 3, 1)] * 7
            + [dt.datetime(2023, 3, 1, tzinfo=UTC)]
            + [dt.datetime(2024, 3, 1)] * 2,
            "with a time zone beside dates without one",
            7,
        ),
        # Row 9: a quarter among months.
        (
            [pd.Period("2023-03", "M")] * 9 + [pd.Period("2023Q1", "Q")],
            "periods of 2 lengths, M, Q-DEC",
            9,
        ),
        # Row 3: a year typed as a number among dates.
        (
            [dt.date(2023, 3, 1)] * 3 + [2022] + [None],
            "dates beside 1 value(s) that are no dates",
            3,
        ),
    ],
    ids=["aware-beside-naive", "quarter-beside-months", "year-beside-dates"],
)
def test_problems_still_found_with_their_rows(
    column: list[Any], said: str, row: int
) -> None:
    table = _plumbing.collect(pd.DataFrame({"k": pd.Series(column, dtype=object)}))
    advice = _plumbing._mixed_dates(table, "k")
    assert said in advice
    assert f"at index label {row}" in advice


def test_keys_of_a_clean_object_date_column() -> None:
    # Two calendar months: two groups, codes 0 and 1 in order.
    col = pd.Series(
        [dt.datetime(2023, 3, 1)] * N + [dt.datetime(2024, 3, 1)] * N, dtype=object
    )
    table = _plumbing.collect(pd.DataFrame({"k": col}))
    codes = np.asarray(_plumbing.keys(table, ["k"], arg="by"))
    assert len(np.unique(codes)) == 2
