"""Standard errors of measures whose deviations are near float64's subnormals.

The variance sums the squares of the linearised deviations
``z_i = w_i (t_i - R) / W``. Where a domain's largest term (or largest
weighted term over the largest weight) is below ``2**(bit_length(rows) -
500)``, those squares are near or below ``2**-1022`` and lose their
digits. Wherever the variance is formed from deviations (numpy, eager
frames, any frame with `psu`), the deviations are multiplied by a power of
two before they are squared: the standard error is right, and only the
design effect (from sums of weights times squared terms) is warned of.
Lazy engines without `psu` sum squares on the engine: still warned of.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from typing import Any

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

from backends import collect, from_pandas
from povstat import poverty_estimates, poverty_table


def _exact_se(
    y: list[float], w: list[float], alpha: int, psu: list[int] | None = None
) -> float:
    """Exact linearised SE (one stratum, with replacement), by fractions.

    var = n/(n-1) sum_j (u_j - mean u)^2 over the PSUs j, u_j the sum of
    z_i = w_i (t_i - R) / W over the PSU's units, t_i = (1 - y_i)**alpha
    for the poor (line 1), R = sum w t / W: Binder (1983), the formula of
    R ``survey``'s ``svyratio`` for a total over a total.
    """
    t = [Fraction(1 - Fraction(v)) ** alpha if v < 1 else Fraction(0) for v in y]
    wf = [Fraction(x) for x in w]
    total = Fraction(sum(wf))
    ratio = Fraction(sum(a * b for a, b in zip(wf, t, strict=True))) / total
    z = [wi * (ti - ratio) / total for wi, ti in zip(wf, t, strict=True)]
    groups = list(range(len(y))) if psu is None else psu
    u: dict[int, Fraction] = {}
    for g, zi in zip(groups, z, strict=True):
        u[g] = u.get(g, Fraction(0)) + zi
    n = len(u)
    mean = Fraction(sum(u.values())) / n
    var = Fraction(n, n - 1) * sum((x - mean) ** 2 for x in u.values())
    # sqrt of a Fraction far below float64's normal range: scaled by 2**1200
    # (exact), its square root, then scaled back by 2**-600 (exact).
    return math.sqrt(float(var * 2**1200)) * 2.0**-600


# FGT(20), line 1. The first unit's term is 2**(-24*20) = 2**-480, but its
# weight is 2**-70 (weighted 2**-550); the others' terms are 2**-544,
# 2**-546, 2**-538 with weights near 1, and the last is not poor. Every
# deviation is about 2**-540, every square about 2**-1080 (subnormal): the
# standard error came out 0. Exact (fractions): 2.6265753725563703e-163.
_Y = [1 - 2**-24, 1 - 2**-27.2, 1 - 2**-27.3, 1 - 2**-26.9, 1.5]
# Weights times 2**10 (expansion weights above the units, so no warning of
# their scale; the SE depends on the ratios alone).
_W = [2**-60, 1024.0, 819.2, 921.6, 1024.0]
_SE = 2.6265753725563703e-163
_DEFF = "design effect may be inaccurate"


def test_hand_case_is_exact() -> None:
    assert _exact_se(_Y, _W, 20) == pytest.approx(_SE, rel=1e-15)
    with pytest.warns(UserWarning, match=_DEFF):
        r = poverty_estimates(_Y, 1.0, unit="fraction", alpha=20, weights=_W)
    assert float(r.se[0]) == pytest.approx(_SE, rel=1e-12)
    # The same with PSUs of two units (exact SE from the PSU totals).
    psu = [1, 1, 2, 3, 3]
    with pytest.warns(UserWarning, match=_DEFF):
        r = poverty_estimates(_Y, 1.0, unit="fraction", alpha=20, weights=_W, psu=psu)
    assert float(r.se[0]) == pytest.approx(_exact_se(_Y, _W, 20, psu), rel=1e-12)


def _table(kind: str, df: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
    out = collect(poverty_table(from_pandas(kind, df), **kwargs))
    return out if isinstance(out, pd.DataFrame) else out.to_pandas()


@pytest.mark.parametrize("kind", ["pandas", "polars", "polars-lazy", "duckdb"])
def test_engines_with_psu_give_the_exact_se(kind: str) -> None:
    df = pd.DataFrame({"y": _Y, "w": _W, "p": [1, 2, 3, 4, 5]})
    with pytest.warns(UserWarning, match=_DEFF):
        out = _table(
            kind,
            df,
            welfare="y",
            line=1.0,
            unit="fraction",
            alpha=20,
            weight="w",
            psu="p",
        )
    assert float(out["se"].iloc[0]) == pytest.approx(_SE, rel=1e-12)


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_eager_engines_without_psu_give_the_exact_se(kind: str) -> None:
    df = pd.DataFrame({"y": _Y, "w": _W})
    with pytest.warns(UserWarning, match=_DEFF):
        out = _table(
            kind, df, welfare="y", line=1.0, unit="fraction", alpha=20, weight="w"
        )
    assert float(out["se"].iloc[0]) == pytest.approx(_SE, rel=1e-12)


@pytest.mark.parametrize("kind", ["polars-lazy", "duckdb"])
def test_lazy_engines_without_psu_still_warn_of_the_se(kind: str) -> None:
    # Their sums of squared weights times squared terms are formed on the
    # engine, below 2**-1022: the SE is warned of, with the advice of `psu`.
    df = pd.DataFrame({"y": _Y, "w": _W})
    with pytest.warns(UserWarning, match="standard error and design effect.*`psu`"):
        _table(kind, df, welfare="y", line=1.0, unit="fraction", alpha=20, weight="w")


@settings(max_examples=40, deadline=None)
@given(
    gaps=st.lists(st.floats(24.0, 28.0), min_size=3, max_size=8),
    tiny=st.integers(0, 90),
    alpha=st.integers(18, 22),
)
def test_small_deviations_match_the_exact_se(
    gaps: list[float], tiny: int, alpha: int
) -> None:
    # Terms 2**(-alpha * gap), about 2**-430 to 2**-620, the first unit of
    # weight 2**-tiny; one unit above the line. Whatever the weights' and
    # terms' sizes, the SE from rescaled deviations is the exact one to
    # about 1e-13 (float64 deviations, each a few roundings).
    y = [1 - 2.0**-g for g in gaps] + [1.5]
    w = [2.0**-tiny] + [1.0 + i / 8 for i in range(len(gaps))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = poverty_estimates(y, 1.0, unit="fraction", alpha=alpha, weights=w)
    exact = _exact_se(y, w, alpha)
    assert float(r.se[0]) == pytest.approx(exact, rel=1e-11)


def test_ordinary_data_unchanged_bit_for_bit() -> None:
    # Ordinary terms get no power (the exponents are all 0): the SE is the
    # plain formula's. Hand check: y = [1, 2, 3, 5], line 4, alpha 0,
    # weights 1: P0 = 3/4, z_i = (t_i - 3/4)/4 = [1, 1, 1, -3]/16,
    # var = 4/3 * sum z^2 = 4/3 * 12/256 = 1/16, SE 0.25.
    r = poverty_estimates([1.0, 2.0, 3.0, 5.0], 4.0, unit="fraction", alpha=0)
    assert float(r.se[0]) == 0.25
    assert np.isfinite(r.deff).all() or np.isinf(r.deff).all()
