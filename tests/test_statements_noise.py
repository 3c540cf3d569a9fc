"""One reading of a published cell in every statement check and trace.

A cell that carries float noise (``(3/10)/(8/10)`` is 0.37499999999999994,
1 unit in the last place below 0.375) is the figure it stands for in every
check, and reasons show values beyond 10 decimals as given.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    check_change_statement,
    check_count_statement,
    check_rank_statement,
    check_statements,
)
from povstat.tracing import trace_figure

#: 0.375 with 1 ulp of noise: 0.37499999999999994.
NOISY = (3 / 10) / (8 / 10)


def _table(a: float, b: float = 12.5) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": ["A", "B"],
            "period": [2023, 2023],
            "poverty_rate_pct": [a, b],
            "poor_thousands": [1.0, 2.0],
        }
    )


def _trace(data: pd.DataFrame, stated: float, d: int, subject: str = "A") -> Any:
    return trace_figure(
        data,
        stated,
        decimals=d,
        subject=subject,
        at=2023,
        measure="poverty_rate_pct",
    )


def test_noisy_cell_is_its_figure_in_trace_figure() -> None:
    assert NOISY == 0.37499999999999994
    # The cell stands for 0.375, which rounds half up to 0.38 (not 0.37).
    res = _trace(_table(NOISY), 0.38, 2)
    assert res.verdict == HOLDS
    assert res.reason == "A, 2023, poverty_rate_pct is 0.375, which rounds to 0.38"
    assert res.value == 0.375
    assert _trace(_table(NOISY), 0.37, 2).verdict == NOT_HOLDS
    # 3.7 for B is not A's 0.375 misread by 10: 3.75 rounds to 3.8.
    miss = _trace(_table(NOISY), 3.7, 1, subject="B")
    assert miss.verdict == NOT_HOLDS
    assert "no cell of `data` matches it" in miss.reason
    hit = _trace(_table(NOISY), 3.8, 1, subject="B")
    assert "misread by a factor of 10" in hit.reason


def test_noisy_cell_same_verdict_in_figure_and_rank_rows() -> None:
    statements = pd.DataFrame(
        {
            "kind": ["figure", "rank"],
            "region": ["A", "A"],
            "period": [2023] * 2,
            "measure": ["poverty_rate_pct", None],
            "stated": [0.38, None],
            "decimals": [2, None],
            "stated_rank": [None, 2],
            "descending": [None, True],
            "stated_value": [None, 0.38],
            "value_decimals": [None, 2],
        }
    )
    out = check_statements(
        statements, _table(NOISY), unit="percent", persons_per_poor_unit=1000
    )
    # Both rows read the cell as 0.375, which rounds to 0.38: both hold.
    assert out["verdict"].tolist() == [HOLDS, HOLDS]


def test_noisy_rate_in_count_statement() -> None:
    # 0.375 % of 1,000 is 3.75 exactly, which rounds half up to 3.8.
    res = check_count_statement(NOISY, 1000.0, 3.8, unit="percent", decimals=1)
    assert res.verdict == HOLDS
    assert str(res.reason) == "0.375 % of 1,000 is 3.75, which rounds to 3.8"
    assert (
        check_count_statement(NOISY, 1000.0, 3.7, unit="percent", decimals=1).verdict
        == NOT_HOLDS
    )
    # The same as a fraction: 0.00375 of 1,000 is 3.75.
    frac = float(np.nextafter(0.00375, 0.0))  # 0.00375 less 1 ulp
    assert frac < 0.00375
    assert (
        check_count_statement(frac, 1000.0, 3.8, unit="fraction", decimals=1).verdict
        == HOLDS
    )


@pytest.mark.parametrize("ulps", [1, 2, 4, 8])
def test_ulps_below_tie_read_as_tie(ulps: int) -> None:
    # 4.265 minus 1-8 ulps is the figure 4.265, which rounds half up to 4.27.
    v = 4.265
    for _ in range(ulps):
        v = float(np.nextafter(v, 0.0))
    assert _trace(_table(v), 4.27, 2).verdict == HOLDS
    assert (
        check_rank_statement(
            [v, 12.5],
            ["A", "B"],
            subject="A",
            stated_rank=2,
            descending=True,
            stated_value=4.27,
            value_decimals=2,
        ).verdict
        == HOLDS
    )
    # 4.265 % of 100,000 is 4,265, at hundreds 4,300.
    assert (
        check_count_statement(v, 100_000.0, 4300.0, unit="percent", decimals=-2).verdict
        == HOLDS
    )


def _exact_round(x: Decimal, d: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)


def _nudge(x: float, k: int) -> float:
    for _ in range(abs(k)):
        x = float(np.nextafter(x, np.inf if k > 0 else -np.inf))
    return x


def _verdicts(x: float, d: int, s: int, m: int, off: int) -> list[str]:
    """The verdicts of every check on a rate cell `x` (a figure at `d`)."""
    exact = Decimal(m).scaleb(-d)
    stated = float(_exact_round(exact, s) + Decimal(off).scaleb(-s))
    out = [str(_trace(_table(x), stated, s).verdict)]
    out.append(
        str(
            check_rank_statement(
                [x, 200.0],
                ["A", "B"],
                subject="A",
                stated_rank=2,
                descending=True,
                stated_value=stated,
                value_decimals=s,
            ).verdict
        )
    )
    # Count: x % of 10**(d + 2) is m exactly, stated to tens.
    cnt = float(_exact_round(Decimal(m), -1) + Decimal(10 * off))
    if cnt > 0:
        out.append(
            str(
                check_count_statement(
                    x, float(10 ** (d + 2)), cnt, unit="percent", decimals=-1
                ).verdict
            )
        )
    # Change from 100 % to x: a fall of 100 - f points, exactly.
    size = _exact_round(Decimal(100) - exact, s) + Decimal(off).scaleb(-s)
    if size > 0:
        out.append(
            str(
                check_change_statement(
                    100.0,
                    x,
                    float(size),
                    direction="fall",
                    stated_as="points",
                    unit="percent",
                    decimals=s,
                ).verdict
            )
        )
    return out


@settings(max_examples=30, deadline=None)
@given(
    q=st.integers(0, 999),
    r=st.integers(1, 9),
    d=st.integers(2, 4),
    k=st.integers(-4, 4),
    s=st.integers(0, 4),
    off=st.integers(-1, 1),
    tie=st.booleans(),
)
def test_figure_plus_ulps_same_verdict_everywhere(
    q: int, r: int, d: int, k: int, s: int, off: int, tie: bool
) -> None:
    # A figure f = m / 10**d below 100 % (m not a multiple of 10: it shows
    # d decimals) plus k ulps, |k| <= 4, is judged as f in every check.
    # With `tie`, m ends in 5 and is stated to d - 1 decimals: f is an exact
    # tie there (as are the count m to tens and the fall 100 - f), where
    # float noise below the tie would round the other way. Oracle: the
    # exact Decimal f rounded half up to the stated decimals s <= d; a
    # stated figure `off` units (off != 0) away does not hold.
    m = 10 * q + (5 if tie else r)
    s = d - 1 if tie else min(s, d)
    f = float(Decimal(m).scaleb(-d))
    want = HOLDS if off == 0 else NOT_HOLDS
    of_figure = _verdicts(f, d, s, m, off)
    assert set(of_figure) == {want}
    assert _verdicts(_nudge(f, k), d, s, m, off) == of_figure


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2 / 3, "0.6666666666666666"),  # 16 decimals
        (3 / 7, "0.42857142857142855"),  # 17 decimals
        (1e-5 / 3, "0.0000033333333333333337"),  # repr 3.3333333333333337e-06
        (Decimal("0.3333333333333333"), "0.3333333333333333"),
    ],
)
def test_rank_reason_shows_long_values_as_given(value: Any, shown: str) -> None:
    # A computed value with more than 10 decimals is shown as given (its
    # shortest decimal), never rounded, and never an error.
    res = check_rank_statement(
        [value, 12.5], ["A", "B"], subject="A", stated_rank=2, descending=True
    )
    assert res.verdict == HOLDS
    assert str(res.reason).startswith(f"A ({shown}) ranks 2 of 2")


def test_rank_row_of_a_computed_fraction() -> None:
    # 37.78 / 864.5 = 0.04370156159629844 as a fraction: 4.370156159629844 %
    # in percent, a computed value shown as given; B's 0.5 ranks first.
    data = _table(37.78 / 864.5, 0.5)
    statements = pd.DataFrame(
        {
            "kind": ["rank"],
            "region": ["A"],
            "period": [2023],
            "stated_rank": [2],
            "descending": [True],
        }
    )
    out = check_statements(
        statements, data, unit="fraction", persons_per_poor_unit=1000
    )
    assert out["verdict"].tolist() == [HOLDS]
    assert "0.04370156159629844" in out["reason"].iloc[0]


@pytest.mark.parametrize("d", [7, 8, 9, 10])
def test_trace_reads_column_decimals_up_to_ten(d: int) -> None:
    # A column of d-decimal figures (1 followed by d - 1 digits 2..) is
    # published with d decimals: a stated figure 1 unit off in the last
    # place does not hold (it was "cannot tell" with decimals capped at 6).
    cell = float(Decimal("0.1234567891"[: d + 2]))
    off = float(Decimal("0.1234567891"[: d + 2]) + Decimal(1).scaleb(-d))
    res = _trace(_table(cell), off, d)
    assert res.verdict == NOT_HOLDS
    assert res.reason.startswith(
        f"A, 2023, poverty_rate_pct is {'0.1234567891'[: d + 2]}, not {off!r}"
    )
    assert _trace(_table(cell), cell, d).verdict == HOLDS


def test_trace_reason_shows_cells_beyond_ten_decimals_as_given() -> None:
    # 4.26499999999 (11 decimals) rounds half up to 4.26, and is shown so.
    res = _trace(_table(4.26499999999), 4.26, 2)
    assert res.verdict == HOLDS
    assert res.reason == (
        "A, 2023, poverty_rate_pct is 4.26499999999, which rounds to 4.26"
    )
    res = _trace(_table(4.26499999999), 4.27, 2)
    assert res.reason.startswith("A, 2023, poverty_rate_pct is 4.26499999999, not")
    # 3/7 = 0.42857142857142855 rounds to 0.43.
    res = _trace(_table(3 / 7), 0.43, 2)
    assert res.reason == (
        "A, 2023, poverty_rate_pct is 0.42857142857142855, which rounds to 0.43"
    )


def test_change_reason_shows_levels_of_up_to_ten_decimals() -> None:
    # 4.37 + 1e-9 is the 9-decimal figure 4.370000001; the fall to 4.26 is
    # 0.110000001 points, which rounds to the stated 0.11.
    res = check_change_statement(
        4.37 + 1e-9,
        4.26,
        0.11,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert res.verdict == HOLDS
    assert str(res.reason).startswith(
        "fell 0.110000001 percentage points, from 4.370000001 % to 4.260000000 %"
    )


def test_level_change_reason_reads_noisy_level_as_its_figure() -> None:
    # 1 -> 0.37499999999999994 (the figure 0.375): a fall of 0.625, which
    # rounds half up to 0.63; the levels show 3 decimals, not 6.
    from povstat.statements import check_level_change_statement

    res = check_level_change_statement(
        1.0, NOISY, 0.63, direction="fall", stated_as="units", decimals=2
    )
    assert res.verdict == HOLDS
    assert str(res.reason).startswith("fell 0.625, from 1.000 to 0.375 (")


def test_count_reason_shows_computed_base_as_given() -> None:
    # A base of 10 decimals (a computed population) is shown in full, not
    # at 6 decimals (887,123.460094). 4.26 % of 887,123.4600938967 is
    # 37,791.459..., which rounds to 37,791.
    res = check_count_statement(
        4.26, 887_123.4600938967, 37_791, unit="percent", decimals=0
    )
    assert res.verdict == HOLDS
    assert str(res.reason).startswith("4.26 % of 887,123.4600938967 is ")


def test_a_count_reason_shows_a_figure_that_rounds_as_the_count_does() -> None:
    # 4.26 % of 887,124.4 = 887,124.4 * 0.0426 = 35,484.976 + 2,306.52344
    # = 37,791.49944, which rounds half up to 37,791: the stated 37,791
    # holds. Shown at one decimal it would read "37,791.5" (which rounds to
    # 37,792) and at two "37,791.50": three decimals, "37,791.499", round
    # as the count does.
    out = check_count_statement(4.26, 887124.4, 37791, unit="percent", decimals=0)
    assert out.verdict[()] == "holds"
    assert "is 37,791.499, which rounds to 37,791" in str(out.reason[()])
