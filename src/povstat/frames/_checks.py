"""Private checks of the dataframe adapters, with messages that name columns.

Two kinds:

* :func:`require` checks the frame's columns before anything is read: each
  named column is present (else ``ValueError`` listing the columns present),
  numeric where it must be (``TypeError``), and no output column exists yet
  (``ValueError``: povstat never overwrites a column).
* Value rules (:func:`rate`, :func:`nonnegative`, ...) check a column read by
  :func:`povstat.frames._plumbing.column` and raise ``ValueError`` naming
  the argument, the column, the rule and the first offending value in row
  order. The array functions check the same values again; to check only
  once, pass the rules to :func:`explained`, which runs them only when the
  array function has refused its input, to say which column was at fault.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import narwhals.stable.v2 as nw
import numpy as np
from numpy.typing import NDArray

from povstat import _validate
from povstat._validate import Unit
from povstat.frames._plumbing import Table, index_level_note, show

__all__ = [
    "explained",
    "finite",
    "nested_regions",
    "nonnegative",
    "not_above",
    "positive",
    "rate",
    "require",
    "squarable",
    "within",
]

T = TypeVar("T")
Rule = Callable[[], None]


def new_name(cols: Sequence[str], names: Sequence[str]) -> str:
    """The names of `cols` joined by '_', with '_' added until it is new.

    New whatever its case, on every engine: DuckDB and Spark (by default)
    match column names whatever their case, so ``kab_urban`` beside a
    column ``KAB_URBAN`` would be a second name for that column there.
    Read alike by every engine
    (:func:`povstat.frames.survey._refuse_engine_names`): a dot, a
    backtick, '*', '^' or '$' becomes '_' (R's ``kode.kab`` gives
    ``kode_kab_urban``), surrounding spaces are dropped.

    >>> new_name(["kode.kab", "urban"], ["KODE_KAB_URBAN"])
    'kode_kab_urban_'
    """
    taken = {str(n).casefold() for n in names}
    new = re.sub(r"[.`*^$]", "_", "_".join(c.strip() for c in cols))
    while new.casefold() in taken:
        new += "_"
    return new


def named_series(
    value: object, names: Sequence[object], frame: object
) -> tuple[str, str | None] | None:
    """The column of `frame` a Series is named after, and whether it holds it.

    For a Series (pandas, polars, any narwhals reads) or a frame of one
    column whose name is one of `names`: that name, and None when the
    column of that name holds its values row for row, else why it does not
    (:func:`povstat._validate.unlike_column`: they differ, or could not be
    compared, as on a lazy frame). None for anything else (an array, an
    expression, a name that is no column). A Series keeps its name through
    ``.replace``, ``// 100`` or ``* 100 + ...``: its name alone never says
    which column it holds, so it is advised only where it holds it.
    """
    if isinstance(value, np.ndarray) or getattr(value, "meta", None) is not None:
        return None
    one = nw.from_native(value, pass_through=True, allow_series=True)
    label: object
    if isinstance(one, nw.DataFrame):
        cols = list(one.columns)
        if len(cols) != 1:
            return None
        label = cols[0]
    elif isinstance(one, nw.Series):
        label = one.name
    else:
        return None
    if not isinstance(label, str) or label not in names:
        return None
    return label, _validate.unlike_column(value, frame, label)


def _new_series_name(value: object, names: Sequence[object]) -> str | None:
    """The name of a pandas or polars Series (or one-column frame) that is no column."""
    pd = sys.modules.get("pandas")
    pl = sys.modules.get("polars")
    label: object = None
    series = tuple(m.Series for m in (pd, pl) if m is not None)
    if isinstance(value, series):
        label = value.name
    elif (pd is not None and isinstance(value, pd.DataFrame)) or (
        pl is not None and isinstance(value, pl.DataFrame)
    ):
        cols = list(value.columns)
        label = cols[0] if len(cols) == 1 else None
    if not isinstance(label, str) or not label or label in names:
        return None
    return label


def _values_column_advice(
    arg: str,
    label: str,
    why: str,
    value: object,
    frame: object,
    names: Sequence[object],
) -> str:
    """Advice for a Series named after a column but not holding its values.

    To add them to `df` as a new column, with code that runs for what was
    passed (`value`: a pandas or polars Series, or a frame of one column)
    on the frame's engine. A pandas Series is added to a pandas frame by
    index label, which is right only where its labels are the frame's
    (:func:`povstat._validate.label_pairing`): otherwise the labels cannot
    tell which row each value belongs to, and both ways are shown.
    """
    new = new_name([label], [str(n) for n in names])
    wrapped = nw.from_native(frame, pass_through=True)
    impl = getattr(wrapped, "implementation", None)
    pd = sys.modules.get("pandas")
    pl = sys.modules.get("polars")
    one = value
    if pd is not None and isinstance(value, pd.DataFrame):
        one = value.iloc[:, 0]
        values = f"<the values>[{str(value.columns[0])!r}]"
    elif pl is not None and isinstance(value, pl.DataFrame):
        values = "<the values>.to_series()"
    else:
        values = "<the values>"
    tail = f"and name it: {arg}={new!r}"
    if impl is not None and impl.is_polars():
        if pd is not None and isinstance(one, pd.Series):
            series = f"pl.Series({new!r}, {values}.to_numpy())"  # by position
        else:
            series = f"{values}.alias({new!r})"
        code = f"df = df.with_columns({series})"
    elif impl in (
        nw.Implementation.PANDAS,
        nw.Implementation.MODIN,
        nw.Implementation.CUDF,
    ):
        index: Any = getattr(
            getattr(wrapped, "to_native", lambda: None)(), "index", None
        )
        labels: Any = getattr(one, "index", None)
        if index is not None and labels is not None:
            relation = _validate.label_pairing(labels, index)
            if relation not in ("equal", "reordered"):
                count, rows = len(labels), len(index)
                return _unpaired_advice(arg, label, values, count, rows, new)
        code = f"df = df.assign(**{{{new!r}: {values}}})"
    else:
        code = "a column computed by the engine from the columns they come from"
    if why == _validate.NOT_COMPARED:
        so = f"{why}, so its name does not say that it holds them"
    elif why:
        so = f"{why}, so naming that column would not give these values"
    else:  # a name that is no column of the frame
        so = "`df` has no column of that name"
    return (
        f"; it is named {label!r}, but {so}: add them to `df` as a new "
        f"column first ({code}) {tail}"
    )


def _unpaired_advice(
    arg: str, label: str, values: str, count: int, rows: int, new: str
) -> str:
    """Advice for a pandas Series whose index labels are not the frame's.

    The labels cannot say which row each value belongs to (a Series built
    from an array has the labels 0..n-1, whatever the frame's order):
    povstat does not guess, and gives both ways of adding it.
    """
    by_label = f"df = df.assign(**{{{new!r}: {values}}})"
    if count != rows:
        return (
            f"; it is named {label!r}, but it has {count} values for the "
            f"{rows} rows of `df`, and its index labels are not `df`'s: give "
            "one value per row of `df`, then add it as a new column (by "
            f"index label: {by_label}) and name it: {arg}={new!r}"
        )
    return (
        f"; it is named {label!r}, but its index labels are not those of "
        "`df` (pandas pairs a Series with a frame by label; a Series built "
        "from an array has the labels 0..n-1 whatever the order of `df`'s "
        "rows), so they do not say which row each value belongs to: if its "
        "values are in the order of `df`'s rows (computed from `df`'s "
        "columns as arrays, e.g. with np.where), add them by position "
        f"(df = df.assign(**{{{new!r}: {values}.set_axis(df.index)}})); if "
        "its labels are `df`'s row labels, by label "
        f"({by_label}); then name it: {arg}={new!r}"
    )


def not_a_column_name(
    arg: str,
    value: object,
    names: Sequence[object] = (),
    *,
    frame: object,
    arrays: str = "",
) -> str:
    """The message for a value passed where a column name is expected.

    Names the argument and the kind of value, shown short
    (:func:`povstat._validate.shown`: a whole Series or list is cut). A
    value that is one of the frame's non-string column names is told to
    rename the columns; data passed itself (a Series, a list, a number)
    is told to pass the column's name, and `arrays` names the array
    function that takes the data itself. A Series named after a column of
    `frame` (the caller's frame, `names` its columns) is told that name
    only when that column holds its values (:func:`named_series`); else
    to add its values as a new column and name that.
    """
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" or kind == "ndarray" else "a"
    msg = (
        f"`{arg}` must be a column name (a str); got {article} {kind}: "
        f"{_validate.shown(value)}"
    )
    scalar = isinstance(value, int | float | bytes | tuple | np.generic)
    try:
        named = scalar and any(n == value and not isinstance(n, str) for n in names)
    except (TypeError, ValueError):  # values that do not compare to names
        named = False
    if named:
        return (
            f"{msg}; give the frame string column names first (e.g. "
            "df.columns = df.columns.astype(str))"
        )
    where = f" ({arrays} takes the arrays themselves)" if arrays else ""
    held = named_series(value, names, frame)
    if held is None:
        label = _new_series_name(value, names)
        if label is not None:  # a Series named after no column: add it
            advice = _values_column_advice(arg, label, "", value, frame, names)
            return f"{msg}; pass the name of the column{where}{advice}"
        return f"{msg}; pass the name of the column{where}"
    label, why = held
    if why is None:
        return f"{msg}; pass the name of the column, e.g. {arg}={label!r}{where}"
    advice = _values_column_advice(arg, label, why, value, frame, names)
    return f"{msg}; pass the name of the column{where}{advice}"


def require(
    table: Table,
    /,
    *,
    outputs: Sequence[str] = (),
    keys: Sequence[str] = (),
    **columns: str,
) -> None:
    """Check the columns an adapter reads and the ones it will write.

    Parameters
    ----------
    table : Table
        From :func:`povstat.frames._plumbing.collect`.
    outputs : sequence of str
        Columns the adapter adds: none may exist already.
    keys : sequence of str
        Arguments (keys of `columns`) that name key columns, which need not
        be numeric (region labels, periods, group labels).
    **columns : str
        Argument name = column name, for every column read. Columns not
        listed in `keys` must be numeric.

    Raises
    ------
    TypeError
        If a column name is not a str, or a value column is not numeric.
    ValueError
        If a column is missing (listing the columns present) or an output
        column already exists (on DuckDB and Spark, which match names
        whatever their case, also one equal to it but for case:
        :meth:`povstat.frames._plumbing.Table.same_name`).
    """
    for arg, name in columns.items():
        if not isinstance(name, str):
            raise TypeError(
                not_a_column_name(arg, name, table.names, frame=table.source)
            )
        if name not in table.names:
            msg = (
                f"column {name!r} (argument `{arg}`) is not in the frame; "
                f"columns present: {table.names}" + index_level_note(table.pandas, name)
            )
            raise ValueError(msg)
    for arg, name in columns.items():
        if arg in keys:
            continue
        if not table.is_numeric(name):
            shown = table.dtype_text(name)
            text = any(t in shown.lower() for t in ("str", "utf8", "varchar"))
            why = f"; {_validate.text_columns_hint(name)}" if text else ""
            msg = (
                f"column {name!r} (argument `{arg}`) must be numeric, got {shown}{why}"
            )
            raise TypeError(msg)
    found = {name: table.same_name(name) for name in outputs}
    clash = [name for name, column in found.items() if column is not None]
    if clash:
        # DuckDB and Spark read "rank" as a column "Rank": name both.
        cased = [f"column {found[n]!r} is {n!r}" for n in clash if found[n] != n]
        why = f" ({', '.join(cased)} {table.case_note()})" if cased else ""
        msg = (
            f"output column(s) {clash} already exist in the frame{why}; povstat "
            "never overwrites a column: drop or rename them first"
        )
        raise ValueError(msg)


def explained(call: Callable[[], T], *rules: Rule) -> T:
    """Run `call`; if it raises ``ValueError``, let the first failing rule speak.

    The array function's own check then runs once on clean data, and a
    refusal is reported by column (the rules look for the offending row).
    If no rule fails, the array function's error is raised as it is.
    """
    try:
        return call()
    except ValueError:
        for rule in rules:
            rule()
        raise


#: How a rule names row `i` of the values it checks (its pandas index label
#: or position, and the region and period: :func:`povstat.frames._plumbing.row_keys`).
Place = Callable[[int], str]


def _found(values: NDArray[np.float64], i: int, place: Place | None) -> str:
    """The offending value `i`, and where it is when `place` is given."""
    at = f" at {place(i)}" if place is not None else ""
    return f"{show(values[i])}{at}"


def _fail(
    values: NDArray[np.float64],
    bad: NDArray[np.bool_],
    describe: Callable[[str], str],
    place: Place | None = None,
) -> None:
    n = int(np.count_nonzero(bad))
    if not n:
        return
    first = _found(values, int(np.flatnonzero(bad)[0]), place)
    more = f" ({n} offending values in all)" if n > 1 else ""
    raise ValueError(describe(first) + more)


def rate(
    values: NDArray[np.float64],
    arg: str,
    name: str,
    unit: Unit,
    place: Place | None = None,
) -> None:
    """Rates in `unit`: every non-missing value in [0, 100] or [0, 1]."""
    upper = _validate.SCALE[unit]
    with np.errstate(invalid="ignore"):
        bad = (values < 0) | (values > upper)
    if not bad.any():
        return
    hint = ""
    if unit == "fraction":
        top = np.fmax.reduce(values) if values.size else np.nan
        if top <= 100:
            hint = "; is it in percent? then pass unit='percent'"
    _fail(
        values,
        bad,
        lambda found: (
            f"`{arg}` column {name!r} must lie in [0, {upper:g}] for "
            f"unit={unit!r}, found {found}{hint}"
        ),
        place,
    )


def nonnegative(
    values: NDArray[np.float64], arg: str, name: str, place: Place | None = None
) -> None:
    """Every non-missing value finite and >= 0."""
    with np.errstate(invalid="ignore"):
        bad = (values < 0) | (values == np.inf)
    _fail(
        values,
        bad,
        lambda found: f"`{arg}` column {name!r} must be finite and >= 0, found {found}",
        place,
    )


def positive(
    values: NDArray[np.float64], arg: str, name: str, place: Place | None = None
) -> None:
    """Every non-missing value finite and > 0."""
    with np.errstate(invalid="ignore"):
        bad = (values <= 0) | (values == np.inf)
    _fail(
        values,
        bad,
        lambda found: f"`{arg}` column {name!r} must be finite and > 0, found {found}",
        place,
    )


def finite(
    values: NDArray[np.float64], arg: str, name: str, place: Place | None = None
) -> None:
    """No infinite value (NaN marks a missing one)."""
    _fail(
        values,
        np.isinf(values),
        lambda found: f"`{arg}` column {name!r} must be finite, found {found}",
        place,
    )


def squarable(
    values: NDArray[np.float64],
    arg: str,
    name: str,
    place: Callable[[int], str],
) -> None:
    """No standard error whose square (a variance) overflows float64.

    The rule of :func:`povstat._validate.squarable`, said of the caller's
    column and row: `place` names row `i` (its pandas index label or
    position, and the keys the caller gave).
    """
    limit = _validate.SQUARE_LIMIT
    with np.errstate(invalid="ignore"):
        bad = np.isfinite(values) & (np.abs(values) > limit)
    n = int(np.count_nonzero(bad))
    if not n:
        return
    i = int(np.flatnonzero(bad)[0])
    more = f" ({n} offending values in all)" if n > 1 else ""
    msg = (
        f"`{arg}` column {name!r} must be at most {limit:.4g} (its square, a "
        f"variance, must fit float64), found {show(values[i])} at {place(i)}"
        f"{more}; rescale the figures (e.g. to thousands)"
    )
    raise ValueError(msg)


def within(
    values: NDArray[np.float64],
    arg: str,
    name: str,
    lower: float,
    upper: float,
    place: Place | None = None,
) -> None:
    """Every non-missing value in [lower, upper]."""
    with np.errstate(invalid="ignore"):
        bad = (values < lower) | (values > upper)
    _fail(
        values,
        bad,
        lambda found: (
            f"`{arg}` column {name!r} must lie in [{lower:g}, {upper:g}], found {found}"
        ),
        place,
    )


def not_above(
    low: NDArray[np.float64],
    high: NDArray[np.float64],
    *,
    slack: float,
    describe: Callable[[str, str], str],
    place: Place | None = None,
) -> None:
    """``low <= high * (1 + slack)`` row by row; `describe` gets both values.

    The second value is followed by where the row is, when `place` is given.
    """
    with np.errstate(invalid="ignore"):
        bad = low > high * (1.0 + slack)
    n = int(np.count_nonzero(bad))
    if not n:
        return
    i = int(np.flatnonzero(bad)[0])
    more = f" ({n} offending values in all)" if n > 1 else ""
    raise ValueError(describe(show(low[i]), _found(high, i, place)) + more)


#: A BPS / Kemendagri area code written with dots: a regency or city
#: ``"35.73"``; a district (kecamatan) in Kemendagri's form ``"35.73.01"``
#: or BPS's ``"35.73.010"`` (the Master File Desa's 3-digit district); a
#: village ``"35.73.01.1001"`` (Kemendagri) or ``"35.73.010.001"`` (BPS).
_DOTTED = re.compile(
    r"[0-9]{2}\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?|\.[0-9]{3}(?:\.[0-9]{3})?)?"
)
#: Digits, perhaps written as a float (``"3573.0"``, a column read with a blank).
_DIGITS = re.compile(r"([0-9]+)(?:\.0*)?")
#: Keys (:func:`_name_key`) of the whole country's labels: every writing
#: :data:`povstat._regions.NATIONAL_NAMES` reads, as read_bps_table reads
#: its row ("Indonesia", "Nasional", "Total Indonesia"; the code is all
#: zeros: ``"0"``, ``"00"``, ``"0000"``).
_NATIONAL = ("indonesia",)
#: Lengths of the codes of areas inside a regency or city: districts
#: (kecamatan: Kemendagri 6 digits, BPS 7) and villages (desa: 10).
_INNER_LENGTHS = (6, 7, 10)
#: Parts of a nested group shown in a message.
_SHOW_PARTS = 3


def _digits(label: object) -> str | None:
    """A label's digits when it may be an area code, else None.

    Integers and integral floats give their digits (a code read from a CSV
    file as a number: 35, 3573.0; "00" read as 0); text is stripped, its
    dots removed from the dotted form ``"35.73"`` and a float's ``".0"``
    from ``"3573.0"``.
    """
    if isinstance(label, bool | np.bool_):
        return None
    if isinstance(label, numbers.Integral):
        return str(int(label)) if int(label) >= 0 else None
    if isinstance(label, numbers.Real | Decimal):
        value = float(label)
        if math.isfinite(value) and value.is_integer() and value >= 0:
            return str(int(value))
        return None
    if isinstance(label, str):
        text = label.strip()
        if _DOTTED.fullmatch(text):
            return text.replace(".", "")
        found = _DIGITS.fullmatch(text)
        return found.group(1) if found else None
    return None


def _code(digits: str, known: frozenset[str], *, loose: bool) -> str | None:
    """The area `digits` stand for, as a code of its own length ("" the country).

    A province ``"35"``, a regency or city ``"3573"``, or a district or
    village inside a regency of the list (``"3573010"``). Padded forms are
    read as the area they pad: ``"3500"`` is the province 35, ``"3573000"``
    the regency 3573, all zeros the country. Codes not in povstat's list
    are read only when `loose` (2 or 4 digits written as text, the form of
    an area code) and never for a number. None: not an area code.
    """
    if not digits.strip("0") and len(digits) in (1, 2, 4):
        return ""
    n = len(digits)
    if n == 4 and digits.endswith("00") and digits[:2] in known:
        return digits[:2]
    if n in (2, 4):
        return digits if loose or digits in known else None
    if n in _INNER_LENGTHS and digits[:4] in known:
        return digits if digits[4:].strip("0") else digits[:4]
    return None


def _area_codes(
    labels: NDArray[Any], column: NDArray[Any] | None = None
) -> list[str | None] | None:
    """Each label's area code ("" the country), or None if the labels tell no nesting.

    Only where every label is read as an area code (:func:`_digits` and
    :func:`_code`: a code of povstat's list of regions, a padded form of
    one, a district's or village's code inside a regency of the list, or 2
    or 4 digits written as text) or names the country (:data:`_NATIONAL`),
    or, where the labels are all text, by name: each label that is a
    region's name as povstat's list writes it, in any case (the
    ``region_name`` of :func:`povstat.datasets.load_indonesia`: ``"Jawa
    Timur"``, ``"KOTA MALANG"``), perhaps with BPS's prefixes
    ``"Provinsi"`` and ``"Kab."``, a footnote mark ``"*"``
    (:func:`_name_key`) or a list number or area code before it (``"1.
    Kota Batu"``, ``"35 Jawa Timur"``: :func:`_name_keys`, reading the
    column as read_bps_table does), or names the country, gets its code, and any
    other text (an appended ``"Malang Raya"``, a misspelling) gets None
    and is not checked: a name of the list is distinctive, so the
    recognised names are checked among themselves whatever else the
    column holds. Codes are all or nothing: integers that are not all
    codes of the list (identifiers 1, 2, 3, ...) tell no nesting, nor does
    a code column with one label that is no code. Missing labels (None,
    NaN) give None and are passed over. Floats holding Kemendagri's dotted
    codes (35.0, 35.01, 35.79, as a CSV file of "35", "35.01", "35.79" is
    read with pandas' defaults) are read as those codes
    (:func:`povstat._regions.dotted_floats`).

    `column`: the whole column the labels are taken from (the rows of the
    groups asked for are some of its rows). Names are read over it: a
    list's numbering ("I. Jawa Timur", "II. Jawa Tengah") is the column's,
    whichever rows are checked.
    """
    values = labels.tolist()  # one list: a NaN is found again by identity
    distinct = set(values)  # the distinct labels, a few hundred
    from povstat import _regions  # the list is read only when codes are checked

    dotted = _regions.dotted_floats(
        {x for x in distinct if not _missing(x)}, single=labels.dtype == np.float32
    )
    if dotted is not None:
        return [None if _missing(x) else dotted[x] for x in values]
    known = _known_codes()
    code: dict[Any, str | None] = {}
    for label in distinct:
        if _missing(label):
            code[label] = None
        elif isinstance(label, str) and _name_key(label) in _NATIONAL:
            code[label] = ""
        else:
            digits = _digits(label)
            loose = isinstance(label, str) and bool(_DOTTED.fullmatch(label.strip()))
            loose = loose or (isinstance(label, str) and label.strip().isdigit())
            found = None if digits is None else _code(digits, known, loose=loose)
            if found is None:
                break
            code[label] = found
    else:
        return [code[x] for x in values]
    names = _region_names()
    if not all(isinstance(x, str) for x in distinct if not _missing(x)):
        return None
    read = distinct if column is None else [*column.tolist(), *distinct]
    keys = _name_keys(x for x in read if isinstance(x, str))
    for label in distinct:
        if _missing(label):
            code[label] = None
        elif keys[label] in _NATIONAL:
            code[label] = ""
        elif keys[label] in names:
            code[label] = names[keys[label]]
        else:  # not a name of the list: not checked
            code[label] = None
    if all(c is None for c in code.values()):
        return None
    return [code[x] for x in values]


def _name_key(label: str, code: str | None = None) -> str:
    """A region's name as compared with povstat's list (:func:`_region_names`).

    :func:`povstat._regions.name_key`, the one reading of a name, which the
    pairing advice (:func:`povstat._validate._names_spelt_otherwise`) shares.
    """
    from povstat import _regions  # the list is read only when names are checked

    return _regions.name_key(label, code)


def _name_keys(labels: Iterable[str]) -> dict[str, str]:
    """The key (:func:`_name_key`) of each text label of one column.

    A number before a name ("35 Jawa Timur", "[3578] KOTA SURABAYA", "1.
    Kota Batu") is read as :func:`povstat.read_bps_table` reads it, over
    the whole column (:func:`povstat.tables.leading_numbers`): an area
    code, checked against the name, or a list number, set aside; so is an
    area code after the name ("Kota Surabaya (3578)", "Kota Surabaya \u2013
    3578", "Kota Surabaya (Kode 3578)": :func:`povstat.tables.trailing_codes`),
    and a province's code after a dash or minus sign or in brackets after
    "Kode" ("Jawa Timur \u2013 35", "Jawa Timur (Kode 35)"). A kind in
    brackets after the name ("Jawa Timur (Provinsi)") is read as one
    before it (:func:`_kind_first`).

    A bare name of both a province and a regency ("Gorontalo": the
    province and Kabupaten Gorontalo, as BPS's regency tables write it) is
    read from the column (:func:`_namesakes`).
    """
    from povstat.tables import leading_numbers, trailing_codes, without_footnote_mark

    distinct = list(dict.fromkeys(labels))
    if not distinct:
        return {}
    lead = leading_numbers(distinct)
    names = [str(n) for n in lead["name"]]
    codes = [None if c is None else str(c) for c in lead["code"]]
    # A code after the name ("Kota Surabaya (3578)", "Jawa Timur \u2013 35",
    # "Jawa Timur (Kode 35)") is read as read_bps_table reads it, and
    # checked against the name as a code before it is.
    trail = trailing_codes([without_footnote_mark(" ".join(n.split())) for n in names])
    for i, (code, rest) in enumerate(zip(trail["code"], trail["rest"], strict=True)):
        if codes[i] is None and isinstance(code, str):
            names[i], codes[i] = str(rest), code
    names = [_kind_first(n) for n in names]
    keys = {
        label: _name_key(name, code)
        for label, name, code in zip(distinct, names, codes, strict=True)
    }
    uncoded = {
        label: name
        for label, name, code in zip(distinct, names, codes, strict=True)
        if code is None
    }
    return _namesakes(keys, uncoded)


#: A region's kind in brackets after its name: "Jawa Timur (Provinsi)",
#: "Malang (Kab.)", "Batu [Kota]".
_KIND_AFTER = re.compile(
    r"(?P<name>\S.*?)\s*[\[(]\s*(?P<kind>provinsi|propinsi|prov\.?|kabupaten|kab\.?"
    r"|kotamadya|kota)\s*[\])]",
    re.IGNORECASE,
)


def _kind_first(name: str) -> str:
    """`name` with a kind written after it in brackets put before it.

    "Jawa Timur (Provinsi)" is read as "Provinsi Jawa Timur", "Malang
    (Kab.)" as "Kab. Malang"; other names are kept as written.
    """
    from povstat import _regions
    from povstat.tables import without_footnote_mark

    m = _KIND_AFTER.fullmatch(without_footnote_mark(" ".join(name.split())))
    if m is None:
        return name
    return f"{_regions.PREFIX_KIND[m['kind'].rstrip('.').lower()]} {m['name']}"


def _namesakes(keys: dict[str, str], names: dict[str, str]) -> dict[str, str]:
    """`keys` with each bare name of a province and a regency read from its column.

    `names`: the name of each label with no area code before or after it
    (a label with one is read by its code, or left unread where the code
    and the name disagree).

    A bare name that is a province's and a regency's ("Gorontalo": the
    province 75, and Kabupaten Gorontalo 7501 as BPS's regency tables write
    it, bare) is read as :func:`povstat.read_bps_table` reads it where the
    column tells: the province where its province code follows it
    ("Gorontalo (75)"), where it is written in capitals beside the same
    name in other letters ("GORONTALO" above "Gorontalo", as BPS writes a
    province's row: "Gorontalo" is then the regency), where the column
    writes the regency otherwise ("Kabupaten Gorontalo", "Kab.
    Gorontalo", "7501 Gorontalo"), or where it writes its regencies with
    their kind ("Kabupaten Boalemo", "Kab. Pohuwato") and none bare, or
    holds provinces and no regency or city; otherwise it is read as the
    regency (a "Kota" name tells nothing: BPS writes cities so too). Read
    so, it is refused only beside an area that would hold it or repeat it
    as the province too (the country, the province, a district of the
    regency), so a column of the regencies written bare ("Boalemo",
    "Gorontalo", "Kota Gorontalo") is accepted and the country beside
    "Gorontalo" refused, whichever it is.
    """
    from povstat import _regions
    from povstat.tables import trailing_codes, without_footnote_mark

    regions = _region_names()
    ambiguous: dict[str, tuple[str, tuple[str, ...]]] = {}
    for label, key in keys.items():
        if key in regions or label not in names:
            continue
        text = without_footnote_mark(" ".join(names[label].split()))
        kind, name = _regions.written_kind(text)
        if kind is not None:
            continue
        found = _regions.candidates(kind, name)
        provinces = [c for c in found if len(c) == 2]
        regencies = tuple(c for c in found if len(c) == 4)
        if len(provinces) == 1 and regencies:
            ambiguous[label] = (provinces[0], regencies)
    if not ambiguous:
        return keys
    read = [
        regions[k]
        for label, k in keys.items()
        if label not in ambiguous and k in regions
    ]
    prefixed = []  # regencies written with their kind
    bare_regency = False  # a regency written bare, as BPS's tables write them
    for label, key in keys.items():
        if label in ambiguous or label not in names:
            continue
        text = without_footnote_mark(" ".join(names[label].split()))
        kind, name = _regions.written_kind(text)
        if kind is not None:
            if kind == "kabupaten" and key in regions:
                prefixed.append(regions[key])
        elif key not in regions:
            found = _regions.candidates(kind, name)
            bare_regency = bare_regency or (
                bool(found) and all(len(c) == 4 for c in found)
            )
    only_provinces = bool(read) and all(len(c) == 2 for c in read)
    out = dict(keys)
    for label, (province, regencies) in ambiguous.items():
        written_apart = any(c in regencies for c in read)
        shouted = label.isupper() and any(
            not other.isupper() and ambiguous[other][0] == province
            for other in ambiguous
        )
        under = not label.isupper() and any(
            other.isupper() and ambiguous[other][0] == province for other in ambiguous
        )
        # The province's code after the name ("Gorontalo (75)", "Gorontalo
        # \u2013 75"; never after a space alone), read with its brackets.
        coded = trailing_codes([" ".join(label.split())])["code"].iloc[0]
        is_province = coded == province or (
            not under
            and (
                shouted
                or written_apart
                or (not bare_regency and (bool(prefixed) or only_provinces))
            )
        )
        if is_province:
            out[label] = _regions.NAMED + province
        elif len(regencies) == 1:
            out[label] = _regions.NAMED + regencies[0]
    return out


def _missing(label: object) -> bool:
    """None or a float NaN (a missing label, checked elsewhere)."""
    return label is None or (isinstance(label, float) and math.isnan(label))


@functools.cache
def _known_codes() -> frozenset[str]:
    """The codes of povstat's list of regions (38 provinces, 514 regencies)."""
    from povstat import _regions  # the list is read only when codes are checked

    return _regions.known_codes()


@functools.cache
def _region_names() -> dict[str, str]:
    """Key (:func:`_name_key`) -> code of every region of povstat's list."""
    from povstat import _regions

    return {_regions.NAMED + code: code for code in _known_codes()}


def _areas(labels: Sequence[object]) -> list[tuple[str, str] | None]:
    """("name" or "code", the area's code) of each label of one column, or None.

    As the nesting check reads them: names (:func:`_name_keys`, read over
    the column), else area codes.
    """
    keys = _name_keys(x for x in labels if isinstance(x, str))
    return [_area_of(x, keys.get(x) if isinstance(x, str) else None) for x in labels]


def _area_of(label: object, key: str | None = None) -> tuple[str, str] | None:
    """("name" or "code", the area's code) of a label, as the nesting check reads it.

    `key`: the label's name key, as read in its column (:func:`_name_keys`).
    """
    if isinstance(label, str):
        names = _region_names()
        key = _name_key(label) if key is None else key
        if key in names:
            return "name", names[key]
    digits = _digits(label)
    if digits is None:
        return None
    text = label.strip() if isinstance(label, str) else ""
    loose = bool(_DOTTED.fullmatch(text)) or text.isdigit()
    code = _code(digits, _known_codes(), loose=loose)
    return None if not code else ("code", code)


def written_as(missing: Sequence[object], column: Sequence[object]) -> str:
    """How labels not found in a region column are written there, if they are.

    Each label of `missing` read as an area (a code in another form:
    ``"35.73"`` for ``"3573"``; a name in another case or spelling) that a
    label of `column` is read as too is named with that label; a name given
    for a column of codes (or a code for one of names) is said so. "" when
    none is.
    """
    found: dict[str, tuple[str, object]] = {}
    values = list(dict.fromkeys(column))  # distinct labels, in order
    for value, area in zip(values, _areas(values), strict=True):
        if area is not None:
            found.setdefault(area[1], (area[0], value))
    hints = []
    other: set[tuple[str, str]] = set()  # (kind given, kind of the column)
    for label, area in zip(missing, _areas(list(missing)), strict=True):
        hit = None if area is None else found.get(area[1])
        if area is None or hit is None:
            continue
        hints.append(f"{show(label)} is written {show(hit[1])} in the column")
        if hit[0] != area[0]:
            other.add((area[0], hit[0]))
    for given, held in sorted(other):
        hints.append(
            f"{given}s were given for a column of {held}s: give the labels as "
            f"the column writes them, or name a column of {given}s with "
            "`region`"
        )
    hints += _prefixed_in(missing, values)
    return "; ".join(hints)


def _prefixed_in(missing: Sequence[object], values: list[object]) -> list[str]:
    """Hints for bare names that the column writes with a kind's prefix.

    A bare "Malang" is read as no region (it may be Kabupaten or Kota
    Malang), so it is matched against the column's labels with their
    prefix ("Kabupaten", "Kab.", "Kota", ...) set aside: "'Malang' may be
    'Kabupaten Malang' or 'Kota Malang'", "'Batu' may be 'Kota Batu'".
    """
    from povstat import _regions

    by_name: dict[str, list[object]] = {}
    for value in values:
        if isinstance(value, str):
            prefixed = _regions.PREFIX.fullmatch(" ".join(value.split()))
            if prefixed is not None:
                by_name.setdefault(_regions.key(prefixed["name"]), []).append(value)
    hints = []
    for label in missing:
        if not isinstance(label, str) or _regions.PREFIX.fullmatch(label.strip()):
            continue
        held = by_name.get(_regions.key(label), [])
        if held:
            either = " or ".join(show(v) for v in held)
            hints.append(
                f"{show(label)} may be {either} in the column: a name without "
                "'Kabupaten' or 'Kota' is read as no regency or city"
            )
    return hints


def _holders(code: str) -> list[str]:
    """The codes of the areas holding `code`: the country, province, regency, ..."""
    if code == "":
        return []
    return ["", *(code[:n] for n in (2, 4, 6, 7) if n < len(code))]


def nested_regions(
    regions: NDArray[Any],
    groups: NDArray[np.int64] | None,
    *,
    region: str,
    group_name: Callable[[int], str],
    effect: str,
    twice: str,
    column: NDArray[Any] | None = None,
) -> None:
    """Refuse a group that holds a region with regions inside it, or twice.

    Where the region labels are area codes (all of them) or, among text
    labels, names of povstat's list (those that are; other text is not
    checked) (:func:`_area_codes`: text, integers or integral floats), an
    area holds
    the areas whose codes begin with its code (the province ``"35"`` its
    regencies and cities ``"35xx"``, the regency ``"3573"`` its districts
    ``"3573xxx"``) and the country (all zeros, ``"Indonesia"`` or
    ``"Nasional"``) holds every region: a group with both an aggregate and
    one of its parts would count the parts twice (a sum) or rank the
    aggregate among its parts. `groups` gives each row's group code (None:
    one group); `group_name` shows the group of row `i`, and `effect` says
    what would go wrong. The group of lowest code, its aggregate of lowest
    code and the first of its parts in code order are named, whatever the
    row order.

    Two labels read as one area (``"35"`` and ``"3500"``, ``"Jawa Timur"``
    and ``"JAWA TIMUR"``, ``"0"`` and ``"Indonesia"``) in one group are
    refused too, naming both: the area would be counted twice, which
    `twice` says.

    `column`: the whole region column `regions` are taken from, where they
    are the rows of some groups only: names are read over it (a list's
    numbering is the column's, whichever groups are asked for).
    """
    if regions.size == 0:
        return
    codes = _area_codes(regions, column)
    if codes is None:
        return
    g = np.zeros(regions.size, np.int64) if groups is None else groups
    rows: dict[tuple[int, str], int] = {}  # (group, code) -> a row of it
    for i, (k, code) in enumerate(zip(g.tolist(), codes, strict=True)):
        if code is not None:
            rows.setdefault((k, code), i)
    nested: list[tuple[int, str, str, int, int]] = []
    for (k, code), i in rows.items():
        for up in _holders(code):
            if (k, up) in rows:
                nested.append((k, up, code, rows[(k, up)], i))
    if not nested:
        _same_area_twice(
            regions,
            codes,
            g,
            region=region,
            group_name=group_name,
            twice=twice,
        )
        return
    k, top, _, agg, _ = min(nested, key=lambda t: (t[0], t[1], t[2]))
    parts = sorted((c, i) for kk, t, c, _, i in nested if kk == k and t == top)
    shown = ", ".join(show(regions[i]) for _, i in parts[:_SHOW_PARTS])
    more = f" and {len(parts) - _SHOW_PARTS} more" if len(parts) > _SHOW_PARTS else ""
    label = regions[agg]
    msg = (
        f"{group_name(agg)} holds region {show(label)} together with "
        f"regions nested in it ({shown}{more}) in the `region` column "
        f"{region!r}: {_why(label, top, [c for c, _ in parts])}, so {effect}; "
        "keep one level first, e.g. the regencies and cities alone "
        "(region_type 'kabupaten' or 'kota' in povstat.datasets.load_indonesia()) "
        "or the provinces alone"
    )
    raise ValueError(msg)


def _same_area_twice(
    regions: NDArray[Any],
    codes: list[str | None],
    groups: NDArray[np.int64],
    *,
    region: str,
    group_name: Callable[[int], str],
    twice: str,
) -> None:
    """Refuse two labels read as one area in one group (see :func:`nested_regions`)."""
    values = regions.tolist()
    first: dict[tuple[int, str], int] = {}  # (group, code) -> its first row
    found: list[tuple[int, str, int, int]] = []
    for i, (k, code) in enumerate(zip(groups.tolist(), codes, strict=True)):
        if code is None:
            continue
        j = first.setdefault((k, code), i)
        if j != i and not _same_label(values[j], values[i]):
            found.append((k, code, j, i))
    if not found:
        return
    _, code, j, i = min(found)
    a, b = regions[j], regions[i]
    msg = (
        f"{group_name(j)} holds one region written two ways, {show(a)} and "
        f"{show(b)}, in the `region` column {region!r}: "
        f"{_one_area(a, b, code)}, so {twice}; write each region one way "
        "(e.g. povstat's codes, the region_code of "
        "povstat.datasets.load_indonesia(): '35' for a province, '3573' for "
        "a regency or city)"
    )
    raise ValueError(msg)


def _same_label(a: object, b: object) -> bool:
    """Whether two labels of a column are one label (35 and 35.0 are)."""
    if isinstance(a, str) != isinstance(b, str):
        return False
    try:
        return bool(a == b)
    except (TypeError, ValueError):  # pragma: no cover - labels that do not compare
        return False


def _one_area(a: object, b: object, code: str) -> str:
    """Why the labels `a` and `b` are read as the one area of code `code`."""
    if code == "":
        return (
            "both are the country's row (the code all zeros, 'Indonesia' or 'Nasional')"
        )
    # Labels read as areas by name are those no code (the check reads a
    # column by codes, all of them, or else by names).
    if all(isinstance(x, str) and _digits(x) is None for x in (a, b)):
        return (
            f"both name the region of code {code!r} in povstat's list of regions "
            "(case, spaces, marks and BPS's prefixes and abbreviations are not "
            "part of a name)"
        )
    padded = [
        f"{show(x)} is the code {code!r} padded with zeros"
        for x in (a, b)
        if (d := _digits(x)) is not None and len(d) > len(code)
    ]
    return f"both are read as the area code {code!r}" + (
        f" ({'; '.join(padded)})" if padded else ""
    )


def _why(label: object, top: str, parts: list[str]) -> str:
    """Why the area `label` (code `top`) holds the areas of codes `parts`."""
    by_name = isinstance(label, str) and _digits(label) is None
    if top == "":
        why = "the country holds every region"
    elif by_name:
        return (
            "a province holds its regencies and cities (povstat's list of "
            "regions, povstat.datasets.indonesia_regions())"
        )
    elif len(top) == 2 and all(len(c) == 4 for c in parts):
        why = (
            "a province's 2-digit code begins the 4-digit codes of its "
            "regencies and cities"
        )
    elif len(top) == 2:
        why = "a province's 2-digit code begins the codes of the areas inside it"
    elif len(top) == 4:
        why = (
            "a regency's or city's 4-digit code begins the codes of its "
            "districts (kecamatan) and villages"
        )
    else:
        why = "a district's code begins the codes of its villages"
    digits = _digits(label)
    if top and digits is not None and len(digits) > len(top):
        why += f" ({show(label)} is the code {top!r} padded with zeros)"
    if not isinstance(label, str):
        why += (
            " (the labels, numbers, are read as area codes: each is a code in "
            "povstat's list of regions, povstat.datasets.indonesia_regions(), "
            "or of an area inside one)"
        )
    return why
