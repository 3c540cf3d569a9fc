"""check_statements reads every figure within its own rounding interval.

A published figure (BPS's 8.10, 2 decimals) keeps its interval beside an
appended one of more decimals (7.876) or a computed one (a pooled
7.876104702999582, which stands for itself), in changes, level changes,
directions and stated figures alike; where the decimals are read from the
figures and a verdict can depend on them, a warning says so.
"""

from __future__ import annotations

import warnings
from typing import Any

import pandas as pd
import pytest

from povstat.statements import (
    NOT_HOLDS,
    UNDECIDED,
    check_change_statement,
    check_level_change_statement,
    check_statements,
)

KW: dict[str, Any] = {
    "unit": "percent",
    "persons_per_poor_unit": 1000,
    "region": "region_name",
    "period": "year",
}


def _frame(x_before: float, x_after: float, **extra: list[float]) -> pd.DataFrame:
    """Kota X (the figures under test) beside Kota Y's and Kota W's BPS rates."""
    return pd.DataFrame(
        {
            "region_name": ["Kota X", "Kota X", "Kota Y", "Kota Y", "Kota W", "Kota W"],
            "year": [2022, 2023] * 3,
            "poverty_rate_pct": [x_before, x_after, 5.55, 5.43, 6.12, 6.27],
            "poor_thousands": extra.get("poor", [10.0, 9.5, 20.0, 19.5, 30.0, 29.0]),
        }
    )


def _changes(sizes: list[tuple[float, int, str, str]], kind: str = "change") -> Any:
    return pd.DataFrame(
        [
            {
                "kind": kind,
                "region": "Kota X",
                "period_before": 2022,
                "period_after": 2023,
                "stated": s,
                "decimals": d,
                "stated_as": said,
                "direction": dirn,
            }
            for s, d, said, dirn in sizes
        ]
    )


@pytest.mark.parametrize("rate_decimals", [2, None])
def test_a_change_to_a_computed_rate_keeps_the_published_rate_s_interval(
    rate_decimals: int | None,
) -> None:
    # BPS's 8.10 stands for [8.095, 8.105); a pooled 7.876104702999582 (as
    # aggregate_regions gives it) stands for itself. The true fall lies in
    # (8.095 - 7.8761047, 8.105 - 7.8761047) = (0.2188953, 0.2288953):
    # 0.224 ([0.2235, 0.2245)) and 0.229 ([0.2285, 0.2295)) both meet it and
    # neither is fixed by it: cannot tell (before: holds, does not hold).
    data = _frame(8.10, 7.876104702999582)
    st = _changes([(0.224, 3, "points", "fall"), (0.229, 3, "points", "fall")])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = check_statements(st, data, rate_decimals=rate_decimals, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    reason = out["reason"].iloc[0]
    # Shown exactly, as the computed rate is read (at 10 decimals,
    # 7.876104703): (8.095 - 7.876104703, 8.105 - 7.876104703).
    assert "the true fall lies between 0.218895297 and 0.228895297 points" in reason
    # Each rate at its own decimals: the published one as published.
    assert "from 8.10 % to 7.876104703 %" in reason
    assert "8.100" not in reason


def test_a_level_change_to_a_computed_count_keeps_the_published_count_s_interval() -> (
    None
):
    # BPS's 296.50 thousand (2 decimals) stands for [296.495, 296.505); a
    # computed 296.24000003448987 for itself: the fall lies in
    # (0.2549999655, 0.2649999655): 0.260, 0.264 and 0.255 (3 decimals) all
    # meet it: cannot tell (before: holds, does not hold, does not hold).
    poor = [296.50, 296.24000003448987, 20.0, 19.5, 30.0, 29.0]
    data = _frame(8.10, 7.88, poor=poor)
    st = _changes(
        [
            (0.260, 3, "units", "fall"),
            (0.264, 3, "units", "fall"),
            (0.255, 3, "units", "fall"),
        ],
        kind="level_change",
    )
    out = check_statements(st, data, levels_decimals={"poor_thousands": 2}, **KW)
    assert out["verdict"].tolist() == [UNDECIDED] * 3
    assert "from 296.50 to 296.2400000345" in out["reason"].iloc[0]


def test_a_change_from_a_published_rate_to_an_appended_one_warns() -> None:
    # Kota X's BPS 8.00 (2 decimals) and a pooled 7.876 appended: 1 of the 6
    # figures needs 3 decimals, so the others are read at 3 (8.00 as 8.000)
    # and "fell 0.124 points" holds by that reading. At 2 (the others'
    # decimals), 8.00 stands for [7.995, 8.005): the fall lies in
    # (0.1185, 0.1295): cannot tell. The verdict depends on the reading: a
    # warning names `rate_decimals=2` (before: none).
    data = _frame(8.00, 7.876)
    st = _changes([(0.124, 3, "points", "fall")])
    with pytest.warns(UserWarning, match=r"rate_decimals=2"):
        out = check_statements(st, data, **KW)
    assert out["verdict"].tolist() == ["holds"]
    stated = check_statements(st, data, rate_decimals=2, **KW)
    assert stated["verdict"].tolist() == [UNDECIDED]
    assert "from 8.00 % to 7.876 %" in stated["reason"].iloc[0]


def test_a_level_change_from_a_published_count_to_an_appended_one_warns() -> None:
    # 21.10 thousand (BPS, 2 decimals) to 19.848 (typed from persons, 3):
    # read at 3, "fell 1.252" holds; at 2 for 21.10 ([21.095, 21.105)) the
    # fall lies in (1.2465, 1.2575): cannot tell. A warning names
    # levels_decimals (before: none).
    poor = [21.10, 19.848, 20.15, 19.52, 30.25, 29.01]
    data = _frame(8.10, 7.88, poor=poor)
    st = _changes([(1.252, 3, "units", "fall")], kind="level_change")
    with pytest.warns(UserWarning, match=r"levels_decimals=\{'poor_thousands': 2\}"):
        check_statements(st, data, **KW)
    out = check_statements(st, data, levels_decimals={"poor_thousands": 2}, **KW)
    assert out["verdict"].tolist() == [UNDECIDED]
    assert "from 21.10 to 19.848" in out["reason"].iloc[0]


def _figure_rows(measure: str, stated: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "kind": "figure",
                "region": "Kota Y",
                "period": 2023,
                "measure": measure,
                "stated": s,
                "decimals": 3,
            }
            for s in stated
        ]
    )


def test_figure_rows_read_the_cell_by_the_column_s_rule() -> None:
    # Kota Y's BPS 5.43 (2 decimals) stands for [5.425, 5.435): 5.431 and
    # 5.430 stated to 3 decimals are within it and the table does not give
    # them: cannot tell. An appended 7.876 (Kota X) made the column read at
    # 3 (5.43 as 5.430: "does not hold" and "holds") even with
    # rate_decimals=2, the decimals change and rank rows already used.
    data = _frame(8.10, 7.876)
    st = _figure_rows("poverty_rate_pct", [5.431, 5.430])
    out = check_statements(st, data, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    assert "stands for 5.425 to 5.435" in out["reason"].iloc[0]
    # Read from the figures (3, which 1 of 6 needs): a warning.
    with pytest.warns(UserWarning, match=r"rate_decimals=2"):
        check_statements(st, data, **KW)


def test_figure_rows_of_a_count_column_read_levels_decimals() -> None:
    # Kota Y's count 19.50 (2 decimals): [19.495, 19.505); 19.501 and 19.500
    # stated: cannot tell, an appended 18.848 notwithstanding.
    poor = [10.00, 18.848, 20.15, 19.50, 30.25, 29.01]
    data = _frame(8.10, 7.88, poor=poor)
    st = _figure_rows("poor_thousands", [19.501, 19.500])
    out = check_statements(st, data, levels_decimals={"poor_thousands": 2}, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]


def test_a_direction_between_intervals_that_meet_is_open() -> None:
    # 8.10 (2 decimals) for [8.095, 8.105), 8.098 (3) for [8.0975, 8.0985):
    # the true change lies in (-0.0075, +0.0035): fell or rose, the figures
    # cannot tell (before: "the rate fell" held). "rose 0.00 points" (a rise
    # under 0.005 fits) and "rose 0.001" cannot tell either; "rose 0.010"
    # ([0.0095, 0.0105)) lies beyond +0.0035: does not hold.
    data = _frame(8.10, 8.098)
    st = pd.concat(
        [
            pd.DataFrame(
                [
                    {
                        "kind": "direction",
                        "region": "Kota X",
                        "period_before": 2022,
                        "period_after": 2023,
                        "direction": "fall",
                    }
                ]
            ),
            _changes(
                [
                    (0.00, 2, "points", "rise"),
                    (0.001, 3, "points", "rise"),
                    (0.010, 3, "points", "rise"),
                ]
            ),
        ],
        ignore_index=True,
    )
    # The made-up counts (10.0, 9.5, ...) are published at 1 decimal.
    for headcount in ("poor_thousands", None):
        out = check_statements(
            st,
            data,
            rate_decimals=2,
            levels_decimals={"poor_thousands": 1},
            headcount=headcount,
            **KW,
        )
        assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED, UNDECIDED, NOT_HOLDS]
        assert "may have moved either way" in out["reason"].iloc[0]
        for r in out["reason"].iloc[1:]:
            assert "between -0.0075 and +0.0035 points" in r
            assert "the statement says it rose" not in r


def test_per_year_relative_change_range_covers_the_compound_reading() -> None:
    # 8.10 -> 7.88 over 2 years, rates to 2 decimals. The compound yearly
    # fall 1 - sqrt(r1 / r0) over r0 in [8.095, 8.105), r1 in [7.875,
    # 7.885) lies in (1 - sqrt(7.885/8.095), 1 - sqrt(7.875/8.105)) =
    # (1.3056 %, 1.4291 %); the simple average in (1.2971 %, 1.4189 %). Both
    # readings hold when matched, so 1.43 ([1.425, 1.435): a compound fall
    # of 1.428 %) cannot tell (before: does not hold); 1.44 ([1.435,
    # 1.445)) meets neither range: does not hold.
    res = check_change_statement(
        8.10,
        7.88,
        [1.43, 1.44],
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
        years=2,
        levels_decimals=2,
    )
    assert res.verdict.tolist() == [UNDECIDED, NOT_HOLDS]
    # 1.43, at the rates' own 2 decimals, is not more precise than they
    # allow: they leave 1.30 to 1.43 at 2 decimals, so the ranges are
    # written at 2 + 2 = 4 decimals, rounded inward (40-digit Decimal:
    # 1.2970970, 1.4188772; compound 1.3056202, 1.4290887).
    assert str(res.reason[0]).endswith(
        "the rates (2 decimals) do not fix the relative change a year to 2 "
        "decimals: the true relative fall a year lies between 1.2971 and "
        "1.4188 % on average, between 1.3057 and 1.4290 % compound, which 1.43 "
        "meets"
    )
    # Levels alike: 810 -> 788 to 0 decimals, the same bounds. 1.43, with
    # more decimals than the levels, is more precise than they allow: the
    # ranges at 2 decimals at least, here 3 (at 2, 1.42 and 1.41 would
    # leave 1.425 and 1.415, where the intervals of 1.43 and 1.42 begin,
    # between them and the true ends 1.4291 and 1.4189).
    lvl = check_level_change_statement(
        810,
        788,
        [1.43, 1.44],
        direction="fall",
        stated_as="percent",
        decimals=2,
        years=2,
        levels_decimals=0,
    )
    assert lvl.verdict.tolist() == [UNDECIDED, NOT_HOLDS]
    assert str(lvl.reason[0]).endswith(
        "1.43 is more precise than the levels (0 decimals) allow: the true "
        "relative fall a year lies between 1.298 and 1.418 % on average, "
        "between 1.306 and 1.429 % compound"
    )


def test_levels_decimals_refuses_a_key_column() -> None:
    data = _frame(8.10, 7.88)
    st = _changes([(0.22, 2, "points", "fall")])
    with pytest.raises(ValueError, match=r"'region_name', a key column of `data` "):
        check_statements(st, data, levels_decimals={"region_name": 2}, **KW)
    with pytest.raises(ValueError, match=r"argument `period`"):
        check_statements(st, data, levels_decimals={"year": 0}, **KW)


def test_a_level_change_between_intervals_that_meet_has_no_direction() -> None:
    # 10.00 thousand (2 decimals) for [9.995, 10.005), 10.004 (3) for
    # [10.0035, 10.0045): the true change lies in (-0.0015, +0.0095).
    # "fell 0.001" ([0.0005, 0.0015)) fits a fall within it: cannot tell
    # (before: does not hold, "the statement says it fell"); "fell 0.004"
    # ([0.0035, 0.0045)) lies beyond -0.0015: does not hold.
    poor = [10.00, 10.004, 20.15, 19.52, 30.25, 29.01]
    data = _frame(8.10, 7.88, poor=poor)
    st = _changes(
        [(0.001, 3, "units", "fall"), (0.004, 3, "units", "fall")],
        kind="level_change",
    )
    out = check_statements(st, data, levels_decimals={"poor_thousands": 2}, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, NOT_HOLDS]
    assert "between -0.0015 and +0.0095" in out["reason"].iloc[0]
    assert "leaves no fall of 0.004" in out["reason"].iloc[1]
