"""Round 14 fixes: base_rtol's scalar rule and inf, labelled values beside
labels in another order, one label for trace_figure, float32 rank keys and
numpy numbers in object columns of `data`."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.datasets import load_east_java
from povstat.frames import with_headcount
from povstat.statements import (
    check_count_statement,
    check_rank_statement,
    check_statements,
    check_top_statement,
)
from povstat.tracing import trace_figure

# --- F1, F8: base_rtol ------------------------------------------------------


@pytest.mark.parametrize("rtol", [np.inf, float("inf"), Decimal("Infinity")])
def test_an_infinite_base_tolerance_accepts_every_base(rtol: Any) -> None:
    # 10 % of 1,010,000 is 101,000 by hand: the arithmetic holds; the base
    # is 1 % larger than the rate's population of 1,000,000, within inf
    # (which once read as a tolerance of 0).
    res = check_count_statement(
        10.0,
        1_010_000,
        101_000,
        unit="percent",
        decimals=0,
        rate_population=1_000_000,
        base_rtol=rtol,
    )
    assert res.verdict == "holds"
    assert bool(res.figures["base_ok"])
    assert "inf" not in str(res.reason)
    # A base 10 times the population: 10 % of 10,000,000 is 1,000,000.
    res = check_count_statement(
        10.0,
        10_000_000,
        1_000_000,
        unit="percent",
        decimals=0,
        rate_population=1_000_000,
        base_rtol=rtol,
    )
    assert res.verdict == "holds"


@pytest.mark.parametrize("rtol", [Decimal("0.01"), Fraction(1, 100), np.float32(0.01)])
def test_base_rtol_takes_a_decimal_or_fraction_as_persons_per_poor_unit_does(
    rtol: Any,
) -> None:
    # 4.26 % of 187,000 is 7,966.2 by hand, which rounds to 8,000 at
    # thousands; a base of 1.01 times 187,000 = 188,870 is exactly 1 %
    # larger: within a tolerance of 0.01 (the decimal), so the statement
    # "about 8,000" holds.
    res = check_count_statement(
        4.26,
        188_870,
        8_000,
        unit="percent",
        decimals=-3,
        rate_population=187_000,
        base_rtol=rtol,
    )
    assert res.verdict == "holds"
    # 0.02 as a Decimal: 2 % larger is within, 3 % is not.
    res = check_count_statement(
        10.0,
        1_030_000,
        103_000,
        unit="percent",
        decimals=0,
        rate_population=1_000_000,
        base_rtol=Decimal("0.02"),
    )
    assert res.verdict == "does not hold"
    assert "beyond the tolerance of 2.00 %" in str(res.reason)


def test_base_rtol_as_an_array_is_refused_with_advice_that_works() -> None:
    base_rtol = np.array(0.01)
    with pytest.raises(TypeError, match="must be one number >= 0") as info:
        check_count_statement(
            4.26,
            187_000,
            8_000,
            unit="percent",
            decimals=-3,
            base_rtol=base_rtol,  # type: ignore[arg-type]
        )
    assert "Decimal" in str(info.value)
    assert "`base_rtol.item()`" in str(info.value)
    res = check_count_statement(
        4.26, 187_000, 8_000, unit="percent", decimals=-3, base_rtol=base_rtol.item()
    )
    assert res.verdict == "holds"  # 7,966.2 rounds to 8,000


@pytest.mark.parametrize(
    ("rtol", "error"),
    [
        ("0.01", TypeError),
        (True, TypeError),
        (Decimal("NaN"), ValueError),
        (-1, ValueError),
    ],
)
def test_base_rtol_refusals_state_the_rule(rtol: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match=r"`base_rtol` must be (one )?(a )?number >= 0"):
        check_count_statement(
            4.26, 187_000, 8_000, unit="percent", decimals=-3, base_rtol=rtol
        )


# --- F2: a labelled Series beside labels in another order -------------------


def _east_java_2023() -> tuple[pd.Series[Any], pd.DataFrame]:
    df = load_east_java()
    regs = df[df["region_type"].isin(["kabupaten", "kota"])]
    y23 = regs[regs["year"] == 2023]
    # A pivot: its index in alphabetical order; `y23` is in code order.
    w = regs.pivot(index="region_name", columns="year", values="poverty_rate_pct")  # noqa: PD010
    return w[2023], y23


def test_a_series_beside_its_labels_in_another_order_is_refused() -> None:
    values, y23 = _east_java_2023()
    labels = y23["region_name"].to_numpy()
    assert set(values.index) == set(labels)
    assert list(values.index) != list(labels)
    with pytest.raises(ValueError, match="in another order") as info:
        check_rank_statement(
            values,
            labels,
            subject="Kota Malang",
            stated_rank=2,
            descending=False,
            after="Kota Batu",
            of=38,
        )
    text = str(info.value)
    assert "`labels=values.index`" in text
    assert "`values.reindex(labels)`" in text
    with pytest.raises(ValueError, match="in another order"):
        check_top_statement(
            values, labels, members=["Kota Batu", "Kota Malang"], k=2, descending=False
        )
    with pytest.raises(ValueError, match="in another order"):
        check_rank_statement(
            values,
            pd.Index(labels),
            subject="Kota Malang",
            stated_rank=2,
            descending=False,
        )


def test_the_advice_for_a_reordered_series_works() -> None:
    # BPS: Kota Malang 4.26 % in 2023, 2nd lowest of East Java's 38
    # regencies and cities, after Kota Batu's 3.31 % (the bundled table).
    values, y23 = _east_java_2023()
    labels = y23["region_name"].to_numpy()
    pairs: list[tuple[pd.Series[Any], Any]] = [
        (values, values.index),
        (values.reindex(labels), labels),
    ]
    for v, lab in pairs:
        res = check_rank_statement(
            v,
            labels=lab,
            subject="Kota Malang",
            stated_rank=2,
            descending=False,
            after="Kota Batu",
            of=38,
        )
        assert res.verdict == "holds"
        assert float(res.figures["value"]) == 4.26
        top = check_top_statement(
            v, lab, members=["Kota Batu", "Kota Malang"], k=2, descending=False
        )
        assert top.verdict == "holds"


def test_a_series_labelled_otherwise_stays_paired_by_position() -> None:
    # Codes as the index, names as `labels`: not the same labels, so paired
    # by position as documented; Kota Malang's 4.26 is above Kota Batu's
    # 3.31: 2nd lowest.
    values = pd.Series([4.26, 3.31], index=[3573, 3579])
    res = check_rank_statement(
        values,
        ["Kota Malang", "Kota Batu"],
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
    )
    assert res.verdict == "holds"
    # The same labels in the same order pair as they are.
    values = pd.Series([4.26, 3.31], index=["Kota Malang", "Kota Batu"])
    res = check_rank_statement(
        values,
        np.array(["Kota Malang", "Kota Batu"]),
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
    )
    assert res.verdict == "holds"


# --- F3, F9: one label and powers in trace_figure ---------------------------

_TRACE: dict[str, Any] = {
    "decimals": 2,
    "subject": "Kota Malang",
    "at": 2023,
    "measure": "poverty_rate_pct",
    "region": "region_name",
    "period": "year",
}


def _one_row(df: pd.DataFrame, column: str) -> pd.Series[Any]:
    at = (df["region_name"] == "Kota Malang") & (df["year"] == 2023)
    return df.loc[at, column]


@pytest.mark.parametrize(
    ("arg", "make", "how"),
    [
        ("subject", lambda df: _one_row(df, "region_name"), "`subject.item()`"),
        ("at", lambda df: _one_row(df, "year"), "`at.item()`"),
        ("subject", lambda df: ["Kota Malang"], "`subject[0]`"),
        ("subject", lambda df: ("Kota Malang",), "`subject[0]`"),
        ("subject", lambda df: pd.Index(["Kota Malang"]), "`subject.item()`"),
        ("subject", lambda df: pd.array(["Kota Malang"]), "`subject.item()`"),
        ("subject", lambda df: np.array(["Kota Malang"]), "`subject.item()`"),
        ("measure", lambda df: pd.Series(["poverty_rate_pct"]), "`measure.item()`"),
    ],
)
def test_trace_figure_refuses_a_container_as_one_label_with_advice_that_works(
    arg: str, make: Any, how: str
) -> None:
    df = load_east_java()
    given = make(df)
    with pytest.raises(TypeError, match=f"`{arg}` must be one label") as info:
        trace_figure(df, 4.26, **{**_TRACE, arg: given})
    assert how in str(info.value)
    assert "missing" not in str(info.value)
    # Following the advice: Kota Malang 2023 is 4.26 % in the BPS table.
    one = given.item() if how.endswith(".item()`") else given[0]
    assert trace_figure(df, 4.26, **{**_TRACE, arg: one}).verdict == "holds"


def test_trace_figure_refuses_several_labels() -> None:
    df = load_east_java()
    with pytest.raises(TypeError, match="got a list of 2 values: pass one of them"):
        trace_figure(df, 4.26, **{**_TRACE, "subject": ["Kota Malang", "Kota Batu"]})


@pytest.mark.parametrize("power", [2**70, np.int64(2**53 + 1), 309, -309])
def test_trace_figure_refuses_powers_beyond_float64(power: Any) -> None:
    # 10.0**309 is inf and 10.0**-309 below float64's normal range.
    df = load_east_java()
    with pytest.raises(ValueError, match=r"`powers` must hold ints from -308 to 308"):
        trace_figure(df, 42.6, **{**_TRACE, "decimals": 1, "powers": [power]})


def test_trace_figure_takes_powers_at_float64s_ends() -> None:
    df = load_east_java()
    res = trace_figure(df, 4.26, **{**_TRACE, "powers": [-308, 308]})
    assert res.verdict == "holds"  # Kota Malang 2023: 4.26 %


def test_rank_statement_refuses_a_list_as_subject() -> None:
    with pytest.raises(TypeError, match=r"`subject` must be one label") as info:
        check_rank_statement(
            [3.31, 4.26],
            ["Kota Batu", "Kota Malang"],
            subject=["Kota Malang"],
            stated_rank=2,
            descending=False,
        )
    assert "`subject[0]`" in str(info.value)
    assert "an other" not in str(info.value)


# --- F6: float32 region codes in a rank row ---------------------------------


def test_a_rank_row_with_float32_codes_ranks_as_a_figure_row_finds_it() -> None:
    # Kabupaten Malang (35.07), Kota Malang (35.73), Kota Batu (35.79),
    # 2023 rates 9.91, 4.26, 3.31 (BPS): Kota Malang is 2nd lowest of 3,
    # after Kota Batu.
    codes = np.array([35.07, 35.07, 35.73, 35.73, 35.79, 35.79], dtype=np.float32)
    data = pd.DataFrame(
        {
            "region_code": codes,
            "period": [2022, 2023] * 3,
            "poverty_rate_pct": [10.37, 9.91, 4.37, 4.26, 3.79, 3.31],
            "poor_thousands": [268.55, 258.22, 38.66, 37.78, 8.19, 7.20],
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["rank", "rank"],
            "region": codes[[3, 3]],
            "period": [2023, 2023],
            "stated_rank": [2, 1],
            "descending": [False, False],
            "after": [codes[4], None],
        }
    )
    out = check_statements(st, data, unit="percent", persons_per_poor_unit=1000)
    assert list(out["verdict"]) == ["holds", "does not hold"]
    assert "35.73 (4.26) ranks 2 of 3" in out["reason"][0]
    assert "after 35.79" in out["reason"][0]
    assert "`subject`" not in " ".join(out["reason"])


# --- F7: numpy numbers in object columns of `data` --------------------------


@pytest.mark.parametrize(
    "cell", [np.float64(4.26), np.float32(4.26), np.int64(4), np.uint64(4)]
)
def test_object_rate_columns_of_numpy_numbers_are_read_as_numbers(cell: Any) -> None:
    # Kota Malang (3573) 2023 at 4.26 % (or 4): below Kabupaten Malang's
    # 9.91, so 1st lowest of 2; 4.26 % of 886.0 thousand is 37.7436 by hand.
    data = pd.DataFrame(
        {
            "region_code": [3507, 3507, 3573, 3573],
            "period": [2022, 2023] * 2,
            "poverty_rate_pct": pd.Series([10.37, 9.91, 4.37, cell], dtype=object),
            "poor_thousands": pd.Series(
                [268.55, 258.22, 38.66, np.float32(37.78)], dtype=object
            ),
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["rank", "figure"],
            "region": [3573, 3573],
            "period": [2023, 2023],
            "stated_rank": [1, None],
            "descending": [False, None],
            "stated": [None, 37.78],
            "measure": [None, "poor_thousands"],
            "decimals": [None, 2],
        }
    )
    out = check_statements(st, data, unit="percent", persons_per_poor_unit=1000)
    assert list(out["verdict"]) == ["holds", "holds"]
    frame = pd.DataFrame(
        {
            "rate": pd.Series([np.float32(4.26), np.float64(3.31)], dtype=object),
            "pop": [886.0, 217.0],
        }
    )
    got = with_headcount(frame, unit="percent", rate="rate", population="pop")
    # 3.31 % of 217.0 is 7.1827.
    np.testing.assert_allclose(got["headcount"], [37.7436, 7.1827], rtol=1e-12)
    assert frame["rate"].tolist()[0] == np.float32(4.26)  # not changed


@pytest.mark.parametrize("kind", [np.float64, np.float32, np.int64])
def test_survey_object_columns_of_numpy_numbers_are_read(kind: Any) -> None:
    # The same rule (`object_numbers`) for the survey adapter. Welfare below
    # the line of 125 in rows 0, 1, 3, 6, 7, weighing w * hh = 1 + 4 + 8 +
    # 3 + 8 = 24 of 1 + 4 + 3 + 8 + 1 + 4 + 3 + 8 = 32: 75 % by hand.
    from povstat import poverty_table

    cons = [90, 120, 200, 80, 130, 300, 110, 95]
    df = pd.DataFrame(
        {
            "stratum": [1, 1, 1, 1, 2, 2, 2, 2],
            "psu": [1, 1, 2, 2, 3, 3, 4, 4],
            "cons": pd.Series([kind(v) for v in cons], dtype=object),
            "line": [125.0] * 8,
            "w": [1.0, 2, 1, 2, 1, 2, 1, 2],
            "hh": [1, 2, 3, 4, 1, 2, 3, 4],
        }
    )
    out = poverty_table(
        df,
        welfare="cons",
        line="line",
        weight="w",
        size="hh",
        strata="stratum",
        psu="psu",
        unit="percent",
        alpha=0,
    )
    assert out["estimate"].tolist() == pytest.approx([75.0], rel=1e-15)
