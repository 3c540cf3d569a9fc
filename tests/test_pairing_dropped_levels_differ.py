"""No drop recipe where the dropped levels' values differ between two sides.

pairing23 G1a: ``se`` of (code, 2022) beside estimates of (code, 2023) was
refused only where the year level had one name on both sides; named
'tahun', unnamed, or a month 'bulan' 9 beside 'month' 3, it got "drop
those levels and align them" (or ".to_numpy() of one"), which, followed,
ranked the 2023 rates with the 2022 SEs. G1b: an ``se`` of 2023 for some
regions and 2022 for the rest got the same recipe. Now a level is advised
dropped from both sides only where, for each pair of rows the drop would
line up, it holds one value on both sides; a level only one side has is
still dropped, and the recipe, followed, gives the hand-aligned call.
G2: values that are not two periods of one kind (Timestamp beside Period,
'P0' beside 'SE P0') are no longer called "of different periods".
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat
from cov_pairing import (
    CODES,
    CONSISTENCY_KW,
    KW,
    benchmark_followed,
    follow,
    mi,
    no_code,
    refused,
)
from povstat.statements import check_consistency

RATES = [13.5, 9.5, 4.0]  # 3501, 3502, 3579, as in cov_pairing
SES = [0.2, 0.3, 0.4]


EST = pd.Series(RATES, index=mi([(c, 2023) for c in CODES], ["region_code", "year"]))


def _no_recipe(msg: str) -> None:
    no_code(msg)
    assert "pass .to_numpy()" not in msg
    assert "to_numpy() of one" not in msg


MIXED_YEARS = [(c, y) for c, y in zip(CODES, [2023, 2023, 2022], strict=True)]


@pytest.mark.parametrize(
    ("se_index", "example"),
    [
        # G1a: the other year's level named otherwise
        (mi([(c, 2022) for c in CODES], ["region_code", "tahun"]), "('3501', 2022)"),
        (mi([(c, 2022) for c in CODES], ["region_code", "Year"]), "('3501', 2022)"),
        # G1b: 3579 of 2022, the others of 2023, under the same level name
        (mi(MIXED_YEARS, ["region_code", "year"]), "('3579', 2022)"),
    ],
)
def test_se_whose_dropped_level_differs_gets_no_recipe(
    se_index: Any, example: str
) -> None:
    se = pd.Series(SES, index=se_index)
    for call in (
        lambda: povstat.rank_confidence_sets(EST, se=se, **KW),
        lambda: povstat.tau_best_set(
            EST, se=se, tau=1, descending=True, level=0.9, method="bonferroni"
        ),
        lambda: povstat.rank_probabilities(EST, se=se, descending=True, seed=1),
    ):
        msg = refused(call)
        _no_recipe(msg)
        assert f"{example} in `se`" in msg
        assert "would pair values of different labels" in msg


def test_month_named_otherwise_and_dates_beside_years_get_no_recipe() -> None:
    est = pd.Series(
        RATES,
        index=mi([(c, 2023, 3) for c in CODES], ["region_code", "year", "month"]),
    )
    se = pd.Series(
        SES, index=mi([(c, 2023, 9) for c in CODES], ["region_code", "tahun", "bulan"])
    )
    msg = refused(lambda: povstat.rank_confidence_sets(est, se=se, **KW))
    _no_recipe(msg)
    # (code, March 2023) beside (code, 2023, September): not the same round
    est_t = pd.Series(
        RATES,
        index=mi([(c, pd.Timestamp("2023-03-01")) for c in CODES], ["kode", None]),
    )
    se_y = pd.Series(SES, index=mi([(c, 2023, 9) for c in CODES], [None] * 3))
    msg = refused(lambda: povstat.rank_confidence_sets(est_t, se=se_y, **KW))
    _no_recipe(msg)


def test_unnamed_levels_of_another_year_get_no_recipe() -> None:
    est = pd.Series(RATES, index=mi([(2023, c) for c in CODES], [None, None]))
    se = pd.Series(SES, index=mi([(c, 2022) for c in CODES], [None, None]))
    msg = refused(lambda: povstat.rank_confidence_sets(est, se=se, **KW))
    _no_recipe(msg)


def test_consistency_with_a_headcount_of_mixed_years_gets_no_recipe() -> None:
    # By hand: 13.5 % of 200 is 27, 9.5 % is 19, 4.0 % is 8 (all 2023).
    population = pd.Series([200.0, 200.0, 200.0], index=EST.index)
    headcount = pd.Series(
        [27.0, 19.0, 9.0], index=mi(MIXED_YEARS, ["region_code", "year"])
    )
    msg = refused(
        lambda: check_consistency(EST, headcount, population, **CONSISTENCY_KW)
    )
    _no_recipe(msg)
    assert "('3579', 2023) in `rate`, ('3579', 2022) in `headcount`" in msg


def test_benchmark_of_mixed_years_keeps_its_recipe() -> None:
    # A benchmark may be of another year (a target): its recipe is kept.
    bench = pd.Series([13.0, 9.6, 3.5], index=mi(MIXED_YEARS, ["region_code", "tahun"]))
    verdicts = benchmark_followed(EST, bench, "droplevel")
    # By hand: 13.5 < 13.0 no, 9.5 < 9.6 yes, 4.0 < 3.5 no.
    assert verdicts == ["does not hold", "holds", "does not hold"]


def test_level_only_one_side_has_is_still_dropped_and_followed() -> None:
    # se of (code, tahun 2023, bulan 3) beside estimates by code alone, in
    # the other order: the deeper side drops its levels; followed, each
    # rate has its own region's se, as se.loc[...] by hand would give.
    est = pd.Series(RATES, index=pd.Index(CODES, name="region_code")).iloc[::-1]
    se = pd.Series(
        SES, index=mi([(c, 2023, 3) for c in CODES], ["region_code", "tahun", "bulan"])
    )
    msg = refused(lambda: povstat.rank_confidence_sets(est, se=se, **KW))
    assert "droplevel" in msg
    names = follow(msg, {"estimates": est, "se": se})
    got = povstat.rank_confidence_sets(names["estimates"], se=names["se"], **KW)
    hand_se = pd.Series(SES, index=pd.Index(CODES)).loc[list(est.index)]
    ref = povstat.rank_confidence_sets(est.to_numpy(), se=hand_se.to_numpy(), **KW)
    np.testing.assert_array_equal(got.lower, ref.lower)
    np.testing.assert_array_equal(got.upper, ref.upper)
    # By hand: differences of 4 and more, se at most 0.4: 4.0 -> 3,
    # 9.5 -> 2, 13.5 -> 1, each certain.
    np.testing.assert_array_equal(ref.lower, [3, 2, 1])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (pd.Timestamp("2023-03-01"), pd.Period("2023-03")),
        (pd.Timestamp("2023-01-01"), 2023),
        ("P0", "SE P0"),
        (3, "Maret"),
    ],
)
def test_values_of_other_kinds_are_not_called_periods(a: Any, b: Any) -> None:
    names = ["region_code", "level_x"]
    est = pd.Series(RATES, index=mi([(c, a) for c in CODES], names))
    se = pd.Series(SES, index=mi([(c, b) for c in CODES], names))
    msg = refused(lambda: povstat.rank_confidence_sets(est, se=se, **KW))
    assert "period" not in msg
    assert f"level 'level_x' holds {a!r} in `estimates` and {b!r} in `se`" in msg
    _no_recipe(msg)
