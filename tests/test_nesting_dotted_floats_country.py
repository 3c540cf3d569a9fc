"""Dotted codes read back as numbers: the country's 0.0, float32 and DECIMAL.

A CSV of Kemendagri's codes "00" (the country), "35", "35.01", ...,
"35.79" read back with pandas' defaults holds 0.0, 35.0, 35.01, ...: the
country is read as holding every region, as "00" beside "35.01" is. The
same codes as float32 (35.01 is 35.0099983... there, 35.01 at float32's
precision) or as a DECIMAL(18,3) column (35.010) are read as float64's.

Figures (March 2023, povstat.datasets.load_indonesia, total area):
Indonesia 25,898.55 thousand poor, Kabupaten Pacitan (3501) 76.20, Kota
Batu (3579) 7.10: the regencies alone pool 76.20 + 7.10 = 83.30.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from nesting import NESTED as _NESTED
from povstat import aggregate_regions, with_ranks

_CSV = (
    "kode,poor_thousands,poverty_rate_pct\n"
    "00,25898.55,9.36\n"
    "35.01,76.20,13.65\n"
    "35.79,7.10,3.31\n"
)


def _pool(df: pd.DataFrame, labels: list[object]) -> pd.DataFrame:
    return aggregate_regions(
        df.assign(period=2023), groups={"G": labels}, unit="percent", region="kode"
    )


def test_the_country_read_back_as_zero_beside_dotted_codes() -> None:
    df = pd.read_csv(io.StringIO(_CSV))
    assert df.kode.tolist() == [0.0, 35.01, 35.79]  # as pandas reads them
    with pytest.raises(ValueError, match=r"holds region 0\.0 " + _NESTED):
        _pool(df, [0.0, 35.01, 35.79])
    with pytest.raises(ValueError, match="the country holds every region"):
        with_ranks(df, descending=True, region="kode")
    assert _pool(df, [35.01, 35.79]).pooled_headcount.iloc[0] == pytest.approx(83.30)


def test_the_country_beside_a_province_and_its_regency() -> None:
    df = pd.DataFrame(
        {"kode": [0.0, 35.0, 35.01], "poverty_rate_pct": [9.36, 10.35, 13.65]}
    )
    with pytest.raises(ValueError, match=r"holds region 0\.0 " + _NESTED):
        with_ranks(df, descending=True, region="kode")


def _east_java(dtype: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode": np.array([35.0, 35.01, 35.1, 35.79], dtype=dtype),
            "poor_thousands": [4188.81, 76.20, 119.52, 7.10],
            "poverty_rate_pct": [10.35, 13.65, 7.34, 3.31],
        }
    )


def test_float32_dotted_codes() -> None:
    df = _east_java("float32")
    with pytest.raises(ValueError, match=r"holds region 35\.0 " + _NESTED):
        with_ranks(df, descending=True, region="kode")
    labels = df.kode.tolist()[1::2]  # 35.01 and 35.79 as float32 holds them
    assert _pool(df, labels).pooled_headcount.iloc[0] == pytest.approx(83.30)


def test_polars_float32_dotted_codes() -> None:
    pl = pytest.importorskip("polars")
    df = pl.from_pandas(_east_java("float64")).with_columns(
        pl.col("kode").cast(pl.Float32)
    )
    with pytest.raises(ValueError, match=_NESTED):
        with_ranks(df, descending=True, region="kode")


def test_duckdb_decimal_dotted_codes() -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.register("jt", _east_java("float64"))
    rel = con.sql(
        "select kode::DECIMAL(18,3) as kode, poverty_rate_pct from jt order by kode"
    )
    with pytest.raises(ValueError, match=_NESTED):
        with_ranks(rel, descending=True, region="kode")
    regencies = con.sql(
        "select kode::DECIMAL(18,3) as kode, poverty_rate_pct from jt "
        "where kode > 35 order by kode"
    )
    out = with_ranks(regencies, descending=True, region="kode").df()
    # 13.65 % (Pacitan) > 7.34 % (Banyuwangi) > 3.31 % (Batu).
    assert out["rank"].tolist() == [1.0, 2.0, 3.0]
