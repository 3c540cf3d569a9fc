"""Checks of the shipped national table: sums, consistency, published figures.

The checks are those of data-raw/indonesia/SOURCES.md section 4, run on what
povstat ships (load_indonesia), plus figures quoted from BPS releases.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from povstat import implied_population, implied_population_interval, read_bps_table
from povstat.datasets import load_indonesia

RAW = Path(__file__).resolve().parent.parent / "data-raw" / "indonesia"
needs_checkout = pytest.mark.skipif(
    not RAW.exists(), reason="needs the raw files of a source checkout"
)


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return load_indonesia()


def _march_total(df: pd.DataFrame) -> pd.DataFrame:
    return df[(df["month"] == 3) & (df["area"] == "total")]


def test_regencies_add_up_to_their_province(df: pd.DataFrame) -> None:
    # For every province (as of the year) and year, 2015-2025, the regencies'
    # and cities' numbers of poor add up to the province total within rounding
    # (2 decimals each). Two documented exceptions (SOURCES.md 4(a)): Papua
    # 2015, where Nduga repeats its 2014 figure and is left out of the total,
    # and Jawa Tengah 2018, +0.06 thousand in the source.
    m = _march_total(df)
    kk = m[m["region_type"].isin(["kabupaten", "kota"])]
    sums = kk.groupby(["province_code", "year"])["poor_thousands"].agg(["sum", "count"])
    prov = m[m["region_type"] == "provinsi"].set_index(["region_code", "year"])
    both = sums.join(prov["poor_thousands"].rename_axis(["province_code", "year"]))
    both = both.dropna(subset=["poor_thousands"])
    # 34 provinces x 9 years (2015-2023) + 38 x 2 (2024-2025).
    assert len(both) == 34 * 9 + 38 * 2
    gap = (both["sum"] - both["poor_thousands"]).round(2)
    off = gap[gap.abs() > 0.05]
    assert off.to_dict() == {("33", 2018): 0.06, ("91", 2015): 33.38}
    nduga = kk[(kk["region_name"] == "Kabupaten Nduga") & (kk["year"] == 2015)]
    assert nduga["poor_thousands"].item() == 33.38
    # The rest agree within 0.04 thousand (SOURCES.md: largest gap by year).
    assert gap.drop(off.index).abs().max() <= 0.04
    # And the exceptions are flagged where they are.
    notes = m.set_index(["region_code", "year"])["note"]
    assert "add up to +0.06 thousand more" in notes[("33", 2018)]
    assert "Kabupaten Nduga's figure" in notes[("91", 2015)]
    assert "left out of the total of Papua" in notes[("9508", 2015)]


def test_provinces_add_up_to_indonesia(df: pd.DataFrame) -> None:
    # Every round and area: 34 provinces to 2023, 38 from 2024 (4 new ones).
    prov = df[df["region_type"] == "provinsi"]
    sums = prov.groupby(["year", "month", "area"])["poor_thousands"].agg(
        ["sum", "count"]
    )
    nat = df[df["region_type"] == "nasional"].set_index(["year", "month", "area"])
    both = sums.join(nat["poor_thousands"])
    assert set(both.loc[both.index.get_level_values("year") <= 2023, "count"]) <= {
        33,
        34,
    }
    assert set(both.loc[both.index.get_level_values("year") >= 2024, "count"]) <= {
        37,
        38,
    }
    # (Rural DKI Jakarta is "-" in most rounds: one province fewer then.)
    # 38 values rounded to 2 decimals: at most 38 x 0.005 = 0.19 apart.
    gap = (both["sum"] - both["poor_thousands"]).abs()
    assert gap.max() <= 0.19
    assert both["poor_thousands"].notna().all()


def test_urban_and_rural_implied_populations_add_up_to_the_total(
    df: pd.DataFrame,
) -> None:
    # Population implied by each area's rate and number of poor (both rounded
    # to 2 decimals): the urban and rural intervals add up to an interval that
    # overlaps the total's, in every province and round (SOURCES.md 4(b)).
    wide = df[df["region_type"].isin(["provinsi", "nasional"])].pivot_table(
        index=["region_code", "year", "month"],
        columns="area",
        values=["poverty_rate_pct", "poor_thousands"],
    )
    has_rural = (wide[("poverty_rate_pct", "rural")] > 0).to_numpy()
    w = wide[has_rural]

    def interval(area: str) -> tuple[np.ndarray, np.ndarray]:
        iv = implied_population_interval(
            w[("poverty_rate_pct", area)],
            w[("poor_thousands", area)],
            unit="percent",
            rate_decimals=2,
            headcount_decimals=2,
        )
        return iv.lower, iv.upper

    (ul, uu), (rl, ru), (tl, tu) = (
        interval("urban"),
        interval("rural"),
        interval("total"),
    )
    assert len(w) > 700  # 38 provinces and Indonesia, 21 rounds, less DKI
    assert ((ul + rl <= tu) & (uu + ru >= tl)).all()
    # Where the rural cell is "-" (DKI Jakarta), urban is the total.
    urban_only = wide[~has_rural]
    assert set(urban_only.index.get_level_values("region_code")) == {"31"}
    np.testing.assert_array_equal(
        urban_only[("poverty_rate_pct", "urban")],
        urban_only[("poverty_rate_pct", "total")],
    )


def test_province_rate_is_the_population_weighted_mean_of_its_regencies(
    df: pd.DataFrame,
) -> None:
    # SOURCES.md 4(a): weights = implied populations; within 0.014 points for
    # every province-year 2015-2025 (0.0143 at most: rates and counts are
    # rounded to 2 decimals). Nduga 2015, left out of Papua's total, is left
    # out here too.
    m = _march_total(df)
    kk = m[m["region_type"].isin(["kabupaten", "kota"])].dropna(
        subset=["poverty_rate_pct", "poor_thousands"]
    )
    kk = kk[kk["note"].isna() | ~kk["note"].fillna("").str.contains("repeat")]
    pop = implied_population(
        kk["poverty_rate_pct"], kk["poor_thousands"], unit="percent"
    )
    kk = kk.assign(pop=pop, poor=kk["poor_thousands"])
    g = kk.groupby(["province_code", "year"])[["poor", "pop"]].sum()
    mean = 100 * g["poor"] / g["pop"]
    prov = m[m["region_type"] == "provinsi"].set_index(["region_code", "year"])
    rate = prov["poverty_rate_pct"].rename_axis(["province_code", "year"])
    both = pd.concat([mean.rename("mean"), rate], axis=1, join="inner").dropna()
    assert len(both) == 382
    assert (both["mean"] - both["poverty_rate_pct"]).abs().max() < 0.0145


@needs_checkout
def test_province_rows_of_the_regency_table_equal_the_march_figures(
    df: pd.DataFrame,
) -> None:
    # SOURCES.md 4(b): the province rows of the regency/city P0 table equal
    # the March figures of the provincial table, 2015-2025, all 382. The raw
    # table is read with read_bps_table: all 552 rows are matched.
    t = read_bps_table(
        RAW / "bps_p0_kabkota_2004_2025.csv", locale="en", month=3, value_name="kk"
    )
    assert t.unmatched.empty
    assert t.data["region_code"].nunique() == 552
    rows = t.data[(t.data["region_type"] == "provinsi") & (t.data["year"] >= 2015)]
    rows = rows.dropna(subset=["kk"])
    m = _march_total(df)
    merged = rows.merge(
        m[["region_code", "year", "poverty_rate_pct"]],
        on=["region_code", "year"],
        validate="one_to_one",
    )
    assert len(merged) == 382
    np.testing.assert_array_equal(merged["kk"], merged["poverty_rate_pct"])
    # The regency table's own regency values are the shipped ones too.
    kk = t.data[(t.data["region_type"] != "provinsi") & (t.data["year"] >= 2015)]
    merged = kk.dropna(subset=["kk"]).merge(
        m[["region_code", "year", "poverty_rate_pct"]],
        on=["region_code", "year"],
        validate="one_to_one",
    )
    assert len(merged) == 514 * 11 - 3
    np.testing.assert_array_equal(merged["kk"], merged["poverty_rate_pct"])


@pytest.mark.parametrize(
    ("name", "year", "month", "area", "column", "value"),
    [
        # Kota Malang March 2023: Republika 2023-11-01 and malangkota.go.id
        # (BPS Kota Malang): 4,26 %, 37,78 ribu, garis kemiskinan Rp 674.660.
        ("Kota Malang", 2023, 3, "total", "poverty_rate_pct", 4.26),
        ("Kota Malang", 2023, 3, "total", "poor_thousands", 37.78),
        ("Kota Malang", 2023, 3, "total", "poverty_line_idr", 674_660),
        # Kabupaten Sampang March 2024: databoks (BPS), 20,83 %, 214.320 jiwa.
        ("Kabupaten Sampang", 2024, 3, "total", "poverty_rate_pct", 20.83),
        ("Kabupaten Sampang", 2024, 3, "total", "poor_thousands", 214.32),
        # Indonesia March 2024: BPS release quoted by Okezone 2024-07-02,
        # 9,03 %; urban 7,09 %, rural 11,79 %.
        ("Indonesia", 2024, 3, "total", "poverty_rate_pct", 9.03),
        ("Indonesia", 2024, 3, "urban", "poverty_rate_pct", 7.09),
        ("Indonesia", 2024, 3, "rural", "poverty_rate_pct", 11.79),
        # Indonesia September 2024: Okezone 2025-01-15, 8,57 %.
        ("Indonesia", 2024, 9, "total", "poverty_rate_pct", 8.57),
        # Jawa Timur March 2023: Antara (BPS Jatim) 10,35 %, 4,19 juta
        # (4.188,81 ribu in the BPS table); urban 7,50 %, rural 13,98 %
        # (Okezone 2023-07-18); garis kemiskinan Rp 507.286 (Realita).
        ("Jawa Timur", 2023, 3, "total", "poverty_rate_pct", 10.35),
        ("Jawa Timur", 2023, 3, "total", "poor_thousands", 4188.81),
        ("Jawa Timur", 2023, 3, "urban", "poverty_rate_pct", 7.5),
        ("Jawa Timur", 2023, 3, "rural", "poverty_rate_pct", 13.98),
        ("Jawa Timur", 2023, 3, "total", "poverty_line_idr", 507_286),
        # Papua Pegunungan March 2024 (wartaplus.com 2024-07-02): 32,97 %,
        # 365,43 ribu; urban 12,92 ribu; garis kemiskinan Rp 1.007.060.
        ("Papua Pegunungan", 2024, 3, "total", "poverty_rate_pct", 32.97),
        ("Papua Pegunungan", 2024, 3, "total", "poor_thousands", 365.43),
        ("Papua Pegunungan", 2024, 3, "urban", "poor_thousands", 12.92),
        ("Papua Pegunungan", 2024, 3, "total", "poverty_line_idr", 1_007_060),
        # Nusa Tenggara Timur March 2025 (Kupang Times 2025-07): 18,60 %,
        # 1.088.780 jiwa; Kota Kupang 7,57 % (beritabuana.co 2025-12-08).
        ("Nusa Tenggara Timur", 2025, 3, "total", "poverty_rate_pct", 18.6),
        ("Nusa Tenggara Timur", 2025, 3, "total", "poor_thousands", 1088.78),
        ("Kota Kupang", 2025, 3, "total", "poverty_rate_pct", 7.57),
        # Kulon Progo March 2021 (satudata.kulonprogokab.go.id): P1 3,01.
        ("Kabupaten Kulon Progo", 2021, 3, "total", "p1", 3.01),
    ],
)
def test_figures_quoted_from_bps_releases(
    df: pd.DataFrame,
    name: str,
    year: int,
    month: int,
    area: str,
    column: str,
    value: float,
) -> None:
    row = df[
        (df["region_name"] == name)
        & (df["year"] == year)
        & (df["month"] == month)
        & (df["area"] == area)
    ]
    assert row[column].tolist() == [value]
