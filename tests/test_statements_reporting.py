"""What the statement checks say: regions left out of a rank, a stated value
in the other unit, a text measure, rows at fault, a cell at its decimals."""

from __future__ import annotations

import re
import warnings
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat.datasets import load_east_java
from povstat.statements import (
    check_consistency,
    check_rank_statement,
    check_statements,
)
from povstat.tracing import trace_figure
from statement_frames import IGNORE_READING_WARNING


def _kab_kota() -> pd.DataFrame:
    df = load_east_java()
    keep = df["region_type"].isin(["kabupaten", "kota"]) & (df["month"] == 3)
    return df[keep][["region_name", "year", "poverty_rate_pct", "poor_thousands"]]


_EJ: dict[str, Any] = {
    "region": "region_name",
    "period": "year",
    "persons_per_poor_unit": 1000,
}


# -- 1. a competitor with no row at the ranked period ------------------------

# By hand: at 2023, A 4.0, B 5.0 (group x) and F 6.0 (group y; F was in x in
# 2022: it moved group). C has rows in 2021, 2022 and 2024 (a gap at 2023),
# D, in group "y", in 2021 and 2022 only (rows only before), E in 2024 only
# (created later: rows only after); rates at 1 decimal. A is 1 of 3 from the
# lowest (1 of 2 in group x): holds. Not ranked: C, D, E (C and E in group
# x; F has a row at 2023, in group y, so it is not absent); the warning
# names the gap alone (C).
_GONE = pd.DataFrame(
    [
        ("A", 2021, 4.5, "x"),
        ("B", 2021, 5.5, "x"),
        ("C", 2021, 3.5, "x"),
        ("D", 2021, 8.0, "y"),
        ("A", 2022, 4.2, "x"),
        ("B", 2022, 5.2, "x"),
        ("C", 2022, 3.0, "x"),
        ("D", 2022, 9.0, "y"),
        ("F", 2022, 6.2, "x"),
        ("A", 2023, 4.0, "x"),
        ("B", 2023, 5.0, "x"),
        ("F", 2023, 6.0, "y"),
        ("C", 2024, 3.1, "x"),
        ("E", 2024, 2.0, "x"),
    ],
    columns=["region", "period", "rate", "group"],
).assign(poor=10.0)
_RANK_A = pd.DataFrame(
    [{"kind": "rank", "region": "A", "period": 2023, "stated_rank": 1}]
).assign(descending=False)

#: Small frames of made-up rates whose figures need different decimals:
#: the warning on the rate column's decimals is not what these tests check.
pytestmark = IGNORE_READING_WARNING


def _engines(df: pd.DataFrame) -> dict[str, Any]:
    import duckdb

    con = duckdb.connect()
    con.register("d", df)
    return {
        "pandas": df,
        "pandas reversed": df.iloc[::-1],
        "polars": pl.from_pandas(df),
        "polars lazy reversed": pl.from_pandas(df.iloc[::-1]).lazy(),
        "DuckDB": con.sql("select * from d"),
    }


def _check_gone(st: pd.DataFrame, data: Any, by: str | None = None) -> pd.DataFrame:
    # `data` holds the columns of `_GONE`: region, period, group, rate, poor.
    return check_statements(
        st,
        data,
        unit="percent",
        persons_per_poor_unit=1000,
        rate="rate",
        headcount="poor",
        region="region",
        by=by,
        rate_decimals=1,  # the figures of `_GONE`: 4.5, 4.2, 3.0 ...
    )


@pytest.mark.parametrize("engine", list(_engines(_GONE)))
def test_rank_names_regions_without_a_row_at_the_period(engine: str) -> None:
    data = _engines(_GONE)[engine]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = _check_gone(_RANK_A, data)
    # One warning, for the gap (C) alone.
    assert [str(w.message) for w in caught if w.category is UserWarning] == [
        "rank statements in `statements` rows [0] are ranked among the rows of "
        "`data` at their period; regions with rows before and after that period "
        "but none at it (a gap) are not ranked (C). If they existed then, give "
        "them a row with a missing rate: the statement is then 'cannot tell' "
        "where their value could change it"
    ]
    assert out["verdict"].tolist() == ["holds"]
    assert out["reason"].iloc[0] == (
        "A (4.0) ranks 1 of 3 from the lowest (ties: min); not ranked: 3 "
        "regions of `data` with no row at 2023: C (rows before and after it); "
        "D (rows only before it); E (rows only after it)"
    )


@pytest.mark.parametrize("engine", list(_engines(_GONE)))
def test_rank_by_group_names_only_absent_regions_of_the_group(engine: str) -> None:
    # F moved from group x to y and has a row at 2023: ranked in y, not
    # absent from x (a row for it in x would be a duplicate key); D is of y.
    with pytest.warns(UserWarning, match=r"not ranked \(C\)") as caught:
        out = _check_gone(_RANK_A, _engines(_GONE)[engine], by="group")
    assert not any("F" in str(w.message) for w in caught)
    assert out["reason"].iloc[0] == (
        "A (4.0) ranks 1 of 2 from the lowest (ties: min); not ranked: 2 "
        "regions of `data` in the same 'group' group with no row at 2023: "
        "C (rows before and after it); E (rows only after it)"
    )


def test_rank_region_moved_group_is_not_absent() -> None:
    # By hand: C is in x in 2022 and in y in 2023; A's 2023 rank in x is 1 of
    # 2 (A 4.1, B 5.1) and says nothing of C, with no warning.
    df = pd.DataFrame(
        {
            "region_code": ["A", "B", "C", "A", "B", "C"],
            "period": [2022] * 3 + [2023] * 3,
            "grp": ["x", "x", "x", "x", "x", "y"],
            "poverty_rate_pct": [4.0, 5.0, 6.0, 4.1, 5.1, 3.0],
            "poor_thousands": [1.0] * 6,
        }
    )
    st = _RANK_A
    for data in _engines(df).values():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            out = check_statements(
                st,
                data,
                unit="percent",
                persons_per_poor_unit=1000,
                by="grp",
                rate_decimals=1,
            )
        assert (
            out["reason"].iloc[0] == "A (4.1) ranks 1 of 2 from the lowest (ties: min)"
        )


def _indonesia_scopes() -> pd.DataFrame:
    from povstat.datasets import load_indonesia

    d = load_indonesia()
    d = d[d["area"] == "total"].rename(columns={"region_name": "region"})
    kab = d["region_type"].isin(["kabupaten", "kota"])
    # As in examples/statements_east_java.py: provinces together, and the
    # kabupaten and kota of each province together.
    return d.assign(
        scope=d["region_type"].where(~kab, d["province_name"] + " kab/kota")
    )


def _indonesia_rank_reason(region: str, period: str, stated_rank: int) -> str:
    # One rank statement (lowest first) checked within its scope, with no
    # warning; the reason given for it.
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": region,
                "period": pd.Timestamp(period),
                "stated_rank": stated_rank,
                "descending": False,
            }
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = check_statements(
            st,
            _indonesia_scopes(),
            unit="percent",
            region="region",
            persons_per_poor_unit=1000,
            by="scope",
        )
    return str(out["reason"].iloc[0])


def test_rank_papua_regencies_moved_province_not_absent() -> None:
    # UU 14, 15 and 16/2022 moved 20 regencies of Papua to Papua Selatan,
    # Papua Tengah and Papua Pegunungan; Papua keeps 8 kabupaten and Kota
    # Jayapura: 9 ranked in 2025, and the 20 are ranked in their new
    # provinces, not absent.
    reason = _indonesia_rank_reason("Kota Jayapura", "2025-03-01", 1)
    assert " of 9 " in reason
    assert "not ranked" not in reason


@pytest.mark.parametrize("period", ["2015-03-01", "2019-09-01", "2021-03-01"])
def test_rank_provinces_before_2022_no_warning(period: str) -> None:
    # The four provinces created in 2022 (first figures: March 2024 in
    # `load_indonesia`) have rows only after 2015-2021: named, not warned
    # about; 34 provinces ranked then.
    reason = _indonesia_rank_reason("Jawa Timur", period, 19)
    assert " of 34 " in reason
    assert reason.endswith(
        "not ranked: 4 regions of `data` in the same 'scope' group with no "
        f"row at {period}: Papua Barat Daya, Papua Pegunungan, Papua Selatan "
        "and 1 more (rows only after it)"
    )


def test_rank_every_region_present_no_warning_and_nan_cannot_tell() -> None:
    # At 2022 all of A, B, C, F are in group x (D in "y"; E has rows only
    # after 2022: named, not warned about).
    st = _RANK_A.assign(period=2022)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = _check_gone(st, _GONE, by="group")
    # By hand: 2022 in group x: C 3.0, A 4.2, B 5.2, F 6.2 -> A ranks 2, not 1.
    assert out["verdict"].tolist() == ["does not hold"]
    assert out["reason"].iloc[0].endswith("2022: E (rows only after it)")
    # A row with a missing rate is a competitor without a value: cannot tell.
    nan = _GONE.assign(rate=np.where(_GONE["region"].eq("C"), np.nan, _GONE["rate"]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = _check_gone(st, nan, by="group")
    assert out["verdict"].tolist() == ["cannot tell"]


def test_rank_east_java_dropped_row_named() -> None:
    # BPS: Kota Batu 3.31 % in March 2023, the lowest; without its row Kota
    # Malang (4.26) is the lowest of 37, and the reason says Kota Batu is out.
    d = _kab_kota()
    absent = d[~(d["region_name"].eq("Kota Batu") & d["year"].eq(2023))]
    st = pd.DataFrame(
        [{"kind": "rank", "region": "Kota Malang", "period": 2023, "stated_rank": 1}]
    ).assign(descending=False)
    with pytest.warns(UserWarning, match="Kota Batu"):
        out = check_statements(st, absent, unit="percent", **_EJ)
    assert out["verdict"].tolist() == ["holds"]
    assert "ranks 1 of 37" in out["reason"].iloc[0]
    # Kota Batu has rows in 2022 and 2024: a gap at 2023.
    assert (
        out["reason"]
        .iloc[0]
        .endswith("no row at 2023: Kota Batu (rows before and after it)")
    )


# -- 2. a stated value in the other unit -------------------------------------


@pytest.mark.parametrize(
    ("scale", "unit", "stated", "decimals", "power", "words"),
    [
        # BPS: Kota Malang 4.26 % (March 2023); as a fraction 0.0426.
        (0.01, "fraction", 4.26, 2, 2, "multiplied by 100"),
        (1.0, "percent", 0.0426, 4, -2, "divided by 100"),
    ],
)
def test_rank_stated_value_in_the_other_unit_is_named(
    scale: float, unit: str, stated: float, decimals: int, power: int, words: str
) -> None:
    d = _kab_kota()
    d = d.assign(poverty_rate_pct=(d["poverty_rate_pct"] * scale).round(4))
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Kota Malang",
                "period": 2023,
                "stated_rank": 2,
                "descending": False,
                "stated_value": stated,
                "value_decimals": decimals,
            }
        ]
    )
    out = check_statements(st, d, unit=unit, **_EJ)  # type: ignore[arg-type]
    assert out["verdict"].tolist() == ["does not hold"]
    reason = out["reason"].iloc[0]
    assert f"misread by a factor of 100: the published figure {words}" in reason
    assert f"`stated_value` is in the unit of `rate` (unit={unit!r})" in reason
    assert "would rank" not in reason
    # The array check: the power is a figure of the result.
    v = d[d["year"] == 2023]
    res = check_rank_statement(
        v["poverty_rate_pct"].to_numpy(),
        v["region_name"].to_numpy(),
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
        stated_value=stated,
        value_decimals=decimals,
    )
    assert res.figures["stated_value_power"] == power
    assert "`stated_value` is in the unit of `values`" in str(res.reason)


def test_rank_stated_value_simply_wrong_keeps_its_rank() -> None:
    # By hand: values 3.31, 4.26, 4.65; 4.50 stated for the 4.26 is no power
    # of ten of it (0.426, 42.6, ...): it would rank 2 of 3 (after 3.31).
    res = check_rank_statement(
        [3.31, 4.26, 4.65],
        ["a", "b", "c"],
        subject="b",
        stated_rank=2,
        descending=False,
        stated_value=4.50,
        value_decimals=2,
    )
    assert str(res.verdict) == "does not hold"
    assert res.figures["stated_value_power"] == 0
    assert "(4.50 would rank 2, ties: min)" in str(res.reason)


# -- 3. a text measure column ------------------------------------------------

_TEXT = pd.DataFrame(
    {
        "region_code": ["A", "B", "A", "B"],
        "period": [2023, 2023, 2022, 2022],
        "poverty_rate_pct": [4.26, 12.5, 4.37, 12.0],
        "poor_thousands": [37.78, 2.0, 38.0, 2.1],
        "p1": ["0,61", "1,20", "0,70", "1,10"],
    }
)


_FIG = {
    "kind": "figure",
    "region": "A",
    "period": 2023,
    "measure": "p1",
    "stated": 0.61,
    "decimals": 2,
}
_LC = {
    "kind": "level_change",
    "region": "A",
    "period_before": 2022,
    "period_after": 2023,
    "stated": 0.09,
    "direction": "fall",
    "stated_as": "units",
    "decimals": 2,
    "measure": "p1",
}


@pytest.mark.parametrize("row", [_FIG, dict(_LC, stated=1, decimals=0)])
def test_text_measure_is_a_type_error_with_the_hint(row: dict[str, Any]) -> None:
    with pytest.raises(
        TypeError,
        match=rf"row 0 \(kind '{row['kind']}'\): `data` column 'p1' \(argument "
        r"`measure`\) must be numeric, got str; .*parse_numbers",
    ):
        check_statements(
            pd.DataFrame([row]), _TEXT, unit="percent", persons_per_poor_unit=1000
        )


def test_trace_figure_text_column_hints_parse_numbers() -> None:
    with pytest.raises(ValueError, match=r"'p1' must be numeric.*parse_numbers"):
        trace_figure(_TEXT, 0.61, decimals=2, subject="A", at=2023, measure="p1")


# -- 4. every row at fault named once -----------------------------------------


def test_wrong_type_periods_name_every_row_once() -> None:
    d = _kab_kota()
    d = d.assign(year=d["year"].astype(str))
    c = {
        "kind": "change",
        "region": "Kota Malang",
        "period_before": 2022,
        "period_after": 2023,
        "stated": 0.11,
        "direction": "fall",
        "stated_as": "points",
        "decimals": 2,
    }
    rows = [
        c,
        dict(c, stated=2.5, stated_as="percent", decimals=1),
        {
            "kind": "rank",
            "region": "Kota Batu",
            "period": 2023,
            "stated_rank": 1,
            "descending": False,
        },
        c,
        {
            "kind": "figure",
            "region": "Kota Batu",
            "period": 2023,
            "measure": "poor_thousands",
            "stated": 7.1,
            "decimals": 1,
        },
        {
            "kind": "direction",
            "region": "Kota Batu",
            "period_before": 2022,
            "period_after": 2023,
            "direction": "fall",
        },
    ]
    for order in (rows, rows[::-1]):
        st = pd.DataFrame(order)
        with pytest.raises(ValueError, match="pairs not in `data`") as err:
            check_statements(st, d, unit="percent", **_EJ)
        text = str(err.value)
        assert text.startswith(
            "`statements` rows [0, 1, 2, 3, 4, 5] (kinds ['change', 'direction', "
            "'figure', 'rank']) refer to (region, period) pairs not in `data`: "
        )
        # Four pairs, each named once with its rows.
        for pair in (
            "('Kota Malang', 2022)",
            "('Kota Malang', 2023)",
            "('Kota Batu', 2022)",
            "('Kota Batu', 2023)",
        ):
            assert text.count(pair) == 1
        malang = [i for i, r in enumerate(order) if r["region"] == "Kota Malang"]
        assert f"('Kota Malang', 2022) (rows {malang})" in text
        assert "holds '2022' of type str" in text


# -- 5. a cell at its own decimals -------------------------------------------


def test_trace_writes_a_cell_at_its_own_decimals() -> None:
    df = pd.DataFrame(
        {
            "region_code": ["A", "B"],
            "period": [2023, 2023],
            "poverty_rate_pct": [4.25, 12.5],
            "poor_thousands": [37500, 1250],
        }
    )
    # The whole count 37,500, stated as 3.8 (1 decimal): no ".0" added.
    res = trace_figure(
        df, 3.8, decimals=1, subject="A", at=2023, measure="poor_thousands"
    )
    assert res.reason == "A, 2023, poor_thousands is 37,500, not 3.8; " + (
        "no cell of `data` matches it"
    )
    # Candidates too: 12.5 at 2 decimals in the rate column (12.50), the
    # count 1,250 whole (1,250 / 100 = 12.5).
    res = trace_figure(
        df, 12.5, decimals=1, subject="A", at=2023, measure="poor_thousands"
    )
    assert re.search(r"poverty_rate_pct = 12\.50 ", res.reason)
    assert "poor_thousands = 1,250 (" in res.reason


def test_figure_of_the_rate_in_the_other_unit_names_the_unit() -> None:
    # BPS: Kota Malang 4.26 % (March 2023) = 0.0426 as a fraction; 4.26
    # stated against fractions is the figure times 100.
    d = _kab_kota()
    d = d.assign(poverty_rate_pct=(d["poverty_rate_pct"] / 100).round(4))
    st = pd.DataFrame(
        [
            {
                "kind": "figure",
                "region": "Kota Malang",
                "period": 2023,
                "measure": "poverty_rate_pct",
                "stated": 4.26,
                "decimals": 2,
            }
        ]
    )
    out = check_statements(st, d, unit="fraction", **_EJ)
    assert out["verdict"].tolist() == ["does not hold"]
    assert (
        out["reason"]
        .iloc[0]
        .endswith(
            "(misread by a factor of 100: the published figure multiplied by 100) "
            "(`stated` is in the unit of `rate`, unit='fraction')"
        )
    )


@pytest.mark.parametrize(
    ("rate", "decimals", "unit", "words"),
    [
        # BPS Kota Malang 2023: 37.78 thousand poor of 886.85 thousand is
        # 4.2600 %; a rate written 0.0426 in percent is 100 times too small,
        # 0.426 ten times; 0.000426 as a fraction is 0.0426 %.
        (0.0426, 4, "percent", "multiplied by 100 it would agree"),
        (0.426, 3, "percent", "multiplied by 10 it would agree"),
        (0.000426, 6, "fraction", "multiplied by 100 it would agree"),
        (42.6, 1, "percent", "divided by 10 it would agree"),
    ],
)
def test_consistency_names_a_rate_off_by_a_power_of_ten(
    rate: float, decimals: int, unit: str, words: str
) -> None:
    res = check_consistency(
        rate,
        37.78,
        886.85,
        unit=unit,  # type: ignore[arg-type]
        rate_decimals=decimals,
        headcount_decimals=2,
        population_decimals=2,
    )
    assert str(res.verdict) == "does not hold"
    assert f"; {words} (misread by a factor of" in str(res.reason)
    assert "? is `rate` in `unit`?)" in str(res.reason)


@pytest.mark.parametrize(
    ("headcount", "headcount_decimals", "population", "population_decimals", "words"),
    [
        # BPS Kota Malang 2023 (rate 4.26 %): 37.78 thousand poor against a
        # population of 886,850 persons is 0.00426 %, the rate divided by
        # 1,000; 37,780 persons against 886.85 thousand is 4,260 %, the rate
        # multiplied by 1,000. Percent against fraction is a factor of 100,
        # so the hint names the counts' units, not `unit`.
        (
            37.78,
            2,
            886_850.0,
            0,
            "divided by 1,000 it would agree (misread by a factor of 1,000? "
            "are `headcount` and `population` in the same unit? a headcount in "
            "thousands against a population in persons makes headcount / "
            "population 1,000 times too small)",
        ),
        (
            37_780.0,
            0,
            886.85,
            2,
            "multiplied by 1,000 it would agree (misread by a factor of 1,000? "
            "are `headcount` and `population` in the same unit? a headcount in "
            "persons against a population in thousands makes headcount / "
            "population 1,000 times too large)",
        ),
    ],
)
def test_consistency_off_by_1000_asks_about_the_counts_units(
    headcount: float,
    headcount_decimals: int,
    population: float,
    population_decimals: int,
    words: str,
) -> None:
    # The same words whatever the rate's unit (4.26 % is the fraction
    # 0.0426); a factor of 100 or 10 still asks whether `rate` is in `unit`
    # (test_consistency_names_a_rate_off_by_a_power_of_ten).
    for r, u, d in ((4.26, "percent", 2), (0.0426, "fraction", 4)):
        res = check_consistency(
            r,
            headcount,
            population,
            unit=u,  # type: ignore[arg-type]
            rate_decimals=d,
            headcount_decimals=headcount_decimals,
            population_decimals=population_decimals,
        )
        assert str(res.verdict) == "does not hold"
        assert str(res.reason).endswith(f"; {words}")
        assert "is `rate` in `unit`" not in str(res.reason)


@pytest.mark.parametrize(("rate", "headcount"), [(4.27, 37.78), (0.4, 0.0)])
def test_consistency_off_but_by_no_power_of_ten_says_nothing_more(
    rate: float, headcount: float
) -> None:
    # 4.27 % against the implied 4.2594-4.2606 %: no power of ten helps.
    # 0 poor (0.00 thousand: up to 0.005) of 886.85 is 0 to 0.00056 %, a
    # range no single power of ten singles out: 0.4 % is simply off.
    res = check_consistency(
        rate,
        headcount,
        886.85,
        unit="percent",
        rate_decimals=2,
        headcount_decimals=2,
        population_decimals=2,
    )
    assert str(res.verdict) == "does not hold"
    assert "misread" not in str(res.reason)


# -- the range of headcount / population, rounded outward --------------------


@pytest.mark.parametrize(
    ("figures", "decimals", "shown"),
    [
        # By hand: 245 and 3761.7 stand for [244.5, 245.5) and [3761.65,
        # 3761.75); 244.5 / 3761.75 = 6.49963 % and 245.5 / 3761.65 =
        # 6.52638 %: down to 6.49 %, up to 6.53 %. It meets [5.5 %, 6.5 %).
        ((6.0, 245.0, 3761.7), (0, 0, 1), "between 6.49 % and 6.53 %"),
        # 108.685 / 4109.15 = 2.644951 % and 108.695 / 4109.05 = 2.645259 %:
        # down to 2.6449 %, up to 2.6453 %. It meets [2.635 %, 2.645 %).
        ((2.64, 108.69, 4109.1), (2, 2, 1), "between 2.6449 % and 2.6453 %"),
    ],
)
def test_consistency_range_shown_rounded_outward(
    figures: tuple[float, float, float], decimals: tuple[int, int, int], shown: str
) -> None:
    res = check_consistency(
        *figures,
        unit="percent",
        rate_decimals=decimals[0],
        headcount_decimals=decimals[1],
        population_decimals=decimals[2],
    )
    assert str(res.verdict) == "holds"
    assert f"({shown} given the rounding, ends rounded outward)" in str(res.reason)


# -- every statement row that shares a fault is named ------------------------

_SHARED = pd.DataFrame(
    {
        "region_code": ["A", "B", "A", "B"],
        "period": [2022, 2022, 2023, 2023],
        "poverty_rate_pct": [4.5, 12.0, 4.26, 12.5],
        "poor_thousands": [40.0, 2.1, 37.78, 2.0],
        "p1": ["0,7", "1,3", "0,61", "1,20"],
        "gk": ["1,0", "1,1", "1,2", "1,3"],
    }
)


def _check(st: pd.DataFrame, data: pd.DataFrame = _SHARED) -> pd.DataFrame:
    return check_statements(st, data, unit="percent", persons_per_poor_unit=1000)


def test_text_measure_names_every_row_that_uses_it() -> None:
    # Rows 0 (figure), 1 (level_change) and 2 (figure) all use the text p1.
    st = pd.DataFrame([_FIG, _LC, dict(_FIG, region="B")])
    with pytest.raises(
        TypeError,
        match=re.escape(
            "`statements` rows [0, 1, 2] (kinds ['figure', 'level_change']): "
            "`data` column 'p1' (argument `measure`) must be numeric"
        ),
    ):
        _check(st)


def test_measure_faults_name_every_column_and_row() -> None:
    # Row 0 on the text p1, row 1 on the text gk: both named, in row order.
    st = pd.DataFrame([_FIG, dict(_FIG, measure="gk")])
    with pytest.raises(TypeError, match=r"row 0 .*'p1'.*; `statements` row 1 .*'gk'"):
        _check(st)
    # Row 0 names a key column, row 1 a missing column, row 2 a text one:
    # a ValueError naming the three.
    st = pd.DataFrame(
        [dict(_FIG, measure="period"), dict(_FIG, measure="zz"), dict(_LC)]
    )
    with pytest.raises(ValueError, match=r"row 0 .*'period'") as err:
        _check(st)
    text = str(err.value)
    assert "row 1 (kind 'figure'): `statements` column 'measure' names 'zz'" in text
    assert "row 2 (kind 'level_change'): `data` column 'p1'" in text


def test_every_bad_after_named() -> None:
    rank = {
        "kind": "rank",
        "region": "A",
        "period": 2023,
        "stated_rank": 1,
        "descending": False,
    }
    st = pd.DataFrame([dict(rank, after="Z"), dict(rank, after="Y", stated_rank=2)])
    with pytest.raises(ValueError, match=r"row 0 .*'Z'.*; `statements` row 1 .*'Y'"):
        _check(st, _SHARED.drop(columns=["p1", "gk"]))


def test_every_bad_direction_named_across_kinds() -> None:
    st = pd.DataFrame([dict(_LC, direction="up"), dict(_LC, kind="change")])
    st.loc[1, "direction"] = "down"
    st.loc[1, "stated_as"] = "points"
    with pytest.raises(
        ValueError,
        match=re.escape(
            "`statements` of kind 'change' must have direction in ['fall', "
            "'rise']; rows [1] have ['down']; `statements` of kind "
            "'level_change' must have direction in ['fall', 'rise']; rows [0] "
            "have ['up']"
        ),
    ):
        _check(st, _SHARED.drop(columns=["p1", "gk"]))
