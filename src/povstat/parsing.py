"""Numbers written as text, in Indonesian or English format, read exactly.

BPS tables and press releases write numbers the Indonesian way: a decimal
comma and dots between groups of three digits ("4,26 persen", "Rp 674.660",
"37,78 ribu jiwa"); English sources do the opposite ("4.26", "187,000"). Read
in the wrong convention, "4,26" becomes 426 and "187.000" becomes 187: errors
of a factor of 100 or 1000 that raise nothing. Here the convention is a
required argument, ``locale="id"`` or ``locale="en"``, never guessed from the
text, and the grammar is strict, so that text that is not a number *in the
stated convention* is an error rather than a wrong number:

* under ``"id"``, a dot must separate groups of exactly three digits, so
  ``"4.26"`` is an error (in English it would be 4.26; in Indonesian it is
  not a number), and ``"187.000"`` is 187000;
* under ``"en"``, a comma must separate groups of three digits, so ``"4,26"``
  is an error and ``"187,000"`` is 187000;
* spaces inside a number (``"301 , 85"``), a leading zero before a group
  separator (``"0.500"`` under ``"id"``) or a separator without digits on both
  sides are errors in both conventions.

Every cell that fails is reported, with its row and column, in one error
(:class:`NumberParseError`), or returned as a report on request; no cell is
turned into NaN silently.
"""

from __future__ import annotations

import datetime
import decimal
import math
import numbers
import re
import uuid
import warnings
from collections.abc import (
    Hashable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sequence,
    Set,
    ValuesView,
)
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd
from attrs import field, frozen
from numpy.typing import ArrayLike, NDArray

from povstat import _validate
from povstat._results import Result, array_eq, readonly, readonly_float
from povstat.units import round_half_up

__all__ = [
    "InvalidCell",
    "Locale",
    "NumberParseError",
    "ParsedNumbers",
    "format_number",
    "parse_columns",
    "parse_numbers",
]

#: Number format: ``"id"`` (Indonesian: decimal comma, dots between groups of
#: three digits, "1.234,5") or ``"en"`` (English: "1,234.5"). Always stated.
Locale = Literal["id", "en"]
_LOCALES: tuple[str, ...] = ("id", "en")
#: Each locale's marks, (thousands, decimal): the one statement of them.
_LOCALE_MARKS: dict[str, tuple[str, str]] = {"id": (".", ","), "en": (",", ".")}
_ERRORS: tuple[str, ...] = ("raise", "report")

#: Cell texts read as a missing value unless the caller says otherwise: empty,
#: BPS's "-" (nil, *nihil*; some web tables also use it for no data) and
#: "..." / "…" (data not available).
_DEFAULT_MISSING: tuple[str, ...] = ("", "-", "…", "...")

#: Number of bad cells spelled out in an error message; all are kept in
#: ``NumberParseError.cells``.
_MESSAGE_CELLS = 20
#: Longest cell text spelled out in full in an error message.
_MESSAGE_TEXT = 80

_UNITS: dict[str, str] = {
    "%": "percent",
    "persen": "percent",
    "percent": "percent",
    "per cent": "percent",
    "persen poin": "points",
    "poin persen": "points",
    # "%" for "persen" in the same words: "% poin", "%poin", "%-poin".
    "% poin": "points",
    "%poin": "points",
    "%-poin": "points",
    "poin %": "points",
    "poin": "points",
    "pp": "points",
    "percentage point": "points",
    "percentage points": "points",
    "rupiah": "rupiah",
    # BPS's English tables: "Poverty Line (Rupiahs/Capita/Month)".
    "rupiahs": "rupiah",
    "jiwa": "persons",
    "orang": "persons",
    "persons": "persons",
    "people": "persons",
    # Households, counted as persons are: "rumah tangga", "ruta" (its
    # abbreviation; also written as one word, "rumahtangga").
    "rumah tangga": "households",
    "rumahtangga": "households",
    "ruta": "households",
    "households": "households",
    "household": "households",
    # Families, counted by their heads: "KK" (kepala keluarga, head of a
    # family, the unit of the Kartu Keluarga), or named so: "keluarga"
    # (family). A household may hold several families, so a count in KK is
    # no count of households.
    "kk": "families",
    "kepala keluarga": "families",
    "keluarga": "families",
    "families": "families",
    "family": "families",
}
#: Units counting things: a number stating one ("8.160 jiwa") is in ones,
#: which fixes its scale as a multiplier word does.
_COUNT_UNITS = ("persons", "households", "families", "rupiah")
_MULTIPLIERS: dict[str, int] = {
    "ribu": 3,
    "juta": 6,
    "miliar": 9,
    "milyar": 9,
    "triliun": 12,
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "trillion": 12,
}


def _alternation(words: Sequence[str]) -> str:
    """Regex alternation of `words`, longest first, inner spaces as any spaces."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split(" "))) for w in ordered)


# Words are matched on ASCII letters only (re.ASCII): with re.IGNORECASE alone,
# the long s (U+017F) would match "s", the Kelvin sign (U+212A) "k" and the
# dotted capital I (U+0130) "i", so "persen" with a long s would pass.
_WORD_FLAGS = re.IGNORECASE | re.ASCII
_WORD_END = r"(?![a-z])"
_UNIT_RE = rf"(?:{_alternation(list(_UNITS))}){_WORD_END}"
_MULT_RE = rf"(?:{_alternation(list(_MULTIPLIERS))}){_WORD_END}"


#: The currency written before an amount: "Rp", "Rp.", "IDR", "IDR.".
_CURRENCY = r"(?:rp|idr)\.?"


def _cell_pattern(group: str, decimal: str) -> re.Pattern[str]:
    g, d = re.escape(group), re.escape(decimal)
    number = (
        rf"(?P<int>0|[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}})+|[1-9][0-9]*)"
        rf"(?:{d}(?P<frac>[0-9]+)|(?P<nocents>{d}-))?"
    )
    return re.compile(
        # "-Rp1.200", "-Rp 1.200": a negative amount as Excel's Indonesian
        # Currency and Accounting formats show it, the minus before the
        # currency (no space between them).
        rf"(?:(?P<presign>[-\u2212])(?={_CURRENCY}))?"
        rf"(?:(?P<cur>{_CURRENCY})\s*)?"
        rf"(?P<sign>[-+\u2212])?"
        rf"{number}"
        rf"(?:\s*(?P<mult>{_MULT_RE}))?"
        rf"(?P<units>(?:\s*{_UNIT_RE})*)",
        _WORD_FLAGS,
    )


_PATTERNS: dict[str, re.Pattern[str]] = {
    "id": _cell_pattern(group=".", decimal=","),
    "en": _cell_pattern(group=",", decimal="."),
}
_UNIT_TOKEN = re.compile(_UNIT_RE, _WORD_FLAGS)
#: The zero of a rupiah Accounting format as shown: the currency and a dash.
_ACCOUNTING_ZERO = re.compile(rf"{_CURRENCY} ?-", _WORD_FLAGS)
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_DESCRIBE = {
    "id": "decimal comma, dots between groups of three digits",
    "en": "decimal point, commas between groups of three digits",
}

#: Range of the values read (see the Notes of parse_numbers).
_FLOAT_MAX = float(np.finfo(np.float64).max)
_FLOAT_TINY = float(np.finfo(np.float64).smallest_normal)
_OVERFLOW = f"overflow: larger in magnitude than {_FLOAT_MAX!r}, the largest float64"
_UNDERFLOW = (
    f"underflow: not 0 but smaller in magnitude than {_FLOAT_TINY!r}, the "
    "smallest normal float64 (it would read as 0 or lose digits)"
)
_INFINITE = "not finite: infinite"
#: The one rule for numbers float64 cannot hold (see the Notes of parse_numbers).
_HELD_RULE = (
    "an integer must equal its nearest float64, a decimal must equal it or "
    "be its shortest decimal"
)


def _inexact(nearest: float) -> str:
    """The reason for a number float64 cannot hold exactly."""
    return (
        "float64 (povstat's arithmetic) cannot hold it exactly (its nearest "
        f"float64 is {nearest!r}; {_HELD_RULE}): {_validate.inexact_advice()}"
    )


_SNAN = "not finite: a signalling NaN"


@frozen(kw_only=True)
class InvalidCell(Result):
    """A cell whose text is not a number in the stated format.

    Attributes
    ----------
    row : hashable
        Row label: the index label for a Series or DataFrame, the position
        (an int, or a tuple for n-d input) for an array, the row number in
        the file for a table read from a file.
    column : hashable or None
        Column label; the Series name; None for an array.
    text : str
        The cell as found; when it is not text, the ``repr`` of it as a
        plain Python value (``'nan'``, not ``'np.float64(nan)'``).
    reason : str
        Why it was rejected.

    Examples
    --------
    >>> from povstat import parse_numbers
    >>> p = parse_numbers(["4,26", "4.26"], locale="id", errors="report")
    >>> cell = p.invalid[0]
    >>> cell.row, cell.text
    (1, '4.26')
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "row": "row",
        "column": "column",
        "text": "text",
        "reason": "reason",
    }
    _hashable: ClassVar[bool] = True  # no arrays: a cell can go in a set

    row: Any
    column: Any
    text: str
    reason: str


class NumberParseError(ValueError):
    """Some cells are not valid numbers in the stated format.

    The message lists the bad cells (the first 20 when there are more); the
    ``cells`` attribute holds every one of them.

    Attributes
    ----------
    cells : tuple of InvalidCell
        Every bad cell, in the order of the input (row by row).

    Examples
    --------
    >>> from povstat import NumberParseError, parse_numbers
    >>> try:
    ...     parse_numbers(["4,26", "4.26", "301 , 85"], locale="id")
    ... except NumberParseError as e:
    ...     print([c.text for c in e.cells])
    ['4.26', '301 , 85']
    """

    def __init__(self, message: str, cells: Sequence[InvalidCell] = ()) -> None:
        super().__init__(message)
        self.cells: tuple[InvalidCell, ...] = tuple(cells)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the cells, not just the message."""
        return (type(self), (str(self), self.cells))

    @classmethod
    def from_cells(
        cls,
        cells: Sequence[InvalidCell],
        *,
        locale: str,
        what: str,
        positions: Sequence[int] | None = None,
    ) -> NumberParseError:
        """Build the error, with a message that lists the cells.

        Parameters
        ----------
        cells : sequence of InvalidCell
            The bad cells; at least one.
        locale : {"id", "en"}
            The format the cells were read in.
        what : str
            What was read, e.g. "`texts`", for the first line of the message.
        positions : sequence of int, optional
            The 0-based row position of each cell, shown after its row label
            (``row 1 (row position 3)``): for a Series or DataFrame whose
            index repeats labels (as after ``pd.concat`` without
            ``ignore_index``), where the label names several rows. None
            names each row by its label alone.

        Returns
        -------
        NumberParseError
        """
        n = len(cells)
        head = (
            f"{what}: {n} cell{'s' if n > 1 else ''} "
            f"{'are' if n > 1 else 'is'} not a valid number in locale "
            f"{locale!r} ({_DESCRIBE[locale]}); nothing was converted:"
        )
        lines = [head]
        for k, c in enumerate(cells[:_MESSAGE_CELLS]):
            parts = [] if c.row is None else [f"row {_label(c.row)!r}"]
            if parts and positions is not None:
                parts[0] += f" (row position {positions[k]})"
            if c.column is not None:
                parts.append(f"column {_label(c.column)!r}")
            where = ", ".join(parts) or "value"
            lines.append(f"  {where}: {_shorten(c.text)!r} ({c.reason})")
        if n > _MESSAGE_CELLS:
            lines.append(
                f"  ... and {n - _MESSAGE_CELLS} more (all in the `cells` "
                "attribute of this error)"
            )
        return cls("\n".join(lines), cells)


def _shorten(text: str) -> str:
    """A cell's text for a message: a very long one cut, with its length."""
    if len(text) <= _MESSAGE_TEXT:
        return text
    return f"{text[: _MESSAGE_TEXT - 20]}... ({len(text)} characters)"


def _cell_tuple(cells: Iterable[InvalidCell]) -> tuple[InvalidCell, ...]:
    return tuple(cells)


@frozen(kw_only=True)
class ParsedNumbers(Result):
    """Numbers read from text, with the unit and multiplier found in each cell.

    Attributes
    ----------
    value : ndarray of float64
        The numbers, multipliers applied ("37,78 ribu" is 37780.0); NaN for a
        missing cell and, under ``errors="report"``, for an invalid one.
        Same shape as the input.
    unit : ndarray of str
        Unit written in each cell: ``"percent"`` ("%", "persen"),
        ``"points"`` ("poin", "persen poin", "% poin", "pp"), ``"rupiah"`` ("Rp"),
        ``"persons"`` ("jiwa", "orang"), ``"households"`` ("rumah tangga",
        "rumahtangga", "ruta"), ``"families"`` ("KK", *kepala keluarga*) or
        ``""`` (none, missing or invalid).
    multiplier : ndarray of float64
        Factor applied for a word such as "ribu" (1000) or "juta" (1e6); 1.0
        where there was none.
    invalid : tuple of InvalidCell
        Cells that are not numbers in `locale` (empty unless
        ``errors="report"``).
    locale : {"id", "en"}
        The format the text was read in.

    Examples
    --------
    >>> from povstat import parse_numbers
    >>> p = parse_numbers(["37,78 ribu jiwa", "4,26 persen"], locale="id")
    >>> p.value.tolist()
    [37780.0, 4.26]
    >>> p.unit.tolist(), p.multiplier.tolist()
    (['persons', 'percent'], [1000.0, 1.0])
    """

    _column_names: ClassVar[Mapping[str, str]] = {
        "value": "value",
        "unit": "value_unit",
        "multiplier": "value_multiplier",
    }

    value: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    unit: NDArray[np.str_] = field(converter=readonly, eq=array_eq)
    multiplier: NDArray[np.float64] = field(converter=readonly_float, eq=array_eq)
    invalid: tuple[InvalidCell, ...] = field(converter=_cell_tuple)
    locale: Locale


def parse_numbers(
    texts: ArrayLike | Iterable[Any] | pd.Series[Any],
    *,
    locale: Locale,
    missing: Sequence[str] = _DEFAULT_MISSING,
    errors: Literal["raise", "report"] = "raise",
) -> ParsedNumbers:
    """Read numbers written as text in Indonesian or English format.

    Parameters
    ----------
    texts : array_like of str, or pandas.Series
        Cells to read, any shape. Besides text, a cell may already be a
        number (e.g. from a spreadsheet): a float64 (Python float) is taken
        as is; a float32 or float16 is read as the shortest decimal that
        gives it back (the figure it prints as: float32 4.35 is 4.35, not
        4.349999904632568; 123456792 is 123456790), then rounded to the
        nearest float64; an int,
        :class:`~decimal.Decimal` or other real number is read as its
        nearest float64 when that float64 holds it, else it is invalid (see
        Notes for the rule and the range). None, NaN and
        ``pandas.NA`` are read as the empty text ``""``. Bytes (``bytes``,
        ``bytearray``, ``memoryview``) are one cell each, never a sequence of
        character codes, and invalid: neither text nor a number (decode
        them first). An invalid cell that is neither text nor a number is
        shown (in ``InvalidCell.text`` and messages) as plain text and
        described by its kind, by the one rule
        :func:`povstat.read_bps_table` follows on every engine: a date or
        time in ISO order ("2022-01-01 00:00:00"; "a date or time, not a
        number"), a time interval as pandas writes it ("1 days 00:00:00";
        "a time interval (a duration), not a number"), bytes decoded
        ("bytes, not text: decode the column to text (str) first"), a list,
        array or tuple as "[1, 2]" ("a list of values, not a number"), a
        dict (or a polars struct) as "{'a': 1}" ("a map (keys and values),
        not a number"), a Decimal by its digits, a ``range`` or set as its
        items, a ``pandas.Interval`` as "(0, 1]" ("an interval (two
        bounds), not a number"), a ``pandas.Period`` as "2022" (a date), a
        UUID by its digits, a zoned datetime with its offset
        ("2022-01-01 00:00:00+07:00"), values nested in a list or map by
        the same rule ("{'a': [1]}"); never a Python repr. A missing value
        (``pandas.NaT`` too) is missing, as in :func:`povstat.read_bps_table`.
        A boolean is "a boolean, not a number". A polars Series or pyarrow
        array is read cell by cell as Python values (a polars ``Int128`` by
        the rule for integers, a struct as a map, an ``Array`` as lists).
        An iterator (a generator, ``map``) or a dict's keys or values are
        read once, as the list of cells they yield, in order; an
        ``enumerate`` object, or an iterator yielding tuples (``zip``), is
        refused (TypeError): its positions or labels would be read as data.
    locale : {"id", "en"}
        Number format, required: ``"id"`` for a decimal comma and dots between
        groups of three digits (``"1.234.567,89"``), ``"en"`` for a decimal
        point and commas between groups (``"1,234,567.89"``). Never guessed.
    missing : sequence of str, default ("", "-", "…", "...")
        Cell texts (after removing surrounding spaces) that mean "no value"
        and give NaN. Pass ``()`` to make every empty cell an error.
    errors : {"raise", "report"}, default "raise"
        What to do with cells that are not numbers in `locale`: raise one
        :class:`NumberParseError` listing all of them, or return them in
        ``invalid`` (with NaN in ``value``).

    Returns
    -------
    ParsedNumbers
        ``value`` (float64, the shape of `texts`), ``unit`` and
        ``multiplier`` found in each cell, and ``invalid`` cells. For a Series
        the rows of ``invalid`` are its index labels and the column is its
        name; for an array, the positions.

    Raises
    ------
    NumberParseError
        (A ValueError.) If a cell is not a number in `locale`, is a number
        out of the range of float64 or one that float64 cannot hold exactly,
        or is a number with one thousands separator among numbers with
        decimals (see Notes), and ``errors="raise"``. The message names a Series cell by
        its index label, and by its position too where the index repeats
        labels (``row 1 (row position 3)``).
    ValueError
        If `locale` or `errors` is not one of the options.
    TypeError
        If `texts` is a DataFrame (use :func:`parse_columns`, which takes a
        pandas frame: convert another, a polars frame with its
        ``.to_pandas()``, or pass one of its columns), a lazy frame or
        relation (a polars ``LazyFrame``, a DuckDB relation, a Spark or
        Dask frame: collect it first) or a pyarrow ``Table``, named by its
        kind (Spark's conversion is spelled ``.toPandas()``); if `texts` is a
        column expression, which holds no cells (a Spark ``Column``, a
        polars ``Expr``, a DuckDB or narwhals expression: the message says
        how to get the column's cells); if `texts` is a dict, its items or a
        set (which are the cells, or in which order, would be a guess: pass
        a Series or a list); or `missing` is not a sequence of str.

    See Also
    --------
    parse_columns : The same for columns of a DataFrame.
    format_number : Write numbers in either format.

    Notes
    -----
    A cell is, in this order and with optional spaces between the parts
    (but none inside the number, nor between a sign and its number: "- 0,5"
    and "+ 5" are invalid, since a dash apart from a figure may be a
    missing-value mark and a note): an optional currency ("Rp", "Rp.",
    "IDR", "IDR."), with a minus sign before it written against it ("-Rp1.200",
    "-Rp 1.200", as Excel's Indonesian Currency and Accounting formats show
    a negative amount: -1200 rupiah) or none; an optional sign ("+", "-" or
    the minus sign U+2212; a dash, such as the en dash U+2013, is no sign,
    and the reason of a cell starting with one says so; never a second sign
    after a minus before the currency); the number; an optional multiplier word ("ribu",
    "juta", "miliar", "triliun"; "thousand", "million", "billion",
    "trillion"); optional unit words ("%", "persen", "poin", "persen poin",
    "pp", "jiwa", "orang", "rupiah", households as "rumah tangga"
    ("rumahtangga") or "ruta",
    families as "KK" or "kepala keluarga" (the head of a family, the unit
    of the *Kartu Keluarga*: a household may hold several families, so KK
    are no households), and English "percent", "percentage points",
    "persons", "people", "households", "families"; at most one). A count of
    households or families is a count in ones, as one of persons is.
    Percentage points are written with "persen" or "%" before or after
    "poin" ("persen poin", "poin persen", "% poin", "%poin", "%-poin", "poin
    %"): one unit, not a percent and points. Words are matched without
    regard to case, on ASCII letters only: a look-alike letter, such as the
    long s (U+017F) for "s" or the dotted capital I (U+0130) for "I", is not
    the letter, and a cell holding one is invalid. Digits are ASCII 0-9
    only: Arabic-Indic (U+0660 to U+0669), full-width (U+FF10 to U+FF19) and
    other scripts' digits make a cell invalid, and the reason names them,
    quoting the number as written and what it reads in ASCII digits. The
    percent sign is "%" only: the Arabic (U+066A), full-width (U+FF05) and
    small (U+FE6A) percent signs make a cell invalid, and so do the per
    mille (U+2030) and per ten thousand (U+2031) signs, other units never
    read as percent; the reason names the sign.

    The number is ``0`` or an integer without a leading zero, either with no
    group separators ("187000") or with a separator between every group of
    three digits ("187.000" in ``"id"``); then optionally the decimal mark
    followed by at least one digit, or, for whole amounts of money, the
    decimal mark followed by "-" ("Rp 316.729,-"). The currency followed by
    a dash alone ("Rp -", "Rp-") is 0 rupiah: it is the zero of Excel's
    Accounting format as shown, and as a sheet saved as CSV writes it (the
    cell stores 0, which :func:`povstat.read_bps_table` reads from the
    workbook); a dash alone ("-", BPS's nil) is in `missing` by default and
    stays missing, as it may mark a figure not available. A cell with two different
    units ("Rp 5 persen"), a unit word written twice ("5 % persen"), or a
    multiplier with a percentage or points ("5 ribu persen") is invalid.

    With ``locale="id"``, a number written with one thousands dot and no
    decimals ("4.375", "4.375 %") among numbers written with a decimal
    comma ("13,65", "4,10 %") is invalid: it reads 4375 by the grammar, but
    4.375 if the dot was meant as a decimal point (a figure typed in the
    other convention), and which is meant is a guess; the reason names both
    readings. The cells given are judged as one column (a two-dimensional
    array: each column alone), in any order; a number stating a unit of
    count ("8.160 jiwa", "Rp 8.160") has no decimals and is read as
    written, as are numbers with two dots or more ("1.234.567"); a count
    with a multiplier ("8.160 ribu jiwa") is judged as "8.160 ribu" is.
    The rule is lifted where the column writes its values of 1,000 or more
    with the locale's separators: where, among the other cells, some
    number with decimals groups its thousands ("412.345,50", "600.100,25"),
    none has decimals without grouping and none is below 1,000 in
    magnitude, "674.660" is read as written (674.66 would be the one value
    below 1,000); a total "4.188,81" beside "75,86", or beside the whole
    numbers "250" and "37", does not lift it.

    The mirror is invalid too: a number with three decimals and no thousands
    dot after one to three digits ("587,723": 587.723, or 587 723 with the
    comma as an English thousands comma), where the other cells hold a whole
    number of 1,000 or more or a number grouping its thousands ("674.660",
    "674660", "412.345,50") and no number with decimals without grouping
    (other than such three-decimal ones); or where the other cells hold
    numbers with decimals, each with one or two (as published figures are
    written), and either some of them is 1,000 or more or groups its thousands
    ("4,188" among "477,83" and "3.888,60") or it is the one number with three
    decimals among two or more of them ("4,188" among "37,78" and "136,37":
    4.188, or 4188 typed in English). Such a number is no evidence that the
    column writes decimals and a unit in the cell ("Rp 587,723", "7,100 jiwa")
    does not exempt it; where another number has three decimals ("0,725"), or
    two such numbers stand among small two-decimal ones ("7,650", "7,100"
    beside "75,86"), the column writes three decimals and it is read as a
    decimal; so it is where a number grouping its thousands has three decimals
    ("757,444" beside "1.257,701", which is no number in the other
    convention). And a number with decimals below 1,000 without grouping that
    states a unit of count in ones ("7,10 jiwa", "Rp 4,50") among whole counts
    of 1,000 or more, grouped or not ("37.780 jiwa", "37780 jiwa"), is
    invalid: 7.1 persons, or 7 100 written in thousands; with three decimals
    after one to three digits ("Rp 628,330", "38,560 jiwa") it is invalid
    whatever stands beside it, as a count in ones has no decimals and the
    comma is the other convention's thousands comma. A count of persons,
    households or families with any other fraction ("38,56 jiwa", "4,5 KK") is invalid
    too: they are counted whole (rupiah may have cents, "Rp 628.330,50").
    With ``locale="en"`` the same rules hold with the marks swapped:
    "4,375" among "13.65", and "587.723" among "674,660", are invalid.

    The value is computed in decimal and read as the float nearest to the
    decimal number written [1]_, so "37,78 ribu" is exactly 37780.0 and
    "5,5" is 5.5. Each distinct text is parsed once.

    Nothing is rounded silently: a number that float64 (povstat's
    arithmetic) cannot hold exactly is an invalid cell, whose reason gives
    its nearest float64 and the rule, the one the array functions and
    :func:`povstat.read_bps_table` follow on every engine. An integer (a
    Python or numpy int of any width) is held as a decimal is: when it
    equals its nearest float64 (every integer up to 2**53 in magnitude;
    beyond it 2**60 is) or has at most 15 significant digits (``8 *
    10**25`` is the decimal 8E+25, as ``Decimal("8E+25")`` is), not
    2**53 + 1 = 9007199254740993, whose nearest float64 is
    9007199254740992. A decimal (text, a
    :class:`~decimal.Decimal`, a Fraction or a long double) is held when it
    equals its nearest float64 or is that float64's shortest decimal, the
    figure the float64 prints as: "0,1", "4,26" and any decimal of at most
    15 significant digits are; "2,67499999999999999999" (nearest 2.675,
    another figure) and the text "12345678901234567890" (20 digits, nearest
    12345678901234567168, printed 1.2345678901234567e+19) are not.

    A value, written as text or given as an int or Decimal, must lie in the
    range of float64: 0, or a magnitude from about 2.2e-308 (the smallest
    normal float64) to about 1.8e308. A larger one (overflow) or a smaller
    non-zero one (underflow, which would read as 0 or lose digits) is an
    invalid cell, as are infinities and a signalling NaN; a quiet NaN is a
    missing value.

    References
    ----------
    .. [1] IEEE Std 754-2019, *Standard for Floating-Point Arithmetic*,
       section 5.12.2: conversion from decimal character sequences is
       correctly rounded.

    Examples
    --------
    >>> from povstat import parse_numbers
    >>> parse_numbers(["4,26", "187.000 jiwa", "Rp 316.729,-", "1,2 juta"],
    ...               locale="id").value.tolist()
    [4.26, 187000.0, 316729.0, 1200000.0]
    >>> parse_numbers(["4.26", "187,000 people", "-"], locale="en").value.tolist()
    [4.26, 187000.0, nan]

    The same text in the other convention is an error, not a wrong number:

    >>> from povstat import NumberParseError
    >>> try:
    ...     parse_numbers(["4,26", "4.26"], locale="id")
    ... except NumberParseError as e:
    ...     print(e.cells[0].reason)
    not a number in locale 'id'; in locale 'en' it would read 4.26
    """
    loc = _locale(locale)
    err = _validate.choice(errors, "errors", _ERRORS)
    miss = _missing(missing)
    if isinstance(texts, pd.DataFrame) or type(texts).__name__ == "DataFrame":
        advice = (
            "use parse_columns(df, columns, locale=...)"
            if isinstance(texts, pd.DataFrame)
            # parse_columns takes a pandas frame alone: say how to get one.
            else "pass one of its columns (a Series), or convert it to pandas "
            f"(e.g. with its {_to_pandas_method(texts)} method) and use "
            "parse_columns(df, columns, locale=...)"
        )
        msg = (
            "`texts` must be array-like or a Series, got a DataFrame "
            f"({_type_name(texts)}); {advice}"
        )
        raise TypeError(msg)
    _refuse_frames(texts)
    _refuse_expressions(texts)
    # Dictionary, categorical and sparse columns as plain ones (nulls
    # missing, float32 read as it prints), as the array functions read them.
    texts = _validate.decoded(_listed_items(texts))
    if isinstance(texts, pd.Series):
        cells = _series_cells(texts)
        rows: Any = texts.index
        column: Any = _label(texts.name)
    else:
        cells = _as_cells(texts)
        rows = None
        column = None
    values, unit, mult, reasons = _parse_flat(cells.ravel(), loc, miss)
    # A number in the other convention among decimal commas: judged within
    # each column of a table of cells, else among all the cells given.
    n_cols = cells.shape[1] if cells.ndim == 2 else 1
    col = np.arange(cells.size) % n_cols
    for j in range(n_cols):
        at = np.flatnonzero(col == j)
        reasons[at] = _other_convention(
            cells.ravel()[at], values[at], unit[at], reasons[at], loc
        )
    bad = np.flatnonzero(reasons != "")
    values[bad] = np.nan
    invalid = [
        InvalidCell(
            row=_label(rows[i]) if rows is not None else _position(int(i), cells.shape),
            column=column,
            text=_show_cell(cells.ravel()[i]),
            reason=str(reasons[i]),
        )
        for i in bad
    ]
    if invalid and err == "raise":
        # A label the index repeats names several rows: positions too.
        where = None if rows is None or rows.is_unique else bad.tolist()
        raise NumberParseError.from_cells(
            invalid, locale=loc, what="`texts`", positions=where
        )
    shape = cells.shape
    return ParsedNumbers(
        value=values.reshape(shape),
        unit=unit.reshape(shape),
        multiplier=mult.reshape(shape),
        invalid=invalid,
        locale=loc,
    )


def parse_columns(
    df: pd.DataFrame,
    columns: Hashable | Iterable[Hashable],
    *,
    locale: Locale,
    missing: Sequence[str] = _DEFAULT_MISSING,
) -> pd.DataFrame:
    """Read columns of numbers written as text into float64 columns.

    Parameters
    ----------
    df : pandas.DataFrame
        Frame holding the columns; not modified. (A polars or other frame
        must be converted to pandas first.)
    columns : hashable, or list of hashable
        Label of one column (a str, an int, or any other label; a tuple is
        one label, the key of a column under MultiIndex columns), or a list
        (or Index, or array, or any other iterable, a generator included,
        read once) of such labels. A label listed twice is read once.
    locale : {"id", "en"}
        Number format, required; see :func:`parse_numbers`.
    missing : sequence of str, default ("", "-", "…", "...")
        Cell texts that mean "no value" and give NaN.

    Returns
    -------
    pandas.DataFrame
        A new frame, same index and columns, with each of `columns` replaced
        by float64 numbers (multipliers applied: "37,78 ribu" is 37780.0).
        The other columns are those of `df`.

    Raises
    ------
    NumberParseError
        (A ValueError.) Listing every bad cell of every column (row label,
        with its position where the index repeats labels as after
        ``pd.concat``: ``row 1 (row position 3)``; column, text, reason):
        cells that are not numbers in `locale`, and
        cells whose unit differs from the unit most cells of the same column
        state (a "jiwa" among "persen"), since the units are not kept (on a
        tie, two "persen" and two "jiwa", every cell stating a unit), and
        numbers without a percent sign or multiplier word among numbers with
        one, or the reverse (see Notes).
    ValueError
        If a label is not in the frame (the message lists the columns
        present); is the label of more than one column of the frame (the
        message names the duplicated labels and their positions); is only
        part of a label under MultiIndex columns (it would select several
        columns); or `locale` is not an option.
    TypeError
        If `df` is not a pandas DataFrame, or `columns` is neither a label
        nor a list of labels.

    Warns
    -----
    UserWarning
        If `locale` is ``"id"`` and cells of `columns` are already numbers,
        floating-point or integer (see Notes).

    See Also
    --------
    parse_numbers : The array version, which also returns the units found and
        can report bad cells instead of raising.

    Notes
    -----
    The grammar and the exact decimal arithmetic are those of
    :func:`parse_numbers` [1]_. Cells without a unit are compatible with
    any unit, except for scale: in a column where some numbers carry a
    percent sign ("9,9 %") and others none ("0,1386"), or some a multiplier
    word ("37,78 ribu") and others none ("7,10"), whether a bare number is a
    fraction (in ones) or a percentage (in thousands) would be a guess, so
    the numbers of the rarer kind (the bare ones on a tie) are bad cells.
    With more kinds than two ("4,1 ribu", "13,8" and "3 %"), the numbers of
    every kind but the most common are bad; when two kinds stating a scale
    tie as the most common, none is the column's and every number is bad
    (whatever the order of the rows).
    A unit of count ("jiwa", "orang", "ruta", "KK", "rupiah") fixes the
    scale at ones as well: "8.160 jiwa" among bare numbers ("37,78", often thousands) is
    the same guess, and the same rule applies; so does a unit of points
    ("8,16 poin", "8,16 pp", "8,16 persen poin": percentage points) among
    bare numbers, which may be rates or counts rather than changes.
    `locale` applies to text cells only: a reader that took "." for the
    decimal point has read the Indonesian "245.120" (245 120) as 245.12, and
    one that took "," for a thousands separator (pandas.read_html's default
    ``thousands=","``) has read "14,45" (14.45) as 1445. Neither can be told
    from a number read right, so with ``locale="id"`` number cells give one
    ``UserWarning`` (as in :func:`povstat.read_bps_table`): read the file with
    every column as text (pandas ``dtype=str``), or pass ``locale="en"`` if
    the numbers are right.
    Columns are found by label, as ``df[label]`` finds them, but a
    label must name exactly one column: with duplicated labels, or a partial
    MultiIndex key, which column to read would be a guess.

    References
    ----------
    .. [1] IEEE Std 754-2019, section 5.12.2.

    Examples
    --------
    >>> import pandas as pd
    >>> from povstat import parse_columns
    >>> df = pd.DataFrame({"region": ["Kota Malang", "Kota Batu"],
    ...                    "p0": ["4,26", "3,31"], "poor": ["37,78", "7,10"]})
    >>> parse_columns(df, ["p0", "poor"], locale="id")
            region    p0   poor
    0  Kota Malang  4.26  37.78
    1    Kota Batu  3.31   7.10

    Under MultiIndex columns, a column's label is a tuple:

    >>> wide = pd.DataFrame([["4,26", "37,78"]], columns=pd.MultiIndex.from_tuples(
    ...     [("Kota Malang", "p0"), ("Kota Malang", "poor")]))
    >>> out = parse_columns(wide, ("Kota Malang", "p0"), locale="id")
    >>> out[("Kota Malang", "p0")].tolist()
    [4.26]
    """
    if not isinstance(df, pd.DataFrame):
        method = _to_pandas_method(df)
        hint = f"; convert it first, e.g. with its {method} method" if method else ""
        msg = f"`df` must be a pandas.DataFrame, got {_type_name(df)}{hint}"
        raise TypeError(msg)
    loc = _locale(locale)
    miss = _missing(missing)
    cols = _column_labels(columns)
    positions = _column_positions(df.columns, cols)
    out = df.copy(deep=False)
    found: list[tuple[int, int, InvalidCell]] = []
    read = [_series_cells(_validate.decoded(df.iloc[:, pos])) for pos in positions]
    if loc == "id" and read:
        _warn_read_as_numbers(np.concatenate(read), "`df`", stacklevel=2)
    for j, (col, pos) in enumerate(zip(cols, positions, strict=True)):
        # each column is parsed vectorised
        cells = read[j]
        values, unit, mult, reasons = _parse_flat(cells, loc, miss)
        reasons = _mixed_units(unit, reasons)
        reasons = _mixed_scales(cells, values, unit, mult, reasons, locale=loc)
        reasons = _other_convention(cells, values, unit, reasons, loc)
        found.extend(
            (
                int(i),
                j,
                InvalidCell(
                    row=_label(df.index[int(i)]),
                    column=_label(col),
                    text=_show_cell(cells[i]),
                    reason=str(reasons[i]),
                ),
            )
            for i in np.flatnonzero(reasons != "")
        )
        out.isetitem(pos, values)  # a new column, by position: df is untouched
    if found:
        found.sort(key=lambda t: (t[0], t[1]))  # row by row, as the frame reads
        cells_found = [t[2] for t in found]
        # A label the index repeats names several rows: positions too.
        at = None if df.index.is_unique else [t[0] for t in found]
        raise NumberParseError.from_cells(
            cells_found, locale=loc, what="`df`", positions=at
        )
    return out


def format_number(
    x: ArrayLike,
    *,
    locale: Locale,
    decimals: int,
    grouping: bool = True,
    na_rep: str = "…",
) -> NDArray[np.str_]:
    """Write numbers as text in Indonesian or English format, rounded half up.

    Parameters
    ----------
    x : array_like
        Numbers. NaN is written as `na_rep`.
    locale : {"id", "en"}
        ``"id"``: decimal comma, dots between groups of three digits
        (``"1.234,57"``); ``"en"``: decimal point, commas (``"1,234.57"``).
    decimals : int
        Decimal places shown, after rounding half up as
        :func:`povstat.round_half_up` does (on the decimal the float stands
        for); negative rounds to tens, hundreds, ..., shows no decimals and
        writes zeros in the places rounded away.
    grouping : bool, default True
        Whether to separate groups of three digits.
    na_rep : str, default "…"
        Text for NaN. In BPS's symbol conventions "…" marks data that are
        not available, while "-" means nil (*nihil*); BPS web tables are not
        always consistent, which is why :func:`parse_numbers` reads both as
        missing by default.

    Returns
    -------
    ndarray of str
        Same shape as `x` (a 0-d array for a scalar; ``str()`` of it is the
        text).

    Raises
    ------
    TypeError
        If `x` is not numeric, or `decimals` is not an int, or `grouping` is
        not a bool.
    ValueError
        If `x` holds an infinity or a number float64 cannot hold exactly
        (an integer beyond 2**53, also in a list next to floats or in a
        nullable integer column, or such a Decimal): it would be written as
        another number. An integer beyond 2**53 is refused too unless it is
        the shortest decimal of its float64, the figure written: 2**60 is
        refused (its float64 is written 1152921504606847000), 10**20 is
        written. Also if `decimals` lies outside [-15, 15], or
        `locale` is not an option.

    See Also
    --------
    parse_numbers : The inverse.
    povstat.round_half_up : The rounding used.

    Notes
    -----
    Values are rounded half up (away from zero) on their decimal value, as
    published tables are [1]_; a value that rounds to zero is written without
    a sign. :func:`parse_numbers` reads the text back to the rounded value
    exactly. The text is the rounded decimal itself, never the binary
    digits of a float: 1e23 is written 100,000,000,000,000,000,000,000
    (``format(1e23, ",.0f")`` gives 99,999,999,999,999,991,611,392), and
    1000000000000000.2 to 2 decimals is ...000.20 (the float nearest to it
    is ...000.25 in binary).

    References
    ----------
    .. [1] Eurostat (2018), *Statistical rounding*, ESS handbook on the
       presentation of data.

    Examples
    --------
    >>> from povstat import format_number
    >>> format_number([4.255, 674660, -0.025], locale="id", decimals=2)
    array(['4,26', '674.660,00', '-0,03'], dtype='<U10')
    >>> str(format_number(187000, locale="en", decimals=0))
    '187,000'
    """
    loc = _locale(locale)
    d = _validate.decimals(decimals)
    group = _validate.flag(grouping, "grouping")
    if not isinstance(na_rep, str):
        msg = f"`na_rep` must be a str, got {type(na_rep).__name__}"
        raise TypeError(msg)
    # An integer is written as its float64's shortest decimal, so one that is
    # not that decimal (2**60) is refused, as 2**53 + 1 is.
    v = _validate.finite_or_nan(x, "x", written=_integer_recipe(loc, d, group))
    r = round_half_up(v, d) + 0.0  # + 0.0 turns -0.0 into 0.0
    spec = f"{',' if group else ''}.{max(d, 0)}f"
    # Below 1e15 units of the last place shown, the float nearest to a
    # rounded figure prints as that figure; beyond, it is written from the
    # decimal (binary digits would show).
    short = np.abs(r) < 1e15 / 10.0 ** max(d, 0)
    # Python writes English marks; written with the locale's instead.
    swap = str.maketrans(",.", "".join(_LOCALE_MARKS[loc]))
    texts = [
        na_rep
        if np.isnan(val)
        else (format(val, spec) if fits else _decimal_text(raw, d, spec)).translate(
            swap
        )
        for val, raw, fits in zip(
            r.ravel().tolist(), v.ravel().tolist(), short.ravel().tolist(), strict=True
        )
    ]
    return np.asarray(np.array(texts, dtype=np.str_).reshape(r.shape))


def _integer_recipe(locale: str, decimals: int, grouping: bool) -> str:
    """Python code writing an int ``n`` as :func:`format_number` would.

    The advice of its refusal of an integer whose float64 is written as
    another (2**60): the integer's own digits, grouped and with the decimal
    mark of `locale`, zeros for positive `decimals`; rounded half up (away
    from zero) to tens, hundreds, ... for negative `decimals`, in integer
    arithmetic, exact at any size.
    """
    group, point = _LOCALE_MARKS[locale]
    n = "n"
    if decimals < 0:  # to 10**-decimals: half up, away from zero
        q = 10**-decimals
        n = f"(abs(n) + {q // 2}) // {q} * {q} * (-1 if n < 0 else 1)"
    code = f"f'{{{n}:,}}'" if grouping else f"str({n})"
    if grouping and group != ",":
        code += f".replace(',', {group!r})"
    if decimals > 0:
        code += f" + '{point}{'0' * decimals}'"
    return f"{code} (n the int)"


#: Enough digits for any finite float64 written out in full (1.8e308) with
#: 15 decimals; ties away from zero, as round_half_up.
_WRITE_OUT = decimal.Context(prec=400, rounding=decimal.ROUND_HALF_UP)


def _decimal_text(value: float, d: int, spec: str) -> str:
    """`value` rounded half up to `d` decimals and written out, as a decimal.

    The value is the decimal the float stands for (its shortest repr), as
    in :func:`povstat.round_half_up`, rounded there exactly: ``format(1e23,
    ".0f")`` would write the binary value 99999999999999991611392, and
    1000000000000000.2 rounded to 2 decimals (the float
    1000000000000000.25) would be written ...000.25. Places that `d`
    rounds away (``d < 0``) are zeros; a figure that rounds to zero has no
    sign.
    """
    quantum = Decimal(1).scaleb(-d)
    figure = Decimal(repr(value)).quantize(quantum, context=_WRITE_OUT)
    if figure.is_zero():
        figure = figure.copy_abs()
    return format(figure, spec)


# --- internals -------------------------------------------------------------


def _locale(value: object) -> Locale:
    _validate.choice(value, "locale", _LOCALES)
    return value  # type: ignore[return-value]


def _missing(value: object) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Sequence | set | frozenset):
        msg = f"`missing` must be a sequence of str, got {value!r}"
        raise TypeError(msg)
    items = list(value)
    if not all(isinstance(m, str) for m in items):
        msg = f"`missing` must hold only str, got {items!r}"
        raise TypeError(msg)
    return frozenset(_SPACES.sub(" ", m).strip() for m in items)


#: Frames of other libraries (no columns of their own to read as cells).
_FRAME_KINDS = frozenset(
    {
        "polars.LazyFrame",
        "duckdb.DuckDBPyRelation",
        "pyarrow.Table",
        "pyarrow.RecordBatch",
        "pyspark.DataFrame",
        "dask.DataFrame",
    }
)


def _refuse_frames(texts: object) -> None:
    """Refuse a lazy frame, a DuckDB relation or another table, by its kind.

    `texts` is one column of cells: a table holds several, and a lazy frame
    or relation none in memory (numpy would read it as one odd cell).
    """
    t = type(texts)
    kind = f"{t.__module__.split('.')[0]}.{t.__qualname__}"
    if kind not in _FRAME_KINDS:
        return
    collect = {
        "polars.LazyFrame": "collect it (.collect()) and ",
        "duckdb.DuckDBPyRelation": "collect it (.df() or .pl()) and ",
        "pyspark.DataFrame": "collect it (.toPandas()) and ",
        "dask.DataFrame": "collect it (.compute()) and ",
    }
    get = collect.get(kind, "")
    what = "a lazy frame or relation" if get else "a table"
    msg = (
        f"`texts` must be array-like or a Series, got {what} ({kind}); "
        f"{get}pass one of its columns, or convert it to pandas and use "
        "parse_columns(df, columns, locale=...)"
    )
    raise TypeError(msg)


def _to_pandas_method(df: object) -> str:
    """The method that converts `df` to pandas, as its library spells it.

    Spark's ``.toPandas()``; a DuckDB relation's ``.df()``; ``.to_pandas()``
    for a frame that has it (polars, pyarrow); "" when there is none.
    """
    top = type(df).__module__.split(".")[0]
    if top == "pyspark":
        return ".toPandas()"
    if top == "duckdb" and hasattr(df, "df"):
        return ".df()"
    return ".to_pandas()" if hasattr(df, "to_pandas") else ""


#: Column expressions of other libraries, by (top module, class name) of a
#: class they derive from, with how to get the cells an expression stands for.
_EXPRESSION_KINDS: Mapping[tuple[str, str], str] = {
    ("pyspark", "Column"): (
        "collect the column first, e.g. df.select(name).toPandas()[name]"
    ),
    ("polars", "Expr"): (
        "pass the column itself, e.g. df[name] or df.select(expr).to_series()"
    ),
    ("duckdb", "Expression"): (
        "collect the column first, e.g. rel.select(expr).df() and one of its columns"
    ),
    ("narwhals", "Expr"): (
        "pass the column itself, e.g. df[name] or df.select(expr).to_native()"
    ),
    ("dask", "Series"): "collect the column first, e.g. with its .compute() method",
}


def _refuse_expressions(texts: object) -> None:
    """Refuse a column expression (a Spark Column, a polars Expr, ...).

    An expression holds no cells: it stands for a column of a frame that it
    does not name, and numpy would read it as one odd cell.
    """
    for cls in type(texts).__mro__:
        advice = _EXPRESSION_KINDS.get((cls.__module__.split(".")[0], cls.__name__))
        if advice is not None:
            msg = (
                "`texts` must be array-like or a Series of cells, got a column "
                f"expression ({_type_name(texts)}), which holds no cells; "
                f"{advice}"
            )
            raise TypeError(msg)


def _listed_items(texts: Any) -> Any:
    """An iterator's or dict view's items as a list; refuse a dict or a set.

    numpy reads a generator, ``map``, ``zip``, other iterator, dict view,
    dict or set as one odd cell. An iterator or a dict's keys or values are
    read as cells in the order they come (once); a dict's items are pairs,
    and a dict or set are refused: which of keys and values are the cells,
    or in which order a set's cells are, would be a guess.
    """
    if isinstance(texts, str | bytes | bytearray | memoryview | np.ndarray):
        return texts
    if isinstance(texts, enumerate):
        msg = (
            "`texts` must be array-like or a Series of cells, got an enumerate "
            "object, whose items pair each cell with its position: the "
            "positions would be read as data; pass the cells themselves"
        )
        raise TypeError(msg)
    if isinstance(texts, Iterator | KeysView | ValuesView) and not isinstance(
        texts, ItemsView
    ):
        items = list(texts)
        if items and all(isinstance(c, tuple) for c in items):
            # zip(...) or a generator of pairs: rows of a table, or labels
            # paired with cells; which, would be a guess.
            msg = (
                "`texts` must be array-like or a Series of cells, got "
                f"{_type_name(texts)} yielding tuples ({_show(items[0])}, ...), "
                "which would be read as rows of a 2-D table, any labels in "
                "them as data; pass the cells alone, or list(...) of the rows "
                "to read them as a table"
            )
            raise TypeError(msg)
        return items
    advice = None
    if isinstance(texts, Mapping | ItemsView):
        advice = (
            "pass pandas.Series(d) to keep the keys as row labels, or list(d.values())"
        )
    elif isinstance(texts, Set):
        advice = "pass a list, in the order of the cells (a set has no order)"
    if advice is not None:
        msg = (
            "`texts` must be array-like or a Series of cells, got "
            f"{_type_name(texts)}; {advice}"
        )
        raise TypeError(msg)
    return texts


def _listed_cells(texts: Any) -> NDArray[Any] | None:
    """A polars Series or pyarrow array's cells as Python objects, else None.

    Read by each library as Python values (a 128-bit integer as an int, a
    struct as a dict, an array or list as a list, a zoned datetime with its
    zone), as a pandas Series' cells are; never through numpy, which has no
    128-bit integers and reads structs and arrays as columns of numbers. A
    float32 column is left to numpy (the figures it prints as): a polars one
    is None here, a pyarrow one its numpy array (nulls as NaN).
    """
    module = type(texts).__module__.split(".")[0]
    if module == "polars" and type(texts).__name__ == "Series":
        if texts.dtype.is_float():
            return None
        items = texts.to_list()
    elif module == "pyarrow" and hasattr(texts, "to_pylist"):
        if str(getattr(texts, "type", "")) in ("float", "halffloat"):
            # float32 / float16 kept narrow, nulls as NaN (a copy: an array
            # with nulls has no zero-copy numpy form).
            return np.asarray(texts.to_numpy(zero_copy_only=False))
        items = texts.to_pylist()
    else:
        return None
    return np.fromiter(items, dtype=object, count=len(items))


def _as_cells(texts: ArrayLike | Iterable[Any]) -> NDArray[Any]:
    # dtype=object: np.asarray(["4,26", 1.5]) would turn 1.5 into the text "1.5"
    if isinstance(texts, np.ma.MaskedArray):
        # A masked cell is missing, never the value under the mask.
        data = np.ma.getdata(texts)
        if data.dtype.kind == "f":
            # Floats stay floats (NaN where masked): a float32 one is read
            # as the figures it prints as, as an unmasked array is.
            return np.where(np.ma.getmaskarray(texts), np.nan, data).astype(data.dtype)
        cells = np.array(data, dtype=object)
        cells[np.ma.getmaskarray(texts)] = None
        return cells
    if isinstance(texts, bytes | bytearray | memoryview):
        # One cell, as bytes is: never a sequence of character codes.
        cell = np.empty((), dtype=object)
        cell[()] = _bytes_cell(texts)
        return cell
    if isinstance(texts, list | tuple):
        texts = _bytes_cells(texts)
    listed = _listed_cells(texts)
    if listed is not None:
        return listed
    if not isinstance(texts, np.ndarray) and hasattr(texts, "to_numpy"):
        # A polars (or other) Series: a float32 one stays float32, read as
        # the figures it prints as, like an array.
        as_array = np.asarray(texts.to_numpy())
        if as_array.dtype.kind == "f" and as_array.dtype.itemsize < 8:
            return as_array
    return texts if isinstance(texts, np.ndarray) else np.array(texts, dtype=object)


def _bytes_cell(cell: bytes | bytearray | memoryview) -> bytes:
    """A byte string cell as bytes (numpy would read the others as sequences)."""
    return cell.tobytes() if isinstance(cell, memoryview) else bytes(cell)


def _bytes_cells(texts: list[Any] | tuple[Any, ...]) -> list[Any]:
    """Nested cells with bytearray and memoryview cells made bytes."""
    if not set(map(type, texts)) & {bytearray, memoryview, list, tuple}:
        return list(texts)  # the common case: no byte strings, one level
    return [
        _bytes_cells(c)
        if isinstance(c, list | tuple)
        else _bytes_cell(c)
        if isinstance(c, bytearray | memoryview)
        else c
        for c in texts
    ]


def _label(label: Any) -> Any:
    """A label or cell as a plain Python value, for messages and reports.

    ``np.int64(5)`` becomes 5, ``np.str_('Kota Malang')`` 'Kota Malang',
    ``np.float64(nan)`` nan, also inside a tuple (a MultiIndex label).
    """
    if isinstance(label, np.generic):
        return label.item()
    if isinstance(label, tuple):
        return tuple(_label(x) for x in label)
    return label


def _position(i: int, shape: tuple[int, ...]) -> Any:
    if len(shape) == 0:
        return None
    if len(shape) == 1:
        return int(i)
    return tuple(int(k) for k in np.unravel_index(i, shape))


def _series_cells(series: pd.Series[Any]) -> NDArray[Any]:
    """A Series' cells as objects; float32 / float16 kept narrow.

    A narrow float column keeps its dtype so that each value is read as the
    figure it prints as (4.26, not 4.260000228881836), as an array is.
    """
    dtype: Any = series.dtype
    narrow = getattr(dtype, "kind", "") == "f" and getattr(dtype, "itemsize", 8) < 8
    if narrow:
        numpy_dtype = np.dtype(getattr(dtype, "numpy_dtype", dtype))
        return np.asarray(series.to_numpy(dtype=numpy_dtype, na_value=np.nan))
    return np.asarray(series.to_numpy(dtype=object))


def _show(cell: object) -> str:
    """A cell as shown in InvalidCell.text and messages.

    Text as is; a cell that is neither text nor a number as its plain text
    (:func:`_odd_text`: a date "2022-01-01 00:00:00", a time interval "1
    days 00:00:00", a Decimal "13.8", bytes decoded), never a Python repr
    such as ``Timestamp('2022-01-01 00:00:00')``; else a plain repr (4.26,
    the number); numpy's masked constant as "masked".
    """
    if cell is np.ma.masked:  # a missing cell, not the 0-d array it is
        return "masked"
    odd = _odd_text(cell)
    if odd is not None:
        return odd
    plain = _label(cell)
    if isinstance(plain, str):
        return str(plain)  # a str subclass (np.str_) as a plain str
    if isinstance(plain, np.floating | Fraction):  # a long double, 1/3
        return str(plain)
    try:
        return repr(plain)
    except ValueError:  # an int beyond Python's digit limit for str()
        return f"<{type(plain).__name__} too long to show>"


def _show_cell(cell: object) -> str:
    """A value cell as ``InvalidCell.text`` shows it.

    :func:`_odd_cell`'s text for a cell that is neither text nor a number
    (a tuple as the list it is, "[1, 2]"), else :func:`_show`.
    """
    odd = None if cell is np.ma.masked else _odd_cell(cell)
    return _show(cell) if odd is None else odd[0]


def _date_text(value: object) -> str | None:
    """A date, time or time interval as ISO text; None for anything else."""
    if value is pd.NaT:  # missing, although a datetime instance
        return None
    if isinstance(value, pd.Timestamp | np.datetime64):
        ts = pd.Timestamp(value)
        return None if pd.isna(ts) else ts.isoformat(sep=" ")
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta | pd.Timedelta | np.timedelta64):
        td = pd.Timedelta(value)
        return None if pd.isna(td) else str(td)
    return None


def _odd_text(cell: object) -> str | None:
    """The plain text of a cell that is neither text nor a plain number.

    One rule for every message: a date, time or time interval as ISO text
    (:func:`_date_text`), a DuckDB INTERVAL (a pandas offset) as a duration
    ("1 days 00:00:00", :func:`_interval_text`), bytes decoded
    (undecodable bytes escaped), a list, array, range or set as "[1, 2]"
    or "{1, 2}", a mapping as "{'a': 1}" (nested values by this rule), an
    Interval, Period or UUID as its str, a Decimal as its digits. None for
    text, numbers and missing values (shown by the caller's rule).
    """
    if isinstance(cell, Decimal):
        return str(cell)
    if isinstance(cell, pd.offsets.BaseOffset):  # DuckDB's INTERVAL in pandas
        return _interval_text(cell)
    date = _date_text(cell)
    if date is not None:
        return date
    if isinstance(cell, _Bits):
        return cell.bits
    if isinstance(cell, np.void):  # a fixed-size bytes (numpy "V") cell
        return cell.tobytes().decode("utf-8", "backslashreplace")
    if isinstance(cell, bytes | bytearray):
        return bytes(cell).decode("utf-8", "backslashreplace")
    if isinstance(cell, pd.Interval | pd.Period | uuid.UUID):
        return str(cell)  # "(0, 1]", "2022", the UUID's digits
    if isinstance(cell, list | np.ndarray | pd.Series | range):  # a tuple: a label
        items = np.asarray(list(cell) if isinstance(cell, range) else cell, object)
        return "[" + ", ".join(map(_nested_text, items.ravel().tolist())) + "]"
    if isinstance(cell, set | frozenset):
        return "{" + ", ".join(sorted(map(_nested_text, cell))) + "}"
    if isinstance(cell, dict):
        pairs = (f"{_nested_text(k)}: {_nested_text(v)}" for k, v in cell.items())
        return "{" + ", ".join(pairs) + "}"
    return None


class _Bits:
    """A bit string cell (DuckDB's ``BIT``), shown as its bits ("101")."""

    __slots__ = ("bits",)

    def __init__(self, bits: str) -> None:
        self.bits = bits


def _nested_text(value: object) -> str:
    """A value inside a list, set or map as its cell would show (no repr)."""
    odd = _odd_text(value.item() if isinstance(value, np.generic) else value)
    if odd is not None:
        return odd
    plain = _label(value)
    return repr(plain) if isinstance(plain, str) else str(plain)


def _interval_text(offset: Any) -> str:
    """A DuckDB INTERVAL (a pandas DateOffset of months, days, nanoseconds).

    Shown as pandas, polars and Spark show a duration ("1 days 00:00:00"),
    after its months if any ("2 months 1 days 00:00:00"): the same text
    every run, whatever the order of the offset's fields.
    """
    kwds = dict(getattr(offset, "kwds", {}) or {})
    months = int(kwds.pop("months", 0)) + 12 * int(kwds.pop("years", 0))
    try:
        make: Any = pd.Timedelta
        span = make(**{k: int(v) for k, v in kwds.items()}) if kwds else make(0)
    except (TypeError, ValueError):  # pragma: no cover - another offset
        return str(offset.freqstr)
    if not months:
        return str(span)
    return f"{months} months {span}" if span else f"{months} months"


def _odd_cell(cell: object) -> tuple[str, str] | None:
    """A cell that is neither text nor a number: its text and its reason.

    The one description of such cells, for :func:`parse_numbers` and
    :func:`povstat.read_bps_table` alike: the text by :func:`_odd_text`
    (plain text, never a Python repr) and the kind: a date or time, a time
    interval (a duration), bytes, a list of values (a list, array or
    tuple), a map (a dict; any engine's map column reaches it as one). A
    Decimal NaN: its text ("sNaN"), reason "" (its own is kept). None for
    text, numbers, booleans and missing values.
    """
    if isinstance(cell, Decimal):
        return (str(cell), "") if not cell.is_finite() else None
    if isinstance(cell, tuple):
        cell = list(cell)
    text = _odd_text(cell)
    if text is None:
        return None
    if isinstance(cell, pd.offsets.BaseOffset | datetime.timedelta | np.timedelta64):
        return text, "a time interval (a duration), not a number"
    if isinstance(cell, datetime.date | datetime.time | np.datetime64):
        return text, _DATE_OR_TIME
    if isinstance(cell, bytes | bytearray | np.void):
        return text, "bytes, not text: decode the column to text (str) first"
    if isinstance(cell, pd.Period):
        return text, _DATE_OR_TIME
    if isinstance(cell, pd.Interval):
        return text, "an interval (two bounds), not a number"
    if isinstance(cell, uuid.UUID):
        return text, "a UUID, not a number"
    if isinstance(cell, _Bits):
        return text, "a bit string, not a number"
    if isinstance(cell, list | np.ndarray | pd.Series | range | set | frozenset):
        return text, "a list of values, not a number"
    if isinstance(cell, dict):
        return text, "a map (keys and values), not a number"
    return None  # pragma: no cover - _odd_text describes no other cell


_ODD_CELL = np.frompyfunc(_odd_cell, 1, 1)
#: A date or time cell's reason (read_bps_table adds where dates belong).
_DATE_OR_TIME = "a date or time, not a number"
_NEITHER = "neither text nor a number"


def _type_name(x: object) -> str:
    """'polars.DataFrame', 'pandas.Series', 'dict': a type named for users."""
    t = type(x)
    top = t.__module__.split(".")[0]
    return t.__qualname__ if top == "builtins" else f"{top}.{t.__qualname__}"


def _hashable(x: object) -> bool:
    try:
        hash(x)
    except TypeError:
        return False
    return True


def _column_labels(columns: object) -> list[Hashable]:
    """`columns` of parse_columns as a list of labels, each listed once.

    Any iterable other than a str, bytes or tuple (a MultiIndex key) is a
    collection of labels, read once: a generator too (hashable, but never a
    column's label).
    """
    if _hashable(columns) and (
        not isinstance(columns, Iterable) or isinstance(columns, str | bytes | tuple)
    ):
        return [columns]  # a str, an int, a tuple (a MultiIndex key), ...
    if not isinstance(columns, Iterable):
        msg = (
            "`columns` must be a column label or a list of labels, got "
            f"{_type_name(columns)}"
        )
        raise TypeError(msg)
    labels = list(columns)
    bad = [c for c in labels if not _hashable(c)]
    if bad:
        msg = f"`columns` must hold column labels (hashable values), got {bad!r}"
        raise TypeError(msg)
    return list(dict.fromkeys(labels))


def _column_positions(index: pd.Index[Any], cols: list[Hashable]) -> list[int]:
    """Position of the one column each label names; ValueError otherwise."""
    multi = isinstance(index, pd.MultiIndex)
    everything = np.arange(len(index))
    positions: list[int] = []
    absent: list[Any] = []
    partial: list[tuple[Any, list[int]]] = []
    dup: list[tuple[Any, list[int]]] = []
    for col in cols:
        try:
            loc = index.get_loc(col)
        except (KeyError, TypeError, pd.errors.InvalidIndexError):
            absent.append(_label(col))
            continue
        if isinstance(loc, int | np.integer):
            positions.append(int(loc))
            continue
        where = everything[loc].tolist()
        full = not multi or (isinstance(col, tuple) and len(col) == index.nlevels)
        (dup if full else partial).append((_label(col), where))
    present = [_label(c) for c in index]
    if absent:
        hint = (
            " (the columns are a MultiIndex: name a column by the tuple of its labels)"
            if multi
            else ""
        )
        msg = f"`columns`: {absent!r} not in the frame; columns present: {present!r}"
        raise ValueError(msg + hint)
    if partial:
        shown = "; ".join(
            f"{c!r} selects {[present[k] for k in w]!r}" for c, w in partial
        )
        msg = (
            "`columns` must name whole columns, but a label is only part of a "
            f"column label under MultiIndex columns: {shown}; name each column "
            "by its full tuple"
        )
        raise ValueError(msg)
    if dup:
        shown = "; ".join(f"{c!r} at positions {w}" for c, w in dup)
        msg = (
            f"`columns`: the frame has more than one column labelled {shown} "
            "(0-based); which one to read is ambiguous: rename or drop the "
            "duplicates first"
        )
        raise ValueError(msg)
    return positions


def _parse_flat(
    cells: NDArray[Any], locale: str, missing: frozenset[str]
) -> tuple[NDArray[np.float64], NDArray[np.str_], NDArray[np.float64], NDArray[Any]]:
    """Parse a 1-D array of cells: values, units, multipliers and reasons.

    ``reasons`` is "" for a valid or missing cell and says what is wrong
    otherwise. Each distinct text is parsed once.
    """
    n = cells.size
    values = np.full(n, np.nan)
    unit = np.full(n, "", dtype="<U10")
    mult = np.ones(n)
    reasons = np.full(n, "", dtype=object)
    if n == 0:
        return values, unit, mult, reasons
    if cells.dtype.kind in "iuf":
        na = _numeric_array(cells, values, reasons)
        if "" not in missing:
            reasons[na] = _EMPTY
        return values, unit, mult, reasons
    if cells.dtype.kind == "b":
        reasons[:] = "a boolean, not a number"
        return values, unit, mult, reasons
    obj = cells.astype(object)
    kind = np.asarray(_KIND(obj), dtype=np.int8)
    snan = kind == _SNAN_KIND
    # pd.isna compares a Decimal("sNaN") and raises: test the others only.
    # numpy's masked constant (a masked entry of a list(masked_array)) is
    # missing, as a masked entry of the array is.
    masked = kind == _MASKED_KIND
    safe = obj.copy() if snan.any() or masked.any() else obj
    safe[snan | masked] = None
    na = np.asarray(pd.isna(safe), dtype=bool) & ~snan
    kind[na] = 0
    text = np.where(na, "", obj)
    reasons[snan] = _SNAN
    is_num = kind == 1
    if is_num.any():
        with np.errstate(all="ignore"):  # a long double beyond float64's range
            num, why = _NUMBER(obj[is_num])
        values[is_num] = num.astype(np.float64)
        reasons[is_num] = why
    reasons[kind == 2] = "a boolean, not a number"
    other = np.flatnonzero(kind == 3)
    if other.size:  # a date, a list, bytes, a map, ...: described as such
        described = _ODD_CELL(obj[other])
        reasons[other] = [_NEITHER if d is None else d[1] for d in described]
    is_text = kind == 0
    if is_text.any():
        codes, uniques = pd.factorize(text[is_text])
        parsed = [_parse_text(str(u), locale, missing) for u in uniques]
        u_val = np.array([p[0] for p in parsed], dtype=np.float64)
        u_unit = np.array([p[1] for p in parsed], dtype="<U10")
        u_mult = np.array([p[2] for p in parsed], dtype=np.float64)
        u_reason = np.array([p[3] for p in parsed], dtype=object)
        # "-0" and "Rp -0" are zero, never a negative zero (which a
        # formatter would write "-0"): -0.0 + 0.0 is 0.0.
        values[is_text] = u_val[codes] + 0.0
        unit[is_text] = u_unit[codes]
        mult[is_text] = u_mult[codes]
        reasons[is_text] = u_reason[codes]
    return values, unit, mult, reasons


def _read_as_number(cell: object) -> int:
    """0: not a number; 1: a finite non-integer type (float, Decimal); 2: an int."""
    if isinstance(cell, bool | np.bool_) or not isinstance(
        cell, numbers.Real | Decimal
    ):
        return 0
    if isinstance(cell, numbers.Integral):
        return 2
    try:
        return 1 if math.isfinite(cell) else 0
    except (TypeError, ValueError, ArithmeticError):  # Decimal("sNaN")
        return 0


_READ_AS_NUMBER = np.frompyfunc(_read_as_number, 1, 1)


def _warn_read_as_numbers(cells: NDArray[Any], what: str, stacklevel: int) -> None:
    """Warn, once, that cells a reader already made numbers skip locale="id".

    Called for a frame read with ``locale="id"``. A reader that took "." for
    the decimal point read the Indonesian "245.120" (245 120) as the float
    245.12; one that took "," for a thousands separator (pandas.read_html's
    default ``thousands=","``) read "14,45" (14.45) as the integer 1445.
    Neither can be told from a number read right (an integer count written
    without separators, 674660, looks the same), so any float or integer
    cell gives the warning, naming the first of each kind.
    """
    flat = np.asarray(cells, dtype=object).ravel()
    if flat.size == 0:
        return
    kind = np.asarray(_READ_AS_NUMBER(flat), dtype=np.int8)
    risks = []
    floats = np.flatnonzero(kind == 1)
    if floats.size:
        risks.append(
            f"floats or decimals (such as {_show(flat[floats[0]])}): a reader "
            "taking '.' for the decimal point reads '245.120' (245 120) as 245.12"
        )
    ints = np.flatnonzero(kind == 2)
    if ints.size:
        risks.append(
            f"integers (such as {_show(flat[ints[0]])}): a reader taking ',' for a "
            "thousands separator (pandas.read_html's default thousands=',') "
            "reads '14,45' (14.45) as 1445"
        )
    if not risks:
        return
    msg = (
        f"{what} holds value cells that are already numbers, so locale='id' does not "
        f"apply to them: {'; '.join(risks)}. If the frame was read from "
        "Indonesian text, read every column as text (pandas dtype=str, "
        "polars infer_schema=False, DuckDB all_varchar=true); if the numbers "
        "are right, pass locale='en'"
    )
    warnings.warn(msg, UserWarning, stacklevel=stacklevel + 1)


def _numeric_array(
    cells: NDArray[Any], values: NDArray[np.float64], reasons: NDArray[Any]
) -> NDArray[np.bool_]:
    """Fill `values` and `reasons` from a numeric array; return its NaN mask."""
    with np.errstate(all="ignore"):  # a long double beyond float64: see below
        if cells.dtype.kind == "f" and cells.dtype.itemsize < 8:
            # float32 / float16: the figures they print as (4.35, not
            # 4.349999904632568), as the array functions read them.
            nums = _validate.widen_short_float(cells)
        else:
            nums = cells.astype(np.float64)
    na = np.isnan(nums)
    values[:] = nums
    if cells.dtype.kind == "f":
        infinite = np.isinf(cells)
        reasons[infinite] = _INFINITE
        if cells.dtype.itemsize > 8:  # long double: a wider range than float64
            reasons[np.isinf(nums) & ~infinite] = _OVERFLOW
            reasons[(np.abs(nums) < _FLOAT_TINY) & (cells != 0) & ~na] = _UNDERFLOW
            # Not widened back exactly: held only as the shortest decimal.
            loose = (nums.astype(cells.dtype) != cells) & (reasons == "") & ~na
            for i in np.flatnonzero(loose).tolist():  # the few such values
                if not _validate.float_holds(cells[i], float(nums[i])):
                    reasons[i] = _inexact(float(nums[i]))
        values[reasons != ""] = np.nan
    elif cells.dtype.itemsize == 8:  # int64, uint64: some beyond 2**53
        big = np.abs(nums) >= 2.0**53  # 2**53 + 1 reads as 2**53
        for i in np.flatnonzero(big).tolist():  # only integers beyond 2**53
            if not _validate.float_holds(cells[i], float(nums[i])):
                reasons[i] = _inexact(float(nums[i]))
                values[i] = np.nan
    return na


#: _kind codes: 0 text, 1 number, 2 boolean, 3 anything else, 4 Decimal sNaN.
_SNAN_KIND = 4
#: _kind code of ``numpy.ma.masked``: a missing value.
_MASKED_KIND = 5


def _kind(cell: object) -> int:
    if isinstance(cell, str):
        return 0
    if isinstance(cell, bool | np.bool_):
        return 2
    if isinstance(cell, Decimal) and cell.is_snan():
        return _SNAN_KIND
    if cell is np.ma.masked:
        return _MASKED_KIND
    if isinstance(cell, numbers.Real | Decimal):
        return 1
    return 3


_KIND = np.frompyfunc(_kind, 1, 1)
_EMPTY = "empty cell, and '' is not in `missing`"


def _number(cell: Any) -> tuple[float, str]:
    """A number cell (not NaN) as a float64 and a reason ("" if valid)."""
    if isinstance(cell, np.float32 | np.float16):
        # The figure it prints as (4.35, not 4.349999904632568), as the
        # array functions read float32.
        inf = math.isinf(cell)
        return (math.nan, _INFINITE) if inf else (_validate.short_float(cell), "")
    if isinstance(cell, float):
        # A binary float within float64's range: taken as it is.
        return (math.nan, _INFINITE) if math.isinf(cell) else (float(cell), "")
    try:
        return _to_float(cell)
    except (TypeError, ValueError, ArithmeticError) as e:
        return (math.nan, f"not convertible to a float64 ({type(e).__name__})")


_NUMBER = np.frompyfunc(_number, 1, 2)


def _to_float(x: Any) -> tuple[float, str]:
    """An exact number (Decimal, int, long double, ...) as a float64.

    Returns (value, "") or (nan, reason) if `x` is infinite or out of the
    range of float64: too large (overflow), or not 0 but below the smallest
    normal float64 (underflow: it would read as 0 or lose digits); or if
    float64 cannot hold it (:func:`povstat._validate.float_holds`: an
    integer beyond 2**53 with more than 15 significant digits that is not a
    float64 nor its shortest decimal, a decimal that is neither
    its nearest float64 nor that float64's shortest decimal).
    """
    try:
        v = float(x)
    except OverflowError:
        return (math.nan, _OVERFLOW)
    if math.isinf(v):
        return (math.nan, _INFINITE if x in (math.inf, -math.inf) else _OVERFLOW)
    if abs(v) < _FLOAT_TINY and x != 0:
        return (math.nan, _UNDERFLOW)
    if not _validate.float_holds(x, v):
        return (math.nan, _inexact(v))
    return (v, "")


def _word_key(word: str) -> str:
    """Key of a unit or multiplier word: spaces collapsed, ASCII lower case.

    A word with a non-ASCII letter gets "", which is no key: its lower case
    could be an ASCII word ("\u212aota" has "kota") or not ("\u0130" has two
    code points), and either way it is not the word.
    """
    return " ".join(word.split()).lower() if word.isascii() else ""


def _parse_text(
    raw: str, locale: str, missing: frozenset[str]
) -> tuple[float, str, float, str]:
    """Parse one text: (value, unit, multiplier, reason); reason "" if valid."""
    s = _SPACES.sub(" ", raw).strip()
    if s in missing:
        return (np.nan, "", 1.0, "")
    if s == "":
        return (np.nan, "", 1.0, _EMPTY)
    if _ACCOUNTING_ZERO.fullmatch(s):
        # "Rp -": the zero of Excel's Accounting format, as a sheet saved as
        # CSV writes it; 0 rupiah, as the stored 0 of that cell is read.
        return (0.0, "rupiah", 1.0, "")
    m = _PATTERNS[locale].fullmatch(s)
    if m is None:
        return (np.nan, "", 1.0, _why_not(s, locale))
    tokens = _UNIT_TOKEN.findall(m["units"])
    words = [_UNITS.get(_word_key(t), "") for t in tokens]
    exp = _MULTIPLIERS.get(_word_key(m["mult"]), -1) if m["mult"] else 0
    if "" in words or exp < 0:  # not reached while the patterns are ASCII
        return (np.nan, "", 1.0, f"an unknown word in {s!r}")
    found = set(words) | ({"rupiah"} if m["cur"] else set())
    if len(found) > 1:
        return (np.nan, "", 1.0, f"conflicting units: {', '.join(sorted(found))}")
    if len(words) > 1:
        return (np.nan, "", 1.0, "a unit written more than once")
    unit = found.pop() if found else ""
    if exp and unit in ("percent", "points"):
        return (np.nan, "", 1.0, f"a multiplier ({m['mult']}) with a {unit} unit")
    sep = _LOCALE_MARKS[locale][0]
    digits = m["int"].replace(sep, "") + (m["frac"] or "")
    scale = exp - len(m["frac"] or "")
    if m["presign"] and m["sign"]:
        return (np.nan, "", 1.0, "a sign written twice, before and after the currency")
    negative = bool(m["presign"]) or (bool(m["sign"]) and m["sign"] != "+")
    # Signed before it is read, so that a reason quotes the number's own
    # nearest float64 (-9007199254740992.0 for "-9007199254740993").
    value, why = _to_float(Decimal(f"{'-' if negative else ''}{digits}E{scale}"))
    if why:
        return (np.nan, "", 1.0, why)
    return (value, unit, float(10**exp), "")


#: A footnote mark after a number ("4,26*", "521.542*)", "613,985\u00b9",
#: "4,26 r)", "4,26 1)", "4,26(1)", BPS's letter against the number,
#: "4,26r" or "4,26 r" revised, "4,26p" preliminary, "4,26e" estimated, or a
#: dagger, "4,26\u2020"), as BPS marks preliminary, revised or estimated
#: figures; raised as a spreadsheet's superscript is read ("13,65\u02b3",
#: "13,65\u00b9\u207e" for a raised "1)", "13,65*\u207e" for a raised "*)").
_VALUE_MARK = re.compile(
    r"(?P<num>.*?[0-9])(?P<mark>\s*[*\u2217\u204e\uff0a]+[)\u207e]?"
    r"|\s*\u207d?[\u00b9\u00b2\u00b3\u2070-\u2079]+\u207e?"
    r"|\s*[\u2020\u2021\u00a7]+"
    r"|\s*[epr\u02b3\u1d49\u1d56]"
    r"|\s+\(?(?:[0-9]{1,2}|[a-z])\)|\((?:[0-9]{1,2}|[a-z])\))",
    re.IGNORECASE,
)


#: A number in brackets, a currency before or inside them: "(1.200)", "Rp
#: (1.200)", "(Rp1.200)", as an accounting format shows a negative number.
_BRACKETED = re.compile(
    rf"(?P<cur>{_CURRENCY}\s*)?\(\s*(?P<num>[^()]*?[0-9][^()]*?)\s*\)", re.IGNORECASE
)


def _why_not(s: str, locale: str) -> str:
    other = "en" if locale == "id" else "id"
    reason = f"not a number in locale {locale!r}"
    marked = _VALUE_MARK.fullmatch(s)
    if marked is not None and _PATTERNS[locale].fullmatch(marked["num"]):
        return (
            f"{reason}: {marked['mark'].strip()!r} after the number "
            f"{marked['num']!r} looks like a footnote mark (a preliminary, "
            "revised or estimated figure); remove the mark from the cell (note "
            "it in the header or a note row below the table) to read the number"
        )
    m = _PATTERNS[other].fullmatch(s)
    if m is not None:
        value, _, _, why = _parse_text(s, other, frozenset())
        if not why:
            reason += f"; in locale {other!r} it would read {value!r}"
    bracketed = _BRACKETED.fullmatch(s)
    if bracketed is not None:
        # "Rp (1.200)", "(Rp1.200)", "(1.200)": a number in brackets, as
        # Excel's accounting format shows a negative one; never read so.
        cur = " ".join(bracketed["cur"].split()) if bracketed["cur"] else ""
        inner = f"{bracketed['cur'] or ''}{bracketed['num']}"
        value, _, _, why = _parse_text(inner, locale, frozenset())
        if not why and value > 0:
            signed = f"{cur} -{bracketed['num']}".strip()
            reason += (
                f"; {inner!r} in brackets looks like a negative number in "
                f"accounting format ({-value!r}), which is not read as one: "
                f"write the minus sign ({signed!r}) if it is negative"
            )
    # In the order written, each once: "١٣,٦٥" shows '١٣٦٥', never sorted.
    letters = list(dict.fromkeys(c for c in s if not c.isascii() and c.isalpha()))
    if letters:
        reason += (
            f"; {''.join(letters)!r} {'is' if len(letters) == 1 else 'are'} not "
            "ASCII: words are read in ASCII letters only"
        )
    dash = re.match(r"[\u2010-\u2015\ufe58\ufe63]", s)
    if dash is not None and s[1:2].isdigit():
        # "\u201313,65": an en dash typed (or autocorrected) for the minus sign.
        import unicodedata

        name = unicodedata.name(dash[0], "a dash").lower()
        reason += (
            f"; {dash[0]!r} ({name}) is not a minus sign: write '-' (or "
            "U+2212, the minus sign) for a negative number"
        )
    if re.fullmatch(r"[\u2010-\u2015\u2212\ufe58\ufe63]", s.strip()):
        # "\u2013" alone: BPS's mark of a nil value, typed with another dash
        # than the "-" that `missing` holds by default.
        import unicodedata

        mark = s.strip()
        name = unicodedata.name(mark, "a dash").lower()
        reason += (
            f"; {mark!r} ({name}) alone, as a nil value is marked, is not in "
            "`missing` (by default '-', '…' and '...'): add it, "
            f"missing=[..., {mark!r}]"
        )
    elif re.match(r"[-+\u2212\u2010-\u2015\ufe58\ufe63]\s+[0-9]", s.strip()):
        # "- 4": a sign or dash apart from its number.
        reason += (
            f"; the sign or dash {s.strip()[0]!r} stands apart from the number: "
            "write a negative number with the sign next to it ('-4'), or, if "
            "the dash marks a missing value and the number a note, put the "
            "note apart"
        )
    c1 = list(dict.fromkeys(c for c in s if "\x80" <= c <= "\x9f"))
    if c1:
        reason += "; " + _c1_hint(c1)
    for number in _foreign_numbers(s):  # the few numbers in other digits
        reason += f"; {_foreign_digits_text(number)}, not ASCII 0-9: numbers are read "
        reason += "in ASCII digits only"
    import unicodedata

    for c in dict.fromkeys(c for c in s if c in _PERCENT_LOOKALIKES):
        name = unicodedata.name(c).lower().replace("arabic", "Arabic")
        if c not in _PER_MILLE:
            reason += f"; {c!r} ({name}) is not the percent sign: write '%'"
            continue
        # Per mille (per ten thousand) is another unit: never read as
        # percent, and its percentage is a tenth (a hundredth) of it.
        per = 10 if c == "\u2030" else 100
        reason += (
            f"; {c!r} ({name}) is no percent sign and is not read as one: "
            f"write the figure in percent (a {'tenth' if per == 10 else 'hundredth'} "
            "of it) with '%'"
        )
        value, unit, _, why = _parse_text(s.replace(c, "%"), locale, frozenset())
        if not why and unit == "percent" and s.count(c) == 1:
            percent = Decimal(repr(value)) / per
            written = f"{_grouped_text(percent, locale)}%"
            if _parse_text(written, locale, frozenset())[0] == float(percent):
                reason += f" ({written!r} for {s!r})"
    ascii_text = _in_ascii(s, locale)
    if ascii_text is not None:
        for loc in (locale, other):  # as written, then in the other convention
            value, _, _, why = _parse_text(ascii_text, loc, frozenset())
            if not why:
                reason += f"; as {ascii_text!r} it would read {value!r}" + (
                    f" in locale {loc!r}" if loc != locale else ""
                )
                break
    return reason


#: Signs that look like the percent sign "%" and are not it (not read as
#: percent): the Arabic percent sign (U+066A), the full-width (U+FF05) and
#: small (U+FE6A) percent signs; and the per mille (U+2030) and per ten
#: thousand (U+2031) signs, which are other units.
_PERCENT_LOOKALIKES = "\u066a\uff05\ufe6a\u2030\u2031"
_PER_MILLE = "\u2030\u2031"
#: Separators a number written in other digits may hold: ASCII "," and ".",
#: the Arabic decimal (U+066B) and thousands (U+066C) separators, and the
#: full-width comma (U+FF0C) and full stop (U+FF0E).
_FOREIGN_SEPARATORS = ",.\u066b\u066c\uff0c\uff0e"


def _foreign_numbers(s: str) -> list[str]:
    """The numbers of `s` written with digits other than ASCII 0-9, as written.

    A number is a run of decimal digits (of any script) and separators
    between them: "\u0662\u0660\u0662\u0663" (2023 in Arabic-Indic digits)
    whole, never its distinct digits; "1\u0663,65" with its ASCII digits. A
    digit no run holds (a superscript or circled digit, no decimal digit)
    is one alone. Each once, in the order written.
    """
    runs = [m.group(0) for m in re.finditer(rf"\d(?:[\d{_FOREIGN_SEPARATORS}]*\d)?", s)]
    out = [n for n in runs if any(not c.isascii() for c in n if c.isdigit())]
    out += [c for c in s if c.isdigit() and re.fullmatch(r"\d", c) is None]
    return list(dict.fromkeys(out))


def _foreign_digits_text(number: str) -> str:
    """What digits `number` is written in: "the digits of '...' are ... digits"."""
    foreign = [c for c in number if c.isdigit() and not c.isascii()]
    kinds = " and ".join(sorted({_digit_script(c) for c in foreign}))
    what = f"an {kinds} digit" if kinds[0] in "AEIOU" else f"a {kinds} digit"
    if len(number) == 1:
        return f"{number!r} is {what}"
    if len(foreign) == len([c for c in number if c.isdigit()]):
        return f"the digits of {number!r} are {kinds} digits"
    shown = "".join(foreign)
    return (
        f"{shown!r} in {number!r} is {what}"
        if len(foreign) == 1
        else f"{shown!r} in {number!r} are {kinds} digits"
    )


def _in_ascii(s: str, locale: str) -> str | None:
    """`s` with its other digits and look-alike percent signs in ASCII, if any.

    Decimal digits of any script become ASCII 0-9 ("\u0662\u0660\u0662\u0663"
    is "2023"), the Arabic decimal and thousands separators the locale's marks,
    the full-width comma and full stop "," and ".", and the Arabic, full-width
    and small percent signs "%". None if nothing is changed, or if `s` holds
    a digit that is no decimal digit (a superscript "\u00b2": a mark, or a
    power, never a digit of the number) or a per mille sign (another unit).
    """
    import unicodedata

    group, point = _LOCALE_MARKS[locale]
    if any(c in _PER_MILLE for c in s):
        return None
    out = []
    for c in s:
        if c.isdigit() and not c.isascii():
            d = unicodedata.decimal(c, None)
            if d is None:
                return None
            out.append(str(d))
        else:
            out.append(
                {
                    "\u066b": point,
                    "\u066c": group,
                    "\uff0c": ",",
                    "\uff0e": ".",
                    "\u066a": "%",
                    "\uff05": "%",
                    "\ufe6a": "%",
                }.get(c, c)
            )
    text = "".join(out)
    return text if text != s else None


def _c1_hint(chars: Sequence[str]) -> str:
    """Advice on C1 control characters (U+0080-U+009F) in a text.

    Text written in Windows-1252 (cp1252) and decoded as Latin-1 holds them
    where cp1252 has printable characters: U+0096 for the en dash (U+2013),
    U+0085 for the ellipsis "…".
    """
    shown = []
    for c in chars:
        meant = bytes([ord(c)]).decode("cp1252", errors="replace")
        shown.append(
            f"U+{ord(c):04X}" + (f" ({meant!r} in cp1252)" if meant != "\ufffd" else "")
        )
    what = "the control character" if len(chars) == 1 else "the control characters"
    return (
        f"it holds {what} {', '.join(shown)}, as text written in "
        "Windows-1252 (cp1252) and decoded as Latin-1 does: decode it as "
        "cp1252 (read_bps_table: encoding='cp1252')"
    )


def _digit_script(c: str) -> str:
    """Name of the script of a non-ASCII digit: "Arabic-Indic", "full-width", ..."""
    import unicodedata

    name = unicodedata.name(c, "")
    for prefix, shown in (
        ("FULLWIDTH", "full-width"),
        ("SUPERSCRIPT", "superscript"),
        ("SUBSCRIPT", "subscript"),
        ("EXTENDED ARABIC-INDIC", "Extended Arabic-Indic (Persian)"),
        ("ARABIC-INDIC", "Arabic-Indic"),
    ):
        if name.startswith(prefix):
            return shown
    return name.split(" DIGIT")[0].title() if " DIGIT" in name else "non-ASCII"


#: The scales a number may state: (what it writes, what its scale is when
#: another cell of the column does not write it), by kind 1-4; kind 0 is a
#: bare number, stating none.
_SCALE_KINDS: tuple[tuple[str, str], ...] = (
    ("", ""),
    ("a percent sign", "percent or a fraction"),
    ("a multiplier word", "multiplied or not"),
    (
        "a unit of count ('jiwa', 'orang', 'ruta', 'KK', 'rupiah')",
        "ones, or thousands as such columns often are",
    ),
    (
        "a unit of points ('poin', 'pp', 'persen poin')",
        "percentage points, or a rate or count",
    ),
)


def _scale_kinds(
    values: NDArray[np.float64],
    unit: NDArray[np.str_],
    mult: NDArray[np.float64],
    reasons: NDArray[Any],
) -> NDArray[np.int64]:
    """Kind of scale each cell states (index into _SCALE_KINDS); -1: none.

    Cells already invalid or missing, and 0 (0 on every scale), take no
    part.
    """
    valid = (reasons == "") & ~np.isnan(values) & (values != 0)
    kind = np.full(values.shape, -1, dtype=np.int64)
    kind[valid & (unit == "") & (mult == 1)] = 0
    kind[valid & (unit == "percent")] = 1
    kind[valid & (mult != 1)] = 2
    kind[valid & np.isin(unit, _COUNT_UNITS) & (mult == 1)] = 3
    kind[valid & (unit == "points")] = 4
    return kind


def _example(
    cells: NDArray[Any], values: NDArray[np.float64], where: NDArray[np.bool_]
) -> str:
    """The cell of `where` with the smallest value (then text), shown.

    Chosen by value, not by position, so a message does not change with the
    order of the rows.
    """
    shown = np.array([_show(c) for c in cells[where]], dtype=object)
    return repr(shown[np.lexsort((shown, values[where]))[0]])


def _mixed_scales(
    cells: NDArray[Any],
    values: NDArray[np.float64],
    unit: NDArray[np.str_],
    mult: NDArray[np.float64],
    reasons: NDArray[Any],
    *,
    locale: str,
) -> NDArray[Any]:
    """Mark the cells of the rarer scales where cells state different ones.

    "9,9 %" next to "0,1386", or "37,78 ribu" next to "7,10": whether the
    bare number is in percent (in thousands) or a fraction (in ones) is a
    guess, so the cells of the rarer kind are invalid (the bare ones on a
    tie). A unit of count ("jiwa", "orang", "ruta", "KK", "rupiah") fixes the scale
    too, at ones: "8.160 jiwa" next to "37,78" (often thousands) is the
    same guess; so does a unit of points ("8,16 poin", "8,16 pp": a change
    in percentage points) next to "37,78" (a rate, a count?). With more
    kinds than two, the cells of every kind but the most common are
    invalid; when two kinds stating a scale are the most common in as many
    cells each, no kind is the column's and every cell is invalid. Cells
    already invalid or missing take no part. The example of a number to
    write is written in `locale` ("13,65%" in "id"; sheets30 F3).
    """
    kind = _scale_kinds(values, unit, mult, reasons)
    present, counts = np.unique(kind[kind >= 0], return_counts=True)
    if present.size <= 1:
        return reasons
    out = reasons.copy()
    top = present[counts == counts.max()]
    stated = top[top != 0]  # bare numbers lose a tie
    if stated.size > 1:  # two kinds stating a scale tie: none is the column's
        tied = " and ".join(
            f"{_SCALE_KINDS[k][0]} (such as {_example(cells, values, kind == k)})"
            for k in stated.tolist()
        )
        for k in present.tolist():
            what = _SCALE_KINDS[k][0]
            this = f"a number with {what}" if k else "a number stating no scale"
            out[kind == k] = (
                f"{this} in a column whose numbers state {tied} in as many cells "
                "each: which scale the column is in is ambiguous; write one "
                "scale in every cell"
            )
        return out
    main = int(stated[0]) if stated.size else 0
    example = _example(cells, values, kind == main)
    for k in present.tolist():
        if k == main:
            continue
        if k == 0:
            what, scale = _SCALE_KINDS[main]
            why = f"a number without {what} among numbers with one"
        elif main == 0:
            what, scale = _SCALE_KINDS[k]
            why = f"a number with {what} among numbers without one"
        else:
            what, scale = _SCALE_KINDS[k]
            why = f"a number with {what} among numbers with {_SCALE_KINDS[main][0]}"
        # A sign never changes the number written beside it: a fraction of
        # one is written in percent with it (sheets24 M1: "0.1365" given a
        # sign reads 0.1365 %, not the 13.65 % it stands for).
        point = _LOCALE_MARKS[locale][1]
        sign = (
            "; a percent sign does not scale the number beside it: a "
            f"fraction of one such as 0{point}1365 is written 13{point}65%, with "
            "every number in percent"
            if 1 in (k, main)
            else ""
        )
        out[kind == k] = (
            f"{why} (such as {example}): its scale ({scale}) is ambiguous; "
            f"write it in every cell or in none{sign}"
        )
    return out


#: A number grouped by one thousands separator, with no decimals, by
#: locale: "4.375" in "id", "4,375" in "en" (the number as matched, its
#: "int" group).
_ONE_GROUP = {
    "id": re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}"),
    "en": re.compile(r"[1-9][0-9]{0,2},[0-9]{3}"),
}
#: The integer part of a number that, with three decimals and no thousands
#: separator ("587,723" in "id"), reads as a grouped whole number in the
#: other convention (587,723 in English): one to three digits, no leading 0.
_SHORT_INT = re.compile(r"[1-9][0-9]{0,2}")
#: Words for the marks in messages, by locale: (thousands mark, decimal mark).
_MARKS = {"id": ("dot", "comma"), "en": ("comma", "point")}


def _convention_kinds(
    cells: NDArray[Any],
    matches: list[re.Match[str] | None],
    valid: NDArray[np.bool_],
    shown_grouped: NDArray[np.bool_],
    locale: str,
) -> tuple[NDArray[Any], NDArray[np.float64], NDArray[np.intp]]:
    """Each cell's kind of writing, the magnitude and decimals of the number.

    Kinds (locale "id"; "en" swaps the marks): "d3", a whole number with one
    thousands dot ("8.160"); "wg", any other whole number grouping its
    thousands ("1.234.567", "Rp 316.729,-", a stored whole number its format
    shows grouped); "c3", three decimals and no thousands dot after one to
    three digits ("587,723"); "dg", decimals after grouped thousands
    ("4.188,81", a stored number with decimals of 1,000 or more that its
    format shows grouped); "du", any other number with decimals ("75,86",
    "0,725", a stored 75.86); "whole", a whole number without grouping
    ("250", a stored 8160); "" for cells invalid or missing. The magnitude
    is that of the digits written, before any multiplier ("8.160 ribu":
    8160); the decimals, how many digits follow the decimal mark ("75,86":
    2; a stored number's own digits, 477.83: 2; 0 for a whole number).
    """
    group = _LOCALE_MARKS[locale][0]
    kind = np.full(cells.size, "", dtype=object)
    mag = np.full(cells.size, np.nan)
    places = np.zeros(cells.size, dtype=np.intp)
    for i in np.flatnonzero(valid).tolist():
        c, m = cells[i], matches[i]
        if m is not None:
            int_, frac = m["int"], m["frac"]
            grouped = group in int_
            mag[i] = float(f"{int_.replace(group, '')}.{frac or 0}")
            places[i] = len(frac or "")
            if frac is None:
                one = m["nocents"] is None and _ONE_GROUP[locale].fullmatch(int_)
                kind[i] = ("d3" if one else "wg") if grouped else "whole"
            elif grouped:
                kind[i] = "dg"
            elif len(frac) == 3 and _SHORT_INT.fullmatch(int_):
                kind[i] = "c3"
            else:
                kind[i] = "du"
        elif not isinstance(c, str | bool | np.bool_):
            try:
                v = float(c)
            except (TypeError, ValueError):
                continue
            if not np.isfinite(v):
                continue
            mag[i] = abs(v)
            # A stored number: decimals where it is not whole (a float or a
            # Decimal; an int never has any), as many as its digits hold.
            fractional = not v.is_integer()
            if fractional:
                d = c if isinstance(c, Decimal) else Decimal(repr(v))
                places[i] = max(0, -int(d.as_tuple().exponent))
            big_grouped = bool(shown_grouped[i]) and abs(v) >= 1000
            if fractional:
                kind[i] = "dg" if big_grouped else "du"
            else:
                kind[i] = "wg" if big_grouped else "whole"
    return kind, mag, places


def _grouped_text(d: Decimal, locale: str) -> str:
    """`d` written with the locale's thousands and decimal marks."""
    text = f"{int(d):,}" if d == d.to_integral_value() else f"{d.normalize():,f}"
    if locale == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _other_convention(
    cells: NDArray[Any],
    values: NDArray[np.float64],
    unit: NDArray[np.str_],
    reasons: NDArray[Any],
    locale: str,
    *,
    total: NDArray[np.bool_] | None = None,
    unmatched: NDArray[np.bool_] | None = None,
    count: NDArray[Any] | None = None,
    shown_grouped: NDArray[np.bool_] | None = None,
) -> NDArray[Any]:
    """Mark numbers that read another way in the other convention.

    The cells of one column (in a table, of one column group). Locale "id"
    (decimal comma, thousands dot); in "en" the same holds with the marks
    swapped. Cells already invalid or missing take no part, and the order
    of the cells does not matter.

    1. A whole number with one thousands dot ("8.160": 8160, or 8.16 typed
       in the other convention) is ambiguous where the column holds a
       number with decimals ("75,86", "4.188,81", a stored 75.86) other
       than three decimals after at most three digits ("587,723", which
       may itself be the other convention, see 2). A number stating a unit
       of count in ones, in the cell or by `count` ("8.160 jiwa", "Rp
       8.160", under "(jiwa)"), is not: a count in ones has no decimals;
       with a multiplier ("8.160 ribu jiwa") it is. The rule is lifted
       where the column writes its values of 1,000 or more with the
       locale's separators: among the cells other than the ambiguous ones
       and the three-decimal ones, and other than `total` (aggregate rows,
       which may be of another order than the rows under them), some
       number has decimals grouping its thousands ("412.345,50"), none has
       decimals without grouping ("75,86") and none is below 1,000 in
       magnitude ("250", "0"). Then "674.660" is 674660, as the others'
       magnitude says; 674.66 would be the one value below 1,000.
    2. A number with three decimals and no thousands dot after one to
       three digits ("587,723": 587.723, or 587723 with the comma as the
       other convention's thousands comma) is ambiguous where the cells
       other than such numbers and a `total` with decimals hold a whole
       number of 1,000 or more or a number grouping its thousands
       ("674.660", "1.234.567", "4.188,81"; a whole total "486.201"
       counts), and no cell (totals included) holds a number with
       decimals without grouping other than such numbers ("75,86"). It is
       ambiguous too where, among those cells, some number has decimals,
       each one or two ("477,83", "3.888,60": 2; a stored number's own
       digits; a column of computed values with longer decimals is not
       judged), and either some is 1,000 or more or groups its thousands
       ("3.888,60", "1.141,11"; not a "8.160" that rule 1 refuses), or it
       is the column's one number with three decimals, totals included,
       beside two or more numbers with decimals ("4,188" among "37,78"
       and "136,37": three decimals where every other number has another
       count, and 4188 in the other reading, which is always 1,000 or
       more). It is not evidence that the column
       writes decimals (rule 1), and a unit in the cell ("Rp 587,723",
       "7,100 jiwa") does not exempt it. Neither part applies where some
       number other than `total` and `unmatched` groups its thousands and
       has three decimals ("1.257,701", no number in the other
       convention): the column writes three decimals after a decimal
       comma, and "757,444" is 757.444.
    3. Under a unit of count in ones (persons or rupiah, stated in the
       cell without a multiplier or by `count`), a number with decimals
       below 1,000 without grouping ("7,10" jiwa) among whole counts of
       1,000 or more, grouped or not ("37.780", "136370"), `total`
       included (a total "4.188.810" under "(jiwa)" is a count too), is
       ambiguous: 7.1 persons, or 7.10 thousand (7.100) if typed in
       thousands. Numbers grouping their thousands ("412.345,50" rupiah)
       are not.

    4. Under a unit of count in ones, a number with three decimals and no
       grouping after one to three digits ("628,330" rupiah, "580,000"
       jiwa) is invalid whatever stands beside it: a count in ones has no
       decimals, and such a number is the other convention's thousands.
    5. Under a unit of persons, households or families (counted whole, not rupiah,
       which may have cents), a number with a fraction ("38,56" under
       "(jiwa)") is invalid whatever stands beside it.

    A cell refused by one rule is not refused by a later one (one reason
    each).

    `total`: cells of aggregate rows (a national or province row above its
    regions), evidence that the column writes decimals (rule 1) but never
    of how it writes its other rows (rule 1, and rule 2 where the total has
    decimals), yet counts (rule 3); a whole total of 1,000 or more
    ("486.201") is evidence for rule 2 as any cell is.
    `unmatched`: cells of rows whose label names no region (a total or an
    average labelled otherwise, "Propinsi Jawa Timur", "Rata-rata", an
    empty label): taken exactly as `total` (whether a total's label is
    recognised never changes how its column is read).
    `count`: per cell, the unit of count in ones ("persons", "rupiah") a
    unit row, group label or title states over it ("" where none).
    `shown_grouped`: stored numbers whose format shows thousands grouped.
    """
    # One cell is judged too: rule 4 needs nothing beside it, and rules 1
    # to 3 need another cell to compare with, so they never fire on one.
    if locale not in _ONE_GROUP or cells.size == 0:
        return reasons
    n = cells.size
    no = np.zeros(n, dtype=bool)
    total = no if total is None else np.asarray(total, dtype=bool)
    unmatched = no if unmatched is None else np.asarray(unmatched, dtype=bool)
    shown_grouped = no if shown_grouped is None else np.asarray(shown_grouped, bool)
    row_count = (
        np.full(n, "", dtype=object) if count is None else np.asarray(count, object)
    )
    group, point = _LOCALE_MARKS[locale]
    group_word, point_word = _MARKS[locale]
    valid = (reasons == "") & ~np.isnan(values)
    texts = [_SPACES.sub(" ", c).strip() if isinstance(c, str) else None for c in cells]
    matches = [None if t is None else _PATTERNS[locale].fullmatch(t) for t in texts]
    kind, mag, places = _convention_kinds(cells, matches, valid, shown_grouped, locale)
    d3, wg, c3 = kind == "d3", kind == "wg", kind == "c3"
    dg, du = kind == "dg", kind == "du"
    # A multiplier ("8.160 ribu jiwa") scales a count as it scales a bare
    # number: the cell is as ambiguous as "8.160 ribu".
    multiplied = np.array([m is not None and bool(m["mult"]) for m in matches])
    own_count = np.isin(unit, _COUNT_UNITS) & ~multiplied
    counted = own_count | (row_count != "")
    count_name = np.where(own_count, unit.astype(object), row_count)
    evidence = valid & ~total
    # 1. "8.160" among numbers with decimals. A row naming no region (an
    # unmatched total or average) never lifts the rule, as a total does not.
    ambiguous = d3 & ~counted
    others = evidence & ~unmatched & ~ambiguous & ~c3
    lifted = (
        bool((dg & others).any())
        and not (du & others).any()
        and not (others & (mag < 1000)).any()
    )
    flag1 = ambiguous if (du | dg).any() and not lifted else no
    # 2. "587,723" among whole numbers of 1,000 or more, or grouped ones.
    large = d3 | wg | dg | ((kind == "whole") & (mag >= 1000))
    # Numbers grouping their thousands with three decimals ("1.257,701",
    # no number in the other convention) show the column writes three
    # decimals after a decimal comma: "757,444" is 757.444.
    three = bool((dg & (places == 3) & evidence & ~unmatched).any())
    # A total, recognised or a row naming no region alike (whether a total's
    # label is recognised never decides how its column is read), is
    # evidence here where it is whole: "486.201" above "628,330" says the
    # column writes whole numbers of 1,000 or more (the cities' 628.33 would
    # be a thousandth of their province's figure). A total with decimals
    # ("4.188,81") is a sum of another order than its rows and says only
    # that the column writes decimals.
    evidence2 = valid & ~((total | unmatched) & (du | dg))
    flag2 = c3 if (large & evidence2 & ~c3).any() and not du.any() else no
    if three:
        flag2 = no
    # "4,188" among numbers with one or two decimals (as published figures
    # are written; a column of computed values with longer decimals is not
    # judged): among grouped or big ones ("3.888,75"; not "8.160", ambiguous
    # by 1), or the one number of three.
    decimals = (du | dg) & evidence2 & ~c3
    big = (large | (mag >= 1000)) & evidence2 & ~c3 & ~flag1
    # The one number of three beside two or more with decimals: one other
    # figure says little of the column's precision.
    lone = int(((places == 3) & valid).sum()) == 1 and int(decimals.sum()) >= 2
    unlike = (
        c3 & ~flag2
        if c3.any()
        and not three
        and decimals.any()
        and not (decimals & (places >= 3)).any()
        and (big.any() or lone)
        else no
    )
    flag2 = flag2 | unlike
    # 3. "7,10" among counts in ones of 1,000 or more, grouped or not
    # ("37.780", "37780"), totals included: a count in ones has no decimals.
    whole_big = (kind == "whole") & (mag >= 1000)
    counts = valid & counted & (d3 | wg | whole_big)
    flag3 = (counted & (du | c3) & (mag < 1000) & ~flag2) if counts.any() else no
    # 4. "628,330" under a unit of count in ones, with or without whole
    # counts beside it: a count in ones has no decimals, and three of them
    # after one to three digits are the other convention's thousands.
    flag4 = counted & c3 & valid & ~flag2 & ~flag3
    # 5. "38,56" under "(jiwa)": persons or households are counted whole, so
    # a fraction is no count in ones (a figure in thousands, or a wrong
    # one). Rupiah may have cents ("Rp 628.330,50").
    whole_counts = np.array(
        [bool(n) and set(str(n).split(" or ")) <= _WHOLE_COUNTS for n in count_name],
        dtype=bool,
    )
    with np.errstate(invalid="ignore"):
        fraction = np.isfinite(values) & (values != np.trunc(values))
    flag5 = (
        counted
        & whole_counts
        & fraction
        & ~multiplied
        & valid
        & ~flag1
        & ~flag2
        & ~flag3
        & ~flag4
    )
    if not (flag1.any() or flag2.any() or flag3.any() or flag4.any() or flag5.any()):
        return reasons
    out = reasons.copy()
    # A stored number with decimals (a spreadsheet's) is quoted with the
    # decimal comma the sheet shows in locale "id" ("35,4", not "35.4").
    written = np.array(
        [
            repr(float(c)).replace(".", point)
            if isinstance(c, float | np.floating) and np.isfinite(c)
            else c
            for c in cells
        ],
        dtype=object,
    )
    for i in np.flatnonzero(flag1 | flag2).tolist():  # the few such cells
        t, m = str(texts[i]), matches[i]
        if m is None:  # never: a dotted or three-decimal cell matched
            continue
        head, tail = t[: m.start("int")], t[m.end("frac" if flag2[i] else "int") :]
        v = float(values[i])
        if flag1[i]:
            comma = f"{head}{m['int'].replace(group, point)}{tail}"
            whole = f"{head}{m['int'].replace(group, '')}{tail}"
            other = _parse_text(comma, locale, frozenset())[0]
            example = _example(written, values, (du | dg) & valid)
            if locale == "id":
                what = (
                    "a number written with a thousands dot and no decimals "
                    "among numbers written with a decimal comma"
                )
                mark = "dot is a decimal point"
            else:
                what = (
                    "a number written with a thousands comma and no decimals "
                    "among numbers written with a decimal point"
                )
                mark = "comma is a decimal comma"
            # The readings as the locale writes them, without grouping:
            # "4260" and "4,26" in locale "id" (sheets32 N1).
            shown_v, shown_other = (
                _grouped_text(Decimal(repr(float(x))), locale).replace(group, "")
                for x in (v, other)
            )
            out[i] = (
                f"{what} (such as {example}): in locale {locale!r} it reads "
                f"{shown_v}, but {shown_other} if the {mark} (the other "
                f"convention); which is meant is ambiguous: write {comma!r} for "
                f"{shown_other}, or the digits without the {group_word} "
                f"({whole!r}) for {shown_v}"
            )
            continue
        digits = f"{m['int']}{m['frac']}"
        grouped = f"{head}{m['int']}{group}{m['frac']}{tail}"
        whole = f"{head}{digits}{tail}"
        other = _parse_text(whole, locale, frozenset())[0]
        mark = (
            "comma is a thousands comma"
            if locale == "id"
            else "point is a thousands dot"
        )
        if unlike[i]:
            example = _example(written, values, big if big.any() else decimals)
            among = (
                "among numbers with decimals, none with three"
                + (
                    ", some of 1,000 or more or grouping their thousands"
                    * bool(big.any())
                )
                + f" (such as {example})"
            )
        else:
            example = _example(written, values, large & evidence2 & ~c3)
            among = (
                "among whole numbers of 1,000 or more or numbers grouping their "
                f"thousands (such as {example}), with no other number written "
                f"with a decimal {point_word} and ungrouped"
            )
        out[i] = (
            f"a number written with three decimals and no thousands {group_word} "
            f"{among}: in locale {locale!r} "
            f"it reads {v!r}, but {other!r} if the {mark} (the other "
            f"convention); which is meant is ambiguous: write {grouped!r} (or "
            f"the digits without the {point_word}, {whole!r}) for {other!r}; "
            f"if {v!r} is meant, check the figure against its source"
        )
    if flag3.any():
        example = _example(written, values, counts)
        for i in np.flatnonzero(flag3).tolist():  # the few such cells
            v = float(values[i])
            thousands = Decimal(repr(v)) * 1000
            name = str(count_name[i])
            # Persons, households or families are counted whole: a fraction
            # of one is never meant (rupiah may have cents).
            counted = v != int(v) and set(name.split(" or ")) <= _WHOLE_COUNTS
            write = (
                f"write the count in {name} ({_grouped_text(thousands, locale)!r} "
                f"for {float(thousands)!r})"
            )
            out[i] = (
                "a number with decimals below 1,000 under a unit of count in "
                f"ones ({name}) among whole counts of 1,000 or more (such as "
                f"{example}): it reads {v!r} {name}, but {float(thousands)!r} "
                "if it was written in thousands; "
                + (
                    f"{name} are counted whole, so {v!r} is not meant: {write}, "
                    "or check the figure against its source"
                    if counted
                    else f"which is meant is ambiguous: {write}, or, if {v!r} "
                    "is meant, check the figure against its source"
                )
            )
    locales = "'en'" if locale == "id" else "'id'"
    for i in np.flatnonzero(flag4).tolist():  # the few such cells
        t, m = str(texts[i]), matches[i]
        if m is None:  # never: a three-decimal cell matched
            continue
        head, tail = t[: m.start("int")], t[m.end("frac") :]
        v = float(values[i])
        name = str(count_name[i])
        digits = f"{m['int']}{m['frac']}"
        grouped = f"{head}{m['int']}{group}{m['frac']}{tail}"
        other = _parse_text(f"{head}{digits}{tail}", locale, frozenset())[0]
        mark = (
            "comma is a thousands comma"
            if locale == "id"
            else "point is a thousands dot"
        )
        out[i] = (
            f"a count in ones ({name}) written with three decimals: in locale "
            f"{locale!r} it reads {v!r} {name}, but {other!r} if the {mark} "
            "(the other convention); a count in ones has no decimals, so this "
            "looks like a thousands separator of the other convention: if the "
            f"table writes its numbers that way, read it with locale={locales}, "
            f"or write {grouped!r} for {other!r}"
        )
    for i in np.flatnonzero(flag5).tolist():  # the few such cells
        v = float(values[i])
        name = str(count_name[i])
        out[i] = (
            f"a count in ones ({name}) with a fraction: it reads {v!r} {name}, "
            f"but {name} are counted whole; if the figures are in thousands, "
            'state it ("(ribu jiwa)" in the unit row or header, or "ribu" '
            f"in the cell), or check the figure against its source"
        )
    return out


#: Units counted whole: a fraction of one is no count in ones.
_WHOLE_COUNTS = frozenset({"persons", "households", "families"})


def _mixed_units(unit: NDArray[np.str_], reasons: NDArray[Any]) -> NDArray[Any]:
    """Mark cells whose unit is not the column's most common stated unit.

    On a tie for the most common unit (two "persen" and two "jiwa") the
    column's unit is a guess: every cell stating a unit is marked, each
    naming the units tied, as bare numbers are on a tie of scales.
    """
    stated = unit[(unit != "") & (reasons == "")]
    kinds, counts = np.unique(stated, return_counts=True)
    if kinds.size <= 1:
        return reasons
    top = kinds[counts == counts.max()]
    out = reasons.copy()
    if top.size > 1:
        odd = (unit != "") & (reasons == "")
        tied = ", ".join(repr(str(k)) for k in top)
        out[odd] = [
            f"unit {str(u)!r} in a column stating units {tied} in as many cells "
            "each: which unit the column is in is ambiguous; write one unit"
            for u in unit[odd]
        ]
        return out
    main = str(top[0])
    odd = (unit != "") & (unit != main) & (reasons == "")
    out[odd] = [f"unit {str(u)!r} in a column of {main!r}" for u in unit[odd]]
    return out
