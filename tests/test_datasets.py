from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from povstat.datasets import (
    east_java_notes,
    east_java_sources,
    east_java_value_sources,
    indonesia_sources,
    indonesia_value_sources,
    load_east_java,
    load_indonesia,
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


# --- the national table -------------------------------------------------------

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "data-raw"
needs_checkout = pytest.mark.skipif(
    not RAW.exists(), reason="needs the raw files of a source checkout"
)

INDONESIA_COLUMNS = [
    "region_code",
    "region_name",
    "region_type",
    "province_code",
    "province_name",
    "year",
    "month",
    "period",
    "area",
    "poverty_rate_pct",
    "poor_thousands",
    "poverty_line_idr",
    "p1",
    "p2",
    "note",
]


@needs_checkout
def test_east_java_is_unchanged_since_built_on_the_national_table() -> None:
    # The file povstat shipped before the national table, kept in data-raw.
    strings = ["region_code", "region_name", "region_type", "source_id"]
    floats = [
        "poverty_rate_pct",
        "poor_thousands",
        "poverty_line_idr",
        "p1",
        "p2",
        "population",
    ]
    old = pd.read_csv(
        RAW / "east_java" / "east_java_poverty.csv",
        dtype={c: "string" for c in strings}
        | {c: "float64" for c in floats}
        | {"year": "int64", "month": "int64"},
        keep_default_na=False,
        na_values={c: [""] for c in strings + floats},
    )
    old.insert(
        5,
        "period",
        pd.to_datetime(
            pd.DataFrame({"year": old["year"], "month": old["month"], "day": 1})
        ).astype("datetime64[ns]"),
    )
    pd.testing.assert_frame_equal(load_east_java(), old)


def test_indonesia_columns_dtypes_and_keys() -> None:
    df = load_indonesia()
    assert list(df.columns) == INDONESIA_COLUMNS
    for c in (
        "region_code",
        "region_name",
        "region_type",
        "province_code",
        "province_name",
        "area",
        "note",
    ):
        assert isinstance(df[c].dtype, pd.StringDtype), c
    for c in ("year", "month"):
        assert df[c].dtype == np.int64
    assert df["period"].dtype == "datetime64[ns]"
    for c in ("poverty_rate_pct", "poor_thousands", "poverty_line_idr", "p1", "p2"):
        assert df[c].dtype == np.float64, c
    assert isinstance(df.index, pd.RangeIndex)
    assert not df.duplicated(["region_code", "period", "area"]).any()
    assert set(df["area"]) == {"total", "urban", "rural"}
    assert set(df["month"]) == {3, 9}
    # period is built from year and month as load_east_java builds it.
    assert (df["period"].dt.year == df["year"]).all()
    assert (df["period"].dt.month == df["month"]).all()
    assert (df["period"].dt.day == 1).all()


def test_indonesia_coverage_2025() -> None:
    # Issue acceptance: 514 regencies/cities and 38 provinces for 2025.
    df = load_indonesia()
    y = df[(df["year"] == 2025) & (df["month"] == 3) & (df["area"] == "total")]
    kinds = y["region_type"].value_counts()
    assert kinds["kabupaten"] + kinds["kota"] == 514
    assert kinds["provinsi"] == 38
    assert kinds["nasional"] == 1
    assert y["poverty_rate_pct"].notna().all()
    assert y["poor_thousands"].notna().all()
    # Regencies and cities: March only, total only, 2015-2025.
    kk = df[df["region_type"].isin(["kabupaten", "kota"])]
    assert set(kk["month"]) == {3}
    assert set(kk["area"]) == {"total"}
    assert (kk["year"].min(), kk["year"].max()) == (2015, 2025)
    # No September 2023 round (BPS published none).
    assert not ((df["year"] == 2023) & (df["month"] == 9)).any()
    # The 4 new Papua provinces start in March 2024 (provincial table).
    new = df[df["region_code"].isin(["93", "94", "95", "96"])]
    assert new["period"].min() == pd.Timestamp("2024-03-01")


def test_codes_are_stable_across_the_papua_split() -> None:
    df = load_indonesia()
    kk = df[df["region_type"].isin(["kabupaten", "kota"])]
    # One name, kind and code per region across all years.
    per_code = kk.groupby("region_code")[["region_name", "region_type"]].nunique()
    assert (per_code == 1).all().all()
    # Kabupaten Jayawijaya (Papua Pegunungan, 95) was in Papua (91) to 2023.
    jw = kk[kk["region_code"] == "9501"].set_index("year")
    assert jw.loc[2023, "province_code"] == "91"
    assert jw.loc[2024, "province_code"] == "95"
    assert jw.loc[2024, "province_name"] == "Papua Pegunungan"
    # Kota Sorong (Papua Barat Daya, 96) was in Papua Barat (92).
    ks = kk[kk["region_code"] == "9671"].set_index("year")
    assert ks.loc[2015, "province_name"] == "Papua Barat"
    assert ks.loc[2025, "province_name"] == "Papua Barat Daya"
    # Outside Papua the province never changes and is the code's prefix.
    other = kk[~kk["region_code"].str[:2].isin(["91", "92", "93", "94", "95", "96"])]
    assert (other["province_code"] == other["region_code"].str[:2]).all()
    # Old names are written as today's (data-raw/regions/SOURCES.md).
    names = set(kk["region_name"])
    assert {"Kabupaten Toba", "Kabupaten Pasangkayu"} <= names
    assert "Kabupaten Kepulauan Tanimbar" in names
    assert not {"Kabupaten Toba Samosir", "Kabupaten Mamuju Utara"} & names


def test_indonesia_each_call_returns_a_fresh_frame() -> None:
    a = load_indonesia()
    a.loc[0, "poverty_rate_pct"] = -1.0
    assert load_indonesia().loc[0, "poverty_rate_pct"] != -1.0


def test_every_value_has_one_source_in_the_catalogue() -> None:
    df = load_indonesia()
    src = indonesia_value_sources()
    values = ["poverty_rate_pct", "poor_thousands", "poverty_line_idr", "p1", "p2"]
    assert len(src) == int(df[values].notna().sum().sum())
    assert not src.duplicated(["region_code", "year", "month", "area", "column"]).any()
    assert set(src["source_id"]) <= set(indonesia_sources()["source_id"])
    assert src["line"].dtype == np.int64


@needs_checkout
def test_every_value_traces_to_its_raw_cell() -> None:
    # Issue acceptance: every value in the shipped file traces to a raw file and
    # cell. Read each cited cell of the raw copies and compare.
    import csv
    import io

    df = load_indonesia()
    src = indonesia_value_sources()
    files = indonesia_sources().set_index("source_id")["file"]
    lines: dict[str, list[list[str]]] = {}
    for sid, path in files.items():
        text = (REPO / path).read_bytes().decode("utf-8-sig")
        lines[str(sid)] = list(csv.reader(io.StringIO(text, newline="")))
    raw = [
        float(lines[s][line - 1][field - 1])
        for s, line, field in zip(
            src["source_id"], src["line"], src["field"], strict=True
        )
    ]
    long = df.melt(
        id_vars=["region_code", "year", "month", "area"],
        value_vars=[
            "poverty_rate_pct",
            "poor_thousands",
            "poverty_line_idr",
            "p1",
            "p2",
        ],
        var_name="column",
    ).dropna(subset=["value"])
    merged = src.assign(raw=raw).merge(
        long, on=["region_code", "year", "month", "area", "column"], validate="1:1"
    )
    assert len(merged) == len(src)
    np.testing.assert_array_equal(merged["value"], merged["raw"])


def test_every_jump_of_the_implied_population_is_flagged() -> None:
    # The rule of docs/data.rst: implied population (poor / P0) moving more
    # than 15 % from one March to the next is flagged, on the earlier year
    # (a regency split) or the later one (anything else). Kolaka, BPS
    # regency tables as published: 23.76 / 11.63 % = 204.3 thousand in 2020,
    # 33.45 / 12.43 % = 269.1 thousand in 2021, +32 %.
    df = load_indonesia()
    df = df[(df["month"] == 3) & (df["area"] == "total")]
    df = df.sort_values(["region_code", "year"])
    pop = df["poor_thousands"] / df["poverty_rate_pct"]
    ratio = pop / pop.groupby(df["region_code"]).shift()
    same = df["year"].diff().eq(1) & df["region_code"].eq(df["region_code"].shift())
    later = same & (ratio - 1).abs().gt(0.15)
    note = df["note"].fillna("")
    flagged = note.str.contains("implied population") | note.shift(1).str.contains(
        "implied population|2022 split", na=False
    )
    assert later.sum() == 6
    assert flagged[later].all(), df[later & ~flagged]
    kolaka = df[(df["region_code"] == "7401") & (df["year"] == 2021)]
    assert kolaka["note"].str.contains(r"\+32 % on 2020").all()
    timur = df[(df["region_code"] == "7411") & (df["year"] == 2021)]
    assert timur["note"].str.contains(r"-29 % on 2020").all()
