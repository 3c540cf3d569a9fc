"""Checking published statements against the figures they are about.

News stories and reports restate official poverty figures in words: "fell
0.11 percent", "about 9,000 people", "second lowest in the province after
Kota Batu", "poverty fell". Each ``check_*`` function takes the numbers in
such a statement and the reference figures, and returns a
:class:`StatementCheck`: a verdict per statement, a sentence giving the
numbers that decide it, and those numbers.

Verdicts are one of

``"holds"``
    The statement agrees with the reference figures, allowing for the
    rounding of published numbers.
``"does not hold"``
    It disagrees with them by more than rounding can explain.
``"cannot tell"``
    The figures do not decide it: a value is missing, the answer depends on
    a convention the statement does not state (such as the rule for ties),
    or the statement is true of one measure and false of another.

Statements are checked elementwise, so many statements can be checked in one
call; :func:`check_statements` does so for a frame of statements.

Figures are compared at 10 decimals (rounded half up there, so that float
noise such as ``0.1 + 0.2`` does not decide a verdict); every ``decimals``
argument is therefore at most 10, and a larger one raises ValueError rather
than being accepted and ignored.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import fractions
import functools
import itertools
import math
import numbers
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, cast

import numpy as np
import pandas as pd
from attrs import field, frozen
from narwhals.stable.v2.typing import IntoFrame
from numpy.typing import ArrayLike, NDArray

from povstat import _grouping, _validate
from povstat._results import array_eq, readonly
from povstat._validate import Unit
from povstat.change import (
    annualized_change,
    rate_change,
    relative_change,
)
from povstat.frames import _checks, _plumbing
from povstat.ranking import Ties, rank
from povstat.tracing import (
    _SLIP_POWERS,
    _could_round_to,
    _factor,
    _refuse_collections,
    _times_power_of_ten,
    _trace_figure,
)
from povstat.units import (
    figure_decimals as _figure_decimals,
)
from povstat.units import (
    figure_interval,
    published,
    round_half_up,
    to_percent,
    unrounded,
)
from povstat.units import (
    snap_noise as _snap,
)
from povstat.wording import (
    _change_decimals,
    _figure_text,
    _level_difference,
    describe_level_change,
    describe_rate_change,
)

__all__ = [
    "HOLDS",
    "NOT_HOLDS",
    "UNDECIDED",
    "StatementCheck",
    "check_benchmark_statement",
    "check_change_statement",
    "check_consistency",
    "check_count_statement",
    "check_direction_statement",
    "check_headcount_change_statement",
    "check_level_change_statement",
    "check_rank_statement",
    "check_statements",
    "check_top_statement",
]

#: Verdict: the statement agrees with the figures.
HOLDS = "holds"
#: Verdict: the statement disagrees with the figures.
NOT_HOLDS = "does not hold"
#: Verdict: the figures do not decide the statement.
UNDECIDED = "cannot tell"

Direction = Literal["fall", "rise"]
StatedAs = Literal["percent", "points"]


def _figures(x: Mapping[str, Any]) -> Mapping[str, NDArray[Any]]:
    return MappingProxyType({k: readonly(v) for k, v in x.items()})


@frozen(kw_only=True)
class StatementCheck:
    """Verdicts on published statements, with the numbers that decide them.

    Attributes
    ----------
    verdict : ndarray of str
        ``"holds"``, ``"does not hold"`` or ``"cannot tell"`` per statement
        (the module constants :data:`HOLDS`, :data:`NOT_HOLDS`,
        :data:`UNDECIDED`).
    reason : ndarray of str
        One sentence per statement with the deciding numbers, rounded half
        up for display.
    figures : mapping of str to ndarray
        The deciding numbers, unrounded, one array per name (read-only); the
        names are listed by each ``check_*`` function.

    Examples
    --------
    >>> from povstat.statements import check_change_statement
    >>> res = check_change_statement(4.37, 4.26, 0.11, direction="fall",
    ...     stated_as="points", unit="percent", decimals=2)
    >>> print(res.verdict, res.figures["meaning"])
    holds points
    """

    verdict: NDArray[np.str_] = field(converter=readonly, eq=array_eq)
    reason: NDArray[np.str_] = field(converter=readonly, eq=array_eq)
    figures: Mapping[str, NDArray[Any]] = field(converter=_figures, eq=False)

    def to_frame(self) -> pd.DataFrame:
        """The verdicts as a frame: ``verdict``, ``reason`` and the figures.

        Returns
        -------
        pandas.DataFrame
            One row per statement (1-D results; 0-d results give one row).
        """
        cols: dict[str, Any] = {
            "verdict": np.ravel(self.verdict),
            "reason": np.ravel(self.reason),
        }
        n = len(cols["verdict"])
        for k, v in self.figures.items():
            cols[k] = (
                np.broadcast_to(np.ravel(v), (n,)) if np.size(v) == 1 else np.ravel(v)
            )
        return pd.DataFrame(cols)


def _fmt(x: float, decimals: int = 2) -> str:
    """Display a number rounded half up; NaN as 'n/a', infinities as such.

    See :func:`povstat.wording._figure_text`: more than 10 decimals show the
    value as given.
    """
    if type(x) is float and type(decimals) is int:
        return _float_text(x, decimals)
    return _figure_text(x, decimals)


@functools.lru_cache(maxsize=1 << 16)
def _float_text(x: float, decimals: int) -> str:
    """`_figure_text` of a float, kept: reasons show the same figures often.

    Floats that compare equal show alike (0.0 and -0.0 both as 0), so a
    figure shown once is shown from the cache.
    """
    return _figure_text(x, decimals)


def _signed(x: float, decimals: int = 2) -> str:
    s = _fmt(x, decimals)
    return s if s.startswith(("-", "n")) else f"+{s}"


def _as_fraction(v: float) -> fractions.Fraction:
    """The decimal a float stands for (its shortest repr), exactly; NaN as 0."""
    return fractions.Fraction(repr(v)) if np.isfinite(v) else fractions.Fraction(0)


_TO_FRACTION = np.frompyfunc(_as_fraction, 1, 1)


def _exact(x: ArrayLike) -> NDArray[np.object_]:
    """Each value as the exact decimal it stands for, a Fraction.

    Verdicts at exact ties and edges are decided in rational arithmetic on
    the published decimals: float products and ratios carry noise (16.24 %
    of 1,875,000 is 304499.99999999994 in binary, which rounds to 304,000
    where the exact 304,500 rounds to 305,000), and snapping to 10 decimals
    cannot remove noise above 1e-10 of a large figure. NaN and infinities
    become 0: the callers mask them (their verdicts are "cannot tell").
    """
    return np.asarray(_TO_FRACTION(np.asarray(x, dtype=np.float64)), dtype=np.object_)


def _exact_rounded(q: NDArray[np.object_], d: int) -> NDArray[np.object_]:
    """Exact values rounded half up (away from zero) to `d` decimals."""
    scale = fractions.Fraction(10) ** d

    def one(v: fractions.Fraction) -> fractions.Fraction:
        m = int(abs(v) * scale + fractions.Fraction(1, 2))  # floor: >= 0
        return (m if v >= 0 else -m) / scale

    return np.asarray(np.frompyfunc(one, 1, 1)(q), dtype=np.object_)


def _each_decimals(*arrays: ArrayLike) -> NDArray[np.intp]:
    """Decimals (0-10) each figure shows, the most of the arrays broadcast.

    Element by element: a trailing zero cannot be seen (171.20 shows 1), so
    a figure may have been published with more. Up to
    :data:`~povstat._validate.FIGURE_DECIMALS` (10), so that a level of
    4.370000001 is shown as such, never as 4.370000; a value beyond 10
    decimals gives 10 (reasons write such levels in full).
    """
    most = _validate.FIGURE_DECIMALS
    values = np.broadcast_arrays(*(np.asarray(a, np.float64) for a in arrays))
    out = np.zeros(values[0].shape, np.intp)
    for v in values:  # a loop over the two or three arrays
        need = np.full(v.shape, most, np.intp)
        for d in range(most, -1, -1):  # fewest decimals that show it exactly
            need = np.where(np.asarray(round_half_up(v, d) == v), d, need)
        out = np.maximum(out, np.where(np.isnan(v), 0, need))
    return out


def _key_text(v: object) -> str:
    """A key as text, to tell a key written as another kind (3573 for "3573").

    A whole float or Decimal reads as its integer (3573.0 as "3573"), so that a
    float column of region codes or years is matched with text ones too.
    """
    v = _validate.plain(v)
    if isinstance(v, decimal.Decimal) and v.is_finite() and v == v.to_integral_value():
        return str(int(v))
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _order_key(v: object) -> tuple[int, float, str]:
    """A sort key for a label: numbers by value, then others as text."""
    v = _validate.plain(v)
    if isinstance(v, (int, float, decimal.Decimal)) and not isinstance(v, bool):
        return (0, float(v), "")
    return (1, 0.0, str(v))


def _where(flags: NDArray[np.bool_]) -> str:
    """Where in an argument its flagged entries are, for a message."""
    if flags.ndim == 0:
        return "(the scalar given)"
    return f"at index {np.flatnonzero(flags.ravel()).tolist()}"


#: The decimals :func:`check_statements` gives a computed figure (a pooled
#: 7.876104702999582): past the most a figure is compared at, it stands for
#: itself, with no rounding interval.
_COMPUTED = _validate.FIGURE_DECIMALS + 1


def _is_decimals(value: object, name: str, most: int) -> bool:
    """Whether `value` is a number of decimals :func:`_validate.decimals` takes."""
    try:
        _validate.decimals(value, name, most=most)
    except (TypeError, ValueError):
        return False
    return True


def _decimals_array(
    x: ArrayLike, *, computed: bool = False, name: str = "levels_decimals"
) -> NDArray[np.intp]:
    """Decimal places, element by element: ints within povstat's range.

    A missing entry (masked, NaN, None, ``pandas.NA``) is refused, never
    read as its hidden value nor guessed: the decimals of every level are
    stated, or `levels_decimals` is None for all. `computed` (from
    :func:`check_statements` only) also lets :data:`_COMPUTED` through: a
    computed figure, read as given.
    """
    if isinstance(x, np.ma.MaskedArray) or x is np.ma.masked:
        hidden = np.ma.getmaskarray(x)
        if hidden.any():
            msg = (
                f"`{name}` must not hold missing values, found a masked "
                f"entry {_where(hidden)}: state the "
                "decimals of every level, or pass None for all"
            )
            raise ValueError(msg)
        x = np.ma.getdata(x)
    most = _COMPUTED if computed else _validate.FIGURE_DECIMALS
    # Each entry by the rule of a scalar number of decimals
    # (_validate.decimals), before any numeric dtype: [2, 10**19] is no
    # float64 array, [2.0] no int.
    dtype = getattr(x, "dtype", None)
    arr: NDArray[Any] = (
        np.asarray(x)
        if isinstance(dtype, np.dtype) and dtype.kind in "iu"
        else np.asarray(x, dtype=object)
    )
    if arr.dtype.kind == "O":
        gone = np.asarray(pd.isna(arr), dtype=bool)  # None, NaN, pandas.NA
        if gone.any():
            msg = (
                f"`{name}` must not hold missing values, found one "
                f"{_where(gone)}: state the decimals of "
                "every level, or pass None for all"
            )
            raise ValueError(msg)
        ok = np.frompyfunc(lambda v: _is_decimals(v, name, most), 1, 1)(arr)
        ok = np.asarray(ok, dtype=bool)  # object input only: one call each
    else:
        ok = (arr >= -15) & (arr <= most)
    if not ok.all():
        first = arr.reshape(-1)[int(np.argmin(ok.reshape(-1)))]
        # Whole floats in range (2.0), as a CSV column with a gap reads:
        # said where, with the conversion, where they are all that is wrong
        # (2.5, 16 or "2" beside them is refused by its own rule, the first
        # by position; a scalar by the scalar rule).
        whole = np.asarray(
            np.frompyfunc(
                lambda v: (
                    isinstance(v, float | np.floating)
                    and bool(np.isfinite(v))
                    and float(v).is_integer()
                    and -15 <= v <= most
                ),
                1,
                1,
            )(arr),
            dtype=bool,
        )
        if arr.ndim and not (~ok & ~whole).any():
            msg = (
                f"`{name}` must hold ints, found whole floats {_where(~ok)} "
                f"(e.g. {_validate.shown(first)}); pass them as ints, e.g. "
                "`numpy.asarray(...).astype(int)`"
            )
            raise TypeError(msg)
        # Raises: an entry out of [-15, most] is out of [-15, 10] too.
        _validate.decimals(
            first.item() if isinstance(first, np.generic) else first,
            name,
            most=_validate.FIGURE_DECIMALS,
        )
    return np.asarray(arr, np.intp)


def _each_side(
    levels_decimals: ArrayLike | None,
    before_decimals: ArrayLike | None,
    after_decimals: ArrayLike | None,
) -> tuple[ArrayLike | None, ArrayLike | None, bool, tuple[str, str]]:
    """``(levels_decimals, before_decimals, computed, names)`` for a body.

    The decimals of each figure of a change: `before_decimals` and
    `after_decimals` where given, else `levels_decimals`; a figure whose
    decimals are given neither way, beside one whose are, stands for
    itself (:data:`_COMPUTED`: a computed figure, read as given). Neither
    side given: `levels_decimals` for both, as before. `names`: the
    arguments that gave the earlier and the later decimals, for errors.
    """
    names = (
        "before_decimals" if before_decimals is not None else "levels_decimals",
        "after_decimals" if after_decimals is not None else "levels_decimals",
    )
    if before_decimals is None and after_decimals is None:
        return levels_decimals, None, False, names
    both = None if levels_decimals is None else _decimals_array(levels_decimals)
    sides = [
        _decimals_array(x, name=name)
        if x is not None
        else (np.asarray(_COMPUTED, np.intp) if both is None else both)
        for name, x in (
            ("before_decimals", before_decimals),
            ("after_decimals", after_decimals),
        )
    ]
    return sides[1], sides[0], True, names


def _given_decimals(
    levels_decimals: ArrayLike | None,
    before_decimals: ArrayLike | None,
    *,
    computed: bool,
) -> tuple[NDArray[np.intp] | None, NDArray[np.intp] | None]:
    """The later figures' decimals and, where they differ, the earlier's.

    As the bodies of the change checks read them (:func:`_decimals_array`);
    the earlier's only where the later's are given too.
    """
    if levels_decimals is None:
        return None, None
    given = _decimals_array(levels_decimals, computed=computed)
    if before_decimals is None:
        return given, None
    return given, _decimals_array(before_decimals, computed=computed)


def _decimals_shapes(
    names: tuple[str, str],
    given: NDArray[np.intp] | None,
    earlier: NDArray[np.intp] | None,
) -> dict[str, NDArray[np.float64]]:
    """The decimals arguments given, by their names, for a shape check.

    One number of decimals (0-d) broadcasts with any shape and is left
    out: it names no clash, and the side no argument gave (a computed
    figure's, :func:`_each_side`) is one.
    """
    out: dict[str, NDArray[np.float64]] = {}
    if given is not None and given.ndim:
        out[names[1]] = given.astype(np.float64)
    if earlier is not None and earlier.ndim:
        out[names[0]] = earlier.astype(np.float64)
    return out


def _per_year(
    low: NDArray[np.object_],
    high: NDArray[np.object_],
    years: ArrayLike,
    shape: tuple[int, ...],
) -> tuple[NDArray[np.object_], NDArray[np.object_]]:
    """A change's open range divided by the elapsed years (> 0), exactly.

    Missing years (NaN) give the range itself: those rows are "cannot tell"
    as missing anyway.
    """
    t = np.broadcast_to(np.asarray(years, np.float64), shape)
    tx = np.where(np.isnan(t), 1.0, t)
    per = _exact(tx)
    return (
        np.asarray(low / per, dtype=np.object_),
        np.asarray(high / per, dtype=np.object_),
    )


def _compound_per_year(
    low: NDArray[np.object_],
    high: NDArray[np.object_],
    years: ArrayLike,
    shape: tuple[int, ...],
) -> tuple[NDArray[np.object_], NDArray[np.object_]]:
    """A relative change's open range (percent) as a compound change a year.

    :math:`100 ((1 + r / 100)^{1/t} - 1)` grows with :math:`r`, so the
    ends map to the ends; a root is no fraction, so each end is computed in
    floats and moved outward by 1e-12 of its size (a range a hair wider
    than the true one: an edge case is "cannot tell", never "holds"); an
    end of 0 (equal levels at an end of their intervals) is 0 exactly, so
    a fall's range never shows a rise.
    Missing years (NaN) give the range itself, as :func:`_per_year`.
    """
    t = np.broadcast_to(np.asarray(years, np.float64), shape)
    tx = np.where(np.isnan(t), 1.0, t)

    def one(r: object, y: float, up: bool) -> fractions.Fraction:
        if r == 0:  # no change is none a year: exactly 0, never float noise
            return fractions.Fraction(0)
        base = 1.0 + float(cast("fractions.Fraction", r)) / 100.0
        v = -100.0 if base <= 0 else 100.0 * (base ** (1.0 / y) - 1.0)
        pad = abs(v) * 1e-12 + 1e-13
        return fractions.Fraction(v + pad if up else v - pad)

    lo = np.frompyfunc(lambda r, y: one(r, y, False), 2, 1)(low, tx)
    hi = np.frompyfunc(lambda r, y: one(r, y, True), 2, 1)(high, tx)
    return np.asarray(lo, dtype=np.object_), np.asarray(hi, dtype=np.object_)


def _in_unit(
    x: NDArray[np.float64], factor: float, decimals: int | None
) -> NDArray[np.float64]:
    """Figures times `factor` (thousands to persons), free of float noise.

    At the figures' decimals in the new unit where known (4,181.29
    thousand is 4,181,290 persons, not 4181290.0000000005), else at 10.
    """
    scaled = x * factor
    return _snap(scaled) if decimals is None else round_half_up(scaled, decimals)


def _decimal_places(v: fractions.Fraction) -> int | None:
    """Decimals of `v` where it is a decimal of at most 10 places, else None."""
    den, twos, fives = v.denominator, 0, 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    places = max(twos, fives)
    return places if den == 1 and places <= _validate.FIGURE_DECIMALS else None


def _range_ends(
    low: object, high: object, least: int, *, signed: bool, stated: int | None = None
) -> tuple[str, str]:
    """The ends of an open range (low, high), exactly, as a reason shows them.

    An end that is a decimal of at most 10 places (a change of published
    figures: -0.035 and +0.075 for 8.1 -> 8.12) is shown as it is, with
    `least` decimals at least (never rounded, so never outward: not -0.04
    and +0.08 at 2). One that is not (a ratio, a root, a division by the
    years) is rounded toward the inside of the range, at `least` decimals
    or as many more as keep an end other than 0 from showing as 0, the
    ends apart, and (`stated`: the decimals of a stated figure) every
    figure of `stated` decimals meeting the range shown as it meets the
    true one: no end of such a figure's rounding interval [x - h, x + h)
    between a true end and its shown one (1.3840 % and 1.3957 % against
    2 decimals are "1.3841" and "1.3956", not "1.39" and "1.39", nor
    "1.385"). So every value shown within the range is one it holds.
    `signed`: "+0.075" (a change), else "0.075" (a size).
    """
    lo_x = cast("fractions.Fraction", low)
    hi_x = cast("fractions.Fraction", high)
    show = _signed if signed else _fmt

    def splits(a: fractions.Fraction, b: fractions.Fraction) -> bool:
        """Whether a figure's interval ends at a point of [a, b] (a <= b)."""
        if stated is None or a == b:
            return False
        scale = fractions.Fraction(10) ** stated
        # Ends x + h of figures x of `stated` decimals: (m + 1/2) / 10**d.
        m = math.ceil(a * scale - fractions.Fraction(1, 2))
        return (m + fractions.Fraction(1, 2)) / scale <= b

    k = max(least, 0)
    while True:
        ends = []
        for v, up in ((lo_x, True), (hi_x, False)):  # toward the inside
            places = _decimal_places(v)
            ends.append(
                (v, max(places, k))
                if places is not None
                else (_outward(v, k, up=up), k)
            )
        (lo, k_lo), (hi, k_hi) = ends
        shown_apart = lo < hi or lo_x == hi_x
        zeros_kept = (lo != 0 or lo_x == 0) and (hi != 0 or hi_x == 0)
        # A figure x meets (low, high) where x + h > low and x - h < high:
        # none of those ends may lie in (low, lo] nor in [hi, high) (a
        # rounded end is no decimal, so never such an end itself).
        kept = not (splits(lo_x, lo) or splits(hi, hi_x))
        if (shown_apart and zeros_kept and kept) or k >= 15:
            break
        k += 1
    # + 0.0: an end of 0 is never shown as -0.
    return show(float(lo) + 0.0, k_lo), show(float(hi) + 0.0, k_hi)


def _true_range(
    low: object,
    high: object,
    direction: Direction,
    least: int,
    *,
    what: str = "",
    a_year: str = "",
    unit: str = "",
    stated: int | None = None,
) -> tuple[str, bool]:
    """The true change's open range (low, high) in a reason, and if it is open.

    Where it holds changes one way only, as the size of the stated
    `direction` ("the true fall lies between 0.035 and 0.075 points": a
    fall's size is -change); where it holds falls and rises alike, as the
    signed change ("the true change lies between -0.035 and +0.075 points
    (it may have fallen or risen)"), never a fall's size with its sign
    flipped. Ends as :func:`_range_ends` shows them (`stated`: the
    statement's decimals); `what`: "relative ".
    """
    lo = cast("fractions.Fraction", low)
    hi = cast("fractions.Fraction", high)
    if lo < 0 < hi:
        a, b = _range_ends(lo, hi, least, signed=True, stated=stated)
        return (
            f"the true {what}change{a_year} lies between {a} and {b}{unit} "
            "(it may have fallen or risen)",
            True,
        )
    size = (-hi, -lo) if direction == "fall" else (lo, hi)
    a, b = _range_ends(*size, least, signed=False, stated=stated)
    return f"the true {what}{direction}{a_year} lies between {a} and {b}{unit}", False


def _fit_reason(
    stated: str,
    figures: str,
    d: int,
    coarse: int,
    *,
    span: Callable[[int], tuple[str, bool]],
    what: str,
    a_year: str,
    direction: Direction,
) -> str:
    """Why a size the figures do not fix is "cannot tell", in a reason.

    `stated` (`d` decimals) fits the open range of the true change (the
    `what` change: "" or "relative ") that the `figures`' rounding leaves
    ("the rates (2 decimals)"); ``span(k)`` writes that range with `k`
    decimals at least (:func:`_true_range`, :func:`_relative_span`).
    The one rule for points, units and percent alike: stated with more
    decimals than the coarser figure has (`coarse`), it is more precise
    than they allow (the range at `d` decimals at least); with as many or
    fewer, it is not: the figures leave more than one value at its
    decimals, and the range is written at `d` + 2 (17.784 -> 17.78 leaves
    a change in (-0.0095, +0.0015) points, which -0.01 and 0.00 meet; a
    fall from 10.00 % to 9.15 % lies in (8.40 %, 8.60 %), which 8 and 9
    meet).
    """
    more_precise = d > coarse
    text, both = span(d if more_precise else d + 2)
    if more_precise:
        return f"{stated} is more precise than {figures} allow: {text}"
    said = f"a {direction} of {stated}" if both else stated
    return (
        f"{figures} do not fix the {what}change{a_year} to {_places(d)}: "
        f"{text}, which {said} meets"
    )


#: The decimals of the levels of a change: one array for both, or a pair
#: (earlier, later) where they were published with different decimals (a
#: figure of 2 decimals and one appended with 3).
_LevelDecimals = NDArray[np.intp] | tuple[NDArray[np.intp], NDArray[np.intp]]


def _sides(shown: _LevelDecimals) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """The decimals of the earlier and of the later level."""
    return shown if isinstance(shown, tuple) else (shown, shown)


def _half(k: int) -> fractions.Fraction:
    """Half a unit of the `k`-th decimal, exactly: a figure's rounding room.

    0 for a computed figure (`k` past 10, :data:`_COMPUTED`): it stands
    for itself.
    """
    k = int(k)
    if k >= _COMPUTED:
        return fractions.Fraction(0)
    return fractions.Fraction(1, 2) / fractions.Fraction(10) ** k


def _halves(shown: NDArray[np.intp]) -> NDArray[np.object_]:
    """:func:`_half` for each of `shown`."""
    return np.asarray(np.frompyfunc(_half, 1, 1)(shown), dtype=np.object_)


def _refuse_unrounded_levels(
    before: ArrayLike,
    after: ArrayLike,
    d: _LevelDecimals,
    shape: tuple[int, ...],
    names: tuple[str, str],
) -> None:
    """Refuse levels not rounded to their stated `levels_decimals`.

    As :func:`povstat.units.published` (float noise allowed): 171.24 is not
    a figure published to 0 decimals. The refusal names the first such
    level by its index in the caller's (broadcast) input, whatever the
    decimals of the others, and the argument that gave its decimals
    (`names`: those of the earlier and the later levels, as
    :func:`_each_side` gives them).
    """
    for name, x, side, dname in zip(
        ("before", "after"), (before, after), _sides(d), names, strict=True
    ):
        dd = np.broadcast_to(side, shape)
        v = np.broadcast_to(np.asarray(x, np.float64), shape)
        # A computed figure is read as given; one test per distinct decimals.
        bad = _unrounded_at(v, dd, (dd < _COMPUTED) & ~np.isnan(v))
        if bad.any():
            k = dd.reshape(-1)[int(np.argmax(bad.reshape(-1)))]
            try:  # the first bad level is the first of its decimals
                published(np.where(dd == k, v, np.nan), int(k), name)
            except ValueError as e:
                msg = f"{e} (its decimals given by `{dname}`)"
                raise ValueError(msg) from None


def _widened_read(
    x: NDArray[np.float64], shown: NDArray[np.intp], shape: tuple[int, ...]
) -> NDArray[np.float64]:
    """Levels, each a figure at its `shown` decimals read as that figure.

    A value within float noise of its figure, or a float32 figure widened
    to float64 (:func:`povstat.units.unrounded`), becomes the figure; any
    other value (a computed one, or one not rounded to its decimals, which
    :func:`_refuse_unrounded_levels` names) is kept as it is.
    """
    v = np.array(np.broadcast_to(np.asarray(x, np.float64), shape))
    dd = np.broadcast_to(np.asarray(shown, np.intp), shape)
    at = (dd < _COMPUTED) & ~np.isnan(v)
    return _rounded_at(v, dd, at & ~_unrounded_at(v, dd, at))


def _unrounded_at(
    x: NDArray[np.float64], need: NDArray[np.intp], at: NDArray[np.bool_]
) -> NDArray[np.bool_]:
    """Where a value of `x` at `at` is no figure rounded to its `need` decimals.

    :func:`povstat.units.unrounded` for figures of several decimals, one
    test per distinct number of decimals (never one per value); False
    outside `at`.
    """
    out = np.zeros(np.shape(x), dtype=bool)
    for k in np.unique(need[at]).tolist():  # the few distinct decimals
        sel = at & (need == k)
        out[sel] = np.asarray(unrounded(x[sel], int(k)), bool)
    return out


def _rounded_at(
    x: NDArray[np.float64], need: NDArray[np.intp], at: NDArray[np.bool_]
) -> NDArray[np.float64]:
    """`x` with each value at `at` rounded half up to its `need` decimals.

    One rounding per distinct number of decimals; the other values as
    they are (a copy).
    """
    out = np.array(x, dtype=np.float64)
    for k in np.unique(need[at]).tolist():  # the few distinct decimals
        sel = at & (need == k)
        out[sel] = round_half_up(x[sel], int(k))
    return out


def _exact_figures(x: NDArray[np.float64], shown: NDArray[np.intp]) -> NDArray[Any]:
    """Levels as the exact figures they stand for at their `shown` decimals.

    Float noise removed (:func:`_figures_read`): a level of
    4.114000000000001 published with 3 decimals is 4.114, whose interval
    ends where 4.114's does; a computed one (:data:`_COMPUTED`) snapped
    at 10 decimals.
    """
    v, k = np.broadcast_arrays(np.asarray(x, np.float64), np.asarray(shown, np.intp))
    return _exact(_figures_read(v, k))


def _level_bounds(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    shown: _LevelDecimals,
    top: float | None,
) -> tuple[NDArray[np.object_], ...]:
    """``(a_lo, a_hi, b_lo, b_hi)``: the levels' exact rounding intervals.

    Each figure is within half a unit of its `shown` decimals (its own,
    where `shown` is a pair), and within [0, `top`] (`top` None: no upper
    limit); `a` is `after`, `b` `before`.
    """
    zero = fractions.Fraction(0)
    half_b, half_a = (_halves(side) for side in _sides(shown))
    b, a = (
        _exact_figures(x, side)
        for x, side in zip((before, after), _sides(shown), strict=True)
    )
    a_lo, b_lo = _fmax(a - half_a, zero), _fmax(b - half_b, zero)
    a_hi, b_hi = a + half_a, b + half_b
    if top is not None:
        cap = np.asarray(fractions.Fraction(top), dtype=np.object_)
        a_hi = np.asarray(np.where(a_hi > cap, cap, a_hi), dtype=np.object_)
        b_hi = np.asarray(np.where(b_hi > cap, cap, b_hi), dtype=np.object_)
    return a_lo, a_hi, b_lo, b_hi


def _change_range(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    shown: _LevelDecimals,
    top: float | None,
) -> tuple[NDArray[np.object_], NDArray[np.object_]]:
    """The open range of the true change after - before, exactly.

    Each figure is within half a unit of its `shown` decimals, and within
    [0, `top`] (`top` None: no upper limit).
    """
    a_lo, a_hi, b_lo, b_hi = _level_bounds(before, after, shown, top)
    return (
        np.asarray(a_lo - b_hi, dtype=np.object_),
        np.asarray(a_hi - b_lo, dtype=np.object_),
    )


def _relative_range(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    shown: _LevelDecimals,
    top: float | None,
) -> tuple[NDArray[np.object_], NDArray[np.object_], NDArray[np.bool_]]:
    """The open range of the true relative change, in percent, exactly.

    As :func:`_change_range`, for :math:`100 (a / b - 1)`: it grows with
    the later level `a` and falls with the earlier `b`, so its bounds are
    ``100 (a_lo / b_hi - 1)`` and ``100 (a_hi / b_lo - 1)``. Where the
    earlier level's interval reaches 0 (a published 0) the relative change
    has no upper bound: those are flagged (third array) and their range is
    returned as (low, low).
    """
    zero = fractions.Fraction(0)
    a_lo, a_hi, b_lo, b_hi = _level_bounds(before, after, shown, top)
    unbounded = np.asarray(b_lo <= zero, dtype=bool)
    hundred = fractions.Fraction(100)
    low = np.asarray(hundred * (a_lo / b_hi - 1), dtype=np.object_)
    safe_b = np.asarray(np.where(unbounded, b_hi, b_lo), dtype=np.object_)
    high = np.asarray(
        np.where(unbounded, low, hundred * (a_hi / safe_b - 1)), dtype=np.object_
    )
    return low, high, unbounded


def _attained(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    shown: _LevelDecimals,
    top: float | None,
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Whether the low and the high end of a change range are attained.

    A published figure stands for its half-up rounding interval
    ``[x - h, x + h)``: closed at its lower end (``x - h`` rounds half up
    to ``x``; a published 0 stands for ``[0, h)``), open at its upper end,
    except where `top` caps it (a published 100.00 % stands for
    ``[99.995, 100]``); a computed figure (h = 0) stands for itself, both
    ends attained. The low end of a change (or of a relative change)
    pairs the later figure's lower end with the earlier's upper end, the
    high end the later's upper end with the earlier's lower end: each is
    attained where the upper end it uses is. So 7.96 as computed to a
    published 6.97 ``[6.965, 6.975)`` is a change in ``[-0.995, -0.985)``,
    a fall in ``(0.985, 0.995]``; a published 7.96 to a computed 6.97, a
    fall in ``[0.985, 0.995)``.
    """
    shape = np.broadcast_shapes(np.shape(before), np.shape(after))
    zero = fractions.Fraction(0)
    ends = []
    for x, side in zip((before, after), _sides(shown), strict=True):
        half = _halves(side)
        closed = np.asarray(half == zero, dtype=bool)
        if top is not None:
            cap = fractions.Fraction(top)
            closed = closed | np.asarray(
                _exact_figures(x, side) + half > cap, dtype=bool
            )
        ends.append(np.broadcast_to(closed, shape))
    return ends[0], ends[1]


def _overprecise_possible(
    low: NDArray[np.object_],
    high: NDArray[np.object_],
    stated: NDArray[np.float64],
    d: int,
    direction: Direction,
    closed: tuple[NDArray[np.bool_], NDArray[np.bool_]] | None = None,
) -> NDArray[np.bool_]:
    """Whether a stated size (>= 0, `d` decimals) fits the change range.

    The size of a fall is -change, of a rise the change; the stated figure
    stands for its rounding interval [x - h, x + h). The range is open but
    at the ends `closed` marks attained (low end, high end; see
    :func:`_attained`): the two intervals must share a point.
    """
    lo, hi = (-high, -low) if direction == "fall" else (low, high)
    if closed is None:
        lc = hc = np.zeros(np.shape(lo), dtype=bool)
    else:
        lc, hc = (closed[1], closed[0]) if direction == "fall" else closed
    x = _exact(stated)
    h = _half(d)
    zero = fractions.Fraction(0)
    p, q = x - h, x + h  # [p, q)
    p_above = np.asarray(p > lo, dtype=bool)
    lower = np.where(p_above, p, lo)
    lower_closed = p_above | lc
    hi_below = np.asarray(hi < q, dtype=bool)
    upper = np.where(hi_below, hi, q)
    upper_closed = hi_below & hc
    fits: NDArray[np.bool_] = (
        np.asarray(lower < upper, dtype=bool)
        | (np.asarray(lower == upper, dtype=bool) & lower_closed & upper_closed)
    ) & np.asarray(hi > zero, dtype=bool)
    return fits


class _OpenDirection(NamedTuple):
    """Where a change's direction is open, and the range that leaves it so."""

    open: NDArray[np.bool_]
    fits: NDArray[np.bool_]
    low: NDArray[np.object_]
    high: NDArray[np.object_]


def _open_direction(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    sides: _LevelDecimals,
    top: float | None,
    change: NDArray[np.float64],
    stated: NDArray[np.float64],
    d: int,
    direction: Direction,
    *,
    relative: bool,
    years: NDArray[np.float64] | None,
) -> _OpenDirection:
    """The one rule for a change statement whose figures leave the direction open.

    Two different figures whose rounding intervals meet (a published 17.78
    for [17.775, 17.785), an appended 17.784 for [17.7835, 17.7845)) leave
    the true change in an open range `low` to `high` (in the figures' own
    units; -0.0015 to +0.0095 here) that holds falls and rises alike:
    ``open``. Figures of the same decimals meet only where equal (a change
    of exactly 0, judged as such by the callers), so this is the case of
    figures of different decimals or a computed one beside a published
    one. ``fits``: where, among those, a change in the stated `direction`
    of the stated size (points or units; `relative`: the relative change
    in percent; with `years`, a year's, simple or compound) lies within the
    range. Whichever direction a statement gives, its size is then never
    decided by the figures: "cannot tell" where it fits, "does not hold"
    where it does not, as :func:`check_direction_statement` leaves the
    direction itself "cannot tell".
    """
    shape = np.shape(change)
    low, high = _change_range(before, after, sides, top)
    is_open = (
        np.asarray(low < 0, dtype=bool)
        & np.asarray(high > 0, dtype=bool)
        & (change != 0)
        & ~np.isnan(change)
    )
    fits = np.zeros(shape, dtype=bool)
    if is_open.any():
        ends = _attained(before, after, sides, top)
        if not relative:
            lo, hi = (
                (low, high) if years is None else _per_year(low, high, years, shape)
            )
            fits = _overprecise_possible(lo, hi, stated, d, direction, ends)
        else:
            low_q, high_q, _ = _relative_range(before, after, sides, top)
            if years is None:
                fits = _overprecise_possible(low_q, high_q, stated, d, direction, ends)
            else:
                lo_c, hi_c = _compound_per_year(low_q, high_q, years, shape)
                lo_s, hi_s = _per_year(low_q, high_q, years, shape)
                fits = _overprecise_possible(
                    lo_c, hi_c, stated, d, direction
                ) | _overprecise_possible(lo_s, hi_s, stated, d, direction, ends)
    return _OpenDirection(is_open, fits & is_open, low, high)


def _relative_span(
    simple: tuple[object, object],
    compound: tuple[object, object] | None,
    direction: Direction,
    least: int,
    a_year: str,
    stated: int,
) -> tuple[str, bool]:
    """The true relative change's ranges in a reason, and if they are open.

    As :func:`_true_range` (`least` decimals at least, `stated` the
    statement's), the `simple` range, and with years also the `compound`
    one ("between -0.018 and +0.018 % on average, between ... % compound").
    """
    span, both = _true_range(
        *simple,
        direction,
        least,
        what="relative ",
        a_year=a_year,
        unit=" %" if compound is None else " % on average",
        stated=stated,
    )
    if compound is not None:
        # A compound change has the sign of the change: open where it is.
        lo_c, hi_c = cast("tuple[fractions.Fraction, fractions.Fraction]", compound)
        size = (-hi_c, -lo_c) if direction == "fall" and not both else (lo_c, hi_c)
        a, b = _range_ends(*size, least, signed=both, stated=stated)
        span = span.replace(
            " % on average", f" % on average, between {a} and {b} % compound", 1
        )
    return span, both


def _change_fit_reason(
    stated: str,
    figures: str,
    d: int,
    coarse: int,
    true_change: tuple[object, object],
    *,
    direction: Direction,
    a_year: str,
    unit: str,
) -> str:
    """:func:`_fit_reason` of a change in points or units (:func:`_true_range`)."""
    low, high = true_change
    span = functools.partial(
        _true_range, low, high, direction, a_year=a_year, unit=unit, stated=d
    )
    return _fit_reason(
        stated,
        figures,
        d,
        coarse,
        span=span,
        what="",
        a_year=a_year,
        direction=direction,
    )


def _relative_fit_reason(
    stated: str,
    figures: str,
    d: int,
    coarse: int,
    simple: tuple[object, object],
    compound: tuple[object, object] | None,
    *,
    direction: Direction,
    a_year: str,
) -> str:
    """:func:`_fit_reason` of a relative change (:func:`_relative_span`)."""
    span = functools.partial(
        _relative_span, simple, compound, direction, a_year=a_year, stated=d
    )
    return _fit_reason(
        stated,
        figures,
        d,
        coarse,
        span=span,
        what="relative ",
        a_year=a_year,
        direction=direction,
    )


def _open_year_span(
    points: tuple[object, object],
    relative: tuple[object, object] | None,
    compound: tuple[object, object] | None,
    *,
    d: int,
    unit: str,
) -> str:
    """The range a year of a change whose direction the figures leave open.

    For a statement of a change a year: the points (`unit`) range over the
    years, or with `relative`, the relative one (simple, and `compound`),
    as :func:`_range_ends` shows ranges (`d`: the statement's decimals).
    """
    if relative is None:
        a, b = _range_ends(*points, 0, signed=True, stated=d)
        return f"the true change a year lies between {a} and {b}{unit}"
    span, _ = _relative_span(relative, compound, "rise", d, " a year", d)
    return span.replace(" (it may have fallen or risen)", "")


def _open_span(
    i: tuple[int, ...],
    total: tuple[Any, Any],
    ranges: tuple[Any, Any, Any, NDArray[np.bool_]],
    *,
    d: int,
    unit: str,
) -> str:
    """The range of the change at `i` whose direction the figures leave open.

    `total`: the (low, high) ends of the whole change; `ranges`: what
    :func:`_open_year_ranges` gives. A change a year is set against the
    range a year (:func:`_open_year_span`), else the whole change's range
    is shown, in `unit`.
    """
    op_year, op_rel, op_comp, op_unbounded = ranges
    if op_year is not None and not op_unbounded[i]:
        return _open_year_span(
            (op_year[0][i], op_year[1][i]),
            None if op_rel is None else (op_rel[0][i], op_rel[1][i]),
            None if op_comp is None else (op_comp[0][i], op_comp[1][i]),
            d=d,
            unit=unit,
        )
    lo, hi = _range_ends(total[0][i], total[1][i], 0, signed=True)
    return f"the true change lies between {lo} and {hi}{unit}"


def _open_year_ranges(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    sides: _LevelDecimals,
    top: float | None,
    open_dir: NDArray[np.bool_],
    low: NDArray[np.object_] | None,
    high: NDArray[np.object_] | None,
    *,
    years: ArrayLike | None,
    relative: bool,
    shape: tuple[int, ...],
) -> tuple[Any, Any, Any, NDArray[np.bool_]]:
    """The ranges a year where the direction is open (:func:`_open_direction`).

    ``(points, relative, compound, unbounded)``: the points range (`low`,
    `high`) over the `years`, and with `relative` the relative ranges a
    year (simple and compound); None without `years` or an open
    direction. `unbounded`: an earlier figure of 0, whose relative range
    has no bound (the total points range is then shown).
    """
    none = np.zeros(shape, dtype=bool)
    if years is None or low is None or high is None or not open_dir.any():
        return None, None, None, none
    pts = _per_year(low, high, years, shape)
    if not relative:
        return pts, None, None, none
    lo_q, hi_q, unbounded = _relative_range(before, after, sides, top)
    return (
        pts,
        _per_year(lo_q, hi_q, years, shape),
        _compound_per_year(lo_q, hi_q, years, shape),
        np.broadcast_to(unbounded, shape),
    )


def _no_size_left(
    span: str, stated: str, direction: Direction, unit: str, a_year: str
) -> str:
    """Why a size is rejected where the figures leave the direction open.

    Equal figures (or figures equal at their decimals) may hide a change
    either way; what fails is the size, outside the range (`span`, from
    :func:`_true_range` or :func:`_relative_span`).
    """
    return f"{span}, which leaves no {direction} of {stated}{unit}{a_year}"


def _fmax(q: NDArray[np.object_], floor: fractions.Fraction) -> NDArray[np.object_]:
    """Exact values, each at least `floor`."""
    return np.asarray(
        np.where(q < floor, np.asarray(floor, dtype=np.object_), q), dtype=np.object_
    )


def _floats(q: NDArray[np.object_]) -> NDArray[np.float64]:
    """Exact values as the nearest floats."""
    return np.asarray(q, dtype=np.float64)


def _snap_to(x: NDArray[np.float64], d: int, name: str) -> NDArray[np.float64]:
    """`x` rounded to its stated `d` decimals, if it differs only by float noise.

    See :func:`povstat.units.published`, the one policy for published
    figures (``23854.56 / 1000`` stands for 23.85456).
    """
    return published(x, d, name)


def _in_percent(x: ArrayLike, unit: Unit) -> NDArray[np.float64]:
    """Rates in `unit` on the percent scale, free of the float noise of x 100.

    Percentage points are always the difference of rates in percent, so every
    statement check works on this scale: ``0.0437`` becomes ``4.37`` (not
    ``4.369999999999999``) and a fraction gives the same verdict as the same
    figure in percent.
    """
    return _snap(to_percent(x, unit=unit))


def _stated_figure(
    x: ArrayLike,
    d: int,
    name: str = "stated",
    *,
    signed: bool = False,
    decimals_name: str = "decimals",
) -> NDArray[np.float64]:
    """A stated size (>= 0 unless `signed`) written with `d` decimals.

    A stated figure has the decimals it is written with: ``0.113`` is not a
    figure at 2 decimals, and a figure rounded to tens or more (`d` < 0) is
    never written as 0, which would say nothing of its size. Either is
    refused, naming `name` and the caller's argument for `d`,
    `decimals_name`.
    """
    v = _snap_to(
        _validate.finite_or_nan(x, name) if signed else _validate.nonnegative(x, name),
        d,
        name,
    )
    if d < 0 and (v == 0).any():
        msg = (
            f"`{name}` is 0 with `{decimals_name}` = {d} (rounded to {10**-d:,}s): a "
            "figure rounded to tens or more is not written as 0; give the "
            "decimals the statement wrote it with"
        )
        raise ValueError(msg)
    return v


class _Gaps:
    """The figures a check lacks, statement by statement, in words.

    Each pair is a mask (broadcast to `shape`) and what it means ("the
    stated figure is missing"); ``mask`` is where any of them holds.
    """

    def __init__(
        self, shape: tuple[int, ...], *pairs: tuple[NDArray[np.bool_], str]
    ) -> None:
        self.pairs = [(np.broadcast_to(m, shape), text) for m, text in pairs]
        self.mask: NDArray[np.bool_] = np.zeros(shape, dtype=bool)
        for m, _ in self.pairs:
            self.mask = self.mask | m

    def text(self, i: tuple[int, ...]) -> str:
        return "; ".join(text for m, text in self.pairs if m[i])


def _reasons(
    shape: tuple[int, ...],
    gaps: _Gaps,
    describe: Callable[[tuple[int, ...]], str],
) -> NDArray[np.str_]:
    """One sentence per statement: `describe`'s, or which figure is missing."""
    texts = [gaps.text(i) if gaps.mask[i] else describe(i) for i in np.ndindex(shape)]
    return np.array(texts, dtype=object).reshape(shape).astype(str)


_NO_STATED = "the stated figure is missing"


def _moved(x: float) -> str:
    return "fell" if x < 0 else ("rose" if x > 0 else "did not change")


def _counted(n: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun agreeing: "1 region", "2 regions", "0 regions"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def _are(n: int) -> str:
    """The verb agreeing with a count: "1 region is", "2 regions are"."""
    return "is" if n == 1 else "are"


def _places(d: int) -> str:
    """Rounding places in words: "1 decimal", "2 decimals", "the nearest 1,000"."""
    if d >= _COMPUTED:
        return "as computed"
    if d < 0:
        return f"the nearest {10**-d:,}"
    return "1 decimal" if d == 1 else f"{d} decimals"


def _pair_places(earlier: int, later: int) -> str:
    """Two figures' decimals in words: "2 decimals", "2 and 3 decimals"."""
    if earlier == later:
        return _places(later)
    if max(earlier, later) < _COMPUTED and min(earlier, later) >= 0:
        return f"{earlier} and {_places(later)}"
    return f"{_places(earlier)} and {_places(later)}"


def _own_levels(
    core: str, levels: tuple[float, float], own: tuple[int, int], sign: str
) -> str:
    """`core` with its two levels written each at its `own` decimals.

    The sentence of a change writes both levels at one precision (widened
    where the change would show as 0); a published 8.10 beside an appended
    7.876 (or a computed 7.8761047...) is written "from 8.10 % to 7.876 %",
    each figure as it was published (a computed one as given).
    """
    (b, a), (db, da) = levels, own
    new = f"from {_fmt(b, db)}{sign} to {_fmt(a, da)}{sign}"
    return re.sub(
        rf"from [^ ]+{re.escape(sign)} to [^ ]+{re.escape(sign)}",
        lambda _: new,
        core,
        count=1,
    )


def _shown_decimals(x: float, d: int) -> int:
    """Decimals to show `x` with: those of the statement, more if needed.

    As few decimals past the statement's as make the shown number round (half
    up, at `d`) as `x` does: 37791.459 at 0 decimals is shown "37,791.46"
    (which rounds to 37,791), not "37,791.5" (which would round to 37,792);
    at most 10.
    """
    base = max(d, 0)
    if round_half_up(x, base) == round_half_up(x, 10):
        return base
    want = round_half_up(x, d)
    for k in range(base + 1, 10):  # at most nine scalar steps
        if round_half_up(round_half_up(x, k), d) == want:
            return k
    return 10


_PAST = {"fall": "fell", "rise": "rose"}


def _beyond_ten_decimals(before: float, after: float) -> bool:
    """Whether a level is no figure of at most 10 decimals (1.2e-10).

    Sentences (:mod:`povstat.wording`) show figures at 10 decimals at most,
    where 1.2e-10 and 1.4e-10 both read 0.0000000001: the reasons of the
    checks then write such levels and their change in full instead.
    """
    levels = np.array([before, after])
    with np.errstate(invalid="ignore"):
        off = np.abs(round_half_up(levels, 10) - levels) > 2.0**-40 * np.abs(levels)
    return bool(off.any())


def _full_sentence(
    before: float, after: float, relative: float, unit: str, change_unit: str
) -> str:
    """A change of levels beyond 10 decimals, in full (1.2e-10 to 1.4e-10)."""
    diff = float(_level_difference(np.asarray(after), np.asarray(before), ()))
    moved = _moved(diff)
    size = "" if diff == 0 else f" {abs(diff):.15g}{change_unit}"
    rel = (
        ""
        if not np.isfinite(relative) or diff == 0
        else f" (a {_fmt(abs(relative), _change_decimals(relative, 2))} % "
        f"relative {'fall' if diff < 0 else 'rise'})"
    )
    return f"{moved}{size}, from {before:.15g}{unit} to {after:.15g}{unit}{rel}"


def _direction(value: object, name: str = "direction") -> Direction:
    return _validate.choice(value, name, ("fall", "rise"))


@_validate.positional
def check_change_statement(
    before: ArrayLike,
    after: ArrayLike,
    stated: ArrayLike,
    *,
    direction: Direction,
    stated_as: StatedAs,
    unit: Unit,
    decimals: int,
    years: ArrayLike | None = None,
    levels_decimals: ArrayLike | None = None,
    before_decimals: ArrayLike | None = None,
    after_decimals: ArrayLike | None = None,
) -> StatementCheck:
    r"""Check "the rate fell by X percent": points, relative change, or neither.

    A change in a rate stated as "X percent" may be meant as percentage
    points (the difference of the rates) or as a relative change. This
    checks the stated size against both readings, says which one it
    matches, and judges the statement by the unit it used.

    Parameters
    ----------
    before, after : array_like
        Published rates at the two periods, in `unit`; broadcast together
        with `stated`.
    stated : array_like
        The size of the change as stated (positive, e.g. 0.11), in the
        statement's own rounding.
    direction : {"fall", "rise"}
        The direction the statement gives.
    stated_as : {"percent", "points"}
        The unit word of the statement: ``"percent"`` ("turun 0,11 persen")
        claims a relative change; ``"points"`` ("0,11 poin", "percentage
        points") claims a difference of rates.
    unit : {"fraction", "percent"}
        Scale of the rates. The stated points are always percentage points,
        on the percent scale: for fractions the change in points is
        :math:`100 (r_1 - r_0)` (0.0437 to 0.0426 is a fall of 0.11
        points).
    decimals : int
        Decimal places of `stated` (2 for "0.11"); `stated` must be written
        with them.
    years : array_like, optional
        Elapsed time in years (> 0; see :func:`povstat.decimal_year`) when
        the statement gives an average per year: the stated size is then
        compared with the points per year and, for "percent", with the
        relative change per year, compound or simple (total / `years`):
        either reading holds. With `levels_decimals`, the range the rates'
        rounding leaves is that of each reading, and a stated figure
        meeting either is "cannot tell" (8.10 % to 7.88 % over 2 years: a
        compound fall a year in (1.306 %, 1.429 %), a simple one in
        (1.297 %, 1.419 %); 1.43 % cannot tell).
        NaN (missing) gives ``"cannot tell"``, like a missing rate.
    levels_decimals : array_like of int, optional
        Decimal places `before` and `after` were published with, in percent
        (2 for BPS rates), broadcast with them. In percent even when
        ``unit="fraction"``: BPS rates stored as fractions, 0.0437 for
        4.37 %, carry 4 decimals but were published with 2, so pass
        ``levels_decimals=2``, not 4 (4 would read 0.0437 as 4.3700 %, a
        figure in [4.36995 %, 4.37005 %)). Points stated with more
        decimals, and a relative change (percent) the rates as given do not
        round to, are then judged against the range the rates' rounding
        leaves (0.105 points for 4.37 % -> 4.26 %, and also 0.110, which the
        rates give only to 2 decimals, or a 2.7 % fall, whose
        true value lies in (2.29 %, 2.74 %): cannot tell). None: judged by
        rounding the change to `decimals`, as the figures are given (a
        float's trailing zero cannot be seen, so the decimals are never
        guessed from it). The reason writes the rates at these decimals.
    before_decimals, after_decimals : array_like of int, optional
        Decimal places of `before` alone and of `after` alone, in percent,
        where the two figures were published with different decimals (8.00
        published with 2 beside 7.876 appended with 3): each rate is then
        read within its own rounding interval, as
        :func:`check_statements` reads a column; a side not given takes
        `levels_decimals`. A rate whose decimals are given neither way,
        beside one whose are, is read as given: a computed rate (a pooled
        rate from :func:`povstat.aggregate_regions`) stands for itself, so
        8.00 (``before_decimals=2``) to a computed 7.876104703 is a fall in
        [0.118895297, 0.128895297), which "0.129" and "0.13" meet: cannot
        tell. A published rate stands for ``[x - h, x + h)`` (half up), so
        where it is the one subtracted the range is closed at the other
        end: a computed 7.96 to a published 6.97 is a fall in (0.985,
        0.995], whose top rounds to 1.00 ("fell 1.00 points": cannot tell).
        Where the two intervals meet (a published 17.78 for [17.775,
        17.785), an appended 17.784 for [17.7835, 17.7845)), the rates do
        not give the direction of the change: a size stated either way is
        "cannot tell" where a change that way of that size is within the
        range (a rise of 0.02 %, as the rates give it, in a true change of
        (-0.0084 %, +0.0534 %)), else "does not hold"; never "holds".
        Same rules and refusals as `levels_decimals`.

    Returns
    -------
    StatementCheck
        ``"holds"`` where the direction is right and the stated size equals
        the change in the unit the statement used (rounded half up to
        `decimals`); ``"cannot tell"`` where the size is right only in the
        other unit (the classic "0.11 percent" for 0.11 points: the number
        is right, the unit word is not), where points are stated with more
        decimals than the rates show and fit the range their rounding leaves
        (0.105 for 4.37 % -> 4.26 %, whose true fall lies in (0.10, 0.12)),
        where, with `levels_decimals`, a relative change fits the range of
        the relative change over the rates' rounding intervals but is not
        the rounding of the change computed from the rates as given, or
        where the earlier rate's interval reaches 0 (a published 0: the
        relative change has no bound), or where a figure is missing;
        ``"does not hold"`` otherwise.
        Figures: ``points``,
        ``relative_pct``, ``matches_points``, ``matches_relative`` (bool)
        and ``meaning`` (``"points"``, ``"relative"``, ``"both"`` or
        ``"neither"``); with `years` also ``points_per_year``,
        ``relative_per_year_pct`` and ``compound_per_year_pct``. A range
        the reason gives is the true fall's (or rise's) where the rates
        allow one direction only, else the signed change, said to leave a
        fall or a rise possible (equal rates too); its ends are exact
        where they are decimals (8.1 % -> 8.12 %: -0.035 and +0.075 points,
        not -0.04 and +0.08), else rounded toward the inside with as many
        decimals as keep every stated figure meeting it as it meets the
        true range.

    Raises
    ------
    TypeError
        If an input is not numeric or `decimals` is not an int.
    ValueError
        If `direction` or `unit` is unknown, a rate is out of range,
        `stated` is negative or not rounded to `decimals`, `stated` is 0
        with negative `decimals`, or `levels_decimals` holds a missing
        value (masked, NaN, None: never read as its hidden value).

    See Also
    --------
    povstat.rate_change : The change in points and percent.

    Notes
    -----
    The change in points is :math:`r_1 - r_0` for rates in percent and
    :math:`100 (r_1 - r_0)` for fractions, and the relative change
    :math:`100 (r_1 - r_0)/r_0` [1]_; a stated size :math:`X` at :math:`d`
    decimals matches a computed change :math:`c` when
    :math:`\operatorname{round}_{d}(|c|) = X` with half-up rounding.

    With `levels_decimals` (:math:`k`), the true rates lie in
    :math:`[r_0 - h, r_0 + h)` and :math:`[r_1 - h, r_1 + h)`,
    :math:`h = 10^{-k}/2`, within :math:`[0, 100]`. The relative change
    :math:`100 (r_1/r_0 - 1)` grows with :math:`r_1` and falls with
    :math:`r_0`, so over those intervals it spans
    :math:`100 (\underline{r}_1/\overline{r}_0 - 1)` to
    :math:`100 (\overline{r}_1/\underline{r}_0 - 1)`, computed in exact
    fractions; a stated size whose own rounding interval meets that range
    (in the stated direction) is consistent with the rates, and, where it is
    not the rounding of the change the rates give, "cannot tell". Where
    :math:`\underline{r}_0 = 0` the range has no upper end: "cannot tell".

    A stated size of 0 with a direction ("fell 0 points") is a direction
    without a size: where the change has that direction and rounds to 0 at
    `decimals`, the verdict is ``"cannot tell"`` (the figures cannot tell it
    from "did not change"), never ``"holds"``; where the change is larger or
    has the other direction, ``"does not hold"``.

    The change in points is the exact decimal difference of the rates,
    rounded once; float noise is removed at 10 decimals only where both
    rates are figures of at most 10 decimals. Rates beyond 10 decimals
    (1.2e-10 % to 1.4e-10 %) are compared as given, not at 10 decimals (where
    both read 0.0000000001 %), and the reason writes them in full.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Percentage point".

    Examples
    --------
    Kota Malang, BPS March 2022 4.37 %, March 2023 4.26 %: "fell 0.11
    percent" is right only as percentage points.

    >>> from povstat.statements import check_change_statement
    >>> res = check_change_statement(4.37, 4.26, 0.11, direction="fall",
    ...     stated_as="percent", unit="percent", decimals=2)
    >>> print(res.verdict, res.figures["meaning"])
    cannot tell points
    >>> print(res.reason)
    fell 0.11 percentage points, from 4.37 % to 4.26 % (a 2.52 % relative
    fall): 0.11 is the change in percentage points, not in percent
    >>> print(check_change_statement(4.37, 4.26, 0.11, direction="fall",
    ...     stated_as="points", unit="percent", decimals=2).verdict)
    holds
    """
    levels, earlier, computed, names = _each_side(
        levels_decimals, before_decimals, after_decimals
    )
    return _change_check(
        before,
        after,
        stated,
        direction=direction,
        stated_as=stated_as,
        unit=unit,
        decimals=decimals,
        years=years,
        levels_decimals=levels,
        before_decimals=earlier,
        computed=computed,
        names=names,
    )


def _change_check(
    before: ArrayLike,
    after: ArrayLike,
    stated: ArrayLike,
    *,
    direction: Direction,
    stated_as: StatedAs,
    unit: Unit,
    decimals: int,
    years: ArrayLike | None = None,
    levels_decimals: ArrayLike | None = None,
    before_decimals: ArrayLike | None = None,
    computed: bool = False,
    names: tuple[str, str] = ("before_decimals", "levels_decimals"),
) -> StatementCheck:
    """The body of :func:`check_change_statement`.

    `before_decimals`: those of the earlier rates where they differ from
    the later ones' (`levels_decimals`): each rate is then read within its
    own rounding interval (a published 17.78 beside an appended 17.784).
    `computed`: a rate's decimals may be :data:`_COMPUTED` (a computed
    rate beside a published one: it stands for itself, the published one
    for its rounding interval). `names`: the arguments that gave the
    earlier and the later decimals, for a shape error.
    """
    d = _validate.decimals(decimals, most=_validate.FIGURE_DECIMALS)
    as_points = _validate.choice(stated_as, "stated_as", ("percent", "points"))
    as_points_flag = as_points == "points"
    dirn = _direction(direction)
    u = _validate.unit(unit)
    _validate.rate(before, "before", u)
    _validate.rate(after, "after", u)
    # Percentage points are differences of rates in percent, whatever `unit`.
    b = _in_percent(before, u)
    a = _in_percent(after, u)
    c = rate_change(b, a, unit="percent")
    x = _stated_figure(stated, d)
    t = np.full((), np.nan) if years is None else _validate.positive(years, "years")
    given, earlier = _given_decimals(
        levels_decimals, before_decimals, computed=computed
    )
    shape = _validate.shape(
        before=b,
        after=a,
        stated=x,
        **({} if years is None else {"years": t}),
        **_decimals_shapes(names, given, earlier),
    )
    if given is not None:
        # Rates at their stated decimals, a float32 figure widened to
        # float64 (4.26 as 4.260000228881836) read as the figure it is.
        early = given if earlier is None else earlier
        b, a = _widened_read(b, early, shape), _widened_read(a, given, shape)
        c = rate_change(b, a, unit="percent")
    # The exact decimal difference of the rates, rounded once.
    points = _level_difference(a, b, shape)
    rel = np.broadcast_to(_snap(c.relative), shape)
    xs = np.broadcast_to(x, shape)
    tol = 0.5 * 10.0**-d

    def matches(v: NDArray[np.float64]) -> NDArray[np.bool_]:
        return np.asarray(np.abs(round_half_up(np.abs(v), d) - xs) < tol * 1e-6 + 1e-12)

    per_year: dict[str, NDArray[np.float64]] = {}
    if years is None:
        m_points = matches(points)
        m_rel = matches(rel)
    else:
        yearly = annualized_change(b, a, years=t, unit="percent")
        tb = np.broadcast_to(t, shape)
        per_year = {
            "points_per_year": np.broadcast_to(_snap(yearly.points_per_year), shape),
            "relative_per_year_pct": _snap(rel / tb),
            "compound_per_year_pct": np.broadcast_to(
                _snap(yearly.compound_per_year), shape
            ),
        }
        m_points = matches(per_year["points_per_year"])
        m_rel = matches(per_year["relative_per_year_pct"]) | matches(
            per_year["compound_per_year_pct"]
        )
    # With `years`: the stated size is the whole change, not a year's.
    m_total = (matches(points) | matches(rel)) & (years is not None)
    sign_ok = points < 0 if dirn == "fall" else points > 0
    # Points with more decimals than the rates show (0.105 for 4.37 ->
    # 4.26): the rates do not fix them; where they fit the range the rates'
    # rounding leaves (each in [0, 100] %), cannot tell.
    rate_d = np.broadcast_to(_each_decimals(b, a), shape)  # shown, for reasons
    given_d = rate_d if given is None else np.broadcast_to(given, shape)
    # Rates of different decimals (a published 17.78, an appended 17.784):
    # each within its own rounding interval; the change is fixed to no more
    # decimals than the coarser has.
    earlier_d = given_d if earlier is None else np.broadcast_to(earlier, shape)
    level_d: _LevelDecimals = (
        given_d if before_decimals is None else (earlier_d, given_d)
    )
    coarse_d = np.minimum(earlier_d, given_d)
    shown_d = np.maximum(earlier_d, given_d)
    if given is not None:
        _refuse_unrounded_levels(b, a, level_d, shape, names)
    # Rates of different decimals (or a computed one): their difference is
    # not a figure of the coarser's decimals, so a size stated at those
    # decimals (or fewer) that the difference does not round to is judged
    # against the range too: "fell 0.13 points" for 8.00 -> 7.876104703
    # (a fall in (0.1189, 0.1289)) cannot tell.
    mixed = np.broadcast_to(earlier_d != given_d, shape) & ~m_points
    over = np.broadcast_to(d > coarse_d, shape)
    fine = np.broadcast_to(
        (over | mixed) & as_points_flag & (levels_decimals is not None), shape
    )
    if fine.any():
        low_x, high_x = _change_range(
            np.broadcast_to(b, shape), np.broadcast_to(a, shape), level_d, 100.0
        )
        # An end is attained where the upper ends it uses are: a computed
        # rate's (itself), or one capped at 100 % (_attained).
        ends = _attained(
            np.broadcast_to(b, shape), np.broadcast_to(a, shape), level_d, 100.0
        )
        if years is not None:  # points a year: the range over the years
            low_x, high_x = _per_year(low_x, high_x, t, shape)
        fine = fine & _overprecise_possible(low_x, high_x, xs, d, dirn, ends)
    # Matching the change of the published rates does not confirm it either:
    # 0.110 points for 4.37 -> 4.26 (published to 2 decimals) cannot tell.
    # A relative change (percent) is never fixed by rounded rates: with
    # `levels_decimals`, a stated figure the computed change does not round
    # to is judged against the range of 100 (a / b - 1) over the rates'
    # rounding intervals (each in [0, 100] %): where some pair of true
    # rates gives it, cannot tell; an earlier rate published as 0 leaves
    # the relative change unbounded: cannot tell.
    rel_fine = np.zeros(shape, dtype=bool)
    rel_open = np.zeros(shape, dtype=bool)
    if not as_points_flag and levels_decimals is not None:
        low_r, high_r, rel_open = _relative_range(
            np.broadcast_to(b, shape), np.broadcast_to(a, shape), level_d, 100.0
        )
        rel_ends = _attained(
            np.broadcast_to(b, shape), np.broadcast_to(a, shape), level_d, 100.0
        )
        rel_open = np.broadcast_to(rel_open, shape)
        fits_r = np.zeros(shape, dtype=bool)
        if years is not None:
            # "A year" is either reading that holds: the compound change a
            # year or the simple average (total / years); the range the
            # rates' rounding leaves is each one's, and a stated figure
            # meeting either is consistent with the rates.
            low_c, high_c = _compound_per_year(low_r, high_r, t, shape)
            fits_r = _overprecise_possible(low_c, high_c, xs, d, dirn)
            low_r, high_r = _per_year(low_r, high_r, t, shape)
        rel_fine = (
            rel_open
            | fits_r
            | _overprecise_possible(low_r, high_r, xs, d, dirn, rel_ends)
        ) & ~m_rel
    # Rates of different decimals whose intervals meet (8.10 for [8.095,
    # 8.105), 8.098 for [8.0975, 8.0985)): the true change may go either
    # way, so the figures do not give its direction, and a statement of
    # either direction is judged by its size alone (_open_direction): where
    # a change that way of that size is within the range, cannot tell;
    # else, does not hold. Never "holds", as the direction is never.
    open_dir = np.zeros(shape, dtype=bool)
    open_fits = np.zeros(shape, dtype=bool)
    if given is not None:
        open_dir, open_fits, low_0, high_0 = _open_direction(
            np.broadcast_to(b, shape),
            np.broadcast_to(a, shape),
            level_d,
            100.0,
            points,
            xs,
            d,
            dirn,
            relative=not as_points_flag,
            years=None if years is None else np.broadcast_to(t, shape),
        )
    gaps = _Gaps(
        shape,
        (np.isnan(points), "a rate is missing"),
        (np.isnan(xs), _NO_STATED),
        # Missing elapsed years: the per-year size is unknown.
        (np.isnan(t) & (years is not None), "the elapsed years are missing"),
    )
    missing = gaps.mask
    m_said = m_points if as_points_flag else m_rel
    m_other = m_rel if as_points_flag else m_points
    # "Fell 0 points": a direction with no size. Right only to its rounding,
    # it cannot be told from "did not change": never "holds".
    # Equal published figures (a change of exactly 0) may hide a small
    # change either way (as in check_direction_statement): so too.
    zero_said = (xs == 0) & (sign_ok | (points == 0)) & m_said
    fine = fine & ~zero_said
    rel_fine = rel_fine & ~zero_said & ~(sign_ok & m_other)
    verdict = np.where(
        missing
        | (sign_ok & ~m_said & m_other)
        | zero_said
        | fine
        | rel_fine
        | open_fits
        # The change as given is one the figures allow, not one they fix.
        | (open_dir & sign_ok & m_said),
        UNDECIDED,
        np.where(sign_ok & m_said & ~open_dir, HOLDS, NOT_HOLDS),
    )
    meaning = np.where(
        m_points & m_rel,
        "both",
        np.where(m_points, "points", np.where(m_rel, "relative", "neither")),
    )
    bb = np.broadcast_to(b, shape)
    ab = np.broadcast_to(a, shape)
    a_year = " a year" if per_year else ""  # with `years`, sizes are per year
    op_year, op_rel, op_comp, op_unbounded = _open_year_ranges(
        bb, ab, level_d, 100.0, open_dir, low_0 if given is not None else None,
        high_0 if given is not None else None, years=None if years is None else t,
        relative=not as_points_flag, shape=shape,
    )  # fmt: skip
    # Equal figures (a change of 0 at their decimals) leave the direction
    # open: a rejected size is outside the range their rounding leaves,
    # which the reason gives (as where the figures' intervals meet); so
    # too for points with more decimals than the rates that no true
    # change gives, never a figure the rounding does not fix.
    eq_open = (
        ~zero_said
        & ~fine
        & ~rel_fine
        & ~open_dir
        & ~missing
        & (
            ((points == 0) & ~sign_ok)
            | (
                sign_ok
                & (over | mixed)
                & as_points_flag
                & (levels_decimals is not None)
                & ~m_points
                & ~m_rel
                & ~m_total
            )
        )
    )
    if eq_open.any():
        eq_lo, eq_hi = _change_range(bb, ab, level_d, 100.0)
        eq_rel = _relative_range(bb, ab, level_d, 100.0)
        eq_comp = None if years is None else _compound_per_year(*eq_rel[:2], t, shape)
        if years is not None:
            eq_lo, eq_hi = _per_year(eq_lo, eq_hi, t, shape)
            eq_rel = (*_per_year(*eq_rel[:2], t, shape), eq_rel[2])
        eq_open = eq_open & (sign_ok | ((eq_lo < 0) & (eq_hi > 0))) & ~eq_rel[2]

    def places(i: tuple[int, ...]) -> str:
        """The rates' decimals in a reason: "2 decimals", "2 and 3 decimals"."""
        return _pair_places(int(earlier_d[i]), int(given_d[i]))

    def describe(i: tuple[int, ...]) -> str:
        # The rates at their own decimals (`levels_decimals`, else those
        # they show), never the stated figure's: 4.37 % is not "4.370 %",
        # 10 % published to 0 is not "10.00 %". The change in points at
        # the rates' decimals or, stated in points, the stated figure's
        # where it has more; beside a more precise rate (appended, or
        # computed), at the coarser one's (or the stated figure's, if more).
        level_places = int(shown_d[i])
        if given is not None and earlier_d[i] != given_d[i]:
            # Beside a more precise rate (appended, or computed): the change
            # is fixed to no more than the coarser's decimals, and written
            # at them, per year too (0.87 for 8.75 -> 7.876104703).
            level_places = int(coarse_d[i])
        shown = max(level_places, d) if as_points_flag else level_places
        # The sentence that says the change right, then what the statement
        # got right or wrong.
        core = (
            _full_sentence(
                float(bb[i]), float(ab[i]), float(rel[i]), " %", " percentage points"
            )
            if _beyond_ten_decimals(float(bb[i]), float(ab[i]))
            else str(
                describe_rate_change(
                    float(bb[i]),
                    float(ab[i]),
                    unit="percent",
                    locale="en",
                    decimals=max(level_places, 0),
                    change_decimals=max(shown, 0),
                )
            )
        )
        if given is not None and earlier_d[i] != given_d[i]:
            # Each rate at its own decimals: 8.10 % (2) beside 7.876 % (3).
            core = _own_levels(
                core,
                (float(bb[i]), float(ab[i])),
                (int(earlier_d[i]), int(given_d[i])),
                " %",
            )
        if per_year:
            py = float(per_year["points_per_year"][i])
            ry = float(per_year["relative_per_year_pct"][i])
            cy = float(per_year["compound_per_year_pct"][i])
            core += (
                f"; over {_fmt(float(np.broadcast_to(t, shape)[i]), 2)} years "
                f"that is {_signed(py, _change_decimals(py, max(shown, d)))} points a "
                f"year, {_signed(ry, _change_decimals(ry, 2))} % a year on "
                f"average or {_signed(cy, _change_decimals(cy, 2))} % a year "
                "compound"
            )
        # Rates whose intervals meet leave the direction open, whichever
        # the statement gives: said in full, after what the size matched.
        open_span = (
            _open_span(
                i,
                (low_0, high_0),
                (op_year, op_rel, op_comp, op_unbounded),
                d=d,
                unit=" points",
            )
            if open_dir[i]
            else ""
        )
        open_text = (
            f"the rates ({places(i)}) do not tell whether it fell or rose: "
            + (
                open_span
                if open_fits[i]
                else _no_size_left(
                    open_span,
                    _fmt(float(xs[i]), d),
                    dirn,
                    " points" if as_points_flag else " %",
                    a_year,
                )
            )
            if open_dir[i]
            else ""
        )
        if open_dir[i] and not sign_ok[i]:
            tail = open_text
        elif eq_open[i]:
            span, _ = (
                _true_range(
                    eq_lo[i], eq_hi[i], dirn, d, a_year=a_year, unit=" points", stated=d
                )
                if as_points_flag
                else _relative_span(
                    (eq_rel[0][i], eq_rel[1][i]),
                    None if eq_comp is None else (eq_comp[0][i], eq_comp[1][i]),
                    dirn,
                    d,
                    a_year,
                    d,
                )
            )
            tail = _no_size_left(
                span,
                _fmt(float(xs[i]), d),
                dirn,
                " points" if as_points_flag else " %",
                a_year,
            )
        elif not sign_ok[i] and not zero_said[i] and not (fine[i] or rel_fine[i]):
            tail = f"the statement says it {_PAST[dirn]}"
        elif zero_said[i]:
            tail = (
                f"a change stated as {_fmt(0.0, d)} with '{dirn}' gives a "
                f"direction without a size; the change rounds to 0 at "
                f"{_places(d)}, so the figures cannot tell it from no change"
            )
        elif fine[i]:
            tail = _change_fit_reason(
                _fmt(float(xs[i]), d),
                f"the rates ({places(i)})",
                d,
                int(coarse_d[i]),
                (low_x[i], high_x[i]),
                direction=dirn,
                a_year=a_year,
                unit=" points",
            )
        elif rel_fine[i] and rel_open[i]:
            tail = (
                f"{_fmt(float(xs[i]), d)} % cannot be checked: the earlier rate, "
                f"published as {_fmt(float(bb[i]), int(earlier_d[i]))} % "
                f"({_places(int(earlier_d[i]))}), may be as small as 0, so the "
                "relative change the rates' rounding leaves has no bound"
            )
        elif rel_fine[i]:
            tail = _relative_fit_reason(
                _fmt(float(xs[i]), d),
                f"the rates ({places(i)})",
                d,
                int(coarse_d[i]),
                (low_r[i], high_r[i]),
                None if years is None else (low_c[i], high_c[i]),
                direction=dirn,
                a_year=a_year,
            )
        elif m_points[i] and not m_rel[i]:
            tail = (
                f"{_fmt(float(xs[i]), d)} is the change in percentage points"
                + a_year
                + ("" if as_points_flag else ", not in percent")
            )
        elif m_rel[i] and not m_points[i]:
            tail = (
                f"{_fmt(float(xs[i]), d)} is the relative change in percent"
                + a_year
                + (", not in points" if as_points_flag else "")
            )
        elif m_points[i]:
            tail = "the stated size matches both readings"
        elif m_total[i]:
            tail = (
                f"{_fmt(float(xs[i]), d)} is the change over the whole "
                f"{_fmt(float(np.broadcast_to(t, shape)[i]), 2)} years, not a "
                "year's"
            )
        else:
            tail = (
                f"{_fmt(float(xs[i]), d)} matches neither the points nor the "
                "relative change"
            )
        if open_dir[i] and sign_ok[i] and not (zero_said[i] or fine[i]):
            # The points range above already spans both directions.
            tail += f"; {open_text}"
        return f"{core}: {tail}"

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, gaps, describe),
        figures={
            "points": points,
            "relative_pct": rel,
            "matches_points": m_points,
            "matches_relative": m_rel,
            "meaning": meaning,
            **per_year,
        },
    )


def _base_rtol(value: object) -> float:
    """Check `base_rtol`: one number >= 0 (inf: no limit), never missing.

    The scalar rule of `persons_per_poor_unit`: a Python or numpy int or
    float, a ``Decimal`` or a ``Fraction`` (read as float64 holds it: 0.01
    is the decimal 0.01); a bool, a str and an array (a 0-d one too) are
    refused, naming the types taken.
    """
    # None, NaN, pandas.NA, masked (a masked 0-d array too)
    if _validate._is_missing_label(value) or np.ma.is_masked(value):
        msg = f"`base_rtol` must be a number >= 0, got {_validate.shown(value)}"
        raise ValueError(msg)
    if isinstance(value, bool | np.bool_) or not isinstance(
        value, numbers.Real | decimal.Decimal
    ):
        one = isinstance(value, np.ndarray) and value.size == 1
        msg = (
            "`base_rtol` must be one number >= 0 (an int, float, Decimal or "
            "Fraction, or a numpy scalar; inf for no limit), got "
            f"{_validate.shown(value)}"
            + (": pass `base_rtol.item()`, the number it holds" if one else "")
        )
        raise TypeError(msg)
    # A Decimal float64 cannot hold is refused, not rounded.
    rtol = _validate.real(value, "base_rtol")  # 0.01, not 0.0099999997...
    if not rtol >= 0:
        msg = (
            "`base_rtol` must be a number >= 0 (inf for no limit), got "
            f"{_validate.shown(value)}"
        )
        raise ValueError(msg)
    return rtol


@_validate.positional
def check_count_statement(
    rate: ArrayLike,
    base: ArrayLike,
    stated: ArrayLike,
    *,
    unit: Unit,
    decimals: int,
    rate_population: ArrayLike | None = None,
    base_rtol: float | decimal.Decimal | fractions.Fraction = 0.01,
) -> StatementCheck:
    """Check "X % of N is about M people": the arithmetic and the base.

    Parameters
    ----------
    rate : array_like
        The rate in the statement, in `unit`.
    base : array_like
        The number the statement applies the rate to (e.g. the people on a
        welfare register).
    stated : array_like
        The number of people stated.
    unit : {"fraction", "percent"}
        Scale of `rate`; the reason shows it in percent.
    decimals : int
        Precision of `stated`: 0 for an exact count, -3 for "about 9,000"
        (nearest thousand). `stated` must be rounded to it, and is not 0
        when `decimals` is negative (no one writes "about 0 thousand").
    rate_population : array_like, optional
        The population the rate is a share of (for BPS figures, the
        population implied by the published rate and number of poor, see
        :func:`povstat.implied_population`). When given, a `base` that
        differs from it by more than `base_rtol` makes the statement not
        hold whatever the arithmetic.
    base_rtol : float, Decimal or Fraction, default 0.01
        Relative tolerance for `base` against `rate_population`: a base
        within 1 % of it is taken to be the same population. The population
        implied by a BPS rate and number of poor is known to about 0.2 %
        given their rounding (a rate of 3 % rounded to 2 decimals); a
        population from another source (a projection, a census, a register)
        is a different base even when it is close, and applying the rate to
        it gives a number BPS did not publish. Pass a larger tolerance to
        accept such a base deliberately (``numpy.inf`` accepts every base).
        One number: an int, float, ``Decimal`` or ``Fraction``, or a numpy
        scalar.

    Returns
    -------
    StatementCheck
        Figures: ``computed`` (rate x base, unrounded), ``computed_rounded``
        (to `decimals`, half up), ``arithmetic_ok`` and ``base_ok`` (bool;
        True where `rate_population` is not given) and ``rate_population``.

    Raises
    ------
    TypeError
        If an input is not numeric, or `base_rtol` is not one number (an
        array, a str, a bool).
    ValueError
        If `unit` is unknown, `rate` is out of range, `base` or `stated` is
        negative, `stated` is not rounded to `decimals` or is 0 with
        negative `decimals`, or `base_rtol` is negative or missing.

    See Also
    --------
    povstat.rate_to_headcount : The arithmetic.

    Notes
    -----
    :math:`M = P_0 N` holds only for the population :math:`N` that
    :math:`P_0` was estimated for [1]_.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.

    Examples
    --------
    "4.26 % of the 187,000 people on the register is about 9,000" (Kota
    Malang, 2023); BPS: 37.78 thousand poor at 4.26 %, i.e. a population
    of about 886,900 (885,700 to 888,000 given the rounding).

    >>> from povstat.statements import check_count_statement
    >>> res = check_count_statement(4.26, 187_000, 9_000, unit="percent",
    ...                             decimals=-3, rate_population=886_900)
    >>> print(res.verdict)
    does not hold
    >>> print(res.reason)  # doctest: +NORMALIZE_WHITESPACE
    4.26 % of 187,000 is 7,966.2, not 9,000; and the rate is a share of a
    population of 886,900, not of 187,000 (78.92 % smaller, beyond the
    tolerance of 1.00 %); of 886,900 it is 37,781.9
    """
    u = _validate.unit(unit)
    d = _validate.decimals(decimals, most=_validate.FIGURE_DECIMALS)
    r = _validate.rate(rate, "rate", u)
    n = _validate.nonnegative(base, "base")
    m = _stated_figure(stated, d)
    base_rtol = _base_rtol(base_rtol)
    pop = (
        np.full((), np.nan)
        if rate_population is None
        else _validate.nonnegative(rate_population, "rate_population")
    )
    shape = _validate.shape(
        rate=r,
        base=n,
        stated=m,
        **({} if rate_population is None else {"rate_population": pop}),
    )
    # On the percent scale for fractions too, so both give the same figures;
    # in exact arithmetic, so that an exact tie rounds as the tie it is.
    rb_ = np.broadcast_to(r, shape)
    nb = np.broadcast_to(n, shape)
    ms = np.broadcast_to(m, shape)
    pops = np.broadcast_to(pop, shape)
    unknown = np.isnan(rb_) | np.isnan(nb)
    # The rate read as the figure it stands for, float noise removed as
    # every check reads a cell (0.37499999999999994 % is the figure 0.375 %,
    # of which 1,000 is 3.75, rounding to 3.8); the base as given.
    exact = np.broadcast_to(_exact(_in_percent(r, u)) * _exact(n) / 100, shape)
    exact_rounded = _exact_rounded(exact, d)
    computed = np.where(unknown, np.nan, _floats(exact))
    rounded = np.where(unknown, np.nan, _floats(exact_rounded))
    arithmetic_ok = np.asarray(exact_rounded == _exact(ms)) & ~unknown & ~np.isnan(ms)
    if rate_population is None:
        base_ok = np.ones(shape, dtype=bool)
    else:
        # Within the tolerance, exactly: 2.02 against 2.0 is 1 % off, within
        # a tolerance of 1 %.
        # A population computed by the caller (implied from a rate and a
        # count: 1875.0000000000005 for 1,875) carries float noise: allowed
        # for, as in every check of published figures (1e-12 of it).
        # A tolerance of inf sets no limit: every base is accepted.
        if np.isinf(base_rtol):
            within = np.ones(shape, dtype=bool)
        else:
            gap = np.abs(_exact(nb) - _exact(pops))
            allowed = _as_fraction(base_rtol) * _exact(pops) + _exact(
                1e-12 * np.maximum(np.abs(pops), 1.0)
            )
            within = np.asarray(gap <= allowed, dtype=bool)
        # A missing population leaves the base unjudged (True): wrong
        # arithmetic does not hold whatever the base.
        base_ok = (within & ~np.isnan(nb)) | np.isnan(pops)
    # Gaps about the population only matter where the arithmetic is right.
    unjudged = np.isnan(pops) & (rate_population is not None) & arithmetic_ok
    gaps = _Gaps(
        shape,
        (np.isnan(rb_), "the rate is missing"),
        (np.isnan(nb), "the base is missing"),
        (np.isnan(ms), _NO_STATED),
        (
            unjudged & (rb_ == 0),
            "the rate's population cannot be implied from a rate of 0",
        ),
        (
            (pops == 0) & (rb_ > 0),
            "the rate's population is 0, of which a rate above 0 cannot be a "
            "share: the figures disagree",
        ),
        (unjudged & (rb_ != 0), "the rate's population is missing"),
    )
    missing = gaps.mask
    verdict = np.where(
        missing, UNDECIDED, np.where(arithmetic_ok & base_ok, HOLDS, NOT_HOLDS)
    )
    # The reason shows the rate in percent, with every decimal it has.
    rb = np.broadcast_to(_in_percent(r, u), shape)
    of_pop = _snap(rb * pops / 100.0)

    def describe(i: tuple[int, ...]) -> str:
        rate_d = max(2, _decimals_of(rb[i]))  # this row's, not the batch's
        base_d = _decimals_of(nb[i])  # 886.4 thousand is not "886"
        head = (
            f"{_fmt(float(rb[i]), rate_d)} % of {_fmt(float(nb[i]), base_d)} is "
            f"{_fmt(float(computed[i]), _shown_decimals(float(computed[i]), d))}"
        )
        head += (
            f", which rounds to {_fmt(float(ms[i]), max(d, 0))}"
            if arithmetic_ok[i]
            else f", not {_fmt(float(ms[i]), max(d, 0))}"
        )
        if not base_ok[i]:
            p, n_ = float(pops[i]), float(nb[i])
            # The base's decimals (a population implied from a rate and a
            # count has many, none of them meaningful), more if the two would
            # show alike (2 and 1.9 as "2").
            pop_d = _decimals_of(nb[i])
            while pop_d < 6 and _fmt(p, pop_d) == _fmt(n_, pop_d):
                pop_d += 1
            gap = 100.0 * (n_ - p) / p if p > 0 else np.inf
            # Enough decimals to tell the gap from the tolerance (1.004 %
            # beyond 1.00 % is not "1.00 %").
            gap_d = 2
            tol_pct = 100.0 * base_rtol
            while (
                gap_d < 6
                and np.isfinite(gap)
                and _fmt(abs(gap), gap_d) == _fmt(tol_pct, gap_d)
                and abs(gap) != tol_pct
            ):
                gap_d += 1
            head += (
                f"; {'but' if arithmetic_ok[i] else 'and'} the rate is a share "
                f"of a population of {_fmt(p, pop_d)}, not of {_fmt(n_, pop_d)} ("
                + (
                    f"{_fmt(abs(gap), gap_d)} % {'larger' if gap > 0 else 'smaller'}"
                    if np.isfinite(gap)
                    else "which is not 0"
                )
                + f", beyond the tolerance of {_fmt(100.0 * base_rtol, 2)} %)"
            )
            if np.isfinite(of_pop[i]):
                of_d = _shown_decimals(float(of_pop[i]), d)
                head += f"; of {_fmt(p, pop_d)} it is {_fmt(float(of_pop[i]), of_d)}"
        return head

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, gaps, describe),
        figures={
            "computed": computed,
            "computed_rounded": rounded,
            "arithmetic_ok": arithmetic_ok,
            "base_ok": base_ok,
            "rate_population": pops,
        },
    )


@_validate.positional
def check_consistency(
    rate: ArrayLike,
    headcount: ArrayLike,
    population: ArrayLike,
    *,
    unit: Unit,
    rate_decimals: int,
    headcount_decimals: int,
    population_decimals: int,
) -> StatementCheck:
    r"""Check that a rate, a number of poor and a population agree.

    Published figures are rounded, so ``headcount / population`` need not
    equal the rate exactly; they agree when some true values within the
    rounding of each figure satisfy :math:`H = P_0 N`.

    Parameters
    ----------
    rate : array_like
        Published rate, in `unit`, rounded to `rate_decimals`.
    headcount : array_like
        Published number of poor, rounded to `headcount_decimals`.
    population : array_like
        Published population, in the unit of `headcount`, rounded to
        `population_decimals`.
    unit : {"fraction", "percent"}
        Scale of `rate`.
    rate_decimals, headcount_decimals, population_decimals : int
        Decimal places of each published figure (negative for tens,
        hundreds, ...).

    Returns
    -------
    StatementCheck
        ``"holds"`` where the intervals are compatible; where they are not,
        and the rate moved by a power of ten (10 to 1,000, either way)
        would agree, the reason names the factor, as
        :func:`povstat.tracing.trace_figure` names a misread figure, and
        asks where it may come from: for 10 or 100, whether `rate` is in
        `unit` (percent against fraction is a factor of 100; the same words
        for either unit); for 1,000, whether `headcount` and `population`
        are in the same unit (a headcount in thousands against a population
        in persons gives a rate 1,000 times too small, the reverse 1,000
        times too large). Figures:
        ``implied_rate`` (headcount / population, in `unit`),
        ``implied_rate_lower`` and ``implied_rate_upper`` (its range under
        the rounding of headcount and population).

    Raises
    ------
    TypeError
        If an input is not numeric or a decimals argument is not an int.
    ValueError
        If an input is out of range or not rounded to its stated decimals,
        or a headcount or population is 0 with negative decimals (a count
        rounded to tens or more is not written as 0).

    See Also
    --------
    povstat.rounding_interval : What a rounded figure stands for.
    povstat.implied_population_interval : The denominator a rate implies.

    Notes
    -----
    With :math:`H \in [h_-, h_+)`, :math:`N \in [n_-, n_+)`, the ratio
    :math:`H/N` lies in :math:`(h_-/n_+, h_+/n_-)`; the statement holds when
    this overlaps the rate's interval :math:`[r_-, r_+)` [1]_. The reason
    names both: the rate's interval, and the range of :math:`H/N` rounded
    outward (its lower end down, its upper end up, so that the range shown
    holds the true one: a range that meets the interval is shown meeting
    it, 244.5 / 3761.75 = 6.4996 % as 6.49 %, not 6.50 %), with as many
    decimals as it takes to show a range that misses the interval on its
    side of it (4.4955 of 100 against a published 5 % shows 4.495 % to
    4.496 % against [4.5 %, 5.5 %), not 4.49 % to 4.50 %).

    References
    ----------
    .. [1] IEEE Std 754-2019, section 4.3.1, "roundTiesToAway" (the
       rounding rule of published tables).

    Examples
    --------
    BPS Kota Malang 2024: 3.91 %, 34.84 thousand poor; the databoks
    population 885,271 gives 3.94 %, which rounding cannot explain:

    >>> from povstat.statements import check_consistency
    >>> res = check_consistency(3.91, 34.84, 885.271, unit="percent",
    ...     rate_decimals=2, headcount_decimals=2, population_decimals=3)
    >>> print(res.verdict)
    does not hold
    """
    u = _validate.unit(unit)
    r = _validate.rate(rate, "rate", u)
    h = _validate.nonnegative(headcount, "headcount")
    n = _validate.nonnegative(population, "population")
    rd = _validate.decimals(
        rate_decimals, "rate_decimals", most=_validate.FIGURE_DECIMALS
    )
    hd = _validate.decimals(
        headcount_decimals, "headcount_decimals", most=_validate.FIGURE_DECIMALS
    )
    nd = _validate.decimals(
        population_decimals, "population_decimals", most=_validate.FIGURE_DECIMALS
    )
    # Figures computed by the caller may carry float noise: snap them first.
    r = _snap_to(r, rd, "rate")
    # A count rounded to tens or more is never written as 0 (as in every
    # check of a stated size).
    h = _stated_figure(h, hd, "headcount", decimals_name="headcount_decimals")
    n = _stated_figure(n, nd, "population", decimals_name="population_decimals")
    # Work in percent (a fraction at `rd` decimals is a percent at rd - 2),
    # so that a fraction gives the same verdict as the same rate in percent.
    shift = 0 if u == "percent" else 2
    rp = _in_percent(r, u)
    rdp = rd - shift
    ri = figure_interval(rp, rdp, "rate")
    hi = figure_interval(h, hd, "headcount")
    ni = figure_interval(n, nd, "population")
    shape = _validate.shape(rate=r, headcount=h, population=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        implied = np.broadcast_to(h / n * 100.0, shape)
        lo = np.broadcast_to(np.maximum(hi.lower, 0) / ni.upper * 100.0, shape)
        hi_ = np.broadcast_to(
            np.where(ni.lower > 0, hi.upper / np.maximum(ni.lower, 0), np.inf) * 100.0,
            shape,
        )
    # The overlap of the open range of headcount / population with the
    # rate's rounding interval, decided in exact arithmetic: at the edges
    # (1.58 / 100 against a rate of 1.0 at 1 decimal) float noise must not
    # decide. Each bound is the exact decimal its float stands for.
    zero = fractions.Fraction(0)
    h_lo, h_hi = _fmax(_exact(hi.lower), zero), _exact(hi.upper)
    n_lo, n_hi = _exact(ni.lower), _exact(ni.upper)
    r_lo_x = np.broadcast_to(_exact(ri.lower), shape)
    r_hi_x = np.broadcast_to(_exact(ri.upper), shape)
    # n_hi > 0 (half a unit above a figure >= 0), but 0 where NaN: masked.
    n_hi = np.where(n_hi == zero, np.asarray(fractions.Fraction(1), np.object_), n_hi)
    low_x = np.broadcast_to(h_lo * 100 / n_hi, shape)
    below_hi = np.asarray(low_x < r_hi_x)
    # No upper bound where the population may be 0.
    positive = np.broadcast_to(np.asarray(ni.lower > 0), shape)
    n_safe = np.where(
        np.asarray(ni.lower > 0), n_lo, np.asarray(fractions.Fraction(1), np.object_)
    )
    up_x = np.broadcast_to(h_hi * 100 / n_safe, shape)
    above_lo = ~positive | np.asarray(up_x > r_lo_x)
    # The true number of poor is at most the true population: a ratio
    # above 100 % is no rate (a published 100 % does not admit 100.3 %).
    overlap = below_hi & above_lo & np.asarray(low_x < 100)
    nan_any = np.isnan(lo) | np.isnan(hi_) | np.isnan(np.broadcast_to(ri.lower, shape))
    overlap = overlap & ~nan_any
    hb_ = np.broadcast_to(h, shape)
    nb_ = np.broadcast_to(n, shape)
    gaps = _Gaps(
        shape,
        (np.isnan(np.broadcast_to(r, shape)), "the rate is missing"),
        (np.isnan(hb_), "the number of poor is missing"),
        (np.isnan(nb_), "the population is missing"),
        (
            np.isnan(implied) & ~np.isnan(hb_) & ~np.isnan(nb_),
            "no rate can be implied from a population of 0",
        ),
    )
    missing = gaps.mask
    verdict = np.where(missing, UNDECIDED, np.where(overlap, HOLDS, NOT_HOLDS))
    rb = np.broadcast_to(rp, shape)
    shown = max(rdp, 0)
    # A rate is never below 0: a published 0 stands for [0, half a unit).
    r_lo = np.broadcast_to(np.maximum(ri.lower, 0.0), shape)
    r_hi = np.broadcast_to(ri.upper, shape)
    # The range of H/N shown rounded outward (its lower end down, its upper
    # end up, from the exact bounds), so that what is shown holds the true
    # range: 6.4996 % against [5.5 %, 6.5 %) is "6.49 %", not "6.50 %".
    valid = np.isfinite(lo) & ~np.isnan(hi_) & np.isfinite(r_lo) & np.isfinite(r_hi)
    finite_hi = np.isfinite(hi_)
    places = _range_places(
        low_x, up_x, valid, finite_hi, _exact(r_lo), _exact(r_hi), shown + 2
    )

    def slip(i: tuple[int, ...]) -> str:
        """The power of ten that makes the rate agree, as trace_figure names it."""
        # Only where the implied range spans less than a factor of 10, so
        # that one power alone can explain the gap.
        if verdict[i] != NOT_HOLDS or not 0 < lo[i] <= hi_[i] < 10 * lo[i]:
            return ""
        for p in _SLIP_POWERS:
            # The rate's rounding interval moved by 10**p meets the implied
            # range (a hint only: the verdict is decided above, exactly).
            if r_lo[i] * 10.0**p < hi_[i] and r_hi[i] * 10.0**p > lo[i]:
                how = "multiplied" if p > 0 else "divided"
                factor = f"{10 ** abs(p):,}"
                if abs(p) % 3 == 0:
                    # Percent against fraction is 100: 1,000 is a count in
                    # thousands against one in persons (the rate divided
                    # by 1,000 agrees: the headcount is the one in thousands).
                    units = ("persons", "thousands")
                    h_unit, n_unit = units if p > 0 else units[::-1]
                    ask = (
                        "are `headcount` and `population` in the same unit? "
                        f"a headcount in {h_unit} against a population in "
                        f"{n_unit} makes headcount / population {factor} "
                        f"times too {'large' if p > 0 else 'small'}"
                    )
                else:
                    ask = "is `rate` in `unit`?"
                return (
                    f"; {how} by {factor} it would agree (misread by a "
                    f"factor of {factor}? {ask})"
                )
        return ""

    def describe(i: tuple[int, ...]) -> str:
        k = int(places[i])
        low_text = _fmt(float(_outward(low_x[i], k, up=False)), k)
        up_text = (
            _fmt(float(_outward(up_x[i], k, up=True)), k)
            if finite_hi[i]
            else _fmt(float(hi_[i]), k)
        )
        return (
            f"headcount / population = {_fmt(float(implied[i]), k)} % "
            f"(between {low_text} % and {up_text} % given the rounding, "
            f"ends rounded outward), against a "
            f"published rate of {_fmt(float(rb[i]), shown)} %, which stands for "
            f"[{_fmt(float(r_lo[i]), max(rdp + 1, 0))} %, "
            f"{_fmt(float(r_hi[i]), max(rdp + 1, 0))} %)" + slip(i)
        )

    back = 100.0 if u == "fraction" else 1.0
    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, gaps, describe),
        figures={
            "implied_rate": implied / back,
            "implied_rate_lower": lo / back,
            "implied_rate_upper": hi_ / back,
        },
    )


def _outward(v: fractions.Fraction, k: int, *, up: bool) -> fractions.Fraction:
    """`v` rounded to `k` decimals up (ceiling) or down (floor), exactly."""
    scale = fractions.Fraction(10) ** k
    m = -((-v * scale) // 1) if up else (v * scale) // 1
    return fractions.Fraction(m) / scale


def _range_places(
    lo: NDArray[np.object_],
    hi: NDArray[np.object_],
    valid: NDArray[np.bool_],
    finite_hi: NDArray[np.bool_],
    r_lo: NDArray[np.object_],
    r_hi: NDArray[np.object_],
    least: int,
) -> NDArray[np.int64]:
    """Decimals to show an open range (lo, hi) against the interval [r_lo, r_hi).

    The range is shown rounded outward (`lo` down, `hi` up: what is shown
    holds the true range, so a range that meets the interval is shown
    meeting it), with at least `least` decimals, and more where fewer would
    hide that it does not: a range wholly below ``r_lo`` (or from ``r_hi``
    up) shown so (4.4955 to 4.4956 against [4.5, 5.5), not 4.495 to 4.500).
    At most 15, the most :func:`povstat.round_half_up` takes. The bounds are
    exact (Fractions); `hi` is ignored where `finite_hi` is False (no upper
    bound), and rows not `valid` keep `least`.
    """
    first = min(least, 15)
    places = np.full(valid.shape, first, dtype=np.int64)
    with np.errstate(invalid="ignore"):
        below = np.asarray(finite_hi & np.asarray(hi < r_lo, dtype=bool))
        above = np.asarray(lo >= r_hi, dtype=bool)
    open_ = valid & (below | above)
    for k in range(first, 16):
        if not open_.any():
            break
        at = np.flatnonzero(open_.ravel())
        lo_k = [_outward(v, k, up=False) for v in lo.ravel()[at]]
        hi_k = [_outward(v, k, up=True) for v in hi.ravel()[at]]
        clear = np.array(
            [
                not (b and h >= rl) and not (a and lk < rh)
                for b, a, h, lk, rl, rh in zip(
                    below.ravel()[at],
                    above.ravel()[at],
                    hi_k,
                    lo_k,
                    r_lo.ravel()[at],
                    r_hi.ravel()[at],
                    strict=True,
                )
            ],
            dtype=bool,
        )
        flat = places.ravel()
        flat[at[clear]] = k
        places = flat.reshape(places.shape)
        done = open_.ravel().copy()
        done[at[clear]] = False
        open_ = done.reshape(open_.shape)
    places[open_] = 15
    return places


@_validate.positional
def check_headcount_change_statement(
    before: ArrayLike,
    after: ArrayLike,
    stated: ArrayLike,
    *,
    levels_decimals: int,
    stated_decimals: int,
) -> StatementCheck:
    r"""Check a stated change in the number of poor against the levels.

    The levels (e.g. 38.56 and 37.78 thousand) are rounded, so the true
    change is only known to lie in an interval; a stated change must have
    the sign and size the levels allow. A change stated more precisely than
    the rounded levels allow (e.g. "fell by 780 people" from levels rounded
    to tens) is reported too.

    This asks whether the stated change could be the true one; use
    :func:`check_level_change_statement` to ask whether it is the change
    of the published figures, as a reader computes it. The two can differ
    by one unit of the last decimal: 38.56 -> 37.78 "fell 0.77" holds here
    (a true fall of 0.772 rounds to it) but not there (the published
    figures differ by 0.78).

    Parameters
    ----------
    before, after : array_like
        Published numbers of poor, rounded to `levels_decimals`.
    stated : array_like
        The stated change, signed (negative for a fall), in the unit of the
        levels.
    levels_decimals : int
        Decimal places of the published levels.
    stated_decimals : int
        Decimal places of the stated change.

    Returns
    -------
    StatementCheck
        ``"holds"`` where the stated change lies in the range the levels
        allow (widened by the rounding of the stated figure itself).
        Figures: ``change`` (after - before of the published levels),
        ``change_lower``, ``change_upper`` (the open range of the true
        change) and ``overprecise`` (bool: the stated figure has more
        precision than the levels support).

    Raises
    ------
    TypeError
        If an input is not numeric or a decimals argument is not an int.
    ValueError
        If a level is negative or not rounded to `levels_decimals` (float
        noise from the caller's arithmetic, as in ``23854.56 / 1000``, is
        removed first), or `stated` is not rounded to `stated_decimals` or
        is 0 with negative `stated_decimals`.

    See Also
    --------
    povstat.rounding_interval : What a rounded figure stands for.

    Notes
    -----
    With levels :math:`a, b` rounded to :math:`d` decimals, each true level
    lies within :math:`h = 10^{-d}/2` of its figure and is never below 0,
    so the true change lies in :math:`(\max(b - h, 0) - (a + h),\;
    (b + h) - \max(a - h, 0))` [1]_: a published 0 stands for
    :math:`[0, h)`.

    References
    ----------
    .. [1] IEEE Std 754-2019, section 4.3.1, "roundTiesToAway".

    Examples
    --------
    Kota Malang, BPS: 38.56 thousand poor (2022), 37.78 thousand (2023).

    >>> from povstat.statements import check_headcount_change_statement
    >>> res = check_headcount_change_statement(38.56, 37.78, -0.78,
    ...     levels_decimals=2, stated_decimals=2)
    >>> print(res.verdict)
    holds
    >>> res = check_headcount_change_statement(38.56, 37.78, 0.78,
    ...     levels_decimals=2, stated_decimals=2)
    >>> print(res.verdict)
    does not hold
    """
    dl = _validate.decimals(
        levels_decimals, "levels_decimals", most=_validate.FIGURE_DECIMALS
    )
    ds = _validate.decimals(
        stated_decimals, "stated_decimals", most=_validate.FIGURE_DECIMALS
    )
    # Levels computed by the caller may carry float noise: snap them to their
    # stated decimals (refusing figures that are not rounded so).
    b = _snap_to(_validate.nonnegative(before, "before"), dl, "before")
    a = _snap_to(_validate.nonnegative(after, "after"), dl, "after")
    s = _stated_figure(stated, ds, signed=True, decimals_name="stated_decimals")
    shape = _validate.shape(before=b, after=a, stated=s)
    change = _level_difference(a, b, shape)  # exact, rounded once
    # Each level lies within half a unit of its last decimal, and never
    # below 0 (a published 0 is in [0, h)): the true change is above the
    # lowest `after` minus the highest `before`, and below the reverse.
    # In exact arithmetic: at the edges, where the stated figure's range
    # just touches the levels', float noise must not decide.
    zero = fractions.Fraction(0)
    h = _half(dl)
    bx, ax = _exact(b), _exact(a)
    low_x = np.broadcast_to(_fmax(ax - h, zero) - (bx + h), shape)
    up_x = np.broadcast_to((ax + h) - _fmax(bx - h, zero), shape)
    lower = np.where(np.isnan(change), np.nan, _floats(low_x))
    upper = np.where(np.isnan(change), np.nan, _floats(up_x))
    ss = np.broadcast_to(s, shape)
    sx = np.broadcast_to(_exact(s), shape)
    hs = _half(ds)
    ok = np.asarray(sx + hs > low_x) & np.asarray(sx - hs < up_x)
    overprecise = np.broadcast_to(np.asarray(ds > dl), shape)
    gaps = _Gaps(
        shape, (np.isnan(change), "a level is missing"), (np.isnan(ss), _NO_STATED)
    )
    missing = gaps.mask
    verdict = np.where(missing, UNDECIDED, np.where(ok, HOLDS, NOT_HOLDS))

    # The bounds with the levels' decimals, one more where a 0 cut them.
    exact = (round_half_up(lower, dl) == lower) & (round_half_up(upper, dl) == upper)
    db = np.where(exact, dl, dl + 1)

    def describe(i: tuple[int, ...]) -> str:
        text = (
            f"the levels give a change of {_signed(float(change[i]), dl)} "
            f"(true value between {_signed(float(lower[i]), db[i])} and "
            f"{_signed(float(upper[i]), db[i])}); stated "
            f"{_signed(float(ss[i]), ds)}"
        )
        # The true change lies strictly between the bounds: its sign is
        # open only when they straddle 0 (1.00 to 1.01 rose: (0, 0.02)).
        undecided = lower[i] < 0 < upper[i]
        if ok[i] and np.sign(ss[i]) != np.sign(change[i]) and undecided:
            text += " (the sign is not decided by the rounded levels)"
        if not ok[i] and change[i] != 0 and np.sign(ss[i]) != np.sign(change[i]):
            text += ": the stated direction is wrong"
        if overprecise[i]:
            text += "; the stated figure is more precise than the levels allow"
        return text

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, gaps, describe),
        figures={
            "change": change,
            "change_lower": lower,
            "change_upper": upper,
            "overprecise": overprecise,
        },
    )


LevelStatedAs = Literal["percent", "points", "units"]


def _decimals_of(*arrays: NDArray[np.float64]) -> int:
    """Decimals to show every value in `arrays` with, in a reason.

    The most any value shows, float noise aside (:func:`_figure_decimals`,
    up to 10: 0.37499999999999994 shows 3); 11 where a value is a computed
    one of more decimals, which :func:`_fmt` then shows as given.
    """
    d = _figure_decimals(np.concatenate([np.ravel(a) for a in arrays]))
    return _validate.FIGURE_DECIMALS + 1 if d is None else d


def _own_places(x: float) -> int:
    """Decimals of the shortest decimal of `x` (0.0001234 shows 7), 0 for NaN."""
    if not np.isfinite(x):
        return 0
    exponent = decimal.Decimal(repr(float(x))).as_tuple().exponent
    return max(0, -int(exponent))


class _Reading(NamedTuple):
    """How :func:`check_statements` reads a column of `data`.

    `decimals`: those the column was published with, in its own unit (None
    where every figure is a computed one, taken as given); `need`: per row
    of `data`, the decimals its figure needs (more than 10: a computed
    value, read as given); `stated`: the decimals were given (an argument,
    or a Decimal column's scale), not read from the figures.
    """

    col: str
    decimals: int | None
    need: NDArray[np.intp]
    stated: bool

    def pair_decimals(
        self, rows_before: NDArray[np.intp], rows_after: NDArray[np.intp], shift: int
    ) -> NDArray[np.intp] | None:
        """The decimals a pair of figures is read at, `shift` fewer (percent).

        The column's decimals, or more where a figure of the pair needs more
        (one appended with more decimals: read on its own); more than 10
        (:data:`_COMPUTED`) where one is a computed value (read as given).
        Called with the same rows twice: each figure's own decimals. None
        where the column has no decimals (every figure computed).
        """
        if self.decimals is None:
            return None
        most = _validate.FIGURE_DECIMALS
        own = np.maximum(self.need[rows_before], self.need[rows_after])
        d = np.maximum(self.decimals, own)
        return np.where(d > most, most + 1, d - shift).astype(np.intp)


def _read_column(
    data: pd.DataFrame, col: str, scales: Mapping[str, int], given: int | None
) -> _Reading:
    """The one rule by which :func:`check_statements` reads a column of figures.

    The rate column (rank and change statements) and the column of a level
    change alike: the decimals `given` (`rate_decimals`, `levels_decimals`)
    where given; else a Decimal column's scale (DECIMAL(5,2): 2); else the
    most decimals any figure needs among those needing at most 10 (float
    noise aside; a figure of a pandas column of ``Decimal`` objects needs
    the places it is written with). A figure needing more (one appended
    with more decimals, or a computed one, 100 * 3 / 7) is read on its
    own, at the decimals it needs or as given; decimals None where every
    figure is computed. :func:`_warn_reading` says where fewer than half
    of the figures need the decimals found and a verdict can depend on it.
    """
    column = data[col]
    values = _plumbing.pandas_floats(column)
    need = _needed_decimals(values)
    if column.dtype == object:  # Decimal objects: the places each is written with
        need = np.array(
            [
                max(0, -int(v.as_tuple().exponent))
                if isinstance(v, decimal.Decimal) and v.is_finite()
                else int(n)
                for v, n in zip(column.tolist(), need.tolist(), strict=True)
            ],
            dtype=np.intp,
        )
    most = _validate.FIGURE_DECIMALS
    figures = np.isfinite(values) & (need <= most)
    if column.dtype != object:
        # A computed value within float noise of a long figure (a pooled
        # 7.876104702999582 is no 7.876104703) is read as given, on its own.
        figures = figures & ~_unrounded_at(values, need, figures)
    need = np.where(np.isfinite(values) & ~figures, most + 1, need).astype(np.intp)
    if given is not None:
        # A float32 figure widened to float64 (13.65 as 13.649999618530273,
        # after concatenating a float32 column with a float64 one) needs
        # more than 10 decimals, but is a figure at the decimals given
        # (:func:`povstat.units.unrounded`): read at them, not as computed.
        long = np.isfinite(values) & (need > most)
        if long.any() and given >= 0:
            widened = long.copy()
            widened[long] = ~np.asarray(unrounded(values[long], given), bool)
            need = np.where(widened, given, need).astype(np.intp)
        return _Reading(col, given, need, True)
    if col in scales and column.dtype != object:  # one scale for every figure
        return _Reading(col, scales[col], np.full(need.shape, scales[col]), True)
    if not figures.any():
        return _Reading(col, None, need, False)
    return _Reading(col, int(need[figures].max()), need, False)


def _warn_reading(
    data: pd.DataFrame,
    reading: _Reading,
    *,
    arg: str,
    named: str,
    region: str,
    period: str,
    pairs: NDArray[np.intp],
    subjects: NDArray[np.intp],
    ranked: NDArray[np.intp],
    groups: NDArray[np.int64] | None = None,
) -> None:
    """Warn where the decimals a column is read at are in doubt and matter.

    Read from the figures (not stated), a column's decimals are the most
    its figures need; where fewer than half of them need those (one pooled
    7.876 appended to rates of 2 decimals, or three published rates of
    which two end in 0: 4.10, 7.20, 4.88), the figures cannot say which
    precision the others were published with. The warning is given only
    where reading the others at fewer decimals (the most they need) could
    change a verdict of the batch: `pairs` (rows of `data`, two per change
    or level change) of which both figures need fewer; `subjects` (rows of
    rank statements with a stated value) whose figure needs fewer; or a
    `ranked` row (of `data`: a rank statement's region, or its ``after``)
    whose order against another figure of its period and `by` group
    (`groups`: one code per row of `data`) is decided at the decimals
    found and open at the others' (a pooled 7.876 beside a published
    7.88: [7.8755, 7.8765) and [7.8795, 7.8805) at 3 decimals, but 7.88 at
    2 is [7.875, 7.885)). The order of two other regions never changes a
    region's rank, and regions of other groups are not ranked with it: no
    warning for them. `arg` is the argument that states them, a format
    string of the decimals ("rate_decimals={}"), `named` what the column
    is (" (argument `rate`)"); stating them silences the warning.
    """
    d = reading.decimals
    if reading.stated or d is None:
        return
    most = _validate.FIGURE_DECIMALS
    need = reading.need
    # The figures as the verdicts read them: 0.13649 * 100 is the figure
    # 13.649, not 13.649000000000001 (whose noise would cross the edge of
    # a rounding interval that 13.649's only touches).
    values = _figures_read(_plumbing.pandas_floats(data[reading.col]), need)
    figures = np.isfinite(values) & (need <= most)
    driving = figures & (need == d)
    others = figures & (need < d)
    if not others.any() or 2 * int(driving.sum()) >= int(figures.sum()):
        return
    # A change of two figures of which one needs fewer: read at the fewer,
    # its interval (and the change's range) would differ (8.00 -> 7.876).
    matters = (
        bool(others[pairs].reshape(-1, 2).any(axis=1).any()) if pairs.size else False
    )
    matters = matters or bool(others[subjects].any())
    # The decimals most figures need at most (the fewest that more than
    # half need no more than: BPS's 4.10 needs 1 beside 4.88's 2).
    n = int(figures.sum())
    common = next(k for k in range(d + 1) if 2 * int((figures & (need <= k)).sum()) > n)
    if not matters and ranked.size:
        matters = _order_in_doubt(
            values,
            need,
            d,
            common,
            ranked,
            np.zeros(len(values), np.int64) if groups is None else groups,
        )
    if not matters:
        return
    # The figures needing more than most, named in the order of their
    # labels (region, then period), whatever the order of the rows of `data`.
    beyond = np.array(
        sorted(
            np.flatnonzero(figures & (need > common)).tolist(),
            key=lambda i: (
                _key_text(data[region].iloc[i]),
                _order_key(data[period].iloc[i]),
            ),
        ),
        dtype=np.intp,
    )
    shown = ", ".join(
        f"{_show_key(data[region].iloc[i])} at {_show_key(data[period].iloc[i])}"
        f" ({_fmt(float(values[i]), int(need[i]))})"
        for i in beyond[:5].tolist()
    ) + (f" and {beyond.size - 5} more" if beyond.size > 5 else "")
    m = int(beyond.size)
    warnings.warn(
        f"`data` column {reading.col!r}{named} is read at {_places(d)}, the most "
        f"its figures need, but {n - m} of its {n} figures need {common} at "
        f"most and only {m} {'needs' if m == 1 else 'need'} more: {shown}; some "
        "verdicts depend on which it was. State the decimals the column was "
        f"published with: `{arg.format(d)}` if {d} (the verdicts stay), "
        f"`{arg.format(common)}` if most figures were published with {common} "
        "(a figure needing more is then read on its own)",
        UserWarning,
        stacklevel=3,
    )


def _figures_read(
    values: NDArray[np.float64], need: NDArray[np.intp]
) -> NDArray[np.float64]:
    """Each of `values` as the figure it is read as, float noise removed.

    A figure at `need`, the decimals it needs or is read at (at most 10,
    :func:`_read_column`), rounded half up; a computed value (`need` past
    10) snapped at 10; as :class:`_RankTable` reads them for the verdicts:
    ``0.13649 * 100`` (13.649000000000001) is the figure 13.649.
    """
    values = np.asarray(values, np.float64)
    figures = np.isfinite(values) & (need <= _validate.FIGURE_DECIMALS)
    return np.where(figures, _rounded_at(values, need, figures), _snap(values))


def _order_in_doubt(
    values: NDArray[np.float64],
    need: NDArray[np.intp],
    d: int,
    common: int,
    ranked: NDArray[np.intp],
    groups: NDArray[np.int64],
) -> bool:
    """Whether a `ranked` row's order in its group depends on the reading.

    Read at `d` decimals, every figure stands for half a unit of the `d`-th
    decimal either side; read at `common` (the others' decimals, a figure
    needing more on its own), each figure for half a unit of
    ``max(need, common)``; a computed one (needing more than 10) for
    itself either way. A rank statement's verdict depends on the reading
    where its region's (or ``after``'s) interval meets that of another
    figure of its period and `by` group (`groups`) at the one reading and
    not at the other. Exact, in fractions, for the few figures near it.
    `values` are the figures as the verdicts read them
    (:func:`_figures_read`): equal ones are ties, never an open order.
    """
    most = _validate.FIGURE_DECIMALS
    known = np.isfinite(values)
    computed = need > most
    alt = np.where(need <= common, common, need)
    half_a = np.where(computed, 0.0, 0.5 * 10.0 ** -np.minimum(alt, most).astype(float))

    for q in np.unique(ranked[ranked >= 0]).tolist():
        if not known[q]:
            continue
        rows = np.flatnonzero((groups == groups[q]) & known & (values != values[q]))
        # Floats pick the few near it (generously); fractions decide.
        near = rows[
            np.abs(values[rows] - values[q]) <= (half_a[rows] + half_a[q]) * 1.01
        ]
        x = _as_fraction(float(values[q]))
        for z in near.tolist():
            gap = abs(_as_fraction(float(values[z])) - x)
            d_z = _half(d if need[z] <= most else _COMPUTED)
            d_q = _half(d if need[q] <= most else _COMPUTED)
            a_z, a_q = _half(int(alt[z])), _half(int(alt[q]))
            if gap < a_z + a_q and not gap < d_z + d_q:
                return True
    return False


def _intervals_meet(
    before: NDArray[np.float64],
    after: NDArray[np.float64],
    reading: _Reading,
    rows_before: NDArray[np.intp],
    rows_after: NDArray[np.intp],
    shift: int,
) -> NDArray[np.bool_]:
    """Whether two different figures' rounding intervals meet.

    Each figure within half a unit of the decimals `reading` gives it
    (`shift` fewer: a fraction's rates in percent), a computed one for
    itself: a published 8.10 ([8.095, 8.105)) and an appended 8.098
    ([8.0975, 8.0985)) meet, so the true change may go either way. Equal
    figures, and figures of one column read at one precision, never meet.
    """
    dec_b = reading.pair_decimals(rows_before, rows_before, shift)
    dec_a = reading.pair_decimals(rows_after, rows_after, shift)
    if dec_b is None or dec_a is None:
        return np.zeros(np.shape(before), bool)
    # Each figure as read, float noise removed (4.109999999999999 is the
    # figure 4.11, whose interval only touches 4.10's): at its decimals, a
    # computed one snapped at 10.
    b, a = (
        _figures_read(np.asarray(x, np.float64), np.asarray(dec, np.intp))
        for x, dec in ((before, dec_b), (after, dec_a))
    )
    known = np.isfinite(b) & np.isfinite(a) & (b != a)
    gap = np.abs(_exact(np.where(known, a, 0.0)) - _exact(np.where(known, b, 0.0)))
    room = _halves(dec_b) + _halves(dec_a)
    meet: NDArray[np.bool_] = known & np.asarray(gap < room, dtype=bool)
    return meet


def _needed_decimals(values: NDArray[np.float64]) -> NDArray[np.intp]:
    """The decimals each of `values` needs (0-10; 11 for a computed one).

    Float noise aside, as :func:`povstat.units.figure_decimals` reads a
    column, one value at a time; a missing value needs 0.
    """
    most = _validate.FIGURE_DECIMALS
    v = _snap(np.asarray(values, np.float64))
    need = np.full(v.shape, most + 1, np.intp)
    for d in range(most, -1, -1):  # fewest decimals that show it exactly
        need = np.where(np.asarray(round_half_up(v, d) == v), d, need)
    return np.where(np.isfinite(v), need, 0)


def _other_unit(change: float, stated: float, d: int) -> str:
    """A hint when `stated` is `change` in a unit 10**3 or 10**6 apart."""
    for power in (3, -3, 6, -6):
        # The decimal the change stands for, times 10**power exactly (as
        # trace_figure reads a misread figure).
        scaled = _times_power_of_ten(np.asarray(change), np.asarray(power))
        if stated != 0 and float(round_half_up(scaled, d)) == stated:
            times = f"{10 ** abs(power):,}"
            if power > 0:  # stated in a smaller unit: persons for thousands
                return (
                    f" (it is {times} times the change: is it in a unit {times} "
                    "times smaller, such as persons next to figures in "
                    "thousands?)"
                )
            return (
                f" (it is the change divided by {times}: is it in a unit "
                f"{times} times larger, such as thousands next to figures in "
                "persons?)"
            )
    return ""


#: Why a level change in "points" right in the figure's own units cannot be told.
_INDEX_POINTS = (
    "is the change in the figure's own units; a number of poor or a poverty "
    "line has no points, but an index such as P1 or P2 counts its units as "
    "points: if this figure is one, state the change as 'units'"
)


@_validate.positional
def check_level_change_statement(
    before: ArrayLike,
    after: ArrayLike,
    stated: ArrayLike,
    *,
    direction: Direction,
    stated_as: LevelStatedAs,
    decimals: int,
    years: ArrayLike | None = None,
    rate_before: ArrayLike | None = None,
    rate_after: ArrayLike | None = None,
    unit: Unit | None = None,
    levels_decimals: ArrayLike | None = None,
    before_decimals: ArrayLike | None = None,
    after_decimals: ArrayLike | None = None,
) -> StatementCheck:
    r"""Check a stated change of a number of poor or a poverty line.

    A number of poor or a poverty line changes by an amount in its own unit
    and by a relative change in percent; it has no percentage points (those
    belong to rates). "The number of poor fell 0.23 percent" is checked as a
    relative change; the same stated "in percentage points" is the wrong
    unit word and does not hold. With `years`, the stated figure is an
    average per year over that elapsed time. When the rates of the same
    region and periods are given, a stated figure that is really the change
    of the rate is named as such.

    Parameters
    ----------
    before, after : array_like
        The published figures at the two periods (>= 0; e.g. thousands of
        poor, or rupiah); broadcast together with `stated`.
    stated : array_like
        The size of the change as stated (>= 0, e.g. 0.23), in the
        statement's own rounding.
    direction : {"fall", "rise"}
        The direction the statement gives.
    stated_as : {"percent", "points", "units"}
        The statement's unit: ``"percent"`` (a relative change),
        ``"points"`` ("percentage points", always wrong for a level) or
        ``"units"`` (an amount in the unit of `before` and `after`).
    decimals : int
        Decimal places of `stated`.
    years : array_like, optional
        Elapsed time in years (> 0; see :func:`povstat.decimal_year`) when
        the statement gives an average per year. A relative change per year
        matches either reading of "average": the compound yearly change or
        the total relative change divided by `years`; the figures say which.
        With `levels_decimals`, the range the levels' rounding leaves is
        that of each reading, and a stated figure meeting either is
        "cannot tell".
        NaN (missing) gives ``"cannot tell"``, like a missing figure.
    rate_before, rate_after : array_like, optional
        The rates of the same region and periods, in `unit`, to trace a
        stated figure that is the change of the rate instead.
    unit : {"fraction", "percent"}, optional
        Scale of `rate_before` and `rate_after`; required with them. Their
        change in points is always in percentage points (for fractions
        :math:`100 (r_1 - r_0)`).
    levels_decimals : array_like of int, optional
        Decimal places `before` and `after` were published with (negative
        for tens, ...), broadcast with them; a size in units stated with
        more decimals, and a relative change (percent) the levels as given
        do not round to, are judged against the range their rounding leaves
        (the relative change's over both levels' intervals, exactly, as in
        :func:`check_change_statement`; an earlier level published as 0
        leaves it unbounded: cannot tell). None: judged by rounding the
        change to `decimals` (a float's trailing zero cannot be seen, so the
        decimals are never guessed). The reason writes the levels at these
        decimals.
    before_decimals, after_decimals : array_like of int, optional
        Decimal places of `before` alone and of `after` alone, where the
        two figures were published with different decimals (299.49 beside
        a count appended with 3): each level is then read within its own
        rounding interval, as :func:`check_statements` reads a column; a
        side not given takes `levels_decimals`. A level whose decimals are
        given neither way, beside one whose are, is read as given: a
        computed count stands for itself, so 299.49 (``before_decimals=2``)
        to a computed 296.2449871 is a fall in [3.2400129, 3.2500129), which
        "3.24" meets: cannot tell; a line published to the nearest 100 as
        528,700 ([528,650, 528,750)) to a computed 551,234.5 is a rise in
        (22,484.5, 22,584.5], closed at its top, which rounds to 22,585.
        Where the two intervals meet (725.14 to 725.1: a change in (-0.095,
        +0.015)), the levels do not give the direction: a size in units or
        percent stated either way is "cannot tell" where a change that way
        of that size is within the range, else "does not hold"; never
        "holds".
        Same rules and refusals as `levels_decimals`.

    Returns
    -------
    StatementCheck
        ``"holds"`` where the direction is right and the stated figure equals
        the change in the statement's unit, rounded half up to `decimals`;
        ``"cannot tell"`` where a figure is missing, or where the size is
        right with the other unit word (1.39 "units" for a 1.39 % fall, or
        2.38 "percent" for a fall of 2.38: which was meant cannot be told,
        as for a rate's points and percent), or where a size in units has
        more decimals than the levels show and fits the range their rounding
        leaves (2.381 for 171.24 -> 168.86: the true fall lies in (2.37,
        2.39)), or where, with `levels_decimals`, a relative change fits the
        range of the relative change their rounding leaves (1.38 % for
        171.24 -> 168.86: the true fall lies in (1.384 %, 1.396 %)) without
        being the rounding of the change they give; ``"does not hold"``
        otherwise
        (with `years`, a size that is the whole change, not a year's, is
        named so). Figures: ``change`` (after - before), ``relative_pct``,
        ``per_year`` (the change in units per year; NaN without `years`),
        ``relative_per_year_pct`` (total relative / years),
        ``compound_per_year_pct``, ``rate_points`` and ``rate_relative_pct``
        (NaN without rates), and ``meaning``: what the stated figure
        matches, one of ``"relative"``, ``"average per year"``, ``"compound
        per year"``, ``"units"``, ``"rate points"``, ``"rate relative"`` or
        ``"neither"``; ``index_points`` (bool): stated in "points" with the
        size right in the figure's own units, which is right only for an
        index such as P1 or P2 ("cannot tell" here). A range the reason
        gives is shown as :func:`check_change_statement` shows one (the
        fall's or rise's, else the signed change; exact ends where they are
        decimals).

    Raises
    ------
    TypeError
        If an input is not numeric or `decimals` is not an int.
    ValueError
        If `direction`, `stated_as` or `unit` is unknown, a figure is
        negative, `stated` is not rounded to `decimals` (or is 0 with
        negative `decimals`), `years` is not > 0, rates are given without
        `unit` (or only one of them), the shapes do not broadcast, or
        `levels_decimals` holds a missing value (masked, NaN, None: never
        read as its hidden value).

    See Also
    --------
    check_change_statement : The same for a rate.
    check_headcount_change_statement : A stated amount against rounded levels.
    povstat.wording.describe_level_change : The sentence that says it right.

    Notes
    -----
    The relative change is :math:`100 (x_1 - x_0) / x_0`; over :math:`t`
    years its compound yearly rate is :math:`100[(x_1/x_0)^{1/t} - 1]`
    [1]_. A stated :math:`X` at :math:`d` decimals matches a computed
    :math:`c` when :math:`\operatorname{round}_d(|c|) = X`, half up. A
    stated 0 with a direction ("fell 0 percent") is a direction without a
    size: where the change has that direction and rounds to 0, the verdict
    is ``"cannot tell"``, never ``"holds"``. The levels are published
    figures: :math:`x_1 - x_0` is the float nearest to the exact difference
    of the decimals they stand for (each the decimal of at most 15
    significant digits it is nearest to, as :func:`~povstat.round_half_up`
    reads a figure; a level with more digits is taken as its binary value),
    and the relative change is rounded once from it.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Percentage point"
       and "Compound annual growth rate".

    Examples
    --------
    Kabupaten Tuban, BPS March 2024 and 2025: 171.24 and 168.86 thousand
    poor, rates 14.36 % and 14.13 %. "The number of poor fell 0.23 percent":

    >>> from povstat.statements import check_level_change_statement
    >>> res = check_level_change_statement(171.24, 168.86, 0.23,
    ...     direction="fall", stated_as="percent", decimals=2,
    ...     rate_before=14.36, rate_after=14.13, unit="percent")
    >>> print(res.verdict)
    does not hold
    >>> print(res.reason)  # doctest: +NORMALIZE_WHITESPACE
    fell 2.38, from 171.24 to 168.86 (a 1.39 % relative fall): 0.23 is the
    change of the rate in percentage points (14.36 % -> 14.13 %), not the
    relative change of this figure
    """
    levels, earlier, computed, names = _each_side(
        levels_decimals, before_decimals, after_decimals
    )
    return _level_change_check(
        before,
        after,
        stated,
        direction=direction,
        stated_as=stated_as,
        decimals=decimals,
        years=years,
        rate_before=rate_before,
        rate_after=rate_after,
        unit=unit,
        levels_decimals=levels,
        before_decimals=earlier,
        computed=computed,
        names=names,
    )


def _level_change_check(
    before: ArrayLike,
    after: ArrayLike,
    stated: ArrayLike,
    *,
    direction: Direction,
    stated_as: LevelStatedAs,
    decimals: int,
    years: ArrayLike | None = None,
    rate_before: ArrayLike | None = None,
    rate_after: ArrayLike | None = None,
    unit: Unit | None = None,
    levels_decimals: ArrayLike | None = None,
    before_decimals: ArrayLike | None = None,
    computed: bool = False,
    names: tuple[str, str] = ("before_decimals", "levels_decimals"),
) -> StatementCheck:
    """The body of :func:`check_level_change_statement`.

    `before_decimals`: those of the earlier levels where they differ from
    the later ones' (`levels_decimals`): each level is then read within
    its own rounding interval. `computed`, `names`: as for
    :func:`_change_check`.
    """
    dirn = _direction(direction)
    said = _validate.choice(stated_as, "stated_as", ("percent", "points", "units"))
    d = _validate.decimals(decimals, most=_validate.FIGURE_DECIMALS)
    b = _validate.nonnegative(before, "before")
    a = _validate.nonnegative(after, "after")
    x = _stated_figure(stated, d)
    t = np.full((), np.nan) if years is None else _validate.positive(years, "years")
    if (rate_before is None) != (rate_after is None):
        msg = "`rate_before` and `rate_after` must be given together"
        raise ValueError(msg)
    if rate_before is not None and unit is None:
        msg = "`unit` is required with `rate_before` and `rate_after`"
        raise ValueError(msg)
    if rate_before is not None and rate_after is not None and unit is not None:
        u = _validate.unit(unit)
        _validate.rate(rate_before, "rate_before", u)
        _validate.rate(rate_after, "rate_after", u)
        # The rate's points are percentage points, whatever `unit`.
        rb = _in_percent(rate_before, u)
        ra = _in_percent(rate_after, u)
    else:
        rb = ra = np.full((), np.nan)
    given, earlier = _given_decimals(
        levels_decimals, before_decimals, computed=computed
    )
    # Every argument's shape checked before any is combined, so that a
    # clash names the caller's arguments (not rate_change's own).
    shape = _validate.shape(
        before=b,
        after=a,
        stated=x,
        **({} if years is None else {"years": t}),
        **({} if rate_before is None else {"rate_before": rb, "rate_after": ra}),
        **_decimals_shapes(names, given, earlier),
    )
    rr = rate_change(rb, ra, unit="percent").relative
    # The exact decimal difference of the published levels, rounded once.
    change = _level_difference(a, b, shape)
    relative = np.broadcast_to(_snap(relative_change(b, a)), shape)
    tb = np.broadcast_to(t, shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_year = _snap(change / tb)
        rel_per_year = _snap(relative / tb)
        # Relative and compound changes are scale-free: put both levels on a
        # 0-1 scale to reuse the one compound formula (annualized_change).
        top = np.broadcast_to(np.fmax(np.fmax(a, b), 1e-300), shape)
        compound = _snap(
            annualized_change(
                np.broadcast_to(b, shape) / top,
                np.broadcast_to(a, shape) / top,
                years=np.where(np.isnan(tb), 1.0, tb),
                unit="fraction",
            ).compound_per_year
        )
    compound = np.where(np.isnan(tb), np.nan, compound)
    rate_points = _level_difference(ra, rb, shape)
    rate_rel = np.broadcast_to(_snap(rr), shape)
    xs = np.broadcast_to(x, shape)

    def matches(v: NDArray[np.float64]) -> NDArray[np.bool_]:
        return np.asarray(round_half_up(np.abs(v), d) == xs)

    per_year_given = years is not None
    m_rel = matches(relative) & (not per_year_given)
    m_avg = matches(rel_per_year)
    m_cagr = matches(compound)
    m_units = matches(per_year if per_year_given else change)
    m_rate_points = matches(rate_points)
    m_rate_rel = matches(rate_rel)
    labels = np.array(
        [
            "relative",
            "average per year",
            "compound per year",
            "units",
            "rate points",
            "rate relative",
            "neither",
        ]
    )
    conds = [m_rel, m_avg, m_cagr, m_units, m_rate_points, m_rate_rel]
    first = np.argmax(np.stack([*conds, np.ones(shape, dtype=bool)]), axis=0)
    # The stated unit's own reading first where it matches (a fall of 1.00
    # from 100 is 1.00 in units and 1.00 %).
    meaning = np.where(m_units & (said in ("units", "points")), "units", labels[first])
    sign_ok = change < 0 if dirn == "fall" else change > 0
    if said == "percent":
        m_said = m_rel | m_avg | m_cagr
    elif said == "units":
        m_said = m_units
    else:
        m_said = np.zeros(shape, dtype=bool)
    gaps = _Gaps(
        shape,
        (np.isnan(change), "a level is missing"),
        (np.isnan(xs), _NO_STATED),
        # Missing elapsed years: the per-year size is unknown.
        (np.isnan(tb) & per_year_given, "the elapsed years are missing"),
    )
    missing = gaps.mask
    # "Fell 0 percent": a direction with no size, never "holds" (equal
    # published figures, a change of exactly 0, may hide one either way).
    zero_said = (xs == 0) & (sign_ok | (change == 0)) & m_said
    # "P1 fell 0.04 points": an index such as P1 or P2 counts its own units
    # as points; the size is right in the figure's unit, the word is not a
    # count's or a line's: cannot tell which the figure is.
    index_points = (said == "points") & sign_ok & m_units & ~zero_said
    # A right size with the wrong unit word ("fell 1.39" for a 1.39 % fall,
    # "fell 2.38 percent" for a fall of 2.38): cannot tell which was meant,
    # as for a rate's points and percent.
    m_percent = m_rel | m_avg | m_cagr
    slip = (
        sign_ok
        & ~m_said
        & ~zero_said
        & (((said == "units") & m_percent) | ((said == "percent") & m_units))
    )
    # With `years`: the stated size is the whole change, not a year's.
    m_total = (matches(change) | matches(relative)) & per_year_given
    # A size in units with more decimals than the levels show (2.381 for
    # 171.24 -> 168.86): the levels do not fix it; where it fits the range
    # their rounding leaves, cannot tell.
    # Only with `levels_decimals`: a trailing zero cannot be seen (171.20
    # shows 1 decimal), so the levels' decimals are never guessed.
    if given is None:
        level_d = np.zeros(shape, np.intp)
    else:
        level_d = np.broadcast_to(given, shape)
    # Levels of different decimals (one appended with more): each within
    # its own rounding interval; the change is fixed to no more decimals
    # than the coarser has.
    earlier_d = level_d if earlier is None else np.broadcast_to(earlier, shape)
    sides: _LevelDecimals = level_d if before_decimals is None else (earlier_d, level_d)
    if given is not None:
        _refuse_unrounded_levels(b, a, sides, shape, names)
    coarse_d = np.minimum(earlier_d, level_d)
    # Levels of different decimals (or a computed one): a size stated at
    # the coarser's decimals that their difference does not round to is
    # judged against the range too ("fell 3.24" for 299.49 -> 296.2449871,
    # a fall in (3.2400, 3.2500): cannot tell).
    over = np.broadcast_to(d > coarse_d, shape)
    mixed = np.broadcast_to(earlier_d != level_d, shape) & ~m_units
    fine = (over | mixed) & (said == "units") & (levels_decimals is not None)
    # Each end of a range is attained where the figures' intervals reach
    # it (a computed level stands for itself): _attained. Ranges are
    # worked out only with the levels' decimals.
    level_ends = (
        None
        if given is None
        else _attained(
            np.broadcast_to(b, shape), np.broadcast_to(a, shape), sides, None
        )
    )
    if fine.any():
        low_x, high_x = _change_range(
            np.broadcast_to(b, shape), np.broadcast_to(a, shape), sides, None
        )
        if per_year_given:  # units a year: the range over the years
            low_x, high_x = _per_year(low_x, high_x, t, shape)
        fine = fine & _overprecise_possible(low_x, high_x, xs, d, dirn, level_ends)
    # Matching the change of the published levels does not confirm a size
    # stated more precisely either (2.380 for 171.24 -> 168.86: cannot tell).
    fine = fine & ~zero_said
    # A relative change (percent) is never fixed by rounded levels: with
    # `levels_decimals`, one the computed change does not round to is
    # judged against the range of 100 (a / b - 1) over the levels'
    # rounding intervals, as a size in units is; an earlier level
    # published as 0 leaves it unbounded: cannot tell.
    rel_fine = np.zeros(shape, dtype=bool)
    rel_open = np.zeros(shape, dtype=bool)
    if said == "percent" and levels_decimals is not None:
        low_r, high_r, rel_open = _relative_range(
            np.broadcast_to(b, shape), np.broadcast_to(a, shape), sides, None
        )
        rel_open = np.broadcast_to(rel_open, shape)
        fits_c = np.zeros(shape, dtype=bool)
        if per_year_given:
            # "A year" is either reading that holds (compound or simple
            # average): the range the levels' rounding leaves is each one's.
            low_c, high_c = _compound_per_year(low_r, high_r, t, shape)
            fits_c = _overprecise_possible(low_c, high_c, xs, d, dirn)
            low_r, high_r = _per_year(low_r, high_r, t, shape)
        rel_fine = (
            (
                rel_open
                | fits_c
                | _overprecise_possible(low_r, high_r, xs, d, dirn, level_ends)
            )
            & ~m_said
            & ~zero_said
            & ~slip
        )
    # Levels of different decimals whose intervals meet (10.00 and 10.004):
    # the true change may go either way; a change stated either way is
    # judged by its size alone (in units or percent), as for rates
    # (_open_direction): never "holds".
    open_dir = np.zeros(shape, dtype=bool)
    open_fits = np.zeros(shape, dtype=bool)
    if given is not None and said in ("units", "percent"):
        open_dir, open_fits, low_0, high_0 = _open_direction(
            np.broadcast_to(b, shape),
            np.broadcast_to(a, shape),
            sides,
            None,
            change,
            xs,
            d,
            dirn,
            relative=said == "percent",
            years=tb if per_year_given else None,
        )
    verdict = np.where(
        missing
        | zero_said
        | index_points
        | slip
        | fine
        | rel_fine
        | open_fits
        # The change as given is one the figures allow, not one they fix.
        | (open_dir & sign_ok & m_said),
        UNDECIDED,
        np.where(sign_ok & m_said & ~open_dir, HOLDS, NOT_HOLDS),
    )
    bb = np.broadcast_to(b, shape)
    ab = np.broadcast_to(a, shape)
    rbb = np.broadcast_to(rb, shape)
    rab = np.broadcast_to(ra, shape)
    rate_sign = " %"
    op_year, op_rel, op_comp, op_unbounded = _open_year_ranges(
        bb, ab, sides, None, open_dir, low_0 if open_dir.any() else None,
        high_0 if open_dir.any() else None, years=t if per_year_given else None,
        relative=said == "percent", shape=shape,
    )  # fmt: skip
    # A size judged against the range the levels' rounding leaves, and
    # outside it: equal levels (a change of 0 at their decimals), which
    # leave the direction open, or a size in units with more decimals than
    # the levels. The reason gives the range (as where the levels'
    # intervals meet), never a figure the rounding does not fix.
    out_of_range = (
        ~missing
        & ~zero_said
        & ~fine
        & ~rel_fine
        & ~open_dir
        & ~m_said
        & (levels_decimals is not None)
        & (
            ((change == 0) & ~sign_ok & (said in ("units", "percent")))
            | (sign_ok & (over | mixed) & (said == "units"))
        )
    )
    out_comp: tuple[NDArray[np.object_], NDArray[np.object_]] | None = None
    if out_of_range.any():
        if said == "units":
            out_lo, out_hi = _change_range(bb, ab, sides, None)
            out_open = np.zeros(shape, dtype=bool)
            if per_year_given:
                out_lo, out_hi = _per_year(out_lo, out_hi, t, shape)
        else:
            out_lo, out_hi, out_open = _relative_range(bb, ab, sides, None)
            out_comp = (
                _compound_per_year(out_lo, out_hi, t, shape) if per_year_given else None
            )
            if per_year_given:
                out_lo, out_hi = _per_year(out_lo, out_hi, t, shape)
        out_of_range = out_of_range & ~np.broadcast_to(out_open, shape)

    def level_places_text(i: tuple[int, ...]) -> str:
        """The levels' decimals in a reason: "2 decimals", "2 and 3 decimals"."""
        return _pair_places(int(earlier_d[i]), int(level_d[i]))

    def describe(i: tuple[int, ...]) -> str:
        # The decimals of this row's levels: a reason never depends on the
        # other rows checked with it.
        # The levels at their own decimals (`levels_decimals`, else those
        # they show), the change at theirs or, stated in units, at the
        # stated figure's where it has more.
        level_places = (
            min(_decimals_of(bb[i], ab[i]), _validate.FIGURE_DECIMALS)
            if given is None
            else int(max(level_d[i], earlier_d[i]))
        )
        if given is not None and earlier_d[i] != level_d[i]:
            # Beside a more precise level (appended, or computed): the change
            # is fixed to no more than the coarser's decimals, and written
            # at them, per year too.
            level_places = int(coarse_d[i])
        shown = max(level_places, d) if said == "units" else level_places
        rate_d = max(2, _decimals_of(rbb[i], rab[i]))
        core = (
            _full_sentence(float(bb[i]), float(ab[i]), float(relative[i]), "", "")
            if _beyond_ten_decimals(float(bb[i]), float(ab[i]))
            else str(
                describe_level_change(
                    float(bb[i]),
                    float(ab[i]),
                    locale="en",
                    decimals=level_places,
                    change_decimals=shown,
                )
            )
        )
        if given is not None and earlier_d[i] != level_d[i]:
            # Each level at its own decimals: 21.10 (2) beside 19.848 (3).
            core = _own_levels(
                core,
                (float(bb[i]), float(ab[i])),
                (int(earlier_d[i]), int(level_d[i])),
                "",
            )
        if per_year_given:
            py, ry, cy = float(per_year[i]), float(rel_per_year[i]), float(compound[i])
            core += (
                f"; over {_fmt(float(tb[i]), 2)} years that is "
                f"{_signed(py, _change_decimals(py, max(shown, d)))} a year, "
                f"{_signed(ry, _change_decimals(ry, 2))} % a year on average or "
                f"{_signed(cy, _change_decimals(cy, 2))} % a year compound"
            )
        stated_text = _fmt(float(xs[i]), d)
        a_year = " a year" if per_year_given else ""
        problems = []
        # Levels whose intervals meet leave the direction open, whichever
        # the statement gives: said first where it gives the other one,
        # else after what the size matched.
        open_span = (
            _open_span(
                i,
                (low_0, high_0),
                (op_year, op_rel, op_comp, op_unbounded),
                d=d,
                unit="",
            )
            if open_dir[i]
            else ""
        )
        open_text = (
            f"the levels ({level_places_text(i)}) do not tell whether it "
            "fell or rose: "
            + (
                open_span
                if open_fits[i]
                else _no_size_left(
                    open_span,
                    stated_text,
                    dirn,
                    " %" if said == "percent" else "",
                    a_year,
                )
            )
            if open_dir[i]
            else ""
        )
        open_other = bool(open_dir[i] and not sign_ok[i])
        if open_other:
            problems.append(open_text)
        elif out_of_range[i]:
            span, _ = (
                _true_range(out_lo[i], out_hi[i], dirn, d, a_year=a_year, stated=d)
                if said == "units"
                else _relative_span(
                    (out_lo[i], out_hi[i]),
                    None if out_comp is None else (out_comp[0][i], out_comp[1][i]),
                    dirn,
                    d,
                    a_year,
                    d,
                )
            )
            unit = "" if said == "units" else " %"
            problems.append(_no_size_left(span, stated_text, dirn, unit, a_year))
        elif not sign_ok[i] and not zero_said[i] and not (fine[i] or rel_fine[i]):
            problems.append(f"the statement says it {_PAST[dirn]}")
        if said == "points" and index_points[i]:
            problems.append(f"{stated_text} {_INDEX_POINTS}")
        elif said == "points":
            problems.append(
                "a number of poor or a poverty line has no percentage points "
                "(they are the unit of a change of a rate; an index such as P1 "
                "or P2 states its change as 'units')"
            )
        if zero_said[i]:
            problems.append(
                f"a change stated as {stated_text} with '{dirn}' gives a "
                f"direction without a size; the change rounds to 0 at "
                f"{_places(d)}, so the figures cannot tell it from no change"
            )
        elif (
            (m_said[i] and not fine[i])
            or index_points[i]
            or open_other
            or out_of_range[i]
        ):
            pass
        elif rel_fine[i] and rel_open[i]:
            problems.append(
                f"{stated_text} % cannot be checked: the earlier level, "
                f"published as {_fmt(float(bb[i]), int(earlier_d[i]))} "
                f"({_places(int(earlier_d[i]))}), may be as small as 0, so the "
                "relative change the levels' rounding leaves has no bound"
            )
        elif rel_fine[i]:
            problems.append(
                _relative_fit_reason(
                    stated_text,
                    f"the levels ({level_places_text(i)})",
                    d,
                    int(coarse_d[i]),
                    (low_r[i], high_r[i]),
                    (low_c[i], high_c[i]) if per_year_given else None,
                    direction=dirn,
                    a_year=a_year,
                )
            )
        elif fine[i]:
            problems.append(
                _change_fit_reason(
                    stated_text,
                    f"the levels ({level_places_text(i)})",
                    d,
                    int(coarse_d[i]),
                    (low_x[i], high_x[i]),
                    direction=dirn,
                    a_year=a_year,
                    unit="",
                )
            )
        elif slip[i]:
            problems.append(
                f"{stated_text} is the relative change in percent, not a change "
                "in the figure's units"
                if said == "units"
                else f"{stated_text} is the change in the figure's units, not in "
                "percent"
            )
        elif m_total[i]:
            problems.append(
                f"{stated_text} is the change over the whole "
                f"{_fmt(float(tb[i]), 2)} years, not a year's"
            )
        elif m_rate_points[i]:
            problems.append(
                f"{stated_text} is the change of the rate in percentage points "
                f"({_fmt(float(rbb[i]), rate_d)}{rate_sign} -> "
                f"{_fmt(float(rab[i]), rate_d)}{rate_sign}), not the "
                + ("change" if said == "units" else "relative change")
                + " of this figure"
            )
        elif m_rate_rel[i]:
            problems.append(
                f"{stated_text} is the relative change of the rate "
                f"({_fmt(float(rbb[i]), rate_d)}{rate_sign} -> "
                f"{_fmt(float(rab[i]), rate_d)}{rate_sign}), not of this figure"
            )
        elif said == "points" and (m_rel[i] or m_avg[i] or m_cagr[i]):
            problems.append(f"{stated_text} is right as a relative change in percent")
        elif said != "units":
            # The stated size has no sign (the direction is said in words).
            target = abs(float(rel_per_year[i] if per_year_given else relative[i]))
            if np.isnan(target):
                problems.append(
                    f"a change from {_fmt(float(bb[i]), level_places)} has no relative "
                    f"size, so it is not {stated_text} %"
                )
            else:
                problems.append(
                    f"{stated_text} is not {_fmt(target, d)} % at {_places(d)} "
                    f"({_fmt(target, d + 2)} unrounded)"
                )
        else:
            target = abs(float(per_year[i] if per_year_given else change[i]))
            exact = _fmt(target, _change_decimals(target, max(shown, d)))
            rounded = _fmt(target, d)
            problems.append(
                f"{stated_text} is not {rounded} at {_places(d)}"
                + (f" ({exact} unrounded)" if exact != rounded else "")
                + _other_unit(target, float(xs[i]), d)
            )
        if open_dir[i] and sign_ok[i] and not (zero_said[i] or fine[i]):
            # The range of a size in units above already spans both ways.
            problems.append(open_text)
        return core + (": " + "; ".join(problems) if problems else "")

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, gaps, describe),
        figures={
            "change": change,
            "relative_pct": relative,
            "per_year": per_year,
            "relative_per_year_pct": rel_per_year,
            "compound_per_year_pct": compound,
            "rate_points": rate_points,
            "rate_relative_pct": rate_rel,
            "meaning": meaning,
            "index_points": np.asarray(index_points),
        },
    )


@_validate.positional
def check_direction_statement(
    rate_before: ArrayLike,
    rate_after: ArrayLike,
    poor_before: ArrayLike | None = None,
    poor_after: ArrayLike | None = None,
    *,
    direction: Direction,
    unit: Unit,
) -> StatementCheck:
    """Check "poverty fell" (or rose) against the rate and, if given, the count.

    "Poverty fell" can mean that the rate fell or that the number of poor
    fell; when population grows, one can fall while the other rises. The
    verdict says what each did. Where no number of poor is given (the
    arguments left out, or a missing value), the statement is judged on the
    rate alone, and the reason says so.

    Parameters
    ----------
    rate_before, rate_after : array_like
        Rates in `unit`.
    poor_before, poor_after : array_like, optional
        Numbers of poor (any unit); both or neither. NaN where not known.
    direction : {"fall", "rise"}
        The direction the statement gives.
    unit : {"fraction", "percent"}
        Scale of the rates.

    Returns
    -------
    StatementCheck
        ``"holds"`` where rate and count both moved as stated, ``"does not
        hold"`` where both moved the other way, ``"cannot tell"`` where they
        moved in different directions (the reason says which did what), a
        published figure did not change (equal published figures may hide a
        change either way within their rounding, as equal figures against a
        benchmark do in :func:`check_benchmark_statement`) or a rate is
        missing. Without a count: ``"holds"``, ``"does not hold"`` or (equal
        rates) ``"cannot tell"`` as the rate moved. Figures:
        ``rate_points`` (percentage points, for fractions too),
        ``rate_relative_pct``, ``poor_change`` (NaN without a count),
        ``rate_agrees``, ``poor_agrees`` (False without a count) and
        ``rate_only`` (bool: the verdict used the rate alone).

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `direction` or `unit` is unknown, an input is out of range, or
        only one of `poor_before` and `poor_after` is given.

    See Also
    --------
    povstat.decompose_headcount_change : Why the two can differ.

    Notes
    -----
    The number of poor is :math:`H = P_0 N`; it rises with a falling rate
    when the population grows faster than the rate falls [1]_.

    References
    ----------
    .. [1] Das Gupta, P. (1993), *Standardization and Decomposition of
       Rates: A User's Manual*, US Census Bureau, P23-186.

    Examples
    --------
    Sulawesi Tenggara, BPS, September 2018 to March 2019:

    >>> from povstat.statements import check_direction_statement
    >>> res = check_direction_statement(11.32, 11.24, 301.85, 302.58,
    ...                                 direction="fall", unit="percent")
    >>> print(res.verdict)
    cannot tell
    >>> print(res.reason)
    the rate fell 0.08 points (-0.71 %) but the number of poor rose by 0.73:
    the statement holds for the rate, not for the number of poor

    With the rate alone:

    >>> res = check_direction_statement(11.32, 11.24, direction="fall",
    ...                                 unit="percent")
    >>> print(res.verdict, "|", res.reason)  # doctest: +NORMALIZE_WHITESPACE
    holds | the rate fell 0.08 points (-0.71 %); judged on the rate alone (no
    number of poor given)
    """
    return _direction_check(
        rate_before,
        rate_after,
        poor_before,
        poor_after,
        direction=direction,
        unit=unit,
    )


def _direction_check(
    rate_before: ArrayLike,
    rate_after: ArrayLike,
    poor_before: ArrayLike | None = None,
    poor_after: ArrayLike | None = None,
    *,
    direction: Direction,
    unit: Unit,
    rate_open: NDArray[np.bool_] | None = None,
    poor_open: NDArray[np.bool_] | None = None,
) -> StatementCheck:
    """The body of :func:`check_direction_statement`.

    `rate_open`, `poor_open` (from :func:`check_statements`): where the two
    figures differ but their rounding intervals meet (a published 8.10 and
    an appended 8.098): the true figures may have moved either way, as
    equal published figures may.
    """
    dirn = _direction(direction)
    u = _validate.unit(unit)
    _validate.rate(rate_before, "rate_before", u)
    _validate.rate(rate_after, "rate_after", u)
    # Points are percentage points, whatever `unit`.
    r0, r1 = _in_percent(rate_before, u), _in_percent(rate_after, u)
    if (poor_before is None) != (poor_after is None):
        msg = "`poor_before` and `poor_after` must be given together, or neither"
        raise ValueError(msg)
    nan = np.full((), np.nan)
    p0 = (
        nan
        if poor_before is None
        else _validate.nonnegative(poor_before, "poor_before")
    )
    p1 = nan if poor_after is None else _validate.nonnegative(poor_after, "poor_after")
    # Checked before the rates are combined, so that a clash names the
    # caller's arguments.
    shape = _validate.shape(
        rate_before=r0,
        rate_after=r1,
        **({} if poor_before is None else {"poor_before": p0, "poor_after": p1}),
    )
    c = rate_change(r0, r1, unit="percent")
    pts = _level_difference(r1, r0, shape)
    rel = np.broadcast_to(_snap(c.relative), shape)
    dp = _level_difference(p1, p0, shape)  # 1.00 + 1.39 is 2.39
    sign = -1.0 if dirn == "fall" else 1.0
    # Equal published figures: the true ones may have moved either way within
    # their rounding, so a figure that "did not change" neither agrees nor
    # disagrees (as equal figures against a benchmark cannot tell); so too
    # two figures of different decimals whose rounding intervals meet.
    r_unsure = np.zeros(shape, bool) if rate_open is None else rate_open
    p_unsure = np.zeros(shape, bool) if poor_open is None else poor_open
    r_ok = (np.sign(pts) == sign) & ~r_unsure
    p_ok = (np.sign(dp) == sign) & ~p_unsure
    r_bad = (np.sign(pts) == -sign) & ~r_unsure
    p_bad = (np.sign(dp) == -sign) & ~p_unsure
    rate_only = np.isnan(dp) & ~np.isnan(pts)
    gaps = _Gaps(shape, (np.isnan(pts), "a rate is missing"))
    missing = gaps.mask
    verdict = np.where(
        missing,
        UNDECIDED,
        np.where(
            rate_only,
            np.where(r_ok, HOLDS, np.where(r_bad, NOT_HOLDS, UNDECIDED)),
            np.where(r_ok & p_ok, HOLDS, np.where(r_bad & p_bad, NOT_HOLDS, UNDECIDED)),
        ),
    )
    equal = (
        "; equal published figures may hide a change either way within their rounding"
    )

    def describe(i: tuple[int, ...]) -> str:
        p, q, r = float(pts[i]), float(dp[i]), float(rel[i])
        # A change that is not 0 is never shown as 0.00: more decimals.
        # Points beyond 10 decimals (1.2e-10 % to 1.4e-10 %) in full.
        size = (
            f"{abs(p):.15g}"
            if p != 0 and round_half_up(abs(p), 10) == 0
            else _fmt(abs(p), _change_decimals(p, 2))
        )
        # A figure that did not change is said so, with no size ("did not
        # change 0.00 points" reads as a change of some size).
        moved = (
            "the rate did not change"
            if p == 0
            else f"the rate {_moved(p)} {size} points "
            f"({_signed(r, _change_decimals(r, 2))} %)"
        )
        if rate_only[i]:
            why = (
                "no number of poor given"
                if poor_before is None
                else "the number of poor is missing"
            )
            return f"{moved}; judged on the rate alone ({why})" + (
                equal if p == 0 else (meet("rates") if r_unsure[i] else "")
            )
        text = (
            "neither the rate nor the number of poor changed"
            if p == 0 and q == 0
            else f"{moved}{' but' if np.sign(p) != np.sign(q) else ' and'} the "
            "number of poor "
            + (
                "did not change"
                if q == 0
                else f"{_moved(q)} by {_fmt(abs(q), _change_decimals(q, 2))}"
            )
        )
        if r_ok[i] and p_bad[i]:
            text += ": the statement holds for the rate, not for the number of poor"
        elif p_ok[i] and r_bad[i]:
            text += ": the statement holds for the number of poor, not for the rate"
        if p == 0 or q == 0:
            # The other figure's intervals may meet too (13.65 beside 13.649).
            return (
                text
                + equal
                + (meet("rates") if r_unsure[i] and q == 0 and p != 0 else "")
                + (meet("numbers of poor") if p_unsure[i] and p == 0 and q != 0 else "")
            )
        if r_unsure[i] and p_unsure[i]:
            return text + meet("rates, as of the numbers of poor,")
        if r_unsure[i]:
            return text + meet("rates")
        if p_unsure[i]:
            return text + meet("numbers of poor")
        return text

    def meet(what: str) -> str:
        return (
            f"; the rounding intervals of the two {what} meet (figures of "
            "different decimals), so the true figures may have moved either way"
        )

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, gaps, describe),
        figures={
            "rate_points": pts,
            "rate_relative_pct": rel,
            "poor_change": dp,
            "rate_agrees": r_ok,
            "poor_agrees": p_ok,
            "rate_only": rate_only,
        },
    )


@_validate.positional
def check_rank_statement(
    values: ArrayLike,
    labels: Sequence[Any] | NDArray[Any],
    *,
    subject: object,
    stated_rank: int,
    descending: bool,
    ties: Ties = "min",
    after: object | None = None,
    of: int | None = None,
    stated_value: float | None = None,
    value_decimals: int | None = None,
    values_decimals: int | None = None,
) -> StatementCheck:
    r"""Check a rank statement: "second lowest, after Kota Batu", "38th of 38".

    A statement that gives the value too ("4th highest with 16.45 %") is
    checked both ways: the subject's rank in the data, and whether the
    stated value is the subject's and could hold the stated rank.

    Parameters
    ----------
    values : array_like, 1-D
        The values ranked (e.g. the rates of the 38 regions in one year).
        Missing values are not ranked (``nan_policy="omit"``); since a
        competitor without a value could rank anywhere, a statement that its
        value could make true or false gets ``"cannot tell"``.
    labels : sequence of str
        Region names (or codes), one per value; unique and of one kind
        (compared by value and kind: ``np.int64(3579)`` is 3579, 3579 is
        not "3579").
    subject : str
        The region the statement is about, as written in `labels`.
    stated_rank : int
        The rank stated (1-based).
    descending : bool
        The convention of the statement: True if rank 1 is the highest
        value (as Indonesian press rankings of poverty rates usually count),
        False if
        rank 1 is the lowest ("second lowest" is rank 2 with
        ``descending=False``).
    ties : {"min", "max", "average", "dense", "ordinal"}, default "min"
        Tie rule used for the verdict and the reason. Whatever the rule,
        the figures give the rank under ``"min"`` and ``"max"``. A stated
        rank equal to the rank under `ties` holds (under ``"ordinal"``, only
        if the subject is not tied); one that the subject would take only
        with its tie broken another way (between the ``"min"`` and
        ``"max"`` ranks; under ``"dense"``, between its dense rank and that
        plus the number of regions tied with it) gives ``"cannot tell"``;
        any other does not hold.
    after : str, optional
        The region said to come just before the subject ("after Kota
        Batu"): it must rank right above the subject's value, alone. If it
        is tied there with other regions, which of them comes just before
        is a matter of the tie rule, and the verdict is ``"cannot tell"``.
    of : int, optional
        The number of ranked regions stated ("of 38"); regions without a
        value may be among them, as many as `of` exceeds the regions with a
        value (the subject counted among them), and the verdict is judged
        with that many: none where `of` is the number with a value ("1st
        of 14" where 14 have one is decided by the figures, a region
        without a value then not ranked, so not a valid `after`), else
        each of them could rank anywhere. An `of` fewer than the regions
        with a value (and the subject), or more than all the regions, does
        not hold; nor does a rank above `of`.
    stated_value : float, optional
        The value the statement gives for the subject ("with 59.9 %"), in
        the unit of `values`. One that is the subject's value misread by a
        power of ten (4.26 for 0.0426: percent against fractions) does not
        hold, and the reason names the factor, as
        :func:`povstat.tracing.trace_figure` does.
    value_decimals : int, optional
        Decimal places of `stated_value`; required with it.
    values_decimals : int, optional
        Decimal places `values` were published with (a Decimal column's
        scale: 4.260 in a DECIMAL(8,3) column is published to 3 decimals,
        which its float 4.26 cannot show). A stated value with more
        decimals may be the true one within that rounding (cannot tell),
        trailing zeros included: 4.260 to 3 decimals is not confirmed by a
        published 4.26, which stands for [4.255, 4.265); one with as many
        or fewer must match. A value that needs more decimals (one
        computed, or published elsewhere, and appended: a pooled rate of
        7.876 among rates of 2 decimals) is read on its own, at its own
        decimals, or as given beyond 10; it never sets those of the others.
        None: the most decimals any
        of `values` shows (a trailing zero cannot be seen), up to 10; values
        that show more (computed, such as ``100 * 3 / 7``, or within float
        noise of no figure of 10 decimals by the rule of
        :func:`povstat.rounding_interval`) are taken as given, each on its
        own, so a stated value must match such a subject's value rounded
        to its own decimals; they do not set the decimals of the others
        (4.26 beside a computed 7.876104702999582 is read at 2). Values
        read at different decimals are compared by their own rounding
        intervals (see Notes).

    Returns
    -------
    StatementCheck
        0-d verdict and reason. Figures: ``rank``, ``rank_min``,
        ``rank_max``, ``count``, ``value``, and ``before`` (the labels at
        rank ``stated_rank - 1``, joined by " and "). The reason names the
        regions ranked ahead of the subject (up to three). With
        `stated_value`: ``value_matches`` (the subject's value rounds to
        it), ``stated_value_rank`` (the rank under `ties` that the stated
        value would have among the others), and ``stated_value_rank_min``
        and ``stated_value_rank_max`` (its range over ties), and
        ``stated_value_power`` (the power of ten that turns the subject's
        value into the stated one, searched at -3 to 3; 0 if none); a value
        that does not match makes the statement not hold.

    Raises
    ------
    TypeError
        If `values` is not numeric, `descending` is not a bool,
        `stated_rank` or `of` is not an int, `labels` are of several
        kinds (1 and "1") or a str, or `subject` or `after` is not one
        label (a list, a tuple, a one-row Series or an array: pass the
        label it holds).
    ValueError
        If the lengths differ, labels repeat or are missing (None, NaN,
        masked entries), `values` is a pandas Series whose index holds the
        labels of `labels` in another order, or its index (or a level of
        it) shows another order than `labels` (a label of both, or one
        written otherwise: capitals, "Kab.", a bare BPS name, at
        different positions; pass ``labels=values.index``),
        `subject` or `after` is not among the labels (or is
        of another kind than them, or masked), `stated_rank` or `of` is not
        a positive int, or `values_decimals` is not an int from 0 to 10.

    See Also
    --------
    povstat.rank : The ranking itself.

    Notes
    -----
    Ties are ranked as in [1]_; the rows are first put in the order of
    their labels, so that no result depends on the order of the rows
    (``ties="ordinal"`` breaks a tie by label, and a rank that holds only
    by that order gives ``"cannot tell"``; regions are named in rank, then
    label, order). With `values_decimals` the values are read as figures
    at those decimals, float noise removed by the rule of
    :func:`povstat.rounding_interval`. Without it, float noise from
    computing published figures is removed before ranking by a wider rule:
    a value within :math:`2^{-40}` (about :math:`9 \times 10^{-13}`) of its
    size of its rounding (half up) at 10 decimals is taken as that
    rounding, so that ``0.1 + 0.2`` (``0.30000000000000004``) ties with 0.3,
    and so does any value closer than that to a figure: 100.00000000001
    (:math:`10^{-13}` of its size from 100) ties with 100, although
    :func:`povstat.rounding_interval` refuses it as a figure of 10
    decimals. Values further apart than :math:`2^{-40}` of their size rank
    apart, even after the 10th decimal (0.30000000001, :math:`3 \times
    10^{-11}` of its size from 0.3, ranks above it); such values (more
    than 10 decimals) are computed ones, taken as given.
    A value read at other decimals than the rest (one needing more than
    `values_decimals`, or computed) stands for its own rounding interval
    (a computed value for itself), and each published figure for its own:
    17.784 and 17.78 stand for [17.7835, 17.7845) and [17.775, 17.785),
    which meet, so the figures do not order them. ``rank``, ``rank_min``
    and ``rank_max`` are those of the values as they stand; a statement
    whose rank, or whose `after`, an open order decides is "cannot tell",
    and a rank no order allows does not hold. Equal values are ties.
    Reasons show the subject's value at `values_decimals` when given; else
    at the decimals the values show, at least 2 (4.3 as "4.30") unless
    they are whole numbers (counts, shown whole: "100"); and a computed
    value of more than 10 decimals as given (its shortest decimal).

    References
    ----------
    .. [1] Kendall, M. G. (1945), "The treatment of ties in ranking
       problems", *Biometrika* 33(3), 239-251.

    Examples
    --------
    >>> from povstat.statements import check_rank_statement
    >>> rates = [3.31, 4.26, 4.65, 20.2]
    >>> names = ["Kota Batu", "Kota Malang", "Kota Surabaya", "Kabupaten Sampang"]
    >>> res = check_rank_statement(rates, names, subject="Kota Malang",
    ...     stated_rank=2, descending=False, after="Kota Batu")
    >>> print(res.verdict)
    holds
    """
    judged = _judge_rank(
        _RankTable(values, labels, values_decimals),
        subject=subject,
        stated_rank=stated_rank,
        descending=descending,
        ties=ties,
        after=after,
        of=of,
        stated_value=stated_value,
        value_decimals=value_decimals,
    )
    return StatementCheck(
        verdict=np.asarray(judged.verdict),
        reason=np.asarray(judged.reason),
        figures=judged.figures,
    )


class _Judged(NamedTuple):
    """A statement's verdict, reason and figures, before they are sealed."""

    verdict: str
    reason: str
    figures: dict[str, Any]


class _RankTable:
    """The values and labels of one ranking, read and ranked once.

    Every statement about the same values (the regions of one province in
    one year) is judged against one table: the labels are checked and put
    in label order, the values read at their decimals, and each ranking
    (by direction and tie rule) computed, once. An error in the values or
    labels is kept, and raised by each statement judged against the table
    at the point :func:`check_rank_statement` reaches it, so that a
    statement's first fault is named whatever the table's. `need`: the
    decimals each value needs (more than 10: computed), where the column
    was read once for every table (:func:`_read_column`).
    """

    def __init__(
        self,
        values: ArrayLike,
        labels: Sequence[Any] | NDArray[Any],
        values_decimals: int | None,
        need: NDArray[np.intp] | None = None,
    ) -> None:
        self.labels_error: Exception | None = None
        self.decimals_error: Exception | None = None
        self.given_decimals = values_decimals is not None
        # Per value, the decimals it is read at (-1: as given), where
        # `values_decimals` is given; None reads every value at `shown_d`.
        self.own_d: NDArray[np.intp] | None = None
        self._rankings: dict[tuple[bool, str], Any] = {}
        try:
            v, self.lab, order = _in_label_order(values, labels)
        except (TypeError, ValueError) as exc:
            self.labels_error = exc
            return
        if need is not None:  # the values' own, in label order as they are
            need = np.asarray(need, np.intp)[order]
        self.names = np.array([str(x) for x in self.lab.tolist()], dtype=object)
        # The decimals the values were published with: as given (a Decimal
        # column's scale), else the most any of them shows, up to 10 (None:
        # computed values, which show more, taken as given).
        self.shown_d: int | None
        try:
            if values_decimals is None:
                # A computed value beside published figures (a pooled rate
                # of 7.876104702999582, within float noise of no figure) is
                # read as given on its own, never setting the figures'
                # decimals; 0.1 + 0.2 is the figure 0.3.
                need = _needed_decimals(v)
                computed = need > _validate.FIGURE_DECIMALS
                # Each figure at the decimals it needs: one test per distinct
                # number of decimals, never one per value.
                computed = computed | _unrounded_at(v, need, ~computed & ~np.isnan(v))
                figures = v[~computed]
                self.shown_d = (
                    _figure_decimals(figures) if figures.size or not v.size else None
                )
                if computed.any() and self.shown_d is not None:
                    self.own_d = np.where(computed, -1, self.shown_d).astype(np.intp)
                # Computed float noise (0.1 + 0.2) must not break a tie.
                v = _snap(v)
            else:
                given_d = _validate.decimals(
                    values_decimals, "values_decimals", most=_validate.FIGURE_DECIMALS
                )
                self.shown_d = given_d
                # A figure needing more decimals than `values_decimals` (one
                # computed, or published elsewhere, and appended) is read on
                # its own: at its own decimals, or as given beyond 10 (float
                # noise removed), never refused nor rounded.
                own = unrounded(v, given_d)
                v = v.copy()
                v[~own] = published(v[~own], given_d, "values")
                self.own_d = np.full(v.shape, given_d, dtype=np.intp)
                at_own = np.flatnonzero(own)
                if at_own.size:
                    # The decimals each needs (float noise aside), read and
                    # tested once per distinct number of decimals.
                    w = v[at_own]
                    if need is None:
                        own_need = _needed_decimals(w)
                        exact = own_need <= _validate.FIGURE_DECIMALS
                        exact = exact & ~_unrounded_at(w, own_need, exact)
                    else:  # read with the column: computed ones need more than 10
                        own_need = np.asarray(need, np.intp)[at_own]
                        exact = own_need <= _validate.FIGURE_DECIMALS
                    # Figures at their decimals, computed ones snapped.
                    v[at_own] = np.where(
                        exact, _rounded_at(w, own_need, exact), _snap(w)
                    )
                    self.own_d[at_own] = np.where(exact, own_need, -1)
        except (TypeError, ValueError) as exc:
            self.decimals_error = exc
            return
        self.v = v
        # A published 0 among figures of no negative value stands for [0, h);
        # among signed figures (changes) for (-h, h).
        self.nonneg = bool((v[~np.isnan(v)] >= 0).all())
        # Figures of several precisions (one read on its own at 3 decimals,
        # or computed, beside figures of 2): each stands for its own
        # rounding interval, and two whose intervals meet are not ordered
        # by the figures (17.784 lies in the [17.775, 17.785) of 17.78).
        self.mixed = False
        if self.own_d is not None:
            present = self.own_d[~np.isnan(v)]
            self.mixed = bool(present.size) and np.unique(present).size > 1
        # Each figure's interval, worked out exactly when first asked for:
        # a statement needs its own figure's and those of the few near it.
        self._bounds: dict[
            int, tuple[fractions.Fraction, bool, fractions.Fraction, bool]
        ] = {}

    def interval(
        self, i: int
    ) -> tuple[fractions.Fraction, bool, fractions.Fraction, bool]:
        """The true values figure `i` stands for: (low, closed, high, closed).

        Half up: a positive figure's interval is closed below, a negative
        one's above; a published 0 among figures of no negative value
        stands for [0, h), among signed ones for (-h, h); a value read as
        given (computed) stands for itself.
        """
        if i in self._bounds:
            return self._bounds[i]
        x = float(self.v[i])
        d = int(cast("Any", self.own_d)[i])
        c = _as_fraction(x)
        h = _half(d) if d >= 0 and np.isfinite(x) else None
        if h is None:
            bounds = (c, True, c, True)
        elif c > 0 or (c == 0 and self.nonneg):
            bounds = (max(c - h, fractions.Fraction(0)), True, c + h, False)
        elif c < 0:
            bounds = (c - h, False, c + h, True)
        else:
            bounds = (c - h, False, c + h, False)
        self._bounds[i] = bounds
        return bounds

    def open_order(self, k: int) -> NDArray[np.bool_]:
        """Values whose order with value `k` the figures leave open.

        Those of another value than `k`'s whose rounding interval meets
        its (equal figures are ties, ranked by the tie rule); none where
        every figure is read at the same decimals.
        """
        out = np.zeros(self.v.shape, dtype=bool)
        if not self.mixed or np.isnan(self.v[k]):
            return out
        lo_k, lc_k, hi_k, hc_k = self.interval(k)
        # Only values near `k`'s can meet its interval: at most the two
        # half-units apart (a float bound, widened); each is checked exactly.
        d = cast("NDArray[np.intp]", self.own_d)
        half = np.where(d < 0, 0.0, 0.5 * 10.0 ** (-np.maximum(d, 0).astype(float)))
        with np.errstate(invalid="ignore"):  # missing values are never near
            gap = np.abs(self.v - self.v[k])
            near = gap <= (half + half[k]) * (1 + 1e-9) + 1e-12
        for j in np.flatnonzero(near & (self.v != self.v[k])).tolist():
            lo_j, lc_j, hi_j, hc_j = self.interval(j)
            lo, lc = (
                (lo_j, lc_j)
                if lo_j > lo_k
                else (lo_k, lc_k)
                if lo_k > lo_j
                else (lo_k, lc_k and lc_j)
            )
            hi, hc = (
                (hi_j, hc_j)
                if hi_j < hi_k
                else (hi_k, hc_k)
                if hi_k < hi_j
                else (hi_k, hc_k and hc_j)
            )
            out[j] = lo < hi or (lo == hi and lc and hc)
        return out

    def shown_interval(self, i: int) -> str:
        """Figure `i`'s interval as text: "[17.775, 17.785)", "17.784" as given."""
        lo, lc, hi, hc = self.interval(i)
        if lo == hi:
            return _fmt(float(lo), _own_places(float(lo)))
        d = int(cast("Any", self.own_d)[i]) + 1
        return (
            f"{'[' if lc else '('}{_fmt(float(lo), d)}, {_fmt(float(hi), d)}"
            f"{']' if hc else ')'}"
        )

    def ranking(self, descending: bool, ties: Ties) -> Any:
        """`rank` of the values, computed once for each direction and rule."""
        if type(descending) is not bool or type(ties) is not str:
            # Checked (and refused) by `rank` each time, never cached.
            return rank(self.v, descending=descending, ties=ties)
        key = (descending, ties)
        if key not in self._rankings:
            self._rankings[key] = rank(self.v, descending=descending, ties=ties)
        return self._rankings[key]


def _judge_rank(
    table: _RankTable,
    *,
    subject: object,
    stated_rank: int,
    descending: bool,
    ties: Ties,
    after: object | None,
    of: int | None,
    stated_value: float | None,
    value_decimals: int | None,
) -> _Judged:
    """One rank statement against `table`: the body of check_rank_statement."""
    if table.labels_error is not None:
        raise table.labels_error
    lab = table.lab
    stated_rank = _validate.positive_int(stated_rank, "stated_rank")
    if of is not None:
        if isinstance(of, bool) or not isinstance(of, int | np.integer):
            msg = f"`of` must be an int (a number of regions), got {of!r}"
            raise TypeError(msg)
        if of < 1:
            msg = f"`of` must be >= 1, got {of}"
            raise ValueError(msg)
        _validate.refuse_beyond_float(of, "of")
    k = _position(lab, subject, "subject")
    a_pos = None if after is None else _position(lab, after, "after")
    names = table.names
    subject, after = str(names[k]), None if a_pos is None else str(names[a_pos])
    if (stated_value is None) != (value_decimals is None):
        msg = "`stated_value` and `value_decimals` must be given together"
        raise ValueError(msg)
    vd = (
        None
        if value_decimals is None
        else _validate.decimals(
            value_decimals, "value_decimals", most=_validate.FIGURE_DECIMALS
        )
    )
    if table.decimals_error is not None:
        raise table.decimals_error
    v, shown_d = table.v, table.shown_d
    if table.own_d is not None and int(table.own_d[k]) != shown_d:
        # The subject's figure needs more decimals than the values'
        # (`values_decimals`): it is read, and shown, at its own.
        shown_d = None if int(table.own_d[k]) < 0 else int(table.own_d[k])
    # The subject's value as published: at `values_decimals` when given,
    # else at the decimals the values show, 2 at least (a rate of 4.3 is
    # "4.30"), whole values (counts) as whole numbers.
    value_places = (
        _own_places(float(v[k]))
        if shown_d is None
        else shown_d
        if table.given_decimals or shown_d == 0
        else max(2, shown_d)
    )
    # Rows are in label order (see _values_and_labels): an "ordinal" tie is
    # broken by label, never by the order of the caller's rows.
    r_min = table.ranking(descending, "min")
    r_max = table.ranking(descending, "max")
    r_rule = table.ranking(descending, ties)
    value = float(v[k])
    count = int(r_rule.count[k])
    lo, hi, rr = float(r_min.rank[k]), float(r_max.rank[k]), float(r_rule.rank[k])
    before_labels = names[r_rule.rank == stated_rank - 1] if stated_rank > 1 else []
    before_text = " and ".join(list(before_labels))
    ahead_mask = r_rule.rank < rr
    ahead = names[ahead_mask]
    ahead_order = np.argsort(r_rule.rank[ahead_mask], kind="stable")  # ties: label
    ahead_text = (
        ", ".join(ahead[ahead_order].tolist())
        if 0 < ahead.size <= 3
        else _counted(int(ahead.size), "region")
    )
    problems = []
    # Competitors without a value are not ranked, but each could rank
    # anywhere: the statement is then decided only if it fails whatever
    # their values are.
    no_value = np.isnan(v)
    no_value[k] = False
    unknown = names[no_value]
    n_unknown = int(unknown.size)
    # A stated `of` fixes how many of them are among the ranked: `of` less
    # the regions with a value (the subject, without a value, must be one of
    # them); none where `of` is the number with a value. An `of` outside
    # what they allow never holds.
    at_least = count + (1 if np.isnan(value) else 0)
    of_fits = of is None or at_least <= of <= at_least + n_unknown
    in_ranking = n_unknown if of is None or not of_fits else of - count
    if np.isnan(value):
        verdict, reason = UNDECIDED, f"{subject} has no value"
        if of is not None and (not of_fits or stated_rank > of):
            verdict = NOT_HOLDS
            reason += (
                f": no region ranks {stated_rank} of {of}"
                if of_fits
                else f": {_of_problem(of, count, n_unknown, subject=True)}"
            )
        else:
            # Whatever its value (and the values of the others without one
            # that are ranked, ties included), the statement may still fail:
            # a rank no value gives, or an `after` that cannot be just
            # before it.
            why = _no_value_problem(
                table,
                k,
                a_pos,
                stated_rank,
                descending=descending,
                ties=ties,
                others=in_ranking - 1 if of is not None else n_unknown,
                of=of,
            )
            if why:
                verdict = NOT_HOLDS
                reason += f": {why}"
    else:
        # The ranks the subject could take under `ties` if its tie were broken
        # either way: the "min" to "max" range, shifted down for "dense"
        # (which counts each tie group above the subject once).
        shift = rr - lo if ties == "dense" else 0.0
        rule_lo, rule_hi = lo + shift, hi + shift
        # An "ordinal" rank inside a tie is the label order's, not the data's.
        rank_ok = rr == stated_rank and (ties != "ordinal" or lo == hi)
        # `after` is just before the subject when it ranks right above the
        # subject's tie group (max rank = subject's min rank - 1); if it is
        # tied with other regions there, which of them comes just before is
        # a matter of the tie rule: cannot tell.
        after_state = "ok"
        if a_pos is not None:
            a_lo, a_hi = float(r_min.rank[a_pos]), float(r_max.rank[a_pos])
            if np.isnan(v[a_pos]):
                after_state = "unknown"
            elif a_hi == lo - 1 and a_lo == a_hi:
                after_state = "ok"
            elif a_hi == lo - 1 or (a_pos != k and a_lo == lo):
                after_state = "tied"
            else:
                after_state = "bad"
        # Values whose order with the subject the figures leave open (their
        # rounding intervals meet, at different decimals): each could rank
        # on either side of it, widening the ranks it could take.
        open_k = table.open_order(k)

        def ahead_of(x: int, y: int) -> bool:
            return bool(v[x] > v[y]) if descending else bool(v[x] < v[y])

        n_up = int(sum(ahead_of(j, k) for j in np.flatnonzero(open_k).tolist()))
        n_down = int(open_k.sum()) - n_up
        in_tie = rule_lo - n_up <= stated_rank <= rule_hi + n_down
        if a_pos is not None and after_state in ("ok", "bad") and table.mixed:
            # `after` just before the subject is open where it could precede
            # the subject and no value need stand between them; a value
            # could stand between where it could be behind `after` and
            # ahead of the subject.
            open_a = table.open_order(a_pos)
            others = ~np.isnan(v)
            others[[k, a_pos]] = False
            with np.errstate(invalid="ignore"):
                behind_a = v < v[a_pos] if descending else v > v[a_pos]
                ahead_k = v > v[k] if descending else v < v[k]
            could_precede = bool(open_k[a_pos]) or ahead_of(a_pos, k)
            surely_between = others & behind_a & ~open_a & ahead_k & ~open_k
            maybe_between = (
                others & (behind_a | open_a) & (ahead_k | open_k) & (v != v[a_pos])
            )
            may_be = after_state == "bad" and could_precede and not surely_between.any()
            may_not_be = after_state == "ok" and bool(
                open_k[a_pos] or maybe_between.any()
            )
            if may_be or may_not_be:
                after_state = "open"
        # `after` without a value must be among the ranked (just ahead of
        # the subject, or tied with it: cannot tell), which it cannot be
        # where `of` leaves no region without a value among them.
        after_out = after_state == "unknown" and in_ranking == 0
        feasible = (
            rule_lo - n_up <= stated_rank <= rule_hi + n_down + in_ranking
            and after_state != "bad"
            and not after_out
            and of_fits
        )
        direction = "highest" if descending else "lowest"
        # The value with the decimals the ranked values carry (two at least):
        # 0.0914 after 0.0915 must not both show as 0.09.
        reason = (
            f"{subject} ({_fmt(value, value_places)}) ranks "
            f"{_fmt(rr, 1 if rr % 1 else 0)} "
            f"of {count} from the {direction} (ties: {ties}"
            + (
                f"; {_fmt(rule_lo, 0)}-{_fmt(rule_hi, 0)} with ties"
                if rule_hi > rule_lo
                else ""
            )
            + ")"
        )
        if ahead.size:
            reason += f", after {ahead_text}"
        if not rank_ok:
            problems.append(
                _rank_problem(
                    stated_rank,
                    rr,
                    in_tie=in_tie,
                    tie=(rule_lo, rule_hi),
                    open_orders=(n_up, n_down),
                    unknown=in_ranking,
                )
            )
        if open_k.any():
            mates = np.flatnonzero(open_k).tolist()
            problems.append(
                "the published figures do not order it against "
                + ", ".join(
                    f"{names[j]} ({_fmt(float(v[j]), _own_places(float(v[j])))}, "
                    f"standing for {table.shown_interval(j)})"
                    for j in mates[:3]
                )
                + (f" and {len(mates) - 3} more" if len(mates) > 3 else "")
                + f", as its own figure stands for {table.shown_interval(k)}"
            )
        if after_state == "bad":
            problems.append(f"{after} is not the region just before it")
        elif after_state == "tied":
            mates = names[
                (r_min.rank == r_min.rank[a_pos]) & (np.arange(names.size) != a_pos)
            ]
            problems.append(
                f"{after} is tied with {', '.join(mates.tolist())}, so which of "
                "them comes just before it depends on the tie rule"
            )
        elif after_out:
            problems.append(
                f"{after} has no value, so it is not among the {of} ranked "
                "(as many as have a value)"
            )
        elif after_state == "unknown":
            problems.append(f"{after} has no value")
        elif after_state == "open":
            problems.append(
                f"whether {after} comes just before it is not decided by the "
                "published figures (of different decimals, whose rounding "
                "intervals meet)"
            )
        if not of_fits:
            problems.append(_of_problem(cast("int", of), count, n_unknown))
        # No order of the figures, and no value of a region without one,
        # gives the statement.
        if not feasible or not in_tie:
            verdict = NOT_HOLDS
        elif problems:
            verdict = UNDECIDED
        else:
            verdict = HOLDS
        if problems:
            reason += ": " + "; ".join(problems)
        if n_unknown:
            shown = ", ".join(unknown.tolist()[:3])
            more = f" and {n_unknown - 3} more" if n_unknown > 3 else ""
            reason += (
                f"; {_counted(n_unknown, 'region')} "
                f"{'has' if n_unknown == 1 else 'have'} no value ({shown}{more})"
            )
            if in_ranking == n_unknown:
                reason += " and could rank anywhere"
            elif in_ranking == 0:
                reason += (
                    f": {'it is not' if n_unknown == 1 else 'none of them is'} "
                    f"among the {of} ranked (as many as have a value)"
                )
            else:
                reason += (
                    f": {in_ranking} of them {_are(in_ranking)} among the {of} "
                    "ranked and could rank anywhere"
                )
            if feasible and in_ranking:
                verdict = UNDECIDED
                if problems:  # what is wrong among the ranked could change
                    reason += ", which could make the statement hold"
    extra: dict[str, Any] = {}
    if stated_value is not None and vd is not None:
        sv = float(_validate.finite_or_nan(stated_value, "stated_value"))
        if np.isnan(sv):
            msg = (
                "`stated_value` must be a number, got NaN; when the statement "
                "gives no value, leave out both `stated_value` and "
                "`value_decimals` (None)"
            )
            raise ValueError(msg)
        if bool(unrounded(np.asarray(sv), vd)):
            msg = (
                f"`stated_value` must be rounded to {_places(vd)}, got {stated_value!r}"
            )
            raise ValueError(msg)
        sv = float(round_half_up(sv, vd))  # the figure, float noise removed
        # The ranks the stated value would take among the other values.
        s_lo, s_hi, s_rr = _ranks_in_place(
            v, k, float(_snap(np.asarray(sv))), descending=descending, ties=ties
        )
        # A stated value with more decimals than the values were published
        # with is never confirmed by them, trailing zeros included: 4.260 for
        # a published 4.26 (a true value in [4.255, 4.265)) is judged below.
        overprecise = shown_d is not None and vd > shown_d
        matches = (
            bool(round_half_up(value, vd) == sv)
            if not (np.isnan(value) or overprecise)
            else False
        )
        # Its rank under `ties`, as the subject's is shown, with the range
        # the tie spans (shifted for "dense", as above).
        s_shift = s_rr - s_lo if ties == "dense" else 0.0
        at = f"{_fmt(s_rr, 1 if s_rr % 1 else 0)}, ties: {ties}" + (
            f"; {_fmt(s_lo + s_shift, 0)}-{_fmt(s_hi + s_shift, 0)} with ties"
            if s_hi > s_lo
            else ""
        )
        # A value stated with more decimals than the ranked values were
        # published with (16.452 for 16.45) may be the true one within the
        # rounding: cannot tell, unless the rest already fails.
        fits = False
        pub_d = 0 if shown_d is None else shown_d
        if shown_d is not None and vd > shown_d and not np.isnan(value):
            half_v, half_s = _half(shown_d), _half(vd)
            vx, sx = _as_fraction(value), _as_fraction(sv)
            nonneg = table.nonneg
            floor = fractions.Fraction(0)
            low = max(vx - half_v, floor) if vx >= 0 and nonneg else vx - half_v
            fits = bool(
                _could_round_to(
                    np.asarray([value]), shown_d, sv, vd, nonnegative=nonneg
                ).all()
            )
            # The true values both roundings allow.
            both_lo = max(sx - half_s, low)
            both_hi = min(sx + half_s, vx + half_v)
        slip = 0
        if np.isnan(value) or np.isnan(sv):
            pass
        elif matches:
            # The value at its published decimals, never the stated figure's.
            own, said_v = _fmt(value, value_places), _fmt(sv, vd)
            reason += (
                f"; its value {own} is as stated"
                if own == said_v
                else f"; its value {own} rounds to the stated {said_v}"
            )
        elif fits:
            if verdict == HOLDS:
                verdict = UNDECIDED
            # Half up: a positive figure's interval is closed below, a
            # negative one's above.
            opening, closing = ("(", "]") if sv < 0 else ("[", ")")
            reason += (
                f"; its value is {_fmt(value, pub_d)}, published with "
                f"{_places(pub_d)}: a true value in {opening}"
                f"{_fmt(float(both_lo), vd + 1)}, {_fmt(float(both_hi), vd + 1)}"
                f"{closing} would be published as {_fmt(value, pub_d)} and "
                f"round to the stated {_fmt(sv, vd)}, which the figures do "
                "not give"
            )
        else:
            verdict = NOT_HOLDS
            slip = _power_slip(value, sv, vd)
            reason += (
                f"; its value is {_fmt(value, value_places)}, not {_fmt(sv, vd)} "
                + (
                    f"({_fmt(sv, vd)} would rank {at})"
                    if slip == 0
                    else f"({_fmt(sv, vd)} is its value misread by a factor of "
                    f"{_factor(slip)}; {_VALUES_UNIT})"
                )
            )
        extra = {
            "value_matches": matches,
            "stated_value_rank": s_rr,
            "stated_value_rank_min": s_lo,
            "stated_value_rank_max": s_hi,
            "stated_value_power": slip,
        }
    return _Judged(
        verdict=verdict,
        reason=reason,
        figures={
            "rank": rr,
            "rank_min": lo,
            "rank_max": hi,
            "count": count,
            "value": value,
            "before": before_text,
            **extra,
        },
    )


_VALUES_UNIT = "`stated_value` is in the unit of `values`"


def _rank_problem(
    stated: int,
    rr: float,
    *,
    in_tie: bool,
    tie: tuple[float, float],
    open_orders: tuple[int, int],
    unknown: int = 0,
) -> str:
    """Why a stated rank is not the subject's rank `rr`, in a reason.

    Outside the ranks the subject could take (`in_tie` false, and no
    region without a value to push it down): "not 19". Else what it would
    take to be `stated`: its tie broken another way (`stated` within
    `tie`, the ranks of the tie as the figures stand: Mojokerto's 9.80
    tied with Magetan's is 18-19, "min" gives 18), or an order the figures
    leave open going the other way (`open_orders`: how many of the values
    not ordered against it are ahead of it and behind it), or a region
    without a value (`unknown` of them) ranking above it, possibly
    several of these: each moves every rank of the tie by one.
    """
    shown = _fmt(rr, 1 if rr % 1 else 0)
    n_up, n_down = open_orders
    lo, hi = tie
    # A region without a value ranking above the subject moves it down by
    # one (never up), as an open order behind it going the other way does.
    if not in_tie and not (unknown and hi < stated <= hi + n_down + unknown):
        return f"not {stated}"
    if rr == stated:  # an "ordinal" rank inside a tie
        return f"{stated} only by the order of the tied labels"
    # Each order that goes the other way moves the tie's ranks, and the
    # rank `ties` gives, by one: `stated` is `rr` so moved by `pure` of the
    # open orders ahead of it (or behind it, with the regions without a
    # value), where there are as many; or an end of the tie so moved by
    # `m` of them, with the tie broken another way.
    up = stated < rr
    pure = rr - stated if up else stated - rr
    by_orders = pure % 1 == 0 and pure <= (n_up if up else n_down + unknown)
    by_tie = lo <= stated <= hi
    if by_tie and not by_orders:
        return f"{stated} only with its tie broken another way"
    m = int(pure) if by_orders else int(lo - stated) if up else int(stated - hi)
    cond = _moves(m, n_up if up else n_down, 0 if up else unknown)
    head = f"{shown} as the figures stand, {stated} "
    if by_orders and by_tie:
        return head + f"with its tie broken another way, or {cond}"
    if by_orders:
        return head + cond
    return head + f"only {cond} and its tie is broken another way"


def _no_value_problem(
    table: _RankTable,
    k: int,
    a_pos: int | None,
    stated_rank: int,
    *,
    descending: bool,
    ties: Ties,
    others: int,
    of: int | None,
) -> str:
    """Why no value of subject `k` (which has none) gives the statement.

    `others` regions without a value are ranked besides it, each with any
    value. The ranks the subject could take, either way a tie is broken
    (the "min" to "max" range, that of "dense" for it), over every value of
    it and of them: with no `after`, from 1 to one more than the regions
    ranked ahead of it at most; right after a region with a value (or tied
    with it), from just below the regions surely ahead of that region to
    the end of the tie group just behind it, which the subject may join.
    An `after` without a value must be one of the `others`. Figures of
    different decimals, whose order may be open, are given the widest
    range. The empty string where some value gives the statement.
    """
    v, names = table.v, table.names
    known = ~np.isnan(v)
    c = int(known.sum())
    after = None if a_pos is None else str(names[a_pos])
    if a_pos == k:
        return f"{after} cannot come just before itself"
    if a_pos is not None and np.isnan(v[a_pos]) and others == 0:
        return (
            f"{after} has no value, so it is not among the {of} ranked "
            f"(the {c} with a value and this one)"
        )
    r_min = table.ranking(descending, "min").rank
    r_max = table.ranking(descending, "max").rank
    size = r_max - r_min + 1  # of each value's tie group
    dense = ties == "dense" and not table.mixed
    r_dense = table.ranking(descending, "dense").rank if dense else r_min
    if a_pos is None or np.isnan(v[a_pos]) or table.mixed:
        lo = 1
        # Dense: tied with a group (or below all), the others all ahead.
        hi = others + (int(np.max((r_dense + size)[known])) if dense and c else c + 1)
    else:
        # Tied with `after`'s group, or just behind it (alone or tied with
        # the next group), the others ahead, in a tie with it or behind.
        g_a = float(size[a_pos])
        nxt = known & (r_min == r_max[a_pos] + 1)
        g_b = int(nxt.sum())
        lo = int(r_dense[a_pos])
        hi = int(
            lo + others + max(g_a, 1 + g_b)
            if dense
            else r_min[a_pos] + g_a + g_b + others
        )
    if lo <= stated_rank <= hi:
        return ""
    if a_pos is None and not dense:
        return (
            f"at most {_counted(hi, 'region')} could be ranked ({c} with a "
            f"value, this one and {others} others without), so none ranks "
            f"{stated_rank}"
        )
    where = f" just after {after}" if a_pos is not None else ""
    span = f"{lo}" if lo == hi else f"{lo}-{hi}"
    return (
        f"whatever its value, it could rank only {span}{where} (ties: {ties}), "
        f"not {stated_rank}"
    )


def _of_problem(of: int, count: int, unknown: int, *, subject: bool = False) -> str:
    """Why `of` ranked regions cannot be, in a reason.

    `count` regions have a value and `unknown` others have none; with
    `subject`, the subject (without a value) besides them, which must be
    ranked. The ranked are at least those with a value (and the subject),
    at most all of them.
    """
    least = count + (1 if subject else 0)
    if not unknown and not subject:
        return f"{_counted(count, 'region')} {_are(count)} ranked, not {of}"
    this = " and this one" if subject else ""
    if of < least:
        return (
            f"at least {_counted(least, 'region')} {_are(least)} ranked "
            f"({count} with a value{this}), not {of}"
        )
    most = least + unknown
    others = (" other" if unknown == 1 else " others") if subject else ""
    return (
        f"at most {_counted(most, 'region')} could be ranked ({count} with a "
        f"value{this} and {unknown}{others} without), not {of}"
    )


def _moves(m: int, orders: int, unknown: int) -> str:
    """The condition that moves a rank by `m`, in a reason ("if ...").

    `orders` open orders that could go the other way and `unknown`
    regions without a value that could rank above it, `m` of them in all.
    """
    if unknown == 0:
        return (
            "if an order they leave open goes the other way"
            if m == 1
            else f"if {m} orders they leave open go the other way"
        )
    one_unknown = (
        "the region without a value" if unknown == 1 else "a region without a value"
    )
    if orders == 0:
        return (
            f"if {one_unknown} ranks above it"
            if m == 1
            else f"if {m} regions without a value rank above it"
        )
    if m == 1:
        return (
            "if an order they leave open goes the other way or "
            f"{one_unknown} ranks above it"
        )
    return (
        f"if {m} in all of the orders they leave open go the other way "
        "and regions without a value rank above it"
    )


def _ranks_in_place(
    v: NDArray[np.float64], k: int, x: float, *, descending: bool, ties: Ties
) -> tuple[float, float, float]:
    """Ranks "min", "max" and `ties` that `x` would take in place of ``v[k]``.

    As :func:`povstat.rank` ranks the values with ``v[k]`` replaced by `x`
    (not NaN; missing values omitted), without ranking the others: "min" is
    one more than the values ahead of `x`, "max" the values ahead of or
    equal to it (itself included), "average" their mean, "dense" one more
    than the distinct values ahead, and "ordinal" puts the values equal to
    it in the order of their positions (a stable sort), as `rank` does.
    """
    others = np.delete(v, k)
    others = others[~np.isnan(others)]
    ahead = others > x if descending else others < x
    n_ahead = int(np.count_nonzero(ahead))
    n_equal = int(np.count_nonzero(others == x))
    lo, hi = float(n_ahead + 1), float(n_ahead + n_equal + 1)
    if ties == "min":
        rule = lo
    elif ties == "max":
        rule = hi
    elif ties == "average":
        rule = (lo + hi) / 2.0
    elif ties == "dense":
        rule = float(np.unique(others[ahead]).size + 1)
    else:  # ordinal: the equal values before position k come first
        before = v[:k]
        rule = lo + float(np.count_nonzero(before == x))
    return lo, hi, rule


def _power_slip(value: float, stated: float, decimals: int) -> int:
    """The power of ten that turns `value` into `stated` at `decimals`, else 0.

    The reading :func:`povstat.tracing.trace_figure` gives a figure misread by
    a power of ten (the powers it searches by default, nearest first): a rate
    in percent stated against fractions, or the reverse, is 100 times off. A
    stated 0 is never a misread power of ten.
    """
    if stated == 0 or not np.isfinite(value):
        return 0
    # Every power at once, each product rounded on its own: the first that
    # gives the stated figure, in the order of the search.
    powers = np.asarray(_SLIP_POWERS)
    moved = _times_power_of_ten(np.full(powers.size, value), powers)
    hits = np.flatnonzero(round_half_up(moved, decimals) == stated)
    return int(powers[hits[0]]) if hits.size else 0


@_validate.positional
def check_benchmark_statement(
    value: ArrayLike,
    benchmark: ArrayLike,
    *,
    relation: Literal["below", "above"],
    decimals: int,
) -> StatementCheck:
    """Check "below the national rate" or "above the province" on published figures.

    Parameters
    ----------
    value : array_like
        The published figure of the region the statement is about.
    benchmark : array_like
        The published figure it is compared with (e.g. Indonesia's rate, or
        the province's), in the same unit; broadcast against `value`.
    relation : {"below", "above"}
        What the statement says of `value` against `benchmark`.
    decimals : int
        Decimal places both figures are published with.

    Returns
    -------
    StatementCheck
        ``"holds"`` where the published figures differ in the stated
        direction, ``"does not hold"`` where they differ the other way,
        ``"cannot tell"`` where they are equal as published (the true values
        may differ either way within their rounding) or a figure is missing.
        Figures: ``difference`` (value - benchmark).

    Raises
    ------
    TypeError
        If an input is not numeric or `decimals` is not an int.
    ValueError
        If `relation` is unknown, a figure is infinite or not rounded to
        `decimals`, or the shapes do not broadcast.

    See Also
    --------
    check_rank_statement : Statements of order among many regions.

    Notes
    -----
    Two different figures rounded to the same :math:`d` decimals differ in
    the same direction as their true values, since their rounding intervals
    do not overlap [1]_; equal figures decide nothing.

    References
    ----------
    .. [1] IEEE Std 754-2019, section 4.3.1, "roundTiesToAway".

    Examples
    --------
    Kabupaten Lumajang, BPS March 2025: 8.60 %; Indonesia 8.47 %, Jawa Timur
    9.50 %. "Below the national rate" does not hold; "below the province"
    does:

    >>> from povstat.statements import check_benchmark_statement
    >>> res = check_benchmark_statement(8.60, [8.47, 9.50], relation="below",
    ...                                 decimals=2)
    >>> print(res.verdict)
    ['does not hold' 'holds']
    """
    d = _validate.decimals(decimals, most=_validate.FIGURE_DECIMALS)
    rel = _validate.choice(relation, "relation", ("below", "above"))
    v = _snap_to(_validate.finite_or_nan(value, "value"), d, "value")
    b = _snap_to(_validate.finite_or_nan(benchmark, "benchmark"), d, "benchmark")
    shape = _validate.shape(value=v, benchmark=b)
    # The exact difference of the published figures, rounded once; beyond
    # float64's range it is +-inf (said so in the reason), with no warning.
    diff = _level_difference(v, b, shape)
    vb = np.broadcast_to(v, shape)
    bb = np.broadcast_to(b, shape)
    said = diff < 0 if rel == "below" else diff > 0
    other = diff > 0 if rel == "below" else diff < 0
    gaps = _Gaps(
        shape,
        (np.isnan(np.broadcast_to(v, shape)), "the value is missing"),
        (np.isnan(np.broadcast_to(b, shape)), "the benchmark is missing"),
    )
    missing = gaps.mask
    verdict = np.where(
        missing | (diff == 0), UNDECIDED, np.where(said, HOLDS, NOT_HOLDS)
    )

    def describe(i: tuple[int, ...]) -> str:
        x, y = _fmt(float(vb[i]), d), _fmt(float(bb[i]), d)
        if diff[i] == 0:
            return f"{x} equals {y} as published: either may be the larger"
        word = "below" if diff[i] < 0 else "above"
        size = abs(float(diff[i]))
        by = (
            _fmt(size, d)
            if np.isfinite(size)
            else "more than 1.8e308, beyond float64's range"
        )
        text = f"{x} is {word} {y} (by {by})"
        return text + (f", not {rel} it" if other[i] else "")

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, gaps, describe),
        figures={"difference": diff},
    )


@_validate.positional
def check_top_statement(
    values: ArrayLike,
    labels: Sequence[Any] | NDArray[Any],
    *,
    members: Sequence[Any],
    k: int,
    descending: bool,
    exactly: bool = False,
) -> StatementCheck:
    """Check a set statement: "all of X's regencies among the top six".

    Parameters
    ----------
    values : array_like, 1-D
        The values ranked; NaN is missing (a missing value could rank
        anywhere).
    labels : sequence of str
        Region names, one per value; unique and of one kind.
    members : sequence of str
        The regions the statement names, as written in `labels` (a list: a
        bare str is refused, not read as its characters).
    k : int
        The size of the top set ("top six": 6; "the ten lowest": 10).
    descending : bool
        True if the top is the highest values, False if the lowest.
    exactly : bool, default False
        False: every member is in the top `k` ("among the top six").
        True: the members are the top `k` ("the ten lowest are ...").

    Returns
    -------
    StatementCheck
        0-d verdict: ``"holds"``, ``"does not hold"``, or ``"cannot tell"``
        where ties at the edge of the top `k` (or missing values) decide it.
        Figures: ``in_top`` (members surely in the top `k`), ``outside``
        (members surely outside), ``undecided`` (members whose place depends
        on ties or missing values), ``missed`` (with `exactly`: regions
        surely in the top `k` that are not members), ``ahead`` (regions not
        named whose value is strictly above a named one's, so that they
        take a place in the top `k` in every order), each joined by ", ".

    Raises
    ------
    TypeError
        If `values` is not numeric, `descending` or `exactly` is not a bool,
        `k` is not an int, `members` is a str, or `labels` are of several
        kinds.
    ValueError
        If the lengths differ, labels repeat or are missing (None, NaN,
        masked entries), `values` is a pandas Series whose index holds the
        labels of `labels` in another order, or its index (or a level of
        it) shows another order than `labels` (a label of both, or one
        written otherwise: capitals, "Kab.", a bare BPS name, at
        different positions; pass ``labels=values.index``),
        `members` is empty, a member is not among the
        labels or is masked, members repeat, or `k` is not in 1 to the
        number of regions.

    See Also
    --------
    check_rank_statement : One region's rank.

    Notes
    -----
    A region is surely in the top :math:`k` when its rank with ties counted
    against it (``"max"``) is at most :math:`k`, and surely outside when its
    rank with ties in its favour (``"min"``) exceeds :math:`k` [1]_; a
    missing competitor could rank first. So a region tied across the edge
    leaves the statement undecided: with 21.76, 19.35, 19.35, 15.00,
    "Sampang and Bangkalan are the two highest" cannot be told, while
    :func:`check_rank_statement` with ``ties="min"`` finds Bangkalan 2nd
    (joint 2nd, 2-3 with ties): a joint 2nd place does not settle which two
    are the top two.

    The places are also counted jointly: every region not named whose value
    is strictly above a named region's is ahead of it in every order, so
    the statement does not hold when the named regions and those ahead of
    them are more than :math:`k` (with `exactly`: when any region is
    ahead). With 3, 2, 2, 2, "the two named regions at 2 are among the two
    highest" does not hold, although each alone could be 2nd. So the
    verdict is "holds" if the statement holds in every order the values
    allow (missing values anywhere, ties broken either way), "does not
    hold" if it holds in none, and "cannot tell" otherwise. Float noise
    from computing published figures is removed before ranking, as in
    :func:`check_rank_statement` (``0.1 + 0.2`` ties with 0.3).

    References
    ----------
    .. [1] Kendall, M. G. (1945), "The treatment of ties in ranking
       problems", *Biometrika* 33(3), 239-251.

    Examples
    --------
    BPS March 2024: are the four Madura regencies among the six highest
    rates of East Java's 38 regencies and cities? Pamekasan (13.41 %) is
    7th:

    >>> from povstat.datasets import load_east_java
    >>> from povstat.statements import check_top_statement
    >>> df = load_east_java()
    >>> t = df[df["region_type"].isin(["kabupaten", "kota"]) & (df["year"] == 2024)]
    >>> madura = ["Kabupaten Bangkalan", "Kabupaten Sampang",
    ...           "Kabupaten Pamekasan", "Kabupaten Sumenep"]
    >>> res = check_top_statement(t["poverty_rate_pct"], t["region_name"].to_numpy(),
    ...                           members=madura, k=6, descending=True)
    >>> print(res.verdict, "|", res.reason)  # doctest: +NORMALIZE_WHITESPACE
    does not hold | 3 of the 4 named are surely among the 6 highest; not among
    them: Kabupaten Pamekasan
    >>> print(check_top_statement(t["poverty_rate_pct"],
    ...     t["region_name"].to_numpy(), members=madura, k=7,
    ...     descending=True).verdict)
    holds
    """
    v, lab = _values_and_labels(values, labels)
    names = np.array([str(x) for x in lab.tolist()], dtype=object)
    exact = _validate.flag(exactly, "exactly")
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        msg = f"`k` must be an int, got {k!r}"
        raise TypeError(msg)
    if not 1 <= k <= names.size:
        msg = f"`k` must lie in 1 to {names.size} (the number of regions), got {k}"
        raise ValueError(msg)
    if isinstance(members, str | bytes):
        msg = (
            f"`members` must be a list of labels, got the str {members!r} (which "
            f"would be read as its characters); pass [{members!r}]"
        )
        raise TypeError(msg)
    wanted = list(members)
    if not wanted:
        msg = (
            "`members` is empty: a statement about no regions cannot be checked "
            "(it would hold vacuously); name at least one region"
        )
        raise ValueError(msg)
    unknown_members = []
    at = []
    for m in wanted:  # the few named regions
        try:
            at.append(_position(lab, m, "members"))
        except ValueError as exc:
            if "is not among" not in str(exc):
                raise
            unknown_members.append(m)
    if unknown_members:
        msg = f"`members` {unknown_members} are not among `labels`"
        raise ValueError(msg)
    if len(set(at)) != len(at):
        msg = f"`members` must not repeat, got {wanted}"
        raise ValueError(msg)
    # Published figures: computed float noise (0.1 + 0.2) must not break a tie.
    v = _snap(v)
    n_missing = int(np.isnan(v).sum())
    r_min = rank(v, descending=descending, ties="min").rank
    r_max = rank(v, descending=descending, ties="max").rank
    # Missing competitors could all rank ahead: widen the worst case.
    surely_in = (~np.isnan(v) & (r_max + n_missing <= k)) | (k >= names.size)
    surely_out = ~np.isnan(v) & (r_min > k)
    is_member = np.zeros(names.size, dtype=bool)
    is_member[at] = True
    ins = names[is_member & surely_in].tolist()
    outs = names[is_member & surely_out].tolist()
    open_mask = is_member & ~surely_in & ~surely_out
    open_ = names[open_mask].tolist()

    # Each undecided member with the ranks its ties and any missing values
    # leave it, naming only what widens its range: "Bangkalan (2-3 with
    # ties)", "Sampang (2-3 with 1 missing value)".
    def widened(lo: float, hi: float) -> str:
        causes = (["ties"] if hi > lo else []) + (
            [_counted(n_missing, "missing value")] if n_missing else []
        )
        return f" with {' and '.join(causes)}" if causes else ""

    # What decides the open members, as their spans say: ties where one is
    # tied, missing values where a value is missing.
    tied_open = bool(np.any(r_max[open_mask] > r_min[open_mask]))
    deciders = " or ".join(
        (["ties"] if tied_open else [])
        + (["missing values"] if n_missing or np.isnan(v[open_mask]).any() else [])
    )

    spans = [
        (
            f"{name} (no value)"
            if np.isnan(lo)
            else f"{name} ({int(lo)}-{int(hi + n_missing)}{widened(lo, hi)})"
        )
        for name, lo, hi in zip(open_, r_min[open_mask], r_max[open_mask], strict=True)
    ]
    missed = names[~is_member & surely_in].tolist() if exact else []
    # Jointly: a region strictly above the lowest named value is above a
    # named region in every order, so it takes one of the k places too.
    score = v if descending else -v
    known_member = is_member & ~np.isnan(v)
    ahead_mask = np.zeros(names.size, dtype=bool)
    if known_member.any():
        floor = np.min(score[known_member])
        ahead_mask = ~is_member & ~np.isnan(v) & (score > floor)
    ahead = names[ahead_mask].tolist()
    crowded = len(wanted) + len(ahead) > k
    if (exact and len(wanted) != k) or outs or missed or crowded:
        verdict = NOT_HOLDS
    elif open_:
        verdict = UNDECIDED
    else:
        verdict = HOLDS
    top = "highest" if descending else "lowest"
    parts = [f"{len(ins)} of the {len(wanted)} named are surely among the {k} {top}"]
    if outs:
        parts.append(f"not among them: {', '.join(outs)}")
    if open_:
        parts.append(f"decided by {deciders or 'ties'}: {', '.join(spans)}")
    if missed:
        parts.append(f"also among them but not named: {', '.join(missed)}")
    # No clause with an empty list: more named than places needs no region
    # ranked above them to be too many.
    if crowded and not outs and not missed:
        if exact and ahead:
            parts.append(
                f"ranked above a named region but not named: {', '.join(ahead)}"
            )
        elif not exact and ahead:
            parts.append(
                f"the {len(wanted)} named and the {len(ahead)} ranked above one of "
                f"them ({', '.join(ahead)}) do not fit in {_counted(k, 'place')}"
            )
        elif not exact:
            parts.append(
                f"the {len(wanted)} named do not fit in {_counted(k, 'place')}"
            )
    if exact and len(wanted) != k:
        parts.append(
            f"{_counted(len(wanted), 'region')} {_are(len(wanted))} named for a "
            f"set of {k}"
        )
    return StatementCheck(
        verdict=np.asarray(verdict),
        reason=np.asarray("; ".join(parts)),
        figures={
            "in_top": ", ".join(ins),
            "outside": ", ".join(outs),
            "undecided": ", ".join(open_),
            "missed": ", ".join(missed),
            "ahead": ", ".join(ahead),
        },
    )


_KINDS = ("change", "count", "direction", "figure", "level_change", "rank")
_CHANGE = (
    "region",
    "period_before",
    "period_after",
    "stated",
    "direction",
    "stated_as",
    "decimals",
)
_NEEDS: dict[str, tuple[str, ...]] = {
    "change": _CHANGE,
    "count": ("region", "period", "base", "stated", "decimals"),
    "direction": ("region", "period_before", "period_after", "direction"),
    "figure": ("region", "period", "measure", "stated", "decimals"),
    "level_change": _CHANGE,
    "rank": ("region", "period", "stated_rank", "descending"),
}


# The period columns of each kind that, with ``region``, name a row of `data`.
_PERIOD_COLUMNS: dict[str, tuple[str, ...]] = {
    "change": ("period_before", "period_after"),
    "count": ("period",),
    "direction": ("period_before", "period_after"),
    "figure": ("period",),
    "level_change": ("period_before", "period_after"),
    "rank": ("period",),
}
_PERIOD_ORDER = {"period": 0, "period_before": 0, "period_after": 1}
#: The spellings of a rank statement's optional ``ties`` column.
_TIES: tuple[Ties, ...] = ("min", "max", "average", "dense", "ordinal")

# (kinds, column, whole numbers only, smallest value, may be missing)
_NUMBER_COLUMNS: tuple[tuple[tuple[str, ...], str, bool, float, bool], ...] = (
    (("change", "count", "figure", "level_change"), "decimals", True, -15, False),
    (("change", "count", "figure", "level_change"), "stated", False, -np.inf, True),
    (("count",), "base", False, 0, True),
    (("rank",), "stated_rank", True, 1, False),
    (("rank",), "of", True, 1, True),
    (("rank",), "stated_value", False, -np.inf, True),
    (("rank",), "value_decimals", True, -15, True),
)


def _one_number(value: object) -> bool:
    """Whether `value` alone is a number as :func:`_validate.numeric` reads one.

    A missing marker is one (missing); text, a bool or another object is
    not. Only for naming the cells of a column `numeric` refused.
    """
    one = np.empty(1, dtype=object)
    one[0] = value
    try:
        _validate.numeric(one, "x")
    except TypeError:
        return False
    except ValueError:  # a number float64 cannot hold: a number all the same
        return True
    return True


def _column_numbers(
    statements: pd.DataFrame,
    mask: NDArray[np.bool_],
    col: str,
    *,
    whole: bool,
    least: float,
    optional: bool,
) -> None:
    """Refuse cells of `col` (in rows `mask`) that are not numbers as required.

    Text (such as a stated "0,11"), booleans, fractions and infinities where
    a whole number is needed, values below `least`, and missing values where
    one is needed are each reported with the column, the rows and what they hold.
    The column is read once by :func:`_validate.numeric`, the array
    functions' reading: a number float64 cannot hold exactly (an integer
    beyond 2**53 of any type, a Decimal of 21 digits) is refused as they
    refuse it, at its `statements` row.
    """
    cells = statements[col][mask]
    rows = _row_names(statements.index, np.flatnonzero(mask))
    try:
        # Once, as every array function reads numbers: an integer or a
        # Decimal float64 cannot hold (np.uint64(2**64 - 1) as 2**53 + 1),
        # a long double, a float32 as printed; missing markers are NaN.
        x = _validate.numeric(
            cells.to_numpy(dtype=object),
            col,
            place=lambda k: f"`statements` row {rows[k]!r}",
        )
    except TypeError:
        # Text, booleans or other objects: named cell by cell (error path).
        items = cells.tolist()
        text = [isinstance(v, str | bytes) for v in items]
        if any(text):
            where = [i for i, t in zip(rows, text, strict=True) if t]
            got = [v for v, t in zip(items, text, strict=True) if t]
            msg = (
                f"`statements` column {col!r} must hold numbers, not text; rows "
                f"{where[:10]} have {got[:10]}; {_validate.TEXT_NUMBERS_HINT}"
            )
            raise ValueError(msg) from None
        odd = [not _one_number(v) for v in items]
        if not any(odd):  # pragma: no cover - some cell is not a number
            raise
        where = [i for i, o in zip(rows, odd, strict=True) if o]
        got = [v for v, o in zip(items, odd, strict=True) if o]
        msg = (
            f"`statements` column {col!r} must hold numbers; rows {where[:10]} "
            f"have {got[:10]}"
        )
        raise ValueError(msg) from None
    problems = np.zeros(x.shape, dtype=bool)
    rule = "numbers"
    if not optional:
        problems |= np.isnan(x)
        rule = "numbers (not missing)"
    with np.errstate(invalid="ignore"):
        if whole:
            # An infinity is no whole number (floor(inf) == inf, though).
            problems |= np.isinf(x) | (~np.isnan(x) & (x != np.floor(x)))
            rule = f"whole numbers{' (not missing)' if not optional else ''}"
        problems |= ~np.isnan(x) & (x < least)
    if np.isfinite(least):
        rule += f" >= {least:g}"
    if problems.any():
        where = [i for i, p in zip(rows, problems, strict=True) if p]
        got = _plain_list(cells[problems])
        msg = (
            f"`statements` column {col!r} must hold {rule}; rows {where[:10]} "
            f"have {got[:10]}"
        )
        raise ValueError(msg)


def _column_flags(
    statements: pd.DataFrame,
    mask: NDArray[np.bool_],
    col: str,
    *,
    kinds: tuple[str, ...],
    optional: bool,
) -> None:
    """Refuse cells of `col` (in rows `mask`) that are not real booleans.

    A flag written as text ("False", "no") or as a number (0, 1) is a guess
    waiting to go wrong (``bool("False")`` is True); where `optional`, a
    missing cell (None, NaN, NA) means False.
    """
    cells = statements[col][mask]

    def ok(x: object) -> bool:
        if isinstance(x, bool | np.bool_):
            return True
        missing = bool(pd.isna(x))  # type: ignore[call-overload]
        return optional and not isinstance(x, str | bytes) and missing

    real = np.array([ok(x) for x in cells.tolist()], dtype=bool)
    if not real.all():
        missing = " (or missing, meaning False)" if optional else ""
        rows = _row_names(statements.index, np.flatnonzero(mask)[~real])
        msg = (
            f"`statements` column {col!r} must be True or False{missing} for "
            f"statements of kind {list(kinds)}; rows "
            f"{rows[:10]} have "
            f"{_plain_list(cells[~real])[:10]}"
        )
        raise ValueError(msg)


def _flag_or_false(cells: pd.Series[Any]) -> pd.Series[Any]:
    """A checked flag column as bool, a missing cell read as False."""
    return cells.astype(object).where(cells.notna(), False).astype(bool)


def _periods_in_order(
    statements: pd.DataFrame, kind_of: pd.Series[Any], data_periods: pd.Series[Any]
) -> None:
    """Refuse change statements whose `period_before` is not before `period_after`.

    A change from 2023 to 2022 would be judged backwards (a fall read as a
    rise); a change from a period to itself is no change at all. Periods
    given as text where `data` holds numbers or dates are refused with the
    type `data` holds (the statements are at fault, not `data`).
    """
    changes = kind_of.isin(["change", "direction", "level_change"]).to_numpy()
    rows = statements[changes]
    if not len(rows):
        return
    names = _row_names(statements.index, np.flatnonzero(changes))
    b, a = rows["period_before"], rows["period_after"]
    text = [isinstance(v, str) for v in [*b.tolist(), *a.tolist()]]
    held = data_periods.iloc[0] if len(data_periods) else None
    if any(text) and held is not None and not isinstance(held, str):
        at = [
            (col, i, v)
            for col in ("period_before", "period_after")
            for i, v in zip(names, rows[col].tolist(), strict=True)
            if isinstance(v, str)
        ]
        cells = "; ".join(f"row {i!r} column {c!r} holds {v!r}" for c, i, v in at[:10])
        msg = (
            f"`statements` periods must be written as `data` writes them: {cells} "
            f"(of type str), but `data` column {data_periods.name!r} holds "
            f"{_show_key(held)} of type {type(_validate.plain(held)).__name__}: "
            "write them as `data` does"
        )
        raise ValueError(msg)
    if any(text):
        shown = [v for v in [*b.tolist(), *a.tolist()] if isinstance(v, str)][:3]
        msg = (
            "change, direction and level_change statements need periods that "
            f"can be put in order, but their periods are text ({shown}): text "
            "is ordered as text ('Maret 2024' before 'September 2023'), so "
            "give `data` a period column of dates or years (and the "
            "statements the same)"
        )
        raise ValueError(msg)
    try:
        bad = ~(b < a).to_numpy(bool) & b.notna().to_numpy() & a.notna().to_numpy()
    except TypeError:
        msg = (
            "`statements` columns 'period_before' and 'period_after' must hold "
            f"periods that can be ordered; rows {names[:10]} "
            f"have {_plain_list(b)[:10]} and {_plain_list(a)[:10]}"
        )
        raise ValueError(msg) from None
    if bad.any():
        where = [i for i, b_ in zip(names, bad, strict=True) if b_][:10]
        pairs = list(zip(_plain_list(b[bad]), _plain_list(a[bad]), strict=True))[:10]
        msg = (
            "`statements` must have `period_before` earlier than `period_after` "
            f"for change, direction and level_change statements; rows {where} "
            f"have (period_before, period_after) = {pairs}"
        )
        raise ValueError(msg)


def _elapsed_years(
    before: pd.Series[Any], after: pd.Series[Any]
) -> NDArray[np.float64]:
    """Years between two periods: dates (whole months) or numbers of years."""
    b, a = pd.Series(before), pd.Series(after)
    if all(_is_number(v) for v in [*b.tolist(), *a.tolist()]):
        # Years, in a numeric column or as the labels of `data` (ints): the
        # exact difference of the decimals (2023.7 - 2022.1 is 1.6), as
        # with_changes takes it.
        return _grouping.elapsed_years(
            a.to_numpy(np.float64), b.to_numpy(np.float64), 1
        )
    try:
        if any(isinstance(v, str) for v in [*b.tolist(), *a.tolist()]):
            raise TypeError  # text dates are read by no order ('01/03/2023')
        tb, ta = pd.to_datetime(b), pd.to_datetime(a)
    except (TypeError, ValueError):
        msg = (
            "per-year statements need periods that are dates or numbers of years; "
            f"got {b.tolist()[:3]} and {a.tolist()[:3]}"
        )
        raise ValueError(msg) from None
    # Dates count whole months (the day is not read): the month gap / 12,
    # rounded once, as the frame adapters take it (March 2019 -> September
    # 2023 is 54 months, 4.5 years exactly).
    later, earlier = (
        _grouping.month_count(
            np.asarray(t.dt.year, np.float64), np.asarray(t.dt.month, np.float64)
        )
        for t in (ta, tb)
    )
    return _grouping.elapsed_years(later, earlier, 12)


#: Set on an error that already names the statement rows at fault.
_ROWS_NAMED = "_povstat_rows_named"


@contextlib.contextmanager
def _rows_named(
    index: pd.Index[Any], positions: NDArray[Any], kind: str
) -> Iterator[None]:
    """Re-raise a check's error prefixed with the statement rows it came from."""
    try:
        yield
    except (TypeError, ValueError) as exc:
        if getattr(exc, _ROWS_NAMED, False):
            raise
        rows = _row_names(index, positions)
        text = str(exc)
        # A check names the offending value "at index k" of the rows passed
        # to it: name that statement row itself.
        at = re.search(r" at index (\d+)\b", text)
        if at is not None and int(at[1]) < len(rows):
            row = rows[int(at[1])]
            text = text[: at.start()] + text[at.end() :]
            rows = [row]
        where = f"row {rows[0]!r}" if len(rows) == 1 else f"rows {rows[:10]}"
        msg = f"`statements` {where} (kind {kind!r}): {text}"
        raise (TypeError if isinstance(exc, TypeError) else ValueError)(msg) from None


def _plain_list(items: Iterable[Any]) -> list[Any]:
    """Row labels or cells as a message lists them: numpy scalars as values."""
    return [_validate.plain(x) for x in items]


@frozen
class _PlacedRow:
    """A row whose index label repeats, as a message names it.

    Shown (``repr``, as a label is in ``row {x!r}`` and in a list) as its
    label and its position: ``0 (row position 2)``.
    """

    label: object
    position: int

    def __repr__(self) -> str:
        return f"{self.label!r} (row position {self.position})"


class _RankGroup:
    """The rows of `data` that rank statements of one period and group rank.

    The rows themselves (in the order of `data`, as a boolean selection
    gives them), the regions of the group with no row at the period (named
    in each reason, and warned about when they have rows before and after
    it), and the values and labels read and ranked once
    (:class:`_RankTable`), for every statement of that period and group.
    """

    def __init__(self, groups: _RankGroups, rows: NDArray[np.intp]) -> None:
        self.groups, self.rows = groups, rows
        self._regions: set[Any] | None = None
        self._rank_table: _RankTable | None = None
        self.gaps: list[str] = []
        self.gone = 0
        self.gone_text = ""

    @property
    def table(self) -> pd.DataFrame:
        """The rows, as a frame (as ``data[selection]`` gives them)."""
        return self.groups.data.iloc[self.rows]

    def regions(self) -> list[Any]:
        """The region of each row, as ``table[region].tolist()`` gives it."""
        return cast("list[Any]", self.groups.region_of_row[self.rows].tolist())

    def absent(
        self,
        gone: NDArray[np.object_],
        first: NDArray[Any],
        last: NDArray[Any],
        at: object,
    ) -> None:
        """Name the regions `gone` (no row at period `at`) by their periods."""
        # As bools: periods held as objects (pandas Periods) compare to an
        # object array, which `&` cannot combine.
        earlier = np.asarray(first < at, dtype=bool)
        later = np.asarray(last > at, dtype=bool)
        sorts = (
            ("rows before and after it", earlier & later),
            ("rows only before it", earlier & ~later),
            ("rows only after it", ~earlier & later),
        )
        # Named in label order, never in the order of the rows.
        gone_text = {
            words: sorted(
                (x if isinstance(x, str) else _show_key(x) for x in gone[flags]),
                key=str,
            )
            for words, flags in sorts
        }
        self.gaps = gone_text["rows before and after it"]
        self.gone = len(gone)
        self.gone_text = "; ".join(
            ", ".join(names[:3])
            + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            + f" ({words})"
            for words, names in gone_text.items()
            if names
        )

    def ranks(self, after: object) -> bool:
        """Whether region `after` has a row among the ranked ones."""
        if self._regions is None:
            self._regions = set(self.regions())
        try:
            return after in self._regions
        except TypeError:  # not hashable: compared with each row, as given
            return bool((self.table[self.groups.region] == after).any())

    def label_of(self, region: object) -> str:
        """The label (as text) of region `region`'s row among the ranked ones.

        `region` as :meth:`ranks` finds it (equal in value to a region of
        `data`: 35.73 beside a float32 column is its 35.73); else its text.
        """
        hits = np.flatnonzero(
            np.asarray(self.groups.region_of_row[self.rows] == region, dtype=bool)
        )
        if hits.size:
            return str(self.groups.labels[self.rows[hits[0]]])
        return str(region)

    def rank_table(self, rate: str, values_decimals: int | None) -> _RankTable:
        """The rates of the rows and their regions, read and ranked once."""
        if self._rank_table is None:
            rates = self.groups.rates
            self._rank_table = _RankTable(
                # A float64 column is read as is, row by row; any other
                # through the rows' own column, whose errors name its rows.
                _plumbing.pandas_floats(self.table[rate])
                if rates is None
                else rates[self.rows],
                self.groups.labels[self.rows],
                values_decimals,
                None if self.groups.need is None else self.groups.need[self.rows],
            )
        return self._rank_table


class _RankGroups:
    """The rows of `data` by period and `by` group, each group built once.

    Periods, groups and regions are coded once; which region has a row at
    which period, and which region ever has a row in which group, are two
    boolean tables, so that the regions of a group absent at a period are
    one lookup, never a search of `data`.
    """

    def __init__(
        self,
        data: pd.DataFrame,
        *,
        region: str,
        period: str,
        rate: str,
        by: str | None,
    ) -> None:
        # The columns a ranking reads (the rate is read by the table).
        self.data = data[list(dict.fromkeys([region, rate]))]
        self.region, self.by = region, by
        # Read once for all groups: each row's region (as `tolist` gives it)
        # and its label as text, and a float64 rate column as is.
        self.region_of_row = np.empty(len(data), dtype=object)
        self.region_of_row[:] = data[region].tolist()
        self.labels = data[region].astype(str).to_numpy()
        self.rates = (
            np.asarray(data[rate].to_numpy(), dtype=np.float64)
            if data[rate].dtype == np.float64
            else None
        )
        region_code = pd.factorize(data[region])[0]
        self.regions = data[region].drop_duplicates()
        period_code = pd.factorize(data[period])[0]
        group_code = (
            pd.factorize(data[by])[0]
            if by is not None
            else np.zeros(len(data), dtype=np.intp)
        )
        # Each region as iterating `data` gives it (a Python int for int64).
        self.region_objects = np.empty(len(self.regions), dtype=object)
        self.region_objects[:] = self.regions.tolist()
        n_regions, n_periods = len(self.regions), int(period_code.max()) + 1
        n_groups = int(group_code.max()) + 1
        self.present = np.zeros((n_regions, n_periods), dtype=bool)
        self.present[region_code, period_code] = True
        self.member = np.zeros((n_regions, n_groups), dtype=bool)
        self.member[region_code, group_code] = True
        self.key = period_code.astype(np.int64) * n_groups + group_code
        self.n_groups = n_groups
        # The rows of each (period, group), in the order of `data`.
        self.order = np.argsort(self.key, kind="stable")
        self.sorted_key = self.key[self.order]
        # Each region's first and last period in `data`, whatever its group.
        span = data.groupby(region, sort=False, observed=True)[period].agg(
            ["min", "max"]
        )
        self.first = span["min"].reindex(self.regions.to_numpy()).to_numpy()
        self.last = span["max"].reindex(self.regions.to_numpy()).to_numpy()
        self.groups: dict[int, _RankGroup] = {}
        # The decimals each rate needs, read once with the column (a float64
        # column only: the rows' own values are read as is), or None.
        self.need: NDArray[np.intp] | None = None

    def of_row(self, i: int, at: object) -> _RankGroup:
        """The group of row `i` of `data`, at its period `at`."""
        key = int(self.key[i])
        if key not in self.groups:
            lo, hi = np.searchsorted(self.sorted_key, [key, key + 1])
            p, g = divmod(key, self.n_groups)
            # The regions of the group (all regions, without `by`) with no
            # row at the period anywhere in `data`. A region of the group
            # with a row at the period in another group (it moved group, as
            # the Papua regencies in 2022) is ranked there, not absent.
            pool = self.member[:, g] if self.by is not None else True
            gone = np.flatnonzero(pool & ~self.present[:, p])
            grp = _RankGroup(self, self.order[lo:hi])
            grp.absent(self.region_objects[gone], self.first[gone], self.last[gone], at)
            self.groups[key] = grp
        return self.groups[key]


def _row_names(index: pd.Index[Any], positions: ArrayLike) -> list[Any]:
    """Rows at `positions` (0-based) of a pandas frame as messages name them.

    The one rule for every message of :func:`check_statements` that names
    rows of `statements` or `data`: by index label, numpy scalars as plain
    values, in each level of a MultiIndex too (``row 0``, ``rows [0,
    'a']``, ``row (2, 'y')``); where the index repeats labels
    (frames joined with ``pd.concat`` without ``ignore_index``: ``0, 0,
    0``), a label names several rows, so the position follows it: ``row 0
    (row position 2)``, ``rows [0 (row position 1), 0 (row position 2)]``.
    """
    at = np.asarray(positions, dtype=np.intp).reshape(-1)
    labels = [
        tuple(_plain_list(x)) if isinstance(x, tuple) else x  # MultiIndex levels
        for x in _plain_list(index[at])
    ]
    if index.is_unique:
        return labels
    return [_PlacedRow(x, int(p)) for x, p in zip(labels, at, strict=True)]


#: Most persons per unit of a count column: its decimals less 15 stay >= -15.
_MOST_PERSONS_PER_UNIT = 1e15


def _persons_per_unit(value: object) -> float:
    """Check `persons_per_poor_unit`: one finite number > 0, never missing."""
    if isinstance(value, bool | np.bool_) or not isinstance(
        value, numbers.Real | decimal.Decimal
    ):
        msg = (
            "`persons_per_poor_unit` must be a number (1000 for thousands, 1 "
            f"for persons), got {_validate.shown(value)}"
        )
        raise TypeError(msg)
    # A Decimal or long double float64 cannot hold is refused, not rounded.
    scale = float(_validate.numeric(cast("Any", value), "persons_per_poor_unit"))
    if not (np.isfinite(scale) and scale > 0):
        msg = (
            "`persons_per_poor_unit` must be a finite number > 0 (1000 for "
            f"thousands, 1 for persons), got {_validate.shown(value)}"
        )
        raise ValueError(msg)
    # A whole number of persons, 1 to 10**15: a unit of the count column is
    # at least a person, and the levels' decimals in persons (the column's
    # less log10 of it) stay within the supported -15 to 10.
    if not (1 <= scale <= _MOST_PERSONS_PER_UNIT and scale.is_integer()):
        hint = " (1000 for thousands, not 0.001)" if scale < 1 else ""
        msg = (
            "`persons_per_poor_unit` must be a whole number of persons from 1 "
            f"to {_MOST_PERSONS_PER_UNIT:,.0f} (1000 for thousands, 1 for "
            f"persons), got {_validate.shown(value)}{hint}"
        )
        raise ValueError(msg)
    return scale


def _plain_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its category columns read as their values (a new frame).

    The one place check_statements decodes a pandas ``category`` or
    ``dictionary[pyarrow]`` column (a polars Categorical, a pyarrow
    dictionary column): its cells are the values they show, so an unordered
    category of years can be sorted and an empty cell filled like any other.
    Numbers are decoded by :func:`povstat._validate.decoded` (a float32 stays
    float32, an integer stays an integer beside its nulls); other values
    become plain objects, a null None-like as before. An object column of
    pyarrow Scalars (``list(table[col])``) is read as the values they hold
    (:func:`povstat._validate.arrow_scalars`). The caller's frame is never
    changed.
    """
    plain: dict[Any, Any] = {}
    for pos in range(frame.shape[1]):
        cells = frame.iloc[:, pos]
        dtype = cells.dtype
        if dtype == np.dtype(object):
            held = _validate.arrow_scalars(cells)
            if held is not cells:
                plain[pos] = held
            continue
        arrow_dict = isinstance(dtype, pd.ArrowDtype) and str(
            dtype.pyarrow_dtype
        ).startswith("dictionary")
        if not (isinstance(dtype, pd.CategoricalDtype) or arrow_dict):
            continue
        values = _validate.decoded(cells)
        if values is cells:  # categories of text, dates, ...: their values
            values = pd.Series(
                np.asarray(cells, dtype=object), index=cells.index, name=cells.name
            )
        plain[pos] = values
    if not plain:
        return frame
    out = frame.copy(deep=False)
    for pos, values in plain.items():
        out.isetitem(pos, values)
    return out


def check_statements(
    statements: IntoFrame,
    data: IntoFrame,
    *,
    unit: Unit,
    persons_per_poor_unit: float,
    region: str = "region_code",
    period: str = "period",
    rate: str = "poverty_rate_pct",
    headcount: str | None = "poor_thousands",
    by: str | Sequence[str] | None = None,
    parent: str | None = None,
    rate_decimals: int | None = None,
    levels_decimals: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """Check a frame of published statements against a long frame of figures.

    Parameters
    ----------
    statements : pandas.DataFrame, polars.DataFrame, ...
        Any frame narwhals supports (a lazy one is collected). One row per
        statement, with a ``kind`` column and the columns that
        kind needs:

        ``"change"`` (of the rate): ``region``, ``period_before``,
        ``period_after``, ``stated``, ``direction`` ("fall"/"rise"),
        ``stated_as`` ("percent"/"points": the statement's unit word),
        ``decimals``, and an optional bool ``per_year`` for an average per
        year over the elapsed time.
        ``"level_change"`` (of the number of poor, or of the column named in
        an optional ``measure`` column, such as the poverty line): the same
        columns, with ``stated_as`` "percent", "points", "units" (a size in
        the unit of the measure column, e.g. thousands) or "persons" (a
        size in persons, for the number of poor: "fell 4,000 people", read
        with `persons_per_poor_unit`), and an optional bool ``per_year`` for
        an average per year over the elapsed time between the periods
        (dates, or years).
        ``"count"``: ``region``, ``period``, ``base``, ``stated``,
        ``decimals`` (the rate's population is implied from `rate` and
        `headcount` in `data`).
        ``"direction"``: ``region``, ``period_before``, ``period_after``,
        ``direction``; judged on the rate alone where `data` has no number
        of poor.
        ``"figure"`` (a stated figure, traced when wrong; see
        :func:`povstat.tracing.trace_figure`): ``region``, ``period``,
        ``measure`` (a column of `data`), ``stated`` (in that column's unit),
        ``decimals``. A stated figure or rank ``stated_value`` that is the
        data's figure misread by a power of ten (a rate in percent against
        fractions, or the reverse, is 100 times off) does not hold, and the
        reason names the factor and the unit it is read in.
        ``"rank"``: ``region``, ``period``, ``stated_rank``, ``descending``
        (bool), optional ``after``, ``of``, ``ties`` (the rule for tied
        rates, as the `ties` of :func:`check_rank_statement`: "min", "max",
        "average", "dense" or "ordinal"; missing means "min"), and
        ``stated_value`` (in `unit`, as the `rate` column) with
        ``value_decimals``; regions ranked among
        the rows of `data` at that period (and in the same `by` group, if
        given). A row with a missing rate is a region without a value: it
        could rank anywhere, and a statement it could make true or false
        is "cannot tell"; an ``of`` says how many of them are ranked (as
        the `of` of :func:`check_rank_statement`: none where it is the
        number of rates given). A region with no row at that period anywhere in
        `data` is not ranked, and the reason names it with its rows: before
        and after the period (a gap), only before it, or only after it (a
        province created later, such as the four Papua provinces of 2022,
        has rows only after the periods before it). A ``UserWarning`` is
        given for the gaps alone: a region with rows on both sides existed
        then, and dropping the rows of missing rates (``dropna``) turns a
        "cannot tell" into a verdict; rows on one side alone cannot tell a
        region not yet (or no longer) in existence from a missing row. A
        region of the `by` group with a row at the period in another group
        (it moved group, as the Papua regencies moved to the new provinces)
        is ranked in that group, and is neither absent nor named.

        Numbers must be numbers: text such as "0,11" is refused (read it
        with :func:`povstat.parse_numbers`), as are ranks and decimals that
        are not whole (fractions and infinities).
    data : DataFrame
        Long frame, one row per region and period (filter other keys, such
        as urban and rural areas, first), with columns `region`, `period`,
        `rate` (in `unit`) and `headcount`: pandas, polars or any frame
        narwhals reads (lazy frames are collected).
    unit : {"fraction", "percent"}
        Scale of the `rate` column.
    persons_per_poor_unit : float
        Persons per unit of the `headcount` column: 1000 when it is in
        thousands (as BPS publishes), 1 when in persons; a whole number from
        1 to 10**15 that float64 holds. Stated, never guessed; used to
        compare count statements, which are in persons, and level changes
        stated as "persons".
    region, period, rate : str
        Column names in `data`. A date `period` column is read by calendar
        month, as the adapters read it: a statement dated 2022-03-15 is
        about the row dated 2022-03-01 (two rows of a region in one month
        are duplicate keys).
    headcount : str or None, default "poor_thousands"
        Column of `data` with the number of poor; None if there is none
        (direction statements are then judged on the rate alone, and count
        and level-change statements are refused).
    by : str or list of str, optional
        Column of `data` within which rank statements are checked (e.g.
        region type, or ``province_code`` to rank regencies and cities
        within their province: keep the regencies and cities alone first,
        see Notes); None ranks all rows of the period together. A list as
        :func:`povstat.with_ranks` takes it may also name the `period`
        column (always a key here): ``["province_code", "year"]`` is
        ``"province_code"``. Never the `region` or `rate` column (each
        group would hold one row, every rank "1 of 1").
    parent : str, optional
        Column of `data` with each region's parent region, used to rank the
        origins of a wrong figure (see :func:`povstat.tracing.trace_figure`).
    rate_decimals : int, optional
        Decimals the `rate` column was published with, in `unit` (2 for
        BPS's percentages), for rank, change, direction and figure
        statements; a figure needing more (a pooled rate of 7.876 appended
        to rates of 2 decimals) is read on its own. None reads them from the
        column (see Notes).
    levels_decimals : mapping of str to int, optional
        Decimals other columns of `data` were published with, by column
        name (``{"poor_thousands": 2}``), for level-change, direction (the
        `headcount` column) and figure statements, read by the same rule as
        `rate_decimals`. A column not named is read from its figures (see
        Notes). A key column (`region`, `period`, `by`) is refused: its
        labels are no figures.

    Returns
    -------
    pandas.DataFrame
        A copy of `statements` (same index and order; other frames are read
        into pandas with Arrow-backed columns, so that every column comes
        back as given, an integer id with a null included) with
        ``verdict`` and ``reason`` columns added.

    Raises
    ------
    TypeError
        If `persons_per_poor_unit` is not a number (None included), a
        period column holds time-zone-aware datetimes (periods are calendar
        dates: convert them to dates first; Spark's TIMESTAMP is read as
        the date in the session time zone, as the adapters read it, at
        midnight), or a value column of `data`
        read as a figure (`rate`, `headcount`, a statement's ``measure``)
        is not numeric (text such as "4,37" is refused, not converted, with
        the :func:`povstat.parse_numbers` hint; one check for a measure of
        every kind), a key column of `data` (`region`, `period`, `by`)
        holds labels of several kinds ("35" beside 35, 2023 beside "2023":
        the adapters' check, never two groups), or `by` names more than
        one column besides the period.
    ValueError
        If a column is missing, `statements` already has a ``verdict`` or
        ``reason`` column (never overwritten), a ``kind`` is unknown, a
        number is text or out of range, a flag (``descending``,
        ``per_year``) is not a real bool (text such as "False" is refused:
        ``bool("False")`` is True; a missing ``per_year`` means False), a
        change, direction or level_change statement has ``period_before``
        not earlier than ``period_after`` (or periods are text where `data`
        holds years or dates), a statement's region and period are not in
        `data` (a region or period of another type than `data`'s, such as
        the text "2023" for the year 2023, is named with the type `data`
        holds), a rank statement's ``after`` is not a region
        ranked with it (one in no row of `data` is named as such, as a
        misspelt ``region`` is; one in another `by` group is told its
        group), a group a rank statement ranks in holds a region together
        with regions nested in it (see Notes), a key column of `data`
        (`region`, `period`, `by`)
        has a missing value (the row would drop out silently), a
        statement's ``region`` or period cell is empty, `by` names the
        `region` or `rate` column, a
        statement's ``measure`` names a key column of `data`, or
        `persons_per_poor_unit` is not a whole number from 1 to 10**15
        (0.001 for thousands is refused; so is a ``Decimal`` float64
        cannot hold). An unknown ``kind`` is named with its rows, and one
        that differs from a known kind only in case or spaces (``"rank "``
        from a spreadsheet) is pointed to it, never taken as it. Each
        message names
        the statement rows (by index label, ``row 0``; where the index
        repeats labels, as after ``pd.concat`` without ``ignore_index``,
        with each row's position: ``row 0 (row position 2)``; rows of
        `data` alike) and columns at fault (every row whose region and
        period are not in `data`, of any kind, each once, with each pair
        once; every row that shares a fault: each ``measure`` column at
        fault, missing, a key or not numeric, once with all the rows that
        name it, of either kind, a ValueError where the faults are not all
        of a column that is not numeric; every ``after`` not ranked with its
        region; every ``direction`` or ``stated_as`` outside its values, of
        every kind, and every rank row's ``ties`` outside its five
        spellings); an error raised by a ``check_*`` function is prefixed
        with the rows it checked. Figure and rank statements are checked one
        row at a time: the faults of all such rows (an ``after`` not ranked
        with its region, an error of :func:`check_rank_statement` or of
        :func:`povstat.tracing.trace_figure`) are collected and raised
        together, in the order of the rows of `statements` (a TypeError
        when every one is a TypeError, else a ValueError). The checks of the
        other kinds run before them, each on all rows of its kind at once,
        and raise first, one kind at a time (change, count, level_change,
        direction).

    Warns
    -----
    UserWarning
        If the decimals the `rate` column (or a level change's column) is
        read at are not stated (`rate_decimals`, `levels_decimals`), are
        needed by fewer than half of its figures (named, with region and
        period), and a verdict of the batch could change were the others
        read at the fewer decimals they need (see Notes).
        If a rank statement's period lacks rows, anywhere in `data`, for
        regions (of the same `by` group) that have rows both before and
        after it: they are not ranked, and the reason names them. Regions
        with rows only before or only after the period are named in the
        reason without a warning.

    See Also
    --------
    check_change_statement, check_level_change_statement,
    check_count_statement, check_direction_statement, check_rank_statement,
    povstat.tracing.trace_figure

    Notes
    -----
    Each kind is checked by its ``check_*`` function; see those for the
    rules and sources. One rule matches every key column of the statements
    (``region``, ``after``, ``period``, ``period_before``,
    ``period_after``) to `data`: a number equal to a label of `data` is that
    label, so 3507.0 (an integer column with a gap is float64 in pandas) is
    the region 3507 and 2023.0 the year 2023; text is not a number ("3507"
    is refused, with the type `data` holds), nor a pandas Period ("2023"
    against a quarterly Period column, which pandas would read as 2023Q1,
    the March round, is refused: write the Period).

    A change in points, units or persons stated with more decimals than the
    data's column, and a relative change in percent, is judged against the
    range the column's rounding leaves
    (``levels_decimals``), the column's decimals being the most any of its
    figures shows (BPS publishes a column to one precision; a column of
    whole figures such as 10.0 and 9.0 is taken as published to 0
    decimals). A Decimal column (DECIMAL(7,2), or a pandas column of
    ``Decimal`` objects: the most places any of them is written with) is
    read at its scale instead, up to 10 places, the most a figure is
    compared at; a scale above 10 (DECIMAL(38,25), a type for computing,
    not for publishing) says nothing of the published decimals and is not
    used: such a column is read from its figures, as a float column is.

    A rank statement's ``stated_value`` is judged, and the ranked values
    shown, at the decimals of the whole `rate` column
    (``values_decimals`` of :func:`check_rank_statement` set to the
    column's decimals), not at those of the ranked group's own figures:
    BPS publishes a column to one precision, so a group whose figures
    happen to end in a zero (4.10, 5.30) is still read at 2 decimals. For
    ranks and changes of the rate, the `rate` column's decimals are
    `rate_decimals` where given; else a Decimal column's scale (a pandas
    column of ``Decimal`` objects: each figure's places); else the most
    decimals any of its figures needs among those needing at most 10 (a
    float cannot show a trailing zero: 4.10 needs 1, so 4.1, 7.2 and 4.88
    are read at 2). A figure needing more than these (a pooled rate from
    :func:`povstat.aggregate_regions`, computed, or rounded to 3 decimals
    beside rates of 2) is read on its own, at the decimals it needs, or as
    given beyond 10 (a change of it reads each of its two rates within its
    own rounding interval; a computed one stands for itself, so a change
    from a published 8.10 to a computed 7.8761047 lies in (0.2189, 0.2289);
    a change of two computed rates is taken as given).
    Where fewer than half of the figures need the decimals found
    (one pooled 7.876 appended to published rates of 2 decimals), the
    others are read at them too, and a UserWarning names every figure
    needing more than most figures need (in the order of their region and
    period) and those decimals: pass ``rate_decimals=2`` if most figures
    were published with 2. A
    DECIMAL(6,3) column (a DECIMAL(5,2) table and a pooled
    ``7.876::DECIMAL(6,3)`` joined by UNION ALL) says 3 for every figure:
    pass `rate_decimals`, or cast the appended figure, not the column.
    Level changes read their column by the same rule (one function reads
    both), with the decimals stated in `levels_decimals`.

    Figures read at different decimals are compared by the true values
    each stands for: 17.78 (2 decimals) for [17.775, 17.785), 17.784 read
    on its own for [17.7835, 17.7845), a computed value for itself. A
    change from 8.10 to 7.876 lies in (0.2185, 0.2295). Where
    the intervals of two different figures meet, the figures do not order
    them: a rank the order decides, or a region said to come just before
    another, is "cannot tell" (never "holds"), and a stated rank no order
    allows "does not hold". Equal figures are ties, ranked by the tie
    rule, as before. Nor do such figures give the direction of a change
    (8.10 to 8.098: the true change lies in (-0.0075, +0.0035)): a
    direction statement is "cannot tell", and a change stated with a size,
    whichever way, is "cannot tell" where a change that way of the stated
    size is within the range ("rose 0.00 points", or "fell 0.02 percent",
    the relative fall the figures give as they stand), else "does not
    hold"; never "holds". A stated figure (kind "figure") is judged within its cell's
    own interval, as the column is read: with ``rate_decimals=2``, a
    published 4.26 stands for [4.255, 4.265), whatever figures of 3
    decimals are appended.

    The warning on the decimals read is given only where they are in doubt
    and can matter: fewer than half of the figures need them (three
    published rates 4.10, 7.20, 4.88 read as 4.1, 7.2, 4.88; or one pooled
    7.876 beside rates of 2 decimals), and reading the others at the fewer
    decimals they need could change a verdict: a change (or a direction)
    of which one or both figures are among them (8.00 to an appended 7.876:
    read at 3, 8.00 is 8.000), a stated figure or a rank statement's stated
    value for one of them, or a rank statement whose region (or
    ``after``) has its order against another figure of its period and `by`
    group open at one reading and decided at the other (a published 7.88,
    at 2 decimals [7.875, 7.885), beside a pooled 7.876). The order of two
    other regions, or of regions of another `by` group, never changes a
    rank statement's verdict: no warning for them, nor for a rank without
    a stated value among figures that are apart at either reading. The figures
    alone cannot tell a published 4.10 from an appended 4.1: the warning
    names both readings (``rate_decimals=2``, ``rate_decimals=1``);
    stating one silences it.
    :func:`check_rank_statement` on the group alone, with
    ``values_decimals=None``, reads the group's own figures and may give
    another verdict; pass it the column's decimals to get this one.

    A region is not ranked among its own parts: where the `region` labels
    are Indonesian area codes (every one of them), or among the labels that
    are region names of :func:`povstat.datasets.load_indonesia` (whatever
    other text the column holds), a period and `by` group that a
    rank statement ranks in and that holds a province with one of its
    regencies or cities (or the country with any region) is refused, as
    :func:`povstat.with_ranks` refuses it. A province's own row carries its
    code in ``province_code``, so keep the regencies and cities alone
    (``region_type`` "kabupaten" or "kota") before ranking them with
    ``by="province_code"``.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*.

    Examples
    --------
    >>> import pandas as pd
    >>> from povstat.datasets import load_east_java
    >>> from povstat.statements import check_statements
    >>> data = load_east_java()
    >>> data = data[data["region_type"].isin(["kabupaten", "kota"])]
    >>> st = pd.DataFrame({
    ...     "kind": ["change", "rank", "figure"],
    ...     "region": ["Kota Malang", "Kota Batu", "Kota Kediri"],
    ...     "period": [None, 2023, 2023], "period_before": [2022, None, None],
    ...     "period_after": [2023, None, None], "stated": [0.11, None, 19.24],
    ...     "direction": ["fall", None, None], "stated_as": ["points", None, None],
    ...     "decimals": [2, None, 2], "measure": [None, None, "poor_thousands"],
    ...     "stated_rank": [None, 38, None], "descending": [None, True, None],
    ... })
    >>> out = check_statements(st, data, unit="percent", region="region_name",
    ...                        period="year", persons_per_poor_unit=1000)
    >>> out["verdict"].tolist()
    ['holds', 'holds', 'does not hold']
    >>> print(out["reason"].iloc[2])  # doctest: +NORMALIZE_WHITESPACE
    Kota Kediri, 2023, poor_thousands is 21.03, not 19.24; it matches Kota
    Kediri, 2024, poor_thousands = 19.24 (year 2024 instead of 2023)
    """
    from povstat.headcount import implied_population

    scale = _persons_per_unit(persons_per_poor_unit)
    if rate_decimals is not None:
        rate_decimals = _validate.decimals(
            rate_decimals, "rate_decimals", most=_validate.FIGURE_DECIMALS
        )
    given = statements
    statements = _plain_categories(_plumbing.to_pandas(statements, arg="statements"))
    taken = [c for c in ("verdict", "reason") if c in statements.columns]
    if taken:
        msg = (
            f"`statements` already has columns {taken}, which check_statements "
            "writes; rename or drop them first (they are never overwritten)"
        )
        raise ValueError(msg)
    # The scale of each Decimal column (DuckDB DECIMAL(7,2): 2), the decimals
    # its figures were written with, which floats cannot show (4.30 as 4.3).
    scales = _plumbing.decimal_scales(data)
    data = _plain_categories(_plumbing.to_pandas(data, arg="data"))
    by = _by_column(by, region=region, period=period, rate=rate)
    named = [c for c in (headcount, by) if c is not None]
    for c in (region, period, rate, *named):
        if c not in data.columns:
            msg = f"`data` has no column {c!r}; columns present: {list(data.columns)}"
            raise ValueError(msg)
    key_args = {"region": region, "period": period, **({"by": by} if by else {})}
    levels_decimals = _levels_decimals(levels_decimals, data, rate=rate, keys=key_args)
    _keys_present(data, key_args)
    for arg, col in key_args.items():
        if data[col].dtype == object:
            # The adapters' check: "35" beside 35 would be two groups (or
            # periods, or regions), and 2023 beside "2023" cannot be sorted.
            _plumbing.one_kind(data[col].to_numpy(), col, arg)
    _data_numbers(data, rate, "rate")
    _data_rates(data, rate, unit, region, period)
    if headcount is not None:
        _data_numbers(data, headcount, "headcount")
        _data_counts(data, headcount, region, period)
    if "kind" not in statements.columns:
        msg = (
            "`statements` has no column 'kind'; columns present: "
            f"{list(statements.columns)}"
        )
        raise ValueError(msg)
    missing_kind = statements["kind"].isna().to_numpy()
    if missing_kind.any():
        gaps = _row_names(statements.index, np.flatnonzero(missing_kind))
        where = f"row {gaps[0]!r}" if len(gaps) == 1 else f"rows {gaps[:10]}"
        msg = (
            f"`statements` has a missing 'kind' in {where}; each "
            f"statement needs one of {list(_KINDS)}"
        )
        raise ValueError(msg)
    kind_text = statements["kind"].astype(str)
    present = set(kind_text)
    bad = sorted(present - set(_KINDS))
    if bad:
        wrong = ~kind_text.isin(_KINDS).to_numpy()
        at = _row_names(statements.index, np.flatnonzero(wrong))
        where = f"row {at[0]!r} has" if len(at) == 1 else f"rows {at[:10]} have"
        more = f" ({len(at)} rows in all)" if len(at) > 10 else ""
        kinds_known = np.array(_KINDS, dtype=object)
        near = "".join(
            f"; {k!r}" + _near_labels(kinds_known, k, "exactly as that kind is written")
            for k in bad
            if _near_labels(kinds_known, k)
        )
        msg = (
            f"`statements` column 'kind': {where} unknown kinds {bad}{more}; "
            f"known: {list(_KINDS)}{near}"
        )
        raise ValueError(msg)
    needs_count = sorted({"count", "level_change"} & present)
    if headcount is None and needs_count:
        msg = (
            f"statements of kind {needs_count} need a number of poor: pass "
            "`headcount`, the column of `data` that holds it"
        )
        raise ValueError(msg)
    for kind in sorted(present):
        lacking = [c for c in _NEEDS[kind] if c not in statements.columns]
        if lacking:
            msg = (
                f"`statements` of kind {kind!r} need columns {lacking}; columns "
                f"present: {list(statements.columns)}"
            )
            raise ValueError(msg)
    # A statement's region and periods name a row of `data`: an empty cell
    # names none (never "region nan"). Every column at fault, with its rows.
    empty_keys: list[str] = []
    for col in ("region", "period", "period_before", "period_after"):
        kinds_with = [
            k for k in sorted(present) if col in ("region", *_PERIOD_COLUMNS[k])
        ]
        if col not in statements.columns or not kinds_with:
            continue
        empty = (
            statements["kind"].isin(kinds_with) & statements[col].isna()
        ).to_numpy()
        if empty.any():
            at = _row_names(statements.index, np.flatnonzero(empty))
            where = f"row {at[0]!r}" if len(at) == 1 else f"rows {at[:10]}"
            of_kind = sorted(set(kind_text[empty]))
            empty_keys.append(
                f"column {col!r} is missing in {where} (kind "
                f"{', '.join(repr(k) for k in of_kind)}): each statement names "
                "the region and period of a row of `data`"
            )
    if empty_keys:
        raise ValueError("`statements` " + "; ".join(empty_keys))
    wrong_values: list[str] = []
    for kind, col, ok in (
        ("change", "direction", ("fall", "rise")),
        ("change", "stated_as", ("percent", "points")),
        ("level_change", "direction", ("fall", "rise")),
        ("level_change", "stated_as", ("percent", "points", "units", "persons")),
        ("direction", "direction", ("fall", "rise")),
    ):
        if kind not in present:
            continue
        wrong = ((statements["kind"] == kind) & ~statements[col].isin(ok)).to_numpy()
        if wrong.any():
            wrong_values.append(
                f"`statements` of kind {kind!r} must have {col} in {list(ok)}; "
                f"rows {_row_names(statements.index, np.flatnonzero(wrong))} have "
                f"{_plain_list(statements[col][wrong])}"
            )
    if "rank" in present and "ties" in statements.columns:
        # Optional: a missing `ties` is the default, "min".
        ties_col = statements["ties"]
        wrong = (
            (statements["kind"] == "rank") & ties_col.notna() & ~ties_col.isin(_TIES)
        ).to_numpy()
        if wrong.any():
            wrong_values.append(
                f"`statements` of kind 'rank' must have ties in {list(_TIES)} "
                "(or missing, for 'min'); rows "
                f"{_row_names(statements.index, np.flatnonzero(wrong))} have "
                f"{_plain_list(ties_col[wrong])}"
            )
    if wrong_values:
        # Every row at fault, of every kind, at once.
        raise ValueError("; ".join(wrong_values))
    for kind in sorted({"change", "count", "figure", "level_change"} & present):
        undecimalled = (
            (statements["kind"] == kind) & statements["decimals"].isna()
        ).to_numpy()
        if undecimalled.any():
            msg = (
                f"`statements` of kind {kind!r} need `decimals`; missing in rows "
                f"{_row_names(statements.index, np.flatnonzero(undecimalled))}"
            )
            raise ValueError(msg)
    kind_of = statements["kind"].astype(str)
    for kinds_, col, whole, least, optional in _NUMBER_COLUMNS:
        mask = kind_of.isin(kinds_).to_numpy()
        if mask.any() and col in statements.columns:
            _column_numbers(
                statements, mask, col, whole=whole, least=least, optional=optional
            )
    for kinds_, col, optional in (
        (("rank",), "descending", False),
        (("change", "level_change"), "per_year", True),
    ):
        mask = kind_of.isin(kinds_).to_numpy()
        if mask.any() and col in statements.columns:
            _column_flags(statements, mask, col, kinds=kinds_, optional=optional)
    _plumbing.refuse_aware(data[period], f"`data` column {period!r}")
    for col in ("period", "period_before", "period_after"):
        if col in statements.columns:
            _plumbing.refuse_aware(statements[col], f"`statements` column {col!r}")
    data_months = _plumbing.month_starts(data[period])
    if data_months is not None:
        # Dates are periods by calendar month, as in the adapters: a
        # statement dated 2022-03-15 is about the March 2022 figures, on
        # every engine (DuckDB and Spark dates reach pandas as date objects).
        data = data.assign(**{period: data_months})
        by_month = statements.assign(
            **{
                col: _month_start(statements[col], col)
                for col in ("period", "period_before", "period_after")
                if col in statements.columns
            }
        )
    else:
        by_month = statements
    # One rule for every key column: a number equal to a label of `data`
    # is that label (3507.0, from an integer column with a gap, is 3507).
    by_month = by_month.assign(
        **{
            col: _as_data_labels(by_month[col], data[key])
            for col, key in (
                ("region", region),
                ("after", region),
                ("period", period),
                ("period_before", period),
                ("period_after", period),
            )
            if col in by_month.columns
        }
    )
    _no_text_periods(statements.index, by_month, data[period], period)
    _periods_in_order(by_month, kind_of, data[period])
    keyed = data.set_index([region, period])
    if keyed.index.duplicated().any():
        dup = keyed.index[keyed.index.duplicated()].unique().tolist()[:10]
        month = (
            " (dates in the same calendar month are the same period)"
            if data_months is not None
            else ""
        )
        msg = f"`data` has duplicate ({region}, {period}) keys{month}: {dup}"
        try:  # the adapters' message: the column the rows differ in, the fix
            _plumbing.cells(_plumbing.collect(data), region=region, period=period)
        except ValueError as exc:
            msg = f"`data` has duplicate ({region}, {period}) keys: {exc}"
        except TypeError:  # a period column the adapters do not read
            pass
        raise ValueError(msg)

    known = set(data[region].tolist())
    known_text = {_key_text(k): k for k in known}

    def unknown_region(r: object) -> str:
        """Why region `r` is not in `data`; 3573 where it holds "3573" said so."""
        held = known_text.get(_key_text(r))
        if held is None:
            near = _near_labels(
                np.array(sorted(known_text), dtype=object), r, "as `data` does"
            )
            return f": {region} {_validate.plain(r)!r} is not in `data` at all{near}"
        return (
            f": {region} {_validate.plain(r)!r} (of type {type(r).__name__}) is "
            f"not in `data`, which holds {_validate.plain(held)!r} of type "
            f"{type(held).__name__}: write it as "
            "`data` does"
        )

    periods_known = set(data[period].tolist())
    periods_text = {_key_text(k): k for k in periods_known}

    def region_periods(r: object, p: object) -> str:
        """The periods of region `r` in `data`, which has none at `p`."""
        own = data[period][(data[region] == r).to_numpy()]
        try:
            first, last = own.min(), own.max()
            earlier, later = bool(first < p), bool(last > p)
        except TypeError:  # pragma: no cover - periods that do not compare
            return ""
        span = f"{_show_key(first)} to {_show_key(last)}"
        if earlier and later:
            return (
                f": `data` has rows of {_validate.plain(r)!r} before and after "
                f"{_show_key(p)} ({span}) but none at it (a gap)"
            )
        side = "before" if earlier else "after"
        return (
            f": `data` has rows of {_validate.plain(r)!r} only {side} "
            f"{_show_key(p)} ({span})"
        )

    period_dtype = data[period].dtype
    period_example = _period_example(periods_known)

    def unknown_period(col: object, p: object, r: object) -> str:
        """Why period `p` is not in `data`; 2023 where it holds "2023" said so.

        Blank text, text with spaces around a period of `data`, and a
        period of another type than `data`'s are named as such, with the
        type `data` holds. A period of `data` that region `r` has no row
        at: the periods `r` has rows at, said as the rank reasons say them
        (Papua Pegunungan, a province since 2022, has rows only after
        2023-03-01).
        """
        held = periods_text.get(_key_text(p))
        if p in periods_known:
            return region_periods(r, p)
        as_data = (
            ""
            if period_example is None
            else f"`data` column {period!r} holds {_show_key(period_example)} of "
            f"type {_type_shown(period_example, period_dtype)}"
        )
        if isinstance(p, str) and held is None:
            if not p.strip():
                return (
                    f": `statements` column {col!r} is blank (the text {p!r}): "
                    f"give the period; {as_data}"
                )
            trimmed = periods_text.get(_key_text(p.strip()))
            if trimmed is not None:
                return (
                    f": `statements` column {col!r} holds {p!r}, with spaces "
                    f"around {p.strip()!r}; {as_data}: remove the spaces and "
                    "write it as `data` does"
                )
        if held is None:
            near = _nearest_periods(periods_known, p)
            kind = _period_type(p)
            if near or period_example is None or kind == _period_type(period_example):
                return near
            return (
                f": `statements` column {col!r} holds {_validate.plain(p)!r} (of "
                f"type {_type_shown(p, None)}), but {as_data}: write it as `data` "
                "does"
            )
        return (
            f": `statements` column {col!r} holds {_validate.plain(p)!r} (of type "
            f"{type(p).__name__}), which is not in `data`, whose column "
            f"{period!r} holds {_validate.plain(held)!r} of type "
            f"{type(_validate.plain(held)).__name__}: write it as `data` does"
        )

    def absent(kind: str, regions: pd.Series[Any], periods: pd.Series[Any]) -> None:
        """Refuse (region, period) pairs not in `data`, naming their rows."""
        keys = pd.MultiIndex.from_arrays([regions.to_numpy(), periods.to_numpy()])
        missing = ~keys.isin(keyed.index)
        if not missing.any():
            return
        rows = _row_names(statements.index, regions.index.to_numpy()[missing])
        where = f"row {rows[0]!r}" if len(rows) == 1 else f"rows {rows[:10]}"
        pairs = [
            f"({_validate.plain(r)!r}, {_validate.plain(p)!r})"
            + (
                unknown_region(r)
                if r not in known
                else unknown_period(periods.name, p, r)
            )
            for r, p in zip(regions[missing], periods[missing], strict=True)
        ][:10]
        verb = "refers" if len(rows) == 1 else "refer"
        msg = (
            f"`statements` {where} (kind {kind!r}) {verb} to (region, period) "
            f"pairs not in `data`: {'; '.join(pairs)}"
            + _period_kind_hint(periods[missing], data_months is not None, period)
        )
        err = ValueError(msg)
        setattr(err, _ROWS_NAMED, True)
        raise err

    def all_absent(frame: pd.DataFrame, kinds_: pd.Series[Any]) -> None:
        """Refuse every (region, period) pair of every kind not in `data` at once.

        Each row at fault is named once and each pair once (with its rows),
        whatever the kinds and their order: the checks by kind would stop at
        the first group.
        """
        parts = [
            (pos, kind, col, r, p)
            for kind, cols in _PERIOD_COLUMNS.items()
            for col in cols
            if col in frame.columns
            for pos, r, p in zip(
                np.flatnonzero((kinds_ == kind).to_numpy()),
                frame["region"][kinds_ == kind],
                frame[col][kinds_ == kind],
                strict=True,
            )
        ]
        if not parts:
            return
        keys = pd.MultiIndex.from_arrays(
            [
                pd.Series([x[3] for x in parts], dtype=object).to_numpy(),
                pd.Series([x[4] for x in parts], dtype=object).to_numpy(),
            ]
        )
        missing = ~keys.isin(keyed.index)
        if not missing.any():
            return
        bad = sorted(
            (x for x, m in zip(parts, missing, strict=True) if m),
            key=lambda x: (x[0], _PERIOD_ORDER[x[2]]),
        )
        positions = sorted({x[0] for x in bad})
        rows = _row_names(statements.index, positions)
        where = f"row {rows[0]!r}" if len(rows) == 1 else f"rows {rows}"
        kinds_at = sorted({x[1] for x in bad})
        of_kind = f"kind {kinds_at[0]!r}" if len(kinds_at) == 1 else f"kinds {kinds_at}"
        # Each pair once, in the order of the first row that names it.
        seen: dict[tuple[str, str], list[Any]] = {}
        first: dict[tuple[str, str], tuple[object, object, str]] = {}
        for pos, _kind, col, r, p in bad:
            key = (repr(_pair_key(r)), repr(_pair_key(p)))
            label = _row_names(statements.index, [pos])[0]
            at = seen.setdefault(key, [])
            if label not in at:
                at.append(label)
            first.setdefault(key, (r, p, col))
        pairs = []
        for key, (r, p, col) in list(first.items())[:10]:
            at = seen[key]
            rows_of = (
                ""
                if len(rows) == 1
                else f" (row {at[0]!r})"
                if len(at) == 1
                else f" (rows {at})"
            )
            pairs.append(
                f"({_pair_key(r)!r}, {_pair_key(p)!r}){rows_of}"
                + (unknown_region(r) if r not in known else unknown_period(col, p, r))
            )
        more = f"; and {len(first) - 10} more pairs" if len(first) > 10 else ""
        verb = "refers" if len(rows) == 1 else "refer"
        msg = (
            f"`statements` {where} ({of_kind}) {verb} to (region, period) "
            f"pairs not in `data`: {'; '.join(pairs)}{more}"
            + _period_kind_hint(
                pd.Series([x[4] for x in bad], dtype=object),
                data_months is not None,
                period,
            )
        )
        err = ValueError(msg)
        setattr(err, _ROWS_NAMED, True)
        raise err

    # The cells of `data` without a value that each statement looked up, to
    # name them where the statement cannot be told.
    no_value: dict[int, list[str]] = {}

    def lookup(
        col: str, regions: pd.Series[Any], periods: pd.Series[Any], kind: str
    ) -> NDArray[np.float64]:
        absent(kind, regions, periods)
        keys = pd.MultiIndex.from_arrays([regions.to_numpy(), periods.to_numpy()])
        values = _plumbing.pandas_floats(keyed[col].reindex(keys))
        for pos, r, p in zip(
            regions.index[np.isnan(values)],
            regions[np.isnan(values)],
            periods[np.isnan(values)],
            strict=True,
        ):  # the few missing cells, not every row
            cell = f"{col} of {_show_key(r)} at {_show_key(p)}"
            if cell not in no_value.setdefault(int(pos), []):
                no_value[int(pos)].append(cell)
        return values

    # Work by position, so that any index (even with repeated labels) is kept.
    st = by_month.reset_index(drop=True)
    kinds = st["kind"].astype(str)
    all_absent(st, kinds)
    _all_measures(statements.index, st, kinds, data, key_args, parent, headcount)
    # Stated figures as float64, a float32 one through its shortest decimal
    # and a missing one (None, NaN, NA) as NaN (checked above).
    for kinds_, col, whole, _least, _opt in _NUMBER_COLUMNS:
        in_kind = kinds.isin(kinds_).to_numpy()
        if not whole and col in st.columns and in_kind.any():
            read = np.full(len(st), np.nan)
            read[in_kind] = _statement_numbers(st[col][in_kind], col)
            st[col] = read
    verdict = np.full(len(st), UNDECIDED, dtype=object)
    reason = np.full(len(st), "", dtype=object)

    def data_rows(regions: pd.Series[Any], periods: pd.Series[Any]) -> NDArray[np.intp]:
        """The row of `data` of each (region, period) pair (all in `data`)."""
        keys = pd.MultiIndex.from_arrays([regions.to_numpy(), periods.to_numpy()])
        return np.asarray(keyed.index.get_indexer(keys), dtype=np.intp)

    def pair_rows(frame: pd.DataFrame) -> NDArray[np.intp]:
        """Rows of `data` of each statement's two periods, side by side."""
        if not len(frame):
            return np.zeros(0, np.intp)
        return np.column_stack(
            [
                data_rows(frame["region"], frame["period_before"]),
                data_rows(frame["region"], frame["period_after"]),
            ]
        ).ravel()

    # The rate column's reading, in its own unit, and each level-change
    # column's: one rule (_read_column), the decimals stated (`rate_decimals`,
    # `levels_decimals`) or else the most its figures need, a figure needing
    # more (appended with more decimals) read at its own, or as given (a
    # computed one); a warning where that reading is in doubt and matters.
    figure_rows = (
        st[kinds == "figure"]
        if "measure" in st.columns
        else pd.DataFrame({"measure": [], "region": [], "period": []})
    )

    def figure_subjects(col: str) -> NDArray[np.intp]:
        """Rows of `data` of the figure statements of column `col`."""
        f = figure_rows[figure_rows["measure"].astype(str) == col]
        if not len(f):
            return np.zeros(0, np.intp)
        if not len(f):
            return np.zeros(0, np.intp)
        at = data_rows(f["region"], f["period"])
        return at[at >= 0]

    rate_reading = (
        _read_column(data, rate, scales, rate_decimals)
        if kinds.isin(["change", "direction", "rank"]).any()
        or bool((figure_rows["measure"].astype(str) == rate).any())
        else None
    )
    if rate_reading is not None:
        rank_rows = st[kinds == "rank"]
        # One code per row of `data`: its period and `by` group, within
        # which rank statements rank it.
        rank_groups = pd.factorize(data[period])[0].astype(np.int64)
        if by is not None:
            by_code = pd.factorize(data[by])[0].astype(np.int64)
            rank_groups = rank_groups * (int(by_code.max()) + 1) + by_code
        valued = (
            rank_rows[rank_rows["stated_value"].notna()]
            if "stated_value" in rank_rows.columns
            else rank_rows.iloc[:0]
        )
        _warn_reading(
            data,
            rate_reading,
            arg="rate_decimals={}",
            named=" (argument `rate`)",
            region=region,
            period=period,
            pairs=pair_rows(st[kinds.isin(["change", "direction"])]),
            subjects=np.concatenate(
                [
                    data_rows(valued["region"], valued["period"])
                    if len(valued)
                    else np.zeros(0, np.intp),
                    figure_subjects(rate),
                ]
            ),
            ranked=np.concatenate(
                [
                    data_rows(rank_rows["region"], rank_rows["period"]),
                    data_rows(rank_rows["after"], rank_rows["period"])
                    if "after" in rank_rows.columns
                    else np.zeros(0, np.intp),
                ]
            )
            if len(rank_rows)
            else np.zeros(0, np.intp),
            groups=rank_groups,
        )
    column_rate_d = None if rate_reading is None else rate_reading.decimals
    s = st[kinds == "change"]
    s = s.assign(
        _yearly=_flag_or_false(s["per_year"]) if "per_year" in s.columns else False
    )
    # One vectorised call per (direction, unit word, decimals) combination.
    for (direction, said, d, per_year), u in (
        s.groupby(["direction", "stated_as", "decimals", "_yearly"]) if len(s) else ()
    ):
        # The rates' decimals in percent (a fraction's 4 decimals are 2),
        # each at its own: the column's, or more where it needs more (a
        # figure appended with more decimals), as given where computed.
        reading = cast("_Reading", rate_reading)
        rows_b = data_rows(u["region"], u["period_before"])
        rows_a = data_rows(u["region"], u["period_after"])
        shift = 2 if unit == "fraction" else 0
        before_d = reading.pair_decimals(rows_b, rows_b, shift)
        after_d = reading.pair_decimals(rows_a, rows_a, shift)
        # Both rates computed: the pair as given. One computed beside a
        # published one: the computed one for itself, the published one
        # within its rounding interval (as rank statements read them).
        computed = (
            np.zeros(len(u), bool)
            if before_d is None or after_d is None
            else (before_d >= _COMPUTED) & (after_d >= _COMPUTED)
        )
        for part in (~computed, computed):
            if not part.any():
                continue
            w = u[part]
            with _rows_named(statements.index, w.index.to_numpy(), "change"):
                res = _change_check(
                    lookup(rate, w["region"], w["period_before"], "change"),
                    lookup(rate, w["region"], w["period_after"], "change"),
                    w["stated"].to_numpy(np.float64),
                    direction=_direction(direction),
                    stated_as=cast("StatedAs", said),
                    unit=unit,
                    decimals=int(cast("float", d)),
                    years=_elapsed_years(w["period_before"], w["period_after"])
                    if bool(per_year)
                    else None,
                    # The rates' decimals, in percent (see above).
                    levels_decimals=None
                    if after_d is None or part is computed
                    else after_d[part],
                    before_decimals=None
                    if before_d is None or part is computed
                    else before_d[part],
                    computed=True,
                )
            verdict[w.index.to_numpy()] = res.verdict
            reason[w.index.to_numpy()] = res.reason

    s = st[kinds == "count"]
    for d in s["decimals"].dropna().unique() if len(s) else []:
        u = s[s["decimals"] == d]
        r = lookup(rate, u["region"], u["period"], "count")
        with _rows_named(statements.index, u.index.to_numpy(), "count"):
            res = check_count_statement(
                r,
                u["base"].to_numpy(np.float64),
                u["stated"].to_numpy(np.float64),
                unit=unit,
                decimals=int(d),
                rate_population=_snap(
                    implied_population(
                        r,
                        lookup(
                            cast("str", headcount), u["region"], u["period"], "count"
                        ),
                        unit=unit,
                    )
                    * scale
                ),
            )
        verdict[u.index.to_numpy()] = res.verdict
        reason[u.index.to_numpy()] = res.reason

    def part_result(
        col: str, said: object, w: pd.DataFrame, res: StatementCheck
    ) -> None:
        """Store the verdicts and reasons of the level-change rows `w`."""
        v_, r_ = np.asarray(res.verdict), np.asarray(res.reason)
        if col == headcount and said == "points":
            # The number of poor is no index: its size in "points" does
            # not hold, whatever the number (no P1/P2 doubt here).
            as_index = np.asarray(res.figures["index_points"])
            v_ = np.where(as_index, NOT_HOLDS, v_)
            r_ = np.where(
                as_index,
                np.char.replace(
                    r_.astype(str),
                    _INDEX_POINTS,
                    "is right in units, but a number of poor has no points "
                    "(they are the unit of a change of a rate)",
                ),
                r_,
            )
        verdict[w.index.to_numpy()] = v_
        reason[w.index.to_numpy()] = r_

    s = st[kinds == "level_change"]
    readings: dict[str, _Reading] = {}
    if len(s):
        measure_of = (
            # As object: an empty column reads as float64 NaN, which a
            # name may not fill (pandas 4 raises).
            s["measure"].astype(object).fillna(headcount)
            if "measure" in s.columns
            else pd.Series(headcount, index=s.index)
        )
        yearly = (
            _flag_or_false(s["per_year"])
            if "per_year" in s.columns
            else pd.Series(False, index=s.index)
        )
        combos = s.assign(_measure=measure_of, _yearly=yearly).groupby(
            ["direction", "stated_as", "decimals", "_measure", "_yearly"]
        )
        for (direction, said, d, measure, per_year), u in combos:
            col = str(measure)
            with _rows_named(statements.index, u.index.to_numpy(), "level_change"):
                _measure_column(data, col, key_args, parent)
            # "Fell 4,000 people": a size in persons, compared with the number
            # of poor in persons (`persons_per_poor_unit`), as counts are.
            in_persons = said == "persons"
            if col == rate:
                at = _row_names(statements.index, u.index.to_numpy())
                msg = (
                    f"`statements` rows {at} (kind 'level_change'): `measure` "
                    f"{col!r} is the rate column (argument `rate`); a change of "
                    "the rate is a statement of kind 'change'"
                )
                raise ValueError(msg)
            if in_persons and col != headcount:
                at = _row_names(statements.index, u.index.to_numpy())
                msg = (
                    f"`statements` rows {at} (kind 'level_change'): stated_as "
                    f"'persons' is for the number of poor (column {headcount!r}), "
                    f"not {col!r}; state the change in that column's unit with "
                    "'units'"
                )
                raise ValueError(msg)
            if col not in readings:
                readings[col] = _read_column(
                    data, col, scales, levels_decimals.get(col)
                )
                _warn_reading(
                    data,
                    readings[col],
                    arg=f"levels_decimals={{{{{col!r}: {{}}}}}}",
                    named="",
                    region=region,
                    period=period,
                    # The number of poor is read once for level changes and
                    # direction statements alike: the pairs of both.
                    pairs=np.concatenate(
                        [
                            pair_rows(s[measure_of == col]),
                            pair_rows(st[kinds == "direction"])
                            if col == headcount
                            else np.zeros(0, np.intp),
                        ]
                    ),
                    subjects=figure_subjects(col),
                    ranked=np.zeros(0, np.intp),
                )
            factor = scale if in_persons else 1.0
            # In persons, the levels keep the decimals they show in the
            # data's unit: 171.24 thousand is published to tens of persons.
            # The column is read as the rate column is (_read_column): at
            # `levels_decimals` or the most its figures need, a figure
            # needing more read on its own, a computed one as given.
            shift = np.log10(factor)
            reading = readings[col]
            rows_b = data_rows(u["region"], u["period_before"])
            rows_a = data_rows(u["region"], u["period_after"])
            pairs_d = reading.pair_decimals(rows_b, rows_a, 0)
            # The levels' decimals in the unit stated, each its own (as
            # given: a pair with a computed figure, or a factor that is no
            # power of ten).
            as_given = -(10**6)
            own_b = reading.pair_decimals(rows_b, rows_b, 0)
            own_a = reading.pair_decimals(rows_a, rows_a, 0)
            if (
                pairs_d is None
                or own_b is None
                or own_a is None
                or not float(shift).is_integer()
            ):
                keys_b = keys_a = np.full(len(u), as_given, np.intp)
            else:
                # Both computed: the pair as given; one computed beside a
                # published one: that one for itself (_COMPUTED), the
                # published one within its rounding interval.
                computed = (own_b >= _COMPUTED) & (own_a >= _COMPUTED)
                keys_b = np.where(
                    computed,
                    as_given,
                    np.where(own_b >= _COMPUTED, _COMPUTED, own_b - int(shift)),
                )
                keys_a = np.where(
                    computed,
                    as_given,
                    np.where(own_a >= _COMPUTED, _COMPUTED, own_a - int(shift)),
                )
            for key_b, key_a in sorted(
                set(zip(keys_b.tolist(), keys_a.tolist(), strict=True))
            ):
                w = u[(keys_b == key_b) & (keys_a == key_a)]
                dec_b = None if key_b == as_given else int(key_b)
                dec_a = None if key_a == as_given else int(key_a)
                with _rows_named(statements.index, w.index.to_numpy(), "level_change"):
                    years = (
                        _elapsed_years(w["period_before"], w["period_after"])
                        if bool(per_year)
                        else None
                    )
                    # In persons, 1.005 thousand is 1,005 (not 1004.9999999999999).
                    res = _level_change_check(
                        _in_unit(
                            lookup(
                                col, w["region"], w["period_before"], "level_change"
                            ),
                            factor,
                            None if dec_b == _COMPUTED else dec_b,
                        ),
                        _in_unit(
                            lookup(col, w["region"], w["period_after"], "level_change"),
                            factor,
                            None if dec_a == _COMPUTED else dec_a,
                        ),
                        w["stated"].to_numpy(np.float64),
                        direction=_direction(direction),
                        stated_as=cast(
                            "LevelStatedAs", "units" if in_persons else said
                        ),
                        decimals=int(cast("float", d)),
                        years=years,
                        rate_before=lookup(
                            rate, w["region"], w["period_before"], "level_change"
                        ),
                        rate_after=lookup(
                            rate, w["region"], w["period_after"], "level_change"
                        ),
                        unit=unit,
                        levels_decimals=dec_a,
                        before_decimals=None if dec_b == dec_a else dec_b,
                        computed=True,
                    )
                part_result(col, said, w, res)

    s = st[kinds == "direction"]
    for direction in ("fall", "rise") if len(s) else ():
        u = s[s["direction"] == direction]
        if len(u):
            rate_b = lookup(rate, u["region"], u["period_before"], "direction")
            rate_a = lookup(rate, u["region"], u["period_after"], "direction")
            rows_b = data_rows(u["region"], u["period_before"])
            rows_a = data_rows(u["region"], u["period_after"])
            # Figures of different decimals whose rounding intervals meet
            # (8.10 and 8.098): the direction is open, each figure read by
            # the column's one rule (_read_column).
            rate_open = _intervals_meet(
                _in_percent(rate_b, unit),
                _in_percent(rate_a, unit),
                cast("_Reading", rate_reading),
                rows_b,
                rows_a,
                2 if unit == "fraction" else 0,
            )
            poor_open = None
            if headcount is not None:
                if headcount not in readings:
                    readings[headcount] = _read_column(
                        data, headcount, scales, levels_decimals.get(headcount)
                    )
                    # Read from its figures, the count's decimals may be in
                    # doubt (196.415 appended to counts of 2 decimals): warn
                    # where a direction depends on them, as for the rates.
                    _warn_reading(
                        data,
                        readings[headcount],
                        arg=f"levels_decimals={{{{{headcount!r}: {{}}}}}}",
                        named=" (argument `headcount`)",
                        region=region,
                        period=period,
                        pairs=pair_rows(s),
                        subjects=np.zeros(0, np.intp),
                        ranked=np.zeros(0, np.intp),
                    )
                poor_open = _intervals_meet(
                    lookup(headcount, u["region"], u["period_before"], "direction"),
                    lookup(headcount, u["region"], u["period_after"], "direction"),
                    readings[headcount],
                    rows_b,
                    rows_a,
                    0,
                )
            res = _direction_check(
                rate_b,
                rate_a,
                None
                if headcount is None
                else lookup(headcount, u["region"], u["period_before"], "direction"),
                None
                if headcount is None
                else lookup(headcount, u["region"], u["period_after"], "direction"),
                direction=_direction(direction),
                unit=unit,
                rate_open=rate_open,
                poor_open=poor_open,
            )
            verdict[u.index.to_numpy()] = res.verdict
            reason[u.index.to_numpy()] = res.reason

    s = st[kinds == "figure"]
    for col in sorted(set(s["measure"].astype(str))) if len(s) else ():
        # The one check of a statement's measure, as for level changes: a
        # text column is a TypeError with the parse_numbers hint.
        with _rows_named(
            statements.index,
            s.index[s["measure"].astype(str) == col].to_numpy(),
            "figure",
        ):
            _measure_column(data, col, key_args, parent)
        # Each figure row's cell read by the column's one rule
        # (_read_column: `rate_decimals`, `levels_decimals`, else the most
        # its figures need, a figure needing more on its own), as changes
        # and ranks read it.
        if col == rate:
            readings.setdefault(col, cast("_Reading", rate_reading))
        elif col not in readings:
            readings[col] = _read_column(data, col, scales, levels_decimals.get(col))
            _warn_reading(
                data,
                readings[col],
                arg=f"levels_decimals={{{{{col!r}: {{}}}}}}",
                named="",
                region=region,
                period=period,
                pairs=np.zeros(0, np.intp),
                subjects=figure_subjects(col),
                ranked=np.zeros(0, np.intp),
            )
    # The errors of the statements checked one row at a time (figure and
    # rank), by row position: all raised together, in the order of the rows.
    row_errors: list[tuple[int, Exception]] = []
    for pos, row in zip(s.index.to_numpy(), s.to_dict("records"), strict=True):
        # One trace per statement: each searches the whole table, vectorised.
        try:
            col = str(row["measure"])
            cell_row = data_rows(
                pd.Series([row["region"]], dtype=object),
                pd.Series([row["period"]], dtype=object),
            )
            own = (
                readings[col].pair_decimals(cell_row, cell_row, 0)
                if cell_row[0] >= 0 and col in readings
                else None
            )
            with _rows_named(statements.index, np.array([pos]), "figure"):
                trace = _trace_figure(
                    data,
                    float(row["stated"]),
                    decimals=int(row["decimals"]),
                    subject=row["region"],
                    at=row["period"],
                    measure=str(row["measure"]),
                    parent=parent,
                    region=region,
                    period=period,
                    cell_decimals=scales.get(str(row["measure"])),
                    claimed_decimals=None
                    if own is None or int(own[0]) >= _COMPUTED
                    else int(own[0]),
                )
        except (TypeError, ValueError) as exc:
            row_errors.append((int(pos), exc))
            continue
        verdict[pos] = trace.verdict
        reason[pos] = trace.reason
        best = trace.candidates
        if (
            str(row["measure"]) == rate
            and best["power"].size
            and abs(int(best["power"][0])) == 2
            and best["measure"][0] == rate
            and best[region][0] == row["region"]
            and best[period][0] == row["period"]
        ):
            # A rate stated in the other unit (percent for fractions): the
            # stated figure is in `unit`, as the rates are.
            reason[pos] += f" (`stated` is in the unit of `rate`, unit={unit!r})"

    s = st[kinds == "rank"]
    # Regions of `data` with no row at a ranked period but rows at others,
    # by statement row: not ranked (the documented rule), but named; those
    # with rows before and after it (a gap, not a region created or ended
    # in between) are warned about.
    unranked: dict[int, list[str]] = {}
    if len(s):
        absent("rank", s["region"], s["period"])
        # The rates' decimals in their own unit, as the stated value's.
        values_decimals = column_rate_d
        groups = _RankGroups(data, region=region, period=period, rate=rate, by=by)
        if groups.rates is not None and rate_reading is not None:
            groups.need = rate_reading.need
        # The row of `data` of each statement's region and period (every pair
        # is in `data`, refused above if not): its period and `by` group.
        at_row = keyed.index.get_indexer(
            pd.MultiIndex.from_arrays([s["region"].to_numpy(), s["period"].to_numpy()])
        )
        _nested_groups(
            data,
            groups,
            at_row,
            _row_names(statements.index, s.index.to_numpy()),
            region=region,
            period=period,
            by=by,
        )
    for pos, row, i in zip(
        s.index.to_numpy(),
        s.to_dict("records") if len(s) else [],
        at_row if len(s) else [],
        strict=True,
    ):
        grp = groups.of_row(int(i), row["period"])
        if grp.gaps:
            unranked[int(pos)] = grp.gaps
        after = None if pd.isna(row.get("after", None)) else row["after"]
        if after is not None and not grp.ranks(after):
            label = _row_names(statements.index, [pos])[0]
            group = "" if by is None else f" in the same {by!r} group"
            held = {_key_text(x): x for x in grp.regions()}.get(_key_text(after))
            hint = (
                ""
                if held is None
                else f" ({_validate.plain(after)!r} is of type "
                f"{type(after).__name__}; `data` holds {_validate.plain(held)!r} "
                f"of type {type(held).__name__}: write it as `data` does)"
            )
            if held is None:
                elsewhere = _after_elsewhere(
                    data, after, row["period"], region=region, period=period, by=by
                )
                hint = elsewhere or ""
                if elsewhere is None:  # in no row of `data`: as for a region
                    msg = (
                        f"`statements` row {label!r} (kind 'rank'): column "
                        f"'after' names {_validate.plain(after)!r}, which is not "
                        f"a {region!r} of `data`{unknown_region(after)}"
                    )
                    row_errors.append((int(pos), ValueError(msg)))
                    continue
            msg = (
                f"`statements` row {label!r} (kind 'rank'): column 'after' names "
                f"{_validate.plain(after)!r}, which is not a {region!r} of "
                f"`data` at period {_show_key(row['period'])}{group}{hint}"
            )
            row_errors.append((int(pos), ValueError(msg)))
            continue
        ties = row.get("ties", None)
        try:
            with _rows_named(statements.index, np.array([pos]), "rank"):
                # The regions as the table labels them (`data`'s own text):
                # a number equal to a label of `data` is that label (35.73
                # beside a float32 column, whose text is "35.73").
                judged = _judge_rank(
                    grp.rank_table(rate, values_decimals),
                    subject=str(grp.groups.labels[int(i)]),
                    stated_rank=int(row["stated_rank"]),
                    descending=bool(row["descending"]),
                    after=None if after is None else grp.label_of(after),
                    of=None if pd.isna(row.get("of", None)) else int(row["of"]),
                    stated_value=None
                    if pd.isna(row.get("stated_value", None))
                    else float(row["stated_value"]),
                    value_decimals=None
                    if pd.isna(row.get("value_decimals", None))
                    else int(row["value_decimals"]),
                    ties=cast(Ties, "min" if pd.isna(ties) else ties),
                )
        except (TypeError, ValueError) as exc:
            row_errors.append((int(pos), exc))
            continue
        verdict[pos] = str(judged.verdict)
        # The stated value is in `unit`, as the rates: name it where the
        # value is the rate misread by a power of ten.
        reason[pos] = str(judged.reason).replace(
            _VALUES_UNIT, f"`stated_value` is in the unit of `rate` (unit={unit!r})"
        )
        if grp.gone:
            group = "" if by is None else f" in the same {by!r} group"
            reason[pos] += (
                f"; not ranked: {_counted(grp.gone, 'region')} of `data`{group} with "
                f"no row at {_show_key(row['period'])}: {grp.gone_text}"
            )
    if row_errors:
        # Every figure and rank row at fault, in the order of the rows.
        row_errors.sort(key=lambda e: e[0])
        if len(row_errors) == 1:
            raise row_errors[0][1]
        errs = [e for _, e in row_errors]
        both = TypeError if all(isinstance(e, TypeError) for e in errs) else ValueError
        raise both("; ".join(str(e) for e in errs))
    if unranked:
        at = _row_names(statements.index, sorted(unranked))
        names = sorted({x for v in unranked.values() for x in v}, key=str)
        shown = ", ".join(names[:5]) + (
            f" and {len(names) - 5} more" if len(names) > 5 else ""
        )
        warnings.warn(
            f"rank statements in `statements` rows {at} are ranked among the "
            f"rows of `data` at their period; regions with rows before and "
            f"after that period but none at it (a gap) are not ranked "
            f"({shown}). If they existed then, give them a row with a missing "
            "rate: the statement is then 'cannot tell' where their value "
            "could change it",
            UserWarning,
            stacklevel=2,
        )
    for pos, cells in no_value.items():  # "cannot tell", or judged without them
        reason[pos] += f" (no value in `data`: {'; '.join(cells)})"
    if not isinstance(given, pd.DataFrame):
        # The statements as given, column for column: through Arrow, so that
        # an integer column with a null (an id) is not made float on the way.
        out = _plumbing.arrow_pandas(given, arg="statements")
        return out.assign(verdict=verdict, reason=reason)
    return statements.assign(verdict=verdict, reason=reason)


def _levels_decimals(
    given: object, data: pd.DataFrame, *, rate: str, keys: Mapping[str, str]
) -> Mapping[str, int]:
    """`levels_decimals` of :func:`check_statements`, checked: column -> decimals.

    `keys`: the key columns by argument (``{"region": "region_name"}``), whose
    labels are no figures and have no decimals.
    """
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        msg = (
            "`levels_decimals` must be None or a mapping of `data` columns to "
            "the decimals each was published with ({'poor_thousands': 2}), got "
            f"{type(given).__name__}"
        )
        raise TypeError(msg)
    out: dict[str, int] = {}
    for col, d in given.items():
        if col not in data.columns:
            msg = (
                f"`levels_decimals` names {col!r}, which is not a column of "
                f"`data`; columns present: {list(data.columns)}"
            )
            raise ValueError(msg)
        if col == rate:
            msg = (
                f"`levels_decimals` names {col!r}, the rate column (argument "
                "`rate`): give its decimals as `rate_decimals`"
            )
            raise ValueError(msg)
        key = next((arg for arg, c in keys.items() if c == col), None)
        if key is not None:
            msg = (
                f"`levels_decimals` names {col!r}, a key column of `data` "
                f"(argument `{key}`): its labels are no figures; name the "
                "columns of figures a level change or figure statement reads"
            )
            raise ValueError(msg)
        out[str(col)] = _validate.decimals(
            d, f"levels_decimals[{col!r}]", most=_validate.FIGURE_DECIMALS
        )
    return out


def _after_elsewhere(
    data: pd.DataFrame,
    after: object,
    at: object,
    *,
    region: str,
    period: str,
    by: str | None,
) -> str | None:
    """Where region `after` is in `data` but not ranked at `at`; None if nowhere.

    A hint for the message: the `by` groups it is in at that period, or the
    periods it has rows at; None where no row of `data` holds it.
    """
    try:
        rows = data[region] == after
    except (TypeError, ValueError):  # not comparable: no row holds it
        return None
    if not bool(rows.any()):
        return None
    same = rows & (data[period] == at)
    if by is not None and bool(same.any()):
        where = sorted({_plumbing.show(_validate.plain(g)) for g in data.loc[same, by]})
        return f" (at that period it is in the {by!r} group {', '.join(where)})"
    return " (it has no row at that period)"


def _nested_groups(
    data: pd.DataFrame,
    groups: _RankGroups,
    at_row: NDArray[np.intp],
    statement_rows: list[Any],
    *,
    region: str,
    period: str,
    by: str | None,
) -> None:
    """Refuse a ranked group holding a region and regions nested in it.

    The check of :func:`povstat.with_ranks`, on the groups (period and `by`
    group) the rank statements rank in: a province ranked among its own
    regencies and cities would count in `of` and take a place. The groups
    are taken in label order (period, then `by` group), whatever the order
    of the rows of `data`: the message names every group at fault in that
    order, each with the statement rows (`statement_rows`, one per entry
    of `at_row`) that rank in it.
    """
    rows = np.flatnonzero(np.isin(groups.key, groups.key[at_row]))
    if not rows.size:
        return
    # Each group's code in label order: period first, then the `by` group.
    period_code = pd.factorize(data[period].iloc[rows], sort=True)[0]
    by_code = (
        pd.factorize(data[by].iloc[rows], sort=True)[0]
        if by is not None
        else np.zeros(rows.size, dtype=np.intp)
    )
    ordered = period_code.astype(np.int64) * (int(by_code.max()) + 1) + by_code
    named: list[int] = []
    shown = np.arange(rows.size)  # the rows still checked, by position

    def name(i: int) -> str:
        named.append(int(shown[i]))
        at = _show_key(data[period].iloc[rows[shown[i]]])
        if by is None:
            return f"`data` at period {at}"
        label = _plumbing.show(_validate.plain(data[by].iloc[rows[shown[i]]]))
        return f"the {by!r} group {label} of `data` at period {at}"

    # Every group at fault, in label order: each refusal names the first,
    # whose rows are then set aside and the others checked again.
    faults: list[str] = []
    while shown.size:
        named.clear()
        try:
            _checks.nested_regions(
                groups.region_of_row[rows[shown]],
                ordered[shown],
                region=region,
                group_name=name,
                effect="rank statements would rank it among its own parts (and "
                "count it in `of`)",
                twice="rank statements would rank it twice (and count it twice "
                "in `of`)",
                column=groups.region_of_row,
            )
        except ValueError as exc:
            key = groups.key[rows[named[0]]]
            at = [
                x
                for x, i in zip(statement_rows, at_row, strict=True)
                if groups.key[i] == key
            ]
            where = (
                f"row {at[0]!r} (kind 'rank') ranks"
                if len(at) == 1
                else f"rows {at} (kind 'rank') rank"
            )
            faults.append(f"`statements` {where} in a group where {exc}")
            shown = shown[ordered[shown] != ordered[named[0]]]
            continue
        break
    if faults:
        raise ValueError("; ".join(faults))


def _is_number(v: object) -> bool:
    """A real number, not a bool (True == 1, but a flag is no label)."""
    return isinstance(v, numbers.Number) and not isinstance(v, bool | np.bool_)


def _as_data_labels(cells: pd.Series[Any], labels: pd.Series[Any]) -> pd.Series[Any]:
    """Key cells of `statements` written as `data` writes its labels.

    A number equal to a numeric label of `data` becomes that label: an
    integer column with a gap reaches pandas as float64 (3507.0), which is
    the label 3507, and a whole float read as text ("3507.0") would name no
    region. Text stays text ("3507" is not 3507) and is refused, with the
    type `data` holds, where it is not a label; other cells are kept.
    """
    held = {x: x for x in labels.drop_duplicates().tolist() if _is_number(x)}
    if not held:
        return cells
    if pd.api.types.is_bool_dtype(cells.dtype):
        return cells
    if pd.api.types.is_numeric_dtype(cells.dtype) and not cells.isna().any():
        # Whole numbers throughout: the labels' own type, as a column.
        mapped = [held.get(v, v) for v in cells.tolist()]
        if all(type(m) is type(mapped[0]) for m in mapped):
            return pd.Series(mapped, index=cells.index)
    return pd.Series(
        [held.get(v, v) if _is_number(v) else v for v in cells.tolist()],
        index=cells.index,
        dtype=object,
    )


def _no_text_periods(
    index: pd.Index[Any], statements: pd.DataFrame, labels: pd.Series[Any], name: str
) -> None:
    """Refuse text in column ``period`` against a `data` column of Periods.

    pandas would parse the text: "2023" is ``Period("2023Q1")`` in a
    quarterly column, the March round, where a year has two. Text is not a
    Period: refused with the type `data` holds, as text ``period_before``
    and ``period_after`` are (:func:`_periods_in_order`).
    """
    if not isinstance(labels.dtype, pd.PeriodDtype) or "period" not in statements:
        return
    cells = statements["period"].tolist()
    text = [i for i, v in enumerate(cells) if isinstance(v, str)]
    held = labels.dropna()
    if text and len(held):
        names = _row_names(index, np.asarray(text))
        shown = "; ".join(
            f"row {n!r} column 'period' holds {cells[i]!r}"
            for n, i in zip(names[:10], text[:10], strict=False)
        )
        msg = (
            f"`statements` periods must be written as `data` writes them: {shown} "
            f"(of type str), but `data` column {name!r} holds "
            f"{_show_key(held.iloc[0])} of type Period ({labels.dtype}): write "
            "them as `data` does (pandas would read the text '2023' as the "
            "first period of 2023, never as a year)"
        )
        raise ValueError(msg)


def _period_example(known: set[Any]) -> object:
    """One period of `data` to show in a message: the first in order."""
    labels = [k for k in known if not pd.isna(k)]
    if not labels:
        return None
    try:
        return min(labels)
    except TypeError:
        return min(labels, key=repr)


def _period_type(x: object) -> str:
    """A period's type as messages compare them (a Period with its frequency)."""
    x = _validate.plain(x)
    if isinstance(x, pd.Period):
        return f"Period[{x.freqstr}]"
    if isinstance(x, dt.date | np.datetime64):
        return "date"
    if isinstance(x, numbers.Number) and not isinstance(x, bool):
        return "number"
    return type(x).__name__


def _type_shown(x: object, dtype: object) -> str:
    """The type of period `x` as a message names it: "Period (period[M])"."""
    x = _validate.plain(x)
    if isinstance(x, pd.Period):
        return f"Period ({dtype if dtype is not None else f'period[{x.freqstr}]'})"
    return type(x).__name__


def _period_kind_hint(periods: pd.Series[Any], dates: bool, name: str) -> str:
    """Say so when statement periods are of another kind than `data`'s."""
    is_date = [isinstance(p, dt.date | np.datetime64) for p in periods.tolist()]
    if dates and not any(is_date):
        return (
            f"; `data` column {name!r} holds dates: give the statements' periods "
            "as dates (or ISO text such as '2023-03-01')"
        )
    if not dates and all(is_date):
        return (
            f"; `data` column {name!r} holds no dates: give the statements' "
            "periods as it writes them"
        )
    return ""


def _pair_key(x: object) -> object:
    """A key cell as a pair shows it: 2022.0 (a float column with gaps) as 2022."""
    x = _validate.plain(x)
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def _show_key(x: object) -> str:
    """A region or period as a message shows it (dates without the time)."""
    x = _validate.plain(x)
    if isinstance(x, pd.Timestamp) and x == x.normalize():
        return x.strftime("%Y-%m-%d")
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return repr(x) if isinstance(x, str) else str(x)


def _month_start(values: pd.Series[Any], name: str) -> pd.Series[Any]:
    """Dates as the first day of their month; other cells as they are.

    A datetime column is read whole; in an object column (statements: a
    few rows) each date, datetime, Timestamp or date text is read alone,
    and anything else (a missing cell, a number) is left for the checks.
    Text is read only in ISO order (see :func:`_plumbing.text_date`):
    "09/03/2022" is refused, naming the column `name`.
    """
    months: pd.Series[Any] | None = _plumbing.month_starts(values)
    if months is not None:
        return months

    def month(v: object) -> object:
        if isinstance(v, str):
            t = _plumbing.text_date(v, f"`statements` column {name!r}")
            return t.to_period("M").to_timestamp()
        if isinstance(v, dt.date | np.datetime64):
            try:
                t = pd.Timestamp(v)
            except (TypeError, ValueError):
                return v
            if pd.isna(t) or t.tzinfo is not None:
                return v
            return t.to_period("M").to_timestamp()
        return v

    textual = values.dtype == object or pd.api.types.is_string_dtype(values)
    return values.astype(object).map(month) if textual else values


def _nearest_periods(known: set[Any], p: object) -> str:
    """Where `data` has no row at period `p` at all: its nearest periods.

    BPS published no September round in some years (2023): a statement on
    one is told so, with the periods of `data` just before and after it.
    "" where `p` cannot be compared with them (another kind).
    """
    try:
        before = max((k for k in known if k < p), default=None)
        after = min((k for k in known if k > p), default=None)
    except TypeError:
        return ""
    near = [_show_key(k) for k in (before, after) if k is not None]
    if not near:
        return ""
    return (
        f": `data` has no rows at {_show_key(p)} (nearest periods: {', '.join(near)})"
    )


def _by_column(by: object, *, region: str, period: str, rate: str) -> str | None:
    """The `by` argument of :func:`check_statements` as one column name.

    The check of :func:`povstat.with_ranks` (a column name or a list of
    them, never the `region` or `rate` column: each group would hold one
    row); the period is always a key of a ranking here, so a list naming
    it (``["province_code", "period"]``, as with_ranks takes it) is read
    without it. More than one other column is refused.
    """
    from povstat.frames.ranking import group_columns

    groups = [c for c in group_columns(by, region=region, rate=rate) if c != period]
    if len(groups) > 1:
        msg = (
            "`by` of check_statements must name one column of `data` (the "
            "period is always a key of the ranking), got "
            f"{_validate.plain(by)!r}; combine the columns into one first"
        )
        raise TypeError(msg)
    return groups[0] if groups else None


def _keys_present(data: pd.DataFrame, keys: dict[str, str]) -> None:
    """Refuse missing labels in the key columns of `data` (argument: column).

    A row without its region, period or `by` group would match no statement
    and drop out of every ranking silently ("1 of 8" instead of 9).
    """
    for arg, col in keys.items():
        missing = data[col].isna().to_numpy()
        if missing.any():
            rows = _row_names(data.index, np.flatnonzero(missing))
            msg = (
                f"`data` column {col!r} (argument `{arg}`) is a key and must not "
                f"have missing values; {_counted(len(rows), 'row')} "
                f"{'has' if len(rows) == 1 else 'have'} none: {rows[:10]}"
            )
            raise ValueError(msg)


def _data_rates(
    data: pd.DataFrame, col: str, unit: Unit, region: str, period: str
) -> None:
    """Refuse a rate of `data` outside [0, 100] (or [0, 1]), by region and period.

    Every kind reads the same rates, so every kind refuses them alike (a
    rank would otherwise use 913 % silently), naming the cell.
    """
    u = _validate.unit(unit)
    values = _plumbing.pandas_floats(data[col])
    with np.errstate(invalid="ignore"):
        bad = (values < 0) | (values > _validate.SCALE[u])
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        hint = (
            "; is it in percent? then pass unit='percent'"
            if u == "fraction" and np.nanmax(values) <= 100
            else ""
        )
        msg = (
            f"`data` column {col!r} (argument `rate`) must lie in "
            f"[0, {_validate.SCALE[u]:g}] for unit={u!r}, found {float(values[k])!r} "
            f"for {_show_key(data[region].iloc[k])} at "
            f"{_show_key(data[period].iloc[k])} "
            f"({_counted(int(bad.sum()), 'value')} in all)"
            f"{hint}; `rate` is the poverty rate every kind reads (rank rows "
            "rank it): to rank another figure, such as changes from "
            "povstat.rate_change or numbers of poor, use check_rank_statement "
            "on that figure"
        )
        raise ValueError(msg)


def _data_counts(data: pd.DataFrame, col: str, region: str, period: str) -> None:
    """Refuse a number of poor in `data` below 0 or infinite, by region and period."""
    values = _plumbing.pandas_floats(data[col])
    with np.errstate(invalid="ignore"):
        bad = (values < 0) | np.isinf(values)
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        msg = (
            f"`data` column {col!r} (argument `headcount`) must be finite and "
            f">= 0, found {float(values[k])!r} for "
            f"{_show_key(data[region].iloc[k])} at "
            f"{_show_key(data[period].iloc[k])} "
            f"({_counted(int(bad.sum()), 'value')} in all)"
        )
        raise ValueError(msg)


def _data_numbers(data: pd.DataFrame, col: str, arg: str) -> None:
    """Refuse a value column of `data` that is not numeric (text, bools, dates)."""
    dtype = data[col].dtype
    if _plumbing.object_numbers(data[col]):  # pandas.read_sql's NUMERIC
        return
    if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
        msg = (
            f"`data` column {col!r} (argument `{arg}`) must be numeric, got "
            f"{dtype}; {_validate.TEXT_NUMBERS_HINT}"
        )
        raise TypeError(msg)


def _measure_column(
    data: pd.DataFrame, col: str, keys: dict[str, str], parent: str | None
) -> None:
    """Check a statement's `measure`: a numeric column of `data`, not a key."""
    if col not in data.columns:
        msg = (
            f"`statements` column 'measure' names {col!r}, which is not a "
            f"column of `data`; columns present: {list(data.columns)}"
        )
        raise ValueError(msg)
    named = {**keys, **({"parent": parent} if parent else {})}
    as_key = [arg for arg, c in named.items() if c == col]
    if as_key:
        msg = (
            f"`statements` column 'measure' names {col!r}, the key column of "
            f"`data` given as `{as_key[0]}`; a measure is a figure column"
        )
        raise ValueError(msg)
    _data_numbers(data, col, "measure")


def _all_measures(
    index: pd.Index[Any],
    st: pd.DataFrame,
    kinds: pd.Series[Any],
    data: pd.DataFrame,
    keys: dict[str, str],
    parent: str | None,
    headcount: str | None,
) -> None:
    """Check every statement's `measure` at once, naming every row at fault.

    Each column at fault is named once, with every row (of kind "figure" or
    "level_change") that names it; a TypeError where every fault is a column
    that is not numeric, a ValueError otherwise.
    """
    figure = kinds == "figure"
    level = kinds == "level_change"
    if not (figure.any() or level.any()) or "measure" not in st.columns:
        return
    # As object: an empty column reads as float64 NaN, which a name may not
    # fill (pandas 4 raises).
    named = st["measure"].astype(object)
    measure = named.where(~level, named.fillna(headcount))
    gone = (figure & measure.isna()).to_numpy()
    if gone.any():  # None, NaN, a masked entry (read as None)
        rows = _row_names(index, np.flatnonzero(gone))
        where = f"row {rows[0]!r}" if len(rows) == 1 else f"rows {rows[:10]}"
        msg = (
            f"`statements` column 'measure' is missing in {where} (kind "
            "'figure'): each figure statement names the column of `data` its "
            "figure is read from"
        )
        raise ValueError(msg)
    used = figure | (level & measure.notna())
    faults: list[tuple[int, list[Any], list[str], Exception]] = []
    for col in sorted(set(measure[used].astype(str))):
        at = used & (measure.astype(str) == col)
        try:
            _measure_column(data, col, keys, parent)
        except (TypeError, ValueError) as exc:
            pos = np.flatnonzero(at.to_numpy())
            faults.append(
                (
                    int(pos[0]),
                    _row_names(index, pos),
                    sorted(set(kinds[at])),
                    exc,
                )
            )
    if not faults:
        return
    parts = []
    # In the order of the rows, never of the columns' names.
    for _first, rows, kinds_at, fault in sorted(faults, key=lambda f: f[0]):
        where = f"row {rows[0]!r}" if len(rows) == 1 else f"rows {rows[:10]}"
        of = f"kind {kinds_at[0]!r}" if len(kinds_at) == 1 else f"kinds {kinds_at}"
        parts.append(f"`statements` {where} ({of}): {fault}")
    text = "; ".join(parts)
    if all(isinstance(f[3], TypeError) for f in faults):
        raise TypeError(text)
    raise ValueError(text)


def _statement_numbers(cells: pd.Series[Any], col: str) -> NDArray[np.float64]:
    """Checked number cells of `statements` as float64, missing as NaN.

    A float32 cell or column stands for its shortest decimal (0.11, not
    0.10999999940395355), as in the array functions.
    """
    if cells.dtype != object:
        return _plumbing.pandas_floats(cells)
    return _validate.numeric(cells.to_numpy(), col)


def _values_and_labels(
    values: ArrayLike, labels: Sequence[Any] | NDArray[Any]
) -> tuple[NDArray[np.float64], NDArray[np.object_]]:
    """`values` and `labels`, 1-D, one unique label each, sorted by label."""
    v, lab, _ = _in_label_order(values, labels)
    return v, lab


def _in_label_order(
    values: ArrayLike, labels: Sequence[Any] | NDArray[Any]
) -> tuple[NDArray[np.float64], NDArray[np.object_], NDArray[np.intp]]:
    """`values` and `labels`, 1-D, one unique label each, sorted by label.

    And the order that sorts them (positions of the given ones).

    Labels are compared by value and kind: numpy scalars become the Python
    numbers and strings they hold (``np.int64(3579)`` is 3579), labels of
    several kinds (1 and "1") are refused, and the rows are put in label
    order so that nothing downstream depends on the order of the rows.
    """
    v = _validate.numeric(values, "values")
    if isinstance(labels, str | bytes):
        msg = f"`labels` must be a sequence of labels, got the str {labels!r}"
        raise TypeError(msg)
    # A masked array is checked as given: np.asarray would drop its mask
    # and use the hidden values as labels.
    labels = _validate.arrow_scalars(labels)  # pyarrow Scalars: their values
    raw = labels if np.ma.isMaskedArray(labels) else np.asarray(labels, dtype=object)
    if np.ndim(raw) > 1:
        # Tuples or lists as labels become rows of a 2-D array.
        first = np.asarray(raw)[(0,) * (np.ndim(raw) - 1)].tolist()
        msg = (
            f"`labels` must hold one label (a str or a number) per value, got "
            f"shape {np.shape(raw)}: a label such as {tuple(first)!r} is a "
            "tuple or list, not one label; join its parts into one str (e.g. "
            f"{' '.join(map(str, first))!r})"
        )
        raise TypeError(msg)
    checked = _validate.labels(raw, "labels")
    lab = np.empty(checked.shape, dtype=object)
    lab[...] = checked.tolist() if checked.ndim else checked.item()
    if v.ndim != 1 or lab.shape != v.shape:
        msg = (
            f"`values` and `labels` must be 1-D of the same length, got "
            f"shapes {v.shape} and {lab.shape}"
        )
        raise ValueError(msg)
    _refuse_reordered_labels(values, lab)
    try:
        order = np.argsort(lab, kind="stable")
    except TypeError:
        order = np.argsort(lab.astype(str), kind="stable")
    lab, v = lab[order], v[order]
    repeated = sorted(
        {x for x, y in itertools.pairwise(lab.tolist()) if x == y}, key=str
    )
    if repeated:
        msg = f"`labels` must be unique, repeated: {repeated}"
        raise ValueError(msg)
    return v, lab, np.asarray(order, np.intp)


def _refuse_reordered_labels(values: object, lab: NDArray[np.object_]) -> None:
    """Refuse a `values` Series whose index holds `lab` in another order.

    A Series beside `labels` without row labels (an array, a list, an
    Index) is paired by position; but where its index holds exactly the
    labels of `labels`, each once, in another order (a pivot in alphabetical
    order beside a column in code order), pairing by position would give
    each region another's value: refused, as two Series holding the same
    labels in another order are. Other labels that show another order (a
    label of both, or one written otherwise, at different positions) are
    refused by :func:`_refuse_other_order`; a Series labelled otherwise (row
    numbers, other keys) stays paired by position.
    """
    if not isinstance(values, pd.Series) or isinstance(values.index, pd.RangeIndex):
        return
    if len(values.index) != lab.size:
        return
    if isinstance(values.index, pd.MultiIndex):
        _refuse_other_order(values, lab)
        return
    index = np.empty(len(values.index), dtype=object)
    index[:] = values.index.tolist()
    given = lab.tolist()
    try:
        same = values.index.is_unique and set(index.tolist()) == set(given)
    except TypeError:  # unhashable labels: nothing to compare by
        return
    if not same:
        _refuse_other_order(values, lab)
        return
    if index.tolist() == given:
        return
    at = int(np.flatnonzero(index != lab)[0])
    msg = (
        "`values` is a pandas Series whose index holds the labels of "
        f"`labels` in another order (first at position {at}: "
        f"{_validate.plain(index[at])!r} in the index of `values`, "
        f"{_validate.plain(lab[at])!r} in `labels`): paired by position, "
        "each value would be ranked under another region's label; pass "
        "`labels=values.index` to rank each value under its own label (or "
        "`values.reindex(labels)` to put the values in the order of `labels`)"
    )
    raise ValueError(msg)


def _refuse_other_order(values: pd.Series, lab: NDArray[np.object_]) -> None:
    """Refuse a `values` Series whose index shows another order than `lab`.

    The index (or a level of a MultiIndex, such as the region of a (region,
    year) index) and `labels` hold different labels, but one label of both,
    or two written otherwise (capitals, "Kab.", a bare BPS kabupaten name:
    the reading of :func:`povstat._validate._orders_differ`), sits at
    different positions: pairing by position would rank one region's value
    under another's label. Integer labels beside an integer index are left
    to pairing by position (row numbers cannot be told from codes), as is a
    Series whose labels show no order at all.
    """
    levels = (
        [values.index.get_level_values(k) for k in range(values.index.nlevels)]
        if isinstance(values.index, pd.MultiIndex)
        else [values.index]
    )
    given = pd.Index(lab.tolist(), dtype=object)
    ints = _validate.label_kinds(lab.tolist())
    for k, level in enumerate(levels):
        if pd.api.types.is_integer_dtype(level.dtype) and set(ints) <= {"int"}:
            continue
        evidence = _validate._orders_differ(level, given)
        if evidence is None:
            continue
        u, i, v, j = evidence
        index = (
            f"level {k} of the index of `values`"
            if len(levels) > 1
            else "the index of `values`"
        )
        found = (
            f"{u!r} is at position {i} in {index} and {j} in `labels`"
            if u == v and type(u) is type(v)
            else f"{u!r}, at position {i} in {index}, is written {v!r} at "
            f"position {j} in `labels`"
        )
        own = (
            f"`labels=values.index.get_level_values({k})`"
            if len(levels) > 1
            else "`labels=values.index`"
        )
        # values.reindex(labels) is printed only where it finds each label:
        # a MultiIndex first drops its other levels; labels written
        # otherwise (codes, capitals) give missing values (pairing17 H5).
        others: list[int] = [i for i in range(len(levels)) if i != k]
        own_index: Any = values.index  # the stubs type droplevel as of Never
        kept = own_index.droplevel(others) if others else own_index
        drop = (
            f".droplevel({others})"
            if len(levels) > 2
            else f".droplevel({1 - k})"
            if len(levels) == 2
            else ""
        )
        if kept.is_unique and set(kept.tolist()) == set(given.tolist()):
            reorder = (
                "give `values` the labels of `labels` and put it in their order "
                f"(`values{drop}.reindex(labels)`)"
            )
        else:
            reorder = (
                "give `values` the labels of `labels`, written as `labels` "
                "writes them (its index does not hold them: "
                f"{_validate._some([_validate.plain(v) for v in kept])}), then "
                "put it in their order with `.reindex(labels)`, checking that no "
                "value is missing"
            )
        msg = (
            "`values` is a pandas Series whose index holds its labels in "
            f"another order than `labels` ({found}): paired by position, a "
            "value would be ranked under another region's label; pass "
            f"{own} to rank each value under its own label (and name "
            f"`subject`, `after` or `members` as it writes them), or {reorder}"
        )
        raise ValueError(msg)


def _label_kind(x: object) -> str:
    return _validate.label_kinds([x])[0]


def _position(lab: NDArray[np.object_], x: object, arg: str) -> int:
    """Index of label `x` among `lab` (same value and kind), else ValueError."""
    if x is np.ma.masked:
        msg = f"`{arg}` holds a missing label (a masked entry), not a region"
        raise ValueError(msg)
    # Several labels (or one in a list or a one-row Series) are not one.
    _refuse_collections({arg: (x, "one of `labels`")})
    x = _validate.arrow_scalars(x)  # a pyarrow Scalar: the value it holds
    if isinstance(x, np.generic):
        x = x.item()
    if _validate._is_missing_label(x):
        # An empty cell of a statements sheet (NaN, None, pandas.NA): a
        # missing label, not a label of another kind.
        what = {
            "after": "; a statement without 'after ...' is checked with `after` "
            "left out (None)",
            "subject": "; name the region the statement is about",
        }.get(arg, "; each member is one of `labels`")
        msg = f"`{arg}` holds a missing label ({x!r}), not a region{what}"
        raise ValueError(msg)
    if lab.size:
        want, have = _label_kind(x), _label_kind(lab[0])
        if want != have:
            article = "an" if want[:1] in "aeiou" else "a"
            msg = (
                f"`{arg}` {x!r} is {article} {want}, but `labels` are {have}s "
                f"(e.g. {lab[0]!r}): pass it as the labels are written"
            )
            raise ValueError(msg)
    hits = np.flatnonzero(lab == x) if lab.size else np.array([], dtype=np.intp)
    if not hits.size:
        msg = f"`{arg}` {x!r} is not among `labels`{_near_labels(lab, x)}"
        raise ValueError(msg)
    return int(hits[0])


def _near_labels(
    lab: NDArray[np.object_], x: object, written: str = "as the labels do"
) -> str:
    """A hint naming the labels `x` matches but for case and spaces, or ''.

    `written` ends the hint: how to write `x` instead.
    """
    if not isinstance(x, str) or not lab.size:
        return ""

    def folded(t: object) -> str:
        return " ".join(str(t).split()).casefold()

    want = folded(x)
    near = [t for t in lab.tolist() if isinstance(t, str) and folded(t) == want]
    if not near:
        return ""
    shown = ", ".join(repr(t) for t in near[:3])
    return f" (it differs only in case or spaces from {shown}: write it {written})"
