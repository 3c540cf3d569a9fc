from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import implied_population
from povstat.datasets import load_east_java
from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_change_statement,
    check_consistency,
    check_count_statement,
    check_direction_statement,
    check_headcount_change_statement,
    check_rank_statement,
    check_statements,
)


def _regions(year: int) -> pd.DataFrame:
    df = load_east_java()
    return df[df["region_type"].isin(["kabupaten", "kota"]) & (df["year"] == year)]


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
    assert "-2.52 %" in str(res.reason)
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
        38.56, 37.78, [-0.78, 0.78, -0.9, -0.781], levels_decimals=2, stated_decimals=2
    )
    assert res.verdict.tolist()[:3] == [HOLDS, NOT_HOLDS, NOT_HOLDS]
    assert "direction is wrong" in str(res.reason[1])
    res = check_headcount_change_statement(
        38.56, 37.78, -0.781, levels_decimals=2, stated_decimals=3
    )
    assert res.verdict == HOLDS
    assert bool(res.figures["overprecise"])
    assert "more precise than the levels allow" in str(res.reason)


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
        rate="poverty_rate_pct",
        poor="poor_thousands",
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
        "poor": "poor_thousands",
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
        )
    with pytest.raises(ValueError, match="no column 'kind'"):
        check_statements(
            pd.DataFrame({"k": [1]}), data, unit="percent", persons_per_poor_unit=1
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
        )
    with pytest.raises(ValueError, match=r"need `decimals`; missing in rows \[0\]"):
        check_statements(
            pd.DataFrame(base | {"direction": ["fall"], "decimals": [None]}),
            data,
            unit="percent",
            persons_per_poor_unit=1,
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
    assert "(4.00 -> 4.05)" in str(a.reason)
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
            check_statements(st, data, unit="percent", persons_per_poor_unit=1)
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
        check_statements(st, data, unit="percent", persons_per_poor_unit=1)
