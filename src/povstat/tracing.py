"""Tracing a published figure to the table cell it came from.

A wrong figure in the news is rarely invented: it is the right figure of
another year or survey round, of another region (the province's, or
Indonesia's, reported as a regency's), of another measure (a rate given for a
number of poor), a figure misread by a power of ten (a decimal comma before
"ribu" read as a thousands separator), or a figure with two adjacent digits
swapped. :func:`trace_figure` checks a stated figure against the cell it
claims to be, and when it does not match, searches a long table for the cells
it does match and ranks them by how few slips lead there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any, cast

import numpy as np
import pandas as pd
from attrs import field, frozen
from narwhals.stable.v2.typing import IntoFrame
from numpy.typing import NDArray

from povstat import _validate
from povstat._exact import decimal_ratio
from povstat._results import readonly
from povstat.frames import _plumbing
from povstat.units import figure_decimals, round_half_up, snap_noise, unrounded
from povstat.wording import _figure_text

__all__ = ["FigureTrace", "trace_figure"]

#: Measure columns of the bundled tables searched by default.
_BUNDLED_MEASURES = (
    "poverty_rate_pct",
    "poor_thousands",
    "poverty_line_idr",
    "p1",
    "p2",
)
_HOLDS, _NOT_HOLDS, _UNDECIDED = "holds", "does not hold", "cannot tell"
# The powers of ten a misread figure is searched at, nearest first: by
# default in trace_figure, and for a rank statement's stated value.
_SLIP_POWERS = (-1, 1, -2, 2, -3, 3)
#: The largest power of ten searched: 10.0**308 is float64's largest, and
#: 10.0**-308 its smallest normal one.
_MOST_POWER = 308


def _exact_figure(v: float) -> Fraction:
    """The decimal a finite float stands for (its shortest repr), exactly."""
    return Fraction(repr(v))


def _times_power_of_ten(
    values: NDArray[np.float64], powers: NDArray[np.int64]
) -> NDArray[np.float64]:
    """``values * 10**powers`` on the decimals the values stand for, rounded once.

    The one reading of a figure misread by a power of ten: each value is
    read as the decimal it stands for (its shortest repr, as
    :func:`povstat.round_half_up` reads it) and shifted by ``10**power``
    exactly, so that the product's half-up ties are those of the decimal
    figure (518.05 times 1,000 is 518,050, which rounds to 518,100 at
    hundreds; the float product is 518049.99999999994). `values` and
    `powers` broadcast; NaN stays NaN, a product beyond float64's range is
    infinite.
    """
    v = np.asarray(values, dtype=np.float64)
    p = np.asarray(powers, dtype=np.int64)
    # A negative power divides by the exact 10**-power, a positive one
    # multiplies by 10**power: each factor is the decimal it stands for.
    den = np.where(p < 0, 10.0 ** np.abs(p).astype(np.float64), 1.0)
    scale = np.where(p > 0, 10.0 ** np.abs(p).astype(np.float64), 1.0)
    return decimal_ratio(v, den, scale)


def _could_round_to(
    values: NDArray[np.float64],
    cell_decimals: int,
    stated: float,
    decimals: int,
    *,
    nonnegative: bool,
) -> NDArray[np.bool_]:
    """Whether a true value behind each published figure can round to `stated`.

    The one rule for a figure stated with more decimals than the figures it
    is checked against (a rank statement's value, a traced figure): a
    published :math:`v` (rounded half up to `cell_decimals`) stands for
    :math:`[v - h, v + h)`, the stated :math:`X` (at `decimals`) for
    :math:`[X - h_s, X + h_s)`, and some true value is published as
    :math:`v` and rounds to :math:`X` when the two intervals share a point,
    in exact rational arithmetic. This covers double rounding: 4.2747 is
    published 4.27 and stated 4.275 at 3 decimals, so 4.275 can come from
    a published 4.27. Among figures of no negative value (`nonnegative`) a
    published 0 stands for :math:`[0, h)`; among signed ones for
    :math:`(-h, h)`. Missing values never match.
    """
    v = np.asarray(values, dtype=np.float64)
    ok = np.isfinite(v)
    shown = np.where(ok, round_half_up(np.where(ok, v, 0.0), cell_decimals), 0.0)
    exact: NDArray[np.object_] = np.asarray(
        np.frompyfunc(_exact_figure, 1, 1)(shown), dtype=np.object_
    )
    h = Fraction(1, 2) / Fraction(10) ** cell_decimals
    x = _exact_figure(float(stated))
    hs = Fraction(1, 2) / Fraction(10) ** decimals
    upper = exact + h
    low: NDArray[np.object_] = exact - h
    if nonnegative:
        # A published figure of 0 or more stands for values of 0 or more.
        floor = np.asarray(Fraction(0), dtype=np.object_)
        low = np.where((shown >= 0) & (low < floor), floor, low)
    meets = np.asarray(x - hs < upper, dtype=bool) & np.asarray(
        x + hs > low, dtype=bool
    )
    return np.asarray(meets & ok, dtype=bool)


def _columns(x: Mapping[str, Any]) -> Mapping[str, NDArray[Any]]:
    return MappingProxyType({k: readonly(np.asarray(v)) for k, v in x.items()})


@frozen(kw_only=True)
class FigureTrace:
    """A stated figure checked against its claimed cell, and where it came from.

    Attributes
    ----------
    verdict : str
        ``"holds"`` (the figure is the claimed cell's, within its rounding),
        ``"does not hold"`` or ``"cannot tell"`` (the claimed cell is
        missing).
    reason : str
        One sentence: the published figure and, when the stated one differs,
        the best-ranked cells it matches and the slips that lead there.
    value : float
        The published value of the claimed cell (NaN when missing).
    candidates : mapping of str to ndarray
        The cells the stated figure matches, best first, one array per
        column: the key columns (region, period and any `where` keys),
        ``measure``, ``value`` (as published), ``power`` (the figure equals
        ``value * 10**power`` after rounding), ``swapped`` (bool: two adjacent
        digits swapped), ``slips`` (how many things differ from the claim)
        and ``slip`` (what differs, in words). Read-only.

    Examples
    --------
    >>> from povstat.datasets import load_east_java
    >>> from povstat.tracing import trace_figure
    >>> res = trace_figure(load_east_java(), 19.24, decimals=2,
    ...     subject="Kota Kediri", at=2023, measure="poor_thousands",
    ...     region="region_name", period="year")
    >>> print(res.verdict, res.value)
    does not hold 21.03
    >>> res.to_frame()[["region_name", "year", "value", "slip"]].head(1)
       region_name  year  value                       slip
    0  Kota Kediri  2024  19.24  year 2024 instead of 2023
    """

    verdict: str
    reason: str
    value: float
    candidates: Mapping[str, NDArray[Any]] = field(converter=_columns, eq=False)

    def to_frame(self) -> pd.DataFrame:
        """The candidate cells as a frame, best first.

        Returns
        -------
        pandas.DataFrame
            One row per candidate cell, with the columns of `candidates`.
        """
        return pd.DataFrame(dict(self.candidates))


def _adjacent_swap(a: str, b: str) -> bool:
    """Whether `b` is `a` with two adjacent, different digits swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
        and a[diff[0]].isdigit()
        and a[diff[1]].isdigit()
    )


def _digits(x: float, d: int) -> str:
    """`x` rounded half up to `d` decimals, as plain digits (no grouping)."""
    v = float(round_half_up(x, d))
    return f"{v:.{max(d, 0)}f}"


def _display(x: float, d: int) -> str:
    """`x` rounded half up to `d` decimals, with thousands separators.

    More than 10 decimals: as given (see :func:`povstat.wording._figure_text`).
    """
    return _figure_text(x, d)


def _distance(values: pd.Series[Any], at: object) -> NDArray[np.float64]:
    """How far each period is from `at` (days for dates), for ordering."""
    if pd.api.types.is_datetime64_any_dtype(values):
        when = pd.Series(pd.Timestamp(at), index=values.index)  # type: ignore[arg-type]
        days = (values - when).abs().dt.days
        return np.asarray(days.to_numpy(np.float64, na_value=np.inf), dtype=np.float64)
    if pd.api.types.is_numeric_dtype(values) and isinstance(at, int | float):
        gap = (values.astype(np.float64) - float(at)).abs()
        return np.asarray(gap.to_numpy(np.float64), dtype=np.float64)
    return np.zeros(len(values), dtype=np.float64)


def _show(x: object) -> str:
    if isinstance(x, pd.Timestamp | dt.datetime | np.datetime64):
        t = pd.Timestamp(x)
        return t.strftime("%B %Y") if t.day == 1 else t.strftime("%Y-%m-%d")
    return str(x)


def _same(values: pd.Series[Any], target: object) -> NDArray[np.bool_]:
    """Rows whose key is `target`; dates by calendar month, as in the adapters."""
    if pd.api.types.is_datetime64_any_dtype(values):
        try:
            month = pd.Timestamp(target).to_period("M")  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return np.zeros(len(values), dtype=bool)
        same = values.dt.to_period("M") == month
        return np.asarray(same.fillna(False), dtype=bool)
    return np.asarray((values == target).fillna(False), dtype=bool)


def trace_figure(
    data: IntoFrame,
    stated: float | np.floating[Any] | Decimal | Fraction,
    *,
    decimals: int,
    subject: object,
    at: object,
    measure: str,
    where: Mapping[str, object] | None = None,
    measures: Sequence[str] | None = None,
    powers: Sequence[int] = (-3, -2, -1, 1, 2, 3),
    max_slips: int = 2,
    parent: str | None = None,
    region: str = "region_code",
    period: str = "period",
    cell_decimals: int | None = None,
) -> FigureTrace:
    r"""Check a stated figure against its cell, and trace it when it is wrong.

    Parameters
    ----------
    data : DataFrame
        Long table, one row per region, period (and any `where` keys), with a
        column per measure: pandas, polars (eager or lazy), or any frame
        narwhals reads. Lazy frames are collected.
    stated : float, int, Decimal or Fraction
        The figure as stated, in the unit of the `measure` column (18,848
        people against a column in thousands is 18.848). A ``Decimal`` or
        ``Fraction`` is taken when float64 holds it (exactly, or as the
        shortest decimal of its nearest float64: ``Decimal("188.48")``), as
        in the array functions.
    decimals : int
        Decimal places of `stated` in that unit (3 for 18.848; negative for
        tens, hundreds, ...); at most 10, the precision figures are
        compared at.
    subject : object
        The region the figure is said to be about, as written in `region`.
    at : object
        The period it is said to be of, as written in `period` (a date, or
        a year in a column of years). Dates are matched by calendar month,
        as the adapters read periods: 2022-03-15 is the row of March 2022.
    measure : str
        The column the figure is said to come from (e.g.
        ``"poverty_rate_pct"``).
    where : mapping of str to object, optional
        Further key columns the statement fixes, e.g. ``{"area": "total"}``
        in a table with urban and rural rows; a match in another value is
        reported as a slip too.
    measures : sequence of str, optional
        Columns searched for the figure. Default: `measure` and those of
        ``poverty_rate_pct``, ``poor_thousands``, ``poverty_line_idr``,
        ``p1``, ``p2`` present in `data`.
    powers : sequence of int, default (-3, -2, -1, 1, 2, 3)
        Powers of ten tried for a misread figure (a figure that equals a
        published value times ``10**power`` after rounding). A stated 0 is
        never traced to a power of ten (any small value would match).
    max_slips : int, default 2
        Candidates reached only by more slips than this (e.g. another
        region, another year and a power of ten) are coincidences more often
        than explanations, and are left out.
    parent : str, optional
        Column of `data` with each region's parent region, in the labels of
        `region` (``"province_code"`` with ``region="region_code"`` in the
        national table, ``"province_name"`` with ``region="region_name"``);
        regions without a parent are the top level (Indonesia). Among
        figures of another region, those of the claimed region's parents
        (its province, Indonesia) come first, then those of regions with
        the same parent.
    region, period : str
        Key columns of `data`.
    cell_decimals : int, optional
        Decimal places the `measure` column was published with. None: a
        Decimal column's scale (up to 10), else the most any of the
        column's figures shows, up to 10 (10.50 reads as 10.5, but next to
        4.26 the column shows 2), as the rank checks read a column; a
        column of computed values that show more (``3 / 7``) is taken as
        given, and the reason shows such a cell as given, in full. A figure
        stated with more decimals is judged against the cell's rounding.
        A cell of `measure` needing more places (float noise aside: a
        pooled 7.876 or a computed rate appended to figures published with
        2) is read on its own, at the places it needs (as given if
        computed), never rounded to `cell_decimals`, as
        :func:`povstat.statements.check_statements` reads a column with
        `rate_decimals`. Every cell is read as the figure it stands for, float
        noise removed (0.37499999999999994 is 0.375, which rounds to 0.38),
        as in every statement check.

    Returns
    -------
    FigureTrace
        The verdict, a reason naming the published figure and the best
        candidates, and every candidate cell, ranked: fewest slips first;
        then a slip of period (nearest first), of region (parents first,
        with `parent`), of `where` key, of measure, of a power of ten, of
        swapped digits; then by region and period. "cannot tell" where the
        cell has no value, or where the figure is stated with more decimals
        than the cell shows and lies within its rounding (188.481 against a
        published 188.48, which stands for 188.475 to 188.485). A figure
        stated with more decimals than a cell (4.2634 against a table of 2
        decimals) matches that cell when a true value the cell stands for
        can round to it at the stated decimals: the two rounding intervals
        share a point (4.2634 is 4.26; and 4.275 matches a published 4.27,
        which stands for 4.265 to 4.275, since 4.2747 is published as 4.27
        and stated as 4.275 at 3 decimals: double rounding). The rule is
        that of :func:`povstat.statements.check_rank_statement` for a stated
        value. Such candidates are listed, and their slip says the figure
        is more precise than the table (never with a power of ten: a
        misread figure has the cell's digits, no more; never a cell
        published as 0 for a nonzero figure, which any small figure would
        match).

    Raises
    ------
    TypeError
        If `decimals`, `max_slips` or a power is not an int, `stated` is
        not a number, `measures` or `powers` is a bare str (pass a list),
        `where` is not a mapping of column names to single labels (a list
        or tuple value is refused), `subject`, `at` or `measure` is not one
        label (a one-row Series, a list, a tuple, an Index or an array:
        pass the label it holds), or the `period` column holds
        time-zone-aware datetimes (periods are calendar dates: convert them
        to dates first; Spark's TIMESTAMP is read as the date in the
        session time zone, as the adapters read it).
    ValueError
        If `max_slips` is negative, a power lies outside [-308, 308] (10**p
        beyond float64's range), `cell_decimals` lies outside [-15, 15],
        a column is missing, a key column
        (`region`, `period` or a `where` key) of `data` has a missing
        value, a searched column is not numeric (bools included; text is
        named with the :func:`povstat.parse_numbers` hint) or is a key
        column (`region`, `period` or a `where` key), `stated` is not finite
        or not rounded to `decimals`, a ``Decimal``, ``Fraction``, long
        double or integer `stated` is one float64 cannot hold (e.g.
        ``Decimal("2.67499999999999999999")``, which float64 would read as
        2.675), or no row of `data` has the claimed
        region and period (the message says whether the region is in `data`
        at all), or several rows do.

    See Also
    --------
    povstat.statements.check_statements : Checks many statements at once.

    Notes
    -----
    A stated :math:`X` at :math:`d` decimals matches a published :math:`v`
    when :math:`\operatorname{round}_d(v\,10^k) = X`, rounded half up, for
    the power :math:`k` (0 unless misread), with :math:`v\,10^k` the exact
    product of the decimal :math:`v` stands for (518.05 times 1,000 is
    518,050, which rounds to 518,100 at hundreds, although the float
    product is 518049.99999999994); where :math:`d` exceeds the
    cell's decimals :math:`c` (and :math:`k = 0`), when
    :math:`[X - h_d, X + h_d)` and :math:`[v - h_c, v + h_c)` share a point,
    :math:`h_j = 10^{-j}/2`, in exact arithmetic (a published 0 of a
    column of no negative value stands for :math:`[0, h_c)`), so that a
    figure reached by rounding a true value twice is found; digits are
    swapped when the two figures, written to :math:`d` decimals, differ by
    exchanging two adjacent digits. Swapped digits are looked for in the
    claimed cell alone (its region, period and measure), never combined
    with another slip: a figure that is another cell's with two digits
    swapped is not found, whatever `max_slips`. The kinds of slip are
    those that recur in reports of official statistics [1]_.

    References
    ----------
    .. [1] OECD (2009), *Data and Metadata Reporting and Presentation
       Handbook*, ch. 5 (presentation of data, units and rounding).

    Examples
    --------
    "East Java's poverty rate in March 2023 was 9.36 %": that is Indonesia's.

    >>> from povstat.datasets import load_east_java
    >>> from povstat.tracing import trace_figure
    >>> res = trace_figure(load_east_java(), 9.36, decimals=2,
    ...     subject="Jawa Timur", at="2023-03-01", measure="poverty_rate_pct",
    ...     region="region_name")
    >>> print(res.reason)  # doctest: +NORMALIZE_WHITESPACE
    Jawa Timur, March 2023, poverty_rate_pct is 10.35, not 9.36; it matches
    Indonesia, March 2023, poverty_rate_pct = 9.36 (region_name Indonesia
    instead of Jawa Timur)
    """
    return _trace_figure(
        data,
        stated,
        decimals=decimals,
        subject=subject,
        at=at,
        measure=measure,
        where=where,
        measures=measures,
        powers=powers,
        max_slips=max_slips,
        parent=parent,
        region=region,
        period=period,
        cell_decimals=cell_decimals,
    )


def _one_value(x: Any) -> Any:
    """A pyarrow Scalar as the value it holds; anything else as given.

    Only a Scalar is read (:func:`povstat._validate.arrow_scalars`): a
    container stays one, to be refused as several labels.
    """
    return _validate.arrow_scalars(x) if _validate._is_arrow_scalar(x) else x


def _refuse_missing(given: Mapping[str, tuple[object, str]]) -> None:
    """Refuse a missing value as a key or measure: one rule for every marker.

    None, NaN (of any float type), NaT, ``pandas.NA`` and ``numpy.ma.masked``
    (:func:`povstat._validate._is_missing_label`) name no cell: masked would
    compare equal to every row (its comparisons are masked), the others
    match no row and would be reported as a label absent from `data`.
    """
    for arg, (value, what) in given.items():
        if _validate._is_missing_label(value):
            msg = (
                f"`{arg}` is missing, got {_validate.shown(value)}; a figure "
                f"is traced in one named cell: pass {what} the figure is "
                "stated for"
            )
            raise ValueError(msg)


def _refuse_collections(given: Mapping[str, tuple[object, str]]) -> None:
    """Refuse several labels (or one wrapped in a container) as one key.

    A one-row Series (a frame filtered to the subject's row), a list, a
    tuple, an Index or an array given as `subject`, `at` or `measure` is not
    one label: pandas would compare it with the column row by row (or
    fail), so it is refused, naming the argument and how to pass the label
    it holds. A str, a number, a date and a 0-d array are single labels.
    """
    for arg, (value, what) in given.items():
        if isinstance(value, str | bytes) or not (
            isinstance(value, Collection) or np.ndim(cast("Any", value)) != 0
        ):
            continue
        if (isinstance(value, np.ndarray) and value.ndim == 0) or (
            _validate._is_arrow_scalar(value)
        ):
            continue  # one label (or a missing one, refused as such)
        try:
            n = len(cast("Any", value))
        except TypeError:  # a set-like without length: shown as given
            n = -1
        kind = type(value).__name__
        kind = f"{'an' if kind[:1].lower() in 'aeiou' else 'a'} {kind}"
        if n == 1 and hasattr(value, "item"):
            held = f" holding {_validate.plain(value.item())!r}"
            how = f"`{arg}.item()` (the label it holds)"
        elif n == 1 and isinstance(value, Sequence):
            held = f" holding {_validate.plain(value[0])!r}"
            how = f"`{arg}[0]` (the label it holds)"
        else:
            held = f" of {n} value{'' if n == 1 else 's'}" if n >= 0 else ""
            how = "one of them" if n > 1 else "one label"
        msg = f"`{arg}` must be one label ({what}), got {kind}{held}: pass {how}"
        raise TypeError(msg)


def _trace_figure(
    data: IntoFrame,
    stated: float | np.floating[Any] | Decimal | Fraction,
    *,
    decimals: int,
    subject: object,
    at: object,
    measure: str,
    where: Mapping[str, object] | None = None,
    measures: Sequence[str] | None = None,
    powers: Sequence[int] = (-3, -2, -1, 1, 2, 3),
    max_slips: int = 2,
    parent: str | None = None,
    region: str = "region_code",
    period: str = "period",
    cell_decimals: int | None = None,
    claimed_decimals: int | None = None,
) -> FigureTrace:
    """The body of :func:`trace_figure`.

    `claimed_decimals` (from :func:`povstat.statements.check_statements`,
    which reads a column by one rule): the decimals the claimed cell was
    published with, where they differ from the column's (a published 4.26
    in a column with an appended 7.876): the claimed cell is judged within
    its own rounding interval, the others read as the column is.
    """
    d = _validate.decimals(decimals, most=_validate.FIGURE_DECIMALS)
    if not _validate.is_real(stated):
        msg = f"`stated` must be a number, got {stated!r}"
        raise TypeError(msg)
    # A float32 figure stands for its shortest decimal (4.26, not 4.2600002);
    # a long double, Decimal, Fraction or integer float64 cannot hold (as the
    # float64 itself or its shortest decimal) is refused.
    x = float(_validate.numeric(cast("Any", stated), "stated"))
    if not np.isfinite(x):
        msg = f"`stated` must be finite, got {stated!r}"
        raise ValueError(msg)
    # The one rule of float noise in figures (povstat.units.unrounded):
    # 1.01e-10 is not a figure at 10 decimals, 0.1 + 0.2 is one at 1.
    if unrounded(np.asarray(x), d).any():
        msg = f"`stated` must be a figure rounded to {d} decimals, got {stated!r}"
        raise ValueError(msg)
    x = float(round_half_up(x, d))
    if isinstance(measures, str | bytes) or isinstance(powers, str | bytes):
        arg = "measures" if isinstance(measures, str | bytes) else "powers"
        value = measures if arg == "measures" else powers
        msg = (
            f"`{arg}` must be a list, got the str {value!r} (which would be read "
            f"as its characters); pass [{value!r}]"
        )
        raise TypeError(msg)
    for p in powers:
        if isinstance(p, bool) or not isinstance(p, int | np.integer):
            msg = f"`powers` must hold ints, got {p!r}"
            raise TypeError(msg)
        # 10**p must be a float64 other than 0 and inf (1e-308 to 1e308):
        # a figure misread by a larger power is no figure povstat can hold.
        if not -_MOST_POWER <= int(p) <= _MOST_POWER:
            msg = (
                f"`powers` must hold ints from -{_MOST_POWER} to {_MOST_POWER} "
                f"(10**p within float64's range), got {_validate.shown(p)}"
            )
            raise ValueError(msg)
    if isinstance(max_slips, bool) or not isinstance(max_slips, int | np.integer):
        msg = f"`max_slips` must be an int, got {max_slips!r}"
        raise TypeError(msg)
    if max_slips < 0:
        msg = f"`max_slips` must be >= 0, got {max_slips!r}"
        raise ValueError(msg)
    if where is not None and not isinstance(where, Mapping):
        msg = f"`where` must be a mapping of column to value, got {where!r}"
        raise TypeError(msg)
    # A pyarrow Scalar (``for s in table["region_name"]``) is one label: the
    # value it holds (pandas cannot compare a column with the Scalar itself).
    subject, at, measure = (_one_value(v) for v in (subject, at, measure))
    if where is not None:
        where = {k: _one_value(v) for k, v in where.items()}
    if isinstance(measures, list | tuple):
        measures = _validate.arrow_scalars(measures)
    _refuse_collections(
        {
            "subject": (subject, f"a label of `data` column {region!r}"),
            "at": (at, f"a label of `data` column {period!r}"),
            "measure": (measure, "the name of a column of `data`"),
        }
    )
    _refuse_missing(
        {
            "subject": (subject, f"the region (a label of `data` column {region!r})"),
            "at": (at, f"the period (a label of `data` column {period!r})"),
            **{
                f"where[{k!r}]": (v, f"a label of `data` column {k!r}")
                for k, v in (where or {}).items()
            },
            "measure": (measure, "the name of the measure column"),
        }
    )
    for k, v in (where or {}).items():
        if not isinstance(k, str):
            msg = f"`where` keys must be column names (str), got {k!r}"
            raise TypeError(msg)
        if not isinstance(v, str | bytes) and (
            isinstance(v, Collection) or np.ndim(cast("Any", v)) != 0
        ):
            msg = (
                f"`where` values must be single labels (a statement fixes one "
                f"value of each key), got {k!r}: {v!r}"
            )
            raise TypeError(msg)
    keys = {region: subject, period: at, **dict(where or {})}
    if measures is None:
        searched = [measure] + [
            c for c in _BUNDLED_MEASURES if c != measure and c not in keys
        ]
    else:
        searched = list(dict.fromkeys([measure, *measures]))
    as_key = [c for c in searched if c in keys]
    if as_key:
        arg = "measure" if measure in keys else "measures"
        msg = (
            f"`{arg}` names the key column {as_key[0]!r} (a key of `region`, "
            f"`period` or `where`: {list(keys)}); a figure is traced in the "
            "measure columns, such as 'poverty_rate_pct'"
        )
        raise ValueError(msg)
    # Spark TIMESTAMP periods are read as their dates in the session zone.
    # Decimal columns' scales, which their floats cannot show (10.50 as 10.5).
    scales = _plumbing.decimal_scales(data)
    frame = _plumbing.calendar_frame(_plumbing.collect(data, arg="data"))
    present = list(frame.columns)
    needed = [
        *keys,
        measure,
        *([] if measures is None else searched),
        *([parent] if parent else []),
    ]
    lacking = [c for c in needed if c not in present]
    if lacking:
        msg = f"`data` has no column {lacking[0]!r}; columns present: {present}"
        raise ValueError(msg)
    searched = [c for c in searched if c in present]
    extra = [parent] if parent and parent not in keys else []
    table = frame.select([*keys, *searched, *extra]).to_pandas().reset_index(drop=True)
    for c in searched:
        dtype = table[c].dtype
        if _plumbing.object_numbers(table[c]):  # pandas.read_sql's NUMERIC
            continue
        if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(
            dtype
        ):
            text = pd.api.types.is_string_dtype(dtype) or dtype.kind == "O"
            hint = f"; {_validate.TEXT_NUMBERS_HINT}" if text else ""
            msg = f"`data` column {c!r} must be numeric, got dtype {dtype}{hint}"
            raise ValueError(msg)
    for k in keys:
        missing = table[k].isna().to_numpy()
        if missing.any():
            arg = "region" if k == region else "period" if k == period else "where"
            msg = (
                f"`data` column {k!r} (argument `{arg}`) is a key and must not "
                f"have missing values; {int(missing.sum())} row(s) have none"
            )
            raise ValueError(msg)

    _plumbing.refuse_aware(table[period], f"`data` column {period!r}")
    months = _plumbing.month_starts(table[period])
    if months is not None:  # dates of every kind and engine, by calendar month
        table = table.assign(**{period: months})
        if isinstance(at, dt.datetime) and at.tzinfo is not None:
            raise TypeError(_plumbing.aware_message("`at`", at.tzinfo))
        if isinstance(at, str):  # "2023-03-15"; never "09/03/2022" (which month?)
            at = _plumbing.text_date(at, "`at`")
            keys[period] = at
    same = {k: _same(table[k], v) for k, v in keys.items()}
    claimed = np.logical_and.reduce(list(same.values()))
    if claimed.sum() != 1:
        pair = ", ".join(f"{k}={v!r}" for k, v in keys.items())
        if claimed.sum() > 1:
            msg = (
                f"`data` has {int(claimed.sum())} rows with {pair}; keys must be "
                "unique: name further key columns (e.g. the area) in `where`"
            )
            raise ValueError(msg)
        absent = [k for k in keys if not same[k].any()]

        def missing_key(k: str) -> str:
            # 3573 where the column holds "3573" (or the reverse): say so.
            alike = table[k].astype(str) == str(keys[k])
            if alike.any():
                value = table[k][alike].iloc[0]
                held = type(value).__name__
                shown = (
                    repr(_validate.plain(value))
                    if isinstance(value, str)
                    else _show(value)
                )
                return (
                    f"{k}={_validate.plain(keys[k])!r} (of type "
                    f"{type(keys[k]).__name__}) is not in "
                    f"`data`, which holds {shown} of type {held}: pass it as "
                    "`data` writes it"
                )
            return f"{k}={_validate.plain(keys[k])!r} is not in `data` at all"

        detail = (
            "; " + "; ".join(missing_key(k) for k in absent)
            if absent
            else " (each value is in `data`, but not together)"
        )
        msg = f"no row of `data` has {pair}{detail}"
        raise ValueError(msg)
    row = int(np.flatnonzero(claimed)[0])
    claim = {k: table[k].iloc[row] for k in keys}
    label = ", ".join(_show(v) for v in claim.values())

    def result(verdict: str, reason: str, cand: dict[str, Any]) -> FigureTrace:
        return FigureTrace(
            verdict=verdict, reason=reason, value=published, candidates=cand
        )

    empty: dict[str, Any] = {
        **{k: table[k].to_numpy()[:0] for k in keys},
        "measure": np.array([], dtype=str),
        "value": np.array([], dtype=np.float64),
        "power": np.array([], dtype=np.int64),
        "swapped": np.array([], dtype=bool),
        "slips": np.array([], dtype=np.int64),
        "slip": np.array([], dtype=str),
    }
    # The decimals the measure was published with: stated, or those of a
    # Decimal column's scale or of the column's figures.
    if cell_decimals is not None and (
        isinstance(cell_decimals, bool)
        or not isinstance(cell_decimals, int | np.integer)
    ):
        msg = f"`cell_decimals` must be an int or None, got {cell_decimals!r}"
        raise TypeError(msg)
    if cell_decimals is None:
        pd_ = scales.get(measure, _column_decimals(table[measure]))
    else:
        pd_ = _validate.decimals(cell_decimals, "cell_decimals")
    # Every searched cell read as the figure it stands for, float noise
    # removed, as every check reads it (a float32 column through the
    # shortest decimal of each value): the measure at `cell_decimals` when
    # given, a cell needing more (an appended 7.876 or a computed rate
    # beside figures published with 2) on its own, never rounded to them,
    # as check_statements reads a column with `rate_decimals`.
    figures = {c: _cells(table[c]) for c in searched}
    own_cells = np.zeros(len(table), dtype=bool)
    if cell_decimals is not None:
        cells = _plumbing.pandas_floats(table[measure])
        own_cells = np.asarray(unrounded(cells, pd_), dtype=bool)
        figures[measure] = np.where(
            own_cells, figures[measure], _cells(table[measure], pd_)
        )
    published = float(figures[measure][row])
    # The claimed cell's own decimals where they are known to differ from
    # the column's; the column's otherwise.
    column_pd = pd_
    if claimed_decimals is not None:
        pd_ = claimed_decimals
    elif own_cells[row]:
        pd_ = _shown(published, pd_)
    if np.isnan(published):
        return result(_UNDECIDED, f"{label}, {measure} has no published value", empty)
    # A figure stated with more decimals than published is never confirmed
    # by the table, trailing zeros included (4.260 for a published 4.26,
    # which stands for 4.255 to 4.265): judged below, as any finer figure.
    if d <= pd_ and float(round_half_up(published, d)) == x:
        return result(
            _HOLDS,
            f"{label}, {measure} is {_display(published, _shown(published, d))}, "
            f"which rounds to {_display(x, d)}",
            empty,
        )

    # A figure stated with more decimals than the published one shows
    # (188.481 for 188.48): within the published figure's rounding it may be
    # the true value, which the table does not give.
    within: str | None = None  # the claimed cell's rounding may hold it
    if d > pd_:
        # The two rounding ranges overlap: some true value rounds to both
        # (188.4847 is 188.48 at 2 decimals and 188.485 at 3). A figure of
        # 0 or more stands for values of 0 or more.
        # The published figure: the cell at its published decimals (a cell
        # stored with more, 10.385 at 2, was published as 10.39).
        v = Fraction(repr(float(round_half_up(published, pd_))))
        h = Fraction(1, 2) / Fraction(10) ** pd_
        # A published 0 in a column of no negative figure (a count) stands
        # for [0, h); in a signed column (changes) for (-h, h).
        nonneg = bool((_plumbing.pandas_floats(table[measure]) >= 0).all())
        low = max(v - h, Fraction(0)) if v >= 0 and nonneg else v - h
        if _could_round_to(
            np.asarray([published]), pd_, x, d, nonnegative=nonneg
        ).all():
            places = f"{pd_} decimal{'s' if pd_ != 1 else ''}"
            stated_places = f"{d} decimal{'s' if d != 1 else ''}"
            # Cannot tell; the other cells whose rounding holds the figure
            # (4.265 is 4.27 at 2 decimals) are still listed below.
            within = (
                f"{label}, {measure} is {_display(published, pd_)}, published "
                f"with {places}: it stands for "
                f"{_display(float(low), pd_ + 1)} to "
                f"{_display(float(v + h), pd_ + 1)}, and the table does not "
                f"give the {_display(x, d)} stated to {stated_places}"
            )

    # Every (power, measure, row) whose published value matches the figure.
    pw = np.array([0, *[int(p) for p in powers if int(p) != 0]], dtype=np.int64)
    found_rows, found_measure, found_power = [], [], []
    coarse_rows: list[NDArray[np.bool_]] = []
    for c in searched:
        v = figures[c]
        # The misread figure is the cell's decimal times 10**power, exactly:
        # its half-up ties are those of the decimal (4,292.15 x 100 is
        # 429,215, which rounds to 429,220 at tens).
        scaled = _times_power_of_ten(v[None, :], pw[:, None])
        # A figure stated with more decimals than the column was published
        # with (4.2634 against 4.26) matches a cell when it rounds to the
        # cell at the cell's decimals: it lies in the cell's rounding
        # interval. Not with a power of ten: a misread figure has the
        # cell's digits, no more (14.94 read as 149.4, never 149.39).
        cd = column_pd if c == measure else scales.get(c, _column_decimals(table[c]))
        nonneg = bool((v[~np.isnan(v)] >= 0).all())
        # A cell read on its own (more decimals than `cell_decimals`) within
        # its own rounding, at the decimals it needs (as given if computed).
        cds = np.full(v.shape, cd, dtype=np.int64)
        if c == measure:
            for i in np.flatnonzero(own_cells).tolist():
                cds[i] = _shown(float(v[i]), int(cd))
        finer = (d > cds)[None, :] & (pw == 0)[:, None]
        could = np.zeros(v.shape, dtype=bool)
        for k in np.unique(cds[d > cds]).tolist():
            at_k = np.asarray(cds == k, dtype=bool)
            could[at_k] = _could_round_to(v[at_k], int(k), x, d, nonnegative=nonneg)
        # A cell published as 0 is no origin of a nonzero figure stated more
        # precisely: any small figure (0.01 against a count of 0) would
        # "match" every zero cell of the table.
        could &= (v != 0) | (x == 0)
        # A stated 0 is never a misread power of ten: every value that
        # rounds to 0 after the power would "explain" it.
        hit = (np.where(finer, could[None, :], round_half_up(scaled, d) == x)) & (
            (pw[:, None] == 0) | (x != 0)
        )
        pi, ri = np.nonzero(hit)
        coarse_rows.append(np.broadcast_to(finer, hit.shape)[pi, ri])
        found_rows.append(ri)
        found_power.append(pw[pi])
        found_measure.append(np.full(ri.shape, c, dtype=object))
    # The claimed cell with two adjacent digits swapped, if that is the slip.
    swap = _adjacent_swap(_digits(published, d), _digits(x, d))
    rows: NDArray[np.intp] = np.concatenate(
        [*found_rows, np.array([row] * swap, dtype=np.intp)]
    )
    power: NDArray[np.int64] = np.concatenate(
        [*found_power, np.zeros(int(swap), np.int64)]
    )
    meas = np.concatenate(
        [*found_measure, np.array([measure] * swap, dtype=object)]
    ).astype(str)
    swapped = np.zeros(rows.shape, dtype=bool)
    swapped[rows.size - int(swap) :] = True
    # Cells matched only within their rounding: the figure is more precise.
    coarse = np.concatenate([*coarse_rows, np.zeros(int(swap), dtype=bool)])

    differs = {k: ~same[k][rows] for k in keys}
    other_measure = meas != measure
    scaled_ = power != 0
    slips = (
        np.sum([differs[k] for k in keys], axis=0, dtype=np.int64)
        + other_measure
        + scaled_
        + swapped
    )
    keep = (slips > 0) & (slips <= max_slips)
    # Order: fewest slips; then the kind of slip: another period (nearest
    # first), another value of a `where` key, a related region (parents
    # first), another measure, a power of ten, swapped digits, and last an
    # unrelated region whose figure happens to be equal; then region and
    # period labels, so that ties are decided by the data, not by row order.
    related = _relation(table, region, parent, subject)[rows]
    other_key = (
        np.any([differs[k] for k in where], axis=0)
        if where
        else np.zeros(rows.shape, dtype=bool)
    )
    kind = np.select(
        [
            differs[period],
            differs[region] & (related < 2),
            differs[region],
            other_key,
            other_measure,
            scaled_,
        ],
        [0, 2, 6, 1, 3, 4],
        default=5,
    )
    dist = _distance(table[period], at)[rows]
    reg_text = table[region].astype(str).to_numpy()[rows]
    per_text = table[period].astype(str).to_numpy()[rows]
    order = np.lexsort((per_text, reg_text, np.abs(power), dist, related, kind, slips))
    order = order[keep[order]]

    def words(i: int) -> str:
        r = int(rows[i])
        parts = [
            f"{k} {_show(table[k].iloc[r])} instead of {_show(claim[k])}"
            for k in (period, region, *(where or {}))
            if differs[k][i]
        ]
        if other_measure[i]:
            parts.append(f"{meas[i]} instead of {measure}")
        if scaled_[i]:
            parts.append(f"misread by a factor of {_factor(int(power[i]))}")
        if swapped[i]:
            parts.append(
                f"two adjacent digits swapped ({_digits(published, d)} -> "
                f"{_digits(x, d)})"
            )
        if coarse[i]:
            cd = (
                (pd_ if r == row else column_pd)
                if meas[i] == measure
                else scales.get(str(meas[i]), _column_decimals(table[str(meas[i])]))
            )
            cell = float(figures[str(meas[i])][r])
            rounded = float(round_half_up(x, cd)) == float(round_half_up(cell, cd))
            parts.append(
                f"the figure is more precise than the table: "
                f"{_display(x, d)} is {_display(cell, max(cd, 0))} at "
                f"{_places_text(cd)}"
                if rounded
                else f"the figure is more precise than the table: "
                f"{_display(cell, max(cd, 0))} stands for values that round to "
                f"{_display(x, d)} at {_places_text(d)}"
            )
        return "; ".join(parts)

    slip_text = np.array([words(int(i)) for i in order], dtype=object).astype(str)
    values = np.array(
        [
            float(figures[str(m)][int(r)])
            for m, r in zip(meas[order], rows[order], strict=True)
        ],
        dtype=np.float64,
    )
    cand = {
        **{k: table[k].to_numpy()[rows[order]] for k in keys},
        "measure": meas[order],
        "value": values,
        "power": power[order],
        "swapped": swapped[order],
        "slips": slips[order],
        "slip": slip_text,
    }

    def own(value: float, column: str) -> str:
        """A cell at its own column's decimals (37,500, not 37,500.0)."""
        cd = (
            pd_
            if column == measure
            else scales.get(column, _column_decimals(table[column]))
        )
        # A column of computed values (10 decimals and more) shows each
        # value with the decimals it has, from those of the stated figure.
        floor = cd if cd < _validate.FIGURE_DECIMALS else min(max(d, 0), 2)
        return _display(value, _shown(value, max(floor, 0)))

    head = f"{label}, {measure} is {own(published, measure)}, not {_display(x, d)}"
    if within is not None and not order.size:
        return result(_UNDECIDED, within, cand)
    if not order.size:
        return result(_NOT_HOLDS, head + "; no cell of `data` matches it", cand)
    # The reason names the best candidate and the other explanations with as
    # few slips; figures of unrelated regions that happen to be equal are
    # named only when nothing closer explains the figure.
    stray = kind == 6
    top = int(order[0])
    best = [
        j
        for j in range(order.size)
        if slips[order[j]] == slips[top]
        and (j == 0 or stray[top] or not stray[order[j]])
    ][:3]

    def origin(j: int) -> str:
        i = int(order[j])
        if swapped[i]:
            return f"it is {_digits(published, d)} with {slip_text[j]}"
        r = int(rows[i])
        cell = ", ".join(_show(table[k].iloc[r]) for k in keys)
        shown = own(float(values[j]), str(meas[i]))
        return f"it matches {cell}, {meas[i]} = {shown} ({slip_text[j]})"

    if within is not None:
        return result(
            _UNDECIDED,
            within + "; or " + "; or ".join(map(origin, best)),
            cand,
        )
    return result(_NOT_HOLDS, head + "; " + "; or ".join(map(origin, best)), cand)


def _relation(
    table: pd.DataFrame, region: str, parent: str | None, subject: object
) -> NDArray[np.int64]:
    """Closeness of each row's region to `subject`, for ordering.

    0 for the subject's parents (its province, and the top level: regions
    without a parent), 1 for regions with the subject's parent, 2 for the
    others; all 2 without `parent`.
    """
    n = len(table)
    if parent is None:
        return np.full(n, 2, dtype=np.int64)
    labels = table[region].astype(object)
    parents = table[parent].astype(object)
    known = pd.DataFrame({"r": labels, "p": parents}).dropna()
    up = dict(zip(known["r"], known["p"], strict=False))
    roots = set(labels[parents.isna()].tolist())
    ancestors: set[object] = set()
    here: object = subject
    while here in up and up[here] != here and up[here] not in ancestors:
        here = up[here]
        ancestors.add(here)
    first = (ancestors | roots) - {subject}
    own = up.get(subject)
    same_parent = (parents == own).fillna(False).to_numpy(dtype=bool)
    rel = np.where(labels.isin(first).to_numpy(), 0, np.where(same_parent, 1, 2))
    return np.asarray(rel, dtype=np.int64)


def _places_text(d: int) -> str:
    """``"2 decimals"``, ``"1 decimal"``."""
    return f"{d} decimal{'s' if d != 1 else ''}"


def _factor(power: int) -> str:
    """Words for a misreading by ``10**power``."""
    size = f"{10 ** abs(power):,}"
    how = "divided" if power < 0 else "multiplied"
    return f"{size}: the published figure {how} by {size}"


def _column_decimals(values: pd.Series[Any]) -> int:
    """The decimals a column of figures shows, as every check reads them.

    :func:`povstat.units.figure_decimals`: the most any figure shows (float
    noise aside), up to 10. A column of computed values that show more
    (``3 / 7``) gives 10: its cells are taken as given, and a stated figure
    (at most 10 decimals) is never more precise than they are.
    """
    d = figure_decimals(_plumbing.pandas_floats(values))
    return _validate.FIGURE_DECIMALS if d is None else d


def _cells(values: pd.Series[Any], given: int | None = None) -> NDArray[np.float64]:
    """A column's cells read as the figures they stand for.

    The one reading of every check: a cell carrying float noise
    (``(3/10)/(8/10)`` is 0.37499999999999994) is the figure it stands for
    (0.375), at `given` decimals (cells checked to be figures there, see
    :func:`povstat.units.published`) or, decimals not given, by
    :func:`povstat.units.snap_noise`; any other value is taken as given.
    """
    cells = _plumbing.pandas_floats(values)
    if given is None:
        return snap_noise(cells)
    return np.asarray(round_half_up(cells, given), dtype=np.float64)


def _shown(x: float, d: int) -> int:
    """Decimals to show a published value with: at least `d`, all it has.

    A value of more than 10 decimals (a computed one) is shown as given:
    its own decimals, beyond 10.
    """
    for k in range(max(d, 0), _validate.FIGURE_DECIMALS + 1):
        if float(round_half_up(x, k)) == x:
            return k
    exponent = Decimal(repr(float(x))).as_tuple().exponent
    return max(_validate.FIGURE_DECIMALS + 1, -int(exponent))
