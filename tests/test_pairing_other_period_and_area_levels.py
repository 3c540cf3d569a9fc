"""Pairing advice for a level of another period, or one telling rows apart.

pairing22 F1: ``se`` indexed by (code, 2022) beside estimates indexed by
(code, 2023) (or a September SE beside March estimates, a 2022 headcount
beside a 2023 rate) was advised to drop the year and align: followed, the
2023 rates were ranked with the 2022 SEs. They are now refused, naming the
two periods, with no code; a year on one side alone, or one year written
otherwise (2023 and Period('2023')), is still dropped, and a change's two
sides may be of two years.

pairing22 F2: ``se`` indexed by (code, area), urban and rural, beside
estimates indexed by code alone was advised to "drop a level one side has
more": followed, the repeated codes were paired by position. The advice
is now to index the estimates by the area too, which, followed, gives the
hand-aligned sets. Each printed recipe is run exactly as printed
(:func:`cov_pairing.follow`, or both expressions of "`A` beside `B`").
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat
from cov_pairing import CHANGE_KW, CODES, CONSISTENCY_KW, KW, mi, no_code, refused
from povstat.statements import check_change_statement, check_consistency

RATES = [13.5, 9.5, 4.0]  # 3501, 3502, 3579, as in cov_pairing
SES = [0.2, 0.3, 0.4]
# By hand (as cov_pairing): differences of 4 and more, se at most 0.4, so
# each rank is certain: 13.5 -> 1, 9.5 -> 2, 4.0 -> 3.
CERTAIN = [1, 2, 3]


# --- F1: arguments of two periods --------------------------------------------

EST_2023 = pd.Series(
    RATES, index=mi([(c, 2023) for c in CODES], ["region_code", "year"])
)
SE_2022 = pd.Series(SES, index=mi([(c, 2022) for c in CODES], ["region_code", "year"]))


@pytest.mark.parametrize(
    "call",
    [
        lambda e, s: povstat.rank_confidence_sets(e, se=s, **KW),
        lambda e, s: povstat.tau_best_set(
            e, se=s, tau=1, descending=True, level=0.9, method="bonferroni"
        ),
        lambda e, s: povstat.rank_probabilities(e, se=s, descending=True, seed=1),
    ],
)
def test_se_of_another_year_isrefused(call: Any) -> None:
    msg = refused(lambda: call(EST_2023, SE_2022))
    assert "they are of different periods" in msg
    assert "level 'year' holds 2023 in `estimates` and 2022 in `se`" in msg
    no_code(msg)


def test_se_of_another_month_or_with_a_month_more_isrefused() -> None:
    def months(m: int) -> pd.MultiIndex:
        return mi([(c, 2023, m) for c in CODES], ["region_code", "year", "month"])

    msg = refused(
        lambda: povstat.rank_confidence_sets(
            pd.Series(RATES, index=months(3)), se=pd.Series(SES, index=months(9)), **KW
        )
    )
    assert "level 'month' holds 3 in `estimates` and 9 in `se`" in msg
    no_code(msg)
    se = pd.Series(
        SES, index=mi([(c, 2022, 3) for c in CODES], ["region_code", "year", "month"])
    )
    msg = refused(lambda: povstat.rank_confidence_sets(EST_2023, se=se, **KW))
    assert "level 'year' holds 2023 in `estimates` and 2022 in `se`" in msg
    no_code(msg)


def test_cov_of_another_year_is_refused_as_its_se() -> None:
    cov = pd.DataFrame(
        np.diag(np.square(SES)), index=SE_2022.index, columns=SE_2022.index
    )
    msg = refused(lambda: povstat.rank_confidence_sets(EST_2023, cov=cov, **KW))
    assert "level 'year' holds 2023 in `estimates` and 2022 in `cov`" in msg
    no_code(msg)


def test_consistency_of_two_years_isrefused() -> None:
    # 13.5 % of 200 thousand is 27 thousand: consistent only within a year.
    rate = EST_2023
    headcount = pd.Series([27.0, 19.0, 8.0], index=SE_2022.index)
    population = pd.Series([200.0, 200.0, 200.0], index=EST_2023.index)
    msg = refused(
        lambda: check_consistency(rate, headcount, population, **CONSISTENCY_KW)
    )
    assert "level 'year' holds 2023 in `rate` and 2022 in `headcount`" in msg
    no_code(msg)


def _beside(msg: str, names: dict[str, Any]) -> tuple[Any, Any]:
    """Both expressions of "e.g. `A` beside `B`", from the inputs as passed."""
    m = re.search(r"e\.g\. `([^`]*)` beside `([^`]*)`", msg)
    assert m is not None, msg
    return eval(m.group(1), {}, names), eval(m.group(2), {}, names)


@pytest.mark.parametrize(
    ("estimates", "se"),
    [
        # estimates with no year: se's one-value year is dropped
        (
            pd.Series(RATES, index=pd.Index(CODES, name="region_code")).iloc[::-1],
            pd.Series(
                SES, index=mi([(c, 2023) for c in CODES], ["region_code", "year"])
            ),
        ),
        # one year written otherwise: 2023 and Period('2023')
        (
            EST_2023.iloc[::-1],
            pd.Series(
                SES,
                index=mi(
                    [(c, pd.Period("2023")) for c in CODES], ["region_code", "year"]
                ),
            ),
        ),
    ],
)
def test_same_period_is_still_dropped_and_followed(estimates: Any, se: Any) -> None:
    msg = refused(lambda: povstat.rank_confidence_sets(estimates, se=se, **KW))
    assert "of different periods" not in msg
    a, b = _beside(msg, {"estimates": estimates, "se": se})
    # Followed, each rate has its own region's se: lined up by hand,
    # 4.0 with 0.4, 9.5 with 0.3, 13.5 with 0.2 (whichever side leads).
    rates, ses = (a, b) if a.max() > 1 else (b, a)
    assert dict(zip(rates.to_numpy(), ses.to_numpy(), strict=True)) == dict(
        zip(RATES, SES, strict=True)
    )
    r = povstat.rank_confidence_sets(rates, se=ses, **KW)
    np.testing.assert_array_equal(r.lower, [CERTAIN[RATES.index(v)] for v in rates])


def test_change_between_two_years_still_gets_its_recipe() -> None:
    before = pd.Series(RATES, index=SE_2022.index)
    after = pd.Series([13.0, 9.6, 3.5], index=EST_2023.index)
    kw = CHANGE_KW
    msg = refused(lambda: check_change_statement(before, after, 0.5, **kw))
    assert "of different periods" not in msg
    b, a = _beside(msg, {"before": before, "after": after})
    # By hand: 13.5 -> 13.0 and 4.0 -> 3.5 fell 0.5; 9.5 -> 9.6 rose.
    res = check_change_statement(b, a, 0.5, **kw)
    assert list(res.verdict) == ["holds", "does not hold", "holds"]


# --- F2: a level of several values telling rows apart -------------------------

UA = mi(
    [(c, a) for c in ["3501", "3502", "3503"] for a in ("perkotaan", "perdesaan")],
    ["region_code", "area"],
)
TRUTH = [10.0, 12.0, 8.0, 9.5, 11.0, 7.0]  # rates by (code, area)
SE_UA = pd.Series([0.3, 0.9, 0.5, 0.4, 0.8, 0.6], index=UA)
ORDER = [1, 0, 3, 2, 5, 4]  # the rates' own table: rural row first
TABLE = pd.DataFrame(
    {
        "region_code": UA.get_level_values(0)[ORDER],
        "area": UA.get_level_values(1)[ORDER],
        "rate": np.asarray(TRUTH)[ORDER],
    }
)
BY_CODE = TABLE.set_index("region_code").rate  # repeated codes


def test_area_level_is_not_advised_dropped_and_the_advice_followed() -> None:
    msg = refused(lambda: povstat.rank_confidence_sets(BY_CODE, se=SE_UA, **KW))
    assert "drop a level" not in msg
    assert "droplevel" not in msg
    assert "`se` tells its rows apart by level 'area'" in msg
    assert "`df.set_index(['region_code', 'area'])`" in msg
    # Followed on the table the rates came from, then aligned by label.
    estimates = TABLE.set_index(["region_code", "area"]).rate
    r = povstat.rank_confidence_sets(estimates, se=SE_UA.reindex(estimates.index), **KW)
    # Hand-aligned: each rural-first row with its own area's se.
    h = povstat.rank_confidence_sets(
        pd.Series(np.asarray(TRUTH)[ORDER]).to_numpy(),
        se=SE_UA.to_numpy()[ORDER],
        **KW,
    )
    np.testing.assert_array_equal(r.lower, h.lower)
    np.testing.assert_array_equal(r.upper, h.upper)
    # By hand (pairing22), descending at 90 %, Bonferroni one at a time.
    np.testing.assert_array_equal(h.lower, [1, 1, 2, 5, 5, 1])
    np.testing.assert_array_equal(h.upper, [3, 4, 4, 6, 6, 4])


def test_area_level_of_a_cov_or_a_change_is_not_advised_dropped() -> None:
    cov = pd.DataFrame(np.diag(SE_UA.to_numpy() ** 2), index=UA, columns=UA)
    msg = refused(lambda: povstat.rank_confidence_sets(BY_CODE, cov=cov, **KW))
    assert "drop a level" not in msg
    assert "droplevel" not in msg
    assert "`cov` tells its rows apart by level 'area'" in msg
    before = pd.Series([10.5, 12.1, 8.3, 9.4, 11.2, 7.3], index=UA)
    msg = refused(
        lambda: check_change_statement(
            before,
            BY_CODE,
            [0.5] * 6,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
        )
    )
    assert "drop a level" not in msg
    assert "droplevel" not in msg
    assert "`before` tells its rows apart by level 'area'" in msg
