"""FGT with a fractional alpha where the gap is beyond float64's range.

The reference is Python's decimal at 60 digits: g = (z - y) / z exactly
(both float64, so exact as decimals), g ** alpha from decimal's exp and
ln (almost always correctly rounded at that precision), the mean over the
units, rounded once to float64. The measure must be within 2 ulp of it,
where computing alpha * e in float64 and its fraction after lost up to
300 ulp.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from povstat import fgt


def _exact(y: list[float], z: float, alpha: float) -> float:
    with localcontext() as ctx:
        ctx.prec = 60
        dz = Decimal(z)
        total = Decimal(0)
        for v in y:  # a loop in the test only: the reference
            if v < z:
                total += ((dz - Decimal(v)) / dz) ** Decimal(alpha)
        return float(total / len(y))


def _ulps(got: float, want: float) -> float:
    return abs(got - want) / math.ulp(want)


def test_the_reported_case() -> None:
    # (9.1e-133 + 8.43e257) / 9.1e-133 = 9.26e389 beyond float64; its power
    # 0.7 is 9.477e272, halved (the other unit is not poor): 4.7386e272.
    y, z = [-8.42978420912987e257, 1.0], 9.10180523177523e-133
    got = float(fgt(y, z, alpha=0.7, unit="fraction"))
    want = _exact(y, z, 0.7)
    assert want == 4.738623981782377e272  # the value stated in the report
    assert _ulps(got, want) <= 2


@settings(max_examples=150, deadline=None)
@given(
    exp_y=st.integers(100, 307),
    exp_z=st.integers(-300, -100),
    mant=st.floats(1.0, 9.99),
    alpha=st.floats(0.05, 3.0).filter(lambda a: a != round(a)),
)
def test_fractional_alpha_within_two_ulp(
    exp_y: int, exp_z: int, mant: float, alpha: float
) -> None:
    y = [-mant * 10.0**exp_y, 1.0]
    z = 10.0**exp_z
    want = _exact(y, z, alpha)
    if not math.isfinite(want) or want == 0.0:
        return  # beyond float64: inf, checked elsewhere
    got = float(np.asarray(fgt(y, z, alpha=alpha, unit="fraction")))
    assert _ulps(got, want) <= 2
