"""A `psu` written as R's ``interaction(kab, blok)``: one label, not stages.

Census blocks numbered within each regency are written
``svydesign(ids=~interaction(kab, blok))``: one stage, whose PSU is the
crossing of the two columns. The advice builds that one combined column
on the caller's engine (or the values, for the array function); followed
as printed it gives R's standard error
(tests/reference/survey_interaction_psu.R, survey 4.1.1). ``ids=~kab+blok``
and ``ids=~kab:blok`` are stages in R (the first the PSUs) and keep that
advice.
"""

from __future__ import annotations

import re
from typing import Any

import narwhals as nw
import pandas as pd
import polars as pl
import pytest

from backends import make
from povstat import poverty_estimates
from survey_advice import ENGINES
from survey_advice import follow as _follow
from survey_advice import message as _message
from survey_advice import table as _table

DATA: dict[str, Any] = {
    "kab": ["3501"] * 8 + ["3502"] * 8,
    "urban": ([0] * 4 + [1] * 4) * 2,
    "blok": [1, 1, 2, 2, 3, 3, 4, 4] * 2,
    "y": [90.0, 130, 80, 95, 150, 120, 85, 140, 70, 160, 110, 99, 60, 105, 145, 88],
    "w": [10.0, 20, 15, 25, 12, 18, 14, 16, 11, 9, 13, 17, 21, 8, 19, 22],
}
DF = pd.DataFrame(DATA)
# tests/reference/survey_interaction_psu.R: P0 (a fraction) with strata
# urban and ids=~interaction(kab, blok), its SE and the design's df; the
# SE with ids=~kab:blok (R's stages ~kab+blok: the PSUs kab's), and with
# ids=~blok (blocks of two regencies joined).
P0 = 0.54000000000000004
SE_CROSSED, DF_CROSSED = 0.11184515009601445, 6
SE_KAB = 0.10449114795043647
SE_BLOK = 0.10640529310142424


@pytest.mark.parametrize("backend", ENGINES)
@pytest.mark.parametrize(
    "given",
    ["~interaction(kab, blok)", "interaction(kab,blok)", "~interaction(`kab`, blok)"],
)
def test_an_interaction_as_psu_is_one_combined_label(backend: str, given: str) -> None:
    df = make(backend, DATA)
    msg = _message(df, strata="urban", psu=given)
    assert (
        "R's svydesign(ids=~interaction(kab, blok)) reads interaction(kab, blok) "
        "as one label per unit, the crossing of the columns" in msg
    )
    assert "give the first" not in msg
    combined, name = _follow(msg, df, "psu")
    assert name == "kab_blok"
    out = _table(combined, strata="urban", psu=name)
    assert out["estimate"].iloc[0] == pytest.approx(P0, rel=1e-14)
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-12)
    assert out["df"].iloc[0] == DF_CROSSED


@pytest.mark.parametrize("strata", ["kab", "~kab", "~factor(kab)"])
def test_an_interaction_with_the_strata_column_names_the_other(strata: str) -> None:
    # R's ids=~interaction(kab, blok), strata=~kab, nest=TRUE: the PSUs
    # are the blocks within each regency, psu='blok' beside strata='kab'.
    msg = _message(DF, strata=strata, psu="~interaction(kab, blok)")
    assert msg.endswith(
        "'kab' is the strata column, and PSUs are nested in strata (the same "
        "label in two strata already names two PSUs), so give the PSU's own "
        "column: psu='blok'"
    )
    combined, name = _follow(
        _message(DF, strata="urban", psu="~interaction(kab, blok)"), DF, "psu"
    )
    direct = _table(DF, strata="kab", psu="blok")
    joined = _table(combined, strata="kab", psu=name)
    assert direct["se"].iloc[0] == pytest.approx(joined["se"].iloc[0], rel=1e-14)


@pytest.mark.parametrize("stages", ["~kab+blok", "~kab:blok"])
def test_an_interaction_then_later_stages_combines_the_first_term(stages: str) -> None:
    msg = _message(DF, strata="urban", psu="~interaction(kab, blok) + y")
    assert "the terms after it are later stages" in msg
    combined, name = _follow(msg, DF, "psu")
    out = _table(combined, strata="urban", psu=name)
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-12)
    # R reads ids=~kab:blok as the stages ~kab+blok (the reference script's
    # second line): the PSUs are the regencies, no combined labels.
    msg = _message(DF, strata="urban", psu=stages)
    assert "combined labels" not in msg
    assert msg.endswith(": psu='kab'")
    out = _table(DF, strata="urban", psu="kab")
    assert out["se"].iloc[0] == pytest.approx(SE_KAB, rel=1e-12)
    # the blocks' own column, joined across regencies, is not R's design
    out = _table(DF, strata="urban", psu="blok")
    assert out["se"].iloc[0] == pytest.approx(SE_BLOK, rel=1e-12)


def _estimates(psu: Any, strata: Any = None) -> Any:
    return poverty_estimates(
        DF["y"],
        100.0,
        unit="fraction",
        weights=DF["w"],
        strata=DF["urban"] if strata is None else strata,
        psu=psu,
    )


@pytest.mark.parametrize("given", ["~interaction(kab, blok)", "interaction(kab, blok)"])
def test_the_array_function_advises_the_combined_values(given: str) -> None:
    with pytest.raises(TypeError) as err:
        _estimates(given)
    msg = str(err.value)
    assert "reads interaction(kab, blok) as one label per unit" in msg
    found = re.search(r"one combined label per unit \(in pandas, psu=(.*)\)$", msg)
    assert found is not None, msg
    psu = eval(found.group(1), {"df": DF})  # the advice, as typed
    e = _estimates(psu)
    assert e.estimate[0] == pytest.approx(P0, rel=1e-14)
    assert e.se[0] == pytest.approx(SE_CROSSED, rel=1e-12)


def test_the_array_function_names_the_other_column_beside_strata() -> None:
    # A formula holds no values: a strata Series named 'kab' may be a
    # recode of it (a name survives .replace), so the combined label,
    # right whatever the strata, is advised; a frame of the columns shows
    # its 'kab' holds the strata, and the other column is advised.
    with pytest.raises(TypeError) as err:
        _estimates("~interaction(kab, blok)", strata=DF["kab"])
    assert "is the strata column" not in str(err.value)
    assert "one combined label per unit (in pandas, psu=" in str(err.value)
    with pytest.raises(TypeError) as err:
        _estimates(DF[["kab", "blok"]], strata=DF["kab"])
    assert str(err.value).endswith(
        "so give the PSU's own column: psu=df['blok'] (as a column name, psu='blok')"
    )
    with pytest.raises(TypeError) as err:
        _estimates("~kab:blok")
    assert str(err.value).endswith("psu=df['kab'] (as a column name, psu='kab')")


@pytest.mark.parametrize("given", [["kab", "blok"], "kab, blok"], ids=["list", "text"])
def test_two_psu_columns_get_both_readings_and_the_crossing_code(given: Any) -> None:
    # kab is not the strata column (urban is): 'blok' alone would join the
    # blocks of two regencies (R's ids=~blok: SE_BLOK). The crossing's code,
    # run as printed, gives R's ids=~interaction(kab, blok).
    df = DF.copy()
    with pytest.raises((TypeError, ValueError)) as err:
        _table(df, strata="urban", psu=given)
    msg = str(err.value)
    assert "R's svydesign(ids=~kab+blok)), give the first, psu='kab'" in msg
    assert "PSUs are nested in strata" not in msg
    found = re.search(r"\(in pandas, (df\[.*), then psu='(kab_blok_*)'\)$", msg)
    assert found is not None, msg
    exec(found.group(1), {"df": df})
    out = _table(df, strata="urban", psu=found.group(2))
    assert out["estimate"][0] == pytest.approx(P0, rel=1e-14)
    assert out["se"][0] == pytest.approx(SE_CROSSED, rel=1e-12)
    assert out["df"][0] == DF_CROSSED


def _crossing(message: str) -> tuple[str, str]:
    """The code of the several_psu advice's combined label, and its column."""
    found = re.search(
        r"give one combined label per unit \((?:in|through) \w+(?: \([^)]*\))?, "
        r"(.*), then psu='([^']+)'\)$",
        message,
    )
    assert found is not None, message
    return found.group(1), found.group(2)


@pytest.mark.parametrize("backend", ENGINES)
def test_three_psu_columns_with_strata_among_them_cross_the_other_two(
    backend: str,
) -> None:
    # strata='urban' is one of the three psu columns: the two left, kab and
    # blok, are the pair the advice reads (blocks numbered within their
    # regency), and its code must cross those two, not urban and kab. Run
    # as printed, it gives R's ids=~interaction(kab, blok), strata=~urban.
    df = make(backend, DATA)
    msg = _message(df, strata="urban", psu=["urban", "kab", "blok"])
    assert "if 'kab' groups the PSUs and 'blok' numbers the PSUs within it" in msg
    code, name = _crossing(msg)
    assert name == "kab_blok"
    scope: dict[str, Any] = {"df": df.copy() if backend.startswith("pandas") else df}
    scope |= {"pl": pl, "nw": nw}
    if "F." in code:
        from pyspark.sql import functions

        scope["F"] = functions
    exec(code, scope)  # the advice, as a user would type it
    out = _table(scope["df"], strata="urban", psu=name)
    assert out["estimate"].iloc[0] == pytest.approx(P0, rel=1e-14)
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-12)
    assert out["df"].iloc[0] == DF_CROSSED


def _values_crossing(message: str) -> str:
    """The code of the array function's combined label (values)."""
    found = re.search(
        r"give one combined label per unit \((?:in|through) \w+(?: \([^)]*\))?, "
        r"psu=(.*)\)$",
        message,
    )
    assert found is not None, message
    return found.group(1)


def _scope(native: Any, name: str) -> dict[str, Any]:
    """The names the array function's advice uses: the frame and the imports."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    scope: dict[str, Any] = {name: native, "pl": pl, "pa": pa, "pc": pc}
    if name == "sdf":
        from pyspark.sql import functions

        scope["F"] = functions
    return scope


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_the_array_function_crosses_the_two_columns_beside_strata(kind: str) -> None:
    # A frame of three psu columns whose 'urban' holds the strata: the
    # combined label of the other two, kab and blok, in the frame's code.
    given = DF[["urban", "kab", "blok"]]
    frame: Any = given if kind == "pandas" else pl.from_pandas(given)
    with pytest.raises(TypeError) as err:
        _estimates(frame)
    msg = str(err.value)
    assert "if 'kab' groups the PSUs and 'blok' numbers the PSUs within it" in msg
    psu = eval(_values_crossing(msg), _scope(frame, "df"))  # the advice, as typed
    e = _estimates(psu)
    assert e.estimate[0] == pytest.approx(P0, rel=1e-14)
    assert e.se[0] == pytest.approx(SE_CROSSED, rel=1e-12)


@pytest.mark.parametrize(
    ("backend", "name"),
    [
        ("pandas[float64]", "df"),
        ("polars", "df"),
        ("polars-lazy", "lf"),
        ("duckdb", "rel"),
        ("pyarrow", "table"),
        pytest.param("pyspark", "sdf", marks=pytest.mark.spark),
    ],
)
def test_the_array_function_crosses_a_frame_of_two_columns_in_its_engine(
    backend: str, name: str
) -> None:
    # psu given as a frame of kab and blok: the crossing's code is the
    # frame's own engine's (a polars Series has no .astype), and its values
    # give R's ids=~interaction(kab, blok).
    columns = {"kab": DATA["kab"], "blok": DATA["blok"]}
    if backend == "pyarrow":
        import pyarrow as pa

        native: Any = pa.table(columns)
    else:
        native = make(backend, columns)
    with pytest.raises(TypeError) as err:
        _estimates(native)
    msg = str(err.value)
    assert "R's svydesign(ids=~interaction(kab, blok))" in msg
    psu = eval(_values_crossing(msg), _scope(native, name))  # the advice, as typed
    e = _estimates(psu)
    assert e.estimate[0] == pytest.approx(P0, rel=1e-14)
    assert e.se[0] == pytest.approx(SE_CROSSED, rel=1e-12)
