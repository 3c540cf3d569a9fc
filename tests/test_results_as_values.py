"""A povstat result passed where an array of values is due is named as one.

numpy reads a result (``ParsedNumbers``, ``Change``, ...) as one object,
which the array functions refused as "dtype object with non-numbers". The
shared check of values names the result's type and suggests the attribute
that holds its numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import povstat

RESULTS: list[tuple[Callable[[], Any], str, str]] = [
    # (how the result is made, its type, the attributes suggested)
    (
        lambda: povstat.parse_numbers(["13,65", "2,675"], locale="id"),
        "ParsedNumbers",
        r"e\.g\. its \.value \(its arrays of numbers: value, multiplier\)",
    ),
    (
        lambda: povstat.rate_change([4.37, 3.79], [4.26, 3.31], unit="percent"),
        "Change",
        r"e\.g\. its \.points \(its arrays of numbers: points, relative\)",
    ),
    (
        lambda: povstat.rank([4.26, 3.31], descending=True),
        "Ranking",
        r"e\.g\. its \.rank \(its arrays of numbers: rank, count\)",
    ),
]

CALLS: list[tuple[str, Callable[[Any], object]]] = [
    ("x", lambda r: povstat.round_half_up(r, 2)),
    ("rate", lambda r: povstat.to_fraction(r, unit="percent")),
    ("rate", lambda r: povstat.rate_to_headcount(r, [10.0, 20.0], unit="percent")),
    ("population", lambda r: povstat.rate_to_headcount([1.0, 2.0], r, unit="percent")),
    ("values", lambda r: povstat.rank(r, descending=True)),
    ("by", lambda r: povstat.rank([1.0, 2.0], descending=True, by=r)),
]


@pytest.mark.parametrize(("make", "kind", "suggested"), RESULTS)
@pytest.mark.parametrize(("arg", "call"), CALLS)
def test_a_result_is_named_and_its_numbers_suggested(
    make: Callable[[], Any],
    kind: str,
    suggested: str,
    arg: str,
    call: Callable[[Any], object],
) -> None:
    with pytest.raises(
        TypeError,
        match=rf"`{arg}` must be the values \(an array, list or Series\), got a "
        rf"povstat {kind} result; pass one of its arrays, {suggested}",
    ):
        call(make())


def test_the_suggested_attribute_is_the_one_that_works() -> None:
    # 13,65 and 2,675 in locale "id" are 13.65 and 2.675; half up at 2
    # decimals: 13.65 and 2.68 (2.675 is a tie, rounded up).
    parsed = povstat.parse_numbers(["13,65", "2,675"], locale="id")
    np.testing.assert_array_equal(povstat.round_half_up(parsed.value, 2), [13.65, 2.68])
