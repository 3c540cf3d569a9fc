"""Period-column advice of the change adapters, in the frame's own syntax, followed.

* Year.month codes (2021.03, 2021.09) in a polars frame: the conversion in
  polars, not pandas' ``df[...] = ...`` (which polars refuses).
* Text periods as BPS and users write them: "Maret 2021" (Indonesian
  month names, which no date format reads: mapped to numbers; "Mar" and
  "Mar." abbreviated, beside "Maret"; "Maret 2024*" with a note mark),
  text "2021.03" (the year.month conversion, spaces around it too), ISO
  months "2021-03" and years "2021" as text, in pandas and polars.

Each printed snippet is run, and the elapsed years checked by hand: March
to September is half a year, September to March half a year.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat import with_changes


def _run(snippet: str, df: Any) -> Any:
    """Run the advice `snippet` (a statement assigning `df`) on `df`."""
    names: dict[str, Any] = {"pandas": pd, "numpy": np, "pl": pl, "df": df}
    exec(snippet, names)
    return names["df"]


def _elapsed(frame: Any) -> list[float]:
    out = with_changes(frame, period="p", unit="percent")["elapsed_years"]
    return [float(v) for v in list(out)[1:]]


def _frame(periods: list[Any]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": ["35"] * len(periods),
            "p": periods,
            "poverty_rate_pct": [11.40, 10.59, 10.38, 9.90][: len(periods)],
        }
    )


@pytest.mark.parametrize("dtype", [pl.Float64, pl.Float32])
def test_year_month_codes_in_polars_get_polars_code(dtype: Any) -> None:
    df = pl.from_pandas(_frame([2021.03, 2021.09, 2022.03, 2022.09])).with_columns(
        pl.col("p").cast(dtype)
    )
    with pytest.raises(ValueError, match=r"year\.month codes") as err:
        with_changes(df, period="p", unit="percent")
    msg = str(err.value)
    assert "df['p'] =" not in msg
    snippet = msg.split("e.g. ")[-1].split(" in polars")[0]
    assert snippet.startswith("df = df.with_columns(")
    np.testing.assert_allclose(_elapsed(_run(snippet, df)), [0.5, 0.5, 0.5], atol=1e-6)


@pytest.mark.parametrize(
    ("periods", "years"),
    [
        (["Maret 2021", "September 2021", "Maret 2022"], [0.5, 0.5]),
        (["2021.03", "2021.09", "2022.03"], [0.5, 0.5]),
        # "Mar" is a month of its own, not the start of "Maret": March 2021
        # to March 2022 is a year.
        (["Mar 2021", "Maret 2022"], [1.0]),
        # Abbreviations with a dot, which the conversion leaves out.
        (["Mar. 2021", "Sep. 2021"], [0.5]),
        # Spaces around year.month codes, as a fixed-width file keeps them.
        ([" 2021.03 ", " 2021.09 ", "2022.03"], [0.5, 0.5]),
        # A preliminary round marked "*", as BPS marks it: September 2021
        # to March 2024 is two and a half years.
        (["Maret 2021", "September 2021", "Maret 2024*"], [0.5, 2.5]),
        # A revised figure marked "r)" after a year.month code.
        (["2021.03", "2021.09 r)"], [0.5]),
        # ISO months and whole years as text (polars: the frame reassigned).
        (["2021-03", "2021-09"], [0.5]),
        (["2021", "2022", "2023"], [1.0, 1.0]),
    ],
)
@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_text_periods_get_advice_for_their_writing(
    periods: list[str], years: list[float], engine: str
) -> None:
    df: Any = _frame(periods)
    if engine == "polars":
        df = pl.from_pandas(df)
    with pytest.raises(TypeError, match="convert the column to") as err:
        with_changes(df, period="p", unit="percent")
    msg = str(err.value)
    assert "2022-03-09" not in msg
    snippet = msg.split("e.g. ")[-1].split(" in polars")[0]
    fixed = _run(snippet, df.copy() if engine == "pandas" else df)
    assert _elapsed(fixed) == years


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_a_thirteenth_month_is_no_year_month_code(engine: str) -> None:
    # "2021.13": month 13 is no month, so no year.month conversion is given.
    df: Any = _frame(["2021.13", "2022.01"])
    if engine == "polars":
        df = pl.from_pandas(df)
    with pytest.raises(TypeError, match="convert the column to dates") as err:
        with_changes(df, period="p", unit="percent")
    assert "year.month" not in str(err.value)
    assert "%Y.%m" not in str(err.value)
