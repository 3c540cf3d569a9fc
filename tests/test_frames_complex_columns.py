"""pandas complex columns are refused by every adapter, naming the column.

pandas counts a complex column as numeric, and reading it as float64 keeps
the real parts with only numpy's ComplexWarning: 2.5+7j was read as 2.5.
The array functions refuse complex input; every adapter refuses a complex
column before reading it, as it refuses bool, timedelta and category
columns (DuckDB, polars, pyarrow and Spark have no complex type).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat
from povstat.frames._plumbing import pandas_floats
from test_frames_engines import CASES, DATA

# (adapter, keywords, column it reads as numbers, its argument)
READS: list[tuple[str, Callable[..., Any], dict[str, Any], str, str]] = [
    (name, adapter, kw, column, arg)
    for name, adapter, kw, _ in CASES
    for column, arg in (
        [("poor_thousands", "headcount"), ("population", "population")]
        if adapter is povstat.with_rate
        else [("poverty_rate_pct", "rate")]
    )
]
READS += [
    ("headcount", povstat.with_headcount, READS[0][2], "population", "population"),
    (
        "rate_interval",
        povstat.with_rate_interval,
        {"unit": "percent", "level": 0.9, "method": "logit", "rse_pct": "rse"},
        "rse",
        "rse_pct",
    ),
    (
        "change_test",
        povstat.with_change_test,
        {"unit": "percent", "level": 0.9, "independent": True, "se": "se_pct_points"},
        "se_pct_points",
        "se",
    ),
    (
        "reliability",
        povstat.with_reliability,
        {"rse_pct": "rse", "bands": "bps"},
        "rse",
        "rse_pct",
    ),
    (
        "aggregate",
        povstat.aggregate_regions,
        {"unit": "percent", "groups": {"g": ["3573", "3579"]}},
        "poor_thousands",
        "headcount",
    ),
    (
        "aggregate",
        povstat.aggregate_regions,
        {"unit": "percent", "groups": {"g": ["3573", "3579"]}},
        "poverty_rate_pct",
        "rate",
    ),
]


@pytest.mark.parametrize(("dtype"), ["complex128", "complex64"])
@pytest.mark.parametrize(
    ("adapter", "kw", "column", "arg"),
    [pytest.param(*r[1:], id=f"{r[0]}-{r[3]}") for r in READS],
)
def test_a_complex_column_is_refused_naming_it(
    adapter: Callable[..., Any], kw: dict[str, Any], column: str, arg: str, dtype: str
) -> None:
    df = pd.DataFrame(DATA)
    if adapter is povstat.with_rate:
        df["poor_thousands"] = 0.5 * df["population"]
    # Zero imaginary parts too: a complex column is refused by its dtype,
    # never read as its real parts.
    df[column] = df[column].astype(np.dtype(dtype))
    before = df.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ComplexWarning on the way
        with pytest.raises(
            TypeError,
            match=rf"column '{column}' \(argument `{arg}`\) must be numeric, "
            rf"got {dtype}",
        ):
            adapter(df, **kw)
    pd.testing.assert_frame_equal(df, before)


def test_the_finding_with_headcount_no_longer_takes_real_parts() -> None:
    # With the imaginary parts dropped, 2.5+7j % of 10+5j gave 0.25.
    df = pd.DataFrame(
        {
            "region_code": ["a", "b"],
            "period": [2022, 2022],
            "poverty_rate_pct": [2.5 + 7j, 3.0],
            "pop": [10 + 5j, 20.0],
        }
    )
    with pytest.raises(TypeError, match=r"'poverty_rate_pct' .* got complex128"):
        povstat.with_headcount(df, unit="percent", population="pop")


def test_pandas_floats_refuses_complex_whoever_reads() -> None:
    with pytest.raises(TypeError, match=r"column 'x' must be numeric, got complex128"):
        pandas_floats(pd.Series([1.0 + 0j], name="x"))
    # Real columns still read: by hand, 1.5 and a missing value.
    np.testing.assert_array_equal(
        pandas_floats(pd.Series([1.5, None], dtype="Float64")), [1.5, np.nan]
    )
