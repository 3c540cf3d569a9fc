"""The decimals warning of check_statements reads the figures as the verdicts do.

A figure computed from published ones carries float noise: a pooled rate
kept as a fraction of 5 decimals and turned into percent, ``0.13649 * 100``,
is 13.649000000000001 in binary, and ``0.0411 * 100`` is 4.109999999999999.
The verdicts read them as the figures 13.649 and 4.11; the warning that the
rate column's decimals are in doubt must read them so too, or the noise
crosses the edge where two rounding intervals touch and the warning is
silent where a verdict depends on the reading.
"""

from __future__ import annotations

import warnings
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from povstat.statements import HOLDS, UNDECIDED, check_statements
from statement_frames import EJ_KW, KW, appended, east_java

#: 0.13649 * 100 and 0.0411 * 100 as floats give them.
MATARAMAN = 0.13649 * 100
B_NOISY = 0.0411 * 100

WARNED = r"`data` column '{}' .* is read at {} decimals"


def _rank(region: str, rank: int, *, descending: bool, **more: Any) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": region,
                "period": 2023,
                "stated_rank": rank,
                "descending": descending,
                **more,
            }
        ]
    )


def _verdicts(
    statements: pd.DataFrame, data: pd.DataFrame, kw: dict[str, Any], **more: Any
) -> tuple[list[str], list[str]]:
    """The verdicts and the messages of the warnings given."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = check_statements(statements, data, **kw, **more)
    return out["verdict"].tolist(), [str(w.message) for w in caught]


def test_the_floats_are_noisy() -> None:
    assert repr(MATARAMAN) == "13.649000000000001"
    assert repr(B_NOISY) == "4.109999999999999"


@pytest.mark.parametrize("pooled", [MATARAMAN, 13.649])
def test_a_noisy_pooled_rate_beside_a_published_one_warns(pooled: float) -> None:
    # BPS, March 2023: Kabupaten Pacitan 13.65 %, the 8th highest of East
    # Java's 38 regencies and cities (7 above it). A pooled 13.649 appended:
    # the column is read at 3 decimals (1 of 39 figures needs them), where
    # 13.65 stands for [13.6495, 13.6505) and 13.649 for [13.6485,
    # 13.6495): Pacitan is above it, 8th: holds. At 2 decimals 13.65 stands
    # for [13.645, 13.655), which holds 13.649: the order is open, 8th or
    # 9th, cannot tell. The verdict depends on the reading: warned, as for
    # the figure written cleanly.
    data = appended(east_java([2023]), "Kawasan Mataraman", 2023, pooled, np.nan)
    st_ = _rank("Kabupaten Pacitan", 8, descending=True)
    got, warned = _verdicts(st_, data, EJ_KW)
    assert got == [HOLDS]
    assert len(warned) == 1
    assert "is read at 3 decimals" in warned[0]
    assert "only 1 needs more: 'Kawasan Mataraman' at 2023 (13.649)" in warned[0]
    got, warned = _verdicts(st_, data, EJ_KW, rate_decimals=2)
    assert got == [UNDECIDED]
    assert warned == []


def test_a_noisy_after_beside_a_published_one_warns() -> None:
    # Ranked from the highest, Kabupaten Bondowoso (13.34 %) is 9th of the
    # 38 in 2023, after Pacitan's 13.65, and 10th with the pooled 13.649
    # appended; the region just before it at 3 decimals is that pooled
    # figure (Pacitan's 13.65 = [13.6495, 13.6505) is above 13.649's
    # [13.6485, 13.6495)). At 2 decimals Pacitan's [13.645, 13.655) holds
    # 13.649: which of the two comes just before Bondowoso is open. Warned.
    data = appended(east_java([2023]), "Kawasan Mataraman", 2023, MATARAMAN, np.nan)
    st_ = _rank("Kabupaten Bondowoso", 10, descending=True, after="Kawasan Mataraman")
    got, warned = _verdicts(st_, data, EJ_KW)
    assert got == [HOLDS]
    assert len(warned) == 1
    got, _ = _verdicts(st_, data, EJ_KW, rate_decimals=2)
    assert got == [UNDECIDED]


def _six(b: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": list("ABCDEF"),
            "year": 2023,
            "rate": [4.10, b, 7.20, 5.30, 6.00, 8.10],
            "poor": [10.0] * 6,
        }
    )


@pytest.mark.parametrize("b", [4.11, B_NOISY])
def test_a_noisy_figure_one_hundredth_from_a_trailing_zero_warns(b: float) -> None:
    # 4.10, 4.11, 7.20, 5.30, 6.00, 8.10 as floats need 1, 2, 1, 1, 0 and
    # 1 decimals: read at 2, which 1 of 6 needs. At 2, A's 4.10 is [4.095,
    # 4.105) and B's 4.11 [4.105, 4.115): B is 2nd lowest, holds. At 1
    # (what the others need at most), 4.1 is [4.05, 4.15), which holds
    # 4.11: 1st or 2nd, cannot tell. Warned, whether B is written cleanly
    # or as 0.0411 * 100.
    st_ = _rank("B", 2, descending=False)
    got, warned = _verdicts(st_, _six(b), KW)
    assert got == [HOLDS]
    assert len(warned) == 1
    assert "only 1 needs more: 'B' at 2023 (4.11)" in warned[0]
    got, _ = _verdicts(st_, _six(b), KW, rate_decimals=1)
    assert got == [UNDECIDED]


def test_the_warning_shows_noisy_figures_as_the_figures_they_are() -> None:
    # Beside the clean 4.11 (which alone makes the warning, as above), C's
    # 5.14 written as 0.0514 * 100 = 5.140000000000001 needs 2 decimals
    # too; the warning names both, each as the figure it is read as.
    noisy = 0.0514 * 100
    assert repr(noisy) == "5.140000000000001"
    data = _six(4.11)
    data.loc[2, "rate"] = noisy
    _, warned = _verdicts(_rank("B", 2, descending=False), data, KW)
    assert len(warned) == 1
    assert "only 2 need more: 'B' at 2023 (4.11), 'C' at 2023 (5.14)" in warned[0]


@pytest.mark.parametrize("poor", [4.11, B_NOISY])
def test_a_noisy_count_beside_a_trailing_zero_is_its_figure(poor: float) -> None:
    # The number of poor 4.10 -> 4.11 (thousands), the column stated to be
    # published at 2 decimals (read from its figures it would be in doubt:
    # only 4.11 needs 2, and read at 1, 4.10's [4.05, 4.15) meets 4.11's
    # [4.105, 4.115), which decides this verdict: warned, see
    # test_statements_open_direction_sizes): [4.095, 4.105) and [4.105,
    # 4.115) only touch, so the count rose, as the rate (5.0 -> 5.1) did:
    # holds, whether 4.11 is written cleanly or as 0.0411 * 100.
    data = pd.DataFrame(
        {
            "region": ["A", "A", "B", "B"],
            "year": [2022, 2023, 2022, 2023],
            "rate": [5.0, 5.1, 6.0, 6.1],
            "poor": [4.10, poor, 7.2, 7.3],
        }
    )
    statements = pd.DataFrame(
        [
            {
                "kind": "direction",
                "region": "A",
                "period_before": 2022,
                "period_after": 2023,
                "direction": "rise",
            }
        ]
    )
    out = check_statements(statements, data, levels_decimals={"poor": 2}, **KW)
    assert out["verdict"].tolist() == [HOLDS]
    assert out["reason"].tolist() == [
        "the rate rose 0.10 points (+2.00 %) and the number of poor rose by 0.01"
    ]


# --- The property: warned exactly where a verdict depends on the reading ---


def _figure(kind: str, t: int, ulps: int) -> tuple[float, int]:
    """A rate near 4 % and the decimals it needs, from `t` thousandths.

    "1", "2", "3": the figure t / 1000 written with that many decimals (t
    cut to them); "frac": the 5-decimal fraction t / 100000 times 100
    (float noise of the product); `ulps` units in the last place of noise
    more. The decimals needed are those of the exact decimal, trailing
    zeros dropped.
    """
    if kind == "frac":
        exact = Decimal(t).scaleb(-3)
        value = float(Decimal(t).scaleb(-5)) * 100
    else:
        k = int(kind)
        exact = Decimal(t // 10 ** (3 - k)).scaleb(-k)
        value = float(exact)
    for _ in range(abs(ulps)):
        value = float(np.nextafter(value, np.inf if ulps > 0 else -np.inf))
    need = max(0, -int(exact.normalize().as_tuple().exponent))
    return value, need


_FIGURES = st.lists(
    st.tuples(
        st.sampled_from(["1", "2", "2", "2", "3", "frac"]),
        st.integers(4000, 4060),
        st.integers(-2, 2),
    ),
    min_size=3,
    max_size=7,
)


@settings(max_examples=80, deadline=None)
@given(figures=_FIGURES, descending=st.booleans())
@example(
    # 4.10, 4.11 as 0.0411 * 100, 4.20, 4.30, 4.00: the reproducer above
    figures=[("2", 4100, 0), ("frac", 4110, 0), ("2", 4200, 0), ("1", 4300, 0)],
    descending=False,
)
@example(
    # 4.13 beside 4.129 as 0.04129 * 100 (4.1290000000000004), 4.1, 4.0
    figures=[("2", 4130, 0), ("frac", 4129, 0), ("1", 4100, 0), ("1", 4000, 0)],
    descending=True,
)
def test_warned_exactly_where_a_verdict_depends_on_the_reading(
    figures: list[tuple[str, int, int]], descending: bool
) -> None:
    # Every region stated at every rank: read at the decimals the figures
    # need at most (d) and at those more than half of them need at most
    # (common, the warning's other reading; a figure needing more is read
    # on its own). Worked out here from the exact decimals, not from
    # povstat: d is the most any needs; where fewer than half need d,
    # common is the fewest that more than half need no more than, else d
    # (one reading: nothing to warn about). At common every figure's
    # interval holds its interval at d, so an order open at d is open at
    # common; one open only at common widens the ranks a region could
    # take, so some stated rank's verdict differs. The warning is given
    # exactly where a verdict differs.
    made = [_figure(*f) for f in figures]
    n = len(made)
    needs = [need for _, need in made]
    d = max(needs)
    common = d
    if 2 * needs.count(d) < n:
        common = next(k for k in range(d + 1) if 2 * sum(x <= k for x in needs) > n)
    names = [f"R{i}" for i in range(n)]
    data = pd.DataFrame(
        {"region": names, "year": 2023, "rate": [v for v, _ in made], "poor": 10.0}
    )
    statements = pd.concat(
        [_rank(r, k, descending=descending) for r in names for k in range(1, n + 1)],
        ignore_index=True,
    )
    at_d, warned = _verdicts(statements, data, KW)
    at_common, _ = _verdicts(statements, data, KW, rate_decimals=common)
    assert bool(warned) == (at_d != at_common), (at_d, at_common, warned)
    if warned:
        assert len(warned) == 1
        assert f"is read at {d} decimals" in warned[0]
        assert f"`rate_decimals={common}`" in warned[0]
