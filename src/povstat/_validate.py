"""Private input checks shared by the array functions.

Every check takes the argument's name so that its error message can say which
argument broke which rule and what value it found. Checks never modify their
input. They return a float64 array that may share memory with the caller's
array, so callers must never write into what a check returns.

The range checks take a fast path and only look for the offending element
when it fails. The fast path reads each array twice, with the NaN-ignoring
reductions ``np.fmin.reduce`` and ``np.fmax.reduce`` (no temporary arrays):
every non-missing entry lies in ``[lo, hi]`` exactly when the smallest is
``>= lo`` and the largest ``<= hi``, and an array of NaN only passes.
"""

from __future__ import annotations

import array
import collections
import dataclasses
import datetime
import functools
import inspect
import itertools
import math
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, NamedTuple, ParamSpec, TypeVar, get_args

import numpy as np
from numpy.typing import ArrayLike, NDArray

from povstat import _results

#: Scale of a rate: ``"percent"`` (0 to 100) or ``"fraction"`` (0 to 1). Every
#: function that reads or writes a rate takes it as a keyword with no default.
Unit = Literal["percent", "fraction"]
#: Treatment of missing values by ranking functions (see :func:`povstat.rank`).
NanPolicy = Literal["propagate", "omit", "raise"]

_UNITS: tuple[str, ...] = get_args(Unit)
#: Scale of each unit: a rate in `unit` divided by this is a fraction.
SCALE: dict[str, float] = {"percent": 100.0, "fraction": 1.0}
_UPPER = SCALE

_S = TypeVar("_S", bound=str)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def unit(value: object, name: str = "unit") -> Unit:
    """Check that `value` names a rate unit and return it."""
    if value not in _UNITS:
        msg = (
            f"`{name}` must be one of {list(_UNITS)}, got {shown(value)}; "
            "povstat never guesses whether a rate is in percent or a fraction"
        )
        raise ValueError(msg)
    return value  # type: ignore[return-value]


def choice(value: object, name: str, options: tuple[_S, ...]) -> _S:
    """Check that `value` is one of `options` and return it, typed as they are.

    With ``options = get_args(SomeLiteral)`` the result has the Literal type.
    """
    if not isinstance(value, str) or value not in options:
        msg = f"`{name}` must be one of {list(options)}, got {shown(value)}"
        raise ValueError(msg)
    return value


def scalar(value: Any) -> Any:
    """`value`, or the one value a 0-d numpy array holds.

    The one reading of a scalar argument (a number, a flag, a count of
    decimals): povstat's own functions return 0-d arrays for scalar input
    (``decimal_year(2019, 3)``), which stand for their value, as numpy
    scalars do. A 0-d masked array gives ``numpy.ma.masked`` when masked.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value[()]
    return value


def is_real(value: object) -> bool:
    """Whether `value` is one real number.

    An int, float, numpy integer or float, ``Decimal`` or ``Fraction``, or
    a 0-d array holding one (:func:`scalar`); not a bool (Python or numpy),
    text or an array of more than one dimension.
    """
    value = scalar(value)
    return not isinstance(value, bool | np.bool_) and isinstance(
        value, int | float | np.integer | np.floating | Decimal | Fraction
    )


def real(value: Any, name: str) -> float:
    """One real number (see :func:`is_real`) as float64, by the rule of `numeric`.

    A float32 (or float16) stands for its shortest decimal; a ``Decimal``
    or ``Fraction`` is taken when float64 holds it (exactly, or as the
    shortest decimal of its nearest float64: ``Decimal("0.95")``), and
    raises ValueError naming `name` otherwise. So is an integer beyond 2**53
    that float64 does not hold, whatever its type (``2**53 + 1``,
    ``np.int64(2**53 + 1)``, ``np.uint64(2**64 - 1)``, a 0-d array).
    """
    value = scalar(value)
    if isinstance(value, float) or (
        isinstance(value, np.floating) and value.dtype.itemsize <= 8
    ):
        return short_float(value) + 0.0  # -0.0 read as 0, as in `numeric`
    # Every other number (an int or numpy integer of any width, a Decimal,
    # Fraction or long double) is read by `numeric` itself: one beyond
    # 2**53 that float64 does not hold, or beyond its range, is refused.
    return float(numeric(np.array(value, dtype=object), name))


def level(value: object, name: str = "level") -> float:
    """Check a confidence level: a real number strictly between 0 and 1.

    Every level below 1 is accepted (its quantiles are finite, taken from
    the tail near 1); a level of 2**-54 or less is refused as such, naming
    the limit: 1 - level is 1 in float64 there.

    A float32 (or float16) level stands for its shortest decimal, as in
    :func:`numeric` (``np.float32(0.95)`` is 0.95, not 0.949999988...); a
    ``Decimal`` or ``Fraction`` level is taken when float64 holds it.
    """
    value = scalar(value)
    if not is_real(value):
        msg = f"`{name}` must be a number between 0 and 1, got {shown(value)}"
        raise TypeError(msg)
    lev = real(value, name)
    if 0.0 < lev < 1.0 and 1.0 - lev == 1.0:
        msg = (
            f"`{name}` must be above 2**-54 (about 5.55e-17): a level closer "
            "to 0 leaves 1 - level (the significance level) equal to 1 in "
            f"float64, so it cannot be computed with; got {value!r}"
        )
        raise ValueError(msg)
    if not 0.0 < lev < 1.0:
        hint = ""
        if 1.0 < lev < 100.0:
            hint = f"; for {lev:g} % pass {lev / 100:g}"
        msg = (
            f"`{name}` must lie strictly between 0 and 1 (a fraction, e.g. 0.9 "
            f"for 90 %), got {shown(value)}{hint}"
        )
        raise ValueError(msg)
    return lev


def alpha(value: object, name: str = "level") -> float:
    """Significance level ``1 - level`` of a checked confidence level.

    Computed in decimal from the shortest representation of the level
    (``repr(0.95)`` is ``'0.95'``, so alpha is exactly 0.05 before it is
    rounded once to float64), not as the float ``1.0 - 0.95``, which is
    0.050000000000000044 and would call a p-value of 0.05 significant.
    """
    lev = level(value, name)
    return float(Decimal(1) - Decimal(repr(lev)))


def positive_int(value: object, name: str) -> int:
    """Check a count: an int (not a bool) >= 1, or a 0-d array holding one.

    An int beyond float64's range (``10**400``) is refused as :func:`numeric`
    refuses it: counts are compared with floats (ranks, limits).
    """
    value = scalar(value)
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        msg = f"`{name}` must be an int, got {shown(value)}"
        raise TypeError(msg)
    if value < 1:
        msg = f"`{name}` must be >= 1, got {shown(value)}"
        raise ValueError(msg)
    refuse_beyond_float(value, name)
    return int(value)


def too_large_message(name: str, at: str = "") -> str:
    """The refusal of a number beyond float64's range; `at` says where (" at ...")."""
    return (
        f"`{name}` holds a number too large for float64 (magnitude above "
        f"{_MAX_FINITE:.4g}, the range povstat computes in){at}"
    )


def refuse_beyond_float(value: object, name: str) -> None:
    """Refuse one int beyond float64's range (``10**400``), as `numeric` does.

    For scalar arguments checked as ints, which ``float()`` would meet with a
    bare OverflowError.
    """
    if isinstance(value, int) and abs(value) > _MAX_FINITE:
        raise ValueError(too_large_message(name))


def flag(value: object, name: str) -> bool:
    """Check that `value` is a real bool (not 0/1, not a string).

    A numpy bool, or a 0-d array holding one, is a bool.
    """
    value = scalar(value)
    if not isinstance(value, bool | np.bool_):
        msg = f"`{name}` must be True or False, got {shown(value)}"
        raise TypeError(msg)
    return bool(value)


#: Frames, relations and expressions, by top-level package and class name
#: (of the class or a base class): how a message calls each, whether numpy
#: can read it as an array (an eager frame is a 2-D array of its columns; a
#: lazy frame, a relation or an expression is a plan or a name, holding no
#: values), and how to take one column's values from it.
_TABLES: dict[tuple[str, str], tuple[str, bool, str]] = {
    ("pandas", "DataFrame"): ("a pandas DataFrame", True, "df[{c}]"),
    ("modin", "DataFrame"): ("a modin DataFrame", True, "df[{c}]"),
    ("polars", "DataFrame"): ("a polars DataFrame", True, "df[{c}]"),
    ("polars", "LazyFrame"): ("a polars LazyFrame", False, "lf.collect()[{c}]"),
    ("polars", "Expr"): ("a polars expression", False, "df[{c}]"),
    ("narwhals", "DataFrame"): ("a narwhals DataFrame", True, "df[{c}]"),
    ("narwhals", "LazyFrame"): ("a narwhals LazyFrame", False, "lf.collect()[{c}]"),
    ("narwhals", "Expr"): ("a narwhals expression", False, "df[{c}]"),
    ("pyarrow", "Table"): ("a pyarrow Table", True, "table[{c}]"),
    ("pyarrow", "RecordBatch"): ("a pyarrow RecordBatch", True, "batch[{c}]"),
    ("duckdb", "DuckDBPyRelation"): (
        "a DuckDB relation",
        False,
        "rel.fetchnumpy()[{c}]",
    ),
    ("duckdb", "Expression"): ("a DuckDB expression", False, "df[{c}]"),
    ("pyspark", "DataFrame"): ("a Spark DataFrame", False, "sdf.toPandas()[{c}]"),
    ("pyspark", "Column"): ("a Spark column expression", False, "df[{c}]"),
    ("dask", "DataFrame"): ("a Dask DataFrame", False, "ddf[{c}].compute()"),
    ("ibis", "Table"): ("an Ibis table", False, "t.to_pandas()[{c}]"),
}

#: Text that is a number, written in any of the ways povstat.parse_numbers
#: reads (signs, separators, an exponent, a percent sign, a currency), or
#: a missing or infinite value: not a column name.
_NUMBER_TEXT = re.compile(
    r"\s*[-+\u2212]?\s*(?:rp\.?\s*)?[\d.,'\s\u00a0\u202f]*\d[\d.,'\s\u00a0\u202f]*"
    r"(?:e[-+\u2212]?\d+)?\s*%?\s*|\s*[-+]?(?:nan|inf|infinity|na|n/a|none|null)?\s*",
    re.IGNORECASE,
)


def _table_kind(x: object) -> tuple[str, bool, str] | None:
    """The entry of :data:`_TABLES` for `x` (a frame, relation...), else None."""
    if isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype.kind == "O":
        x = x.item()  # a frame held in a 0-d object array
    if isinstance(x, np.ndarray | list | tuple | int | float | str | bytes):
        return None  # the common inputs, answered without looking further
    for cls in type(x).__mro__:
        root = cls.__module__.split(".", 1)[0].lstrip("_")
        hit = _TABLES.get((root, cls.__name__))
        if hit is not None:
            return hit
    return None


def _table_columns(x: Any) -> list[Any] | None:
    """Column names of a frame or relation, or the one an expression names."""
    if isinstance(x, np.ndarray):
        x = x.item()
    try:
        if hasattr(x, "collect_schema"):  # lazy frames: no data is read
            return list(x.collect_schema().names())
        if hasattr(x, "meta") and hasattr(x.meta, "output_name"):
            return [x.meta.output_name()]  # a polars expression
        for attr in ("column_names", "columns"):  # pyarrow's columns: data
            cols = getattr(x, attr, None)
            if cols is not None and not callable(cols):
                return list(cols)
    except Exception:  # an error path: any failure shows no names
        return None
    return None


def _scalar_text(x: object) -> str | None:
    """`x` if it is one str (also a 0-d array holding one), else None."""
    if isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype.kind in "UO":
        x = x.item()
    return x if isinstance(x, str) else None


def looks_like_column_name(x: object) -> bool:
    """Whether `x` is one str that is no number written as text: a name.

    ``"w"``, ``"welfare"`` and ``"y2022"`` are; ``"13,65"``, ``"1e5"``,
    ``"12 %"`` and ``"NaN"`` are numbers (or a missing one) written as
    text, for :func:`povstat.parse_numbers`.
    """
    text = _scalar_text(x)
    return text is not None and _NUMBER_TEXT.fullmatch(text) is None


def split_top(text: str, seps: str) -> list[str] | None:
    """`text` split at the characters `seps` outside R's backticks and brackets.

    ``"`kode kab` + interaction(a, b)"`` split at ``+`` gives
    ``["`kode kab`", "interaction(a, b)"]`` (each stripped); unbalanced
    backticks or brackets give None.
    """
    parts: list[str] = []
    current: list[str] = []
    depth, quoted = 0, False
    for ch in text:
        if ch == "`":
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif not quoted and depth == 0 and ch in seps:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    if quoted or depth:
        return None
    parts.append("".join(current).strip())
    return parts


def formula_terms(text: str, *, product: bool = False) -> list[str] | None:
    """The terms of a column argument written as an R formula, or None.

    ``"~kab+urban"``, ``"kab + urban"``, ``"~kab"``, ``"kab:urban"`` and
    ``"kab*urban"`` (what an R user types for ``svydesign``) give their
    terms, as written (``"`kode kab`"``, ``"factor(urban)"``: see
    :func:`r_names`); text with no ``~`` and no ``+``, ``*`` or ``:``
    outside backticks and brackets (or with an empty term) gives None.
    With `product` (a weights formula, whose columns R multiplies) ``/``
    separates terms too: R's ``~w/size`` is ``~w + w:size``, the columns
    ``w`` and ``size``, and R's ``~I(w*size)`` is read as ``~w*size``
    (:func:`unboxed_product`).

    >>> formula_terms("~w/size", product=True)
    ['w', 'size']
    >>> formula_terms("~I(w*size)", product=True)
    ['w', 'size']
    """
    body = (unboxed_product(text) if product else text).strip()
    tilde = body.startswith("~")
    terms = split_top(body.removeprefix("~"), "+*:/" if product else "+*:")
    if terms is None or not all(terms) or (not tilde and len(terms) < 2):
        return None
    return terms


def r_names(term: str, names: Sequence[object] | None = None) -> list[str] | None:
    """The column names an R formula's term stands for, or None.

    R's backticks around a name that is not syntactic (``"`kode kab`"``,
    as ``read.csv(check.names=FALSE)`` leaves it) are taken off, and
    ``factor(x)``, ``as.factor(x)`` and ``interaction(a, b, ...)`` give
    the names inside (``interaction`` several); a plain name is itself.
    Anything else (another call, an operator) gives None. A term that is
    itself one of `names` (a column named ``"factor(urban)"``) stays whole.
    """
    term = term.strip()
    if names is not None and term in names:
        return [term]
    quoted = re.fullmatch(r"`([^`]+)`", term)
    if quoted is not None:
        return [quoted.group(1)]
    call = re.fullmatch(r"((?:as\.)?factor|interaction)\s*\((.*)\)", term, re.S)
    if call is not None:
        args = split_top(call.group(2), ",")
        if args is None or not all(args):
            return None
        if call.group(1) != "interaction" and len(args) != 1:
            return None
        found: list[str] = []
        for arg in args:
            inner = r_names(arg, names)
            if inner is None:
                return None
            found += inner
        return found
    if re.search(r"[`()~+*:,]", term) or not term:
        return None
    return [term]


@dataclasses.dataclass(frozen=True)
class RColumns:
    """The columns of an R formula's terms, as :func:`r_formula` reads them."""

    #: Every term's columns, each once, in the order written.
    terms: list[str]
    #: The first term's columns (two for ``interaction(a, b)``), each once.
    first: list[str]
    #: Whether a term names several columns (R's ``interaction(a, b)``).
    crossed: bool
    #: How many terms the formula has.
    count: int

    def weight_product(self) -> bool:
        """Whether the formula is a weight's product (R's ``weights=~w*size``).

        R multiplies a weights formula's columns (``~w*size``, ``~w+size``,
        ``~w:size``): two columns, each a term of its own.
        """
        return len(self.terms) == 2 and not self.crossed


def r_formula(
    text: str, names: Sequence[object] | None = None, *, product: bool = False
) -> RColumns | None:
    """The columns an R formula's terms stand for, or None.

    The terms of :func:`formula_terms`, each read by :func:`r_names` (with
    `names`, a frame's columns); None when `text` is no formula or a term
    stands for no column. With `product` (a weight), R's ``~I(w*size)``
    is read as ``~w*size`` (:func:`unboxed_product`).

    >>> r_formula("~interaction(kab, blok) + hh")
    RColumns(terms=['kab', 'blok', 'hh'], first=['kab', 'blok'], crossed=True, count=2)
    """
    written = formula_terms(text, product=product)
    if written is None:
        return None
    parts = [r_names(t, names) for t in written]
    read = [p for p in parts if p is not None]
    if len(read) != len(parts):
        return None
    return RColumns(
        terms=list(dict.fromkeys(c for p in read for c in p)),
        first=list(dict.fromkeys(read[0])),
        crossed=any(len(p) > 1 for p in read),
        count=len(read),
    )


@dataclasses.dataclass(frozen=True)
class RList:
    """Column names listed in one str, as :func:`r_list` reads them."""

    #: The names (R's backticks taken off, calls read), or as written
    #: when one of them names no column (`read` False).
    terms: list[str]
    #: Whether every item was read as column names (:func:`r_names`).
    read: bool
    #: How many items the list has, between its commas.
    count: int
    #: Whether the list is written as R's ``interaction(...)``.
    interaction: bool


def r_list(text: str, names: Sequence[object] | None = None) -> RList | None:
    """The names of R's ``c(a, b)`` or ``interaction(a, b)``, or of ``"a, b"``.

    The items between the commas (outside backticks and brackets), each
    read by :func:`r_names` (with `names`, a frame's columns); None when
    the text is not split (unbalanced) or an item is empty.

    >>> r_list("~interaction(`kode kab`, blok)")
    RList(terms=['kode kab', 'blok'], read=True, count=2, interaction=True)
    """
    body = text.strip().removeprefix("~").strip()
    inner = re.fullmatch(r"(c|interaction)\s*\((.*)\)", body, flags=re.S)
    listed = split_top(body if inner is None else inner.group(2), ",")
    if listed is None or not all(listed):
        return None
    parts = [r_names(t, names) for t in listed]
    read = [c for p in parts if p is not None for c in p]
    whole = all(p is not None for p in parts)
    return RList(
        terms=read if whole else listed,
        read=whole,
        count=len(listed),
        interaction=inner is not None and inner.group(1) == "interaction",
    )


def no_clusters(text: str) -> bool:
    """Whether `text` is R's formula for no clusters (``"~1"``, ``"~0"``)."""
    return re.fullmatch(r"\s*~\s*[01]\s*", text) is not None


#: Advice for R's ``ids=~1`` given as `psu`.
NO_CLUSTERS = (
    "is R's formula for no clusters (svydesign(ids=~1)): leave out `psu`, "
    "and each unit is its own PSU"
)


def stages_note(terms: Sequence[str]) -> str:
    """Why a `psu` written as R's ``ids=~a+b`` is its first term.

    In ``svydesign(ids=~nks+hh)`` the terms are the stages of sampling,
    the PSUs those of the first; without an fpc for every stage R's
    variance is the first stage's alone (PSUs drawn with replacement), as
    povstat's is.
    """
    return (
        f"in R's svydesign(ids=~{'+'.join(terms)}) the terms are the stages "
        f"of sampling, not labels to combine: the PSUs are the first's "
        f"({terms[0]!r}), and without an fpc for every stage R estimates the "
        "variance from the first stage alone, as povstat does (combining the "
        "terms would make each later-stage unit a PSU: standard errors too "
        "small)"
    )


def several_psu_note(
    cols: Sequence[str],
    fmt: str = "psu={c!r}",
    strata: str | None = None,
    crossing: Callable[[Sequence[str]], str] | None = None,
) -> str:
    """Advice for a `psu` given as several columns (``["nks", "hh"]``).

    No one-size join: joining the stages (a census block, then a household
    in it) would make every household a PSU, standard errors too small.
    If the columns are stages the first is the PSU (`fmt` formats the code
    that gives it: ``psu='nks'``); if the first only says where the PSU
    lies (its stratum), the PSU's own column is enough, PSUs being nested
    in strata. When `strata` is one of `cols`, the other column is the
    PSU's (shown with `fmt` when it is one). Otherwise, for two columns,
    the data cannot tell stages (``ids=~nks+hh``) from a crossing (a block
    numbered within its regency, ``ids=~interaction(kab, blok)``): both
    readings are given, `crossing` the code of the combined label of the
    two it is called with (once the strata column is left out: with
    ``strata="kab"`` and ``["kab", "nks", "hh"]``, of 'nks' and 'hh').
    """
    if strata is not None and strata in cols:
        others = [c for c in cols if c != strata]
        if len(others) == 1:
            return (
                f"`psu` takes one column, not several: {strata!r} is the strata "
                "column, and PSUs are nested in strata (the same label in two "
                "strata already names two PSUs), so give the PSU's own column: "
                + fmt.format(c=others[0])
            )
        cols = others
    if len(cols) >= 2 and crossing is not None:
        a, b, *rest = cols
        later = "".join(f"+{c}" for c in rest)
        stages = (
            f"{b!r} a later stage"
            if not rest
            else f"{', '.join(map(repr, [b, *rest]))} later stages"
        )
        after = (
            ""
            if not rest
            else ", the later stages left out, as povstat and R without an "
            "fpc for every stage leave them out"
        )
        return (
            "`psu` takes one label per unit, and the data cannot tell which "
            f"design these columns are: if {a!r} is itself the PSU and {stages} "
            f"(R's svydesign(ids=~{a}+{b}{later})), give the first, "
            f"{fmt.format(c=a)} (joining them makes every household a PSU and "
            "the standard errors too small); if "
            f"{a!r} groups the PSUs and {b!r} numbers the PSUs within it (a "
            f"census block numbered within its regency, R's "
            f"svydesign(ids=~interaction({a}, {b}){later}){after}), {b!r} "
            f"alone would join PSUs of different {a!r} values: give one "
            f"combined label per unit ({crossing([a, b])})"
        )
    return (
        "`psu` takes the first stage's labels alone: if these columns are "
        "stages (a census block, then a household in it), give the first, "
        f"{fmt.format(c=cols[0])} (joining them makes every household a PSU "
        "and the standard errors too small); if the first only says where "
        "the PSU lies (its stratum or regency), give the PSU's own column: "
        "PSUs are nested in strata, so the same label in two strata already "
        "names two PSUs"
    )


def crossed_psu_note(
    cols: Sequence[str],
    combine: str,
    *,
    fmt: str = "psu={c!r}",
    strata: str | None = None,
    later: bool = False,
) -> str:
    """Advice for a `psu` written as R's ``interaction(a, b)``: one label.

    ``svydesign(ids=~interaction(kab, blok))`` has one stage, whose PSU
    is the crossing of the columns (a census block numbered within its
    regency), not the stages ``ids=~kab+blok`` (nor ``~kab:blok``, which
    R reads as those two stages). `combine` is the advice that builds
    the combined labels; when `strata` is one of two columns the other is
    the PSU's own (shown with `fmt`), PSUs being nested in strata. With
    `later`, the formula has later terms: later stages, left out.
    """
    shown = f"interaction({', '.join(cols)})"
    head = (
        f"R's svydesign(ids=~{shown}) reads {shown} as one label per unit, "
        "the crossing of the columns (a PSU for each combination of their "
        "labels), not as stages of sampling"
    )
    if later:
        head += (
            " (the terms after it are later stages: the PSUs are the first "
            "term's, and without an fpc for every stage R estimates the "
            "variance from the first stage alone, as povstat does)"
        )
    if strata is not None and strata in cols and len(cols) == 2:
        other = next(c for c in cols if c != strata)
        return (
            f"{head}: {strata!r} is the strata column, and PSUs are nested in "
            "strata (the same label in two strata already names two PSUs), so "
            "give the PSU's own column: " + fmt.format(c=other)
        )
    return f"{head}: {combine}"


def unboxed_product(text: str) -> str:
    """R's ``~I(w*size)`` read as ``~w*size`` (a weight's product), else `text`.

    R multiplies the columns of a weights formula whatever the operator
    (``~w*size``, ``~w+size``, ``~w:size``); ``I(...)`` computes its
    content, which is that product only for ``a*b``.
    """
    boxed = re.fullmatch(r"\s*~?\s*I\s*\((.*)\)\s*", text, flags=re.S)
    if boxed is None or not re.fullmatch(r"[^*+:/^()-]+\*[^*+:/^()-]+", boxed.group(1)):
        return text
    return f"~{boxed.group(1)}"


def weight_product_note(terms: Sequence[str], fmt: str) -> str:
    """Advice for a weight written as a product (R's ``weights=~w*size``).

    A household's weight times its size, a person's weight: povstat
    multiplies them itself, the size given as `size` (`fmt` formats the
    code that gives one column: ``weight={c!r}``).
    """
    a, b = terms
    size = fmt.split("=", 1)[1].format(c=b)
    return (
        f"a weight of one column, and the household size (or another "
        f"factor the weight is multiplied by) apart: for R's weights=~{a}*{b} "
        f"(the product of the two columns, as R reads every weights formula) "
        f"give {fmt.format(c=a)}, size={size}, and povstat multiplies them "
        "(the other way round if the first is the size)"
    )


def one_stage_fpc_note(terms: Sequence[str], given: str) -> str:
    """Advice for a two-stage `fpc` (R's ``fpc=~N1+N2``): the first stage's.

    `given` is the code that gives the first term (``fpc='N1'``).
    """
    return (
        "povstat estimates the variance from the first stage of sampling "
        f"alone: give that stage's, {given} (R's svydesign(ids=~psu, "
        f"fpc=~{terms[0]}), without the later stages' share of the variance "
        f"that R adds with fpc=~{'+'.join(terms)}: a smaller standard error "
        "where the first stage samples a large share of its PSUs), or leave "
        "out `fpc` (the first stage's PSUs counted as drawn with "
        "replacement, R's figure for a design of stages without an fpc)"
    )


#: The functions that take a frame and column names, as messages say it.
FRAME_FUNCTIONS = "povstat's frame functions (poverty_table and the with_... ones) take"


def not_an_array(
    x: object,
    name: str,
    *,
    eager: bool = True,
    arrays: str = "povstat's array functions take",
    frames: str = FRAME_FUNCTIONS,
    keyword: str | None = None,
    strata: str | None = None,
) -> str | None:
    """The message for a frame or column name passed where values are due.

    None when `x` is neither a frame, a relation, a lazy frame, an
    expression (polars, narwhals, DuckDB, Spark) nor one str that looks
    like a column name (:func:`looks_like_column_name`). With `eager`
    False, eager frames (pandas, polars, pyarrow), which numpy reads as 2-D
    arrays of their columns, get None too. The message names what was
    passed, says how to take one column's values from it, and that
    `frames` (a subject and its verb: "povstat.poverty_table takes") take a
    frame and column names (`keyword`, when given, is their argument that
    takes the name) while `arrays` (also with its verb) take the values.
    A frame of several columns given as `psu` with `strata` (the name of
    the strata Series) one of them is advised the other column.
    """
    result = result_passed(x, name)
    if result is not None:
        return result
    kind = _table_kind(x)
    if kind is None and not looks_like_column_name(x):
        return None
    if kind is not None and kind[1] and not eager:
        return None
    if kind is None:
        column = _scalar_text(x)
        formula = _formula_values(name, column, arrays, frames, keyword, strata)
        if formula is not None:
            return formula
        listed = _listed_values(name, column, arrays, frames, keyword, strata)
        if listed is not None:
            return listed
        what = f"the str {column!r}, which looks like a column name"
        how = "df[{c}]"
    else:
        cols = _table_columns(x)
        column = cols[0] if cols is not None and len(cols) == 1 else None
        what, _, how = kind
        if "expression" in what:
            what += f" ({cut(str(x))})"
        elif cols is not None:
            what += f" (columns {cut(repr(cols))})"
    c = repr(column) if isinstance(column, str) else "'name'"
    example = "" if keyword is None else f" ({keyword}={c})"
    if (
        name in ("by", "strata", "psu")
        and kind is not None
        and cols is not None
        and len(cols) > 1
        and all(isinstance(c, str) for c in cols)
    ):
        # The columns' own advice, not one column's: by, strata and psu
        # of several columns each have theirs (:func:`several_values`).
        return (
            f"`{name}` must be the values (an array, list or Series), got "
            f"{what}; {arrays} the values themselves, one per unit, while "
            f"{frames} a frame and column names"
            + several_values(name, cols, kind=kind[0], how=kind[2], strata=strata)
        )
    values = f"the values themselves (e.g. {how.format(c=c)})"
    # by, strata and psu take no frame, of numbers or not: one column
    text = _text_columns(x) if kind is not None and kind[1] else None
    if text and name not in ("by", "strata", "psu"):
        # An eager frame whose columns are all numbers is taken, as the 2-D
        # array of its columns: only its other columns are in the way.
        what += f", whose columns {cut(repr(text))} are not numbers"
        values = (
            f"the values themselves: a frame whose columns are all numbers, "
            f"or one column (e.g. {how.format(c=c)}); a key column belongs "
            "in the index of a pandas frame, to be aligned with the other "
            "arguments by it"
        )
    return (
        f"`{name}` must be the values (an array, list or Series), got {what}; "
        f"{arrays} {values}, "
        f"while {frames} a frame and column names{example}"
    )


def _formula_values(
    name: str,
    text: str | None,
    arrays: str,
    frames: str,
    keyword: str | None,
    strata: str | None = None,
) -> str | None:
    """The message for an R formula (``"~kab+urban"``) given as values, or None.

    As :func:`not_an_array` says, with the values each formula stands for:
    one term's column (``df['kab']``); for `psu` written as R's
    ``ids=~nks+hh`` (stages) the first's (:func:`stages_note`), as R's
    ``ids=~1`` no `psu` at all; for `fpc` the first stage's
    (:func:`one_stage_fpc_note`); for `strata` and `by`, one combined label
    per unit (the code in pandas) or `frames` with ``by=[...]``; for `psu`
    whose first term is R's ``interaction(a, b)``, one PSU label, the
    combined labels (:func:`crossed_psu_note`; the other column when
    `strata`, the name of the strata Series, is one of two).
    """
    if text is None:
        return None
    terms = formula_terms(text, product=name == "weights")
    if terms is None and not (name == "psu" and no_clusters(text)):
        return None
    read = r_formula(text, product=name == "weights")
    if read is not None:  # else the terms as written: one column's name each
        terms = read.terms
    first = [] if read is None else read.first  # interaction(a, b): several
    arg = keyword or name
    lead = (
        f"`{name}` must be the values (an array, list or Series), got the "
        f"str {text!r}, which reads as an R formula; {arrays} the values "
        f"themselves, one per unit, while {frames} a frame and column names"
    )
    if terms is None or (name == "psu" and no_clusters(text)):
        return f"{lead}; {text!r} {NO_CLUSTERS}"
    if len(terms) == 1 and r_names(terms[0]) is None:  # ~I(w/size): computed
        return (
            f"{lead}; {terms[0]!r} computes values from columns (R's I(...) "
            "computes what it holds), so it names no column: compute them "
            f"and pass them, {name}=<the values>, or add them to the frame "
            "as a column and name it"
        )
    if len(terms) == 1:
        return f"{lead}: {name}=df[{terms[0]!r}] (as a column name, {arg}={terms[0]!r})"
    if name == "psu" and read is not None and len(first) > 1:
        return f"{lead}; " + _crossed_psu_values(first, strata, later=read.count > 1)
    if name == "psu":  # stages: the first term's PSUs
        return (
            f"{lead}; {stages_note(terms)}: psu=df[{terms[0]!r}] "
            f"(as a column name, psu={terms[0]!r})"
        )
    if name == "fpc":
        return f"{lead}; {one_stage_fpc_note(terms, f'fpc=df[{terms[0]!r}]')}"
    if name == "weights" and (
        read.weight_product() if read is not None else len(terms) == 2
    ):
        return f"{lead}; {weight_product_note(terms, 'weights=df[{c!r}]')}"
    return lead + several_values(name, terms)


def _crossed_psu_values(
    cols: Sequence[str], strata: str | None, *, later: bool = False
) -> str:
    """:func:`crossed_psu_note` for the array functions: values in pandas."""
    combined, where = _combined_values(cols, "")
    return crossed_psu_note(
        cols,
        f"one combined label per unit ({where}, psu={combined})",
        fmt="psu=df[{c!r}] (as a column name, psu={c!r})",
        strata=strata,
        later=later,
    )


def _listed_values(
    name: str,
    text: str | None,
    arrays: str,
    frames: str,
    keyword: str | None,
    strata: str | None = None,
) -> str | None:
    """The message for several column names in one str (``"kab, urban"``).

    Names separated by commas, or inside R's ``c(...)`` or
    ``interaction(...)``: the values each stands for, as
    :func:`_formula_values` says them (:func:`several_values`; a `psu`
    written as ``interaction(...)`` is one label, :func:`crossed_psu_note`);
    None for any other text (one column's name, spaces and all).
    """
    if text is None:
        return None
    listed = r_list(text)
    if listed is None or listed.count < 2:
        return None
    terms = listed.terms  # R's backticks taken off, when every item is read
    lead = (
        f"`{name}` must be the values (an array, list or Series), got the "
        f"str {text!r}, which names several columns in one str; {arrays} the "
        f"values themselves, one per unit, while {frames} a frame and column "
        "names"
    )
    if name == "psu" and listed.interaction:
        return f"{lead}; " + _crossed_psu_values(terms, strata)
    return lead + several_values(name, terms)


def several_values(
    name: str,
    cols: Sequence[str],
    *,
    kind: str = "",
    how: str = "df[{c}]",
    strata: str | None = None,
) -> str:
    """Advice for the values of several columns `cols` given as one argument.

    `by` and `strata` take one combined label per unit, `by=[...]`
    crossing the frame's columns: the code for the frame the columns were
    given in (`kind`, as :data:`_TABLES` names it: a polars DataFrame or
    LazyFrame, a DuckDB relation, a Spark DataFrame, a pyarrow Table), in
    pandas for the others and for names given as text; a lazy frame's code
    collects the combined labels. `psu` the first stage's labels or the
    PSU's own (:func:`several_psu_note`; one column's values taken as
    `how` takes them), never the stages' join; for two columns (once
    `strata`'s is left out) also the combined label of their crossing, in
    the frame's code as `by`'s; others one column's.
    """
    combined, where = _combined_values(cols, kind)
    listed = list(cols)
    if name == "by":
        return (
            f" (by={listed!r} crosses the domains); as values, one "
            f"combined label per unit ({where}, by={combined})"
        )
    if name == "strata":
        return (
            "; strata do not cross several columns (nor does R's "
            "svydesign(strata=~a+b), whose second term stratifies a second "
            f"stage): one combined label per unit ({where}, strata={combined})"
        )
    if name == "psu":

        def crossing(pair: Sequence[str]) -> str:
            combined, where = _combined_values(pair, kind)
            return f"{where}, psu={combined}"

        return "; " + several_psu_note(
            cols,
            f"psu={how.format(c='{c!r}')} (as a column name, psu={{c!r}})",
            strata,
            crossing=crossing,
        )
    return f"; `{name}` takes one column's values"


def sql_name(name: str) -> str:
    """`name` as a DuckDB SQL identifier: bare if it can be, else quoted."""
    bare = re.fullmatch(r"[a-z_][a-z0-9_]*", name) is not None
    if bare:
        try:
            import duckdb  # asked for a DuckDB frame only

            words = duckdb.execute(
                "SELECT keyword_name FROM duckdb_keywords() "
                "WHERE keyword_category <> 'unreserved'"
            ).fetchall()
            bare = name not in {w for (w,) in words}
        except Exception:  # quoting is always correct
            bare = False
    return name if bare else '"' + name.replace('"', '""') + '"'


def spark_name(name: str) -> str:
    """`name` as Spark's ``F.col`` reads it: in backticks if it has a dot.

    Spark reads ``F.col("kode.kab")`` as field ``kab`` of a column
    ``kode``; ``F.col("`kode.kab`")`` is the column of that name.
    """
    return "`" + name.replace("`", "``") + "`" if "." in name else name


#: Where each engine's code of :func:`joined_labels` runs, with its imports.
_JOIN_WHERE = {
    "pandas": "in pandas",
    "polars": "in polars (import polars as pl)",
    "duckdb": "in DuckDB",
    "spark": "in PySpark (from pyspark.sql import functions as F)",
    "pyarrow": "in pyarrow (import pyarrow as pa, pyarrow.compute as pc)",
    "narwhals": "through narwhals (import narwhals as nw)",
}

#: The engine of :func:`joined_labels` for each frame of :data:`_TABLES`
#: that has its own code (pandas for the others).
_JOIN_ENGINE = {
    "a polars DataFrame": "polars",
    "a polars LazyFrame": "polars",
    "a DuckDB relation": "duckdb",
    "a Spark DataFrame": "spark",
    "a pyarrow Table": "pyarrow",
}


def joined_labels(engine: str, cols: Sequence[str]) -> tuple[str, str]:
    """The expression joining the labels of `cols` by '/', and where it runs.

    `engine` is one of :data:`_JOIN_WHERE`'s keys: the pandas Series of
    ``df``'s columns, a polars or narwhals expression, DuckDB SQL (text, to
    go in a projection), a PySpark column, a pyarrow array of ``table``'s
    columns. A missing label in any column gives a missing combined label
    (refused as missing, never a label such as ``'3501/nan'``). The
    callers wrap it: a new column of a frame, or the values themselves.

    >>> joined_labels("pandas", ["kab", "blok"])[0]
    "df['kab'].astype('string') + '/' + df['blok'].astype('string')"
    >>> joined_labels("duckdb", ["kab", "blok"])
    ("CAST(kab AS VARCHAR) || '/' || CAST(blok AS VARCHAR)", 'in DuckDB')
    """
    where = _JOIN_WHERE[engine]
    if engine == "polars":
        listed = ", ".join(f"pl.col({c!r})" for c in cols)
        return f"pl.concat_str([{listed}], separator='/')", where
    if engine == "duckdb":
        return " || '/' || ".join(
            f"CAST({sql_name(c)} AS VARCHAR)" for c in cols
        ), where
    if engine == "spark":
        listed = ", F.lit('/'), ".join(
            f"F.col({spark_name(c)!r}).cast('string')" for c in cols
        )
        return f"F.concat({listed})", where
    if engine == "pyarrow":
        listed = ", ".join(f"pc.cast(table[{c!r}], pa.string())" for c in cols)
        return f"pc.binary_join_element_wise({listed}, '/')", where
    if engine == "narwhals":
        listed = ", ".join(f"nw.col({c!r}).cast(nw.String())" for c in cols)
        return f"nw.concat_str([{listed}], separator='/')", where
    return " + '/' + ".join(f"df[{c!r}].astype('string')" for c in cols), where


def sql_text(sql: str) -> str:
    """`sql` as a Python string literal in double quotes (DuckDB's own quotes kept)."""
    return '"' + sql.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _combined_values(cols: Sequence[str], kind: str) -> tuple[str, str]:
    """Code giving one label per unit, the labels of `cols` joined by '/'.

    For the frame the columns were given in (`kind`, named as in
    :data:`_TABLES`; pandas for the others), under the variable name
    :data:`_TABLES` gives it, and where the code runs ("in polars", ...):
    the values of :func:`joined_labels`, selected from the frame.
    """
    engine = _JOIN_ENGINE.get(kind, "pandas")
    expr, where = joined_labels(engine, cols)
    if kind == "a polars DataFrame":
        return f"df.select({expr}).to_series()", where
    if kind == "a polars LazyFrame":
        return f"lf.select({expr}).collect().to_series()", where
    if engine == "duckdb":
        return (
            f"rel.project({sql_text(expr + ' AS labels')}).fetchnumpy()['labels']",
            where,
        )
    if engine == "spark":
        return f"[r[0] for r in sdf.select({expr}).collect()]", where
    return expr, where


def same_values(a: NDArray[Any], b: NDArray[Any]) -> NDArray[np.bool_]:
    """Where two object arrays hold equal values, or both a NaN.

    >>> a = np.array([1, "a", np.nan], dtype=object)
    >>> same_values(a, np.array([1.0, "b", np.nan], dtype=object))
    array([ True, False,  True])
    """
    with np.errstate(invalid="ignore"):
        same = np.asarray(a == b, dtype=bool)
        both_nan = np.asarray(a != a, dtype=bool) & np.asarray(b != b, dtype=bool)
    return np.asarray(same | both_nan, dtype=bool)


#: Frames whose columns :func:`unlike_column` reads: eager and in memory.
_EAGER_FRAMES = {("pandas", "DataFrame"), ("polars", "DataFrame"), ("pyarrow", "Table")}

#: :func:`unlike_column`'s reason when it cannot compare.
NOT_COMPARED = "its values could not be compared with that column's"


def _object_values(x: Any) -> NDArray[Any]:
    """A Series or array as an object array, pandas' missing values as NaN."""
    if type(x).__module__.split(".", 1)[0] == "pandas":
        return np.asarray(x.to_numpy(dtype=object, na_value=np.nan))
    to_numpy = getattr(x, "to_numpy", None)
    return np.asarray(x if to_numpy is None else to_numpy()).astype(object)


def unlike_column(
    values: object, frame: object, column: str, *, aligned: bool = True
) -> str | None:
    """Why `values` are not column `column` of `frame`; None when they are.

    A Series keeps its name through ``.replace``, ``// 100`` or
    ``* 100 + ...``, so its name alone never says which column it holds:
    this says whether naming the column `column` would give `values`.
    None when `frame` is an eager frame in memory (pandas, polars, pyarrow,
    or narwhals over one) whose column `column` holds `values` (a Series,
    an array or a frame of one column) row for row: equal, or both NaN
    (:func:`same_values`), a pandas Series aligned on a pandas frame's
    index first when `aligned` (as a frame pairs rows; the array functions
    pair them by position). Else the reason, for a message: the values
    differ in N rows, their number is not the frame's, or
    :data:`NOT_COMPARED` (a lazy frame or a relation, not read for a
    message; values that cannot be read or compared).
    """
    native: Any = frame
    if type(frame).__module__.startswith("narwhals"):
        if type(frame).__name__ != "DataFrame":
            return NOT_COMPARED  # a LazyFrame: not read for a message
        native = frame.to_native()  # type: ignore[attr-defined]
    cls = type(native)
    if (cls.__module__.split(".", 1)[0], cls.__name__) not in _EAGER_FRAMES:
        return NOT_COMPARED
    try:
        given: Any = values
        columns = getattr(given, "column_names", None)  # pyarrow's names
        if columns is None:
            columns = getattr(given, "columns", None)
        if columns is not None:  # a frame of one column
            listed = list(columns)
            if len(listed) != 1:
                return NOT_COMPARED
            given = given[listed[0]]
        index = getattr(native, "index", None)
        pandas_both = hasattr(given, "reindex") and index is not None
        if aligned and pandas_both and not given.index.equals(index):
            if not given.index.is_unique:
                return NOT_COMPARED
            given = given.reindex(index)
        a = _object_values(given)
        b = _object_values(native[column])
    except Exception:  # values that cannot be read: not compared
        return NOT_COMPARED
    if a.ndim != 1 or len(a) != len(b):
        return f"it has {len(a)} values, `df` {len(b)} rows"
    try:
        differ = int(np.sum(~same_values(a, b)))
    except Exception:  # values that do not compare: not that column
        return NOT_COMPARED
    if differ == 0:
        return None
    return f"its values differ from those of the column {column!r} in {differ} rows"


def _text_columns(x: object) -> list[Any] | None:
    """The columns of a pandas or polars DataFrame that are not numbers, else None."""
    pd, pl = sys.modules.get("pandas"), sys.modules.get("polars")
    if pd is not None and isinstance(x, pd.DataFrame):
        return [c for c, t in x.dtypes.items() if t.kind not in "iufb"]
    if pl is not None and isinstance(x, pl.DataFrame):
        return [c for c, t in x.schema.items() if not t.is_numeric()]
    return None


def result_passed(x: object, name: str) -> str | None:
    """The message for a povstat result passed where values are due, else None.

    A result (:class:`povstat._results.Result`: ``ParsedNumbers``,
    ``Change``, ...) is no array: numpy would read it as one object, "not a
    number". The message names its type and the attributes that hold its
    arrays of numbers (``.value`` of ``ParsedNumbers``), in the result's
    order, the first suggested.
    """
    if not isinstance(x, _results.Result):
        return None
    kind = type(x).__name__
    numeric = []
    for field in getattr(type(x), "__attrs_attrs__", ()):  # attrs fields
        value = getattr(x, field.name, None)
        if isinstance(value, np.ndarray) and value.dtype.kind in "iuf":
            numeric.append(field.name)
    if numeric:
        others = f" (its arrays of numbers: {', '.join(numeric)})"
        how = f"pass one of its arrays, e.g. its .{numeric[0]}" + (
            others if len(numeric) > 1 else ""
        )
    else:
        how = "pass an array of numbers"
    return (
        f"`{name}` must be the values (an array, list or Series), got a "
        f"povstat {kind} result; {how}"
    )


#: The directory of povstat's modules, as their frames name their files.
_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def caller_level() -> int:
    """The `stacklevel` that attributes a warning to the caller's line.

    For ``warnings.warn(msg, stacklevel=caller_level())`` in any povstat
    function: the first frame, from the one calling this function
    outwards, whose file is not one of povstat's modules, whatever the
    calls between (an array function's :func:`positional` wrapper, an
    adapter and its array function), so that a warning names the line of
    the script or notebook that called povstat.
    """
    frame = sys._getframe(1)  # the function that warns: stacklevel 1
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(
        _PACKAGE_DIR
    ):
        frame = frame.f_back
        level += 1
    return level


def positional(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Mark an array function: its array arguments are paired by position.

    The one check, for every public function taking two or more array-like
    arguments, of what its readers (:func:`numeric`, :func:`labels`) cannot
    see one argument at a time: that two pandas Series or DataFrames of one
    call, of the same length, share their index. numpy pairs values by
    position, pandas by label; a Series in another order than its partner
    (sorted for a chart, filtered from another year) would be paired with
    the wrong rows silently, so it is refused (:func:`refuse_unaligned`).
    Series of different lengths are left to the shape checks; a pandas
    ``Index``, numpy arrays, lists and scalars carry no row labels.

    A call without a pandas argument costs one lookup of pandas in
    ``sys.modules`` and one ``isinstance`` per argument.
    """
    return _positional(func, ())


def positional_except(*skip: str) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """:func:`positional`, but for the arguments `skip`, which pair otherwise.

    For an argument matched to the columns of a 2-D one, not to its rows
    (the times of ``plot_series``): its index is not compared.
    """

    def decorate(func: Callable[_P, _R]) -> Callable[_P, _R]:
        return _positional(func, skip)

    return decorate


def _positional(func: Callable[_P, _R], skip: tuple[str, ...]) -> Callable[_P, _R]:
    names = [
        p.name if p.name not in skip else ""
        for p in inspect.signature(func).parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]

    @functools.wraps(func)
    def checked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        kinds = _labelled_kinds()
        if kinds:  # no pandas or polars imported: no labelled argument either
            count = 0
            column = False  # a DataFrame of one column and several rows
            for x in (*args, *kwargs.values()):
                if isinstance(x, kinds):
                    count += 1
                    column = column or _one_column_frame(x)
            if func.__name__ not in _UNIT_LEVEL:
                found_ = [
                    (k, x)
                    for k, x in (*zip(names, args, strict=False), *kwargs.items())
                    if k and k not in skip and k not in _GROUP_LABELS
                ]
                if column:
                    refuse_column_beside_rows(found_)
                refuse_array_column_beside_series(found_)
            for x in (*args, *kwargs.values()):
                if isinstance(x, dict):  # per-unit values by name: `lines`
                    count += sum(isinstance(v, kinds) for v in x.values())
            if count > 1:
                pairs = [
                    (f"{k}[{key!r}]" if k else "", v) if isinstance(x, dict) else (k, x)
                    for k, x in (*zip(names, args, strict=False), *kwargs.items())
                    for key, v in (x.items() if isinstance(x, dict) else [(None, x)])
                ]
                found = [(k, x) for k, x in pairs if isinstance(x, kinds)]
                refuse_unaligned([(k, x) for k, x in found if k and k not in skip])
            try:
                return func(*args, **kwargs)
            except ValueError as error:
                hint = _series_of_rows_hint(error, names, skip, args, kwargs, kinds)
                if hint is None:
                    raise
                msg = f"{error}; {hint}"
                raise ValueError(msg) from None
        return func(*args, **kwargs)

    checked.__povstat_positional__ = True  # type: ignore[attr-defined]
    return checked


def _series_of_rows_hint(
    error: ValueError,
    names: list[str],
    skip: tuple[str, ...],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    kinds: tuple[type, ...],
) -> str | None:
    """The hint for a Series of one value per row of a DataFrame, on a shape clash.

    A population by region (its index the rows of a region x year frame
    that is not square) passes the pairing check, as its labels are the
    frame's rows, but numpy pairs a Series with a DataFrame's columns, so
    the shapes (n, k) and (n,) do not broadcast (:func:`shape`): it is
    passed as a column, one value per row (core16 G2). None for another
    error, or where no Series holds a DataFrame's row labels.
    """
    if not str(error).startswith("shapes do not broadcast"):
        return None
    found: list[tuple[str, Any]] = [
        (k, x)
        for k, x in (*zip(names, args, strict=False), *kwargs.items())
        if k and k not in skip and isinstance(x, kinds) and _is_pandas(x)
    ]
    for sname, s in found:
        if _columns(s) is not None:
            continue
        for dname, d in found:
            c = _columns(d)
            if c is None or len(c) < 2 or len(d.index) != len(s) or len(c) == len(s):
                continue
            if not s.index.equals(d.index):
                continue
            return (
                f"`{sname}` holds one value per row of `{dname}` (its index is "
                f"the rows of `{dname}`), but numpy pairs a Series with a "
                "DataFrame's columns (as pandas aligns it with them), here "
                f"{_some([plain(v) for v in c])}: to pair it with the rows, pass "
                f"it as a column, one value per row: `{sname}.to_numpy()[:, None]`"
            )
    return None


#: The unit-level array functions, which refuse a frame as any argument
#: (``poverty_measures.refuse_tables``), and the arguments read as group
#: labels, which refuse a frame too (:func:`labels`): their own messages say
#: what was passed, before any pairing is looked at.
_UNIT_LEVEL = frozenset({"fgt", "watts", "poverty_estimates"})
_GROUP_LABELS = frozenset({"by", "labels"})


def _one_column_frame(x: object) -> bool:
    """Whether `x` is a DataFrame (pandas or polars) of one column and 2+ rows."""
    shape_ = getattr(x, "shape", None)
    return (
        hasattr(x, "columns")
        and isinstance(shape_, tuple)
        and len(shape_) == 2
        and shape_[1] == 1
        and shape_[0] > 1
    )


def _length_1d(x: object) -> int | None:
    """The length of `x` when it holds values in one dimension, else None.

    A Series (pandas or polars), a pandas Index, a 1-d numpy array, or a
    list or tuple of numbers; None for a scalar, a frame, a nested list.
    """
    if isinstance(x, list | tuple):
        if any(isinstance(v, list | tuple | np.ndarray) for v in x[:1]):
            return None
        return len(x)
    shape_ = getattr(x, "shape", None)
    if hasattr(x, "columns") or not isinstance(shape_, tuple) or len(shape_) != 1:
        return None
    return int(shape_[0])


def _one_row_width(x: object) -> int | None:
    """The number of columns of `x` when it is 2-d of one row and 2+ columns."""
    shape_ = getattr(x, "shape", None)
    if isinstance(shape_, tuple) and len(shape_) == 2 and shape_[0] == 1:
        width = int(shape_[1])
        return width if width > 1 else None
    return None


def refuse_column_beside_rows(found: Sequence[tuple[str, Any]]) -> None:
    """Refuse a one-column DataFrame beside 1-d values or a one-row table.

    numpy reads a DataFrame of n rows and one column (``df[["rate"]]``, a
    pivot holding one year) as an n x 1 array, which a 1-d argument of m
    values (m > 1, of any length) or a table of one row and m columns is
    broadcast against into an n x m table: every row paired with every
    value, not row with row. `found` holds (argument name, value) in the
    order of the function's parameters. A numpy n x 1 array beside m
    unlabelled values (an array, a list) stays a grid by broadcasting, as
    numpy's rules say: only a frame is refused, whose one column stands for
    one value per row, and a numpy n x 1 array beside a Series of n values
    (:func:`refuse_array_column_beside_series`).
    """
    for name0, x0 in found:
        if not _one_column_frame(x0):
            continue
        n = x0.shape[0]
        for name, x in found:
            if x is x0:
                continue
            m = _length_1d(x)
            if m is not None and m > 1:
                held = f"{m} values in one dimension"
            else:
                m = _one_row_width(x)
                if m is None:
                    continue
                held = f"one row of {m} values"
            col = next(iter(_columns(x0)))
            if _is_pandas(x0):
                how = f"`{name0}[{col!r}]` (or `{name0}.squeeze(axis=1)`)"
                what = "a pandas DataFrame"
            else:
                how = f"`{name0}[{col!r}]` (or `{name0}.to_series()`)"
                what = "a polars DataFrame"
            msg = (
                f"`{name0}` is {what} of one column ({col!r}) and {n} rows, "
                f"beside `{name}`, which holds {held}: "
                f"numpy would pair every row of `{name0}` with every value of "
                f"`{name}` (a table of {n} x {m} values), not row with row; pass the "
                f"column as a Series, {how}"
            )
            raise ValueError(msg)


def _array_column(x: object) -> bool:
    """Whether `x` is a numpy array of shape (n, 1), n > 1: a column of n values."""
    return (
        isinstance(x, np.ndarray) and x.ndim == 2 and x.shape[1] == 1 and x.shape[0] > 1
    )


def _series_length(x: Any) -> int | None:
    """The length of a pandas or polars Series, else None."""
    pd, pl = sys.modules.get("pandas"), sys.modules.get("polars")
    if (pd is not None and isinstance(x, pd.Series)) or (
        pl is not None and isinstance(x, pl.Series)
    ):
        return len(x)
    return None


def refuse_array_column_beside_series(found: Sequence[tuple[str, Any]]) -> None:
    """Refuse a numpy (n, 1) array beside a Series of n values, or a row of n.

    ``df[["pop"]].values`` (or ``.to_numpy()``) is a numpy array of n rows
    and one column; beside a pandas or polars Series of the same n rows, or
    a DataFrame of one row and n columns (the other pivot of one period),
    numpy broadcasts the two into an n x n table, every row paired with
    every other. A Series, or a frame, stands for the rows of a table, so
    the pairing meant is row with row: refused. Two numpy arrays, (n, 1)
    beside (n,), stay a grid by numpy's rules, as do a Series beside an
    array of another length (n x m values asked for): `found` holds
    (argument name, value) in the order of the function's parameters.
    """
    for name0, x0 in found:
        if not _array_column(x0):
            continue
        n = x0.shape[0]
        for name, x in found:
            if x is x0:
                continue
            if _series_length(x) == n:
                held = (
                    f"a {'pandas' if _is_pandas(x) else 'polars'} Series of {n} values"
                )
                grid = f"`{name}.to_numpy()`"
            elif hasattr(x, "columns") and _one_row_width(x) == n:
                kind = "pandas" if _is_pandas(x) else "polars"
                held = f"a {kind} DataFrame of one row and {n} columns"
                grid = f"`{name}.to_numpy()`"
            else:
                continue
            msg = (
                f"`{name0}` is a numpy array of shape ({n}, 1) (one column, as "
                f"`df[['col']].values` gives), beside `{name}`, {held}: numpy "
                f"would pair every row of `{name0}` with every value of "
                f"`{name}` (a table of {n} x {n} values), not row with row; "
                f"pass its one column, `{name0}[:, 0]` (or `{name0}.ravel()`), "
                f"or, for that table of every pair, {grid}"
            )
            raise ValueError(msg)


def _labelled_kinds() -> tuple[type, ...]:
    """The argument types carrying row or column labels, among those imported."""
    kinds: tuple[type, ...] = ()
    pd = sys.modules.get("pandas")
    if pd is not None:
        kinds = (pd.Series, pd.DataFrame)
    pl = sys.modules.get("polars")
    if pl is not None:
        kinds = (*kinds, pl.DataFrame)
    return kinds


def _is_pandas(x: object) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(x, (pd.Series, pd.DataFrame))


def _columns(x: Any) -> Any:
    """The column labels of a DataFrame (pandas or polars), else None."""
    if not hasattr(x, "columns"):
        return None
    if _is_pandas(x):
        return x.columns
    import pandas as pd

    return pd.Index(list(x.columns), dtype=object)


def refuse_unaligned(found: Sequence[tuple[str, Any]]) -> None:
    """Refuse pandas or polars arguments whose labels would pair by position.

    `found` holds (argument name, Series or DataFrame) in the order of the
    function's parameters. Rows: each pandas argument is compared with the
    first of its length. Columns: two DataFrames with as many columns are
    compared by their column labels (a polars DataFrame's column names are
    its only labels), and a Series as long as a DataFrame's columns (numpy
    broadcasts it across them, as pandas aligns it) by its index against
    those columns: beside a square DataFrame (as many rows as columns), a
    Series is compared with its columns alone, unless the frame holds one
    set of labels on both axes (a covariance matrix, whose rows pair with
    the Series too). Labels equal in value at every position pair, whatever
    their dtypes. The message names both arguments, the first position
    where their labels differ and both labels there, and how to pair them.
    """
    _refuse_key_column(found)
    placed: list[tuple[str, Any]] = []
    for name, x in found:
        if not _is_pandas(x):
            continue
        partner = next(
            (
                (name0, x0)
                for name0, x0 in placed
                if len(x0.index) == len(x.index) and not _by_columns(x0, x)
            ),
            None,
        )
        placed.append((name, x))
        if partner is not None:
            name0, x0 = partner
            _refuse_other_labels(name0, x0, x0.index, name, x, x.index, "index")
    for i, (name0, x0) in enumerate(found):
        for name, x in found[i + 1 :]:
            c0, c = _columns(x0), _columns(x)
            if c0 is not None and c is not None:
                if len(c0) == len(c):
                    _refuse_other_labels(name0, x0, c0, name, x, c, "column")
            elif c is not None and _is_pandas(x0) and len(x0.index) == len(c):
                _refuse_other_labels(name0, x0, x0.index, name, x, c, "column")
            elif c0 is not None and _is_pandas(x) and len(x.index) == len(c0):
                _refuse_other_labels(name0, x0, c0, name, x, x.index, "column")


def _refuse_key_column(found: Sequence[tuple[str, Any]]) -> None:
    """Refuse a polars DataFrame holding a key column of a pandas partner's labels.

    A polars pivot keeps its key as a column (``pivot(on=..., index=
    "region_name")``), where a pandas pivot makes it the index: beside the
    pandas one, the polars frame's key column holds the pandas frame's row
    labels, often in another order (the file's, not sorted). Dropping the
    key would pair its rows by position; the frame is converted to pandas,
    indexed by its key and aligned.
    """
    pd = sys.modules.get("pandas")
    pl = sys.modules.get("polars")
    if pd is None or pl is None:
        return
    for name, x in found:
        if not isinstance(x, pl.DataFrame):
            continue
        for name0, x0 in found:
            if not _is_pandas(x0) or len(x0.index) != x.height:
                continue
            if isinstance(x0.index, pd.MultiIndex):
                continue
            for col, dtype in x.schema.items():
                if dtype.is_numeric():
                    continue
                keys = pd.Index(x[col].to_list(), dtype=object)
                if not keys.is_unique:
                    continue
                if _missing_from(keys, x0.index) or _missing_from(x0.index, keys):
                    continue
                rest = [c for c in x.columns if c != col]
                pick = (
                    f"[{rest[0]!r}]" if _columns(x0) is None and len(rest) == 1 else ""
                )
                order = (
                    "in the same order"
                    if keys.equals(x0.index.astype(object))
                    else "in another order"
                )
                msg = (
                    f"`{name}` is a polars DataFrame holding a key column, "
                    f"{col!r}, whose values are the row labels of `{name0}` "
                    f"({order}), beside `{name0}`, a pandas {_pandas_kind(x0)} "
                    "indexed by them: povstat's array functions pair values by "
                    "position, never by label, so index it by that column and "
                    f"align it, e.g. `{name}.to_pandas().set_index({col!r})"
                    f"{pick}.reindex({name0}.index)`; dropping the column "
                    f"(`{name}.drop({col!r})`) would pair its rows by position, "
                    f"right only if they are in the order of `{name0}`"
                )
                raise ValueError(msg)


def _by_columns(x0: Any, x: Any) -> bool:
    """Whether one of two pandas arguments is a Series paired with the other's columns.

    numpy broadcasts a Series across a DataFrame's columns (pandas aligns it
    with them too), so beside a square DataFrame its index is compared with
    the columns, not with the rows, unless the frame is a covariance
    matrix (:func:`_one_label_set`), whose rows and columns both pair with it.
    """
    for s, d in ((x0, x), (x, x0)):
        c = _columns(d)
        if _columns(s) is None and c is not None and len(c) == len(s):
            return not _one_label_set(d)
    return False


def _one_label_set(d: Any) -> bool:
    """Whether a pandas DataFrame holds the same labels on its rows and columns."""
    return not (_missing_from(d.index, d.columns) or _missing_from(d.columns, d.index))


def names_of(by: object) -> object:
    """A pandas ``Index`` of column names as a list (``df.columns[:2]``)."""
    pd = sys.modules.get("pandas")
    if (
        pd is not None
        and isinstance(by, pd.Index)
        and not isinstance(by, pd.MultiIndex)
    ):
        return by.tolist()
    return by


def _kind(x: object) -> str:
    if _is_pandas(x):
        return "pandas " + _pandas_kind(x)
    return "polars DataFrame"


def _is_default_index(index: Any) -> bool:
    """Whether `index` is the default 0, 1, ..., n-1 given to unlabelled data."""
    pd = sys.modules.get("pandas")
    return (
        pd is not None
        and isinstance(index, pd.RangeIndex)
        and index.start == 0
        and index.step == 1
        and len(index) > 0
    )


def label_pairing(a: Any, b: Any) -> str:
    """How the pandas index labels `a` pair with `b`: the rule for a Series.

    ``"equal"``: the same labels in the same order. ``"reordered"``: the
    same labels, each once, in another order, neither being the default
    0..n-1 given to unlabelled data: pairing by label is right.
    ``"ambiguous"``: the same labels in another order, one side the
    default 0..n-1 (a Series built from an array beside a frame sorted
    after it was read, or a sorted Series beside an unsorted frame): the
    labels cannot tell whether the values follow them or the other's row
    order. ``"other"``: other labels, or as many but repeated.

    >>> import pandas as pd
    >>> label_pairing(pd.RangeIndex(3), pd.Index([2, 0, 1]))
    'ambiguous'
    >>> label_pairing(pd.Index([5, 7]), pd.Index([7, 5]))
    'reordered'
    """
    if len(a) == len(b) and a.equals(b):
        return "equal"
    if len(a) != len(b) or not (a.is_unique and b.is_unique):
        return "other"
    if _missing_from(a, b) or _missing_from(b, a):
        return "other"
    if _is_default_index(a) != _is_default_index(b):
        return "ambiguous"
    return "reordered"


def _missing_from(a: Any, b: Any) -> list[Any]:
    """The labels of `a` not among those of `b` (by value).

    Two MultiIndexes of other depths share no label (a tuple of three
    values is never one of two), which pandas' ``isin`` asserts on.
    """
    pd = sys.modules.get("pandas")
    if (
        pd is not None
        and isinstance(a, pd.MultiIndex)
        and isinstance(b, pd.MultiIndex)
        and a.nlevels != b.nlevels
    ):
        return [plain(v) for v in a]
    try:
        inside = np.asarray(a.astype(object).isin(b.astype(object)), dtype=bool)
    except (TypeError, ValueError):  # pragma: no cover - labels that do not compare
        return list(a)
    return [plain(v) for v in np.asarray(a.astype(object))[~inside]]


def _some(items: list[Any]) -> str:
    shown_ = ", ".join(repr(v) for v in items[:3])
    return shown_ + (f" and {len(items) - 3} more" if len(items) > 3 else "")


def _label_key(v: Any) -> Any:
    """A label read for comparison only, to relate labels written otherwise.

    A region's name gives its code (:func:`povstat._regions.name_code`:
    "KOTA MALANG", "Kota Malang " and "Kota Malang" are one region); other
    text is read with its spaces and case aside, or as the number it
    writes ("35.73 " as 35.73); a number as its value (float32's 35.73
    through its shortest decimal); a tuple element by element; a Period
    by its end (the March round as a month and as the first quarter).
    Used only to tell that two sides' orders differ, never to pair them.
    """
    pd = sys.modules["pandas"]
    if isinstance(v, tuple):
        return tuple(_label_key(e) for e in v)
    if isinstance(v, str):
        from povstat import _regions  # the list is read only on this error path

        code = _regions.name_code(v) or _bare_regency(v)
        if code is not None:
            return ("region", code)
        text = " ".join(v.split()).casefold()
        if _CODE_TEXT.fullmatch(text):
            code = _regency_code(float(text))
            return ("region", code) if code else ("number", float(text))
        return ("text", text)
    if isinstance(v, (bool, np.bool_)):
        return ("bool", bool(v))
    if isinstance(v, (int, float, np.integer, np.floating)):
        number = short_float(v)
        code = _regency_code(number)  # 3507 and 35.07 beside "35.07"
        return ("region", code) if code else ("number", number)
    if isinstance(v, pd.Period):
        return ("time", v.end_time)
    try:
        hash(v)
    except TypeError:  # pragma: no cover - pandas labels are hashable
        return ("other", repr(v))
    return ("other", v)


def _regency_code(number: float) -> str | None:
    """The regency's or city's code a number writes (3507, 35.07), if of the list.

    A province's 35 (or 35.0) is left a number: two digits may be anything.
    """
    from povstat import _regions  # the list is read only on this error path

    if number.is_integer() and 1000 <= number < 10000:
        code = str(int(number))
    elif 10 <= number < 100 and abs(number * 100 - round(number * 100)) < 1e-6:
        code = f"{number:.2f}".replace(".", "")  # Kemendagri's dotted 35.07
    else:
        return None
    return code if code in _regions.known_codes() else None


def _names_several(label: str) -> bool:
    """Whether `label` is a bare name of several regions ("Malang", "Gorontalo")."""
    from povstat import _regions  # the list is read only on this error path

    text = " ".join(label.split())
    if _regions.PREFIX.fullmatch(text) is not None:
        return False
    codes = {*_regions.candidates(None, text), *_regions.candidates("kota", text)}
    return len(codes) > 1


def _bare_regency(label: str) -> str | None:
    """The code of the one region a bare name may be, as BPS writes a regency.

    BPS's tables write a regency bare ("Pacitan"): a name without a prefix
    that is one region's, as a regency or a city, gives its code; a bare
    "Malang" (Kabupaten or Kota Malang) or "Gorontalo" (the province or
    the regency) gives None, as does a name with a prefix.
    """
    from povstat import _regions  # the list is read only on this error path

    text = " ".join(label.split())
    if _regions.PREFIX.fullmatch(text) is not None:
        return None
    codes = {*_regions.candidates(None, text), *_regions.candidates("kota", text)}
    return codes.pop() if len(codes) == 1 else None


def _orders_differ(a: Any, b: Any) -> tuple[Any, int, Any, int] | None:
    """A label of `a`, its position, and its match in `b` at another position.

    The labels show that pairing by position is wrong: a label found once
    on each side (by value), or failing that two labels read alike by
    :func:`_label_key` (each key once on each side), at different
    positions. None where no such pair is found.
    """
    # numpy's scalars: a float32 label as float32, read at its precision.
    va, vb = list(a.to_numpy()), list(b.to_numpy())
    # Each side's names read over its own labels, as a column: a bare
    # "Gorontalo" is the province beside "Kabupaten Gorontalo", the regency
    # beside "GORONTALO" (pairing17 H7): one label, two regions.
    ca, cb = _side_keys(va), _side_keys(vb)
    for first in (True, False):
        ka, kb = ([plain(v) for v in va], [plain(v) for v in vb]) if first else (ca, cb)
        na, nb = collections.Counter(ka), collections.Counter(kb)
        at_b = {k: j for j, k in enumerate(kb) if nb[k] == 1}
        for i, k in enumerate(ka):
            j = at_b.get(k) if na[k] == 1 else None
            if j is not None and j != i and ca[i] == cb[j]:
                return _shown_label(va[i]), i, _shown_label(vb[j]), j
    return None


def _namesakes_said(name0: str, a: Any, name: str, b: Any) -> str:
    """A label of both sides that names one region in one, another in the other.

    "Gorontalo" beside "Kabupaten Gorontalo" is the province; beside
    "GORONTALO", as BPS's tables write it, Kabupaten Gorontalo
    (:func:`_side_keys`). "" where no label is read so.
    """
    from povstat import _regions  # the list is read only on this error path

    pd = sys.modules["pandas"]
    if isinstance(a, pd.MultiIndex) or isinstance(b, pd.MultiIndex):
        return ""
    va, vb = list(a), list(b)
    ka = dict(zip(va, _side_keys(va), strict=True))
    kb = dict(zip(vb, _side_keys(vb), strict=True))
    for v in va:
        u, w = ka[v], kb.get(v)
        if isinstance(v, str) and w is not None and u != w and "region" == u[0] == w[0]:
            return (
                f"; {v!r} names {_regions.info(u[1])[0]} ({u[1]}) in `{name0}` "
                f"and {_regions.info(w[1])[0]} ({w[1]}) in `{name}`, read beside "
                "the other labels of each, as BPS writes a province in capitals "
                "above its regencies written bare"
            )
    return ""


def _side_keys(values: list[Any]) -> list[Any]:
    """:func:`_label_key` of each label, the names read over the whole side.

    Text labels are read as the nesting check reads a column of names
    (:func:`povstat.frames._checks._name_keys`, with its rule for a bare
    name of a province and a regency, "Gorontalo"); a name it reads as one
    region gives that region's code, any other label its
    :func:`_label_key`.
    """
    from povstat import _regions  # the list is read only on this error path

    texts = [v for v in values if isinstance(v, str)]
    read: dict[str, str] = {}
    if texts:
        from povstat.frames._checks import _name_keys  # only on this error path

        read = _name_keys(texts)
    out = []
    for v in values:
        k = read.get(v) if isinstance(v, str) else None
        if k is not None and k.startswith(_regions.NAMED):
            out.append(("region", k[len(_regions.NAMED) :]))
        else:
            out.append(_label_key(v))
    return out


def _shown_label(v: Any) -> Any:
    """A label as a message shows it: float32's 35.73, not 35.7299995..."""
    if isinstance(v, np.floating) and v.dtype.itemsize < 8:
        return short_float(v)
    return plain(v)


def _refuse_other_labels(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> None:
    """Refuse labels `a` (of `name0`) and `b` (of `name`) unless equal in value."""
    # Labels of two dtypes are compared one by one below: pandas' equals
    # would infer Timestamps from datetime.date labels, with a warning.
    if a.dtype == b.dtype and a.equals(b):
        return
    at = next(
        (i for i, (u, v) in enumerate(zip(a, b, strict=True)) if not _same_label(u, v)),
        None,
    )
    if at is None:  # the same labels at every position, held as other dtypes
        return
    k0, k = _kind(x0), _kind(x)  # in the order of the arguments
    if k0 == k:
        kinds = k0 + ("s" if k0.endswith("DataFrame") else "")
    elif k0.split()[0] == k.split()[0]:
        kinds = f"{k0} and {k.split()[1]}"
    else:
        kinds = f"{k0} and {k}"
    labels_ = "index labels" if what == "index" else "column labels"
    where = (
        f"first at position {at}: {plain(a[at])!r} in `{name0}`, "
        f"{plain(b[at])!r} in `{name}`"
    )
    if what == "column" and _columns(x0) is None:
        where = f"the index of `{name0}` against the columns of `{name}`, " + where
    elif what == "column" and _columns(x) is None:
        where = f"the columns of `{name0}` against the index of `{name}`, " + where
    msg = (
        f"`{name0}` and `{name}` are {kinds} with different {labels_} "
        f"({where}); povstat's array functions pair values by position, "
        f"never by label: {_pairing_advice(name0, x0, a, name, x, b, what)}"
    )
    raise ValueError(msg)


def _pairing_advice(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str:
    """How to pair `name0` and `name`, which depends on how their labels differ."""
    unlabelled = _unlabelled_cov(name0, x0, name, x)
    if unlabelled is not None:
        return unlabelled
    periods_ = _of_other_periods(name0, a, name, b)
    if periods_ is not None:
        return periods_
    polars_ = what == "column" and _is_pandas(x0) != _is_pandas(x)
    if polars_:
        beside = _beside_polars(name0, x0, a, name, x, b)
        if beside is not None:
            return beside
    swapped = _transposed(name0, x0, name, x)
    if swapped is not None:
        return swapped
    relabelled = _cov_relabelled(name0, x0, name, x)
    if relabelled is not None:
        return relabelled
    if polars_:
        not_text = _not_polars_names(name0, x0, a, name, x, b)
        if not_text is not None:
            return not_text
    rows_only = _cov_labelled_on_rows(name0, x0, name, x)
    if rows_only is not None:
        return rows_only
    keyed = _key_column_frame(name0, x0, name, x)
    if keyed is not None:
        return keyed
    if what == "index":
        # A Series of one value per row beside a frame that is not square:
        # whatever its labels, numpy pairs it with the columns (core16 G2).
        rows = _rows_against_columns(name0, x0, a, name, x, b, what)
        if rows is not None:
            return rows
    fewer = _extra_level(name0, x0, a, name, x, b, what)
    if fewer is not None:
        return fewer
    levels = _levels_in_other_order(name0, x0, a, name, x, b, what)
    if levels is not None:
        return levels
    constant = _one_value_levels(name0, x0, a, name, x, b, what)
    if constant is not None:
        return constant
    dotted = _dotted_codes_beside_numbers(name0, x0, a, name, x, b, what)
    if dotted is not None:
        return dotted
    converted = _same_keys_other_kind(name0, x0, a, name, x, b, what)
    if converted is not None:
        return converted
    converted = _numbers_beside_number_texts(name0, x0, a, name, x, b, what)
    if converted is not None:
        return converted
    named = _names_beside_codes(name0, x0, a, name, x, b, what)
    if named is not None:
        return named
    spelt = _names_spelt_otherwise(name0, x0, a, name, x, b, what)
    if spelt is not None:
        return spelt
    spelt = _level_spelt_otherwise(name0, x0, a, name, x, b, what)
    if spelt is not None:
        return spelt
    periods = _periods_of_two_frequencies(name0, x0, a, name, x, b, what)
    if periods is not None:
        return periods
    dates = _times_written_otherwise(name0, x0, a, name, x, b, what)
    if dates is not None:
        return dates
    kinds = _other_label_kinds(name0, x0, a, name, x, b, what)
    if kinds is not None:
        return kinds
    years = _years_beside_periods(name0, a, name, b, what)
    if years is not None:
        return years
    years = _integers_beside_times(name0, x0, a, name, x, b, what)
    if years is not None:
        return years
    rows = _rows_against_columns(name0, x0, a, name, x, b, what)
    if rows is not None:
        return rows
    default0, default = _is_default_index(a), _is_default_index(b)
    only0, only = _missing_from(a, b), _missing_from(b, a)
    if label_pairing(a, b) == "ambiguous":
        # The same labels 0..n-1, one side in another order: a frame with
        # default labels sorted (reorder it back), or an array built in the
        # other's order (pair by position): the labels cannot tell which.
        plain_, other = (name0, name) if default0 else (name, name0)
        return (
            f"both hold the labels 0..{len(a) - 1}, `{plain_}` in order: if "
            f"`{other}` is the same rows reordered (a frame sorted after it "
            f"was read), reorder it back (`{other}.sort_index()`, or "
            f"`{other}.reindex({plain_}.index)`); if `{plain_}` was built "
            f"from an array in the order of `{other}`, pass "
            f"`{plain_}.to_numpy()`"
        )
    rows = _row_numbers(name0, x0, a, name, x, b) if what == "index" else None
    if rows is not None:
        return rows
    sliced = _parts_of_one_frame(name0, a, name, b) if what == "index" else None
    if sliced is not None:
        return sliced
    if default0 != default:
        plain_, other = (name0, name) if default0 else (name, name0)
        return (
            f"`{plain_}` has the default labels 0..{len(a) - 1} (it was built "
            "without labels, e.g. from an array or a list): if its values are "
            f"in the order of `{other}`, pass `{plain_}.to_numpy()` (or build "
            f"it with the labels of `{other}`); do not reindex it: its labels "
            "are positions, and reindexing would pick the wrong rows"
        )
    coded = _unordered_area_codes(name0, x0, a, name, x, b) if what == "index" else None
    if coded is not None:
        return coded
    regions_ = _same_regions_relabelled(name0, x0, a, name, x, b, what)
    if regions_ is not None:
        return regions_
    if only0 or only:
        return _different_labels(name0, x0, a, name, x, b, what, only0, only)
    square = _square_beside_series(name0, x0, name, x)
    if not (a.is_unique and b.is_unique):  # pandas cannot reindex on them
        return _repeated_advice(name0, a, name, b, a, b)
    if square is not None:  # a covariance matrix beside its estimates
        series, frame = square
        how = f"`{frame}.loc[{series}.index, {series}.index]`"
    elif what == "index":
        how = f"`{name}.reindex({name0}.index)`"
    elif _columns(x0) is None:  # a Series against a DataFrame's columns
        how = f"`{name0}.reindex({name}.columns)`"
    elif _columns(x) is None:
        how = f"`{name}.reindex({name0}.columns)`"
    elif _is_pandas(x):
        how = f"`{name}[list({name0}.columns)]`"
    else:
        how = f"`{name}.select({name0}.columns)`"
    # The same labels, each once, in another order: pairing by position
    # would pair one label's value with another's.
    return (
        f"they hold the same labels in another order: align them (e.g. {how}); "
        "not .to_numpy(), which would pair them by position, one label's value "
        "with another's"
    )


#: Conversions of pandas labels to text, as code after the labels and as
#: Python: a pandas side's columns given a polars frame's text names.
_TO_TEXT: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    (".astype(str)", lambda z: z.astype(str)),
    (".astype(int).astype(str)", lambda z: z.astype(int).astype(str)),
    (".strftime('%Y')", lambda z: z.strftime("%Y")),
    (".strftime('%Y-%m')", lambda z: z.strftime("%Y-%m")),
    (".strftime('%Y-%m-%d')", lambda z: z.strftime("%Y-%m-%d")),
)


def _beside_polars(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any
) -> str | None:
    """The advice for a pandas side's column labels beside a polars frame's names.

    A polars DataFrame names its columns by text and has neither an index
    nor pandas' ``set_axis``/``reindex``; a pivot's year columns are
    integers (2022), Periods or Timestamps. The pandas side is the one
    converted (:data:`_TO_TEXT`, checked here to give the polars names one
    to one), then put in the polars frame's order where that differs
    (pairing17 H3, H6). None where no conversion gives them
    (:func:`_not_polars_names` says so, after a covariance matrix's reader)
    and where the pandas labels are text already (their advice holds for
    both kinds).
    """
    pd = sys.modules["pandas"]
    (pn, px, pz), (qn, _, qz) = (
        ((name0, x0, a), (name, x, b))
        if _is_pandas(x0)
        else ((name, x, b), (name0, x0, a))
    )
    if isinstance(pz, pd.MultiIndex) or all(isinstance(v, str) for v in pz):
        return None
    labels_, set_kw, reindex_kw = _labels_of(pn, px, "column")
    target = pd.Index([str(v) for v in qz], dtype=object)
    for code, convert in _TO_TEXT:
        try:
            new = pd.Index(convert(pz), dtype=object)
        except (TypeError, ValueError, AttributeError, OverflowError):
            continue
        if (
            not new.is_unique
            or _missing_from(new, target)
            or _missing_from(target, new)
        ):
            continue
        same = bool(new.equals(target))
        how = f"`{pn}.set_axis({labels_}{code}{set_kw})"
        how += "`" if same else f".reindex({reindex_kw}{qn}.columns)`"
        closing = (
            ".to_numpy() would pair them by position, as their labels do"
            if same
            else "not .to_numpy(), which would pair them by position, and their "
            "orders differ"
        )
        return (
            f"`{qn}` is a polars DataFrame, whose column names are text, and "
            f"the labels of `{pn}` are the same written as another kind (e.g. "
            f"{plain(pz[list(new).index(target[0])])!r} for {target[0]!r}): "
            f"give those of `{pn}` the polars names (a polars DataFrame has no "
            f"set_axis), {how}; {closing}"
        )
    return None


def _not_polars_names(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any
) -> str | None:
    """The advice for a pandas side's labels no conversion gives as polars names.

    Said after :func:`_beside_polars` and the covariance matrix's reader
    (:func:`_cov_relabelled`, which reads a polars matrix's names as the
    estimates' labels) find no conversion: no code is printed. None where
    the pandas labels are text (their advice holds for both kinds).
    """
    pd = sys.modules["pandas"]
    (pn, pz), (qn, qz) = (
        ((name0, a), (name, b)) if _is_pandas(x0) else ((name, b), (name0, a))
    )
    if isinstance(pz, pd.MultiIndex) or all(isinstance(v, str) for v in pz):
        return None
    target = [str(v) for v in qz]
    return (
        f"`{qn}` is a polars DataFrame, whose column names are text "
        f"({_some(list(target))}), and the labels of `{pn}` are not text "
        f"({_some([plain(v) for v in pz])}) nor written as those names: give "
        f"`{pn}` labels written as the names of `{qn}`, then select the same "
        "columns from both, in one order, and check that none is missing; "
        ".to_numpy() would pair them by position, and the labels do not show "
        "that their orders agree"
    )


def _different_labels(
    name0: str,
    x0: Any,
    a: Any,
    name: str,
    x: Any,
    b: Any,
    what: str,
    only0: list[Any],
    only: list[Any],
) -> str:
    """The advice for different labels of no kind recognised before.

    ``.to_numpy()`` is offered only where the labels do not show the two
    orders to differ (:func:`_orders_differ`: a label of both sides, or one
    written otherwise, at different positions), and only with the
    position numpy pairs: beside a DataFrame's columns, a Series pairs with
    the columns, not the rows. A bare region name of several regions
    (:func:`_names_of_several`) is said.
    """
    parts = []
    if only0:
        parts.append(f"{_some(only0)} in `{name0}` only")
    if only:
        parts.append(f"{_some(only)} in `{name}` only")
    said = f"they hold different labels ({'; '.join(parts)})"
    said += _namesakes_said(name0, a, name, b)
    # A bare name its side reads as one region ("Gorontalo" beside
    # "Kabupaten Gorontalo": the province) is not said to name several.
    resolved = {
        (k, v)
        for k, z in enumerate((a, b))
        if not isinstance(z, sys.modules["pandas"].MultiIndex)
        for v, key in zip(list(z), _side_keys(list(z)), strict=True)
        if isinstance(v, str) and key[0] == "region"
    }
    several = _names_of_several(
        [v for v in only0 if (0, v) not in resolved]
        + [v for v in only if (1, v) not in resolved]
    )
    if several:
        said += f"; {several}"
    target, _, _ = _labels_of(name0, x0, what)
    _, _, reindex_kw = _labels_of(name, x, what)
    align = f"`{name}.reindex({reindex_kw}{target})`"
    if what == "column" and _is_pandas(x0) != _is_pandas(x):
        # A polars frame has no reindex: the pandas side is put in its order.
        (pn, px), qn = ((name0, x0), name) if _is_pandas(x0) else ((name, x), name0)
        _, _, reindex_kw = _labels_of(pn, px, what)
        align = f"`{pn}.reindex({reindex_kw}{qn}.columns)`"
    evidence = _orders_differ(a, b)
    if evidence is not None:
        u, i, v, j = evidence
        if _same_label(u, v) and type(u) is type(v):
            where = (
                f"{u!r}, in both, is at position {i} in `{name0}` and {j} in `{name}`"
            )
        else:
            where = (
                f"{u!r}, at position {i} in `{name0}`, is written {v!r} at "
                f"position {j} in `{name}`"
            )
        key = _label_key(u)
        keys = key if isinstance(u, tuple) else (key,)
        region = any(isinstance(k, tuple) and k[0] == "region" for k in keys)
        pair = (
            "one region with another" if region else "one label's value with another's"
        )
        return (
            f"{said}; their orders differ ({where}): give both the same "
            f"labels, then align them ({align} once they hold the same labels; "
            "a label it does not find gives a missing value, so check with "
            f"`.isna().any()`); not .to_numpy(), which would pair {pair}"
        )
    if what == "column" and (_columns(x0) is None) != (_columns(x) is None):
        (sn, s), (dn, d) = ((name0, x0), (name, x))[
            :: 1 if _columns(x0) is None else -1
        ]
        # Its labels are not the rows of `dn` (those are advised before, by
        # _rows_against_columns): a reindex by them would give missing
        # values only (pairing17 H4), so no code is printed for the rows.
        # A polars frame's rows have no labels (pairing20 L1).
        rows_of = d.index if _is_pandas(d) else None
        height = len(d.index) if rows_of is not None else d.height
        shown = _orders_differ(rows_of, s.index) if rows_of is not None else None
        rows = (
            f"; if it holds one value per row of `{dn}`, its labels show another "
            f"order than those rows' ({shown[0]!r}, in both, is at position "
            f"{shown[1]} in the rows of `{dn}` and {shown[3]} in `{sn}`): give it "
            f"the row labels of `{dn}`, then align it and pass it as a column, "
            f"`{sn}.reindex({dn}.index).to_numpy()[:, None]` once they hold the "
            "same labels (a label it does not find gives a missing value, so "
            f"check with `.isna().any()`); not `{sn}.to_numpy()[:, None]`, which "
            "would pair one row's value with another's"
            if len(s) == height
            and shown is not None
            and _same_label(shown[0], shown[2])
            else f"; if it holds one value per row of `{dn}` in the order of those "
            f"rows, pass it as a column, one value per row, `{sn}.to_numpy()"
            "[:, None]` (right only if so: its labels, "
            f"{_some([plain(v) for v in s.index])}, are not those of the rows, "
            f"{_some([plain(v) for v in rows_of])}); in another order, give it "
            f"the row labels of `{dn}` first, then reindex it by them and check "
            "that no value is missing"
            if len(s) == height and rows_of is not None
            else f"; if it holds one value per row of `{dn}` in the order of those "
            f"rows, pass it as a column, one value per row, `{sn}.to_numpy()"
            f"[:, None]` (right only if so: the rows of `{dn}`, a polars "
            "DataFrame, have no labels to check its order by)"
            if len(s) == height
            else ""
        )
        return (
            f"{said}: select the same columns from both, in one order; numpy "
            "pairs a Series with a DataFrame's columns, so "
            f"`{sn}.to_numpy()` pairs its values with the columns of `{dn}` "
            f"({_some([plain(c) for c in d.columns])}), right only if they are "
            f"in that order{rows}"
        )
    pd = sys.modules["pandas"]
    if isinstance(a, pd.MultiIndex) or isinstance(b, pd.MultiIndex):
        # Levels that differ in more than one way, read by no recipe: their
        # labels show no order, so .to_numpy() is not offered (pairing17 H1).
        telling = _telling_level_advice(name0, a, name, b)
        if telling is not None:
            return (
                f"{said}; level by level: {_levels_said(name0, a, name, b)}: {telling}"
            )
        return (
            f"{said}; level by level: {_levels_said(name0, a, name, b)}: give "
            "both the same labels, level by level (drop a level one side has "
            "more or of one value on each side, put the levels in one order, "
            "write the labels of each level alike), then align them "
            f"({align} once they hold the same labels, checking with "
            "`.isna().any()`); not .to_numpy(): the labels do not show that "
            "their rows are in one order"
        )
    return (
        f"{said}: select the same {'rows' if what == 'index' else 'columns'} "
        "from both, in one order, or pass .to_numpy() if their values are "
        "already in one order"
    )


def _periods_may_differ(name0: str, name: str) -> bool:
    """Whether arguments `name0` and `name` may be of two periods.

    A change's two sides (``before`` and ``after``, ``rate_before`` and
    ``rate_after``) are meant to be; a benchmark may be of another year
    than the value set against it (a target).
    """
    if {name0, name} == {"value", "benchmark"}:
        return True

    def side(n: str) -> str | None:
        return next(
            (t for t in ("before", "after") if n == t or n.endswith("_" + t)), None
        )

    return {side(name0), side(name)} == {"before", "after"}


def _period_text(v: object) -> str | None:
    """A one-value level's period as text, to compare 2023 with Period('2023')."""
    v = plain(v)
    pd = sys.modules["pandas"]
    if isinstance(v, bool):
        return None
    if isinstance(v, pd.Period):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, str):
        return v.strip()
    return None


def _of_other_periods(name0: str, a: Any, name: str, b: Any) -> str | None:
    """The refusal for two arguments of one set of estimates of two periods.

    `se` indexed by (code, 2022) beside estimates indexed by (code, 2023),
    or a September SE beside March estimates: a level of the same name
    (of the same position, where no level is named) holds one value on
    each side, and the two differ. Dropping that level would pair the
    values of one survey round with another's (pairing22 F1); only a
    change's two sides and a benchmark may be of two periods
    (:func:`_periods_may_differ`). A level on one side alone, or one value
    written otherwise (2023 and Period('2023')), is not refused here.
    """
    pd = sys.modules["pandas"]
    if _periods_may_differ(name0, name):
        return None
    if not (isinstance(a, pd.MultiIndex) and isinstance(b, pd.MultiIndex)):
        return None
    if all(n is None for n in (*a.names, *b.names)):
        pairs = [(i, i) for i in range(min(a.nlevels, b.nlevels))]
        if a.nlevels != b.nlevels:
            return None
    else:
        names_b = list(b.names)
        pairs = [
            (i, names_b.index(n))
            for i, n in enumerate(a.names)
            if n is not None and list(a.names).count(n) == 1 and names_b.count(n) == 1
        ]
    for i, j in pairs:
        va, vb = a.get_level_values(i).unique(), b.get_level_values(j).unique()
        if len(va) != 1 or len(vb) != 1 or _same_label(va[0], vb[0]):
            continue
        ta, tb = _period_text(va[0]), _period_text(vb[0])
        if ta is not None and ta == tb:
            continue
        level_ = a.names[i]
        lv = repr(level_) if level_ is not None else str(i)
        u, v = plain(va[0]), plain(vb[0])
        if _period_kind(u) is not None and _period_kind(u) == _period_kind(v):
            return (
                f"they are of different periods: level {lv} holds {u!r} in "
                f"`{name0}` and {v!r} in `{name}`; povstat does not pair the "
                "values of one period with another's, which dropping that level "
                f"would do: pass `{name}` of the period of `{name0}` (if `{name}` "
                f"is in fact of {u!r}, relabel it so)"
            )
        # Values of other kinds (Timestamp and Period, 3 and 'Maret') or
        # not periods at all ('P0' and 'SE P0'): not called periods (G2).
        return (
            f"level {lv} holds {u!r} in `{name0}` and {v!r} in `{name}`; "
            "povstat does not pair values of different labels, which dropping "
            f"that level would do: pass `{name}` with the labels of `{name0}` "
            f"(if its values are in fact those labelled {u!r}, relabel it so)"
        )
    return None


def _period_kind(v: object) -> str | None:
    """The kind of period a level's value is read as, to call two values periods.

    Two whole numbers (years, months), two ``Period`` or two dates; None for
    text and anything else, so 'P0' beside 'SE P0' is not called periods.
    """
    pd = sys.modules["pandas"]
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, np.integer)):
        return "number"
    if isinstance(v, pd.Period):
        return "period"
    if isinstance(v, (pd.Timestamp, datetime.date, np.datetime64)):
        return "date"
    return None


def _telling_level_advice(name0: str, a: Any, name: str, b: Any) -> str | None:
    """The advice where one side tells its rows apart by a level the other lacks.

    `se` indexed by (code, area), urban and rural, beside estimates indexed
    by code alone: dropping 'area' would leave repeated codes, paired by
    position (pairing22 F2). The other side is to be indexed by that level
    too, or the rows of one of its values selected. No code is printed:
    beside as many rows, selecting one value's rows never gives the other
    side's labels one to one. None where no side has such a level.
    """
    pd = sys.modules["pandas"]
    for (n_, z), (m_, o) in (((name0, a), (name, b)), ((name, b), (name0, a))):
        if not isinstance(z, pd.MultiIndex):
            continue
        others = list(o.names) if isinstance(o, pd.MultiIndex) else [o.name]
        for i, level_ in enumerate(z.names):
            extra = (
                level_ not in others if level_ is not None else z.nlevels > len(others)
            )
            values = z.get_level_values(i).unique()
            if not extra or len(values) < 2 or z.droplevel(i).is_unique:
                continue
            named = level_ is not None and list(z.names).count(level_) == 1
            ref = level_ if named else i
            eg = (
                f" (e.g. `df.set_index(['region_code', {ref!r}])` on the table it "
                "came from)"
                if named
                else ""
            )
            return (
                f"`{n_}` tells its rows apart by level {ref!r} "
                f"({_some([plain(v) for v in values])}), which `{m_}` lacks: "
                "dropping it would leave repeated labels, which povstat pairs "
                f"by position; index `{m_}` by that level too{eg}, or, if "
                f"`{m_}` is of one {ref!r} only, select those rows "
                f"from `{n_}` (`.xs(value, level={ref!r})`) and align them; not "
                ".to_numpy(): the labels do not show that their rows are in one "
                "order"
            )
    return None


def _levels_said(name0: str, a: Any, name: str, b: Any) -> str:
    """How the labels of `a` and `b` differ, level by level, for a message."""
    pd = sys.modules["pandas"]

    def levels(z: Any) -> list[Any]:
        if isinstance(z, pd.MultiIndex):
            return [z.get_level_values(i).unique() for i in range(z.nlevels)]
        return [z.unique()]

    la, lb = levels(a), levels(b)
    said = []
    for i in range(max(len(la), len(lb))):
        if i >= len(la) or i >= len(lb):
            n_, z = (name, lb[i]) if i >= len(la) else (name0, la[i])
            said.append(f"level {i} in `{n_}` only ({_some([plain(v) for v in z])})")
            continue
        u, v = _missing_from(la[i], lb[i]), _missing_from(lb[i], la[i])
        if not (u or v):
            said.append(f"level {i} holds the same labels in both")
            continue
        said.append(
            f"level {i} holds {_some(u) if u else 'no other label'} in `{name0}` "
            f"and {_some(v) if v else 'no other label'} in `{name}`"
        )
    return "; ".join(said)


def _names_of_several(labels: list[Any]) -> str:
    """What bare region names among `labels` may each name, for a message.

    A bare "Malang" is Kabupaten Malang or Kota Malang: no label of the
    other side can be told to be its partner.
    """
    from povstat import _regions  # the list is read only on this error path

    said = []
    for v in labels:
        if not isinstance(v, str) or _regions.name_code(v) is not None:
            continue
        codes = dict.fromkeys(
            (
                *_regions.candidates(None, v.strip()),
                *_regions.candidates("kota", v.strip()),
            )
        )
        if len(codes) > 1:
            names = " or ".join(_regions.info(c)[0] for c in codes)
            said.append(f"{v!r} may name {names}")
    return "; ".join(said[:3])


def _transposed(name0: str, x0: Any, name: str, x: Any) -> str | None:
    """The advice for two pandas DataFrames, one the other with its axes swapped.

    A region x year frame beside a year x region one (two pivots of one
    table): ``.T`` pairs them; ``.to_numpy()`` would pair a region's year
    with another region's, since the values' order differs, not only the
    labels'. Labels are compared as text too (:func:`_label_texts`): a
    frame read from a file holds codes as integers (35 for "35") or years
    as text ("2022" for 2022); its labels are then converted to the kinds
    of the other's in the advice (``rename(index=str)``), so that, followed,
    it pairs them.
    """
    if not (_is_pandas(x0) and _is_pandas(x)):
        return None
    c0, c = _columns(x0), _columns(x)
    if c0 is None or c is None or _one_label_set(x0):
        return None
    if not (
        _missing_from(x0.index, c)
        or _missing_from(c, x0.index)
        or _missing_from(c0, x.index)
        or _missing_from(x.index, c0)
    ):
        how = f"`{name}.T`"
        if not (x.index.equals(c0) and c.equals(x0.index)):
            order = f"`{name}.T.loc[{name0}.index, {name0}.columns]`"
            how += f" (in the order of `{name0}`: {order})"
    else:
        how_ = _transposed_kinds(name0, x0, name, x)
        if how_ is None:
            return None
        how = how_
    return (
        f"`{name}` holds the labels of `{name0}` with its axes swapped (its rows "
        f"are the columns of `{name0}`, its columns the rows): transpose it, "
        f"{how}; not .to_numpy(), which would pair the values of one row of "
        f"`{name0}` with those of one column of `{name}`"
    )


def _label_texts(labels: Any) -> tuple[str, list[str]] | None:
    """(kind, labels as text) of flat labels all of one kind, else None.

    Kinds: "int" (integers, 35), "float" (integral floats, 35.0, read as
    the integer they hold) and "str" (text, "35"); a label of another kind
    (a date, a tuple) or a float with a fraction gives None.
    """
    pd = sys.modules["pandas"]
    if isinstance(labels, pd.MultiIndex) or len(labels) == 0:
        return None
    values = list(labels)
    if labels.dtype.kind in "iu":
        return "int", [str(int(v)) for v in values]
    if labels.dtype.kind == "f":
        if not all(math.isfinite(v) and float(v).is_integer() for v in values):
            return None
        return "float", [str(int(v)) for v in values]
    if all(isinstance(v, str) for v in values):
        return "str", [v.strip() for v in values]
    return None


#: How to give labels of one kind (first) the other's (second), as a
#: function ``DataFrame.rename`` applies to each label.
_CONVERT = {("int", "str"): "str", ("float", "str"): "'{:.0f}'.format"}
_CONVERT |= {("str", "int"): "int", ("float", "int"): "int"}


def _transposed_kinds(name0: str, x0: Any, name: str, x: Any) -> str | None:
    """How to transpose `x` to pair with `x0` where their labels differ in kind.

    None unless the rows of `x` are the columns of `x0` and its columns the
    rows of `x0` when both are written as text (:func:`_label_texts`), and
    each kind converts to the other's (:data:`_CONVERT`).
    """
    renames = []
    orders = []
    for axis, own, other in (
        ("index", x.columns, x0.index),
        ("columns", x.index, x0.columns),
    ):
        mine, theirs = _label_texts(own), _label_texts(other)
        if mine is None or theirs is None:
            return None
        if sorted(mine[1]) != sorted(theirs[1]) or len(set(mine[1])) != len(mine[1]):
            return None
        if mine[0] != theirs[0]:
            convert = _CONVERT.get((mine[0], theirs[0]))
            if convert is None:
                return None
            renames.append(f"{axis}={convert}")
        orders.append(mine[1] != theirs[1])
    step = f".rename({', '.join(renames)})" if renames else ""
    loc = f".loc[{name0}.index, {name0}.columns]" if any(orders) else ""
    return (
        f"with its labels given the kinds of those of `{name0}` (they are the "
        f"same labels written as other kinds: {_kinds_said(name0, x0, name, x)}), "
        f"`{name}.T{step}{loc}`"
    )


def _kinds_said(name0: str, x0: Any, name: str, x: Any) -> str:
    """The kinds of the labels of `x0` and `x`, axis by axis, for a message."""
    said = []
    for own, own_axis, other, other_axis in (
        (x.columns, "columns", x0.index, "rows"),
        (x.index, "rows", x0.columns, "columns"),
    ):
        k, k0 = _label_texts(own), _label_texts(other)
        if k is not None and k0 is not None and k[0] != k0[0]:
            said.append(
                f"the {own_axis} of `{name}` are {_KIND_WORDS[k[0]]}, the "
                f"{other_axis} of `{name0}` {_KIND_WORDS[k0[0]]}"
            )
    return "; ".join(said)


_KIND_WORDS = {"int": "integers", "float": "floats", "str": "text"}


def _extra_level(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for labels that are the other's with one level more.

    A Series from ``groupby(["province_code", "region_code"])`` beside one
    indexed by ``region_code``: dropping the extra level gives the other's
    labels, to align by. The labels compared may be a DataFrame's columns
    (`what` "column": a pivot with ``values=[...]`` has a column level
    more, the value's name), where the advice works on the columns
    (``droplevel(0, axis=1)``, ``reindex(columns=...)``).
    """
    pd = sys.modules["pandas"]
    on_columns = {id(z): what == "column" and _columns(z) is not None for z in (x0, x)}
    sides = (((name0, x0, a), (name, x, b)), ((name, x, b), (name0, x0, a)))
    for (ln, lx, la), (sn, sx, sa) in sides:
        if not isinstance(la, pd.MultiIndex) or la.nlevels != sa.nlevels + 1:
            continue
        for i in range(la.nlevels):
            rest = la.droplevel(i)
            if not rest.is_unique or _missing_from(rest, sa) or _missing_from(sa, rest):
                continue
            level_ = la.names[i]
            lv = repr(level_) if level_ is not None else str(i)
            if on_columns[id(lx)]:
                drop = f"`{ln}.droplevel({lv}, axis=1)`"
                labels_ = f"{ln}.columns.droplevel({lv})"
                axis_word = "column level"
            else:
                drop = f"`{ln}.droplevel({lv})`"
                labels_ = f"{ln}.index.droplevel({lv})"
                axis_word = "index level"
            if on_columns[id(sx)]:
                align = f"`{sn}.reindex(columns={labels_})`"
            else:
                align = f"`{sn}.reindex({labels_})`"
            return (
                f"the labels of `{ln}` are those of `{sn}` with one {axis_word} "
                f"more (level {lv}): drop that level and align them, e.g. "
                f"{drop} beside {align}; {_to_numpy_said(rest, sa)}"
            )
    return None


def _unlabelled_cov(name0: str, x0: Any, name: str, x: Any) -> str | None:
    """The advice for a covariance DataFrame built from an array, beside estimates.

    ``pandas.DataFrame(array)`` labels both axes 0..n-1: beside a Series of
    n labelled estimates, its labels are positions, not row numbers of a
    file (a covariance matrix has no key column to index it by). The
    matrix is passed as its values, or given the estimates' labels on both
    axes; either holds only if it was built in the estimates' order.
    ``polars.DataFrame(array)`` names its columns column_0..column_{n-1}:
    the same advice (pairing20 L1, L5), its names being no region's.
    """
    pl = sys.modules.get("polars")
    found = _square_beside_series(name0, x0, name, x)
    if found is None and pl is not None:
        found = next(
            (
                (sname, dname)
                for (sname, s), (dname, d) in (
                    ((name0, x0), (name, x)),
                    ((name, x), (name0, x0)),
                )
                if _is_pandas(s)
                and _columns(s) is None
                and isinstance(d, pl.DataFrame)
                and d.columns == [f"column_{i}" for i in range(len(s))]
                and d.height == len(s)
            ),
            None,
        )
    if found is None:
        return None
    series, frame = found
    if "cov" not in frame:  # a square table of other values is no covariance
        return None
    s, d = (x0, x) if series == name0 else (x, x0)
    if _is_default_index(s.index):
        return None
    if _is_pandas(d):
        if not (_is_default_index(d.index) and _is_default_index(d.columns)):
            return None
        said = (
            f"the default labels 0..{len(d.index) - 1} on both axes (it was built "
            "without labels, e.g. `pandas.DataFrame(array)`)"
        )
    else:
        said = (
            f"polars' default names column_0..column_{d.height - 1} (it was "
            "built without labels, e.g. `polars.DataFrame(array)`)"
        )
    # A polars frame has no .loc: it is labelled as a pandas one first,
    # with labels povstat cannot know, so no code is printed for that order.
    other = (
        f"label it with the labels of that order, then align it, "
        f"`{frame}.loc[{series}.index, {series}.index]`"
        if _is_pandas(d)
        else "build a pandas DataFrame of its values labelled on both axes "
        "with the labels of that order, then align both its axes with "
        f"`{series}` by label (with .loc)"
    )
    return (
        f"`{frame}` has {said}, and a "
        "covariance matrix must hold the labels of the estimates on both its "
        f"index and its columns: if it was built in the order of `{series}`, "
        f"pass `{frame}.to_numpy()`, or give it their labels, "
        f"`pandas.DataFrame({frame}.to_numpy(), index={series}.index, "
        f"columns={series}.index)`; if it was built in another order, {other}"
    )


#: Spellings of one axis of a covariance matrix, as code after its labels and
#: as Python: capitals or title case, dotted codes as text ("35.01") or as
#: numbers (35.01, a file's header read back as rows with ``index_col=0``).
_COV_SPELLINGS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("", lambda z: z),
    (".str.title()", lambda z: z.str.title()),
    (".str.upper()", lambda z: z.str.upper()),
    (".str.lower()", lambda z: z.str.lower()),
    (
        ".str.replace('.', '', regex=False)",
        lambda z: z.str.replace(".", "", regex=False),
    ),
    (
        ".map('{:.2f}'.format).str.replace('.', '', regex=False)",
        lambda z: z.map("{:.2f}".format).str.replace(".", "", regex=False),
    ),
)


def _cov_axis_read(labels: Any, target: Any) -> str | None:
    """The code after ``cov.index`` (or ``.columns``) giving it `target`'s labels.

    The one reader of a covariance matrix's axis: "" where the axis holds
    `target`'s labels already (in any order); else a spelling (capitals or
    title case, a dotted code as text, "35.01", or as a number, 35.01),
    then povstat's region names read as their codes (``.map(...)``, never
    a bare name of several regions), then a kind conversion
    (``.astype(str)``: 3501 -> "3501", a matrix read back from a file),
    checked here to give exactly `target`'s labels, each once; else None.
    """
    pd = sys.modules["pandas"]
    if isinstance(labels, pd.MultiIndex) or not labels.is_unique:
        return None
    spellings: list[tuple[str, Any]] = []
    for code, spell in _COV_SPELLINGS:
        try:
            spellings.append((code, pd.Index(spell(labels))))
        except (AttributeError, TypeError, ValueError):
            continue
    reads: list[tuple[str, Any]] = []
    for code, spelt in spellings:
        reads.append((code, spelt))
        if all(isinstance(v, str) and re.search(r"[^\W\d_]", v) for v in spelt):
            if any(_names_several(v) for v in spelt):
                continue  # "Blitar": a regency or a city, which no map can tell
            from povstat.datasets import indonesia_regions  # only on this error path

            for mapping, to_code in _region_spellings(indonesia_regions()):
                if all(v in to_code for v in spelt):
                    read = pd.Index([to_code[v] for v in spelt])
                    reads.append((f"{code}.map({mapping})", read))
                    break
    want = _label_texts(target)
    for code, read in reads:
        have = _label_texts(read)
        chain: tuple[type, ...] = ()
        if have is not None and want is not None and have[0] != want[0]:
            chain = _ASTYPE.get((have[0], want[0]), ())
        try:
            for t in chain:
                read = read.astype(t)
        except (TypeError, ValueError, OverflowError):
            continue
        if read.is_unique and not (
            _missing_from(read, target) or _missing_from(target, read)
        ):
            return code + "".join(f".astype({t.__name__})" for t in chain)
    return None


def _cov_levels_read(labels: Any, target: Any) -> str | None:
    """The expression giving a MultiIndex axis of a matrix `target`'s labels.

    The axis of a covariance matrix by (region, year) beside estimates by
    (region, year) (pairing20 L3, L4): its levels put in the order of
    those of `target` (``reorder_levels``) and each level read by
    :func:`_cov_axis_read` against the values of its level in `target`
    (``set_levels``: names as codes, 3501 as "3501", "2022" as 2022).
    The expression is written with "{0}" for the axis (``cov.index``, put
    in by ``str.replace``: a mapping's code holds braces); ""
    where the axis holds `target`'s labels already; None where no
    permutation and reading gives exactly `target`'s labels, each once.
    """
    pd = sys.modules["pandas"]
    if not (
        isinstance(labels, pd.MultiIndex)
        and isinstance(target, pd.MultiIndex)
        and labels.nlevels == target.nlevels
        and labels.is_unique
    ):
        return None
    if not (_missing_from(labels, target) or _missing_from(target, labels)):
        return ""  # the same labels, in any order
    n = labels.nlevels
    axis = "{0}"
    # Levels holding values no label uses (a matrix's rows dropped) would
    # be read too: they are dropped first.
    if any(
        len(labels.levels[j]) != len(labels.get_level_values(j).unique())
        for j in range(n)
    ):
        axis = "{0}.remove_unused_levels()"
    used = labels.remove_unused_levels()
    for order in itertools.permutations(range(n)):
        reads = [
            _cov_axis_read(used.levels[j], target.get_level_values(i).unique())
            for i, j in enumerate(order)
        ]
        if any(read is None for read in reads):
            continue
        expr = axis + "".join(
            f".set_levels({axis}.levels[{j}]{read}, level={j})"
            for j, read in zip(order, reads, strict=True)
            if read
        )
        if list(order) != list(range(n)):
            expr += f".reorder_levels({list(order)})"
        if expr == axis:
            return ""
        names: dict[str, Any] = {"z": labels}
        if "R." in expr:
            from povstat.datasets import indonesia_regions  # only on this error path

            names["R"] = indonesia_regions()
        try:
            read_ = eval(expr.replace("{0}", "z"), {}, names)  # as the recipe runs it
        except Exception:  # pragma: no cover - a reading that fails on levels
            continue
        if read_.is_unique and not (
            _missing_from(read_, target) or _missing_from(target, read_)
        ):
            return expr
    return None


def _cov_and_estimates(
    name0: str, x0: Any, name: str, x: Any
) -> tuple[str, Any, str, Any, Any] | None:
    """(estimates' name, estimates, matrix's name, matrix, its key column).

    A pandas covariance DataFrame (an argument named ``cov``) of n rows
    beside a Series of n labelled estimates: n columns, or n + 1 with
    default row labels where the first column is its key (a matrix read
    back from a file without ``index_col``), in which case the key is that
    column's name; else None. Estimates and a matrix indexed by as many
    levels or not (a level one side has more: :func:`_cov_level_drops`),
    with no key where either has a MultiIndex. A polars matrix of n x n
    (its names its only labels) is returned as it is, for
    :func:`_cov_relabelled` to convert.
    """
    pd = sys.modules["pandas"]
    pl = sys.modules.get("polars")
    for (sname, s), (dname, d) in (((name0, x0), (name, x)), ((name, x), (name0, x0))):
        if not (
            _is_pandas(s)
            and _columns(s) is None
            and "cov" in dname
            and s.index.is_unique
            and not _is_default_index(s.index)
        ):
            continue
        if pl is not None and isinstance(d, pl.DataFrame):
            if d.height == d.width == len(s):
                return sname, s, dname, d, None
            continue
        c = _columns(d)
        if not (_is_pandas(d) and c is not None and len(d.index) == len(s)):
            continue
        if len(c) == len(s):
            return sname, s, dname, d, None
        if (
            not isinstance(s.index, pd.MultiIndex)
            and not isinstance(c, pd.MultiIndex)
            and len(c) == len(s) + 1
            and _is_default_index(d.index)
            and (
                any(
                    _cov_axis_read(pd.Index(d.iloc[:, 0]), target) is not None
                    for _, target in _cov_targets(s.index)
                )
                # or its key holds the labels of its other columns (codes
                # beside dotted estimates): a matrix with no recipe yet.
                or _cov_axis_read(pd.Index(c[1:]), pd.Index(d.iloc[:, 0])) is not None
            )
        ):
            return sname, s, dname, d, c[0]
    return None


def _cov_targets(labels: Any) -> list[tuple[str, Any]]:
    """The labels a covariance matrix's axes are read against, with their rename.

    The estimates' own labels (no rename); and, for estimates by region
    name (any spelling povstat reads), the codes of their names, with the
    mapping that renames the estimates to them (their values stay in
    order). The one step both the key-column detection and the recipe use.
    A MultiIndex: its first level of names, renamed with ``level=i`` after
    the mapping (``rename(index=..., level=0)``).
    """
    pd = sys.modules["pandas"]
    targets: list[tuple[str, Any]] = [("", labels)]
    if isinstance(labels, pd.MultiIndex):
        # A level of names, as ``rename(index=..., level=i)`` renames it.
        for i in range(labels.nlevels):
            values = labels.get_level_values(i).unique()
            if not all(
                isinstance(v, str) and re.search(r"[^\W\d_]", v) for v in values
            ):
                continue
            from povstat.datasets import indonesia_regions  # only on this error path

            for spelling, to_code in _region_spellings(indonesia_regions()):
                if all(v in to_code for v in values):
                    renamed = pd.Series(0, index=labels).rename(index=to_code, level=i)
                    targets.append((f"{spelling}, level={i}", renamed.index))
                    return targets
        return targets
    if all(isinstance(v, str) and re.search(r"[^\W\d_]", v) for v in labels):
        from povstat.datasets import indonesia_regions  # only on this error path

        for spelling, to_code in _region_spellings(indonesia_regions()):
            if all(v in to_code for v in labels):
                targets.append((spelling, pd.Index([to_code[v] for v in labels])))
                break
    return targets


def _followed(statements: list[str], names: dict[str, Any]) -> dict[str, Any] | None:
    """The names after running `statements`, as a caller would; None if one fails."""
    import povstat  # the recipe's `povstat.datasets`, only on this error path

    pd = sys.modules["pandas"]
    names = dict(names)
    try:
        for statement in statements:
            exec(statement, {"pandas": pd, "povstat": povstat}, names)
    except Exception:
        return None
    return names


def _cov_relabelled(name0: str, x0: Any, name: str, x: Any) -> str | None:
    """The advice for a covariance matrix labelled otherwise than its estimates.

    The one place a covariance matrix's labels are compared with its
    estimates' (pairing18 F1-F3, pairing19 G1-G3): each axis is read by
    `_cov_axis_read` (the same labels, another kind, dotted codes, capitals,
    names read as codes; the estimates by name are first given the codes of
    their names where the matrix is by code), a matrix read back without
    ``index_col`` is indexed by its key column, and the one recipe relabels
    both axes and aligns both with the estimates (``.loc``). The recipe is
    printed only once run here to give exactly the estimates' labels on
    both axes; else the message says what differs on each axis, and prints
    no code. Never a reorder of its rows alone, nor ``.to_numpy()``.
    Returns None for the matrix labelled as its estimates, and for one whose
    rows alone hold their labels beside positions (`_cov_labelled_on_rows`).
    A MultiIndex matrix beside MultiIndex estimates has its levels read by
    :func:`_cov_levels_read`, and estimates with a level of names are given
    the codes of that level (pairing20 L3, L4). A polars matrix, whose
    names are its only labels, is converted to pandas with its names on
    both axes (a covariance matrix's rows are in the order of its
    columns), then read as a pandas one; where no recipe is found, the
    message says which labels differ and prints no code (pairing20 L1, L2).
    Estimates and a matrix indexed by different numbers of levels (a
    round's month, or the year of one round, on one side only) first drop
    the levels one side has more, the matrix from both its axes
    (:func:`_cov_level_drops`), then are read as above: one rule for every
    covariance matrix, a polars one through ``to_pandas`` (pairing21 M1-M3).
    """
    pd = sys.modules["pandas"]
    found = _cov_and_estimates(name0, x0, name, x)
    if found is None:
        return None
    sname, s, dname, d, key = found
    statements: list[str] = []
    polars_ = not _is_pandas(d)
    if polars_:
        # Read through numpy (the recipe's to_pandas needs pyarrow, which
        # povstat does not: without it the recipe fails to run here, and
        # no code is printed).
        d = pd.DataFrame(d.to_numpy(), index=d.columns, columns=d.columns)
        statements.append(f"{dname} = {dname}.to_pandas().set_axis({dname}.columns)")
    if key is not None:
        # Indexed by its key column, whose labels the axis reader reads.
        statements.append(f"{dname} = {dname}.set_index({key!r})")
        d = d.set_index(key)
    c = _columns(d)
    if key is None and d.index.equals(s.index) and c.equals(s.index):
        return None  # labelled as its estimates: another advice's case
    for drop_s, drop_d in _cov_level_drops(s.index, d.index, c):
        advice = _cov_read_recipe(
            sname,
            s,
            dname,
            x if dname == name else x0,
            d,
            key,
            statements,
            drop_s,
            drop_d,
        )
        if advice is not None:
            return advice or None
    return _cov_not_read(name0, name, sname, s, dname, d, key, polars_)


def _cov_level_drops(
    labels: Any, rows: Any, columns: Any
) -> Iterator[tuple[list[int], list[int]]]:
    """(levels of the estimates dropped, levels of the matrix dropped on both axes).

    None dropped where the estimates' `labels` and the matrix's axes have
    as many levels (or its axes differ in depth: read as they are).
    Otherwise the levels one side has more (a round's month beside
    (region, year), the year of one round beside flat codes), as
    :func:`_reductions` lists them, each side still telling its rows
    apart; the matrix drops the same levels from its rows and columns.
    """
    pd = sys.modules["pandas"]
    depth = [z.nlevels if isinstance(z, pd.MultiIndex) else 1 for z in (labels, rows)]
    depth_c = columns.nlevels if isinstance(columns, pd.MultiIndex) else 1
    if depth[0] == depth[1] or depth[1] != depth_c:
        yield [], []
        return
    for drop_s, drop_d, order in _reductions(labels, rows):
        if len(drop_s) + len(drop_d) != abs(depth[0] - depth[1]):
            return  # fewer levels kept than the shallower side has
        if order != sorted(order):
            continue  # the levels' order is read by _cov_levels_read
        if drop_d and not columns.droplevel(drop_d).is_unique:
            continue
        yield drop_s, drop_d


def _cov_read_recipe(
    sname: str,
    s: Any,
    dname: str,
    given: Any,
    d: Any,
    key: Any,
    statements: list[str],
    drop_s: list[int],
    drop_d: list[int],
) -> str | None:
    """The advice of :func:`_cov_relabelled` with one choice of levels dropped.

    `given` is the matrix as passed, `d` as read (a pandas one, indexed by
    its key column); `statements` the code that reads it so. The levels
    `drop_s` of the estimates, `drop_d` of both axes of the matrix, are
    dropped first. Returns the advice, printed only once run here to give
    exactly the estimates' labels on both axes; "" where another advice's
    case is found (its rows alone hold the labels; a polars matrix of the
    same names in another order); None where no recipe is found.
    """
    pd = sys.modules["pandas"]
    polars_ = not _is_pandas(given)
    c = _columns(d)
    labels, rows_, cols_ = s.index, d.index, c
    statements = list(statements)
    dropped = []
    if drop_s:
        labels = labels.droplevel(drop_s)
        ref = _level_ref(s.index, drop_s)
        statements.append(f"{sname} = {sname}.droplevel({ref!r})")
        dropped.append(_dropped_said(sname, s.index, drop_s, ""))
    if drop_d:
        rows_, cols_ = rows_.droplevel(drop_d), cols_.droplevel(drop_d)
        ref, ref_c = _level_ref(d.index, drop_d), _level_ref(c, drop_d)
        statements.append(
            f"{dname} = {dname}.droplevel({ref!r}, axis=0).droplevel({ref_c!r}, axis=1)"
        )
        dropped.append(_dropped_said(dname, d.index, drop_d, " on both its axes"))
    drops = bool(drop_s or drop_d)
    levels = isinstance(labels, pd.MultiIndex)
    # Estimates by name beside a matrix by code: the estimates are given
    # the codes of their names (the step the key-column detection uses).
    for spelling, target in _cov_targets(labels):
        rows, cols = (
            (_cov_levels_read(rows_, target), _cov_levels_read(cols_, target))
            if levels
            else (_cov_axis_read(rows_, target), _cov_axis_read(cols_, target))
        )
        if cols is None and rows == "" and key is None and not (spelling or drops):
            return ""  # its rows alone hold the labels: _cov_labelled_on_rows
        if rows is None or cols is None:
            continue
        if polars_ and not (rows or cols or spelling or drops):
            # The same names in another order: the estimates are put in the
            # order of its columns (the advice for any polars frame).
            return ""

        def axis(ax: str, read: str) -> str:
            # A levels reading is an expression of the axis ("{0}"), a flat
            # one the code after it.
            return (read if levels else "{0}" + read).replace("{0}", f"{dname}.{ax}")

        fix = "".join(
            f".set_axis({axis(ax, read)}, axis={k})"
            for k, (ax, read) in enumerate((("index", rows), ("columns", cols)))
            if read
        )
        steps = list(statements)
        if "R." in rows + cols or spelling:
            steps.append("R = povstat.datasets.indonesia_regions()")
        if spelling:
            steps.append(f"{sname} = {sname}.rename(index={spelling})")
        steps.append(f"{dname} = {dname}{fix}.loc[{sname}.index, {sname}.index]")
        after = _followed(steps, {sname: s, dname: given})
        if after is None:
            continue
        s1, d1 = after[sname], after[dname]
        if not (
            list(d1.index) == list(d1.columns) == list(s1.index)
            and [type(v) for v in d1.index]
            == [type(v) for v in d1.columns]
            == [type(v) for v in s1.index]
            and np.array_equal(s1.to_numpy(), s.to_numpy(), equal_nan=True)
        ):
            continue
        recipe = ", then ".join(f"`{step}`" for step in steps)
        if not (fix or spelling or drops or key is not None):
            return (
                f"`{dname}` is a covariance matrix of `{sname}` and they hold "
                "the same labels in another order: align both its axes with "
                f"`{sname}`, {recipe}; not .to_numpy(), which would pair them "
                "by position, one label's value with another's"
            )
        as_ = (
            f"give `{sname}` the codes of its names, both axes of `{dname}` "
            "those codes,"
            if spelling
            else f"give both its axes the labels of `{sname}`"
            if fix
            else ""
        )
        if drops:
            what_ = "level" if len(drop_s) + len(drop_d) == 1 else "levels"
            as_ = f"drop the {what_} one side has more ({'; '.join(dropped)})" + (
                f", {as_}" if as_ else ","
            )
        keyed_ = (
            f" (its key column {key!r}, as a file read without `index_col` gives)"
            if key is not None
            else ""
        )
        if polars_:
            as_ = (
                "convert it to pandas with its names on its rows too (a "
                "covariance matrix's rows are in the order of its columns), " + as_
            )
        axes = (
            f"a polars DataFrame, its columns {_some([plain(v) for v in c])}, "
            "its only labels"
            if polars_
            else f"its rows{keyed_} {_some([plain(v) for v in d.index])}, its "
            f"columns {_some([plain(v) for v in c])}"
        )
        return (
            f"`{dname}` is a covariance matrix of `{sname}` labelled otherwise "
            f"({axes}, `{sname}` "
            f"{_some([plain(v) for v in s.index])}), and it must hold the "
            f"labels of `{sname}` on both its index and its columns, in their "
            f"order: {as_} and align both, {recipe}; not `{sname}.to_numpy()` "
            "nor a column of it (the estimates are one value per area), and not "
            "a reorder of its rows alone"
        )
    return None


def _dropped_said(n: str, z: Any, drop: list[int], where: str) -> str:
    """The levels `drop` of `z` (of argument `n`) a recipe drops, for a message."""
    said = []
    for lv in drop:
        values = z.get_level_values(lv).unique()
        one = f" of one value ({plain(values[0])!r})" if len(values) == 1 else ""
        said.append(f"level {_level_ref(z, [lv])!r}{one}")
    return f"`{n}` has {' and '.join(said)} more{where}"


def _cov_not_read(
    name0: str,
    name: str,
    sname: str,
    s: Any,
    dname: str,
    d: Any,
    key: Any,
    polars_: bool,
) -> str:
    """The advice for a covariance matrix no recipe relabels: no code printed.

    Says what differs on each axis (and level by level where the matrix
    and its estimates are indexed by different numbers of levels).
    """
    pd = sys.modules["pandas"]
    c = _columns(d)
    depths = {z.nlevels if isinstance(z, pd.MultiIndex) else 1 for z in (s.index, c)}
    levels_ = (
        f"; level by level: {_levels_said(sname, s.index, dname, c)}"
        if len(depths) > 1
        else ""
    )
    if polars_:
        parts = [
            f"{_some(only_)} in `{n}` only"
            for n, only_ in (
                (
                    name0,
                    _missing_from(*((s.index, c) if sname == name0 else (c, s.index))),
                ),
                (
                    name,
                    _missing_from(*((c, s.index) if sname == name0 else (s.index, c))),
                ),
            )
            if only_
        ]
        return (
            f"they hold different labels ({'; '.join(parts)}){levels_}: `{dname}` "
            f"is a covariance matrix of `{sname}`, a polars DataFrame whose names "
            "are its only labels, and povstat finds no conversion of them that "
            f"gives the labels of `{sname}`; name its columns as `{sname}` is "
            f"labelled (the same areas, written the same way), then put "
            f"`{sname}` in the order of its columns and check that no value is "
            "missing; not .to_numpy(), which would pair them by position"
        )

    def differs(labels: Any) -> str:
        only, missing = _missing_from(labels, s.index), _missing_from(s.index, labels)
        if not (only or missing):
            return "the labels of `" + sname + "` in another order"
        parts = []
        if only:
            parts.append(f"{_some([plain(v) for v in only])} not in `{sname}`")
        if missing:
            parts.append(f"none of {_some([plain(v) for v in missing])}")
        return ", ".join(parts)

    keyed_ = f" (its key column {key!r})" if key is not None else ""
    return (
        f"`{dname}` is a covariance matrix of `{sname}`, and it must hold the "
        f"labels of `{sname}` ({_some([plain(v) for v in s.index])}) on both its "
        f"index and its columns: its rows{keyed_} hold {differs(d.index)}, its "
        f"columns hold {differs(c)}{levels_}, and povstat finds no conversion of them "
        f"that gives the labels of `{sname}` on both axes; label both its axes "
        f"as `{sname}` is labelled (the same areas, written the same way), then "
        "align both axes with it by label; not by position"
    )


def _key_column_frame(name0: str, x0: Any, name: str, x: Any) -> str | None:
    """The advice for a frame whose first column holds a Series' labels.

    A regions x years frame written to a file and read back without
    ``index_col``: row numbers 0..n-1, its key (``region_code``) a column,
    beside a Series of one value per region. Whatever its number of
    columns, the key is no data column: the frame is indexed by it (read
    by the kind conversion of a covariance matrix's axes), and the Series
    aligned with its rows, passed as a column; printed only once run here
    to give the Series' values, each found, on the frame's rows
    (pairing19 G4).
    """
    pd = sys.modules["pandas"]
    if not (_is_pandas(x0) and _is_pandas(x)):
        return None
    for (sname, s), (dname, d) in (((name0, x0), (name, x)), ((name, x), (name0, x0))):
        c = _columns(d)
        if not (
            _columns(s) is None
            and c is not None
            and len(c) >= 3
            and not isinstance(c, pd.MultiIndex)
            and len(d.index) == len(s)
            and _is_default_index(d.index)
            and not _is_default_index(s.index)
            and s.index.is_unique
            and not isinstance(s.index, pd.MultiIndex)
        ):
            continue
        key = c[0]
        read = _cov_axis_read(pd.Index(d[key]), s.index)
        if read is None or (read and not re.fullmatch(r"\.astype\(\w+\)", read)):
            continue
        astype = f".astype({{{key!r}: {read[len('.astype(') : -1]}}})" if read else ""
        steps = [f"{dname} = {dname}{astype}.set_index({key!r})"]
        column = f"{sname}.reindex({dname}.index).to_numpy()[:, None]"
        after = _followed([*steps, f"column_ = {column}"], {sname: s, dname: d})
        if after is None:
            continue
        d1, v = after[dname], after["column_"]
        if not (
            v.shape == (len(s), 1)
            and not np.isnan(v.astype(float)).any()
            and np.array_equal(v[:, 0], s.reindex(d1.index).to_numpy())
        ):
            continue
        return (
            f"the labels of `{dname}` are row numbers (0..{len(d.index) - 1}), as "
            "a frame read from a file without index_col gives, and its first "
            f"column, {key!r}, is its key, holding the labels of `{sname}`, not a "
            f"data column: index `{dname}` by it, `{steps[0]}`, then pass "
            f"`{sname}` as a column aligned with its rows, `{column}`; not "
            f"`{sname}.to_numpy()`, which would pair its values with the columns "
            f"of `{dname}`"
        )
    return None


def _cov_labelled_on_rows(name0: str, x0: Any, name: str, x: Any) -> str | None:
    """The advice for a covariance DataFrame whose rows alone hold the labels.

    ``pandas.DataFrame(array, index=estimates.index)``, or a file of
    "label, v1, v2, ..." rows read with ``header=None, index_col=0``: the
    rows hold the labels of the estimates (each once), the columns other
    labels. A covariance matrix pairs with the estimates on both axes, so
    the advice labels its columns as its rows (``set_axis``), then aligns
    both axes with the estimates where the rows are in another order; it
    holds if the columns are in the order of the rows, as a covariance
    matrix's are. Never the advice for a Series beside a table (pass it as
    a column): the estimates must stay one value per area.
    """
    if not (_is_pandas(x0) and _is_pandas(x)):
        return None
    found = next(
        (
            (sname, s, dname, d)
            for (sname, s), (dname, d) in (
                ((name0, x0), (name, x)),
                ((name, x), (name0, x0)),
            )
            if _columns(s) is None
            and _columns(d) is not None
            and "cov" in dname
            and len(d.index) == len(d.columns) == len(s)
            and d.index.is_unique
            and not _missing_from(s.index, d.index)
            and not _missing_from(d.index, s.index)
            and not _one_label_set(d)
        ),
        None,
    )
    if found is None:
        return None
    sname, s, dname, d = found
    c = _columns(d)
    missing = d.isna().to_numpy().any(axis=1)
    if missing.any():
        # Labelling its columns would keep the missing values: a matrix
        # reindexed on labels it does not hold (names against codes, say)
        # gives NaN rows, and NaN rank intervals after it.
        return (
            f"`{dname}` holds the labels of `{sname}` on its rows only, and "
            f"its rows {_some([plain(v) for v in d.index[missing]])} hold "
            "missing values (NaN), as a reindex on labels the matrix does not "
            "hold gives (names against codes, say): a covariance matrix holds "
            "a value for every pair of areas; go back to the matrix as read, "
            f"label both its axes as `{sname}` is labelled (the same areas, "
            "written the same way), then align both axes with it by label"
        )
    in_order = s.index.equals(d.index)
    # Columns that hold the labels as another kind (a file read back) are
    # read by _cov_relabelled: here they are positions, or other labels.
    relabel = f"{dname}.set_axis({dname}.index, axis=1)"
    how = (
        f"`{relabel}`"
        if in_order
        else f"`{relabel}.loc[{sname}.index, {sname}.index]`, which also puts "
        f"both axes in the order of `{sname}`"
    )
    return (
        f"`{dname}` holds the labels of `{sname}` on its rows only (its "
        f"columns are {_some([plain(v) for v in c])}, as "
        "`pandas.DataFrame(array, index=...)` or a file read with "
        "`header=None, index_col=0` gives), and a covariance matrix must hold "
        "them on both its index and its columns: if its columns are in the "
        f"order of its rows, give them its row labels, {how}"
    )


def _levels_in_other_order(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for two MultiIndexes holding the same labels, levels swapped.

    A pivot with ``columns=["year", "month"]`` beside one with
    ``columns=["month", "year"]``: the rounds are the same, each written
    with its levels in another order (and sorted by another level first),
    so ``.to_numpy()`` would pair one round with another. The levels are
    put in the other's order (``reorder_levels``), then aligned.
    """
    pd = sys.modules["pandas"]
    if not (isinstance(a, pd.MultiIndex) and isinstance(b, pd.MultiIndex)):
        return None
    if a.nlevels != b.nlevels or not b.is_unique:
        return None
    for order in itertools.permutations(range(b.nlevels)):
        if list(order) == list(range(b.nlevels)):
            continue
        moved = b.reorder_levels(list(order))
        if _missing_from(moved, a) or _missing_from(a, moved):
            continue
        _, axis_kw, reindex_kw = _labels_of(name, x, what)
        target, _, _ = _labels_of(name0, x0, what)
        levels_ = list(order)
        how = (
            f"`{name}.reorder_levels({levels_}{axis_kw}).reindex({reindex_kw}{target})`"
        )
        names_ = [n for n in b.names]
        said = (
            f" (levels {names_!r} in `{name}`, {list(a.names)!r} in `{name0}`)"
            if any(n is not None for n in names_)
            else ""
        )
        return (
            f"they hold the same labels with their levels in another order{said}: "
            f"put the levels of `{name}` in the order of those of `{name0}` and "
            f"align them, {how}; not .to_numpy(), which would pair them by "
            "position, and their orders differ"
        )
    return None


def _one_value_levels(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for labels that differ only in a level of one value on each side.

    Each year's slice of a table indexed by ``["region_code", "year"]``
    keeps its year as a level: the 2022 rows beside the 2023 rows share no
    label, though their regions are the same. Dropping that level leaves
    the regions, to align by.
    """
    pd = sys.modules["pandas"]
    if not (isinstance(a, pd.MultiIndex) and isinstance(b, pd.MultiIndex)):
        return None
    if a.nlevels != b.nlevels or a.nlevels < 2 or list(a.names) != list(b.names):
        return None
    for i in range(a.nlevels):
        va, vb = a.get_level_values(i).unique(), b.get_level_values(i).unique()
        if len(va) != 1 or len(vb) != 1 or _same_label(va[0], vb[0]):
            continue
        ra, rb = a.droplevel(i), b.droplevel(i)
        if not (ra.is_unique and rb.is_unique):
            continue
        if _missing_from(ra, rb) or _missing_from(rb, ra):
            continue
        level_ = a.names[i]
        lv = repr(level_) if level_ is not None else str(i)
        on0, axis0, _ = _labels_of(name0, x0, what)
        _, axis1, re1 = _labels_of(name, x, what)
        keep = f"`{name0}.droplevel({lv}{axis0})`"
        align = f"`{name}.droplevel({lv}{axis1}).reindex({re1}{on0}.droplevel({lv}))`"
        return (
            f"their labels differ only in level {lv}, which holds one value in "
            f"each ({plain(va[0])!r} in `{name0}`, {plain(vb[0])!r} in `{name}`): "
            f"drop that level and align them, e.g. {keep} beside {align}; "
            f"{_to_numpy_said(ra, rb)}"
        )
    return None


def _set_axis(labels: str) -> Callable[[str, str], str]:
    """The conversion ``.set_axis(...)`` of :func:`_converted_labels_advice`.

    `labels` is the code of the new labels, with "{}" where the expression
    of the old ones goes ("pandas.to_datetime({})").
    """
    return lambda own, kw: f".set_axis({labels.replace('{}', own)}{kw})"


def _renamed(mapping: str) -> Callable[[str, str], str]:
    """The conversion ``.rename(index=mapping)`` (or ``columns=``) of the labels."""
    return lambda _, kw: f".rename({'columns' if kw else 'index'}={mapping})"


def _converted_labels_advice(
    converted: Any,
    own: tuple[str, Any],
    target: tuple[str, Any, Any],
    what: str,
    convert: Callable[[str, str], str],
    noun: str,
) -> tuple[str, bool, str] | None:
    """(code, same order, closing) aligning labels converted to another's kind.

    `converted` are the labels of argument `own` (its name and value)
    converted to the kind of those of `target` (name, value, labels);
    `convert` writes that conversion as code after the name, from the
    expression of the labels and the ``set_axis`` keyword (", axis=1" for
    columns). None where the converted labels are not the target's, one
    to one. The code reindexes them only where their orders differ, and
    the closing says then that ``.to_numpy()`` would pair one `noun` with
    another.

    >>> import pandas as pd
    >>> _converted_labels_advice(
    ...     pd.Index([3502, 3501]),
    ...     ("rate", None),
    ...     ("pop", None, pd.Index([3501, 3502])),
    ...     "index",
    ...     _set_axis("{}.astype(int)"),
    ...     "region",
    ... )  # doctest: +NORMALIZE_WHITESPACE
    ('`rate.set_axis(rate.index.astype(int)).reindex(pop.index)`', False,
     '; not .to_numpy(), which would pair one region with another')
    """
    on, ox = own
    tn, tx, tz = target
    if (
        not converted.is_unique
        or _missing_from(converted, tz)
        or _missing_from(tz, converted)
    ):
        return None
    # The reindex is of `own`: its keyword is its own (``columns=`` for a
    # DataFrame's columns, none for a Series beside them).
    labels, set_kw, reindex_kw = _labels_of(on, ox, what)
    aligned, _, _ = _labels_of(tn, tx, what)
    same = bool(converted.equals(tz))
    reindex = "" if same else f".reindex({reindex_kw}{aligned})"
    closing = (
        "" if same else f"; not .to_numpy(), which would pair one {noun} with another"
    )
    return f"`{on}{convert(labels, set_kw)}{reindex}`", same, closing


def _aligning(
    said: str,
    aligned: tuple[str, bool, str],
    instruction: str,
    *,
    unequal: str = "",
    order: str = ", in other orders",
) -> str:
    """The sentence of an advice that converts one side's labels, then aligns.

    `said` tells what the two sides hold, `order` is added where their
    orders differ, `unequal` after it, then `instruction` and the code and
    closing of :func:`_converted_labels_advice` (its `aligned`).

    >>> _aligning("they hold the same codes", ("`x`", False, "; not y"), "fix")
    'they hold the same codes, in other orders: fix and align them, `x`; not y'
    """
    how, same, closing = aligned
    return (
        f"{said}{'' if same else order}{unequal}: {instruction} and align them, "
        f"{how}{closing}"
    )


def _numbers_beside_number_texts(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for float labels beside the same numbers written as text.

    A sheet's dotted codes read as numbers (35.73; a spreadsheet reads
    "35.73" so) beside the same codes kept as text ("35.73", "35.79 "):
    no label of one kind equals one of the other, and :func:`_label_texts`
    reads integral floats only. The text is read as floats, checked here to
    give the other's labels, then aligned.
    """
    pd = sys.modules["pandas"]
    for (tn, tx, tz), (cn, cx, cz) in (
        ((name0, x0, a), (name, x, b)),
        ((name, x, b), (name0, x0, a)),
    ):
        if isinstance(tz, pd.MultiIndex) or isinstance(cz, pd.MultiIndex):
            continue
        if tz.dtype.kind != "f" or not all(
            isinstance(v, str) and _CODE_TEXT.fullmatch(v) for v in cz
        ):
            continue
        read = [float(v) for v in cz]
        aligned = _converted_labels_advice(
            pd.Index(read),
            (cn, cx),
            (tn, tx, tz),
            what,
            _set_axis("{}.astype(float)"),
            "region"
            if all(_DOTTED_OR_PROVINCE.fullmatch(v.strip()) for v in cz)
            else "label",
        )
        if aligned is None:
            continue
        return _aligning(
            f"they hold the same numbers, `{tn}` as floats and `{cn}` as text "
            f"(e.g. {plain(tz[0])!r} and {plain(cz[read.index(float(tz[0]))])!r})",
            aligned,
            f"give the labels of `{cn}` the kind of those of `{tn}`",
            unequal=", and no label of one kind equals one of the other",
        )
    return None


#: Each rewriting of :data:`_SPELLING_FIXES` as a function that
#: ``rename(..., level=i)`` applies to each label of one level.
_SPELLING_FUNCTIONS = {
    ".str.strip()": "str.strip",
    ".str.title()": "str.title",
    ".str.upper()": "str.upper",
    ".str.strip().str.title()": "lambda v: v.strip().title()",
    ".str.strip().str.upper()": "lambda v: v.strip().upper()",
}


def _renamed_level(func: str, level: int) -> Callable[[str, str], str]:
    """The conversion ``.rename(index=func, level=level)`` of one level's labels."""
    return lambda _, kw: (
        f".rename({'columns' if kw else 'index'}={func}, level={level})"
    )


def _level_spelt_otherwise(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for MultiIndexes whose names in one level are written otherwise.

    Region names in capitals in the first level of a ("KOTA BATU",
    "total") index, beside povstat's names: where a change of case or
    spaces in that one level (:data:`_SPELLING_FIXES`) gives one side the
    other's labels (checked here), it is renamed, then aligned.
    """
    pd = sys.modules["pandas"]
    if not (isinstance(a, pd.MultiIndex) and isinstance(b, pd.MultiIndex)):
        return None
    if a.nlevels != b.nlevels:
        return None
    if not (_missing_from(a, b) or _missing_from(b, a)):
        return None  # the same labels in another order: nothing written otherwise
    for (tn, tx, tz), (cn, cx, cz) in (
        ((name0, x0, a), (name, x, b)),
        ((name, x, b), (name0, x0, a)),
    ):
        for i in range(cz.nlevels):
            if not all(isinstance(v, str) for v in cz.levels[i]):
                continue
            for fix, rewrite in _SPELLING_FIXES:
                new = pd.MultiIndex.from_tuples(
                    [(*t[:i], rewrite(t[i]), *t[i + 1 :]) for t in cz]
                )
                func = _SPELLING_FUNCTIONS[fix]
                aligned = _converted_labels_advice(
                    new,
                    (cn, cx),
                    (tn, tx, tz),
                    what,
                    _renamed_level(func, i),
                    "region",
                )
                if aligned is None:
                    continue
                return _aligning(
                    f"they hold the same labels, with the names in level {i} "
                    f"written otherwise (e.g. {plain(cz[0][i])!r} in `{cn}`)",
                    aligned,
                    f"write those of `{cn}` as `{tn}` does",
                )
    return None


def _periods_of_two_frequencies(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for periods of two frequencies holding one period each.

    BPS's March round as a quarter ("2023Q1") on one side and as a month
    ("2023-03") on the other: no period of one frequency equals one of the
    other. The finer periods are given the coarser frequency
    (``asfreq``), checked here to give the other's labels one to one, then
    aligned.
    """
    pd = sys.modules["pandas"]
    if not (isinstance(a, pd.PeriodIndex) and isinstance(b, pd.PeriodIndex)):
        return None
    if a.freqstr == b.freqstr or len(a) == 0 or len(b) == 0:
        return None
    for (tn, tx, tz), (cn, cx, cz) in (
        ((name0, x0, a), (name, x, b)),
        ((name, x, b), (name0, x0, a)),
    ):
        span_t = tz[0].end_time - tz[0].start_time
        if not cz[0].end_time - cz[0].start_time < span_t:
            continue  # the coarser periods are kept, the finer converted
        try:
            new = cz.asfreq(tz.freqstr)
        except (
            ValueError,
            TypeError,
        ):  # pragma: no cover - frequencies that do not convert
            return None
        aligned = _converted_labels_advice(
            new,
            (cn, cx),
            (tn, tx, tz),
            what,
            _set_axis("{}" + f".asfreq({tz.freqstr!r})"),
            "period",
        )
        if aligned is None:
            return None
        partner = cz[list(new).index(tz[0])]
        return _aligning(
            f"they hold periods of two frequencies, `{tn}` {tz.freqstr!r} and "
            f"`{cn}` {cz.freqstr!r} (e.g. {str(tz[0])!r} and {str(partner)!r})",
            aligned,
            f"give those of `{cn}` the frequency of those of `{tn}`",
            unequal=", and no period of one frequency equals one of the other",
        )
    return None


def _names_beside_codes(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for Indonesian region names on one side, their codes on the other.

    A pivot indexed by ``region_name`` beside one indexed by
    ``region_code``: the same regions, named two ways, and in two orders
    (names sort alphabetically, codes by number), so ``.to_numpy()`` would
    pair one region with another. The names are mapped to codes with
    povstat's own list of regions
    (:func:`povstat.datasets.indonesia_regions`), checked here to give the
    other's labels, then aligned.
    """
    pd = sys.modules["pandas"]
    if isinstance(a, pd.MultiIndex) or isinstance(b, pd.MultiIndex):
        return None
    if not all(isinstance(v, str) for z in (a, b) for v in z):
        return None  # names and codes are text
    from povstat.datasets import indonesia_regions  # only on this error path

    regions = indonesia_regions()
    for (nn, nx, nz), (cn, cx, cz) in (
        ((name0, x0, a), (name, x, b)),
        ((name, x, b), (name0, x0, a)),
    ):
        if not all(_CODE_LABEL.fullmatch(v) for v in cz) or not all(
            re.search(r"[^\W\d_]", v) for v in nz
        ):
            continue  # area codes on one side, names or other text on the other
        order = ", and in other orders (names sort alphabetically, codes by number)"
        for spelling, to_code in _region_spellings(regions):
            if not all(v in to_code for v in nz):
                continue
            aligned = _converted_labels_advice(
                pd.Index([to_code[v] for v in nz]),
                (nn, nx),
                (cn, cx, cz),
                what,
                _renamed(spelling),
                "region",
            )
            if aligned is None:
                continue
            how, same, closing = aligned
            return _aligning(
                f"they hold the same regions, `{nn}` by name and `{cn}` by code",
                (
                    f"with `R = povstat.datasets.indonesia_regions()`, {how}",
                    same,
                    closing,
                ),
                f"give `{nn}` the codes of its names",
                order=order,
            )
        carried = pd.Index(
            [m[1] if (m := _CARRIED_CODE.search(v)) else None for v in nz], dtype=object
        )
        aligned = (
            _converted_labels_advice(
                carried,
                (nn, nx),
                (cn, cx, cz),
                what,
                _set_axis(
                    f'{{}}.str.extract(r"{_CARRIED_CODE.pattern}", expand=False)'
                ),
                "region",
            )
            if carried.notna().all()
            else None
        )
        if aligned is not None:
            return _aligning(
                f"the labels of `{nn}` carry the codes that `{cn}` is labelled by "
                f"(e.g. {plain(nz[0])!r})",
                aligned,
                "take the code out",
                order=", in another order",
            )
        target, _, reindex_kw = _labels_of(cn, cx, what)
        return (
            f"`{nn}` is labelled by name or other text ({_some(nz)}) and "
            f"`{cn}` by area code ({_some(cz)}): give `{nn}` the codes of its "
            "names (povstat.datasets.indonesia_regions() lists each code's "
            "region_name, official_name and bps_names), then align them "
            f"(`.reindex({reindex_kw}{target})`, and check that no value is "
            "missing); not .to_numpy(): names and codes sort in different "
            "orders, so pairing them by position pairs one region with another"
        )
    return None


#: An area code alone as a label: "35", "3501".
_CODE_LABEL = re.compile(r"[0-9]{2}(?:[0-9]{2})?")
#: The first area code written in a label: "Kabupaten Bangkalan \u2013 3526",
#: "[3501] KABUPATEN PACITAN", "35 Jawa Timur".
_CARRIED_CODE = re.compile(r"(?<![0-9])([0-9]{4}|[0-9]{2})(?![0-9])")


def _region_spellings(regions: Any) -> list[tuple[str, dict[str, str]]]:
    """(Python expression, name -> code) of each spelling of povstat's regions.

    The expression builds the mapping from ``R =
    povstat.datasets.indonesia_regions()``, for a message to print: the
    names as povstat writes them, in capitals, the official names, BPS's
    (its tables' provinces in capitals, regencies bare) and with "Kab.".
    """
    code = list(regions["region_code"])
    name = list(regions["region_name"])
    official = list(regions["official_name"])
    bps = list(regions["bps_names"])
    return [
        ("dict(zip(R.region_name, R.region_code))", dict(zip(name, code, strict=True))),
        (
            "dict(zip(R.region_name.str.upper(), R.region_code))",
            dict(zip([n.upper() for n in name], code, strict=True)),
        ),
        (
            "dict(zip(R.official_name, R.region_code))",
            dict(zip(official, code, strict=True)),
        ),
        (
            "dict(zip(R.official_name.str.upper(), R.region_code))",
            dict(zip([n.upper() for n in official], code, strict=True)),
        ),
        (
            "{n: c for c, ns in zip(R.region_code, R.bps_names) "
            "for n in ns.split('|')}",
            {n: c for c, ns in zip(code, bps, strict=True) for n in ns.split("|")},
        ),
        (
            "dict(zip(R.region_name.str.replace('Kabupaten ', 'Kab. '), "
            "R.region_code))",
            dict(
                zip([n.replace("Kabupaten ", "Kab. ") for n in name], code, strict=True)
            ),
        ),
        (
            "{n.upper(): c for c, ns in zip(R.region_code, R.bps_names) "
            "for n in ns.split('|')}",
            {
                n.upper(): c
                for c, ns in zip(code, bps, strict=True)
                for n in ns.split("|")
            },
        ),
    ]


def _region_codes(values: list[Any]) -> tuple[str | None, dict[Any, str]] | None:
    """(rename argument, label -> code) reading distinct labels as regions of the list.

    Each label of `values` (the distinct labels of an index, or of one
    level of a MultiIndex) as one region of povstat's list
    (:func:`povstat.datasets.indonesia_regions`), one to one: area codes
    as text ("3507": no rename, None), as integers (3507: ``str``), with
    Kemendagri's dot ("35.07", read as :func:`_dotted_codes_beside_numbers`
    reads it), as floats (35.07, read by
    :func:`povstat._regions.dotted_floats`), or names in one spelling of
    :func:`_region_spellings` (povstat's, official, BPS's bare regencies
    "Pacitan" or in capitals "PACITAN", "Kab."). The rename argument is
    code for ``.rename(index=...)`` (with ``R =
    povstat.datasets.indonesia_regions()``), applied to each label; None
    where the labels are not all regions so read.

    >>> _region_codes([3507, 3573])
    ('str', {3507: '3507', 3573: '3573'})
    >>> _region_codes(["Pacitan", "Ponorogo"])[1]
    {'Pacitan': '3501', 'Ponorogo': '3502'}
    """
    from povstat import _regions  # the list is read only on this error path

    known = _regions.known_codes()
    out: dict[Any, str] | None = None
    expr: str | None = None
    if all(isinstance(v, str) and _CODE_LABEL.fullmatch(v) for v in values):
        out = {v: v for v in values}
    elif all(
        isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
        for v in values
    ):
        out, expr = {v: str(v) for v in values}, "str"
    elif all(
        isinstance(v, str) and _DOTTED_OR_PROVINCE.fullmatch(v.strip()) for v in values
    ) and any("." in v for v in values):
        out = {v: v.strip().replace(".", "") for v in values}
        expr = "lambda v: v.strip().replace('.', '')"
    elif all(isinstance(v, (float, np.floating)) for v in values):
        read = _regions.dotted_floats(values)
        if read is None or "" in read.values():
            return None
        out = dict(read)
        expr = "lambda v: f'{v:.2f}'.replace('.', '').removesuffix('00')"
    elif all(isinstance(v, str) for v in values):
        from povstat.datasets import indonesia_regions  # only on this error path

        # A bare "Malang" (Kabupaten or Kota Malang) is read only where the
        # column tells which it is ("Gorontalo" beside "Kabupaten
        # Gorontalo": the province), and as the spelling reads it (H7).
        several = [v for v in values if _names_several(v)]
        column = dict(zip(values, _side_keys(values), strict=True)) if several else {}
        for spelling, to_code in _region_spellings(indonesia_regions()):
            if all(v in to_code for v in values) and all(
                column[v] == ("region", to_code[v]) for v in several
            ):
                out = {v: to_code[v] for v in values}
                expr = spelling
                break
    if out is None or not set(out.values()) <= known:
        return None
    if len(set(out.values())) != len(out):
        return None  # two labels of one region: not one to one
    return expr, out


class _Relabelled(NamedTuple):
    """How two indexes naming the same rows are given one set of labels.

    Each side first drops levels (`drop0`, `drop`: level names or
    positions), the second puts its remaining levels in the first's order
    (`order`), then each renames levels read as regions (`steps0`,
    `steps`, by position after the drops).
    """

    steps0: list[tuple[int, str]]  # (level, rename argument) of the first
    steps: list[tuple[int, str]]  # of the second
    same: bool  # already in one order
    multi: bool  # MultiIndexes once reduced, renamed level by level
    example: tuple[str, str]  # a label of the first and its partner (reprs)
    drop0: tuple[Any, ...] = ()  # levels of the first dropped
    drop: tuple[Any, ...] = ()  # of the second
    order: tuple[int, ...] = ()  # reorder_levels of the second, once dropped
    #: What differs, level by level: ("drop", side, level, its one value
    #: or ""), ("order",), ("read", level).
    said: tuple[tuple[Any, ...], ...] = ()
    #: Two labels paired once levels are dropped from both sides whose
    #: dropped parts differ (('3504', 2023) and ('3504', 2022)): dropping
    #: would pair the values of other labels (pairing23 G1). None if alike.
    unlike: tuple[str, str] | None = None


def _relabelled_levels(a: Any, b: Any) -> tuple[list[list[Any]], list[Any]] | None:
    """(renames of each side, the labels of both as codes) of two like indexes.

    `a` and `b` are both flat or both MultiIndexes of as many levels; each
    level whose labels differ between the two is read as regions
    (:func:`_region_codes`). None unless both then hold the same labels,
    each once.
    """
    pd = sys.modules["pandas"]
    multi = isinstance(a, pd.MultiIndex)
    n = a.nlevels if multi else 1
    sides = []
    for z in (a, b):
        levels = [z.get_level_values(i) for i in range(n)] if multi else [z]
        sides.append([list(v) for v in levels])
    steps: list[list[Any]] = [[], []]
    for i in range(n):
        ua, ub = pd.Index(sides[0][i]).unique(), pd.Index(sides[1][i]).unique()
        if not (_missing_from(ua, ub) or _missing_from(ub, ua)):
            continue  # this level pairs as it is
        read0, read1 = _region_codes(list(ua)), _region_codes(list(ub))
        if read0 is None or read1 is None:
            return None
        for k, (expr, codes) in enumerate((read0, read1)):
            steps[k].append((i, expr))
            sides[k][i] = [codes[v] for v in sides[k][i]]
    if multi:
        a1, b1 = (pd.MultiIndex.from_arrays(side) for side in sides)
    else:
        a1, b1 = (pd.Index(side[0], dtype=object) for side in sides)
    if not (a1.is_unique and b1.is_unique) or _missing_from(a1, b1):
        return None
    if _missing_from(b1, a1):
        return None
    return steps, [a1, b1]


def _reductions(a: Any, b: Any) -> Iterator[tuple[list[int], list[int], list[int]]]:
    """(levels of `a` dropped, of `b` dropped, order of those of `b` kept).

    First none; then as many levels kept on each side as may be, each side
    still telling its rows apart (unique) once its levels are dropped.
    """
    pd = sys.modules["pandas"]
    na = a.nlevels if isinstance(a, pd.MultiIndex) else 1
    nb = b.nlevels if isinstance(b, pd.MultiIndex) else 1
    for k in range(min(na, nb), 0, -1):
        for keep_a in itertools.combinations(range(na), k):
            drop_a = [i for i in range(na) if i not in keep_a]
            if drop_a and not a.droplevel(drop_a).is_unique:
                continue
            for keep_b in itertools.combinations(range(nb), k):
                drop_b = [i for i in range(nb) if i not in keep_b]
                if drop_b and not b.droplevel(drop_b).is_unique:
                    continue
                for order in itertools.permutations(range(k)):
                    yield drop_a, drop_b, list(order)


def _level_ref(z: Any, levels: list[int]) -> Any:
    """Levels of `z` as code names them: by name where each has its own."""
    names = [z.names[i] for i in levels]
    if all(isinstance(n, str) for n in names) and len(set(z.names)) == len(z.names):
        return names[0] if len(names) == 1 else names
    return levels[0] if len(levels) == 1 else levels


def _regions_relabelled(a: Any, b: Any) -> _Relabelled | None:
    """The steps giving `a` and `b` one set of labels: the one reading of both.

    BPS's bare regency names ("Pacitan", "PACITAN") beside povstat's
    ("Kabupaten Pacitan"), or a MultiIndex level of area codes (3507)
    beside the same codes dotted ("35.07") or the regions' names: each
    index, or each level of a MultiIndex whose labels differ between the
    two, is read as regions (:func:`_region_codes`). Where that alone does
    not give both the same labels, levels are dropped (a year of one value
    on each side, 2022 and 2023; a level one side has more) and the other
    side's put in the first's order, as :func:`_reductions` lists them,
    then the levels are read again: two differences together (pairing17
    H1). None where no such steps give both the same labels one to one.
    """
    pd = sys.modules["pandas"]
    for drop_a, drop_b, order in _reductions(a, b):
        a1 = a.droplevel(drop_a) if drop_a else a
        b1 = b.droplevel(drop_b) if drop_b else b
        if order != list(range(len(order))):
            b1 = b1.reorder_levels(order)
        reduced = bool(drop_a or drop_b or order != list(range(len(order))))
        if not reduced and not (_missing_from(a, b) or _missing_from(b, a)):
            return None  # the same labels: another advice's case
        found = _relabelled_levels(a1, b1)
        if found is None:
            continue
        steps, (c0, c1) = found
        if not reduced and not (steps[0] or steps[1]):
            return None
        multi = isinstance(a1, pd.MultiIndex)
        renames = tuple([(i, e) for i, e in side if e is not None] for side in steps)
        partner = c1.get_indexer(c0)
        i = next((i for i, j in enumerate(partner) if not _same_label(a[i], b[j])), 0)
        u, v = (
            repr(tuple(plain(e) for e in t) if isinstance(t, tuple) else plain(t))
            for t in (a[i], b[partner[i]])
        )
        said: list[tuple[Any, ...]] = []
        for k, z, dropped in ((0, a, drop_a), (1, b, drop_b)):
            for lv in dropped:
                values = z.get_level_values(lv).unique()
                one = repr(plain(values[0])) if len(values) == 1 else ""
                said.append(("drop", k, _level_ref(z, [lv]), one))
        if order != list(range(len(order))):
            said.append(("order",))
        said += [("read", i) for i, _ in steps[0]]
        unlike = _dropped_unlike(a, drop_a, b, drop_b, partner)
        return _Relabelled(
            renames[0],
            renames[1],
            bool(c0.equals(c1)),
            multi,
            (u, v),
            (_level_ref(a, drop_a),) if drop_a else (),
            (_level_ref(b, drop_b),) if drop_b else (),
            tuple(order) if order != list(range(len(order))) else (),
            tuple(said),
            unlike,
        )
    return None


def _alike(u: object, v: object) -> bool:
    """Whether two labels of a dropped level are one value (2023, '2023')."""
    if _same_label(u, v):
        return True
    t = _period_text(u)
    return t is not None and t == _period_text(v)


def _dropped_unlike(
    a: Any, drop_a: list[int], b: Any, drop_b: list[int], partner: Any
) -> tuple[str, str] | None:
    """Two labels paired once levels are dropped whose dropped parts differ.

    A level may be dropped from both sides only where each pair of rows
    holds one value in it on both sides, whatever the levels are named
    ('tahun' beside 'year', unnamed) and whether a side mixes values
    (2023 for some regions, 2022 for others): else dropping pairs the
    values of other labels (pairing23 G1a, G1b). Dropped levels are
    matched by name, the rest by position; a level only one side has
    (the other side dropping none left) may be dropped. None if alike.
    """
    if not (drop_a and drop_b):
        return None
    names_b = [b.names[j] for j in drop_b]
    pairs, rest_a = [], []
    for i in drop_a:
        n = a.names[i]
        if n is not None and names_b.count(n) == 1:
            pairs.append((i, drop_b[names_b.index(n)]))
        else:
            rest_a.append(i)
    taken = {j for _, j in pairs}
    rest_b = [j for j in drop_b if j not in taken]
    whole = False
    if rest_a and rest_b:
        whole = len(rest_a) != len(rest_b)  # not matched: the rows differ
        pairs += list(zip(rest_a, rest_b, strict=False))
    for k, j in enumerate(partner):
        if j < 0:
            continue
        if whole or not all(
            _alike(a.get_level_values(la)[k], b.get_level_values(lb)[j])
            for la, lb in pairs
        ):
            return tuple(  # type: ignore[return-value]
                repr(tuple(plain(e) for e in t) if isinstance(t, tuple) else plain(t))
                for t in (a[k], b[j])
            )
    return None


def _chain(n: str, z: Any, what: str, r: _Relabelled, k: int) -> str:
    """The code after argument `n` (side `k` of `r`) giving it the shared labels."""
    _, set_kw, _ = _labels_of(n, z, what)
    kw = "columns" if set_kw else "index"
    out = "".join(f".droplevel({lv!r}{set_kw})" for lv in (r.drop0, r.drop)[k])
    if k == 1 and r.order:
        out += f".reorder_levels({list(r.order)}{set_kw})"
    return out + "".join(
        f".rename({kw}={e}" + (f", level={i})" if r.multi else ")")
        for i, e in (r.steps0, r.steps)[k]
    )


def _with_regions(r: _Relabelled) -> str:
    """The line defining ``R`` where a rename reads povstat's list of regions."""
    if any("R." in e for _, e in (*r.steps0, *r.steps)):
        return "`R = povstat.datasets.indonesia_regions()`, then "
    return ""


def _differences_said(name0: str, name: str, r: _Relabelled) -> str:
    """What differs between two sides' labels, level by level, for a message."""
    out = []
    for item in r.said:
        if item[0] == "order":
            out.append(f"the levels of `{name}` are in another order")
        elif item[0] == "read":
            level_ = f"level {item[1]}" if r.multi else "the labels left"
            out.append(f"{level_} name the same regions written otherwise")
        else:
            _, k, level_, value = item
            n_ = (name0, name)[k]
            out.append(
                f"`{n_}` has level {level_!r} of one value ({value})"
                if value
                else f"`{n_}` has level {level_!r} more"
            )
    return "; ".join(out)


def _same_regions_relabelled(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for labels naming the same rows written otherwise.

    Both are given one set of labels (:func:`_regions_relabelled`: the
    codes of their regions, levels dropped or put in one order) and
    aligned; ``.to_numpy()`` is offered only where they are already in
    one order. None where the labels are not read so.
    """
    r = _regions_relabelled(a, b)
    if r is None:
        return None
    if r.unlike is not None and not _periods_may_differ(name0, name):
        u, v = r.unlike
        dropped = [f"`{name0}`'s {lv!r}" for lv in r.drop0]
        dropped += [f"`{name}`'s {lv!r}" for lv in r.drop]
        return (
            f"their labels differ (e.g. {u} in `{name0}`, {v} in `{name}`): "
            f"the levels one would drop ({', '.join(dropped)}) hold other values "
            "for rows that would then be paired, so dropping them would pair "
            "values of different labels (of another period, say); povstat "
            f"finds no safe conversion: pass `{name}` with the labels of "
            f"`{name0}` (the same value in every level), then align them; not "
            ".to_numpy(), which would pair those values too"
        )
    code = []
    for k, (n_, z) in enumerate(((name0, x0), (name, x))):
        chain = _chain(n_, z, what, r, k)
        if k == 1 and not r.same:
            target, _, _ = _labels_of(name0, x0, what)
            _, _, reindex_kw = _labels_of(n_, z, what)
            chain += f".reindex({reindex_kw}{target})"
        if chain:
            code.append(f"`{n_} = {n_}{chain}`")
    example = (
        f"(e.g. {r.example[0]} in `{name0}`, {r.example[1]} in `{name}`"
        f"{_namesakes_said(name0, a, name, b)})"
    )
    if r.drop0 or r.drop or r.order:
        regions = " and give the regions their codes" if r.steps0 or r.steps else ""
        how = (
            f"drop those levels{', put them in one order' if r.order else ''}"
            f"{regions} and align them: " + _with_regions(r) + ", then ".join(code)
        )
        said = (
            f"their labels differ in more than one way {example}: "
            f"{_differences_said(name0, name, r)}"
        )
        if r.same:
            return (
                f"{said}; in one order once so read: pass .to_numpy() of one, or {how}"
            )
        return (
            f"{said}; in other orders once so read: {how}; not .to_numpy(), which "
            "would pair one row with another's"
        )
    levels = sorted({i for i, _ in (*r.steps0, *r.steps)})
    level = f" in level {', '.join(map(str, levels))}" if r.multi else ""
    how = (
        "give both the codes of their regions and align them: "
        + _with_regions(r)
        + ", then ".join(code)
    )
    if r.same:
        return (
            f"they name the same regions{level}, written otherwise {example}, in "
            f"one order: pass .to_numpy() of one, or {how}"
        )
    return (
        f"they name the same regions{level}, written otherwise {example}, in other "
        f"orders: {how}; not .to_numpy(), which would pair one region with another"
    )


def _labels_of(n: str, z: Any, what: str) -> tuple[str, str, str]:
    """(labels, set_axis keyword, reindex keyword) of argument `n` in a message.

    The labels compared are a DataFrame's columns when `what` is "column"
    and `z` has columns, else its index.
    """
    if what == "column" and _columns(z) is not None:
        return f"{n}.columns", ", axis=1", "columns="
    return f"{n}.index", "", ""


#: How labels of one kind (first) are given another's (second), as a chain
#: of ``Index.astype`` calls, e.g. ".astype(str)" for 3501 -> "3501".
_ASTYPE = {
    ("int", "str"): (str,),
    ("float", "str"): (int, str),
    ("str", "int"): (int,),
    ("float", "int"): (int,),
    ("int", "float"): (float,),
    ("str", "float"): (float,),
}


def _same_keys_other_kind(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for the same keys held as two kinds (3501 and "3501").

    A file's codes or years read back as integers (3501, 2021) beside a
    pivot's text labels ("3501", "2021"), or years as floats (2021.0): the
    keys are the same, written as text, but no label of one kind equals one
    of the other. The labels of one side are converted to the other's kind
    (``set_axis(after.index.astype(str))``), checked here to give the
    other's labels, then aligned if their order differs. None unless some
    label, converted, is found among the other's.
    """
    kinds = _label_texts(a), _label_texts(b)
    if kinds[0] is None or kinds[1] is None or kinds[0][0] == kinds[1][0]:
        return None
    found = []
    for (tn, tx, tz, tk), (cn, cx, cz, ck) in (
        ((name0, x0, a, kinds[0][0]), (name, x, b, kinds[1][0])),
        ((name, x, b, kinds[1][0]), (name0, x0, a, kinds[0][0])),
    ):
        chain = _ASTYPE.get((ck, tk))
        if chain is None or not _is_pandas(cx):
            # A polars frame's column names are text, and it has no
            # set_axis: the pandas side is converted (pairing17 H3).
            continue
        try:
            new = cz
            for t in chain:
                new = new.astype(t)
        except (TypeError, ValueError, OverflowError):
            continue
        only_c, only_t = _missing_from(new, tz), _missing_from(tz, new)
        if len(only_c) == len(new):
            continue  # no label converted is among the other's
        found.append(((tn, tx, tz, tk), (cn, cx, cz, ck), chain, new, only_c, only_t))
    # A conversion giving the other's labels, all of them, first: text
    # with a space around a code ("3573 ") reads as the integer, where the
    # integer written as text is not the text.
    found.sort(key=lambda f: bool(f[4] or f[5]))
    for (tn, tx, tz, tk), (cn, cx, cz, ck), chain, new, only_c, only_t in found:
        labels_, axis_kw, reindex_kw = _labels_of(cn, cx, what)
        target, _, _ = _labels_of(tn, tx, what)
        astype = "".join(f".astype({t.__name__})" for t in chain)
        how = f"{cn}.set_axis({labels_}{astype}{axis_kw})"
        if not (only_c or only_t or new.equals(tz) or (new.is_unique and tz.is_unique)):
            # Repeated labels (the total, urban and rural rows of a region
            # by its code) in another sequence: no reindex on them (H2).
            t_, c_ = (tz, cz) if tn == name0 else (cz, tz)
            new0, new1 = (tz, new) if tn == name0 else (new, tz)
            return (
                f"they hold the same keys as two kinds, `{name0}` "
                f"{_KIND_WORDS[kinds[0][0]]} and `{name}` "
                f"{_KIND_WORDS[kinds[1][0]]}, and no label of one kind equals one "
                f"of the other: give the labels of `{cn}` the kind of those of "
                f"`{tn}`, `{how}`; but "
                + _repeated_advice(
                    name0,
                    t_,
                    name,
                    c_,
                    new0,
                    new1,
                )
            )
        both = _other_axis_too(cx, what, ck)
        if both is not None:
            # A covariance frame labelled so on both axes: both converted.
            axis_ = ", axis=1" if both == "columns" else ""
            how += f".set_axis({cn}.{both}{astype}{axis_})"
        if not new.equals(tz) and not (only_c or only_t):
            how += (
                f".loc[{target}, {target}]"
                if both is not None
                else f".reindex({reindex_kw}{target})"
            )
        then = ""
        if only_c or only_t:
            rest = [
                f"{_some(only)} in `{n}` only"
                for n, only in sorted(
                    ((cn, only_c), (tn, only_t)), key=lambda t: t[0] != name0
                )
                if only
            ]
            then = (
                f", then select the same labels from both, in one order (they "
                f"still differ: {'; '.join(rest)})"
            )
        key = tz.name if isinstance(tz.name, str) else "key"
        read = (
            " (or read them as text where they are read, e.g. "
            f"`pandas.read_csv(..., dtype={{{key!r}: str}})`)"
            if tk == "str" and _labels_of(cn, cx, what)[1] == ""
            else ""
        )
        j = next((j for j, v in enumerate(new) if _same_label(v, tz[0])), 0)
        example = (plain(tz[0]), plain(cz[j]))
        if tn != name0:  # in the order of the arguments, as the kinds are said
            example = example[::-1]
        same = "keys" if only_c or only_t else "the same keys"
        # Integers and floats of one value are equal labels (3501 == 3501.0).
        equal = "and no label of one kind equals one of the other"
        if {tk, ck} == {"int", "float"}:
            equal = (
                "equal in value where they hold one key"
                if only_c or only_t
                else "equal in value, but in other orders"
            )
        return (
            f"they hold {same} as two kinds, `{name0}` "
            f"{_KIND_WORDS[kinds[0][0]]} and `{name}` {_KIND_WORDS[kinds[1][0]]} "
            f"(e.g. {example[0]!r} and {example[1]!r}), {equal}: "
            f"give the labels of `{cn}` the kind "
            f"of those of `{tn}`, `{how}`{read}{then}; {_to_numpy_said(new, tz)}"
        )
    return None


def _to_numpy_said(a: Any, b: Any) -> str:
    """What ``.to_numpy()`` would do to labels `a` and `b`, related by the caller.

    Where the labels show the orders to differ (:func:`_orders_differ`),
    it would pair one label's value with another's; otherwise it is right
    only if both are in one order.
    """
    if len(a) == len(b) and a.equals(b):
        return ".to_numpy() would pair them by position, as their labels do"
    if _orders_differ(a, b) is not None:
        return (
            "not .to_numpy(), which would pair them by position, and their "
            "orders differ"
        )
    return (
        ".to_numpy() would pair them by position, right only if both are "
        "already in one order"
    )


def _other_axis_too(x: Any, what: str, kind: str) -> str | None:
    """The other axis of DataFrame `x` ("columns" or "index") if of `kind` too.

    A covariance frame read from a file holds its keys as integers on both
    axes: both are converted at once.
    """
    if _columns(x) is None or not _is_pandas(x):
        return None
    other = "index" if what == "column" else "columns"
    texts = _label_texts(getattr(x, other))
    if texts is None or texts[0] != kind:
        return None
    # A covariance frame: the same keys on both axes.
    rows, cols = x.index, x.columns
    square = not (_missing_from(rows, cols) or _missing_from(cols, rows))
    return other if square else None


#: Area codes written with Kemendagri's dot ("35.01").
_DOTTED_CODE = re.compile(r"[0-9]{2}\.[0-9]{2}")


def _dotted_codes_beside_numbers(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for plain area codes beside the same codes dotted.

    A file's codes read back as numbers (3501) or held as text ("3501")
    beside a table that writes them with Kemendagri's dot ("35.01", a
    province's "35" among them), or beside such a table read back as floats
    (35.01, 35.0; 35.1 for "35.10"; float32 too, read at its precision by
    :func:`povstat._regions.dotted_floats`, the nesting check's reading):
    the same regions, which neither
    ``astype(str)`` ("3501" is not "35.01") nor a reindex pairs. The dot is
    taken out of the dotted codes (a float written with two decimals first,
    a province's "35.00" read as "35"), checked here to give the plain
    codes, then they are aligned.
    """
    pd = sys.modules["pandas"]
    for (tn, tx, tz), (cn, cx, cz) in (
        ((name0, x0, a), (name, x, b)),
        ((name, x, b), (name0, x0, a)),
    ):
        if isinstance(tz, pd.MultiIndex) or isinstance(cz, pd.MultiIndex):
            continue
        if tz.dtype.kind in "iu":
            as_int = True
        elif all(isinstance(v, str) and _CODE_LABEL.fullmatch(v) for v in tz):
            as_int = False
        else:
            continue
        if all(
            isinstance(v, str) and _DOTTED_OR_PROVINCE.fullmatch(v.strip()) for v in cz
        ):
            if not any("." in v for v in cz):
                continue
            # A space around a code ("35.73 ", a sheet's cell) goes first.
            strip = ".str.strip()" if any(v != v.strip() for v in cz) else ""
            plain_ = [v.strip().replace(".", "") for v in cz]
            expr = "{}" + strip + ".str.replace('.', '', regex=False)"
        else:
            from povstat import _regions  # the list is read only on this error path

            labels = list(cz)
            read = _regions.dotted_floats(labels, single=cz.dtype == np.float32)
            if read is None:
                continue
            # The country's "" is "00"; the printed code writes each float
            # with two decimals (float32's 35.07 too), a province's "35.00"
            # read as "35".
            plain_ = [read[v] or _regions.NATIONAL_CODE for v in labels]
            expr = (
                "{}.map('{:.2f}'.format).str.replace('.', '', regex=False)"
                ".str.removesuffix('00').str.zfill(2)"
            )
        if as_int:
            new = pd.Index([int(v) for v in plain_])
            expr += ".astype(int)"
        else:
            new = pd.Index(plain_, dtype=object)
        aligned = _converted_labels_advice(
            new, (cn, cx), (tn, tx, tz), what, _set_axis(expr), "region"
        )
        if aligned is None:
            continue
        dotted = cz[list(new).index(tz[0])]
        if isinstance(dotted, np.floating):  # float32's 35.07, not 35.0699999...
            dotted = short_float(dotted)
        return _aligning(
            f"they hold the same area codes, `{tn}` "
            f"{'as numbers' if as_int else 'plain'} and `{cn}` "
            f"written with a dot (e.g. {plain(tz[0])!r} and {plain(dotted)!r})",
            aligned,
            f"take the dot out of those of `{cn}`",
        )
    return None


#: Area codes as a dotted table writes them: "35.01", a province's "35".
_DOTTED_OR_PROVINCE = re.compile(r"[0-9]{2}(?:\.[0-9]{2})?")


#: Rewritings of names, as code on a pandas Index and as Python on one name.
#: Case and spaces only: a prefix ("Kab.", "Kotamadya") is read by the rule
#: for prefixes (:data:`povstat._regions.PREFIX`), through each name's code.
_SPELLING_FIXES: tuple[tuple[str, Callable[[str], str]], ...] = (
    (".str.strip()", str.strip),
    (".str.title()", str.title),
    (".str.upper()", str.upper),
    (".str.strip().str.title()", lambda v: v.strip().title()),
    (".str.strip().str.upper()", lambda v: v.strip().upper()),
)


def _names_spelt_otherwise(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for region names written in two spellings, in other orders.

    A BPS sheet in capitals ("KOTA BATU") beside povstat's names ("Kota
    Batu"), "Kab. Malang" beside "Kabupaten Malang", or a trailing space:
    the same regions, which a reindex does not find. Where a change of case
    or spaces gives one side the other's labels (checked here), that is the
    advice; otherwise, where every name of both sides is one region of
    povstat's list (read by :func:`povstat._regions.name_code`, the reading
    of the nesting check: case, spaces, footnote marks and BPS's prefixes
    aside; a bare "Malang", the regency or the city, names none) and the
    two name the same regions, they are told to give both the codes of
    their names and align them, and never ``.to_numpy()`` unless the
    regions are in one order. The example quoted is a pair of names of one
    region written differently.
    """
    pd = sys.modules["pandas"]
    if isinstance(a, pd.MultiIndex) or isinstance(b, pd.MultiIndex):
        return None
    if not all(
        isinstance(v, str) and re.search(r"[^\W\d_]", v) for z in (a, b) for v in z
    ):
        return None
    if not (_missing_from(a, b) or _missing_from(b, a)):
        return None  # the same labels, in another order
    for (tn, tx, tz), (cn, cx, cz) in (
        ((name0, x0, a), (name, x, b)),
        ((name, x, b), (name0, x0, a)),
    ):
        for fix, rewrite in _SPELLING_FIXES:
            new = pd.Index([rewrite(v) for v in cz], dtype=object)
            aligned = _converted_labels_advice(
                new, (cn, cx), (tn, tx, tz), what, _set_axis("{}" + fix), "region"
            )
            if aligned is not None:
                return _aligning(
                    f"they hold the same names written otherwise (e.g. "
                    f"{plain(tz[0])!r} in `{tn}`)",
                    aligned,
                    f"write those of `{cn}` as `{tn}` does",
                )
    from povstat import _regions  # the list is read only on this error path

    codes0 = [_regions.name_code(v) for v in a]
    codes = [_regions.name_code(v) for v in b]
    if None in codes0 or None in codes or set(codes0) != set(codes):
        return None
    if len(set(codes0)) != len(codes0) or len(set(codes)) != len(codes):
        return None
    # A pair of one region's names written differently: the labels are not
    # the same set (checked above), so one at least differs from its partner.
    i, j = next(
        (i, j) for i, j in enumerate(codes.index(c) for c in codes0) if a[i] != b[j]
    )
    example = f"(e.g. {plain(a[i])!r} in `{name0}`, {plain(b[j])!r} in `{name}`)"
    if codes0 == codes:
        return (
            f"they name the same regions in one order, written otherwise "
            f"{example}: pass .to_numpy() of one, or give both the same labels"
        )
    return (
        f"they name the same regions in other orders, written otherwise "
        f"{example}: give "
        "both the codes of their names (povstat.datasets.indonesia_regions() "
        "lists each code's region_name, official_name and bps_names) or the "
        "same names, then align them and check that no value is missing; not "
        ".to_numpy(), which would pair one region with another"
    )


def _parts_of_one_frame(name0: str, a: Any, name: str, b: Any) -> str | None:
    """The advice for two sets of row numbers, as two parts of one frame have.

    Two slices of one frame read from a file (the rows of 2022, 0..37, and
    those of 2023, 38..75) keep their row numbers, which tell rows apart,
    not areas: neither ``.to_numpy()`` (the parts may be in other orders)
    nor a reindex by them pairs the areas. The frame is indexed by its key
    column before it is sliced, then one part is aligned with the other.
    Read as row numbers, in whatever order each part is (one sorted by rate
    for a ranking, or both): non-negative integers, each side, sorted,
    increasing by one step, the same on both (1: runs of consecutive rows; more: rows
    interleaved), the two disjoint and below 50 times their length (a
    frame of up to 50 periods). A filtered column (8, 19, 30) beside a
    Series built from a list (0, 1, 2) is not.
    """
    pd = sys.modules["pandas"]
    step = []
    rows = []
    for z in (a, b):
        if isinstance(z, pd.MultiIndex) or z.dtype.kind not in "iu" or len(z) < 2:
            return None
        # Either part may be sorted after it was taken (by rate, for a
        # ranking; by name): the row numbers are read whatever their order.
        r = np.sort(np.asarray(z, dtype=np.int64))
        steps = np.diff(r)
        if not (steps[0] > 0 and (steps == steps[0]).all()) or int(r[0]) < 0:
            return None
        step.append(int(steps[0]))
        rows.append(r)
    r0, r1 = rows
    # One step: consecutive runs (a frame sorted by period, then area) or
    # interleaved rows (sorted by area, then period).
    runs = step[0] == step[1] and (
        step[0] == 1 or abs(int(r0[0]) - int(r1[0])) < step[0]
    )
    if not (
        runs and a.intersection(b).empty and max(int(r0[-1]), int(r1[-1])) < 50 * len(a)
    ):
        return None
    return (
        f"the labels of both are row numbers ({r0[0]}..{r0[-1]} in "
        f"`{name0}`, {r1[0]}..{r1[-1]} in `{name}`), as two parts of "
        "one frame read from a file have (the rows of one period and those of "
        "another): they tell rows apart, not areas, so neither .to_numpy() "
        "(the parts may be in other orders) nor a reindex by them pairs the "
        "areas; index the frame both come from by its key column before taking "
        "the parts, e.g. `df.set_index('key')`, take each part from it as "
        f"before, then align one with the other, `{name}.reindex({name0}.index)`, "
        "and check that no value is missing (`.isna().any()`)"
    )


#: A key a file reader reads back as a number: an area code ("3501", "35.07").
_CODE_TEXT = re.compile(r"\s*[0-9]+(?:\.[0-9]+)?\s*")


def _integer_area_codes(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, rn: str, ra: Any
) -> str | None:
    """The advice for integer labels that are all area codes of povstat's list.

    3501..3579 (a file's codes read back as numbers) are no row numbers:
    the side `rn` is told to hold them as text, then given the advice for
    text codes (a names-to-codes mapping, :func:`_names_beside_codes`).
    """
    from povstat import _regions  # the list is read only for integer labels

    known = set(_regions.regions()["region_code"]) | {"0"}  # 0: the country's "00"
    if not all(str(v) in known for v in ra.tolist()):
        return None
    country = 0 in ra.tolist()
    text = ra.astype(str).str.zfill(2) if country else ra.astype(str)
    then = (
        _names_beside_codes(name0, x0, text, name, x, b, "index")
        if rn == name0
        else _names_beside_codes(name0, x0, a, name, x, text, "index")
    )
    zfill = ".str.zfill(2)" if country else ""
    convert = f"`{rn} = {rn}.set_axis({rn}.index.astype(str){zfill})`"
    return (
        f"the labels of `{rn}` are area codes read as integers "
        f"({_some([plain(v) for v in ra])}: each a code of povstat's list of "
        f"regions{', or 0 for the country' if country else ''}, as a file's "
        "codes are read back), not row numbers: give them "
        f"as text first, {convert}" + (f"; then {then}" if then is not None else "")
    )


def _unordered_area_codes(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any
) -> str | None:
    """The advice for integer area codes in any order beside text labels.

    As :func:`_row_numbers` gives for codes in increasing order (read as
    row numbers otherwise): :func:`_integer_area_codes`.
    """
    pd = sys.modules["pandas"]

    def integers(z: Any) -> bool:
        return not isinstance(z, pd.MultiIndex) and z.dtype.kind in "iu"

    def texts(z: Any) -> bool:
        return not isinstance(z, pd.MultiIndex) and all(isinstance(v, str) for v in z)

    if integers(a) and texts(b):
        return _integer_area_codes(name0, x0, a, name, x, b, name0, a)
    if integers(b) and texts(a):
        return _integer_area_codes(name0, x0, a, name, x, b, name, b)
    return None


def _row_numbers(name0: str, x0: Any, a: Any, name: str, x: Any, b: Any) -> str | None:
    """The advice for row numbers (0..n-1, or 38..75) beside labels of another kind.

    A column of a frame read from a file without ``index_col`` (or after
    ``reset_index()``) has row numbers as labels, beside a pivot indexed by
    names: the key column of its frame, set as index, gives it labels to
    align by. Its order is the file's (BPS code order), not the pivot's
    (alphabetical), so ``.to_numpy()`` pairs it right only when the orders
    agree.
    """
    pd = sys.modules["pandas"]
    from povstat import _regions  # the list is read only on this error path

    known = set(_regions.regions()["region_code"])

    def codes(z: Any) -> bool:
        # 3501..3506 read back as integers: keys, not row numbers (pairing20 L6).
        return (
            not isinstance(z, pd.MultiIndex)
            and z.dtype.kind in "iu"
            and all(str(v) in known for v in z.tolist())
        )

    def numbers(z: Any) -> bool:
        return (
            not isinstance(z, pd.MultiIndex)
            and z.dtype.kind in "iu"
            and bool(z.is_monotonic_increasing)
            and z.is_unique
            and not codes(z)
        )

    def named(z: Any, rows: Any) -> bool:
        # Integer codes beside the row numbers of a frame or of its named
        # column (a Series built from an array has no name: it is told it
        # was built without labels, as before).
        return (
            isinstance(z, pd.MultiIndex)
            or z.dtype.kind not in "iufb"
            or (
                codes(z)
                and (
                    _columns(rows) is not None
                    or getattr(rows, "name", None) is not None
                )
            )
        )

    if numbers(a) and named(b, x0):
        (rn, rx, ra), (kn, kb) = (name0, x0, a), (name, b)
    elif numbers(b) and named(a, x):
        (rn, rx, ra), (kn, kb) = (name, x, b), (name0, a)
    else:
        return None
    coded = _integer_area_codes(name0, x0, a, name, x, b, rn, ra)
    if coded is not None:
        return coded
    key = ", ".join(repr(n) for n in kb.names) if any(kb.names) else "'key'"
    key = f"[{key}]" if isinstance(kb, pd.MultiIndex) and any(kb.names) else key
    column = (
        f"[{getattr(rx, 'name', None)!r}]"
        if isinstance(getattr(rx, "name", None), str) and _columns(rx) is None
        else ""
    )
    span = f"{plain(ra[0])}..{plain(ra[-1])}"
    # The Series may be the key column itself (the `labels` of a ranking):
    # set_index moves the key into the index, and selecting the column
    # afterwards fails, unless it is kept as a column too.
    own_key = isinstance(getattr(rx, "name", None), str) and rx.name in kb.names
    drop = ", drop=False" if column and own_key else ""
    itself = (
        f" (drop=False keeps the key as a column too: `{rn}` is that column)"
        if drop
        else ""
    )
    # Keys held as text that a file reader reads as numbers ("3501", a
    # code) match only text: the file's codes read back as numbers (3501)
    # would each be missing after the reindex, so the key columns are read
    # as text first.
    text_levels = [
        n
        for n, lv in zip(
            kb.names,
            kb.levels if isinstance(kb, pd.MultiIndex) else [kb],
            strict=True,
        )
        if lv.dtype.kind in "OUT"
        and all(isinstance(v, str) and _CODE_TEXT.fullmatch(v) for v in lv)
    ]
    as_text = ""
    if text_levels:
        cols = ", ".join(f"{n if n is not None else 'key'!r}: str" for n in text_levels)
        as_text = f".astype({{{cols}}})"
    said = (
        f" (the key read as text, as the labels of `{kn}` are: a file's codes "
        "read back as numbers, 3501 for '3501', match none of them, and "
        "reindex gives NaN for every label it does not find; read them as "
        f"text, e.g. `pandas.read_csv(..., dtype={{{cols}}})`, or convert "
        "them as here)"
        if text_levels
        else ""
    )
    return (
        f"the labels of `{rn}` are row numbers ({span}), as a frame read from a "
        "file without index_col or after reset_index() gives its rows, while "
        f"those of `{kn}` are keys: index the frame `{rn}` comes from by its key "
        f"column{said} and align, e.g. "
        f"`df{as_text}.set_index({key}{drop}){column}.reindex({kn}.index)`{itself}, "
        "then check "
        "that no value is missing (`.isna().any()`: a key written another way, "
        "in capitals, say, is not found); "
        f"`{rn}.to_numpy()` pairs by position, right only if its rows are in the "
        f"order of `{kn}` (a file is often in code order, a pivot in "
        "alphabetical order)"
    )


def _square_beside_series(
    name0: str, x0: Any, name: str, x: Any
) -> tuple[str, str] | None:
    """(Series name, DataFrame name): a Series beside a covariance DataFrame.

    The frame is square and holds one set of labels on both axes
    (:func:`_one_label_set`), as a covariance matrix of the Series' areas.
    """
    if not (_is_pandas(x0) and _is_pandas(x)):
        return None
    for (sname, s), (dname, d) in (((name0, x0), (name, x)), ((name, x), (name0, x0))):
        c = _columns(d)
        if (
            _columns(s) is None
            and c is not None
            and len(d.index) == len(c) == len(s)
            and _one_label_set(d)
        ):
            return sname, dname
    return None


def _repeated_advice(name0: str, a: Any, name: str, b: Any, a1: Any, b1: Any) -> str:
    """The advice for repeated labels: make them unique; never a reindex on them.

    The total, urban and rural rows of each region indexed by its code
    alone: pandas cannot reindex on repeated labels, so the column telling
    the rows apart is added to the index first. `a1` and `b1` are the
    labels as compared (converted to one kind where they are of two): the
    same labels repeated in
    another sequence show that the orders differ, so ``.to_numpy()``,
    which would pair one row with another's, is never offered then
    (pairing17 H2); it is offered where the sequences agree.
    """
    repeated = [
        f"{_some(d)} more than once in `{n}`"
        for n, d in ((name0, _repeated(a)), (name, _repeated(b)))
        if d
    ]
    at = next(
        (
            i
            for i, (u, v) in enumerate(zip(a1, b1, strict=False))
            if not _same_label(u, v)
        ),
        None,
    )
    then = f"`{name}.reindex({name0}.index)`"
    if at is None and len(a1) == len(b1):
        closing = ", or pass .to_numpy(): their labels are in one sequence"
    else:
        closing = (
            "; not .to_numpy(): their labels repeat in another sequence "
            f"({plain(a[at])!r} at position {at} in `{name0}`, {plain(b[at])!r} "
            f"in `{name}`), so it would pair one row with another's"
            if at is not None
            else ""
        )
    return (
        f"their labels repeat ({'; '.join(repeated)}), so they cannot tell "
        "the rows apart and pandas cannot reindex by them: make each "
        "label unique first, adding the column that tells the rows apart "
        "to the index of the frame both come from (e.g. "
        "`df.set_index(['region_code', 'area'])` for the total, urban "
        "and rural rows of one region), then align them (e.g. "
        f"{then}){closing}"
    )


def _repeated(labels: Any) -> list[Any]:
    """The labels found more than once in `labels`, in order of first sight."""
    if labels.is_unique:
        return []
    return [plain(v) for v in labels[labels.duplicated()].unique()]


def _rows_against_columns(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for a Series holding a DataFrame's row labels, not its columns.

    numpy pairs a Series with a DataFrame's columns (a region x year frame
    beside a population by region): to pair it with the rows, it is passed
    as a column, one value per row.
    """
    if not (_is_pandas(x0) and _is_pandas(x)):
        return None
    if _columns(x0) is None:
        (sname, s), (dname, d) = (name0, x0), (name, x)
    elif _columns(x) is None:
        (sname, s), (dname, d) = (name, x), (name0, x0)
    else:
        return None
    # Compared by rows (a frame of more rows than columns, or fewer, beside
    # a Series of one value per row): numpy still pairs the Series with the
    # columns, which it does not fit; the same advice holds.
    if what != "column" and not (
        what == "index"
        and _columns(d) is not None
        and len(d.columns) > 1
        and len(s) == len(d.index) != len(d.columns)
    ):
        return None
    if _one_label_set(d):  # a covariance matrix: both axes pair with `s`
        return None
    columns = _some([plain(v) for v in d.columns])
    if not (_missing_from(s.index, d.index) or _missing_from(d.index, s.index)):
        return (
            f"`{sname}` holds the row labels of `{dname}`, but numpy pairs a Series "
            f"with a DataFrame's columns (as pandas aligns it with them), here "
            f"{columns}: to pair it with the rows, pass "
            f"it as a column, one value per row: "
            f"`{sname}.reindex({dname}.index).to_numpy()[:, None]`"
        )
    spelt = _rows_spelt_otherwise(sname, s, dname, d)
    if spelt is None:
        return None
    example, how = spelt
    return (
        f"`{sname}` holds the row labels of `{dname}` written otherwise ({example}), "
        "but numpy pairs a Series with a DataFrame's columns (as pandas aligns it "
        f"with them), here {columns}: to pair it with the rows, {how}; not "
        f"`{sname}.to_numpy()`, which would pair its values with those columns"
    )


def _rows_spelt_otherwise(
    sname: str, s: Any, dname: str, d: Any
) -> tuple[str, str] | None:
    """(example, how) a Series of a DataFrame's row names written otherwise pairs.

    A population by region in capitals ("KOTA BATU") beside a region x
    year frame of povstat's names: where a change of case or spaces gives
    the Series the frame's row labels (:data:`_SPELLING_FIXES`, checked
    here), the advice relabels it and passes it as a column; where each
    name on both sides is one region of povstat's list and the two name the
    same regions, the relabelling is left to the caller. None otherwise.
    """
    pd = sys.modules["pandas"]
    a, b = s.index, d.index
    if not b.is_unique:
        return None
    flat_names = not (
        isinstance(a, pd.MultiIndex) or isinstance(b, pd.MultiIndex)
    ) and all(isinstance(v, str) for z in (a, b) for v in z)
    for fix, rewrite in _SPELLING_FIXES if flat_names else ():
        new = pd.Index([rewrite(v) for v in a], dtype=object)
        if new.is_unique and not (_missing_from(new, b) or _missing_from(b, new)):
            # The example is a label that differs (not one written alike).
            v = next((str(v) for v in a if rewrite(str(v)) != str(v)), str(a[0]))
            return (
                f"e.g. {v!r} for {rewrite(v)!r}",
                f"write its labels as `{dname}` does and pass it as a column, one "
                f"value per row, `{sname}.set_axis({sname}.index{fix})"
                f".reindex({dname}.index).to_numpy()[:, None]`",
            )
    relabelled = _regions_relabelled(b, a)  # the Series' levels are dropped
    if (
        relabelled is not None
        and relabelled.unlike is not None
        and not _periods_may_differ(sname, dname)
    ):
        return None  # dropping would pair other labels' values (pairing23 G1)
    if relabelled is not None:
        # BPS's bare names ("Pacitan", "PACITAN"), or a (region, year)
        # population beside regions by name (pairing17 H1, H4): both given
        # one set of labels, the Series then passed as a column.
        ren_s = _chain(sname, s, "index", relabelled, 1)
        ren_d = _chain(dname, d, "index", relabelled, 0)
        rows = f"{dname}{ren_d}.index" if ren_d else f"{dname}.index"
        return (
            f"e.g. {relabelled.example[1]} for {relabelled.example[0]}",
            "give both one set of labels and pass it as a column, one "
            f"value per row, {_with_regions(relabelled)}"
            f"`{sname}{ren_s}.reindex({rows}).to_numpy()[:, None]`",
        )
    if not flat_names:
        return None
    from povstat import _regions  # the list is read only on this error path

    codes_s = [_regions.name_code(v) or "" for v in a]
    codes_d = [_regions.name_code(v) or "" for v in b]
    if "" in codes_s or "" in codes_d or sorted(codes_s) != sorted(codes_d):
        return None
    if len(set(codes_s)) != len(codes_s):
        return None
    # The example is a label that differs (not one written alike).
    partner = [plain(b[codes_d.index(c)]) for c in codes_s]
    i = next((i for i, v in enumerate(a) if plain(v) != partner[i]), 0)
    return (
        f"e.g. {plain(a[i])!r} for {partner[i]!r}",
        f"give it the names of the rows of `{dname}` (or both the codes of "
        "their names: povstat.datasets.indonesia_regions() lists each code's "
        "region_name, official_name and bps_names), then pass it as a column, "
        f"one value per row, `{sname}.reindex({dname}.index).to_numpy()[:, None]`, "
        "and check that no value is missing",
    )


def _time_kind(labels: Any) -> str | None:
    """The kind of time labels `labels` holds (periods, timestamps), else None."""
    pd = sys.modules.get("pandas")
    if pd is None:  # pragma: no cover - pandas labels imply pandas
        return None
    if isinstance(labels, pd.PeriodIndex):
        return f"periods (a PeriodIndex of freq {labels.freqstr!r})"
    if isinstance(labels, pd.DatetimeIndex):
        if labels.tz is not None:
            return f"timestamps of time zone {str(labels.tz)!r}"
        return "timestamps without a time zone"
    return None


def _other_label_kinds(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for time labels of two kinds, which never equal each other.

    A DatetimeIndex beside a PeriodIndex of the same months, or a time zone
    beside none: the labels look alike, yet no label of one kind equals one
    of the other.
    """
    k0, k = _time_kind(a), _time_kind(b)
    if k0 is None or k is None or k0 == k:
        return None
    pd = sys.modules["pandas"]
    sides = [(name0, x0, a), (name, x, b)]
    periods = sum(isinstance(z, pd.PeriodIndex) for _, _, z in sides)
    naive = sum(isinstance(z, pd.DatetimeIndex) and z.tz is None for _, _, z in sides)
    if periods == 0 and naive == 0:
        return _two_zones(name0, a, name, b)
    if periods == 2:
        # Periods of two frequencies: labels that differ, not kinds to convert.
        return None

    def axis(y: Any) -> str:  # the labels compared are a DataFrame's columns
        return "axis=1" if what == "column" and _columns(y) is not None else ""

    def call(n: str, y: Any, method: str, *args: str) -> str:
        return f"`{n}.{method}({', '.join([*args, axis(y)] if axis(y) else args)})`"

    if periods:
        (pn, py, pz), (tn, ty, tz) = sorted(
            sides, key=lambda t: not isinstance(t[2], pd.PeriodIndex)
        )
        to_period = call(tn, ty, "to_period", repr(pz.freqstr))
        if getattr(tz, "tz", None) is not None:  # drop the zone first
            drop = call(tn, ty, "tz_localize", "None").rstrip("`")
            to_period = drop + "." + to_period.split(".", 1)[1]
        naive_ = tz.tz_localize(None) if getattr(tz, "tz", None) is not None else tz
        starts = naive_.to_period(pz.freqstr).to_timestamp()
        if not starts.equals(naive_):
            # Month ends (or any time after a period's first moment): a
            # period's first moment is none of them, so only the timestamps
            # converted to periods pair.
            how = (
                f"{to_period} gives each timestamp's period; not "
                f"{call(pn, py, 'to_timestamp')}, which gives each period's "
                f"first moment, and the timestamps of `{tn}` are not first "
                f"moments (e.g. {str(naive_[0])!r})"
            )
        else:
            how = (
                f"{to_period} gives each timestamp's period, or "
                f"{call(pn, py, 'to_timestamp')} each period's first moment"
            )
    else:
        (an, ay, az), (nn, ny, nz) = sorted(sides, key=lambda t: t[2].tz is None)
        if not _missing_from(az.tz_convert(None), nz) and _missing_from(
            az.tz_localize(None), nz
        ):
            # The naive labels are the same instants in UTC (labels converted
            # from UTC to a local zone beside the UTC times they came from).
            how = (
                f"{call(an, ay, 'tz_convert', 'None')} gives its instants as "
                "UTC clock times, those of the other labels"
            )
        else:
            how = (
                f"{call(an, ay, 'tz_localize', 'None')} drops the time zone, "
                "keeping the local clock times, or "
                f"{call(nn, ny, 'tz_localize', repr(str(az.tz)))} gives the "
                "other labels that time zone"
            )
    return (
        f"their labels are of different kinds, `{name0}` {k0} and `{name}` {k}, "
        "and no label of one kind equals one of the other, even where they "
        f"print alike: convert one to the other's kind ({how}), then align them"
    )


def _times_written_otherwise(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for times beside the same times as dates or text.

    Timestamps beside ``datetime.date`` labels (a column made with
    ``.dt.date``), or monthly Periods or Timestamps beside text that
    prints alike ("2023-03"): no label of one kind equals one of the
    other, so a reindex gives missing values, and their orders differ.
    The other side is converted to the times' kind, checked here to give
    their labels.
    """
    pd = sys.modules["pandas"]
    for (tn, tx, tz), (on, ox, oz) in (
        ((name0, x0, a), (name, x, b)),
        ((name, x, b), (name0, x0, a)),
    ):
        if isinstance(oz, pd.MultiIndex) or len(oz) == 0:
            continue
        if isinstance(tz, pd.PeriodIndex):
            convert = f"pandas.PeriodIndex({{}}, freq={tz.freqstr!r})"
            kind = f"Periods of frequency {tz.freqstr!r}"
        elif isinstance(tz, pd.DatetimeIndex) and tz.tz is None:
            convert, kind = "pandas.to_datetime({})", "Timestamps"
        else:
            continue
        values = list(oz)
        fmt = None
        if all(type(v) is datetime.date for v in values):
            written = "datetime.date objects"
        elif all(isinstance(v, str) for v in values):
            written = "text"
            fmt = _month_text_format(values)
        else:
            continue
        if fmt is not None and isinstance(tz, pd.DatetimeIndex):
            convert = f"pandas.to_datetime({{}}, format={fmt!r})"
        try:
            with warnings.catch_warnings():
                # pandas warns when it parses each text alone (no format
                # inferred); the conversion is only tried here.
                warnings.simplefilter("ignore", UserWarning)
                # Text is read in its format, else as ISO 8601 ("2023-03"):
                # pandas and PeriodIndex read text of no format they infer
                # as they can, "2021.13" (month 13, no month) as January.
                read = pd.DatetimeIndex(
                    pd.to_datetime(values, format=fmt or "ISO8601")
                    if written == "text"
                    else pd.to_datetime(values)
                )
                converted = (
                    pd.PeriodIndex(values, freq=tz.freqstr)
                    if isinstance(tz, pd.PeriodIndex)
                    else read
                )
                if isinstance(tz, pd.PeriodIndex) and not converted.equals(
                    read.to_period(tz.freqstr)
                ):
                    continue  # PeriodIndex reads the text otherwise
        except (ValueError, TypeError):
            continue
        aligned = _converted_labels_advice(
            converted,
            (on, ox),
            (tn, tx, tz),
            what,
            _set_axis(convert),
            "time",
        )
        if aligned is None:
            continue
        return _aligning(
            f"they hold the same times of two kinds, `{tn}` as {kind} and `{on}` "
            f"as {written} (e.g. {plain(values[0])!r})",
            aligned,
            "no label of one kind equals one of the other, even where they print "
            "alike, so a reindex alone gives missing values; convert "
            f"`{on}` to the kind of `{tn}`",
        )
    return None


#: A month's two digits, 01 to 12, and a year and month written as BPS
#: writes them, with a dot ("2015.03"; "2015.13" is no month).
MONTH_DIGITS = r"(?:0[1-9]|1[0-2])"
YEAR_DOT_MONTH = rf"[0-9]{{4}}\.{MONTH_DIGITS}"

#: Text months whose format pandas does not infer, and that format:
#: "2015.03" (BPS's year.month), "03/2015", "2015/03".
_MONTH_TEXT_FORMATS = (
    (re.compile(YEAR_DOT_MONTH), "%Y.%m"),
    (re.compile(rf"{MONTH_DIGITS}/[0-9]{{4}}"), "%m/%Y"),
    (re.compile(rf"[0-9]{{4}}/{MONTH_DIGITS}"), "%Y/%m"),
)


def _month_text_format(values: Sequence[str]) -> str | None:
    """The format of text months all written one way ("2015.03": "%Y.%m"), else None."""
    for pattern, fmt in _MONTH_TEXT_FORMATS:
        if all(pattern.fullmatch(v) for v in values):
            return fmt
    return None


def _years_beside_periods(
    name0: str, a: Any, name: str, b: Any, what: str
) -> str | None:
    """The advice for yearly pandas Periods beside the same years as integers."""
    pd = sys.modules["pandas"]
    for (pn, pz), (yn, yz) in (((name0, a), (name, b)), ((name, b), (name0, a))):
        if (
            isinstance(pz, pd.PeriodIndex)
            and pz.freqstr.startswith(("Y", "A"))
            and not isinstance(yz, pd.MultiIndex)
            and yz.dtype.kind in "iu"
        ):
            ints = pd.Index(pz.year)
            if _missing_from(ints, yz) or _missing_from(yz, ints):
                return None
            axis = "columns" if what == "column" else "index"
            extra = ", axis=1" if axis == "columns" else ""
            return (
                f"their labels are of different kinds, `{pn}` yearly periods "
                f"and `{yn}` years as integers, and no period equals an "
                f"integer: `{pn}.set_axis({pn}.{axis}.year{extra})` gives its "
                "years as integers, then align them"
            )
    return None


def _integers_beside_times(
    name0: str, x0: Any, a: Any, name: str, x: Any, b: Any, what: str
) -> str | None:
    """The advice for integers (years) beside timestamps or periods.

    Integer labels (2021..2023) beside dates or periods are not row
    numbers but another kind of time label: where the times' years are the
    integers, one to a time (1 January of each year), the times are given
    their years; else the kinds are said, to convert one.
    """
    pd = sys.modules["pandas"]
    for (yn, yz), (tn, tx, tz) in (
        ((name0, a), (name, x, b)),
        ((name, b), (name0, x0, a)),
    ):
        if (
            isinstance(yz, pd.MultiIndex)
            or yz.dtype.kind not in "iu"
            or not isinstance(tz, (pd.PeriodIndex, pd.DatetimeIndex))
        ):
            continue
        labels_, axis_kw, reindex_kw = _labels_of(tn, tx, what)
        target, _, _ = _labels_of(yn, x0 if yn == name0 else x, what)
        years = pd.Index(tz.year)
        if years.is_unique and not (
            _missing_from(years, yz) or _missing_from(yz, years)
        ):
            how = f"{tn}.set_axis({labels_}.year{axis_kw})"
            if not years.equals(yz):
                how += f".reindex({reindex_kw}{target})"
            return (
                f"their labels are of different kinds, `{yn}` integers (years) "
                f"and `{tn}` {_time_kind(tz)}, one to a year, and no integer "
                f"equals a time: give `{tn}` its years, `{how}`"
            )
        return (
            f"their labels are of different kinds, `{yn}` integers and `{tn}` "
            f"{_time_kind(tz)}, and no integer equals a time: convert one to "
            "the other's kind, then align them"
        )
    return None


def _two_zones(name0: str, a: Any, name: str, b: Any) -> str | None:
    """The advice for timestamps of two time zones whose clock times agree.

    Midnights in Asia/Jakarta beside midnights in UTC are other instants
    (pandas compares timestamps by instant), though both stand for the same
    dates: dropping each zone, keeping the local clock times, pairs them.
    """
    if _missing_from(a.tz_localize(None), b.tz_localize(None)) or _missing_from(
        b.tz_localize(None), a.tz_localize(None)
    ):
        return None
    return (
        f"their labels are timestamps of two time zones, `{name0}` "
        f"{str(a.tz)!r} and `{name}` {str(b.tz)!r}: the same clock times in "
        "each zone are other instants, so no label of one equals one of the "
        "other; if they stand for the same dates or times, drop both zones, "
        f"keeping the local clock times (`{name0}.tz_localize(None)` and "
        f"`{name}.tz_localize(None)`), then align them"
    )


def _pandas_kind(x: object) -> str:
    return "DataFrame" if hasattr(x, "columns") else "Series"


def _same_label(u: object, v: object) -> bool:
    """Whether two index labels are the same (two missing labels are)."""
    if _is_missing_label(u) or _is_missing_label(v):
        return _is_missing_label(u) and _is_missing_label(v)
    if isinstance(u, (bool, np.bool_)) != isinstance(v, (bool, np.bool_)):
        return False  # True == 1 in Python, yet they are other labels
    try:
        return bool(u == v)
    except (TypeError, ValueError):  # labels that do not compare
        return False


#: Said wherever numbers arrive as text: how to read them.
TEXT_NUMBERS_HINT = (
    "read numbers written as text with povstat.parse_numbers (e.g. "
    "locale='id' for '13,65')"
)


def text_columns_hint(column: str) -> str:
    """Said where a frame's column holds numbers as text: how to read them."""
    return (
        "read columns of numbers written as text with povstat.parse_columns "
        f"(e.g. parse_columns(df, [{column!r}], locale='id') for '13,65'; for "
        "a frame other than pandas, povstat.parse_numbers reads a column's "
        "values)"
    )


def _container_hint(x: object, name: str) -> str | None:
    """The message for a dict, set, dict view or iterator given as an array."""
    if isinstance(x, dict):
        return (
            f"`{name}` is a dict: pass pandas.Series({name}) (its keys are then "
            "labels, checked against the other arguments' labels) or "
            f"list({name}.values()) (values in the dict's order)"
        )
    if isinstance(x, set | frozenset):
        return (
            f"`{name}` is a set, which has no order to pair its values by: "
            "pass a list or an array"
        )
    views: tuple[type, ...] = (type({}.keys()), type({}.values()), type({}.items()))
    if isinstance(x, views):
        return f"`{name}` is a dict view: pass a list or an array (e.g. list(...))"
    if isinstance(x, Iterator):
        return (
            f"`{name}` is a {type(x).__name__} (an iterator, read once): pass a "
            "list or an array (e.g. list(...))"
        )
    return None


def numeric(
    x: ArrayLike,
    name: str,
    *,
    place: Callable[[int], str] | None = None,
    written: bool | str = False,
) -> NDArray[np.float64]:
    """Return `x` as a float64 array (possibly a view); reject non-numeric input.

    `written` (for :func:`povstat.format_number`): an integer beyond 2**53
    is held only when it is the shortest decimal of its nearest float64,
    the figure that float is written as (see :func:`_int_held`). A str is
    the Python code that writes such an integer ``n`` as the figure would
    be written (in its locale, with its decimals), offered in the refusal.

    A negative zero (``-0.0``, ``Decimal("-0")``, ``np.float32(-0.0)``,
    which ordinary rounding gives: ``round(-0.0004, 2)``) is read as 0: the
    same figure, so that every check and formula treats it as 0 (a
    population of -0.0 is refused or missing as one of 0 is, never a
    divisor giving -inf). See :func:`_numeric` for the rest of the rule.
    """
    arr = _numeric(x, name, place=place, written=written)
    if arr.size and bool(np.signbit(arr).any()):
        # x + 0.0 is +0.0 for either zero and x otherwise (NaN stays NaN);
        # a new array: the caller's data is never changed.
        arr = np.add(arr, 0.0)
    return arr


def _numeric(
    x: ArrayLike,
    name: str,
    *,
    place: Callable[[int], str] | None = None,
    written: bool | str = False,
) -> NDArray[np.float64]:
    """Return `x` as a float64 array (possibly a view); reject non-numeric input.

    A masked array's masked entries become NaN (missing), never the values
    hidden under the mask, which are not checked either (a Decimal or an
    integer float64 cannot hold is accepted there, as a masked inf is).
    A float32 (or float16) value stands for its
    shortest decimal representation in its own precision, the figure that
    was typed or published (``np.float32(2.675)`` is 2.675, although the
    nearest float32 is 2.6749999523...): it is widened to float64 through
    that decimal, so rounding and rounding checks treat it as the float64
    of the same figure. Numpy float32/float16 scalars and 0-d arrays are
    widened alike (``np.float32(9.36)`` is 9.36, not 9.359999656677246).

    Nothing wider than float64 is narrowed silently: an integer beyond 2**53
    that float64 cannot hold (also in a pandas, polars or pyarrow integer
    column with nulls, read before numpy would turn it into floats; an
    integer of at most 15 significant digits, ``8 * 10**25``, is held as
    the decimal it is, as ``Decimal("8E+25")`` is: see :func:`_int_held`),
    and a
    Decimal, Fraction or long double that is neither a float64 nor the
    shortest decimal of its nearest float64 (``Decimal("4.26")`` is held,
    ``Decimal("2.67499999999999999999")``, read as 2.675, is not) raise
    ValueError naming the value and its index.

    Missing values (None, pandas.NA, NaT, a float NaN and a Decimal NaN,
    quiet or signalling: ``Decimal("sNaN")``, which ``float()`` refuses)
    become NaN, for each caller's missing-value policy (``nan_policy``) to
    treat as it treats NaN.

    A lazy frame, relation or expression (which hold no values), one str
    that looks like a column name, and an eager frame that is not all
    numbers raise TypeError saying what was passed (:func:`not_an_array`);
    an eager frame of numbers is the 2-D array of its columns.
    """
    x = arrow_scalars(x)  # a pyarrow Scalar: the value it holds
    if type(x) is not np.ndarray:
        # A lazy frame, relation or expression holds no values; one str
        # that is no number names a column: said as such.
        table = not_an_array(x, name, eager=False)
        if table is not None:
            raise TypeError(table)
    # Dictionary, categorical and sparse columns decoded first: a null
    # stays missing, a float32 stays float32 (read below as it prints).
    x = decoded(x)
    if isinstance(x, np.ma.MaskedArray):
        mask = np.ma.getmaskarray(x)
        raw = np.ma.getdata(x)
        if mask.any() and raw.dtype.kind in "Oiu":
            # The value under a mask is not used, so not checked either (a
            # Decimal or an integer float64 cannot hold is missing there).
            raw = raw.copy()
            raw[mask] = None if raw.dtype.kind == "O" else 0
        data = _numeric(raw, name, written=written)
        return np.where(mask, np.nan, data) if mask.any() else data
    if type(x).__module__.startswith("polars") and str(getattr(x, "dtype", "")) in (
        "Int128",
        "UInt128",
    ):
        # numpy has no 128-bit integers: each value as a Python int (None
        # for null), checked below like any integer float64 must hold.
        wide: Any = x
        x = np.array(wide.to_list(), dtype=object)
    nullable = _nullable_integers(x)
    if nullable is not None:
        # pandas Int64, polars and pyarrow integers with nulls would reach
        # numpy as float64, 2**53 + 1 already read as 2**53.
        ints, missing = nullable
        if ints.size:
            _exact_integers(ints, name, place, written=written)
        out = ints.astype(np.float64)
        out[missing] = np.nan
        return out
    try:
        kept = _short_floats_kept(x) if isinstance(x, list | tuple) else None
        arr: NDArray[Any] = np.asarray(x) if kept is None else kept
    except (TypeError, ValueError) as exc:  # ragged nested sequences
        msg = f"`{name}` must be array-like of numbers: {exc}"
        raise TypeError(msg) from None
    if arr.dtype.kind == "O":
        # Lists holding None or pandas.NA arrive as object arrays; accept them
        # only if every element is a number or a missing marker.
        try:
            arr = _object_to_float(arr, written=written)
        except _InexactIntegerError as exc:
            at = "" if exc.index is None else f" at {_place(exc.index, place)}"
            msg = _wide_int_message(name, exc.value, at, written=written)
            raise ValueError(msg) from None
        except _InexactNumberError as exc:
            raise ValueError(
                _inexact_message(
                    name,
                    exc.value,
                    None if exc.index is None else _place(exc.index, place),
                )
            ) from None
        except OverflowError:
            raise ValueError(
                too_large_message(name, _overflow_position(arr, place))
            ) from None
        except (TypeError, ValueError):
            table = not_an_array(x, name)  # an eager frame holding text
            if table is not None:
                raise TypeError(table) from None
            container = _container_hint(x, name)
            if container is not None:
                raise TypeError(container) from None
            text = any(isinstance(v, str | bytes) for v in arr.reshape(-1).tolist())
            hint = f"; {TEXT_NUMBERS_HINT}" if text else ""
            msg = f"`{name}` must be numeric, got dtype object with non-numbers{hint}"
            raise TypeError(msg) from None
    if arr.dtype.kind not in "iuf" or arr.dtype.kind == "b":
        table = not_an_array(x, name)  # an eager frame of text or flags
        if table is not None:
            raise TypeError(table)
        hint = f"; {TEXT_NUMBERS_HINT}" if arr.dtype.kind in "US" else ""
        msg = f"`{name}` must be numeric, got dtype {arr.dtype}{hint}"
        raise TypeError(msg)
    if arr.dtype.kind == "f" and arr.dtype.itemsize < 8:
        return widen_short_float(arr)
    if arr.dtype.kind == "f" and arr.dtype.itemsize > 8:
        if written:  # an integer beyond 2**53, as an int is (np.longdouble(2**60))
            flat = arr.reshape(-1)
            big = np.flatnonzero(np.isfinite(flat) & (np.abs(flat) > _EXACT_INT))
            for k in big.tolist():  # only the few integers beyond 2**53
                v = flat[k]
                if _written_as_another(v, written):
                    at = f" at {_place(k, place)}" if arr.ndim == 1 else ""
                    raise ValueError(
                        _wide_int_message(name, int(v), at, written=written)
                    )
        return _narrow_long_float(arr, name, place)
    if arr.dtype.kind in "iu" and arr.dtype.itemsize == 8 and arr.size:
        _exact_integers(arr, name, place, written=written)
    return np.asarray(arr, dtype=np.float64)


#: Integers up to 2**53 in magnitude are exact in float64; beyond, two
#: different counts can become one float (2**53 + 1 is read as 2**53).
_EXACT_INT = 2**53


def _wide_int_rule(value: int) -> str:
    """Why the integer `value` is refused, as messages say it."""
    return (
        "(beyond 2**53 in magnitude, with more than 15 significant digits, "
        f"and its nearest float64 is {float(value)!r})"
    )


def _wide_int_message(name: str, value: int, at: str, *, written: bool | str) -> str:
    """The refusal of an integer beyond 2**53 (see :func:`_int_held`)."""
    f = float(value)
    if written and int(f) == value:
        # Held exactly, but its float64 is written as another integer.
        figure = int(Decimal(repr(f)))
        recipe = written if isinstance(written, str) else "f'{n:,}' (n the int)"
        return (
            f"`{name}` holds an integer that would be written as another: "
            f"{value!r}{at} is beyond 2**53 in magnitude, and its float64 "
            f"({f!r}) is written as its shortest decimal, {figure}; convert "
            f"it to float first if {figure} is meant, or write the integer "
            f"with Python: {recipe}"
        )
    # Its own digits cannot be kept by float64: written by Python, if text.
    own = f", or write the integer with Python: {written}" if written else ""
    return (
        f"`{name}` holds an integer that float64 (povstat's arithmetic) "
        f"cannot hold exactly: {value!r}{at} {_wide_int_rule(value)}; convert "
        f"it to float first if its nearest float64 is meant{own}"
    )


def _int_held(value: int, *, written: bool | str = False) -> bool:
    """Whether float64 holds the integer `value`, by the rule for a Decimal.

    Held when it equals its nearest float64 (every integer up to 2**53 in
    magnitude; beyond, 2**60 is), when it has at most :data:`HELD_DIGITS`
    significant digits (``8 * 10**25`` is the decimal 8E+25, the shortest
    decimal of its nearest float64, as ``Decimal("8E+25")`` is), or when it
    is that float64's shortest decimal; not ``2**53 + 1``, whose 16 digits
    its nearest float64 (2**53) does not keep.

    `written`: to be written as text (:func:`povstat.format_number`), which
    writes a float64 as its shortest decimal, the integer must be that
    decimal: ``2**60`` is then refused, as ``2**53 + 1`` is, its float64
    being written 1152921504606847000 (another integer).
    """
    n = abs(value)
    if n <= _EXACT_INT:
        return True
    f = float(n)  # OverflowError beyond float64's range, as float() raises
    if int(f) == n and not written:
        return True
    digits = str(n).rstrip("0")
    return len(digits) <= HELD_DIGITS or Decimal(repr(f)) == n


def _exact_integers(
    arr: NDArray[np.integer[Any]],
    name: str,
    place: Callable[[int], str] | None = None,
    *,
    written: bool | str = False,
) -> None:
    """Refuse 64-bit integers that float64 cannot hold exactly.

    Up to 2**53 in magnitude every integer is exact; beyond, only some are
    (10**20 is, 2**53 + 1 is not). The few large ones are tested one by one.
    A 1-D array's element is named as `place` names a row (``index k``
    without it).
    """
    big = (
        (arr > _EXACT_INT) | (arr < -_EXACT_INT)
        if arr.dtype.kind == "i"
        else (arr > _EXACT_INT)
    )
    if not big.any():
        return
    flat = arr.ravel()
    for where in np.flatnonzero(big.ravel()):  # only integers beyond 2**53
        value = int(flat[where])
        if not _int_held(value, written=written):
            at = f" at {_place(where, place)}" if arr.ndim == 1 else ""
            if arr.ndim > 1:
                pos = np.unravel_index(where, arr.shape)
                at = f" at index {tuple(int(k) for k in pos)}"
            msg = _wide_int_message(name, value, at, written=written)
            raise ValueError(msg)


def arrow_scalars(x: Any) -> Any:
    """A pyarrow Scalar as its Python value; a container of them likewise.

    Indexing or iterating a pyarrow column gives Scalars (``table["p0"][0]``,
    ``list(table["p0"])``), which numpy reads by their bytes: a string as
    its UTF-8 codes, a float32 by its binary value. Each becomes the value
    it holds (``.as_py()``): a string a str, an integer a Python int (so
    one beyond 2**53 is refused as any int is), a float32 or float16 value
    a ``np.float32`` or ``np.float16`` (read as the figure it prints as), a
    dictionary cell its value, a null None. So do the cells of a list or
    tuple, and of an object column holding Scalars (``pd.Series(list(
    table["p0"]))``, an object ndarray, masked or not, a pandas object
    Index, a polars Object Series), which keeps its kind, shape, index,
    name and mask (a polars Object Series becomes an object ndarray).
    Anything else is `x`.
    """
    if isinstance(x, list | tuple):
        if any(_is_arrow_scalar(c) for c in x):
            return type(x)(arrow_scalars(c) for c in x)
        return x
    if not _is_arrow_scalar(x):
        return _arrow_cells(x)
    t = str(x.type)
    if t.startswith("dictionary"):
        return arrow_scalars(x.value) if x.is_valid else None
    value = x.as_py()
    if value is not None and t in ("float", "halffloat"):
        return np.float32(value) if t == "float" else np.float16(value)
    return value


def _is_arrow_scalar(x: object) -> bool:
    """Whether `x` is a pyarrow Scalar (without importing pyarrow)."""
    return _is_arrow_scalar_type(type(x))


def _is_arrow_scalar_type(cls: type) -> bool:
    """Whether `cls` is a pyarrow Scalar type (without importing pyarrow)."""
    return cls.__module__.startswith("pyarrow") and any(
        c.__name__ == "Scalar" for c in cls.__mro__
    )


def _arrow_cells(x: Any) -> Any:
    """An object column whose cells include pyarrow Scalars, read by value.

    For :func:`arrow_scalars`. Only an object column is looked at, and only
    the types of its cells (a set, built in C), so numbers in a numeric
    array pass untouched; the cells are read one by one only when a Scalar
    is among them.
    """
    module = "numpy" if isinstance(x, np.ndarray) else type(x).__module__[:6]
    dtype = getattr(x, "dtype", None)
    if module in ("numpy", "pandas"):
        if getattr(dtype, "kind", None) != "O" or not isinstance(dtype, np.dtype):
            return x
        cells: Any = np.ma.getdata(x) if module == "numpy" else x.to_numpy()
    elif module == "polars" and str(dtype) == "Object":
        cells = x.to_numpy()
    else:
        return x
    cells = np.asarray(cells, dtype=object)
    kinds = set(map(type, cells.ravel().tolist()))
    if not any(_is_arrow_scalar_type(k) for k in kinds):
        return x
    values = np.empty(cells.shape, dtype=object)
    values[...] = np.frompyfunc(arrow_scalars, 1, 1)(cells)
    if isinstance(x, np.ma.MaskedArray):
        return np.ma.MaskedArray(values, mask=np.ma.getmaskarray(x))
    if module != "pandas":
        return values  # a polars Object column: its values, as an object array
    import pandas as pd  # local: the array layer does not need pandas

    if isinstance(x, pd.Index):
        return pd.Index(values, dtype=object, name=x.name)
    return pd.Series(values, index=x.index, name=x.name, dtype=object)


def decoded(x: Any) -> Any:
    """`x` with a dictionary, categorical or sparse encoding undone, else `x`.

    The one place where encoded containers become plain ones, for the array
    functions (:func:`numeric`) and :func:`povstat.parse_numbers` alike: a
    pyarrow dictionary Array or ChunkedArray (``pa.Table.from_pandas`` of a
    ``category`` column), a pandas ``category``, ``dictionary[pyarrow]`` or
    ``Sparse`` Series or array. A null stays missing (numpy reads a null of
    a dictionary ChunkedArray as a dictionary value), a float32 value keeps
    its float32 type (read as the figure it prints as, not its binary
    value), an integer stays an integer with its nulls beside it (checked
    as any integer float64 must hold, never rounded first). A pandas Series
    keeps its index and name. A pyarrow Scalar, or a list of them, is read
    as the values they hold (:func:`arrow_scalars`), an ``array.array`` of
    float32 (typecode ``'f'``) as a float32 array.
    """
    x = arrow_scalars(x)
    if isinstance(x, array.array) and x.typecode == "f":
        # Iterated, its cells would be Python floats (float64), no longer
        # float32 values read as they print: numpy keeps the float32 type.
        return np.asarray(x)
    module = type(x).__module__.partition(".")[0]
    if module == "pyarrow":
        t = getattr(x, "type", None)
        value_type = getattr(t, "value_type", None)
        if value_type is None or not str(t).startswith("dictionary"):
            return x
        return x.cast(value_type)
    if module != "pandas":
        return x
    import pandas as pd  # local: the array layer does not need pandas

    dtype = getattr(x, "dtype", None)
    values: Any
    if isinstance(dtype, pd.CategoricalDtype):
        cat = pd.Categorical(x)
        kind = getattr(dtype.categories.dtype, "kind", "")
        if kind not in "iuf" or not kind:
            return x
        cats: NDArray[Any] = np.asarray(dtype.categories.to_numpy())
        codes = np.asarray(cat.codes, dtype=np.intp)
        if kind == "f":  # as wide as the categories; a null (code -1) NaN
            values = np.append(cats, np.nan).astype(cats.dtype)[codes]
        else:  # nullable integers: a null is never a float NaN
            ints: Any = pd.array(cats)
            values = ints.take(codes, allow_fill=True)
    elif isinstance(dtype, pd.ArrowDtype) and str(dtype.pyarrow_dtype).startswith(
        "dictionary"
    ):
        import pyarrow as pa  # type: ignore[import-untyped]

        arrow = pa.array(pd.array(x))
        values = pd.arrays.ArrowExtensionArray(
            arrow.cast(dtype.pyarrow_dtype.value_type)
        )
    elif isinstance(dtype, pd.SparseDtype):
        sparse: Any = pd.array(x)
        values = np.asarray(sparse.to_dense())
    else:
        return x
    if isinstance(x, pd.Series):
        return pd.Series(values, index=x.index, name=x.name, copy=False)
    return values


def _nullable_integers(x: object) -> tuple[NDArray[Any], NDArray[np.bool_]] | None:
    """The integers and the null mask of a nullable integer column, else None.

    For pandas nullable (``Int64``, ``int64[pyarrow]``), polars and pyarrow
    integer arrays, whose nulls numpy would otherwise turn into a float64
    array, rounding integers beyond 2**53 before they could be checked.
    """
    module = type(x).__module__.partition(".")[0]
    if module not in ("pandas", "polars", "pyarrow"):
        return None
    col: Any = x
    try:
        if module == "pandas":
            import pandas as pd  # local: the array layer does not need pandas

            dtype = getattr(col, "dtype", None)
            if (
                dtype is None
                or isinstance(dtype, np.dtype)
                or not pd.api.types.is_integer_dtype(dtype)
            ):
                return None
            target = np.uint64 if str(dtype).lower().startswith("uint") else np.int64
            missing = np.asarray(pd.isna(col), dtype=np.bool_)
            ints = np.asarray(col.to_numpy(dtype=target, na_value=0))
        elif module == "polars":
            if not col.dtype.is_integer():
                return None
            missing = np.asarray(col.is_null().to_numpy(), dtype=np.bool_)
            ints = np.asarray(col.fill_null(0).to_numpy())
        else:  # pyarrow Array or ChunkedArray
            if not str(col.type).startswith(("int", "uint")):
                return None
            nulls = col.is_null().to_numpy(zero_copy_only=False)
            missing = np.asarray(nulls, dtype=np.bool_)
            ints = np.asarray(col.fill_null(0).to_numpy(zero_copy_only=False))
    except (AttributeError, TypeError, ValueError):
        return None  # not a column this knows: numpy reads it as usual
    if ints.dtype.kind not in "iu" or ints.shape != missing.shape:
        return None
    return ints, missing


def _place(index: Any, place: Callable[[int], str] | None) -> str:
    """Where element `index` is: ``index k``, or as `place` names a row."""
    return f"index {index}" if place is None else place(int(index))


def _plain(value: object) -> str:
    """A number as messages show it: a Decimal by its digits, else its repr."""
    return str(value) if isinstance(value, Decimal) else repr(value)


def inexact_advice(cast: str = "convert it to float") -> str:
    """What to do with a number float64 cannot hold exactly: the one advice.

    Said by every refusal of such a number (:func:`numeric`, a frame's
    Decimal column, :func:`povstat.parse_numbers`). Converting gives the
    nearest float64, which is right only if that float is meant: where it
    lies on the other side of a half (4.26499999999999999999, nearest
    4.265), the decimal's own rounding (4.26) is another figure. So the
    advice never says "round it" without saying how: in decimal arithmetic,
    whose result float64 then holds (a call of :func:`povstat.round_half_up`
    on the number itself is what was refused). `cast` names the conversion
    ("cast the column to float64" for a frame).
    """
    return (
        f"{cast} first if the nearest float64 is meant; if its own digits "
        "are meant, round it in decimal arithmetic first (e.g. "
        "Decimal.quantize with ROUND_HALF_UP) to the decimals the figure "
        "is published with"
    )


def _inexact_message(name: str, value: object, index: object) -> str:
    """`index`: an index, or a place already written out (a str), or None."""
    if isinstance(index, str):
        at = f" at {index}"
    else:
        at = "" if index is None else f" at index {index}"
    return (
        f"`{name}` holds a number that float64 (povstat's arithmetic) cannot "
        f"hold exactly: {_plain(value)}{at} (its nearest float64 is "
        f"{float(value)!r}); {inexact_advice()}"  # type: ignore[arg-type]
    )


#: Significant digits every float64 holds: a decimal of at most 15 is the
#: shortest decimal of its nearest float64, so it is held (as `numeric` reads).
HELD_DIGITS = 15


def refuse_inexact_decimal_texts(
    texts: Sequence[object] | NDArray[Any],
    digits: NDArray[Any],
    name: str,
    where: str | Callable[[int], str] | None = "row",
) -> None:
    """Refuse decimals, written as text, that float64 cannot hold.

    For Decimal columns of frames, which the engines write as text: the rule
    of :func:`numeric` (a value is held when it is the shortest decimal of
    its nearest float64: ``"4.2600000000"`` is, ``"2.67499999999999999999"``
    is not). `digits` holds each text's significant digits; only texts of
    more than :data:`HELD_DIGITS` are looked at, so a column of short
    decimals costs one comparison.

    Raises
    ------
    ValueError
        Naming `name`, the first value not held and its `where`: a word
        before its position (``"row"``), a function naming the place of
        position i (a frame's row), or None (no position).
    """
    long = np.flatnonzero(np.nan_to_num(np.asarray(digits, np.float64)) > HELD_DIGITS)
    for i in long.tolist():  # only decimals of 16 or more digits: rare
        value = Decimal(str(texts[i]))
        if not _held(value, float(value)):
            if where is None:
                at = ""
            else:
                at = f" at {where(i)}" if callable(where) else f" at {where} {i}"
            # A DECIMAL(38, 0) or HUGEINT column holds integers.
            exponent = value.as_tuple().exponent
            integer = isinstance(exponent, int) and exponent >= 0
            kind = "an integer" if integer else "a decimal"
            msg = (
                f"{name} holds {kind} that float64 (povstat's arithmetic) "
                f"cannot hold exactly: {value}{at} (its nearest "
                f"float64 is {float(value)!r}); "
                f"{inexact_advice('cast the column to float64')}"
            )
            raise ValueError(msg)


def _narrow_long_float(
    arr: NDArray[np.floating[Any]],
    name: str,
    place: Callable[[int], str] | None = None,
) -> NDArray[np.float64]:
    """Float64 of a longdouble array, refusing values float64 cannot hold.

    A value is held when it is a float64 widened exactly, or the shortest
    decimal of its float64 (as povstat reads every float) parses back to it
    in the long type: ``np.longdouble("4.26")`` is held, ``"2.6749999999999999"``
    (read as 2.675 in float64) is not.
    """
    with np.errstate(over="ignore"):
        out = arr.astype(np.float64)
    flat, narrow = arr.reshape(-1), out.reshape(-1)
    held = (narrow.astype(arr.dtype) == flat) | np.isnan(flat)
    if not held.all():
        back = narrow[~held].astype(str).astype(arr.dtype)
        held[~held] = back == flat[~held]
    if not held.all():
        k = int(np.flatnonzero(~held)[0])
        where: object = None
        if arr.ndim == 1:
            where = k if place is None else place(k)
        elif arr.ndim > 1:
            where = tuple(int(j) for j in np.unravel_index(k, arr.shape))
        raise ValueError(_inexact_message(name, flat[k], where))
    return np.asarray(out, dtype=np.float64)


def short_float(value: Any) -> float:
    """A number as float64; a float32/float16 scalar through its shortest decimal.

    ``np.float32(0.01)`` is the figure 0.01, not 0.009999999776482582 (see
    :func:`widen_short_float` for arrays).
    """
    if isinstance(value, np.floating) and value.dtype.itemsize < 8:
        return float(str(value))
    return float(value)


def widen_short_float(arr: NDArray[np.floating[Any]]) -> NDArray[np.float64]:
    """Float64 of the shortest decimal of each float32/float16 value.

    numpy's str of a float32 is its shortest round-tripping decimal (as
    ``np.format_float_positional(x, unique=True)``), and parsing that
    decimal as float64 is correctly rounded.
    """
    return np.asarray(arr.astype(str).astype(np.float64), dtype=np.float64)


def _short_floats_kept(x: list[Any] | tuple[Any, ...]) -> NDArray[Any] | None:
    """A sequence holding float32/float16 scalars, ``np.ma.masked`` or a wide int.

    As objects (``np.ma.masked`` as None, a missing value); else None.

    numpy would widen ``[np.float32(4.26), 5.0]`` to float64 exactly
    (4.260000228881836); as objects, each short float is read through its
    shortest decimal, as a float32 array is.
    """
    try:
        obj = np.asarray(x, dtype=object)
    except ValueError:  # ragged: np.asarray says so in `numeric`
        return None
    items = obj.ravel()
    kinds = set(map(type, items))
    if np.ma.core.MaskedConstant in kinds:
        # ``np.ma.masked`` in a list is a missing value (NaN), silently, as
        # in a masked array: numpy would warn "converting a masked element
        # to nan".
        obj = obj.copy()
        flat = obj.reshape(-1)
        flat[[v is np.ma.masked for v in items]] = None
        return obj
    if kinds & {np.float32, np.float16}:
        return obj
    if kinds & {bool, np.bool_} and len(kinds) > 1:
        # [True, 1.5]: numpy would read True as 1.0; as objects it is
        # refused, as a boolean array is.
        return obj
    # An int beyond 2**53 next to a float: numpy would make it a float64
    # silently ([2**53 + 1, 0.5]); as objects, it is checked and refused.
    # (a numpy integer too: [1.5, np.int64(2**60)]).
    ints = [k for k in kinds if issubclass(k, int | np.integer) and k is not bool]
    wide = bool(ints) and any(
        isinstance(v, int | np.integer)
        and not isinstance(v, bool | np.bool_)
        and abs(int(v)) > 2**53
        for v in items
    )
    return obj if wide else None


class _InexactNumberError(Exception):
    """A Decimal, Fraction or long float of an object array float64 cannot hold."""

    def __init__(self, index: int | None, value: object) -> None:
        super().__init__(index, value)
        self.index = index
        self.value = value


def _held(item: Decimal | Fraction, f: float) -> bool:
    """Whether float64 `f` holds `item`: exactly, or as its shortest decimal."""
    kind = type(item)
    return bool(kind(f) == item or kind(repr(f)) == item)


def float_holds(x: object, f: float) -> bool:
    """Whether `f`, the float64 nearest the finite number `x`, holds `x`.

    The one rule for numbers wider than float64, as :func:`numeric` reads
    them: an integer (any width) is held when it equals its nearest
    float64 (every integer up to 2**53 in magnitude; beyond, 2**60 is and
    2**53 + 1 is not); a Decimal, Fraction or long double when it equals
    its nearest float64 or is that float64's shortest decimal, the figure
    it prints as (``Decimal("4.26")`` is held,
    ``Decimal("2.67499999999999999999")``, nearest 2.675, is not). Any
    other number (a float64, a float32 read as its shortest decimal) is
    held.
    """
    if isinstance(x, bool | np.bool_):
        return True
    if isinstance(x, int | np.integer):
        return _int_held(int(x))
    if isinstance(x, Decimal):
        digits = len(x.as_tuple().digits)
        return digits <= HELD_DIGITS or _held(x, f)
    if isinstance(x, Fraction):
        return _held(x, f)
    if isinstance(x, np.floating) and x.dtype.itemsize > 8:
        long = x.dtype.type
        return bool(long(f) == x or long(repr(f)) == x)
    return True


def _wide_integral(x: Any) -> bool:
    """Whether the finite number `x` is an integer beyond 2**53 in magnitude.

    Such a Decimal, Fraction or long double is held by float64 as the
    integer it is, so :func:`povstat.format_number` writes it by the rule
    for an int (:func:`_int_held` with `written`): ``Decimal(2**60)`` is
    refused, as ``2**60`` is.
    """
    try:
        return bool(abs(x) > _EXACT_INT and x == int(x))
    except (OverflowError, ValueError):  # an infinity or NaN: no integer
        return False


def _written_as_another(x: Any, written: bool | str) -> bool:
    """Whether the finite number `x`, held by float64, is written as another integer.

    For :func:`povstat.format_number` (`written`): a Decimal, Fraction or
    long double that is an integer beyond 2**53 (:func:`_wide_integral`)
    is written by the rule for an int (:func:`_int_held`), so
    ``Decimal(2**60)`` is refused as ``2**60`` is.
    """
    return (
        bool(written) and _wide_integral(x) and not _int_held(int(x), written=written)
    )


class _InexactIntegerError(Exception):
    """An integer of an object array beyond 2**53 (its flat index and value)."""

    def __init__(self, index: int | None, value: int) -> None:
        super().__init__(index, value)
        self.index = index
        self.value = value


def _object_to_float(
    arr: NDArray[np.object_], *, written: bool | str = False
) -> NDArray[np.float64]:
    flat = arr.ravel()
    out = np.empty(flat.shape, dtype=np.float64)
    for i, item in enumerate(flat):  # only reached for object input
        if item is None or _is_na(item):
            out[i] = np.nan
        elif isinstance(item, bool | np.bool_ | str | bytes):
            raise TypeError
        elif isinstance(item, np.float32 | np.float16):
            out[i] = short_float(item)  # its shortest decimal, as in `numeric`
        elif isinstance(item, int | np.integer) and abs(int(item)) > _EXACT_INT:
            if abs(int(item)) > _MAX_FINITE:
                raise OverflowError
            if not _int_held(int(item), written=written):
                raise _InexactIntegerError(i if arr.ndim else None, int(item))
            out[i] = float(item)
        elif isinstance(item, Decimal | Fraction):
            if isinstance(item, Decimal) and not item.is_finite():
                # A NaN, quiet or signalling (which float() refuses), is a
                # missing value, as float NaN is; infinities stay infinite.
                out[i] = np.nan if item.is_nan() else float(item)
                continue
            f = float(item)
            if not _held(item, f):
                if math.isfinite(f) and _wide_integral(item):
                    # A whole number (Decimal("20892376123456789")): refused
                    # as the int it is, rounding its decimals being no help.
                    raise _InexactIntegerError(i if arr.ndim else None, int(item))
                raise _InexactNumberError(i if arr.ndim else None, item)
            if _written_as_another(item, written):
                # Decimal(2**60): held, but written as another integer.
                raise _InexactIntegerError(i if arr.ndim else None, int(item))
            out[i] = f
        elif isinstance(item, np.floating) and item.dtype.itemsize > 8:
            with np.errstate(over="ignore"):
                f = float(item)
            try:
                _narrow_long_float(np.asarray([item]), "x")
            except ValueError:
                raise _InexactNumberError(i if arr.ndim else None, item) from None
            if _written_as_another(item, written):
                raise _InexactIntegerError(i if arr.ndim else None, int(item))
            out[i] = f
        else:
            out[i] = float(item)
    return out.reshape(arr.shape)


def _overflow_position(
    arr: NDArray[np.object_], place: Callable[[int], str] | None = None
) -> str:
    """Where the first number beyond float64 is (error path only).

    A 1-D array's element is named as `place` names a row (``index k``
    without it), as :func:`_exact_integers` names one.
    """
    if arr.ndim == 0:
        return ""
    for i, item in enumerate(arr.ravel()):  # only reached on overflow
        try:
            float(item)
        except (TypeError, ValueError):  # None, pandas.NA: missing markers
            continue
        except OverflowError:
            where = np.unravel_index(i, arr.shape)
            if arr.ndim == 1:
                return f" at {_place(int(where[0]), place)}"
            return f" at index {tuple(int(k) for k in where)}"
    return ""  # pragma: no cover - an overflow was raised for some item


def _is_na(item: object) -> bool:
    try:
        import pandas as pd  # local: the array layer does not need pandas
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False
    return item is pd.NA or item is pd.NaT


def finite_or_nan(
    x: ArrayLike, name: str, *, written: bool | str = False
) -> NDArray[np.float64]:
    """Numeric array whose entries are finite or NaN (no infinities).

    `written`: as :func:`numeric` takes it (for a number written as text).
    """
    arr = numeric(x, name, written=written)
    if in_range(arr, -_MAX_FINITE, _MAX_FINITE):
        return arr
    bad = np.isinf(arr)
    if bad.any():
        msg = (
            f"`{name}` must be finite (NaN marks a missing value), "
            f"found {_first(arr, bad)}"
        )
        raise ValueError(msg)
    return arr


def nonnegative(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Numeric array with every non-missing entry >= 0 and finite."""
    arr = numeric(x, name)
    if in_range(arr, 0.0, _MAX_FINITE):
        return arr
    arr = finite_or_nan(arr, name)
    bad = arr < 0  # NaN compares False and passes
    if bad.any():
        msg = f"`{name}` must be >= 0, found {_first(arr, bad)}"
        raise ValueError(msg)
    return arr


def positive(x: ArrayLike, name: str) -> NDArray[np.float64]:
    """Numeric array with every non-missing entry > 0 and finite."""
    arr = finite_or_nan(x, name)
    bad = arr <= 0  # NaN compares False and passes
    if bad.any():
        msg = f"`{name}` must be > 0, found {_first(arr, bad)}"
        raise ValueError(msg)
    return arr


def rate(x: ArrayLike, name: str, unit_: Unit) -> NDArray[np.float64]:
    """Numeric array of rates in `unit_`: every non-missing entry in [0, upper]."""
    arr = numeric(x, name)
    upper = _UPPER[unit_]
    if in_range(arr, 0.0, upper):
        return arr
    arr = finite_or_nan(arr, name)
    bad = (arr < 0) | (arr > upper)
    if bad.any():
        hint = ""
        if unit_ == "fraction" and np.nanmax(arr) <= 100:
            hint = "; is it in percent? then pass unit='percent'"
        msg = (
            f"`{name}` must lie in [0, {upper:g}] for unit={unit_!r}, "
            f"found {_first(arr, bad)}{hint}"
        )
        raise ValueError(msg)
    return arr


_MAX_FINITE = float(np.finfo(np.float64).max)
#: Largest value a non-negative quantity may take (finite).
MAX_FINITE = _MAX_FINITE
#: Upper end of a rate in each unit.
UPPER = _UPPER

# Elements per block when a function checks its inputs block by block as it
# computes: small enough that each input's block is still in cache when the
# arithmetic reads it again, so the inputs are read from memory once.
_BLOCK = 1 << 16
#: Elements per block (see :func:`blocks`).
BLOCK = _BLOCK


def numeric_or_none(x: ArrayLike, name: str) -> NDArray[np.float64] | None:
    """:func:`numeric`, or None where it would raise.

    For a check made ahead of its turn: the caller then checks the
    arguments in their usual order, so that the first one to fail speaks.
    """
    try:
        return numeric(x, name)
    except (TypeError, ValueError):
        return None


def blockable(*arrays: NDArray[np.float64] | None, min_size: int = 0) -> bool:
    """Whether same-shape, C-contiguous, non-scalar inputs can be done in blocks.

    The block path of a function gives the numbers of its whole-array path
    at any size (it computes with the same kernel); `min_size` is the size
    below which the function prefers the whole-array path.
    """
    first = arrays[0]
    return (
        first is not None
        and first.ndim > 0
        and first.size >= min_size
        and all(
            a is not None and a.shape == first.shape and a.flags.c_contiguous
            for a in arrays
        )
    )


def blocks(size: int) -> Iterator[slice]:
    """Slices of a flat array in blocks of a few hundred kilobytes."""
    return (slice(i, i + _BLOCK) for i in range(0, size, _BLOCK))


def blockwise(
    func: Callable[..., tuple[NDArray[np.float64], ...]],
    arrays: Sequence[NDArray[np.float64]],
    n_out: int,
) -> list[NDArray[np.float64]]:
    """`func`'s `n_out` element-wise results on `arrays`, computed in blocks.

    `arrays` are broadcast to one shape; `func` takes their 1-D blocks and
    returns `n_out` arrays of a block's length. Exact arithmetic holds a few
    dozen temporaries per element: in blocks (:func:`blocks`) the peak
    memory stays a few megabytes whatever the size, with the same bits.
    """
    full = np.broadcast_arrays(*arrays)
    shape = full[0].shape if full else ()
    parts = [np.empty(shape, dtype=np.float64) for _ in range(n_out)]
    flat = [x.reshape(-1) for x in full]
    outs = [x.reshape(-1) for x in parts]
    for b in blocks(flat[0].size if flat else 1):  # blocks of 65,536, not rows
        got = func(*(x[b] for x in flat))
        for out, part in zip(outs, got, strict=True):  # a handful of results
            out[b] = part
    return parts


def in_range(arr: NDArray[np.float64], lo: float, hi: float) -> bool:
    """Two-pass check that every non-missing entry lies in [lo, hi] (NaN passes)."""
    if arr.size == 0:
        return True
    smallest = float(np.fmin.reduce(arr, axis=None))
    if smallest != smallest:  # every entry is NaN
        return True
    return bool(lo <= smallest and float(np.fmax.reduce(arr, axis=None)) <= hi)


#: Decimal places at which statements, traces and sentences compare
#: published figures (float noise such as 0.1 + 0.2 is removed there), and
#: so the most decimals a stated figure may have.
FIGURE_DECIMALS = 10


def decimals(value: object, name: str = "decimals", *, most: int = 15) -> int:
    """Check a number of decimal places (an int, possibly negative).

    `most` is :data:`FIGURE_DECIMALS` for the functions that compare
    figures at that many decimals: more would be accepted and then ignored.
    A 0-d integer array is its integer (:func:`scalar`).
    """
    value = scalar(value)
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        msg = f"`{name}` must be an int, got {shown(value)}"
        raise TypeError(msg)
    if not -15 <= int(value) <= most:
        why = (
            ""
            if most == 15 or int(value) < -15
            else f"; figures are compared at {most} decimals, so more cannot be checked"
        )
        msg = f"`{name}` must lie in [-15, {most}], got {shown(value)}{why}"
        raise ValueError(msg)
    return int(value)


def shape(**arrays: NDArray[np.float64]) -> tuple[int, ...]:
    """The broadcast shape of the named arrays; on a clash name each one."""
    try:
        return np.broadcast_shapes(*(a.shape for a in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"`{k}` {v.shape}" for k, v in arrays.items())
        msg = f"shapes do not broadcast: {shapes}"
        raise ValueError(msg) from None


#: Longest repr a message quotes in full; a longer one is cut.
SHOWN_CHARACTERS = 80


def shown(x: object) -> str:
    """`x` as a refusal shows it: a masked scalar as "masked", else its repr.

    A masked value's repr spans lines (``masked_array(data=--, mask=True,
    ...)``); the message says what it is instead. A repr longer than
    :data:`SHOWN_CHARACTERS` (a whole Series or list passed as a value) is
    cut to its first characters on one line, with its length, so that a
    message stays short whatever the value.
    """
    if x is np.ma.masked or (
        isinstance(x, np.ma.MaskedArray) and x.ndim == 0 and bool(x.mask)
    ):
        return "masked (a missing value)"
    if isinstance(x, np.ma.MaskedArray) and np.ma.is_masked(x):
        hidden = int(np.count_nonzero(np.ma.getmaskarray(x)))
        return f"a masked array ({hidden} entries masked)"
    return cut(repr(x))


def cut(text: str) -> str:
    """`text` for a message: cut, on one line, if over SHOWN_CHARACTERS."""
    if len(text) <= SHOWN_CHARACTERS:
        return text
    head = " ".join(text[: 4 * SHOWN_CHARACTERS].split())[: SHOWN_CHARACTERS - 20]
    return f"{head}... ({len(text)} characters)"


def plain(x: object) -> object:
    """`x` as an error message shows it: a numpy scalar as its Python value.

    ``np.str_('A')`` shows as ``'A'``, ``np.int64(3)`` as ``3``: a label or
    value taken from an array is named as the caller wrote it, not as
    numpy's repr.
    """
    return x.item() if isinstance(x, np.generic) else x


def _first(arr: NDArray[np.float64], bad: NDArray[np.bool_]) -> str:
    """Describe the first offending value, with its index for arrays."""
    if arr.ndim == 0:
        return f"{arr.item()!r}"
    idx = np.argwhere(bad)[0]
    where = int(idx[0]) if arr.ndim == 1 else tuple(int(i) for i in idx)
    n = int(bad.sum())
    more = f" ({n} offending values in all)" if n > 1 else ""
    return f"{arr[tuple(idx)].item()!r} at index {where}{more}"


def _is_missing_label(x: object) -> bool:
    if x is None or x is np.ma.masked:  # a masked entry held as an object
        return True
    try:
        return bool(x != x)  # NaN of any float type, NaT, pandas.NA (raises)
    except TypeError:
        return True  # pandas.NA: its truth value is ambiguous
    except ArithmeticError:
        return True  # Decimal("sNaN"): a signalling NaN refuses to compare
    except ValueError:
        return False  # an array as a label: not a missing marker


def _label_kind(x: object) -> str:
    """The kind of a Python label: labels of two kinds must not meet in `by`."""
    return _kind_of_type(type(x))


def _kind_of_type(t: type) -> str:
    if issubclass(t, str | np.str_):
        return "str"
    if issubclass(t, bytes | np.bytes_):
        return "bytes"
    if issubclass(t, bool | np.bool_):
        return "bool"
    if issubclass(t, int | np.integer):
        return "int"
    if issubclass(t, float | np.floating):
        return "float"
    return "other"


def label_kinds(items: Iterable[Any]) -> list[str]:
    """The sorted kinds (str, bytes, bool, int, float, other) of some labels.

    The one test of mixed labels, shared by the array functions' `by` and
    the adapters' key columns: more than one kind means that labels which
    differ only in type (3573 and '3573', 1 and True) would be split into
    two groups, or merged into one, depending on the library.
    """
    return sorted({_kind_of_type(t) for t in set(map(type, items))})


_MIXED_LABELS = (
    "{what} must be of one kind: all numbers or all strings, and the "
    "numbers all int, all float or all bool; found {kinds}. Labels that differ "
    "only in type, such as 1, 1.0, True and '1', would otherwise be merged "
    "into one group"
)


def refuse_nested_labels(
    items: list[Any] | NDArray[Any],
    name: str,
    column: str | None,
    *,
    types: set[type] | None = None,
    hint: str = "",
) -> None:
    """Refuse labels that are containers (lists, tuples, arrays, mappings).

    A domain, stratum, PSU or group label is one value; a container would
    be compared element by element (numpy fails, or splits it into
    columns), and a ragged list of them is no array at all. The container
    is shown by its repr when short and on one line, else by its kind and
    length (a Series of a column's values is not printed); `hint` ends the
    message (advice for the caller's function).
    """
    kinds = set(map(type, items)) if types is None else types
    # numpy's masked constant (a masked entry of an object array) is a
    # missing label, said by the label check, not a container.
    nested = [
        t
        for t in kinds
        if hasattr(t, "__len__")
        and not issubclass(t, str | bytes | np.ma.core.MaskedConstant)
    ]
    if not nested:
        return
    i, value = next((i, x) for i, x in enumerate(items) if type(x) in nested)
    what = type(value).__name__
    if column is None:
        arg = f"`{name}`" if name == "labels" else f"`{name}` labels"
        where = f"{arg} must be scalars (numbers, strings, dates, ...)"
        msg = f"{where}, got a {what} at index {i}{_container_shown(value)}"
    else:
        msg = (
            f"`{name}` column {column!r} holds {what} values (such as "
            f"{value!r}); labels must be scalars (numbers, strings, dates, ...)"
        )
    raise TypeError(msg + hint)


def _container_shown(value: Any) -> str:
    """``": <repr>"`` of a short one-line container, else its length.

    A whole column (a Series, an array, a list of a column's values) is
    described, never printed into a message: ``" (of 3 values)"``.
    """
    text = repr(value)
    if "\n" not in text and len(text) <= _SHORT_REPR:
        return f": {text}"
    try:
        return f" (of {len(value):,} values)"
    except TypeError:  # no length: its start
        return f": {text.splitlines()[0][:_SHORT_REPR]}..."


#: The longest repr of a container label shown in full in a message.
_SHORT_REPR = 60


#: numpy datetime64 units that name a day or longer: such a value is a date.
_DATE_UNITS = frozenset({"Y", "M", "W", "D"})


def _date_kind(x: object) -> str | None:
    """Say "date" or "date-time" for a date label of any type, None for others.

    A ``date`` and a ``datetime`` (``pandas.Timestamp`` included) cannot be
    ordered together, and numpy's datetime64 reads as one or the other by
    its unit (a day or longer: a date).
    """
    if isinstance(x, np.datetime64):
        return "date" if np.datetime_data(x.dtype)[0] in _DATE_UNITS else "date-time"
    if isinstance(x, datetime.datetime):
        return "date-time"
    if isinstance(x, datetime.date):
        return "date"
    return None


def _refuse_mixed_dates(items: list[Any], what: str) -> None:
    """Refuse dates mixed with date-times, in every order of the labels.

    Some pairs of such labels compare (a Timestamp and a datetime64, a
    datetime64 and a date) and others do not (a Timestamp and a date), so
    a sort would succeed or fail by the order of the rows.
    """
    if not any(
        issubclass(t, np.datetime64 | datetime.date) for t in set(map(type, items))
    ):
        return
    found: dict[str, set[str]] = {}
    for x in items:
        k = _date_kind(x)
        if k is not None:
            found.setdefault(k, set()).add(type(x).__name__)
    if len(found) > 1:
        shown = "; ".join(
            f"{k}s: {', '.join(sorted(v))}" for k, v in sorted(found.items())
        )
        msg = (
            f"{what} mix dates and date-times ({shown}), which cannot be "
            "ordered together; convert them to one type first (all dates, "
            "or all date-times such as pandas.Timestamp)"
        )
        raise TypeError(msg)


def _check_label_items(
    items: list[Any], name: str, *, column: str | None = None, hint: str = ""
) -> None:
    """Reject nested, missing and mixed-kind labels (one pass over `items`).

    `column` names the frame's column the labels come from (messages say
    ```by` column 'g' labels``), `hint` ends a message about nested labels.
    """
    refuse_nested_labels(items, name, column, hint=hint)
    missing = [i for i, x in enumerate(items) if _is_missing_label(x)]
    if missing:
        i = missing[0]
        msg = (
            f"`{name}` must not contain missing labels (None/NaN/NaT/NA), "
            f"found {plain(items[i])!r} at index {i}"
        )
        raise ValueError(msg)
    kinds = label_kinds(items)
    what = (
        f"`{name}` column {column!r} labels"
        if column is not None
        else f"`{name}`"
        if name == "labels"
        else f"`{name}` labels"
    )
    if len(kinds) > 1:
        raise TypeError(
            _MIXED_LABELS.format(what=what, kinds=kinds) + _mixed_where(items)
        )
    _refuse_mixed_dates(items, what)


def _mixed_where(items: list[Any]) -> str:
    """Where labels of mixed kinds are: the first of the rarest kind, counts.

    An error path, read once: each label's kind, counted (the rarest kind
    first, ties by name), and the first label of the rarest kind by its
    position (the row of a frame's column).
    """
    per = [_kind_of_type(type(x)) for x in items]
    counts: dict[str, int] = {}
    for k in per:
        counts[k] = counts.get(k, 0) + 1
    order = sorted(counts, key=lambda k: (counts[k], k))
    rare = order[0]
    i = per.index(rare)
    shown = ", ".join(f"{counts[k]:,} {k}" for k in order)
    return f" (first {rare} at index {i}: {plain(items[i])!r}; {shown})"


def _plain_label(x: Any) -> Any:
    """One label as the Python value it stands for, the same for equal labels.

    A numpy scalar becomes its Python value (``np.int64(3)`` is 3), a
    float32 or float16 its shortest decimal (``np.float32(0.1)`` is 0.1, as
    :func:`povstat.round_half_up` reads it), and -0.0 is 0.0: labels that
    compare equal are then one value of one type, so a group's label does
    not depend on which of them comes first.
    """
    if isinstance(x, np.floating) and x.dtype.itemsize < 8:
        x = float(str(x))
    elif isinstance(x, np.number | np.bool_ | np.str_ | np.bytes_) and not (
        isinstance(x, np.floating) and x.dtype.itemsize > 8
    ):
        x = x.item()
    if type(x) is float and x == 0.0:
        x = 0.0
    return x


def labels(
    by: ArrayLike, name: str = "by", *, column: str | None = None, hint: str = ""
) -> NDArray[Any]:
    """Check group labels and return them as an array (shape not checked).

    The one check of every function that takes `by` labels. Missing labels
    (None, NaN, NaT, ``pandas.NA``, masked entries) raise ValueError naming
    the first; labels of mixed kinds (str, bytes, bool, int, float) raise
    TypeError, since numpy would otherwise merge 1, 1.0, True and '1' into
    one group. Lists and object arrays are checked element by element (they
    are Python objects already); typed arrays by their dtype. Labels that
    compare equal are returned as one value (:func:`_plain_label`; -0.0 of a
    float array is 0.0), so that no group's label depends on the row order.
    A frame, relation, lazy frame or expression, or one str that looks like
    a column name, raises TypeError saying what it is
    (:func:`not_an_array`), never read as one label. pyarrow Scalars are
    read as the values they hold (:func:`arrow_scalars`). `column` names the
    frame's column the labels come from, in the messages about labels that
    are containers or of mixed kinds; `hint` ends a message about labels
    that are containers (advice for the caller's function).
    """
    by = arrow_scalars(by)
    table = None if type(by) is np.ndarray and by.ndim else not_an_array(by, name)
    if table is not None:  # a frame, relation or expression; a column name
        raise TypeError(table)
    if np.ma.is_masked(by):
        masked: Any = by
        hidden = np.ma.getmaskarray(masked).ravel()
        count = int(np.count_nonzero(hidden))
        msg = (
            f"`{name}` must not contain missing labels (masked entries): "
            f"{count:,} entr{'y' if count == 1 else 'ies'} masked, first at "
            f"index {int(np.argmax(hidden))}"
        )
        raise ValueError(msg)
    if isinstance(by, list | tuple):
        _check_label_items(list(by), name, column=column, hint=hint)
        if any(isinstance(x, np.generic) for x in by):
            by = [_plain_label(x) for x in by]
    g = np.asarray(by)
    if g.dtype.kind == "f" and bool(np.any((g == 0) & np.signbit(g))):
        g = g + 0.0  # -0.0 + 0.0 is 0.0
    if g.dtype.kind == "f" and np.isnan(g).any():
        i = int(np.argmax(np.isnan(g).ravel()))
        msg = f"`{name}` must not contain missing labels (NaN), found nan at index {i}"
        raise ValueError(msg)
    if g.dtype.kind in "mM" and np.isnat(g).any():
        i = int(np.argmax(np.isnat(g).ravel()))
        msg = f"`{name}` must not contain missing labels (NaT), found NaT at index {i}"
        raise ValueError(msg)
    if g.dtype.kind == "O" and not isinstance(by, list | tuple):
        items = g.ravel().tolist()
        _check_label_items(items, name, column=column, hint=hint)
        flat = np.empty(len(items), dtype=object)
        flat[:] = [_plain_label(x) for x in items]
        g = flat.reshape(g.shape)
    return g


def group_codes(by: ArrayLike | None, n: int) -> NDArray[np.intp]:
    """Integer code of each value's group, in the sorted order of the labels.

    All zeros when `by` is None. Integer labels spanning a range not much
    wider than their number are coded by a lookup table (no sort).
    """
    if by is None:
        return np.zeros(n, dtype=np.intp)
    g = labels(by)
    if g.ndim != 1 or g.shape[0] != n:
        msg = f"`by` must be 1-D with the length of `values` ({n}), got shape {g.shape}"
        raise ValueError(msg)
    if g.dtype.kind in "iu" and n:
        low, high = int(g.min()), int(g.max())
        if high - low <= 4 * n + 1024:
            shifted = np.subtract(g, low, dtype=np.intp)
            present = np.zeros(high - low + 1, dtype=np.intp)
            present[shifted] = 1
            np.cumsum(present, out=present)
            present -= 1
            return np.asarray(present[shifted], dtype=np.intp)
    try:
        _, codes = np.unique(g, return_inverse=True)
    except TypeError:
        msg = "`by` labels must be sortable (all numbers, all strings or all dates)"
        raise TypeError(msg) from None
    return np.asarray(codes, dtype=np.intp).reshape(n)


# Results beyond float64's largest value (about 1.8e308) are +-inf, as IEEE
# 754 overflow gives, never a warning; an intermediate that overflows while
# the result does not is recomputed on scaled operands (powers of two, exact
# on the normal numbers an overflow implies), so the finite result is the
# one the unscaled formula gives below the limit.
_SHIFT = 16


def product_ratio(
    a: NDArray[np.float64], b: NDArray[np.float64], c: float | NDArray[np.float64]
) -> NDArray[np.float64]:
    """``a * b / c`` without an overflow of ``a * b`` the result does not have.

    +-inf only where the exact result is beyond float64's range.
    """
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        out = np.asarray(np.multiply(a, b) / c, dtype=np.float64)
        again = np.isinf(out) & np.isfinite(a) & np.isfinite(b) & np.isfinite(c)
        if again.any():
            # An overflowing product has |a|, |b| > 1: scaling is exact.
            scaled = np.ldexp(np.ldexp(a, -_SHIFT) * b / c, _SHIFT)
            out = np.asarray(np.where(again, scaled, out), dtype=np.float64)
    return out


def difference(
    a: NDArray[np.float64], b: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """``a - b``, halved where it overflows, and the halving flag.

    Returns ``(d, halved)``: ``d`` is ``a - b`` or, where that overflows
    from finite operands, ``a / 2 - b / 2`` (finite: each half is at most
    half of float64's largest value). A ratio of two differences uses the
    halves on both sides.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        d = np.asarray(np.subtract(a, b), dtype=np.float64)
        halved = np.isinf(d) & np.isfinite(a) & np.isfinite(b)
        if halved.any():
            d = np.asarray(
                np.where(halved, np.subtract(a / 2.0, b / 2.0), d), dtype=np.float64
            )
    return d, np.asarray(halved, dtype=bool)


SQUARE_LIMIT = float(np.sqrt(np.finfo(np.float64).max))  # about 1.34e154


def squarable(x: NDArray[np.float64], name: str) -> NDArray[np.float64]:
    """Refuse values whose square overflows float64 (a variance of an SE).

    Standard errors above about 1.34e154 have no variance in float64:
    refused, naming `name`, rather than an infinite or NaN result.

    Raises
    ------
    ValueError
        If a finite value has ``|x| > sqrt(max float64)``.
    """
    with np.errstate(invalid="ignore"):
        bad = np.isfinite(x) & (np.abs(x) > SQUARE_LIMIT)
    if np.any(bad):
        msg = (
            f"`{name}` must be at most {SQUARE_LIMIT:.4g} (its square, a "
            f"variance, must fit float64), found {_first(x, bad)}; rescale "
            "the figures (e.g. to thousands)"
        )
        raise ValueError(msg)
    return x


def root_sum_squares(
    u: NDArray[np.float64],
    v: NDArray[np.float64],
    ca: NDArray[np.float64] | float = 0.0,
    cb: NDArray[np.float64] | float = 0.0,
) -> NDArray[np.float64]:
    """``sqrt(max(u**2 + v**2 - 2 * ca * cb, 0))`` with no overflow on the way.

    A standard error of a difference or a ratio: its terms are scaled by the
    power of two below ``max(|u|, |v|)`` before they are squared and the
    root is scaled back, so two squares that are finite alone but whose sum
    overflows (two SEs of 1.3e154) give the finite root (1.84e154). Scaling
    by a power of two is exact: in float64's normal range the result is
    that of the unscaled formula, bit for bit. The covariance term is passed
    as two factors (``ca * cb``), each scaled once. NaN propagates; a root
    beyond float64's range is inf. No numpy warning.
    """
    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        m = np.maximum(np.abs(u), np.abs(v))
        _, e = np.frexp(np.where(np.isfinite(m) & (m > 0), m, 1.0))
        e = np.clip(e, -1000, 1000)
        f = np.ldexp(1.0, -e)
        us, vs = u * f, v * f
        var = us * us + vs * vs - 2.0 * ((ca * f) * (cb * f))
        return np.asarray(np.ldexp(np.sqrt(np.maximum(var, 0.0)), e), np.float64)
