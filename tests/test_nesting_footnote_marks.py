"""The nesting check sets aside the footnote marks read_bps_table sets aside."""

from __future__ import annotations

import pandas as pd
import pytest

import povstat as P

# Jawa Timur (35) and Kota Surabaya (3578), March 2023: Kota Surabaya is
# inside Jawa Timur, so summing both would count its poor twice
# (4188.81 + 136.37 = 4325.18 thousand instead of 4188.81).
MARKS = ["¹", " (a)", " a)", "†", " ‡", "§", "ᵃ", "\u204e", "⁽¹⁾", " [a]", " 1)", "*"]


def _frame(province: str, city: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "g": ["x", "x"],
            "period": [2023, 2023],
            "region_name": [province, city],
            "poverty_rate_pct": [10.35, 4.65],
            "poor_thousands": [4188.81, 136.37],
        }
    )


@pytest.mark.parametrize("mark", MARKS)
def test_marked_province_beside_its_city_refused(mark: str) -> None:
    df = _frame("Jawa Timur" + mark, "Kota Surabaya")
    with pytest.raises(ValueError, match="nested"):
        P.aggregate_regions(df, by="g", region="region_name", unit="percent")


@pytest.mark.parametrize("mark", MARKS)
def test_marked_city_beside_its_province_refused(mark: str) -> None:
    df = _frame("Jawa Timur", "Kota Surabaya" + mark)
    with pytest.raises(ValueError, match="nested"):
        P.aggregate_regions(df, by="g", region="region_name", unit="percent")
