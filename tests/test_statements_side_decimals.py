"""Each figure of a change at its own decimals in the single-statement checks.

`before_decimals` and `after_decimals` state the decimals of one figure of
a change; a figure whose decimals are given neither way, beside one whose
are, is a computed one and stands for itself, as :func:`check_statements`
reads a column with a figure appended or computed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_change_statement,
    check_level_change_statement,
)

#: A pooled rate as aggregate_regions gives it (Malang Raya, 2023), and its
#: number of poor (pooled rate x population), in thousands.
POOLED = 7.876104703
POOLED_POOR = 296.2449871


# By hand: 8.00 at 2 decimals stands for [7.995, 8.005); the computed
# 7.876104703 for itself, so the fall lies in [0.118895297, 0.128895297).
# "0.129" = [0.1285, 0.1295) and "0.13" = [0.125, 0.135) meet it: cannot
# tell; "0.119" = [0.1185, 0.1195) meets it too; "0.118" = [0.1175, 0.1185)
# does not; "0.12" is the rounding of the fall as given (0.123895297):
# holds; "0.14" = [0.135, 0.145) misses it.
@pytest.mark.parametrize(
    ("stated", "decimals", "expected"),
    [
        (0.129, 3, UNDECIDED),
        (0.13, 2, UNDECIDED),
        (0.119, 3, UNDECIDED),
        (0.118, 3, NOT_HOLDS),
        (0.12, 2, HOLDS),
        (0.14, 2, NOT_HOLDS),
    ],
)
def test_a_published_rate_beside_a_computed_one(
    stated: float, decimals: int, expected: str
) -> None:
    res = check_change_statement(
        8.00,
        POOLED,
        stated,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=decimals,
        before_decimals=2,
    )
    assert res.verdict == expected


def test_the_later_rate_alone_at_its_decimals() -> None:
    # By hand: 7.876 appended with 3 decimals = [7.8755, 7.8765); 8.00 with
    # 2 (levels_decimals, for the side not stated) = [7.995, 8.005): the
    # fall lies in (0.1185, 0.1295); "0.13" = [0.125, 0.135) meets it.
    res = check_change_statement(
        8.00,
        7.876,
        0.13,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
        levels_decimals=2,
        after_decimals=3,
    )
    assert res.verdict == UNDECIDED
    assert "from 8.00 % to 7.876 %" in str(res.reason)


def test_a_fraction_rate_states_its_decimals_in_percent() -> None:
    # The same pair as fractions (0.0800 and 0.07876104703): decimals in
    # percent, as levels_decimals; the verdicts of the percent scale.
    res = check_change_statement(
        0.08,
        0.07876104703,
        np.array([0.13, 0.14]),
        direction="fall",
        stated_as="points",
        unit="fraction",
        decimals=2,
        before_decimals=2,
    )
    assert res.verdict.tolist() == [UNDECIDED, NOT_HOLDS]


# By hand: 299.49 at 2 decimals = [299.485, 299.495), the computed count
# for itself: the fall lies in [3.2400129, 3.2500129). "3.24" = [3.235,
# 3.245) meets it: cannot tell; "3.25" is the fall as given (3.2450129)
# rounded: holds; "3.23" = [3.225, 3.235) misses it.
@pytest.mark.parametrize(
    ("stated", "expected"), [(3.24, UNDECIDED), (3.25, HOLDS), (3.23, NOT_HOLDS)]
)
def test_a_published_count_beside_a_computed_one(stated: float, expected: str) -> None:
    res = check_level_change_statement(
        299.49,
        POOLED_POOR,
        stated,
        direction="fall",
        stated_as="units",
        decimals=2,
        before_decimals=2,
    )
    assert res.verdict == expected


def test_the_same_decimals_on_each_side_are_levels_decimals() -> None:
    # 4.37 -> 4.26 (Kota Malang, BPS 2022-2023): "0.105" meets the fall's
    # range (0.10, 0.12) whichever way the 2 decimals are stated.
    kw: dict[str, Any] = {
        "direction": "fall",
        "stated_as": "points",
        "unit": "percent",
        "decimals": 3,
    }
    one = check_change_statement(4.37, 4.26, 0.105, levels_decimals=2, **kw)
    each = check_change_statement(
        4.37, 4.26, 0.105, before_decimals=2, after_decimals=2, **kw
    )
    assert one.verdict == each.verdict == UNDECIDED
    assert one.reason == each.reason


def test_a_side_not_rounded_to_its_decimals_is_refused() -> None:
    with pytest.raises(ValueError, match="`before` must hold figures rounded to 2"):
        check_change_statement(
            8.004,
            POOLED,
            0.13,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
            before_decimals=2,
        )
    with pytest.raises(ValueError, match="`after` must hold figures rounded to 2"):
        check_level_change_statement(
            299.49,
            296.245,
            3.24,
            direction="fall",
            stated_as="units",
            decimals=2,
            levels_decimals=2,
            after_decimals=2,
        )


def test_bad_side_decimals_are_named() -> None:
    kw: dict[str, Any] = {
        "direction": "fall",
        "stated_as": "points",
        "unit": "percent",
        "decimals": 2,
    }
    with pytest.raises(ValueError, match="`after_decimals` must not hold missing"):
        check_change_statement(8.0, POOLED, 0.13, after_decimals=np.nan, **kw)
    with pytest.raises(TypeError, match="`before_decimals` must hold ints"):
        check_change_statement(8.0, POOLED, 0.13, before_decimals=2.5, **kw)
    with pytest.raises(ValueError, match="`before_decimals` must lie in -15 to 10"):
        check_level_change_statement(
            299.49,
            POOLED_POOR,
            3.24,
            direction="fall",
            stated_as="units",
            decimals=2,
            before_decimals=11,
        )
    with pytest.raises(ValueError, match="`before_decimals` \\(3,\\)"):
        check_change_statement(
            [8.0, 8.1],
            POOLED,
            0.13,
            before_decimals=[2, 2, 2],
            **kw,
        )
