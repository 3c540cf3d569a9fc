"""Advice for R's design formulas of stages: ``psu="~nks+hh"``, ``fpc="~N1+N2"``.

In R's ``svydesign(ids=~nks+hh)`` the terms are the stages of sampling:
the PSUs are the first's, and without an fpc for every stage R estimates
the variance from the first stage alone, as povstat does. The advice names
the first term; following it gives R's figures
(tests/reference/survey_multistage_ids.R, survey 4.1.1). ``psu="~1"`` (R's
``ids=~1``, no clusters) is advised to be left out. The array function
:func:`povstat.poverty_estimates` gives the same advice for the values.
"""

from __future__ import annotations

import re
from typing import Any

import narwhals.stable.v2 as nw
import pandas as pd
import polars as pl
import pytest

from backends import make
from povstat import poverty_estimates, poverty_table

DATA: dict[str, Any] = {
    "st": ["a"] * 9 + ["b"] * 9,
    "nks": [1, 1, 1, 2, 2, 2, 3, 3, 3] * 2,
    "hh": [1, 2, 3] * 6,
    "y": [
        80.0,
        95,
        120,
        150,
        160,
        140,
        70,
        90,
        85,
        110,
        130,
        95,
        60,
        75,
        90,
        200,
        180,
        170,
    ],
    "w": [10.0, 12, 11, 20, 18, 22, 15, 14, 16, 30, 25, 28, 12, 10, 11, 40, 35, 38],
    "N1": [10.0] * 9 + [6.0] * 9,
    "N2": [20.0] * 18,
}
DF = pd.DataFrame(DATA)
# tests/reference/survey_multistage_ids.R: P0 in percent, SE, deff, degf.
P0 = 34.87738419618529
# 1. ids=~nks+hh without fpc (= ids=~nks).
STAGES = (18.834808868717264, 2.7921339637751901, 4)
# 3. ids=~nks, fpc=~N1.
FIRST_FPC = (14.354965166409629, 1.6218777000891029, 4)
# 4. ids=~nks+hh, fpc=~N1+N2: both stages, above the first stage's alone.
BOTH_FPC_SE = 15.265909617014723
# 5. ids=~1.
NO_CLUSTERS = (11.793591570629678, 1.0947273880780579, 16)
BACKENDS = ["pandas[float64]", "polars", "polars-lazy", "duckdb"]
KW: dict[str, Any] = {
    "welfare": "y",
    "line": 100.0,
    "unit": "percent",
    "alpha": 0,
    "weight": "w",
    "strata": "st",
}


def _row(df: Any, **design: Any) -> pd.Series:
    out = nw.from_native(poverty_table(df, **KW, **design)).lazy()
    frame: pd.DataFrame = out.collect("pandas").to_native()
    return frame.iloc[0]


def _check(row: pd.Series, se: float, deff: float, df: int) -> None:
    assert row["estimate"] == pytest.approx(P0, rel=1e-13)
    assert row["se"] == pytest.approx(se, rel=1e-12)
    assert row["deff"] == pytest.approx(deff, rel=1e-12)
    assert row["df"] == df


@pytest.mark.parametrize("backend", BACKENDS)
def test_following_the_psu_stages_advice_gives_rs_figures(backend: str) -> None:
    df = make(backend, DATA)
    with pytest.raises(ValueError, match="reads as an R formula") as err:
        _row(df, psu="~nks+hh")
    msg = str(err.value)
    assert "the terms are the stages of sampling, not labels to combine" in msg
    assert "combined labels" not in msg
    found = re.search(r": psu='([^']+)'$", msg)
    assert found is not None, msg
    _check(_row(df, psu=found.group(1)), *STAGES)  # R: ids=~nks+hh, no fpc


def test_following_the_two_stage_fpc_advice_gives_rs_first_stage_figures() -> None:
    with pytest.raises(ValueError, match="reads as an R formula") as err:
        _row(DF, psu="nks", fpc="~N1+N2")
    msg = str(err.value)
    assert "from the first stage of sampling alone" in msg
    assert "leave out `fpc`" in msg
    found = re.search(r"give that stage's, fpc='([^']+)'", msg)
    assert found is not None, msg
    row = _row(DF, psu="nks", fpc=found.group(1))
    _check(row, *FIRST_FPC)  # R: ids=~nks, fpc=~N1
    # Below R's two-stage figure, as the message says.
    assert row["se"] < BOTH_FPC_SE
    # Left out: R's figure for ids=~nks+hh without fpc.
    _check(_row(DF, psu="nks"), *STAGES)


@pytest.mark.parametrize("formula", ["~1", "~0", " ~ 1"])
def test_psu_of_no_clusters_is_advised_to_be_left_out(formula: str) -> None:
    with pytest.raises(ValueError, match=r"^`psu` column") as err:
        _row(DF, psu=formula)
    assert str(err.value).endswith(
        f"; {formula!r} is R's formula for no clusters (svydesign(ids=~1)): "
        "leave out `psu`, and each unit is its own PSU"
    )
    _check(_row(DF), *NO_CLUSTERS)  # R: ids=~1


def _values_advice(**design: Any) -> str:
    with pytest.raises(TypeError) as err:
        poverty_estimates(DF["y"], 100.0, unit="percent", weights=DF["w"], **design)
    return str(err.value)


def _follow_values(msg: str, pattern: str) -> Any:
    """The values the message's code (matched by `pattern`) gives, on DF."""
    found = re.search(pattern, msg)
    assert found is not None, msg
    return eval(found.group(1), {"df": DF})  # the advice, as typed


def test_the_array_function_advises_the_first_stage_as_values() -> None:
    msg = _values_advice(strata=DF["st"], psu="~nks+hh")
    assert msg.startswith(
        "`psu` must be the values (an array, list or Series), got the str "
        "'~nks+hh', which reads as an R formula;"
    )
    assert "df['~nks+hh']" not in msg
    assert "psu='~nks+hh'" not in msg
    psu = _follow_values(msg, r": psu=(df\['[^']+'\]) \(as a column name")
    est = poverty_estimates(
        DF["y"], 100.0, unit="percent", weights=DF["w"], strata=DF["st"], psu=psu
    )
    assert float(est.estimate[0]) == pytest.approx(P0, rel=1e-13)
    assert float(est.se[0]) == pytest.approx(STAGES[0], rel=1e-12)


def test_the_array_function_advises_combined_strata_labels() -> None:
    # R's strata=~kab+urban read as crossed strata: one combined label.
    msg = _values_advice(strata="~st+nks", psu=DF["hh"])
    assert "df['~st+nks']" not in msg
    assert "strata='~st+nks'" not in msg
    strata = _follow_values(msg, r"\(in pandas, strata=(.*)\)$")
    assert list(strata) == [
        f"{s}/{n}" for s, n in zip(DF["st"], DF["nks"], strict=True)
    ]


def test_the_array_function_advises_values_for_other_formulas() -> None:
    msg = _values_advice(strata="~st", psu=DF["nks"])
    assert msg.endswith(": strata=df['st'] (as a column name, strata='st')")
    msg = _values_advice(psu="~1")
    assert msg.endswith("leave out `psu`, and each unit is its own PSU")
    msg = _values_advice(psu=DF["nks"], fpc="~N1+N2")
    assert "give that stage's, fpc=df['N1'] (R's svydesign(ids=~psu, fpc=~N1)" in msg
    msg = _values_advice(by="~st+nks")
    assert msg.endswith(
        "(by=['st', 'nks'] crosses the domains); as values, one combined label "
        "per unit (in pandas, by=df['st'].astype('string') + '/' + "
        "df['nks'].astype('string'))"
    )
    msg = _values_advice(size="~N1+N2")
    assert msg.endswith("; `size` takes one column's values")


def _several(df: Any, backend: str) -> list[Any]:
    """`psu` as the stages' two columns: a list, one str, a frame of them."""
    if backend == "duckdb":
        return [["nks", "hh"], "nks, hh", df.project("nks, hh")]
    native = nw.from_native(df)
    return [["nks", "hh"], "nks, hh", native.select("nks", "hh").to_native()]


@pytest.mark.parametrize("backend", BACKENDS)
def test_following_the_advice_for_stage_columns_gives_rs_figures(backend: str) -> None:
    # The stages as a list, a str or a frame: the first stage's column (R's
    # ids=~nks+hh), never their join (households as PSUs: a smaller SE).
    df = make(backend, DATA)
    for given in _several(df, backend):
        with pytest.raises((TypeError, ValueError)) as err:
            _row(df, psu=given)
        msg = str(err.value)
        assert "combined labels" not in msg
        assert "joining them makes every household a PSU" in msg
        found = re.search(
            r"(?:are stages \(.*?\)|a later stage \(R's svydesign\(ids=~nks\+hh\)\)), "
            r"give the first, psu='([^']+)'",
            msg,
        )
        assert found is not None, msg
        _check(_row(df, psu=found.group(1)), *STAGES)  # R: ids=~nks+hh


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_strata_column_beside_the_psus_gets_the_psus_own(backend: str) -> None:
    # psu=["st", "nks"] with strata="st": nks, the PSU's label within its
    # stratum (R: ids=~nks, strata=~st, nest=TRUE, the figures of STAGES).
    df = make(backend, DATA)
    for given in (["st", "nks"], "st, nks", "~st+nks"):
        with pytest.raises((TypeError, ValueError)) as err:
            _row(df, psu=given)
        msg = str(err.value)
        assert "'st' is the strata column" in msg
        found = re.search(r"give the PSU's own column: psu='([^']+)'$", msg)
        assert found is not None, msg
        _check(_row(df, psu=found.group(1)), *STAGES)


@pytest.mark.parametrize(
    "psu",
    [
        DF[["nks", "hh"]],
        pl.from_pandas(DF[["nks", "hh"]]),
        "nks, hh",
        "c(nks, hh)",
    ],
    ids=["pandas", "polars", "str", "c()"],
)
def test_the_array_function_advises_the_first_of_stage_columns(psu: Any) -> None:
    msg = _values_advice(strata=DF["st"], psu=psu)
    assert "df['name']" not in msg
    assert "df['nks, hh']" not in msg
    assert "joining them makes every household a PSU" in msg
    values = _follow_values(msg, r"give the first, psu=(df\['[^']+'\]) \(as a col")
    est = poverty_estimates(
        DF["y"], 100.0, unit="percent", weights=DF["w"], strata=DF["st"], psu=values
    )
    assert float(est.estimate[0]) == pytest.approx(P0, rel=1e-13)
    assert float(est.se[0]) == pytest.approx(STAGES[0], rel=1e-12)  # R: ~nks+hh


@pytest.mark.parametrize(
    "psu",
    [
        DF[["nks", "hh"]].to_numpy(),
        list(zip(DF["nks"], DF["hh"], strict=True)),
        DF.set_index(["nks", "hh"]).index,
    ],
    ids=["2-D", "tuples", "multiindex"],
)
def test_stage_labels_per_unit_are_not_advised_to_be_joined(psu: Any) -> None:
    msg = _values_advice(strata=DF["st"], psu=psu)
    assert "joined as text" not in msg
    # Stages (the first column's labels) or one crossing: both readings
    assert "give the first, psu=a (joining them makes every household" in msg
    assert "svydesign(ids=~interaction(a, b))" in msg


@pytest.mark.parametrize(
    ("psu", "strata"),
    [
        (DF[["st", "nks"]], DF["st"]),
        (pl.from_pandas(DF[["st", "nks"]]), pl.from_pandas(DF)["st"]),
    ],
    ids=["pandas", "polars"],
)
def test_the_array_function_advises_the_column_beside_the_strata(
    psu: Any, strata: Any
) -> None:
    # The strata Series named as one of the psu frame's columns: the other
    # (R: ids=~nks, strata=~st, nest=TRUE, the figures of STAGES).
    with pytest.raises(TypeError) as err:
        poverty_estimates(
            DF["y"], 100.0, unit="percent", weights=DF["w"], strata=strata, psu=psu
        )
    msg = str(err.value)
    assert "'st' is the strata column" in msg
    values = _follow_values(msg, r"own column: psu=(df\['[^']+'\]) \(as a col")
    est = poverty_estimates(
        DF["y"], 100.0, unit="percent", weights=DF["w"], strata=DF["st"], psu=values
    )
    assert float(est.se[0]) == pytest.approx(STAGES[0], rel=1e-12)
