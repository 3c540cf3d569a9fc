from __future__ import annotations

import datetime as dt
import decimal
import itertools
import re
from fractions import Fraction
from typing import Any, Literal

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import implied_population, round_half_up, with_ranks
from povstat.datasets import load_east_java, load_indonesia
from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_benchmark_statement,
    check_change_statement,
    check_consistency,
    check_count_statement,
    check_direction_statement,
    check_headcount_change_statement,
    check_level_change_statement,
    check_rank_statement,
    check_statements,
    check_top_statement,
)
from povstat.tracing import trace_figure
from statement_frames import IGNORE_READING_WARNING

#: Small frames of made-up rates whose figures need different decimals:
#: the warning on the rate column's decimals is not what these tests check.
pytestmark = IGNORE_READING_WARNING


# Column names of the small frames built in these tests.
_SIMPLE: dict[str, Any] = {
    "region": "region",
    "period": "period",
    "rate": "rate",
    "headcount": "poor",
}


def _regions(year: int) -> pd.DataFrame:
    df = load_east_java()
    return df[df["region_type"].isin(["kabupaten", "kota"]) & (df["year"] == year)]


def _east_java_row(name: str, years: list[int]) -> pd.DataFrame:
    df = load_east_java()
    rows = df[(df["region_name"] == name) & (df["month"] == 3)]
    return rows[rows["year"].isin(years)].sort_values("year")


def test_fell_0_11_percent_holds_as_points_not_relative() -> None:
    # BPS P0: Kota Malang 4.37 (March 2022) -> 4.26 (March 2023).
    # By hand: -0.11 pp; relative -0.11/4.37 = -2.52 %.
    res = check_change_statement(
        4.37,
        4.26,
        0.11,
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
    )
    # Right as points, wrong as percent: the number is right, the unit word
    # is not, so the verdict is "cannot tell" and the reason says both.
    assert res.verdict == UNDECIDED
    assert res.figures["meaning"] == "points"
    assert bool(res.figures["matches_points"])
    assert not bool(res.figures["matches_relative"])
    np.testing.assert_allclose(res.figures["relative_pct"], -2.5172, atol=1e-4)
    assert "(a 2.52 % relative fall)" in str(res.reason)
    assert "percentage points, not in percent" in str(res.reason)
    said_points = check_change_statement(
        4.37,
        4.26,
        0.11,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert said_points.verdict == HOLDS


def test_change_statement_relative_reading_and_wrong_direction() -> None:
    # "fell 2.52 percent" matches the relative change; "rose 0.11" is wrong.
    res = check_change_statement(
        [4.37, 4.37, 4.37],
        [4.26, 4.26, 4.26],
        [2.52, 0.11, 0.5],
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
    )
    assert res.verdict.tolist() == [HOLDS, UNDECIDED, NOT_HOLDS]
    assert res.figures["meaning"].tolist() == ["relative", "points", "neither"]
    res = check_change_statement(
        4.37,
        4.26,
        0.11,
        direction="rise",
        stated_as="percent",
        unit="percent",
        decimals=2,
    )
    assert res.verdict == NOT_HOLDS
    res = check_change_statement(
        np.nan,
        4.26,
        0.11,
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
    )
    assert res.verdict == UNDECIDED


def test_register_arithmetic_does_not_hold() -> None:
    # Ngopibareng (2023-10-24): "4.26 % of 187,000 is about 9,000".
    # By hand: 0.0426 * 187,000 = 7,966.2, to the nearest thousand 8,000.
    # BPS: 37.78 thousand poor at 4.26 % -> population 886,854 (not 187,000).
    pop = implied_population(4.26, 37.78, unit="percent") * 1000
    res = check_count_statement(
        4.26, 187_000, 9_000, unit="percent", decimals=-3, rate_population=pop
    )
    assert res.verdict == NOT_HOLDS
    np.testing.assert_allclose(res.figures["computed"], 7966.2)
    assert not bool(res.figures["arithmetic_ok"])
    assert not bool(res.figures["base_ok"])
    assert "7,966" in str(res.reason)
    assert "not of 187,000" in str(res.reason)
    # Right arithmetic, wrong base: still does not hold.
    res = check_count_statement(
        4.26, 187_000, 8_000, unit="percent", decimals=-3, rate_population=pop
    )
    assert res.verdict == NOT_HOLDS
    assert bool(res.figures["arithmetic_ok"])
    # Right arithmetic and no base to compare: holds.
    res = check_count_statement(4.26, 187_000, 7_966, unit="percent", decimals=0)
    assert res.verdict == HOLDS


def test_consistency_within_rounding() -> None:
    # BPS Kota Malang 2023: 4.26 %, 37.78 thousand; a population of 886.9
    # thousand gives 37.78/886.9 = 4.2598 %, inside [4.255, 4.265): holds.
    # The databoks 2024 population 885,271 with 3.91 % and 34.84 thousand
    # gives 3.9355 %, outside [3.905, 3.915): does not hold (SOURCES.md s. 6).
    res = check_consistency(
        [4.26, 3.91],
        [37.78, 34.84],
        [886.9, 885.271],
        unit="percent",
        rate_decimals=2,
        headcount_decimals=2,
        population_decimals=3,
    )
    assert res.verdict.tolist() == [HOLDS, NOT_HOLDS]


def test_consistency_refuses_a_zero_count_rounded_to_tens() -> None:
    # A headcount "0" rounded to tens says nothing (7 people would round to
    # it): refused, as every check refuses such a stated size, naming the
    # decimals argument. A 0 at 0 decimals is a figure (0 poor) and passes:
    # 0 / 1,000 = 0 %, which rounds to 0.0.
    kw: dict[str, Any] = {"unit": "percent", "rate_decimals": 1}
    with pytest.raises(
        ValueError, match="`headcount` is 0 with `headcount_decimals` = -1"
    ):
        check_consistency(
            0.0, 0.0, 1000.0, headcount_decimals=-1, population_decimals=0, **kw
        )
    with pytest.raises(
        ValueError, match="`population` is 0 with `population_decimals` = -3"
    ):
        check_consistency(
            0.0, 0.0, 0.0, headcount_decimals=0, population_decimals=-3, **kw
        )
    res = check_consistency(
        0.0, 0.0, 1000.0, headcount_decimals=0, population_decimals=0, **kw
    )
    assert res.verdict == HOLDS


def test_poverty_fell_says_both_measures() -> None:
    # BPS Sulawesi Tenggara, Sept 2018 -> March 2019: 11.32 % -> 11.24 %,
    # 301.85 -> 302.58 thousand: the rate fell 0.08 points, the count rose 0.73.
    res = check_direction_statement(
        11.32, 11.24, 301.85, 302.58, direction="fall", unit="percent"
    )
    assert res.verdict == UNDECIDED
    reason = str(res.reason)
    assert "rate fell 0.08 points" in reason
    assert "number of poor rose by 0.73" in reason
    assert bool(res.figures["rate_agrees"])
    assert not bool(res.figures["poor_agrees"])
    both = check_direction_statement(
        4.37, 4.26, 38.56, 37.78, direction="fall", unit="percent"
    )
    assert both.verdict == HOLDS
    neither = check_direction_statement(
        4.37, 4.26, 38.56, 37.78, direction="rise", unit="percent"
    )
    assert neither.verdict == NOT_HOLDS


def test_headcount_change_from_rounded_levels() -> None:
    # Kota Malang, BPS: 38.56 -> 37.78 thousand; true change in (-0.79, -0.77).
    res = check_headcount_change_statement(
        38.56, 37.78, [-0.78, 0.78, -0.9], levels_decimals=2, stated_decimals=2
    )
    assert res.verdict.tolist() == [HOLDS, NOT_HOLDS, NOT_HOLDS]
    assert "direction is wrong" in str(res.reason[1])
    res = check_headcount_change_statement(
        38.56, 37.78, -0.781, levels_decimals=2, stated_decimals=3
    )
    assert res.verdict == HOLDS
    assert bool(res.figures["overprecise"])
    assert "more precise than the levels allow" in str(res.reason)


def test_headcount_change_sign_note_only_where_the_sign_is_open() -> None:
    # 1.00 -> 1.01 (2 decimals): the true levels lie in [0.995, 1.005) and
    # [1.005, 1.015), so the change lies in (0, 0.02): a rise, its sign
    # decided. A stated 0.00 can be its rounding (holds), with no note that
    # the sign is open. Equal levels 1.00 -> 1.00 give (-0.01, 0.01): a
    # stated +0.01 cannot be excluded (holds) and the sign is open: noted.
    res = check_headcount_change_statement(
        [1.00, 1.00], [1.01, 1.00], [0.0, 0.01], levels_decimals=2, stated_decimals=2
    )
    assert res.verdict.tolist() == [HOLDS, HOLDS]
    assert "sign is not decided" not in str(res.reason[0])
    assert "sign is not decided" in str(res.reason[1])


def test_direction_reason_never_shows_a_change_as_zero() -> None:
    # 4.37 -> 4.3749 is a rise of 0.0049 points: shown at 3 decimals (0.005),
    # never as "rose 0.00"; the count 38.56 -> 38.5649 likewise.
    res = check_direction_statement(
        4.37, 4.3749, 38.56, 38.5649, direction="rise", unit="percent"
    )
    assert res.verdict == HOLDS
    assert str(res.reason) == (
        "the rate rose 0.005 points (+0.11 %) and the number of poor rose by 0.005"
    )


@pytest.mark.parametrize(
    ("year", "verdict"),
    # BPS P0 table: 2023 Batu 3.31, Malang 4.26; 2024 Batu 3.06, Malang 3.91;
    # 2025 Batu 2.86, Surabaya lower than Malang 3.85 (SOURCES.md, PINTAS24_MLG_2025).
    [(2023, HOLDS), (2024, HOLDS), (2025, NOT_HOLDS)],
)
def test_second_lowest_after_batu(year: int, verdict: str) -> None:
    t = _regions(year)
    res = check_rank_statement(
        t["poverty_rate_pct"],
        t["region_name"].to_numpy(),
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
        after="Kota Batu",
        of=38,
    )
    assert res.verdict == verdict
    if year == 2025:
        assert "Kota Surabaya" in str(res.reason)


def test_batu_ranked_38th_press_convention() -> None:
    # BPS 2023: Kota Batu has the lowest rate, so with rank 1 = highest it is 38th.
    t = _regions(2023)
    res = check_rank_statement(
        t["poverty_rate_pct"],
        t["region_name"].to_numpy(),
        subject="Kota Batu",
        stated_rank=38,
        descending=True,
        of=38,
    )
    assert res.verdict == HOLDS
    wrong_way = check_rank_statement(
        t["poverty_rate_pct"],
        t["region_name"].to_numpy(),
        subject="Kota Batu",
        stated_rank=38,
        descending=False,
    )
    assert wrong_way.verdict == NOT_HOLDS


def test_rank_statement_with_a_tie_cannot_tell() -> None:
    # BPS 2023: Kabupaten Magetan and Kabupaten Mojokerto both 9.80 %.
    t = _regions(2023)
    v = t["poverty_rate_pct"].to_numpy()
    above = int((v > 9.80).sum())
    res = check_rank_statement(
        v,
        t["region_name"].to_numpy(),
        subject="Kabupaten Mojokerto",
        stated_rank=above + 2,
        descending=True,
    )
    assert res.verdict == UNDECIDED
    assert res.figures["rank_min"] == above + 1
    assert res.figures["rank_max"] == above + 2


def test_check_statements_frame() -> None:
    data = load_east_java()
    data = data[data["region_type"].isin(["kabupaten", "kota"])]
    st = pd.DataFrame(
        {
            "kind": ["change", "count", "rank", "rank", "direction"],
            "region": ["Kota Malang"] * 3 + ["Kota Batu", "Kota Malang"],
            "period": [None, 2023, 2025, 2023, None],
            "period_before": [2022, None, None, None, 2022],
            "period_after": [2023, None, None, None, 2023],
            "stated": [0.11, 9000, None, None, None],
            "base": [None, 187_000, None, None, None],
            "direction": ["fall", None, None, None, "fall"],
            "stated_as": ["points", None, None, None, None],
            "decimals": [2, -3, None, None, None],
            "stated_rank": [None, None, 2, 38, None],
            "descending": [None, None, False, True, None],
            "after": [None, None, "Kota Batu", None, None],
        },
        index=["a", "b", "c", "d", "e"],
    )
    before = st.copy(deep=True)
    out = check_statements(
        st,
        data,
        unit="percent",
        region="region_name",
        period="year",
        persons_per_poor_unit=1000,
    )
    pd.testing.assert_frame_equal(st, before)
    assert list(out.index) == ["a", "b", "c", "d", "e"]
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS, NOT_HOLDS, HOLDS, HOLDS]
    # Any frame narwhals supports: polars statements and data, lazy or not,
    # give the same verdicts (the result is a pandas frame).
    import polars as pl

    kw: dict[str, Any] = {
        "unit": "percent",
        "region": "region_name",
        "period": "year",
        "rate": "poverty_rate_pct",
        "headcount": "poor_thousands",
        "persons_per_poor_unit": 1000,
    }
    from_polars = check_statements(
        pl.from_pandas(st.reset_index(drop=True)), pl.from_pandas(data).lazy(), **kw
    )
    assert from_polars["verdict"].tolist() == out["verdict"].tolist()
    assert from_polars["reason"].tolist() == out["reason"].tolist()
    with pytest.raises(TypeError, match=r"`statements` must be a dataframe"):
        check_statements(st.to_dict(), data, **kw)  # type: ignore[arg-type]


def test_errors() -> None:
    with pytest.raises(ValueError, match="`direction` must be one of"):
        check_change_statement(
            4.37,
            4.26,
            0.11,
            direction="down",  # type: ignore[arg-type]
            stated_as="percent",
            unit="percent",
            decimals=2,
        )
    with pytest.raises(ValueError, match="`stated_as` must be one of"):
        check_change_statement(
            4.37,
            4.26,
            0.11,
            direction="fall",
            stated_as="pct",  # type: ignore[arg-type]
            unit="percent",
            decimals=2,
        )
    with pytest.raises(ValueError, match="`stated` must be >= 0"):
        check_change_statement(
            4.37,
            4.26,
            -0.11,
            direction="fall",
            stated_as="percent",
            unit="percent",
            decimals=2,
        )
    with pytest.raises(ValueError, match="`base_rtol` must be a number >= 0"):
        check_count_statement(4.0, 10.0, 1.0, unit="percent", decimals=0, base_rtol=-1)
    with pytest.raises(ValueError, match="`subject` 'Kota X' is not among `labels`"):
        check_rank_statement(
            [1.0, 2.0], ["a", "b"], subject="Kota X", stated_rank=1, descending=True
        )
    with pytest.raises(ValueError, match="`labels` must be unique"):
        check_rank_statement(
            [1.0, 2.0], ["a", "a"], subject="a", stated_rank=1, descending=True
        )
    with pytest.raises(ValueError, match="`stated_rank` must be >= 1"):
        check_rank_statement(
            [1.0, 2.0], ["a", "b"], subject="a", stated_rank=0, descending=True
        )
    with pytest.raises(ValueError, match="rounded to 2 decimals"):
        check_headcount_change_statement(
            38.561, 37.78, -0.78, levels_decimals=2, stated_decimals=2
        )
    data = pd.DataFrame({"region": ["A"], "period": [1], "rate": [1.0], "poor": [1.0]})
    with pytest.raises(ValueError, match="unknown kinds"):
        check_statements(
            pd.DataFrame({"kind": ["vibe"]}),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    # A missing kind is named by its row, not listed as an unknown kind 'nan'.
    with pytest.raises(ValueError, match=r"missing 'kind' in row 1; each"):
        check_statements(
            pd.DataFrame({"kind": ["figure", None]}),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    with pytest.raises(ValueError, match="no column 'kind'"):
        check_statements(
            pd.DataFrame({"k": [1]}),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    with pytest.raises(ValueError, match="not in `data`"):
        check_statements(
            pd.DataFrame(
                {
                    "kind": ["direction"],
                    "region": ["B"],
                    "period_before": [1],
                    "period_after": [2],
                    "direction": ["fall"],
                }
            ),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )


def test_check_statements_names_missing_columns() -> None:
    data = pd.DataFrame({"region": ["A"], "period": [1], "rate": [1.0], "poor": [1.0]})
    with pytest.raises(
        ValueError, match=r"kind 'change' need columns \['period_before'"
    ):
        check_statements(
            pd.DataFrame({"kind": ["change"], "region": ["A"]}),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )


def test_check_statements_rejects_bad_direction_and_missing_decimals() -> None:
    data = pd.DataFrame({"region": ["A"], "period": [1], "rate": [1.0], "poor": [1.0]})
    base = {
        "kind": ["change"],
        "stated_as": ["percent"],
        "region": ["A"],
        "period_before": [1],
        "period_after": [1],
        "stated": [0.1],
    }
    with pytest.raises(
        ValueError, match=r"direction in \['fall', 'rise'\]; rows \[0\]"
    ):
        check_statements(
            pd.DataFrame(base | {"direction": ["down"], "decimals": [2]}),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    with pytest.raises(ValueError, match=r"need `decimals`; missing in rows \[0\]"):
        check_statements(
            pd.DataFrame(base | {"direction": ["fall"], "decimals": [None]}),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )


def test_exact_ties_are_not_decided_by_float_error() -> None:
    # By hand: 4.05 - 4.00 = 0.05 exactly, half up to 1 decimal = 0.1, as for
    # 10.17 - 10.12; 16.15 % of 1,000 = 161.5 exactly, half up = 162.
    a = check_change_statement(
        4.0, 4.05, 0.1, direction="rise", stated_as="points", unit="percent", decimals=1
    )
    b = check_change_statement(
        10.12,
        10.17,
        0.1,
        direction="rise",
        stated_as="points",
        unit="percent",
        decimals=1,
    )
    assert a.verdict == HOLDS
    assert b.verdict == HOLDS
    assert "from 4.00 % to 4.05 %" in str(a.reason)
    c = check_count_statement(16.15, 1000, 162, unit="percent", decimals=0)
    assert c.verdict == HOLDS


def test_missing_values_of_any_kind_cannot_tell() -> None:
    res = check_change_statement(
        np.array([pd.NA], dtype=object),
        [4.26],
        [0.11],
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
    )
    assert res.verdict.tolist() == [UNDECIDED]


def test_check_statements_refuses_non_bool_descending_and_fractional_decimals() -> None:
    data = pd.DataFrame(
        {"region": ["A", "B"], "period": [1, 1], "rate": [1.0, 2.0], "poor": [1.0, 2.0]}
    )
    for flag in ("False", np.nan):
        st = pd.DataFrame(
            {
                "kind": ["rank"],
                "region": ["A"],
                "period": [1],
                "stated_rank": [1],
                "descending": [flag],
            }
        )
        with pytest.raises(ValueError, match="'descending' must be True or False"):
            check_statements(
                st, data, unit="percent", persons_per_poor_unit=1, **_SIMPLE
            )
    st = pd.DataFrame(
        {
            "kind": ["change"],
            "region": ["A"],
            "period_before": [1],
            "period_after": [1],
            "stated": [0.1],
            "direction": ["fall"],
            "stated_as": ["percent"],
            "decimals": [1.9],
        }
    )
    with pytest.raises(ValueError, match="'decimals' must hold whole numbers"):
        check_statements(st, data, unit="percent", persons_per_poor_unit=1, **_SIMPLE)


def _rank_rows(**extra: object) -> pd.DataFrame:
    row: dict[str, object] = {
        "kind": "rank",
        "region": "A",
        "period": 1,
        "stated_rank": 1,
        "descending": True,
    }
    row.update(extra)
    return pd.DataFrame({k: [v] for k, v in row.items()}, index=["s1"])


_ABC = pd.DataFrame(
    {
        "region": ["A", "B", "C", "A"],
        "period": [1, 1, 1, 2],
        "rate": [3.0, 2.0, 1.0, 2.5],
        "poor": [1.0, 1.0, 1.0, 1.0],
    }
)


@pytest.mark.parametrize(
    ("extra", "match"),
    [
        (
            {"stated_rank": 2.9},
            r"'stated_rank' must hold whole numbers.*\['s1'\].*2\.9",
        ),
        ({"stated_rank": np.nan}, r"'stated_rank' must hold .*not missing.*\['s1'\]"),
        ({"stated_rank": 0}, r"'stated_rank' must hold .*>= 1.*\['s1'\]"),
        ({"stated_rank": "2"}, r"'stated_rank' must hold numbers, not text.*\['s1'\]"),
        ({"stated_rank": True}, r"'stated_rank' must hold numbers; rows \['s1'\]"),
        ({"of": 3.9}, r"'of' must hold whole numbers.*\['s1'\].*3\.9"),
        # +inf is no whole number (floor(inf) == inf): the same message as
        # -inf and NaN, not Python's OverflowError from int(inf).
        ({"stated_rank": np.inf}, r"'stated_rank' must hold whole.*\['s1'\].*inf"),
        (
            {"stated_rank": decimal.Decimal("Infinity")},
            r"'stated_rank' must hold whole.*\['s1'\].*Infinity",
        ),
        ({"of": np.inf}, r"'of' must hold whole numbers.*\['s1'\].*inf"),
        (
            {"stated_value": 4.2, "value_decimals": np.inf},
            r"'value_decimals' must hold whole numbers.*\['s1'\].*inf",
        ),
    ],
)
def test_check_statements_refuses_what_it_would_truncate(
    extra: dict[str, object], match: str
) -> None:
    # A rank of 2.9 is not a rank: it was checked as 2 (and of=3.9 as 3).
    with pytest.raises(ValueError, match=match):
        check_statements(
            _rank_rows(**extra),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )


@pytest.mark.parametrize(
    ("col", "value", "match"),
    [
        (
            "stated",
            "0,11",
            r"'stated' must hold numbers, not text; rows \['s1'\] have "
            r"\['0,11'\].*parse_numbers",
        ),
        ("decimals", "2", r"'decimals' must hold numbers, not text; rows \['s1'\]"),
        ("decimals", 1.5, r"'decimals' must hold whole numbers.*\['s1'\]"),
        ("decimals", np.inf, r"'decimals' must hold whole numbers.*\['s1'\].*inf"),
    ],
)
def test_check_statements_names_column_and_row_of_text_numbers(
    col: str, value: object, match: str
) -> None:
    row: dict[str, object] = {
        "kind": "change",
        "region": "A",
        "period_before": 1,
        "period_after": 2,
        "stated": 0.5,
        "direction": "fall",
        "stated_as": "points",
        "decimals": 1,
    }
    row[col] = value
    st = pd.DataFrame({k: [v] for k, v in row.items()}, index=["s1"])
    with pytest.raises(ValueError, match=match):
        check_statements(st, _ABC, unit="percent", persons_per_poor_unit=1, **_SIMPLE)


def test_check_statements_refuses_infinite_rank_from_polars() -> None:
    st = pl.DataFrame(
        {"kind": ["rank"], "region": ["A"], "period": [1], "stated_rank": [np.inf]}
    ).with_columns(descending=pl.lit(True))
    with pytest.raises(ValueError, match=r"'stated_rank' must hold whole.*\[0\].*inf"):
        check_statements(
            st, pl.from_pandas(_ABC), unit="percent", persons_per_poor_unit=1, **_SIMPLE
        )


def test_check_rank_statement_refuses_fractional_of() -> None:
    with pytest.raises(TypeError, match="`of` must be an int"):
        check_rank_statement(
            [1.0, 2.0],
            ["a", "b"],
            subject="a",
            stated_rank=2,
            descending=True,
            of=3.9,  # type: ignore[arg-type]
        )
    with pytest.raises(ValueError, match="`of` must be >= 1"):
        check_rank_statement(
            [1.0, 2.0], ["a", "b"], subject="a", stated_rank=2, descending=True, of=0
        )


def test_rank_with_a_missing_competitor_cannot_tell() -> None:
    # "A is 2nd highest": among the known values A (5) is 2nd after B (9); C has
    # no value and could be above A (A 3rd) or below it (A 2nd): cannot tell.
    res = check_rank_statement(
        [5.0, 9.0, np.nan, 1.0],
        ["A", "B", "C", "D"],
        subject="A",
        stated_rank=2,
        descending=True,
    )
    assert res.verdict == UNDECIDED
    assert "1 region has no value (C)" in str(res.reason)
    # 3rd is possible too (C above A); 4th is not, whatever C's value is.
    assert (
        check_rank_statement(
            [5.0, 9.0, np.nan, 1.0],
            ["A", "B", "C", "D"],
            subject="A",
            stated_rank=3,
            descending=True,
        ).verdict
        == UNDECIDED
    )
    assert (
        check_rank_statement(
            [5.0, 9.0, np.nan, 1.0],
            ["A", "B", "C", "D"],
            subject="A",
            stated_rank=4,
            descending=True,
        ).verdict
        == NOT_HOLDS
    )
    # "of 4" counts C; "of 5" is impossible.
    assert (
        check_rank_statement(
            [5.0, 9.0, np.nan, 1.0],
            ["A", "B", "C", "D"],
            subject="A",
            stated_rank=2,
            descending=True,
            of=4,
        ).verdict
        == UNDECIDED
    )
    assert (
        check_rank_statement(
            [5.0, 9.0, np.nan, 1.0],
            ["A", "B", "C", "D"],
            subject="A",
            stated_rank=2,
            descending=True,
            of=5,
        ).verdict
        == NOT_HOLDS
    )


def test_rank_statement_about_an_absent_pair_says_so() -> None:
    # A exists, but not at period 3: the message names the pair, not the
    # label, and the period `data` has rows at nearest to it (2).
    with pytest.raises(
        ValueError,
        match=r"pairs not in `data`: \('A', 3\): `data` has no rows at 3 "
        r"\(nearest periods: 2\)$",
    ):
        check_statements(
            _rank_rows(period=3),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    with pytest.raises(ValueError, match=r"\('Z', 1\): region 'Z' is not in `data`"):
        check_statements(
            _rank_rows(region="Z"),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )


def test_levels_with_float_noise_are_snapped_not_refused() -> None:
    # BPS Indonesia, March 2025: 23,854.56 thousand poor; in millions the
    # caller's 23854.56 / 1000 is 23.854560000000003 in binary.
    # March 2024: 25,219.20 thousand. By hand: change -1.36464 million.
    before = 25219.20 / 1000
    after = 23854.56 / 1000
    assert after != 23.85456
    res = check_headcount_change_statement(
        before, after, -1.36464, levels_decimals=5, stated_decimals=5
    )
    assert res.verdict == HOLDS
    # By hand: 25.2192 / 279.28 = 9.0301 %, inside [9.025, 9.035): holds.
    res = check_consistency(
        9.03,
        25219.20 / 1000,
        279.28,
        unit="percent",
        rate_decimals=2,
        headcount_decimals=5,
        population_decimals=2,
    )
    assert res.verdict == HOLDS
    with pytest.raises(ValueError, match="`after` must hold figures rounded to 5"):
        check_headcount_change_statement(
            before, 23.854561, -1.36464, levels_decimals=5, stated_decimals=5
        )


def test_tuban_count_fell_0_23_percent_is_the_rate_in_points() -> None:
    # BPS, Kabupaten Tuban, March 2024 -> March 2025 (BPS_N_KABKOTA and
    # BPS_P0_KABKOTA, bundled data): 171.24 -> 168.86 thousand poor,
    # 14.36 % -> 14.13 %. By hand: -2.38 / 171.24 = -1.3899 % -> 1.39;
    # the rate fell 0.23 points. "Fell 0.23 percent" of the count: no.
    t = _east_java_row("Kabupaten Tuban", [2024, 2025])
    res = check_level_change_statement(
        t["poor_thousands"].iloc[0],
        t["poor_thousands"].iloc[1],
        0.23,
        direction="fall",
        stated_as="percent",
        decimals=2,
        rate_before=t["poverty_rate_pct"].iloc[0],
        rate_after=t["poverty_rate_pct"].iloc[1],
        unit="percent",
    )
    assert res.verdict == NOT_HOLDS
    np.testing.assert_allclose(res.figures["relative_pct"], -2.38 / 171.24 * 100)
    assert res.figures["meaning"] == "rate points"
    reason = str(res.reason)
    assert "(a 1.39 % relative fall)" in reason
    assert "0.23 is the change of the rate in percentage points" in reason
    assert "(14.36 % -> 14.13 %)" in reason
    # The same count stated as "fell 1.39 percent" holds.
    ok = check_level_change_statement(
        171.24, 168.86, 1.39, direction="fall", stated_as="percent", decimals=2
    )
    assert ok.verdict == HOLDS


def test_jember_percentage_points_of_a_count() -> None:
    # BPS, Kabupaten Jember, March 2020 -> March 2021: 247.99 -> 257.09
    # thousand poor (BPS_N_KABKOTA). By hand: +9.10 / 247.99 = +3.6695 %,
    # +3.67 % at 2 decimals. "+3.66 percentage points": wrong unit word, and
    # 3.66 is not 3.67 at 2 decimals.
    t = _east_java_row("Kabupaten Jember", [2020, 2021])
    res = check_level_change_statement(
        t["poor_thousands"].iloc[0],
        t["poor_thousands"].iloc[1],
        3.66,
        direction="rise",
        stated_as="points",
        decimals=2,
    )
    assert res.verdict == NOT_HOLDS
    reason = str(res.reason)
    assert "has no percentage points" in reason
    assert "3.66 is not 3.67 % at 2 decimals (3.6695 unrounded)" in reason
    # Stated in percent, 3.66 still does not hold at 2 decimals; 3.67 does.
    res = check_level_change_statement(
        247.99, 257.09, [3.66, 3.67], direction="rise", stated_as="percent", decimals=2
    )
    assert res.verdict.tolist() == [NOT_HOLDS, HOLDS]
    # Right number with the points word is still wrong, and says so.
    res = check_level_change_statement(
        247.99, 257.09, 3.67, direction="rise", stated_as="points", decimals=2
    )
    assert res.verdict == NOT_HOLDS
    assert "3.67 is right as a relative change in percent" in str(res.reason)


def test_level_change_reasons_read_as_sentences() -> None:
    # Kota Malang's poor, 38.51 -> 37.83 thousand, as persons: a fall of 680
    # (by hand). The stated size has no sign (the direction is in words), so
    # the reason compares sizes: "681 is not 680", never "681 is not -680".
    res = check_level_change_statement(
        38510, 37830, [681, 681], direction="fall", stated_as="units", decimals=0
    )
    assert str(res.reason[0]).endswith(": 681 is not 680 at 0 decimals")
    res = check_level_change_statement(
        38510, 37830, 680, direction="rise", stated_as="units", decimals=0
    )
    assert res.verdict == NOT_HOLDS
    assert str(res.reason).endswith(": the statement says it rose")
    # From 0 a change has no relative size: no "n/a %" in the reason.
    res = check_level_change_statement(
        0, 100, 5, direction="rise", stated_as="percent", decimals=0
    )
    assert res.verdict == NOT_HOLDS
    assert "a change from 0 has no relative size, so it is not 5 %" in str(res.reason)
    assert "n/a" not in str(res.reason)
    # Rates: the past tense, as the statement was made.
    res = check_change_statement(
        4.37,
        4.38,
        0.01,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert str(res.reason).endswith("the statement says it fell")


def test_level_change_per_year_over_real_elapsed_time() -> None:
    # BPS, Kabupaten Tuban's poor, March 2019 -> March 2023 (BPS_N_KABKOTA):
    # 170.80 -> 177.25 thousand over 4 years. By hand: +6.45 / 4 = +1.6125
    # thousand a year; relative +3.7763 % in all, 0.9441 % a year on average,
    # 100 * ((177.25 / 170.80) ** 0.25 - 1) = 0.9311 % a year compound.
    res = check_level_change_statement(
        170.80,
        177.25,
        [1.61, 0.94, 0.93, 3.78, 0.95],
        direction="rise",
        stated_as="units",
        decimals=2,
        years=4,
    )
    # 0.94 and 0.93 "units" a year are the relative changes a year: right
    # with the other unit word, cannot tell; 3.78 is the whole relative change
    # over the 4 years, not a year's (named so); 0.95 matches nothing.
    assert res.verdict.tolist() == [HOLDS, UNDECIDED, UNDECIDED, NOT_HOLDS, NOT_HOLDS]
    assert str(res.reason[3]).endswith(
        "3.78 is the change over the whole 4.00 years, not a year's"
    )
    res = check_level_change_statement(
        170.80,
        177.25,
        [1.61, 0.94, 0.93, 3.78, 0.95],
        direction="rise",
        stated_as="percent",
        decimals=2,
        years=4,
    )
    # 1.61 "percent" a year is the change in thousands a year: cannot tell.
    assert res.verdict.tolist() == [UNDECIDED, HOLDS, HOLDS, NOT_HOLDS, NOT_HOLDS]
    assert res.figures["meaning"].tolist()[1:3] == [
        "average per year",
        "compound per year",
    ]
    np.testing.assert_allclose(
        res.figures["compound_per_year_pct"][0],
        100 * ((177.25 / 170.80) ** 0.25 - 1),
    )
    # A poverty line in rupiah, Kota Malang, BPS_GK_KABKOTA: Rp 609,612
    # (March 2022) -> Rp 674,660 (March 2023). By hand: +65,048, and
    # 65,048 / 609,612 = +10.6704 %.
    line = check_level_change_statement(
        609_612, 674_660, 10.67, direction="rise", stated_as="percent", decimals=2
    )
    assert line.verdict == HOLDS
    assert "rose 65,048, from 609,612 to 674,660" in str(line.reason)


def test_level_change_errors_and_missing() -> None:
    with pytest.raises(ValueError, match="`stated_as` must be one of"):
        check_level_change_statement(
            1.0,
            2.0,
            1.0,
            direction="rise",
            stated_as="pp",  # type: ignore[arg-type]
            decimals=0,
        )
    with pytest.raises(ValueError, match="`unit` is required"):
        check_level_change_statement(
            1.0,
            2.0,
            1.0,
            direction="rise",
            stated_as="percent",
            decimals=0,
            rate_before=1.0,
            rate_after=2.0,
        )
    with pytest.raises(ValueError, match="given together"):
        check_level_change_statement(
            1.0,
            2.0,
            1.0,
            direction="rise",
            stated_as="percent",
            decimals=0,
            rate_before=1.0,
            unit="percent",
        )
    with pytest.raises(ValueError, match="`years` must be > 0"):
        check_level_change_statement(
            1.0, 2.0, 1.0, direction="rise", stated_as="percent", decimals=0, years=0
        )
    res = check_level_change_statement(
        np.nan, 2.0, 1.0, direction="rise", stated_as="percent", decimals=0
    )
    assert res.verdict == UNDECIDED


def test_rate_applied_to_another_base_does_not_hold() -> None:
    # Issue case, worked by hand: 12.50 % of a total population of 2,000,000
    # is 250,000, but the rate's universe is 1,940,000 persons, of which
    # 12.50 % is 242,500. 2,000,000 is 3.09 % larger than 1,940,000: beyond
    # the default 1 % tolerance, so "250,000 poor" does not hold although it
    # is within 4 % of 242,500.
    res = check_count_statement(
        12.50, 2_000_000, 250_000, unit="percent", decimals=0, rate_population=1_940_000
    )
    assert res.verdict == NOT_HOLDS
    assert bool(res.figures["arithmetic_ok"])
    assert not bool(res.figures["base_ok"])
    reason = str(res.reason)
    assert "not of 2,000,000 (3.09 % larger" in reason
    assert "population of 1,940,000" in reason
    assert "of 1,940,000 it is 242,500" in reason
    # The same statement on the rate's own population holds ...
    own = check_count_statement(
        12.50, 1_940_000, 242_500, unit="percent", decimals=0, rate_population=1_940_000
    )
    assert own.verdict == HOLDS
    # ... and a caller who accepts a 4 % gap says so explicitly.
    loose = check_count_statement(
        12.50,
        2_000_000,
        250_000,
        unit="percent",
        decimals=0,
        rate_population=1_940_000,
        base_rtol=0.04,
    )
    assert loose.verdict == HOLDS


_MARCH = load_east_java().query("month == 3")
_PAIRS = (
    _MARCH.sort_values("year")
    .assign(
        rate_after=lambda f: f.groupby("region_name")["poverty_rate_pct"].shift(-1),
        poor_after=lambda f: f.groupby("region_name")["poor_thousands"].shift(-1),
    )
    .dropna(subset=["rate_after", "poor_after"])
    .reset_index(drop=True)
)


@given(
    st.integers(0, len(_PAIRS) - 1),
    st.integers(1, 300) | st.integers(-300, -1),
    st.sampled_from([1, 2]),
)
def test_perturbed_true_statements_never_hold(i: int, k: int, d: int) -> None:
    # Build a true statement from two BPS March rounds of the bundled table,
    # then move its figure by k units of its last decimal: never "holds".
    row = _PAIRS.iloc[i]
    b, a = float(row["poverty_rate_pct"]), float(row["rate_after"])
    hb, ha = float(row["poor_thousands"]), float(row["poor_after"])
    step = 10.0**-d
    if a != b:
        way: Literal["fall", "rise"] = "fall" if a < b else "rise"
        # Published figures have 2 decimals: their difference is exact at 10.
        true = float(round_half_up(round_half_up(abs(a - b), 10), d))
        # A true size that rounds to 0 ("rose 0.0 points") is a direction
        # without a size: "cannot tell", never "holds".
        assert check_change_statement(
            b,
            a,
            true,
            direction=way,
            stated_as="points",
            unit="percent",
            decimals=d,
        ).verdict == (HOLDS if true > 0 else UNDECIDED)
        wrong = float(round_half_up(true + k * step, d))
        if wrong >= 0:
            res = check_change_statement(
                b,
                a,
                wrong,
                direction=way,
                stated_as="points",
                unit="percent",
                decimals=d,
            )
            assert res.verdict != HOLDS
    if ha != hb:
        way = "fall" if ha < hb else "rise"
        rel = float(round_half_up(round_half_up(abs(100 * (ha - hb) / hb), 10), d))
        assert check_level_change_statement(
            hb, ha, rel, direction=way, stated_as="percent", decimals=d
        ).verdict == (HOLDS if rel > 0 else UNDECIDED)
        wrong = float(round_half_up(rel + k * step, d))
        if wrong >= 0:
            res = check_level_change_statement(
                hb, ha, wrong, direction=way, stated_as="percent", decimals=d
            )
            assert res.verdict != HOLDS
    # A count: the rate of its own implied population, stated in thousands.
    # Worked in exact decimals, each float standing for its shortest repr
    # (the implied population has 17 digits: no noise to snap away).
    pop = float(implied_population(b, hb, unit="percent"))
    exact = decimal.Decimal(repr(b)) * decimal.Decimal(repr(pop)) / 100
    count = float(exact.quantize(decimal.Decimal(1).scaleb(-d), decimal.ROUND_HALF_UP))
    assert (
        check_count_statement(
            b, pop, count, unit="percent", decimals=d, rate_population=pop
        ).verdict
        == HOLDS
    )
    wrong = float(round_half_up(count + k * step, d))
    if wrong >= 0:
        res = check_count_statement(
            b, pop, wrong, unit="percent", decimals=d, rate_population=pop
        )
        assert res.verdict != HOLDS


def _kabkota() -> pd.DataFrame:
    df = load_east_java()
    return df[df["region_type"].isin(["kabupaten", "kota"])]


def test_check_statements_level_changes_figures_and_rate_alone() -> None:
    # BPS_N_KABKOTA / BPS_P0_KABKOTA (bundled): Tuban 171.24 -> 168.86
    # thousand, 14.36 % -> 14.13 % (2024 -> 2025); Jember 247.99 -> 257.09
    # (2020 -> 2021); Tuban 170.80 -> 177.25 (2019 -> 2023): +1.6125
    # thousand a year over 4 years; Kota Kediri 21.03 (2023), 19.24 (2024);
    # Kota Malang poverty line Rp 609,612 -> 674,660 (2022 -> 2023), +10.67 %.
    st = pd.DataFrame(
        {
            "kind": ["level_change"] * 5 + ["figure", "direction"],
            "region": [
                "Kabupaten Tuban",
                "Kabupaten Jember",
                "Kabupaten Tuban",
                "Kabupaten Tuban",
                "Kota Malang",
                "Kota Kediri",
                "Kota Malang",
            ],
            "period_before": [2024, 2020, 2019, 2019, 2022, None, 2022],
            "period_after": [2025, 2021, 2023, 2023, 2023, None, 2023],
            "period": [None] * 5 + [2023, None],
            "stated": [0.23, 3.66, 1.61, 1.61, 10.67, 19.24, None],
            "direction": ["fall", "rise", "rise", "rise", "rise", None, "fall"],
            "stated_as": ["percent", "points", "units", "units", "percent", None, None],
            "decimals": [2, 2, 2, 2, 2, 2, None],
            "per_year": [False, False, True, False, False, None, None],
            "measure": [None] * 4 + ["poverty_line_idr", "poor_thousands", None],
        }
    )
    out = check_statements(
        st,
        _kabkota(),
        unit="percent",
        region="region_name",
        period="year",
        persons_per_poor_unit=1000,
    )
    assert out["verdict"].tolist() == [
        NOT_HOLDS,
        NOT_HOLDS,
        HOLDS,
        NOT_HOLDS,
        HOLDS,
        NOT_HOLDS,
        HOLDS,
    ]
    assert "0.23 is the change of the rate in percentage points" in out["reason"][0]
    assert "has no percentage points" in out["reason"][1]
    assert "over 4.00 years" in out["reason"][2]
    assert "year 2024 instead of 2023" in out["reason"][5]
    assert "number of poor fell" in out["reason"][6]
    # Without a number of poor, the direction is judged on the rate alone.
    rate_only = check_statements(
        st.iloc[[6]],
        _kabkota().drop(columns="poor_thousands"),
        unit="percent",
        region="region_name",
        period="year",
        headcount=None,
        persons_per_poor_unit=1000,
    )
    assert rate_only["verdict"].tolist() == [HOLDS]
    assert "judged on the rate alone" in rate_only["reason"].iloc[0]
    with pytest.raises(ValueError, match=r"kind \['level_change'\] need a number"):
        check_statements(
            st.iloc[[0]],
            _kabkota(),
            unit="percent",
            region="region_name",
            period="year",
            headcount=None,
            persons_per_poor_unit=1000,
        )
    bad = st.iloc[[4]].assign(measure="garis_kemiskinan")
    with pytest.raises(ValueError, match="names 'garis_kemiskinan'"):
        check_statements(
            bad,
            _kabkota(),
            unit="percent",
            region="region_name",
            period="year",
            persons_per_poor_unit=1000,
        )


def test_check_statements_per_year_on_dates_and_polars() -> None:
    # Periods as dates: March 2019 -> March 2023 is 4 years (decimal_year).
    pl = pytest.importorskip("polars")
    st = pd.DataFrame(
        {
            "kind": ["level_change"],
            "region": ["Kabupaten Tuban"],
            "period_before": [pd.Timestamp("2019-03-01")],
            "period_after": [pd.Timestamp("2023-03-01")],
            "stated": [1.61],
            "direction": ["rise"],
            "stated_as": ["units"],
            "decimals": [2],
            "per_year": [True],
        }
    )
    out = check_statements(
        st,
        pl.from_pandas(_kabkota()),
        unit="percent",
        region="region_name",
        persons_per_poor_unit=1000,
    )
    assert out["verdict"].tolist() == [HOLDS]


def test_rank_with_a_stated_value_is_checked_both_ways() -> None:
    # BPS_P0_KABKOTA, March 2024 (bundled): Kabupaten Probolinggo 16.45 %,
    # 4th highest of the 38 after Sampang, Bangkalan and Sumenep.
    t = _regions(2024)
    args: dict[str, Any] = {
        "values": t["poverty_rate_pct"],
        "labels": t["region_name"].to_numpy(),
        "subject": "Kabupaten Probolinggo",
        "descending": True,
    }
    ok = check_rank_statement(
        **args, stated_rank=4, stated_value=16.45, value_decimals=2
    )
    assert ok.verdict == HOLDS
    assert "its value 16.45 is as stated" in str(ok.reason)
    # "4th highest with 59.9 %": the rank is right, the value is not, and
    # 59.9 % would be the highest of all (Sampang's 2024 rate is below it).
    top = float(t["poverty_rate_pct"].max())
    assert top < 59.9
    bad = check_rank_statement(
        **args, stated_rank=4, stated_value=59.9, value_decimals=1
    )
    assert bad.verdict == NOT_HOLDS
    assert "its value is 16.45, not 59.9 (59.9 would rank 1, ties: min)" in str(
        bad.reason
    )
    assert bad.figures["stated_value_rank_min"] == 1
    # The right value with the wrong rank does not hold either.
    assert (
        check_rank_statement(
            **args, stated_rank=3, stated_value=16.45, value_decimals=2
        ).verdict
        == NOT_HOLDS
    )
    with pytest.raises(ValueError, match="given together"):
        check_rank_statement(**args, stated_rank=4, stated_value=16.45)
    with pytest.raises(ValueError, match="rounded to 1 decimal,"):
        check_rank_statement(
            **args, stated_rank=4, stated_value=16.45, value_decimals=1
        )


def test_benchmark_statements() -> None:
    # BPS March 2025 (bundled): Kabupaten Lumajang 8.60 %, Indonesia 8.47 %,
    # Jawa Timur 9.50 %. By hand: 8.60 - 8.47 = +0.13 (above the national
    # rate), 8.60 - 9.50 = -0.90 (below the province).
    res = check_benchmark_statement(
        8.60, [8.47, 9.50, 8.60, np.nan], relation="below", decimals=2
    )
    assert res.verdict.tolist() == [NOT_HOLDS, HOLDS, UNDECIDED, UNDECIDED]
    assert res.reason[0] == "8.60 is above 8.47 (by 0.13), not below it"
    assert res.reason[1] == "8.60 is below 9.50 (by 0.90)"
    assert "either may be the larger" in res.reason[2]
    above = check_benchmark_statement(8.60, 8.47, relation="above", decimals=2)
    assert above.verdict == HOLDS
    with pytest.raises(ValueError, match="`relation` must be one of"):
        check_benchmark_statement(1.0, 2.0, relation="under", decimals=2)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`value` must hold figures rounded to 1"):
        check_benchmark_statement(8.61, 8.5, relation="below", decimals=1)


def test_top_set_statements() -> None:
    # BPS March 2024 (bundled), highest rates: Sampang 20.83, Bangkalan
    # 18.66, Sumenep 17.78, Probolinggo 16.45, Tuban 14.36, Ngawi 13.81,
    # Pamekasan 13.41 (7th).
    t = _regions(2024)
    v, names = t["poverty_rate_pct"], t["region_name"].to_numpy()
    madura = [
        "Kabupaten Bangkalan",
        "Kabupaten Sampang",
        "Kabupaten Pamekasan",
        "Kabupaten Sumenep",
    ]
    six = check_top_statement(v, names, members=madura, k=6, descending=True)
    assert six.verdict == NOT_HOLDS
    assert six.figures["outside"] == "Kabupaten Pamekasan"
    seven = check_top_statement(v, names, members=madura, k=7, descending=True)
    assert seven.verdict == HOLDS
    # "The four highest are Sampang, Bangkalan, Sumenep and Pamekasan": no,
    # Probolinggo is among them and Pamekasan is not.
    exact = check_top_statement(
        v, names, members=madura, k=4, descending=True, exactly=True
    )
    assert exact.verdict == NOT_HOLDS
    assert exact.figures["missed"] == "Kabupaten Probolinggo"


def test_top_set_with_ties_and_missing_values() -> None:
    # By hand: values 5, 4, 4, 1: "B among the top 2" depends on the tie of
    # B and C; with D missing, "A in the top 1" cannot be told either.
    labels = ["A", "B", "C", "D"]
    tie = check_top_statement(
        [5.0, 4.0, 4.0, 1.0], labels, members=["B"], k=2, descending=True
    )
    assert tie.verdict == UNDECIDED
    assert tie.figures["undecided"] == "B"
    gap = check_top_statement(
        [5.0, 4.0, np.nan, 1.0], labels, members=["A"], k=1, descending=True
    )
    assert gap.verdict == UNDECIDED
    far = check_top_statement(
        [5.0, 4.0, np.nan, 1.0], labels, members=["D"], k=2, descending=True
    )
    assert far.verdict == NOT_HOLDS
    with pytest.raises(ValueError, match="`k` must lie in 1 to 4"):
        check_top_statement([1.0] * 4, labels, members=["A"], k=5, descending=True)
    with pytest.raises(ValueError, match=r"`members` \['Z'\] are not among"):
        check_top_statement([1.0] * 4, labels, members=["Z"], k=1, descending=True)
    with pytest.raises(ValueError, match="must not repeat"):
        check_top_statement([1.0] * 4, labels, members=["A", "A"], k=1, descending=True)
    with pytest.raises(TypeError, match="`k` must be an int"):
        check_top_statement([1.0] * 4, labels, members=["A"], k=1.0, descending=True)  # type: ignore[arg-type]


def test_rate_change_per_year_over_real_elapsed_time() -> None:
    # BPS_P0_PROV (bundled): Indonesia 11.22 % (March 2015), 8.47 % (March
    # 2025), 10 years apart. By hand: -2.75 points, -0.275 points a year
    # (0.28 half up); relative -24.51 %, -2.45 % a year on average;
    # compound 100 * ((8.47 / 11.22) ** 0.1 - 1) = -2.7725 % a year.
    res = check_change_statement(
        11.22,
        8.47,
        [0.28, 2.45, 2.77, 2.75, 0.27],
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
        years=10,
    )
    assert res.verdict.tolist() == [HOLDS, UNDECIDED, UNDECIDED, NOT_HOLDS, NOT_HOLDS]
    np.testing.assert_allclose(
        res.figures["compound_per_year_pct"], -2.772514, atol=1e-6
    )
    assert "over 10.00 years that is -0.28 points a year" in str(res.reason[0])
    pct = check_change_statement(
        11.22,
        8.47,
        [2.45, 2.77],
        direction="fall",
        stated_as="percent",
        unit="percent",
        decimals=2,
        years=10,
    )
    assert pct.verdict.tolist() == [HOLDS, HOLDS]
    # The same through check_statements, the elapsed time taken from dates.
    data = load_east_java()
    st = pd.DataFrame(
        {
            "kind": ["change"],
            "region": ["Indonesia"],
            "period_before": [pd.Timestamp("2015-03-01")],
            "period_after": [pd.Timestamp("2025-03-01")],
            "stated": [0.28],
            "direction": ["fall"],
            "stated_as": ["points"],
            "decimals": [2],
            "per_year": [True],
        }
    )
    out = check_statements(
        st, data, unit="percent", region="region_name", persons_per_poor_unit=1000
    )
    assert out["verdict"].tolist() == [HOLDS]


_Y2024 = _regions(2024).reset_index(drop=True)


@given(
    st.integers(0, len(_Y2024) - 1),
    st.integers(-37, 37).filter(lambda k: k != 0),
    st.booleans(),
)
def test_a_wrong_rank_never_holds(i: int, k: int, descending: bool) -> None:
    # Ranks of the 38 BPS March 2024 rates: a true statement holds, and the
    # same statement with any other rank outside the tie never holds.
    v = _Y2024["poverty_rate_pct"].to_numpy()
    names = _Y2024["region_name"].to_numpy()
    subject = str(names[i])
    lo = int((v > v[i]).sum() if descending else (v < v[i]).sum()) + 1
    hi = lo + int((v == v[i]).sum()) - 1
    true = check_rank_statement(
        v, names, subject=subject, stated_rank=lo, descending=descending, of=38
    )
    assert true.verdict == HOLDS
    wrong = lo + k
    if wrong >= 1 and not lo <= wrong <= hi:
        res = check_rank_statement(
            v, names, subject=subject, stated_rank=wrong, descending=descending
        )
        assert res.verdict == NOT_HOLDS


def test_issue_cases_on_the_national_table() -> None:
    # The national table (load_indonesia; BPS_P0_KABKOTA, BPS_N_KABKOTA,
    # BPS_P0_PROV), whole-region rows: the same verdicts as on East Java's.
    data = load_indonesia()
    data = data[data["area"] == "total"]
    st_ = pd.DataFrame(
        {
            "kind": ["level_change", "level_change", "figure", "figure", "figure"],
            "region": [
                "Kabupaten Tuban",
                "Kabupaten Jember",
                "Kabupaten Sumenep",
                "Kota Kediri",
                "Jawa Timur",
            ],
            "period_before": [2024, 2020, None, None, None],
            "period_after": [2025, 2021, None, None, None],
            "period": [None, None, 2025, 2023, 2023],
            "measure": [
                None,
                None,
                "poor_thousands",
                "poor_thousands",
                "poverty_rate_pct",
            ],
            "stated": [0.23, 3.66, 18.848, 19.24, 9.36],
            "direction": ["fall", "rise", None, None, None],
            "stated_as": ["percent", "points", None, None, None],
            "decimals": [2, 2, 3, 2, 2],
        }
    )
    out = check_statements(
        st_,
        data.assign(period=data["year"]).query("month == 3"),
        unit="percent",
        region="region_name",
        parent="province_name",
        persons_per_poor_unit=1000,
    )
    assert out["verdict"].tolist() == [NOT_HOLDS] * 5
    reasons = out["reason"].tolist()
    assert "0.23 is the change of the rate in percentage points" in reasons[0]
    assert "3.66 is not 3.67 % at 2 decimals" in reasons[1]
    assert "misread by a factor of 10" in reasons[2]
    assert "period 2024 instead of 2023" in reasons[3]
    assert "it matches Indonesia, 2023, poverty_rate_pct = 9.36" in reasons[4]


def test_check_statements_reads_decimal_and_numpy_numbers() -> None:
    # decimal.Decimal and numpy scalars are numbers, read as such (Kota
    # Malang, BPS: 4.37 -> 4.26, a fall of 0.11 points).
    import decimal

    st_ = pd.DataFrame(
        {
            "kind": ["change"],
            "region": ["Kota Malang"],
            "period_before": [2022],
            "period_after": [2023],
            "stated": [decimal.Decimal("0.11")],
            "direction": ["fall"],
            "stated_as": ["points"],
            "decimals": [np.int64(2)],
        }
    )
    out = check_statements(
        st_,
        _kabkota(),
        unit="percent",
        region="region_name",
        period="year",
        persons_per_poor_unit=1000,
    )
    assert out["verdict"].tolist() == [HOLDS]


def test_top_statement_refuses_empty_members() -> None:
    # "None of these regions are in the top 2" about no regions would hold
    # vacuously: before, members=[] returned "holds". Refused, naming it.
    with pytest.raises(ValueError, match=r"`members` is empty"):
        check_top_statement(
            [1.0, 2.0, 3.0], ["a", "b", "c"], members=[], k=2, descending=True
        )


def _change_row(**extra: object) -> pd.DataFrame:
    row: dict[str, object] = {
        "kind": "change",
        "region": "A",
        "period_before": 1,
        "period_after": 2,
        "stated": 0.5,
        "direction": "fall",
        "stated_as": "points",
        "decimals": 1,
    }
    row.update(extra)
    return pd.DataFrame({k: [v] for k, v in row.items()}, index=["s1"])


@pytest.mark.parametrize("flag", ["False", "no", "True", 0, 1, b"False"])
def test_check_statements_flags_must_be_real_booleans(flag: object) -> None:
    # bool("False") is True: a text or number flag would be read as its
    # truth value, so per_year (change and level_change) and descending
    # (rank) must hold True/False; per_year may be missing (= False).
    with pytest.raises(ValueError, match=r"'per_year' must be True or False.*s1"):
        check_statements(
            _change_row(per_year=flag),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    lc = _change_row(kind="level_change", per_year=flag)
    with pytest.raises(ValueError, match=r"'per_year' must be True or False"):
        check_statements(lc, _ABC, unit="percent", persons_per_poor_unit=1, **_SIMPLE)
    with pytest.raises(ValueError, match=r"'descending' must be True or False"):
        check_statements(
            _rank_rows(descending=flag),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )


def test_check_statements_missing_per_year_is_false() -> None:
    # A: 3.0 -> 2.5 between periods 1 and 2: a fall of 0.5 points, stated
    # as 0.5 points (no per-year reading) -> holds, as with per_year=False.
    for flag in (None, np.nan, False):
        out = check_statements(
            _change_row(per_year=flag),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
        assert out["verdict"].tolist() == [HOLDS]


@pytest.mark.parametrize("taken", [["verdict"], ["reason"], ["verdict", "reason"]])
def test_check_statements_never_overwrites_its_output_columns(
    taken: list[str],
) -> None:
    st = _change_row().assign(**dict.fromkeys(taken, "mine"))
    with pytest.raises(ValueError, match=re.escape(f"already has columns {taken}")):
        check_statements(st, _ABC, unit="percent", persons_per_poor_unit=1, **_SIMPLE)


@pytest.mark.parametrize(
    ("value", "error", "match"),
    [
        (np.nan, ValueError, "finite number > 0.*nan"),
        (np.inf, ValueError, "finite number > 0.*inf"),
        (0, ValueError, "finite number > 0.*got 0"),
        (-1000, ValueError, "finite number > 0"),
        (None, TypeError, "number .*None"),
        ("1000", TypeError, "number .*'1000'"),
        (True, TypeError, "number .*True"),
        # Persons per unit: a whole number from 1 (persons) to 10**15, so
        # that the levels' decimals in persons (the column's 2 less
        # log10(scale)) stay within -15 to 10. 1e-13 would make them 15,
        # 1e-300 302; 0.001 is "thousandths", not thousands.
        (1e-13, ValueError, "whole number of persons from 1 to 1,000,000,0"),
        (1e-300, ValueError, "whole number .*got 1e-300"),
        (0.001, ValueError, r"whole number .*\(1000 for thousands, not 0.001\)"),
        (1000.5, ValueError, "whole number .*got 1000.5"),
        (1e16, ValueError, "whole number .*got 1e\\+16"),
    ],
)
def test_check_statements_refuses_a_missing_persons_per_poor_unit(
    value: object, error: type[Exception], match: str
) -> None:
    # Missing would turn every count statement into "cannot tell".
    with pytest.raises(error, match=f"`persons_per_poor_unit` must be a {match}"):
        check_statements(
            _change_row(),
            _ABC,
            unit="percent",
            persons_per_poor_unit=value,  # type: ignore[arg-type]
            **_SIMPLE,
        )


def test_persons_per_poor_unit_float64_cannot_hold_is_refused() -> None:
    # Decimal("1000.0000000000000001") is not 1000: refused, not rounded.
    with pytest.raises(
        ValueError, match="`persons_per_poor_unit` holds a number that float64"
    ):
        check_statements(
            _change_row(),
            _ABC,
            unit="percent",
            persons_per_poor_unit=decimal.Decimal("1000.0000000000000001"),  # type: ignore[arg-type]
            **_SIMPLE,
        )


def test_check_statements_errors_name_statement_rows_and_columns() -> None:
    data = _ABC.assign(group=pd.Series(["x", None, "x", "x"], dtype=object))
    # B has no `group` at period 1: refused by column, before any statement
    # (a row without its group would drop out of the ranking silently).
    with pytest.raises(
        ValueError,
        match=r"`data` column 'group' \(argument `by`\) is a key and must not "
        r"have missing values; 1 row has none: \[1\]",
    ):
        check_statements(
            _rank_rows(region="B"),
            data,
            unit="percent",
            persons_per_poor_unit=1,
            by="group",
            **_SIMPLE,
        )
    with pytest.raises(
        ValueError, match=r"row 's1' \(kind 'rank'\): column 'after' names 'Q'"
    ):
        check_statements(
            _rank_rows(after="Q"),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    # An error inside a check names the statement row it came from.
    with pytest.raises(ValueError, match=r"row 's1' \(kind 'figure'\): "):
        check_statements(
            pd.DataFrame(
                {
                    "kind": ["figure"],
                    "region": ["A"],
                    "period": [1],
                    "measure": ["period"],
                    "stated": [1.0],
                    "decimals": [0],
                },
                index=["s1"],
            ),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )


def test_missing_elapsed_years_cannot_tell() -> None:
    # Kota Malang 4.37 -> 4.26: 0.11 points over 1 year is 0.11 a year
    # (holds); over a missing number of years the per-year size is unknown,
    # so "cannot tell", as for a missing rate, never "does not hold".
    res = check_change_statement(
        [4.37, 4.37, np.nan],
        [4.26, 4.26, 4.26],
        0.11,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
        years=[np.nan, 1.0, 1.0],
    )
    assert res.verdict.tolist() == [UNDECIDED, HOLDS, UNDECIDED]
    # 100 -> 90 is 10 units; over 1 year 10 a year; over NaN years unknown.
    lev = check_level_change_statement(
        [100.0, 100.0],
        [90.0, 90.0],
        10.0,
        direction="fall",
        stated_as="units",
        decimals=0,
        years=[np.nan, 1.0],
    )
    assert lev.verdict.tolist() == [UNDECIDED, HOLDS]
    assert lev.reason.tolist()[0] == "the elapsed years are missing"


_TIE_ROWS = [[0, 1, 2], [1, 0, 2], [2, 1, 0], [2, 0, 1]]


@pytest.mark.parametrize("ties", ["min", "max", "average", "ordinal"])
@pytest.mark.parametrize("order", _TIE_ROWS)
def test_after_a_tied_region_cannot_tell(ties: Any, order: list[int]) -> None:
    # Malang and Batu tie at 1.0 (ranks 1-2 from the lowest), X is 3rd with
    # 2.0. "X is 3rd, after Kota Batu": Batu is just before X only if the
    # tie is broken in its favour, so "cannot tell" under every rule and
    # every order of the rows (it was "does not hold" with min/average and
    # "holds" with max).
    vals = np.array([1.0, 1.0, 2.0])[order]
    labs = np.array(["Kota Malang", "Kota Batu", "X"])[order]
    res = check_rank_statement(
        vals,
        labs,
        subject="X",
        stated_rank=3,
        descending=False,
        after="Kota Batu",
        ties=ties,
    )
    assert res.verdict == UNDECIDED
    assert "Kota Batu is tied with Kota Malang" in str(res.reason)
    # Alone just before X it holds; two places before, it does not.
    alone = check_rank_statement(
        [1.0, 1.5, 2.0],
        ["Kota Malang", "Kota Batu", "X"],
        subject="X",
        stated_rank=3,
        descending=False,
        after="Kota Batu",
        ties=ties,
    )
    assert alone.verdict == HOLDS
    far = check_rank_statement(
        [1.0, 1.5, 2.0],
        ["Kota Malang", "Kota Batu", "X"],
        subject="X",
        stated_rank=3,
        descending=False,
        after="Kota Malang",
        ties=ties,
    )
    assert far.verdict == NOT_HOLDS


@pytest.mark.parametrize("order", _TIE_ROWS)
def test_ordinal_ranks_do_not_depend_on_row_order(order: list[int]) -> None:
    # A and B tie at 1.0: "A is 1st" and "B is 1st" each hold only by the
    # order of the tied rows, so "cannot tell" for both, whatever the order.
    vals = np.array([1.0, 1.0, 2.0])[order]
    labs = np.array(["A", "B", "C"])[order]
    for who in ("A", "B"):
        for stated in (1, 2):
            res = check_rank_statement(
                vals,
                labs,
                subject=who,
                stated_rank=stated,
                descending=False,
                ties="ordinal",
            )
            assert res.verdict == UNDECIDED
    # C is 3rd alone: holds under any order.
    res = check_rank_statement(
        vals, labs, subject="C", stated_rank=3, descending=False, ties="ordinal"
    )
    assert res.verdict == HOLDS


@pytest.mark.parametrize("order", _TIE_ROWS)
def test_reasons_name_tied_regions_in_label_order(order: list[int]) -> None:
    # P and Q tie ahead of S: named "P, Q" whatever the rows' order.
    vals = np.array([1.0, 1.0, 2.0])[order]
    labs = np.array(["Q", "P", "S"])[order]
    res = check_rank_statement(vals, labs, subject="S", stated_rank=3, descending=False)
    assert str(res.reason).endswith("after P, Q")
    top = check_top_statement(
        vals, labs, members=["S", "Q", "P"], k=3, descending=False
    )
    assert top.figures["in_top"] == "P, Q, S"


def test_labels_are_compared_by_value_and_kind() -> None:
    # numpy ints match Python ints: 3579 (3.31 %) is the lowest of two.
    codes = np.array([3579, 3573])
    res = check_rank_statement(
        [3.31, 4.26], codes, subject=3579, stated_rank=1, descending=False
    )
    assert res.verdict == HOLDS
    res = check_rank_statement(
        [3.31, 4.26],
        [3579, 3573],
        subject=np.int64(3573),
        stated_rank=2,
        descending=False,
        after=3579,
    )
    assert res.verdict == HOLDS
    with pytest.raises(
        ValueError, match=r"`subject` '3579' is a str, but `labels` are ints"
    ):
        check_rank_statement(
            [3.31, 4.26], codes, subject="3579", stated_rank=1, descending=False
        )
    # 1 and "1" are two kinds, not "repeated '1'".
    with pytest.raises(TypeError, match=r"one kind.*\['int', 'str'\]"):
        check_rank_statement(
            [1.0, 2.0], [1, "1"], subject=1, stated_rank=1, descending=False
        )
    with pytest.raises(TypeError, match=r"one kind.*\['int', 'str'\]"):
        check_top_statement([1.0, 2.0], [1, "1"], members=[1], k=1, descending=False)
    top = check_top_statement(
        [1.0, 2.0, 3.0],
        [*codes.tolist(), 1],
        members=[np.int64(3579)],
        k=1,
        descending=False,
    )
    assert top.verdict == HOLDS


@pytest.mark.parametrize("members", ["Kota Batu", "AB", b"AB"])
def test_top_statement_members_must_be_a_list(members: Any) -> None:
    # "AB" would be read as the members ["A", "B"].
    with pytest.raises(TypeError, match=r"`members` must be a list of labels"):
        check_top_statement(
            [1.0, 2.0, 3.0],
            ["A", "B", "Kota Batu"],
            members=members,
            k=2,
            descending=False,
        )


def test_rank_and_direction_wording() -> None:
    # Average ties: A and B share ranks 1-2 (1.5 each); nothing ranks ahead
    # of A, so no "after 0 regions".
    res = check_rank_statement(
        [1.0, 1.0, 2.0],
        ["A", "B", "C"],
        subject="A",
        stated_rank=1,
        descending=False,
        ties="average",
    )
    assert "after" not in str(res.reason)
    # Whole values show as whole numbers (no values_decimals: the decimals
    # the values show, 0 here), not "1.00".
    assert str(res.reason).startswith("A (1) ranks 1.5 of 3")
    # An infinite value is shown as inf, not as missing.
    res = check_rank_statement(
        [1.0, np.inf, 2.0],
        ["A", "B", "C"],
        subject="B",
        stated_rank=1,
        descending=True,
    )
    assert str(res.reason).startswith("B (inf) ranks 1 of 3")
    # A number of poor passed as NaN was given, but is missing.
    d = check_direction_statement(
        4.37, 4.26, 100.0, np.nan, direction="fall", unit="percent"
    )
    assert "the number of poor is missing" in str(d.reason)
    assert "no number of poor given" not in str(d.reason)
    d = check_direction_statement(4.37, 4.26, direction="fall", unit="percent")
    assert "no number of poor given" in str(d.reason)


@pytest.mark.parametrize("d", [11, 15])
def test_decimals_beyond_the_compared_precision_are_refused(d: int) -> None:
    # Figures are compared at 10 decimals: 2e-11 and 1e-11 are both 0 there,
    # so "above" at 11 decimals would be judged as equal; refused instead.
    with pytest.raises(ValueError, match=r"`decimals` must lie in \[-15, 10\]"):
        check_benchmark_statement(2e-11, 1e-11, relation="above", decimals=d)
    with pytest.raises(ValueError, match=r"compared at 10 decimals"):
        check_change_statement(
            4.37,
            4.26,
            0.11,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=d,
        )
    with pytest.raises(ValueError, match=r"`value_decimals` must lie in \[-15, 10\]"):
        check_rank_statement(
            [1.0, 2.0],
            ["A", "B"],
            subject="A",
            stated_rank=1,
            descending=False,
            stated_value=1.0,
            value_decimals=d,
        )
    from povstat.tracing import trace_figure
    from povstat.wording import describe_rate_change

    with pytest.raises(ValueError, match=r"`decimals` must lie in \[-15, 10\]"):
        describe_rate_change(4.37, 4.26, unit="percent", locale="en", decimals=d)
    with pytest.raises(ValueError, match=r"`decimals` must lie in \[-15, 10\]"):
        trace_figure(
            _ABC,
            1.0,
            decimals=d,
            subject="A",
            at=1,
            measure="rate",
            region="region",
        )
    # 10 decimals is still accepted: 2e-10 is above 1e-10.
    res = check_benchmark_statement(2e-10, 1e-10, relation="above", decimals=10)
    assert res.verdict == HOLDS


def test_time_zone_aware_periods_are_refused_in_statements_and_traces() -> None:
    from povstat.tracing import trace_figure

    when = pd.to_datetime(["2022-03-01", "2023-03-01"]).tz_localize("Asia/Jakarta")
    data = pd.DataFrame(
        {"region": ["A", "A"], "period": when, "rate": [4.37, 4.26], "poor": [1.0, 1.0]}
    )
    st = _change_row(
        period_before=when[0], period_after=when[1], stated=0.11, decimals=2
    )
    with pytest.raises(
        TypeError, match=r"`data` column 'period' holds time-zone-aware"
    ):
        check_statements(st, data, unit="percent", persons_per_poor_unit=1, **_SIMPLE)
    naive = data.assign(period=when.tz_localize(None))
    with pytest.raises(
        TypeError, match=r"`statements` column 'period_before' holds time-zone-aware"
    ):
        check_statements(st, naive, unit="percent", persons_per_poor_unit=1, **_SIMPLE)
    with pytest.raises(
        TypeError, match=r"`data` column 'period' holds time-zone-aware"
    ):
        trace_figure(
            data,
            4.37,
            decimals=2,
            subject="A",
            at=when[0],
            measure="rate",
            region="region",
        )


@given(
    values=st.lists(st.sampled_from([1.0, 2.0, 3.0, np.nan]), min_size=2, max_size=7),
    data=st.data(),
)
def test_rank_and_top_statements_do_not_depend_on_row_order(
    values: list[float], data: st.DataObject
) -> None:
    # Many ties (three distinct values), some missing: every verdict and
    # reason is the same for any permutation of the rows.
    n = len(values)
    labels = [f"R{i}" for i in range(n)]
    subject = data.draw(st.sampled_from(labels))
    after = data.draw(st.sampled_from([None, *labels]))
    stated = data.draw(st.integers(1, n))
    ties: Any = data.draw(
        st.sampled_from(["min", "max", "average", "dense", "ordinal"])
    )
    perm = data.draw(st.permutations(range(n)))
    v, lab = np.array(values), np.array(labels)

    def rank_check(order: Any) -> tuple[str, str]:
        res = check_rank_statement(
            v[order],
            lab[order],
            subject=subject,
            stated_rank=stated,
            descending=False,
            ties=ties,
            after=after,
        )
        return str(res.verdict), str(res.reason)

    assert rank_check(list(range(n))) == rank_check(list(perm))
    members = data.draw(st.lists(st.sampled_from(labels), min_size=1, unique=True))

    def top_check(order: Any) -> tuple[str, str]:
        res = check_top_statement(
            v[order], lab[order], members=members, k=stated, descending=True
        )
        return str(res.verdict), str(res.reason)

    assert top_check(list(range(n))) == top_check(list(perm))


def test_top_set_decided_jointly_by_regions_above_the_named() -> None:
    # By hand: values NaN, 3, NaN, 2 (highest first). "A and D are exactly the
    # two highest": B (3, not named) is above D (2) whatever A and C hold, so
    # {A, D} is never the top two: does not hold (not "cannot tell").
    labels = ["A", "B", "C", "D"]
    res = check_top_statement(
        [np.nan, 3.0, np.nan, 2.0],
        labels,
        members=["A", "D"],
        k=2,
        descending=True,
        exactly=True,
    )
    assert res.verdict == NOT_HOLDS
    assert res.figures["ahead"] == "B"
    assert str(res.reason).endswith("ranked above a named region but not named: B")
    # Values 2, 2, 2, 3: "A and B are among the two highest". D (3) is above
    # both, so only one place is left for the two of them: does not hold,
    # although each alone could be 2nd by the tie.
    res = check_top_statement(
        [2.0, 2.0, 2.0, 3.0], labels, members=["A", "B"], k=2, descending=True
    )
    assert res.verdict == NOT_HOLDS
    assert str(res.reason).endswith(
        "the 2 named and the 1 ranked above one of them (D) do not fit in 2 places"
    )
    # Same values, three places: A and B can take 2nd and 3rd, or C can.
    res = check_top_statement(
        [2.0, 2.0, 2.0, 3.0], labels, members=["A", "B"], k=3, descending=True
    )
    assert res.verdict == UNDECIDED
    assert res.figures["ahead"] == "D"


def _top_verdict_by_brute_force(
    values: list[float], members: set[int], k: int, *, descending: bool, exactly: bool
) -> str:
    """The verdict over every order the known values allow.

    A missing value can take any place and tied values any order between
    them, so the possible rankings are the permutations that keep each pair
    of distinct known values in order.
    """
    n = len(values)
    score = [x if descending else -x for x in values]
    seen = set()
    for order in itertools.permutations(range(n)):
        if any(
            not np.isnan(score[a]) and not np.isnan(score[b]) and score[b] > score[a]
            for i, a in enumerate(order)
            for b in order[i + 1 :]
        ):
            continue
        top = set(order[:k])
        seen.add(members == top if exactly else members <= top)
    if seen == {True}:
        return HOLDS
    return NOT_HOLDS if seen == {False} else UNDECIDED


@given(st.data())
def test_top_set_verdict_equals_brute_force_over_orders(data: st.DataObject) -> None:
    # Invariant: "holds" iff the statement holds in every order the values
    # allow (missing values anywhere, ties either way), "does not hold" iff
    # in none, "cannot tell" otherwise.
    values = data.draw(
        st.lists(st.sampled_from([1.0, 2.0, 3.0, np.nan]), min_size=1, max_size=6)
    )
    n = len(values)
    labels = [f"R{i}" for i in range(n)]
    k = data.draw(st.integers(1, n))
    members = data.draw(
        st.lists(st.integers(0, n - 1), min_size=1, max_size=n, unique=True)
    )
    descending = data.draw(st.booleans())
    exactly = data.draw(st.booleans())
    res = check_top_statement(
        values,
        labels,
        members=[labels[i] for i in members],
        k=k,
        descending=descending,
        exactly=exactly,
    )
    assert res.verdict == _top_verdict_by_brute_force(
        values, set(members), k, descending=descending, exactly=exactly
    )


def test_rank_statement_labels_must_not_be_a_str() -> None:
    with pytest.raises(TypeError, match=r"`labels` must be a sequence of labels"):
        check_rank_statement(
            [1.0, 2.0], "AB", subject="A", stated_rank=1, descending=False
        )


def test_check_statements_refuses_numbers_float64_cannot_hold() -> None:
    # A stated Decimal of 21 digits is not 0.5, though its float64 is: it is
    # refused by row, not narrowed to a statement that "holds"; a Decimal
    # float64 holds (0.5) is read. A: 3.0 -> 2.5, a fall of 0.5 points.
    from decimal import Decimal

    with pytest.raises(
        ValueError,
        match=r"^`stated` holds a number .*: 0\.50000000000000000001 at `statements` "
        r"row 's1' \(",
    ):
        check_statements(
            _change_row(stated=Decimal("0.50000000000000000001")),
            _ABC,
            unit="percent",
            persons_per_poor_unit=1,
            **_SIMPLE,
        )
    out = check_statements(
        _change_row(stated=Decimal("0.5")),
        _ABC,
        unit="percent",
        persons_per_poor_unit=1,
        **_SIMPLE,
    )
    assert out["verdict"].tolist() == [HOLDS]


def test_a_nan_stated_value_is_refused_by_name() -> None:
    # A stated value of NaN is no value: refused, never ignored.
    with pytest.raises(ValueError, match="`stated_value` must be a number, got NaN"):
        check_rank_statement(
            [1.0, 2.0, 3.0],
            ["a", "b", "c"],
            subject="a",
            stated_rank=3,
            descending=True,
            stated_value=np.nan,
            value_decimals=2,
        )


@pytest.mark.parametrize(
    ("stated", "decimals"),
    [(1.01e-10, 10), (4.2600000001, 2), (0.123, 2)],
)
def test_a_stated_value_with_more_digits_than_its_decimals_is_refused(
    stated: float, decimals: int
) -> None:
    # 1.01e-10 at 10 decimals is one digit more (1.01 units of the last
    # place), not float noise, as rounding_interval judges it; likewise
    # 4.2600000001 and 0.123 at 2 decimals.
    with pytest.raises(ValueError, match="`stated_value` must be rounded to"):
        check_rank_statement(
            [1.0, 2.0, 3.0],
            ["a", "b", "c"],
            subject="a",
            stated_rank=3,
            descending=True,
            stated_value=stated,
            value_decimals=decimals,
        )


def test_a_stated_value_with_float_noise_is_read_as_its_figure() -> None:
    # 0.1 + 0.2 is 0.30000000000000004: noise on the figure 0.3 at 1
    # decimal. a = 0.3 ranks 3rd from the top of 0.3, 2, 3, and its
    # stated value 0.3 matches.
    out = check_rank_statement(
        [0.3, 2.0, 3.0],
        ["a", "b", "c"],
        subject="a",
        stated_rank=3,
        descending=True,
        stated_value=0.1 + 0.2,
        value_decimals=1,
    )
    assert out.verdict == "holds"


# Values 1, 1, 3, 5, 5, 7 for a..f, ranked from the lowest. By hand:
#   min      1 1 3 4 4 6      max     2 2 3 5 5 6
#   average  1.5 1.5 3 4.5 4.5 6     dense  1 1 2 3 3 4
#   ordinal  1 2 3 4 5 6 (ties broken by label).
# The verdict holds at the rank under the rule (ordinal: only if untied),
# cannot tell at another rank the subject takes with its tie broken
# (min..max; dense: dense..dense + tied - 1), and does not hold elsewhere.
_TIE_VALUES = [1.0, 1.0, 3.0, 5.0, 5.0, 7.0]
_TIE_LABELS = ["a", "b", "c", "d", "e", "f"]


@pytest.mark.parametrize(
    ("ties", "subject", "stated", "verdict"),
    [
        ("dense", "c", 2, HOLDS),
        ("dense", "c", 3, NOT_HOLDS),
        ("dense", "d", 3, HOLDS),
        ("dense", "d", 4, UNDECIDED),
        ("dense", "d", 5, NOT_HOLDS),
        ("dense", "f", 4, HOLDS),
        ("dense", "f", 6, NOT_HOLDS),
        ("min", "c", 3, HOLDS),
        ("min", "c", 2, NOT_HOLDS),
        ("min", "d", 4, HOLDS),
        ("min", "d", 5, UNDECIDED),
        ("min", "d", 3, NOT_HOLDS),
        ("max", "d", 5, HOLDS),
        ("max", "d", 4, UNDECIDED),
        ("max", "f", 6, HOLDS),
        ("average", "c", 3, HOLDS),
        ("average", "d", 4, UNDECIDED),
        ("average", "d", 6, NOT_HOLDS),
        ("ordinal", "c", 3, HOLDS),
        ("ordinal", "d", 4, UNDECIDED),
        ("ordinal", "e", 5, UNDECIDED),
        ("ordinal", "e", 3, NOT_HOLDS),
    ],
)
def test_rank_statement_verdict_follows_the_tie_rule(
    ties: Literal["min", "max", "average", "dense", "ordinal"],
    subject: str,
    stated: int,
    verdict: str,
) -> None:
    res = check_rank_statement(
        _TIE_VALUES,
        _TIE_LABELS,
        subject=subject,
        stated_rank=stated,
        descending=False,
        ties=ties,
    )
    assert res.verdict == verdict, str(res.reason)


def test_rank_statement_dense_with_after() -> None:
    # 1, 1, 3 from the lowest under "dense": a and b rank 1, c ranks 2.
    # "c is second, after b": b is tied with a, so which comes just before c
    # depends on the tie rule; "after a" likewise; the rank itself holds.
    res = check_rank_statement(
        [1.0, 1.0, 3.0],
        ["a", "b", "c"],
        subject="c",
        stated_rank=2,
        descending=False,
        ties="dense",
        after="b",
    )
    assert res.verdict == UNDECIDED
    assert "ranks 2 of 3 from the lowest (ties: dense)" in str(res.reason)
    # 1, 3 from the lowest: c ranks 2 after a under every rule.
    res = check_rank_statement(
        [1.0, 3.0],
        ["a", "c"],
        subject="c",
        stated_rank=2,
        descending=False,
        ties="dense",
        after="a",
    )
    assert res.verdict == HOLDS


@pytest.mark.parametrize(
    ("column", "arg", "missing"),
    [
        ("region", "region", None),
        ("period", "period", np.nan),
        ("group", "by", None),
    ],
)
def test_check_statements_refuses_missing_keys_in_data(
    column: str, arg: str, missing: Any
) -> None:
    # A row of `data` without its region, period or `by` group would match
    # no statement and drop out of rankings silently (C ranked 1 of 2 among
    # A and C where it is 1 of 3): refused by column, whatever the kind.
    data = _ABC.assign(group=["x", "x", "x", "x"]).astype({column: object})
    data.loc[1, column] = missing
    for rows in (_rank_rows(region="C", descending=False), _change_row()):
        with pytest.raises(
            ValueError,
            match=rf"`data` column '{column}' \(argument `{arg}`\) is a key and "
            r"must not have missing values; 1 row has none: \[1\]",
        ):
            check_statements(
                rows,
                data,
                unit="percent",
                persons_per_poor_unit=1,
                by="group",
                **_SIMPLE,
            )


def test_check_statements_ranks_every_kota_of_east_java() -> None:
    # BPS March 2023: 9 kota; with one kota's region_type missing it would
    # rank "1 of 8": refused instead.
    data = load_east_java()
    data = data[data["region_type"].isin(["kabupaten", "kota"])]
    st = pd.DataFrame(
        {
            "kind": ["rank"],
            "region": ["Kota Batu"],
            "period": [2023],
            "stated_rank": [1],
            "descending": [False],
        }
    )
    kw: dict[str, Any] = dict(
        unit="percent",
        region="region_name",
        period="year",
        persons_per_poor_unit=1000,
        by="region_type",
    )
    march = data[data["month"] == 3]
    out = check_statements(st, march, **kw)
    assert "of 9 from the lowest" in out["reason"].iloc[0]
    gap = march.astype({"region_type": object})
    gap.loc[gap["region_name"] == "Kota Madiun", "region_type"] = None
    with pytest.raises(ValueError, match=r"'region_type' \(argument `by`\)"):
        check_statements(st, gap, **kw)


@pytest.mark.parametrize(
    "rows",
    [
        _change_row(),
        _rank_rows(),
        _change_row(kind="direction"),
        _change_row(kind="count", period=1, stated=1, base=1, decimals=0),
        _change_row(kind="level_change", measure="poor", stated_as="units"),
    ],
)
@pytest.mark.parametrize("text", ["3.0", "3,0"])
def test_check_statements_refuses_text_figures_in_data(
    rows: pd.DataFrame, text: str
) -> None:
    # "3.0" as text is not read as 3.0 (nor "3,0" left to a bare float()
    # error): the value columns of `data` must be numeric, whatever the kind.
    bad = _ABC.astype({"rate": object, "poor": object})
    bad.loc[0, "rate"] = text
    bad.loc[0, "poor"] = text
    with pytest.raises(
        TypeError,
        match=r"`data` column 'rate' \(argument `rate`\) must be numeric, got object",
    ):
        check_statements(rows, bad, unit="percent", persons_per_poor_unit=1, **_SIMPLE)
    only_poor = _ABC.astype({"poor": object})
    only_poor.loc[0, "poor"] = text
    with pytest.raises(TypeError, match=r"'poor' \(argument `headcount`\)"):
        check_statements(
            rows, only_poor, unit="percent", persons_per_poor_unit=1, **_SIMPLE
        )


@pytest.mark.parametrize(
    ("measure", "error", "match"),
    [
        ("region", ValueError, r"'region', the key column of `data` given as `region`"),
        ("period", ValueError, r"'period', the key column of `data` given as `period`"),
        ("code", TypeError, r"`data` column 'code' \(argument `measure`\) must be "),
        ("flag", TypeError, r"`data` column 'flag' \(argument `measure`\) must be "),
    ],
)
def test_check_statements_measure_must_be_a_figure_column(
    measure: str, error: type[Exception], match: str
) -> None:
    # Region codes as text ("3573") are labels, not figures; a key column is
    # never a measure; bools are not figures either.
    data = _ABC.assign(code=["3573", "3579", "3507", "3573"], flag=[True] * 4)
    rows = _change_row(kind="level_change", measure=measure, stated_as="units")
    with pytest.raises(error, match=match):
        check_statements(rows, data, unit="percent", persons_per_poor_unit=1, **_SIMPLE)


@pytest.mark.parametrize(
    "stated",
    [
        pd.Series([0.11], dtype=np.float32, index=["s1"]),
        pd.Series([0.11], dtype="Float32", index=["s1"]),
        pd.Series([np.float32(0.11)], dtype=object, index=["s1"]),
    ],
)
def test_check_statements_reads_a_float32_stated_figure_as_typed(
    stated: pd.Series[Any],
) -> None:
    # A's rate 3.00 -> 2.89: fell 0.11 points (3.00 - 2.89 = 0.11 by hand).
    # np.float32(0.11) is 0.10999999940395355 in binary; read as the 0.11
    # typed, it holds (not "must hold figures rounded to 2 decimals").
    data = _ABC.assign(rate=[3.0, 2.0, 1.0, 2.89])
    rows = _change_row(decimals=2).assign(stated=stated)
    out = check_statements(
        rows, data, unit="percent", persons_per_poor_unit=1, **_SIMPLE
    )
    assert out["verdict"].tolist() == [HOLDS]


def test_check_statements_missing_stated_na_cannot_tell() -> None:
    # pd.NA in an object column is a missing figure, as None and NaN are.
    rows = _change_row().assign(stated=pd.Series([pd.NA], dtype=object, index=["s1"]))
    out = check_statements(
        rows, _ABC, unit="percent", persons_per_poor_unit=1, **_SIMPLE
    )
    assert out["verdict"].tolist() == [UNDECIDED]


def test_check_statements_reads_dates_by_calendar_month() -> None:
    # BPS: Kota Malang 4.37 % in March 2022, 4.26 % in March 2023 (the rows
    # dated 2022-03-01 and 2023-03-01): a statement dated mid-March is about
    # the same periods, as the adapters read dates; fell 0.11 points.
    data = load_east_java()
    data = data[data["region_type"].isin(["kabupaten", "kota"])]
    st = pd.DataFrame(
        {
            "kind": ["change", "rank"],
            "region": ["Kota Malang"] * 2,
            "period": [None, pd.Timestamp("2023-03-15")],
            "period_before": [pd.Timestamp("2022-03-15"), None],
            "period_after": ["2023-03-31", None],
            "stated": [0.11, None],
            "direction": ["fall", None],
            "stated_as": ["points", None],
            "decimals": [2, None],
            "stated_rank": [None, 2],
            "descending": [None, False],
        },
        index=["s1", "s2"],
    )
    out = check_statements(
        st, data, unit="percent", region="region_name", persons_per_poor_unit=1000
    )
    assert out["verdict"].tolist() == [HOLDS, HOLDS]
    # The statements are handed back as they came, with their own dates.
    assert out["period"].iloc[1] == pd.Timestamp("2023-03-15")
    assert out["period_after"].iloc[0] == "2023-03-31"
    # Two dates in one month are one period: not earlier than each other.
    same = st.iloc[:1].assign(period_after=[pd.Timestamp("2022-03-20")])
    with pytest.raises(ValueError, match="`period_before` earlier than"):
        check_statements(
            same, data, unit="percent", region="region_name", persons_per_poor_unit=1000
        )


def _date_kinds(data: pd.DataFrame) -> dict[str, Any]:
    """The same East Java table with its dates as each engine hands them over."""
    import duckdb
    import pyarrow as pa  # type: ignore[import-untyped]

    con = duckdb.connect()
    con.register("d", data)
    return {
        "numpy datetime64": data,
        "pyarrow date32": data.assign(
            period=data["period"].astype(pd.ArrowDtype(pa.date32()))
        ),
        "pyarrow timestamp": data.assign(
            period=data["period"].astype(pd.ArrowDtype(pa.timestamp("us")))
        ),
        "object dates": data.assign(period=data["period"].dt.date),
        "polars Date": pl.from_pandas(data).with_columns(
            pl.col("period").cast(pl.Date)
        ),
        "DuckDB DATE": con.sql("select * replace (period::DATE as period) from d"),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "numpy datetime64",
        "pyarrow date32",
        "pyarrow timestamp",
        "object dates",
        "polars Date",
        "DuckDB DATE",
    ],
)
@pytest.mark.parametrize(
    "when", [dt.date(2023, 3, 15), pd.Timestamp("2023-03-01"), "2023-03-31"]
)
def test_dates_of_every_kind_are_read_by_calendar_month(
    kind: str, when: object
) -> None:
    # BPS March 2023: Kota Malang 4.26 %, second lowest of East Java's
    # regencies and cities after Kota Batu (3.31 %); dated 2023-03-01. A
    # statement dated anywhere in March 2023, in any date type, is about it,
    # whatever date type the engine hands the table over in.
    data = load_east_java()
    data = data[data["region_type"].isin(["kabupaten", "kota"])]
    frame = _date_kinds(data)[kind]
    st = pd.DataFrame(
        {
            "kind": ["rank", "figure"],
            "region": ["Kota Malang"] * 2,
            "period": [when, when],
            "measure": [None, "poverty_rate_pct"],
            "stated": [None, 4.26],
            "decimals": [None, 2],
            "stated_rank": [2, None],
            "descending": [False, None],
        }
    )
    out = check_statements(
        st, frame, unit="percent", region="region_name", persons_per_poor_unit=1000
    )
    assert out["verdict"].tolist() == [HOLDS, HOLDS], out["reason"].tolist()
    res = trace_figure(
        frame,
        4.26,
        decimals=2,
        subject="Kota Malang",
        at=when,
        measure="poverty_rate_pct",
        region="region_name",
    )
    assert res.verdict == HOLDS, res.reason


@pytest.mark.parametrize(
    "kind", ["change", "level_change", "direction", "count", "rank"]
)
def test_absent_pairs_name_the_statement_rows_at_fault(kind: str) -> None:
    # Four statements of one kind about Kota Blitar; only row "d" names a
    # period (2032) that is not in the data: the message names row "d" alone
    # (not every row of the kind) and the pair.
    data = load_east_java()
    data = data[data["region_type"].isin(["kabupaten", "kota"])]
    n = 4
    cols: dict[str, list[Any]] = {
        "kind": [kind] * n,
        "region": ["Kota Blitar"] * n,
        "decimals": [2] * n,
        "stated": [0.1] * n,
    }
    if kind == "rank":
        cols |= {"period": [2023] * 3 + [2032], "stated_rank": [1] * n}
        cols |= {"descending": [False] * n}
    elif kind == "count":
        cols |= {"period": [2023] * 3 + [2032], "base": [1000.0] * n}
    else:
        cols |= {"period_before": [2022] * n, "period_after": [2023] * 3 + [2032]}
        cols |= {"direction": ["fall"] * n}
        if kind == "change":
            cols |= {"stated_as": ["points"] * n}
        if kind == "level_change":
            cols |= {"stated_as": ["units"] * n}
    st = pd.DataFrame(cols, index=list("abcd"))
    with pytest.raises(
        ValueError,
        match=rf"^`statements` row 'd' \(kind '{kind}'\) refers to \(region, period\) "
        r"pairs not in `data`: \('Kota Blitar', 2032\): `data` has no rows at 2032 "
        r"\(nearest periods: 2025\)$",
    ):
        check_statements(
            st,
            data,
            unit="percent",
            region="region_name",
            period="year",
            persons_per_poor_unit=1000,
        )


def test_an_absent_pair_raises_a_plain_value_error() -> None:
    # The error that names its own statement rows is a ValueError as such,
    # not a private subclass.
    data = load_east_java()
    data = data[data["region_type"].isin(["kabupaten", "kota"])]
    st = pd.DataFrame(
        {
            "kind": ["rank"],
            "region": ["Kota Batu"],
            "period": [2033],
            "stated_rank": [1],
            "descending": [False],
        }
    )
    with pytest.raises(ValueError, match="row 0 \\(kind 'rank'\\) refers") as err:
        check_statements(
            st,
            data,
            unit="percent",
            region="region_name",
            period="year",
            persons_per_poor_unit=1000,
        )
    assert type(err.value) is ValueError


def test_level_changes_of_the_number_of_poor_in_persons() -> None:
    # BPS_N_KABKOTA (bundled): Kabupaten Tuban 171.24 -> 168.86 thousand
    # poor (2024 -> 2025), a fall of 2.38 thousand = 2,380 persons. "Fell
    # 2,380 people" is stated_as "persons" (read with persons_per_poor_unit
    # = 1000): to the person, more precise than the levels (tens of persons:
    # the true fall lies in (2,370, 2,390)), so cannot tell; the same figure
    # as "units" (thousands) does not hold, and the reason points at the
    # unit; 2.38 thousand holds.
    rows = pd.DataFrame(
        {
            "kind": ["level_change"] * 3,
            "region": ["Kabupaten Tuban"] * 3,
            "period_before": [2024] * 3,
            "period_after": [2025] * 3,
            "stated": [2380.0, 2380.0, 2.38],
            "direction": ["fall"] * 3,
            "stated_as": ["persons", "units", "units"],
            "decimals": [0, 0, 2],
        }
    )
    out = check_statements(
        rows,
        _kabkota(),
        unit="percent",
        region="region_name",
        period="year",
        persons_per_poor_unit=1000,
    )
    assert out["verdict"].tolist() == [UNDECIDED, NOT_HOLDS, HOLDS]
    assert "fell 2,380, from 171,240 to 168,860" in out["reason"][0]
    assert "1,000 times the change" in out["reason"][1]
    line = rows.iloc[:1].assign(measure="poverty_line_idr")
    with pytest.raises(ValueError, match="stated_as 'persons' is for the number of"):
        check_statements(
            line,
            _kabkota(),
            unit="percent",
            region="region_name",
            period="year",
            persons_per_poor_unit=1000,
        )


def test_decimal_value_columns_are_read_as_the_adapters_read_them() -> None:
    # DuckDB DECIMAL and polars Decimal columns (as SQL tables hold
    # published figures) are numbers: check_statements and trace_figure
    # read them as the adapters do, each value the float64 nearest its
    # decimal (550,400.07, not 550400.0700000001 from a direct cast).
    import duckdb

    from povstat.frames import _plumbing

    rel = duckdb.sql(
        "select 'A' as region_code, 2023 as period, "
        "9.50::DECIMAL(4, 2) as poverty_rate_pct, "
        "550400.07::DECIMAL(12, 2) as poor_thousands"
    )
    assert rel is not None
    frames: list[Any] = [rel, pl.from_arrow(rel.to_arrow_table())]
    for frame in frames:
        st = pd.DataFrame(
            {
                "kind": ["figure", "figure"],
                "region": ["A", "A"],
                "period": [2023, 2023],
                "measure": ["poverty_rate_pct", "poor_thousands"],
                "stated": [9.5, 550400.07],
                "decimals": [2, 2],
            }
        )
        out = check_statements(st, frame, unit="percent", persons_per_poor_unit=1000)
        assert out["verdict"].tolist() == [HOLDS, HOLDS], out["reason"].tolist()
        res = trace_figure(
            frame, 550400.07, decimals=2, subject="A", at=2023, measure="poor_thousands"
        )
        assert res.verdict == HOLDS
        table = _plumbing.collect(frame)
        assert _plumbing.column(table, "poor_thousands")[0] == 550400.07


def test_a_level_change_of_the_rate_column_is_refused() -> None:
    # "Fell 0.11 points" about poverty_rate_pct is a change of the rate
    # (kind "change"); as a level change it would be judged as a count's
    # change ("has no percentage points"): refused, naming the kind to use.
    data = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2023, 2024],
            "poverty_rate_pct": [4.37, 4.26],
            "poor_thousands": [38.56, 37.78],
        }
    )
    st = pd.DataFrame(
        [
            {
                "kind": "level_change",
                "region": "A",
                "period_before": 2023,
                "period_after": 2024,
                "direction": "fall",
                "stated": 0.11,
                "stated_as": "points",
                "decimals": 2,
                "measure": "poverty_rate_pct",
            }
        ]
    )
    with pytest.raises(ValueError, match=r"is the rate column .* of kind 'change'"):
        check_statements(st, data, unit="percent", persons_per_poor_unit=1000)


def test_statements_that_cannot_be_told_name_the_missing_cells() -> None:
    # A's 2024 rate and B's 2023 number of poor are missing: each statement
    # that needs one says which cell of `data` has no value.
    data = pd.DataFrame(
        {
            "region_code": ["A", "A", "B", "B"],
            "period": [2023, 2024, 2023, 2024],
            "poverty_rate_pct": [4.37, np.nan, 5.0, 5.1],
            "poor_thousands": [38.56, 37.78, np.nan, 10.5],
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["change", "count"],
            "region": ["A", "B"],
            "period_before": [2023, None],
            "period_after": [2024, None],
            "period": [None, 2023],
            "stated": [0.11, 500],
            "direction": ["fall", None],
            "stated_as": ["points", None],
            "decimals": [2, 0],
            "base": [None, 10000],
        }
    )
    out = check_statements(st, data, unit="percent", persons_per_poor_unit=1000)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    assert out["reason"].tolist() == [
        "a rate is missing (no value in `data`: poverty_rate_pct of 'A' at 2024)",
        "the rate's population is missing (no value in `data`: poor_thousands of "
        "'B' at 2023)",
    ]


def test_pandas_decimal_object_columns_are_numbers() -> None:
    # pandas.read_sql gives a NUMERIC column as Decimal objects: the adapters,
    # check_statements and trace_figure read them as numbers (Kota Malang
    # 4.37 -> 4.26 %, a fall of 0.11 points), and a Decimal float64 cannot
    # hold is refused, as in the array functions.
    from decimal import Decimal

    import povstat

    data = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2022, 2023],
            "poverty_rate_pct": [Decimal("4.37"), Decimal("4.26")],
            "poor_thousands": [Decimal("38.56"), None],
        }
    )
    out = povstat.with_changes(data, unit="percent")
    np.testing.assert_allclose(out["change_points"].iloc[1], -0.11, atol=1e-12)
    st = pd.DataFrame(
        {
            "kind": ["figure", "change"],
            "region": ["A", "A"],
            "period": [2023, None],
            "period_before": [None, 2022],
            "period_after": [None, 2023],
            "measure": ["poverty_rate_pct", None],
            "stated": [4.26, 0.11],
            "direction": [None, "fall"],
            "stated_as": [None, "points"],
            "decimals": [2, 2],
        }
    )
    verdicts = check_statements(st, data, unit="percent", persons_per_poor_unit=1000)
    assert verdicts["verdict"].tolist() == [HOLDS, HOLDS]
    assert (
        trace_figure(
            data, 4.26, decimals=2, subject="A", at=2023, measure="poverty_rate_pct"
        ).verdict
        == HOLDS
    )
    wide = data.copy()
    wide["poverty_rate_pct"] = pd.Series(
        [Decimal("4.37"), Decimal("2.67499999999999999999")], dtype=object
    )
    with pytest.raises(ValueError, match=r"2\.67499999999999999999"):
        povstat.with_changes(wide, unit="percent")


def test_periods_of_another_kind_than_the_data_say_so() -> None:
    # A year (2024) against a column of dates, and a date against a column
    # of years: the pair is absent, and the message says why.
    dates = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": pd.to_datetime(["2023-03-01", "2024-03-01"]),
            "poverty_rate_pct": [4.37, 4.26],
            "poor_thousands": [1.0, 1.0],
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["rank"],
            "region": ["A"],
            "period": [2024],
            "stated_rank": [1],
            "descending": [True],
        }
    )
    with pytest.raises(ValueError, match=r"`data` column 'period' holds dates: give"):
        check_statements(st, dates, unit="percent", persons_per_poor_unit=1000)
    years = dates.assign(period=[2023, 2024])
    with pytest.raises(ValueError, match=r"`data` column 'period' holds no dates"):
        check_statements(
            st.assign(period=[pd.Timestamp("2024-03-01")]),
            years,
            unit="percent",
            persons_per_poor_unit=1000,
        )


def test_time_zone_aware_arguments_are_refused_as_columns_are() -> None:
    # An instant's date depends on its zone: an aware `at` or `base` is
    # refused, as aware period columns are (before: the wall date was used).
    import datetime as _dt

    import povstat

    aware = _dt.datetime(2023, 3, 1, 1, 0, tzinfo=_dt.timezone(_dt.timedelta(hours=7)))
    data = load_east_java()
    with pytest.raises(TypeError, match=r"`at` holds time-zone-aware"):
        trace_figure(
            data,
            10.35,
            decimals=2,
            subject="Jawa Timur",
            at=aware,
            measure="poverty_rate_pct",
            region="region_name",
        )
    with pytest.raises(TypeError, match=r"`base` is a time-zone-aware datetime"):
        povstat.with_change_from_base(data, unit="percent", base=aware)


def test_pandas_decimal_columns_mixed_with_numbers_and_snan() -> None:
    # read_sql output after .fillna(0) mixes Decimals and ints: numbers; a
    # signalling NaN is not a number: a missing value, as a quiet
    # Decimal("NaN") or a float NaN is (not a bare decimal.InvalidOperation),
    # left unranked under nan_policy="omit" and named under "raise".
    from decimal import Decimal

    import povstat

    mixed = pd.DataFrame(
        {
            "region_code": ["A", "B", "C"],
            "poverty_rate_pct": pd.Series(
                [Decimal("4.26"), 0, Decimal("5")], dtype=object
            ),
        }
    )
    assert povstat.with_ranks(mixed, descending=True)["rank"].tolist() == [2, 3, 1]
    snan = mixed.copy()
    snan["poverty_rate_pct"] = pd.Series(
        [Decimal("4.26"), Decimal("sNaN"), Decimal("5")], dtype=object
    )
    ranks = povstat.with_ranks(snan, descending=True)["rank"].to_numpy()
    np.testing.assert_array_equal(ranks, [2.0, np.nan, 1.0])
    with pytest.raises(
        ValueError,
        match=r"`rate` column 'poverty_rate_pct' has 1 missing value\(s\) at row "
        r"positions \[1\]",
    ):
        povstat.with_ranks(snan, descending=True, nan_policy="raise")


def test_a_signalling_nan_stated_figure_is_missing() -> None:
    # Decimal("sNaN") as a stated figure is not a number: missing, as a
    # quiet Decimal("NaN") is ("cannot tell"), not a bare "cannot convert
    # signalling NaN to float" naming no column.
    data = pd.DataFrame(
        {
            "region": ["A", "A"],
            "period": [2022, 2023],
            "rate": [4.37, 4.26],
            "poor": [1.0, 2.0],
        }
    )
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    for nan in (decimal.Decimal("sNaN"), decimal.Decimal("NaN")):
        st_ = pd.DataFrame(
            {
                "kind": ["change"],
                "region": ["A"],
                "period_before": [2022],
                "period_after": [2023],
                "stated": pd.Series([nan], dtype=object),
                "direction": ["fall"],
                "stated_as": ["points"],
                "decimals": [2],
            }
        )
        out = check_statements(st_, data, **kw)
        assert out["verdict"].tolist() == [UNDECIDED]
        assert out["reason"].tolist() == ["the stated figure is missing"]


def test_a_count_change_in_points_does_not_hold_in_check_statements() -> None:
    # check_statements knows the headcount column is the number of poor, no
    # index: "fell 0.78 points" for 38.56 -> 37.78 thousand does not hold
    # (the array function alone cannot tell it from P1's points); the same
    # for a p1 column stays "cannot tell".
    data = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2022, 2023],
            "poverty_rate_pct": [4.37, 4.26],
            "poor_thousands": [38.56, 37.78],
            "p1": [0.5, 0.46],
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["level_change"] * 2,
            "region": ["A", "A"],
            "period_before": [2022, 2022],
            "period_after": [2023, 2023],
            "stated": [0.78, 0.04],
            "direction": ["fall", "fall"],
            "stated_as": ["points", "points"],
            "decimals": [2, 2],
            "measure": [None, "p1"],
        }
    )
    out = check_statements(st, data, unit="percent", persons_per_poor_unit=1000)
    assert out["verdict"].tolist() == [NOT_HOLDS, UNDECIDED]
    assert "a number of poor has no points" in out["reason"][0]


def test_statements_from_polars_come_back_as_given() -> None:
    # An integer id with a null (a tweet id beyond 2**53) and int periods
    # come back exactly, not as float64 (1864269113428676608, 2023.0).
    data = load_east_java()
    data = data[data["region_type"].isin(["kabupaten", "kota"])]
    st = pl.DataFrame(
        {
            "kind": ["figure", "figure"],
            "region": ["Kota Kediri", "Kota Kediri"],
            "period": [2023, 2023],
            "stated": [19.24, 21.03],
            "decimals": [2, 2],
            "measure": ["poor_thousands", "poor_thousands"],
            "tweet_id": [1864269113428676609, None],
        }
    )
    out = check_statements(
        st,
        data,
        unit="percent",
        region="region_name",
        period="year",
        persons_per_poor_unit=1000,
    )
    assert int(out["tweet_id"].iloc[0]) == 1864269113428676609
    assert out["tweet_id"].isna().tolist() == [False, True]
    assert out["period"].tolist() == [2023, 2023]
    # BPS: Kota Kediri 21.03 thousand poor in March 2023 (19.24 in 2024).
    assert out["verdict"].tolist() == [NOT_HOLDS, HOLDS]


@pytest.mark.parametrize(
    ("held", "stated", "hint"),
    [
        (
            ["3573", "3574"],
            3573,
            r"3573 \(of type int\) is not in `data`, which holds '3573' of type str",
        ),
        (
            [3573, 3574],
            "3573",
            r"'3573' \(of type str\) is not in `data`, which holds 3573 of type int",
        ),
    ],
)
def test_a_region_code_written_as_the_other_type_gets_a_hint(
    held: list[Any], stated: Any, hint: str
) -> None:
    # Region codes held as text ("3573") and stated as a number (3573), or
    # the reverse: the change statement names both types, as trace_figure
    # does, rather than saying the code is "not in `data` at all".
    data = pd.DataFrame(
        {
            "region": held * 2,
            "period": [2022, 2022, 2023, 2023],
            "rate": [4.37, 5.0, 4.26, 5.1],
            "poor": [37.0, 20.0, 36.0, 21.0],
        }
    )
    statements = pd.DataFrame(
        {
            "kind": ["change"],
            "region": [stated],
            "period_before": [2022],
            "period_after": [2023],
            "stated": [0.11],
            "direction": ["fall"],
            "stated_as": ["points"],
            "decimals": [2],
        }
    )
    with pytest.raises(ValueError, match=hint):
        check_statements(
            statements, data, unit="percent", persons_per_poor_unit=1000, **_SIMPLE
        )


def test_a_reason_depends_on_its_own_row_only() -> None:
    # Row B's 1.005 thousand has 3 decimals; row A's levels have 2. Checked
    # together, A still reads as when alone, and B's persons show without
    # float noise: 1.005 * 1000 is 1004.9999999999999 in binary, 1,005 here.
    # By hand: 38,560 - 37,780 = 780 (a 780 / 38,560 = 2.02 % fall); 1,005 -
    # 1,000 = 5 (0.50 %).
    data = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "period": [2022, 2023] * 2,
            "rate": [4.37, 4.26, 5.0, 5.1],
            "poor": [38.56, 37.78, 1.005, 1.0],
        }
    )
    a = {
        "kind": "level_change",
        "region": "A",
        "period_before": 2022,
        "period_after": 2023,
        "stated": 780.0,
        "direction": "fall",
        "stated_as": "persons",
        "decimals": 0,
    }
    b = {**a, "region": "B", "stated": 5.0}
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    alone = check_statements(pd.DataFrame([a]), data, **kw)["reason"].tolist()
    both = check_statements(pd.DataFrame([a, b]), data, **kw)["reason"].tolist()
    assert (
        both[0]
        == alone[0]
        == "fell 780, from 38,560 to 37,780 (a 2.02 % relative fall)"
    )
    assert both[1] == "fell 5, from 1,005 to 1,000 (a 0.50 % relative fall)"
    # A count: 4.26 % of 886,854 is 37,780.0 (4.260 only next to 4.265).
    res = check_count_statement(
        [4.26, 4.265], 886_854, [37_780, 37_824], unit="percent", decimals=0
    )
    assert str(res.reason[0]).startswith("4.26 % of 886,854 is 37,780.0")
    assert str(res.reason[1]).startswith("4.265 % of 886,854 is 37,824.3")


def test_a_rank_reason_shows_the_value_with_the_decimals_of_the_data() -> None:
    # Fractions 0.0915 and 0.0914 (Jombang, Magetan) must not both show as
    # 0.09: the values carry 4 decimals, shown so; 0.001 is not "0.00".
    res = check_rank_statement(
        [0.0915, 0.0914, 0.0331],
        ["Jombang", "Magetan", "Batu"],
        subject="Magetan",
        stated_rank=2,
        descending=True,
    )
    assert str(res.reason).startswith("Magetan (0.0914) ranks 2 of 3")
    res = check_rank_statement(
        [0.004, 0.001, 0.002],
        ["P", "Q", "R"],
        subject="Q",
        stated_rank=3,
        descending=True,
    )
    assert str(res.reason).startswith("Q (0.001) ranks 3 of 3")


def test_a_top_statement_undecided_by_a_tie_names_the_ranks() -> None:
    # 21.76, 19.35, 19.35, 15.00: Bangkalan and Sumenep tie for 2nd-3rd.
    # "Bangkalan is 2nd" holds with ties="min" (joint 2nd), but whether
    # Sampang and Bangkalan are the two highest is decided by the tie: the
    # reason gives Bangkalan's ranks 2-3; with a missing value, 2-4.
    v = [21.76, 19.35, 19.35, 15.0]
    n = ["Sampang", "Bangkalan", "Sumenep", "Probolinggo"]
    rank_check = check_rank_statement(
        v, n, subject="Bangkalan", stated_rank=2, descending=True
    )
    assert rank_check.verdict == HOLDS
    res = check_top_statement(
        v, n, members=["Sampang", "Bangkalan"], k=2, descending=True
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason).endswith("decided by ties: Bangkalan (2-3 with ties)")
    res = check_top_statement(
        [*v, np.nan], [*n, "Z"], members=["Sampang", "Bangkalan"], k=2, descending=True
    )
    assert str(res.reason).endswith("Bangkalan (2-4 with ties and 1 missing value)")


def test_statement_data_with_a_decimal_float64_cannot_hold_is_refused() -> None:
    # A DuckDB DECIMAL(38,25) rate 4.26 is read (3 significant digits); one
    # of 4.26499999999999999999 is refused, naming the column: read as its
    # nearest float64 (4.265) it would round to 4.27 where it rounds to 4.26.
    import duckdb

    def data(after: str) -> Any:
        return duckdb.connect().sql(
            "SELECT region, period, CAST(rate AS DECIMAL(38,25)) AS rate, poor FROM "
            "(VALUES ('A', 2022, '4.37', 38.56), "
            f"('A', 2023, '{after}', 37.78)) t(region, period, rate, poor)"
        )

    statements = pd.DataFrame(
        {
            "kind": ["change"],
            "region": ["A"],
            "period_before": [2022],
            "period_after": [2023],
            "stated": [0.11],
            "direction": ["fall"],
            "stated_as": ["points"],
            "decimals": [2],
        }
    )
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    out = check_statements(statements, data("4.26"), **kw)
    assert out["verdict"].tolist() == [HOLDS]
    with pytest.raises(ValueError, match=r"column 'rate' holds a decimal that float64"):
        check_statements(statements, data("4.26499999999999999999"), **kw)


def test_a_count_at_an_exact_tie_rounds_half_up() -> None:
    # 16.24 % of 1,875,000 is exactly 304,500 (in binary 304499.99999999994):
    # half up to the nearest thousand it is 305,000, never 304,000. 32.01 %
    # of 995,000 is exactly 318,499.5, which rounds to 318,500.
    res = check_count_statement(
        16.24, 1_875_000, [305_000, 304_000], unit="percent", decimals=-3
    )
    assert res.verdict.tolist() == [HOLDS, NOT_HOLDS]
    assert (
        str(res.reason[0]) == "16.24 % of 1,875,000 is 304,500, which rounds to 305,000"
    )
    res = check_count_statement(32.01, 995_000, 318_500, unit="percent", decimals=0)
    assert res.verdict == HOLDS
    # The same in fractions: 0.1624 of 1,875,000.
    res = check_count_statement(
        0.1624, 1_875_000, 305_000, unit="fraction", decimals=-3
    )
    assert res.verdict == HOLDS


def test_a_base_exactly_at_the_tolerance_is_within_it() -> None:
    # 2.02 against 2.0 is exactly 1 % larger: within base_rtol = 1 %, as
    # 1,010 against 1,000 is (in binary 2.02 - 2.0 is 0.020000000000000018).
    # 10 % of 2.02 is 0.202 and 10 % of 1,010 is 101: both hold.
    for base, pop, stated, d in [(2.02, 2.0, 0.202, 3), (1010.0, 1000.0, 101.0, 0)]:
        res = check_count_statement(
            10.0, base, stated, unit="percent", decimals=d, rate_population=pop
        )
        assert res.verdict == HOLDS
    # Beyond it (2.05 against 1.9), the two populations are shown with their
    # decimals, never both as "2".
    res = check_count_statement(
        10.0, 2.05, 0.205, unit="percent", decimals=3, rate_population=1.9
    )
    assert "a population of 1.90, not of 2.05" in str(res.reason)
    res = check_count_statement(
        4.26, 886.4, 37.76, unit="percent", decimals=2, rate_population=897.85
    )
    assert str(res.reason).startswith("4.26 % of 886.4 is 37.761")


@pytest.mark.parametrize(
    ("before", "after", "stated", "dl", "ds"),
    [(37.78, 37.94, 0.1, 2, 1), (377.8, 379.4, 1.0, 1, 0), (3.778, 3.794, 0.01, 3, 2)],
)
def test_a_headcount_change_at_the_edge_does_not_depend_on_the_scale(
    before: float, after: float, stated: float, dl: int, ds: int
) -> None:
    # 37.78 -> 37.94 at 2 decimals: the true change lies in the open range
    # (37.935 - 37.785, 37.945 - 37.775) = (0.15, 0.17); a stated 0.1 stands
    # for [0.05, 0.15), which only touches it: does not hold, at every scale.
    res = check_headcount_change_statement(
        before, after, stated, levels_decimals=dl, stated_decimals=ds
    )
    assert res.verdict == NOT_HOLDS


def test_a_headcount_change_bound_of_zero_is_not_negative() -> None:
    # 37.78 -> 37.79: the change lies in (0, 0.02); its lower bound shows as
    # +0.00, never -0.00.
    res = check_headcount_change_statement(
        37.78, 37.79, 0.01, levels_decimals=2, stated_decimals=2
    )
    assert "between +0.00 and +0.02" in str(res.reason)
    assert float(res.figures["change_lower"]) == 0.0
    assert not np.signbit(res.figures["change_lower"])


@pytest.mark.parametrize(("headcount", "population"), [(1.58, 100), (2.63, 200)])
def test_consistency_at_an_exact_edge(headcount: float, population: float) -> None:
    # Rate 1.0 % (1 decimal: [0.95, 1.05)); 1.58 thousand of 100 (to the
    # hundred: [50, 150)) gives ratios in the open range (1.575 / 150, ...)
    # = (1.05 %, ...); 2.63 of 200 ([150, 250)): (2.625 / 250, ...) = (1.05
    # %, ...). Each only touches the rate's interval: does not hold.
    res = check_consistency(
        1.0,
        headcount,
        population,
        unit="percent",
        rate_decimals=1,
        headcount_decimals=2,
        population_decimals=-2,
    )
    assert res.verdict == NOT_HOLDS


def test_a_change_stated_with_the_other_unit_word_cannot_be_told() -> None:
    # Kabupaten Tuban, BPS 2024 -> 2025: 171.24 -> 168.86 thousand, a fall of
    # 2.38 (by hand: 2.38 / 171.24 = 1.39 %). "Fell 1.39" (units) and "fell
    # 2.38 percent" are each right with the other word: cannot tell, and
    # the reason says which reading the figure has.
    units = check_level_change_statement(
        171.24, 168.86, 1.39, direction="fall", stated_as="units", decimals=2
    )
    assert units.verdict == UNDECIDED
    assert str(units.reason).endswith(
        "1.39 is the relative change in percent, not a change in the figure's units"
    )
    pct = check_level_change_statement(
        171.24, 168.86, 2.38, direction="fall", stated_as="percent", decimals=2
    )
    assert pct.verdict == UNDECIDED
    assert str(pct.reason).endswith(
        "2.38 is the change in the figure's units, not in percent"
    )


def test_a_per_year_statement_names_a_whole_change_and_no_zero() -> None:
    # 10.49 % -> 9.56 % over 2 years: 0.93 points in all, 0.465 a year. "Fell
    # 0.93 points a year" does not hold, and the reason says 0.93 is the whole
    # change. 10.49 -> 10.48 over 3 years is 0.0033 points a year: shown as
    # -0.003, never -0.00.
    res = check_change_statement(
        10.49,
        9.56,
        0.93,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
        years=2.0,
    )
    assert res.verdict == NOT_HOLDS
    assert str(res.reason).endswith(
        "0.93 is the change over the whole 2.00 years, not a year's"
    )
    res = check_change_statement(
        10.49,
        10.48,
        0.01,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
        years=3.0,
    )
    assert "that is -0.003 points a year" in str(res.reason)


def test_consistency_needs_no_more_poor_than_people() -> None:
    # 1,003 poor of 1,000 people (to the unit): every ratio the rounding
    # allows, (1002.5 / 1000.5, 1003.5 / 999.5) = (100.2 %, 100.4 %), is above
    # 100 %, so no true figures satisfy H = P0 N: does not hold, even against
    # a published 100 %. 20.00 of 20.0 (ratios around 100 %) holds.
    kw: dict[str, Any] = {"unit": "percent"}
    res = check_consistency(
        100,
        1003,
        1000,
        rate_decimals=0,
        headcount_decimals=0,
        population_decimals=0,
        **kw,
    )
    assert res.verdict == NOT_HOLDS
    res = check_consistency(
        [100.0, 100.0],
        [20.06, 20.0],
        20.0,
        rate_decimals=1,
        headcount_decimals=2,
        population_decimals=1,
        **kw,
    )
    assert res.verdict.tolist() == [NOT_HOLDS, HOLDS]


def test_a_computed_population_at_the_tolerance_is_within_it() -> None:
    # The population implied by 16.24 % and 304.5 thousand is exactly 1,875
    # thousand (1875.0000000000005 in binary); 1,856,250 is exactly 1 % less:
    # within base_rtol = 1 %, and 16.24 % of it is 301,455 by hand.
    pop = float(implied_population(16.24, 304.5, unit="percent")) * 1000
    res = check_count_statement(
        16.24, 1_856_250, 301_455, unit="percent", decimals=0, rate_population=pop
    )
    assert res.verdict == HOLDS
    # 989,960 against 1,000,000 is 1.004 % off: beyond, and shown so.
    res = check_count_statement(
        10, 989_960, 98_996, unit="percent", decimals=0, rate_population=1_000_000
    )
    assert res.verdict == NOT_HOLDS
    assert "(1.004 % smaller, beyond the tolerance of 1.00 %)" in str(res.reason)


def test_meaning_prefers_the_stated_unit_and_top_k_of_all_holds() -> None:
    # 100 -> 99 is a fall of 1.00 in units and of 1.00 %: stated in units,
    # its meaning is "units".
    res = check_level_change_statement(
        100, 99, 1.00, direction="fall", stated_as="units", decimals=2
    )
    assert res.verdict == HOLDS
    assert res.figures["meaning"] == "units"
    # With k equal to the number of regions, every region is among the top
    # k, whatever a missing value: holds.
    top = check_top_statement(
        [np.nan, 2.0], ["A", "B"], members=["A", "B"], k=2, descending=True
    )
    assert top.verdict == HOLDS


@pytest.mark.parametrize(
    ("stated", "verdict"), [(2.381, UNDECIDED), (2.372, UNDECIDED), (2.395, NOT_HOLDS)]
)
def test_a_level_change_more_precise_than_the_levels(
    stated: float, verdict: str
) -> None:
    # Kabupaten Tuban 171.24 -> 168.86 thousand (2 decimals): the true fall
    # lies in the open range (171.235 - 168.865, 171.245 - 168.855) = (2.37,
    # 2.39). "Fell 2.381" (3 decimals) fits it: cannot tell, as
    # check_headcount_change_statement would not refute it; 2.395 stands for
    # [2.3945, 2.3955), outside: does not hold.
    # The levels' decimals are given: a float's trailing zero cannot be seen,
    # so they are not guessed; without them the change is rounded to 3
    # decimals (2.381 is not 2.380).
    plain = check_level_change_statement(
        171.24, 168.86, 2.381, direction="fall", stated_as="units", decimals=3
    )
    assert plain.verdict == NOT_HOLDS
    res = check_level_change_statement(
        171.24,
        168.86,
        stated,
        direction="fall",
        stated_as="units",
        decimals=3,
        levels_decimals=2,
    )
    assert res.verdict == verdict
    if verdict == UNDECIDED:
        # The range of a fall is said as the fall's, exactly: (2.37, 2.39).
        assert "the true fall lies between 2.370 and 2.390" in str(res.reason)


@pytest.mark.parametrize(
    ("stated", "verdict"),
    [(0.105, UNDECIDED), (0.110, UNDECIDED), (0.125, NOT_HOLDS)],
)
def test_points_more_precise_than_the_rates(stated: float, verdict: str) -> None:
    # Kota Malang 4.37 % -> 4.26 % (2 decimals): the true fall lies in
    # (4.365 - 4.265, 4.375 - 4.255) = (0.10, 0.12) points. 0.105 fits:
    # cannot tell; so does 0.110, the published change, which the rates fix
    # only to (0.10, 0.12): cannot tell; 0.125 stands for
    # [0.1245, 0.1255), outside: does not hold. The rates show as 4.37 %.
    res = check_change_statement(
        4.37,
        4.26,
        stated,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=3,
        levels_decimals=2,
    )
    assert res.verdict == verdict
    assert "from 4.37 % to 4.26 %" in str(res.reason)


def test_a_change_in_persons_more_precise_than_the_thousands() -> None:
    # Kabupaten Tuban 171.24 -> 168.86 thousand poor (BPS 2024, 2025): in
    # persons the levels are published to the nearest 10, so the fall lies in
    # (171,235 - 168,865, 171,245 - 168,855) = (2,370, 2,390). "Fell 2,381
    # people" fits (cannot tell); so does 2,380, the published change, which
    # the levels give only to tens of persons (cannot tell); 2,395 does not
    # hold.
    data = pd.DataFrame(
        {
            "region": ["T", "T"],
            "period": [2024, 2025],
            "rate": [14.36, 14.13],
            "poor": [171.24, 168.86],
        }
    )
    st_ = pd.DataFrame(
        {
            "kind": ["level_change"] * 3,
            "region": ["T"] * 3,
            "period_before": [2024] * 3,
            "period_after": [2025] * 3,
            "stated": [2381.0, 2380.0, 2395.0],
            "direction": ["fall"] * 3,
            "stated_as": ["persons"] * 3,
            "decimals": [0] * 3,
        }
    )
    out = check_statements(
        st_, data, unit="percent", persons_per_poor_unit=1000, **_SIMPLE
    )
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED, NOT_HOLDS]
    assert "between 2,370 and 2,390" in out["reason"][0]
    # The same through the array function, with the levels' decimals given.
    res = check_level_change_statement(
        171_240,
        168_860,
        2381,
        direction="fall",
        stated_as="units",
        decimals=0,
        levels_decimals=-1,
    )
    assert res.verdict == UNDECIDED
    with pytest.raises(
        TypeError, match=r"^`levels_decimals` must be an int, got 1\.5$"
    ):
        check_level_change_statement(
            1.0,
            2.0,
            1.0,
            direction="rise",
            stated_as="units",
            decimals=0,
            levels_decimals=1.5,
        )
    with pytest.raises(ValueError, match="`levels_decimals` must lie in"):
        check_level_change_statement(
            1.0,
            2.0,
            1.0,
            direction="rise",
            stated_as="units",
            decimals=0,
            levels_decimals=11,
        )


def test_a_wrong_count_does_not_hold_whatever_the_population() -> None:
    # 5 % of 1,000 is 50, not 99: does not hold even when the rate's
    # population is missing (the base cannot then be judged, the arithmetic
    # can); a right count with it missing cannot be told.
    res = check_count_statement(
        5.0, 1000, [99, 50], unit="percent", decimals=0, rate_population=np.nan
    )
    assert res.verdict.tolist() == [NOT_HOLDS, UNDECIDED]


def test_levels_decimals_broadcast_and_are_checked() -> None:
    # 10,000 -> 9,000: published to thousands the fall lies in (0, 2,000),
    # to hundreds in (900, 1,100): "fell 1,500" cannot be told, then does
    # not hold. The decimals broadcast with scalar levels.
    res = check_level_change_statement(
        10_000.0,
        9_000.0,
        1500,
        direction="fall",
        stated_as="units",
        decimals=0,
        levels_decimals=[-3, -2],
    )
    assert res.verdict.tolist() == [UNDECIDED, NOT_HOLDS]
    # Levels that are not rounded to them are refused, as
    # check_headcount_change_statement refuses them.
    with pytest.raises(ValueError, match=r"`before` must hold figures rounded to"):
        check_level_change_statement(
            171.24,
            168.86,
            2.381,
            direction="fall",
            stated_as="units",
            decimals=3,
            levels_decimals=0,
        )
    # Equal levels 38.56 -> 38.56: the change lies in (-0.01, 0.01), shown so,
    # signed, and said to leave a rise or a fall possible.
    res = check_level_change_statement(
        38.56,
        38.56,
        0.005,
        direction="fall",
        stated_as="units",
        decimals=3,
        levels_decimals=2,
    )
    assert res.verdict == UNDECIDED
    assert (
        "the true change lies between -0.010 and +0.010 (it may have fallen or "
        "risen)" in str(res.reason)
    )
    # "Fell 2 points" for a level right in its own units: meaning "units".
    res = check_level_change_statement(
        100, 98, 2, direction="fall", stated_as="points", decimals=0
    )
    assert res.figures["meaning"] == "units"


def test_a_per_year_change_more_precise_than_the_figures() -> None:
    # 14.36 % -> 14.13 % (2 decimals) over 2 years: the true fall lies in
    # (0.22, 0.24) points, (0.11, 0.12) a year; "0.114 points a year" fits:
    # cannot tell. 171.24 -> 168.86 thousand: (2.37, 2.39), (1.185, 1.195)
    # a year; 1.191 fits, 1.200 does not.
    res = check_change_statement(
        14.36,
        14.13,
        0.114,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=3,
        years=2,
        levels_decimals=2,
    )
    assert res.verdict == UNDECIDED
    assert "the true fall a year lies between 0.110 and 0.120 points" in str(res.reason)
    res = check_level_change_statement(
        171.24,
        168.86,
        [1.191, 1.2],
        direction="fall",
        stated_as="units",
        decimals=3,
        years=2,
        levels_decimals=2,
    )
    assert res.verdict.tolist() == [UNDECIDED, NOT_HOLDS]


@pytest.mark.parametrize("values_decimals", [None, 2])
@pytest.mark.parametrize(
    ("stated", "decimals", "verdict"),
    [
        (4.26, 2, HOLDS),
        (4.260, 3, UNDECIDED),
        (4.2600, 4, UNDECIDED),
        (4.263, 3, UNDECIDED),
        (4.27, 3, NOT_HOLDS),
    ],
)
def test_a_stated_value_ending_in_zeros_is_still_more_precise(
    stated: float, decimals: int, verdict: str, values_decimals: int | None
) -> None:
    # Rates published to 2 decimals (Kota Batu 3.31, Kota Malang 4.26,
    # Surabaya 4.65, Sampang 20.2): the published 4.26 places Malang's value
    # in [4.255, 4.265). Stated to 3 decimals, 4.260 stands for [4.2595,
    # 4.2605), inside but not given by the figures: cannot tell, as 4.263
    # ([4.2625, 4.2635)); 4.2600 to 4 decimals likewise; 4.26 to 2 holds;
    # 4.270 ([4.2695, 4.2705)) lies outside: does not hold.
    res = check_rank_statement(
        [3.31, 4.26, 4.65, 20.2],
        ["Batu", "Malang", "Surabaya", "Sampang"],
        subject="Malang",
        stated_rank=2,
        descending=False,
        stated_value=stated,
        value_decimals=decimals,
        values_decimals=values_decimals,
    )
    assert res.verdict == verdict
    if verdict == UNDECIDED:
        assert "published with 2 decimals" in str(res.reason)
    # The same in check_statements, for the rank row and for the figure.
    data = pd.DataFrame(
        {
            "region": ["Batu", "Malang", "Surabaya", "Sampang"],
            "period": [2023] * 4,
            "rate": [3.31, 4.26, 4.65, 20.2],
        }
    )
    rows = pd.DataFrame(
        {
            "kind": ["rank", "figure"],
            "region": ["Malang", "Malang"],
            "period": [2023, 2023],
            "stated_rank": [2, None],
            "descending": [False, None],
            "stated_value": [stated, None],
            "value_decimals": [decimals, None],
            "measure": [None, "rate"],
            "stated": [None, stated],
            "decimals": [None, decimals],
        }
    )
    out = check_statements(
        rows, data, unit="percent", persons_per_poor_unit=1000,
        region="region", period="period", rate="rate", headcount=None,
    )  # fmt: skip
    assert out["verdict"].tolist() == [verdict, verdict]


def test_a_level_change_ending_in_zeros_is_still_more_precise() -> None:
    # Kabupaten Tuban 171.24 -> 168.86 thousand (2 decimals): the true fall
    # lies in (2.37, 2.39). 2.380 (3 decimals) is the published change with
    # a zero added: the levels do not give it (cannot tell); 2.38 holds.
    res = check_level_change_statement(
        [171.24, 171.24],
        [168.86, 168.86],
        [2.380, 2.38],
        direction="fall",
        stated_as="units",
        decimals=3,
        levels_decimals=2,
    )
    assert res.verdict.tolist()[0] == UNDECIDED
    assert "between 2.370 and 2.390" in str(res.reason[0])
    ok = check_level_change_statement(
        171.24, 168.86, 2.38, direction="fall", stated_as="units", decimals=2,
        levels_decimals=2,
    )  # fmt: skip
    assert ok.verdict == HOLDS


@pytest.mark.parametrize(
    ("stated", "verdict"),
    [(16.452, UNDECIDED), (16.45, UNDECIDED), (16.456, NOT_HOLDS)],
)
def test_a_rank_value_more_precise_than_the_values(stated: float, verdict: str) -> None:
    # Rates published to 2 decimals; P's 16.45 stands for [16.445, 16.455).
    # "P is 3rd, at 16.452 %" may be right (cannot tell, as a figure
    # statement of 16.452 is); so may 16.450, whose [16.4495, 16.4505) the
    # published 16.45 does not confirm (cannot tell, trailing zero or not);
    # 16.456 stands for [16.4555, 16.4565), outside (does not hold).
    res = check_rank_statement(
        [21.76, 19.35, 16.45, 15.0],
        ["S", "B", "P", "X"],
        subject="P",
        stated_rank=3,
        descending=True,
        stated_value=stated,
        value_decimals=3,
    )
    assert res.verdict == verdict


def test_statement_data_decimals_from_a_decimal_columns_scale() -> None:
    # Rates 4.30 -> 4.20 % and 10.00 -> 9.00 thousand poor as DuckDB
    # DECIMAL(7,2): the scale says 2 decimals, which the floats 4.3 and 10.0
    # cannot show. "Fell 0.15 points" is then more precise than nothing:
    # the change is 0.10 (does not hold), and "fell 1,500 people" against a
    # fall of 1,000 (to tens of persons) does not hold. From floats the
    # column shows 1 decimal for the rates and 0 for the counts: both may be
    # right within that rounding (cannot tell), as documented.
    import duckdb

    rel = duckdb.sql(
        "SELECT * FROM (VALUES ('A', 2022, 4.30::DECIMAL(7,2), 10.00::DECIMAL(7,2)),"
        " ('A', 2023, 4.20::DECIMAL(7,2), 9.00::DECIMAL(7,2))) t(region, period, rate,"
        " poor)"
    )
    assert rel is not None
    st_ = pd.DataFrame(
        {
            "kind": ["change", "level_change"],
            "region": ["A", "A"],
            "period_before": [2022, 2022],
            "period_after": [2023, 2023],
            "stated": [0.15, 1500.0],
            "direction": ["fall", "fall"],
            "stated_as": ["points", "persons"],
            "decimals": [2, 0],
        }
    )
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    out = check_statements(st_, rel, **kw)
    assert out["verdict"].tolist() == [NOT_HOLDS, NOT_HOLDS]
    floats = rel.df().astype({"rate": float, "poor": float})
    out = check_statements(st_, floats, **kw)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    assert "between 0.00 and 0.20 points" in out["reason"][0]


def test_rank_statements_take_a_decimal_columns_scale_as_the_other_kinds() -> None:
    # Rates 10.30, 4.20, 7.00 % as DECIMAL(7,2): the scale says 2 decimals,
    # which the floats 10.3, 4.2, 7.0 cannot show (they show 1). "A is the
    # highest, at 10.32 %": A ranks 1 of 3 either way. With the scale,
    # 10.30 is A's published value and 10.32 is not it (does not hold). From
    # floats, 10.3 stands for [10.25, 10.35), and 10.32 (for [10.315,
    # 10.325)) lies inside: it may be the true value (cannot tell). The
    # same rule as a figure statement of 10.32, which does not hold either.
    import duckdb

    rel = duckdb.sql(
        "SELECT * FROM (VALUES ('A', 2023, 10.30::DECIMAL(7,2)),"
        " ('B', 2023, 4.20::DECIMAL(7,2)), ('C', 2023, 7.00::DECIMAL(7,2)))"
        " t(region, period, rate)"
    )
    assert rel is not None
    st_ = pd.DataFrame(
        {
            "kind": ["rank", "figure"],
            "region": ["A", "A"],
            "period": [2023, 2023],
            "stated_rank": [1, None],
            "descending": [True, None],
            "stated_value": [10.32, None],
            "value_decimals": [2, None],
            "measure": [None, "rate"],
            "stated": [None, 10.32],
            "decimals": [None, 2],
        }
    )
    kw: dict[str, Any] = {
        "unit": "percent",
        "persons_per_poor_unit": 1000,
        **_SIMPLE,
        "headcount": None,
    }
    read_sql = pd.DataFrame(
        {
            "region": ["A", "B", "C"],
            "period": [2023, 2023, 2023],
            "rate": pd.Series(
                [decimal.Decimal(x) for x in ("10.30", "4.20", "7.00")], dtype=object
            ),
        }
    )
    import pyarrow as pa

    arrow = rel.to_arrow_table()
    wide = arrow.set_column(2, "rate", arrow["rate"].cast(pa.decimal256(40, 2)))
    frames: list[Any] = [rel, pl.from_arrow(arrow), read_sql, wide]
    frames.append(wide.to_pandas(types_mapper=pd.ArrowDtype))  # decimal256 too
    for frame in frames:
        out = check_statements(st_, frame, **kw)
        assert out["verdict"].tolist() == [NOT_HOLDS, NOT_HOLDS], out["reason"]
        assert "A (10.30) ranks 1 of 3" in out["reason"][0]
        assert "its value is 10.30, not 10.32" in out["reason"][0]
    floats = rel.df().astype({"rate": float})
    out = check_statements(st_.iloc[:1], floats, **kw)
    assert out["verdict"].tolist() == [UNDECIDED]
    assert "published with 1 decimal" in out["reason"][0]


def test_check_rank_statement_values_decimals() -> None:
    # The same ranking as arrays: values published to 2 decimals (10.30)
    # fix the value (10.32 does not hold); as shown (1 decimal) they leave
    # [10.25, 10.35) (cannot tell). A value needing more decimals than
    # `values_decimals` (10.304 to 2 decimals) is read on its own, at 3
    # decimals: 10.32 is not 10.304 rounded to 2 (10.30).
    kw: dict[str, Any] = {
        "subject": "A",
        "stated_rank": 1,
        "descending": True,
        "stated_value": 10.32,
        "value_decimals": 2,
    }
    rates, names = [10.3, 4.2, 7.0], ["A", "B", "C"]
    assert check_rank_statement(rates, names, **kw, values_decimals=2).verdict == (
        NOT_HOLDS
    )
    assert check_rank_statement(rates, names, **kw).verdict == UNDECIDED
    assert check_rank_statement(
        [10.304, 4.2, 7.0], names, **kw, values_decimals=2
    ).verdict == (NOT_HOLDS)
    with pytest.raises(ValueError, match="values_decimals"):
        check_rank_statement(rates, names, **kw, values_decimals=11)


@pytest.mark.parametrize(
    ("index", "shown", "alone"),
    [
        ([0, 0, 1], "row 0 (row position 1)", "row 0"),
        ([1.5, 2.5, 3.5], "row 2.5", "row 2.5"),
        (["a", "b", "c"], "row 'b'", "row 'b'"),
    ],
)
def test_rank_messages_show_plain_labels(
    index: list[Any], shown: str, alone: str
) -> None:
    # Row labels and regions taken from arrays are named as written (0,
    # 2.5, 'Z'), not as numpy's repr (np.int64(0), np.float64(2.5),
    # np.str_('Z')). The second statement's `after` names a region not in
    # `data`; the third's region is not in `data` at all. A label that
    # repeats (0, 0) comes with the row's position (the second row is at
    # position 1); alone, the second row's label 0 is unique.
    data = pd.DataFrame(
        {
            "region": ["35", "36"],
            "period": [2023, 2023],
            "rate": [10.35, 4.25],
            "poor": [4188.81, 12.5],
        }
    )
    ok = {"kind": "rank", "region": "35", "period": 2023, "stated_rank": 1}
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    st_ = pd.DataFrame(
        [{**ok, "descending": True}, {**ok, "descending": True, "after": "99"}],
        index=index[:2],
    )
    for frame, where in ((st_, shown), (st_.iloc[1:], alone)):
        with pytest.raises(ValueError, match="column 'after' names") as err:
            check_statements(frame, data, **kw)
        text = str(err.value)
        assert text.startswith(f"`statements` {where} (kind 'rank'): column 'after'")
        assert (
            "names '99', which is not a 'region' of `data`: region '99' is not in "
            "`data` at all" in text
        )
        assert "np." not in text
    at = pd.Index([np.int64(3)], dtype=object)  # an object index of numpy ints
    st_ = pd.DataFrame(
        {
            "kind": ["rank"],
            "region": pd.Series([np.str_("Z")], dtype=object, index=at),
            "period": [np.int64(2023)],
            "stated_rank": [1],
            "descending": [True],
        },
        index=at,
    )
    with pytest.raises(
        ValueError,
        match=r"row 3 \(kind 'rank'\) refers to \(region, period\) pairs not in "
        r"`data`: \('Z', 2023\): region 'Z' is not in `data` at all$",
    ):
        check_statements(st_, data, **kw)
    # A missing label taken from an object array: nan, not np.float64(nan).
    with pytest.raises(ValueError, match=r"found nan at index 1$"):
        check_rank_statement(
            [1.0, 2.0],
            np.array([1.0, np.float64(np.nan)], dtype=object),
            subject=1.0,
            stated_rank=1,
            descending=True,
        )


# Statement rows built one at a time and joined with pd.concat: every row's
# index label is 0. A good rank row and a good change row for the frame below.
_RANK_OK = {
    "kind": "rank",
    "region": "35",
    "period": 2023,
    "stated_rank": 1,
    "descending": True,
}
_CHANGE_OK = {
    "kind": "change",
    "region": "35",
    "period_before": 2022,
    "period_after": 2023,
    "stated": 0.3,
    "direction": "fall",
    "stated_as": "points",
    "decimals": 2,
}


def _two_periods() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": ["35", "36", "35", "36"],
            "period": [2022, 2022, 2023, 2023],
            "rate": [10.35, 4.25, 10.05, 4.15],
            "poor": [4188.81, 12.5, 4100.0, 12.2],
        }
    )


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            {**_RANK_OK, "region": "Z"},
            "`statements` row {row} (kind 'rank') refers to (region, period) pairs "
            "not in `data`: ('Z', 2023)",
        ),
        (
            {**_RANK_OK, "stated_value": "4,74"},
            "`statements` column 'stated_value' must hold numbers, not text; rows "
            "[{row}] have ['4,74']",
        ),
        (
            {**_RANK_OK, "stated_rank": 2.5},
            "`statements` column 'stated_rank' must hold whole numbers (not "
            "missing) >= 1; rows [{row}] have [2.5]",
        ),
        (
            {**_RANK_OK, "descending": "False"},
            "`statements` column 'descending' must be True or False for "
            "statements of kind ['rank']; rows [{row}] have ['False']",
        ),
        (
            {**_RANK_OK, "after": "99"},
            "`statements` row {row} (kind 'rank'): column 'after' names '99'",
        ),
        (
            {**_RANK_OK, "stated_value": 10.05, "value_decimals": 11},
            "`statements` row {row} (kind 'rank'): ",
        ),
        ({**_RANK_OK, "kind": None}, "`statements` has a missing 'kind' in row {row};"),
        (
            {**_RANK_OK, "ties": "low"},
            "(or missing, for 'min'); rows [{row}] have ['low']",
        ),
        (
            {**_CHANGE_OK, "direction": "down"},
            "`statements` of kind 'change' must have direction in ['fall', "
            "'rise']; rows [{row}] have ['down']",
        ),
        (
            {**_CHANGE_OK, "period_before": 2023, "period_after": 2022},
            "level_change statements; rows [{row}] have (period_before, "
            "period_after) = [(2023, 2022)]",
        ),
        (
            {**_CHANGE_OK, "decimals": None},
            "`statements` of kind 'change' need `decimals`; missing in rows [{row}]",
        ),
        (
            {**_CHANGE_OK, "decimals": 11},
            "`statements` row {row} (kind 'change'): `decimals` must lie in",
        ),
        (
            {**_CHANGE_OK, "stated": decimal.Decimal("0.1000000000000000000001")},
            "`stated` holds a number that float64 (povstat's arithmetic) cannot "
            "hold exactly: 0.1000000000000000000001 at `statements` row {row} (",
        ),
        (
            {**_CHANGE_OK, "kind": "level_change", "measure": "rate"},
            "`statements` rows [{row}] (kind 'level_change'): `measure` 'rate' is "
            "the rate column",
        ),
        (
            {
                **_RANK_OK,
                **{"kind": "figure", "measure": "nope", "stated": 1.0, "decimals": 1},
            },
            "`statements` row {row} (kind 'figure'): `statements` column "
            "'measure' names 'nope'",
        ),
    ],
)
def test_statement_rows_of_a_repeated_index_are_named_with_their_position(
    bad: dict[str, Any], message: str
) -> None:
    # Three statements joined with pd.concat have the index 0, 0, 0: the
    # label 0 names all three, so the faulty third row is named "0 (row
    # position 2)". Joined with ignore_index=True (0, 1, 2) its label 2 is
    # unique and names it alone, as before: no position.
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    rows = [pd.DataFrame([_RANK_OK]), pd.DataFrame([_CHANGE_OK]), pd.DataFrame([bad])]
    for ignore, row in ((False, "0 (row position 2)"), (True, "2")):
        st_ = pd.concat(rows, ignore_index=ignore)
        with pytest.raises(ValueError, match=re.escape(message.format(row=row))):
            check_statements(st_, _two_periods(), **kw)


def test_several_statement_rows_of_a_repeated_index_each_with_its_position() -> None:
    # Index 0, 0, 0 (pd.concat): the 2nd and 3rd rows (positions 1 and 2)
    # both name a region not in `data`; every row with its position, as the
    # unique index 0, 1, 2 names them [1, 2].
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    bad = pd.DataFrame([{**_RANK_OK, "region": "Z"}])
    rows = [pd.DataFrame([_RANK_OK]), bad, bad]
    for ignore, where in (
        (False, "[0 (row position 1), 0 (row position 2)]"),
        (True, "[1, 2]"),
    ):
        st_ = pd.concat(rows, ignore_index=ignore)
        with pytest.raises(
            ValueError,
            match=re.escape(
                f"`statements` rows {where} (kind 'rank') refer to (region, "
                f"period) pairs not in `data`: ('Z', 2023) (rows {where})"
            ),
        ):
            check_statements(st_, _two_periods(), **kw)
    # A MultiIndex that repeats (1, 'a'): its levels as plain values.
    two = pd.concat([pd.DataFrame([{**_RANK_OK, "region": "Z"}])] * 2)
    two.index = pd.MultiIndex.from_arrays(
        [pd.Index([np.int64(1)] * 2, dtype=object), ["a", "a"]]
    )
    with pytest.raises(
        ValueError,
        match=re.escape("rows [(1, 'a') (row position 0), (1, 'a') (row position 1)]"),
    ):
        check_statements(two, _two_periods(), **kw)
    # A gap (region 36 has rows in 2022 and 2024, none in 2023) is warned
    # about naming the rank rows, with their positions.
    gap = pd.concat(
        [
            _two_periods().iloc[[0, 1, 2]],
            pd.DataFrame({"region": ["35", "36"], "period": [2024, 2024]}),
        ]
    ).assign(rate=[10.35, 4.25, 10.05, 9.0, 4.0], poor=[1.0, 2.0, 3.0, 4.0, 5.0])
    st_ = pd.concat([pd.DataFrame([_RANK_OK])] * 2)
    with pytest.warns(
        UserWarning,
        match=re.escape("`statements` rows [0 (row position 0), 0 (row position 1)]"),
    ):
        out = check_statements(st_, gap, **kw)
    assert out.index.tolist() == [0, 0]  # the caller's index, kept


def test_data_rows_of_a_repeated_index_are_named_with_their_position() -> None:
    # `data` joined with pd.concat (index 0, 1, 0, 1): the row without a
    # region is the 4th (position 3), label 1, which also names the 2nd.
    kw: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1000, **_SIMPLE}
    data = _two_periods()
    later = (
        data.iloc[2:]
        .assign(region=pd.Series(["35", None], index=[2, 3]))
        .reset_index(drop=True)
    )
    data = pd.concat([data.iloc[:2], later])
    st_ = pd.DataFrame([_RANK_OK])
    with pytest.raises(ValueError, match=re.escape("has none: [1 (row position 3)]")):
        check_statements(st_, data, **kw)
    with pytest.raises(ValueError, match=re.escape("has none: [3]")):
        check_statements(st_, data.reset_index(drop=True), **kw)


def test_a_rank_value_of_zero_among_changes_may_be_negative() -> None:
    # Changes -0.11, 0.00, 0.05 (2 decimals): B's 0.00 stands for (-0.005,
    # 0.005), so a stated -0.004 may be it, as +0.004 may: cannot tell.
    for stated in (-0.004, 0.004):
        res = check_rank_statement(
            [-0.11, 0.0, 0.05],
            ["A", "B", "C"],
            subject="B",
            stated_rank=2,
            descending=False,
            stated_value=stated,
            value_decimals=3,
        )
        assert res.verdict == UNDECIDED


def test_an_error_in_one_statement_names_its_row() -> None:
    # Rows 0 and 2 are changes; the stated 0.135 of row 2 is not rounded to
    # its 2 decimals: the error names row 2, not "index 1" of the changes.
    data = pd.DataFrame(
        {
            "region": ["A", "A"],
            "period": [2023, 2025],
            "rate": [10.63, 10.5],
            "poor": [1.0, 1.0],
        }
    )
    st_ = pd.DataFrame(
        {
            "kind": ["change", "figure", "change"],
            "region": "A",
            "period": [None, 2025, None],
            "period_before": [2023, None, 2023],
            "period_after": [2025, None, 2025],
            "direction": ["fall", None, "fall"],
            "stated_as": ["points", None, "points"],
            "measure": [None, "rate", None],
            "stated": [0.13, 10.5, 0.135],
            "decimals": [2, 1, 2],
        }
    )
    with pytest.raises(ValueError, match=r"^`statements` row 2 \(kind 'change'\): "):
        check_statements(
            st_, data, unit="percent", persons_per_poor_unit=1000, **_SIMPLE
        )


def test_a_level_change_in_persons_shows_whole_persons() -> None:
    # 4,181.29 -> 4,188.81 thousand: 4,181,290 -> 4,188,810 persons, a rise
    # of 7,520 (by hand), shown without float noise (4181.29 * 1000 is
    # 4181290.0000000005 in binary).
    data = pd.DataFrame(
        {
            "region": ["B", "B"],
            "period": [2022, 2023],
            "rate": [10.49, 10.35],
            "poor": [4181.29, 4188.81],
        }
    )
    st_ = pd.DataFrame(
        [
            {
                "kind": "level_change",
                "region": "B",
                "period_before": 2022,
                "period_after": 2023,
                "stated": 7520,
                "direction": "rise",
                "stated_as": "persons",
                "decimals": 0,
            }
        ]
    )
    out = check_statements(
        st_, data, unit="percent", persons_per_poor_unit=1000, **_SIMPLE
    )
    # 7,520 persons is the published change, but the levels give it only to
    # tens of persons ((7,510, 7,530)): cannot tell.
    assert out["verdict"].tolist() == [UNDECIDED]
    assert out["reason"][0].startswith("rose 7,520, from 4,181,290 to 4,188,810")


def test_statement_keys_that_are_whole_floats_are_the_labels_of_data() -> None:
    # An integer column with a gap reaches pandas as float64: after
    # [3507, None] is 3507.0. One rule for every key column (region, after,
    # period, period_before, period_after): a number equal to a label of
    # `data` is that label. Rates 9.45, 4.26, 3.31 (by hand): 3573 is 2nd
    # from the highest, after 3507; 3579 is 3rd.
    data = pd.DataFrame(
        {
            "region_code": [3507, 3573, 3579] * 2,
            "period": [2021] * 3 + [2023] * 3,
            "poverty_rate_pct": [9.8, 4.37, 3.5, 9.45, 4.26, 3.31],
            "poor_thousands": [1.0, 2.0, 3.0, 1.0, 2.0, 3.0],
        }
    )
    st_ = pd.DataFrame(
        {
            "kind": ["rank", "rank", "change"],
            "region": [3573.0, 3579.0, 3573.0],
            "period": [2023.0, 2023.0, None],
            "stated_rank": [2, 3, None],
            "descending": [True, True, None],
            "after": [3507, None, None],
            "period_before": [None, None, 2021],
            "period_after": [None, None, 2023],
            # 4.37 -> 4.26 over 2 years: 0.11 points, 0.055 a year.
            "stated": [None, None, 0.055],
            "direction": [None, None, "fall"],
            "stated_as": [None, None, "points"],
            "decimals": [None, None, 3],
            "per_year": [None, None, True],
        }
    )
    assert st_["after"].dtype == np.float64
    out = check_statements(st_, data, unit="percent", persons_per_poor_unit=1000)
    # 0.055 a year (3 decimals) from rates to 2: the true fall a year lies in
    # (0.10, 0.12) / 2 = (0.05, 0.06), so cannot tell.
    assert out["verdict"].tolist() == [HOLDS, HOLDS, UNDECIDED]
    assert out["reason"][0] == (
        "3573 (4.26) ranks 2 of 3 from the highest (ties: min), after 3507"
    )
    assert "over 2.00 years" in out["reason"][2]
    # The statements are returned as given.
    assert out["after"].dtype == np.float64
    # Text is not a number: "3507" names no region, and the message says the
    # type `data` holds, naming the statements' own column.
    text = st_.iloc[:1].assign(after=["3507"])
    with pytest.raises(
        ValueError,
        match=r"row 0 \(kind 'rank'\): column 'after' names '3507', which is not "
        r"a 'region_code' .*'3507' is of type str; `data` holds 3507 of type int",
    ):
        check_statements(text, data, unit="percent", persons_per_poor_unit=1000)
    # A fraction is no label either.
    half = st_.iloc[:1].assign(after=[3507.5])
    with pytest.raises(ValueError, match=r"column 'after' names 3507.5, which is not"):
        check_statements(half, data, unit="percent", persons_per_poor_unit=1000)


def test_statement_periods_as_text_against_years_name_the_statements() -> None:
    # `data` holds integer years; periods written as text ("2023") are the
    # statements' fault: each kind says so, naming the statements' column
    # and the type `data` holds (as the figure kind does).
    data = pd.DataFrame(
        {
            "region_code": [3507, 3573] * 2,
            "period": [2022, 2022, 2023, 2023],
            "poverty_rate_pct": [9.8, 4.37, 9.45, 4.26],
            "poor_thousands": [1.0, 2.0, 3.0, 4.0],
        }
    )
    rank = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": 3573,
                "period": "2023",
                "stated_rank": 2,
                "descending": True,
            }
        ]
    )
    with pytest.raises(
        ValueError,
        match=r"pairs not in `data`: \(3573, '2023'\): `statements` column "
        r"'period' holds '2023' \(of type str\), which is not in `data`, whose "
        r"column 'period' holds 2023 of type int: write it as `data` does",
    ):
        check_statements(rank, data, unit="percent", persons_per_poor_unit=1000)
    for kind, extra in (
        (
            "change",
            {"stated": 0.11, "stated_as": "points", "decimals": 2},
        ),
        ("direction", {}),
    ):
        st_ = pd.DataFrame(
            [
                {
                    "kind": kind,
                    "region": 3573,
                    "period_before": "2022",
                    "period_after": 2023,
                    "direction": "fall",
                    **extra,
                }
            ]
        )
        with pytest.raises(
            ValueError,
            match=r"`statements` periods must be written as `data` writes them: "
            r"row 0 column 'period_before' holds '2022' \(of type str\), but "
            r"`data` column 'period' holds 2022 of type int",
        ):
            check_statements(st_, data, unit="percent", persons_per_poor_unit=1000)
    # A year that is simply absent gets no type hint, but the nearest year.
    absent = rank.assign(period=[2019])
    with pytest.raises(
        ValueError,
        match=r"pairs not in `data`: \(3573, 2019\): `data` has no rows at 2019 "
        r"\(nearest periods: 2022\)$",
    ):
        check_statements(absent, data, unit="percent", persons_per_poor_unit=1000)


def test_consistency_reason_shows_the_gap_that_decides() -> None:
    # By hand: 4.4955 (4 decimals) of 100 (10 decimals) is 4.4955 %, the
    # ratio lying in (4.49545 / 100.00000000005, 4.49555 / 99.99999999995),
    # about (4.4954, 4.4956) %; the published 5 % (0 decimals) stands for
    # [4.5, 5.5): no overlap. At 2 decimals both ends would show as 4.50 %,
    # (the upper end rounded up), which looks consistent; they are shown to 3
    # (4.495 and 4.496).
    res = check_consistency(
        5.0,
        4.4955,
        100.0,
        unit="percent",
        rate_decimals=0,
        headcount_decimals=4,
        population_decimals=10,
    )
    assert res.verdict == NOT_HOLDS
    assert str(res.reason) == (
        "headcount / population = 4.496 % (between 4.495 % and 4.496 % given "
        "the rounding, ends rounded outward), against a published rate of 5 %, "
        "which stands for "
        "[4.5 %, 5.5 %)"
    )


_SHOWN = re.compile(
    r"between (?P<lo>[\d,.]+|inf) % and (?P<hi>[\d,.]+|inf) % .*"
    r"stands for \[(?P<rlo>[\d,.]+) %, (?P<rhi>[\d,.]+) %\)"
)


@given(
    st.integers(1, 10_000),
    st.integers(1, 400),
    st.integers(0, 10_000),
    st.integers(-1, 4),
    st.integers(0, 4),
    st.integers(-2, 4),
)
def test_consistency_reason_bounds_show_which_side_they_lie(
    rate_units: int, h_units: int, n_extra: int, rd: int, hd: int, nd: int
) -> None:
    # Invariant: the shown range's ends differ when the range has width, and
    # a range wholly below the rate's interval [r-, r+) shows its upper end
    # below r- (one from r+ up shows its lower end at r+ or above).
    rate = min(rate_units * 10.0**-rd, 100.0) if rd >= 0 else 10.0 * (rate_units % 10)
    h = round_half_up(h_units * 10.0**-hd, hd)
    n = round_half_up(h + n_extra * 10.0**-nd + 10.0**-nd, nd)
    res = check_consistency(
        rate,
        h,
        n,
        unit="percent",
        rate_decimals=rd,
        headcount_decimals=hd,
        population_decimals=nd,
    )
    m = _SHOWN.search(str(res.reason))
    assert m is not None
    lo_s, hi_s, rlo, rhi = (
        float(m[g].replace(",", "")) for g in ("lo", "hi", "rlo", "rhi")
    )
    lo, hi = (
        float(res.figures["implied_rate_lower"]),
        float(res.figures["implied_rate_upper"]),
    )
    if lo < hi:
        assert lo_s < hi_s
    # The ends are rounded outward: the shown range holds the exact one
    # (headcount and population each within half a unit of their last
    # decimal, the headcount never below 0), so a range that meets the
    # rate's interval is shown meeting it.
    half_h = Fraction(1, 2) / Fraction(10) ** hd
    half_n = Fraction(1, 2) / Fraction(10) ** nd
    h_x, n_x = Fraction(repr(float(h))), Fraction(repr(float(n)))
    lo_x = max(h_x - half_h, Fraction(0)) * 100 / (n_x + half_n)
    assert Fraction(m["lo"].replace(",", "")) <= lo_x
    if n_x - half_n > 0:
        hi_x = (h_x + half_h) * 100 / (n_x - half_n)
        assert Fraction(m["hi"].replace(",", "")) >= hi_x
    if res.verdict == HOLDS:
        assert lo_s < rhi
        assert hi_s > rlo
    if res.verdict == NOT_HOLDS and hi < rlo:
        assert hi_s < rlo
    if res.verdict == NOT_HOLDS and lo >= rhi:
        assert lo_s >= rhi


@pytest.mark.parametrize(
    ("levels_decimals", "where"),
    [
        (np.ma.array([2, 9], mask=[False, True]), r"masked entry at index \[1\]"),
        (
            np.ma.array([2], mask=[True]).reshape(()),
            r"masked entry \(the scalar given\)",
        ),
        (pd.array([2, None], dtype="Int64"), r"found one at index \[1\]"),
        (pl.Series([2, None]), r"found one at index \[1\]"),
        ([2, None], r"found one at index \[1\]"),
        (np.array([2.0, np.nan]), r"found one at index \[1\]"),
    ],
)
def test_change_statements_refuse_missing_levels_decimals(
    levels_decimals: Any, where: str
) -> None:
    # A missing entry of `levels_decimals` is never read as its hidden value
    # (the masked 9 would judge 2.00 points as a 9-decimal figure): refused,
    # naming the entry, for the rate and the level checks alike.
    args = ([10.0, 11.0], [12.0, 12.5], [2.0, 1.5])
    with pytest.raises(
        ValueError, match=r"`levels_decimals` must not hold missing.*" + where
    ):
        check_change_statement(
            *args,
            direction="rise",
            stated_as="points",
            unit="percent",
            decimals=2,
            levels_decimals=levels_decimals,
        )
    with pytest.raises(
        ValueError, match=r"`levels_decimals` must not hold missing.*" + where
    ):
        check_level_change_statement(
            *args,
            direction="rise",
            stated_as="units",
            decimals=2,
            levels_decimals=levels_decimals,
        )
    # The same values unmasked are read: 10 -> 12 is a rise of 2.00 points.
    ok = check_change_statement(
        *args,
        direction="rise",
        stated_as="points",
        unit="percent",
        decimals=2,
        levels_decimals=np.ma.array([2, 2], mask=[False, False]),
    )
    assert ok.verdict.tolist() == ["holds", "holds"]


def test_check_statements_hints_whole_float_keys_against_text_keys() -> None:
    # A float column of codes or years (3573.0, 2023.0: what a column with
    # a missing cell becomes) against text ones in `data` gets the same hint
    # as the int 3573 does; 3573.5 is no written form of '3573'.
    data = pd.DataFrame(
        {
            "region_code": ["3507", "3573"] * 2,
            "period": ["2022", "2022", "2023", "2023"],
            "poverty_rate_pct": [9.8, 4.37, 9.45, 4.26],
            "poor_thousands": [1.0, 2.0, 3.0, 4.0],
        }
    )

    def rank(region: object, period: object) -> pd.DataFrame:
        row = {
            "kind": "rank",
            "region": region,
            "period": period,
            "stated_rank": 2,
            "descending": True,
        }
        return pd.DataFrame([row])

    with pytest.raises(
        ValueError,
        match=r"region_code 3573\.0 \(of type float\) is not in `data`, which "
        r"holds '3573' of type str: write it as `data` does",
    ):
        check_statements(
            rank(3573.0, "2023"), data, unit="percent", persons_per_poor_unit=1000
        )
    with pytest.raises(
        ValueError,
        match=r"'period' holds 2023\.0 \(of type float\), which is not in "
        r"`data`, whose column 'period' holds '2023' of type str: write it",
    ):
        check_statements(
            rank("3573", 2023.0), data, unit="percent", persons_per_poor_unit=1000
        )
    with pytest.raises(ValueError, match=r"3573\.5 is not in `data` at all"):
        check_statements(
            rank(3573.5, "2023"), data, unit="percent", persons_per_poor_unit=1000
        )


@pytest.mark.parametrize(
    ("exactly", "tail"),
    [
        (False, "; the 3 named do not fit in 2 places"),
        (True, "; 3 regions are named for a set of 2"),
    ],
)
def test_check_top_statement_reason_has_no_empty_clause(
    exactly: bool, tail: str
) -> None:
    # Three named for two places on 9, 8, 8, 7: no region outside them ranks
    # above one of them, so no clause lists the (empty) regions above; the
    # reason says only why three do not fit. B and C tie for 2nd-3rd.
    res = check_top_statement(
        [9.0, 8.0, 8.0, 7.0],
        ["A", "B", "C", "D"],
        members=["A", "B", "C"],
        k=2,
        descending=True,
        exactly=exactly,
    )
    assert res.verdict == "does not hold"
    reason = str(res.reason)
    assert reason.endswith(tail)
    assert "()" not in reason
    assert ": ;" not in reason
    assert not reason.rstrip().endswith(":")


def test_reasons_show_huge_figures_as_their_shortest_decimal() -> None:
    # 50 % of 1e300 is 5e299: written as 1 and 300 zeros and 5 and 299
    # zeros (grouped), not the binary expansion of the float 1e300
    # (1,000,000,000,000,000,052,504,...).
    res = check_count_statement(50.0, 1e300, 5e299, unit="percent", decimals=0)
    base = "1" + ",000" * 100
    half = "500" + ",000" * 99
    assert str(res.reason) == f"50.00 % of {base} is {half}, which rounds to {half}"


def test_check_rank_statement_shows_the_value_at_its_decimals() -> None:
    # Whole values (counts) show whole: 425, not 425.00; values of 1
    # decimal show 2 at least (4.30), unless values_decimals says 1 (4.3).
    def reason(values: list[float], **kw: Any) -> str:
        res = check_rank_statement(
            values, ["A", "B", "C"], subject="A", stated_rank=1, descending=True, **kw
        )
        return str(res.reason)

    assert reason([425.0, 300.0, 200.0]).startswith("A (425) ranks 1 of 3")
    assert reason([4.3, 3.0, 2.0]).startswith("A (4.30) ranks 1 of 3")
    assert reason([4.3, 3.0, 2.0], values_decimals=1).startswith("A (4.3) ranks")
    assert reason([425.0, 300.0, 200.0], values_decimals=2).startswith("A (425.00)")


def test_rank_values_show_their_own_decimals_up_to_ten() -> None:
    # 0.12345678 shows 8 decimals (documented: values_decimals=None is the
    # most any value shows, up to 10). A stated 0.12345679 (8 decimals) is
    # then not its value: does not hold, as with values_decimals=8 given.
    # Read as 6 decimals before, it was "published as 0.123457": cannot tell.
    kw: dict[str, Any] = {"subject": "a", "stated_rank": 2, "descending": True}
    values, names = [0.12345678, 0.5], ["a", "b"]
    for shown in (None, 8):
        r = check_rank_statement(
            values, names, stated_value=0.12345679, value_decimals=8,
            values_decimals=shown, **kw,
        )  # fmt: skip
        assert str(r.verdict) == "does not hold"
        assert "its value is 0.12345678, not 0.12345679" in str(r.reason)
    # Decimal values of scale 10 show 8 decimals (trailing zeros unseen).
    dec = [decimal.Decimal("0.1234567800"), decimal.Decimal("0.5")]
    r = check_rank_statement(
        np.array(dec, dtype=object), names, stated_value=0.12345678,
        value_decimals=8, **kw,
    )  # fmt: skip
    assert str(r.verdict) == "holds"
    # Two values equal at 6 decimals are shown apart, at their own 8.
    r = check_rank_statement([0.12345678, 0.12345679], names, **kw)
    assert str(r.reason).startswith("a (0.12345678) ranks 2 of 2")
    # Computed values (100 * 3 / 7 = 42.857142857142854, more than 10
    # decimals) are taken as given and shown as given: 42.86 (2 decimals)
    # is its rounding, so the stated value matches.
    r = check_rank_statement(
        [100 * 3 / 7, 12.5], names, subject="a", stated_rank=1, descending=True,
        stated_value=42.86, value_decimals=2,
    )  # fmt: skip
    assert str(r.verdict) == "holds"
    assert "a (42.857142857142854) ranks 1" in str(r.reason)


def test_rank_noise_is_removed_but_distinct_figures_rank_apart() -> None:
    # As documented: 0.1 + 0.2 (0.30000000000000004) is float noise on 0.3,
    # within 2**-40 of its size of its 10-decimal rounding: it ties with
    # 0.3 (both rank 1 under "min"). 0.30000000001 differs from 0.3 by
    # 1e-11, about 2**-35 of its size: not noise, it ranks above 0.3. It is
    # a computed value, taken as given, while the figure 0.3 (1 decimal)
    # stands for [0.25, 0.35), which holds it: the figures do not decide
    # which is higher, so "b ranks 1" cannot be told (rank 2 as they stand).
    kw: dict[str, Any] = {"subject": "b", "stated_rank": 1, "descending": True}
    tied = check_rank_statement([0.1 + 0.2, 0.3], ["a", "b"], **kw)
    assert str(tied.verdict) == "holds"
    apart = check_rank_statement([0.30000000001, 0.3], ["a", "b"], **kw)
    assert str(apart.verdict) == "cannot tell"
    assert apart.figures["rank"] == 2.0
    # Two computed values stand for themselves: they rank apart.
    both = check_rank_statement([0.30000000001, 0.30000000002], ["a", "b"], **kw)
    assert str(both.verdict) == "holds"


def test_check_statements_reads_a_computed_rate_column_as_given() -> None:
    # A rate of 100 * 3 / 7 = 42.857142857142854 % (computed, 15 decimals):
    # no published precision, taken as given (documented: the column's
    # decimals are the most its figures show, up to 10). A ranks 1 (42.86 >
    # 12.5); it fell 42.857142857142854 - 12.5 = 30.357142857142854 points,
    # 30.36 at 2 decimals. Refused before, naming `values_decimals` and
    # `before`, arguments check_statements does not have.
    third = 100 * 3 / 7
    data = pd.DataFrame(
        {
            "region_code": ["A", "B", "A"],
            "period": [2023, 2023, 2022],
            "poverty_rate_pct": [12.5, third, third],
            "poor_thousands": [1.0, 2.0, 1.0],
        }
    )
    # A: 42.857... in 2022, 12.5 in 2023; B: 42.857... in 2023.
    # The published 12.5 (the column's 1 decimal) stands for [12.45, 12.55),
    # the computed rate for itself: the true fall lies in (30.3071, 30.4071),
    # which 30.36 ([30.355, 30.365)) meets but does not fix: cannot tell.
    # Its ends are no decimals: shown rounded inward, at 3 decimals since at
    # 2 the upper one (30.40) would put 30.405, where the interval of 30.41
    # begins, between it and the true end: 30.308 and 30.407.
    st = pd.DataFrame(
        {"kind": ["rank", "change"], "region": ["B", "A"],
         "period": [2023, None], "stated_rank": [1, None],
         "descending": [True, None], "period_before": [None, 2022],
         "period_after": [None, 2023], "stated": [None, 30.36],
         "direction": [None, "fall"], "stated_as": [None, "points"],
         "decimals": [None, 2]}
    )  # fmt: skip
    out = check_statements(st, data, unit="percent", persons_per_poor_unit=1000)
    assert out["verdict"].tolist() == ["holds", "cannot tell"]
    assert "B (42.857142857142854) ranks 1 of 2" in out["reason"].iloc[0]
    assert (
        "the true fall lies between 30.308 and 30.407 points" in out["reason"].iloc[1]
    )


def test_rank_subject_messages_name_the_near_label_and_read_well() -> None:
    # "Kota Batu " (trailing space) and "KOTA BATU" are not labels, but
    # differ from "Kota Batu" only in case or spaces: the message says so.
    names = ["Kota Batu", "Kota Malang"]
    kw: dict[str, Any] = {"stated_rank": 1, "descending": True}
    for typed in ("Kota Batu ", "KOTA BATU", "kota  batu"):
        with pytest.raises(
            ValueError,
            match=r"not among `labels` \(it differs only in case or spaces from "
            r"'Kota Batu'",
        ):
            check_rank_statement([1.0, 2.0], names, subject=typed, **kw)
    with pytest.raises(ValueError, match=r"not among `labels`$"):
        check_rank_statement([1.0, 2.0], names, subject="Kota Blitar", **kw)
    with pytest.raises(ValueError, match=r"3 is an int, but `labels` are"):
        check_rank_statement([1.0, 2.0], names, subject=3, **kw)


def test_tuple_labels_are_refused_as_not_one_label() -> None:
    # [('a', 1), ('a', 2)] becomes a 2 x 2 array: four labels for two
    # values. Refused, saying what a label must be and how to join it.
    with pytest.raises(TypeError, match=r"one label .* shape \(2, 2\).*\('a', 1\)"):
        check_rank_statement(
            [1.0, 2.0], [("a", 1), ("a", 2)], subject="a 1", stated_rank=1,
            descending=True,
        )  # fmt: skip


def test_text_numbers_get_the_parse_numbers_hint_everywhere() -> None:
    # '13,65' is 13.65 written with a decimal comma: every entry point that
    # takes numbers names povstat.parse_numbers and locale='id'.
    hint = r"povstat\.parse_numbers \(e\.g\. locale='id'"
    kw: dict[str, Any] = {"subject": "a", "stated_rank": 1, "descending": True}
    with pytest.raises(TypeError, match=rf"`values` must be numeric.*{hint}"):
        check_rank_statement(["13,65", "2,1"], ["a", "b"], **kw)
    with pytest.raises(TypeError, match=rf"`values` .*non-numbers; .*{hint}"):
        check_rank_statement(np.array(["13,65", 2.0], dtype=object), ["a", "b"], **kw)
    with pytest.raises(TypeError, match=rf"`stated_value` must be numeric.*{hint}"):
        check_rank_statement(
            [1.0, 2.0], ["a", "b"], stated_value="19,35",  # type: ignore[arg-type]
            value_decimals=2, **kw,
        )  # fmt: skip
    df = pd.DataFrame({"region_code": ["a", "b"], "poverty_rate_pct": ["13,65", "2,1"]})
    # A frame's column: povstat.parse_columns, named with the column.
    columns = (
        r"povstat\.parse_columns \(e\.g\. "
        r"parse_columns\(df, \['poverty_rate_pct'\], locale='id'\)"
    )
    for frame in (df, pl.from_pandas(df)):
        with pytest.raises(TypeError, match=rf"argument `rate`.*{columns}"):
            with_ranks(frame, descending=True)
