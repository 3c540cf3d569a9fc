"""A Series given where a column name is due: its name is advised only
when that column of `df` holds its values.

A Series keeps its name through ``.replace``, ``// 100`` and arithmetic
(polars names ``df["kab"] * 100 + df["blok"]`` 'kab'; pandas ``str.cat``
keeps the caller's name), so its name alone never says which column it
holds. Data of tests/test_survey_interaction_psu.py: the block id built
as a Series, added under the new name advised, gives R's standard error
for ``ids=~interaction(kab, blok)`` (tests/reference/survey_interaction_psu.R).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import polars as pl
import pytest

from povstat import poverty_estimates, poverty_table
from test_survey_interaction_psu import DF, DF_CROSSED, P0, SE_CROSSED


def _advice(df: Any, **design: Any) -> str:
    with pytest.raises(TypeError) as info:
        poverty_table(
            df, welfare="y", line=100.0, unit="fraction", alpha=0, weight="w", **design
        )
    return str(info.value)


def _p0(df: Any, **design: Any) -> tuple[float, float, float]:
    out = poverty_table(
        df, welfare="y", line=100.0, unit="fraction", alpha=0, weight="w", **design
    )
    row = pl.DataFrame(out) if isinstance(out, pl.DataFrame) else pl.from_pandas(out)
    return row["estimate"][0], row["se"][0], row["df"][0]


def test_pandas_block_id_series_named_after_one_part() -> None:
    ids = DF["kab"].str.cat(DF["blok"].astype(str), sep="/")  # named 'kab'
    msg = _advice(DF, psu=ids, strata="urban")
    assert "psu='kab'" not in msg.replace("psu='kab_'", "")
    assert "differ from those of the column 'kab' in 16 rows" in msg
    code = re.search(r"\((df = df\.assign\(.*?\))\)", msg)
    assert code is not None
    scope: dict[str, Any] = {"df": DF.copy()}
    exec(code.group(1).replace("<the values>", "ids"), {"ids": ids}, scope)
    new = re.findall(r"psu='([^']+)'", msg)[-1]
    est, se, df = _p0(scope["df"], psu=new, strata="urban")
    assert est == pytest.approx(P0, rel=1e-12)
    assert se == pytest.approx(SE_CROSSED, rel=1e-9)
    assert df == DF_CROSSED


def test_polars_block_id_arithmetic_named_after_left_operand() -> None:
    pdf = pl.from_pandas(DF).with_columns(pl.col("kab").cast(pl.Int64))
    ids = pdf["kab"] * 100 + pdf["blok"]  # polars names it 'kab'
    msg = _advice(pdf, psu=ids, strata="urban")
    assert "e.g. psu='kab'" not in msg
    code = re.search(r"\((df = df\.with_columns\(.*?\)\))\)", msg)
    assert code is not None
    scope: dict[str, Any] = {"df": pdf}
    exec(code.group(1).replace("<the values>", "ids"), {"ids": ids}, scope)
    new = re.findall(r"psu='([^']+)'", msg)[-1]
    est, se, df = _p0(scope["df"], psu=new, strata="urban")
    assert est == pytest.approx(P0, rel=1e-12)
    assert df == DF_CROSSED
    assert se == pytest.approx(SE_CROSSED, rel=1e-9)


@pytest.mark.parametrize("frame", [False, True])
def test_recoded_strata_series_not_told_its_name(frame: bool) -> None:
    # urban 1 collapsed into 0 in the 8 urban rows: not the column 'urban'
    collapsed = DF["urban"].replace({1: 0})
    given = collapsed.to_frame() if frame else collapsed
    msg = _advice(DF, psu="blok", strata=given)
    assert "strata='urban'" not in msg
    assert "differ from those of the column 'urban' in 8 rows" in msg
    assert msg.endswith("strata='urban_'")


def test_series_holding_its_column_keeps_the_name_advice() -> None:
    msg = _advice(DF, psu="blok", strata=DF["urban"])
    assert "e.g. strata='urban'" in msg
    sorted_ = DF["urban"].sort_values()  # same values, aligned on the index
    assert "e.g. strata='urban'" in _advice(DF, psu="blok", strata=sorted_)


def test_lazy_frame_not_compared_so_no_name() -> None:
    lazy = pl.from_pandas(DF).lazy()
    msg = _advice(lazy, psu="blok", strata=pl.from_pandas(DF)["urban"])
    assert "e.g. strata='urban'" not in msg
    assert "could not be compared" in msg


def test_series_named_after_no_column_names_none() -> None:
    # `df` has no column 'blok_id': naming it would find no column.
    ids = pd.Series(range(16), name="blok_id")
    msg = _advice(DF, psu=ids, strata="urban")
    assert "e.g. psu='blok_id'" not in msg
    assert "`df` has no column of that name: add them to `df` as a new" in msg


def test_unaligned_series_of_other_length() -> None:
    short = pd.Series([0, 1], name="urban")
    msg = _advice(DF, psu="blok", strata=short)
    assert "strata='urban'" not in msg.replace("strata='urban_'", "")


def _estimates_advice(**design: Any) -> str:
    with pytest.raises(TypeError) as info:
        poverty_estimates(DF["y"], 100.0, unit="fraction", weights=DF["w"], **design)
    return str(info.value)


def test_estimates_judge_the_strata_column_by_values_not_name() -> None:
    # urban strata in a Series named 'kab' (a recode keeps the name): 'kab'
    # is not the strata column, so psu=df['blok'] would join the blocks of
    # two regencies (R's ids=~blok: SE_BLOK); the combined label gives R's
    # ids=~interaction(kab, blok) with strata urban.
    strata = DF["urban"].rename("kab")
    msg = _estimates_advice(psu="~interaction(kab, blok)", strata=strata)
    assert "is the strata column" not in msg
    assert "psu=df['blok']" not in msg
    code = re.search(r"psu=(df\['kab'\]\.astype\('string'\) \+ .*?)\)$", msg)
    assert code is not None
    psu = eval(code.group(1), {"df": DF})
    out = poverty_estimates(
        DF["y"], 100.0, unit="fraction", weights=DF["w"], psu=psu, strata=strata
    ).to_frame()
    assert out["estimate"].iloc[0] == pytest.approx(P0, rel=1e-12)
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-9)
    assert out["df"].iloc[0] == DF_CROSSED
    # the strata column itself (values and name): its own column stays advised
    kab = _estimates_advice(psu=DF[["kab", "blok"]], strata=DF["kab"])
    assert "'kab' is the strata column" in kab
    recoded = _estimates_advice(psu=DF[["kab", "blok"]], strata=strata)
    assert "'kab' is the strata column" not in recoded
