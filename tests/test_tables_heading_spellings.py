"""KOTA and KABUPATEN headings written with decoration, or numbered."""

from __future__ import annotations

import io

import pytest

from povstat import BpsTable, read_bps_table


def _read(text: str) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")


@pytest.mark.parametrize(
    "heading",
    [
        "Kota-Kota",
        "KOTA-KOTA",
        "Daerah Kota",
        "Wilayah Kota",
        "K O T A",
        "— KOTA —",
        "-- Kota --",
        "(2) Kota",
        "2) Kota",
        "*KOTA",
        "**) Kota",
    ],
)
def test_a_decorated_kota_heading_reads_the_names_below_as_cities(
    heading: str,
) -> None:
    # Under a KOTA heading, bare "Malang" and "Blitar" are Kota Malang (3573)
    # and Kota Blitar (3572), not Kabupaten Malang (3507) or Blitar (3505).
    t = _read(
        f"Kabupaten/Kota;2023\nPacitan;13,65\n{heading};-\nMalang;4,26\nBlitar;7,0\n"
    )
    codes = t.data["region_code"].tolist()
    assert codes[0] == "3501"
    assert codes[2:] == ["3573", "3572"]
    assert "a heading" in t.unmatched["reason"].iloc[0]


@pytest.mark.parametrize(
    "heading", ["Kabupaten-Kabupaten", "Daerah Kabupaten", "K A B U P A T E N"]
)
def test_a_decorated_kabupaten_heading_reads_regencies(heading: str) -> None:
    # After "KOTA", a KABUPATEN heading sends bare "Malang" back to the
    # regencies (3507); "Batu" above it is Kota Batu (3579).
    t = _read(f"Kabupaten/Kota;2023\nKOTA;-\nBatu;4,1\n{heading};-\nMalang;10,2\n")
    assert t.data["region_code"].iloc[1] == "3579"
    assert t.data["region_code"].iloc[3] == "3507"


def test_a_numbered_region_with_nil_values_is_data_not_a_note() -> None:
    # "2) Kota Batu;-" names a region: it is a row of the table (its value
    # missing), not a footnote; a worded footnote "1) angka sementara" is.
    t = _read(
        "Kabupaten/Kota;2023\nPacitan;13,65\n2) Kota Batu;-\nKota Malang;4,26\n"
        "1) angka sementara;\n"
    )
    assert t.data["region_code"].tolist() == ["3501", "3579", "3573"]
    assert t.skipped["text"].tolist() == ["1) angka sementara"]


def test_a_worded_note_with_a_star_stays_a_note() -> None:
    # "*) Angka sementara" (provisional figures) is a note, not a heading.
    t = _read(
        "Kabupaten/Kota;2023\nPacitan;13,65\nKota Batu;4,1\n*) Angka sementara;\n"
    )
    assert t.skipped["text"].tolist() == ["*) Angka sementara"]
    assert t.data["region_code"].tolist() == ["3501", "3579"]
