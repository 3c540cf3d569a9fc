"""Pairing advice for a polars or MultiIndex covariance matrix beside its estimates.

pairing20 L1-L6: a polars matrix (its names its only labels) labelled
otherwise, or built without labels; a (region, year) matrix written
otherwise, with its levels swapped or read back from CSV; a frame's
column read without index_col beside integer codes. Each recipe is run
exactly as printed and its result compared with values worked out by hand.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat
from cov_pairing import (
    CHANGE_KW,
    CODES,
    NAMES,
    C,
    check_reversed,
    csv_read_back,
    follow,
    prints_no_code,
    refused,
)
from cov_pairing import KW as RANK_KW
from povstat.statements import check_benchmark_statement, check_change_statement

KW: dict[str, Any] = {**RANK_KW, "seed": 1}
EST = pd.Series([13.5, 9.5, 4.0], index=CODES)


def _refused(estimates: pd.Series, cov: Any, **kw: Any) -> str:
    msg = refused(
        lambda: povstat.rank_confidence_sets(estimates, cov=cov, **{**KW, **kw})
    )
    assert "[:, None]" not in msg  # the estimates stay one value per area
    assert "reindex(columns=" not in msg  # no pandas-only call on a Series
    return msg


# --- L1, L5: polars.DataFrame(array), its names column_0..column_2 -------


@pytest.mark.parametrize(
    "labels", [NAMES, CODES, [3501, 3502, 3579], [n.upper() for n in NAMES]]
)
def test_polars_default_names_get_the_default_labels_advice(labels: list[Any]) -> None:
    estimates = EST.set_axis(labels)  # in the order C was built in
    msg = _refused(estimates, pl.DataFrame(C))
    assert "polars' default names column_0..column_2" in msg
    assert "`polars.DataFrame(array)`" in msg
    assert "indonesia_regions" not in msg
    assert "labelled by name" not in msg
    assert ".loc[" not in msg  # a polars frame has none
    # Both printed recipes, run as printed: the matrix as built, which by
    # hand gives differences of 4 and more with se at most 0.4, so the
    # descending ranks 1, 2, 3, each certain.
    for recipe in re.findall(r"`([^`]*to_numpy\(\)[^`]*)`", msg):
        cov = eval(
            recipe, {"pandas": pd}, {"cov": pl.DataFrame(C), "estimates": estimates}
        )
        r = povstat.rank_confidence_sets(estimates, cov=cov, **KW)
        np.testing.assert_array_equal(r.lower, [1, 2, 3])
        np.testing.assert_array_equal(r.upper, [1, 2, 3])
        if isinstance(cov, pd.DataFrame):
            assert list(cov.index) == list(cov.columns) == list(estimates.index)
            np.testing.assert_allclose(cov.to_numpy(), C)


def test_polars_default_names_in_every_rank_function() -> None:
    estimates = EST.set_axis(NAMES)
    calls = (
        lambda: povstat.tau_best_set(
            estimates,
            cov=pl.DataFrame(C),
            tau=1,
            descending=True,
            level=0.9,
            method="bonferroni",
        ),
        lambda: povstat.rank_probabilities(
            estimates, cov=pl.DataFrame(C), descending=True, seed=1
        ),
    )
    for call in calls:
        with pytest.raises(ValueError, match="polars' default names"):
            call()


def test_polars_names_differing_in_one_region() -> None:
    estimates = EST.set_axis(NAMES)
    for names in ([*NAMES[:2], "Kota Malang"], ["Kota Malang", *NAMES[1::-1]]):
        msg = _refused(estimates, pl.DataFrame(C, schema=names))
        assert (
            "they hold different labels ('Kota Batu' in `estimates` only; "
            "'Kota Malang' in `cov` only)" in msg
        )
        prints_no_code(msg)


def test_statement_checks_beside_a_polars_frame_of_other_names() -> None:
    before = pd.Series([4.37, 9.55], index=["Kota Malang", "Kabupaten Malang"])
    with pytest.raises(ValueError, match=r"'x', 'y' in `after` only") as err:
        check_change_statement(
            before,
            pl.DataFrame({"x": [4.26, 1.0], "y": [9.45, 2.0]}),
            0.11,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
        )
    assert "have no labels to check its order by" in str(err.value)
    value = pd.Series([4.37, 9.55, 3.0], index=[*before.index, "Kota Batu"])
    bench = pl.DataFrame({"Kabupaten Malang": [9.8], "Kota Malang": [9.8], "x": [1.0]})
    with pytest.raises(ValueError, match=r"'Kota Batu' in `value` only") as err:
        check_benchmark_statement(value, bench, relation="below", decimals=2)
    # The pandas side is put in the polars frame's order: it has no reindex.
    assert "`value.reindex(benchmark.columns)`" in str(err.value)
    value = value.set_axis([*before.index, "x"])
    got = value.reindex(bench.columns)
    # By hand: 'Kabupaten Malang' 9.55, 'Kota Malang' 4.37, 'x' 3.0.
    np.testing.assert_array_equal(got.to_numpy(), [9.55, 4.37, 3.0])
    check_benchmark_statement(got, bench, relation="below", decimals=2)  # paired


# --- L2: a polars matrix labelled otherwise ---------------------------------


def _polars(labels: list[str]) -> pl.DataFrame:
    """:data:`C` as a polars frame named `labels` (rows in that order)."""
    return pl.DataFrame(C, schema=labels)


@pytest.mark.parametrize(
    ("estimates", "cov", "labels"),
    [
        # names beside code columns: the estimates get the codes of names
        (EST.set_axis(NAMES).iloc[::-1], _polars(CODES), CODES[::-1]),
        # codes beside name columns: both axes get the codes of the names
        (EST.iloc[::-1], _polars(NAMES), CODES[::-1]),
        # capitals beside names; dotted names beside codes
        (
            EST.set_axis([n.upper() for n in NAMES]).iloc[::-1],
            _polars(NAMES),
            [n.upper() for n in NAMES[::-1]],
        ),
        (EST.iloc[::-1], _polars(["35.01", "35.02", "35.79"]), CODES[::-1]),
        # integer codes beside name columns
        (
            EST.set_axis([3501, 3502, 3579]).iloc[::-1],
            _polars(NAMES),
            [3579, 3502, 3501],
        ),
        # capitals beside code columns
        (
            EST.set_axis([n.upper() for n in NAMES]).iloc[::-1],
            _polars(CODES),
            CODES[::-1],
        ),
    ],
)
def test_polars_cov_labelled_otherwise_followed(
    estimates: pd.Series, cov: pl.DataFrame, labels: list[Any]
) -> None:
    msg = _refused(estimates, cov)
    assert "`cov = cov.to_pandas().set_axis(cov.columns)`" in msg
    names = follow(msg, {"estimates": estimates, "cov": cov})
    check_reversed(names, labels)  # C_REVERSED, ranks 3, 2, 1 by hand
    np.testing.assert_array_equal(names["estimates"].to_numpy(), [4.0, 9.5, 13.5])


def test_polars_cov_same_names_in_another_order_keeps_its_advice() -> None:
    estimates = EST.iloc[::-1]
    msg = _refused(estimates, _polars(CODES))
    assert "`estimates.reindex(cov.columns)`" in msg
    assert "to_pandas" not in msg


# --- L3, L4: a (region, year) matrix ------------------------------------------

YEARS = [2022, 2023]
#: (region code, year) labels, the matrix's order.
LABELS = [(c, y) for c in CODES[:2] for y in YEARS]
# Variances 0.04 (3501), 0.09 (3502); covariances 0.02 within 3501 and
# 0.045 within 3502 (the same region), 0.01 within a year, 0.005 otherwise.
M = np.array(
    [
        [0.04, 0.02, 0.01, 0.005],
        [0.02, 0.04, 0.005, 0.01],
        [0.01, 0.005, 0.09, 0.045],
        [0.005, 0.01, 0.045, 0.09],
    ]
)
#: The estimates in the reversed order of LABELS.
E = pd.Series(
    [9.5, 9.9, 13.5, 14.0],
    index=pd.MultiIndex.from_tuples(LABELS[::-1], names=["region_code", "year"]),
)
#: By hand, M in the order of E: (3502, 2023), (3502, 2022), (3501, 2023),
#: (3501, 2022).
M_REVERSED = np.array(
    [
        [0.09, 0.045, 0.01, 0.005],
        [0.045, 0.09, 0.005, 0.01],
        [0.01, 0.005, 0.04, 0.02],
        [0.005, 0.01, 0.02, 0.04],
    ]
)


def _levels_cov(region: Any = None, *, swapped: bool = False) -> pd.DataFrame:
    """M labelled (region, year), each region written `region`."""
    tuples: list[tuple[Any, Any]] = [((region or str)(c), y) for c, y in LABELS]
    if swapped:
        tuples = [(y, c) for c, y in tuples]
    index = pd.MultiIndex.from_tuples(tuples)
    return pd.DataFrame(M, index=index, columns=index)


def _csv(cov: pd.DataFrame) -> pd.DataFrame:
    return csv_read_back(cov, index_col=[0, 1], header=[0, 1])


def _check_levels(names: dict[str, Any], by: bool) -> None:
    est, cov = names["estimates"], names["cov"]
    assert list(cov.index) == list(cov.columns) == list(E.index)
    np.testing.assert_allclose(cov.to_numpy(), M_REVERSED)
    np.testing.assert_array_equal(est.to_numpy(), E.to_numpy())
    # By hand: within each year 3501 leads 3502 by 4.0 (2023) and 4.1
    # (2022), se of the difference sqrt(0.04 + 0.09 - 2 * 0.01) = 0.33:
    # certain, so the descending ranks 2, 2, 1, 1 by year. Across the
    # four, the result of the hand-aligned call (M_REVERSED, written out
    # above, with the estimates in their order).
    if by:
        r = povstat.rank_confidence_sets(
            est, cov=cov, by=est.index.get_level_values(1), **KW
        )
        np.testing.assert_array_equal(r.lower, [2, 2, 1, 1])
        np.testing.assert_array_equal(r.upper, [2, 2, 1, 1])
    else:
        r = povstat.rank_confidence_sets(est, cov=cov, **KW)
        hand = povstat.rank_confidence_sets(
            E, cov=pd.DataFrame(M_REVERSED, index=E.index, columns=E.index), **KW
        )
        np.testing.assert_array_equal(r.lower, hand.lower)
        np.testing.assert_array_equal(r.upper, hand.upper)


@pytest.mark.parametrize(
    "cov",
    [
        _levels_cov(dict(zip(CODES, NAMES, strict=True)).get),  # (name, year)
        _levels_cov(lambda c: dict(zip(CODES, NAMES, strict=True))[c].upper()),
        _levels_cov(int),  # (3501, 2022)
        _levels_cov(swapped=True),  # (year, code)
        _levels_cov(dict(zip(CODES, NAMES, strict=True)).get, swapped=True),
        _csv(_levels_cov()),  # rows (3501, 2022), columns ('3501', '2022')
        _csv(_levels_cov(swapped=True)),
    ],
    ids=["names", "capitals", "int", "swapped", "swapped-names", "csv", "csv-swapped"],
)
def test_levels_cov_written_otherwise_followed(cov: pd.DataFrame) -> None:
    for by in (True, False):
        kw = {"by": E.index.get_level_values(1)} if by else {}
        msg = _refused(E, cov, **kw)
        assert ".loc[estimates.index, estimates.index]`" in msg
        assert "reindex(estimates.index)" not in msg  # never its rows alone
        _check_levels(follow(msg, {"estimates": E, "cov": cov.copy()}), by)


def test_levels_estimates_by_name_beside_cov_by_code_followed() -> None:
    estimates = E.rename(index=dict(zip(CODES, NAMES, strict=True)), level=0)
    msg = _refused(estimates, _levels_cov(swapped=True))
    assert "rename(index=dict(zip(R.region_name, R.region_code)), level=0)" in msg
    _check_levels(
        follow(msg, {"estimates": estimates, "cov": _levels_cov(swapped=True)}), True
    )


def test_levels_cov_of_other_regions_prints_no_code() -> None:
    cov = _levels_cov({"3501": "3501", "3502": "3503"}.get)
    msg = _refused(E, cov)
    assert "povstat finds no conversion" in msg
    assert "reindex(" not in msg
    assert ".loc[" not in msg


def test_levels_cov_values_unchanged_by_refusal() -> None:
    cov = _csv(_levels_cov())
    kept = cov.copy()
    _refused(E, cov)
    pd.testing.assert_frame_equal(cov, kept)


# --- L6: a frame's column read without index_col beside integer codes ----


def test_column_read_without_index_col_beside_integer_codes() -> None:
    df = csv_read_back(  # region_code, se: the file's order
        pd.DataFrame({"region_code": [3501, 3502, 3579], "se": [0.2, 0.3, 0.4]}),
        index=False,
    )
    estimates = pd.Series(
        [4.0, 9.5, 13.5], index=pd.Index([3579, 3502, 3501], name="region_code")
    )
    with pytest.raises(ValueError, match="row numbers") as err:
        povstat.rank_confidence_sets(estimates, se=df["se"], **KW)
    msg = str(err.value)
    assert "do not reindex it" not in msg
    recipe = "df.set_index('region_code')['se'].reindex(estimates.index)"
    assert f"`{recipe}`" in msg
    se = eval(recipe, {}, {"df": df, "estimates": estimates})
    # By hand: 3579 -> 0.4, 3502 -> 0.3, 3501 -> 0.2.
    np.testing.assert_array_equal(se.to_numpy(), [0.4, 0.3, 0.2])
    # Differences 5.5 and 4.0, se of each at most 0.5: certain, so the
    # descending ranks 3, 2, 1.
    r = povstat.rank_confidence_sets(estimates, se=se, **KW)
    np.testing.assert_array_equal(r.lower, [3, 2, 1])
    np.testing.assert_array_equal(r.upper, [3, 2, 1])


def test_frame_by_name_beside_a_series_by_code_reindexes_its_columns() -> None:
    # The pandas form of the rows-only reindex pairing20 L2 notes: the
    # frame's columns are renamed, so they are the ones put in order.
    value = pd.Series([4.37, 9.55], index=["3573", "3507"])
    bench = pd.DataFrame({"Kabupaten Malang": [9.8], "Kota Malang": [4.0]})
    with pytest.raises(ValueError, match="same regions") as err:
        check_benchmark_statement(value, bench, relation="below", decimals=2)
    (recipe,) = [
        s
        for s in re.findall(r"`([^`]*)`", str(err.value))
        if s.startswith("benchmark.")
    ]
    assert recipe.endswith(".reindex(columns=value.index)")
    names = {"R": povstat.datasets.indonesia_regions()}
    aligned = eval(recipe, {}, {**names, "benchmark": bench, "value": value})
    # By hand: 3573 is Kota Malang (4.0), 3507 Kabupaten Malang (9.8).
    assert list(aligned.columns) == ["3573", "3507"]
    np.testing.assert_array_equal(aligned.to_numpy(), [[4.0, 9.8]])
    check_benchmark_statement(value, aligned, relation="below", decimals=2)


@pytest.mark.parametrize("kind", [str, int])
def test_levels_cov_with_unused_level_values(kind: Any) -> None:
    # A matrix whose rows of a third region were dropped: its level 0
    # still lists 3579, which no label uses.
    index = pd.MultiIndex(
        levels=[[kind(c) for c in CODES], YEARS], codes=[[0, 0, 1, 1], [0, 1, 0, 1]]
    )
    cov = pd.DataFrame(M, index=index, columns=index)
    msg = _refused(E, cov)
    if kind is str:  # the same labels in another order
        assert "`cov = cov.loc[estimates.index, estimates.index]`" in msg
    else:
        assert ".remove_unused_levels()" in msg
    _check_levels(follow(msg, {"estimates": E, "cov": cov}), True)


def test_unnamed_series_beside_integer_codes_was_built_without_labels() -> None:
    # A Series built from an array has no name and no key column to go back
    # to: the advice stays the one for labels that are positions.
    estimates = pd.Series([4.0, 9.5, 13.5], index=[3579, 3502, 3501])
    with pytest.raises(ValueError, match="built without labels"):
        povstat.rank_confidence_sets(estimates, se=pd.Series([0.4, 0.3, 0.2]), **KW)


def test_change_statement_column_read_without_index_col_beside_integer_codes() -> None:
    df = csv_read_back(
        pd.DataFrame(
            {"region_code": [3501, 3502, 3579], "poverty_rate_pct": [13.0, 9.0, 3.5]}
        ),
        index=False,
    )
    before = pd.Series(
        [4.0, 9.5, 13.5], index=pd.Index([3579, 3502, 3501], name="region_code")
    )
    kw = CHANGE_KW
    with pytest.raises(ValueError, match="row numbers") as err:
        check_change_statement(before, df["poverty_rate_pct"], 0.5, **kw)
    recipe = "df.set_index('region_code')['poverty_rate_pct'].reindex(before.index)"
    assert f"`{recipe}`" in str(err.value)
    after = eval(recipe, {}, {"df": df, "before": before})
    # By hand: 3579 -> 3.5, 3502 -> 9.0, 3501 -> 13.0: each a fall of 0.5.
    np.testing.assert_array_equal(after.to_numpy(), [3.5, 9.0, 13.0])
    check_change_statement(before, after, 0.5, **kw)
