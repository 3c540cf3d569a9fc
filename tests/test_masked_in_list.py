"""``np.ma.masked`` inside a list is a missing value, silently (no numpy warning)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import povstat as ps

M: Any = np.ma.masked

# Each call with the masked element in the first place; the second place
# worked by hand: 2 % is 0.02; 2 % of 2 thousand is 0.04 thousand; 2 / 2 is
# 1; 2 -> 2 is a change of 0 points.
CALLS: dict[str, tuple[Callable[[], Any], list[float]]] = {
    "to_fraction": (lambda: ps.to_fraction([M, 2.0], unit="percent"), [0.02]),
    "rate_to_headcount": (
        lambda: ps.rate_to_headcount([M, 2.0], [1.0, 2.0], unit="percent"),
        [0.04],
    ),
    "derived_ratio": (
        lambda: (
            ps.derived_ratio(
                [M, 2.0],
                [1.0, 2.0],
                level=0.95,
                independent=True,
                se_numerator=0.1,
                se_denominator=0.1,
            ).estimate
        ),
        [1.0],
    ),
    "change_test": (
        lambda: (
            ps.change_test(
                [M, 2.0],
                [1.0, 2.0],
                se_before=0.1,
                se_after=0.1,
                level=0.95,
                independent=True,
            ).points
        ),
        [0.0],
    ),
    "headcount_to_rate_2d": (
        lambda: ps.headcount_to_rate([[M, 1.0]], [[10.0, 10.0]], unit="percent")[0],
        [10.0],
    ),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_masked_element_of_a_list_is_nan_without_warning(name: str) -> None:
    call, rest = CALLS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = np.asarray(call(), dtype=float)
    assert np.isnan(out[0])
    assert out[1:].tolist() == rest


def test_masked_in_list_follows_nan_policy() -> None:
    # Headcounts [masked, 2] at rates [10, 20] %: "propagate" gives NaN,
    # "omit" pools region 2 alone: 2 / (2 / 0.20) = 20 %.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kept = ps.pooled_rate([M, 2.0], unit="percent", rate=[10.0, 20.0])
        omitted = ps.pooled_rate(
            [M, 2.0], unit="percent", rate=[10.0, 20.0], nan_policy="omit"
        )
    assert np.isnan(kept.rate)
    assert float(omitted.rate) == 20.0


def test_masked_tuple_and_caller_list_unchanged() -> None:
    values = [M, 50.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = ps.to_fraction(tuple(values), unit="percent")
    assert np.isnan(out[0])
    assert out[1] == 0.5
    assert values[0] is M
