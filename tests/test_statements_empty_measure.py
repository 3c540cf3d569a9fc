"""check_statements with an empty optional `measure` column.

A statements sheet in which no row names a measure reads its `measure`
column as float64 NaN. Filling it with a measure's name must not depend
on pandas casting a float column to text (a Pandas4Warning today, an error
in pandas 4): the tests run with warnings as errors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from povstat.statements import check_statements

# Kota Malang (3573), March 2022 and 2023: P0 4.37 and 4.26 %, 38.56 and
# 37.78 thousand poor (data-raw/indonesia/bps_p0_kabkota_2004_2025.csv,
# bps_poor_kabkota_2004_2025.csv).
DATA = pd.DataFrame(
    {
        "region_code": ["3573", "3573"],
        "period": [2022, 2023],
        "poverty_rate_pct": [4.37, 4.26],
        "poor_thousands": [38.56, 37.78],
    }
)


KW = {"unit": "percent", "persons_per_poor_unit": 1000}


def test_an_empty_measure_column_reads_as_the_number_of_poor() -> None:
    # A level change names no measure: the number of poor, which fell
    # 38.56 - 37.78 = 0.78 thousand; "fell 0.78" in units holds.
    row = {
        "kind": "level_change",
        "region": "3573",
        "period_before": 2022,
        "period_after": 2023,
        "stated": 0.78,
        "direction": "fall",
        "stated_as": "units",
        "decimals": 2,
    }
    st = pd.DataFrame([{**row, "measure": np.nan}])
    assert st["measure"].dtype == np.float64
    out = check_statements(st, DATA, **KW)  # type: ignore[arg-type]
    assert out["verdict"].tolist() == ["holds"]
    assert st["measure"].isna().all()  # the caller's frame is untouched


def test_an_empty_measure_of_a_figure_is_named() -> None:
    # A figure must name its measure: refused by row, never filled.
    row = {"kind": "figure", "region": "3573", "period": 2023, "stated": 4.26}
    st = pd.DataFrame([{**row, "decimals": 2, "measure": np.nan}])
    with pytest.raises(
        ValueError, match=r"'measure' is missing in row 0 \(kind 'figure'\)"
    ):
        check_statements(st, DATA, **KW)  # type: ignore[arg-type]
