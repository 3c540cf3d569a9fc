"""read_bps_table: "KK" (kepala keluarga) counts families, not households.

Kepala keluarga is the head of a family (keluarga, the unit of the Kartu
Keluarga); BPS counts households (rumah tangga, ruta) and records how many
families live in each (Susenas): a household may hold several families.
Counts in KK and counts of households are two units, never merged into one
value column.
"""

from __future__ import annotations

from functools import partial

import pytest

from povstat import NumberParseError
from spreadsheets import province_values

_read = partial(province_values, province="Jawa Timur")


def test_kk_cells_among_household_cells_are_refused() -> None:
    # Before, "25.000 KK" (25 000 families) was merged with the households
    # of the column as 25 000 households.
    text = (
        "Jumlah Rumah Tangga Miskin\nKabupaten/Kota;2022;2023\n"
        "Pacitan;25.860 ruta;25.000 KK\nKota Batu;3.160 ruta;3.000 ruta\n"
        "Kota Malang;12.780 ruta;12.000 rumah tangga\n"
    )
    with pytest.raises(
        NumberParseError,
        match=r"'25.000 KK' \(unit 'families' in a column of 'households'",
    ):
        _read(text)


def test_kk_cells_under_a_households_unit_row_are_refused() -> None:
    # "(Rumah Tangga)" over the column, "3.000 KK" in it: two units.
    text = (
        "Jumlah Rumah Tangga Miskin\nKabupaten/Kota;2023\n;(Rumah Tangga)\n"
        "Pacitan;25.860\nKota Batu;3.000 KK\n"
    )
    with pytest.raises(
        NumberParseError, match=r"the cell states 'families', but unit row 3"
    ):
        _read(text)


def test_a_column_of_kk_is_read_as_families() -> None:
    # 25 860, 3 160 and 12 780 families (thousands dots).
    text = (
        "Jumlah Keluarga Miskin (KK), 2023\nKabupaten/Kota;2023\n"
        "Pacitan;25.860\nKota Batu;3.160 KK\nKota Malang;12.780\n"
    )
    assert _read(text) == [25860.0, 3160.0, 12780.0]
    # A fraction of a family is refused, as one of a household is.
    with pytest.raises(NumberParseError, match=r"in ones \(families\)"):
        _read(text.replace("12.780", "38,5"))
