"""The nesting check sets aside the footnote marks read_bps_table sets aside."""

from __future__ import annotations

import pytest

import povstat as P
from nesting import province_and_city

# Jawa Timur (35) and Kota Surabaya (3578), March 2023: Kota Surabaya is
# inside Jawa Timur, so summing both would count its poor twice
# (4188.81 + 136.37 = 4325.18 thousand instead of 4188.81).
MARKS = ["¹", " (a)", " a)", "†", " ‡", "§", "ᵃ", "\u204e", "⁽¹⁾", " [a]", " 1)", "*"]


_frame = province_and_city


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
