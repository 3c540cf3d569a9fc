"""implied_population_interval: each bound is the float64 nearest its exact value."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povstat as ps


def _exact(
    rate: Decimal, count: Decimal, dr: int, dh: int, scale: int
) -> tuple[float, float]:
    """The exact open interval (H_lo / P0_hi, H_hi / P0_lo) * scale, rounded."""
    hp = Fraction(1, 2) / Fraction(10) ** dr
    hc = Fraction(1, 2) / Fraction(10) ** dh
    p, c = Fraction(rate), Fraction(count)
    lower = max(c - hc, Fraction(0)) / min(p + hp, Fraction(scale)) * scale
    upper = (c + hc) / (p - hp) * scale if p - hp > 0 else None
    return float(lower), (np.inf if upper is None else float(upper))


def test_reported_case() -> None:
    # 8.11 % and 4237.32 thousand: (4237.315 / 8.115) * 100 =
    # 52215.834873690696...: nearest float 52215.8348736907 (float
    # arithmetic on the rounded bounds gives 52215.834873690685, two units
    # in the last place inside); (4237.325 / 8.105) * 100 =
    # 52280.382479950647...: 52280.38247995065.
    iv = ps.implied_population_interval(
        8.11, 4237.32, unit="percent", rate_decimals=2, headcount_decimals=2
    )
    assert float(iv.lower) == 52215.8348736907
    assert float(iv.upper) == 52280.38247995065
    assert (float(iv.lower), float(iv.upper)) == _exact(
        Decimal("8.11"), Decimal("4237.32"), 2, 2, 100
    )


@pytest.mark.parametrize(
    ("rate", "count", "lower", "upper"),
    [
        # A rate of 0.00 may be 0: no upper bound; 0.005 % of N is 4.995 or
        # more: N > 4.995 / 0.005 * 100 = 99900.
        (0.0, 5.0, 99900.0, np.inf),
        # 100.00 % cannot exceed 100 %: the lower bound is 2.995 itself;
        # the upper 3.005 / 99.995 * 100 = 3.00515025751...
        (100.0, 3.0, 2.995, float(Fraction("3.005") / Fraction("99.995") * 100)),
        # No poor (0.00 thousand): the lower bound is 0; the upper is
        # 0.005 / 0.005 * 100 = 100.
        (0.01, 0.0, 0.0, 100.0),
    ],
)
def test_edges(rate: float, count: float, lower: float, upper: float) -> None:
    iv = ps.implied_population_interval(
        rate, count, unit="percent", rate_decimals=2, headcount_decimals=2
    )
    assert float(iv.lower) == lower
    assert float(iv.upper) == upper


@given(
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=10**9),
    st.sampled_from([(2, 2), (1, 0), (3, -1), (0, 3), (2, -3)]),
    st.sampled_from(["percent", "fraction"]),
)
def test_bounds_are_nearest_to_exact(
    k_rate: int, k_count: int, places: tuple[int, int], unit: str
) -> None:
    dr, dh = places
    scale = 100 if unit == "percent" else 1
    rate = Decimal(min(k_rate, scale * 10**dr)).scaleb(-dr)
    count = Decimal(k_count).scaleb(-dh)
    iv = ps.implied_population_interval(
        float(rate),
        float(count),
        unit=unit,  # type: ignore[arg-type]
        rate_decimals=dr,
        headcount_decimals=dh,
    )
    assert (float(iv.lower), float(iv.upper)) == _exact(rate, count, dr, dh, scale)
