"""Dataframe adapter for survey microdata: :func:`poverty_table`.

A lazy engine (polars LazyFrame, DuckDB, PySpark, ... through narwhals)
computes the per-unit terms row by row and does ONE grouped reduction to plain
sums by (domain, stratum, PSU). An eager in-memory frame (pandas, polars
DataFrame, pyarrow Table) already holds its columns as arrays: they are taken
as numpy arrays and reduced by the same numpy code as
:func:`povstat.poverty_estimates`. Everything else runs in numpy on that small table, in
:mod:`povstat.survey`; the formulas of the terms are those of
:mod:`povstat.poverty_measures`, written once for arrays and expressions alike.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import math
import operator
import re
import sys
import uuid
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeAlias, cast

import narwhals.stable.v2 as nw
import numpy as np
from narwhals.typing import IntoFrame
from numpy.typing import NDArray

from povstat import _validate
from povstat._validate import Unit
from povstat.frames import _checks, _plumbing
from povstat.frames._plumbing import refuse_duplicate_columns
from povstat.poverty_measures import (
    MISSING_SCALAR_LINE,
    NUMPY_OPS,
    SMALL_WEIGHT,
    Comparison,
    MissingPolicy,
    _maybe_nan,
    alphas_arg,
    comparison_arg,
    domain_term_range,
    exponent_factors,
    factorize,
    is_line_number,
    label_list,
    large_weight,
    line_number,
    lines_by_domain,
    match_key,
    measure_names,
    missing_message,
    poor_rows,
    refuse_lines_missing_in_domains,
    refuse_missing_domain_lines,
    unit_terms,
    warn_rescaled_to_zero_domains,
    weight_exponents,
)
from povstat.survey import (
    _LONELY,
    LonelyPsu,
    Reduced,
    _lines_arg,
    fpc_by_stratum,
    line_entry,
    linearised,
    reduce_units,
)
from povstat.uncertainty import _level

__all__ = ["poverty_table"]

_Frame: TypeAlias = "nw.DataFrame[Any] | nw.LazyFrame[Any]"
OUTPUT_COLUMNS = (
    "measure",
    "estimate",
    "se",
    "lower",
    "upper",
    "rse_pct",
    "deff",
    "n",
    "n_psu",
    "df",
)
_TMP = "__povstat_"


class _ExprOps:
    """Elementwise operations of the per-unit terms, on narwhals expressions."""

    def less(self, a: Any, b: Any, *, inclusive: bool) -> Any:
        return a <= b if inclusive else a < b

    def where(self, cond: Any, a: Any, b: Any) -> Any:
        return nw.when(cond).then(a).otherwise(b)

    def as_float(self, cond: Any) -> Any:
        return cond.cast(nw.Float64())

    def log(self, a: Any) -> Any:
        # A ratio <= 0 comes from welfare <= 0, which is counted and refused
        # after the reduction; log(1) there keeps engines from warning first.
        return nw.when(a > 0).then(a).otherwise(nw.lit(1.0)).log()

    def power(self, a: Any, p: float) -> Any:
        return a**p


def _columns(by: str | Sequence[str] | None, df: object = None) -> list[str]:
    by = cast("str | Sequence[str] | None", _validate.names_of(by))
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    if not isinstance(by, Sequence) or not all(isinstance(c, str) for c in by):
        kind = type(by).__name__
        article = "an" if kind[:1].lower() in "aeiou" else "a"
        present = _frame_names(df)
        given = _design_columns_given(by, present)
        cols = given
        if cols is None and present is not None:
            cols = _by_values_named(by, df, present)
        if cols is not None and present is not None:
            cols = _names_in(cols, present)
        # A frame of the columns, or their expressions: their names
        named = f": by={cols[0]!r}" if cols is not None and len(cols) == 1 else ""
        named = f": by={cols!r}" if cols is not None and len(cols) > 1 else named
        if cols is None and present is not None and given is not None:
            # a frame of columns df does not have
            named = (
                f" of `df` (the columns given, {given!r}, are not among "
                f"its columns: {present})"
            )
        msg = (
            "`by` must be a column name or a list of them (each a str); got "
            f"{article} {kind}: {_validate.shown(by)}; pass the names of "
            f"the columns{named} (povstat.poverty_estimates takes the arrays "
            "themselves)"
        )
        raise TypeError(msg)
    cols = list(by)
    if len(set(cols)) != len(cols):
        msg = f"`by` names a column twice: {cols}"
        raise ValueError(msg)
    return cols


def _by_values_named(by: object, df: object, names: Sequence[str]) -> list[str] | None:
    """The columns of `df` that a `by` given as values stands for, or None.

    Names given as an array or Series (``np.array(["kab", "urban"])``),
    one column's values as a Series named after it (``df["kab"]``), or the
    values of columns as a 2-D array (either way round, as for `strata`).
    """
    frame = nw.from_native(df, pass_through=True)
    if isinstance(by, np.ndarray) and by.ndim == 2:
        rows = _transposed(frame, by)
        return _array_columns(frame, by.T if rows else by, names)
    if isinstance(by, np.ndarray) and by.ndim == 1 and by.dtype.kind != "U":
        return _array_columns(frame, by.reshape(-1, 1), names)
    values = getattr(by, "tolist", None)
    if values is None or getattr(by, "ndim", 1) != 1:
        return None
    try:
        items = list(values())
    except Exception:  # an error path: no names, no advice
        return None
    if 0 < len(items) < len(names) + 1 and all(isinstance(c, str) for c in items):
        found = _names_in(items, names)
        if found is not None and len(set(found)) == len(found):
            return found
    named = getattr(by, "name", None)
    return [named] if isinstance(named, str) and named in names else None


def _computed_expr_advice(arg: str, x: object, names: Sequence[str]) -> str:
    """Advice for a polars expression that computes the labels, else "".

    ``pl.concat_str(["kab", "urban"], separator="/")`` is no column: add
    it to `df` under a new name (:func:`povstat.frames._checks.new_name` of
    the columns it reads), and name that column.
    """
    meta = getattr(x, "meta", None)
    if meta is None or not hasattr(meta, "root_names"):
        return ""
    try:
        roots = [c for c in meta.root_names() if isinstance(c, str)]
    except Exception:  # an error path: no names, no advice
        return ""
    if not roots or not all(c in names for c in roots):
        return ""
    new = _checks.new_name(list(dict.fromkeys(roots)), names)
    return (
        f"; an expression is computed, not a column of `df`: add it as one "
        f"first (df = df.with_columns(<the expression>.alias({new!r}))) and "
        f"name it: {arg}={new!r}"
    )


def _frame_names(df: object) -> list[str] | None:
    """The column names of a frame of any engine (no data read), else None."""
    try:
        frame = nw.from_native(df, pass_through=True)
        if not isinstance(frame, nw.DataFrame | nw.LazyFrame):
            return None
        return [str(c) for c in frame.collect_schema().names()]
    except Exception:  # an error path: no names, no advice
        return None


def _fold(name: str) -> str:
    """`name` without case, R's backticks, and '.', '_', '-' or spaces."""
    return re.sub(r"[\s._`-]+", "", name).casefold()


def _close_column(name: str, names: Sequence[str]) -> str | None:
    """The one column of `names` that `name` spells otherwise, else None.

    ``"KAB"`` beside a column ``kab``, ``"kode kab"`` (R's backticks) or
    ``"kode.kab"`` (R's ``read.csv``) beside ``kode_kab``: the same but
    for case, '.', '_', '-' or spaces; no column, or two, give None.
    """
    if name in names:
        return name
    hits = [c for c in names if _fold(c) == _fold(name)]
    return hits[0] if len(hits) == 1 else None


def _names_in(cols: Sequence[str], names: Sequence[str]) -> list[str] | None:
    """`cols` as the columns of `names` they spell (:func:`_close_column`)."""
    found = [_close_column(c, names) for c in cols]
    return [c for c in found if c is not None] if all(found) else None


def _design_columns_given(
    name: object, names: Sequence[str] | None = None
) -> list[str] | None:
    """The column names in a `strata` or `psu` given as several columns.

    A list or tuple of names (or of named Series, or of polars or Spark
    expressions of one column each, ``pl.col("kab")``, ``F.col("kab")``),
    one such expression, a polars selection of several
    (``pl.col("kab", "urban")``) or struct of columns
    (``pl.struct("kab", "urban")``), or a frame of the columns themselves
    (any engine); None for anything else. `names`, the frame's columns,
    let a selection and a Spark column be read.
    """
    if isinstance(name, list | tuple):
        given = [
            c
            if isinstance(c, str)
            else _expr_column(c) or _spark_column(c, names) or getattr(c, "name", None)
            for c in name
        ]
        cols = [c for c in given if isinstance(c, str)]
        return cols if len(cols) == len(given) else None
    column = _expr_column(name) or _spark_column(name, names)
    if column is not None:
        return [column]
    several = _expr_columns(name, names)
    if several is not None:
        return several
    frame = nw.from_native(name, pass_through=True)
    if isinstance(frame, nw.DataFrame | nw.LazyFrame):
        try:
            given = list(frame.collect_schema().names())
        except Exception:  # an engine that cannot tell: no advice
            return None
        cols = [c for c in given if isinstance(c, str)]
        return cols if len(cols) == len(given) else None
    return None


def _spark_column(x: object, names: Sequence[str] | None) -> str | None:
    """The column of `names` a Spark ``F.col(...)`` names, else None.

    Read from the Column's text (``Column<'kab'>``); one that computes
    (``Column<'CAST(kab AS STRING)'>``) names no column of `names`.
    """
    if names is None or type(x).__name__ != "Column":
        return None
    if not type(x).__module__.startswith("pyspark."):
        return None
    try:
        found = re.fullmatch(r"Column<'(.*)'>", str(x), flags=re.S)
    except Exception:  # an error path: no name, no advice
        return None
    if found is None:
        return None
    column = found.group(1)
    quoted = re.fullmatch(r"`((?:[^`]|``)+)`", column)
    if quoted is not None:
        column = quoted.group(1).replace("``", "`")
    return column if column in names else None


def _expr_columns(x: object, names: Sequence[str] | None) -> list[str] | None:
    """The columns a polars selection or struct of columns names, else None.

    ``pl.col("kab", "urban")`` selects the two (read on an empty frame of
    `names`, no data); ``pl.struct("kab", "urban")`` crosses them. An
    expression that computes anything else names none.
    """
    meta = getattr(x, "meta", None)
    if names is None or meta is None or not hasattr(meta, "is_column_selection"):
        return None
    try:
        if meta.is_column_selection():
            pl = sys.modules["polars"]
            empty = pl.LazyFrame(schema=dict.fromkeys(names, pl.Null))
            selected = list(empty.select(x).collect_schema().names())
            return selected if len(selected) > 1 else None
        inputs = meta.pop()
        if str(x).startswith("as_struct(") and all(i.meta.is_column() for i in inputs):
            cols = [c for c in meta.root_names() if c in names]
            return cols if len(cols) == len(inputs) > 1 else None
    except Exception:  # an error path: no names, no advice
        return None
    return None


def _expr_column(x: object) -> str | None:
    """The column a polars expression of one column names, else None.

    ``pl.col("kab")`` names ``"kab"``; ``pl.col("kab") + 1`` and anything
    that is no polars expression name none.
    """
    meta = getattr(x, "meta", None)
    if meta is None or not hasattr(meta, "is_column"):
        return None
    try:
        if not meta.is_column():
            return None
        column = meta.output_name()
    except Exception:  # an error path: no name, no advice
        return None
    return column if isinstance(column, str) else None


def _array_columns(frame: Any, value: object, names: Sequence[str]) -> list[str] | None:
    """The columns of `frame` that the columns of a 2-D array hold, or None.

    For a 2-D numpy array of one or more columns given where a column name
    is due (``np.c_[df["kab"], df["urban"]]``): on an eager in-memory frame
    of as many rows, each of its columns must hold the values of exactly
    one of the frame's columns, in order, missing values where it has
    them. A lazy frame (not read for a message), or a column that matches
    none or several, gives None.
    """
    if not (isinstance(value, np.ndarray) and value.ndim == 2):
        return None
    if not (isinstance(frame, nw.DataFrame) and _in_memory(frame)):
        return None
    if len(frame) != value.shape[0]:
        return None
    found = []
    same = _validate.same_values
    for j in range(value.shape[1]):
        a = value[:, j].astype(object)
        hits = []
        for c in names:
            try:
                b = np.asarray(frame[c].to_numpy()).astype(object)
                # the first rows first: most columns differ there
                if all(same(a[:64], b[:64])) and all(same(a, b)):
                    hits.append(c)
            except Exception:  # values that do not compare: not this column
                continue
        if len(hits) != 1:
            return None
        found.append(hits[0])
    return found


def _combine_code(impl: Any, cols: Sequence[str], new: str) -> str:
    """Code that adds one column of the labels of `cols` joined by '/'.

    For the caller's engine (`impl`, a narwhals ``Implementation``):
    pandas (modin, cuDF), polars (eager or lazy), DuckDB, PySpark
    (sqlframe, Spark Connect), and narwhals for the others; the join is
    :func:`povstat._validate.joined_labels` (a missing label in any of the
    columns gives a missing combined label, refused as a missing stratum),
    added as the column `new`.
    """
    engine = "narwhals"
    if impl in (
        nw.Implementation.PANDAS,
        nw.Implementation.MODIN,
        nw.Implementation.CUDF,
    ):
        engine = "pandas"
    elif impl is nw.Implementation.POLARS:
        engine = "polars"
    elif impl is nw.Implementation.DUCKDB:
        engine = "duckdb"
    elif impl in (
        nw.Implementation.PYSPARK,
        nw.Implementation.PYSPARK_CONNECT,
        nw.Implementation.SQLFRAME,
    ):
        engine = "spark"
    expr, where = _validate.joined_labels(engine, cols)
    if engine == "pandas":
        return f"{where}, df[{new!r}] = {expr}"
    if engine == "polars":
        return f"{where}, df = df.with_columns({expr}.alias({new!r}))"
    if engine == "duckdb":
        sql = _validate.sql_text(f"*, {expr} AS {_validate.sql_name(new)}")
        return f"{where}, df = df.project({sql})"
    if engine == "spark":
        return f"{where}, df = df.withColumn({new!r}, {expr})"
    return (
        f"{where}, df = nw.from_native(df).with_columns({expr}.alias({new!r}))"
        ".to_native()"
    )


def _several_design_columns(
    arg: str,
    cols: Sequence[str] | None,
    impl: Any,
    names: Sequence[str],
    strata: object = None,
) -> str:
    """Advice for `strata` or `psu` given as several columns.

    Each takes one column; `by` alone crosses several. `cols` are the
    columns given (a list of names, a frame's columns, an R formula's
    terms); the advice shows the code that builds one column of combined
    labels on the caller's engine (`impl`) and the argument naming it.
    For `psu` there is no join (:func:`povstat._validate.several_psu_note`:
    the first stage's column, or the PSU's own one; the column that is not
    `strata`'s when `strata` names one of them).
    """
    if arg not in ("strata", "psu") or cols is None or len(cols) < 2:
        return ""
    if len(set(cols)) == 1:  # ["kab", "kab"]: one column, named twice
        return f"; it names one column, {cols[0]!r}, twice: {arg}={cols[0]!r}"
    cols = list(dict.fromkeys(cols))
    absent = [c for c in cols if c not in names]
    if absent:
        return (
            f"; `{arg}` takes one column of `df`, and {absent} "
            f"{'is' if len(absent) == 1 else 'are'} not among its columns: "
            "add the columns to `df`"
            + (" (or combine them there)" if arg == "strata" else "")
            + ", then name the column"
        )
    if arg == "psu":
        given = strata if isinstance(strata, str) and strata in names else None

        def crossing(pair: Sequence[str]) -> str:
            new = _checks.new_name(pair, names)
            return f"{_combine_code(impl, pair, new)}, then psu={new!r}"

        return "; " + _validate.several_psu_note(cols, strata=given, crossing=crossing)
    new = _checks.new_name(cols, names)
    code = _combine_code(impl, cols, new)
    return (
        "; `strata` takes one column and does not cross several, as "
        "by=[...] does (nor does R's svydesign(strata=~a+b), whose second "
        "term stratifies a second stage): build one column of combined "
        f"labels first ({code}) and name it: strata={new!r}"
    )


def _strata_column(strata: object, names: Sequence[str]) -> str | None:
    """The column `strata` names: itself, or the one of R's ``"~ku"``."""
    if not isinstance(strata, str):
        return None
    if strata in names:
        return strata
    terms = _validate.formula_terms(strata)
    got = None if terms is None or len(terms) != 1 else _validate.r_names(terms[0])
    return got[0] if got is not None and len(got) == 1 and got[0] in names else None


def _crossed_psu_advice(
    cols: Sequence[str],
    impl: Any,
    names: Sequence[str],
    strata: object,
    *,
    later: bool = False,
) -> str:
    """Advice for `psu` written as R's ``interaction(a, b)``: one label.

    The code that builds one column of the combined labels on the caller's
    engine (`impl`) and the argument naming it, as for `strata`; the other
    column when `strata` (a column, or R's ``"~ku"``) is one of two
    (:func:`povstat._validate.crossed_psu_note`).
    """
    new = _checks.new_name(cols, names)
    combine = (
        "build one column of combined labels first "
        f"({_combine_code(impl, cols, new)}) and name it: psu={new!r}"
    )
    return "; " + _validate.crossed_psu_note(
        cols, combine, strata=_strata_column(strata, names), later=later
    )


def _transposed(frame: Any, value: NDArray[Any]) -> bool:
    """Whether a 2-D array holds a frame's columns as its rows.

    ``np.array([df["kab"], df["urban"]])`` stacks the columns as rows: a
    few rows, as many columns as an eager in-memory `frame` has rows.
    """
    if not (isinstance(frame, nw.DataFrame) and _in_memory(frame)):
        return False
    n = len(frame)
    return bool(1 < value.shape[0] != n and value.shape[1] == n)


def _array_lead(
    arg: str, value: NDArray[Any], cols: list[str] | None, *, rows: bool = False
) -> str:
    """What a 2-D array given as `strata` or `psu` holds, for the message.

    With `rows`, `value` is the transpose of the array given, whose rows
    held the columns (``np.array([df["kab"], df["urban"]])``).
    """
    if arg not in ("strata", "psu") or value.shape[1] < 2:
        return ""
    part = "rows" if rows else "columns"
    held = f"; its {value.shape[1]} {part} hold the labels of "
    if rows:
        held = (
            f"; its {value.shape[1]} rows of {value.shape[0]} (one column of "
            "`df` each, as np.array([df['a'], df['b']]) stacks them) hold the "
            "labels of "
        )
    if cols is None:
        return held + f"{value.shape[1]} columns"
    return held + f"the columns {cols!r} of `df`"


def _unnamed_columns_advice(arg: str, impl: Any) -> str:
    """Advice for `strata` or `psu` given as the values of unnamed columns.

    A 2-D array whose columns are not found among the frame's: the code to
    combine two columns, with placeholder names, for `strata`; for `psu`,
    the first stage's column, never their join.
    """
    if arg == "psu":
        return (
            "; `psu` takes the name of one column of `df`: for stages of "
            "sampling (a census block, then a household in it) the first "
            "stage's, never their labels joined (which makes every household "
            "a PSU and the standard errors too small)"
        )
    code = _combine_code(impl, ["a", "b"], "a_b")
    return (
        "; `strata` takes one column and does not cross several, as by=[...] "
        "does: build one column of combined labels in `df` first ("
        f"{code}, with the names of the array's columns in `df` for 'a' and "
        "'b') and name it: strata='a_b'"
    )


def _formula_advice(
    arg: str, text: str, impl: Any, names: Sequence[str], strata: object = None
) -> str:
    """Advice for a column argument written as an R formula (``"~kab+urban"``).

    ``psu="~1"`` (R's ``ids=~1``, no clusters) is advised to be left out.
    Otherwise only when every term is a column: one term is that column's
    name; several are `by`'s list, for `strata` the advice to combine them
    (:func:`_several_design_columns`), for `psu` (R's ``ids=~nks+hh``, a
    design of stages) the first term, the PSUs, and for `fpc` (R's
    ``fpc=~N1+N2``) the first stage's (for `psu`, the term that is not
    the `strata` column when `strata` is one); other arguments take one
    column. A term in R's backticks, ``factor(x)`` or ``interaction(a, b)``
    stands for the columns inside (:func:`povstat._validate.r_names`); an
    ``interaction`` (several columns in one term: their combined labels)
    as `psu` gets the advice for several columns, never stages.
    """
    if arg == "psu" and _validate.no_clusters(text):
        return f"; {text!r} {_validate.NO_CLUSTERS}"
    if text.strip() in names:
        return f"; {text!r} has spaces around a column's name: {arg}={text.strip()!r}"
    read = _validate.r_formula(text, names, product=arg == "weight")
    close = ""  # R's names that spell columns otherwise ("KAB" for "kab")
    spelt = None if read is None else _names_in(read.terms, names)
    if read is not None and spelt is not None and spelt != read.terms:
        given = [c for c in read.terms if c not in names]
        meant = [_close_column(c, names) for c in given]
        close = (
            f"; the names {given!r} are not columns of `df`, read as "
            f"{meant!r}, its columns spelt otherwise (case, '.', '_' or spaces)"
        )
        first = _names_in(read.first, names) or read.first
        read = dataclasses.replace(
            read, terms=list(dict.fromkeys(spelt)), first=list(dict.fromkeys(first))
        )
    if read is None or not all(c in names for c in read.terms):
        return _listed_advice(arg, text, impl, names, strata)
    return close + _terms_advice(arg, text, read, impl, names, strata)


def _terms_advice(
    arg: str,
    text: str,
    read: _validate.RColumns,
    impl: Any,
    names: Sequence[str],
    strata: object,
) -> str:
    """:func:`_formula_advice` for a formula whose terms' columns are `read`."""
    terms, first = read.terms, read.first
    lead = f"; {text!r} reads as an R formula, but povstat takes column names"
    if read.crossed and read.count == 1:  # "~interaction(kab, urban)" alone
        lead = f"; {text!r} names several columns in one str"
    if len(terms) == 1:
        return f"{lead}: {arg}={terms[0]!r}"
    if arg == "by":
        return f"{lead}: by={terms!r} crosses the domains"
    if arg == "psu" and len(first) > 1:  # ids=~interaction(a, b): one label
        return lead + _crossed_psu_advice(
            first, impl, names, strata, later=read.count > 1
        )
    if arg == "psu" and isinstance(strata, str) and strata in terms:
        return lead + _several_design_columns(arg, terms, impl, names, strata)
    if arg == "psu":
        return f"{lead}; {_validate.stages_note(terms)}: psu={terms[0]!r}"
    if arg == "fpc":
        return f"{lead}; {_validate.one_stage_fpc_note(terms, f'fpc={terms[0]!r}')}"
    if arg == "strata":
        return lead + _several_design_columns(arg, terms, impl, names)
    if arg == "weight" and read.weight_product():
        return f"{lead}; {_validate.weight_product_note(terms, 'weight={c!r}')}"
    return f"{lead}; `{arg}` takes one column"


def _listed_advice(
    arg: str, text: str, impl: Any, names: Sequence[str], strata: object = None
) -> str:
    """Advice for several columns written in one str: ``"kab, urban"``.

    Names separated by commas, slashes or spaces, or inside R's ``c(...)``
    or ``interaction(...)`` (``"~interaction(kab,urban)"``) or with R's
    backticks (separated by commas, ``"c(`kode kab`, urban)"``), every one a
    column: `by`'s list, for `strata` and `psu` the advice of
    :func:`_several_design_columns`; other arguments take one column.
    """
    body = text.strip().removeprefix("~").strip()
    inner = re.fullmatch(r"(c|interaction)\s*\((.*)\)", body, flags=re.S)
    listed = _validate.r_list(text, names)
    terms: list[str] | None
    if inner is not None or "`" in body:
        # R's own spelling: names (backticks and all) between commas
        terms = listed.terms if listed is not None and listed.read else None
    else:
        terms = [t for t in re.split(r"[\s,/]+", body) if t]
    if terms is None or len(terms) < 2 or not all(t in names for t in terms):
        return ""
    lead = f"; {text!r} names several columns in one str"
    if arg == "by":
        return f"{lead}: by={terms!r} crosses the domains"
    if arg == "psu" and listed is not None and listed.interaction:
        return lead + _crossed_psu_advice(terms, impl, names, strata)
    if arg in ("strata", "psu"):
        return lead + _several_design_columns(arg, terms, impl, names, strata)
    return f"{lead}; `{arg}` takes one column"


def _rescale_exponent(
    table: nw.DataFrame[Any],
    keys: Sequence[str],
    by_cols: list[str],
    top: NDArray[np.float64],
    low: NDArray[np.float64],
    rows: int,
    *,
    k: int,
    prefix: str,
    strata: str | None,
    psu: str | None,
    fpc: str | None,
) -> int:
    """The exponent of all the weights' largest if a domain needs a power.

    From the first pass's table: each domain's largest and smallest
    positive weight and its terms' range, judged by
    :func:`povstat.poverty_measures.weight_exponents` (one rule for numpy
    and every engine); 0 where no domain needs a power.
    """
    if not table.shape[0]:
        return 0
    hi = np.stack([_floats(table, f"{prefix}thi{j}") for j in range(k)], axis=1)
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        g_top = float(np.fmax.reduce(top, initial=-np.inf))
        g_low = float(np.fmin.reduce(low, initial=np.inf))
        t_top = float(np.fmax.reduce(hi.ravel(), initial=-np.inf))
        t_low = float(
            np.fmin.reduce(np.where(hi > 0, hi, np.inf).ravel(), initial=np.inf)
        )
        if (
            g_top * max(t_top, 1.0) < large_weight(rows)
            and g_low >= SMALL_WEIGHT
            and (np.isinf(t_low) or g_low * t_low >= SMALL_WEIGHT)
        ):
            # No domain can need a power (weight_exponents): its largest
            # weight and terms are below all, its smallest above all.
            return 0
    if by_cols:
        for c in by_cols:  # refused by name before the labels are read
            _refuse_fine_times(table[c], c, _role(c, by_cols, strata=strata, psu=psu))
        _refuse_missing_group_keys(
            table,
            by_cols,
            keys,
            _floats(table, f"{prefix}n"),
            by=by_cols,
            strata=strata,
            psu=psu,
            fpc=fpc,
        )
        codes = [
            factorize(_labels(table[c], c, "by"), "by", column=c)[1] for c in by_cols
        ]
        combo = np.ravel_multi_index(codes, [int(c.max()) + 1 for c in codes])
        _, domain = factorize(combo, "by")
    else:
        domain = np.zeros(table.shape[0], np.intp)
    nd = int(domain.max()) + 1
    d_top = np.full(nd, -np.inf)
    d_low = np.full(nd, np.inf)
    np.fmax.at(d_top, domain, top)
    np.fmin.at(d_low, domain, low)
    e = weight_exponents(d_top, d_low, rows, terms=domain_term_range(hi, domain, nd))
    if not e.any():
        return 0
    return int(np.frexp(np.fmax.reduce(top, initial=-np.inf))[1])


def _domain_factors(
    pw: nw.Expr, by_cols: list[str], top: NDArray[np.float64]
) -> tuple[nw.Expr, nw.Expr]:
    """Each row's two weight factors: its domain's power of two.

    Once a domain needs a power (:func:`_rescale_exponent`), every domain
    gets the factors of :func:`povstat.poverty_measures.weight_exponents`:
    the engine takes each domain's largest weight (`pw`, weight times
    size) over the domain's rows, and the exponent of it is chosen among
    those of the cells' largest weights `top` (the domain's largest is one
    of them) by comparisons with powers of two (exact on every engine).
    """
    m = pw.max().over(*by_cols) if by_cols else pw.max()
    need = m > nw.lit(0.0)
    good = top[np.isfinite(top) & (top > 0)]
    exps = np.unique(np.frexp(good)[1])
    a, b = exponent_factors(exps)
    # The factors of the largest exponent e with m >= 2**(e - 1), or 1: a
    # balanced tree of comparisons, so that the expression nests only
    # log2(exponents) deep however many domains differ in scale.
    lows = [math.ldexp(1.0, int(e) - 1) for e in exps.tolist()]

    def pick(values: Sequence[float], lo: int, hi: int) -> nw.Expr:
        # Among the candidates lo..hi (-1: the factor 1), the one for m.
        if lo == hi:
            return nw.lit(values[lo] if lo >= 0 else 1.0)
        mid = (lo + hi + 1) // 2
        return (
            nw.when(m >= nw.lit(lows[mid]))
            .then(pick(values, mid, hi))
            .otherwise(pick(values, lo, mid - 1))
        )

    last = len(lows) - 1
    f1 = nw.when(need).then(pick(a.tolist(), -1, last)).otherwise(nw.lit(1.0))
    f2 = nw.when(need).then(pick(b.tolist(), -1, last)).otherwise(nw.lit(1.0))
    return f1, f2


def _applied_exponents(
    f1: NDArray[np.float64],
    f2: NDArray[np.float64],
    domain: NDArray[np.intp],
    n_domains: int,
    by_values: Mapping[str, Any],
) -> NDArray[np.int64]:
    """Per domain, the exponent of the factors the engine applied.

    Every cell of a domain has its domain's factors; a domain whose cells
    the engine scaled differently (keys the engine groups otherwise than
    their values compare) is refused by name.
    """
    e = -((np.frexp(f1)[1] - 1) + (np.frexp(f2)[1] - 1)).astype(np.int64)
    lo = np.full(n_domains, np.iinfo(np.int64).max)
    hi = np.full(n_domains, np.iinfo(np.int64).min)
    np.minimum.at(lo, domain, e)
    np.maximum.at(hi, domain, e)
    if (lo != hi).any():
        names = label_list(_domain_labels(by_values, n_domains)[lo != hi])
        msg = (
            f"the `by` domain(s) {names[:5]} group rows that the engine "
            "scaled as different domains (their weights are rescaled by "
            "a power of two per domain): give `by` columns of a plain type"
        )
        raise ValueError(msg)
    return lo


def _floats(table: nw.DataFrame[Any], name: str) -> NDArray[np.float64]:
    """A column of the reduced table as float64 (null as NaN)."""
    return np.asarray(table[name].to_numpy(), dtype=np.float64)


def _missing(e: nw.Expr) -> nw.Expr:
    return e.is_null() | e.is_nan()


def _refuse_engine_names(used: Sequence[str], keys: Sequence[str], impl: Any) -> None:
    """Refuse column names a lazy engine would read as something else.

    DuckDB and Spark take "a.b" as column b of table a; Spark refuses
    backticks; "*" means every column; polars reads "^...$" as a regular
    expression (another column could be read silently); DuckDB loses
    surrounding spaces; an empty name cannot be grouped on. A lazy polars
    frame reads dots, backticks, spaces and a "*" inside a name as written
    (:func:`_engine_name_problem`). Eager pandas and polars frames read all
    of these.
    """
    odd = []
    for name in dict.fromkeys(used):
        why = _engine_name_problem(name, keys, impl)
        if why:
            odd.append(f"{name!r} ({why})")
    if odd:
        polars = impl is nw.Implementation.POLARS
        readers = "pandas and eager polars" if polars else "pandas and polars"
        msg = (
            f"column names that a lazy {impl} frame would read as something "
            f"else: {', '.join(odd)}; rename them first (e.g. 'prov.code' to "
            f"'prov_code'), or collect the frame ({readers} read them)"
        )
        raise ValueError(msg)


def _engine_name_problem(name: str, keys: Sequence[str] = (), impl: Any = None) -> str:
    """What lazy engine `impl` would misread in column name `name`, or ``""``.

    The rule of :func:`_refuse_engine_names`. On lazy polars only "*" (every
    column), "^...$" (a regular expression) and an empty key name; on
    DuckDB, Spark and the other SQL engines also a dot, a backtick, a "*"
    anywhere and surrounding spaces.
    """
    if impl is nw.Implementation.POLARS:
        return (
            "'*'"
            if name == "*"
            else "a regular expression (^...$)"
            if name.startswith("^") and name.endswith("$")
            else "an empty name"
            if name == "" and name in keys
            else ""
        )
    return (
        "a dot"
        if "." in name
        else "a backtick"
        if "`" in name
        else "'*'"
        if "*" in name
        else "a regular expression (^...$)"
        if name.startswith("^") and name.endswith("$")
        else "surrounding spaces"
        if name != name.strip()
        else "an empty name"
        if name == "" and name in keys
        else ""
    )


def _lazy_rename_note(
    frame: Any, names: Sequence[str], advice: str, given: Sequence[object] = ()
) -> str:
    """The rename a lazy engine needs for the columns `advice` names, or ``""``.

    On DuckDB or Spark a column such as R's ``bobot.rt`` (on lazy polars
    one such as ``^w$``: :func:`_engine_name_problem`) is refused by the
    call the advice leads to: the code that renames the columns advised as
    ``arg='name'`` and those the call names (`given`), for that engine, and
    the new names.
    """
    if isinstance(frame, nw.DataFrame) and _in_memory(frame):
        return ""
    given = [c for c in given if isinstance(c, str)]  # not a Series or Expr
    odd = [
        c
        for c in names
        if (f"={c!r}" in advice or c in given)
        and _engine_name_problem(c, [c], frame.implementation)
    ]
    if not odd:
        return ""
    new = {c: _checks.new_name([c], [n for n in names if n != c]) for c in odd}
    impl = frame.implementation
    if impl is nw.Implementation.POLARS:
        code = f"df = df.rename({new!r})"
    elif impl is nw.Implementation.DUCKDB:
        dropped = ", ".join(_validate.sql_name(c) for c in odd)
        kept = ", ".join(
            f"{_validate.sql_name(c)} AS {_validate.sql_name(n)}"
            for c, n in new.items()
        )
        code = (
            f"df = df.project({_validate.sql_text(f'* EXCLUDE ({dropped}), {kept}')})"
        )
    elif impl in (
        nw.Implementation.PYSPARK,
        nw.Implementation.PYSPARK_CONNECT,
        nw.Implementation.SQLFRAME,
    ):
        code = "df = df" + "".join(
            f".withColumnRenamed({c!r}, {n!r})" for c, n in new.items()
        )
    else:
        code = f"df = nw.from_native(df).rename({new!r}).to_native()"
    renamed = ", ".join(f"{c!r} as {n!r}" for c, n in new.items())
    whys = ", ".join(f"{c!r} ({_engine_name_problem(c, [c], impl)})" for c in odd)
    these = "the column" if len(odd) == 1 else "the columns"
    return (
        f"; on a lazy {impl} frame {these} {whys} would read as something "
        f"else: rename first ({code}) and give the new names ({renamed})"
    )


def _float64(name: str, schema: Mapping[str, Any]) -> nw.Expr:
    """A numeric column as float64; float32 through its shortest decimal.

    A float32 value stands for the figure it prints as (1.1, not
    1.100000023841858), as in the array functions: cast to text, which every
    engine writes as the shortest round-tripping decimal, then to float64.
    A float16 value column never reaches a lazy engine here (refused by
    :func:`_refuse_engine_float16`); eager frames read it in numpy.
    """
    if schema[name] == nw.Float32 or schema[name] == nw.Decimal:
        # float32: its shortest decimal; Decimal: correctly rounded (pyarrow's
        # direct cast is not: 550400.07 became 550400.0700000001).
        return nw.col(name).cast(nw.String()).cast(nw.Float64())
    return nw.col(name).cast(nw.Float64())


#: Most distinct long decimals of a lazy frame's column checked one by one.
_DECIMALS_CHECKED = 100_000


def _refuse_engine_float16(
    columns: Sequence[tuple[str, str | None]], schema: Mapping[str, Any], impl: Any
) -> None:
    """Refuse a lazy frame's float16 value column (welfare, line, weight, size).

    A float16 value stands for its shortest decimal (float16 100.1 is
    100.1, not the 100.125 it holds), as in the array functions; no lazy
    engine has a cast that gives it (polars writes a Float16 as text through
    float32: 100.125), so the column is refused rather than read as another
    number.
    """
    half = [
        (arg, name)
        for arg, name in columns
        if name is not None and schema[name] == nw.Float16
    ]
    if half:
        named = ", ".join(f"`{arg}` column {name!r}" for arg, name in half)
        msg = (
            f"float16 value columns on a lazy {impl} frame: {named}; a float16 "
            "value stands for its shortest decimal (float16 100.1 is 100.1, "
            "not the 100.125 it holds), which no lazy engine's cast gives; "
            "collect the frame first (an eager frame reads it so), or cast the "
            "column to Float64 if the value it holds (100.125) is meant"
        )
        raise ValueError(msg)


def _refuse_inexact_decimal_column(frame: Any, name: str) -> None:
    """Refuse a lazy frame's Decimal column holding values float64 cannot hold.

    Only its distinct values of more than 15 significant digits are
    collected and checked (the rule of the array functions); more than
    :data:`_DECIMALS_CHECKED` of them are refused as too many to check.
    """
    digits = _plumbing.significant_digits(nw.col(name))
    long = (
        frame.filter(digits > _validate.HELD_DIGITS)
        .select(nw.col(name).cast(nw.String()))
        .unique()
        .head(_DECIMALS_CHECKED + 1)
    )
    values = long.collect() if isinstance(long, nw.LazyFrame) else long
    texts = values[name].to_numpy()
    if len(texts) > _DECIMALS_CHECKED:
        msg = (
            f"column {name!r} holds more than {_DECIMALS_CHECKED:,} distinct "
            "decimals of over 15 significant digits, too many to check that "
            "float64 (povstat's arithmetic) holds each; round the column, or "
            "cast it to float64 first if the nearest float64 is meant"
        )
        raise ValueError(msg)
    many = np.full(len(texts), _validate.HELD_DIGITS + 1.0)
    _validate.refuse_inexact_decimal_texts(texts, many, f"column {name!r}", where=None)


def _fits(key: object, dtype: Any) -> bool:
    """Whether a mapping key can equal a value of a column of `dtype`.

    Keys that cannot (an int for a text column, None, NaN, 2**70 for an
    Int64 column) match no row on any engine; they are left out of the
    engine expression, which some engines would refuse, as they are unused
    in the numpy path.
    """
    if key is None or (isinstance(key, float) and np.isnan(key)):
        return False
    if dtype == nw.Boolean:
        return isinstance(key, bool | np.bool_)
    if isinstance(key, bool | np.bool_):
        return False
    if dtype.is_integer():
        if not isinstance(key, int | np.integer):
            return False
        info = np.iinfo(str(dtype).lower())  # "int64", "uint8", ...
        return bool(info.min <= int(key) <= info.max)
    if dtype.is_float():  # a float label is matched by float keys only
        return isinstance(key, float | np.floating) and bool(abs(float(key)) < np.inf)
    if dtype in (nw.String, nw.Categorical) or isinstance(dtype, nw.Enum):
        return isinstance(key, str)
    if dtype.is_numeric():  # Decimal
        return isinstance(key, Decimal)
    if dtype == nw.Object:  # Python objects: matched after the reduction
        return True
    if dtype == nw.Unknown and isinstance(key, str | uuid.UUID):
        return True  # DuckDB UUID and the like: matched as text
    if isinstance(dtype, nw.Datetime | nw.Date):
        kind = match_key(key)[0]
        zoned = isinstance(dtype, nw.Datetime) and dtype.time_zone is not None
        return kind == ("datetime with time zone" if zoned else "datetime")
    if dtype == nw.Duration:
        return match_key(key)[0] == "duration"
    return not isinstance(key, str | int | float | Decimal | np.number)


def _engine_key(key: Any, dtype: Any, *, polars: bool = False) -> Any:
    """A fitting mapping key as the Python value an engine compares.

    numpy datetimes and durations become ``datetime`` and ``timedelta``
    (polars' lazy engine cannot build a literal from numpy scalars), a
    date-and-time at midnight a ``date`` for a date column; a key of a
    nanosecond column of polars its integer count of nanoseconds (None
    when it is finer than a nanosecond: no value of the column).
    """
    if _nanosecond_keys(dtype, polars=polars):
        atto = match_key(key)[1]
        return atto // 10**9 if atto % 10**9 == 0 else None
    if polars and isinstance(dtype, nw.Datetime | nw.Date):
        return _polars_time_key(key, dtype)
    if isinstance(key, np.datetime64 | np.timedelta64):
        key = key.astype("M8[us]" if isinstance(key, np.datetime64) else "m8[us]")
        key = key.item()
    if dtype == nw.Date and isinstance(key, datetime.datetime):
        return key.date() if key.time() == datetime.time(0) else key
    if dtype == nw.Unknown and isinstance(key, uuid.UUID):
        return str(key)
    if dtype == nw.Float32:
        # A float32 label is its shortest decimal: the key 0.1 (or
        # np.float32(0.1)) names the float32 nearest 0.1, compared as the
        # float64 it holds; a key that is no float32's shortest decimal
        # (0.10000000149011612) names no label.
        with np.errstate(over="ignore"):  # 1e300: inf, no label's key
            single = np.float32(key)
        if _validate.short_float(single) != _validate.short_float(key):
            return None
        return float(single)
    return key


def _nanosecond_keys(dtype: Any, *, polars: bool) -> bool:
    """Whether keys are compared as integer nanoseconds with the column.

    polars builds a literal from a Python or numpy datetime in microseconds:
    the keys of a nanosecond Datetime or Duration column (polars) are
    compared with the column cast to its integer count of nanoseconds.
    """
    return polars and _nanosecond_column(dtype)


def _polars_time_key(key: Any, dtype: Any) -> Any:
    """A date or datetime key as one Python type polars can compare.

    polars builds one Series of the keys: a ``date`` next to a
    ``datetime``, or datetimes in two time zones, would have no common
    type. Each key becomes a ``datetime`` (naive, or in the column's time
    zone) or, for a Date column, a ``date``; a key that no value of the
    column can equal (a time of day on a Date column, a part finer than a
    microsecond) becomes None (no match, as in the numpy path).
    """
    kind, atto = match_key(key)
    micro, finer = divmod(atto, 10**12)
    if finer:
        return None
    stamp = datetime.datetime(1970, 1, 1) + datetime.timedelta(microseconds=micro)
    if dtype == nw.Date:
        return stamp.date() if stamp.time() == datetime.time(0) else None
    zone = dtype.time_zone
    if kind == "datetime with time zone" and zone is not None:
        from zoneinfo import ZoneInfo

        utc = stamp.replace(tzinfo=datetime.UTC)
        return utc.astimezone(ZoneInfo(zone))
    return stamp


def _key_column(
    name: str, dtype: Any, keys: Sequence[Any], *, polars: bool = False
) -> nw.Expr:
    """A `by` column as an engine compares it with mapping keys.

    A column of a type narwhals does not know (DuckDB's UUID, say) whose
    keys are text is handed over as text, so it is compared as text; a
    nanosecond column of polars as integers (:func:`_nanosecond_keys`).
    """
    if _nanosecond_keys(dtype, polars=polars):
        return nw.col(name).cast(nw.Int64())
    text = dtype == nw.Unknown and all(isinstance(k, str) for k in keys)
    return nw.col(name).cast(nw.String()) if text else nw.col(name)


def _mapped_line(
    line: Mapping[Any, Any],
    by: list[str],
    schema: Mapping[str, Any],
    *,
    polars: bool = False,
) -> nw.Expr:
    """The poverty line of each row from a mapping of domains to lines.

    One `by` column: ``replace_strict`` of its values. Several: each column's
    values become integer codes (``replace_strict``), combined into one code
    per domain, which ``replace_strict`` maps to its line: a few flat
    expressions whatever the number of domains. A domain missing from the
    mapping gets no line (null), refused after the reduction by name.
    """
    f64 = nw.Float64()

    def fits(k: Any, dtype: Any) -> bool:
        return _fits(k, dtype) and _engine_key(k, dtype, polars=polars) is not None

    def engine_key(k: Any, dtype: Any) -> Any:
        return _engine_key(k, dtype, polars=polars)

    if len(by) == 1:
        if any(isinstance(key, tuple) for key in line):
            msg = (
                "`line` keys must be single values with one `by` column, got "
                f"{[k for k in line if isinstance(k, tuple)][:5]}"
            )
            raise ValueError(msg)
        dtype = schema[by[0]]
        kept = {
            engine_key(k, dtype): line_number(v, k)
            for k, v in line.items()
            if fits(k, dtype)
        }
        if not kept:
            return nw.lit(None, dtype=f64)
        key = _key_column(by[0], dtype, list(kept), polars=polars)
        return key.replace_strict(kept, default=None, return_dtype=f64)
    bad = [k for k in line if not isinstance(k, tuple) or len(k) != len(by)]
    if bad:
        msg = (
            f"`line` keys must be tuples of {len(by)} values (one per `by` "
            f"column), got {[_validate.plain(k) for k in bad[:5]]!r}"
        )
        raise ValueError(msg)
    keys = [
        k for k in line if all(fits(v, schema[c]) for c, v in zip(by, k, strict=True))
    ]
    if not keys:
        return nw.lit(None, dtype=f64)
    combined: nw.Expr = nw.lit(0, dtype=nw.Int64())
    key_code = np.zeros(len(keys), dtype=np.int64)
    for j, c in enumerate(by):  # a loop over the handful of `by` columns
        values = list(dict.fromkeys(engine_key(k[j], schema[c]) for k in keys))
        codes = {v: i for i, v in enumerate(values)}
        code = _key_column(c, schema[c], values, polars=polars).replace_strict(
            codes, default=None, return_dtype=nw.Int64()
        )
        combined = combined * len(values) + code
        key_code = key_code * len(values) + np.array(
            [codes[engine_key(k[j], schema[c])] for k in keys]
        )
    lines = {
        int(kc): line_number(line[k], k) for kc, k in zip(key_code, keys, strict=True)
    }
    return combined.replace_strict(lines, default=None, return_dtype=f64)


def _line_expr(
    line: str | float | Mapping[Any, Any],
    by: list[str],
    schema: Mapping[str, Any],
    *,
    polars: bool = False,
) -> nw.Expr:
    if isinstance(line, str):
        return _float64(line, schema)
    if isinstance(line, Mapping):
        if not by:
            msg = "`line` as a mapping (one line per domain) needs `by`"
            raise ValueError(msg)
        return _mapped_line(line, by, schema, polars=polars)
    if not is_line_number(line):
        msg = (
            "`line` must be a column name, a number or a mapping from domain to "
            f"line, got {type(line).__name__}"
        )
        raise TypeError(msg)
    # A float32 line is its shortest decimal, a Decimal taken when exact.
    return nw.lit(line_number(line), dtype=nw.Float64())


def poverty_table(
    df: IntoFrame,
    *,
    welfare: str,
    line: str | float | Mapping[Any, Any] | None = None,
    lines: Mapping[str, str | float | Mapping[Any, Any]] | None = None,
    unit: Unit,
    alpha: float | Sequence[float] = (0, 1, 2),
    weight: str | None = None,
    size: str | None = None,
    by: str | Sequence[str] | None = None,
    strata: str | None = None,
    psu: str | None = None,
    fpc: str | None = None,
    lonely_psu: LonelyPsu = "raise",
    comparison: Comparison = "<",
    watts: bool = False,
    level: float = 0.95,
    overall: bool = False,
    nan_policy: MissingPolicy = "raise",
) -> Any:
    r"""Poverty measures by domain with design-based standard errors, from microdata.

    Parameters
    ----------
    df : pandas, polars (eager or lazy), DuckDB, PySpark or other frame
        One row per unit (person or household). Not modified. Any frame
        narwhals supports; a lazy frame stays lazy until the one reduction.
    welfare : str
        Column of welfare per capita (consumption or income).
    line : str, float or mapping
        Poverty line: a column (one line per unit), a number, or a mapping
        from each domain to its line (keys are values of the single `by`
        column, or tuples of values of several). Give `line` or `lines`,
        not both. A number or mapping value is read as the array functions
        read it, on every engine: a float32 value stands for its shortest
        decimal (``np.float32(100.1)`` is 100.1, as a Float32 column is), a
        ``Decimal`` is taken when float64 holds it, and a figure float64
        cannot hold (``Decimal("0.1000000000000000000001")``, an integer
        beyond 2**53) raises ValueError; a masked scalar
        (``numpy.ma.masked``) is a missing line, refused as NaN is.
    lines : mapping of str to line, optional
        Several poverty lines at once, by name; each value is anything
        `line` accepts. Every line's terms are columns of the same single
        reduction; the output gets a ``line`` column with the line's name
        (after the `by` columns), one row per domain, line and measure.
        With ``nan_policy="omit"`` a row missing under any line gets zero
        weight under every line.
    unit : {"fraction", "percent"}
        Scale of `estimate`, `se`, `lower` and `upper`. Required.
    alpha : float or sequence of float, default (0, 1, 2)
        FGT parameters, read and checked as in :func:`fgt`; an empty
        sequence with ``watts=True`` asks for the Watts index alone.
        Measures are labelled as :func:`poverty_estimates` labels them.
    weight : str, optional
        Column of survey weights (>= 0). None weighs rows equally.
    size : str, optional
        Column of household sizes: household rows count as their members
        (weight times size; any finite value >= 0, fractions too, as an
        adult-equivalent count).
    by : str or sequence of str, optional
        Column(s) defining the domains (e.g. region, urban/rural). A
        float32 column (polars and pandas Float32, DuckDB FLOAT, Spark
        FloatType) groups by its float32 values and shows each as its
        shortest decimal (0.1, not 0.10000000149...), in a float64 output
        column, on every engine, as :func:`poverty_estimates` does; a
        `line` mapping keyed 0.1 or ``np.float32(0.1)`` matches it.
    strata : str, optional
        Column of strata. None is one stratum.
    psu : str, optional
        Column of primary sampling units, nested in strata. None makes each
        row a PSU: on pandas and eager polars frames with the same results
        as a column of unique row ids; on lazy frames (polars lazy, DuckDB,
        PySpark) from expanded
        sums of squares, warned of where they cancel (see Warns).
    fpc : str, optional
        Column of the finite population correction, constant within a
        stratum (PSUs in the stratum's population, at least the number
        sampled, or a sampling fraction in (0, 1] if every value is <= 1;
        1 everywhere is refused when a stratum has more than one PSU
        sampled, as :func:`poverty_estimates` explains; without `weight`,
        it must imply equal weights, see there). A float32 value stands
        for its shortest decimal (0.1, not 0.10000000149...) on every
        engine, as float32 welfare and weights do.
    lonely_psu : {"raise", "remove", "certainty", "adjust", "average"}
        Strata with a single PSU, as R ``survey``
        (:data:`povstat.LonelyPsu`). Under ``"average"`` a domain none of
        whose strata has more than one PSU has NaN standard errors, as in
        R, and a warning names it (see :func:`poverty_estimates`).
    comparison : {"<", "<="}, default "<"
        Poor means welfare below the line (``"<"``) or at most the line.
    watts : bool, default False
        Add the Watts index (welfare must be > 0); alone with ``alpha=[]``.
    level : float, default 0.95
        Confidence level of `lower` and `upper`.
    overall : bool, default False
        Add rows for all units together, with missing values in the `by`
        columns.
    nan_policy : {"raise", "omit"}, default "raise"
        Missing welfare, line, weight or size: raise, or count the row with
        zero weight (never dropped; its PSU stays in the design). A stratum
        whose rows are all missing adds nothing, so a single PSU there is
        not refused under ``lonely_psu="raise"`` (R's ``na.rm=TRUE`` drops
        the stratum); under
        ``lonely_psu="average"`` a stratum of the domain whose rows are all
        missing is not one of its strata. Rows of zero weight as given keep
        their strata, as in R. Missing is
        null, NaN, or in an object column of Decimals a Decimal NaN, quiet
        or signalling (``Decimal("sNaN")``).

    Returns
    -------
    frame of the same backend as `df`
        A new table (lazy for lazy input), one row per domain and measure,
        sorted by domain then measure in the order asked: the `by` columns,
        ``measure`` (``"P0"``, ``"P1"``, ``"P2"``, ``"FGT(a)"``,
        ``"watts"``), ``estimate``, ``se``, ``lower``, ``upper`` (in
        `unit`), ``rse_pct``, ``deff``, ``n`` (units of positive weight),
        ``n_psu`` and ``df`` (PSUs minus strata). Feed the rows of one
        measure (and line) to :func:`povstat.with_change_test` or
        :func:`povstat.with_rank_sets` with ``rate="estimate", se="se"``
        and the `by` columns as `region` and `period` (or `by`), as in the
        last example.

    Raises
    ------
    TypeError
        If `line` or `by` is of the wrong kind (`by` given as a frame of
        the columns, or as polars expressions, is told their names), `strata`
        or `psu` is not
        one column name (given as a list of names or of polars expressions
        ``pl.col(...)``, a frame of the columns, or a 2-D array of their
        values, whose columns are found among an eager frame's by their
        values, the message advises for `strata` building one column of
        combined labels, showing the code for the frame's engine under a
        name new whatever its case: only `by`
        crosses columns; for `psu` the first stage's column, or the PSU's
        own, never a join, which would make each household a PSU), a
        `by`, `strata` or `psu` column holds containers (lists, tuples,
        arrays, structs: labels
        must be scalars; the message names the argument, the column and its
        type), a DuckDB key column is of a type whose labels would not come
        back as they are (BIGNUM, formerly VARINT, and BIT reach Python as
        bytes, TIME WITH TIME ZONE without its offset, INTERVAL groups 1
        month with 30 days: the message names the column and its type and
        the cast to make; UUID and ENUM are read as their text, BLOB as
        bytes), a key column is text the engine groups under a collation
        (DuckDB ``COLLATE NOCASE``, found where a group holds distinct
        values, for any UTF-8 text; Spark strings of a collation other than
        ``UTF8_BINARY``, from the schema: cast to a plain string type), a
        Spark key column is a year-month or calendar interval or a VARIANT,
        or a `welfare`, `line`, `weight`, `size` or `fpc` column is not of
        a numeric dtype (integer, float or decimal; bool, text, dates, datetimes and
        durations are refused, from the schema, before any data is read;
        a pandas object column is read when it holds numbers only:
        Decimals, as ``pandas.read_sql`` returns a NUMERIC column, ints,
        floats and missing values, by the rule of the array functions;
        a pandas sparse column is read as its dense values).
    ValueError
        If a column is not found; a `line` given as text that is a number
        written as text (``"550000"``) is read as a column name, and the
        message advises passing the number (``line=550000.0``); a name
        written as an R formula of columns (``strata="~kab+urban"``) gets
        the column's name, `by`'s list, for `strata` the advice to combine
        them, as above, for `psu` (R's ``ids=~nks+hh``, stages of
        sampling) the first term, the PSUs, and for `fpc` (``~N1+N2``)
        the first stage's; ``psu="~1"`` (R's no clusters) the advice to
        leave `psu` out; several columns in one str (``"kab, urban"``,
        ``"c(kab,urban)"``) get the same advice as a list of them, and a
        name with spaces around it the column's name. R's backticks
        (``"~`kode kab`+urban"``), ``factor(x)`` and ``interaction(a, b)``
        in a formula are read as the columns inside, when those are
        columns of `df` (names spelt otherwise, ``"~KAB"`` beside ``kab``,
        are told the column); ``psu="~interaction(kab, blok)"`` (R's one
        stage, the crossing of the two) gets the advice to combine them,
        or the other column when one is `strata`'s.
        If a value column is null on every row, so that its engine gives it
        no dtype (polars ``Null``, DuckDB ``NULL``): the message says so,
        under either `nan_policy`. If a weight times its size underflows
        float64 to 0 (the message counts the rows). Weights (times sizes)
        whose sums, squares or squares times squared terms could leave
        float64's normal range (the largest, times the largest term or 1,
        above about 6.7e153 / rows; the smallest positive one, or the
        largest times a measure's largest term, below about 1.5e-154;
        subnormals such as 5e-324 included) are not refused: every engine
        rescales each domain's by a power of two (see Notes). Terms so large
        that their squares summed over the rows could overflow (about
        3e153 / sqrt(rows)) are refused, at every scale of the weights and
        on every engine, as :func:`povstat.poverty_estimates` refuses them.
        Without `psu`, a domain and stratum
        whose weights' squares still all underflow to 0 after that
        (weights all below about 1e-162 of the largest) are refused, on
        every engine (a lazy engine's variance needs them); give a unit id
        as `psu` to compute from deviations.
        If a welfare, line, weight or size column of a lazy frame (polars
        lazy, Dask) is float16: a float16 value stands for its shortest
        decimal (float16 100.1 is 100.1, as on an eager frame and in
        :func:`fgt`), which no lazy engine's cast gives; the message names
        the argument and the column.
        If both or neither of `line` and `lines` are given, `lines` is
        empty, a `by` column is named like an output column (``line`` too
        with `lines`; povstat never overwrites a column; on DuckDB and
        Spark whatever its case, and the message names the column as
        written and says so), a column is
        missing, `strata` and `psu` name one column or `fpc` names a `by`,
        `strata` or `psu` column (a `by` column may be the strata or the
        PSUs: estimates by stratum), the frame repeats a column name or,
        on DuckDB and Spark (which match names whatever their case; DuckDB
        folds ASCII letters only, so "Ä" and "ä" are two names there), has
        two names equal but for case (used or not: the message names the
        columns and the arguments that would read them),
        the frame has no rows, a value is missing under
        ``nan_policy="raise"`` (the message names each argument and column
        that holds missing values, with its count of rows, and the rows
        missing any), `line` is NaN (or NaN for a domain of its
        mapping; under any policy: the message names the line, not the
        rows), a line column is missing on every row of a domain under
        ``nan_policy="omit"`` (it names the line and its entry of
        `lines`), a weight or size is negative (the message gives the
        smallest) or infinite (the message names the column and counts the
        rows), a line or `fpc` is not > 0, `fpc` is infinite, welfare
        is not > 0 with ``watts=True``, a `by`, `strata`, `psu` or `fpc`
        value is missing (null or NaN; the message names the
        argument and counts the rows, and names the first row on an eager
        frame or the first group on a lazy one, as missing welfare is
        named), `alpha` is empty without ``watts=True``, a domain
        has no line in a `line` mapping (or one <= 0: the message names
        the domain), weights or the squares of the FGT terms leave
        float64's range (no standard error can be formed;
        :func:`~povstat.fgt` gives the measures alone, ``inf`` beyond
        float64's range), a domain has no weight (its weights are all 0,
        or all its rows are missing under ``nan_policy="omit"``; the
        message advises giving its rows another domain's label rather than
        dropping them, which would change the design and the other
        domains' standard errors), a stratum has a single PSU under
        ``lonely_psu="raise"`` (one whose rows are all missing under
        ``nan_policy="omit"`` is not refused), or `fpc` varies within a stratum (or,
        without `strata`, across the sample; in its last bits too, shown in
        full, as :func:`poverty_estimates` says) or is smaller than the PSUs
        sampled there, or without `weight` implies weights that differ
        between strata (R would weigh by them),
        a Decimal of a pandas object column is one float64
        cannot hold (``Decimal("2.67499999999999999999")``), or a `by`,
        `strata` or `psu` column holds
        times of day finer than a microsecond (polars Time, pyarrow
        ``time64[ns]``: ``datetime.time`` cannot hold them, and distinct
        labels would be merged; the message gives the smallest). On lazy
        frames (polars lazy, DuckDB, Spark), column names the engine would
        read as something else are refused: on DuckDB and Spark, a name
        with a dot (``a.b``, column b of table a), a backtick, ``*`` or
        surrounding spaces; on every lazy engine, a polars regular
        expression (``^...$``), ``*`` alone, and a `by`, `strata`, `psu` or
        `fpc` column named ``''``. Eager pandas and polars frames read them
        all, and lazy polars frames read dots, backticks and spaces.
        An error about one of several `lines` names its entry, and one
        about a `line` column names the column. Errors about values count
        the rows and give a value. A value that breaks a rule (a negative
        weight or size, a line <= 0, an infinite value, welfare <= 0 for
        Watts), a missing value (``nan_policy="raise"``) and a decimal that
        float64 cannot hold name their (first) row by one rule: a pandas
        frame's row by its index label (``first at index label 0``; where
        the index repeats labels, as after ``pd.concat`` without
        ``ignore_index``, with the row's position: ``index label 1 (row
        position 3)``), a polars or pyarrow frame's by its 0-based position
        (``row position 1``). A lazy frame (polars lazy, DuckDB, Spark) has
        no row order: the rows breaking a rule or missing a value are
        named by the `by`, `strata` and `psu` labels of the first group, in
        label order, holding such rows (``the first group (in label order)
        holding such rows: region 'A', psu 7``; not necessarily the group
        of the smallest value quoted), from the same one reduction; rows
        missing a `by`, `strata`, `psu` or `fpc` label by the labels of the
        other key columns (a missing one shown as ``(missing)``; none
        named where there is no other), and a decimal by none. A missing
        value is refused before a rule on the welfare, line, weight or
        size values (a line <= 0, say), on every engine.

    Warns
    -----
    UserWarning
        If `weight` is given and its total is at most the units of positive
        weight in a domain (or overall, or the sample), where ``deff`` is
        then NaN or ``inf`` (see Notes): the message names the domains and
        asks whether the weights are correctly scaled, as R ``survey``
        does. If under ``lonely_psu="average"`` a domain has no stratum of
        more than one PSU (its standard errors NaN, as R gives): the
        message names the domains. Also, without `psu` on an engine whose
        one grouped sum cannot keep
        each row (polars lazy, DuckDB, PySpark), where a variance is below 1e-6
        of the sums of squares it is the difference of (a standard error of 0
        included, unless the measure is the same for every unit of the domain):
        that standard error and design effect may have lost digits (about 16 +
        log10 of that fraction kept); the message names the measure and domain
        and asks for a unit id column as `psu`. Above 1e-6, standard errors
        agree with the exact deviations to about 2e-11 relative (measured on
        random designs of 20,000 rows). Also, with `psu` on those engines,
        where the standard error of a measure near its largest value (a
        share near 1 whose poor carry nearly all the weight) rests on a PSU
        whose largest weight is 2**52 or more times its smallest (read from
        the same grouped reduction): the engine's float64 sum of that PSU's
        weights rounds the small units away, so that standard error may be
        off by a factor or be 0; the message names the measure and domain
        and advises collecting the frame to pandas or polars (eager). Also,
        on every engine, where a measure's terms are too small for their
        squares (the rule of :func:`povstat.poverty_estimates`).
    RuntimeWarning
        Where the power-of-two rescale of a domain's weights takes a poor
        unit's weight below float64's range while its term is above 1 (its
        weighted term could show): that unit counts as of zero weight. The
        message names the row (pandas, polars) or the first such domain
        (lazy engines, whose one grouped reduction counts them).

    See Also
    --------
    poverty_estimates : The array version, with the covariance matrix.

    Notes
    -----
    A lazy frame's engine computes each row's terms and runs one
    ``group_by([*by, strata, psu]).agg(sums)``. Only when that reduction
    finds the sums of the weights (times sizes), their squares or their
    squares times squared terms possibly beyond float64's normal range
    (the rule of :func:`povstat.poverty_estimates`, judged on each
    domain's largest and smallest weight and largest terms) does it
    run a second time, with each domain's weights multiplied by the power
    of two that brings the domain's largest into [0.5, 1) (the engine
    takes each domain's largest weight over its rows): exact, since a
    domain's figures use its own units alone, so the
    estimates and standard errors are those of the weights
    as given, on every engine (numpy rescales them alike), and the design
    effect compares with a population of the weights' total as given. An
    eager pandas, polars or
    pyarrow frame has its columns taken as numpy arrays and reduced as
    :func:`povstat.poverty_estimates` reduces them, in integer limb sums
    that give bit-identical figures for every order of the rows. The rest is
    numpy on the reduced table. On a lazy engine the sums are the engine's
    float64 sums, whose rounding grows with the rows summed in a group:
    polars lazy agreed with numpy to about 2e-16 relative at up to
    1,000,000 rows per group, while DuckDB's plain sums drifted by about
    1e-17 times the rows per group (estimates and standard errors 9e-14
    relative at 10,000 rows, 2.7e-12 at 200,000, 1.2e-11 at 1,000,000; at
    worst about 1e-16 times the rows), and Spark by up to 1.8e-13
    (estimates) and 5e-12 (standard errors) at 200,000 rows in one
    partition. Splitting the data into chunks, files or partitions, or
    another row order, can change those bits too. This matters only for a
    figure within that distance of a rounding tie; collect to pandas or
    polars for bit-identical figures. The Watts index is the one
    measure whose per-unit term uses a function of the engine: its
    :math:`\ln(z/y)` is the engine's natural logarithm of the correctly
    rounded ratio, the same ratio as numpy's, and the logarithm may differ
    from numpy's in the last bit (DuckDB's and Spark's do): a term then
    differs from numpy's by about one unit in its last place, and the Watts
    estimate agrees with numpy's as the other measures do. Against the
    exact index, the ratio's rounding puts a unit's term off by up to about
    :math:`\epsilon/2` (:math:`\epsilon = 2^{-52}`), relatively
    :math:`\epsilon / (2 \ln(z/y))`, on every engine alike: negligible
    except for welfare within a hair of the line (welfare 999.9999999
    against the line 1000 has a term of 1e-10, known to about 1e-6
    relative). (:math:`\ln z - \ln y` would be off by about
    :math:`\epsilon \lvert\ln z\rvert`, ten times more for lines in
    rupiah; it is used only where :math:`z/y` overflows.) The
    estimator is Taylor
    linearisation with PSUs drawn with replacement within strata, as R
    ``survey`` computes it [1]_.
    ``deff`` compares with simple random sampling without replacement from
    a population of the weights' total (R ``survey``'s ``deff=TRUE``), so,
    unlike the estimates and standard errors, it depends on the weights'
    scale: it needs expansion weights, the persons (or households) each
    unit represents, summing to the population (``w * 1000`` gives another
    design effect than ``w``). Where the weights total less than the units
    (normalised to sum to 1, say) it is NaN, as R's, and where they total
    the units (divided by their mean) it is ``inf``; both warn (see Warns).
    Without `weight` it is ``inf``, with or without `size`: the sample is
    then the whole population, the reference variance 0 (household sizes
    alone count the sample's persons, not a population).

    The keys of a `line` mapping are matched by value and kind, the same
    way in :func:`poverty_estimates` and this function on
    every engine: a key of another kind than the labels (1 or True for the
    label 1.0, 1.0 for 1, 1 for '1') matches no domain, and the "no poverty
    line" error lists such keys. Dates and times match by the instant they
    name whatever their type (``datetime``, ``pandas.Timestamp``,
    ``numpy.datetime64`` of any unit, a ``date`` as its midnight); a key
    with a time zone matches a label with one at the same instant, in any
    zone, and a naive key never matches a zoned label (a PySpark
    ``TIMESTAMP`` is an instant in the session's zone: give it keys with a
    time zone, or use ``TIMESTAMP_NTZ``). Date labels are
    shown as datetimes whatever their unit, in their column's zone; a
    label with a part finer than a microsecond keeps every nanosecond (a
    nanosecond column of the output, or a ``numpy.datetime64`` label).
    Times of day finer than a microsecond are refused (see Raises). Numpy
    scalars among object labels are shown as the Python values they hold.
    With a categorical `by` column (pandas categorical, pyarrow
    dictionary), keys are matched by the kind of its categories (numbers,
    intervals, dates or text). Domain
    labels that are equal but written differently in an object column
    (0.0 and -0.0, ``Decimal("1.0")`` and ``Decimal("1.00")``, one instant
    in two time zones) are one domain, shown by the label with the smallest
    ``repr`` (a zero without its sign), whatever the order of the rows.

    References
    ----------
    .. [1] Lumley, T. (2010), *Complex Surveys: A Guide to Analysis Using
       R*, Wiley, chapters 2-3.

    Examples
    --------
    >>> import pandas as pd
    >>> from povstat import poverty_table
    >>> df = pd.DataFrame({
    ...     "region": ["a", "a", "a", "a", "b", "b", "b", "b"],
    ...     "psu": [1, 1, 2, 2, 3, 3, 4, 4],
    ...     "cons": [90, 120, 200, 80, 130, 300, 110, 95],
    ... })
    >>> out = poverty_table(df, welfare="cons", line=125, unit="percent",
    ...                     alpha=0, by="region", psu="psu")
    >>> out[["region", "measure", "estimate", "n_psu"]]
      region measure  estimate  n_psu
    0      a      P0      75.0    2.0
    1      b      P0      50.0    2.0

    Several poverty lines in one pass:

    >>> out = poverty_table(df, welfare="cons", unit="percent", alpha=0,
    ...                     lines={"national": 125, "extreme": 100})
    >>> out[["line", "measure", "estimate"]]
           line measure  estimate
    0  national      P0      62.5
    1   extreme      P0      37.5

    Two survey rounds (of other PSUs), and the test of each region's change
    in P0 (the rounds' samples are independent):

    >>> from povstat import with_change_test
    >>> later = df.assign(cons=df["cons"] + 20, psu=df["psu"] + 4)
    >>> rounds = pd.concat([df.assign(year=2022), later.assign(year=2023)])
    >>> out = poverty_table(rounds, welfare="cons", line=125, unit="percent",
    ...                     by=["region", "year"], psu="psu")
    >>> p0 = out[out["measure"] == "P0"]
    >>> tested = with_change_test(p0, unit="percent", level=0.95,
    ...                           independent=True, rate="estimate", se="se",
    ...                           region="region", period="year")
    >>> tested[["region", "year", "estimate", "change_p_value"]].round(3)
      region  year  estimate  change_p_value
    0      a  2022      75.0             NaN
    3      a  2023      50.0           0.186
    6      b  2022      50.0             NaN
    9      b  2023      25.0           0.554
    """
    _validate.unit(unit)
    lev = _level(level)
    wat = _validate.flag(watts, "watts")
    alphas, _ = alphas_arg(alpha, watts=wat)
    ovr = _validate.flag(overall, "overall")
    _validate.choice(lonely_psu, "lonely_psu", _LONELY)
    _validate.choice(nan_policy, "nan_policy", ("raise", "omit"))
    comp = comparison_arg(comparison)
    by_cols = _columns(by, df)
    column_args = {
        "welfare": welfare,
        "line": line,
        **(
            {}
            if not isinstance(lines, Mapping)
            else {f"lines[{k!r}]": v for k, v in lines.items()}
        ),
        "weight": weight,
        "size": size,
        "strata": strata,
        "psu": psu,
        "fpc": fpc,
    }
    readers = {a: c for a, c in column_args.items() if isinstance(c, str)}
    readers |= {
        f"by[{i}]" if len(by_cols) > 1 else "by": c for i, c in enumerate(by_cols)
    }
    refuse_duplicate_columns(df, arg="df", used=readers)
    df = _dense_columns(df, [c for c in readers.values() if isinstance(c, str)])
    try:
        frame: _Frame = nw.from_native(df)
    except TypeError:
        msg = (
            "`df` must be a dataframe narwhals supports (pandas, polars, "
            f"pyarrow, DuckDB, PySpark, ...), got {type(df).__name__}"
            + ("; use .to_frame() on a Series" if hasattr(df, "to_frame") else "")
        )
        raise TypeError(msg) from None
    in_schema = _plumbing.schema(frame)
    names = list(in_schema)
    needed = {"welfare": welfare, "weight": weight, "size": size, "strata": strata}
    needed |= {"psu": psu, "fpc": fpc}
    for arg, name in needed.items():
        if name is not None and not isinstance(name, str):
            msg = _checks.not_a_column_name(
                arg, name, names, frame=frame, arrays="povstat.poverty_estimates"
            )
            named = _checks.named_series(name, names, frame)
            if named is not None and named[1] is not None:
                raise TypeError(msg)  # values not its column's: add them as one
            cols = _design_columns_given(name, names)
            lead = ""
            if cols is None and isinstance(name, np.ndarray) and name.ndim in (1, 2):
                # np.array([df.kab, df.urban]): the columns as its rows
                rows = name.ndim == 2 and _transposed(frame, name)
                given = name.T if rows else name.reshape(len(name), -1)
                cols = _array_columns(frame, given, names)
                lead = _array_lead(arg, given, cols, rows=rows)
                if cols is not None and len(cols) == 1:  # one column's values
                    lead = f"; its values are those of the column {cols[0]!r} of `df`"
            advice = _several_design_columns(
                arg, cols, frame.implementation, names, strata
            )
            if not advice and cols is not None and len(cols) == 1:
                advice = f"; it names one column: {arg}={cols[0]!r}"
                if lead:
                    advice = f": {arg}={cols[0]!r}"
            if not advice and lead:
                advice = _unnamed_columns_advice(arg, frame.implementation)
            if not advice and frame.implementation is nw.Implementation.POLARS:
                advice = _computed_expr_advice(arg, name, names)
            told = msg + lead + advice
            given = list(needed.values())
            raise TypeError(told + _lazy_rename_note(frame, names, told, given))
    named = _lines_arg(line, lines)
    items: list[Any] = [line] if named is None else list(named.values())
    line_names = None if named is None else list(named)
    fold, case_note = _case_rule(frame.implementation)
    # Only columns of the frame clash (a missing one is refused as missing).
    clash = (
        [c for c in by_cols if fold(c) == "line" and c in names]
        if named is not None
        else []
    )
    if clash:
        msg = (
            f"`by` column {clash[0]!r} has the name of the output column 'line' "
            f"that holds the names of `lines`{case_note}; povstat never "
            "overwrites a column: rename it first"
        )
        raise ValueError(msg)
    entries = [None] * len(items) if line_names is None else line_names
    _refuse_absent_columns(
        df,
        frame,
        names,
        [("welfare", welfare)],
        [(e, v) for e, v in zip(entries, items, strict=True) if isinstance(v, str)],
        [(a, c) for a, c in needed.items() if a != "welfare"]
        + [("by", c) for c in by_cols],
    )
    used = [n for n in [*needed.values(), *by_cols, *items] if isinstance(n, str)]
    keys = [*by_cols, *(c for c in (strata, psu, fpc) if c is not None)]
    eager = isinstance(frame, nw.DataFrame) and _in_memory(frame)
    if not eager:
        _refuse_engine_names(used, keys, frame.implementation)
        value_columns = [("welfare", welfare), ("weight", weight), ("size", size)]
        value_columns += [("line", v) for v in items if isinstance(v, str)]
        _refuse_engine_float16(value_columns, in_schema, frame.implementation)
    _refuse_shared_design_columns(by_cols, strata=strata, psu=psu, fpc=fpc)
    # A `by` column may also be the strata or PSUs (estimates by stratum).
    keys = list(dict.fromkeys(keys))
    roles = {c: "by" for c in by_cols}
    roles |= {c: a for a, c in (("strata", strata), ("psu", psu)) if c is not None}
    _refuse_nested_keys(roles, in_schema)
    _refuse_128_bit_keys({**roles, **({fpc: "fpc"} if fpc else {})}, in_schema)
    _refuse_unfaithful_duckdb_keys(frame, roles)
    _refuse_spark_keys(frame, roles)
    key_schema = _key_schema(frame, by_cols, in_schema)
    zs = []
    for entry, value in zip(entries, items, strict=True):
        line_col = {"line": value} if isinstance(value, str) else {}
        with line_entry(entry):  # a loop over the handful of lines
            _check_entry(frame, needed | line_col, by_cols, value)
            zs.append(
                _line_expr(
                    value,
                    by_cols,
                    key_schema,
                    polars=frame.implementation.is_polars(),
                )
            )
            if not isinstance(value, str | Mapping) and np.isnan(line_number(value)):
                raise ValueError(MISSING_SCALAR_LINE)
    if isinstance(frame, nw.DataFrame) and len(frame) == 0:
        raise ValueError(_NO_ROWS)  # before a reduction of empty columns
    if isinstance(frame, nw.DataFrame) and _in_memory(frame):
        # Eager in-memory frame: take the columns as arrays, reduce in numpy.
        red, by_values, flags, smallest, per_line, places = _reduce_eager(
            frame,
            welfare=welfare,
            lines=items,
            entries=entries,
            weight=weight,
            size=size,
            by=by_cols,
            strata=strata,
            psu=psu,
            fpc=fpc,
            alphas=alphas,
            watts=wat,
            comparison=comp,
            nan_policy=nan_policy,
        )
        first_bad = flags.get("firstbad", -1)  # the rows are at hand
        _raise_on_missing(
            flags,
            per_line,
            entries=entries,
            lines=items,
            welfare=welfare,
            weight=weight,
            size=size,
            nan_policy=nan_policy,
            first=_plumbing.row_place(frame, first_bad) if first_bad >= 0 else None,
        )
        _raise_on_lines(per_line, entries, items, places=places)
        _raise_on_flags(
            flags,
            watts=wat,
            smallest=smallest,
            columns={"welfare": welfare, "weight": weight, "size": size},
            places=places,
        )
        est = linearised(
            red,
            measures=measure_names(alphas, watts=wat) * len(items),
            labels=_domain_labels(by_values, red.n_domains),
            lonely_psu=lonely_psu,
            level=lev,
            unit=unit,
            overall=ovr and bool(by_cols),
            weighted=weight is not None,
            weight_arg="weight",
            lines=line_names,
        )
        k = (len(alphas) + int(wat)) * len(items)
        return _output(frame, df, by_values, frame.schema, est, k, line_names)

    y = _float64(welfare, in_schema)
    w = _float64(weight, in_schema) if weight is not None else nw.lit(1.0)
    s = _float64(size, in_schema) if size is not None else nw.lit(1.0)
    bad = _missing(y) | _missing(w) | _missing(s)
    for z in zs:
        bad = bad | _missing(z)
    f64 = nw.Float64()
    # Missing rows get zero weight and harmless values (policy "omit"); under
    # "raise" they are counted and the call fails after the reduction. A row
    # missing under one of several lines gets zero weight under all.
    zzs = [nw.when(_missing(z)).then(nw.lit(1.0)).otherwise(z) for z in zs]
    yy = nw.when(bad).then(zzs[0]).otherwise(y)
    # Weights whose squares leave float64 (weight_exponents): a second pass
    # with each domain's weights times its own power of two (exact), as
    # numpy rescales.
    pw_given = nw.when(bad).then(nw.lit(0.0)).otherwise(w * s)
    factors: tuple[nw.Expr, nw.Expr] | None = None
    overall_exp = 0
    while True:  # at most two passes: the second only in that rare case
        pw = (
            pw_given
            if factors is None
            else nw.when(bad)
            .then(nw.lit(0.0))
            .otherwise((w * s) * factors[0] * factors[1])
        )
        # A prefix for povstat's own columns that no column of the frame starts
        # with, so that none of the caller's columns is ever overwritten.
        t = _TMP
        # (in lower case: DuckDB matches names whatever their case)
        while any(n.lower().startswith(t) for n in names):
            t = f"{t}_"
        prepared = frame.with_columns(
            yy.alias(f"{t}y"),
            *(zz.alias(f"{t}z{i}") for i, zz in enumerate(zzs)),
            pw.alias(f"{t}w"),
            pw_given.alias(f"{t}wu"),
            *(
                []
                if factors is None
                else [factors[0].alias(f"{t}f1"), factors[1].alias(f"{t}f2")]
            ),
            bad.cast(f64).alias(f"{t}bad"),
            # Each input's missing values, counted for the message under "raise".
            _missing(y).cast(f64).alias(f"{t}missy"),
            *([_missing(w).cast(f64).alias(f"{t}missw")] if weight is not None else []),
            *([_missing(s).cast(f64).alias(f"{t}misss")] if size is not None else []),
            (w < 0).fill_null(value=False).cast(f64).alias(f"{t}negw"),
            (s < 0).fill_null(value=False).cast(f64).alias(f"{t}negs"),
            *((zz <= 0).cast(f64).alias(f"{t}badz{i}") for i, zz in enumerate(zzs)),
            *(_missing(z).cast(f64).alias(f"{t}miss{i}") for i, z in enumerate(zs)),
            *(_infinite(z).alias(f"{t}infz{i}") for i, z in enumerate(zs)),
            _infinite(y).alias(f"{t}infy"),
            _infinite(w).alias(f"{t}infw"),
            _infinite(s).alias(f"{t}infs"),
            # weight x size underflowing float64 to 0 (both > 0)
            ((w > 0) & (s > 0) & (w * s == 0))
            .fill_null(value=False)
            .cast(f64)
            .alias(f"{t}under"),
            # weight x size overflowing float64 (both finite)
            (
                (w.abs() < nw.lit(math.inf))
                & (s.abs() < nw.lit(math.inf))
                & ((w * s).abs() == nw.lit(math.inf))
            )
            .fill_null(value=False)
            .cast(f64)
            .alias(f"{t}over"),
            # Welfare <= 0 for Watts, on every row that states a welfare (a row
            # left out under "omit" too, as the array functions refuse it).
            (y <= 0).fill_null(value=False).cast(f64).alias(f"{t}nonpos"),
            w.alias(f"{t}rw"),
            s.alias(f"{t}rs"),
            y.alias(f"{t}ry"),
        )
        terms = []
        for i in range(len(zzs)):  # one set of term columns per line
            terms += unit_terms(
                nw.col(f"{t}y"),
                nw.col(f"{t}z{i}"),
                alphas=alphas,
                watts=wat,
                comparison=comp,
                ops=_ExprOps(),
            )
        k = len(terms)
        wcol = nw.col(f"{t}w")
        # A unit of zero weight (as given, left out under "omit", or a weight
        # the power-of-two rescale takes to 0) adds nothing: its terms count
        # as 0, never 0 * inf (NaN) where a term overflows.
        wu = nw.col(f"{t}wu")
        # A poor unit whose weight the rescale took to 0 with a term above 1
        # (its weighted term may still show): counted, warned of by domain.
        above = [term > 1.0 for term in terms]
        dropped = (wu > 0) & (wcol == 0) & functools.reduce(operator.or_, above)
        terms = [_ExprOps().where(wcol > 0, term, 0.0) for term in terms]
        per_unit = [(wcol * term).alias(f"{t}wt{j}") for j, term in enumerate(terms)]
        per_unit += [
            (wcol * term * term).alias(f"{t}wtt{j}") for j, term in enumerate(terms)
        ]
        # Units of positive weight as given (n, PSUs, df), whatever the
        # rescale left of a weight far below its domain's largest.
        per_unit.append((wu > 0).cast(f64).alias(f"{t}pos"))
        if factors is not None:
            per_unit.append(dropped.fill_null(value=False).cast(f64).alias(f"{t}drop"))
        per_unit.append(nw.when(wu > 0).then(wu).alias(f"{t}wposv"))
        # Each term of the units of positive weight (null otherwise): its range
        # by cell tells a measure the same for every unit of a domain.
        per_unit += [
            nw.when(wu > 0).then(x).alias(f"{t}tv{j}") for j, x in enumerate(terms)
        ]
        units_as_psu = psu is None
        if units_as_psu:
            ww = wcol * wcol
            per_unit.append(ww.alias(f"{t}ww"))
            per_unit += [
                (ww * term).alias(f"{t}wwt{j}") for j, term in enumerate(terms)
            ]
            per_unit += [
                (ww * terms[i] * terms[j]).alias(f"{t}wwtt{i}_{j}")
                for i in range(k)
                for j in range(i, k)
            ]
        prepared = prepared.with_columns(*per_unit)
        summed = [f"{t}w", f"{t}bad", f"{t}negw", f"{t}negs", f"{t}nonpos", f"{t}missy"]
        summed += [f"{t}missw"] if weight is not None else []
        summed += [f"{t}misss"] if size is not None else []
        summed += [f"{t}badz{i}" for i in range(len(zzs))]
        summed += [f"{t}miss{i}" for i in range(len(zzs))]
        summed += [f"{t}infz{i}" for i in range(len(zzs))] + [f"{t}infy"]
        summed += [f"{t}infw", f"{t}infs", f"{t}under", f"{t}over"]
        summed += [f"{t}wt{j}" for j in range(k)] + [f"{t}wtt{j}" for j in range(k)]
        summed.append(f"{t}pos")
        summed += [] if factors is None else [f"{t}drop"]
        if units_as_psu:
            summed += [f"{t}ww"] + [f"{t}wwt{j}" for j in range(k)]
            summed += [f"{t}wwtt{i}_{j}" for i in range(k) for j in range(i, k)]
        aggs = [nw.col(c).sum() for c in summed] + [nw.len().alias(f"{t}n")]
        # The largest and smallest positive weights as given, for
        # weight_exponents, and the factors applied to them.
        aggs += [nw.col(f"{t}wu").max().alias(f"{t}wmax")]
        aggs += [nw.col(f"{t}wposv").min().alias(f"{t}wmin")]
        if factors is not None:
            aggs += [nw.col(f"{t}f{i}").max().alias(f"{t}f{i}") for i in (1, 2)]
        aggs += [nw.col(f"{t}tv{j}").min().alias(f"{t}tlo{j}") for j in range(k)]
        aggs += [nw.col(f"{t}tv{j}").max().alias(f"{t}thi{j}") for j in range(k)]
        # The smallest weight, size, welfare and lines, for error messages.
        lowest = [f"{t}rw", f"{t}rs", f"{t}ry", *(f"{t}z{i}" for i in range(len(zzs)))]
        aggs += [nw.col(c).min().alias(f"{c}min") for c in lowest]
        # The range of 64-bit integer value columns: 2**53 or more is refused.
        wide = [
            c
            for c in dict.fromkeys(
                n for n in (welfare, weight, size, fpc, *items) if isinstance(n, str)
            )
            if in_schema[c] in _WIDE_INTS
        ]
        aggs += [
            nw.col(c).min().cast(f64).alias(f"{t}lo{i}") for i, c in enumerate(wide)
        ]
        aggs += [
            nw.col(c).max().cast(f64).alias(f"{t}hi{i}") for i, c in enumerate(wide)
        ]
        # The most significant digits of Decimal value columns: over 15, the
        # values float64 may not hold are looked at after the pass.
        decimal_cols = [
            c
            for c in dict.fromkeys(
                n for n in (welfare, weight, size, fpc, *items) if isinstance(n, str)
            )
            if in_schema[c] == nw.Decimal
        ]
        aggs += [
            _plumbing.significant_digits(nw.col(c)).max().cast(f64).alias(f"{t}dig{i}")
            for i, c in enumerate(decimal_cols)
        ]
        # DuckDB text keys: the range of each group's values split into
        # characters, which differs where a collation (COLLATE NOCASE) merged
        # distinct values. The list's elements carry no collation, so they
        # compare by their bytes, for any UTF-8 text (a cast to BLOB refuses
        # non-ASCII characters).
        texts = (
            [c for c in keys if in_schema[c] == nw.String]
            if frame.implementation.is_duckdb()
            else []
        )
        aggs += [
            nw.col(c).str.split("").min().alias(f"{t}blo{i}")
            for i, c in enumerate(texts)
        ]
        aggs += [
            nw.col(c).str.split("").max().alias(f"{t}bhi{i}")
            for i, c in enumerate(texts)
        ]
        # The one pass over the data on the engine.
        reduced = prepared.group_by(keys).agg(*aggs) if keys else prepared.select(*aggs)
        table = reduced.collect() if isinstance(reduced, nw.LazyFrame) else reduced
        if factors is not None:
            break
        top, low = _floats(table, f"{t}wmax"), _floats(table, f"{t}wmin")
        n_all = int(np.nansum(_floats(table, f"{t}n")))
        overall_exp = _rescale_exponent(
            table,
            keys,
            by_cols,
            top,
            low,
            n_all,
            k=k,
            prefix=t,
            strata=strata,
            psu=psu,
            fpc=fpc,
        )
        if not overall_exp:  # no domain needs it
            break
        factors = _domain_factors(pw_given, by_cols, top)

    def col(name: str) -> NDArray[np.float64]:
        return np.asarray(table[name].to_numpy(), dtype=np.float64)

    for i, c in enumerate(texts):  # a loop over the few text key columns
        if table[f"{t}blo{i}"].to_list() != table[f"{t}bhi{i}"].to_list():
            role = roles.get(c, "fpc")
            msg = (
                f"`{role}` column {c!r} groups distinct text values as one "
                'label on DuckDB (a collation such as COLLATE NOCASE: "A" and '
                '"a" as one, where other engines keep two); cast it to a plain '
                "VARCHAR (COLLATE binary) first"
            )
            raise TypeError(msg)
    if len(table) == 0:  # before reading key columns of no rows (an ENUM)
        raise ValueError(_NO_ROWS)
    for c in keys:
        _refuse_fine_times(table[c], c, _role(c, by_cols, strata=strata, psu=psu))
    _refuse_missing_group_keys(
        table, keys, keys, col(f"{t}n"), by=by_cols, strata=strata, psu=psu, fpc=fpc
    )
    n_rows = len(table)
    if n_rows == 0 or not np.nansum(col(f"{t}n")) > 0:
        raise ValueError(_NO_ROWS)
    facts = [factorize(_labels(table[c], c, "by"), "by", column=c) for c in by_cols]
    if by_cols:
        codes = [f[1] for f in facts]
        combo = np.ravel_multi_index(codes, [int(c.max()) + 1 for c in codes])
        _, domain = factorize(combo, "by")
    else:
        domain = np.zeros(n_rows, np.intp)
    n_domains = int(domain.max()) + 1 if n_rows else 0
    first = np.full(n_domains, n_rows, np.intp)
    np.minimum.at(first, domain, np.arange(n_rows))
    # Each domain's label: the same for every row order (factorize's choice).
    by_values = {
        c: _shown(f[0][f[1][first]], table.schema[c])
        for c, f in zip(by_cols, facts, strict=True)
    }
    for i, (entry, value) in enumerate(zip(entries, items, strict=True)):
        if isinstance(value, Mapping) and by_cols:
            with line_entry(entry):
                per_domain = _check_mapping(by_values, value, nan_policy=nan_policy)
                stated = ~np.isnan(np.array(per_domain, np.float64))[domain]
                missing = (col(f"{t}miss{i}") > 0) & stated
                fine = not frame.implementation.is_polars() and any(
                    _nanosecond_column(in_schema[c]) for c in by_cols
                )
                _refuse_unmatched_rows(missing, domain, by_values, fine=fine)
    for i, c in enumerate(wide):  # a loop over the few integer columns
        lo, hi = col(f"{t}lo{i}"), col(f"{t}hi{i}")
        if (~np.isnan(lo)).any():
            _refuse_wide_integers(c, float(np.nanmin(lo)), float(np.nanmax(hi)))
    for i, c in enumerate(decimal_cols):  # a loop over the few Decimal columns
        if np.nan_to_num(col(f"{t}dig{i}")).max(initial=0) > _validate.HELD_DIGITS:
            _refuse_inexact_decimal_column(frame, c)
    per_line = [
        (
            int(col(f"{t}miss{i}").sum()),
            int(col(f"{t}badz{i}").sum()),
            float(np.nanmin(col(f"{t}z{i}min")))
            if (~np.isnan(col(f"{t}z{i}min"))).any()
            else np.nan,
            int(col(f"{t}infz{i}").sum()),
        )
        for i in range(len(zzs))  # a loop over the handful of lines
    ]
    # (welfare <= 0 is a rule of the Watts index alone)
    rules = [f for f in _FLAGS if f not in ("bad", "badz", "" if wat else "nonpos")]
    rules += [f"{r}{i}" for i in range(len(zzs)) for r in ("badz", "infz")]
    places = _group_places(
        table,
        {r: col(f"{t}{r}") for r in rules},
        [c for c in keys if c != fpc],
        roles,
    )
    for i, entry in enumerate(entries):  # a loop over the handful of lines
        if nan_policy == "omit" and per_line[i][0]:
            with line_entry(entry):
                refuse_lines_missing_in_domains(
                    np.bincount(domain, col(f"{t}miss{i}"), minlength=n_domains),
                    np.bincount(domain, col(f"{t}n"), minlength=n_domains),
                    _domain_labels(by_values, n_domains),
                )
    flags = {f: int(col(f"{t}{f}").sum()) for f in _FLAGS if f != "badz"}
    flags["missy"] = int(col(f"{t}missy").sum())
    flags["missw"] = int(col(f"{t}missw").sum()) if weight is not None else 0
    flags["misss"] = int(col(f"{t}misss").sum()) if size is not None else 0
    flags["badz"] = sum(line[1] for line in per_line)

    def least(*names: str) -> float:
        values = np.concatenate([col(f"{n}min") for n in names])
        return float(np.nanmin(values)) if (~np.isnan(values)).any() else np.nan

    smallest = {
        "negw": least(f"{t}rw"),
        "negs": least(f"{t}rs"),
        "badz": least(*(f"{t}z{i}" for i in range(len(zzs)))),
        "nonpos": least(f"{t}ry"),
    }
    # Missing values first, then the lines' and the values' rules, in the
    # order of the eager path. The rows missing a value are named by their
    # first group in label order (from the same reduced table, only when
    # the call fails).
    missing_place = (
        _group_places(
            table, {"bad": col(f"{t}bad")}, [c for c in keys if c != fpc], roles
        ).get("bad")
        if nan_policy == "raise" and flags["bad"]
        else None
    )
    _raise_on_missing(
        flags,
        per_line,
        entries=entries,
        lines=items,
        welfare=welfare,
        weight=weight,
        size=size,
        nan_policy=nan_policy,
        first=missing_place,
    )
    _raise_on_lines(per_line, entries, items, places=places)
    _raise_on_flags(
        flags,
        watts=wat,
        smallest=smallest,
        columns={"welfare": welfare, "weight": weight, "size": size},
        places=places,
    )
    if strata is not None:
        s_labels, s_codes = factorize(
            _labels(table[strata], strata, "strata"), "strata", column=strata
        )
    else:
        s_labels, s_codes = np.array([0]), np.zeros(n_rows, np.intp)
    fpc_h = None
    if fpc is not None:
        values = col(fpc)
        if table.schema[fpc] in _SHORT_FLOATS:  # the figure each prints as
            short = np.float16 if table.schema[fpc] == nw.Float16 else np.float32
            values = _validate.widen_short_float(
                np.asarray(table[fpc].to_numpy(), short)
            )
        _refuse_bad_fpc(values, col(f"{t}n"))
        lo = np.full(s_labels.shape[0], np.inf)
        hi = np.full(s_labels.shape[0], -np.inf)
        np.minimum.at(lo, s_codes, values)
        np.maximum.at(hi, s_codes, values)
        fpc_h = fpc_by_stratum(lo, hi, s_labels, stratified=strata is not None)
    st = np.stack([col(f"{t}wt{j}") for j in range(k)], axis=1)
    stt = np.stack([col(f"{t}wtt{j}") for j in range(k)], axis=1)
    extra: dict[str, Any] = {}
    if units_as_psu:
        pairs = np.zeros((n_rows, k, k))
        for i in range(k):  # loop over measure pairs, not rows or groups
            for j in range(i, k):
                pairs[:, i, j] = pairs[:, j, i] = col(f"{t}wwtt{i}_{j}")
        extra = {
            "sww": col(f"{t}ww"),
            "swwt": np.stack([col(f"{t}wwt{j}") for j in range(k)], axis=1),
            "swwtt": pairs,
        }
        psu_codes = None
    else:
        assert psu is not None
        _, p_codes = factorize(_labels(table[psu], psu, "psu"), "psu", column=psu)
        _, psu_codes = factorize(
            s_codes.astype(np.int64) * (int(p_codes.max()) + 1) + p_codes, psu
        )
    if factors is not None:
        warn_rescaled_to_zero_domains(
            np.asarray(
                np.bincount(domain, col(f"{t}drop"), minlength=n_domains), float
            ),
            _domain_labels(by_values, n_domains),
        )
    weight_exp = (
        None
        if factors is None
        else _applied_exponents(
            col(f"{t}f1"), col(f"{t}f2"), domain, n_domains, by_values
        )
    )
    red = Reduced(
        domain=domain,
        stratum=s_codes,
        psu=psu_codes,
        sw=col(f"{t}w"),
        st=st,
        stt=stt,
        n=col(f"{t}n"),
        npos=col(f"{t}pos"),
        n_domains=n_domains,
        n_strata=s_labels.shape[0],
        stratum_labels=s_labels,
        fpc=fpc_h,
        weight_exp=weight_exp,
        overall_exp=overall_exp,
        lo=np.stack([col(f"{t}tlo{j}") for j in range(k)], axis=1),
        hi=np.stack([col(f"{t}thi{j}") for j in range(k)], axis=1),
        # Each PSU's largest and smallest positive weight: whether the
        # engine's sum of its weights can round its small units away.
        w_max=None if units_as_psu else col(f"{t}wmax"),
        w_min=None if units_as_psu else col(f"{t}wmin"),
        # Rows not missing by cell: under "omit" a stratum whose rows are
        # all missing is not one of the domain's (lonely_psu="average").
        kept=col(f"{t}n") - col(f"{t}bad"),
        **extra,
    )
    est = linearised(
        red,
        measures=measure_names(alphas, watts=wat) * len(items),
        labels=_domain_labels(by_values, n_domains),
        lonely_psu=lonely_psu,
        level=lev,
        unit=unit,
        overall=ovr and bool(by_cols),
        weighted=weight is not None,
        weight_arg="weight",
        lines=line_names,
    )
    return _output(frame, df, by_values, table.schema, est, k, line_names)


def _native_dtype(frame: _Frame, name: str) -> str | None:
    """The engine's own name of a column's dtype that narwhals does not know.

    A pandas ``longdouble`` (float128) column is ``Unknown`` to narwhals:
    the message names the dtype itself. None where there is no such name.
    """
    native = frame.to_native()
    dtype = getattr(getattr(native, "dtypes", {}), "get", lambda _: None)(name)
    return (
        None if dtype is None else f"{dtype} ({type(native).__module__.split('.')[0]})"
    )


def _check_entry(
    frame: _Frame,
    columns: Mapping[str, str | None],
    by: list[str],
    line: str | float | Mapping[Any, Any],
) -> None:
    """Check dtypes and names from the schema alone, before any data is read.

    Welfare, line, weight, size and fpc columns must have a real numeric
    dtype (integer, float or decimal; bool, text, dates, durations refused);
    a `by` column must not be named like an output column.
    """
    schema = _plumbing.schema(frame)
    for arg in ("welfare", "line", "weight", "size", "fpc"):
        name = columns.get(arg)
        if name is None:
            continue
        dtype = schema[name]
        if not dtype.is_numeric() and not _object_numbers(frame, name):
            _refuse_null_column(frame, name, arg, dtype)
            shown = _native_dtype(frame, name) if dtype == nw.Unknown else None
            got = f"got {dtype}" if shown is None else f"got {shown}"
            wide = " (to float64)" if shown is not None and "float" in shown else ""
            if dtype == nw.String or (shown is not None and "str" in shown.lower()):
                wide += f"; {_validate.TEXT_NUMBERS_HINT}"
            msg = (
                f"column {name!r} (argument `{arg}`) must have a numeric dtype "
                f"(integer, float or decimal), {got}; convert it first{wide}"
            )
            raise TypeError(msg)
    # pandas and polars tell "Estimate" from "estimate"; DuckDB and Spark
    # do not, so there a name clashes whatever its case.
    fold, case_note = _case_rule(frame.implementation)
    outputs = {fold(o) for o in OUTPUT_COLUMNS}
    clash = [c for c in by if fold(c) in outputs]
    if clash:
        msg = (
            f"`by` column(s) {clash} have the name of an output column "
            f"({', '.join(OUTPUT_COLUMNS)}){case_note}; povstat never "
            "overwrites a column: rename them first"
        )
        raise ValueError(msg)
    if isinstance(line, Mapping):
        wrong = [
            (key, value) for key, value in line.items() if not is_line_number(value)
        ]
        if wrong:
            msg = (
                "`line` mapping values must be numbers (int, float or Decimal), "
                f"got {wrong[:5]}"
            )
            raise TypeError(msg)


def _dense_columns(df: Any, names: Sequence[str]) -> Any:
    """A pandas frame with its sparse columns among `names` densified (a copy).

    A ``SparseArray`` column holds the same values as its dense form (the
    fill value where nothing is stored); narwhals gives it no dtype. The
    caller's frame is left as it is.
    """
    if not nw.dependencies.is_pandas_dataframe(df):
        return df
    cols = [c for c in dict.fromkeys(names) if c in df.columns]
    sparse = [c for c in cols if str(df[c].dtype).startswith("Sparse[")]
    if not sparse:
        return df
    frame: Any = df
    return frame.assign(**{c: frame[c].sparse.to_dense() for c in sparse})


def _refuse_null_column(frame: _Frame, name: str, arg: str, dtype: Any) -> None:
    """Refuse a value column of no dtype that is null on every row.

    An all-null column (polars ``Null``, DuckDB ``NULL``) has no numeric
    dtype, but the cause is that every value is missing: said so. Under
    either nan_policy no row would keep a value ("omit" would leave every
    row without weight). Only read when the dtype is unknown.
    """
    if dtype != nw.Unknown:
        return
    nulls = frame.select(nw.col(name).is_null().all().alias("all_null"))
    table = nulls.collect() if isinstance(nulls, nw.LazyFrame) else nulls
    if not bool(table["all_null"][0]):
        return
    msg = (
        f"column {name!r} (argument `{arg}`) is missing (null) on every row, "
        "so it has no dtype: under nan_policy='raise' every row is missing "
        "it, and under 'omit' every row would get zero weight, leaving "
        "nothing to estimate; give it values"
    )
    raise ValueError(msg)


def _object_numbers(frame: _Frame, name: str) -> bool:
    """Whether an eager pandas frame's object column holds numbers only.

    As ``pandas.read_sql`` returns a NUMERIC column (Decimals, possibly with
    ints, floats and missing values): read as the array functions read it
    (:func:`povstat._validate.numeric`, which refuses a Decimal float64
    cannot hold), by the rule of the other adapters
    (:func:`povstat.frames._plumbing.object_numbers`).
    """
    if not (isinstance(frame, nw.DataFrame) and frame.implementation.is_pandas()):
        return False
    return _plumbing.object_numbers(frame[name].to_native())


def _case_rule(impl: Any) -> tuple[Callable[[str], str], str]:
    """How the engine compares column names, and a note for messages.

    pandas, polars and pyarrow tell "Line" from "line"; DuckDB (ASCII
    letters only) and Spark do not, so there a `by` column clashes with an
    output column whatever its case, and the message says why.
    """
    if impl.is_pandas() or impl.is_polars() or impl.is_pyarrow():
        return (lambda name: name), ""
    engine = (
        "DuckDB" if impl.is_duckdb() else "Spark" if impl.is_spark_like() else str(impl)
    )
    note = f" ({engine} matches column names whatever their case)"
    return (lambda name: _plumbing.fold_case(name, engine)), note


_FLAGS = (
    "bad",
    "negw",
    "negs",
    "badz",
    "nonpos",
    "infy",
    "infw",
    "infs",
    "under",
    "over",
)


def _role(c: str, by: Sequence[str], *, strata: str | None, psu: str | None) -> str:
    """The argument a key column was given as (`by`, `strata`, `psu`, `fpc`)."""
    if c in by:
        return "by"
    return "strata" if c == strata else "psu" if c == psu else "fpc"


def _labels(values: nw.Series[Any], column: str, role: str) -> NDArray[Any]:
    """A key column's values as a numpy array, or TypeError naming it.

    pyarrow cannot turn some types into numpy (a DuckDB UNION, say): such a
    column is refused by argument, name and type, not with pyarrow's error.
    """
    try:
        return values.to_numpy()
    except Exception as exc:
        if not type(exc).__module__.startswith("pyarrow"):
            raise
        native = values.to_native()
        kind = getattr(native, "type", getattr(native, "dtype", values.dtype))
        msg = (
            f"`{role}` column {column!r} of type {kind} cannot be read as "
            f"labels ({exc}); convert it first (to text, say)"
        )
        raise TypeError(msg) from None


def _refuse_fine_times(values: nw.Series[Any], column: str, role: str) -> None:
    """Refuse times of day finer than a microsecond as labels, by name.

    A label is a Python value, and ``datetime.time`` holds microseconds:
    08:00:00.0000001 and 08:00:00.0000002 (polars Time, pyarrow
    ``time64[ns]``) would be one label, two domains or PSUs merged. The
    smallest such time is named.
    """
    if values.dtype != nw.Time:
        return
    native = values.to_native()
    arrow = getattr(getattr(native, "dtype", None), "pyarrow_dtype", None)
    unit = getattr(
        arrow if arrow is not None else getattr(native, "type", None), "unit", None
    )
    if not (values.implementation.is_polars() or unit == "ns"):
        return
    ns = np.asarray(values.drop_nulls().cast(nw.Int64()).to_numpy(), np.int64)
    fine = ns[ns % 1000 != 0]
    if fine.size:
        low = int(fine.min())
        seconds, part = divmod(low, 10**9)
        shown = (
            f"{seconds // 3600:02}:{seconds // 60 % 60:02}:{seconds % 60:02}.{part:09}"
        )
        msg = (
            f"`{role}` column {column!r} holds times of day finer than a "
            f"microsecond (such as {shown}), which Python's datetime.time "
            "cannot hold: distinct labels would be merged; convert the column "
            "first (to text, or to a duration since midnight)"
        )
        raise ValueError(msg)


def _in_memory(frame: nw.DataFrame[Any]) -> bool:
    """Whether the frame's columns can be taken as numpy arrays cheaply."""
    impl = frame.implementation
    return bool(impl.is_pandas() or impl.is_polars() or impl.is_pyarrow())


_WIDE = 2**53  # integers beyond this are not all exact in float64
# Integer dtypes that can hold values beyond 2**53.
_WIDE_INTS = (nw.Int64, nw.UInt64, nw.Int128, nw.UInt128)
# Float dtypes whose values stand for their shortest decimals.
_SHORT_FLOATS = (nw.Float32, nw.Float16)


def _refuse_wide_integers(column: str, lo: float, hi: float) -> None:
    """Refuse a 64-bit integer column holding values of 2**53 or more.

    2**53 or more, not "beyond": a lazy engine's minimum and maximum reach
    povstat as floats, in which 2**53 + 1 is 2**53, and a value is at least
    2**53 exactly when its float is, so every engine draws the line alike.

    The whole column is refused, judged from its range alone: unlike the
    array functions, which read such an integer when it is a short decimal
    (at most 15 significant digits, as 10**18 is), the frame never looks at
    the values one by one. A column cast to a float (DOUBLE) is read as its
    floats, as the array functions read them.
    """
    if max(hi, -lo) >= _WIDE:
        msg = (
            f"column {column!r} holds integers of 2**53 or more in magnitude (up to "
            f"{max(hi, -lo):.3g}), which float64, povstat's arithmetic, cannot "
            "all hold exactly; an integer column is refused whole once its "
            "range reaches 2**53, even where its values are short decimals "
            "(10**18): rescale them (e.g. to thousands), or cast the column "
            "to a float (DOUBLE, Float64) to have each value read as its "
            "nearest float64"
        )
        raise ValueError(msg)


def _domain_labels(by_values: Mapping[str, list[Any]], n: int) -> NDArray[Any]:
    """Each domain's label for messages: a value, or a tuple of values."""
    out = np.empty(n, dtype=object)
    if not by_values:
        out[:] = None
    elif len(by_values) == 1:
        out[:] = next(iter(by_values.values()))
    else:
        out[:] = list(zip(*by_values.values(), strict=True))
    return out


def _shown(labels: NDArray[Any], dtype: Any) -> list[Any]:
    """Domain labels as listed, Python values of the column's kind.

    -0.0 and 0.0 are one domain, shown as 0.0; datetimes stay datetimes
    whatever their unit (nanoseconds included), and a column with a time
    zone gives labels in that zone (the engines hand them over as UTC).
    """
    if isinstance(dtype, nw.Datetime) and dtype.time_zone and labels.dtype.kind == "M":
        import pandas as pd

        stamps = pd.DatetimeIndex(labels).tz_localize("UTC").tz_convert(dtype.time_zone)
        return list(stamps)
    return label_list(labels + 0.0 if labels.dtype.kind == "f" else labels)


def _infinite(e: nw.Expr) -> nw.Expr:
    """1.0 where a value is +-inf, else 0.0 (null and NaN count as 0)."""
    return (e.abs() == float("inf")).fill_null(value=False).cast(nw.Float64())


def _refuse_missing_keys(
    counts: Mapping[str, int],
    by: Sequence[str],
    *,
    strata: str | None,
    psu: str | None,
    fpc: str | None,
    first: Mapping[str, str] | None = None,
) -> None:
    """Refuse missing values in a design or domain column, by argument.

    `first` names, for each column, its first row missing a label (an eager
    frame's row, as :func:`povstat.frames._plumbing.row_place` names it, as
    missing welfare is named) or, on a lazy engine, the first group in label
    order holding such rows (:func:`_refuse_missing_group_keys`).
    """
    roles = {c: "by" for c in by}
    roles |= {c: a for a, c in (("strata", strata), ("psu", psu), ("fpc", fpc)) if c}
    for c, n_null in counts.items():
        if n_null:
            at = "" if first is None else _first_at(first.get(c))
            msg = (
                f"`{roles[c]}` column {c!r} must not hold missing values: "
                f"{n_null:,} row{'s' if n_null != 1 else ''} missing{at}"
            )
            raise ValueError(msg)


def _refuse_missing_group_keys(
    table: nw.DataFrame[Any],
    check: Sequence[str],
    keys: Sequence[str],
    rows: NDArray[np.float64],
    *,
    by: Sequence[str],
    strata: str | None,
    psu: str | None,
    fpc: str | None,
) -> None:
    """Refuse missing labels of a lazy engine's key columns, by argument.

    From the reduced `table` (one row per group of `keys`, with `rows`
    rows each): the first of the `check` columns holding missing values is
    refused with its count of rows and, as the rules on values name their
    rows on a lazy engine, the first group in label order holding such
    rows, named by its labels of the other `by`, `strata` and `psu`
    columns (a missing one as ``(missing)``); nothing is named where no
    other key column is given.
    """
    nulls = {c: _plumbing.null_or_nan(table[c]) for c in check}
    counts = {
        c: int(rows[null].sum()) if null.any() else 0 for c, null in nulls.items()
    }
    first = next((c for c in check if counts[c]), None)
    if first is None:
        return
    named = [c for c in keys if c not in (first, fpc)]
    roles = {c: _role(c, by, strata=strata, psu=psu) for c in named}
    held = {"missing": np.where(nulls[first], rows, 0.0)}
    place = _group_places(table, held, named, roles).get("missing")
    at = None if place is None else {first: place}
    _refuse_missing_keys(counts, by, strata=strata, psu=psu, fpc=fpc, first=at)


_NO_ROWS = (
    "`df` has no rows: an estimate of an empty sample is refused, "
    "never reported as NaN or as an empty table"
)


def _reduce_eager(
    frame: nw.DataFrame[Any],
    *,
    welfare: str,
    entries: Sequence[str | None],
    lines: list[Any],
    weight: str | None,
    size: str | None,
    by: list[str],
    strata: str | None,
    psu: str | None,
    fpc: str | None,
    alphas: Sequence[float],
    watts: bool,
    comparison: Comparison,
    nan_policy: str,
) -> tuple[
    Reduced,
    dict[str, list[Any]],
    dict[str, int],
    dict[str, float],
    list[tuple[int, int, float, int]],
    dict[str, str],
]:
    """The reduced table of an eager frame, from its columns as numpy arrays.

    The same rules as the engine path: missing welfare, line, weight or size
    give the row zero weight and harmless values, and are counted in the
    flags (which the caller turns into errors). The last item names, for
    each rule some row breaks (a flag, or ``badz<i>`` and ``infz<i>`` for
    line `i`), its first such row (:func:`povstat.frames._plumbing.row_place`).
    """
    n = len(frame)

    def floats(name: str) -> NDArray[np.float64]:
        values = frame[name]
        if values.dtype in _SHORT_FLOATS:  # the figure each prints as
            # numpy float32 / float16 (null as NaN), read as the array
            # functions read them: each value's shortest decimal.
            return _validate.numeric(values.to_numpy(), name)
        if values.dtype == nw.Object:  # numbers as Python objects (Decimals)
            return _validate.numeric(
                values.to_numpy(),
                name,
                place=lambda i: _plumbing.row_place(frame, i),
            )
        if _plumbing.is_decimal(values):  # correctly rounded, through the text
            _plumbing.refuse_inexact_decimals(values, name)
            values = values.cast(nw.String())
        if values.dtype in _WIDE_INTS and values.count():
            _refuse_wide_integers(name, float(values.min()), float(values.max()))
        return np.asarray(values.cast(nw.Float64()).to_numpy(), np.float64)

    key_cols = [*by, *(c for c in (strata, psu, fpc) if c is not None)]
    for kc in key_cols:  # a loop over the handful of key columns
        _refuse_fine_times(frame[kc], kc, _role(kc, by, strata=strata, psu=psu))
    nulls = {c: _plumbing.null_or_nan(frame[c]) for c in key_cols}
    counts = {c: int(null.sum()) for c, null in nulls.items()}
    first_rows = {
        c: _plumbing.row_place(frame, int(np.argmax(null)))
        for c, null in nulls.items()
        if counts[c]
    }
    _refuse_missing_keys(counts, by, strata=strata, psu=psu, fpc=fpc, first=first_rows)
    by_arrays = [_labels(frame[c], c, "by") for c in by]
    for c in (strata, psu):  # container labels, before numpy compares them
        if c is not None and frame[c].dtype == nw.Object:
            factorize(frame[c].to_numpy(), "strata" if c == strata else "psu", column=c)
    facts = [factorize(a, "by", column=c) for a, c in zip(by_arrays, by, strict=True)]
    if by:
        codes = [f[1] for f in facts]
        if len(codes) == 1:
            domain = codes[0]
        else:
            combo = np.ravel_multi_index(codes, [int(c.max()) + 1 for c in codes])
            _, domain = factorize(combo, "by")
    else:
        domain = np.zeros(n, np.intp)
    n_domains = int(domain.max()) + 1
    first = np.full(n_domains, n, np.intp)
    np.minimum.at(first, domain, np.arange(n))
    # Each domain's label: the same for every row order (factorize's choice).
    by_values = {
        c: _shown(f[0][f[1][first]], frame.schema[c])
        for c, f in zip(by, facts, strict=True)
    }
    y = floats(welfare)
    zs = []
    for entry, line in zip(entries, lines, strict=True):  # the handful of lines
        if isinstance(line, str):
            z = floats(line)
        elif isinstance(line, Mapping):
            cols = list(by_values.values())
            keys = cols[0] if len(by) == 1 else list(zip(*cols, strict=True))
            with line_entry(entry):
                per_domain = _refuse_absent_domains(keys, line, nan_policy=nan_policy)
            z = np.array(per_domain, np.float64)[domain]
        else:
            z = np.full(n, line_number(line))
        zs.append(z)
    w = floats(weight) if weight is not None else np.ones(n)
    s = floats(size) if size is not None else np.ones(n)
    given = [y, *zs, *(a for a, c in ((w, weight), (s, size)) if c)]
    # A NaN-free sum proves an array NaN-free in one pass without a mask.
    missing_lines = [0] * len(zs)
    missing = {"missy": 0, "missw": 0, "misss": 0}
    if any(_maybe_nan(a) for a in given):
        nan_y, nan_w, nan_s = np.isnan(y), np.isnan(w), np.isnan(s)
        missing = {
            "missy": int(nan_y.sum()),
            "missw": int(nan_w.sum()),
            "misss": int(nan_s.sum()),
        }
        bad = nan_y | nan_w | nan_s
        for i, z in enumerate(zs):  # a loop over the handful of lines
            nan_z = np.isnan(z)
            missing_lines[i] = int(nan_z.sum())
            bad |= nan_z
            if nan_policy == "omit" and missing_lines[i]:
                with line_entry(entries[i]):
                    refuse_lines_missing_in_domains(
                        np.bincount(domain, weights=nan_z, minlength=n_domains),
                        np.bincount(domain, minlength=n_domains),
                        _domain_labels(by_values, n_domains),
                    )
        zzs = [np.where(np.isnan(z), 1.0, z) for z in zs]
        yy = np.where(bad, zzs[0], y)
        with np.errstate(over="ignore"):  # refused by name (flag "over")
            pw = np.where(bad, 0.0, w * s if size is not None else w)
        n_bad = int(bad.sum())
    else:
        with np.errstate(over="ignore"):
            zzs, yy, pw, n_bad = zs, y, (w * s if size is not None else w), 0

    def below(a: NDArray[np.float64], bound: float, *, equal: bool) -> int:
        # Entries < bound (<= if `equal`; NaN never counts); a mask only if any.
        low = float(np.fmin.reduce(a, axis=None)) if a.size else np.nan
        if not (low <= bound if equal else low < bound):
            return 0
        return int(np.count_nonzero(a <= bound if equal else a < bound))

    def least(*arrays: NDArray[np.float64]) -> float:
        values = np.concatenate([np.ravel(a) for a in arrays])
        return float(np.nanmin(values)) if (~np.isnan(values)).any() else np.nan

    with np.errstate(invalid="ignore"):
        per_line = [
            (missing, below(zz, 0.0, equal=True), least(zz), int(np.isinf(z).sum()))
            for missing, zz, z in zip(missing_lines, zzs, zs, strict=True)
        ]
        flags = {
            "bad": n_bad,
            # the first row missing a value, as the array functions name it
            "firstbad": int(np.argmax(bad)) if n_bad else -1,
            **missing,
            "negw": below(w, 0.0, equal=False) if weight is not None else 0,
            "negs": below(s, 0.0, equal=False) if size is not None else 0,
            "badz": sum(line[1] for line in per_line),
            # every row that states a welfare, as the array functions check
            "nonpos": below(y, 0.0, equal=True) if watts else 0,
            "infy": int(np.isinf(y).sum()),
            "infw": int(np.isinf(w).sum()) if weight is not None else 0,
            "infs": int(np.isinf(s).sum()) if size is not None else 0,
            "under": (
                _count_product_underflow(w, s)
                if size is not None and weight is not None
                else 0
            ),
            "over": (
                _count_product_overflow(w, s)
                if size is not None and weight is not None
                else 0
            ),
        }

    smallest = {
        "negw": least(w),
        "negs": least(s),
        "badz": least(*zzs),
        "nonpos": least(y),
    }
    # The first row breaking each rule, named as a missing value's row is
    # (computed only for a rule some row breaks: the error path).
    rules: dict[str, Callable[[], NDArray[np.bool_]]] = {
        "negw": lambda: w < 0,
        "negs": lambda: s < 0,
        "nonpos": lambda: y <= 0,
        "infy": lambda: np.isinf(y),
        "infw": lambda: np.isinf(w),
        "infs": lambda: np.isinf(s),
        "under": lambda: (w > 0) & (s > 0) & (w * s == 0),
        "over": lambda: np.isfinite(w) & np.isfinite(s) & np.isinf(w * s),
    }
    places = {}
    with np.errstate(invalid="ignore", over="ignore"):
        for flag, rule in rules.items():  # a loop over the handful of rules
            if flags[flag]:
                places[flag] = _plumbing.row_place(frame, int(np.argmax(rule())))
        for i, (zz, z) in enumerate(zip(zzs, zs, strict=True)):  # the lines
            if per_line[i][1]:
                places[f"badz{i}"] = _plumbing.row_place(frame, int(np.argmax(zz <= 0)))
            if per_line[i][3]:
                places[f"infz{i}"] = _plumbing.row_place(
                    frame, int(np.argmax(np.isinf(z)))
                )
    top = zzs[0] if len(zzs) == 1 else np.max(np.stack(zzs), axis=0)
    # Units poor under some line; every term is 0 for the others.
    rows = poor_rows(yy, top, comparison=comparison)
    terms = []
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        for zz in zzs:  # one set of term columns per line
            terms += unit_terms(
                yy[rows],
                zz[rows],
                alphas=alphas,
                watts=watts,
                comparison=comparison,
                ops=NUMPY_OPS,
            )
    fpc_values = None
    if fpc is not None:
        fpc_values = floats(fpc)
        _refuse_bad_fpc(fpc_values, np.ones(n))
    red = reduce_units(
        terms,
        pw,
        domain=domain,
        n_domains=n_domains,
        strata=None if strata is None else _labels(frame[strata], strata, "strata"),
        psu=None if psu is None else _labels(frame[psu], psu, "psu"),
        fpc=fpc_values,
        rows=rows,
        missing=bad if n_bad else None,
    )
    return red, by_values, flags, smallest, per_line, places


def _raise_on_missing(
    flags: Mapping[str, int],
    per_line: Sequence[tuple[int, int, float, int]],
    *,
    entries: Sequence[str | None],
    lines: Sequence[Any],
    welfare: str,
    weight: str | None,
    size: str | None,
    nan_policy: str,
    first: str | None = None,
) -> None:
    """Refuse missing values under "raise", naming each input that has some.

    The counts come from the one reduction (a flag per input); `per_line`
    holds, first for each line, its rows where it is missing; `first` names
    the first row missing a value (eager frames) or, on a lazy engine, the
    first group in label order holding such rows (:func:`_group_places`).
    """
    if nan_policy != "raise" or not flags["bad"]:
        return
    held = [(f"`welfare` column {welfare!r}", flags["missy"])]
    for (missing, *_), entry, value in zip(per_line, entries, lines, strict=True):
        arg = "`line`" if entry is None else f"`lines` entry {entry!r}"
        column = f" column {value!r}" if isinstance(value, str) else ""
        held.append((arg + column, missing))
    if weight is not None:
        held.append((f"`weight` column {weight!r}", flags["missw"]))
    if size is not None:
        held.append((f"`size` column {size!r}", flags["misss"]))
    group = first is not None and first.startswith(_FIRST_GROUP)
    raise ValueError(
        missing_message(
            held,
            flags["bad"],
            first=None if group else first,
            group=first if group else None,
        )
    )


def _raise_on_lines(
    per_line: Sequence[tuple[int, int, float, int]],
    entries: Sequence[str | None],
    lines: Sequence[Any],
    *,
    places: Mapping[str, str],
) -> None:
    """Refuse an infinite or non-positive line, naming its entry of `lines`.

    `per_line` holds, for each line, the rows where it is missing, the rows
    where it is <= 0, its smallest value and the rows where it is infinite.
    A line read from a column is named with its column; `places` names the
    first row breaking each rule (``badz<i>``, ``infz<i>`` for line `i`), as
    :func:`_raise_on_flags` takes it.
    """
    for i, ((_, nonpos, low, infinite), entry, value) in enumerate(
        zip(per_line, entries, lines, strict=True)
    ):  # a loop over the handful of lines
        arg = f"`line` column {value!r}" if isinstance(value, str) else "`line`"
        with line_entry(entry):
            if infinite:
                at = _first_at(places.get(f"infz{i}"))
                msg = f"{arg} must be finite: {infinite} row(s) are infinite{at}"
                raise ValueError(msg)
            if nonpos:
                msg = (
                    f"{arg} must be > 0: {nonpos} row(s) break this rule, the "
                    f"smallest {low!r}{_first_at(places.get(f'badz{i}'))}"
                )
                raise ValueError(msg)


def _group_places(
    table: nw.DataFrame[Any],
    counts: Mapping[str, NDArray[np.float64]],
    keys: Sequence[str],
    roles: Mapping[str, str],
) -> dict[str, str]:
    """A lazy engine's rows breaking each rule, named by their group.

    A lazy frame has no row order, so no first row: the rule's rows are
    named by the labels of their `keys` (`by`, `strata`, `psu` columns) in
    the reduced `table`, where `counts` holds, by rule, each group's rows
    breaking it: ``the first group (in label order) holding such rows: g
    'x', psu 3``. Of several such groups, the one whose labels sort first
    (each key's labels sorted, in the order of `keys`), so that the message
    is the same for every row order and partitioning. Without keys (one
    group) nothing is named.
    """
    if not keys or not any(np.nansum(c) for c in counts.values()):
        return {}
    codes, shown = [], []
    for c in keys:  # a loop over the handful of key columns
        role = roles.get(c, "by")
        # A missing label (a key column refused for missing values names
        # its groups by the others, which may miss theirs too) sorts last.
        null = _plumbing.null_or_nan(table[c])
        present = table[c]
        if null.any():
            # Dropped before numpy reads them: an integer column with a null
            # would come back as floats, its label 2 shown as 2.0.
            keep = nw.new_series(c, ~null, nw.Boolean(), backend=table.implementation)
            present = present.filter(keep)
        labels, some = factorize(_labels(present, c, role), role, column=c)
        code = np.full(null.shape[0], labels.shape[0], np.intp)
        code[~null] = some
        codes.append(code)
        shown.append(_shown(labels, table.schema[c]))
    order = np.lexsort(codes[::-1])  # the first key sorts first
    places = {}
    for rule, count in counts.items():  # a loop over the handful of rules
        hit = order[count[order] > 0]
        if hit.size:
            g = int(hit[0])
            parts = [
                f"{c} (missing)"
                if code[g] == len(labels)
                else f"{c} {_validate.plain(labels[code[g]])!r}"
                for c, labels, code in zip(keys, shown, codes, strict=True)
            ]
            places[rule] = f"{_FIRST_GROUP}{', '.join(parts)}"
    return places


def _refuse_absent_columns(
    df: Any,
    frame: Any,
    names: list[str],
    first: list[tuple[str, str | None]],
    line_columns: list[tuple[str | None, str]],
    rest: list[tuple[str, str | None]],
) -> None:
    """Refuse every column named but absent, in one message.

    In the order of the signature (`welfare`, the line columns, then
    `weight`, `size`, `by`, `strata`, `psu`, `fpc`); one absent column
    keeps its own message (with the advice for a number written as text).
    A name written as an R formula (``"~kab+urban"``) whose terms are
    columns gets the advice of :func:`_formula_advice`, with the code for
    the caller's engine (that of `frame`, which names the lazy engines'
    renames: :func:`_lazy_rename_note`).
    """
    absent: list[tuple[str, str, str]] = []  # (argument, column, advice)
    impl = frame.implementation
    strata = dict([*first, *rest]).get("strata")
    for arg, name in first:
        if name is not None and name not in names:
            advice = _formula_advice(arg, name, impl, names, strata)
            absent.append((f"`{arg}`", name, advice))
    for entry, value in line_columns:
        if value not in names:
            arg = "`line`" if entry is None else f"`lines` entry {entry!r}"
            absent.append((arg, value, _number_text_hint(value, entry)))
    for arg, name in rest:
        if name is not None and name not in names:
            advice = _formula_advice(arg, name, impl, names, strata)
            absent.append((f"`{arg}`", name, advice))
    if not absent:
        return
    notes = "".join(_plumbing.index_level_note(df, c) for _, c, _ in absent)
    given = [c for _, c in [*first, *rest]] + [c for _, c in line_columns]
    if len(absent) == 1:
        arg, name, advice = absent[0]
        msg = f"{arg} column {name!r} not found; columns: {names}"
        told = msg + notes + advice
        raise ValueError(told + _lazy_rename_note(frame, names, advice, given))
    shown = ", ".join(f"{arg} column {name!r}" for arg, name, _ in absent)
    advice = "".join(a for _, _, a in absent)
    msg = f"{len(absent)} columns not found: {shown}; columns: {names}"
    note = _lazy_rename_note(frame, names, advice, given)
    raise ValueError(msg + notes + advice + note)


def _number_text_hint(text: str, entry: str | None = None) -> str:
    """Advice for a `line` that is a number written as text (``"550000"``).

    A str is read as a column name; one that is a number written as text
    (:func:`povstat._validate.looks_like_column_name`) gets the advice to
    pass the number: the number itself where the text is plain digits
    with at most a decimal point (``line=550000.0``, or for `entry` of
    `lines`, ``'a': 550000.0``), else none (``"550.000"``
    is 550 thousand in Indonesian writing, 550.0 to Python), with
    :func:`povstat.parse_numbers` for such text.
    """
    if _validate.looks_like_column_name(text):
        return ""
    t = text.strip()
    plain = _PLAIN_NUMBER.fullmatch(t) and not _THOUSANDS.fullmatch(t)
    example = ""
    if plain:
        number = float(t)
        example = (
            f" (line={number!r})" if entry is None else f" ({entry!r}: {number!r})"
        )
    return (
        f"; a str is read as a column name, and {text!r} is a number written "
        f"as text: pass the line as a number{example}, reading text with "
        "povstat.parse_numbers (e.g. locale='id' for '550.000')"
    )


#: Plain digits, with a decimal point and exponent (``"550000"``,
#: ``"5.5e5"``), but not where the point may separate thousands (below).
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
#: ``"550.000"``: 550 thousand in Indonesian writing, 550.0 to Python.
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")


def _first_at(place: str | None) -> str:
    """``", first at <place>"``; nothing when there is no row to name.

    `place` is an eager frame's row (``index label 1``, ``row position
    3``) or, on a lazy engine, the labels of the first group holding such
    rows (``; the first group (in label order) holding such rows: g 'x'``), as
    :func:`_group_places` names it: not necessarily the group of the
    smallest value the message quotes.
    """
    if place is None:
        return ""
    return f"; {place}" if place.startswith(_FIRST_GROUP) else f", first at {place}"


#: How a lazy engine's rows breaking a rule are named (:func:`_group_places`):
#: not the group of the value a message quotes (the smallest), which may lie
#: in another group, but the first group in label order holding such rows.
_FIRST_GROUP = "the first group (in label order) holding such rows: "


def _raise_on_flags(
    flags: dict[str, int],
    *,
    watts: bool,
    smallest: Mapping[str, float],
    columns: Mapping[str, str | None],
    places: Mapping[str, str],
) -> None:
    """Refuse bad values from their counts (flags of the one reduction).

    `columns` names the `welfare`, `weight` and `size` columns (None when
    not given), for the messages; `places` the first row breaking each rule
    (by its flag; see :func:`_first_at`).
    """

    def named(arg: str) -> str:
        return f"`{arg}` column {columns[arg]!r}"

    finite = "must be finite (NaN marks a missing value)"
    checks = [
        ("infw", f"{named('weight')} {finite}" if columns["weight"] else ""),
        ("infs", f"{named('size')} {finite}" if columns["size"] else ""),
        ("negw", f"{named('weight')} must be >= 0" if columns["weight"] else ""),
        ("negs", f"{named('size')} must be >= 0" if columns["size"] else ""),
        (
            "nonpos",
            f"{named('welfare')} must be > 0 for the Watts index (ln of welfare)"
            if watts
            else "",
        ),
        ("infy", f"{named('welfare')} {finite}"),
        (
            "under",
            f"{named('weight')} times {named('size')} must not underflow "
            "float64 to 0 (the row would get zero weight; rescale the "
            "weights, e.g. to a mean of 1)"
            if columns["weight"] and columns["size"]
            else "",
        ),
        (
            "over",
            f"{named('weight')} times {named('size')} must not overflow "
            "float64 (rescale the weights, e.g. to a mean of 1: the "
            "estimates and standard errors depend only on their ratios)"
            if columns["weight"] and columns["size"]
            else "",
        ),
    ]
    for flag, text in checks:
        count = flags[flag] if text else 0
        if count:
            low = smallest.get(flag)
            found = "" if low is None else f", the smallest {low!r}"
            rule = "are infinite" if flag.startswith("inf") else "break this rule"
            at = _first_at(places.get(flag))
            msg = f"{text}: {count} row(s) {rule}{found}{at}"
            raise ValueError(msg)


def _check_mapping(
    by_values: Mapping[str, list[Any]],
    line: Mapping[Any, float],
    *,
    nan_policy: str,
) -> list[float]:
    cols = list(by_values.values())
    return _refuse_absent_domains(
        cols[0] if len(cols) == 1 else list(zip(*cols, strict=True)),
        line,
        nan_policy=nan_policy,
    )


def _refuse_absent_domains(
    domains: Sequence[Any], line: Mapping[Any, float], *, nan_policy: str
) -> list[float]:
    """Each domain's line, matched as the array functions match keys.

    A domain without a line is refused (with the keys of another kind than
    the labels, if any), and under policy "omit" one whose line is NaN.
    """
    per_domain = lines_by_domain(line, domains)
    nan = np.flatnonzero(np.isnan(np.array(per_domain, np.float64)))
    refuse_missing_domain_lines([domains[i] for i in nan.tolist()])
    return per_domain


def _refuse_unmatched_rows(
    missing: NDArray[np.bool_],
    domain: NDArray[np.intp],
    by_values: Mapping[str, list[Any]],
    *,
    fine: bool = False,
) -> None:
    """Refuse rows the engine gave no line although their domain has a key.

    `fine`: a `by` column holds nanosecond datetimes on an engine (DuckDB)
    that compares datetime keys to the microsecond.

    The keys of a `line` mapping are matched once more on the reduced table
    by value and kind; rows whose key the engine could not compare with the
    column (a key type it does not convert) would otherwise be left out.
    """
    if missing.any():
        labels = _domain_labels(by_values, int(domain.max()) + 1)
        where = np.unique(domain[missing])
        msg = (
            f"`line` keys for domain(s) {labels[where][:5].tolist()} could not be "
            "compared with the `by` column's values on this engine: give keys "
            "of the column's own type"
            + (
                "; this engine compares datetime keys to the microsecond, so "
                "keys of a nanosecond column that differ below a microsecond "
                "cannot be told apart on it: collect the frame (to pandas or "
                "polars), or key the domains by a coarser column"
                if fine
                else ""
            )
        )
        raise ValueError(msg)


def _refuse_bad_fpc(values: NDArray[np.float64], rows: NDArray[np.float64]) -> None:
    """Refuse an `fpc` <= 0 or infinite, counting rows (no positions).

    `values` are per row (eager frames) or per group of the reduced table,
    with `rows` rows each; a lazy engine has no row positions, so every
    message of :func:`poverty_table` counts rows and gives a value instead.
    """
    infinite = np.isinf(values)
    if infinite.any():
        count = int(rows[infinite].sum())
        msg = f"`fpc` must be finite: {count} row(s) are infinite"
        raise ValueError(msg)
    bad = values <= 0  # NaN (refused before) compares False
    if bad.any():
        count = int(rows[bad].sum())
        low = float(np.min(values[bad]))
        msg = f"`fpc` must be > 0: {count} row(s) break this rule, the smallest {low!r}"
        raise ValueError(msg)


def _refuse_shared_design_columns(
    by: Sequence[str], *, strata: str | None, psu: str | None, fpc: str | None
) -> None:
    """Refuse a column given twice where the roles conflict.

    A `by` column may also be `strata` or `psu` (domains that are strata or
    PSUs, as with arrays), but `by` names distinct columns, `strata` and
    `psu` must differ (PSUs are nested in strata), and `fpc` holds numbers,
    not labels: it must differ from every other.
    """
    design = [c for c in (strata, psu) if c is not None]
    if len(set(by)) != len(by) or len(set(design)) != len(design):
        msg = (
            f"`by` columns, and `strata` and `psu`, must be different columns: "
            f"by={list(by)}, strata={strata!r}, psu={psu!r}"
        )
        raise ValueError(msg)
    if fpc is not None and fpc in [*by, *design]:
        msg = (
            f"`fpc` column {fpc!r} must differ from the `by`, `strata` and `psu` "
            "columns (it holds population sizes, not labels)"
        )
        raise ValueError(msg)


def _refuse_nested_keys(roles: Mapping[str, str], schema: Mapping[str, Any]) -> None:
    """Refuse list, array or struct key columns, from the schema alone.

    A domain, stratum or PSU label is one value; the engines would group on
    whole lists, and numpy cannot sort them.
    """
    for c, role in roles.items():  # a loop over the handful of key columns
        dtype = schema[c]
        if dtype.is_nested():
            msg = (
                f"`{role}` column {c!r} holds {dtype} values; labels must be "
                "scalars (numbers, strings, dates, ...): use one column per "
                "element, or join the elements into one label first"
            )
            raise TypeError(msg)


#: DuckDB key types whose labels would not come back as they are: their
#: values reach Python as bytes (BIGNUM, the former VARINT, and BIT), without
#: their offset (TIME WITH TIME ZONE), or as a duration that equates a month
#: with 30 days (INTERVAL, which DuckDB itself groups so), with the advice.
_UNFAITHFUL_DUCKDB = {
    "BIGNUM": ("its values reach Python as bytes", "BIGINT (or VARCHAR)"),
    "VARINT": ("its values reach Python as bytes", "BIGINT (or VARCHAR)"),
    "BIT": ("its values reach Python as bytes", "VARCHAR (its bit string)"),
    "TIME WITH TIME ZONE": (
        "its values reach Python without their offset (10:00+07 and 10:00+00 "
        "would be one label)",
        "VARCHAR, or TIME in one zone",
    ),
    "INTERVAL": (
        "DuckDB groups an interval of 1 month with one of 30 days, and a "
        "month has no fixed length",
        "VARCHAR, or a number of days",
    ),
}


def _refuse_unfaithful_duckdb_keys(frame: _Frame, roles: Mapping[str, str]) -> None:
    """Refuse DuckDB key columns whose labels would not be read faithfully.

    From the relation's types alone (:data:`_UNFAITHFUL_DUCKDB`), naming
    the argument, the column and its DuckDB type. UUID (as its text), ENUM
    (as its text), BLOB (bytes) and the integer and time types are read as
    they are; HUGEINT and UHUGEINT, STRUCT, LIST, ARRAY, MAP and UNION are
    refused by the general checks.
    """
    if not frame.implementation.is_duckdb():
        return
    native = frame.to_native()
    types = dict(
        zip(native.columns, (str(t).upper() for t in native.types), strict=True)
    )
    for c, role in roles.items():  # a loop over the handful of key columns
        kind = types.get(c, "")
        if kind in _UNFAITHFUL_DUCKDB:
            why, cast = _UNFAITHFUL_DUCKDB[kind]
            msg = (
                f"`{role}` column {c!r} is of DuckDB type {kind}, which povstat "
                f"cannot read as labels as they are: {why}; cast it to {cast} "
                "first"
            )
            raise TypeError(msg)


@np.errstate(over="ignore")
def _count_product_underflow(w: NDArray[np.float64], s: NDArray[np.float64]) -> int:
    """Rows whose positive weight times positive size underflows to 0."""
    return int(np.count_nonzero((w > 0) & (s > 0) & (w * s == 0)))


@np.errstate(over="ignore")
def _count_product_overflow(w: NDArray[np.float64], s: NDArray[np.float64]) -> int:
    """Rows whose finite weight times finite size overflows float64."""
    return int(np.count_nonzero(np.isfinite(w) & np.isfinite(s) & np.isinf(w * s)))


def _refuse_spark_keys(frame: _Frame, roles: Mapping[str, str]) -> None:
    """Refuse Spark key columns the engine groups or hands over unfaithfully.

    From the schema alone, naming the argument, the column and its type: a
    string with a collation other than ``UTF8_BINARY`` (``UTF8_LCASE``,
    ``UNICODE_CI``: Spark would group "A" with "a", where pandas and polars
    keep two labels), a year-month or calendar interval (not handed over
    to Python) and a VARIANT (not orderable, so not groupable).
    """
    impl = frame.implementation
    if not (impl.is_pyspark() or impl.is_pyspark_connect()):
        return
    fields: dict[str, Any] = {
        f.name: f.dataType for f in frame.to_native().schema.fields
    }
    for c, role in roles.items():  # a loop over the handful of key columns
        dtype: Any = fields.get(c)
        name = type(dtype).__name__
        collation = getattr(dtype, "collation", "UTF8_BINARY")
        if name == "StringType" and collation != "UTF8_BINARY":
            msg = (
                f"`{role}` column {c!r} is of Spark type "
                f"{dtype.simpleString()}: Spark would group or compare its "
                f'values under collation {collation} ("A" and "a" as one '
                "label, where other engines keep two); cast it to a plain "
                "STRING (STRING COLLATE UTF8_BINARY) first"
            )
            raise TypeError(msg)
        if name in ("YearMonthIntervalType", "CalendarIntervalType", "VariantType"):
            why = (
                "Spark cannot order it, so cannot group by it"
                if name == "VariantType"
                else "Spark cannot hand its values to Python as labels"
            )
            msg = (
                f"`{role}` column {c!r} is of Spark type {dtype.simpleString()}: "
                f"{why}; cast it to a STRING (or a number) first"
            )
            raise TypeError(msg)


def _refuse_128_bit_keys(roles: Mapping[str, str], schema: Mapping[str, Any]) -> None:
    """Refuse 128-bit integer key columns, from the schema alone.

    Their values are taken as numpy arrays (the labels, the strata's fpc),
    and numpy has no 128-bit integers.
    """
    for c, role in roles.items():  # a loop over the handful of key columns
        dtype = schema[c]
        if str(dtype) in ("Int128", "UInt128"):
            msg = (
                f"`{role}` column {c!r} holds {dtype} values, which numpy (the "
                "arithmetic after the reduction) cannot hold; cast it to Int64 "
                "(or to text) first"
            )
            raise TypeError(msg)


def _key_schema(
    frame: _Frame, by: Sequence[str], schema: Mapping[str, Any]
) -> dict[str, Any]:
    """The schema with each categorical `by` column read as its categories.

    A pandas categorical (or pyarrow dictionary) can hold numbers,
    intervals or dates as categories: the keys of a line mapping are
    matched against the categories' values and kind, as for a column of
    those values. Lazy engines hold categories as text.
    """
    out = dict(schema)
    if not isinstance(frame, nw.DataFrame):
        return out
    for c in by:  # a loop over the handful of `by` columns
        dtype = schema[c]
        if dtype == nw.Categorical or isinstance(dtype, nw.Enum):
            out[c] = _plumbing.categories_dtype(frame[c])
    return out


def _widened_float_dtype(dtype: Any) -> Any:
    """A pandas dtype with float32/float16 values widened to float64.

    A float32 label is its shortest decimal (0.1), held as float64, in
    every container: numpy float32 and float16, pandas Float32, pyarrow
    ``float``/``halffloat`` and a Categorical of such categories (its
    categories read by the same rule, order kept).
    """
    import pandas as pd

    if isinstance(dtype, pd.CategoricalDtype):
        cats = dtype.categories
        if _widened_float_dtype(cats.dtype) is cats.dtype:
            return dtype
        short = np.asarray(cats.to_numpy())
        if short.dtype not in (np.float32, np.float16):  # pandas or pyarrow float32
            short = np.asarray(cats.to_numpy(dtype=np.float32, na_value=np.nan))
        values = _validate.widen_short_float(short)
        return pd.CategoricalDtype(pd.Index(values), ordered=dtype.ordered)
    if isinstance(dtype, pd.ArrowDtype):
        arrow = _widened_arrow_type(dtype.pyarrow_dtype)
        return dtype if arrow is dtype.pyarrow_dtype else pd.ArrowDtype(arrow)
    if isinstance(dtype, np.dtype) and dtype.kind == "f" and dtype.itemsize < 8:
        return np.dtype(np.float64)
    if str(dtype) in ("Float32", "Float16"):
        return pd.Float64Dtype()
    return dtype


def _widened_arrow_type(arrow: Any) -> Any:
    """A pyarrow type with float32/float16 values (a dictionary's too) as float64."""
    import pyarrow as pa  # type: ignore[import-untyped]

    if pa.types.is_dictionary(arrow):
        value = _widened_arrow_type(arrow.value_type)
        if value is arrow.value_type:
            return arrow
        return pa.dictionary(arrow.index_type, value, ordered=arrow.ordered)
    if pa.types.is_floating(arrow) and arrow.bit_width < 64:
        return pa.float64()
    return arrow


def _pandas_output(
    data: dict[str, Any], schema: dict[str, Any], by: list[str], native: Any
) -> Any:
    """The result as pandas, with the overall rows' missing labels.

    numpy bool and int columns cannot hold a missing label (pandas would read
    None as False, or fail): those `by` columns become their nullable pandas
    kinds (boolean, Int64, ...); the others keep the input's dtype.
    """
    import pandas as pd
    import pyarrow as pa

    out = nw.from_dict(
        {c: v for c, v in data.items() if c not in by},
        schema={c: v for c, v in schema.items() if c not in by},
        backend="pandas",
    ).to_native()
    for i, c in enumerate(by):
        dtype = _widened_float_dtype(native[c].dtype)
        kind = getattr(dtype, "kind", "")
        column: Any
        if isinstance(dtype, np.dtype) and kind in "biu":
            nullable = "boolean" if kind == "b" else str(dtype).capitalize()
            column = pd.array(data[c], dtype=nullable.replace("Uint", "UInt"))
        elif getattr(dtype, "tz", None) is not None:
            # The labels are instants (None for the overall row): the column's zone.
            stamps = pd.DatetimeIndex(pd.to_datetime(data[c], utc=True))
            column = stamps.tz_convert(dtype.tz).array
        elif isinstance(dtype, pd.ArrowDtype) and pa.types.is_dictionary(
            dtype.pyarrow_dtype
        ):
            column = pd.array(
                _arrow_dictionary(data[c], dtype.pyarrow_dtype), dtype=dtype
            )
        else:
            try:
                column = pd.Series(data[c], dtype=dtype).array
            except (TypeError, ValueError):  # no missing value in this dtype
                column = pd.array(data[c], dtype=object)
        out.insert(i, c, column)
    return out


def _arrow_dictionary(labels: Sequence[Any], arrow: Any) -> Any:
    """Labels (None for the overall row) as a pyarrow dictionary array.

    pyarrow builds a dictionary from Python values for a few value types
    only (not ``halffloat``, dates, timestamps or decimals): the values are
    built as their value type, then encoded with the column's index type.
    """
    import pyarrow as pa

    values = pa.array(labels, type=arrow.value_type)
    return values.dictionary_encode().cast(arrow)


def _arrow_dictionaries(
    out: nw.DataFrame[Any], native: Any, data: Mapping[str, Any], by: Sequence[str]
) -> nw.DataFrame[Any]:
    """A pyarrow result with each dictionary `by` column of the input's type.

    Labels of a dictionary column keep its index and value types (floats
    widened to float64, time zone kept), as on pandas.
    """
    import pyarrow as pa

    table = out.to_native()
    for c in by:  # a loop over the handful of `by` columns
        arrow = native.schema.field(c).type
        if pa.types.is_dictionary(arrow):
            column = _arrow_dictionary(data[c], _widened_arrow_type(arrow))
            table = table.set_column(table.schema.get_field_index(c), c, column)
    return nw.from_native(table, eager_only=True)


def _nanosecond_column(dtype: Any) -> bool:
    """Whether `dtype` is a Datetime or Duration in nanoseconds."""
    return isinstance(dtype, nw.Datetime | nw.Duration) and dtype.time_unit == "ns"


def _nanoseconds(values: Sequence[Any]) -> list[int | None]:
    """Datetime or duration labels as integer nanoseconds (None kept).

    Labels of a nanosecond column with a part finer than a microsecond are
    numpy scalars (``datetime`` holds microseconds only), which polars and
    pyarrow would read as microseconds: handed over as integers, cast back
    to the column's dtype, every nanosecond is kept. A zoned label counts
    from the epoch in UTC, as the engines store it.
    """
    # match_key: attoseconds from the epoch (in UTC for a zoned label).
    return [None if v is None else match_key(v)[1] // 10**9 for v in values]


def _output(
    frame: _Frame,
    native: Any,
    by_values: dict[str, list[Any]],
    in_schema: Mapping[str, Any],
    est: Any,
    k: int,
    line_names: list[str] | None = None,
) -> Any:
    """The tidy result as a frame of the caller's backend."""
    n_rows = est.estimate.shape[0]
    data: dict[str, Any] = {}
    schema: dict[str, Any] = {}
    by = list(by_values)
    for c, values in by_values.items():
        if n_rows > len(values) * k:  # the overall rows
            values = [*values, None]
        data[c] = [v for v in values for _ in range(k)]
        # A float32 (float16) label is its shortest decimal (0.1), held as float64.
        short = in_schema[c] in (nw.Float32, nw.Float16)
        schema[c] = nw.Float64() if short else in_schema[c]
    if line_names is not None:
        per = np.repeat(np.asarray(line_names, dtype=object), k // len(line_names))
        data["line"] = np.tile(per, n_rows // k).tolist()
        schema["line"] = nw.String()
    data["measure"] = est.measure.tolist()
    schema["measure"] = nw.String()
    for c in OUTPUT_COLUMNS[1:]:
        data[c] = getattr(est, c)
        schema[c] = nw.Float64()
    impl = frame.implementation
    backend: Literal["pandas", "polars", "pyarrow"] = "pyarrow"
    if impl.is_pandas():
        backend = "pandas"
        # pandas keeps each `by` column's own dtype (Period, Interval,
        # datetimes with a time zone, nullable kinds for the overall row).
        return _pandas_output(data, schema, by, native)
    elif impl.is_polars():
        backend = "polars"
    exact = [c for c in by if _nanosecond_column(schema[c])]
    for c in exact:  # a loop over the handful of `by` columns
        data[c] = _nanoseconds(data[c])
        schema[c] = nw.Int64()
    try:
        out = nw.from_dict(data, schema=schema, backend=backend)
    except Exception:
        # A `by` dtype the backend cannot build from Python values (a
        # pyarrow dictionary of integers): those columns' kinds inferred.
        labels = nw.from_dict({c: data[c] for c in by}, backend=backend)
        rest = nw.from_dict(
            {c: v for c, v in data.items() if c not in by},
            schema={c: v for c, v in schema.items() if c not in by},
            backend=backend,
        )
        out = nw.concat([labels, rest], how="horizontal")
    if exact:
        out = out.with_columns(nw.col(c).cast(in_schema[c]) for c in exact)
    if backend == "pyarrow" and isinstance(frame, nw.DataFrame):
        out = _arrow_dictionaries(out, native, data, by)
    if isinstance(frame, nw.LazyFrame):
        if impl.is_polars():
            return out.lazy().to_native()
        session = getattr(native, "sparkSession", None)
        if impl.is_pyspark() or impl.is_pyspark_connect():
            return out.lazy(backend=impl, session=session).to_native()
        return out.lazy(backend=impl).to_native()
    return out.to_native()
