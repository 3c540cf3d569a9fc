"""The advice for a number float64 cannot hold, followed.

round_half_up, format_number and rounding_interval refuse a Decimal with more
digits than float64 holds. Their advice is the one parse_numbers gives (one
helper): convert to float only if the nearest float64 is meant, else round
the decimal's own digits in decimal arithmetic; never a bare "round it",
which is the call just refused. Each branch is followed here.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

import povstat as ps
from povstat import _validate

# 4.26499999999999999999 lies below the half 4.265: its own rounding to 2
# decimals is 4.26 (by hand). Its nearest float64 is 4.265 (21 significant
# digits, 1e-20 below 4.265, far inside half a unit in the last place,
# about 4.4e-16), whose figure rounds half up to 4.27.
D = Decimal("4.26499999999999999999")

CALLS: dict[str, Callable[[Any], Any]] = {
    "round_half_up": lambda x: ps.round_half_up(x, 2),
    "format_number": lambda x: ps.format_number(x, locale="en", decimals=2),
    "rounding_interval": lambda x: ps.rounding_interval(x, 2),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_refusal_carries_the_condition_and_no_bare_round_it(name: str) -> None:
    with pytest.raises(ValueError, match="cannot hold exactly") as err:
        CALLS[name]([D])
    said = str(err.value)
    assert _validate.inexact_advice() in said
    assert "if the nearest float64 is meant" in said
    assert "round it, or" not in said


def test_parse_numbers_gives_the_same_advice() -> None:
    with pytest.raises(ps.NumberParseError) as err:
        ps.parse_numbers([str(D)], locale="en")
    assert _validate.inexact_advice() in err.value.cells[0].reason


def test_advice_followed_own_digits() -> None:
    # "round it in decimal arithmetic first (Decimal.quantize with
    # ROUND_HALF_UP) to the decimals the figure is published with":
    own: Any = D.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert own == Decimal("4.26")
    assert float(ps.round_half_up([own], 2)[0]) == 4.26
    assert ps.format_number([own], locale="en", decimals=2).tolist() == ["4.26"]
    assert bool(ps.rounding_interval([own], 2).contains(4.26)[0])


def test_advice_followed_nearest_float() -> None:
    # "convert it to float first if the nearest float64 is meant": 4.265,
    # half up to 4.27 (by hand).
    assert float(D) == 4.265
    assert float(ps.round_half_up([float(D)], 2)[0]) == 4.27


def test_frame_decimal_column_advice_names_the_cast() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"r": [D]}, schema={"r": pl.Decimal(38, 20)})
    with pytest.raises(ValueError, match="cannot hold exactly") as err:
        ps.with_rate_interval(
            df, rate="r", se="r", unit="percent", level=0.9, method="normal"
        )
    said = str(err.value)
    assert _validate.inexact_advice("cast the column to float64") in said
