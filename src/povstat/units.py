"""Units of rates, and rounding of published figures.

A rate is either a fraction (0 to 1) or a percentage (0 to 100). povstat never
guesses which: every function that takes a rate takes a keyword-only ``unit``
with no default. This module converts between the two, rounds figures for
presentation the way official tables do (half up, on the decimal value), and
gives the interval of true values that a published rounded figure stands for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._exact import decimal_ratio
from povstat._results import Result, array_eq, readonly, readonly_float
from povstat._validate import Unit

__all__ = [
    "Interval",
    "Unit",
    "round_half_up",
    "rounding_interval",
    "to_fraction",
    "to_percent",
]


@frozen(kw_only=True)
class Interval(Result):
    """An interval of values, elementwise, with its closed ends stated.

    Attributes
    ----------
    lower, upper : ndarray of float64
        Bounds, in the unit of the quantity the interval is about.
    lower_closed, upper_closed : ndarray of bool
        Whether each bound belongs to the interval. The interval a figure
        rounded half up stands for is closed below and open above for positive
        figures, e.g. ``[4.255, 4.265)`` for 4.26.
    decimals : int or None
        Decimal places of the bounds when they are exact decimal numbers (a
        rounding interval: one more than the figure), shown in full by
        ``str``; None for bounds that are not (shown to 10 significant
        digits).

    Examples
    --------
    >>> from povstat import rounding_interval
    >>> iv = rounding_interval(4.26, decimals=2)
    >>> print(iv)
    [4.255, 4.265)
    >>> bool(iv.contains(4.2649))
    True
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "lower": "lower",
        "upper": "upper",
        "lower_closed": "lower_closed",
        "upper_closed": "upper_closed",
    }

    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    lower_closed: NDArray[np.bool_] = field(converter=readonly, eq=array_eq)
    upper_closed: NDArray[np.bool_] = field(converter=readonly, eq=array_eq)
    decimals: int | None = None

    @property
    def width(self) -> NDArray[np.float64]:
        """Upper minus lower bound."""
        return np.asarray(self.upper - self.lower)

    def contains(self, x: ArrayLike) -> NDArray[np.bool_]:
        """Whether each `x` lies in the interval, respecting closed ends.

        Parameters
        ----------
        x : array_like
            Values, in the unit of the bounds; broadcast against the bounds.

        Returns
        -------
        ndarray of bool
            False where `x` or a bound is NaN.

        Raises
        ------
        TypeError
            If `x` is not numeric.
        ValueError
            If the shape of `x` does not broadcast against the interval's,
            naming both shapes.
        """
        v = _validate.numeric(x, "x")
        _validate.shape(x=v, interval=self.lower)
        above = np.where(self.lower_closed, v >= self.lower, v > self.lower)
        below = np.where(self.upper_closed, v <= self.upper, v < self.upper)
        return np.asarray(above & below)

    def __str__(self) -> str:
        """Show the interval in the usual bracket notation."""
        # Exact decimal bounds in full: each float is the one nearest to its
        # decimal, so formatting to `decimals` places gives that decimal back.
        form = ".10g" if self.decimals is None else f".{self.decimals}f"

        def one(lo: Any, hi: Any, lc: Any, uc: Any) -> str:
            return f"{'[' if lc else '('}{lo:{form}}, {hi:{form}}{']' if uc else ')'}"

        if self.lower.ndim == 0:
            return one(self.lower, self.upper, self.lower_closed, self.upper_closed)
        parts = [
            one(*t)
            for t in zip(
                self.lower.ravel(),
                self.upper.ravel(),
                np.broadcast_to(self.lower_closed, self.lower.shape).ravel(),
                np.broadcast_to(self.upper_closed, self.upper.shape).ravel(),
                strict=True,
            )
        ]
        return "[" + ", ".join(parts) + "]"


def to_fraction(rate: ArrayLike, *, unit: Unit) -> NDArray[np.float64]:
    """Express a rate as a fraction (0 to 1).

    Parameters
    ----------
    rate : array_like
        Rates in `unit`. NaN marks a missing value and stays NaN.
    unit : {"fraction", "percent"}
        Scale of `rate`: 0-1 or 0-100. Required: povstat never guesses.

    Returns
    -------
    ndarray of float64
        Rates as fractions; same shape as `rate`.

    Raises
    ------
    TypeError
        If `rate` is not numeric.
    ValueError
        If `unit` is not a known unit, or a rate lies outside [0, 1] or
        [0, 100] for its unit (the message gives the first offending value).

    See Also
    --------
    to_percent : The inverse conversion.

    Notes
    -----
    A percentage is a fraction times 100: :math:`p = 100 f`.

    The result is rounded once: the float64 nearest to the exact value of
    the formula on the decimals the inputs stand for (each float read, as
    :func:`round_half_up` reads it, as the decimal of at most 15
    significant digits it is nearest to; a value with more digits as its
    binary value), so that an exact decimal tie rounds half up as the tie
    does. See :ref:`conversions-rounded-once`.

    References
    ----------
    .. [1] BIPM (2019), *The International System of Units (SI)*, 9th ed.,
       section 5.4.7: the percent symbol stands for the number 0.01.

    Examples
    --------
    >>> from povstat import to_fraction
    >>> to_fraction([4.26, 100.0], unit="percent")
    array([0.0426, 1.    ])
    """
    u = _validate.unit(unit)
    r = _validate.rate(rate, "rate", u)
    if u == "fraction":
        return np.array(r, dtype=np.float64, copy=True)
    return decimal_ratio(r, np.asarray(100.0), 1.0)


def to_percent(rate: ArrayLike, *, unit: Unit) -> NDArray[np.float64]:
    """Express a rate as a percentage (0 to 100).

    Parameters
    ----------
    rate : array_like
        Rates in `unit`. NaN stays NaN.
    unit : {"fraction", "percent"}
        Scale of `rate`: 0-1 or 0-100.

    Returns
    -------
    ndarray of float64
        Rates in percent; same shape as `rate`.

    Raises
    ------
    TypeError
        If `rate` is not numeric.
    ValueError
        If `unit` is unknown or a rate is out of range for it.

    See Also
    --------
    to_fraction : The inverse conversion.

    Notes
    -----
    :math:`p = 100 f` for a fraction :math:`f`.

    The result is rounded once: the float64 nearest to the exact value of
    the formula on the decimals the inputs stand for (each float read, as
    :func:`round_half_up` reads it, as the decimal of at most 15
    significant digits it is nearest to; a value with more digits as its
    binary value), so that an exact decimal tie rounds half up as the tie
    does. See :ref:`conversions-rounded-once`.

    References
    ----------
    .. [1] BIPM (2019), *The International System of Units (SI)*, 9th ed.,
       section 5.4.7.

    Examples
    --------
    >>> from povstat import to_percent
    >>> to_percent(0.0426, unit="fraction")
    array(4.26)
    """
    u = _validate.unit(unit)
    r = _validate.rate(rate, "rate", u)
    if u == "percent":
        return np.array(r, dtype=np.float64, copy=True)
    return decimal_ratio(r, np.asarray(1.0), 100.0)


def _scale(d: int) -> tuple[float, bool]:
    """Exact power of ten for `d` decimals, and whether to multiply by it."""
    return (10.0 ** abs(d), d >= 0)


_EXACT_BELOW = 1e14  # scaled values below this have at most 15 significant digits


def _round_decimal(values: NDArray[np.float64], d: int) -> NDArray[np.float64]:
    """Half-up rounding of each value's shortest decimal repr (slow, exact)."""
    import decimal

    quantum = decimal.Decimal(1).scaleb(-d)
    out = np.empty(values.shape, dtype=np.float64)
    with decimal.localcontext() as ctx:
        ctx.prec = 800  # enough for every finite double at any allowed `d`
        for i, value in enumerate(values.tolist()):
            exact = decimal.Decimal(repr(value))
            out[i] = float(exact.quantize(quantum, rounding=decimal.ROUND_HALF_UP))
    return out


def round_half_up(x: ArrayLike, decimals: int = 0) -> NDArray[np.float64]:
    r"""Round as official statistical tables do: half up, on the decimal value.

    A value exactly halfway between two rounded figures goes to the one
    farther from zero (``12.5 -> 13``, ``-0.025 -> -0.03``). "Exactly
    halfway" is judged on the decimal number the float stands for, i.e. on
    what was typed or published, so ``9.655`` rounds to ``9.66`` although the
    binary float nearest to 9.655 is slightly below it (and Python's
    :func:`round` and :func:`numpy.round`, which round half to even on the
    binary value, give 9.65).

    Parameters
    ----------
    x : array_like
        Values to round. NaN and infinities are returned unchanged. A
        float32 value (polars Float32, a Parquet float) stands for its
        shortest decimal in float32: ``np.float32(2.675)`` rounds as 2.675,
        as do the rounding checks of every decimal-aware function.
    decimals : int, default 0
        Number of decimal places; negative rounds to tens, hundreds, ...

    Returns
    -------
    ndarray of float64
        Rounded values (the float nearest to each rounded decimal); same
        shape as `x`.

    Raises
    ------
    TypeError
        If `x` is not numeric or `decimals` is not an int.
    ValueError
        If `decimals` lies outside [-15, 15].

    See Also
    --------
    rounding_interval : The values a rounded figure can stand for.

    Notes
    -----
    With :math:`s = 10^d` and :math:`y = |x| s`, let :math:`k = \lfloor y
    \rfloor` and :math:`t` the float nearest to :math:`(k + 1/2)/s`. The
    result is :math:`\operatorname{sign}(x)(k + 1)/s` if :math:`|x| \ge t`
    and :math:`\operatorname{sign}(x)\,k/s` otherwise. Comparing with
    :math:`t` (rather than rounding :math:`y`) decides ties on the decimal
    value and is immune to the rounding error of the product :math:`|x| s`.
    This is the "round half up" (half away from zero) rule of [1]_, the
    convention used for published tables [2]_.

    References
    ----------
    .. [1] IEEE Std 754-2019, *Standard for Floating-Point Arithmetic*,
       section 4.3.1, "roundTiesToAway".
    .. [2] Eurostat (2018), *Statistical rounding*, in the European
       Statistical System handbook on presentation of data: figures are
       rounded half up (away from zero) to the published precision.

    Examples
    --------
    >>> from povstat import round_half_up
    >>> round_half_up([9.655, 0.125, 2.675, -0.025], 2)
    array([ 9.66,  0.13,  2.68, -0.03])
    >>> round_half_up(12.5)
    array(13.)
    """
    d = _validate.decimals(decimals)
    v = _validate.numeric(x, "x")
    a = np.abs(v)
    s, multiply = _scale(d)
    # Each step writes into one work array; NaN and +-inf flow through the
    # steps unchanged (inf >= inf holds, so inf stays inf).
    with np.errstate(over="ignore", invalid="ignore"):
        k = np.multiply(a, s) if multiply else np.divide(a, s)
        k = np.asarray(k)
        np.floor(k, out=k)
        tie = np.add(k, 0.5, out=np.empty_like(k))
        if multiply:
            tie /= s
        else:
            tie *= s
        out = np.add(k, a >= tie, out=tie)  # reuse the buffer of `tie`
        if multiply:
            out /= s
        else:
            out *= s
        np.copysign(out, v, out=out)
    # With 16 or more significant digits in the scaled value, a double no
    # longer tells its decimal value apart from a neighbouring tie, and
    # k + 0.5 may not be representable: decide those few values on their
    # shortest decimal representation, exactly.
    if k.size and not np.max(k) < _EXACT_BELOW:  # NaN lands here too
        wide = (k >= _EXACT_BELOW) & np.isfinite(v)
        if wide.any():
            out[wide] = _round_decimal(v[wide], d)
    return np.asarray(out)


def rounding_interval(value: ArrayLike, decimals: int) -> Interval:
    r"""The interval of true values that a figure rounded half up stands for.

    A published 4.26 (2 decimals) may be any true value in ``[4.255, 4.265)``;
    a published -0.11 any value in ``(-0.115, -0.105]``; a published 0 any
    value in ``(-0.005, 0.005)``.

    Parameters
    ----------
    value : array_like
        Published (rounded) figures. NaN gives NaN bounds.
    decimals : int
        Number of decimal places the figures were rounded to.

    Returns
    -------
    Interval
        ``lower = value - h`` and ``upper = value + h`` with
        :math:`h = 10^{-d}/2`, each the float nearest to the exact decimal
        bound (so ``37.785``, not ``37.78 + 0.005 = 37.785000000000004``);
        closed on the side towards zero. ``contains`` agrees with
        :func:`round_half_up`: a value is in the interval exactly when it
        rounds to the figure.

    Raises
    ------
    TypeError
        If `value` is not numeric or `decimals` is not an int.
    ValueError
        If `decimals` is out of range, a value is not a figure rounded to
        `decimals` places (e.g. 4.263 at 2 decimals; float noise such as
        ``0.1 + 0.2`` at 1 decimal is removed, not refused: noise is at most
        1e-12 of the value, or of 1 for values below 1, and at most a
        millionth of a unit in the last place, so that 1.01e-10 at 10
        decimals is refused), or it has 15 or more
        significant digits at `decimals` places (its bounds, one digit
        longer, would not be exact in float64), or, at negative `decimals`
        ``-m``, a bound ``(2k + 1) 5^m 2^(m - 1)`` (the figure ``k 10^m``
        plus half a unit) needs more than float64's 53 bits (figures above
        36,028,797,018,963,000 at -3 decimals).

    See Also
    --------
    round_half_up : The rounding rule this interval inverts.

    Notes
    -----
    Under half-up rounding :math:`x` rounds to :math:`v > 0` exactly when
    :math:`v - h \le x < v + h`; for :math:`v < 0` when
    :math:`v - h < x \le v + h` [1]_.

    References
    ----------
    .. [1] IEEE Std 754-2019, section 4.3.1, "roundTiesToAway".

    Examples
    --------
    >>> from povstat import rounding_interval
    >>> iv = rounding_interval([4.26, 37.78], decimals=2)
    >>> iv.lower, iv.upper
    (array([ 4.255, 37.775]), array([ 4.265, 37.785]))
    >>> print(iv)
    [[4.255, 4.265), [37.775, 37.785)]
    >>> iv.contains([4.265, 37.785])  # both round half up to the next figure
    array([False, False])
    """
    d = _validate.decimals(decimals)
    return figure_interval(_validate.finite_or_nan(value, "value"), d, "value")


def shown_decimals(values: NDArray[np.float64]) -> int:
    """Fewest decimals (0-6) that show every finite value exactly.

    The decimals a set of published figures shows (a trailing zero cannot
    be seen: 10.50 next to 4.26 shows 2, alone 1). The statement checks
    and traces read a column's decimals with :func:`figure_decimals` (up
    to 10, float noise aside).
    """
    v = np.ravel(values)
    v = v[np.isfinite(v)]
    for d in range(7):
        if np.all(round_half_up(v, d) == v):
            return d
    return 6


def snap_noise(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Remove float noise from arithmetic on published decimals.

    ``4.05 - 4.0`` is ``0.04999999999999982`` in binary, ``(3/10)/(8/10)``
    is ``0.37499999999999994``; published figures have at most a few
    decimals, so their sums, differences and products are exact at 10
    decimals. Rounding there first lets an exact tie (0.05, 0.375) be
    rounded as the tie it is. Only float noise is removed: a value further
    than 2**-40 of its size from its rounding (half up) at 10 decimals
    (1.2e-10, or 4.123456789012) is kept as it is, never rounded to 10
    decimals (so a level of 1.2e-10 % is not read as 1e-10 %). The one
    reading of a cell whose decimals are not stated, in every statement
    check and trace.
    """
    r = round_half_up(x, 10)
    with np.errstate(invalid="ignore"):
        noise = np.abs(r - x) <= 2.0**-40 * np.abs(x)
    return np.asarray(np.where(noise, r, x), np.float64)


def figure_decimals(values: NDArray[np.float64]) -> int | None:
    """The most decimals any finite value shows, up to 10; None beyond.

    Float noise from computing published figures is removed first (see
    :func:`snap_noise`): ``0.1 + 0.2`` shows 1 decimal. A value that shows
    more than :data:`povstat._validate.FIGURE_DECIMALS` (10) decimals even
    then (``100 * 3 / 7`` is 42.857142857142854) is a computed value, not a
    published figure: None, and such values are taken as given. The one
    rule of the decimals a column of figures was published with.
    """
    v = np.ravel(values)
    v = snap_noise(v[np.isfinite(v)])
    for d in range(_validate.FIGURE_DECIMALS + 1):
        if np.all(round_half_up(v, d) == v):
            return d
    return None


#: Float noise allowed, relative to the value (and to 1 for values below 1).
_NOISE = 1e-12
#: ... but never more than this share of a unit in the figure's last place.
_NOISE_OF_UNIT = 1e-6
#: Units in the last place of the value always allowed as noise.
_NOISE_ULPS = 4


def _unrounded(
    x: NDArray[np.float64], r: NDArray[np.float64], d: int
) -> NDArray[np.bool_]:
    """Where `x` differs from its rounding `r` at `d` decimals by more than noise.

    The one rule of float noise in published figures: ``|x - r|`` may be
    up to :data:`_NOISE` of ``max(|x|, 1)`` (``0.1 + 0.2``, ``23854.56 /
    1000``, or ``0.3 - 0.1 - 0.2`` for 0), but no more than
    :data:`_NOISE_OF_UNIT` of a unit in the figure's last place,
    ``10**-d``: at 10 decimals 1.01e-10 is one more digit, not noise, and
    is refused (a deviation of 1e-12 is noise at 2 decimals, a whole digit
    at 12). Within :data:`_NOISE_ULPS` units in the last place of `x`
    itself it is always noise (the float nearest to a figure of 15 or more
    digits is that close to it). NaN is not flagged.

    A float32 figure widened to float64 (a float32 column concatenated with
    a float64 one: 13.65 becomes 13.649999618530273) is the figure too:
    where `x` is exactly a float32 value, and that float32 is the one
    nearest to `r`, with float32 spacing finer than a unit in the `d`-th
    decimal (so that no other figure of `d` decimals has the same
    float32). A float64 value that is no float32 value (a computed
    7.876104702999582) is judged as above.
    """
    x = np.asarray(x, np.float64)
    with np.errstate(invalid="ignore", over="ignore"):
        a = np.abs(x)
        tol = np.maximum(
            np.minimum(_NOISE * np.maximum(a, 1.0), _NOISE_OF_UNIT * 10.0**-d),
            _NOISE_ULPS * np.spacing(a),
        )
        noise = np.abs(r - x) <= tol
        x32 = x.astype(np.float32)
        widened = (
            (x32.astype(np.float64) == x)
            & (np.asarray(r, np.float64).astype(np.float32) == x32)
            & (np.spacing(np.abs(x32)).astype(np.float64) < 10.0**-d)
        )
    return np.asarray(~(noise | widened) & ~np.isnan(x))


def unrounded(x: NDArray[np.float64], d: int) -> NDArray[np.bool_]:
    """Where `x` is not a figure rounded to `d` decimals, float noise aside.

    The test of :func:`published`, for callers that name the offending
    figures their own way (by their row keys, say). NaN is not flagged.
    """
    return _unrounded(x, round_half_up(x, d), d)


def published(x: NDArray[np.float64], d: int, name: str) -> NDArray[np.float64]:
    """`x` as figures rounded to `d` decimals, float noise removed.

    A figure computed by the caller (``23854.56 / 1000`` is
    ``23.854560000000003``, ``0.1 + 0.2`` is ``0.30000000000000004``)
    stands for the decimal figure it differs from by a few units in the
    last place; a value further from its rounding (4.263 at 2 decimals) is
    not a figure rounded to `d` decimals and is refused, naming `name`. The
    one policy of every function that takes published figures with their
    decimals.

    Raises
    ------
    ValueError
        If a value is not rounded to `d` decimals beyond float noise.
    """
    r = round_half_up(x, d)
    bad = np.ravel(_unrounded(x, r, d))
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        first = float(np.ravel(x)[k])
        index = k if np.ndim(x) == 1 else tuple(map(int, np.unravel_index(k, x.shape)))
        where = f" at index {index}" if np.ndim(x) else ""
        msg = (
            f"`{name}` must hold figures rounded to {d} decimals, found "
            f"{first!r}{where}"
        )
        raise ValueError(msg)
    return np.asarray(r, dtype=np.float64)


def figure_interval(v: NDArray[np.float64], d: int, name: str) -> Interval:
    """:func:`rounding_interval` of checked figures, errors naming `name`."""
    v = published(v, d, name)
    # Bounds (k -+ 1/2) / 10^d from the integer k = |v| 10^d, each a correctly
    # rounded division: the float nearest to the exact decimal bound, the
    # very threshold round_half_up compares with. v - h would add the
    # rounding errors of v and h (37.78 + 0.005 lies above 37.785).
    sc, multiply = _scale(d)
    with np.errstate(invalid="ignore", over="ignore"):
        k = np.rint(np.abs(v) * sc if multiply else np.abs(v) / sc)
    wide = k >= _EXACT_BELOW  # NaN compares False
    if wide.any():
        first = float(np.ravel(v[wide] if v.ndim else v)[0])
        msg = (
            f"`{name}` must have fewer than 15 significant digits at {d} "
            f"decimals, found {first!r}: the bounds of its rounding interval "
            "would need more digits than float64 holds"
        )
        raise ValueError(msg)
    if d < 0:
        # A bound (k +- 1/2) 10^m, m = -d, is (2k +- 1) 5^m 2^(m-1): exact in
        # float64 only while (2k + 1) 5^m <= 2^53 (fresh20 F2: 99999999999999
        # thousand's upper bound, 99999999999999500, is no float64).
        m = -d
        top = (2**53 // 5**m - 1) // 2  # the largest k with exact bounds
        over = k > top  # NaN compares False
        if over.any():
            first = float(np.ravel(v[over] if v.ndim else v)[0])
            msg = (
                f"`{name}` must be at most {top * 10**m} in magnitude at {d} "
                f"decimals, found {first!r}: the bounds of its rounding "
                f"interval (the figure -+ {5 * 10 ** (m - 1)}) would not be "
                "exact in float64"
            )
            raise ValueError(msg)
    with np.errstate(invalid="ignore"):
        lo = (k - 0.5) / sc if multiply else (k - 0.5) * sc
        hi = (k + 0.5) / sc if multiply else (k + 0.5) * sc
    neg = v < 0
    return Interval(
        lower=np.where(neg, -hi, lo),
        upper=np.where(neg, -lo, hi),
        lower_closed=v > 0,
        upper_closed=neg,
        decimals=max(d + 1, 0),
    )
