"""Change statements whose figures leave the direction open, and their wording.

Two different figures of different decimals (or a computed one beside a
published one) whose rounding intervals meet do not give the direction of
the change between them; a change stated with a size is then never "holds",
whichever direction it gives. Figures of the same decimals never meet unless
equal, so their changes keep being judged by the published difference.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
import pytest

from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_change_statement,
    check_direction_statement,
    check_level_change_statement,
    check_statements,
)
from statement_frames import EJ_KW, appended, east_java

Direction = Literal["fall", "rise"]


def _rate(
    before: float, after: float, stated: float, direction: Direction, **kw: Any
) -> tuple[str, str]:
    """The verdict and reason of one change of rates in percent."""
    res = check_change_statement(
        before, after, stated, direction=direction, unit="percent", **kw
    )
    return str(res.verdict), str(res.reason)


def _level(
    before: float, after: float, stated: float, direction: Direction, **kw: Any
) -> tuple[str, str]:
    """The verdict and reason of one change of levels."""
    res = check_level_change_statement(before, after, stated, direction=direction, **kw)
    return str(res.verdict), str(res.reason)


#: A relative change in percent, to 2 decimals, between a figure of 2
#: decimals and one of 3.
PCT_2_3: dict[str, Any] = {
    "stated_as": "percent",
    "decimals": 2,
    "before_decimals": 2,
    "after_decimals": 3,
}


def test_a_relative_change_the_figures_go_is_open_where_their_intervals_meet() -> None:
    # Kabupaten Sumenep 2024, BPS 17.78 (2 decimals): [17.775, 17.785); a
    # later figure appended at 3 decimals, 17.784: [17.7835, 17.7845).
    # As given the rise is 0.004 / 17.78 = 0.0224972 %, which rounds to
    # 0.02; but the true relative change lies in
    # (17.7835 / 17.785 - 1, 17.7845 / 17.775 - 1) = (-0.0084341 %,
    # +0.0534459 %), falls included: "rose 0.02 %" ([0.015, 0.025)) is
    # consistent with the figures but not decided by them: cannot tell
    # (before: holds). "fell 0.02 %" meets no fall in (0, 0.0084341):
    # does not hold. "rose 0.06 %" ([0.055, 0.065)) lies beyond 0.0534459:
    # does not hold. In points the true change is in (17.7835 - 17.785,
    # 17.7845 - 17.775) = (-0.0015, +0.0095).
    rise = _rate(17.78, 17.784, 0.02, "rise", **PCT_2_3)
    fall = _rate(17.78, 17.784, 0.02, "fall", **PCT_2_3)
    far = _rate(17.78, 17.784, 0.06, "rise", **PCT_2_3)
    assert [rise[0], fall[0], far[0]] == [UNDECIDED, NOT_HOLDS, NOT_HOLDS]
    for _, reason in (rise, fall, far):
        assert "(2 and 3 decimals) do not tell whether it fell or rose" in reason
        assert "between -0.0015 and +0.0095 points" in reason
    assert "0.02 is the relative change in percent" in rise[1]
    assert far[1].endswith("which leaves no rise of 0.06 %")


def test_a_change_in_points_the_figures_go_is_open_where_their_intervals_meet() -> None:
    # 8.10 (2 decimals): [8.095, 8.105); 8.105 (3): [8.1045, 8.1055). As
    # given the rise is 0.005, 0.01 at 2 decimals (half up); the true change
    # lies in (8.1045 - 8.105, 8.1055 - 8.095) = (-0.0005, +0.0105): "rose
    # 0.01 points" ([0.005, 0.015)) fits without being decided: cannot tell
    # (before: holds). "rose 0.02" ([0.015, 0.025)) does not hold.
    kw = {"stated_as": "points", "decimals": 2, "before_decimals": 2}
    assert _rate(8.10, 8.105, 0.01, "rise", after_decimals=3, **kw)[0] == UNDECIDED
    assert _rate(8.10, 8.105, 0.02, "rise", after_decimals=3, **kw)[0] == NOT_HOLDS
    # Same decimals: 8.10 -> 8.11, both [x - 0.005, x + 0.005), a rise in
    # (0, 0.02): the direction is given, and "rose 0.01 points" holds by
    # the published difference, as documented.
    assert _rate(8.10, 8.11, 0.01, "rise", after_decimals=2, **kw)[0] == HOLDS


def test_a_computed_rate_beside_a_published_one_leaves_the_direction_open() -> None:
    # 17.78 published (2 decimals): [17.775, 17.785); 17.7812 computed,
    # standing for itself. As given the rise is 0.0012 / 17.78 = 0.0067492 %,
    # 0.01 at 2 decimals; the true relative change lies in
    # (17.7812 / 17.785 - 1, 17.7812 / 17.775 - 1] = (-0.0213663 %,
    # +0.0348805 %]: "rose 0.01 %" cannot tell (before: holds).
    kw = {"stated_as": "percent", "decimals": 2, "before_decimals": 2}
    verdict, reason = _rate(17.78, 17.7812, 0.01, "rise", **kw)
    assert verdict == UNDECIDED
    assert "(2 decimals and as computed) do not tell whether it fell or rose" in reason
    # Per year, 17.78 -> 17.784 (first test) over 2 years: 0.0224972 / 2 =
    # 0.0112486 % a year (simple; compound 0.0112480 %), 0.01 at 2
    # decimals, in a range (-0.0084341 / 2, 0.0534459 / 2) = (-0.0042170 %,
    # +0.0267229 %) that holds falls: "rose 0.01 % a year" cannot tell
    # (before: holds).
    verdict, _ = _rate(17.78, 17.784, 0.01, "rise", years=2, **PCT_2_3)
    assert verdict == UNDECIDED


def test_a_level_change_the_figures_go_is_open_where_their_intervals_meet() -> None:
    # A number of poor: 725.14 (2 decimals): [725.135, 725.145); 725.1 (1):
    # [725.05, 725.15). As given a fall of 0.04 / 725.14 = 0.0055162 %,
    # 0.01 at 2 decimals; the true change lies in (725.05 - 725.145,
    # 725.15 - 725.135) = (-0.095, +0.015), the relative one in
    # (725.05 / 725.145 - 1, 725.15 / 725.135 - 1) = (-0.0131008 %,
    # +0.0020686 %): "fell 0.01 %" ([0.005, 0.015)) cannot tell (before:
    # holds); "rose 0.01 %" meets no rise in (0, 0.0020686): does not hold.
    kw = {"decimals": 2, "before_decimals": 2, "after_decimals": 1}
    fall = _level(725.14, 725.1, 0.01, "fall", stated_as="percent", **kw)
    rise = _level(725.14, 725.1, 0.01, "rise", stated_as="percent", **kw)
    assert [fall[0], rise[0]] == [UNDECIDED, NOT_HOLDS]
    assert "(2 and 1 decimal) do not tell whether it fell or rose" in fall[1]
    assert "between -0.095 and +0.015" in fall[1]


def test_check_statements_gives_a_change_and_its_direction_one_verdict() -> None:
    # East Java 2024 (BPS, 2 decimals) and a figure for Kabupaten Sumenep
    # 2025 appended at 3 decimals, 17.784: the direction row is cannot tell
    # (17.78 and 17.784's intervals meet), and so is "rose 0.02 percent"
    # (worked in the first test; before: holds).
    data = appended(east_java([2024]), "Kabupaten Sumenep", 2025, 17.784, 196.5)
    pair = {
        "region": "Kabupaten Sumenep",
        "period_before": 2024,
        "period_after": 2025,
        "direction": "rise",
    }
    st = pd.DataFrame(
        [
            {"kind": "direction", **pair},
            {
                "kind": "change",
                **pair,
                "stated": 0.02,
                "stated_as": "percent",
                "decimals": 2,
            },
        ]
    )
    out = check_statements(
        st,
        data,
        rate="poverty_rate_pct",
        headcount=None,
        rate_decimals=2,
        **EJ_KW,
    )
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    assert "do not tell whether it fell or rose" in out["reason"].iloc[1]


def test_a_relative_change_stated_with_fewer_decimals_is_not_more_precise() -> None:
    # Kabupaten Jombang 2021 -> 2023, BPS 10.00 % -> 9.15 %: the true rates
    # in [9.995, 10.005) and [9.145, 9.155) give a relative fall in
    # (1 - 9.155 / 9.995, 1 - 9.145 / 10.005) = (8.4042 %, 8.5957 %), which
    # rounds to 8 or 9: "fell 8 percent" ([7.5, 8.5)) meets it, though the
    # rates as given (8.50 %) round to 9: cannot tell. 8, at 0 decimals, is
    # not more precise than the rates: the rates do not fix the relative
    # change to 0 decimals, and the range is written at 2, rounded inward
    # (8.41 and 8.59: no end of a 0-decimal figure's interval, 8.5, lies
    # between those and the true ends).
    kw: dict[str, Any] = {"stated_as": "percent", "decimals": 0, "levels_decimals": 2}
    for verdict, reason in (
        _rate(10.00, 9.15, 8, "fall", **kw),
        _level(10.00, 9.15, 8, "fall", **kw),
    ):
        assert verdict == UNDECIDED
        assert "more precise" not in reason
        assert reason.endswith(
            "(2 decimals) do not fix the relative change to 0 decimals: the true "
            "relative fall lies between 8.41 and 8.59 %, which 8 meets"
        )
    # Per year over 2 years, stated to 1 decimal: the simple average fall
    # lies in (8.4042 / 2, 8.5957 / 2) = (4.2021 %, 4.2979 %), the compound
    # in (1 - sqrt(9.155 / 9.995), 1 - sqrt(9.145 / 10.005)) = (4.2943 %,
    # 4.3944 %); as given 4.25 % and 4.3444 % both round to 4.3, so "4.2 %
    # a year" ([4.15, 4.25)) meets the simple range only: cannot tell.
    verdict, reason = _rate(10.00, 9.15, 4.2, "fall", years=2, **{**kw, "decimals": 1})
    assert verdict == UNDECIDED
    assert reason.endswith(
        "do not fix the relative change a year to 1 decimal: the true relative "
        "fall a year lies between 4.203 and 4.297 % on average, between "
        "4.295 and 4.394 % compound, which 4.2 meets"
    )


def test_a_direction_reason_says_plainly_that_a_figure_did_not_change() -> None:
    # 13.65 % then 13.649 %, the number of poor 4.10 thousand both times:
    # the count did not change (not "did not change by 0.00"); equal rates
    # and counts: neither changed. check_direction_statement takes no
    # decimals, so each figure stands for itself here (rates of different
    # decimals whose intervals meet: the next test, through check_statements).
    res = check_direction_statement(
        [13.65, 4.10],
        [13.649, 4.10],
        [4.10, 3.0],
        [4.10, 3.0],
        direction="fall",
        unit="percent",
    )
    assert res.reason.tolist() == [
        "the rate fell 0.001 points (-0.01 %) but the number of poor did not "
        "change; equal published figures may hide a change either way within "
        "their rounding",
        "neither the rate nor the number of poor changed; equal published "
        "figures may hide a change either way within their rounding",
    ]


def test_a_direction_reason_says_the_rates_intervals_meet() -> None:
    # Kabupaten Sumenep 2024, BPS: 17.78 % (2 decimals), 196.42 thousand
    # poor; 2025 appended as 17.784 % (3 decimals), the same 196.42. By
    # hand: the rate rose 17.784 - 17.78 = 0.004 points, 0.004 / 17.78 =
    # +0.0225 % relative (+0.02 % at 2 decimals); the count did not change.
    # 17.78 stands for [17.775, 17.785), 17.784 for [17.7835, 17.7845): the
    # intervals meet, so the true rates may have moved either way, and the
    # unchanged count may hide a change either way: cannot tell.
    data = appended(east_java([2024]), "Kabupaten Sumenep", 2025, 17.784, 196.42)
    statement = {
        "kind": "direction",
        "region": "Kabupaten Sumenep",
        "period_before": 2024,
        "period_after": 2025,
        "direction": "rise",
    }
    out = check_statements(pd.DataFrame([statement]), data, rate_decimals=2, **EJ_KW)
    assert out["verdict"].tolist() == [UNDECIDED]
    assert out["reason"].tolist() == [
        "the rate rose 0.004 points (+0.02 %) but the number of poor did not "
        "change; equal published figures may hide a change either way within "
        "their rounding; the rounding intervals of the two rates meet (figures "
        "of different decimals), so the true figures may have moved either way"
    ]


def test_a_direction_reason_says_the_numbers_of_poor_meet() -> None:
    # Kabupaten Sumenep 2024, BPS: 17.78 % and 196.42 thousand poor (2
    # decimals); 2025 appended as 17.50 % and 196.415 thousand (3 decimals).
    # By hand: the rate fell 17.78 - 17.50 = 0.28 points, -0.28 / 17.78 =
    # -1.5748 % relative (-1.57 % at 2 decimals); the count fell
    # 196.42 - 196.415 = 0.005, 0.01 at 2 decimals half up (a change not 0
    # is shown at 2 decimals unless that shows 0.00). With the counts
    # stated to be published at 2 decimals, 196.42 stands for
    # [196.415, 196.425) and 196.415 (needing 3) for [196.4145, 196.4155):
    # the intervals meet, so the number of poor may have moved either way:
    # "fall" cannot be told, although the rates (clearly apart) fell.
    data = appended(east_java([2024]), "Kabupaten Sumenep", 2025, 17.50, 196.415)
    statement = pd.DataFrame(
        [
            {
                "kind": "direction",
                "region": "Kabupaten Sumenep",
                "period_before": 2024,
                "period_after": 2025,
                "direction": "fall",
            }
        ]
    )
    out = check_statements(
        statement,
        data,
        rate_decimals=2,
        levels_decimals={"poor_thousands": 2},
        **EJ_KW,
    )
    assert out["verdict"].tolist() == [UNDECIDED]
    assert out["reason"].tolist() == [
        "the rate fell 0.28 points (-1.57 %) and the number of poor fell by "
        "0.01; the rounding intervals of the two numbers of poor meet (figures "
        "of different decimals), so the true figures may have moved either way"
    ]
    # The decimals not stated: read at the 3 that 196.415 needs, 196.42 is
    # [196.4195, 196.4205), apart from 196.415's interval: the count fell,
    # and the verdict holds; but 38 of the 39 counts need 2 decimals at
    # most, so the reading is in doubt and decides this verdict: warned,
    # naming the count column and the figure needing more.
    with pytest.warns(
        UserWarning,
        match=r"'poor_thousands' \(argument `headcount`\)"
        r" is read at 3 decimals.*'Kabupaten Sumenep' at 2025 \(196\.415\)",
    ):
        out = check_statements(statement, data, rate_decimals=2, **EJ_KW)
    assert out["verdict"].tolist() == [HOLDS]
