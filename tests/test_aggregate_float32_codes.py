"""aggregate_regions on a float32 code column, groups written as float64 codes.

A float32 column (a parquet file written so) holds 35.07 as
35.06999969482422, which the float64 label 35.07 does not equal: the
message says the column is float32 and how to write the labels; the
labels so written pool. Kabupaten Malang, Kota Malang, Kota Batu, March
2023 (BPS): 268.48 + 37.78 + 7.29 = 313.55 thousand poor.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat import aggregate_regions

_DF = pd.DataFrame(
    {
        "region_code": np.array([35.07, 35.73, 35.79], dtype="float32"),
        "period": [2023] * 3,
        "poverty_rate_pct": [9.93, 4.26, 3.31],
        "poor_thousands": [268.48, 37.78, 7.29],
    }
)


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_float64_labels_on_a_float32_column_are_told_the_precision(
    engine: str,
) -> None:
    df: Any = _DF if engine == "pandas" else pl.from_pandas(_DF)
    with pytest.raises(
        ValueError,
        match=r"\[35\.07, 35\.73, 35\.79\] \(the column is float32, .*e\.g\. "
        r"35\.06999969482422 for 35\.07.*numpy\.array\(\[35\.07, 35\.73, "
        r"35\.79\], dtype='float32'\)\)",
    ):
        aggregate_regions(
            df, unit="percent", groups={"Malang Raya": [35.07, 35.73, 35.79]}
        )
    labels = np.array([35.07, 35.73, 35.79], dtype="float32")
    out = aggregate_regions(df, unit="percent", groups={"Malang Raya": labels})
    assert out["pooled_headcount"].to_list() == pytest.approx([313.55])


def test_a_label_of_no_region_keeps_the_plain_message() -> None:
    with pytest.raises(ValueError, match=r"no label of the column is read as"):
        aggregate_regions(_DF, unit="percent", groups={"G": [35.07, 35.01]})
