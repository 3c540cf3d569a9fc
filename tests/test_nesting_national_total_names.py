"""The country's row written as a total ("Total Indonesia") is the country.

The nesting check and read_bps_table read the country's row alike
(``povstat._regions.NATIONAL_NAMES``): "Total Indonesia", "INDONESIA
(Nasional)" beside its provinces is the country with its provinces, and its
sum with them counts the country twice.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

import povstat as P


def _provinces_with(country: str) -> pd.DataFrame:
    # March 2023 (BPS): Indonesia 25,898.6 thousand poor; Jawa Timur
    # 4,188.81, Bali 193.78 thousand. Rates 9.36, 10.35, 4.25 %.
    return pd.DataFrame(
        {
            "grp": "G",
            "period": 2023,
            "lab": [country, "Jawa Timur", "Bali"],
            "poverty_rate_pct": [9.36, 10.35, 4.25],
            "poor_thousands": [25898.6, 4188.81, 193.78],
        }
    )


NAMES = [
    "Total Indonesia",
    "INDONESIA (Nasional)",
    "Indonesia Total",
    "Jumlah Nasional",
    "TOTAL INDONESIA*",
]


@pytest.mark.parametrize("country", NAMES)
def test_total_country_beside_provinces_refused(country: str) -> None:
    with pytest.raises(ValueError, match="nested in it") as err:
        P.aggregate_regions(
            _provinces_with(country),
            by="grp",
            unit="percent",
            region="lab",
            headcount="poor_thousands",
        )
    assert f"holds region {country!r} together with regions nested" in str(err.value)


@pytest.mark.parametrize("country", NAMES)
def test_ranks_refuse_total_country(country: str) -> None:
    with pytest.raises(ValueError, match="nested in it"):
        P.with_ranks(_provinces_with(country), descending=True, region="lab")


@pytest.mark.parametrize("country", [*NAMES, "Nasional"])
def test_read_bps_table_reads_the_same_row_as_the_country(country: str) -> None:
    text = f"Provinsi;2023\nJawa Timur;10,35\nBali;4,25\n{country};9,36\n"
    table = P.read_bps_table(
        io.StringIO(text), value_name="poverty_rate_pct", locale="id", sep=";"
    )
    last = table.data.iloc[-1]
    assert (last["region_code"], last["region_type"]) == ("00", "nasional")
    assert last["poverty_rate_pct"] == pytest.approx(9.36)


def test_other_total_words_not_the_country() -> None:
    # "Total" alone or a province's total is no name of the country: the
    # three rows are summed as given (by hand 25898.6 + 4188.81 + 193.78).
    frame = _provinces_with("Total Jawa-Bali")
    out = P.aggregate_regions(
        frame, by="grp", unit="percent", region="lab", headcount="poor_thousands"
    )
    assert out["pooled_headcount"][0] == pytest.approx(30281.19)
