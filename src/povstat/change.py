"""Changes in poverty figures: points and percent, per year, and decomposed.

The difference of two rates is in *percentage points* (for rates in percent);
the *relative change* is in *percent*. A fall from 4.37 % to 4.26 % is
-0.11 percentage points and -2.52 %. This module computes both, annualises
them over the real elapsed time, measures how much of a rise has been
reversed, and splits a change in the number of poor into a population effect
and a rate effect.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from functools import partial
from typing import ClassVar, cast

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._exact import (
    _POW10,
    _decimal_parts,
    _scaled_ratio_fast,
    _two_product,
    _two_sum,
    decimal_difference,
    decimal_ratio,
    scaled_ratio,
)
from povstat._results import Result, array_eq, freeze, readonly_float
from povstat._validate import Unit
from povstat.headcount import implied_population

__all__ = [
    "AnnualizedChange",
    "Change",
    "DecompositionBounds",
    "HeadcountDecomposition",
    "annualized_change",
    "decimal_year",
    "decompose_headcount_change",
    "decomposition_bounds",
    "rate_change",
    "recovery_share",
    "relative_change",
]

_SCALE = _validate.SCALE


@frozen(kw_only=True)
class Change(Result):
    """Change in a poverty rate between two periods.

    Attributes
    ----------
    points : ndarray of float64
        ``after - before`` in the unit of the rates: percentage points when
        `unit` is ``"percent"``, fractions of one when ``"fraction"``.
    relative : ndarray of float64
        Relative change in percent: ``100 * (after / before - 1)``; NaN where
        ``before`` is 0.
    unit : {"percent", "fraction"}
        Unit of the rates compared (and so of `points`).

    Examples
    --------
    >>> from povstat import rate_change
    >>> c = rate_change(12.4, 11.9, unit="percent")
    >>> print(c.points.round(2), c.relative.round(2), c.unit)
    -0.5 -4.03 percent
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "points": "change_points",
        "relative": "change_relative_pct",
    }

    points: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    relative: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    unit: Unit

    @property
    def points_label(self) -> str:
        """Name of the unit of `points`: ``"percentage points"`` or ``"fraction"``."""
        return "percentage points" if self.unit == "percent" else "fraction"


@frozen(kw_only=True)
class AnnualizedChange(Result):
    """Change in a poverty rate over a stated elapsed time, and per year.

    Attributes
    ----------
    points : ndarray of float64
        ``after - before`` in the unit of the rates (percentage points for
        percent).
    relative : ndarray of float64
        Total relative change, in percent; NaN where ``before`` is 0.
    years : ndarray of float64
        Elapsed time in years.
    points_per_year : ndarray of float64
        Linear rate of change: ``points / years`` (percentage points per year
        for percent).
    compound_per_year : ndarray of float64
        Compound (geometric) relative change per year, in percent:
        ``100 * ((after / before) ** (1 / years) - 1)``; NaN where
        ``before`` is 0.
    unit : {"percent", "fraction"}
        Unit of the rates compared.

    Examples
    --------
    >>> from povstat import annualized_change
    >>> a = annualized_change(11.13, 10.12, years=2, unit="percent")
    >>> print(a.points_per_year.round(3), a.compound_per_year.round(2))
    -0.505 -4.65
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "points": "change_points",
        "relative": "change_relative_pct",
        "years": "elapsed_years",
        "points_per_year": "change_points_per_year",
        "compound_per_year": "change_compound_pct_per_year",
    }

    points: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    relative: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    years: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    points_per_year: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    compound_per_year: NDArray[np.float64] = field(
        converter=readonly_float, eq=array_eq
    )
    unit: Unit


@frozen(kw_only=True)
class HeadcountDecomposition(Result):
    """A change in the number of poor split into population and rate effects.

    Attributes
    ----------
    change : ndarray of float64
        Change in the number of poor, ``H1 - H0``, in the unit of the
        populations (persons, thousands, ...).
    population_effect : ndarray of float64
        Part due to the change in population at the average rate.
    rate_effect : ndarray of float64
        Part due to the change in the rate at the average population.

    Notes
    -----
    ``population_effect + rate_effect == change`` up to float rounding: each
    part is rounded from its exact value (see
    :func:`decompose_headcount_change`).

    Examples
    --------
    >>> from povstat import decompose_headcount_change
    >>> d = decompose_headcount_change(10.0, 8.0, 1000.0, 1100.0, unit="percent")
    >>> print(d.change, d.population_effect, d.rate_effect)
    -12.0 9.0 -21.0
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "change": "headcount_change",
        "population_effect": "population_effect",
        "rate_effect": "rate_effect",
    }

    change: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    population_effect: NDArray[np.float64] = field(
        converter=readonly_float, eq=array_eq
    )
    rate_effect: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)


# --------------------------------------------------------------------------
# Exact differences of figures
# --------------------------------------------------------------------------


def _split_int(d: NDArray[np.int64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """An int64 below 2**62 as ``hi + lo`` exactly (``hi`` the nearest float64)."""
    hi = d.astype(np.float64)
    with np.errstate(invalid="ignore"):
        lo = (d - hi.astype(np.int64)).astype(np.float64)  # |lo| <= 2**9
    return hi, lo


def _stripped_parts(
    x: NDArray[np.float64],
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
    """:func:`povstat._exact._decimal_parts` with ``strip=True``, in int64.

    The same decimal (``|x| = m * 10**-k``, trailing zeros of `m`
    stripped), with the stripping done by int64 remainders, which cost far
    less than float remainders of 15-digit values. `m` is 0 where not ok.
    """
    m, k, ok = _decimal_parts(x)
    mi = np.where(ok, m, 0.0).astype(np.int64)
    for j in (8, 4, 2, 1):  # four fixed steps, not a loop over rows
        p = 10**j
        z = (mi % p == 0) & (mi != 0)
        if z.any():
            mi = np.where(z, mi // p, mi)
            k = np.where(z, k - j, k)
    return mi, k, ok


#: Powers of ten as int64: 10**0 .. 10**18.
_TEN = 10 ** np.arange(19, dtype=np.int64)


def _common_places(
    *xs: NDArray[np.float64],
) -> tuple[
    list[NDArray[np.int64]], NDArray[np.int64], NDArray[np.bool_], NDArray[np.bool_]
]:
    """The inputs' decimals as integers of common decimal places.

    Each input is read as :func:`povstat._exact.decimal_difference` reads
    it (the decimal of at most 15 significant digits it is the float64
    nearest to), and all are brought to the places of the input with the
    most: ``x = n * 10**-top`` with `n` a signed int64 below 2**61. Returns
    ``(ns, top, fits, short)``, `short` where every input is such a decimal
    (whether or not its integers fit); where `fits` is False (an input of
    sixteen or more digits, outside about 1e-8 to 1e36, NaN or infinite,
    or places too far apart for int64) the integers are 0. The inputs are
    broadcast arrays of one shape. `top` may be below -22 (every input 1e23
    or more, with few digits): ``10**-top`` is then not a float64, and
    :func:`_places_value` takes those rare elements as Python integers.
    """
    parts = [_stripped_parts(x) for x in xs]
    top = parts[0][1]
    fits = parts[0][2]
    for _, k, ok in parts[1:]:
        top = np.maximum(top, k)
        fits = fits & ok
    short = fits
    fits = fits & (top <= 22)
    ns = []
    with np.errstate(invalid="ignore", over="ignore"):
        for x, (m, k, _) in zip(xs, parts, strict=True):
            u = top - k
            fits = fits & (u <= 18) & (m * _POW10[np.clip(u, 0, 22)] < 2.0**61)
            n = m * _TEN[np.clip(u, 0, 18)]
            ns.append(np.where(x < 0, -n, n))
        ns = [np.where(fits, n, 0) for n in ns]
    return ns, np.where(fits, top, 0), fits, np.asarray(short, dtype=bool)


def _ratio(
    num: NDArray[np.int64], den: NDArray[np.int64], scale: float
) -> NDArray[np.float64]:
    """``num * scale / den`` of two int64 below 2**62, rounded once.

    Where ``num * scale`` and ``den`` are below 2**53 (the usual case), both
    are exact float64 values and one IEEE division rounds correctly; the
    others go through :func:`povstat._exact.scaled_ratio` with the
    integers split exactly into float64 pairs.
    """
    n = num.astype(np.float64) * scale
    d = den.astype(np.float64)
    with np.errstate(all="ignore"):
        out = np.asarray(n / d, np.float64)
        big = (np.abs(n) > 2.0**53) | (np.abs(d) > 2.0**53)
        if big.any():
            n_hi, n_lo = _split_int(num[big])
            d_hi, d_lo = _split_int(den[big])
            out[big] = scaled_ratio(n_hi, d_hi, scale, num_lo=n_lo, den_lo=d_lo)
    return out


def _places_value(d: NDArray[np.int64], top: NDArray[np.int64]) -> NDArray[np.float64]:
    """The float64 nearest to ``d * 10**-top`` (|d| < 2**62, top <= 22).

    Where ``top < -22`` (values of 1e23 or more), ``10**-top`` is not a
    float64: those rare elements are taken as Python integers, whose
    conversion to float64 rounds once.
    """
    p = _POW10[np.clip(np.abs(top), 0, 22)]
    hi = d.astype(np.float64)
    # Below 2**53 `d` is exact, and so is 10**|top|: one operation rounds
    # once.
    with np.errstate(over="ignore"):
        out = np.asarray(np.where(top >= 0, hi / p, hi * p), np.float64)
    big = (np.abs(hi) > 2.0**53) & (top >= -22)
    if big.any():
        h, lo = _split_int(d[big])
        t = top[big]
        q = p[big]
        out[big] = scaled_ratio(
            h, np.where(t >= 0, q, 1.0), np.where(t < 0, q, 1.0), num_lo=lo
        )
    huge = top < -22
    if huge.any():
        # A few elements of 1e23 or more: exact integers, rounded once.
        out[huge] = [
            float(int(n) * 10 ** int(-t))
            for n, t in zip(d[huge].tolist(), top[huge].tolist(), strict=True)
        ]
    return out


def _binary_ratio(
    num: NDArray[np.float64],
    den: NDArray[np.float64],
    num_lo: NDArray[np.float64],
    den_lo: NDArray[np.float64] | None = None,
) -> NDArray[np.float64]:
    """``100 * (num + num_lo) / (den + den_lo)``, rounded once.

    :func:`povstat._exact.scaled_ratio`, through its unscaled form where no
    input needs a power-of-two scaling (the same result to the bit).
    """
    scale = np.asarray(100.0)
    fast = _scaled_ratio_fast(num, den, scale, num_lo=num_lo, den_lo=den_lo)
    if fast is not None:
        return fast
    return scaled_ratio(
        num, den, 100.0, num_lo=num_lo, den_lo=0.0 if den_lo is None else den_lo
    )


def _exact_change(
    b: NDArray[np.float64], a: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``a - b`` and ``100 * (a - b) / b`` of the decimals, each rounded once.

    The one computation of a change (zero bases not masked; `b` >= 0 or
    NaN). Where both inputs are decimals of at most 15 significant digits
    (:func:`_common_places`), the difference is exact in int64 at common
    places, and the relative change is the ratio of two such integers
    (``100 * (na - nb) / nb``), rounded once (:func:`_ratio`): the
    difference is the same float64 as
    :func:`povstat._exact.decimal_difference` gives. Elsewhere (computed
    values of sixteen or more digits) the binary values are exact: the
    difference is the float64 ``a - b`` and the relative change the float64
    nearest to ``100 * (a - b) / b`` of those values, the difference's
    rounding error carried into the division.
    """
    b, a = np.broadcast_arrays(b, a)
    (na, nb), top, fits, short = _common_places(a, b)
    d = na - nb  # exact: each below 2**61
    points = _places_value(d, top)
    relative = _ratio(d, nb, 100.0)
    if not fits.all():
        bad = ~fits
        ab, bb = a[bad], b[bad]
        with np.errstate(all="ignore"):
            s, e = _two_sum(ab, -bb)
            rel = _binary_ratio(s, bb, e)
        # Short decimals whose common places overflow int64 (1e18 next to
        # 1e35): rare, exact as Python fractions.
        dec = short[bad]
        if dec.any():
            s = np.array(s, np.float64)
            rel = np.array(rel, np.float64)
            s[dec], rel[dec] = _fraction_change(ab[dec], bb[dec])
        points[bad] = s
        relative[bad] = rel
    return points, relative


def _fraction_change(
    a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[list[float], list[float]]:
    """``a - b`` and ``100 (a - b) / b`` of a few short decimals, as fractions.

    Each value is the decimal its shortest repr shows (at most 15 digits,
    so the decimal :func:`povstat._exact._decimal_parts` reads); the exact
    results are converted to float64 once (NaN for a zero base, masked by
    the callers).
    """
    diffs, rels = [], []
    for x, y in zip(a.tolist(), b.tolist(), strict=True):
        fx, fy = Fraction(repr(x)), Fraction(repr(y))
        diffs.append(float(fx - fy))
        rels.append(float(100 * (fx - fy) / fy) if fy else np.nan)
    return diffs, rels


def _exact_share(
    baseline: NDArray[np.float64],
    peak: NDArray[np.float64],
    current: NDArray[np.float64],
) -> NDArray[np.float64]:
    """``100 * (peak - current) / (peak - baseline)``, rounded once.

    Both differences are exact (int64 at common places, as in
    :func:`_exact_change`, or binary pairs from Knuth's two-sum for values
    of sixteen or more digits), and their ratio is rounded once
    (:func:`povstat._exact.scaled_ratio`). Inputs near float64's largest
    value are first scaled by 1/4 (exact), so that no difference overflows.
    """
    shape = np.broadcast_shapes(baseline.shape, peak.shape, current.shape)
    # Worked on flat (at least 1-d) copies, so that scalar inputs take the
    # same path as arrays (a 0-d comparison is a numpy scalar, which cannot
    # be assigned into).
    b, p, c = (np.broadcast_to(x, shape).reshape(-1) for x in (baseline, peak, current))
    (nb, np_, nc), _, fits, short = _common_places(b, p, c)
    rise = np_ - nb
    out = _ratio(np_ - nc, rise, 100.0)
    positive = rise > 0
    if not fits.all():
        bad = ~fits
        bb, pb, cb = b[bad], p[bad], c[bad]
        with np.errstate(all="ignore"):
            big = np.fmax(np.fmax(np.abs(bb), np.abs(pb)), np.abs(cb)) > 2.0**1020
            q = np.where(big, 0.25, 1.0)
            f, f_lo = _two_sum(pb * q, -(cb * q))
            r, r_lo = _two_sum(pb * q, -(bb * q))
            share = np.array(_binary_ratio(f, r, f_lo, r_lo), np.float64)
            rising = r > 0
        # Short decimals whose common places overflow int64: rare, exact as
        # Python fractions.
        dec = short[bad]
        if dec.any():
            share[dec] = [
                float(100 * (fp - fc) / (fp - fb)) if fp != fb else np.nan
                for fb, fp, fc in (
                    (Fraction(repr(x)), Fraction(repr(y)), Fraction(repr(z)))
                    for x, y, z in zip(
                        bb[dec].tolist(),
                        pb[dec].tolist(),
                        cb[dec].tolist(),
                        strict=True,
                    )
                )
            ]
        out[bad] = share
        positive[bad] = rising
    out[~positive] = np.nan
    return out.reshape(shape)


def _relative_pct(
    before: NDArray[np.float64], after: NDArray[np.float64]
) -> NDArray[np.float64]:
    """``100 * (after - before) / before``, rounded once, NaN where ``before`` is 0."""
    _, out = _exact_change(before, after)
    _nan_where_zero(out, before)
    return out


def _change_kernel(
    b: NDArray[np.float64],
    a: NDArray[np.float64],
    points: NDArray[np.float64],
    relative: NDArray[np.float64],
) -> None:
    """Points ``a - b`` and relative change into the `out` arrays (zero bases kept)."""
    points[...], relative[...] = _exact_change(b, a)


def _nan_where_zero(out: NDArray[np.float64], denominator: NDArray[np.float64]) -> None:
    """Set `out` to NaN where `denominator` is 0 (in place).

    Division by zero left inf or NaN there. `denominator` is never negative
    here, so it holds a zero exactly when its smallest non-missing entry is 0:
    one NaN-ignoring reduction, and the mask is built only then.
    """
    if denominator.size and np.fmin.reduce(denominator, axis=None) == 0:
        out[np.broadcast_to(denominator == 0, out.shape)] = np.nan


@_validate.positional
def rate_change(before: ArrayLike, after: ArrayLike, *, unit: Unit) -> Change:
    r"""Change in a poverty rate: in points and in percent.

    Parameters
    ----------
    before, after : array_like
        Rates at the earlier (or base) and the later period, in `unit`;
        broadcast against each other. NaN gives NaN at that position.
    unit : {"fraction", "percent"}
        Scale of the rates. Required: povstat never guesses.

    Returns
    -------
    Change
        ``points`` (after - before, in percentage points for percent rates)
        and ``relative`` (percent, NaN where ``before`` is 0), with `unit`.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` is unknown, a rate is out of range for it, or the shapes do
        not broadcast.

    See Also
    --------
    annualized_change : The same per year of elapsed time.
    relative_change : Relative change of any positive quantity.

    Notes
    -----
    Absolute change :math:`\Delta = r_1 - r_0` (percentage points when the
    rates are in percent); relative change :math:`100 (r_1 / r_0 - 1)`
    percent [1]_. A relative change from a zero base is undefined and given
    as NaN rather than infinity.

    Each rate is read as :func:`povstat.round_half_up` reads a figure: as
    the decimal of at most 15 significant digits it is the float64 nearest
    to (4.37 stands for 4.37). Both changes are the float64 nearest to
    their formula's exact value on those decimals, rounded once (see
    :ref:`conversions-rounded-once`): the points are the exact difference
    (4.26 - 4.37 is -0.11, not the -0.11000000000000032 of float
    subtraction), and the relative change divides that exact difference,
    so 8.00 % -> 7.90 % is -1.25 %, which rounds half up to -1.3, where
    float arithmetic gives -1.2499999999999956. Where either rate has
    sixteen or more digits (a computed value), both are read as their exact
    binary values (the two are read together, unlike the inputs of a
    conversion such as :func:`rate_to_headcount`), and the changes are the
    float64 nearest to the formulas on those values.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Percentage point":
       the unit for the arithmetic difference of two percentages.

    Examples
    --------
    Kota Malang (BPS, March rounds): 4.37 % in 2022, 4.26 % in 2023, a fall of
    0.11 percentage points, i.e. 2.52 %.

    >>> from povstat import rate_change
    >>> c = rate_change(4.37, 4.26, unit="percent")
    >>> print(c.points.round(2), c.relative.round(2))
    -0.11 -2.52
    """
    u = _validate.unit(unit)
    b = _validate.numeric(before, "before")
    a = _validate.numeric(after, "after")
    if _validate.blockable(b, a, min_size=4 * _validate.BLOCK):
        done = _change_in_blocks(b, a, u)
        if done is not None:
            return Change(points=freeze(done[0]), relative=freeze(done[1]), unit=u)
    b = _validate.rate(b, "before", u)
    a = _validate.rate(a, "after", u)
    shape = _validate.shape(before=b, after=a)
    points = np.empty(shape, dtype=np.float64)
    relative = np.empty(shape, dtype=np.float64)
    _change_kernel(b, a, points, relative)
    _nan_where_zero(relative, b)
    return Change(points=freeze(points), relative=freeze(relative), unit=u)


def _change_in_blocks(
    b: NDArray[np.float64], a: NDArray[np.float64], u: Unit
) -> tuple[NDArray[np.float64], NDArray[np.float64]] | None:
    """`rate_change` block by block, each block checked as it is used.

    Each input is read from memory once (the checks and the arithmetic read
    the block from cache), with the kernel of the whole-array path.
    None if a block fails a check: the caller then checks the whole inputs,
    to raise with the offending value.
    """
    upper = _validate.UPPER[u]
    points = np.empty(b.shape, dtype=np.float64)
    relative = np.empty(b.shape, dtype=np.float64)
    bf, af = b.reshape(-1), a.reshape(-1)
    pf, rf = points.reshape(-1), relative.reshape(-1)
    zero = False
    for s in _validate.blocks(bf.shape[0]):  # blocks of 65,536, not rows
        bb, ab = bf[s], af[s]
        if not (
            _validate.in_range(bb, 0.0, upper) and _validate.in_range(ab, 0.0, upper)
        ):
            return None
        # Rates are >= 0: a block holds a zero base exactly when its
        # smallest non-missing base is 0.
        zero = zero or np.fmin.reduce(bb) == 0
        _change_kernel(bb, ab, pf[s], rf[s])
    if zero:
        relative[b == 0] = np.nan
    return points, relative


@_validate.positional
def relative_change(before: ArrayLike, after: ArrayLike) -> NDArray[np.float64]:
    """Relative change of a non-negative quantity, in percent.

    For counts of poor people, poverty lines, populations: anything that is
    not a rate (for rates use :func:`rate_change`, which also gives points).

    Parameters
    ----------
    before, after : array_like
        Non-negative values at the earlier and later period; broadcast.

    Returns
    -------
    ndarray of float64
        ``100 * (after / before - 1)``; NaN where ``before`` is 0 or an input
        is NaN.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If an input is negative or infinite, or the shapes do not broadcast.

    See Also
    --------
    rate_change : Changes of rates, in points and percent.

    Notes
    -----
    :math:`100 (x_1 / x_0 - 1)` [1]_, computed as
    :math:`100 (x_1 - x_0) / x_0` from the exact difference of the
    decimals the inputs stand for and rounded once, as in
    :func:`rate_change`: 8.00 -> 8.01 is 0.125 %, which rounds half up to
    0.13 (float arithmetic gives 0.12499999999999734).

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Percentage change".

    Examples
    --------
    BPS poverty line of Kota Malang, March 2022 and March 2023 (Rp per capita
    per month):

    >>> from povstat import relative_change
    >>> print(relative_change(609_612, 674_660).round(2))
    10.67
    """
    b = _validate.nonnegative(before, "before")
    a = _validate.nonnegative(after, "after")
    _validate.shape(before=b, after=a)
    return _relative_pct(b, a)


@_validate.positional
def annualized_change(
    before: ArrayLike, after: ArrayLike, *, years: ArrayLike, unit: Unit
) -> AnnualizedChange:
    """Change in a rate over a real elapsed time, and its yearly pace.

    Parameters
    ----------
    before, after : array_like
        Rates in `unit` at the start and end; broadcast together with
        `years`.
    years : array_like
        Elapsed time in years, > 0 (e.g. 2 for March 2015 to March 2017,
        0.5 for March to September). Use :func:`decimal_year` to get it from
        years and months. Never assumed: a change across a missing year spans
        two years, and saying so is the caller's job.
    unit : {"fraction", "percent"}
        Scale of the rates.

    Returns
    -------
    AnnualizedChange
        Total change (points, relative %), elapsed years, points per year and
        compound relative change in percent per year.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` is unknown, a rate is out of range, `years` is not > 0, or
        the shapes do not broadcast.

    See Also
    --------
    rate_change : The change without annualisation.
    decimal_year : Time in years from year and month.

    Notes
    -----
    Linear pace :math:`(r_1 - r_0)/t` points per year; compound pace
    :math:`100[(r_1/r_0)^{1/t} - 1]` percent per year, the constant yearly
    relative change that takes :math:`r_0` to :math:`r_1` in :math:`t` years
    [1]_. NaN where :math:`r_0 = 0`. A pace beyond float64's range (a rise
    from 0.01 % to 99.99 % in 0.01 years, or any change over 5e-324 years)
    is ``inf`` (``-inf`` for a fall in points per year), without a
    floating-point warning.

    The points and the relative change are those of :func:`rate_change`,
    exact on the decimals the rates stand for and rounded once. The points
    per year divide that float64 difference, which stands for the exact
    difference (a decimal of at most 15 significant digits, as differences
    of published figures are), by the years, rounded once: 11.13 % ->
    11.24 % over 2 years is 0.055 points a year, not the
    0.054999999999999716 of float arithmetic. The compound pace is the
    relative change itself over one year (8.00 % -> 8.01 % is 0.125 % a
    year, which rounds half up to 0.13); over other times it is
    ``100 * expm1(log1p(q) / t)``, with ``q`` the exact relative change
    as a fraction (rounded once), or with ``log(r1 / r0)`` of the ratio
    rounded once for falls to less than half: a few units in the last
    place of the exact power (more for very fast paces: the error grows
    with ``|log(r1 / r0)| / t``, as any power's does), not the
    cancellation of :math:`(r_1/r_0)^{1/t} - 1` (an error of up to 1e-9
    relative for small changes). It is not the float64 nearest to the
    exact power: 8.00 % -> 8.01 % over half a year, exactly 0.25015625 % a
    year, may come out an ulp or two away, so a pace on a rounding tie may
    round either way.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Compound annual
       growth rate".

    Examples
    --------
    Two years, from 11.13 % to 10.12 %:

    >>> from povstat import annualized_change
    >>> a = annualized_change(11.13, 10.12, years=2, unit="percent")
    >>> print(a.points.round(2), a.relative.round(2))
    -1.01 -9.07
    >>> print(a.points_per_year.round(3), a.compound_per_year.round(2))
    -0.505 -4.65

    Semi-annual rounds, March 11.24 % to September 11.04 %:

    >>> annualized_change(11.24, 11.04, years=0.5, unit="percent").points_per_year
    array(-0.4)
    """
    u = _validate.unit(unit)
    b = _validate.rate(before, "before", u)
    a = _validate.rate(after, "after", u)
    t = _validate.positive(years, "years")
    _validate.shape(before=b, after=a, years=t)
    # Element by element, in blocks (a few megabytes, not gigabytes, of
    # exact arithmetic's temporaries for 10**7 elements).
    parts = _validate.blockwise(_annualized, (b, a, t), 4)
    points, relative, per_year, compound = parts
    shape = points.shape
    return AnnualizedChange(
        points=_full(points, shape),
        relative=_full(relative, shape),
        years=np.broadcast_to(t, shape),  # copied by the result: `t` may be the input
        points_per_year=freeze(per_year),
        compound_per_year=freeze(compound),
        unit=u,
    )


def _annualized(
    b: NDArray[np.float64], a: NDArray[np.float64], t: NDArray[np.float64]
) -> tuple[
    NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]
]:
    """Points, relative change, points per year and compound pace (1-D)."""
    points, relative = _exact_change(b, a)
    _nan_where_zero(relative, np.broadcast_to(b, relative.shape))
    shape = np.broadcast_shapes(points.shape, t.shape)
    # A pace beyond float64's range (a rise over a tiny time) is +inf, as
    # documented, without a floating-point warning.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # (after / before) ** (1/t) - 1 as expm1(log(after / before) / t):
        # the log from the exact relative change (log1p, no cancellation
        # near a ratio of 1), or from the ratio rounded once for falls to
        # less than half (log1p of a fraction near -1 would lose digits).
        ratio = decimal_ratio(a, b, 1.0)
        log_ratio = np.where(ratio < 0.5, np.log(ratio), np.log1p(relative / 100.0))
        compound = np.empty(shape, dtype=np.float64)
        compound[...] = np.expm1(log_ratio / t) * 100.0
        # Over one year the pace is the relative change itself.
        np.copyto(compound, np.broadcast_to(relative, shape), where=t == 1.0)
        _nan_where_zero(compound, np.broadcast_to(b, shape))
        # The points are the float64 nearest to the exact difference, which
        # reads back as that difference (a decimal of at most 15 digits, as a
        # difference of published figures is): one rounding of points / years.
        per_year = decimal_ratio(points, t, 1.0)
    return points, relative, per_year, compound


def _full(arr: NDArray[np.float64], shape: tuple[int, ...]) -> NDArray[np.float64]:
    """`arr` (created here, never an input) at the full shape, frozen.

    Broadcast arrays are returned as read-only views, which the result type
    copies.
    """
    if arr.shape == shape and arr.base is None and arr.flags.owndata:
        return freeze(arr)
    return np.broadcast_to(arr, shape)


@_validate.positional
def recovery_share(
    baseline: ArrayLike, peak: ArrayLike, current: ArrayLike
) -> NDArray[np.float64]:
    r"""Share of a rise from a baseline to a peak that has since been reversed.

    Parameters
    ----------
    baseline : array_like
        Value before the shock (e.g. the pre-pandemic March 2019 rate).
    peak : array_like
        Highest value reached after the baseline.
    current : array_like
        Latest value. All three in the same unit (any unit); broadcast.

    Returns
    -------
    ndarray of float64
        ``100 * (peak - current) / (peak - baseline)``, in percent: 0 = still
        at the peak, 100 = back at the baseline, above 100 = below the
        baseline, negative = above the peak. NaN where ``peak <= baseline``
        (there was no rise to reverse) or an input is NaN.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If an input is infinite or the shapes do not broadcast.

    See Also
    --------
    rate_change : Change against a base period.

    Notes
    -----
    :math:`100\,(x_{peak} - x_{now}) / (x_{peak} - x_{base})`: the reversed
    fraction of the rise, as used for "recovery" from a shock [1]_. Both
    differences are exact on the decimals the inputs stand for (as in
    :func:`rate_change`; where any of the three values has sixteen or more
    digits, the three are read as their exact binary values) and their
    ratio is rounded once: 9.8, 10.6, 10.3 gives
    37.5 %, not the 37.499999999999915 of float arithmetic. Values near
    float64's largest are scaled by 1/4 (exact) first, so that no
    difference overflows.

    References
    ----------
    .. [1] World Bank (2022), *Poverty and Shared Prosperity 2022: Correcting
       Course*, ch. 1 (the share of the 2020 rise in poverty reversed by
       later years).

    Examples
    --------
    Kota Malang (BPS): 4.07 % in 2019, peak 4.62 % in 2021, 4.26 % in 2023.

    >>> from povstat import recovery_share
    >>> print(recovery_share(4.07, 4.62, 4.26).round(1))
    65.5
    """
    b = _validate.finite_or_nan(baseline, "baseline")
    p = _validate.finite_or_nan(peak, "peak")
    c = _validate.finite_or_nan(current, "current")
    _validate.shape(baseline=b, peak=p, current=c)
    return _exact_share(b, p, c)


class _NotGiven:
    """The default of an optional array argument: None is a missing value."""

    def __repr__(self) -> str:
        return "<not given>"


_NOT_GIVEN = _NotGiven()


@_validate.positional
def decompose_headcount_change(
    rate_before: ArrayLike,
    rate_after: ArrayLike,
    population_before: ArrayLike | _NotGiven = _NOT_GIVEN,
    population_after: ArrayLike | _NotGiven = _NOT_GIVEN,
    *,
    unit: Unit,
    headcount_before: ArrayLike | _NotGiven = _NOT_GIVEN,
    headcount_after: ArrayLike | _NotGiven = _NOT_GIVEN,
) -> HeadcountDecomposition:
    r"""Split a change in the number of poor into population and rate effects.

    The number of poor is :math:`H = P_0 N`. Between two periods it changes
    because the population changed and because the rate changed; the
    two-factor Shapley (midpoint) decomposition attributes the change to each
    factor so that the two parts add up exactly to the total.

    Parameters
    ----------
    rate_before, rate_after : array_like
        Headcount ratios in `unit`.
    population_before, population_after : array_like, optional
        Populations the rates are shares of (persons, thousands, ...). Give
        either both populations or both headcounts.
    unit : {"fraction", "percent"}
        Scale of the rates.
    headcount_before, headcount_after : array_like, optional
        The published numbers of poor (persons, thousands, ...), when the
        populations are not published: each period's population is then
        the one its rate and number of poor imply,
        :math:`N = H / P_0` (:func:`implied_population`), and the change is
        the published difference :math:`H_1 - H_0` itself.

    Returns
    -------
    HeadcountDecomposition
        ``change``, ``population_effect`` and ``rate_effect`` in the unit of
        the populations (or of the headcounts).

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` is unknown, a rate is out of range, a population or a
        headcount is negative or infinite, not exactly one of the pairs
        (`population_before`, `population_after`) and (`headcount_before`,
        `headcount_after`) is given whole, or the shapes do not broadcast.

    See Also
    --------
    implied_population : Population from a rate and a number of poor.
    povstat.with_headcount_decomposition : The dataframe adapter (rates and
        headcounts from the columns of a long table).

    Notes
    -----
    With rates as fractions,

    .. math::

       H_1 - H_0 = \underbrace{(N_1 - N_0)\frac{r_0 + r_1}{2}}_{\text{population}}
                 + \underbrace{(r_1 - r_0)\frac{N_0 + N_1}{2}}_{\text{rate}},

    the Shapley value of each factor in a two-factor product [1]_, [2]_.
    Where the rates and the populations are all decimals of at most 15
    significant digits (read as in :func:`rate_change`), the change
    :math:`(r_1 N_1 - r_0 N_0)` and each effect are the float64 nearest to
    their exact values on those decimals, each rounded once (10.0 % of
    1000 to 8.1 % of 1100: a rate effect of -19.95, not
    -19.950000000000003), so the parts sum to the total to within their
    roundings. Elsewhere (a population implied from a rate, of sixteen or
    more digits) the rates are read as decimals (both as their binary
    values where either has sixteen or more digits) and the populations as
    their binary values: the rate effect is the exact rate difference times
    the float64 sum of the populations, rounded once, the change the exact
    difference of the products, rounded once, and the population effect the
    remainder, within one rounding of the float subtraction. With equal
    populations the population effect is exactly 0 and the change is the
    rate effect.
    The populations are first
    scaled by a power of two (exact) and the parts scaled back, so that
    populations near float64's largest value give their finite parts, with
    no overflow on the way.

    With the headcounts, the populations are implied (each rounded once,
    as :func:`implied_population` gives it) and the effects are computed
    from them as above; they are missing where a rate is 0 (no population
    is implied). The change is not :math:`r_1 N_1 - r_0 N_0` on those
    rounded populations but the exact difference of the published
    headcounts, :math:`H_1 - H_0`, rounded once (as :func:`rate_change`
    takes a difference), defined wherever both headcounts are: Indonesia,
    March to September 2019, 25,144.72 to 24,785.87 thousand poor, is a
    change of -358.85 thousand, which rounds half up to -358.9, where the
    products of the implied populations give -358.84999999999997. The
    effects then add up to the change within float rounding.
    :func:`povstat.with_headcount_decomposition` calls this form.

    References
    ----------
    .. [1] Das Gupta, P. (1993), *Standardization and Decomposition of
       Rates: A User's Manual*, US Census Bureau, Current Population Reports
       P23-186.
    .. [2] Shorrocks, A. F. (2013), "Decomposition procedures for
       distributional analysis: a unified framework based on the Shapley
       value", *Journal of Economic Inequality* 11(1), 99-126.

    Examples
    --------
    Sulawesi Tenggara, September 2018 to March 2019 (BPS): 301.85 thousand
    poor at 11.32 %, then 302.58 thousand at 11.24 %. The rate fell but the
    number of poor rose, because the population grew:

    >>> from povstat import decompose_headcount_change
    >>> d = decompose_headcount_change(11.32, 11.24, unit="percent",
    ...                                headcount_before=301.85,
    ...                                headcount_after=302.58)
    >>> print(d.change, d.population_effect.round(2), d.rate_effect.round(2))
    0.73 2.87 -2.14

    With populations (here made up: 2,666.5 and 2,692.0 thousand), each
    part is exact on the decimals: :math:`0.1124 \times 2692 - 0.1132
    \times 2666.5 = 0.733`, :math:`25.5 \times 0.1128 = 2.8764` and
    :math:`-0.0008 \times 2679.25 = -2.1434`:

    >>> d = decompose_headcount_change(11.32, 11.24, 2666.5, 2692.0, unit="percent")
    >>> print(d.change, d.population_effect, d.rate_effect)
    0.733 2.8764 -2.1434
    """
    u = _validate.unit(unit)
    given = {
        "population": (population_before, population_after),
        "headcount": (headcount_before, headcount_after),
    }
    whole = [k for k, pair in given.items() if not any(x is _NOT_GIVEN for x in pair)]
    halves = [
        k
        for k, pair in given.items()
        if any(x is _NOT_GIVEN for x in pair) and any(x is not _NOT_GIVEN for x in pair)
    ]
    if len(whole) != 1 or halves:
        got = [
            f"`{k}_{when}`"
            for k, pair in given.items()
            for when, x in zip(("before", "after"), pair, strict=True)
            if x is not _NOT_GIVEN
        ]
        nones = [
            f"`{k}_{when}`"
            for k, pair in given.items()
            for when, x in zip(("before", "after"), pair, strict=True)
            if x is None
        ]
        none_note = (
            f"; {', '.join(nones)} {'is' if len(nones) == 1 else 'are'} None, "
            "which is a missing value, not an argument left out: leave out "
            "the pair you do not use"
            if nones
            else ""
        )
        msg = (
            "give either `population_before` and `population_after`, or "
            "`headcount_before` and `headcount_after` (the published numbers "
            f"of poor, whose populations are then implied); got "
            f"{', '.join(got) if got else 'neither'}{none_note}"
        )
        raise ValueError(msg)
    if whole == ["headcount"]:
        return _decompose_published(
            rate_before,
            rate_after,
            cast("ArrayLike", headcount_before),
            cast("ArrayLike", headcount_after),
            unit=u,
        )
    return _decompose_populations(
        rate_before,
        rate_after,
        cast("ArrayLike", population_before),
        cast("ArrayLike", population_after),
        unit=u,
    )


def _decompose_populations(
    rate_before: ArrayLike,
    rate_after: ArrayLike,
    population_before: ArrayLike,
    population_after: ArrayLike,
    *,
    unit: Unit,
) -> HeadcountDecomposition:
    """:func:`decompose_headcount_change` from rates and populations."""
    u = unit
    r0 = _validate.rate(rate_before, "rate_before", u)
    r1 = _validate.rate(rate_after, "rate_after", u)
    n0 = _validate.nonnegative(population_before, "population_before")
    n1 = _validate.nonnegative(population_after, "population_after")
    _validate.shape(
        rate_before=r0,
        rate_after=r1,
        population_before=n0,
        population_after=n1,
    )
    s = _SCALE[u]
    # Element by element, in blocks (a few megabytes, not gigabytes, of
    # exact arithmetic's temporaries for 10**7 elements).
    total, population_effect, rate_effect = _validate.blockwise(
        partial(_decompose, s=s), (r0, r1, n0, n1), 3
    )
    return HeadcountDecomposition(
        change=freeze(total),
        population_effect=freeze(population_effect),
        rate_effect=freeze(rate_effect),
    )


def _decompose(
    r0: NDArray[np.float64],
    r1: NDArray[np.float64],
    n0: NDArray[np.float64],
    n1: NDArray[np.float64],
    s: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Change, population effect and rate effect of checked 1-D inputs."""
    # The populations are scaled by the power of two at their larger one
    # (exact), so that no product or sum overflows on the way where the
    # effects do not (populations near 1e308); the effects are scaled back.
    with np.errstate(invalid="ignore"):
        top = np.fmax(n0, n1)
    _, e = np.frexp(np.where(np.isfinite(top) & (top > 0), top, 1.0))
    m0, m1 = np.ldexp(n0, -e), np.ldexp(n1, -e)
    scaled_rate, scaled_total = _decomposition_parts(r0, r1, m0, m1, s)
    # Scaling back is exact, so the remainder is that of the unscaled parts.
    rate_effect = np.ldexp(scaled_rate, e)
    total = np.ldexp(scaled_total, e)
    dec_rate, dec_pop, dec_total, dec = _decimal_decomposition(r0, r1, n0, n1, s)
    rate_effect = np.asarray(np.where(dec, dec_rate, rate_effect))
    # Equal populations: the population effect is exactly 0 and the change
    # is the rate effect (not a remainder of float noise, 4e-15).
    same = n0 == n1
    total = np.asarray(np.where(same, rate_effect, np.where(dec, dec_total, total)))
    with np.errstate(invalid="ignore"):
        remainder = total - rate_effect
    population_effect = np.asarray(np.where(dec & ~same, dec_pop, remainder))
    return total, population_effect, rate_effect


def _decomposition_parts(
    r0: NDArray[np.float64],
    r1: NDArray[np.float64],
    m0: NDArray[np.float64],
    m1: NDArray[np.float64],
    s: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Rate effect ``(r1 - r0) (m0 + m1) / 2s`` and change ``(r1 m1 - r0 m0) / s``.

    The rates are read as decimals (:func:`_common_places`): integers
    ``n0``, ``n1`` of common places ``10**-top``, so that the rate
    difference is exact and ``10**top`` joins the divisor (exact for
    ``0 <= top <= 20``). The rate effect is then one rounding of the exact
    difference times the populations' float64 sum; the change is the
    difference of the two exact products (Dekker's product, Knuth's
    two-sum) divided once. Rates of sixteen or more digits are taken at
    their binary values the same way.
    """
    r0, r1, m0, m1 = np.broadcast_arrays(r0, r1, m0, m1)
    (i0, i1), top, fits, _ = _common_places(r0, r1)
    fits = fits & (top >= 0) & (top <= 20)
    with np.errstate(all="ignore"):
        den = np.where(fits, s * _POW10[np.clip(top, 0, 20)], s)
        d_hi, d_lo = _split_int(i1 - i0)
        b_hi, b_lo = _two_sum(r1, -r0)
        diff_hi = np.where(fits, d_hi, b_hi)
        diff_lo = np.where(fits, d_lo, b_lo)
        rate = scaled_ratio(diff_hi, 2.0 * den, m0 + m1, num_lo=diff_lo)
        h1, l1 = _split_int(i1)
        h0, l0 = _split_int(i0)
        x1 = np.where(fits, h1, r1)
        x0 = np.where(fits, h0, r0)
        p1, e1 = _two_product(x1, m1)
        p0, e0 = _two_product(x0, m0)
        e1 = e1 + np.where(fits, l1, 0.0) * m1
        e0 = e0 + np.where(fits, l0, 0.0) * m0
        t, te = _two_sum(p1, -p0)
        total = scaled_ratio(t, den, 1.0, num_lo=te + (e1 - e0))
    return np.asarray(rate, np.float64), np.asarray(total, np.float64)


def _int_product(
    x: NDArray[np.int64], y: NDArray[np.int64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``x * y`` (each below 2**62) as a float64 pair ``hi + lo``.

    Dekker's product of the high parts, plus the cross terms: within about
    2**-100 of the exact product.
    """
    xh, xl = _split_int(x)
    yh, yl = _split_int(y)
    p, e = _two_product(xh, yh)
    return p, e + (xh * yl + xl * yh + xl * yl)


def _decimal_decomposition(
    r0: NDArray[np.float64],
    r1: NDArray[np.float64],
    n0: NDArray[np.float64],
    n1: NDArray[np.float64],
    s: float,
) -> tuple[
    NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_]
]:
    """Rate and population effects and change where all figures are decimals.

    Rates ``i * 10**-top`` and populations ``j * 10**-place``
    (:func:`_common_places`, each pair at its own common places): the rate
    effect ``(i1 - i0)(j0 + j1) / 2s``, the population effect
    ``(j1 - j0)(i0 + i1) / 2s`` and the change ``(i1 j1 - i0 j0) / s``,
    scaled by ``10**-(top + place)``, are each formed as a float64 pair
    within about 2**-100 of the exact value and rounded once. Returns
    ``(rate_effect, population_effect, change, fits)``.
    """
    r0, r1, n0, n1 = np.broadcast_arrays(r0, r1, n0, n1)
    (i0, i1), top, ok_r, short_r = _common_places(r0, r1)
    (j0, j1), place, ok_n, short_n = _common_places(n0, n1)
    power = top + place
    fits = ok_r & ok_n & (np.abs(power) <= 20)
    # Short decimals that do not fit these integers (populations of 1e23 or
    # more, whose 10**-power is not a float64, or places too far apart for
    # int64): rare elements, exact as Python fractions.
    huge = np.asarray(short_r & short_n & ~fits, dtype=bool)
    if not fits.any() and not huge.any():
        return np.zeros(r0.shape), np.zeros(r0.shape), np.zeros(r0.shape), fits
    with np.errstate(all="ignore"):
        p = _POW10[np.clip(np.abs(power), 0, 20)]
        den = np.where(power >= 0, s * p, s)
        up = np.where(power < 0, p, 1.0)
        d_hi, d_lo = _int_product(i1 - i0, j0 + j1)
        rate = scaled_ratio(d_hi, 2.0 * den, up, num_lo=d_lo)
        g_hi, g_lo = _int_product(j1 - j0, i0 + i1)
        population = scaled_ratio(g_hi, 2.0 * den, up, num_lo=g_lo)
        a_hi, a_lo = _int_product(i1, j1)
        b_hi, b_lo = _int_product(i0, j0)
        t, te = _two_sum(a_hi, -b_hi)
        total = scaled_ratio(t, den, up, num_lo=te + (a_lo - b_lo))
    rate = np.array(rate, np.float64)
    population = np.array(population, np.float64)
    total = np.array(total, np.float64)
    if huge.any():
        cells = zip(
            r0[huge].tolist(),
            r1[huge].tolist(),
            n0[huge].tolist(),
            n1[huge].tolist(),
            strict=True,
        )
        parts = [_fraction_parts(a, b, c, d, int(s)) for a, b, c, d in cells]
        rate[huge], population[huge], total[huge] = np.array(parts).T
    return rate, population, total, fits | huge


def _fraction_parts(
    r0: float, r1: float, n0: float, n1: float, s: int
) -> tuple[float, float, float]:
    """Rate and population effects and change of one cell, as fractions.

    ``(r1 - r0)(n0 + n1) / 2s``, ``(n1 - n0)(r0 + r1) / 2s`` and
    ``(r1 n1 - r0 n0) / s`` on the decimals the values' shortest reprs
    show (at most 15 digits: the decimals
    :func:`povstat._exact._decimal_parts` reads), each converted to float64
    once.
    """
    f0, f1, m0, m1 = (Fraction(repr(v)) for v in (r0, r1, n0, n1))
    return (
        float((f1 - f0) * (m0 + m1) / (2 * s)),
        float((m1 - m0) * (f0 + f1) / (2 * s)),
        float((f1 * m1 - f0 * m0) / s),
    )


@_validate.positional
def decimal_year(year: ArrayLike, month: ArrayLike) -> NDArray[np.float64]:
    """Time in years of a survey round named by its year and month.

    Parameters
    ----------
    year : array_like of int
        Calendar year.
    month : array_like of int
        Month of the survey round, 1-12 (Susenas: 3 for March, 9 for
        September); broadcast against `year`.

    Returns
    -------
    ndarray of float64
        ``year + (month - 1) / 12``, so that differences are elapsed years:
        March to September is 0.5.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If a month is not a whole number in 1-12 or a year is not whole.

    See Also
    --------
    annualized_change : Uses elapsed years.

    Notes
    -----
    Survey rounds are named by month, so time is measured in whole months
    [1]_.

    References
    ----------
    .. [1] BPS (2023), *Penghitungan dan Analisis Kemiskinan Makro
       Indonesia*: Susenas is fielded in March and September rounds.

    Examples
    --------
    >>> from povstat import decimal_year
    >>> decimal_year([2022, 2022, 2023], [3, 9, 3])
    array([2022.16666667, 2022.66666667, 2023.16666667])
    >>> float(decimal_year(2022, 9) - decimal_year(2022, 3))
    0.5
    """
    y = _validate.finite_or_nan(year, "year")
    m = _validate.finite_or_nan(month, "month")
    _validate.shape(year=y, month=m)
    bad_m = ~np.isnan(m) & ((m < 1) | (m > 12) | (m != np.floor(m)))
    if bad_m.any():
        first = float(m[bad_m].ravel()[0])
        msg = f"`month` must be a whole number in 1-12, found {first:g}"
        raise ValueError(msg)
    bad_y = ~np.isnan(y) & (y != np.floor(y))
    if bad_y.any():
        msg = f"`year` must be a whole number, found {float(y[bad_y].ravel()[0]):g}"
        raise ValueError(msg)
    return np.asarray(y + (m - 1.0) / 12.0)


@frozen(kw_only=True)
class DecompositionBounds(Result):
    """How far the rounding of published figures can move a decomposition.

    Attributes
    ----------
    change_lower, change_upper : ndarray of float64
        Bounds of the change in the number of poor.
    population_effect_lower, population_effect_upper : ndarray of float64
        Bounds of the population effect.
    rate_effect_lower, rate_effect_upper : ndarray of float64
        Bounds of the rate effect.

    Examples
    --------
    >>> from povstat.change import decomposition_bounds
    >>> b = decomposition_bounds(4.37, 4.26, 882.4, 886.9, unit="percent",
    ...                          rate_decimals=2)
    >>> print(b.rate_effect_lower.round(3), b.rate_effect_upper.round(3))
    -1.062 -0.885
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "change_lower": "headcount_change_lower",
        "change_upper": "headcount_change_upper",
        "population_effect_lower": "population_effect_lower",
        "population_effect_upper": "population_effect_upper",
        "rate_effect_lower": "rate_effect_lower",
        "rate_effect_upper": "rate_effect_upper",
    }

    change_lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    change_upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    population_effect_lower: NDArray[np.float64] = field(
        converter=readonly_float, eq=array_eq
    )
    population_effect_upper: NDArray[np.float64] = field(
        converter=readonly_float, eq=array_eq
    )
    rate_effect_lower: NDArray[np.float64] = field(
        converter=readonly_float, eq=array_eq
    )
    rate_effect_upper: NDArray[np.float64] = field(
        converter=readonly_float, eq=array_eq
    )


def _product_range(
    a_lo: NDArray[np.float64],
    a_hi: NDArray[np.float64],
    b_lo: NDArray[np.float64],
    b_hi: NDArray[np.float64],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Range of a * b for a in [a_lo, a_hi] and b in [b_lo, b_hi]."""
    corners = np.stack(
        np.broadcast_arrays(a_lo * b_lo, a_lo * b_hi, a_hi * b_lo, a_hi * b_hi)
    )
    return np.min(corners, axis=0), np.max(corners, axis=0)


@_validate.positional
def decomposition_bounds(
    rate_before: ArrayLike,
    rate_after: ArrayLike,
    population_before: ArrayLike,
    population_after: ArrayLike,
    *,
    unit: Unit,
    rate_decimals: int,
    population_decimals: int | None = None,
) -> DecompositionBounds:
    r"""Bounds of the decomposition of a change from published, rounded figures.

    A split computed from rates rounded to two decimals looks exact, but each
    rate stands for an interval of true values (see
    :func:`povstat.rounding_interval`), and a rate effect of a few hundred
    persons may be mostly rounding. This gives the smallest and largest value
    each part of :func:`decompose_headcount_change` can take over those
    intervals.

    Parameters
    ----------
    rate_before, rate_after : array_like
        Published headcount ratios in `unit`, rounded to `rate_decimals`.
    population_before, population_after : array_like
        Populations the rates are shares of; exact unless
        `population_decimals` is given.
    unit : {"fraction", "percent"}
        Scale of the rates.
    rate_decimals : int
        Decimal places the rates were published with.
    population_decimals : int, optional
        Decimal places the populations were rounded to; None takes them as
        exact.

    Returns
    -------
    DecompositionBounds
        Lower and upper bounds of the change, the population effect and the
        rate effect, in the unit of the populations.

    Raises
    ------
    TypeError
        If an input is not numeric or a decimals argument is not an int.
    ValueError
        If `unit` is unknown, a rate is out of range or not rounded to
        `rate_decimals`, a population is negative or not rounded to
        `population_decimals`, or the shapes do not broadcast.

    See Also
    --------
    decompose_headcount_change : The decomposition itself.
    povstat.rounding_interval : What a rounded figure stands for.

    Notes
    -----
    The rate effect :math:`(r_1 - r_0)(N_0 + N_1)/2` and the population
    effect :math:`(N_1 - N_0)(r_0 + r_1)/2` are each a product of two
    factors that depend on disjoint figures, so over the box of rounding
    intervals each ranges between the extreme products of its factors'
    ranges [1]_; the change :math:`r_1 N_1 - r_0 N_0` likewise. The
    populations are taken as separate figures: when they are implied from
    the same rounded rates, the bounds do not use that dependence.

    References
    ----------
    .. [1] Moore, R. E., Kearfott, R. B., Cloud, M. J. (2009), *Introduction
       to Interval Analysis*, SIAM, ch. 2 (interval arithmetic).

    Examples
    --------
    Kota Malang, BPS: 4.37 % (2022) and 4.26 % (2023), populations implied
    by the published rates and counts (about 882.4 and 886.9 thousand). The
    rate effect of -0.97 thousand may be anywhere from -1.06 to -0.88
    thousand given the rounding of the two rates (a fall of 0.10 to 0.12
    points):

    >>> from povstat import decompose_headcount_change
    >>> from povstat.change import decomposition_bounds
    >>> d = decompose_headcount_change(4.37, 4.26, 882.4, 886.9, unit="percent")
    >>> b = decomposition_bounds(4.37, 4.26, 882.4, 886.9, unit="percent",
    ...                          rate_decimals=2)
    >>> print(d.rate_effect.round(3), b.rate_effect_lower.round(3),
    ...       b.rate_effect_upper.round(3))
    -0.973 -1.062 -0.885
    """
    from povstat.units import figure_interval

    u = _validate.unit(unit)
    r0 = _validate.rate(rate_before, "rate_before", u)
    r1 = _validate.rate(rate_after, "rate_after", u)
    n0 = _validate.nonnegative(population_before, "population_before")
    n1 = _validate.nonnegative(population_after, "population_after")
    _validate.shape(
        rate_before=r0, rate_after=r1, population_before=n0, population_after=n1
    )
    rd = _validate.decimals(rate_decimals, "rate_decimals")
    ri0 = figure_interval(r0, rd, "rate_before")
    ri1 = figure_interval(r1, rd, "rate_after")
    s = _SCALE[u]
    # Rates cannot leave [0, 100 %] whatever their rounding.
    r0_lo, r0_hi = np.maximum(ri0.lower, 0.0) / s, np.minimum(ri0.upper, s) / s
    r1_lo, r1_hi = np.maximum(ri1.lower, 0.0) / s, np.minimum(ri1.upper, s) / s
    if population_decimals is None:
        n0_lo = n0_hi = n0
        n1_lo = n1_hi = n1
    else:
        nd = _validate.decimals(population_decimals, "population_decimals")
        ni0 = figure_interval(n0, nd, "population_before")
        ni1 = figure_interval(n1, nd, "population_after")
        n0_lo, n0_hi = np.maximum(ni0.lower, 0.0), ni0.upper
        n1_lo, n1_hi = np.maximum(ni1.lower, 0.0), ni1.upper
    # rate effect: (r1 - r0) * (n0 + n1) / 2
    re_lo, re_hi = _product_range(
        r1_lo - r0_hi, r1_hi - r0_lo, n0_lo + n1_lo, n0_hi + n1_hi
    )
    # population effect: (n1 - n0) * (r0 + r1) / 2
    pe_lo, pe_hi = _product_range(
        n1_lo - n0_hi, n1_hi - n0_lo, r0_lo + r1_lo, r0_hi + r1_hi
    )
    # change: r1 n1 - r0 n0, each product of non-negative factors
    return DecompositionBounds(
        change_lower=r1_lo * n1_lo - r0_hi * n0_hi,
        change_upper=r1_hi * n1_hi - r0_lo * n0_lo,
        population_effect_lower=pe_lo / 2.0,
        population_effect_upper=pe_hi / 2.0,
        rate_effect_lower=re_lo / 2.0,
        rate_effect_upper=re_hi / 2.0,
    )


def _decompose_published(
    rate_before: ArrayLike,
    rate_after: ArrayLike,
    headcount_before: ArrayLike,
    headcount_after: ArrayLike,
    *,
    unit: Unit,
) -> HeadcountDecomposition:
    """:func:`decompose_headcount_change` from published rates and headcounts.

    The populations are those implied by each period's rate and number of
    poor, :math:`N = H / P_0` (:func:`povstat.implied_population`), so the
    effects are missing where a rate is 0. The total is the change in the
    number of poor itself, :math:`H_1 - H_0`, defined wherever both
    headcounts are.
    """
    r0 = _validate.rate(rate_before, "rate_before", unit)
    r1 = _validate.rate(rate_after, "rate_after", unit)
    h0 = _validate.nonnegative(headcount_before, "headcount_before")
    h1 = _validate.nonnegative(headcount_after, "headcount_after")
    _validate.shape(
        rate_before=r0, rate_after=r1, headcount_before=h0, headcount_after=h1
    )
    n0 = implied_population(r0, h0, unit=unit)
    n1 = implied_population(r1, h1, unit=unit)
    parts = _decompose_populations(r0, r1, n0, n1, unit=unit)
    return HeadcountDecomposition(
        change=freeze(decimal_difference(h1, h0)[0]),
        population_effect=parts.population_effect,
        rate_effect=parts.rate_effect,
    )
