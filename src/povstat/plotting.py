"""Charts of poverty rates that state their units, ranks and source.

Three charts cover most published comparisons of regions: where each region
stands (:func:`plot_ranked_rates`), how each region moved between survey
rounds (:func:`plot_dumbbell`) and how a few regions moved over the years
(:func:`plot_series`); a fourth shows how sure each rank is
(:func:`plot_rank_sets`). Each takes arrays and explicit labels, draws on a
matplotlib ``Axes`` (a new figure if none is given) and returns it, so that
it can be refined with the usual matplotlib calls.

Every chart says what it shows: the rate's unit is in the axis label (`unit`
is required, as everywhere in povstat), ranks are computed by
:func:`povstat.rank` with the stated direction, changes by
:func:`povstat.rate_change`, and the data source, which is required, is
printed under the chart. Values are displayed rounded half up
(:func:`povstat.round_half_up`), as in official tables. Missing values are
not drawn and the caption says which regions have none.

matplotlib is an optional dependency (``pip install "povstat[plot]"``); it is
imported when a function is called, so ``import povstat`` never needs it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._validate import Unit
from povstat.change import rate_change
from povstat.ranking import rank
from povstat.uncertainty import _level
from povstat.units import round_half_up

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from povstat.rank_inference import RankConfidenceSets

__all__ = ["plot_dumbbell", "plot_rank_sets", "plot_ranked_rates", "plot_series"]

#: Colours: regions in general, highlighted regions, and one per period or
#: series (colour-blind safe, from the Okabe-Ito palette).
_GREY = "#8c8c8c"
_HIGHLIGHT = "#d55e00"
#: Light tints of the first palette colour and of the highlight, for bars
#: with dots drawn on them.
_LIGHT = "#a6cee3"
_HIGHLIGHT_LIGHT = "#f2b48c"
_PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#000000")

_UNIT_TEXT = {"percent": "%", "fraction": "fraction"}
_POINTS_TEXT = {"percent": "pp", "fraction": ""}


def _pyplot() -> Any:
    """Import matplotlib.pyplot, with a clear error if it is missing."""
    try:
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - depends on the environment
        msg = (
            "povstat.plotting needs matplotlib: "
            'pip install "povstat[plot]" (or pip install matplotlib)'
        )
        raise ImportError(msg) from None
    return plt


def _axes(ax: Axes | None, width: float, height: float) -> Axes:
    if ax is not None:
        return ax
    plt = _pyplot()
    fig = plt.figure(figsize=(width, height), layout="constrained")
    new: Axes = fig.add_subplot()
    return new


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        msg = f"`{name}` must be a non-empty string, got {value!r}"
        raise TypeError(msg)
    return value


def _labels(labels: object, n: int, name: str = "labels") -> list[str]:
    if isinstance(labels, str) or not isinstance(labels, Sequence | np.ndarray):
        msg = f"`{name}` must be a sequence of strings, got {type(labels).__name__}"
        raise TypeError(msg)
    out = [str(x) for x in labels]
    if len(out) != n:
        msg = f"`{name}` must have one label per row ({n}), got {len(out)}"
        raise ValueError(msg)
    return out


def _highlight(highlight: Sequence[str], labels: list[str]) -> set[str]:
    if isinstance(highlight, str):
        msg = "`highlight` must be a sequence of labels, e.g. ['Kota Malang']"
        raise TypeError(msg)
    unknown = [h for h in highlight if h not in labels]
    if unknown:
        msg = f"`highlight` names labels that are not in `labels`: {unknown}"
        raise ValueError(msg)
    return set(highlight)


def _value_label(value_label: str, unit: Unit) -> str:
    return f"{value_label} ({_UNIT_TEXT[unit]})"


def _fmt(x: float, decimals: int) -> str:
    return f"{float(round_half_up(x, decimals)):.{decimals}f}"


def _set_title(ax: Axes, title: str, pad: float = 6.0) -> None:
    """Bold title at the left, wrapped so that it stays within the figure."""
    text = title if "\n" in title else textwrap.fill(title, width=56)
    ax.set_title(text, loc="left", fontweight="bold", pad=pad)


def _caption(
    ax: Axes, source: str, missing: Sequence[str] = (), note: str = ""
) -> None:
    """Print the source (and the regions without a value) under the chart."""
    text = f"{note}\n" if note else ""
    text += f"Source: {source}"
    if missing:
        text += "\nNo value (not shown): " + ", ".join(missing)
    ax.annotate(
        text,
        xy=(0.0, 0.0),
        xycoords=("figure fraction", ax.xaxis.label),
        xytext=(4, -6),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize="small",
        color="#444444",
        wrap=True,
    )


@_validate.positional
def plot_ranked_rates(
    rates: ArrayLike,
    labels: Sequence[str],
    *,
    unit: Unit,
    descending: bool,
    title: str,
    source: str,
    highlight: Sequence[str] = (),
    reference: tuple[str, float] | None = None,
    value_label: str = "Poverty rate P0",
    decimals: int = 2,
    ax: Axes | None = None,
) -> Axes:
    """Dot chart of regions ordered by rank, with each value and rank shown.

    One row per region, rank 1 at the top. The rank is computed by
    :func:`povstat.rank` with ``ties="min"``, so tied regions share a rank
    ("1, 2, 2, 4"); it is printed before each region's name and the value
    after its dot.

    Parameters
    ----------
    rates : array_like, 1-D
        Rates in `unit`, one per region. NaN marks a missing value: the region
        is not drawn and the caption names it.
    labels : sequence of str
        Region names, one per rate.
    unit : {"percent", "fraction"}
        Scale of `rates`, shown in the axis label. Required.
    descending : bool
        True: rank 1 is the highest rate (the usual order of Indonesian press
        rankings of poverty rates). False: rank 1 is the lowest. Required.
    title : str
        Title of the chart; say what is ranked, where and when.
    source : str
        Data source, printed under the chart.
    highlight : sequence of str, optional
        Labels of regions to draw in a contrasting colour, with bold names.
    reference : tuple of (str, float), optional
        A value to draw as a vertical line, with its label: e.g.
        ``("Jawa Timur", 10.35)`` for the province's rate.
    value_label : str, default "Poverty rate P0"
        What the values are; the unit is appended.
    decimals : int, default 2
        Decimals of the values printed next to the dots (rounded half up).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; by default a new figure sized to the number of
        regions.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    TypeError
        If `rates` is not numeric, `labels` is not a sequence, `title` or
        `source` is not a non-empty string, or `descending` is not a bool.
    ValueError
        If `unit` is unknown, a rate is out of range for it, `rates` is not
        1-D, the lengths of `rates` and `labels` differ, or `highlight` names
        a label that is not in `labels`.
    ImportError
        If matplotlib is not installed.

    See Also
    --------
    povstat.rank : The ranks shown.

    Notes
    -----
    A dot chart [1]_ rather than bars: a poverty rate is a position on a
    scale, and dots keep small differences between neighbours visible
    without a misleading zero baseline.

    References
    ----------
    .. [1] Cleveland, W. S. (1984), "Graphical methods for data presentation:
       full scale breaks, dot charts, and multibased logging", *The American
       Statistician* 38(4), 270-280.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from povstat.plotting import plot_ranked_rates
    >>> ax = plot_ranked_rates(
    ...     [21.76, 4.26, 3.31],
    ...     ["Kabupaten Sampang", "Kota Malang", "Kota Batu"],
    ...     unit="percent",
    ...     descending=True,
    ...     title="Poverty rate, March 2023",
    ...     source="BPS",
    ...     highlight=["Kota Malang"],
    ... )
    >>> ax.get_xlabel()
    'Poverty rate P0 (%)'
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['1  Kabupaten Sampang', '2  Kota Malang', '3  Kota Batu']
    """
    u = _validate.unit(unit)
    r = _validate.rate(rates, "rates", u)
    if r.ndim != 1:
        msg = f"`rates` must be 1-D, got shape {r.shape}"
        raise ValueError(msg)
    names = _labels(labels, r.shape[0])
    marked = _highlight(highlight, names)
    title = _text(title, "title")
    source = _text(source, "source")
    ranking = rank(r, descending=descending, ties="min", nan_policy="omit")
    shown = ~np.isnan(r)
    # Rows top to bottom by rank; equal ranks keep the input order.
    order = np.flatnonzero(shown)[np.argsort(ranking.rank[shown], kind="stable")]
    missing = [names[i] for i in np.flatnonzero(~shown)]

    n = max(len(order), 1)
    ax = _axes(ax, 7.5, 1.4 + 0.24 * n)
    y = np.arange(len(order))[::-1]
    values = r[order]
    colours = [_HIGHLIGHT if names[i] in marked else _PALETTE[0] for i in order]
    span = float(np.max(values)) if len(values) else 1.0
    ax.hlines(y, 0.0, values, color="#e3e3e3", linewidth=1.0, zorder=1)
    ax.scatter(values, y, s=36, c=colours, zorder=3)
    for yi, v, i in zip(y, values, order, strict=True):
        ax.annotate(
            _fmt(v, decimals),
            xy=(v, yi),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
            color=_HIGHLIGHT if names[i] in marked else "#333333",
            fontweight="bold" if names[i] in marked else "normal",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.3, "alpha": 0.85},
        )
    ax.set_yticks(
        y, [f"{int(ranking.rank[i])}  {names[i]}" for i in order], fontsize="small"
    )
    for tick, i in zip(ax.get_yticklabels(), order, strict=True):
        if names[i] in marked:
            tick.set_color(_HIGHLIGHT)
            tick.set_fontweight("bold")
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xlim(0.0, span * 1.12 if span > 0 else 1.0)
    if reference is not None:
        ref_label, ref_value = reference
        ax.axvline(ref_value, color=_GREY, linestyle="--", linewidth=1.0, zorder=2)
        ax.annotate(
            f"{ref_label} {_fmt(ref_value, decimals)}",
            xy=(ref_value, 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(3, -3),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize="small",
            color="#444444",
        )
    direction = "highest" if ranking.descending else "lowest"
    ax.set_ylabel(f"Rank (1 = {direction}) and region")
    ax.set_xlabel(_value_label(value_label, u))
    _set_title(ax, title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    ax.set_axisbelow(True)
    _caption(ax, source, missing)
    return ax


@overload
def plot_rank_sets(
    sets: RankConfidenceSets,
    /,
    *,
    labels: Sequence[str],
    title: str,
    source: str,
    highlight: Sequence[str] = (),
    value_label: str = "poverty rate",
    note: str = "",
    ax: Axes | None = None,
) -> Axes: ...
@overload
def plot_rank_sets(
    sets: ArrayLike,
    /,
    lower: ArrayLike,
    upper: ArrayLike,
    labels: Sequence[str],
    *,
    descending: bool,
    level: float,
    simultaneous: bool,
    title: str,
    source: str,
    highlight: Sequence[str] = (),
    value_label: str = "poverty rate",
    note: str = "",
    ax: Axes | None = None,
) -> Axes: ...
@_validate.positional
def plot_rank_sets(
    sets: RankConfidenceSets | ArrayLike,
    /,
    lower: ArrayLike | None = None,
    upper: ArrayLike | None = None,
    labels: Sequence[str] | None = None,
    *,
    descending: bool | None = None,
    level: float | None = None,
    simultaneous: bool | None = None,
    title: str,
    source: str,
    highlight: Sequence[str] = (),
    value_label: str = "poverty rate",
    note: str = "",
    ax: Axes | None = None,
) -> Axes:
    """Confidence sets for the ranks of regions, one bar per region.

    One row per region, ordered by its estimated rank (rank 1 at the top).
    The bar spans the confidence set for the rank, from `lower` to `upper`,
    and the dot marks the estimated rank; the set is also printed at the
    right. A long bar says that the published rank is uncertain: the region
    could hold any rank under the bar.

    Parameters
    ----------
    sets : RankConfidenceSets or array_like
        The sets as returned by :func:`povstat.rank_confidence_sets`, which
        also give the direction, level and kind (marginal or simultaneous):
        pass only `labels` with them. Or the estimated ranks, 1-D, one per
        region (e.g. the ``rank`` column of :func:`povstat.with_rank_sets`),
        with `lower`, `upper`, `descending`, `level` and `simultaneous`. NaN
        marks a region that was not ranked: it is not drawn and the caption
        names it.
    lower, upper : array_like, 1-D
        Bounds of the confidence sets, with ``lower <= rank <= upper``; only
        with ranks as an array.
    labels : sequence of str
        Region names, one per rank. Required.
    descending : bool
        Direction the ranks were computed in, for the axis label: True,
        rank 1 is the highest value; False, the lowest. Required with ranks
        as an array.
    level : float
        Confidence level of the sets, a fraction in (0, 1), for the legend.
        Required with ranks as an array.
    simultaneous : bool
        Whether the sets hold for all regions jointly (True) or each on its
        own (False, marginal), for the legend. Required with ranks as an
        array.
    title : str
        Title of the chart; say what is ranked, where and when.
    source : str
        Data source, printed under the chart.
    highlight : sequence of str, optional
        Labels of regions drawn in a contrasting colour, with bold names.
    value_label : str, default "poverty rate"
        What was ranked, for the axis label ("1 = lowest poverty rate").
    note : str, optional
        A line printed above the source, e.g. where the standard errors come
        from when they are assumed.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; by default a new figure sized to the number of
        regions.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    TypeError
        If an array is not numeric, `labels` is not a sequence, `title` or
        `source` is not a non-empty string, `descending` or `simultaneous`
        is not a bool, or `level` is not a number.
    ValueError
        If `lower`, `upper`, `descending`, `level` or `simultaneous` is
        given with a :class:`~povstat.RankConfidenceSets`, `lower` or `upper`
        is missing without one, the arrays are not 1-D of one length with
        one label each, a rank is below 1, ``lower <= rank <= upper``
        fails, a row has some but not all of its three values, `level` is
        not in (0, 1), or `highlight` names a label that is not in `labels`.
    ImportError
        If matplotlib is not installed.

    See Also
    --------
    povstat.with_rank_sets, povstat.rank_confidence_sets : The sets drawn.
    plot_ranked_rates : The rates themselves, by rank.

    Notes
    -----
    Drawing each rank with its confidence set is the display recommended
    for league tables by Goldstein and Spiegelhalter [1]_; the sets of
    Mogstad et al. [2]_ are valid confidence statements about the ranks,
    marginal or simultaneous.

    References
    ----------
    .. [1] Goldstein, H., Spiegelhalter, D. J. (1996), "League Tables and
       Their Limitations: Statistical Issues in Comparisons of Institutional
       Performance", *Journal of the Royal Statistical Society Series A*
       159(3), 385-443.
    .. [2] Mogstad, M., Romano, J. P., Shaikh, A. M., Wilhelm, D. (2024),
       "Inference for Ranks with Applications to Mobility across
       Neighbourhoods and Academic Achievement across Countries", *Review of
       Economic Studies* 91(1), 476-518.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from povstat.plotting import plot_rank_sets
    >>> ax = plot_rank_sets(
    ...     [2, 1, 3],
    ...     [1, 1, 2],
    ...     [3, 2, 3],
    ...     ["Kota Malang", "Kota Batu", "Kota Surabaya"],
    ...     descending=False,
    ...     level=0.9,
    ...     simultaneous=False,
    ...     title="Rank of the poverty rate, March 2023",
    ...     source="BPS",
    ... )
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['1  Kota Batu', '2  Kota Malang', '3  Kota Surabaya']
    >>> ax.get_xlabel()
    'Rank (1 = lowest poverty rate)'

    The result of :func:`povstat.rank_confidence_sets` as it is:

    >>> from povstat import rank_confidence_sets
    >>> sets = rank_confidence_sets([4.26, 3.31, 4.65], se=[0.43, 0.33, 0.47],
    ...                             descending=False, level=0.9,
    ...                             method="bonferroni", simultaneous=False)
    >>> ax = plot_rank_sets(sets, labels=["Kota Malang", "Kota Batu",
    ...                                   "Kota Surabaya"],
    ...                     title="Rank of the poverty rate, March 2023",
    ...                     source="BPS")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['1  Kota Batu', '2  Kota Malang', '3  Kota Surabaya']
    """
    from povstat.rank_inference import RankConfidenceSets

    if isinstance(sets, RankConfidenceSets):
        given = {
            "lower": lower,
            "upper": upper,
            "descending": descending,
            "level": level,
            "simultaneous": simultaneous,
        }
        extra = [k for k, v in given.items() if v is not None]
        if extra:
            msg = (
                f"{', '.join(f'`{k}`' for k in extra)} must not be given with a "
                "RankConfidenceSets, which holds them"
            )
            raise ValueError(msg)
        rank: ArrayLike = sets.point_rank
        lower, upper = sets.lower, sets.upper
        descending, level = sets.descending, sets.level
        simultaneous = sets.simultaneous
    else:
        rank = sets
        # `descending`, `level` and `simultaneous` are checked (None included)
        # with the other arguments below.
        absent = [k for k, v in (("lower", lower), ("upper", upper)) if v is None]
        if absent:
            msg = (
                f"{' and '.join(f'`{k}`' for k in absent)} must be given with "
                "ranks as an array (or pass the RankConfidenceSets itself)"
            )
            raise ValueError(msg)
    if labels is None:
        msg = "`labels` must be given: one region name per rank"
        raise ValueError(msg)
    point = _validate.numeric(rank, "rank")
    lo = _validate.numeric(lower, "lower")  # type: ignore[arg-type]
    hi = _validate.numeric(upper, "upper")  # type: ignore[arg-type]
    for name, arr in (("rank", point), ("lower", lo), ("upper", hi)):
        if arr.ndim != 1 or arr.shape != point.shape:
            msg = (
                f"`{name}` must be 1-D with the length of `rank` "
                f"({point.shape[0] if point.ndim == 1 else point.shape}), got "
                f"shape {arr.shape}"
            )
            raise ValueError(msg)
    names = _labels(labels, point.shape[0])
    desc = _validate.flag(descending, "descending")
    simul = _validate.flag(simultaneous, "simultaneous")
    lev = _level(level)
    marked = _highlight(highlight, names)
    title = _text(title, "title")
    source = _text(source, "source")
    value_label = _text(value_label, "value_label")
    nan = np.isnan(point) | np.isnan(lo) | np.isnan(hi)
    partial = nan & ~(np.isnan(point) & np.isnan(lo) & np.isnan(hi))
    if partial.any():
        i = int(np.argmax(partial))
        msg = (
            f"row {i} ({_validate.plain(names[i])!r}) has some but not all of "
            f"rank, lower and upper: {point[i]}, {lo[i]}, {hi[i]}"
        )
        raise ValueError(msg)
    shown = ~nan
    bad = shown & ((point < 1) | (lo > point) | (point > hi))
    if bad.any():
        i = int(np.argmax(bad))
        msg = (
            f"each row needs 1 <= lower <= rank <= upper, found {lo[i]} <= "
            f"{point[i]} <= {hi[i]} for {_validate.plain(names[i])!r}"
        )
        raise ValueError(msg)
    # Rows top to bottom by rank, then by the set; ties keep the input order.
    rows = np.flatnonzero(shown)
    order = rows[np.lexsort((hi[rows], lo[rows], point[rows]))]
    missing = [names[i] for i in np.flatnonzero(nan)]

    n = max(len(order), 1)
    ax = _axes(ax, 7.5, 1.9 + 0.24 * n)
    y = np.arange(len(order))[::-1]
    colours = [_HIGHLIGHT if names[i] in marked else _PALETTE[0] for i in order]
    span = float(np.max(hi[order])) if len(order) else 1.0
    pct = f"{lev * 100:g} %"
    kind = "simultaneous" if simul else "marginal"
    bar_colours = [_HIGHLIGHT_LIGHT if names[i] in marked else _LIGHT for i in order]
    ax.hlines(
        y, lo[order] - 0.3, hi[order] + 0.3, colors=bar_colours, linewidth=6.0, zorder=2
    )
    ax.scatter(point[order], y, s=24, c=colours, zorder=3)
    for yi, i in zip(y, order, strict=True):
        text = f"{lo[i]:.0f}" if lo[i] == hi[i] else f"{lo[i]:.0f}-{hi[i]:.0f}"
        ax.annotate(
            text,
            xy=(1.0, yi),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
            color=_HIGHLIGHT if names[i] in marked else "#333333",
            fontweight="bold" if names[i] in marked else "normal",
        )
    ax.annotate(
        "Set",
        xy=(1.0, 1.0),
        xycoords="axes fraction",
        xytext=(4, 2),
        textcoords="offset points",
        va="bottom",
        fontsize="small",
        fontweight="bold",
    )
    ax.set_yticks(y, [f"{point[i]:.0f}  {names[i]}" for i in order], fontsize="small")
    for tick, i in zip(ax.get_yticklabels(), order, strict=True):
        if names[i] in marked:
            tick.set_color(_HIGHLIGHT)
            tick.set_fontweight("bold")
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xlim(0.3, span + 0.7)
    step = 1 if span <= 12 else 5
    ticks = [1, *range(step, int(span) + 1, step)] if step > 1 else None
    if ticks is not None:
        ax.set_xticks(sorted(set(ticks)))
    else:
        ax.set_xticks(range(1, int(span) + 1))
    direction = "highest" if desc else "lowest"
    ax.set_xlabel(f"Rank (1 = {direction} {value_label})")
    ax.set_ylabel("Estimated rank and region")
    _set_title(ax, title, pad=20.0)
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=_LIGHT, linewidth=6.0),
        Line2D([], [], color=_PALETTE[0], marker="o", linestyle="", markersize=5),
    ]
    ax.legend(
        handles,
        [f"{pct} confidence set for the rank ({kind})", "Estimated rank"],
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=2,
        fontsize="small",
        frameon=False,
        handlelength=1.5,
        handletextpad=0.8,
        columnspacing=1.0,
        borderaxespad=0.1,
    )
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    ax.set_axisbelow(True)
    _caption(ax, source, missing, note)
    return ax


@_validate.positional_except("periods")  # one per column of `rates`
def plot_dumbbell(
    rates: ArrayLike,
    labels: Sequence[str],
    *,
    periods: Sequence[str],
    unit: Unit,
    title: str,
    source: str,
    highlight: Sequence[str] = (),
    value_label: str = "Poverty rate P0",
    decimals: int = 2,
    ax: Axes | None = None,
) -> Axes:
    """Each region's rate at two or more periods, on one line per region.

    The dots of a region are joined by a line, so the path from the first
    period to the last can be read at a glance (e.g. up in the pandemic and
    back down). Rows are ordered by the change from the first to the last
    period, largest fall at the top, and that change is printed at the
    right in percentage points (for rates in percent).

    Parameters
    ----------
    rates : array_like, 2-D
        Rates in `unit`, one row per region and one column per period.
        Regions with a missing (NaN) value at the first or last period are
        not drawn; the caption names them.
    labels : sequence of str
        Region names, one per row of `rates`.
    periods : sequence of str
        Names of the periods, one per column, e.g. ``["2019", "2021",
        "2023"]``; shown in the legend.
    unit : {"percent", "fraction"}
        Scale of `rates`. Required.
    title : str
        Title of the chart.
    source : str
        Data source, printed under the chart.
    highlight : sequence of str, optional
        Labels of regions whose names are drawn in bold, in a contrasting
        colour.
    value_label : str, default "Poverty rate P0"
        What the values are; the unit is appended.
    decimals : int, default 2
        Decimals of the printed changes (rounded half up).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; by default a new figure sized to the number of
        regions.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    TypeError
        If `rates` is not numeric, `labels` or `periods` is not a sequence,
        or `title` or `source` is not a non-empty string.
    ValueError
        If `unit` is unknown, a rate is out of range, `rates` is not 2-D with
        at least two columns, or the numbers of labels or periods do not
        match its shape.
    ImportError
        If matplotlib is not installed.

    See Also
    --------
    povstat.rate_change : The change printed for each region.
    plot_series : Many periods for a few regions.

    Notes
    -----
    The change is :math:`r_{last} - r_{first}`, in the unit of the rates
    (percentage points for percent), as in :func:`povstat.rate_change`. Rows
    are ordered by it with :func:`povstat.rank` (``descending=False``, ties
    in input order).

    References
    ----------
    .. [1] Cleveland, W. S., McGill, R. (1984), "Graphical perception: theory,
       experimentation, and application to the development of graphical
       methods", *Journal of the American Statistical Association* 79(387),
       531-554 (position along a common scale is read most accurately).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from povstat.plotting import plot_dumbbell
    >>> ax = plot_dumbbell(
    ...     [[4.07, 4.62, 4.26], [3.81, 4.09, 3.31]],
    ...     ["Kota Malang", "Kota Batu"],
    ...     periods=["2019", "2021", "2023"],
    ...     unit="percent",
    ...     title="Poverty rate, March 2019, 2021 and 2023",
    ...     source="BPS",
    ... )
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Kota Batu', 'Kota Malang']
    >>> ax.get_xlabel()
    'Poverty rate P0 (%)'
    """
    u = _validate.unit(unit)
    r = _validate.rate(rates, "rates", u)
    if r.ndim != 2 or r.shape[1] < 2:
        msg = f"`rates` must be 2-D with at least two periods, got shape {r.shape}"
        raise ValueError(msg)
    names = _labels(labels, r.shape[0])
    cols = _labels(periods, r.shape[1], "periods")
    marked = _highlight(highlight, names)
    title = _text(title, "title")
    source = _text(source, "source")
    change = rate_change(r[:, 0], r[:, -1], unit=u)
    shown = ~np.isnan(change.points)
    order_rank = rank(change.points, descending=False, ties="ordinal").rank
    order = np.flatnonzero(shown)[np.argsort(order_rank[shown], kind="stable")]
    missing = [names[i] for i in np.flatnonzero(~shown)]

    n = max(len(order), 1)
    ax = _axes(ax, 7.5, 1.8 + 0.24 * n)
    y = np.arange(len(order))[::-1]
    vals = r[order]
    lo = np.nanmin(vals, axis=1)
    hi = np.nanmax(vals, axis=1)
    ax.hlines(y, lo, hi, color="#c8c8c8", linewidth=2.0, zorder=1)
    markers = ("o", "s", "D", "^", "v", "P")
    for j, name in enumerate(cols):
        ax.scatter(
            vals[:, j],
            y,
            s=30,
            marker=markers[j % len(markers)],
            color=_PALETTE[j % len(_PALETTE)],
            label=name,
            zorder=3 + j,
        )
    pts = change.points[order]
    xmax = float(np.nanmax(vals)) if len(vals) else 1.0
    unit_pts = _POINTS_TEXT[u]
    for yi, p in zip(y, pts, strict=True):
        ax.annotate(
            f"{'+' if p > 0 else ''}{_fmt(p, decimals)} {unit_pts}".rstrip(),
            xy=(1.0, yi),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
            color=_HIGHLIGHT if p > 0 else "#333333",
        )
    ax.annotate(
        f"Change\n{cols[0]}-{cols[-1]}",
        xy=(1.0, 1.0),
        xycoords="axes fraction",
        xytext=(4, 2),
        textcoords="offset points",
        va="bottom",
        fontsize="small",
        fontweight="bold",
    )
    ax.set_yticks(y, [names[i] for i in order], fontsize="small")
    for tick, i in zip(ax.get_yticklabels(), order, strict=True):
        if names[i] in marked:
            tick.set_color(_HIGHLIGHT)
            tick.set_fontweight("bold")
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.set_xlim(0.0, xmax * 1.05 if xmax > 0 else 1.0)
    ax.set_xlabel(_value_label(value_label, u))
    _set_title(ax, title, pad=20.0)
    # The legend is a row between the title and the plot, where it hides no
    # data; the title is lifted above it.
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=len(cols),
        fontsize="small",
        frameon=False,
        handletextpad=0.2,
        columnspacing=1.0,
        borderaxespad=0.1,
    )
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    ax.set_axisbelow(True)
    note = "Changes in percentage points (pp)." if u == "percent" else ""
    _caption(ax, source, missing, note)
    return ax


def _spread(y: NDArray[np.float64], gap: float) -> NDArray[np.float64]:
    """Move label positions apart so that neighbours are at least `gap` apart.

    Labels that would overlap are merged into a block centred on their mean
    position; blocks are merged until none overlap. Labels far from the
    others do not move.
    """
    order = np.argsort(y, kind="stable")
    blocks: list[list[float]] = []  # each: original positions, in order
    for v in y[order]:
        blocks.append([float(v)])
        while len(blocks) > 1:
            lower, upper = blocks[-2], blocks[-1]
            top_of_lower = np.mean(lower) + gap * (len(lower) - 1) / 2
            bottom_of_upper = np.mean(upper) - gap * (len(upper) - 1) / 2
            if bottom_of_upper - top_of_lower >= gap:
                break
            blocks[-2:] = [lower + upper]
    placed: list[float] = []
    for b in blocks:
        centre = float(np.mean(b))
        placed += [centre + gap * (k - (len(b) - 1) / 2) for k in range(len(b))]
    out = np.empty_like(y)
    out[order] = placed
    return out


@_validate.positional_except("x")  # `x` pairs with the columns of `rates`
def plot_series(
    x: ArrayLike,
    rates: ArrayLike,
    labels: Sequence[str],
    *,
    unit: Unit,
    title: str,
    source: str,
    xlabel: str,
    highlight: Sequence[str] = (),
    value_label: str = "Poverty rate P0",
    decimals: int = 2,
    ax: Axes | None = None,
) -> Axes:
    """Rates of a few regions over time, one labelled line per region.

    Each line is labelled at its last value, in the line's colour, so no
    legend is needed. A missing value (NaN) breaks the line: nothing is
    interpolated across it.

    Parameters
    ----------
    x : array_like, 1-D
        Times of the columns of `rates`: years (e.g. 2015-2025) or
        ``numpy.datetime64`` values.
    rates : array_like, 2-D
        Rates in `unit`, one row per region and one column per time.
    labels : sequence of str
        Region names, one per row of `rates`.
    unit : {"percent", "fraction"}
        Scale of `rates`, shown in the axis label. Required.
    title : str
        Title of the chart.
    source : str
        Data source, printed under the chart.
    xlabel : str
        Label of the time axis, e.g. ``"Year (March round)"``.
    highlight : sequence of str, optional
        Labels of regions drawn with a thicker line.
    value_label : str, default "Poverty rate P0"
        What the values are; the unit is appended.
    decimals : int, default 2
        Decimals of the last values printed at the line ends.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; by default a new 8 x 5.4 inch figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    TypeError
        If `rates` is not numeric, `labels` is not a sequence, or `title`,
        `source` or `xlabel` is not a non-empty string.
    ValueError
        If `unit` is unknown, a rate is out of range, `rates` is not 2-D, `x`
        does not have one value per column, there are more regions than
        colours (6), or `highlight` names an unknown label.
    ImportError
        If matplotlib is not installed.

    See Also
    --------
    plot_dumbbell : A few periods for many regions.

    Notes
    -----
    Lines are for a few regions: beyond six, colours can no longer be told
    apart [1]_, and a dot or dumbbell chart of all regions reads better.

    References
    ----------
    .. [1] Okabe, M., Ito, K. (2008), *Color Universal Design (CUD): how to
       make figures and presentations that are friendly to colorblind
       people*, J*FLY (the palette used here).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from povstat.plotting import plot_series
    >>> ax = plot_series(
    ...     [2019, 2020, 2021],
    ...     [[4.07, 4.44, 4.62], [3.81, 3.89, 4.09]],
    ...     ["Kota Malang", "Kota Batu"],
    ...     unit="percent",
    ...     title="Poverty rate, March rounds",
    ...     source="BPS",
    ...     xlabel="Year (March round)",
    ... )
    >>> ax.get_ylabel()
    'Poverty rate P0 (%)'
    >>> len(ax.get_lines())
    2
    """
    u = _validate.unit(unit)
    r = _validate.rate(rates, "rates", u)
    if r.ndim != 2:
        msg = f"`rates` must be 2-D (regions x times), got shape {r.shape}"
        raise ValueError(msg)
    t = np.asarray(x)
    if t.ndim != 1 or t.shape[0] != r.shape[1]:
        msg = (
            f"`x` must be 1-D with one time per column of `rates` ({r.shape[1]}), "
            f"got shape {t.shape}"
        )
        raise ValueError(msg)
    names = _labels(labels, r.shape[0])
    if len(names) > len(_PALETTE):
        msg = (
            f"`rates` has {len(names)} regions; at most {len(_PALETTE)} lines can "
            "be told apart (use plot_dumbbell or plot_ranked_rates for more)"
        )
        raise ValueError(msg)
    marked = _highlight(highlight, names)
    title = _text(title, "title")
    source = _text(source, "source")
    xlabel = _text(xlabel, "xlabel")

    ax = _axes(ax, 8.0, 5.4)
    ends_y: list[float] = []
    ends_x: list[Any] = []
    for i, name in enumerate(names):
        colour = _PALETTE[i]
        width = 2.6 if name in marked else 1.5
        ax.plot(t, r[i], color=colour, linewidth=width, marker="o", markersize=3.5)
        ok = np.flatnonzero(~np.isnan(r[i]))
        if ok.size:
            ends_x.append(t[ok[-1]])
            ends_y.append(float(r[i, ok[-1]]))
        else:
            ends_x.append(None)
            ends_y.append(np.nan)
    finite = np.isfinite(r)
    lo = float(np.min(r[finite])) if finite.any() else 0.0
    hi = float(np.max(r[finite])) if finite.any() else 1.0
    pad = (hi - lo) * 0.08 if hi > lo else (abs(hi) * 0.1 if hi != 0 else 1.0)
    ax.set_ylim(max(lo - pad, 0.0), hi + pad)
    ey = np.asarray(ends_y)
    has_end = ~np.isnan(ey)
    placed = ey.copy()
    placed[has_end] = _spread(ey[has_end], (hi - lo + 2 * pad) * 0.045)
    for i, name in enumerate(names):
        if not has_end[i]:
            continue
        ax.annotate(
            f"{name} {_fmt(ey[i], decimals)}",
            xy=(ends_x[i], placed[i]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize="small",
            color=_PALETTE[i],
            fontweight="bold" if name in marked else "normal",
            annotation_clip=False,
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(_value_label(value_label, u))
    _set_title(ax, title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#eeeeee")
    ax.set_axisbelow(True)
    if t.dtype.kind in "iu":
        ax.set_xticks(t)
    missing = [names[i] for i in np.flatnonzero(~finite.any(axis=1))]
    _caption(ax, source, missing)
    return ax
