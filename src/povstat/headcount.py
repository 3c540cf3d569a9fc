"""Rates and headcounts: the number of poor, the rate, and the denominator.

The headcount ratio :math:`P_0` is the share of the population below the
poverty line; the number of poor is :math:`H = P_0 N`, with :math:`N` the
population the rate is a share of (for BPS regional figures, the population
the Susenas survey is weighted to, not a welfare register).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._exact import _two_product, decimal_ratio, scaled_ratio
from povstat._validate import Unit
from povstat.units import Interval, figure_interval

__all__ = [
    "headcount_to_rate",
    "implied_population",
    "implied_population_interval",
    "rate_to_headcount",
]

_SCALE = _validate.SCALE
_ROUNDING = 1e-12  # relative slack for float rounding in headcount <= population


@_validate.positional
def rate_to_headcount(
    rate: ArrayLike, population: ArrayLike, *, unit: Unit
) -> NDArray[np.float64]:
    """Number of poor people implied by a poverty rate.

    Parameters
    ----------
    rate : array_like
        Headcount ratio :math:`P_0`, in `unit`.
    population : array_like
        Population the rate is a share of, in persons (or thousands, ...);
        broadcast against `rate`.
    unit : {"fraction", "percent"}
        Scale of `rate`: 0-1 or 0-100. Required: povstat never guesses.

    Returns
    -------
    ndarray of float64
        Number of poor, in the unit of `population`; shape is the broadcast
        shape of the inputs. NaN where an input is NaN. Not rounded.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` is unknown, `rate` is out of range for `unit`, `population`
        is negative or infinite, or the shapes do not broadcast.

    See Also
    --------
    headcount_to_rate : The inverse.
    implied_population : The denominator implied by a rate and a count.

    Notes
    -----
    :math:`H = P_0 N`, with :math:`P_0` as a fraction [1]_.

    The result is rounded once: the float64 nearest to the exact value of
    the formula on the decimals the inputs stand for (each float read, as
    :func:`~povstat.round_half_up` reads it, as the decimal of at most 15
    significant digits it is nearest to; a value with more digits as its
    binary value), so that an exact decimal tie rounds half up as the tie
    does. See :ref:`conversions-rounded-once`.

    The rate applies to the population it was estimated for. Multiplying a
    regional rate by the size of a welfare register (such as Indonesia's
    DTKS) does not give a number of poor people in that register.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.

    Examples
    --------
    >>> from povstat import rate_to_headcount
    >>> rate_to_headcount([10.0, 25.0], 2_000, unit="percent")
    array([200., 500.])

    4.26 % of a 187,000-person register is 7,966 people, not "about 9,000"
    (and the rate is not a share of the register anyway):

    >>> rate_to_headcount(4.26, 187_000, unit="percent")
    array(7966.2)
    """
    u = _validate.unit(unit)
    r = _validate.numeric(rate, "rate")
    n = _validate.numeric(population, "population")
    if _validate.blockable(r, n, min_size=4 * _validate.BLOCK):
        out = _headcount_in_blocks(r, n, u)
        if out is not None:
            return out
    r = _validate.rate(r, "rate", u)
    n = _validate.nonnegative(n, "population")
    out = np.empty(_validate.shape(rate=r, population=n), dtype=np.float64)
    _headcount_kernel(r, n, u, out)
    return out


def _headcount_kernel(
    r: NDArray[np.float64], n: NDArray[np.float64], u: Unit, out: NDArray[np.float64]
) -> None:
    """:math:`H = P_0 N` of checked inputs, written into `out` (the one formula)."""
    # Rounded once, from the decimals the figures stand for; beyond
    # float64's range: inf, with no warning, and an overflow of r * n that
    # the division by 100 brings back is avoided.
    out[...] = decimal_ratio(n, np.asarray(_SCALE[u]), r)


def _headcount_in_blocks(
    r: NDArray[np.float64], n: NDArray[np.float64], u: Unit
) -> NDArray[np.float64] | None:
    """`rate_to_headcount` block by block, each block checked as it is used.

    Each input is read from memory once (the check and the product read the
    block from cache). None if a block fails a check: the caller then checks
    the whole inputs, to raise with the offending value (or to accept a
    block that was all missing).
    """
    upper = _validate.UPPER[u]
    out = np.empty(r.shape, dtype=np.float64)
    rf, nf, of = r.reshape(-1), n.reshape(-1), out.reshape(-1)
    for b in _validate.blocks(rf.shape[0]):  # blocks of 65,536 values, not rows
        rb, nb = rf[b], nf[b]
        if not (
            _validate.in_range(rb, 0.0, upper)
            and _validate.in_range(nb, 0.0, _validate.MAX_FINITE)
        ):
            return None
        _headcount_kernel(rb, nb, u, of[b])
    return out


@_validate.positional
def headcount_to_rate(
    headcount: ArrayLike, population: ArrayLike, *, unit: Unit
) -> NDArray[np.float64]:
    """Poverty rate from the number of poor and the population.

    Parameters
    ----------
    headcount : array_like
        Number of poor, in the same unit as `population` (persons,
        thousands, ...).
    population : array_like
        Population; broadcast against `headcount`.
    unit : {"fraction", "percent"}
        Scale of the returned rate.

    Returns
    -------
    ndarray of float64
        Headcount ratio :math:`P_0` in `unit`; broadcast shape. NaN where an
        input is NaN or the population is 0.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` is unknown, an input is negative or infinite, a headcount
        exceeds its population, or the shapes do not broadcast.

    See Also
    --------
    rate_to_headcount : The inverse.

    Notes
    -----
    :math:`P_0 = H / N` [1]_. A population of 0 has no rate: NaN, not an
    error, so that empty cells of large tables do not stop the computation.
    A headcount above its population by no more than a relative 1e-12 (the
    rounding of :func:`rate_to_headcount` at 100 %) gives a rate of 100 %.

    The result is rounded once: the float64 nearest to the exact value of
    the formula on the decimals the inputs stand for (each float read, as
    :func:`~povstat.round_half_up` reads it, as the decimal of at most 15
    significant digits it is nearest to; a value with more digits as its
    binary value), so that an exact decimal tie rounds half up as the tie
    does. See :ref:`conversions-rounded-once`.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.

    Examples
    --------
    >>> from povstat import headcount_to_rate
    >>> print(headcount_to_rate(37.78, 886.85, unit="percent").round(2))
    4.26
    """
    u = _validate.unit(unit)
    h = _validate.numeric(headcount, "headcount")
    n_ = _validate.numeric_or_none(population, "population")
    if n_ is not None and _validate.blockable(h, n_):
        done = _rate_in_blocks(h, n_, u)
        if done is not None:
            return done
    h = _validate.nonnegative(h, "headcount")
    n = _validate.nonnegative(population if n_ is None else n_, "population")
    out = np.empty(_validate.shape(headcount=h, population=n), dtype=np.float64)
    hb, nb = np.broadcast_arrays(h, n)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if not _rate_kernel(hb, nb, u, out):
            i = tuple(int(j) for j in np.argwhere(hb > nb * (1.0 + _ROUNDING))[0])
            at = "" if not i else f" at index {i[0] if len(i) == 1 else i}"
            msg = (
                "`headcount` must not exceed `population`, found "
                f"{hb[i].item()!r} > {nb[i].item()!r}{at}"
            )
            raise ValueError(msg)
    return out


def _rate_kernel(
    h: NDArray[np.float64], n: NDArray[np.float64], u: Unit, out: NDArray[np.float64]
) -> bool:
    """:math:`P_0 = H / N` of checked same-shape inputs, into `out` (the one formula).

    False, leaving `out` unfinished, if a headcount exceeds its population.
    A headcount computed as rate x population can exceed the population by
    a rounding error when the rate is 100 %: a few units in the last place
    are allowed, and the rate is capped at 100 %. Where every ratio is at
    most 1, no headcount exceeds its population and the cap changes
    nothing, so both are skipped; where the population is 0 the ratio is
    then 0/0 or NaN/0, already NaN. Run under ``np.errstate(divide="ignore",
    invalid="ignore")``.
    """
    np.divide(h, n, out=out)
    capped = not (out.size == 0 or float(np.fmax.reduce(out, axis=None)) <= 1.0)
    if capped and np.any(h > n * (1.0 + _ROUNDING)):  # also when all are NaN
        return False
    # Rounded once: 29 of 800 is 3.625 %, not 29 / 800 * 100.
    out[...] = decimal_ratio(h, n, _SCALE[u])
    if capped:
        np.minimum(out, _SCALE[u], out=out)
        out[n == 0] = np.nan
    return True


def _rate_in_blocks(
    h: NDArray[np.float64], n: NDArray[np.float64], u: Unit
) -> NDArray[np.float64] | None:
    """`headcount_to_rate` block by block, each block checked as it is used.

    None if a block fails a check: the caller then checks the whole inputs,
    to raise with the offending value.
    """
    top = _validate.MAX_FINITE
    out = np.empty(h.shape, dtype=np.float64)
    hf, nf, of = h.reshape(-1), n.reshape(-1), out.reshape(-1)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for b in _validate.blocks(hf.shape[0]):  # blocks of 65,536, not rows
            hb, nb = hf[b], nf[b]
            if not (
                _validate.in_range(hb, 0.0, top)
                and _validate.in_range(nb, 0.0, top)
                and _rate_kernel(hb, nb, u, of[b])
            ):
                return None
    return out


def _population_kernel(
    r: NDArray[np.float64],
    h: NDArray[np.float64],
    u: Unit,
    out: NDArray[np.float64],
    *,
    zero: bool,
) -> None:
    """:math:`N = H / P_0` of checked inputs, into `out` (the one formula).

    NaN where the rate is 0, looked for only if `zero` (the rates may hold
    a 0). Run under ``np.errstate(divide="ignore", invalid="ignore", over="ignore")``:
    a population beyond float64's range is inf.
    """
    out[...] = decimal_ratio(h, r, _SCALE[u])  # rounded once
    if zero:
        out[np.broadcast_to(r == 0, out.shape)] = np.nan


def _population_in_blocks(
    r: NDArray[np.float64], h: NDArray[np.float64], u: Unit
) -> NDArray[np.float64] | None:
    """`implied_population` block by block, each block checked as it is used.

    The mask of zero rates is built only where a block has one. None if a
    block fails a check: the caller then raises with the offending value.
    """
    upper = _validate.UPPER[u]
    out = np.empty(r.shape, dtype=np.float64)
    rf, hf, of = r.reshape(-1), h.reshape(-1), out.reshape(-1)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for b in _validate.blocks(rf.shape[0]):  # blocks of 65,536, not rows
            rb, hb = rf[b], hf[b]
            low = float(np.fmin.reduce(rb))
            if low == low and not (low >= 0.0 and float(np.fmax.reduce(rb)) <= upper):
                return None
            if not _validate.in_range(hb, 0.0, _validate.MAX_FINITE):
                return None
            _population_kernel(rb, hb, u, of[b], zero=low == 0.0)
    return out


@_validate.positional
def implied_population(
    rate: ArrayLike, headcount: ArrayLike, *, unit: Unit
) -> NDArray[np.float64]:
    """Population implied by a poverty rate and a number of poor.

    This is the denominator check: the population a published rate must be
    a share of for the published number of poor to follow from it.

    Parameters
    ----------
    rate : array_like
        Headcount ratio :math:`P_0`, in `unit`.
    headcount : array_like
        Number of poor (persons, thousands, ...); broadcast against `rate`.
    unit : {"fraction", "percent"}
        Scale of `rate`.

    Returns
    -------
    ndarray of float64
        :math:`N = H / P_0`, in the unit of `headcount`. NaN where an input is
        NaN or the rate is 0 (a zero rate implies no population).

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` is unknown, `rate` is out of range, `headcount` is negative
        or infinite, or the shapes do not broadcast.

    See Also
    --------
    implied_population_interval : The same, for rounded published inputs.

    Notes
    -----
    :math:`N = H / P_0` with :math:`P_0` as a fraction [1]_.

    The result is rounded once: the float64 nearest to the exact value of
    the formula on the decimals the inputs stand for (each float read, as
    :func:`~povstat.round_half_up` reads it, as the decimal of at most 15
    significant digits it is nearest to; a value with more digits as its
    binary value), so that an exact decimal tie rounds half up as the tie
    does. See :ref:`conversions-rounded-once`.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.

    Examples
    --------
    BPS: Kota Malang, March 2023, 4.26 % and 37.78 thousand poor.

    >>> from povstat import implied_population
    >>> print(implied_population(4.26, 37.78, unit="percent").round(1))
    886.9
    """
    u = _validate.unit(unit)
    r = _validate.numeric(rate, "rate")
    h_ = _validate.numeric_or_none(headcount, "headcount")
    if h_ is not None and _validate.blockable(r, h_):
        done = _population_in_blocks(r, h_, u)
        if done is not None:
            return done
    r = _validate.rate(r, "rate", u)
    h = _validate.nonnegative(headcount if h_ is None else h_, "headcount")
    out = np.empty(_validate.shape(rate=r, headcount=h), dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        _population_kernel(r, h, u, out, zero=True)
    return out


def _exact_bounds(
    r: NDArray[np.float64],
    h: NDArray[np.float64],
    dr: int,
    dh: int,
    scale: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]] | None:
    """Bounds ``(H_lo / P0_hi, H_hi / P0_lo) * scale`` from the integers, rounded once.

    `r` and `h` are checked figures at `dr` and `dh` decimals: ``k = v 10**d``
    is an integer below 1e14, so ``2k -+ 1`` are exact float64 values. With
    ``q = dr - dh + log10(scale)``, a bound is ``(2kh -+ 1) 10**q / (2kr +- 1)``:
    ``10**|q|`` is exact for ``|q| <= 22`` and joins the scale (``q >= 0``)
    or the divisor as an exact product pair (``q < 0``); None beyond.
    """
    q = dr - dh + (2 if scale == 100.0 else 0)
    if abs(q) > 22:
        return None
    power = 10.0 ** abs(q)

    def integer(v: NDArray[np.float64], d: int) -> NDArray[np.float64]:
        with np.errstate(invalid="ignore", over="ignore"):
            return np.asarray(np.rint(v * 10.0**d if d >= 0 else v / 10.0 ** (-d)))

    kr, kh = integer(r, dr), integer(h, dh)
    sc = power if q >= 0 else 1.0
    times = 1.0 if q >= 0 else power

    def bound(
        num: NDArray[np.float64], den: NDArray[np.float64]
    ) -> NDArray[np.float64]:
        d_hi, d_lo = _two_product(den, np.asarray(times))
        with np.errstate(all="ignore"):
            return np.asarray(scaled_ratio(num, d_hi, sc, den_lo=d_lo), np.float64)

    lower = bound(np.maximum(2.0 * kh - 1.0, 0.0), 2.0 * kr + 1.0)
    upper = bound(2.0 * kh + 1.0, 2.0 * kr - 1.0)
    return lower, upper


@_validate.positional
def implied_population_interval(
    rate: ArrayLike,
    headcount: ArrayLike,
    *,
    unit: Unit,
    rate_decimals: int,
    headcount_decimals: int,
) -> Interval:
    r"""Range of populations consistent with a rounded rate and headcount.

    When both the rate and the number of poor are published rounded (BPS:
    rates to 2 decimals in percent, counts to 2 decimals in thousands), the
    implied population is only known to lie in an interval.

    Parameters
    ----------
    rate : array_like
        Published headcount ratio, in `unit`, rounded to `rate_decimals`.
    headcount : array_like
        Published number of poor, rounded to `headcount_decimals` in its own
        unit; broadcast against `rate`.
    unit : {"fraction", "percent"}
        Scale of `rate`.
    rate_decimals, headcount_decimals : int
        Decimal places of the published figures.

    Returns
    -------
    Interval
        Open interval ``(H_lo / P0_hi, H_hi / P0_lo)`` in the unit of
        `headcount`; the upper bound is ``inf`` when the rate may be 0.

    Raises
    ------
    TypeError
        If an input is not numeric or a decimals argument is not an int.
    ValueError
        If an input is out of range or not rounded to the stated decimals.

    See Also
    --------
    implied_population : The point value.
    rounding_interval : The interval each rounded figure stands for.

    Notes
    -----
    With true values :math:`P_0 \in [p - h_p, p + h_p)` and
    :math:`H \in [c - h_c, c + h_c)`, :math:`N = H/P_0` lies strictly
    between :math:`(c - h_c)/(p + h_p)` and :math:`(c + h_c)/(p - h_p)`
    [1]_, [2]_. The ends are not attained, so the interval is open.

    Each bound is the float64 nearest to its exact value, as the bounds of
    :func:`rounding_interval` are: with :math:`k_p = p\,10^{d_p}` and
    :math:`k_c = c\,10^{d_c}` (integers), the lower bound is
    :math:`(2k_c - 1)\,s\,10^{d_p - d_c} / (2k_p + 1)` (:math:`s` = 100
    for percent, 1 for fractions), a ratio of exact integers rounded once
    (Dekker's product and one corrected division), not the float quotient
    of two rounded bounds, which can land up to two units in the last place
    inside it. The upper bound likewise. Decimals more than 20 places apart
    fall back to float64 arithmetic on the rounded bounds.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.
    .. [2] IEEE Std 754-2019, section 4.3.1, "roundTiesToAway" (the rounding
       rule whose intervals are propagated here).

    Examples
    --------
    >>> from povstat import implied_population_interval
    >>> iv = implied_population_interval(
    ...     4.26, 37.78, unit="percent", rate_decimals=2, headcount_decimals=2
    ... )
    >>> print(iv.lower.round(1), iv.upper.round(1))
    885.7 888.0
    """
    u = _validate.unit(unit)
    r = _validate.rate(rate, "rate", u)
    h = _validate.nonnegative(headcount, "headcount")
    _validate.shape(rate=r, headcount=h)
    dr = _validate.decimals(rate_decimals, "rate_decimals")
    dh = _validate.decimals(headcount_decimals, "headcount_decimals")
    ri = figure_interval(r, dr, "rate")
    hi = figure_interval(h, dh, "headcount")
    scale = _SCALE[u]
    r_lo = np.maximum(ri.lower, 0.0)
    r_hi = np.minimum(ri.upper, scale)  # a rate cannot exceed 100 % (or 1)
    h_lo = np.maximum(hi.lower, 0.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        lower = np.asarray(h_lo / r_hi * scale)
        upper = np.asarray(np.where(r_lo > 0, hi.upper / r_lo * scale, np.inf))
    exact = _exact_bounds(r, h, dr, dh, scale)
    if exact is not None:
        # Where the rate's upper end is cut at 100 %, the lower bound is
        # h_lo itself (rounding_interval's nearest float).
        lower = np.asarray(np.where(ri.upper > scale, h_lo, exact[0]))
        upper = np.asarray(np.where(r_lo > 0, exact[1], np.inf))
    upper = np.where(np.isnan(r) | np.isnan(h), np.nan, upper)
    return Interval(
        lower=lower,
        upper=upper,
        lower_closed=np.zeros(lower.shape, dtype=bool),
        upper_closed=np.zeros(lower.shape, dtype=bool),
    )
