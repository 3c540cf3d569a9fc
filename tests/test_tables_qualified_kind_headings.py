"""read_bps_table: a kind heading qualified by a kind of city ("Kota Otonom")."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import BpsTable, read_bps_table
from spreadsheets import ods_bytes


def _read(text: str) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")


def _codes(t: BpsTable) -> list[str | None]:
    return [None if pd.isna(c) else str(c) for c in t.data["region_code"]]


@pytest.mark.parametrize(
    "heading",
    [
        "Kota Otonom",
        "KOTA BESAR",
        "Kota Besar:",
        "Kota-Kota Besar",
        "Kotapraja",
        "Kota Kecil",
        "Kota Administratif",
        "Daerah Kota Otonom",
        "(2) Kota Otonom",
        "*Kota Besar",
    ],
)
def test_cities_under_a_qualified_kota_heading(heading: str) -> None:
    # Under the heading, Malang is Kota Malang (3573) and Batu Kota Batu
    # (3579); bare they would be Kabupaten Malang (3507) and no region.
    text = f"Kabupaten/Kota;2022\nKabupaten;\nPacitan;1\n{heading};\nMalang;3\nBatu;4\n"
    t = _read(text)
    assert _codes(t) == [None, "3501", None, "3573", "3579"]
    assert "read as kota names" in t.unmatched["reason"].iloc[1]


def test_regencies_under_kabupaten_otonom() -> None:
    # "Kabupaten Otonom" heads regencies: Malang is Kabupaten Malang (3507)
    # after a city section.
    text = "Kabupaten/Kota;2022\nKota;\nMalang;3\nKabupaten Otonom;\nMalang;1\n"
    assert _codes(_read(text)) == [None, "3573", None, "3507"]


@pytest.mark.parametrize(
    ("label", "code"),
    [("Kota Batu", "3579"), ("Kota Malang", "3573"), ("Kota Baru", "6302")],
)
def test_a_region_named_with_kota_is_no_heading(label: str, code: str) -> None:
    # "Kota Batu" and "Kota Malang" are cities, "Kota Baru" is Kabupaten
    # Kotabaru (6302): regions, not headings; Malang after them stays bare
    # (Kabupaten Malang 3507).
    text = f"Kabupaten/Kota;2022\n{label};2\nMalang;1\n"
    assert _codes(_read(text)) == [code, "3507"]


def test_a_kabupaten_qualified_as_a_city_is_no_heading() -> None:
    # "Kabupaten Besar" names no kind of regency: no heading, an unmatched
    # row, and Malang below stays Kabupaten Malang (3507).
    t = _read("Kabupaten/Kota;2022\nKabupaten Besar;\nMalang;1\n")
    assert _codes(t) == [None, "3507"]
    assert t.unmatched["reason"].iloc[0] == "no region of this name"


def test_qualified_heading_in_an_ods_sheet() -> None:
    # The same heading read from an .ods sheet (the heading row one cell).
    rows = [
        ["Kabupaten/Kota", "2022"],
        ["Kota Otonom"],
        ["Malang", "3"],
        ["Blitar", "5"],
    ]
    t = read_bps_table(ods_bytes(rows), locale="id", errors="report")
    # Kota Malang 3573, Kota Blitar 3572.
    assert _codes(t) == [None, "3573", "3572"]
