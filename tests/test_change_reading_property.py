"""recovery_share and rate_change follow the documented reading of their inputs.

docs/user_guide/units.rst: a change reads its inputs together; where all are
decimals of at most 15 significant digits (from about 1e-8 to 1e36), the
differences are exact on those decimals; where one has more digits, all are
read as their exact binary values. Either way the result is rounded once.
The reference here is :class:`fractions.Fraction`, independent of the code.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from povstat import rate_change, recovery_share


def _short(x: float) -> bool:
    """A decimal of at most 15 significant digits (its shortest repr)."""
    digits = repr(x).split("e")[0].lstrip("-").replace(".", "").strip("0")
    return len(digits) <= 15


def _read(*xs: float) -> list[Fraction]:
    """The values as a change reads them: all decimals, or all binary."""
    if all(_short(x) for x in xs):
        return [Fraction(repr(x)) for x in xs]
    return [Fraction(x) for x in xs]


#: A published rate in percent: 0 to 3 decimals, from 1 to 99.
_figure = st.builds(
    lambda n, d: round(n / 1000, d),
    st.integers(1_000, 99_000),
    st.integers(0, 3),
)


@st.composite
def _value(draw: st.DrawFn) -> float:
    """A figure, or a neighbouring float of sixteen or more digits."""
    x: float = draw(_figure)
    step = draw(st.sampled_from([0, 0, 1, -1, 2]))
    for _ in range(abs(step)):
        x = math.nextafter(x, math.inf if step > 0 else -math.inf)
    return x


def test_the_literal_with_seventeen_digits_is_the_short_float() -> None:
    # 10.300000000000001 parses to the float64 of 10.3 (0x1.499999999999ap+3):
    # a decimal of 3 digits, read as 10.3, so the share is exactly 37.5.
    assert 10.300000000000001 == 10.3
    assert float(recovery_share(9.8, 10.6, 10.300000000000001)) == 37.5
    # The next float up has 17 digits: all three are read as binary values.
    up = math.nextafter(10.3, 11)
    b, p, c = (Fraction(x) for x in (9.8, 10.6, up))
    assert float(recovery_share(9.8, 10.6, up)) == float(100 * (p - c) / (p - b))


@given(_value(), _value(), _value())
def test_recovery_share_is_the_documented_reading(b: float, p: float, c: float) -> None:
    fb, fp, fc = _read(b, p, c)
    got = float(recovery_share(b, p, c))
    if fp <= fb:
        assert math.isnan(got)
    else:
        assert got == float(100 * (fp - fc) / (fp - fb))


@given(_value(), _value())
def test_rate_change_is_the_documented_reading(b: float, a: float) -> None:
    fb, fa = _read(b, a)
    c = rate_change(b, a, unit="percent")
    assert float(c.points) == float(fa - fb)
    assert float(c.relative) == float(100 * (fa - fb) / fb)
    assert np.shape(c.points) == ()
