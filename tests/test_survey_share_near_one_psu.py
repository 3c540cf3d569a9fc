"""SE of a share near 1 when a PSU holds the unit of huge weight with others."""

from __future__ import annotations

import itertools
import math
import warnings
from fractions import Fraction
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat


def _exact_se(y: list[float], w: list[float], psu: list[int]) -> float:
    # Linearised SE of the ratio R = sum w 1[y<1] / sum w, PSUs with
    # replacement, one stratum: n/(n-1) sum over PSUs of (z_c - mean z)**2,
    # z_c = (sum_c w t - R sum_c w) / W, all in exact Fractions.
    t = [Fraction(1 if v < 1.0 else 0) for v in y]
    wf = [Fraction(v) for v in w]
    total = sum(wf)
    r = sum(a * b for a, b in zip(wf, t, strict=True)) / total
    cells = sorted(set(psu))
    z = [
        sum(wf[i] * (t[i] - r) for i in range(len(y)) if psu[i] == c) / total
        for c in cells
    ]
    n = len(cells)
    mean = sum(z) / n
    var = Fraction(n, n - 1) * sum((v - mean) ** 2 for v in z)
    return math.sqrt(float(var))


def test_three_units_two_psus() -> None:
    # By hand: W = 2**60 + 2, R = (2**60 + 1) / W, PSU deviations
    # -1/W and +1/W over W: SE = sqrt(2 * 2 / W**4) = 2 / W**2.
    y, w, psu = [0.5, 1.5, 0.5], [2.0**60, 1.0, 1.0], [1, 1, 2]
    want = float(Fraction(2) / (Fraction(2**60) + 2) ** 2)
    assert _exact_se(y, w, psu) == pytest.approx(want, rel=1e-15)
    got = povstat.poverty_estimates(
        y, 1.0, unit="fraction", alpha=0, weights=w, psu=psu
    )
    assert got.se[0] == pytest.approx(want, rel=1e-13)


def test_every_row_order_gives_the_exact_se() -> None:
    y = [0.5, 1.5, 1.5, 0.5, 1.5]
    w = [2.4039815557216453e19, 2.674836843925103, 2.161884745155622]
    w += [2.871708345817403, 2.7757083496423314]
    psu = [1, 1, 1, 2, 1]
    want = _exact_se(y, w, psu)
    for perm in itertools.permutations(range(5)):
        got = povstat.poverty_estimates(
            [y[i] for i in perm],
            1.0,
            unit="fraction",
            alpha=0,
            weights=[w[i] for i in perm],
            psu=[psu[i] for i in perm],
        )
        assert got.se[0] == pytest.approx(want, rel=1e-13)


@pytest.mark.parametrize("kind", ["pandas", "polars"])
def test_engines_exact_or_warned(kind: str) -> None:
    d = pd.DataFrame({"y": [0.5, 1.5, 0.5], "w": [2.0**60, 1.0, 1.0], "p": [1, 1, 2]})
    frame: Any = {
        "pandas": d,
        "polars": pl.from_pandas(d),
    }[kind]
    kw: dict[str, Any] = {"welfare": "y", "line": 1.0, "unit": "fraction"}
    kw |= {"alpha": 0, "weight": "w", "psu": "p"}
    out = povstat.poverty_table(frame, **kw)
    se = np.asarray(out["se"], dtype=np.float64)
    want = float(Fraction(2) / (Fraction(2**60) + 2) ** 2)
    assert se[0] == pytest.approx(want, rel=1e-13)


def _lazy(kind: str, d: pd.DataFrame) -> Any:
    return pl.from_pandas(d).lazy() if kind == "lazy" else duckdb.from_df(d)


@pytest.mark.parametrize("kind", ["lazy", "duckdb"])
def test_lazy_engines_warn_where_a_psu_sum_drops_its_small_units(kind: str) -> None:
    # PSU 1 holds weights 2**60 and 1: the engine's float64 sum is 2**60
    # (2**60 + 1 rounds to even, a unit in the last place being 256), so
    # the deviation -1/W of the exact SE 2 / W**2 is lost.
    d = pd.DataFrame(
        {"y": [0.5, 1.5, 0.5, 0.5], "w": [2.0**60, 1.0, 1.0, 3.0]}
        | {"p": [1, 1, 2, 3], "b": ["a", "a", "a", "b"]}
    )
    kw: dict[str, Any] = {"welfare": "y", "line": 1.0, "unit": "fraction"}
    kw |= {"alpha": 0, "weight": "w", "psu": "p", "by": "b"}
    with pytest.warns(UserWarning, match=r"P0 in domain 'a'.*pandas or polars \(eager"):
        povstat.poverty_table(_lazy(kind, d), **kw)


@pytest.mark.parametrize("kind", ["lazy", "duckdb"])
@pytest.mark.parametrize("scale", [1e-250, 1.0, 1e250])
def test_lazy_engines_stay_silent_on_ordinary_psus(kind: str, scale: float) -> None:
    # Every unit poor but one of weight 1e-9 of the others (a share within
    # 1e-11 of 1, whose standard error is formed again from compensated
    # deviations), at tiny, ordinary and huge scales: a spread of about
    # 1e10 (2**33) in a PSU, whose float64 sum keeps every unit's weight
    # to 2**-20 of it, so nothing is warned of about the PSU sums.
    rng = np.random.default_rng(3)
    n = 300
    w = rng.uniform(1.0, 9.0, n) * scale
    w[7] = 1e-9 * scale
    d = pd.DataFrame(
        {"y": np.where(np.arange(n) == 7, 1.5, 0.5), "w": w}
        | {"p": rng.integers(0, 40, n)}
    )
    kw: dict[str, Any] = {"welfare": "y", "line": 1.0, "unit": "fraction"}
    kw |= {"alpha": [0, 1, 2], "weight": "w", "psu": "p"}
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        povstat.poverty_table(_lazy(kind, d), **kw)
    assert not [w for w in seen if "2**52" in str(w.message)]


@pytest.mark.parametrize("kind", ["lazy", "duckdb"])
def test_lazy_engines_silent_below_the_spread(kind: str) -> None:
    # A spread of 2**40 in PSU 1: 2**40 + 1 is exact in float64, so the
    # engine's sum keeps the small unit and the SE is the exact 2 / W**2
    # (W = 2**40 + 2, worked as in test_three_units_two_psus).
    d = pd.DataFrame({"y": [0.5, 1.5, 0.5], "w": [2.0**40, 1.0, 1.0], "p": [1, 1, 2]})
    kw: dict[str, Any] = {"welfare": "y", "line": 1.0, "unit": "fraction"}
    kw |= {"alpha": 0, "weight": "w", "psu": "p"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = povstat.poverty_table(_lazy(kind, d), **kw)
    frame = out.collect().to_pandas() if kind == "lazy" else out.df()
    want = float(Fraction(2) / (Fraction(2**40) + 2) ** 2)
    assert float(frame["se"].iloc[0]) == pytest.approx(want, rel=1e-9)
