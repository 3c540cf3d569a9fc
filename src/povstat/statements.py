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
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Literal, cast

import numpy as np
import pandas as pd
from attrs import field, frozen
from narwhals.stable.v2.typing import IntoFrame
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._results import array_eq, readonly
from povstat._validate import Unit
from povstat.change import rate_change
from povstat.frames import _plumbing
from povstat.ranking import Ties, rank
from povstat.units import round_half_up, rounding_interval

__all__ = [
    "HOLDS",
    "NOT_HOLDS",
    "UNDECIDED",
    "StatementCheck",
    "check_change_statement",
    "check_consistency",
    "check_count_statement",
    "check_direction_statement",
    "check_headcount_change_statement",
    "check_rank_statement",
    "check_statements",
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
    """Display a number rounded half up; NaN as 'n/a'."""
    if not np.isfinite(x):
        return "n/a"
    v = float(round_half_up(x, decimals))
    return f"{v:,.{max(decimals, 0)}f}"


def _signed(x: float, decimals: int = 2) -> str:
    s = _fmt(x, decimals)
    return s if s.startswith(("-", "n")) else f"+{s}"


def _snap(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Remove float noise from arithmetic on published decimals.

    ``4.05 - 4.0`` is ``0.04999999999999982`` in binary; published figures
    have at most a few decimals, so their sums, differences and products are
    exact at 10 decimals. Rounding there first lets an exact tie (0.05) be
    rounded as the tie it is.
    """
    return round_half_up(x, 10)


def _reasons(
    shape: tuple[int, ...],
    missing: NDArray[np.bool_],
    describe: Callable[[tuple[int, ...]], str],
) -> NDArray[np.str_]:
    """One sentence per statement: `describe`'s, or that a figure is missing."""
    texts = [
        "a figure is missing" if missing[i] else describe(i) for i in np.ndindex(shape)
    ]
    return np.array(texts, dtype=object).reshape(shape).astype(str)


def _moved(x: float) -> str:
    return "fell" if x < 0 else ("rose" if x > 0 else "did not change")


def _shown_decimals(x: float, d: int) -> int:
    """Decimals to show `x` with: those of the statement, one more if needed."""
    base = max(d, 0)
    return base if round_half_up(x, base) == round_half_up(x, 10) else base + 1


def _direction(value: object, name: str = "direction") -> Direction:
    return _validate.choice(value, name, ("fall", "rise"))


def check_change_statement(
    before: ArrayLike,
    after: ArrayLike,
    stated: ArrayLike,
    *,
    direction: Direction,
    stated_as: StatedAs,
    unit: Unit,
    decimals: int,
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
        Scale of the rates.
    decimals : int
        Decimal places of `stated` (2 for "0.11").

    Returns
    -------
    StatementCheck
        ``"holds"`` where the direction is right and the stated size equals
        the change in the unit the statement used (rounded half up to
        `decimals`); ``"cannot tell"`` where the size is right only in the
        other unit (the classic "0.11 percent" for 0.11 points: the number
        is right, the unit word is not) or a figure is missing; ``"does not
        hold"`` otherwise. Figures: ``points``,
        ``relative_pct``, ``matches_points``, ``matches_relative`` (bool)
        and ``meaning`` (``"points"``, ``"relative"``, ``"both"`` or
        ``"neither"``).

    Raises
    ------
    TypeError
        If an input is not numeric or `decimals` is not an int.
    ValueError
        If `direction` or `unit` is unknown, a rate is out of range, or
        `stated` is negative.

    See Also
    --------
    povstat.rate_change : The change in points and percent.

    Notes
    -----
    The change in points is :math:`r_1 - r_0` and the relative change
    :math:`100 (r_1 - r_0)/r_0` [1]_; a stated size :math:`X` at :math:`d`
    decimals matches a computed change :math:`c` when
    :math:`\operatorname{round}_{d}(|c|) = X` with half-up rounding.

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
    fell 0.11 points (4.37 -> 4.26), which is a relative change of -2.52 %:
    0.11 is the change in percentage points, not in percent
    >>> print(check_change_statement(4.37, 4.26, 0.11, direction="fall",
    ...     stated_as="points", unit="percent", decimals=2).verdict)
    holds
    """
    d = _validate.decimals(decimals)
    as_points = _validate.choice(stated_as, "stated_as", ("percent", "points"))
    as_points_flag = as_points == "points"
    dirn = _direction(direction)
    c = rate_change(before, after, unit=unit)
    x = _validate.nonnegative(stated, "stated")
    b = _validate.numeric(before, "before")
    a = _validate.numeric(after, "after")
    shape = _validate.shape(change=c.points, stated=x)
    points = np.broadcast_to(_snap(c.points), shape)
    rel = np.broadcast_to(_snap(c.relative), shape)
    xs = np.broadcast_to(x, shape)
    tol = 0.5 * 10.0**-d
    m_points = np.abs(round_half_up(np.abs(points), d) - xs) < tol * 1e-6 + 1e-12
    m_rel = np.abs(round_half_up(np.abs(rel), d) - xs) < tol * 1e-6 + 1e-12
    sign_ok = points < 0 if dirn == "fall" else points > 0
    missing = np.isnan(points) | np.isnan(xs)
    m_said = m_points if as_points_flag else m_rel
    m_other = m_rel if as_points_flag else m_points
    verdict = np.where(
        missing | (sign_ok & ~m_said & m_other),
        UNDECIDED,
        np.where(sign_ok & m_said, HOLDS, NOT_HOLDS),
    )
    meaning = np.where(
        m_points & m_rel,
        "both",
        np.where(m_points, "points", np.where(m_rel, "relative", "neither")),
    )
    bb = np.broadcast_to(b, shape)
    ab = np.broadcast_to(a, shape)

    def describe(i: tuple[int, ...]) -> str:
        p, r = float(points[i]), float(rel[i])
        moved = _moved(p)
        shown = max(d, 2)
        relative_text = (
            f"a relative change of {_signed(r, 2)} %"
            if np.isfinite(r)
            else "no relative change (the earlier rate is 0)"
        )
        core = (
            f"{moved} {_fmt(abs(p), shown)} points ({_fmt(float(bb[i]), shown)} -> "
            f"{_fmt(float(ab[i]), shown)}), which is {relative_text}"
        )
        if not sign_ok[i]:
            tail = f"the statement says it would {dirn}"
        elif m_points[i] and not m_rel[i]:
            tail = f"{_fmt(float(xs[i]), d)} is the change in percentage points" + (
                "" if as_points_flag else ", not in percent"
            )
        elif m_rel[i] and not m_points[i]:
            tail = f"{_fmt(float(xs[i]), d)} is the relative change in percent" + (
                ", not in points" if as_points_flag else ""
            )
        elif m_points[i]:
            tail = "the stated size matches both readings"
        else:
            tail = (
                f"{_fmt(float(xs[i]), d)} matches neither the points nor the "
                "relative change"
            )
        return f"{core}: {tail}"

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, missing, describe),
        figures={
            "points": points,
            "relative_pct": rel,
            "matches_points": m_points,
            "matches_relative": m_rel,
            "meaning": meaning,
        },
    )


def check_count_statement(
    rate: ArrayLike,
    base: ArrayLike,
    stated: ArrayLike,
    *,
    unit: Unit,
    decimals: int,
    rate_population: ArrayLike | None = None,
    base_rtol: float = 0.15,
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
        Scale of `rate`.
    decimals : int
        Precision of `stated`: 0 for an exact count, -3 for "about 9,000"
        (nearest thousand).
    rate_population : array_like, optional
        The population the rate is a share of (for BPS figures, the
        population implied by the published rate and number of poor, see
        :func:`povstat.implied_population`). When given, a `base` that
        differs from it by more than `base_rtol` makes the statement not
        hold whatever the arithmetic.
    base_rtol : float, default 0.15
        Relative tolerance for `base` against `rate_population`. BPS
        weights its survey to its own population projection; in the bundled
        East Java data other published population figures differ from it by
        up to about 11 %, so a base within 15 % is taken to be the same
        population.

    Returns
    -------
    StatementCheck
        Figures: ``computed`` (rate x base, unrounded), ``computed_rounded``
        (to `decimals`, half up), ``arithmetic_ok`` and ``base_ok`` (bool;
        True where `rate_population` is not given) and ``rate_population``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `unit` is unknown, `rate` is out of range, `base` or `stated` is
        negative, or `base_rtol` is negative.

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
    >>> print(res.reason)
    4.26 % of 187,000 is 7,966.2, not 9,000; and the rate is a share of a
    population of 886,900, not of 187,000
    """
    u = _validate.unit(unit)
    d = _validate.decimals(decimals)
    r = _validate.rate(rate, "rate", u)
    n = _validate.nonnegative(base, "base")
    m = _validate.nonnegative(stated, "stated")
    if (
        isinstance(base_rtol, bool)
        or not isinstance(base_rtol, int | float | np.floating | np.integer)
        or not base_rtol >= 0
    ):
        msg = f"`base_rtol` must be a number >= 0, got {base_rtol!r}"
        raise ValueError(msg)
    pop = (
        np.full((), np.nan)
        if rate_population is None
        else _validate.nonnegative(rate_population, "rate_population")
    )
    shape = _validate.shape(rate=r, base=n, stated=m, rate_population=pop)
    scale = 100.0 if u == "percent" else 1.0
    computed = np.broadcast_to(_snap(r * n / scale), shape)
    rounded = round_half_up(computed, d)
    ms = np.broadcast_to(m, shape)
    arithmetic_ok = np.abs(rounded - ms) <= 1e-9 * np.maximum(np.abs(ms), 1.0)
    pops = np.broadcast_to(pop, shape)
    nb = np.broadcast_to(n, shape)
    if rate_population is None:
        base_ok = np.ones(shape, dtype=bool)
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            base_ok = np.abs(nb - pops) <= base_rtol * pops
    missing = np.isnan(computed) | np.isnan(ms)
    if rate_population is not None:
        missing |= np.isnan(pops)
    verdict = np.where(
        missing, UNDECIDED, np.where(arithmetic_ok & base_ok, HOLDS, NOT_HOLDS)
    )
    rb = np.broadcast_to(r, shape)
    unit_sign = " %" if u == "percent" else ""

    def describe(i: tuple[int, ...]) -> str:
        head = (
            f"{_fmt(float(rb[i]), 2)}{unit_sign} of {_fmt(float(nb[i]), 0)} is "
            f"{_fmt(float(computed[i]), _shown_decimals(float(computed[i]), d))}"
        )
        head += (
            f", which rounds to {_fmt(float(ms[i]), max(d, 0))}"
            if arithmetic_ok[i]
            else f", not {_fmt(float(ms[i]), max(d, 0))}"
        )
        if not base_ok[i]:
            head += (
                f"; and the rate is a share of a population of "
                f"{_fmt(float(pops[i]), 0)}, not of {_fmt(float(nb[i]), 0)}"
            )
        return head

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, missing, describe),
        figures={
            "computed": computed,
            "computed_rounded": rounded,
            "arithmetic_ok": arithmetic_ok,
            "base_ok": base_ok,
            "rate_population": pops,
        },
    )


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
        ``"holds"`` where the intervals are compatible. Figures:
        ``implied_rate`` (headcount / population, in `unit`),
        ``implied_rate_lower`` and ``implied_rate_upper`` (its range under
        the rounding of headcount and population).

    Raises
    ------
    TypeError
        If an input is not numeric or a decimals argument is not an int.
    ValueError
        If an input is out of range or not rounded to its stated decimals.

    See Also
    --------
    povstat.rounding_interval : What a rounded figure stands for.
    povstat.implied_population_interval : The denominator a rate implies.

    Notes
    -----
    With :math:`H \in [h_-, h_+)`, :math:`N \in [n_-, n_+)`, the ratio
    :math:`H/N` lies in :math:`(h_-/n_+, h_+/n_-)`; the statement holds when
    this overlaps the rate's interval :math:`[r_-, r_+)` [1]_.

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
    rd = _validate.decimals(rate_decimals, "rate_decimals")
    ri = rounding_interval(r, rd)
    hi = rounding_interval(
        h, _validate.decimals(headcount_decimals, "headcount_decimals")
    )
    ni = rounding_interval(
        n, _validate.decimals(population_decimals, "population_decimals")
    )
    scale = 100.0 if u == "percent" else 1.0
    shape = _validate.shape(rate=r, headcount=h, population=n)
    with np.errstate(divide="ignore", invalid="ignore"):
        implied = np.broadcast_to(h / n * scale, shape)
        lo = np.broadcast_to(np.maximum(hi.lower, 0) / ni.upper * scale, shape)
        hi_ = np.broadcast_to(
            np.where(ni.lower > 0, hi.upper / np.maximum(ni.lower, 0), np.inf) * scale,
            shape,
        )
    r_lo = np.broadcast_to(ri.lower, shape)
    r_hi = np.broadcast_to(ri.upper, shape)
    overlap = (lo < r_hi) & (hi_ > r_lo)
    missing = np.isnan(implied) | np.isnan(np.broadcast_to(r, shape))
    verdict = np.where(missing, UNDECIDED, np.where(overlap, HOLDS, NOT_HOLDS))
    rb = np.broadcast_to(r, shape)

    def describe(i: tuple[int, ...]) -> str:
        return (
            f"headcount / population = {_fmt(float(implied[i]), rd + 2)} "
            f"(between {_fmt(float(lo[i]), rd + 2)} and "
            f"{_fmt(float(hi_[i]), rd + 2)} given the rounding), against a "
            f"published rate of {_fmt(float(rb[i]), rd)}"
        )

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, missing, describe),
        figures={
            "implied_rate": implied,
            "implied_rate_lower": lo,
            "implied_rate_upper": hi_,
        },
    )


def check_headcount_change_statement(
    before: ArrayLike,
    after: ArrayLike,
    stated: ArrayLike,
    *,
    levels_decimals: int,
    stated_decimals: int,
) -> StatementCheck:
    """Check a stated change in the number of poor against the levels.

    The levels (e.g. 38.56 and 37.78 thousand) are rounded, so the true
    change is only known to lie in an interval; a stated change must have
    the sign and size the levels allow. A change stated more precisely than
    the rounded levels allow (e.g. "fell by 780 people" from levels rounded
    to tens) is reported too.

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
        If a level is negative or not rounded to `levels_decimals`.

    See Also
    --------
    povstat.rounding_interval : What a rounded figure stands for.

    Notes
    -----
    With levels :math:`a, b` rounded to :math:`d` decimals, the true change
    lies in :math:`(b - a - 10^{-d}, b - a + 10^{-d})` [1]_.

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
    dl = _validate.decimals(levels_decimals, "levels_decimals")
    ds = _validate.decimals(stated_decimals, "stated_decimals")
    b = _validate.nonnegative(before, "before")
    a = _validate.nonnegative(after, "after")
    rounding_interval(b, dl)  # checks that the levels are rounded as stated
    rounding_interval(a, dl)
    s = _validate.finite_or_nan(stated, "stated")
    shape = _validate.shape(before=b, after=a, stated=s)
    change = np.broadcast_to(_snap(a - b), shape)
    width = 10.0**-dl
    lower = change - width
    upper = change + width
    ss = np.broadcast_to(s, shape)
    hs = 0.5 * 10.0**-ds
    ok = (ss + hs > lower) & (ss - hs < upper)
    overprecise = np.broadcast_to(np.asarray(ds > dl), shape)
    missing = np.isnan(change) | np.isnan(ss)
    verdict = np.where(missing, UNDECIDED, np.where(ok, HOLDS, NOT_HOLDS))

    def describe(i: tuple[int, ...]) -> str:
        text = (
            f"the levels give a change of {_signed(float(change[i]), dl)} "
            f"(true value between {_signed(float(lower[i]), dl)} and "
            f"{_signed(float(upper[i]), dl)}); stated {_signed(float(ss[i]), ds)}"
        )
        if ok[i] and np.sign(ss[i]) != np.sign(change[i]) and change[i] != 0:
            text += " (the sign is not decided by the rounded levels)"
        if not ok[i] and np.sign(ss[i]) != np.sign(change[i]):
            text += ": the stated direction is wrong"
        if overprecise[i]:
            text += "; the stated figure is more precise than the levels allow"
        return text

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, missing, describe),
        figures={
            "change": change,
            "change_lower": lower,
            "change_upper": upper,
            "overprecise": overprecise,
        },
    )


def check_direction_statement(
    rate_before: ArrayLike,
    rate_after: ArrayLike,
    poor_before: ArrayLike,
    poor_after: ArrayLike,
    *,
    direction: Direction,
    unit: Unit,
) -> StatementCheck:
    """Check "poverty fell" (or rose) against both the rate and the count.

    "Poverty fell" can mean that the rate fell or that the number of poor
    fell; when population grows, one can fall while the other rises. The
    verdict says what each did.

    Parameters
    ----------
    rate_before, rate_after : array_like
        Rates in `unit`.
    poor_before, poor_after : array_like
        Numbers of poor (any unit).
    direction : {"fall", "rise"}
        The direction the statement gives.
    unit : {"fraction", "percent"}
        Scale of the rates.

    Returns
    -------
    StatementCheck
        ``"holds"`` where rate and count both moved as stated, ``"does not
        hold"`` where neither did, ``"cannot tell"`` where they moved in
        different directions (the reason says which did what) or a figure is
        missing. Figures: ``rate_points``, ``rate_relative_pct``,
        ``poor_change``, ``rate_agrees``, ``poor_agrees``.

    Raises
    ------
    TypeError
        If an input is not numeric.
    ValueError
        If `direction` or `unit` is unknown, or an input is out of range.

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
    """
    dirn = _direction(direction)
    c = rate_change(rate_before, rate_after, unit=unit)
    p0 = _validate.nonnegative(poor_before, "poor_before")
    p1 = _validate.nonnegative(poor_after, "poor_after")
    shape = _validate.shape(rate_change=c.points, poor_before=p0, poor_after=p1)
    pts = np.broadcast_to(c.points, shape)
    rel = np.broadcast_to(c.relative, shape)
    dp = np.broadcast_to(p1 - p0, shape)
    sign = -1.0 if dirn == "fall" else 1.0
    r_ok = np.sign(pts) == sign
    p_ok = np.sign(dp) == sign
    missing = np.isnan(pts) | np.isnan(dp)
    verdict = np.where(
        missing,
        UNDECIDED,
        np.where(r_ok & p_ok, HOLDS, np.where(~r_ok & ~p_ok, NOT_HOLDS, UNDECIDED)),
    )

    def describe(i: tuple[int, ...]) -> str:
        p, q = float(pts[i]), float(dp[i])
        text = (
            f"the rate {_moved(p)} {_fmt(abs(p), 2)} points "
            f"({_signed(float(rel[i]))} %)"
            f"{' but' if r_ok[i] != p_ok[i] else ' and'} the number of poor "
            f"{_moved(q)} by {_fmt(abs(q), 2)}"
        )
        if r_ok[i] and not p_ok[i]:
            text += ": the statement holds for the rate, not for the number of poor"
        elif p_ok[i] and not r_ok[i]:
            text += ": the statement holds for the number of poor, not for the rate"
        return text

    return StatementCheck(
        verdict=verdict,
        reason=_reasons(shape, missing, describe),
        figures={
            "rate_points": pts,
            "rate_relative_pct": rel,
            "poor_change": dp,
            "rate_agrees": r_ok,
            "poor_agrees": p_ok,
        },
    )


def check_rank_statement(
    values: ArrayLike,
    labels: Sequence[str] | NDArray[Any],
    *,
    subject: str,
    stated_rank: int,
    descending: bool,
    ties: Ties = "min",
    after: str | None = None,
    of: int | None = None,
) -> StatementCheck:
    """Check a rank statement: "second lowest, after Kota Batu", "38th of 38".

    Parameters
    ----------
    values : array_like, 1-D
        The values ranked (e.g. the rates of the 38 regions in one year).
        Missing values are not ranked (``nan_policy="omit"``).
    labels : sequence of str
        Region names, one per value; must be unique.
    subject : str
        The region the statement is about.
    stated_rank : int
        The rank stated (1-based).
    descending : bool
        The convention of the statement: True if rank 1 is the highest
        value (as Indonesian press rankings of poverty rates usually count),
        False if
        rank 1 is the lowest ("second lowest" is rank 2 with
        ``descending=False``).
    ties : {"min", "max", "average", "dense", "ordinal"}, default "min"
        Tie rule used for the verdict. Whatever the rule, the figures give
        the rank under ``"min"`` and ``"max"``; if the stated rank lies
        between them but differs under `ties`, the verdict is ``"cannot
        tell"``.
    after : str, optional
        The region said to come just before the subject ("after Kota
        Batu"): it must hold rank ``stated_rank - 1``.
    of : int, optional
        The number of ranked regions stated ("of 38").

    Returns
    -------
    StatementCheck
        0-d verdict and reason. Figures: ``rank``, ``rank_min``,
        ``rank_max``, ``count``, ``value``, and ``before`` (the labels at
        rank ``stated_rank - 1``, joined by " and "). The reason names the
        regions ranked ahead of the subject (up to three).

    Raises
    ------
    TypeError
        If `values` is not numeric or `descending` is not a bool.
    ValueError
        If the lengths differ, labels repeat, `subject` or `after` is not
        among the labels, or `stated_rank` is not a positive int.

    See Also
    --------
    povstat.rank : The ranking itself.

    Notes
    -----
    Ties are ranked as in [1]_.

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
    v = _validate.numeric(values, "values")
    lab = np.asarray(labels, dtype=object)
    if v.ndim != 1 or lab.shape != v.shape:
        msg = (
            f"`values` and `labels` must be 1-D of the same length, got "
            f"shapes {v.shape} and {lab.shape}"
        )
        raise ValueError(msg)
    uniq, counts = np.unique(lab.astype(str), return_counts=True)
    if (counts > 1).any():
        msg = f"`labels` must be unique, repeated: {list(uniq[counts > 1])}"
        raise ValueError(msg)
    stated_rank = _validate.positive_int(stated_rank, "stated_rank")
    names = lab.astype(str)
    for arg, name in (("subject", subject), ("after", after)):
        if name is not None and name not in set(names.tolist()):
            msg = f"`{arg}` {name!r} is not among `labels`"
            raise ValueError(msg)
    r_min = rank(v, descending=descending, ties="min")
    r_max = rank(v, descending=descending, ties="max")
    r_rule = rank(v, descending=descending, ties=ties)
    k = int(np.flatnonzero(names == subject)[0])
    value = float(v[k])
    count = int(r_rule.count[k])
    lo, hi, rr = float(r_min.rank[k]), float(r_max.rank[k]), float(r_rule.rank[k])
    before_labels = names[r_rule.rank == stated_rank - 1] if stated_rank > 1 else []
    before_text = " and ".join(sorted(before_labels))
    ahead = names[r_rule.rank < rr]
    ahead_order = np.argsort(r_rule.rank[r_rule.rank < rr], kind="stable")
    ahead_text = (
        ", ".join(ahead[ahead_order].tolist())
        if 0 < ahead.size <= 3
        else f"{ahead.size} regions"
    )
    problems = []
    if np.isnan(value):
        verdict, reason = UNDECIDED, f"{subject} has no value"
    else:
        rank_ok = rr == stated_rank
        in_tie = lo <= stated_rank <= hi
        after_ok = after is None or after in set(before_labels)
        of_ok = of is None or of == count
        direction = "highest" if descending else "lowest"
        reason = (
            f"{subject} ({_fmt(value, 2)}) ranks {_fmt(rr, 1 if rr % 1 else 0)} "
            f"of {count} from the {direction} (ties: {ties}"
            + (f"; {_fmt(lo, 0)}-{_fmt(hi, 0)} with ties" if hi > lo else "")
            + ")"
        )
        if rr > 1:
            reason += f", after {ahead_text}"
        if not rank_ok:
            problems.append(f"not {stated_rank}")
        if not after_ok:
            problems.append(f"{after} is not the region just before it")
        if not of_ok:
            problems.append(f"{count} regions are ranked, not {of}")
        if problems:
            verdict = UNDECIDED if (in_tie and after_ok and of_ok) else NOT_HOLDS
            reason += ": " + "; ".join(problems)
        else:
            verdict = HOLDS
    return StatementCheck(
        verdict=np.asarray(verdict),
        reason=np.asarray(reason),
        figures={
            "rank": rr,
            "rank_min": lo,
            "rank_max": hi,
            "count": count,
            "value": value,
            "before": before_text,
        },
    )


_KINDS = ("change", "count", "direction", "rank")
_NEEDS: dict[str, tuple[str, ...]] = {
    "change": (
        "region",
        "period_before",
        "period_after",
        "stated",
        "direction",
        "stated_as",
        "decimals",
    ),
    "count": ("region", "period", "base", "stated", "decimals"),
    "direction": ("region", "period_before", "period_after", "direction"),
    "rank": ("region", "period", "stated_rank", "descending"),
}


def check_statements(
    statements: IntoFrame,
    data: IntoFrame,
    *,
    unit: Unit,
    region: str = "region",
    period: str = "period",
    rate: str = "rate",
    poor: str = "poor",
    persons_per_poor_unit: float,
    group: str | None = None,
) -> pd.DataFrame:
    """Check a frame of published statements against a long frame of figures.

    Parameters
    ----------
    statements : pandas.DataFrame, polars.DataFrame, ...
        Any frame narwhals supports (a lazy one is collected). One row per
        statement, with a ``kind`` column and the columns that
        kind needs:

        ``"change"``: ``region``, ``period_before``, ``period_after``,
        ``stated``, ``direction`` ("fall"/"rise"), ``stated_as``
        ("percent"/"points": the statement's unit word), ``decimals``.
        ``"count"``: ``region``, ``period``, ``base``, ``stated``,
        ``decimals`` (the rate's population is implied from `rate` and
        `poor` in `data`).
        ``"direction"``: ``region``, ``period_before``, ``period_after``,
        ``direction``.
        ``"rank"``: ``region``, ``period``, ``stated_rank``, ``descending``
        (bool), optional ``after`` and ``of``; regions ranked among the rows
        of `data` at that period (and in the same `group`, if given).
    data : pandas.DataFrame
        Long frame, one row per region and period, with columns `region`,
        `period`, `rate` (in `unit`) and `poor`.
    unit : {"fraction", "percent"}
        Scale of the `rate` column.
    region, period, rate, poor : str
        Column names in `data`.
    persons_per_poor_unit : float
        Persons per unit of the `poor` column: 1000 when it is in thousands
        (as BPS publishes), 1 when in persons. Stated, never guessed; used to
        compare count statements, which are in persons.
    group : str, optional
        Column of `data` within which rank statements are checked (e.g.
        region type); None ranks all rows of the period together.

    Returns
    -------
    pandas.DataFrame
        A copy of `statements` (same index and order; other frames are read
        into pandas) with ``verdict`` and ``reason`` columns added.

    Raises
    ------
    ValueError
        If a column is missing, a ``kind`` is unknown, or a statement's
        region and period are not in `data`.

    See Also
    --------
    check_change_statement, check_count_statement,
    check_direction_statement, check_rank_statement

    Notes
    -----
    Each kind is checked by its ``check_*`` function; see those for the
    rules and sources.

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
    ...     "kind": ["change", "rank"],
    ...     "region": ["Kota Malang", "Kota Batu"],
    ...     "period": [None, 2023], "period_before": [2022, None],
    ...     "period_after": [2023, None], "stated": [0.11, None],
    ...     "direction": ["fall", None], "stated_as": ["points", None],
    ...     "decimals": [2, None],
    ...     "stated_rank": [None, 38], "descending": [None, True],
    ... })
    >>> out = check_statements(st, data, unit="percent", region="region_name",
    ...                        period="year", rate="poverty_rate_pct",
    ...                        poor="poor_thousands", persons_per_poor_unit=1000)
    >>> out["verdict"].tolist()
    ['holds', 'holds']
    """
    from povstat.headcount import implied_population

    scale = float(_validate.positive(persons_per_poor_unit, "persons_per_poor_unit"))
    statements = _plumbing.to_pandas(statements, arg="statements")
    data = _plumbing.to_pandas(data, arg="data")
    for c in (region, period, rate, poor):
        if c not in data.columns:
            msg = f"`data` has no column {c!r}; columns present: {list(data.columns)}"
            raise ValueError(msg)
    if "kind" not in statements.columns:
        msg = (
            "`statements` has no column 'kind'; columns present: "
            f"{list(statements.columns)}"
        )
        raise ValueError(msg)
    present = set(statements["kind"].astype(str))
    bad = sorted(present - set(_KINDS))
    if bad:
        msg = f"`statements` has unknown kinds {bad}; known: {list(_KINDS)}"
        raise ValueError(msg)
    for kind in sorted(present):
        lacking = [c for c in _NEEDS[kind] if c not in statements.columns]
        if lacking:
            msg = (
                f"`statements` of kind {kind!r} need columns {lacking}; columns "
                f"present: {list(statements.columns)}"
            )
            raise ValueError(msg)
    for kind, col, ok in (
        ("change", "direction", ("fall", "rise")),
        ("change", "stated_as", ("percent", "points")),
        ("direction", "direction", ("fall", "rise")),
    ):
        if kind not in present:
            continue
        rows = statements[(statements["kind"] == kind) & ~statements[col].isin(ok)]
        if len(rows):
            msg = (
                f"`statements` of kind {kind!r} must have {col} in {list(ok)}; "
                f"rows {list(rows.index)} have {rows[col].tolist()}"
            )
            raise ValueError(msg)
    for kind in sorted({"change", "count"} & present):
        rows = statements[(statements["kind"] == kind) & statements["decimals"].isna()]
        if len(rows):
            msg = (
                f"`statements` of kind {kind!r} need `decimals`; missing in rows "
                f"{list(rows.index)}"
            )
            raise ValueError(msg)
        dec = statements.loc[statements["kind"] == kind, "decimals"]
        whole = dec.map(
            lambda x: not isinstance(x, bool) and float(x) == int(float(x))
        ).astype(bool)
        if not whole.all():
            msg = (
                "`statements` column 'decimals' must hold whole numbers; rows "
                f"{list(dec.index[~whole])} have {dec[~whole].tolist()}"
            )
            raise ValueError(msg)
    if "rank" in present:
        flags = statements.loc[statements["kind"] == "rank", "descending"]
        real = flags.map(lambda x: isinstance(x, bool | np.bool_)).astype(bool)
        if not real.all():
            msg = (
                "`statements` column 'descending' must be True or False for "
                f"rank statements; rows {list(flags.index[~real])} have "
                f"{flags[~real].tolist()}"
            )
            raise ValueError(msg)
    keyed = data.set_index([region, period])
    if keyed.index.duplicated().any():
        dup = keyed.index[keyed.index.duplicated()].unique().tolist()[:10]
        msg = f"`data` has duplicate ({region}, {period}) keys: {dup}"
        raise ValueError(msg)

    def lookup(
        col: str, regions: pd.Series[Any], periods: pd.Series[Any]
    ) -> NDArray[np.float64]:
        keys = pd.MultiIndex.from_arrays([regions.to_numpy(), periods.to_numpy()])
        missing = ~keys.isin(keyed.index)
        if missing.any():
            pairs = list(zip(regions[missing], periods[missing], strict=True))[:10]
            msg = f"statements refer to (region, period) pairs not in `data`: {pairs}"
            raise ValueError(msg)
        return keyed[col].reindex(keys).to_numpy(np.float64, na_value=np.nan)

    # Work by position, so that any index (even with repeated labels) is kept.
    st = statements.reset_index(drop=True)
    verdict = np.full(len(st), UNDECIDED, dtype=object)
    reason = np.full(len(st), "", dtype=object)
    kinds = st["kind"].astype(str)

    s = st[kinds == "change"]
    # One vectorised call per (direction, unit word, decimals) combination.
    for (direction, said, d), u in (
        s.groupby(["direction", "stated_as", "decimals"]) if len(s) else ()
    ):
        res = check_change_statement(
            lookup(rate, u["region"], u["period_before"]),
            lookup(rate, u["region"], u["period_after"]),
            u["stated"].to_numpy(np.float64),
            direction=_direction(direction),
            stated_as=cast("StatedAs", said),
            unit=unit,
            decimals=int(cast("float", d)),
        )
        verdict[u.index.to_numpy()] = res.verdict
        reason[u.index.to_numpy()] = res.reason

    s = st[kinds == "count"]
    for d in s["decimals"].dropna().unique() if len(s) else []:
        u = s[s["decimals"] == d]
        r = lookup(rate, u["region"], u["period"])
        res = check_count_statement(
            r,
            u["base"].to_numpy(np.float64),
            u["stated"].to_numpy(np.float64),
            unit=unit,
            decimals=int(d),
            rate_population=implied_population(
                r, lookup(poor, u["region"], u["period"]), unit=unit
            )
            * scale,
        )
        verdict[u.index.to_numpy()] = res.verdict
        reason[u.index.to_numpy()] = res.reason

    s = st[kinds == "direction"]
    for direction in ("fall", "rise") if len(s) else ():
        u = s[s["direction"] == direction]
        if len(u):
            res = check_direction_statement(
                lookup(rate, u["region"], u["period_before"]),
                lookup(rate, u["region"], u["period_after"]),
                lookup(poor, u["region"], u["period_before"]),
                lookup(poor, u["region"], u["period_after"]),
                direction=_direction(direction),
                unit=unit,
            )
            verdict[u.index.to_numpy()] = res.verdict
            reason[u.index.to_numpy()] = res.reason

    s = st[kinds == "rank"]
    for pos, row in zip(s.index.to_numpy(), s.to_dict("records"), strict=True):
        # One ranking per statement: statements are few, the ranking is vectorised.
        sel = data[period] == row["period"]
        if group is not None:
            g = data.loc[(data[region] == row["region"]) & sel, group]
            sel &= data[group] == g.iloc[0] if len(g) else sel
        table = data[sel]
        res = check_rank_statement(
            table[rate].to_numpy(np.float64, na_value=np.nan),
            table[region].astype(str).to_numpy(),
            subject=str(row["region"]),
            stated_rank=int(row["stated_rank"]),
            descending=bool(row["descending"]),
            after=None if pd.isna(row.get("after", None)) else str(row["after"]),
            of=None if pd.isna(row.get("of", None)) else int(row["of"]),
        )
        verdict[pos] = str(res.verdict)
        reason[pos] = str(res.reason)
    return statements.assign(verdict=verdict, reason=reason)
