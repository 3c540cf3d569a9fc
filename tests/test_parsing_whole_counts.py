"""Persons and households are counted whole: a fraction of one is refused.

"38,56" under "(jiwa)" reads 38.56 persons, which no count is: the figure
is in thousands with its unit unstated (38 560 persons), or wrong. Rupiah
may have cents ("Rp 628.330,50" is 628 330.5 rupiah) and a multiplier makes
a fraction whole ("7,10 ribu jiwa" is 7 100 persons): both read.
"""

from __future__ import annotations

import io

import pytest

from povstat import parse_numbers, read_bps_table


@pytest.mark.parametrize(
    ("cells", "locale"),
    [(["38,56 jiwa"], "id"), (["38.56 persons"], "en"), (["4,5 orang"], "id")],
)
def test_a_fraction_of_persons_is_refused(cells: list[str], locale: str) -> None:
    p = parse_numbers(cells, locale=locale, errors="report")  # type: ignore[arg-type]
    assert [c.text for c in p.invalid] == cells
    assert "a count in ones (persons) with a fraction" in p.invalid[0].reason


def test_whole_persons_cents_and_multiplied_counts_are_read() -> None:
    # "38,00 jiwa" is 38 persons; "Rp 628.330,50" 628 330.5 rupiah; "7,10
    # ribu jiwa" 7.1 x 1000 = 7 100 persons.
    p = parse_numbers(["38,00 jiwa", "Rp 628.330,50", "7,10 ribu jiwa"], locale="id")
    assert p.value.tolist() == [38.0, 628330.5, 7100.0]


@pytest.mark.parametrize("unit", ["(jiwa)", "(Rumah Tangga)"])
def test_a_fraction_under_a_unit_row_of_whole_counts_is_refused(unit: str) -> None:
    # "38,56" under "(jiwa)": 38.56 persons; the cell is named (row 3,
    # column '2023'), the whole "40" beside it read.
    t = read_bps_table(
        io.StringIO(f"Kabupaten/Kota;2023\n;{unit}\nKota Batu;38,56\nKota Malang;40\n"),
        locale="id",
        sep=";",
        errors="report",
    )
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(3, "2023", "38,56")]
    assert "with a fraction" in t.invalid[0].reason
    assert t.data["value"].tolist()[1] == 40.0


def test_a_fraction_under_thousands_of_persons_is_read() -> None:
    # "(ribu jiwa)": 38,56 thousand persons, read as written (38.56).
    t = read_bps_table(
        io.StringIO("Kabupaten/Kota;2023\n;(ribu jiwa)\nKota Batu;38,56\n"),
        locale="id",
        sep=";",
    )
    assert t.data["value"].tolist() == [38.56]
