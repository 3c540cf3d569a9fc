"""Design columns written in R's spellings, as expressions, arrays or frames.

R's backticks (``"~`kode kab`+urban"``), ``factor()`` and
``interaction()`` in a formula, a list of polars expressions and a 2-D
array of the columns get the advice that ``"~kab+urban"`` gets; the new
column the advice names is free whatever its case (DuckDB and Spark match
names whatever their case); a frame of the columns handed to the array
function gets code that runs on that frame (lazy ones collected), and
`by` given as a frame is told the columns' names. Each piece of advice is
followed as printed and gives R's estimate of the design it stands for
(tests/reference/survey_crossed_strata.R, survey 4.1.1: P0 with strata
regency x urban, and with strata regency alone).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.compute as pc  # type: ignore[import-untyped]
import pytest

from backends import make
from povstat import poverty_estimates, poverty_table
from survey_advice import DATA, DF, P0, SE_CROSSED, SE_KAB, estimates, own_psu
from survey_advice import crossed as _crossed
from survey_advice import follow as _follow
from survey_advice import message as _message
from survey_advice import table as _table

ENGINES = ["pandas[float64]", "polars", "polars-lazy", "duckdb"]


@pytest.mark.parametrize(
    "backend",
    [
        "pandas[float64]",
        "polars",
        "duckdb",
        pytest.param("pyspark", marks=pytest.mark.spark),
    ],
)
def test_the_advised_column_is_new_whatever_its_case(backend: str) -> None:
    # A column KAB_URBAN: DuckDB and Spark read kab_urban as its name, so
    # the advice names kab_urban_ (on every engine alike).
    for given in ("~kab+urban", ["kab", "urban"]):
        df = make(backend, DATA | {"KAB_URBAN": [0] * 8})
        msg = _message(df, strata=given, psu="psu")
        combined, name = _follow(msg, df)
        assert name == "kab_urban_"
        _crossed(_table(combined, strata=name, psu="psu"))


SPACED = {"kode kab": DATA["kab"]} | {k: v for k, v in DATA.items() if k != "kab"}


@pytest.mark.parametrize("backend", ENGINES)
@pytest.mark.parametrize(
    "given",
    [
        "~`kode kab`+urban",
        "~interaction(`kode kab`, urban)",
        "~factor(`kode kab`) + factor(urban)",
        "interaction(`kode kab`,urban)",
        "c(`kode kab`, urban)",
    ],
)
def test_r_spellings_of_two_columns_get_the_combining_advice(
    backend: str, given: str
) -> None:
    df = make(backend, SPACED)
    msg = _message(df, strata=given, psu="psu")
    assert msg.startswith(f"`strata` column {given!r} not found")
    combined, name = _follow(msg, df)
    assert name == "kode kab_urban"
    _crossed(_table(combined, strata=name, psu="psu"))


@pytest.mark.parametrize("given", ["~factor(kab)", "~`kab`", "~as.factor(kab)"])
def test_r_spellings_of_one_column_name_it(given: str) -> None:
    msg = _message(DF, strata=given, psu="psu")
    assert msg.endswith(
        f"{given!r} reads as an R formula, but povstat takes column names: strata='kab'"
    )
    out = _table(DF, strata="kab", psu="psu")
    assert out["se"].iloc[0] == pytest.approx(SE_KAB, rel=1e-12)


@pytest.mark.parametrize(
    "given",
    ["~factor(rural)", "~`kode`+urban", "~interaction(kab, rural)", "~log(kab)"],
)
def test_r_spellings_of_names_that_are_not_columns_get_no_advice(given: str) -> None:
    assert _message(DF, strata=given, psu="psu") == (
        f"`strata` column {given!r} not found; columns: "
        "['kab', 'urban', 'psu', 'y', 'w']"
    )


def test_a_term_that_is_a_column_stays_whole() -> None:
    df = DF.assign(**{"factor(kab)": DF["urban"]})
    msg = _message(df, strata="~factor(kab)", psu="psu")
    assert msg.endswith("takes column names: strata='factor(kab)'")


@pytest.mark.parametrize("given", ["~interaction(kab, psu)", "~`kab`+psu"])
def test_an_r_spelling_of_psu_beside_strata_names_the_psus_column(given: str) -> None:
    # R's ids=~psu, strata=~kab, nest=TRUE: the PSU's own column, no join.
    psu = own_psu(_message(DF, strata="kab", psu=given))
    out = _table(DF, strata="kab", psu=psu)
    assert out["se"].iloc[0] == pytest.approx(SE_KAB, rel=1e-12)


def test_an_interaction_as_psu_is_one_label() -> None:
    # R's ids=~interaction(psu, kab) is one stage, the crossing of the two
    # (tests/test_survey_interaction_psu.py); ~psu+kab are stages.
    msg = _message(DF, strata="urban", psu="~interaction(psu, kab)")
    assert "build one column of combined labels first" in msg
    assert msg.endswith("and name it: psu='psu_kab'")
    msg = _message(DF, strata="urban", psu="~psu+kab")
    assert "combined labels" not in msg
    assert msg.endswith(": psu='psu'")


@pytest.mark.parametrize("backend", ["polars", "polars-lazy"])
def test_polars_expressions_of_the_columns_get_the_advice(backend: str) -> None:
    df = make(backend, DATA)
    msg = _message(df, strata=[pl.col("kab"), pl.col("urban")], psu="psu")
    assert msg.startswith("`strata` must be a column name (a str); got a list")
    combined, name = _follow(msg, df)
    _crossed(_table(combined, strata=name, psu="psu"))
    msg = _message(df, strata=pl.col("kab"), psu="psu")
    assert msg.endswith("; it names one column: strata='kab'")
    msg = _message(df, strata="kab", psu=(pl.col("kab"), pl.col("psu")))
    assert msg.endswith("so give the PSU's own column: psu='psu'")
    # An expression that computes is no column: no name given for it.
    msg = _message(df, strata=[pl.col("kab"), pl.col("urban") + 1], psu="psu")
    assert "combined labels" not in msg


@pytest.mark.parametrize("backend", ["pandas[float64]", "polars"])
def test_a_2d_array_of_the_columns_gets_the_advice(backend: str) -> None:
    df = make(backend, DATA)
    given = np.c_[np.array(DATA["kab"], dtype=object), DATA["urban"]]
    msg = _message(df, strata=given, psu="psu")
    assert (
        "its 2 columns hold the labels of the columns ['kab', 'urban'] of `df`" in msg
    )
    combined, name = _follow(msg, df)
    _crossed(_table(combined, strata=name, psu="psu"))
    # psu: the PSU's own column beside the strata one, never a join
    msg = _message(df, strata="kab", psu=np.c_[DATA["urban"], DATA["psu"]])
    # 'urban' is not the strata column: both readings, never "nested in strata"
    assert "the first, psu='urban' (joining them makes every household a PSU" in msg
    assert "PSUs are nested in strata" not in msg
    assert "R's svydesign(ids=~interaction(urban, psu))" in msg


def test_a_2d_array_beside_a_lazy_frame_gets_the_advice_without_names() -> None:
    df = make("duckdb", DATA)
    given = np.c_[np.array(DATA["kab"], dtype=object), DATA["urban"]]
    msg = _message(df, strata=given, psu="psu")
    assert msg.endswith(
        "; its 2 columns hold the labels of 2 columns; `strata` takes one column "
        "and does not cross several, as by=[...] does: build one column of "
        'combined labels in `df` first (in DuckDB, df = df.project("*, CAST(a AS '
        "VARCHAR) || '/' || CAST(b AS VARCHAR) AS a_b\"), with the names of the "
        "array's columns in `df` for 'a' and 'b') and name it: strata='a_b'"
    )
    # The code runs once 'a' and 'b' stand for the columns' names.
    combined = df.project(
        "*, CAST(kab AS VARCHAR) || '/' || CAST(urban AS VARCHAR) AS a_b"
    )
    _crossed(_table(combined, strata="a_b", psu="psu"))
    msg = _message(df, strata="kab", psu=np.c_[DATA["psu"], DATA["urban"]])
    assert msg.endswith(
        "the first stage's, never their labels joined (which makes every "
        "household a PSU and the standard errors too small)"
    )


def test_a_2d_array_matching_no_single_column_names_none() -> None:
    # urban and psu hold the same values here: which one is unknown.
    df = DF.assign(psu=DF["urban"])
    msg = _message(df, strata=np.c_[DATA["urban"], DATA["urban"]], psu="psu")
    assert "its 2 columns hold the labels of 2 columns;" in msg
    assert "for 'a' and 'b') and name it: strata='a_b'" in msg


@pytest.mark.parametrize(
    "given",
    [
        DF[["kab", "urban"]],
        pl.from_pandas(DF[["kab", "urban"]]).lazy(),
        [pl.col("kab"), pl.col("urban")],
    ],
    ids=["pandas", "polars-lazy", "expressions"],
)
def test_by_given_as_a_frame_is_told_the_names(given: Any) -> None:
    msg = _message(DF, strata="kab", psu="psu", by=given)
    assert msg.startswith("`by` must be a column name or a list of them")
    assert "; pass the names of the columns: by=['kab', 'urban'] (" in msg
    msg = _message(DF, strata="kab", psu="psu", by=DF[["kab"]])
    assert "; pass the names of the columns: by='kab' (" in msg
    msg = _message(DF, strata="kab", psu="psu", by=pl.col("kab"))
    assert "got an Expr" in msg
    assert "; pass the names of the columns: by='kab' (" in msg


def _estimates(strata: Any = None, by: Any = None) -> Any:
    return estimates(strata=strata, psu=DF["psu"], by=by)


def _values_advised(message: str, arg: str) -> str:
    found = re.search(rf"\(in [^,]+(?: \([^)]*\))?, {arg}=(.*)\)$", message)
    assert found is not None, message
    return found.group(1)


@pytest.mark.parametrize(
    "kind",
    [
        "polars-lazy",
        "duckdb",
        "pyarrow",
        pytest.param("pyspark", marks=pytest.mark.spark),
    ],
)
def test_the_array_function_advises_code_that_runs_on_the_frame(kind: str) -> None:
    # strata given as a frame of the two columns: the code for that frame
    # (a lazy one collected), one combined label per unit.
    cols = DF[["kab", "urban"]]
    if kind == "pyarrow":
        frame: Any = pa.table(cols)
    elif kind == "polars-lazy":
        frame = pl.from_pandas(cols).lazy()
    else:
        frame = make(kind, {"kab": DATA["kab"], "urban": DATA["urban"]})
    with pytest.raises(TypeError) as err:
        _estimates(strata=frame)
    code = _values_advised(str(err.value), "strata")
    scope: dict[str, Any] = {"pl": pl, "pa": pa, "pc": pc}
    scope |= {"lf": frame, "rel": frame, "table": frame, "sdf": frame}
    if kind == "pyspark":
        from pyspark.sql import functions

        scope["F"] = functions
    strata = eval(code, scope)  # the advice, as typed
    e = _estimates(strata=np.asarray(strata, dtype=object))
    assert e.estimate[0] == pytest.approx(P0, rel=1e-14)
    assert e.se[0] == pytest.approx(SE_CROSSED, rel=1e-12)


def test_the_array_function_advises_lazy_code_for_by_and_psu() -> None:
    lf = pl.from_pandas(DF).lazy()
    with pytest.raises(TypeError) as err:
        _estimates(strata=DF["kab"], by=lf.select("kab", "urban"))
    by = eval(_values_advised(str(err.value), "by"), {"lf": lf, "pl": pl})
    e = _estimates(strata=DF["kab"], by=by)
    direct = _estimates(strata=DF["kab"], by=DF["kab"] + "/" + DF["urban"].astype(str))
    np.testing.assert_array_equal(e.estimate, direct.estimate)
    np.testing.assert_array_equal(e.se, direct.se)
    stages: Any = lf.select("kab", "psu")
    with pytest.raises(TypeError) as err:
        estimates(strata=DF["kab"], psu=stages)
    # A lazy frame is not read for a message: nothing shows that its 'kab'
    # holds the strata Series' values (a Series keeps its name through a
    # recode), so no claim that it is the strata column; the first stage's
    # column in lazy code.
    assert "is the strata column" not in str(err.value)
    found = re.search(
        r"psu=(lf\.collect\(\)\['kab'\]) \(as a column name", str(err.value)
    )
    assert found is not None, str(err.value)
    psu = eval(found.group(1), {"lf": lf})
    np.testing.assert_array_equal(psu.to_numpy(), DF["kab"].to_numpy())


@pytest.mark.parametrize(
    ("given", "se"),
    [
        ("~`kab`+urban", SE_CROSSED),
        ("~interaction(kab, urban)", SE_CROSSED),
        ("c(`kab`, urban)", SE_CROSSED),
        ("~factor(kab)", SE_KAB),
    ],
)
def test_the_array_function_reads_r_spellings(given: str, se: float) -> None:
    with pytest.raises(TypeError) as err:
        _estimates(strata=given)
    msg = str(err.value)
    found = re.search(r"\(in pandas, strata=(.*)\)$", msg) or re.search(
        r": strata=(df\['[^']+'\]) \(as a column name, strata='kab'\)$", msg
    )
    assert found is not None, msg
    assert "`" not in found.group(1)
    strata = eval(found.group(1), {"df": DF})  # the advice, as typed
    e = _estimates(strata=strata)
    assert e.estimate[0] == pytest.approx(P0, rel=1e-14)
    assert e.se[0] == pytest.approx(se, rel=1e-12)


LONELY: dict[str, Any] = {
    "y": [90.0, 130, 110, 140, 95, 150],
    "w": [1.0, 2, 3, 4, 5, 6],
    "dom": ["A", "A", "A", "A", "B", "B"],
    "st": [1, 1, 1, 1, 2, 2],
    "psu": [1, 1, 2, 2, 3, 3],
}


def test_the_average_warning_names_the_callers_line() -> None:
    # Domain B lies in one stratum of one PSU: under "average" its standard
    # errors are NaN, warned of, at the line that called povstat.
    d = pd.DataFrame(LONELY)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        poverty_estimates(
            d["y"],
            100.0,
            unit="fraction",
            alpha=0,
            weights=d["w"],
            by=d["dom"],
            strata=d["st"],
            psu=d["psu"],
            lonely_psu="average",
        )
        poverty_table(
            d,
            welfare="y",
            line=100.0,
            unit="fraction",
            alpha=0,
            weight="w",
            by="dom",
            strata="st",
            psu="psu",
            lonely_psu="average",
        )
    lonely = [w for w in seen if "domain 'B'" in str(w.message)]
    assert len(lonely) == 2, [str(w.message) for w in seen]
    assert [w.filename for w in lonely] == [__file__, __file__]
