r"""Design-based standard errors of poverty measures from survey microdata.

A poverty measure by domain is a ratio of two weighted totals,
:math:`\hat R_d = \hat T_d / \hat N_d` with :math:`\hat T_d = \sum_{i\in d}
w_i t_i` (``t`` the per-unit term of :mod:`povstat.poverty_measures`) and
:math:`\hat N_d = \sum_{i\in d} w_i`. Its variance under a stratified
multi-stage design is estimated by Taylor linearisation [1]_: the linearised variable
:math:`u_i = w_i (t_i - \hat R_d)\,1[i\in d] / \hat N_d` is summed within each
primary sampling unit (PSU) and the PSU totals :math:`u_{hj}` vary within
strata :math:`h` as if the :math:`n_h` PSUs had been drawn with replacement
(the default of R ``survey`` [2]_):

.. math::

   \hat V(\hat R_d) = \sum_h f_h \frac{n_h}{n_h-1}
   \sum_{j=1}^{n_h} (u_{hj} - \bar u_h)^2 ,

with :math:`f_h = 1 - n_h/N_h` when a finite population correction is given
and 1 otherwise. Rows outside a domain keep their PSUs in the design with zero
contribution (the design is never subset), so a domain's variance uses every
stratum. Degrees of freedom are PSUs minus strata among the rows of positive
weight, as R ``survey``'s ``degf`` counts them for the domain.

All of this works on a small table of sums by (domain, stratum, PSU): the
weights' total, the weighted terms, their weighted squares, the number of
rows. The sums can come from numpy (:func:`poverty_estimates`; integer limb
sums, the same for every row order) or from a dataframe engine's single
grouped reduction (:func:`povstat.poverty_table`; the engine's float64 sums on
lazy engines); everything after it is vectorised numpy.

References
----------
.. [1] Wolter, K. M. (2007), *Introduction to Variance Estimation*, 2nd ed.,
   Springer, chapter 6 (Taylor series methods).
.. [2] Lumley, T. (2004), "Analysis of Complex Survey Samples", *Journal of
   Statistical Software* 9(8); R package ``survey`` 4.1.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar, Literal, get_args, overload

import numpy as np
from attrs import evolve, field, frozen
from numpy.typing import ArrayLike, NDArray
from scipy import sparse
from scipy.special import stdtrit

from povstat import _validate
from povstat._exact import _two_product, group_sum, group_sum_pair
from povstat._results import Result, array_eq, freeze, readonly, readonly_float
from povstat._validate import Unit
from povstat.poverty_measures import (
    NUMPY_OPS,
    SMALL_WEIGHT,
    TERMS_OVERFLOW,
    Comparison,
    MissingPolicy,
    alphas_arg,
    check_domain_totals,
    comparison_arg,
    domain_term_range,
    factorize,
    label_list,
    large_weight,
    measure_names,
    object_labels,
    poor_rows,
    prepare_units,
    refuse_tables,
    rescaled_weights,
    unit_terms,
    warn_rescaled_to_zero,
    weighted_means,
    weighted_products,
    weights_out_of_range,
)
from povstat.uncertainty import _level

__all__ = ["LonelyPsu", "PovertyEstimates", "poverty_estimates"]

#: What to do with a stratum that has a single PSU (its variance cannot be
#: estimated), as R ``survey``'s ``options(survey.lonely.psu=)``:
#: ``"raise"`` (R's ``"fail"``), ``"remove"`` and ``"certainty"`` (the
#: stratum adds nothing), ``"adjust"`` (its PSU total is compared with 0, the
#: mean of the linearised variable over the whole sample, instead of the
#: stratum mean), ``"average"`` (the variance is scaled up by the number of
#: strata over the number of strata with more than one PSU; a domain with no
#: stratum of more than one PSU gets a NaN standard error, as in R, warned
#: of; a census stratum, all of whose PSUs are sampled by `fpc`, counts as
#: one averaged over, as in R, so that a domain of such strata and lonely
#: ones gets a standard error of 0, without a warning).
LonelyPsu = Literal["raise", "remove", "adjust", "average", "certainty"]
_LONELY: tuple[str, ...] = get_args(LonelyPsu)
_SCALE = {"percent": 100.0, "fraction": 1.0}

# Ends the refusal of a domain without weight: dropping its rows would
# change the design that the other domains' standard errors use.
_KEEP_DESIGN = (
    "; do not drop those rows to get past this: that takes their PSUs out "
    "of the design and changes the other domains' standard errors. To keep "
    "the design, give them the label of another domain (a row missing under "
    "nan_policy='omit' or of zero weight adds nothing to its estimate or "
    "standard error)"
)

#: The same under lonely_psu="average", where a stratum of rows of zero
#: weight as given counts among the strata of the domain they join (R's
#: svyby leaves it out of the other domains', since the rows are not
#: theirs, but counts it for the overall svymean).
_KEEP_DESIGN_AVERAGE = (
    _KEEP_DESIGN[:-1] + "; but under lonely_psu='average' a stratum of "
    "rows of zero weight as given counts among the strata of the domain "
    "they join and changes its standard errors: for R's figures (svyby), "
    "also make those rows' weights missing (NaN, with nan_policy='omit'), "
    "and take the overall figures (R's svymean) from a call with the "
    "weights as given and without `by`)"
)

# R survey treats a stratum whose sampling fraction is this close to 1 as
# sampled with certainty (no variance).
_CERTAIN = 1e-7


@frozen(kw_only=True)
class Reduced:
    """Exact sums by cell: (domain, stratum, PSU), or (domain, stratum).

    ``psu`` is None when every unit is its own PSU on a lazy engine (on
    numpy each unit is then a cell of its own, with ``psu`` its row); then
    the cells are
    (domain, stratum) and the second moments ``sww`` (sum of squared
    weights), ``swwt`` (squared weights times terms) and ``swwtt`` (squared
    weights times products of terms) give the variance. ``st`` holds the
    weighted terms (cells x measures), ``stt`` their weighted squares;
    ``lo`` and ``hi`` the smallest and largest term of the cell's units of
    positive weight (NaN, or inf and -inf, in a cell without such units), to
    tell a measure that is the same for every unit of a domain (variance
    exactly 0) from one whose rounding leaves noise. ``sw_lo`` and ``st_lo``
    (numpy path) hold what the rounding of ``sw`` and ``st`` lost
    (:func:`povstat._exact.group_sum_pair`), so that the estimates are the
    ratios of the exact sums; None on lazy engines, whose sums are float64.
    ``terms_rows`` (numpy path, each unit a cell) lists the cells outside
    which ``st`` and ``stt`` are 0 (the non-poor), so that their sums by
    domain read those cells alone; None reads every cell.
    ``weight_exp``: per domain, the weights were multiplied by
    ``2**-weight_exp`` (:func:`povstat.poverty_measures.weight_exponents`)
    before the sums; their total is the population of the design effect
    only after multiplying back. None: no domain was rescaled.
    ``overall_exp``: the exponent for all the domains together (the overall
    domain of ``overall=True``), whose cells are the domains' cells brought
    to that power of two.
    ``kept``: each cell's rows not missing (None: every row), so that under
    ``lonely_psu="average"`` a stratum whose rows are all missing is not
    counted, as R's ``na.rm=TRUE`` drops them (a row of zero weight as
    given keeps its stratum, as in R).
    ``w_max`` and ``w_min`` (lazy engines with `psu`): each cell's largest
    and smallest positive weight as given, from the same grouped
    reduction. Where the first is :data:`LOSSY_SPREAD` (2**52) or more
    times the second, the engine's float64 sum of the cell's weights rounds
    by up to half the smallest unit's weight: a standard error that rests
    on those units (a share near 1) is warned of
    (:func:`_compensated_variance`). None elsewhere.
    """

    domain: NDArray[np.intp]
    stratum: NDArray[np.intp]
    psu: NDArray[np.intp] | None
    sw: NDArray[np.float64]
    st: NDArray[np.float64]
    stt: NDArray[np.float64]
    n: NDArray[np.float64]
    npos: NDArray[np.float64]
    n_domains: int
    n_strata: int
    stratum_labels: NDArray[Any]
    fpc: NDArray[np.float64] | None = None
    sww: NDArray[np.float64] | None = None
    swwt: NDArray[np.float64] | None = None
    swwtt: NDArray[np.float64] | None = None
    lo: NDArray[np.float64] | None = None
    hi: NDArray[np.float64] | None = None
    sw_lo: NDArray[np.float64] | None = None
    st_lo: NDArray[np.float64] | None = None
    terms_rows: NDArray[np.intp] | None = None
    weight_exp: NDArray[np.int64] | None = None
    overall_exp: int = 0
    w_max: NDArray[np.float64] | None = None
    w_min: NDArray[np.float64] | None = None
    kept: NDArray[np.float64] | None = None


#: A PSU whose largest weight is this many times its smallest (positive)
#: one: a float64 sum of its weights rounds by up to half a unit in the
#: last place of the largest, ``2**-53`` of it, up to half the smallest.
LOSSY_SPREAD = 2.0**52


@frozen(kw_only=True, eq=False)
class _StratumWeights:
    """Per stratum, what the variance weighs the PSU totals by.

    ``w1`` weighs the sum of squares, ``w2`` the square of the sum
    (:func:`_stratum_weights`); where the stratum has more than one PSU
    ``w2`` is ``w1 / n_h`` in real arithmetic, and the variance is formed
    from deviations (:func:`_variance`). ``lonely``: a single PSU, not
    sampled with certainty; ``n_h``: the PSUs of the stratum (units,
    without `psu`).
    """

    w1: NDArray[np.float64]
    w2: NDArray[np.float64]
    lonely: NDArray[np.bool_]
    n_h: NDArray[np.float64]


@frozen(kw_only=True, eq=False)
class _Design:
    """What the covariance matrix needs, kept by the result (not shown)."""

    reduced: Reduced
    ratio: NDArray[np.float64]  # (domains, measures)
    total: NDArray[np.float64]  # (domains,)
    strata: _StratumWeights  # per stratum: weights of the PSU totals
    factor: NDArray[np.float64]  # (domains,): lonely_psu='average'
    constant: NDArray[np.bool_]  # (domains, measures): the same for every unit
    scale: float
    overall: bool


def _design_repr(design: _Design | None) -> str:
    if design is None:
        return "None"
    red = design.reduced
    return (
        f"<reduced table: {red.sw.shape[0]} cells, {red.n_strata} strata, "
        f"{red.n_domains} domains>"
    )


def _optional_readonly(x: ArrayLike | None) -> NDArray[Any] | None:
    return None if x is None else readonly(x)


@frozen(kw_only=True)
class PovertyEstimates(Result):
    r"""Poverty measures by domain with design-based standard errors.

    One row per domain and measure, domain-major (all measures of the first
    domain, then the next), as :meth:`to_frame` lays them out.

    Attributes
    ----------
    domain : ndarray
        Domain label of each row (None for the overall row).
    line : ndarray of str or None
        Name of the poverty line of each row when several were given
        (`lines`), else None.
    measure : ndarray of str
        ``"P0"``, ``"P1"``, ``"P2"``, ``"FGT(a)"`` (`a` its shortest
        repr: ``"FGT(3)"``, ``"FGT(1e+308)"``) or ``"watts"``.
    estimate, se : ndarray of float64
        Estimate and its standard error, in `unit`. The standard error is
        exactly 0 for a measure that is the same for every unit of positive
        weight in the domain (all poor, each at the same welfare and line).
    lower, upper : ndarray of float64
        Confidence bounds at `level`: estimate :math:`\pm t_{df}` se; NaN
        where `df` is 0 (a domain with one PSU in each of its strata), as
        Student's t has no quantile there (R's ``confint`` on ``svyby``
        uses the normal quantile by default and gives bounds).
    rse_pct : ndarray of float64
        Relative standard error, percent of the estimate (NaN if it is 0).
    deff : ndarray of float64
        Design effect: the variance over that of simple random sampling
        without replacement of the same number of units from a population
        of the weights' total (R ``survey``'s ``deff=TRUE``), so it needs
        expansion weights (summing to the population); NaN when the
        weights total less than the units of positive weight (weights
        normalised to sum to 1, say: the population would be smaller than
        the sample; R gives NaN too, with the warning "are weights correctly
        scaled?"), ``inf`` when they total the units; ``inf`` without
        weights (with or without sizes), where the sample is the whole
        population and the reference variance 0; NaN for every measure in a
        domain of one unit (the unit variance divides by n - 1 = 0), and
        for a measure the same for every unit of the domain (0 / 0, as R).
    n : ndarray of float64
        Units of positive weight in the domain.
    n_psu : ndarray of float64
        PSUs with a unit of positive weight in the domain.
    df : ndarray of float64
        Degrees of freedom: those PSUs minus their strata.
    level : float
        Confidence level of the bounds.
    unit : {"fraction", "percent"}
        Scale of the estimates, errors and bounds.
    design : object
        The reduced table and weights the covariance matrix is computed
        from (shown in the repr by its size only).

    Examples
    --------
    >>> from povstat import poverty_estimates
    >>> est = poverty_estimates([90, 120, 200, 80, 130, 300], 125, alpha=0,
    ...                         unit="percent", psu=[1, 1, 2, 2, 3, 3])
    >>> est.estimate
    array([50.])
    >>> est.cov.shape
    (1, 1)
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "domain": "domain",
        "line": "line",
        "measure": "measure",
        "estimate": "estimate",
        "se": "se",
        "lower": "lower",
        "upper": "upper",
        "rse_pct": "rse_pct",
        "deff": "deff",
        "n": "n",
        "n_psu": "n_psu",
        "df": "df",
    }

    domain: NDArray[Any] = field(converter=readonly, eq=array_eq)
    measure: NDArray[np.str_] = field(converter=readonly, eq=array_eq)
    estimate: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    se: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    lower: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    upper: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    rse_pct: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    deff: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    n: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    n_psu: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    df: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    level: float
    unit: Unit
    design: _Design | None = field(default=None, eq=False, repr=_design_repr)
    line: NDArray[np.str_] | None = field(
        default=None, converter=_optional_readonly, eq=array_eq
    )

    @property
    def cov(self) -> NDArray[np.float64]:
        """Covariance matrix of `estimate` (rows and columns in row order).

        Between measures of a domain and between domains (domains that share
        PSUs or strata are correlated), in `unit` squared. Its diagonal is
        ``se**2``. Under ``lonely_psu="average"`` each domain's row and
        column are scaled by the square root of that domain's factor, so the
        diagonal matches R ``svyby`` without ``covmat``; R's
        ``svyby(..., covmat=TRUE)`` scales the whole matrix differently, and
        its diagonal then disagrees with its own standard errors.

        Raises ValueError, before allocating, when the matrix would need
        more than 4 GB of working memory (about five matrices of 8 bytes
        per pair of estimates: 20,000 domains of three measures need
        144 GB), naming the figure and what to do instead.
        """
        if self.design is None:
            msg = "this result holds no design, so no covariance matrix"
            raise ValueError(msg)
        _check_cov_memory(self.estimate.shape[0], self.design.reduced.n_domains)
        return freeze(_covariance(self.design))


#: Working memory povstat allows a covariance matrix, in bytes (the limit of
#: its rank sets too).
_COV_MAX_BYTES = 4 * 10**9
#: Matrices of the full size that computing the covariance holds at once.
_COV_COPIES = 5


def _check_cov_memory(m: int, n_domains: int) -> None:
    """Refuse, before allocating, a covariance matrix too large to compute.

    `m` estimates need an m x m float64 matrix and about
    :data:`_COV_COPIES` of them while it is computed; above
    :data:`_COV_MAX_BYTES` the error gives the figure and what to do
    instead, rather than numpy's bare MemoryError.
    """
    matrix = 8 * m * m
    need = _COV_COPIES * matrix
    if need <= _COV_MAX_BYTES:
        return

    def size(b: float) -> str:
        return f"{b / 1e9:.1f} GB" if b >= 1e8 else f"{b / 1e6:.0f} MB"

    msg = (
        f"`cov` of {m:,} estimates ({n_domains:,} domains) would need about "
        f"{size(need)} of working memory (the matrix alone is {size(matrix)}; "
        "it grows with the square of the estimates), above povstat's limit "
        f"of {_COV_MAX_BYTES / 1e9:.0f} GB; the standard errors (`se`) of "
        "every domain need no matrix; for the covariances of some domains, "
        "estimate again with those domains' labels in `by` and one label "
        "for all other rows (the design is kept, so their estimates and "
        "covariances are the same), or with fewer measures or lines"
    )
    raise ValueError(msg)


# --------------------------------------------------------------------------
# From units to the reduced table (numpy; the engines do the same in one
# grouped reduction)
# --------------------------------------------------------------------------


@np.errstate(over="ignore", under="ignore")  # refused by name in `linearised`
def reduce_units(
    terms: Sequence[NDArray[np.float64]],
    w: NDArray[np.float64],
    *,
    domain: NDArray[np.intp],
    n_domains: int,
    strata: ArrayLike | None,
    psu: ArrayLike | None,
    fpc: ArrayLike | None,
    rows: NDArray[np.intp] | None = None,
    missing: NDArray[np.bool_] | None = None,
) -> Reduced:
    """Sums by (domain, stratum, PSU) of unit-level terms (numpy path).

    With `rows`, the `terms` are given for those units only and are 0 for all
    the others (the non-poor, :func:`povstat.poverty_measures.poor_rows`).
    `missing`: the rows left out under ``nan_policy="omit"`` (zero weight
    already), counted apart in ``Reduced.kept``.
    """
    some_missing = missing is not None and bool(missing.any())
    n = w.shape[0]
    # Weights whose squares leave float64 are brought near 1 by a power of
    # two per domain (exact), as the lazy engines' second pass does.
    w_given = w
    w, exps = rescaled_weights(
        w, domain, n_domains, terms=_terms_range(terms, w, domain, n_domains, rows)
    )
    weight_exp = exps if exps.any() else None
    # The overall figures in the power of all the weights' largest.
    overall_exp = (
        int(np.frexp(np.fmax.reduce(w_given, initial=-np.inf))[1]) if exps.any() else 0
    )
    if rows is not None and w is not w_given:
        warn_rescaled_to_zero(w_given, w, rows, terms)
    wr = w if rows is None else w[rows]
    # A unit of zero weight (as given, left out under "omit", or a weight the
    # power of two takes to 0) adds nothing: its terms count as 0, never
    # 0 * inf (NaN) where a term overflows.
    if wr.size and float(np.min(wr)) == 0.0:
        terms = [np.where(wr > 0, t, 0.0) for t in terms]
    if strata is None:
        s_labels: NDArray[Any] = np.array([0])
        s_codes = np.zeros(n, np.intp)
    else:
        s_labels, s_codes = factorize(strata, "strata")
        _same_length(s_codes, n, "strata")
    n_strata = s_labels.shape[0]
    fpc_h = (
        None
        if fpc is None
        else _fpc_per_stratum(fpc, s_codes, s_labels, n, stratified=strata is not None)
    )
    # Units of positive weight as given (n, PSUs, df), whatever the rescale
    # left of a weight far below its domain's largest.
    all_positive = w_given.size == 0 or float(np.min(w_given)) > 0
    positive = w_given > 0 if not all_positive else np.ones(0, bool)
    if psu is None:
        # Each unit its own PSU, exactly as unique ids: the variance from
        # deviations of each unit's terms, never from expanded sums of
        # squares, which cancel (a variance 1e-6 of those sums keeps only
        # the last ten digits of sixteen). A cell is a unit: its sums are
        # its own values, in the units' order.
        def each(xs: list[NDArray[np.float64]]) -> NDArray[np.float64]:
            # Values of the units `rows`, 0 for the others (never inf * 0),
            # a column per measure held contiguous: the sums read columns.
            full = np.zeros((n, len(xs)), order="F")
            for j, x in enumerate(xs):  # a loop over the measures
                full[slice(None) if rows is None else rows, j] = x
            return full

        if weight_exp is not None:
            _refuse_vanishing_squares(
                w, domain, s_codes, n_domains * n_strata, n_strata
            )
        pos = np.ones(n) if all_positive else positive.astype(np.float64)
        t_all = each(list(terms))
        # Each w t exactly as p + e: the sums are those of the exact products.
        products = [weighted_products(wr, t) for t in terms]
        if all_positive:  # every unit has a term: they are the bounds
            lo, hi = t_all, t_all
        else:
            have = pos[:, None] > 0
            lo = np.where(have, t_all, np.inf)
            hi = np.where(have, t_all, -np.inf)
        return Reduced(
            domain=np.asarray(domain, np.intp),
            stratum=s_codes,
            psu=np.arange(n),
            sw=w.copy(),
            sw_lo=np.zeros(n),
            st=each([wt[0] for wt in products]),
            st_lo=each([e if e.size else np.zeros(p.shape) for p, e in products]),
            stt=each([wr * t * t for t in terms]),
            n=np.ones(n),
            npos=pos,
            n_domains=n_domains,
            n_strata=n_strata,
            stratum_labels=s_labels,
            fpc=fpc_h,
            lo=lo,
            hi=hi,
            terms_rows=rows,
            weight_exp=weight_exp,
            overall_exp=overall_exp,
            kept=(~missing).astype(np.float64)
            if some_missing and missing is not None
            else None,
        )
    # PSUs are nested in strata: a PSU is a (stratum, psu label) pair. When
    # every label lies in one stratum, the labels already name the PSUs; when
    # it also lies in one domain, a cell is a PSU. One pass checks both.
    key = domain.astype(np.int64) * n_strata + s_codes
    p_codes, both = _dense_nested(key, psu)
    if p_codes is None:
        _, p_codes = factorize(psu, "psu")
        _same_length(p_codes, n, "psu")
        both = _nested(key, p_codes)
    if both is not None:
        psu_id, n_psu = p_codes, both.shape[0]
        psu_stratum = (both % n_strata).astype(np.intp)
        cell_codes, n_cells = psu_id, n_psu
        cell_domain = (both // n_strata).astype(np.intp)
        cell_psu = np.arange(n_psu)
    else:
        cell_codes, n_cells, cell_domain, cell_psu, psu_stratum = _cells(
            domain, s_codes, p_codes
        )
    counts = np.bincount(cell_codes, minlength=n_cells).astype(np.float64)
    big = int(counts.max())  # the largest cell, for the exact sums
    npos = (
        counts
        if all_positive
        else _sum(cell_codes, positive.astype(np.float64), n_cells, big)
    )
    # Each w t exactly as p + e: the sums are those of the exact products.
    products = [weighted_products(wr, t) for t in terms]
    wt = [p for p, _ in products]
    cr = cell_codes if rows is None else cell_codes[rows]
    lo, hi = _term_bounds(cell_codes, npos, terms, w, rows, all_positive=all_positive)
    sw = group_sum_pair(cell_codes, w, n_cells, largest=big)
    st = _pairs(cr, wt, n_cells, big)
    lost = [bool(e.any()) for _, e in products]  # none for P0 (terms 0 and 1)
    if any(lost):
        st_e = np.stack(
            [
                _sum(cr, e, n_cells, big) if x else np.zeros(n_cells)
                for (_, e), x in zip(products, lost, strict=True)
            ],
            axis=1,
        )
        st = (st[0], st[1] + st_e)
    return Reduced(
        domain=cell_domain,
        stratum=psu_stratum[cell_psu],
        psu=cell_psu,
        sw=sw[0],
        sw_lo=sw[1],
        st=st[0],
        st_lo=st[1],
        stt=np.stack(
            [_sum(cr, x * t, n_cells, big) for x, t in zip(wt, terms, strict=True)],
            axis=1,
        ),
        n=counts,
        npos=npos,
        n_domains=n_domains,
        n_strata=n_strata,
        stratum_labels=s_labels,
        fpc=fpc_h,
        lo=lo,
        hi=hi,
        weight_exp=weight_exp,
        overall_exp=overall_exp,
        kept=_sum(cell_codes, (~missing).astype(np.float64), n_cells, big)
        if some_missing and missing is not None
        else None,
    )


def _terms_range(
    terms: Sequence[NDArray[np.float64]],
    w: NDArray[np.float64],
    domain: NDArray[np.intp],
    n_domains: int,
    rows: NDArray[np.intp] | None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]] | None:
    """Each domain's terms' range, for the weights' rescaling rule.

    The `terms` of :func:`povstat.poverty_measures.weight_exponents`, from
    the units of positive weight; None where no domain can need a power for
    its terms (the largest weight times the largest term below
    :func:`large_weight`, and the smallest positive weight times the
    smallest positive term at least :data:`SMALL_WEIGHT`), which spares a
    pass by domain.
    """
    if not terms or not w.size:
        return None
    wr = w if rows is None else w[rows]
    dr = domain if rows is None else domain[rows]
    pos = wr > 0
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        t_max = max(float(np.max(t, where=pos, initial=-np.inf)) for t in terms)
        t_min = min(
            float(np.min(t, where=pos & (t > 0), initial=np.inf)) for t in terms
        )
        w_max = float(np.max(w))
        w_min = float(np.min(w, where=w > 0, initial=np.inf))
        if w_max * max(t_max, 1.0) < large_weight(w.shape[0]) and (
            np.isinf(t_min) or w_min * t_min >= SMALL_WEIGHT
        ):
            return None
    hi = np.full((n_domains, len(terms)), -np.inf)
    for j, t in enumerate(terms):  # a loop over the handful of measures
        np.fmax.at(hi[:, j], dr[pos], t[pos])
    return domain_term_range(hi, np.arange(n_domains), n_domains)


def _refuse_vanishing_squares(
    w: NDArray[np.float64],
    domain: NDArray[np.intp],
    stratum: NDArray[np.intp],
    size: int,
    n_strata: int,
) -> None:
    """Refuse, as lazy engines must, a cell whose rescaled squares all vanish.

    Without `psu`, a lazy engine's variance needs each (domain, stratum)
    cell's sum of squared weights; after :func:`weight_exponents`, a cell
    whose weights are all below about 1e-162 of the largest has a sum of
    0, and is refused there: refused here too, so that every engine gives
    the same outcome.
    """
    cell = domain.astype(np.int64) * n_strata + stratum
    with np.errstate(under="ignore"):
        squares = np.bincount(cell, weights=w * w, minlength=size)
    totals = np.bincount(cell, weights=w, minlength=size)
    if np.any((totals > 0) & (squares == 0)):
        raise ValueError(weights_out_of_range(over=False))


def _term_bounds(
    codes: NDArray[np.intp],
    npos: NDArray[np.float64],
    terms: Sequence[NDArray[np.float64]],
    w: NDArray[np.float64],
    rows: NDArray[np.intp] | None,
    *,
    all_positive: bool,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Smallest and largest term by cell, over the units of positive weight.

    `codes` gives each unit's cell, `npos` each cell's units of positive
    weight; with `rows`, the `terms` are those of the units `rows` and 0 for
    the others. A cell without a unit of positive weight gets inf and -inf.
    """
    m, k = npos.shape[0], len(terms)
    lo = np.full((m, k), np.inf)
    hi = np.full((m, k), -np.inf)
    cr = codes if rows is None else codes[rows]
    keep: NDArray[np.bool_] | slice = slice(None)
    if not all_positive:
        keep = (w if rows is None else w[rows]) > 0
        cr = cr[keep]
    if rows is not None:
        # Units of positive weight outside `rows` have terms of 0.
        zero = npos > np.bincount(cr, minlength=m)
        lo[zero] = 0.0
        hi[zero] = 0.0
    # NaN terms (rows refused after the reduction) compare quietly.
    with np.errstate(invalid="ignore"):
        for j, t in enumerate(terms):  # a loop over the measures
            np.minimum.at(lo[:, j], cr, t[keep])
            np.maximum.at(hi[:, j], cr, t[keep])
    return lo, hi


def _cells(
    domain: NDArray[np.intp], s_codes: NDArray[np.intp], p_codes: NDArray[np.intp]
) -> tuple[NDArray[np.intp], int, NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]:
    """Cells (domain, PSU) when PSU labels repeat across strata or domains.

    Returns each unit's cell, the number of cells, each cell's domain and
    PSU, and each PSU's stratum.
    """
    psu_stratum = _nested(s_codes, p_codes)
    if psu_stratum is None:
        n_p = int(p_codes.max()) + 1
        _, psu_id = factorize(s_codes.astype(np.int64) * n_p + p_codes, "psu")
        n_psu = int(psu_id.max()) + 1
        psu_stratum = np.zeros(n_psu, np.intp)
        psu_stratum[psu_id] = s_codes
    else:
        psu_id = p_codes
        n_psu = psu_stratum.shape[0]
    cell_domain = _nested(domain, psu_id)
    if cell_domain is not None:
        return psu_id, n_psu, cell_domain, np.arange(n_psu), psu_stratum
    keys, cell_codes = factorize(domain.astype(np.int64) * n_psu + psu_id, "cells")
    cell_domain = (keys // n_psu).astype(np.intp)
    cell_psu = (keys % n_psu).astype(np.intp)
    return cell_codes, keys.size, cell_domain, cell_psu, psu_stratum


def _dense_nested(
    outer: NDArray[np.int64], labels: ArrayLike
) -> tuple[NDArray[np.intp] | None, NDArray[np.int64] | None]:
    """Fast path of factorize then :func:`_nested` for small integer labels.

    When `labels` are integers in 0..(about 4 units per row), returns each
    unit's code (the rank of its label among the labels present, as
    :func:`povstat.poverty_measures.factorize` gives) and the `outer` value
    of each code if it has only one (else None). Otherwise returns
    (None, None) and the caller takes the general path.
    """
    if np.ma.is_masked(labels):
        return None, None
    try:
        arr = np.asarray(labels)
    except (TypeError, ValueError):  # ragged containers: factorize names them
        return None, None
    if arr.dtype.kind not in "iu" or arr.shape != outer.shape or not arr.size:
        return None, None
    lo, hi = int(arr.min()), int(arr.max())
    if lo < 0 or hi >= 4 * arr.size + 1024:
        return None, None
    first = np.full(hi + 1, -1, np.int64)
    first[arr] = outer  # outer >= 0: a label left at -1 is absent
    nested = np.array_equal(first[arr], outer)
    present = first >= 0
    if bool(present.all()):
        codes = arr.astype(np.intp, copy=False)
    else:
        codes = (np.cumsum(present) - 1)[arr].astype(np.intp, copy=False)
        first = first[present]
    return codes, (first if nested else None)


def _nested(
    outer: NDArray[np.intp], inner: NDArray[np.intp]
) -> NDArray[np.intp] | None:
    """The `outer` code of each `inner` code if it has only one, else None."""
    n_inner = int(inner.max()) + 1 if inner.size else 0
    first = np.zeros(n_inner, np.intp)
    first[inner] = outer  # any one of the values of each inner code
    if np.array_equal(first[inner], outer):
        return first
    return None


def _same_length(codes: NDArray[np.intp], n: int, name: str) -> None:
    if codes.shape[0] != n:
        msg = f"`{name}` must have one value per unit: {codes.shape[0]} != {n}"
        raise ValueError(msg)


def _sum(
    codes: NDArray[np.intp],
    x: NDArray[np.float64],
    k: int,
    largest: int | None = None,
) -> NDArray[np.float64]:
    # Unit-level sums in integer arithmetic: the same for every row order.
    return group_sum(codes, np.asarray(x, dtype=np.float64), k, largest=largest)


def _pairs(
    codes: NDArray[np.intp],
    xs: Sequence[NDArray[np.float64]],
    k: int,
    largest: int | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Sums by group of each of `xs` as pairs hi + lo: (groups, len(xs)) each."""
    if largest is None and len(xs) > 1:  # counted once for all the columns
        largest = _largest(codes, k)
    pairs = [group_sum_pair(codes, x, k, largest=largest) for x in xs]
    return (
        np.stack([h for h, _ in pairs], axis=1),
        np.stack([lo for _, lo in pairs], axis=1),
    )


def _sum_pair(
    codes: NDArray[np.intp],
    hi: NDArray[np.float64],
    lo: NDArray[np.float64],
    k: int,
    largest: int | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Sums by group of pairs hi + lo (columns of 2-D arrays), as pairs."""
    if largest is None:
        largest = _largest(codes, k)
    h, low = _pairs(codes, list(np.ascontiguousarray(hi.T)), k, largest)
    # Low parts all 0 (sums of single values) sum to 0: no pass over them.
    return h, low + (_sums(codes, lo, k, largest) if lo.any() else np.zeros(low.shape))


def _sums(
    codes: NDArray[np.intp],
    x: NDArray[np.float64],
    k: int,
    largest: int | None = None,
) -> NDArray[np.float64]:
    """Sums by group of each column of `x`: (k, columns)."""
    if largest is None and x.shape[1] > 1:  # counted once for all the columns
        largest = _largest(codes, k)
    cols = np.ascontiguousarray(x.T)  # rows of one column, read several times
    return np.stack([_sum(codes, c, k, largest) for c in cols], axis=1)


def _largest(codes: NDArray[np.intp], k: int) -> int:
    """Rows of the largest group, as :func:`povstat._exact.group_sum` counts."""
    return int(np.bincount(codes, minlength=k).max()) if codes.size else 0


def _fpc_per_stratum(
    fpc: ArrayLike,
    s_codes: NDArray[np.intp],
    s_labels: NDArray[Any],
    n: int,
    *,
    stratified: bool,
) -> NDArray[np.float64]:
    values = _validate.positive(fpc, "fpc")
    if values.shape != (n,):
        msg = f"`fpc` must hold one value per unit: shape {values.shape}, {n} units"
        raise ValueError(msg)
    if np.isnan(values).any():
        where = np.flatnonzero(np.isnan(values))
        msg = (
            f"`fpc` must not be missing: {where.size} missing, at index "
            f"{where[:5].tolist()}"
        )
        raise ValueError(msg)
    h = s_labels.shape[0]
    lo = np.full(h, np.inf)
    hi = np.full(h, -np.inf)
    np.minimum.at(lo, s_codes, values)
    np.maximum.at(hi, s_codes, values)
    return fpc_by_stratum(lo, hi, s_labels, stratified=stratified)


def fpc_by_stratum(
    lo: NDArray[np.float64],
    hi: NDArray[np.float64],
    labels: NDArray[Any],
    *,
    stratified: bool,
) -> NDArray[np.float64]:
    """Check that `fpc` is constant within each stratum; return its value.

    Constant means equal: values that differ in the last bits (0.1 + 0.2
    and 0.3) are refused too, shown in full (``repr``) so that they can be
    told apart, with a hint to round the column when every difference is
    within :data:`_FPC_NOISE` relative (povstat never picks one of them).
    """
    bad = np.flatnonzero(lo != hi)
    if not bad.size:
        return lo
    with np.errstate(invalid="ignore", over="ignore"):
        spread = (hi[bad] - lo[bad]) / np.abs(hi[bad])
    noise = (
        "; they differ by rounding alone (at most "
        f"{float(np.max(spread)):.2g} relative): round the column first "
        "(e.g. to 12 significant digits), since povstat does not pick one"
        if bool(np.all(spread <= _FPC_NOISE))
        else ""
    )
    if not stratified:
        msg = (
            "`fpc` must be one value without `strata` (the sample is one "
            f"stratum); it holds values from {_exact(lo[0])} to "
            f"{_exact(hi[0])}{noise}"
        )
        raise ValueError(msg)
    shown = ", ".join(
        f"{label!r} ({_exact(lo[i])} to {_exact(hi[i])})"
        for i, label in zip(bad[:5], labels[bad[:5]].tolist(), strict=True)
    )
    more = f" and {bad.size - 5} more" if bad.size > 5 else ""
    where = "stratum" if bad.size == 1 else f"{bad.size} strata"
    msg = (
        "`fpc` must be constant within each stratum; it varies in "
        f"{where}: {shown}{more}{noise}"
    )
    raise ValueError(msg)


def _exact(x: float) -> str:
    """A float as the shortest text that reads back as it (10, 0.1, 1e+20)."""
    value = float(x)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


#: Relative differences of `fpc` values within a stratum that rounding alone
#: explains (0.1 + 0.2 against 0.3 is 1.9e-16): named as such in the message.
_FPC_NOISE = 1e-12


# --------------------------------------------------------------------------
# Linearisation on the reduced table
# --------------------------------------------------------------------------


def _overall_cells(red: Reduced) -> Reduced:
    """Append the cells of one more domain holding every unit."""
    d = red.n_domains
    if red.psu is not None:
        keys, codes = factorize(red.psu, "psu")
    else:
        keys, codes = factorize(red.stratum, "strata")
    m = keys.size
    # Each domain's cells in its own power of two (Reduced.weight_exp):
    # brought to the overall one (exact, but for a domain whose weights are
    # below 2**-1022 of the largest, whose digits float64 cannot show beside
    # it), twice for sums of squared weights.
    shift = (
        None
        if red.weight_exp is None
        else (red.weight_exp - red.overall_exp)[red.domain]
    )

    def add(
        x: NDArray[np.float64] | None, power: int = 1
    ) -> NDArray[np.float64] | None:
        if x is None:
            return None
        flat = x.reshape(x.shape[0], -1)
        moved = flat if shift is None else np.ldexp(flat, power * shift[:, None])
        summed = np.stack(
            [_sum(codes, moved[:, j], m) for j in range(flat.shape[1])], 1
        )
        both = np.concatenate([flat, summed])
        return both.reshape(-1, *x.shape[1:]) if x.ndim > 1 else both[:, 0]

    if red.psu is not None:
        psu_stratum = np.zeros(m, np.intp)
        psu_stratum[codes] = red.stratum
        new_stratum = psu_stratum
        new_psu: NDArray[np.intp] | None = np.concatenate([red.psu, keys])
    else:
        new_stratum = keys.astype(np.intp)
        new_psu = None
    out = add

    def add_lo(x: NDArray[np.float64] | None, hi: NDArray[np.float64]) -> Any:
        # The low part of the new cells: of the old cells' pairs, summed.
        if x is None:
            return None
        flat_hi, flat_lo = hi.reshape(hi.shape[0], -1), x.reshape(x.shape[0], -1)
        # The old cells keep their own power of two (each domain's figures
        # do not depend on `overall`); only their copies are brought to the
        # overall one.
        moved_hi, moved_lo = flat_hi, flat_lo
        if shift is not None:
            moved_hi = np.ldexp(flat_hi, shift[:, None])
            moved_lo = np.ldexp(flat_lo, shift[:, None])
        lo_new = _sum_pair(codes, moved_hi, moved_lo, m)[1]
        both = np.concatenate([flat_lo, lo_new])
        return both.reshape(-1, *x.shape[1:]) if x.ndim > 1 else both[:, 0]

    def extreme(x: NDArray[np.float64] | None, ufunc: Any) -> Any:
        # The largest or smallest weight of the new cells (NaN-free).
        if x is None:
            return None
        new = np.full(m, np.nan)
        ufunc.at(new, codes, x)
        return np.concatenate([x, new])

    return Reduced(
        domain=np.concatenate([red.domain, np.full(m, d, np.intp)]),
        stratum=np.concatenate([red.stratum, new_stratum]),
        psu=new_psu,
        sw=_req(out(red.sw)),
        st=_req(out(red.st)),
        stt=_req(out(red.stt)),
        n=_req(add(red.n, 0)),
        npos=_req(add(red.npos, 0)),
        n_domains=d + 1,
        n_strata=red.n_strata,
        stratum_labels=red.stratum_labels,
        fpc=red.fpc,
        sww=out(red.sww, 2),
        swwt=out(red.swwt, 2),
        swwtt=out(red.swwtt, 2),
        sw_lo=add_lo(red.sw_lo, red.sw),
        st_lo=add_lo(red.st_lo, red.st),
        weight_exp=None
        if red.weight_exp is None
        else np.append(red.weight_exp, red.overall_exp),
        overall_exp=red.overall_exp,
        w_max=extreme(red.w_max, np.fmax),
        w_min=extreme(red.w_min, np.fmin),
        kept=add(red.kept, 0),
    )


def _req(x: NDArray[np.float64] | None) -> NDArray[np.float64]:
    assert x is not None
    return x


def _constant_measures(
    red: Reduced, *, overall: bool
) -> tuple[NDArray[np.bool_], NDArray[np.float64]]:
    """Per domain and measure: whether every unit of the domain has one term.

    From the smallest and largest term of each cell (units of positive
    weight); cells without such units (NaN, or inf and -inf) count for
    nothing. With `overall`, a last row for all the domains together.
    Also returns each domain's largest term by measure (NaN where not
    known).
    """
    nd, k = red.n_domains, red.st.shape[1]
    if red.lo is None or red.hi is None:
        return np.zeros((nd + int(overall), k), bool), np.full(
            (nd + int(overall), k), np.nan
        )
    lo = np.full((nd, k), np.inf)
    hi = np.full((nd, k), -np.inf)
    codes, cell_lo, cell_hi = red.domain, red.lo, red.hi
    if red.terms_rows is not None:
        # Each unit a cell, terms 0 outside `terms_rows`: those units count
        # as a 0 in their domain if of positive weight, as in _term_bounds.
        rows = red.terms_rows
        outside = np.ones(codes.shape[0], bool)
        outside[rows] = False
        # A domain with such a unit: a positive count (no rows picked out).
        zero = np.bincount(codes, outside & (red.npos > 0), nd) > 0
        lo[zero] = 0.0
        hi[zero] = 0.0
        codes, cell_lo, cell_hi = codes[rows], cell_lo[rows], cell_hi[rows]
    for j in range(k):  # a loop over the measures: 1-D ``at`` is the fast one
        np.fmin.at(lo[:, j], codes, np.ascontiguousarray(cell_lo[:, j]))
        np.fmax.at(hi[:, j], codes, np.ascontiguousarray(cell_hi[:, j]))
    if overall:
        lo = np.concatenate([lo, lo.min(axis=0, keepdims=True)])
        hi = np.concatenate([hi, hi.max(axis=0, keepdims=True)])
    return np.asarray(lo == hi, dtype=bool), hi


def _stratum_weights(
    red: Reduced, lonely_psu: str
) -> tuple[
    NDArray[np.float64], NDArray[np.float64], NDArray[np.bool_], NDArray[np.float64]
]:
    """Per stratum: weight of sum u^2, weight of (sum u)^2, lonely mask, n_h."""
    h = red.n_strata
    if red.psu is None:
        n_h = _sum(red.stratum, red.n, h)
    else:
        psu_stratum = np.zeros(int(red.psu.max()) + 1 if red.psu.size else 0, np.intp)
        psu_stratum[red.psu] = red.stratum
        present = np.zeros(psu_stratum.shape[0], bool)
        present[red.psu] = True
        # PSUs present by stratum (counts of ones: exact in float64).
        n_h = np.asarray(np.bincount(psu_stratum, present, h), np.float64)
    if red.fpc is None:
        f = np.ones(h)
    else:
        _check_fpc(red.fpc, n_h, red.stratum_labels)
        # R survey: an fpc <= 1 everywhere is a sampling fraction, else the
        # number of PSUs in the stratum's population.
        # A tiny sampling fraction (1e-320) gives an infinite population:
        # no correction (f = 1), without numpy's overflow warning.
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            pop = n_h / red.fpc if np.all(red.fpc <= 1) else red.fpc
            f = np.where(np.isinf(pop), 1.0, (pop - n_h) / pop)
    certain = f < _CERTAIN
    lonely = (n_h == 1) & ~certain
    if red.kept is not None:
        # A stratum whose rows are all missing (nan_policy="omit") adds
        # nothing under any choice, and R's na.rm=TRUE drops it: not lonely.
        lonely &= np.bincount(red.stratum, red.kept, h) > 0
    if lonely.any() and lonely_psu == "raise":
        count = int(lonely.sum())
        shown = red.stratum_labels[lonely][:5].tolist()
        which = (
            f"stratum {shown} has a single PSU, so its variance cannot"
            if count == 1
            else f"strata {shown}{f' ({count:,} strata in all)' if count > 5 else ''}"
            " have a single PSU each, so their variance cannot"
        )
        msg = (
            f"{which} be estimated (lonely_psu='raise'); choose "
            "lonely_psu='remove', 'certainty', 'adjust' or 'average'"
        )
        raise ValueError(msg)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(n_h > 1, f * n_h / (n_h - 1), f)
        w1 = np.asarray(np.where(certain, 0.0, scale), np.float64)
        w2 = np.asarray(np.where(certain | lonely, 0.0, scale / n_h), np.float64)
    if lonely_psu != "adjust":
        w1 = np.where(lonely, 0.0, w1)
    return w1, w2, np.asarray(lonely, dtype=bool), np.asarray(n_h, np.float64)


def _check_fpc(
    fpc: NDArray[np.float64], n_h: NDArray[np.float64], labels: NDArray[Any]
) -> None:
    """Refuse an fpc that no design can have, or that reads two ways.

    Values all <= 1 are sampling fractions, in (0, 1]; otherwise every value
    is the number of PSUs in the stratum's population, at least the number
    sampled there. An fpc of 1 everywhere with more than one PSU sampled in a
    stratum reads both ways (every stratum a census, or a population smaller
    than its sample) and is refused rather than guessed.
    """
    if np.all(fpc <= 1):
        ambiguous = (fpc == 1) & (n_h > 1)
        if np.all(fpc == 1) and ambiguous.any():
            msg = (
                "`fpc` is 1 in every stratum, which reads two ways: as "
                "sampling fractions (every stratum a census, so every standard "
                "error 0) or as population sizes (1 PSU, fewer than the PSUs "
                f"sampled: {n_h[ambiguous][:5].tolist()} in stratum "
                f"{labels[ambiguous][:5].tolist()}); give population sizes "
                "(>= the PSUs sampled; equal to them for a census)"
            )
            raise ValueError(msg)
        return
    short = fpc < n_h
    if short.any():
        msg = (
            "`fpc` as population sizes (some value > 1) must be at least the "
            "number of PSUs sampled in each stratum (sampling fractions are "
            f"used only if every value is <= 1); stratum "
            f"{labels[short][:5].tolist()} has fpc {fpc[short][:5].tolist()} "
            f"but {n_h[short][:5].tolist()} PSUs sampled"
        )
        raise ValueError(msg)


def _refuse_fpc_implied_weights(
    fpc: NDArray[np.float64],
    n_h: NDArray[np.float64],
    labels: NDArray[Any],
    weight_arg: str,
) -> None:
    """Refuse an `fpc` without weights when it implies unequal weights.

    R ``survey`` derives each unit's weight from the fpc when no weights are
    given: :math:`N_h / n_h` (population PSUs over sampled PSUs) or
    :math:`1/f_h` for a sampling fraction. Equal weights are right only when
    those are equal in every stratum (one stratum, or equal fractions); the
    same rational number always rounds to the same float64, so they are
    compared exactly. Otherwise povstat would weigh the units equally where
    R weighs them by the fpc: refused, naming the remedy.
    """
    present = n_h > 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        implied = 1.0 / fpc if np.all(fpc <= 1) else fpc / n_h
    shown = implied[present]
    if shown.size == 0 or bool(np.all(shown == shown[0])):
        return
    order = np.argsort(shown, kind="stable")
    lo, hi = order[0], order[-1]
    names = labels[present].tolist()
    how = "1/fpc" if np.all(fpc <= 1) else "N_h/n_h (fpc over the PSUs sampled)"
    msg = (
        f"`fpc` without `{weight_arg}` implies unequal weights: R survey "
        f"weighs each unit {how} when no weights are given, here from "
        f"{_exact(shown[lo])} in stratum {names[lo]!r} to {_exact(shown[hi])} "
        f"in stratum {names[hi]!r}, where equal weights give another estimate; "
        f"pass `{weight_arg}` (the survey weights, or {how.split(' ')[0]} as "
        "R derives them)"
    )
    raise ValueError(msg)


def _one_psu(red: Reduced) -> NDArray[np.bool_]:
    """Per domain: whether its units of positive weight lie in one PSU.

    Its one PSU total is the sum of all its deviations, exactly 0, and the
    others are 0: its variance (and every covariance with it) is exactly 0,
    where the rounding of the ratio would leave a residue (1e-46).
    """
    nd = red.n_domains
    pos = red.npos > 0
    if red.psu is None:  # a cell is (domain, stratum): count units instead
        return np.asarray(np.bincount(red.domain, red.npos, nd) <= 1)
    return np.asarray(np.bincount(red.domain[pos], minlength=nd) <= 1)


def _average_factor(red: Reduced, lonely: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Per domain: its strata over its strata with more than one PSU.

    As R ``survey`` under ``lonely.psu="average"``: the strata counted are
    those holding rows of the domain (``svyby`` subsets the design) that are
    not missing (``na.rm=TRUE`` drops those; a row of zero weight stays).
    """
    nd, nh = red.n_domains, red.n_strata
    has = np.zeros(nd * nh, bool)
    cells = slice(None) if red.kept is None else red.kept > 0
    has[(red.domain * nh + red.stratum)[cells]] = True
    has2 = has.reshape(nd, nh)
    h_d = has2.sum(axis=1)
    ok = h_d - (has2 & lonely[None, :]).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(ok > 0, h_d / ok, np.nan)


@overload
def _term_sums(
    red: Reduced,
    x: NDArray[np.float64],
    nd: int,
    *,
    pair: Literal[False] = ...,
    largest: int | None = ...,
) -> NDArray[np.float64]: ...


@overload
def _term_sums(
    red: Reduced,
    x: NDArray[np.float64],
    nd: int,
    *,
    pair: Literal[True],
    largest: int | None = ...,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]: ...


def _term_sums(
    red: Reduced,
    x: NDArray[np.float64],
    nd: int,
    *,
    pair: bool = False,
    largest: int | None = None,
) -> Any:
    """Sums by domain of `x` (``st`` or ``stt``), or their pairs hi + lo.

    With ``red.terms_rows``, `x` is 0 outside those cells: the sums read
    them alone, with the largest domain counted over every cell as before,
    which gives the same limbs and so the same bits (a 0 adds nothing to an
    integer sum, nor to a group's largest magnitude or the signs seen).
    Non-finite values take the full path, which handles them. `largest`:
    the rows of the largest domain, if the caller has counted them.
    """
    if largest is None:
        largest = _largest(red.domain, nd)
    rows = red.terms_rows
    if rows is not None:
        sub = np.asarray(x[rows])
        if np.isfinite(sub).all():
            codes = red.domain[rows]
            if pair:  # low parts + 0, as _sum_pair adds the 0 low parts
                hi, lo = _pairs(codes, list(np.ascontiguousarray(sub.T)), nd, largest)
                return hi, lo + 0.0
            return _sums(codes, sub, nd, largest)
    if pair:
        hi, lo = _pairs(red.domain, list(np.ascontiguousarray(x.T)), nd, largest)
        return hi, lo + 0.0
    return _sums(red.domain, x, nd, largest)


def _cell_z(
    red: Reduced, ratio: NDArray[np.float64], total: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Cell totals of the linearised variables: (cells, measures)."""
    tot = total[red.domain]
    z = np.empty(red.st.shape, order="F")
    for j in range(red.st.shape[1]):  # a loop over the measures, column by column
        np.divide(red.st[:, j] - ratio[:, j][red.domain] * red.sw, tot, out=z[:, j])
    return z


def _cell_products(
    red: Reduced,
    ratio: NDArray[np.float64],
    total: NDArray[np.float64],
    z: NDArray[np.float64],
) -> NDArray[np.float64]:
    """Sum over a cell's PSUs of products of linearised variables: (cells, k, k)."""
    if red.psu is not None:
        return z[:, :, None] * z[:, None, :]
    r = ratio[red.domain]
    swwt = _req(red.swwt)
    m2 = (
        _req(red.swwtt)
        - r[:, :, None] * swwt[:, None, :]
        - swwt[:, :, None] * r[:, None, :]
        + _req(red.sww)[:, None, None] * r[:, :, None] * r[:, None, :]
    )
    return np.asarray(m2 / (total[red.domain] ** 2)[:, None, None])


def _weighted_terms(red: Reduced, *, overall: bool) -> NDArray[np.float64]:
    """Per domain and measure: the largest weighted term by the largest weight.

    The largest ``|st|`` of the domain's cells (weights times terms) over
    its largest ``sw`` (weights): within a factor of the rows of the
    largest ``|w_i t_i|`` over the largest ``w_i``, what the deviations
    ``w_i (t_i - R)`` the variance squares are at most on the weights'
    scale (1 for the largest weight), whatever their power-of-two
    rescaling. NaN where not known; with `overall`, a last row, the
    largest of the domains'.
    """
    nd, k = red.n_domains, red.st.shape[1]
    st = np.full((nd, k), np.nan)
    sw = np.full(nd, np.nan)
    with np.errstate(invalid="ignore"):
        np.fmax.at(sw, red.domain, np.abs(red.sw))
        for j in range(k):  # a loop over the measures: 1-D ``at`` is the fast one
            np.fmax.at(st[:, j], red.domain, np.abs(red.st[:, j]))
    with np.errstate(invalid="ignore", divide="ignore"):
        q = np.where(sw[:, None] > 0, st / sw[:, None], np.nan)
    if overall:
        q = np.concatenate([q, np.fmax.reduce(q, axis=0, keepdims=True)])
    return np.asarray(q, dtype=np.float64)


def _small_terms_bound(rows: int) -> float:
    """Terms below this have squares summed near float64's subnormals."""
    return math.ldexp(1.0, max(int(rows), 1).bit_length() - 500)


#: Weighted terms (on the scale of the largest weight) below this have
#: products with the weights near float64's subnormals (2**-1022 times
#: 2**53): their deviations lose digits before any rescaling.
_TINY_TERMS = math.ldexp(1.0, -960)


def _deviation_exponents(
    small_terms: NDArray[np.float64], constant: NDArray[np.bool_], rows: int
) -> NDArray[np.int64]:
    """Per domain and measure, the power of two for the deviations (0: none).

    `small_terms` are the figures :func:`_warn_small_terms` judges (each
    domain's largest term, or largest weighted term over the largest
    weight, whichever is smaller). Where that is below the bound of the
    warning, the deviations ``w_i (t_i - R) / W`` are at most about `rows`
    times it, and their squares near or below float64's subnormals:
    multiplied by ``2**-e`` (``e`` the figure's binary exponent), they are
    at most about `rows`, and their squares keep their digits. 0 elsewhere,
    so that the standard errors of ordinary data are unchanged bit for bit.
    """
    with np.errstate(invalid="ignore"):
        need = (
            ~constant
            & (small_terms > 0)
            & (small_terms < _small_terms_bound(rows))
            & np.isfinite(small_terms)
        )
    e = np.frexp(np.where(need, small_terms, 1.0))[1]
    return np.asarray(np.where(need, -e, 0), dtype=np.int64)


def _warn_small_terms(
    largest: NDArray[np.float64],
    constant: NDArray[np.bool_],
    rows: int,
    measures: Sequence[str],
    labels: ArrayLike,
    *,
    deviations: bool = False,
) -> None:
    """Warn where a measure's terms are too small for their squares.

    A measure that varies in a domain but whose largest term there (or
    largest weighted term over the largest weight, :func:`_weighted_terms`:
    a unit with a larger term but a tiny weight carries no variance) is
    below ``2**(bit_length(rows) - 500)`` (about 1e-150) has squared
    deviations
    (numpy, each unit's weight over the total times its term) or squared
    weights times squared terms (lazy engines without `psu`, the weights
    rescaled near 1) below about ``2**-1000``, near float64's subnormals,
    whose digits are lost: its standard error may be inaccurate, or 0. The
    same rule for every engine and every scale of the weights.

    With `deviations` (each cell a PSU, or a unit: numpy, eager frames and
    any frame with `psu`), the deviations are rescaled by a power of two
    (:func:`_deviation_exponents`) and the standard error keeps its
    digits; the design effect, whose variance under simple random sampling
    comes from the sums of weights times squared terms, may still lose
    them, and is warned of. Below :data:`_TINY_TERMS` (about 1e-289) the
    weighted terms themselves are near the subnormals: both are warned of.
    """
    bound = _small_terms_bound(rows)
    with np.errstate(invalid="ignore"):
        small = ~constant & (largest > 0) & (largest < bound)
        tiny = small & (largest < _TINY_TERMS)
    if not small.any():
        return
    both = not deviations or bool(tiny.any())
    d, j = np.argwhere(tiny if deviations and both else small)[0]
    names = label_list(np.asarray(labels, dtype=object))
    name = names[d] if d < len(names) else None
    where = "" if name is None else f" in domain {name!r}"
    count = int((tiny if deviations and both else small).sum())
    if both:
        msg = (
            f"the terms of {measures[j]}{where} ({count} figure(s) in "
            f"all) are at most {float(largest[d, j])!r}: their squares, which "
            "the variance sums, are near float64's smallest numbers and lose "
            "their digits, so its standard error and design effect may be "
            "inaccurate (a standard error of 0 may be another value)"
        )
        if not deviations and not tiny.any():
            msg += (
                "; with each unit its own PSU on this engine the variance "
                "comes from sums of squares: pass a column holding a unit id "
                "as `psu` for a standard error from deviations rescaled by a "
                "power of two, which keeps its digits"
            )
    else:
        msg = (
            f"the terms of {measures[j]}{where} ({count} figure(s) in "
            f"all) are at most {float(largest[d, j])!r}: their squares, which "
            "the variance under simple random sampling sums, are near "
            "float64's smallest numbers and lose their digits, so its design "
            "effect may be inaccurate (its standard error is formed from "
            "deviations rescaled by a power of two and keeps its digits)"
        )
    warnings.warn(msg, UserWarning, stacklevel=_validate.caller_level())


#: A variance below this fraction of the sums of squares it is the
#: difference of (lazy engines, each unit its own PSU) is warned of.
CANCELLATION = 1e-6


def _warn_cancellation(
    red: Reduced,
    ratio: NDArray[np.float64],
    total: NDArray[np.float64],
    w1: NDArray[np.float64],
    var: NDArray[np.float64],
    factor: NDArray[np.float64],
    constant: NDArray[np.bool_],
    measures: Sequence[str],
    labels: ArrayLike,
) -> None:
    """Warn where a variance from expanded sums of squares has cancelled.

    With every unit its own PSU on a lazy engine, the engine's one grouped
    sum gives sum w^2 t^2, sum w^2 t and sum w^2 by cell, and the variance is
    their combination sum w^2 t^2 - 2 r sum w^2 t + r^2 sum w^2, less the
    stratum term. Each float64 sum errs by about 1e-16 of its size, so a
    variance that is a fraction f of the size of the terms it came from
    errs by about 1e-16 / f of itself: below f = :data:`CANCELLATION`
    (1e-6) more than 1e-10, the accuracy promised against R.
    """
    r = ratio[red.domain]
    k = r.shape[1]
    diag = np.arange(k)
    size = (
        np.abs(_req(red.swwtt)[:, diag, diag])
        + 2 * np.abs(r * _req(red.swwt))
        + _req(red.sww)[:, None] * r * r
    ) / (total[red.domain] ** 2)[:, None]
    with np.errstate(invalid="ignore", over="ignore"):
        scale = _sums(red.domain, w1[red.stratum][:, None] * size, red.n_domains)
        scale = scale * factor[:, None]
        lost = ~constant & (scale > 0) & (var < CANCELLATION * scale)
    if not lost.any():
        return
    d, j = np.argwhere(lost)[0]
    names = label_list(np.asarray(labels, dtype=object))
    where = "" if names[d] is None else f" in domain {names[d]!r}"
    fraction = float(var[d, j] / scale[d, j])
    lost_digits = 16 if fraction <= 1e-16 else min(16, round(-np.log10(fraction)))
    msg = (
        f"the variance of {measures[j]}{where} ({int(lost.sum())} figure(s) in "
        f"all) is {fraction:.1e} of the sums of squares it is the difference "
        "of: with each unit its own PSU (no `psu`) on this engine, the "
        "variance comes from the engine's float64 sums of squared weights "
        "times terms, which cancel, so about "
        f"{lost_digits} of the 16 significant digits of its standard error "
        "and design effect may be lost (a standard error of 0 may be "
        "another value); pass a column holding a unit id as `psu` (each unit "
        "its own PSU, computed from deviations), or collect the frame to "
        "pandas or polars"
    )
    warnings.warn(msg, UserWarning, stacklevel=_validate.caller_level())


def _check_weight_range(red: Reduced, total: NDArray[np.float64]) -> None:
    """Refuse weights whose totals or squares leave float64's range."""
    squares = red.sww if red.sww is not None else np.zeros(0)
    over = (
        not np.isfinite(total[~np.isnan(total)]).all()
        or not np.isfinite(squares[~np.isnan(squares)]).all()
    )
    under = bool(np.any((red.sw > 0) & (squares == 0))) if squares.size else False
    if over or under:
        raise ValueError(weights_out_of_range(over=over))
    # Terms whose squares summed over the rows could overflow: refused by
    # the terms alone, so at every scale of the weights and on every engine
    # (the variance, in the terms' unit squared, is at most about that sum).
    hi = np.zeros(0) if red.hi is None else red.hi.ravel()
    largest = float(np.fmax.reduce(hi, initial=-np.inf))  # NaN: no unit
    if largest >= large_term(int(np.nansum(red.n))):
        raise ValueError(TERMS_OVERFLOW)
    terms = [red.st, red.stt] + ([red.swwtt] if red.swwtt is not None else [])
    if any(np.isinf(t).any() for t in terms):
        raise ValueError(TERMS_OVERFLOW)


def large_term(rows: int) -> float:
    """The power of two from which `rows` terms' squares may overflow.

    Terms (FGT gaps to a power, Watts logarithms) below it have squares
    whose sum over `rows` rows stays below ``2**1021``: the sums of
    weights times squared terms (weights rescaled near 1 where needed,
    :func:`povstat.poverty_measures.weight_exponents`) and the variance
    formed from them are finite at every scale of the weights.
    """
    return math.ldexp(1.0, (1021 - max(int(rows), 1).bit_length()) // 2)


#: Domains named in a message, at most.
_SHOW_DOMAINS = 5


def _warn_unscaled_weights(
    total: NDArray[np.float64], n_obs: NDArray[Any], labels: NDArray[Any]
) -> None:
    """Warn where the weights total at most the units: no design effect there.

    As R ``survey`` warns "Sample size greater than population size: are
    weights correctly scaled?"; also where the total equals the units
    (weights divided by their mean), where the reference variance is 0.
    """
    small = total <= n_obs
    if not small.any():
        return
    names = [
        "overall" if label is None else label
        for label in object_labels(labels)[small][:_SHOW_DOMAINS].tolist()
    ]
    where = (
        "the sample"
        if labels.shape[0] == 1
        else f"domain(s) {names}{', ...' if small.sum() > _SHOW_DOMAINS else ''}"
    )
    first = "" if small.sum() == 1 else "the first: "
    msg = (
        f"the weights total at most the units sampled in {where} "
        f"({first}a total of {float(total[small][0])!r} for "
        f"{int(n_obs[small][0])} units): are the weights correctly scaled? "
        "`deff` compares with simple random sampling from a population of "
        "the weights' total, so it needs expansion weights (persons or "
        "households represented, summing to the population); there it is "
        "NaN (total below the units) or inf (equal). Estimates and standard "
        "errors do not depend on the weights' scale"
    )
    warnings.warn(msg, UserWarning, stacklevel=_validate.caller_level())


def _warn_no_stratum_of_two(
    factor: NDArray[np.float64],
    se: NDArray[np.float64],
    labels: NDArray[Any],
    measures: Sequence[str],
) -> None:
    """Warn of domains with no stratum of two PSUs under "average".

    Their variance is 0 times strata over 0 strata: NaN, as R ``survey``
    gives (``0 * 1/0``), silently there. A measure constant in the domain
    keeps its exact 0. The message names each such domain with its
    measures whose standard errors are NaN, and those whose 0 comes from
    the measure being the same for every unit.
    """
    nan = np.isnan(se)
    bad = np.isnan(factor) & nan.any(axis=1)
    if not bad.any():
        return
    names = object_labels(labels).tolist()
    one = labels.shape[0] == 1
    parts = []
    for d in np.flatnonzero(bad)[:_SHOW_DOMAINS].tolist():
        shown = [m for m, x in zip(measures, nan[d], strict=True) if x]
        zero = [m for m, x in zip(measures, nan[d], strict=True) if not x]
        where = (
            "the sample"
            if one
            else "the overall estimate"
            if names[d] is None
            else f"domain {names[d]!r}"
        )
        note = (
            f" (its {', '.join(zero)}: standard error 0, the measure being the "
            "same for every unit there)"
            if zero
            else ""
        )
        parts.append(f"{', '.join(shown)} in {where}{note}")
    more = ", ..." if bad.sum() > _SHOW_DOMAINS else ""
    msg = (
        f"the standard errors of {'; '.join(parts)}{more} are NaN under "
        "lonely_psu='average': no stratum there has more than one PSU, so "
        "there is no variance to average (R survey gives NaN too); for a "
        "figure, collapse those strata with neighbouring ones, or choose "
        "lonely_psu='adjust' ('remove' and 'certainty' give such a domain no "
        "variance at all)"
    )
    warnings.warn(msg, UserWarning, stacklevel=_validate.caller_level())


def _variance(
    red: Reduced,
    z: NDArray[np.float64],
    ratio: NDArray[np.float64],
    total: NDArray[np.float64],
    strata: _StratumWeights,
    nd: int,
    big: int,
) -> NDArray[np.float64]:
    r"""Variance before the lonely-PSU factor, from the cells' `z`: (nd, k).

    For each domain, :math:`\sum_h w_{1h} \sum_j u_{hj}^2 - w_{2h}
    (\sum_j u_{hj})^2` over the :math:`n_h` PSUs of each stratum (those
    without a unit of the domain have :math:`u_{hj} = 0`). With PSUs
    (a cell per PSU, or per unit on numpy) it is formed as

    .. math::

       \sum_h w_{1h} \sum_j (u_{hj} - \bar u_h)^2
       + \bar u_h^2 n_h (w_{1h} - n_h w_{2h}),
       \qquad \bar u_h = \frac{1}{n_h} \sum_j u_{hj},

    the same in real arithmetic, as R ``survey`` does: a sum of squares
    of the PSU totals less the square of their sum cancels where the totals
    of a stratum nearly agree (weights 0.01 % apart lose half the digits),
    their deviations from the stratum mean do not. The second term is 0
    but for a lonely PSU under ``lonely_psu="adjust"`` (:math:`w_2 = 0`,
    compared with 0; :math:`n_h = 1`), so it is taken from the lonely
    mask, never from the difference of two rounded weights. Every term is
    at least 0, and each sum is exact (order-free) before its one rounding.

    Lazy engines without `psu` give each (domain, stratum) cell's sum of
    squares only (no unit's own deviation): there the expanded form is the
    one available, and :func:`_warn_cancellation` judges it.
    """
    if red.psu is None:
        key, size, grid_d, grid_h = _stratum_grid(red, nd)
        a = _sums(key, z, size)
        prod_diag = np.diagonal(_cell_products(red, ratio, total, z), axis1=1, axis2=2)
        part1 = _sums(red.domain, strata.w1[red.stratum][:, None] * prod_diag, nd, big)
        part2 = _sums(grid_d, strata.w2[grid_h][:, None] * (a * a), nd)
        return np.asarray(part1 - part2)
    c = _centred(red, z, strata, nd)
    w_cell = strata.w1[red.stratum]
    sq = np.empty(z.shape, order="F")  # columns contiguous, as _sums reads them
    for j in range(z.shape[1]):  # a loop over the measures, column by column
        dev = z[:, j] - c.mean[:, j][c.key]
        np.multiply(dev, dev, out=dev)
        np.multiply(dev, w_cell, out=sq[:, j])
    part1 = _sums(red.domain, sq, nd, big)
    part2 = _sums(
        c.grid_d,
        c.absent[:, None] * (c.mean * c.mean) + c.alone[:, None] * (c.a * c.a),
        nd,
    )
    return np.asarray(part1 + part2)


def _stratum_grid(
    red: Reduced, nd: int
) -> tuple[NDArray[np.intp], int, NDArray[np.intp], NDArray[np.intp]]:
    """Each cell's (domain, stratum) group, their number, domain and stratum.

    Strata that nest in domains are the groups themselves (no grid);
    otherwise a (domain, stratum) grid, where a domain's groups in the
    strata it does not reach add exactly 0 to its sums, so that its figure
    is the nested one bit for bit and does not depend on `overall`.
    """
    nh = red.n_strata
    h_domain = _nested(red.domain, red.stratum) if red.stratum.size else None
    if h_domain is not None:
        size = h_domain.shape[0]
        return red.stratum, size, h_domain, np.arange(size)
    grid_d = np.repeat(np.arange(nd), nh)
    return red.domain * nh + red.stratum, nd * nh, grid_d, np.tile(np.arange(nh), nd)


@frozen(kw_only=True, eq=False)
class _Centred:
    """Per (domain, stratum) group: what centring the PSU totals needs.

    ``key``: each cell's group; ``grid_d``: each group's domain; ``a``
    and ``mean``: the sum of the PSU totals u and its mean over the
    stratum's PSUs (groups x measures); ``absent``: w1 times the PSUs of
    the stratum without a cell of the domain (each a deviation of
    ``-mean``); ``alone``: w1 where the stratum's one PSU is compared with
    0 (a lonely PSU under ``lonely_psu="adjust"``), else 0.
    """

    key: NDArray[np.intp]
    grid_d: NDArray[np.intp]
    a: NDArray[np.float64]
    mean: NDArray[np.float64]
    absent: NDArray[np.float64]
    alone: NDArray[np.float64]


def _centred(
    red: Reduced, z: NDArray[np.float64], strata: _StratumWeights, nd: int
) -> _Centred:
    """Stratum means of the cells' `z` for :func:`_variance` (cells are PSUs)."""
    key, size, grid_d, grid_h = _stratum_grid(red, nd)
    a = _sums(key, z, size)  # each stratum's sum of u, exact then rounded
    n_h = strata.n_h[grid_h]
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(n_h[:, None] > 0, a / n_h[:, None], 0.0)
    w1 = strata.w1[grid_h]
    return _Centred(
        key=key,
        grid_d=grid_d,
        a=a,
        mean=mean,
        absent=w1 * (n_h - np.bincount(key, minlength=size)),
        alone=np.where(strata.lonely[grid_h], w1, 0.0),
    )


def _compensated_z(
    red: Reduced, ratio: NDArray[np.float64], total: NDArray[np.float64], big: int
) -> NDArray[np.float64]:
    r"""Cell deviations ``(st - R sw) / W`` with `R` and the products exact.

    ``R_hi sw`` (``R_hi`` the float64 ratio) as Dekker's exact product,
    the low parts of the cell sums kept: ``d0 = st - R_hi sw`` for each
    cell, nearly exact. Their sum is ``S - R_hi W = W (R - R_hi)``, so the
    ratio's remainder is ``R_lo = sum d0 / W`` (summed exactly,
    order-free), and each deviation ``d0 - R_lo sw`` (``R_lo sw`` also as
    an exact product, and with the low parts of ``sw``). A cell whose term is
    near `R` (a share near 1 where a unit of huge weight is poor) then has
    its deviation without the cancellation of two nearly equal float64
    numbers.
    """
    nd = red.n_domains
    st_lo = np.zeros(red.st.shape) if red.st_lo is None else red.st_lo
    sw_lo = np.zeros(red.sw.shape) if red.sw_lo is None else red.sw_lo
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        r_hi = ratio[red.domain]
        sw = red.sw[:, None]
        p, e = _two_product(r_hi, sw)
        d0 = (red.st - p) + (st_lo - e - r_hi * sw_lo[:, None])
        # Over the exact total W = t_hi + t_lo (the cells' low parts and the
        # rounding of their sum), to first order: R_lo sw must be exact to
        # the deviations' own size.
        t_hi, t_lo = _sum_pair(red.domain, sw, sw_lo[:, None], nd, big)
        s0 = _sums(red.domain, d0, nd, big)
        r_lo = s0 / t_hi
        q, qe = _two_product(r_lo, t_hi)
        r_lo2 = (((s0 - q) - qe) - r_lo * t_lo) / t_hi  # R_lo's own remainder
        # R_lo sw as an exact pair too, with the low parts of R_lo and of
        # the cell weights: a cell holding the unit of huge weight beside
        # others (a PSU) has d0 near R_lo sw; their difference is its
        # deviation.
        rl = r_lo[red.domain]
        p2, e2 = _two_product(rl, sw)
        d = ((d0 - p2) - e2) - (rl * sw_lo[:, None] + r_lo2[red.domain] * sw)
        return np.asarray(d / total[red.domain][:, None])


#: Relative accuracy kept in the standard errors from deviations: where
#: the rounding of the ratio could move one by more, its deviations are
#: formed again, compensated (:func:`_compensated_z`).
_RESIDUAL_ACCURACY = 1e-12


def _compensated_variance(
    red: Reduced,
    z: NDArray[np.float64],
    var: NDArray[np.float64],
    ratio: NDArray[np.float64],
    total: NDArray[np.float64],
    strata: _StratumWeights,
    factor: NDArray[np.float64],
    constant: NDArray[np.bool_],
    z_exp: NDArray[np.int64],
    big: int,
    measures: Sequence[str],
    labels: ArrayLike,
) -> NDArray[np.float64]:
    """The variance again from compensated deviations, where it needs them.

    Each deviation ``(st - R sw) / W`` carries the rounding of the ratio
    `R`, about ``2**-53 |R| sw / W``; over the cells, a standard error
    moves by at most about ``2**-53 |R| sqrt(sum sw**2) / W``. Where that
    exceeds :data:`_RESIDUAL_ACCURACY` of the standard error (a share
    within about 1e-4 of 1 whose poor carry nearly all the weight, e.g.
    weights 2**60, 1, 2, 3, the first poor: the share rounds to 1 and each
    plain deviation of the poor to 0), that (domain, measure)'s variance
    is formed from :func:`_compensated_z`; elsewhere it is `var`, bit for
    bit, and nothing more is computed.

    A lazy engine's PSU totals are its float64 sums, their rounding not
    kept: where such a variance is needed in a domain with a PSU whose
    largest weight is :data:`LOSSY_SPREAD` (2**52) or more times its
    smallest (``Reduced.w_max``, ``w_min``), that rounding reaches the
    small units' weights the standard error rests on, and it is warned of
    (``UserWarning`` naming the measure and domain), never a silent 0.
    """
    nd = red.n_domains
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        se = np.ldexp(np.sqrt(np.maximum(var, 0.0)), -z_exp)
        # First with sqrt(sum sw**2) <= sum sw = W (no pass over the cells).
        rough = 2.0**-53 * np.abs(ratio)
        if not (~constant & (rough > _RESIDUAL_ACCURACY * se)).any():
            return var
        sq = np.bincount(red.domain, weights=red.sw * red.sw, minlength=nd)
        err = rough * (np.sqrt(sq) / total)[:, None]
        need = ~constant & np.isfinite(err) & (err > _RESIDUAL_ACCURACY * se)
    if not need.any():
        return var
    if red.w_max is not None and red.w_min is not None:
        _warn_lossy_psu_totals(red, need, measures, labels)
    zc = _compensated_z(red, ratio, total, big)
    if z_exp.any():
        zc = np.ldexp(zc, z_exp[red.domain])
    zc = np.where(need[red.domain], zc, z)
    again = _variance(red, zc, ratio, total, strata, nd, big) * factor[:, None]
    return np.asarray(np.where(need, again, var))


def _warn_lossy_psu_totals(
    red: Reduced,
    need: NDArray[np.bool_],
    measures: Sequence[str],
    labels: ArrayLike,
) -> None:
    """Warn where a needed compensation rests on an engine's lossy PSU sums."""
    with np.errstate(invalid="ignore", over="ignore"):
        lossy = _req(red.w_max) >= LOSSY_SPREAD * _req(red.w_min)  # NaN: False
    cells = np.bincount(red.domain, weights=lossy, minlength=red.n_domains) > 0
    hit = need & cells[:, None]
    if not hit.any():
        return
    d, j = np.argwhere(hit)[0]
    names = label_list(np.asarray(labels, dtype=object))
    name = names[d] if d < len(names) else None
    where = "" if name is None else f" in domain {name!r}"
    msg = (
        f"the standard error of {measures[j]}{where} ({int(hit.sum())} "
        "figure(s) in all) is that of a measure near its largest value (a "
        "share near 1 whose poor carry nearly all the weight), which rests "
        "on the small units' weights in a PSU whose largest weight is 2**52 "
        "or more times its smallest: this engine's float64 sum of that PSU's "
        "weights rounds them away, so the standard error may be off by a "
        "factor or be 0; collect the frame to pandas or polars (eager), "
        "whose PSU totals are exact"
    )
    warnings.warn(msg, UserWarning, stacklevel=_validate.caller_level())


def _measures_told(measures: Sequence[str], lines: Sequence[str] | None) -> list[str]:
    """`measures` as warnings name them: with their line, given `lines`.

    The measures of each line follow one another (those of ``lines[0]``
    first), so ``["P0", "P1", "P0", "P1"]`` under lines ``["nat", "ext"]``
    are told "P0 under line 'nat'", ..., "P1 under line 'ext'".
    """
    if not lines:
        return list(measures)
    per = len(measures) // len(lines)
    return [f"{m} under line {lines[i // per]!r}" for i, m in enumerate(measures)]


def linearised(
    red: Reduced,
    *,
    measures: Sequence[str],
    labels: NDArray[Any],
    lonely_psu: str,
    level: float,
    unit: Unit,
    overall: bool,
    weighted: bool,
    weight_arg: str = "weights",
    lines: Sequence[str] | None = None,
) -> PovertyEstimates:
    """Estimates, standard errors and the rest from the reduced table.

    `weighted`: whether survey weights were given (without them, household
    sizes alone are no population: the design effect is ``inf``);
    `weight_arg` names the weights' argument in errors (``weight`` for a
    frame's column); `lines`, the names of `lines` whose measures follow
    one another in `measures`, name each measure's line in warnings
    ("P0 under line 'ext'"), as the result's columns do.
    """
    _validate.choice(lonely_psu, "lonely_psu", _LONELY)
    told = _measures_told(measures, lines)
    w1, w2, lonely, n_h = _stratum_weights(red, lonely_psu)
    strata = _StratumWeights(w1=w1, w2=w2, lonely=lonely, n_h=n_h)
    if red.fpc is not None and not weighted:
        _refuse_fpc_implied_weights(red.fpc, n_h, red.stratum_labels, weight_arg)
    constant, largest = _constant_measures(red, overall=overall)
    rows = int(np.nansum(red.n))
    small_terms = np.fmin(largest, _weighted_terms(red, overall=overall))
    # With deviations (each cell a PSU, or a unit), the variance of a
    # measure of small terms is formed from its deviations times a power of
    # two (exact), so its squares keep their digits; the expanded sums of
    # squares of lazy engines without `psu` cannot be rescaled after the sum.
    z_exp = _deviation_exponents(small_terms, constant, rows)
    _warn_small_terms(
        small_terms,
        constant,
        rows,
        told,
        labels,
        deviations=red.psu is not None,
    )
    if overall:
        red = _overall_cells(red)
        labels = np.concatenate([object_labels(labels), [None]])
    nd, k = red.n_domains, red.st.shape[1]
    big = _largest(red.domain, nd)  # counted once for every sum by domain
    with np.errstate(over="ignore"):  # an overflow is refused just below
        total = _sum(red.domain, red.sw, nd, big)
    _check_weight_range(red, total)
    keep = _KEEP_DESIGN_AVERAGE if lonely_psu == "average" else _KEEP_DESIGN
    check_domain_totals(total, labels, advice=keep)
    ratio = _term_sums(red, red.st, nd, largest=big) / total[:, None]
    factor = _average_factor(red, lonely) if lonely_psu == "average" else np.ones(nd)
    z = _cell_z(red, ratio, total)
    scaled = red.psu is not None and bool(z_exp.any())
    if scaled:
        z = np.ldexp(z, z_exp[red.domain])
    var = _variance(red, z, ratio, total, strata, nd, big) * factor[:, None]
    if red.psu is not None:
        var = _compensated_variance(
            red,
            z,
            var,
            ratio,
            total,
            strata,
            factor,
            constant,
            z_exp,
            big,
            told,
            labels,
        )
    if red.psu is None:  # expanded sums of squares (lazy engines): cancel?
        _warn_cancellation(red, ratio, total, w1, var, factor, constant, told, labels)
    var = np.where(var < 0, np.maximum(var, 0.0), var)  # rounding below zero
    # A measure the same for every unit of a domain has u = 0 for each unit:
    # its variance is exactly 0 (the ratio's rounding would leave 1e-16);
    # so has every measure of a domain lying in one PSU (NaN stays NaN: all
    # its strata lonely under "average").
    one = _one_psu(red) & ~np.isnan(factor)
    var = np.where(constant | one[:, None], 0.0, var)
    se = np.sqrt(var)
    if lonely_psu == "average":
        _warn_no_stratum_of_two(factor, se, labels, told)
    if scaled:
        # The deviations were multiplied by 2**z_exp: the variance by its
        # square. Scaled back after the square root, so that a standard
        # error whose variance is subnormal keeps its digits.
        se = np.ldexp(se, -z_exp)
        with np.errstate(under="ignore"):
            var = np.ldexp(var, -2 * z_exp)
    # Design effect against SRS without replacement (R: deff=TRUE).
    n_obs = np.bincount(red.domain, weights=red.npos, minlength=nd)
    mean_sq = _term_sums(red, red.stt, nd, largest=big) / total[:, None]
    # A domain of one unit has no unit variance (n - 1 = 0): NaN, as 0/0,
    # for every measure and engine; a variance that rounding puts below 0
    # is 0, as `var` is.
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # No spread for a constant measure: deff 0/0, NaN, as R's.
        spread = np.where(constant, 0.0, np.maximum(mean_sq - ratio**2, 0.0))
        s2 = np.where(
            (n_obs > 1)[:, None], spread * (n_obs / (n_obs - 1))[:, None], np.nan
        )
        # Weights divided by their mean total the units up to the rounding
        # of their sum, which differs by engine (7e-15 above or below): a
        # total within 1e-9 of the units is equal to them, so deff is inf
        # and warned of on every engine, never a ratio near 1e15.
        # The population is the total of the weights as given (rescaled
        # weights, :func:`weight_exponents`, are multiplied back: inf where
        # that total is beyond float64, 1/n then).
        pop = total if red.weight_exp is None else np.ldexp(total, red.weight_exp)
        equal = np.abs(pop - n_obs) <= 1e-9 * n_obs
        above = np.where(equal, 0.0, pop - n_obs)
        # Without weights the sample is the whole population: no sampling
        # variance under simple random sampling.
        srs_factor = (
            np.where(np.isinf(pop), 1.0 / n_obs, above / (pop * n_obs))
            if weighted
            else 0.0 * total
        )
        vsrs = s2 * np.asarray(srs_factor)[:, None]
        deff = np.where((above < 0)[:, None], np.nan, var / vsrs)
    if weighted:
        _warn_unscaled_weights(np.where(equal, n_obs, pop), n_obs, labels)
    # Degrees of freedom: PSUs minus strata among rows of positive weight.
    pos = red.npos > 0
    if red.psu is None:
        n_psu = np.bincount(red.domain, weights=red.npos, minlength=nd)
    else:
        n_psu = np.bincount(red.domain[pos], minlength=nd).astype(np.float64)
    strata_pos = np.zeros(nd * red.n_strata, bool)
    strata_pos[(red.domain * red.n_strata + red.stratum)[pos]] = True
    df = n_psu - strata_pos.reshape(nd, red.n_strata).sum(axis=1)
    scale = _SCALE[unit]
    # The float64 nearest the exact ratio (23/40 is 57.5 %, where 0.575 * 100
    # is 57.49999999999999), a share never above 100 %.
    if red.sw_lo is not None and red.st_lo is not None:
        # Ratios of the exact sums: the float64 sums of the weights round.
        t_hi, t_lo = _sum_pair(red.domain, red.sw[:, None], red.sw_lo[:, None], nd, big)
        if red.terms_rows is not None and not red.st_lo.any():
            s_hi, s_lo = _term_sums(red, red.st, nd, pair=True, largest=big)
        else:
            s_hi, s_lo = _sum_pair(red.domain, red.st, red.st_lo, nd, big)
        est = weighted_means(s_hi, t_hi, scale, sums_lo=s_lo, totals_lo=t_lo)
    else:
        est = weighted_means(_sums(red.domain, red.st, nd), total[:, None], scale)
    se = se * scale
    # Near 1, 0.5 + level / 2 rounds to 1 (an infinite quantile for the
    # level 1 - 2**-53): the lower tail at (1 - level) / 2, exact there.
    if 1.0 - level < 1e-8:
        q = -stdtrit(np.maximum(df, 0.0), (1.0 - level) / 2)
    else:
        q = stdtrit(np.maximum(df, 0.0), 0.5 + level / 2)
    q = np.where(df > 0, q, np.nan)
    half = se * q[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        rse = np.where(est == 0, np.nan, 100 * se / np.abs(est))
    design = _Design(
        reduced=red,
        ratio=ratio,
        total=total,
        strata=strata,
        factor=factor,
        constant=constant,
        scale=scale,
        overall=overall,
    )
    rep = np.repeat
    return PovertyEstimates(
        domain=rep(object_labels(labels), k),
        measure=np.tile(np.asarray(measures, dtype=str), nd),
        estimate=est.ravel(),
        se=se.ravel(),
        lower=(est - half).ravel(),
        upper=(est + half).ravel(),
        rse_pct=rse.ravel(),
        deff=deff.ravel(),
        n=rep(n_obs, k),
        n_psu=rep(n_psu, k),
        df=rep(df, k),
        level=level,
        unit=unit,
        design=design,
    )


def _covariance(des: _Design) -> NDArray[np.float64]:
    """Full covariance of all domain x measure estimates."""
    red = des.reduced
    nd, k, nh = red.n_domains, red.st.shape[1], red.n_strata
    z = _cell_z(red, des.ratio, des.total)
    cols = (red.domain[:, None] * k + np.arange(k)[None, :]).ravel()
    dh = red.domain * nh + red.stratum
    a = _sums(dh, z, nd * nh).reshape(nd, nh, k).transpose(1, 0, 2).reshape(nh, nd * k)
    part2 = (a.T * des.strata.w2) @ a
    if red.psu is not None:
        n_psu = int(red.psu.max()) + 1 if red.psu.size else 0
        rows = np.repeat(red.psu, k)
        zmat = sparse.csr_array((z.ravel(), (rows, cols)), shape=(n_psu, nd * k))
        psu_stratum = np.zeros(n_psu, np.intp)
        psu_stratum[red.psu] = red.stratum
        weighted = zmat.multiply(des.strata.w1[psu_stratum][:, None]).tocsr()
        part1 = np.asarray((zmat.T @ weighted).toarray())
    else:
        prods = _cell_products(red, des.ratio, des.total, z)
        part1 = np.zeros((nd * k, nd * k))
        block = _sums(
            red.domain,
            (des.strata.w1[red.stratum][:, None, None] * prods).reshape(-1, k * k),
            nd,
        )
        for_d = block.reshape(nd, k, k)
        idx = np.arange(nd)[:, None] * k + np.arange(k)[None, :]
        part1[idx[:, :, None], idx[:, None, :]] = for_d
        if des.overall:
            part1 += _overall_cross(des, z)
    cov = part1 - part2
    if red.psu is not None:
        # Each domain's own block (its measures with one another) from the
        # PSU totals' deviations, as its variance (:func:`_variance`): its
        # diagonal is the variance of the standard errors.
        c = _centred(red, z, des.strata, nd)
        dev = z - c.mean[c.key]
        w_cell = des.strata.w1[red.stratum][:, None, None]
        own = w_cell * (dev[:, :, None] * dev[:, None, :])
        grid = c.absent[:, None, None] * (c.mean[:, :, None] * c.mean[:, None, :])
        grid += c.alone[:, None, None] * (c.a[:, :, None] * c.a[:, None, :])
        big = _largest(red.domain, nd)
        block = _sums(red.domain, own.reshape(-1, k * k), nd, big) + _sums(
            c.grid_d, grid.reshape(-1, k * k), nd
        )
        idx = np.arange(nd)[:, None] * k + np.arange(k)[None, :]
        cov[idx[:, :, None], idx[:, None, :]] = block.reshape(nd, k, k)
    root = np.repeat(np.sqrt(des.factor), k)
    cov = cov * np.outer(root, root) * des.scale**2
    # A measure the same for every unit of its domain does not vary, nor
    # does any of a domain lying in one PSU.
    one = _one_psu(red) & ~np.isnan(des.factor)
    fixed = (des.constant | one[:, None]).ravel()
    cov[fixed, :] = 0.0
    cov[:, fixed] = 0.0
    # Exactly symmetric: the upper triangle mirrored (the sums of the two
    # triangles' products can round apart by an ulp); the diagonal as is.
    return np.asarray(np.triu(cov) + np.triu(cov, 1).T)


def _overall_cross(des: _Design, z: NDArray[np.float64]) -> NDArray[np.float64]:
    """Units-as-PSUs: products of the overall's and each domain's variables."""
    red = des.reduced
    nd, k = red.n_domains, red.st.shape[1]
    o = nd - 1
    base = red.domain != o
    d = red.domain[base]
    r_d = des.ratio[d]
    r_o = np.broadcast_to(des.ratio[o], r_d.shape)
    swwt = _req(red.swwt)[base]
    m2 = (
        _req(red.swwtt)[base]
        - r_o[:, :, None] * swwt[:, None, :]
        - swwt[:, :, None] * r_d[:, None, :]
        + _req(red.sww)[base][:, None, None] * r_o[:, :, None] * r_d[:, None, :]
    ) / (des.total[o] * des.total[d])[:, None, None]
    w = des.strata.w1[red.stratum[base]][:, None, None] * m2
    block = _sums(d, w.reshape(-1, k * k), nd).reshape(nd, k, k)
    out = np.zeros((nd * k, nd * k))
    rows = o * k + np.arange(k)
    for_d = np.arange(nd)[:, None] * k + np.arange(k)[None, :]
    # rows: overall measures; columns: domain measures (and the transpose).
    out[rows[None, :, None], for_d[:, None, :]] = block
    out[for_d[:, :, None], rows[None, None, :]] = block.transpose(0, 2, 1)
    out[rows[:, None], rows[None, :]] = 0.0  # the overall's own block is in part1
    return out


@_validate.positional
def poverty_estimates(
    welfare: ArrayLike,
    line: ArrayLike | Mapping[Any, Any] | None = None,
    *,
    unit: Unit,
    lines: Mapping[str, ArrayLike | Mapping[Any, Any]] | None = None,
    alpha: float | Sequence[float] = (0, 1, 2),
    weights: ArrayLike | None = None,
    size: ArrayLike | None = None,
    by: ArrayLike | None = None,
    strata: ArrayLike | None = None,
    psu: ArrayLike | None = None,
    fpc: ArrayLike | None = None,
    lonely_psu: LonelyPsu = "raise",
    comparison: Comparison = "<",
    watts: bool = False,
    level: float = 0.95,
    overall: bool = False,
    nan_policy: MissingPolicy = "raise",
) -> PovertyEstimates:
    r"""FGT measures and the Watts index by domain with design-based errors.

    Parameters
    ----------
    welfare : array_like
        Welfare of each unit (consumption or income per capita), 1-D.
    line : float, array_like or mapping
        Poverty line: a number, one line per unit, or a mapping from each
        domain label of `by` to its line. Must be > 0. Give `line` or
        `lines`, not both. Mapping values are read as `line` arrays are:
        a float32 value is its shortest decimal (``np.float32(100.1)`` is
        100.1), a ``Decimal`` is taken when float64 holds it.
    unit : {"fraction", "percent"}
        Scale of the estimates, errors and bounds. Required.
    lines : mapping of str to line, optional
        Several poverty lines at once, by name; each value is anything
        `line` accepts. All lines are estimated from the same single
        reduction, the result gets a ``line`` attribute (column) with the
        line's name, one row per domain, line and measure, and ``.cov``
        covers them all. With ``nan_policy="omit"`` a row missing under
        any line gets zero weight under every line.
    alpha : float or sequence of float, default (0, 1, 2)
        FGT parameters: P0, P1 and P2 by default. Read and checked as in
        :func:`fgt` (a float32 is its shortest decimal; masked entries and
        integers float64 cannot hold are refused). An empty sequence with
        ``watts=True`` asks for the Watts index alone. Each measure is
        labelled "P0", "P1", "P2" or "FGT(a)", `a` its shortest repr
        ("FGT(3)", "FGT(2.5)", "FGT(1e+308)").
    weights : array_like, optional
        Survey weight of each unit (>= 0); None weighs units equally.
    size : array_like, optional
        Household size: household rows count as their members.
    by : array_like, optional
        Domain label of each unit; None is one domain of all units.
    strata : array_like, optional
        Stratum of each unit; None is one stratum.
    psu : array_like, optional
        Primary sampling unit of each unit, nested in its stratum (the same
        label in two strata names two PSUs). None makes each unit a PSU,
        with the same results as unique ids (``numpy.arange(n)``).
    fpc : array_like, optional
        Finite population correction, constant within a stratum: the number
        of PSUs in the stratum's population (at least the number sampled
        there), or (if every value is <= 1) the fraction of them sampled, in
        (0, 1]. A value of 1 in every stratum is refused when a stratum has
        more than one PSU sampled: it reads both ways (see Notes). Without
        `weights`, it must imply equal weights (see Notes). None treats
        PSUs as drawn with replacement.
    lonely_psu : {"raise", "remove", "certainty", "adjust", "average"}
        Strata with a single PSU, as R ``survey`` (see :data:`LonelyPsu`).
        Under ``"average"`` a domain none of whose strata has more than one
        PSU (a small domain in one stratum of one PSU) has no variance to
        average: its standard error, bounds, ``rse_pct`` and ``deff`` are
        NaN, as R gives, and a warning names it (a measure the same for
        every unit of the domain keeps its exact 0).
    comparison : {"<", "<="}, default "<"
        Poor means ``welfare < line`` or ``<=``.
    watts : bool, default False
        Also estimate the Watts index (welfare must then be > 0); alone
        with ``alpha=[]``.
    level : float, default 0.95
        Confidence level of the bounds, a fraction in (0, 1): every level
        below 1 gives finite bounds (1 - 2**-53 too); a level of 2**-54
        or less is refused, naming that limit (1 - level is 1 in float64).
    overall : bool, default False
        Add the estimate over all units as a last domain, labelled None.
    nan_policy : {"raise", "omit"}, default "raise"
        Missing welfare, line, weight or size: raise, or give the row zero
        weight (it stays in the design, as R's ``na.rm=TRUE`` keeps its
        PSU). A stratum whose rows are all missing adds nothing, so a
        single PSU there is not refused under ``lonely_psu="raise"`` (R's
        ``na.rm=TRUE`` drops the stratum); under ``lonely_psu="average"`` a
        stratum of the domain whose rows are all missing is not one of its
        strata. Rows of zero weight as given keep their strata, as in R.
        Missing is None, NaN, pandas.NA, or a Decimal NaN, quiet or
        signalling (``Decimal("sNaN")``).

    Returns
    -------
    PovertyEstimates
        One row per domain and measure; ``.cov`` is their covariance matrix.

    Raises
    ------
    TypeError
        If an input is not numeric, or `by`, `strata` or `psu` labels are
        of mixed kinds (1, 1.0, True and '1' differ only in type) or are
        not scalars (lists, tuples, arrays; the message gives the first, or
        its length if it is long: a Series is not printed). `by` given as
        several columns (crossed domains), or as one row of labels per unit
        (a list of tuples, a pandas MultiIndex or Series of tuples), gets
        the advice to combine them into one label per unit, or to pass a
        frame to :func:`povstat.poverty_table` with ``by=[...]``; `strata`
        or `psu` given so (a stratum of regency by urban/rural) gets the
        advice to combine them into one label per unit.
        If an array argument is a frame of any engine (pandas, polars,
        pyarrow, DuckDB, Spark; eager or lazy), a polars, narwhals, DuckDB
        or Spark expression, or one str that looks like a column name (not
        a number written as text): the message names what was passed, how
        to take a column's values, and that :func:`poverty_table` takes a
        frame and column names; one written as an R formula (``strata="~kab+urban"``,
        ``psu="~nks+hh"``, R's backticks, ``factor()`` and ``interaction()``
        read as the names inside) gets the values it stands for, as
        :func:`poverty_table`'s message gives its columns. Several columns
        given as one frame get the code that combines them on that frame
        (pandas, polars eager or lazy, DuckDB, Spark, pyarrow; a lazy
        frame's code collects the labels).
    ValueError
        If both or neither of `line` and `lines` are given, `lines` is empty,
        `alpha` is empty without ``watts=True``, a
        `by`, `strata` or `psu` label is missing (the message names the
        first, by its index), a value is missing under
        ``nan_policy="raise"`` (the message names each argument that holds
        missing values, with its count, and the first such row), `line` is NaN
        (or NaN for a domain of its mapping) under any policy (the message names
        the line, not the rows), a per-unit line is NaN on every row of the
        sample or of a domain under ``nan_policy="omit"``, which would leave
        them without weight (the message names the line), a line is not > 0
        (in a mapping, the message names the domain),
        weights are negative, a weight times its size underflows float64
        to 0 (the message names the first such row), a domain has no
        weight (its weights are all 0, or all its rows are missing under
        ``nan_policy="omit"``; the message advises giving its rows another
        domain's label rather than dropping them, which would change the
        design and the other domains' standard errors; under
        ``lonely_psu="average"``, where a stratum of rows of zero weight as
        given counts among the strata of the domain they join, also making
        their weights missing under ``nan_policy="omit"``, with the overall
        figures from a call with the weights as given and without `by`:
        R's ``svyby`` and ``svymean`` figures), a stratum has a
        single PSU under ``lonely_psu="raise"`` (one whose rows are all
        missing under ``nan_policy="omit"`` is not refused), `fpc` varies
        within a stratum (in
        its last bits too, as 0.1 + 0.2 and 0.3: the message shows each
        value in full and, for differences within rounding, advises rounding
        the column; povstat never picks one of them), a
        population size in `fpc` is smaller than the PSUs sampled in its
        stratum, `fpc` is 1 in every stratum with more than one PSU sampled in
        one, `fpc` is given without `weights` and the weights it implies
        differ between strata (see Notes), the lengths disagree, there are
        no units, or the FGT or Watts terms are so large that their squares
        summed over the rows could leave float64's range (a term of about
        2**510 / sqrt(rows), 3e153 / sqrt(rows), or more), so that no
        standard error can be formed (:func:`fgt` gives the measures alone,
        ``inf`` beyond float64's range): a rule on the terms alone, so at
        every scale of the weights and on every engine. Weights whose
        squares or total leave float64's range are rescaled, not refused,
        unless without `psu` a domain's rescaled squares all vanish (see
        Notes). An error about one of several `lines` names its
        entry.

    Warns
    -----
    UserWarning
        If `weights` are given and total at most the units of positive
        weight in a domain (or overall, or the sample), where ``deff`` is
        then NaN or ``inf`` (see Notes): the message names the domains and
        asks whether the weights are correctly scaled, as R ``survey``
        warns. If under ``lonely_psu="average"`` a domain has no stratum of
        more than one PSU, so that its standard errors are NaN (R gives
        NaN silently): the message names the domains and, in each, the
        measures whose standard errors are NaN and those whose 0 is that of a
        measure the same for every unit there (each named with its line,
        "P0 under line 'ext'", when `lines` is given). A census stratum
        (`fpc` equal to its PSUs, variance 0) counts as a stratum averaged
        over, as in R: a domain holding one and otherwise lonely strata
        gets standard errors of 0 and no warning. If a measure that
        varies in a domain has terms (or terms
        times weights, over the largest weight: a unit of larger term but
        tiny weight carries no variance) all below about
        ``2**(bit_length(rows) - 500)``, 3e-151 times a power of two of the
        rows' count (e.g. FGT with a large alpha): their squares lose their
        digits to float64's subnormals. The standard error is then formed
        from the linearised deviations multiplied by a power of two (exact)
        and keeps its digits, and the warning says that the design effect
        may be inaccurate; the standard error too where those weighted
        terms are below about 1e-289 (near the subnormals themselves). The
        same rule at every scale of the weights and on every engine, except
        that a lazy engine (polars lazy, DuckDB, Spark) without `psu` sums
        squares on the engine, where no rescaling can follow: there the
        standard error may be inaccurate or 0, and the warning advises a
        unit id as `psu`.

    See Also
    --------
    fgt, watts : Point estimates only.
    poverty_table : The same from a dataframe, on any engine.

    Notes
    -----
    Taylor linearisation of the ratio estimator with PSUs drawn with
    replacement within strata [1]_, as R ``survey``'s
    ``svyby(~P0+P1+P2, ~domain, svydesign(ids=~psu, strata=~stratum,
    weights=~w, nest=TRUE), svymean)`` [2]_ computes it; povstat's tests
    check this to 1e-10 relative. Intervals use Student's t with the
    domain's degrees of freedom.

    `fpc` follows R ``survey``: values all <= 1 are sampling fractions,
    otherwise population sizes. An fpc of 1 everywhere is where the two
    readings part: R reads it as fractions (every stratum a census, every
    standard error 0); povstat refuses it when a stratum has more than one
    PSU sampled, since as a population size it is smaller than the sample.
    Give population sizes instead (equal to the PSUs sampled for a census).

    Without weights, R derives them from the fpc: :math:`N_h/n_h` (the PSUs
    in the stratum's population over those sampled) or :math:`1/f_h`.
    povstat weighs units equally without `weights`, which is R's answer only
    when those are equal in every stratum (one stratum, or equal
    fractions); otherwise it refuses, naming the weights the fpc implies:
    pass them as `weights`.

    Weights (times sizes) whose sums, squares or squares times squared
    terms could leave float64's normal range (in a domain, the largest
    times the largest term, or 1, at least about 2**511 / rows, 6.7e153 /
    rows, so that the square of their total is finite; the smallest
    positive one below 2**-511, about 1.5e-154, subnormals such as 5e-324
    included; or the largest times a measure's largest term below 2**-511:
    a subnormal weight times a gap of 0.6 is 5e-324 again, all digits
    lost) are first multiplied, every domain as soon as one needs it,
    domain by domain, by the power of two that brings the
    domain's largest weight into [0.5, 1): exact, since a domain's
    estimates and standard errors use its own units' weights alone, so
    every estimate and standard error is that of the weights as given (a
    domain of weights near 1e-20 beside one near 1e300 keeps every digit;
    the overall domain of ``overall=True`` has its own power of two, and
    there a domain whose weights are below 2**-1022 of the largest adds
    less than float64 shows), as
    :func:`povstat.poverty_table` computes on every engine; the design
    effect compares with a population of the weights' total as given (``inf``
    beyond float64, where the sampling fraction is 0). Without `psu`, a
    domain and stratum whose rescaled weights all square to 0 (all below
    about 1e-162 of the largest) is refused (ValueError), as on the lazy
    engines of :func:`povstat.poverty_table`, whose variance needs those
    squares; a unit id as `psu` gives the same units-as-PSUs estimate from
    deviations.

    The deviations ``w_i (t_i - R) / W`` carry the rounding of the ratio
    `R` (about 1e-16 of it). Where that could move a standard error by
    more than 1e-12 of itself (a share within about 1e-4 of 1 whose poor
    carry nearly all the weight: weights 2**60, 1, 2 and 3 with the first
    alone poor give a share that rounds to 1.0, whose plain deviation for
    that unit is 0), they are formed again with the ratio's remainder and
    exact products (compensated), from the same sums: the standard error
    is then the exact one to about 1e-15 (7.0820e-18 there, not 2.2395e-18).
    Ordinary data are not affected, bit for bit. A lazy engine without
    `psu` (:func:`povstat.poverty_table`) forms the variance from sums of
    squares, where no such correction can follow; its cancellation is
    warned of, and a unit id as `psu` gives the compensated figure. With
    PSUs of several units, the PSU totals are kept as exact pairs on numpy,
    pandas and polars, so a PSU holding the unit of huge weight beside
    others is compensated too. A lazy engine's float64 PSU sums (polars
    lazy, DuckDB, Spark, with `psu`) round by up to ``2**-53`` times a
    PSU's largest weight: such a standard error may be off relatively by
    about that times the largest over the smallest weight of a PSU (1e-7
    at a spread of 1e9), times the PSU totals over their differences
    within a stratum (the variance is formed from the PSU totals'
    deviations from their stratum's mean, as R ``survey`` forms it: PSU
    totals 0.01 % apart in every stratum make that 1e4, 2e-12 of the
    standard error), and where that spread is 2**52 or more, so that
    the rounding reaches half the small units' weights (a standard error
    off by a factor, or 0), it is warned of (``UserWarning`` naming the
    measure and domain; collect the frame to pandas or polars).

    The design effect ``deff`` is R ``survey``'s ``deff=TRUE``: against
    simple random sampling without replacement from a population of the
    weights' total. Unlike the estimates and standard errors, it depends on
    the weights' scale (through the finite population factor
    :math:`(N - n)/N`, with :math:`N` the weights' total and :math:`n` the
    units): it is meaningful only with expansion weights, the persons (or
    households) each unit represents, summing to the population. Weights
    normalised to sum to 1 total less than the units, so ``deff`` is NaN,
    as R's; weights divided by their mean total the units, so it is
    ``inf``; both warn (see Warns). With no weights that total equals the
    number of units, so the sample is the whole population, the reference
    variance is 0 and ``deff`` is ``inf`` (NaN if the variance is 0 too),
    as in R; with `size` but no `weights` too (the sizes count the sample's
    persons, not a population).

    A measure the same for every unit of positive weight in a domain (every
    unit poor at the same welfare and line, or none poor) has a linearised
    variable of 0 for every unit: its standard error is exactly 0, its
    rows and columns of ``.cov`` are 0 and its design effect is NaN (0 /
    0), as R ``survey`` gives (except under ``lonely_psu="average"`` in a
    domain with no stratum of more than one PSU, where R gives NaN, 0
    times 1/0), rather than the 1e-16 that the rounding of
    the ratio would leave. It is told by the smallest and largest term of
    the domain's units, taken in the same one reduction, on every engine.

    Domain labels that are equal but written differently (0.0 and -0.0,
    ``Decimal("1.0")`` and ``Decimal("1.00")``, one instant in two time
    zones) are one domain, shown by the label with the smallest ``repr``
    (a zero without its sign), whatever the order of the rows.

    The keys of a `line` mapping are matched by value and kind, the same
    way in this function and :func:`povstat.poverty_table` on
    every engine: a key of another kind than the labels (1 or True for the
    label 1.0, 1.0 for 1, 1 for '1') matches no domain, and the "no poverty
    line" error lists such keys. A float32 (or float16) label is its
    shortest decimal, the figure typed (``np.float32(0.1)`` is 0.1, not the
    0.10000000149011612 it holds), whatever holds it (a float32 array or
    column, numpy float32 scalars in a list or object array), as
    povstat's other functions read float32 labels (:func:`povstat.sum_counts`,
    :func:`povstat.rank`): keys 0.1 and ``np.float32(0.1)`` match it, the float64
    0.10000000149011612 is another label, and distinct float32 values
    remain distinct domains (each shortest decimal reads back as its
    float32). Dates and times match by the instant they
    name whatever their type (``datetime``, ``pandas.Timestamp``,
    ``numpy.datetime64`` of any unit, a ``date`` as its midnight); a key
    with a time zone matches a label with one at the same instant, in any
    zone, and a naive key never matches a zoned label. Date labels are
    shown as datetimes whatever their unit (nanoseconds included), in
    their column's zone. Numpy scalars among object labels are shown as the
    Python values they hold.

    References
    ----------
    .. [1] Wolter, K. M. (2007), *Introduction to Variance Estimation*, 2nd
       ed., Springer, chapter 6.
    .. [2] Lumley, T. (2010), *Complex Surveys: A Guide to Analysis Using
       R*, Wiley, chapters 2-3.

    Examples
    --------
    >>> from povstat import poverty_estimates
    >>> est = poverty_estimates(
    ...     [90, 120, 200, 80, 130, 300, 110, 95], 125, alpha=[0, 1],
    ...     unit="percent", strata=[1, 1, 1, 1, 2, 2, 2, 2],
    ...     psu=[1, 1, 2, 2, 1, 1, 2, 2])
    >>> est.measure.tolist(), est.estimate.round(2).tolist()
    (['P0', 'P1'], [62.5, 13.0])
    >>> est.se.round(2).tolist(), est.df.tolist()
    ([27.95, 4.53], [2.0, 2.0])

    Several poverty lines in one pass:

    >>> est = poverty_estimates([100, 110, 150, 160], alpha=0, unit="fraction",
    ...                         lines={"national": 125, "extreme": 105})
    >>> est.line.tolist(), est.estimate.tolist()
    (['national', 'extreme'], [0.5, 0.25])
    """
    _validate.unit(unit)
    lev = _level(level)
    wat = _validate.flag(watts, "watts")
    alphas, _ = alphas_arg(alpha, watts=wat)
    ovr = _validate.flag(overall, "overall")
    _validate.choice(lonely_psu, "lonely_psu", _LONELY)
    comp = comparison_arg(comparison)
    refuse_tables(strata=strata, psu=psu, fpc=fpc)
    named = _lines_arg(line, lines)
    omitted: list[NDArray[np.bool_]] = []  # rows left out under "omit"
    if named is None:
        assert line is not None
        y, z, w, domains = prepare_units(
            welfare,
            line,
            weights=weights,
            size=size,
            by=by,
            nan_policy=nan_policy,
            watts=wat,
            omitted=omitted,
        )
        zs = [z]
    else:
        y, zs, w, domains = _prepare_lines(
            welfare,
            named,
            weights=weights,
            size=size,
            by=by,
            nan_policy=nan_policy,
            watts=wat,
            omitted=omitted,
        )
    # Units poor under some line; every term is 0 for the others.
    rows = poor_rows(y, np.max(np.stack(zs), axis=0), comparison=comp)
    terms = []
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        for z in zs:  # one set of term columns per line, same reduction
            terms += unit_terms(
                y[rows],
                z[rows],
                alphas=alphas,
                watts=wat,
                comparison=comp,
                ops=NUMPY_OPS,
            )
    if domains is None:
        labels: NDArray[Any] = np.array([None], dtype=object)
        codes = np.zeros(y.shape[0], np.intp)
    else:
        labels, codes = domains
    red = reduce_units(
        terms,
        w,
        domain=codes,
        n_domains=labels.shape[0],
        strata=strata,
        psu=psu,
        fpc=fpc,
        rows=rows,
        missing=np.logical_or.reduce(omitted) if omitted else None,
    )
    names = measure_names(alphas, watts=wat)
    est = linearised(
        red,
        measures=names * len(zs),
        labels=labels,
        lonely_psu=lonely_psu,
        level=lev,
        unit=unit,
        overall=ovr and domains is not None,
        weighted=weights is not None,
        lines=None if named is None else list(named),
    )
    if named is None:
        return est
    per_domain = np.repeat(np.asarray(list(named), dtype=str), len(names))
    n_rows = est.estimate.shape[0] // per_domain.shape[0]
    return evolve(est, line=np.tile(per_domain, n_rows))


@contextmanager
def line_entry(name: str | None) -> Iterator[None]:
    """Errors about `line` name the entry of `lines` they are about.

    "`line` must be > 0" becomes "`lines` entry 'extreme' must be > 0" for
    the line named 'extreme'; with `name` None, errors pass unchanged.
    """
    try:
        yield
    except (ValueError, TypeError) as exc:
        text = str(exc)
        if name is None or "`line`" not in text:
            raise
        text = text.replace("`line`", f"`lines` entry {name!r}")
        # The frame function's own argument for it: lines={'a': 'garis'}.
        text = re.sub(
            r"\(line=('[^']*'|\"[^\"]*\")\)",
            lambda m: f"(lines={{{name!r}: {m.group(1)}}})",
            text,
        )
        raise type(exc)(text) from None


def _lines_arg(line: object, lines: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The named lines, or None when a single `line` is given."""
    if (line is None) == (lines is None):
        msg = "give exactly one of `line` and `lines`, got " + (
            "both" if line is not None else "neither"
        )
        raise ValueError(msg)
    if lines is None:
        return None
    if not isinstance(lines, Mapping):
        msg = f"`lines` must be a mapping from name to line, got {type(lines).__name__}"
        raise TypeError(msg)
    if not lines:
        msg = "`lines` must name at least one poverty line, got an empty mapping"
        raise ValueError(msg)
    wrong = [k for k in lines if not isinstance(k, str)]
    if wrong:
        msg = f"`lines` names must be strings, got {wrong[:5]}"
        raise TypeError(msg)
    return dict(lines)


def _prepare_lines(
    welfare: ArrayLike,
    named: Mapping[str, Any],
    *,
    weights: ArrayLike | None,
    size: ArrayLike | None,
    by: ArrayLike | None,
    nan_policy: str,
    watts: bool,
    omitted: list[NDArray[np.bool_]],
) -> tuple[
    NDArray[np.float64],
    list[NDArray[np.float64]],
    NDArray[np.float64],
    tuple[NDArray[Any], NDArray[np.intp]] | None,
]:
    """Welfare, one line per unit for each named line, weights and domains.

    A row missing under any line gets zero weight under all of them.
    """
    prepared = []
    for name, value in named.items():  # a loop over the handful of lines
        with line_entry(name):
            prepared.append(
                prepare_units(
                    welfare,
                    value,
                    weights=weights,
                    size=size,
                    by=by,
                    nan_policy=nan_policy,
                    watts=watts,
                    omitted=omitted,
                )
            )
    y, _, w, domains = prepared[0]
    for p in prepared[1:]:
        w = np.minimum(w, p[2])  # zero where any line's row is missing
    zs = [np.asarray(p[1]) for p in prepared]
    return y, zs, w, domains
