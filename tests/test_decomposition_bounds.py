from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import decompose_headcount_change, decomposition_bounds


def test_kota_malang_rate_effect_bounds_by_hand() -> None:
    # BPS Kota Malang: 4.37 % (March 2022), 4.26 % (March 2023); populations
    # 882.4 and 886.9 thousand (as implied by rate and count). By hand: the
    # fall of the rate lies in [4.255 - 4.375, 4.265 - 4.365] = [-0.12, -0.10]
    # points; times the mean population 884.65 thousand: [-1.06158, -0.88465].
    # The population effect: 4.5 thousand times a mean rate in
    # [8.62, 8.64] / 2 % -> [0.193950, 0.194400].
    b = decomposition_bounds(4.37, 4.26, 882.4, 886.9, unit="percent", rate_decimals=2)
    np.testing.assert_allclose(
        [b.rate_effect_lower, b.rate_effect_upper], [-1.06158, -0.88465], atol=1e-9
    )
    np.testing.assert_allclose(
        [b.population_effect_lower, b.population_effect_upper],
        [0.19395, 0.1944],
        atol=1e-9,
    )
    # The change: 0.04255 * 886.9 - 0.04375 * 882.4 = 37.737595 - 38.605 =
    # -0.867405, up to 0.04265 * 886.9 - 0.04365 * 882.4 = 37.826285 -
    # 38.51676 = -0.690475.
    np.testing.assert_allclose(
        [b.change_lower, b.change_upper], [-0.867405, -0.690475], atol=1e-9
    )
    frame = b.to_frame()
    assert list(frame.columns) == [
        "headcount_change_lower",
        "headcount_change_upper",
        "population_effect_lower",
        "population_effect_upper",
        "rate_effect_lower",
        "rate_effect_upper",
    ]


def test_population_rounding_widens_and_errors() -> None:
    exact = decomposition_bounds(10.0, 8.0, 1000, 1100, unit="percent", rate_decimals=0)
    rounded = decomposition_bounds(
        10.0, 8.0, 1000, 1100, unit="percent", rate_decimals=0, population_decimals=-2
    )
    assert rounded.population_effect_lower < exact.population_effect_lower
    assert rounded.population_effect_upper > exact.population_effect_upper
    with pytest.raises(ValueError, match="rounded to 1 decimals"):
        decomposition_bounds(4.37, 4.26, 1, 1, unit="percent", rate_decimals=1)
    with pytest.raises(ValueError, match="rounded to -2 decimals"):
        decomposition_bounds(
            4.0,
            4.0,
            1050,
            1100,
            unit="percent",
            rate_decimals=0,
            population_decimals=-2,
        )
    with pytest.raises(TypeError, match="`rate_decimals` must be an int"):
        decomposition_bounds(4.0, 4.0, 1, 1, unit="percent", rate_decimals=2.0)  # type: ignore[arg-type]


@given(
    st.integers(1, 9999),
    st.integers(1, 9999),
    st.floats(0, 1),
    st.floats(0, 1),
    st.floats(100, 1e6),
    st.floats(100, 1e6),
)
def test_every_true_split_lies_within_the_bounds(
    k0: int, k1: int, u0: float, u1: float, n0: float, n1: float
) -> None:
    # Published rates k/100 %; true rates anywhere in their rounding interval.
    r0, r1 = k0 / 100, k1 / 100
    t0 = r0 - 0.005 + 0.01 * u0 * 0.999999
    t1 = r1 - 0.005 + 0.01 * u1 * 0.999999
    b = decomposition_bounds(r0, r1, n0, n1, unit="percent", rate_decimals=2)
    d = decompose_headcount_change(t0, t1, n0, n1, unit="percent")
    tol = 1e-9 * max(n0, n1)
    assert b.rate_effect_lower - tol <= d.rate_effect <= b.rate_effect_upper + tol
    assert (
        b.population_effect_lower - tol
        <= d.population_effect
        <= b.population_effect_upper + tol
    )
    total = d.population_effect + d.rate_effect
    assert b.change_lower - tol <= total <= b.change_upper + tol


@given(
    r0=st.floats(0.0, 100.0),
    r1=st.floats(0.0, 100.0),
    n=st.floats(0.0, 1.7e308),
)
def test_equal_populations_have_no_population_effect(
    r0: float, r1: float, n: float
) -> None:
    # By hand: with N0 = N1 the population effect (N1 - N0)(r0 + r1)/2 is 0
    # exactly, and the whole change is the rate effect (16.15 % -> 16.25 %
    # of 1000: 0 and about 1.0, not a remainder of 4e-15).
    res = decompose_headcount_change([r0], [r1], [n], [n], unit="percent")
    assert res.population_effect[0] == 0.0
    assert res.change[0] == res.rate_effect[0]
