"""Advice for design values whose rows the call cannot pair, followed as printed.

Data of tests/test_survey_interaction_psu.py (census blocks numbered
within each regency, strata urban): R's ``svydesign(ids=~interaction(kab,
blok), strata=~urban, weights=~w)`` gives P0, SE_CROSSED and DF_CROSSED
(tests/reference/survey_interaction_psu.R).

- A pandas Series built from arrays (``pd.Series(np.where(...))``, labels
  0..n-1) beside a frame sorted after it was read: its labels are not the
  frame's, so adding it by label would put its values on other rows. The
  advice gives both ways; the positional one gives R's figures.
- `psu` given to poverty_estimates as two columns of labels (an n x 2 or
  2 x n array, a list of two Series, a list of two lists) and to
  poverty_table as three columns: both readings, stages or one combined
  label, whose code gives R's figures.
- On lazy engines, columns with a dot (R's ``read.csv`` names) named by the
  advice come with the rename that engine needs.
- A weight written ``~w/size`` is R's product of the two columns, and
  ``~I(w/size)`` names no column (tests/reference/survey_weight_formulas.R).
"""

from __future__ import annotations

import re
from typing import Any

import narwhals.stable.v2 as nw
import numpy as np
import pandas as pd
import polars as pl
import pytest

from backends import make
from povstat import poverty_estimates, poverty_table
from test_survey_interaction_psu import DATA, DF, DF_CROSSED, P0, SE_CROSSED

#: DF with the block id combined, sorted by welfare: its index permuted.
SORTED = DF.assign(
    kb=DF["kab"] + "/" + DF["blok"].astype(str), hh=np.arange(len(DF))
).sort_values("y")


def _table(df: Any, **design: Any) -> tuple[float, float, float]:
    given: dict[str, Any] = {"weight": "w"} | design
    out = poverty_table(df, welfare="y", line=100.0, unit="fraction", alpha=0, **given)
    row = nw.from_native(out).lazy().collect("polars").to_native()
    return row["estimate"][0], row["se"][0], row["df"][0]


def _refused(df: Any, **design: Any) -> str:
    with pytest.raises((TypeError, ValueError)) as info:
        _table(df, **design)
    return str(info.value)


def _assigned(msg: str, values: Any, way: str) -> tuple[pd.DataFrame, str]:
    """Run the `way` ("by position" or "by label") code of `msg` on SORTED."""
    found = re.search(rf"{way} \((df = df\.assign\(.*?\}}\))\)", msg)
    assert found is not None, msg
    scope: dict[str, Any] = {"df": SORTED.copy()}
    exec(found.group(1).replace("<the values>", "values"), {"values": values}, scope)
    return scope["df"], re.findall(r"=\s*'([^']+)'$", msg)[-1]


def test_positional_psu_series_beside_sorted_frame_both_ways() -> None:
    # np.where in SORTED's row order: labels 0..15, SORTED's index permuted
    ids = pd.Series(
        np.where(SORTED["blok"] > 0, SORTED["kb"], "?"), name="kab"
    )  # the block id, named after a column it is not
    msg = _refused(SORTED, psu=ids, strata="urban")
    assert "its index labels are not those of `df`" in msg
    assert "differ from those" not in msg  # compared by label: meaningless
    df, name = _assigned(msg, ids, "by position")
    assert _table(df, psu=name, strata="urban") == pytest.approx(
        (P0, SE_CROSSED, DF_CROSSED), rel=1e-9
    )
    # by label, the values land on other rows: not R's figures
    df, name = _assigned(msg, ids, "by label")
    assert _table(df, psu=name, strata="urban")[1] != pytest.approx(SE_CROSSED)


def test_positional_weight_series_named_after_no_column() -> None:
    wp = pd.Series(SORTED["w"].to_numpy(), name="wp")  # no column 'wp'
    msg = _refused(SORTED, weight=wp, psu="kb", strata="urban")
    assert "weight='wp'" in msg
    assert "`df` has no column" not in msg
    df, name = _assigned(msg, wp, "by position")
    assert name == "wp"
    assert _table(df, weight=name, psu="kb", strata="urban") == pytest.approx(
        (P0, SE_CROSSED, DF_CROSSED), rel=1e-9
    )


def test_series_named_after_no_column_same_index_added_by_label() -> None:
    wp = SORTED["w"].rename("wp")  # SORTED's own labels: by label is right
    msg = _refused(SORTED, weight=wp, psu="kb", strata="urban")
    assert "`df` has no column of that name" in msg
    found = re.search(r"\((df = df\.assign\(.*?\}\))\)", msg)
    assert found is not None, msg
    scope: dict[str, Any] = {"df": SORTED.copy()}
    exec(found.group(1).replace("<the values>", "wp"), {"wp": wp}, scope)
    assert _table(scope["df"], weight="wp", psu="kb", strata="urban") == (
        pytest.approx((P0, SE_CROSSED, DF_CROSSED), rel=1e-9)
    )


def test_shorter_series_told_its_length() -> None:
    msg = _refused(SORTED, psu="kb", strata=SORTED["urban"].iloc[:5])
    assert "it has 5 values for the 16 rows of `df`" in msg


@pytest.mark.parametrize(
    "given",
    [
        pytest.param(lambda: pl.from_pandas(DF)[["urban"]] * 0, id="polars-frame"),
        pytest.param(lambda: DF["urban"] * 0, id="pandas-series"),
    ],
)
def test_polars_frame_code_runs_for_what_was_passed(given: Any) -> None:
    values = given()  # every unit in one stratum: not the column 'urban'
    pdf = pl.from_pandas(DF.assign(kb=SORTED.sort_index()["kb"]))
    msg = _refused(pdf, psu="kb", strata=values)
    found = re.search(r"\((df = df\.with_columns\(.*?\)\))\) and name it", msg)
    assert found is not None, msg
    scope: dict[str, Any] = {"df": pdf, "pl": pl}
    exec(found.group(1).replace("<the values>", "values"), {"values": values}, scope)
    name = re.findall(r"strata='([^']+)'$", msg)[-1]
    assert scope["df"][name].to_list() == [0] * len(DF)


def _combined(msg: str, scope: dict[str, Any]) -> Any:
    found = re.search(r"in pandas, psu=(.*?)\)$", msg)
    assert found is not None, msg
    return eval(found.group(1), {"pd": pd, **scope})


@pytest.mark.parametrize(
    "psu",
    [
        pytest.param(lambda: np.column_stack([DF["kab"], DF["blok"]]), id="n-by-2"),
        pytest.param(lambda: np.array([DF["kab"], DF["blok"]]), id="2-by-n"),
        pytest.param(lambda: [DF["kab"].tolist(), DF["blok"].tolist()], id="lists"),
    ],
)
def test_estimates_psu_as_unnamed_columns_both_readings(psu: Any) -> None:
    given = psu()
    with pytest.raises(TypeError) as info:
        poverty_estimates(
            DF["y"],
            100.0,
            unit="fraction",
            weights=DF["w"],
            strata=DF["urban"],
            psu=given,
        )
    msg = str(info.value)
    assert "svydesign(ids=~interaction(a, b))" in msg
    assert "PSU's own labels" not in msg
    pair = np.asarray(given, dtype=object)
    a, b = (pair[:, 0], pair[:, 1]) if pair.shape[1] == 2 else (pair[0], pair[1])
    labels = _combined(msg, {"a": a, "b": b})
    out = poverty_estimates(
        DF["y"], 100.0, unit="fraction", weights=DF["w"], strata=DF["urban"], psu=labels
    ).to_frame()
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-9)
    assert out["df"].iloc[0] == DF_CROSSED


def test_estimates_psu_as_list_of_series_both_readings() -> None:
    with pytest.raises(TypeError) as info:
        poverty_estimates(
            DF["y"],
            100.0,
            unit="fraction",
            weights=DF["w"],
            strata=DF["urban"],
            psu=[DF["kab"], DF["blok"]],
        )
    msg = str(info.value)
    assert "svydesign(ids=~interaction(kab, blok))" in msg
    labels = _combined(msg, {"df": DF})
    out = poverty_estimates(
        DF["y"], 100.0, unit="fraction", weights=DF["w"], strata=DF["urban"], psu=labels
    ).to_frame()
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-9)


def test_table_three_psu_columns_both_readings() -> None:
    df = DF.assign(hh=np.arange(len(DF)))
    msg = _refused(df, psu=["kab", "blok", "hh"], strata="urban")
    assert "svydesign(ids=~interaction(kab, blok)+hh)" in msg
    assert "svydesign(ids=~kab+blok+hh)" in msg
    found = re.search(r"in pandas, (df\['kab_blok'\] = .*?), then psu='kab_blok'", msg)
    assert found is not None, msg
    scope: dict[str, Any] = {"df": df.copy()}
    exec(found.group(1), scope)
    assert _table(scope["df"], psu="kab_blok", strata="urban") == pytest.approx(
        (P0, SE_CROSSED, DF_CROSSED), rel=1e-9
    )


#: DATA with R's read.csv names: a dot in the weight and the two psu columns.
DOTTED = {
    {"kab": "kode.kab", "blok": "no.blok", "w": "bobot.rt"}.get(k, k): v
    for k, v in DATA.items()
}


@pytest.mark.parametrize("backend", ["polars-lazy", "duckdb"])
@pytest.mark.parametrize(
    "design",
    [
        pytest.param({"weight": "~bobot.rt", "strata": "urban"}, id="one-term"),
        pytest.param(
            {
                "weight": "bobot.rt",
                "strata": "kode.kab",
                "psu": "~interaction(kode.kab, no.blok)",
            },
            id="own-psu",
        ),
    ],
)
def test_lazy_dotted_names_advised_with_their_rename(backend: str, design: Any) -> None:
    # DuckDB reads "bobot.rt" as column rt of a table bobot: the advice
    # renames first. Lazy polars reads the names as written: no rename.
    df = make(backend, DOTTED)
    msg = _refused(df, **{"weight": "bobot.rt"} | design)
    if backend == "polars-lazy":
        assert "rename first" not in msg, msg
        kept = {k: v for k, v in design.items() if "~" not in v}
        kept |= dict(re.findall(r"(weight|psu)='([^']+)'", msg))
        assert _table(df, **kept)[0] == pytest.approx(P0, rel=1e-12)
        return
    found = re.search(r"rename first \((df = .*?)\) and give the new names", msg)
    assert found is not None, msg
    scope: dict[str, Any] = {"df": df}
    exec(found.group(1), scope)
    renamed = dict(re.findall(r"'([^']+)' as '([^']+)'", msg))
    fixed = {k: renamed.get(v, v) if "~" not in v else None for k, v in design.items()}
    advised = dict(re.findall(r"(weight|psu)='([^']+)'", msg.split("; on a lazy")[0]))
    fixed |= {k: renamed.get(v, v) for k, v in advised.items()}
    fixed = {k: v for k, v in fixed.items() if v is not None}
    assert _table(scope["df"], **fixed)[0] == pytest.approx(P0, rel=1e-12)


#: tests/reference/survey_weight_formulas.R: the units of DF with a household
#: size; P0, SE and df of weights=~w/size (= ~w*size) and of ~I(w/size).
SIZE = [4, 2, 5, 3, 1, 6, 2, 3, 4, 5, 2, 3, 6, 1, 2, 4]
PRODUCT = (0.61854460093896713, 0.13904719959047787, 6)
QUOTIENT = (0.40526222850079463, 0.10881127928976003, 6)


def test_weight_written_as_a_quotient_formula_is_r_s_product() -> None:
    df = SORTED.sort_index().assign(size=SIZE)
    msg = _refused(df, weight="~w/size", psu="kb", strata="urban")
    found = re.search(r"give weight='([^']+)', size='([^']+)'", msg)
    assert found is not None, msg
    weight, size = found.groups()
    got = _table(df, weight=weight, size=size, psu="kb", strata="urban")
    assert got == pytest.approx(PRODUCT, rel=1e-9)


def test_computed_weight_formula_names_no_column() -> None:
    df = SORTED.sort_index().assign(size=SIZE)
    with pytest.raises(TypeError) as info:
        poverty_estimates(df["y"], 100.0, unit="fraction", weights="~I(w/size)")
    msg = str(info.value)
    assert "df['I(w/size)']" not in msg
    assert "weights=<the values>" in msg
    out = poverty_estimates(
        df["y"],
        100.0,
        unit="fraction",
        weights=df["w"] / df["size"],  # R's I(w/size)
        strata=df["urban"],
        psu=df["kb"],
    ).to_frame()
    got = (out["estimate"].iloc[0], out["se"].iloc[0], out["df"].iloc[0])
    assert got == pytest.approx(QUOTIENT, rel=1e-9)


def test_lazy_frame_not_compared_says_no_difference() -> None:
    # The column 'urban' itself, beside a lazy frame that is not read for a
    # message: nothing was compared, so nothing is said to differ.
    lazy = pl.from_pandas(DF.assign(kb=SORTED.sort_index()["kb"])).lazy()
    values = pl.from_pandas(DF)["urban"]
    msg = _refused(lazy, psu="kb", strata=values)
    assert "would not give these values" not in msg
    assert "so its name does not say that it holds them" in msg
    found = re.search(r"\((df = df\.with_columns\(.*?\)\))\) and name it", msg)
    assert found is not None, msg
    scope: dict[str, Any] = {"df": lazy}
    exec(found.group(1).replace("<the values>", "values"), {"values": values}, scope)
    name = re.findall(r"strata='([^']+)'$", msg)[-1]
    assert _table(scope["df"], psu="kb", strata=name) == pytest.approx(
        (P0, SE_CROSSED, DF_CROSSED), rel=1e-9
    )
