"""format_number of integers beyond 2**53: one rule, the figure written.

format_number writes a float64 as its shortest decimal. An integer beyond
2**53 is written only when it is that decimal; otherwise it would be written
as another integer and is refused, 2**60 (which float64 holds exactly) as
2**53 + 1 (which it does not). The advice, followed, works.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat as ps

# By hand: 2**60 = 1152921504606846976; its float64 is exact, and prints as
# 1.152921504606847e+18, i.e. 1152921504606847000 (16 significant digits
# tell it from its neighbours 2**60 -+ 256).
TWO_60 = 2**60
WRITTEN = "1,152,921,504,606,847,000"


def _pl() -> Any:
    return pytest.importorskip("polars")


def _pa() -> Any:
    return pytest.importorskip("pyarrow")


CASES: dict[str, Callable[[], Any]] = {
    "int": lambda: TWO_60,
    "list": lambda: [TWO_60, 0.5],
    "int64 array": lambda: np.array([TWO_60]),
    "pandas Int64": lambda: pd.Series([TWO_60, None], dtype="Int64"),
    "polars Int128": lambda: _pl().Series([2**100], dtype=_pl().Int128),
    "pyarrow uint64": lambda: _pa().array([2**63, None], type=_pa().uint64()),
    # Integers held as other types (round 13, N3): the same rule.
    "Decimal": lambda: Decimal(TWO_60),
    "Decimals in a list": lambda: [Decimal(TWO_60), Decimal("1.5")],
    "Fraction": lambda: Fraction(TWO_60),
    "long double": lambda: np.longdouble(TWO_60),
    "long double array": lambda: np.array([TWO_60, 1.5], dtype=np.longdouble),
    "numpy int beside a float": lambda: [1.5, np.int64(TWO_60)],
    "pyarrow decimal128": lambda: _pa().array(
        [Decimal(TWO_60), None], type=_pa().decimal128(38, 0)
    ),
    "polars Decimal": lambda: _pl().Series(
        [Decimal(TWO_60)], dtype=_pl().Decimal(38, 0)
    ),
    "pyarrow dictionary": lambda: _pa().array([TWO_60, None]).dictionary_encode(),
    "pandas Categorical": lambda: pd.Series(pd.Categorical([TWO_60, None])),
}


@pytest.mark.parametrize("name", list(CASES))
def test_integer_written_as_another_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="would be written as another") as err:
        ps.format_number(CASES[name](), locale="en", decimals=0)
    assert "`x`" in str(err.value)


def test_the_refusal_names_both_integers_and_its_advice_works() -> None:
    with pytest.raises(ValueError, match="would be written as another") as err:
        ps.format_number(TWO_60, locale="en", decimals=0)
    said = str(err.value)
    assert "1152921504606846976" in said
    assert "1152921504606847000" in said
    # "convert it to float first if 1152921504606847000 is meant":
    assert str(ps.format_number(float(TWO_60), locale="en", decimals=0)) == WRITTEN
    # "or write the integer with Python (f'{n:,}')": its own digits.
    assert f"{TWO_60:,}" == "1,152,921,504,606,846,976"


def test_integers_that_are_their_figure_are_written() -> None:
    # 10**20, 8 * 10**25 and 1152921504606847000 are the shortest decimals
    # of their float64 values; 2**53 is exact and prints as itself.
    got = ps.format_number(
        [10**20, 8 * 10**25, 1152921504606847000, 2**53, -(2**53)],
        locale="en",
        decimals=0,
    )
    assert got.tolist() == [
        "100,000,000,000,000,000,000",
        "80,000,000,000,000,000,000,000,000",
        WRITTEN,
        "9,007,199,254,740,992",
        "-9,007,199,254,740,992",
    ]


def test_2_53_plus_1_is_refused_as_before() -> None:
    with pytest.raises(ValueError, match="cannot hold exactly"):
        ps.format_number(2**53 + 1, locale="en", decimals=0)


def test_other_functions_still_read_2_60_exactly() -> None:
    # Computing with 2**60 is exact in float64: only writing it is refused.
    assert float(ps.round_half_up(TWO_60, 0)) == float(TWO_60)


def test_other_integer_types_that_are_their_figure_are_written() -> None:
    # 10**20 is the shortest decimal of its float64 (hand: 1e+20): written
    # as a Decimal, Fraction or long double as it is as an int.
    numbers: list[Any] = [Decimal(10**20), Fraction(10**20), np.longdouble(10**20)]
    for x in numbers:
        got = ps.format_number(x, locale="en", decimals=0)
        assert str(got) == "100,000,000,000,000,000,000"
