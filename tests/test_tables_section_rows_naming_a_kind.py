"""read_bps_table: a section row naming a kind and a province ends the section.

Under a "KOTA" heading, a row "KABUPATEN DI JAWA TIMUR" (the regencies of
East Java follow) or "KABUPATEN LAINNYA" ends the cities' section and heads
the regencies, as "DAFTAR KABUPATEN" does; "JUMLAH KOTA JAWA TIMUR;-" (the
cities' total, no number) ends it and heads none. Either way a bare "Madiun"
below it is the regency Kabupaten Madiun (3519), not Kota Madiun (3577).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

_ABOVE = (
    "Persentase Penduduk Miskin (Persen)\nKabupaten/Kota;2023\n"
    "JAWA TIMUR;10,35\nKOTA;\nBlitar;7,10\n"
)


def _codes(text: str) -> list[object]:
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    return [None if pd.isna(c) else c for c in t.data["region_code"]]


@pytest.mark.parametrize(
    "row",
    [
        "KABUPATEN DI JAWA TIMUR;",
        "DAFTAR KABUPATEN DI JAWA TIMUR;",
        "JUMLAH KOTA JAWA TIMUR;-",
        "JAWA TIMUR (KABUPATEN);",
        "KABUPATEN LAINNYA;",
        "Kabupaten di Provinsi Jawa Timur;",
    ],
)
def test_the_row_ends_the_kota_section(row: str) -> None:
    # Blitar under KOTA: Kota Blitar 3572; Madiun below the row: Kabupaten
    # Madiun 3519 (before, Kota Madiun 3577: the section went on).
    codes = _codes(_ABOVE + f"{row}\nMadiun;11,00\n")
    assert codes[0] == "35"
    assert codes[2] == "3572"
    assert codes[4] == "3519"


def test_a_misspelt_city_does_not_end_the_section() -> None:
    # "Kota Batuu" names no province beside its kind: an unmatched city,
    # the section goes on and Madiun is Kota Madiun, 3577.
    codes = _codes(_ABOVE + "Kota Batuu;3,3\nMadiun;11,00\n")
    assert codes[3] is None
    assert codes[4] == "3577"
