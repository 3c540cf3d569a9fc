"""Shared set-ups of the survey design advice tests: the call, its advice.

The units of ``tests/reference/survey_crossed_strata.R`` (:data:`DATA`,
:data:`DF`) and R's estimates from them, the engines the advice is run on
(:data:`ENGINES`), the poverty_table and poverty_estimates calls of the
advice tests (:func:`table`, :func:`estimates`), the message a design is
refused with (:func:`message`), the code that message shows for combined
labels, run as printed (:func:`follow`), the PSU's own column it names
instead (:func:`own_psu`), and R's estimate of crossed strata
(:func:`crossed`).
Used by ``test_survey_advice_names.py``, ``test_survey_advice_spellings.py``,
``test_survey_combine_advice.py`` and ``test_survey_interaction_psu.py``.
"""

from __future__ import annotations

import re
from typing import Any

import narwhals.stable.v2 as nw
import pandas as pd
import polars as pl
import pytest

from povstat import PovertyEstimates, poverty_estimates, poverty_table

#: Eight units: regency ``kab``, ``urban`` (1 or 2), ``psu``, welfare ``y``
#: and weight ``w``, as in tests/reference/survey_crossed_strata.R.
DATA: dict[str, Any] = {
    "kab": ["3501"] * 4 + ["3502"] * 4,
    "urban": [1, 1, 2, 2] * 2,
    "psu": [1, 2, 1, 2, 1, 2, 1, 2],
    "y": [90.0, 130, 110, 140, 95, 150, 85, 160],
    "w": [10.0, 20, 15, 25, 12, 18, 14, 16],
}
#: :data:`DATA` as a pandas frame (read, never written to).
DF = pd.DataFrame(DATA)
# tests/reference/survey_crossed_strata.R: P0 (a fraction) with strata
# regency x urban as one label, and its SE; the SE with strata=~kab.
P0 = 0.27692307692307694
SE_CROSSED = 0.18351820838945609
SE_KAB = 0.24777730457271785
#: The engines of the advice tests (the Spark one marked ``spark``).
ENGINES = [
    "pandas[float64]",
    "polars",
    "polars-lazy",
    "duckdb",
    pytest.param("pyspark", marks=pytest.mark.spark),
]


def table(df: Any, **design: Any) -> pd.DataFrame:
    """poverty_table of `df` (P0 of ``y`` below 100, weight ``w``), as pandas."""
    out = poverty_table(
        df, welfare="y", line=100.0, unit="fraction", alpha=0, weight="w", **design
    )
    # Through polars: PySpark warns on a pandas 3 conversion of its own.
    frame: pd.DataFrame = (
        nw.from_native(out).lazy().collect("polars").to_native().to_pandas()
    )
    return frame


def estimates(**design: Any) -> PovertyEstimates:
    """poverty_estimates of :data:`DF` (P0 of ``y`` below 100, weights ``w``)."""
    return poverty_estimates(DF["y"], 100.0, unit="fraction", weights=DF["w"], **design)


def message(df: Any, **design: Any) -> str:
    """The message :func:`table` of `df` and `design` is refused with."""
    with pytest.raises((TypeError, ValueError)) as err:
        table(df, **design)
    return str(err.value)


def follow(message: str, df: Any, arg: str = "strata") -> tuple[Any, str]:
    """Run the code the message shows on `df`; the frame and the column named.

    The code builds one column of combined labels and names it as `arg`.
    """
    found = re.search(
        r"combined labels (?:in `df` )?first \((?:in|through) \w+(?: \([^)]*\))?, "
        rf"(.*)\) and name it: {arg}='([^']+)'$",
        message,
    )
    assert found is not None, message
    code, name = found.groups()
    scope: dict[str, Any] = {"df": df, "pl": pl, "nw": nw}
    if "F." in code:
        from pyspark.sql import functions

        scope["F"] = functions
    exec(code, scope)  # the advice, as a user would type it
    return scope["df"], name


def own_psu(message: str) -> str:
    """The PSU's own column `message` advises, with no combined labels."""
    assert "combined labels" not in message
    found = re.search(r"so give the PSU's own column: psu='([^']+)'$", message)
    assert found is not None, message
    return found.group(1)


def crossed(out: pd.DataFrame) -> None:
    """Assert `out` holds R's P0 and SE with strata regency x urban."""
    assert out["estimate"].iloc[0] == pytest.approx(P0, rel=1e-14)
    assert out["se"].iloc[0] == pytest.approx(SE_CROSSED, rel=1e-12)
