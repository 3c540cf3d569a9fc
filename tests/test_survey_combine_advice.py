"""The advice to combine several strata (or PSU) columns, on every engine.

`strata` takes one column. Several columns given as a list, as a frame of
the columns, or as an R formula (``"~kab+urban"``, what ``svydesign``
takes) get the advice to build one column of combined labels, with the
code for the caller's engine; following that code gives R's estimate of
crossed strata (tests/reference/survey_crossed_strata.R, survey 4.1.1).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from backends import make
from povstat import poverty_estimates
from survey_advice import DATA, DF, P0, SE_CROSSED, SE_KAB, own_psu
from survey_advice import crossed as _crossed
from survey_advice import estimates as _estimates
from survey_advice import follow as _follow
from survey_advice import message as _message
from survey_advice import table as _table

ENGINES = [
    "pandas[float64]",
    "polars",
    "polars-lazy",
    "duckdb",
    "pyarrow",
    pytest.param("pyspark", marks=pytest.mark.spark),
]


def _frame(backend: str, data: dict[str, Any]) -> Any:
    if backend == "pyarrow":
        return pa.table(data)
    return make(backend, data)


@pytest.mark.parametrize("formula", ["~kab+urban", "kab + urban", "~ kab * urban"])
def test_strata_as_an_r_formula_get_the_advice(formula: str) -> None:
    msg = _message(DF, strata=formula, psu="psu")
    assert msg.startswith(f"`strata` column {formula!r} not found")
    assert f"{formula!r} reads as an R formula, but povstat takes column names" in msg
    assert msg.endswith(
        "build one column of combined labels first (in pandas, "
        "df['kab_urban'] = df['kab'].astype('string') + '/' + "
        "df['urban'].astype('string')) and name it: strata='kab_urban'"
    )


def test_a_formula_of_one_column_or_of_domains_names_the_argument() -> None:
    msg = _message(DF, strata="~kab", psu="psu")
    assert msg.endswith(
        "reads as an R formula, but povstat takes column names: strata='kab'"
    )
    msg = _message(DF, strata="kab", psu="psu", by="~kab+urban")
    assert msg.endswith("by=['kab', 'urban'] crosses the domains")
    msg = _message(DF, strata="kab", psu="~psu", size="~w")
    assert msg.startswith(
        "2 columns not found: `size` column '~w', `psu` column '~psu'; columns: "
    )
    assert msg.endswith(
        "'~w' reads as an R formula, but povstat takes column names: size='w'; "
        "'~psu' reads as an R formula, but povstat takes column names: psu='psu'"
    )


def test_a_formula_of_absent_columns_gets_no_advice() -> None:
    msg = _message(DF, strata="~kab+rural", psu="psu")
    assert msg == (
        "`strata` column '~kab+rural' not found; columns: "
        "['kab', 'urban', 'psu', 'y', 'w']"
    )


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_strata_as_a_frame_of_two_columns_get_the_advice(kind: str) -> None:
    cols = DF[["kab", "urban"]]
    given = cols if kind == "pandas" else pl.from_pandas(cols)
    msg = _message(DF, strata=given, psu="psu")
    assert msg.startswith("`strata` must be a column name (a str); got a DataFrame")
    assert msg.endswith(
        "(in pandas, df['kab_urban'] = df['kab'].astype('string') + '/' + "
        "df['urban'].astype('string')) and name it: strata='kab_urban'"
    )


def test_a_list_of_one_column_names_it() -> None:
    assert _message(DF, strata=["kab"], psu="psu").endswith(
        "; it names one column: strata='kab'"
    )


@pytest.mark.parametrize("backend", ENGINES)
@pytest.mark.parametrize("given", [["kab", "urban"], "~kab+urban"])
def test_the_advice_runs_on_the_callers_engine(backend: str, given: object) -> None:
    df = _frame(backend, DATA)
    msg = _message(df, strata=given, psu="psu")
    assert "in pandas" not in msg or backend.startswith("pandas")
    combined, name = _follow(msg, df, "strata")
    out = _table(combined, strata=name, psu="psu")
    _crossed(out)


@pytest.mark.parametrize("backend", ENGINES)
def test_the_psu_advice_names_the_psus_own_column(backend: str) -> None:
    # The strata column beside the PSU's: the PSU's own column, no join
    # (PSUs are nested in strata); R's ids=~psu, strata=~kab, nest=TRUE.
    df = _frame(backend, DATA)
    for given in (["kab", "psu"], "kab, psu"):
        psu = own_psu(_message(df, strata="kab", psu=given))
        out = _table(df, strata="kab", psu=psu)
        assert out["estimate"].iloc[0] == pytest.approx(P0, rel=1e-14)
        assert out["se"].iloc[0] == pytest.approx(SE_KAB, rel=1e-12)


@pytest.mark.parametrize("backend", ENGINES)
def test_following_the_advice_keeps_a_missing_label_missing(backend: str) -> None:
    data = DATA | {"urban": [1, 1, 2, None, 1, 2, 1, 2]}
    df = _frame(backend, data)
    with pytest.raises(TypeError) as err:
        _table(df, strata=["kab", "urban"], psu="psu")
    combined, name = _follow(str(err.value), df, "strata")
    # Not a stratum '3501/nan' or '3501/': refused as a missing label.
    with pytest.raises(
        ValueError,
        match=r"^`strata` column 'kab_urban' must not hold missing values: 1 row",
    ):
        _table(combined, strata=name, psu="psu")


def test_duckdb_names_that_need_quoting_run() -> None:
    data = {"Kab Kota": DATA["kab"], "group": DATA["urban"]} | {
        k: DATA[k] for k in ("psu", "y", "w")
    }
    df = _frame("duckdb", data)
    with pytest.raises(TypeError) as err:
        _table(df, strata=["Kab Kota", "group"], psu="psu")
    msg = str(err.value)
    assert '\\"Kab Kota\\"' in msg
    combined, name = _follow(msg, df, "strata")
    assert name == "Kab Kota_group"
    out = _table(combined, strata=name, psu="psu")
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-12)


@pytest.mark.parametrize(
    "spelled",
    ["kab, urban", "c(kab,urban)", "kab urban", "kab/urban", "~interaction(kab,urban)"],
)
def test_several_columns_in_one_str_get_the_advice(spelled: str) -> None:
    msg = _message(DF, strata=spelled, psu="psu")
    assert f"{spelled!r} names several columns in one str" in msg
    combined, name = _follow(msg, DF, "strata")
    out = _table(combined, strata=name, psu="psu")
    _crossed(out)


def test_several_columns_in_one_str_for_by_and_one_column_arguments() -> None:
    msg = _message(DF, strata="kab", psu="psu", by="kab, urban")
    assert msg.endswith(
        "'kab, urban' names several columns in one str: by=['kab', 'urban'] "
        "crosses the domains"
    )
    msg = _message(DF, strata="kab", psu="psu", size="w, y")
    assert msg.endswith(
        "'w, y' names several columns in one str; `size` takes one column"
    )


def test_a_name_with_spaces_around_it_names_the_column() -> None:
    msg = _message(DF, strata=" kab", psu="psu")
    assert msg.endswith("; ' kab' has spaces around a column's name: strata='kab'")
    out = _table(DF, strata="kab", psu="psu")
    assert out["se"].iloc[0] == pytest.approx(SE_KAB, rel=1e-12)


def test_a_frame_of_columns_not_in_df_gets_no_code_naming_them() -> None:
    other = pd.DataFrame({"kode_kab": DF["kab"], "r105": DF["urban"]})
    msg = _message(DF, strata=other, psu="psu")
    assert "df['kode_kab']" not in msg
    assert msg.endswith(
        "; `strata` takes one column of `df`, and ['kode_kab', 'r105'] are not "
        "among its columns: add the columns to `df` (or combine them there), "
        "then name the column"
    )


@pytest.mark.parametrize(
    ("given", "df"),
    [
        ("kab, urban", DF),
        ("c(kab, urban)", DF),
        (DF[["kab", "urban"]], DF),
        (pl.from_pandas(DF[["kab", "urban"]]), pl.from_pandas(DF)),
    ],
    ids=["str", "c()", "pandas", "polars"],
)
def test_the_array_function_advises_crossed_strata_values(given: Any, df: Any) -> None:
    # Several strata columns given to poverty_estimates: one combined label
    # per unit (its code followed as printed), never df['kab, urban'] nor
    # one column's df['name'], which would drop the urban/rural split.
    with pytest.raises(TypeError) as err:
        _estimates(strata=given, psu=DF["psu"])
    msg = str(err.value)
    assert "df['kab, urban']" not in msg
    assert "df['name']" not in msg
    assert "strata='kab, urban'" not in msg
    found = re.search(r"\(in (?:pandas|polars)(?: \([^)]*\))?, strata=(.*)\)$", msg)
    assert found is not None, msg
    strata = eval(found.group(1), {"df": df, "pl": pl})  # the advice, as typed
    e = _estimates(strata=strata, psu=DF["psu"])
    # tests/reference/survey_crossed_strata.R: strata regency x urban.
    assert e.estimate[0] == pytest.approx(P0, rel=1e-14)
    assert e.se[0] == pytest.approx(SE_CROSSED, rel=1e-12)


def test_the_array_function_advises_by_and_other_columns_in_one_str() -> None:
    with pytest.raises(TypeError) as err:
        poverty_estimates(DF["y"], 100.0, unit="fraction", by="kab, urban")
    assert str(err.value).endswith(
        "(by=['kab', 'urban'] crosses the domains); as values, one combined "
        "label per unit (in pandas, by=df['kab'].astype('string') + '/' + "
        "df['urban'].astype('string'))"
    )
    with pytest.raises(TypeError) as err:
        poverty_estimates(DF["y"], 100.0, unit="fraction", strata="y, w")
    assert "strata=df['y'].astype('string')" in str(err.value)
    with pytest.raises(TypeError) as err:
        poverty_estimates(DF["y"], 100.0, unit="fraction", fpc="N1, N2")
    assert str(err.value).endswith("; `fpc` takes one column's values")
    # One name with a space is one column's: no list read into it.
    with pytest.raises(TypeError) as err:
        poverty_estimates(DF["y"], 100.0, unit="fraction", strata="kode kab")
    assert "(e.g. df['kode kab'])" in str(err.value)
