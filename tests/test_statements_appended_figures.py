"""Rank statements on a `rate` column holding one figure of other decimals.

A pooled rate built with :func:`povstat.aggregate_regions` (Malang Raya:
Kabupaten Malang, Kota Malang and Kota Batu, East Java 2023) appended to
published rates of 2 decimals, as given (7.876104702999582) or rounded to 3
decimals (7.876), must not change how the other rates are read when the
column's decimals are given (``rate_decimals=2``); without them, the column
is read at the most decimals its figures need, with a warning where fewer
than half of them need those.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_rank_statement,
    check_statements,
)
from statement_frames import KW, change_row

# BPS, March 2023: Kota Batu 3.31 %, Kota Malang 4.26 %; the pooled rate of
# the three is 296.24 thousand poor over their implied population.
POOLED = 7.876104702999582

#: BPS publishes the rates to 2 decimals.
KW2: dict[str, Any] = {**KW, "rate_decimals": 2}


def _data(pooled: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": ["Kota Batu", "Kota Malang", "Malang Raya"],
            "year": 2023,
            "rate": [3.31, 4.26, pooled],
            "poor": [7.10, 37.78, 296.24],
        }
    )


def _rank(**row: Any) -> dict[str, Any]:
    return {"kind": "rank", "period": 2023, "descending": False, **row}


@pytest.mark.parametrize("pooled", [POOLED, 7.876, 7.88])
def test_a_computed_rate_does_not_break_the_other_rows(pooled: float) -> None:
    # Kota Malang (4.26) is second lowest, after Kota Batu (3.31), whatever
    # the pooled rate's last digits: no error, the single check's verdict.
    st = pd.DataFrame([_rank(region="Kota Malang", stated_rank=2, after="Kota Batu")])
    out = check_statements(st, _data(pooled), **KW2)
    assert out["verdict"].tolist() == [HOLDS]
    assert out["reason"][0].startswith("Kota Malang (4.26) ranks 2 of 3")


@pytest.mark.parametrize("pooled", [7.88, 7.876, POOLED])
def test_a_3_decimal_figure_leaves_the_others_at_2_decimals(pooled: float) -> None:
    # Kota Malang's published 4.26 stands for [4.255, 4.265): a stated 4.261
    # or 4.260 (3 decimals) may be its true value (cannot tell), however
    # many decimals the one appended figure has.
    st = pd.DataFrame(
        [
            _rank(region="Kota Malang", stated_rank=2, stated_value=v, value_decimals=3)
            for v in (4.261, 4.260)
        ]
    )
    out = check_statements(st, _data(pooled), **KW2)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    assert "published with 2 decimals" in out["reason"][1]


def test_the_column_decimals_are_the_most_its_figures_need() -> None:
    # Needs 2, 2, 2, 3, 3 (two appended 3-decimal figures among three of 2):
    # without `rate_decimals` the column is read at 3 (the most any figure
    # needs), with a warning naming the two; Kota Malang's 4.26 is then
    # 4.260, which does not round to a stated 4.261. With rate_decimals=2,
    # 4.26 stands for [4.255, 4.265), which holds 4.261: cannot tell.
    data = pd.DataFrame(
        {
            "region": ["Kota Batu", "Kota Malang", "A", "B", "C"],
            "year": 2023,
            "rate": [3.31, 4.26, 5.12, 7.876, 6.543],
            "poor": [1.0, 2.0, 3.0, 4.0, 5.0],
        }
    )
    st = pd.DataFrame(
        [
            _rank(
                region="Kota Malang",
                stated_rank=2,
                stated_value=4.261,
                value_decimals=3,
            )
        ]
    )
    with pytest.warns(UserWarning, match=r"read at 3 decimals.*'B' at 2023 \(7.876\)"):
        assert check_statements(st, data, **KW)["verdict"].tolist() == [NOT_HOLDS]
    assert check_statements(st, data, **KW2)["verdict"].tolist() == [UNDECIDED]
    # Most figures at 3 decimals: read at 3, no warning; 4.260 is not 4.261.
    data = _data(7.876).assign(rate=[3.315, 4.26, 7.876])
    assert check_statements(st, data, **KW)["verdict"].tolist() == [NOT_HOLDS]


def test_batch_verdicts_equal_the_single_check_at_the_column_decimals() -> None:
    # Every region, both directions, with and without a stated value: the
    # batch equals check_rank_statement with values_decimals=2 (the
    # column's), each reason starting with the single check's.
    data = _data(POOLED)
    rows = [
        _rank(region=r, stated_rank=k, descending=desc, **extra)
        for r in data["region"]
        for k in (1, 2, 3)
        for desc in (False, True)
        for extra in (
            {},
            {"stated_value": 4.26, "value_decimals": 2},
            {"stated_value": 7.876, "value_decimals": 3},
            {"stated_value": 7.88, "value_decimals": 2},
            {"stated_value": 3.310, "value_decimals": 3},
        )
    ]
    st = pd.DataFrame(rows)
    out = check_statements(st, data, **KW)
    for row, verdict, reason in zip(rows, out["verdict"], out["reason"], strict=True):
        single = check_rank_statement(
            data["rate"],
            data["region"].to_numpy(),
            subject=row["region"],
            stated_rank=row["stated_rank"],
            descending=row["descending"],
            stated_value=row.get("stated_value"),
            value_decimals=row.get("value_decimals"),
            values_decimals=2,
        )
        assert verdict == str(single.verdict)
        assert reason.startswith(str(single.reason))


def test_check_rank_statement_reads_an_appended_figure_at_its_own_decimals() -> None:
    # values_decimals=2 with 7.876 among them: 7.876 is read at 3 decimals.
    # 7.876 rounds to 7.88 (holds), is 7.876 (holds); 7.8760 to 4 decimals
    # may be its true value in [7.8755, 7.8765) (cannot tell); 7.87 not.
    # No error naming `values` or `values_decimals`.
    rates, names = [3.31, 4.26, 7.876], ["Kota Batu", "Kota Malang", "Malang Raya"]
    got = [
        str(
            check_rank_statement(
                rates,
                names,
                subject="Malang Raya",
                stated_rank=3,
                descending=False,
                stated_value=v,
                value_decimals=d,
                values_decimals=2,
            ).verdict
        )
        for v, d in ((7.88, 2), (7.876, 3), (7.876, 4), (7.87, 2))
    ]
    assert got == [HOLDS, HOLDS, UNDECIDED, NOT_HOLDS]
    res = check_rank_statement(
        [3.31, 4.26, POOLED],
        names,
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
        after="Kota Batu",
        values_decimals=2,
    )
    assert str(res.verdict) == HOLDS


def _two_years(pooled_2023: float) -> pd.DataFrame:
    # Kota Malang 4.37 % in 2022 and 4.26 % in 2023, Kota Batu 3.79 % and
    # 3.31 % (BPS); Malang Raya pooled by the user (2022: 8.1 % made up).
    return pd.DataFrame(
        {
            "region": ["Kota Batu", "Kota Malang", "Malang Raya"] * 2,
            "year": [2022] * 3 + [2023] * 3,
            "rate": [3.79, 4.37, 8.1, 3.31, 4.26, pooled_2023],
            "poor": [8.0, 38.0, 300.0, 7.10, 37.78, 296.24],
        }
    )


def _change(region: str, stated: float, decimals: int) -> dict[str, Any]:
    return change_row(region, 2022, 2023, stated, decimals)


@pytest.mark.parametrize("pooled", [7.88, 7.876, POOLED])
def test_change_rows_read_the_other_rates_at_2_decimals(pooled: float) -> None:
    # 4.37 and 4.26 at 2 decimals leave a fall in (0.10, 0.12): a stated
    # 0.110 (3 decimals) cannot be told, whatever the appended figure.
    st = pd.DataFrame([_change("Kota Malang", 0.110, 3)])
    out = check_statements(st, _two_years(pooled), **KW2)
    assert out["verdict"].tolist() == [UNDECIDED]


@pytest.mark.parametrize(
    ("pooled", "stated", "decimals", "verdict"),
    [
        # 8.1 (the column's 2 decimals: [8.095, 8.105)) to 7.876 (its own
        # 3: [7.8755, 7.8765)): each rate within its own interval, the fall
        # lies in (8.095 - 7.8765, 8.105 - 7.8755) = (0.2185, 0.2295). A
        # stated 0.224 has more decimals than the 8.10 allows: cannot tell
        # (reading 8.1 as 8.100 made it hold); 0.22 is the change at 2.
        (7.876, 0.224, 3, UNDECIDED),
        (7.876, 0.22, 2, HOLDS),
        # 8.1 - 7.876104702999582 = 0.2238953..., taken as given: 0.22.
        (POOLED, 0.22, 2, HOLDS),
        # But 8.1 stands for [8.095, 8.105): the fall lies in (0.2189,
        # 0.2289), which 0.23 ([0.225, 0.235)) meets: cannot tell; 0.24
        # ([0.235, 0.245)) and 0.21 ([0.205, 0.215)) do not.
        (POOLED, 0.23, 2, UNDECIDED),
        (POOLED, 0.24, 2, NOT_HOLDS),
        (POOLED, 0.21, 2, NOT_HOLDS),
    ],
)
def test_change_rows_on_the_appended_figure(
    pooled: float, stated: float, decimals: int, verdict: str
) -> None:
    st = pd.DataFrame([_change("Malang Raya", stated, decimals)])
    out = check_statements(st, _two_years(pooled), **KW2)
    assert out["verdict"].tolist() == [verdict]


@pytest.mark.parametrize(
    ("subject", "rank", "stated", "decimals", "verdict", "shown"),
    [
        # Kota Malang's 4.26 is read at 2 decimals beside the computed
        # pooled rate: 4.261 may be its true value, 4.26 is as stated.
        ("Kota Malang", 2, 4.261, 3, UNDECIDED, "Kota Malang (4.26)"),
        ("Kota Malang", 2, 4.26, 2, HOLDS, "Kota Malang (4.26)"),
        # The pooled rate itself, taken as given, rounds to 7.88 and 7.876.
        ("Malang Raya", 3, 7.88, 2, HOLDS, "Malang Raya (7.876104703)"),
        ("Malang Raya", 3, 7.875, 3, NOT_HOLDS, "Malang Raya (7.876104703)"),
    ],
)
def test_check_rank_statement_without_values_decimals_reads_a_computed_value_alone(
    subject: str, rank: int, stated: float, decimals: int, verdict: str, shown: str
) -> None:
    res = check_rank_statement(
        [3.31, 4.26, POOLED],
        ["Kota Batu", "Kota Malang", "Malang Raya"],
        subject=subject,
        stated_rank=rank,
        descending=False,
        stated_value=stated,
        value_decimals=decimals,
    )
    assert str(res.verdict) == verdict
    assert str(res.reason).startswith(shown)
