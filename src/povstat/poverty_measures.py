r"""Foster-Greer-Thorbecke poverty measures and the Watts index from unit data.

A unit (a person, or a household standing for its members) is poor when its
welfare :math:`y` (consumption or income per capita) is below the poverty line
:math:`z`. Its normalised poverty gap is :math:`g = (z - y)/z` when poor and 0
otherwise. The FGT family (Foster, Greer and Thorbecke, 1984) averages
:math:`g^\alpha` over the population (with :math:`g^0` read as the poverty
indicator):

* :math:`\alpha = 0`: the headcount ratio P0, the share of people who are poor;
* :math:`\alpha = 1`: the poverty gap index P1 (depth);
* :math:`\alpha = 2`: the squared poverty gap index P2 (severity), BPS's
  *indeks keparahan kemiskinan*.

The Watts index (Watts, 1968) averages :math:`\ln(z/y)` over the poor.

Averages are weighted by survey weights times household size, so household
rows count as their members, and are normalised by the weights' total: the
weights' scale does not matter.

The per-unit terms are written once, here, for numpy arrays and for dataframe
expressions alike (:func:`povstat.poverty_table` uses them on the engine).
"""

from __future__ import annotations

import datetime
import math
import sys
import uuid
import warnings
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, Protocol, get_args

import numpy as np
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._exact import (
    IN_PLACE,
    _product_error,
    group_sum,
    group_sum_pair,
    scaled_ratio,
)
from povstat._validate import Unit

__all__ = ["fgt", "watts"]

#: How a unit's welfare is compared with the line: ``"<"`` counts a unit as
#: poor when its welfare is strictly below the line (World Bank, BPS, R
#: ``convey``); ``"<="`` also counts units exactly at the line (Stata
#: ``poverty``, DASP's option).
Comparison = Literal["<", "<="]
#: Missing welfare, weights, sizes or lines: ``"raise"`` (default) or
#: ``"omit"`` (the row counts with zero weight; it is never dropped).
MissingPolicy = Literal["raise", "omit"]

_COMPARISONS: tuple[str, ...] = get_args(Comparison)
_MISSING: tuple[str, ...] = ("raise", "omit")
_SCALE = {"percent": 100.0, "fraction": 1.0}


class _Ops(Protocol):
    """Elementwise operations the per-unit terms need (numpy or dataframe)."""

    def less(self, a: Any, b: Any, *, inclusive: bool) -> Any: ...
    def where(self, cond: Any, a: Any, b: Any) -> Any: ...
    def as_float(self, cond: Any) -> Any: ...
    def log(self, a: Any) -> Any: ...
    def power(self, a: Any, p: float) -> Any: ...


class _NumpyOps:
    def less(self, a: Any, b: Any, *, inclusive: bool) -> Any:
        return np.less_equal(a, b) if inclusive else np.less(a, b)

    def where(self, cond: Any, a: Any, b: Any) -> Any:
        return np.where(cond, a, b)

    def as_float(self, cond: Any) -> Any:
        return np.asarray(cond, dtype=np.float64)

    def log(self, a: Any) -> Any:
        return np.log(a)

    def power(self, a: Any, p: float) -> Any:
        return np.power(a, p)


NUMPY_OPS = _NumpyOps()


def comparison_arg(value: object) -> Comparison:
    """Check `comparison`: "<" or "<="."""
    _validate.choice(value, "comparison", _COMPARISONS)
    return "<=" if value == "<=" else "<"


def measure_names(alphas: Sequence[float], *, watts: bool) -> list[str]:
    """Labels of the measures: "P0", "P1", "P2", "FGT(a)" and "watts".

    `a` is its shortest repr, an integer without ".0" ("FGT(3)",
    "FGT(1.5)", "FGT(1e+308)": never the 309 digits of ``int(1e308)``), so
    distinct alphas always get distinct labels: "FGT(1.5)" and
    "FGT(1.50000001)", never two "FGT(1.5)" (repr reads back as the same
    float; an integer without ".0" has neither "." nor "e", which every
    other repr has).
    """
    names = [
        f"P{int(a)}" if a in (0.0, 1.0, 2.0) else f"FGT({repr(a).removesuffix('.0')})"
        for a in alphas
    ]
    return [*names, "watts"] if watts else names


def unit_terms(
    welfare: Any,
    line: Any,
    *,
    alphas: Sequence[float],
    watts: bool,
    comparison: Comparison,
    ops: _Ops,
) -> list[Any]:
    r"""Per-unit terms whose weighted means are the measures.

    One term per :math:`\alpha` (:math:`1[y<z]\,g^\alpha`, with
    :math:`g = (z-y)/z`), then :math:`1[y<z]\ln(z/y)` if `watts`. `welfare`
    and `line` are numpy arrays or dataframe expressions; `ops` supplies the
    elementwise operations. This is the one place the formulas are written.
    Every term is exactly 0 for a unit that is not poor, so sums of the terms
    may skip those units (see :func:`poor_rows`).
    """
    poor = ops.less(welfare, line, inclusive=comparison == "<=")
    terms: list[Any] = []
    gap = None
    rel = None
    for a in alphas:
        if a == 0.0:
            terms.append(ops.as_float(poor))
            continue
        if gap is None:
            # Where line - welfare overflows (both finite: a welfare near
            # -1e308), the same gap from halves, exact at that magnitude;
            # elsewhere the difference as it is, bit for bit.
            diff = line - welfare
            gap = ops.where(
                poor,
                ops.where(
                    ops.less(diff, math.inf, inclusive=False),
                    diff / line,
                    (line * 0.5 - welfare * 0.5) / (line * 0.5),
                ),
                0.0,
            )
        if a == 1.0:
            terms.append(gap)
        elif a == 2.0:
            terms.append(gap * gap)
        else:
            # The float64 gap rounds twice (the difference, the division),
            # and the power multiplies its relative error by alpha: the
            # power is corrected to first order by the gap's relative
            # remainder, so that the term is within about 2 ulp whatever
            # alpha (P1 and P2 as they were, bit for bit).
            if rel is None:
                rel = _gap_remainder(welfare, line, poor, ops)
            t = ops.power(gap, a)
            # An infinite power (a gap beyond float64's range, handled by
            # fgt on its own) stays inf, not inf * 0.
            fin = ops.less(t, math.inf, inclusive=False)
            terms.append(ops.where(fin, t + t * (rel * a), t))
    if watts:
        # ln(z / y) for the poor, ln(z / z) = 0 for the others. z / y is
        # correctly rounded, so the term is off by about eps/2 absolute;
        # ln z - ln y is off by about eps |ln z|, ten times more for lines
        # in rupiah (on numpy, polars, DuckDB and Spark alike). Where z / y
        # overflows (1e300 / 1e-300), ln z - ln y, which stays finite.
        kept = ops.where(poor, welfare, line)
        ratio = line / kept
        terms.append(
            ops.where(
                ops.less(ratio, math.inf, inclusive=False),
                ops.log(ratio),
                ops.log(line) - ops.log(kept),
            )
        )
    return terms


#: Below this, ``q * line`` (about ``line - welfare``) leaves Dekker's
#: product inexact: its rounding error would be subnormal.
_DEKKER_LEAST = math.ldexp(1.0, -969)
#: The power of two that lifts such a line and welfare into the normals.
_LIFT = math.ldexp(1.0, 600)


def _gap_remainder(welfare: Any, line: Any, poor: Any, ops: _Ops) -> Any:
    r"""The relative error of the float64 gap ``(line - welfare) / line``.

    With :math:`s = z - y` as float64 plus its rounding error :math:`s_l`
    (Knuth's two-sum) and the quotient :math:`q` times :math:`z` as an
    exact pair (Dekker's product), the exact gap is
    :math:`q\,(1 + \rho)` with :math:`\rho = ((s - qz) + s_l) / s` to
    first order. Elementwise arithmetic only, the same on numpy and every
    engine; 0 for the non-poor and wherever a step leaves float64's range
    (there the gap stays as it was).

    Where ``line - welfare`` is below ``2**-969`` (a line below about
    1e-276), Dekker's product would lose digits in the subnormals: there
    both are first multiplied by ``2**600`` (exact, the gap the same).
    """
    low = ops.where(
        poor, ops.less(line - welfare, _DEKKER_LEAST, inclusive=False), False
    )
    scale = ops.where(low, _LIFT, 1.0)
    line = line * scale
    welfare = welfare * scale
    diff = line - welfare
    q = diff / line
    back = diff - line
    s_lo = (line - (diff - back)) + ((welfare * -1.0) - back)
    prod = q * line
    err = _product_error(q, line, prod)
    rho = (((diff - prod) - err) + s_lo) / diff
    finite = ops.less(rho * rho, math.inf, inclusive=False)
    return ops.where(poor, ops.where(finite, rho, 0.0), 0.0)


def poor_rows(
    welfare: NDArray[np.float64], line: NDArray[np.float64], *, comparison: Comparison
) -> NDArray[np.intp]:
    """Indices of the poor units: the only ones whose terms can be non-zero.

    Skipping the others changes no sum (each of their terms is exactly 0).
    """
    poor = NUMPY_OPS.less(welfare, line, inclusive=comparison == "<=")
    return np.flatnonzero(poor)


def alphas_arg(
    alpha: float | Sequence[float], *, watts: bool | None = None
) -> tuple[list[float], bool]:
    """Check `alpha` (a number >= 0 or a sequence of them); say if it was scalar.

    An empty sequence asks for no FGT measure: accepted with `watts` True
    (the Watts index alone), refused otherwise, saying how to ask for the
    Watts index alone (``alpha=[]`` with ``watts=True`` where `watts` is
    False, :func:`watts` where it is None: :func:`fgt` has no Watts).

    A bool is no FGT parameter, alone or inside a sequence (numpy would read
    ``[0, True]`` as ``[0, 1]``): refused with TypeError. Values are read
    by the rule of :func:`povstat._validate.numeric`, as welfare and lines
    are: a float32 is its shortest decimal (``np.float32(0.1)`` is 0.1), a
    ``Decimal`` is taken when float64 holds it and an integer float64
    cannot hold exactly (``10**30 + 1``; ``10**30`` is the decimal 1E+30, as
    ``Decimal("1E+30")`` is) raises ValueError. A masked entry is a
    missing parameter: refused with ValueError, never computed from the
    value under the mask.
    """
    if np.ma.is_masked(alpha):
        held: Any = alpha
        where = np.flatnonzero(np.ma.getmaskarray(held))
        msg = (
            f"`alpha` must not be missing: {where.size} masked "
            f"entr{'y' if where.size == 1 else 'ies'} (index {where[:5].tolist()}); "
            "an FGT parameter is stated, never estimated, and the value "
            "under a mask is not used"
        )
        raise ValueError(msg)
    scalar = np.ndim(alpha) == 0
    wrong = f"`alpha` must be a number or a sequence of numbers, got {alpha!r}"
    try:
        raw = np.asarray(np.ma.getdata(alpha))
    except (TypeError, ValueError):  # ragged nested sequences
        raise TypeError(wrong) from None
    flags = isinstance(alpha, list | tuple) and any(
        isinstance(a, bool | np.bool_) for a in alpha
    )
    objects = raw.dtype.kind == "O" and not all(
        is_line_number(a) for a in raw.ravel().tolist()
    )
    if raw.dtype.kind not in "iufO" or raw.ndim > 1 or flags or objects:
        raise TypeError(wrong)
    values = np.atleast_1d(_validate.numeric(alpha, "alpha"))
    out = values.astype(np.float64)
    if out.size == 0 and not watts:
        how = (
            "povstat.watts gives the Watts index"
            if watts is None
            else "for the Watts index alone pass alpha=[] with watts=True"
        )
        msg = f"`alpha` must hold at least one value, got an empty sequence; {how}"
        raise ValueError(msg)
    if not np.all(np.isfinite(out)) or np.any(out < 0):
        msg = f"`alpha` must be finite and >= 0, got {_shown_alpha(alpha)!r}"
        raise ValueError(msg)
    if np.unique(out).size != out.size:
        msg = f"`alpha` must not repeat a value, got {_shown_alpha(alpha)!r}"
        raise ValueError(msg)
    return [float(a) for a in out], bool(scalar)


def _shown_alpha(alpha: Any) -> Any:
    """`alpha` as a message shows it: numpy scalars as plain numbers.

    ``[1, np.float32(1)]`` shows as ``[1, 1.0]`` (a float32 as its shortest
    decimal, as it is read), an array as a list.
    """

    def one(a: Any) -> Any:
        if isinstance(a, np.floating) and a.dtype.itemsize < 8:
            return _validate.short_float(a)
        return _validate.plain(a)

    if isinstance(alpha, np.ndarray):
        if alpha.dtype.kind == "f" and alpha.dtype.itemsize < 8:
            alpha = _validate.widen_short_float(alpha)
        alpha = alpha.tolist() if alpha.dtype.kind != "O" else list(alpha.ravel())
    if isinstance(alpha, list | tuple):
        return type(alpha)(map(one, alpha)) if type(alpha) in (list, tuple) else alpha
    return one(alpha)


def factorize(
    labels: ArrayLike, name: str, *, column: str | None = None
) -> tuple[NDArray[Any], NDArray[np.intp]]:
    """Sorted distinct labels and each row's code, without a sort for small ints.

    Integer labels in a range not much longer than the data take a counting
    path (two passes, no sort); anything else uses :func:`numpy.unique`.
    Labels are checked by :func:`povstat._validate.labels` (missing labels
    raise ValueError, labels of mixed kinds such as 1, '1' and True raise
    TypeError), the one check of every function that takes labels; labels
    that are not scalars (lists, tuples, arrays, mappings) raise TypeError
    naming `name` (and the frame's `column`, when given).

    Each distinct label is shown the same way whatever the order of the
    rows: of labels that are equal but written differently (0.0 and -0.0,
    ``Decimal("1.0")`` and ``Decimal("1.00")``, one instant in two time
    zones) the label shown is the one with the smallest ``repr``, and a
    zero is shown without its sign.
    """
    hint = crossed_labels_hint(name, labels) if column is None else ""
    if isinstance(labels, list | tuple):
        _refuse_nested_labels(list(labels), name, column, hint=hint)
    elif isinstance(labels, np.ndarray) and labels.dtype.kind == "O":
        # Said of the frame's column, before the shared label check.
        _refuse_nested_labels(labels.ravel(), name, column, hint=hint)
    labels = _float32_short(labels)
    # Each unit's label a row of values (a 2-D array, a frame of columns of
    # any kinds): said first, before the kinds of the values are compared.
    # (Lists of rows are refused above, by their first row.)
    table = _validate.not_an_array(labels, name)
    if table is not None:  # a frame, relation, expression or column name
        raise TypeError(table)
    shape = getattr(labels, "shape", None)
    if isinstance(shape, tuple) and len(shape) > 1:
        _refuse_rows_as_labels(tuple(shape), name, column, labels)
    # Missing or mixed-kind labels; containers that reach it (a pandas
    # MultiIndex or Series of tuples: a row of labels per unit) with the
    # crossed-domain advice, as a list of rows gets it above.
    arr = _validate.labels(labels, name, column=column, hint=hint)
    if arr.ndim > 1:
        _refuse_rows_as_labels(arr.shape, name, column, labels)
    if arr.ndim != 1:
        msg = f"`{name}` must be one-dimensional, got shape {arr.shape}"
        raise ValueError(msg)
    if arr.dtype.kind in "iu" and arr.size:
        lo, hi = int(arr.min()), int(arr.max())
        if lo >= 0 and hi < 4 * arr.size + 1024:
            present = np.bincount(arr, minlength=hi + 1) > 0
            if lo == 0 and present.all():  # already codes 0..k-1
                return np.arange(hi + 1).astype(arr.dtype), arr.astype(
                    np.intp, copy=False
                )
            remap = np.cumsum(present) - 1
            return np.flatnonzero(present).astype(arr.dtype), remap[arr]
    if arr.dtype.kind in "fc":
        arr = arr + 0.0  # -0.0 and 0.0 are one label, shown as 0.0 in any order
    types = set(map(type, arr.tolist())) if arr.dtype.kind == "O" else set()
    if any(issubclass(t, np.generic) for t in types):
        arr = object_labels(arr)  # numpy scalars as the Python values they hold
        types = set(map(type, arr.tolist()))
    if types:
        _refuse_nested_labels(arr, name, column, types=types)
    try:
        uniques, codes = np.unique(arr, return_inverse=True)
    except TypeError:
        where = f"`{name}`" if column is None else f"`{name}` column {column!r}"
        kinds = sorted(t.__name__ for t in types) or [str(arr.dtype)]
        # The example is the same whatever the row order: the smallest repr
        # (an error path, read once).
        example = f" (such as {min(map(repr, arr.tolist()))})" if arr.size else ""
        msg = (
            f"{where} labels must be of one sortable kind, got {', '.join(kinds)} "
            f"values that cannot be ordered{example}; convert them to text or "
            "numbers first (a calendar interval of months and days, say, to its "
            "text or to a number of days)"
        )
        raise TypeError(msg) from None
    codes = codes.reshape(-1).astype(np.intp)
    if uniques.dtype.kind == "f" and uniques.dtype.itemsize < 8:
        # Grouped by the float32 values; each shown as its shortest decimal.
        uniques = _validate.widen_short_float(uniques)
    if types and not types <= _PLAIN_TYPES:
        uniques = _canonical(arr, codes, uniques.shape[0])
    return uniques, codes


def _refuse_rows_as_labels(
    shape: tuple[int, ...], name: str, column: str | None, labels: object = None
) -> None:
    where = f"`{name}`" if column is None else f"`{name}` column {column!r}"
    msg = (
        f"{where} labels must be scalars (numbers, strings, dates, ...), "
        f"one per unit: got a {len(shape)}-D array of shape {shape}"
    )
    if column is None and len(shape) == 2 and 1 in shape and shape != (1, 1):
        # df[["ku"]].to_numpy(): one column's labels, not crossed ones
        msg += (
            "; an array of one column (or one row) holds one label per unit: "
            "pass it flat (its .ravel(), or the column itself, df['name'] "
            "rather than df[['name']])"
        )
        raise TypeError(msg)
    raise TypeError(msg + ("" if column else crossed_labels_hint(name, labels)))


#: Advice for a `by` of several columns (or a row of labels per unit) given
#: to the array functions: crossed domains take one label per unit.
_CROSSED_DOMAINS = (
    "; for crossed domains (region by area, say) give one combined label "
    "per unit, such as the labels joined as text (region + '/' + area) or "
    "an integer code, or pass a frame to povstat.poverty_table with "
    "by=[...] naming its columns, which crosses them"
)

#: The same for `strata` (a stratum of a region by area, as Susenas draws
#: them) and `psu` given as several labels per unit.
_CROSSED_STRATA = (
    "; for crossed strata (regency by urban/rural, say) give one combined "
    "label per unit, such as the labels joined as text (regency + '/' + "
    "urban) or an integer code; povstat.poverty_table takes one strata "
    "column, so build that column first"
)


def crossed_labels_hint(name: str, labels: object = None) -> str:
    """Advice for labels of `name` given as several per unit (rows, tuples).

    `by`, `strata` and `psu` take one label per unit; other arguments get
    none (``""``). For `psu` the columns of `labels` (Series named after
    them, or columns a, b, ... in the order given) may be stages or one
    PSU's crossing: both readings, as for several columns of a frame
    (:func:`povstat._validate.several_psu_note`).
    """
    if name == "psu":
        return _several_psu_labels(labels)
    return {"by": _CROSSED_DOMAINS, "strata": _CROSSED_STRATA}.get(name, "")


def _several_psu_labels(labels: object) -> str:
    """:func:`povstat._validate.several_psu_note` for `psu` as columns of labels."""
    items = list(labels) if isinstance(labels, list | tuple) else None
    named = [getattr(x, "name", None) for x in items or ()]
    pl = sys.modules.get("polars")
    if (
        items is not None
        and len(items) >= 2
        and all(isinstance(n, str) and n for n in named)
        and len(set(named)) == len(named)
    ):  # Series named after their columns: [df.kab, df.blok]
        polars = pl is not None and all(isinstance(x, pl.Series) for x in items)
        kind = "a polars DataFrame" if polars else ""
        return _validate.several_values(
            "psu", [str(n) for n in named], kind=kind, how="df[{c}]"
        )
    shape = getattr(labels, "shape", None)
    if isinstance(shape, tuple) and len(shape) == 2:
        count = min(shape)
    elif items and all(
        isinstance(x, list | tuple) or getattr(x, "ndim", 0) == 1 for x in items
    ):  # columns of labels; a flat list of labels (str, masked) has none
        count = min(len(items), min(len(x) for x in items))
    else:
        count = 2
    cols = "abcdefgh"[: max(2, min(count, 8))]

    def crossing(pair: Sequence[str]) -> str:
        joined = " + '/' + ".join(f"pd.Series({c}).astype('string')" for c in pair)
        return f"in pandas, psu={joined}"

    return (
        "; calling the columns of labels "
        + ", ".join(cols[:-1])
        + f" and {cols[-1]} in the order given (the columns themselves, or "
        "x[:, 0], x[:, 1], ... of an array x of one row per unit): "
        + _validate.several_psu_note(list(cols), "psu={c}", crossing=crossing)
    )


def _float32_short(labels: ArrayLike) -> ArrayLike:
    """Float32 (float16) scalars among labels as their shortest decimals.

    The one reading of a float32 label in povstat, whatever holds it (a
    float32 array, a list or an object array of numpy scalars) and as
    :func:`povstat._validate.labels` reads it: ``np.float32(0.1)`` is the
    figure 0.1 that was typed, not the float64 0.10000000149011612 it
    holds, so a `line` key 0.1 or ``np.float32(0.1)`` matches it. Distinct
    float32 values keep distinct shortest decimals (each reads back as its
    float32): no two domains merge.
    """
    if isinstance(labels, list | tuple):
        items = list(labels)
    elif type(labels) is np.ndarray and labels.dtype.kind == "O":
        items = labels.ravel().tolist()
    else:
        return labels
    short = [isinstance(x, np.floating) and x.dtype.itemsize < 8 for x in items]
    if not any(short):
        return labels
    held = [
        _validate.short_float(x) if s else x for x, s in zip(items, short, strict=True)
    ]
    if isinstance(labels, list | tuple):
        return held
    out = np.empty(len(held), dtype=object)
    out[:] = held
    return out.reshape(labels.shape)


#: Python types whose equal values are always written alike (no -0.0, no
#: trailing zeros, no time zones): their labels need no canonical choice.
_PLAIN_TYPES = frozenset({str, int, bool, bytes, np.str_, np.bytes_, np.bool_})


_refuse_nested_labels = _validate.refuse_nested_labels


def _canonical(arr: NDArray[Any], codes: NDArray[np.intp], k: int) -> NDArray[Any]:
    """The label shown for each of the `k` classes of equal object labels.

    The member with the smallest ``repr`` (then a zero without its sign):
    the same label for every order of the rows.
    """
    reprs = np.array(list(map(repr, arr.tolist())), dtype=str)
    order = np.lexsort((reprs, codes))
    pick = order[np.searchsorted(codes[order], np.arange(k))]
    chosen = np.empty(k, dtype=object)
    chosen[:] = list(map(_unsigned_zero, arr[pick].tolist()))
    return chosen


def _unsigned_zero(x: Any) -> Any:
    """A float or decimal zero without its sign; other labels unchanged."""
    if isinstance(x, float | np.floating) and x == 0:
        return type(x)(0.0)
    if isinstance(x, Decimal) and x.is_zero():
        return x.copy_abs()
    return x


_ATTO = {  # attoseconds in one unit of a numpy datetime64 or timedelta64
    "W": 7 * 86400 * 10**18,
    "D": 86400 * 10**18,
    "h": 3600 * 10**18,
    "m": 60 * 10**18,
    "s": 10**18,
    "ms": 10**15,
    "us": 10**12,
    "ns": 10**9,
    "ps": 10**6,
    "fs": 10**3,
    "as": 1,
}
_EPOCH = datetime.datetime(1970, 1, 1)
_EPOCH_UTC = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def _atto(delta: datetime.timedelta, extra_ns: int) -> int:
    """A timedelta (plus nanoseconds) in attoseconds, exactly."""
    micro = (delta.days * 86400 + delta.seconds) * 10**6 + delta.microseconds
    return micro * 10**12 + extra_ns * 10**9


def _numpy_time(x: np.datetime64 | np.timedelta64) -> int | None:
    """A numpy datetime or duration in attoseconds (None for calendar units)."""
    unit, count = np.datetime_data(x.dtype)
    if unit in ("Y", "M") and isinstance(x, np.datetime64):
        x, unit, count = x.astype("M8[D]"), "D", 1
    if unit not in _ATTO:
        return None
    return int(x.astype(np.int64)) * count * _ATTO[unit]


def match_key(x: Any) -> tuple[str, Any]:
    """The kind and value by which a label or a `line` key is matched.

    Dates and times are matched by the instant they name, whatever their
    type (``datetime``, ``pandas.Timestamp``, ``numpy.datetime64`` of any
    unit, ``date`` as its midnight): naive ones as wall times, zoned ones
    as instants, and a naive one never matches a zoned one. Durations
    likewise. Other labels by value within their kind (str, bytes, bool,
    int, float, decimal; a UUID as its text): 1, 1.0, True and '1' are
    four different keys.
    """
    if isinstance(x, np.floating) and x.dtype.itemsize < 8:
        x = _validate.short_float(x)  # the figure typed, as labels read
    elif isinstance(x, np.generic) and not isinstance(
        x, np.datetime64 | np.timedelta64
    ):
        x = x.item()
    if isinstance(x, datetime.datetime):
        ns = int(getattr(x, "nanosecond", 0))
        if x.tzinfo is not None and x.utcoffset() is not None:
            return "datetime with time zone", _atto(x - _EPOCH_UTC, ns)
        return "datetime", _atto(x.replace(tzinfo=None) - _EPOCH, ns)
    if isinstance(x, datetime.date):
        return "datetime", _atto(x - _EPOCH.date(), 0)
    if isinstance(x, datetime.timedelta):
        return "duration", _atto(x, int(getattr(x, "nanoseconds", 0)))
    if isinstance(x, np.datetime64 | np.timedelta64):
        value = _numpy_time(x)
        kind = "datetime" if isinstance(x, np.datetime64) else "duration"
        return (kind, value) if value is not None else ("other", x)
    if isinstance(x, Decimal):
        return "decimal", x
    if isinstance(x, uuid.UUID):  # engines hand UUIDs over as their text
        return "str", str(x)
    if isinstance(x, tuple):  # one value per `by` column
        pairs = [match_key(v) for v in x]
        return repr(tuple(k for k, _ in pairs)), tuple(v for _, v in pairs)
    return _validate.label_kinds([x])[0], x


def _python_label(x: Any) -> Any:
    """A numpy scalar label as the Python value it stands for.

    Datetimes and durations finer than a microsecond become ``datetime`` and
    ``timedelta`` when they hold whole microseconds (numpy's ``item`` would
    give an integer count of nanoseconds); otherwise they stay numpy scalars.
    """
    if isinstance(x, np.datetime64 | np.timedelta64):
        unit, _ = np.datetime_data(x.dtype)
        if unit in ("ns", "ps", "fs", "as"):
            code = "M8[us]" if isinstance(x, np.datetime64) else "m8[us]"
            micro = x.astype(code)
            return micro.item() if micro == x else x
        return x.item()
    if isinstance(x, np.generic):
        return x.item()
    return x


def label_list(labels: NDArray[Any]) -> list[Any]:
    """Labels as Python values, datetimes kept as datetimes (see _python_label).

    ``ndarray.tolist`` turns nanosecond datetimes into integers; this keeps
    each date a date, whatever the unit.
    """
    if labels.dtype.kind in "mM":
        unit, _ = np.datetime_data(labels.dtype)
        if unit in ("ns", "ps", "fs", "as"):
            code = f"{labels.dtype.kind}8[us]"
            micro = labels.astype(code)
            if np.array_equal(micro.astype(labels.dtype), labels):
                out: list[Any] = micro.tolist()
                return out
            return list(labels)
    if labels.dtype.kind == "O":
        return [_python_label(x) for x in labels.tolist()]
    out = labels.tolist()
    return out


def object_labels(labels: NDArray[Any]) -> NDArray[Any]:
    """Labels as a 1-D object array of Python values (see :func:`label_list`)."""
    values = label_list(np.asarray(labels))
    return np.fromiter(values, dtype=object, count=len(values))


def is_line_number(value: object) -> bool:
    """Whether `value` is a number a stated poverty line may be (no bool).

    A masked scalar (``numpy.ma.masked``, a 0-d masked array) is one: a
    missing line, read as NaN by :func:`line_number`, as in an array.
    """
    if isinstance(value, np.ma.MaskedArray) and value.ndim == 0:
        return bool(np.ma.getmaskarray(value)) or is_line_number(value.item())
    return not isinstance(value, bool | np.bool_) and isinstance(
        value, int | float | np.integer | np.floating | Decimal | Fraction
    )


def line_number(value: Any, key: object = None) -> float:
    """A stated poverty line (a scalar or a mapping value) as float64.

    The rule of :func:`povstat._validate.numeric`, as for a line passed as
    an array: a float32 (or float16) value stands for its shortest decimal
    (``np.float32(100.1)`` is 100.1, not 100.09999847...), a ``Decimal`` or
    ``Fraction`` is taken when float64 holds it (exactly or as its shortest
    decimal) and an integer beyond 2**53 is refused. `key`, when given, is
    the mapping key named in the error. A masked scalar is a missing line:
    NaN, as a masked entry of an array is.
    """
    if isinstance(value, np.ma.MaskedArray) and value.ndim == 0:
        if bool(np.ma.getmaskarray(value)):
            return np.nan
        value = value.item()
    try:
        return float(_validate.numeric(np.array(value, dtype=object), "line"))
    except ValueError as exc:
        if key is None:
            raise
        msg = f"{exc} (the value for key {key!r})"
        raise ValueError(msg) from None


def lines_by_domain(line: Mapping[Any, Any], labels: Sequence[Any]) -> list[float]:
    """Each domain's line from a mapping, keys matched by value and kind.

    Keys are matched by :func:`match_key`: a key of another kind than the
    labels (1.0 or True for the label 1, '1' for 1, a naive datetime for a
    zoned one) is no key of theirs, as labels that differ only in type are
    never merged; the values must be real numbers (not text, bool or
    containers). A domain without a line raises ValueError naming it and,
    when there are keys of another kind, those keys and the labels' kind.
    Values are read by :func:`line_number` (a float32 value is its shortest
    decimal; a ``Decimal`` is taken when float64 holds it); an infinite line
    of a domain, or one <= 0, raises ValueError naming the domain, as a
    missing one does.
    """
    bad = [(k, v) for k, v in line.items() if not is_line_number(v)]
    if bad:
        msg = (
            "`line` mapping values must be numbers (int, float or Decimal), "
            f"got {bad[:5]}"
        )
        raise TypeError(msg)
    value = {k: line_number(v, k) for k, v in line.items()}
    index: dict[tuple[str, Any], Any] = {}
    for k in line:  # a loop over the mapping's keys
        mk = match_key(k)
        if mk in index and index[mk] is not k and value[index[mk]] != value[k]:
            msg = (
                f"`line` keys {_validate.plain(index[mk])!r} and "
                f"{_validate.plain(k)!r} name the same domain but give it "
                f"different lines ({_validate.plain(line[index[mk]])!r} and "
                f"{_validate.plain(line[k])!r})"
            )
            raise ValueError(msg)
        index.setdefault(mk, k)
    wanted = [match_key(d) for d in labels]
    absent = [d for d, mk in zip(labels, wanted, strict=True) if mk not in index]
    if absent:
        kinds = sorted({mk[0] for mk in wanted})
        other = [k for mk, k in index.items() if mk[0] not in kinds]
        hint = (
            f"; the key(s) {other[:5]} are not of the labels' kind {kinds}"
            if other
            else ""
        )
        zoned = {"datetime", "datetime with time zone"}
        if other and zoned <= {*kinds, *(match_key(k)[0] for k in other)}:
            hint += (
                " (keys and labels must both have a time zone, matched as "
                "instants, or both be naive)"
            )
        folded = {k.strip().casefold(): k for k in line if isinstance(k, str)}
        near = [
            (d, folded[d.strip().casefold()])
            for d in absent
            if isinstance(d, str) and d.strip().casefold() in folded
        ]
        if near:  # "perkotaan" for "Perkotaan": labels match as written
            pairs = ", ".join(f"{k!r} for {d!r}" for d, k in near[:5])
            hint += (
                f"; keys match labels exactly as written, with case and "
                f"spaces: the key(s) {pairs} differ only in those"
            )
        msg = f"`line` has no poverty line for domain(s) {absent[:5]}{hint}"
        raise ValueError(msg)
    out = [value[index[mk]] for mk in wanted]
    infinite = [d for d, z in zip(labels, out, strict=True) if np.isinf(z)]
    if infinite:
        msg = (
            f"`line` must be finite: the line of domain(s) {infinite[:5]} is "
            "infinite (NaN marks a missing line)"
        )
        raise ValueError(msg)
    # A loop over the domains (one per label), not over rows.
    low = [(d, z) for d, z in zip(labels, out, strict=True) if z <= 0]
    if low:
        more = f" ({len(low):,} domains in all)" if len(low) > 5 else ""
        msg = (
            f"`line` must be > 0: the line of domain(s) {[d for d, _ in low[:5]]} "
            f"is {[z + 0.0 for _, z in low[:5]]}{more}"
        )
        raise ValueError(msg)
    return out


#: The argument of :func:`povstat.poverty_table` that takes the column name
#: for each array argument of the unit-level functions, where it differs.
_TABLE_KEYWORDS = {"weights": "weight"}


def refuse_tables(**arrays: object) -> None:
    """Refuse a frame, relation, expression or column name given as an array.

    The unit-level array functions (:func:`fgt`, :func:`watts`,
    :func:`povstat.poverty_estimates`) take each argument's values, one
    per unit; :func:`povstat.poverty_table` takes a frame and column names.
    A frame of any engine (eager too: a 2-D array is no column of values),
    a lazy frame, a relation, an expression or one str that looks like a
    column name raises TypeError saying what was passed and which function
    takes it (:func:`povstat._validate.not_an_array`). None is skipped.
    """
    # A Series of strata holding one of a frame of psu columns: the other.
    # Its name alone says nothing (a Series keeps it through .replace or
    # // 100): the values must be that column's.
    strata = getattr(arrays.get("strata"), "name", None)
    if isinstance(strata, str) and _validate.unlike_column(
        arrays.get("strata"), arrays.get("psu"), strata, aligned=False
    ):
        strata = None
    for name, x in arrays.items():
        if x is None or type(x) is np.ndarray:
            continue
        msg = _validate.not_an_array(
            x,
            name,
            arrays="povstat.fgt, povstat.watts and povstat.poverty_estimates take",
            frames="povstat.poverty_table takes",
            keyword=_TABLE_KEYWORDS.get(name, name),
            strata=strata if isinstance(strata, str) else None,
        )
        if msg is not None:
            raise TypeError(msg)


def prepare_units(
    welfare: ArrayLike,
    line: ArrayLike | Mapping[Any, float],
    *,
    weights: ArrayLike | None,
    size: ArrayLike | None,
    by: ArrayLike | None,
    nan_policy: str,
    watts: bool,
    omitted: list[NDArray[np.bool_]] | None = None,
) -> tuple[
    NDArray[np.float64],
    NDArray[np.float64],
    NDArray[np.float64],
    tuple[NDArray[Any], NDArray[np.intp]] | None,
]:
    """Checked welfare, line per unit, person weights and domain codes.

    Missing values raise, or with ``nan_policy="omit"`` give the row zero
    weight (its welfare and line are then replaced by harmless values).
    `omitted`, if given, gets the mask of those rows appended (the survey
    estimates tell them from rows of zero weight as given).
    """
    _validate.choice(nan_policy, "nan_policy", _MISSING)
    refuse_tables(
        welfare=welfare,
        line=None if isinstance(line, Mapping) else line,
        weights=weights,
        size=size,
        by=by,
    )
    y = _validate.finite_or_nan(welfare, "welfare")
    if y.ndim != 1:
        msg = f"`welfare` must be one-dimensional, got shape {y.shape}"
        raise ValueError(msg)
    n = y.shape[0]
    if n == 0:
        msg = (
            "`welfare` holds no units: an estimate of an empty sample is "
            "refused, never reported as NaN or as an empty result"
        )
        raise ValueError(msg)
    domains = None if by is None else factorize(by, "by")
    if domains is not None and domains[1].shape[0] != n:
        msg = f"`by` must have one label per unit: {domains[1].shape[0]} != {n}"
        raise ValueError(msg)
    if isinstance(line, Mapping):
        if domains is None:
            msg = "`line` as a mapping (one line per domain) needs `by`"
            raise ValueError(msg)
        per_domain = np.array(lines_by_domain(line, label_list(domains[0])))
        z = _validate.finite_or_nan(per_domain, "line")
        refuse_missing_domain_lines(object_labels(domains[0])[np.isnan(z)])
        z = z[domains[1]]
    else:
        z = _validate.finite_or_nan(line, "line")
        if z.ndim == 0 and np.isnan(z):
            raise ValueError(MISSING_SCALAR_LINE)
        if z.ndim > 1 or (z.ndim == 1 and z.shape[0] != n):
            advice = (
                "; for one line per domain give a mapping of domain labels to "
                "lines with `by` (a pandas Series of lines indexed by domain: "
                "line.to_dict())"
                if z.ndim == 1 and domains is not None
                else ""
            )
            msg = (
                f"`line` must be a number or hold one line per unit, got shape "
                f"{z.shape} for {n} units{advice}"
            )
            raise ValueError(msg)
    w = _per_unit(weights, "weights", n)
    s = _per_unit(size, "size", n)
    given = [y, z, *(a for a, x in ((w, weights), (s, size)) if x is not None)]
    # A NaN-free sum proves an array NaN-free in one pass without a mask.
    if any(_maybe_nan(a) for a in given):
        missing = np.isnan(y) | np.isnan(z)
        if weights is not None:
            missing |= np.isnan(w)
        if size is not None:
            missing |= np.isnan(s)
    else:
        missing = np.zeros(0, bool)
    if missing.any():
        if nan_policy == "raise":
            # An error is certain: count each input's missing values by name.
            held = [("`welfare`", int(np.isnan(y).sum()))]
            held.append(("`line`", int(np.isnan(z).sum()) if z.ndim else 0))
            held += [
                (f"`{name}`", int(np.isnan(a).sum()))
                for a, x, name in ((w, weights, "weights"), (s, size, "size"))
                if x is not None
            ]
            first = f"row {int(np.flatnonzero(missing)[0])}"
            raise ValueError(missing_message(held, int(missing.sum()), first=first))
        nan_z = np.isnan(z)
        if nan_z.ndim == 1 and nan_z.any():
            codes = np.zeros(n, np.intp) if domains is None else domains[1]
            labels = np.array([None]) if domains is None else domains[0]
            refuse_lines_missing_in_domains(
                np.bincount(codes, weights=nan_z, minlength=labels.shape[0]),
                np.bincount(codes, minlength=labels.shape[0]),
                object_labels(labels),
            )
        w = np.where(missing, 0.0, w)
        s = np.where(missing, 0.0, s)
        if omitted is not None:
            omitted.append(missing)
        z = np.where(nan_z, 1.0, z)
        y = np.where(np.isnan(y), z, y)
    bad = z <= 0 if z.size and float(np.min(z)) <= 0 else np.zeros(0, bool)
    if bad.any():
        msg = f"`line` must be > 0, found {_validate._first(z, bad)}"
        raise ValueError(msg)
    if watts and y.size and float(np.min(y)) <= 0:
        bad = y <= 0
        if bad.any():
            msg = (
                "`welfare` must be > 0 for the Watts index (ln of welfare), found "
                f"{_validate._first(y, bad)}"
            )
            raise ValueError(msg)
    with np.errstate(over="ignore"):  # refused by name below
        person = w * s if size is not None else w
    if size is not None:
        _refuse_underflow(person, w, s)
        _refuse_product_overflow(person, w, s)
    return y, np.broadcast_to(z, y.shape), person, domains


def _refuse_product_overflow(
    person: NDArray[np.float64], w: NDArray[np.float64], s: NDArray[np.float64]
) -> None:
    """Refuse rows whose finite weight times finite size overflows float64.

    Named as such, not as weights too large (each is within range).
    """
    with np.errstate(invalid="ignore"):
        if not person.size or float(np.max(person)) < np.inf:
            return
    over = np.isinf(person) & np.isfinite(w) & np.isfinite(s)
    if over.any():
        rows = np.flatnonzero(over)
        first = int(rows[0])
        msg = (
            "`weights` times `size` overflow float64 on "
            f"{rows.size:,} row(s), first at row {first} ({float(w[first])!r} "
            f"x {float(s[first])!r}); rescale the weights (e.g. to a mean "
            "of 1): the estimates and standard errors depend only on their "
            "ratios"
        )
        raise ValueError(msg)


def _refuse_underflow(
    person: NDArray[np.float64], w: NDArray[np.float64], s: NDArray[np.float64]
) -> None:
    """Refuse rows whose weight times size underflows float64 to 0.

    Such a row would silently get zero weight (and a sample of them, no
    weight at all, blamed on the weights being 0): named as underflow.
    """
    if not person.size or float(np.min(person)) > 0:
        return
    under = (person == 0) & (w > 0) & (s > 0)
    if under.any():
        rows = np.flatnonzero(under)
        first = int(rows[0])
        msg = (
            "`weights` times `size` underflow float64 to 0 on "
            f"{rows.size:,} row(s), first at row {first} ({float(w[first])!r} "
            f"x {float(s[first])!r}), which would get zero weight; rescale "
            "the weights (e.g. to a mean of 1): the estimates and standard "
            "errors depend only on their ratios"
        )
        raise ValueError(msg)


def missing_message(
    held: Sequence[tuple[str, int]],
    total: int,
    *,
    first: str | None = None,
    group: str | None = None,
) -> str:
    """The error for missing values under ``nan_policy="raise"``, by input.

    `held` pairs each input's name (```welfare```, or ```weight``` column
    'w'`` for a frame) with its count of missing values; those with none
    are left out. `total` counts the rows missing anything, `first` (when
    there are rows to name) names the first such row: ``row 3`` of arrays,
    ``index label 'b'`` of a pandas frame, ``row position 3`` of another
    eager frame (:func:`povstat.frames._plumbing.row_place`). A lazy
    engine's frame has no row order: `group` names instead the first group
    in label order holding such rows (``the first group (in label order)
    holding such rows: region 'a', psu 7``).
    """
    parts = [f"{name} ({k:,} row{'' if k == 1 else 's'})" for name, k in held if k]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    where = (
        f"; {group}"
        if group is not None
        else ""
        if first is None
        else f", first at {first}"
    )
    return (
        f"{listed} must not be missing (nan_policy='raise'): {total:,} row(s) "
        f"missing a value in all{where}; pass nan_policy='omit' to give such "
        "rows zero weight"
    )


MISSING_SCALAR_LINE = (
    "`line` is missing (NaN): one line for every row cannot be missing "
    "under any nan_policy ('omit' would give every row zero weight, leaving "
    "nothing to estimate); give a number"
)


def refuse_lines_missing_in_domains(
    missing: NDArray[Any], rows: NDArray[Any], labels: NDArray[Any]
) -> None:
    """Refuse domains where a per-unit line is missing on every row ("omit").

    Each row of such a domain would get zero weight, leaving the domain no
    estimate: the cause is the line, so the message names `line` (and, with
    several lines, its entry). `missing` and `rows` count rows by domain;
    a single label None stands for the whole sample.
    """
    bad = (missing >= rows) & (rows > 0)
    if not bad.any():
        return
    names = labels[bad][:5].tolist()
    where = "every row" if names == [None] else f"every row of domain(s) {names}"
    msg = (
        f"`line` is missing (NaN) on {where}: under nan_policy='omit' such rows "
        "get zero weight, leaving no estimate; give those rows a line"
    )
    raise ValueError(msg)


def refuse_missing_domain_lines(labels: ArrayLike) -> None:
    """Refuse domains whose line in a `line` mapping is NaN (any policy).

    Under "omit" every row of such a domain would get zero weight, leaving
    the domain no estimate; under "raise" the rows are not missing anything
    of their own: the cause is the line, so the message names `line`.
    """
    absent = np.asarray(labels, dtype=object)
    if absent.size:
        msg = (
            f"`line` is missing (NaN) for domain(s) {absent[:5].tolist()}: a "
            "domain's line cannot be missing under any nan_policy ('omit' would "
            "give every row of such a domain zero weight, leaving it no "
            "estimate); give each domain of `by` a number"
        )
        raise ValueError(msg)


def _maybe_nan(a: NDArray[np.float64]) -> bool:
    """False if `a` surely holds no NaN (its sum is not NaN)."""
    with np.errstate(over="ignore", invalid="ignore"):  # inf + -inf: a false alarm
        return bool(np.isnan(np.add.reduce(a, axis=None)))


def _per_unit(x: ArrayLike | None, name: str, n: int) -> NDArray[np.float64]:
    if x is None:
        return np.broadcast_to(1.0, (n,))
    arr = _validate.nonnegative(x, name)
    if arr.shape != (n,):
        msg = f"`{name}` must hold one value per unit: shape {arr.shape}, {n} units"
        raise ValueError(msg)
    return arr


#: Weights below this have squares that are not normal float64 (2**-1022).
SMALL_WEIGHT = math.ldexp(1.0, -511)


def large_weight(rows: int) -> float:
    """The power of two from which sums over `rows` weights may overflow.

    Weights below it total less than ``2**511`` over `rows` rows (or
    fewer): the sums every engine forms (totals, sums of squared weights
    and, with terms below 1, of squared weights times squared terms) and
    the square of a total, which the variance divides by, are then finite.
    The same bound for numpy and every engine, so that all rescale the
    same weights.
    """
    return math.ldexp(1.0, 511 - max(int(rows), 1).bit_length())


def weight_exponents(
    largest: ArrayLike,
    smallest: ArrayLike,
    rows: int,
    *,
    terms: tuple[ArrayLike, ArrayLike] | None = None,
) -> NDArray[np.int64]:
    """Per domain, the power of two that brings its weights near 1 (0: none).

    `largest` and `smallest` are each domain's largest weight and its
    smallest positive one (weights times sizes; NaN or inf where it has
    none), `rows` the number of rows. `terms`, when given, are each
    domain's largest term (of any measure) and the smallest of its
    measures' largest positive terms (NaN where none): a lazy engine
    without `psu` sums squared weights times products of terms, which leave
    float64 with the weights times the terms.

    The weights need a power where, in some domain, the sums an engine
    forms over the rows could leave float64's normal range: the largest
    weight times the largest term (or 1) at least :func:`large_weight`
    (the sums of squared weights times squared terms could overflow), the
    smallest positive weight below :data:`SMALL_WEIGHT` (its square is not
    normal float64), or the largest weight times a measure's largest term
    below it (the measure's squared weights times squared terms are
    subnormal, their digits lost). Then every domain gets ``e``, the binary
    exponent of its largest weight: its weights are to be multiplied by
    ``2**-e`` (the largest becomes a value in [0.5, 1)), a power of two,
    exact, that changes none of its estimates and standard errors, which
    depend on its own units' weights alone. Each domain its own power: one
    power for all would push a domain of small weights beside one of large
    weights into subnormals, losing digits. Every domain as soon as one
    needs it, so that an engine applies the rule by each domain's largest
    weight alone; in a domain that did not need it, the power is exact.
    """
    top = np.asarray(largest, np.float64)
    low = np.asarray(smallest, np.float64)
    ok = np.isfinite(top) & (top > 0) & np.isfinite(low) & (low > 0)
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        need = (top >= large_weight(rows)) | (low < SMALL_WEIGHT)
        if terms is not None:
            t_hi = np.asarray(terms[0], np.float64)
            t_lo = np.asarray(terms[1], np.float64)
            need |= top * np.fmax(t_hi, 1.0) >= large_weight(rows)
            small = (t_lo > 0) & (top * t_lo < SMALL_WEIGHT)
            need |= np.where(np.isnan(t_lo), False, small)
        need &= ok
    if need.any():
        need = ok
    return np.where(need, np.frexp(np.where(ok, top, 1.0))[1], 0).astype(np.int64)


def exponent_factors(
    e: NDArray[np.int64],
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The two factors whose product is ``2**-e``, each a float64.

    ``2**-1073`` is not one float64: two factors, applied in the same order
    by numpy and by every engine (the weight times the first, then the
    second), so that each rounds the same.
    """
    e = np.asarray(e, np.int64)
    return np.ldexp(1.0, -(e - e // 2)), np.ldexp(1.0, -(e // 2))


def rescaled_weights(
    w: NDArray[np.float64],
    domain: NDArray[np.intp] | None = None,
    n_domains: int = 1,
    *,
    terms: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """`w` times each domain's power of two, and the exponents removed.

    Returns the weights and, per domain, the exponent ``e`` of
    :func:`weight_exponents` (the weights were multiplied by ``2**-e``);
    `terms` as there.
    """
    if terms is None and w.size and float(np.max(w)) < large_weight(w.shape[0]):
        # Every weight finite and below the bound (NaN: False): if no
        # positive one is below SMALL_WEIGHT either, no domain needs a power
        # (all exponents 0, as below), told from two passes over `w`, none
        # by domain.
        least = float(np.min(w))
        if least >= SMALL_WEIGHT or (
            least >= 0 and float(np.min(w, where=w > 0, initial=np.inf)) >= SMALL_WEIGHT
        ):
            return w, np.zeros(n_domains, np.int64)
    codes = np.zeros(w.shape[0], np.intp) if domain is None else domain
    good = np.isfinite(w) & (w > 0)
    top = np.full(n_domains, -np.inf)
    low = np.full(n_domains, np.inf)
    np.maximum.at(top, codes[good], w[good])
    np.minimum.at(low, codes[good], w[good])
    e = weight_exponents(top, low, w.shape[0], terms=terms)
    if not e.any():
        return w, e
    f1, f2 = exponent_factors(e)
    with np.errstate(under="ignore"):
        return (w * f1[codes]) * f2[codes], e


def warn_rescaled_to_zero(
    given: NDArray[np.float64],
    scaled: NDArray[np.float64],
    rows: NDArray[np.intp],
    terms: Sequence[NDArray[np.float64]],
) -> None:
    """Warn where the power-of-two rescale took a poor unit's weight to 0.

    `given` and `scaled` are the weights before and after
    :func:`rescaled_weights`, `rows` the poor units and `terms` their terms;
    only units with a term above 1 (a welfare below 0, or Watts), whose
    weighted terms may show in the measures.
    Such a unit (a weight below about 1e-308 of its domain's largest) then
    counts as of zero weight: its weighted terms, which may still be within
    float64's range, are left out of the measures.
    """
    if not rows.size:
        return
    lost = (given[rows] > 0) & (scaled[rows] == 0)
    if not lost.any():
        return
    # A term at most 1 (a welfare of at least 0) times such a weight, over
    # the domain's total (at least 0.5 after the power), is below 2**-1074:
    # nothing a float64 measure could show. A larger term may matter.
    hit = np.zeros(rows.shape[0], bool)
    for t in terms:
        hit |= lost & (t > 1.0)
    if hit.any():
        first = int(rows[np.flatnonzero(hit)[0]])
        msg = (
            f"{int(hit.sum()):,} poor unit(s), first at row {first} (weight "
            f"{float(given[first])!r}), have weights below float64's range once "
            "their domain's weights are brought near 1 by a power of two (a "
            "ratio beyond about 1e308 to the largest): they count as of zero "
            "weight, and their terms are left out of the measures; rescale or "
            "check those weights"
        )
        warnings.warn(msg, RuntimeWarning, stacklevel=_validate.caller_level())


def warn_rescaled_to_zero_domains(
    counts: NDArray[np.float64], labels: NDArray[Any]
) -> None:
    """:func:`warn_rescaled_to_zero` from counts by domain (lazy engines).

    `counts` holds, per domain, the poor units with a term above 1 whose
    weight the power-of-two rescale took to 0 (counted in the engine's one
    grouped reduction, whose rows are not at hand); `labels` the domains'
    labels (None without `by`).
    """
    hit = np.flatnonzero(counts > 0)
    if not hit.size:
        return
    name = label_list(np.asarray(labels, dtype=object))[int(hit[0])]
    where = "" if name is None else f" (first in domain {name!r})"
    msg = (
        f"{int(counts.sum()):,} poor unit(s){where} have weights below "
        "float64's range once their domain's weights are brought near 1 by a "
        "power of two (a ratio beyond about 1e308 to the largest): they count "
        "as of zero weight, and their terms are left out of the measures; "
        "rescale or check those weights"
    )
    warnings.warn(msg, RuntimeWarning, stacklevel=_validate.caller_level())


def domain_term_range(
    hi: NDArray[np.float64], domain: NDArray[np.intp], n_domains: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Each domain's largest term and the least of its measures' largest.

    `hi` holds, by cell (a unit, or a group of units) and measure, the
    largest term of the cell's units of positive weight (-inf or NaN where
    none); `domain` each cell's domain. Returns the `terms` of
    :func:`weight_exponents`: per domain, the largest term of any measure,
    and the smallest of the measures' largest positive terms (NaN where
    none).
    """
    k = hi.shape[1]
    top = np.full((n_domains, k), -np.inf)
    np.fmax.at(top, domain, hi)
    with np.errstate(invalid="ignore"):
        largest = np.max(top, axis=1, initial=-np.inf)
        positive = np.where(top > 0, top, np.inf)
        least = np.min(positive, axis=1, initial=np.inf)
    return largest, np.where(np.isinf(least), np.nan, least)


TERMS_OVERFLOW = (
    "the FGT or Watts terms overflow float64 in the standard errors: a welfare "
    "far below the line, or a line near 0, makes the gap (line - welfare) / "
    "line or its powers too large for their squares (the variance), or a "
    "welfare near 0 makes line / welfare too large for the Watts index, so "
    "no standard error can be formed; `fgt` and `watts` give the measures "
    "alone (inf where beyond float64's range); check `welfare` and `line`"
)


def weights_out_of_range(*, over: bool) -> str:
    """The message for weights whose totals or squares leave float64."""
    if not over:
        return (
            "`weights` (times `size`) are too small for float64: their squares "
            "underflow to 0 in a domain (and stratum) whose weights are all "
            "below about 1e-162 of the largest weight, even after rescaling "
            "by a power of two, and each unit its own PSU (no `psu`) needs "
            "them; pass a unit id as `psu`, or check those weights"
        )
    return (
        "`weights` (times `size`) are too large for float64: their total or "
        "squares overflow; rescale them (e.g. to a mean of 1): the estimates "
        "and standard errors depend only on their ratios (the design effect "
        "on their total)"
    )


def weighted_products(
    w: NDArray[np.float64], t: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Each weight times its term as a pair ``p + e``, exactly (vectorised).

    ``p`` is the float64 product, ``e`` what its rounding lost (Dekker's
    product): sums of ``p`` kept as pairs plus the sum of ``e`` are the
    exact weighted sums of the float64 terms, so a measure does not carry
    the rounding of each product. ``e`` is 0 where a product or its split
    leaves float64's range (such sums are handled apart, as ``inf``), and
    for terms 0 and 1 (P0), whose products are exact.
    """
    p = w * t
    if not p.size or (float(np.min(t)) == 1.0 and float(np.max(t)) == 1.0):
        return p, np.zeros(0)  # exact: P0's terms of the poor
    with np.errstate(over="ignore", invalid="ignore"):
        # Dekker's product (_exact._product_error, the one formula) written
        # into its buffers in place: no temporary array per step.
        e = _product_error(w, t, p, IN_PLACE)
        if not np.isfinite(np.add.reduce(e)):
            e = np.where(np.isfinite(e), e, 0.0)
    return p, e


def _sum_products(
    codes: NDArray[np.intp],
    w: NDArray[np.float64],
    t: NDArray[np.float64],
    k: int,
    largest: int,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Sums by group of ``w * t`` as pairs hi + lo, from the exact products."""
    p, e = weighted_products(w, t)
    hi, lo = group_sum_pair(codes, p, k, largest=largest)
    if e.any():  # none for P0: its terms are 0 and 1
        lo = lo + group_sum(codes, e, k, largest=largest)
    return hi, lo


def weighted_means(
    sums: NDArray[np.float64],
    totals: NDArray[np.float64],
    scale: float,
    *,
    sums_lo: NDArray[np.float64] | float = 0.0,
    totals_lo: NDArray[np.float64] | float = 0.0,
) -> NDArray[np.float64]:
    """Weighted sums over weight totals, in the unit of `scale`.

    `sums_lo` and `totals_lo` are the low parts of sums kept as pairs
    (:func:`povstat._exact.group_sum_pair`): the sums of float64 weights
    round (3.92 + 5.04 is 8.96, 9e-16 below the exact sum), and the pair
    keeps what the rounding lost. The result is the float64 nearest the
    exact value of ``(sums + sums_lo) * scale / (totals + totals_lo)`` (see
    :func:`povstat._exact.scaled_ratio`; at worst the float64 on either
    side of it): neither the sums, the product nor the
    division rounds on its own, so an exact ratio is exact (23/40 is 57.5 %,
    where 0.575 * 100 gives 57.49999999999999) and a value just above a
    decimal tie stays above it (5.04 / 8.96 is 56.25 % plus 6e-16, where
    5.04 * 100 / 8.96 gives 56.24999999999999, which rounds half up to 56.2
    instead of 56.3). A share whose sum is at most its total is never above
    `scale`: with a weight of 3.7e18 beside weights of 9 and 14, the sums of
    the poor and of all are one float64, and the share is 100. `sums` and
    `totals` broadcast.
    """
    out = scaled_ratio(sums, totals, scale, num_lo=sums_lo, den_lo=totals_lo)
    return np.asarray(np.where(sums <= totals, np.minimum(out, scale), out))


def _points(
    y: NDArray[np.float64],
    z: NDArray[np.float64],
    w: NDArray[np.float64],
    domains: tuple[NDArray[Any], NDArray[np.intp]] | None,
    *,
    alphas: Sequence[float],
    watts: bool,
    comparison: str,
    scale: float,
) -> NDArray[np.float64]:
    """Weighted means of the terms: shape (domains, measures) or (measures,).

    In the unit of `scale` (100 for percent), the float64 nearest the exact
    ratio of the sums (:func:`weighted_means`).
    """
    comp = comparison_arg(comparison)
    # Weights whose squares (or total) leave float64 times a power of two
    # per domain (exact), as poverty_estimates: a subnormal weight times a
    # term would lose its digits.
    w_given = w
    if domains is None:
        w, _ = rescaled_weights(w)
    else:
        w, _ = rescaled_weights(w, domains[1], domains[0].shape[0])
    rows = poor_rows(y, z, comparison=comp)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        terms = unit_terms(
            y[rows], z[rows], alphas=alphas, watts=watts, comparison=comp, ops=NUMPY_OPS
        )
    if w is not w_given:
        warn_rescaled_to_zero(w_given, w, rows, terms)
    # A unit of zero weight adds nothing (its term counts as 0, never
    # 0 * inf where the term overflows): left out of the sums of terms.
    kept = w[rows] > 0
    if not kept.all():
        rows = rows[kept]
        terms = [t[kept] for t in terms]
    wp = w[rows]
    # Sums in integer arithmetic (povstat._exact): the same in every order.
    if domains is None:
        with np.errstate(over="ignore"):
            n_all = w.shape[0]
            t_hi, t_lo = group_sum_pair(np.zeros(n_all, np.intp), w, 1, largest=n_all)
            total = float(t_hi[0])
        if np.isinf(total):
            raise ValueError(weights_out_of_range(over=True))
        # The message poverty_estimates gives (all weights 0, or every row
        # missing a value under nan_policy="omit").
        check_domain_totals(np.array([total]), np.array([None], dtype=object))
        one = np.zeros(wp.shape[0], np.intp)
        with np.errstate(over="ignore"):
            pairs = [_sum_products(one, wp, t, 1, n_all) for t in terms]
        sums = np.array([h[0] for h, _ in pairs])
        means = weighted_means(
            sums,
            np.asarray(total),
            scale,
            sums_lo=np.array([lo[0] for _, lo in pairs]),
            totals_lo=t_lo[0],
        )
        if np.isinf(sums).any():
            wide = _beyond_range_means(
                y[rows], z[rows], wp, one, 1, alphas, t_hi, t_lo, scale
            )[0]
            part = np.isinf(sums[: len(alphas)])
            means = np.array(means, dtype=np.float64)
            means[: len(alphas)] = np.where(part, wide, means[: len(alphas)])
        return np.asarray(means)
    labels, codes = domains
    k = labels.shape[0]
    big = int(np.bincount(codes, minlength=k).max())  # the largest domain
    with np.errstate(over="ignore"):
        totals, totals_lo = group_sum_pair(codes, w, k, largest=big)
    if np.isinf(totals).any():
        raise ValueError(weights_out_of_range(over=True))
    check_domain_totals(totals, labels)
    cp = codes[rows]
    with np.errstate(over="ignore"):
        pairs = [_sum_products(cp, wp, t, k, big) for t in terms]
    sums = np.stack([h for h, _ in pairs])
    means = weighted_means(
        sums,
        totals,
        scale,
        sums_lo=np.stack([lo for _, lo in pairs]),
        totals_lo=totals_lo,
    )
    if np.isinf(sums).any():
        wide = _beyond_range_means(
            y[rows], z[rows], wp, cp, k, alphas, totals, totals_lo, scale
        )
        fgt_rows = np.isinf(sums[: len(alphas)])
        means[: len(alphas)] = np.where(fgt_rows, wide.T, means[: len(alphas)])
    return np.asarray(means.T)


def _beyond_range_means(
    y: NDArray[np.float64],
    z: NDArray[np.float64],
    w: NDArray[np.float64],
    codes: NDArray[np.intp],
    k: int,
    alphas: Sequence[float],
    totals: NDArray[np.float64],
    totals_lo: NDArray[np.float64],
    scale: float,
) -> NDArray[np.float64]:
    r"""FGT means whose weighted sums of terms leave float64: (domains, alphas).

    Each poor unit's gap is held as :math:`r\,2^e` (`r` the ratio of the
    mantissas of ``(z - y) / 2`` and `z`, in (0.5, 2)), its term
    :math:`g^\alpha` as :math:`r^\alpha 2^{\alpha e}`; the terms of a
    domain are scaled by the power of two of its largest (exact, for a
    whole :math:`\alpha e`), summed, divided, and scaled back: a mean
    within float64's range is its float64 (within 2 ulp for a fractional
    :math:`\alpha e`, whose integer part and fraction are formed exactly:
    :math:`\alpha` split into a head of 40 bits and the rest, each times
    `e` exact), one beyond it is ``inf``.
    """
    m1, e1 = np.frexp(z * 0.5 - y * 0.5)
    m2, e2 = np.frexp(z)
    with np.errstate(divide="ignore"):
        ratio = m1 / m2
    out = np.zeros((k, len(alphas)))
    big = int(np.bincount(codes, minlength=k).max()) if codes.size else 0
    for j, a in enumerate(alphas):  # a loop over the handful of measures
        if a == 0.0:
            continue
        # alpha * e exactly as an integer part and a fraction: alpha split
        # into a head of 40 bits and the rest, each product with the
        # exponent (at most 12 bits) exact, so the fraction keeps its digits
        # (alpha * e rounded would err by up to 1e-13 there: 300 ulp).
        e = (e1 + 1 - e2).astype(np.float64)
        head = math.ldexp(
            math.floor(math.ldexp(a, 40 - math.frexp(a)[1])), math.frexp(a)[1] - 40
        )
        high, low = head * e, (a - head) * e
        whole = np.floor(high)
        frac = (high - whole) + low
        carry = np.floor(frac)
        whole, frac = whole + carry, frac - carry
        top = np.full(k, -np.inf)
        np.maximum.at(top, codes, np.where(w > 0, whole, -np.inf))
        top = np.where(np.isfinite(top), top, 0.0)
        with np.errstate(under="ignore", invalid="ignore"):
            terms = np.ldexp(ratio**a * np.exp2(frac), (whole - top[codes]).astype(int))
            sums, lo = group_sum_pair(codes, w * terms, k, largest=big)
            ratio_k = scaled_ratio(sums, totals, scale, num_lo=lo, den_lo=totals_lo)
        with np.errstate(over="ignore"):
            out[:, j] = np.ldexp(ratio_k, top.astype(int))
    return out


@_validate.positional
def fgt(
    welfare: ArrayLike,
    line: ArrayLike | Mapping[Any, float],
    *,
    alpha: float | Sequence[float],
    unit: Unit,
    weights: ArrayLike | None = None,
    size: ArrayLike | None = None,
    by: ArrayLike | None = None,
    comparison: Comparison = "<",
    nan_policy: MissingPolicy = "raise",
) -> NDArray[np.float64]:
    r"""Foster-Greer-Thorbecke poverty measures: P0, P1, P2 or any FGT(alpha).

    Parameters
    ----------
    welfare : array_like
        Welfare of each unit (consumption or income per capita), 1-D, in the
        currency of `line`.
    line : float, array_like or mapping
        Poverty line: one number, one line per unit, or a mapping from each
        domain label of `by` to its line. Must be > 0.
    alpha : float or sequence of float
        FGT parameter(s), each >= 0: 0 for the headcount ratio P0, 1 for the
        poverty gap index P1, 2 for the squared poverty gap (severity) P2.
        Read as `welfare` is: a float32 is its shortest decimal
        (``np.float32(0.1)`` is 0.1), an integer float64 cannot hold
        exactly is refused, and a masked entry (a missing parameter) is
        refused, as is an empty sequence (:func:`watts` gives the Watts
        index).
    unit : {"fraction", "percent"}
        Scale of the result. Required.
    weights : array_like, optional
        Survey weight of each unit, >= 0 (zero weights are allowed and change
        nothing). None weighs units equally. Only ratios of weights matter.
    size : array_like, optional
        Household size of each unit: household rows then count as their
        members (weight times size), as person-level measures need. Any
        finite value >= 0 is taken, fractions too (an adult-equivalent
        count, say): it multiplies the weight, whole or not.
    by : array_like, optional
        Domain label of each unit; the measures are computed for each domain,
        in the sorted order of the distinct labels (``numpy.unique``).
    comparison : {"<", "<="}, default "<"
        A unit is poor when ``welfare < line`` (default) or ``<=``.
    nan_policy : {"raise", "omit"}, default "raise"
        Missing welfare, line, weight or size: raise, or give the row zero
        weight (it is never dropped). Missing is None, NaN, pandas.NA, or a
        Decimal NaN, quiet or signalling (``Decimal("sNaN")``).

    Returns
    -------
    ndarray of float64
        Shape ``()`` for one `alpha` and no `by`; a last axis of length
        ``len(alpha)`` for a sequence; a first axis over the domains with
        `by`.

    Raises
    ------
    TypeError
        If an input is not numeric, or the `by` labels are of mixed kinds
        (1, 1.0, True and '1' differ only in type and would be merged) or
        are not scalars (lists, tuples, arrays; given as several columns
        or as a pandas MultiIndex, for crossed domains, the message advises
        one combined label per unit or :func:`povstat.poverty_table` with
        ``by=[...]``). If an
        array argument is a
        frame of any engine (pandas, polars, pyarrow, DuckDB, Spark; eager
        or lazy), an expression (polars, narwhals, DuckDB, Spark) or one
        str that looks like a column name (not a number written as text):
        the message names what was passed, how to take a column's values,
        and that :func:`povstat.poverty_table` takes a frame and column
        names.
    ValueError
        If `alpha` is empty, negative, masked or an integer float64 cannot hold
        (``10**30 + 1``), `line` is not > 0, weights or sizes are
        negative, a value is missing under ``nan_policy="raise"``, `line`
        is NaN (or NaN for a domain of its mapping) under
        ``nan_policy="omit"`` (no row would keep a weight), a `by`
        label is missing (whatever the policy), the weights total zero
        (all 0, or every row missing a value under ``nan_policy="omit"``:
        the message says both, as :func:`poverty_estimates`'), a weight
        times its size underflows float64 to 0, the shapes disagree, there
        are no units (weights whose squares or total leave float64's range
        are rescaled, see Notes). A measure beyond float64's range is
        ``inf``, not an error (see Notes).

    See Also
    --------
    watts : The Watts index.
    poverty_estimates : The same measures with design-based standard errors.

    Notes
    -----
    With person weights :math:`w_i` (survey weight times household size),
    :math:`P_\alpha = \sum_i w_i\,1[y_i<z_i]\,g_i^\alpha / \sum_i w_i` with
    :math:`g_i = (z_i - y_i)/z_i` [1]_; :math:`\alpha = 0` gives the share
    of people who are poor. Examples from Haughton and Khandker [2]_ (ch. 4).
    Weights (times sizes) whose sums or squares could leave float64's
    normal range (in a domain, the largest above about 6.7e153 / rows, the
    smallest positive one below about 1.5e-154, subnormals such as 5e-324
    included) are first
    multiplied, domain by domain, by the power of two that brings the
    domain's largest into [0.5, 1), as :func:`poverty_estimates` does:
    exact, since a domain's measures use its own weights alone, and a
    subnormal weight times a gap no longer loses its digits. A unit of zero
    weight (as given, or left out under ``nan_policy="omit"``) adds 0,
    whatever its term (an overflowing one too, never ``0 * inf``). A poor
    unit whose weight that power takes below float64's range (about 1e-308
    of its domain's largest) counts as of zero weight; where its term is
    above 1 (a welfare below 0), whose weighted term may show in the
    measure, a ``RuntimeWarning`` names it.
    Where ``line - welfare`` overflows although the gap is finite (welfare
    -1e308 under a line of 1e308: a gap of 2), the gap is formed from
    halves of both, exactly; elsewhere it is ``(line - welfare) / line``.
    A measure whose exact value lies beyond float64's range is ``inf``
    (gap terms or weighted sums that overflow on the way are held as a
    fraction times a power of two, so a finite measure is still given:
    within 2 ulp for a fractional :math:`\alpha`), as
    :ref:`units` says of every result.
    The result is the float64 nearest the
    exact ratio of the weighted sums of the float64 terms :math:`t_i`
    (at worst the float64 on its other side): each product :math:`w_i t_i`
    is kept exactly as a pair (Dekker's product), the sums are kept as pairs
    ``hi + lo`` holding what their float64 rounding lost, and the scaling
    to `unit` and the division round once, so that a share just above a
    decimal tie is not stated below it (weights 5.04 for the poor and 3.92
    for the others give exactly 56.25 % plus 6e-16, the float64 56.25, where
    ``5.04 * 100 / (3.92 + 5.04)`` is 56.24999999999999). A share whose sum
    is at most the weights' total is never above 100 % (1): rounding cannot
    take it past the whole. For :math:`\alpha = 0` the terms are exactly 0
    or 1 and the products the weights, so the headcount ratio is the float64
    nearest the exact share. With `size`, :math:`w_i` is the float64 product
    of weight and size (rounded once, relative error at most 2**-53), and
    the share is that of these rounded person weights: against the exact
    products of weight and size it may be about one unit in the last place
    off (1.07 ulp seen). For :math:`\alpha > 0` the terms themselves are
    float64: the gap ``(line - welfare) / line`` rounds twice (at most
    :math:`2u` relative, :math:`u = 2^{-53}`); the products with the
    weights add no rounding of their own (the bounds below allow
    :math:`u` for them). :func:`povstat.poverty_estimates` and
    :func:`povstat.poverty_table` on eager frames sum the same exact
    products; a lazy engine (polars lazy, DuckDB, Spark) forms and sums
    them in its own float64 arithmetic, so its estimates may differ from
    these in their last digits. For :math:`\alpha = 1` and 2 the gap's error enters
    the term once and twice (and :math:`g^2` rounds once more): the
    measure is within about :math:`(2\alpha + 5)\,u` relative of its exact
    value. For any other :math:`\alpha` the gap's error would grow
    :math:`\alpha`-fold in the power, so the power is corrected to first
    order by the gap's remainder (the difference's rounding error by
    Knuth's two-sum, the quotient's by Dekker's exact product), the same
    elementwise arithmetic on every engine: the measure is within about
    :math:`6u` relative whatever :math:`\alpha` (every term is >= 0, so
    the bound of the terms holds for their sum), except where the line or
    the gap is beyond about 1e290, whose correction would overflow and is
    left out (:math:`(2\alpha + 5)\,u` there). Where ``line - welfare``
    is below ``2**-969`` (about 1.0e-292: a line below about 1e-276, as
    near 1e-300), the remainder is formed from line and welfare times
    ``2**600`` (exact; the gap is the same), since Dekker's product is
    exact only above that; the same bound holds there, unless the term
    itself is subnormal (below about 2.2e-308), where it keeps
    float64's absolute resolution (5e-324). For example welfare
    ``[-8.589406966216046e+101, 2.026132813631379e+91,
    3.5089262221084264e+91]``, line ``1.7544631110542132e+91``, weights
    ``[2.2434648839197986, 1.7791125682177296, 1.3410777096545874]`` and
    :math:`\alpha = 2.5` give 2.2182259143916798e+26, the float64 nearest
    the exact value (3 units in the last place below without the
    correction: the first gap, about 4.9e10, carries the rounding of
    ``line - welfare``).

    References
    ----------
    .. [1] Foster, J., Greer, J., Thorbecke, E. (1984), "A Class of
       Decomposable Poverty Measures", *Econometrica* 52(3), 761-766.
    .. [2] Haughton, J., Khandker, S. R. (2009), *Handbook on Poverty and
       Inequality*, World Bank, chapter 4.

    Examples
    --------
    >>> from povstat import fgt
    >>> fgt([100, 110, 150, 160], 125, alpha=[0, 1, 2], unit="fraction")
    array([0.5   , 0.08  , 0.0136])
    >>> fgt([1, 2, 3, 4], 2, alpha=0, weights=[100, 200, 300, 400],
    ...     comparison="<=", unit="percent")
    array(30.)
    """
    _validate.unit(unit)
    alphas, scalar = alphas_arg(alpha)
    y, z, w, domains = prepare_units(
        welfare,
        line,
        weights=weights,
        size=size,
        by=by,
        nan_policy=nan_policy,
        watts=False,
    )
    out = _points(
        y,
        z,
        w,
        domains,
        alphas=alphas,
        watts=False,
        comparison=comparison,
        scale=_SCALE[unit],
    )
    return np.asarray(out[..., 0] if scalar else out)


@_validate.positional
def watts(
    welfare: ArrayLike,
    line: ArrayLike | Mapping[Any, float],
    *,
    unit: Unit,
    weights: ArrayLike | None = None,
    size: ArrayLike | None = None,
    by: ArrayLike | None = None,
    comparison: Comparison = "<",
    nan_policy: MissingPolicy = "raise",
) -> NDArray[np.float64]:
    r"""Watts poverty index: the mean of :math:`\ln(z/y)` over the poor.

    Parameters
    ----------
    welfare : array_like
        Welfare of each unit, 1-D, > 0 (the logarithm needs it).
    line : float, array_like or mapping
        Poverty line, as in :func:`fgt`.
    unit : {"fraction", "percent"}
        Scale of the result (percent multiplies by 100). Required.
    weights, size, by, comparison, nan_policy
        As in :func:`fgt`.

    Returns
    -------
    ndarray of float64
        Shape ``()``, or one value per domain with `by`.

    Raises
    ------
    TypeError
        If an input is not numeric, or as :func:`fgt` (`by` labels, frames,
        expressions and column names given as arrays).
    ValueError
        If a welfare value is <= 0, and as :func:`fgt`.

    See Also
    --------
    fgt : The FGT measures.

    Notes
    -----
    :math:`W = \sum_i w_i\,1[y_i<z_i] \ln(z_i/y_i) / \sum_i w_i` [1]_. It is
    distribution-sensitive like P2 and decomposable by domain.

    References
    ----------
    .. [1] Watts, H. W. (1968), "An Economic Definition of Poverty", in
       D. P. Moynihan (ed.), *On Understanding Poverty*, Basic Books.

    Examples
    --------
    >>> from povstat import watts
    >>> float(watts([100, 110, 150, 160], 125, unit="fraction").round(7))
    0.0877442
    """
    _validate.unit(unit)
    y, z, w, domains = prepare_units(
        welfare,
        line,
        weights=weights,
        size=size,
        by=by,
        nan_policy=nan_policy,
        watts=True,
    )
    out = _points(
        y,
        z,
        w,
        domains,
        alphas=[],
        watts=True,
        comparison=comparison,
        scale=_SCALE[unit],
    )
    return np.asarray(out[..., 0])


def check_domain_totals(
    totals: NDArray[Any], labels: ArrayLike, *, advice: str = ""
) -> None:
    """Refuse a domain whose total weight is not positive, naming the first few.

    `advice` ends the message when domains are named (not for the whole
    sample).
    """
    empty = totals <= 0
    if empty.any():
        names = np.asarray(labels, dtype=object)[empty]
        why = (
            "its weights (times sizes) are all 0, or under nan_policy='omit' "
            "each of its rows has a missing welfare, line, weight or size"
        )
        if all(label is None for label in names.tolist()):
            msg = f"the units need a positive total weight, got none: {why}"
        else:
            msg = (
                "every domain needs a positive total weight; none in "
                f"{names[:5].tolist()}: for each, {why}{advice}"
            )
        raise ValueError(msg)
