"""The warning on the decimals a column is read at: only where a rank
statement's verdict can depend on them, within its period and `by` group.

Read from its figures, a column of rates of 2 decimals with one pooled
7.876 appended is read at 3, which fewer than half of its figures need; at
2, a published 7.88 stands for [7.875, 7.885), which meets 7.876's
[7.8755, 7.8765): their order is open. Only a rank statement whose region
(or ``after``) is one of the two, ranked in the same group, can change with
the reading: the order of two other regions never changes a region's rank.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from povstat.statements import HOLDS, UNDECIDED, check_statements
from statement_frames import EJ_KW, no_warning

KW = EJ_KW


def _data() -> pd.DataFrame:
    # Made up, 2023: four cities (group "kota") and two joined areas (group
    # "gabungan"), one of them pooled to 3 decimals (7.876). The figures
    # need 2, 2, 1, 2, 3 and 1 decimals: read at 3, which 1 of 6 needs.
    return pd.DataFrame(
        {
            "region_name": ["A", "B", "C", "D", "X", "Y"],
            "year": 2023,
            "poverty_rate_pct": [7.88, 4.26, 5.10, 3.31, 7.876, 9.50],
            "poor_thousands": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
            "grp": ["kota"] * 4 + ["gabungan"] * 2,
        }
    )


def _rank(region: str, rank: int, **more: Any) -> pd.DataFrame:
    row = {
        "kind": "rank",
        "region": region,
        "period": 2023,
        "stated_rank": rank,
        "descending": False,
    }
    return pd.DataFrame([{**row, **more}])


WARNED = r"`data` column 'poverty_rate_pct' .* is read at 3 decimals"


def test_per_by_group() -> None:
    # Within "kota" (7.88, 4.26, 5.1, 3.31, ascending) A is 4th at either
    # reading: 7.876 is in "gabungan", never ranked with it. No warning (it
    # was given: the two met at the period, whatever their group).
    st = _rank("A", 4)
    with no_warning():
        out = check_statements(st, _data(), by="grp", **KW)
    assert out["verdict"].tolist() == [HOLDS]
    out = check_statements(st, _data(), by="grp", rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [HOLDS]
    # All six together, ascending: 3.31, 4.26, 5.1, 7.876, 7.88, 9.5. At 3
    # decimals A (7.88 = [7.8795, 7.8805)) is 5th, after X ([7.8755,
    # 7.8765)): holds; at 2, A = [7.875, 7.885) meets X: 4th or 5th,
    # cannot tell. The verdict depends on the reading: warned.
    st = _rank("A", 5)
    with pytest.warns(UserWarning, match=WARNED):
        out = check_statements(st, _data(), **KW)
    assert out["verdict"].tolist() == [HOLDS]
    out = check_statements(st, _data(), rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [UNDECIDED]


def test_only_where_a_statement_uses_a_figure_in_doubt() -> None:
    # D (3.31) is 1st of the six at either reading: whichever of A and X
    # comes first, D's rank is the same. No warning (it was given).
    st = _rank("D", 1)
    with no_warning():
        out = check_statements(st, _data(), **KW)
    assert out["verdict"].tolist() == [HOLDS]
    out = check_statements(st, _data(), rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [HOLDS]
    # "Y (9.5) is 6th, right after A": at 3 decimals A is 5th, just before
    # Y: holds; at 2, X may come between them (A and X meet): cannot tell.
    # Y itself meets no one, but the statement names A: warned.
    st = _rank("Y", 6, after="A")
    with pytest.warns(UserWarning, match=WARNED):
        out = check_statements(st, _data(), **KW)
    assert out["verdict"].tolist() == [HOLDS]
    out = check_statements(st, _data(), rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [UNDECIDED]
