"""format_number's advice for huge integers works when followed (numbers14 N7, N8).

N7: a whole Decimal of 17 digits (a DECIMAL(38,0) SUM) is refused as the
integer it is, with advice that can work (its float64, or its own digits
written by Python), never "round it in decimal arithmetic", which leaves a
whole number as it is. N8: at negative decimals the advised code rounds
the integer half up (away from zero) to tens, hundreds, ... as
format_number would.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

import povstat as P
from povstat.parsing import _integer_recipe

V = Decimal("20892376123456789")
VS: Any = [V]  # a list of Decimals, as a DECIMAL column gives
TWO_60 = 2**60  # 1152921504606846976


def _code(message: str) -> str:
    found = re.search(r"write the integer with Python: (.*) \(n the int\)", message)
    assert found is not None, message
    return found.group(1)


def test_whole_decimal_advice_followed() -> None:
    with pytest.raises(ValueError, match="cannot hold exactly") as err:
        P.format_number(VS, locale="id", decimals=0)
    said = str(err.value)
    assert "decimal arithmetic" not in said
    assert "20892376123456789 at index 0" in said
    # Its own digits, grouped by threes with dots (by hand).
    assert eval(_code(said), {}, {"n": int(V)}) == "20.892.376.123.456.789"
    # "convert it to float first": its nearest float64, 20892376123456788.
    assert P.format_number([float(V)], locale="id", decimals=0).tolist() == [
        "20.892.376.123.456.788"
    ]


def test_whole_decimal_refused_by_round_half_up_without_decimal_advice() -> None:
    with pytest.raises(ValueError, match="convert it to float first") as err:
        P.round_half_up(VS, 0)
    assert "decimal arithmetic" not in str(err.value)


@pytest.mark.parametrize(
    ("decimals", "expected"),
    [
        # 2**60 = 1152921504606846976. To hundreds: 76 >= 50, up to
        # ...847000; to thousands: 976 >= 500, up to ...847000; to ten
        # thousands: 6976 >= 5000, up to ...850000 (by hand).
        (-2, "1.152.921.504.606.847.000"),
        (-3, "1.152.921.504.606.847.000"),
        (-4, "1.152.921.504.606.850.000"),
    ],
)
def test_negative_decimals_advice_followed(decimals: int, expected: str) -> None:
    with pytest.raises(ValueError, match="would be written as another") as err:
        P.format_number([TWO_60], locale="id", decimals=decimals)
    code = _code(str(err.value))
    assert eval(code, {}, {"n": TWO_60}) == expected
    assert eval(code, {}, {"n": -TWO_60}) == "-" + expected  # away from zero


@pytest.mark.parametrize(
    ("n", "locale", "grouping", "expected"),
    [
        # Ties go away from zero (Decimal ROUND_HALF_UP), never to even:
        # 2500 to thousands is 3000, -2500 is -3000, 1500 is 2000 (by hand).
        (2500, "id", True, "3.000"),
        (-2500, "id", True, "-3.000"),
        (1500, "en", True, "2,000"),
        (1499, "en", False, "1000"),
    ],
)
def test_negative_decimals_recipe_matches_format_number(
    n: int, locale: str, grouping: bool, expected: str
) -> None:
    code = _integer_recipe(locale, -3, grouping).removesuffix(" (n the int)")
    assert eval(code, {}, {"n": n}) == expected
    written = P.format_number(n, locale=locale, decimals=-3, grouping=grouping)  # type: ignore[arg-type]
    assert str(written) == expected
