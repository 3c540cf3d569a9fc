"""Pairing advice for labels indexed by different numbers of levels.

pairing21 M1-M3: two MultiIndexes of different depth (estimates by
(code, year, month) beside ``se`` by (code, period); a covariance matrix
with a round's month more) crashed with pandas' AssertionError; a
covariance matrix with a level more, or beside estimates with a level
more, got recipes reordering its rows alone (pandas) or a pandas-only
``cov.reindex(columns=...)`` (polars). Each printed recipe is run
exactly as printed and its result compared with values worked out by
hand (:mod:`cov_pairing`).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povstat
from cov_pairing import (
    CHANGE_KW,
    CODES,
    NAMES,
    C,
    benchmark_followed,
    check_reversed,
    follow,
    prints_no_code,
    refused,
)
from cov_pairing import KW as RANK_KW
from povstat.statements import check_change_statement

KW: dict[str, Any] = {**RANK_KW, "seed": 1}
RATES = [13.5, 9.5, 4.0]  # 3501, 3502, 3579, as in cov_pairing
CODE_NAME = dict(zip(CODES, NAMES, strict=True))


def _index(tuples: list[Any], names: list[str] | None = None) -> Any:
    if isinstance(tuples[0], tuple):
        return pd.MultiIndex.from_tuples(tuples, names=names)
    return pd.Index(tuples, name=names[0] if names else None)


def _estimates(labels: list[Any], names: list[str] | None = None) -> pd.Series:
    """RATES labelled `labels` (in the order of CODES), then reversed."""
    return pd.Series(RATES, index=_index(labels, names)).iloc[::-1]


def _cov(labels: list[Any], names: list[str] | None = None) -> pd.DataFrame:
    """C labelled `labels` (in the order of CODES) on both axes."""
    index = _index(labels, names)
    return pd.DataFrame(C, index=index, columns=index)


def _refused(call: Any) -> str:
    msg = refused(call)
    assert "AssertionError" not in msg
    # A matrix is never reindexed on one axis alone (its rows, or its
    # columns, pandas-only), nor given its rows' labels on its columns.
    assert not re.search(r"`cov[^`]*\.reindex\(", msg)
    assert "set_axis(cov.index, axis=1)" not in msg
    return msg


def _rank(estimates: pd.Series, cov: Any) -> str:
    return _refused(lambda: povstat.rank_confidence_sets(estimates, cov=cov, **KW))


# --- M1: two MultiIndexes of different depth ---------------------------------

#: Two rounds, March 2022 and March 2023, of 3501 and 3502: the table's
#: (code, year, month) and its own period column.
ROUNDS = [(c, y) for c in CODES[:2] for y in (2022, 2023)]
BY_MONTH = pd.MultiIndex.from_tuples(
    [(c, y, 3) for c, y in ROUNDS], names=["region_code", "year", "month"]
)
BY_PERIOD = pd.MultiIndex.from_tuples(
    [(c, pd.Timestamp(f"{y}-03-01")) for c, y in ROUNDS],
    names=["region_code", "period"],
)
E4 = pd.Series([14.0, 13.5, 9.9, 9.5], index=BY_MONTH)
SE4 = pd.Series([0.2, 0.2, 0.3, 0.3], index=BY_PERIOD)


@pytest.mark.parametrize(
    "call",
    [
        lambda: povstat.rank_confidence_sets(E4, se=SE4, **KW),
        lambda: povstat.tau_best_set(
            E4, se=SE4, tau=1, descending=True, level=0.9, method="bonferroni"
        ),
        lambda: povstat.rank_probabilities(E4, se=SE4, descending=True, seed=1),
        lambda: povstat.rank_confidence_sets(
            E4,
            se=SE4.to_numpy(),
            by=pd.Series([2022, 2023, 2022, 2023], index=BY_PERIOD),
            **KW,
        ),
    ],
    ids=["rank_confidence_sets", "tau_best_set", "rank_probabilities", "by"],
)
def test_different_depths_are_said_level_by_level(call: Any) -> None:
    msg = _refused(call)
    # Level 0 (the codes) pairs; level 1 is years beside periods; level 2
    # (the month) is the estimates' only: no recipe, no .to_numpy().
    assert "level by level: level 0 holds the same labels in both" in msg
    assert "level 2 in `estimates` only (3)" in msg
    assert "pass .to_numpy()" not in msg


def test_cov_with_a_month_level_more_followed() -> None:
    estimates = _estimates([(c, 2023) for c in CODES], ["region_code", "year"])
    cov = _cov([(c, 2023, 3) for c in CODES], ["region_code", "year", "month"])
    for call in (
        lambda: povstat.rank_confidence_sets(estimates, cov=cov, **KW),
        lambda: povstat.tau_best_set(
            estimates, cov=cov, tau=1, descending=True, level=0.9, method="bonferroni"
        ),
    ):
        msg = _refused(call)
        assert "`cov` has level 'month' of one value (3) more on both its axes" in msg
        assert (
            "`cov = cov.droplevel('month', axis=0).droplevel('month', axis=1)`, "
            "then `cov = cov.loc[estimates.index, estimates.index]`" in msg
        )
    names = follow(msg, {"estimates": estimates, "cov": cov})
    # C_REVERSED, descending ranks 3, 2, 1 by hand (cov_pairing).
    check_reversed(names, [(c, 2023) for c in CODES[::-1]])


def test_cov_of_another_round_with_a_level_more_prints_no_code() -> None:
    estimates = _estimates([(c, 2023) for c in CODES], ["region_code", "year"])
    cov = _cov([(c, 2022, 3) for c in CODES], ["region_code", "year", "month"])
    msg = _rank(estimates, cov)
    # pairing22 F1: refused as of another period, as an se of 2022 is.
    assert "they are of different periods" in msg
    assert "level 'year' holds 2023 in `estimates` and 2022 in `cov`" in msg
    prints_no_code(msg)


# Before (2022) 13.5, 9.5, 4.0 and after (2023) 13.0, 9.6, 3.5: by hand, a
# fall of 0.5 points in 3501 and 3579, a rise of 0.1 in 3502.
BEFORE = pd.Series(
    RATES, index=_index([(c, 2022) for c in CODES], ["region_code", "year"])
)
AFTER = pd.Series(
    [13.0, 9.6, 3.5],
    index=_index([(c, 2023, 3) for c in CODES], ["region_code", "year", "month"]),
).iloc[::-1]


def test_change_statement_of_different_depths_followed() -> None:
    kw = CHANGE_KW
    with pytest.raises(ValueError, match="differ in more than one way") as err:
        check_change_statement(BEFORE, AFTER, 0.5, **kw)
    msg = str(err.value)
    assert "`before = before.droplevel('year')`" in msg
    assert "`after = after.droplevel(['year', 'month']).reindex(before.index)`" in msg
    names = follow(msg, {"before": BEFORE, "after": AFTER})
    np.testing.assert_array_equal(names["after"].to_numpy(), [13.0, 9.6, 3.5])
    res = check_change_statement(names["before"], names["after"], 0.5, **kw)
    assert list(res.verdict) == ["holds", "does not hold", "holds"]


def test_benchmark_statement_of_different_depths_followed() -> None:
    verdicts = benchmark_followed(BEFORE, AFTER, "differ in more than one way")
    # By hand: 13.5 < 13.0 no, 9.5 < 9.6 yes, 4.0 < 3.5 no.
    assert verdicts == ["does not hold", "holds", "does not hold"]


# --- M2: a matrix with levels more, beside flat estimates ----------------------


@pytest.mark.parametrize(
    ("estimates", "cov", "drop"),
    [
        # the pairing21 case: (int code, 2023), no level names
        (
            _estimates(CODES),
            _cov([(int(c), 2023) for c in CODES]),
            "`cov = cov.droplevel(1, axis=0).droplevel(1, axis=1)`",
        ),
        # names beside (code, 2023, 3): the estimates get the codes of names
        (
            _estimates(NAMES),
            _cov([(c, 2023, 3) for c in CODES], ["region_code", "year", "month"]),
            "`cov = cov.droplevel(['year', 'month'], axis=0)"
            ".droplevel(['year', 'month'], axis=1)`",
        ),
        # names beside (code, 2023)
        (
            _estimates(NAMES),
            _cov([(c, 2023) for c in CODES], ["region_code", "year"]),
            "`cov = cov.droplevel('year', axis=0).droplevel('year', axis=1)`",
        ),
        # codes beside (2023, code): the year first
        (
            _estimates(CODES),
            _cov([(2023, c) for c in CODES], ["year", "region_code"]),
            "`cov = cov.droplevel('year', axis=0).droplevel('year', axis=1)`",
        ),
    ],
    ids=["int-code-year", "names-code-year-month", "names-code-year", "year-code"],
)
def test_cov_with_levels_more_beside_flat_estimates_followed(
    estimates: pd.Series, cov: pd.DataFrame, drop: str
) -> None:
    msg = _rank(estimates, cov)
    assert drop in msg
    assert msg.count(".loc[estimates.index, estimates.index]`") == 1
    names = follow(msg, {"estimates": estimates, "cov": cov})
    check_reversed(names, CODES[::-1])  # C_REVERSED, ranks 3, 2, 1 by hand
    np.testing.assert_array_equal(names["estimates"].to_numpy(), RATES[::-1])


# --- M3: estimates with a level more, beside a polars or pandas matrix -------


@pytest.mark.parametrize(
    ("estimates", "labels"),
    [
        (_estimates([(c, 2023) for c in CODES], ["region_code", "year"]), CODES),
        (_estimates([(n, 2023) for n in NAMES], ["region_name", "year"]), CODES),
        (_estimates([(2023, c, 3) for c in CODES]), CODES),
    ],
    ids=["code-year", "name-year", "year-code-month"],
)
@pytest.mark.parametrize("kind", ["polars", "pandas"])
def test_estimates_with_a_level_more_beside_a_flat_cov_followed(
    estimates: pd.Series, labels: list[str], kind: str
) -> None:
    cov: Any = pl.DataFrame(C, schema=CODES) if kind == "polars" else _cov(CODES)
    msg = _rank(estimates, cov)
    assert "`estimates = estimates.droplevel(" in msg
    if kind == "polars":
        assert "`cov = cov.to_pandas().set_axis(cov.columns)`" in msg
    names = follow(msg, {"estimates": estimates, "cov": cov})
    check_reversed(names, labels[::-1])  # C_REVERSED, ranks 3, 2, 1 by hand
    np.testing.assert_array_equal(names["estimates"].to_numpy(), RATES[::-1])


def test_estimates_of_other_regions_beside_polars_prints_no_code() -> None:
    estimates = _estimates([(c, 2023) for c in ["3501", "3502", "3503"]])
    msg = _rank(estimates, pl.DataFrame(C, schema=CODES))
    assert "povstat finds no conversion" in msg
    assert "level 1 in `estimates` only (2023)" in msg
    prints_no_code(msg)


def test_inputs_unchanged_by_the_refusal() -> None:
    estimates = _estimates(NAMES)
    cov = _cov([(c, 2023, 3) for c in CODES], ["region_code", "year", "month"])
    kept_e, kept_c = estimates.copy(), cov.copy()
    _rank(estimates, cov)
    pd.testing.assert_series_equal(estimates, kept_e)
    pd.testing.assert_frame_equal(cov, kept_c)


# --- Any order, the level more on either side ----------------------------------


@settings(max_examples=25, deadline=None)
@given(
    order=st.permutations(range(3)),
    side=st.sampled_from(["cov", "estimates"]),
    where=st.integers(0, 1),
    names=st.booleans(),
)
def test_level_more_on_either_side_pairs_by_label(
    order: list[int], side: str, where: int, names: bool
) -> None:
    """Followed, the matrix is C with rows and columns taken in `order`.

    The estimates are RATES taken in `order`; the level more (the year
    2023) is put before or after the region on one side only.
    """
    regions = [(NAMES if names else CODES)[i] for i in order]
    codes = [CODES[i] for i in order]

    def with_year(labels: list[str]) -> list[Any]:
        return [(2023, v) if where == 0 else (v, 2023) for v in labels]

    estimates = pd.Series(
        [RATES[i] for i in order],
        index=_index(with_year(regions) if side == "estimates" else regions),
    )
    cov = _cov(with_year(CODES) if side == "cov" else CODES)
    msg = _rank(estimates, cov)
    assert "reindex(" not in msg
    got = follow(msg, {"estimates": estimates, "cov": cov})
    est, cov1 = got["estimates"], got["cov"]
    assert list(est.index) == list(cov1.index) == list(cov1.columns) == codes
    np.testing.assert_array_equal(est.to_numpy(), [RATES[i] for i in order])
    np.testing.assert_allclose(cov1.to_numpy(), C[np.ix_(order, order)])
    povstat.rank_confidence_sets(est, cov=cov1, **KW)  # paired now
