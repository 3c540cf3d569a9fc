r"""Inference for ranks: confidence sets for the ranks of estimates.

How sure is "second lowest in the province"? A region's rank among others
is estimated from survey estimates, so it is uncertain too. This module gives
confidence sets for ranks, marginal (for each region on its own) and
simultaneous (for all regions of a group at once), by the parametric
bootstrap with stepdown of Mogstad, Romano, Shaikh and Wilhelm (2024) or by
deterministic Bonferroni and Šidák adjustments (including the joint region of
Klein, Wright and Wieczorek, 2020); the confidence set for the regions that
may be among the :math:`\tau` best; and, by Monte Carlo, the probability of
each rank under the estimated sampling distribution.

Conventions are those of :func:`povstat.rank`: ``descending`` has no default
(True: rank 1 is the highest value, as press rankings of poverty rates
usually count), ties take
the smallest rank (``ties="min"``: a rank is 1 plus the number of strictly
better values), and ranks are taken within the groups whose labels ``by``
gives (e.g. within each province and year).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
import os
import warnings
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar, Literal, cast

import numpy as np
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.special import ndtri

from povstat import _validate
from povstat._results import Result, array_eq, readonly, readonly_float
from povstat.ranking import Ranking, rank
from povstat.uncertainty import _level
from povstat.units import round_half_up

__all__ = [
    "RankConfidenceSets",
    "RankProbabilities",
    "TauBestSet",
    "rank_confidence_sets",
    "rank_probabilities",
    "tau_best_set",
]

RankMethod = Literal["bootstrap", "bonferroni", "sidak"]
_FloatArray = NDArray[np.floating[Any]]
RankNanPolicy = Literal["omit", "raise"]

_METHODS: tuple[str, ...] = ("bootstrap", "bonferroni", "sidak")
_NAN_POLICIES: tuple[str, ...] = ("omit", "raise")
# Work sizes of the bootstrap kernel, in array elements: one block of pair
# weights (rows x window) and one work array (draws x rows x window). Chosen so
# that the work array (float32) stays in a core's L2 cache.
_BLOCK = 1 << 13
_WORK = 1 << 17
# Largest ratio of standard errors within a group for which the bootstrap
# kernel runs in single precision (relative error about 6e-8 times the ratio).
_SINGLE_RANGE = 1e3
# Smallest padded group size for which the first bootstrap step uses the
# Pareto-front kernel; smaller groups are cheaper by brute force.
_FRONT_MIN = 64
# Below this many (draws x rows x window) entries the kernel uses one thread.
_MIN_THREAD_WORK = 1 << 22
# Draws per chunk in rank_probabilities, times the number of items.
_PROB_WORK = 1 << 20
# Refuse work arrays larger than this (bytes), estimated before allocating.
_MAX_BYTES = 4 * 10**9
# Bytes per (padded) pair of items of the bootstrap's pair arrays (measured
# peak: 58 with `se`, 82 with `cov`) and of rank_probabilities (53).
_BOOTSTRAP_PAIR_BYTES = 64
_COV_PAIR_BYTES = 24
_PROBABILITY_PAIR_BYTES = 56
# Bytes per draw and padded item of the bootstrap's draw arrays (measured
# peak: 24 to 40, from the draws, their padded copy and the row maxima).
_BOOTSTRAP_DRAW_BYTES = 48
# Largest n_draws x items of rank_probabilities, whose draws are taken in
# chunks (memory stays small) at some 10 million items per second.
_MAX_PROBABILITY_WORK = 10**9
# Pairs per block of rows read by the deterministic marginal sets.
_PAIR_BLOCK = 1 << 18


def _need(pairs: int, items: int, per_pair: int, *, draws: int) -> int:
    """Bytes of working memory: the one formula of the memory check.

    `per_pair` bytes per padded pair of items (`pairs`), plus
    :data:`_BOOTSTRAP_DRAW_BYTES` per draw and item when the `draws` of the
    bootstrap are held at once (`items`: the padded items and one more).
    """
    return pairs * per_pair + draws * items * _BOOTSTRAP_DRAW_BYTES


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@frozen(kw_only=True)
class RankConfidenceSets(Result):
    """Confidence sets for ranks: ``{lower, lower + 1, ..., upper}``.

    Attributes
    ----------
    point_rank : ndarray of float64
        Estimated rank within the row's group (1 + number of strictly better
        estimates, the ``ties="min"`` rule). NaN for omitted rows.
    lower, upper : ndarray of float64
        Bounds of the confidence set for the rank; NaN for omitted rows.
    count : ndarray of int64
        Number of items ranked in the row's group (those with an estimate
        and an error), column ``rank_set_count`` in :meth:`to_frame` and
        :func:`povstat.with_rank_sets`.
    critical_value : ndarray of float64
        Critical value of the standardized pairwise differences used for the
        row: its family's bootstrap quantile at the last stepdown step that
        could reject (marginal), its group's (simultaneous), the Bonferroni
        or Šidák pairwise value (marginal), or the z of the adjusted
        individual intervals (simultaneous Bonferroni or Šidák). NaN for a
        group of one.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"bootstrap", "bonferroni", "sidak"}
        How the sets were computed.
    simultaneous : bool
        True: all sets of a group cover all true ranks of that group
        jointly with probability at least `level`; False: each set covers
        its own rank with that probability.
    descending : bool
        True: rank 1 is the highest value; False: the lowest.
    n_draws : int or None
        Bootstrap draws (None for the deterministic methods).
    seed : int or None
        Seed of the bootstrap draws, to reproduce them (None for the
        deterministic methods).

    Examples
    --------
    >>> from povstat import rank_confidence_sets
    >>> cs = rank_confidence_sets([10.0, 7.0, 2.0], se=[0.5, 0.5, 0.5],
    ...                           descending=True, level=0.95,
    ...                           method="bonferroni", simultaneous=False)
    >>> cs.lower, cs.upper
    (array([1., 2., 3.]), array([1., 2., 3.]))
    >>> cs.contains([1, 3, 3])
    array([ True, False,  True])
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "point_rank": "rank",
        "lower": "rank_lower",
        "upper": "rank_upper",
        "count": "rank_set_count",
        "critical_value": "rank_critical_value",
    }

    point_rank: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    count: NDArray[np.int64] = field(converter=readonly, eq=array_eq)
    critical_value: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    level: float
    method: RankMethod
    simultaneous: bool
    descending: bool
    n_draws: int | None
    seed: int | None

    def contains(self, ranks: ArrayLike) -> NDArray[np.bool_]:
        """Whether each row's confidence set contains the given rank.

        Parameters
        ----------
        ranks : array_like
            Ranks, broadcast against the rows.

        Returns
        -------
        ndarray of bool
            ``lower <= ranks <= upper``; False for omitted rows.
        """
        r = _validate.numeric(ranks, "ranks")
        return np.asarray((self.lower <= r) & (r <= self.upper))


@frozen(kw_only=True)
class TauBestSet(Result):
    r"""Confidence set for the items among the :math:`\tau` best of a group.

    Attributes
    ----------
    member : ndarray of bool
        True for the items that may be among the `tau` best (rank
        :math:`\le \tau` in their group) at the stated level; False for
        omitted rows.
    lower : ndarray of float64
        Lower bounds of the simultaneous confidence sets for the ranks that
        decide membership (``member`` is ``lower <= tau``).
    tau : int
        Number of best positions asked about.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"bootstrap", "bonferroni", "sidak"}
        Method of the simultaneous rank sets.
    descending : bool
        True: best means highest; False: lowest.
    n_draws : int or None
        Bootstrap draws (None for the deterministic methods).
    seed : int or None
        Seed of the bootstrap draws (None for the deterministic methods).

    Examples
    --------
    >>> from povstat import tau_best_set
    >>> tb = tau_best_set([3.1, 3.3, 9.0, 12.0], se=[0.4, 0.4, 0.4, 0.4],
    ...                   tau=1, descending=False, level=0.9, method="sidak")
    >>> tb.member
    array([ True,  True, False, False])
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "member": "tau_best_member",
        "lower": "tau_best_lower",
    }

    member: NDArray[np.bool_] = field(converter=readonly, eq=array_eq)
    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    tau: int
    level: float
    method: RankMethod
    descending: bool
    n_draws: int | None
    seed: int | None


@frozen(kw_only=True)
class RankProbabilities(Result):
    """Monte Carlo distribution of the ranks of replicated estimates.

    Attributes
    ----------
    probability : ndarray of float64, shape (n, k)
        ``probability[i, r - 1]``: share of draws in which item `i` has rank
        `r` in its group; `k` is the size of the largest group, and ranks
        beyond an item's own group size have probability 0. NaN rows for
        omitted items.
    best : ndarray of float64
        ``probability[:, 0]``: share of draws in which the item is the best
        (the highest when `descending`, else the lowest) of its group.
    point_rank : ndarray of float64
        Rank of the estimates themselves (``ties="min"``).
    count : ndarray of int64
        Number of items ranked in the row's group.
    descending : bool
        True: rank 1 is the highest value.
    n_draws : int
        Number of Monte Carlo draws.
    seed : int
        Seed of the draws, to reproduce them.

    Examples
    --------
    >>> from povstat import rank_probabilities
    >>> rp = rank_probabilities([5.0, 5.0], se=[1.0, 1.0], descending=True,
    ...                         n_draws=2000, seed=1)
    >>> rp.probability.sum(axis=1)
    array([1., 1.])
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "probability": "rank_probability_{}",
        "best": "rank_probability_best",
        "point_rank": "rank",
        "count": "rank_count",
    }

    probability: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    best: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    point_rank: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    count: NDArray[np.int64] = field(converter=readonly, eq=array_eq)
    descending: bool
    n_draws: int
    seed: int


# --------------------------------------------------------------------------
# Input checks and the padded group layout
# --------------------------------------------------------------------------


class _Bucket:
    """Groups of similar size, padded to a common size `m`.

    Item ``(g, i)`` (group `g` of the bucket, position `i` < size of `g`) is
    ``item[g, i]`` in the valid-item numbering; padding has ``item == -1``.
    Pair arrays have shape ``(G, m, m)``; they are built on first use (the
    bootstrap needs them), while the deterministic methods read the pairs in
    blocks of rows (:meth:`rows`), in memory linear in `m`.
    """

    def __init__(
        self,
        item: NDArray[np.intp],
        size: NDArray[np.intp],
        y: NDArray[np.float64],
        sd: NDArray[np.float64],
        var: NDArray[np.float64],
        cov: NDArray[np.float64] | None,
    ) -> None:
        self.item = item
        self.size = size
        real = item >= 0
        self.real = real
        safe = np.where(real, item, 0)
        self._safe = safe
        self.y = np.where(real, y[safe], 0.0)
        # Standard errors as given (with `cov`, roots of the variances), never
        # squared: a pair's SE is formed per pair (see `rows`).
        self.se = np.where(real, sd[safe], 0.0)
        self._v = np.where(real, var[safe], 0.0)
        self._cov = cov
        self.diagonal = cov is None

    def rows(
        self, i0: int, i1: int
    ) -> tuple[NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64]]:
        """Pairs of rows ``i0:i1`` with every column: ``(pair, inv_sigma, t)``.

        ``pair``: both real and distinct; ``inv_sigma``: 1 / the SE of the
        difference of the two estimates (0 where that SE is 0); ``t``: the
        standardized difference, +-inf for a pair known without error that
        differs, 0 for one surely tied, NaN off the pairs. Each of shape
        ``(G, i1 - i0, m)``.

        Each pair is brought near 1 by its own power of two (that of the
        larger of its two SEs) before any square is formed, so that the SE
        of a pair of small errors never underflows beside large ones, nor
        that of large ones overflows; a difference that overflows is taken
        by halves.
        """
        m = self.item.shape[1]
        real = self.real
        pair = real[:, i0:i1, None] & real[:, None, :]
        pair &= np.arange(i0, i1)[:, None] != np.arange(m)[None, :]
        sd_i = self.se[:, i0:i1, None]
        sd_k = self.se[:, None, :]
        # p = 2**-e with 2**e just above the larger SE of the pair (p = 1
        # for two SEs of 0): exact, and the scaled SEs lie in [0, 1).
        e = np.frexp(np.maximum(sd_i, sd_k))[1]
        if self._cov is None:
            h = np.hypot(np.ldexp(sd_i, -e), np.ldexp(sd_k, -e))
        else:
            safe = self._safe
            c_ik = self._cov[safe[:, i0:i1, None], safe[:, None, :]]
            s2 = (
                np.ldexp(self._v[:, i0:i1, None], -2 * e)
                + np.ldexp(self._v[:, None, :], -2 * e)
                - 2.0 * np.ldexp(c_ik, -2 * e)
            )
            h = np.sqrt(np.maximum(s2, 0.0, out=s2), out=s2)
        with np.errstate(over="ignore", invalid="ignore"):
            diff = self.y[:, i0:i1, None] - self.y[:, None, :]
            halves = 0.5 * self.y[:, i0:i1, None] - 0.5 * self.y[:, None, :]
        big = ~np.isfinite(diff)
        pos = pair & (h > 0)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            num = np.where(big, np.ldexp(halves, 1 - e), np.ldexp(diff, -e))
            # A pair known without error (SE 0) differs surely (+-inf) or
            # is surely tied (0).
            t = np.where(pos, num / np.where(pos, h, 1.0), np.sign(diff) * np.inf)
            inv = np.where(pos, np.ldexp(np.reciprocal(np.where(pos, h, 1.0)), -e), 0)
        t = np.where(pair, np.where(np.isnan(t), 0.0, t), np.nan)
        return pair, inv, t

    @functools.cached_property
    def _full(
        self,
    ) -> tuple[NDArray[np.bool_], NDArray[np.float64], NDArray[np.float64]]:
        """``(pair, inv_sigma, t)`` for all pairs, shape ``(G, m, m)``."""
        return self.rows(0, self.item.shape[1])

    @property
    def pair(self) -> NDArray[np.bool_]:
        """Valid pairs: both items real and distinct."""
        return self._full[0]

    @property
    def inv_sigma(self) -> NDArray[np.float64]:
        """``1 / sigma_ik`` on the pairs with sigma > 0, else 0."""
        return self._full[1]

    @property
    def t(self) -> NDArray[np.float64]:
        """Observed standardized differences (see :meth:`rows`)."""
        return self._full[2]

    @functools.cached_property
    def scale(self) -> NDArray[np.float64]:
        """Largest SE of each group (1 if none), shape ``(G, 1)``.

        The draws of a group are divided by it, so that they lie near 1
        whatever the other groups of the bucket hold.
        """
        big = np.max(self.se, axis=1, keepdims=True, initial=0.0)
        return np.asarray(np.where(big > 0, big, 1.0))

    @functools.cached_property
    def dtype(self) -> type[np.floating[Any]]:
        """Precision of the bootstrap kernel.

        Single precision, unless the pairs' SEs of a group span so many
        orders of magnitude that single precision would lose the statistic
        (then double).
        """
        inv = self.inv_sigma
        if inv.size == 0:
            return np.float32
        with np.errstate(over="ignore", invalid="ignore"):
            ratio = float(np.max(inv * self.scale[:, :, None]))
        return np.float32 if ratio <= _SINGLE_RANGE else np.float64

    def scaled_se(self) -> _FloatArray:
        """SEs divided by their group's `scale`, in the kernel's precision."""
        return np.asarray((self.se / self.scale).astype(self.dtype))

    def kernel_se(self) -> _FloatArray:
        """Scaled SEs as :func:`_pair_norm` takes them (squared in float32).

        Single precision is used only when every nonzero pair SE of a group
        is within a factor 1000 of its largest SE: a scaled SE whose square
        underflows in float32 then belongs to an item whose every pair is
        dominated by the other SE (two such items would make a pair SE far
        below the largest), so the square adds nothing visible, and the
        square root of a sum is cheaper than a hypot. In double precision,
        whose groups may span any range, SEs are combined by hypot, no
        square formed.
        """
        ss = self.scaled_se()
        return np.asarray(ss * ss) if ss.dtype == np.float32 else ss

    def weights(self) -> _FloatArray:
        """``1 / sigma_ik`` for the scaled draws, 0 off the valid pairs.

        For independent estimates computed in the kernel's precision exactly
        as in :func:`_front_range` (``1 / hypot``, no square formed), so both
        kernels see the same statistics.
        """
        if not self.diagonal:
            with np.errstate(over="ignore"):
                w = self.inv_sigma * self.scale[:, :, None]
            return np.asarray(w.astype(self.dtype))
        ss = self.kernel_se()
        norm = _pair_norm(ss[:, :, None], ss[:, None, :])
        np.maximum(norm, np.finfo(self.dtype).tiny, out=norm)
        inv = np.reciprocal(norm)
        return np.asarray(np.where(self.pair, inv, 0.0).astype(self.dtype))


def _pair_norm(a: _FloatArray, b: _FloatArray) -> _FloatArray:
    """SE of a pair from :meth:`_Bucket.kernel_se` values: sqrt(a + b) or hypot.

    Squares (float32) are added under a root; SEs (float64) go through
    hypot. Both kernels combine pairs here, so they see the same weights.
    """
    if a.dtype == np.float32:
        return np.asarray(np.sqrt(np.add(a, b)))
    return np.asarray(np.hypot(a, b))


#: Estimates and errors beyond 2**256 (or all below 2**-256) are scaled.
_SAFE_EXPONENT = 256
#: A group scaled down has its largest finite input brought to [2**199, 2**200).
_SCALED_TOP = 200


def _group_scale(
    x: NDArray[np.float64],
    sd: NDArray[np.float64],
    codes: NDArray[np.intp],
    what: str,
    place: Callable[[int], str] | None = None,
) -> NDArray[np.float64]:
    """Per row, a power of two to multiply its group's estimates and SEs by.

    Ranks and their sets depend on the estimates and their errors only up to
    a common factor within each group (each group is a ranking of its own):
    the standardized differences are unchanged. A group whose finite inputs
    exceed ``2**256`` (SEs of 1e200, estimates of +-1e308, whose differences
    and interval bounds overflow) is brought down to below ``2**200``, and
    one whose inputs all lie below ``2**-256`` (errors of 1e-276) up near 1,
    by a power of two, which is exact. A group within ``2**-256`` to
    ``2**256`` is left as it is (factor 1), and a group's factor never
    depends on the other groups. Squares are never formed of the scaled
    values: pairs are scaled again, each by its own power of two (see
    :meth:`_Bucket.rows`).

    A group scaled down whose smallest nonzero input would then fall below
    ``2**-1022`` (a span of more than ``2**1221``, e.g. 1e308 beside 1e-60)
    is refused (ValueError naming `what`, and the two rows by `place`, by
    default "row i"): no one scaling keeps both ends of it exact in float64.
    Figures shown in the caller's unit (rounded interval bounds) are divided
    by the factor first.
    """
    k = int(codes.max()) + 1 if codes.size else 0
    top = np.zeros(k)
    low = np.full(k, np.inf)
    with np.errstate(invalid="ignore"):
        for a in (np.abs(x), sd):  # NaN (missing) and inf take no part
            ok = np.isfinite(a)
            np.maximum.at(top, codes, np.where(ok, a, 0.0))
            np.minimum.at(low, codes, np.where(ok & (a > 0), a, np.inf))
    exponent = np.frexp(top)[1]
    low_exp = np.frexp(np.where(np.isfinite(low), low, top))[1]
    down = exponent >= _SAFE_EXPONENT
    # Scaled down, the smallest nonzero input must stay normal (>= 2**-1022).
    lost = down & (low_exp + (_SCALED_TOP - exponent) < -1021)
    if lost.any():
        g = int(np.argmax(lost))
        rows = np.flatnonzero(codes == g)
        vals = np.concatenate([np.abs(x[rows]), sd[rows]])
        both = np.concatenate([rows, rows])
        ok = np.isfinite(vals) & (vals > 0)
        hi = int(both[ok][np.argmax(vals[ok])])
        lo = int(both[ok][np.argmin(vals[ok])])
        name = place if place is not None else (lambda i: f"row {i}")
        msg = (
            f"{what}: a group holds figures as far apart as {float(top[g])!r} "
            f"({name(hi)}) and {float(low[g])!r} ({name(lo)}); scaled so that its "
            "large figures cannot overflow, its small ones would fall below "
            "float64's normal range (2**-1022) and lose precision. Rank such "
            "figures in separate groups (`by`) or in a unit that brings them closer"
        )
        raise ValueError(msg)
    up = (top > 0.0) & (exponent <= -_SAFE_EXPONENT)
    # Up: top * factor in [0.5, 1) (subnormal tops: as near as 2**1000
    # goes). Down: top * factor in [2**199, 2**200), so that inputs as small
    # as 2**-800 of the top stay normal.
    shift = np.where(up, np.minimum(-exponent, 1000), 0)
    shift = np.where(down, _SCALED_TOP - exponent, shift)
    factor = np.ldexp(1.0, shift)
    return np.asarray(factor[codes], dtype=np.float64)


class _Problem:
    """Validated inputs in the padded per-group layout."""

    #: How a refusal for the size of the groups names the estimates.
    subject = "`estimates`"

    def __init__(
        self,
        estimates: ArrayLike,
        se: ArrayLike | None,
        cov: ArrayLike | None,
        by: ArrayLike | None,
        descending: object,
        nan_policy: object,
        *,
        pair: str | None = None,
        place: Callable[[int], str] | None = None,
    ) -> None:
        # `pair` and `place`: how a refusal of a group's span names the
        # inputs and their rows (an adapter's columns and index labels).
        self.descending = _validate.flag(descending, "descending")
        policy = _validate.choice(nan_policy, "nan_policy", _NAN_POLICIES)
        x = _validate.finite_or_nan(estimates, "estimates")
        if x.ndim != 1:
            msg = f"`estimates` must be 1-dimensional, got shape {x.shape}"
            raise ValueError(msg)
        n = x.shape[0]
        self.n = n
        c: NDArray[np.float64] | None = None
        if se is not None and cov is None:
            s = _validate.nonnegative(se, "se")
            if s.shape != (n,):
                msg = f"`se` must have the shape of `estimates` {(n,)}, got {s.shape}"
                raise ValueError(msg)
            codes = _group_codes(by, n)
            factor = _group_scale(x, s, codes, pair or "`estimates` and `se`", place)
            x, s = x * factor, s * factor
            # Never squared: `key` orders the items, `sd` is their SE.
            sd = key = var = s
        elif cov is not None and se is None:
            c = _validate.numeric(cov, "cov")
            if c.shape != (n, n):
                msg = f"`cov` must have shape {(n, n)} for {n} estimates, got {c.shape}"
                raise ValueError(msg)
            codes = _group_codes(by, n)
            with np.errstate(invalid="ignore"):
                root = np.sqrt(np.abs(np.diagonal(c)))
            _cov_span(root, codes)
            factor = _group_scale(
                x, root, codes, pair or "`estimates` and `cov`", place
            )
            # One factor at a time: their product may exceed float64's range.
            x, c = x * factor, (c * factor[:, None]) * factor[None, :]
            key = var = np.diagonal(c).copy()
            with np.errstate(invalid="ignore"):
                sd = np.sqrt(np.maximum(var, 0.0))
        else:
            given = "both" if se is not None else "neither"
            msg = f"give exactly one of `se` and `cov`; got {given}"
            raise ValueError(msg)
        missing = np.isnan(x) | np.isnan(var)
        if policy == "raise" and missing.any():
            i = int(np.argmax(missing))
            msg = (
                f"missing value at index {i} of `estimates` or its error, with "
                "nan_policy='raise'"
            )
            raise ValueError(msg)
        keep = ~missing
        if c is not None:
            sub = c[np.ix_(keep, keep)]
            if np.ma.isMaskedArray(cov):
                hidden = np.ma.getmaskarray(cov)[np.ix_(keep, keep)]
                if hidden.any():
                    i, j = (int(a) for a in np.argwhere(hidden)[0])
                    ki, kj = np.flatnonzero(keep)[[i, j]]
                    msg = (
                        "`cov` must be known for the estimates that are ranked, "
                        f"found a masked (missing) entry at cov[{ki}, {kj}]; "
                        "give the covariance, or leave that estimate out (NaN)"
                    )
                    raise ValueError(msg)
            _check_cov(sub)
        self.by = by
        self.x_kept = np.where(keep, x, np.nan)
        self.keep = keep
        valid = np.flatnonzero(keep)
        # Valid items sorted by group, then estimate, then variance (then,
        # with `cov`, the sorted covariances of the row): a canonical order,
        # so that the bootstrap draws each item receives (and hence the sets)
        # do not depend on the order of the rows. The estimate is taken in the
        # ranking's direction, so that ranking -x the other way round gets the
        # same draws. Items that tie on every key are interchangeable; which
        # of them gets which draws still follows the rows, so their results
        # are shared (see `share`).
        directed = x if self.descending else -x
        perm, self.rep = _canonical(
            codes[valid],
            directed[valid],
            key[valid],
            None if c is None else c[np.ix_(valid, valid)],
        )
        order = valid[perm]
        self.order = order  # valid items, canonical order within groups
        # The power of two each item's group was multiplied by, in that order.
        self.factor = factor[order]
        y = x[order] if self.descending else -x[order]
        self.y = y
        var_s = var[order]
        sd_s = sd[order]
        cov_s = None if c is None else c[np.ix_(order, order)]
        self.var = var_s
        self.sd = sd_s
        self.cov = cov_s
        sizes = np.bincount(codes[order]) if order.size else np.zeros(0, np.intp)
        sizes = sizes[sizes > 0]
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
        self.sizes, self.starts = sizes, starts  # per group, canonical order
        self.n_valid = order.size
        # Buckets of groups whose sizes share ceil(log2(size)), padded to the
        # largest size in the bucket: padding at most doubles a side.
        key = np.ceil(np.log2(np.maximum(sizes, 1))).astype(np.intp)
        self.buckets: list[_Bucket] = []
        for k in np.unique(key):  # a handful of size classes, not groups
            gsel = np.flatnonzero(key == k)
            m = int(sizes[gsel].max())
            pos = np.arange(m)
            inside = pos[None, :] < sizes[gsel][:, None]
            item = np.where(inside, starts[gsel][:, None] + pos[None, :], -1)
            self.buckets.append(_Bucket(item, sizes[gsel], y, sd_s, var_s, cov_s))

    def scatter(self, per_bucket: list[NDArray[np.float64]]) -> NDArray[np.float64]:
        """Map per-bucket ``(G, m)`` values back to the caller's rows (NaN pads)."""
        out = np.full(self.n, np.nan)
        for b, vals in zip(self.buckets, per_bucket, strict=True):
            out[self.order[b.item[b.real]]] = vals[b.real]
        return out

    def check_memory(
        self,
        per_pair: int,
        what: str,
        instead: str,
        *,
        draws: int = 0,
        alone: str = "",
        least_draws: int = 1,
    ) -> None:
        """Refuse, before allocating, work that exceeds povstat's memory limit.

        ``per_pair`` bytes per padded pair of items (growing as the square
        of a group), plus :data:`_BOOTSTRAP_DRAW_BYTES` per draw and padded
        item when the `draws` of the bootstrap are held at once, summed
        over the groups (all held at once). Raises ValueError with the
        estimate, its causes and what to do instead: with several groups,
        the call once per group (`alone`: "call rank_confidence_sets")
        where the largest group alone is within the limit, since each group
        takes the draws it would take alone and so gets the same result.
        Only advice that can help is given: smaller groups where the draws
        alone (which splitting the groups does not shrink) are within the
        limit, and fewer draws with the most that fit (at least
        `least_draws`, the fewest the level allows).
        """
        pairs = sum(b.item.shape[0] * b.item.shape[1] ** 2 for b in self.buckets)
        items = sum(int(b.item.size) for b in self.buckets) + 1
        pair_bytes = _need(pairs, items, per_pair, draws=0)
        draw_bytes = _need(0, items, per_pair, draws=draws)
        need = _need(pairs, items, per_pair, draws=draws)
        if need <= _MAX_BYTES:
            return
        largest = max((int(b.size.max()) for b in self.buckets), default=0)
        groups = int(self.sizes.size)
        # The largest group ranked alone: padded to its own size.
        one = _need(largest**2, largest + 1, per_pair, draws=draws)

        def gb(x: int) -> str:
            return f"{x / 1e9:.1f} GB" if x >= 1e8 else f"{x / 1e6:.0f} MB"

        in_groups = f" in {groups:,} groups" if groups > 1 else ""
        # Smaller groups shrink the pairs, never the draws of every item
        # (unpadded where the groups are split evenly).
        if _need(0, self.n_valid + 1, per_pair, draws=draws) < _MAX_BYTES:
            instead = f"{instead}, or rank within smaller groups"
        # The most draws that fit beside the pairs.
        fit = (
            (_MAX_BYTES - pair_bytes) // _need(0, items, per_pair, draws=1)
            if draws and pair_bytes < _MAX_BYTES
            else 0
        )
        if draw_bytes > pair_bytes:
            why = (
                f"n_draws={draws:,} draws of {items - 1:,} items{in_groups}; "
                "the memory grows with n_draws times the number of items"
            )
            if fit >= least_draws:
                instead = f"use fewer draws (n_draws={fit:,} at most), or {instead}"
        elif groups > 1:
            why = (
                f"{groups:,} groups, {items - 1:,} items in all, the largest "
                f"with {largest:,} items; the memory is the sum over the groups, "
                "each growing with the square of its size"
            )
        else:
            why = (
                f"the group has {largest:,} items; the memory grows with the "
                "square of the group size"
            )
        if groups > 1 and alone:
            if one <= _MAX_BYTES:
                instead = (
                    f"{alone} once per group (the rows of one `by` label at a "
                    f"time{'' if self.cov is None else ' and their block of `cov`'}"
                    f", with one `seed` for all; the largest group alone needs "
                    f"about {gb(one)}), which gives the same results, as each "
                    "group takes the draws it would take ranked alone; or "
                    f"{instead}"
                )
            else:
                instead = (
                    f"{instead} (the largest group alone would need about "
                    f"{gb(one)}, so a call per group is above the limit too)"
                )
        arg = "`n_draws`" if draw_bytes > pair_bytes else self.subject
        msg = (
            f"{arg}: {what} for these groups would need about {gb(need)} of "
            f"working memory ({why}), above povstat's limit of "
            f"{f'{_MAX_BYTES / 1e9:.0f} GB' if _MAX_BYTES >= 1e9 else gb(_MAX_BYTES)}"
            f"; {instead}"
        )
        raise ValueError(msg)

    def share(self, values: NDArray[np.float64]) -> NDArray[np.float64]:
        """Give each interchangeable item the value of its class's first item.

        Interchangeable items (the same group, estimate and variance, and
        with `cov` the same covariance with every other item) receive
        different draws in an order that follows the rows; the result of the
        class's first canonical position, a function of the values alone,
        then stands for all of them.
        """
        out = values.copy()
        out[self.order] = values[self.order[self.rep]]
        return out

    def class_mean(self, values: NDArray[np.float64]) -> NDArray[np.float64]:
        """Rows of `values` averaged over each class of interchangeable items."""
        out = values.copy()
        if self.order.size == 0:
            return out
        vals = values[self.order]
        sums = np.zeros_like(vals)
        np.add.at(sums, self.rep, vals)  # in canonical order: by values alone
        sizes = np.bincount(self.rep, minlength=self.rep.size)
        shape = (-1, *([1] * (values.ndim - 1)))
        out[self.order] = sums[self.rep] / sizes[self.rep].reshape(shape)
        return out

    def point_ranks(self) -> Ranking:
        """Point ranks by :func:`povstat.rank` (``ties="min"``), omitted rows NaN."""
        return rank(
            self.x_kept,
            descending=self.descending,
            ties="min",
            nan_policy="omit",
            by=self.by,
        )

    def draws(self, n_draws: int, seed: int) -> NDArray[np.float64]:
        """Centred normal draws ``(n_draws, n_valid)``, covariance of the estimates."""
        return _GroupDraws(self, seed).take(n_draws)


class _GroupDraws:
    """Normal draws for each group as if it were ranked alone with the seed.

    A group of size :math:`s` takes the draws
    ``default_rng(seed).standard_normal((n_draws, s))``, in its canonical
    order, times its standard errors (or times the square root of its block
    of `cov`): the draws of one group do not depend on the other groups in
    the call. Groups of one size share a generator's stream; successive
    calls of :meth:`take` continue it, so draws taken in chunks are the
    draws taken at once.
    """

    def __init__(self, prob: _Problem, seed: int) -> None:
        self.n_valid = prob.n_valid
        self.parts: list[
            tuple[np.random.Generator, NDArray[np.intp], NDArray[np.float64]]
        ] = []
        for size in np.unique(prob.sizes).tolist():  # distinct group sizes: few
            starts = prob.starts[prob.sizes == size]
            cols = starts[:, None] + np.arange(size)  # (groups, size)
            if prob.cov is None:
                scale = prob.sd[cols]  # (groups, size)
            else:
                scale = _sqrt_psd(prob.cov[cols[:, :, None], cols[:, None, :]])
            self.parts.append((np.random.default_rng(seed), cols, scale))

    def take(self, n_draws: int) -> NDArray[np.float64]:
        """The next `n_draws` draws, ``(n_draws, n_valid)``."""
        out = np.empty((n_draws, self.n_valid))
        for rng, cols, scale in self.parts:  # distinct group sizes: few
            e = rng.standard_normal((n_draws, cols.shape[1]))
            if scale.ndim == 2:  # standard errors: (groups, size)
                out[:, cols] = e[:, None, :] * scale[None, :, :]
            else:  # roots of the covariance blocks: (groups, size, size)
                out[:, cols] = np.einsum("ds,gts->dgt", e, scale)
        return out


def _colours(
    codes: NDArray[np.intp],
    directed: NDArray[np.float64],
    var: NDArray[np.float64],
    cov: NDArray[np.float64] | None,
) -> NDArray[np.intp]:
    """Canonical class of each item, numbered in the canonical order.

    Items are ordered by group, estimate (in the ranking's direction) and
    variance. With `cov`, tied items are told apart by their covariances:
    each round, an item's class is refined by the sorted list of (class,
    covariance) of every other item, until no class splits (colour
    refinement); only covariances within a group count. Classes are
    functions of the values alone, so they and their order do not depend on
    the order of the rows, nor on the other groups.
    """
    keys = [var + 0.0, directed + 0.0, codes.astype(np.float64)]  # -0.0 is 0.0
    colour = _runs(np.stack(keys[::-1], axis=1))
    n = colour.size
    if cov is None or n == 0 or int(colour.max()) + 1 == n:
        return colour
    # Covariances with items of other groups do not bear on ranks within a
    # group: left out, so a group is ordered as it would be alone.
    off = ~np.eye(n, dtype=bool) & (codes[:, None] == codes[None, :])
    cv = np.where(off, cov + 0.0, 0.0)
    return _refine(colour, off, cv)


def _refine(
    colour: NDArray[np.intp],
    off: NDArray[np.bool_],
    cv: NDArray[np.float64],
    budget: _Budget | None = None,
) -> NDArray[np.intp]:
    """Colour refinement of `colour` until no class splits.

    `off` marks the pairs whose covariance counts, `cv` holds them (0
    elsewhere). The new classes refine the old ones and keep their order, and
    are numbered by values alone: a permutation of the items permutes them.
    With a `budget`, each round is charged ``4 * n * n`` steps, and refinement
    stops early (its classes then still refine the old ones) once the budget
    is spent.
    """
    n = colour.size
    while True:  # refinement rounds: at most n, in practice a few
        count = int(colour.max()) + 1 if n else 0
        if count == n:
            return colour
        if budget is not None and not budget.charge(4 * n * n + _CALL_STEPS):
            return colour
        cls = np.where(off, colour[None, :], -1).astype(np.float64)
        by = np.lexsort((cv, cls), axis=-1)
        sig = np.concatenate(
            [
                colour[:, None].astype(np.float64),
                np.take_along_axis(cls, by, axis=-1),
                np.take_along_axis(cv, by, axis=-1),
            ],
            axis=1,
        )
        new = _runs(sig)
        if int(new.max()) + 1 == count:
            return colour
        colour = new


#: Most search nodes (orderings tried) spent on one group's ties with `cov`.
_MAX_SEARCH_NODES = 4096
#: Fewer for a large group: nodes times the squared group size stay below this.
_MAX_SEARCH_WORK = 1 << 26
#: Most steps of work (entries compared by refinement, entries relabelled by
#: orbit propagation) spent on one group's ties with `cov`: a count of
#: operations, not a time, so that results do not depend on the machine.
_MAX_SEARCH_STEPS = 1 << 26
#: Steps charged for each array operation on top of its entries (its fixed
#: cost, about that of a thousand entries).
_CALL_STEPS = 1024


class _Budget:
    """Steps of work left for one group's search (shared by its components)."""

    def __init__(self, steps: int | None = None) -> None:
        self.left = _MAX_SEARCH_STEPS if steps is None else steps
        self.spent = False

    def charge(self, steps: int) -> bool:
        """Spend `steps`; False (and from then on spent) when none were left."""
        if self.spent:
            return False
        self.left -= steps
        if self.left < 0:
            self.spent = True
            return False
        return True


def _twins(
    colour: NDArray[np.intp], cv: NDArray[np.float64], budget: _Budget
) -> NDArray[np.intp] | None:
    """Each item's class of interchangeable items, as the class's first item.

    Items `u` and `v` are twins when they have the same class in `colour`
    and the same covariance (`cv`, zero diagonal) with every third item:
    swapping the two alone changes nothing. Twins form equivalence classes
    (the covariances within a class of three or more are then all equal),
    and any permutation within a class is a symmetry of the problem. Each
    item is charged ``k * s`` steps for its `k` candidates among `s` items;
    returns None once the `budget` is spent.
    """
    s = colour.size
    twin = np.arange(s)
    for u in range(s):  # items of one group's search, charged to the budget
        if twin[u] != u:
            continue
        cand = np.flatnonzero(colour[u + 1 :] == colour[u]) + u + 1
        if cand.size == 0:
            continue
        if not budget.charge(cand.size * s + _CALL_STEPS):
            return None
        eq = cv[cand] == cv[u][None, :]
        eq[np.arange(cand.size), u] = True
        eq[np.arange(cand.size), cand] = True
        twin[cand[eq.all(axis=1) & (twin[cand] == cand)]] = u
    return twin


class _Search:
    """Canonical ordering of one group's items that refinement leaves tied.

    Interchangeable items (:func:`_twins`) are first collapsed into one item
    per class, the class's size and inner covariance joining its class in
    `colour`, and again on the collapsed problem until no two items are
    interchangeable: the search then runs over classes, never over the
    orderings within one (which all give the same matrix). Individualization
    and refinement, as in graph canonical labelling (McKay and Piperno,
    2014): the first tied class is split by giving each of its items in turn
    a class of its own, refining, and so on until every item has its own
    class; each such leaf orders the items, and the leaf whose covariance
    matrix (in that order) is least, compared as bytes, is the canonical
    order. The set of leaves, hence the least matrix, does not depend on the
    order of the rows. Two leaves with the same matrix give a symmetry of
    the problem; they join the items into orbits (items that some symmetry
    maps onto one another), and so do the collapsed classes. Every step of
    work (collapsing, refinement, leaves, orbit propagation, candidates
    compared) is charged to `budget`.
    """

    def __init__(
        self,
        colour: NDArray[np.intp],
        cov: NDArray[np.float64],
        budget: _Budget | None = None,
    ) -> None:
        self.steps = _Budget() if budget is None else budget
        self.complete = True
        # `labels[k]`: each item's collapsed item after k rounds of collapse.
        self.labels = [np.arange(colour.size)]
        full = cov + 0.0
        while self.complete:  # rounds of collapse: each one shrinks the problem
            s = colour.size
            cv = np.where(np.eye(s, dtype=bool), 0.0, full)
            twin = _twins(colour, cv, self.steps)
            if twin is None or not self.steps.charge(s * s + _CALL_STEPS):
                self.complete = False
                break
            reps = np.flatnonzero(twin == np.arange(s))
            if reps.size == s:
                break
            cls = np.searchsorted(reps, twin)  # twin[u] is a rep: its index
            size = np.bincount(cls, minlength=reps.size)
            # Covariance within each class (the same for all its pairs), 0
            # for a single item: with the size, it joins the class's colour.
            inner = np.zeros(reps.size)
            mate = np.flatnonzero(twin != np.arange(s))
            inner[cls[mate]] = full[mate, twin[mate]] + 0.0
            keys = [colour[reps], size, inner]
            colour = _runs(np.stack(keys, axis=1).astype(np.float64))
            full = full[np.ix_(reps, reps)]
            self.labels.append(cls[self.labels[-1]])
        s = colour.size
        self.off = ~np.eye(s, dtype=bool)
        self.cv = np.where(self.off, full, 0.0)
        self.full = full
        self.parent = np.arange(s)
        # Leaves by a digest of their matrix (not the matrix: memory).
        self.seen: dict[bytes, NDArray[np.intp]] = {}
        self.budget = max(1, min(_MAX_SEARCH_NODES, _MAX_SEARCH_WORK // (s * s)))
        self.best: bytes | None = None
        self.best_perm = np.argsort(colour, kind="stable")
        self.nodes = 0
        self.autos: list[NDArray[np.intp]] = []
        if self.complete:
            self._visit(colour, [])

    def _find(self, u: int) -> int:
        while self.parent[u] != u:
            self.parent[u] = self.parent[self.parent[u]]
            u = int(self.parent[u])
        return u

    def _union(self, u: int, v: int) -> None:
        a, b = self._find(u), self._find(v)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def _orbits(self, path: list[int]) -> NDArray[np.intp]:
        """Orbit labels under the symmetries found that fix every item of `path`."""
        lab = np.arange(self.cv.shape[0])
        if not self.autos:
            return lab
        if not self.steps.charge(len(self.autos) * (len(path) + 1) + _CALL_STEPS):
            self.complete = False
            return lab
        fixes = np.stack(self.autos)[:, path] == np.asarray(path, dtype=np.intp)
        gens = [self.autos[i] for i in np.flatnonzero(fixes.all(axis=1)).tolist()]
        changed = bool(gens)
        while changed:  # label propagation: a few rounds
            changed = False
            if not self.steps.charge(len(gens) * (lab.size + _CALL_STEPS)):
                self.complete = False
                return lab
            for g in gens:
                low = np.minimum(lab, lab[g])
                np.minimum.at(low, g, low)  # both ends of each move
                low = np.minimum(low, low[g])
                if (low != lab).any():
                    lab, changed = low, True
        return lab

    def _visit(self, colour: NDArray[np.intp], path: list[int]) -> None:
        self.nodes += 1
        if self.nodes > self.budget or self.steps.spent:
            self.complete = False
            return
        colour = _refine(colour, self.off, self.cv, self.steps)
        if self.steps.spent:
            self.complete = False
            return
        counts = np.bincount(colour)
        if counts.max() == 1:
            if not self.steps.charge(colour.size**2 + _CALL_STEPS):
                self.complete = False
                return
            perm = np.argsort(colour)
            key = self.full[np.ix_(perm, perm)].tobytes()
            digest = hashlib.blake2b(key, digest_size=32).digest()
            first = self.seen.get(digest)
            if first is None:
                self.seen[digest] = perm
            else:  # a symmetry: the item at each position maps to the other's
                g = np.empty_like(perm)
                g[first] = perm
                if len(self.autos) < _MAX_SEARCH_NODES:
                    self.autos.append(g)
                for u, v in zip(first.tolist(), perm.tolist(), strict=True):
                    self._union(u, v)
            if self.best is None or key < self.best:
                self.best, self.best_perm = key, perm
            return
        cell = int(np.argmax(counts > 1))  # first tied class, by values alone
        tried: list[int] = []
        for v in np.flatnonzero(colour == cell).tolist():
            # Items that a symmetry found, fixing the items already set apart
            # on this path, maps onto one tried lead to the same leaves
            # (McKay and Piperno); no two items are interchangeable here.
            if tried:
                lab = self._orbits(path)
                if not self.complete or not self.steps.charge(len(tried) + 1):
                    self.complete = False
                    return
                if (lab[tried] == lab[v]).any():
                    continue
            tried.append(v)
            split = 2 * colour
            split[v] -= 1  # v alone, just before the rest of its class
            self._visit(_runs(split[:, None].astype(np.float64)), [*path, v])
            if not self.complete:
                return

    @property
    def order(self) -> NDArray[np.intp]:
        """The items in canonical order (partly in row order if cut short)."""
        return self._expanded()[0]

    def orbit_rep(self) -> NDArray[np.intp]:
        """Per canonical position, the first canonical position of its orbit."""
        order, root = self._expanded()
        _, first, inv = np.unique(root[order], return_index=True, return_inverse=True)
        return first[inv].astype(np.intp)

    def _expanded(self) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """The items in canonical order and each item's orbit root.

        Collapsed items are laid out in the order found, each one's items
        kept together at every round of collapse (their order among
        themselves changes no matrix: they are interchangeable).
        """
        pos = np.empty_like(self.best_perm)
        pos[self.best_perm] = np.arange(self.best_perm.size)
        top = self.labels[-1]
        roots = np.array(
            [self._find(u) for u in range(self.parent.size)], dtype=np.intp
        )
        order = np.lexsort((*self.labels[:-1], pos[top]))
        return order.astype(np.intp), roots[top]


def _canonical(
    codes: NDArray[np.intp],
    directed: NDArray[np.float64],
    var: NDArray[np.float64],
    cov: NDArray[np.float64] | None,
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Canonical order of the items and, per position, its class's first position.

    Colour refinement (:func:`_colours`) orders the items by values alone;
    items it leaves tied that are interchangeable share a class
    (:func:`_tie_classes`). With `cov`, a group where refinement leaves tied
    items that are not interchangeable is ordered by :class:`_Search`, and
    its classes are the orbits of the symmetries of the problem. Returns
    ``(perm, rep)``: ``perm`` orders the items; ``rep[p]`` is the first
    position of position `p`'s class. A search cut short at
    :data:`_MAX_SEARCH_NODES` warns (RuntimeWarning) that the order among
    the tied items then follows the rows.
    """
    colour = _colours(codes, directed, var, cov)
    perm = np.argsort(colour, kind="stable")
    sc = colour[perm]
    cs = None if cov is None else cov[np.ix_(perm, perm)]
    rep = _tie_classes(sc, cs, codes[perm])
    if cs is None or sc.size == 0:
        return perm, rep
    pos = np.arange(sc.size)
    start = np.ones(sc.size, dtype=bool)
    start[1:] = sc[1:] != sc[:-1]
    tied = ~start  # a position tied with the one before it
    open_ = tied & (rep == pos)  # tied but not interchangeable with the first
    g_codes = codes[perm]
    for g in np.unique(g_codes[open_]).tolist():  # groups with such ties: rare
        idx = np.flatnonzero(g_codes == g)
        order, orbit, complete = _order_group(sc[idx], cs[np.ix_(idx, idx)])
        if not complete:
            msg = (
                f"`cov`: a group of {idx.size} rows has tied estimates and "
                "variances whose covariance pattern needed more work than the "
                f"search allows ({_MAX_SEARCH_NODES} orderings compared, or "
                f"{_MAX_SEARCH_STEPS} steps of refinement and bookkeeping) to "
                "order them by "
                "values alone; among those rows the bootstrap draws follow the "
                "order of the rows, so their results may change with it"
            )
            warnings.warn(msg, RuntimeWarning, stacklevel=4)
        perm[idx] = perm[idx][order]
        rep[idx] = idx[0] + orbit
    return perm, rep


def _order_group(
    colour: NDArray[np.intp], cov: NDArray[np.float64]
) -> tuple[NDArray[np.intp], NDArray[np.intp], bool]:
    """Canonical order of one group's items, its orbits, and whether complete.

    `colour`: the items' refined classes (sorted), `cov` their covariances.
    A group whose nonzero covariances join all its items is ordered by
    :class:`_Search`. Otherwise each connected component (of the graph of
    nonzero covariances) is ordered on its own, components are sorted by
    their canonical form (size, classes and covariance matrix in canonical
    order, compared as bytes), and the items are ordered by class, then
    component, then position in their component. Components with the same
    form are exchanged by a symmetry (their cross-covariances are zero), so
    items at the same canonical position of such components share an orbit.
    Returns ``(order, orbit, complete)``: ``orbit[p]`` is the first position
    of position `p`'s orbit; `complete` is False when the work budget
    (:class:`_Budget`, shared by the components) ran out.
    """
    s = colour.size
    adj = (cov != 0.0) & ~np.eye(s, dtype=bool)
    n_comp, comp = connected_components(csr_matrix(adj), directed=False)
    budget = _Budget()
    if n_comp == 1:
        search = _Search(colour, cov, budget)
        return search.order, search.orbit_rep(), search.complete
    size = np.bincount(comp, minlength=n_comp)
    # Per item: position within its component's canonical order, and the
    # first such position of its orbit within the component.
    inpos = np.zeros(s, dtype=np.intp)
    inorb = np.zeros(s, dtype=np.intp)
    forms: list[bytes] = [b""] * n_comp
    complete = True
    single = size[comp] == 1
    for c in np.flatnonzero(size > 1).tolist():  # components with ties: few
        members = np.flatnonzero(comp == c)
        # Each component's classes cost about its size squared, counted too.
        if not budget.charge(members.size**2 + _CALL_STEPS):
            complete = False
        col, sub = colour[members], cov[np.ix_(members, members)]
        p0 = np.argsort(col, kind="stable")
        c0 = col[p0]
        s0 = sub[np.ix_(p0, p0)]
        r0 = _tie_classes(c0, s0, np.zeros(c0.size, dtype=np.intp))
        tied = np.ones(c0.size, dtype=bool)
        tied[0] = False
        tied[1:] = c0[1:] == c0[:-1]
        if (tied & (r0 == np.arange(c0.size))).any():
            search = _Search(col, sub, budget)
            complete = complete and search.complete
            p0, r0 = search.order, search.orbit_rep()
            c0 = col[p0]
            s0 = sub[np.ix_(p0, p0)]
        inpos[members[p0]] = np.arange(members.size)
        inorb[members[p0]] = r0
        head = np.array([members.size], dtype=np.int64).tobytes()
        forms[c] = head + c0.astype(np.int64).tobytes() + (s0 + 0.0).tobytes()
    # Lone items (no nonzero covariance in the group): form = class, variance.
    lone = np.flatnonzero(single)
    for i, v in zip(
        lone.tolist(), (np.diagonal(cov)[lone] + 0.0).tolist(), strict=True
    ):
        forms[int(comp[i])] = (
            np.array([1, colour[i]], dtype=np.int64).tobytes() + np.array([v]).tobytes()
        )
    # Rank of each component's form (ties: isomorphic components).
    uniq = sorted(set(forms))
    form_id = {f: k for k, f in enumerate(uniq)}
    fclass = np.array([form_id[f] for f in forms], dtype=np.intp)
    fsort = np.lexsort((np.arange(n_comp), fclass))
    crank = np.empty(n_comp, dtype=np.intp)
    crank[fsort] = np.arange(n_comp)
    order = np.lexsort((inpos, crank[comp], colour))
    label = (fclass[comp] * s + inorb)[order]
    _, first, inv = np.unique(label, return_index=True, return_inverse=True)
    return order, first[inv].astype(np.intp), complete


def _runs(rows: NDArray[np.float64]) -> NDArray[np.intp]:
    """Rank of each row among the distinct rows, in lexicographic order."""
    order = np.lexsort(rows.T[::-1])
    s = rows[order]
    new = np.ones(order.size, dtype=bool)
    new[1:] = (s[1:] != s[:-1]).any(axis=1)
    out = np.empty(order.size, dtype=np.intp)
    out[order] = np.cumsum(new) - 1
    return out


def _tie_classes(
    colour: NDArray[np.intp],
    cs: NDArray[np.float64] | None,
    group: NDArray[np.intp],
) -> NDArray[np.intp]:
    """First canonical position of each position's class of interchangeable items.

    `colour` holds the items' classes in canonical order, `cs` the
    covariance matrix in that order. A run of positions of one class is one
    class of interchangeable items when swapping any two of them leaves the
    problem unchanged: with `cov`, equal covariances with every other item
    of the group (`group`: each position's group). A run that fails this
    (a covariance pattern with a symmetry that also moves other items)
    keeps one class per item.
    """
    n = colour.size
    pos = np.arange(n)
    if n == 0:
        return pos
    start = np.ones(n, dtype=bool)
    start[1:] = colour[1:] != colour[:-1]
    rep = np.maximum.accumulate(np.where(start, pos, 0))
    if cs is None:
        return rep
    # A run is interchangeable when each member can swap with the run's
    # first item: equal covariances with every other item. The swaps with
    # one item generate all permutations of the run.
    q = np.flatnonzero(rep != pos)
    r = rep[q]
    differs = (cs[q] != cs[r]) & (group[None, :] == group[q][:, None])
    differs[np.arange(q.size), q] = False
    differs[np.arange(q.size), r] = False
    bad_runs = np.unique(r[differs.any(axis=1)])
    broken = np.isin(rep, bad_runs)
    rep[broken] = pos[broken]
    return rep


#: Largest span (as a power of two) of a group's nonzero standard errors
#: with `cov`: their squares, the variances, then span at most 2**960.
_MAX_COV_SPAN = 480


def _cov_span(root: NDArray[np.float64], codes: NDArray[np.intp]) -> None:
    """Refuse a group whose nonzero variances in `cov` span more than 2**960.

    `root`: square roots of the diagonal. The SE of a difference is formed
    from variances and covariances, which are squares; a group whose
    variances lie further apart than ``2**960`` (standard errors more than
    ``2**480``, about 3e144, apart) cannot have all of them normal float64
    numbers at once, so the small ones would lose their precision.
    """
    k = int(codes.max()) + 1 if codes.size else 0
    if k == 0:
        return
    ok = np.isfinite(root) & (root > 0)
    top = np.zeros(k)
    low = np.full(k, np.inf)
    np.maximum.at(top, codes, np.where(ok, root, 0.0))
    np.minimum.at(low, codes, np.where(ok, root, np.inf))
    span = np.frexp(top)[1] - np.frexp(np.where(np.isfinite(low), low, top))[1]
    if int(span.max()) <= _MAX_COV_SPAN:
        return
    g = int(np.argmax(span))
    rows = np.flatnonzero((codes == g) & ok)
    hi = int(rows[np.argmax(root[rows])])
    lo = int(rows[np.argmin(root[rows])])
    msg = (
        f"`cov`: the nonzero variances of a group must lie within a factor "
        f"2**{2 * _MAX_COV_SPAN} (about 1e289) of one another for the standard "
        "errors of their differences to be computed exactly in float64, found "
        f"cov[{hi}, {hi}] = {float(root[hi]) ** 2!r} and cov[{lo}, {lo}] = "
        f"{float(root[lo]) ** 2!r} in one group; give standard errors (`se`) for "
        "independent estimates, or rank such figures in separate groups (`by`)"
    )
    raise ValueError(msg)


def _check_cov(c: NDArray[np.float64]) -> None:
    """Raise unless `c` is finite, symmetric and positive semi-definite."""
    if c.size == 0:
        return
    if not np.isfinite(c).all():
        msg = "`cov` must be finite for the estimates that are ranked"
        raise ValueError(msg)
    scale = float(np.max(np.abs(c)))
    asym = np.abs(c - c.T)
    if float(asym.max()) > 1e-10 * max(scale, 1e-300):
        i, j = np.unravel_index(int(np.argmax(asym)), c.shape)
        msg = (
            f"`cov` must be symmetric, found cov[{i}, {j}] = {float(c[i, j])!r} "
            f"but cov[{j}, {i}] = {float(c[j, i])!r}"
        )
        raise ValueError(msg)
    eig = np.linalg.eigvalsh((c + c.T) / 2.0)
    tol = 1e-10 * max(float(np.max(np.abs(eig))), 1e-300) * c.shape[0]
    if float(eig.min()) < -tol:
        msg = (
            "`cov` must be positive semi-definite (a covariance matrix), found "
            f"smallest eigenvalue {float(eig.min())!r}"
        )
        raise ValueError(msg)


def _sqrt_psd(c: NDArray[np.float64]) -> NDArray[np.float64]:
    """Symmetric square root S (S @ S == c) of PSD `c`, or of a stack of them.

    ``S = V sqrt(L) V^T`` from the eigendecomposition ``c = V L V^T``: unlike
    a factor built from the eigenvectors alone, it does not depend on the
    basis chosen within a repeated eigenvalue, and a permutation of the rows
    and columns of `c` permutes it alike.
    """
    sym = (c + np.swapaxes(c, -1, -2)) / 2.0
    w, v = np.linalg.eigh(sym)
    root = v * np.sqrt(np.maximum(w, 0.0))[..., None, :]
    return np.asarray(root @ np.swapaxes(v, -1, -2))


def _group_codes(by: ArrayLike | None, n: int) -> NDArray[np.intp]:
    """Integer group codes 0..G-1 (per row); every row in one group if None.

    The same rules as :func:`povstat.rank` (missing or mixed labels raise),
    so point ranks and rank sets always agree on the groups.
    """
    from povstat.ranking import _group_codes as ranking_codes

    if by is not None:
        by = _validate.labels(by)  # nested, missing or mixed labels named
    if by is not None and np.shape(by) != (n,):
        msg = f"`by` must have the shape of `estimates` {(n,)}, got {np.shape(by)}"
        raise ValueError(msg)
    return ranking_codes(by, n)


def _min_draws(level: float) -> int:
    """Fewest bootstrap draws accepted at `level`: 10 beyond the quantile.

    With fewer draws the estimated critical value is too noisy and the sets
    under-cover (with 20 draws at level 0.9, joint coverage near 0.87).
    """
    return math.ceil(10.0 / (1.0 - level) - 1e-9)


def _check_draws(draws: int, level: float) -> None:
    least = _min_draws(level)
    if draws < least:
        msg = (
            f"`n_draws` must be at least {least} at level {level:g} (10 / (1 - "
            f"level)) for a usable critical value, got {draws}"
        )
        raise ValueError(msg)


def _draw_settings(n_draws: object, seed: object) -> tuple[int, int]:
    """Check `n_draws` and `seed`; draw and return a fresh seed if None."""
    n_draws = _validate.positive_int(n_draws, "n_draws")
    seed = _validate.scalar(seed)  # a 0-d array stands for its value
    if seed is None:
        entropy = np.random.SeedSequence().entropy
        seed = entropy if isinstance(entropy, int) else 0
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        msg = f"`seed` must be an int or None, got {_validate.shown(seed)}"
        raise TypeError(msg)
    if seed < 0:
        msg = f"`seed` must be >= 0, got {_validate.shown(seed)}"
        raise ValueError(msg)
    return int(n_draws), int(seed)


# --------------------------------------------------------------------------
# Bootstrap kernel: per draw, the max over a row's entries of the
# standardized pair statistic, in cache-sized blocks, never materialising
# draws x pairs.
# --------------------------------------------------------------------------


def _row_max(
    zp: _FloatArray,
    w_pos: _FloatArray,
    w_neg: _FloatArray | None,
    g_sel: NDArray[np.intp],
    i_sel: NDArray[np.intp],
    *,
    upper_only: bool,
) -> _FloatArray:
    """Per draw and selected row ``(g, i)``: max over k of f(Z_gi - Z_gk).

    ``f(d) = max(d * w_pos, d * w_neg)`` entrywise (``|d * w_pos|`` when
    `w_neg` is None), so that a two-sided entry has ``w_neg = -w_pos`` and a
    one-sided one ``w_neg = w_pos``; an entry with weight 0 contributes 0.
    With `upper_only` only columns k > i are read (weights below must be 0).
    Returns an array of shape ``(n_draws, len(i_sel))``. Draws are split
    among threads; each writes its own rows of the result, so the result does
    not depend on the number of threads.
    """
    r, _, m = zp.shape
    out = np.empty((r, i_sel.size), dtype=zp.dtype)
    _over_draws(
        functools.partial(_row_max_range, zp, w_pos, w_neg, g_sel, i_sel, upper_only),
        out,
        work=r * i_sel.size * m,
    )
    return out


def _over_draws(
    task: Callable[[_FloatArray, int, int], None], out: _FloatArray, *, work: int
) -> None:
    """Run ``task(out, lo, hi)`` over ranges of draws, in threads if worth it.

    Each range writes its own rows of `out`, so the result does not depend on
    the number of threads.
    """
    r = out.shape[0]
    n_threads = min(_threads(), max(1, work // _MIN_THREAD_WORK), r)
    if n_threads <= 1:
        task(out, 0, r)
        return
    bounds = np.linspace(0, r, n_threads + 1).astype(int)
    with ThreadPoolExecutor(max_workers=n_threads) as pool:
        jobs = [
            pool.submit(task, out, lo, hi)
            for lo, hi in itertools.pairwise(bounds.tolist())
        ]
        for job in jobs:
            job.result()


def _threads() -> int:
    """Number of worker threads for the bootstrap kernel: the usable CPUs, <= 8."""
    if hasattr(os, "sched_getaffinity"):
        usable = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - platforms without CPU affinity
        usable = os.cpu_count() or 1
    return max(1, min(8, usable))


def _row_max_range(
    zp: _FloatArray,
    w_pos: _FloatArray,
    w_neg: _FloatArray | None,
    g_sel: NDArray[np.intp],
    i_sel: NDArray[np.intp],
    upper_only: bool,
    out: _FloatArray,
    d_lo: int,
    d_hi: int,
) -> None:
    """:func:`_row_max` for draws ``d_lo:d_hi``, written into `out`."""
    _, n_groups, m = zp.shape
    n_rows = i_sel.size
    b_max = max(1, _BLOCK // m)
    single = n_groups == 1
    for start in range(0, n_rows, b_max):  # blocks of rows (work chunks)
        stop = min(n_rows, start + b_max)
        gb = g_sel[start:stop]
        ib = i_sel[start:stop]
        col0 = int(ib.min()) + 1 if (upper_only and single) else 0
        wp = w_pos[gb, ib, col0:]
        wn = None if w_neg is None else w_neg[gb, ib, col0:]
        b, width = wp.shape
        c = max(1, min(d_hi - d_lo, _WORK // (b * width)))
        buf = np.empty((c, b, width), dtype=zp.dtype)
        tmp = buf if wn is None else np.empty_like(buf)
        for d0 in range(d_lo, d_hi, c):  # chunks of draws
            d1 = min(d_hi, d0 + c)
            zc = zp[d0:d1]
            own = zc[:, gb, ib][:, :, None]
            win = zc[:, gb[0], None, col0:] if single else zc[:, gb, col0:]
            dd = buf[: d1 - d0]
            np.subtract(own, win, out=dd)
            if wn is None:
                dd *= wp
                np.abs(dd, out=dd)
            else:
                tt = tmp[: d1 - d0]
                np.multiply(dd, wn, out=tt)
                dd *= wp
                np.maximum(dd, tt, out=dd)
            dd.max(axis=2, out=out[d0:d1, start:stop])


def _front_row_max(
    zp: _FloatArray,
    b: _Bucket,
    g_sel: NDArray[np.intp],
    i_sel: NDArray[np.intp],
) -> _FloatArray:
    """:func:`_row_max` with all entries two-sided, for independent estimates.

    Per draw, ``max_k |Z_i - Z_k| / sigma_ik`` is the larger of the upward
    part ``max_k (Z_k - Z_i) / sigma_ik`` and the downward part. When
    positive, the upward part is attained on the Pareto front of the points
    ``(Z_k, se_k)`` with high Z and low SE: a point k dominated by k'
    (``Z_k' >= Z_k > Z_i`` and ``se_k' <= se_k``) has the larger numerator and
    the smaller ``sigma_ik' = sqrt(se_k'^2 + se_i^2)``. Likewise downward with
    low Z. A front of n random points has about ln(n) members, so this costs
    O(n log n) per draw instead of O(n^2), with the same weights as
    :meth:`_Bucket.weights`.
    """
    r, g_n, m = zp.shape
    out = np.empty((r, i_sel.size), dtype=zp.dtype)
    # Scaled SEs in the kernel's precision, in SE order within each
    # group (padding last, as +inf: an empty candidate slot gets weight 0).
    order = np.argsort(np.where(b.real, b.se, np.inf), axis=1, kind="stable")
    real_s = np.take_along_axis(b.real, order, axis=1)
    v = b.kernel_se()
    v_s = np.where(real_s, np.take_along_axis(v, order, axis=1), np.inf)
    _over_draws(
        functools.partial(
            _front_range, zp, v, v_s.astype(v.dtype), order, real_s, g_sel, i_sel
        ),
        out,
        work=r * g_n * m * 16,
    )
    return out


def _front_range(
    zp: _FloatArray,
    v: _FloatArray,
    v_s: _FloatArray,
    order: NDArray[np.intp],
    real_s: NDArray[np.bool_],
    g_sel: NDArray[np.intp],
    i_sel: NDArray[np.intp],
    out: _FloatArray,
    d_lo: int,
    d_hi: int,
) -> None:
    """:func:`_front_row_max` for draws ``d_lo:d_hi``, written into `out`."""
    _, g_n, m = zp.shape
    c = max(1, min(d_hi - d_lo, _WORK // (g_n * m * 16)))
    tiny = np.finfo(zp.dtype).tiny
    v_i = v[None, None]
    for d0 in range(d_lo, d_hi, c):  # chunks of draws
        d1 = min(d_hi, d0 + c)
        z = zp[d0:d1]
        zs = np.take_along_axis(z, order[None], axis=2)
        parts = []
        for sign in (1.0, -1.0):  # upward front, then downward
            key = np.where(real_s[None], sign * zs, -np.inf)
            prev = np.empty_like(key)
            prev[..., 0] = -np.inf
            np.maximum.accumulate(key[..., :-1], axis=2, out=prev[..., 1:])
            cand = real_s[None] & (key >= prev)
            k = int(cand.sum(axis=2).max())
            slot = (np.cumsum(cand, axis=2) - 1)[cand]
            d_i, g_i, _ = np.nonzero(cand)
            # Candidates on a leading axis: the max over them is then an
            # elementwise max of contiguous slabs.
            c_z = np.zeros((k, d1 - d0, g_n, 1), dtype=z.dtype)
            c_v = np.full((k, d1 - d0, g_n, 1), np.inf, dtype=z.dtype)
            c_z[slot, d_i, g_i, 0] = zs[cand]
            c_v[slot, d_i, g_i, 0] = np.broadcast_to(v_s[None], cand.shape)[cand]
            # Weights 1 / (SE of the pair), combined as in _Bucket.weights
            # (_pair_norm); a pair without error has difference 0, weight
            # finite.
            w = _pair_norm(c_v, v_i)
            np.maximum(w, tiny, out=w)
            np.reciprocal(w, out=w)
            d = np.subtract(c_z, z[None]) if sign > 0 else np.subtract(z[None], c_z)
            d *= w
            parts.append(d.max(axis=0))
        out[d0:d1] = np.maximum(parts[0], parts[1])[:, g_sel, i_sel]


def _padded_draws(z: NDArray[np.float64], b: _Bucket) -> _FloatArray:
    """Draws / their group's scale in the ``(n_draws, G, m)`` layout; padding is 0."""
    ext = np.concatenate([z, np.zeros((z.shape[0], 1))], axis=1)
    idx = np.where(b.real, b.item, z.shape[1])
    return np.ascontiguousarray((ext[:, idx] / b.scale[None]).astype(b.dtype))


def _quantile(x: _FloatArray, level: float) -> NDArray[np.float64]:
    """Column quantiles at `level` (linear interpolation, R's type 7)."""
    return np.asarray(np.quantile(np.asarray(x, dtype=np.float64), level, axis=0))


def _pruned_quantiles(
    bound: _FloatArray,
    level: float,
    exact: Callable[[NDArray[np.bool_], NDArray[np.intp]], _FloatArray],
) -> tuple[NDArray[np.float64], _FloatArray]:
    """Column quantiles of a statistic known only through upper bounds.

    A stepdown step removes hypotheses from a family, so per draw its new
    statistic is at most the previous one (`bound`, shape (draws, families)).
    The quantile at `level` depends only on the draws at and above it, so the
    statistic is computed exactly (``exact(need, columns)`` returns it where
    `need` is True) only for draws whose bound reaches a threshold `tau`,
    first the `1 - 2 (1 - level)` quantile of the bounds. Every other draw is
    surely below `tau`; if no more than ``floor(level * (draws - 1))`` draws
    lie below `tau`, the two order statistics the quantile interpolates are
    exact values above it and the result equals the quantile of the exact
    statistic. Otherwise `tau` is lowered, at worst to include every draw.
    Returns the quantiles and the updated bounds (exact where computed).
    """
    r, n_fam = bound.shape
    ub = bound.copy()
    done = np.zeros(ub.shape, dtype=bool)
    crit = np.full(n_fam, np.nan)
    lo_pos = int(np.floor(level * (r - 1)))
    alpha = 1.0 - level
    pending = np.arange(n_fam)
    for q in (level - alpha, level - 3.0 * alpha, 0.0):
        if pending.size == 0:
            break
        sub = ub[:, pending]
        if q > 0:
            tau = np.quantile(sub.astype(np.float64), q, axis=0)
        else:
            tau = np.full(pending.size, -np.inf)
        need = (sub >= tau) & ~done[:, pending]
        sub = np.where(need, exact(need, pending), sub)
        ub[:, pending] = sub
        done[:, pending] |= need
        ok = (sub < tau).sum(axis=0) <= lo_pos
        # Draws below tau only fill the low positions: any stand-in below tau
        # gives the same order statistics at lo_pos and above.
        stand_in = np.where(np.isfinite(tau), tau - 1.0, 0.0)
        mod = np.where(sub[:, ok] >= tau[ok], sub[:, ok], stand_in[ok])
        crit[pending[ok]] = _quantile(mod, level)
        pending = pending[~ok]
    return crit, ub


def _triple_row_max(
    zp: _FloatArray,
    w_pos: _FloatArray,
    w_neg: _FloatArray,
    d_sel: NDArray[np.intp],
    g_sel: NDArray[np.intp],
    i_sel: NDArray[np.intp],
) -> _FloatArray:
    """:func:`_row_max` for listed (draw, row) pairs; returns one value each."""
    out = np.empty(d_sel.size, dtype=zp.dtype)
    m = zp.shape[2]

    def task(res: _FloatArray, lo: int, hi: int) -> None:
        step = max(1, _WORK // m)
        for p0 in range(lo, hi, step):  # chunks of (draw, row) pairs
            p1 = min(hi, p0 + step)
            d, g, i = d_sel[p0:p1], g_sel[p0:p1], i_sel[p0:p1]
            dd = zp[d, g, i][:, None] - zp[d, g, :]
            tt = dd * w_neg[g, i, :]
            dd *= w_pos[g, i, :]
            np.maximum(dd, tt, out=dd)
            dd.max(axis=1, out=res[p0:p1])

    _over_draws(task, out, work=d_sel.size * m)
    return out


def _bootstrap_marginal(
    b: _Bucket, zp: _FloatArray, level: float
) -> tuple[NDArray[np.bool_], NDArray[np.bool_], NDArray[np.float64]]:
    """Stepdown marginal sets of Mogstad et al. (2024), every row at once.

    Family of item i: the hypotheses "theta_i <= theta_k" and "theta_k <=
    theta_i" for all k in its group. Returns ``(above, below, crit)``:
    ``above[g, i, k]``: i proved better than k; ``below[g, i, k]``: k proved
    better than i; ``crit[g, i]``: last critical value.
    """
    g_n, m = b.item.shape
    above = np.zeros((g_n, m, m), dtype=bool)
    below = np.zeros((g_n, m, m), dtype=bool)
    crit = np.full((g_n, m), np.nan)
    active = b.real & b.pair.any(axis=2)
    inv = b.weights()
    # Per draw and row, the statistic of the row's family at its last step:
    # an upper bound for every later step.
    last = np.zeros((zp.shape[0], g_n, m), dtype=zp.dtype)
    first = True
    while active.any():
        g_sel, i_sel = np.nonzero(active)
        two = b.pair & ~above & ~below
        if first:
            if b.diagonal and m >= _FRONT_MIN:
                mx = _front_row_max(zp, b, g_sel, i_sel)
            else:
                mx = _row_max(zp, inv, None, g_sel, i_sel, upper_only=False)
            c = _quantile(mx, level)
        else:
            # Where i was proved better than k, "theta_k <= theta_i" is kept,
            # statistic (Z_k - Z_i)/sigma: weight -1/sigma. Where k was proved
            # better, "theta_i <= theta_k" is kept: +1/sigma. Two-sided
            # entries take the absolute value.
            w_pos = np.where(above, -inv, inv)
            w_neg = np.where(two, -w_pos, w_pos)

            exact = functools.partial(_exact_marginal, zp, w_pos, w_neg, g_sel, i_sel)
            c, mx = _pruned_quantiles(last[:, g_sel, i_sel], level, exact)
        last[:, g_sel, i_sel] = mx
        crit[g_sel, i_sel] = c
        t = b.t[g_sel, i_sel]
        two_rows = two[g_sel, i_sel]
        new_above = two_rows & (t > c[:, None])
        new_below = two_rows & (t < -c[:, None])
        above[g_sel, i_sel] |= new_above
        below[g_sel, i_sel] |= new_below
        changed = (new_above | new_below).any(axis=1)
        left = (two_rows & ~new_above & ~new_below).any(axis=1)
        active = np.zeros_like(active)
        active[g_sel, i_sel] = changed & left
        first = False
    return above, below, crit


def _bootstrap_simultaneous(
    b: _Bucket, zp: _FloatArray, level: float
) -> tuple[NDArray[np.bool_], NDArray[np.float64]]:
    """Stepdown simultaneous sets of Mogstad et al. (2024), every group at once.

    Family of group g: "theta_i <= theta_k" for all ordered pairs in g.
    Returns ``(better, crit)``: ``better[g, i, k]``: i proved better than k;
    ``crit[g]``: last critical value.
    """
    g_n, m = b.item.shape
    better = np.zeros((g_n, m, m), dtype=bool)
    crit = np.full(g_n, np.nan)
    upper = b.pair & np.triu(np.ones((m, m), dtype=bool), k=1)[None]
    has_upper = np.asarray(upper.any(axis=2))
    active_g = b.size >= 2
    inv = np.where(upper, b.weights(), 0.0).astype(b.dtype)
    last = np.zeros((zp.shape[0], g_n), dtype=zp.dtype)
    first = True
    while active_g.any():
        groups_here = np.flatnonzero(active_g)
        decided = better | np.swapaxes(better, 1, 2)
        two = upper & ~decided
        if first:
            if b.diagonal and m >= _FRONT_MIN:
                # All pairs of each row: the front kernel reads whole rows.
                rows = b.pair.any(axis=2) & active_g[:, None]
                g_sel, i_sel = np.nonzero(rows)
                mx = _front_row_max(zp, b, g_sel, i_sel)
            else:
                g_sel, i_sel = np.nonzero(has_upper & active_g[:, None])
                mx = _row_max(zp, inv, None, g_sel, i_sel, upper_only=True)
            gmax = _group_max(mx, g_sel)
            c_here = _quantile(gmax, level)
        else:
            # For i < k: where i was proved better only "theta_k <= theta_i"
            # is left, statistic (Z_k - Z_i)/sigma: weight -1/sigma; where k
            # was proved better only "theta_i <= theta_k": +1/sigma.
            w_pos = np.where(better, -inv, inv)
            w_neg = np.where(two, -w_pos, w_pos)

            exact = functools.partial(
                _exact_simultaneous, zp, w_pos, w_neg, has_upper, groups_here
            )
            c_here, gmax = _pruned_quantiles(last[:, groups_here], level, exact)
        last[:, groups_here] = gmax
        c = np.full(g_n, np.nan)
        c[groups_here] = c_here
        crit[groups_here] = c_here
        cg = c[:, None, None]
        new_fwd = two & (b.t > cg)  # i better than k (i < k)
        new_bwd = two & (b.t < -cg)  # k better than i
        new_fwd &= active_g[:, None, None]
        new_bwd &= active_g[:, None, None]
        better |= new_fwd
        better |= np.swapaxes(new_bwd, 1, 2)
        changed = (new_fwd | new_bwd).any(axis=(1, 2))
        left = (two & ~new_fwd & ~new_bwd).any(axis=(1, 2))
        active_g = active_g & changed & left
        first = False
    return better, crit


def _exact_marginal(
    zp: _FloatArray,
    w_pos: _FloatArray,
    w_neg: _FloatArray,
    g_sel: NDArray[np.intp],
    i_sel: NDArray[np.intp],
    need: NDArray[np.bool_],
    cols: NDArray[np.intp],
) -> _FloatArray:
    """Exact family statistics of rows ``cols`` (of g_sel, i_sel) where `need`."""
    col, d = np.nonzero(need.T)  # grouped by row: its weights stay in cache
    rows = cols[col]
    out = np.zeros(need.shape, dtype=zp.dtype)
    out[d, col] = _triple_row_max(zp, w_pos, w_neg, d, g_sel[rows], i_sel[rows])
    return out


def _exact_simultaneous(
    zp: _FloatArray,
    w_pos: _FloatArray,
    w_neg: _FloatArray,
    has_upper: NDArray[np.bool_],
    groups_here: NDArray[np.intp],
    need: NDArray[np.bool_],
    cols: NDArray[np.intp],
) -> _FloatArray:
    """Exact statistics of groups ``groups_here[cols]`` on the draws in `need`."""
    draws = np.flatnonzero(need.any(axis=1))
    keep = np.zeros(has_upper.shape[0], dtype=bool)
    keep[groups_here[cols]] = True
    g_sel, i_sel = np.nonzero(has_upper & keep[:, None])
    mx = _row_max(zp[draws], w_pos, w_neg, g_sel, i_sel, upper_only=True)
    out = np.zeros(need.shape, dtype=zp.dtype)
    out[draws] = _group_max(mx, g_sel)
    return out


def _group_max(mx: _FloatArray, g_sel: NDArray[np.intp]) -> _FloatArray:
    """Max over the columns (rows of the bucket) of each group, in group order."""
    _, first_row = np.unique(g_sel, return_index=True)
    return np.asarray(np.maximum.reduceat(mx, first_row, axis=1))


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------


@_validate.positional
def rank_confidence_sets(
    estimates: ArrayLike,
    *,
    se: ArrayLike | None = None,
    cov: ArrayLike | None = None,
    descending: bool,
    level: float,
    method: RankMethod,
    simultaneous: bool,
    by: ArrayLike | None = None,
    n_draws: int = 1000,
    seed: int | None = None,
    nan_policy: RankNanPolicy = "omit",
    interval_decimals: int | None = None,
) -> RankConfidenceSets:
    r"""Confidence sets for the ranks of estimates, marginal or simultaneous.

    Parameters
    ----------
    estimates : array_like, 1-d
        Estimates to rank (e.g. poverty rates of regions).
    se : array_like, optional
        Their standard errors, same shape; the estimates are then taken as
        independent. Give exactly one of `se` and `cov`.
    cov : array_like, optional
        Covariance matrix of the estimates, shape (n, n), symmetric positive
        semi-definite (e.g. for estimates from overlapping samples).
    descending : bool
        Required. True: rank 1 is the highest value (as press rankings of
        poverty rates usually count); False: rank 1 is the lowest.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"bootstrap", "bonferroni", "sidak"}
        ``"bootstrap"``: Mogstad, Romano, Shaikh and Wilhelm [1]_, a
        parametric bootstrap of the max statistic of standardized pairwise
        differences, with the stepdown refinement. ``"bonferroni"`` and
        ``"sidak"``: deterministic; marginal sets from pairwise z-tests
        adjusted over the :math:`n_g - 1` comparisons of each item,
        simultaneous sets from the joint region of Klein, Wright and
        Wieczorek [2]_ (see Notes).
    simultaneous : bool
        Required. True: the sets of a group cover all its true ranks jointly
        with probability at least `level`; False: each set covers its own
        true rank with that probability (narrower).
    by : array_like, optional
        Group label of each estimate (e.g. province-year); ranks and
        simultaneous coverage are within groups. None: one group.
    n_draws : int, default 1000
        Bootstrap draws (``method="bootstrap"`` only; the deterministic
        methods ignore it and record None). At least ``ceil(10 / (1 -
        level))``, 10 draws beyond the quantile (100 at level 0.9, 200 at
        0.95), so that the critical value is usable.
    seed : int, optional
        Seed of the bootstrap draws. None draws a fresh seed, which is
        recorded in the result so that the sets can be reproduced. Ignored by
        the deterministic methods.
    nan_policy : {"omit", "raise"}, default "omit"
        A NaN estimate or standard error: ``"omit"`` leaves that row out of
        its group (NaN bounds, and the group is ranked without it);
        ``"raise"`` raises.
    interval_decimals : int, optional
        Simultaneous Bonferroni and Šidák sets only: round the bounds of the
        individual intervals half up to this many decimals, and count two
        intervals that touch after rounding as separated, the convention of
        the published ACS sets of Klein, Wright and Wieczorek [2]_ (see
        Notes). None (default): exact bounds, strict inequalities.

    Returns
    -------
    RankConfidenceSets
        Bounds, point ranks, group sizes and critical values per row, in the
        order of `estimates`.

    Raises
    ------
    TypeError
        If an input is not numeric, `descending` or `simultaneous` is not a
        bool, `level` is not a number, or `n_draws`/`seed` is not an int.
    ValueError
        If both or neither of `se` and `cov` are given, a standard error is
        negative, `cov` is not symmetric positive semi-definite, the lengths
        do not match, `level` is not in (0, 1), `method` or `nan_policy` is
        unknown, `by` has missing labels, or `n_draws` is below
        ``ceil(10 / (1 - level))`` with ``method="bootstrap"`` (100 at level
        0.9, 200 at 0.95; always at least 1); a group's figures span more
        than float64 can hold exactly (see Notes);
        `interval_decimals` is given for other than simultaneous Bonferroni
        or Šidák sets; or the bootstrap would need more than 4 GB of working
        memory (it grows with the square of the group size, about 64 bytes
        per pair of items: some 6.4 GB for a group of 10,000; and with
        `n_draws`, about 48 bytes per draw and item: 4 GB with some 7.5
        million draws of 10 items; summed over the groups, which are held
        at once), estimated
        before any allocation: the message gives the figure and suggests
        fewer draws, or Bonferroni or Šidák, whose memory is linear in the
        group size, and, with several groups where the largest alone is
        within the limit, a call per group (the same sets, see Notes).

    See Also
    --------
    tau_best_set : Which items may be among the best few.
    rank_probabilities : Monte Carlo rank probabilities.
    povstat.rank : Point ranks with all tie rules.

    Notes
    -----
    Write :math:`\theta` for the values oriented so that larger is better
    (the estimates, negated when ``descending=False``), :math:`\hat\sigma_{jk}
    = \sqrt{\Sigma_{jj} + \Sigma_{kk} - 2\Sigma_{jk}}` for the SE of
    :math:`\hat\theta_j - \hat\theta_k`, and :math:`n_g` for the size of the
    group. For a family of hypotheses :math:`H_{jk}: \theta_j \le
    \theta_k`, one rejected with critical value :math:`c` when
    :math:`(\hat\theta_j - \hat\theta_k)/\hat\sigma_{jk} > c` proves
    :math:`j` better than :math:`k`. The set for the rank of :math:`j` is

    .. math::
        \big[\,1 + |\{k: k \text{ proved better than } j\}|,\;
        n_g - |\{k: j \text{ proved better than } k\}|\,\big],

    which contains the true rank whenever all the rejections are right [1]_,
    under the ``"min"``, ``"max"`` and ``"average"`` tie rules of
    :func:`povstat.rank` alike (they differ only where true values tie).
    The sets (and :func:`rank_probabilities`) depend on the estimates and
    errors only up to a common factor within each group: a group's finite
    inputs beyond :math:`2^{256}` (or all below :math:`2^{-256}`) are first
    multiplied by a power of two, exactly, so that differences and interval
    bounds of values such as 1e308 never overflow, whatever the other
    groups hold; rounded interval bounds are taken in the caller's unit.
    No square of a standard error is formed at that scale: each pair's
    :math:`\hat\sigma_{jk}` is computed after scaling the pair by its own
    power of two (that of its larger SE), so a pair of SEs of 1e-170 beside
    SEs of 1, or of 1 beside 1e161, keeps its standardized difference, and
    the bootstrap draws of each group are divided by its own largest SE.
    Two spans cannot be held exactly in float64 and are refused: a group
    with figures beyond :math:`2^{256}` whose smallest nonzero figure would
    fall below :math:`2^{-1022}` once the group is scaled (e.g. 1e308 beside
    1e-60), and, with `cov`, a group whose nonzero variances lie more than
    :math:`2^{960}` (about 1e289) apart.

    *Bootstrap* [1]_. With draws :math:`Z^{*} \sim N(0, \hat\Sigma)`, the
    critical value is the `level` quantile (linear interpolation) over the
    draws of :math:`\max_{(j,k) \in I} (Z_j^{*} - Z_k^{*})/\hat\sigma_{jk}`,
    where :math:`I` is the family: for the marginal set of :math:`j` all
    :math:`H_{jk}` and :math:`H_{kj}` (:math:`k \ne j`), for simultaneous
    sets all ordered pairs of the group. Stepdown: rejected hypotheses are
    removed from :math:`I`, the critical value is recomputed on the same
    draws, and this repeats until nothing new is rejected. Ties between
    estimates are never resolved (their difference is never significant).

    *Bonferroni and Šidák, marginal*: two-sided pairwise z-tests of
    :math:`j` against each other item of its group at
    :math:`z^{*} = \Phi^{-1}(1 - \alpha'/2)` with :math:`\alpha' =
    \alpha/(n_g-1)` (Bonferroni) or :math:`1 - (1-\alpha)^{1/(n_g-1)}`
    (Šidák).

    *Bonferroni and Šidák, simultaneous* [2]_: intervals
    :math:`\hat\theta_j \pm z\,\mathrm{SE}_j` with :math:`\alpha' =
    \alpha/n_g` or :math:`1-(1-\alpha)^{1/n_g}`, which cover all
    :math:`\theta_j` jointly with probability at least `level` (Šidák's
    inequality holds for any correlation [3]_); :math:`k` is proved better
    than :math:`j` when :math:`k`'s interval lies wholly above :math:`j`'s.
    The published sets of [2]_ (mean travel time to work, ACS 2011) were
    computed from bounds rounded to one decimal, and intervals that touch
    after rounding (:math:`\mathrm{hi}_k = \mathrm{lo}_j`) counted as
    separated; with exact bounds and strict inequalities (the default) 9 of
    their 51 sets differ, each wider by one or two ranks (Texas [29, 38]
    instead of [30, 37]). ``interval_decimals=1`` reproduces the published
    sets. The counts are made by sorting the bounds, in memory linear in the
    group size; the marginal Bonferroni and Šidák sets read the pairs in
    blocks, also in linear memory.

    Each group takes the draws it would take ranked alone:
    ``numpy.random.default_rng(seed).standard_normal((n_draws, n_g))`` times
    its standard errors (or times :math:`S`, the symmetric square root
    :math:`V\Lambda^{1/2}V^\top` of its block :math:`\hat\Sigma_g` of `cov`),
    one column per ranked row of the group in a canonical order, so that the
    sets depend neither on the order of the rows nor on the other groups of
    the call (covariances across groups do not bear on ranks within a group);
    the draws serve every stepdown step. The canonical order is a function
    of the values alone: estimate in the ranking's direction, then variance,
    then with `cov` the covariances with the group's other rows, compared by
    colour refinement; rows that refinement leaves tied are ordered by a
    search over the orderings it allows, keeping the one whose covariance
    matrix is least (individualization and refinement, as in graph canonical
    labelling [4]_). What this guarantees, for a fixed `seed` and exact
    (bit-for-bit) equality of values: any permutation of the rows (of
    `estimates`, `se` or the rows and columns of `cov` together, and `by`)
    permutes the result; and rows that a symmetry of the problem exchanges
    (a permutation leaving every estimate, error and covariance unchanged,
    e.g. the same item twice, the two rows of a correlated pair, two such
    pairs, or the rows of a cyclic covariance pattern) get identical sets
    and critical values, those computed for the first canonical position of
    their class. Not guaranteed: figures that differ in the last bit are
    different rows; and a group whose ties need more work than the search
    allows (4096 orderings compared, fewer for groups of more than 128 rows,
    and 2**26 steps of work, every step of the search counted: a count of
    operations, not a time, so that the warning comes within about a second
    on any input and results do not depend on the machine) is ordered by
    the rows among those ties, with a RuntimeWarning saying so. Rows that
    are interchangeable (the same estimate, variance and covariance with
    every other row) are collapsed into one class before the search, and
    again for classes that are interchangeable as wholes, so that the search
    runs over classes: many correlated pairs linked by a common covariance
    need no search among their rows. A group whose nonzero covariances
    split it into disjoint blocks is ordered block by block: each block on
    its own, blocks sorted by their canonical form, so that many identical
    blocks (e.g. correlated pairs) need no search across them.
    Groups of one size share their draws, as each would draw them
    alone; their sets are each valid, but not independent of one another.
    The bootstrap computes, per draw and in cache-sized blocks, only the running
    maxima, so memory stays at
    :math:`O(\text{draws} \times n + \sum_g n_g^2)`; time grows as
    :math:`\text{draws} \times n_g^2` per stepdown step (the first step, for
    independent estimates, as :math:`\text{draws} \times n_g \log n_g`).
    The pairwise statistics of the draws are computed in single precision
    unless the SEs of a group span more than three orders of magnitude (then
    double).

    References
    ----------
    .. [1] Mogstad, M., Romano, J. P., Shaikh, A. M., Wilhelm, D. (2024),
       "Inference for Ranks with Applications to Mobility across
       Neighbourhoods and Academic Achievement across Countries", *Review of
       Economic Studies* 91(1), 476-518, doi:10.1093/restud/rdad006.
    .. [2] Klein, M., Wright, T., Wieczorek, J. (2020), "A Joint Confidence
       Region for an Overall Ranking of Populations", *Journal of the Royal
       Statistical Society Series C* 69(3), 589-606, doi:10.1111/rssc.12402.
    .. [3] Šidák, Z. (1967), "Rectangular Confidence Regions for the Means of
       Multivariate Normal Distributions", *Journal of the American
       Statistical Association* 62(318), 626-633.
    .. [4] McKay, B. D., Piperno, A. (2014), "Practical Graph Isomorphism,
       II", *Journal of Symbolic Computation* 60, 94-112,
       doi:10.1016/j.jsc.2013.09.003.

    Examples
    --------
    PISA 2018 mean mathematics scores (standard errors) of six OECD
    countries, higher is better:

    >>> from povstat import rank_confidence_sets
    >>> score = [512.02, 508.07, 498.94, 491.36, 417.41, 390.93]
    >>> se = [2.36, 2.26, 2.97, 1.94, 2.42, 2.99]
    >>> cs = rank_confidence_sets(score, se=se, descending=True, level=0.95,
    ...                           method="bonferroni", simultaneous=False)
    >>> cs.lower, cs.upper
    (array([1., 1., 2., 3., 5., 6.]), array([2., 3., 4., 4., 5., 6.]))
    >>> bs = rank_confidence_sets(score, se=se, descending=True, level=0.95,
    ...                           method="bootstrap", simultaneous=True,
    ...                           n_draws=2000, seed=7)
    >>> bool(bs.contains(bs.point_rank).all())
    True
    """
    return _rank_sets(
        estimates,
        se=se,
        cov=cov,
        descending=descending,
        level=level,
        method=method,
        simultaneous=simultaneous,
        by=by,
        n_draws=n_draws,
        seed=seed,
        nan_policy=nan_policy,
        interval_decimals=interval_decimals,
        subject="`estimates`",
    )


def _rank_sets(
    estimates: ArrayLike,
    *,
    se: ArrayLike | None,
    cov: ArrayLike | None,
    descending: bool,
    level: float,
    method: RankMethod,
    simultaneous: bool,
    by: ArrayLike | None,
    n_draws: int,
    seed: int | None,
    nan_policy: RankNanPolicy,
    interval_decimals: int | None,
    subject: str,
    pair: str | None = None,
    place: Callable[[int], str] | None = None,
    what: str = "bootstrap rank sets",
    alone: str = "call rank_confidence_sets",
) -> RankConfidenceSets:
    """:func:`rank_confidence_sets`, naming the estimates as `subject`.

    An adapter passes its own argument ("`rate` column 'x'"), so that a
    refusal for the size of the groups names what its caller gave; `pair`
    names the estimates and their errors ("`rate` column 'x' and `se`
    column 'y'") and `place` their rows (an index label) in a refusal of a
    group's span.
    """
    prob = _Problem(
        estimates, se, cov, by, descending, nan_policy, pair=pair, place=place
    )
    prob.subject = subject
    lev = _level(level)
    m_ = cast(RankMethod, _validate.choice(method, "method", _METHODS))
    simul = _validate.flag(simultaneous, "simultaneous")
    decimals = None
    if interval_decimals is not None:
        decimals = _validate.decimals(interval_decimals, "interval_decimals")
        if m_ == "bootstrap" or not simul:
            msg = (
                "`interval_decimals` applies to the intervals of simultaneous "
                "Bonferroni or Šidák sets only (simultaneous=True, method "
                f"'bonferroni' or 'sidak'), got method={m_!r}, "
                f"simultaneous={simul}"
            )
            raise ValueError(msg)
    draws: int | None = None
    used_seed: int | None = None
    lowers: list[NDArray[np.float64]] = []
    uppers: list[NDArray[np.float64]] = []
    crits: list[NDArray[np.float64]] = []
    if m_ == "bootstrap":
        draws, used_seed = _draw_settings(n_draws, seed)
        _check_draws(draws, lev)
        prob.check_memory(
            _BOOTSTRAP_PAIR_BYTES + (0 if prob.cov is None else _COV_PAIR_BYTES),
            what,
            "use method='bonferroni' or 'sidak' (memory linear in the group "
            "size; their sets are wider)",
            draws=draws,
            alone=alone,
            least_draws=_min_draws(lev),
        )
        z = prob.draws(draws, used_seed)
    else:
        _draw_settings(n_draws, 0 if seed is None else seed)  # types only
    for b in prob.buckets:  # a handful of size classes, not groups
        n_g = b.size.astype(np.float64)[:, None]
        if m_ == "bootstrap":
            zp = _padded_draws(z, b)
            if simul:
                better, cg = _bootstrap_simultaneous(b, zp, lev)
                n_above, n_below = better.sum(axis=2), better.sum(axis=1)
                crit = np.broadcast_to(cg[:, None], b.item.shape)
            else:
                above, below, crit = _bootstrap_marginal(b, zp, lev)
                n_above, n_below = above.sum(axis=2), below.sum(axis=2)
        elif simul:
            zc = _adjusted_z(lev, b.size.astype(np.float64), m_)
            n_above, n_below = _interval_counts(b, zc, decimals, prob.factor)
            crit = np.broadcast_to(zc[:, None], b.item.shape)
        else:
            zc = _adjusted_z(lev, b.size.astype(np.float64) - 1.0, m_)
            n_above, n_below = _pairwise_counts(b, zc)
            crit = np.broadcast_to(zc[:, None], b.item.shape)
        lowers.append(1.0 + n_below)
        uppers.append(n_g - n_above)
        crits.append(np.where(b.size[:, None] >= 2, crit, np.nan))
    ranking = prob.point_ranks()
    return RankConfidenceSets(
        point_rank=ranking.rank,
        lower=prob.share(prob.scatter(lowers)),
        upper=prob.share(prob.scatter(uppers)),
        count=ranking.count,
        critical_value=prob.share(prob.scatter(crits)),
        level=lev,
        method=m_,
        simultaneous=simul,
        descending=prob.descending,
        n_draws=draws,
        seed=used_seed,
    )


def _pairwise_counts(
    b: _Bucket, zc: NDArray[np.float64]
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Per item, how many of its group it beats and is beaten by at ``|t| > zc``.

    Pairwise z-tests of the marginal Bonferroni and Šidák sets, read in
    blocks of rows so that memory stays linear in the group size.
    """
    g_n, m = b.item.shape
    n_above = np.zeros((g_n, m), dtype=np.intp)
    n_below = np.zeros((g_n, m), dtype=np.intp)
    cc = zc[:, None, None]
    step = max(1, _PAIR_BLOCK // max(1, g_n * m))
    for i0 in range(0, m, step):  # blocks of rows (work chunks)
        i1 = min(m, i0 + step)
        pair, _, t = b.rows(i0, i1)
        n_above[:, i0:i1] = (pair & (t > cc)).sum(axis=2)
        n_below[:, i0:i1] = (pair & (t < -cc)).sum(axis=2)
    return n_above, n_below


def _interval_counts(
    b: _Bucket,
    zc: NDArray[np.float64],
    decimals: int | None,
    factor: NDArray[np.float64] | None = None,
) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    r"""Per item, how many intervals of its group lie wholly below and above.

    Intervals :math:`\hat\theta_j \pm z\,\mathrm{SE}_j` (oriented so that
    larger is better): item i beats k when ``lo_i > hi_k``. Counted by
    sorting, in :math:`O(n \log n)` time and linear memory. With `decimals`
    the bounds are first rounded half up to that many decimals and
    intervals that touch count as separated (``lo_i >= hi_k``), an item
    never beating itself nor an identical point (two equal rounded bounds
    with SE 0 touch each other both ways: neither is separated). The bounds
    are rounded in the caller's unit: divided by the `factor` each item's
    group was scaled by (per item in the canonical order; see
    :func:`_group_scale`).
    """
    half = zc[:, None] * b.se
    lo = (b.y - half)[b.real]
    hi = (b.y + half)[b.real]
    if decimals is not None:
        f = 1.0 if factor is None else factor[b._safe][b.real]
        # Half up is symmetric about 0 (round(-v) == -round(v)), so rounding
        # the oriented bounds rounds the published ones.
        with np.errstate(over="ignore"):
            lo = round_half_up(lo / f, decimals)
            hi = round_half_up(hi / f, decimals)
    g = np.nonzero(b.real)[0]
    n_g = b.size[g]
    touching = decimals is not None
    # i beats k: hi_k < lo_i (touching: <=); k beats i: lo_k > hi_i.
    above = _count_before(g, hi, lo, or_equal=touching)
    below = n_g - _count_before(g, lo, hi, or_equal=not touching)
    if touching:
        # A point (SE 0) touches itself, and identical points touch each
        # other both ways: none of them beats the others (or itself).
        same = _identical_points(g, lo, hi)
        above = above - same
        below = below - same
    n_above = np.zeros(b.item.shape, dtype=np.intp)
    n_below = np.zeros(b.item.shape, dtype=np.intp)
    n_above[b.real] = above
    n_below[b.real] = below
    return n_above, n_below


def _identical_points(
    g: NDArray[np.intp], lo: NDArray[np.float64], hi: NDArray[np.float64]
) -> NDArray[np.intp]:
    """For each point interval (lo >= hi), the points of its group at its value.

    Itself included; 0 for an interval that is not a point.
    """
    same = np.zeros(lo.size, dtype=np.intp)
    idx = np.flatnonzero(lo >= hi)
    if idx.size:
        keys = np.column_stack([g[idx].astype(np.float64), lo[idx]])
        _, inverse, counts = np.unique(
            keys, axis=0, return_inverse=True, return_counts=True
        )
        same[idx] = counts[inverse.reshape(-1)]
    return same


def _count_before(
    g: NDArray[np.intp],
    ref: NDArray[np.float64],
    query: NDArray[np.float64],
    *,
    or_equal: bool,
) -> NDArray[np.intp]:
    """For each query, the refs of its group below it (``<`` or ``<=``).

    One sort of refs and queries together by (group, value), queries placed
    after equal refs when they count (`or_equal`), before them otherwise.
    """
    n_r = ref.size
    vals = np.concatenate([ref, query])
    grp = np.concatenate([g, g])
    kind = np.concatenate(
        [np.full(n_r, 0 if or_equal else 1), np.full(n_r, 1 if or_equal else 0)]
    )
    order = np.lexsort((kind, vals, grp))
    refs_so_far = np.cumsum(order < n_r)
    where = np.empty(order.size, dtype=np.intp)
    where[order] = np.arange(order.size)
    counts = np.bincount(g, minlength=int(g.max()) + 1 if g.size else 0)
    before_group = (np.cumsum(counts) - counts)[g]
    return np.asarray(refs_so_far[where[n_r:]] - before_group, dtype=np.intp)


def _adjusted_z(
    level: float, m: NDArray[np.float64], method: str
) -> NDArray[np.float64]:
    """Two-sided z for `m` comparisons, Bonferroni or Šidák (NaN if m < 1)."""
    alpha = 1.0 - level
    mm = np.where(m >= 1, m, 1.0)
    # Bonferroni: alpha / m; Sidak: 1 - (1 - alpha)^(1/m), computed stably.
    bonf = method == "bonferroni"
    each = alpha / mm if bonf else -np.expm1(np.log1p(-alpha) / mm)
    return np.asarray(np.where(m >= 1, -ndtri(each / 2.0), np.nan))


@_validate.positional
def tau_best_set(
    estimates: ArrayLike,
    *,
    se: ArrayLike | None = None,
    cov: ArrayLike | None = None,
    tau: int,
    descending: bool,
    level: float,
    method: RankMethod,
    by: ArrayLike | None = None,
    n_draws: int = 1000,
    seed: int | None = None,
    nan_policy: RankNanPolicy = "omit",
) -> TauBestSet:
    r"""Confidence set for the items that may be among the :math:`\tau` best.

    Answers questions such as "which regions could be among the 3 lowest
    poverty rates of the province?" (``tau=3, descending=False``): with
    probability at least `level`, every item whose true rank is at most
    `tau` is in the set.

    Parameters
    ----------
    estimates : array_like, 1-d
        Estimates to rank.
    se, cov : array_like, optional
        Standard errors or covariance matrix; exactly one, as in
        :func:`rank_confidence_sets`.
    tau : int
        Number of best positions (>= 1).
    descending : bool
        Required. True: best means highest; False: lowest.
    level : float
        Confidence level, a fraction in (0, 1).
    method : {"bootstrap", "bonferroni", "sidak"}
        Method of the simultaneous rank sets the set is projected from.
    by : array_like, optional
        Group labels; the set is taken within each group.
    n_draws : int, default 1000
        Bootstrap draws (``method="bootstrap"`` only; ignored otherwise), at
        least ``ceil(10 / (1 - level))`` as in :func:`rank_confidence_sets`.
    seed : int, optional
        Seed of the draws; None draws a fresh one and records it. Ignored by
        the deterministic methods.
    nan_policy : {"omit", "raise"}, default "omit"
        As in :func:`rank_confidence_sets`; omitted rows are not members.

    Returns
    -------
    TauBestSet
        Membership and the lower rank bounds that decide it.

    Raises
    ------
    TypeError
        If `tau` is not an int, or as for :func:`rank_confidence_sets`.
    ValueError
        If `tau` < 1, or as for :func:`rank_confidence_sets`.

    See Also
    --------
    rank_confidence_sets : The simultaneous sets used here.

    Notes
    -----
    The set is :math:`\{j : L_j \le \tau\}` with :math:`L_j` the lower
    bounds of simultaneous confidence sets for all ranks of the group [1]_.
    If all the simultaneous sets cover, every item of true rank
    :math:`\le \tau` has :math:`L_j \le \tau`. For the bootstrap with
    stepdown the lower bounds equal those of the one-sided procedure of [1]_,
    whose family of all ordered pairs is the same; for Bonferroni and Šidák
    the set is projected from the joint region of [2]_.

    References
    ----------
    .. [1] Mogstad, M., Romano, J. P., Shaikh, A. M., Wilhelm, D. (2024),
       "Inference for Ranks with Applications to Mobility across
       Neighbourhoods and Academic Achievement across Countries", *Review of
       Economic Studies* 91(1), 476-518, section 4.
    .. [2] Klein, M., Wright, T., Wieczorek, J. (2020), "A Joint Confidence
       Region for an Overall Ranking of Populations", *Journal of the Royal
       Statistical Society Series C* 69(3), 589-606.

    Examples
    --------
    Which of five regions could have one of the 2 lowest rates?

    >>> from povstat import tau_best_set
    >>> rate = [4.3, 4.1, 4.9, 9.5, 12.0]
    >>> tb = tau_best_set(rate, se=[0.3] * 5, tau=2, descending=False,
    ...                   level=0.9, method="bootstrap", n_draws=2000, seed=3)
    >>> tb.member
    array([ True,  True,  True, False, False])
    """
    tau = _validate.positive_int(tau, "tau")
    cs = _rank_sets(
        estimates,
        se=se,
        cov=cov,
        descending=descending,
        level=level,
        method=method,
        simultaneous=True,
        by=by,
        n_draws=n_draws,
        seed=seed,
        nan_policy=nan_policy,
        interval_decimals=None,
        subject="`estimates`",
        what="the bootstrap of tau_best_set (simultaneous rank sets)",
        alone="call tau_best_set",
    )
    return TauBestSet(
        member=cs.lower <= tau,
        lower=cs.lower,
        tau=int(tau),
        level=cs.level,
        method=cs.method,
        descending=cs.descending,
        n_draws=cs.n_draws,
        seed=cs.seed,
    )


@_validate.positional
def rank_probabilities(
    estimates: ArrayLike,
    *,
    se: ArrayLike | None = None,
    cov: ArrayLike | None = None,
    descending: bool,
    by: ArrayLike | None = None,
    n_draws: int = 10_000,
    seed: int | None = None,
    nan_policy: RankNanPolicy = "omit",
) -> RankProbabilities:
    r"""Probability of each rank for replicated estimates, by Monte Carlo.

    Draws replicates :math:`\theta^{*} \sim N(\hat\theta, \hat\Sigma)`,
    ranks each draw within groups and counts how often each item takes each
    rank, and how often it is the best (the highest when `descending`, the
    lowest otherwise).

    Parameters
    ----------
    estimates : array_like, 1-d
        Estimates to rank.
    se, cov : array_like, optional
        Standard errors or covariance matrix; exactly one, as in
        :func:`rank_confidence_sets`.
    descending : bool
        Required. True: rank 1 is the highest value.
    by : array_like, optional
        Group labels; ranks are taken within groups.
    n_draws : int, default 10000
        Number of Monte Carlo draws. The Monte Carlo SE of a probability
        :math:`P` is :math:`\sqrt{P(1-P)/\text{n\_draws}}`.
    seed : int, optional
        Seed of the draws; None draws a fresh one and records it.
    nan_policy : {"omit", "raise"}, default "omit"
        As in :func:`rank_confidence_sets`.

    Returns
    -------
    RankProbabilities
        Rank probability matrix, probability of being the best, point ranks.

    Raises
    ------
    TypeError, ValueError
        As for :func:`rank_confidence_sets`; also ValueError if the
        probabilities would need more than 4 GB of working memory (about 56
        bytes per pair of items of a group, summed over the groups; a call
        per group gives the same probabilities, and the message suggests it
        where the largest group alone is within the limit), estimated
        before allocating, or
        `n_draws` times the number of items exceeds 1e9 (minutes of
        computing; the draws are taken in chunks, so memory does not grow
        with `n_draws`).

    See Also
    --------
    rank_confidence_sets : Confidence statements about the true ranks.

    Notes
    -----
    :math:`P_{ir} = \frac{1}{B}\sum_{b=1}^{B}
    \mathbf 1\{\operatorname{rank}_i(\theta^{*(b)}) = r\}`, ranks by the
    ``ties="min"`` rule (ties have probability 0 unless two estimates have
    no sampling error). This is the sampling distribution of the *estimated*
    ranking, centred at the estimates: a description of how unstable the
    published ranking is, as in league-table analyses [1]_. It is not the
    probability that the *true* rank is :math:`r`, and the bootstrap of
    ranks is not a valid basis for confidence statements about them when
    values are close [2]_; use :func:`rank_confidence_sets` for those.
    The draws go to the rows in the canonical order of
    :func:`rank_confidence_sets` (with the same guarantees and the same
    limit, stated there), and the probabilities of rows that a symmetry of
    the problem exchanges (e.g. the same group, estimate and error; with
    `cov`, also rows with the same covariance pattern up to a relabelling)
    are averaged over them, so such rows get identical probabilities and a
    permutation of the rows permutes the result; each group takes the draws
    it would take alone, so its probabilities do not depend on the other
    groups of the call.

    References
    ----------
    .. [1] Goldstein, H., Spiegelhalter, D. J. (1996), "League Tables and
       Their Limitations: Statistical Issues in Comparisons of Institutional
       Performance", *Journal of the Royal Statistical Society Series A*
       159(3), 385-443.
    .. [2] Hall, P., Miller, H. (2009), "Using the Bootstrap to Quantify the
       Authority of an Empirical Ranking", *Annals of Statistics* 37(6B),
       3929-3959.

    Examples
    --------
    >>> from povstat import rank_probabilities
    >>> rp = rank_probabilities([4.3, 4.1, 9.5], se=[0.3, 0.3, 0.3],
    ...                         descending=False, n_draws=20_000, seed=5)
    >>> rp.best.round(1)
    array([0.3, 0.7, 0. ])
    """
    prob = _Problem(estimates, se, cov, by, descending, nan_policy)
    draws, used_seed = _draw_settings(n_draws, seed)
    prob.check_memory(
        _PROBABILITY_PAIR_BYTES,
        "rank probabilities (a probability for every item and rank)",
        "use rank_confidence_sets with method='bonferroni' or 'sidak' "
        "(memory linear in the group size)",
        alone="call rank_probabilities",
    )
    work = draws * max(prob.n_valid, 1)
    if work > _MAX_PROBABILITY_WORK:
        msg = (
            f"`n_draws`: {draws:,} draws of {prob.n_valid:,} items are "
            f"{work:.2g} item draws, above povstat's limit of "
            f"{_MAX_PROBABILITY_WORK:.0e} for rank probabilities (minutes of "
            "computing); the Monte Carlo standard error of a probability, at "
            "most 0.5 / sqrt(n_draws), is 0.0005 with 1,000,000 draws: use "
            "fewer draws"
        )
        raise ValueError(msg)
    k_max = max((b.item.shape[1] for b in prob.buckets), default=0)
    counts = [
        np.zeros((*b.item.shape, b.item.shape[1]), np.int64) for b in prob.buckets
    ]
    stream = _GroupDraws(prob, used_seed)
    y = np.concatenate([prob.y, [-np.inf]])
    chunk = max(1, _PROB_WORK // max(1, prob.n_valid))
    for d0 in range(0, draws, chunk):  # chunks of draws
        c = min(chunk, draws - d0)
        z = stream.take(c)
        theta = np.concatenate([z, np.zeros((c, 1))], axis=1) + y
        for b, cnt in zip(prob.buckets, counts, strict=True):
            idx = np.where(b.real, b.item, prob.n_valid)
            ranks = _min_ranks(theta[:, idx])
            g_n, m = b.item.shape
            flat = (np.arange(g_n * m).reshape(g_n, m) * m)[None] + ranks - 1
            sel = np.broadcast_to(b.real, ranks.shape)
            cnt += np.bincount(flat[sel], minlength=g_n * m * m).reshape(g_n, m, m)
    probs = np.full((prob.n, k_max), np.nan)
    for b, cnt in zip(prob.buckets, counts, strict=True):
        m = b.item.shape[1]
        rows = prob.order[b.item[b.real]]
        probs[rows, :] = 0.0
        probs[rows, :m] = cnt[b.real] / draws
    probs = prob.class_mean(probs)
    ranking = prob.point_ranks()
    return RankProbabilities(
        probability=probs,
        best=probs[:, 0] if k_max else np.full(prob.n, np.nan),
        point_rank=ranking.rank,
        count=ranking.count,
        descending=prob.descending,
        n_draws=draws,
        seed=used_seed,
    )


def _min_ranks(v: NDArray[np.float64]) -> NDArray[np.intp]:
    """Ranks along the last axis, 1 = largest, ties take the smallest rank."""
    order = np.argsort(-v, axis=-1, kind="stable")
    s = np.take_along_axis(v, order, axis=-1)
    pos = np.arange(v.shape[-1])
    new_run = np.ones(v.shape, dtype=bool)
    new_run[..., 1:] = s[..., 1:] != s[..., :-1]
    run_start = np.maximum.accumulate(np.where(new_run, pos, 0), axis=-1)
    out = np.empty(v.shape, dtype=np.intp)
    np.put_along_axis(out, order, run_start + 1, axis=-1)
    return out
