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

from typing import Any, Literal, cast

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._results import array_eq, readonly, readonly_float
from povstat._validate import NanPolicy

__all__ = ["Ranking", "Ties", "percentile_rank", "rank"]

#: Rule for ranking tied values: ``"min"`` (1, 2, 2, 4), ``"max"`` (1, 3, 3, 4),
#: ``"average"`` (1, 2.5, 2.5, 4), ``"dense"`` (1, 2, 2, 3) or ``"ordinal"``
#: (1, 2, 3, 4, in order of position).
Ties = Literal["min", "max", "average", "dense", "ordinal"]
_TIES: tuple[str, ...] = ("min", "max", "average", "dense", "ordinal")
_NAN_POLICIES: tuple[str, ...] = ("omit", "last", "raise", "propagate")


@frozen(kw_only=True)
class Ranking:
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
    nan_policy : {"omit", "last", "raise", "propagate"}
        How missing values were treated.

    Examples
    --------
    >>> from povstat import rank
    >>> r = rank([4.26, 3.31, 5.0], descending=False)
    >>> print(r.rank, r.count)
    [2. 1. 3.] [3 3 3]
    """

    rank: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    count: NDArray[np.int64] = field(converter=readonly, eq=array_eq)
    descending: bool
    ties: Ties
    nan_policy: NanPolicy


def rank(
    values: ArrayLike,
    *,
    descending: bool,
    ties: Ties = "min",
    nan_policy: NanPolicy = "omit",
    groups: ArrayLike | None = None,
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
    nan_policy : {"omit", "last", "raise", "propagate"}, default "omit"
        Missing values: get no rank and use none (``"omit"``: rank NaN, not
        counted); are ranked after every value, tied among themselves by the
        `ties` rule, and counted (``"last"``); raise ``ValueError``
        (``"raise"``); or make every rank of their group NaN
        (``"propagate"``, as :func:`scipy.stats.rankdata`).
    groups : array_like, 1-D, optional
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
        If `values` is not numeric or `descending` is not a bool.
    ValueError
        If `values` or `groups` is not 1-D, their lengths differ, `ties` or
        `nan_policy` is unknown, a group label is missing, or a value is NaN
        under ``nan_policy="raise"`` (the message lists their positions).

    See Also
    --------
    scipy.stats.rankdata : Ranks without groups or direction.

    Notes
    -----
    The tie rules are those of [1]_ ("standard competition", "modified
    competition", "fractional", "dense" and "ordinal" ranking). Values are
    sorted once, by group and value (a stable sort), so the cost is
    :math:`O(n \log n)` for any number of groups.

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
    >>> r = rank([15, 50, 30, 9, 12], descending=True, groups=years)
    >>> print(r.rank, r.count)
    [3. 1. 2. 2. 1.] [3 3 3 2 2]
    """
    desc = _validate.flag(descending, "descending")
    tie_rule = _validate.choice(ties, "ties", _TIES)
    policy = _validate.choice(nan_policy, "nan_policy", _NAN_POLICIES)
    v = _validate.numeric(values, "values")
    if v.ndim != 1:
        msg = f"`values` must be 1-D, got shape {v.shape}"
        raise ValueError(msg)
    n = v.shape[0]
    codes = _group_codes(groups, n)
    missing = np.isnan(v)
    if policy == "raise" and missing.any():
        where = np.flatnonzero(missing)
        shown = ", ".join(str(i) for i in where[:20])
        more = f" and {where.size - 20} more" if where.size > 20 else ""
        msg = (
            f"`values` has {where.size} missing (NaN) value(s) with "
            f"nan_policy='raise', at positions {shown}{more}"
        )
        raise ValueError(msg)

    # Sort key: group, then missing last, then value (negated if descending).
    key = np.where(missing, 0.0, -v if desc else v)
    order = np.lexsort((key, missing, codes))
    s_codes = codes[order]
    s_key = key[order]
    s_missing = missing[order]

    idx = np.arange(n, dtype=np.int64)
    new_group = np.ones(n, dtype=bool)
    new_group[1:] = s_codes[1:] != s_codes[:-1]
    # A tie block starts at a new group, or where the value (or missingness)
    # changes. Missing values form one block at the end of their group.
    new_block = new_group.copy()
    new_block[1:] |= (s_key[1:] != s_key[:-1]) | (s_missing[1:] != s_missing[:-1])

    group_start = np.maximum.accumulate(np.where(new_group, idx, 0))
    pos = idx - group_start + 1  # ordinal position within the group
    block_start = np.maximum.accumulate(np.where(new_block, idx, 0))
    block_id = np.cumsum(new_block) - 1
    block_len = np.bincount(block_id, minlength=int(block_id[-1]) + 1 if n else 0)
    block_first_pos = block_start - group_start + 1
    block_last_pos = block_first_pos + block_len[block_id] - 1 if n else pos

    if tie_rule == "min":
        s_rank = block_first_pos.astype(np.float64)
    elif tie_rule == "max":
        s_rank = np.asarray(block_last_pos, dtype=np.float64)
    elif tie_rule == "average":
        s_rank = (block_first_pos + np.asarray(block_last_pos)) / 2.0
    elif tie_rule == "dense":
        blocks_before = np.cumsum(new_block)
        s_rank = (blocks_before - blocks_before[group_start] + 1).astype(np.float64)
    else:  # ordinal: the stable sort kept input order within tie blocks
        s_rank = pos.astype(np.float64)

    # Counts per group: ranked items (missing excluded unless ranked last).
    group_id = np.cumsum(new_group) - 1
    n_groups = int(group_id[-1]) + 1 if n else 0
    counted = ~s_missing if policy in ("omit", "propagate") else np.ones(n, bool)
    per_group = np.bincount(group_id, weights=counted, minlength=n_groups)
    s_count = per_group[group_id].astype(np.int64)

    if policy in ("omit", "propagate"):
        s_rank[s_missing] = np.nan
    if policy == "propagate":
        bad_group = np.bincount(group_id, weights=s_missing, minlength=n_groups) > 0
        s_rank[bad_group[group_id]] = np.nan
        s_count[bad_group[group_id]] = 0

    out_rank = np.empty(n, dtype=np.float64)
    out_rank[order] = s_rank
    out_count = np.empty(n, dtype=np.int64)
    out_count[order] = s_count
    return Ranking(
        rank=out_rank,
        count=out_count,
        descending=desc,
        ties=tie_rule,  # type: ignore[arg-type]
        nan_policy=policy,  # type: ignore[arg-type]
    )


def _is_missing_label(x: object) -> bool:
    if x is None:
        return True
    try:
        return bool(x != x)  # NaN of any float type, NaT, pandas.NA (raises)
    except TypeError:
        return True  # pandas.NA: its truth value is ambiguous


def _check_object_labels(g: NDArray[Any]) -> None:
    """Reject missing or mixed labels in an object array (one pass)."""
    items = g.tolist()
    if any(_is_missing_label(x) for x in items):
        msg = "`groups` must not contain missing labels (None/NaN/NaT/NA)"
        raise ValueError(msg)
    kinds = {isinstance(x, str) for x in items}
    if len(kinds) > 1:
        msg = (
            "`groups` labels must be all numbers or all strings, not a mix "
            "(2023 and '2023' would otherwise be merged)"
        )
        raise TypeError(msg)


def _same_kind_labels(groups: object) -> bool:
    """False if a list given as `groups` mixes strings and non-strings."""
    if isinstance(groups, list | tuple):
        kinds = {isinstance(x, str | np.str_) for x in groups}
        return len(kinds) <= 1
    return True


def _group_codes(groups: ArrayLike | None, n: int) -> NDArray[np.intp]:
    """Integer code of each value's group (all zeros when `groups` is None)."""
    if groups is None:
        return np.zeros(n, dtype=np.intp)
    if np.ma.is_masked(groups):
        msg = "`groups` must not contain missing labels (masked entries)"
        raise ValueError(msg)
    g = np.asarray(groups)
    if g.ndim != 1 or g.shape[0] != n:
        msg = (
            f"`groups` must be 1-D with the length of `values` ({n}), "
            f"got shape {g.shape}"
        )
        raise ValueError(msg)
    if g.dtype.kind == "f" and np.isnan(g).any():
        msg = "`groups` must not contain missing labels (NaN)"
        raise ValueError(msg)
    if g.dtype.kind in "mM" and np.isnat(g).any():
        msg = "`groups` must not contain missing labels (NaT)"
        raise ValueError(msg)
    if g.dtype.kind == "O":
        _check_object_labels(g)
    elif g.dtype.kind in "US" and not _same_kind_labels(groups):
        msg = (
            "`groups` labels must be all numbers or all strings, not a mix "
            "(2023 and '2023' would otherwise be merged)"
        )
        raise TypeError(msg)
    try:
        _, codes = np.unique(g, return_inverse=True)
    except TypeError:
        msg = "`groups` labels must be sortable (all numbers or all strings)"
        raise TypeError(msg) from None
    return np.asarray(codes, dtype=np.intp).reshape(n)


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
        If `values` is not numeric or `descending` is not a bool.
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
    r = rank(values, descending=descending, ties=ties, nan_policy=policy, groups=by)
    if r.ties == "dense":
        back = rank(
            values,
            descending=not r.descending,
            ties="dense",
            nan_policy=policy,
            groups=by,
        )
        of = r.rank + back.rank - 1.0
    else:
        of = r.count.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(r.rank / of)
