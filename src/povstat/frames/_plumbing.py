"""Private plumbing of the dataframe adapters: frames in, numpy, frames out.

Published tables are small (regions x periods), so every adapter works the
same way::

    df ──collect()──> Table ──column()/keys()/periods()──> numpy arrays
                                                               │
                                            array function (the maths)
                                                               │
    same kind as df <──────────────attach()────────────────────┘

* :func:`collect` wraps what the caller passed, refuses what is not a frame,
  and collects lazy inputs (polars ``LazyFrame``, DuckDB relations, PySpark
  DataFrames) into memory. On pandas the native frame is used directly: no
  dataframe expression runs, so a small table costs little.
* :func:`column` takes a numeric column as a float64 numpy array, missing
  values (null, ``<NA>``, NaN) as NaN.
* :func:`keys` takes key columns as one integer code per row, in the sorted
  order of the labels; :func:`periods` takes a period column as a time.
* :func:`attach` adds numpy arrays as new columns and returns the same kind
  of object the caller passed: a pandas frame keeps its index, row order and
  dtype backing (numpy, nullable or pyarrow, that of the columns read); a
  polars ``LazyFrame`` gives a ``LazyFrame``, a DuckDB relation a relation,
  a PySpark DataFrame a PySpark DataFrame (over the collected rows).

Nothing here computes a statistic: formulas live in the array modules.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import numbers
import operator
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, cast

import narwhals.stable.v2 as nw
import numpy as np
from narwhals.stable.v2.typing import IntoFrame, IntoFrameT
from numpy.typing import NDArray

from povstat import _grouping, _validate

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Gather",
    "Periods",
    "Table",
    "attach",
    "cells",
    "collect",
    "column",
    "keys",
    "labels",
    "periods",
    "show",
    "to_pandas",
]

Backing: TypeAlias = Literal["numpy", "nullable", "pyarrow"]

# Lazy engines whose result can be handed back as the same kind of object.
_LAZY_OK = frozenset(
    {
        nw.Implementation.POLARS,
        nw.Implementation.DUCKDB,
        nw.Implementation.PYSPARK,
        nw.Implementation.PYSPARK_CONNECT,
        nw.Implementation.SQLFRAME,
        nw.Implementation.IBIS,
    }
)
_SPARK_LIKE = frozenset(
    {
        nw.Implementation.PYSPARK,
        nw.Implementation.PYSPARK_CONNECT,
        nw.Implementation.SQLFRAME,
    }
)
_RANK: dict[str, int] = {"numpy": 0, "nullable": 1, "pyarrow": 2}
_SHOW_KEYS = 5


class Table:
    """A collected input frame, and how to hand results back.

    Attributes
    ----------
    source : object
        What the caller passed (never modified).
    pandas : pandas.DataFrame or None
        The native pandas frame when `source` is one: pandas frames are read
        directly, without narwhals, so that a small table costs little.
    lazy : bool
        Whether `source` was lazy (collected here; results go back lazy).
    names : list of str
        Column names, in order.
    case_blind : str or None
        The engine, when it matches column names whatever their case
        (DuckDB, Spark without ``spark.sql.caseSensitive``; set by
        :func:`collect`), else None (pandas, polars, pyarrow).
    """

    def __init__(
        self,
        source: Any,
        *,
        frame: nw.DataFrame[Any] | None = None,
        pandas: Any = None,
        lazy: bool = False,
    ) -> None:
        self.source = source
        self.lazy = lazy
        self.pandas: Any = pandas
        self._frame = frame
        if pandas is not None:
            self.names: list[str] = [str(c) for c in pandas.columns]
        else:
            self.names = list(cast("nw.DataFrame[Any]", frame).columns)
        self._schema: Any = None
        self._backing: Backing = "numpy"
        self._series: dict[str, Any] = {}
        #: Spark TIMESTAMP columns as the calendar dates of the session time
        #: zone (computed by Spark before collecting; see `collect`).
        self.session_dates: dict[str, nw.Series[Any]] = {}
        #: DuckDB VARINT (BIGNUM) columns as the text of their integers
        #: (cast by DuckDB in the collecting query; see `collect`).
        self.integer_texts: dict[str, nw.Series[Any]] = {}
        self.case_blind: str | None = None

    def same_name(self, name: str) -> str | None:
        """The frame's column that its engine reads as `name`, None if none.

        `name` itself where it is a column; on an engine that matches names
        whatever their case (:attr:`case_blind`), also a column equal to it
        but for case (:func:`fold_case`), as written in the frame.
        """
        if name in self.names:
            return name
        if self.case_blind is None:
            return None
        key = fold_case(name, self.case_blind)
        for column in self.names:  # a loop over the columns, not the rows
            if fold_case(column, self.case_blind) == key:
                return column
        return None

    def case_note(self) -> str:
        """Why a name clashes whatever its case, for messages ("" if it does not)."""
        if self.case_blind is None:
            return ""
        rule = _CASE_RULE.get(self.case_blind, "their case")
        return f"to {self.case_blind}, which matches column names whatever {rule}"

    def series(self, name: str) -> Any:
        """Column `name` of the native pandas frame (taken once, then reused)."""
        found = self._series.get(name)
        if found is None:
            found = self._series[name] = self.pandas[name]
        return found

    @property
    def frame(self) -> nw.DataFrame[Any]:
        """The rows as an eager narwhals DataFrame."""
        if self._frame is None:
            self._frame = nw.from_native(self.pandas, eager_only=True)
        return self._frame

    def __len__(self) -> int:
        return len(self.pandas) if self.pandas is not None else len(self.frame)

    def dtype(self, name: str) -> Any:
        """The narwhals dtype of column `name` (non-pandas frames)."""
        if self._schema is None:
            self._schema = schema(self.frame)
        return self._schema[name]

    def is_numeric(self, name: str) -> bool:
        """Whether column `name` holds real numbers (not bools, not complex).

        pandas counts complex columns as numeric; reading one would drop
        its imaginary parts (numpy only warns), so it is not numeric here,
        as the array functions refuse complex input.
        """
        if self.pandas is not None:
            from pandas.api.types import (
                is_bool_dtype,
                is_complex_dtype,
                is_numeric_dtype,
            )

            series = self.series(name)
            dtype = series.dtype
            return bool(
                (
                    is_numeric_dtype(dtype)
                    and not is_bool_dtype(dtype)
                    and not is_complex_dtype(dtype)
                )
                or object_numbers(series)
            )
        return (
            name in self.integer_texts
            or bool(self.dtype(name).is_numeric())
            or self.all_null(name)
        )

    def all_null(self, name: str) -> bool:
        """Whether column `name` has no type but null (polars, DuckDB ``NULL``).

        Such a column holds only missing values, read as NaN like the nulls
        of a numeric column (the missing-value policy applies to them).
        """
        if self.pandas is not None or self.dtype(name) != nw.Unknown:
            return False
        col = self.frame.get_column(name)
        try:
            return bool(col.null_count() == len(col))
        except Exception:  # a type the engine cannot count
            return False

    def is_temporal(self, name: str) -> bool:
        """Whether column `name` holds dates or datetimes (or monthly periods).

        A pandas ``period[M]`` column is a calendar month each, which is
        all of a date that povstat reads (:func:`is_temporal`); periods of
        other lengths (quarters, years, weeks) are not dates.
        """
        if self.pandas is not None:
            import pandas as pd

            dtype = self.series(name).dtype
            if isinstance(dtype, pd.ArrowDtype):
                return str(dtype.pyarrow_dtype).startswith(("timestamp", "date"))
            if _monthly_periods(dtype):
                return True
            return bool(pd.api.types.is_datetime64_any_dtype(dtype)) or (
                _object_dates(self.series(name))
            )
        return isinstance(self.dtype(name), nw.Datetime | nw.Date)

    def time_zone(self, name: str) -> str | None:
        """The time zone of a datetime column `name`, None if it has none.

        None for a Spark TIMESTAMP column, read as its session-zone dates.
        """
        if name in self.session_dates:
            return None
        if self.pandas is not None:
            import pandas as pd

            dtype = self.series(name).dtype
            if isinstance(dtype, pd.ArrowDtype):
                tz = getattr(dtype.pyarrow_dtype, "tz", None)
            else:
                tz = getattr(dtype, "tz", None)
            return None if tz is None else str(tz)
        dtype = self.dtype(name)
        tz = dtype.time_zone if isinstance(dtype, nw.Datetime) else None
        return None if tz is None else str(tz)

    def dtype_text(self, name: str) -> str:
        """The dtype of column `name`, for messages.

        A type narwhals does not know (``Unknown``: DuckDB's ``VARINT``,
        ``INTERVAL``) is named as the frame's own library names it
        (``INTERVAL (DuckDB)``).
        """
        if self.pandas is not None:
            return str(self.series(name).dtype)
        dtype = self.dtype(name)
        if dtype == nw.Unknown:
            columns = getattr(self.source, "columns", None)
            types = getattr(self.source, "types", None)
            if isinstance(columns, list) and isinstance(types, list):
                native = dict(zip(map(str, columns), map(str, types), strict=False))
                if name in native:
                    library = type(self.source).__module__.partition(".")[0]
                    return f"{native[name]} ({library})"
        return str(dtype)

    def note_backing(self, name: str) -> None:
        """Record the pandas backing of a column read (pyarrow > nullable > numpy)."""
        if self.pandas is None:
            return
        kind = _pandas_backing(self.series(name).dtype)
        if _RANK[kind] > _RANK[self._backing]:
            self._backing = kind

    @property
    def backing(self) -> Backing:
        """The dtype backing new pandas columns take: that of the columns read."""
        return self._backing


class RepeatedColumnsError(nw.exceptions.DuplicateError):
    """A frame repeats a column name (a ValueError).

    A narwhals ``DuplicateError``, which is what narwhals raises for the
    same frame, so that a caller handling narwhals' refusal (with advice of
    its own) handles this one alike.
    """


def refuse_duplicate_columns(
    df: Any, *, arg: str, used: Mapping[str, str] | None = None
) -> str | None:
    """Refuse a frame whose column names repeat, or clash for its engine.

    Columns are found by name; with a name twice, which one a formula reads
    would be a guess (pandas hands back a frame, not a column; DuckDB and
    Spark read the first, or refuse the name as ambiguous; DuckDB renames
    the second on collecting). DuckDB and Spark (unless
    ``spark.sql.caseSensitive`` is on) also match names whatever their case,
    so ``Y`` and ``y`` are one name there (DuckDB folds ASCII letters only:
    ``Ä`` and ``ä`` are two names there, one in Spark; :func:`fold_case`).
    Every such clash is refused, whether or not the column is used, before
    the engine reads a column.

    Parameters
    ----------
    df : frame
        What the caller passed.
    arg : str
        The argument that passed it, for the message.
    used : mapping of str to str, optional
        Argument name to column name, for the message: the arguments that
        name one of the clashing columns are listed.

    Returns
    -------
    str or None
        The engine when it matches names whatever their case (DuckDB,
        Spark), else None.

    Raises
    ------
    RepeatedColumnsError
        A ValueError: if a name repeats (or, on DuckDB and Spark, repeats
        but for case).
    """
    found = _column_names(df, arg=arg)
    if found is None:
        return None
    names, blind, engine = found
    keys = [fold_case(str(n), engine) if blind else n for n in names]
    seen: dict[Any, list[int]] = {}
    for i, key in enumerate(keys):  # a loop over the columns, not the rows
        seen.setdefault(key, []).append(i)
    clashes = [pos for pos in seen.values() if len(pos) > 1]
    if not clashes:
        return engine if blind else None
    where = sorted(i for pos in clashes for i in pos)
    shown = [names[i] for i in where]
    exact = all(len({names[i] for i in pos}) == 1 for pos in clashes)
    clashing = {keys[i] for i in where}
    args = [
        f"`{a}` ({c!r})"
        for a, c in (used or {}).items()
        if (fold_case(str(c), engine) if blind else c) in clashing
    ]
    who = f"; {', '.join(args)} would read one of them" if args else ""
    if exact:
        names_shown = list(dict.fromkeys(shown))
        msg = (
            f"`{arg}` has repeated column names {names_shown} (at positions "
            f"{where}){who}; povstat finds columns by name, so which to read "
            "would be a guess: rename them first"
        )
    else:
        msg = (
            f"`{arg}` has column names that {engine} reads as one name (it "
            f"matches names whatever {_CASE_RULE.get(engine, 'their case')}): "
            f"{shown} (at positions "
            f"{where}){who}; which column it reads would be a guess: rename "
            "them first (or select only the columns needed)"
        )
    raise RepeatedColumnsError(msg)


#: How an engine that ignores case matches names, for messages.
_CASE_RULE = {"DuckDB": "the case of their ASCII letters"}
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def index_level_note(df: Any, name: object) -> str:
    """What a "column not in the frame" message adds when `name` is in the index.

    A pandas frame indexed by its keys (``df.set_index(["region_code",
    "period"])``) holds them as index levels, which the adapters do not
    read: the note says so and how to make them columns again. Empty for
    any other frame or name.
    """
    if not type(df).__module__.startswith("pandas"):
        return ""
    levels = list(getattr(getattr(df, "index", None), "names", None) or [])
    if name is None or name not in levels:
        return ""
    what = "the index" if len(levels) == 1 else "an index level"
    return (
        f"; {name!r} is {what} of the pandas frame, not a column: call "
        ".reset_index() first to make it a column"
    )


def fold_case(name: str, engine: str) -> str:
    """`name` as an engine that ignores case compares it.

    DuckDB folds ASCII letters only ("Y" is "y", but "Ä" and "ä", Greek
    capitals and small letters, "ß" and "ẞ" are distinct names there, as a
    query shows); Spark
    (without ``spark.sql.caseSensitive``) and other SQL engines compare
    whatever the case, as :meth:`str.lower` folds it.
    """
    if engine == "DuckDB":
        return name.translate(_ASCII_LOWER)
    return name.lower()


def _column_names(df: Any, *, arg: str) -> tuple[list[Any], bool, str] | None:
    """The native column names, whether the engine ignores case, its name.

    None for what is no frame (refused later by the caller) and for polars
    (which refuses repeated names itself). The names are read from the
    native object: narwhals refuses a pyarrow table with a repeated name
    with an error that names no argument.
    """
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(df, pandas.DataFrame):
        return list(df.columns), False, "pandas"
    arrow = sys.modules.get("pyarrow")
    if arrow is not None and isinstance(df, arrow.Table | arrow.RecordBatch):
        return list(df.schema.names), False, "pyarrow"
    try:
        wrapped = nw.from_native(df)
    except TypeError:
        return None
    except nw.exceptions.DuplicateError as exc:
        msg = f"`{arg}` has repeated column names: {exc}; rename them first"
        raise RepeatedColumnsError(msg) from None
    impl = wrapped.implementation
    if impl.is_polars():
        return None
    names = list(wrapped.columns)
    if impl.is_duckdb():
        return names, True, "DuckDB"
    if impl in _SPARK_LIKE:
        return names, not _spark_case_sensitive(df), "Spark"
    if impl.is_pandas_like() or impl.is_pyarrow() or impl.is_dask():
        return names, False, str(impl)
    return names, True, str(impl)  # other SQL engines: assume case is ignored


def _spark_case_sensitive(df: Any) -> bool:
    """Whether the Spark session of `df` tells names apart by case."""
    try:
        value = df.sparkSession.conf.get("spark.sql.caseSensitive", "false")
    except Exception:  # no session configuration to read: Spark's default
        return False
    return str(value).lower() == "true"


def collect(df: IntoFrame, *, arg: str = "df") -> Table:
    """Wrap a native frame and collect it into memory.

    Parameters
    ----------
    df : frame
        Anything narwhals supports: pandas, polars (eager or lazy), pyarrow,
        DuckDB relations, PySpark DataFrames, ...
    arg : str, default "df"
        The argument that passed it, for error messages.

    Returns
    -------
    Table
        The rows in memory, and the caller's object to answer in kind.

    Raises
    ------
    TypeError
        If `df` is not a dataframe, or is a lazy frame that cannot be handed
        back as it came (Dask, or a narwhals lazy view of pandas): collect
        it first.
    ValueError
        If the frame repeats a column name, or (DuckDB, Spark) has two
        names equal but for case (:func:`refuse_duplicate_columns`).
    """
    blind = refuse_duplicate_columns(df, arg=arg)
    table = _collect(df, arg=arg)
    table.case_blind = blind
    return table


def _collect(df: IntoFrame, *, arg: str) -> Table:
    """:func:`collect`, once the column names are known not to clash."""
    pandas = sys.modules.get("pandas")
    if pandas is not None and type(df) is pandas.DataFrame:
        return Table(df, pandas=_unmasked(df))
    try:
        wrapped = nw.from_native(df)
    except TypeError:
        msg = (
            f"`{arg}` must be a dataframe narwhals supports (pandas, polars, "
            f"pyarrow, DuckDB, PySpark, ...), got {type(df).__name__}"
        )
        raise TypeError(msg) from None
    if isinstance(wrapped, nw.LazyFrame):
        impl = wrapped.implementation
        if impl not in _LAZY_OK:
            hint = " (call .compute() for Dask)" if impl.is_dask() else ""
            msg = (
                f"`{arg}` is a lazy {impl} frame; povstat reads a published table "
                f"into memory and cannot hand this kind back, so collect it "
                f"first{hint}"
            )
            raise TypeError(msg)
        if impl in _SPARK_LIKE:
            return _collect_spark(df, wrapped)
        if impl.is_duckdb():
            return _collect_duckdb(df, wrapped)
        return Table(df, frame=wrapped.collect(), lazy=True)
    if wrapped.implementation.is_pandas():
        native = wrapped.to_native()
        plain = _unmasked(native)
        if plain is not native:
            wrapped = nw.from_native(plain, eager_only=True)
        return Table(df, frame=wrapped, pandas=plain)
    return Table(df, frame=wrapped)


def _unmasked(df: Any) -> Any:
    """`df`, or a copy with each ``numpy.ma.masked`` cell of it None.

    ``list(masked_array)`` gives ``numpy.ma.masked`` for a masked entry: a
    missing value, as in the array functions, so that a key column holding
    one is refused as missing (pandas cannot hash it; a cast to str would
    make it a label "--") and a value column reads it as missing. Object
    columns only; the caller's frame is never changed.
    """
    masked_type = type(np.ma.masked)
    found = {}
    for j, dtype in enumerate(df.dtypes):  # the columns, not the rows
        if dtype != np.dtype(object):
            continue
        cells = df.iloc[:, j].to_numpy()
        if masked_type in set(map(type, cells)):  # the types, not a test per row
            hit = map(operator.is_, cells, itertools.repeat(np.ma.masked))
            found[j] = np.fromiter(hit, dtype=bool, count=len(cells))
    if not found:
        return df
    out = df.copy(deep=False)
    for j, where in found.items():
        cells = out.iloc[:, j].to_numpy(copy=True)
        cells[where] = None
        out.isetitem(j, cells)
    return out


#: DuckDB's arbitrary-precision integer (``BIGNUM``, formerly ``VARINT``).
_DUCKDB_BIGNUM = frozenset({"BIGNUM", "VARINT"})


def _collect_duckdb(df: Any, wrapped: nw.LazyFrame[Any]) -> Table:
    """Collect a DuckDB relation, its VARINT columns also as their digits.

    DuckDB's ``VARINT`` (``BIGNUM``) reaches Python as its bytes; its
    integers are cast to text by DuckDB in the same query (so the rows
    align), to be read by :func:`column` as integers are (one float64
    cannot hold refused, naming its row), as
    :func:`povstat.read_bps_table` reads them. The column itself is kept as
    it is, to be handed back unchanged.
    """
    types = dict(zip(map(str, df.columns), map(str, df.types), strict=False))
    wide = [name for name, kind in types.items() if kind in _DUCKDB_BIGNUM]
    if not wide:
        return Table(df, frame=wrapped.collect(), lazy=True)
    table, texts = _collect_beside(
        df, wrapped, {name: nw.col(name).cast(nw.String()) for name in wide}
    )
    table.integer_texts = texts
    return table


def _collect_beside(
    df: Any, wrapped: nw.LazyFrame[Any], extra: dict[str, nw.Expr]
) -> tuple[Table, dict[str, Any]]:
    """Collect `wrapped` with `extra`'s columns computed in the same query.

    Computed in one query so that the rows align; handed back apart, keyed
    by the column each is of, the frame itself without them.
    """
    hidden = {name: f"__povstat_beside_{i}" for i, name in enumerate(extra)}
    collected = wrapped.with_columns(
        *(extra[name].alias(tmp) for name, tmp in hidden.items())
    ).collect()
    table = Table(df, frame=collected.drop(*hidden.values()), lazy=True)
    return table, {name: collected.get_column(tmp) for name, tmp in hidden.items()}


def _collect_spark(df: Any, wrapped: nw.LazyFrame[Any]) -> Table:
    """Collect a Spark frame, its TIMESTAMP columns also as session dates.

    Spark's TIMESTAMP is an instant shown in the session time zone
    (``spark.sql.session.timeZone``); collected, it arrives as UTC, whose
    date may be the day before (00:00 in Asia/Jakarta is 17:00 UTC). Its
    calendar date is therefore cast by Spark, in the session zone, in the
    same query (so the rows align); the column itself is kept as it is, to
    be handed back unchanged.
    """
    schema = wrapped.collect_schema()
    stamps = [
        name
        for name, dtype in schema.items()
        if isinstance(dtype, nw.Datetime) and dtype.time_zone is not None
    ]
    if not stamps:
        return Table(df, frame=wrapped.collect(), lazy=True)
    table, dates = _collect_beside(
        df, wrapped, {name: nw.col(name).dt.date() for name in stamps}
    )
    table.session_dates = dates
    return table


def _arrow_decimal(dtype: Any) -> Any:
    """The Arrow decimal type of a pandas or pyarrow dtype, else None."""
    import pyarrow as pa  # type: ignore[import-untyped]

    arrow = getattr(dtype, "pyarrow_dtype", dtype)
    return (
        arrow if isinstance(arrow, pa.DataType) and pa.types.is_decimal(arrow) else None
    )


def _native_dtype(frame: Any, name: str) -> Any:
    """The native dtype of column `name` of a pandas or pyarrow frame, else None."""
    native = nw.to_native(frame)
    module = type(native).__module__.partition(".")[0]
    if module == "pyarrow":
        return native.schema.field(name).type
    if module == "pandas":
        return native[name].dtype
    return None


def schema(frame: Any) -> dict[str, Any]:
    """The narwhals schema of a frame, Arrow decimal256 columns as Decimal.

    narwhals reads an Arrow ``decimal256`` column (pandas
    ``ArrowDtype(pa.decimal256(40, 2))``, a pyarrow table's) as ``Unknown``;
    it is a Decimal column as a ``decimal128`` one is, read by the same rule
    (through its text, a value float64 cannot hold refused). Its precision
    (up to 76) is beyond narwhals's Decimal: the scale is read by
    :func:`decimal_scales`.
    """
    out = dict(frame.collect_schema().items())
    for name, dtype in out.items():
        if (
            dtype == nw.Unknown
            and _arrow_decimal(_native_dtype(frame, name)) is not None
        ):
            out[name] = nw.Decimal()
    return out


def is_decimal(col: nw.Series[Any]) -> bool:
    """Whether a column is a Decimal column (Arrow ``decimal256`` included)."""
    if col.dtype == nw.Decimal:
        return True
    native = nw.to_native(col)
    return col.dtype == nw.Unknown and (
        _arrow_decimal(getattr(native, "dtype", getattr(native, "type", None)))
        is not None
    )


def significant_digits(expr: nw.Expr) -> nw.Expr:
    """The significant digits of a Decimal column's values, on any engine.

    From the text each engine writes (``"4.2600000000000000000000000"`` has
    3, DuckDB's and Spark's ``"-1.0E-7"`` 1): the digits before any
    exponent, leading and trailing zeros aside. Null stays null.
    """
    return (
        expr.cast(nw.String())
        .str.replace_all(r"[eE].*$", "")
        .str.replace_all(r"[^0-9]", "")
        .str.strip_chars("0")
        .str.len_chars()
    )


def row_place(data: nw.DataFrame[Any] | nw.Series[Any], i: int) -> str:
    """How errors name row `i` (0-based position) of an eager frame or column.

    A pandas row by its index label (``index label 'b'``: pandas users
    select rows by label, and the position is another row there; numpy
    scalars shown as plain values, in each level of a MultiIndex: ``(2,
    'y')``, not ``(np.int64(2), 'y')``); where the index repeats labels
    (``pd.concat`` without ``ignore_index``), ``df.loc[label]`` gives
    several rows, so the position follows: ``index label 1 (row position
    3)``. Any other eager frame by its 0-based position (``row position
    3``). A lazy frame has no row order of its own: :func:`_row_namer`
    names its row by its position among the rows collected.
    """
    if data.implementation.is_pandas_like():
        return pandas_row_place(nw.to_native(data).index, i)
    return f"row position {i}"


def pandas_row_place(index: Any, i: int) -> str:
    """How errors name row `i` (0-based position) of a pandas `index`.

    By its label; by its label and position where the index repeats
    labels (see :func:`row_place`). The one rule for every message that
    names a pandas row.
    """
    label = index[i]
    if isinstance(label, tuple):  # a MultiIndex row: each level plain
        label = tuple(map(_validate.plain, label))
    place = f"index label {_validate.plain(label)!r}"
    return place if index.is_unique else f"{place} (row position {i})"


def refuse_inexact_decimals(
    col: nw.Series[Any], name: str, *, lazy: bool = False
) -> None:
    """Refuse a Decimal column's values that float64 cannot hold.

    As the array functions refuse a ``Decimal`` (see
    :func:`povstat._validate.numeric`): ``DECIMAL(38,25)`` 2.67499999999999999999
    would be read as 2.675, which is another figure at a tie.

    Raises
    ------
    ValueError
        Naming the column, the first such value and its row as an integer
        column's is named (:func:`_row_namer`): by :func:`row_place` for an
        eager frame, by its position among the rows collected for a `lazy`
        one (DuckDB, Spark, a polars LazyFrame), so that a DuckDB
        ``HUGEINT`` or ``DECIMAL(38, 0)`` column, or a Spark
        ``DecimalType``, names its row as a ``BIGINT`` or ``LongType`` does.
    """
    frame = col.to_frame()
    digits = frame.select(significant_digits(nw.col(col.name)))[col.name]
    if not digits.count() or (digits.max() or 0) <= _validate.HELD_DIGITS:
        return
    texts = col.cast(nw.String()).to_numpy()
    numbers = digits.cast(nw.Float64()).to_numpy()
    _validate.refuse_inexact_decimal_texts(
        texts,
        numbers,
        f"column {name!r}",
        where=_row_namer(col, lazy=lazy),
    )


def calendar_frame(table: Table) -> nw.DataFrame[Any]:
    """The collected rows as the pandas entry points read them.

    For readers that take the rows as a pandas copy (statements, traces):
    each Spark TIMESTAMP column becomes a naive datetime at midnight of its
    date in the session time zone, as Spark shows it; each Decimal column
    (DuckDB DECIMAL, polars Decimal, Spark DecimalType) becomes float64,
    correctly rounded through its text (a direct cast is not: 550400.07
    became 550400.0700000001), as :func:`column` reads it.
    """
    frame = table.frame
    decimals = [name for name, dtype in schema(frame).items() if dtype == nw.Decimal]
    for name in decimals:  # a loop over the few Decimal columns
        refuse_inexact_decimals(frame.get_column(name), name, lazy=table.lazy)
    if not table.session_dates and not decimals:
        return frame
    return frame.with_columns(
        *(
            dates.cast(nw.Datetime("us")).alias(name)
            for name, dates in table.session_dates.items()
        ),
        *(nw.col(name).cast(nw.String()).cast(nw.Float64()) for name in decimals),
    )


def decimal_scales(df: IntoFrame) -> dict[str, int]:
    """The scale of each Decimal column of a frame (DECIMAL(7,2): 2).

    A scale above 10 (DECIMAL(38,25), a type for computing, not for
    publishing) says nothing of the figures' decimals and is left out. A
    frame narwhals does not read, or a pandas frame (whose Decimals are
    objects), gives none: the caller refuses or reads it elsewhere.
    """
    try:
        frame = nw.from_native(df)
        dtypes = frame.collect_schema()
    except (TypeError, ValueError):  # not a frame, repeated names: refused later
        return {}
    # An Arrow decimal256 column (narwhals's Unknown): its scale from Arrow.
    arrow = {
        name: _arrow_decimal(_native_dtype(frame, name))
        for name, dtype in dtypes.items()
        if dtype == nw.Unknown
    }
    out = {
        str(name): int(scale)
        for name, dtype in dtypes.items()
        if (dtype == nw.Decimal or arrow.get(name) is not None)
        and (scale := getattr(arrow.get(name) or dtype, "scale", None)) is not None
        and 0 <= int(scale) <= _validate.FIGURE_DECIMALS
    }
    # pandas object columns of Decimals (pandas.read_sql): the most decimals
    # any of them is written with (Decimal("10.6300"): 4).
    native: Any = nw.to_native(frame)
    if type(native).__module__.startswith("pandas"):
        import decimal

        for name in native.columns:
            col = native[name]
            if col.dtype == object and object_numbers(col):
                places = [
                    -int(v.as_tuple().exponent)
                    for v in col.tolist()
                    if isinstance(v, decimal.Decimal) and v.is_finite()
                ]
                if places and 0 <= max(places) <= _validate.FIGURE_DECIMALS:
                    out[str(name)] = max(places)
    return out


def to_pandas(df: IntoFrame, *, arg: str) -> pd.DataFrame:
    """Any frame narwhals supports as a pandas DataFrame (pandas as it is).

    For entry points written on pandas that must accept every frame; a
    pandas frame is returned as it is (not copied: never write into it).

    Raises
    ------
    TypeError
        As :func:`collect`, naming `arg`.
    """
    table = collect(df, arg=arg)
    if table.pandas is not None:
        return cast("pd.DataFrame", table.pandas)
    return _wide_ints_apart(calendar_frame(table), lambda f: f.to_pandas())


def arrow_pandas(df: IntoFrame, *, arg: str) -> pd.DataFrame:
    """A frame as pandas column for column, through Arrow (``pd.ArrowDtype``).

    So that an integer column with a null (an id) is not made float on the
    way; a 128-bit integer column, which Arrow has not, as its Python ints
    (see :func:`_wide_ints_apart`).
    """
    import pandas as pd

    return _wide_ints_apart(
        collect(df, arg=arg).frame,
        lambda f: f.to_arrow().to_pandas(types_mapper=pd.ArrowDtype),
    )


def _wide_ints_apart(
    frame: nw.DataFrame[Any], convert: Callable[[nw.DataFrame[Any]], pd.DataFrame]
) -> pd.DataFrame:
    """`convert` of `frame`, its 128-bit integer columns as Python ints.

    Neither numpy nor pandas (nor Arrow, which polars converts through)
    has 128-bit integers: such a column (polars ``Int128``, ``UInt128``)
    becomes an object column of its values as Python ints (None for a
    null), as the array functions read one (:func:`povstat._validate.numeric`),
    and is then read by the rule for integers float64 must hold, never
    another library's error. The columns keep their order.
    """
    import pandas as pd

    wide = [n for n, d in schema(frame).items() if d in (nw.Int128, nw.UInt128)]
    if not wide:
        return convert(frame)
    rest = [n for n in frame.columns if n not in wide]
    out = (
        convert(frame.select(rest))
        if rest
        else pd.DataFrame(index=pd.RangeIndex(len(frame)))
    )
    for name in wide:  # a loop over the few 128-bit columns
        items = frame.get_column(name).to_list()
        out[name] = np.fromiter(items, dtype=object, count=len(items))
    return out[list(frame.columns)]


def _pandas_backing(dtype: Any) -> Backing:
    import pandas as pd

    if isinstance(dtype, pd.ArrowDtype):
        return "pyarrow"
    if isinstance(dtype, np.dtype):
        return "numpy"
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        return "pyarrow"
    return "nullable"


def column(table: Table, name: str) -> NDArray[np.float64]:
    """A numeric column as a float64 array; null, ``<NA>`` and NaN become NaN.

    The array may share memory with the frame: never write into it.

    Parameters
    ----------
    table : Table
        From :func:`collect`.
    name : str
        Column name (checked by :func:`povstat.frames._checks.require`).

    Returns
    -------
    ndarray of float64, shape (n,)
    """
    if table.pandas is not None:
        table.note_backing(name)
        return pandas_floats(table.series(name))
    texts = table.integer_texts.get(name)
    if texts is not None:  # DuckDB VARINT: its integers, by their digits
        digits = texts.to_list()
        values = np.array([None if v is None else int(v) for v in digits], object)
        return _validate.numeric(values, name, place=_row_namer(texts, lazy=True))
    col = table.frame.get_column(name)
    if table.all_null(name):  # a column of nulls and no other type
        return np.full(len(col), np.nan)
    if col.dtype.is_integer():
        # Read as the array functions read integers: one beyond 2**53 that
        # float64 cannot hold is refused, naming its row (never rounded,
        # never another library's overflow error).
        return _validate.numeric(
            col.to_native(), name, place=_row_namer(col, lazy=table.lazy)
        )
    if is_decimal(col):  # correctly rounded, through the text
        refuse_inexact_decimals(col, name, lazy=table.lazy)
        col = col.cast(nw.String())
    if col.dtype == nw.Float32 or col.dtype == nw.Float16:
        # Widened through the shortest decimal, as the array layer does
        # (float16 100.1 is 100.1, not the 100.125 it holds).
        short = np.float16 if col.dtype == nw.Float16 else np.float32
        values = col.to_numpy()
        if values.dtype == object:  # nulls in a backend without NaN
            values = np.array([np.nan if v is None else v for v in values], short)
        return _validate.widen_short_float(np.asarray(values, short))
    values = col.cast(nw.Float64).to_numpy()
    if values.dtype == object:  # nulls in a backend without NaN
        values = np.array([np.nan if v is None else v for v in values], np.float64)
    return np.asarray(values, dtype=np.float64)


def row_namer(table: Table) -> Callable[[int], str]:
    """How errors name row `i` (0-based position) of a collected table.

    :func:`row_place` of the frame (a pandas index label, else the row
    position); a lazy frame's row by its position among the rows collected.
    """
    if table.lazy:
        return lambda i: f"row position {i} of the collected rows"
    return lambda i: row_place(table.frame, i)


def row_keys(
    table: Table,
    *,
    region: str | None = None,
    period: str | None = None,
    rows: NDArray[np.intp] | None = None,
) -> Callable[[int], str]:
    """How value errors name row `i`: its place, region and period.

    :func:`row_namer`'s place (a pandas index label, else the row
    position), followed by the row's `region` and `period` labels where the
    adapter reads those columns: ``index label 6 (region_code 'A', period
    2023)``. `rows` maps the position `i` of a checked value to its row of
    the table (values taken from some rows, or repeated). The labels are
    read only when an error is raised.
    """
    where = row_namer(table)
    keys = [k for k in (region, period) if k is not None and k in table.names]

    def place(i: int) -> str:
        row = int(rows[i]) if rows is not None else i
        shown = []
        for key in keys:
            value = labels(table, key)[row]
            text = repr(_validate.plain(value)) if key == region else show(value)
            shown.append(f"{key} {text}")
        at = where(row)
        if not shown:
            return at
        if at.endswith(")"):  # index label 1 (row position 3; region_code 'A')
            return f"{at[:-1]}; {', '.join(shown)})"
        return f"{at} ({', '.join(shown)})"

    return place


def _row_namer(col: nw.Series[Any], *, lazy: bool) -> Callable[[int], str]:
    """How a column's errors name its row `i` (:func:`row_place`).

    A lazy frame's rows have no order of their own: its row is named by its
    position among the rows collected.
    """
    if lazy:
        return lambda i: f"row position {i} of the collected rows"
    return lambda i: row_place(col, i)


def pandas_floats(series: Any) -> NDArray[np.float64]:
    """A numeric pandas column as float64; null, ``<NA>`` and NaN become NaN.

    A float32 (or float16) column, numpy, nullable or pyarrow-backed, is
    widened through the shortest decimal of each value, as
    :func:`povstat._validate.numeric` widens a float32 array: 25.1 stored
    as float32 is 25.1, not 25.100000381469727. A longdouble column is
    narrowed as that function narrows it: a value float64 cannot hold is
    refused, naming its row.
    """
    if series.dtype == np.float64:
        return np.asarray(series.to_numpy(), dtype=np.float64)
    if object_numbers(series):  # pandas.read_sql's NUMERIC columns
        col = nw.from_native(series, series_only=True)
        return _validate.numeric(
            series.to_numpy(), str(series.name), place=lambda i: row_place(col, i)
        )
    if _arrow_decimal(series.dtype) is not None:  # decimal128, decimal256
        # Correctly rounded through the text, a value float64 cannot hold
        # refused, as a Decimal column of any other frame.
        col = nw.from_native(series, series_only=True)
        refuse_inexact_decimals(col, str(series.name))
        text = col.cast(nw.String()).cast(nw.Float64()).to_native()
        return np.asarray(text.to_numpy(dtype=np.float64, na_value=np.nan))
    native = getattr(series.dtype, "numpy_dtype", series.dtype)
    if isinstance(native, np.dtype) and native.kind in "iu":
        # numpy, nullable and pyarrow integers: one beyond 2**53 that
        # float64 cannot hold is refused, naming its row, as the array
        # functions refuse it.
        col = nw.from_native(series, series_only=True)
        return _validate.numeric(
            series, str(series.name), place=lambda i: row_place(col, i)
        )
    if isinstance(native, np.dtype) and native.kind == "f" and native.itemsize < 8:
        short = series.to_numpy(dtype=native, na_value=np.nan)
        return _validate.widen_short_float(np.asarray(short))
    if isinstance(native, np.dtype) and native.kind == "f" and native.itemsize > 8:
        # longdouble (float128): narrowed as the array functions narrow it,
        # a value float64 cannot hold refused, naming its row (never rounded
        # into a tie with its neighbour).
        col = nw.from_native(series, series_only=True)
        return _validate.numeric(
            series.to_numpy(dtype=native, na_value=np.nan),
            str(series.name),
            place=lambda i: row_place(col, i),
        )
    if isinstance(native, np.dtype) and native.kind == "c":
        # numpy would drop the imaginary parts with only a ComplexWarning.
        msg = f"column {series.name!r} must be numeric, got {series.dtype}"
        raise TypeError(msg)
    return np.asarray(
        series.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64
    )


def null_or_nan(values: nw.Series[Any]) -> NDArray[np.bool_]:
    """Missing values of a column: null, or NaN in a float column.

    NaN is found by numpy on the values, nulls by the engine: pandas
    compares a pyarrow ``halffloat`` column unequal to itself on every row,
    so the engine's NaN test would call every value missing.
    """
    try:
        null = np.asarray(values.is_null().to_numpy(), dtype=bool)
    except ArithmeticError:  # pandas fails on a Decimal("sNaN"): a missing label
        missing = map(_validate._is_missing_label, values.to_list())
        return np.fromiter(missing, dtype=bool, count=len(values))
    if values.dtype.is_float():
        floats = np.asarray(values.cast(nw.Float64()).to_numpy(), dtype=np.float64)
        null = null | np.isnan(floats)
    elif values.dtype == nw.Categorical and categories_dtype(values).is_float():
        # A pyarrow dictionary of floats may hold NaN as a value.
        null = null | np.isnan(np.asarray(values.to_numpy(), dtype=np.float64))
    return null


def categories_dtype(values: nw.Series[Any]) -> Any:
    """The dtype of a categorical column's categories.

    A pandas column of pyarrow dictionary dtype has no ``.cat`` accessor:
    its categories' dtype is the dictionary's value type.
    """
    value_type = getattr(
        getattr(getattr(values.to_native(), "dtype", None), "pyarrow_dtype", None),
        "value_type",
        None,
    )
    if value_type is None:
        return values.cat.get_categories().dtype
    import pyarrow as pa

    empty = pa.chunked_array([], type=value_type)
    return nw.from_native(empty, series_only=True).dtype


def labels(table: Table, name: str) -> NDArray[Any]:
    """A column's values as a numpy array (any dtype), for keys and messages.

    A float -0.0 is returned as 0.0: the two are one label (one group, as
    in :func:`keys`), so that the label a group is shown with does not
    depend on which of its rows comes first. A missing value of a
    categorical column (a pyarrow dictionary, a DuckDB ``ENUM``) is None,
    as the engine marks it (:func:`null_or_nan`): pyarrow reads a null
    dictionary entry as a category (DuckDB's as the last one).
    """
    if table.pandas is not None:
        return _unsigned_zeros(np.asarray(table.series(name).to_numpy()))
    col = table.frame.get_column(name)
    out = np.asarray(col.to_numpy())
    if col.dtype == nw.Categorical or isinstance(col.dtype, nw.Enum):
        gone = null_or_nan(col)
        if gone.any():
            out = out.astype(object)
            out[gone] = None
    return _unsigned_zeros(out)


def _unsigned_zeros(out: NDArray[Any]) -> NDArray[Any]:
    """`out` with every float -0.0 read as 0.0 (a new array if any is found)."""
    if out.dtype.kind == "f":
        if out.size and bool(np.any((out == 0) & np.signbit(out))):
            return np.asarray(np.add(out, 0.0))  # -0.0 + 0.0 is 0.0; NaN stays
        return out
    if out.dtype.kind == "O" and out.size:
        # Python objects already (labels of mixed kinds are refused later).
        flat = out.ravel()
        zero = [
            i
            for i, x in enumerate(flat.tolist())
            if isinstance(x, float) and x == 0.0 and math.copysign(1.0, x) < 0
        ]
        if zero:
            flat = flat.copy()
            flat[zero] = 0.0
            return flat.reshape(out.shape)
    return out


def keys(table: Table, names: Sequence[str], *, arg: str) -> NDArray[np.int64]:
    """One integer code per row for the key columns `names`, in label order.

    Codes run from 0 and follow the sorted labels, lexicographically over
    several columns (as :func:`povstat.rank` numbers a label array), so that
    they do not depend on row order.

    Parameters
    ----------
    table : Table
        From :func:`collect`.
    names : sequence of str
        Key columns (none: every row has code 0).
    arg : str
        Argument that named them, for error messages.

    Returns
    -------
    ndarray of int64, shape (n,)

    Raises
    ------
    TypeError
        If an object column holds labels of several kinds (str, bytes,
        bool, int, float), naming the column and the kinds, or a date
        column is time-zone-aware.
    ValueError
        If a key is missing (null, NaN, NaT), naming the column.

    Notes
    -----
    A date or datetime column is keyed by calendar month, as periods are.
    """
    import pandas as pd

    n = len(table)
    codes = np.zeros(n, dtype=np.int64)
    for name in names:  # a few key columns, not groups
        source: Any
        if table.is_temporal(name):
            # Dates are periods by calendar month, as every adapter reads
            # them: 2023-03-01 and 2023-03-15 (or 07:00) are one group.
            tz = table.time_zone(name)
            if tz is not None:
                raise TypeError(
                    aware_message(f"key column {name!r} (argument `{arg}`)", tz)
                )
            source = _month_ticks(table, name)
        elif table.pandas is not None:
            refuse_two_kinds_of_dates(
                table, name, f"key column {name!r} (argument `{arg}`)"
            )
            source = table.series(name)
        else:
            source = labels(table, name)
        kind = getattr(source, "dtype", None)
        if isinstance(kind, pd.CategoricalDtype):
            # Missing labels first: integer categories cannot take a NaN.
            _refuse_missing_keys(table, name, arg, np.asarray(pd.isna(source)))
            # By the labels' values, as on every other engine (a polars Enum
            # or DuckDB ENUM sorts by value), not the categories' order.
            source = pd.Series(source).astype(kind.categories.dtype)
        col_codes, uniques = pd.factorize(source, sort=True)
        _refuse_missing_keys(table, name, arg, col_codes < 0)
        values = np.asarray(source)
        if values.dtype == object:
            # Every row: pandas merges 1, 1.0 and True into one unique.
            one_kind(values, name, arg)
        codes = _grouping.combine(codes, np.asarray(col_codes, np.int64), len(uniques))
    return codes


def _refuse_missing_keys(
    table: Table, name: str, arg: str, missing: NDArray[np.bool_]
) -> None:
    """Refuse the rows `missing` of key column `name`, counted, the first named."""
    count = int(np.count_nonzero(missing))
    if count:
        first = row_namer(table)(int(np.flatnonzero(missing)[0]))
        msg = (
            f"key column {name!r} (argument `{arg}`) must not have missing "
            f"values, found {count}, first at {first}"
        )
        raise ValueError(msg)


def one_kind(values: NDArray[np.object_], name: str, arg: str) -> None:
    """Refuse a key column whose labels are of several kinds (3573 and '3573').

    The check of :func:`povstat.rank`'s `by` (``_validate.label_kinds``),
    on the values of an object column: labels that differ only in type
    would otherwise make two keys (a region whose changes are NaN) or one,
    depending on the engine.
    """
    kinds = _validate.label_kinds(values.tolist())
    if len(kinds) > 1:
        first: dict[str, object] = {}
        for v in values.tolist():  # error path only: an example of each kind
            first.setdefault(_validate.label_kinds([v])[0], v)
        shown = ", ".join(f"{k} {_validate.plain(first[k])!r}" for k in kinds)
        msg = (
            f"key column {name!r} (argument `{arg}`) must hold labels of one "
            f"kind (all numbers or all strings; the numbers all int, all "
            f"float or all bool), found {kinds} (e.g. {shown}); labels that "
            "differ only in type, such as 3573 and '3573', would be split "
            "into two keys (or 1 and True merged into one): cast the column "
            "to one type first"
        )
        raise TypeError(msg)


def object_numbers(series: Any) -> bool:
    """Whether a pandas object column holds numbers only (and missing).

    As ``pandas.read_sql`` returns a NUMERIC column (Decimals, possibly
    mixed with ints or floats after ``.fillna(0)``), or as a column of
    floats stays object after text such as "-" was replaced: numbers, read
    through :func:`povstat._validate.numeric`, which refuses a Decimal
    float64 cannot hold, by name, and reads a Decimal NaN (quiet or
    signalling) as a missing value, as a float NaN. Numpy numbers (the
    cells of a column built from numpy scalars: ``np.float64``,
    ``np.int64``, ``np.float32``, read as it prints) are numbers as Python
    ones are; bools (``np.bool_`` too) and complex numbers are not.
    """
    import decimal

    import pandas as pd

    if series.dtype != np.dtype(object):
        return False
    kinds = set(map(type, series.to_numpy()))  # the types, not a test per row
    kinds -= {type(None), type(pd.NA)}
    return bool(kinds) and all(
        k in (decimal.Decimal, int, float) or issubclass(k, np.integer | np.floating)
        for k in kinds  # the few distinct types, not the rows
    )


def _object_dates(series: Any) -> bool:
    """Whether a pandas object column holds ``datetime.date`` values only.

    As ``Series.dt.date`` gives (polars and DuckDB read such dates as a date
    column); missing values aside. Datetimes (possibly time-zone-aware) and
    mixtures are not such a column.
    """
    import pandas as pd

    if series.dtype != object:
        return False
    values = series.to_numpy()
    present = values[~np.asarray(pd.isna(values), dtype=bool)]
    # The types of the values (a set, built in C), not a test per row: a
    # datetime (a subclass of date) or a pandas Timestamp is not a date.
    kinds = set(map(type, present))
    return bool(kinds) and kinds <= {dt.date}


_ISO_DATE = re.compile(r"\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?)?")


def text_date(text: str, what: str) -> Any:
    """A date written as text, read only in ISO 8601 order (a Timestamp).

    "2023-03-15" and "2023-03" are read; "09/03/2022" is refused, since the
    day and month could be read either way (9 March in Indonesia, 3
    September elsewhere), and a month read wrongly matches another round.

    Raises
    ------
    ValueError
        If `text` is not an ISO date, naming `what` and the text.
    """
    import pandas as pd

    stripped = text.strip()
    if _ISO_DATE.fullmatch(stripped):
        try:
            return pd.Timestamp(stripped)
        except ValueError:
            msg = (
                f"{what}: {text!r} is written in ISO order but is not a date "
                "of the calendar (the month has no such day, or there is no "
                "such month)"
            )
            raise ValueError(msg) from None
    if re.fullmatch(r"\d{4}", stripped):
        msg = (
            f"{what}: {text!r} is a year, but the periods are dates (a year "
            "has two rounds, March and September): give the month too, as a "
            "date or ISO text such as '2023-03' or '2023-03-01'"
        )
        raise ValueError(msg)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\S.*", stripped):
        msg = (
            f"{what}: {text!r} holds a time or a time zone after its date; "
            "povstat reads dates written as text only as YYYY-MM-DD or YYYY-MM "
            "(a period is a calendar date, and an instant's date depends on "
            f"the zone): write the date alone ({stripped[:10]!r} if that is "
            "the date meant) or pass a date"
        )
        raise ValueError(msg)
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", stripped):
        msg = (
            f"{what}: {text!r} is not a date in ISO order (YYYY-MM-DD or "
            "YYYY-MM); in other orders the day and month can be read either "
            "way (09/03/2022 is 9 March or 3 September): write it as "
            "YYYY-MM-DD (2022-03-09 for 9 March 2022) or pass a date"
        )
        raise ValueError(msg)
    msg = (
        f"{what}: {text!r} is not a date as povstat reads text, which is only "
        "YYYY-MM-DD or YYYY-MM (one way of writing dates, never guessed): "
        "write it as YYYY-MM-DD (2022-03-09 for 9 March 2022) or YYYY-MM, or "
        "pass a date"
    )
    raise ValueError(msg)


def month_starts(series: Any) -> Any:
    """A pandas date column as the first day of each month, or None.

    For the pandas entry points that match periods by calendar month
    (statements, traces): numpy datetimes, pyarrow-backed dates and
    timestamps, and object columns of ``datetime.date``, ``datetime`` or
    Timestamp values (as DuckDB and Spark dates reach pandas) all give
    naive ``datetime64[s]`` month starts, missing values as NaT. Any other
    column gives None. Time-zone-aware values are refused before (see
    :func:`refuse_aware`).
    """
    import pandas as pd

    dtype = series.dtype
    if isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa

        kind = dtype.pyarrow_dtype
        if not (pa.types.is_date(kind) or pa.types.is_timestamp(kind)):
            return None
        values = np.asarray(series.astype("datetime64[s]").to_numpy(), "datetime64[M]")
    elif pd.api.types.is_datetime64_any_dtype(dtype):
        values = np.asarray(series.to_numpy(), "datetime64[M]")
    elif dtype == np.dtype(object):
        missing = np.asarray(series.isna(), dtype=bool)
        present = series[~missing].tolist()  # a few statement rows
        if not present or not all(isinstance(v, dt.date) for v in present):
            return None
        # An empty cell as numpy reads None (NaT), whichever marker holds it:
        # a float NaN (a frame built from dicts, a category's empty cell).
        cells = series.to_numpy(dtype=object, copy=True)
        cells[missing] = None
        values = np.asarray(cells, "datetime64[M]")
    else:
        return None
    return pd.Series(values.astype("datetime64[s]"), index=series.index)


class Periods:
    """A period column read as a time.

    Attributes
    ----------
    ticks : ndarray of float64
        Numeric periods as they are (years); dates as a count of calendar
        months (the day and time are ignored).
    per_year : int
        Ticks per year: 1 for numeric periods, 12 for dates.
    temporal : bool
        Whether the column holds dates.
    """

    def __init__(self, ticks: NDArray[np.float64], *, temporal: bool) -> None:
        self.ticks = ticks
        self.temporal = temporal
        self.per_year = 12 if temporal else 1


def aware_message(what: str, tz: object) -> str:
    """The refusal of time-zone-aware periods (one wording everywhere)."""
    return (
        f"{what} holds time-zone-aware datetimes (time zone {tz}); periods are "
        "calendar dates, and an instant's date depends on the zone: convert "
        "the column to dates (or naive datetimes) in the zone the periods are "
        "meant in first"
    )


def refuse_aware(values: Any, what: str) -> None:
    """Refuse a pandas Series of time-zone-aware datetimes (see `is_temporal`).

    Object columns are looked at value by value (only their datetimes).
    """
    import pandas as pd

    series = pd.Series(values)
    tz = getattr(series.dtype, "tz", None)
    if isinstance(series.dtype, pd.ArrowDtype):
        tz = getattr(series.dtype.pyarrow_dtype, "tz", None)
    if tz is None and series.dtype == object:
        aware = [
            v.tzinfo
            for v in series.tolist()  # a few statement rows
            if isinstance(v, dt.datetime) and v.tzinfo is not None
        ]
        tz = aware[0] if aware else None
    if tz is not None:
        raise TypeError(aware_message(what, tz))


def _texts(series: Any) -> bool:
    """Whether a pandas object column holds text (a few values looked at)."""
    present = series.dropna().head(20).tolist()
    return bool(present) and all(isinstance(v, str) for v in present)


def _monthly_periods(dtype: object) -> bool:
    """Whether a pandas dtype is ``period[M]``: calendar months."""
    import pandas as pd

    return isinstance(dtype, pd.PeriodDtype) and str(dtype) == "period[M]"


#: Whole years written as text ("2021"), and the date formats read from
#: text in the advice for a period column of text: ISO dates and months.
_TEXT_YEAR = re.compile(r"\s*[0-9]{4}\s*")
_TEXT_DATES = (
    (re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*"), "%Y-%m-%d"),
    (re.compile(r"\s*[0-9]{4}-[0-9]{2}\s*"), "%Y-%m"),
)


def _text_period_advice(table: Table, name: str) -> str:
    """How to read a period column of text: as years, or as dates of its format.

    Years written as text ("2021", a CSV file read with ``dtype=str``) are
    numbers to convert; ISO dates ("2021-03-01") and months ("2021-03")
    are dates of that format. Other text (09/03/2022) is said to be
    ambiguous, with the ISO format as an example. The values looked at are
    the column's first present ones.
    """
    present = [
        v
        for v in table.frame[name].drop_nulls().head(50).to_list()
        if isinstance(v, str)
    ]
    shown = f"; it holds e.g. {present[0]!r}" if present else ""
    pandas_ = table.pandas is not None
    # The values as text without the spaces around them, where some have.
    spaced = any(v != v.strip() for v in present)
    text = f"df[{name!r}]" if pandas_ else f"pl.col({name!r})"
    if spaced:
        text += ".str.strip()" if pandas_ else ".str.strip_chars()"
    if present and all(_TEXT_YEAR.fullmatch(v) for v in present):
        if pandas_:
            how = f"df[{name!r}] = pandas.to_numeric({text})"
        else:
            how = f"df = df.with_columns({text}.cast(pl.Int64)) in polars"
        return (
            f" (whole years written as text{shown}): convert the column to "
            f"numbers first, e.g. {how}"
        )
    coded = _coded_text_period_advice(present, name, pandas_=pandas_)
    if coded is not None:
        what, how = coded
        return f" ({what}{shown}): convert the column to dates first, e.g. {how}"
    fmt = next(
        (
            f
            for pattern, f in _TEXT_DATES
            if present and all(pattern.fullmatch(v) for v in present)
        ),
        None,
    )
    if pandas_:
        how = f"df[{name!r}] = pandas.to_datetime({text}, format='{fmt or '%Y-%m-%d'}')"
    else:
        col = text
        if fmt == "%Y-%m":  # each month's first day
            col = f"pl.concat_str([{col}, pl.lit('-01')])"
        how = (
            f"df = df.with_columns({col}.str.to_date('%Y-%m-%d')) "
            "in polars, or read the file with try_parse_dates=True; a CAST to "
            "DATE in SQL"
        )
    if fmt is not None:
        return (
            " (dates written as text, as a CSV file read with the defaults "
            f"gives them, are not read{shown}): convert the column to dates "
            f"first, in the format of its values, e.g. {how}"
        )
    return (
        " (dates written as text, as a CSV file read with the defaults "
        "gives them, are not read: whether 09/03/2022 is 9 March or 3 "
        f"September cannot be told{shown}): convert the column to dates first, "
        f"in the format of its values, e.g. {how} for dates written as "
        "2022-03-09"
    )


#: Year.month codes written as text ("2021.03"), and a month's name before
#: its year ("Maret 2021", as BPS names its rounds).
_TEXT_YEAR_MONTH = re.compile(rf"\s*{_validate.YEAR_DOT_MONTH}\s*")
_TEXT_NAMED_MONTH = re.compile(r"\s*(?P<month>[^\W\d_]+)\.?\s+[0-9]{4}\s*")


def _coded_text_period_advice(
    present: list[str], name: str, *, pandas_: bool
) -> tuple[str, str] | None:
    """(what the values are, how to convert them) for year.month or month-name text.

    "2021.03" (year.month codes, as text) converts with the format
    ``%Y.%m``; "Maret 2021" (a month named in Indonesian or English before
    its year, "Mar. 2021" abbreviated) with the month names of the values
    mapped to their numbers, as no date format reads Indonesian names.
    Spaces around the values are stripped, and where a value ends in a
    note mark ("Maret 2024*", as BPS marks a preliminary figure,
    :func:`povstat.tables.without_footnote_mark`) the period is taken out
    of each. None for other text.
    """
    from povstat.tables import (  # the month names and marks read_bps_table reads
        _MONTHS,
        without_footnote_mark,
    )

    if not present:
        return None
    bare = [without_footnote_mark(v.strip()) for v in present]
    marked = any(b != v.strip() for b, v in zip(bare, present, strict=True))
    col = f"df[{name!r}]" if pandas_ else f"pl.col({name!r})"
    marks = " (the periods taken out of the values, without their note marks)"

    def taken(period: str) -> str:
        """`col` without spaces around it, or its `period` pattern taken out."""
        if not marked:
            return f"{col}.str.strip()" if pandas_ else f"{col}.str.strip_chars()"
        if pandas_:
            return f"{col}.str.extract(r'({period})', expand=False)"
        return f"{col}.str.extract(r'({period})', 1)"

    if all(_TEXT_YEAR_MONTH.fullmatch(v) for v in bare):
        what = "year.month codes written as text, 2021.03 for March 2021"
        what += marks if marked else ""
        periods = taken(r"[0-9]{4}\.[0-9]{2}")
        if pandas_:
            return what, f"{col} = pandas.to_datetime({periods}, format='%Y.%m')"
        return what, (
            f"df = df.with_columns(pl.concat_str([{periods}, "
            f"pl.lit('.01')]).str.to_date('%Y.%m.%d').alias({name!r})) in polars"
        )
    named = [_TEXT_NAMED_MONTH.fullmatch(v) for v in bare]
    if not all(m is not None and m["month"].lower() in _MONTHS for m in named):
        return None
    months = {
        m["month"]: f"{_MONTHS[m['month'].lower()]:02d}" for m in named if m is not None
    }
    what = (
        "month names before the year, as BPS names its rounds (Maret 2021): "
        "no date format reads Indonesian month names, so map them to numbers"
    ) + (marks if marked else "")
    # Whole names only, with the dot of an abbreviation: "Mar" is not the
    # start of "Maret", and "Mar. 2021" leaves no dot.
    pattern = {rf"\b{k}\b\.?": v for k, v in months.items()}
    periods = taken(r"[^\W\d_]+\.?\s+[0-9]{4}")
    if pandas_:
        return what, (
            f"{col} = pandas.to_datetime({periods}.replace({pattern!r}, "
            "regex=True), format='%m %Y')"
        )
    replaced = "".join(f".str.replace({k!r}, {v!r})" for k, v in pattern.items())
    return what, (
        f"df = df.with_columns(pl.concat_str([pl.lit('01 '), {periods}"
        f"{replaced}]).str.to_date('%d %m %Y').alias({name!r})) in polars"
    )


def _date_kinds() -> tuple[type, ...]:
    """The kinds of date an object column may hold, read by calendar month.

    ``datetime.date`` (and so ``datetime.datetime`` and pandas' Timestamp),
    ``numpy.datetime64`` and ``pandas.Period``: the one list of them.
    """
    import pandas as pd

    return (dt.date, np.datetime64, pd.Period)


def _as_months(spans: Iterable[str]) -> str:
    """The advice for pandas Periods that are not months (quarters, years).

    The one wording of the rule: a period is read as its calendar month,
    which a quarter or a year is not, so no conversion is offered.
    """
    longer = ", ".join(sorted(set(spans) - {"M"}))
    return (
        "as the date of the calendar month it stands for (periods "
        f"{longer} are not one month each)"
    )


def _two_kinds_of_dates(values: Any, name: str) -> str:
    """Advice for an object column holding dates of two kinds, else "".

    ``datetime.date`` beside Timestamps (or ``datetime.datetime``,
    ``numpy.datetime64`` or monthly ``pandas.Period``), as a frame
    concatenated from one read with dates and one with datetimes holds:
    every value is a date, but pandas keeps them as objects, and neither
    pandas' sort nor its grouping reads them as one kind (a date and a
    ``numpy.datetime64`` of one day are two groups).
    """
    import pandas as pd

    values = list(values.tolist())
    if len(set(map(type, values))) < 2:  # the types, not a test per row
        return ""
    present = [v for v in values if not pd.isna(v)]
    kinds = {type(v).__name__ for v in present}
    dates = all(isinstance(v, _date_kinds()) for v in present)
    if not present or not dates or len(kinds) < 2:
        return ""
    shown = ", ".join(
        f"{k} (e.g. {next(v for v in present if type(v).__name__ == k)!r})"
        for k in sorted(kinds)
    )
    found = (
        f" (every value is a date, of {len(kinds)} kinds: {shown}, so pandas "
        "keeps them as objects)"
    )
    spans = {v.freqstr for v in present if isinstance(v, pd.Period)}
    if not spans:
        how = f"df[{name!r}] = pandas.to_datetime(df[{name!r}])"
    elif spans == {"M"}:  # a month each: its first day
        how = (
            f"df[{name!r}] = pandas.to_datetime(df[{name!r}].map(lambda v: "
            "v.to_timestamp() if isinstance(v, pandas.Period) else v))"
        )
    else:  # quarters or years are no calendar month each
        return f"{found}: convert them to one kind, every period {_as_months(spans)}"
    return f"{found}: convert them to one kind, {how}"


def _mixed_dates(table: Table, name: str) -> str:
    """Advice for a pandas object column of dates mixed with others, else "".

    Dates beside values that are no dates (a year typed as 2022 or
    2022.0 in a spreadsheet column of dates), datetimes with a time zone
    beside datetimes without one, ``pandas.Period`` values of several
    lengths (months and quarters), or dates of two kinds
    (:func:`_two_kinds_of_dates`): pandas can neither sort nor group them
    as one kind.

    Decided from the set of the values' types (and, for one kind of
    datetime or Period, one C-level read of each value's zone or length):
    a column of one kind passes without a Python loop over its rows. Only
    when something is found are the rows of an example of each kind named
    (:func:`_mixed_dates_advice`).
    """
    import pandas as pd

    values = table.series(name).to_numpy()
    kinds = set(map(type, values))  # the types, not a test per row
    if not any(issubclass(k, _date_kinds()) for k in kinds):
        return ""
    present = values
    maybe_missing = (*_MAYBE_MISSING, type(pd.NA), type(pd.NaT))
    if any(issubclass(k, maybe_missing) for k in kinds):  # set missing ones aside
        present = values[~np.asarray(pd.isna(values), dtype=bool)]
        kinds = set(map(type, present))
    if len(kinds) == 1:
        (kind,) = kinds
        if issubclass(kind, dt.datetime):
            zones = list(map(operator.attrgetter("tzinfo"), present))
            if zones.count(None) in (0, len(zones)):
                return ""  # every one with a zone, or none
        elif issubclass(kind, pd.Period):
            if len(set(map(operator.attrgetter("freqstr"), present))) < 2:
                return ""  # one length (a quarter is refused as a period)
        else:
            return ""  # dates of one kind, none with a zone or a length
    return _mixed_dates_advice(
        table, name, values, np.asarray(pd.isna(values), dtype=bool)
    )


#: Types of which a value may be missing (pandas.isna): None, a float or
#: Decimal NaN, numpy's NaT (and pandas.NA and NaT, added where read).
_MAYBE_MISSING: tuple[type, ...] = (
    type(None),
    float,
    np.floating,
    np.datetime64,
    Decimal,
)


def _mixed_dates_advice(
    table: Table, name: str, values: NDArray[Any], gone: NDArray[np.bool_]
) -> str:
    """The advice of :func:`_mixed_dates`, naming the row of an example of each.

    Reached only for a column of several kinds of value, or of datetimes
    with and without a zone, or of Periods of several lengths.
    """
    import pandas as pd

    date_kinds = _date_kinds()
    at = row_namer(table)
    present = np.flatnonzero(~gone).tolist()
    dated = [i for i in present if isinstance(values[i], date_kinds)]
    if not dated:
        return ""

    def example(i: int) -> str:
        v = values[i]
        shown = repr(v)
        if not shown.startswith(type(v).__name__):
            shown = f"{type(v).__name__} {shown}"
        return f"{shown} at {at(i)}"

    others = [i for i in present if not isinstance(values[i], date_kinds)]
    if others:
        return (
            f" (dates beside {len(others)} value(s) that are no dates: e.g. "
            f"{example(dated[0])} and {example(others[0])}): write every "
            "period as a date (a year alone has two rounds, March and "
            "September), then read the column as dates with "
            f"df[{name!r}] = pandas.to_datetime(df[{name!r}])"
        )
    times = [i for i in dated if isinstance(values[i], dt.datetime)]
    aware = [i for i in times if values[i].tzinfo is not None]
    naive = sorted(set(dated) - set(aware))
    if aware and naive:
        return (
            f" (datetimes with a time zone beside dates without one: e.g. "
            f"{example(aware[0])} and {example(naive[0])}; the date of an "
            "instant depends on the zone it is read in, so povstat does not "
            "choose one): give every period as a date without a time zone, "
            "the calendar date meant"
        )
    spans = sorted(
        {values[i].freqstr for i in dated if isinstance(values[i], pd.Period)}
    )
    if len(spans) > 1:
        first = [
            next(i for i in dated if getattr(values[i], "freqstr", None) == f)
            for f in spans
        ]
        return (
            f" (periods of {len(spans)} lengths, {', '.join(spans)}: e.g. "
            f"{' and '.join(example(i) for i in first)}): give every period "
            f"{_as_months(spans)}"
        )
    return _two_kinds_of_dates(table.series(name), name)


def _object_datetimes(series: Any, name: str) -> str:
    """Advice for a pandas object column of naive datetimes of one kind, else "".

    Such a column (kept as objects, e.g. with a None among them) is read
    as dates once converted; a missing one is then refused as missing.
    """
    import pandas as pd

    values = series.to_numpy()
    kinds = set(map(type, values[~np.asarray(pd.isna(values), dtype=bool)]))
    if len(kinds) != 1 or not issubclass(kinds.pop(), dt.datetime):
        return ""
    return (
        " (its values are datetimes, kept by pandas as objects): read them "
        f"as dates first, df[{name!r}] = pandas.to_datetime(df[{name!r}])"
    )


def refuse_two_kinds_of_dates(table: Table, name: str, what: str) -> None:
    """Refuse a pandas object column `name` holding dates of two kinds.

    The check :func:`is_temporal` makes for a period column, made for a
    key column read as labels (`what` names it): sorted or grouped as
    objects, such dates would raise pandas' TypeError or split one month
    into two groups.

    Raises
    ------
    TypeError
        Naming the column, the kinds and the conversion.
    """
    if table.pandas is None or table.series(name).dtype != object:
        return
    advice = _mixed_dates(table, name)
    if advice:
        msg = f"{what} must hold dates of one kind, read by calendar month{advice}"
        raise TypeError(msg)


def is_temporal(table: Table, name: str) -> bool:
    """Whether column `name` holds dates or datetimes (else it must be numeric).

    Periods are calendar dates (the year and month count, the time of day
    and the time zone do not), so a pandas ``period[M]`` column, one
    calendar month a value, is read as dates are; periods of other lengths
    are refused. A time-zone-aware datetime column is refused,
    since the same instant falls on different dates in Asia/Jakarta and in
    UTC, and engines differ in which zone they read it in. The exception is
    Spark's ``TIMESTAMP``, its ordinary timestamp type (a naive pandas
    datetime becomes one), which is read as Spark shows it: the date in the
    session time zone, cast by Spark (see :func:`collect`).

    Raises
    ------
    TypeError
        If the column is neither numeric nor a date, or holds time-zone-aware
        datetimes.
    """
    if table.is_temporal(name):
        tz = table.time_zone(name)
        if tz is not None:
            raise TypeError(aware_message(f"period column {name!r}", tz))
        return True
    if table.is_numeric(name):
        return False
    msg = (
        f"column {name!r} (argument `period`) must be numeric (a time in "
        f"years, e.g. 2019 or 2019.5) or a date/datetime, got "
        f"{table.dtype_text(name)}"
    )
    if table.dtype(name) == nw.String or (
        table.pandas is not None
        and table.series(name).dtype == object
        and _texts(table.series(name))
    ):
        msg += _text_period_advice(table, name)
    if table.pandas is not None and table.series(name).dtype == object:
        mixed = _mixed_dates(table, name)
        msg += mixed or _object_datetimes(table.series(name), name)
    if table.pandas is not None and str(table.series(name).dtype).startswith("period["):
        msg += (
            " (monthly periods, period[M], are read as their months; periods "
            "of another length are not one calendar month each): read them as "
            f"their start dates with df[{name!r}].dt.to_timestamp() if that is "
            "what they stand for"
        )
    raise TypeError(msg)


def _month_ticks(table: Table, name: str) -> NDArray[np.float64]:
    """A date column as calendar months counted from year 0 (NaN if missing).

    Every engine's dates, datetimes and date objects alike; the time of day
    and the day of the month do not count (see :func:`is_temporal`).
    """
    if table.pandas is not None:
        series = table.series(name)
        if _object_dates(series):  # datetime.date objects, as dates
            import pandas as pd

            # A missing date (NaT or NaN, as ``.dt.date`` or a join leaves
            # it) is NaT here, so that it is refused as a missing period.
            objects = series.to_numpy()
            gone = np.asarray(pd.isna(objects), dtype=bool)
            days = np.full(len(objects), np.datetime64("NaT"), "datetime64[D]")
            days[~gone] = np.asarray(objects[~gone].tolist(), "datetime64[D]")
            series = pd.Series(days)
        when = series.dt
        year = when.year.to_numpy(dtype=np.float64, na_value=np.nan)
        month = when.month.to_numpy(dtype=np.float64, na_value=np.nan)
        if _monthly_periods(series.dtype):  # a missing period's year is -1
            gone = series.isna().to_numpy()
            year[gone] = month[gone] = np.nan
    elif name in table.session_dates:  # Spark TIMESTAMP: session-zone date
        dates = table.session_dates[name]
        year = _float_array(dates.dt.year().cast(nw.Float64).to_numpy())
        month = _float_array(dates.dt.month().cast(nw.Float64).to_numpy())
    else:
        parts = table.frame.select(
            nw.col(name).dt.year().cast(nw.Float64).alias("y"),
            nw.col(name).dt.month().cast(nw.Float64).alias("m"),
        )
        year = _float_array(parts.get_column("y").to_numpy())
        month = _float_array(parts.get_column("m").to_numpy())
    return _grouping.month_count(year, month)


def periods(table: Table, name: str) -> Periods:
    """Read the period column `name`: numeric (years) or date/datetime.

    Raises
    ------
    TypeError
        If the column is neither numeric nor a date.
    ValueError
        If a period is missing or infinite.
    """
    if is_temporal(table, name):
        ticks = _month_ticks(table, name)
        temporal = True
    else:
        ticks = (
            column(table, name) if table.pandas is None else _pandas_float(table, name)
        )
        temporal = False
    _refuse_missing_keys(table, name, "period", np.isnan(ticks))
    infinite = int(np.count_nonzero(np.isinf(ticks)))
    if infinite:
        msg = (
            f"period column {name!r} (argument `period`) must be finite, "
            f"found {infinite} infinite value(s)"
        )
        raise ValueError(msg)
    if not temporal:
        _refuse_coded_periods(
            name,
            ticks,
            single=_single_precision(table, name),
            pandas_=table.pandas is not None,
        )
    return Periods(ticks, temporal=temporal)


def _single_precision(table: Table, name: str) -> bool:
    """Whether column `name` holds 32-bit floats, on any engine."""
    if table.pandas is not None:
        dtype = table.series(name).dtype
        held = getattr(dtype, "numpy_dtype", dtype)  # nullable and pyarrow
        try:
            return bool(np.dtype(held) == np.float32)
        except TypeError:
            return False
    return bool(table.frame.schema[name] == nw.Float32)


def _refuse_coded_periods(
    name: str, ticks: NDArray[np.float64], *, single: bool = False, pandas_: bool = True
) -> None:
    """Refuse whole numbers of five digits or more as years.

    A numeric period is a time in years; a whole number of five digits or
    more (202103, a BPS-style YYYYMM code, or 20210301, YYYYMMDD) is no
    year of a poverty series, and read as one it would make every per-year
    figure about 100 times too small. Fractional years and small counts
    (0, 1, 2 years since a start) are read as they are.
    """
    coded = (np.abs(ticks) >= 10_000) & (ticks == np.floor(ticks))
    if not coded.any():
        _refuse_decimal_month_codes(name, ticks, single=single, pandas_=pandas_)
        return
    shown = ", ".join(f"{v:.0f}" for v in np.unique(ticks[coded])[:3])
    msg = (
        f"period column {name!r} (argument `period`) holds whole numbers of "
        f"five digits or more ({shown}), which are not years: a numeric "
        "period is a time in years (e.g. 2021 or 2021.25). If they are "
        "year-and-month codes (YYYYMM), convert them to dates, e.g. "
        f"df[{name!r}] = pandas.to_datetime(df[{name!r}].astype(str), "
        "format='%Y%m'), or to years with year + (month - 1) / 12"
    )
    raise ValueError(msg)


#: Hundredths (or tenths) within this of a whole number are read as one.
_CODE_TOLERANCE = 1e-6


def _refuse_decimal_month_codes(
    name: str, ticks: NDArray[np.float64], *, single: bool = False, pandas_: bool = True
) -> None:
    """Refuse year.month and year.semester decimals as fractional years.

    Calendar years (1000 or more) whose fractional parts, beside any whole
    years, are all month codes in hundredths (2021.03 for March, 2021.09
    for September, 2021.1 for October: .01 to .12), at least two different
    months in all, are the decimal twin of a YYYYMM code, and read as years
    they put 0.06 years between March and September; so are semester codes,
    fractional parts .1 and .2 both and no other beside whole years (2021.1
    for Semester I, March, and 2021.2 for Semester II, September, as BPS
    names the rounds). Both are refused. Whole years stacked above the
    codes (2019, 2020, 2021.03, 2021.09) do not make them fractions; whole
    years beside one code (2021, 2021.09) are two months, refused too,
    except .08, which is also year + 1/12 to two decimals. Fractional years
    (2021.5, 2021.25, year + (month - 1) / 12) and one code throughout
    (2021.03, 2022.03: whole years apart) are read as they are.

    `single`: the column holds 32-bit floats, whose 2021.03 is
    2021.0300293; their decimals are read as float32 writes them (its
    shortest repr, 2021.03), so every engine's float32 gives one answer.
    `pandas_`: the frame is pandas; else the conversion is shown in polars.
    """
    distinct = np.unique(ticks)
    if distinct.size < 2 or np.any(np.abs(distinct) < 1000):
        return
    written = distinct
    if single:
        written = np.array(
            [float(np.format_float_positional(np.float32(v))) for v in distinct]
        )
    frac = written - np.floor(written)
    whole_years = bool(np.any(frac == 0))
    frac = frac[frac != 0]
    if frac.size == 0:
        return
    hundredths = frac * 100
    whole = np.round(hundredths)
    codes = np.unique(whole)
    months = (
        bool(np.all(np.abs(hundredths - whole) < _CODE_TOLERANCE))
        and bool(np.all((whole >= 1) & (whole <= 12)))
        and (codes.size >= 2 or (whole_years and codes.tolist() != [8.0]))
    )
    tenths = np.round(frac * 10)
    semesters = bool(np.all(np.abs(frac * 10 - tenths) < _CODE_TOLERANCE)) and set(
        tenths.tolist()
    ) == {1.0, 2.0}
    if not (months or semesters):
        return
    shown = ", ".join(f"{v:.2f}" for v in distinct[:4])
    col = f"df[{name!r}]" if pandas_ else f"pl.col({name!r})"
    if semesters:
        what = (
            "year.semester codes (2021.1 for Semester I, March, and 2021.2 for "
            "Semester II, September)"
        )
        fix = f"numpy.floor({col}) + (numpy.round({col} % 1 * 10) * 6 - 4) / 12"
        if not pandas_:
            fix = f"{col}.floor() + (({col} % 1 * 10).round() * 6 - 4) / 12"
        shown = ", ".join(f"{v:.1f}" for v in distinct[:4])
        apart = "the two semesters would be 0.1 years apart"
    else:
        what = "year.month codes (2021.03 for March, 2021.09 for September)"
        fix = f"numpy.floor({col}) + (numpy.round({col} % 1 * 100) - 1) / 12"
        if not pandas_:
            fix = f"{col}.floor() + (({col} % 1 * 100).round() - 1) / 12"
        apart = "March and September would be 0.06 years apart"
    assign = (
        f"{col} = {fix}"
        if pandas_
        else f"df = df.with_columns(({fix}).alias({name!r})) in polars"
    )
    msg = (
        f"period column {name!r} (argument `period`) holds {shown}"
        f"{' and more' if distinct.size > 4 else ''}, whose fractional parts "
        f"{'other than .00 ' if whole_years else 'all '}look like {what}, not "
        "fractions of a year: read as years, "
        f"{apart}. A numeric period is "
        "a time in years; convert them to years with year + (month - 1) / 12, "
        f"e.g. {assign}, or to dates"
    )
    if whole_years:
        msg += (
            "; the whole years among them are no code: write each with its "
            "month or semester first (2021 for March 2021 as 2021.03), as the "
            "conversion would take them for month 0"
        )
    raise ValueError(msg)


def cells(table: Table, *, region: str, period: str) -> tuple[_grouping.Cells, Periods]:
    """Key each row by its (region, period) cell; refuse repeated keys.

    Parameters
    ----------
    table : Table
        From :func:`collect`.
    region, period : str
        Key columns (checked present by ``_checks.require``).

    Returns
    -------
    cells : povstat._grouping.Cells
        Cell key, order and previous rows.
    periods : Periods
        The period column as a time.

    Raises
    ------
    TypeError
        If `period` is neither numeric nor a date.
    ValueError
        If a key is missing, a period infinite, or a (region, period) key
        appears more than once: the message lists the first keys, in order,
        and how many there are.
    """
    groups = keys(table, [region], arg="region")
    when = periods(table, period)
    found = _grouping.Cells(groups, when.ticks)
    refuse_repeated(table, found, [region, period], same_month=when.temporal)
    return found, when


def unique_keys(table: Table, *, region: str, by: Sequence[str]) -> None:
    """Refuse a (region, by...) key that appears more than once.

    The check of :func:`cells`, with the `by` columns in place of the period.

    Raises
    ------
    ValueError
        If a key is missing, or a key appears more than once (the message
        lists the first keys, in order, and how many there are).
    """
    groups = keys(table, [region], arg="region")
    within = keys(table, by, arg="by").astype(np.float64)
    refuse_repeated(
        table,
        _grouping.Cells(groups, within),
        [region, *by],
        same_month=any(table.is_temporal(name) for name in by),
        fix=(
            "rank each period or group separately: name the columns that tell "
            "the rows apart in `by`"
        ),
    )


def refuse_repeated(
    table: Table,
    found: _grouping.Cells,
    names: Sequence[str],
    *,
    same_month: bool = False,
    fix: str = "use a finer period column",
) -> None:
    """Raise if a key of `found` (over the columns `names`) appears twice.

    `fix` ends the message's advice ("Filter it, or ...").
    """
    repeated = found.duplicated()
    if not repeated.size:
        return
    # Each shown key names every distinct value of its rows, sorted (two
    # dates of one month: both, earliest first), so that the message does
    # not depend on row order. A loop over at most _SHOW_KEYS keys.
    columns = [labels(table, name) for name in names]
    shown_keys = []
    for row in repeated[:_SHOW_KEYS]:
        rows = found.key == found.key[row]
        parts = [" and ".join(sorted({show(v) for v in col[rows]})) for col in columns]
        shown_keys.append(f"({', '.join(parts)})")
    shown = ", ".join(shown_keys)
    more = ", ..." if repeated.size > _SHOW_KEYS else ""
    month = (
        " (dates in the same calendar month are the same period)" if same_month else ""
    )
    # poverty_table's output holds one row per measure (and line): a table
    # with such a column not among the keys most likely repeats its keys there.
    stacked = [c for c in _STACKED if c in table.names and c not in names]
    mixes = "survey rounds (e.g. March and September) or levels"
    kept = ""
    if stacked:
        what = " and ".join(f"{c!r}" for c in stacked)
        word = "column" if len(stacked) == 1 else "columns"
        mixes = (
            f"several measures or lines (its {what} {word}, as poverty_table "
            "writes one row per measure and line), survey rounds (e.g. March "
            "and September) or levels"
        )
        kept = f" (e.g. to one value of {what})"
    area = area_hint(table, names, np.flatnonzero(found.key == found.key[repeated[0]]))
    msg = (
        f"each ({', '.join(repr(n) for n in names)}) key must appear at most "
        f"once{month}, found {repeated.size} duplicated key(s): {shown}{more}"
        f"{area}; does the table mix {mixes} (regions and their province)? "
        f"Filter it{kept}, or {fix}"
    )
    raise ValueError(msg)


#: The column of povstat.datasets.load_indonesia() (and of BPS tables) that
#: gives each region and period one row per area: urban, rural and total.
_AREA = "area"


def area_hint(table: Table, keys: Sequence[str], rows: NDArray[np.intp]) -> str:
    """A note for rows of one key that differ in the frame's ``area`` column.

    The rows `rows` share a key over the columns `keys`; where the frame has
    an ``area`` column, not among the keys, in which they differ, the note
    names the column and its values there: one row per area (urban, rural,
    total) is the usual cause of a repeated key with the bundled data.
    Else "".
    """
    if _AREA not in table.names or _AREA in keys:
        return ""
    values = sorted({show(v) for v in labels(table, _AREA)[rows]})
    if len(values) < 2:
        return ""
    return (
        f"; those rows differ in the {_AREA!r} column ({', '.join(values)}): "
        "povstat.datasets.load_indonesia() and BPS tables give each region "
        "and period one row per area (urban, rural and total), so keep one "
        "area first, e.g. the rows whose 'area' is 'total'"
    )


#: Columns of poverty_table's output that stack several estimates per domain.
_STACKED = ("measure", "line")


def _pandas_float(table: Table, name: str) -> NDArray[np.float64]:
    """A pandas column as float64 without recording its backing (keys)."""
    series = table.series(name)
    return np.asarray(
        series.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64
    )


def _float_array(values: Any) -> NDArray[np.float64]:
    arr = np.asarray(values)
    if arr.dtype == object:
        arr = np.array([np.nan if v is None else v for v in arr], np.float64)
    return np.asarray(arr, dtype=np.float64)


class Gather:
    """New column: the rows `index` of column `source`, missing where index < 0.

    Keeps the source column's type (dates stay dates); on numpy-backed
    pandas an integer column becomes float64 to hold the missing value.
    """

    def __init__(self, source: str, index: NDArray[np.intp]) -> None:
        self.source = source
        self.index = index


Column: TypeAlias = "NDArray[Any] | np.ma.MaskedArray[Any, Any] | Gather"


#: numpy kinds of a text column given to :func:`attach` (None is missing).
_TEXT_KINDS = "OU"


def attach(table: Table, df: IntoFrameT, /, **columns: Column) -> IntoFrameT:
    """Add numpy arrays to the table as new columns; answer in `df`'s kind.

    Parameters
    ----------
    table : Table
        From ``collect(df)``.
    df : frame
        The caller's object; only fixes the type of the result.
    **columns : ndarray, numpy.ma.MaskedArray or gather
        New columns in order, one value per row. Float NaN becomes missing
        (null) except in numpy-backed pandas columns, where NaN is missing;
        a masked array is missing where masked (use it for integer and bool
        columns with missing values); :class:`Gather` copies rows of an
        existing column. An object or str array is text, None missing: a
        string column on every engine, also when every value is missing or
        there are no rows (never a polars Object or a DuckDB NULL column).

    Returns
    -------
    frame of the same kind as `df`
        pandas: a new frame with the caller's index and rows; new columns
        take the backing of the columns read (numpy, nullable or pyarrow).
        Lazy inputs: a lazy object of the same engine over the collected
        rows. Anything else: the same type, via narwhals.
    """
    if table.pandas is not None:
        return cast("IntoFrameT", _attach_pandas(table, columns))
    frame = table.frame
    impl = frame.implementation
    if impl is nw.Implementation.POLARS and all(
        type(v) is np.ndarray for v in columns.values()
    ):
        return cast("IntoFrameT", _hand_back(table, _attach_polars(frame, columns)))
    series = []
    masks: dict[str, str] = {}
    for i, (name, values) in enumerate(columns.items()):
        if isinstance(values, Gather):
            source = frame.get_column(values.source)
            idx = values.index
            found = idx >= 0
            picked = source[np.where(found, idx, 0)].alias(name)
            series.append(picked)
            masks[name] = f"__povstat_mask_{i}"
            series.append(nw.new_series(masks[name], found, backend=impl))
        elif isinstance(values, np.ma.MaskedArray):
            data = np.ma.getdata(values)
            series.append(nw.new_series(name, data, backend=impl))
            masks[name] = f"__povstat_mask_{i}"
            series.append(
                nw.new_series(masks[name], ~np.ma.getmaskarray(values), backend=impl)
            )
        else:
            arr = np.asarray(values)
            dtype = nw.String() if arr.dtype.kind in _TEXT_KINDS else None
            series.append(nw.new_series(name, arr, dtype, backend=impl))
    out = frame.with_columns(*series)
    floats = [
        name
        for name, values in columns.items()
        if not isinstance(values, Gather) and np.asarray(values).dtype.kind == "f"
    ]
    fixes = [nw.col(n).fill_nan(None) for n in floats]
    fixes += [nw.when(nw.col(m)).then(nw.col(n)).alias(n) for n, m in masks.items()]
    if fixes:
        out = out.with_columns(*fixes)
    if masks:
        out = out.drop(*masks.values())
    return cast("IntoFrameT", _hand_back(table, out))


def _attach_polars(
    frame: nw.DataFrame[Any], columns: Mapping[str, Column]
) -> nw.DataFrame[Any]:
    """Plain arrays onto a polars frame in one step, float NaN made null."""
    import polars as pl

    new = [
        pl.Series(
            name,
            arr,
            pl.String if arr.dtype.kind in _TEXT_KINDS else None,
            nan_to_null=arr.dtype.kind == "f",
        )
        for name, arr in ((k, np.asarray(v)) for k, v in columns.items())
    ]
    return nw.from_native(frame.to_native().with_columns(new), eager_only=True)


def _hand_back(table: Table, out: nw.DataFrame[Any]) -> Any:
    if not table.lazy:
        return out.to_native()
    impl = nw.from_native(table.source).implementation
    if impl is nw.Implementation.POLARS:
        return out.lazy().to_native()
    if impl in _SPARK_LIKE:
        session = table.source.sparkSession
        return out.lazy(backend=impl, session=session).to_native()
    return out.lazy(backend=impl).to_native()


def _attach_pandas(table: Table, columns: Mapping[str, Column]) -> Any:
    import pandas as pd

    native = table.pandas
    backing = table.backing
    new: dict[str, Any] = {}
    for name, values in columns.items():
        if isinstance(values, Gather):
            source = native[values.source]
            idx = values.index
            found = idx >= 0
            picked = source.take(np.where(found, idx, 0))
            picked.index = native.index
            new[name] = picked.where(found)
            continue
        mask = None
        if isinstance(values, np.ma.MaskedArray):
            mask = np.ma.getmaskarray(values)
            values = np.ma.getdata(values)
        arr = np.asarray(values)
        kind = arr.dtype.kind
        dtype: Any
        if kind in _TEXT_KINDS:  # text, None missing: a string column
            text = {"pyarrow": "string[pyarrow]", "nullable": "string"}
            new[name] = pd.Series(
                arr, index=native.index, dtype=text.get(backing, "str")
            )
            continue
        if backing == "pyarrow":
            dtype = {"f": "double[pyarrow]", "b": "bool[pyarrow]"}.get(
                kind, "int64[pyarrow]"
            )
        elif backing == "nullable" or (mask is not None and kind != "f"):
            dtype = {"f": "Float64", "b": "boolean"}.get(kind, "Int64")
        else:
            dtype = {"f": np.float64, "b": np.bool_}.get(kind, np.int64)
        if kind == "f" and backing != "numpy":
            # NaN means missing in povstat's arrays: make it <NA>, not NaN.
            mask = np.isnan(arr) if mask is None else mask | np.isnan(arr)
        if mask is not None and mask.any():
            if kind == "f" and backing == "numpy":
                arr = np.where(mask, np.nan, arr)
                s = pd.Series(arr, index=native.index, dtype=dtype, copy=False)
            else:
                s = pd.Series(arr, index=native.index, copy=False).astype(dtype)
                s = s.mask(mask)
        elif dtype is np.float64 or dtype is np.int64 or dtype is np.bool_:
            s = pd.Series(arr, index=native.index, dtype=dtype, copy=False)
        else:
            s = pd.Series(arr, index=native.index, copy=False).astype(dtype)
        new[name] = s
    return native.assign(**new)


def show(x: object) -> str:
    """A value for an error message: plain numbers, ISO dates."""
    if isinstance(x, np.datetime64):
        if np.isnat(x):
            return "NaT"
        x = x.astype("datetime64[us]").item()
    elif isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, dt.datetime) and x.time() == dt.time(0):
        return x.date().isoformat()
    if isinstance(x, dt.date):
        return x.isoformat()
    if isinstance(x, bool):
        return repr(x)
    if isinstance(x, numbers.Integral):
        return repr(int(x))
    if isinstance(x, numbers.Real):
        return repr(float(x))
    return repr(x)
