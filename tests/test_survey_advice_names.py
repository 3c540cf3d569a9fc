"""Advice for design columns: names read from R, transposed arrays, repeats.

R's ``read.csv`` turns "kode kab" into ``kode.kab``: the combined column
the advice names has no dot (a lazy engine would refuse it), and the
Spark code quotes the dotted name in backticks (Spark reads a bare dot
as a struct field). A 2-by-n array of two columns (``np.array([df.kab,
df.urban])``) is told the columns it holds. Each piece of advice is
followed as printed and gives R's estimate of crossed strata
(tests/reference/survey_crossed_strata.R, survey 4.1.1).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

from backends import make
from povstat import poverty_estimates, poverty_table
from survey_advice import (
    DATA,
    DF,
    ENGINES,
    P0,
    SE_CROSSED,
    SE_KAB,
)
from survey_advice import crossed as _crossed
from survey_advice import estimates as _estimates
from survey_advice import follow as _follow
from survey_advice import message as _message
from survey_advice import table as _table

DOTTED = {("kode.kab" if k == "kab" else k): v for k, v in DATA.items()}


@pytest.mark.parametrize("backend", ENGINES)
@pytest.mark.parametrize(
    "given", ["~kode.kab+urban", "~`kode.kab`+urban"], ids=["bare", "backticks"]
)
def test_a_dotted_name_gets_advice_that_runs(backend: str, given: str) -> None:
    # The new column is kode_kab_urban (a dot is refused on lazy engines);
    # Spark's code reads `kode.kab` in backticks.
    df = make(backend, DOTTED)
    msg = _message(df, strata=given, psu="psu")
    assert msg.endswith("and name it: strata='kode_kab_urban'")
    if backend == "pyspark":
        assert "F.col('`kode.kab`')" in msg
    combined, name = _follow(msg, df)
    _crossed(_table(combined, strata=name, psu="psu"))


@pytest.mark.parametrize("backend", ["polars-lazy", "duckdb"])
def test_a_dotted_interaction_as_psu_gets_advice_that_runs(backend: str) -> None:
    # R's ids=~interaction(kode.kab, psu) with strata=~urban: one label.
    df = make(backend, DOTTED)
    msg = _message(df, strata="urban", psu="~interaction(kode.kab, psu)")
    assert msg.endswith("and name it: psu='kode_kab_psu'")
    combined, name = _follow(msg, df, "psu")
    direct = _table(
        pd.DataFrame(DATA).assign(kp=lambda d: d["kab"] + "/" + d["psu"].astype(str)),
        strata="urban",
        psu="kp",
    )
    out = _table(combined, strata="urban", psu=name)
    assert out["se"].iloc[0] == direct["se"].iloc[0]


@pytest.mark.spark
def test_the_array_function_quotes_a_dotted_name_for_spark() -> None:
    frame = make("pyspark", {"kode.kab": DATA["kab"], "urban": DATA["urban"]})
    with pytest.raises(TypeError) as err:
        _estimates(strata=frame, psu=DF["psu"])
    found = re.search(r"\(in PySpark [^,]+, strata=(.*)\)$", str(err.value))
    assert found is not None, str(err.value)
    from pyspark.sql import functions

    strata = eval(found.group(1), {"sdf": frame, "F": functions})  # as typed
    e = _estimates(strata=np.asarray(strata, dtype=object), psu=DF["psu"])
    assert e.estimate[0] == pytest.approx(P0, rel=1e-14)
    assert e.se[0] == pytest.approx(SE_CROSSED, rel=1e-12)


def test_the_new_name_is_free_of_dotted_and_case_clashes() -> None:
    df = pd.DataFrame(DOTTED).assign(KODE_KAB_URBAN=0)
    msg = _message(df, strata=["kode.kab", "urban"], psu="psu")
    assert msg.endswith("and name it: strata='kode_kab_urban_'")


@pytest.mark.parametrize("backend", ["pandas[float64]", "polars"])
def test_a_2_by_n_array_of_the_columns_is_read_as_rows(backend: str) -> None:
    # np.array([df.kab, df.urban]) stacks the two columns as its 2 rows.
    df = make(backend, DATA)
    given = np.array([np.array(DATA["kab"], dtype=object), DATA["urban"]])
    assert given.shape == (2, 8)
    msg = _message(df, strata=given, psu="psu")
    assert "its 2 rows of 8 (one column of `df` each" in msg
    assert "hold the labels of the columns ['kab', 'urban'] of `df`" in msg
    combined, name = _follow(msg, df)
    assert name == "kab_urban"
    _crossed(_table(combined, strata=name, psu="psu"))
    # psu: the stages advice names the first row's column
    msg = _message(df, strata="kab", psu=np.array([DATA["urban"], DATA["psu"]]))
    assert "hold the labels of the columns ['urban', 'psu'] of `df`" in msg
    assert "give the first, psu='urban' (joining them" in msg


def test_one_column_as_an_array_is_named() -> None:
    for given in (DF[["kab"]].to_numpy(), DF["kab"].to_numpy()):
        msg = _message(DF, strata=given, psu="psu")
        assert msg.endswith(
            "its values are those of the column 'kab' of `df`: strata='kab'"
        )
    out = _table(DF, strata="kab", psu="psu")
    assert out["se"].iloc[0] == pytest.approx(SE_KAB, rel=1e-12)


def test_the_array_function_tells_a_one_column_array_to_be_flat() -> None:
    given = DF[["kab"]].to_numpy()
    with pytest.raises(TypeError) as err:
        _estimates(strata=given, psu=DF["psu"])
    msg = str(err.value)
    assert "got a 2-D array of shape (8, 1)" in msg
    assert "pass it flat (its .ravel(), or the column itself" in msg
    assert "crossed strata" not in msg
    e = _estimates(strata=given.ravel(), psu=DF["psu"])
    assert e.se[0] == pytest.approx(SE_KAB, rel=1e-12)


@pytest.mark.parametrize("given", [["kab", "kab"], ("kab", "kab")])
def test_a_column_named_twice_is_that_column(given: Any) -> None:
    msg = _message(DF, strata=given, psu="psu")
    assert msg.endswith("it names one column, 'kab', twice: strata='kab'")
    msg = _message(DF, strata="kab", psu=["psu", "psu"])
    assert msg.endswith("it names one column, 'psu', twice: psu='psu'")


@pytest.mark.parametrize("backend", ["polars", "polars-lazy"])
@pytest.mark.parametrize(
    "given",
    [pl.col("kab", "urban"), pl.col(["kab", "urban"]), pl.struct("kab", "urban")],
    ids=["col", "col-list", "struct"],
)
def test_polars_selections_of_the_columns_get_the_advice(
    backend: str, given: Any
) -> None:
    df = make(backend, DATA)
    msg = _message(df, strata=given, psu="psu")
    combined, name = _follow(msg, df)
    _crossed(_table(combined, strata=name, psu="psu"))


@pytest.mark.spark
def test_spark_columns_get_the_advice() -> None:
    df = make("pyspark", DATA)
    from pyspark.sql import functions

    msg = _message(df, strata=[functions.col("kab"), functions.col("urban")], psu="psu")
    combined, name = _follow(msg, df)
    _crossed(_table(combined, strata=name, psu="psu"))
    msg = _message(df, strata=functions.col("kab"), psu="psu")
    assert msg.endswith("; it names one column: strata='kab'")
    # a column that computes names no column: no advice for it
    given = [functions.col("kab").cast("string"), functions.col("urban")]
    assert "combined labels" not in _message(df, strata=given, psu="psu")


@pytest.mark.parametrize("backend", ["pandas[float64]", "duckdb"])
@pytest.mark.parametrize(
    ("given", "absent"),
    [("~`kode kab`+urban", ["kode kab"]), ("~KODE.KAB+URBAN", ["KODE.KAB", "URBAN"])],
)
def test_formula_names_spelt_otherwise_name_the_columns(
    backend: str, given: str, absent: list[str]
) -> None:
    # R's `kode kab` (or KODE.KAB) beside a column kode_kab: that column.
    data = {("kode_kab" if k == "kab" else k): v for k, v in DATA.items()}
    df = make(backend, data)
    msg = _message(df, strata=given, psu="psu")
    meant = ["kode_kab", "urban"][: len(absent)]
    assert f"; the names {absent!r} are not columns of `df`, read as {meant!r}" in msg
    combined, name = _follow(msg, df)
    assert name == "kode_kab_urban"
    _crossed(_table(combined, strata=name, psu="psu"))
    msg = _message(df, strata="~KODE_KAB", psu="psu")
    assert msg.endswith("but povstat takes column names: strata='kode_kab'")
    # A name close to two columns names neither.
    pdf = pd.DataFrame(data).assign(KODE_KAB=0)
    msg = _message(pdf, strata="~Kode_Kab+urban", psu="psu")
    assert msg == (
        f"`strata` column '~Kode_Kab+urban' not found; columns: {list(pdf.columns)}"
    )


def test_by_given_as_a_frame_of_other_names_is_told_df_s() -> None:
    by = DF[["kab", "urban"]].rename(columns=str.upper)
    msg = _message(DF, strata="kab", psu="psu", by=by)
    assert "; pass the names of the columns: by=['kab', 'urban'] (" in msg
    out = _table(DF, strata="kab", psu="psu", by=["kab", "urban"])
    assert len(out) == 4
    by = DF[["kab", "urban"]].rename(columns=lambda c: c + "_x")
    msg = _message(DF, strata="kab", psu="psu", by=by)
    assert "by=[" not in msg
    assert (
        "pass the names of the columns of `df` (the columns given, "
        "['kab_x', 'urban_x'], are not among its columns: "
        "['kab', 'urban', 'psu', 'y', 'w'])" in msg
    )


def test_a_weight_written_as_a_product_is_told_size() -> None:
    df = DF.assign(size=[1, 2, 3, 4, 1, 2, 3, 4])
    with pytest.raises(ValueError, match="not found") as err:
        poverty_table(
            df,
            welfare="y",
            line=100.0,
            unit="fraction",
            alpha=0,
            weight="~w*size",
            strata="kab",
            psu="psu",
        )
    msg = str(err.value)
    assert msg.endswith(
        "give weight='w', size='size', and povstat multiplies them (the other "
        "way round if the first is the size)"
    )
    with pytest.raises(TypeError) as estimates_err:
        poverty_estimates(df["y"], 100.0, unit="fraction", weights="~w*size")
    assert "give weights=df['w'], size=df['size'], and povstat multiplies" in str(
        estimates_err.value
    )


@pytest.mark.parametrize(
    ("given", "told"),
    [
        (np.array(["kab", "urban"]), "by=['kab', 'urban']"),
        (pd.Series(["kab", "urban"]), "by=['kab', 'urban']"),
        (DF["kab"], "by='kab'"),
        (DF["kab"].to_numpy(), "by='kab'"),
        (DF[["kab", "urban"]].to_numpy(), "by=['kab', 'urban']"),
        (np.array([DF["kab"], DF["urban"]]), "by=['kab', 'urban']"),
    ],
    ids=["names-array", "names-series", "series", "values", "2d", "2d-rows"],
)
def test_by_given_as_values_is_told_the_names(given: Any, told: str) -> None:
    msg = _message(DF, strata="kab", psu="psu", by=given)
    assert msg.startswith("`by` must be a column name or a list of them")
    assert f"; pass the names of the columns: {told} (" in msg


def test_the_array_function_tells_strata_of_text_one_column() -> None:
    # A frame of one column of text: one column, not "a frame of numbers".
    with pytest.raises(TypeError) as err:
        poverty_estimates(
            DF["y"], 100.0, unit="fraction", strata=DF[["kab"]], psu=DF["psu"]
        )
    msg = str(err.value)
    assert "all numbers" not in msg
    assert msg.endswith(
        "take the values themselves (e.g. df['kab']), while "
        "povstat.poverty_table takes a frame and column names (strata='kab')"
    )


@pytest.mark.parametrize("backend", ["polars", "polars-lazy"])
def test_a_polars_expression_of_the_labels_is_told_to_be_a_column(backend: str) -> None:
    df = make(backend, DATA)
    expr = pl.concat_str([pl.col("kab"), pl.col("urban")], separator="/")
    msg = _message(df, strata=expr, psu="psu")
    found = re.search(
        r"add it as one first \(df = df\.with_columns\(<the expression>\.alias"
        r"\('([^']+)'\)\)\) and name it: strata='([^']+)'$",
        msg,
    )
    assert found is not None, msg
    assert found.group(1) == found.group(2) == "kab_urban"
    combined = df.with_columns(expr.alias(found.group(1)))  # as advised
    _crossed(_table(combined, strata=found.group(2), psu="psu"))


@pytest.mark.parametrize(
    "written", ["~w+size", "~w:size", "~I(w*size)", "~ I( w * size )"]
)
def test_every_r_spelling_of_a_weight_product_is_told_size(written: str) -> None:
    # R's svydesign multiplies a weights formula's columns whatever the
    # operator: ~w+size, ~w:size and ~I(w*size) all weight by w*size.
    df = DF.assign(size=[1, 2, 3, 4, 1, 2, 3, 4])
    with pytest.raises(ValueError, match="not found") as err:
        poverty_table(
            df, welfare="y", line=100.0, unit="fraction", alpha=0, weight=written
        )
    assert "give weight='w', size='size', and povstat multiplies" in str(err.value)
    with pytest.raises(TypeError) as estimates_err:
        poverty_estimates(df["y"], 100.0, unit="fraction", weights=written)
    assert "give weights=df['w'], size=df['size'], and povstat multiplies" in str(
        estimates_err.value
    )
    # followed: the weight is the product w*size, as in R
    kw: dict[str, Any] = {"welfare": "y", "line": 100.0, "unit": "fraction"}
    advised = poverty_table(df, alpha=0, weight="w", size="size", **kw)
    product = poverty_table(
        df.assign(ws=df["w"] * df["size"]), alpha=0, weight="ws", **kw
    )
    assert advised["estimate"][0] == pytest.approx(product["estimate"][0], rel=1e-12)
