"""What a rank reason says of a stated rank the subject takes only in a tie.

A rank the subject would take only with its tie broken another way, or only
if an order the figures leave open went the other way, is "cannot tell";
the reason says which it takes, never "not 19" (the words of a rank it
cannot take).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.statements import UNDECIDED, check_rank_statement, check_statements
from statement_frames import EJ_KW, east_java


def test_a_tie_at_the_top() -> None:
    # B and C share 9.80, above 4.26 and 3.31: ranks 1-2 from the highest,
    # "min" gives B 1; 2 only if the tie is broken with C first.
    res = check_rank_statement(
        [3.31, 9.80, 9.80, 4.26],
        ["A", "B", "C", "D"],
        subject="B",
        stated_rank=2,
        descending=True,
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason) == (
        "B (9.80) ranks 1 of 4 from the highest (ties: min; 1-2 with ties): "
        "2 only with its tie broken another way"
    )


@pytest.mark.parametrize(
    ("ties", "stated"),
    [("min", 19), ("average", 19), ("max", 18), ("dense", 19), ("ordinal", 18)],
)
def test_a_rank_in_the_tie_of_mojokerto(ties: Any, stated: int) -> None:
    # BPS, March 2023: 17 of East Java's 38 regencies and cities are above
    # 9.80 %, which Kabupaten Mojokerto shares with Kabupaten Magetan: 18-19
    # from the highest. Each rule gives one of them (min 18, average 18.5,
    # max 19, dense 18, ordinal 19: Magetan's label first); the other
    # needs the tie broken another way.
    y = east_java([2023])
    res = check_rank_statement(
        y["poverty_rate_pct"].to_numpy(),
        y["region_name"].to_numpy(),
        subject="Kabupaten Mojokerto",
        stated_rank=stated,
        descending=True,
        ties=ties,
    )
    assert res.verdict == UNDECIDED
    assert f"(ties: {ties}; 18-19 with ties)" in str(res.reason)
    assert str(res.reason).endswith(f": {stated} only with its tie broken another way")


def _open(*appended: tuple[str, float], cases: list[tuple[str, int]]) -> list[str]:
    """Reasons for Mojokerto's rank with figures of 3 decimals appended."""
    data = pd.concat(
        [
            east_java([2023]),
            pd.DataFrame(
                {
                    "region_name": [name for name, _ in appended],
                    "year": 2023,
                    "poverty_rate_pct": [rate for _, rate in appended],
                    "poor_thousands": np.nan,
                }
            ),
        ],
        ignore_index=True,
    )
    statements = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Kabupaten Mojokerto",
                "period": 2023,
                "stated_rank": rank,
                "descending": True,
                "ties": ties,
            }
            for ties, rank in cases
        ]
    )
    out = check_statements(statements, data, rate_decimals=2, **EJ_KW)
    assert out["verdict"].tolist() == [UNDECIDED] * len(cases)
    # The rank problem: the reason's words after the ranks, before the
    # regions whose order is open.
    return [
        r.split("regions: ", 1)[1].split("; the published figures", 1)[0]
        for r in out["reason"]
    ]


def test_a_tie_beside_an_open_order() -> None:
    # A pooled 9.803 appended, [9.8025, 9.8035) at its 3 decimals: against
    # Mojokerto's 9.80 = [9.795, 9.805) the order is open, and Magetan is
    # tied at 9.80. With 9.803 above (as the figures stand) Mojokerto is
    # 19-20, with it below 18-19. "min" 20: the tie broken (Magetan
    # first), never the open order (which can only raise Mojokerto).
    # "min" 18: the open order alone. "max" 19: either (the tie broken at
    # 19-20, or 9.803 below: max 19). "max" 18: both (9.803 below gives
    # 18-19, max 19; 18 needs the tie broken too).
    got = _open(
        ("Kawasan Mataraman", 9.803),
        cases=[("min", 20), ("min", 18), ("max", 19), ("max", 18)],
    )
    assert got == [
        "20 only with its tie broken another way",
        "19 as the figures stand, 18 if an order they leave open goes the other way",
        "20 as the figures stand, 19 with its tie broken another way, or if an "
        "order they leave open goes the other way",
        "20 as the figures stand, 18 only if an order they leave open goes the "
        "other way and its tie is broken another way",
    ]


def test_a_three_way_tie_beside_open_orders() -> None:
    # 9.8 appended too (Kawasan Tapal Kuda, tied with both at 9.80): the tie
    # is 19-21 with 9.803 above. "min" 21: the tie broken, not the order.
    got = _open(
        ("Kawasan Mataraman", 9.803),
        ("Kawasan Tapal Kuda", 9.8),
        cases=[("min", 21)],
    )
    assert got == ["21 only with its tie broken another way"]
    # Two figures open above it (9.803 and 9.804): "min" 20 as the figures
    # stand, 18 if both go below it.
    got = _open(
        ("Kawasan Mataraman", 9.803),
        ("Kawasan Arek", 9.804),
        cases=[("min", 18)],
    )
    assert got == [
        "20 as the figures stand, 18 if 2 orders they leave open go the other way"
    ]
