"""Ranks of regions with stated conventions: direction, ties, groups, missing.

A rank means nothing until its conventions are stated: is rank 1 the lowest
or the highest value? How are ties ranked? Are missing values ranked? Within
which groups? :func:`rank` takes each as a keyword, the direction without a
default, and returns the ranks together with the number of items ranked in
each group, so that "2nd of 38" can be said.

Indonesian press rankings of poverty rates usually count from the highest:
rank 1 is the poorest region and, among the 38 regencies and cities of East
Java, "peringkat ke-38" is the region with the lowest rate. That is
``descending=True``. BPS tables themselves list regions by code, and the
words around a published rank (*tertinggi*, highest; *terendah*, lowest)
say which end it counts from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, cast

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._results import Result, array_eq, freeze, readonly, readonly_float
from povstat._validate import NanPolicy

__all__ = ["Ranking", "Ties", "percentile_rank", "rank"]

#: Rule for ranking tied values: ``"min"`` (1, 2, 2, 4), ``"max"`` (1, 3, 3, 4),
#: ``"average"`` (1, 2.5, 2.5, 4), ``"dense"`` (1, 2, 2, 3) or ``"ordinal"``
#: (1, 2, 3, 4, in order of position).
Ties = Literal["min", "max", "average", "dense", "ordinal"]
_TIES: tuple[str, ...] = ("min", "max", "average", "dense", "ordinal")
_NAN_POLICIES: tuple[str, ...] = ("omit", "raise", "propagate")


@frozen(kw_only=True)
class Ranking(Result):
    """Ranks of values within groups, with the conventions that produced them.

    Attributes
    ----------
    rank : ndarray of float64
        Rank of each value within its group, 1-based; NaN for a value that
        was not ranked (missing, under ``nan_policy="omit"`` or
        ``"propagate"``). Float because ``"average"`` ties give halves.
    count : ndarray of int64
        Number of values ranked in the group of each value (the "of 38");
        0 for a group left unranked by ``nan_policy="propagate"``.
    descending : bool
        True if rank 1 is the highest value.
    ties : {"min", "max", "average", "dense", "ordinal"}
        How tied values were ranked.
    nan_policy : {"omit", "raise", "propagate"}
        How missing values were treated.

    Examples
    --------
    >>> from povstat import rank
    >>> r = rank([4.26, 3.31, 5.0], descending=False)
    >>> print(r.rank, r.count)
    [2. 1. 3.] [3 3 3]
    """

    _column_names: ClassVar[Mapping[str, str]] = {"rank": "rank", "count": "rank_count"}

    rank: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    count: NDArray[np.int64] = field(converter=readonly, eq=array_eq)
    descending: bool
    ties: Ties
    nan_policy: NanPolicy


@_validate.positional
def rank(
    values: ArrayLike,
    *,
    descending: bool,
    ties: Ties = "min",
    nan_policy: NanPolicy = "omit",
    by: ArrayLike | None = None,
) -> Ranking:
    r"""Rank values, within groups, with explicit direction, ties and missing policy.

    Parameters
    ----------
    values : array_like, 1-D
        Values to rank (e.g. poverty rates, or changes in them). ``-inf`` and
        ``inf`` are values; NaN is missing.
    descending : bool
        True: rank 1 is the highest value (the usual order of Indonesian
        press rankings of poverty rates: "peringkat 1" is the poorest
        region; the words *tertinggi* or *terendah* say which end a
        published rank counts from).
        False: rank 1 is the lowest value. To rank changes with the largest
        fall first, rank the changes with ``descending=False``. Required.
    ties : {"min", "max", "average", "dense", "ordinal"}, default "min"
        Ranks of tied values: all get the lowest rank of the block
        (``"min"``, competition ranking "1, 2, 2, 4"), the highest
        (``"max"``), their mean (``"average"``), the next consecutive rank
        (``"dense"``, "1, 2, 2, 3"), or distinct ranks in order of position
        in `values` (``"ordinal"``; depends on row order by construction).
    nan_policy : {"omit", "raise", "propagate"}, default "omit"
        Missing values, with the meanings of :func:`scipy.stats.rankdata`:
        they get no rank (NaN) and are not counted, the others being ranked
        among themselves (``"omit"``); raise ``ValueError`` (``"raise"``);
        or make every rank of their group NaN, with a count of 0
        (``"propagate"``). To rank missing values after every value (as the
        worst), say so in the data: replace them by ``-inf`` (with
        ``descending=True``) or ``inf`` (with ``descending=False``); they are
        then values, counted, and tied by the `ties` rule.
    by : array_like, 1-D, optional
        Group label of each value (e.g. the year, or the province): values
        are ranked within their group. Any hashable, sortable labels (ints,
        strings). None ranks all values together.

    Returns
    -------
    Ranking
        ``rank`` (float64, NaN where unranked) and ``count`` (int64, number
        ranked in the group) per value, with the conventions used.

    Raises
    ------
    TypeError
        If `values` is not numeric, `descending` is not a bool, or the `by`
        labels are of mixed kinds (numbers and strings; dates and
        date-times, in every order of the rows) or not scalars.
    ValueError
        If `values` or `by` is not 1-D, their lengths differ, `ties` or
        `nan_policy` is unknown, a group label is missing, or a value is NaN
        under ``nan_policy="raise"`` (the message lists their positions).

    See Also
    --------
    scipy.stats.rankdata : Ranks without groups or direction.

    Notes
    -----
    The tie rules are those of [1]_ ("standard competition", "modified
    competition", "fractional", "dense" and "ordinal" ranking). Values are
    sorted once (then, with groups, stably by group), so the cost is
    :math:`O(n \log n)` for any number of groups. Ranks other than
    ``"ordinal"`` do not depend on the order of the rows.

    Two values tie only when they are equal as floats: ``0.1 + 0.2`` and
    ``0.3`` differ in the 17th digit, so they are not tied. Values computed
    from published figures (sums, differences, unit conversions) carry such
    noise; round them to the precision they stand for first, with
    :func:`povstat.round_half_up`, to tie what is equal as published (see
    the last example). Nothing is rounded here: that is the caller's
    statement of the precision. The statement checks
    (:mod:`povstat.statements`) round to 10 decimals before ranking.

    References
    ----------
    .. [1] Kendall, M. G. (1945), "The treatment of ties in ranking
       problems", *Biometrika* 33(3), 239-251.

    Examples
    --------
    >>> from povstat import rank
    >>> v = [1, 2, 3, 3, 4, 5]
    >>> print(rank(v, descending=False, ties="min").rank)
    [1. 2. 3. 3. 5. 6.]
    >>> print(rank(v, descending=False, ties="dense").rank)
    [1. 2. 3. 3. 4. 5.]
    >>> print(rank(v, descending=False, ties="average").rank)
    [1.  2.  3.5 3.5 5.  6. ]

    Rank 1 = highest rate, within each year:

    >>> years = [2023, 2023, 2023, 2024, 2024]
    >>> r = rank([15, 50, 30, 9, 12], descending=True, by=years)
    >>> print(r.rank, r.count)
    [3. 1. 2. 2. 1.] [3 3 3 2 2]

    A missing value ranked as the lowest rate, by saying so:

    >>> import numpy as np
    >>> v = np.array([4.1, np.nan, 9.5])
    >>> print(rank(np.where(np.isnan(v), -np.inf, v), descending=True).rank)
    [2. 3. 1.]

    Ties are exact equality of the floats; round computed values first to
    tie what is equal at the published precision:

    >>> from povstat import round_half_up
    >>> w = [0.1 + 0.2, 0.3]
    >>> print(rank(w, descending=False).rank)
    [2. 1.]
    >>> print(rank(round_half_up(w, 10), descending=False).rank)
    [1. 1.]
    """
    desc = _validate.flag(descending, "descending")
    tie_rule = _validate.choice(ties, "ties", _TIES)
    policy = _validate.choice(nan_policy, "nan_policy", _NAN_POLICIES)
    v = _validate.numeric(values, "values")
    if v.ndim != 1:
        msg = f"`values` must be 1-D, got shape {v.shape}"
        raise ValueError(msg)
    n = v.shape[0]
    codes = None if by is None else _group_codes(by, n)
    missing = np.isnan(v)
    n_missing = int(np.count_nonzero(missing))
    if policy == "raise" and n_missing:
        where = np.flatnonzero(missing)
        shown = ", ".join(str(i) for i in where[:20])
        more = f" and {where.size - 20} more" if where.size > 20 else ""
        msg = (
            f"`values` has {where.size} missing (NaN) value(s) with "
            f"nan_policy='raise', at positions {shown}{more}"
        )
        raise ValueError(msg)
    out_rank, out_count = _ranks(
        -v if desc else v, missing, n_missing, codes, tie_rule, policy
    )
    return Ranking(
        rank=freeze(out_rank),
        count=freeze(out_count),
        descending=desc,
        ties=tie_rule,  # type: ignore[arg-type]
        nan_policy=policy,  # type: ignore[arg-type]
    )


def _ranks(
    key: NDArray[np.float64],
    missing: NDArray[np.bool_],
    n_missing: int,
    codes: NDArray[np.intp] | None,
    ties: str,
    policy: str,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Ascending ranks of `key` within groups `codes`, and counts per row.

    One sort by value (NaN sorts last), then, with groups, one stable sort by
    group code, so that each group is a run of the sorted order with its
    missing values at the end. Ranks are computed on the sorted order with
    running maxima (no loop over groups) and scattered back once.
    """
    n = key.shape[0]
    order = np.argsort(key, kind="stable" if ties == "ordinal" else None)
    if codes is None:
        m = n - n_missing  # the valid values come first in the sorted order
        order_valid = order[:m]
        group_start = None
    else:
        m = n
        n_groups = int(codes.max()) + 1 if n else 0
        small = _small_codes(codes, n_groups)
        order = order[np.argsort(small[order], kind="stable")]
        order_valid = order
        s_codes = small[order]
        new_group = np.empty(n, dtype=bool)
        new_group[:1] = True
        np.not_equal(s_codes[1:], s_codes[:-1], out=new_group[1:])
        del s_codes, small
    s_key = key[order_valid]
    new_block = np.empty(m, dtype=bool)
    new_block[:1] = True
    np.not_equal(s_key[1:], s_key[:-1], out=new_block[1:])
    del s_key
    if codes is not None:
        new_block |= new_group
        group_start = _run_start(new_group)
    s_rank = _sorted_ranks(new_block, group_start, ties)
    out_rank = np.empty(n, dtype=np.float64)
    out_rank[order_valid] = s_rank
    del s_rank, order, order_valid

    if codes is None:
        counted = 0 if policy == "propagate" and n_missing else m
        out_count = np.full(n, counted, dtype=np.int64)
        if n_missing:
            out_rank[missing if counted else slice(None)] = np.nan
        return out_rank, out_count
    per_group = np.bincount(codes, minlength=n_groups)
    if n_missing:
        in_missing = np.bincount(codes[missing], minlength=n_groups)
        per_group -= in_missing
        out_rank[missing] = np.nan
        if policy == "propagate":
            bad = (in_missing > 0)[codes]
            out_rank[bad] = np.nan
            per_group[in_missing > 0] = 0
    return out_rank, np.asarray(per_group[codes], dtype=np.int64)


def _small_codes(codes: NDArray[np.intp], n_groups: int) -> NDArray[np.integer[Any]]:
    """Group codes in the smallest unsigned dtype (numpy radix-sorts 8/16-bit)."""
    for dtype in (np.uint8, np.uint16, np.uint32):
        if n_groups <= np.iinfo(dtype).max + 1:
            return codes.astype(dtype)
    return codes


def _run_start(new_run: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Position (0-based, as float) of the start of the run each entry is in."""
    start = np.arange(new_run.shape[0], dtype=np.float64)
    start *= new_run
    np.maximum.accumulate(start, out=start)
    return start


def _sorted_ranks(
    new_block: NDArray[np.bool_],
    group_start: NDArray[np.float64] | None,
    ties: str,
) -> NDArray[np.float64]:
    """Ranks of sorted values from where tie blocks (and groups) start."""
    m = new_block.shape[0]
    if m == 0:
        return np.empty(0, dtype=np.float64)
    if ties == "dense":
        out = np.cumsum(new_block, dtype=np.float64)
        if group_start is not None:
            # Blocks before the group: the running count at its first entry.
            first = out * (group_start == np.arange(m))
            np.maximum.accumulate(first, out=first)
            out -= first
            out += 1.0
        return out
    if ties == "ordinal":
        out = np.arange(1, m + 1, dtype=np.float64)
    elif ties == "min":
        out = _run_start(new_block)
        out += 1.0
    else:
        # Last position of each block: the next block's start, less one.
        end = np.arange(m, dtype=np.float64)
        end[~np.append(new_block[1:], True)] = np.inf
        np.minimum.accumulate(end[::-1], out=end[::-1])
        end += 1.0
        if ties == "max":
            out = end
        else:  # average
            out = _run_start(new_block)
            out += 1.0
            out += end
            out /= 2.0
    if group_start is not None:
        out -= group_start
    return out


_group_codes = _validate.group_codes


@_validate.positional
def percentile_rank(
    values: ArrayLike,
    *,
    descending: bool,
    ties: Ties = "min",
    nan_policy: Literal["propagate", "omit", "raise"] = "omit",
    by: ArrayLike | None = None,
) -> NDArray[np.float64]:
    r"""Percentile ranks within groups: each rank as a share of its group, in (0, 1].

    Parameters
    ----------
    values : array_like, 1-D
        Values to rank; NaN is missing.
    descending : bool
        True: the highest value has the smallest percentile rank; False: the
        lowest has. Required, as for :func:`rank`.
    ties : {"min", "max", "average", "dense", "ordinal"}, default "min"
        Tie rule of the ranks (see :func:`rank`).
    nan_policy : {"omit", "raise", "propagate"}, default "omit"
        Missing values get NaN and are not counted (``"omit"``), raise
        ``ValueError`` (``"raise"``), or make their whole group NaN
        (``"propagate"``).
    by : array_like, 1-D, optional
        Group label of each value; None ranks all values together.

    Returns
    -------
    ndarray of float64
        Rank divided by the number of ranks its group can take: the number
        of values ranked in the group, or, for ``ties="dense"``, the number
        of distinct values in it. In (0, 1]; NaN where unranked.

    Raises
    ------
    TypeError
        If `values` is not numeric, `descending` is not a bool, or the `by`
        labels are of mixed kinds or not scalars (as for :func:`rank`).
    ValueError
        If `ties` or `nan_policy` is unknown, the shapes differ, or a value
        is missing under ``nan_policy="raise"``.

    See Also
    --------
    rank : The ranks themselves.

    Notes
    -----
    With rank :math:`R_i` in a group of :math:`n` ranked values,
    the percentile rank is :math:`R_i / n` [1]_; dense ranks run from 1 to
    the number :math:`m` of distinct values, so they are divided by
    :math:`m`, which is the dense rank of the group's last value. (Dividing
    dense ranks by :math:`n`, as pandas' grouped
    ``rank(method="dense", pct=True)`` does, stops short of 1 when values
    tie.) :math:`m` is found as :math:`D_i + D'_i - 1`, with :math:`D` and
    :math:`D'` the dense ranks in the two directions.

    References
    ----------
    .. [1] Hyndman, R. J., Fan, Y. (1996), "Sample quantiles in statistical
       packages", *The American Statistician* 50(4), 361-365.

    Examples
    --------
    Dense ranks 1, 1, 2 in a group of three:

    >>> from povstat import percentile_rank
    >>> percentile_rank([5.0, 5.0, 7.0], descending=False, ties="dense")
    array([0.5, 0.5, 1. ])
    >>> percentile_rank([5.0, 5.0, 7.0], descending=False, ties="min")
    array([0.33333333, 0.33333333, 1.        ])

    Within years, rank 1 the highest rate:

    >>> percentile_rank([15, 50, 30, 9, 12], descending=True,
    ...                 by=[2023, 2023, 2023, 2024, 2024])
    array([1.        , 0.33333333, 0.66666667, 1.        , 0.5       ])
    """
    policy = cast(
        "NanPolicy",
        _validate.choice(nan_policy, "nan_policy", ("propagate", "omit", "raise")),
    )
    r = rank(values, descending=descending, ties=ties, nan_policy=policy, by=by)
    if r.ties == "dense":
        back = rank(
            values,
            descending=not r.descending,
            ties="dense",
            nan_policy=policy,
            by=by,
        )
        of = r.rank + back.rank - 1.0
    else:
        of = r.count.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(r.rank / of)
