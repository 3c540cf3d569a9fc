"""Adapters still written as dataframe expressions (being moved to numpy).

The adapters take a *long* table, one row per region and period, and return
the same table with new columns. They are written once on the narwhals API
[1]_, so a pandas frame in gives a pandas frame out, a polars ``DataFrame``
gives a polars ``DataFrame`` and a polars ``LazyFrame`` gives a ``LazyFrame``
(nothing is collected except small aggregates that validate the input). All
the work runs as native expressions of the backend: no Python loop over rows
or groups. The one exception is :func:`with_rank_sets`, whose bootstrap is
not a dataframe expression: it reads its columns into numpy and computes
every group in one call of :func:`povstat.rank_confidence_sets`.

Sampling uncertainty has three adapters: :func:`with_rate_interval` (the
standard error and a confidence interval of each rate, from a column of SEs,
RSEs, margins of error, published bounds or effective sample sizes),
:func:`with_change_test` (the test of each region's change since its
previous period) and :func:`with_rank_sets` (confidence sets for ranks).

The adapters share these rules:

* Column names are keyword arguments with defaults; the names of the new
  columns are fixed (snake_case) and listed in each function. If a new column
  already exists in the frame, ``ValueError``: nothing is overwritten.
* The input is never modified. Rows are one-to-one: the output has the input's
  rows, in the input's order, and a pandas frame keeps its index.
* NaN and null both mean "missing": float NaN is turned into null before any
  computation, so every backend gives the same answer. Missing outputs are
  null (``NaN`` in numpy-backed pandas columns, ``<NA>`` in nullable and
  pyarrow-backed ones).
* Rates are stated in a ``unit`` (``"percent"`` or ``"fraction"``) that has
  no default, and are checked as the array functions check them.
* A period column is either numeric, read as a time in years (``2019``,
  ``2019.5``), or a date/datetime column, read by calendar month (the survey
  round: March 2019 to September 2019 is 0.5 years; the day and time are
  ignored, so two rows of a region in the same month are duplicates).

References
----------
.. [1] narwhals: extremely lightweight compatibility layer between dataframe
   libraries, https://narwhals-dev.github.io/narwhals/ (stable API v2).
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, TypeAlias, cast, get_args

import narwhals.stable.v2 as nw
from attrs import frozen
from narwhals.schema import Schema
from narwhals.stable.v2.typing import IntoFrame, IntoFrameT

from povstat import _validate
from povstat._validate import Unit
from povstat.rank_inference import (
    RankMethod,
    RankNanPolicy,
    _draw_settings,
    rank_confidence_sets,
)
from povstat.ranking import Ties
from povstat.uncertainty import IntervalMethod, _level, _z

__all__ = [
    "with_change_from_base",
    "with_change_test",
    "with_changes",
    "with_headcount_decomposition",
    "with_rank_sets",
    "with_ranks",
    "with_rate_interval",
]

_Frame: TypeAlias = "nw.DataFrame[Any] | nw.LazyFrame[Any]"

_RankNanPolicy = Literal["omit", "last", "raise"]

_TIES: tuple[str, ...] = get_args(Ties)
_NAN_POLICIES: tuple[str, ...] = get_args(_RankNanPolicy)
_SCALE: dict[str, float] = {"percent": 100.0, "fraction": 1.0}
_SHOW_KEYS = 5

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
_RANK_COLUMNS = ("rank", "rank_count")
_INTERVAL_COLUMNS = ("rate_se", "rate_lower", "rate_upper")
_CHANGE_TEST_COLUMNS = (
    "previous_period",
    "change_points",
    "change_se",
    "change_lower",
    "change_upper",
    "change_z",
    "change_p_value",
    "change_significant",
)
_RANK_SET_COLUMNS = ("rank_lower", "rank_upper")
_INTERVAL_METHODS: tuple[str, ...] = get_args(IntervalMethod)
_RANK_METHODS: tuple[str, ...] = get_args(RankMethod)
_RANK_SET_NAN_POLICIES: tuple[str, ...] = get_args(RankNanPolicy)
_INV_SQRT_2PI = 0.3989422804014327  # 1 / sqrt(2 pi)


# --------------------------------------------------------------------------
# Adapters without keys: elementwise
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Adapters over (region, period) keys
# --------------------------------------------------------------------------


def with_changes(
    df: IntoFrameT,
    *,
    unit: Unit,
    value: str = "rate",
    region: str = "region",
    period: str = "period",
) -> IntoFrameT:
    """Add each row's change since the same region's previous period.

    Every row is compared with the row of the *same region* that comes just
    before it in *period order* (never in row order, never across regions).

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or polars.LazyFrame
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `value` column; changes are in this unit (percentage
        points for percent).
    value : str, default "rate"
        Column of poverty rates, in `unit`.
    region : str, default "region"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric (a time in years, e.g. 2019
        or 2019.5) or date/datetime (read by calendar month).

    Returns
    -------
    frame of the same type as `df`
        `df` with seven new columns, in this order:

        ``previous_period`` (the period column's type)
            Period of the previous row of the region; missing on its first.
            On numpy-backed pandas, integer periods become float64 here, to
            hold the missing value.
        ``previous_value`` (float64)
            Value at the previous period.
        ``elapsed_years`` (float64)
            Years between the two periods: the difference of numeric
            periods, or calendar months / 12 for date periods.
        ``change_points`` (float64)
            ``value - previous_value``, in `unit` (percentage points for
            percent).
        ``change_relative_pct`` (float64)
            ``100 * (value / previous_value - 1)``, in percent.
        ``change_points_per_year`` (float64)
            ``change_points / elapsed_years``.
        ``change_compound_pct_per_year`` (float64)
            ``100 * ((value / previous_value) ** (1 / elapsed_years) - 1)``,
            in percent per year.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, `value` is not numeric or `period` is
        neither numeric nor a date.
    ValueError
        If `unit` is unknown, a column is missing, an output column already
        exists, a value is out of range for `unit`, a key is missing, or a
        (region, period) key appears more than once (the message lists the
        first keys and how many there are).

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
    >>> out = with_changes(df, unit="percent")
    >>> out[["period", "elapsed_years", "change_points", "change_points_per_year"]]
          period  elapsed_years  change_points  change_points_per_year
    0 2024-09-01            0.5          -0.23                   -0.46
    1 2023-03-01            NaN            NaN                     NaN
    2 2024-03-01            1.0          -0.56                   -0.56
    """
    u = _validate.unit(unit)
    frame = _to_frame(df)
    schema = _require(frame, value=value, region=region, period=period)
    _require_numeric(schema, value=value)
    temporal = _is_temporal(schema, period)
    _refuse_existing(schema, _CHANGE_COLUMNS)
    tmp = _Temps(schema)
    prev_value, prev_period = tmp("value"), tmp("period")
    time = _time(period, temporal=temporal)
    prev_time = _time(prev_period, temporal=temporal)
    work, finish = _previous_rows(
        frame,
        region=region,
        period=period,
        carry=[value],
        shifted={prev_value: _float(value), prev_period: nw.col(period)},
        temps=tmp,
    )
    _run_checks(
        work,
        [
            _rate_check(frame, "value", value, u),
            *_key_checks(schema, region=region, period=period),
            _adjacent_duplicate_check(
                work,
                time == prev_time,
                region=region,
                period=period,
                temporal=temporal,
            ),
        ],
    )
    current = tmp("current")
    work = work.with_columns(
        nw.col(prev_period).alias("previous_period"),
        nw.col(prev_value).alias("previous_value"),
        _elapsed(time - prev_time, temporal=temporal).alias("elapsed_years"),
        _float(value).alias(current),
    )
    prev = nw.col(prev_value)
    work = _add_changes(work, current=current, before=prev_value, compound_ok=prev != 0)
    return _native(finish(work, _CHANGE_COLUMNS), df)


def with_change_from_base(
    df: IntoFrameT,
    *,
    unit: Unit,
    base: float | dt.date,
    value: str = "rate",
    region: str = "region",
    period: str = "period",
) -> IntoFrameT:
    """Add each row's change since the same region's base period.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or polars.LazyFrame
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `value` column; changes are in this unit (percentage
        points for percent).
    base : int, float, datetime.date or datetime.datetime
        The base period: a number for a numeric `period` column (e.g.
        2019), a date or datetime for a date column (matched by calendar
        month, so ``datetime(2019, 3, 1)`` and ``date(2019, 3, 15)`` both
        mean March 2019).
    value : str, default "rate"
        Column of poverty rates, in `unit`.
    region : str, default "region"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric (a time in years) or
        date/datetime (read by calendar month).

    Returns
    -------
    frame of the same type as `df`
        `df` with six new columns, in this order:

        ``base_value`` (float64)
            The region's value at the base period.
        ``elapsed_years`` (float64)
            Years from the base period to the row's period (negative before
            the base period, 0 on the base row).
        ``change_points`` (float64)
            ``value - base_value``, in `unit`.
        ``change_relative_pct`` (float64)
            ``100 * (value / base_value - 1)``, in percent.
        ``change_points_per_year`` (float64)
            ``change_points / elapsed_years``.
        ``change_compound_pct_per_year`` (float64)
            ``100 * ((value / base_value) ** (1 / elapsed_years) - 1)``, in
            percent per year.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, `value` is not numeric, `period` is
        neither numeric nor a date, or `base` does not match the type of
        `period`.
    ValueError
        If `unit` is unknown, `base` is not finite, a column is missing, an
        output column already exists, a value is out of range for `unit`, a
        key is missing, or a (region, period) key appears more than once.

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
    * The relative and compound changes are missing where the base value
      is 0; the compound change is also missing where the earlier of the
      two values is 0 (growth from zero has no rate).

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
    >>> out = with_change_from_base(df, unit="percent", base=2015)
    >>> out[["period", "change_points", "change_points_per_year"]]
       period  change_points  change_points_per_year
    0    2017          -1.01                  -0.505
    1    2015           0.00                     NaN
    >>> out["change_compound_pct_per_year"].round(2).tolist()
    [-4.65, nan]
    """
    u = _validate.unit(unit)
    frame = _to_frame(df)
    schema = _require(frame, value=value, region=region, period=period)
    _require_numeric(schema, value=value)
    temporal = _is_temporal(schema, period)
    base_time = _base_time(base, period=period, temporal=temporal)
    _refuse_existing(schema, _BASE_COLUMNS)
    tmp = _Temps(schema)
    fast = _pandas_base_changes(
        frame,
        value=value,
        region=region,
        period=period,
        base_time=base_time,
        temporal=temporal,
        upper=_SCALE[u],
    )
    if fast is not None:
        return cast("IntoFrameT", fast)
    _run_checks(
        frame,
        [
            _rate_check(frame, "value", value, u),
            *_key_checks(schema, region=region, period=period),
        ],
    )
    time = _time(period, temporal=temporal)
    key = period
    if temporal:
        key = tmp("month")
        frame_keys = frame.with_columns(time.alias(key))
    else:
        frame_keys = frame
    _check_unique_keys(
        frame_keys, region=region, period=period, key=key, temporal=temporal
    )
    found = _collect(
        frame.select((time == base_time).cast(nw.Int64).sum().alias(tmp("found")))
    ).item()
    if not found:
        msg = (
            f"`base` {base!r} matches no row of period column {period!r}: no "
            "region has a base value (is the base period a typo?)"
        )
        raise ValueError(msg)
    current = tmp("current")
    work = frame.with_columns(
        _float(value).alias(current),
        _elapsed(time - base_time, temporal=temporal).alias("elapsed_years"),
    )
    v = nw.col(current)
    work = work.with_columns(
        nw.when(time == base_time).then(v).max().over(region).alias("base_value")
    )
    b = nw.col("base_value")
    # Compound growth needs a nonzero earlier value: the base value for later
    # periods, the row's own value for earlier ones.
    later = nw.col("elapsed_years") > 0
    work = _add_changes(
        work,
        current=current,
        before="base_value",
        compound_ok=(b != 0) & (later | (v != 0)),
    )
    return _native(work.select(*schema.names(), *_BASE_COLUMNS), df)


def with_headcount_decomposition(
    df: IntoFrameT,
    *,
    unit: Unit,
    rate: str = "rate",
    headcount: str = "headcount",
    region: str = "region",
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
    df : pandas.DataFrame, polars.DataFrame or polars.LazyFrame
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column.
    rate : str, default "rate"
        Column of headcount ratios, in `unit`.
    headcount : str, default "headcount"
        Column of numbers of poor (persons, thousands, ...).
    region : str, default "region"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric or date/datetime.

    Returns
    -------
    frame of the same type as `df`
        `df` with three new columns, in the unit of `headcount`:

        ``headcount_change`` (float64)
            :math:`H_1 - H_0`.
        ``population_effect`` (float64)
            :math:`(N_1 - N_0)(P_0 + P_1)/2`.
        ``rate_effect`` (float64)
            :math:`(P_1 - P_0)(N_0 + N_1)/2`.

        The two effects add up to ``headcount_change`` up to float
        rounding.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, `rate` or `headcount` is not numeric, or
        `period` is neither numeric nor a date.
    ValueError
        If `unit` is unknown, a column is missing, an output column already
        exists, a rate is out of range for `unit`, a headcount is negative
        or infinite, a key is missing, or a (region, period) key appears
        more than once.

    See Also
    --------
    with_changes : The change in the rate itself.
    povstat.change.decompose_headcount_change : The array function.

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
    >>> out = with_headcount_decomposition(df, unit="percent")
    >>> out[["headcount_change", "population_effect", "rate_effect"]].round(2)
       headcount_change  population_effect  rate_effect
    0               NaN                NaN          NaN
    1              0.73               2.87        -2.14
    """
    u = _validate.unit(unit)
    frame = _to_frame(df)
    schema = _require(
        frame, rate=rate, headcount=headcount, region=region, period=period
    )
    _require_numeric(schema, rate=rate, headcount=headcount)
    temporal = _is_temporal(schema, period)
    _refuse_existing(schema, _DECOMPOSITION_COLUMNS)
    tmp = _Temps(schema)
    prev_rate, prev_count, prev_period = tmp("rate"), tmp("count"), tmp("period")
    r = _float(rate) / _SCALE[u]
    h = _float(headcount)
    time = _time(period, temporal=temporal)
    prev_time = _time(prev_period, temporal=temporal)
    work, finish = _previous_rows(
        frame,
        region=region,
        period=period,
        carry=[rate, headcount],
        shifted={prev_rate: r, prev_count: h, prev_period: nw.col(period)},
        temps=tmp,
    )
    _run_checks(
        work,
        [
            _rate_check(frame, "rate", rate, u),
            _nonnegative_check(frame, "headcount", headcount),
            *_key_checks(schema, region=region, period=period),
            _adjacent_duplicate_check(
                work,
                time == prev_time,
                region=region,
                period=period,
                temporal=temporal,
            ),
        ],
    )
    r0 = nw.col(prev_rate)
    h0 = nw.col(prev_count)
    n0 = nw.when(r0 != 0).then(h0 / r0)
    n1 = nw.when(r != 0).then(h / r)
    work = work.with_columns(
        (h - h0).alias("headcount_change"),
        ((n1 - n0) * (r0 + r) / 2).alias("population_effect"),
        ((r - r0) * (n0 + n1) / 2).alias("rate_effect"),
    )
    return _native(finish(work, _DECOMPOSITION_COLUMNS), df)


# --------------------------------------------------------------------------
# Ranks
# --------------------------------------------------------------------------


def with_ranks(
    df: IntoFrameT,
    *,
    descending: bool,
    value: str = "rate",
    by: str | Sequence[str] | None = None,
    ties: Ties = "min",
    nan_policy: _RankNanPolicy = "omit",
) -> IntoFrameT:
    """Add each row's rank within its group, and the size of the ranking.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or polars.LazyFrame
        Any frame narwhals supports. Not modified.
    descending : bool
        Direction, required. ``True``: rank 1 is the highest value, the
        usual order of Indonesian press rankings of poverty rates
        (*peringkat pertama* is the highest rate, and "peringkat ke-38" of
        38 regencies and cities the lowest; *tertinggi* or *terendah* next
        to a published rank say which end it counts from). ``False``: rank
        1 is the lowest value.
    value : str, default "rate"
        Numeric column to rank. ``-inf`` and ``inf`` are values (ranked
        first or last); NaN and null are missing.
    by : str, sequence of str or None, default None
        Column(s) whose values form the groups ranked separately (e.g. the
        period column, to rank regions within each period). ``None`` ranks
        the whole frame as one group.
    ties : {"min", "max", "average", "dense", "ordinal"}, default "min"
        Rank of tied values: the lowest rank of the tie (as in
        "joint 2nd"), the highest, their average, consecutive ranks with no
        gaps, or distinct ranks in row order. ``"ordinal"`` depends on row
        order, so it is reproducible only where the row order is (pandas
        and polars frames; not engines that promise no order).
    nan_policy : {"omit", "last", "raise"}, default "omit"
        Missing values: ``"omit"`` gives them a missing rank and leaves them
        out of ``rank_count``; ``"last"`` ranks them after every value (tied
        among themselves by the `ties` rule) and counts them; ``"raise"``
        raises ``ValueError`` listing them.

    Returns
    -------
    frame of the same type as `df`
        `df` with two new columns:

        ``rank`` (float64 on every backend)
            Rank within the row's group, 1 = first in the direction given.
            Missing where the value is missing and `nan_policy` is "omit".
        ``rank_count`` (int64)
            Number of ranked rows in the row's group, so that a rank reads
            as "2nd of 38".

    Raises
    ------
    TypeError
        If `df` is not a dataframe, `value` is not numeric, `descending` is
        not a bool, or `by` is not a column name or a sequence of them.
    ValueError
        If a column is missing, an output column already exists, `ties` or
        `nan_policy` is unknown, a `by` column has a missing value, or
        `nan_policy` is "raise" and a value is missing (the message gives
        the row positions, or the groups for a lazy frame).

    See Also
    --------
    povstat.ranking.rank : The array function.

    Notes
    -----
    The tie rules are those of [1]_: standard competition (``"min"``),
    modified competition (``"max"``), fractional (``"average"``), dense and
    ordinal ranking. Ranks are computed by the backend's window functions
    and agree with :func:`povstat.ranking.rank` on the same values.

    References
    ----------
    .. [1] Kendall, M. G. (1945), "The treatment of ties in ranking
       problems", *Biometrika* 33(3), 239-251.

    Examples
    --------
    BPS, March 2024: the three highest poverty rates among East Java's 38
    regencies and cities, and the lowest (Kota Batu), ranked among these
    four.

    >>> import pandas as pd
    >>> from povstat import with_ranks
    >>> df = pd.DataFrame({
    ...     "region": ["Bangkalan", "Sampang", "Kota Batu", "Sumenep"],
    ...     "rate": [18.66, 20.83, 3.06, 17.78],
    ... })
    >>> with_ranks(df, descending=True)
          region   rate  rank  rank_count
    0  Bangkalan  18.66   2.0           4
    1    Sampang  20.83   1.0           4
    2  Kota Batu   3.06   4.0           4
    3    Sumenep  17.78   3.0           4
    """
    desc = _validate.flag(descending, "descending")
    tie = cast("Ties", _validate.choice(ties, "ties", _TIES))
    policy = _validate.choice(nan_policy, "nan_policy", _NAN_POLICIES)
    groups = _group_columns(by)
    frame = _to_frame(df)
    schema = _require(frame, value=value)
    for group in groups:
        _require(frame, by=group)
    _require_numeric(schema, value=value)
    _refuse_existing(schema, _RANK_COLUMNS)
    v = _float(value)

    def over(expr: nw.Expr) -> nw.Expr:
        return expr.over(*groups) if groups else expr

    checks = [_missing_key_check(schema, "by", group) for group in groups]
    if policy == "raise":
        checks.append(
            _Check(
                bad=v.is_null(),
                error=_missing_values_error(frame, v, value=value, groups=groups),
            )
        )
    if checks:
        _run_checks(frame, checks)
    if policy == "last":
        # The dense rank keeps the order and the ties of the values and is
        # finite, so a missing value can be put after every value with inf
        # (the values themselves may be infinite); ranking that key by the
        # tie rule ranks the values with the missing ones last.
        key = _Temps(schema)("key")
        order = over(v.rank("dense", descending=desc)).cast(nw.Float64)
        keyed = frame.with_columns(order.fill_null(math.inf).alias(key))
        rank = over(nw.col(key).rank(tie, descending=False))
        count = over(nw.len())
        out = keyed.with_columns(
            rank.cast(nw.Float64).alias("rank"),
            count.cast(nw.Int64).alias("rank_count"),
        ).drop(key)
    else:
        out = frame.with_columns(
            over(v.rank(tie, descending=desc)).cast(nw.Float64).alias("rank"),
            over(v.count()).cast(nw.Int64).alias("rank_count"),
        )
    return _native(out, df)


# --------------------------------------------------------------------------
# Sampling uncertainty: intervals, change tests and rank confidence sets
# --------------------------------------------------------------------------


def with_rate_interval(
    df: IntoFrameT,
    *,
    unit: Unit,
    level: float,
    method: IntervalMethod,
    rate: str = "rate",
    se: str | None = None,
    rse: str | None = None,
    moe: str | None = None,
    moe_level: float | None = None,
    bounds: tuple[str, str] | None = None,
    bounds_level: float | None = None,
    n_effective: str | None = None,
) -> IntoFrameT:
    r"""Add the standard error and a confidence interval of each rate.

    The sampling error of a rate is published in one of several forms; name
    the column that holds it with exactly one of `se`, `rse`, `moe` (with
    its `moe_level`), `bounds` (with its `bounds_level`) or `n_effective`.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or polars.LazyFrame
        Any frame narwhals supports. Not modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column, of `se`, `moe` and `bounds`, and of the
        new columns. Required.
    level : float
        Confidence level of the new interval, a fraction in (0, 1) (0.95 for
        95 %). Required.
    method : {"normal", "wilson", "logit"}
        As in :func:`povstat.rate_interval`: ``"normal"`` is
        :math:`\hat p \pm z\,\mathrm{SE}` and may leave [0, 100 %];
        ``"logit"`` is a normal interval on the log-odds scale; ``"wilson"``
        is the score interval and needs `n_effective`. Required.
    rate : str, default "rate"
        Column of rates, in `unit`.
    se : str, optional
        Column of standard errors, in `unit` (percentage points for rates in
        percent).
    rse : str, optional
        Column of relative standard errors, in percent of the rate (BPS's
        *RSE*).
    moe : str, optional
        Column of margins of error (half-widths of symmetric normal
        intervals), in `unit`, published at `moe_level`.
    moe_level : float, optional
        Confidence level of the `moe` column, a fraction in (0, 1): 0.9 for
        the US American Community Survey. Required with `moe`, never assumed.
    bounds : tuple of (str, str), optional
        Columns of the lower and upper bounds of published symmetric normal
        intervals (estimate :math:`\pm z\,\mathrm{SE}`), in `unit`, at
        `bounds_level`.
    bounds_level : float, optional
        Confidence level of the `bounds`, a fraction in (0, 1). Required with
        `bounds`.
    n_effective : str, optional
        Column of effective sample sizes (sampled persons divided by the
        design effect); the binomial standard error is used.

    Returns
    -------
    frame of the same type as `df`
        `df` with three new columns, in `unit`:

        ``rate_se`` (float64)
            Standard error of the rate: from the named column, or
            :math:`\sqrt{\hat p(1-\hat p)/n}` from `n_effective`.
        ``rate_lower``, ``rate_upper`` (float64)
            Confidence bounds at `level`.

        Missing where the rate or its error is missing; the logit bounds
        are also missing where the rate is exactly 0 or 100 % (infinite
        log-odds; use Wilson there).

    Raises
    ------
    TypeError
        If `df` is not a dataframe, a column is not numeric, `level` or a
        source level is not a number, or `bounds` is not a pair of column
        names.
    ValueError
        If `unit` or `method` is unknown, `level` is not in (0, 1), not
        exactly one source of error is named (``"wilson"``: `n_effective`
        only), a source level is missing or given without its source, a
        column is missing, an output column already exists, a rate is out of
        range for `unit`, an SE, RSE or margin is negative or infinite, a
        bound is infinite or an upper bound is below its lower bound, or an
        effective sample size is not positive.

    See Also
    --------
    povstat.rate_interval : The array function.
    povstat.se_from_rse, povstat.se_from_moe, povstat.se_from_bounds :
        The conversions to a standard error.
    with_change_test : Test the change of each region's rate.

    Notes
    -----
    The standard error is :math:`\mathrm{SE} = \hat p\,\mathrm{RSE}/100`
    from an RSE [1]_, :math:`\mathrm{MOE}/z_{m}` from a margin at level
    :math:`m`, or :math:`(U - L)/(2 z_{m})` from bounds at level :math:`m`
    [2]_, with :math:`z_m = \Phi^{-1}((1+m)/2)`. With :math:`z =
    \Phi^{-1}((1+\text{level})/2)` and :math:`\hat p` and :math:`s` as
    fractions, the bounds are :math:`\hat p \pm z s` (normal),
    :math:`\operatorname{expit}(\operatorname{logit}\hat p \pm z s /
    (\hat p(1-\hat p)))` (logit [3]_) and, with :math:`n` the effective
    sample size,

    .. math::
        \frac{\hat p + z^2/(2n)}{1 + z^2/n} \pm \frac{z}{1 + z^2/n}
        \sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}

    (Wilson [4]_). Every formula is a native expression of the backend, so
    lazy frames stay lazy.

    References
    ----------
    .. [1] Cochran, W. G. (1977), *Sampling Techniques*, 3rd ed., Wiley,
       section 2.8.
    .. [2] U.S. Census Bureau (2020), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 7.
    .. [3] Korn, E. L., Graubard, B. I. (1998), "Confidence Intervals for
       Proportions with Small Expected Number of Positive Counts Estimated
       from Survey Data", *Survey Methodology* 24(2), 193-201.
    .. [4] Wilson, E. B. (1927), "Probable Inference, the Law of Succession,
       and Statistical Inference", *Journal of the American Statistical
       Association* 22(158), 209-212.

    Examples
    --------
    Two rates with a 90 % margin of error of 2 points each, as 95 %
    intervals:

    >>> import pandas as pd
    >>> from povstat import with_rate_interval
    >>> df = pd.DataFrame({"rate": [10.0, 7.0], "moe90": [2.0, 2.0]})
    >>> with_rate_interval(df, unit="percent", level=0.95, method="normal",
    ...                    moe="moe90", moe_level=0.90).round(3)
       rate  moe90  rate_se  rate_lower  rate_upper
    0  10.0    2.0    1.216       7.617      12.383
    1   7.0    2.0    1.216       4.617       9.383

    An RSE of 10 % of a rate of 4.26 %, BPS style:

    >>> df = pd.DataFrame({"rate": [4.26], "rse": [10.0]})
    >>> with_rate_interval(df, unit="percent", level=0.95, method="logit",
    ...                    rse="rse").round(3)
       rate   rse  rate_se  rate_lower  rate_upper
    0  4.26  10.0    0.426       3.499       5.178
    """
    u = _validate.unit(unit)
    lev = _level(level)
    m = cast(IntervalMethod, _validate.choice(method, "method", _INTERVAL_METHODS))
    source = _error_source(
        method=m,
        se=se,
        rse=rse,
        moe=moe,
        moe_level=moe_level,
        bounds=bounds,
        bounds_level=bounds_level,
        n_effective=n_effective,
    )
    frame = _to_frame(df)
    schema = _require(frame, rate=rate)
    _require_numeric(schema, rate=rate)
    for arg, name in source.columns:
        _require(frame, **{arg: name})
        _require_numeric(schema, **{arg: name})
    _refuse_existing(schema, _INTERVAL_COLUMNS)
    _run_checks(frame, [_rate_check(frame, "rate", rate, u), *source.checks(frame)])
    scale = _SCALE[u]
    z = _z(lev)
    tmp = _Temps(schema)
    rate_t, p_t = tmp("rate"), tmp("p")
    # Each step reuses the columns of the step before, so that eager
    # backends evaluate every intermediate once.
    work = frame.with_columns(
        _float(rate).alias(rate_t), (_float(rate) / scale).alias(p_t)
    )
    r, p = nw.col(rate_t), nw.col(p_t)
    work = work.with_columns(source.se(r, p, scale).alias("rate_se"))
    s = nw.col("rate_se")  # in `unit`
    if m == "normal":
        lower, upper = r - z * s, r + z * s
    elif m == "logit":
        inner = (p > 0) & (p < 1)
        ps = nw.when(inner).then(p).otherwise(0.5)
        lp, sl, lo_t, hi_t = tmp("lp"), tmp("sl"), tmp("lo"), tmp("hi")
        work = work.with_columns(
            (ps / (1 - ps)).log().alias(lp),
            (s / scale / (ps * (1 - ps))).alias(sl),
        )
        work = work.with_columns(
            nw.when(inner).then(nw.col(lp) - z * nw.col(sl)).alias(lo_t),
            nw.when(inner).then(nw.col(lp) + z * nw.col(sl)).alias(hi_t),
        )
        lower = _expit(nw.col(lo_t)) * scale
        upper = _expit(nw.col(hi_t)) * scale
    else:
        n = _float(cast(str, n_effective))
        centre, half = tmp("centre"), tmp("half")
        z2n = z * z / n
        work = work.with_columns(
            ((p + z2n / 2) / (1 + z2n)).alias(centre),
            (z / (1 + z2n) * (p * (1 - p) / n + z2n / (4 * n)).sqrt()).alias(half),
        )
        c, h = nw.col(centre), nw.col(half)
        lower = (c - h).clip(0.0, 1.0) * scale
        upper = (c + h).clip(0.0, 1.0) * scale
    out = work.with_columns(lower.alias("rate_lower"), upper.alias("rate_upper"))
    return _native(out.select(*schema.names(), *_INTERVAL_COLUMNS), df)


def with_change_test(
    df: IntoFrameT,
    *,
    unit: Unit,
    level: float,
    independent: bool,
    value: str = "rate",
    se: str = "rate_se",
    region: str = "region",
    period: str = "period",
    correlation: float | str | None = None,
) -> IntoFrameT:
    r"""Add each region's change since its previous period, with its test.

    Every row is compared with the row of the same region just before it in
    period order, as in :func:`with_changes`: is the change larger than
    sampling error alone would make it?

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or polars.LazyFrame
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `value` and `se` columns; changes are in this unit
        (percentage points for percent). Required.
    level : float
        Confidence level of the interval and of the verdict, a fraction in
        (0, 1). Required.
    independent : bool
        Required, no default. True: the two periods' estimates come from
        independent samples. False: give `correlation`, e.g. for survey
        rounds whose samples overlap (a positive correlation makes the SE of
        a change smaller than the independence formula says).
    value : str, default "rate"
        Column of estimates, in `unit`.
    se : str, default "rate_se"
        Column of their standard errors, in `unit` (as added by
        :func:`with_rate_interval`).
    region : str, default "region"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric (a time in years) or
        date/datetime (read by calendar month).
    correlation : float or str, optional
        With ``independent=False``: the correlation of the sampling errors
        of a row's estimate and its previous period's, in [-1, 1]; a number
        for every row, or the name of a column giving it on the later row.

    Returns
    -------
    frame of the same type as `df`
        `df` with eight new columns, in this order:

        ``previous_period`` (the period column's type)
            Period of the previous row of the region; missing on its first.
            On numpy-backed pandas, integer periods become float64 here, to
            hold the missing value.
        ``change_points`` (float64)
            ``value - previous value``, in `unit`.
        ``change_se`` (float64)
            Standard error of the change, in `unit`.
        ``change_lower``, ``change_upper`` (float64)
            Confidence interval of the change at `level`.
        ``change_z`` (float64)
            ``change_points / change_se``; +-inf where the SE is 0 and the
            change is not.
        ``change_p_value`` (float64)
            Two-sided p-value.
        ``change_significant`` (boolean)
            ``change_p_value < 1 - level``: the interval excludes 0. Nullable
            ``boolean`` on numpy-backed pandas, which has no missing bool.

        Every new column is missing on the first row of a region, where the
        value or SE of either row is missing, or where the correlation is
        missing; ``change_z`` and the columns after it are also missing
        where the change and its SE are both 0 (no test).

    Raises
    ------
    TypeError
        If `df` is not a dataframe, a column is not numeric, `period` is
        neither numeric nor a date, `level` is not a number, `independent`
        is not a bool, or `correlation` is neither a number nor a column
        name.
    ValueError
        If `unit` is unknown, `level` is not in (0, 1), `correlation` is
        given with ``independent=True`` or missing with ``False``, a column
        is missing, an output column already exists, a value is out of range
        for `unit`, an SE is negative or infinite, a correlation lies outside
        [-1, 1], a key is missing, or a (region, period) key appears more
        than once.

    See Also
    --------
    povstat.change_test : The array function.
    with_changes : Relative and annualised changes (it adds
        ``previous_period`` and ``change_points`` too: drop them from one
        result before combining the two).
    povstat.adjust_pvalues : Holm or Bonferroni over many regions.

    Notes
    -----
    With :math:`d = \hat\theta_1 - \hat\theta_0`,
    :math:`\mathrm{SE}(d) = \sqrt{\mathrm{SE}_0^2 + \mathrm{SE}_1^2 -
    2\rho\,\mathrm{SE}_0\mathrm{SE}_1}` (:math:`\rho = 0` when independent),
    :math:`z = d/\mathrm{SE}(d)`, :math:`p = 2\Phi(-|z|)` and the interval
    :math:`d \pm z_{1-\alpha/2}\mathrm{SE}(d)` [1]_. Overlapping confidence
    intervals of the two rates do not mean that the change is not
    significant [2]_.

    The p-value is computed by the backend as a native expression, with
    Cody's rational Chebyshev approximation of the normal tail [3]_ (the
    algorithm of R's ``pnorm``), so lazy frames stay lazy; it agrees with
    :data:`scipy.special.ndtr` to a relative :math:`10^{-12}` down to
    :math:`p \approx 10^{-300}`.

    Rows are compared as in :func:`with_changes`: a period with no row for
    the region is skipped over (``previous_period`` shows which period was
    compared), and a missing value or SE is not searched past.

    The p-values are those of single tests. Declaring "significant" every
    region whose p-value is below :math:`\alpha` makes some false
    discoveries when many regions are tested; pass the column to
    :func:`povstat.adjust_pvalues` for Holm or Bonferroni.

    References
    ----------
    .. [1] U.S. Census Bureau (2020), *Understanding and Using American
       Community Survey Data: What All Data Users Need to Know*, ch. 7,
       "Determining Statistical Significance".
    .. [2] Schenker, N., Gentleman, J. F. (2001), "On Judging the
       Significance of Differences by Examining the Overlap Between
       Confidence Intervals", *The American Statistician* 55(3), 182-186.
    .. [3] Cody, W. J. (1993), "Algorithm 715: SPECFUN - A Portable FORTRAN
       Package of Special Function Routines and Test Drivers", *ACM
       Transactions on Mathematical Software* 19(1), 22-32 (ANORM).

    Examples
    --------
    A rate of 10 % and then 7 %, each with a 90 % margin of error of 2
    points, independent samples: the SE of each is 2 / 1.645 = 1.216, of
    the change :math:`\sqrt 2 \times 1.216 = 1.720`, so z = -1.745 and
    p = 0.081: significant at 90 %, not at 95 %.

    >>> import pandas as pd
    >>> from povstat import with_change_test, with_rate_interval
    >>> df = pd.DataFrame({"region": ["A", "A"], "period": [2022, 2023],
    ...                    "rate": [10.0, 7.0], "moe90": [2.0, 2.0]})
    >>> df = with_rate_interval(df, unit="percent", level=0.90,
    ...                         method="normal", moe="moe90", moe_level=0.90)
    >>> out = with_change_test(df, unit="percent", level=0.90,
    ...                        independent=True)
    >>> out[["change_points", "change_se", "change_z", "change_p_value"]].round(3)
       change_points  change_se  change_z  change_p_value
    0            NaN        NaN       NaN             NaN
    1           -3.0       1.72    -1.745           0.081
    >>> out["change_significant"].tolist()
    [<NA>, True]
    >>> with_change_test(df, unit="percent", level=0.95,
    ...                  independent=True)["change_significant"].tolist()
    [<NA>, False]
    """
    u = _validate.unit(unit)
    lev = _level(level)
    rho = _correlation(independent, correlation)
    frame = _to_frame(df)
    columns = {"value": value, "se": se, "region": region, "period": period}
    if isinstance(rho, str):
        columns["correlation"] = rho
    schema = _require(frame, **columns)
    numeric = {"value": value, "se": se}
    if isinstance(rho, str):
        numeric["correlation"] = rho
    _require_numeric(schema, **numeric)
    temporal = _is_temporal(schema, period)
    _refuse_existing(schema, _CHANGE_TEST_COLUMNS)
    tmp = _Temps(schema)
    prev_value, prev_se, prev_period = tmp("value"), tmp("se"), tmp("period")
    carry = [value, se, *([rho] if isinstance(rho, str) else [])]
    work, finish = _previous_rows(
        frame,
        region=region,
        period=period,
        carry=carry,
        shifted={
            prev_value: _float(value),
            prev_se: _float(se),
            prev_period: nw.col(period),
        },
        temps=tmp,
    )
    checks = [
        _rate_check(frame, "value", value, u),
        _nonnegative_check(frame, "se", se),
    ]
    if isinstance(rho, str):
        checks.append(_correlation_check(frame, rho))
    time = _time(period, temporal=temporal)
    _run_checks(
        work,
        [
            *checks,
            *_key_checks(schema, region=region, period=period),
            _adjacent_duplicate_check(
                work,
                time == _time(prev_period, temporal=temporal),
                region=region,
                period=period,
                temporal=temporal,
            ),
        ],
    )
    s0, s1 = nw.col(prev_se), _float(se)
    r = _float(rho) if isinstance(rho, str) else nw.lit(rho, nw.Float64)
    # The operations of `povstat.change_test`, in its order.
    variance = s0 * s0 + s1 * s1 - 2.0 * (r * s0 * s1)
    work = work.with_columns(
        nw.col(prev_period).alias("previous_period"),
        (_float(value) - nw.col(prev_value)).alias("change_points"),
        variance.clip(lower_bound=0.0).sqrt().alias("change_se"),
    )
    d, sd = nw.col("change_points"), nw.col("change_se")
    zc = _z(lev)
    work = work.with_columns(
        (d - zc * sd).alias("change_lower"),
        (d + zc * sd).alias("change_upper"),
        nw.when(sd > 0)
        .then(d / sd)
        .when(d > 0)
        .then(math.inf)
        .when(d < 0)
        .then(-math.inf)
        .alias("change_z"),
    )
    work = _with_two_sided_p(work, "change_z", "change_p_value", tmp)
    p = nw.col("change_p_value")
    work = work.with_columns(
        nw.when(~p.is_null()).then(p < 1.0 - lev).alias("change_significant")
    )
    done = finish(work, _CHANGE_TEST_COLUMNS)
    return cast("IntoFrameT", _nullable_bool(done, "change_significant"))


def with_rank_sets(
    df: IntoFrameT,
    *,
    descending: bool,
    level: float,
    method: RankMethod,
    simultaneous: bool,
    value: str = "rate",
    se: str = "rate_se",
    by: str | Sequence[str] | None = None,
    n_draws: int = 1000,
    seed: int | None = None,
    nan_policy: RankNanPolicy = "omit",
) -> IntoFrameT:
    r"""Add each row's rank within its group and a confidence set for it.

    How sure is "second lowest in the province"? The confidence set
    ``rank_lower`` to ``rank_upper`` is the range of ranks the row's region
    could hold, given the sampling error of every estimate of its group.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or polars.LazyFrame
        Long table. Not modified. A ``LazyFrame`` is collected (see Notes).
    descending : bool
        Direction, required. True: rank 1 is the highest value (as press
        rankings of poverty rates usually count); False: rank 1 is the
        lowest.
    level : float
        Confidence level, a fraction in (0, 1). Required.
    method : {"bootstrap", "bonferroni", "sidak"}
        As in :func:`povstat.rank_confidence_sets`: the parametric bootstrap
        with stepdown of Mogstad et al. [1]_, or the deterministic
        Bonferroni and Šidák sets. Required.
    simultaneous : bool
        Required. True: the sets of a group cover all its true ranks jointly
        with probability at least `level`; False: each set covers its own
        rank with that probability (narrower).
    value : str, default "rate"
        Numeric column of estimates to rank.
    se : str, default "rate_se"
        Column of their standard errors (as added by
        :func:`with_rate_interval`); the estimates are taken as independent.
    by : str, sequence of str or None, default None
        Column(s) whose values form the groups ranked separately (e.g. the
        period column). None ranks the whole frame as one group.
    n_draws : int, default 1000
        Bootstrap draws (``method="bootstrap"`` only), at least
        :math:`10/(1 - \text{level})`.
    seed : int, optional
        Seed of the bootstrap draws; required with ``method="bootstrap"``,
        since a frame cannot record a fresh seed and the sets could not be
        reproduced. Ignored by the deterministic methods.
    nan_policy : {"omit", "raise"}, default "omit"
        A missing value or SE: ``"omit"`` leaves the row out of its group
        (missing rank and set, not counted in ``rank_count``); ``"raise"``
        raises ``ValueError`` with the row positions.

    Returns
    -------
    frame of the same type as `df`
        `df` with four new columns:

        ``rank`` (float64)
            Rank of the estimate within its group (``ties="min"``), as in
            :func:`with_ranks`.
        ``rank_count`` (int64)
            Number of ranked rows in the group.
        ``rank_lower``, ``rank_upper`` (float64)
            Bounds of the confidence set for the rank:
            ``{rank_lower, ..., rank_upper}``.

        Missing for omitted rows. Rows keep their order and a pandas frame
        its index.

    Raises
    ------
    TypeError
        If `df` is not a dataframe or is a lazy frame other than polars,
        `value` or `se` is not numeric, `descending` or `simultaneous` is
        not a bool, `level` is not a number, `by` is not a column name or a
        sequence of them, or `n_draws` or `seed` is not an int.
    ValueError
        If `method` or `nan_policy` is unknown, `level` is not in (0, 1), a
        column is missing, an output column already exists, a value is
        infinite, an SE is negative or infinite, a `by` column has a missing
        value, `seed` is None with ``method="bootstrap"``, `n_draws` is below
        the minimum for `level` (:math:`10/(1 - \text{level})`, as in
        :func:`povstat.rank_confidence_sets`), or `nan_policy` is "raise" and
        a value or SE is missing.

    See Also
    --------
    povstat.rank_confidence_sets : The array function.
    with_ranks : Point ranks with every tie rule.
    povstat.plotting.plot_rank_sets : Chart of the sets.

    Notes
    -----
    The set for the rank of :math:`j` in a group of :math:`n_g` is
    :math:`[1 + |\{k \text{ proved better than } j\}|,\; n_g - |\{k:
    j \text{ proved better than } k\}|]`, from pairwise tests of
    :math:`(\hat\theta_j - \hat\theta_k)/\sqrt{\mathrm{SE}_j^2 +
    \mathrm{SE}_k^2}` at critical values set by the bootstrap of the max
    statistic with stepdown [1]_ or by Bonferroni and Šidák adjustments (the
    simultaneous ones from the joint region of [2]_); see
    :func:`povstat.rank_confidence_sets`.

    The bootstrap is not a dataframe expression: the value, SE and `by`
    columns are read into numpy and every group is computed in one call of
    :func:`povstat.rank_confidence_sets` (no Python loop over groups). A
    polars ``LazyFrame`` is therefore collected, and a ``LazyFrame`` over
    the result is returned; other lazy frames raise ``TypeError`` (collect
    them first). Rank sets are for tables of regions, at most some
    thousands of rows per group: the bootstrap costs
    :math:`O(\text{draws} \times n_g^2)` per group.

    References
    ----------
    .. [1] Mogstad, M., Romano, J. P., Shaikh, A. M., Wilhelm, D. (2024),
       "Inference for Ranks with Applications to Mobility across
       Neighbourhoods and Academic Achievement across Countries", *Review of
       Economic Studies* 91(1), 476-518, doi:10.1093/restud/rdad006.
    .. [2] Klein, M., Wright, T., Wieczorek, J. (2020), "A Joint Confidence
       Region for an Overall Ranking of Populations", *Journal of the Royal
       Statistical Society Series C* 69(3), 589-606.

    Examples
    --------
    BPS, March 2023: four of East Java's cities, with an *assumed* RSE of
    10 % for each (not published in these data); rank 1 is the lowest rate.

    >>> import pandas as pd
    >>> from povstat import with_rank_sets, with_rate_interval
    >>> df = pd.DataFrame({
    ...     "region": ["Kota Batu", "Kota Malang", "Kota Surabaya", "Kota Kediri"],
    ...     "rate": [3.31, 4.26, 4.65, 7.23], "rse": [10.0] * 4,
    ... })
    >>> df = with_rate_interval(df, unit="percent", level=0.9, method="normal",
    ...                         rse="rse")
    >>> out = with_rank_sets(df, descending=False, level=0.9,
    ...                      method="bonferroni", simultaneous=False)
    >>> out[["region", "rank", "rank_count", "rank_lower", "rank_upper"]]
              region  rank  rank_count  rank_lower  rank_upper
    0      Kota Batu   1.0           4         1.0         2.0
    1    Kota Malang   2.0           4         1.0         3.0
    2  Kota Surabaya   3.0           4         2.0         3.0
    3    Kota Kediri   4.0           4         4.0         4.0
    """
    desc = _validate.flag(descending, "descending")
    lev = _level(level)
    m = cast(RankMethod, _validate.choice(method, "method", _RANK_METHODS))
    simul = _validate.flag(simultaneous, "simultaneous")
    policy = _validate.choice(nan_policy, "nan_policy", _RANK_SET_NAN_POLICIES)
    if m == "bootstrap":
        if seed is None:
            msg = (
                "method='bootstrap' needs an explicit `seed` (an int): a frame "
                "cannot record a fresh one, and the sets could not be "
                "reproduced"
            )
            raise ValueError(msg)
        _draw_settings(n_draws, seed)
    groups = _group_columns(by)
    frame = _to_frame(df)
    lazy = isinstance(frame, nw.LazyFrame)
    if lazy and not frame.implementation.is_polars():
        msg = (
            f"`df` is a lazy {frame.implementation} frame; with_rank_sets "
            "reads every row of a group into memory, so collect it first"
        )
        raise TypeError(msg)
    eager = _collect(frame)
    schema = _require(eager, value=value, se=se)
    for group in groups:
        _require(eager, by=group)
    _require_numeric(schema, value=value, se=se)
    _refuse_existing(schema, _RANK_COLUMNS + _RANK_SET_COLUMNS)
    v, s = _float(value), _float(se)
    checks = [
        _finite_check(eager, "value", value),
        _nonnegative_check(eager, "se", se),
        *(_missing_key_check(schema, "by", group) for group in groups),
    ]
    if policy == "raise":
        checks.append(_missing_estimate_check(eager, v, s, value=value, se=se))
    _run_checks(eager, checks)
    tmp = _Temps(schema)
    est, err = tmp("value"), tmp("se")
    data = eager.select(v.alias(est), s.alias(err))
    sets = rank_confidence_sets(
        data.get_column(est).to_numpy(),
        se=data.get_column(err).to_numpy(),
        descending=desc,
        level=lev,
        method=m,
        simultaneous=simul,
        by=_group_codes(eager, groups),
        n_draws=n_draws,
        seed=seed,
        nan_policy="omit",
    )
    out = _attach(
        eager,
        {
            "rank": sets.point_rank,
            "rank_count": sets.count,
            "rank_lower": sets.lower,
            "rank_upper": sets.upper,
        },
        like=value,
    )
    return _native(out.lazy() if lazy else out, df)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def _to_frame(df: IntoFrame) -> _Frame:
    """Wrap a native frame; refuse anything that is not a dataframe."""
    try:
        return nw.from_native(df)
    except TypeError:
        msg = (
            "`df` must be a dataframe narwhals supports (pandas, polars, ...), "
            f"got {type(df).__name__}"
        )
        raise TypeError(msg) from None


def _native(frame: _Frame, like: IntoFrameT) -> IntoFrameT:
    """Return the native frame; narwhals round-trips the input's type."""
    del like  # only fixes the type variable
    return cast("IntoFrameT", frame.to_native())


def _collect(frame: _Frame) -> nw.DataFrame[Any]:
    return frame.collect() if isinstance(frame, nw.LazyFrame) else frame


def _require(frame: _Frame, **columns: str) -> Schema:
    """Check that each named argument names a column of `frame`."""
    schema = frame.collect_schema()
    for arg, name in columns.items():
        if not isinstance(name, str):
            msg = f"`{arg}` must be a column name (str), got {name!r}"
            raise TypeError(msg)
        if name not in schema:
            msg = (
                f"column {name!r} (argument `{arg}`) is not in the frame; "
                f"columns present: {schema.names()}"
            )
            raise ValueError(msg)
    return schema


def _require_numeric(schema: Schema, **columns: str) -> None:
    for arg, name in columns.items():
        dtype = schema[name]
        if not dtype.is_numeric():
            msg = f"column {name!r} (argument `{arg}`) must be numeric, got {dtype}"
            raise TypeError(msg)


def _is_temporal(schema: Schema, period: str) -> bool:
    """Whether `period` is a date column (else numeric, in years)."""
    dtype = schema[period]
    if isinstance(dtype, nw.Datetime | nw.Date):
        return True
    if dtype.is_numeric():
        return False
    msg = (
        f"column {period!r} (argument `period`) must be numeric (a time in "
        f"years, e.g. 2019 or 2019.5) or a date/datetime, got {dtype}"
    )
    raise TypeError(msg)


def _refuse_existing(schema: Schema, outputs: Sequence[str]) -> None:
    clash = [name for name in outputs if name in schema]
    if clash:
        msg = (
            f"output column(s) {clash} already exist in the frame; povstat "
            "never overwrites a column: drop or rename them first"
        )
        raise ValueError(msg)


def _group_columns(by: object) -> list[str]:
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    if isinstance(by, Sequence) and all(isinstance(b, str) for b in by):
        return list(by)
    msg = f"`by` must be None, a column name or a sequence of names, got {by!r}"
    raise TypeError(msg)


class _Temps:
    """Names for temporary columns that clash with no column of the frame."""

    def __init__(self, schema: Schema) -> None:
        self._taken = set(schema.names())

    def __call__(self, stem: str) -> str:
        name = f"__povstat_{stem}"
        while name in self._taken:
            name += "_"
        self._taken.add(name)
        return name


def _float(name: str) -> nw.Expr:
    """A numeric column as float64 with NaN turned into null."""
    return nw.col(name).cast(nw.Float64).fill_nan(None)


def _time(period: str, *, temporal: bool) -> nw.Expr:
    """Period as a float: years, or a count of calendar months for dates.

    Month counts are whole numbers, exact in float64 (which, unlike int64 on
    numpy-backed pandas, can hold the missing value of a shifted column).
    """
    col = nw.col(period)
    if temporal:
        return col.dt.year().cast(nw.Float64) * 12 + col.dt.month().cast(nw.Float64)
    return col.cast(nw.Float64)


def _elapsed(difference: nw.Expr, *, temporal: bool) -> nw.Expr:
    """Years from a difference of `_time` values."""
    return difference / 12 if temporal else difference


def _base_time(base: object, *, period: str, temporal: bool) -> float | int:
    """Check `base` against the period column's type; return it as `_time`."""
    if temporal:
        if not isinstance(base, dt.date):
            msg = (
                f"`base` must be a date or datetime for the date column "
                f"{period!r}, got {base!r}"
            )
            raise TypeError(msg)
        return base.year * 12 + base.month
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        msg = f"`base` must be a number for the numeric column {period!r}, got {base!r}"
        raise TypeError(msg)
    if not math.isfinite(float(base)):
        msg = f"`base` must be finite, got {base!r}"
        raise ValueError(msg)
    return float(base)


def _add_changes(
    work: _Frame, *, current: str, before: str, compound_ok: nw.Expr
) -> _Frame:
    """Add the change columns from column `before` to column `current`.

    `work` has an ``elapsed_years`` column. Divisions by zero are masked to
    null, never left as inf or NaN; `compound_ok` says where the compound
    rate is defined. Each step reuses the columns of the step before, so
    that eager backends evaluate every intermediate once.
    """
    v, b, elapsed = nw.col(current), nw.col(before), nw.col("elapsed_years")
    work = work.with_columns((v - b).alias("change_points"))
    points = nw.col("change_points")
    # The operations of `povstat.change.annualized_change`, in its order.
    work = work.with_columns(
        nw.when(b != 0).then(points / b * 100).alias("change_relative_pct"),
        nw.when(elapsed != 0).then(points / elapsed).alias("change_points_per_year"),
    )
    relative = nw.col("change_relative_pct")
    return work.with_columns(
        nw.when(compound_ok & (elapsed != 0))
        .then(((relative / 100 + 1) ** (1 / elapsed) - 1) * 100)
        .alias("change_compound_pct_per_year")
    )


def _pandas_base_changes(
    frame: _Frame,
    *,
    value: str,
    region: str,
    period: str,
    base_time: float,
    temporal: bool,
    upper: float,
) -> Any:
    """`with_change_from_base` for numpy-backed pandas frames, or None.

    On pandas the generic path groups by the region twice (the key check and
    the window), hashing every region label each time. Here the labels are
    factorised once; the integer codes serve both the duplicate-key check (a
    count per (region, period) cell) and the lookup of each region's base
    value. The arithmetic is that of :func:`_add_changes`, in its order, on
    the same float64 values, so both paths give the same numbers (the tests
    run both). Frames with nullable or pyarrow columns take the generic path.
    Returns None when this path does not apply or the input breaks a rule
    (a value out of [0, `upper`], a missing key, a repeated key): the
    generic path then checks again and raises its error.
    """
    if isinstance(frame, nw.LazyFrame) or not frame.implementation.is_pandas():
        return None
    import numpy as np
    import pandas as pd

    native = frame.to_native()
    kinds = {c: native[c].dtype for c in (value, period)}
    if not all(isinstance(d, np.dtype) for d in kinds.values()):
        return None
    if not isinstance(native[region].dtype, np.dtype | pd.StringDtype):
        return None
    n = len(native)
    if temporal:
        when = native[period]
        t = (when.dt.year * 12 + when.dt.month).to_numpy(np.float64)
    else:
        t = native[period].to_numpy(np.float64)
    v = native[value].to_numpy(np.float64, na_value=np.nan)
    valid = v[~np.isnan(v)]
    if valid.size and not (valid.min() >= 0 and valid.max() <= upper):
        return None
    if n and not np.isfinite(t).all():
        return None
    codes_r, regions = pd.factorize(native[region], sort=False)
    if n and codes_r.min() < 0:  # a missing region label
        return None
    lo = float(t.min()) if n else 0.0
    span = float(t.max()) - lo + 1 if n else 1.0
    if n and span <= 4 * n and bool(np.all(t == np.floor(t))):
        # Whole years or month counts: the offset is the period's code.
        codes_t = (t - lo).astype(np.int64)
        n_times = int(span)
    else:
        codes_t, times = pd.factorize(t, sort=False)
        n_times = max(len(times), 1)
    cells = len(regions) * n_times
    key = codes_r.astype(np.int64) * n_times + codes_t
    if cells <= 4 * n + (1 << 20):
        repeated = bool(n) and int(np.bincount(key, minlength=cells).max()) > 1
    else:
        repeated = bool(pd.Series(key).duplicated().any())
    if repeated:
        return None
    at_base = t == base_time
    if not at_base.any():
        return None  # the generic path reports the missing base period
    base_of = np.full(len(regions), np.nan)
    base_of[codes_r[at_base]] = v[at_base]
    b = base_of[codes_r]
    elapsed = t - base_time
    if temporal:
        elapsed /= 12
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        points = v - b
        zero_base = b == 0
        relative = points / b * 100
        relative[zero_base] = np.nan
        per_year = points / elapsed
        per_year[at_base] = np.nan  # elapsed is 0 exactly on base rows
        compound = relative / 100 + 1
        np.power(compound, 1 / elapsed, out=compound)
        compound -= 1
        compound *= 100
        # Undefined: from a zero base, on the base row, or growth from zero
        # for rows before the base period.
        compound[zero_base | at_base | ((elapsed < 0) & (v == 0))] = np.nan
    return native.assign(
        base_value=b,
        elapsed_years=elapsed,
        change_points=points,
        change_relative_pct=relative,
        change_points_per_year=per_year,
        change_compound_pct_per_year=compound,
    )


def _previous_rows(
    frame: _Frame,
    *,
    region: str,
    period: str,
    carry: Sequence[str],
    shifted: Mapping[str, nw.Expr],
    temps: _Temps,
) -> tuple[_Frame, Callable[[_Frame, Sequence[str]], _Frame]]:
    """Attach the previous row's values, same region, in period order.

    Returns a work frame holding `region`, `period`, the `carry` columns
    and, under each key of `shifted`, the value of its expression at the
    previous row of the same region in period order (null on a region's
    first row); and a function that takes the work frame with new columns
    and returns `frame` with those columns added, rows in `frame`'s order.

    Lazy and polars frames get window expressions ``shift(1).over(region,
    order_by=period)``, which their engines run natively. Other eager
    frames (pandas) are sorted once by (region, period), shifted along the
    sorted rows, and put back in their order: on pandas, narwhals runs each
    ``order_by`` window as a sort plus a scatter per shifted column, which
    measured 1.5-2 times slower than one sort for all of them.
    """
    if isinstance(frame, nw.LazyFrame) or frame.implementation.is_polars():
        names = frame.collect_schema().names()
        work: _Frame = frame.with_columns(
            *(
                expr.shift(1).over(region, order_by=period).alias(name)
                for name, expr in shifted.items()
            )
        )

        def finish_lazy(done: _Frame, outputs: Sequence[str]) -> _Frame:
            return done.select(*names, *outputs)

        return work, finish_lazy

    row = temps("row")
    columns = list(dict.fromkeys([region, period, *carry]))
    ordered = frame.select(*columns).with_row_index(row).sort(region, period)
    same_region = nw.col(region) == nw.col(region).shift(1)
    work = ordered.with_columns(
        *(
            nw.when(same_region).then(expr.shift(1)).alias(name)
            for name, expr in shifted.items()
        )
    )

    def finish_eager(done: _Frame, outputs: Sequence[str]) -> _Frame:
        back = _collect(done).select(row, *outputs).sort(row)
        return frame.with_columns(*(back.get_column(name) for name in outputs))

    return work, finish_eager


# --------------------------------------------------------------------------
# Validation: one aggregate query, details only on failure
# --------------------------------------------------------------------------


@frozen(kw_only=True)
class _Check:
    """A rule: `bad` marks offending rows; `error` builds the exception."""

    bad: nw.Expr
    error: Callable[[int], Exception]


def _run_checks(frame: _Frame, checks: Sequence[_Check]) -> None:
    """Count the offending rows of every check in one aggregate query."""
    counts = _collect(
        frame.select(
            *(
                check.bad.fill_null(value=False).sum().alias(f"check_{i}")
                for i, check in enumerate(checks)
            )
        )
    ).row(0)
    for check, n in zip(checks, counts, strict=True):
        if n:
            raise check.error(int(n))


def _first_error(
    frame: _Frame,
    bad: nw.Expr,
    report: Sequence[nw.Expr],
    describe: Callable[[tuple[Any, ...]], str],
) -> Callable[[int], ValueError]:
    """Error whose message shows the first offending row, in row order."""

    def build(n: int) -> ValueError:
        found = _collect(frame.filter(bad.fill_null(value=False)).select(*report))
        more = f" ({n} offending values in all)" if n > 1 else ""
        return ValueError(describe(found.row(0)) + more)

    return build


def _rate_check(frame: _Frame, arg: str, name: str, unit: Unit) -> _Check:
    r = _float(name)
    upper = _SCALE[unit]
    bad = (r < 0) | (r > upper)

    def describe(found: tuple[Any, ...]) -> str:
        hint = ""
        if unit == "fraction":
            top = _collect(frame.select(r.max())).item()
            if top is not None and top <= 100:
                hint = "; is it in percent? then pass unit='percent'"
        return (
            f"`{arg}` column {name!r} must lie in [0, {upper:g}] for "
            f"unit={unit!r}, found {_show(found[0])}{hint}"
        )

    return _Check(bad=bad, error=_first_error(frame, bad, [r], describe))


def _nonnegative_check(frame: _Frame, arg: str, name: str) -> _Check:
    x = _float(name)
    bad = (x < 0) | (x == math.inf)
    return _Check(
        bad=bad,
        error=_first_error(
            frame,
            bad,
            [x],
            lambda found: (
                f"`{arg}` column {name!r} must be finite and >= 0, "
                f"found {_show(found[0])}"
            ),
        ),
    )


def _missing_key_check(schema: Schema, arg: str, name: str) -> _Check:
    """Missing keys: null, or NaN in a float column (not null on polars)."""

    def build(n: int) -> ValueError:
        return ValueError(
            f"key column {name!r} (argument `{arg}`) must not have missing "
            f"values, found {n}"
        )

    missing = nw.col(name).is_null()
    if schema[name].is_float():
        missing = missing | nw.col(name).is_nan()
    return _Check(bad=missing, error=build)


def _finite_period_check(schema: Schema, name: str) -> _Check:
    """A numeric period must be finite: +-inf is no time."""

    def build(n: int) -> ValueError:
        return ValueError(
            f"period column {name!r} (argument `period`) must be finite, "
            f"found {n} infinite value(s)"
        )

    col = nw.col(name)
    bad = (col == math.inf) | (col == -math.inf)
    return _Check(bad=bad, error=build)


def _key_checks(schema: Schema, *, region: str, period: str) -> list[_Check]:
    checks = [
        _missing_key_check(schema, "region", region),
        _missing_key_check(schema, "period", period),
    ]
    if schema[period].is_float():
        checks.append(_finite_period_check(schema, period))
    return checks


def _duplicate_message(
    keys: Sequence[tuple[Any, ...]], *, region: str, period: str, temporal: bool
) -> str:
    shown = ", ".join(f"({_show(r)}, {_show(p)})" for r, p in keys[:_SHOW_KEYS])
    more = ", ..." if len(keys) > _SHOW_KEYS else ""
    month = (
        " (dates in the same calendar month are the same period)" if temporal else ""
    )
    return (
        f"each ({region!r}, {period!r}) key must appear at most once{month}, "
        f"found {len(keys)} duplicated key(s): {shown}{more}; does the table "
        "mix survey rounds (e.g. March and September) or levels (regions and "
        "their province)? Filter it, or use a finer period column"
    )


def _adjacent_duplicate_check(
    work: _Frame, flag: nw.Expr, *, region: str, period: str, temporal: bool
) -> _Check:
    """Duplicates seen as equal neighbours in (region, period) order."""

    def build(n: int) -> ValueError:
        del n  # rows, not keys: the message counts keys
        keys = _collect(
            work.filter(flag.fill_null(value=False))
            .select(region, period)
            .unique(subset=None)
            .sort(region, period)
        ).rows()
        return ValueError(
            _duplicate_message(keys, region=region, period=period, temporal=temporal)
        )

    return _Check(bad=flag, error=build)


def _check_unique_keys(
    frame: _Frame, *, region: str, period: str, key: str, temporal: bool
) -> None:
    """Raise if a (region, key) pair repeats; one grouped aggregate query."""
    temps = _Temps(frame.collect_schema())
    distinct, rows = temps("distinct"), temps("rows")
    total = _collect(
        frame.group_by(region)
        .agg(nw.col(key).n_unique().alias(distinct), nw.len().alias(rows))
        .select(nw.col(distinct).sum(), nw.col(rows).sum())
    ).row(0)
    if total[0] == total[1]:
        return
    n, shown = temps("n"), temps("shown")
    # A date key is a month count: show the first date of each month instead.
    aggs = [nw.len().alias(n)]
    if key != period:
        aggs.append(nw.col(period).min().alias(shown))
    else:
        shown = period
    keys = _collect(
        frame.group_by(region, key)
        .agg(*aggs)
        .filter(nw.col(n) > 1)
        .select(region, shown)
        .sort(region, shown)
    ).rows()
    raise ValueError(
        _duplicate_message(keys, region=region, period=period, temporal=temporal)
    )


def _missing_values_error(
    frame: _Frame, v: nw.Expr, *, value: str, groups: Sequence[str]
) -> Callable[[int], ValueError]:
    def build(n: int) -> ValueError:
        if isinstance(frame, nw.DataFrame):
            row = _Temps(frame.collect_schema())("row")
            at = (
                frame.with_row_index(row)
                .filter(v.is_null())
                .get_column(row)
                .head(10)
                .to_list()
            )
            where = f" at row positions {at}{' ...' if n > len(at) else ''}"
        elif groups:
            rows = _collect(frame.filter(v.is_null()).select(*groups).head(5)).rows()
            where = f" in groups {rows}{' ...' if n > len(rows) else ''}"
        else:
            where = ""
        return ValueError(
            f"`value` column {value!r} has {n} missing value(s){where}; pass "
            "nan_policy='omit' to leave them unranked or 'last' to rank them last"
        )

    return build


def _show(x: object) -> str:
    """A value for an error message: plain numbers, ISO dates."""
    if isinstance(x, dt.datetime) and x.time() == dt.time(0):
        return x.date().isoformat()
    if isinstance(x, dt.date):
        return x.isoformat()
    if isinstance(x, bool):
        return repr(x)
    if isinstance(x, numbers.Integral):
        return repr(int(x))
    if isinstance(x, numbers.Real):
        return repr(float(x))
    return repr(x)


# --------------------------------------------------------------------------
# Sampling uncertainty: helpers
# --------------------------------------------------------------------------


@frozen(kw_only=True)
class _ErrorSource:
    """The column(s) a rate's standard error comes from, and how."""

    kind: str
    columns: tuple[tuple[str, str], ...]  # (argument, column name)
    level: float | None

    def checks(self, frame: _Frame) -> list[_Check]:
        """Rules for the source columns."""
        if self.kind in ("se", "rse", "moe"):
            return [_nonnegative_check(frame, self.kind, self.columns[0][1])]
        if self.kind == "n_effective":
            name = self.columns[0][1]
            n = _float(name)
            bad = (n <= 0) | (n == math.inf)
            return [
                _Check(
                    bad=bad,
                    error=_first_error(
                        frame,
                        bad,
                        [n],
                        lambda found: (
                            f"`n_effective` column {name!r} must be finite and "
                            f"> 0, found {_show(found[0])}"
                        ),
                    ),
                )
            ]
        (_, low), (_, high) = self.columns
        lo, hi = _float(low), _float(high)
        below = hi < lo
        return [
            _finite_check(frame, "bounds", low),
            _finite_check(frame, "bounds", high),
            _Check(
                bad=below,
                error=_first_error(
                    frame,
                    below,
                    [lo, hi],
                    lambda found: (
                        f"upper bound column {high!r} must be >= lower bound "
                        f"column {low!r} (argument `bounds`), found "
                        f"{_show(found[1])} < {_show(found[0])}"
                    ),
                ),
            ),
        ]

    def se(self, r: nw.Expr, p: nw.Expr, scale: float) -> nw.Expr:
        """Standard error of the rate `r` (`p` as a fraction), in its unit."""
        column = _float(self.columns[0][1])
        if self.kind == "se":
            return column
        if self.kind == "rse":
            return r * column / 100.0
        if self.kind == "moe":
            return column / _z(cast(float, self.level))
        if self.kind == "n_effective":
            return (p * (1 - p) / column).sqrt() * scale
        lo, hi = column, _float(self.columns[1][1])
        return (hi - lo) / (2.0 * _z(cast(float, self.level)))


def _error_source(
    *,
    method: str,
    se: str | None,
    rse: str | None,
    moe: str | None,
    moe_level: float | None,
    bounds: tuple[str, str] | None,
    bounds_level: float | None,
    n_effective: str | None,
) -> _ErrorSource:
    """Check that exactly one source of error is named, with its level."""
    for name, level, source in (
        ("moe", moe_level, moe),
        ("bounds", bounds_level, bounds),
    ):
        if level is not None and source is None:
            msg = f"`{name}_level` was given without `{name}`"
            raise ValueError(msg)
        if source is not None and level is None:
            msg = (
                f"`{name}` needs `{name}_level`, the confidence level it was "
                "published at (e.g. 0.9 for 90 %): it is never assumed"
            )
            raise ValueError(msg)
    given = {
        name: column
        for name, column in (
            ("se", se),
            ("rse", rse),
            ("moe", moe),
            ("bounds", bounds),
            ("n_effective", n_effective),
        )
        if column is not None
    }
    if method == "wilson":
        other = [name for name in given if name != "n_effective"]
        if other:
            msg = (
                f"method='wilson' is defined by the effective sample size; "
                f"`{other[0]}` cannot be used with it: pass `n_effective` (e.g. "
                "p * (1 - p) / se**2 for a design-based SE), or use "
                "method='normal' or 'logit'"
            )
            raise ValueError(msg)
        if n_effective is None:
            msg = "method='wilson' needs `n_effective`"
            raise ValueError(msg)
    if len(given) != 1:
        found = ", ".join(f"`{n}`" for n in given) if given else "none"
        msg = (
            "give exactly one source of error: `se`, `rse`, `moe` (with "
            f"`moe_level`), `bounds` (with `bounds_level`) or `n_effective`; got "
            f"{found}"
        )
        raise ValueError(msg)
    kind, column = next(iter(given.items()))
    if kind == "bounds":
        if (
            not isinstance(column, tuple | list)
            or len(column) != 2
            or not all(isinstance(c, str) for c in column)
        ):
            msg = (
                "`bounds` must be a pair of column names (lower, upper), got "
                f"{column!r}"
            )
            raise TypeError(msg)
        return _ErrorSource(
            kind=kind,
            columns=(("bounds", column[0]), ("bounds", column[1])),
            level=_level(bounds_level, "bounds_level"),
        )
    level = _level(moe_level, "moe_level") if kind == "moe" else None
    return _ErrorSource(kind=kind, columns=((kind, cast(str, column)),), level=level)


def _expit(x: nw.Expr) -> nw.Expr:
    """Logistic function without overflow: exp is only taken of -|x|."""
    e = (-x.abs()).exp()
    return nw.when(x >= 0).then(1.0 / (1.0 + e)).otherwise(e / (1.0 + e))


def _correlation(independent: object, correlation: object) -> float | str | None:
    """Check the stated dependence of two periods' estimates."""
    indep = _validate.flag(independent, "independent")
    if indep:
        if correlation is not None:
            msg = (
                "`correlation` was given with independent=True; pass "
                "independent=False to use it"
            )
            raise ValueError(msg)
        return 0.0
    if correlation is None:
        msg = (
            "independent=False needs `correlation`: a number in [-1, 1] or the "
            "name of a column of them"
        )
        raise ValueError(msg)
    if isinstance(correlation, str):
        return correlation
    if isinstance(correlation, bool) or not isinstance(correlation, numbers.Real):
        msg = (
            "`correlation` must be a number in [-1, 1] or a column name, got "
            f"{correlation!r}"
        )
        raise TypeError(msg)
    rho = float(correlation)
    if not -1.0 <= rho <= 1.0:  # NaN fails too
        msg = f"`correlation` must lie in [-1, 1], got {correlation!r}"
        raise ValueError(msg)
    return rho


def _correlation_check(frame: _Frame, name: str) -> _Check:
    r = _float(name)
    bad = (r < -1) | (r > 1)
    return _Check(
        bad=bad,
        error=_first_error(
            frame,
            bad,
            [r],
            lambda found: (
                f"`correlation` column {name!r} must lie in [-1, 1], found "
                f"{_show(found[0])}"
            ),
        ),
    )


def _finite_check(frame: _Frame, arg: str, name: str) -> _Check:
    x = _float(name)
    bad = (x == math.inf) | (x == -math.inf)
    return _Check(
        bad=bad,
        error=_first_error(
            frame,
            bad,
            [x],
            lambda found: (
                f"`{arg}` column {name!r} must be finite, found {_show(found[0])}"
            ),
        ),
    )


def _missing_estimate_check(
    frame: nw.DataFrame[Any], v: nw.Expr, s: nw.Expr, *, value: str, se: str
) -> _Check:
    missing = v.is_null() | s.is_null()

    def build(n: int) -> ValueError:
        row = _Temps(frame.collect_schema())("row")
        at = (
            frame.with_row_index(row).filter(missing).get_column(row).head(10).to_list()
        )
        more = " ..." if n > len(at) else ""
        return ValueError(
            f"`value` column {value!r} or `se` column {se!r} has {n} missing "
            f"value(s) at row positions {at}{more}; pass nan_policy='omit' to "
            "leave those rows unranked"
        )

    return _Check(bad=missing, error=build)


# Cody (1993), ANORM: rational Chebyshev approximations of the normal
# distribution function on |x| <= 0.67448975, (0.67448975, sqrt(32)] and
# beyond, coefficients lowest degree first as in the published algorithm.
_CODY_A = (
    2.2352520354606839287,
    161.02823106855587881,
    1067.6894854603709582,
    18154.981253343561249,
    0.065682337918207449113,
)
_CODY_B = (
    47.20258190468824187,
    976.09855173777669322,
    10260.932208618978205,
    45507.789335026729956,
)
_CODY_C = (
    0.39894151208813466764,
    8.8831497943883759412,
    93.506656132177855979,
    597.27027639480026226,
    2494.5375852903726711,
    6848.1904505362823326,
    11602.651437647350124,
    9842.7148383839780218,
    1.0765576773720192317e-8,
)
_CODY_D = (
    22.266688044328115691,
    235.38790178262499861,
    1519.377599407554805,
    6485.558298266760755,
    18615.571640885098091,
    34900.952721145977266,
    38912.003286093271411,
    19685.429676859990727,
)
_CODY_P = (
    0.21589853405795699,
    0.1274011611602473639,
    0.022235277870649807,
    0.001421619193227893466,
    2.9112874951168792e-5,
    0.02307344176494017303,
)
_CODY_Q = (
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5,
)
_CODY_SMALL = 0.67448975
_CODY_MEDIUM = math.sqrt(32.0)
# Beyond this the tail probability is below the smallest subnormal double.
_CODY_ZERO = 40.0


def _cody_ratio(
    x: nw.Expr, num: Sequence[float], den: Sequence[float], steps: int
) -> tuple[nw.Expr, nw.Expr]:
    """Numerator and denominator of Cody's rational function, by Horner."""
    xnum = num[steps + 1] * x
    xden = x
    for i in range(steps):
        xnum = (xnum + num[i]) * x
        xden = (xden + den[i]) * x
    return xnum + num[steps], xden + den[steps]


def _with_two_sided_p(work: _Frame, z: str, out: str, temps: _Temps) -> _Frame:
    r"""Add column `out`, :math:`2 P(Z > |z|)`, as native expressions.

    Cody's algorithm (ANORM, the method of R's ``pnorm``): for :math:`y =
    |z| \le 0.674` a rational function of :math:`y^2`; beyond it a rational
    function of :math:`y` (up to :math:`\sqrt{32}`) or of :math:`1/y^2`
    times :math:`\exp(-y^2/2)`, with :math:`y^2` split as ``ysq**2 + del``
    so that the exponential keeps full precision. Each branch is evaluated
    on a clipped copy of :math:`y`, so no branch overflows or divides by
    zero on the rows it does not serve, and each step stores its columns
    for the next, so that eager backends evaluate each intermediate once.
    Null stays null; an infinite `z` gives 0.
    """
    y, small, medium, large = (temps(f"p_{k}") for k in ("y", "s", "m", "l"))
    near, t_med, t_large, x, t = (temps(f"p_{k}") for k in ("n", "tm", "tl", "x", "t"))
    work = work.with_columns(nw.col(z).abs().alias(y))
    yc = nw.col(y)
    work = work.with_columns(
        yc.clip(upper_bound=_CODY_SMALL).alias(small),
        yc.clip(lower_bound=_CODY_SMALL, upper_bound=_CODY_MEDIUM).alias(medium),
        yc.clip(lower_bound=_CODY_MEDIUM, upper_bound=_CODY_ZERO).alias(large),
    )
    sm, md, lg = nw.col(small), nw.col(medium), nw.col(large)
    num_n, den_n = _cody_ratio(sm * sm, _CODY_A, _CODY_B, 3)
    num_m, den_m = _cody_ratio(md, _CODY_C, _CODY_D, 7)
    inv2 = 1.0 / (lg * lg)
    num_l, den_l = _cody_ratio(inv2, _CODY_P, _CODY_Q, 4)
    work = work.with_columns(
        (0.5 - sm * num_n / den_n).alias(near),
        (num_m / den_m).alias(t_med),
        ((_INV_SQRT_2PI - inv2 * num_l / den_l) / lg).alias(t_large),
    )
    use_medium = yc <= _CODY_MEDIUM
    work = work.with_columns(
        nw.when(use_medium).then(md).otherwise(lg).alias(x),
        nw.when(use_medium).then(nw.col(t_med)).otherwise(nw.col(t_large)).alias(t),
    )
    xc = nw.col(x)
    xsq = (xc * 16.0).floor() / 16.0
    far = (xsq * xsq * -0.5).exp() * ((xc - xsq) * (xc + xsq) * -0.5).exp()
    tail = (
        nw.when(yc <= _CODY_SMALL)
        .then(nw.col(near))
        .when(yc < _CODY_ZERO)
        .then(far * nw.col(t))
        .when(yc >= _CODY_ZERO)
        .then(0.0)
    )
    return work.with_columns((2.0 * tail).alias(out))


def _group_codes(frame: nw.DataFrame[Any], groups: Sequence[str]) -> Any:
    """Integer code of each row's group (all rows 0 without `groups`).

    Codes follow the sorted group labels (lexicographically over several
    columns), as :func:`povstat.rank_confidence_sets` numbers a label array,
    so that both assign the same bootstrap draws to the same rows.
    """
    import numpy as np
    import pandas as pd

    codes = np.zeros(len(frame), dtype=np.int64)
    if not len(frame):
        return codes
    for group in groups:  # a few key columns, not groups
        labels, _ = pd.factorize(frame.get_column(group).to_numpy(), sort=True)
        codes, _ = pd.factorize(codes * (int(labels.max()) + 1) + labels, sort=True)
    return codes


def _attach(frame: nw.DataFrame[Any], arrays: Mapping[str, Any], *, like: str) -> Any:
    """`frame` with numpy columns added; missing values as the frame holds them.

    On pandas the new columns take the backing of column `like`: numpy
    (NaN), nullable (``Float64``, ``Int64``) or pyarrow, as the adapters'
    expressions would give; on other backends NaN becomes null.
    """
    import numpy as np

    if frame.implementation.is_pandas():
        import pandas as pd

        native = frame.to_native()
        kind = native[like].dtype
        new = {}
        for name, arr in arrays.items():
            floating = arr.dtype.kind == "f"
            if isinstance(kind, np.dtype):
                dtype: Any = np.float64 if floating else np.int64
            elif isinstance(kind, pd.ArrowDtype):
                dtype = "double[pyarrow]" if floating else "int64[pyarrow]"
            else:
                dtype = "Float64" if floating else "Int64"
            new[name] = pd.Series(arr, index=native.index).astype(dtype)
        return nw.from_native(native.assign(**new))
    impl = frame.implementation
    out = frame.with_columns(
        *(nw.new_series(name, arr, backend=impl) for name, arr in arrays.items())
    )
    floats = [name for name, arr in arrays.items() if arr.dtype.kind == "f"]
    return out.with_columns(nw.col(*floats).fill_nan(None))


def _nullable_bool(frame: _Frame, name: str) -> Any:
    """The native frame, a numpy-backed pandas column `name` made ``boolean``.

    On numpy-backed pandas narwhals gives a bool column with missing values
    dtype object (True, False and NaN), which cannot be used as a mask;
    pandas' nullable ``boolean`` can (and an empty frame's bool column
    becomes ``boolean`` too, so the dtype does not depend on the data).
    """
    import numpy as np

    native = frame.to_native()
    if frame.implementation.is_pandas() and isinstance(native[name].dtype, np.dtype):
        return native.astype({name: "boolean"})
    return native
