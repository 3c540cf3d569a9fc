"""Each figure of a change at its own decimals in the single-statement checks.

`before_decimals` and `after_decimals` state the decimals of one figure of
a change; a figure whose decimals are given neither way, beside one whose
are, is a computed one and stands for itself, as :func:`check_statements`
reads a column with a figure appended or computed.
"""

from __future__ import annotations

from collections.abc import Callable
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
#: The change most checks here state: a fall of rates in percent, in points.
FALL_POINTS: dict[str, Any] = {
    "direction": "fall",
    "stated_as": "points",
    "unit": "percent",
}
#: A fall of a count, in its own units.
FALL_UNITS: dict[str, Any] = {"direction": "fall", "stated_as": "units"}


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
        **FALL_POINTS,
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
        **FALL_POINTS,
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
        **FALL_UNITS,
        decimals=2,
        before_decimals=2,
    )
    assert res.verdict == expected


def test_the_same_decimals_on_each_side_are_levels_decimals() -> None:
    # 4.37 -> 4.26 (Kota Malang, BPS 2022-2023): "0.105" meets the fall's
    # range (0.10, 0.12) whichever way the 2 decimals are stated.
    kw: dict[str, Any] = {**FALL_POINTS, "decimals": 3}
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
            **FALL_POINTS,
            decimals=2,
            before_decimals=2,
        )
    with pytest.raises(ValueError, match="`after` must hold figures rounded to 2"):
        check_level_change_statement(
            299.49,
            296.245,
            3.24,
            **FALL_UNITS,
            decimals=2,
            levels_decimals=2,
            after_decimals=2,
        )


def test_bad_side_decimals_are_named() -> None:
    kw: dict[str, Any] = {**FALL_POINTS, "decimals": 2}
    with pytest.raises(ValueError, match="`after_decimals` must not hold missing"):
        check_change_statement(8.0, POOLED, 0.13, after_decimals=np.nan, **kw)
    with pytest.raises(
        TypeError, match=r"^`before_decimals` must be an int, got 2\.5$"
    ):
        check_change_statement(8.0, POOLED, 0.13, before_decimals=2.5, **kw)
    with pytest.raises(ValueError, match=r"`before_decimals` must lie in \[-15, 10\]"):
        check_level_change_statement(
            299.49,
            POOLED_POOR,
            3.24,
            **FALL_UNITS,
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


# The attained end of a change's range. A published figure x stands for
# its half-up interval [x - h, x + h), a computed one for itself. Where the
# subtracted figure is the published one, its open upper end makes the
# change's lower end open and its closed lower end the upper end closed:
# b - a with a in [a0 - h, a0 + h) lies in (b - a0 - h, b - a0 + h]. Each
# case below, worked with fractions, beside its mirror (the published
# figure the one subtracted from), whose range is [.., ..) instead.
_AFTER, _BEFORE = {"after_decimals": 2}, {"before_decimals": 2}


def _verdict(
    check: Callable[..., Any],
    figures: tuple[float, float, float],
    how: tuple[Any, Any, int],
    **kw: Any,
) -> Any:
    """The verdict of `check` on (before, after, stated) `figures`.

    `how` is the direction, what the stated size is and its decimals.
    """
    direction, stated_as, decimals = how
    res = check(
        *figures, direction=direction, stated_as=stated_as, decimals=decimals, **kw
    )
    return res.verdict


@pytest.mark.parametrize(
    ("before", "after", "stated", "how", "sides", "expected"),
    [
        # 7.96 computed, 6.97 published = [6.965, 6.975): the fall 7.96 - a
        # is in (0.985, 0.995]. At a = 6.965 (published as 6.97, half up)
        # it is 0.995, which rounds half up to 1.00: cannot tell. "0.98"
        # = [0.975, 0.985) misses the open end 0.985.
        (7.96, 6.97, 1.00, ("fall", "points", 2), _AFTER, UNDECIDED),
        (7.96, 6.97, 0.98, ("fall", "points", 2), _AFTER, NOT_HOLDS),
        # Mirror: 7.96 published = [7.955, 7.965), 6.97 computed: the fall
        # is in [0.985, 0.995); 0.995 is not reached: "1.00" does not hold,
        # nor "0.98" (0.985 rounds to 0.99).
        (7.96, 6.97, 1.00, ("fall", "points", 2), _BEFORE, NOT_HOLDS),
        (7.96, 6.97, 0.98, ("fall", "points", 2), _BEFORE, NOT_HOLDS),
        # The relative fall 1 - a / 7.96 is in (1 - 6.975/7.96, 1 - 6.965/7.96]
        # = (12.374 %, 12.5 %]; 12.5 % (a = 6.965) rounds half up to 13.
        (7.96, 6.97, 13, ("fall", "percent", 0), _AFTER, UNDECIDED),
        # Mirror: 8.00 published = [7.995, 8.005), 7.004375 computed: the
        # relative fall 1 - 7.004375 / b is in [1 - 7.004375/7.995,
        # 1 - 7.004375/8.005) = [12.39 %, 12.5 %) (8.005 x 0.875 =
        # 7.004375): 12.5 % is not reached, "13" does not hold.
        (8.00, 7.004375, 13, ("fall", "percent", 0), _BEFORE, NOT_HOLDS),
        # 7.87 published = [7.865, 7.875), 8.0 computed: the rise 8 - b is
        # in (0.125, 0.135]; 0.135 rounds half up to 0.14: cannot tell.
        (7.87, 8.0, 0.14, ("rise", "points", 2), _BEFORE, UNDECIDED),
        # Mirror: 7.87 computed, 8.00 published = [7.995, 8.005): the rise
        # is in [0.125, 0.135): "0.14" and "0.12" do not hold.
        (7.87, 8.0, 0.14, ("rise", "points", 2), _AFTER, NOT_HOLDS),
        (7.87, 8.0, 0.12, ("rise", "points", 2), _AFTER, NOT_HOLDS),
        # The direction left open: 8.0975 computed, 8.10 published: the
        # change a - 8.0975 is in [-0.0025, 0.0075), so a fall of up to
        # 0.0025 (a = 8.095, published as 8.10), which rounds half up to
        # 0.003: "fell 0.003" cannot tell. Mirror: 8.10 published, 8.1025
        # computed: the change is in (-0.0025, 0.0075]: no fall of 0.0025.
        (8.0975, 8.10, 0.003, ("fall", "points", 3), _AFTER, UNDECIDED),
        (8.10, 8.1025, 0.003, ("fall", "points", 3), _BEFORE, NOT_HOLDS),
    ],
)
def test_the_end_a_rounding_interval_reaches_is_in_the_range(
    before: float,
    after: float,
    stated: float,
    how: tuple[Any, Any, int],
    sides: dict[str, Any],
    expected: str,
) -> None:
    figures = (before, after, stated)
    verdict = _verdict(check_change_statement, figures, how, unit="percent", **sides)
    assert verdict == expected


@pytest.mark.parametrize(
    ("before", "after", "stated", "how", "sides", "expected"),
    [
        # A poverty line published to the nearest 100 rupiah, 528,700 =
        # [528,650, 528,750), then a computed 551,234.5: the rise is in
        # (22,484.5, 22,584.5]; 22,584.5 rounds half up to 22,585: cannot
        # tell. "22,484" = [22,483.5, 22,484.5) misses the open end.
        (
            528700,
            551234.5,
            22585,
            ("rise", "units", 0),
            {"before_decimals": -2},
            UNDECIDED,
        ),
        (
            528700,
            551234.5,
            22484,
            ("rise", "units", 0),
            {"before_decimals": -2},
            NOT_HOLDS,
        ),
        # Mirror: 528,665.5 computed, 551,200 published = [551,150,
        # 551,250): the rise is in [22,484.5, 22,584.5): "22,585" does not
        # hold, nor "22,484"; "22,485" meets it.
        (
            528665.5,
            551200,
            22585,
            ("rise", "units", 0),
            {"after_decimals": -2},
            NOT_HOLDS,
        ),
        (
            528665.5,
            551200,
            22484,
            ("rise", "units", 0),
            {"after_decimals": -2},
            NOT_HOLDS,
        ),
        (
            528665.5,
            551200,
            22485,
            ("rise", "units", 0),
            {"after_decimals": -2},
            UNDECIDED,
        ),
        # Relative: 100 computed, 88.0 published to 1 decimal = [87.95,
        # 88.05): the fall 1 - a / 100 is in (11.95 %, 12.05 %]; 12.05 %
        # rounds half up to 12.1 at 1 decimal: cannot tell. Mirror: 88
        # computed, 100.0 published = [99.95, 100.05): the relative fall
        # 1 - 88 / b is in [11.956 %, 12.044 %): "12.1" does not hold.
        (100.0, 88.0, 12.1, ("fall", "percent", 1), {"after_decimals": 1}, UNDECIDED),
        (100.0, 88.0, 12.1, ("fall", "percent", 1), {"before_decimals": 1}, NOT_HOLDS),
    ],
)
def test_the_end_a_level_interval_reaches_is_in_the_range(
    before: float,
    after: float,
    stated: float,
    how: tuple[Any, Any, int],
    sides: dict[str, Any],
    expected: str,
) -> None:
    figures = (before, after, stated)
    assert _verdict(check_level_change_statement, figures, how, **sides) == expected


@pytest.mark.parametrize("after", [4.114, float(np.nextafter(4.114, 5))])
def test_a_noisy_level_is_its_figure_at_the_range_end(after: float) -> None:
    # 4.10 at 2 decimals = [4.095, 4.105), 4.114 at 3 = [4.1135, 4.1145): the
    # rise lies in (0.0085, 0.0195). "0.020" = [0.0195, 0.0205) misses the
    # open top, also where 4.114 carries one unit of float noise upwards
    # (4.114000000000001): it is the figure 4.114. "0.019" meets it.
    kw: dict[str, Any] = {
        "direction": "rise",
        "stated_as": "units",
        "decimals": 3,
        "before_decimals": 2,
        "after_decimals": 3,
    }
    assert check_level_change_statement(4.10, after, 0.020, **kw).verdict == NOT_HOLDS
    assert check_level_change_statement(4.10, after, 0.019, **kw).verdict == UNDECIDED
