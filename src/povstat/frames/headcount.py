"""Dataframe adapters of :mod:`povstat.headcount`: rates, headcounts, populations."""

from __future__ import annotations

from functools import partial

from narwhals.stable.v2.typing import IntoFrameT

from povstat import _validate
from povstat._validate import Unit
from povstat.frames import _checks, _plumbing
from povstat.headcount import (
    _ROUNDING,
    headcount_to_rate,
    implied_population,
    rate_to_headcount,
)

__all__ = ["with_headcount", "with_implied_population", "with_rate"]


def with_headcount(
    df: IntoFrameT,
    *,
    unit: Unit,
    population: str,
    rate: str = "poverty_rate_pct",
) -> IntoFrameT:
    """Add the number of poor implied by a poverty rate and a population.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Any frame narwhals supports (see :mod:`povstat.frames`). Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column: 0-1 or 0-100. Required: povstat never
        guesses.
    population : str
        Column of populations the rates are shares of (persons, thousands,
        ...). Required: the bundled data have no reliable population.
    rate : str, default "poverty_rate_pct"
        Column of headcount ratios :math:`P_0`, in `unit`.

    Returns
    -------
    frame of the same kind as `df`
        `df` with one new column:

        ``headcount`` (float64)
            Number of poor, in the unit of `population`; missing where the
            rate or the population is missing. Not rounded.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, or a column is not numeric.
    ValueError
        If `unit` is unknown, a column is missing, ``headcount`` already
        exists, a rate lies outside [0, 100] (percent) or [0, 1] (fraction),
        or a population is negative or infinite, or an integer column holds
        a value float64 cannot hold exactly (2**53 + 1), on any engine. The
        message names the column, the first offending value and its row (a
        pandas index label, a row position, or for a lazy input, DuckDB or
        Spark, the position among the collected rows), whatever the
        integer or decimal type (DuckDB ``HUGEINT``, ``DECIMAL(38, 0)``,
        ``VARINT``; Spark ``LongType``, ``DecimalType``).

    See Also
    --------
    povstat.headcount.rate_to_headcount : The array function.
    with_rate : The inverse.

    Notes
    -----
    :math:`H = P_0 N`, with :math:`P_0` as a fraction [1]_, computed by
    :func:`povstat.rate_to_headcount` on the columns.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.

    Examples
    --------
    BPS: Kota Malang, March 2023, 4.26 % of an implied 886.85 thousand people.

    >>> import pandas as pd
    >>> from povstat import with_headcount
    >>> df = pd.DataFrame({"rate": [4.26, 10.0], "population": [886.85, 2.0]})
    >>> with_headcount(df, unit="percent", rate="rate", population="population")
        rate  population  headcount
    0   4.26      886.85   37.77981
    1  10.00        2.00    0.20000
    """
    u = _validate.unit(unit)
    table = _plumbing.collect(df)
    _checks.require(table, rate=rate, population=population, outputs=("headcount",))
    r = _plumbing.column(table, rate)
    n = _plumbing.column(table, population)
    place = _plumbing.row_keys(table)
    values = _checks.explained(
        partial(rate_to_headcount, r, n, unit=u),
        partial(_checks.rate, r, "rate", rate, u, place),
        partial(_checks.nonnegative, n, "population", population, place),
    )
    return _plumbing.attach(table, df, headcount=values)


def with_rate(
    df: IntoFrameT,
    *,
    unit: Unit,
    population: str,
    headcount: str = "poor_thousands",
) -> IntoFrameT:
    """Add the poverty rate implied by a number of poor and a population.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Any frame narwhals supports. Not modified.
    unit : {"fraction", "percent"}
        Scale of the new ``rate`` column.
    population : str
        Column of populations, in the unit of `headcount`. Required. The
        unit is not checked: ``load_east_java()``'s ``population`` is in
        persons, its ``poor_thousands`` in thousands (divide the population
        by 1000 first).
    headcount : str, default "poor_thousands"
        Column of numbers of poor.

    Returns
    -------
    frame of the same kind as `df`
        `df` with one new column:

        ``rate`` (float64)
            Headcount ratio in `unit`; missing where an input is missing or
            the population is 0 (an empty cell has no rate).

    Raises
    ------
    TypeError
        If `df` is not a dataframe, or a column is not numeric.
    ValueError
        If `unit` is unknown, a column is missing, ``rate`` already exists,
        a count is negative or infinite, a headcount exceeds its
        population, or an integer column holds a value float64 cannot hold
        exactly (2**53 + 1, named with its row), on any engine.

    See Also
    --------
    povstat.headcount.headcount_to_rate : The array function.
    with_headcount : The inverse.

    Notes
    -----
    :math:`P_0 = H / N` [1]_, computed by :func:`povstat.headcount_to_rate`.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.

    Examples
    --------
    >>> import pandas as pd
    >>> from povstat import with_rate
    >>> df = pd.DataFrame({"poor_thousands": [37.78, 0.0], "population": [886.85, 0.0]})
    >>> with_rate(df, unit="percent", population="population")
       poor_thousands  population      rate
    0           37.78      886.85  4.260021
    1            0.00        0.00       NaN
    """
    u = _validate.unit(unit)
    table = _plumbing.collect(df)
    _checks.require(
        table, headcount=headcount, population=population, outputs=("rate",)
    )
    h = _plumbing.column(table, headcount)
    n = _plumbing.column(table, population)
    place = _plumbing.row_keys(table)
    values = _checks.explained(
        partial(headcount_to_rate, h, n, unit=u),
        partial(_checks.nonnegative, h, "headcount", headcount, place),
        partial(_checks.nonnegative, n, "population", population, place),
        partial(
            _checks.not_above,
            h,
            n,
            slack=_ROUNDING,
            describe=lambda a, b: (
                f"`headcount` column {headcount!r} must not exceed `population` "
                f"column {population!r}, found {a} > {b}"
            ),
            place=place,
        ),
    )
    return _plumbing.attach(table, df, rate=values)


def with_implied_population(
    df: IntoFrameT,
    *,
    unit: Unit,
    rate: str = "poverty_rate_pct",
    headcount: str = "poor_thousands",
) -> IntoFrameT:
    """Add the population implied by a poverty rate and a number of poor.

    This is the denominator check: the population a published rate must be
    a share of for the published number of poor to follow from it.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Any frame narwhals supports. Not modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column.
    rate : str, default "poverty_rate_pct"
        Column of headcount ratios, in `unit`.
    headcount : str, default "poor_thousands"
        Column of numbers of poor (persons, thousands, ...).

    Returns
    -------
    frame of the same kind as `df`
        `df` with one new column:

        ``implied_population`` (float64)
            :math:`N = H / P_0`, in the unit of `headcount`; missing where an
            input is missing or the rate is 0 (a zero rate implies no
            population).

    Raises
    ------
    TypeError
        If `df` is not a dataframe, or a column is not numeric.
    ValueError
        If `unit` is unknown, a column is missing, ``implied_population``
        already exists, a rate is out of range for `unit`, a headcount is
        negative or infinite, or an integer column holds a value float64
        cannot hold exactly (2**53 + 1, named with its row), on any engine.

    See Also
    --------
    povstat.headcount.implied_population : The array function.
    povstat.headcount.implied_population_interval : The same for rounded
        published figures.

    Notes
    -----
    :math:`N = H / P_0` with :math:`P_0` as a fraction [1]_, computed by
    :func:`povstat.implied_population`.

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.

    Examples
    --------
    BPS: Kota Malang, March 2023, 4.26 % and 37.78 thousand poor.

    >>> import pandas as pd
    >>> from povstat import with_implied_population
    >>> df = pd.DataFrame({"poverty_rate_pct": [4.26, 0.0],
    ...                    "poor_thousands": [37.78, 0.0]})
    >>> with_implied_population(df, unit="percent")
       poverty_rate_pct  poor_thousands  implied_population
    0              4.26           37.78          886.854460
    1              0.00            0.00                 NaN
    """
    u = _validate.unit(unit)
    table = _plumbing.collect(df)
    _checks.require(
        table, rate=rate, headcount=headcount, outputs=("implied_population",)
    )
    r = _plumbing.column(table, rate)
    h = _plumbing.column(table, headcount)
    place = _plumbing.row_keys(table)
    values = _checks.explained(
        partial(implied_population, r, h, unit=u),
        partial(_checks.rate, r, "rate", rate, u, place),
        partial(_checks.nonnegative, h, "headcount", headcount, place),
    )
    return _plumbing.attach(table, df, implied_population=values)
