"""Python and numpy integers beyond 2**53 are read by the rule for a Decimal."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

from povstat import relative_change
from povstat._validate import numeric


def _obj(x: object) -> NDArray[np.object_]:
    return np.array([x], dtype=object)


def test_short_decimal_integers_are_read_as_the_decimal() -> None:
    # 8 * 10**25 is the decimal 8E+25 (1 significant digit), as
    # Decimal("8E+25") is: 8e25 -> 8.01e25 is 0.01 / 8 = 0.125 % (by hand).
    assert float(relative_change(8 * 10**25, 801 * 10**23)) == 0.125
    assert (
        float(relative_change(_obj(Decimal("8E+25")), _obj(Decimal("8.01E+25")))[0])
        == 0.125
    )
    assert (
        float(
            relative_change(_obj(Fraction(8 * 10**25)), _obj(Fraction(801 * 10**23)))[0]
        )
        == 0.125
    )
    # In int64 arrays and nullable columns too: 999999999999999000 (15
    # digits; its nearest float64 is 999999999999998976) -> 10**18 is
    # 1000 / 999999999999999000 * 100 = 1e-13 % (by hand, to 15 digits).
    big = np.array([999999999999999000], dtype=np.int64)
    assert float(relative_change(big, 10**18)[0]) == pytest.approx(1e-13, rel=1e-14)
    col = pd.Series([999999999999999000, None], dtype="Int64")
    assert float(relative_change(col, 10**18)[0]) == pytest.approx(1e-13, rel=1e-14)


def test_long_integers_float64_cannot_hold_are_refused() -> None:
    # 2**53 + 1 (16 digits; nearest float64 2**53) and 10**30 + 1 (31
    # digits; nearest 1e30) are not held, in every container.
    for value in (2**53 + 1, 10**30 + 1):
        match = (
            r"`before` holds an integer that float64 \(povstat's arithmetic\) "
            rf"cannot hold exactly: {value} \(beyond 2\*\*53 in magnitude, with "
            r"more than 15 significant digits, and its nearest float64 is "
        )
        with pytest.raises(ValueError, match=match):
            relative_change(value, 1)
        with pytest.raises(
            ValueError, match=match.replace(f": {value}", f": {value} at index 1")
        ):
            relative_change([1, value], 1)
    with pytest.raises(ValueError, match=r"9007199254740993 at index 0"):
        relative_change(np.array([2**53 + 1]), 1)
    with pytest.raises(ValueError, match=r"9007199254740993 at index 0"):
        relative_change(pd.Series([2**53 + 1, None], dtype="Int64"), 1)


@given(
    st.one_of(
        st.integers(2**53, 10**40),
        st.builds(
            lambda m, e: m * 10**e, st.integers(1, 10**15 - 1), st.integers(0, 24)
        ),
        st.builds(
            lambda m, e: m * 10**e, st.integers(10**15, 10**17), st.integers(0, 20)
        ),
    )
)
def test_an_integer_is_held_exactly_when_its_decimal_is(n: int) -> None:
    # One rule: an int is accepted exactly when Decimal(n) is, and read as
    # the same float64 (the oracle: the decimal itself).
    def read(x: object) -> float | None:
        try:
            return float(numeric(np.array([x], dtype=object), "x")[0])
        except ValueError:
            return None

    as_int, as_dec = read(n), read(Decimal(n))
    assert as_int == as_dec
    digits = len(str(n).rstrip("0"))
    if digits <= 15:
        assert as_int == float(Fraction(n))
