"""Dataframe adapters of :mod:`povstat.change`: changes over a long table."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
from narwhals.stable.v2.typing import IntoFrameT
from numpy.typing import NDArray

from povstat import _grouping, _validate
from povstat._validate import Unit
from povstat.change import annualized_change, decompose_headcount_change, rate_change
from povstat.frames import _checks, _plumbing

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["with_change_from_base", "with_changes", "with_headcount_decomposition"]

# Column of reliability flags written by povstat.with_reliability.
_FLAG = "reliability"
_CHANGE_COLUMNS = (
    "previous_period",
    "previous_value",
    "elapsed_years",
    "change_points",
    "change_relative_pct",
    "change_points_per_year",
    "change_compound_pct_per_year",
)
_BASE_COLUMNS = (
    "base_value",
    "elapsed_years",
    "change_points",
    "change_relative_pct",
    "change_points_per_year",
    "change_compound_pct_per_year",
)
_DECOMPOSITION_COLUMNS = ("headcount_change", "population_effect", "rate_effect")


def with_changes(
    df: IntoFrameT,
    *,
    unit: Unit,
    rate: str = "poverty_rate_pct",
    region: str = "region_code",
    period: str = "period",
) -> IntoFrameT:
    """Add each row's change since the same region's previous period.

    Every row is compared with the row of the *same region* that comes just
    before it in *period order* (never in row order, never across regions).

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column; changes are in this unit (percentage
        points for percent).
    rate : str, default "poverty_rate_pct"
        Column of poverty rates, in `unit`.
    region : str, default "region_code"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric (a time in years, e.g. 2019
        or 2019.5; whole numbers of five digits or more, such as YYYYMM
        codes like 202103, are refused, and so are year.month decimals,
        every fractional part a month code in hundredths, .01 to .12, and
        at least two of them, such as 2021.03 and 2021.09, and
        year.semester decimals, fractional parts .1 and .2 only: convert
        them with year + (month - 1) / 12; 2021.25, 2021.5 and year + (month
        - 1) / 12 are fractional years) or date/datetime (read by calendar
        month; a pandas object column of ``datetime.date`` values, as
        ``Series.dt.date`` gives, is a date column, and so is a pandas
        ``period[M]`` column, one calendar month a value; periods of another
        length are refused).

    Returns
    -------
    frame of the same kind as `df`
        `df` with seven new columns, in this order:

        ``previous_period`` (the period column's type)
            Period of the previous row of the region; missing on its first.
            On numpy-backed pandas, integer periods become float64 here, to
            hold the missing value.
        ``previous_value`` (float64)
            Rate at the previous period.
        ``elapsed_years`` (float64)
            Years between the two periods: the exact difference of the
            decimals numeric periods stand for, rounded once (2023.7 -
            2022.1 is 1.6), or calendar months / 12 for date periods.
        ``change_points`` (float64)
            ``rate - previous_value``, in `unit` (percentage points for
            percent).
        ``change_relative_pct`` (float64)
            ``100 * (rate / previous_value - 1)``, in percent.
        ``change_points_per_year`` (float64)
            ``change_points / elapsed_years``.
        ``change_compound_pct_per_year`` (float64)
            ``100 * ((rate / previous_value) ** (1 / elapsed_years) - 1)``,
            in percent per year.

        If `df` has a ``reliability`` column (from
        :func:`povstat.with_reliability`), also ``previous_reliability``:
        the flag of the previous period's estimate, so that a change shows
        the reliability of both its ends.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, `rate` is not numeric or `period` is
        neither numeric nor a date.
    ValueError
        If `unit` is unknown, a column is missing, an output column already
        exists, a value is out of range for `unit`, a key is missing, a
        (region, period) key appears more than once (the message lists the
        first keys and how many there are), or `period` holds
        time-zone-aware datetimes (periods are calendar dates; Spark's
        TIMESTAMP is read as the date in the session time zone).

    See Also
    --------
    with_change_from_base : Compare every row with one base period.
    with_headcount_decomposition : Split the change in the number of poor.
    povstat.change.annualized_change : The array function.

    Notes
    -----
    Missing data is never padded or skipped silently:

    * A row whose value is missing has missing changes, and so has the next
      row of its region (its previous value is missing). The previous period
      is not searched further back.
    * A period with no row at all (e.g. no September 2023 survey) is simply
      not there: the next row is compared with the last row that exists, and
      ``elapsed_years`` shows the real gap, so the per-year figures use the
      real elapsed time.
    * The first row of each region has missing changes; the relative and
      compound changes are missing where the previous value is 0.

    With :math:`v_0, v_1` the values and :math:`t` the elapsed years, the
    change is :math:`v_1 - v_0` points, :math:`100(v_1/v_0 - 1)` percent,
    :math:`(v_1 - v_0)/t` points per year, and the compound annual rate
    :math:`100((v_1/v_0)^{1/t} - 1)` percent per year [1]_.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Compound annual
       growth rate"; "Percentage point": the unit for the arithmetic
       difference of two percentages.

    Examples
    --------
    BPS, Jawa Timur: 10.35 % in March 2023, 9.79 % in March 2024 (there was
    no September 2023 survey) and 9.56 % in September 2024. Rows in any
    order; the gap is one year, not half a year:

    >>> import pandas as pd
    >>> from povstat import with_changes
    >>> df = pd.DataFrame({
    ...     "region": ["Jawa Timur"] * 3,
    ...     "period": pd.to_datetime(["2024-09-01", "2023-03-01", "2024-03-01"]),
    ...     "rate": [9.56, 10.35, 9.79],
    ... })
    >>> out = with_changes(df, unit="percent", rate="rate", region="region")
    >>> out[["period", "elapsed_years", "change_points", "change_points_per_year"]]
          period  elapsed_years  change_points  change_points_per_year
    0 2024-09-01            0.5          -0.23                   -0.46
    1 2023-03-01            NaN            NaN                     NaN
    2 2024-03-01            1.0          -0.56                   -0.56
    """
    u = _validate.unit(unit)
    table = _plumbing.collect(df)
    flags = _flags(table, "previous_reliability")
    _checks.require(
        table,
        rate=rate,
        region=region,
        period=period,
        keys=("region", "period"),
        outputs=_CHANGE_COLUMNS + tuple(flags),
    )
    v = _plumbing.column(table, rate)
    cells, when = _plumbing.cells(table, region=region, period=period)
    prev = cells.previous()
    before = _grouping.take(v, prev)
    elapsed = _grouping.elapsed_years(
        when.ticks, _grouping.take(when.ticks, prev), when.per_year
    )
    change = _checks.explained(
        partial(annualized_change, before, v, years=elapsed, unit=u),
        partial(
            _checks.rate,
            v,
            "rate",
            rate,
            u,
            _plumbing.row_keys(table, region=region, period=period),
        ),
    )
    return _plumbing.attach(
        table,
        df,
        previous_period=_plumbing.Gather(period, prev),
        previous_value=before,
        elapsed_years=elapsed,
        change_points=change.points,
        change_relative_pct=change.relative,
        change_points_per_year=change.points_per_year,
        change_compound_pct_per_year=change.compound_per_year,
        **{name: _plumbing.Gather(_FLAG, prev) for name in flags},
    )


def _flags(table: _plumbing.Table, name: str) -> list[str]:
    """`[name]` if the frame carries reliability flags (else no column)."""
    return [name] if _FLAG in table.names else []


def with_change_from_base(
    df: IntoFrameT,
    *,
    unit: Unit,
    base: float | Decimal | Fraction | dt.date | str | pd.Period | NDArray[Any],
    rate: str = "poverty_rate_pct",
    region: str = "region_code",
    period: str = "period",
) -> IntoFrameT:
    """Add each row's change since the same region's base period.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column; changes are in this unit (percentage
        points for percent).
    base : int, float, Decimal, Fraction, date, datetime, str or pandas.Period
        The base period: a number for a numeric `period` column (e.g.
        2019, or ``Decimal("2019")``: a Decimal or Fraction is taken when
        float64 holds it, as the array functions take them), a date or
        datetime for a date column (matched by calendar month, so
        ``datetime(2019, 3, 1)`` and ``date(2019, 3, 15)`` both mean March
        2019), or such a date as ISO text (``"2019-03-15"``;
        "15/03/2019" is refused, as day and month could be read either way),
        or a pandas Period within one month (``pd.Period("2019-03", "M")``,
        or a day's ``pd.Period("2019-03-15", "D")``).
        A 0-d array stands for the value it holds, so the output of
        :func:`povstat.decimal_year` can be passed as is.
    rate : str, default "poverty_rate_pct"
        Column of poverty rates, in `unit`.
    region : str, default "region_code"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric (a time in years; whole
        numbers of five digits or more, such as YYYYMM codes, are refused,
        and so are year.month and year.semester decimals such as 2021.03
        and 2021.09, or 2021.1 and 2021.2, as for :func:`with_changes`)
        or date/datetime (read by calendar month; a pandas ``period[M]``
        column too).

    Returns
    -------
    frame of the same kind as `df`
        `df` with six new columns, in this order:

        ``base_value`` (float64)
            The region's rate at the base period.
        ``elapsed_years`` (float64)
            Years from the base period to the row's period (negative before
            the base period, 0 on the base row), exact on the decimals of
            numeric periods as in :func:`with_changes`.
        ``change_points`` (float64)
            ``rate - base_value``, in `unit`.
        ``change_relative_pct`` (float64)
            ``100 * (rate / base_value - 1)``, in percent.
        ``change_points_per_year`` (float64)
            ``change_points / elapsed_years``.
        ``change_compound_pct_per_year`` (float64)
            ``100 * ((rate / base_value) ** (1 / elapsed_years) - 1)``, in
            percent per year.

        If `df` has a ``reliability`` column (from
        :func:`povstat.with_reliability`), also ``base_reliability``: the
        flag of the base period's estimate.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, `rate` is not numeric, `period` is
        neither numeric nor a date, or `base` does not match the type of
        `period`.
    ValueError
        If `unit` is unknown, `base` is not finite or is a Decimal or
        Fraction float64 cannot hold (``Fraction(1, 3)``), a column is missing, an
        output column already exists, a value is out of range for `unit`, a
        key is missing, a (region, period) key appears more than once, or
        `period` holds time-zone-aware datetimes.

    See Also
    --------
    with_changes : Compare every row with the region's previous period.
    povstat.change.annualized_change : The array function.

    Notes
    -----
    Missing values:

    * If no row at all is at the base period, ``ValueError``.
    * A region with no row at the base period, or whose base value is
      missing, has missing ``base_value`` and changes (``elapsed_years`` is
      still the time since the base period).
    * A row whose own value is missing has missing changes.
    * On the base row the change is 0 and ``elapsed_years`` is 0, so the
      per-year figures are missing there.
    * The relative change is missing where the base value is 0; the
      compound change is missing where the earlier of the two values is 0
      (growth from zero has no rate).

    Rows before the base period have negative ``elapsed_years``; their
    per-year figures are the rates over the span from the row's period to
    the base period, so they read the same way as those after it.

    With :math:`v_b` the base value, :math:`v` the row's value and
    :math:`t` the elapsed years, the change is :math:`v - v_b` points,
    :math:`100(v/v_b - 1)` percent, :math:`(v - v_b)/t` points per year and
    :math:`100((v/v_b)^{1/t} - 1)` percent per year, compounded [1]_.

    References
    ----------
    .. [1] OECD (2008), *Glossary of Statistical Terms*, "Compound annual
       growth rate".

    Examples
    --------
    BPS, Indonesia, September: 11.13 % in 2015, 10.12 % in 2017.

    >>> import pandas as pd
    >>> from povstat import with_change_from_base
    >>> df = pd.DataFrame({
    ...     "region": ["Indonesia"] * 2, "period": [2017, 2015], "rate": [10.12, 11.13]
    ... })
    >>> out = with_change_from_base(df, unit="percent", base=2015, rate="rate",
    ...                             region="region")
    >>> out[["period", "change_points", "change_points_per_year"]]
       period  change_points  change_points_per_year
    0    2017          -1.01                  -0.505
    1    2015           0.00                     NaN
    >>> out["change_compound_pct_per_year"].round(2).tolist()
    [-4.65, nan]
    """
    u = _validate.unit(unit)
    table = _plumbing.collect(df)
    flags = _flags(table, "base_reliability")
    _checks.require(
        table,
        rate=rate,
        region=region,
        period=period,
        keys=("region", "period"),
        outputs=_BASE_COLUMNS + tuple(flags),
    )
    temporal = _plumbing.is_temporal(table, period)
    base_tick = _base_tick(base, period=period, temporal=temporal)
    v = _plumbing.column(table, rate)
    cells, when = _plumbing.cells(table, region=region, period=period)
    at_base = when.ticks == base_tick
    if not at_base.any():
        msg = (
            f"`base` {base!r} matches no row of period column {period!r}: no "
            "region has a base value (is the base period a typo?)"
        )
        raise ValueError(msg)
    base_rows = _grouping.base_rows(cells.groups, at_base)
    b = _grouping.take(v, base_rows)
    base_ticks = np.full_like(when.ticks, base_tick)
    elapsed = _grouping.elapsed_years(when.ticks, base_ticks, when.per_year)
    # The yearly pace runs from the earlier period to the later one, so a row
    # before the base period reads the same way as one after it.
    earlier = when.ticks < base_tick
    span = _grouping.elapsed_years(
        np.maximum(when.ticks, base_tick),
        np.minimum(when.ticks, base_tick),
        when.per_year,
    )
    span[span == 0] = np.nan  # the base row itself has no pace
    place = _plumbing.row_keys(table, region=region, period=period)
    rule = partial(_checks.rate, v, "rate", rate, u, place)
    change = _checks.explained(partial(rate_change, b, v, unit=u), rule)
    pace = _checks.explained(
        partial(
            annualized_change,
            np.where(earlier, v, b),
            np.where(earlier, b, v),
            years=span,
            unit=u,
        ),
        rule,
    )
    return _plumbing.attach(
        table,
        df,
        base_value=b,
        elapsed_years=elapsed,
        change_points=change.points,
        change_relative_pct=change.relative,
        change_points_per_year=pace.points_per_year,
        change_compound_pct_per_year=pace.compound_per_year,
        **{name: _plumbing.Gather(_FLAG, base_rows) for name in flags},
    )


def with_headcount_decomposition(
    df: IntoFrameT,
    *,
    unit: Unit,
    rate: str = "poverty_rate_pct",
    headcount: str = "poor_thousands",
    region: str = "region_code",
    period: str = "period",
) -> IntoFrameT:
    r"""Split the change in the number of poor into population and rate effects.

    Every row is compared with the previous row of the same region in
    period order (as in :func:`with_changes`). The change in the number of
    poor is split into the part due to the change in population and the
    part due to the change in the poverty rate, by the two-factor Shapley
    (midpoint) formula; the populations are those implied by the rate and
    the number of poor, :math:`N = H / P_0`.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column.
    rate : str, default "poverty_rate_pct"
        Column of headcount ratios, in `unit`.
    headcount : str, default "poor_thousands"
        Column of numbers of poor (persons, thousands, ...).
    region : str, default "region_code"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric (a time in years; YYYYMM
        codes and year.month or year.semester decimals are refused, as for
        :func:`with_changes`) or date/datetime.

    Returns
    -------
    frame of the same kind as `df`
        `df` with three new columns, in the unit of `headcount`:

        ``headcount_change`` (float64)
            :math:`H_1 - H_0`.
        ``population_effect`` (float64)
            :math:`(N_1 - N_0)(P_0 + P_1)/2`.
        ``rate_effect`` (float64)
            :math:`(P_1 - P_0)(N_0 + N_1)/2`.

        ``headcount_change`` is the exact difference of the published
        headcounts, rounded once (24,785.87 - 25,144.72 is -358.85); the
        two effects add up to it up to float rounding.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, `rate` or `headcount` is not numeric, or
        `period` is neither numeric nor a date.
    ValueError
        If `unit` is unknown, a column is missing, an output column already
        exists, a rate is out of range for `unit`, a headcount is negative
        or infinite, a key is missing, a (region, period) key appears more
        than once, or `period` holds time-zone-aware datetimes.

    See Also
    --------
    with_changes : The change in the rate itself.
    povstat.change.decompose_headcount_change : The array function, called
        with the rates and the headcounts (``headcount_before=``,
        ``headcount_after=``): the same figures, to the bit.

    Notes
    -----
    With :math:`H = P N` in both periods (rates as fractions),
    :math:`H_1 - H_0 = (P_1 - P_0)\bar N + (N_1 - N_0)\bar P` exactly,
    where bars are means of the two periods: the average of the two orders
    of changing one factor at a time, i.e. the Shapley value of the two
    factors [1]_, [2]_.

    Missing values: the first row of each region, and rows where either
    period's rate or headcount is missing, have missing outputs (a missing
    period is not skipped: see :func:`with_changes`). The effects are also
    missing where either rate is 0 (no implied population).

    Each change spans the step from the region's previous row, however long:
    where a region misses a round (2022 for one regency of a yearly table),
    its row of the next round holds the change over two years, beside
    one-year changes of the other regions, and in a table of March and
    September rounds a change spans half a year. The output does not say
    so; :func:`with_changes` on the same rows gives each row's
    ``previous_period`` and ``elapsed_years``, to tell the spans apart (or
    keep one round a year, with no gaps, first). Nor does it see a
    boundary change: across the 2022 Papua split (``note`` in
    :func:`povstat.datasets.load_indonesia`), Papua's population effect is
    the split's.

    References
    ----------
    .. [1] Das Gupta, P. (1993), *Standardization and Decomposition of
       Rates: A User's Manual*, U.S. Census Bureau, Current Population
       Reports P23-186.
    .. [2] Shorrocks, A. F. (2013), "Decomposition procedures for
       distributional analysis: a unified framework based on the Shapley
       value", *Journal of Economic Inequality* 11(1), 99-126.

    Examples
    --------
    BPS, Sulawesi Tenggara (Berita Resmi Statistik, July 2019): the rate fell
    from 11.32 % to 11.24 % while the number of poor rose from 301.85 to
    302.58 thousand, because the population grew.

    >>> import pandas as pd
    >>> from povstat import with_headcount_decomposition
    >>> df = pd.DataFrame({
    ...     "region": ["Sulawesi Tenggara"] * 2,
    ...     "period": pd.to_datetime(["2018-09-01", "2019-03-01"]),
    ...     "rate": [11.32, 11.24],
    ...     "headcount": [301.85, 302.58],
    ... })
    >>> out = with_headcount_decomposition(df, unit="percent", rate="rate",
    ...                                    headcount="headcount", region="region")
    >>> out[["headcount_change", "population_effect", "rate_effect"]].round(2)
       headcount_change  population_effect  rate_effect
    0               NaN                NaN          NaN
    1              0.73               2.87        -2.14
    """
    u = _validate.unit(unit)
    table = _plumbing.collect(df)
    _checks.require(
        table,
        rate=rate,
        headcount=headcount,
        region=region,
        period=period,
        keys=("region", "period"),
        outputs=_DECOMPOSITION_COLUMNS,
    )
    r = _plumbing.column(table, rate)
    h = _plumbing.column(table, headcount)
    place = _plumbing.row_keys(table, region=region, period=period)
    cells, _ = _plumbing.cells(table, region=region, period=period)
    prev = cells.previous()
    parts = _checks.explained(
        partial(
            decompose_headcount_change,
            _grouping.take(r, prev),
            r,
            unit=u,
            headcount_before=_grouping.take(h, prev),
            headcount_after=h,
        ),
        partial(_checks.rate, r, "rate", rate, u, place),
        partial(_checks.nonnegative, h, "headcount", headcount, place),
    )
    return _plumbing.attach(
        table,
        df,
        headcount_change=parts.change,
        population_effect=parts.population_effect,
        rate_effect=parts.rate_effect,
    )


def _month_period_start(base: object) -> dt.datetime | None:
    """The start of `base` when it is a pandas Period lying in one calendar month.

    A monthly Period, or a daily (or shorter) one, as a date lies in its
    month; a quarter or a year spans several months: None, as for anything
    else.
    """
    start, end = getattr(base, "start_time", None), getattr(base, "end_time", None)
    if (
        hasattr(base, "freqstr")
        and isinstance(start, dt.datetime)
        and isinstance(end, dt.datetime)
        and (start.year, start.month) == (end.year, end.month)
    ):
        return start
    return None


def _base_tick(base: object, *, period: str, temporal: bool) -> float:
    """Check `base` against the period column's type; return it in ticks.

    A 0-d array stands for its value (``decimal_year(2019, 3)`` returns one).
    """
    base = _validate.scalar(base)
    if temporal:
        if isinstance(base, str):  # "2023-03-10", as statements and traces read
            base = _plumbing.text_date(base, "`base`")
        if isinstance(base, np.datetime64):
            base = _plumbing.text_date(str(base), "`base`")
        start = _month_period_start(base)
        if start is not None:  # a pandas Period of a month, a day...: its start
            base = start
        if isinstance(base, dt.datetime) and base.tzinfo is not None:
            msg = (
                f"`base` is a time-zone-aware datetime ({base!r}), while the "
                f"periods of {period!r} are calendar dates without a zone, and "
                "an instant's date depends on the zone: pass the date meant "
                "(base.tz_localize(None) keeps its local clock time, "
                "base.date() its local date)"
            )
            raise TypeError(msg)
        if not isinstance(base, dt.date):
            msg = (
                f"`base` must be a date or datetime (or ISO text such as "
                f"'2023-03-01', or a pandas Period within one month) for the date "
                f"column {period!r}, got {base!r}"
            )
            raise TypeError(msg)
        return float(
            _grouping.month_count(
                np.asarray(float(base.year)), np.asarray(float(base.month))
            )
        )
    if not _validate.is_real(base):
        msg = (
            f"`base` must be a number (int, float, Decimal or Fraction) for the "
            f"numeric column {period!r}, got {base!r}"
        )
        raise TypeError(msg)
    # A Decimal or Fraction is taken when float64 holds it, as in the array
    # functions (Decimal("2019") is 2019.0); otherwise ValueError.
    tick = _validate.real(base, "base")
    if not math.isfinite(tick):
        msg = f"`base` must be finite, got {base!r}"
        raise ValueError(msg)
    return tick
