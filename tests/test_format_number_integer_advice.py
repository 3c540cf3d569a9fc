"""format_number's advice for an integer written as another fits the locale (N6).

2**60 = 1152921504606846976; its float64 is written 1152921504606847000,
so format_number refuses it and offers Python code writing the integer's
own digits. Followed, the code gives the text format_number would write
for that figure (grouping and decimal mark of the locale, zeros for the
decimals), which parse_numbers reads back in the same locale.
"""

from __future__ import annotations

import re
from typing import Literal

import pytest

import povstat as P

TWO_60 = 2**60


def _advice(locale: Literal["id", "en"], decimals: int, grouping: bool = True) -> str:
    with pytest.raises(ValueError, match="would be written as another") as err:
        P.format_number(TWO_60, locale=locale, decimals=decimals, grouping=grouping)
    found = re.search(
        r"write the integer with Python: (.*) \(n the int\)", str(err.value)
    )
    assert found is not None, str(err.value)
    return found.group(1)


@pytest.mark.parametrize(
    ("locale", "decimals", "grouping", "expected"),
    [
        # Hand: 2**60 grouped by threes, "." between groups and "," before
        # the decimals in Indonesian, the reverse in English.
        ("id", 0, True, "1.152.921.504.606.846.976"),
        ("id", 2, True, "1.152.921.504.606.846.976,00"),
        ("en", 0, True, "1,152,921,504,606,846,976"),
        ("en", 2, True, "1,152,921,504,606,846,976.00"),
        ("id", 1, False, "1152921504606846976,0"),
    ],
)
def test_advice_followed_writes_the_integer_in_the_locale(
    locale: Literal["id", "en"], decimals: int, grouping: bool, expected: str
) -> None:
    code = _advice(locale, decimals, grouping)
    text = eval(code, {}, {"n": TWO_60})  # the advice, run as printed
    assert text == expected
    # parse_numbers reads it in the same locale: 2**60 is a float64 exactly.
    assert P.parse_numbers([text], locale=locale).value.tolist() == [float(TWO_60)]
    # and format_number writes the figures of its width the same way
    # (999,999 has no float64 problem: the same grouping and decimal mark).
    small = str(
        P.format_number(999999, locale=locale, decimals=decimals, grouping=grouping)
    )
    assert small == eval(code, {}, {"n": 999999})
