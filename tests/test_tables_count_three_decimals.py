"""A count in ones written with three decimals is the other convention.

A count stating its unit in ones ("(jiwa)", "(Rp/kapita/bulan)", "Rp",
"jiwa") has no decimals; "628,330" under it reads 628.33 in locale "id"
but is 628 330 written with an English thousands comma. Such cells are
refused whether or not a whole count of 1,000 or more stands beside them.
"""

from __future__ import annotations

import io
from typing import Literal

import pytest

from povstat import NumberParseError, parse_numbers, read_bps_table

# Poverty lines of East Java's cities, rupiah per capita per month, written
# with English thousands commas: 628,330 is 628 330 rupiah, never 628.33.
_HEAD = "Kabupaten/Kota;2022;2023\n"
_ROWS = "Kota Malang;628,330;674,660\nKota Batu;580,000;613,985\n"


@pytest.mark.parametrize("unit", ["(Rp/kapita/bulan)", "(jiwa)"])
def test_unit_row_of_ones_refuses_three_decimals(unit: str) -> None:
    # Before, read silently as [628.33, 674.66, 580.0, 613.985].
    text = _HEAD + f";{unit};{unit}\n" + _ROWS
    with pytest.raises(NumberParseError) as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    cells = sorted(c.text for c in e.value.cells)
    assert cells == ["580,000", "613,985", "628,330", "674,660"]
    reason = e.value.cells[0].reason
    assert "count in ones" in reason
    assert "thousands separator of the other convention" in reason
    assert "locale='en'" in reason


def test_unit_in_title_refuses_three_decimals() -> None:
    text = "Garis Kemiskinan (Rp/kapita/bulan)\n" + _HEAD + _ROWS
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    assert sorted(c.text for c in t.invalid) == [
        "580,000",
        "613,985",
        "628,330",
        "674,660",
    ]


def test_read_in_the_other_locale_gives_the_counts() -> None:
    # The advice works: read as English, 628,330 is 628 330 rupiah.
    text = _HEAD.replace(";", ",") + ',"(Rp/kapita/bulan)","(Rp/kapita/bulan)"\n'
    text += 'Kota Malang,"628,330","674,660"\nKota Batu,"580,000","613,985"\n'
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["value"].tolist() == [628330.0, 674660.0, 580000.0, 613985.0]


@pytest.mark.parametrize(
    ("cells", "locale", "other"),
    [
        (["Rp 628,330", "Rp 674,660", "Rp 587,723"], "id", "'en'"),
        (["38,560 jiwa", "37,780 jiwa", "7,100 jiwa"], "id", "'en'"),
        (["Rp 628.330", "Rp 674.660"], "en", "'id'"),
        (["38.560 persons", "7.100 persons"], "en", "'id'"),
    ],
)
def test_parse_numbers_refuses_counts_with_three_decimals(
    cells: list[str], locale: Literal["id", "en"], other: str
) -> None:
    p = parse_numbers(cells, locale=locale, errors="report")
    assert [c.text for c in p.invalid] == cells
    assert f"locale={other}" in p.invalid[0].reason


def test_two_decimals_and_multiplied_counts_unchanged() -> None:
    # "38,56 jiwa" has two decimals (not the other convention's thousands:
    # refused as a fraction of persons, tests/test_parsing_whole_counts.py),
    # and "7,100 ribu jiwa" is 7.1 thousand persons: 7100.
    p = parse_numbers(["38,56 jiwa"], locale="id", errors="report")
    assert "locale='en'" not in p.invalid[0].reason
    assert parse_numbers(["7,100 ribu jiwa"], locale="id").value.tolist() == [7100.0]
