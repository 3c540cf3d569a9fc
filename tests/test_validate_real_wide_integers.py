"""`_validate.real` reads every integer by the rule of `numeric`, whatever its type.

An integer beyond 2**53 in magnitude that float64 does not hold is refused,
whether it is a Python int, a numpy integer (signed or unsigned) or a 0-d
array holding one; before the fix only the Python int was refused and the
numpy ones were rounded silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from povstat import _validate
from povstat.statements import check_count_statement

# 2**53 + 1 = 9007199254740993 has 16 significant digits; its nearest float64
# is 2**53 = 9007199254740992.0 (the tie goes to the even mantissa), so
# float64 does not hold it.  2**64 - 1 = 18446744073709551615 (20 digits)
# has nearest float64 2**64 = 18446744073709551616.0: not held either.
NOT_HELD: list[Any] = [
    2**53 + 1,
    np.int64(2**53 + 1),
    np.int64(-(2**53) - 1),
    np.uint64(2**64 - 1),
    np.array(2**53 + 1),
    np.array(2**64 - 1, dtype=np.uint64),
]


@pytest.mark.parametrize(
    ("check", "match"),
    [
        pytest.param(
            _validate.real, r"`x` holds an integer .*cannot hold", id="real-refuses"
        ),
        # The rule `real` cites: `numeric` refuses each of them.
        pytest.param(_validate.numeric, "cannot hold", id="numeric-agrees"),
    ],
)
@pytest.mark.parametrize("value", NOT_HELD, ids=repr)
def test_every_integer_float64_does_not_hold_refused(
    check: Callable[[Any, str], Any], match: str, value: Any
) -> None:
    with pytest.raises(ValueError, match=match):
        check(value, "x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # 2**60 = 1152921504606846976 is a power of two: float64 holds it.
        (np.int64(2**60), 1152921504606846976.0),
        # 8 * 10**18 has one significant digit: the decimal 8E+18, held.
        (np.uint64(8 * 10**18), 8e18),
        (np.int64(-5), -5.0),
        (np.array(7, dtype=np.int8), 7.0),
        (2**53, 9007199254740992.0),
    ],
    ids=repr,
)
def test_real_takes_integers_float64_holds(value: Any, expected: float) -> None:
    assert _validate.real(value, "x") == expected


def test_base_rtol_numpy_integer_refused() -> None:
    # The public path the review names: base_rtol goes through `real`.
    with pytest.raises(ValueError, match="`base_rtol` holds an integer"):
        check_count_statement(
            4.26,
            187000,
            8000,
            unit="percent",
            decimals=-3,
            base_rtol=np.int64(2**53 + 1),  # type: ignore[arg-type]
        )
