"""Weighted sums of FGT terms from the exact products ``w * t``.

Each weight times its term is kept as ``p + e`` (Dekker's product) before
the exact sums, so that P1 and P2 are the float64 nearest the exact ratio
of the weighted sums of the float64 terms (at worst its neighbour), as
P0 is, on numpy and on eager frames; the oracle is Python's ``Fraction``.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import Unit, fgt, poverty_estimates, poverty_table
from povstat.poverty_measures import NUMPY_OPS, unit_terms


def _exact(y: list[float], w: list[float], alpha: float, scale: float) -> Fraction:
    """The exact ratio of the weighted sums of the float64 terms, times scale."""
    yy = np.asarray(y)
    (t,) = unit_terms(
        yy, np.full(yy.shape, 100.0), alphas=[alpha], watts=False,
        comparison="<", ops=NUMPY_OPS,
    )  # fmt: skip
    num = sum((Fraction(a) * Fraction(float(b)) for a, b in zip(w, t, strict=True)),
              Fraction(0))  # fmt: skip
    return num * Fraction(scale) / sum(map(Fraction, w), Fraction(0))


def test_two_units_reported() -> None:
    # (100 - 67.27) / 100 and (100 - 75.18) / 100 as float64, weighted by
    # 831.14... and 145537772.86...: the exact ratio is 0.248200451725006126...,
    # whose nearest float64 is 0.24820045172500613 (the rounded products gave
    # 0.2482004517250061, 1.24 units in the last place below).
    y = [67.27, 75.18]
    w = [831.1431959631046, 145537772.86682293]
    assert float(_exact(y, w, 1.0, 1.0)) == 0.24820045172500613
    assert float(fgt(y, 100.0, unit="fraction", alpha=1, weights=w)) == (
        0.24820045172500613
    )
    assert float(fgt(y, 100.0, unit="percent", alpha=1, weights=w)) == (
        24.820045172500613
    )
    est = poverty_estimates(y, 100.0, unit="fraction", alpha=1, weights=w)
    assert est.estimate.tolist() == [0.24820045172500613]
    for frame in (pd.DataFrame({"y": y, "w": w}), pl.DataFrame({"y": y, "w": w})):
        out = poverty_table(
            frame, welfare="y", weight="w", line=100.0, unit="fraction", alpha=1
        )
        assert list(out["estimate"]) == [0.24820045172500613]


@given(
    st.lists(
        st.tuples(
            st.floats(1.0, 99.99, allow_subnormal=False),
            st.floats(1e-8, 1e11, allow_subnormal=False),
        ),
        min_size=2,
        max_size=40,
    ),
    st.sampled_from([1.0, 2.0]),
    st.sampled_from([1.0, 100.0]),
)
def test_within_one_unit_in_the_last_place(
    units: list[tuple[float, float]], alpha: float, scale: float
) -> None:
    # Every welfare below the line of 100: every unit is poor.
    y = [u[0] for u in units]
    w = [u[1] for u in units]
    exact = _exact(y, w, alpha, scale)
    unit: Unit = "fraction" if scale == 1.0 else "percent"
    got = float(fgt(y, 100.0, unit=unit, alpha=alpha, weights=w))
    with warnings.catch_warnings():
        # Weights totalling at most the units warn of deff (not looked at).
        warnings.simplefilter("ignore", UserWarning)
        est = poverty_estimates(y, 100.0, unit=unit, alpha=alpha, weights=w)
    for value in (got, float(est.estimate[0])):
        # The nearest float64, or at worst its neighbour: under 1 ulp away.
        assert abs(Fraction(value) - exact) < Fraction(math.ulp(float(exact)))


@pytest.mark.parametrize("alpha", [0, 1, 2])
def test_products_kept_whatever_the_row_order(alpha: int) -> None:
    rng = np.random.default_rng(7)
    y = rng.uniform(10, 99, 500)
    w = np.exp(rng.uniform(-15, 25, 500))
    a = fgt(y, 100.0, unit="percent", alpha=alpha, weights=w)
    order = rng.permutation(500)
    b = fgt(y[order], 100.0, unit="percent", alpha=alpha, weights=w[order])
    assert float(a) == float(b)
