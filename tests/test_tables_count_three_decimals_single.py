"""A single count in ones written with three decimals is refused too.

"Rp 628,330" in locale "id" reads 628.33 rupiah, but a count in ones has
no decimals: it is 628 330 rupiah written with an English thousands comma.
The rule holds whatever stands beside the figure, so also with nothing
beside it (one value parsed alone, a one-cell table).
"""

from __future__ import annotations

import io

import pytest

from povstat import NumberParseError, parse_numbers, read_bps_table


@pytest.mark.parametrize(
    ("text", "locale", "other", "grouped"),
    [
        # 628,330 with an English comma is 628 330 rupiah; in "id" the
        # figure is written "Rp 628.330".
        ("Rp 628,330", "id", "'en'", "'Rp 628.330'"),
        # 38,560 persons, written "38.560 jiwa" in "id".
        ("38,560 jiwa", "id", "'en'", "'38.560 jiwa'"),
        # 628.330 with an Indonesian dot is 628 330; in "en" "Rp 628,330".
        ("Rp 628.330", "en", "'id'", "'Rp 628,330'"),
    ],
)
def test_single_figure_refused(
    text: str, locale: str, other: str, grouped: str
) -> None:
    # Before, read silently as 628.33 / 38.56 / 628.33.
    with pytest.raises(NumberParseError) as e:
        parse_numbers([text], locale=locale)  # type: ignore[arg-type]
    assert [c.text for c in e.value.cells] == [text]
    reason = e.value.cells[0].reason
    assert "count in ones" in reason
    assert "thousands separator of the other convention" in reason
    assert f"locale={other}" in reason
    assert grouped in reason


@pytest.mark.parametrize(
    "text",
    [
        "Kabupaten/Kota;2023\n;(Rp/Kapita/Bulan)\nKota Batu;471,930\n",
        "Garis Kemiskinan (Rp/Kapita/Bulan)\nKabupaten/Kota;2023\nKota Batu;471,930\n",
        "Kabupaten/Kota;2023\nKota Batu;Rp 471,930\n",
    ],
)
def test_one_cell_table_refused(text: str) -> None:
    # Kota Batu's poverty line for March 2023 is 471 930 rupiah per capita
    # per month; read before as 471.93.
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert [c.text.removeprefix("Rp ") for c in t.invalid] == ["471,930"]
    assert "count in ones (rupiah)" in t.invalid[0].reason


@pytest.mark.parametrize(
    ("text", "locale", "value"),
    [
        # Written in the locale's own convention: read as the count.
        ("Rp 628.330", "id", 628330.0),
        ("Rp 628,330", "en", 628330.0),
        # No unit of count in ones: a decimal number, read as written.
        ("628,330", "id", 628.33),
        # A multiplier makes it thousands of persons: 38.56 thousand is
        # 38.56 x 1000 = 38 560 persons.
        ("38,560 ribu jiwa", "id", 38560.0),
    ],
)
def test_single_figure_otherwise_read(text: str, locale: str, value: float) -> None:
    assert parse_numbers([text], locale=locale).value.tolist() == [value]  # type: ignore[arg-type]
