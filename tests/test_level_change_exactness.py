"""The change of published levels is their exact decimal difference.

Each level is read as the decimal of at most 15 significant digits it
stands for (as round_half_up reads a figure); the change is the float
nearest to the exact difference of those decimals. References: Fraction.
"""

from __future__ import annotations

import warnings
from decimal import Decimal
from fractions import Fraction

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from povstat.statements import check_level_change_statement
from povstat.wording import describe_level_change


def _figure(k: int, d: int) -> float:
    return float(Fraction(k, 10**d) if d >= 0 else Fraction(k * 10**-d))


def test_the_reported_differences_hold() -> None:
    # 73,140,917,174,220.20 - 70,773,596,628,439.30 = 2,367,320,545,780.90
    # exactly (the float difference is 2,367,320,545,780.906).
    # Stated at 2 decimals, it holds for levels published at 2 decimals; for
    # levels at 1 decimal the stated figure is more precise than the levels
    # allow (the true change lies within 0.1 of 2,367,320,545,780.9), so the
    # published figures cannot confirm it.
    verdicts = {}
    for places in (1, 2):
        res = check_level_change_statement(
            70773596628439.3,
            73140917174220.2,
            2367320545780.9,
            direction="rise",
            stated_as="units",
            decimals=2,
            levels_decimals=places,
        )
        verdicts[places] = str(res.verdict)
    assert verdicts == {1: "cannot tell", 2: "holds"}
    assert "rose 2,367,320,545,780.90," in str(res.reason)
    # 946,864.65561 - 938,591.3657 = 8,273.28991 exactly.
    res = check_level_change_statement(
        946864.65561,
        938591.3657,
        8273.28991,
        direction="fall",
        stated_as="units",
        decimals=10,
    )
    assert str(res.verdict) == "holds"
    # Above 2**53 at the nearest 100: 1,225,044,518,910,000,000 -
    # 1,205,793,228,653,000,000 = 19,251,290,257,000,000.
    res = check_level_change_statement(
        1.205793228653e18,
        1.22504451891e18,
        1.9251290257e16,
        direction="rise",
        stated_as="units",
        decimals=-2,
        levels_decimals=-2,
    )
    assert str(res.verdict) == "holds"
    assert "rose 19,251,290,257,000,000," in str(res.reason)


@given(
    st.integers(1, 10**14),
    st.integers(0, 10**14),
    st.integers(-3, 6),
)
def test_the_change_is_the_float_nearest_the_exact_difference(
    kb: int, ka: int, d: int
) -> None:
    # Levels of at most 15 significant digits at d places (d < 0: whole
    # hundreds, say).
    b, a = _figure(kb, d), _figure(ka, d)
    exact = Fraction(Decimal(repr(a))) - Fraction(Decimal(repr(b)))
    if exact == 0:
        return
    stated = abs(float(exact))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = check_level_change_statement(
            b,
            a,
            stated,
            direction="rise" if exact > 0 else "fall",
            stated_as="units",
            decimals=d,
            levels_decimals=d,
        )
    assert float(res.figures["change"]) == float(exact)
    assert str(res.verdict) == "holds"


def test_a_relative_change_beyond_the_float_range_is_still_described() -> None:
    # 1e308 -> 5e307 is a 50 % fall; 100 * (a - b) overflows on the way.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = check_level_change_statement(
            1e308, 5e307, 50.0, direction="fall", stated_as="percent", decimals=0
        )
        text = describe_level_change(1e308, 5e307, locale="en", decimals=0)
    assert str(res.verdict) == "holds"
    assert "(a 50.00 % relative fall)" in str(res.reason)
    assert "(a 50.00 % relative fall)" in str(np.asarray(text))
