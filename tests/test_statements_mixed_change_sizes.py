"""Changes between a published figure and a more precise one, stated at the
published decimals.

The difference of a published 8.00 (2 decimals) and an appended 7.876 or a
computed 7.876104703 is not a figure of 2 decimals: a size stated at 2
decimals that it does not round to is judged against the range each
figure's own interval leaves, as one stated at 3 decimals is.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from povstat.statements import HOLDS, NOT_HOLDS, UNDECIDED, check_statements
from statement_frames import KW, change_row

#: A pooled rate as aggregate_regions gives it (Malang Raya, 2023) and its
#: count of poor (pooled rate x population), in thousands.
POOLED = 7.876104703
POOLED_POOR = 296.2449871

KW2: dict[str, Any] = {**KW, "rate_decimals": 2, "levels_decimals": {"poor": 2}}


def _data() -> pd.DataFrame:
    # Malang Raya as printed earlier (2021: 8.75, 2022: 8.00, 299.49
    # thousand), 2023 straight from aggregate_regions; "Kota X" made up:
    # 8.10 (2 decimals) in 2022, 8.098 appended with 3 in 2023.
    return pd.DataFrame(
        {
            "region": ["Malang Raya"] * 3 + ["Kota X"] * 2,
            "year": [2021, 2022, 2023, 2022, 2023],
            "rate": [8.75, 8.00, POOLED, 8.10, 8.098],
            "poor": [310.00, 299.49, POOLED_POOR, 20.00, 20.00],
        }
    )


@pytest.mark.parametrize(
    ("stated", "decimals", "verdict"),
    [
        # 8.00 stands for [7.995, 8.005): the fall lies in (7.995 - 7.876105,
        # 8.005 - 7.876105) = (0.118895, 0.128895). The difference as
        # given, 0.1239, rounds to 0.12: holds. 0.13 ([0.125, 0.135)) meets
        # the range: cannot tell (it was "does not hold"); 0.14 ([0.135,
        # 0.145)) and 0.11 ([0.105, 0.115)) do not meet it.
        (0.12, 2, HOLDS),
        (0.13, 2, UNDECIDED),
        (0.14, 2, NOT_HOLDS),
        (0.11, 2, NOT_HOLDS),
        # At 3 decimals, as before: 0.129 ([0.1285, 0.1295)) meets it.
        (0.129, 3, UNDECIDED),
    ],
)
def test_points_change_to_a_computed_rate(
    stated: float, decimals: int, verdict: str
) -> None:
    st = pd.DataFrame([change_row("Malang Raya", 2022, 2023, stated, decimals)])
    out = check_statements(st, _data(), **KW2)
    assert out["verdict"].tolist() == [verdict]


def test_the_reason_gives_the_range() -> None:
    st = pd.DataFrame([change_row("Malang Raya", 2022, 2023, 0.13, 2)])
    reason = check_statements(st, _data(), **KW2)["reason"][0]
    # The range of the fall, 8.00 ([7.995, 8.005)) to 7.876104703 read at its
    # 9 decimals ([7.8761047025, 7.8761047035)): (7.995 - 7.8761047035,
    # 8.005 - 7.8761047025) = (0.1188952965, 0.1288952975), shown exactly
    # (rounded to 4 decimals, 0.1289 would be outward).
    assert "the true fall lies between 0.1188952965 and 0.1288952975 points" in reason


@pytest.mark.parametrize(
    ("stated", "verdict"),
    [
        # 8.10 = [8.095, 8.105), 8.098 = [8.0975, 8.0985): the change lies
        # in (8.0975 - 8.105, 8.0985 - 8.095) = (-0.0075, 0.0035): a fall
        # of up to 0.0075, which "0.01" ([0.005, 0.015)) meets: cannot tell
        # (it was "does not hold"). A fall of 0.05 ([0.045, 0.055)) does not
        # (0.02 would be the relative change, 0.025 %).
        (0.01, UNDECIDED),
        (0.05, NOT_HOLDS),
    ],
)
def test_intervals_that_meet(stated: float, verdict: str) -> None:
    st = pd.DataFrame([change_row("Kota X", 2022, 2023, stated, 2)])
    out = check_statements(st, _data(), **KW2)
    assert out["verdict"].tolist() == [verdict]


@pytest.mark.parametrize(
    ("stated", "verdict"),
    [
        # 8.75 = [8.745, 8.755) in 2021, computed 7.876104703 in 2023: the
        # fall lies in (0.868895, 0.878895), over 2 years (0.4344475,
        # 0.4394475) a year. 0.43 ([0.425, 0.435)) meets it: cannot tell
        # (it was "does not hold"); 0.44 is the difference as given,
        # 0.4369 a year: holds; 0.42 ([0.415, 0.425)) does not meet it.
        (0.43, UNDECIDED),
        (0.44, HOLDS),
        (0.42, NOT_HOLDS),
    ],
)
def test_points_a_year(stated: float, verdict: str) -> None:
    row = change_row("Malang Raya", 2021, 2023, stated, 2)
    st = pd.DataFrame([{**row, "per_year": True}])
    out = check_statements(st, _data(), **KW2)
    assert out["verdict"].tolist() == [verdict]


@pytest.mark.parametrize(
    ("stated", "decimals", "verdict"),
    [
        # 299.49 = [299.485, 299.495) to a computed 296.2449871: the fall
        # lies in (3.2400129, 3.2500129). The difference as given,
        # 3.2450129, rounds to 3.25: holds; 3.24 ([3.235, 3.245)) meets the
        # range: cannot tell (it was "does not hold"); 3.23 does not.
        (3.25, 2, HOLDS),
        (3.24, 2, UNDECIDED),
        (3.23, 2, NOT_HOLDS),
        (3.240, 3, UNDECIDED),
    ],
)
def test_level_change_to_a_computed_count(
    stated: float, decimals: int, verdict: str
) -> None:
    row = change_row("Malang Raya", 2022, 2023, stated, decimals, kind="level_change")
    st = pd.DataFrame([{**row, "stated_as": "units"}])
    out = check_statements(st, _data(), **KW2)
    assert out["verdict"].tolist() == [verdict]


def test_a_change_beside_a_finer_figure_is_written_at_the_coarser_decimals() -> None:
    # 8.75 (2 decimals) in 2021 to 7.876104703 (read at its 9) in 2023: the
    # fall as given, 0.873895297, is fixed to 2 decimals at most (its range
    # is (0.8689, 0.8789)), so it is written 0.87, and per year over 2
    # years 0.4369476485, written -0.44. The number of poor: 310.00 to
    # 296.2449871 fell 13.7550129, written 13.76; a year 6.87750645, -6.88.
    rows = [
        {**change_row("Malang Raya", 2021, 2023, 0.43, 2), "per_year": True},
        change_row("Malang Raya", 2021, 2023, 0.87, 2),
        {
            **change_row("Malang Raya", 2021, 2023, 6.88, 2, kind="level_change"),
            "stated_as": "units",
            "per_year": True,
        },
        {
            **change_row("Malang Raya", 2021, 2023, 13.76, 2, kind="level_change"),
            "stated_as": "units",
        },
    ]
    reason = check_statements(pd.DataFrame(rows), _data(), **KW2)["reason"].tolist()
    assert reason[0].startswith(
        "fell 0.87 percentage points, from 8.75 % to 7.876104703 % (a 9.99 % "
        "relative fall); over 2.00 years that is -0.44 points a year,"
    )
    assert reason[1].startswith("fell 0.87 percentage points, from 8.75 %")
    assert reason[2].startswith(
        "fell 13.76, from 310.00 to 296.2449871 (a 4.44 % relative fall); over "
        "2.00 years that is -6.88 a year,"
    )
    assert reason[3].startswith("fell 13.76, from 310.00 to 296.2449871")
