"""year.month (2021.03) and year.semester (2021.1) decimals are no fractional years."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import povstat as P


def _frame(periods: list[float]) -> pd.DataFrame:
    # Jawa Timur, March and September 2021 and March 2022 (BPS): 11.40,
    # 10.59, 10.38 %; poor 4572.73, 4259.60, 4181.29 thousand.
    return pd.DataFrame(
        {
            "region_code": "35",
            "p": periods,
            "poverty_rate_pct": [11.40, 10.59, 10.38],
            "poor_thousands": [4572.73, 4259.60, 4181.29],
            "rate_se": [0.2, 0.2, 0.2],
        }
    )


MONTHS = [2021.03, 2021.09, 2022.03]
SEMESTERS = [2021.1, 2021.2, 2022.1]


@pytest.mark.parametrize("periods", [MONTHS, SEMESTERS])
def test_with_changes_refuses_coded_decimals(periods: list[float]) -> None:
    with pytest.raises(ValueError, match=r"period column 'p'.*year \+ \(month - 1\)"):
        P.with_changes(_frame(periods), unit="percent", period="p")


@pytest.mark.parametrize("periods", [MONTHS, SEMESTERS])
def test_other_change_adapters_refuse_coded_decimals(periods: list[float]) -> None:
    df = _frame(periods)
    with pytest.raises(ValueError, match="not fractions of a year"):
        P.with_change_from_base(df, unit="percent", period="p", base=periods[0])
    with pytest.raises(ValueError, match="not fractions of a year"):
        P.with_headcount_decomposition(df, unit="percent", period="p")
    with pytest.raises(ValueError, match="not fractions of a year"):
        P.with_change_test(
            df, unit="percent", period="p", se="rate_se", independent=True, level=0.9
        )


def test_month_codes_advice_followed() -> None:
    df = _frame(MONTHS)
    col = df["p"]
    df["p"] = np.floor(col) + (np.round(col % 1 * 100) - 1) / 12
    out = P.with_changes(df, unit="percent", period="p")
    # By hand: March -> September is half a year: -0.81 / 0.5 = -1.62 points
    # a year; September -> March -0.21 / 0.5 = -0.42.
    assert out["elapsed_years"].tolist()[1:] == pytest.approx([0.5, 0.5])
    assert out["change_points_per_year"].tolist()[1:] == pytest.approx([-1.62, -0.42])


def test_semester_codes_advice_followed() -> None:
    df = _frame(SEMESTERS)
    col = df["p"]
    df["p"] = np.floor(col) + (np.round(col % 1 * 10) * 6 - 4) / 12
    # Semester I is March (2021 + 2/12), II September (2021 + 8/12).
    assert df["p"].tolist() == pytest.approx(
        [2021 + 2 / 12, 2021 + 8 / 12, 2022 + 2 / 12]
    )
    out = P.with_changes(df, unit="percent", period="p")
    assert out["change_points_per_year"].tolist()[1:] == pytest.approx([-1.62, -0.42])


@pytest.mark.parametrize(
    "periods",
    [
        [2021.0, 2021.5, 2022.0],  # half years
        [2021.25, 2021.75, 2022.25],  # quarters
        [2021 + 2 / 12, 2021 + 8 / 12, 2022 + 2 / 12],  # year + (month - 1) / 12
        [2021.03, 2022.03, 2023.03],  # one month code: whole years apart
        [2021.1, 2021.3, 2021.7],  # tenths that are no semester pair
    ],
)
def test_fractional_years_read(periods: list[float]) -> None:
    out = P.with_changes(_frame(periods), unit="percent", period="p")
    # -0.81 points over the first step's years, by hand.
    step = periods[1] - periods[0]
    assert out["change_points_per_year"].iloc[1] == pytest.approx(-0.81 / step)


# float32 2021.03 is 2021.0300293 (float64 of the float32 value); the rule reads
# it as float32 writes it, 2021.03, on every engine and kind of float32 column.
@pytest.mark.parametrize("dtype", ["float32", "Float32", "float[pyarrow]"])
@pytest.mark.parametrize("periods", [MONTHS, SEMESTERS])
def test_float32_coded_decimals_refused(dtype: str, periods: list[float]) -> None:
    if dtype == "float[pyarrow]":
        pytest.importorskip("pyarrow")
    df = _frame(periods).astype({"p": dtype})
    with pytest.raises(ValueError, match="not fractions of a year"):
        P.with_changes(df, unit="percent", period="p")


def test_float32_polars_coded_decimals_refused() -> None:
    pl = pytest.importorskip("polars")
    df = pl.from_pandas(_frame(MONTHS)).with_columns(pl.col("p").cast(pl.Float32))
    with pytest.raises(ValueError, match="not fractions of a year"):
        P.with_changes(df, unit="percent", period="p")


def test_float32_fractional_years_read() -> None:
    # 2021.25 and 2021.75 are exact in float32: a quarter and three quarters,
    # half a year apart; by hand -0.81 / 0.5 = -1.62 points a year.
    df = _frame([2021.25, 2021.75, 2022.25]).astype({"p": "float32"})
    out = P.with_changes(df, unit="percent", period="p")
    assert out["elapsed_years"].tolist()[1:] == pytest.approx([0.5, 0.5])
    assert out["change_points_per_year"].tolist()[1:] == pytest.approx([-1.62, -0.42])


def _four(periods: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": "35",
            "p": periods,
            "poverty_rate_pct": [11.0, 10.5, 10.0, 9.5],
        }
    )


@pytest.mark.parametrize(
    "periods",
    [
        [2019, 2020, 2021.03, 2021.09],  # annual figures above March/September
        [2021, 2021.09, 2022, 2022.09],  # March as the plain year
        [2019, 2020, 2021.1, 2021.2],  # annual figures above semesters
    ],
)
def test_codes_beside_whole_years_refused(periods: list[float]) -> None:
    with pytest.raises(ValueError, match="whole years among them are no code"):
        P.with_changes(_four(periods), unit="percent", period="p")


@pytest.mark.parametrize(
    ("periods", "elapsed"),
    [
        # By hand: whole years beside genuine fractions of a year.
        ([2020, 2021, 2021.5, 2022], [1.0, 0.5, 0.5]),
        ([2020, 2021, 2021.25, 2021.5], [1.0, 0.25, 0.25]),
        # year + (month - 1) / 12 for January, February (0.08 to two
        # decimals), March, April: 1/12 year apart, 0.0833.
        ([2021, 2021 + 1 / 12, 2021 + 2 / 12, 2021 + 3 / 12], [1 / 12] * 3),
        ([2021, 2021.08, 2022, 2022.08], [0.08, 0.92, 0.08]),
    ],
)
def test_fractions_beside_whole_years_read(
    periods: list[float], elapsed: list[float]
) -> None:
    out = P.with_changes(_four(periods), unit="percent", period="p")
    assert out["elapsed_years"].tolist()[1:] == pytest.approx(elapsed)
