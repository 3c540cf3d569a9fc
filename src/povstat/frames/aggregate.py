"""Dataframe adapters of :mod:`povstat.aggregate` and :mod:`povstat.reliability`.

:func:`aggregate_regions` builds the figures of groups of regions (a
metropolitan area, a province, "the eastern islands") from a long table of
published regional figures, for every period in one call.
:func:`with_reliability` adds the reliability flag of each estimate from its
relative standard error.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from functools import partial
from typing import Any, cast

import narwhals.stable.v2 as nw
import numpy as np
from narwhals.stable.v2.typing import IntoFrameT
from numpy.typing import NDArray

from povstat import _grouping, _validate
from povstat._validate import Unit
from povstat.aggregate import SumNanPolicy, pooled_rate
from povstat.frames import _checks, _plumbing
from povstat.headcount import _ROUNDING
from povstat.reliability import RSEBands, reliability_flags
from povstat.units import unrounded

__all__ = ["aggregate_regions", "with_reliability"]

_SHOW = 5


def aggregate_regions(
    df: IntoFrameT,
    *,
    unit: Unit,
    groups: Mapping[str, Collection[Any]] | None = None,
    by: str | None = None,
    overlapping: bool = False,
    headcount: str = "poor_thousands",
    rate: str = "poverty_rate_pct",
    population: str | None = None,
    region: str = "region_code",
    period: str = "period",
    se: str | None = None,
    moe: str | None = None,
    level: float | None = None,
    independent: bool | None = None,
    correlation: float | None = None,
    decimals: Mapping[str, int] | None = None,
    nan_policy: SumNanPolicy = "propagate",
) -> IntoFrameT:
    r"""Pooled figures of groups of regions, per period, from a long table.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Long table, one row per region and period. Not modified.
    unit : {"fraction", "percent"}
        Scale of the `rate` column, of the errors and of the pooled rates.
    groups : mapping, optional
        Group name -> the region labels (values of `region`) it is made of,
        e.g. ``{"Malang Raya": ["3507", "3573", "3579"]}``: any 1-D
        collection of labels (a list, tuple, set, range, numpy array,
        pandas Series or Index, ...; their order does not matter). A label
        matches a region when the two are equal and of one kind, as labels
        are matched across povstat: ``3579.0`` and ``"3579"`` are not
        ``3579``. Give exactly one of `groups` and `by`. Regions of the
        table in no group are left out; a region of a group that is not in
        the table is an error.
    by : str, optional
        Column of group labels (e.g. a province code): each row belongs to
        the group it names. A region may have a row in several groups (as
        `groups` with ``overlapping=True``), each counted in its own group;
        the rows of one region and period in two groups are not compared,
        so they should hold the same figures.
    overlapping : bool, default False
        Whether a region may belong to several `groups`. Off by default, so
        that a region listed twice by mistake is an error.
    headcount : str, default "poor_thousands"
        Column of numbers of poor.
    rate : str, default "poverty_rate_pct"
        Column of rates, in `unit`, from which each region's population is
        implied (not read when `population` is given).
    population : str, optional
        Column of populations, in the unit of `headcount`.
    region : str, default "region_code"
        Column of region labels.
    period : str, default "period"
        Column of periods (any type; each distinct value is one period, but
        dates are read by calendar month, as in every adapter: 2023-03-01
        and 2023-03-15 are one period, shown as the earliest of its dates;
        the array functions' `by` takes date labels as they are).
    se, moe : str, optional
        Column of standard errors, or margins of error at `level`, of the
        rates, in `unit`.
    level, independent, correlation
        As in :func:`povstat.pooled_rate`: the confidence level, and the
        stated dependence of the regions' rates (required with `se` or
        `moe`; a full covariance matrix is not taken from a table: use
        :func:`povstat.pooled_rate`).
    decimals : mapping of str to int, optional
        Decimal places of the published inputs, as in
        :func:`povstat.pooled_rate` (``{"headcount": 2, "rate": 2}``).
    nan_policy : {"propagate", "omit", "raise"}, default "propagate"
        A missing value: the group's figures for that period are missing,
        the region is left out, or an error.

    Returns
    -------
    frame of the same kind as `df`
        A new table, one row per group and period, sorted by group then
        period (a pandas frame gets a fresh index; lazy inputs were
        collected), with columns:

        ``group``
            The group label.
        `period`
            The period, as in `df`.
        ``pooled_headcount``, ``pooled_population``, ``pooled_rate``
            Total poor and population (unit of `headcount`) and the pooled
            rate in `unit`.
        ``pooled_headcount_se``, ``pooled_rate_se``
            With `se` or `moe`: standard errors.
        ``pooled_rate_lower``, ``pooled_rate_upper``
            With `se` or `moe`: normal bounds at `level`.
        ``pooled_headcount_rounding_lower``, ``pooled_headcount_rounding_upper``
            With `decimals`: bounds of the total poor from rounding.
        ``pooled_rate_rounding_lower``, ``pooled_rate_rounding_upper``
            With `decimals`: bounds of the pooled rate from rounding.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, a value column is not numeric, or
        `groups` is not a mapping of group names to 1-D collections of
        labels (one str, a 2-D array or a frame is refused: a group of one
        region is ``["3507"]``), or a group's labels are missing, are
        themselves collections (a list inside a group's list, ``{"x":
        [["3507"]]}``) or are of several kinds.
    ValueError
        If a column is missing; not exactly one of `groups` and `by` is
        given; a group lists no region, a region twice, a region not in the
        table (or labels of another kind than the `region` column's, named
        with both kinds), or (without ``overlapping=True``) a region of
        another group; a (region, period) pair appears twice (in one group,
        with `by`); a group lacks one of its regions in a period where
        others are present (such as a region that the `by` column moves
        from one group to another between periods); a group holds a region
        together with regions nested in it (see Notes); or as for
        :func:`povstat.pooled_rate`. Each message names the group, region
        and period at fault (the first in label order).

    See Also
    --------
    povstat.pooled_rate : The array function.

    Notes
    -----
    Each group's rate is :math:`\sum H_i / \sum N_i`, never the unweighted
    mean of the rates; see :func:`povstat.pooled_rate` for the formulas.

    The regions of a group must not contain one another, or their figures
    would be counted twice. Where every label of `region` is an Indonesian
    area code (``"35"`` a province, ``"3573"`` or ``"35.73"`` a regency or
    city, ``"00"`` or ``"Indonesia"`` the country), a group holding a
    province with one of its regencies or cities (the code ``"35"`` begins
    ``"3573"``), or the country with any region, is refused: grouping
    :func:`povstat.datasets.load_indonesia` by ``province_code`` without
    first keeping the regencies and cities alone would put each province's
    own row in its group. The same holds among the labels that are a
    region's name as povstat's list writes it, whatever other text the
    column holds (a name not in the list, such as ``"Malang Raya"``, is
    not checked; the listed ones still are), in any case (the ``region_name`` of
    :func:`povstat.datasets.load_indonesia`: ``"Jawa Timur"`` holds
    ``"Kota Malang"``, ``"JAWA TIMUR"`` holds ``"KOTA MALANG"``, and BPS's
    ``"Provinsi Jawa Timur"`` holds ``"Kab. Pacitan"``), or any other
    name the list gives it (its official name and the names of BPS tables,
    :func:`povstat.datasets.indonesia_regions`), read as
    :func:`povstat.read_bps_table` reads names: spaces, dots and marks aside,
    abbreviations spelt out (``"D.I. Yogyakarta"`` holds ``"Kabupaten
    Gunung Kidul"``), a list number before the name set aside (``"1.
    Jawa Timur"`` holds ``"(38) Kota Surabaya"``; the column's roman
    numbering, ``"I. JAWA TENGAH"``, ``"II. JAWA TIMUR"``, is read over the
    whole column, whichever groups are asked for, and a numeral of one
    letter before a province's name that is no regency's is a list number
    whatever the column's numbering, gaps and all: ``"V. JAMBI"`` holds
    ``"10. Kota Jambi"`` beside ``"IV. RIAU"``, while ``"D. I.
    Yogyakarta"`` keeps its initials) and an area code before
    it checked against the name (``"35 Jawa Timur"`` holds ``"[3578] KOTA
    SURABAYA"``; ``"7501 Gorontalo"`` is the regency), and so is an area
    code after it (``"Kota Surabaya (3578)"``, ``"Kota Surabaya - 3578"``,
    with a hyphen, an en or an em dash). A name without
    ``"Kabupaten"``, ``"Kab."`` or ``"Kota"`` is read as a province's only
    (``"Malang"`` may be the regency or the city), but for a province's
    name that is also a regency's as BPS's regency tables write it
    (``"Gorontalo"``, Kabupaten Gorontalo), which is read from the column:
    the province beside regencies written with their kind (``"Kabupaten
    Boalemo"``, ``"Kab. Gorontalo"``), among provinces, in capitals above
    the name in other letters, or with its code (``"Gorontalo (75)"``);
    the regency beside regencies written bare (``"Boalemo"``), and
    otherwise (either way held by the country and the province). A
    regency holds its districts, plain or dotted as BPS writes them
    (``"3573"`` or ``"35.73"`` holds ``"3573010"`` and ``"35.73.010"``).
    One area written two ways in one group (``"35"`` and ``"3500"``,
    ``"Jawa Timur"`` and ``"JAWA TIMUR"``) is refused too. Codes read
    back as numbers are codes too (35 holds 3573, as a CSV reader returns
    ``region_code``), where every number is a code of povstat's list, and
    so are dotted codes read back as floats (35.0 holds 35.79, as pandas
    reads ``"35"`` and ``"35.79"``; 0.0, the country's ``"00"``, holds
    both), in float64 or float32 (read at its own precision: 35.01) or as
    decimals (DECIMAL's 35.010).
    Labels of another kind (other spellings, arbitrary IDs) tell nothing
    of nesting and are not checked; nor is the array function, which has
    no labels.

    Examples
    --------
    Malang Raya and East Java from the 38 regencies and cities, March 2023
    (BPS):

    >>> from povstat import aggregate_regions
    >>> from povstat.datasets import load_east_java
    >>> df = load_east_java()
    >>> kab = df[df["region_type"].isin(["kabupaten", "kota"]) & (df["year"] == 2023)]
    >>> groups = {"Malang Raya": ["3507", "3573", "3579"],
    ...           "Jawa Timur": list(kab["region_code"])}
    >>> out = aggregate_regions(kab, groups=groups, unit="percent",
    ...                         overlapping=True)
    >>> out[["group", "pooled_headcount", "pooled_rate"]].round(3)
             group  pooled_headcount  pooled_rate
    0   Jawa Timur           4188.84       10.347
    1  Malang Raya            296.24        7.876
    """
    u = _validate.unit(unit)
    overlap = _validate.flag(overlapping, "overlapping")
    if (groups is None) == (by is None):
        given = "both" if groups is not None else "neither"
        msg = f"give exactly one of `groups` and `by`; got {given}"
        raise ValueError(msg)
    table = _plumbing.collect(df)
    values = {"headcount": headcount}
    values |= {"population": population} if population is not None else {"rate": rate}
    errors = {k: v for k, v in (("se", se), ("moe", moe)) if v is not None}
    key_cols = {"region": region, "period": period} | (
        {"by": by} if by is not None else {}
    )
    _checks.require(table, keys=tuple(key_cols), **key_cols, **values, **errors)
    if len(table) == 0:
        msg = (
            "`df` is empty: no regions to pool (the frame has no rows); povstat "
            "refuses an empty input rather than return a NaN or 0 that hides "
            "the mistake"
        )
        raise ValueError(msg)
    blind = table.case_blind
    folded = period if blind is None else _plumbing.fold_case(period, blind)
    if folded == "group" or folded.startswith("pooled_"):
        why = f" ({table.case_note()})" if folded != period else ""
        msg = (
            f"the period column {period!r} (argument `period`) clashes with the "
            f"output columns 'group' and 'pooled_*'{why}: rename it first"
        )
        raise ValueError(msg)
    regions = _plumbing.labels(table, region)
    region_codes = _plumbing.keys(table, [region], arg="region")
    if groups is not None:
        rows, names = _members(groups, regions, column=region, overlap=overlap)
        _, inverse = np.unique(names, return_inverse=True)
        group_codes = np.asarray(inverse, dtype=np.int64).ravel()
        all_periods = _plumbing.keys(table, [period], arg="period")
        _written_another_way(
            rows, names, regions, all_periods, _plumbing.labels(table, period)
        )
    else:
        rows = np.arange(len(table), dtype=np.intp)
        group_codes = _plumbing.keys(table, [cast(str, by)], arg="by")
        names = _plumbing.labels(table, cast(str, by))
        all_periods = _plumbing.keys(table, [period], arg="period")
    period_codes = all_periods[rows]
    _check_cells(
        group_codes,
        region_codes[rows],
        period_codes,
        names,
        regions[rows],
        _plumbing.labels(table, period)[rows],
        by=by,
        area=lambda at: _plumbing.area_hint(
            table, [region, period] if by is None else [region, period, by], rows[at]
        ),
    )
    _checks.nested_regions(
        regions[rows],
        group_codes,
        region=region,
        group_name=lambda i: f"group {_plumbing.show(names[i])}",
        effect="the group's totals would count those regions twice",
        twice="the group's totals would count it twice",
        column=regions,
    )
    n_periods = int(period_codes.max()) + 1 if period_codes.size else 1
    cell = _grouping.combine(group_codes, period_codes, n_periods)
    cols = {k: _plumbing.column(table, v)[rows] for k, v in (values | errors).items()}
    columns = values | errors
    place = _plumbing.row_keys(table, region=region, period=period, rows=rows)
    result = _checks.explained(
        partial(
            pooled_rate,
            cols["headcount"],
            unit=u,
            rate=cols.get("rate"),
            population=cols.get("population"),
            by=cell,
            se=cols.get("se"),
            moe=cols.get("moe"),
            level=level,
            independent=independent,
            correlation=correlation,
            decimals=decimals,
            nan_policy=nan_policy,
        ),
        *(
            partial(_present, cols[a], a, columns[a], regions[rows], nan_policy)
            for a in columns
        ),
        *(
            partial(
                _rounded,
                cols[a],
                a,
                columns[a],
                decimals[a],
                regions[rows],
                _plumbing.labels(table, period)[rows],
                region_codes[rows],
                period_codes,
            )
            for a in columns
            if isinstance(decimals, Mapping)
            and isinstance(decimals.get(a), int)
            and not isinstance(decimals.get(a), bool)
        ),
        *(
            partial(_zero_rate, cols[a], columns[a], regions[rows])
            for a in columns
            if a == "rate"
        ),
        *(
            partial(_checks.rate, cols[a], a, columns[a], u, place)
            if a == "rate"
            else partial(_checks.nonnegative, cols[a], a, columns[a], place)
            for a in columns
        ),
        *(
            partial(
                _checks.not_above,
                cols["headcount"],
                cols["population"],
                slack=_ROUNDING,
                describe=lambda a, b: (
                    f"`headcount` column {headcount!r} must not exceed "
                    f"`population` column {population!r}, found {a} > {b}"
                ),
                place=place,
            )
            for _ in [population]
            if population is not None
        ),
    )
    # Each output row is labelled from one input row of its cell: the one
    # with the smallest period (dates of one month: the earliest), whatever
    # the row order.
    order = np.argsort(_plumbing.labels(table, period)[rows], kind="stable")
    order = order[np.argsort(cell[order], kind="stable")]
    starts = np.flatnonzero(np.r_[True, np.diff(cell[order]) != 0])
    first = order[starts]
    out = result._frame_columns()
    out["group"] = names[first]
    return cast(
        "IntoFrameT", _new_frame(table, out, period=period, period_rows=rows[first])
    )


def _present(
    values: NDArray[np.float64],
    arg: str,
    name: str,
    regions: NDArray[Any],
    policy: object,
) -> None:
    """Under nan_policy='raise', name the column and region of a missing value."""
    missing = np.isnan(values)
    if policy == "raise" and missing.any():
        i = int(np.argmax(missing))
        msg = (
            f"`{arg}` column {name!r} is missing for region "
            f"{_plumbing.show(regions[i])} and nan_policy='raise'"
        )
        raise ValueError(msg)


def _rounded(
    values: NDArray[np.float64],
    arg: str,
    name: str,
    d: int,
    regions: NDArray[Any],
    periods: NDArray[Any],
    region_codes: NDArray[np.int64],
    period_codes: NDArray[np.int64],
) -> None:
    """Name the region and period of a figure not rounded to its `decimals`.

    The first in label order (region, then period), whatever the row order.
    """
    if not -15 <= d <= _validate.FIGURE_DECIMALS:
        return  # the array function names the bad `decimals` itself
    bad = np.flatnonzero(unrounded(values, d))
    if not bad.size:
        return
    i = int(bad[np.lexsort((period_codes[bad], region_codes[bad]))[0]])
    more = f" ({bad.size} offending values in all)" if bad.size > 1 else ""
    msg = (
        f"`{arg}` column {name!r} must hold figures rounded to {d} decimals "
        f"(`decimals`), found {_plumbing.show(values[i])} for region "
        f"{_plumbing.show(regions[i])} in period {_plumbing.show(periods[i])}{more}"
    )
    raise ValueError(msg)


def _zero_rate(values: NDArray[np.float64], name: str, regions: NDArray[Any]) -> None:
    """Name the regions whose rate is 0 (no population can be implied)."""
    zero = values == 0
    if zero.any():
        shown = ", ".join(_plumbing.show(r) for r in np.unique(regions[zero]))
        msg = (
            f"`rate` column {name!r} is 0 for region(s) {shown}: the population "
            "cannot be implied from a rate of 0; pass `population=` (a "
            "population column) for them instead of `rate`"
        )
        raise ValueError(msg)


_COLLECTIONS = "a list, tuple, set, range, numpy array, pandas Series or Index"


def _group_labels(name: str, members: object) -> list[Any]:
    """The region labels of group `name`, as Python values, in their order.

    Any 1-D collection of labels (:data:`_COLLECTIONS`, a polars Series,
    ...): membership does not depend on order. One str (a label, not a
    collection), a mapping, a 2-D array or frame and a lazy object are
    refused; labels are checked as the array functions' `by` labels are
    (:func:`povstat._validate.labels`: no missing, nested or mixed-kind
    labels).
    """
    where = f"`groups[{name!r}]`"
    kind = type(members).__name__
    if isinstance(members, str | bytes):
        msg = (
            f"{where} must be a collection of region labels ({_COLLECTIONS}), "
            f"got one {kind} {members!r}; a group of one region is "
            f"[{members!r}]"
        )
        raise TypeError(msg)
    ndim = getattr(members, "ndim", 1)
    if (
        isinstance(members, Mapping)
        or not isinstance(members, Collection)
        or not isinstance(ndim, int)
        or ndim != 1
    ):
        shape = getattr(members, "shape", None)
        dims = f" of shape {tuple(shape)}" if ndim != 1 and shape is not None else ""
        article = "an" if kind[:1].lower() in "aeiou" or kind == "ndarray" else "a"
        msg = (
            f"{where} must be a 1-D collection of region labels "
            f"({_COLLECTIONS}), got {article} {kind}{dims}: "
            f"{_validate.shown(members)}"
        )
        raise TypeError(msg)
    for method in ("tolist", "to_list", "to_pylist"):  # numpy, pandas, polars, arrow
        convert = getattr(members, method, None)
        if callable(convert):
            values = list(convert())
            break
    else:
        values = list(members)
    if not values:
        msg = (
            f"{where} lists no regions: an empty group has no "
            "pooled figures, so it would silently vanish from the result"
        )
        raise ValueError(msg)
    checked = _validate.labels(values, f"groups[{name!r}]")
    return list(checked.tolist())


def _members(
    groups: Mapping[str, Collection[Any]],
    regions: NDArray[Any],
    *,
    column: str,
    overlap: bool,
) -> tuple[NDArray[np.intp], NDArray[Any]]:
    """Rows of each group's regions (a row repeats for overlapping groups).

    A group's label matches a region of `column` when the two are equal and
    of one kind (str, int, float, bool, ...; :func:`_validate.label_kinds`),
    as labels are matched across povstat: 3579.0 and "3579" are not 3579.
    """
    import pandas as pd

    if not isinstance(groups, Mapping) or not groups:
        msg = (
            f"`groups` must be a non-empty mapping of group -> regions, got {groups!r}"
        )
        raise TypeError(msg)
    # The column holds labels of one kind (checked by _plumbing.keys).
    have = _validate.label_kinds([regions[0]])[0] if regions.size else None
    pair_group: list[str] = []
    pair_region: list[Any] = []
    for name, members in groups.items():  # a few groups, not rows
        if not isinstance(name, str):
            msg = f"`groups` keys must be group names (str), got {name!r}"
            raise TypeError(msg)
        values = _group_labels(name, members)
        want = _validate.label_kinds(values)[0]
        if have is not None and want != have:
            article = "an" if want[:1] in "aeiou" else "a"
            msg = (
                f"regions of `groups` not in the frame's region column "
                f"{column!r}: `groups[{name!r}]` lists {values[:_SHOW]}, each "
                f"{article} {want}, but the column holds {have}s (e.g. "
                f"{_validate.plain(regions[0])!r}); labels match in value and "
                "kind (3579.0 and '3579' are not 3579): write them as the "
                "column does"
            )
            raise ValueError(msg)
        pair_group += [name] * len(values)
        pair_region += values
    n = len(regions)
    both = np.empty(n + len(pair_region), dtype=object)
    both[:n] = regions
    both[n:] = pair_region
    codes, _ = pd.factorize(both)  # exact labels: 3507 and "3507" differ
    table_codes, pair_codes = codes[:n], codes[n:]
    pair_codes_group = pd.factorize(np.asarray(pair_group, dtype=object))[0]
    pair_keys = pair_codes_group * (codes.max() + 1) + pair_codes
    _, first_pair, pair_counts = np.unique(
        pair_keys, return_index=True, return_counts=True
    )
    if (pair_counts > 1).any():
        # In the order the groups and their regions were given.
        twice = np.sort(first_pair[pair_counts > 1])
        shown = "; ".join(
            f"group {pair_group[i]!r} lists region {_plumbing.show(both[n + i])} "
            f"{int(np.sum(pair_keys == pair_keys[i]))} times"
            for i in twice[:_SHOW]
        )
        msg = f"a group of `groups` lists a region more than once: {shown}"
        raise ValueError(msg)
    uniq, counts = np.unique(pair_codes, return_counts=True)
    if not overlap and (counts > 1).any():
        shared = [both[n + int(np.argmax(pair_codes == c))] for c in uniq[counts > 1]]
        msg = (
            f"regions {shared[:_SHOW]} belong to more than one group; pass "
            "overlapping=True if the groups are meant to overlap"
        )
        raise ValueError(msg)
    order = np.argsort(table_codes, kind="stable")
    left = np.searchsorted(table_codes[order], pair_codes, side="left")
    right = np.searchsorted(table_codes[order], pair_codes, side="right")
    absent = right == left
    if absent.any():
        missing = [both[n + i] for i in np.flatnonzero(absent)[:_SHOW]]
        held = [_validate.plain(v) for v in dict.fromkeys(regions.tolist())][:_SHOW]
        hint = _checks.written_as(missing, regions.tolist()) or _single_precision(
            [both[n + i] for i in np.flatnonzero(absent)], regions, column
        )
        msg = (
            f"regions of `groups` not in the frame's region column {column!r}: "
            f"{missing} ("
            + (
                hint
                or "no label of the column is read as the same region; it holds "
                f"e.g. {held}"
            )
            + ")"
        )
        raise ValueError(msg)
    counts = right - left
    starts = np.repeat(left, counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    rows = order[starts + offsets]
    names = np.repeat(np.asarray(pair_group, dtype=object), counts)
    return np.asarray(rows, dtype=np.intp), names


def _single_precision(missing: list[Any], regions: NDArray[Any], column: str) -> str:
    """Advice for float labels that a float32 region column holds rounded, else "".

    A float32 column (a parquet file written so) holds 35.07 as
    35.06999969482422, which no float64 label 35.07 equals: where every
    missing label, rounded to float32, is one of the column's, say so and
    give the labels' conversion.
    """
    if regions.dtype != np.float32 or not all(
        isinstance(m, float | np.floating) for m in missing
    ):
        return ""
    held = set(regions.tolist())
    if not all(float(np.float32(m)) in held for m in missing):
        return ""
    return (
        f"the column is float32, and holds these codes at single precision "
        f"(e.g. {float(np.float32(missing[0]))!r} for {missing[0]!r}), which "
        "no float64 label equals: write the labels as float32, e.g. "
        f"numpy.array({[_validate.plain(m) for m in missing[:3]]}, "
        "dtype='float32')"
    )


def _written_another_way(
    rows: NDArray[np.intp],
    names: NDArray[Any],
    regions: NDArray[Any],
    periods: NDArray[np.int64],
    period_labels: NDArray[Any],
) -> None:
    """Refuse a period left out of a group because its regions are written another way.

    `rows` and `names` are the rows of the groups' regions and their
    groups (:func:`_members`); `regions`, `periods` and `period_labels` hold
    every row's region label, period code and period label. A period of the
    table where a group has no row, though labels read as its regions (an
    area code dotted, a name in capitals: :func:`_checks.written_as`) are
    there, would be left out of the group's output without a word.
    """
    every = np.unique(periods)
    for group in dict.fromkeys(names.tolist()):  # a few groups
        mine = rows[names == group]
        missing = np.setdiff1d(every, periods[mine])
        if not missing.size:
            continue
        listed = list(dict.fromkeys(regions[mine].tolist()))
        for p in missing.tolist():  # the periods the group has no row in
            at = np.flatnonzero(periods == p)
            there = list(dict.fromkeys(regions[at].tolist()))
            hint = _checks.written_as(listed, there)
            if hint:
                when = _plumbing.show(np.sort(period_labels[at])[0])
                msg = (
                    f"group {_plumbing.show(group)} has no row in period {when}, "
                    f"where its regions are written another way ({hint}): each "
                    "is one area written two ways, and the group would be left "
                    f"out of period {when}; write each region one way in every "
                    "period"
                )
                raise ValueError(msg)


def _check_cells(
    group: NDArray[np.int64],
    region: NDArray[np.int64],
    period: NDArray[np.int64],
    names: NDArray[Any],
    region_labels: NDArray[Any],
    period_labels: NDArray[Any],
    *,
    by: str | None,
    area: Callable[[NDArray[np.intp]], str],
) -> None:
    """One row per region and period; each group has all its regions in a period.

    Each message names the group, region and period at fault: the first in
    label order, whatever the row order. `area` gives a note on the rows
    (positions in these arrays) of a repeated region and period:
    :func:`povstat.frames._plumbing.area_hint`.
    """
    nr = int(region.max()) + 1 if region.size else 1
    npd = int(period.max()) + 1 if period.size else 1

    def period_label(p: int) -> str:
        """The period of code `p` as its rows write it (the earliest label)."""
        at = np.flatnonzero(period == p)
        return _plumbing.show(np.sort(period_labels[at])[0])

    def region_label(r: int) -> str:
        return _plumbing.show(region_labels[int(np.argmax(region == r))])

    triple = _grouping.combine(_grouping.combine(group, region, nr), period, npd)
    _, first, counts = np.unique(triple, return_index=True, return_counts=True)
    if (counts > 1).any():
        i = int(first[np.argmax(counts > 1)])
        note = area(np.flatnonzero(triple == triple[i]))
        msg = (
            f"region {_plumbing.show(region_labels[i])} has more than one row in "
            f"period {period_label(int(period[i]))}{note}; give one row per region "
            "and period"
        )
        raise ValueError(msg)
    group_region = np.unique(group * nr + region)
    size = np.bincount(group_region // nr)
    cells, cell_rows = np.unique(group * npd + period, return_counts=True)
    short = cell_rows < size[cells // npd]
    if not short.any():
        return
    g, p = divmod(int(cells[np.argmax(short)]), npd)
    which = _plumbing.show(names[int(np.argmax(group == g))])
    lacking = np.setdiff1d(
        np.unique(region[group == g]), region[(group == g) & (period == p)]
    )
    shown = ", ".join(region_label(int(r)) for r in lacking[:_SHOW])
    more = f" and {lacking.size - _SHOW} more" if lacking.size > _SHOW else ""
    msg = (
        f"group {which} lacks region(s) {shown}{more} in period {period_label(p)}, "
        "where others of its regions are present, so its figures would cover "
        f"fewer regions than it has ({int(short.sum())} group and period "
        "cell(s) in all)"
    )
    # A region present in that period under another group: the `by` column
    # moves it between groups from one period to another.
    r = int(lacking[0])
    elsewhere = np.flatnonzero((region == r) & (period == p))
    if by is not None and elsewhere.size:
        other = _plumbing.show(names[int(elsewhere[0])])
        was = np.flatnonzero((region == r) & (group == g))
        then = _plumbing.show(np.sort(period_labels[was])[0])
        msg += (
            f"; the `by` column {by!r} puts region {region_label(r)} in group "
            f"{which} in period {then} but in group {other} in period "
            f"{period_label(p)}: a region must stay in one group in every "
            "period, so fix the `by` column or aggregate the periods apart"
        )
    else:
        # The same areas written another way in that period (codes dotted
        # in one file, names in capitals in another): one area, two labels.
        present = region[(group == g) & (period == p)]
        there = [region_labels[int(np.argmax(region == x))] for x in np.unique(present)]
        missing = [region_labels[int(np.argmax(region == x))] for x in lacking]
        hint = _checks.written_as(missing, there)
        if hint:
            msg += (
                f"; they are written another way in period {period_label(p)} "
                f"({hint}): each is one area written two ways, so write each "
                "region one way in every period"
            )
        else:
            msg += "; filter the periods or the groups first"
    raise ValueError(msg)


def _new_frame(
    table: _plumbing.Table,
    columns: Mapping[str, Any],
    *,
    period: str,
    period_rows: NDArray[np.intp],
) -> Any:
    """A new table of the caller's kind: group, period, then `columns`."""
    ordered = {"group": columns["group"]}
    rest = {k: v for k, v in columns.items() if k != "group"}
    if table.pandas is not None:
        import pandas as pd

        native = table.pandas
        data: dict[str, Any] = {"group": pd.array(np.asarray(ordered["group"]))}
        periods = native[period].take(period_rows).reset_index(drop=True)
        data[period] = periods
        data |= {k: np.asarray(v, dtype=np.float64) for k, v in rest.items()}
        return pd.DataFrame(data)
    frame = table.frame
    impl = frame.implementation
    picked = frame.get_column(period)[period_rows]
    out = nw.from_dict(
        {"group": np.asarray(ordered["group"]).tolist()}, backend=impl
    ).with_columns(picked.alias(period))
    out = out.with_columns(
        *(
            nw.new_series(k, np.asarray(v, np.float64), backend=impl)
            for k, v in rest.items()
        )
    ).with_columns(*(nw.col(k).fill_nan(None) for k in rest))
    return _plumbing._hand_back(table, out)


def with_reliability(
    df: IntoFrameT,
    *,
    bands: str | RSEBands,
    rse_pct: str = "rse_pct",
) -> IntoFrameT:
    """Add the reliability flag of each estimate from its RSE.

    Parameters
    ----------
    df : pandas.DataFrame, polars.DataFrame or LazyFrame, DuckDB relation, ...
        Any frame narwhals supports. Not modified.
    bands : str or RSEBands
        A named convention of :data:`povstat.RSE_CONVENTIONS` (``"bps"``,
        ``"abs"``, ``"nchs"``) or custom bands. Required.
    rse_pct : str, default "rse_pct"
        Column of relative standard errors, in percent.

    Returns
    -------
    frame of the same kind as `df`
        `df` with one new column:

        ``reliability`` (string)
            The label of the band of each RSE (e.g. ``"reliable"``,
            ``"use with caution"``, ``"unreliable"``); missing where the RSE
            is missing.

    Raises
    ------
    TypeError
        If `df` is not a dataframe or the column is not numeric.
    ValueError
        If the column is missing, ``reliability`` already exists, an RSE is
        negative or infinite, or `bands` is unknown.

    See Also
    --------
    povstat.reliability_flags : The array function.

    Examples
    --------
    >>> import pandas as pd
    >>> from povstat import with_reliability
    >>> df = pd.DataFrame({"region_code": ["3573", "3579"], "rse_pct": [12.0, 31.0]})
    >>> with_reliability(df, bands="bps")
      region_code  rse_pct       reliability
    0        3573     12.0          reliable
    1        3579     31.0  use with caution
    """
    table = _plumbing.collect(df)
    _checks.require(table, rse_pct=rse_pct, outputs=("reliability",))
    values = _plumbing.column(table, rse_pct)
    flags = _checks.explained(
        lambda: reliability_flags(values, bands=bands),
        lambda: _checks.nonnegative(
            values, "rse_pct", rse_pct, _plumbing.row_keys(table)
        ),
    )
    # Text, None where the RSE is missing: a string column on every engine,
    # also when every RSE is missing or the frame has no rows.
    labels = np.asarray(flags.flag, dtype=object)
    return _plumbing.attach(table, df, reliability=labels)
