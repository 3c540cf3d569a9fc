"""Standard errors of a share near 1 carried by a unit of huge weight.

The linearised deviation of a unit is ``w_i (t_i - R) / W``. With weights
2**60, 1, 2 and 3 and the first unit alone poor, R = 2**60 / (2**60 + 6)
rounds to 1.0 and the poor unit's plain deviation ``2**60 - 1.0 * 2**60``
is 0, where it is 6 / (1 + 6 * 2**-60) exactly: the standard error came
out 2.2395e-18 where it is 7.0820e-18. The deviations are then formed
again with the ratio's remainder and exact products (compensated).
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction
from typing import Any

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import given, settings

from backends import collect, from_pandas
from povstat import poverty_estimates, poverty_table


def _exact_se(poor: list[bool], w: list[float]) -> float:
    """Exact SE of the headcount ratio, each unit its own PSU, one stratum.

    var = n/(n-1) sum (z_i - mean z)^2, z_i = w_i (t_i - R) / W, t_i the
    poverty indicator, R = sum w t / W (Binder 1983; R ``survey``'s
    linearisation of a ratio), in fractions; the square root scaled by
    powers of two (exact) to stay in float64's range.
    """
    t = [Fraction(int(p)) for p in poor]
    wf = [Fraction(x) for x in w]
    total = Fraction(sum(wf))
    ratio = Fraction(sum(a * b for a, b in zip(wf, t, strict=True))) / total
    z = [wi * (ti - ratio) / total for wi, ti in zip(wf, t, strict=True)]
    n = len(z)
    mean = Fraction(sum(z)) / n
    var = Fraction(n, n - 1) * sum((x - mean) ** 2 for x in z)
    return math.sqrt(float(var * 2**800)) * 2.0**-400


_Y = [0.5, 1.5, 2.0, 3.0]


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        # Worked above: 7.0820e-18 at 2**60 (and 5.7208e-45 at 2**150).
        (60, 7.081978934950617e-18),
        (150, 5.720777024902431e-45),
    ],
)
def test_hand_cases(k: int, expected: float) -> None:
    w = [2.0**k, 1.0, 2.0, 3.0]
    assert _exact_se([True, False, False, False], w) == pytest.approx(
        expected, rel=1e-15
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the weights' scale (deff)
        cases: list[dict[str, Any]] = [{}, {"size": [1] * 4}, {"psu": [1, 2, 3, 4]}]
        for kwargs in cases:
            r = poverty_estimates(
                _Y, 1.0, unit="fraction", alpha=0, weights=w, **kwargs
            )
            assert float(r.se[0]) == pytest.approx(expected, rel=1e-12)


def _table(kind: str, df: pd.DataFrame, **kwargs: Any) -> pd.DataFrame:
    out = collect(poverty_table(from_pandas(kind, df), **kwargs))
    return out if isinstance(out, pd.DataFrame) else out.to_pandas()


@pytest.mark.parametrize(
    ("kind", "psu"),
    [
        ("pandas", None),
        ("polars", None),
        ("pandas", "p"),
        ("polars-lazy", "p"),
        ("duckdb", "p"),
    ],
)
def test_engines_with_deviations(kind: str, psu: str | None) -> None:
    # Weights times 2**10 (expansion weights: no warning of their scale).
    df = pd.DataFrame(
        {"y": _Y, "w": [2.0**70, 1024.0, 2048.0, 3072.0], "p": [1, 2, 3, 4]}
    )
    out = _table(
        kind, df, welfare="y", line=1.0, unit="fraction", alpha=0, weight="w", psu=psu
    )
    assert float(out["se"].iloc[0]) == pytest.approx(7.081978934950617e-18, rel=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    k=st.integers(20, 300),
    others=st.lists(st.floats(0.5, 8.0), min_size=2, max_size=6),
    also_poor=st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_matches_the_exact_se(
    k: int, others: list[float], also_poor: list[bool]
) -> None:
    # A unit of weight 2**k, poor, beside units of ordinary weight, some
    # poor: the share is within about 2**-k of 1 or of another value; the
    # SE is the exact one to 1e-12 whatever k.
    w = [2.0**k, *others]
    poor = [True, *also_poor[: len(others)]]
    y = [0.5 if p else 1.5 for p in poor]
    if all(poor):
        poor[-1] = False
        y[-1] = 1.5
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = poverty_estimates(y, 1.0, unit="fraction", alpha=0, weights=w)
    assert float(r.se[0]) == pytest.approx(_exact_se(poor, w), rel=1e-12)


def test_ordinary_share_unchanged() -> None:
    # Not near 1: the plain deviations, bit for bit. Hand check: weights 1,
    # one poor of four: P0 = 1/4, z = [3, -1, -1, -1]/16, var = 4/3 *
    # 12/256 = 1/16, SE 0.25 exactly.
    r = poverty_estimates(_Y, 1.0, unit="fraction", alpha=0)
    assert float(r.se[0]) == 0.25


@pytest.mark.parametrize("kind", ["polars-lazy", "duckdb"])
def test_lazy_engines_without_psu_warn(kind: str) -> None:
    # Sums of squares on the engine: w^2 t^2 - 2 R w^2 t + R^2 w^2 cancel
    # to 0 for the poor unit; the cancellation is warned of, naming `psu`.
    df = pd.DataFrame({"y": _Y, "w": [2.0**70, 1024.0, 2048.0, 3072.0]})
    with pytest.warns(UserWarning, match="variance of P0.*`psu`"):
        _table(kind, df, welfare="y", line=1.0, unit="fraction", alpha=0, weight="w")
