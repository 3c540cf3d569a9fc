"""read_bps_table and parse_numbers: one list of household and family words.

A title or unit row stating "(Rumahtangga)" (rumah tangga written as one
word, as BPS tables often do) is a unit of households, and so is a cell
typed "38 rumahtangga" under it: 38 households, read as the bare "38" is,
not refused as "not a number". The words of both come from parsing's one
list (``_UNITS``).

Figures: stand-ins for counts of poor households, 38 and 40 in Pacitan,
12 and 13 in Kota Batu, typed in ones (a count of households in ones).
"""

from __future__ import annotations

import io

import pytest

from povstat import parse_numbers, read_bps_table

_TITLE = "Jumlah Rumah Tangga Miskin (Rumahtangga);;\nKabupaten/Kota;2023;2024\n"


@pytest.mark.parametrize("cell", ["38", "38 rumahtangga", "38 rumah tangga", "38 ruta"])
def test_a_household_cell_reads_under_a_household_title(cell: str) -> None:
    text = _TITLE + f"Pacitan;{cell};40\nKota Batu;12;13\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    # By hand: 38 households typed with or without the unit word.
    assert t.data["value"].tolist() == [38, 40, 12, 13]


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        ("38 rumahtangga", "households"),
        ("38 Rumah Tangga", "households"),
        ("38 households", "households"),
        ("38 kepala keluarga", "families"),
        ("38 KK", "families"),
    ],
)
def test_a_cell_states_the_unit_its_words_name(cell: str, unit: str) -> None:
    got = parse_numbers([cell], locale="id")
    assert got.value.tolist() == [38.0]
    assert got.unit.tolist() == [unit]
