"""Dataframe adapters of sampling uncertainty: intervals, change tests, rank sets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import cast, get_args

import numpy as np
from narwhals.stable.v2.typing import IntoFrameT
from numpy.typing import NDArray

from povstat import _grouping, _validate
from povstat._validate import Unit
from povstat.frames import _checks, _plumbing
from povstat.frames.ranking import (
    group_columns,
    group_name,
    missing_error,
    refuse_data_for_by,
)
from povstat.rank_inference import (
    RankMethod,
    RankNanPolicy,
    _draw_settings,
    _rank_sets,
)
from povstat.uncertainty import (
    IntervalMethod,
    _level,
    asymmetric,
    change_test,
    rate_interval,
    se_from_bounds,
    se_from_moe,
    se_from_rse,
)

__all__ = ["with_change_test", "with_rank_sets", "with_rate_interval"]

_INTERVAL_COLUMNS = ("rate_se", "rate_lower", "rate_upper")
_CHANGE_TEST_COLUMNS = (
    "change_se",
    "change_lower",
    "change_upper",
    "change_z",
    "change_p_value",
    "change_significant",
)
_RANK_SET_COLUMNS = ("rank_lower", "rank_upper", "rank_set_count")
_INTERVAL_METHODS: tuple[str, ...] = get_args(IntervalMethod)
_RANK_METHODS: tuple[str, ...] = get_args(RankMethod)
_RANK_SET_NAN_POLICIES: tuple[str, ...] = get_args(RankNanPolicy)


def with_rate_interval(
    df: IntoFrameT,
    *,
    unit: Unit,
    level: float,
    method: IntervalMethod,
    rate: str = "poverty_rate_pct",
    se: str | None = None,
    rse_pct: str | None = None,
    moe: str | None = None,
    moe_level: float | None = None,
    bounds: tuple[str, str] | None = None,
    bounds_level: float | None = None,
    n_effective: str | None = None,
) -> IntoFrameT:
    r"""Add the standard error and a confidence interval of each rate.

    The sampling error of a rate is published in one of several forms; name
    the column that holds it with exactly one of `se`, `rse_pct`, `moe` (with
    its `moe_level`), `bounds` (with its `bounds_level`) or `n_effective`.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
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
    rate : str, default "poverty_rate_pct"
        Column of rates, in `unit`.
    se : str, optional
        Column of standard errors, in `unit` (percentage points for rates in
        percent).
    rse_pct : str, optional
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
    frame of the same kind as `df`
        `df` with three new columns, in `unit`:

        ``rate_se`` (float64)
            Standard error of the rate: from the named column, or
            :math:`\sqrt{\hat p(1-\hat p)/n}` from `n_effective`.
        ``rate_lower``, ``rate_upper`` (float64)
            Confidence bounds at `level`.

        Missing where the rate or its error is missing. No logit interval
        exists at a rate of exactly 0 or 100 % (infinite log-odds): such a
        row raises, whatever its error, even 0 (see Raises).

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
        bound is infinite, an upper bound is below its lower bound, the
        bounds of a row do not contain its rate (bounds in another unit, or
        of another estimate) or are not centred on it up to rounding (see
        :func:`povstat.se_from_bounds`), an effective sample size is not
        positive, or, for ``"logit"``, a rate is exactly 0 or 100 % with any
        error, even 0 (no logit interval exists; the message names the row
        and suggests ``method="wilson"`` with `n_effective`), as in
        :func:`povstat.rate_interval`.

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

    (Wilson [4]_). The standard error comes from :func:`povstat.se_from_rse`,
    :func:`povstat.se_from_moe` or :func:`povstat.se_from_bounds`, the bounds
    from :func:`povstat.rate_interval`.

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
    ...                    rate="rate", moe="moe90", moe_level=0.90).round(3)
       rate  moe90  rate_se  rate_lower  rate_upper
    0  10.0    2.0    1.216       7.617      12.383
    1   7.0    2.0    1.216       4.617       9.383

    An RSE of 10 % of a rate of 4.26 %, BPS style:

    >>> df = pd.DataFrame({"poverty_rate_pct": [4.26], "rse": [10.0]})
    >>> with_rate_interval(df, unit="percent", level=0.95, method="logit",
    ...                    rse_pct="rse").round(3)
       poverty_rate_pct   rse  rate_se  rate_lower  rate_upper
    0              4.26  10.0    0.426       3.499       5.178
    """
    u = _validate.unit(unit)
    lev = _level(level)
    m = cast(IntervalMethod, _validate.choice(method, "method", _INTERVAL_METHODS))
    kind, names, source_level = _error_source(
        method=m,
        se=se,
        rse_pct=rse_pct,
        moe=moe,
        moe_level=moe_level,
        bounds=bounds,
        bounds_level=bounds_level,
        n_effective=n_effective,
    )
    table = _plumbing.collect(df)
    _checks.require(table, rate=rate)
    for name in names:
        _checks.require(table, **{kind: name})
    _checks.require(table, outputs=_INTERVAL_COLUMNS)
    r = _plumbing.column(table, rate)
    given = [_plumbing.column(table, name) for name in names]
    place = _plumbing.row_keys(table)
    rate_rule = partial(_checks.rate, r, "rate", rate, u, place)
    s: NDArray[np.float64] | None
    if kind == "n_effective":
        n = given[0]
        n_rules = (
            rate_rule,
            partial(_checks.positive, n, "n_effective", names[0], place),
        )
        interval = _checks.explained(
            partial(rate_interval, r, unit=u, level=lev, method=m, n_effective=n),
            *n_rules,
        )
        return _plumbing.attach(
            table,
            df,
            rate_se=interval.se,
            rate_lower=interval.lower,
            rate_upper=interval.upper,
        )
    rules: tuple[_checks.Rule, ...] = (
        rate_rule,
        *_source_rules(kind, names, given, r, rate, place),
    )
    s = _checks.explained(_source_se(kind, r, given, source_level), *rules)
    interval = _checks.explained(
        partial(rate_interval, r, unit=u, level=lev, method=m, se=s), *rules
    )
    lower, upper = interval.lower, interval.upper
    del interval  # frees its estimate and SE before the frame is copied
    return _plumbing.attach(table, df, rate_se=s, rate_lower=lower, rate_upper=upper)


def with_change_test(
    df: IntoFrameT,
    *,
    unit: Unit,
    level: float,
    independent: bool,
    se: str,
    rate: str = "poverty_rate_pct",
    region: str = "region_code",
    period: str = "period",
    correlation: float | str | None = None,
) -> IntoFrameT:
    r"""Add the test of each region's change since its previous period.

    Every row is compared with the row of the same region just before it in
    period order, as in :func:`with_changes`: is the change larger than
    sampling error alone would make it? The change itself (and the period
    it is measured from) is what :func:`with_changes` adds; the two chain.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Long table, one row per region and period, rows in any order. Not
        modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` and `se` columns; changes are in this unit
        (percentage points for percent). Required.
    level : float
        Confidence level of the interval and of the verdict, a fraction in
        (0, 1). Required.
    independent : bool
        Required, no default. True: the two periods' estimates come from
        independent samples. False: give `correlation`, e.g. for survey
        rounds whose samples overlap (a positive correlation makes the SE of
        a change smaller than the independence formula says).
    se : str
        Column of the standard errors of the rates, in `unit` (e.g.
        ``"rate_se"``, as added by :func:`with_rate_interval`). Required:
        the bundled data publish none.
    rate : str, default "poverty_rate_pct"
        Column of estimates, in `unit`.
    region : str, default "region_code"
        Key column naming the region.
    period : str, default "period"
        Key column naming the period: numeric (a time in years; whole
        numbers of five digits or more, such as YYYYMM codes, are refused,
        and so are year.month and year.semester decimals such as 2021.03
        and 2021.09, or 2021.1 and 2021.2, as for
        :func:`povstat.with_changes`) or date/datetime (read by
        calendar month).
    correlation : float or str, optional
        With ``independent=False``: the correlation of the sampling errors
        of a row's estimate and its previous period's, in [-1, 1]; a number
        for every row, or the name of a column giving it on the later row.

    Returns
    -------
    frame of the same kind as `df`
        `df` with six new columns, in this order:

        ``change_se`` (float64)
            Standard error of the change, in `unit`.
        ``change_lower``, ``change_upper`` (float64)
            Confidence interval of the change at `level`.
        ``change_z`` (float64)
            The change divided by ``change_se``; +-inf where the SE is 0 and
            the change is not.
        ``change_p_value`` (float64)
            Two-sided p-value.
        ``change_significant`` (boolean)
            Whether the p-value is below ``1 - level``: the interval
            excludes 0. Nullable ``boolean`` on numpy-backed pandas, which
            has no missing bool.

        Every new column is missing on the first row of a region, where the
        rate or SE of either row is missing, or where the correlation is
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
        is missing, an output column already exists, a rate is out of range
        for `unit`, an SE is negative or infinite, a correlation lies outside
        [-1, 1], a key is missing, or a (region, period) key appears more
        than once.

    See Also
    --------
    povstat.change_test : The array function.
    with_changes : The change in points and percent, and the period it is
        measured from.
    povstat.adjust_pvalues : Holm or Bonferroni over many regions.

    Notes
    -----
    With :math:`d = \hat\theta_1 - \hat\theta_0`,
    :math:`\mathrm{SE}(d) = \sqrt{\mathrm{SE}_0^2 + \mathrm{SE}_1^2 -
    2\rho\,\mathrm{SE}_0\mathrm{SE}_1}` (:math:`\rho = 0` when independent),
    :math:`z = d/\mathrm{SE}(d)`, :math:`p = 2\Phi(-|z|)` and the interval
    :math:`d \pm z_{1-\alpha/2}\mathrm{SE}(d)` [1]_, all computed by
    :func:`povstat.change_test`. Overlapping confidence intervals of the two
    rates do not mean that the change is not significant [2]_.

    Rows are compared as in :func:`with_changes`: a period with no row for
    the region is skipped over, and a missing rate or SE is not searched
    past.

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

    Examples
    --------
    A rate of 10 % and then 7 %, each with a 90 % margin of error of 2
    points, independent samples: the SE of each is 2 / 1.645 = 1.216, of
    the change :math:`\sqrt 2 \times 1.216 = 1.720`, so z = -1.745 and
    p = 0.081: significant at 90 %, not at 95 %.

    >>> import pandas as pd
    >>> from povstat import with_change_test, with_changes, with_rate_interval
    >>> df = pd.DataFrame({"region_code": ["A", "A"], "period": [2022, 2023],
    ...                    "poverty_rate_pct": [10.0, 7.0], "moe90": [2.0, 2.0]})
    >>> df = with_rate_interval(df, unit="percent", level=0.90,
    ...                         method="normal", moe="moe90", moe_level=0.90)
    >>> out = with_change_test(with_changes(df, unit="percent"), unit="percent",
    ...                        level=0.90, independent=True, se="rate_se")
    >>> out[["change_points", "change_se", "change_z", "change_p_value"]].round(3)
       change_points  change_se  change_z  change_p_value
    0            NaN        NaN       NaN             NaN
    1           -3.0       1.72    -1.745           0.081
    >>> out["change_significant"].tolist()
    [<NA>, True]
    >>> with_change_test(df, unit="percent", level=0.95, independent=True,
    ...                  se="rate_se")["change_significant"].tolist()
    [<NA>, False]
    """
    u = _validate.unit(unit)
    lev = _level(level)
    indep = _validate.flag(independent, "independent")
    rho = _correlation(indep, correlation)
    table = _plumbing.collect(df)
    columns = {"rate": rate, "se": se, "region": region, "period": period}
    if isinstance(rho, str):
        columns["correlation"] = rho
    _checks.require(
        table, keys=("region", "period"), outputs=_CHANGE_TEST_COLUMNS, **columns
    )
    v = _plumbing.column(table, rate)
    s = _plumbing.column(table, se)
    place = _plumbing.row_keys(table, region=region, period=period)
    # change_test takes any estimates; these are rates in `unit`.
    _checks.rate(v, "rate", rate, u, place)
    rules: list[_checks.Rule] = [partial(_checks.nonnegative, s, "se", se, place)]
    corr: float | NDArray[np.float64] | None = None
    if isinstance(rho, str):
        corr = _plumbing.column(table, rho)
        rules.append(
            partial(_checks.within, corr, "correlation", rho, -1.0, 1.0, place)
        )
    elif not indep:
        corr = rho
    cells, _ = _plumbing.cells(table, region=region, period=period)
    prev = cells.previous()
    # An SE too large to square (a variance beyond float64) reaches
    # change_test as `se_before` or `se_after`: said of the caller's column
    # and row, by its place and its region and period.
    rules.append(partial(_checks.squarable, s, "se", se, place))
    test = _checks.explained(
        partial(
            change_test,
            _grouping.take(v, prev),
            v,
            se_before=_grouping.take(s, prev),
            se_after=s,
            level=lev,
            independent=indep,
            correlation=corr,
        ),
        *rules,
    )
    return _plumbing.attach(
        table,
        df,
        change_se=test.se,
        change_lower=test.lower,
        change_upper=test.upper,
        change_z=test.z,
        change_p_value=test.p_value,
        change_significant=np.ma.masked_array(
            test.significant, mask=np.isnan(test.p_value)
        ),
    )


def with_rank_sets(
    df: IntoFrameT,
    *,
    descending: bool,
    level: float,
    method: RankMethod,
    simultaneous: bool,
    se: str,
    rate: str = "poverty_rate_pct",
    region: str = "region_code",
    by: str | Sequence[str] | None = None,
    n_draws: int = 1000,
    seed: int | None = None,
    nan_policy: RankNanPolicy = "omit",
    interval_decimals: int | None = None,
) -> IntoFrameT:
    r"""Add each row's rank within its group and a confidence set for it.

    How sure is "second lowest in the province"? The confidence set
    ``rank_lower`` to ``rank_upper`` is the range of ranks the row's region
    could hold, given the sampling error of every estimate of its group.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
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
    se : str
        Column of the standard errors of the estimates (e.g. ``"rate_se"``,
        as added by :func:`with_rate_interval`); the estimates are taken as
        independent. Required: the bundled data publish none.
    rate : str, default "poverty_rate_pct"
        Numeric column of estimates to rank.
    region : str, default "region_code"
        Key column naming the region (or whatever is ranked), as in
        :func:`with_ranks`. Each region appears at most once in each group:
        a table of several periods, or of urban, rural and total rows, is
        refused unless `by` names the columns that tell its rows apart.
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
        A missing estimate or SE: ``"omit"`` leaves the row out of its
        group (missing set; ``rank_set_count`` counts the other rows: a
        row whose rate is known but whose SE is missing is ranked by
        :func:`with_ranks` but not here); ``"raise"`` raises ``ValueError``
        with the row positions.
    interval_decimals : int, optional
        Simultaneous Bonferroni and Šidák sets only (``simultaneous=True``,
        `method` "bonferroni" or "sidak"): round the bounds of the individual
        intervals half up to this many decimals, and count two intervals
        that touch after rounding as separated, the convention of the
        published sets of Klein, Wright and Wieczorek [2]_; passed to
        :func:`povstat.rank_confidence_sets` (see its Notes). None (default):
        exact bounds, strict inequalities.

    Returns
    -------
    frame of the same kind as `df`
        `df` with three new columns:

        ``rank_lower``, ``rank_upper`` (float64)
            Bounds of the confidence set for the rank:
            ``{rank_lower, ..., rank_upper}``; missing for omitted rows.
        ``rank_set_count`` (int64)
            Number of rows the sets of the row's group rank among: those
            with both a rate and an SE (on every row of the group, omitted
            ones included).

        Rows keep their order and a pandas frame its index. The point rank
        (``ties="min"``) and the number of rows it ranks among
        (``rank_count``) are what :func:`with_ranks` adds; the two chain.
        Where an SE is missing, ``rank_set_count`` is below ``rank_count``
        and a row's point rank may lie outside its set, which is then a
        set for the rank among the ``rank_set_count`` rows.

    Raises
    ------
    TypeError
        If `df` is not a dataframe or a lazy frame povstat cannot hand back
        (Dask), `rate` or `se` is not numeric, `descending` or `simultaneous` is
        not a bool, `level` is not a number, `by` is not a column name or a
        sequence of them, or `n_draws`, `seed` or `interval_decimals` is not
        an int.
    ValueError
        If `method` or `nan_policy` is unknown, `level` is not in (0, 1), a
        column is missing, an output column already exists, a value is
        infinite, an SE is negative or infinite, a `by` column has a missing
        value, a `region` value is missing or a (region, by...) key appears
        more than once (the message lists the first keys, as
        :func:`with_ranks` does), `by` names the `region`, `rate` or `se`
        column (every group one row), `seed` is None with
        ``method="bootstrap"``, `n_draws` is below
        the minimum for `level` (:math:`10/(1 - \text{level})`, as in
        :func:`povstat.rank_confidence_sets`), `nan_policy` is "raise" and
        a value or SE is missing, the sets would need more working memory
        than povstat's limit (as in :func:`povstat.rank_confidence_sets`;
        the message names the `rate` column and the `by` columns, or
        `n_draws`), or a group's rates and SEs span more than ``2**1221``
        (1e308 beside 1e-60, as in :func:`povstat.rank_confidence_sets`;
        the message names the `rate` and `se` columns and the two rows by
        their index labels, or positions for other frames), or
        `interval_decimals` is outside [-15, 15] or is given for other than
        simultaneous Bonferroni or Šidák sets, or a group holds a region
        together with regions nested in it (a province ``"35"`` with its
        regency ``"3573"``, or ``"00"`` with any region, where every
        `region` label is such an area code, or among the text labels that
        name a region of povstat's list, read as
        :func:`povstat.read_bps_table` reads them; as in
        :func:`with_ranks`).

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
    :func:`povstat.rank_confidence_sets`. With `interval_decimals`, the
    simultaneous intervals are compared as [2]_ published theirs: bounds
    rounded half up, touching intervals separated (``interval_decimals=1``
    reproduces the published ACS sets of [2]_).

    The rate, SE and `by` columns are read into numpy and every group is
    computed in one call of :func:`povstat.rank_confidence_sets` (no Python
    loop over groups). Rank sets are for tables of regions, at most some
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
    >>> from povstat import with_rank_sets, with_ranks, with_rate_interval
    >>> df = pd.DataFrame({
    ...     "region": ["Kota Batu", "Kota Malang", "Kota Surabaya", "Kota Kediri"],
    ...     "poverty_rate_pct": [3.31, 4.26, 4.65, 7.23], "rse": [10.0] * 4,
    ... })
    >>> df = with_rate_interval(df, unit="percent", level=0.9, method="normal",
    ...                         rse_pct="rse")
    >>> ranked = with_ranks(df, descending=False, region="region")
    >>> out = with_rank_sets(ranked, descending=False,
    ...                      level=0.9, method="bonferroni", simultaneous=False,
    ...                      se="rate_se", region="region")
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
    table = _plumbing.collect(df)
    refuse_data_for_by(table, by)
    groups = group_columns(by, region=region, rate=rate, se=se)
    _checks.require(table, rate=rate, se=se, region=region, keys=("region",))
    for group in groups:
        _checks.require(table, by=group, keys=("by",))
    _checks.require(table, outputs=_RANK_SET_COLUMNS)
    _plumbing.unique_keys(table, region=region, by=groups)
    v = _plumbing.column(table, rate)
    s = _plumbing.column(table, se)
    place = _plumbing.row_keys(table, region=region)
    _checks.finite(v, "rate", rate, place)
    _checks.nonnegative(s, "se", se, place)
    codes = _plumbing.keys(table, groups, arg="by") if groups else None
    _checks.nested_regions(
        _plumbing.labels(table, region),
        codes,
        region=region,
        group_name=partial(group_name, table, groups),
        effect="it would be ranked among its own parts",
        twice="it would be ranked twice, against itself",
    )
    if policy == "raise":
        missing_error(
            table,
            np.isnan(v) | np.isnan(s),
            rate=rate,
            groups=groups,
            also=f" or `se` column {se!r}",
            hint="pass nan_policy='omit' to leave those rows unranked",
        )
    within = f", ranked within `by` {groups}" if groups else ""
    sets = _rank_sets(
        v,
        se=s,
        cov=None,
        descending=desc,
        level=lev,
        method=m,
        simultaneous=simul,
        by=codes,
        n_draws=n_draws,
        seed=seed,
        nan_policy="omit",
        interval_decimals=interval_decimals,
        subject=f"`rate` column {rate!r}{within}",
        pair=f"`rate` column {rate!r} and `se` column {se!r}{within}",
        place=_plumbing.row_namer(table),
        alone="call with_rank_sets",
    )
    return _plumbing.attach(
        table,
        df,
        rank_lower=sets.lower,
        rank_upper=sets.upper,
        rank_set_count=np.asarray(sets.count, dtype=np.int64),
    )


# --------------------------------------------------------------------------
# Helpers: which column the error of a rate comes from
# --------------------------------------------------------------------------


def _error_source(
    *,
    method: str,
    se: str | None,
    rse_pct: str | None,
    moe: str | None,
    moe_level: float | None,
    bounds: tuple[str, str] | None,
    bounds_level: float | None,
    n_effective: str | None,
) -> tuple[str, tuple[str, ...], float | None]:
    """Check that exactly one source of error is named, with its level.

    Returns the argument, its column name(s) and the source's level.
    """
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
            ("rse_pct", rse_pct),
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
                f"`{other[0]}` cannot be used with it: pass `n_effective` (for "
                "a design-based SE: rate * (100 - rate) / se**2 with rates in "
                "percent and the SE in percentage points, rate * (1 - rate) / "
                "se**2 with both as fractions), or use method='normal' or "
                "'logit'"
            )
            raise ValueError(msg)
        if n_effective is None:
            msg = "method='wilson' needs `n_effective`"
            raise ValueError(msg)
    if len(given) != 1:
        found = ", ".join(f"`{n}`" for n in given) if given else "none"
        msg = (
            "give exactly one source of error: `se`, `rse_pct`, `moe` (with "
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
        return kind, (column[0], column[1]), _level(bounds_level, "bounds_level")
    level = _level(moe_level, "moe_level") if kind == "moe" else None
    return kind, (cast(str, column),), level


def _source_se(
    kind: str,
    r: NDArray[np.float64],
    given: list[NDArray[np.float64]],
    level: float | None,
) -> Callable[[], NDArray[np.float64]]:
    """The array function that turns the published error into an SE."""
    if kind == "se":  # checked by rate_interval
        return partial(np.asarray, given[0])
    if kind == "rse_pct":
        return partial(se_from_rse, r, given[0])
    if kind == "moe":
        return partial(se_from_moe, given[0], level=cast(float, level))
    return partial(
        se_from_bounds, given[0], given[1], level=cast(float, level), estimate=r
    )


def _source_rules(
    kind: str,
    names: tuple[str, ...],
    given: list[NDArray[np.float64]],
    r: NDArray[np.float64],
    rate: str,
    place: _checks.Place,
) -> tuple[_checks.Rule, ...]:
    """Column rules that explain a refused source of error, naming the row."""
    if kind != "bounds":
        return (partial(_checks.nonnegative, given[0], kind, names[0], place),)
    (low, high), (lo, hi) = names, given
    return (
        partial(_checks.finite, lo, "bounds", low, place),
        partial(_checks.finite, hi, "bounds", high, place),
        partial(
            _checks.not_above,
            lo,
            hi,
            slack=0.0,
            describe=lambda a, b: (
                f"upper bound column {high!r} must be >= lower bound column "
                f"{low!r} (argument `bounds`), found lower {a} > upper {b}"
            ),
            place=place,
        ),
        partial(
            _checks.not_above,
            lo,
            r,
            slack=0.0,
            describe=lambda a, b: (
                f"lower bound column {low!r} (argument `bounds`) must be <= the "
                f"rate column {rate!r}, found {a} > {b}; are the bounds in the "
                "rate's unit?"
            ),
            place=place,
        ),
        partial(
            _checks.not_above,
            r,
            hi,
            slack=0.0,
            describe=lambda a, b: (
                f"upper bound column {high!r} (argument `bounds`) must be >= the "
                f"rate column {rate!r}, found rate {a} > upper {b}; are the bounds in "
                "the "
                "rate's unit?"
            ),
            place=place,
        ),
        partial(_symmetric_rule, lo, hi, r, names, rate),
    )


def _symmetric_rule(
    lo: NDArray[np.float64],
    hi: NDArray[np.float64],
    r: NDArray[np.float64],
    names: tuple[str, ...],
    rate: str,
) -> None:
    """Bounds symmetric around the rate up to rounding, named by column."""
    bad = asymmetric(lo, hi, r)
    n = int(np.count_nonzero(bad))
    if not n:
        return
    i = np.flatnonzero(bad)[0]
    more = f" ({n} offending rows in all)" if n > 1 else ""
    msg = (
        f"bound columns {names[0]!r} and {names[1]!r} (argument `bounds`) must "
        f"be symmetric around the rate column {rate!r}, found "
        f"[{_plumbing.show(lo[i])}, {_plumbing.show(hi[i])}] around "
        f"{_plumbing.show(r[i])}{more}, further "
        "from symmetric than rounding to the figures' decimals explains; bounds "
        "of a Wilson, logit or other asymmetric interval do not give a standard "
        "error"
    )
    raise ValueError(msg)


def _correlation(independent: bool, correlation: object) -> float | str | None:
    """Check the stated dependence of two periods' estimates."""
    if independent:
        if correlation is not None:
            msg = (
                "`correlation` was given with independent=True; pass "
                "independent=False to use it"
            )
            raise ValueError(msg)
        return None
    if correlation is None:
        msg = (
            "independent=False needs `correlation`: a number in [-1, 1] or the "
            "name of a column of them"
        )
        raise ValueError(msg)
    if isinstance(correlation, str):
        return correlation
    if not _validate.is_real(correlation):
        msg = (
            "`correlation` must be a number in [-1, 1] or a column name, got "
            f"{correlation!r}"
        )
        raise TypeError(msg)
    # A float32 is its shortest decimal, a Decimal taken when float64 holds
    # it: the rule of change_test and the array functions.
    rho = _validate.real(correlation, "correlation")
    if not -1.0 <= rho <= 1.0:  # NaN fails too
        msg = f"`correlation` must lie in [-1, 1], got {correlation!r}"
        raise ValueError(msg)
    return rho
