"""Figures built from published figures: sums, pooled rates, ratios, gap money.

Planners and journalists build new figures from published ones: a
metropolitan area from its regencies and cities, a province from its
regencies, a share of one published count in another, the money it would
take to lift every poor person to the poverty line. This module does each of
these once, with the uncertainty the inputs carry:

* :func:`sum_counts` adds published counts. Their sampling error is stated
  (a standard error, or a margin of error at a stated level) and so is their
  dependence: independent, a common correlation, or a full covariance matrix.
  The rounding of published figures gives bounds for the sum.
* :func:`pooled_rate` gives the rate of a group of regions, the total number
  of poor over the total population (never an unweighted mean of the
  regions' rates), with each population given or implied from the region's
  published rate and count.
* :func:`derived_proportion` and :func:`derived_ratio` give a share or a
  ratio of two published estimates with its margin of error, as in the US
  Census Bureau's ACS General Handbook (2018), chapter 8.
* :func:`poverty_gap_money` turns the poverty gap index :math:`P_1` into
  money: the mean shortfall of a poor person from the poverty line, and the
  total shortfall of all the poor.

Functions that add over regions take `by`, an array of group labels, and
return one value per group, in the sorted order of the labels (the
``group`` attribute of the result); without `by` every input is one group and
the result holds 0-d arrays. Sums are taken in a canonical order of the
rows, so results never depend on the order of the inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, ClassVar, Literal, cast, get_args

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._exact import (
    _two_sum,
    decimal_pair,
    decimal_product_ratio,
    decimal_ratio,
    decimal_ratio_pair,
    group_sum_pair,
    scaled_ratio,
)
from povstat._results import Result, array_eq, readonly, readonly_float
from povstat._validate import Unit
from povstat.headcount import (
    headcount_to_rate,
    implied_population,
    implied_population_interval,
)
from povstat.uncertainty import (
    _level,
    _one_of,
    _ratio_and_se,
    moe_from_se,
    se_from_moe,
)
from povstat.units import (
    figure_interval,
    published,
    round_half_up,
)

__all__ = [
    "CountSum",
    "DerivedEstimate",
    "GapMoney",
    "PooledRate",
    "derived_proportion",
    "derived_ratio",
    "pooled_rate",
    "poverty_gap_money",
    "sum_counts",
]

#: Treatment of several zero estimates in a sum: ``"each"`` counts the error
#: of every zero estimate, ``"largest"`` (the ACS rule) only the largest.
ZeroEstimates = Literal["each", "largest"]
#: Unit of counts of people: persons, thousands or millions of persons.
CountUnit = Literal["persons", "thousands", "millions"]
SumNanPolicy = Literal["propagate", "omit", "raise"]

_SCALE = {"percent": 100.0, "fraction": 1.0}
_COUNT_SCALE = {"persons": 1.0, "thousands": 1e3, "millions": 1e6}
_ZERO_ESTIMATES: tuple[str, ...] = get_args(ZeroEstimates)
_COUNT_UNITS: tuple[str, ...] = get_args(CountUnit)
_NAN_POLICIES: tuple[str, ...] = get_args(SumNanPolicy)
# Relative tolerance for the symmetry and positive semi-definiteness of `cov`.
_COV_TOL = 1e-10


# --------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------


def _optional(x: Any) -> NDArray[np.float64] | None:
    return None if x is None else readonly_float(x)


def _optional_labels(x: Any) -> NDArray[Any] | None:
    return None if x is None else readonly(x)


@frozen(kw_only=True)
class CountSum(Result):
    """A sum of published counts, with its error and rounding bounds.

    Attributes
    ----------
    group : ndarray or None
        The group labels, sorted; None when no `by` was given (the other
        arrays are then 0-d).
    total : ndarray of float64
        The sum of the counts in each group, in their unit.
    se : ndarray of float64 or None
        Standard error of the sum; None when no errors were given.
    moe : ndarray of float64 or None
        Margin of error of the sum at `level`.
    lower, upper : ndarray of float64 or None
        Normal confidence bounds ``total -/+ moe`` (a lower bound may be
        negative when the error is large).
    rounding_lower, rounding_upper : ndarray of float64 or None
        The range of sums consistent with the rounding of the published
        counts (ends not attained); None when no `decimals` were given.
    level : float or None
        Confidence level of `moe`, `lower` and `upper`.
    dependence : str or None
        The stated dependence of the counts: ``"independent"``,
        ``"correlation"`` or ``"covariance"``.

    Examples
    --------
    >>> from povstat.aggregate import sum_counts
    >>> s = sum_counts([10_154_024, 9_712_936], moe=[3_778, 3_911], level=0.90,
    ...                independent=True)
    >>> print(s.total, s.moe.round(3))
    19866960.0 5437.757
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "group": "group",
        "total": "total",
        "se": "total_se",
        "moe": "total_moe",
        "lower": "total_lower",
        "upper": "total_upper",
        "rounding_lower": "total_rounding_lower",
        "rounding_upper": "total_rounding_upper",
    }

    group: NDArray[Any] | None = field(converter=_optional_labels, eq=array_eq)
    total: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    se: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    moe: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    lower: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    upper: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    rounding_lower: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    rounding_upper: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    level: float | None
    dependence: str | None


@frozen(kw_only=True)
class PooledRate(Result):
    r"""The poverty rate of a group of regions: total poor over total population.

    Attributes
    ----------
    group : ndarray or None
        The group labels, sorted; None when no `by` was given.
    rate : ndarray of float64
        Pooled rate :math:`\sum H_i / \sum N_i`, in `unit`.
    headcount : ndarray of float64
        Total number of poor, in the unit of the headcounts.
    population : ndarray of float64
        Total population (given or implied), same unit.
    se, lower, upper : ndarray of float64 or None
        Standard error of the pooled rate and its normal confidence bounds at
        `level`, in `unit`; None when no error of the regions' rates was
        given.
    headcount_se : ndarray of float64 or None
        Standard error of the total number of poor (populations taken as
        known); None without errors.
    rounding_lower, rounding_upper : ndarray of float64 or None
        Bounds of the pooled rate from the rounding of the published inputs,
        in `unit`; None when no `decimals` were given.
    headcount_rounding_lower, headcount_rounding_upper : ndarray or None
        Bounds of the total number of poor from the rounding of the
        published counts.
    unit : {"percent", "fraction"}
        Scale of the rates.
    level : float or None
        Confidence level of `lower` and `upper`; None without errors.
    dependence : str or None
        The stated dependence of the regions' estimates; None without errors.

    Examples
    --------
    Malang Raya, March 2023 (BPS): Kabupaten Malang, Kota Malang, Kota Batu.

    >>> from povstat.aggregate import pooled_rate
    >>> p = pooled_rate([251.36, 37.78, 7.10], rate=[9.45, 4.26, 3.31],
    ...                 unit="percent")
    >>> print(p.headcount.round(2), p.rate.round(3))
    296.24 7.876
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "group": "group",
        "headcount": "pooled_headcount",
        "population": "pooled_population",
        "rate": "pooled_rate",
        "headcount_se": "pooled_headcount_se",
        "se": "pooled_rate_se",
        "lower": "pooled_rate_lower",
        "upper": "pooled_rate_upper",
        "headcount_rounding_lower": "pooled_headcount_rounding_lower",
        "headcount_rounding_upper": "pooled_headcount_rounding_upper",
        "rounding_lower": "pooled_rate_rounding_lower",
        "rounding_upper": "pooled_rate_rounding_upper",
    }

    group: NDArray[Any] | None = field(converter=_optional_labels, eq=array_eq)
    rate: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    headcount: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    population: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    se: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    lower: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    upper: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    headcount_se: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    rounding_lower: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    rounding_upper: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    headcount_rounding_lower: NDArray[np.float64] | None = field(
        converter=_optional, eq=array_eq
    )
    headcount_rounding_upper: NDArray[np.float64] | None = field(
        converter=_optional, eq=array_eq
    )
    unit: Unit
    level: float | None
    dependence: str | None

    def _columns(self) -> dict[str, Any]:
        """The output columns by name (the adapters' names), None left out."""
        return {
            name: getattr(self, attr)
            for attr, name in self._column_names.items()
            if getattr(self, attr) is not None
        }


@frozen(kw_only=True)
class DerivedEstimate(Result):
    """A proportion or ratio of two published estimates, with its error.

    Attributes
    ----------
    estimate : ndarray of float64
        The proportion (in `unit`) or the ratio.
    se, moe : ndarray of float64
        Its standard error and its margin of error at `level`.
    lower, upper : ndarray of float64
        Normal confidence bounds ``estimate -/+ moe``.
    formula : ndarray of str
        ``"proportion"`` or ``"ratio"``: the formula the error comes from at
        each position (a proportion falls back to the ratio formula where
        the proportion formula's radicand is negative).
    level : float
        Confidence level.
    unit : {"percent", "fraction"} or None
        Scale of a proportion; None for a ratio.

    Examples
    --------
    >>> from povstat.aggregate import derived_proportion
    >>> d = derived_proportion(203_119, 630_498, moe_part=5_070, moe_whole=831,
    ...                        level=0.90, unit="fraction")
    >>> print(d.estimate.round(6), d.moe.round(6), d.formula)
    0.322156 0.00803 proportion
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "estimate": "derived",
        "se": "derived_se",
        "moe": "derived_moe",
        "lower": "derived_lower",
        "upper": "derived_upper",
        "formula": "derived_formula",
    }

    estimate: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    se: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    moe: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    formula: NDArray[np.str_] = field(converter=readonly, eq=array_eq)
    level: float
    unit: Unit | None


@frozen(kw_only=True)
class GapMoney(Result):
    """The poverty gap in money: mean shortfall and total shortfall per month.

    Attributes
    ----------
    mean_shortfall : ndarray of float64
        Mean shortfall of a poor person from the poverty line,
        :math:`z P_1 / P_0`, in the currency of the poverty line per poor
        person per month (Rp for BPS).
    total : ndarray of float64
        Total monthly shortfall of all the poor, :math:`z P_1 N`, in the
        currency of the poverty line per month.
    mean_shortfall_lower, mean_shortfall_upper : ndarray or None
        Bounds of `mean_shortfall` from the rounding of the published inputs
        (ends not attained); None when no `decimals` were given.
    total_lower, total_upper : ndarray or None
        Bounds of `total` from the rounding of the published inputs.

    Examples
    --------
    BPS, Kota Malang, March 2023: :math:`P_1` 0.76, :math:`P_0` 4.26 %,
    37.78 thousand poor, poverty line Rp 674,660 per person per month.

    >>> from povstat.aggregate import poverty_gap_money
    >>> g = poverty_gap_money(0.76, 4.26, 674_660, headcount=37.78,
    ...                       unit="percent", count_unit="thousands")
    >>> print(g.mean_shortfall.round(0), (g.total / 1e9).round(2))
    120362.0 4.55
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "mean_shortfall": "gap_mean_shortfall",
        "mean_shortfall_lower": "gap_mean_shortfall_lower",
        "mean_shortfall_upper": "gap_mean_shortfall_upper",
        "total": "gap_total",
        "total_lower": "gap_total_lower",
        "total_upper": "gap_total_upper",
    }

    mean_shortfall: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    total: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    mean_shortfall_lower: NDArray[np.float64] | None = field(
        converter=_optional, eq=array_eq
    )
    mean_shortfall_upper: NDArray[np.float64] | None = field(
        converter=_optional, eq=array_eq
    )
    total_lower: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)
    total_upper: NDArray[np.float64] | None = field(converter=_optional, eq=array_eq)


# --------------------------------------------------------------------------
# Private machinery: groups, dependence, variance of a weighted sum
# --------------------------------------------------------------------------


@frozen
class _Groups:
    """Sorted group labels (None: one group) and each row's group code."""

    labels: NDArray[Any] | None
    codes: NDArray[np.intp]
    k: int


def _groups(by: ArrayLike | None, n: int) -> _Groups:
    if by is None:
        return _Groups(None, np.zeros(n, dtype=np.intp), 1)
    lab = _validate.labels(by)
    if lab.ndim != 1 or lab.shape[0] != n:
        msg = (
            f"`by` must be a 1-d array of {n} labels (one per row), "
            f"got shape {lab.shape}"
        )
        raise ValueError(msg)
    try:
        labels, codes = np.unique(lab, return_inverse=True)
    except TypeError:
        msg = (
            "`by` labels must be of one sortable kind (all numbers, all "
            "strings or all dates)"
        )
        raise TypeError(msg) from None
    return _Groups(labels, codes.astype(np.intp).ravel(), len(labels))


def _not_empty(x: NDArray[np.float64], name: str, what: str) -> int:
    """The number of rows of `x`, refusing none (never a silent NaN or 0)."""
    n = int(x.shape[0])
    if n == 0:
        msg = (
            f"`{name}` is empty: {what}; povstat refuses an empty input rather "
            "than return a NaN or 0 that hides the mistake"
        )
        raise ValueError(msg)
    return n


def _rows(x: ArrayLike, name: str, n: int | None, *, check: str) -> NDArray[np.float64]:
    """A 1-d float64 array of per-row values (a 0-d scalar is broadcast).

    A 1-d array must have one value per row: a length-1 array among three
    rows is a row count mismatch (a region's population stretched over all
    regions), refused like any other.
    """
    arr = (
        _validate.nonnegative(x, name)
        if check == "nonnegative"
        else _validate.finite_or_nan(x, name)
    )
    scalar = arr.ndim == 0
    arr = np.atleast_1d(arr)
    if arr.ndim != 1:
        msg = f"`{name}` must be 1-d (one value per row), got shape {arr.shape}"
        raise ValueError(msg)
    if n is not None and arr.shape[0] != n:
        if scalar:
            return np.broadcast_to(arr, (n,))
        msg = f"`{name}` must have {n} values (one per row), got {arr.shape[0]}"
        raise ValueError(msg)
    return arr


@frozen
class _Dependence:
    kind: str  # "independent", "correlation" or "covariance"
    rho: float = 0.0
    cov: NDArray[np.float64] | None = None


def _dependence(
    independent: object,
    correlation: object,
    cov: ArrayLike | None,
    *,
    n: int,
    has_se: bool,
) -> _Dependence:
    """Check the stated dependence of `n` estimates."""
    if independent is None and (correlation is not None or cov is not None):
        independent = False  # a correlation or a matrix states the dependence
    if independent is None:
        msg = (
            "state the dependence of the estimates: independent=True, or "
            "independent=False with a common `correlation` or a `cov` matrix"
        )
        raise ValueError(msg)
    indep = _validate.flag(independent, "independent")
    if indep:
        for nm, v in (("correlation", correlation), ("cov", cov)):
            if v is not None:
                msg = (
                    f"`{nm}` was given with independent=True; pass "
                    "independent=False to use it"
                )
                raise ValueError(msg)
        if not has_se:
            msg = "give the estimates' errors: `se`, or `moe` with its `level`"
            raise ValueError(msg)
        return _Dependence("independent")
    if (correlation is None) == (cov is None):
        given = "both" if cov is not None else "neither"
        msg = (
            "give exactly one of `correlation` and `cov` when "
            f"independent=False; got {given}"
        )
        raise ValueError(msg)
    if correlation is not None:
        if not has_se:
            msg = "give the estimates' errors: `se`, or `moe` with its `level`"
            raise ValueError(msg)
        if not _validate.is_real(correlation):
            msg = (
                "`correlation` must be one number (a common correlation), "
                f"got {correlation!r}"
            )
            raise TypeError(msg)
        rho = _validate.real(correlation, "correlation")
        if not -1.0 <= rho <= 1.0:
            msg = f"`correlation` must lie in [-1, 1], got {correlation!r}"
            raise ValueError(msg)
        return _Dependence("correlation", rho=rho)
    if has_se:
        msg = (
            "`cov` holds the variances on its diagonal: do not give `se` or "
            "`moe` with it"
        )
        raise ValueError(msg)
    return _Dependence("covariance", cov=_covariance_matrix(cast(ArrayLike, cov), n))


def _covariance_matrix(cov: ArrayLike, n: int) -> NDArray[np.float64]:
    c = _validate.finite_or_nan(cov, "cov")
    if c.shape != (n, n):
        msg = (
            f"`cov` must be a {n} x {n} matrix (one row per estimate), "
            f"got shape {c.shape}"
        )
        raise ValueError(msg)
    if np.isnan(c).any():
        i, j = (int(v) for v in np.argwhere(np.isnan(c))[0])
        msg = f"`cov` must not hold NaN, found one at ({i}, {j})"
        raise ValueError(msg)
    scale = float(np.max(np.abs(c))) if c.size else 0.0
    # Checked on c / scale, so that entries near float64's largest value
    # neither overflow nor mislead the tolerances.
    unit = c / scale if scale > 0 else c
    asym = np.abs(unit - unit.T) > _COV_TOL
    if asym.any():
        i, j = (int(v) for v in np.argwhere(asym)[0])
        msg = (
            f"`cov` must be symmetric, found cov[{i}, {j}] = {float(c[i, j])!r} "
            f"and cov[{j}, {i}] = {float(c[j, i])!r}"
        )
        raise ValueError(msg)
    if n:
        smallest = float(np.linalg.eigvalsh((unit + unit.T) / 2.0)[0])
        if smallest < -_COV_TOL * n:
            msg = (
                "`cov` must be positive semi-definite (a covariance matrix), "
                f"found an eigenvalue of {smallest * scale!r}"
            )
            raise ValueError(msg)
    return c


def _errors(
    se: ArrayLike | None, moe: ArrayLike | None, level: float | None, n: int
) -> tuple[str, NDArray[np.float64], NDArray[np.float64]] | None:
    """The per-row errors as given (name, values) and as standard errors."""
    if se is not None and moe is not None:
        msg = "give one of `se` and `moe`, not both"
        raise ValueError(msg)
    if moe is not None:
        if level is None:
            msg = "`moe` needs the `level` it was published at"
            raise ValueError(msg)
        m = _rows(moe, "moe", n, check="nonnegative")
        with np.errstate(over="ignore"):
            s = np.asarray(se_from_moe(m, level=level))
        big = np.isinf(s)
        if big.any():
            i = int(np.argmax(big))
            msg = (
                f"`moe` {float(m[i])!r} at index {i} at level {level!r} implies a "
                "standard error beyond float64's largest value "
                f"({np.finfo(np.float64).max:.4g})"
            )
            raise ValueError(msg)
        return "moe", m, s
    if se is not None:
        s = _rows(se, "se", n, check="nonnegative")
        return "se", s, s
    return None


def _stated(
    se: ArrayLike | None,
    moe: ArrayLike | None,
    level: float | None,
    independent: bool | None,
    correlation: float | None,
    cov: ArrayLike | None,
    *,
    n: int,
    rows: dict[str, NDArray[np.float64]],
) -> tuple[
    float | None,
    tuple[str, NDArray[np.float64], NDArray[np.float64]] | None,
    _Dependence | None,
]:
    """The stated errors, their level and dependence (all None: no errors).

    Adds the per-row errors to `rows` under their argument name.
    """
    lev = None if level is None else _level(level)
    errors = _errors(se, moe, lev, n)
    if errors is None and cov is None:
        for nm, v in (("independent", independent), ("correlation", correlation)):
            if v is not None:
                msg = f"`{nm}` describes the errors: give `se`, `moe` or `cov` with it"
                raise ValueError(msg)
        return lev, None, None
    if lev is None:
        msg = "`level` is required with `se`, `moe` or `cov` (for the margins)"
        raise ValueError(msg)
    if errors is not None:
        rows[errors[0]] = errors[1]
    dep = _dependence(independent, correlation, cov, n=n, has_se=errors is not None)
    return lev, errors, dep


def _missing_rows(
    policy: str, rows: Mapping[str, NDArray[np.float64]], n: int
) -> NDArray[np.bool_]:
    """Rows with a missing value; raise under nan_policy='raise'."""
    missing = np.zeros(n, dtype=bool)
    for name, a in rows.items():
        bad = np.isnan(a)
        if policy == "raise" and bad.any():
            i = int(np.argmax(bad))
            msg = (
                f"`{name}` is missing (NaN) at index {i} and nan_policy='raise'; "
                "use 'omit' to leave such rows out or 'propagate' for a NaN sum"
            )
            raise ValueError(msg)
        missing |= bad
    return missing


def _canonical(
    groups: _Groups,
    rows: Mapping[str, NDArray[np.float64]],
    keep: NDArray[np.bool_],
    dep: _Dependence | None,
) -> NDArray[np.intp]:
    """Row order for the sums: by group, then by every value (ties are equal).

    Floating-point sums depend on the order of their terms; taking them in
    an order fixed by the values (and, with a covariance matrix, each row's
    variance and covariances) makes every result independent of the order
    of the rows.
    """
    values = list(rows.values())
    if dep is not None and dep.cov is not None:
        with np.errstate(over="ignore"):  # an infinite key still sorts
            values += [np.diag(dep.cov), np.sort(dep.cov, axis=1).sum(axis=1)]
    keys = [np.nan_to_num(a, nan=np.inf) for a in reversed(values)]
    order = np.lexsort((*keys, groups.codes))
    return np.asarray(order[keep[order]], dtype=np.intp)


def _void(
    codes: NDArray[np.intp], k: int, missing: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    """Groups without a result: no rows left, or a missing value propagated."""
    rows = np.bincount(codes, minlength=k)
    gaps = np.bincount(codes, weights=missing.astype(np.float64), minlength=k)
    return np.asarray((rows == 0) | (gaps > 0))


def _group_sum(x: NDArray[np.float64], codes: NDArray[np.intp], k: int) -> Any:
    return np.bincount(codes, weights=x, minlength=k)


def _decimal_total(
    x: NDArray[np.float64],
    codes: NDArray[np.intp],
    k: int,
    *,
    decimals: int | None,
    name: str,
) -> NDArray[np.float64]:
    """Total of `x` in each of `k` groups: the float nearest to the decimal sum.

    The one summation of published figures (counts, populations and their
    rounding bounds). A float sum of decimal figures carries float noise
    (8.76 + 4.39 is 13.149999999999999, which rounds half up to 13.1, not
    the 13.2 of 13.15). Figures with `decimals` places (any `decimals`;
    checked and freed of float noise by :func:`povstat.units.published`),
    or, with `decimals` None, the figures of a group that all show at most
    10 decimals exactly (the most any of them shows, counted as
    :func:`povstat.units.shown_decimals` counts them, group by group), are
    added as integers of the last decimal place, and the exact total is
    turned into the float nearest to it, rounded once. A figure stands for
    the decimal of that many places nearest to its float (the decimal it
    was read from when it has at most 15 significant digits).

    Groups whose integer sums fit int64 (the usual case: up to 11 places)
    are added vectorised, each figure as its whole part (floor) and its
    fraction's digits apart, so that neither the scaling nor the sum rounds
    (:func:`_divide_exactly` rounds the total once); negative `decimals`
    (counts rounded to hundreds, say) add the whole multiples of
    ``10**-decimals``. The rare others (more places, or totals beyond
    2**62 units) are added in Python integers, figure by figure. Other
    groups (implied populations, say) are added in float, in the caller's
    canonical order. A group's total never depends on the other groups.
    NaN and infinities propagate as in a float sum.
    """
    finite = np.isfinite(x)
    if decimals is not None:
        x = published(x, decimals, name)
    # The fewest decimals (0 to `most`) showing each figure exactly; `most`
    # + 1 marks a figure of more. Per group, so that a group's total never
    # depends on the others, the most of its group (or the stated
    # `decimals`).
    most = 10 if decimals is None else max(10, decimals)
    each = np.full(x.shape, most + 1, dtype=np.int64)
    for places in range(most, -1, -1):  # a few roundings, not a row loop
        with np.errstate(invalid="ignore", over="ignore"):
            each[round_half_up(x, places) == x] = places
    each[~finite] = 0
    shown = np.zeros(k, dtype=np.int64)
    np.maximum.at(shown, codes, each)
    if decimals is None:
        d = shown
        decimal = d <= 10
    elif decimals >= 0:
        # Figures checked to show at most `decimals` places: the group's sum
        # shows no more places than its figures do.
        d = np.minimum(shown, decimals)
        decimal = np.ones(k, dtype=bool)
    else:
        d = np.full(k, decimals, dtype=np.int64)
        decimal = np.ones(k, dtype=bool)
    with np.errstate(invalid="ignore"):
        clean = np.where(finite, x, 0.0)
    top = np.zeros(k)
    np.maximum.at(top, codes, np.abs(clean))
    n = np.bincount(codes, minlength=k)
    # Groups whose integer sums (wholes and digits apart) fit int64.
    with np.errstate(over="ignore"):
        fits = (
            (d <= 11)
            & (top * np.maximum(n, 1) < 2.0**62)
            & (np.maximum(n, 1) * 10.0 ** np.clip(d, 0, 11) < 2.0**62)
        )
    exact = decimal & fits
    use = exact[codes]
    cu, xu = codes[use], clean[use]
    du = d[cu]
    # Each figure as whole + digits / 10**e, both exact: its whole part
    # (floor) in int64 and its fraction (exact in float) rounded to the e
    # places it shows. Scaling the figure itself by 10**d would round once
    # more than a large figure can bear (4297164056.894897 * 1e6 is
    # ...898 after rint), and a figure showing fewer places than its group
    # is no multiple of 10**-d in binary (3814929326399.2 is
    # 3814929326399.2002 to 4 places).
    whole = np.floor(xu)
    e = np.clip(np.minimum(each[use], du), 0, None)
    pos = du >= 0
    digits = np.where(
        pos,
        np.rint((xu - whole) * 10.0**e).astype(np.int64)
        * 10 ** np.clip(du - e, 0, None),
        0,
    )
    wholes = np.where(pos, whole, np.rint(xu / 10.0 ** np.abs(du))).astype(np.int64)
    w = np.zeros(k, dtype=np.int64)
    frac = np.zeros(k, dtype=np.int64)
    np.add.at(w, cu, wholes)
    np.add.at(frac, cu, digits)
    # Negative `decimals`: the total is ``w * 10**-d``, an integer below
    # 2**62 (so below 2**63), formed exactly in int64 and turned into float
    # once. ``float(w) * 10.0**-d`` would round twice above 2**53.
    scale = (10 ** np.clip(-d, 0, 18)).astype(np.int64)
    with np.errstate(over="ignore"):
        tens = np.where(d < 0, w * scale, 0).astype(np.float64)
    total = np.where(d >= 0, _divide_exactly(w, frac, d), tens)
    if not finite.all():
        bad = ~finite & use
        total = total + np.bincount(codes[bad], weights=x[bad], minlength=k)
    large = decimal & ~fits
    if large.any():
        total = np.where(large, _python_total(x, codes, k, d, large), total)
    if not decimal.all():
        total = np.where(decimal, total, np.asarray(_group_sum(x, codes, k)))
    return np.asarray(total)


def _python_total(
    x: NDArray[np.float64],
    codes: NDArray[np.intp],
    k: int,
    d: NDArray[np.int64],
    groups: NDArray[np.bool_],
) -> NDArray[np.float64]:
    """:func:`_decimal_total` of the rare `groups` beyond int64, in Python ints.

    Each finite figure is the integer nearest to ``x * 10**d`` (exact, from
    the figure's binary value); the group's integer total, divided by
    ``10**d`` as a fraction, is rounded to float once. Non-finite figures
    propagate as in a float sum.
    """
    rows = np.flatnonzero(groups[codes])
    sums: dict[int, int] = {}
    odd: dict[int, float] = {}
    for i in rows.tolist():  # only the rows of groups beyond int64
        g, v = int(codes[i]), float(x[i])
        if not np.isfinite(v):
            odd[g] = odd.get(g, 0.0) + v
            continue
        units = round(Fraction(v) * Fraction(10) ** int(d[g]))
        sums[g] = sums.get(g, 0) + units
    out = np.zeros(k)
    for g in np.flatnonzero(groups).tolist():  # only the groups beyond int64
        value = Fraction(sums.get(g, 0)) / Fraction(10) ** int(d[g])
        try:
            out[g] = float(value)
        except OverflowError:
            out[g] = np.inf if value > 0 else -np.inf
        if g in odd:
            out[g] = out[g] + odd[g]
    return out


def _divide_exactly(
    w: NDArray[np.int64], f: NDArray[np.int64], d: NDArray[np.int64]
) -> NDArray[np.float64]:
    """The float nearest to ``w + f / 10**d`` (0 <= d <= 11), rounded once.

    With ``p = 10**d``, ``f`` is split exactly as ``qf * p + r``
    (0 <= r < p) and ``q = w + qf``. Below 2**52, ``q * p + r`` is exact in
    float and one division rounds once. Above, ``q`` is split as
    ``qh + ql`` with ``qh = float(q)``: the value is ``qh + t`` with
    ``t = (ql * p + r) / p``, a small number (below 2**10) whose one rounding
    error (below 2**-42) is far less than the distance of a value that is not
    a float midpoint from the nearest midpoint (at least ``1 / p`` >=
    1e-11, since such a value is at least ``2**52 / p``); so ``qh + t``
    rounds the way the exact value does. A value on a midpoint has ``t`` a
    whole number, exact, and rounds to even.
    """
    dd = np.clip(d, 0, 11)
    p = (10**dd).astype(np.int64)
    pf = p.astype(np.float64)
    qf, r = np.divmod(f, p)
    q = w + qf
    qh = q.astype(np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        ql = q - qh.astype(np.int64)  # exact: |q| < 2**62, |ql| <= 2**9
        small = np.abs(qh) * pf < 2.0**52
        units = np.where(small, q * p + r, 0)
    t = (ql * p + r).astype(np.float64) / pf
    return np.asarray(np.where(small, units.astype(np.float64) / pf, qh + t))


def _unit_factor(
    a: NDArray[np.float64], codes: NDArray[np.intp], k: int
) -> NDArray[np.float64]:
    """Per group, a power of two bringing its largest finite ``|a|`` near 1."""
    top = np.zeros(k)
    np.maximum.at(top, codes, np.where(np.isfinite(a), np.abs(a), 0.0))
    up = np.minimum(-np.frexp(top)[1], 1000)  # subnormal tops: 2**1000 at most
    return np.asarray(np.where(top > 0, np.ldexp(1.0, up), 1.0))


def _sd(
    weight: NDArray[np.float64],
    se: NDArray[np.float64] | None,
    codes: NDArray[np.intp],
    k: int,
    dep: _Dependence,
    *,
    labels: NDArray[Any] | None = None,
    zero: NDArray[np.bool_] | None = None,
    name: str = "se",
) -> NDArray[np.float64]:
    r"""Standard deviation of :math:`\sum_{i \in g} a_i X_i` for each group g.

    `weight` is :math:`a`, `se` the standard errors of :math:`X` (unused
    with a covariance matrix). With `zero`, only the largest term of the
    rows flagged in it counts, once per group (the ACS zero-estimate rule).

    The weights and the errors of each group are first brought near 1, each
    by a power of two (exact), and the result scaled back: squares of finite
    errors such as 1e200 never overflow, errors such as 1e-200 never
    underflow, and a group's result does not depend on the other groups. A
    standard deviation beyond float64's range is refused, naming `name`
    (the errors as given) and the limit.
    """
    fw = _unit_factor(weight, codes, k)
    w = weight * fw[codes]
    if dep.kind == "covariance":
        cov = cast("NDArray[np.float64]", dep.cov)
        fe = _unit_factor(np.sqrt(np.abs(np.diagonal(cov))), codes, k)
        same = codes[:, None] == codes[None, :]
        fc = fe[codes]
        # One factor at a time: their product may exceed float64's range.
        scaled = (cov * fc[:, None]) * fc[None, :]
        pairs = np.where(same, scaled * np.outer(w, w), 0.0)
        var = np.asarray(_group_sum(pairs.sum(axis=1), codes, k))
    else:
        e = cast("NDArray[np.float64]", se)
        fe = _unit_factor(e, codes, k)
        term = w * (e * fe[codes])
        sq = term * term
        if zero is not None:
            biggest = np.zeros(k)
            # A missing error (NaN, kept under nan_policy="propagate") makes
            # its group's variance NaN; numpy flags that as invalid, which it
            # is not.
            with np.errstate(invalid="ignore"):
                np.maximum.at(biggest, codes[zero], sq[zero])
            var = np.asarray(_group_sum(np.where(zero, 0.0, sq), codes, k) + biggest)
        else:
            var = np.asarray(_group_sum(sq, codes, k))
        if dep.kind == "correlation":
            indep = var
            t = _group_sum(term, codes, k)
            var = np.asarray((1.0 - dep.rho) * indep + dep.rho * t * t)
            bad = var < -1e-9 * indep
            if bad.any():
                i = int(np.argmax(bad))
                where = (
                    ""
                    if labels is None
                    else f" for group {_validate.plain(labels[i])!r}"
                )
                msg = (
                    f"`correlation` {dep.rho!r} implies a negative variance{where}: "
                    "a common correlation of m estimates must be at least -1/(m - 1)"
                )
                raise ValueError(msg)
            var = np.maximum(var, 0.0)
    # One factor at a time: their product may underflow to 0 (weights of
    # 1e299 and errors of 1e154 are scaled by about 2**-994 and 2**-511).
    with np.errstate(over="ignore"):
        sd = np.asarray(np.sqrt(var) / fw / fe)
    _in_range(sd, name, "standard error of the sum", labels)
    return sd


def _in_range(
    x: NDArray[np.float64],
    name: str,
    what: str,
    labels: NDArray[Any] | None,
    *,
    why: str | None = None,
) -> None:
    """Refuse an infinite result of finite inputs (float64 overflow).

    `why` replaces the default cause ("`name` is too large to add up").
    """
    big = np.ravel(np.isinf(x))
    if big.any():
        i = int(np.flatnonzero(big)[0])
        where = "" if labels is None else f" for group {_validate.plain(labels[i])!r}"
        cause = f"`{name}` is too large to add up" if why is None else why
        msg = (
            f"the {what}{where} exceeds float64's largest value "
            f"({np.finfo(np.float64).max:.4g}): {cause}"
        )
        raise ValueError(msg)


def _bounds(
    value: NDArray[np.float64], decimals: int, name: str
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The rounding interval of published figures (see rounding_interval).

    Every figure rounded here (counts, rates, populations, P1, poverty
    lines) is >= 0, so a published 0 stands for [0, h), not (-h, h): the
    lower bound is never below 0.
    """
    iv = figure_interval(
        value, _validate.decimals(decimals, f"decimals[{name!r}]"), name
    )
    return np.maximum(np.asarray(iv.lower), 0.0), np.asarray(iv.upper)


def _decimals(
    decimals: Mapping[str, int] | None, names: tuple[str, ...]
) -> Mapping[str, int] | None:
    """Check that `decimals` names exactly the published inputs `names`."""
    if decimals is None:
        return None
    if not isinstance(decimals, Mapping):
        msg = f"`decimals` must be a mapping of input names to ints, got {decimals!r}"
        raise TypeError(msg)
    if set(decimals) != set(names):
        msg = (
            f"`decimals` must give the decimal places of each published input "
            f"{sorted(names)}, got keys {sorted(map(str, decimals))}"
        )
        raise ValueError(msg)
    return {k: _validate.decimals(v, f"decimals[{k!r}]") for k, v in decimals.items()}


def _scalar_or_groups(x: Any, groups: _Groups) -> Any:
    """0-d arrays when there is no `by`, else the per-group arrays."""
    if x is None:
        return None
    arr = np.asarray(x, dtype=np.float64)
    return arr.reshape(()) if groups.labels is None else arr


def _moe(sd: NDArray[np.float64], level: float) -> NDArray[np.float64]:
    """Margin of error at `level` (NaN where the SE is NaN; inf on overflow)."""
    with np.errstate(over="ignore"):
        return np.asarray(moe_from_se(sd, level=level))


def _nan_policy(value: object) -> str:
    return _validate.choice(value, "nan_policy", _NAN_POLICIES)


# --------------------------------------------------------------------------
# Sums of counts
# --------------------------------------------------------------------------


@_validate.positional
def sum_counts(
    estimate: ArrayLike,
    *,
    se: ArrayLike | None = None,
    moe: ArrayLike | None = None,
    level: float | None = None,
    independent: bool | None = None,
    correlation: float | None = None,
    cov: ArrayLike | None = None,
    by: ArrayLike | None = None,
    zero_estimates: ZeroEstimates = "each",
    decimals: int | None = None,
    nan_policy: SumNanPolicy = "propagate",
) -> CountSum:
    r"""Sum published counts, with the error of the sum under a stated dependence.

    Parameters
    ----------
    estimate : array_like
        Counts (>= 0), one per row (region, subgroup, ...), in one unit.
    se, moe : array_like, optional
        Standard errors, or margins of error at `level`, of the counts, in
        their unit: at most one; neither with `cov`, and neither for a sum
        without an error (rounding bounds only).
    level : float, optional
        Confidence level, a fraction in (0, 1), of `moe` and of the returned
        margin and bounds; required with `se`, `moe` or `cov`.
    independent : bool, optional
        Required with `se` or `moe`, no default: whether the counts'
        sampling errors are independent (as for separate strata of one
        survey, such as the regencies of a province in Susenas, to a first
        approximation). With False give a common `correlation` or the full
        `cov` matrix. Given alone, `correlation` or `cov` states the
        dependence itself (``independent=False`` may be left out).
    correlation : float, optional
        A common correlation in [-1, 1] of every pair of counts in a group,
        with ``independent=False`` or without `independent`.
    cov : array_like, optional
        The ``n x n`` covariance matrix of the counts (symmetric, positive
        semi-definite, in the unit squared), with ``independent=False``;
        its diagonal holds the variances.
    by : array_like, optional
        Group label of each row; one sum per group. None: one sum of all.
        Labels must be of one kind (all strings, or all int, all float or
        all bool: 1, 1.0, True and '1' are never merged) and none missing.
        Labels that compare equal are one group with one label whatever
        the row order: numpy scalars are read as Python values, a float32
        as its shortest decimal (``np.float32(0.1)`` is 0.1), -0.0 as 0.0.
    zero_estimates : {"each", "largest"}, default "each"
        ``"each"`` counts the error of every count. ``"largest"`` applies the
        ACS rule for several zero estimates: only the largest error among
        the zero counts of a group enters its variance, once [1]_. Only with
        ``independent=True``.
    decimals : int, optional
        Decimal places the published counts were rounded to; gives the
        bounds of the sum from the rounding (``rounding_lower``,
        ``rounding_upper``).
    nan_policy : {"propagate", "omit", "raise"}, default "propagate"
        A missing count or error: NaN for its group's sum, left out of the
        sum, or an error.

    Returns
    -------
    CountSum
        Totals, errors and bounds, one per group (sorted labels).

    Raises
    ------
    TypeError
        If an input is not numeric, `independent` is not a bool,
        `correlation` is not one number, or the `by` labels are of mixed
        kinds (numbers and strings; dates and date-times, such as a
        ``datetime.date`` next to a ``pandas.Timestamp``, in every order of
        the rows) or are not scalars (a list as a label).
    ValueError
        If a count or error is negative or infinite; the lengths differ; a
        `by` label is missing (None, NaN, NaT, ``pandas.NA``, masked); the
        dependence is not stated or stated twice; `cov` is not a symmetric
        positive semi-definite ``n x n`` matrix; the correlation implies a
        negative variance; the counts are not rounded to `decimals`; a
        value is missing under ``nan_policy="raise"``; `estimate` is
        empty (no rows: an empty sum is refused, never reported as NaN or
        0); or the sum, its standard error, margin of error or upper bound
        exceeds float64's largest value (about 1.8e308; finite errors such
        as 1e200, whose squares would overflow, are scaled first and
        accepted).

    See Also
    --------
    pooled_rate : The rate of a group of regions.
    povstat.uncertainty.se_from_moe : Standard errors from margins.

    Notes
    -----
    For a sum :math:`S = \sum_i X_i`,
    :math:`\mathrm{Var}(S) = \sum_i \sum_j \mathrm{Cov}(X_i, X_j)`: with
    independent counts :math:`\sum_i \mathrm{SE}_i^2`, so that
    :math:`\mathrm{MOE}(S) = \sqrt{\sum_i \mathrm{MOE}_i^2}` [1]_; with a
    common correlation :math:`\rho`,
    :math:`(1 - \rho)\sum_i \mathrm{SE}_i^2 + \rho(\sum_i \mathrm{SE}_i)^2`;
    with a covariance matrix :math:`\Sigma`, :math:`\mathbf 1^\top \Sigma
    \mathbf 1` over the group's rows [2]_. Independence understates the
    error when the counts are positively correlated (for example, estimates
    for overlapping areas or from one calibration).

    The rounding bounds are :math:`\sum_i (\max(x_i - h, 0))` and
    :math:`\sum_i (x_i + h)` with :math:`h = 10^{-d}/2`, from
    :func:`povstat.rounding_interval`: a count is never below 0, so a
    published 0 stands for :math:`[0, h)`.

    Totals are sums of decimal figures, not of their binary floats: counts
    with `decimals` places (any `decimals` accepted), or without `decimals`
    counts that show at most 10 decimals exactly (8.76, 4.39), are added as
    integers of the last decimal place, and the total is the float nearest
    to the exact decimal sum (13.15, not the float sum 13.149999999999999,
    which rounds half up to 13.1 at 1 decimal); so are the rounding bounds.
    Other counts (1/3) are added in float, in an order fixed by the values,
    and carry float noise in the last place.

    References
    ----------
    .. [1] U.S. Census Bureau (2018), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 8,
       "Calculating Measures of Error for Derived Estimates".
    .. [2] Wolter, K. M. (2007), *Introduction to Variance Estimation*,
       2nd ed., Springer, appendix B (variance of linear combinations).

    Examples
    --------
    Two counts with 90 % margins of error, independent:

    >>> from povstat.aggregate import sum_counts
    >>> s = sum_counts([10_154_024, 9_712_936], moe=[3_778, 3_911],
    ...                level=0.90, independent=True)
    >>> print(s.total, s.moe.round(3))
    19866960.0 5437.757

    The same counts with a correlation of 0.5 have a wider margin:

    >>> s = sum_counts([10_154_024, 9_712_936], moe=[3_778, 3_911],
    ...                level=0.90, independent=False, correlation=0.5)
    >>> print(s.moe.round(1))
    6659.2
    """
    zeros = _validate.choice(zero_estimates, "zero_estimates", _ZERO_ESTIMATES)
    policy = _nan_policy(nan_policy)
    est = _rows(estimate, "estimate", None, check="nonnegative")
    n = _not_empty(est, "estimate", "no counts to sum")
    rows: dict[str, NDArray[np.float64]] = {"estimate": est}
    lev, errors, dep = _stated(
        se, moe, level, independent, correlation, cov, n=n, rows=rows
    )
    if zeros == "largest" and (dep is None or dep.kind != "independent"):
        msg = (
            "zero_estimates='largest' (the ACS rule) needs errors and independent=True"
        )
        raise ValueError(msg)
    groups = _groups(by, n)
    d = None if decimals is None else _validate.decimals(decimals)
    missing = _missing_rows(policy, rows, n)
    keep = ~missing if policy == "omit" else np.ones(n, dtype=bool)
    if d is not None:  # in the caller's order, so that errors name its index
        published(np.where(keep, est, np.nan), d, "estimate")
    order = _canonical(groups, rows, keep, dep)
    codes, k = groups.codes[order], groups.k
    x = est[order]
    empty = _void(codes, k, missing[order])
    total = np.where(
        empty, np.nan, _decimal_total(x, codes, k, decimals=d, name="estimate")
    )
    _in_range(total, "estimate", "sum", groups.labels)
    sd = half = None
    if dep is not None:
        if dep.cov is not None:
            dep = _Dependence("covariance", cov=dep.cov[np.ix_(order, order)])
        err = "cov" if errors is None else errors[0]
        sd = _sd(
            np.ones_like(x),
            None if errors is None else errors[2][order],
            codes,
            k,
            dep,
            labels=groups.labels,
            zero=(x == 0) if zeros == "largest" else None,
            name=err,
        )
        sd = np.where(empty, np.nan, sd)
        half = _moe(sd, cast(float, lev))
        _in_range(half, err, "margin of error of the sum", groups.labels)
        with np.errstate(over="ignore"):
            _in_range(total + half, err, "upper bound of the sum", groups.labels)
    r_lo = r_hi = None
    if d is not None:
        lo, hi = _bounds(x, d, "estimate")
        # Each bound is a multiple of half a unit of `d` decimals: a figure
        # of d + 1 decimals, and so is their sum (7.95, not 7.949999999999999).
        r_lo = np.where(
            empty, np.nan, _decimal_total(lo, codes, k, decimals=d + 1, name="estimate")
        )
        r_hi = np.where(
            empty, np.nan, _decimal_total(hi, codes, k, decimals=d + 1, name="estimate")
        )
    return CountSum(
        group=groups.labels,
        total=_scalar_or_groups(total, groups),
        se=_scalar_or_groups(sd, groups),
        moe=_scalar_or_groups(half, groups),
        lower=None if half is None else _scalar_or_groups(total - half, groups),
        upper=None if half is None else _scalar_or_groups(total + half, groups),
        rounding_lower=_scalar_or_groups(r_lo, groups),
        rounding_upper=_scalar_or_groups(r_hi, groups),
        level=lev,
        dependence=None if dep is None else dep.kind,
    )


# --------------------------------------------------------------------------
# Pooled rates
# --------------------------------------------------------------------------


def _zero_rate(rate: NDArray[np.float64]) -> None:
    """Refuse a rate of 0: no population can be implied from it."""
    zero = np.flatnonzero(rate == 0)
    if zero.size:
        msg = (
            f"`rate` is 0 at rows {zero.tolist()}: the population cannot be "
            "implied from a rate of 0; pass `population=` for these regions "
            "instead of `rate`"
        )
        raise ValueError(msg)


def _implied_pooled(
    total_h: NDArray[np.float64],
    pop: NDArray[np.float64],
    pop_lo: NDArray[np.float64],
    codes: NDArray[np.intp],
    k: int,
    scale: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Total implied population and pooled rate per group, each rounded once.

    `pop` + `pop_lo` are the regions' implied populations as exact pairs
    (:func:`povstat._exact.decimal_ratio_pair`); each part is summed
    order-free (:func:`povstat._exact.group_sum_pair`) and the parts joined
    (Knuth's two-sum): the total is the float64 nearest to the exact sum of
    ``H_i / P0_i``. The rate is the total of the counts (read as the
    decimal it stands for, :func:`povstat._exact.decimal_pair`) over that
    pair, rounded once (:func:`povstat._exact.scaled_ratio`).
    """
    a, a_lo = group_sum_pair(codes, pop, k)
    b, b_lo = group_sum_pair(codes, pop_lo, k)
    with np.errstate(all="ignore"):
        n, n_lo = _two_sum(a, (a_lo + b) + b_lo)
        n_lo = np.where(np.isfinite(n_lo), n_lo, 0.0)
        h, h_lo = decimal_pair(total_h)
        rate = scaled_ratio(h, n, scale, num_lo=h_lo, den_lo=n_lo)
    return np.asarray(n, np.float64), np.asarray(rate, np.float64)


@_validate.positional
def pooled_rate(
    headcount: ArrayLike,
    *,
    unit: Unit,
    rate: ArrayLike | None = None,
    population: ArrayLike | None = None,
    by: ArrayLike | None = None,
    se: ArrayLike | None = None,
    moe: ArrayLike | None = None,
    level: float | None = None,
    independent: bool | None = None,
    correlation: float | None = None,
    cov: ArrayLike | None = None,
    decimals: Mapping[str, int] | None = None,
    nan_policy: SumNanPolicy = "propagate",
) -> PooledRate:
    r"""The poverty rate of a group of regions: total poor over total population.

    Parameters
    ----------
    headcount : array_like
        Number of poor in each region (persons, thousands, ...).
    unit : {"fraction", "percent"}
        Scale of `rate`, of the errors and of the returned rate.
    rate : array_like, optional
        Each region's published rate; its population is then implied as
        ``headcount / rate`` (:func:`povstat.implied_population`). Give
        exactly one of `rate` and `population`.
    population : array_like, optional
        Each region's population, in the unit of `headcount`.
    by : array_like, optional
        Group label of each region; one pooled rate per group. None: one
        group of all. Labels as in :func:`sum_counts` (one kind, none
        missing).
    se, moe : array_like, optional
        Standard errors, or margins of error at `level`, of the regions'
        rates, in `unit`. Without them no error is computed.

        `rate`, `population`, `se` and `moe` hold one value per region, as
        `headcount` does (a 0-d scalar stands for every region); an array of
        another length, 1 included, is refused.
    level : float, optional
        Confidence level of `moe` and of the returned bounds; required with
        `se` or `moe`.
    independent : bool, optional
        Required with `se` or `moe`: whether the regions' rates have
        independent errors. With False give a common `correlation` or the
        `cov` matrix of the rates (in `unit` squared), as in
        :func:`sum_counts`; given alone, they state the dependence.
    correlation : float, optional
        Common correlation of the regions' rates.
    cov : array_like, optional
        Covariance matrix of the regions' rates.
    decimals : mapping of str to int, optional
        Decimal places of the published inputs, for bounds from their
        rounding: ``{"headcount": 2, "rate": 2}`` with `rate`, or
        ``{"headcount": ..., "population": ...}`` with `population`.
    nan_policy : {"propagate", "omit", "raise"}, default "propagate"
        A missing input: NaN for the group, region left out, or an error.
        A rate of 0 implies no population (:func:`povstat.implied_population`)
        and is refused whatever the policy: it is not missing, and dropping
        it would bias the pooled rate up; pass `population` instead.

    Returns
    -------
    PooledRate
        Pooled rate, totals, errors and bounds, one per group.

    Raises
    ------
    TypeError
        If an input is not numeric, `independent` is not a bool, or the
        `by` labels are of mixed kinds or not scalars, as for
        :func:`sum_counts`.
    ValueError
        If `unit` is unknown; a `by` label is missing; a rate is out of
        range; a count is negative or infinite; not exactly one of `rate`
        and `population` is given; an error is given without `level` or a
        stated dependence; `decimals` does not name the inputs; `headcount`
        is empty (no regions: refused, never a NaN rate); a `rate` is 0
        (the population cannot be implied from it: pass `population`); a
        total or the margin of error exceeds float64's largest value; or
        as for :func:`sum_counts`.

    See Also
    --------
    sum_counts : Sums of counts.
    povstat.implied_population_interval : The population a rounded rate
        and count stand for.

    Notes
    -----
    The pooled rate is :math:`R = \sum_i H_i / \sum_i N_i` [1]_: each
    region weighs by its population. The unweighted mean of the regions'
    rates weighs a city of 100,000 like a regency of 2.6 million and is not
    the rate of the group.

    With populations taken as known (Susenas weights are calibrated to
    population projections), :math:`R = \sum_i w_i P_i` with
    :math:`w_i = N_i / \sum_j N_j`, so by the delta method (here exact)
    :math:`\mathrm{Var}(R) = w^\top \Sigma w` for the covariance
    :math:`\Sigma` of the regions' rates [2]_, and the total number of poor
    has the standard error :math:`\sum_i N_i\,\mathrm{SE}(R)`.

    Bounds from rounding take each published input anywhere in its
    rounding interval (:func:`povstat.rounding_interval`, and
    :func:`povstat.implied_population_interval` for implied populations):
    :math:`\sum H^{lo} / \sum N^{hi}` to :math:`\sum H^{hi} / \sum N^{lo}`.
    These bounds contain every pooled rate the rounded inputs allow; they
    can be slightly wider than that set, since a region's implied
    population and its count move together.

    The totals of headcounts and of given populations are exact decimal
    sums, as in :func:`sum_counts` (8.76 + 4.39 is 13.15, and over a
    population of 200 the rate is 6.575 %, not 6.574999999999999), and the
    rate is one division of the two totals. Implied populations
    (``H_i / P0_i``) are summed exactly too: the total population and the
    rate are each the float64 nearest to their exact value on the decimal
    figures (975.68 at 37.68 % and 1554.93 at 30.55 % pool to
    32.95420596466389 %, not 32.9542059646639).

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766
       (subgroup decomposability: the aggregate is the population-weighted
       mean of the subgroups).
    .. [2] Oehlert, G. W. (1992), "A Note on the Delta Method", *The
       American Statistician* 46(1), 27-29.

    Examples
    --------
    Malang Raya, March 2023 (BPS): Kabupaten Malang 9.45 % and 251.36
    thousand poor, Kota Malang 4.26 % and 37.78, Kota Batu 3.31 % and 7.10.

    >>> from povstat.aggregate import pooled_rate
    >>> p = pooled_rate([251.36, 37.78, 7.10], rate=[9.45, 4.26, 3.31],
    ...                 unit="percent", decimals={"headcount": 2, "rate": 2})
    >>> print(p.rate.round(3), p.rounding_lower.round(3), p.rounding_upper.round(3))
    7.876 7.869 7.883
    """
    u = _validate.unit(unit)
    scale = _SCALE[u]
    policy = _nan_policy(nan_policy)
    _one_of("rate", rate, "population", population, context="for a pooled rate")
    h = _rows(headcount, "headcount", None, check="nonnegative")
    n = _not_empty(h, "headcount", "no regions to pool")
    rows: dict[str, NDArray[np.float64]] = {"headcount": h}
    if rate is not None:
        r = _rows(_validate.rate(rate, "rate", u), "rate", n, check="finite")
        rows["rate"] = r
        _zero_rate(r)
        implied_population(r, h, unit=u)  # checks the rates and counts
        # Each implied population as a pair: decimal_ratio (the float64
        # implied_population gives) and its remainder, so that their sum
        # and the pooled rate are each rounded once.
        pop, pop_lo = decimal_ratio_pair(h, r, scale)
        names: tuple[str, ...] = ("headcount", "rate")
    else:
        pop = _rows(cast(ArrayLike, population), "population", n, check="nonnegative")
        headcount_to_rate(h, pop, unit=u)  # checks headcount <= population
        rows["population"] = pop
        names = ("headcount", "population")
    lev, errors, dep = _stated(
        se, moe, level, independent, correlation, cov, n=n, rows=rows
    )
    dec = _decimals(decimals, names)
    groups = _groups(by, n)
    missing = _missing_rows(policy, rows, n) | np.isnan(pop)  # a missing input
    keep = ~missing if policy == "omit" else np.ones(n, dtype=bool)
    if dec is not None:  # in the caller's order, so that errors name its index
        for name in names:  # a loop over the two published inputs
            published(np.where(keep, rows[name], np.nan), dec[name], name)
    order = _canonical(groups, rows, keep, dep)
    codes, k = groups.codes[order], groups.k
    empty = _void(codes, k, missing[order])
    hh, nn = h[order], pop[order]
    dh = None if dec is None else dec["headcount"]
    dn = None if dec is None else dec.get("population")
    total_h = np.where(
        empty, np.nan, _decimal_total(hh, codes, k, decimals=dh, name="headcount")
    )
    if rate is None:
        total_n = np.where(
            empty, np.nan, _decimal_total(nn, codes, k, decimals=dn, name="population")
        )
        _in_range(total_h, "headcount", "total number of poor", groups.labels)
        _in_range(total_n, "population", "total population", groups.labels)
        pooled = headcount_to_rate(total_h, total_n, unit=u)
    else:
        total_n, pooled = _implied_pooled(total_h, nn, pop_lo[order], codes, k, scale)
        total_n = np.where(empty, np.nan, total_n)
        pooled = np.where(empty, np.nan, pooled)
        _in_range(total_h, "headcount", "total number of poor", groups.labels)
        _in_range(
            total_n,
            "rate",
            "total population implied by `headcount` / `rate`",
            groups.labels,
            why=(
                "a `rate` too small for its `headcount` (the implied population "
                "headcount / rate is too large to add up)"
            ),
        )
    se_r = lo = hi = se_h = None
    if dep is not None:
        if dep.cov is not None:
            dep = _Dependence("covariance", cov=dep.cov[np.ix_(order, order)])
        # SE of the total poor, sum_i N_i P_i (rates as fractions).
        se_h = _sd(
            nn / scale,
            None if errors is None else errors[2][order],
            codes,
            k,
            dep,
            labels=groups.labels,
            name="cov" if errors is None else errors[0],
        )
        se_h = np.where(empty, np.nan, se_h)
        with np.errstate(divide="ignore", invalid="ignore"):
            se_r = np.where(total_n > 0, se_h / total_n * scale, np.nan)
        half = _moe(se_r, cast(float, lev))
        _in_range(
            half,
            "cov" if errors is None else errors[0],
            "margin of error of the pooled rate",
            groups.labels,
        )
        lo, hi = pooled - half, pooled + half
    rh_lo = rh_hi = r_lo = r_hi = None
    if dec is not None:
        h_lo, h_hi = _bounds(hh, dec["headcount"], "headcount")
        if rate is not None:
            _bounds(rows["rate"], dec["rate"], "rate")  # names `rate` if unrounded
            iv = implied_population_interval(
                rows["rate"][order],
                hh,
                unit=u,
                rate_decimals=dec["rate"],
                headcount_decimals=dec["headcount"],
            )
            n_lo, n_hi = np.asarray(iv.lower), np.asarray(iv.upper)
        else:
            n_lo, n_hi = _bounds(nn, dec["population"], "population")
        h_lo = np.maximum(h_lo, 0.0)
        n_lo = np.maximum(n_lo, 0.0)
        # Bounds of figures of d decimals are figures of d + 1 decimals;
        # implied populations are not figures (decimals None: inferred).
        bh = cast(int, dh) + 1
        bn = None if dn is None else dn + 1
        rh_lo = np.where(
            empty, np.nan, _decimal_total(h_lo, codes, k, decimals=bh, name="headcount")
        )
        rh_hi = np.where(
            empty, np.nan, _decimal_total(h_hi, codes, k, decimals=bh, name="headcount")
        )
        sn_lo = _decimal_total(n_lo, codes, k, decimals=bn, name="population")
        sn_hi = _decimal_total(n_hi, codes, k, decimals=bn, name="population")
        # Each bound rounded once from the decimal totals (as the rate).
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            r_lo = np.where(empty, np.nan, decimal_ratio(rh_lo, sn_hi, scale))
            r_hi = np.where(
                empty,
                np.nan,
                np.where(
                    sn_lo > 0,
                    np.minimum(decimal_ratio(rh_hi, sn_lo, scale), scale),
                    scale,
                ),
            )
    return PooledRate(
        group=groups.labels,
        rate=_scalar_or_groups(pooled, groups),
        headcount=_scalar_or_groups(total_h, groups),
        population=_scalar_or_groups(total_n, groups),
        se=_scalar_or_groups(se_r, groups),
        lower=_scalar_or_groups(lo, groups),
        upper=_scalar_or_groups(hi, groups),
        headcount_se=_scalar_or_groups(se_h, groups),
        rounding_lower=_scalar_or_groups(r_lo, groups),
        rounding_upper=_scalar_or_groups(r_hi, groups),
        headcount_rounding_lower=_scalar_or_groups(rh_lo, groups),
        headcount_rounding_upper=_scalar_or_groups(rh_hi, groups),
        unit=u,
        level=lev if dep is not None else None,
        dependence=None if dep is None else dep.kind,
    )


# --------------------------------------------------------------------------
# Derived proportions and ratios (ACS General Handbook, ch. 8)
# --------------------------------------------------------------------------


def _pair_errors(
    names: tuple[str, str],
    ses: tuple[ArrayLike | None, ArrayLike | None],
    moes: tuple[ArrayLike | None, ArrayLike | None],
    level: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Standard errors of two estimates, from both SEs or both MOEs."""
    have_se = [x is not None for x in ses]
    have_moe = [x is not None for x in moes]
    if all(have_se) and not any(have_moe):
        return (
            _validate.nonnegative(cast(ArrayLike, ses[0]), f"se_{names[0]}"),
            _validate.nonnegative(cast(ArrayLike, ses[1]), f"se_{names[1]}"),
        )
    if all(have_moe) and not any(have_se):
        out = []
        for nm, m in zip(names, moes, strict=True):
            _validate.nonnegative(cast(ArrayLike, m), f"moe_{nm}")
            out.append(se_from_moe(cast(ArrayLike, m), level=level))
        return out[0], out[1]
    msg = (
        f"give both `se_{names[0]}` and `se_{names[1]}`, or both "
        f"`moe_{names[0]}` and `moe_{names[1]}` (at `level`), and nothing else"
    )
    raise ValueError(msg)


def _derived(
    estimate: NDArray[np.float64],
    se: NDArray[np.float64],
    formula: NDArray[np.str_],
    level: float,
    unit: Unit | None,
    inputs: tuple[str, str],
) -> DerivedEstimate:
    shape = np.broadcast_shapes(estimate.shape, se.shape, formula.shape)
    wide = np.isinf(se)
    if wide.any():
        msg = (
            f"the standard error derived from `{inputs[0]}` and `{inputs[1]}` "
            f"lies beyond float64's range, found {_validate._first(se, wide)}; "
            "rescale the figures (e.g. to thousands)"
        )
        raise ValueError(msg)
    half = _moe(se, level)
    return DerivedEstimate(
        estimate=np.broadcast_to(estimate, shape),
        se=np.broadcast_to(se, shape),
        moe=np.broadcast_to(half, shape),
        lower=np.broadcast_to(estimate - half, shape),
        upper=np.broadcast_to(estimate + half, shape),
        formula=np.broadcast_to(formula, shape),
        level=level,
        unit=unit,
    )


@_validate.positional
def derived_proportion(
    part: ArrayLike,
    whole: ArrayLike,
    *,
    unit: Unit,
    level: float,
    se_part: ArrayLike | None = None,
    se_whole: ArrayLike | None = None,
    moe_part: ArrayLike | None = None,
    moe_whole: ArrayLike | None = None,
) -> DerivedEstimate:
    r"""A proportion of one published count in another, with its margin of error.

    The part must be a subset of the whole (the poor of a region among its
    population; the poor children among the poor). For two counts that are
    not part and whole use :func:`derived_ratio`.

    Parameters
    ----------
    part, whole : array_like
        The two counts, in one unit; ``0 <= part <= whole``. Broadcast.
    unit : {"fraction", "percent"}
        Scale of the returned proportion and its error.
    level : float
        Confidence level of the margins given and returned, a fraction in
        (0, 1) (0.9 for the ACS).
    se_part, se_whole : array_like, optional
        Standard errors of the counts.
    moe_part, moe_whole : array_like, optional
        Margins of error of the counts at `level`. Give both SEs or both
        MOEs.

    Returns
    -------
    DerivedEstimate
        Proportion, SE, MOE, bounds and the formula used at each position.
        NaN where `whole` is 0.

    Raises
    ------
    TypeError
        If an input is not numeric or `level` is not a number.
    ValueError
        If `unit` is unknown, a count or error is negative or infinite, a
        part exceeds its whole, the errors are not given as two SEs or two
        MOEs, `level` is not in (0, 1), or the shapes do not broadcast.
        A standard error above about 1.34e154 (its square, a variance,
        overflows float64) is refused too, naming its argument.

    See Also
    --------
    derived_ratio : A ratio of two counts that are not part and whole.

    Notes
    -----
    With :math:`\hat p = \hat X / \hat Y` [1]_,

    .. math::
        \mathrm{MOE}(\hat p) = \frac{1}{\hat Y}\sqrt{\mathrm{MOE}_X^2 -
        \hat p^2\,\mathrm{MOE}_Y^2},

    and where the radicand is negative the ratio formula
    :math:`\frac{1}{\hat Y}\sqrt{\mathrm{MOE}_X^2 + \hat p^2\,
    \mathrm{MOE}_Y^2}` is used instead, as the handbook prescribes
    (``formula`` says which). The proportion formula is the delta-method
    variance of a ratio with :math:`\mathrm{Cov}(\hat X, \hat Y) = \hat p\,
    \mathrm{Var}(\hat Y)`; it is computed by the same function as
    :func:`derived_ratio` and :func:`povstat.relative_change_se`. The same
    formulas hold for standard errors.

    References
    ----------
    .. [1] U.S. Census Bureau (2018), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 8,
       "Calculating Measures of Error for Derived Estimates" (derived
       proportions, and the note on a negative value under the square
       root).

    Examples
    --------
    The handbook's example: 203,119 never-married females (MOE 5,070) of
    630,498 females (MOE 831), 90 % margins:

    >>> from povstat.aggregate import derived_proportion
    >>> d = derived_proportion(203_119, 630_498, moe_part=5_070, moe_whole=831,
    ...                        level=0.90, unit="fraction")
    >>> print(d.estimate.round(6), d.moe.round(6), d.formula)
    0.322156 0.00803 proportion
    """
    u = _validate.unit(unit)
    lev = _level(level)
    x = _validate.nonnegative(part, "part")
    y = _validate.nonnegative(whole, "whole")
    _validate.shape(part=x, whole=y)
    over = x > y
    if over.any():
        xb, yb = np.broadcast_arrays(x, y)
        i = tuple(np.argwhere(np.broadcast_to(over, xb.shape))[0])
        msg = (
            f"`part` must not exceed `whole` (a proportion), found "
            f"{float(xb[i])!r} > {float(yb[i])!r}; for other pairs use derived_ratio"
        )
        raise ValueError(msg)
    sx, sy = _pair_errors(
        ("part", "whole"), (se_part, se_whole), (moe_part, moe_whole), lev
    )
    _validate.shape(part=x, whole=y, se_part=sx, se_whole=sy)
    # Standard errors whose squares overflow: refused under their own names.
    _validate.squarable(sx, "se_part" if se_part is not None else "moe_part")
    _validate.squarable(sy, "se_whole" if se_whole is not None else "moe_whole")
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(y > 0, x / np.where(y > 0, y, 1.0), np.nan)
    radicand = sx**2 - p**2 * sy**2
    proportion = ~(radicand < 0)  # NaN keeps the proportion formula
    cov = np.where(proportion, np.nan_to_num(p) * sy**2, 0.0)
    # Cauchy-Schwarz holds where the radicand is >= 0; allow its rounding.
    cov = np.minimum(cov, sx * sy)
    _, s = _ratio_and_se(
        y,
        x,
        se_before=sy,
        se_after=sx,
        independent=False,
        correlation=None,
        cov=cov,
    )
    formula = np.where(proportion, "proportion", "ratio")
    scale = _SCALE[u]
    with np.errstate(over="ignore"):
        se = np.asarray(s * scale)
    names = (
        "se_part" if se_part is not None else "moe_part",
        "se_whole" if se_whole is not None else "moe_whole",
    )
    # The estimate rounded once: 29 of 800 is 3.625 %, not 29 / 800 * 100.
    with np.errstate(divide="ignore", invalid="ignore"):
        est = np.where(y > 0, decimal_ratio(x, y, scale), np.nan)
    return _derived(np.asarray(est), se, formula, lev, u, names)


@_validate.positional
def derived_ratio(
    numerator: ArrayLike,
    denominator: ArrayLike,
    *,
    level: float,
    independent: bool,
    correlation: ArrayLike | None = None,
    se_numerator: ArrayLike | None = None,
    se_denominator: ArrayLike | None = None,
    moe_numerator: ArrayLike | None = None,
    moe_denominator: ArrayLike | None = None,
) -> DerivedEstimate:
    r"""A ratio of two published estimates, with its margin of error.

    Parameters
    ----------
    numerator, denominator : array_like
        The two estimates (finite); broadcast.
    level : float
        Confidence level of the margins given and returned.
    independent : bool
        Required, no default: the ACS ratio formula assumes independent
        estimates (``True``); with False give their `correlation`.
    correlation : array_like, optional
        Correlation of the two estimates, in [-1, 1].
    se_numerator, se_denominator : array_like, optional
        Standard errors of the estimates.
    moe_numerator, moe_denominator : array_like, optional
        Margins of error at `level`. Give both SEs or both MOEs.

    Returns
    -------
    DerivedEstimate
        Ratio, SE, MOE and bounds; NaN where the denominator is 0;
        ``formula`` is ``"ratio"``.

    Raises
    ------
    TypeError
        If an input is not numeric or `independent` is not a bool.
    ValueError
        If an estimate is infinite, an error is negative or infinite, the
        errors are not given as two SEs or two MOEs, the dependence is
        misstated, `level` is not in (0, 1), or the shapes do not broadcast.
        A standard error above about 1.34e154 (its square, a variance,
        overflows float64) is refused too, naming its argument.

    See Also
    --------
    derived_proportion : When the numerator is part of the denominator.

    Notes
    -----
    With :math:`\hat R = \hat X / \hat Y` the delta method gives [1]_, [2]_

    .. math::
        \mathrm{SE}(\hat R) = \frac{1}{|\hat Y|}\sqrt{\mathrm{SE}_X^2 +
        \hat R^2\,\mathrm{SE}_Y^2 - 2\hat R\,\mathrm{Cov}(\hat X, \hat Y)},

    with :math:`\mathrm{Cov} = 0` for independent estimates (the ACS ratio
    formula, equally valid for margins of error).

    The estimate is rounded once, as in :func:`derived_proportion`: the
    float64 nearest to the exact ratio of the decimals the inputs stand
    for (363.65 / 415.6 is 0.875, which rounds half up to 0.88, not
    0.8749999999999999).

    References
    ----------
    .. [1] U.S. Census Bureau (2018), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 8
       (derived ratios).
    .. [2] Oehlert, G. W. (1992), "A Note on the Delta Method", *The
       American Statistician* 46(1), 27-29.

    Examples
    --------
    Poor in Kota Surabaya (136.37 thousand) per poor person in Kota Malang
    (37.78 thousand), March 2023 (BPS), with assumed 90 % margins of 10 and
    4 thousand:

    >>> from povstat.aggregate import derived_ratio
    >>> d = derived_ratio(136.37, 37.78, moe_numerator=10, moe_denominator=4,
    ...                   level=0.90, independent=True)
    >>> print(d.estimate.round(3), d.moe.round(3))
    3.61 0.465
    """
    lev = _level(level)
    x = _validate.finite_or_nan(numerator, "numerator")
    y = _validate.finite_or_nan(denominator, "denominator")
    sx, sy = _pair_errors(
        ("numerator", "denominator"),
        (se_numerator, se_denominator),
        (moe_numerator, moe_denominator),
        lev,
    )
    _validate.shape(numerator=x, denominator=y, se_numerator=sx, se_denominator=sy)
    # Standard errors whose squares overflow: refused under their own names.
    _validate.squarable(
        sx, "se_numerator" if se_numerator is not None else "moe_numerator"
    )
    _validate.squarable(
        sy, "se_denominator" if se_denominator is not None else "moe_denominator"
    )
    indep = _validate.flag(independent, "independent")
    if indep and correlation is not None:
        msg = (
            "`correlation` was given with independent=True; pass "
            "independent=False to use it"
        )
        raise ValueError(msg)
    if not indep:
        if correlation is None:
            msg = "give the `correlation` of the two estimates when independent=False"
            raise ValueError(msg)
        rho = _validate.finite_or_nan(correlation, "correlation")
        bad = np.abs(rho) > 1.0
        if bad.any():
            msg = (
                f"`correlation` must lie in [-1, 1], found {_validate._first(rho, bad)}"
            )
            raise ValueError(msg)
        _validate.shape(numerator=x, correlation=rho)
    r, s = _ratio_and_se(
        y,
        x,
        se_before=sy,
        se_after=sx,
        independent=indep,
        correlation=None if indep else correlation,
        cov=None,
    )
    names = (
        "se_numerator" if se_numerator is not None else "moe_numerator",
        "se_denominator" if se_denominator is not None else "moe_denominator",
    )
    # The estimate rounded once, as in derived_proportion: 363.65 / 415.6 is
    # 0.875, not 0.8749999999999999.
    with np.errstate(divide="ignore", invalid="ignore"):
        est = np.where(np.isnan(r), np.nan, decimal_ratio(x, y, 1.0))
    return _derived(np.asarray(est), s, np.asarray("ratio"), lev, None, names)


# --------------------------------------------------------------------------
# The poverty gap in money
# --------------------------------------------------------------------------


@_validate.positional
def poverty_gap_money(
    p1: ArrayLike,
    rate: ArrayLike,
    poverty_line: ArrayLike,
    *,
    unit: Unit,
    count_unit: CountUnit,
    headcount: ArrayLike | None = None,
    population: ArrayLike | None = None,
    decimals: Mapping[str, int] | None = None,
) -> GapMoney:
    r"""The poverty gap in money: mean and total shortfall from the poverty line.

    Parameters
    ----------
    p1 : array_like
        Poverty gap index :math:`P_1`, in `unit`: ``"percent"`` for BPS's
        *Indeks Kedalaman Kemiskinan* (published times 100, e.g. 0.76),
        ``"fraction"`` for the index itself (0.0076).
    rate : array_like
        Headcount ratio :math:`P_0`, in `unit` (:math:`P_1 \le P_0`).
    poverty_line : array_like
        Poverty line :math:`z` per person per month, in its currency (BPS:
        Rp per capita per month).
    unit : {"fraction", "percent"}
        Scale of `p1` and `rate`.
    count_unit : {"persons", "thousands", "millions"}
        Unit of `headcount` or `population` (BPS: thousands). Required: the
        total is in currency per month only if the count unit is known.
    headcount : array_like, optional
        Number of poor :math:`H`. Give exactly one of `headcount` and
        `population`.
    population : array_like, optional
        Population :math:`N` the rates are shares of.
    decimals : mapping of str to int, optional
        Decimal places of every published input, for bounds from their
        rounding, e.g. ``{"p1": 2, "rate": 2, "poverty_line": 0,
        "headcount": 2}``.

    Returns
    -------
    GapMoney
        ``mean_shortfall`` (currency per poor person per month; NaN where
        the rate is 0), ``total`` (currency per month) and, with `decimals`,
        their bounds. Broadcast shape.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` or `count_unit` is unknown, a rate is out of range,
        :math:`P_1 > P_0`, a line or count is negative or infinite, not
        exactly one of `headcount` and `population` is given, `decimals`
        does not name every input, or the shapes do not broadcast.

    See Also
    --------
    pooled_rate : The rate of a group of regions.

    Notes
    -----
    :math:`P_1 = \frac1N\sum_{i:\,y_i<z} (z - y_i)/z` [1]_, so the total
    shortfall of the poor is :math:`z P_1 N` per month and the mean
    shortfall of a poor person is :math:`z P_1 / P_0` [2]_. With a headcount
    the total is computed as :math:`(z P_1/P_0) H`, the same quantity.

    The total is the money that would close the gap with perfect targeting:
    each poor person receives exactly their shortfall and no one else
    receives anything. It is a lower bound on the cost of ending poverty
    through transfers: it has no administrative or delivery cost, no
    leakage to the non-poor, no exclusion of the poor, and assumes no one
    changes behaviour. It is monthly, in the prices of the poverty line.

    The bounds take each published input anywhere in its rounding interval
    (:func:`povstat.rounding_interval`), jointly with :math:`P_1 \le P_0`,
    which the true values obey too; both results increase with
    :math:`P_1`, :math:`z` and the count and the mean shortfall decreases
    with :math:`P_0`, so the bounds are attained at the ends of the region
    where :math:`P_1 \le P_0`: :math:`P_1` is at most the smaller of the
    upper ends of :math:`P_1` and :math:`P_0`, and :math:`P_1/P_0` at most
    the smaller of :math:`P_1^{\text{upper}}/P_0^{\text{lower}}` and 1. So
    the upper bound of the mean shortfall never exceeds the upper end of
    the poverty line: at :math:`P_1 = P_0` every poor person has nothing,
    and the shortfall is the line itself.

    Each result and each bound is rounded once: the float64 nearest to the
    exact value of its formula on the decimals the inputs (and the ends of
    their rounding intervals) stand for, each float read, as
    :func:`~povstat.round_half_up` reads it, as the decimal of at most 15
    significant digits it is nearest to. So 0.31 % of Rp 898,738 over
    2.68 % is Rp 103,958.5, which rounds half up to 103,959, where the
    float formula gives 103958.49999999999; and no bound lies inside the
    exact range by a float rounding error beyond that final rounding.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.
    .. [2] Haughton, J., Khandker, S. R. (2009), *Handbook on Poverty and
       Inequality*, World Bank, ch. 4, "Measures of Poverty" (the poverty
       gap as the cost of eliminating poverty with perfect targeting).

    Examples
    --------
    BPS, Kota Malang, March 2023: :math:`P_1` 0.76, :math:`P_0` 4.26 %,
    37.78 thousand poor, poverty line Rp 674,660 per capita per month.

    >>> from povstat.aggregate import poverty_gap_money
    >>> g = poverty_gap_money(0.76, 4.26, 674_660, headcount=37.78,
    ...     unit="percent", count_unit="thousands",
    ...     decimals={"p1": 2, "rate": 2, "poverty_line": 0, "headcount": 2})
    >>> print(g.mean_shortfall.round(0), g.mean_shortfall_lower.round(0),
    ...       g.mean_shortfall_upper.round(0))
    120362.0 119430.0 121296.0
    >>> print((g.total / 1e9).round(3), (g.total_lower / 1e9).round(3),
    ...       (g.total_upper / 1e9).round(3))
    4.547 4.511 4.583
    """
    u = _validate.unit(unit)
    cu = _validate.choice(count_unit, "count_unit", _COUNT_UNITS)
    mult = _COUNT_SCALE[cu]
    scale = _SCALE[u]
    _one_of("headcount", headcount, "population", population, context="")
    g = _validate.rate(p1, "p1", u)
    r = _validate.rate(rate, "rate", u)
    z = _validate.nonnegative(poverty_line, "poverty_line")
    count_name = "headcount" if headcount is not None else "population"
    c = _validate.nonnegative(
        cast(ArrayLike, headcount if headcount is not None else population),
        count_name,
    )
    _validate.shape(p1=g, rate=r, poverty_line=z, **{count_name: c})
    over = g > r
    if over.any():
        gb, rb = np.broadcast_arrays(g, r)
        i = tuple(np.argwhere(np.broadcast_to(over, gb.shape))[0])
        msg = (
            "`p1` must not exceed `rate` (P1 <= P0 always), found "
            f"{float(gb[i])!r} > {float(rb[i])!r}; are the arguments swapped?"
        )
        raise ValueError(msg)
    dec = _decimals(decimals, ("p1", "rate", "poverty_line", count_name))

    def shortfall(
        g_: NDArray[np.float64], r_: NDArray[np.float64], z_: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        # z P1 / P0 on the decimals the figures stand for, rounded once.
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.asarray(np.where(r_ > 0, decimal_ratio(g_, r_, z_), np.nan))

    def total(
        g_: NDArray[np.float64],
        r_: NDArray[np.float64],
        z_: NDArray[np.float64],
        c_: NDArray[np.float64],
    ) -> NDArray[np.float64]:
        # (z P1 / P0) H or z P1 N, rounded once from the decimals.
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if count_name == "headcount":
                return np.asarray(
                    np.where(
                        r_ > 0, decimal_product_ratio((g_, z_, c_), r_, mult), np.nan
                    )
                )
            return decimal_product_ratio((g_, z_, c_), np.asarray(scale), mult)

    mean = shortfall(g, r, z)
    tot = total(g, r, z, c)
    bounds: dict[str, Any] = {}
    if dec is not None:
        g_lo, g_hi = _bounds(g, dec["p1"], "p1")
        r_lo, r_hi = _bounds(r, dec["rate"], "rate")
        z_lo, z_hi = _bounds(z, dec["poverty_line"], "poverty_line")
        c_lo, c_hi = _bounds(c, dec[count_name], count_name)
        g_lo, z_lo, c_lo = (np.maximum(v, 0.0) for v in (g_lo, z_lo, c_lo))
        r_lo = np.maximum(r_lo, 0.0)
        r_hi = np.minimum(r_hi, scale)
        # P1 <= P0 holds for the true values too, so the pair (P1, P0) lies in
        # the part of its rounding box where P1 <= P0: P1 is at most
        # min(p1 upper, P0 upper) and P1/P0 at most min(p1 upper / P0 lower, 1).
        g_hi = np.minimum(g_hi, r_hi)
        # Where P1/P0 reaches 1 the mean shortfall is the line itself; each
        # bound is the float nearest to its exact value, as the estimates.
        whole = (r_lo <= 0) | (g_hi >= r_lo)
        m_hi = np.where(whole, z_hi, shortfall(g_hi, r_lo, z_hi))
        if count_name == "headcount":
            with np.errstate(over="ignore"):
                line_total = decimal_product_ratio((z_hi, c_hi), np.ones(()), mult)
            t_hi = np.where(whole, line_total, total(g_hi, r_lo, z_hi, c_hi))
        else:
            t_hi = total(g_hi, r_lo, z_hi, c_hi)
        bounds = {
            "mean_shortfall_lower": shortfall(g_lo, r_hi, z_lo),
            "mean_shortfall_upper": np.where(np.isnan(mean), np.nan, m_hi),
            "total_lower": total(g_lo, r_hi, z_lo, c_lo),
            "total_upper": (
                np.where(np.isnan(mean), np.nan, t_hi)
                if count_name == "headcount"
                else t_hi
            ),
        }
    shape = np.broadcast_shapes(mean.shape, tot.shape)
    full = {
        k: None if k not in bounds else np.broadcast_to(bounds[k], shape)
        for k in (
            "mean_shortfall_lower",
            "mean_shortfall_upper",
            "total_lower",
            "total_upper",
        )
    }
    return GapMoney(
        mean_shortfall=np.broadcast_to(mean, shape),
        total=np.broadcast_to(tot, shape),
        **full,
    )
