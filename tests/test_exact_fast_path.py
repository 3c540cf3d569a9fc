"""decimal_ratio skips work, never changes a bit.

:func:`povstat._exact.decimal_ratio` runs each element's floating-point
operations only where they change something (the reading it takes, the
power-of-two scalings where they are not by 2**0). It must return, element
for element and bit for bit, what the plain form running every step on
every element (``_decimal_ratio_exact``) returns.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from povstat._exact import _decimal_ratio_exact, decimal_ratio

# Short decimals (figures as published), floats of any kind (computed
# values, extremes, zeros of both signs, NaN, infinities).
_decimals = st.builds(
    lambda k, d: k / 10**d,
    st.integers(-(10**12), 10**12),
    st.integers(0, 12),
)
_values = st.one_of(
    _decimals,
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=1e-3, max_value=1e9),
    st.sampled_from([0.0, -0.0, 100.0, 1.0, 1e-300, 1.7e308, 5e-324]),
)
_arrays = st.lists(_values, min_size=1, max_size=40)


def _same_bits(x: NDArray[np.float64], y: NDArray[np.float64]) -> bool:
    """Equal to the bit, any NaN equal to any NaN."""
    both_nan = np.isnan(x) & np.isnan(y)
    return bool(np.all((x.view(np.int64) == y.view(np.int64)) | both_nan))


@settings(max_examples=300)
@given(_arrays, _arrays, _arrays, st.sampled_from(["array", "scalar den", "scalar"]))
def test_the_fast_path_gives_the_reference_bits(
    num: list[float], den: list[float], scale: list[float], kind: str
) -> None:
    size = min(len(num), len(den), len(scale))
    n = np.array(num[:size])
    d = np.array(den[:size]) if kind == "array" else np.asarray(den[0])
    s = np.array(scale[:size]) if kind != "scalar" else np.asarray(scale[0])
    fast = decimal_ratio(n, d, s)
    ref = _decimal_ratio_exact(n, d, s)
    assert fast.shape == ref.shape
    assert fast.dtype == np.float64
    assert fast.flags.writeable
    assert _same_bits(fast, ref)


def test_mixed_readings_in_one_array() -> None:
    # Half the rates are short decimals (decimal reading), half computed
    # values of 17 digits (binary reading), with zero, NaN and values near
    # float64's limits: each element as in the reference.
    # 20,000 elements: several chunks.
    rng = np.random.default_rng(7)
    rate = rng.uniform(0.5, 30.0, 20_000)
    rate[::2] = np.round(rate[::2], 2)
    pop = np.round(rng.uniform(1e3, 1e6, 20_000))
    pop[:6] = [0.0, np.nan, 1.7e308, 1e-320, 2.0**900, 3.0]
    for args in ((pop, np.asarray(100.0), rate), (rate, pop, 100.0)):
        assert _same_bits(decimal_ratio(*args), _decimal_ratio_exact(*args))
    # 0.0001 % of 0.0001 puts the decimal exponents 24 places apart, in the
    # last chunk only: the whole input then takes the stripped parts.
    rate[-1], pop[-1] = 1e-4, 1e-4
    args = (pop, np.asarray(100.0), rate)
    assert _same_bits(decimal_ratio(*args), _decimal_ratio_exact(*args))
    grid = (pop.reshape(200, 100), np.asarray(100.0), rate[:100])
    assert _same_bits(decimal_ratio(*grid), _decimal_ratio_exact(*grid))
    # 29 of 800 is 3.625 % exactly (a tie that round_half_up then rounds up).
    assert decimal_ratio(np.asarray(29.0), np.asarray(800.0), 100.0) == 3.625


def test_an_element_is_read_alone_whatever_the_others_hold() -> None:
    # 2.07286e19 * 100 / 7.1548898: the exact quotient of the decimals is
    # 289712358672526302...; as a Fraction, float(F("2.07286e21") /
    # F("7.1548898")) is 2.897123586725263e+20. Next to an element whose
    # decimal exponents lie more than 22 apart (4.26e30 / 1e-7), which
    # needs its parts with trailing zeros stripped, the element keeps the
    # reading it has alone; it once took the stripped parts too and came
    # out one unit in the last place low (2.8971235867252628e+20).
    num = np.array([2.07286e19, 4.26e30])
    den = np.array([7.1548898, 1e-7])
    together = decimal_ratio(num, den, 100.0)
    assert together[0] == 2.897123586725263e20
    assert together[0] == decimal_ratio(num[:1], den[:1], 100.0)[0]
    assert together[1] == decimal_ratio(num[1:], den[1:], 100.0)[0] == 4.26e39
    # the same held by the reference, and in the other order
    assert _decimal_ratio_exact(num, den, np.array(100.0))[0] == together[0]
    assert decimal_ratio(num[::-1], den[::-1], 100.0)[1] == together[0]
