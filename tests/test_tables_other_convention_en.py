"""The other-convention check in locale "en", and grouped decimals."""

from __future__ import annotations

import io

import numpy as np
import pytest

from povstat import NumberParseError, parse_numbers, read_bps_table


def test_a_thousands_comma_among_decimal_points_is_ambiguous_in_en() -> None:
    # "4,375" is 4375 in locale "en" (a thousands comma) but 4.375 with the
    # comma as a decimal comma; 13.65 and 4.26 are written with decimal
    # points: invalid, naming both readings.
    with pytest.raises(NumberParseError, match=r"reads 4375, but 4\.375"):
        parse_numbers(["13.65", "4,375", "4.26"], locale="en")
    t = read_bps_table(
        io.StringIO(
            "Regency/City;2023\nPacitan;13.65\nBatu City;4,375\nMalang City;4.26\n"
        ),
        locale="en",
        sep=";",
        errors="report",
    )
    assert [(c.row, c.text) for c in t.invalid] == [(3, "4,375")]
    assert "'4.375' for 4.375" in t.invalid[0].reason


def test_whole_grouped_numbers_in_en_still_read() -> None:
    # No value with decimals: nothing ambiguous. 187,000 + 1,234,567 + 8,160.
    p = parse_numbers(["187,000", "1,234,567", "8,160"], locale="en")
    assert p.value.tolist() == [187000.0, 1234567.0, 8160.0]


@pytest.mark.parametrize(
    ("cells", "locale", "value"),
    [
        (["412.345,50", "674.660", "600.100,25"], "id", 674660.0),
        (["412,345.50", "674,660", "600,100.25"], "en", 674660.0),
    ],
)
def test_grouped_decimals_fix_the_separator(
    cells: list[str], locale: str, value: float
) -> None:
    # "412.345,50" groups its thousands with the dot: the column's writer
    # uses the locale's separators, so "674.660" is 674 660 (not 674.66).
    p = parse_numbers(cells, locale=locale)  # type: ignore[arg-type]
    assert p.value[1] == value
    assert not np.isnan(p.value).any()
