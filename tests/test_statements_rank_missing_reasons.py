"""What a rank reason says beside a region without a value.

A region without a value could rank anywhere: above the subject it moves
the subject down by one. The reason says so for a rank only it (with or
without a tie broken another way) could give, never "not 19" beside a
"cannot tell", nor "only with its tie broken" where the missing region
alone gives the rank.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from povstat.statements import NOT_HOLDS, UNDECIDED, check_rank_statement
from statement_frames import east_java

# BPS, March 2023: Kabupaten Pacitan (13.65 %) is above Kabupaten Mojokerto
# (9.80 %), which Mojokerto shares with Kabupaten Magetan. With Pacitan's
# value left out, 16 regions are surely above Mojokerto and Magetan is tied
# with it: 17-18 with ties among the 37 with a value; Pacitan could be above.
_UNKNOWN = "; 1 region has no value (Kabupaten Pacitan) and could rank anywhere"


def _mojokerto(stated: int, ties: Any) -> tuple[str, str]:
    y = east_java([2023])
    v = y["poverty_rate_pct"].to_numpy().copy()
    labels = y["region_name"].to_numpy()
    v[list(labels).index("Kabupaten Pacitan")] = np.nan
    res = check_rank_statement(
        v,
        labels,
        subject="Kabupaten Mojokerto",
        stated_rank=stated,
        descending=True,
        ties=ties,
    )
    head = f"(ties: {ties}; 17-18 with ties), after 16 regions"
    reason = str(res.reason)
    assert head in reason
    return str(res.verdict), reason[reason.index(head) + len(head) :]


@pytest.mark.parametrize(
    ("ties", "stated", "verdict", "said"),
    [
        # "min" gives 17 as the figures stand; 18 with the tie broken
        # (Magetan first) or with Pacitan above and no tie broken; 19 only
        # with both; 20 never (at most 18 regions above it).
        (
            "min",
            18,
            UNDECIDED,
            ": 17 as the figures stand, 18 with its tie broken another way, or "
            "if the region without a value ranks above it" + _UNKNOWN,
        ),
        (
            "min",
            19,
            UNDECIDED,
            ": 17 as the figures stand, 19 only if the region without a value "
            "ranks above it and its tie is broken another way" + _UNKNOWN,
        ),
        ("min", 20, NOT_HOLDS, ": not 20" + _UNKNOWN),
        # "max" gives 18; 17 only with the tie broken (Pacitan above moves
        # it down, never up); 19 with Pacitan above.
        ("max", 17, UNDECIDED, ": 17 only with its tie broken another way" + _UNKNOWN),
        (
            "max",
            19,
            UNDECIDED,
            ": 18 as the figures stand, 19 if the region without a value ranks "
            "above it" + _UNKNOWN,
        ),
        ("max", 16, NOT_HOLDS, ": not 16" + _UNKNOWN),
    ],
)
def test_mojokerto_beside_pacitan_without_a_value(
    ties: Any, stated: int, verdict: str, said: str
) -> None:
    got_verdict, got = _mojokerto(stated, ties)
    assert got_verdict == verdict
    # The verdict may still add that the missing region could make it hold.
    assert got in (said, said + ", which could make the statement hold")


def test_two_regions_without_a_value() -> None:
    # A 5 above B 3 above C 1; D and E have no value. "min" from the
    # highest: C is 3 as the figures stand, 4 or 5 if one or both of D and
    # E rank above it.
    res = check_rank_statement(
        [5.0, 3.0, 1.0, np.nan, np.nan],
        ["A", "B", "C", "D", "E"],
        subject="C",
        stated_rank=5,
        descending=True,
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason).startswith(
        "C (1) ranks 3 of 3 from the highest (ties: min), after A, B: "
        "3 as the figures stand, 5 if 2 regions without a value rank above it; "
    )
