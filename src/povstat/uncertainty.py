"""Sampling uncertainty of survey estimates: errors, intervals and tests.

Official poverty rates for regions are survey estimates. A fall of 0.11 points
is only news next to its sampling error. This module converts between the ways
an error is published (standard error, relative standard error, margin of
error, confidence bounds), builds intervals for a rate and for the number of
poor, and tests whether a change between two estimates is statistically
significant, with multiple-comparison adjustments for many regions at once.

Every confidence level is a fraction in (0, 1), keyword-only and without a
default: a 90 % margin of error divided by 1.96 instead of 1.645 is a classic
error, so povstat always asks which level was meant. Independence of two
estimates is likewise a stated choice (``independent=True``), never a silent
default.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, cast

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._exact import decimal_asymmetry, decimal_difference, decimal_ratio
from povstat._results import Result, array_eq, freeze, readonly, readonly_float
from povstat._validate import Unit
from povstat.headcount import rate_to_headcount

__all__ = [
    "ChangeTest",
    "HeadcountInterval",
    "RateInterval",
    "adjust_pvalues",
    "annualized_change_se",
    "change_test",
    "headcount_interval",
    "is_significant",
    "moe_from_se",
    "rate_interval",
    "relative_change_se",
    "rse_from_se",
    "se_from_bounds",
    "se_from_moe",
    "se_from_rse",
]

IntervalMethod = Literal["normal", "wilson", "logit"]
AdjustMethod = Literal["holm", "bonferroni"]

_SCALE = _validate.SCALE
_INTERVAL_METHODS: tuple[str, ...] = ("normal", "wilson", "logit")
_ADJUST_METHODS: tuple[str, ...] = ("holm", "bonferroni")
# Relative slack allowed when checking |cov| <= se1 * se2 (Cauchy-Schwarz), so
# that a covariance computed in floating point from a correlation of 1 passes.
_CS_SLACK = 1e-9


# --------------------------------------------------------------------------
# Private helpers (also used by povstat.rank_inference)
# --------------------------------------------------------------------------


_level = _validate.level


def _z(level: float) -> float:
    """Two-sided standard normal critical value for a confidence level."""
    from scipy.special import ndtri  # local: scipy loads on first use

    # -ndtri(alpha/2) is accurate even for levels very close to 1.
    return float(-ndtri((1.0 - level) / 2.0))


def _one_of(name_a: str, a: object, name_b: str, b: object, *, context: str) -> None:
    """Require exactly one of two optional arguments."""
    if (a is None) == (b is None):
        given = "both" if a is not None else "neither"
        msg = f"give exactly one of `{name_a}` and `{name_b}` {context}; got {given}"
        raise ValueError(msg)


_shapes = _validate.shape


def _covariance(
    se_a: NDArray[np.float64],
    se_b: NDArray[np.float64],
    *,
    independent: object,
    correlation: ArrayLike | None,
    cov: ArrayLike | None,
    names: tuple[str, str],
) -> NDArray[np.float64]:
    """Covariance of two estimates from the stated dependence.

    `independent` must be a real bool; with True neither `correlation` nor
    `cov` may be given, with False exactly one of them must be.
    """
    indep = _validate.flag(independent, "independent")
    if indep:
        for nm, v in (("correlation", correlation), ("cov", cov)):
            if v is not None:
                msg = (
                    f"`{nm}` was given with independent=True; pass "
                    "independent=False to use it"
                )
                raise ValueError(msg)
        return np.zeros(np.broadcast_shapes(se_a.shape, se_b.shape))
    if correlation is not None and cov is None:
        rho = _validate.finite_or_nan(correlation, "correlation")
        bad = np.abs(rho) > 1.0
        if bad.any():
            found = _validate._first(rho, bad)
            msg = f"`correlation` must lie in [-1, 1], found {found}"
            raise ValueError(msg)
        _shapes(**{names[0]: se_a, names[1]: se_b, "correlation": rho})
        return np.asarray(rho * se_a * se_b)
    if cov is None or correlation is not None:
        given = "both" if cov is not None else "neither"
        msg = (
            "give exactly one of `correlation` and `cov` when "
            f"independent=False; got {given}"
        )
        raise ValueError(msg)
    c = _validate.finite_or_nan(cov, "cov")
    _shapes(**{names[0]: se_a, names[1]: se_b, "cov": c})
    bound = se_a * se_b
    bad = np.abs(c) > bound * (1.0 + _CS_SLACK) + 1e-300
    if bad.any():
        cb, bb, ab, sb = np.broadcast_arrays(c, bound, se_a, se_b)
        i = tuple(np.argwhere(np.broadcast_to(bad, cb.shape))[0])
        # The inputs as given (shortest repr), their product to 15
        # significant digits: 0.1 * 0.1 is shown as 0.01, not float noise.
        msg = (
            "`cov` must satisfy |cov| <= "
            f"{names[0]} * {names[1]} (a correlation within [-1, 1]), found "
            f"{float(cb[i])!r} with {names[0]} * {names[1]} = "
            f"{float(ab[i])!r} * {float(sb[i])!r} = {float(bb[i]):.15g}"
        )
        raise ValueError(msg)
    return c


# --------------------------------------------------------------------------
# Conversions between ways of publishing an error
# --------------------------------------------------------------------------


def se_from_moe(moe: ArrayLike, *, level: float) -> NDArray[np.float64]:
    r"""Standard error from a margin of error at a stated confidence level.

    Parameters
    ----------
    moe : array_like
        Margins of error (half-widths of symmetric normal intervals), in the
        unit of the estimate. NaN stays NaN.
    level : float
        Confidence level the margins were published at, as a fraction in
        (0, 1): 0.9 for the US American Community Survey, often 0.95
        elsewhere. Required: the level is never assumed.

    Returns
    -------
    ndarray of float64
        Standard errors, same shape and unit as `moe`.

    Raises
    ------
    TypeError
        If `moe` is not numeric or `level` is not a number.
    ValueError
        If a margin is negative or infinite, or `level` is not in (0, 1).

    See Also
    --------
    moe_from_se : The inverse.
    se_from_bounds : The same from the two confidence bounds.

    Notes
    -----
    :math:`\mathrm{SE} = \mathrm{MOE} / z_{1-\alpha/2}` with
    :math:`\alpha = 1 - \text{level}` and :math:`z_q = \Phi^{-1}(q)`:
    :math:`z = 1.645` at 90 %, 1.960 at 95 % [1]_. Dividing a 90 % margin by
    1.96 understates the standard error by 16 %. The quantile :math:`z` is
    irrational, so it is taken as the float64 nearest to it and the
    quotient is one float64 division (no decimal reading of the figures
    applies: the result is never a decimal tie).

    References
    ----------
    .. [1] U.S. Census Bureau (2020), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 7,
       "Understanding Error and Determining Statistical Significance".

    Examples
    --------
    A 90 % margin of error of 2 points:

    >>> from povstat import se_from_moe
    >>> print(se_from_moe(2.0, level=0.90).round(4))
    1.2159
    """
    lev = _level(level)
    m = _validate.nonnegative(moe, "moe")
    with np.errstate(over="ignore"):  # beyond float64's range: inf
        return np.asarray(m / _z(lev))


def moe_from_se(se: ArrayLike, *, level: float) -> NDArray[np.float64]:
    r"""Margin of error at a stated confidence level from a standard error.

    Parameters
    ----------
    se : array_like
        Standard errors, in the unit of the estimate. NaN stays NaN.
    level : float
        Confidence level of the margin, a fraction in (0, 1).

    Returns
    -------
    ndarray of float64
        Margins of error (half-widths), same shape and unit as `se`.

    Raises
    ------
    TypeError
        If `se` is not numeric or `level` is not a number.
    ValueError
        If a standard error is negative or infinite, or `level` is not in
        (0, 1).

    See Also
    --------
    se_from_moe : The inverse.

    Notes
    -----
    :math:`\mathrm{MOE} = z_{1-\alpha/2}\,\mathrm{SE}` with
    :math:`\alpha = 1 - \text{level}` [1]_: one float64 product with the
    float64 nearest to the irrational :math:`z` (as in :func:`se_from_moe`).

    References
    ----------
    .. [1] U.S. Census Bureau (2020), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 7.

    Examples
    --------
    >>> from povstat import moe_from_se
    >>> moe_from_se([1.0, 0.5], level=0.95).round(3)
    array([1.96, 0.98])
    """
    lev = _level(level)
    s = _validate.nonnegative(se, "se")
    with np.errstate(over="ignore"):  # beyond float64's range: inf
        return np.asarray(s * _z(lev))


@_validate.positional
def se_from_rse(estimate: ArrayLike, rse_pct: ArrayLike) -> NDArray[np.float64]:
    r"""Standard error from a relative standard error in percent.

    BPS publishes the precision of Susenas estimates as the relative standard
    error (RSE, *relative standard error*, also called the coefficient of
    variation) in percent.

    Parameters
    ----------
    estimate : array_like
        Point estimates, in their own unit.
    rse_pct : array_like
        Relative standard errors in percent of the estimate; broadcast
        against `estimate`.

    Returns
    -------
    ndarray of float64
        Standard errors in the unit of `estimate`; broadcast shape. NaN where
        an input is NaN.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `estimate` is infinite, `rse_pct` is negative or infinite, or the
        shapes do not broadcast.

    See Also
    --------
    rse_from_se : The inverse.

    Notes
    -----
    :math:`\mathrm{SE} = |\hat\theta| \cdot \mathrm{RSE} / 100` [1]_,
    rounded once on the decimals the published figures stand for (as
    :func:`povstat.round_half_up` reads a figure; see
    :ref:`conversions-rounded-once`): an estimate of 55.62 with an RSE of
    2.5 % has an SE of exactly 1.3905, which rounds half up to 1.391 at
    three decimals, where float arithmetic gives 1.3904999999999998. A
    value of sixteen or more digits (a computed one) is read as its binary
    value.

    References
    ----------
    .. [1] Cochran, W. G. (1977), *Sampling Techniques*, 3rd ed., Wiley,
       section 2.8 (coefficient of variation).

    Examples
    --------
    A rate of 10.5 % with an RSE of 4 %:

    >>> from povstat import se_from_rse
    >>> se_from_rse(10.5, 4.0)
    array(0.42)
    """
    est = _validate.finite_or_nan(estimate, "estimate")
    rse = _validate.nonnegative(rse_pct, "rse_pct")
    _shapes(estimate=est, rse_pct=rse)
    a = np.abs(est)
    # The larger factor is the numerator, the smaller the scale, so that a
    # huge estimate or RSE overflows only where the SE itself does.
    with np.errstate(invalid="ignore"):
        return np.asarray(
            decimal_ratio(np.maximum(a, rse), np.asarray(100.0), np.minimum(a, rse))
        )


@_validate.positional
def rse_from_se(estimate: ArrayLike, se: ArrayLike) -> NDArray[np.float64]:
    r"""Relative standard error in percent from a standard error.

    Parameters
    ----------
    estimate : array_like
        Point estimates.
    se : array_like
        Standard errors, in the unit of `estimate`; broadcast against it.

    Returns
    -------
    ndarray of float64
        RSE in percent of the estimate; broadcast shape. NaN where an input
        is NaN or the estimate is 0 (an RSE of a zero estimate is undefined).

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `estimate` is infinite, `se` is negative or infinite, or the
        shapes do not broadcast.

    See Also
    --------
    se_from_rse : The inverse.

    Notes
    -----
    :math:`\mathrm{RSE} = 100\,\mathrm{SE} / |\hat\theta|` [1]_,
    rounded once on the decimals the published figures stand for, as in
    :func:`se_from_rse` and :func:`povstat.derived_proportion`: an SE of
    0.839 on an estimate of 4.0 is an RSE of exactly 20.975 %, which rounds
    half up to 20.98, where float arithmetic gives 20.974999999999998.

    References
    ----------
    .. [1] Cochran, W. G. (1977), *Sampling Techniques*, 3rd ed., Wiley,
       section 2.8.

    Examples
    --------
    >>> from povstat import rse_from_se
    >>> rse_from_se([10.5, 0.0], 0.42)
    array([ 4., nan])
    """
    est = _validate.finite_or_nan(estimate, "estimate")
    s = _validate.nonnegative(se, "se")
    shape = _shapes(estimate=est, se=s)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = decimal_ratio(s, np.abs(est), 100.0)
    out = np.broadcast_to(out, shape).copy()
    out[np.broadcast_to(est == 0, shape)] = np.nan
    return out


@_validate.positional
def se_from_bounds(
    lower: ArrayLike,
    upper: ArrayLike,
    *,
    level: float,
    estimate: ArrayLike | None = None,
) -> NDArray[np.float64]:
    r"""Standard error from the bounds of a symmetric normal confidence interval.

    Parameters
    ----------
    lower, upper : array_like
        Confidence bounds, in the unit of the estimate; broadcast together.
    level : float
        Confidence level of the interval, a fraction in (0, 1).
    estimate : array_like, optional
        The estimates the bounds are about, broadcast with them: each must
        lie within its bounds (bounds in another unit, such as fractions
        next to a rate in percent, or of another estimate, are refused).

    Returns
    -------
    ndarray of float64
        Standard errors; broadcast shape. NaN where a bound is NaN.

    Raises
    ------
    TypeError
        If a bound is not numeric or `level` is not a number.
    ValueError
        If a bound is infinite, `upper` < `lower` somewhere, an `estimate`
        lies outside its bounds or is not at their middle up to rounding
        (the message gives the first index, the values and the count),
        `level` is not in (0, 1), or the shapes do not broadcast.

    See Also
    --------
    se_from_moe : The same from a half-width.

    Notes
    -----
    :math:`\mathrm{SE} = (U - L) / (2 z_{1-\alpha/2})` [1]_, with
    :math:`U - L` the exact difference of the decimals the bounds stand for
    (as in :func:`povstat.rate_change`), rounded once, so that bounds
    :math:`\hat\theta \pm m` give the same SE as :func:`se_from_moe` of
    :math:`m`; the division by the (irrational) :math:`2z` is one more
    float64 rounding. Only valid for
    intervals of the form estimate :math:`\pm z\,\mathrm{SE}`; bounds of a
    Wilson, logit or other asymmetric interval do not give a standard error
    this way. With `estimate` this is checked: :math:`L + U - 2\hat\theta`
    must be within what rounding the three figures to the same decimals
    can explain, or the bounds are refused. Those decimals are the most
    that any of the three shows (a trailing zero cannot be seen, so an
    estimate of 19.00 next to bounds of 16.59 and 21.67 is taken at two
    decimals), and rounding half up moves the sum by less than four
    half-units of the last one (16 and 22 around 18, off by exactly four,
    are refused). Without `estimate` nothing can be checked.

    References
    ----------
    .. [1] U.S. Census Bureau (2020), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 7.

    Examples
    --------
    >>> from povstat import se_from_bounds
    >>> print(se_from_bounds(8.04, 11.96, level=0.95).round(4))
    1.0
    """
    lev = _level(level)
    lo = _validate.finite_or_nan(lower, "lower")
    hi = _validate.finite_or_nan(upper, "upper")
    _shapes(lower=lo, upper=hi)
    bad = hi < lo
    if bad.any():
        lb, hb = np.broadcast_arrays(lo, hi)
        i = tuple(np.argwhere(np.broadcast_to(bad, lb.shape))[0])
        at = "" if not i else f" at index {i[0] if len(i) == 1 else i}"
        msg = (
            f"`upper` must be >= `lower`, found upper {float(hb[i])!r} < "
            f"lower {float(lb[i])!r}{at}"
        )
        raise ValueError(msg)
    if estimate is not None:
        est = _validate.finite_or_nan(estimate, "estimate")
        _shapes(lower=lo, upper=hi, estimate=est)
        eb, lb, hb = np.broadcast_arrays(est, lo, hi)
        outside = (lb > eb) | (hb < eb)  # NaN compares False: not judged
        if outside.any():
            i = tuple(np.argwhere(outside)[0])
            n = int(np.count_nonzero(outside))
            at = f" at index {i[0] if len(i) == 1 else i}" if i else ""
            msg = (
                f"`estimate` must lie within [`lower`, `upper`], found "
                f"{float(eb[i])!r} outside [{float(lb[i])!r}, {float(hb[i])!r}]"
                f"{at} ({n} value(s) in all); are the bounds in the estimate's "
                "unit, and of the same estimate?"
            )
            raise ValueError(msg)
        lopsided = asymmetric(lb, hb, eb)
        if lopsided.any():
            i = tuple(np.argwhere(lopsided)[0])
            n = int(np.count_nonzero(lopsided))
            at = f" at index {i[0] if len(i) == 1 else i}" if i else ""
            msg = (
                "`lower` and `upper` must be symmetric around `estimate` (an "
                f"interval estimate +/- z SE), found [{float(lb[i])!r}, "
                f"{float(hb[i])!r}] around {float(eb[i])!r}{at} ({n} value(s) in "
                "all), further from symmetric than rounding to the figures' "
                "decimals explains; bounds of a Wilson, logit or other asymmetric "
                "interval do not give a standard error"
            )
            raise ValueError(msg)
    # Bounds of opposite sign near float64's limit: the width is halved
    # exactly rather than overflowing.
    width, halved = _validate.difference(hi, lo)
    # Published bounds: their width is the exact difference of the decimals
    # they stand for, rounded once (11.96 - 8.04 is 3.92, not
    # 3.9200000000000017), as in rate_change.
    exact_width, exact = decimal_difference(hi, lo)
    width = np.where(exact & ~halved, exact_width, width)
    z = _z(lev)
    return np.asarray(np.where(halved, width / z, width / (2.0 * z)))


def _half_unit(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Half a unit in the last shown decimal of each value (0 if it has > 8).

    A value's shown decimals are the fewest `d` (0-8) with which the
    decimal ``round(x * 10**d) / 10**d`` is `x` itself: 8.54 has 2, 8.5 has
    1 (a trailing zero cannot be seen, so 8.50 counts as 8.5: lenient).
    A value with more than 8 (float noise such as 8.540000000000001, or a
    computed 9.8651234567) is not a published figure: 0, exact.
    """
    half = np.zeros(x.shape, dtype=np.float64)
    open_ = np.isfinite(x)
    with np.errstate(invalid="ignore", over="ignore"):
        for d in range(9):
            scale = 10.0**d
            k = np.round(x * scale)
            hit = open_ & (np.abs(k) < 2.0**53) & (k / scale == x)
            half[hit] = 0.5 / scale
            open_ &= ~hit
            if not open_.any():
                break
    return half


def asymmetric(
    lower: NDArray[np.float64],
    upper: NDArray[np.float64],
    estimate: NDArray[np.float64],
) -> NDArray[np.bool_]:
    """Where the bounds are further from symmetric than rounding explains.

    For an interval estimate +/- m the sum ``lower + upper - 2 estimate``
    is 0. The three figures of one interval are taken to be published to
    the same decimals, the most that any of them shows (a trailing zero
    cannot be seen: 19.00 is 19.0, so 16.59 [... 21.67] next to it fixes
    two; a computed figure, with more than 8 decimals, fixes none), each
    then within half a unit of that decimal (see :func:`_half_unit`): as
    rounding half up moves a figure by less than half a unit one way and at
    most half a unit the other, the sum is off by less than four
    half-units (16, 22 around 18 are off by exactly four: refused). Where
    the three are decimals of at most 15 significant digits (as published
    figures are), the sum is taken exactly on those decimals
    (:func:`povstat._exact.decimal_asymmetry`; an integer such as 1e16
    shows 0 decimals there); elsewhere (a figure of 16 or more digits) in
    float64, give or take a few units in the last place of float
    arithmetic. NaN anywhere is not judged. Arrays broadcast together.
    """
    lo, hi, est = np.broadcast_arrays(lower, upper, estimate)
    with np.errstate(invalid="ignore", over="ignore"):
        off = np.abs(lo + hi - 2.0 * est)
        size = np.abs(lo) + np.abs(hi) + 2.0 * np.abs(est)
        # Half a unit of the most decimals shown among the published figures
        # (a computed one, with more than 8, is exact and fixes none); 0 if
        # all three are computed.
        units = np.stack([_half_unit(lo), _half_unit(hi), _half_unit(est)])
        half = np.min(np.where(units > 0, units, np.inf), axis=0)
        half = np.where(np.isinf(half), 0.0, half)
        noise = 4.0 * np.finfo(np.float64).eps * size
        # Four half-units or more beyond the float noise (a figure of 16 or
        # more digits: the short decimals are judged exactly below); only
        # float noise when all three are computed.
        out: NDArray[np.bool_] = np.where(
            half > 0, off - noise >= 4.0 * half, off > noise
        )
    # Short decimals with a published figure among them: the sum is judged
    # exactly on the decimals they stand for (a noise allowance of 4 ulps of
    # 15-digit figures would swamp four half-units: 9e14, 1.1e15 around
    # 1e15 is exactly symmetric).
    far, judged = decimal_asymmetry(lo, hi, est)
    return np.asarray(np.where(judged, far, out), np.bool_)


# --------------------------------------------------------------------------
# Intervals for a rate and for the number of poor
# --------------------------------------------------------------------------


@frozen(kw_only=True)
class RateInterval(Result):
    r"""Confidence interval for a rate.

    Attributes
    ----------
    estimate : ndarray of float64
        The rate, in `unit`.
    se : ndarray of float64
        Standard error of the rate, in `unit`: the one given, or the
        binomial :math:`\sqrt{\hat p(1-\hat p)/n}` from `n_effective`.
    lower, upper : ndarray of float64
        Confidence bounds, in `unit`. The normal interval may extend below 0
        or above 100 %; the Wilson and logit intervals stay inside.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"normal", "wilson", "logit"}
        How the bounds were computed.
    unit : {"fraction", "percent"}
        Scale of the rate and its bounds.

    Examples
    --------
    >>> from povstat import rate_interval
    >>> iv = rate_interval(10.0, unit="percent", level=0.95, method="normal", se=1.0)
    >>> print(iv.lower.round(2), iv.upper.round(2))
    8.04 11.96
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "estimate": "rate",
        "se": "rate_se",
        "lower": "rate_lower",
        "upper": "rate_upper",
    }

    estimate: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    se: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    level: float
    method: IntervalMethod
    unit: Unit


@_validate.positional
def rate_interval(
    rate: ArrayLike,
    *,
    unit: Unit,
    level: float,
    method: IntervalMethod,
    se: ArrayLike | None = None,
    n_effective: ArrayLike | None = None,
) -> RateInterval:
    r"""Confidence interval for a rate: normal, Wilson or logit.

    Parameters
    ----------
    rate : array_like
        Estimated rate :math:`\hat p`, in `unit`.
    unit : {"fraction", "percent"}
        Scale of `rate`, `se` and the returned bounds.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"normal", "wilson", "logit"}
        ``"normal"``: :math:`\hat p \pm z\,\mathrm{SE}`, which can leave
        [0, 100 %] for rates near 0 or 1. ``"wilson"``: the score interval,
        needs `n_effective`. ``"logit"``: a normal interval on the log-odds
        scale, transformed back. Wilson and logit intervals stay inside
        [0, 100 %].
    se : array_like, optional
        Standard error of the rate, in `unit` (e.g. the design-based SE a
        statistics office publishes). For ``"normal"`` and ``"logit"`` give
        exactly one of `se` and `n_effective`; ``"wilson"`` takes only
        `n_effective`.
    n_effective : array_like, optional
        Effective sample size :math:`n` (the number of sampled persons
        divided by the design effect; need not be an integer). The binomial
        standard error :math:`\sqrt{\hat p(1-\hat p)/n}` is used.

    Returns
    -------
    RateInterval
        Estimate, its standard error and bounds in `unit`; arrays of the
        broadcast shape. NaN where an input is NaN. At a rate of exactly 0
        or 100 % the Wilson bounds are exact: the lower bound is 0 at a rate
        of 0 and the upper bound 100 % at 100 %.

    Raises
    ------
    TypeError
        If an input is not numeric or `level` is not a number.
    ValueError
        If `unit` or `method` is unknown, `rate` is out of range for `unit`,
        `se` is negative, `n_effective` is not positive, `level` is not in
        (0, 1), the wrong combination of `se` and `n_effective` is given,
        the shapes do not broadcast, or, for ``"logit"``, a rate is exactly
        0 or 100 % (the log-odds are infinite: no logit interval exists,
        whether the SE comes from `se`, even an `se` of 0, or from
        `n_effective`, whose binomial SE of 0 would give a zero-width
        interval; the message names the first such row and suggests
        ``method="wilson"``).

    See Also
    --------
    headcount_interval : The interval for the number of poor.
    se_from_moe, se_from_rse : Standard errors from published figures.

    Notes
    -----
    With :math:`\hat p` as a fraction, :math:`z = \Phi^{-1}(1-\alpha/2)`:

    - normal: :math:`\hat p \pm z s` with :math:`s = \mathrm{SE}` or
      :math:`\sqrt{\hat p(1-\hat p)/n}`;
    - Wilson [1]_: :math:`\dfrac{\hat p + z^2/(2n)}{1 + z^2/n} \pm
      \dfrac{z}{1 + z^2/n}\sqrt{\dfrac{\hat p(1-\hat p)}{n} +
      \dfrac{z^2}{4n^2}}`;
    - logit [2]_: :math:`\operatorname{expit}\big(\operatorname{logit}
      \hat p \pm z s / (\hat p(1-\hat p))\big)`, the delta-method
      standard error of the log-odds [3]_.

    For small rates in small samples the normal interval is known to cover
    badly and to cross 0; Brown, Cai and DasGupta [2]_ recommend Wilson.

    References
    ----------
    .. [1] Wilson, E. B. (1927), "Probable Inference, the Law of Succession,
       and Statistical Inference", *Journal of the American Statistical
       Association* 22(158), 209-212.
    .. [2] Brown, L. D., Cai, T. T., DasGupta, A. (2001), "Interval
       Estimation for a Binomial Proportion", *Statistical Science* 16(2),
       101-133.
    .. [3] Korn, E. L., Graubard, B. I. (1998), "Confidence Intervals for
       Proportions with Small Expected Number of Positive Counts Estimated
       from Survey Data", *Survey Methodology* 24(2), 193-201.

    Examples
    --------
    2 poor persons in a simple random sample of 199:

    >>> from povstat import rate_interval
    >>> p = 100 * 2 / 199
    >>> w = rate_interval(p, unit="percent", level=0.95, method="wilson",
    ...                   n_effective=199)
    >>> print(w.lower.round(3), w.upper.round(3))
    0.276 3.59
    >>> n = rate_interval(p, unit="percent", level=0.95, method="normal",
    ...                   n_effective=199)
    >>> print(n.lower.round(3))
    -0.381
    """
    u = _validate.unit(unit)
    lev = _level(level)
    m = cast(IntervalMethod, _validate.choice(method, "method", _INTERVAL_METHODS))
    z = _z(lev)
    if m == "normal" and se is not None and n_effective is None:
        outs = _normal_in_blocks(rate, se, u, z)
        if outs is None:  # check the whole inputs, raising with the offender
            r = _validate.rate(rate, "rate", u)
            sv = _validate.nonnegative(se, "se")
            shape = _shapes(rate=r, se=sv)
            outs = tuple(np.empty(shape, dtype=np.float64) for _ in range(4))
            _normal_kernel(r, sv, _SCALE[u], z, outs, np.empty(shape))
        est, s_out, lo_out, hi_out = (freeze(v) for v in outs)
        return RateInterval(
            estimate=est,
            se=s_out,
            lower=lo_out,
            upper=hi_out,
            level=lev,
            method=m,
            unit=u,
        )
    r = _validate.rate(rate, "rate", u)
    scale = _SCALE[u]
    p = r / scale
    if m == "wilson":
        if se is not None:
            msg = (
                "`se` cannot be used with method='wilson', which is defined by "
                "the effective sample size; pass `n_effective` (for a "
                f"design-based SE in the rate's unit, {u!r}: "
                f"rate * ({scale:g} - rate) / se**2)"
            )
            raise ValueError(msg)
        if n_effective is None:
            msg = "method='wilson' needs `n_effective`"
            raise ValueError(msg)
        n = _validate.positive(n_effective, "n_effective")
        _shapes(rate=r, n_effective=n)
        s = np.sqrt(p * (1.0 - p)) / np.sqrt(n)
        # With z2n = z**2 / n, multiplied through by n so that no step
        # overflows for an n near float64's largest or smallest value:
        # centre (p + z2n / 2) / (1 + z2n) = (p n + z**2 / 2) / (n + z**2),
        # half z / (1 + z2n) sqrt(p (1 - p) / n + z2n / (4 n))
        # = z / (n + z**2) sqrt(p (1 - p) n + z**2 / 4).
        zz = z * z
        nz = n + zz
        centre = (p * n + zz / 2.0) / nz
        half = z / nz * np.sqrt(p * (1.0 - p) * n + zz / 4.0)
        far_lo, far_hi = centre - half, centre + half
        # The bounds are the roots of (1 + z2n) t**2 - (2p + z2n) t + p**2;
        # the root near an estimate close to 0 (or 1) is centre - half (or
        # centre + half), which cancels (2.8e-17 above an estimate of
        # 1.2e-276). It is taken from the product of the roots instead,
        # p**2 / (1 + z2n), of the roots of 1 - t for the upper one: no
        # cancellation, and exactly 0 (1) at p == 0 (1).
        q = 1.0 - p  # exact for p >= 0.5, where it is used
        with np.errstate(divide="ignore", invalid="ignore"):
            # 1 + z2n = nz / n.
            # Exactly 0 (1) at p == 0 (1), also where the other root is
            # p itself (an n near float64's largest: 0 / 0 otherwise).
            near_lo = np.where(p == 0, 0.0, p * p * (n / nz) / far_hi)
            near_hi = np.where(q == 0, 1.0, 1.0 - q * q * (n / nz) / (1.0 - far_lo))
        lo = np.clip(np.where(p <= 0.5, near_lo, far_lo), 0.0, 1.0)
        hi = np.clip(np.where(p >= 0.5, near_hi, far_hi), 0.0, 1.0)
    else:
        _one_of("se", se, "n_effective", n_effective, context=f"for method={m!r}")
        s = _rate_se(r, p, scale, se=se, n_effective=n_effective)
        if m == "normal":  # from `n_effective` (from `se`: returned above)
            lo = np.empty(np.broadcast_shapes(p.shape, s.shape), dtype=np.float64)
            hi = np.empty(lo.shape, dtype=np.float64)
            _normal_bounds(p, s, z, lo, hi, np.empty(s.shape, dtype=np.float64))
        else:
            inner = (p > 0) & (p < 1)
            _logit_edge(r, p, s, scale)
            from scipy.special import expit, logit  # local: loads on first use

            lp = logit(np.where(inner, p, 0.5))
            with np.errstate(divide="ignore", invalid="ignore"):
                sl = s / (p * (1.0 - p))
            lo = np.where(inner, expit(lp - z * sl), np.nan)
            hi = np.where(inner, expit(lp + z * sl), np.nan)
    shape = np.broadcast_shapes(np.shape(p), np.shape(lo), np.shape(hi))
    return RateInterval(
        estimate=np.broadcast_to(r, shape),
        se=np.broadcast_to(s * scale, shape),
        lower=np.broadcast_to(lo * scale, shape),
        upper=np.broadcast_to(hi * scale, shape),
        level=lev,
        method=m,
        unit=u,
    )


def _logit_edge(
    r: NDArray[np.float64],
    p: NDArray[np.float64],
    s: NDArray[np.float64],
    scale: float,
) -> None:
    """Refuse a logit interval at a rate of exactly 0 or 1, naming the rows.

    At a rate of exactly 0 or 1 the log-odds are infinite and no logit
    interval exists, whatever gives the standard error. A positive SE has no
    log-odds to be added to; an SE of 0 (always so with `n_effective`: the
    binomial SE vanishes there) would give the degenerate interval [p, p],
    a false certainty, so it is refused as well. Rows whose SE is NaN stay
    NaN.
    """
    at_edge = (p == 0.0) | (p == 1.0)
    bad = at_edge & ~np.isnan(s)
    if bad.any():
        shape = np.broadcast_shapes(np.shape(p), np.shape(s))
        bad_b = np.broadcast_to(bad, shape)
        rates = np.broadcast_to(r, shape)
        ses = np.broadcast_to(s * scale, shape)
        idx = np.argwhere(bad_b)
        first = tuple(int(i) for i in idx[0]) if idx.size else ()
        where = (
            "" if not first else f" at index {first[0] if len(first) == 1 else first}"
        )
        count = int(bad_b.sum())
        more = f" ({count} rows in all)" if count > 1 else ""
        msg = (
            "method='logit' is undefined at a rate of exactly 0 or "
            f"{'100 %' if scale == 100.0 else '1'} (the log-odds are infinite; "
            "a zero SE would give a zero-width interval): found rate "
            f"{rates[first].item()!r} with se {ses[first].item()!r}{where}{more}; "
            "use method='wilson' with `n_effective`"
        )
        raise ValueError(msg)


def _normal_bounds(
    p: NDArray[np.float64],
    s: NDArray[np.float64],
    z: float,
    lower: NDArray[np.float64],
    upper: NDArray[np.float64],
    tmp: NDArray[np.float64],
) -> None:
    """Normal interval ``p -/+ z s`` into `lower` and `upper` (the one formula).

    `lower` may be `p` itself (it is written last); `tmp` has the shape of `s`.
    """
    np.multiply(s, z, out=tmp)
    np.add(p, tmp, out=upper)
    np.subtract(p, tmp, out=lower)


def _normal_kernel(
    r: NDArray[np.float64],
    se: NDArray[np.float64],
    scale: float,
    z: float,
    outs: tuple[NDArray[np.float64], ...],
    tmp: NDArray[np.float64],
) -> None:
    """The normal `rate_interval` from checked `rate` and `se` (in its unit).

    Writes estimate, se, lower and upper into the four arrays of `outs`
    (of the broadcast shape; `tmp` too): the bounds are computed on the
    fraction scale and returned in the rate's unit.
    """
    est, s_out, lo, hi = outs
    np.copyto(est, r)
    np.divide(se, scale, out=s_out)  # the SE as a fraction
    np.divide(r, scale, out=lo)  # the rate as a fraction
    # A bound beyond float64's range in the rate's unit (an SE near 1e308)
    # is +-inf, as IEEE 754 gives, without a warning.
    with np.errstate(over="ignore"):
        _normal_bounds(lo, s_out, z, lo, hi, tmp)
        s_out *= scale
        lo *= scale
        hi *= scale


def _normal_in_blocks(
    rate: ArrayLike, se: ArrayLike, u: Unit, z: float
) -> tuple[NDArray[np.float64], ...] | None:
    """The normal `rate_interval` from `se`, block by block, checked as it goes.

    The kernel of the whole-array path on each block, so the results are
    identical; the four arrays (estimate, se, lower, upper) are new. None
    when an input is not numeric, the shapes differ or a block fails a
    check: the caller then checks the whole inputs, which raises with the
    offending value.
    """
    r = _validate.numeric_or_none(rate, "rate")
    s = _validate.numeric_or_none(se, "se")
    if r is None or s is None or not _validate.blockable(r, s):
        return None
    scale = _SCALE[u]
    upper = _validate.UPPER[u]
    outs = tuple(np.empty(r.shape, dtype=np.float64) for _ in range(4))
    flat = tuple(v.reshape(-1) for v in outs)
    rf, sf = r.reshape(-1), s.reshape(-1)
    room = np.empty(min(rf.shape[0], _validate.BLOCK), dtype=np.float64)
    for b in _validate.blocks(rf.shape[0]):  # blocks of 65,536, not rows
        rb, sb = rf[b], sf[b]
        if not (
            _validate.in_range(rb, 0.0, upper)
            and _validate.in_range(sb, 0.0, _validate.MAX_FINITE)
        ):
            return None
        tmp = room[: rb.shape[0]]
        _normal_kernel(rb, sb, scale, z, tuple(v[b] for v in flat), tmp)
    return outs


def _rate_se(
    r: NDArray[np.float64],
    p: NDArray[np.float64],
    scale: float,
    *,
    se: ArrayLike | None,
    n_effective: ArrayLike | None,
) -> NDArray[np.float64]:
    """SE of a rate as a fraction, from `se` (in the rate's unit) or `n_effective`."""
    if n_effective is not None:
        n = _validate.positive(n_effective, "n_effective")
        _shapes(rate=r, n_effective=n)
        return np.asarray(np.sqrt(p * (1.0 - p) / n))
    if se is None:
        msg = "give the rate's `se` or `n_effective`"
        raise ValueError(msg)
    s = _validate.nonnegative(se, "se")
    _shapes(rate=r, se=s)
    return np.asarray(s / scale)


@frozen(kw_only=True)
class HeadcountInterval(Result):
    r"""Confidence interval for a number of poor people.

    Attributes
    ----------
    estimate : ndarray of float64
        Number of poor :math:`\hat p N`, in the unit of the population.
    lower, upper : ndarray of float64
        Confidence bounds, same unit. A lower bound is never below 0.
    clipped : ndarray of bool
        True where the lower bound computed by the method was negative and
        was raised to 0 (a count cannot be negative). The coverage of the
        interval is unchanged by this: no count below 0 is possible.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"normal", "wilson", "logit"}
        Method of the underlying rate interval (``"normal"`` for the delta
        method when the population is uncertain).

    Examples
    --------
    >>> from povstat import headcount_interval
    >>> h = headcount_interval(2.0, 1000, unit="percent", level=0.95,
    ...                        method="normal", se=1.5)
    >>> h.lower, bool(h.clipped)
    (array(0.), True)
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "estimate": "headcount",
        "lower": "headcount_lower",
        "upper": "headcount_upper",
        "clipped": "headcount_clipped",
    }

    estimate: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    clipped: NDArray[np.bool_] = field(converter=readonly, eq=array_eq)
    level: float
    method: IntervalMethod


@_validate.positional
def headcount_interval(
    rate: ArrayLike,
    population: ArrayLike,
    *,
    unit: Unit,
    level: float,
    method: IntervalMethod,
    se: ArrayLike | None = None,
    n_effective: ArrayLike | None = None,
    population_se: ArrayLike | None = None,
    cov: ArrayLike | None = None,
) -> HeadcountInterval:
    r"""Confidence interval for the number of poor from a rate and a population.

    Parameters
    ----------
    rate : array_like
        Estimated poverty rate :math:`\hat p`, in `unit`.
    population : array_like
        Population :math:`N` the rate is a share of (persons, thousands,
        ...); broadcast against `rate`.
    unit : {"fraction", "percent"}
        Scale of `rate`, `se` and `cov`.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"normal", "wilson", "logit"}
        Method of the rate interval, as in :func:`rate_interval`. With
        `population_se` only ``"normal"`` (the delta method) is available.
    se, n_effective : array_like, optional
        Standard error of the rate (in `unit`) or effective sample size, as
        in :func:`rate_interval`.
    population_se : array_like, optional
        Standard error of the population, in its unit. None (the default)
        treats the population as known exactly, as for a census count or a
        fixed projection.
    cov : array_like, optional
        Covariance of the rate (in `unit`) and population estimates, in
        `unit` times the population's unit. Only with `population_se`; None
        means the two estimates are uncorrelated (typical when the
        population comes from projections rather than the same survey).

    Returns
    -------
    HeadcountInterval
        Estimate and bounds in the unit of `population`; arrays of the
        broadcast shape. A negative lower bound is raised to 0 and flagged in
        ``clipped``.

    Raises
    ------
    TypeError
        If an input is not numeric or `level` is not a number.
    ValueError
        If an input is out of range, `cov` violates
        :math:`|\mathrm{Cov}| \le \mathrm{SE}_p\,\mathrm{SE}_N`, an
        argument combination is not allowed (see above), or the shapes do not
        broadcast.

    See Also
    --------
    rate_interval : The interval for the rate.
    povstat.rate_to_headcount : The point estimate.

    Notes
    -----
    The estimate :math:`\hat H = pN` is that of
    :func:`povstat.rate_to_headcount`: exact on the decimals the published
    rate and population stand for, rounded once (0.07 % of 1000 is 0.7,
    not the 0.7000000000000001 of float arithmetic). With the population
    known, the bounds are those of the rate interval times :math:`N`. With
    an uncertain population the delta method [1]_ gives,
    for :math:`H = pN` with :math:`p` as a fraction,

    .. math::
        \mathrm{Var}(\hat H) \approx N^2\,\mathrm{Var}(\hat p)
        + p^2\,\mathrm{Var}(\hat N) + 2pN\,\mathrm{Cov}(\hat p, \hat N),

    and the interval :math:`\hat H \pm z\,\mathrm{SE}(\hat H)`.

    **Clipping rule.** A number of poor cannot be negative, so a negative
    lower bound (possible with the normal methods) is replaced by 0 and the
    position is flagged in ``clipped``. The upper bound is not changed.
    Clipping does not change which values the interval covers among the
    possible ones; the Wilson and logit methods never need it.

    References
    ----------
    .. [1] Oehlert, G. W. (1992), "A Note on the Delta Method", *The
       American Statistician* 46(1), 27-29.
    .. [2] Wilson, E. B. (1927), "Probable Inference, the Law of Succession,
       and Statistical Inference", *Journal of the American Statistical
       Association* 22(158), 209-212.

    Examples
    --------
    2 poor in a simple random sample of 199, for a place of 97,541 people:

    >>> from povstat import headcount_interval
    >>> p = 100 * 2 / 199
    >>> h = headcount_interval(p, 97_541, unit="percent", level=0.95,
    ...                        method="wilson", n_effective=199)
    >>> print(h.lower.round(), h.upper.round())
    269.0 3501.0
    >>> n = headcount_interval(p, 97_541, unit="percent", level=0.95,
    ...                        method="normal", n_effective=199)
    >>> print(n.lower, n.upper.round(), bool(n.clipped))
    0.0 2332.0 True
    """
    u = _validate.unit(unit)
    lev = _level(level)
    m = cast(IntervalMethod, _validate.choice(method, "method", _INTERVAL_METHODS))
    r = _validate.rate(rate, "rate", u)
    pop = _validate.nonnegative(population, "population")
    _shapes(rate=r, population=pop)
    scale = _SCALE[u]
    p = r / scale
    if population_se is None:
        if cov is not None:
            msg = "`cov` needs `population_se`; without it N is exact"
            raise ValueError(msg)
        iv = rate_interval(
            r,
            unit=u,
            level=lev,
            method=m,
            se=se,
            n_effective=n_effective,
        )
        # The point estimate is rate_to_headcount's, rounded once.
        est = rate_to_headcount(r, pop, unit=u)
        lo = iv.lower / scale * pop
        hi = iv.upper / scale * pop
    else:
        if m != "normal":
            msg = (
                "with `population_se` only method='normal' (the delta method) "
                f"is available, got method={m!r}"
            )
            raise ValueError(msg)
        _one_of("se", se, "n_effective", n_effective, context="for the rate")
        se_p = _rate_se(r, p, scale, se=se, n_effective=n_effective)
        pse = _validate.nonnegative(population_se, "population_se")
        _shapes(rate=r, population_se=pse)
        if cov is None:
            c_pn = np.zeros(())
        else:
            c_pn = (
                _covariance(
                    se_p * scale,
                    pse,
                    independent=False,
                    correlation=None,
                    cov=cov,
                    names=("se", "population_se"),
                )
                / scale
            )
        # sqrt(N**2 var_p + p**2 var_N + 2 p N cov), scaled by a power of
        # two so that no square overflows where the SE does not.
        with np.errstate(over="ignore"):
            sd = _validate.root_sum_squares(pop * se_p, p * pse, -(p * pop), c_pn)
            est = rate_to_headcount(r, pop, unit=u)
            z = _z(lev)
            lo = est - z * sd
            hi = est + z * sd
    shape = np.broadcast_shapes(np.shape(est), np.shape(lo), np.shape(hi))
    lo_b = np.broadcast_to(lo, shape)
    clipped = lo_b < 0  # NaN compares False: not clipped
    return HeadcountInterval(
        estimate=np.broadcast_to(est, shape),
        lower=np.where(clipped, 0.0, lo_b),
        upper=np.broadcast_to(hi, shape),
        clipped=clipped,
        level=lev,
        method=m,
    )


# --------------------------------------------------------------------------
# Changes
# --------------------------------------------------------------------------


@frozen(kw_only=True)
class ChangeTest(Result):
    r"""Test of the difference between two estimates.

    Attributes
    ----------
    points : ndarray of float64
        ``after - before``, in the unit of the estimates (percentage points
        for rates in percent).
    se : ndarray of float64
        Standard error of the difference.
    lower, upper : ndarray of float64
        Confidence interval for the difference at `level`.
    z : ndarray of float64
        ``points / se``; +-inf where the SE is 0 and the difference is
        not, NaN where both are 0.
    p_value : ndarray of float64
        Two-sided p-value :math:`2\Phi(-|z|)`.
    level : float
        Confidence level of the interval, a fraction in (0, 1).
    significant : ndarray of bool
        Whether each difference is significant at the test's own `level`:
        ``is_significant(p_value, level=level)``, i.e. the confidence
        interval excludes 0. False where the test is undefined. Derived from
        `p_value` and `level`, not given to the constructor.

    Examples
    --------
    >>> from povstat import change_test
    >>> t = change_test(10.0, 7.0, se_before=1.0, se_after=1.0, level=0.95,
    ...                 independent=True)
    >>> bool(t.significant)
    True
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "points": "change_points",
        "se": "change_se",
        "lower": "change_lower",
        "upper": "change_upper",
        "z": "change_z",
        "p_value": "change_p_value",
        "significant": "change_significant",
    }

    points: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    se: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    z: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    p_value: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    level: float
    significant: NDArray[np.bool_] = field(init=False, eq=False, converter=readonly)

    @significant.default
    def _significant(self) -> NDArray[np.bool_]:
        return freeze(is_significant(self.p_value, level=self.level))


@_validate.positional
def change_test(
    before: ArrayLike,
    after: ArrayLike,
    *,
    se_before: ArrayLike,
    se_after: ArrayLike,
    level: float,
    independent: bool,
    correlation: ArrayLike | None = None,
    cov: ArrayLike | None = None,
) -> ChangeTest:
    r"""Standard error, interval, z statistic and p-value of a change.

    Parameters
    ----------
    before, after : array_like
        The two estimates (two periods, or two areas), in one unit.
    se_before, se_after : array_like
        Their standard errors, in the same unit.
    level : float
        Confidence level of the interval, a fraction in (0, 1).
    independent : bool
        Required, no default. True: the two estimates come from independent
        samples (covariance 0). False: give `correlation` or `cov`,
        e.g. for panels, or for samples that share primary sampling units
        between rounds, where a positive correlation makes the SE of a
        change smaller than the independence formula says.
    correlation : array_like, optional
        Correlation of the two estimates' sampling errors, in [-1, 1].
    cov : array_like, optional
        Their covariance, in the unit squared.

    Returns
    -------
    ChangeTest
        ``points`` (``after - before``), its SE, interval, z and two-sided
        p-value; arrays of the broadcast shape.

    Raises
    ------
    TypeError
        If an input is not numeric, `level` is not a number, or
        `independent` is not a bool.
    ValueError
        If a standard error is negative, `level` is not in (0, 1), the
        dependence is stated inconsistently (see `independent`), a
        correlation lies outside [-1, 1], a covariance is larger in absolute
        value than ``se_before * se_after``, or the shapes do not broadcast.
        A standard error above about 1.34e154 (its square, a variance,
        overflows float64) is refused too, naming its argument.

    See Also
    --------
    is_significant : The verdict at a stated level.
    adjust_pvalues : Holm or Bonferroni over many regions.
    relative_change_se, annualized_change_se : SEs of derived changes.

    Notes
    -----
    :math:`d = \hat\theta_2 - \hat\theta_1`,
    :math:`\mathrm{SE}(d) = \sqrt{\mathrm{SE}_1^2 + \mathrm{SE}_2^2 -
    2\,\mathrm{Cov}}` with :math:`\mathrm{Cov} = \rho\,\mathrm{SE}_1
    \mathrm{SE}_2`, :math:`z = d/\mathrm{SE}(d)`,
    :math:`p = 2\Phi(-|z|)` and the interval :math:`d \pm
    z_{1-\alpha/2}\mathrm{SE}(d)` [1]_.

    The difference :math:`d` is rounded once: the float64 nearest to the
    exact difference of the decimals the estimates stand for (each float
    read, as :func:`~povstat.round_half_up` reads it, as the decimal of at
    most 15 significant digits it is nearest to), the same float64 as
    :func:`povstat.rate_change` gives: 35.82 - 35.77 is 0.05, which rounds
    half up to 0.1, not 0.04999999999999716. The interval and z are
    computed from that difference.

    Overlapping confidence intervals do **not** mean that two estimates are
    not significantly different: with equal SEs the intervals overlap until
    the difference reaches :math:`2z\,\mathrm{SE}`, while the test rejects
    from :math:`\sqrt 2 z\,\mathrm{SE}` [2]_.

    References
    ----------
    .. [1] U.S. Census Bureau (2020), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 7,
       "Determining Statistical Significance".
    .. [2] Schenker, N., Gentleman, J. F. (2001), "On Judging the
       Significance of Differences by Examining the Overlap Between
       Confidence Intervals", *The American Statistician* 55(3), 182-186.

    Examples
    --------
    Two areas at 10 % and 7 %, each with a 90 % margin of error of 2 points:

    >>> from povstat import change_test, se_from_moe
    >>> se = se_from_moe(2.0, level=0.90)
    >>> t = change_test(10.0, 7.0, se_before=se, se_after=se, level=0.90,
    ...                 independent=True)
    >>> print(t.se.round(3), t.z.round(3), t.p_value.round(3))
    1.719 -1.745 0.081
    >>> bool(t.significant)
    True
    """
    lev = _level(level)
    b, a, sb, sa, c = _pair(
        before,
        after,
        se_before=se_before,
        se_after=se_after,
        independent=independent,
        correlation=correlation,
        cov=cov,
    )
    # The difference of the decimals the estimates stand for, rounded once
    # (the one difference of rate_change): 35.82 - 35.77 is 0.05, not
    # 0.04999999999999716. Beyond float64's range: +-inf (z too).
    with np.errstate(over="ignore"):
        d = decimal_difference(a, b)[0]
    # Scaled by a power of two, so that two SEs whose squares' sum overflows
    # give their finite root; rounding can make a variance of (near) zero
    # slightly negative: 0.
    sd = _validate.root_sum_squares(sb, sa, c, 1.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        zstat = d / sd
    from scipy.special import ndtr  # local: scipy loads on first use

    p = 2.0 * ndtr(-np.abs(zstat))
    zc = _z(lev)
    shape = np.broadcast_shapes(np.shape(d), np.shape(sd))
    return ChangeTest(
        points=np.broadcast_to(d, shape),
        se=np.broadcast_to(sd, shape),
        lower=np.broadcast_to(d - zc * sd, shape),
        upper=np.broadcast_to(d + zc * sd, shape),
        z=np.broadcast_to(zstat, shape),
        p_value=np.broadcast_to(p, shape),
        level=lev,
    )


def _pair(
    before: ArrayLike,
    after: ArrayLike,
    *,
    se_before: ArrayLike,
    se_after: ArrayLike,
    independent: object,
    correlation: ArrayLike | None,
    cov: ArrayLike | None,
) -> tuple[NDArray[np.float64], ...]:
    """Checked estimates, SEs and their covariance for a pair of periods."""
    b = _validate.finite_or_nan(before, "before")
    a = _validate.finite_or_nan(after, "after")
    sb = _validate.squarable(_validate.nonnegative(se_before, "se_before"), "se_before")
    sa = _validate.squarable(_validate.nonnegative(se_after, "se_after"), "se_after")
    _shapes(before=b, after=a, se_before=sb, se_after=sa)
    c = _covariance(
        sb,
        sa,
        independent=independent,
        correlation=correlation,
        cov=cov,
        names=("se_before", "se_after"),
    )
    return b, a, sb, sa, c


def _ratio_and_se(
    before: ArrayLike,
    after: ArrayLike,
    *,
    se_before: ArrayLike,
    se_after: ArrayLike,
    independent: object,
    correlation: ArrayLike | None,
    cov: ArrayLike | None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Ratio r = after / before and its delta-method SE (NaN where before == 0)."""
    r, sd, _, _ = _ratio_parts(
        before,
        after,
        se_before=se_before,
        se_after=se_after,
        independent=independent,
        correlation=correlation,
        cov=cov,
    )
    return r, sd


def _ratio_parts(
    before: ArrayLike,
    after: ArrayLike,
    *,
    se_before: ArrayLike,
    se_after: ArrayLike,
    independent: object,
    correlation: ArrayLike | None,
    cov: ArrayLike | None,
) -> tuple[
    NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]
]:
    """:func:`_ratio_and_se` and, for a ratio > 0, the logs of both.

    The logs are finite where the ratio or its SE overflows (from the
    inputs' logs and :func:`_scaled_ratio_se`), for formulas that bring
    them back into range (a compound rate's SE); NaN elsewhere.
    """
    b, a, sb, sa, c = _pair(
        before,
        after,
        se_before=se_before,
        se_after=se_after,
        independent=independent,
        correlation=correlation,
        cov=cov,
    )
    # A ratio (or its SE) beyond float64's range is inf.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        r = np.where(b == 0, np.nan, a / np.where(b == 0, 1.0, b))
        # sqrt(sa**2 + r**2 sb**2 - 2 r c) / |b|, scaled by a power of two so
        # that no square overflows where the SE does not.
        sd = _validate.root_sum_squares(sa, r * sb, r, c) / np.abs(
            np.where(b == 0, 1.0, b)
        )
    # Where the ratio or a step of the formula overflows (1e300 / 1e-300),
    # the SE from mantissas and exponents apart: inf only where the exact
    # SE lies beyond float64's range, never NaN from inf * 0.
    over = _overflowed(a, b, sa, sb, c, r, sd)
    log_r = log_sd = np.full(np.shape(r), np.nan)
    if over.any():
        q, k = _scaled_ratio_se(a, b, sa, sb, c)
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            sd = np.where(over, np.ldexp(q, k), sd)
            # The sign of the ratio from the inputs' signs: a ratio that
            # underflows to 0 (1e150 / 1e-300 the other way) is still > 0.
            positive = over & (a != 0) & ((a > 0) == (b > 0))
            log_r = np.where(positive, np.log(np.abs(a)) - np.log(np.abs(b)), np.nan)
            log_sd = np.where(positive, np.log(q) + k * np.log(2.0), np.nan)
    return np.asarray(r), np.asarray(sd), np.asarray(log_r), np.asarray(log_sd)


def _overflowed(
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    sa: NDArray[np.float64],
    sb: NDArray[np.float64],
    c: NDArray[np.float64],
    r: NDArray[np.float64],
    sd: NDArray[np.float64],
) -> NDArray[np.bool_]:
    """Finite inputs (``b`` not 0) whose ratio or SE overflowed or underflowed.

    Overflow: the ratio or the delta-method SE is not finite. Underflow: a
    step of the formula fell below float64's smallest normal number (the
    ratio, ``r * sb``, or the SE itself) from non-zero inputs, where it
    loses digits or becomes 0 although the SE, multiplied back by a large
    factor (``r * sb / |b|`` with ``|b|`` tiny), may be a normal float.
    Both are recomputed from mantissas and exponents apart.
    """
    finite = np.isfinite(a) & np.isfinite(b) & np.isfinite(sa) & np.isfinite(sb)
    finite &= np.isfinite(c) & (b != 0)
    tiny = np.finfo(np.float64).tiny
    with np.errstate(under="ignore", invalid="ignore", over="ignore"):
        rs = np.abs(r * sb)
        under = (np.abs(r) < tiny) & (a != 0)
        under |= (rs < tiny) & (r != 0) & (sb != 0)
        under |= (sd < tiny) & ((sa != 0) | ((sb != 0) & (a != 0)))
    return np.asarray(finite & (~(np.isfinite(r) & np.isfinite(sd)) | under))


def _scaled_ratio_se(
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    sa: NDArray[np.float64],
    sb: NDArray[np.float64],
    c: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.int32]]:
    """The delta-method SE of ``a / b`` as ``q * 2**k`` (q finite).

    The variance :math:`s_a^2/b^2 + a^2 s_b^2/b^4 - 2 a c/b^3` term by
    term, each as a mantissa product (``np.frexp``, at most 16 in size)
    times a power of two, all scaled by ``2**-2k`` with ``2k`` the largest
    exponent: no term overflows, the largest is near 1, and the root is
    ``q``. Terms far below the largest underflow to 0, a relative change
    below 2**-1000.
    """
    a, b, sa, sb, c = np.broadcast_arrays(a, b, sa, sb, c)
    with np.errstate(all="ignore"):
        ma, ea = np.frexp(a)
        mb, eb = np.frexp(np.where(b == 0, 1.0, b))
        msa, esa = np.frexp(sa)
        msb, esb = np.frexp(sb)
        mc, ec = np.frexp(c)
        ea, eb, esa, esb, ec = (x.astype(np.int64) for x in (ea, eb, esa, esb, ec))
        m1, e1 = (msa / mb) ** 2, 2 * (esa - eb)
        m2, e2 = (ma * msb / (mb * mb)) ** 2, 2 * (ea + esb - 2 * eb)
        m3, e3 = 2.0 * ma * mc / (mb * mb * mb), ea + ec - 3 * eb
        low = np.iinfo(np.int64).min
        top = np.maximum.reduce(
            [np.where(m != 0, e, low) for m, e in ((m1, e1), (m2, e2), (m3, e3))]
        )
        top = np.where(top == low, 0, top)
        k = -((-top) // 2)  # ceil(top / 2): 2k >= each exponent

        def scaled(m: NDArray[np.float64], e: NDArray[np.int64]) -> Any:
            return np.ldexp(m, np.clip(e - 2 * k, -4000, 0).astype(np.int32))

        var = scaled(m1, e1) + scaled(m2, e2) - scaled(m3, e3)
        q = np.sqrt(np.maximum(var, 0.0))
    return np.asarray(q, np.float64), np.asarray(np.clip(k, -4000, 4000), np.int32)


@_validate.positional
def relative_change_se(
    before: ArrayLike,
    after: ArrayLike,
    *,
    se_before: ArrayLike,
    se_after: ArrayLike,
    independent: bool,
    correlation: ArrayLike | None = None,
    cov: ArrayLike | None = None,
) -> NDArray[np.float64]:
    r"""Standard error of a relative change in percent, by the delta method.

    Parameters
    ----------
    before, after : array_like
        The two estimates, in one unit.
    se_before, se_after : array_like
        Their standard errors.
    independent : bool
        Required, no default; see :func:`change_test`.
    correlation, cov : array_like, optional
        Dependence of the two estimates when ``independent=False``.

    Returns
    -------
    ndarray of float64
        SE of :math:`100(\hat\theta_2/\hat\theta_1 - 1)`, in percent;
        broadcast shape. NaN where `before` is 0 (no relative change);
        inf where the exact SE lies beyond float64's range (also where the
        ratio itself overflows, 1e300 / 1e-300: never NaN).

    Raises
    ------
    TypeError
        If an input is not numeric or `independent` is not a bool.
    ValueError
        As for :func:`change_test`.
        A standard error above about 1.34e154 (its square, a variance,
        overflows float64) is refused too, naming its argument.

    See Also
    --------
    annualized_change_se : The SE of a compound annual rate of change.
    change_test : The SE of the change in points.

    Notes
    -----
    With :math:`r = \theta_2/\theta_1` the delta method [1]_ gives the exact
    derivatives :math:`\partial r/\partial\theta_2 = 1/\theta_1`,
    :math:`\partial r/\partial\theta_1 = -\theta_2/\theta_1^2`, so

    .. math::
        \mathrm{SE}(r) = \frac{1}{|\theta_1|}\sqrt{\mathrm{SE}_2^2 +
        r^2\,\mathrm{SE}_1^2 - 2r\,\mathrm{Cov}},

    and the SE of the relative change in percent is :math:`100\,\mathrm{SE}
    (r)`. The approximation is poor when :math:`\mathrm{SE}_1/\theta_1` is
    not small.

    References
    ----------
    .. [1] Oehlert, G. W. (1992), "A Note on the Delta Method", *The
       American Statistician* 46(1), 27-29.

    Examples
    --------
    From 20 % (SE 1) to 15 % (SE 1), independent samples:

    >>> from povstat import relative_change_se
    >>> se = relative_change_se(20.0, 15.0, se_before=1.0, se_after=1.0,
    ...                         independent=True)
    >>> print(se.round(4))
    6.25
    """
    _, s = _ratio_and_se(
        before,
        after,
        se_before=se_before,
        se_after=se_after,
        independent=independent,
        correlation=correlation,
        cov=cov,
    )
    with np.errstate(over="ignore"):  # an SE beyond float64's range is inf
        return np.asarray(100.0 * s)


@_validate.positional
def annualized_change_se(
    before: ArrayLike,
    after: ArrayLike,
    *,
    years: ArrayLike,
    se_before: ArrayLike,
    se_after: ArrayLike,
    independent: bool,
    correlation: ArrayLike | None = None,
    cov: ArrayLike | None = None,
) -> NDArray[np.float64]:
    r"""Standard error of a compound annual rate of change, by the delta method.

    Parameters
    ----------
    before, after : array_like
        The two estimates, in one unit.
    years : array_like
        Elapsed time :math:`\Delta t` between them, in years (> 0; decimal
        years for survey rounds in different months).
    se_before, se_after : array_like
        Their standard errors.
    independent : bool
        Required, no default; see :func:`change_test`.
    correlation, cov : array_like, optional
        Dependence of the two estimates when ``independent=False``.

    Returns
    -------
    ndarray of float64
        SE of :math:`g = 100(r^{1/\Delta t} - 1)`, in percent per year;
        broadcast shape. NaN where `before` is 0 or :math:`r \le 0` (no
        compound rate); inf where the exact SE lies beyond float64's range
        (the power and the ratio are taken in logs where they overflow or
        underflow: a ratio below float64's range, 1e-450, is still > 0).

    Raises
    ------
    TypeError
        If an input is not numeric or `independent` is not a bool.
    ValueError
        If `years` is not positive, or as for :func:`change_test`.
        A standard error above about 1.34e154 (its square, a variance,
        overflows float64) is refused too, naming its argument.

    See Also
    --------
    relative_change_se : The SE of the total relative change.

    Notes
    -----
    With :math:`r = \theta_2/\theta_1` and
    :math:`g(r) = r^{1/\Delta t} - 1`, the exact derivative is
    :math:`g'(r) = \frac{1}{\Delta t} r^{1/\Delta t - 1}`, so by the delta
    method [1]_

    .. math::
        \mathrm{SE}(g) = \frac{1}{\Delta t}\, r^{1/\Delta t - 1}\,
        \mathrm{SE}(r),

    with :math:`\mathrm{SE}(r)` as in :func:`relative_change_se`; times 100
    for percent per year.

    References
    ----------
    .. [1] Oehlert, G. W. (1992), "A Note on the Delta Method", *The
       American Statistician* 46(1), 27-29.

    Examples
    --------
    From 20 % to 15 % over 5 years (compound -5.59 % a year), SE 1 point
    each, independent:

    >>> from povstat import annualized_change_se
    >>> se = annualized_change_se(20.0, 15.0, years=5, se_before=1.0,
    ...                           se_after=1.0, independent=True)
    >>> print(se.round(4))
    1.5735
    """
    r, s, log_r, log_s = _ratio_parts(
        before,
        after,
        se_before=se_before,
        se_after=se_after,
        independent=independent,
        correlation=correlation,
        cov=cov,
    )
    t = _validate.positive(years, "years")
    _shapes(ratio=r, years=t)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # r**(1/t - 1) / t in logs: the power overflows or underflows (years
        # of 1e-300) where the SE, a product, need not.
        log_deriv = (1.0 / t - 1.0) * np.log(np.where(r > 0, r, np.nan))
        # The power is exact at one year (r**0 is 1, even for an infinite r).
        log_deriv = np.where(t == 1.0, 0.0, log_deriv)
        se = 100.0 * np.exp(log_deriv + np.log(s)) / t
        plain = np.isfinite(r) & np.isfinite(s) & (r > 0) & (s > 0)
        deriv = np.where(r > 0, r, np.nan) ** np.where(plain, 1.0 / t - 1.0, 0.0)
        exact = 100.0 * (deriv / t) * s
        se = np.where(plain & np.isfinite(exact) & (deriv > 0), exact, se)
        # Ratio or SE beyond float64's range: from their logs.
        logs = np.isfinite(log_r) & np.isfinite(log_s)
        se = np.where(
            logs,
            100.0
            * np.exp(
                np.where(t == 1.0, 0.0, (1.0 / t - 1.0) * log_r) + log_s - np.log(t)
            ),
            se,
        )
        # A ratio that underflows to 0 is still > 0: its log is finite.
        positive = (r > 0) | np.isfinite(log_r)
        se = np.where(positive & (s == 0) & ~logs, 0.0, se)
    return np.asarray(np.where(positive, se, np.nan), np.float64)


# --------------------------------------------------------------------------
# Verdicts and multiple comparisons
# --------------------------------------------------------------------------


def is_significant(p_value: ArrayLike, *, level: float) -> NDArray[np.bool_]:
    r"""Whether tests are significant at a stated confidence level.

    Parameters
    ----------
    p_value : array_like
        p-values in [0, 1] (raw, or adjusted by :func:`adjust_pvalues`).
    level : float
        Confidence level, a fraction in (0, 1); the significance level is
        :math:`\alpha = 1 - \text{level}`.

    Returns
    -------
    ndarray of bool
        :math:`p < \alpha`, same shape as `p_value`. A NaN p-value (an
        undefined test) gives False: it is not evidence of a change. A
        p-value equal to :math:`\alpha` is not significant.

    Raises
    ------
    TypeError
        If `p_value` is not numeric or `level` is not a number.
    ValueError
        If a p-value lies outside [0, 1] or `level` is not in (0, 1).

    See Also
    --------
    change_test : Produces the p-values.
    adjust_pvalues : Adjust for many comparisons first.

    Notes
    -----
    For the two-sided normal test, :math:`p < \alpha` exactly when the
    :math:`1-\alpha` confidence interval of the difference excludes 0 [1]_.

    :math:`\alpha` is computed in decimal from the shortest representation
    of `level` (``level=0.95`` gives exactly 0.05, then its nearest float),
    not as the float ``1 - 0.95`` (0.050000000000000044), so that a p-value
    of exactly 0.05 is not called significant at 95 %.

    References
    ----------
    .. [1] Lehmann, E. L., Romano, J. P. (2005), *Testing Statistical
       Hypotheses*, 3rd ed., Springer, section 3.5 (duality of tests and
       confidence sets).

    Examples
    --------
    p = 0.081 is significant at 90 % but not at 95 %:

    >>> from povstat import is_significant
    >>> is_significant([0.081], level=0.90), is_significant([0.081], level=0.95)
    (array([ True]), array([False]))
    """
    alpha = _validate.alpha(level)
    p = _p_values(p_value)
    return np.asarray(p < alpha)


def _p_values(p_value: ArrayLike, name: str = "p_value") -> NDArray[np.float64]:
    p = _validate.numeric(p_value, name)
    bad = (p < 0) | (p > 1)
    if bad.any():
        msg = f"`{name}` must lie in [0, 1], found {_validate._first(p, bad)}"
        raise ValueError(msg)
    return p


def adjust_pvalues(p_value: ArrayLike, *, method: AdjustMethod) -> NDArray[np.float64]:
    r"""Adjust p-values for multiple comparisons: Holm or Bonferroni.

    When one tests the change in every region, some changes look
    significant by chance alone. The adjusted p-values control the
    family-wise error rate (the chance of at least one false "significant"
    among all the tests) at :math:`\alpha` when compared with
    :math:`\alpha`.

    Parameters
    ----------
    p_value : array_like
        p-values in [0, 1]. A 1-d array is one family of tests; for an n-d
        array each slice along the last axis is a family (e.g. one row per
        province, one column per regency). NaN marks a missing test: it is
        left out of its family (which then has fewer tests) and stays NaN.
    method : {"holm", "bonferroni"}
        ``"bonferroni"``: :math:`\min(1, m p_i)`. ``"holm"``: Holm's
        step-down procedure, never less powerful than Bonferroni.

    Returns
    -------
    ndarray of float64
        Adjusted p-values, same shape as `p_value`.

    Raises
    ------
    TypeError
        If `p_value` is not numeric.
    ValueError
        If a p-value lies outside [0, 1] or `method` is unknown.

    See Also
    --------
    is_significant : Compare the adjusted p-values with a level.

    Notes
    -----
    With :math:`m` non-missing p-values in a family, sorted
    :math:`p_{(1)} \le \dots \le p_{(m)}`: Bonferroni [1]_ gives
    :math:`\tilde p_i = \min(1, m p_i)`; Holm [2]_ gives
    :math:`\tilde p_{(i)} = \max_{j \le i} \min\big(1,
    (m - j + 1)\,p_{(j)}\big)`.

    References
    ----------
    .. [1] Dunn, O. J. (1961), "Multiple Comparisons Among Means", *Journal
       of the American Statistical Association* 56(293), 52-64.
    .. [2] Holm, S. (1979), "A Simple Sequentially Rejective Multiple Test
       Procedure", *Scandinavian Journal of Statistics* 6(2), 65-70.

    Examples
    --------
    >>> from povstat import adjust_pvalues
    >>> p = [0.01, 0.04, 0.03, 0.005]
    >>> adjust_pvalues(p, method="bonferroni")
    array([0.04, 0.16, 0.12, 0.02])
    >>> adjust_pvalues(p, method="holm")
    array([0.03, 0.06, 0.06, 0.02])
    """
    m_ = _validate.choice(method, "method", _ADJUST_METHODS)
    p = _p_values(p_value)
    if p.ndim == 0:
        return np.array(p, dtype=np.float64, copy=True)
    missing = np.isnan(p)
    m = np.sum(~missing, axis=-1, keepdims=True).astype(np.float64)
    if m_ == "bonferroni":
        return np.asarray(np.where(missing, np.nan, np.minimum(1.0, m * p)))
    # Holm: sort each family ascending (NaN last), multiply the j-th smallest
    # (0-based) by m - j, take the running maximum, cap at 1, and unsort.
    order = np.argsort(p, axis=-1, kind="stable")
    ps = np.take_along_axis(p, order, axis=-1)
    j = np.arange(p.shape[-1], dtype=np.float64)
    factor = m - j
    adj = np.where(np.isnan(ps), np.nan, np.minimum(1.0, factor * ps))
    adj = np.maximum.accumulate(np.where(np.isnan(adj), -np.inf, adj), axis=-1)
    adj = np.where(np.isnan(ps), np.nan, adj)
    out = np.empty_like(adj)
    np.put_along_axis(out, order, adj, axis=-1)
    return out
