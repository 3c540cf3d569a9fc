"""The decimals of the `rate` column in check_statements (`rate_decimals`).

BPS publishes its rates to 2 decimals. A float cannot show a trailing zero
(4.10 is 4.1), so a column is read at the most decimals any of its figures
needs (at most 10; a computed figure needing more is read as given, on its
own), with a warning where fewer than half of the figures need them;
``rate_decimals`` states them, and a figure needing more is then read on
its own (a pooled 7.876 appended to rates of 2 decimals).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_rank_statement,
    check_statements,
)
from statement_frames import (
    EJ_COLS,
    EJ_KW,
    appended,
    change_row,
    east_java,
    no_warning,
    rank_rows,
)

KW = EJ_KW
COLS = EJ_COLS


def _three_cities() -> pd.DataFrame:
    # BPS 2018: Kota Malang 4.10, Kota Probolinggo 7.20, Kota Surabaya 4.88.
    return east_java([2018], ["Kota Malang", "Kota Probolinggo", "Kota Surabaya"])


def _malang_rank(*values: tuple[float, int]) -> pd.DataFrame:
    return rank_rows("Kota Malang", 2018, 1, *values)


def test_a_small_frame_of_figures_ending_in_0_is_read_at_2_decimals() -> None:
    # 4.1, 7.2 and 4.88 need 1, 1 and 2 decimals: the column is read at 2
    # (the most any needs), so BPS's 4.10 is exactly the stated 4.10 and
    # 4.12 is not it. Only Kota Surabaya needs 2: warned, named.
    st = _malang_rank((4.10, 2), (4.12, 2))
    with pytest.warns(
        UserWarning,
        match=r"read at 2 decimals.*2 of its 3 figures need 1 at most and only "
        r"1 needs more: 'Kota Surabaya' at 2018 \(4.88\).*rate_decimals=",
    ):
        out = check_statements(st, _three_cities(), **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]
    assert out["reason"][0].endswith("its value 4.10 is as stated")
    assert "published with 1 decimal" not in " ".join(out["reason"])
    # Stated, no warning: the same verdicts.
    with no_warning():
        given = check_statements(st, _three_cities(), rate_decimals=2, **KW)
    assert given["verdict"].tolist() == [HOLDS, NOT_HOLDS]


def test_change_rows_of_one_city_over_three_years() -> None:
    # BPS: Kota Blitar 7.30 (2023), 6.75 (2024), 6.60 (2025); 7.3 and 6.6
    # need 1 decimal, 6.75 needs 2: read at 2, 7.30 - 6.60 = 0.70 exactly,
    # so a fall of 0.70 points holds and 0.72 does not.
    b = east_java([2023, 2024, 2025], ["Kota Blitar"])
    st = pd.DataFrame(
        [change_row("Kota Blitar", 2023, 2025, s, 2) for s in (0.70, 0.72)]
    )
    with pytest.warns(UserWarning, match=r"'Kota Blitar' at 2024 \(6.75\)"):
        out = check_statements(st, b, **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]
    assert "from 7.30 % to 6.60 %" in out["reason"][0]
    out = check_statements(st, b, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]


def _kab_kota_2023() -> pd.DataFrame:
    return east_java([2023])


def _with_malang_raya(k: pd.DataFrame, pooled: Any) -> pd.DataFrame:
    # The pooled rate of Malang Raya rounded to 3 decimals (aggregates.rst).
    return appended(k, "Malang Raya", 2023, pooled, 296.24)


def _malang_2023(*values: tuple[float, int]) -> pd.DataFrame:
    return rank_rows("Kota Malang", 2023, 2, *values)


def test_an_appended_3_decimal_figure_with_and_without_rate_decimals() -> None:
    # BPS 2023: Kota Malang 4.26, second lowest after Kota Batu 3.31; the
    # appended Malang Raya 7.876 is the one figure needing 3 decimals.
    data = _with_malang_raya(_kab_kota_2023(), 7.876)
    st = _malang_2023((4.26, 2), (4.261, 3))
    # rate_decimals=2: 4.26 holds; 4.261 lies in [4.255, 4.265): cannot tell.
    with no_warning():
        out = check_statements(st, data, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [HOLDS, UNDECIDED]
    assert "published with 2 decimals" in out["reason"][1]
    # Without it: read at 3 decimals (4.26 is 4.260, not 4.261), warned.
    with pytest.warns(
        UserWarning,
        match=r"read at 3 decimals.*38 of its 39 figures need 2 at most and "
        r"only 1 needs more: 'Malang Raya' at 2023 \(7.876\)",
    ):
        out = check_statements(st, data, **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]


def test_a_decimal_column_reads_each_object_at_its_places() -> None:
    # Decimal("4.10") has 2 places; one appended Decimal("7.876") has 3.
    # Kota Malang fell from 4.37 (2022) to 4.26 (2023): at 2 decimals the
    # fall lies in (0.10, 0.12), so 0.105 (3 decimals) cannot be told, nor
    # can a value 4.261; without rate_decimals the column is read at 3,
    # which only the appended figure needs: warned.
    kk = east_java([2022, 2023])
    kk = kk.assign(
        poverty_rate_pct=pd.Series(
            [Decimal(f"{x:.2f}") for x in kk.poverty_rate_pct],
            index=kk.index,
            dtype=object,
        )
    )
    data = _with_malang_raya(kk, Decimal("7.876"))
    st = pd.concat(
        [
            _malang_2023((4.261, 3)),
            pd.DataFrame([change_row("Kota Malang", 2022, 2023, 0.105, 3)]),
        ],
        ignore_index=True,
    )
    out = check_statements(st, data, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    with pytest.warns(UserWarning, match=r"'Malang Raya' at 2023 \(7.876\)"):
        out = check_statements(st, data, **KW)
    assert out["verdict"].tolist() == [NOT_HOLDS, NOT_HOLDS]
    # Without the appended figure: 2 places, no warning, cannot tell.
    with no_warning():
        out = check_statements(st, kk, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]


def test_a_computed_figure_is_read_as_given_without_warning() -> None:
    # A pooled rate left unrounded (needs more than 10 decimals) is no
    # figure: the others (2 decimals) set the column's, and no warning.
    data = _with_malang_raya(_kab_kota_2023(), 7.876104702999582)
    with no_warning():
        out = check_statements(_malang_2023((4.261, 3)), data, **KW)
    assert out["verdict"].tolist() == [UNDECIDED]


@pytest.mark.parametrize(
    ("given", "error", "match"),
    [
        (2.0, TypeError, r"`rate_decimals` must be an int, got 2.0"),
        ("2", TypeError, r"`rate_decimals` must be an int"),
        (11, ValueError, r"`rate_decimals`"),
    ],
)
def test_rate_decimals_must_be_an_int_in_range(
    given: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        check_statements(
            _malang_rank((4.10, 2)), _three_cities(), rate_decimals=given, **KW
        )


def test_a_text_period_against_pandas_periods_is_refused() -> None:
    # BPS's two rounds as quarters: March 2023Q1, September 2023Q3. The text
    # "2023" names a year, not a round; pandas would parse it as 2023Q1.
    d = east_java([2023])[["region_name", "poverty_rate_pct"]]
    data = pd.concat(
        [
            d.assign(period=pd.Series(pd.Period("2023Q1", "Q"), index=d.index)),
            d.assign(period=pd.Series(pd.Period("2023Q3", "Q"), index=d.index)),
        ],
        ignore_index=True,
    )
    st = rank_rows("Kota Malang", "2023", 2, (4.26, 2))
    with pytest.raises(
        ValueError,
        match=r"row 0 column 'period' holds '2023' \(of type str\), but `data` "
        r"column 'period' holds 2023Q1 of type Period \(period\[Q-DEC\]\)",
    ):
        check_statements(
            st,
            data,
            unit="percent",
            persons_per_poor_unit=1000,
            region="region_name",
            headcount=None,
        )


# Level changes read their column by the rate column's rule.

#: BPS: Kota Malang 37.78 thousand poor in 2023, 34.41 thousand in 2025 (2
#: decimals): a fall of 3.37 thousand, whose true size lies in
#: (37.775 - 34.415, 37.785 - 34.405) = (3.36, 3.38).
MALANG_POOR = [
    change_row(
        "Kota Malang", 2023, 2025, 3.37, 2, kind="level_change", stated_as="units"
    ),
    change_row(
        "Kota Malang", 2023, 2025, 3.371, 3, kind="level_change", stated_as="units"
    ),
    # In persons: 37,780 and 34,410 are published to tens (-1 decimals):
    # 3,371 persons lies in (3,360, 3,380).
    change_row(
        "Kota Malang", 2023, 2025, 3371, 0, kind="level_change", stated_as="persons"
    ),
]


def test_a_computed_count_appended_leaves_the_others_at_their_decimals() -> None:
    # Malang Raya's pooled number of poor, computed (more than 10
    # decimals), appended: read as given on its own. Kota Malang's counts
    # stay 2-decimal figures, so 3.37 holds and 3.371 thousand, or 3,371
    # persons, may be the true fall (cannot tell). Before, the one computed
    # figure made the whole column read as given: 3.371 and 3,371 "did not
    # hold" (the exact 3.370, 3,370).
    data = appended(
        east_java([2023, 2025], ["Kota Malang"]),
        "Malang Raya",
        2023,
        7.88,
        296.2412345678901,
    )
    with no_warning():
        out = check_statements(pd.DataFrame(MALANG_POOR), data, **KW)
    assert out["verdict"].tolist() == [HOLDS, UNDECIDED, UNDECIDED]


def test_levels_decimals_states_a_count_column_s_decimals() -> None:
    # One pooled count typed with 3 decimals (296.245) appended: without
    # `levels_decimals` the column is read at 3 (the most its figures
    # need), so 37.78 is 37.780 and the fall is exactly 3.370: 3.371 does
    # not hold, and the warning names the figure; with
    # levels_decimals={"poor_thousands": 2}, 296.245 is read on its own and
    # the fall lies in (3.36, 3.38): cannot tell, no warning.
    data = appended(
        east_java([2023, 2025], ["Kota Malang", "Kota Batu"]),
        "Malang Raya",
        2023,
        7.88,
        296.245,
    )
    st = pd.DataFrame(MALANG_POOR)
    with pytest.warns(
        UserWarning,
        match=r"`data` column 'poor_thousands' is read at 3 decimals.*"
        r"'Malang Raya' at 2023 \(296.245\).*"
        r"`levels_decimals=\{'poor_thousands': 2\}` if most figures were "
        r"published with 2",
    ):
        out = check_statements(st, data, **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS, NOT_HOLDS]
    with no_warning():
        out = check_statements(st, data, levels_decimals={"poor_thousands": 2}, **KW)
    assert out["verdict"].tolist() == [HOLDS, UNDECIDED, UNDECIDED]


@pytest.mark.parametrize(
    ("given", "error", "match"),
    [
        (2, TypeError, r"`levels_decimals` must be None or a mapping.*got int"),
        ({"poor": 2}, ValueError, r"`levels_decimals` names 'poor', which is not a"),
        (
            {"poverty_rate_pct": 2},
            ValueError,
            r"'poverty_rate_pct', the rate column.*`rate_decimals`",
        ),
        ({"poor_thousands": 2.0}, TypeError, r"`levels_decimals\['poor_thousands'\]`"),
        ({"poor_thousands": 11}, ValueError, r"`levels_decimals\['poor_thousands'\]`"),
    ],
)
def test_levels_decimals_is_checked(
    given: Any, error: type[Exception], match: str
) -> None:
    data = east_java([2023, 2025], ["Kota Malang"])
    with pytest.raises(error, match=match):
        check_statements(pd.DataFrame(MALANG_POOR), data, levels_decimals=given, **KW)


# Figures of different decimals are compared by their own intervals.

#: BPS 2024 (2 decimals): Sampang 20.83, Bangkalan 18.66, Sumenep 17.78,
#: Probolinggo 16.45; Madura, the four regencies of the island pooled with
#: aggregate_regions (17.783763667364354), appended rounded to 3 decimals.
MADURA_NAMES = [
    "Kabupaten Sampang",
    "Kabupaten Bangkalan",
    "Kabupaten Sumenep",
    "Kabupaten Probolinggo",
    "Madura",
]


def _madura(pooled: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_name": MADURA_NAMES,
            "year": 2024,
            "poverty_rate_pct": [20.83, 18.66, 17.78, 16.45, pooled],
            "poor_thousands": [214.32, 190.94, 196.42, 197.11, 725.14],
        }
    )


def _sumenep_rows() -> pd.DataFrame:
    rows = [
        ("Kabupaten Sumenep", 4, "Madura"),
        ("Kabupaten Sumenep", 3, "Kabupaten Bangkalan"),
        ("Kabupaten Sumenep", 5, None),
        ("Kabupaten Bangkalan", 2, "Kabupaten Sampang"),
        ("Kabupaten Probolinggo", 5, None),
    ]
    return pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": r,
                "period": 2024,
                "stated_rank": k,
                "descending": True,
                "after": a,
            }
            for r, k, a in rows
        ]
    )


@pytest.mark.parametrize(
    ("pooled", "given"), [(17.784, 2), (17.785, 2), (17.783763667364354, None)]
)
def test_a_figure_inside_another_s_rounding_interval_is_not_ordered_against_it(
    pooled: float, given: int | None
) -> None:
    # Sumenep's 17.78 stands for [17.775, 17.785). Madura's 17.784 (read on
    # its own at 3 decimals) stands for [17.7835, 17.7845), 17.785 for
    # [17.7845, 17.7855), and the computed rate for itself: each meets
    # Sumenep's interval, so which is higher is open, and Sumenep is 3rd
    # or 4th: "4th, after Madura" and "3rd, after Bangkalan" cannot be
    # told (before, 17.784 > 17.78 ordered them: holds, does not hold).
    # 5th is neither: does not hold. Bangkalan (18.66) 2nd after Sampang
    # (20.83) holds; Probolinggo (16.45) is 5th whatever the order above.
    out = check_statements(_sumenep_rows(), _madura(pooled), rate_decimals=given, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED, NOT_HOLDS, HOLDS, HOLDS]
    assert "do not order it against Madura" in out["reason"][0]
    assert "[17.775, 17.785)" in out["reason"][0]
    # The single check with the column's decimals agrees.
    single = check_rank_statement(
        _madura(pooled)["poverty_rate_pct"],
        MADURA_NAMES,
        subject="Kabupaten Sumenep",
        stated_rank=4,
        descending=True,
        after="Madura",
        values_decimals=2,
    )
    assert str(single.verdict) == UNDECIDED


def test_a_figure_outside_another_s_rounding_interval_is_ordered() -> None:
    # 17.786 stands for [17.7855, 17.7865), above all of [17.775, 17.785):
    # Madura is surely higher, and Sumenep 4th after it holds; 3rd after
    # Bangkalan does not (Madura stands between).
    out = check_statements(_sumenep_rows(), _madura(17.786), rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS, NOT_HOLDS, HOLDS, HOLDS]


# The warning on the column's decimals: only where it can matter.


def test_no_warning_where_the_decimals_cannot_change_a_verdict() -> None:
    # 4.1, 7.2 and 4.88 need 1, 1 and 2 decimals. A rank without a stated
    # value is the same at any precision of the three (4.88 at 2 decimals,
    # [4.875, 4.885), meets neither [4.05, 4.15) nor [7.15, 7.25)): no
    # warning. Kota Malang is the lowest: holds.
    st = rank_rows("Kota Malang", 2018, 1, (4.10, 2)).drop(
        columns=["stated_value", "value_decimals"]
    )
    with no_warning():
        out = check_statements(st, _three_cities(), **KW)
    assert out["verdict"].tolist() == [HOLDS]


def test_the_warning_names_both_readings_where_they_can_matter() -> None:
    # A stated value of 4.12 for Kota Malang's 4.1: at 2 decimals it does
    # not hold (4.10), at 1 it cannot be told ([4.05, 4.15)): warned, with
    # rate_decimals=2 and rate_decimals=1 spelt out.
    with pytest.warns(
        UserWarning,
        match=r"2 of its 3 figures need 1 at most.*`rate_decimals=2` if 2 \(the "
        r"verdicts stay\), `rate_decimals=1` if most figures were published with 1",
    ):
        check_statements(_malang_rank((4.12, 2)), _three_cities(), **KW)


def test_a_warning_where_a_figure_meets_another_s_interval() -> None:
    # A 4.1 (1 decimal: [4.05, 4.15)), B 7.2, C 4.15 (2 decimals: [4.145,
    # 4.155)): read at 1 decimal, A and C would not be ordered; the plain
    # rank of B can change with the reading: warned.
    data = pd.DataFrame(
        {
            "region_name": ["A", "B", "C"],
            "year": 2018,
            "poverty_rate_pct": [4.1, 7.2, 4.15],
            "poor_thousands": [1.0, 2.0, 3.0],
        }
    )
    st = rank_rows("A", 2018, 1, (4.1, 1)).drop(
        columns=["stated_value", "value_decimals"]
    )
    with pytest.warns(UserWarning, match=r"'C' at 2018 \(4.15\)"):
        out = check_statements(st, data, **KW)
    assert out["verdict"].tolist() == [HOLDS]
    out = check_statements(st, data, rate_decimals=1, **KW)
    assert out["verdict"].tolist() == [UNDECIDED]


def test_a_change_between_figures_of_different_decimals_uses_each_interval() -> None:
    # Malang Raya (made up): 8.1 in 2022, read at the column's 2 decimals
    # ([8.095, 8.105)), and 7.876 in 2023, appended with 3 ([7.8755,
    # 7.8765)). The fall lies in (8.095 - 7.8765, 8.105 - 7.8755) =
    # (0.2185, 0.2295): 0.224 and 0.229 (3 decimals) may be it, 0.230 is
    # not (its interval [0.2295, 0.2305) starts at the open end); 0.22 (2
    # decimals) is the change as published. Before, 8.1 was read as 8.100
    # ([8.0995, 8.1005)): 0.229 "did not hold", 0.224 "held".
    data = pd.DataFrame(
        {
            "region_name": ["Kota Malang", "Malang Raya"] * 2,
            "year": [2022, 2022, 2023, 2023],
            "poverty_rate_pct": [4.37, 8.1, 4.26, 7.876],
            "poor_thousands": [38.0, 300.0, 37.78, 296.24],
        }
    )
    st = pd.DataFrame(
        [
            change_row("Malang Raya", 2022, 2023, s, k)
            for s, k in ((0.224, 3), (0.229, 3), (0.230, 3), (0.22, 2))
        ]
    )
    out = check_statements(st, data, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED, NOT_HOLDS, HOLDS]
    assert "than the rates (2 and 3 decimals) allow" in out["reason"][0]


def test_a_level_change_between_counts_of_different_decimals() -> None:
    # Kota Malang 37.78 thousand poor in 2023 (2 decimals, the column's:
    # [37.775, 37.785)) and a made-up 34.405 in 2025, typed with 3
    # ([34.4045, 34.4055)): the fall lies in (37.775 - 34.4055, 37.785 -
    # 34.4045) = (3.3695, 3.3805). 3.375 thousand (3 decimals) may be it:
    # cannot tell; 3.38 is the published difference 3.375 at 2 decimals:
    # holds; in persons (37,780 to tens, 34,405 to ones) 3,375 may be it.
    data = pd.DataFrame(
        {
            "region_name": ["Kota Malang", "Kota Malang", "Kota Batu", "Kota Batu"],
            "year": [2023, 2025, 2023, 2025],
            "poverty_rate_pct": [4.26, 3.85, 3.31, 2.86],
            "poor_thousands": [37.78, 34.405, 7.10, 6.22],
        }
    )
    st = pd.DataFrame(
        [
            change_row(
                "Kota Malang", 2023, 2025, s, k, kind="level_change", stated_as=a
            )
            for s, k, a in (
                (3.375, 3, "units"),
                (3.38, 2, "units"),
                (3375, 0, "persons"),
            )
        ]
    )
    out = check_statements(st, data, levels_decimals={"poor_thousands": 2}, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, HOLDS, UNDECIDED]
    assert "than the levels (2 and 3 decimals) allow" in out["reason"][0]
    # 37.78 ([37.775, 37.785)) to 34.405 ([34.4045, 34.4055)): a fall in
    # (37.775 - 34.4055, 37.785 - 34.4045) = (3.3695, 3.3805), exactly.
    assert "the true fall lies between 3.3695 and 3.3805" in out["reason"][0]


def _two_appended() -> pd.DataFrame:
    # BPS rates of 2 decimals (2022-2024), with Malang Raya appended as an
    # earlier article printed it (7.88 in 2022), rounded to 3 (7.876 in
    # 2023) and computed (7.4478134 in 2024), and a computed
    # Gerbangkertosusila (9.1234567 in 2024).
    data = east_java([2022, 2023, 2024])
    for region, year, rate, poor in (
        ("Malang Raya", 2022, 7.88, 299.49),
        ("Malang Raya", 2023, 7.876, 296.24),
        ("Malang Raya", 2024, 7.4478134, 281.57),
        ("Gerbangkertosusila", 2024, 9.1234567, 900.00),
    ):
        data = appended(data, region, year, rate, poor)
    return data


def test_the_warning_names_every_figure_needing_more_than_most() -> None:
    # Read at 7 decimals (7.4478134 and 9.1234567 need 7), but nearly all
    # figures need 2 at most: the warning names all three needing more
    # (7.876 too, whose reading decides the direction below) in the order
    # of their labels, and offers rate_decimals=2, not 3.
    st = pd.DataFrame(
        [
            {
                "kind": "direction",
                "region": "Malang Raya",
                "period_before": 2022,
                "period_after": 2023,
                "direction": "fall",
            }
        ]
    )
    data = _two_appended()
    expected = (
        r"need 2 at most and only 3 need more: 'Gerbangkertosusila' at 2024 "
        r"\(9.1234567\), 'Malang Raya' at 2023 \(7.876\), 'Malang Raya' at "
        r"2024 \(7.4478134\);.*`rate_decimals=2` if most figures were "
        r"published with 2"
    )
    texts = set()
    rng = np.random.default_rng(7)
    for order in (
        np.arange(len(data)),
        np.arange(len(data))[::-1],
        rng.permutation(len(data)),
    ):
        with pytest.warns(UserWarning, match=expected) as got:
            check_statements(st, data.iloc[order], **EJ_KW)
        texts |= {str(w.message) for w in got}
    # One text whatever the order of the rows of `data`.
    assert len(texts) == 1
    # As the advice says: 7.88 ([7.875, 7.885)) holds 7.876 ([7.8755,
    # 7.8765)), so the direction cannot be told.
    with no_warning():
        out = check_statements(st, data, rate_decimals=2, **EJ_KW)
    assert out["verdict"].tolist() == [UNDECIDED]
