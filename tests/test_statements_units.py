"""Statement checks: fraction rates, stated decimals, period order and ties."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from povstat import implied_population, rank, round_half_up
from povstat.ranking import Ties
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
from povstat.wording import describe_rate_change

# BPS P0 Kota Malang: 4.37 % (March 2022), 4.26 % (March 2023); as fractions
# 0.0437 and 0.0426. By hand: 4.26 - 4.37 = -0.11 percentage points, i.e.
# 100 x (0.0426 - 0.0437) = -0.11 whatever the scale of the rates.


def test_fraction_change_is_in_percentage_points() -> None:
    true = check_change_statement(
        0.0437,
        0.0426,
        0.11,
        direction="fall",
        stated_as="points",
        unit="fraction",
        decimals=2,
    )
    assert true.verdict == HOLDS
    assert float(true.figures["points"]) == pytest.approx(-0.11)
    # 0.0011 is the difference of the fractions, not percentage points.
    wrong = check_change_statement(
        0.0437,
        0.0426,
        0.0011,
        direction="fall",
        stated_as="points",
        unit="fraction",
        decimals=4,
    )
    assert wrong.verdict == NOT_HOLDS
    assert "0.0011 matches neither" in str(wrong.reason)


def test_fraction_change_per_year() -> None:
    # By hand: -0.11 points over 2 years = -0.055 points a year.
    res = check_change_statement(
        0.0437,
        0.0426,
        0.055,
        direction="fall",
        stated_as="points",
        unit="fraction",
        decimals=3,
        years=2,
    )
    assert res.verdict == HOLDS
    assert "-0.055 points a year" in str(res.reason)


def test_count_reason_shows_the_rate_in_percent() -> None:
    # By hand: 4.26 % of 187,000 = 0.0426 x 187,000 = 7,966.2 -> 7,966.
    for rate, unit in ((0.0426, "fraction"), (4.26, "percent")):
        res = check_count_statement(
            rate,
            187_000,
            7966,
            unit=unit,  # type: ignore[arg-type]
            decimals=0,
        )
        assert res.verdict == HOLDS
        assert str(res.reason) == "4.26 % of 187,000 is 7,966.2, which rounds to 7,966"
    # A rate with more decimals is shown with all of them: 4.265 % of 1,000
    # is 42.65 (shown with one decimal more than the stated 43).
    res = check_count_statement(0.04265, 1000, 43, unit="fraction", decimals=0)
    assert str(res.reason) == "4.265 % of 1,000 is 42.7, which rounds to 43"


def test_level_change_names_the_rate_points_for_fractions() -> None:
    # BPS Kabupaten Tuban 171.24 -> 168.86 thousand poor; with rates 4.37 %
    # -> 4.26 % (as fractions), 0.11 is the rate's fall in points.
    for rb, ra, unit in ((0.0437, 0.0426, "fraction"), (4.37, 4.26, "percent")):
        res = check_level_change_statement(
            171.24,
            168.86,
            0.11,
            direction="fall",
            stated_as="percent",
            decimals=2,
            rate_before=rb,
            rate_after=ra,
            unit=unit,  # type: ignore[arg-type]
        )
        assert res.verdict == NOT_HOLDS
        assert str(res.figures["meaning"]) == "rate points"
        assert "(4.37 % -> 4.26 %)" in str(res.reason)


def test_direction_reason_in_percentage_points_for_fractions() -> None:
    res = check_direction_statement(0.0437, 0.0426, direction="fall", unit="fraction")
    assert res.verdict == HOLDS
    assert str(res.reason).startswith("the rate fell 0.11 points (-2.52 %)")


def test_consistency_fraction_reason_and_figures() -> None:
    # BPS Kota Malang 2024: 3.91 %, 34.84 thousand poor, population 885.271
    # thousand. By hand: 34.84 / 885.271 = 3.9355 %; rounding keeps it within
    # [34.835 / 885.2715, 34.845 / 885.2705) = [3.9350 %, 3.9361 %), which
    # misses [3.905 %, 3.915 %).
    frac = check_consistency(
        0.0391,
        34.84,
        885.271,
        unit="fraction",
        rate_decimals=4,
        headcount_decimals=2,
        population_decimals=3,
    )
    assert frac.verdict == NOT_HOLDS
    assert "= 3.9355 %" in str(frac.reason)
    assert "published rate of 3.91 %" in str(frac.reason)
    assert float(frac.figures["implied_rate"]) == pytest.approx(0.039355, abs=1e-6)


# --- Fraction and percent give the same verdicts, for every check --------

_CENT = st.integers(0, 10_000)  # a rate in hundredths of a percent


def _pair(k: int) -> tuple[float, float]:
    """A published rate of k hundredths of a percent: (percent, fraction)."""
    return k / 100, k / 10_000


@given(
    _CENT,
    _CENT,
    st.integers(0, 300),
    st.sampled_from([0, 1, 2, 3]),
    st.sampled_from(["fall", "rise"]),
    st.sampled_from(["points", "percent"]),
    st.sampled_from([None, 0.5, 1.0, 2.0, 3.5]),
)
def test_change_and_wording_same_for_fraction_and_percent(
    kb: int,
    ka: int,
    j: int,
    d: int,
    way: Literal["fall", "rise"],
    said: Literal["points", "percent"],
    years: float | None,
) -> None:
    (pb, fb), (pa, fa) = _pair(kb), _pair(ka)
    stated = j / 10**d  # a stated size written with d decimals
    kw = {"direction": way, "stated_as": said, "decimals": d, "years": years}
    in_pct = check_change_statement(pb, pa, stated, unit="percent", **kw)  # type: ignore[arg-type]
    in_frac = check_change_statement(fb, fa, stated, unit="fraction", **kw)  # type: ignore[arg-type]
    assert in_frac.verdict == in_pct.verdict
    assert in_frac.reason == in_pct.reason
    assert describe_rate_change(
        fb, fa, unit="fraction", locale="id", decimals=d
    ) == describe_rate_change(pb, pa, unit="percent", locale="id", decimals=d)
    # The same for a true statement, built from the change in points.
    true = float(round_half_up(abs(ka - kb) / 100, d)) if years is None else None
    if true is not None:
        kw["stated_as"] = "points"
        assert (
            check_change_statement(fb, fa, true, unit="fraction", **kw).verdict  # type: ignore[arg-type]
            == check_change_statement(pb, pa, true, unit="percent", **kw).verdict  # type: ignore[arg-type]
        )


@given(
    _CENT,
    _CENT,
    st.integers(0, 300),
    st.sampled_from([0, 1, 2]),
    st.sampled_from(["fall", "rise"]),
    st.sampled_from(["points", "percent", "units"]),
    st.integers(1, 5000),
    st.integers(1, 5000),
)
def test_level_change_and_direction_same_for_fraction_and_percent(
    kb: int,
    ka: int,
    j: int,
    d: int,
    way: Literal["fall", "rise"],
    said: Literal["points", "percent", "units"],
    hb: int,
    ha: int,
) -> None:
    (pb, fb), (pa, fa) = _pair(kb), _pair(ka)
    stated = j / 10**d
    level = {
        f"{u}": check_level_change_statement(
            hb / 100,
            ha / 100,
            stated,
            direction=way,
            stated_as=said,
            decimals=d,
            rate_before=rb,
            rate_after=ra,
            unit=u,  # type: ignore[arg-type]
        )
        for u, rb, ra in (("percent", pb, pa), ("fraction", fb, fa))
    }
    assert level["fraction"].verdict == level["percent"].verdict
    assert level["fraction"].reason == level["percent"].reason
    assert level["fraction"].figures["meaning"] == level["percent"].figures["meaning"]
    in_pct = check_direction_statement(
        pb, pa, hb / 100, ha / 100, direction=way, unit="percent"
    )
    in_frac = check_direction_statement(
        fb, fa, hb / 100, ha / 100, direction=way, unit="fraction"
    )
    assert in_frac.verdict == in_pct.verdict
    assert in_frac.reason == in_pct.reason


@given(
    _CENT,
    st.integers(0, 2_000_000),
    st.integers(0, 200_000),
    st.sampled_from([-3, -2, -1, 0, 1]),
    st.integers(0, 99_999),
    st.integers(1, 99_999),
    st.sampled_from([0, 1, 2]),
)
def test_count_and_consistency_same_for_fraction_and_percent(
    k: int, base: int, j: int, d: int, h: int, n: int, rd: int
) -> None:
    p, f = _pair(k)
    stated = float(round_half_up(j, d))
    if d < 0 and stated == 0:
        stated = 10.0**-d  # a figure rounded to tens or more is not 0
    in_pct = check_count_statement(p, base, stated, unit="percent", decimals=d)
    in_frac = check_count_statement(f, base, stated, unit="fraction", decimals=d)
    assert in_frac.verdict == in_pct.verdict
    assert in_frac.reason == in_pct.reason
    # A rate at rd decimals in percent has rd + 2 as a fraction.
    rp = float(round_half_up(p, rd))
    rf = float(round_half_up(rp / 100, rd + 2))
    headcount, population = h / 100, n / 10
    in_pct = check_consistency(
        rp,
        headcount,
        population,
        unit="percent",
        rate_decimals=rd,
        headcount_decimals=2,
        population_decimals=1,
    )
    in_frac = check_consistency(
        rf,
        headcount,
        population,
        unit="fraction",
        rate_decimals=rd + 2,
        headcount_decimals=2,
        population_decimals=1,
    )
    assert in_frac.verdict == in_pct.verdict
    assert in_frac.reason == in_pct.reason


@given(
    st.lists(_CENT, min_size=2, max_size=8),
    st.integers(1, 8),
    st.booleans(),
    st.integers(0, 100),
    st.sampled_from([0, 1, 2]),
)
@example([0, 5000], 1, False, 0, 0)  # 0 and 50.00: the decimals must be stated
def test_rank_top_benchmark_same_for_fraction_and_percent(
    ks: list[int], stated_rank: int, descending: bool, j: int, vd: int
) -> None:
    # These checks take no unit: the same figures / 100 at 2 more decimals
    # must give the same verdicts. The figures are published with 2
    # decimals (4 as fractions), stated so: read from the figures, 0 and
    # 50.00 would need 0 decimals where 0 and 0.5000 need 1, two different
    # precisions (50 stands for [49.5, 50.5), 0.5 for [0.45, 0.55)).
    assume(any(ks))
    pct = np.array([k / 100 for k in ks])
    frac = np.array([k / 10_000 for k in ks])
    names = [f"R{i}" for i in range(len(ks))]
    sv = float(round_half_up(pct[0], vd)) if j % 2 else j / 10**vd
    in_pct = check_rank_statement(
        pct,
        names,
        subject="R0",
        stated_rank=stated_rank,
        descending=descending,
        stated_value=sv,
        value_decimals=vd,
        values_decimals=2,
    )
    in_frac = check_rank_statement(
        frac,
        names,
        subject="R0",
        stated_rank=stated_rank,
        descending=descending,
        stated_value=float(round_half_up(sv / 100, vd + 2)),
        value_decimals=vd + 2,
        values_decimals=4,
    )
    assert in_frac.verdict == in_pct.verdict
    top = min(stated_rank, len(ks))
    assert (
        check_top_statement(
            frac, names, members=["R0"], k=top, descending=descending
        ).verdict
        == check_top_statement(
            pct, names, members=["R0"], k=top, descending=descending
        ).verdict
    )
    assert (
        check_benchmark_statement(
            frac[0], frac[1], relation="below", decimals=4
        ).verdict.tolist()
        == check_benchmark_statement(
            pct[0], pct[1], relation="below", decimals=2
        ).verdict.tolist()
    )


def _table(scale: float) -> pd.DataFrame:
    # Kota Malang 4.37 % (2022) -> 4.26 % (2023), 37.12 and 35.95 thousand
    # poor (illustrative counts); Kota Batu 3.79 % in 2023; rates / scale.
    return pd.DataFrame(
        {
            "region_code": ["Malang", "Malang", "Batu"],
            "period": [2022, 2023, 2023],
            "poverty_rate_pct": np.array([4.37, 4.26, 3.79]) / scale,
            "poor_thousands": [37.12, 35.95, 8.07],
        }
    )


_STATEMENTS = pd.DataFrame(
    {
        "kind": ["change", "change", "direction", "level_change", "rank"],
        "region": ["Malang"] * 5,
        "period_before": [2022, 2022, 2022, 2022, None],
        "period_after": [2023, 2023, 2023, 2023, None],
        "period": [None, None, None, None, 2023],
        "stated": [0.11, 0.0011, None, 0.11, None],
        "direction": ["fall", "fall", "fall", "fall", None],
        "stated_as": ["points", "points", None, "units", None],
        "decimals": [2, 4, None, 2, None],
        "stated_rank": [None, None, None, None, 2],
        "descending": [None, None, None, None, False],
    }
)


def test_check_statements_same_for_fraction_and_percent() -> None:
    # By hand: fell 0.11 points (holds); 0.0011 points (does not hold);
    # the rate and the number of poor both fell (holds); 0.11 thousand is
    # not the fall of 37.12 - 35.95 = 1.17 thousand, it is the rate's fall
    # in points (does not hold); Malang 4.26 % is 2nd lowest after Batu.
    expected = [HOLDS, NOT_HOLDS, HOLDS, NOT_HOLDS, HOLDS]
    for scale, unit in ((1.0, "percent"), (100.0, "fraction")):
        out = check_statements(
            _STATEMENTS,
            _table(scale),
            unit=unit,  # type: ignore[arg-type]
            persons_per_poor_unit=1000,
        )
        assert out["verdict"].tolist() == expected, unit


# --- Odd inputs ------------------------------------------------------------


@pytest.mark.parametrize(("before", "after"), [(2023, 2022), (2023, 2023)])
def test_check_statements_refuses_periods_out_of_order(before: int, after: int) -> None:
    for kind in ("change", "direction", "level_change"):
        st_ = _STATEMENTS.iloc[[0]].assign(
            kind=kind, period_before=before, period_after=after
        )
        with pytest.raises(
            ValueError,
            match=rf"`period_before` earlier than `period_after`.*rows \[0\].*"
            rf"\({before}, {after}\)",
        ):
            check_statements(
                st_, _table(1.0), unit="percent", persons_per_poor_unit=1000
            )


def test_check_statements_refuses_periods_that_cannot_be_ordered() -> None:
    # `data` holds years: the text period is the statements' fault.
    st_ = _STATEMENTS.iloc[[0]].assign(period_before="2022", period_after=2023)
    with pytest.raises(
        ValueError,
        match=r"must be written as `data` writes them: row \d+ column "
        r"'period_before' holds '2022' \(of type str\)",
    ):
        check_statements(st_, _table(1.0), unit="percent", persons_per_poor_unit=1000)


def test_stated_zero_with_negative_decimals_is_refused() -> None:
    # "about 0 people" rounded to millions says nothing: 7,966 would "round"
    # to it. Every check with a stated size refuses it.
    with pytest.raises(ValueError, match=r"`stated` is 0 with `decimals` = -6"):
        check_count_statement(0.0426, 187_000, 0, unit="fraction", decimals=-6)
    with pytest.raises(ValueError, match=r"`stated` is 0 with `decimals` = -1"):
        check_change_statement(
            4.37,
            4.26,
            0,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=-1,
        )
    with pytest.raises(ValueError, match=r"`stated` is 0 with `decimals` = -3"):
        check_level_change_statement(
            171_240, 168_860, 0, direction="fall", stated_as="units", decimals=-3
        )
    # check_headcount_change_statement names its own argument, stated_decimals.
    with pytest.raises(ValueError, match=r"`stated` is 0 with `stated_decimals` = -1"):
        check_headcount_change_statement(
            38.56, 37.78, 0, levels_decimals=2, stated_decimals=-1
        )
    # A non-zero figure rounded to thousands is fine: 7,966 -> 8,000.
    res = check_count_statement(0.0426, 187_000, 8000, unit="fraction", decimals=-3)
    assert res.verdict == HOLDS


def test_stated_figure_must_have_its_decimals() -> None:
    # 0.113 is not a figure written with 2 decimals; 7,966.5 not one with 0.
    with pytest.raises(ValueError, match=r"`stated` must hold figures rounded to 2"):
        check_change_statement(
            4.37,
            4.26,
            0.113,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
        )
    with pytest.raises(ValueError, match=r"`stated` must hold figures rounded to 0"):
        check_count_statement(4.26, 187_000, 7966.5, unit="percent", decimals=0)
    # Kota Malang 38.56 -> 37.78 thousand poor: -0.785 is not at 2 decimals.
    with pytest.raises(ValueError, match=r"`stated` must hold figures rounded to 2"):
        check_headcount_change_statement(
            38.56, 37.78, -0.785, levels_decimals=2, stated_decimals=2
        )
    with pytest.raises(ValueError, match=r"`stated` must hold figures rounded to 1"):
        check_level_change_statement(
            171.24, 168.86, 1.39, direction="fall", stated_as="percent", decimals=1
        )
    # Float noise from computing the figure is not a decimal: 0.1 + 0.01.
    res = check_change_statement(
        4.37,
        4.26,
        0.1 + 0.01,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert res.verdict == HOLDS


def test_direction_with_a_stated_zero() -> None:
    # 4.37 -> 4.26 fell 0.11 points, which rounds to 0 at 0 decimals: "fell
    # 0 points" has the right direction and rounding but no size.
    kw = {"stated_as": "points", "unit": "percent", "decimals": 0}
    res = check_change_statement(4.37, 4.26, 0, direction="fall", **kw)  # type: ignore[arg-type]
    assert res.verdict == UNDECIDED
    assert "direction without a size" in str(res.reason)
    # "Rose 0 points" for that fall: the direction is wrong.
    assert (
        check_change_statement(4.37, 4.26, 0, direction="rise", **kw).verdict  # type: ignore[arg-type]
        == NOT_HOLDS
    )
    # No change in the published figures (4.37 -> 4.37): "fell 0 points" is
    # a direction the equal figures may hide either way: cannot tell.
    same = check_change_statement(4.37, 4.37, 0, direction="fall", **kw)  # type: ignore[arg-type]
    assert same.verdict == UNDECIDED
    assert "direction without a size" in str(same.reason)
    # A fall of 1.37 points (4.37 -> 3.00) is 1 at 0 decimals, not 0.
    assert (
        check_change_statement(4.37, 3.00, 0, direction="fall", **kw).verdict  # type: ignore[arg-type]
        == NOT_HOLDS
    )
    # A level: 171.24 -> 171.23 is -0.0058 %, 0.0 at 1 decimal.
    res = check_level_change_statement(
        171.24, 171.23, 0, direction="fall", stated_as="percent", decimals=1
    )
    assert res.verdict == UNDECIDED
    assert "direction without a size" in str(res.reason)


# --- Ties from float noise ---------------------------------------------------


def test_rank_ties_are_exact_float_equality() -> None:
    # 0.1 + 0.2 = 0.30000000000000004 > 0.3: not tied as floats; tied once
    # rounded to the precision they stand for.
    assert rank([0.1 + 0.2, 0.3], descending=False).rank.tolist() == [2.0, 1.0]
    assert rank(
        round_half_up([0.1 + 0.2, 0.3], 10), descending=False
    ).rank.tolist() == [
        1.0,
        1.0,
    ]


def test_statement_checks_tie_figures_equal_as_published() -> None:
    # A = 0.1 + 0.2 and B = 0.3 are the same published 0.30: both rank 1
    # from the lowest ("min" ties), C = 5 ranks 3.
    res = check_rank_statement(
        [0.1 + 0.2, 0.3, 5],
        ["A", "B", "C"],
        subject="A",
        stated_rank=1,
        descending=False,
    )
    assert res.verdict == HOLDS
    assert (float(res.figures["rank_min"]), float(res.figures["rank_max"])) == (1, 2)
    # The stated value ties too: 0.3 would rank 1-2 among the others (stated
    # to the values' 1 decimal; 0.30 would be more precise than published).
    res = check_rank_statement(
        [0.1 + 0.2, 0.3, 5],
        ["A", "B", "C"],
        subject="B",
        stated_rank=1,
        descending=False,
        stated_value=0.3,
        value_decimals=1,
    )
    assert res.verdict == HOLDS
    assert float(res.figures["stated_value_rank_max"]) == 2
    # Top: with A and B tied for the lowest, "A is the lowest" (k=1) depends
    # on the tie, so cannot be told (before: A surely outside).
    top = check_top_statement(
        [0.1 + 0.2, 0.3, 5], ["A", "B", "C"], members=["A"], k=1, descending=False
    )
    assert top.verdict == UNDECIDED
    # Values that differ before the 10th decimal still rank apart.
    res = check_rank_statement(
        [0.3 + 1e-9, 0.3], ["A", "B"], subject="A", stated_rank=2, descending=False
    )
    assert res.verdict == HOLDS


def test_a_float32_base_tolerance_is_the_figure_it_prints_as() -> None:
    # A base 1 % larger than the rate's population is within base_rtol=0.01,
    # whether 0.01 is a float64 or a float32 (0.009999999776482582 in binary).
    for rtol in (0.01, np.float32(0.01)):
        res = check_count_statement(
            4.26,
            101.0,
            4.0,
            unit="percent",
            decimals=0,
            rate_population=100.0,
            base_rtol=float(rtol) if isinstance(rtol, float) else rtol,  # type: ignore[arg-type]
        )
        assert res.verdict == HOLDS


@pytest.mark.parametrize(
    ("ties", "shown"),
    [
        # The stated 5.0 joins B and C's 5.0: ranks 2, 3 and 4 from the
        # lowest (A's 2.0 is 1st); "min" gives 2, "max" 4, "average" 3, and
        # "dense" 2 (one value below).
        ("min", "5.0 would rank 2, ties: min; 2-4 with ties"),
        ("max", "5.0 would rank 4, ties: max; 2-4 with ties"),
        ("average", "5.0 would rank 3, ties: average; 2-4 with ties"),
        ("dense", "5.0 would rank 2, ties: dense; 2-4 with ties"),
    ],
)
def test_rank_statement_shows_the_stated_value_rank_under_ties(
    ties: Ties, shown: str
) -> None:
    res = check_rank_statement(
        [2.0, 5.0, 5.0, 9.0],
        ["A", "B", "C", "D"],
        subject="D",
        stated_rank=4,
        descending=False,
        ties=ties,
        stated_value=5.0,
        value_decimals=1,
    )
    # D's own value is 9.0, not the stated 5.0: does not hold.
    assert res.verdict == NOT_HOLDS
    assert f"({shown})" in str(res.reason)
    assert float(res.figures["stated_value_rank_min"]) == 2
    assert float(res.figures["stated_value_rank_max"]) == 4
    assert float(res.figures["stated_value_rank"]) == float(shown.split()[3][:-1])


def test_a_level_change_in_another_unit_is_named() -> None:
    # BPS March 2024 -> 2025, Kabupaten Tuban: 171.24 -> 168.86 thousand
    # poor, a fall of 2.38 thousand = 2,380 persons. "Fell 2,380" against
    # figures in thousands does not hold, and the reason says it is 1,000
    # times the change; "fell 0.00238" (millions) is the change / 1,000.
    res = check_level_change_statement(
        171.24, 168.86, 2380, direction="fall", stated_as="units", decimals=0
    )
    assert res.verdict == NOT_HOLDS
    assert (
        "(it is 1,000 times the change: is it in a unit 1,000 times smaller, "
        "such as persons next to figures in thousands?)"
    ) in str(res.reason)
    res = check_level_change_statement(
        171.24, 168.86, 0.00238, direction="fall", stated_as="units", decimals=5
    )
    assert (
        "(it is the change divided by 1,000: is it in a unit 1,000 times larger, "
        "such as thousands next to figures in persons?)"
    ) in str(res.reason)
    # A plain wrong size gets no such hint.
    res = check_level_change_statement(
        171.24, 168.86, 2.5, direction="fall", stated_as="units", decimals=1
    )
    assert "times" not in str(res.reason)
    # Places in words: "1 decimal", and the nearest 1,000 for decimals=-3.
    # The target rounded as the statement is (2.4), and unrounded (2.38).
    assert str(res.reason).endswith(": 2.5 is not 2.4 at 1 decimal (2.38 unrounded)")
    res = check_level_change_statement(
        171_240, 168_860, 3000, direction="fall", stated_as="units", decimals=-3
    )
    assert str(res.reason).endswith(
        ": 3,000 is not 2,000 at the nearest 1,000 (2,380 unrounded)"
    )


@pytest.mark.parametrize(
    ("before", "after", "stated", "verdict", "between"),
    [
        # Two published zeros (thousands, 2 decimals): each true count is in
        # [0, 0.005), so the change is in (-0.005, 0.005) and "+0.01" cannot
        # hold (before: "between -0.01 and +0.01", and it held).
        (0.0, 0.0, 0.01, NOT_HOLDS, "-0.005 and +0.005"),
        # 1.00 -> 0.00: before in [0.995, 1.005), after in [0, 0.005): the
        # change is in (-1.005, -0.99), so "-1.01" does not hold, "-1.00" does.
        (1.0, 0.0, -1.01, NOT_HOLDS, "-1.005 and -0.990"),
        (1.0, 0.0, -1.0, HOLDS, "-1.005 and -0.990"),
        # Away from 0 nothing changes: 38.56 -> 37.78 is in (-0.79, -0.77).
        (38.56, 37.78, -0.78, HOLDS, "-0.79 and -0.77"),
    ],
)
def test_headcount_change_bounds_never_take_a_count_below_zero(
    before: float, after: float, stated: float, verdict: str, between: str
) -> None:
    res = check_headcount_change_statement(
        before, after, stated, levels_decimals=2, stated_decimals=2
    )
    assert res.verdict == verdict
    assert f"(true value between {between})" in str(res.reason)
    assert "direction" not in str(res.reason)


def test_a_missing_figure_is_named() -> None:
    # "cannot tell" says which figure is missing, never "a figure is missing".
    res = check_change_statement(
        4.37,
        4.26,
        np.nan,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason) == "the stated figure is missing"
    res = check_change_statement(
        np.nan,
        4.26,
        0.11,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert str(res.reason) == "a rate is missing"
    # A count at a published rate of 0.00 % with 0.00 thousand poor: the
    # population cannot be implied (0 / 0); nothing is missing in the data.
    res = check_count_statement(
        0.0,
        1000.0,
        0.0,
        unit="percent",
        decimals=0,
        rate_population=implied_population(0.0, 0.0, unit="percent"),
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason) == (
        "the rate's population cannot be implied from a rate of 0"
    )
    res = check_benchmark_statement(np.nan, 9.36, relation="below", decimals=2)
    assert str(res.reason) == "the value is missing"


def test_equal_published_figures_cannot_tell_a_direction() -> None:
    # 3.00 % and 3.00 %: the true rates may differ either way within their
    # rounding, so "fell" cannot be told (as equal figures against a
    # benchmark cannot), where it could only "not hold" before. A count that
    # moved the other way with an equal rate leaves it undecided too (the
    # statement may be about the rate); both moved the other way: not holds.
    res = check_direction_statement(3.0, 3.0, direction="fall", unit="percent")
    assert res.verdict == UNDECIDED
    assert "equal published figures may hide a change either way" in str(res.reason)
    res = check_direction_statement(
        3.0, 3.0, 10.0, 11.0, direction="fall", unit="percent"
    )
    assert res.verdict == UNDECIDED
    res = check_direction_statement(
        3.0, 3.1, 10.0, 11.0, direction="fall", unit="percent"
    )
    assert res.verdict == NOT_HOLDS
    bench = check_benchmark_statement(8.47, 8.47, relation="below", decimals=2)
    assert bench.verdict == UNDECIDED


def test_a_size_per_year_is_said_per_year() -> None:
    # 10 % -> 8 % over 2 years: -1.00 points a year; "fell 1.0 points (a
    # year)" holds, and the reason says the 1.0 is per year.
    res = check_change_statement(
        10.0,
        8.0,
        1.0,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=1,
        years=2,
    )
    assert res.verdict == HOLDS
    assert str(res.reason).endswith(": 1.0 is the change in percentage points a year")


def test_a_rank_that_a_missing_region_could_make_true_says_so() -> None:
    # c (3.00) is 2nd of the 2 ranked; b has no value and could rank above
    # it, making "c is 3rd of 3" true: cannot tell, and the reason says the
    # problems found among the ranked could be undone.
    res = check_rank_statement(
        [5.0, np.nan, 3.0],
        ["a", "b", "c"],
        subject="c",
        stated_rank=3,
        descending=True,
        of=3,
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason).endswith(
        "1 region has no value (b) and could rank anywhere, which could make "
        "the statement hold"
    )


def test_text_periods_are_not_put_in_order_as_text() -> None:
    # "September 2023" -> "Maret 2024" is a fall of the rate (10 -> 9), but as
    # text "Maret 2024" sorts first: the statement was refused as backwards,
    # and the swapped one judged a rise. Text periods cannot be put in order
    # (nor years between them counted, "01/03/2023" read as 3 January):
    # refused; a rank statement, which needs no order, still works.
    data = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": ["September 2023", "Maret 2024"],
            "poverty_rate_pct": [10.0, 9.0],
            "poor_thousands": [100.0, 90.0],
        }
    )
    st = pd.DataFrame(
        [
            {
                "kind": "direction",
                "region": "A",
                "period_before": "September 2023",
                "period_after": "Maret 2024",
                "direction": "fall",
            }
        ]
    )
    with pytest.raises(ValueError, match="their periods are text"):
        check_statements(st, data, unit="percent", persons_per_poor_unit=1000)
    rank = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "A",
                "period": "Maret 2024",
                "stated_rank": 1,
                "descending": True,
            }
        ]
    )
    out = check_statements(rank, data, unit="percent", persons_per_poor_unit=1000)
    assert out["verdict"].tolist() == [HOLDS]


def test_impossible_rates_in_data_are_refused_by_every_kind() -> None:
    # 913 % is no rate: refused up front (naming the column, region and
    # period) for a rank statement too, which used it silently before.
    data = pd.DataFrame(
        {
            "region_code": ["A", "B", "C"],
            "period": [2024] * 3,
            "poverty_rate_pct": [5.0, 913.0, 7.0],
            "poor_thousands": [1.0, 1.0, 1.0],
        }
    )
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "A",
                "period": 2024,
                "stated_rank": 3,
                "descending": True,
            }
        ]
    )
    with pytest.raises(
        ValueError,
        match=r"`data` column 'poverty_rate_pct' \(argument `rate`\) must lie in "
        r"\[0, 100\] for unit='percent', found 913.0 for 'B' at 2024",
    ):
        check_statements(st, data, unit="percent", persons_per_poor_unit=1000)


def test_an_index_change_stated_in_points_is_not_refused_outright() -> None:
    # BPS writes "P1 turun 0,04 poin" (Sampang: 2.88 -> 2.84): an index such
    # as P1 counts its units as points. Stated as "points" the size is right
    # in the figure's own units: cannot tell (the reason says to state it as
    # "units", which holds); a wrong size in points still does not hold.
    res = check_level_change_statement(
        2.88, 2.84, 0.04, direction="fall", stated_as="points", decimals=2
    )
    assert res.verdict == UNDECIDED
    assert "state the change as 'units'" in str(res.reason)
    res = check_level_change_statement(
        2.88, 2.84, 0.04, direction="fall", stated_as="units", decimals=2
    )
    assert res.verdict == HOLDS
    res = check_level_change_statement(
        2.88, 2.84, 0.05, direction="fall", stated_as="points", decimals=2
    )
    assert res.verdict == NOT_HOLDS


def test_counts_summed_with_float_noise_are_equal_figures() -> None:
    # 1.00 + 1.39 (urban + rural) is 2.3899999999999997, the published 2.39:
    # equal counts, so the direction is not told by the count (before: the
    # noise "fell" and the statement held).
    res = check_direction_statement(
        13.86, 13.85, 2.39, 1.00 + 1.39, direction="fall", unit="percent"
    )
    assert res.verdict == UNDECIDED
    assert "did not change" in str(res.reason)


def test_object_columns_of_plain_floats_are_numbers() -> None:
    # pd.Series([4.37, "-", 4.26]).replace("-", np.nan) stays object dtype,
    # holding floats only: numbers (4.37 -> 4.26 fell 0.11 points).
    import povstat

    r = pd.Series([4.37, "-", 4.26], dtype=object).replace("-", np.nan)
    df = pd.DataFrame({"region_code": ["A"] * 3, "period": [2021, 2022, 2023]})
    df["poverty_rate_pct"] = r
    out = povstat.with_changes(df, unit="percent")
    assert np.isnan(out["change_points"].iloc[1])
    assert np.isnan(out["change_points"].iloc[2])  # across the missing 2022


def test_impossible_counts_in_data_are_refused_by_cell() -> None:
    # A number of poor of -37.78 (or inf) is no count: refused up front,
    # naming the column, region and period, for every kind (a figure
    # statement compared it silently before).
    for bad in (-37.78, np.inf):
        data = pd.DataFrame(
            {
                "region_code": ["A", "A"],
                "period": [2022, 2023],
                "poverty_rate_pct": [4.37, 4.26],
                "poor_thousands": [38.56, bad],
            }
        )
        st = pd.DataFrame(
            [
                {
                    "kind": "figure",
                    "region": "A",
                    "period": 2023,
                    "measure": "poor_thousands",
                    "stated": 37.78,
                    "decimals": 2,
                }
            ]
        )
        with pytest.raises(
            ValueError,
            match=r"`data` column 'poor_thousands' \(argument `headcount`\) must be "
            r"finite and >= 0, found .* for 'A' at 2023",
        ):
            check_statements(st, data, unit="percent", persons_per_poor_unit=1000)


def test_a_positive_rate_of_no_one_cannot_be_told() -> None:
    # 9.5 % of a population of 0 (a table with a rate but 0 poor): the
    # figures disagree; before, "does not hold" with a garbled reason.
    res = check_count_statement(
        9.5, 1000, 95, unit="percent", decimals=0, rate_population=0.0
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason) == (
        "the rate's population is 0, of which a rate above 0 cannot be a share: "
        "the figures disagree"
    )


# Levels beyond 10 decimals are not read at 10 decimals.


def test_change_of_levels_beyond_ten_decimals() -> None:
    # By hand: 1.2e-10 % -> 1.4e-10 % is a rise of 2e-11 points and
    # 100 * 2e-11 / 1.2e-10 = 16.67 %: "rose 17 percent" holds (at 10
    # decimals both levels read 0.0000000001 and it "did not change").
    res = check_change_statement(
        1.2e-10, 1.4e-10, 17.0, direction="rise", stated_as="percent",
        unit="percent", decimals=0,
    )  # fmt: skip
    assert res.verdict == HOLDS
    assert "from 1.2e-10 % to 1.4e-10 %" in str(res.reason)
    # By hand: 3e-11 -> 6e-11 doubles: +100 %.
    res = check_change_statement(
        3e-11, 6e-11, 100.0, direction="rise", stated_as="percent",
        unit="percent", decimals=0,
    )  # fmt: skip
    assert res.verdict == HOLDS
    # By hand: 1e-20 -> 2e-20 doubles: +100 %.
    res = check_level_change_statement(
        1e-20, 2e-20, 100.0, direction="rise", stated_as="percent", decimals=0
    )
    assert res.verdict == HOLDS
    res = check_direction_statement(1.2e-10, 1.4e-10, direction="rise", unit="percent")
    assert res.verdict == HOLDS
    assert "rose 2e-11 points" in str(res.reason)
    # A fall the wrong way still does not hold.
    res = check_direction_statement(1.4e-10, 1.2e-10, direction="rise", unit="percent")
    assert res.verdict == NOT_HOLDS


@given(
    m0=st.integers(1, 999),
    m1=st.integers(1, 999),
    e=st.integers(11, 20),
)
def test_relative_change_of_tiny_levels_matches_fraction(
    m0: int, m1: int, e: int
) -> None:
    # Levels m * 10**-e % (beyond 10 decimals): the stated relative change,
    # the exact 100 (m1 - m0) / m0 rounded half up to 1 decimal, holds.
    exact = Fraction(100 * (m1 - m0), m0)
    scaled = abs(exact) * 10
    if m0 == m1 or abs(scaled - int(scaled) - Fraction(1, 2)) < Fraction(1, 10**6):
        return  # no change, or (near) a tie at 1 decimal: not this property
    stated = float(int(scaled + Fraction(1, 2))) / 10
    res = check_change_statement(
        m0 * 10.0**-e, m1 * 10.0**-e, stated,
        direction="rise" if m1 > m0 else "fall", stated_as="percent",
        unit="percent", decimals=1,
    )  # fmt: skip
    assert res.verdict == HOLDS


def test_decimals_below_range_not_blamed_on_ten_decimals() -> None:
    # -16 lies below the range: the message names the range, not the
    # 10-decimal comparison (which limits only the upper end).
    with pytest.raises(ValueError, match=r"lie in \[-15, 10\], got -16$"):
        check_change_statement(
            4.37, 4.26, 0.0, direction="fall", stated_as="points",
            unit="percent", decimals=-16,
        )  # fmt: skip
    with pytest.raises(ValueError, match="so more cannot be checked"):
        check_change_statement(
            4.37, 4.26, 0.11, direction="fall", stated_as="points",
            unit="percent", decimals=11,
        )  # fmt: skip
