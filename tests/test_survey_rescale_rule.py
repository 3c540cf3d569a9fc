"""One rule, for numpy and every engine, for rescaling the weights.

The estimates and standard errors of a domain depend only on its weights'
ratios: multiplying every weight by a power of two 2**k is exact, so it
must give bit-identical estimates and standard errors (and design effects)
on one engine, at every k for which the weights stay normal floats. The
rule that rescales (weights whose sums, squares, or squares times squared
terms could leave float64's normal range) and the rule that refuses terms
too large for their squares are stated on the data alone, so every engine
and every scale gives the same outcome.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

from backends import collect, from_pandas
from povstat import poverty_estimates, poverty_table
from povstat.poverty_measures import large_weight

_KINDS = ["pandas", "polars", "polars-lazy", "duckdb"]


@pytest.fixture(autouse=True)
def _no_runtime_warnings() -> Iterator[None]:
    # No numpy RuntimeWarning (overflow, invalid value) reaches the caller.
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        yield


def _table(kind: str, df: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
    out = collect(poverty_table(from_pandas(kind, df), **kwargs))
    return out if isinstance(out, pd.DataFrame) else out.to_pandas()


def _bits(x: Any) -> bytes:
    return np.asarray(x, np.float64).tobytes()


@pytest.mark.parametrize("kind", _KINDS)
def test_equal_weights_near_the_square_of_their_total(kind: str) -> None:
    # 1000 units, welfare 0..999, line 400: 400 poor, P0 = 40 %. Equal
    # weights, each unit its own PSU: var = p (1 - p) / (n - 1)
    # = 0.24 / 999, se = 100 * sqrt(0.24 / 999) = 1.5499685165842...%, and
    # deff = 1 (weights totalling far above the units). Weights 2**k up
    # to where their total's square (1000 w)**2 would overflow (2**501 and
    # above, 1e152 among them) give the figures of weights 2**300 bit for
    # bit, never a standard error of 0.
    n = 1000
    want = 100 * math.sqrt(0.24 / 999)
    ref = None
    for w in [2.0**300, 2.0**500, 2.0**501, 1e152, 2.0**506, 2.0**510, 2.0**600]:
        df = pd.DataFrame({"y": np.arange(n) * 1.0, "w": w})
        kw = dict(welfare="y", line=400.0, unit="percent", alpha=0, weight="w")
        got = _table(kind, df, **kw)
        assert got["estimate"][0] == pytest.approx(40.0, rel=1e-14)
        assert got["se"][0] == pytest.approx(want, rel=1e-12)
        assert got["deff"][0] == pytest.approx(1.0, rel=1e-12)
        if w == 1e152:  # not a power of two: equal weights all the same
            continue
        if ref is None:
            ref = got
        assert _bits(got["se"]) == _bits(ref["se"])
        assert _bits(got["deff"]) == _bits(ref["deff"])


@pytest.mark.parametrize("kind", _KINDS)
def test_small_weights_with_small_terms_scale_exactly(kind: str) -> None:
    # Gaps of 2e-9 and 1e-9 (P1 terms) and their squares (P2, 4e-18 and
    # 1e-18) with weights near 1e-150: squared weights times squared terms
    # are subnormal (1e-300 * 1e-36) although the squared weights are not.
    # The same design at weights 1..7 (times 2**0) is the reference: every
    # scale 2**k gives its figures bit for bit, SEs nonzero.
    n = 30
    y = np.full(n, 1500.0)
    y[1::3] = 1000 * (1 - 2e-9)
    y[2::3] = 1000 * (1 - 1e-9)
    pattern = np.arange(1, n + 1) % 7 + 1.0
    kw = dict(welfare="y", line=1000.0, unit="fraction", alpha=[1, 2], weight="w")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # weights total < units
        ref = _table(kind, pd.DataFrame({"y": y, "w": pattern}), **kw)
        assert (ref["se"] > 0).all()
        for k in [-490, -497, -500, -520, -900, 200, 480]:
            df = pd.DataFrame({"y": y, "w": np.ldexp(pattern, k)})
            got = _table(kind, df, **kw)
            assert _bits(got["estimate"]) == _bits(ref["estimate"])
            assert _bits(got["se"]) == _bits(ref["se"])


@pytest.mark.parametrize("kind", _KINDS)
def test_large_weights_with_large_terms_are_not_refused(kind: str) -> None:
    # Gaps of 1001 and 1501 at line 1: P2 terms 1.002e6 and 2.253e6, whose
    # squares times squared weights near 2**500 overflow; the weights are
    # rescaled, the figures those of weights 1, 2, 3, 1 (times 2**0) bit
    # for bit on each engine. P2 = (1 * 1001**2 + 2 * 1501**2) / 7
    # = 787 000.857142..., by hand.
    y = [-1000.0, -1500.0, 50.0, 200.0]
    pattern = np.array([1.0, 2.0, 3.0, 1.0])
    kw = dict(welfare="y", line=1.0, unit="fraction", alpha=2, weight="w")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # weights total < units
        ref = _table(kind, pd.DataFrame({"y": y, "w": pattern}), **kw)
    assert ref["estimate"][0] == pytest.approx((1001**2 + 2 * 1501**2) / 7, rel=1e-14)
    for k in [490, 495, 498, 500, 505, 900]:
        got = _table(kind, pd.DataFrame({"y": y, "w": np.ldexp(pattern, k)}), **kw)
        assert _bits(got["estimate"]) == _bits(ref["estimate"])
        assert _bits(got["se"]) == _bits(ref["se"])
        assert np.isfinite(got["se"]).all()


def test_the_trigger_is_the_square_of_the_total() -> None:
    # Below the bound, `rows` weights total under 2**511: the square of
    # the total is finite.
    for rows in [1, 2, 1000, 345_000, 10**9]:
        assert (rows * large_weight(rows)) ** 2 < 2.0**1023
        assert large_weight(rows) >= 2.0**510 / rows


_Y_FINE = [-1e70, 150.0, 100.0, -5e69, 90.0, 130.0]
_Y_HUGE = [-1e83, 150.0, 100.0, -5e82, 90.0, 130.0]
_W = np.array([1.0, 2.0, 3.0, 1.0, 2.0, 2.0])
_P = [1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize("psu", [_P, None])
def test_terms_refused_or_not_at_every_scale(psu: list[int] | None) -> None:
    # P2 terms: (1 + 1e83)**2 = 1e166, whose squares (1e332) overflow at any
    # weights: refused at every scale (the bound for 6 rows is
    # 2**((1021 - 3) // 2) = 2**509, 1.7e153). Terms 1e140 (squares 1e280,
    # six of them below 2**1021) give a standard error at every scale, the
    # same bits as at weights 1.
    warnings.simplefilter("ignore", UserWarning)  # weights total < units
    ref = poverty_estimates(_Y_FINE, 1.0, unit="fraction", alpha=2, weights=_W, psu=psu)
    assert np.isfinite(ref.se).all()
    assert (ref.se > 0).all()
    for k in [-1000, -600, -289, -200, 0, 300, 500, 700, 1000]:
        w = np.ldexp(_W, k)
        got = poverty_estimates(
            _Y_FINE, 1.0, unit="fraction", alpha=2, weights=w, psu=psu
        )
        assert _bits(got.se) == _bits(ref.se)
        assert _bits(got.estimate) == _bits(ref.estimate)
        with pytest.raises(ValueError, match="the FGT or Watts terms overflow"):
            poverty_estimates(
                _Y_HUGE, 1.0, unit="fraction", alpha=2, weights=w, psu=psu
            )


@pytest.mark.parametrize("kind", _KINDS)
def test_terms_refused_on_every_engine(kind: str) -> None:
    df = pd.DataFrame({"y": _Y_HUGE, "w": np.ldexp(_W, -289)})
    with pytest.raises(ValueError, match="the FGT or Watts terms overflow"):
        _table(kind, df, welfare="y", line=1.0, unit="fraction", alpha=2, weight="w")


@pytest.mark.parametrize("kind", _KINDS)
def test_terms_too_small_for_their_squares_are_warned_of(kind: str) -> None:
    # P(600) terms 0.5**600 = 2.4e-181 and 0.1**600: their squares are
    # below 2**-1000, near the subnormals, at every scale of the weights:
    # warned of on every engine (numpy's deviations and a lazy engine's
    # squared weights alike); P0 (terms 1) is not.
    df = pd.DataFrame({"y": [0.5, 0.9, 1.5, 0.7], "w": [1.0, 2.0, 3.0, 4.0]})
    with pytest.warns(UserWarning, match=r"the terms of FGT\(600\) .* lose"):
        _table(
            kind, df, welfare="y", line=1.0, unit="fraction", alpha=[0, 600], weight="w"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _table(
            kind, df, welfare="y", line=1.0, unit="fraction", alpha=[0, 2], weight="w"
        )


@pytest.mark.parametrize("kind", ["polars-lazy", "duckdb"])
def test_a_domain_of_small_weights_beside_ordinary_ones(kind: str) -> None:
    # Domain "a": the small gaps of the test above with weights near
    # 1e-150 (their squares times squared P2 terms subnormal); domain "b":
    # the same units with weights 1..7. Each domain's figures are its own
    # units' alone, so "a" has the figures of "b" (its weights are b's times
    # 2**-498, a power of two), on the lazy engine as on pandas.
    n = 30
    y = np.full(n, 1500.0)
    y[1::3] = 1000 * (1 - 2e-9)
    y[2::3] = 1000 * (1 - 1e-9)
    pattern = np.arange(1, n + 1) % 7 + 1.0
    df = pd.DataFrame(
        {
            "y": np.concatenate([y, y]),
            "w": np.concatenate([np.ldexp(pattern, -498), pattern]),
            "d": ["a"] * n + ["b"] * n,
        }
    )
    kw = dict(
        welfare="y", line=1000.0, unit="fraction", alpha=[1, 2], weight="w", by="d"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # weights total < units
        got = _table(kind, df, **kw).sort_values(["d", "measure"])
        eager = _table("pandas", df, **kw).sort_values(["d", "measure"])
    se = got["se"].to_numpy().reshape(2, 2)
    assert (se > 0).all()
    np.testing.assert_allclose(se[0], se[1], rtol=1e-12)
    np.testing.assert_allclose(se, eager["se"].to_numpy().reshape(2, 2), rtol=1e-12)
