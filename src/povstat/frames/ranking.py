"""Dataframe adapter of :mod:`povstat.ranking`: ranks within groups."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Literal, cast, get_args

import numpy as np
from narwhals.stable.v2.typing import IntoFrameT

from povstat import _validate
from povstat.frames import _checks, _plumbing
from povstat.ranking import Ties, rank

__all__ = ["with_ranks"]

_RankNanPolicy = Literal["omit", "raise"]

_TIES: tuple[str, ...] = get_args(Ties)
_NAN_POLICIES: tuple[str, ...] = get_args(_RankNanPolicy)
_RANK_COLUMNS = ("rank", "rank_count")
_SHOW_ROWS = 10


def with_ranks(
    df: IntoFrameT,
    *,
    descending: bool,
    rate: str = "poverty_rate_pct",
    region: str = "region_code",
    by: str | Sequence[str] | None = None,
    ties: Ties = "min",
    nan_policy: _RankNanPolicy = "omit",
) -> IntoFrameT:
    """Add each row's rank within its group, and the size of the ranking.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Any frame narwhals supports. Not modified.
    descending : bool
        Direction, required. ``True``: rank 1 is the highest value, the
        usual order of Indonesian press rankings of poverty rates
        (*peringkat pertama* is the highest rate, and "peringkat ke-38" of
        38 regencies and cities the lowest; *tertinggi* or *terendah* next
        to a published rank say which end it counts from). ``False``: rank
        1 is the lowest value.
    rate : str, default "poverty_rate_pct"
        Numeric column to rank (a rate, or any other figure such as a
        change). ``-inf`` and ``inf`` are values (ranked
        first or last); NaN and null are missing.
    region : str, default "region_code"
        Key column naming the region (or whatever is ranked). Each region
        appears at most once in each group: a repeated row would be ranked
        twice and counted twice in ``rank_count``.
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
    nan_policy : {"omit", "raise"}, default "omit"
        Missing values, in scipy's spelling: ``"omit"`` gives them a missing
        rank and leaves them out of ``rank_count``; ``"raise"`` raises
        ``ValueError`` listing them. A missing figure has no place in a
        ranking; to list such rows at the bottom of a table, sort by
        ``rank`` with missing values last.

    Returns
    -------
    frame of the same kind as `df`
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
        If `df` is not a dataframe, `rate` is not numeric, `descending` is
        not a bool, or `by` is not a column name or a sequence of them.
    ValueError
        If a column is missing, an output column already exists, `ties` or
        `nan_policy` is unknown, a `by` column has a missing value, or
        `nan_policy` is "raise" and a value is missing (the message gives
        the row positions, or the groups for a lazy frame), a `region` value
        is missing, or a (region, by...) key appears more than once (the
        message lists the first keys, as :func:`povstat.with_changes` does),
        or `by` names the `region` or `rate` column (every group one row),
        or a group holds a region together with regions nested in it (see
        Notes).

    See Also
    --------
    povstat.ranking.rank : The array function.

    Notes
    -----
    The tie rules are those of [1]_: standard competition (``"min"``),
    modified competition (``"max"``), fractional (``"average"``), dense and
    ordinal ranking. The ranks are those of :func:`povstat.ranking.rank`,
    which computes them from the column.

    A region is not ranked among its own parts: where every label of
    `region` is an Indonesian area code (``"35"`` a province, ``"3573"`` or
    ``"35.73"`` a regency or city, ``"00"`` or ``"Indonesia"`` the country),
    a group (the whole frame without `by`) holding a province with one of
    its regencies or cities, or the country with any region, is refused
    (as in :func:`povstat.aggregate_regions`); so is such a group where
    the labels are text and the province and its region are names that
    :func:`povstat.datasets.indonesia_regions` gives them, read as
    :func:`povstat.read_bps_table` reads them (in
    any case, with BPS's prefixes and marks: ``"JAWA TIMUR"``, ``"Kab.
    Pacitan"``; with a list number or area code before it: ``"1. Kota
    Batu"``, ``"35 Jawa Timur"``; a name without its kind, ``"Malang"``, is
    read as a province's only), whatever other text the column holds (an appended
    ``"Malang Raya"`` is not checked, the listed names still are). So is
    one area written two ways in one group (``"35"`` and ``"3500"``),
    which would be ranked twice. Labels of another kind are not checked,
    and codes are read only where every label is one.

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
    >>> with_ranks(df, descending=True, rate="rate", region="region")
          region   rate  rank  rank_count
    0  Bangkalan  18.66   2.0           4
    1    Sampang  20.83   1.0           4
    2  Kota Batu   3.06   4.0           4
    3    Sumenep  17.78   3.0           4
    """
    desc = _validate.flag(descending, "descending")
    tie = cast("Ties", _validate.choice(ties, "ties", _TIES))
    policy = cast(
        "_RankNanPolicy", _validate.choice(nan_policy, "nan_policy", _NAN_POLICIES)
    )
    table = _plumbing.collect(df)
    refuse_data_for_by(table, by)
    groups = group_columns(by, region=region, rate=rate)
    _checks.require(table, rate=rate, region=region, keys=("region",))
    for group in groups:
        _checks.require(table, by=group, keys=("by",))
    _checks.require(table, outputs=_RANK_COLUMNS)
    _plumbing.unique_keys(table, region=region, by=groups)
    v = _plumbing.column(table, rate)
    codes = _plumbing.keys(table, groups, arg="by") if groups else None
    _checks.nested_regions(
        _plumbing.labels(table, region),
        codes,
        region=region,
        group_name=partial(group_name, table, groups),
        effect="it would be ranked among its own parts (and counted in rank_count)",
        twice="it would be ranked twice (and counted twice in rank_count)",
    )
    if policy == "raise":
        missing_error(table, np.isnan(v), rate=rate, groups=groups)
    ranking = rank(
        v,
        descending=desc,
        ties=tie,
        nan_policy=policy,
        by=codes,
    )
    return _plumbing.attach(table, df, rank=ranking.rank, rank_count=ranking.count)


def refuse_data_for_by(table: _plumbing.Table, by: object) -> None:
    """Refuse data (a Series, an array) given for `by`, with the column advice.

    As for any column argument (:func:`povstat.frames._checks.require`): pass
    the name of the column that holds the groups, or add the values as a
    column and name it.
    """
    names = _validate.names_of(by)
    data = hasattr(names, "__array__") or hasattr(names, "to_numpy")
    if data and not isinstance(names, Sequence):
        _checks.require(table, by=cast("str", names), keys=("by",))


def group_columns(by: object, **ranked: str | None) -> list[str]:
    """The `by` argument as a list of column names.

    `ranked` names the columns the ranking reads (``region=...``,
    ``rate=...``): grouping by one of them is refused, since each group
    would then hold one row and every rank be "1 of 1". A value of
    `ranked` that is no column name (a Series) is left to the column
    check that follows, which says what to pass.
    """
    by = _validate.names_of(by)
    if by is None:
        return []
    if isinstance(by, str):
        groups = [by]
    elif isinstance(by, Sequence) and all(isinstance(b, str) for b in by):
        groups = list(by)
    else:
        msg = f"`by` must be None, a column name or a sequence of names, got {by!r}"
        raise TypeError(msg)
    for arg, name in ranked.items():
        # Only a name is compared with `by`: a Series or other data given
        # for a column is refused by the column check, with its advice
        # (comparing it with `by`'s names would raise the engine's error).
        if isinstance(name, str) and name in groups:
            msg = (
                f"`by` names {name!r}, the `{arg}` column: each group would hold "
                "one row, and every rank would be 1 of 1; group by the columns "
                "that hold the groups (a province, a period), or leave `by` out"
            )
            raise ValueError(msg)
    return groups


def group_name(table: _plumbing.Table, groups: Sequence[str], i: int) -> str:
    """The ranking group of row `i`, by its `by` values, for a message."""
    if not groups:
        return "the frame (ranked as one group: no `by`)"
    shown = ", ".join(
        f"{g}={_plumbing.show(_plumbing.labels(table, g)[i])}" for g in groups
    )
    return f"the group {shown}"


def missing_error(
    table: _plumbing.Table,
    missing: np.ndarray,
    *,
    rate: str,
    groups: Sequence[str],
    also: str = "",
    hint: str = "pass nan_policy='omit' to leave them unranked",
) -> None:
    """Raise if a value to rank is missing: row positions, or groups if lazy."""
    n = int(np.count_nonzero(missing))
    if not n:
        return
    at = np.flatnonzero(missing)
    where = ""
    if groups:
        # A lazy engine may promise no row order: name the groups too, on
        # every engine, so that the message reads alike everywhere.
        rows = at[:5]
        cols = [_plumbing.labels(table, g)[rows].tolist() for g in groups]
        tuples = list(zip(*cols, strict=True))
        where = f" in groups {tuples}{' ...' if n > len(tuples) else ''}"
    shown = at[:_SHOW_ROWS].tolist()
    where += f" at row positions {shown}{' ...' if n > len(shown) else ''}"
    msg = f"`rate` column {rate!r}{also} has {n} missing value(s){where}; {hint}"
    raise ValueError(msg)
