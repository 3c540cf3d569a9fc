"""Standard errors against exact rational arithmetic, PSU totals near equal.

The reference below is the textbook estimator worked in
:class:`fractions.Fraction` from the data as given (every float is an exact
rational): per domain the ratio :math:`R = \\sum w t / \\sum w`, the PSU
totals :math:`u_{hj} = \\sum_{i \\in hj, i \\in d} w_i (t_i - R) / \\sum w` over
every PSU of the stratum (0 for a PSU without a unit of the domain), and

.. math:: V = \\sum_h f_h \\frac{n_h}{n_h - 1} \\sum_j (u_{hj} - \\bar u_h)^2

with R ``survey``'s rules for a stratum of one PSU (``remove`` and
``certainty``: nothing; ``adjust``: :math:`f_h u^2`; ``average``: the
domain's variance times its strata over its strata of more than one PSU;
``raise``: refused). Its square root, rounded once, is the figure the
standard errors must match to 1e-13 relative.
"""

from __future__ import annotations

import math
import warnings
from collections import defaultdict
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest
from numpy.typing import NDArray

from povstat import PovertyEstimates, poverty_estimates, poverty_table

LINE = 100.0
TOLERANCE = 1e-13


def _terms(y: float, alpha: int) -> Fraction:
    if y >= LINE:
        return Fraction(0)
    return (
        Fraction(1) if alpha == 0 else (Fraction(LINE) - Fraction(y)) / Fraction(LINE)
    )


def _exact_se(
    d: pd.DataFrame, *, lonely: str, fpc: str | None, psu: bool, overall: bool
) -> tuple[dict[tuple[Any, str], float], bool]:
    """Exact standard error of P0 and P1 by domain (NaN: no figure).

    Also whether a stratum has a single PSU not sampled with certainty.
    """
    # PSUs: (stratum, psu label); without `psu` each unit is one.
    ids = list(zip(d.stratum, d.psu if psu else range(len(d)), strict=True))
    psus: dict[Any, set[Any]] = defaultdict(set)
    for h, j in ids:
        psus[h].add(j)
    n_h = {h: len(s) for h, s in psus.items()}
    f: dict[Any, Fraction] = {}
    for h in n_h:
        if fpc is None:
            f[h] = Fraction(1)
        else:
            v = Fraction(float(d.fpc[d.stratum == h].iloc[0]))
            f[h] = 1 - v if fpc == "fraction" else (v - n_h[h]) / v
    domains: dict[Any, NDArray[np.bool_]] = {
        g: (d.domain == g).to_numpy() for g in sorted(d.domain.unique())
    }
    if overall:
        domains[None] = np.ones(len(d), bool)
    w = [Fraction(float(x)) for x in d.weight]
    out: dict[tuple[Any, str], float] = {}
    for g, inside in domains.items():
        total = sum((x for x, i in zip(w, inside, strict=True) if i), Fraction(0))
        held = {h for (h, _), i in zip(ids, inside, strict=True) if i}
        lonely_held = [h for h in held if n_h[h] == 1 and f[h] != 0]
        for alpha in (0, 1):
            t = [_terms(float(y), alpha) for y in d.welfare]
            r = (
                sum(
                    (x * s for x, s, i in zip(w, t, inside, strict=True) if i),
                    Fraction(0),
                )
                / total
            )
            u: dict[Any, dict[Any, Fraction]] = {
                h: dict.fromkeys(s, Fraction(0)) for h, s in psus.items()
            }
            for (h, j), x, s, i in zip(ids, w, t, inside, strict=True):
                if i:
                    u[h][j] += x * (s - r) / total
            v = Fraction(0)
            for h, by_psu in u.items():
                z = list(by_psu.values())
                if n_h[h] > 1:
                    mean = sum(z, Fraction(0)) / n_h[h]
                    v += f[h] * n_h[h] / (n_h[h] - 1) * sum((a - mean) ** 2 for a in z)
                elif lonely == "adjust" and f[h] != 0:
                    v += f[h] * z[0] ** 2
            if len({s for x, s, i in zip(w, t, inside, strict=True) if i and x}) == 1:
                v = Fraction(0)  # the same for every unit: no variance at all
            elif lonely == "average" and lonely_held:
                ok = len(held) - len(lonely_held)
                v = v * Fraction(len(held), ok) if ok else Fraction(-1)
            out[(g, "P0" if alpha == 0 else "P1")] = (
                math.sqrt(v) if v >= 0 else math.nan
            )
    return out, any(n == 1 and f[h] != 0 for h, n in n_h.items())


def _design(seed: int) -> tuple[pd.DataFrame, bool]:
    """A small random design; one in three has near-equal PSUs everywhere.

    Strata 1-6, PSUs 1-5 per stratum (some lonely), 1-4 units per PSU,
    1-3 domains crossing strata and PSUs, some zero weights. In a
    near-equal design every PSU of a stratum holds the same units
    (welfare and domain) with weights 3 % apart, as in a stratum of
    twin clusters.
    """
    rng = np.random.default_rng(seed)
    twins = seed % 3 == 0
    n_domains = int(rng.integers(1, 4))
    rows = []
    for h in range(int(rng.integers(1, 7))):
        size = int(rng.integers(1, 5))
        welfare = rng.uniform(40, 160, size).round(2)
        domain = rng.integers(0, n_domains, size)
        weight = rng.uniform(1, 100, size).round(3)
        for j in range(int(rng.integers(1, 6))):
            if not twins:
                size = int(rng.integers(1, 5))
                welfare = rng.uniform(40, 160, size).round(2)
                domain = rng.integers(0, n_domains, size)
                weight = rng.uniform(1, 100, size).round(3)
                weight[rng.uniform(size=size) < 0.15] = 0.0
            scale = 1 + 0.03 * j if twins else 1.0
            for i in range(size):
                rows.append(
                    (f"h{h}", j, float(weight[i] * scale), welfare[i], domain[i])
                )
    d = pd.DataFrame(rows, columns=["stratum", "psu", "weight", "welfare", "domain"])
    kind = ["none", "size", "fraction"][int(rng.integers(0, 3))]
    strata = sorted(d.stratum.unique())
    if kind == "size":  # added to the PSUs sampled: 0 is a census
        extra = dict(zip(strata, rng.integers(0, 6, len(strata)), strict=True))
        d["fpc"] = d.stratum.map(extra).astype(np.float64)
    elif kind == "fraction":  # sampling fractions, some 1 (a census)
        frac = rng.choice([0.1, 0.25, 0.5, 0.8, 1.0], len(strata))
        frac[0] = 0.3  # never 1 in every stratum, which reads two ways
        d["fpc"] = d.stratum.map(dict(zip(strata, frac, strict=True)))
    d.attrs["fpc"] = None if kind == "none" else kind
    return d, twins


def _check(d: pd.DataFrame, *, lonely: str, psu: bool, overall: bool) -> float:
    """The largest relative error of the standard errors (inf: a mismatch)."""
    fpc = d.attrs["fpc"]
    if fpc == "size":  # population PSUs: those sampled (units without psu) + more
        d = d.copy()
        d.attrs["fpc"] = fpc
        sampled = (
            d.groupby("stratum").psu.transform("nunique")
            if psu
            else (d.groupby("stratum").psu.transform("size"))
        )
        d["fpc"] = d.fpc + sampled
    kwargs: dict[str, Any] = {
        "unit": "fraction",
        "alpha": [0, 1],
        "weights": d.weight,
        "by": d.domain,
        "strata": d.stratum,
        "psu": d.psu if psu else None,
        "fpc": d.fpc if fpc else None,
        "lonely_psu": lonely,
        "overall": overall,
    }
    exact, lonely_any = _exact_se(d, lonely=lonely, fpc=fpc, psu=psu, overall=overall)
    if lonely == "raise" and lonely_any:
        with pytest.raises(ValueError, match="single PSU"):
            poverty_estimates(d.welfare, LINE, **kwargs)
        return 0.0
    with warnings.catch_warnings():
        # Weights of a domain may total less than its units: deff only.
        warnings.filterwarnings("ignore", message="the weights total at most")
        # A domain without a stratum of two PSUs under "average": NaN, as
        # `exact` has it (warned of; tests/test_survey_lonely_omit.py).
        warnings.filterwarnings("ignore", message="the standard errors of")
        est = poverty_estimates(d.welfare, LINE, **kwargs)
    worst = 0.0
    for g, m, se in zip(est.domain, est.measure, est.se, strict=True):
        want = exact[(g, str(m))]
        if math.isnan(want) or want == 0:
            if not (se == want or (math.isnan(want) and math.isnan(se))):
                return math.inf
            continue
        worst = max(worst, abs(se / want - 1))
    return worst


@pytest.mark.parametrize(
    "lonely", ["raise", "remove", "certainty", "adjust", "average"]
)
def test_standard_errors_match_exact_arithmetic(lonely: str) -> None:
    # 40 random designs per option, with and without `psu`, some with the
    # overall domain; a third with near-equal PSU totals in every stratum,
    # where a sum of squares less the square of the sum loses digits.
    for seed in range(40):
        d, _ = _design(seed)
        for psu in (True, False):
            worst = _check(d, lonely=lonely, psu=psu, overall=seed % 2 == 0)
            assert worst <= TOLERANCE, (seed, psu, worst)


def _twin_clusters(spread: float) -> pd.DataFrame:
    """40 strata of two PSUs of ten households, the same poor in both PSUs.

    The PSUs of a stratum differ only by their weights, `spread` apart
    (relative): their totals of the linearised variable nearly agree.
    The weights differ within a PSU, so that a float64 sum of them
    depends on the order of the rows.
    """
    rng = np.random.default_rng(1)
    rows = []
    for h in range(40):
        poor, base = int(rng.integers(0, 9)), float(rng.uniform(200, 400))
        for j in range(2):
            rows += [
                (h, 2 * h + j, base * (1 + i / 7) * (1 + spread * j), y, 0)
                for i, y in enumerate([50.0] * poor + [300.0] * (10 - poor))
            ]
    return pd.DataFrame(rows, columns=["stratum", "psu", "weight", "welfare", "domain"])


def _twin_estimates(d: pd.DataFrame, **kw: Any) -> PovertyEstimates:
    # poverty_estimates of _twin_clusters: P0 and P1 with their standard errors.
    return poverty_estimates(
        d.welfare,
        LINE,
        unit="fraction",
        alpha=[0, 1],
        weights=d.weight,
        strata=d.stratum,
        psu=d.psu,
        **kw,
    )


# poverty_table of _twin_clusters: the same, as a table.
_TWIN_TABLE: dict[str, Any] = {
    "welfare": "welfare",
    "line": LINE,
    "unit": "fraction",
    "alpha": [0, 1],
    "weight": "weight",
    "strata": "stratum",
    "psu": "psu",
}


@pytest.mark.parametrize("engine", ["numpy", "pandas", "polars-lazy"])
def test_near_equal_psu_totals_keep_their_digits(engine: str) -> None:
    # A sum of squares of the PSU totals less the square of their sum lost
    # about eps * (total / difference)**2: 3e-10 relative here (the
    # totals 0.1 % apart); from the deviations, about eps * total /
    # difference at most.
    d = _twin_clusters(1e-3)
    d.attrs["fpc"] = None
    want = _exact_se(d, lonely="raise", fpc=None, psu=True, overall=False)[0]
    if engine == "numpy":
        est = _twin_estimates(d)
        got = dict(zip(est.measure.tolist(), est.se.tolist(), strict=True))
    else:
        frame: Any = d if engine == "pandas" else pl.from_pandas(d).lazy()
        out = poverty_table(frame, **_TWIN_TABLE)
        table = out.collect().to_pandas() if engine == "polars-lazy" else out
        got = dict(zip(table.measure.tolist(), table.se.tolist(), strict=True))
    for measure in ("P0", "P1"):
        assert abs(got[measure] / want[(0, measure)] - 1) <= TOLERANCE


def test_near_equal_psu_totals_do_not_depend_on_row_order() -> None:
    # A lazy engine's PSU sums round by row order (2**-53 of each), which
    # the standard error inherits magnified by total / difference (1e3
    # here) from the deviations, by its square from a sum of squares less
    # the square of the sum (3e-10 relative between orders here).
    d = _twin_clusters(1e-3)
    ses = [
        poverty_table(
            pl.from_pandas(d.sample(frac=1, random_state=seed)).lazy(), **_TWIN_TABLE
        )
        .collect()["se"]
        .to_numpy()
        for seed in range(8)
    ]
    np.testing.assert_allclose(ses[1:], [ses[0]] * 7, rtol=1e-12, atol=0)


def test_covariance_diagonal_keeps_its_digits() -> None:
    # The diagonal of `cov` is the variance of the standard errors: formed
    # from the same deviations, it keeps the same digits (a sum of squares
    # less the square of the sum left 1e-9 relative here).
    d = _twin_clusters(1e-3)
    est = _twin_estimates(d, by=d.stratum % 2)  # two domains, each in half the strata
    # Each domain lies in its own strata: its exact figures are those of
    # the reference on those strata alone.
    for g in (0, 1):
        part = d[d.stratum % 2 == g]
        exact = _exact_se(part, lonely="raise", fpc=None, psu=True, overall=False)[0]
        rows = est.domain == g
        got = np.sqrt(np.diag(est.cov)[rows])
        for measure, value in zip(est.measure[rows], got, strict=True):
            assert abs(value / exact[(0, str(measure))] - 1) <= TOLERANCE
