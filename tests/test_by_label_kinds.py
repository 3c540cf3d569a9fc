"""`by` labels: one verdict in every row order, and messages naming `by`.

Dates of different types mixed with date-times (a ``pandas.Timestamp``, a
``numpy.datetime64`` of a day, a ``datetime.date``) cannot be ordered
together: some pairs compare and others do not, so a sort used to succeed
or fail by the order of the rows. Every function that takes `by` labels
now refuses them in every order, in the shared label check, naming the
kinds; a ragged `by` (labels that are lists) is refused naming `by`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import (
    fgt,
    percentile_rank,
    pooled_rate,
    rank,
    rank_probabilities,
    sum_counts,
)

_FUNCTIONS: dict[str, Callable[[list[Any]], object]] = {
    "sum_counts": lambda by: sum_counts([1.0, 2.0, 4.0], by=by),
    "pooled_rate": lambda by: pooled_rate(
        [1.0, 2.0, 4.0], unit="percent", population=[10.0, 20.0, 40.0], by=by
    ),
    "rank": lambda by: rank([1.0, 2.0, 4.0], descending=True, by=by),
    "percentile_rank": lambda by: percentile_rank(
        [1.0, 2.0, 4.0], descending=True, by=by
    ),
    "rank_probabilities": lambda by: rank_probabilities(
        [1.0, 2.0, 4.0], se=[0.1, 0.1, 0.1], descending=True, by=by, n_draws=200, seed=1
    ),
    "fgt": lambda by: fgt([1.0, 2.0, 4.0], line=3.0, alpha=0, unit="fraction", by=by),
}

_TS = pd.Timestamp("2023-03-01")
_N3 = np.datetime64("2023-03-01")
_D9 = dt.date(2023, 9, 1)


@pytest.mark.parametrize("name", sorted(_FUNCTIONS))
@pytest.mark.parametrize(
    "labels",
    [
        [_TS, _N3, _D9],  # the reported case: read in one order, refused in another
        [_TS, _N3, dt.date(2023, 3, 1)],  # one day written three ways
        [dt.datetime(2023, 3, 1), _D9, _D9],  # a datetime and dates
    ],
)
def test_dates_mixed_with_date_times_are_refused_in_every_order(
    name: str, labels: list[Any]
) -> None:
    for perm in itertools.permutations(labels):
        with pytest.raises(TypeError, match=r"`by` labels mix dates and date-times"):
            _FUNCTIONS[name](list(perm))


@pytest.mark.parametrize("name", sorted(_FUNCTIONS))
@pytest.mark.parametrize(
    "labels",
    [
        [_N3, _D9, _D9],  # datetime64 of a day and dates: all dates
        [_TS, dt.datetime(2023, 9, 1), _TS],  # Timestamp and datetime: date-times
        [_TS, np.datetime64("2023-09-01T00:00:00"), _TS],  # datetime64 of seconds
    ],
)
def test_one_kind_of_date_is_read_in_every_order(name: str, labels: list[Any]) -> None:
    # Two groups (March and September) in every order of the rows.
    for perm in itertools.permutations(labels):
        _FUNCTIONS[name](list(perm))


@pytest.mark.parametrize("name", sorted(_FUNCTIONS))
def test_ragged_by_is_refused_naming_by(name: str) -> None:
    with pytest.raises(
        TypeError, match=r"`by` labels must be scalars .*list at index 0"
    ):
        _FUNCTIONS[name]([["a"], ["b", "c"], ["d"]])


def test_unorderable_by_message_mentions_dates() -> None:
    # Naive and zoned date-times cannot be ordered: the message says which
    # kinds are allowed, dates among them.
    naive: Any = dt.datetime(2023, 3, 1)
    zoned: Any = dt.datetime(2023, 9, 1, tzinfo=dt.UTC)
    with pytest.raises(TypeError, match="all dates"):
        sum_counts([1.0, 2.0], by=[naive, zoned])
    with pytest.raises(TypeError, match="all dates"):
        rank([1.0, 2.0], descending=True, by=[naive, zoned])
