"""The nesting check reads codes and list numbers however they join the name.

A code before the name joined by a colon, a slash, a bar or an underscore
("35: Jawa Timur", "35/Jawa Timur", "35 | Jawa Timur", "35_Jawa Timur")
or glued to it ("35Jawa Timur", a spreadsheet's join of two cells); a code
after it in full-width brackets, after "Kode" or after a minus sign; a
section's list numbers ("1.", "1.1."), "#1", "No. 1", a run of capital
roman numerals; a kind in brackets after the name ("Jawa Timur
(Provinsi)"). Each is read by the reader read_bps_table uses
(``povstat.tables.leading_numbers`` and ``trailing_codes``), so a province
beside its own regencies and cities is refused, never summed twice.
"""

from __future__ import annotations

import pandas as pd
import pytest

import povstat as P
from nesting import province_and_city
from povstat import tables
from povstat.frames._checks import _name_keys, _region_names

# Jawa Timur (35) and Kota Surabaya (3578), March 2023 (BPS): Kota Surabaya
# is inside Jawa Timur, so summing both would count its poor twice
# (4188.81 + 136.37 = 4325.18 thousand instead of 4188.81).
WRITINGS = [
    ("35: Jawa Timur", "3578: Kota Surabaya"),
    ("35/Jawa Timur", "3578/Kota Surabaya"),
    ("35 | Jawa Timur", "3578 | Kota Surabaya"),
    ("35_Jawa Timur", "3578_Kota Surabaya"),
    ("35Jawa Timur", "3578Kota Surabaya"),  # glued, as CONCAT joins cells
    ("Jawa Timur\uff0835\uff09", "Kota Surabaya\uff083578\uff09"),  # full-width
    ("Jawa Timur (Kode 35)", "Kota Surabaya (Kode 3578)"),
    ("Jawa Timur (kode: 35)", "Kota Surabaya (kode: 3578)"),
    ("Jawa Timur \u2212 35", "Kota Surabaya \u2212 3578"),  # a minus sign
    ("1. Jawa Timur", "1.1. Kota Surabaya"),  # a section and its item
    ("1 Jawa Timur", "1.1 Kota Surabaya"),
    ("#1 Jawa Timur", "#2 Kota Surabaya"),
    ("No. 1 Jawa Timur", "No. 2 Kota Surabaya"),
    ("I. Jawa Timur", "II. Kota Surabaya"),  # a run of capital roman numerals
    ("Jawa Timur (Provinsi)", "Kota Surabaya"),  # the kind after the name
]


@pytest.mark.parametrize(("province", "city"), WRITINGS)
def test_a_province_beside_its_city_is_refused(province: str, city: str) -> None:
    df = province_and_city(province, city)
    with pytest.raises(ValueError, match="together with regions nested in it") as err:
        P.aggregate_regions(df, by="g", region="region_name", unit="percent")
    assert f"holds region {province!r}" in str(err.value)
    assert "a province holds its regencies and cities" in str(err.value)
    with pytest.raises(ValueError, match="together with regions nested in it"):
        P.with_ranks(df, descending=True, rate="poverty_rate_pct", region="region_name")


@pytest.mark.parametrize(("province", "city"), WRITINGS)
def test_each_label_is_read_as_its_region(province: str, city: str) -> None:
    names = _region_names()
    keys = _name_keys([province, city])
    assert names.get(keys[province]) == "35"
    assert names.get(keys[city]) == "3578"


def test_the_province_of_bare_regency_names_glued_to_codes() -> None:
    # "75Gorontalo" is province 75 by its code; "7501Gorontalo" is
    # Kabupaten Gorontalo (BPS writes its regencies bare): the reason is
    # the province with its regencies, not one region written two ways.
    df = province_and_city("75Gorontalo", "7501Gorontalo")
    with pytest.raises(ValueError, match="a province holds its regencies") as err:
        P.aggregate_regions(df, by="g", region="region_name", unit="percent")
    assert "written two ways" not in str(err.value)
    assert "holds region '75Gorontalo'" in str(err.value)


def test_section_and_list_numbers_are_no_codes() -> None:
    lead = tables.leading_numbers(
        ["1. Jawa Timur", "1.1. Kota Surabaya", "#12 Kota Batu", "No. 35 Kota Malang"]
    )
    assert lead["code"].tolist() == [None, None, None, None]
    assert lead["name"].tolist() == [
        "Jawa Timur",
        "Kota Surabaya",
        "Kota Batu",
        "Kota Malang",
    ]
    # A section number has no digits that count as a row number ("1.1" is
    # not 11).
    assert pd.isna(lead["digits"].iloc[1])


def test_a_glued_code_is_two_or_four_digits() -> None:
    lead = tables.leading_numbers(["3578Kota Surabaya", "357Kota Surabaya"])
    assert lead["code"].tolist() == ["3578", None]
    assert lead["name"].tolist() == ["Kota Surabaya", "357Kota Surabaya"]


def test_capital_roman_numerals_are_list_numbers_only_as_a_run() -> None:
    lead = tables.leading_numbers(["I. Jawa Timur", "II. Kota Surabaya", "III. Bali"])
    assert lead["name"].tolist() == ["Jawa Timur", "Kota Surabaya", "Bali"]
    # No run from I: initials ("D. I. Yogyakarta"), numerals out of a run,
    # a lone I in a column numbering nothing else: kept as written.
    for labels in (
        ["D. I. Yogyakarta", "Jawa Timur"],
        ["V. Kota Batu", "X. Kota Malang"],
        ["I. Kota Batu", "Kota Malang"],
    ):
        assert tables.leading_numbers(labels)["name"].tolist() == labels


def test_a_lone_roman_one_above_numbered_rows_is_a_list_number() -> None:
    lead = tables.leading_numbers(["I. Jawa Timur", "1. Kota Surabaya"])
    assert lead["name"].tolist() == ["Jawa Timur", "Kota Surabaya"]


def test_trailing_province_codes_after_a_dash_or_in_brackets() -> None:
    # A province's two digits after a dash or minus sign, or in brackets
    # after "Kode", are its code; never after a space alone.
    names = ["Jawa Timur \u2212 35", "Jawa Timur (Kode 35)", "Jawa Timur 35"]
    got = tables.trailing_codes(names)["code"]
    assert got.tolist()[:2] == ["35", "35"]
    assert pd.isna(got.iloc[2])
