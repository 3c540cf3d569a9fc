"""A numeric period column of YYYYMM codes is refused, not read as years."""

from __future__ import annotations

import pandas as pd
import pytest

import povstat as P


def _east_java(ym: list[int]) -> pd.DataFrame:
    # Jawa Timur's March/September rates, 2021-03 to 2022-03 (percent).
    return pd.DataFrame(
        {
            "region_code": ["35"] * 3,
            "ym": ym,
            "poverty_rate_pct": [11.40, 10.59, 10.38],
        }
    )


def test_yyyymm_period_refused_with_change() -> None:
    # 202103 -> 202109 read as years would be 6 "years" apart: the change
    # -0.81 points over half a year (-1.62 a year) would come out -0.135.
    df = _east_java([202103, 202109, 202203])
    with pytest.raises(ValueError, match=r"'ym'.*202103, 202109, 202203.*%Y%m"):
        P.with_changes(df, unit="percent", period="ym")


def test_yyyymm_period_refused_from_base() -> None:
    df = _east_java([202103, 202109, 202203])
    with pytest.raises(ValueError, match=r"five digits or more.*year \+ \(month - 1\)"):
        P.with_change_from_base(df, unit="percent", base=202103, period="ym")


def test_years_and_small_counts_still_read() -> None:
    # 2021.0 -> 2021.5: (10.59 - 11.40) / 0.5 = -1.62 points a year.
    out = P.with_changes(
        _east_java([2021, 2021, 2022]).assign(ym=[2021.0, 2021.5, 2022.0]),
        unit="percent",
        period="ym",
    )
    assert out["change_points_per_year"].iloc[1] == pytest.approx(-1.62)
    # Years since a start (0, 1, 2) are not codes: 10.59 - 11.40 = -0.81 a year.
    out = P.with_changes(_east_java([0, 1, 2]), unit="percent", period="ym")
    assert out["change_points_per_year"].iloc[1] == pytest.approx(-0.81)
