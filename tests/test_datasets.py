from __future__ import annotations

import numpy as np
import pandas as pd

from povstat.datasets import (
    east_java_notes,
    east_java_sources,
    east_java_value_sources,
    load_east_java,
)


def test_shape_columns_dtypes() -> None:
    df = load_east_java()
    # SOURCES.md: 458 rows.
    assert len(df) == 458
    assert list(df.columns) == [
        "region_code",
        "region_name",
        "region_type",
        "year",
        "month",
        "period",
        "poverty_rate_pct",
        "poor_thousands",
        "poverty_line_idr",
        "p1",
        "p2",
        "population",
        "source_id",
    ]
    for c in ("region_code", "region_name", "region_type", "source_id"):
        assert isinstance(df[c].dtype, pd.StringDtype), c
    assert df["year"].dtype == np.int64
    assert df["period"].dtype == "datetime64[ns]"
    assert df["poverty_rate_pct"].dtype == np.float64
    assert not df.duplicated(["region_code", "period"]).any()


def test_anchor_values_from_bps_tables() -> None:
    # SOURCES.md section 6 anchor values (BPS P0 and poor tables).
    df = load_east_java().set_index(["region_name", "year"])
    malang = df.loc["Kota Malang"]
    assert malang.loc[2019, "poverty_rate_pct"] == 4.07
    assert malang.loc[2022, "poverty_rate_pct"] == 4.37
    assert malang.loc[2023, "poverty_rate_pct"] == 4.26
    assert malang.loc[2023, "poor_thousands"] == 37.78
    assert malang.loc[2024, "population"] == 885271
    assert df.loc[("Kota Batu", 2023), "poverty_rate_pct"] == 3.31
    assert df.loc[("Kota Malang", 2023), "region_code"] == "3573"


def test_codes_keep_leading_zeros_and_regions() -> None:
    df = load_east_java()
    assert set(df.loc[df["region_type"] == "nasional", "region_code"]) == {"00"}
    kk = df[df["region_type"].isin(["kabupaten", "kota"])]
    assert kk["region_code"].nunique() == 38
    assert (kk["month"] == 3).all()
    # No September 2023 row anywhere (BPS published none).
    assert not ((df["year"] == 2023) & (df["month"] == 9)).any()


def test_each_call_returns_a_fresh_frame() -> None:
    a = load_east_java()
    a.loc[0, "poverty_rate_pct"] = -1.0
    assert load_east_java().loc[0, "poverty_rate_pct"] != -1.0


def test_value_sources_cover_every_present_value() -> None:
    df = load_east_java()
    src = east_java_value_sources()
    assert src["column"].notna().all()
    n_values = int(
        df[
            [
                "poverty_rate_pct",
                "poor_thousands",
                "poverty_line_idr",
                "p1",
                "p2",
                "population",
            ]
        ]
        .notna()
        .sum()
        .sum()
    )
    keyed = src.drop_duplicates(["region_code", "year", "month", "column"])
    assert len(keyed) == n_values
    catalogue = east_java_sources()
    assert set(src["source_id"]) <= set(catalogue["source_id"])
    assert set(catalogue["role"]) == {
        "primary",
        "supplementary",
        "cross-check",
        "statement",
    }


def test_notes_ship_with_the_data() -> None:
    text = east_java_notes()
    assert "Population is not the Susenas denominator" in text
