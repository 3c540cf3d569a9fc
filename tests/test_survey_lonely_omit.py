"""Strata with a single PSU whose rows are missing, under nan_policy="omit".

Reference values: tests/reference/survey_lonely_omit.R (R survey 4.1.1,
``options(survey.lonely.psu="fail")`` and ``na.rm=TRUE``). R's na.rm=TRUE
drops the missing rows: a stratum whose rows are all missing leaves the
design, so its single PSU is no error; in povstat its rows have zero weight
and add nothing under any ``lonely_psu``, so ``"raise"`` has nothing to
refuse.
"""

from __future__ import annotations

from typing import Any

import narwhals.stable.v2 as nw
import numpy as np
import pytest

from backends import BACKENDS, NAN, col, collect, make
from povstat import poverty_estimates, poverty_table

EVERY = [*BACKENDS, "pyspark"]

# Stratum 3 (one PSU) holds two rows, both missing.
DATA: dict[str, Any] = {
    "y": [90.0, 130, 110, 140, 95, 150, 85, 160, NAN, NAN],
    "w": [10.0, 20, 15, 25, 12, 18, 14, 16, 30, 20],
    "st": [1, 1, 1, 1, 2, 2, 2, 2, 3, 3],
    "psu": [1, 1, 2, 2, 1, 1, 2, 2, 1, 1],
    "dom": [*"ababababab"],
}
KW: dict[str, Any] = {
    "welfare": "y",
    "line": 100,
    "unit": "percent",
    "alpha": 0,
    "weight": "w",
    "strata": "st",
    "nan_policy": "omit",
}


@pytest.mark.parametrize("backend", EVERY)
@pytest.mark.parametrize(
    ("psu", "se"),
    [("psu", 9.9422371501104028), (None, 16.046045574726001)],
    ids=["psu", "units"],
)
def test_a_lonely_stratum_of_missing_rows_is_not_refused(
    backend: str, psu: str | None, se: float
) -> None:
    # R cases 1 and 3; without `psu` stratum 3 has two units (two PSUs).
    out = poverty_table(make(backend, DATA), **KW, psu=psu)
    np.testing.assert_allclose(col(out, "estimate"), [27.692307692307693], rtol=1e-14)
    np.testing.assert_allclose(col(out, "se"), [se], rtol=1e-12)


@pytest.mark.parametrize("backend", EVERY)
def test_a_lonely_stratum_of_missing_rows_by_domain(backend: str) -> None:
    # R case 2: svyby by `dom`; "b" is never poor (estimate and SE 0).
    out = poverty_table(make(backend, DATA), **KW, psu="psu", by="dom")
    order = np.argsort(np.asarray(col(out, "estimate")))[::-1]
    np.testing.assert_allclose(
        col(out, "estimate")[order], [70.588235294117652, 0.0], rtol=1e-14
    )
    np.testing.assert_allclose(
        col(out, "se")[order], [26.553320491860067, 0.0], rtol=1e-12
    )


def test_a_lonely_stratum_of_one_missing_unit_without_psu() -> None:
    # R case 4: each unit its own PSU; stratum 3 is one unit, missing. Its
    # standard error is that of the first four units alone.
    e = poverty_estimates(
        [90.0, 130, 110, 140, NAN],
        100,
        alpha=0,
        unit="percent",
        weights=[1.0, 2, 3, 4, 5],
        strata=[1, 1, 2, 2, 3],
        nan_policy="omit",
    )
    assert e.estimate[0] == pytest.approx(10.0, rel=1e-15)
    assert e.se[0] == pytest.approx(11.045361017187261, rel=1e-12)


@pytest.mark.parametrize(
    ("y", "w"),
    [
        ([*DATA["y"][:8], 70.0, NAN], DATA["w"]),
        ([*DATA["y"][:8], 70.0, 80], [*DATA["w"][:8], 0.0, 0.0]),
    ],
    ids=["one-row-present", "zero-weight"],
)
def test_a_lonely_stratum_with_rows_is_still_refused(
    y: list[float], w: list[float]
) -> None:
    # A row not missing keeps stratum 3 in R's design, and a row of zero
    # weight as given is not missing (R keeps it): R's "fail" stops there.
    with pytest.raises(ValueError, match=r"stratum \[3\] has a single PSU"):
        poverty_estimates(
            y,
            100,
            alpha=0,
            unit="percent",
            weights=w,
            strata=DATA["st"],
            psu=DATA["psu"],
            nan_policy="omit",
        )


# Domain C's rows are all missing; PSU 3 of stratum 2 holds only C rows.
EMPTY: dict[str, Any] = {
    "y": [90.0, 130, 110, 140, NAN, 95, 150, 85, 160, NAN, NAN],
    "w": [10.0, 20, 15, 25, 5, 12, 18, 14, 16, 9, 9],
    "st": [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2],
    "psu": [1, 1, 2, 2, 2, 1, 1, 2, 2, 3, 3],
    "dom": [*"ABABC", *"ABABCC"],
}


@pytest.mark.parametrize("backend", EVERY)
def test_a_domain_of_missing_rows_is_refused_with_advice_to_keep_the_design(
    backend: str,
) -> None:
    with pytest.raises(ValueError, match=r"none in \['C'\]") as err:
        poverty_table(make(backend, EMPTY), **KW, psu="psu", by="dom")
    assert (
        "do not drop those rows to get past this: that takes their PSUs out "
        "of the design and changes the other domains' standard errors. To "
        "keep the design, give them the label of another domain"
    ) in str(err.value)


def test_relabelling_keeps_the_design_and_dropping_does_not() -> None:
    # R case 5: svyby on the full design gives A 27.585376570014759; with
    # C's rows dropped (PSU 3 of stratum 2 gone) 26.553320491860067. C's
    # rows given the label "A" have zero weight there: R's full-design value.
    relabelled = {**EMPTY, "dom": [d.replace("C", "A") for d in EMPTY["dom"]]}
    out = poverty_table(make("pandas[float64]", relabelled), **KW, psu="psu", by="dom")
    np.testing.assert_allclose(out["se"], [27.585376570014759, 0.0], rtol=1e-12, atol=0)
    keep = [d != "C" for d in EMPTY["dom"]]
    dropped = {
        k: [x for x, k_ in zip(v, keep, strict=True) if k_] for k, v in EMPTY.items()
    }
    out = poverty_table(make("pandas[float64]", dropped), **KW, psu="psu", by="dom")
    np.testing.assert_allclose(out["se"], [26.553320491860067, 0.0], rtol=1e-12, atol=0)


def test_the_whole_sample_without_weight_gets_no_domain_advice() -> None:
    with pytest.raises(ValueError, match=r"size$"):
        poverty_estimates([NAN, NAN], 100, alpha=0, unit="percent", nan_policy="omit")


# Domain B lies in stratum 3 alone, of one PSU (R case 6, lonely.psu
# "average"): no stratum of B has two PSUs, so its SE is 0 * 1/0, NaN.
AVG: dict[str, Any] = {
    "y": [90.0, 130, 110, 140, 95, 150, 85, 160, 70, 120],
    "w": [10.0, 20, 15, 25, 12, 18, 14, 16, 30, 20],
    "st": [1, 1, 1, 1, 2, 2, 2, 2, 3, 3],
    "psu": [1, 1, 2, 2, 1, 1, 2, 2, 1, 1],
    "dom": ["A"] * 8 + ["B"] * 2,
}
_NO_STRATUM_OF_TWO = (
    r"the standard errors of P0 in domain 'B' are NaN under "
    r"lonely_psu='average': no stratum there has more than one PSU"
)


@pytest.mark.parametrize("backend", EVERY)
def test_a_domain_without_a_stratum_of_two_psus_is_warned_of(backend: str) -> None:
    with pytest.warns(UserWarning, match=_NO_STRATUM_OF_TWO):
        out = poverty_table(
            make(backend, AVG),
            **{**KW, "nan_policy": "raise"},
            psu="psu",
            by="dom",
            lonely_psu="average",
        )
    order = np.argsort(np.asarray(col(out, "estimate")))
    np.testing.assert_allclose(
        col(out, "estimate")[order], [27.692307692307693, 60.0], rtol=1e-14
    )
    se = col(out, "se")[order]
    assert se[0] == pytest.approx(9.9422371501104028, rel=1e-12)
    assert np.isnan(se[1])


def test_a_constant_measure_keeps_its_zero_and_is_not_warned_of() -> None:
    # Every unit of B poor: its linearised variable is 0 for each unit, so
    # its variance is exactly 0 whatever the design (R gives 0 * NaN there).
    y = [*AVG["y"][:8], 70.0, 80.0]
    e = poverty_estimates(
        y,
        100,
        alpha=0,
        unit="percent",
        weights=AVG["w"],
        by=AVG["dom"],
        strata=AVG["st"],
        psu=AVG["psu"],
        lonely_psu="average",
    )
    assert e.estimate[1] == 100.0
    assert e.se[1] == 0.0


def test_the_warning_names_the_measures_and_a_constant_ones_zero() -> None:
    # Both units of B poor (y 80 and 60 under the line 100): P0 is 1 for
    # each, its linearised variable 0, its SE exactly 0; P1 varies (0.2,
    # 0.4), and B's only stratum (3) has one PSU: 0 * 1/0, NaN (R too).
    # Every stratum of C (4) is lonely as well, and C's P0 varies.
    y = [*AVG["y"][:8], 80.0, 60.0, 90.0, 120.0]
    with pytest.warns(UserWarning, match="lonely_psu=.average.") as caught:
        e = poverty_estimates(
            y,
            100,
            alpha=[0, 1],
            unit="percent",
            weights=[*AVG["w"], 5.0, 5.0],
            by=[*AVG["dom"], "C", "C"],
            strata=[*AVG["st"], 4, 4],
            psu=[*AVG["psu"], 1, 1],
            lonely_psu="average",
        )
    assert e.se[2] == 0.0
    assert np.isnan(e.se[3:]).all()
    assert [str(w.message) for w in caught] == [
        "the standard errors of P1 in domain 'B' (its P0: standard error 0, "
        "the measure being the same for every unit there); P0, P1 in domain "
        "'C' are NaN under lonely_psu='average': no stratum there has more "
        "than one PSU, so there is no variance to average (R survey gives "
        "NaN too); for a figure, collapse those strata with neighbouring "
        "ones, or choose lonely_psu='adjust' ('remove' and 'certainty' give "
        "such a domain no variance at all)"
    ]


# Domain C's rows all have weight 0 as given: stratum 3 holds only C rows
# (one PSU), stratum 5 a C row and a B row (one PSU).
# tests/reference/survey_zero_weight_domain.R (R survey 4.1.1): SE of P0
# and P1 (percent) of A and B (svyby) and of the sample (svymean).
ZERO: dict[str, Any] = {
    "y": [90.0, 130, 110, 140, 95, 150, 85, 160, 70, 60, 100, 120, 75, 88],
    "w": [10.0, 20, 15, 25, 12, 18, 14, 16, 0, 0, 8, 7, 0, 9],
    "st": [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5],
    "psu": [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1],
    "dom": [*"ABABABAB", "C", "C", "B", "B", "C", "B"],
}
ZERO_R = {
    "adjust": [
        26.553320491860067,
        3.7679895430237558,
        8.0881649866322753,
        0.97057979839587294,
        9.8643687475001798,
        1.4263455447928244,
    ],
    "average": [
        26.553320491860067,
        3.7679895430237558,
        0.64607369170303663,
        0.077528843004364481,
        13.425240181907741,
        2.0449702918365977,
    ],
    "remove": [
        26.553320491860067,
        3.7679895430237558,
        0.45684308854944411,
        0.054821170625933349,
        8.4908674219283427,
        1.2933527739165769,
    ],
}
ZKW: dict[str, Any] = {
    **KW,
    "alpha": [0, 1],
    "psu": "psu",
}


@pytest.mark.parametrize("lonely", list(ZERO_R))
def test_a_zero_weight_domain_gets_the_advice_of_its_lonely_psu(lonely: Any) -> None:
    with pytest.raises(ValueError, match=r"none in \['C'\]") as err:
        poverty_table(make("pandas[float64]", ZERO), **ZKW, by="dom", lonely_psu=lonely)
    note = (
        "but under lonely_psu='average' a stratum of rows of zero weight as "
        "given counts among the strata of the domain they join and changes "
        "its standard errors: for R's figures (svyby), also make those rows' "
        "weights missing (NaN, with nan_policy='omit'), and take the overall "
        "figures (R's svymean) from a call with the weights as given and "
        "without `by`)"
    )
    msg = str(err.value)
    assert msg.endswith(note) == (lonely == "average")
    assert "give them the label of another domain" in msg


@pytest.mark.parametrize("backend", ["pandas[float64]", "polars-lazy", "duckdb"])
@pytest.mark.parametrize("lonely", list(ZERO_R))
@pytest.mark.parametrize("into", ["A", "B"])
def test_following_the_zero_weight_advice_gives_r_figures(
    backend: str, lonely: Any, into: str
) -> None:
    # The advice followed: C's rows relabelled (either domain), and under
    # "average" their weights made missing, with the overall from a call
    # without `by` on the weights as given. Without the missing weights,
    # stratum 3 would count among the strata of A (SE of P0 37.55, not
    # R's 26.55) or B (0.722, not 0.646) under "average".
    relabelled = [into if d == "C" else d for d in ZERO["dom"]]
    weights = [
        NAN if d == "C" and lonely == "average" else w
        for d, w in zip(ZERO["dom"], ZERO["w"], strict=True)
    ]
    data = {**ZERO, "dom": relabelled, "w": weights}
    domains = poverty_table(make(backend, data), **ZKW, by="dom", lonely_psu=lonely)
    rows = nw.from_native(collect(domains)).sort("dom", "measure")
    whole = poverty_table(make(backend, ZERO), **ZKW, lonely_psu=lonely)
    got = [*rows["se"].to_list(), *col(whole, "se")]
    np.testing.assert_allclose(got, ZERO_R[lonely], rtol=1e-12, atol=0)
