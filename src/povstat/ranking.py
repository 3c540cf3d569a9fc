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

from typing import Literal

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._results import array_eq, readonly, readonly_float
from povstat._validate import NanPolicy

__all__ = ["Ranking", "Ties", "rank"]

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


_group_codes = _validate.group_codes
