"""The nesting check reads a code or list number before a name as read_bps_table does.

read_bps_table reads "35 Jawa Timur", "[3578] KOTA SURABAYA", "35.78 Kota
Surabaya", "1. Kota Batu" and "(38) Kota Surabaya" (its Notes): an area
code is checked against the name after it, a list number set aside. The
nesting check reads labels so written with the same reader
(``povstat.tables.leading_numbers``), so a province row beside its own
city is refused, not summed twice.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import povstat as P
from nesting import province_and_city
from povstat import tables
from povstat.frames._checks import _name_keys, _region_names

# Jawa Timur (35) and Kota Surabaya (3578), March 2023 (BPS): Kota Surabaya
# is inside Jawa Timur, so summing both would count its poor twice
# (4188.81 + 136.37 = 4325.18 thousand instead of 4188.81).


_frame = province_and_city


@pytest.mark.parametrize(
    ("province", "city"),
    [
        ("35 Jawa Timur", "3578 Kota Surabaya"),  # codes before the names
        ("[35] JAWA TIMUR", "[3578] KOTA SURABAYA"),  # in brackets, capitals
        ("35. Jawa Timur", "35.78 Kota Surabaya"),  # Kemendagri's dot
        ("35 - Jawa Timur", "3578-Kota Surabaya"),  # joined by a hyphen
        ("1. Jawa Timur", "2. Kota Surabaya"),  # list numbers
        ("(1) Jawa Timur", "(38) Kota Surabaya"),
        ("1 Jawa Timur", "38 Kota Surabaya"),  # 38: a list number (1 in the list)
        ("a. Jawa Timur", "b. Kota Surabaya"),  # a lettered list
        ("Jawa Timur", "3501 Pacitan"),  # the code names the regency
        ("75 Gorontalo", "7571 Kota Gorontalo"),  # the code names the province
        ("35 Jawa Timur¹", "3578 Kota Surabaya"),  # a code and a footnote mark
    ],
)
def test_a_province_and_its_city_with_numbers_before_their_names_refused(
    province: str, city: str
) -> None:
    df = _frame(province, city)
    with pytest.raises(ValueError, match="together with regions nested in it") as err:
        P.aggregate_regions(df, by="g", region="region_name", unit="percent")
    assert f"holds region {province!r}" in str(err.value)
    assert "a province holds its regencies and cities" in str(err.value)


def test_a_ranking_of_a_province_among_its_numbered_regencies_refused() -> None:
    df = _frame("35 Jawa Timur", "3578 Kota Surabaya")
    with pytest.raises(ValueError, match="together with regions nested in it"):
        P.with_ranks(df, descending=True, rate="poverty_rate_pct", region="region_name")


def test_the_code_decides_a_bare_name_of_a_province_and_a_regency() -> None:
    # "Gorontalo" alone is the province or Kabupaten Gorontalo (its BPS
    # name); "7501 Gorontalo" is the regency by its code, which is no part
    # of Kota Gorontalo (7571): the two are accepted. Beside "7501
    # Gorontalo", a bare "Gorontalo" is the province: the column writes the
    # regency otherwise.
    df = _frame("7501 Gorontalo", "7571 Kota Gorontalo")
    out = P.aggregate_regions(df, by="g", region="region_name", unit="percent")
    np.testing.assert_allclose(out["pooled_headcount"], [4188.81 + 136.37])
    names = _region_names()
    keys = _name_keys(["7501 Gorontalo", "75 GORONTALO", "Gorontalo"])
    assert names.get(keys["7501 Gorontalo"]) == "7501"
    assert names.get(keys["75 GORONTALO"]) == "75"
    assert names.get(keys["Gorontalo"]) == "75"


def test_a_numbered_list_of_regencies_alone_is_accepted() -> None:
    # Three regencies and cities of Jawa Timur, none inside another.
    df = pd.DataFrame(
        {
            "g": ["x"] * 3,
            "region_name": ["1. Kabupaten Malang", "2. Kota Malang", "3. Kota Batu"],
            "poverty_rate_pct": [9.45, 4.26, 3.31],
            "poor_thousands": [250.0, 35.0, 7.0],
        }
    )
    out = P.aggregate_regions(
        df, by="g", region="region_name", unit="percent", period="g"
    )
    np.testing.assert_allclose(out["pooled_headcount"], [292.0])


@pytest.mark.parametrize(
    "labels",
    [
        ["35 Jawa Timur", "3578 Kota Surabaya", "[3573] KOTA MALANG"],
        ["1 Jawa Timur", "38 Kota Surabaya", "35.73 Kota Malang"],
        ["(1) Provinsi Jawa Timur", "(2) Kab. Pacitan", "- Kota Batu"],
        ["3573-Kota Malang", "3578 Kota Malang", "36 Jawa Timur"],  # disagreements
    ],
)
def test_the_nesting_check_reads_numbers_as_read_bps_table_reads_them(
    labels: list[str],
) -> None:
    # Every label read_bps_table's reader matches (its kind written, or a
    # province) is read as the same region by the nesting check, and one it
    # leaves unmatched (a code that disagrees with the name) is not read.
    found = tables._match_regions(
        np.array(labels, dtype=object), pd.Index(range(len(labels))), None, 2023
    )
    names = _region_names()
    keys = _name_keys(labels)
    for label, code in zip(labels, found["code"], strict=True):
        assert names.get(keys[label]) == code, label


def test_read_bps_table_and_the_nesting_check_share_the_reader() -> None:
    lead = tables.leading_numbers(["35 Jawa Timur", "[3578] KOTA SURABAYA"])
    assert lead["code"].tolist() == ["35", "3578"]
    assert lead["name"].tolist() == ["Jawa Timur", "KOTA SURABAYA"]
    # One-digit numbers in the column: its two-digit ones are list numbers.
    lead = tables.leading_numbers(["1 Jawa Timur", "38 Kota Surabaya"])
    assert lead["code"].tolist() == [None, None]
