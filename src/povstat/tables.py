"""Reading BPS-style wide tables into povstat's long format.

BPS publishes its regional tables wide: one row per region, one column per
year or survey round, a title above, notes below, numbers as text. For
example the CSV export of *Persentase Penduduk Miskin (P0) Menurut
Kabupaten/Kota (Persen)* reads::

    Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) Menurut ...
    ,2022,2023,2024
    JAWA TIMUR,10.38,10.35,9.79
    Pacitan,13.8,13.65,13.08
    ...
    Kota Malang,4.37,4.26,3.91

:func:`read_bps_table` finds the header naming the periods, reads every
value with the stated number format (:func:`povstat.parse_numbers`), puts the
regions' names in one form and attaches their area codes, and returns one row
per region and period. Nothing is dropped silently: rows it cannot match to a
region, rows it skips and cells it cannot read are all reported.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import io
import os
import re
import unicodedata
import warnings
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple, cast, overload

import numpy as np
import pandas as pd
from attrs import evolve, field, frozen
from narwhals.stable.v2.typing import IntoFrame

from povstat import _regions, _results, _validate
from povstat._results import Backend
from povstat.parsing import (
    _COUNT_UNITS,
    _DATE_OR_TIME,
    _DEFAULT_MISSING,
    _MULT_RE,
    _MULTIPLIERS,
    _PATTERNS,
    _UNIT_RE,
    _UNITS,
    _WHOLE_COUNTS,
    InvalidCell,
    Locale,
    NumberParseError,
    _alternation,
    _Bits,
    _cell_tuple,
    _date_text,
    _digit_script,
    _label,
    _locale,
    _missing,
    _mixed_scales,
    _mixed_units,
    _odd_cell,
    _other_convention,
    _parse_flat,
    _parse_text,
    _show,
    _warn_read_as_numbers,
)

if TYPE_CHECKING:
    import polars as pl

__all__ = ["BpsTable", "read_bps_table"]

_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: First bytes of an Excel or OpenDocument workbook: a zip archive (xlsx,
#: xlsm, ods) or an OLE2 compound file (xls).
_EXCEL_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
_FIXED_COLUMNS = (
    "region_code",
    "region_name",
    "region_type",
    "label",
    "footnote",
    "group",
    "year",
    "month",
)

_MONTHS: dict[str, int] = {
    "januari": 1,
    "january": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "february": 2,
    "feb": 2,
    "maret": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "june": 6,
    "jun": 6,
    "juli": 7,
    "july": 7,
    "jul": 7,
    "agustus": 8,
    "august": 8,
    "agu": 8,
    "agt": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "october": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "desember": 12,
    "december": 12,
    "des": 12,
    "dec": 12,
}
_MONTH_TEXT = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: Words are matched without regard to case on ASCII letters only, so that a
#: look-alike letter (the long s U+017F, the Kelvin sign U+212A, the dotted
#: capital I U+0130) is not taken for "s", "k" or "i".
_WORD_FLAGS = re.IGNORECASE | re.ASCII
#: A survey round without its year: "Maret", "Semester 1 (Maret)",
#: "Semester 2", "Tahunan" (annual).
_ROUND = re.compile(
    rf"(?:semester|smt\.?|sem\.?)\s*(?P<sem>1|2|ii|i)(?:\s*\(\s*(?P<m1>{_MON})\.?\s*\))?"
    rf"|(?P<m2>{_MON})\.?"
    r"|(?P<annual>tahunan|annual)",
    _WORD_FLAGS,
)
#: A round named as a word inside a longer cell: "Keadaan Maret", "Maret*",
#: "[Semester 2]".
_ROUND_WORD = re.compile(rf"(?<![A-Za-z])(?:{_ROUND.pattern})(?![A-Za-z])", _WORD_FLAGS)
#: A year after the word for year: "Tahun 2022", "Year 2022".
_WORD_YEAR = re.compile(r"^(?:tahun|year)\s*(?P<year>(?:19|20)[0-9]{2})$", _WORD_FLAGS)
_YEAR = re.compile(
    r"(?P<a>.*?)\s*(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?![0-9])\s*(?P<b>.*)"
)
#: A year written as a whole float, "2022.0" (pandas writes a column of
#: years so once it holds a missing value): the year 2022.
_POINT_ZERO = re.compile(r"^(?P<year>(?:19|20)[0-9]{2})\.0+$")
#: BPS's semester convention for the Susenas poverty rounds.
_SEMESTER_MONTH = {"1": 3, "i": 3, "2": 9, "ii": 9}
#: Rows whose first cell starts like this are notes, not regions.
_NOTE = re.compile(
    r"^(?:\*|(?:sumber|sources?|catatan|keterangan|ket|notes?)(?![a-z]))",
    _WORD_FLAGS,
)
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"  # ¹²³⁰⁴-⁹
#: Letters raised by a rich-text run, shown as the Unicode modifier letters
#: that show them so: every small letter but "q", and the capitals that
#: have one.
_RAISED_LETTERS = {
    "a": "\u1d43", "b": "\u1d47", "c": "\u1d9c", "d": "\u1d48", "e": "\u1d49",
    "f": "\u1da0", "g": "\u1d4d", "h": "\u02b0", "i": "\u2071", "j": "\u02b2",
    "k": "\u1d4f", "l": "\u02e1", "m": "\u1d50", "n": "\u207f", "o": "\u1d52",
    "p": "\u1d56", "r": "\u02b3", "s": "\u02e2", "t": "\u1d57", "u": "\u1d58",
    "v": "\u1d5b", "w": "\u02b7", "x": "\u02e3", "y": "\u02b8", "z": "\u1dbb",
    "A": "\u1d2c", "B": "\u1d2e", "D": "\u1d30", "E": "\u1d31", "G": "\u1d33",
    "H": "\u1d34", "I": "\u1d35", "J": "\u1d36", "K": "\u1d37", "L": "\u1d38",
    "M": "\u1d39", "N": "\u1d3a", "O": "\u1d3c", "P": "\u1d3e", "R": "\u1d3f",
    "T": "\u1d40", "U": "\u1d41", "V": "\u2c7d", "W": "\u1d42",
}  # fmt: skip
#: Marks no region's name holds, read as a footnote mark after a name
#: whether typed on the line or raised: dagger, double dagger, section sign.
_DAGGERS = "\u2020\u2021\u00a7\u271d"  # † ‡ § ✝ (Latin cross)
#: Letters lowered by a rich-text run, shown as the Unicode subscript
#: letters that show them so (the letters that have one).
_LOWERED_LETTERS = dict(
    zip("aehijklmnoprstuvx", "\u2090\u2091\u2095\u1d62\u2c7c\u2096\u2097"
        "\u2098\u2099\u2092\u209a\u1d63\u209b\u209c\u1d64\u1d65\u2093",
        strict=True)
)  # fmt: skip
#: Subscript digits, signs, brackets and letters: a lowered footnote mark.
_SUBSCRIPTS = "\u2080-\u208e" + "".join(_LOWERED_LETTERS.values())
#: Stars that mark a footnote: the asterisk, the asterisk operator (U+2217),
#: the low asterisk (U+204E) and the full-width asterisk (U+FF0A).
_STARS = "*\u2217\u204e\uff0a"
#: What a footnote mark raised by a rich-text run shows as: superscript
#: digits, signs and brackets, modifier letters, and the daggers.
_RAISED_MARK = (
    _SUPERSCRIPTS
    + "\u207a\u207b\u207c\u207d\u207e"
    + "".join(_RAISED_LETTERS.values())
    + _DAGGERS
)
#: Rows whose first cell starts with a footnote mark followed by text ("1)
#: angka sementara", "a) ...", "(1) ...", "¹ ...", "† ...") are footnotes, not regions,
#: when none of their value cells holds a number.
_FOOTNOTE_ROW = re.compile(
    rf"^(?:\(?(?:[0-9]{{1,2}}|[a-z])\)|[{_SUPERSCRIPTS}]+\u207e?|[{_DAGGERS}]+)\s*[^\s)]",
    _WORD_FLAGS,
)
#: A cell starting with a number, however it goes on ("3,5*", "(3)", "12a").
_LEADING_DIGITS = re.compile(r"\s*[(\[]?\s*[-+\u2212]?\s*[0-9]")
#: A row numbered like a footnote, "1) Muna" or "(2) Buton": in a run of
#: such rows numbered one after the other, some holding numbers, each is data.
_LISTED = re.compile(r"^\(?(?P<n>[0-9]{1,3})\)\s*[^\s)]")


def _symbol_marks() -> str:
    """Symbols that stand alone as a footnote mark ("#", "¶", "‖", "◊").

    The characters of the Basic Multilingual Plane that Unicode counts as
    other symbols (So) or mathematical ones (Sm), or as other punctuation
    (Po), but not ASCII ones other than "#" (a full stop, a comma, a colon
    or a per cent sign ends a name or a number, never marks a footnote),
    nor the inverted marks, the middle dot, the ellipsis and the Braille
    patterns (the blank one shows as a space: named as invisible).
    """
    kept = {"So", "Sm", "Po"}
    left_out = "\u00a1\u00b7\u00bf\u2026"
    chars = [
        ch
        for ch in map(chr, range(0x80, 0x10000))
        if unicodedata.category(ch) in kept
        and ch not in left_out
        and not 0x2800 <= ord(ch) <= 0x28FF
    ]
    return "#" + "".join(chars)


#: What stands alone as a footnote mark: a symbol (see ``_symbol_marks``).
_SYMBOL_MARKS = _symbol_marks()
#: One item of a list of footnote marks: a number, a range of numbers
#: ("1-3", "1\u20133", an en dash) or a letter.
_MARK_ITEM = r"(?:[0-9]{1,2}(?:\s*[-\u2013]\s*[0-9]{1,2})?|[a-z])"
_MARK_LIST = rf"{_MARK_ITEM}(?:\s*,\s*{_MARK_ITEM})*"
#: A footnote mark written with symbols, no typed digit or letter leading
#: it: stars, bracketed or not ("*", "**)", "(*)", U+2217; brackets raised
#: too, "*⁾", "⁽*⁾", as a star typed before a raised bracket); superscripts
#: ("¹", "⁽¹⁾"); raised marks and daggers, bracketed or not ("ᵃ", "†",
#: "†)", "(†)"); subscripts ("ₐ", "₁"); a run of symbols ("#", "¶", "‖",
#: "◊"); a caret and a number or letter ("^1"). Before a name too, where
#: typed numbers and letters are a list's ("1) Kota Batu", "a. Malang").
_SYMBOLIC_MARK = (
    rf"[(\u207d]?[{_STARS}]+[)\u207e]?"
    rf"|\u207d?[{_SUPERSCRIPTS}]+\u207e?"
    rf"|\(?[{_RAISED_MARK}]+\)?"
    rf"|[{_SUBSCRIPTS}]+"
    rf"|[{_SYMBOL_MARKS}]+"
    r"|\^[0-9a-z]{1,2}"
)
#: One footnote mark, by its grammar: one written with symbols
#: (``_SYMBOLIC_MARK``); a list of numbers, ranges and letters in round or
#: square brackets ("(1)", "(a,b)", "[1,2]") or closed by a bracket ("1)",
#: "1,2)", "1-3)", "a,b)"); a number and a slash ("1/"). A mark of digits
#: never follows a digit or a point, and an unbracketed mark of letters
#: never follows a letter: no mark is cut out of a number or a word.
_ONE_MARK = (
    rf"{_SYMBOLIC_MARK}"
    rf"|\({_MARK_LIST}\)|\[{_MARK_LIST}\]"
    rf"|(?<![0-9.])[0-9]{{1,2}}(?:\s*[-\u2013]\s*[0-9]{{1,2}})?"
    rf"(?:\s*,\s*{_MARK_ITEM})*\)"
    rf"|(?<![0-9a-z.])[a-z](?:\s*,\s*{_MARK_ITEM})*\)"
    r"|(?<![0-9.])[0-9]{1,2}/"
)
#: The footnote marks after a region's name, the whole run of them, one or
#: several (apart, or separated by commas), after a comma or not:
#: "Pacitan*", "Pacitan **", "Pacitan¹", "Pacitan 1)", "Pacitan (1)",
#: "Pacitan a)", "Pacitan 1,2)", "Pacitan *,**", "Pacitan¹,²", "Pacitan †
#: ‡", "Pacitan¹*", "Pacitan 1/ 2/", "Pacitan [1,2]", "Pacitan, 1)",
#: "Pacitan a)b)". A bracket opening with "Kode" holds an area code, no
#: mark: "Jawa Timur (Kode 35)" keeps its "35)" (see :func:`trailing_codes`).
_MARK = re.compile(
    rf"^(?P<name>.*?[^\s(,{_STARS}])(?<!kode)(?<!kode:)(?<!kode\s:)"
    rf"(?P<mark>\s*,?\s*(?:{_ONE_MARK})(?:\s*,?\s*(?:{_ONE_MARK}))*)\Z",
    _WORD_FLAGS,
)


def without_footnote_mark(text: str) -> str:
    """`text` without the footnote marks after it (see ``_MARK``), as read.

    The name :func:`read_bps_table` reads in a label ending in marks
    ("Pacitan¹" -> "Pacitan", "Pacitan (a)", "Pacitan †"); three or more
    raised or lowered digits in a row are no mark (``_LONG_RAISED``).
    """
    marked = _MARK.match(text)
    if marked is None or _LONG_RAISED.search(marked["mark"]):
        return text
    return marked["name"]


#: What opens and closes a bracketed list number or code ("(38)", "[3578]",
#: full-width "\uff083579\uff09", "\uff3b35\uff3d", "\u30103579\u3011"),
#: and what separates a list number or code from the name after it: a point
#: or a closing bracket, maybe before a dash or a colon ("1. Malang", "3)
#: Batu", "5.- Jambi"), a hyphen, a dash or a minus sign, a colon, a slash,
#: a bar or an underscore ("3573-Malang", "35: Jawa Timur", "35/Jawa
#: Timur", "35 | Jawa Timur", "35_Jawa Timur") or a space. Arabic numbers
#: (``_LEADING_NUMBER``) and capital roman numerals (``_CAPITAL_ROMAN``) are
#: read with these alike.
_LIST_OPEN = r"[\[(\uff08\uff3b\u3010]"
_LIST_CLOSE = r"[\])\uff09\uff3d\u3011]"
_LIST_SEP = r"[.)]\s*(?:[-\u2013\u2014\u2212:]\s*)?|\s*[-\u2013\u2014\u2212:/|_]\s*|\s+"
#: A number before a name: a list number ("1 Malang", "2. Kota Malang",
#: "3) Batu"), numbered as a list's ("#1 Malang", "No. 1 Malang") or a
#: section's ("1.1. Kota Malang", "1.2 Batu": ``level``), or an area code
#: ("3573 Kota Malang", "35 Jawa Timur"). A code may be written with
#: Kemendagri's dot ("35.73"), in brackets ("[3573]", "(3573)"), joined by
#: a hyphen, a dash or a minus sign ("3573-Malang"), a colon, a slash, a
#: bar or an underscore ("35: Jawa Timur", "35/Jawa Timur", "35 | Jawa
#: Timur", "35_Jawa Timur"), or glued to the name, two or four digits
#: before a letter, as a spreadsheet joins two cells ("35Jawa Timur").
#: Full-width brackets ("\uff083579\uff09Kota Batu", "\uff3b35\uff3d",
#: "\u30103579\u3011") are read as brackets, and a number after "Kode"
#: ("(Kode 3579) Kota Batu", "Kode 3579 Kota Batu": ``kode``) is a code;
#: "Nomor 1" is a list's number, as "No. 1" is, and so is a section's
#: number under a roman numeral ("I.1. Kota Batu").
_LEADING_NUMBER = re.compile(
    r"^(?P<no>#\s*|(?:[Nn][Oo]|[Nn][Oo][Mm][Oo][Rr])\.?\s*(?=[0-9]))?"
    rf"{_LIST_OPEN}?\s*(?P<kode>[Kk][Oo][Dd][Ee]\s*:?\s*(?=[0-9]))?"
    r"(?P<num>[0-9]{2}\.[0-9]{2}"
    r"|(?P<level>(?:[0-9]{1,3}|[IVX]{1,7})(?:\.[0-9]{1,3})+)|[0-9]{1,4})"
    rf"(?P<close>{_LIST_CLOSE}?)"
    rf"(?P<sep>{_LIST_SEP}"
    r"|(?<![0-9][0-9]{2})(?<=[0-9]{2})(?=[^\W\d_])|(?<=[0-9]{4})(?=[^\W\d_])"
    rf"|(?<={_LIST_CLOSE})(?=\S))"
    r"(?P<rest>\S.*)$"
)
#: A capital roman numeral before a name ("I. Jawa Timur", "II) Kota
#: Batu", up to "XXXVIII. Papua Barat Daya", the 38th province): a list's
#: number where it has two letters or more, and a numeral of one letter
#: only where the column numbers its labels so (see ``_roman_run``), never
#: an initial ("D. I. Yogyakarta", "K. Riau"). It may be typed without a
#: space before a letter ("I.ACEH", "XV.JAWA TIMUR"), in brackets ("(V)
#: JAMBI", "[V] JAMBI", "\u3010V\u3011JAMBI"), or with a separator
#: ("V: JAMBI", "V.- JAMBI", "V - JAMBI", "V/JAMBI", "V | JAMBI"): its
#: brackets and separators are the arabic list numbers' (``_LIST_OPEN``,
#: ``_LIST_CLOSE``, ``_LIST_SEP``); never right before a digit ("I.1. Kota
#: Batu" is a section's number).
_CAPITAL_ROMAN = re.compile(
    rf"^\s*(?P<open>{_LIST_OPEN})?(?P<roman>[IVX]{{1,7}})(?![.)]?[0-9])"
    rf"(?(open){_LIST_CLOSE}(?:{_LIST_SEP})?|(?:{_LIST_SEP}))(?=\S)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
#: A list's decoration before a region's name, read past as on a heading:
#: dashes and bullets ("- Kota Batu", "• Kota Batu", "◦ Malang") and an
#: apostrophe left by a spreadsheet's text prefix ("'Kota Batu"); a small
#: letter of a lettered list ("a. Kota Batu", "b) Kota Malang", "(c)
#: Kerinci", "a.Kota Batu" as typed, "a. D.I. Yogyakarta") or a small roman
#: numeral ("ii. Kota Malang", "(iii) Kota Blitar"), never a capital (an
#: initial: "D. I. Yogyakarta", "K. Riau") nor before a small initial ("d.
#: i. yogyakarta"); never a digit.
_LIST_DECORATION = re.compile(
    r"^\s*(?:['\u2019`]\s*|[\-\u2010-\u2015\u2212\u2022\u2023\u2043\u00b7\u2219"
    r"\u25aa\u25ab\u25a0\u25a1\u25cf\u25cb\u25e6\u25b8\u25ba\u27a2]+\s*"
    r"|(?:\((?:[a-z]|[ivx]{2,4})\)|[ivx]{2,4}[.)]|[a-z][.)])"
    r"(?:\s+(?=\S)|(?=[A-Z][a-z]))(?![a-z]\.))"
)
#: An area code of four digits after a name: "Malang (3507)", "Malang
#: [35.07]", "Malang 3507", "Malang - 3507", "Malang \u2013 3507" (an en
#: dash, as autocorrect writes "name - code"), "Malang \u2014 3507" (an em
#: dash); full-width brackets too ("Malang\uff083507\uff09", "Malang\u30103507\u3011").
_TRAILING_CODE = re.compile(
    r"^(?P<rest>.*?[^\s\-\u2013\u2014\u2212])\s*"
    r"(?:[\[(\uff08\uff3b\u3010]\s*(?P<kode>[Kk][Oo][Dd][Ee]\s*:?\s*)?"
    r"(?P<code>[0-9]{2}\.?[0-9]{2})\s*[\])\uff09\uff3d\u3011]"
    r"|(?:\s+|\s*[-\u2013\u2014\u2212]\s*)(?P<bare>[0-9]{2}\.?[0-9]{2}))$"
)
#: A province's code of two digits after a name, as :data:`_TRAILING_CODE`
#: reads four, but never after a space alone: in brackets, after "Kode"
#: or not ("Jawa Timur (Kode 35)", full-width: "Jawa Timur\uff0835\uff09"),
#: or after a dash or minus sign ("Jawa Timur \u2212 35").
_TRAILING_PROVINCE_CODE = re.compile(
    r"^(?P<rest>.*?[^\s\-\u2013\u2014\u2212])\s*"
    r"(?:[\[(\uff08\uff3b\u3010]\s*(?P<kode>[Kk][Oo][Dd][Ee]\s*:?\s*)?"
    r"(?P<code>[0-9]{2})\s*[\])\uff09\uff3d\u3011]"
    r"|\s*[-\u2013\u2014\u2212]\s*(?P<bare>[0-9]{2}))$"
)
#: Digits in what is left of a label for its name: from the first word
#: holding a digit to the last one ("2022)", "12 b").
_STRAY_DIGITS = re.compile(
    r"(?P<stray>[^\s]*[0-9\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2080-\u2089]"
    r"(?:.*[0-9\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2080-\u2089])?[^\s]*)"
)
#: Three or more digits raised or lowered in a row: no footnote mark, whose
#: digits are one or two, typed ("12)") or raised ("¹²").
_LONG_RAISED = re.compile(
    "[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{3,}|[\u2080-\u2089]{3,}"
)
#: A region's kind written before its name ("Kab. Malang", "Kota Batu",
#: "Provinsi Jawa Timur"), as the list of regions reads it.
_PREFIX = _regions.PREFIX
#: Column names a reader makes up for a header cell it has not got: pandas
#: ("Unnamed: 3", "Unnamed: 3_level_1"), polars ("column_3", "_duplicated_0",
#: and "__UNNAMED__3" from read_excel), DuckDB ("column3", "column03") and
#: Spark ("_c3"). They are empty cells.
_GENERATED = re.compile(
    r"Unnamed: [0-9]+(?:_level_[0-9]+)?|column_?[0-9]+|_duplicated_[0-9]+|_c[0-9]+"
    r"|__UNNAMED__[0-9]+"
)
_PREFIX_TYPE = _regions.PREFIX_KIND


@frozen(kw_only=True, eq=False, repr=False)
class BpsTable:
    r"""A BPS wide table read into long format, with what could not be used.

    Attributes
    ----------
    data : pandas.DataFrame
        One row per region row of the table and period column, in table
        order, with a default index and the columns:

        ============ ======= =================================================
        column       dtype   meaning
        ============ ======= =================================================
        region_code  string  area code (``"3573"`` Kota Malang, ``"35"`` Jawa
                             Timur, ``"00"`` Indonesia); ``<NA>`` if the row
                             was not matched (see ``unmatched``)
        region_name  string  ``"Kabupaten Malang"``, ``"Kota Malang"``, ...:
                             the bundled name; ``<NA>`` if the row was not
                             matched (its name as written is in ``label``)
        region_type  string  ``"kabupaten"``, ``"kota"``, ``"provinsi"``,
                             ``"nasional"``: the matched region's; ``<NA>``
                             if the row was not matched, never guessed
                             from a prefix ("Kota Mobagu", no region's
                             name, has no type)
        label        string  the region's name as written in the table
                             (runs of spaces collapsed), footnote mark
                             included
        footnote     string  the footnote mark after (or before) the name,
                             as written (``"*"``, ``"1)"``, ``"¹"``;
                             "Pacitan*" and "*Pacitan" are Pacitan with
                             mark ``"*"``); ``<NA>`` if none
        group        string  label of the column group above the periods
                             (e.g. "Perkotaan", "Perdesaan", "Jumlah" in the
                             provincial tables), or under a year spanning
                             its groups, followed by the unit a unit row
                             states over it where the groups' units differ
                             ("P0 (persen)", "Jumlah Penduduk Miskin (ribu
                             jiwa)", as "P0 (persen)" written in the header
                             reads); ``<NA>`` if there is none
        year         int64   year of the column
        month        Int64   survey month of the column (3 March, 9
                             September); ``<NA>`` for annual figures, or when
                             the header names only the year and ``month`` was
                             not given
        (value)      float64 the value, named by `value_name`; NaN for a
                             missing cell ("-", "…", empty)
        ============ ======= =================================================
    unmatched : pandas.DataFrame
        Rows whose label matched no bundled region, kept in ``data`` with a
        missing code: columns ``row`` (row number in the file, 1-based; the
        index label for a DataFrame), ``label`` and ``reason`` (``"no region
        of this name"``, or, for a name of regions in other provinces than
        the row's province, which regions and where: see Notes).
    skipped : pandas.DataFrame
        Rows not read as data: columns ``row``, ``reason`` (``"title"`` for a
        row above the header, ``"blank"``, ``"note"`` for a source line, note
        or footnote, ``"note with numbers"`` for a worded note whose value
        cells hold numbers, e.g. "Sumber: BPS, 2024", or a footnote-like
        or marked row naming no region with a value cell that starts with
        a number but is none as written ("2) Foo" beside "3,5*" or "(3)";
        beside a number as written it is data), ``"column numbers"``
        for a row numbering the columns under the header ("1,2,3" or
        "(1),(2),(3)": its filled cells, the label's first, are 1, 2, 3, ...;
        directly under the header or a repeated header, blank rows aside:
        among or after the data such a row is a row of the table),
        ``"unit row"`` for a row stating the columns' units under the header,
        or within it (between the years and the groups, in either order)
        (label cell empty, every filled cell a unit such as "(persen)",
        "%", "(ribu jiwa)", "(Rp)", "(indeks)" or "(Rupiah/Kapita/Bulan)", in round
        or square brackets ("[persen]") or after "Satuan:", thousands
        also in digits: "(000 jiwa)", "('000)", "(x 1.000)"; read by a
        grammar: "dalam", "satuan:" or "in" before the unit ("(dalam
        persen)", "(in percent)"), Indonesian and English words, plural
        and short ("(ribuan)", "(thousands)", "(000 org)", "(rb jiwa)",
        "(jt rupiah)"), "(penduduk)" (residents: persons, as "(jiwa)"),
        "Rp." with a full stop and the rupiah per capita and month in
        words ("(Rp./Kapita/Bulan)", "(Rp./kap./bln)", "(Rp per kapita
        per bulan)", "(rupiah per kapita sebulan)"), a multiplier after
        the rupiah ("(Rp 000)", "(Rp ribu)": thousands of rupiah, as
        "(000 Rp)"), a footnote mark after the unit read past as after a region's name
        ("(jiwa)*", "(jiwa)\u00b9", "(jiwa) 1)", "(Rp/kapita/bulan)*)",
        "(000)\u00b9"; the
        unit is kept as written, mark and all, in ``title``), every unit
        and multiplier word of
        :func:`povstat.parse_numbers` ("(poin)", "(persen poin)", "(pp)",
        "(miliar rupiah)"), an English
        translation after a slash ("(Persen/Percent)", "(ribu
        jiwa/thousand people)": one unit, said twice), spaces, curly
        quotes and the sign "\u00d7" as typed ("( 000 jiwa )", "(x 1
        000)", "(\u2019000)", "(\u00d71000)", "(000's)"); placed as
        column numbers are, between a row of years and the row of
        groups under them, or between a row of groups and the years under
        them ("P0", "P1" over "(persen)", "(indeks)" over 2022, 2023: the
        groups are P0 and P1), or under the years below a row of measure
        names ("Jumlah Penduduk Miskin", "P0", "P1" over 2023, 2023, 2023
        over "(ribu jiwa)", "(persen)", "(persen)": the groups are the
        measure names, whatever the units; one measure name over two
        columns of one period, told apart by their units alone, raises
        ValueError): among the data such a row is a row of the
        table, never skipped; the unit is kept, as written, in ``title``
        or ``group`` (see there), and checked against the cells' own units;
        units that differ over the columns of one column
        group, of the table if it has none, raise ValueError),
        ``"repeated header"`` for a row repeating the header or title, with
        ``errors="report"``)
        and ``text`` (the row's
        non-empty cells joined by " | "). In a spreadsheet a run of two or
        more empty rows is one ``"blank"`` entry whose ``row`` is the range,
        ``"5-1048575"``.
    invalid : tuple of InvalidCell
        Cells that are not numbers in the stated format (only with
        ``errors="report"``; their value is NaN). ``row`` is the row number,
        ``column`` the header of the column; in a table with column groups,
        the pair (group, header), e.g. ``("Jumlah (ribu jiwa)", "2022")``.
    title : str
        The non-empty cells of the rows above the header, joined by " | ",
        e.g. "Provinsi/Kabupaten/Kota | Persentase Penduduk Miskin (P0)
        Menurut Kabupaten/Kota (Persen)"; then, after " | ", the unit a
        unit row states over every value column, as written ("(ribu
        jiwa)": a table in thousands and one in persons never look
        alike), when the unit rows state one unit (over every column, or
        once), unless the title already holds it. Units that differ
        between column groups end the groups' labels instead (see
        ``data``'s ``group``).

    Examples
    --------
    >>> import io
    >>> from povstat import read_bps_table
    >>> text = "Wilayah;Maret 2023\nKota Batu;3,31\n"
    >>> t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    >>> t
    BpsTable(title='', rows=1, unmatched=0, skipped=0, invalid=0)
    >>> t.data[["region_code", "year", "month", "value"]]
      region_code  year  month  value
    0        3579  2023      3   3.31
    """

    data: pd.DataFrame
    unmatched: pd.DataFrame
    skipped: pd.DataFrame
    invalid: tuple[InvalidCell, ...] = field(converter=_cell_tuple)
    title: str

    @overload
    def to_frame(self, backend: Literal["pandas"] = ...) -> pd.DataFrame: ...
    @overload
    def to_frame(self, backend: Literal["polars"]) -> pl.DataFrame: ...
    def to_frame(self, backend: Backend = "pandas") -> pd.DataFrame | pl.DataFrame:
        """The long-format data as a new frame: a copy of ``data``.

        Parameters
        ----------
        backend : {"pandas", "polars"}, default "pandas"
            Kind of frame to return; polars is imported on first use.

        Returns
        -------
        pandas.DataFrame or polars.DataFrame
            The columns of ``data`` (see above), one row per region and
            period.

        Raises
        ------
        ValueError
            If `backend` is unknown.
        """
        if _results.backend_name(backend) == "polars":
            import polars as pl  # local: only a user of polars needs it

            return pl.from_pandas(self.data)
        return self.data.copy()

    def __repr__(self) -> str:
        """Summarise: title and how many rows were read, unmatched, skipped."""
        return (
            f"BpsTable(title={self.title!r}, rows={len(self.data)}, "
            f"unmatched={len(self.unmatched)}, skipped={len(self.skipped)}, "
            f"invalid={len(self.invalid)})"
        )


def read_bps_table(
    source: str | os.PathLike[str] | IO[str] | IO[bytes] | IntoFrame,
    *,
    locale: Locale,
    month: int | None = None,
    value_name: str = "value",
    missing: Sequence[str] = _DEFAULT_MISSING,
    errors: Literal["raise", "report"] = "raise",
    sheet_name: str | int | None = None,
    sep: str = ",",
    encoding: str = "utf-8-sig",
    province: str | None = None,
) -> BpsTable:
    """Read a BPS wide table (regions by years or rounds) into long format.

    Parameters
    ----------
    source : path, file-like object or data frame
        A CSV file, as a path or an open file (text, e.g. ``io.StringIO``, or
        binary, e.g. ``io.BytesIO``, decoded with `encoding`); a workbook
        (.xlsx, .xlsm, .xls or .ods, as a path or a binary file, told by its
        content whatever its name; .xlsx and .xlsm need the ``excel`` extra,
        openpyxl; .xls needs the xlrd package and .ods the odfpy package,
        which pandas reads them with; a ``pandas.ExcelFile`` is read from the
        path, buffer or open file it was opened on); or a data frame already
        read (pandas,
        or any frame narwhals supports, read into pandas; polars' 128-bit
        integer columns, which pandas cannot hold, are read from their
        digits, exactly as the integers are). A frame's column
        labels are read as the table's first row (one row per level), on
        every engine alike: names a reader made up for a missing header cell
        (pandas' "Unnamed: 3", polars' "column_3", "_duplicated_0" and
        "__UNNAMED__3", DuckDB's "column3", Spark's "_c3") are empty cells,
        labels that are
        all integers (``header=None`` in pandas), or "0", "1", ... as text,
        are positions, a repeated label a reader made unique (pandas'
        "Perkotaan.1", polars' "Perkotaan_duplicated_0", DuckDB's
        "Perkotaan_1", when "Perkotaan" stands to its left) is read as
        written ("Perkotaan"; a repeated year is refused with advice);
        Spark's renaming ("Perkotaan1", "Perkotaan2": the label plus the
        column position) cannot be told from labels such as "P1", "P2" and
        is kept, so read a Spark CSV of repeated labels with
        ``header=False``; and
        a date label (a pandas Timestamp, a Period of a year, month or day,
        or a date in ISO order as polars and DuckDB name the columns of a
        table pivoted on dates: "2022-03-01", "2022-03-01 00:00:00.000000")
        names its year and month, or its year alone at 1 January 00:00
        (see Notes); one with a time zone (an aware Timestamp,
        "2022-03-01 00:00:00+07:00", "2022-03-01 00:00:00+07") names its
        wall date as written, the zone ignored, by the same rules; and
        a row of labels left all empty is no row; so a
        file read with or without a header gives the same table. The index
        is not read: it must be an unnamed index of integers (row numbers,
        shown as the rows' labels), each once, else the frame is refused
        (call ``reset_index()``; ``reset_index(drop=True)`` for the repeated
        row numbers ``pd.concat`` keeps). A file-like object is read from its current
        position to its end.
    locale : {"id", "en"}
        Number format of the values, required (see
        :func:`povstat.parse_numbers`). BPS's own CSV exports write a decimal
        *point* ("10.38"): read them with ``"en"``; tables typed in Indonesian
        ("10,38") need ``"id"``. Either way a value that is not a number in
        the stated format is an error. Numeric spreadsheet cells are numbers
        whatever the locale; one shown with a percent number format
        (``0.00%``, in an .xlsx, .xlsm or .xls file), or an .ods cell of
        value type ``percentage``, is read as shown: 0.138 is 13.8, in
        percent (see Notes).
    month : int, optional
        Survey month of columns whose header names only the year. BPS
        regency and city tables hold the March round (``month=3``) but their
        headers say only "2023"; the month is not guessed: without `month`
        such columns get a missing month.
    value_name : str, default "value"
        Name of the value column of ``data``.
    missing : sequence of str, default ("", "-", "…", "...")
        Cell texts that mean "no value" (NaN).
    errors : {"raise", "report"}, default "raise"
        Cells that are not numbers: raise one error listing all of them, or
        return them in ``invalid``.
    sheet_name : str, int or None, default None
        Sheet of an Excel file: its name, or its position among the
        worksheets (0 the first; chartsheets, which hold no cells, are not
        counted, hidden sheets are). None reads the first visible worksheet
        of an .xlsx or .xlsm file (a hidden first sheet is passed over), the
        first sheet of an .xls or .ods file. A CSV file or a frame has no
        sheets: a `sheet_name` given for one raises ValueError.
    sep : str, default ","
        Field separator of a CSV file. Another given for a workbook or a
        frame raises ValueError, as `sheet_name` given for CSV text does.
    encoding : str, default "utf-8-sig"
        Encoding of a CSV file given as a path or a binary file (a byte-order
        mark is skipped). Another given for a workbook, a frame or text
        already decoded (a file opened in text mode, a StringIO) raises
        ValueError.
    province : str, optional
        The province the table is about, by code (``"75"``) or name
        (``"Gorontalo"``, ``"Provinsi Jawa Timur"``): resolves names that fit
        two regions (see Notes) in a table without province rows or whose
        province rows name this province only, and in rows above the first
        province row of a table naming several provinces.

    Returns
    -------
    BpsTable
        ``data`` (long format), ``unmatched`` and ``skipped`` rows, ``invalid``
        cells and the ``title``.

    Raises
    ------
    NumberParseError
        (A ValueError.) If a value is not a number in `locale`, or states a
        unit other than the one most cells of its column group (of the
        table, if it has no groups) state ("jiwa" among "persen"; on a tie
        for the most common unit, every cell stating a unit), and
        ``errors="raise"``; lists every such cell with its row and column.
        Also raised (or reported with ``errors="report"``) for a value cell
        holding a number float64 cannot hold exactly (an integer of any
        engine's type, 2**53 + 1; a decimal of any engine's Decimal type, a
        pandas object column of Decimals or Arrow decimal column, or written
        as text, that is neither its nearest float64 nor that float64's
        shortest decimal, 13.80000000000000000000001, whose nearest float64
        is 13.8; the rule of
        :func:`povstat.parse_numbers`, see Notes, *Frames*), a value cell
        holding a formula without a stored result (in .xlsx, every
        formula of a workbook that asks to be recalculated on load,
        ``<calcPr fullCalcOnLoad="1"/>``, as XlsxWriter and so pandas'
        ``to_excel`` write it, storing a placeholder 0, or to be
        recalculated in full, ``forceFullCalc="1"``, or that is in manual
        calculation without a recalculation on save, ``calcMode="manual"
        calcOnSave="0"``, as XlsxWriter's ``set_calc_mode("manual")``
        writes it; an .xls
        formula whose stored result is empty text, as a program writing
        the file leaves it; or an .ods formula cell without a value type),
        a number without a
        percent format among percent-formatted ones (an .ods plain number
        among ``percentage`` ones; or the reverse, whichever is rarer), a
        number without a
        percent sign, multiplier word or unit of count ("jiwa", "orang",
        "ruta", "KK", "rupiah": it fixes the scale at ones) or unit of points ("poin",
        "pp", "persen poin") among numbers with one (or
        the reverse, whichever is rarer: "0,1386" among "9,9 %", "8.160
        jiwa" or "8,16 poin" among "37,78" and "7,10"; its scale is
        ambiguous), a value
        cell holding a date or time (see Notes, *Spreadsheets*), a value
        field that a short CSV row does not write, and
        a value field starting with a zero in a CSV file separated by ","
        (the second part of a number split by its comma, see Notes).
        Percent and plain numbers, units and multipliers are compared
        within a column group: "Persentase" formatted as percent next to
        "Jumlah (ribu jiwa)" plain is read; column groups splitting one
        measure ("Perkotaan | Perdesaan | Jumlah", "Laki-laki |
        Perempuan", "K | D | K+D", as for the title's unit below) are
        compared as one group: a "Perdesaan" of plain fractions beside
        percent-formatted "Perkotaan" and "Jumlah" is invalid. Likewise
        for a value cell that states a unit (a word, a percent sign or a
        percent format) or a multiplier other than the unit row over its column names
        ("37,78 jiwa" or "4,37 %" under "(ribu jiwa)", "37,78 ribu" under
        "(persen)"): the message names both; bare numbers under a unit
        row are read as written, in the unit row's scale, and so is a cell
        stating the unit row's own multiplier: "37,78 ribu" under "(ribu
        jiwa)" is 37.78 (thousands) as "37,78" is, never 37 780, so that a
        column under a unit row holds one scale; a cell stating the unit
        row's own unit ("4,37 %" under "(persen)") is no percent sign among
        numbers without one: 4.37, as "4,37" is; but a bare number under
        a tenth of the median percentage its block states with a sign
        ("0,1204" among "9,92%" under a title "(Persen)", a fraction of
        one) is compared with them as without the title, and refused as
        in a workbook. A unit row's cell covers
        its column group (the table, if it has no groups), whose values go
        into one value column: "(persen)" written over 2022 alone, or
        "(ribu jiwa)" merged across 2022 and 2023, states it over 2023
        too, in any format. A group label that is a unit alone ("(ribu
        jiwa)") states it over its columns likewise, whether over the years
        or under them: in BPS's "Jumlah dan Persentase" layout, each year
        over its columns and a row of units alone under them that differ
        under one year ("(ribu jiwa)", "(persen)" under 2022 and under
        2023), each unit is its columns' group, as the same units over the
        years are (the same unit under every column of each year is one
        unit row, no groups). Units are judged against the unit row first
        ("5,1 ribu jiwa" under "(ribu jiwa)" is read, even where most cells
        state "%"), then, among the cells it leaves, by the most common
        unit. A unit named in a group label with other words ("Jumlah
        Penduduk Miskin (ribu jiwa)") or in the title ("... Menurut
        Kabupaten/Kota (Persen)", "(Ribu Jiwa)/... (Thousand People)", or
        a unit word, or one unit in two languages, as a part of its own
        between commas, "Jumlah Penduduk Miskin, Jiwa, 2022-2023", ", Jiwa/
        Person,", or a line of its own under the title, "Satuan: Jiwa",
        "Satuan/Unit: Persen/Percent", "Unit: Persons", "Dalam Jiwa") is
        read as a unit row's over the columns no unit row covers, when it
        names one unit over them (the title's unit after a measure's name
        covers that measure's group only; "Jumlah dan Persentase ... (ribu
        jiwa) ... (persen)" names two and covers none; over column groups
        splitting one measure by area or sex, "Perkotaan | Perdesaan |
        Jumlah", "Kota | Desa | Kota+Desa", "Daerah Perkotaan | Daerah
        Perdesaan | Perkotaan dan Perdesaan", "Urban | Rural | Urban and
        Rural", a total "Jumlah Total", "Gabungan", "Kota & Desa",
        "Perkotaan-Perdesaan", "U+R", "Laki-laki | Perempuan | Laki-laki
        dan Perempuan", "Pria | Wanita", "Lelaki | Perempuan", "Lk | Pr",
        the household head's sex, "KRT Laki-laki | KRT Perempuan | Jumlah",
        or their initials, "K | D | K+D", "L | P | L+P", or the
        poverty line into food
        and non-food, "GK Makanan | GK Bukan Makanan | Garis Kemiskinan",
        it covers every group, also after "Jumlah Penduduk Miskin (Ribu
        Jiwa) Menurut Provinsi dan Daerah", whose "Jumlah" is no group's
        name: the group "Jumlah" is the split's total; a unit after joined
        measures, "Jumlah dan Persentase ..., Jiwa, 2023", is not the unit
        of a group naming a percentage or an average; a unit of persons
        after an average per household, "Rata-rata Jumlah Anggota Rumah
        Tangga Miskin (Jiwa)", "Rata-rata Jiwa per Rumah Tangga", or per
        household, "(Jiwa/Rumah Tangga)", is a ratio, not a count in ones,
        and so is a unit row's "(Jiwa)" under a group label, or a title
        over no groups, naming such an average as its measure; an average
        of a count over years or regions, "Rata-rata Jumlah Penduduk
        Miskin 2019-2023 (Jiwa)", "Rata-rata Penduduk Miskin per Kabupaten
        (Jiwa)", "Rata-rata Jumlah Rumah Tangga Miskin (Rumah Tangga)", is
        still a count of persons or households at the count's scale, so
        "75,860" typed in English is refused in locale "id" as under
        "Jumlah Penduduk Miskin (Jiwa)"; a unit row "(Jiwa/Rumah
        Tangga)" is a unit row of that ratio; an average that is another
        measure of the title or the count's criterion, "Jumlah Penduduk
        Miskin (Jiwa) dan Rata-rata Pengeluaran", "Jumlah Penduduk
        Miskin dengan Rata-rata Pengeluaran di Bawah Garis Kemiskinan
        (Jiwa)", leaves the count a count; one
        unit in two languages, "(Rumah Tangga/Households)", is a count in
        ones, and rupiah per household, "(Rp/Rumah Tangga/Bulan)", money
        in ones, as rupiah per person is): "76,93 ribu
        jiwa" under a title
        "(Ribu Jiwa)" is 76.93, as under a unit row, and a cell of another
        unit is refused, the message naming the title. With
        ``locale="id"``, a number written with one thousands dot and no
        decimals ("4.375", "8.160") in a column group
        (all the period columns of one measure and unit, which go into one
        value column: "8,05" under 2022 and "7.100" under 2023 below one
        "(ribu jiwa)") whose values include one written with decimals (a
        decimal comma, "13,65", "4.188,81", or a stored number with
        decimals) is invalid: 4375 by the grammar, 4.375 if the dot was
        meant as a decimal point; its reason names both readings (a count
        stating its unit, "8.160 jiwa", or under a unit row of a count in
        ones, "(jiwa)", "(Rp/kapita/bulan)", is not, unless with a
        multiplier, "8.160 ribu jiwa", "(ribu jiwa)"; see
        :func:`povstat.parse_numbers`, Notes); with ``locale="en"``, the
        same with the marks swapped ("4,375" among "13.65"). None is where
        the group writes its values of 1,000 or more with the locale's
        separators: among its rows other than totals, some value with
        decimals groups its thousands ("412.345,50"), none has decimals
        without grouping and none is below 1,000. Totals (a national row
        above provinces or regencies, a province row above its regencies
        and cities, a "KOTA" or "KABUPATEN" heading row holding subtotals,
        a row labelled "Jumlah" or "Total") show that the group writes
        decimals, never how it writes the rows under them: a province total
        "4.188,81" above cities' "7.100" does not lift the rule, whether
        written as text or stored as a number formatted ``#,##0.00``; nor
        does a row whose label names no region (listed in ``unmatched``:
        "Propinsi Jawa Timur", "Total Provinsi", "Rata-rata", an empty
        label), which may be a total or an average. The
        mirror, three decimals without a thousands dot after one to three
        digits ("587,723": 587.723, or 587 723 with an English thousands
        comma), is invalid where the group's rows other than totals with
        decimals hold a whole number of 1,000 or more or a number grouping
        its thousands ("674.660", "4.188,81"; a whole total counts as any
        row, whether its label names its region or not: "609,612" under a
        province's "460.909") and no value has decimals without grouping
        (other than such three-decimal ones), or where those rows hold
        values with decimals, each with one or two, and some of 1,000 or
        more or grouping their thousands ("4,188" among "477,83" and "3.888,60"),
        or it is the group's one value with three decimals beside two or
        more with decimals ("4,188" among
        "37,78" and "136,37"), a unit in the cell ("Rp 587,723")
        notwithstanding; it is no evidence that the group writes
        decimals; it is read as written where a value grouping its
        thousands has three decimals ("757,444" beside "1.257,701": the
        group writes three decimals). Under a unit of count in ones
        (persons, rupiah, households, "(Rumah Tangga)", "(ruta)", or
        families, "(KK)", *kepala keluarga*, "(Keluarga)", a unit of its
        own, never merged with households; in the cell, "2.050 jiwa", "38
        KK", "38 keluarga", a unit row, a group
        label, alone or in
        brackets after words, "Jumlah Penduduk Miskin (jiwa)", or the
        title, "... (jiwa), 2023", "... Rp/Kapita/Bulan, 2023"; a title
        naming two, "(Jiwa) dan Garis Kemiskinan (Rp/Kapita/Bulan)", states
        a count in ones either way; a title naming a unit after the name of
        a column group's measure, "Garis Kemiskinan (Rp/Kapita/Bulan),
        Indeks Kedalaman (P1) ...", states it over that group alone, not
        over "P1"), a value with decimals below 1,000 without grouping ("7,10"
        under "(jiwa)") among whole counts of 1,000 or more, grouped or
        not and totals included ("37.780", "37780", a province's
        "4.188.810"), is invalid: 7.1 persons, or 7 100 written in
        thousands; with three decimals after one to three digits
        ("628,330" under "(Rp/kapita/bulan)") it is invalid with or without
        counts beside it, as a count in ones has no decimals; so is a count
        of persons, households or families with any fraction ("38,56"
        under "(jiwa)": they are counted whole). Unit cells
        naming one unit in two spellings ("(ribu jiwa)" and "(Ribu Jiwa)" or
        "(000 jiwa)", "(persen)" and "(%)"; a unit row's
        "(Rupiah/Kapita/Bulan)/(IDR/Capita/Month)", both languages in one
        cell) state one unit, and the group is judged whole; so does a
        multiplier alone beside the one unit stated with it in the group
        ("(ribu)", "(000)" or "(Thousand)" beside "(ribu jiwa)": thousands
        of persons). A
        spreadsheet number cell
        holding a whole number that its format shows grouped without
        decimals (``#,##0`` shows 8160 as "8.160" in Indonesian settings;
        an .ods cell showing "8.160") is judged as it shows, and quoted
        as shown with what it stores (``text`` "8.160 (stores 8160)"); an
        .xlsx, .xls or .ods number of 1,000 or more with decimals that its
        format shows grouped (``#,##0.00``, "412.345,50") is judged as the
        grouped text is.
    ValueError
        If a data frame's index holds labels (it is not read: see `source`)
        or repeats a row number;
        no header row naming years is found (the message names the
        formulas without a stored result where the years may have been,
        and the cells that would name years without the invisible
        characters they hold, a zero width space before "2022" or a soft
        hyphen in "Maret 2022", however many year labels hold one; and, for
        a frame of any engine in long form, one row per region and period
        (a column of repeated years), or pivoted on the year and a second
        key (a month, urban or rural: pandas' MultiIndex ``(2022, 3)``,
        polars' "{2022,3}", DuckDB's "2022_3" labels), advice to pivot on
        the year alone, and how on each engine (a polars LazyFrame
        collected first); the cells of the first ten
        rows holding a year in a form the header grammar does not read,
        each with why: "2.022" or "2022,00" (a year with a thousands
        separator or decimals, as a spreadsheet exports a number-formatted
        year cell to CSV; never read as the year, since "2.022" is also a
        number), "2022 (persen)", "P0 2022", "2022*" (text beside the year
        that names no month, semester or round); for a workbook, the sheet
        read and the other sheets that hold cells; for a file or sheet in long
        form, a column of years under its heading, "Tahun", beside the
        region column, advice to pivot it on the year, never to remove a
        column of area codes; for a frame read from a CSV file with the
        wrong separator, one column headed "Kabupaten/Kota;2022;2023",
        advice to read the file again with ";", by its engine's option; for
        a transposed table, periods down its
        first column ("2022", "Maret 2022") under a header row at least half
        of whose cells name regions ("Pacitan", "Kota Batu", "JAWA TIMUR",
        "INDONESIA", or their area codes: "3501", "3501 Pacitan", "Pacitan
        (3501)"), as a BPS time series is laid out: that the table is
        transposed, never read turned, and how to transpose it with pandas
        or in a spreadsheet (for a header of two or three rows, regions over
        groups or units, the rows named and how to write the groups once
        turned); or area or sex groups, "Perkotaan", "Perdesaan",
        "Total" ("Laki-laki", "Perempuan"), as a one-region series is
        laid out: how to lay it out with the region's name as the label
        and the groups over the periods, or a pandas recipe reading the
        series, for a frame built from the frame, keeping a measure row
        over the groups as a level of the column labels, and with the
        fractions-of-one caution below where its values under a stated
        percent are fractions); a
        header cell in the value area is not a period (e.g. "2024*"; or a
        year its number format shows otherwise, "202200%": see Notes; a
        cell holding a year, "2.023", "2023,00", "2023 (persen)", beside
        plain years is named with why, as when every year is so written; a
        heading of remarks or codes, "Keterangan" or "Kode", with advice to
        leave the column out; a year found only in a title line spanning
        the table, merged over the sheet's width or not, named with the
        header that is read; a change column, headed by a change word,
        "Perubahan", "Selisih", or by two periods, "Maret 2022 - Maret
        2023", named as no period, with advice to leave it out); a quote in
        CSV text opened and not closed on its line swallows the later lines
        into one field, or in the last row runs to the end of the file (the
        message names the line, wherever the row sits); a
        column group's label holds an invisible character ("Perkotaan"
        with a zero width space: a group of its own that looks like
        "Perkotaan"); a
        column without a header holds values (in a few rows alone: the
        message names each row and cell, a CSV field too many or a note
        beside a row); two columns name the same
        period; a value column lies after a group label's merged range,
        under no group, or a round after a year's merged range, under no
        year; a header cell or a region's label is hidden under a
        merged range (a covered cell that stores content); a semester and
        a month disagree ("Semester 1 (September)"); a unit row states
        different units over the columns of one column group ("(ribu
        jiwa)" over 2022, "(jiwa)" over 2023: the message names each column
        and unit; "(ribu)" beside "(ribu jiwa)" is one unit); the first
        row under the header reads as a header (each
        of its value cells names a period and its label names no region:
        "Kabupaten/Kota,2022" under a year subtitle ",2023" or ",Tahun
        2023" taken for the header), whatever `errors`;
        a frame's column has no pandas form (a DuckDB UNION column: the
        message names the column and its type); two rows are the same
        region ("Malang" and "Kabupaten Malang", or
        one label twice: the message lists the labels, the code and the
        rows); `month` is not in 1-12 or
        is given but no column needs it, or is given for columns whose
        group row names their round ("Maret", "Semester 2"); `value_name`
        is empty (or spaces) or clashes with a fixed column; a CSV file is not valid in
        `encoding` (a few stray NUL bytes in text are named as such, never
        taken for UTF-16 text); `encoding` is given with text already
        decoded (it would be ignored); a file is empty (0 bytes) or is no text
        and no spreadsheet (a PDF document, a PNG, JPEG, GIF or TIFF
        image, a RAR or 7-Zip archive, told by its first bytes whatever its
        name: the message names it, with no encoding advice); a path
        named .xlsx (or another spreadsheet suffix)
        holds text (the message names UTF-16 text, with the encoding to
        pass, an HTML page or table, and an Excel 2003 XML spreadsheet, as
        web sites and old programs save them with the suffix .xls; no
        header found in CSV text that is such markup names it too); a
        workbook is damaged or truncated (bytes added in
        front of its signature, named as damage, not as an encoding; a
        member of an .xlsx archive whose bytes fail their check or do not
        inflate; an XML part of an .xlsx or .ods archive (sheet, styles,
        workbook, content types, relationships, content, manifest) that
        is empty, truncated, garbled or uses an unbound namespace prefix:
        "the workbook is damaged", naming the part, with nothing printed;
        a merged range that names no range, "C1:B1" written
        backwards, is named; an .xlsx cell that cannot be read, or lies
        outside the sheet, "B0", is named, and so is one whose style index
        names no cell format of the workbook (s="99" past them, s="-1");
        an .xls one too, whatever xlrd
        raises; an .xlsx or .ods numeric cell whose stored value is not a
        number in ASCII digits a float64 holds, "4_37", "NaN", "1e-400", is
        named; xlrd's warnings are not
        printed, and pandas'
        deprecation of its xlrd engine is not shown, nor, made an error by a
        warnings filter, taken for damage: another warning made an error is
        raised as itself), is password-protected (encrypted), or is a zip
        archive of something else; a workbook is opened in text mode;
        `sheet_name` names no worksheet, a chartsheet, or (None) the workbook
        has no visible worksheet; the sheet read holds no cell (an empty
        first sheet, the table on another, or an empty workbook: the
        message names the sheets that hold cells, to pass as `sheet_name`);
        a frame has no columns (``pandas.read_excel`` of an empty sheet: the
        message says to check the reader's `sheet_name`);
        a region name fits two regions and no province
        row, `province` or a label column headed "Provinsi" resolves it
        (the message lists the candidates);
        `province` names no province; or an option is unknown; a file is
        compressed (gzip, bzip2, xz, zstd: decompress it first); `source` is a
        str holding line breaks (table text, to be passed as
        ``io.StringIO(text)``), an empty str, a URL ("https://...": nothing
        is downloaded; download the file and pass its path) or a directory;
        `sheet_name` is given for a CSV file or a frame; a header row is labelled with a
        region's name (the table has no header, its first row of values was
        taken for one: "Kota Sawahlunto,1987,2011"; a province's name is a
        header's label when it is `province` or the province of a region below,
        today or, in a table from before 2024, before the 2022 Papua split:
        "Jawa Timur,2022,2023" over "Pacitan", "Papua,2021,2022" over
        "Jayawijaya"; "Indonesia" is the label over any regions); a row below
        the header repeats the header or title (a year written "2022.0" is
        the year 2022, however the table was read) and ``errors="raise"``,
        or with either `errors` when its label names one kind of region
        other than the header's ("Kota,2022,2023" below "Kabupaten,2022,2023":
        skipped, the bare names below it would be read as regencies); a
        row below the values is
        the header of a second table (its value cells all naming other
        periods, under a label that is no region's or total's name); a row
        above the header of groups over different periods; the first row
        naming a period lies below rows of labels with values (a note such
        as "Sumber: BPS, 2024" below a table whose period is only in its
        title), or holds a row's values read as years ("Total,2011", "JAWA
        TENGAH,1987" under a row naming the columns, or outside the title's
        years); an .xlsx sheet stores a cell twice. When the first column
        holds only list numbers ("No"), the message says the names must be in
        the first column; numbers that are not 1, 2, 3, ... (or 0, 1, 2, ...)
        in order are not called row numbers: of two or four digits they are
        called area codes, with the advice to remove the column or write
        each code before its name ("3573 Kota Malang"). When no header is
        found and the first lines of a CSV file (title lines, the header
        and the rows below it, a decimal comma between digits not counted)
        mostly split into more fields on ",", ";" (or a tab) than on `sep`,
        the message says which `sep` to pass.
    TypeError
        If `source` is of an unsupported type, or an option (`value_name`,
        `month`, `province`, `sep`, `encoding`, ...) of a wrong type.
    ImportError
        If an .xls or .ods workbook is read without xlrd or odfpy (the
        message names the package to install), or an .xlsx one without
        openpyxl.

    Warns
    -----
    UserWarning
        If `source` is a frame, `locale` is ``"id"`` and value cells are
        already numbers, floating-point or integer (see Notes, *Frames*).
        If `source` is a CSV file separated by ",", `locale` is ``"id"`` and
        a row's values read are all whole numbers, one at least written
        with digits alone (decimals written with a comma and not quoted
        split into two such fields, "4,37" into "4" and "37", "4.181,29"
        into "4.181" and "29": see Notes, *Rows*); or `source` is a frame,
        `locale` is ``"id"`` and its values read are all whole numbers
        written as text, one at least with digits alone (such a CSV file
        read with every column as text, as *Frames* advises).
        If `source` is a CSV file separated by ",", `locale` is ``"en"``
        and a row writing more or fewer fields than the header holds
        values read that are all whole numbers written with digits alone,
        one of exactly three digits right after another ("Kota
        Malang,38,210," under "Kabupaten/Kota,2022,2023": "38210" split by
        its thousands comma, see Notes, *Rows*); or a row holds a value of
        one to three digits right before one of three digits and decimals
        ("JAWA TIMUR,3,982.69": "3" and "982.69", or the one number
        3982.69), whatever its count of fields, or a value of one to three
        digits right before one of exactly three ("Kota Batu,642,778.00")
        in columns whose other values, and the row's, are all 1,000 or
        more or none (a column no other row fills is no evidence).
        With `locale` ``"id"``, a CSV file separated by "," or a frame read
        as text: a whole number of one to three digits right before one of
        one or two ("Kota Malang,"4,26",3,91") in columns whose other
        values are all decimals (or, with none, among the row's decimals),
        or hold whole values too ("4" for 4.00) where the two are unlike,
        one more than twice the other ("2" then "59");
        a frame read as text gives the "en" warnings above too, but not
        those that count a row's fields or need a row of whole numbers
        alone. These warnings show an
        example the same whatever the rows' order: the row whose values
        read, sorted, are smallest (with the count of other rows), or, for
        a frame, the count of values and the three smallest by value.
        If `source` is an .xlsx, .xlsm, .xls or .ods sheet that hides rows
        or columns holding cells: they are read as any other (see Notes,
        *Spreadsheets*); the warning names them ("row 3, column C").
        If a value in percent (a cell stating "%" or formatted as percent,
        or under a unit row, group label or title stating "(persen)") is
        above 100: a headcount
        ratio never is (the cell may be a count, or a number typed in the
        other convention); kept as read, since a change or ratio in
        percent may exceed 100. The warning names the first three cells.
        If a value column under a unit row, group label or title stating
        "(persen)", in a table with no cell stating percent of its own,
        holds values all 0 or more and all below 1: they are most
        likely fractions of one (``pandas.read_excel`` gives a cell
        formatted as percent, 9.79%, as 0.0979); kept as read. Likewise
        cells below 1 (whole rows, or a block of some years by some
        regions) beside values of 1 or more, when times 100 they fall
        among those values (within half their lowest and twice their
        highest) and are most of the table's cells below 1: cells pasted
        in from a sheet formatted as percent (genuine percentages below 1,
        such as extreme poverty by province, mostly fall outside, and are
        not warned); every row of values all below 1 is then named with
        them. A title or group label naming a percentage ("Persentase
        Penduduk Miskin Menurut Kabupaten/Kota", as BPS's publications
        title tables, with no unit) counts as stating percent here, where
        no other unit is stated. Under a headcount ratio's title or group
        label ("Persentase Penduduk Miskin", "P0", "Head Count Index",
        "Tingkat Kemiskinan", "Poverty Rate", SDG 1.2.1's "Proporsi
        Penduduk yang Hidup di Bawah Garis Kemiskinan Nasional"; not
        extreme poverty nor a share of the poor), stated in percent or
        not, a row of values all below 1 beside rows of 1 or more is named
        whatever its size: no region in BPS's P0 tables has a P0 below 1
        (the lowest regency or city P0, 2004-2025, is 1.04), and a P0 of 1
        or more is no fraction of one; so is a column of values all below
        1 beside such columns of 1 or more (a round pasted). A table under
        a headcount ratio's name alone, stating no unit and naming no
        percentage ("Poverty Rate", "P0"), whose values are all below 1 is
        read as stored, with no warning: fractions of one are P0's unit in
        the FGT literature, and the unit is the caller's to state. The
        warning
        names the columns with their medians (or the rows with their
        values, or the cells) and the fix (pass the
        workbook's path, whose number formats are read, or convert the
        cells with ``povstat.to_percent(cells, unit="fraction")``, for a
        frame by code naming the cells by position and reading them with
        ``povstat.parse_numbers`` in the table's locale, which
        gives 9.79 exactly where ``* 100`` gives 9.790000000000001, leaving
        "-" and other text cells as they are, to be read as missing or
        reported as ever, and in locale "id" writing the percentages back
        as text, "9,79", as a frame read as text holds them; a polars or
        DuckDB frame converted with ``.to_pandas()`` or ``.df()`` first, a
        polars LazyFrame with ``.collect().to_pandas()``).
        Columns of an index ("P1", "P2", "Indeks") or of changes are not
        judged.

    See Also
    --------
    povstat.parse_numbers : How values are read.
    povstat.datasets.load_east_java : The bundled data, in the same long
        format.

    Notes
    -----
    *Layout.* The first column that holds anything holds the region names (empty
    columns on the left are layout, not data; so is a column holding only
    lines of their own, a title in A1 or a note, beside a table placed from
    column B on: those lines are read as the table's title or notes). The
    header is the first row with a cell (beyond the first column) that
    names a year: "2023", "Maret 2023",
    "September 2022", "Semester 1 (Maret) 2023", "2023 Tahunan", "2022
    (September)" (a year written as a whole float, "2022.0" as pandas
    writes a column of years holding a missing value, is that year; a
    round in brackets, also as an .xlsx or .xls number format ``0"
    (September)"`` shows the number 2022). A header row of years (bare, or
    after the word for year: "Tahun 2022") may be followed by a row of
    rounds ("Semester 1 (Maret)", "Semester 2 (September)",
    "Tahunan", or in round brackets, "(Maret)"; a cell in the row over or
    under the years that names a round with a footnote mark, square
    brackets or another word, "Maret*", "Maret 1)", "[Maret]", "Keadaan
    Maret", is neither a round nor a group nor the title: it raises
    ValueError naming the cell, and `month` never overrides a round the
    header shows), each year then spanning the columns up to the next year, as in
    BPS's provincial tables (in a workbook, a year merged across columns
    spans its merged range only, as a group label does: a round after the
    range whose year cell is empty is under no year, and raises
    ValueError; a year merged down over the round row, "2022" in B1:B2
    beside "2023" over "Maret | September", is annual, as "2022" over
    "Tahunan" is). A year row may instead be followed by a row of column
    groups, the year spanning its groups (a common BPS layout: "2022"
    merged over "Perkotaan | Perdesaan | Total", then "2023" over the
    same): that row's label cell is empty (or holds the label column's
    heading, "Kabupaten/Kota", "Provinsi", "Wilayah", under an empty cell
    or the same heading), it is no unit row, and from the
    first year on each column, and no other, holds a label with a letter
    naming no period and no unit, under a bare year or a period with its
    round, as BPS's semi-annual tables write "Maret 2022" merged over
    "Perkotaan | Perdesaan" and "September 2022" over the same (its own, or
    the period to its left, as over rounds; in a workbook a column past the year's
    merged range is under no year and raises ValueError naming it), and a
    year spans two columns at least (one label under each year is not read
    so: "(persen)" under 2022 is a unit row); each column then
    has the year over it and the group under it, and a row above the years
    is part of the title. A row under the years holding the label column's
    heading alone ("Kabupaten/Kota", "Wilayah", "Provinsi/Kabupaten/Kota";
    under an empty cell or the same heading) beside empty cells is a header
    row, and beside units ("(persen)") a header row and the unit row, never
    a region ("KOTA" alone there heads a section of cities). A row just
    above the years is a row of column
    groups ("Perkotaan", "Perdesaan", "Jumlah"), each label spanning the columns
    up to the next label (in a workbook, a label merged across columns spans
    its merged range only: a value column after the range whose group cell
    is empty is under no group, and raises ValueError), only when its labels
    are needed and line up with the value columns: two or more different
    labels, each above a value column, the first above the first value
    column, and some period named under two of them;
    otherwise it is part of the title ("Tabel 3.1 | Persentase Penduduk Miskin |
    (Persen)" above the years is a title, not two groups). A row above bare
    years whose labels all name a round ("Maret", "September", "Semester 1") is
    a row of rounds: it sets the month of the columns under each label, as a
    round in the header does (no group), and `month` given as well raises
    ValueError; a group row naming rounds and other labels as well
    ("Maret" and "Septmber", or "Maret" with a Cyrillic a, U+0430) raises
    ValueError naming the labels that are not rounds, never read half as
    rounds, half as groups. Semester 1 is March and semester 2 September,
    the BPS Susenas rounds [1]_. Columns with neither header nor values are ignored.

    *Rows.* Rows above the header are the title. Below it, a row is skipped
    (reported in ``skipped``) only if it is blank (no cell holds anything,
    in any column: a value under no header makes the row data, and raises
    ValueError as a column of values without a period); or its first cell starts
    with "Sumber", "Source", "Catatan", "Keterangan", "Ket", "Note" or "*" (a
    note), or is a footnote, a mark ("1)", "a)", "(1)", "¹", or any note mark read
    before a region's name: "(*)", "(†)", "#") followed by text ("1) angka sementara",
    "(*) Kabupaten baru hasil pemekaran"), and none of its value cells holds a number
    (in either number format), unless it lies within a list of rows numbered so
    ("1) Muna", "2) Muna Barat", "3) Buton"): in a run of rows numbered one
    after the other in which some row holds numbers, a row whose values are
    all missing ("2) Muna Barat,-") is a region; footnotes below the table
    start their own numbering. A numbered row whose text after the mark is
    a region's name ("2) Kota Batu", with its kind or bare) or a heading
    ("(2) Kota") is no footnote either, nor is a marked one ("(*) Muna
    Barat,-,-": a region row, its mark its footnote). A note starting with a word
    and holding numbers
    ("Sumber: BPS, 2024") stays a note, reported with the reason "note with
    numbers". Every other row is data, including one without a name and a
    marked one holding numbers (``"*Pacitan"`` or "1) Batu" with values: kept,
    and listed in ``unmatched`` unless its name matches), except a row whose
    value cells repeat those of a row above the values under a label that
    is empty, that row's own, or no region's name (a header repeated after
    a page break, "Kab,2022,2023" or "Kab (lanjutan),2022,2023" again): it
    is never read as values, but raises
    ValueError naming it, or, with ``errors="report"``, is skipped with the
    reason "repeated header". A region whose values equal the header's
    ("Pacitan,2025" under "Kabupaten/Kota,2025") is data. A row whose value
    cells all name other periods, labelled as a header row, not at all, or
    with anything but a region's or a total's name ("Kabupaten/Kota,2024,2025",
    ",2024,2025", "Kota (lanjutan),2024,2025" below a table of 2022 and
    2023) is the header of a second table: ValueError, with either `errors`
    (its rows would be filed under the first table's periods). A CSV row
    shorter than the table is not padded silently: each value field it does
    not write is an invalid cell (write an empty field for a missing value).
    In a CSV file separated by ",", a number written with a comma and not in
    quotes ("4,37" in locale "id", "1,050" in "en") is two fields, which no
    reader can join again: a value field starting with a zero ("05", from
    "4,05"), as no number is written, is an invalid cell whose reason names
    the split; a column of numbers without a header (the second parts, or
    fields shifted by them: "29", "4.188", "81" from "4.181,29,4.188,81")
    is refused as any column of values without a period, the message
    naming the split; and with ``locale="id"``, a row whose values read are all
    whole numbers, one at least written with digits alone ("4", "37", or
    "4.181" and "29", quoted or not: the quotes are not kept), gives a
    UserWarning naming it, whatever the other rows hold (some may be
    quoted), as decimals split to fit the columns cannot be told from whole
    numbers (a row of numbers with thousands dots only, "674.660", is no
    split number's); with ``locale="en"``, a row writing more or fewer
    fields than the header (a trailing empty field, or one short) whose
    values read are all whole numbers written with digits alone, one of
    three digits right after another ("38", "210" from "38,210"), gives
    that warning too, and so does any row holding a value of one to three
    digits right before one of three digits and decimals ("3", "982.69"
    from "3,982.69", which a missing value at the row's end leaves as many
    fields as the header), naming both readings. Put such numbers in
    quotes, or write the file with ``sep=";"``; for a table of whole
    numbers written with digits alone, ``locale="en"`` reads them alike,
    without the warning. A frame whose values are all such whole numbers
    written as text (that file read with every column as text) gives the
    same warning. A pair no column gives evidence against also warns: in
    "en", "642" right before "778.00" where the other values of both
    columns and of the row are 1,000 or more or there are none (the newest
    year not yet typed; rows split alike are not counted as evidence, and
    the warning counts every split row); in "id", "3" right before "91"
    where the columns' other values are all decimals with as many places
    or more (or, with none, the row's are); where a whole value ("4" for
    4.00) sits among them, only if the two are unlike, one more than twice
    the other ("2" then "59", not "19" then "19"). A frame read with every
    column as text warns of these pairs as the file's path does.

    *Frames.* A frame's missing cells (NaN, None, ``pd.NA``) are missing values,
    whatever the reader made them from: pandas' ``read_csv`` turns "NA", "N/A",
    "#N/A", "NULL", "nan" and more into NaN by default, where the same text in a
    file read here is an invalid cell (it is not in `missing`); read with
    ``keep_default_na=False`` (and ``dtype=str``) to have such cells reported.
    ``locale`` applies to text cells only: a frame whose reader has already
    parsed the numbers keeps them as read, and a reader that takes "." for the
    decimal point has read the Indonesian "245.120" (245 120) as 245.12, and one
    that takes "," for a thousands separator (pandas.read_html's default
    ``thousands=","``) has read "14,45" (14.45) as the integer 1445. Read a file
    of Indonesian numbers with every column as text (pandas ``dtype=str``,
    polars ``infer_schema=False``, DuckDB ``all_varchar=true``) and pass that;
    with ``locale="id"``, a frame whose value cells are numbers, floating-point
    (whole ones too: "80.000" read with a decimal point is 80.0) or integer of
    any width (a count written without separators, 674660, cannot be told
    from a misread 1445; 128-bit ones, DuckDB's HUGEINT, too), gives one
    ``UserWarning`` naming the first of each kind; pass
    ``locale="en"`` for a frame whose numbers are right. Nothing is rounded
    silently, by one rule on every engine and in
    :func:`povstat.parse_numbers` (see its Notes): an integer value (pandas
    ``int64`` or a Python int, polars ``Int64``, ``UInt64``, ``Int128``,
    DuckDB ``BIGINT``, ``UBIGINT``, ``HUGEINT``, Spark ``LongType``) is read
    when it equals its nearest float64 (up to 2**53 in magnitude, every
    one), else it is an invalid cell (2**53 + 1 = 9007199254740993, whose
    nearest float64 is 9007199254740992); a decimal is read when it is its
    nearest float64 or that float64's shortest decimal, in text and in any
    engine's Decimal column alike (a ``DECIMAL(38,25)``
    13.8000000000000000000000001 and the text "12345678901234567890" are
    invalid cells; 13.8 written with 25 decimals is 13.8). A value cell that is
    neither text nor a number is invalid and named by its kind, shown as
    plain text: a date ("2022-05-01 00:00:00", see *Spreadsheets*), a time
    interval (a Timedelta, DuckDB's INTERVAL), a list or array ("[1.0]"),
    bytes (their text: decode the column first), a map ("{'a': 1}": a
    DuckDB ``MAP``, a polars or pyarrow map, a Spark ``MapType`` alike), by
    the one description :func:`povstat.parse_numbers` gives such cells.
    A DuckDB ``VARINT`` (``BIGNUM``) cell is read as its integer value, by
    the rule for integers above (never as its bytes).

    *Spreadsheets.* For .xlsx, .xlsm and .xls files each cell's number
    format is read (openpyxl; xlrd with its cell formatting for .xls, each
    cell's XF record naming its format), and read alike: a number shown
    as a percentage (format ``0.00%``, Excel's display of 0.138 as
    "13.80%") is read as that percentage, 13.8
    in percent (times 100 on the decimal value), consistent with a text cell
    "13,65 %"; a number without a percent format among percent-formatted
    numbers of its column group (of the table, if it has no groups: the
    groups' measures may differ, "Persentase" and "Jumlah (ribu jiwa)";
    of the groups splitting one measure, "Perkotaan | Perdesaan |
    Jumlah", all together) has an ambiguous scale and is an invalid cell.
    Only the section of the format that Excel applies to the number
    decides (the first for a positive number, the second for a negative
    one, the third for zero; the fourth, for text, never): ``0.00;-0.00%``
    shows 13.65 as "13.65". A format whose sections are chosen by
    conditions (``[<1]0.00%;0.00``) and differ in scale makes the cell
    invalid: the conditions are not
    evaluated. A date in a header cell is read as its format shows it: a
    date shown as the year alone (format ``yyyy``) names that year with no
    month, one shown with its month ("mmmm yyyy") names that month; one
    whose format adds a mark (``mmmm yyyy" r)"`` shows "March 2022 r)") is
    that text, refused as a header as the typed text is. A header date
    whose format shows no year (``d`` shows 1 March 2022 as "1", ``dd/mm``
    as "01/03", ``mmmm`` as "March") names no period as shown: ValueError
    naming the cell and what it shows. A number under a date or time format
    is a day count (the spreadsheet's date serial, from 1899-12-30): a year
    typed in a cell formatted ``yyyy``, ``d``, ``dd/mm/yyyy``, ``h:mm`` or
    ``[h]`` is the date 1905-07-14 (2022) shown "1905", "14", "14/07/1905",
    "0:00" or "48528", never the year 2022 nor 1905: a header date whose
    day count is a year (1900-2099) is refused (ValueError naming the cell,
    the number, the date and what it shows; give the cell the format
    General or type the year as text); so in .xlsx, .xls and .ods files. A
    header date (or a number, the date it counts) whose format shows it in
    another calendar or by an era is refused, naming the cell, what it
    stores and the format, never read as the Gregorian year stored: the
    Hijri calendar code ``B2`` (``B2yyyy`` shows 1 March 2022 as 1443; ``B1``,
    the Gregorian calendar, is read), a locale tag whose calendar is not
    Gregorian (ECMA-376 Part 1, 18.8.31 numFmts: the ``yy`` of
    ``[$-xxyyzzzz]``, or the number after the comma of
    ``[$-th-TH,107]``; 7, Thai Buddhist, shows 2022 as 2565; 6, Hijri;
    3, Japanese era; ``[$-409]`` keeps the Gregorian), and the era codes
    ``e`` and ``g`` (the year and name of an era, shown by the locale the
    file is opened in). A
    date at 1 January 00:00, in a header cell of any file type or frame or
    as a frame's column label (what ``pandas.read_excel`` makes of a year
    shown as ``yyyy``, with or without ``header=None``), is read as that
    year, with no month, whatever its format in a frame (in a spreadsheet,
    its format shows its year): BPS rounds are never in January. An .ods
    date cell whose text shows its year alone ("2022", a
    date style of the year only) is that year, whatever its day, as an .xlsx
    date shown with ``yyyy`` is; other .ods date styles are not read. These
    rules are for header cells only: a date or time in the value area (an
    .xlsx, .xlsm or .xls cell with any date or time format, ``yyyy``,
    ``mmmm``, ``dd/mm/yyyy`` or ``h:mm``, which shows 13.8 as "1900" or
    "Januari"; an .ods date or time cell; a frame's date) is never a year
    nor a value: it is an invalid cell, its reason "a date or time", shown
    as the date stored in ISO order ("1900-01-13 19:12:00"); a date whose
    format shows no year (``mmmm``, ``h:mm``) is that ISO text in the
    layout too, never read as a round. A
    whole number shown with literal text (format ``"September "0``) is read
    as the text shown ("September 2022"): the format's quoted strings,
    backslash-escaped characters (each letter of "(Sept)") and literal
    characters around ``0``, ``#`` or ``General`` (a date's ``yyyy``; a text
    cell's ``@`` in the fourth section) are shown (``#,##0`` shows the
    year's digits); a format with other codes (decimals) is read as the
    stored number. A year is read as the text shown, as that text typed
    in the cell would be: shown with a mark (``2022 r)``, ``2022 *`` from
    ``0" r)"``, ``0" *"``) or with text that names a round but no one
    period ("Maret 2022 (September)") it is that text, refused as a header,
    never the bare year (a year with a note mark, typed or shown, "2023*)",
    "2023\u02b3", "2023 r)", "2023r", is refused with the advice to move the
    mark to a note: dropping it would hide that the figures are
    preliminary, revised or estimated); a format of literal text alone
    (``"2023"``) shows that text, read as the period it names; a format
    that shows nothing for it (``;;;``, ``""``, ``"  "``; for a year typed
    as text, a fourth section ``""``) shows a blank header cell, read so (a
    column of values without a period: ValueError naming the cell and what it stores).
    Only the word for year ("Tahun 2022", format ``"Tahun "0``, or typed)
    keeps the year. A year (a whole number 1900-2099) in a header cell
    whose number format shows it otherwise than as the year is that text
    too, refused as a header (ValueError naming the cell, the year it
    stores and what it shows): a percent format (``0%`` shows 2022 as
    "202200%"), scientific notation (``0.00E+00``, "2.02E+03"), a currency
    (``[$$-409]#,##0``, "$2,022"), zero padding past four digits
    (``00000``, "02022"), a scaling comma (``#,##0,``, "2"), quoted as the
    spreadsheet shows it (``$#,##0``: "$2,022"); so in .xlsx,
    .xls and .ods files alike (an .ods cell's text is what it shows: a
    ``percentage`` cell of value 2022 shows "202200%"). Formats showing
    the year's digits in order show the year: ``General``, ``0``, ``#``,
    ``0000``, zero decimals (``0.00``, "2022.00", as typed "2022.00" is
    read), a thousands separator (``#,##0``, "2,022": it only groups the
    digits) and both (``#,##0.00``). Below the header such a cell is read
    as stored, under the rules for values. A "%"
    that is
    text in the format (in quotes, escaped, or after ``_`` or ``*``, Excel's
    padding and fill: ``0.00_%``) does not scale. A format that shows the
    number scaled otherwise, by a thousands-scaling comma (a comma after a
    digit placeholder and not between two of them: ``#,##0.00,`` and
    ``#,##0,.0`` show it divided by 1000, ``#,##0`` is not scaled) or by
    ``%%`` (times 10000),
    makes the cell invalid: whether the table means the value as shown or
    as stored cannot be told. A number whose format shows text before or
    after it is read as that text typed in the cell, so that a cell reads
    the same whether its unit is typed or shown by its format: quoted
    strings, escaped characters, the symbol of a currency tag
    (``[$Rp-421]#,##0`` shows 500 as "Rp500", ``0.00[$%]`` a "%" that does
    not scale) and characters shown as themselves count (padding, fill,
    colours, conditions and a sign's notation, "-" or parentheses, do
    not). ``0.00" ribu jiwa"`` shows 37.78 as "37.78 ribu jiwa", 37 780
    persons (under a unit row "(ribu jiwa)": 37.78, in the unit row's
    scale, as typed text is); ``"Rp "#,##0`` shows 500 as "Rp 500", 500 rupiah, checked
    against a unit row and the column's other units as the typed text is;
    a mark or other text (``0.0" r)"``, ``0.0"*"``, ``0" xyz"``) makes the
    cell invalid, as "33.1 r)" typed is: the mark is never dropped. The
    stored number is read with that text (in `locale`), never the digits
    the format rounds it to. A section that shows text without the number
    (a zero section ``"…"``) is read as that text typed ("…": missing
    under the default `missing`); one that shows nothing (``;;;``) or a
    negative number without its sign (``0.00;0.00``,
    ``0.00;[Red]0.00``) makes the cell invalid; a dash alone for zero
    (``0.00;-0.00;"-"``) is 0. A value cell
    covered by a merged range other than its first cell (13.8 in B2 merged
    across B2:C2, shown under both years) is invalid: the value shown there
    is the range's first cell's, which is not copied, and content the
    covered cell stores, hidden under the range, is named in the message but
    not read; so in .xlsx, .xls
    (ranges read by xlrd with its cell formatting) and .ods files alike.
    A range that starts in the label column (a heading, "JAWA TIMUR" or
    "Perkotaan", merged across the value columns) is read as unmerged: its
    label, and empty value cells; a covered cell that stores content (a
    range added without clearing the cells, or an .ods covered cell that
    keeps its value) is invalid, its content named and not read, as under a
    range that starts in a value cell. A header cell or a region's label so
    hidden ("2023" in C1 under "2022" merged over B1:C1, "Kota Batu" in A3
    under A2:A3) raises ValueError, whatever `errors`; a row whose empty
    label cell lies under a label merged down ("Kota Malang" over A2:A3) is
    kept, unmatched, its ``reason`` naming the range. A formula is never
    evaluated: the result the spreadsheet program stored with it is read
    (a stored empty text, Excel's ``=IF(..., "")``, is an empty cell),
    and a formula without one (a file written by a script, or an injected
    ``=cmd|...``) is an invalid cell showing the formula; a workbook that
    asks to be recalculated on load (``<calcPr fullCalcOnLoad="1"/>``, as
    XlsxWriter, and so pandas' ``to_excel`` when it is installed, writes
    every file, storing the placeholder 0 with each formula; Excel and
    LibreOffice do not write it), or to be recalculated in full
    (``forceFullCalc="1"``), or that is in manual calculation without a
    recalculation on save (``<calcPr calcMode="manual" calcOnSave="0"/>``,
    XlsxWriter's ``set_calc_mode("manual")``; a manual workbook saved by
    Excel, recalculated on saving, keeps its results) stores no
    trustworthy result, so each
    of its formulas is one without a stored result, the reason saying
    why (in a header or label cell too); so is every
    cell of an array formula's range without a stored result (in an .xlsx
    or an .ods sheet), though only its first cell holds the formula (shown
    with "(array formula C2:C4)").
    Cells of an .xlsx sheet are placed by their reference (``r="B2"``), in whatever
    order the file lists them; a cell stored twice raises ValueError.
    An .ods numeric cell (value type ``float``, ``percentage`` or
    ``currency``) whose stored value is not a finite number in ASCII digits
    as ODF writes it ("4_37", which Python's ``float`` reads as 437,
    "NaN", "INF", or none) makes the file damaged: ValueError naming the
    cell, whatever `errors`, as for an .xlsx cell that cannot be read.
    So does an .xlsx numeric cell (``<v>``, a value or a header year) whose
    stored text is not a number in ASCII digits ("3_79", "\u0663",
    full-width "\uff11", all of which Python's ``float`` reads) or is one
    a float64 cannot hold ("1e-400", read as 0; "1e999"); an .ods value
    too small for a float64 likewise. A stored number (``<v>``,
    ``office:value``) is read by the rule for numbers above: one float64
    cannot hold (9007199254740993; 13.8 written with 25 decimals) is an
    invalid cell, as the same text in a CSV file is; a float64 written in
    15 to 17 significant digits, as programs store one
    ("9.550000000000001"), is that float64.
    An .ods cell's value type is read as an .xlsx cell's percent format: a
    cell of type ``percentage`` (the value 0.138 shown as "13,80%") is read
    as 13.8, in percent, and such cells mixed with plain numbers follow the
    rule above (the rarer kind is invalid). A cell of type ``currency`` is
    read as the text it shows typed in the cell ("Rp 500": 500 rupiah,
    checked against a unit row and the column's other units), or with its
    currency code before the number if its text shows none
    (``office:currency="IDR"``: "IDR 500", rupiah; another currency, or
    none, is not a number povstat reads: an invalid cell). Other number
    formats of .ods files, and those of a DataFrame source, are not read. An .ods cell
    without a value type (org-mode's export writes every cell so) holding
    text is a text cell, read as the same text typed in a CSV file ("4,37"
    is 4.37 in locale "id"); one holding a formula has no stored result and
    is invalid, shown by its formula, as in .xlsx. A text cell of an .ods
    or .xls sheet is read as written, as in a CSV file (an .ods cell's
    tab, ``text:tab``, spaces, ``text:s``, and line break are white space,
    "Kota", a tab, "Batu" is "Kota Batu", as a tab in a CSV field is): "N/A", "NA",
    "NULL", "nan" or "#N/A" (also LibreOffice's ``=NA()``, an error shown
    as "#N/A") is not a number, an invalid cell, unless `missing` names it;
    so is an .xls error cell, read as the text it shows ("#N/A",
    "#DIV/0!"), as an .xlsx one is; a spreadsheet's error value (from
    an error cell, or text such as "#DIV/0!" or "Err:502") is reported
    as such, "a spreadsheet error value", not as a number in the wrong
    locale. An .xls formula whose stored result is
    empty text (a file written by a program, which leaves formulas
    uncomputed; xlrd reads it as an empty cell) is a formula without a
    stored result, shown by its text as xlrd decompiles it ("a formula" if
    it cannot), as in .xlsx; a formula showing empty text is one too.
    Only the
    cells a sheet stores with a value are read, so an empty cell with a
    format far down the sheet costs nothing, and a run of empty rows
    between two cells is one row of the table (a stray cell at A1048576
    costs one row, not a million; in an .ods sheet too, whose empty rows
    LibreOffice writes as one row repeated to the sheet's end); rows below
    the last value and columns without any value (a cell holding only
    spaces is empty) are layout, and a column is named by its letter in
    messages. A row or column the sheet hides (in .xlsx, .xlsm, .xls and
    .ods files, filtered rows included; also a row of height 0 or a
    column of width 0, which shows alike) is read as any
    other: hiding leaves it
    in the table, and the table read never depends on what a view shows;
    hidden rows and columns that hold cells are named in a UserWarning.
    Text an .xlsx file stores escaped, as Excel writes characters XML
    cannot hold (``_xHHHH_``: ``"Kota Batu_x000D_"`` for "Kota Batu" and a
    carriage return), is read as Excel shows it, in labels, headers and
    values alike, each escape decoded once (``"_x005F_x000D_"``, the
    underscore escaped, is the text "_x000D_").
    A text cell written in runs (rich text) is read as it shows: a run
    raised as superscript (a font's superscript in .xlsx and .xls, a text
    style's ``text-position`` above the line in .ods) shows its digits
    and ``+-=()`` as superscript characters, so "4,37" followed by a
    raised "1" is the text "4,37\u00b9", read as that text typed: a
    footnote mark after a label ("Kota Batu\u00b9", mark "\u00b9"), an
    invalid cell among the values (never the number 4.371); a lowered run
    (subscript) shows subscript characters alike, its letters as the
    Unicode subscript letters where one exists ("Kota Batu" with a lowered
    "a" is "Kota Batu\u2090", footnote "\u2090", never "Kota Batua"). A
    raised run ending a
    label, written as a footnote mark is typed ("*)", "**", "(1)", "1)",
    "a)"), is that mark as a whole, set apart from the name as the same
    mark typed after a space is ("Kabupaten Nduga" with a raised "*)":
    Kabupaten Nduga, footnote "*)"), in .xlsx, .xls and .ods alike. Any
    other raised run ending a label is a footnote mark too, shown as it
    shows: raised letters as the Unicode modifier letters ("Kota Batu"
    with a raised "a" is "Kota Batu\u1d43", footnote "\u1d43"; every small
    letter but "q" has one, and the capitals but C, F, Q, S, X, Y, Z), a
    dagger "\u2020", double dagger "\u2021" or section sign "\u00a7" as
    itself. A raised letter without a modifier letter ("q") shows on the
    line: the label names no region and is reported in ``unmatched``.

    *Regions.* Names are matched to the 38 provinces and 514 regencies and
    cities of Indonesia (:func:`povstat.datasets.indonesia_regions`: today's
    names, the official names and every name the BPS tables use, old names
    such as "Toba Samosir" included), in lower case on their letters only
    (spaces, hyphens and dots ignored, letters spelt one by one one word:
    "D.K.I." is "DKI"; "Kep" and "Kep." read as "Kepulauan", "Adm" and
    "Adm." as "Administrasi"), provinces also by their English names
    ("EAST JAVA", "Special Region of Yogyakarta"), Jakarta by its name
    since 2024, "Daerah Khusus Jakarta", and the abbreviations "DKI", "DK",
    "DI", "DIY", "NTB", "NTT" and "NAD": "Kab.
    Malang", "Kab Malang", "Kabupaten Malang" and, as in BPS tables, a bare
    "Malang" are Kabupaten Malang (3507); "Kota Malang" and "Kotamadya
    Malang", "Kota-Malang" are Kota Malang (3573). A bare name never
    matches a city, even under a column header saying "Kota" (headers are
    not read: write "Kota Bogor"), except under a heading row: a row whose
    label is a kind alone ("KOTA", "Kabupaten", "Kota:", "Kodya", "KOTA
    MADYA", "Kota Administrasi", "City", "Regency", "Municipality"), after
    an optional list number, letter or Roman numeral, with or without its
    full stop or bracket ("2. Kota", "B. KOTA", "B KOTA", "II KOTA", "(2)
    Kota", "2) Kota": a heading, never a footnote), with an
    optional gloss of the same kind ("Kota/City", "Kota/Municipality",
    "Kabupaten (Regency)"; "Kabupaten/Kota" names two kinds and is no
    heading) and footnote marks ("Kota 1)", "Kota¹"), written in the plural
    ("Kota-Kota"), after "Daerah" or "Wilayah" ("Daerah Kota"), followed
    by a word naming a kind of city ("Kota Otonom", "Kota Besar", "Kota
    Kecil", "Kotapraja", "Kota Administratif"; "Kabupaten Otonom": no
    region's name, unlike "Kota Batu" or "Kota Baru"), spaced
    out ("K O T A") or decorated: any dash read as a hyphen ("Kota \u2013
    Kota"), and brackets or quotes around it ("(KOTA)", "[Kota]"), and
    punctuation and symbols before or after it (any character of Unicode
    category P or S, and circled numbers: "KOTA.", "— KOTA —", "◦ Kota",
    "# KOTA", an apostrophe left by a spreadsheet's text prefix, "'KOTA")
    read past, alike for every kind and spelling ("KABUPATEN.", "(Kota
    Besar)"); a region's name decorated so stays a name ("(Kota Batu)"
    is no heading, and is reported unmatched; before a region's name,
    dashes, bullets and a text-prefix apostrophe are read past likewise:
    "- Kota Batu", "• Malang", "'Kota Batu"), gives its kind to
    the bare names below it, up to the next heading or province row ("Malang" under
    "KOTA" is Kota Malang; the heading row itself is unmatched, its
    ``reason`` saying so). A row whose label ends in one kind of region but
    is no heading ("DAFTAR KOTA", "Nama Kabupaten:"), or that names one
    kind beside words of a section and a province's name only ("KABUPATEN
    DI JAWA TIMUR", "Kabupaten se-Jawa Timur", "KABUPATEN LAINNYA",
    "Kabupaten lain-lain", a heading repeated on the next page, "KOTA
    (Lanjutan)", or the province's short name, "Kabupaten di Jatim"),
    naming no region and holding no number, heads a section of that kind,
    as "KOTA" does. Such a row that is a total ("Jumlah Kota", "JUMLAH
    KOTA JAWA TIMUR", "Rata-rata Kota"), whether it holds the section's
    subtotals or no number, ends the section above and heads none: the
    bare names below it are read as under no heading (a bare name is the
    regency), never as the kind of the section above, and its ``reason``
    says so. A bare name under a
    heading that names both a region of the heading's kind and that region's
    province ("Jambi" under "KOTA": Kota Jambi, 1571, and Provinsi Jambi,
    15; likewise "Bengkulu", and "Gorontalo" under "KOTA" or "KABUPATEN") is
    that region, in any
    case, and the section goes on below it; it is the province's row,
    ending the section, only when the latest province row above it (else
    `province`) is another province's ("JAMBI" after the cities of RIAU
    starts Jambi's rows), or when it is written in capitals in a table
    whose bare names under its headings are not all in capitals, with no
    row of that province above it ("JAMBI" below Jambi's cities written
    "Jambi", "Sungai Penuh": the province's total). So in BPS's layout
    ("JAMBI" / "KABUPATEN" / "Kerinci" ... / "KOTA" / "Jambi" / "Sungai
    Penuh"; its names in title case or in capitals) the first row is the
    province and the one under "KOTA" Kota Jambi. With each province's
    total below its regencies and cities (no province row above the first
    heading), a province row below a section closes it: the rows below
    are the next province's, so "Jambi" under "KOTA" after "RIAU" is Kota
    Jambi, and the regions are looked for in the province whose total
    follows them (those below the last total, or in a table of one
    province, in the table's provinces: a row of a province the table does
    not name is unmatched, never filed as the province). A heading row
    is one whatever its value cells hold: empty, a nil mark ("-", "…") or
    numbers (the section's subtotals: they stay in ``data`` with no
    region code, and its ``reason`` names them).
    Two rows of one bare name that is a regency's and a city's ("Malang",
    "Blitar", "Kediri") under no heading, or under one, raise ValueError
    saying that they are probably the regency and the city, how to name
    them, which heading row each was read under, and which rows between
    them name a kind without being read as a heading ("DAFTAR KOTA"); where
    the name is also its province's ("GORONTALO", "JAMBI"), the message
    says that the last of the rows may be the province's total and to
    write "Provinsi Gorontalo" in its label. "Kota X"
    where no city X exists is the regency written in two words ("Kota
    Baru" is Kabupaten Kotabaru). "Jawa Timur" /
    "Provinsi Jawa Timur" is 35, "DI. Yogyakarta" 34, "Indonesia" 00. Codes
    are Kemendagri's (see :func:`povstat.datasets.load_indonesia`).

    A number before the name ("1 Malang", "2. Kota Malang", "3) Batu",
    "3573 Kota Malang", "3573: Kota Malang", "3573/Kota Malang", "3573 |
    Kota Malang", "3573_Kota Malang", "3573Kota Malang" glued; a section's
    "1.1. Kota Malang", "I.1. Kota Malang"; "#1 Malang", "No. 1 Malang",
    "Nomor 1 Malang", list numbers; a code in full-width brackets,
    "\uff083573\uff09Kota Malang", or after "Kode", "(Kode 3573) Kota
    Malang", "Kode 3573 Kota Malang") is set apart before matching, for
    every name alike,
    as is a small letter of a lettered list ("a. Kota Batu", "b) Kota
    Malang", "(c) Kerinci", "a.Kota Batu") or a small roman numeral ("ii.
    Kota Malang"), or a capital roman numeral of two letters or more, up
    to the 38 provinces' XXXVIII ("II. Jawa Barat", "XXVIII. Sulawesi
    Tenggara"); a capital numeral of one letter may be an initial ("K.
    Riau" is no "Riau"), and is a list number only where the column's
    capital roman numerals run from I without a gap, "I. Jawa Timur",
    "II. Jawa Barat", where a lone "I." heads rows numbered with digits or
    letters, or, whatever the column's numbering, before a province's name
    that is no regency's ("V. JAMBI" below "IV. RIAU", "X. KEPULAUAN RIAU"
    in a table cut to a few provinces; "I. Gorontalo" is kept as written,
    Gorontalo being a regency's name too);
    a label of digits alone ("1.0", "2.5") has no name after a number and
    is kept as written (unmatched, named "2.5", never "5"); an area code
    alone ("3501", "(3501)", "35") names no region either: its ``reason``
    says so, and to write the name after the code ("3501 Pacitan").
    One of four digits is an area code: it must be a region's code and agree
    with the name ("3573 Kota Malang"; it also resolves a name fitting two
    regions, "7501 Gorontalo"), else the row is unmatched with a ``reason``
    naming both ("3573 Malang": 3573 is Kota Malang, a bare "Malang" is
    Kabupaten Malang; a code of a region of the name's kind in its
    province, "1275 Kota Medan", may be BPS's numbering, which differs from
    Kemendagri's in some provinces: the ``reason`` says so, and how to read
    the names without the codes); so must BPS's four-digit code of a province, its
    two digits and "00" ("1500 JAMBI" is 15; "1500 Kerinci" is unmatched,
    its ``reason`` naming both). One of two digits before a province's
    name is its code and must agree too ("35 Jawa Timur"); a province's
    code, of two or four digits, agrees by BPS's numbering of the Papua
    provinces as by Kemendagri's ("9400 PAPUA" and "94 PAPUA" are 91
    Papua, "9700 PAPUA PEGUNUNGAN" 95), unless the table also numbers
    rows with one digit (a list 1, 2, ..., whose 11 is no code);
    other numbers of one or two digits are list numbers, but two digits
    written plainly before a name that is no province's, more than the
    table's rows ("79 Pacitan" among 3 rows), are unmatched as three are,
    unless the table's numbers run on without a gap (rows 29 to 38 of a
    longer list, in any order; one number alone is no run). Two digits
    written as list numbers ("11. DKI Jakarta", "12)", "(13)") that run on
    without a gap are list numbers when one disagrees with its name (rows
    11 to 16 of the provinces' list), else codes. A region's name written
    with a number ("50 Kota", Kabupaten Lima Puluh Kota) is that name,
    never a list number before a heading "Kota". One of three
    digits is a list number when written as one ("357.", "357)", "(357)")
    or when the table has at least that many rows (a national list);
    written plainly in a shorter table ("357 Pacitan" among 38 rows) it is
    neither a list number nor an area code (perhaps 3573 with a digit
    missing): the row is unmatched, its ``reason`` saying so, never matched
    with the number dropped. This does not depend on the order of the
    rows. A code is read in any of its usual
    spellings: with Kemendagri's dot ("35.73 Kota Malang"), in brackets
    ("[3573] Kota Malang"), joined by a hyphen ("3573-Kota Malang"), or after
    the name ("Kota Malang (3573)", "Kota Malang [35.73]", "Kota Malang
    3573"), and checked the same way (never taken for a footnote mark).

    A regency or city is matched within the province it is listed under,
    whatever the order of the rows. A table whose province rows name one
    province only is that province's table: every row is read in that
    province, whether its row comes first or last (BPS puts the province
    total last), so "Banjar" in a Jawa Barat table is unmatched either way;
    `province` naming another province than that row raises ValueError
    naming both, in any row order.
    In a table naming several provinces, each province row sets the context
    of the rows below it (as in BPS tables, where a province's regencies
    follow its row), and rows above the first province row are read in
    `province` or, without it, in any of the table's provinces (a region of
    another province is unmatched, its ``reason`` naming them). In a
    context, a name
    means that province's region of that name, a bare name its regency (the
    BPS convention), so a name that fits two regions is resolved by it.
    "GORONTALO" in capitals is the province, as BPS writes province rows
    (also in a table writing every regency in capitals: write "Kabupaten
    Gorontalo" there, or head its section "KABUPATEN", under which it is
    the regency as said above), and so is "Gorontalo" however written in a table of
    provinces, whose label column is headed "Provinsi" (or "Province");
    "Gorontalo" under it is the regency; "Gorontalo" with no context raises
    ValueError listing the candidates. A name whose regions all lie in other
    provinces is not matched to them: "Malang" under Jawa Tengah is
    unmatched, its ``reason`` naming 3507 Kabupaten Malang (Jawa Timur).
    A bare name under a province that has only a city of that name is
    unmatched too, never guessed to be the city: "Banjar" under Jawa Barat
    (Kabupaten Banjar is in Kalimantan Selatan) is unmatched, its
    ``reason`` naming 3279 Kota Banjar, written "Kota Banjar"; and so is a
    bare name of no regency that is a city's ("Jakarta Pusat" under DKI
    Jakarta, as BPS's Jakarta tables write it, "Medan" under Sumatera
    Utara): its ``reason`` names the province's city of that name (every
    city of that name without a province row), to be written "Kota
    Jakarta Pusat". Regencies of
    the Papua provinces formed in 2022 are found under their province
    before the split as well in a table whose first year is before 2024
    (BPS gives the new provinces figures from March 2024).

    A footnote mark after the name ("Pacitan*", "Pacitan¹", "Pacitan 1)",
    "Pacitan (a)", a dagger, double dagger or section sign, typed or
    raised: "Pacitan\u2020", "Pacitan \u2021", "Pacitan\u00a7"; raised
    letters, "Pacitan\u1d43"; a star look-alike "\u2217", "\u204e",
    "\uff0a" or a Latin cross "\u271d"; subscripts, "Pacitan\u2090") is
    set apart for matching and kept in the ``footnote`` column; no region's
    name holds those characters. Several marks are one footnote, kept
    whole: "Pacitan 1,2)", "Pacitan (1,2)", "Pacitan *,**", "Pacitan
    \u00b9,\u00b2", "Pacitan \u2020 \u2021", a raised "1" followed by a
    typed "*" ("Pacitan\u00b9*"). The marks follow one grammar, not a
    list: stars, bracketed or not ("(*)"); superscripts and subscripts; a
    run of symbols ("#", "\u00b6", "\u2016", "\u25ca"); a caret and a
    number or letter ("^1"); a number and a slash ("1/", "1/ 2/"); a list
    of numbers, ranges and letters in round or square brackets or closed
    by one ("[1,2]", "1-3)", "1\u20133)", "(a,b)", "a,b)", "a)b)"), after
    a comma or not ("Pacitan, 1)"). The whole run is the footnote. A mark
    of digits never follows a digit, nor one of letters a letter, so no
    name is cut (no name of the bundled data ends in a mark). A mark's
    numbers have one or two digits, typed or raised: "Kota Batu 2022)" (a
    year, or any number of three or more digits, before ")") and
    "Pacitan³⁵⁷³" (three or more raised or lowered
    digits) hold no mark, and digits
    left in a name once its list number, code and mark are set apart are
    part of no region's name ("Kota 2022 Batu"): the row is unmatched, its
    ``reason`` quoting them ("2022)"), never matched with them dropped;
    "Kota Batu 2022" and "Kota Batu (2022)" are read as a code after the
    name, 2022, which is no region's. A row
    whose label starts with a dagger ("\u2020 angka sementara") and whose
    value cells hold no number is a footnote, as "1) ..." is. A mark written
    with symbols before the name (``*Kota Batu``, "(\u2020) Pacitan",
    "\u00b9Kota Batu", "\u1d43 Pacitan", "^1 Pacitan") is set apart and
    kept in the ``footnote`` column as one after it is (both, when both
    are written: ``*Pacitan 1)`` has footnote ``* 1)``); such a row naming a
    region is a region's row whatever its value cells hold (``*Muna Barat``
    with "-" for years before the regency existed), never a footnote. Words are
    compared on ASCII letters only: a name written with a
    look-alike letter matches nothing, and so does one holding a character
    that shows as nothing (a zero width space U+200B, a byte-order mark, a
    soft hyphen, a joiner, the blank braille pattern U+2800, a variation
    selector such as U+FE0F): its ``reason`` in ``unmatched`` names the
    character and shows the label's repr ("Kota Batu" followed by a zero
    width space: "no region of this name: the label ... holds an invisible
    character U+200B (zero width space), which is read as part of the
    name"); such a character in a header, or in a column group's label
    (which would make a group of its own looking like another), is named
    in the error too, which is raised whatever `errors`. Other
    rows (misspellings, names of no
    region) stay in ``data`` with a missing code and are listed in
    ``unmatched``; so does a row of values whose label is empty, its
    ``reason`` saying so. A code before a name that disagrees with it is
    reported with the name as written ("3501 Kota Batu": "the name 'Kota
    Batu' is 3579 Kota Batu"). Two rows matched to the same region make the table
    ambiguous and raise ValueError; unmatched labels may repeat.

    References
    ----------
    .. [1] BPS, table *Persentase Penduduk Miskin (P0) Menurut Provinsi dan
       Daerah*, whose round headers read "Semester 1 (Maret)" and "Semester 2
       (September)" (source ``BPS_P0_PROV`` of
       :func:`povstat.datasets.east_java_sources`).

    Examples
    --------
    An excerpt of the BPS P0 table by regency and city (BPS_P0_KABKOTA, see
    the data sources), values with a decimal point as in BPS's export:

    >>> import io
    >>> from povstat import read_bps_table
    >>> text = '''Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) (Persen),
    ... ,2022,2023
    ... JAWA TIMUR,10.38,10.35
    ... Malang,9.55,9.45
    ... Kota Malang,4.37,4.26
    ... '''
    >>> t = read_bps_table(io.StringIO(text), locale="en", month=3,
    ...                    value_name="poverty_rate_pct")
    >>> t.data[["region_code", "region_name", "year", "month", "poverty_rate_pct"]]
      region_code       region_name  year  month  poverty_rate_pct
    0          35        Jawa Timur  2022      3             10.38
    1          35        Jawa Timur  2023      3             10.35
    2        3507  Kabupaten Malang  2022      3              9.55
    3        3507  Kabupaten Malang  2023      3              9.45
    4        3573       Kota Malang  2022      3              4.37
    5        3573       Kota Malang  2023      3              4.26
    >>> t.title
    'Provinsi/Kabupaten/Kota | Persentase Penduduk Miskin (P0) (Persen)'
    """
    loc = _locale(locale)
    err = _validate.choice(errors, "errors", ("raise", "report"))
    _sheet(sheet_name)
    miss = _missing(missing)
    mon = _month(month)
    if province is not None and not isinstance(province, str):
        msg = f"`province` must be a str (code or name), got {type(province).__name__}"
        raise TypeError(msg)
    prov = None if province is None else _regions.province_code(province)
    if not isinstance(value_name, str):
        msg = f"`value_name` must be a str, got {type(value_name).__name__}"
        raise TypeError(msg)
    if not value_name.strip():
        msg = (
            f"`value_name` must name the value column, got {value_name!r} (no "
            "name); pass a name such as 'poverty_rate_pct', or leave the default "
            "'value'"
        )
        raise ValueError(msg)
    if value_name in _FIXED_COLUMNS:
        msg = (
            f"`value_name` must be a str other than {list(_FIXED_COLUMNS)}, "
            f"got {value_name!r}"
        )
        raise ValueError(msg)
    if not isinstance(sep, str):
        msg = f"`sep` must be a str (a single character), got {type(sep).__name__}"
        raise TypeError(msg)
    frame_source, wide_ints = _frame_as_pandas(source)
    if isinstance(frame_source, pd.DataFrame) and frame_source.shape[1] == 0:
        raise ValueError(_no_columns(frame_source, source))
    read = _read_grid(frame_source, sheet_name=sheet_name, sep=sep, encoding=encoding)
    if read.hidden:
        hides = ", ".join(read.hidden[:10]) + (", ..." if len(read.hidden) > 10 else "")
        msg = (
            f"`source`: the sheet hides {hides}, which hold cells: they are read "
            "as any other (hiding a row or column leaves it in the table); "
            "delete them from the sheet if they are not part of it"
        )
        warnings.warn(msg, UserWarning, stacklevel=2)
    grid = read.grid
    if not isinstance(frame_source, pd.DataFrame) and grid.shape[1] == 0:
        # Text of blank lines alone ("\n", a byte-order mark and "\r\n"):
        # no cell, as an empty file (sheets31 F5).
        msg = "`source` holds no cell (nothing but blank lines): no table to read"
        raise ValueError(msg)
    # A copy: the frame's own array may be read-only (one column of objects).
    text = np.array(grid.map(_cell_text).to_numpy(dtype=object), dtype=object)
    pending = np.zeros(text.shape, dtype=bool)
    if read.formula is not None:
        # A formula without a stored result is not an empty cell: its text
        # shows in labels and headers, and its value cell is reported.
        pending = read.formula != None  # noqa: E711 - elementwise
        text[pending] = read.formula[pending]
    dates = (
        np.full(text.shape, None, dtype=object) if read.dates is None else read.dates
    )
    # A date whose text shows no year ("Januari", a value shown with the
    # format mmmm; a time) is no header cell: its stored date shows in the
    # layout and in messages, never text joined into a header.
    yearless = (dates != None) & ~np.vectorize(  # noqa: E711 - elementwise
        lambda t: re.search(r"[0-9]{4}", str(t)) is not None, otypes=[bool]
    )(text)
    text[yearless] = dates[yearless]
    # A cell whose format shows nothing (a year 2022 formatted ";;;" or
    # '""') is a blank header cell, as shown; below the header it is read
    # as stored (a value so hidden is invalid, never a blank row).
    hidden_text = read.blank if read.blank is not None else np.zeros(text.shape, bool)
    stored_text = text.copy()
    text[hidden_text] = ""
    # A year whose number format shows it otherwise ("202200%" for 2022
    # shown with 0%, "2,022", "2.02E+03") is a header cell read as shown,
    # refused as a header; below the header it is read as stored.
    disguised = (
        read.disguised
        if read.disguised is not None
        else np.full(text.shape, None, dtype=object)
    )
    shown_as = disguised != None  # noqa: E711 - elementwise
    text[shown_as] = disguised[shown_as]
    # A date that its format shows as no period ("1905" for 2022 typed
    # under "yyyy", "1" for 2022-03-01 under "d") is laid out as its stored
    # date, and refused in the header, naming what it shows and why.
    misdated = (
        read.misdated
        if read.misdated is not None
        else np.full(text.shape, None, dtype=object)
    )
    # Cells named in messages: a sheet's column letters and row numbers.
    letters = read.columns or tuple(_column_letter(j + 1) for j in range(text.shape[1]))
    disguised_cells = [
        f"cell {letters[j]}{_label(grid.index[i])} stores the year "
        f"{_show(stored_text[i, j])}, which its number format shows as "
        f"{str(disguised[i, j])!r}"
        for i, j in np.argwhere(shown_as)
    ]
    # A table placed from the second spreadsheet column on: the region names
    # are in the first column that holds anything.
    filled = (text != "").any(axis=0)
    first = int(np.argmax(filled)) if filled.any() else 0
    # A column holding only lines of their own (a title in A1, a source
    # note, the table itself from column B on) is layout, not the names:
    # the names are in the next column holding anything, and those lines
    # are read as written there (a title, a note).
    alone = (text != "") & ((text != "").sum(axis=1) == 1)[:, None]
    while (
        filled[first + 1 :].any()
        and filled[first]
        and alone[:, first][text[:, first] != ""].all()
    ):
        lines = text[:, first] != ""
        nxt = first + 1 + int(np.argmax(filled[first + 1 :]))
        text[lines, nxt] = text[lines, first]
        stored_text[lines, nxt] = stored_text[lines, first]
        first = nxt
    # The merged range covering each label cell (a label merged down over
    # two rows leaves the second without a label of its own).
    label_refs = None if read.merged is None else read.merged[:, first]
    # The range covering the cell right of each label: a title merged from
    # the label column (unmarked below), for messages.
    title_refs = (
        None
        if read.merged is None or read.merged.shape[1] <= first + 1
        else read.merged[:, first + 1]
    )
    read = _headings_unmerged(read, first, text != "")
    grid, text, pending = grid.iloc[:, first:], text[:, first:], pending[:, first:]
    dates = dates[:, first:]
    hidden_text = hidden_text[:, first:]
    stored_text = stored_text[:, first:]
    shown_as = shown_as[:, first:]
    misdated = misdated[:, first:]
    try:
        layout = _layout(
            text,
            grid.index,
            mon,
            _merged_from(read, first),
            sheet=_of_sheet(read),
            sep=sep,
            file_rows=not isinstance(frame_source, pd.DataFrame),
            frame_labels=(
                (_engine_of(source), list(frame_source.columns[first:]))
                if isinstance(frame_source, pd.DataFrame)
                and not isinstance(frame_source.columns, pd.MultiIndex)
                else None
            ),
        )
        below = np.zeros(text.shape, dtype=bool)
        below[layout.first_data :] = (hidden_text | shown_as)[layout.first_data :]
        text[below] = stored_text[below]
    except ValueError as e:
        shown = [f for f in text[pending] if repr(str(f)) in str(e)]
        if not shown and str(e).startswith("no header row"):
            # No header found: formulas beyond the label column (years
            # computed, "=B1+1") may be where the years were meant to be.
            shown = [str(f) for f in text[:, 1:][pending[:, 1:]]]
        # A renamed year comes from a reader's column names: a frame, or a
        # CSV file a frame was written to; never from a workbook's cells.
        renamed = isinstance(frame_source, pd.DataFrame) or read.fields is not None

        raw = grid.to_numpy(dtype=object)

        def turned(cells: np.ndarray[Any, Any]) -> str:
            return _transposed_hint(
                cells,
                grid.index,
                frame=isinstance(frame_source, pd.DataFrame),
                locale=loc,
                sheet=_of_sheet(read),
                sep=sep,
                missing=miss,
                fields=read.fields,
                encoding="" if isinstance(frame_source, pd.DataFrame) else encoding,
                # The cells as read, for the values' check: the columns of
                # `cells` (all, or those after a column of row numbers).
                cells=raw[:, raw.shape[1] - cells.shape[1] :],
                # The label column's position in a frame (leading empty
                # columns are left out); once a column of row numbers
                # before it is removed, as advised, the next one is there.
                column=first,
                to_pandas=_to_pandas_first(source),
            )

        transposed = turned(text) if str(e).startswith("no header row") else ""
        if not transposed:
            transposed = _numbered_transposed_hint(text, turned)
        pivot = (
            ""
            if transposed
            else _pivot_hint(
                text,
                grid.index,
                frame=isinstance(frame_source, pd.DataFrame),
                sheet=_of_sheet(read),
                sep=sep,
                lazy=_lazy_polars(source),
            )
        )
        hint = (
            transposed + read.hint
            if transposed
            else _index_column_hint(text)
            + (_deduplicated_hint(text) if renamed else "")
            + pivot
            + read.hint
        )
        if isinstance(frame_source, pd.DataFrame):
            hint += _frame_separator_hint(frame_source, source)
        if shown:
            more = f" (and {len(shown) - 1} more)" if len(shown) > 1 else ""
            hint += f"; {shown[0]!r}{more} is {_no_result(read)}"
        if str(e).startswith("no header row") and not transposed:
            hint += _year_text_hint(
                text,
                grid.index,
                letters[first:],
                sheet=_of_sheet(read),
                sep=sep,
                file_rows=not isinstance(frame_source, pd.DataFrame),
            )
            hint += _title_year_hint(
                text, grid.index, title_refs, grid.iloc[:, 0].tolist()
            )
            if read.sheets is not None:
                hint += read.sheets()
        shown_dates = [
            (i, j)
            for i, j in np.argwhere(misdated != None)  # noqa: E711 - elementwise
            # named where the message quotes it, or as the header not found
            if repr(str(text[i, j])) in str(e) or str(e).startswith("no header row")
        ]
        for i, j in shown_dates[:3]:  # quoted as shown, and why
            e = ValueError(
                str(e).replace(repr(str(text[i, j])), repr(misdated[i, j][0]))
            )
            hint += (
                f"; cell {letters[first + j]}{_label(grid.index[i])} "
                f"{misdated[i, j][1]}"
            )
        if disguised_cells:
            more = (
                f" (and {len(disguised_cells) - 3} more)"
                if len(disguised_cells) > 3
                else ""
            )
            hint += (
                f"; {', '.join(disguised_cells[:3])}{more}: a header cell is read "
                "as shown, and that is no year; give the header cells a number "
                "format that shows the plain year (General, 0), or type the "
                "years as text"
            )
        if not hint:
            raise
        opening, no_period, rest = str(e).partition(" name no period")
        long_form = "it is in long form" in pivot
        if long_form and no_period and opening.startswith("header row "):
            # A long table has no header row over periods: the row taken for
            # one is data ("ACEH, 2.76"), not named as a header.
            e = ValueError(f"no header row names periods across the columns{rest}")
        elif long_form and str(e).startswith(_NO_HEADER_FOUND + ": row "):
            # The row refused as a header (a region's row under the column
            # names, "JAWA TIMUR, 2022, 10.35") is the long table's data.
            e = ValueError("no header row names periods across the columns")
        msg = f"{e}{hint}"
        raise ValueError(msg) from None

    _check_misdated(misdated, layout, grid.index, letters[first:])
    _check_title_round(layout, mon)
    _check_header_labels(text, grid.index, layout, prov)
    rows_all = np.arange(layout.first_data, len(grid))
    label = text[rows_all, 0].astype(str)
    # Blank: no cell holds anything, in any column (a number under no
    # header makes the row data, and its column is then refused).
    blank = (text[rows_all] == "").all(axis=1)
    first_cell = pd.Series(label, dtype=object)
    note = np.array(first_cell.str.match(_NOTE), dtype=bool)  # a writable copy
    worded = note & ~first_cell.str.startswith("*").to_numpy(dtype=bool)
    # A footnote: a footnote's number ("1) angka sementara") or a note mark
    # the reader reads before a name (``_LEADING_NOTE_MARK``: "(*) Angka
    # sementara", "(†) ...", "# ..."), then text.
    footnote_like = np.array(
        first_cell.str.match(_FOOTNOTE_ROW)
        | first_cell.str.match(_LEADING_NOTE_MARK_TEXT),
        dtype=bool,
    )
    # A numbered heading ("(2) Kota") or a numbered or marked region's name
    # ("2) Kota Batu", "*Muna Barat", "(*) Muna Barat", "¹Muna Barat",
    # whatever its values hold: "-" in a new regency's years) is no footnote.
    marked_row = footnote_like | (note & ~worded)
    for at_row in np.flatnonzero(marked_row).tolist():  # the few such rows
        if _numbered_region_or_heading(str(first_cell.iloc[at_row])):
            footnote_like[at_row] = note[at_row] = False
    note |= footnote_like
    # A heading marked as a footnote ("*KOTA") heads its section all the same.
    for at_row in np.flatnonzero(note).tolist():  # the few such rows
        if _heading_kind(str(first_cell.iloc[at_row])) is not None:
            note[at_row] = False
    numbered = np.zeros(note.shape, dtype=bool)  # notes holding numbers
    full = np.zeros(note.shape, dtype=bool)  # ... a value in every column
    if note.any():
        maybe = np.flatnonzero(note)
        fcells = grid.to_numpy(dtype=object)[np.ix_(rows_all[maybe], layout.columns)]
        number = np.zeros(fcells.size, dtype=bool)
        year_like = np.ones(fcells.size, dtype=bool)
        for fmt in ("id", "en"):  # a number in either format counts
            v, _, _, why = _parse_flat(fcells.ravel(), fmt, miss)
            number |= (why == "") & ~np.isnan(v)
            year_like &= (why != "") | ((v % 1 == 0) & (v >= 1900) & (v <= 2099))
        # A value in every column, not all years (a source's "2024"): a
        # region's row whose name starts with a note's word ("Sumber
        # Wringin", a kecamatan), or a note, which it cannot be told from.
        full[maybe] = number.reshape(fcells.shape).all(axis=1) & ~(
            year_like.reshape(fcells.shape).all(axis=1)
        )
        numbered[maybe[number.reshape(fcells.shape).any(axis=1)]] = True
        # A value cell starting with digits that is no number as written
        # ("3,5*", "(3)", "12a") holds numbers all the same: a footnote-like
        # or marked row holding them ("2) Foo;3,5*") is reported so, never a
        # bare note. A worded note's text ("Catatan;Tidak ada data 2015")
        # stays a note.
        digits = np.array(
            [_LEADING_DIGITS.match(str(c)) is not None for c in fcells.ravel()],
            dtype=bool,
        ).reshape(fcells.shape)
        in_words = maybe[
            digits.any(axis=1)
            & ~number.reshape(fcells.shape).any(axis=1)
            & ~worded[maybe]
        ]
    else:
        in_words = np.zeros(0, dtype=np.intp)
    # A marked or footnote-like row holding numbers is data ("*Pacitan",
    # "1) Batu"); a worded note ("Sumber: BPS, 2024") stays a note, reported
    # as holding numbers, as does a note whose numbers are no numbers as
    # written ("2) Foo;3,5*").
    note &= ~numbered | worded
    numbered[in_words] = True
    looks_data = np.flatnonzero(note & worded & full)
    if looks_data.size:
        named_rows = ", ".join(
            f"{_label(grid.index[rows_all[k]])!r} ({str(label[k])!r})"
            for k in looks_data[:5].tolist()
        )
        msg = (
            f"row(s) {named_rows} start with a note's word (Sumber, Source, "
            "Catatan, Keterangan, Ket, Note) and hold a value in every column: "
            "they are read as notes and skipped (listed in `skipped` as 'note "
            "with numbers'); if one is a region (a kecamatan named 'Sumber "
            "...'), write its kind before its name ('Kecamatan Sumber "
            "Wringin'), and it is read as a row of values"
        )
        warnings.warn(msg, UserWarning, stacklevel=2)
    # In a list of regions numbered "1)", "2)", ... a numbered row whose
    # values are all missing ("2) Muna Barat,-") is a region, not a
    # footnote: a run of rows numbered one after the other (1), 2), 3) ...)
    # in which some row holds numbers is a list of regions; footnotes below
    # it start their own numbering ("1) angka sementara").
    list_no = pd.to_numeric(first_cell.str.extract(_LISTED)["n"], errors="coerce")
    listed = np.flatnonzero(list_no.notna().to_numpy() & ~worded & ~blank)
    if listed.size:
        n = list_no.to_numpy()[listed]
        run = np.cumsum(np.r_[True, n[1:] != n[:-1] + 1])
        holds = pd.Series(~note[listed]).groupby(run).transform("any").to_numpy()
        note[listed[holds]] = False
    # A row of the columns' numbers ("1,2,3" or "(1),(2),(3)" under the
    # header, as BPS prints them) is layout, never a region's values.
    colnum = _column_number_rows(text[rows_all]) & ~blank
    # A row of units ("(persen)", "(ribu jiwa)") under the header is layout
    # too, taken as column numbers are and reported as a unit row.
    unit_row = _unit_rows(text[rows_all]) & ~blank & ~colnum
    colnum |= unit_row
    # Only directly under the header (blank rows aside), or under a
    # repeated header: a "1,2,3" row among the data is a row of the table.
    header_like = _year_point_zero(text[rows_all][:, layout.columns])
    header_cells = _year_point_zero(text[: layout.first_data][:, layout.columns])
    repeats = (
        (header_like[:, None, :] == header_cells[None, :, :]).all(axis=2)
        & (header_cells != "").any(axis=1)[None, :]
    ).any(axis=1)
    for k in np.flatnonzero(colnum):  # the few rows of column numbers
        before = np.flatnonzero(~blank[:k] & ~colnum[:k])
        if before.size and not repeats[before[-1]]:
            colnum[k] = False
    unit_row &= colnum  # among the data, a row of units is a row of the table
    unit_positions = np.concatenate(
        [np.asarray(layout.unit_rows, dtype=np.intp), rows_all[unit_row]]
    ).astype(np.intp)
    _check_unit_rows(text, grid.index, layout, unit_positions)
    title, groups = _stated_units(
        layout.title, layout.groups, text[unit_positions][:, layout.columns]
    )
    note &= ~colnum
    # A row below the header whose value cells repeat those of a row above
    # it (a header repeated after a page break, or the header of a table
    # stacked below): never read as values.
    # The row's label must repeat that row's label too (or be empty): a
    # region whose value equals a year ("Pacitan,2025" under "2025") is data.
    # A year written "2022.0" (a float a reader inferred, or written so) is
    # the year 2022 here, whichever way the table was read.
    above = _year_point_zero(text[: layout.first_data][:, layout.columns])
    below = _year_point_zero(text[rows_all][:, layout.columns])
    same = (below[:, None, :] == above[None, :, :]).all(axis=2)
    same &= (above != "").any(axis=1)[None, :]
    above_label = text[: layout.first_data, 0]
    labelled = (label[:, None] == above_label[None, :]) | (label[:, None] == "")
    repeated = (same & labelled).any(axis=1) & ~blank & ~note & ~colnum
    # Under another label, the header's cells are a repeated header when
    # the label heads the label column ("Kabupaten/Kota (lanjutan),2022,2023"
    # after a page break), or names no region and the row repeats two or
    # more periods; a region's or any other name over one year-like value
    # is data ("Pacitan,2025", a kecamatan's count "Kalipare,2023").
    maybe = np.flatnonzero(same.any(axis=1) & ~repeated & ~blank & ~note & ~colnum)
    first_year = int(min(layout.years)) if len(layout.years) else None
    for k in maybe:  # the few rows holding the header's cells
        if _heading_like(str(label[k])):
            repeated[k] = True
            continue
        if (below[k] != "").sum() < 2:
            continue
        try:
            found = _match_regions(
                np.array([label[k]], dtype=object),
                grid.index[[rows_all[k]]],
                prov,
                first_year,
            )
            repeated[k] = found["code"].iloc[0] is None
        except ValueError:  # a name of several regions: a region's name
            pass
    # The header under a subtitle first: its row reads as a second header.
    _check_header_under_subtitle(
        text,
        grid.index,
        layout,
        rows_all[~(repeated | blank | note | colnum)],
        prov,
        first_year,
    )
    _check_second_table(
        text, grid.index, layout, rows_all, repeated | blank | note | colnum
    )
    # A repeated header whose label names one kind, not the header's
    # ("Kota,2022,2023" below "Kabupaten,2022,2023"), starts that kind's rows:
    # skipped, the bare names below it would be read as regencies, so it is
    # refused with errors="report" too.
    header_kinds = {_heading_kind(str(x)) for x in above_label}
    kinded = [
        (r, hk)
        for r in rows_all[repeated]
        if (hk := _heading_kind(str(text[r, 0]))) is not None and hk not in header_kinds
    ]
    if repeated.any() and (err == "raise" or kinded):
        shown_rows = [
            f"{_label(grid.index[r])!r} ({' | '.join(s for s in text[r] if s)})"
            for r in rows_all[repeated][:5]
        ]
        advice = (
            "remove them (or split the tables), or pass errors='report' to "
            "skip them, listed in `skipped` as 'repeated header'"
        )
        if kinded:
            r_k, kind_k = kinded[0]
            advice = (
                f"row {_label(grid.index[r_k])!r}'s label {str(text[r_k, 0])!r} "
                f"names a kind of region ({kind_k}): skipped or removed, the bare "
                "names below it are read as regencies (a bare name is a "
                "regency's); replace its value cells by empty ones, which makes "
                f"it a heading row ('{kind_k.upper()}': the bare names below it "
                f"are read as {kind_k} names), or write the kind in each name "
                f"below it ('{kind_k.title()} Madiun')"
            )
        msg = (
            f"row(s) {', '.join(shown_rows)} repeat the header (or title) above "
            "the values: a page-break header, or the header of a second table "
            f"below the first; {advice}"
        )
        raise ValueError(msg)
    keep = ~blank & ~note & ~repeated & ~colnum
    data_rows = rows_all[keep]
    _check_hidden_layout(text, grid.index, layout, data_rows, _merged_from(read, first))
    # Columns named in messages: a sheet's letters, a frame's labels (and
    # 0-based positions, as iloc counts), a CSV file's 0-based positions.
    if read.columns is not None:
        names: tuple[str, ...] = read.columns
    elif isinstance(frame_source, pd.DataFrame):
        names = tuple(
            f"{c!r} (position {j})"
            if isinstance(c, str)
            else f"{_show(c)} (position {j})"
            for j, c in enumerate(frame_source.columns)
        )
    else:
        names = tuple(f"at position {j} (0-based)" for j in range(read.grid.shape[1]))
    try:
        _check_unlabelled_columns(
            text,
            data_rows,
            layout,
            grid.index,
            names[first:],
            split=read.fields is not None and sep == ",",
        )
    except ValueError as e:
        head = np.argwhere(hidden_text[: layout.first_data])
        if not head.size:
            raise
        cells = ", ".join(
            f"the cell of column {names[first + j]}, row "
            f"{_label(grid.index[i])!r}, stores {_show(stored_text[i, j])}"
            for i, j in head[:5]
        )
        msg = (
            f"{e}; {cells}, but its number format shows nothing for it (as "
            "';;;' or '\"\"' do): it is read as shown, a blank cell; give it "
            "a format that shows it"
        )
        raise ValueError(msg) from None
    if mon is not None and not layout.bare:
        msg = (
            f"`month` is {mon!r} but no value column needs it: the header of "
            f"each ({list(layout.headers)!r}) states its round or is annual; "
            "pass month=None"
        )
        raise ValueError(msg)

    skipped = _skipped(
        text,
        grid.index,
        layout,
        rows_all,
        blank,
        note,
        numbered,
        repeated,
        colnum & ~unit_row,
        unit_row,
    )
    cells = grid.to_numpy(dtype=object)[np.ix_(data_rows, layout.columns)]
    as_read = cells.copy()
    wide_cols = np.isin(first + layout.columns, list(wide_ints))
    if wide_cols.any():
        # 128-bit integer columns, moved as their digits: integers again, read
        # (and warned about) as integers, by the rule for integers float64
        # cannot hold, never as decimal text.
        block = as_read[:, wide_cols]
        digits = (block != None) & np.array(  # noqa: E711 - elementwise
            [re.fullmatch(r"-?[0-9]+", str(c)) is not None for c in block.ravel()],
            dtype=bool,
        ).reshape(block.shape)
        block[digits] = [int(str(c)) for c in block[digits]]
        as_read[:, wide_cols] = block
    values, unit, mult, reasons = _parse_flat(as_read.ravel(), loc, miss)
    if loc == "id" and isinstance(frame_source, pd.DataFrame):
        _warn_read_as_numbers(as_read, "`source`, a frame,", 2)
        split_frame = as_read  # wide integers are integers, not text
    where = np.ix_(data_rows, first + layout.columns)
    # The scale rules (percent or not, a unit, a multiplier) hold within a
    # column group: each group's columns share a measure ("Persentase",
    # "Jumlah (ribu jiwa)"), the groups need not; groups splitting one
    # measure ("Perkotaan | Perdesaan | Jumlah") share it, and are one block.
    scale_groups, block_names = _scale_blocks(layout.groups)
    blocks = np.tile(np.asarray(scale_groups, dtype=object), cells.shape[0])
    # A date or time in the value area (any format: "yyyy" shows 13.8 as
    # "1900") is no value, never a year: only a header cell names one.
    value_dates = dates[np.ix_(data_rows, layout.columns)].ravel()
    is_date = value_dates != None  # noqa: E711 - elementwise
    reasons[is_date] = _DATE_REASON
    unit_cells, unit_sources = _unit_row_spans(
        text[unit_positions][:, layout.columns],
        [f"unit row {_label(r)!r}" for r in grid.index[unit_positions]],
        layout.groups,
    )
    # A unit the title or a group label states over columns no unit row
    # covers is read as a unit row's ("(Persen)" in the title arms the
    # check of percentages above 100; "76,93 ribu jiwa" under a title
    # "(Ribu Jiwa)" is 76.93, in thousands, as under a unit row).
    stated, by_group, ratio_cols = _title_unit_row(layout.title, list(layout.groups))
    if unit_cells.shape[0]:
        stated[(unit_cells != "").any(axis=0)] = ""
    # A unit the title or a group label states is already read as a ratio
    # where it is one (see ``_named_units``): no other word of the title
    # makes it one.
    from_title = stated != ""
    ratio_cols &= from_title
    if (stated != "").any():
        filled = stated != ""
        # (Not `source`, the argument, named again in advice below.)
        stated_by = (
            "the title"
            if not by_group[filled].any()
            else "the column's group label"
            if by_group[filled].all()
            else "the title or the column's group label"
        )
        unit_cells = np.vstack([unit_cells.reshape(-1, len(stated)), stated])
        unit_sources = [*unit_sources, stated_by]
    # The columns a unit row, the title or a group label states "(persen)"
    # over (cells stating "%", or formatted so, are judged below).
    column_pct = np.zeros(values.size, dtype=bool)
    # The columns a unit other than percent is stated over ("(ribu jiwa)").
    other_unit = np.zeros(cells.shape[1], dtype=bool)
    for r in range(unit_cells.shape[0]):  # the few unit rows
        for j in np.flatnonzero(unit_cells[r] != ""):
            if _stated_scale(str(unit_cells[r, j]))[0].split("/")[0] == "percent":
                column_pct[j :: cells.shape[1]] = True
            else:
                other_unit[j] = True
    shown = _read_checks(
        read,
        where,
        cells,
        values,
        unit,
        mult,
        reasons,
        blocks,
        block_names,
        loc,
        miss,
        column_pct=column_pct,
    )
    as_shown = np.array(
        [c if t is None else t for c, t in zip(cells.ravel(), shown, strict=True)],
        dtype=object,
    )
    in_percent = (unit == "percent") | column_pct
    # Cells stating percent of their own ("%", a percent format), before a
    # stated percent over them makes them bare numbers under it.
    own_percent = unit == "percent"
    # A percent sign under a stated percent is no scale of its own; a bare
    # fraction of one beside it ("0,1204" among "9,92%") is the cell in
    # doubt (see ``_fractions_among``).
    _fractions_among(
        values, unit, mult, reasons, column_pct, blocks, block_names, locale=loc
    )
    _check_unit_row_cells(
        unit_cells,
        unit_sources,
        values,
        unit,
        mult,
        reasons,
    )
    # Units are judged against the unit row first ("5,1 ribu jiwa" under
    # "(ribu jiwa)" is read, whatever most cells state), then, among the
    # cells the unit row leaves, by the column group's most common unit.
    for block in _blocks(blocks):
        reasons[block] = _mixed_units(unit[block], reasons[block])
    for block in _blocks(blocks):
        reasons[block] = _mixed_scales(
            as_shown[block],
            values[block],
            unit[block],
            mult[block],
            reasons[block],
            locale=loc,
        )
    # A number in the other convention ("4.375" among "13,65", "587,723"
    # among "674.660"): judged within each column group of one unit (the
    # period columns of one measure go into one value column), on the cells
    # as read. Aggregate rows (a national or province row above its regions)
    # show that a column writes decimals, never how it writes the rows
    # under them. The regions are matched here once; a label that fits
    # several regions is refused below, after the values, as before.
    labels = label[keep]
    first_year = int(min(layout.years)) if len(layout.years) else None
    # A table of provinces (its label column headed "Provinsi"): a name of a
    # province and a regency ("Gorontalo") is the province.
    of_provinces = any(
        _PROVINCE_HEAD.fullmatch(str(text[r, 0]).strip()) is not None
        for r in layout.header_rows
    )
    matched: pd.DataFrame | ValueError
    try:
        matched = _match_regions(
            _namesakes_in_capitals(labels),
            grid.index[data_rows],
            prov,
            first_year,
            provinces=of_provinces,
            row_count=len(labels),
        )
    except ValueError as e:
        matched = e
    total_rows = _aggregate_rows(
        labels, None if isinstance(matched, ValueError) else matched
    )
    col_of = np.tile(np.arange(cells.shape[1]), cells.shape[0])
    # A column group's unit cells are compared by the unit they name, not
    # their spelling: "(ribu jiwa)" and "(Ribu Jiwa)", "(000 jiwa)" or
    # "(persen)" and "(%)" are one unit, and the group is judged whole.
    # A multiplier alone ("(ribu)") beside one unit of that multiplier
    # ("(ribu jiwa)") in its group is that unit.
    group_scales: dict[str, list[tuple[str, float]]] = {}
    for j in range(cells.shape[1]):
        group_scales.setdefault(layout.groups[j], []).extend(
            _stated_scale(str(u)) for u in unit_cells[:, j] if u != ""
        )
    one_scale = {g: _one_scale(v) for g, v in group_scales.items()}
    unit_key = [
        (
            layout.groups[j],
            *(
                one_scale[layout.groups[j]][_stated_scale(str(u))]
                if u != ""
                else ("", 0.0)
                for u in unit_cells[:, j]
            ),
        )
        for j in range(cells.shape[1])
    ]
    block_of = np.array(
        [list(dict.fromkeys(unit_key)).index(k) for k in unit_key], dtype=np.intp
    )
    # A unit of count in ones stated by a unit row (or a group label that is
    # a unit alone), else, where no unit row or such label states a unit
    # over the column, by a unit in brackets in its group label ("Jumlah
    # Penduduk Miskin (jiwa)") or in the title ("... (jiwa), 2023").
    # A group label naming a unit of its own ("Persentase (%)") is not
    # covered by the title's.
    # A unit row's persons over an average ("Rata-rata Anggota Rumah Tangga
    # Miskin" in the column's group label or, where it has none, the title)
    # are persons on average, a ratio, as the title's "(Jiwa)" after such a
    # measure is (see ``_named_units``).
    title_count = _title_count_units(layout.title, layout.groups)
    count_cols = np.array(
        [
            (
                ""
                if ratio_cols[j]
                or (
                    not from_title[j]
                    and _names_average(layout.groups[j] or layout.title)
                    and _count_unit(unit_cells[:, j]) in _WHOLE_COUNTS
                )
                else _count_unit(unit_cells[:, j])
            )
            if (unit_cells[:, j] != "").any()
            else (
                _ones_name([sc for _, sc in _named_scales(layout.groups[j])])
                if _named_scales(layout.groups[j])
                else title_count[layout.groups[j]]
            )
            for j in range(cells.shape[1])
        ],
        dtype=object,
    )
    flat_read = as_read.ravel()
    if read.grouped is not None:
        # A whole number a spreadsheet shows grouped ("#,##0": 8160 shows
        # "8.160" in Indonesian settings) is judged as shown, as the same
        # text typed or saved as CSV is.
        flat_read = flat_read.copy()
        for i in np.flatnonzero(read.grouped[where].ravel()).tolist():  # few
            grouped_text = f"{int(flat_read[i]):,}"
            flat_read[i] = (
                grouped_text.replace(",", ".") if loc == "id" else grouped_text
            )
    flat_total = np.repeat(total_rows, cells.shape[1])
    # A row whose label names no region (a total or an average labelled
    # otherwise, "Propinsi Jawa Timur", "Rata-rata", or no label) is no
    # evidence of how the column writes its regions' rows either.
    no_region = (
        np.zeros(len(labels), dtype=bool)
        if isinstance(matched, ValueError)
        else matched["code"].isna().to_numpy(dtype=bool)
    )
    flat_unmatched = np.repeat(no_region, cells.shape[1])
    flat_count = count_cols[col_of]
    shown_grouped = (
        np.zeros(cells.size, dtype=bool)
        if read.thousands is None
        else read.thousands[where].ravel()
    )
    for b in range(int(block_of.max()) + 1 if block_of.size else 0):
        at = np.flatnonzero(block_of[col_of] == b)
        reasons[at] = _other_convention(
            flat_read[at],
            values[at],
            unit[at],
            reasons[at],
            loc,
            total=flat_total[at],
            unmatched=flat_unmatched[at],
            count=flat_count[at],
            shown_grouped=shown_grouped[at],
        )
    if read.grouped is not None:
        for i in np.flatnonzero(read.grouped[where].ravel()).tolist():  # few
            if re.search("thousands (?:dot|comma)", str(reasons[i])):
                settings = "Indonesian" if loc == "id" else "English"
                reasons[i] = (
                    f"{reasons[i]}; the cell stores {as_read.ravel()[i]!r} and "
                    f"its number format groups thousands without decimals (as "
                    f"'#,##0' does), so a sheet in {settings} settings shows it "
                    f"{flat_read[i]!r}: store the number meant, or give the "
                    "cell a format without grouping"
                )
                # Quoted as the sheet shows it, with what it stores.
                stored_shown = _show(cells.ravel()[i]) if shown[i] is None else shown[i]
                shown[i] = f"{flat_read[i]} (stores {stored_shown})"
    reasons[is_date] = _DATE_REASON
    # A spreadsheet's error value ("#N/A", "#DIV/0!"), from an .xlsx or .xls
    # error cell or a sheet saved as CSV, is named as such.
    sheet_error = (
        pd.Series(as_shown, dtype=object).isin(_SHEET_ERRORS).to_numpy()
        & (reasons != "")
        & ~is_date
    )
    reasons[sheet_error] = [
        f"a spreadsheet error value ({str(t)!r}: a formula without a number "
        "as its result), not a number; name it in `missing` if it stands for "
        "a missing value"
        for t in as_shown[sheet_error]
    ]
    for i in np.flatnonzero(is_date):  # the few dates: shown as stored
        shown[i] = str(value_dates[i])
    value_cells = cells.ravel()
    odd = np.flatnonzero(
        [not isinstance(c, str | int | float | type(None)) for c in value_cells]
    )
    for i in odd:  # cells of other kinds (a frame's): plain text, a reason
        kind = _odd_cell(value_cells[i])
        # A date keeps the fuller reason above (the same words, and where
        # dates belong); a time interval, also a date of _dates_of, does not.
        if kind is not None and kind[1] != _DATE_OR_TIME:
            shown[i], odd_reason = kind
            reasons[i] = odd_reason or reasons[i]
    if read.fields is not None and sep == ",":
        _check_split_numbers(
            cells,
            values,
            reasons,
            loc,
            grid.index[data_rows],
            read.fields[data_rows],
            frozenset(int(read.fields[r]) for r in layout.header_rows),
        )
    elif isinstance(frame_source, pd.DataFrame) and (
        loc != "id" or not _check_split_frame(split_frame, values, reasons)
    ):
        # A frame read from a CSV file with every column as text (the advice
        # for Indonesian numbers) holds a split row as the file does; its
        # fields are not counted, so the rules needing a count do not apply.
        _check_split_numbers(
            as_read,
            values,
            reasons,
            loc,
            grid.index[data_rows],
            np.zeros(len(data_rows), dtype=np.int64),
            frozenset({0}),
            frame=True,
        )
    n_rows, n_cols = cells.shape
    _warn_above_100(
        values,
        reasons,
        in_percent,
        [
            _show(c) if t is None else str(t)
            for c, t in zip(cells.ravel(), shown, strict=True)
        ],
        grid.index[data_rows],
        [
            (group, head) if group else head
            for group, head in zip(groups, layout.headers, strict=True)
        ],
    )
    _warn_percent_fractions(
        values.reshape(n_rows, n_cols),
        (reasons == "").reshape(n_rows, n_cols),
        own_percent.reshape(n_rows, n_cols),
        column_pct.reshape(n_rows, n_cols)[0] if n_rows else column_pct[:0],
        [g or layout.title for g in groups],
        [
            (group, head) if group else head
            for group, head in zip(groups, layout.headers, strict=True)
        ],
        labels,
        # A frame's cells by position (as iloc counts), for the advice's
        # code: the column-label rows come first in the grid.
        frame_at=(
            (
                data_rows - _n_label_rows(grid.index),
                first + layout.columns,
            )
            if isinstance(frame_source, pd.DataFrame)
            else None
        ),
        locale=locale,
        title=layout.title,
        other_unit=other_unit,
        to_pandas=_to_pandas_first(source),
    )
    bad = np.flatnonzero(reasons != "")
    values[bad] = np.nan
    invalid = [
        InvalidCell(
            row=_label(grid.index[data_rows[i // n_cols]]),
            column=(
                (groups[i % n_cols], layout.headers[i % n_cols])
                if groups[i % n_cols]
                else layout.headers[i % n_cols]
            ),
            text=_show(cells.ravel()[i]) if shown[i] is None else str(shown[i]),
            reason=str(reasons[i]),
        )
        for i in bad
    ]
    if invalid and err == "raise":
        raise NumberParseError.from_cells(invalid, locale=loc, what="table values")

    if isinstance(matched, ValueError):
        raise matched
    regions = matched
    _check_province_row(regions, labels, grid.index[data_rows], prov, province)
    regions = _read_kind_headings(
        regions,
        labels,
        text[np.ix_(data_rows, layout.columns)],
        grid.index[data_rows],
        prov,
        first_year,
        provinces=of_provinces,
        values=values.reshape(n_rows, n_cols),
    )
    sub_kind = _SUB_REGENCY.search(
        " ".join([str(text[r, 0]) for r in layout.header_rows] + [layout.title])
    )
    if sub_kind is not None:
        # A table of kecamatan (or villages): a name shared with its regency
        # ("Ponorogo", the regency's seat) is no regency here (sheets33).
        placed = regions["code"].notna().to_numpy(dtype=bool)
        regions.loc[placed, ["code", "name", "type"]] = None
        regions.loc[placed, "reason"] = (
            f"a table of {sub_kind[0].lower()} (its header or title says so): "
            "names are not matched to provinces and regencies"
        )
    formula_label = pending[data_rows, 0]
    if formula_label.any():  # never matched by the formula's text
        regions.loc[formula_label, ["code", "name", "type"]] = None
        regions.loc[formula_label, "reason"] = f"the label is {_no_result(read)}"
    if label_refs is not None:
        covered = np.flatnonzero(
            (label_refs[data_rows] != None) & (labels == "")  # noqa: E711
        )
        for k in covered:  # the few rows under a label merged down
            ref = str(label_refs[data_rows[k]])
            regions.loc[k, "reason"] = (
                f"no label: the label cell lies under the merged range {ref}, "
                f"which shows {ref.split(':')[0]}'s label across it (the row "
                "has no label of its own); unmerge the cells and write each "
                "row's label"
            )
    _check_second_title(text, grid.index, layout, data_rows, regions)
    _warn_few_placed(regions, labels, grid.index[data_rows])
    _check_duplicate_regions(regions, labels, grid.index[data_rows])
    _check_duplicate_labels(regions, labels, grid.index[data_rows])
    months = np.array([np.nan if m is None else m for m in layout.months])
    data = pd.DataFrame(
        {
            "region_code": _strings(np.repeat(regions["code"], n_cols)),
            "region_name": _strings(np.repeat(regions["name"], n_cols)),
            "region_type": _strings(np.repeat(regions["type"], n_cols)),
            "label": _strings(np.repeat(labels, n_cols)),
            "footnote": _strings(np.repeat(regions["footnote"], n_cols)),
            "group": _strings(np.tile(groups, n_rows)),
            "year": np.tile(layout.years, n_rows).astype(np.int64),
            "month": pd.Series(np.tile(months, n_rows)).astype("Int64"),
            value_name: values,
        }
    )
    unmatched_mask = regions["code"].isna().to_numpy()
    unmatched = pd.DataFrame(
        {
            "row": grid.index[data_rows[unmatched_mask]],
            "label": _strings(labels[unmatched_mask]),
            "reason": _strings(regions["reason"].to_numpy()[unmatched_mask]),
        }
    )
    return BpsTable(
        data=data,
        unmatched=unmatched,
        skipped=skipped,
        invalid=invalid,
        title=title,
    )


# --- reading ------------------------------------------------------------------


@frozen(kw_only=True)
class _Read:
    """The cells of a table as read, and what the file says about them.

    ``fields``: per row of a CSV file, the number of fields written (cells
    beyond it are padding). ``percent``: spreadsheet cells holding a number
    shown with a percent format. ``formula``: the formula of spreadsheet
    cells that hold one without a stored result (None elsewhere). ``hint``:
    advice added to a layout error (e.g. another CSV separator).
    ``scaled``: the number format of spreadsheet numbers shown scaled by
    other than a percent (None elsewhere). ``stated``: the text the number
    format of a spreadsheet number shows before and after it, when it shows
    any ('"Rp "#,##0': ("Rp ", ""); '0.00" ribu jiwa"': ("", " ribu
    jiwa"); an .ods currency cell: its currency; None elsewhere).
    ``merged``: the merged range ("B2:C2") covering a spreadsheet cell
    other than the range's first (None elsewhere). ``columns``: names of the grid's
    columns for messages (a spreadsheet's column letters); None: their
    1-based positions. ``hidden``: the rows and columns of a sheet that the
    sheet hides and that hold cells ("row 3", "column C"), read as any other.
    ``dates``: the stored date or time of spreadsheet cells holding one, as
    ISO text ("1900-01-13 19:12:00"; None elsewhere), whatever their format
    shows: a year in a header cell, never a value. ``blank``: spreadsheet
    cells whose number format shows nothing for them (``;;;``, ``""``; a
    text cell's fourth section ``""``): blank as header cells, as shown.
    ``disguised``: the text shown for spreadsheet cells holding a year
    (a whole number 1900-2099) that their number format shows otherwise
    than as the year ("202200%" for 2022 shown with ``0%``; None
    elsewhere): header cells are read as shown. ``misdated``: the text a
    spreadsheet cell's date or time shows and why that names no period
    (`_misdated`; None elsewhere): refused in the header. ``grouped``:
    spreadsheet number cells holding a whole number that their format or
    style shows with a thousands separator and no decimals (``#,##0``
    shows 8160 as "8.160" in Indonesian settings; False elsewhere).
    ``thousands``: .xlsx, .xls and .ods number cells of 1,000 or more that
    their format shows with a thousands separator, with or without decimals
    (``#,##0.00`` shows 4181.29 as "4.181,29"; False elsewhere).
    ``recalc``: why the results the workbook stores with its formulas are
    placeholders (it asks to be recalculated on load, say; see
    ``_placeholder_results``), so that each of its formulas is one without
    a stored result (see ``_no_result``); "" where they are results.
    """

    grid: pd.DataFrame
    fields: np.ndarray[Any, Any] | None = None
    percent: np.ndarray[Any, Any] | None = None
    formula: np.ndarray[Any, Any] | None = None
    scaled: np.ndarray[Any, Any] | None = None
    stated: np.ndarray[Any, Any] | None = None
    merged: np.ndarray[Any, Any] | None = None
    hint: str = ""
    columns: tuple[str, ...] | None = None
    hidden: tuple[str, ...] = ()
    dates: np.ndarray[Any, Any] | None = None
    blank: np.ndarray[Any, Any] | None = None
    disguised: np.ndarray[Any, Any] | None = None
    misdated: np.ndarray[Any, Any] | None = None
    sheets: Callable[[], str] | None = None
    grouped: np.ndarray[Any, Any] | None = None
    thousands: np.ndarray[Any, Any] | None = None
    recalc: str = ""


def _groups_thousands(value: object, fmt: object) -> bool:
    """Whether a number format shows a number of 1,000 or more grouped.

    With or without decimals: ``#,##0.00`` shows 4181.29 as "4,181.29"
    ("4.181,29" in Indonesian settings), as the text "4.181,29" is written.
    The section that applies to the number decides; a scaling comma after
    the digits (``#,##0,``) is no grouping.
    """
    if not isinstance(fmt, str) or isinstance(value, bool):
        return False
    if not isinstance(value, int | float) or not abs(value) >= 1000:
        return False
    sections = _format_sections(fmt)
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    bare = re.sub(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]', "", section)
    return re.search(r"[#0?],[#0?]", bare) is not None


def _shows_thousands(stored: str, shown: str) -> bool:
    """Whether an .ods number of 1,000 or more shows its thousands separated.

    `stored`: the cell's ``office:value`` ("4181.29"); `shown`: its text
    ("4.181,29", "Rp 4,181.29"). The first digits shown, as many as the
    stored number's integer part has, span a separator.
    """
    try:
        whole = abs(int(float(stored)))
    except (ValueError, OverflowError):
        return False
    if whole < 1000:
        return False
    n = len(str(whole))
    m = re.search(r"[0-9](?:[0-9]|[.,\u00a0\u202f ](?=[0-9]))*", shown)
    if m is None:
        return False
    digits = 0
    for k, ch in enumerate(m[0]):
        digits += ch.isdigit()
        if digits == n:
            return k + 1 > n
    return False


def _groups_whole(value: object, fmt: object) -> bool:
    """Whether a number format shows a whole number grouped, no decimals.

    ``#,##0`` (a comma between digit placeholders) shows 8160 as "8,160",
    and "8.160" in Indonesian settings; ``#,##0.00`` shows decimals and
    ``0`` no grouping. The section that applies to the number decides.
    """
    if not isinstance(fmt, str) or isinstance(value, bool):
        return False
    if not isinstance(value, int | float) or not float(value).is_integer():
        return False
    sections = _format_sections(fmt)
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    bare = re.sub(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]', "", section)
    return (
        re.search(r"[#0?],[#0?]", bare) is not None
        and re.search(r"\.[#0?]", bare) is None
        and 1000 <= abs(value) < 1_000_000
    )


def _shows_nothing(value: object, fmt: object) -> bool:
    """Whether a cell's number format shows nothing for it (``;;;``, ``""``).

    A number: the section that applies shows neither digits nor text. A
    text: the format's fourth section shows neither the text (``@``) nor
    other text (``0;0;0;""``, ``;;;``).
    """
    if not isinstance(fmt, str):
        return False
    if isinstance(value, str):
        sections = _format_sections(fmt)
        if len(sections) < 4:
            return False
        section = _FORMAT_TAG.sub("", sections[3])
        rest = re.sub(r'"\s*"|_.|\*.', "", section)
        return "@" not in rest and not rest.strip()
    shown = _format_affixes(value, fmt)
    return isinstance(shown, _InsteadOfNumber) and not shown.text and not shown.unsigned


_DATE_REASON = (
    f"{_DATE_OR_TIME} (a date cell, or a spreadsheet's date format on a "
    "number): a date names a period in a header cell only"
)


def _dates_of(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any] | None:
    """`_date_text` of each cell (None elsewhere); None if no cell is a date."""
    out = np.array([_date_text(v) for v in values.ravel()], dtype=object)
    out = out.reshape(values.shape)
    return out if (out != None).any() else None  # noqa: E711 - elementwise


def _read_grid(
    source: object, *, sheet_name: object, sep: object, encoding: object
) -> _Read:
    """All cells of the table as objects, no header, rows labelled for users.

    A `sheet_name` given for a source that is not a workbook is refused,
    and so are a `sep` or `encoding` other than the default given for a
    source that is not CSV text (a workbook or a frame).
    """
    read = _read_any(source, sheet_name=sheet_name, sep=sep, encoding=encoding)
    if read.fields is None:
        kind = "a data frame" if isinstance(source, pd.DataFrame) else "a workbook"
        for name, given, default in (
            ("sep", sep, ","),
            ("encoding", encoding, "utf-8-sig"),
        ):
            if given != default:
                msg = (
                    f"`{name}` is {given!r} but `source` is {kind}, not CSV "
                    f"text: `{name}` applies to CSV text only; leave it out "
                    f"(default {default!r})"
                )
                raise ValueError(msg)
    if (
        sheet_name is not None
        and read.columns is None
        and (read.fields is not None or isinstance(source, pd.DataFrame))
    ):
        kind = "a data frame" if isinstance(source, pd.DataFrame) else "CSV text"
        msg = (
            f"`sheet_name` is {sheet_name!r} but `source` is {kind}, not a "
            "workbook: it has no sheets; pass sheet_name=None"
        )
        raise ValueError(msg)
    return read


def _read_any(
    source: object, *, sheet_name: object, sep: object, encoding: object
) -> _Read:
    """All cells of the table as objects, no header, rows labelled for users."""
    if isinstance(source, pd.DataFrame):
        _check_frame_index(source.index, source)
        grid = source.set_axis(range(source.shape[1]), axis=1)
        short = [
            j
            for j, d in enumerate(source.dtypes)
            if getattr(d, "kind", "") == "f" and getattr(d, "itemsize", 8) < 8
        ]
        grid = grid.astype(object)
        for j, d in enumerate(source.dtypes):  # pandas Arrow map columns
            arrow = getattr(d, "pyarrow_dtype", None)
            if arrow is not None and str(arrow).startswith("map<"):
                grid[j] = _map_cells(grid[j])
        for j in short:  # float32 / float16: the figures they print as (4.35)
            kind = source.dtypes.iloc[j]
            narrow = source.iloc[:, j].to_numpy(
                dtype=np.dtype(getattr(kind, "numpy_dtype", kind)), na_value=np.nan
            )
            grid[j] = pd.Series(
                _validate.widen_short_float(narrow), index=grid.index, dtype=object
            )
        heads = _column_label_rows(source.columns)
        if heads:
            head = pd.DataFrame(heads, index=_label_row_names(len(heads)), dtype=object)
            grid = pd.concat([head, grid.set_axis(list(source.index))]).astype(object)
        dates = _dates_of(grid.to_numpy(dtype=object))
        if dates is not None and heads:
            dates[: len(heads)] = None  # column labels: a date names a period
        return _Read(grid=grid, dates=dates)
    if isinstance(source, os.PathLike):
        source = _path_or_buffer(source)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if isinstance(source, str) and ("\n" in source or "\r" in source):
            shown = source[:60] + ("..." if len(source) > 60 else "")
            msg = (
                f"`source` is a str holding line breaks ({shown!r}), read as a "
                "path: to read table text, pass io.StringIO(text)"
            )
            raise ValueError(msg)
        if isinstance(source, str) and re.match(
            r"(?:https?|ftps?|s3|gs|file)://", source.strip(), re.IGNORECASE
        ):
            msg = (
                f"`source` {source!r} is a URL: read_bps_table reads files and "
                "frames, never a URL (it downloads nothing); download the file "
                "first and pass its path"
            )
            raise ValueError(msg)
        if not str(source).strip():
            msg = (
                f"`source` is an empty path ({str(source)!r}): pass the path of a "
                "CSV file or workbook, or table text as io.StringIO(text)"
            )
            raise ValueError(msg)
        if path.is_dir():
            msg = f"`source` {str(path)!r} is a directory: pass the path of a file"
            raise ValueError(msg)
        data = path.read_bytes()
        _refuse_compressed(data, f"`source` {str(path)!r}")
        if data.startswith(_EXCEL_MAGIC):  # a workbook, whatever its name
            return _read_excel(data, sheet_name, f"`source` {str(path)!r}")
        _refuse_shifted_workbook(data, f"`source` {str(path)!r}")
        if path.suffix.lower() in _EXCEL_SUFFIXES:
            _sheet(sheet_name)
            raise ValueError(_not_a_workbook(path, data))
        return _read_csv(_decode(data, encoding), sep)
    read = getattr(source, "read", None)
    if callable(read):
        try:
            content = read()
        except UnicodeDecodeError as e:
            opened = getattr(source, "encoding", None) or e.encoding
            msg = (
                f"`source` is a file opened in text mode whose bytes are not "
                f"{opened} text ({e.reason} at byte {e.start}); open a workbook "
                "in binary mode, open(path, 'rb'), and a CSV file with its "
                "encoding, open(path, encoding=...)"
            )
            raise ValueError(msg) from None
        if isinstance(content, str):
            if content.startswith(_EXCEL_MAGIC[0].decode("latin-1")):
                msg = (
                    "`source` is a workbook (a zip archive) opened in text mode: "
                    "open it in binary mode, open(path, 'rb'), or pass its path"
                )
                raise ValueError(msg)
            if not isinstance(encoding, str):
                msg = f"`encoding` must be a str, got {encoding!r}"
                raise TypeError(msg)
            if encoding != "utf-8-sig":
                # Text is decoded already: an encoding given would be ignored.
                msg = (
                    f"`encoding` is {encoding!r} but `source` gives text, "
                    "already decoded (a file opened in text mode, a StringIO): "
                    "`encoding` applies to bytes only; open the file with that "
                    "encoding, open(path, encoding=...), or pass its path or "
                    "the file opened in binary mode"
                )
                raise ValueError(msg)
            return _read_csv(content, sep)
        if isinstance(content, bytes | bytearray | memoryview):
            data = bytes(content)
            _refuse_compressed(data, "`source`")
            if data.startswith(_EXCEL_MAGIC):
                return _read_excel(data, sheet_name, "`source`")
            _refuse_shifted_workbook(data, "`source`")
            return _read_csv(_decode(data, encoding), sep)
        msg = (
            f"`source`: its read() must give str or bytes, got {type(content).__name__}"
        )
        raise TypeError(msg)
    msg = (
        "`source` must be a path, a file-like object (text or binary) or a "
        f"pandas DataFrame, got {type(source).__name__}"
    )
    raise TypeError(msg)


def _path_or_buffer(source: os.PathLike[Any]) -> object:
    """What a path-like `source` is read as: itself, or the file it wraps.

    A ``pandas.ExcelFile`` is path-like (it has ``__fspath__``), but one
    opened on a buffer or an open file (``pd.ExcelFile(io.BytesIO(content))``,
    ``pd.ExcelFile(open(path, "rb"))``) gives that object, not a path: it is
    read from its start (the ExcelFile has read it already), as a file
    opened so is read, and left at the position it was at.
    """
    inner = source.__fspath__()
    if isinstance(inner, str):
        return source
    if isinstance(inner, bytes):
        return os.fsdecode(inner)
    kind, held = type(source).__name__, type(inner).__name__
    seek, tell, read = (getattr(inner, a, None) for a in ("seek", "tell", "read"))
    if not (callable(seek) and callable(tell) and callable(read)):
        msg = (
            f"`source` ({kind}) gives a {held} object for its path (__fspath__()), "
            "neither a path nor a file: pass the workbook's path, or the file "
            "opened in binary mode, open(path, 'rb')"
        )
        raise TypeError(msg)
    try:
        at = tell()
        seek(0)
        content = read()
        seek(at)
    except (OSError, ValueError) as e:  # closed, or not seekable
        msg = (
            f"`source` ({kind}) was opened on a {held} that cannot be read "
            f"again from its start ({e}): pass the workbook's path, or the "
            "file opened again, open(path, 'rb')"
        )
        raise ValueError(msg) from None
    if isinstance(content, str):
        return io.StringIO(content)
    if isinstance(content, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(content))
    msg = (
        f"`source`: its {held}'s read() must give str or bytes, got "
        f"{type(content).__name__}"
    )
    raise TypeError(msg)


def _no_columns(frame: pd.DataFrame, source: object) -> str:
    """The message for a frame with no columns, as a reader gives an empty sheet.

    ``pandas.read_excel`` (and polars') of a worksheet holding no cell gives
    a frame with no columns: the table is most often on another sheet
    (sheets30 F5), which the reader's `sheet_name` names, or the workbook's
    path passed to read_bps_table finds (its message names the sheets that
    hold cells).
    """
    native = getattr(source, "to_native", None)
    frame_type = type(native() if callable(native) else source).__name__
    kind = f"{_engine_of(source)} {frame_type}"
    rows = f"{frame.shape[0]} row{'s' if frame.shape[0] != 1 else ''} and "
    return (
        f"`source`, a {kind}, has {rows if frame.shape[0] else ''}no "
        "columns: it holds no cell, so no table to read; a frame read from an "
        "empty worksheet is one (pandas.read_excel and polars.read_excel read "
        "the first sheet unless told another): check the reader's sheet_name, "
        "the table may be on another sheet (pandas.read_excel(path, "
        "sheet_name=None) reads every sheet, to see which holds it), or pass "
        "the workbook's path to read_bps_table, which names the sheets that "
        "hold cells"
    )


def _empty_sheet(data: bytes, sheet: str | int | None, what: str) -> str:
    """The message for a worksheet holding no cell, naming those that do."""
    named = (
        "the first worksheet"
        if sheet is None or sheet == 0
        else f"sheet {sheet!r}"
        if isinstance(sheet, str)
        else f"sheet {sheet} (0-based position)"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = pd.read_excel(
                io.BytesIO(data), sheet_name=None, header=None, dtype=object
            )
        holding = [
            name
            for name, frame in book.items()
            if (frame.map(_cell_text) != "").to_numpy().any()
        ]
    except Exception:  # the advice only: the sheet is empty whatever fails
        holding = []
    advice = (
        f"the sheets that hold cells: {holding!r}; pass sheet_name= one of them"
        if holding
        else "no sheet of the workbook holds cells"
    )
    return f"{what}: {named} is empty (it holds no cell): {advice}"


def _refuse_shifted_workbook(data: bytes, what: str) -> None:
    """Refuse bytes holding a workbook's signature after a few other bytes.

    A workbook (zip or OLE2 signature) that starts a little after the
    file's start was damaged (bytes added in front, by a download or a
    transfer): it is not text, whatever its encoding.
    """
    start = data[:512]
    at = min((k for k in map(start.find, _EXCEL_MAGIC) if k > 0), default=-1)
    if at > 0:
        msg = (
            f"{what} holds a workbook's signature at byte {at}, not at its "
            f"start ({at} other bytes come first: {data[:at]!r}): the "
            "workbook is damaged; save or download it again"
        )
        raise ValueError(msg)


def _refuse_compressed(data: bytes, what: str) -> None:
    """Refuse a gzip, bzip2, xz or zstd file: a table is read uncompressed."""
    for magic, kind, opener in (
        (b"\x1f\x8b", "gzip", "gzip.open(path, 'rb')"),
        (b"BZh", "bzip2", "bz2.open(path, 'rb')"),
        (b"\xfd7zXZ\x00", "xz", "lzma.open(path, 'rb')"),
        (b"\x28\xb5\x2f\xfd", "zstd", "a zstd decompressor"),
    ):
        if data.startswith(magic) and (kind != "bzip2" or data[3:4].isdigit()):
            msg = (
                f"{what} is {kind}-compressed: decompress it first (e.g. pass "
                f"{opener}, or the decompressed file)"
            )
            raise ValueError(msg)


def _check_frame_index(index: pd.Index[Any], frame: pd.DataFrame | None = None) -> None:
    """Refuse a frame index that holds data (region names in it are not read).

    An unnamed index of integers (the default one, or row numbers kept from
    a larger frame) labels the rows; any other index (named, of text, a
    MultiIndex: ``df.set_index("wilayah")``, ``long.pivot(index=...)``)
    would be lost, so the frame is refused. An unnamed index that holds the
    first fields of rows longer than the header (pandas.read_csv moves them
    there: a file read with the wrong separator, or decimal commas in a
    "," separated file) gets advice on the separator, never on the index.
    """
    names = [n for n in index.names if n is not None]
    integers = not isinstance(index, pd.MultiIndex) and (
        len(index) == 0 or index.inferred_type == "integer"
    )
    if integers and not names:
        twice = index[index.duplicated()].unique()
        if len(twice):
            # pd.concat keeps each frame's row numbers: rows would be named
            # ambiguously in `unmatched`, `skipped`, `invalid` and messages.
            shown = ", ".join(_show(v) for v in twice[:3])
            more = ", ..." if len(twice) > 3 else ""
            msg = (
                f"`source`: the frame's index repeats row labels ({shown}{more}; "
                "as pd.concat keeps each frame's row numbers), which name the "
                "rows in `unmatched`, `skipped`, `invalid` and messages: two "
                "rows would have one name; renumber them with "
                "`source.reset_index(drop=True)` (or pd.concat(..., "
                "ignore_index=True))"
            )
            raise ValueError(msg)
        return
    shown = ", ".join(repr(_show(v)) for v in index[:3])
    more = ", ..." if len(index) > 3 else ""
    split = _split_fields_hint(frame) if frame is not None and not names else ""
    if split:
        msg = (
            f"`source`: the frame's index holds ({shown}{more}), the first "
            f"fields of rows longer than the header{split}; do not drop the "
            "index, which holds the labels"
        )
        raise ValueError(msg)
    named = f" (named {', '.join(repr(str(n)) for n in names)})" if names else ""
    # An index of numbers alone may be row numbers, which may be dropped;
    # one holding text holds the rows' labels (region names), which a
    # drop would throw away (the first value column then read as labels).
    numbers_only = not isinstance(index, pd.MultiIndex) and (
        index.inferred_type in ("integer", "floating", "mixed-integer-float")
    )
    drop = (
        ", or, if it holds row numbers only, drop it with "
        "`source.reset_index(drop=True)`"
        if numbers_only
        else " (not `reset_index(drop=True)`, which would throw the labels away)"
    )
    msg = (
        f"`source`: the frame's index{named} holds labels ({shown}{more}), "
        "which are not read (only the frame's cells and column labels are), "
        "so they would be lost; make the index a column with "
        f"`source.reset_index()`{drop}"
    )
    raise ValueError(msg)


def _split_fields_hint(frame: pd.DataFrame) -> str:
    """Advice when a frame's unnamed index holds the first fields of its rows.

    pandas.read_csv puts the surplus first fields of rows longer than the
    header in the index: a ";" file read with ",", or a "," file whose
    decimal commas split each number ("Pacitan,13,8,13,65" under
    "Kabupaten/Kota,2022,2023"). The rows are written out whole (index
    fields, then cells) under the column names and checked as a file's
    lines are; "" when neither explains them.
    """
    if frame.empty:
        return ""
    names = [" ".join(str(c) for c in _as_tuple(col)) for col in frame.columns]
    rows = [
        [_cell_text(c) for c in (*_as_tuple(i), *row)]
        for i, row in zip(
            frame.index[:19],
            frame.head(19).to_numpy(dtype=object).tolist(),
            strict=True,
        )
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([names, *rows])
    better = _better_separator(out.getvalue(), ",")
    if better is not None:
        other = better[0]
        return (
            f": fields separated by {other!r} were split on ','; read the file "
            f"again with {_pandas_read_csv(sep=other)}, or pass the file itself"
        )
    # Decimal commas in a "," separated file: after the label, digits alone,
    # up to two fields for each value column ("13", "8" for 13,8).
    # The first column is headed as the labels are ("Kabupaten/Kota"), not
    # by a period: a frame built with its regions in the index is not so.
    width = len(names)
    long = [r for r in rows if len(r) > width]
    try:
        labels_heading = _period(names[0].strip()) is None
    except ValueError:
        labels_heading = False
    if labels_heading and all(
        len(r) - 1 <= 2 * (width - 1)
        and all(re.fullmatch(r"-?[0-9]+", f.strip()) for f in r[1:])
        for r in long
    ):
        return (
            ": the rows look like numbers with decimal commas in a ',' "
            "separated file, each split in two ('13,8' read as '13' and '8'); "
            "export the file again with ';' as the separator (as Excel "
            "writes CSV in Indonesian settings) and read it with "
            f"{_pandas_read_csv(sep=';')}, or quote the numbers"
        )
    return ""


def _column_label_rows(columns: pd.Index[Any]) -> list[list[object]]:
    """The rows a frame's column labels give above its cells (maybe none).

    Each level of the labels is a row, read as the first rows of the table;
    names a reader made up (see ``_GENERATED``) are empty cells, and labels
    that are all integers, or the text of their positions ("0", "1", ...
    or "1", "2", ...), are positions (as ``header=None`` gives): no row.
    A row whose cells are all empty is left out, so a frame read without a
    header gives the same table on every engine.
    """
    if isinstance(columns, pd.RangeIndex):
        return []
    if not isinstance(columns, pd.MultiIndex) and (
        columns.inferred_type == "integer"
        or any(
            [str(c) for c in columns] == [str(i) for i in range(k, len(columns) + k)]
            for k in (0, 1)
        )
    ):
        return []  # positions: integers, or "0", "1", ... as text
    levels = (
        [list(columns.get_level_values(i)) for i in range(columns.nlevels)]
        if isinstance(columns, pd.MultiIndex)
        else [list(columns)]
    )
    rows = [
        _undeduplicated(
            [
                None
                if isinstance(c, str) and _GENERATED.fullmatch(c)
                else _year_of_new_year(c)
                for c in level
            ]
        )
        for level in levels
    ]
    return [r for r in rows if any(_cell_text(c) for c in r)]


#: A date or date-time label as polars, DuckDB or Spark write a date column
#: pivoted into names: "2022-03-01", "2022-03-01 00:00:00.000000".
#: A date-time with a time zone keeps it after the time ("+07:00", "+07",
#: "Z"), as a polars or DuckDB column of aware date-times names it.
_ISO_DATE = re.compile(
    r"(?P<wall>(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}"
    r"(?P<time>[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,9})?)?)?)"
    r"(?(time)(?:[ ]?[+-][0-9]{2}(?::?[0-9]{2})?|Z)?)"
)


def _year_of_new_year(label: object) -> object:
    """A date label at 1 January 00:00 as its year; any other label as is.

    A spreadsheet year cell shown as "2023" (format ``yyyy``) reaches a frame
    as the date 2023-01-01: the frame has lost the format that showed the
    year alone, and BPS rounds are never in January, so it is read as that
    year (with no month), as the same cell read from the workbook is. A
    label that is a date written in ISO order ("2022-03-01", as polars and
    DuckDB name columns pivoted on dates) is that date, and a pandas Period
    of a year is that year, of a month or day that date: on every engine a
    date names its year and month, as a pandas Timestamp does. A label
    with a time zone (a pandas Timestamp, or "2022-03-01 00:00:00+07:00")
    names its wall date as written, the zone ignored, on every engine; so
    the 1 January rule is the same for it as for a naive label.
    """
    if isinstance(label, pd.Period):
        if label.freqstr.startswith(("Y", "A")):
            return int(label.year)
        if label.freqstr.startswith(("M", "D")):
            return label.start_time  # the month (and day) it names
        return label
    iso = _ISO_DATE.fullmatch(label.strip()) if isinstance(label, str) else None
    if iso is not None:
        try:
            label = pd.Timestamp(iso["wall"])  # the wall date, zone dropped
        except ValueError:  # not a calendar date ("2022-02-30"): as written
            return label
    if isinstance(label, datetime.datetime | np.datetime64):
        ts = pd.Timestamp(label)
        if ts.tz is not None:
            ts = ts.tz_localize(None)  # the wall date and time as written
            label = ts
        if (ts.month, ts.day) == (1, 1) and ts == ts.normalize():
            return int(ts.year)
    return label


#: The suffix a reader adds to a repeated column name: pandas "X.1", polars
#: "X_duplicated_0", DuckDB "X_1".
_RENAMED = re.compile(r"(?P<x>.+?)(?:\.[0-9]+|_duplicated_[0-9]+|_[0-9]+)")


def _undeduplicated(level: list[object]) -> list[object]:
    """Column labels with the names a reader made unique read back as written.

    A repeated group label ("Perkotaan" over two years) is renamed by each
    reader its own way: pandas "Perkotaan.1", polars
    "Perkotaan_duplicated_0", DuckDB "Perkotaan_1": the label X to the left
    plus a suffix, read as X, so that these engines give the same table.
    Spark's renaming ("Perkotaan1", "Perkotaan2": X plus the column
    position) cannot be told from real labels such as "P1", "P2" and is read
    as written (read with ``header=False``). Years are left as they are: a
    repeated year in the header is refused with advice (see
    ``_deduplicated_hint``).
    """
    out = list(level)
    texts = [c if isinstance(c, str) else None for c in level]
    for k, c in enumerate(texts):
        m = _RENAMED.fullmatch(c) if c else None
        if m and m["x"] in texts[:k] and _period(m["x"]) is None:
            out[k] = m["x"]
    return out


#: The name of a frame's column-label row in the grid (``_label_row_names``).
_LABEL_ROW = re.compile(r"columns(?:\[[0-9]+\])?")


def _label_row_names(n: int) -> list[str]:
    """Row labels of the column-label rows: "columns", or "columns[0]", ..."""
    return ["columns"] if n == 1 else [f"columns[{i}]" for i in range(n)]


def _n_label_rows(index: pd.Index[Any]) -> int:
    """How many column-label rows a frame's grid starts with (0 for a file)."""
    return next(
        (i for i, x in enumerate(map(str, index)) if not _LABEL_ROW.fullmatch(x)),
        len(index),
    )


#: A DuckDB relation or pyarrow table may repeat a column name (a repeated
#: group label read as a header), which narwhals cannot hold.
_REPEATED_NAMES = (
    "`source` repeats a column name (a repeated label read as a header); read "
    "the table without a header (DuckDB header=false, pyarrow "
    "autogenerate_column_names=True) and pass that"
)


def _frame_as_pandas(source: object) -> tuple[object, frozenset[int]]:
    """A frame of any library narwhals supports as pandas; anything else as is.

    Also returns the positions of the columns that held 128-bit integers,
    read from their digits as text.
    """
    if isinstance(source, pd.DataFrame | str | bytes | os.PathLike) or hasattr(
        source, "read"
    ):
        return source, frozenset()
    import narwhals.stable.v2 as nw

    from povstat.frames import _plumbing

    frame: Any = source
    try:
        native = nw.from_native(frame)
        schema = native.collect_schema()
    except TypeError:
        return source, frozenset()  # not a frame: _read_grid says what it accepts
    except nw.exceptions.DuplicateError:
        raise ValueError(_REPEATED_NAMES) from None
    unknown = any(d == nw.Unknown for d in schema.values())
    types = _native_types(source) if unknown else {}  # asked only if needed
    # DuckDB's VARINT (BIGNUM) reaches pandas as its bytes: read by its
    # digits, as a 128-bit integer is, then by the rule for integers.
    wide = [
        c
        for c, d in schema.items()
        if d in (nw.Int128, nw.UInt128)
        or (d == nw.Unknown and types.get(c) in ("VARINT", "BIGNUM"))
    ]
    maps = [j for j, d in enumerate(schema.values()) if d == nw.Map]
    # DuckDB's TIMETZ loses its zone on the way to pandas, and BIT arrives
    # as its bytes: both move as DuckDB's text ("12:00:00+07", "101").
    zoned = [c for c in schema if types.get(c) == "TIME WITH TIME ZONE"]
    bits = [c for c in schema if types.get(c) == "BIT"]
    # A date column reaches pandas as datetimes (2022-01-01 00:00:00): its
    # cells are read back as the dates they are, shown as parse_numbers
    # shows them ("2022-01-01").
    days = [c for c, d in schema.items() if d == nw.Date]
    short = [c for c, d in schema.items() if d == nw.Float32]
    impl = native.implementation
    if impl.is_pyspark() or impl.is_pyspark_connect():
        # Spark casts a float to text by Java's rule (123456792, not the
        # shortest decimal 123456790): its float32 columns reach pandas as
        # float32 and are widened below, as on every other engine.
        short = []
    # Decimal columns move as their digits and are read as Decimals, each
    # cell by the rule for numbers float64 cannot hold (an invalid cell
    # named by its row), never refused or rounded on the way.
    decimals = [c for c, d in schema.items() if d == nw.Decimal]
    if wide or short or decimals or zoned or bits or days:
        # 128-bit integers have no pandas (pyarrow) form: their digits, as
        # text, are read exactly as the integers written. float32 values are
        # the figures they print as (4.35, not 4.349999904632568).
        frame = native.with_columns(
            *(nw.col(c).cast(nw.String) for c in wide + decimals + zoned + bits + days),
            *(nw.col(c).cast(nw.String).cast(nw.Float64) for c in short),
        ).to_native()
    try:
        native_grid = _plumbing.to_pandas(frame, arg="source")
    except nw.exceptions.DuplicateError:
        raise ValueError(_REPEATED_NAMES) from None
    except (
        NotImplementedError,
        ArithmeticError,
        LookupError,
        ValueError,
        TypeError,
    ) as e:
        # pyarrow's ArrowNotImplementedError (a DuckDB UNION column has no
        # pandas form) is a NotImplementedError; its other errors subclass
        # ValueError, LookupError or ArithmeticError. Spark's
        # PySparkTypeError (an interval of months, YearMonthIntervalType or
        # CalendarIntervalType, has no Arrow form) is a TypeError.
        if type(e).__module__.split(".")[0] not in ("pyarrow", "pyspark"):
            raise
        odd = [c for c, d in schema.items() if d == nw.Unknown]
        shown = ", ".join(
            f"{c!r} ({types.get(c, 'of a type narwhals cannot name')})" for c in odd
        )
        where = f"column(s) {shown}" if odd else "a column"
        msg = (
            f"`source`, a frame, cannot be read: {where} cannot be converted to "
            f"pandas ({type(e).__name__}: {e}); cast the column to text or a "
            "number (e.g. in SQL, CAST(col AS VARCHAR)) before reading"
        )
        raise ValueError(msg) from None
    grid = native_grid.astype(object)
    for j in [list(schema).index(c) for c in decimals]:
        digits = grid.iloc[:, j].to_numpy(dtype=object)
        grid[grid.columns[j]] = pd.Series(
            [Decimal(c) if isinstance(c, str) else c for c in digits],
            index=grid.index,
            dtype=object,
        )
    for j in maps:  # a map column's cells as mappings, on every engine
        grid[grid.columns[j]] = _map_cells(grid.iloc[:, j])
    for c, read in (
        [(c, datetime.time.fromisoformat) for c in zoned]
        + [(c, _Bits) for c in bits]
        + [(c, datetime.date.fromisoformat) for c in days]
    ):  # a time with its zone ("12:00:00+07:00"), a bit string, a date
        j = list(schema).index(c)
        texts = grid.iloc[:, j].to_numpy(dtype=object)
        grid[grid.columns[j]] = pd.Series(
            [read(t) if isinstance(t, str) else t for t in texts],
            index=grid.index,
            dtype=object,
        )
    for j, kind in enumerate(native_grid.dtypes):
        # float16 (polars Float16, which narwhals does not name) read through
        # its shortest decimal as float32 is: 13.8, not 13.796875.
        if getattr(kind, "kind", "") != "f" or getattr(kind, "itemsize", 8) >= 8:
            continue
        numpy_kind = np.dtype(getattr(kind, "numpy_dtype", kind))
        if numpy_kind.kind == "f":
            narrow = native_grid.iloc[:, j].to_numpy(dtype=numpy_kind, na_value=np.nan)
            grid[grid.columns[j]] = pd.Series(
                _validate.widen_short_float(narrow), index=grid.index, dtype=object
            )
    # As pandas reads a table of text: labels and cells as Python objects.
    names = list(schema)
    return (
        grid.set_axis(pd.Index(list(grid.columns), dtype=object), axis=1),
        frozenset(names.index(c) for c in wide),
    )


def _map_cells(column: pd.Series[Any]) -> pd.Series[Any]:
    """A map column's cells as dicts, as Spark's reach pandas.

    DuckDB, polars and pyarrow maps reach pandas as lists of (key, value)
    pairs, which would read as lists: a dict is described as the map it is
    (:func:`povstat.parsing._odd_cell`). Missing cells stay missing.
    """
    cells = column.to_numpy(dtype=object)
    out = np.empty(cells.shape, dtype=object)
    out[:] = [dict(c) if isinstance(c, list | np.ndarray) else c for c in cells]
    return pd.Series(out, index=column.index, dtype=object)


def _native_types(frame: object) -> dict[str, str]:
    """Each column's type as the frame's own library names it, where it can.

    DuckDB relations list their types (``UNION(num INTEGER)``); polars and
    others by their schema. Empty if the library names none. A polars
    LazyFrame's schema is asked with ``collect_schema``: its ``columns`` and
    ``schema`` give a PerformanceWarning (an error under a warnings filter).
    """
    collect_schema = getattr(frame, "collect_schema", None)
    if _engine_of(frame) == "polars" and callable(collect_schema):
        return {str(c): str(t) for c, t in collect_schema().items()}
    columns, types = getattr(frame, "columns", None), getattr(frame, "types", None)
    if isinstance(columns, list) and isinstance(types, list):
        return {str(c): str(t) for c, t in zip(columns, types, strict=False)}
    schema = getattr(frame, "schema", None)
    fields = getattr(schema, "fields", None)
    if isinstance(fields, list) and all(hasattr(f, "dataType") for f in fields):
        # A Spark StructType: "interval year", "interval", ...
        return {str(f.name): str(f.dataType.simpleString()) for f in fields}
    items = getattr(schema, "items", None)
    if callable(items):
        try:
            return {str(c): str(t) for c, t in items()}
        except Exception:  # pragma: no cover - an unusual schema
            return {}
    return {}


def _not_a_workbook(path: Path, data: bytes) -> str:
    """Message for a file named like a workbook that does not hold one.

    Names what the file holds: UTF-16 text (a byte-order mark or NUL
    bytes, Excel's "Unicode text"), an HTML table or an Excel 2003 XML
    spreadsheet (SpreadsheetML), which web sites and old programs save
    with the suffix .xls, or other text (CSV?), with the encoding its
    bytes (`data`, the whole file) decode in: UTF-8, else cp1252 (Excel on
    Windows writes CSV in the ANSI code page), as for a .csv file.
    """
    start = data[:4096]
    named = (
        f"`source` {str(path)!r} is named as a spreadsheet ({path.suffix}) but "
        "is not one"
    )
    no_text = _not_text(start)
    if no_text:
        return f"{named}: {no_text}"
    utf16 = next(
        (e for bom, e in _BOMS if start.startswith(bom) and e == "utf-16"), None
    )
    if utf16 is None and b"\x00" in start and not _stray_nuls(start):
        utf16 = "utf-16-le" if start[1:2] == b"\x00" else "utf-16-be"
    if utf16 is not None:
        text = start[: len(start) // 2 * 2].decode(utf16, errors="replace")
        line = next(iter(text.removeprefix("\ufeff").splitlines()), "")
        tab = ", sep='\\t'" if "\t" in line else ""
        return (
            f'{named}: it is UTF-16 text (as Excel\'s "Unicode text" export '
            f"writes it), starting {line[:40]!r}; pass it opened as text, "
            f"open(path, encoding={utf16!r}){tab}, or rename it to .txt and "
            f"pass encoding={utf16!r}{tab}"
        )
    text = start.decode("utf-8", errors="replace")
    markup = _markup(text)
    if markup:
        return f"{named}: {markup}"
    encoding = _text_encoding(data)
    if encoding is not None:
        text = start.decode(encoding, errors="replace")
    head = text[:40].splitlines()
    shown = head[0] if head else ""
    if encoding == "utf-8":
        return (
            f"{named}: it starts {shown!r}, which looks like text (CSV?); rename "
            "it to .csv, or pass it opened as text, e.g. open(path, "
            "encoding='utf-8')"
        )
    if encoding == "cp1252":
        return (
            f"{named}: it starts {shown!r}, which looks like text (CSV?) whose "
            "bytes are not UTF-8 but do decode as cp1252 (as Excel on Windows "
            f"writes CSV; {_CHECK_LETTERS}); rename it to .csv and pass "
            "encoding='cp1252', or pass it opened as text, open(path, "
            "encoding='cp1252')"
        )
    return (
        f"{named}: it starts {shown!r}, which looks like text (CSV?) whose bytes "
        f"are {_NO_FALLBACK}; rename it to .csv and pass the "
        "encoding it was written in, or pass it opened as text, open(path, "
        "encoding=...)"
    )


#: The encodings tried when a CSV file's are not given or fail: UTF-8, else
#: cp1252 (Excel on Windows writes CSV in the ANSI code page).
_FALLBACK_ENCODINGS = ("utf-8", "cp1252")
#: Advice on an encoding found by decoding alone (cp1252 decodes most bytes).
_CHECK_LETTERS = "check the letters it reads"
#: Bytes that decode in none of ``_FALLBACK_ENCODINGS``.
_NO_FALLBACK = "neither UTF-8 nor cp1252 text"


def _text_encoding(data: bytes, *, failed: str = "") -> str | None:
    """The first of ``_FALLBACK_ENCODINGS`` that `data` decodes in, or None.

    `failed`: an encoding that has just failed, never suggested again. A
    byte-order mark is allowed (decoded as a character).
    """
    tried = codecs.lookup(failed).name if failed else ""
    for encoding in _FALLBACK_ENCODINGS:
        if codecs.lookup(encoding).name == tried:
            continue
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


def _markup(text: str) -> str:
    """What a file of markup holds, for messages; "" if it is not markup.

    An Excel 2003 XML spreadsheet (SpreadsheetML, its namespace
    ``urn:schemas-microsoft-com:office:spreadsheet``) or an HTML page or
    table (web sites' "Excel" downloads are often one).
    """
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    low = head.lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in low or (
        'progid="excel.sheet"' in low and "<workbook" in low
    ):
        return (
            "it is an Excel 2003 XML spreadsheet (SpreadsheetML), which is not "
            "read: open it in a spreadsheet program and save it as .xlsx"
        )
    if re.match(r"<(?:!doctype\s+html|html|table|meta|head|body)\b", low) or (
        low.startswith("<") and "<table" in low
    ):
        # Every column as text: read_html would turn cells into numbers
        # itself, silently ('13,08' as 1308 by default; told thousands='.'
        # and decimal=',', a '9.5' typed among '9,79' as 95), where
        # read_bps_table reads them by `locale` and refuses the odd one.
        as_text = ", ".join(f"{j}: str" for j in range(_html_columns(text)))
        return (
            'it is an HTML page or table (as web sites save "Excel" '
            "downloads), which is not read: open it in a spreadsheet program "
            "and save it as .xlsx, or read it with pandas.read_html keeping "
            "every cell as text, pd.read_html(path, thousands=None, "
            f"converters={{{as_text}}}, keep_default_na=False)[0], and pass "
            "the frame with the locale its numbers are written in "
            "(locale='id' for '13,08' and '1.234', locale='en' for '13.08' "
            "and '1,234'; read_html's own conversion would read '13,08' as "
            "1308 and, told thousands='.' and decimal=',', a '9.5' among "
            "'9,79' as 95)"
        )
    return ""


def _html_columns(text: str) -> int:
    """The columns of an HTML file's first table: its widest row's cells.

    A cell spanning columns (``colspan="2"``) counts as that many, as
    pandas.read_html reads it (its text in each); one column at least.
    """
    table = re.search(r"<table\b.*?(?:</table\s*>|\Z)", text, re.I | re.S)
    rows = re.split(r"<tr\b", table[0] if table else text, flags=re.I)[1:]
    spans = [
        sum(
            int(m[1]) if m else 1
            for attrs in re.findall(r"<t[dh]\b([^>]*)>", row, re.I)
            for m in [re.search(r"colspan\s*=\s*[\"']?\s*([0-9]+)", attrs, re.I)]
        )
        for row in rows
    ]
    return max([1, *spans])


def _sheet(sheet_name: object) -> str | int | None:
    if sheet_name is not None and (
        isinstance(sheet_name, bool) or not isinstance(sheet_name, str | int)
    ):
        msg = f"`sheet_name` must be a str, an int or None, got {sheet_name!r}"
        raise TypeError(msg)
    return sheet_name


_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
#: The name of the stream of an encrypted Office Open XML file (an OLE2
#: compound file), as written in its directory: UTF-16 little-endian.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _read_excel(data: bytes, sheet_name: object, what: str) -> _Read:
    """Cells of a workbook given as its bytes; `what` names it in messages.

    ``sheets`` advises, when no header is found, the other sheets.
    """
    read = _read_workbook(data, sheet_name, what)
    return evolve(read, sheets=lambda: _other_sheets(data, sheet_name))


def _other_sheets(data: bytes, sheet_name: object) -> str:
    """Advice naming the sheet read and the workbook's other sheets with cells.

    Given when no header is found: the table may be on another sheet (a
    first sheet of notes, "Keterangan"). "" if the workbook has no other
    sheet holding cells, or cannot be listed.
    """
    sheet = _sheet(sheet_name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = pd.read_excel(
                io.BytesIO(data), sheet_name=None, header=None, dtype=object
            )
    except Exception:  # the advice only: the message stands without it
        return ""
    names = list(book)
    if not names:
        return ""
    read = (
        sheet
        if isinstance(sheet, str)
        else names[sheet]
        if isinstance(sheet, int) and 0 <= sheet < len(names)
        else names[0]
    )
    holding = [
        name
        for name, frame in book.items()
        if name != read and (frame.map(_cell_text) != "").to_numpy().any()
    ]
    if not holding:
        return ""
    which = "the first sheet, " if sheet is None else ""
    return (
        f"; the sheet read is {which}{read!r}; the workbook's other sheets that "
        f"hold cells: {holding!r}: pass sheet_name= the one holding the table"
    )


def _missing_sheet(data: bytes, sheet: str | int | None) -> str:
    """The message for a `sheet_name` an .ods or .xls workbook lacks, or "".

    Worded as for an .xlsx workbook: the name not found, or the index out of
    range, and the workbook's sheets listed.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            names = [str(n) for n in pd.ExcelFile(io.BytesIO(data)).sheet_names]
    except Exception:  # the listing only: the reader's message stands
        return ""
    listed = f"{len(names)} worksheet(s) {names}"
    if isinstance(sheet, str) and sheet not in names:
        return f"`sheet_name` {sheet!r} not found; the workbook has {listed}"
    if isinstance(sheet, int) and not 0 <= sheet < len(names):
        return f"`sheet_name` {sheet} is out of range: the workbook has {listed}"
    return ""


def _read_workbook(data: bytes, sheet_name: object, what: str) -> _Read:
    """Cells of a workbook's sheet (see :func:`_read_excel`)."""
    import zipfile

    sheet = _sheet(sheet_name)
    if data.startswith(_EXCEL_MAGIC[1]):  # OLE2: a legacy .xls workbook
        if _ENCRYPTED_PACKAGE in data:
            # An encrypted .xlsx/.xlsm is an OLE2 file holding the workbook
            # encrypted, in a stream named "EncryptedPackage".
            msg = (
                f"{what} is a password-protected (encrypted) workbook, which "
                "cannot be read: open it in a spreadsheet program, remove the "
                "password and save it"
            )
            raise ValueError(msg)
        return _read_with_pandas(data, sheet, what, "xls", "xlrd")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").strip() if "mimetype" in names else b""
    except zipfile.BadZipFile as e:
        msg = (
            f"{what} starts like a workbook (a zip archive) but is not a readable "
            f"one ({e}): the file is damaged or truncated; save or download it "
            "again"
        )
        raise ValueError(msg) from None
    if "xl/workbook.xml" in names or (
        mimetype == _ODS_MIMETYPE and "content.xml" in names
    ):
        _refuse_damaged_xml(data, what)
    if "xl/workbook.xml" in names:
        try:
            return _read_xlsx(data, sheet, what)
        except (zipfile.BadZipFile, zlib.error, EOFError) as e:
            # A member of the archive whose bytes are damaged (a bad CRC-32, a
            # broken or cut deflate stream) fails only when it is read.
            msg = (
                f"{what} is an Excel workbook that cannot be read "
                f"({type(e).__name__}: {e}): the file is damaged or truncated; "
                "open and save it again in a spreadsheet program, or download "
                "it again"
            )
            raise ValueError(msg) from None
    if mimetype == _ODS_MIMETYPE and "content.xml" in names:
        return _read_with_pandas(data, sheet, what, "ods", "odfpy")
    if "xl/workbook.bin" in names:
        msg = (
            f"{what} is a binary Excel workbook (.xlsb), which is not read: save "
            "it as .xlsx in a spreadsheet program"
        )
        raise ValueError(msg)
    msg = (
        f"{what} is a zip archive but not a workbook: it holds neither an Excel "
        "workbook (xl/workbook.xml) nor an OpenDocument spreadsheet; pass the "
        ".xlsx, .xlsm or .ods file itself (unzip the archive first)"
    )
    raise ValueError(msg)


def _refuse_damaged_xml(data: bytes, what: str) -> None:
    """Refuse a workbook one of whose XML parts is not well-formed XML.

    Each part of the archive named ``*.xml`` or ``*.rels`` (the sheets,
    styles, workbook, content types and relationships of an .xlsx; the
    content, styles and manifest of an .ods) is parsed, namespaces bound,
    before the workbook is read: an empty, truncated or garbled part, or
    one using an unbound namespace prefix, is named as damage, never left
    to the readers (whose errors are bare XML errors, and odfpy's print
    the part to standard output). A part whose bytes fail their check or
    do not inflate is left to the reader, which names it.
    """
    import zipfile
    from xml.parsers import expat

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for info in z.infolist():
                name = info.filename
                if not name.lower().endswith((".xml", ".rels")):
                    continue
                parser = expat.ParserCreate(namespace_separator=" ")
                try:
                    with z.open(info) as member:
                        while chunk := member.read(1 << 20):
                            parser.Parse(chunk, False)
                    parser.Parse(b"", True)
                except expat.ExpatError as e:
                    reason = expat.ErrorString(e.code)
                    msg = (
                        f"{what}: the workbook is damaged: its part {name!r} is "
                        f"not well-formed XML ({reason}, line {e.lineno}, "
                        f"column {e.offset}); open and save it again in a "
                        "spreadsheet program, or download it again"
                    )
                    raise ValueError(msg) from None
    except (zipfile.BadZipFile, zlib.error, EOFError):
        return  # the reader names a part that does not inflate


def _read_with_pandas(
    data: bytes, sheet: str | int | None, what: str, kind: str, package: str
) -> _Read:
    """An .xls or .ods sheet: its values, merged ranges and percentages.

    An .xls cell's number format is read as an .xlsx cell's is (xlrd with
    the cell formatting); an .ods cell's value type ``percentage`` is, not
    its format.
    """
    sheet = 0 if sheet is None else sheet
    # xlrd writes warnings about a damaged file to stdout unless given a log.
    options = {"logfile": io.StringIO()} if kind == "xls" else None
    # An .ods sheet's runs of empty rows (a LibreOffice sheet repeats its
    # last empty row a million times) are left out before pandas reads it,
    # which would make a row of each; `sheet_rows` numbers the rows it reads.
    read_data, sheet_rows = (
        _ods_without_empty_runs(data, sheet, what) if kind == "ods" else (data, None)
    )
    try:
        with warnings.catch_warnings():
            # pandas deprecates its xlrd engine, the one reader of .xls: the
            # warning is about pandas, not the file (under warnings-as-errors
            # it would be raised here).
            warnings.filterwarnings(
                "ignore", message=r".*xlrd engine is deprecated", category=Warning
            )
            # Only an empty cell is missing here: a text cell "N/A", "NULL"
            # or "#N/A" (LibreOffice's =NA()) is read as written, as in a
            # CSV file or an .xlsx sheet, and `missing` decides.
            # odfpy prints a part it cannot parse to standard output: what it
            # prints is kept from the caller's output (the error says it).
            with contextlib.redirect_stdout(io.StringIO()):
                grid = pd.read_excel(
                    io.BytesIO(read_data),
                    sheet_name=sheet,
                    header=None,
                    dtype=object,
                    keep_default_na=False,
                    na_values=[""],
                    engine_kwargs=options,
                )
    except ImportError:
        msg = (
            f"reading an .{kind} workbook needs the {package} package (pandas "
            f"reads .{kind} with it): pip install {package}; or save the "
            "workbook as .xlsx"
        )
        raise ImportError(msg) from None
    except (ValueError, KeyError, IndexError) as e:
        missing = _missing_sheet(read_data, sheet)
        msg = missing or (
            f"{what}: sheet {sheet!r} of the .{kind} workbook cannot be read: {e}"
        )
        raise ValueError(msg) from None
    except Warning:
        raise  # a warning made an error by the caller's filter: not damage
    except Exception as e:  # the reader's own errors, of any kind
        # xlrd raises struct.error, CompDocError, XLRDError, AssertionError
        # on a damaged or truncated file.
        msg = (
            f"{what} is an .{kind} workbook that cannot be read "
            f"({type(e).__name__}: {e}): it may be damaged or truncated; open "
            "and save it again in a spreadsheet program"
        )
        raise ValueError(msg) from None
    grid.index = grid.index + 1  # spreadsheet row numbers
    xls_formulas = _xls_formulas(data, sheet) if kind == "xls" else {}
    if (
        kind == "xls"
        and not (grid.map(_cell_text) != "").to_numpy().any()
        and not xls_formulas
    ):
        raise ValueError(_empty_sheet(data, sheet, what))
    if kind == "xls":
        book, ws = _xls_formatted(data, sheet)
        ranges, formats, errors = _xls_merged(book, ws)
        values = grid.to_numpy(dtype=object, copy=True)
        for (r, c), shown in errors.items():  # pandas reads them as missing
            if r < grid.shape[0] and c < grid.shape[1]:
                values[r, c] = shown
        formula = np.full(grid.shape, None, dtype=object)
        for (r, c), text in xls_formulas.items():  # few cells
            if r < grid.shape[0] and c < grid.shape[1] and not _cell_text(values[r, c]):
                # Empty text as the result: pandas reads it as missing.
                formula[r, c] = text
                values[r, c] = None
        marked, hidden_rows, hidden_cols = _xls_shown(book, ws)
        held_rows = (grid.map(_cell_text) != "").to_numpy()
        for (r, c), shown in marked.items():  # rich text, as it shows
            if r < grid.shape[0] and c < grid.shape[1]:
                values[r, c] = shown
        percent = np.zeros(grid.shape, dtype=bool)
        scaled = np.full(grid.shape, None, dtype=object)
        stated = np.full(grid.shape, None, dtype=object)
        xls_dates = _dates_of(values)
        xls_blank = np.zeros(grid.shape, dtype=bool)
        xls_disguised = np.full(grid.shape, None, dtype=object)
        xls_misdated = np.full(grid.shape, None, dtype=object)
        xls_grouped = np.zeros(grid.shape, dtype=bool)
        xls_thousands = np.zeros(grid.shape, dtype=bool)
        for (r, c), fmt in formats.items():  # cells with a format, few
            if r < grid.shape[0] and c < grid.shape[1]:
                v = values[r, c]
                if isinstance(v, float) and np.isnan(v):
                    continue
                odd_date = _misdated(v, fmt)
                if odd_date is not None:
                    xls_misdated[r, c] = odd_date
                    continue
                xls_blank[r, c] = _shows_nothing(v, fmt)
                values[r, c], scale = _formatted(v, fmt)
                xls_disguised[r, c] = _disguised_year(values[r, c], fmt)
                percent[r, c] = scale == "percent"
                if scale == "ambiguous":
                    scaled[r, c] = fmt
                stated[r, c] = _format_affixes(values[r, c], fmt)
                # Shown grouped (#,##0, #,##0.00): judged as shown, as in
                # an .xlsx sheet.
                xls_grouped[r, c] = scale == "plain" and _groups_whole(
                    values[r, c], fmt
                )
                xls_thousands[r, c] = scale == "plain" and _groups_thousands(
                    values[r, c], fmt
                )
        grid = pd.DataFrame(values, index=grid.index, columns=grid.columns)
        held_rows |= formula != None  # noqa: E711 - elementwise
        return _Read(
            grid=grid,
            percent=percent,
            scaled=scaled,
            stated=stated,
            merged=_merged_grid(ranges, grid.shape),
            formula=formula if (formula != None).any() else None,  # noqa: E711
            dates=xls_dates,
            blank=xls_blank if xls_blank.any() else None,
            disguised=(
                xls_disguised
                if (xls_disguised != None).any()  # noqa: E711 - elementwise
                else None
            ),
            misdated=(
                xls_misdated
                if (xls_misdated != None).any()  # noqa: E711 - elementwise
                else None
            ),
            grouped=xls_grouped if xls_grouped.any() else None,
            thousands=xls_thousands if xls_thousands.any() else None,
            hidden=_hidden_names(
                [
                    r + 1
                    for r in hidden_rows
                    if r < len(held_rows) and held_rows[r].any()
                ],
                [
                    _column_letter(c + 1)
                    for c in hidden_cols
                    if c < held_rows.shape[1] and held_rows[:, c].any()
                ],
            ),
        )
    ods = _ods_cells(data, sheet)
    # Sheet row of each row pandas read (1-based), runs of empty rows left
    # out; the rows holding something, and one row per run of empty rows
    # between them (labelled by its range, "3-12"), make the grid, as for
    # an .xlsx sheet.
    read_rows = np.asarray(
        (sheet_rows or [])[: grid.shape[0]] or range(1, grid.shape[0] + 1),
        dtype=np.int64,
    )
    filled = (grid.map(_cell_text) != "").to_numpy().any(axis=1)
    held = sorted(
        {int(r) for r in read_rows[filled]}
        | {r for r, _, _ in ods.texts + ods.formulas}
    )
    if not held:
        raise ValueError(_empty_sheet(data, sheet, what))
    labels, at = _sparse_rows(held)
    n_cols = max([grid.shape[1], *(c for _, c, _ in ods.texts + ods.formulas)])
    values = np.full((len(labels), n_cols), None, dtype=object)
    from_rows = [p for p, r in enumerate(read_rows.tolist()) if r in at]
    values[[at[int(read_rows[p])] for p in from_rows], : grid.shape[1]] = grid.to_numpy(
        dtype=object
    )[from_rows]
    for r, c, text in ods.texts:  # few cells; pandas read them as empty
        values[at[r], c - 1] = text
    for r, c, exact in ods.exact:  # few cells; pandas read their nearest float
        if r in at and c <= n_cols:
            values[at[r], c - 1] = exact
    for r, c, flag in ods.booleans:  # pandas compared their text with "TRUE"
        if r in at and c <= n_cols:
            values[at[r], c - 1] = flag
    ods_dates = _dates_of(values)
    for r, c, year in ods.years:  # a date shown as "2022" is the year 2022
        if r in at and c <= n_cols:
            if ods_dates is None:
                ods_dates = np.full(values.shape, None, dtype=object)
            if ods_dates[at[r], c - 1] is None:
                ods_dates[at[r], c - 1] = str(year)
            values[at[r], c - 1] = year
    formula = np.full(values.shape, None, dtype=object)
    for r, c, f in ods.formulas:
        values[at[r], c - 1] = None
        formula[at[r], c - 1] = f
    grid = pd.DataFrame(values, index=pd.Index(labels, dtype=object))
    percent = np.zeros(grid.shape, dtype=bool)
    for r, c in ods.percentages:  # few cells; 1-based, cut to the grid
        if r in at and c <= n_cols:
            percent[at[r], c - 1] = True
    stated = np.full(grid.shape, None, dtype=object)
    for r, c, around in ods.currencies:  # few cells; 1-based, cut to the grid
        if r in at and c <= n_cols:
            stated[at[r], c - 1] = around
    merged = None
    if ods.ranges:
        merged = np.full(grid.shape, None, dtype=object)
        rows_held = np.array(held, dtype=np.int64)
        for r0, c0, r1, c1 in ods.ranges:  # few ranges
            ref = f"{_column_letter(c0)}{r0}:{_column_letter(c1)}{r1}"
            lo, hi = np.searchsorted(rows_held, [r0, r1 + 1])
            for i in rows_held[lo:hi].tolist():
                for c in range(c0, min(c1, n_cols) + 1):
                    if (i, c) != (r0, c0):
                        merged[at[i], c - 1] = ref
    filled_cells = (grid.map(_cell_text) != "").to_numpy() | (formula != None)  # noqa: E711
    ods_disguised = np.full(grid.shape, None, dtype=object)
    for r, c, text in ods.disguised:  # few cells; 1-based, cut to the grid
        if r in at and c <= n_cols:
            ods_disguised[at[r], c - 1] = text
    ods_misdated = np.full(grid.shape, None, dtype=object)
    for r, c, shown, why in ods.misdated:  # few cells; 1-based, cut to the grid
        if r in at and c <= n_cols:
            ods_misdated[at[r], c - 1] = (shown, why)
    ods_grouped = np.zeros(grid.shape, dtype=bool)
    for r, c in ods.grouped:  # few cells; 1-based, cut to the grid
        if r in at and c <= n_cols:
            ods_grouped[at[r], c - 1] = True
    ods_thousands = np.zeros(grid.shape, dtype=bool)
    for r, c in ods.thousands:  # 1-based, cut to the grid
        if r in at and c <= n_cols:
            ods_thousands[at[r], c - 1] = True
    return _Read(
        grid=grid,
        grouped=ods_grouped if ods_grouped.any() else None,
        thousands=ods_thousands if ods_thousands.any() else None,
        percent=percent,
        formula=formula if ods.formulas else None,
        stated=stated if ods.currencies else None,
        merged=merged,
        dates=ods_dates,
        disguised=ods_disguised if ods.disguised else None,
        misdated=ods_misdated if ods.misdated else None,
        hidden=_hidden_names(
            [r for r in held if any(a <= r <= b for a, b in ods.hidden_rows)],
            [
                _column_letter(c)
                for c in ods.hidden_columns
                if c <= n_cols and filled_cells[:, c - 1].any()
            ],
        ),
    )


#: An .ods cell's ``office:value``: a decimal number as ODF writes it
#: (xsd:double without its INF and NaN, which no cell shows as a number).
_ODS_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
#: The value types whose value is ``office:value``.
_ODS_NUMERIC = frozenset({"float", "percentage", "currency"})


def _stored_number_fault(text: str) -> str | None:
    """Why a number a sheet file stores is none, or None if it is one.

    An .xlsx ``<v>`` or an .ods ``office:value`` is a decimal number in ASCII
    digits ("4.37", "1E-05"). Python's ``float`` also takes "3_79" (379),
    Arabic-Indic or full-width digits and "infinity", and turns "1e-400"
    into 0.0 and "1e999" into infinity: none of those is a stored number.
    An empty value is left to the reader (an empty cell).
    """
    if text == "":
        return None
    if not _ODS_NUMBER.fullmatch(text):
        return (
            "not a number in ASCII digits (a stored number is written like "
            "'4.37' or '1E-05')"
        )
    value = float(text)
    if not np.isfinite(value):
        return "too large for a float64 number"
    mantissa = re.split(r"[eE]", text)[0]
    if value == 0 and re.search(r"[1-9]", mantissa):
        return "too small for a float64 number (it would be read as 0)"
    return None


def _stored_decimal(text: str) -> Decimal | None:
    """The Decimal of a stored number float64 cannot hold, else None.

    An .xlsx ``<v>`` or .ods ``office:value`` (already checked by
    :func:`_stored_number_fault`) is read as its nearest float64 by the
    libraries that read the sheet: "13.80000000000000000000001" as 13.8,
    "9007199254740993" as 2**53. Such a value is returned as its Decimal,
    to be read by the one rule for numbers wider than float64
    (:func:`povstat._validate.float_holds`): an invalid cell. A float64
    written out in 15 to 17 significant digits (how programs store one:
    "9.550000000000001" or "9.5500000000000007" for 9.55) is that float64.
    """
    text = text.strip(" \t\r\n")
    if not text or not _ODS_NUMBER.fullmatch(text):
        return None
    exact = Decimal(text)
    nearest = float(exact)
    if not np.isfinite(nearest) or _validate.float_holds(exact, nearest):
        return None
    if any(exact == Decimal(format(nearest, f".{p}g")) for p in (15, 16, 17)):
        # A float64 written with 15 to 17 significant digits, as programs
        # store one ("9.550000000000001", "9.5500000000000007" are 9.55).
        return None
    return exact


def _check_ods_values(tr: Any, row: int, what: str) -> None:
    """Refuse a numeric .ods cell of the row whose value is not a number.

    Python's ``float`` (which pandas reads the value with) takes "4_37" as
    437, " 4.37 ", "\u0664.\u0663\u0667" and "infinity"; an ODF value is a
    decimal number in ASCII digits. A value that is not one, or is not
    finite ("NaN", "INF", "1e999"), or is missing, makes the file damaged:
    the message names the cell, as for an .xlsx cell that cannot be read.
    """
    col = 0
    for cell in tr:
        kind = cell.get(f"{_ODS_OFFICE}value-type")
        if kind in _ODS_NUMERIC:
            value = cell.get(f"{_ODS_OFFICE}value")
            if value is None or value == "" or _stored_number_fault(value):
                stored = "no office:value" if value is None else f"{value!r}"
                msg = (
                    f"{what}: cell {_column_letter(col + 1)}{row} of the .ods "
                    f"sheet, of value type {kind!r}, stores {stored} as its "
                    "value, which is not a finite number in ASCII digits (an "
                    "ODF value is written like '4.37' or '1E-05'): the file is "
                    "damaged or was written wrongly; open and save it again in "
                    "a spreadsheet program"
                )
                raise ValueError(msg)
        col += int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1"))


def _ods_without_empty_runs(
    data: bytes, sheet: str | int, what: str = "`source`"
) -> tuple[bytes, list[int] | None]:
    """The .ods file without its sheet's repeated empty rows, and row numbers.

    A row element that holds nothing (no value, text, formula or merged
    range) and is repeated (``number-rows-repeated``, as LibreOffice
    writes the empty rows to the sheet's end, a million of them) is left
    out, so that pandas does not make a row of each. Returns the file (as
    given if no such row) and the sheet row number (1-based) of each row
    pandas reads, in order (None if nothing was left out). A numeric cell
    whose value is not a number raises ValueError naming it (see
    ``_check_ods_values``).
    """
    import zipfile
    from xml.etree import ElementTree as ET

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = ET.fromstring(z.read("content.xml"))
    except (SyntaxError, KeyError, zipfile.BadZipFile, zlib.error, EOFError):
        return data, None  # damaged: pandas (or odfpy's absence) says so
    t = _ODS_TABLE
    tables = list(root.iter(f"{t}table"))
    if isinstance(sheet, str):
        tables = [x for x in tables if x.get(f"{t}name") == sheet]
        sheet = 0
    if not 0 <= sheet < len(tables):
        return data, None  # pandas names the missing sheet
    table = tables[sheet]
    parent = {child: el for el in table.iter() for child in el}
    rows: list[int] = []
    dropped = False
    row = 0
    for tr in list(table.iter(f"{t}table-row")):
        n = int(tr.get(f"{t}number-rows-repeated", "1"))
        _check_ods_values(tr, row + 1, what)
        empty = all(
            cell.get(f"{_ODS_OFFICE}value-type") is None
            and cell.get(f"{t}formula") is None
            and cell.get(f"{t}number-rows-spanned", "1") == "1"
            and cell.get(f"{t}number-columns-spanned", "1") == "1"
            and not _ods_text(cell).strip()
            for cell in tr
        )
        if empty and n > 1:
            parent[tr].remove(tr)
            dropped = True
        else:
            rows.extend(range(row + 1, row + n + 1))
        row += n
    if not dropped:
        return data, None
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w") as w:
        for item in z.infolist():
            body = z.read(item.filename)
            if item.filename == "content.xml":
                body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
            w.writestr(item, body)
    return out.getvalue(), rows


def _headings_unmerged(read: _Read, first: int, filled: np.ndarray[Any, Any]) -> _Read:
    """Empty cells merged into a range that starts in the label column.

    A heading ("JAWA TIMUR", "Perkotaan") merged across the value columns
    (A2:C2) shows its label over empty cells: read as if unmerged, not as
    value cells that hold no value of their own. A covered cell that holds
    content (`filled`: the grid's cells holding anything, a formula
    included) stays marked: the range hides that content, which is named
    and not read, as under a range that starts in a value cell.
    """
    if read.merged is None:
        return read
    letters = read.columns or tuple(
        _column_letter(j + 1) for j in range(read.grid.shape[1])
    )
    refs = read.merged.ravel()
    start = np.full(refs.shape, "", dtype=object)
    for k in np.flatnonzero(refs != None):  # noqa: E711 - few cells
        start[k] = re.sub(r"[0-9].*", "", str(refs[k]))
    start = start.reshape(read.merged.shape)
    heading = (start == letters[first]) & ~filled
    if not heading.any():
        return read
    merged = read.merged.copy()
    merged[heading] = None
    return evolve(read, merged=merged)


def _merged_grid(
    ranges: list[tuple[int, int, int, int]], shape: tuple[int, int]
) -> np.ndarray[Any, Any] | None:
    """The merged range ("B2:C2") covering each cell but the range's first.

    Cells of a grid from sheet row and column 1; None elsewhere. `ranges`
    are (first row, first column, last row, last column), 1-based.
    """
    if not ranges:
        return None
    merged = np.full(shape, None, dtype=object)
    for r0, c0, r1, c1 in ranges:  # few ranges
        ref = f"{_column_letter(c0)}{r0}:{_column_letter(c1)}{r1}"
        block = merged[r0 - 1 : r1, c0 - 1 : c1]  # a view, cut to the grid
        block[...] = ref
        if r0 <= shape[0] and c0 <= shape[1]:
            merged[r0 - 1, c0 - 1] = None  # the first cell holds the value
    return merged


def _column_letter(j: int) -> str:
    """A spreadsheet column's letters from its 1-based number (28: "AB")."""
    letters = ""
    while j > 0:
        j, k = divmod(j - 1, 26)
        letters = chr(ord("A") + k) + letters
    return letters


#: Characters written raised (superscript) or lowered (subscript) by a run
#: of a rich-text cell, as the Unicode characters that show them so.
_RAISED = str.maketrans(
    "0123456789+-=()" + "".join(_RAISED_LETTERS),
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207c\u207d\u207e"
    + "".join(_RAISED_LETTERS.values()),
)
_LOWERED = str.maketrans(
    "0123456789+-=()" + "".join(_LOWERED_LETTERS),
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u208a\u208b\u208c\u208d\u208e"
    + "".join(_LOWERED_LETTERS.values()),
)


def _shown_runs(runs: Iterable[tuple[str, str | None]]) -> str:
    """A rich-text cell's text as it shows, from its runs (text, position).

    A run's position is "super", "sub" or None (on the line). A raised
    run's digits (and ``+-=()``) and letters are written as the superscript
    characters that show them ("4,37" and a raised "1" is "4,37\u00b9", a
    footnote mark, as typed; a raised "a" is the modifier letter
    "\u1d43"), a lowered run's digits as subscript ones; other characters
    of such a run (a dagger, a "q", which has no modifier letter) are kept
    as written. So the text is read as the same text typed
    in a CSV file: never the number 4.371, never a label "Kota Batu1".

    A raised run ending the text after a word (text on the line ending in a
    letter) is a footnote mark on a label, set apart as typed: a mark
    written as one is typed ("*)", "(1)", "a)", "**") follows a space
    ("Kabupaten Nduga *)", read as "Kabupaten Nduga" with the mark "*)"),
    never joined to the name ("Nduga*⁾", "Nduga⁽¹⁾");
    a raised number alone shows as superscript ("Kota Batu¹"). A raised
    run so written opening the text before a word is a leading mark, set
    apart as typed, if of stars ("*)" then "Yalimo" reads "*) Yalimo"; a
    raised "1)" is no list's number, and shows as "¹⁾").
    """
    parts = [(t, where) for t, where in runs if t]
    lead = min((k for k, (t, _) in enumerate(parts) if t.strip()), default=-1)
    after = "".join(t for t, _ in parts[lead + 1 :]).lstrip()
    if (
        0 <= lead < len(parts) - 1
        and parts[lead][1] == "super"
        and after[:1].isalpha()
        and re.fullmatch(r"\(?\*+\)?", parts[lead][0].strip())
    ):
        parts[lead] = (parts[lead][0].strip() + " ", None)
    # The last run holding more than white space (a space typed after the
    # mark does not hide it).
    last = max((k for k, (t, _) in enumerate(parts) if t.strip()), default=-1)
    before = "".join(t for t, _ in parts[:last]).rstrip()
    if (
        last > 0
        and parts[last][1] == "super"
        and before[-1:].isalpha()
        and _TYPED_MARK.fullmatch(parts[last][0].strip())
    ):
        parts[last] = (" " + parts[last][0].strip(), None)
    return "".join(
        t.translate(_RAISED)
        if where == "super"
        else t.translate(_LOWERED)
        if where == "sub"
        else t
        for t, where in parts
    )


#: A footnote mark as typed after a name: "*", "**)", "(1)", "1)", "a)",
#: "(a)". A bare number ("1") is left to show as superscript ("¹").
_TYPED_MARK = re.compile(r"\*+\)?|\(?(?:[0-9]{1,2}|[a-z])\)", re.IGNORECASE)


def _xlsx_rich_text(value: Any) -> str:
    """An .xlsx rich-text cell (openpyxl's CellRichText) as its text shows."""
    runs: list[tuple[str, str | None]] = []
    for part in value:
        font = getattr(part, "font", None)
        align = getattr(font, "vertAlign", None)
        where = {"superscript": "super", "subscript": "sub"}.get(str(align))
        runs.append((str(getattr(part, "text", part)), where))
    return _shown_runs(runs)


def _xls_formatted(data: bytes, sheet: str | int) -> tuple[Any, Any]:
    """An .xls workbook read by xlrd with its cell formatting, and the sheet.

    Read once for the merged ranges, number formats, error cells, rich text
    and hidden rows and columns (:func:`_xls_merged`, :func:`_xls_shown`).
    """
    import xlrd  # type: ignore[import-untyped]  # read above: present

    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, logfile=io.StringIO()
        )
        ws = (
            book.sheet_by_name(sheet)
            if isinstance(sheet, str)
            else book.sheet_by_index(sheet)
        )
    except Exception:  # xlrd raises many kinds; the sheet was read above
        msg = (
            "the merged cells of the .xls sheet cannot be read (xlrd with "
            "formatting_info=True failed): save the workbook as .xlsx"
        )
        raise ValueError(msg) from None
    return book, ws


def _xls_merged(
    book: Any, ws: Any
) -> tuple[
    list[tuple[int, int, int, int]],
    dict[tuple[int, int], str],
    dict[tuple[int, int], str],
]:
    """Merged ranges, number formats and error cells of an .xls sheet.

    `book` and `ws` as :func:`_xls_formatted` reads them: each cell's XF
    record names its number format. Formats are given for cells whose
    format is not General, by 0-based (row, column); so are error cells
    ("#N/A", "#DIV/0!"), by the text the sheet shows (pandas reads them as
    missing).
    """
    import xlrd

    ranges = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in ws.merged_cells]
    shown = {
        k: f.format_str for k, f in book.format_map.items() if f.format_str != "General"
    }
    xf_format = np.array(
        [shown.get(xf.format_key, "") for xf in book.xf_list] or [""], dtype=object
    )
    formats: dict[tuple[int, int], str] = {}
    errors: dict[tuple[int, int], str] = {}
    for r in range(ws.nrows):  # a small table's cells
        for c in range(ws.row_len(r)):
            fmt = xf_format[ws.cell_xf_index(r, c)]
            if fmt:
                formats[r, c] = str(fmt)
            if ws.cell_type(r, c) == xlrd.XL_CELL_ERROR:
                code = ws.cell_value(r, c)
                errors[r, c] = xlrd.error_text_from_code.get(code, f"#ERROR {code}")
    return ranges, formats, errors


def _hidden_names(rows: list[int], columns: list[str]) -> tuple[str, ...]:
    """Hidden rows and columns holding cells, as named in messages."""
    return tuple(f"row {r}" for r in rows) + tuple(f"column {c}" for c in columns)


def _xls_shown(
    book: Any, ws: Any
) -> tuple[dict[tuple[int, int], str], list[int], list[int]]:
    """Rich text and hidden rows and columns of an .xls sheet.

    `book` and `ws` as :func:`_xls_formatted` reads them. Returns the text
    of each text cell holding a raised or lowered run (a font with
    superscript or subscript escapement: the run's own, or the cell's for
    the text before its first run) as it shows (see ``_shown_runs``), by
    0-based (row, column); and the 0-based rows and columns the sheet hides.
    """
    where = {1: "super", 2: "sub"}
    escapement = [where.get(f.escapement) for f in book.font_list]
    texts: dict[tuple[int, int], str] = {}
    for (r, c), runlist in ws.rich_text_runlist_map.items():  # few cells
        text = ws.cell_value(r, c)
        if not isinstance(text, str):  # pragma: no cover - text cells only
            continue
        base = book.xf_list[ws.cell_xf_index(r, c)].font_index
        starts = [(0, base), *((int(k), int(f)) for k, f in runlist)]
        runs = [
            (text[k:end], escapement[f] if f < len(escapement) else None)
            for (k, f), end in zip(
                starts, [k for k, _ in starts[1:]] + [len(text)], strict=True
            )
        ]
        if any(w is not None for _, w in runs):
            texts[r, c] = _shown_runs(runs)
    # Hidden, or of height or width 0 (which a sheet shows alike).
    rows = sorted(
        r for r, info in ws.rowinfo_map.items() if info.hidden or info.height == 0
    )
    cols = sorted(
        c for c, info in ws.colinfo_map.items() if info.hidden or info.width == 0
    )
    return texts, rows, cols


#: BIFF record types: FORMULA (BIFF3-8 spellings), STRING, EOF.
_XLS_FORMULA = frozenset({0x0006, 0x0206, 0x0406})
_XLS_EOF = 0x000A


def _xls_formulas(data: bytes, sheet: str | int) -> dict[tuple[int, int], str]:
    """Formula cells of an .xls sheet whose stored result is text, and their text.

    xlrd reads a FORMULA record as its stored result only: one stored as
    empty text (as a program writing the file without computing it leaves
    it: xlwt writes every formula so) reads as an empty cell. Its records
    are scanned here (BIFF 3 to 8): a FORMULA record whose result bytes end
    in FFFF and start with 0 (text, in the STRING record after it) or 3
    (empty text). Returns, by 0-based (row, column), "=" and the formula as
    xlrd decompiles it, or "a formula" if it cannot; empty if the file
    cannot be scanned (xlrd read its cells above: an old BIFF version).
    """
    import struct

    import xlrd
    from xlrd.formula import FMLA_TYPE_CELL, decompile_formula  # type: ignore[import-untyped]

    try:
        book = xlrd.open_workbook(
            file_contents=data, on_demand=True, logfile=io.StringIO()
        )
        index = book.sheet_names().index(sheet) if isinstance(sheet, str) else sheet
        pos = int(book._sh_abs_posn[index])  # the sheet's BOF record
        mem = bytes(book.mem)
    except Exception:  # read by pandas and _xls_merged above; never damage here
        return {}
    if book.biff_version < 30:
        return {}
    found: dict[tuple[int, int], str] = {}
    while pos + 4 <= len(mem):  # the sheet's records, few for a small table
        rc, size = struct.unpack("<HH", mem[pos : pos + 4])
        rec = mem[pos + 4 : pos + 4 + size]
        pos += 4 + size
        if rc == _XLS_EOF:
            break
        if rc not in _XLS_FORMULA or len(rec) < 22:
            continue
        row, col = struct.unpack("<HH", rec[:4])
        result = rec[6:14]
        if result[6:8] != b"\xff\xff" or result[0] not in (0, 3):
            continue  # a number, a boolean or an error
        try:
            size_f = struct.unpack("<H", rec[20:22])[0]
            text = decompile_formula(
                book, rec[22:], size_f, FMLA_TYPE_CELL, browx=row, bcolx=col
            )
            found[row, col] = f"={text}" if text else "a formula"
        except Exception:  # a formula xlrd cannot decompile: named as such
            found[row, col] = "a formula"
    return found


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


class _OdsCells(NamedTuple):
    """What pandas does not read of an .ods sheet (all 1-based).

    ``ranges``: merged ranges, (first row, first column, last row, last
    column). ``percentages``: (row, column) of cells of value type
    ``percentage``. ``texts``: (row, column, text) of cells holding text
    without a value type (pandas reads them as empty), of cells showing
    "#N/A" (pandas reads them as missing) and of covered cells holding text
    (content hidden under a merged range). ``formulas``: (row,
    column, formula) of cells holding a formula without a value type, so
    without a stored result. ``years``: (row, column, year) of date cells
    shown as their year alone ("2022", a date style of the year only): the
    year, as an .xlsx date shown with the format ``yyyy`` is.
    ``currencies``: (row, column, (before, after)) of cells of value type
    ``currency``: the text shown before and after the number ("Rp 500":
    ("Rp ", "")), or the currency's code (``office:currency="IDR"``:
    ("IDR ", "")) if the text shows none.
    ``hidden_rows``: (first, last) row of each run of rows the sheet hides
    (``table:visibility`` "collapse" or "filter", or a row style of height
    0); ``hidden_columns``: the columns it hides (so, or of width 0).
    ``disguised``: (row, column, text) of numeric cells
    holding a year (1900-2099) whose text shows it otherwise ("202200%",
    "2,022", "2.02E+03"). ``exact``: (row, column, value) of numeric cells
    whose stored value float64 cannot hold (2**53 + 1, 13.8 written with 25
    decimals), as Decimals (:func:`_stored_decimal`). ``misdated``: (row,
    column, text, why) of date cells whose text does not show their year
    ("1" for 2022-03-01). ``booleans``: (row, column, value) of cells of
    value type ``boolean``, by their stored ``office:boolean-value`` (pandas
    compares the text shown with "TRUE": LibreOffice in Indonesian shows
    "BENAR"); with no stored value, or one other than "true", "false", "1"
    or "0", the text the cell shows. ``grouped``: (row, column) of numeric
    cells holding a whole number that they show grouped without decimals
    ("8.160" or "8,160" for 8160). ``thousands``: (row, column) of numeric
    cells of 1,000 or more that they show with a thousands separator, with
    or without decimals ("4.181,29" for 4181.29).
    """

    ranges: list[tuple[int, int, int, int]]
    percentages: list[tuple[int, int]]
    texts: list[tuple[int, int, str]]
    formulas: list[tuple[int, int, str]]
    years: list[tuple[int, int, int]]
    currencies: list[tuple[int, int, tuple[str, str]]]
    hidden_rows: list[tuple[int, int]]
    hidden_columns: list[int]
    disguised: list[tuple[int, int, str]]
    exact: list[tuple[int, int, Decimal]]
    misdated: list[tuple[int, int, str, str]]
    booleans: list[tuple[int, int, bool | str]]
    grouped: list[tuple[int, int]]
    thousands: list[tuple[int, int]]


_ODS_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _ods_text(cell: Any, positions: dict[str, str] | None = None) -> str:
    """The text an .ods cell shows: its paragraphs, one per line.

    As pandas reads a text cell: ``text:s`` is that many spaces, a line
    break or a new paragraph a line break, an annotation (a comment) is
    not shown. With `positions` (text style name: "super" or "sub"), a
    span of a raised or lowered style shows as such (see ``_shown_runs``).
    """
    return "\n".join(
        _ods_inline(p, positions)
        for p in cell
        if p.tag in (f"{_ODS_TEXT}p", f"{_ODS_TEXT}h")
    )


def _ods_inline(element: Any, positions: dict[str, str] | None = None) -> str:
    """The text of an .ods paragraph or span, spaces and breaks expanded."""
    out: list[tuple[str, str | None]] = [(element.text or "", None)]
    for child in element:
        if child.tag == f"{_ODS_TEXT}s":
            out.append((" " * int(child.get(f"{_ODS_TEXT}c", "1")), None))
        elif child.tag == f"{_ODS_TEXT}tab":
            out.append(("\t", None))
        elif child.tag == f"{_ODS_TEXT}line-break":
            out.append(("\n", None))
        elif child.tag != f"{_ODS_OFFICE}annotation":
            inner = _ods_inline(child, positions)
            where = (positions or {}).get(child.get(f"{_ODS_TEXT}style-name", ""))
            out.append((inner, where))
        out.append((child.tail or "", None))
    return _shown_runs(out)


_ODS_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"


def _ods_text_positions(root: Any) -> dict[str, str]:
    """Text styles of an .ods file that raise or lower their text.

    ``style:text-position`` is "super", "sub", or a percentage of the font
    height (positive raises, negative lowers, "0%" is on the line), then
    an optional size: "super 58%", "33% 58%".
    """
    found: dict[str, str] = {}
    for st in root.iter(f"{_ODS_STYLE}style"):
        if st.get(f"{_ODS_STYLE}family") != "text":
            continue
        for props in st.iter(f"{_ODS_STYLE}text-properties"):
            first = (props.get(f"{_ODS_STYLE}text-position") or "").split()[:1]
            if not first:
                continue
            pos = first[0]
            lift = re.fullmatch(r"([+-]?[0-9.]+)%", pos)
            up = pos == "super" or (lift is not None and float(lift[1]) > 0)
            down = pos == "sub" or (lift is not None and float(lift[1]) < 0)
            if up or down:
                found[str(st.get(f"{_ODS_STYLE}name"))] = "super" if up else "sub"
    return found


def _ods_currency(cell: Any) -> tuple[str, str]:
    """The text an .ods currency cell shows before and after its number.

    "Rp 500" shows ("Rp ", ""), "500 IDR" ("", " IDR"); a sign's notation
    ("-", parentheses) is not kept. If the text shows no currency, the
    cell's currency code (``office:currency``) is written before the
    number, and "currency" if it has none: the value type says the number
    is money, never a bare number.
    """
    shown = _ods_text(cell)
    digits = re.search(r"[0-9](?:.*[0-9])?", shown, re.DOTALL)
    before, after = (
        (shown[: digits.start()], shown[digits.end() :]) if digits else ("", "")
    )
    before, after = (re.sub(r"[-+()\u2212]", "", x) for x in (before, after))
    if before.strip() or after.strip():
        return before, after
    code = cell.get(f"{_ODS_OFFICE}currency") or "currency"
    return f"{code} ", ""


def _ods_zero_styles(root: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Names of an .ods sheet's row styles of height 0 and column styles of width 0.

    A row of height 0 or a column of width 0 ("0cm", "0in", "0pt") shows
    nothing, as a hidden one does.
    """
    s = _ODS_STYLE

    def zero(length: str | None) -> bool:
        m = re.fullmatch(r"\s*([0-9]*\.?[0-9]*)\s*[a-z]*\s*", length or "")
        return bool(m and m[1] and m[1] != "." and float(m[1]) == 0)

    rows: set[str] = set()
    cols: set[str] = set()
    for style in root.iter(f"{s}style"):  # the few automatic styles
        name = style.get(f"{s}name")
        family = style.get(f"{s}family")
        if name is None:
            continue
        if family == "table-row":
            props = style.find(f"{s}table-row-properties")
            if props is not None and zero(props.get(f"{s}row-height")):
                rows.add(name)
        elif family == "table-column":
            props = style.find(f"{s}table-column-properties")
            if props is not None and zero(props.get(f"{s}column-width")):
                cols.add(name)
    return frozenset(rows), frozenset(cols)


def _ods_cells(data: bytes, sheet: str | int) -> _OdsCells:
    """Merged ranges, percentage cells, untyped text and pending formulas.

    Merged ranges: cells spanning other columns or rows. Percentage cells:
    cells whose value type is ``percentage`` (the value 0.138 shown as
    "13,80%"), as an .xlsx cell with a percent format. A cell without a
    value type holds no value for pandas: its text (org-mode's export
    writes every cell so) is read as a text cell, and its formula, if any,
    is a formula without a stored result. Rows and cells repeated by
    ``number-rows-repeated`` and ``number-columns-repeated`` are counted as
    the sheet shows them. See ``_OdsCells``.
    """
    import zipfile
    from xml.etree import ElementTree as ET

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ET.fromstring(z.read("content.xml"))
    t = _ODS_TABLE
    found = _OdsCells([], [], [], [], [], [], [], [], [], [], [], [], [], [])
    positions = _ods_text_positions(root)
    tables = list(root.iter(f"{t}table"))
    if isinstance(sheet, str):
        tables = [x for x in tables if x.get(f"{t}name") == sheet]
        table = tables[0] if tables else None
    else:
        table = tables[sheet] if sheet < len(tables) else None
    if table is None:  # pragma: no cover - pandas has read the sheet
        return found
    shut = ("collapse", "filter")
    flat_rows, flat_cols = _ods_zero_styles(root)
    col = 0
    for tc in table.iter(f"{t}table-column"):
        n_cols = int(tc.get(f"{t}number-columns-repeated", "1"))
        if tc.get(f"{t}visibility") in shut or tc.get(f"{t}style-name") in flat_cols:
            found.hidden_columns.extend(range(col + 1, col + n_cols + 1))
        col += n_cols
    row = 0
    # Array formulas (row, column, rows, columns, formula) and the cells
    # holding something, to fill each array's range below.
    arrays: list[tuple[int, int, int, int, str]] = []
    filled: list[tuple[int, int, int, int]] = []  # first, last row; columns
    for tr in table.iter(f"{t}table-row"):
        n_rows = int(tr.get(f"{t}number-rows-repeated", "1"))
        if tr.get(f"{t}visibility") in shut or tr.get(f"{t}style-name") in flat_rows:
            found.hidden_rows.append((row + 1, row + n_rows))
        col = 0
        spans: list[tuple[int, int, int]] = []  # (column, rows, columns)
        shown_pct: list[int] = []  # columns of percentage cells
        held: list[tuple[int, str, bool]] = []  # (column, content, formula?)
        years: list[tuple[int, int]] = []  # (column, year) of dates shown so
        money: list[tuple[int, tuple[str, str]]] = []  # (column, text around)
        disguised: list[tuple[int, str]] = []  # (column, text) of years
        wide: list[tuple[int, Decimal]] = []  # (column, value) float64 rounds
        yearless: list[tuple[int, str, str]] = []  # (column, text, why) of dates
        flags: list[tuple[int, bool | str]] = []  # (column, stored value)
        grouping: list[int] = []  # columns of whole numbers shown grouped
        separated: list[int] = []  # columns of numbers shown with thousands
        for cell in tr:
            n_cols = int(cell.get(f"{t}number-columns-repeated", "1"))
            # Only (covered) table cells have a value type.
            kind = cell.get(f"{_ODS_OFFICE}value-type")
            if kind == "percentage":
                shown_pct.extend(col + k + 1 for k in range(n_cols))
            if kind == "boolean":  # as stored, never as its text shows
                stored = cell.get(f"{_ODS_OFFICE}boolean-value", "").strip()
                # No stored value, or one of neither spelling ("yes"): the
                # text the cell shows, never a guessed True or False.
                flag: bool | str = (
                    stored in ("true", "1")
                    if stored in ("true", "1", "false", "0")
                    else " ".join(_ods_text(cell).split())
                    or f"a boolean cell with no stored value ({stored!r})"
                )
                flags.extend((col + k + 1, flag) for k in range(n_cols))
            if kind == "currency":
                around = _ods_currency(cell)
                money.extend((col + k + 1, around) for k in range(n_cols))
            if kind in _ODS_NUMERIC:
                stored = cell.get(f"{_ODS_OFFICE}value", "")
                exact = _stored_decimal(stored)
                if exact is not None:
                    wide.extend((col + k + 1, exact) for k in range(n_cols))
                shown = " ".join(_ods_text(cell).split())
                if (
                    re.fullmatch(r"(?:19|20)[0-9]{2}(?:\.0*)?", stored)
                    and shown
                    and not _shows_year(shown, int(float(stored)))
                ):
                    disguised.extend((col + k + 1, shown) for k in range(n_cols))
                one_group = re.fullmatch(r"-?([1-9][0-9]{0,2})[.,]([0-9]{3})", shown)
                if (
                    one_group is not None
                    and re.fullmatch(r"-?[0-9]+(?:\.0*)?", stored)
                    and int(float(stored))
                    == int(shown.replace(".", "").replace(",", ""))
                ):
                    grouping.extend(col + k + 1 for k in range(n_cols))
                if _shows_thousands(stored, shown):
                    separated.extend(col + k + 1 for k in range(n_cols))
            if kind == "date":
                shown = _ods_text(cell).strip()
                stored = cell.get(f"{_ODS_OFFICE}date-value", "")
                serial = _ods_serial(stored)
                if serial is not None:
                    why = (
                        f"holds the number {serial} under a date style, which "
                        f"reads it as a day count, the date {stored}, and shows "
                        f"{shown!r}: a year typed in a date-formatted cell is no "
                        "year; give the cell a number style, or type the year "
                        "as text"
                    )
                    yearless.extend((col + k + 1, shown, why) for k in range(n_cols))
                elif re.fullmatch(r"[0-9]{4}", shown) and stored.startswith(shown):
                    years.extend((col + k + 1, int(shown)) for k in range(n_cols))
                elif shown and stored[:4] not in shown:
                    why = (
                        f"holds the date {stored}, which its style shows as "
                        f"{shown!r}, without its year: a header cell is read as "
                        "it shows, and that names no period; give it a style "
                        "that shows the year, or type the period as text"
                    )
                    yearless.extend((col + k + 1, shown, why) for k in range(n_cols))
            covered = cell.tag == f"{t}covered-table-cell"
            if kind is not None or cell.get(f"{t}formula") or _ods_text(cell).strip():
                filled.append((row + 1, row + n_rows, col + 1, col + n_cols))
            matrix = (
                int(cell.get(f"{t}number-matrix-rows-spanned", "1")),
                int(cell.get(f"{t}number-matrix-columns-spanned", "1")),
            )
            if cell.get(f"{t}formula") and matrix != (1, 1) and n_rows == n_cols == 1:
                arrays.append((row + 1, col + 1, *matrix, str(cell.get(f"{t}formula"))))
            if cell.tag == f"{t}table-cell":
                rs = int(cell.get(f"{t}number-rows-spanned", "1"))
                cs = int(cell.get(f"{t}number-columns-spanned", "1"))
                if rs > 1 or cs > 1:
                    spans.extend((col + k + 1, rs, cs) for k in range(n_cols))
            # pandas reads any cell showing "#N/A" (LibreOffice's =NA(), or
            # the text typed) as missing: it is that text, as in a CSV file.
            if (cell.tag == f"{t}table-cell" or covered) and (
                kind is None
                or (covered and kind == "string")
                or _ods_text(cell) == "#N/A"
            ):
                formula = cell.get(f"{t}formula") if kind is None else None
                content = formula or _ods_text(cell, positions)
                if content.strip():
                    held.extend(
                        (col + k + 1, content, bool(formula)) for k in range(n_cols)
                    )
            elif (
                positions
                and cell.tag == f"{t}table-cell"
                and kind == "string"
                and (raised := _ods_text(cell, positions)) != _ods_text(cell)
            ):
                # A text cell with a superscript run: as it shows ("4,37¹").
                held.extend((col + k + 1, raised, False) for k in range(n_cols))
            elif (
                cell.tag == f"{t}table-cell"
                and kind == "string"
                and next(cell.iter(f"{_ODS_TEXT}tab"), None) is not None
            ):
                # A tab (text:tab), which pandas drops ("KotaBatu"): white
                # space, as a tab in a CSV field is.
                tabbed = _ods_text(cell, positions)
                held.extend((col + k + 1, tabbed, False) for k in range(n_cols))
            col += n_cols
        for i in range(
            n_rows
            if spans
            or shown_pct
            or held
            or years
            or money
            or disguised
            or wide
            or yearless
            or flags
            or grouping
            or separated
            else 0
        ):
            r = row + i + 1
            found.ranges.extend((r, c, r + rs - 1, c + cs - 1) for c, rs, cs in spans)
            found.percentages.extend((r, c) for c in shown_pct)
            for c, content, is_formula in held:
                (found.formulas if is_formula else found.texts).append((r, c, content))
            found.years.extend((r, c, y) for c, y in years)
            found.currencies.extend((r, c, around) for c, around in money)
            found.disguised.extend((r, c, text) for c, text in disguised)
            found.exact.extend((r, c, value) for c, value in wide)
            found.misdated.extend((r, c, text, why) for c, text, why in yearless)
            found.booleans.extend((r, c, value) for c, value in flags)
            found.grouped.extend((r, c) for c in grouping)
            found.thousands.extend((r, c) for c in separated)
        row += n_rows
    # An array formula fills its whole range ("C2:C4"), but only its first
    # cell holds the formula: the other cells of the range holding nothing
    # are formulas without a stored result too, never empty cells (as in
    # an .xlsx sheet).
    for r0, c0, rs, cs, formula in arrays:  # the few array formulas
        ref = f"{_column_letter(c0)}{r0}:{_column_letter(c0 + cs - 1)}{r0 + rs - 1}"
        found.formulas.extend(
            (r, c, f"{formula} (array formula {ref})")
            for r in range(r0, r0 + rs)
            for c in range(c0, c0 + cs)
            if not any(a <= r <= b and d <= c <= e for a, b, d, e in filled)
        )
    return found


def _load_workbook(
    data: bytes, data_only: bool, what: str, *, read_only: bool = True
) -> Any:
    """The workbook, by default in read-only mode (cells streamed, not stored).

    Text cells are read with their runs (rich text), so that a run written
    as superscript shows as such (see ``_shown_runs``).
    """
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is in the test extra
        msg = "reading .xlsx files needs openpyxl: pip install 'povstat[excel]'"
        raise ImportError(msg) from None
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # From a buffer, not a path: openpyxl would judge a path by its suffix.
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=read_only, data_only=data_only, rich_text=True
        )
    except (KeyError, OSError, InvalidFileException, ValueError, TypeError) as e:
        msg = (
            f"{what} is an Excel workbook that cannot be read ({type(e).__name__}: "
            f"{e}): it may be damaged; open and save it again in a spreadsheet "
            "program"
        )
        raise ValueError(msg) from None


def _pick_sheet(wb: Any, sheet_name: str | int | None) -> Any:
    """The worksheet `sheet_name` names; chartsheets hold no cells."""
    charts = [c.title for c in wb.chartsheets]
    sheets = wb.worksheets  # worksheets only, in workbook order
    listed = f"{len(sheets)} worksheet(s) {[ws.title for ws in sheets]}" + (
        f" (chartsheets, which hold no cells and are not counted: {charts})"
        if charts
        else ""
    )
    if isinstance(sheet_name, str):
        if sheet_name in charts:
            msg = (
                f"`sheet_name` {sheet_name!r} is a chartsheet (a chart, no "
                f"cells): pass a worksheet; the workbook has {listed}"
            )
            raise ValueError(msg)
        if sheet_name not in wb.sheetnames:
            msg = f"`sheet_name` {sheet_name!r} not found; the workbook has {listed}"
            raise ValueError(msg)
        return wb[sheet_name]
    if sheet_name is None:
        visible = [ws for ws in sheets if ws.sheet_state == "visible"]
        if not visible:
            msg = (
                f"no visible worksheet to read by default: the workbook has "
                f"{listed}, all hidden; pass `sheet_name`"
            )
            raise ValueError(msg)
        return visible[0]
    if not 0 <= sheet_name < len(sheets):
        msg = f"`sheet_name` {sheet_name} is out of range: the workbook has {listed}"
        raise ValueError(msg)
    return sheets[sheet_name]


def _sheet_cells(
    data: bytes,
    sheet_name: str | int | None,
    data_only: bool,
    what: str,
    hidden: dict[str, list[int]] | None = None,
) -> list[tuple[int, int, Any]]:
    """(row, column, cell) of the cells the sheet stores, 1-based.

    Rows the file does not store are skipped and a row is as wide as its
    last stored cell, so the work is proportional to what the file holds,
    never to the sheet's declared dimension (a formatted cell at
    J1048576 does not make a million rows). Each cell is placed by its
    reference ("B2"), in whatever order the file lists it; a reference
    stored twice (a repeated cell or row) is refused. `hidden`, if given,
    receives the 1-based numbers of the rows and columns the sheet hides
    (keys "rows" and "columns").
    """
    wb = _load_workbook(data, data_only, what)
    try:
        ws = _pick_sheet(wb, sheet_name)
    except ValueError:
        wb.close()
        raise
    try:
        ws.reset_dimensions()  # read the stored rows, not a declared size
        cells = [
            (i, j, c) for i, j, c in _stored_cells(ws, hidden) if c.value is not None
        ]
    except _DamagedCell as e:
        where = "a cell without a reference" if e.ref is None else f"cell {e.ref!r}"
        msg = (
            f"{what}: sheet {ws.title!r} of the workbook cannot be read: {where} "
            f"cannot be read ({e.reason}): the file is damaged; open and save it "
            "again in a spreadsheet program"
        )
        raise ValueError(msg) from None
    except (SyntaxError, KeyError, TypeError, OSError, ValueError) as e:
        # SyntaxError: xml.etree's ParseError, for a damaged sheet;
        # ValueError: openpyxl's, e.g. for a merged range written backwards.
        bad = _bad_merged_refs(data)
        where = (
            f": merged range(s) {bad} cannot be read (a range runs from its "
            "top left cell to its bottom right one, 'B1:C1')"
            if bad
            else ""
        )
        msg = (
            f"{what}: sheet {ws.title!r} of the workbook cannot be read"
            f"{where} ({type(e).__name__}: {e}): the file may be damaged; open "
            "and save it again in a spreadsheet program"
        )
        raise ValueError(msg) from None
    finally:
        wb.close()
    keys = pd.Series([(i, j) for i, j, _ in cells], dtype=object)
    twice = keys[keys.duplicated()].unique()
    if len(twice):
        from openpyxl.utils import get_column_letter

        refs = sorted(f"{get_column_letter(j)}{i}" for i, j in twice)
        msg = (
            f"{what}: sheet {ws.title!r} stores cell(s) {refs} more than once "
            "(a repeated cell or row in the file): which value the sheet holds "
            "is ambiguous; open and save the file in a spreadsheet program"
        )
        raise ValueError(msg)
    return cells


def _bad_merged_refs(data: bytes) -> list[str]:
    """Merged-range references of an .xlsx file's sheets that name no range.

    A reference whose first cell is not above and left of its last
    ("C1:B1"), or that is not a range of cells at all.
    """
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    bad: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            for ref in re.findall(rb'<mergeCell\s+ref="([^"]*)"', z.read(name)):
                shown = ref.decode("utf-8", errors="replace")
                try:
                    c0, r0, c1, r1 = range_boundaries(shown)
                except (ValueError, TypeError):
                    bad.append(shown)
                    continue
                if None in (c0, r0, c1, r1) or c0 > c1 or r0 > r1:  # type: ignore[operator]
                    bad.append(shown)
    return bad


#: The size of an Excel worksheet (rows 1-1048576, columns A-XFD).
_MAX_ROW, _MAX_COL = 1_048_576, 16_384


class _DamagedCell(Exception):
    """A cell of an .xlsx sheet file that cannot be read (its reference)."""

    def __init__(self, ref: object, reason: str) -> None:
        super().__init__(ref, reason)
        self.ref = ref
        self.reason = reason


#: A character an .xlsx file stores escaped (ECMA-376 ST_Xstring):
#: "_x000D_" a carriage return, "_x005F_" the underscore itself.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SHEET_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _stored_cells(
    ws: Any, hidden: dict[str, list[int]] | None = None
) -> Iterable[tuple[int, int, Any]]:
    """(row, column, cell) of the cells the sheet file stores, in file order.

    openpyxl's ``iter_rows`` makes an empty row for every row the file does
    not store (a million for a stray cell at A1048576), and places a row's
    cells by their order in the file; its sheet parser gives the stored
    cells only, each with its own reference. A formula whose stored result
    is the empty string (``<v/>``, Excel's ``=IF(..., "")``) holds "": an
    empty cell, not a formula without a result. If that private interface is
    missing (a later openpyxl), ``iter_rows`` is used. `hidden`, if given,
    receives the rows and columns the sheet hides, once all are read.
    """
    try:
        from openpyxl.cell.read_only import ReadOnlyCell
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import Text
        from openpyxl.packaging.manifest import Manifest
        from openpyxl.worksheet._reader import (
            INLINE_STRING,
            VALUE_TAG,
            WorkSheetParser,
        )
        from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS
        from openpyxl.xml.functions import fromstring, iterparse

        wb = ws.parent
        source, strings = ws._get_source, list(ws._shared_strings)
        archive = wb._archive
        n_styles = max(len(wb._cell_styles), 1)  # s="0" without any: the default
        options = {
            "rich_text": True,
            "data_only": wb.data_only,
            "epoch": wb.epoch,
            "date_formats": wb._date_formats,
            "timedelta_formats": wb._timedelta_formats,
        }
    except (ImportError, AttributeError):  # pragma: no cover - other openpyxl
        for i, row in enumerate(ws.iter_rows(), start=1):
            yield from ((i, j, c) for j, c in enumerate(row, start=1))
        return

    def as_stored(node: Any) -> Any:
        # A string item's text as the file stores it, escapes and all, in
        # runs as openpyxl gives them: openpyxl drops each "x005F_" from
        # the text it reads (so "_x005F_x000D_", the text "_x000D_", would
        # be decoded again below into a carriage return).
        text: Any = Text.from_tree(node)
        if text.t:
            return text.t
        runs = [TextBlock(r.rPr, r.t or "") if r.rPr else r.t or "" for r in text.r]
        if not runs:
            return ""
        if len(runs) == 1 and isinstance(runs[0], str):
            return runs[0]
        return CellRichText(runs)

    manifest: Any = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
    ct = manifest.find(SHARED_STRINGS)
    # Only where openpyxl's text holds an escape: else it read the file's.
    if ct is not None and any("_x" in str(x) for x in strings):
        item = f"{{{_SHEET_MAIN}}}si"
        with archive.open(ct.PartName[1:]) as sst:
            k = 0
            for _, node in iterparse(sst):
                if node.tag == item:
                    if k < len(strings) and "x005F_" in "".join(node.itertext()):
                        strings[k] = as_stored(node)
                    node.clear()
                    k += 1

    class _Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            ref = element.get("r")
            if element.get("t", "n") == "n":
                stored = element.findtext(VALUE_TAG)
                # XML white space around the number is no part of it.
                why = (
                    None
                    if stored is None
                    else _stored_number_fault(stored.strip(" \t\r\n"))
                )
                if why is not None:
                    raise _DamagedCell(ref, f"its value {stored!r} is {why}")
            try:
                cell: dict[str, Any] = super().parse_cell(element)
            except Exception as e:  # openpyxl's own errors, of any kind
                # A shared-string index past the table (IndexError), a
                # numeric cell holding "abc" or "INF" (ValueError), a
                # reference such as "$A$2" (openpyxl's coordinate error).
                raise _DamagedCell(ref, f"{type(e).__name__}: {e}") from None
            style = cell.get("style_id", 0)
            if not 0 <= style < n_styles:
                # s="99" past the workbook's cell formats (openpyxl's bare
                # IndexError later), s="-1" (Python would take the last one).
                raise _DamagedCell(
                    ref,
                    f"its style index s={element.get('s')!r} names no cell format "
                    f"(the workbook has {n_styles}, numbered 0-{n_styles - 1})",
                )
            if not (1 <= cell["row"] <= _MAX_ROW and 1 <= cell["column"] <= _MAX_COL):
                # "B0", "XFE2", "A1048577": outside every Excel sheet.
                raise _DamagedCell(
                    ref,
                    f"no such cell: a sheet's rows are 1-{_MAX_ROW}, its columns A-XFD",
                )
            if (
                cell["value"] is None
                and element.get("t") == "str"
                and element.find(VALUE_TAG) is not None
            ):
                cell["value"] = ""  # a stored empty text result
            if element.get("t") == "inlineStr":
                inline = element.find(INLINE_STRING)
                if inline is not None and "x005F_" in "".join(inline.itertext()):
                    cell["value"] = as_stored(inline)
            if isinstance(cell["value"], CellRichText):
                cell["value"] = _xlsx_rich_text(cell["value"])  # as it shows
            if (
                isinstance(cell["value"], str)
                and cell.get("data_type") != "f"
                and "_x" in cell["value"]
            ):
                # Text Excel stores escaped ("_x000D_", a carriage return;
                # "_x005F_" a literal "_"), as Excel shows it (ECMA-376
                # ST_Xstring), never the escape as typed text: decoded once,
                # so "_x005F_x000D_" is the text "_x000D_".
                cell["value"] = _OOXML_ESCAPE.sub(
                    lambda m: chr(int(m[1], 16)), cell["value"]
                )
            if element.get("t", "n") == "n" and type(cell["value"]) is float:
                # A stored decimal float64 cannot hold ("13.8" written with
                # 25 decimals, nearest 13.8) is read as its Decimal, by the
                # one rule for numbers (an invalid cell), never rounded.
                exact = _stored_decimal(str(element.findtext(VALUE_TAG)))
                if exact is not None:
                    cell["value"] = exact
            return cell

    with source() as src:
        parser = _Parser(src, strings, **options)
        for _, row in parser.parse():
            for c in row:
                yield c["row"], c["column"], ReadOnlyCell(ws, **c)
    if hidden is not None:
        on = ("1", "true")

        def zero(size: object) -> bool:
            """A height or width of 0: the row or column shows nothing."""
            try:
                return size is not None and float(str(size)) == 0.0
            except ValueError:
                return False

        # Hidden, or of height or width 0 (which a sheet shows alike).
        hidden["rows"] = sorted(
            int(r)
            for r, a in parser.row_dimensions.items()
            if a.get("hidden") in on or zero(a.get("ht"))
        )
        hidden["columns"] = sorted(
            j
            for a in parser.column_dimensions.values()
            if a.get("hidden") in on or zero(a.get("width"))
            for j in range(int(a.get("min", 0)), int(a.get("max", 0)) + 1)
        )


def _merged_ranges(
    data: bytes, sheet_name: str | int | None, what: str
) -> list[tuple[int, int, int, int, str]]:
    """Merged ranges of the sheet: first row and column, last ones, "B2:C2".

    The workbook is loaded whole (not streamed) only if a sheet has merged
    cells.
    """
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        merges = any(
            b"<mergeCell " in z.read(n)
            for n in z.namelist()
            if n.startswith("xl/worksheets/") and n.endswith(".xml")
        )
    if not merges:
        return []
    wb = _load_workbook(data, True, what, read_only=False)
    ws = _pick_sheet(wb, sheet_name)
    return [
        (r.min_row, r.min_col, r.max_row, r.max_col, r.coord)
        for r in ws.merged_cells.ranges
    ]


def _read_xlsx(data: bytes, sheet_name: str | int | None, what: str) -> _Read:
    """Cells of an .xlsx/.xlsm sheet with their number formats and formulas.

    The workbook is read twice: once for the results Excel stored with each
    formula (``data_only``), once for the formulas themselves. A formula is
    never evaluated. A workbook that asks to be recalculated on load
    (``<calcPr fullCalcOnLoad="1"/>``, as XlsxWriter, and so pandas'
    ``to_excel``, writes every file, storing 0 as each formula's result),
    or whose results are otherwise placeholders (see
    ``_placeholder_results``), holds no trustworthy result: each of its
    formulas is a formula without a stored result. Only cells holding a
    value (or a formula) are kept: rows below the last of them are layout,
    and so are columns without any (they are left out, the others keep
    their letters in messages).
    """
    hidden: dict[str, list[int]] = {}
    stored = _sheet_cells(data, sheet_name, True, what, hidden)
    written: dict[tuple[int, int], str] = {}
    spans: list[tuple[str, str]] = []  # (range, formula) of array formulas
    for i, j, c in _sheet_cells(data, sheet_name, False, what):
        if c.data_type == "f":
            written[i, j] = str(getattr(c.value, "text", c.value))  # array: its text
            if getattr(c.value, "ref", None):
                spans.append((str(c.value.ref), written[i, j]))
    recalculated = _placeholder_results(data) if written else ""
    values = {(i, j): c.value for i, j, c in stored}
    # An array formula fills its whole range ("C2:C4"), but only its first
    # cell holds the formula: the other cells of the range without a stored
    # result are formulas without one too, never empty cells.
    for ref, text in spans:
        from openpyxl.utils.cell import range_boundaries

        try:
            c0, r0, c1, r1 = range_boundaries(ref)
        except ValueError:  # a damaged range: its first cell is reported
            continue
        if c0 is None or r0 is None or c1 is None or r1 is None:
            continue  # a whole row or column: never an array formula's range
        for i in range(r0, r1 + 1):  # the few cells of an array formula
            for j in range(c0, c1 + 1):
                if (i, j) not in written and (
                    bool(recalculated) or (i, j) not in values
                ):
                    written[i, j] = f"{text} (array formula {ref})"
    # The results stored with the formulas are placeholders: none is read.
    placeholders = recalculated if any(k in values for k in written) else ""
    if placeholders:
        stored = [(i, j, c) for i, j, c in stored if (i, j) not in written]
        values = {(i, j): c.value for i, j, c in stored}
    pending = {k: f for k, f in written.items() if k not in values}
    used = [
        k for k, v in values.items() if not (isinstance(v, str) and not v.strip())
    ] + list(pending)
    if not used:
        raise ValueError(_empty_sheet(data, sheet_name, what))
    # Rows: those holding something, and one row per run of empty rows
    # between them (labelled by its range, "5-1048575"), so that the grid is
    # as large as what the sheet holds, whatever the distance between cells.
    labels, at = _sparse_rows(sorted({i for i, _ in used}))
    n_rows = len(labels)
    cols = sorted({j for _, j in used})
    where = {j: p for p, j in enumerate(cols)}
    grid_values = np.full((n_rows, len(cols)), None, dtype=object)
    percent = np.zeros((n_rows, len(cols)), dtype=bool)
    formula = np.full((n_rows, len(cols)), None, dtype=object)
    scaled = np.full((n_rows, len(cols)), None, dtype=object)
    stated = np.full((n_rows, len(cols)), None, dtype=object)
    dates = np.full((n_rows, len(cols)), None, dtype=object)
    blank = np.zeros((n_rows, len(cols)), dtype=bool)
    disguised = np.full((n_rows, len(cols)), None, dtype=object)
    misdated = np.full((n_rows, len(cols)), None, dtype=object)
    grouped = np.zeros((n_rows, len(cols)), dtype=bool)
    thousands = np.zeros((n_rows, len(cols)), dtype=bool)
    for i, j, cell in stored:  # stored cells only
        if i in at and j in where:
            dates[at[i], where[j]] = _date_text(cell.value)
            odd_date = _misdated(cell.value, cell.number_format)
            if odd_date is not None:
                misdated[at[i], where[j]] = odd_date
                grid_values[at[i], where[j]] = cell.value
                continue
            blank[at[i], where[j]] = _shows_nothing(cell.value, cell.number_format)
            v, scale = _formatted(cell.value, cell.number_format)
            disguised[at[i], where[j]] = _disguised_year(v, cell.number_format)
            grid_values[at[i], where[j]] = v
            percent[at[i], where[j]] = scale == "percent"
            if scale == "ambiguous":
                scaled[at[i], where[j]] = cell.number_format
            stated[at[i], where[j]] = _format_affixes(v, cell.number_format)
            grouped[at[i], where[j]] = scale == "plain" and _groups_whole(
                v, cell.number_format
            )
            thousands[at[i], where[j]] = scale == "plain" and _groups_thousands(
                v, cell.number_format
            )
    for (i, j), f in pending.items():
        formula[at[i], where[j]] = f
    merged = np.full((n_rows, len(cols)), None, dtype=object)
    col_numbers = np.array(cols, dtype=np.int64)
    held = np.array(sorted(at), dtype=np.int64)
    for r0, c0, r1, c1, ref in _merged_ranges(data, sheet_name, what):
        # The cells a merged range covers, within the grid, but its first.
        inside = np.flatnonzero((col_numbers >= c0) & (col_numbers <= c1))
        lo, hi = np.searchsorted(held, [r0, r1 + 1])
        for i in held[lo:hi].tolist():
            for p in inside:
                if (i, int(col_numbers[p])) != (r0, c0):
                    merged[at[i], p] = ref
    from openpyxl.utils import get_column_letter

    grid = pd.DataFrame(grid_values, index=pd.Index(labels, dtype=object), dtype=object)
    return _Read(
        grid=grid,
        percent=percent,
        formula=formula,
        scaled=scaled,
        stated=stated,
        merged=merged,
        columns=tuple(get_column_letter(j) for j in cols),
        dates=dates if (dates != None).any() else None,  # noqa: E711
        blank=blank if blank.any() else None,
        disguised=disguised if (disguised != None).any() else None,  # noqa: E711
        misdated=misdated if (misdated != None).any() else None,  # noqa: E711
        grouped=grouped if grouped.any() else None,
        thousands=thousands if thousands.any() else None,
        recalc=placeholders,
        hidden=_hidden_names(
            [r for r in hidden.get("rows", []) if r in at],
            [get_column_letter(j) for j in hidden.get("columns", []) if j in where],
        ),
    )


def _placeholder_results(data: bytes) -> str:
    """Why the results an .xlsx workbook stores with its formulas are placeholders.

    Its ``<calcPr>`` asks to be recalculated on load (``fullCalcOnLoad="1"``
    or "true", as XlsxWriter writes every file), to be recalculated in full
    (``forceFullCalc="1"``), or sets manual calculation without a
    recalculation on save (``calcMode="manual" calcOnSave="0"``, as
    XlsxWriter's ``set_calc_mode("manual")`` writes it): the results
    stored with its formulas were never computed (XlsxWriter stores 0 with
    each). Returns the reason as messages name it ("" for none: a workbook
    in manual mode saved by Excel, calcOnSave absent or true, was
    recalculated on saving and keeps its results). Read from the
    workbook part itself, the main document that ``[Content_Types].xml``
    names (``xl/workbook.xml`` as programs write it): openpyxl's
    ``wb.calculation`` gives fullCalcOnLoad True for a ``<calcPr>``
    without the attribute (its default), as Excel and LibreOffice write
    it.
    """
    import zipfile

    from openpyxl.xml.functions import fromstring

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            part = "xl/workbook.xml"
            for node in fromstring(z.read("[Content_Types].xml")):
                kind = str(node.get("ContentType", ""))
                if kind.endswith(".main+xml") and (
                    "spreadsheetml" in kind or "ms-excel" in kind
                ):
                    part = str(node.get("PartName", "")).lstrip("/")
            root = fromstring(z.read(part))
    except (KeyError, OSError, SyntaxError, ValueError, zipfile.BadZipFile):
        return ""  # read as before: openpyxl has read the workbook
    for node in root:
        if not str(node.tag).endswith("}calcPr"):
            continue
        flag = {k: str(v).strip() for k, v in node.attrib.items()}.get
        if flag("fullCalcOnLoad") in ("1", "true"):
            return 'asks to be recalculated on load, <calcPr fullCalcOnLoad="1"/>'
        if flag("forceFullCalc") in ("1", "true"):
            return 'asks to be recalculated in full, <calcPr forceFullCalc="1"/>'
        if flag("calcMode") == "manual" and flag("calcOnSave") in ("0", "false"):
            return (
                "is calculated manually and was not recalculated when saved, "
                '<calcPr calcMode="manual" calcOnSave="0"/>'
            )
    return ""


def _formatted(
    value: object, fmt: object
) -> tuple[object, Literal["plain", "percent", "ambiguous"]]:
    """A cell's value as its number format shows it, and the format's scale.

    A year or date shown with literal text is that text ("September
    2022"); a date shown as its year alone is that year; a number's scale
    is that of the format's section that applies to it.
    """
    v = _with_literal_text(value, fmt)  # "September 2022"
    if isinstance(v, datetime.date) and _shows_year_only(fmt):
        v = v.year  # a date shown as "2023" is the year 2023, no month
    number = isinstance(v, int | float | np.integer | np.floating) and not isinstance(
        v, bool | np.bool_
    )
    if not number or not isinstance(fmt, str):
        return v, "plain"
    return v, _format_scale(fmt, float(cast("float", v)))


def _sparse_rows(held: list[int]) -> tuple[list[int | str], dict[int, int]]:
    """Grid rows for the sheet rows `held` (sorted, 1-based) and the gaps.

    Returns the row labels (a held row's number; a gap of one empty row its
    number, a longer run of empty rows its range "5-1048575") and the
    position of each held row in the grid.
    """
    labels: list[int | str] = []
    at: dict[int, int] = {}
    last = 0
    for i in held:
        if i - last == 2:
            labels.append(i - 1)
        elif i - last > 2:
            labels.append(f"{last + 1}-{i - 1}")
        at[i] = len(labels)
        labels.append(i)
        last = i
    return labels, at


_NO_RESULT = (
    "a formula without a stored result (a file written by a program, not "
    "saved by a spreadsheet); povstat never evaluates formulas: open and save "
    "the file in a spreadsheet program, or paste values"
)
#: The same, in a workbook whose stored results are placeholders (its
#: <calcPr>, as ``_placeholder_results`` names it, fills the braces).
_NO_RESULT_RECALC = (
    "a formula without a stored result (the workbook {}: a result it "
    "stores with a formula is a placeholder, never computed, as the 0 "
    "XlsxWriter, and pandas' to_excel with it, stores for each); povstat "
    "never evaluates formulas: open and save the file in a spreadsheet "
    "program (recalculating it), or paste values"
)


def _no_result(read: _Read) -> str:
    """Why a formula cell of `read` has no stored result, for messages."""
    return _NO_RESULT_RECALC.format(read.recalc) if read.recalc else _NO_RESULT


#: Literal parts of an Excel number format: text in quotes, an escaped
#: character, [colour]/[condition] blocks, and the character after "_"
#: (padding as wide as it) or "*" (repeated to fill the cell).
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].')
#: A comma after a digit placeholder and not between two of them (ECMA-376
#: Part 1, 18.8.31 numFmts: "a comma following a digit placeholder scales
#: the number by 1000"; between placeholders it is the thousands separator):
#: Excel shows the number divided by 1000 per comma, at the end of the
#: section ("#,##0.00," shows 4617010 as 4,617.01), before the decimal point
#: ("#,##0,.0" shows 4370 as 4.4), before text or a "%" ('0,"rb"', "0,%").
_SCALING_COMMA = re.compile(r"[0#?.],(?![0#?])")


#: A condition block of an Excel number format section: "[<1]", "[>=100]".
_CONDITION = re.compile(r"\[\s*(?:<>|<=|>=|<|>|=)\s*-?[0-9.]+(?:[eE][-+]?[0-9]+)?\s*\]")


def _format_scale(
    fmt: object, value: float = 1.0
) -> Literal["plain", "percent", "ambiguous"]:
    """How an Excel number format scales what it shows for `value`.

    "percent": times 100 with a "%" (``0.00%``). "ambiguous": shown scaled by
    another factor, ``%%`` (times 10000) or a thousands-scaling comma
    (``#,##0.00,``, ``0,.00``, ``0,%``: a comma after a digit placeholder
    and not between two of them, divided by 1000): the value is not read
    as shown. "plain":
    shown as it is (a "%" in quotes, escaped, or after ``_`` or ``*`` is text,
    padding or fill, not a scale).

    Only the section Excel applies to `value` decides: the first for a
    positive number (and for all numbers if there is one section), the
    second for a negative one, the third for zero; the fourth is for text
    and never applies to a number. A format with conditions ("[<1]0.00%;0.00")
    is "ambiguous" when its sections differ in scale: which section applies
    is not worked out from the conditions.
    """
    if not isinstance(fmt, str):
        return "plain"
    raw = _format_sections(fmt)
    sections = [_QUOTED.sub("", s) for s in raw]

    def scale(s: str) -> Literal["plain", "percent", "ambiguous"]:
        if s.count("%") > 1 or _SCALING_COMMA.search(s):
            return "ambiguous"
        return "percent" if "%" in s else "plain"

    numeric = sections[:3]
    if any(_CONDITION.search(s) for s in raw[:3]):
        scales = {scale(s) for s in numeric}
        return scales.pop() if len(scales) == 1 else "ambiguous"
    if value < 0 and len(numeric) >= 2:
        return scale(numeric[1])
    if value == 0 and len(numeric) >= 3:
        return scale(numeric[2])
    return scale(numeric[0])


#: A number format section that writes text around a whole number or a
#: year: '"September "0' shows 2022 as "September 2022", '0" (Maret)"' as
#: "2022 (Maret)", '"Semester 2 "yyyy' a date's year after "Semester 2 ".
_LITERAL_FORMAT = re.compile(
    r'^"(?P<pre>[^"]*)"(?:0|yyyy)$|^(?:0|yyyy)"(?P<post>[^"]*)"$', re.IGNORECASE
)
_FORMAT_TAG = re.compile(r"\[[^\]]*\]")
_CONDITION = re.compile(r"\[(?P<op><=|>=|<>|<|>|=)(?P<num>-?[0-9.]+)\]")


def _format_section(fmt: str, value: float) -> str:
    """The section of an Excel number format that applies to `value`."""
    sections = fmt.split(";")
    conds = [_CONDITION.search(sec) for sec in sections[:2]]
    if conds[0] is not None:
        ops = {
            "<": value.__lt__, ">": value.__gt__, "=": value.__eq__,
            "<=": value.__le__, ">=": value.__ge__, "<>": value.__ne__,
        }  # fmt: skip
        for sec, c in zip(sections[:2], conds, strict=False):
            if c is not None and ops[c["op"]](float(c["num"])):
                return sec
        return sections[2] if len(sections) > 2 else sections[-1]
    if value < 0 and len(sections) > 1:
        return sections[1]
    if value == 0 and len(sections) > 2:
        return sections[2]
    return sections[0]


#: The parts of a number format section, for rendering a header cell.
_FORMAT_PART = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|_(?P<pad>.)|\*(?P<fill>.)'
    r"|(?P<general>general)|(?P<digits>[0#?]+(?:,[0#?]+)*)|(?P<year>y+)|(?P<text>@)"
    r"|(?P<month>m{3,4}(?!m))"
    r"|(?P<other>.)",
    re.IGNORECASE | re.DOTALL,
)
#: Characters Excel shows as themselves in a number format, unquoted.
_FORMAT_LITERAL = frozenset(" $-+/():!^&'~{}<>=")


#: Words that name a survey round, besides the months.
_ROUND_WORDS = frozenset({"semester", "smt", "sem", "tahunan", "annual"})


def _render_format(
    section: str,
    shown: str,
    *,
    date: bool,
    text: bool,
    literal: bool = False,
    month: int | None = None,
) -> str | None:
    """The text a format section shows for `shown` (a year or a text cell).

    Quoted strings, backslash escapes and Excel's literal characters are
    shown as written, ``_x`` as a space, ``*x`` not at all; one placeholder
    (``0``, ``#``, ``#,##0`` (a year's digits, not grouped), ``General``;
    ``yyyy`` for a date; ``@`` for text) shows `shown`. None if the
    section holds any other code (a decimal point, a scaling comma, a
    day): the cell is then read as stored. A date's month name (``mmm``,
    ``mmmm``) shows as the name of `month` (in full, so that every reader
    of the text knows it). With `literal`, a section of
    literal text alone (``"2023"``, no placeholder) shows that text.
    """
    out: list[str] = []
    placeholders = 0
    for m in _FORMAT_PART.finditer(section):
        kind = m.lastgroup
        part = m[kind] if kind is not None else ""
        if kind in ("quoted", "escaped"):
            out.append(part)
        elif kind == "pad":
            out.append(" ")
        elif kind == "fill":
            continue
        elif kind == "month" and date and month is not None:
            out.append(_MONTH_TEXT[month - 1])
        elif kind == "other" and part in _FORMAT_LITERAL:
            out.append(part)
        elif (
            (kind == "text" and text)
            or (kind in ("general", "digits") and not text and not date)
            or (kind == "year" and date and len(part) in (3, 4))
        ):
            placeholders += 1
            out.append(shown)
        else:
            return None
    if placeholders == 1 or (literal and placeholders == 0 and "".join(out).strip()):
        return "".join(out)
    return None


def _with_literal_text(value: object, fmt: object) -> object:
    """A whole number, a date or a text shown with literal text, as shown.

    The section of the format that applies to the value is taken (colour,
    locale and condition tags aside; the fourth, text, section for a text
    cell); its literal parts (quoted, escaped, after ``General``) are shown
    around the number, the date's year or the text. Anything else is
    returned as is, and so is text that names no period ("Tahun 2022").
    """
    if not isinstance(fmt, str) or fmt == "General" or isinstance(value, bool):
        return value
    sections = _format_sections(fmt)
    if isinstance(value, str):
        if len(sections) < 4 and (len(sections) > 1 or "@" not in fmt):
            return value
        number, shown = 0.0, value.strip()
        section = sections[3] if len(sections) >= 4 else sections[0]
    elif isinstance(value, datetime.date):
        number, shown = float(value.year), str(value.year)
    elif isinstance(value, int | float) and float(value).is_integer():
        number, shown = float(value), str(int(value))
    else:
        return value
    if not isinstance(value, str):
        section = _format_section(fmt, number)
    year = re.fullmatch(r"(?:19|20)[0-9]{2}", shown) is not None
    rendered = _render_format(
        _FORMAT_TAG.sub("", section).strip(),
        shown,
        date=isinstance(value, datetime.date),
        text=isinstance(value, str),
        literal=year,
        month=value.month if isinstance(value, datetime.date) else None,
    )
    if rendered is None or rendered.strip() == shown:
        return value
    text = " ".join(rendered.split())
    shows_month = isinstance(value, datetime.date) and (
        re.search(r"(?<!m)m{3,4}(?!m)", _QUOTED.sub("", section).lower()) is not None
    )
    if shows_month and _period(text) is not None:
        return value  # "March 2022" ("mmmm yyyy"): the date, read as before
    # A year is read as the text shown, as that text typed would be: one
    # naming a period ("September 2022", or "2023" from a format of literal
    # text alone) replaces the value, and text with a mark ("2022 r)",
    # "2022 *", a date's "March 2022 r)" from 'mmmm yyyy" r)"') or naming
    # a round that is no period ("Maret 2022 (September)") is refused as a
    # header, never read as the bare year or its month. Only "Tahun 2022"
    # (the year 2022 with the word for year) keeps the value, read as a
    # year. Other numbers keep their value.
    if _period(text) is not None:
        return text
    if year and re.sub(r"\btahun\b|\byear\b", "", text.lower()).strip() != shown:
        # Refused as a header: quoted as Excel shows it, digits grouped as
        # the format groups them ("$2,022" from "$#,##0").
        excel = (
            None
            if isinstance(value, str | datetime.date)
            else _shown_number(number, section)
        )
        return " ".join(excel.split()) if excel else text
    return value


def _unit_words(unit: str) -> str:
    """Regex of the words of `unit` in parsing's one list (``_UNITS``)."""
    return rf"(?:{_alternation([w for w, u in _UNITS.items() if u == unit])})(?![a-z])"


#: Households, a count in ones as persons are: "(Rumah Tangga)", "(ruta)",
#: "(households)".
_HOUSEHOLD_WORDS = _unit_words("households")
#: Families, counted by their heads: "(KK)" (kepala keluarga, heads of a
#: family), "(Keluarga)", "(families)"; a household may hold several.
_FAMILY_WORDS = _unit_words("families")
#: A unit of households or families, each a count in ones.
_HOUSEHOLDS = rf"(?:{_HOUSEHOLD_WORDS}|{_FAMILY_WORDS})"

#: A unit or multiplier word, as in a number typed with it ("ribu jiwa").
_STATED_WORD = re.compile(rf"(?<![a-z])(?:{_MULT_RE}|{_UNIT_RE})", _WORD_FLAGS)


#: The parts of a number format section, for the text it shows around a
#: number: a quoted string, an escaped character, a currency or symbol tag
#: ("[$Rp-421]", "[$%]": the text before the "-"), another tag (colour,
#: condition, locale: shows nothing), padding ("_)": a space), fill ("* ":
#: nothing), a number code (digits, decimal point, thousands comma, a
#: fraction's "/", an exponent), "%" (the percent scale), a backslash
#: ending the format (escaping nothing) or a character shown as itself.
_AFFIX_PART = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|\[\$(?P<symbol>[^\]-]*)(?:-[^\]]*)?\]'
    r"|(?P<tag>\[[^\]]*\])|_(?P<pad>.)|\*(?P<fill>.)"
    r"|(?P<number>general|[0#?.,/@]|[eE][-+])|(?P<percent>%)|(?P<tag_end>\\$)"
    r"|(?P<other>.)",
    re.IGNORECASE | re.DOTALL,
)
#: Literal text that is only a sign's notation ("-", "(5)", the accounting
#: format's escaped parentheses): not read, the sign is the value's.
_SIGN_NOTATION = frozenset("-+()\u2212")


@frozen
class _InsteadOfNumber:
    """What a number format shows in place of a number.

    `text`: the text its section shows instead (``"…"``; ``""`` for an
    empty section, ``;;;``, which hides the number). `unsigned`: the
    section for negative numbers shows the number without its sign
    (``0.00;0.00`` shows -0.25 as "0.25").
    """

    text: str
    unsigned: bool = False
    shows: str = ""  # for messages: what the cell shows ("-", "minus 0.25")


def _format_affixes(
    value: object, fmt: object
) -> tuple[str, str] | _InsteadOfNumber | None:
    """The text a number format shows before and after a number, if any.

    The section of the format that applies to the number (colour, locale
    and condition tags aside) is read as Excel shows it: quoted strings,
    escaped characters, the symbol of a currency tag (``[$Rp-421]`` shows
    "Rp", ``[$%]`` a "%" that does not scale) and characters shown as
    themselves, before or after the number's digits; padding (``_)``) as
    a space; a percent format's "%" where it stands. None if the format
    shows no text but spaces, the percent sign of a percent format and a
    sign's notation ("-", parentheses), and for text, dates and booleans:
    the cell is then read as the number. A section that shows no digits
    (``"…"``, or nothing) or a negative number without its sign gives
    `_InsteadOfNumber`.
    """
    number = isinstance(
        value, int | float | np.integer | np.floating
    ) and not isinstance(value, bool | np.bool_)
    if not number or not isinstance(fmt, str) or fmt.lower() == "general":
        return None
    section = _format_section(fmt, float(cast("float", value)))
    bare = _FORMAT_TAG.sub("", _QUOTED.sub("", re.sub(r"\\.", "", section)))
    if re.search(r"[ymdhs]", bare, re.IGNORECASE):
        return None  # a date or time format: read as a date elsewhere
    parts: tuple[list[str], list[str]] = ([], [])
    shown = False  # literal text besides spaces, signs and a scaling "%"
    signed = False  # the section writes a sign ("-", parentheses)
    notation: list[str] = []  # those sign characters, as written
    after = 0  # 0 before the number's codes, 1 after them
    for m in _AFFIX_PART.finditer(section):
        kind = m.lastgroup
        if kind == "number":
            after = 1
            continue
        if kind in ("tag", "fill", "tag_end") or kind is None:
            continue
        part = " " if kind == "pad" else m[kind]
        if kind != "percent" and part.strip() and set(part.strip()) <= _SIGN_NOTATION:
            signed = True
            notation.append(part.strip())
            continue  # "-", "(" and ")" of a negative number's section
        shown = shown or (kind != "percent" and bool(part.strip()))
        parts[after].append(part)
    if not after:
        # No digits, text or date codes: the section shows its text alone,
        # but a dash alone for zero is the accounting notation of 0.
        text = "".join(parts[0]).strip()
        if not text and signed and float(cast("float", value)) == 0:
            return None
        if signed and float(cast("float", value)) == 0 and "".join(notation) == "-":
            # A dash for zero after the currency of an accounting format
            # ("Rp -" from '_-[$Rp-421]* "-"_-'): 0 in that currency, as
            # the format's other sections show their numbers ("Rp 0").
            return "".join(parts[0]), ""
        return _InsteadOfNumber(text=text, shows=text or "".join(notation))
    own_negative = len(_format_sections(fmt)) > 1 and _CONDITION.search(fmt) is None
    if float(cast("float", value)) < 0 and own_negative and not signed:
        magnitude = format(Decimal(repr(abs(float(cast("float", value))))), "f")
        shows = f"{''.join(parts[0])}{magnitude}{''.join(parts[1])}" if shown else ""
        return _InsteadOfNumber(text="", unsigned=True, shows=shows.strip())
    if not shown:
        return None
    return "".join(parts[0]), "".join(parts[1])


def _affixed_text(value: float, affixes: tuple[str, str], locale: str) -> str:
    """`value` written in `locale` between the text its format shows."""
    digits = format(Decimal(repr(abs(float(value)))), "f")
    if locale == "id":
        digits = digits.replace(".", ",")
    sign = "-" if value < 0 else ""
    return f"{affixes[0]}{sign}{digits}{affixes[1]}"


#: The spellings of a unit text brought to one: (pattern, replacement),
#: applied in order to the lower-cased text. Curly quotes and the
#: multiplication sign as typed ("(\u2018000)", "(\u00d71000)"); spaces inside the
#: brackets and between digit groups ("( 000 jiwa )", "(x 1 000)"); "000's";
#: the plural and abbreviated words ("ribuan", "jutaan", "thousands",
#: "org"); the words around the unit ("dalam persen": in percent, "satuan:
#: persen": unit, "in percent"); an English translation after a slash
#: ("(persen/percent)", "(ribu jiwa/thousand people)").
_UNIT_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("[\u2018\u2019\u201b\u2032`]", "'"),
    ("\u00d7", "x"),
    # The English singular "(Person)" as the plural, never as the "per
    # person" of "(IDR/Person/Month)".
    (r"(?<![a-z/])(?<!/ )person(?![a-z])", "persons"),
    (r"\s+", " "),
    (r"(?<=[(\[]) | (?=[)\]])", ""),
    (r"(?<=[0-9]) (?=000(?![0-9]))", ""),
    (r"(?<=000)'s(?![a-z])", ""),
    (r"(?<![a-z])(ribu|juta|thousand|million|billion)(?:an|s)(?![a-z])", r"\1"),
    (r"(?<![a-z])org(?![a-z])", "orang"),
    # "(penduduk)" (residents): a count of persons, as "(jiwa)".
    (r"(?<![a-z])penduduk(?![a-z])", "jiwa"),
    # "(individu)" (individuals): persons too.
    (r"(?<![a-z])individu(?![a-z])", "jiwa"),
    # BPS's abbreviations of the multipliers: "(rb jiwa)", "(jt rupiah)".
    (r"(?<![a-z])rb\.?(?![a-z])", "ribu"),
    (r"(?<![a-z])jt\.?(?![a-z])", "juta"),
    (r"^([(\[]?)(?:satuan ?: ?|dalam |in )", r"\1"),
    # "(Rp./Kapita/Bulan)", "(Rp./kap./bln)": abbreviations with a dot.
    (r"(?<![a-z])(rp|kap|bln|kapita|bulan)\.", r"\1"),
    # "(Rp per kapita per bulan)", "(rupiah per kapita sebulan)".
    (r"(?<![a-z])sebulan(?![a-z])", "per bulan"),
    (
        r" per (?=(?:kapita|kap|capita|orang|person|bulan|bln|month|tahun|year"
        # "(Jiwa per Rumah Tangga)", "(Persons per Household)": per household
        r"|rumah tangga|ruta|households?|kk|famil(?:y|ies))(?![a-z]))",
        "/",
    ),
    # A multiplier after the rupiah ("(Rp 000)", "(Rp ribu)": thousands of
    # rupiah) is written before it, as "(000 Rp)" and "(ribu rupiah)" are.
    (r"(?<![a-z])(rp|rupiah|idr) ('?000|ribu|juta)(?![a-z0-9])", r"\2 \1"),
    (
        r" ?/ ?(?:(?:thousand|million|billion)(?: |(?=[)\]]|$)))?"
        r"(?:percent|per cent|persons|people|rupiah)?(?=[)\]]?$)",
        "",
    ),
)


def _unit_spelling(text: pd.Series[Any]) -> pd.Series[Any]:
    """Unit texts in one spelling (see ``_UNIT_SPELLINGS``), stripped.

    A footnote mark after a unit ("(jiwa)*", "(jiwa)\u00b9", "(jiwa) 1)",
    "(Rp/kapita/bulan)*)") is read past, as after a region's name: the text
    is the unit's.
    """
    low = _spelled(text.astype(str).str.strip().str.lower())
    odd = ~low.str.fullmatch(_UNIT_CELL).to_numpy(dtype=bool, na_value=False)
    for i in np.flatnonzero(odd).tolist():  # cells that are no unit as written
        m = _MARK.match(str(text.iloc[i]).strip())
        if m is None or not (
            re.search("[a-z%]", m["name"], re.IGNORECASE)
            # "(000)¹": thousands in digits, in brackets, marked.
            or re.fullmatch(r"\s*[(\[]'?000[)\]]\s*", m["name"])
        ):
            continue
        name = _spelled(pd.Series([m["name"].strip().lower()], dtype=object))
        if name.str.fullmatch(_UNIT_CELL).iloc[0]:
            low.iloc[i] = name.iloc[0]
    # A unit written in two languages, each in its brackets
    # ("(Rupiah/Kapita/Bulan)/(IDR/Capita/Month)", "(jiwa) / (persons)"),
    # is its first spelling where both halves state one unit and scale;
    # halves stating different units are no unit.
    for i in np.flatnonzero(odd).tolist():
        two = _TWO_SPELLINGS.fullmatch(str(low.iloc[i]))
        marked = _MARK.match(str(text.iloc[i]).strip())
        if two is None and marked is not None:  # "(...)/(...)*": marked
            two = _TWO_SPELLINGS.fullmatch(marked["name"].strip().lower())
        if two is None:
            continue
        halves = _spelled(pd.Series([two[1], two[2]], dtype=object))
        if not halves.str.fullmatch(_UNIT_CELL).all():
            continue
        (u1, m1), (u2, m2) = (_stated_scale(str(h)) for h in halves)
        if (u1.split("/")[0], m1) == (u2.split("/")[0], m2):
            low.iloc[i] = halves.iloc[0]
    return low


#: Two bracketed unit texts joined by a slash: one unit in two languages.
_TWO_SPELLINGS = re.compile(r"([(\[][^()\[\]]*[)\]])\s*/\s*([(\[][^()\[\]]*[)\]])")


def _spelled(low: pd.Series[Any]) -> pd.Series[Any]:
    """Lower-cased unit texts in one spelling, stripped."""
    for pattern, repl in _UNIT_SPELLINGS:
        low = low.str.replace(pattern, repl, regex=True)
    return low.str.strip()


#: Thousands in digits in a unit text: "000", "'000", "x 1000", "x1.000".
_ROW_THOUSANDS = re.compile(r"(?:^|(?<=[\s(]))(?:'?000|x\s*1((?:[.,]?000)+))(?![0-9])")


def _stated_scale(text: str) -> tuple[str, float]:
    """The unit and multiplier a unit text names: "(ribu jiwa)" is persons, 1000.

    Thousands may be written in digits ("(000 jiwa)", "(x 1.000)"), the
    unit in square brackets ("[persen]") or after "Satuan:" (unit).

    The unit is "" if none is named; "Rp" is rupiah. A unit written per
    something ("Rupiah/Kapita/Bulan") keeps that part: "rupiah/kapita/bulan".
    """
    low = str(_unit_spelling(pd.Series([text], dtype=object)).iloc[0])
    low = re.sub(r"^satuan\s*:\s*", "", low).strip("()[] ")
    mult = 1.0
    unit = ""
    # thousands in digits: "000", "'000", "x 1000", "x1.000", "x 1.000.000"
    for m in _ROW_THOUSANDS.finditer(low):
        mult *= 1000.0 ** (m[1].count("000") if m[1] else 1)
    at = len(low)
    for m in _STATED_WORD.finditer(low):
        word = " ".join(m[0].split())
        if word in _MULTIPLIERS:
            mult *= 10.0 ** _MULTIPLIERS[word]
        elif not unit:
            unit, at = _UNITS.get(word, word), m.start()
    # "Rp" names the unit where it comes first: "(Rp/Rumah Tangga/Bulan)"
    # is rupiah per household and month, never households.
    money = re.search(r"(?<![a-z])(?:rp|idr)(?![a-z])", low)
    if money is not None and money.start() < at:
        unit = "rupiah"
    if not unit and re.search(rf"(?<![a-z]){_HOUSEHOLD_WORDS}", low):
        unit = "households"
    if not unit and re.search(rf"(?<![a-z]){_FAMILY_WORDS}", low):
        unit = "families"
    per = re.search(rf"(?:/\s*(?:{_HOUSEHOLDS}|[a-z]+)\s*)+$", low)
    if unit and per:
        unit += "".join(per[0].split())
    return unit, mult


#: The parts of a number format section, for showing a whole number as a
#: header cell: a quoted string, an escaped character, a currency tag
#: ("[$$-409]": its symbol), another tag (colour, condition, locale: shows
#: nothing), padding, fill, the number's codes (digit placeholders,
#: thousands commas, decimal point, an exponent), "%", a fraction's "/" or
#: any other character (shown as itself).
_SHOWN_PART = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|\[\$(?P<symbol>[^\]-]*)(?:-[^\]]*)?\]'
    r"|(?P<tag>\[[^\]]*\])|_(?P<pad>.)|\*(?P<fill>.)|(?P<general>general)"
    r"|(?P<number>[0#?,.]+(?:[eE][-+][0#?]+)?)|(?P<percent>%)|(?P<fraction>/)"
    r"|(?P<other>.)",
    re.IGNORECASE | re.DOTALL,
)


def _shown_number(value: float, section: str) -> str | None:
    """The text an Excel number format section shows for `value`.

    Digit placeholders (``0`` pads with zeros), a thousands comma between
    them ("2,022"), a scaling comma after them (divides by 1000), decimals,
    ``%`` (times 100, shown), an exponent (``0.00E+00``: "2.02E+03"),
    quoted and escaped text, a currency tag's symbol; the format is shown as
    written (a decimal point, a comma separator), not in a locale's
    display. None for a format it does not show (a fraction, a date code,
    two numbers).
    """
    before: list[str] = []
    after: list[str] = []
    code = ""
    for m in _SHOWN_PART.finditer(section):
        kind = m.lastgroup
        part = m[kind] if kind is not None else ""
        if kind in ("number", "general"):
            if code:
                return None
            code = "0" if kind == "general" else part
            continue
        if kind == "fraction" or (kind == "other" and part.isalpha()):
            return None  # a fraction, a date or time code
        shown = {"tag": "", "fill": "", "pad": " "}.get(str(kind), part)
        (after if code else before).append(shown)
    if not code or not re.search(r"[0#?]", code):
        return None
    v = float(value) * 100.0 ** ("".join(before + after).count("%"))
    mantissa, _, exponent = (
        re.split(r"([eE][-+])", code, maxsplit=1)
        + ["", ""][: 2 if re.search(r"[eE][-+]", code) is None else 0]
    )
    integer, _, decimals = mantissa.partition(".")
    scaling = len(integer) - len(integer.rstrip(","))
    v /= 1000.0**scaling
    integer = integer.rstrip(",")
    n_dec = len(re.findall(r"[0#?]", decimals))
    min_int = integer.count("0")
    if exponent:
        sign = code[len(mantissa) + 1]
        e = int(np.floor(np.log10(abs(v)))) if v else 0
        digits = f"{v / 10.0**e:.{n_dec}f}"
        shown_exp = f"{abs(e):0{max(len(exponent), 1)}d}"
        esign = "-" if e < 0 else ("+" if sign == "+" else "")
        number = f"{digits}E{esign}{shown_exp}"
    else:
        grouped = "," in integer
        number = f"{abs(v):{',' if grouped else ''}.{n_dec}f}"
        whole, dot, frac = number.partition(".")
        if min_int == 0 and whole == "0":
            whole = ""
        elif len(whole.replace(",", "")) < min_int:
            whole = whole.zfill(min_int)
        number = ("-" if v < 0 else "") + whole + dot + frac
    return "".join(before) + number + "".join(after)


def _disguised_year(value: object, fmt: object) -> str | None:
    """What a number format shows for a year instead of the year, or None.

    A whole number that is a year (1900-2099), shown by its format's
    section as text that does not read as that year (as the text typed in
    a header would): "202200%" (``0%``), "2.02E+03" (``0.00E+00``),
    "$2,022" (``[$$-409]#,##0``), "02022" (``00000``), "2" (``#,##0,``).
    A format showing the year's digits in order gives None: the plain year,
    the year with zero decimals ("2022.00", read as typed "2022.00" is)
    or with a thousands separator ("2,022", ``#,##0``: a separator only
    groups the digits shown); and so does one not rendered here (a
    fraction, literal text: see ``_with_literal_text``).
    """
    if (
        not isinstance(value, int | float | np.integer | np.floating)
        or isinstance(value, bool | np.bool_)
        or not isinstance(fmt, str)
        or fmt.lower() == "general"
    ):
        return None
    v = float(value)
    if not (v.is_integer() and 1900 <= v <= 2099):
        return None
    shown = _shown_number(v, _format_section(fmt, v))
    if shown is None:
        return None
    return None if _shows_year(shown, int(v)) else shown


def _shows_year(shown: str, year: int) -> bool:
    """Whether a header cell's text shows `year` as typed text naming it would.

    A thousands separator between the digits ("2,022", "2.022") only groups
    them: the text is read without it.
    """
    ungrouped = re.sub(r"(?<=[0-9])[,.](?=[0-9]{3}(?![0-9]))", "", shown)
    for text in (shown, ungrouped):  # "2022.000": zero decimals, not grouping
        try:
            period = _period(" ".join(text.split()))
        except ValueError:
            continue
        if period is not None and period[:2] == (year, None):
            return True
    return False


#: The codes of an Excel date or time format section, and literal text: a
#: quoted string, an escaped character, a tag (elapsed time "[h]", "[mm]";
#: colour and locale tags show nothing), fractions of a second, padding,
#: fill, AM/PM, a year, month or minute, day, hour or second code.
_DATE_PART = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|\[(?P<elapsed>h+|m+|s+)\]'
    r"|(?P<tag>\[[^\]]*\])|(?P<frac>\.0+)|_(?P<pad>.)|\*(?P<fill>.)"
    r"|(?P<ampm>am/pm|a/p)|(?P<code>y+|e|m+|d+|h+|s+)|(?P<other>.)",
    re.IGNORECASE | re.DOTALL,
)
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAY_NAMES = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]
#: Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01; serials from
#: 61 on count from here, past the 29 February 1900 Excel counts).
_EXCEL_EPOCH = datetime.datetime(1899, 12, 30)


def _shown_date(value: object, fmt: str) -> str | None:
    """The text an Excel date or time format shows for a date, or None.

    `value` is the date or time a reader made of the stored number (a
    `datetime.datetime`, `datetime.date`, `datetime.time` or
    `datetime.timedelta` for an elapsed time, ``[h]``). Month and day names
    are shown in English, as Excel's default locale does; "m" after an hour
    or before a second is minutes. None for a value of another type.
    """
    if isinstance(value, datetime.timedelta):
        start = _EXCEL_EPOCH
        at = start + value
        elapsed = value.total_seconds()
    elif isinstance(value, datetime.datetime):
        at, elapsed = value, (value - _EXCEL_EPOCH).total_seconds()
    elif isinstance(value, datetime.date):
        at = datetime.datetime(value.year, value.month, value.day)
        elapsed = (at - _EXCEL_EPOCH).total_seconds()
    elif isinstance(value, datetime.time):
        at = datetime.datetime.combine(_EXCEL_EPOCH.date(), value)
        elapsed = (at - _EXCEL_EPOCH).total_seconds()
    else:
        return None
    parts = list(_DATE_PART.finditer(_format_sections(fmt)[0]))
    kinds = [m.lastgroup for m in parts]
    codes = [i for i, k in enumerate(kinds) if k in ("code", "elapsed")]
    twelve = "ampm" in kinds
    out: list[str] = []
    for i, m in enumerate(parts):
        kind, part = m.lastgroup, m[m.lastgroup or 0]
        low = part.lower()
        if kind == "code" and low[0] == "m":
            k = codes.index(i)
            before = parts[codes[k - 1]][0].lower() if k else ""
            after = parts[codes[k + 1]][0].lower() if k + 1 < len(codes) else ""
            minute = len(low) <= 2 and ("h" in before or "s" in after)
            if minute:
                out.append(f"{at.minute:0{len(low)}d}")
            elif len(low) <= 2:
                out.append(f"{at.month:0{len(low)}d}")
            else:
                name = _MONTH_NAMES[at.month - 1]
                out.append({3: name[:3], 4: name}.get(len(low), name[0]))
        elif kind == "code" and low[0] in "ye":
            out.append(f"{at.year % 100:02d}" if len(low) <= 2 else f"{at.year}")
        elif kind == "code" and low[0] == "d":
            name = _DAY_NAMES[at.weekday()]
            out.append(
                f"{at.day:0{len(low)}d}"
                if len(low) <= 2
                else (name[:3] if len(low) == 3 else name)
            )
        elif kind == "code" and low[0] == "h":
            hour = (at.hour % 12 or 12) if twelve else at.hour
            out.append(f"{hour:0{min(len(low), 2)}d}")
        elif kind == "code":  # seconds
            out.append(f"{at.second:0{min(len(low), 2)}d}")
        elif kind == "elapsed":
            per = {"h": 3600, "m": 60, "s": 1}[low[0]]
            out.append(f"{int(elapsed // per):0{len(low)}d}")
        elif kind == "ampm":
            am = at.hour < 12
            out.append(("AM" if am else "PM") if len(low) > 3 else ("A" if am else "P"))
        elif kind == "frac":
            out.append("." + f"{at.microsecond:06d}"[: len(part) - 1])
        elif kind in ("quoted", "escaped", "other"):
            out.append(part)
        elif kind == "pad":
            out.append(" ")
    return "".join(out)


def _ods_serial(stored: str) -> int | None:
    """The day count of an .ods date value if it is a year (1900-2099), or None.

    LibreOffice, like Excel, counts days from 1899-12-30: 2022 typed in a
    cell with a date style is the date 1905-07-14.
    """
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T00:00:00(?:\.0*)?)?", stored)
    if m is None:
        return None
    try:
        day = datetime.datetime(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    serial = (day - _EXCEL_EPOCH).days
    return serial if 1900 <= serial <= 2099 else None


def _check_misdated(
    misdated: np.ndarray[Any, Any],
    layout: _Layout,
    index: pd.Index[Any],
    letters: Sequence[str],
) -> None:
    """Refuse header cells holding a date their format shows as no period."""
    rows = np.asarray(layout.header_rows, dtype=np.intp)
    found = [
        f"cell {letters[j]}{_label(index[rows[i]])} {misdated[rows[i], j][1]}"
        for i, j in np.argwhere(misdated[rows] != None)  # noqa: E711 - elementwise
    ]
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        msg = (
            "header cell(s) holding a date or time that names no period as "
            f"shown: {'; '.join(found[:3])}{more}"
        )
        raise ValueError(msg)


def _misdated(value: object, fmt: object) -> tuple[str, str] | None:
    """A header date that its format does not show as a period, or None.

    Returns the text the cell shows and why it names no period: a number
    under a date or time format is a day count (Excel's serial), so a year
    typed in a cell formatted ``yyyy``, ``d``, ``dd/mm/yyyy`` or ``h:mm``
    (2022) is the date 1905-07-14, shown "1905", "14", "14/07/1905" or
    "0:00" (an elapsed time, ``[h]``: "48528"); a date whose format shows no
    year (``d``, ``dd/mm``, ``mmmm``) shows no period to read.
    """
    if not isinstance(fmt, str):
        return None
    calendar = _calendar_refusal(value, fmt)
    if calendar is not None:
        return calendar
    shown = _shown_date(value, fmt)
    if shown is None:
        return None
    if isinstance(value, datetime.timedelta):
        serial = value.total_seconds() / 86400
    elif isinstance(value, datetime.datetime | datetime.date):
        at = (
            value
            if isinstance(value, datetime.datetime)
            else datetime.datetime(value.year, value.month, value.day)
        )
        serial = (at - _EXCEL_EPOCH).total_seconds() / 86400
    else:
        serial = None
    if serial is not None and float(serial).is_integer() and 1900 <= serial <= 2099:
        stored = _date_text(value)
        return shown, (
            f"holds the number {int(serial)} under the date or time format "
            f"{fmt!r}, which reads it as a day count, the date or time "
            f"{stored}, and shows {shown!r}: a year typed in a date-formatted "
            "cell is no year; give the cell the format General (or 0), or type "
            "the year as text"
        )
    codes = _QUOTED.sub("", _format_sections(fmt)[0]).lower()
    if "y" not in codes and "e" not in codes:
        return shown, (
            f"holds the date or time {_date_text(value)}, which its format "
            f"{fmt!r} shows as {shown!r}, without its year: a header cell is "
            "read as it shows, and that names no period; give it a format "
            "that shows the year (mmmm yyyy), or type the period as text"
        )
    return None


#: Windows calendar identifiers (CALID) of the Gregorian calendar: 0 (the
#: locale's default, Gregorian in Excel's own locales), 1 (localized), 2
#: (US English), 9-12 (Middle East French, Arabic, transliterated English
#: and French). Any other (3 Japanese Emperor Era, 4 Taiwan, 5 Korean Tangun
#: Era, 6 Hijri, 7 Thai Buddhist, 8 Hebrew, 23 Um Al Qura) numbers the years
#: otherwise.
_GREGORIAN_CALENDARS = frozenset({0, 1, 2, 9, 10, 11, 12})
_CALENDAR_NAMES = {
    3: "Japanese Emperor Era",
    4: "Taiwan",
    5: "Korean Tangun Era",
    6: "Hijri",
    7: "Thai Buddhist",
    8: "Hebrew",
    23: "Um Al Qura",
}
#: A locale tag: "[$-409]", "[$Rp-421]", "[$-1060000]", "[$-th-TH,107]".
_LOCALE_TAG = re.compile(r"\[\$[^\]-]*-(?P<locale>[^\],]*)(?:,(?P<system>[^\]]*))?\]")


def _tag_calendar(section: str) -> tuple[str, int] | None:
    """A locale tag of a format section that selects another calendar.

    The tag's hexadecimal ``xxyyzzzz`` (ECMA-376 Part 1, 18.8.31 numFmts,
    locale and calendar: ``xx`` the numerals, ``yy`` the calendar, ``zzzz``
    the language) or, in a tag with a culture name, the ``xxyy`` after its
    comma ([MS-XLSX] 2.5.4 formatCode16: "[$-th-TH,107]", calendar 7). The
    high bit of a byte only marks input and is dropped. Returns the tag and
    its calendar identifier, None if every tag keeps the Gregorian one.
    """
    for m in _LOCALE_TAG.finditer(section):
        system, locale = m["system"], m["locale"]
        if system is not None:
            try:
                calendar = int(system, 16) & 0x7F
            except ValueError:
                continue
        elif re.fullmatch(r"[0-9A-Fa-f]{1,8}", locale):
            calendar = (int(locale, 16) >> 16) & 0x7F
        else:
            continue
        if calendar not in _GREGORIAN_CALENDARS:
            return m[0], calendar
    return None


def _calendar_refusal(value: object, fmt: str) -> tuple[str, str] | None:
    """Why a date or number shown in another calendar or era is no year.

    Excel shows a date (or a number, as the date it counts) under a format
    that selects another calendar or shows an era by that calendar's year:
    ``B2`` (the Hijri calendar; ``B1`` is the Gregorian), a locale tag
    whose calendar byte is not Gregorian (``[$-th-TH,107]``,
    ``[$-1060000]``, ``[$-D07041E]``: 1 March 2022 is shown as the Thai
    Buddhist year 2565 or the Hijri year 1443), or the era codes ``e``
    (the year of the era: in a Japanese locale, 4 for 2022) and ``g`` (the
    era's name), whose year depends on the locale of the reader. Such a
    header names a year povstat does not read as shown: refused, never
    read as the Gregorian year stored. Returns (the value as stored, the
    reason), or None.
    """
    number = isinstance(
        value, int | float | np.integer | np.floating
    ) and not isinstance(value, bool | np.bool_)
    if not number and not isinstance(value, datetime.date):
        return None
    section = (
        _format_sections(fmt)[0]
        if isinstance(value, datetime.date)
        else _format_section(fmt, float(cast("float", value)))
    )
    codes = re.sub(r"general", "", _QUOTED.sub("", section).lower())
    # Only a date format shows a calendar: "[$-1060000]#,##0" shows a
    # number as the number.
    if re.search(r"[ymdhsg]|e(?![-+])|b2", codes) is None:
        return None
    tag = _tag_calendar(section)
    if tag is not None:
        name = _CALENDAR_NAMES.get(tag[1])
        what = f"the calendar {tag[1]}" + (f" ({name})" if name else "")
        how = f"selects {what} by its locale tag {tag[0]!r}"
    elif "b2" in codes:
        how = "selects the Hijri calendar (code B2)"
    elif re.search(r"e(?![-+])", codes) or "g" in codes:
        era = re.search(r"e+(?![-+])|g+", codes)
        what = "the name" if era is not None and era[0][0] == "g" else "the year"
        how = (
            f"shows {what} of an era (code {era[0] if era else 'e'!r}), "
            "which depends on the locale the file is opened in (a Japanese "
            "locale numbers the years of each emperor's era)"
        )
    else:
        return None
    stored = _date_text(value) if isinstance(value, datetime.date) else None
    held = (
        f"the date {stored}"
        if stored is not None
        else f"the number {_show(value)}, a day count under it,"
    )
    return str(stored if stored is not None else _show(value)), (
        f"holds {held} under the number format {fmt!r}, which {how}: "
        "the year it shows is not the Gregorian year stored, and povstat "
        "reads a header as shown; give the cell a format that shows the "
        "Gregorian year (yyyy, or General for a number), or type the year "
        "as text"
    )


def _shows_year_only(fmt: object) -> bool:
    """Whether a date's number format shows its year alone ("yyyy", "yy")."""
    if not isinstance(fmt, str):
        return False
    codes = _QUOTED.sub("", _format_sections(fmt)[0]).lower()
    return "y" in codes and not any(c in codes for c in "mdhs")


def _format_sections(fmt: str) -> list[str]:
    """The sections of a number format: split on ";" outside quotes."""
    out: list[str] = []
    start = 0
    for m in re.finditer(r'"[^"]*"|\\.|;', fmt):
        if m.group() == ";":
            out.append(fmt[start : m.start()])
            start = m.end()
    out.append(fmt[start:])
    return out


def _read_checks(
    read: _Read,
    where: tuple[np.ndarray[Any, Any], ...],
    cells: np.ndarray[Any, Any],
    values: np.ndarray[Any, Any],
    unit: np.ndarray[Any, Any],
    mult: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
    blocks: np.ndarray[Any, Any],
    block_names: Mapping[str, str],
    locale: str,
    missing: frozenset[str],
    *,
    column_pct: np.ndarray[Any, Any] | None = None,
) -> list[str | None]:
    """Apply what the file says about the value cells, in place.

    Numbers whose format shows text with them ('0.00" ribu jiwa"',
    '"Rp "#,##0', '0.0" r)"') are read as that text typed with the number
    would be (37.78 shown "37.78 ribu jiwa" is 37 780 persons, and is shown
    so; "33.1 r)" is not a number);
    percent-formatted numbers become the percentages they show; numbers
    without that format among percent-formatted ones, formulas without a
    stored result and fields a short CSV row did not write become invalid.
    Percent and plain numbers are compared within each column
    group (`blocks`: the group of each cell, groups splitting one measure
    being one; `block_names`: the cells of each, as messages name them).
    Under a stated percent (`column_pct`: the cells under a title or unit
    row stating it), a percent format is no scale of its own, as a percent
    sign is not: a plain number below a tenth of their median beside them
    is the invalid cell, a likely fraction of one (see
    ``_fractions_among``), so that a workbook reads as the CSV file saved
    from it does.
    Returns the text to show for each cell (None: the cell itself).
    """
    shown: list[str | None] = [None] * values.size
    if read.scaled is not None:
        fmt = read.scaled[where].ravel()
        for i in np.flatnonzero(fmt != None):  # noqa: E711 - few cells
            reasons[i] = (
                f"a number with the format {fmt[i]!r}, which shows it scaled "
                "(a comma after a digit placeholder and not between two of them "
                "divides by 1000, '%%' multiplies by 10000), or whose sections "
                "chosen by a condition such as '[<1]' differ in scale: which "
                "scale the table means is ambiguous; give the cell a format "
                "without them (a percent format is read as shown)"
            )
    if read.merged is not None:
        ref = read.merged[where].ravel()
        flat_cells = cells.ravel()
        for i in np.flatnonzero(ref != None):  # noqa: E711 - few cells
            first = str(ref[i]).split(":")[0]
            own = _cell_text(flat_cells[i])
            # A covered cell may store content the range hides (a file
            # written by a program, or merged after typing): named, not read.
            holds = (
                f"the cell stores {own!r}, hidden under the range and not read"
                if own
                else "the cell holds no value of its own"
            )
            reasons[i] = (
                f"a cell merged into {ref[i]}: the spreadsheet shows {first}'s "
                f"content across the range; {holds}; unmerge the cells and write "
                "each value"
            )
            shown[i] = own
    # Numbers whose format shows text with them ("Rp 500", "33.1 r)"):
    # read as that text typed, not by the percent rule below.
    lit = (
        read.stated[where].ravel()
        if read.stated is not None
        else np.full(values.size, None, dtype=object)
    )
    affixed = lit != None  # noqa: E711 - elementwise
    if read.percent is not None:
        pct = read.percent[where].ravel()
        if pct.any():
            # 0.138 shown as "13.80%" is 13.8, in percent; times 100 on the
            # decimal value, so that 0.138 gives 13.8, not 13.800000000000002.
            values[pct] = [float(Decimal(repr(float(v))) * 100) for v in values[pct]]
            unit[pct] = "percent"
            stored = cells.ravel()
            for i in np.flatnonzero(pct & ~affixed):  # quoted as shown
                shown[i] = f"{_show(stored[i])} (shown as {_show(values[i])}%)"
            flat = np.where(affixed, "", cells.ravel())
            if column_pct is not None:
                # One rule with the percent sign's: under a stated percent,
                # a percent format states its unit; a bare fraction of one
                # beside it is the cell in doubt.
                _fractions_among(
                    values,
                    unit,
                    mult,
                    reasons,
                    column_pct,
                    blocks,
                    block_names,
                    formatted=pct,
                    locale=locale,
                )
                pct = pct & ~column_pct
            for block in _blocks(blocks):
                reasons[block] = _percent_rule(
                    flat[block],
                    values[block],
                    pct[block] & ~affixed[block],
                    reasons[block],
                    block_names[str(blocks[block][0])],
                    locale=locale,
                )
    ok = affixed & (reasons == "") & ~np.isnan(values)
    flat_cells = cells.ravel()
    for i in np.flatnonzero(ok):  # the few cells with such a format
        if isinstance(lit[i], _InsteadOfNumber):
            number = _show(flat_cells[i])
            if lit[i].unsigned:
                shown[i] = number
                reasons[i] = (
                    f"the cell stores {number}, but its number format shows "
                    "negative numbers without a sign: it shows "
                    f"{lit[i].shows or number.lstrip('-')!r}, no minus sign; "
                    "give it a format that shows the sign"
                )
            elif not lit[i].text and lit[i].shows:
                shown[i] = number
                reasons[i] = (
                    f"the cell stores {number}, but its number format shows "
                    f"only {lit[i].shows!r} for it, no digits: the table hides "
                    "the number; give it a format that shows the number"
                )
            elif not lit[i].text:
                shown[i] = number
                reasons[i] = (
                    f"the cell stores {number}, but its number format shows "
                    "nothing for it (an empty section, as in ';;;'): the table "
                    "hides it; give it a format that shows the number"
                )
            else:  # read as the text shown, as if typed ("…": missing)
                shown[i] = lit[i].text
                values[i], unit[i], mult[i], reasons[i] = _parse_text(
                    lit[i].text, locale, missing
                )
            continue
        text = _affixed_text(float(values[i]), lit[i], locale)
        # Shown with the number as stored (as shown, for a percent format).
        number = _show(values[i] if unit[i] == "percent" else flat_cells[i])
        shown[i] = f"{lit[i][0]}{number}{lit[i][1]}"
        values[i], unit[i], mult[i], reasons[i] = _parse_text(text, locale, missing)
    if read.formula is not None:
        f = read.formula[where].ravel()
        has = np.flatnonzero(f != None)  # noqa: E711 - elementwise
        reasons[has] = _no_result(read)
        for i in has:  # only formula cells
            shown[i] = str(f[i])
    if read.fields is not None:
        rows, cols = where
        k = read.fields[rows]  # (n, 1): fields of each row
        absent = (cols >= k).ravel()
        reasons[absent] = [
            f"no such field: the CSV row has only {n} field{'s' if n != 1 else ''} "
            "(short rows are not padded; write an empty field for a missing value)"
            for n in np.broadcast_to(k, (k.shape[0], cols.shape[1])).ravel()[absent]
        ]
    return shown


def _warn_above_100(
    values: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
    in_percent: np.ndarray[Any, Any],
    texts: Sequence[object],
    rows: pd.Index[Any],
    headers: Sequence[object],
) -> None:
    """Warn of percentages above 100 (a share of people is at most 100).

    `in_percent`: cells stating "%" or under a unit row stating percent.
    `headers`: each value column as messages name it, (group, header)
    where the table has column groups, as ``InvalidCell.column`` does.
    Not refused: a change or ratio in percent may exceed 100; but a
    headcount ratio never does, and such a figure is most often a count,
    or a number typed in the other convention ("4.375" for 4,375). A
    UserWarning names the cells (the first three, in table order).
    """
    above = np.flatnonzero(in_percent & (reasons == "") & (values > 100))
    if above.size == 0:
        return
    n_cols = len(headers)
    shown = ", ".join(
        f"row {_label(rows[i // n_cols])!r}, column {headers[i % n_cols]!r}: "
        f"{str(texts[i])!r}"
        for i in above[:3].tolist()
    )
    more = f" (and {above.size - 3} more)" if above.size > 3 else ""
    msg = (
        f"value cells in percent above 100: {shown}{more}; a headcount ratio "
        "(a share of people) is at most 100: if the column holds shares, the "
        "cell may be a count, or a number in the other convention ('4.375' "
        "for '4,375'); a change or ratio in percent may exceed 100"
    )
    warnings.warn(msg, UserWarning, stacklevel=3)


#: A measure no headcount ratio is, though stated in percent or below 1: an
#: index ("P1", "P2", "Indeks Kedalaman Kemiskinan", whose values are most
#: often below 1), also named without the word ("Kedalaman Kemiskinan",
#: "Poverty Gap", "Keparahan", "Severity"); and the Gini ratio, between 0
#: and 1 ("Gini Ratio", "Rasio Gini" beside P0: sheets27 F1).
_INDEX_MEASURE = re.compile(
    r"(?<![^\W_])(?:P[12]|indeks|index|kedalaman|keparahan|poverty\s+gap|"
    r"severity|gini)(?![^\W_])",
    re.IGNORECASE,
)


#: A measure that is the headcount ratio of the poor in percent: BPS's
#: "Persentase Penduduk Miskin (P0)", "Percentage of Poor Population",
#: "Tingkat Kemiskinan", "Persentase Kemiskinan", "Penduduk Miskin (%)",
#: "Poverty Rate", "Headcount Ratio", SDG 1.2.1's "Proportion of
#: population living below the national poverty line".
_HEADCOUNT_MEASURE = re.compile(
    r"(?<![^\W_])(?:P0|head\s*count|"
    r"(?:tingkat|angka|persentase|prosentase)\s+kemiskinan|"
    r"penduduk\s+miskin\s*\((?:%|persen|percent)\)|"
    r"poverty\s+(?:rate|incidence|headcount)|"
    r"(?:persentase|prosentase|percentage|proporsi|proportion)\s+(?:of\s+)?"
    r"(?:the\s+)?(?:penduduk|poor|rumah\s+tangga|population)\s+miskin|"
    r"(?:persentase|prosentase|percentage|proporsi|proportion)\s+(?:of\s+)?"
    r"(?:the\s+)?poor|"
    r"(?:below|under|di\s*bawah)\s+(?:the\s+)?(?:national\s+)?"
    r"(?:poverty\s+line|garis\s+kemiskinan))(?![^\W_])",
    re.IGNORECASE,
)
#: Words by which a percentage of the poor is no headcount ratio of the
#: whole population, whose values below 1 are genuine: extreme poverty
#: ("Kemiskinan Ekstrem", an international line: 18 provinces below 1 % in
#: March 2023), and shares of the poor ("Distribusi", "terhadap Total
#: Nasional", "Share", "Kontribusi"; a province's share of the country's
#: poor is below 1 for 15 provinces in March 2025), or of the poor with a
#: trait ("Penduduk Miskin yang Bekerja", "poor people who ..."; not
#: "Penduduk yang Hidup di Bawah Garis Kemiskinan", SDG 1.2.1's P0).
_NOT_HEADCOUNT = re.compile(
    r"(?<![^\W_])(?:ekstrem|ekstrim|extreme|internasional|international|"
    r"ppp|distribusi|distribution|terhadap|share|kontribusi|contribution|"
    r"sumbangan|miskin\s+yang|poor\s+(?:people\s+|population\s+)?(?:who|with)|"
    r"of\s+(?:the\s+)?total)(?![^\W_])",
    re.IGNORECASE,
)
#: P1 or P2, the FGT indices never above P0 on its scale (not any index:
#: a Gini ratio or a development index may be).
_GAP_MEASURE = re.compile(
    r"(?<![^\W_])(?:P[12]|kedalaman|keparahan|poverty\s+gap|severity)(?![^\W_])",
    re.IGNORECASE,
)
#: "Head Count Index": BPS's name for P0 (the headcount ratio), an index
#: in name only; struck out before ``_INDEX_MEASURE`` is looked for.
_HEADCOUNT_INDEX = re.compile(r"head\s*count\s+ind(?:ex|eks)", re.IGNORECASE)
#: A group label that names a measure of its own ("Persentase Penduduk
#: Miskin", "Jumlah Penduduk Miskin (ribu jiwa)", "Kemiskinan Ekstrem",
#: "P1"), not a split of the title's ("Perkotaan", "Laki-laki", "2024").
_NAMES_MEASURE = re.compile(
    r"(?<![^\W_])(?:persentase|prosentase|percentage|proporsi|proportion|"
    r"persen|percent|jumlah|number|banyaknya|count|P[012]|indeks|index|garis|"
    r"line|rate|tingkat|angka|miskin|kemiskinan|poor|poverty)(?![^\W_])|%",
    re.IGNORECASE,
)


def _measure_text(group: str, title: str, split: bool) -> str:
    """The words naming a value column's measure: its group label, or title.

    A group label naming a measure of its own (``_NAMES_MEASURE``) names
    the column's, with the clause of the title that spells it out, if any
    ("P0" with "Persentase Penduduk Miskin (P0)"), or, for a headcount
    ratio's label ("P0", "Tingkat Kemiskinan"), with the title's clause
    naming the headcount ratio ("P0" beside "Gini Ratio" under
    "Persentase Penduduk Miskin (Persen) Menurut Provinsi": sheets28 G1).
    Groups splitting the title's measure (`split`: "Perkotaan | Perdesaan
    | Jumlah", see ``_splits_one_measure``; sheets25 G1) are read with the
    title ("Perkotaan Persentase Penduduk Miskin ...").
    """
    if not group or split or not _NAMES_MEASURE.search(group):
        return f"{group} {title}".strip()
    clauses = [c for c in _TITLE_CLAUSE.split(title) if c.strip()]
    spelt = re.compile(rf"(?<![^\W_]){re.escape(group.strip())}(?![^\W_])", re.I)
    for clause in clauses:  # the title's few clauses
        if clause.strip() != group.strip() and spelt.search(clause):
            return f"{group} {clause}"
    if _HEADCOUNT_MEASURE.search(group) and not _NOT_HEADCOUNT.search(group):
        for clause in clauses:
            if _HEADCOUNT_MEASURE.search(clause) and not _NOT_HEADCOUNT.search(clause):
                return f"{group} {clause}"
    return group


#: Where a title lists its measures: commas, semicolons, "dan", "and", "&".
_TITLE_CLAUSE = re.compile(r"[,;]|\s(?:dan|and|&)\s", re.IGNORECASE)


def _iloc_positions(positions: Sequence[int]) -> str:
    """Positions as ``DataFrame.iloc`` takes them, in order.

    One run is a slice ("1:4"); else a list, each run of three or more
    written as a range ("[*range(1, 40), 41, 42, *range(44, 90)]"), so
    that rows around blank or heading rows stay short to print.
    """
    p = np.asarray(positions, dtype=np.int64)
    if p.size and p[-1] - p[0] + 1 == p.size and (np.diff(p) == 1).all():
        return f"{p[0]}:{p[-1] + 1}"
    cuts = np.flatnonzero(np.diff(p) != 1) + 1
    parts = [
        f"*range({run[0]}, {run[-1] + 1})"
        if run.size >= 3
        else ", ".join(map(str, run))
        for run in np.split(p, cuts)
        if run.size
    ]
    return f"[{', '.join(parts)}]"


def _to_percent_recipe(
    blocks: Sequence[tuple[Sequence[int], Sequence[int]]], locale: str
) -> str:
    """Code converting a pandas frame's cells of fractions to percent, in place.

    Each block's cells, its rows by its columns (positions, as ``iloc``
    counts), one statement a block; numbers only: "-" (no data) and other
    text are left as they are. The cells are read by
    ``povstat.parse_numbers`` in `locale`, so a fraction written as text
    ("0,0979" in a frame read with ``dtype=str``, or in a column
    ``pandas.read_csv(decimal=",")`` kept as text for its "-") is converted
    like a number (``pandas.to_numeric`` reads no decimal comma, so it left
    such cells, sheets21 K2, sheets20 J0); a cell already a number is
    taken as it is. ``povstat.to_percent`` gives 0.0979 as 9.79 exactly
    (``* 100`` gives 9.790000000000001, which breaks ties in a ranking).

    In locale "id" the percentages are written back as text, as the frame
    writes numbers ("9,79", "7": the shortest decimal of the float, its
    point a comma, a whole number without one, so read back it is the same
    float): a frame read with
    ``locale="id"`` must hold its values as text, and a number cell left by
    the code would draw read_bps_table's note that locale "id" does not
    apply to it, advising the read as text already done (sheets22 L4). A
    percentage is below 100 here (its fraction below 1), so it needs no
    grouping; one below 0.0001 (a fraction below 0.000001) would be
    written with an exponent, "1e-05", which locale "id" refuses, naming
    the cell. In locale "en" numbers are read as they are and written so.
    """
    percent = 'povstat.to_percent(v.to_numpy(float), unit="fraction")'
    if locale == "id":
        percent = (
            f"pandas.DataFrame({percent}).map("
            'lambda p: str(p).removesuffix(".0").replace(".", ",")).to_numpy()'
        )
    steps = ["df = df.astype(object)"]
    for rows, cols in blocks:
        at = f"{_iloc_positions(rows)}, {_iloc_positions(cols)}"
        steps.append(
            f"x = df.iloc[{at}]; v = pandas.DataFrame(povstat.parse_numbers("
            f'x.to_numpy(), locale="{locale}", errors="report").value, '
            "index=x.index, columns=x.columns); "
            f"df.iloc[{at}] = x.mask(v.notna(), {percent})"
        )
    return "; ".join(steps)


def _warn_percent_fractions(
    values: np.ndarray[Any, Any],
    read: np.ndarray[Any, Any],
    own: np.ndarray[Any, Any],
    stated: np.ndarray[Any, Any],
    measures: Sequence[str],
    headers: Sequence[object],
    names: Sequence[object],
    *,
    frame_at: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]] | None,
    locale: str,
    title: str,
    other_unit: np.ndarray[Any, Any],
    to_pandas: str = "",
) -> None:
    """Warn of fractions of one under a stated percent: columns, or cells.

    `values`: rows by value columns; `read`: the cells read; `own`: the
    cells stating percent of their own ("%", a percent format); `stated`: per
    column, whether a unit row, the title or a group label states percent
    over it; `measures`: per column, its group label or else the title;
    `names`: each row's label (the region's name, as written);
    `frame_at`: for a frame, the positions (as ``iloc`` counts) of the rows
    and of the value columns, which the advice's code converts; None for a
    file; `locale`: the frame's number format, for the advice's code;
    `title`: the table's title, which with a column's group label says
    whether its measure is the headcount ratio (see ``_fraction_cells``);
    `other_unit`: per column, whether a unit other than percent is stated
    over it ("(ribu jiwa)"); `to_pandas`: how the frame passed is converted
    before the advice's code ("" for a pandas frame, see
    ``_to_pandas_first``).

    A column is judged under a stated percent, or, with no other unit
    stated, under a measure named a percentage ("Persentase Penduduk
    Miskin Menurut Kabupaten/Kota", BPS's publication titles, which state
    no unit: sheets23 F1); its rows by the headcount rule also under a
    headcount ratio's name ("Tingkat Kemiskinan", "Poverty Rate"), in
    whatever unit: a row of values below 1 beside values of 1 or more is a
    mix of scales, since a P0 of 1 or more is no fraction of one.

    A share of people in percent is seldom below 1 (BPS's P0 of a regency
    or province is 1.04 or more in bps_p0_kabkota_2004_2025.csv), but
    ``pandas.read_excel`` gives a cell formatted as percent as its stored
    fraction (9.79% as 0.0979): a column whose values, all 0 or more, are
    all below 1 (so its median is) is named in a UserWarning, with its
    median. A column also holding values of 1 or more is judged cell by
    cell instead (sheets21 K7, K8): cells pasted in from a sheet formatted
    as percent hold fractions among percentages; see ``_fraction_cells``
    for the rule that names them, and which leaves genuine percentages
    below 1 (BPS's extreme poverty: 18 provinces below 1 % in March 2023)
    alone. A column of changes or of an index (P1, P2: most often below 1)
    is not judged; nor is a table with a cell stating percent of its own
    ("0,35 %": the table shows how it writes percentages, and a bare
    fraction beside such cells is judged by ``_fractions_among``).
    A table of no rows (a header alone) holds no fraction.
    """
    if values.shape[0] == 0:  # a header alone (sheets30 F5)
        return
    if (read & own).any():
        return
    split = _splits_one_measure([str(m) for m in dict.fromkeys(measures) if m != title])
    texts = [
        _measure_text("" if m == title else str(m), title, split) for m in measures
    ]
    plain = np.array(
        [
            _INDEX_MEASURE.search(_HEADCOUNT_INDEX.sub("", str(measures[j]))) is None
            and _CHANGE_WORD.search(str(measures[j])) is None
            and _CHANGE_WORD.search(str(headers[j])) is None
            and not bool(other_unit[j])
            for j in range(len(headers))
        ],
        dtype=bool,
    )
    named_pct = np.array(
        [_PERCENT_MEASURE.search(t) is not None for t in texts], dtype=bool
    )
    judged = plain & (stated.astype(bool) | named_pct)
    headcount = plain & np.array(
        [
            _HEADCOUNT_MEASURE.search(t) is not None
            and _NOT_HEADCOUNT.search(t) is None
            for t in texts
        ],
        dtype=bool,
    )
    judged_any = judged | headcount
    under = (
        "stated in percent"
        if bool(stated.astype(bool)[judged_any].all())
        else "of a percentage"
        if bool(judged[judged_any].all())
        else "of a headcount ratio"
    )
    cells = np.where(read & judged_any[None, :], values, np.nan)
    counted = ~np.isnan(cells)
    filled = np.where(counted, cells, 0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a column of no value
        median = np.nanmedian(cells, axis=0) if cells.size else np.zeros(0)
    below = (
        counted.any(axis=0)
        & ~(filled < 0).any(axis=0)
        & ~(counted & (filled >= 1)).any(axis=0)
        & (median < 1)
    )
    # Under a headcount ratio's name alone (no unit stated or named), a
    # column below 1 is judged beside headcount columns of 1 or more: a
    # round pasted from a sheet formatted as percent (sheets25 G2); a whole
    # table below 1 may be in fractions of one, its unit the caller's.
    beside = bool((counted & (filled >= 1) & headcount[None, :]).any())
    # So is one beside an index above it in a row: P2 <= P1 <= P0 on one
    # scale, so a P1 or P2 above a region's P0 below 1 puts that P0 on
    # another (sheets26 H1: the P0 group of a P0 | P1 | P2 table pasted,
    # Aceh's 0.1445 beside its P1 of 2.76).
    gap = np.array(
        [
            _GAP_MEASURE.search(str(m)) is not None
            and _CHANGE_WORD.search(str(m)) is None
            for m in measures
        ],
        dtype=bool,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a row of no value
        p0_top = np.nanmax(np.where(read & headcount[None, :], values, np.nan), axis=1)
        gap_top = np.nanmax(np.where(read & gap[None, :], values, np.nan), axis=1)
    above = bool(((gap_top > p0_top) & (p0_top < 1)).any()) if gap.any() else False
    low = np.flatnonzero(below & (judged | (headcount & (beside or above))))
    n_rows = cells.shape[0]
    if low.size:
        shown = ", ".join(
            f"{headers[j]!r} (median {float(median[j]):g})" for j in low[:3].tolist()
        )
        more = f" (and {low.size - 3} more)" if low.size > 3 else ""
        found = (
            f"value columns {under} hold fractions of one: {shown}"
            f"{more} are read as percentages below 1, where a share of people "
            "in percent is seldom below 1 (9.79% stored as 0.0979)"
            + (
                ", and an index of the same table (P1, P2) lies above them "
                "in a row, which on one scale it never does (P2 <= P1 <= P0)"
                if above
                else ""
            )
        )
        blocks = [(np.arange(n_rows), low)]
        which = "those columns' cells"
    else:
        named, lo, hi, by_level = _fraction_cells(cells, headcount, judged)
        rows = np.flatnonzero(named.any(axis=1))
        if rows.size == 0:
            return
        whole = bool((named[rows] == (counted & (filled > 0))[rows]).all())
        if whole:
            shown = ", ".join(
                f"{_label(names[i])!r} ("
                + ", ".join(f"{float(v):g}" for v in cells[i][counted[i]][:3])
                + (", ..." if int(counted[i].sum()) > 3 else "")
                + ")"
                for i in rows[:3].tolist()
            )
        else:
            shown = ", ".join(
                f"{_label(names[i])!r} ("
                + ", ".join(
                    f"{headers[j]!r}: {float(cells[i, j]):g}"
                    for j in np.flatnonzero(named[i])[:3].tolist()
                )
                + (", ..." if int(named[i].sum()) > 3 else "")
                + ")"
                for i in rows[:3].tolist()
            )
        more = f" (and {rows.size - 3} more)" if rows.size > 3 else ""
        kind = "rows" if whole else "cells"
        found = (
            f"value {kind} {under} hold fractions of one: {shown}{more} "
            "are read as percentages below 1 beside "
            + ("rows of percentages" if whole else "percentages")
            + f" ({lo:g} to {hi:g} in the same "
            + ("columns" if whole else "table")
            + (
                "), where a headcount ratio (P0) below 1 percent for a "
                "whole region is rarer than any BPS publishes (the lowest "
                "regency or city P0 in 2004-2025 is 1.04): "
                if by_level
                else "), among which they fall once multiplied by 100: "
            )
            + f"{kind} pasted in from a sheet formatted as percent (9.79% stored "
            "as 0.0979)"
        )
        # One block per set of columns named, rows in order: the code
        # converts the cells named and no other.
        patterns: dict[tuple[int, ...], list[int]] = {}
        for i in rows.tolist():
            key = tuple(np.flatnonzero(named[i]).tolist())
            patterns.setdefault(key, []).append(i)
        blocks = [
            (np.asarray(r, dtype=np.intp), np.asarray(c, dtype=np.intp))
            for c, r in patterns.items()
        ]
        which = "those cells" if not whole else "those rows' cells"
    if frame_at is not None:
        recipe = _to_percent_recipe(
            [(frame_at[0][r].tolist(), frame_at[1][c].tolist()) for r, c in blocks],
            locale,
        )
        fix = (
            "if it was read with pandas.read_excel (or another reader of a "
            "workbook's stored values), pass the workbook's path instead, whose "
            "number formats are read (0.0979 formatted as percent reads as "
            f"9.79); otherwise convert {which} with povstat.to_percent(cells, "
            'unit="fraction") before reading the frame, leaving "-" (no data) '
            f"and any other text as it is: `{recipe}` ({to_pandas or _TO_PANDAS}; "
            "0.0979 gives 9.79 exactly; multiplying by 100 gives float noise, "
            "9.790000000000001, which breaks ties)"
        )
    else:
        # What to write, in the table's locale (sheets30 F3: "9.79" is
        # refused in locale "id").
        fix = (
            "write them in percent in the "
            f"file, {_written_in(Decimal('9.79'), locale)} for "
            f"{_written_in(Decimal('0.0979'), locale)} (or, in a workbook, give "
            "the cells a percent format, which is read: 0.0979 formatted as "
            "percent reads as 9.79)"
        )
    msg = f"{found}; {fix}; if they are percentages below 1, ignore this warning"
    warnings.warn(msg, UserWarning, stacklevel=3)


def _fraction_cells(
    cells: np.ndarray[Any, Any],
    headcount: np.ndarray[Any, Any],
    spanned: np.ndarray[Any, Any],
) -> tuple[np.ndarray[Any, Any], float, float, bool]:
    """Cells of fractions of one among percentages, and the latter's range.

    `cells`: rows by judged value columns under a stated percent (NaN where
    none is read). A cell below 1 and above 0 is named when, times 100, it
    lies within the table's values of 1 or more widened to half their
    lowest and twice their highest, and more than half of the table's
    cells above 0 and below 1 do so. The rule: a cell (a whole row, or a
    block of some years by some regions, sheets21 K1) pasted in from a
    sheet formatted as percent holds the same measure for a region like
    the others, so its fraction times 100 falls among their values; a
    genuine percentage below 1 (a region with almost no poor) times 100
    falls far above them (0.5 beside 9.5 to 13.08 would be 50). Genuine
    small percentages are spread over 0 to 1, so times 100 over 0 to 100,
    and only a few fall in the others' range by chance: in BPS's extreme
    poverty by province, March 2023 (sheets21 K7), beside 1.12 to 7.67,
    only Kalimantan Timur's 0.10 of the 18 provinces below 1 does (0.41
    gives 41); when those that fall in it are not the majority, none is
    named. BPS's files hold no such cell: the lowest P0 in
    bps_p0_kabkota_2004_2025.csv is 1.04, and the only values below 1 in
    bps_p0_prov_2007_2026.csv are DKI Jakarta's rural 0 (Jakarta has no
    rural area), and a zero is not judged. The widening lets a pasted
    region lie a little beyond the others' span (sheets18 H6: Pacitan's
    P0 2024, 13.08, pasted beside Jawa Tengah's rows, whose highest is
    Cilacap's 10.68). An index shows the same pattern (in
    bps_p1p2_kabkota_2015_2023.csv many regions' P1 and P2 are below 1
    in every year, beside others of 1 or more): its title keeps it from
    being judged (``_INDEX_MEASURE``). A table holding a value below 0 (a
    change) names none. A row of values all below 1 with a cell named is
    named whole (a row pasted with its region's highest values, a little
    beyond the others' span). Once the rule names cells, every row whose
    values are all below 1 is named whole with them (sheets22 L3): rows
    pasted from one sheet together, whichever of them fall in the span, so
    that the advice converts them all at once.

    `headcount`: per column, whether its measure is the headcount ratio
    (P0) of a population in percent (``_HEADCOUNT_MEASURE``, and not
    extreme poverty or a share of the poor, ``_NOT_HEADCOUNT``). Over those
    columns a second rule needs no span: a row whose values are all below
    1 (one above 0) beside rows of 1 or more is named whole. No region in
    BPS's P0 files has such a row (the lowest regency or city P0 is 1.04,
    Kota Bekasi; a province's, 3 or more but DKI Jakarta's rural 0), while
    a region pasted as fractions often falls outside the others' span: the
    poorest regency of a province (sheets22 L1: Kepulauan Meranti's 23.84,
    0.2384 as a fraction, beside Riau's others of 3.08 to 9.95; Kepulauan
    Seribu beside Jakarta's cities), its one city (Kota Ambon's 4.68
    beside Maluku's regencies), or every row but the province's, typed
    from the press release (L2). Returns the cells named (a mask), the
    lowest and highest value of 1 or more, and whether the headcount rule
    named a row the span did not. `spanned`: per column, whether the span
    rule judges it (a percent stated or named; a headcount ratio's name
    alone does not say its unit).
    """
    counted = ~np.isnan(cells)
    none = (np.zeros(cells.shape, dtype=bool), 0.0, 0.0, False)
    filled = np.where(counted, cells, 0.0)
    if not counted.any() or (filled < 0).any():
        return none
    big = counted & (filled >= 1)
    small = counted & (filled > 0) & (filled < 1)
    if not small.any() or not big.any():
        return none
    named = np.zeros(cells.shape, dtype=bool)
    # The span rule, over the columns in percent.
    big_s, small_s = big & spanned[None, :], small & spanned[None, :]
    lo = hi = 0.0
    if big_s.any() and small_s.any():
        lo, hi = float(cells[big_s].min()), float(cells[big_s].max())
        scaled = filled * 100
        fits = small_s & (scaled >= lo / 2) & (scaled <= 2 * hi)
        # Rows of values all below 1, one above 0 (no value of 1 or more).
        whole = small_s.any(axis=1) & ~big_s.any(axis=1)
        if 2 * int(fits.sum()) > int(small_s.sum()):
            named = fits | (small_s & whole[:, None])
    # The headcount rule, over the headcount columns alone.
    big_h, small_h = big & headcount[None, :], small & headcount[None, :]
    low = small_h.any(axis=1) & ~big_h.any(axis=1)
    if not big_h.any() or not low.any():
        return (named, lo, hi, False) if named.any() else none
    added = low & ~named.any(axis=1)
    named = named | (small_h & low[:, None])
    if not added.any():
        return named, lo, hi, False
    return named, float(cells[big_h].min()), float(cells[big_h].max()), True


def _blocks(groups: np.ndarray[Any, Any]) -> list[np.ndarray[Any, Any]]:
    """Positions of the cells of each column group, in order of appearance."""
    return [np.flatnonzero(groups == g) for g in dict.fromkeys(groups.tolist())]


def _scale_blocks(groups: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """The block of each value column whose cells share one scale, and names.

    A column group's columns share a measure, so their cells are judged
    together (percent or not, a unit, a multiplier); groups of different
    measures ("Persentase" beside "Jumlah (ribu jiwa)") are judged each on
    its own. Groups splitting one measure ("Perkotaan | Perdesaan |
    Jumlah", "Laki-laki | Perempuan", "K | D | K+D", see
    ``_splits_one_measure``, as for the title's unit) are one block: a
    fraction in "Perdesaan" beside percentages in "Perkotaan" is the
    same guess as within one group. Returns each column's block and, per
    block, the cells as a message names them ("the value cells of group
    'Perkotaan'").
    """
    labels = [g for g in dict.fromkeys(groups) if g]
    names = {g: f"the value cells of group {g!r}" for g in labels}
    names[""] = "all value cells"
    if not _splits_one_measure(labels):
        return list(groups), names
    key = " | ".join(labels)  # every labelled column is under it
    shown = ", ".join(repr(g) for g in labels)
    names[key] = (
        f"the value cells of groups {shown} (which split one measure, so "
        "share its scale)"
    )
    return [key if g else g for g in groups], names


def _percent_rule(
    cells: np.ndarray[Any, Any],
    values: np.ndarray[Any, Any],
    pct: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
    where: str,
    *,
    locale: str,
) -> np.ndarray[Any, Any]:
    """Reasons, with the rarer of percent-formatted and plain numbers invalid.

    The cells of one block of column groups (`where`: the cells as the
    message names them, see ``_scale_blocks``): a plain number
    among numbers formatted as percent has an ambiguous scale, or the
    reverse, whichever kind is rarer (the plain numbers on a tie), as for
    text cells with and without a percent sign. The numbers to store are
    written in `locale`, as a sheet in its settings takes them typed
    ("0,001386" in locale "id"; sheets30 F3).
    """
    out = reasons.copy()
    plain = (
        np.array(
            [isinstance(c, int | float) and not isinstance(c, bool) for c in cells],
            dtype=bool,
        )
        & ~pct
    )
    # 0 is 0 on either scale: never ambiguous ("-" in a zero section).
    plain &= (reasons == "") & ~np.isnan(values) & (values != 0)
    shown_pct = pct & (reasons == "") & ~np.isnan(values) & (values != 0)
    if not plain.any() or not shown_pct.any():
        return out
    # A format never changes the number a cell stores, so each message
    # names the number to write (sheets24 M1: 0.1365 shown as 13.65% among
    # plain percentages, given their format, reads 0.1365).
    rare = plain if plain.sum() <= shown_pct.sum() else shown_pct
    # The smallest of the others, not the first: the message is the same
    # in any row order.
    other = float(
        np.min(cells[shown_pct if rare is plain else plain].astype(np.float64))
    )
    head = (
        "a number without a percent format among numbers formatted as "
        f"percent (such as {other!r}, shown as "
        f"{_decimal_text(Decimal(repr(other)) * 100)}%)"
        if rare is plain
        else "a number formatted as percent among numbers without that format "
        f"(such as {other!r})"
    )
    for i in np.flatnonzero(rare):  # the rarer cells, few
        v = Decimal(repr(float(cells[i])))
        advice = (
            f"if it is a fraction of one as they are ({_decimal_text(v)} for "
            f"{_decimal_text(v * 100)}%), give it their percent format; if it "
            f"is {_decimal_text(v)}%, store {_written_in(v / 100, locale)} in it "
            "with their percent format"
            if rare is plain
            else "if they are fractions of one, remove its percent format (it "
            f"stores {_decimal_text(v)}); if they are percentages, write "
            f"{_written_in(v * 100, locale)} in it as a plain number"
        )
        out[i] = (
            f"{head}: its scale is ambiguous; give {where} one scale (a format "
            f"never changes the number a cell stores): {advice}"
        )
    return out


def _decimal_text(d: Decimal) -> str:
    """A decimal as plain text, trailing zeros dropped: 13.65, 0.1365, 1380."""
    return format(d.normalize(), "f")


def _written_in(d: Decimal, locale: str) -> str:
    """A decimal as a cell in `locale` writes it: "13,86" in "id", "13.86" in "en".

    Plain text (``_decimal_text``), the decimal mark the locale's, with no
    thousands separator: the advice's numbers (a percentage below 100, a
    fraction of one) need none.
    """
    text = _decimal_text(d)
    return text.replace(".", ",") if locale == "id" else text


#: A field of digits alone, and one starting with a zero ("05", "-007").
_WHOLE = re.compile(r"[+-]?[0-9]+")
_LEADING_ZERO = re.compile(r"[+-]?0[0-9]+")
#: A whole number in locale "id": digits alone, or grouped by thousands dots
#: ("4.181", the first part of "4.181,29" split by its comma).
_WHOLE_ID = re.compile(r"[+-]?(?:[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)")
_SPLIT_ADVICE = (
    "a decimal comma not in quotes splits a number into two fields ('4,37' "
    "into '4' and '37', '4.181,29' into '4.181' and '29'), which cannot be "
    "told from two whole numbers; if the table holds decimals, put them in "
    "quotes (\"4,37\") or write the file with sep=';' (and pass sep=';'); "
    "whole numbers written with digits alone (no thousands dots) are read "
    "alike with locale='en', which gives no warning"
)


def _whole_texts(
    cells: np.ndarray[Any, Any],
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Cells of text writing a whole number in locale "id", and digits alone.

    Two boolean arrays of the shape of `cells`: "4", "37" and "4.181" are
    whole numbers; "4" and "37" are written with digits alone.
    """
    text = [c.strip() if isinstance(c, str) else None for c in cells.ravel()]
    whole = [t is not None and _WHOLE_ID.fullmatch(t) is not None for t in text]
    digits = [t is not None and _WHOLE.fullmatch(t) is not None for t in text]
    return (
        np.array(whole, dtype=bool).reshape(cells.shape),
        np.array(digits, dtype=bool).reshape(cells.shape),
    )


def _number_parts(cells: np.ndarray[Any, Any], locale: Locale) -> np.ndarray[Any, Any]:
    """Each text cell's number as written, without the unit or sign it states.

    A cell read as a number with a percent sign, a unit or a multiplier
    ("38%", "38 persen", "4,38 ribu jiwa", "Rp 38"), by the pattern that
    reads it (``povstat.parsing``), gives its sign and digits ("38",
    "4,38"); other cells are kept as they are. The two parts of a number
    split by an unquoted comma ("4,38%" into "4" and "38%") are judged by
    their numbers, as those of a bare "4,38" are.
    """
    pattern = _PATTERNS[locale]

    def part(c: object) -> object:
        m = pattern.fullmatch(c.strip()) if isinstance(c, str) else None
        if m is None or not (m["units"] or m["mult"] or m["cur"]):
            return c
        end = m.end("frac") if m["frac"] is not None else m.end("int")
        return m.string[m.start("sign") if m["sign"] else m.start("int") : end]

    return np.array([part(c) for c in cells.ravel()], dtype=object).reshape(cells.shape)


def _whole_values(cells: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The values of whole-number texts ("4.181": 4181), NaN elsewhere.

    A key for picking a shown example whatever the rows' order.
    """
    text = pd.Series(
        [
            c.strip().replace(".", "") if isinstance(c, str) else ""
            for c in cells.ravel()
        ],
        dtype=object,
    )
    return (
        pd.to_numeric(text, errors="coerce")
        .to_numpy(dtype=np.float64)
        .reshape(cells.shape)
    )


def _first_by_values(values: np.ndarray[Any, Any]) -> int:
    """The row (of a 2-D array, NaN for no value) whose values sort first.

    Each row's values sorted ascending, NaN last; the rows compared
    element by element: the example a message shows, the same whatever the
    rows' order (rows of the same values alike).
    """
    ordered = np.sort(np.where(np.isnan(values), np.inf, values), axis=1)
    return int(np.lexsort(ordered.T[::-1])[0])


def _check_split_numbers(
    cells: np.ndarray[Any, Any],
    values: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
    locale: Locale,
    rows: pd.Index[Any],
    fields: np.ndarray[Any, Any],
    header_fields: frozenset[int],
    *,
    frame: bool = False,
) -> None:
    """Catch numbers split in two by a comma in a CSV file separated by ",".

    A number written with a comma and not in quotes ("4,37" in locale "id",
    "1,050" in "en") is two fields: "4" and "37". The second part of a
    split number may start with a zero ("4,05": "05"), which no whole
    number is written with: such a value cell (invalid as not a number)
    gets a reason naming the split, in place.
    With locale "id", a row whose values read are all whole numbers
    (digits alone, or grouped by thousands dots, "4.181"; the quotes of a
    field are not kept), one at least written with digits alone (as the
    second part of a split number is), may be a row of split decimals that happen to fit
    the columns, whatever the other rows hold (some may be quoted): a
    UserWarning names the rows, unless a leading zero was found (its
    invalid cells say it). The row shown with its values is the one whose
    values read, sorted, are smallest, whatever the rows' order.
    With locale "en", a row writing a number of fields (`fields`, per row)
    other than the header's (`header_fields`: a trailing empty field, or
    one field short), whose values read are all whole numbers written with
    digits alone, one of exactly three digits right after another ("38",
    "210": "38,210" split by its thousands comma), gives the same warning;
    so does any row holding a value of one to three digits right before
    one of exactly three digits and decimals ("3", "982.69": "3,982.69"
    split so, whatever the row's count of fields, which a missing value at
    its end may make the header's).
    `frame`: the cells are a frame's read with every column as text, from a
    file whose separator is not known (";" keeps "38,56" whole): only the
    rules of a value's neighbours apply (a value right before another, see
    ``_check_split_thousands`` and ``_decimal_pairs_among_decimals``), not
    those of leading zeros, of a row's count of fields or of a row of whole
    numbers alone.
    """
    flat = cells.ravel()
    text = [c.strip() if isinstance(c, str) else "" for c in flat]
    # Refused as no number in either locale; the reason names the split.
    zero = np.array([_LEADING_ZERO.fullmatch(t) is not None for t in text], dtype=bool)
    example = (
        "'4,05' into '4' and '05'" if locale == "id" else "'1,050' into '1' and '050'"
    )
    if zero.any() and not frame:
        reasons[zero] = (
            "a whole number written with a leading zero, as no number is: in a "
            "CSV file separated by ',', a number written with a comma and not "
            f"in quotes splits into two fields ({example}); put such numbers "
            "in quotes or write the file with sep=';' (and pass sep=';')"
        )
        return
    read = ((reasons == "") & ~np.isnan(values)).reshape(cells.shape)
    if not read.any():
        return
    if locale != "id":
        _check_split_thousands(
            cells, read, values.reshape(cells.shape), rows, fields, header_fields
        )
        return
    # A cell stating a unit or sign is judged by its number: "4,38%" split
    # is "4" and "38%", as "4,38" split is "4" and "38".
    numbers = _number_parts(cells, locale)
    whole, digits = _whole_texts(numbers)
    # The second part of a split number is digits alone: a row of numbers
    # with thousands dots only ("674.660", a poverty line) is not suspect.
    every = (read & digits).any(axis=1) & (whole | ~read).all(axis=1) & (not frame)
    # A head refused by a rule of its column ("4" without the percent sign
    # its column's other cells state) is still the head of a pair.
    heads = (~np.isnan(values)).reshape(cells.shape)
    # A head refused as a whole number written with thousands dots
    # ("3.982" among decimals: ambiguous) is the head of a pair too
    # ("3.982,69" split into "3.982" and "69"): its reason names the split,
    # whose advice followed ("3982") would give a pair read silently
    # otherwise, and the second part is refused with it.
    refused = (reasons != "").reshape(cells.shape) & whole & ~digits
    pairs = _decimal_pairs_among_decimals(numbers, read, heads | refused)
    named = np.zeros(cells.shape, dtype=bool)
    named[:, 1:] = pairs[:, 1:] & refused[:, :-1]
    if named.any():
        _name_refused_splits(cells, reasons, named)
        pairs = pairs & ~named
    suspect = np.flatnonzero(every | pairs.any(axis=1))
    if suspect.size:
        # Shown: the row whose values read, sorted, are smallest, whatever
        # the rows' order.
        values_of = np.where(read, _whole_values(numbers), np.nan)[suspect]
        k = int(suspect[_first_by_values(values_of)])
        shown = [text[k * cells.shape[1] + j] for j in np.flatnonzero(read[k])]
        more = f" (and {suspect.size - 1} more)" if suspect.size > 1 else ""
        msg = (
            f"row {_label(rows[k])!r}{more}: every value read is a whole number "
            f"({', '.join(map(repr, shown))}): with locale='id' and sep=',', "
            + _SPLIT_ADVICE
        )
        if not every[k]:
            msg = _decimal_pair_message(cells, numbers, pairs, rows, k, more)
        warnings.warn(msg, UserWarning, stacklevel=3)


def _name_refused_splits(
    cells: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
    named: np.ndarray[Any, Any],
) -> None:
    """Name the split of "3.982,69" in the reasons of its two parts, in place.

    `named`: the second parts ("69") of pairs whose first part ("3.982") is
    refused (a thousands dot among decimals); `reasons` is flat, `cells`
    rows by columns. The first part's reason gains the split and how to
    write the number whole; the second part is refused with it, as a value
    of its column it may not be.
    """
    shape = cells.shape
    for k, j in zip(*np.nonzero(named), strict=True):  # the few split cells
        a, b = str(cells[k, j - 1]).strip(), str(cells[k, j]).strip()
        split = (
            f"{a!r} right before {b!r} may also be one number, {a},{b}, written "
            f"with a decimal comma not in quotes and split in two by it (the "
            "values after it then move one column right): if so, put it in "
            f"quotes (\"{a},{b}\") or write the file with sep=';' (and pass "
            "sep=';')"
        )
        head = int(np.ravel_multi_index((k, j - 1), shape))
        tail = int(np.ravel_multi_index((k, j), shape))
        reasons[head] = f"{reasons[head]}; {split}"
        if reasons[tail] == "":
            reasons[tail] = (
                f"a whole number right after {a!r}, which is refused: " + split
            )


def _stripped_texts(cells: np.ndarray[Any, Any]) -> pd.Series:
    """The text cells of `cells`, flattened and stripped; "" for other cells."""
    flat = pd.Series(cells.ravel(), dtype=object)
    is_text = flat.map(lambda c: isinstance(c, str)).to_numpy(dtype=bool)
    return flat.where(is_text, "").astype(str).str.strip()


def _fullmatch(
    texts: pd.Series, pattern: str, shape: tuple[int, ...]
) -> np.ndarray[Any, Any]:
    """Where each text matches `pattern` in full, as a boolean array of `shape`."""
    return np.asarray(texts.str.fullmatch(pattern).to_numpy(dtype=bool)).reshape(shape)


def _thousands_pairs_unopposed(
    cells: np.ndarray[Any, Any],
    read: np.ndarray[Any, Any],
    values: np.ndarray[Any, Any],
) -> np.ndarray[Any, Any]:
    """Second parts of "642,778" or "642,778.00" split, unopposed by their columns.

    Locale "en": a whole number of one to three digits ("642") right before
    one of exactly three digits, with or without decimals ("778", "778.00"),
    where the other rows' values read in both their columns, and the row's
    other values read, are all 1,000 or more, or there are none (a column
    no other row fills: the newest year not yet typed): an empty column is
    no evidence the pair is two values, but a small value beside the pair
    is ("Tulangbawang,126.3,122,106.1,103.6", a series of poor counts in
    thousands). Rows holding such a pair in the same two columns are left
    out of the other rows (a table of which every row is split:
    "Pacitan,370,643.00" over "Kota Batu,642,778.00"). True at the second
    part's cell.
    """
    texts = _stripped_texts(cells)
    head = _fullmatch(texts, r"[1-9][0-9]{0,2}", cells.shape) & read
    tail = _fullmatch(texts, r"[0-9]{3}(?:\.[0-9]+)?", cells.shape) & read
    pair = np.zeros(cells.shape, dtype=bool)
    pair[:, 1:] = head[:, :-1] & tail[:, 1:]
    with np.errstate(invalid="ignore"):
        small = read & ~(np.abs(np.where(read, values, 0.0)) >= 1000)
    # Small values of the other rows: in the tail's column, and in the
    # head's (the column left of it), rows without a pair there.
    unopposed = np.zeros(cells.shape[1], dtype=bool)
    unopposed[1:] = ((small & ~pair)[:, 1:].sum(axis=0) == 0) & (
        (small[:, :-1] & ~pair[:, 1:]).sum(axis=0) == 0
    )
    # The row's own other values: its cells outside the pair.
    parts = pair.copy()
    parts[:, :-1] |= pair[:, 1:]
    alone = (small & ~parts).sum(axis=1) == 0
    found: np.ndarray[Any, Any] = pair & unopposed[None, :] & alone[:, None]
    return found


def _alike_to_the_left(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Where a value and the one left of it are alike (neither over twice the other).

    Two values of a series side by side are ("122" then "106.1", "19" then
    "19"); the two parts of a number split by its comma seldom are ("3"
    then "982.69", "2" then "59"). Compared in absolute value; NaN (no
    value) is alike to nothing. True at the right cell of each pair.
    """
    absolute = np.abs(values)
    alike = np.zeros(values.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        alike[:, 1:] = (absolute[:, 1:] <= 2 * absolute[:, :-1]) & (
            absolute[:, :-1] <= 2 * absolute[:, 1:]
        )
    return alike


def _decimal_pairs_among_decimals(
    cells: np.ndarray[Any, Any],
    read: np.ndarray[Any, Any],
    heads: np.ndarray[Any, Any] | None = None,
) -> np.ndarray[Any, Any]:
    """Second parts of "3,91" split, in a row or columns of decimals.

    Locale "id": a whole number of one to three digits written with digits
    alone ("3") right before one of one or two digits ("91"), where the
    other rows' values read in both their columns are all decimals (written
    with a decimal comma), one at least with as many decimals as the second
    part has digits or more; or, with no other value in those columns, the
    row's own other values are such decimals ("4,26", then "3" and "91").
    A whole number among those columns' values (BPS's "19" beside "18,6":
    a value whose decimals are zero, written without them) is evidence the
    pair is two values only where the two are alike, neither more than
    twice the other (:func:`_alike_to_the_left`), as a series' two whole
    values are ("19" then "19"); a "4" (4.00) among the columns' decimals
    does not make "2" then "59" two values (the parts of "2,59" typed
    without quotes). A second part longer than the decimals written ("19",
    "19" among one-decimal values) is evidence too. Rows holding such a
    pair in the same two columns are left out of the other rows. True at
    the second part's cell. `heads`: the cells that may be a first part
    (numbers, read or refused by a rule of their column, as "4" without
    the percent sign its column's cells state); `read` if None.
    """
    texts = _stripped_texts(cells)
    head = _fullmatch(texts, r"[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+", cells.shape) & (
        read if heads is None else heads
    )
    tail = _fullmatch(texts, r"[0-9]{1,2}", cells.shape) & read
    pair = np.zeros(cells.shape, dtype=bool)
    pair[:, 1:] = head[:, :-1] & tail[:, 1:]
    places = (
        texts.str.extract(r"^[+-]?[0-9.]*,([0-9]+)$", expand=False)
        .str.len()
        .fillna(0)
        .to_numpy(dtype=np.int64)
        .reshape(cells.shape)
    )
    places = np.where(read, places, 0)
    whole = read & (places == 0)
    tail_len = texts.str.len().to_numpy(dtype=np.int64).reshape(cells.shape)
    # The other rows of each pair's two columns: rows without a pair there.
    other = ~pair[:, 1:]
    wholes = (whole[:, 1:] & other).sum(axis=0) + (whole[:, :-1] & other).sum(axis=0)
    most = np.maximum(
        np.where(other, places[:, 1:], 0).max(axis=0, initial=0),
        np.where(other, places[:, :-1], 0).max(axis=0, initial=0),
    )
    row_most = places.max(axis=1, initial=0)
    enough = np.where(most > 0, most[None, :], row_most[:, None]) >= tail_len[:, 1:]
    # Whole values in the columns make a pair of two values only of two
    # alike ones ("19" then "19"), not "2" then "59".
    alike = _alike_to_the_left(_whole_values(cells))[:, 1:]
    found = np.zeros(cells.shape, dtype=bool)
    found[:, 1:] = pair[:, 1:] & ((wholes == 0)[None, :] | ~alike) & enough
    return found


def _decimal_pair_message(
    cells: np.ndarray[Any, Any],
    numbers: np.ndarray[Any, Any],
    pairs: np.ndarray[Any, Any],
    rows: pd.Index[Any],
    k: int,
    more: str,
) -> str:
    """The warning for row `k`'s "3" then "91" among decimals (locale "id")."""
    j = int(np.flatnonzero(pairs[k])[0])
    a, b = str(cells[k, j - 1]).strip(), str(cells[k, j]).strip()
    # The numbers read ("38" of "38%"), as `numbers` holds them.
    na, nb = str(numbers[k, j - 1]).strip(), str(numbers[k, j]).strip()
    return (
        f"row {_label(rows[k])!r}{more} holds {a!r} right before {b!r} among "
        f"decimals: read as two whole numbers, {na} and {nb}, but it may be one "
        f"number, {a},{b}, written with a decimal comma not in quotes (the "
        "values after it then move one column right): with locale='id' and "
        "sep=',', " + _SPLIT_ADVICE
    )


def _check_split_thousands(
    cells: np.ndarray[Any, Any],
    read: np.ndarray[Any, Any],
    values: np.ndarray[Any, Any],
    rows: pd.Index[Any],
    fields: np.ndarray[Any, Any],
    header_fields: frozenset[int],
) -> None:
    """Warn of a row whose values show a thousands comma's split.

    Locale "en": "Kota Malang,38210," written without quotes is "Kota
    Malang", "38", "210" and an empty field, one more than the header
    writes; read as 38 and 210 without it. A row of whole numbers written
    with digits alone, one of three digits right after another (as a
    thousands comma leaves them), writing more or fewer fields than the
    header, is named in a UserWarning. So is a row holding a value of one
    to three digits right before one of three digits and decimals ("JAWA
    TIMUR,3,982.69": "3" and "982.69"), whatever its count of fields (the
    split fills a missing value's place): a whole number beside a decimal
    of the same column group is no pair a table writes, but the two parts
    of "3,982.69" are, unless the two are alike, neither more than twice
    the other ("122" then "106.1": a series' figure written without its
    decimals, as in BPS's poor-count file). So is a row holding a whole
    number of one to three digits right before one of exactly three, with
    or without decimals ("Kota Batu,642,778" or "Kota Batu,642,778.00":
    "642" and "778"), in any count of fields, where
    every other value read of both their columns (`values`, as read) is
    1,000 or more (grouped or not): a column of such values holds no 642
    beside 778, but the two parts of "642,778" are. The warning shows both readings.
    """
    _, digits = _whole_texts(cells)
    text = [c.strip() if isinstance(c, str) else "" for c in cells.ravel()]
    series = pd.Series(text, dtype=object)

    def matching(pattern: str) -> np.ndarray[Any, Any]:
        return series.str.fullmatch(pattern).to_numpy(dtype=bool).reshape(cells.shape)

    three = matching(r"[0-9]{3}")
    # The lead part of a split number: one to three digits, no leading 0.
    lead = matching(r"[1-9][0-9]{0,2}") & read
    pair = np.zeros(cells.shape, dtype=bool)
    pair[:, 1:] = three[:, 1:] & read[:, 1:] & digits[:, :-1] & read[:, :-1]
    counted = ~np.isin(fields.ravel(), list(header_fields))
    # "3,982.69" unquoted: "3" then "982.69", in any count of fields; not
    # two alike values of a series ("122" then "106.1", a year's figure
    # written without decimals beside the next, as BPS's poor-count file
    # writes 126 of them), neither more than twice the other.
    alike = _alike_to_the_left(np.where(read, values, np.nan))
    broken = np.zeros(cells.shape, dtype=bool)
    broken[:, 1:] = (
        matching(r"[0-9]{3}\.[0-9]+")[:, 1:]
        & read[:, 1:]
        & lead[:, :-1]
        & ~alike[:, 1:]
    )
    # "642,778" or "642,778.00" unquoted, in a column whose other values
    # are all 1,000 or more: "642" then "778" (or "778.00"), in any count
    # of fields, however alike the two.
    big = read & (np.abs(np.where(read, values, 0.0)) >= 1000)
    small = read & ~big
    others = (small.sum(axis=0) - small == 0) & (big.sum(axis=0) - big > 0)
    broken[:, 1:] |= (
        matching(r"[0-9]{3}(\.[0-9]+)?")[:, 1:]
        & read[:, 1:]
        & others[:, 1:]
        & lead[:, :-1]
        & others[:, :-1]
    )
    # Rows named by their count of fields keep that message.
    by_count = counted & pair.any(axis=1) & np.where(read, digits, True).all(axis=1)
    broken |= _thousands_pairs_unopposed(cells, read, values) & ~by_count[:, None]
    suspect = np.flatnonzero(by_count | broken.any(axis=1))
    if suspect.size == 0:
        return
    # Shown: the row whose values read, sorted, are smallest.
    values_of = np.where(read, values, np.nan)[suspect]
    k = int(suspect[_first_by_values(values_of)])
    more = f" (and {suspect.size - 1} more)" if suspect.size > 1 else ""
    advice = (
        "write them without thousands commas, or write the file with sep=';' "
        "(and pass sep=';')"
    )
    if broken[k].any():
        j = int(np.flatnonzero(broken[k])[0])
        a, b = text[k * cells.shape[1] + j - 1], text[k * cells.shape[1] + j]
        msg = (
            f"row {_label(rows[k])!r}{more} holds {a!r} right before {b!r}: "
            f"read as two values, {a} and {b}, but it may be one number, "
            f"{a}{b}, written '{a},{b}' with a thousands comma not in quotes, "
            "which splits it into two fields (the values after it then move "
            "one column right): with locale='en' and sep=',', put such numbers "
            f'in quotes ("{a},{b}"), {advice}'
        )
    else:
        shown = [str(c).strip() for c in cells[k][read[k]]]
        msg = (
            f"row {_label(rows[k])!r}{more} writes {int(fields.ravel()[k])} fields "
            f"where the header writes {' or '.join(map(str, sorted(header_fields)))}, "
            f"and every value read is a whole number ({', '.join(map(repr, shown))}): "
            "with locale='en' and sep=',', a thousands comma not in quotes splits a "
            "number into two fields ('38,210' into '38' and '210'), which cannot be "
            'told from two whole numbers; put such numbers in quotes ("38,210"), '
            + advice
        )
    warnings.warn(msg, UserWarning, stacklevel=4)


def _check_split_frame(
    cells: np.ndarray[Any, Any],
    values: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
) -> bool:
    """Warn when a frame's values, in locale "id", are all whole-number texts.

    One at least written with digits alone, as the second part of a split
    number is.

    A CSV file separated by "," read with every column as text (pandas
    ``dtype=str``, polars ``infer_schema=False``, DuckDB ``all_varchar``)
    holds decimals split by an unquoted comma as two whole numbers.
    Numbers refused by a rule of the reader ("38,56" under "(jiwa)") count
    too: one with a fraction shows the decimals were not split, and no
    warning is given. Returns whether it warned.
    """
    read = (reasons == "") & ~np.isnan(values)
    number = ~np.isnan(values)  # read, or refused by a rule after reading
    whole, digits = _whole_texts(cells)
    if (read & digits.ravel()).any() and whole.ravel()[number].all():
        # Shown: a count and the three smallest distinct texts by value
        # (then as text), whatever the rows' order.
        texts = pd.Series(
            [str(c).strip() for c in cells.ravel()[number]], dtype=object
        ).drop_duplicates()
        keys = _whole_values(texts.to_numpy(dtype=object))
        order = np.lexsort((texts.to_numpy(dtype=str), keys))
        sample = ", ".join(repr(str(t)) for t in texts.to_numpy()[order[:3]])
        n = int(number.sum())
        msg = (
            "every value of `source`, a frame, is a whole number written as "
            f"text ({n} value{'' if n == 1 else 's'}; the smallest: {sample}): "
            "read from a CSV file separated by ',' "
            "(pandas' and polars' default, DuckDB's guess), " + _SPLIT_ADVICE
        )
        warnings.warn(msg, UserWarning, stacklevel=3)
        return True
    return False


_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


#: First bytes of files that are neither text nor a spreadsheet, and what
#: they are (a table saved as a PDF or a screenshot, renamed).
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)


def _binary_kind(start: bytes) -> str:
    """What a file starting with `start` is, if no text: "a PDF document"."""
    return next((kind for sig, kind in _SIGNATURES if start.startswith(sig)), "")


def _not_text(data: bytes) -> str:
    """Why bytes read as CSV text are no text at all ("" if they may be)."""
    if not data:
        return "it is an empty file (0 bytes)"
    kind = _binary_kind(data)
    if kind:
        return (
            f"it is not text and not a spreadsheet: its first bytes "
            f"{data[:8]!r} are those of {kind}; pass the table itself (saved "
            "as .xlsx, .ods or .csv), not a picture or document of it"
        )
    return ""


def _stray_nuls(data: bytes) -> str:
    """Advice for a few NUL bytes in text that is not UTF-16 ("" if UTF-16).

    UTF-16 text of Latin letters and digits has a NUL in every other byte;
    fewer than one byte in eight being NUL is a stray NUL (a damaged
    download, a program's padding), which no encoding explains.
    """
    sample = data[:4096]
    n = sample.count(b"\x00")
    if n == 0 or 8 * n >= len(sample):
        return ""
    total, first = data.count(b"\x00"), data.index(b"\x00")
    return (
        f"the file holds {total} NUL byte(s), the first at byte "
        f"{first}, too few for UTF-16 text (in which every "
        "other byte of Latin text is NUL): a stray NUL is no character of a "
        "table (a damaged download or a program's padding); remove it and "
        "read the file again"
    )


def _encoding_hint(data: bytes, given: str) -> str:
    """Advice on the encoding: a byte-order mark, NUL bytes, or one that works.

    Never suggests `given`, the encoding that has just failed.
    """
    tried = codecs.lookup(given).name
    for bom, name in _BOMS:
        if data.startswith(bom):
            return (
                f"the file starts with a {name.removesuffix('-sig').upper()} "
                f"byte-order mark: pass encoding={name!r}"
            )
    stray = _stray_nuls(data)
    if stray:
        return stray
    if b"\x00" in data[:4096]:
        others = [
            e for e in ("utf-16-le", "utf-16-be") if codecs.lookup(e).name != tried
        ]
        return (
            "the file holds NUL bytes, as UTF-16 text does (Excel's "
            f'"Unicode text"): pass encoding={" or ".join(map(repr, others))}'
        )
    other = _text_encoding(data, failed=given)
    if other is not None:
        return (
            f"the bytes do decode as {other}: pass encoding={other!r} if that is "
            f"the file's encoding ({_CHECK_LETTERS})"
        )
    return f"the bytes are {_NO_FALLBACK}: pass the encoding the file was written in"


def _decode(data: bytes, encoding: object) -> str:
    if not isinstance(encoding, str):
        msg = f"`encoding` must be a str, got {encoding!r}"
        raise TypeError(msg)
    no_text = _not_text(data)
    if no_text:
        msg = f"`source` cannot be read as a table: {no_text}"
        raise ValueError(msg)
    try:
        text = data.decode(encoding)
    except LookupError:
        msg = f"`encoding`: unknown encoding {encoding!r}"
        raise ValueError(msg) from None
    except UnicodeDecodeError as e:
        msg = (
            f"`source` is not valid {encoding} text: {e.reason} at byte "
            f"{e.start}; {_encoding_hint(data, encoding)}"
        )
        raise ValueError(msg) from None
    name = codecs.lookup(encoding).name
    for bom, family in _BOMS:
        if data.startswith(bom) and not name.startswith(family[:5]):
            # (utf-8 and utf-8-sig read a UTF-8 mark, utf-16-le a UTF-16 one)
            msg = f"`source` is not {encoding} text: {_encoding_hint(data, encoding)}"
            raise ValueError(msg)
        if data.startswith(bom):
            break
    if "\x00" in text:
        # cp1252 and latin-1 decode any bytes: UTF-16 read in them is text
        # with a NUL after every letter, never a table.
        stray = _stray_nuls(data)
        if stray:
            msg = f"`source` read as {encoding}: {stray}"
            raise ValueError(msg)
        msg = (
            f"`source` read as {encoding} holds NUL characters, so it is not "
            f"{encoding} text; {_encoding_hint(data, encoding)}"
        )
        raise ValueError(msg)
    return text


def _read_csv(text: str, sep: object) -> _Read:
    if not isinstance(sep, str):
        msg = f"`sep` must be a str (a single character), got {type(sep).__name__}"
        raise TypeError(msg)
    if len(sep) != 1:
        msg = f"`sep` must be a single character, got {sep!r}"
        raise ValueError(msg)
    # newline="": line breaks inside quoted fields stay in the field.
    f = io.StringIO(text.removeprefix("\ufeff"), newline="")
    records = list(csv.reader(f, delimiter=sep))
    if '"' in text:
        _check_unclosed_quote(text.removeprefix("\ufeff"), records, sep)
    width = max((len(r) for r in records), default=0)
    # Short records are padded with empty cells to make a grid; the number of
    # fields each row wrote is kept, so that a value cell the row did not
    # write is reported, not read as missing.
    rows = [r + [""] * (width - len(r)) for r in records]
    fields = np.array([len(r) for r in records], dtype=np.intp)
    grid = pd.DataFrame(rows, index=range(1, len(rows) + 1), dtype=object)
    markup = _markup(text)
    hint = f"; `source` is not CSV text: {markup}" if markup else ""
    return _Read(grid=grid, fields=fields, hint=hint or _separator_hint(text, sep))


def _check_unclosed_quote(text: str, records: list[list[str]], sep: str) -> None:
    """Refuse a quote that swallows the lines after it into one field.

    A field that opens a quote and does not close it on its line runs on
    until the next quote, or to the end of the file: the later rows become
    one label ('Kota Batu;4,1 Pacitan;13,8 ...'). A field holding a line
    break with the separator after it (a line of fields of its own) is such
    a field; a quoted label over two lines ("Kota", "Batu") is not. The
    message names the line where the quote opens.
    """
    swallowed = [
        (i, c)
        for i, r in enumerate(records)
        for c in r
        if "\n" in c and any(sep in ln for ln in c.split("\n")[1:])
    ]
    if not swallowed:
        _check_quote_open_at_end(text, sep)
        return
    first, field = swallowed[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    start = end = 0
    for k, _ in enumerate(reader):  # the rare bad file: where its record lies
        start, end = end + 1, reader.line_num
        if k == first:
            break
    closed = (
        "is never closed"
        if first == len(records) - 1
        else f"is closed only in line {end}"
    )
    lines = " ".join(field.split())
    shown = lines if len(lines) <= 60 else lines[:57] + "..."
    msg = (
        f'`source`: the quote (") opened in line {start} {closed}: lines '
        f"{start}-{end} are read as one field ({shown!r}), which holds line "
        f"breaks and the separator {sep!r}; close the quote where the field "
        "ends, or remove it"
    )
    raise ValueError(msg)


def _check_quote_open_at_end(text: str, sep: str) -> None:
    """Refuse a quote opened in the last record and never closed.

    No line follows to be swallowed, but the quote is as unclosed as one
    in the middle of the file ('"Kota Batu;4,1' as the last line would be
    the label 'Kota Batu;4,1'): the rule holds wherever the row sits.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    start = end = 0
    for _ in reader:  # the rare file with a quote: where its last record lies
        start, end = end + 1, reader.line_num
    tail = "".join(text.splitlines(keepends=True)[start - 1 :]) if start else ""
    try:
        list(csv.reader(io.StringIO(tail, newline=""), delimiter=sep, strict=True))
    except csv.Error as e:
        if "unexpected end of data" not in str(e):
            return
        lines = " ".join(tail.split())
        shown = lines if len(lines) <= 60 else lines[:57] + "..."
        where = f"line {start}" if start == end else f"lines {start}-{end}"
        msg = (
            f'`source`: the quote (") opened in line {start} is never closed: '
            f"{where} (the last row, {shown!r}): the field from the quote "
            "runs to the end of the file; "
            "close the quote where the field ends, or remove it"
        )
        raise ValueError(msg) from None


def _skip_to(row: object) -> str:
    """``skiprows=`` for pandas to start a CSV file at its header `row`.

    `row`: the header's row number in the file (1-based, blank lines
    counted, as messages name rows); nothing for the first row or a row
    that is no file row (a frame's label).
    """
    if isinstance(row, int | np.integer) and not isinstance(row, bool) and row > 1:
        return f"skiprows={int(row) - 1}, "
    return ""


def _pandas_read_csv(
    *, sep: str = ",", row: object = None, extra: str = "", encoding: str = ""
) -> str:
    """The pandas call advised to read a CSV file's table: the one recipe.

    Every column as text (``dtype=str, keep_default_na=False``), so that
    povstat reads the numbers (read_bps_table, or parse_columns), by its
    rules: Indonesian "558.029" stays 558029, not the float 558.029 pandas
    would make of it, and a "9.5" typed among Indonesian "9,79" is refused,
    not read as 95 (pandas' ``thousands='.'`` strips a dot anywhere). `sep`:
    the file's separator (named unless ","); `row`: its header row, skipped
    to (:func:`_skip_to`); `extra`: more options ("index_col=0");
    `encoding`: the encoding the caller passed read_bps_table, named unless
    its default (a cp1252 or UTF-16 file the recipe would otherwise fail to
    decode, sheets21 K4).

    >>> print(_pandas_read_csv(sep=";", row=3))
    pandas.read_csv(..., sep=';', skiprows=2, dtype=str, keep_default_na=False)
    >>> print(_pandas_read_csv(extra="index_col=0"))
    pandas.read_csv(..., index_col=0, dtype=str, keep_default_na=False)
    >>> print(_pandas_read_csv(sep=";", encoding="cp1252"))
    pandas.read_csv(..., sep=';', encoding='cp1252', dtype=str, keep_default_na=False)
    """
    named = f"sep={sep!r}, " if sep != "," else ""
    if encoding and codecs.lookup(encoding).name != codecs.lookup("utf-8-sig").name:
        named += f"encoding={encoding!r}, "
    more = f"{extra}, " if extra else ""
    return (
        f"pandas.read_csv(..., {named}{_skip_to(row)}{more}"
        "dtype=str, keep_default_na=False)"
    )


#: How each engine's CSV reader names its separator option.
_SEP_OPTIONS: dict[str, Callable[[str], str]] = {
    "pandas": lambda sep: _pandas_read_csv(sep=sep),
    "polars": lambda sep: (
        f"polars.read_csv(..., separator={sep!r}, infer_schema=False)"
    ),
    "duckdb": lambda sep: f"DuckDB's read_csv(..., delim={sep!r}, all_varchar=true)",
    "pyspark": lambda sep: f"spark.read.csv(..., sep={sep!r})",
}


def _any_reader_sep(sep: str) -> str:
    """The separator option of a reader not in ``_SEP_OPTIONS``."""
    return f"the reader's separator option, as {sep!r}"


def _frame_separator_hint(frame: pd.DataFrame, source: object) -> str:
    """Advice when a frame's fields hold another separator (a CSV misread).

    A ";" file read with the reader's default "," is one column, headed
    "Kabupaten/Kota;2022;2023". The frame's column names and first rows are
    written out as lines of "," separated fields and checked as a file's
    lines are (:func:`_better_separator`); the advice names the option of
    the engine `source` comes from, reading every column as text (pandas
    ``dtype=str, keep_default_na=False``, polars ``infer_schema=False``,
    DuckDB ``all_varchar=true``; Spark reads text unless told otherwise), so
    that "558.029" in locale "id" is read as 558029, not as the float
    558.029 the engine would make of it. A tab is kept in a cell's text
    (a tab file read as one column holds its fields so).

    A title line above the header (BPS's, "Persentase Penduduk Miskin ...")
    holds no separator: read with the wrong one, it is the frame's column
    name over rows holding the separator. The lines before the first that
    splits are skipped in the advice (pandas ``skiprows=``, polars
    ``skip_rows=``), so that the header is the file's header row.
    """

    def raw(cell: object) -> str:
        # The cell's text, its tabs kept (a field separator, maybe) and
        # line breaks as spaces (one line per row).
        if isinstance(cell, str):
            return re.sub(r"[\r\n]+", " ", cell)
        return _cell_text(cell)

    names = [" ".join(raw(c) for c in _as_tuple(col)) for col in frame.columns]
    rows = [
        [raw(c) for c in row] for row in frame.head(19).to_numpy(dtype=object).tolist()
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([names, *rows])
    better = _better_separator(out.getvalue(), ",")
    if better is None:
        return ""
    other, _ = better
    fields = [
        len(next(csv.reader([ln], delimiter=other), []))
        for ln in out.getvalue().splitlines()
    ]
    # Title lines: those (the column name first) before the first line that
    # splits on the separator, when one does.
    title = next((k for k, n in enumerate(fields) if n > 1), 0)
    engine = _engine_of(source)
    option = _SEP_OPTIONS.get(engine, _any_reader_sep)
    one = (
        f"its one column {str(frame.columns[0])!r}"
        if frame.shape[1] == 1
        else "its columns"
    )
    lines = "line" if title == 1 else f"{title} lines"
    skip = {"polars": "skip_rows", "duckdb": "skip"}  # their options
    again = (
        _pandas_read_csv(sep=other, row=title + 1)
        if engine == "pandas"
        else f"{option(other)[:-1]}, {skip[engine]}={title})"
        if title and engine in skip
        else f"{option(other)}, skipping the {lines} above the header"
        if title
        else option(other)
    )
    above = (
        f" (the {lines} above the header, a title, hold{'s' if title == 1 else ''} "
        "none)"
        if title
        else ""
    )
    return (
        f"; `source`, a frame, was read from a file with the wrong separator: "
        f"{one} hold{'s' if frame.shape[1] == 1 else ''} fields separated by "
        f"{other!r}{above}; read the file again with {again}"
    )


def _engine_of(source: object) -> str:
    """The library a frame comes from: "pandas", "polars", "duckdb", ..."""
    native = getattr(source, "to_native", None)
    return type(native() if callable(native) else source).__module__.split(".")[0]


#: How a frame of another library than pandas is converted before a pandas
#: recipe is run on it; a polars LazyFrame is collected first (it has no
#: to_pandas: sheets30 F4).
_TO_PANDAS = (
    "a polars or DuckDB frame converted with df = df.to_pandas() or df = df.df() first"
)
_LAZY_TO_PANDAS = (
    "a polars LazyFrame collected and converted with df = df.collect().to_pandas() "
    "first"
)


def _lazy_polars(source: object) -> bool:
    """Whether `source` is a polars LazyFrame (or narwhals' LazyFrame of one).

    Its recipes collect it first: a LazyFrame has no ``to_pandas``, and its
    ``pivot`` needs the values pivoted on named (sheets30 F4).
    """
    native = getattr(source, "to_native", None)
    frame = native() if callable(native) else source
    return _engine_of(source) == "polars" and type(frame).__name__ == "LazyFrame"


def _to_pandas_first(source: object) -> str:
    """How `source` is converted before a pandas recipe: "" for a pandas frame.

    ``_TO_PANDAS`` for a frame of another library, ``_LAZY_TO_PANDAS`` for a
    polars LazyFrame, so that each recipe runs exactly as printed.
    """
    if isinstance(source, pd.DataFrame):
        return ""
    return _LAZY_TO_PANDAS if _lazy_polars(source) else _TO_PANDAS


def _as_tuple(label: object) -> tuple[object, ...]:
    return label if isinstance(label, tuple) else (label,)


def _better_separator(text: str, sep: str) -> tuple[str, str] | None:
    """The separator the text's lines split on better than `sep`, if any.

    With why it is likely (";": as Excel writes CSV in Indonesian
    settings); see :func:`_separator_hint`.
    """
    lines = [ln for ln in text.removeprefix("\ufeff").splitlines() if ln.strip()][:20]

    def widths(delimiter: str) -> np.ndarray[Any, Any]:
        shown = [
            re.sub(r"(?<=[0-9]),(?=[0-9])", ".", ln) if delimiter == "," else ln
            for ln in lines
        ]
        return np.array(
            [len(next(csv.reader([ln], delimiter=delimiter), [])) for ln in shown],
            dtype=np.intp,
        )

    if not lines:
        return None
    n = widths(sep)
    for other, why in (
        (",", ""),
        (";", " (as Excel writes CSV in Indonesian settings)"),
        ("\t", ""),
        ("|", ""),
    ):
        if other == sep:
            continue
        m = widths(other)
        wider = int((m > n).sum())
        if wider and wider > int((n > m).sum()):
            return other, why
    return None


def _separator_hint(text: str, sep: str) -> str:
    """Advice when the file's lines split into more fields on another separator.

    The first lines (up to 20 that hold anything: title lines, the header
    candidates and the first rows below them) are each split on `sep` and
    on each other separator; a comma between two digits (a decimal comma,
    "13,80") is not counted as one. The other separator is advised when
    more of those lines split into more fields on it than on `sep` than
    the other way round: a title line above a ";" header ("Persentase
    Penduduk Miskin, 2023") does not hide it.
    """
    better = _better_separator(text, sep)
    if better is None:
        return ""
    other, why = better
    lines = [ln for ln in text.splitlines() if ln.strip()]
    shown = "the first line" if len(lines) == 1 else "the file"
    return f"; {shown} splits on {other!r}{why}, not on {sep!r}: pass sep={other!r}"


#: A line break next to a joiner glued to a word ("Perkotaan+\nPerdesaan",
#: "Laki-\nlaki", "Perkotaan/\nUrban"): the cell's text wrapped at the
#: joiner, read as written on one line ("Perkotaan+Perdesaan").
_WRAPPED_AT_JOINER = re.compile(
    r"(?<=\w[+/-])[ \t]*[\r\n]\s*(?=\w)|(?<=\w)\s*[\r\n][ \t]*(?=[+/-]\w)"
)


def _cell_text(cell: object) -> str:
    """A cell as text for layout decisions (headers, labels, blankness).

    Runs of white space are one space; a line break at a joiner glued to
    its word ("Perkotaan+" over "Perdesaan" in one cell) is none, so that a
    wrapped label reads as the same label typed on one line.
    """
    if isinstance(cell, str):
        return " ".join(_WRAPPED_AT_JOINER.sub("", cell).split())
    if cell is None:
        return ""
    if isinstance(cell, Decimal) and cell.is_snan():
        return str(cell)  # pd.isna would raise on it; parse_numbers rejects it
    na = pd.isna(cell)  # type: ignore[call-overload]
    if isinstance(na, bool | np.bool_) and na:
        return ""
    if isinstance(cell, datetime.date | np.datetime64):  # a date as a header
        ts = pd.Timestamp(cell)
        if ts.tz is not None:
            ts = ts.tz_localize(None)  # the wall date and time as written
        if (ts.month, ts.day) == (1, 1) and ts == ts.normalize():
            # A year shown as "2022" (format yyyy) is stored as 1 January;
            # BPS rounds are never in January: the year, with no month, from
            # every reader (.ods formats and frames hold no format).
            return str(ts.year)
        return f"{_MONTH_TEXT[ts.month - 1]} {ts.year}"
    if isinstance(cell, float | np.floating) and float(cell).is_integer():
        return str(int(cell))
    try:
        return str(cell)
    except ValueError:  # an int beyond Python's digit limit for str()
        return _show(cell)


def _strings(values: Any) -> Any:
    """A pandas "string" array; "", None and NaN become <NA>."""
    arr = pd.Series(np.asarray(values, dtype=object), dtype=object)
    return pd.array(arr.where(arr.notna() & (arr != ""), None).tolist(), dtype="string")


# --- layout -------------------------------------------------------------------


@frozen(kw_only=True)
class _Layout:
    first_data: int  # position of the first row below the header
    header_rows: tuple[int, ...]  # positions of the header rows
    columns: np.ndarray[Any, Any]  # positions of the value columns
    headers: tuple[str, ...]  # header text of each value column
    years: np.ndarray[Any, Any]
    months: list[int | None]
    groups: list[str]
    title: str
    bare: bool  # some value column's header names only a year
    rounds_row: bool  # the header has a row of rounds under the years
    # a unit row between the years and the groups under them
    unit_rows: tuple[int, ...] = ()


def _foreign_digit_hint(text: np.ndarray[Any, Any], index: pd.Index[Any]) -> str:
    """Advice when a cell would name a year if its digits were ASCII."""
    for r, c in zip(*np.nonzero(text[:, 1:] != ""), strict=True):  # few cells
        cell = str(text[r, c + 1])
        why = _foreign_digits_why(cell)
        if why:
            return f"; cell {cell!r} (row {_label(index[r])!r}) {why}"
    return ""


def _foreign_digits_why(cell: str) -> str:
    """Why `cell` names no period: its digits are not ASCII ("" if not so).

    2022 in full-width or Arabic-Indic digits would name a period in ASCII
    digits; a header is read in ASCII digits only.
    """
    if cell.isascii():
        return ""
    foreign = [ch for ch in cell if ch.isdecimal() and not ch.isascii()]
    ascii_cell = "".join(
        str(unicodedata.decimal(ch)) if ch in foreign else ch for ch in cell
    )
    if not foreign or _safe_period(ascii_cell) is None:
        return ""
    return (
        f"would name a period in ASCII digits, but it is written in "
        f"{_digit_script(foreign[0])} digits: headers and numbers are read in "
        "ASCII digits 0-9 only"
    )


def _invisible_hint(text: np.ndarray[Any, Any], index: pd.Index[Any]) -> str:
    """Advice when cells would name years without their invisible characters.

    A zero width space, a byte-order mark or a soft hyphen in every year
    label ("\u200b2022", "Ma\u00adret 2022") leaves no header row: the
    first few such cells are named with the characters they hold.
    """
    found = []
    for r, c in zip(*np.nonzero(text[:, 1:] != ""), strict=True):  # few cells
        cell = str(text[r, c + 1])
        unseen = _invisible(cell)
        if not unseen:
            continue
        bare = "".join(
            ch
            for ch in cell
            if ch not in _FILLERS
            and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
        )
        if _period(bare) is not None:
            found.append(f"{cell!r} (row {_label(index[r])!r}) holds {unseen}")
        if len(found) == 3:
            break
    if not found:
        return ""
    return (
        f"; cell(s) {', '.join(found)}: without it each would name a period, "
        "but an invisible character is read as part of the header; remove it"
    )


def _merged_from(
    read: _Read, first: int
) -> tuple[np.ndarray[Any, Any], tuple[str, ...]] | None:
    """The merged-range marks and column letters of the grid's columns from `first`.

    None for a source without merged ranges (a CSV file, a frame, a sheet
    without any).
    """
    if read.merged is None:
        return None
    letters = read.columns or tuple(
        _column_letter(j + 1) for j in range(read.grid.shape[1])
    )
    return read.merged[:, first:], letters[first:]


def _check_hidden_layout(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    data_rows: np.ndarray[Any, Any],
    merged: tuple[np.ndarray[Any, Any], tuple[str, ...]] | None,
) -> None:
    """Refuse header cells and region labels hidden under a merged range.

    A covered cell (not the first of its range) that stores content (a
    range added without clearing the cells) is not shown by the sheet: in
    the header rows, or as a data row's label, it would be read though the
    sheet shows the range's first cell across it. Value cells so covered
    are invalid cells instead (see ``_read_checks``).
    """
    if merged is None:
        return
    refs, letters = merged
    hidden = (refs != None) & (text != "")  # noqa: E711 - elementwise
    hidden[:, 1:][data_rows] = False  # value cells: reported as invalid cells
    rows = np.union1d(np.array(layout.header_rows, dtype=np.intp), data_rows)
    keep = np.zeros(hidden.shape[0], dtype=bool)
    keep[rows] = True
    hidden &= keep[:, None]
    if not hidden.any():
        return
    shown = ", ".join(
        f"{letters[c]}{_label(index[r])} ({str(text[r, c])!r}, under {refs[r, c]})"
        for r, c in list(zip(*np.nonzero(hidden), strict=True))[:5]
    )
    msg = (
        f"cell(s) {shown} store content hidden under a merged range (the "
        "sheet shows the range's first cell across it): a header cell or a "
        "region's label hidden so is not read; unmerge the cells, or clear "
        "the hidden ones"
    )
    raise ValueError(msg)


def _bounded_groups(
    cells: np.ndarray[Any, Any],
    refs: np.ndarray[Any, Any],
    letters: Sequence[str],
    row: object,
) -> list[str]:
    """Each column's group label: the label to its left, within its range.

    A label merged across columns (B1:C1) spans its range only: the columns
    after the range, up to the next label, get "" (no group). A label not
    merged spans the columns up to the next label, as in a CSV file.
    """
    out: list[str] = []
    label, start, bounded = "", "", False
    for k, (s, ref) in enumerate(zip(cells, refs, strict=True)):  # one row
        if s:
            label, start = str(s), f"{letters[k]}{row}:"
            after = refs[k + 1] if k + 1 < len(refs) else None
            bounded = after is not None and str(after).startswith(start)
        elif bounded and not (ref is not None and str(ref).startswith(start)):
            label, bounded = "", False  # past the label's merged range
        out.append(label)
    return out


def _unit_groups_under_years(
    above: np.ndarray[Any, Any], cells: np.ndarray[Any, Any]
) -> bool:
    """Whether a unit row under the years names each column's group.

    BPS's "Jumlah dan Persentase" layout: each year over two or more
    columns, each under a unit alone ("(ribu jiwa)", "(persen)"), the units
    differing under one year. Each unit is then its columns' group, as a
    unit alone over the years is. From the first year on, every column
    holds a unit and lies under a bare year; units the same under every
    year's columns are one unit row over the table, no groups.
    """
    start = int(np.argmax(above != ""))
    filled = np.array([bool(c) for c in cells], dtype=bool)
    if not above[start] or filled[:start].any() or not filled[start:].all():
        return False
    units = pd.Series(cells[start:], dtype=object).astype(str).str.strip()
    if not _unit_spelling(units).str.fullmatch(_UNIT_CELL).all():
        return False
    spans = _ffill(above)[start:]
    for y in dict.fromkeys(spans):
        # A bare year or a period with its round ("Maret 2022"), as BPS's
        # semi-annual tables write it over their columns.
        if _period(_POINT_ZERO.sub(r"\g<year>", str(y))) is None:
            return False
    # Under one year (its cell written once over its columns, or again in
    # each), the units differ: groups. The same unit under each year is a
    # unit row.
    bounds = [
        *(k for k in range(len(spans)) if k == 0 or spans[k] != spans[k - 1]),
        len(spans),
    ]
    return any(len(set(units.iloc[a:b])) > 1 for a, b in pairwise(bounds))


#: The heading of the label column: kinds of region or "Wilayah", alone or
#: joined by slashes ("Kabupaten/Kota", "Provinsi/Kabupaten/Kota",
#: "Wilayah", "Regency/Municipality").
_LABEL_HEADING = re.compile(
    r"(?:provinsi|propinsi|province|kabupaten|kab\.?|kota|regency|city|"
    r"municipality|wilayah|region|daerah)"
    r"(?:\s*/\s*(?:provinsi|propinsi|province|kabupaten|kab\.?|kota|regency|"
    r"city|municipality|wilayah|region|daerah))*",
    _WORD_FLAGS,
)


def _measures_over_years(
    names: np.ndarray[Any, Any] | None,
    year_cells: np.ndarray[Any, Any],
    month: int | None,
) -> bool:
    """Whether the row above the years names each column's measure.

    So when it is a row of column groups by the rule for one above the
    years (``_is_group_row``: two or more labels, the first over the first
    value column, some period named under two of them), its labels not
    rounds. A unit row under the years then states the measures' units,
    and is no row of groups.
    """
    if names is None:
        return False
    used = [j for j, s in enumerate(year_cells) if s]
    try:
        periods = [_period(str(year_cells[j])) for j in used]
    except ValueError:  # a semester and a month that disagree: refused later
        return False
    ok = [p for p in periods if p is not None]
    if not used or len(ok) != len(used):
        return False
    labels = names[1:]
    if any(_round_cell(str(labels[j])) for j in used if labels[j]):
        return False
    years = np.array([p[0] for p in ok], dtype=np.int64)
    months = [p[1] if p[2] != "year" else month for p in ok]
    return _is_group_row(labels, used, years, months)


def _lower_label_heading(
    years: np.ndarray[Any, Any], below: np.ndarray[Any, Any]
) -> Literal["", "blank", "unit"]:
    """Whether the row under the years holds the label column's heading alone.

    Its label cell names the label column ("Kabupaten/Kota", "Wilayah",
    "Provinsi/Kabupaten/Kota"; see ``_LABEL_HEADING``), under an empty
    label cell or the same heading, and its other cells are empty
    ("blank") or units ("(persen)": "unit"). A label naming one kind alone
    ("KOTA") heads a section of rows, never the column: "".
    """
    label = str(below[0]).strip()
    if (
        not label
        or _LABEL_HEADING.fullmatch(label) is None
        or _heading_kind(label) is not None
        or (years[0] and years[0] != below[0])
    ):
        return ""
    rest = below[1:]
    if not any(bool(c) for c in rest):
        return "blank"
    row = np.array([["", *rest]], dtype=object)
    return "unit" if bool(_unit_rows(row)[0]) else ""


def _groups_under_years(
    years: np.ndarray[Any, Any], below: np.ndarray[Any, Any]
) -> bool:
    """Whether the row under a year row names the groups of its columns.

    So when its label cell is empty and it is no unit row, and from the
    first year on every column, and no other, holds a label with a letter
    naming no period ("Perkotaan", "Perdesaan", "Total"), under a bare
    year: its own, or the one to its left (merged over it; in a CSV file or
    a frame, written once over its groups, as over rounds).
    """
    cells, above = below[1:], years[1:]
    filled = np.array([bool(c) for c in cells], dtype=bool)
    # The label column's heading may stand in the lower row, beside the
    # groups ("Kabupaten/Kota" under an empty cell, or under itself).
    headed = bool(below[0]) and (
        _LABEL_HEADING.fullmatch(str(below[0]).strip()) is not None
        and (not years[0] or years[0] == below[0])
    )
    if (below[0] and not headed) or not filled.any():
        return False
    if _unit_rows(below[None, :])[0]:
        return _unit_groups_under_years(above, cells)
    start = int(np.argmax(above != ""))
    if not above[start] or filled[:start].any() or not filled[start:].all():
        return False
    # A year spans two columns at least (an empty year cell to its right,
    # or the year written again): one label under each year is no layout
    # of groups ("(persen)" and "pct" under 2022 and 2023).
    written = [str(y) for y in above[start:] if y]
    if len(written) == len(above[start:]) and len(set(written)) == len(written):
        return False
    units = pd.Series(cells[filled], dtype=object).astype(str).str.strip()
    if _unit_spelling(units).str.fullmatch(_UNIT_CELL).any():
        return False
    # A column past a year's merged range is refused by the layout, named.
    spans = _ffill(above)
    for y, c in zip(spans[start:], cells[start:], strict=True):
        p = _period(_POINT_ZERO.sub(r"\g<year>", str(y))) if y else None
        if p is None or not re.search(r"[A-Za-z]", str(c)):
            return False
        try:
            if _period(str(c)) is not None:
                return False
        except ValueError:
            return False
    return True


#: A header cell writing a period with a slash: in two languages ("Maret/
#: March 2022", "September/Sept 2022") or before its year ("Semester
#: I/2022").
_SLASHED_PERIOD = re.compile(r"[^\W\d_][^/]*/.*(?<![0-9])(?:19|20)[0-9]{2}(?![0-9]).*")


def _slashed_period_hint(text: np.ndarray[Any, Any]) -> str:
    """A hint naming header cells that write a period with a slash, or ""."""
    cells = pd.Series(text[:, 1:].ravel(), dtype=object).astype(str).str.strip()
    found = cells[cells.str.fullmatch(_SLASHED_PERIOD)].unique().tolist()
    if not found:
        return ""
    return (
        f"; cell(s) {found[:3]!r} write a period with a slash (in two "
        "languages, 'Maret/March 2022', or before the year, 'Semester "
        "I/2022'), which is not read as a period: write it in one language "
        "without the slash ('Maret 2022', 'Semester 1 2022')"
    )


#: The error values a spreadsheet shows in a cell whose formula fails.
_SHEET_ERRORS = (
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
    "#SPILL!",
    "#CALC!",
    "#FIELD!",
    "#BLOCKED!",
    "#UNKNOWN!",
    "Err:502",
    "Err:504",
    "Err:508",
    "Err:511",
    "Err:522",
)


def _layout(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    month: int | None,
    merged: tuple[np.ndarray[Any, Any], tuple[str, ...]] | None = None,
    *,
    sheet: bool = False,
    sep: str = ",",
    file_rows: bool = True,
    frame_labels: tuple[str, Sequence[object]] | None = None,
) -> _Layout:
    """The table's layout: header rows, periods, groups, first data row.

    `frame_labels`: for a frame, its library and its column labels, as
    the grid's columns (for advice naming a column as the frame labels it).
    """
    n_rows, n_cols = text.shape
    h = next(
        (
            r
            for r in range(n_rows)
            if any(_period(s) is not None for s in text[r, 1:] if s)
        ),
        None,
    )
    if h is None:
        msg = (
            "no header row naming years (e.g. '2023', 'Maret 2023', "
            "'Semester 1 (Maret) 2023') found in the table"
            f"{_foreign_digit_hint(text, index)}{_invisible_hint(text, index)}"
            f"{_slashed_period_hint(text)}"
        )
        raise ValueError(msg)
    false_header = _false_header_why(text, index, h)
    if false_header:
        msg = f"{_NO_HEADER_FOUND}: {false_header}"
        raise ValueError(msg)
    header_rows = [h]
    cols = np.arange(1, n_cols)
    year_cells = text[h, 1:]
    _check_decorated_rounds(text, index, h)
    two_rows = h + 1 < n_rows and any(
        _round_cell(s) is not None for s in text[h + 1, 1:] if s
    )
    # A year over the columns of its groups ("2022" merged over "Perkotaan",
    # "Perdesaan", "Total"): the row under the years, its label cell empty,
    # names each column's group.
    # A unit row ("(persen)", or units differing by column, "(ribu jiwa)",
    # "(persen)") between the years and the groups under them: the groups
    # are the row below it, as when the unit row comes after the groups;
    # the unit row is checked as one under the header is.
    # Measure names over single-year columns, a unit row under the years
    # ("Jumlah Penduduk Miskin", "P0", "P1" over 2023, 2023, 2023 over
    # "(ribu jiwa)", "(persen)", "(persen)"): the names are the groups, as
    # over years without a unit row, and the unit row states their units.
    # A year written once over its measures (merged across them, or once
    # in a CSV file) spans them, as over groups.
    spread = _ffill(year_cells)
    if merged is not None:
        spread = _bounded_groups(year_cells, merged[0][h, 1:], merged[1][1:], index[h])
    over = text[h - 1, 1:] if h else np.full(n_cols - 1, "", dtype=object)
    measure_years = np.array(
        [
            y if (c or n) else ""
            for c, n, y in zip(year_cells, over, spread, strict=True)
        ],
        dtype=object,
    )
    measures = (
        not two_rows
        and h + 1 < n_rows
        and bool(_unit_rows(text[h + 1][None, :])[0])
        and _measures_over_years(text[h - 1] if h else None, measure_years, month)
    )
    unit_mid = (
        not two_rows
        and not measures
        and h + 2 < n_rows
        and bool(_unit_rows(text[h + 1][None, :])[0])
        and not bool(_unit_rows(text[h + 2][None, :])[0])
        and _groups_under_years(text[h], text[h + 2])
    )
    sub_groups = (
        not two_rows
        and not unit_mid
        and not measures
        and h + 1 < n_rows
        and _groups_under_years(text[h], text[h + 1])
    )
    sub_groups = sub_groups or unit_mid
    # The label column's heading alone in the row under the years
    # ("Kabupaten/Kota" beside empty cells, or beside units): a header row
    # (and a unit row), never a region.
    lower = (
        ""
        if two_rows or sub_groups or h + 1 >= n_rows
        else _lower_label_heading(text[h], text[h + 1])
    )
    sub = h + 2 if unit_mid else h + 1  # the row of rounds or groups
    if two_rows or sub_groups:
        header_rows.extend(range(h + 1, sub + 1))
        # "Tahun 2022" over "Maret", "September": the year 2022 (the word for
        # year is dropped before the round is joined to it).
        years_ffill = [
            _WORD_YEAR.sub(r"\g<year>", _POINT_ZERO.sub(r"\g<year>", y))
            for y in _ffill(year_cells)
        ]
        rounds = text[sub, 1:]
        if merged is not None:
            # Where the sheet merges a year across columns, the range bounds
            # the year, as it bounds a group label: a round after it whose
            # year cell is empty is under no year.
            refs, letters = merged
            bounded = _bounded_groups(year_cells, refs[h, 1:], letters[1:], index[h])
            outside = [
                j
                for j, (y, b, r) in enumerate(
                    zip(years_ffill, bounded, rounds, strict=True)
                )
                if r and y and not b
            ]
            if outside:
                shown = ", ".join(f"{letters[j + 1]} ({rounds[j]!r})" for j in outside)
                spans = sorted({str(x) for x in refs[h, 1:] if x is not None})
                msg = (
                    f"column(s) {shown} lie under no year: the year row "
                    f"{_label(index[h])!r} merges its years over {spans} and the "
                    "cell above each of these columns is empty; write each "
                    "column's year above it, or merge the year over it"
                )
                raise ValueError(msg)
        if two_rows and merged is not None:
            # A year merged down over the round row ("2022" in B1:B2 beside
            # "2023" over "Maret | September"): the year alone, annual, as
            # "2022" over "Tahunan" is.
            refs, letters = merged
            rounds = rounds.copy()
            for j in np.flatnonzero(rounds == "").tolist():  # the few such cells
                ref = refs[sub, j + 1]
                if (
                    ref is not None
                    and year_cells[j]
                    and str(ref).split(":")[0] == f"{letters[j + 1]}{index[h]}"
                ):
                    rounds[j] = "Tahunan"
        heads = [
            (y if sub_groups else f"{y} {r}".strip()) if r else ""
            for y, r in zip(years_ffill, rounds, strict=True)
        ]
    elif measures:
        heads = list(measure_years)
    else:
        heads = list(year_cells)
    used = [j for j, s in enumerate(heads) if s]
    periods = [_period(heads[j]) for j in used]
    bad = [heads[j] for j, p in zip(used, periods, strict=True) if p is None]
    if bad:
        unseen = "".join(
            f"; {b!r} holds {_invisible(b)}, which is read as part of the header: "
            "remove it"
            for b in bad[:3]
            if _invisible(b)
        ) + "".join(
            f"; {b!r} {why}" for b in bad[:3] if (why := _foreign_digits_why(b))
        )
        # A year written as a spreadsheet exports a number ("2.023",
        # "2023,00") or beside a unit ("2023 (persen)") among years written
        # plainly: why, as when every year is so written.
        at: object = index[h] if file_rows else None  # its row in the file
        if frame_labels is not None and not sub_groups and not two_rows:
            # A frame's header cells: named by the frame's labels, the
            # lines above the header row counted (a title line the reader
            # took for the labels, or rows of cells above it).
            engine, own = frame_labels
            at = _FrameSite(
                engine,
                {
                    heads[j]: own[j + 1]
                    for j, p in zip(used, periods, strict=True)
                    if p is None and j + 1 < len(own)
                },
                h,
            )
        whys = [(b, _year_text_why(b, sheet=sheet, sep=sep, row=at)) for b in bad[:3]]
        why = "".join(
            f"; {b!r} {'heads' if w.startswith(_CHANGE_WHY) else 'holds'} {w}"
            for b, w in whys
            if w
        )
        write = (
            ": write each year alone ('2022') or with its month or semester "
            "('Maret 2022')"
            if any(w and not w.startswith(_CHANGE_WHY) for _, w in whys)
            else ""
        )
        msg = (
            f"{_header_row(index[h])}: {bad!r} name no period; expected a year "
            "with an optional month or semester, e.g. '2023', 'Maret 2023', "
            f"'Semester 1 (Maret) 2023'{unseen}{why}{write}"
            f"{_left_out_hint(bad, str(text[h, 0]), sheet=sheet, sep=sep, row=at)}"
        )
        raise ValueError(msg)
    ok = [p for p in periods if p is not None]
    years = np.array([p[0] for p in ok], dtype=np.int64)
    months = [p[1] if p[2] != "year" else month for p in ok]
    g = sub if sub_groups else h - 1
    # A unit row between a row of groups and the years ("P0", "P1" over
    # "(persen)", "(indeks)" over 2022, 2023): the groups are the row above
    # it; the unit row is checked as one under the years is.
    unit_above = (
        not sub_groups
        and g >= 1
        and bool(_unit_rows(text[g][None, :])[0])
        and _is_group_row(text[g - 1, 1:], used, years, months)
    )
    if unit_above:
        header_rows.insert(0, g)
        g -= 1
    has_group = not sub_groups and (
        g >= 0 and _is_group_row(text[g, 1:], used, years, months)
    )
    if has_group:
        header_rows.insert(0, g)
    elif not sub_groups and g >= 0:
        _check_disjoint_groups(text, index, g, h, used)
    if lower:
        header_rows.append(h + 1)
    group_cells = (
        list(text[g, 1:])
        if sub_groups
        else _ffill(text[g, 1:])
        if has_group
        else [""] * (n_cols - 1)
    )
    if has_group and merged is not None:
        # Where the sheet merges a group label across columns, the range
        # bounds the group: a column after it is under no group.
        refs, letters = merged
        group_cells = _bounded_groups(text[g, 1:], refs[g, 1:], letters[1:], index[g])
        outside = [j for j in used if not group_cells[j]]
        if outside:
            shown = ", ".join(f"{letters[j + 1]} ({heads[j]!r})" for j in outside)
            spans = sorted({str(r) for r in refs[g, 1:] if r is not None})
            msg = (
                f"column(s) {shown} lie under no group: the group row "
                f"{_label(index[g])!r} merges its labels over {spans} and the "
                "cell above each of these columns is empty; write each "
                "column's group above it, or merge the group's label over it"
            )
            raise ValueError(msg)
    title = " | ".join(s for r in range(header_rows[0]) for s in text[r] if s)
    groups = [group_cells[j] for j in used]
    hidden = [
        (lab, _invisible(lab)) for lab in dict.fromkeys(groups) if _invisible(lab)
    ]
    if hidden:
        # "Perkotaan" and "Perkotaan" with a zero width space would be two
        # groups that look the same.
        shown = "; ".join(
            f"{lab!r} holds {what}, which is read as part of the label"
            for lab, what in hidden
        )
        msg = (
            f"group row {_label(index[g])!r}: {shown}; the columns under it "
            "would be a group of their own that looks like another: remove it"
        )
        raise ValueError(msg)
    kinds = [p[2] for p in ok]
    if has_group:
        groups, months, kinds = _round_groups(
            groups, [heads[j] for j in used], ok, months, month, index[g]
        )
    keys = pd.Series(list(zip(groups, years.tolist(), months, strict=True)))
    dup = keys.duplicated(keep=False).to_numpy()
    if dup.any() and measures:
        # Columns under one measure name and one period, told apart by
        # their units alone ("Jumlah" over 2023, 2023 over "(ribu jiwa)",
        # "(persen)"): neither row alone names each column.
        named = merged[1] if merged is not None else None
        shown = ", ".join(
            f"{named[j + 1] if named else f'column {j + 2}'} "
            f"({group_cells[j]!r}, {heads[j]!r}, {text[h + 1, j + 1]!r})"
            for j, d in zip(used, dup, strict=True)
            if d
        )
        msg = (
            f"header rows {_label(index[g])!r} (measure names) and "
            f"{_label(index[h])!r} (years), with the unit row "
            f"{_label(index[h + 1])!r} under them: {shown} name the same "
            "measure and period, told apart only by their units; write each "
            "column's own measure name over it (e.g. 'Jumlah Penduduk Miskin' "
            "and 'Persentase Penduduk Miskin'), or the units as groups under "
            "one measure name over each year"
        )
        raise ValueError(msg)
    if dup.any():
        names = [heads[j] for j, d in zip(used, dup, strict=True) if d]
        msg = f"columns name the same period more than once: {names!r}"
        raise ValueError(msg)
    return _Layout(
        first_data=header_rows[-1] + 1,
        header_rows=tuple(header_rows),
        columns=cols[used],
        headers=tuple(heads[j] for j in used),
        years=years,
        months=months,
        groups=groups,
        title=title,
        bare=any(k == "year" for k in kinds),
        rounds_row=two_rows,
        unit_rows=((h + 1,) if unit_mid or lower == "unit" else ())
        + ((h - 1,) if unit_above else ()),
    )


def _check_header_labels(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    province: str | None,
) -> None:
    """Refuse a header row labelled with a region's name.

    A table written without a header ("Kota Sawahlunto,1987,2011" first)
    has its first row of values taken for the header of years: the region
    would vanish and its numbers become periods.
    """
    rows = [r for r in layout.header_rows if text[r, 0] != ""]
    if not rows:
        return
    labels = np.array([text[r, 0] for r in rows], dtype=object)
    first_year = int(min(layout.years)) if len(layout.years) else None
    for r, label in zip(rows, labels, strict=True):  # one to three rows
        try:
            found = _match_regions(
                np.array([label], dtype=object), index[[r]], province, first_year
            )
            code = found["code"].iloc[0]
            name = found["name"].iloc[0]
        except ValueError:  # a name of several regions: a region's name
            code, name = "", ""
        if code is None or _names_parent(text, index, layout, code, province):
            continue
        region = f" ({code} {name})" if code else ""
        cells = [str(s) for s in text[r, 1:] if s]
        other = ""
        if code and len(str(code)) == 2 and str(code) != "00":
            # A province over rows that are not its regions: most likely a
            # header of periods labelled with the wrong province.
            other = (
                ", a province whose regencies and cities are not the rows "
                "below: label the header with the rows' province or "
                "'Kabupaten/Kota' (or pass `province`); otherwise"
            )
        msg = (
            f"{_header_row(index[r])} is labelled {str(label)!r}, the "
            f"name of a region{region}{other}: the table seems to have no header, "
            f"its first row of values ({cells!r}) taken for the header of "
            "periods; write a header row naming the years above the values "
            "(e.g. 'Kabupaten/Kota,2022,2023'), and for a frame read with its "
            "first row as column names, read it without (pandas header=None, "
            "polars has_header=False) and add that row"
        )
        raise ValueError(msg)


def _names_parent(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    code: str,
    province: str | None,
) -> bool:
    """Whether a header labelled with province `code` heads its own table.

    A province's table of its regencies and cities is labelled with the
    province's name ("Jawa Timur" over "Pacitan", "Kota Batu"): the label
    names the `province` given, or the province of a region below, today
    or, in a table from before the 2022 Papua split, then ("Papua" over
    "Jayawijaya", in Papua Pegunungan since). "Indonesia" is the parent of
    every region: it heads a table of provinces, regencies or cities.
    """
    national = code == _regions.NATIONAL_CODE
    if len(code) != 2:
        return False
    if province == code:
        return True
    labels = np.array([s for s in text[layout.first_data :, 0] if s], dtype=object)
    if labels.size == 0:
        return False
    first_year = int(min(layout.years)) if len(layout.years) else None
    try:
        found = _match_regions(
            labels, index[: labels.size], province if national else code, first_year
        )
    except ValueError:  # a name of several regions in no province context
        return False
    codes = [str(c) for c in found["code"].dropna()]
    if national:
        return any(c != code for c in codes)
    before_split = first_year is None or first_year < _regions.SPLIT_TABLE_YEAR
    parents = [_regions.info(c)[2:] for c in codes if len(c) > 2]
    return any(
        today == code or (before_split and before == code) for today, before in parents
    )


def _round_groups(
    groups: list[str],
    heads: list[str],
    periods: list[tuple[int, int | None, str]],
    months: list[int | None],
    month: int | None,
    row: object,
) -> tuple[list[str], list[int | None], list[str]]:
    """Groups that name a survey round ("Maret", "Semester 2") set the month.

    A column whose group is a round gets that round's month (and no group),
    as if its header named it; `month` given as well, a header naming
    another round, or a row naming rounds and other labels ("Maret" and
    "Septmber"), raises ValueError. Returns the groups, months and kinds
    ("year", "round", "annual") of the value columns.
    """
    labels = [g for g in dict.fromkeys(groups) if g]
    rounds = [g for g in labels if _round_cell(g)]
    if rounds and len(rounds) < len(labels):
        # "Maret" next to "Septmber": half rounds, half groups, is a
        # misspelt round, never a table of both.
        odd = [g for g in labels if g not in rounds]
        letters = "".join(
            f"; {g!r} holds {', '.join(_char_names(g))}, not an ASCII letter"
            for g in odd
            if _char_names(g)
        )
        msg = (
            f"group row {_label(row)!r} names survey rounds ({rounds!r}) and "
            f"other labels ({odd!r}): a row of rounds names a round over every "
            "column, a row of groups none; correct the misspelt round (e.g. "
            f"'Maret', 'September', 'Semester 2', 'Tahunan'){letters}"
        )
        raise ValueError(msg)
    groups, months = list(groups), list(months)
    kinds = [p[2] for p in periods]
    for k, (g, head, (year, mon, kind)) in enumerate(
        zip(groups, heads, periods, strict=True)
    ):
        if not g or _round_cell(g) is None:
            continue
        named = _period(f"{g} {year}")
        if named is None:  # pragma: no cover - a round with a year is a period
            continue
        if kind == "year" and month is not None:
            msg = (
                f"`month` is {month!r} but the group row {_label(row)!r} names the "
                f"round of column {head!r}: {g!r}; pass month=None"
            )
            raise ValueError(msg)
        if kind != "year" and (mon, kind) != (named[1], named[2]):
            msg = (
                f"column {head!r} names another round than its group {g!r} "
                f"(row {_label(row)!r})"
            )
            raise ValueError(msg)
        groups[k], months[k], kinds[k] = "", named[1], named[2]
    return groups, months, kinds


def _char_names(text: str) -> list[str]:
    """Non-ASCII characters of `text` by code point and name: "U+0430 (...)"."""
    return [
        f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed')})"
        for c in dict.fromkeys(text)
        if ord(c) > 127
    ]


def _check_disjoint_groups(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    g: int,
    h: int,
    used: list[int],
) -> None:
    """Refuse column groups over disjoint periods, read as one series.

    A row above the years, labelled as the label column's heading, or not
    at all and naming two measures ("Kabupaten/Kota | Garis Kemiskinan
    (Rupiah) | Persentase Penduduk Miskin (Persen)" over "2022 | 2023"),
    whose two or more
    labels each stand over value columns, is a row of column groups. Read
    as groups only where a period lies under two of them
    (:func:`_is_group_row`), here it would be a title, and the groups'
    values (rupiah and percent) one series under one name. A row labelled
    otherwise ("Tabel 3.1 | Persentase Penduduk Miskin | (Persen)"), or
    not at all over one measure's words, is a title split over the columns.
    """
    label = str(text[g, 0]).strip()
    cells = text[g, 1:]
    labelled = [j for j, c in enumerate(cells) if c]
    if (
        len({str(cells[j]) for j in labelled}) < 2
        or labelled[0] != used[0]
        or not set(labelled) <= set(used)
    ):
        return
    if not _column_heading(label) and (
        label or len({_measure_kind(str(cells[j])) for j in labelled} - {""}) < 2
    ):
        # A title split over the columns ("Tabel 3.1 | Persentase Penduduk
        # Miskin | (Persen)"); with its label empty, a row naming two
        # measures ("Garis Kemiskinan (Rupiah)", "Persentase Penduduk
        # Miskin (Persen)") is groups all the same.
        return
    spans = _ffill(cells)
    shown = "; ".join(
        f"{str(spans[j])!r} over {str(text[h, j + 1])!r}" for j in used[:6]
    )
    msg = (
        f"row {_label(index[g])!r} above the header names column groups over "
        f"different periods ({shown}): read as a title, the groups' values "
        "would be one series under one name, whatever each group measures; a "
        "row of groups is read where a period lies under two of them (each "
        "group over the same years): read each group's columns as a table of "
        "its own (split the file, or pass each group's columns)"
    )
    raise ValueError(msg)


#: The measures a column group may name: the poverty line, the number of
#: poor, the headcount ratio, an index (P1, P2).
_MEASURE_KINDS = (
    ("line", re.compile(r"garis\s+kemiskinan|poverty\s+line|rupiah|\bGK\b", re.I)),
    ("index", _INDEX_MEASURE),
    ("rate", re.compile(rf"{_HEADCOUNT_MEASURE.pattern}|persen|percent|%", re.I)),
    ("count", re.compile(r"jumlah|number\s+of|ribu|jiwa|thousand|orang", re.I)),
)


def _measure_kind(cell: str) -> str:
    """The measure a group label names ("line", "index", "rate", "count"), or ""."""
    return next((kind for kind, rx in _MEASURE_KINDS if rx.search(cell)), "")


def _is_group_row(
    cells: np.ndarray[Any, Any],
    used: list[int],
    years: np.ndarray[Any, Any],
    months: list[int | None],
) -> bool:
    """Whether the row above the header is a row of column groups.

    It is when its labels span the value columns and are needed to tell
    them apart: two or more different labels, each above a value column,
    the first above the first value column, and some period named under
    two of them ("Perkotaan" and "Jumlah" over the same years); or labels
    that all name a survey round ("Maret", "Semester 2"), each above a
    value column, the first above the first one; or two or more
    different labels laid out so, some naming a round and some not
    ("Maret" and "Septmber", refused later). Otherwise
    the row is part of the title (e.g. "Tabel 3.1 | Persentase Penduduk
    Miskin | (Persen)" just above the years).
    """
    labelled = [j for j, s in enumerate(cells) if s]
    if not labelled or not used:
        return False
    if labelled[0] != used[0] or not set(labelled) <= set(used):
        return False
    rounds = [bool(_round_cell(cells[j])) for j in labelled]
    if all(rounds):
        return True  # rounds ("Maret", "Semester 2") over the years
    if len({cells[j] for j in labelled}) < 2:
        return False
    if any(rounds):
        # Rounds and other labels over the value columns ("Maret" and a
        # misspelt "Septmber"): a row of rounds or groups, never a title;
        # _round_groups refuses it.
        return True
    spans = _ffill(cells)
    seen: dict[tuple[int, int | None], str] = {}
    for j, y, m in zip(used, years.tolist(), months, strict=True):
        other = seen.setdefault((y, m), spans[j])
        if other != spans[j]:
            return True
    return False


#: A year a reader made unique as a column name: pandas "2022.1", polars
#: "2022_duplicated_0", DuckDB "2022_1", Spark "20221" (the year and the
#: column's position). pandas never writes "2022.0": that is the year 2022.
_DEDUPLICATED = re.compile(
    r"(?:19|20)[0-9]{2}(?:\.[1-9][0-9]*|_duplicated_[0-9]+|_[0-9]+|[0-9]{1,3})"
)


#: A column label naming a year and a second key, as polars and DuckDB name
#: the columns of a frame pivoted on two columns: "{2022,3}",
#: '{2022,"Perkotaan"}' (polars), "2022_3", "2022_Perkotaan" (DuckDB), the
#: other key first as well ('{"Perdesaan",2022}', "Perdesaan_2022"); polars
#: quotes keys read as text ('{"2022","3"}', read with infer_schema=False).
_TWO_KEYS = re.compile(
    r'\{\s*"?(?:19|20)[0-9]{2}"?\s*,\s*"?[^,{}"]+"?\s*\}|(?:19|20)[0-9]{2}_[^_].*'
    r'|\{\s*"?[^,{}"]+"?\s*,\s*"?(?:19|20)[0-9]{2}"?\s*\}'
    r"|[^_{}]*[^_{}0-9]_(?:19|20)[0-9]{2}"
)


def _pivot_hint(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    *,
    frame: bool = True,
    sheet: bool = False,
    sep: str = ",",
    lazy: bool = False,
) -> str:
    """Advice when a table is long, or was pivoted on the year and another key.

    `frame`: the cells are a frame's (its column labels above), not a
    file's (whose header and title lines are found as in
    :func:`_long_period_column`). `sheet`: the file is a spreadsheet's,
    pivoted in the spreadsheet (a frame read from it loses its number
    formats, see ``_READ_EXCEL_LOSES``). `sep`: a CSV file's separator, for
    the advice that reads it (:func:`_pandas_read_csv`). A long table with a second key
    (BPS's ``nama_variabel``: P1 and P2 in one file) is filtered on it
    first, the key named (see ``_other_keys``). `lazy`: the frame is a polars
    LazyFrame, collected before it is pivoted (its ``pivot`` needs the values
    pivoted on named: sheets30 F4).

    Long: a column below the column labels holds years alone, some of them
    repeated (one row per region and period). Two keys: labels joining a
    year and another key ("{2022,3}", "2022_Perkotaan"), or two label rows
    (a pandas MultiIndex) repeating a year over the other key's values.
    """
    labels = np.array([str(r).startswith("columns") for r in index], dtype=bool)
    n_labels = int(labels.sum())
    why = ""
    header: object = None  # a file's header row (a title line may be above)
    keys: list[tuple[str, list[str]]] = []
    two_keys = next(
        (str(s) for s in text[:n_labels, 1:].ravel() if _TWO_KEYS.fullmatch(str(s))), ""
    )
    if two_keys:
        why = (
            f"its column labels name a year and a second key ({two_keys!r}: a "
            "frame pivoted on the year and another column)"
        )
    elif n_labels >= 2:
        years = [s for s in text[0, 1:] if s]
        under = text[1, 1:][text[0, 1:] != ""]
        bare = all((p := _period(str(y))) is not None and p[2] == "year" for y in years)
        if years and bare and len(set(years)) < len(years) and (under != "").all():
            why = (
                f"its column labels repeat a year over a second key "
                f"({years[0]!r} over {under[0]!r}: a frame pivoted on the year "
                "and another column)"
            )
    if not why:
        j = _long_period_column(text[n_labels:], headed=not frame)
        if j is not None:
            head = next((s for s in text[:, j] if s), "") if not frame else ""
            name = f" {text[0, j]!r}" if n_labels and text[0, j] else ""
            if head and _period(_POINT_ZERO.sub(r"\g<year>", head)) is None:
                name = f" {head!r}"
            cells = [
                s
                for s in text[n_labels:, j]
                if s and _period(_POINT_ZERO.sub(r"\g<year>", s)) is not None
            ]
            what = (
                "years"
                if all(re.fullmatch(r"[0-9]{4}(?:\.0+)?", s) for s in cells)
                else "periods"
            )
            how = "repeated" if len(set(cells)) < len(cells) else "down its rows"
            why = (
                f"it is in long form, one row per region and period (its "
                f"column{name} holds {what}, {how})"
            )
            keys = _other_keys(text, j, n_labels)
            if not frame:
                # The header: the cell of column j right above its first
                # period (a title line above it is skipped when read).
                rows = np.flatnonzero(text[n_labels:, j] != "") + n_labels
                at = next(
                    (
                        k
                        for k, r in enumerate(rows)
                        if _safe_period(_POINT_ZERO.sub(r"\g<year>", text[r, j]))
                        is not None
                    ),
                    0,
                )
                header = index[rows[at - 1]] if at > 0 else None
    if not why:
        return ""
    # The regions kept in the file's order: a province row heads the
    # regencies looked for in it, and pandas' pivot sorts them by name.
    pandas_pivot = (
        "pandas df.pivot(index=REGION, columns=YEAR, values=VALUE)"
        ".reindex(df[REGION].unique()).reset_index() (pivot alone sorts the "
        "regions by name), polars "
        + ("df.collect().pivot" if lazy else "df.pivot")
        + "(on=YEAR, index=REGION, values=VALUE)"
        + (" (the LazyFrame collected first)" if lazy else "")
    )
    first = ""
    if keys:
        name, values = keys[0]
        more = (
            f" (and likewise {', '.join(repr(k) for k, _ in keys[1:])})"
            if len(keys) > 1
            else ""
        )
        shown = ", ".join(repr(v) for v in values[:3])
        first = (
            f"its column {name!r} is a second key ({shown}"
            f"{', ...' if len(values) > 3 else ''}: a region has a value per "
            f"period for each), so keep the rows of one of its values first"
            f"{more}: pandas df = df[df[{name!r}] == {values[0]!r}], polars "
            f"df = df.filter(pl.col({name!r}) == {values[0]!r}) (in a "
            "spreadsheet pivot table, the column as a filter set to one value: "
            "its default Sum would add the values of all); then "
        )
    if sheet and not frame:
        return (
            f"; the table looks long, not wide: {why}. read_bps_table reads a "
            "wide table, one column per period ('2022', '2023') and one row "
            "per region, the regions in the file's order (a province row above "
            f"its regencies); {first}pivot it on the year, keeping that order, "
            "in the spreadsheet: a pivot table with the regions as rows, "
            "sorted in data source order, not by name, and the years as "
            "columns, its values given the cells' number format (Value Field "
            "Settings, Number Format: a pivot table shows them as General, "
            "0.1308 for 13.08%); or save the sheet as CSV from the spreadsheet "
            "program, which writes each cell as shown ('13.08%'), read that "
            "file into a frame with every column as text, "
            f"{_pandas_read_csv(row=header)}, "
            f"and use {pandas_pivot}; not a frame read from the workbook, "
            f"{_READ_EXCEL_LOSES}; and pass that"
        )
    if not frame:
        return (
            f"; the table looks long, not wide: {why}. read_bps_table reads a "
            "wide table, one column per period ('2022', '2023') and one row "
            "per region, the regions in the file's order (a province row above "
            f"its regencies); {first}pivot it on the year, keeping that order "
            "(in a spreadsheet, a pivot table with the regions as rows, sorted "
            "in data source order, not by name, and the years as columns; or "
            "read the file into a frame with every column as text, "
            f"{_pandas_read_csv(sep=sep, row=header)}, and use {pandas_pivot}) "
            "and pass that"
        )
    if first:
        return (
            f"; the frame looks pivoted the wrong way: {why}. read_bps_table "
            "reads a wide table, one column per period, the regions in the "
            f"file's order (a province row above its regencies); {first}pivot "
            f"the long frame on the year alone, keeping that order: {pandas_pivot}, "
            "DuckDB the relation's .df() pivoted as in pandas"
        )
    return (
        f"; the frame looks pivoted the wrong way: {why}. read_bps_table reads "
        "a wide table, one column per period, the regions in the file's order "
        "(a province row above its regencies); pivot the long frame on the "
        "year alone, keeping that order, after keeping the rows of one value "
        f"of each other key (a month, urban or rural): {pandas_pivot}, DuckDB "
        "the relation's .df() pivoted as in pandas; or write the other key "
        "into each column's label as a round ('Maret 2022')"
    )


#: A word heading a column of changes between periods: "Perubahan",
#: "Selisih", "Kenaikan/Penurunan", "Naik/Turun", "Change", "Δ".
_CHANGE_WORD = re.compile(
    r"(?<![^\W\d_])(?:perubahan|selisih|kenaikan|penurunan|naik|turun|"
    r"pertumbuhan|change|difference|diff|increase|decrease|growth|delta)"
    r"(?![^\W\d_])|\u0394",
    re.IGNORECASE,
)
#: Two periods joined as a span: "2022-2023", "Maret 2022 - Maret 2023",
#: "2022 s.d. 2023", "2022 ke 2023", "2022 to 2023", "2022 vs 2023".
_PERIOD_SPAN = re.compile(
    r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])\s*"
    r"(?:[-\u2013\u2014/]|s\.?\s*d\.?|s/d|sampai|hingga|ke|to|vs\.?)\s*"
    r"[^0-9]*(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])",
    re.IGNORECASE,
)
#: How a change column's why begins (the advice for it is its own).
_CHANGE_WHY = "a change between periods"


def _change_column_why(
    cell: str, *, sheet: bool = False, sep: str = ",", row: object = None
) -> str | None:
    """Why a header cell heads a column of changes, not a period, or None.

    A cell naming a change ("Perubahan", "Selisih", "Kenaikan/Penurunan",
    "Change", "Δ") or two periods joined as a span ("Maret 2022 - Maret
    2023", "2022-2023", "2022 s.d. 2023") heads the change from one period
    to another: no period, and not read. The advice is to leave the column
    out, as povstat computes changes from the periods itself: in the sheet,
    if the table is a spreadsheet's (`sheet`), as a frame read from it
    loses its number formats (see ``_LEAVE_OUT_OF_SHEET``); else read
    without it (`sep`, `row`: the file's separator and header row, see
    :func:`_csv_leave_out`).
    """
    text = " ".join(cell.split())
    word = _CHANGE_WORD.search(text)
    span = _PERIOD_SPAN.search(text)
    if word is not None:
        what = f"the word {word[0]!r}"
    elif span is not None:
        what = f"two periods, {span[0]!r}; or another figure over the span"
    else:
        return None
    return (
        f"{_CHANGE_WHY} ({what}), not a period: a change column is not "
        "read; leave it out ("
        + (
            _LEAVE_OUT_OF_SHEET
            if sheet
            else "delete the column from the sheet or file, or "
            + _csv_leave_out(sep, row, cell)
            if isinstance(row, _FrameSite)
            else "delete the column from the sheet or file, or select the "
            f"period columns: {_csv_leave_out(sep, row, cell)}, and pass the frame"
        )
        + ") and compute the change from the periods (povstat.rate_change)"
    )


#: Why a spreadsheet's table is changed in the sheet, not in a frame read
#: from the workbook (pandas read_excel): that frame holds the stored
#: numbers without their formats, 13.08% shown by 0.00% being the fraction
#: 0.1308 there, read as such.
_READ_EXCEL_LOSES = (
    "as with pandas read_excel, which loses the cells' number formats: "
    "0.1308 shown as 13.08% would be read as 0.1308"
)


#: How to leave a column out of a CSV file's table: read with every column
#: as text, so that Indonesian "558.029" stays 558029, not the float 558.029.
@frozen
class _FrameSite:
    """Where a frame's header row is, for advice naming its columns.

    `engine`: the library of the frame passed ("pandas", "polars",
    "duckdb", ...); `labels`: each header cell's column as the frame labels
    it ("Keterangan", or the reader's "Unnamed: 4" where the frame's labels
    are a title line); `skip`: the lines above the header row in the file
    the frame was read from (the title line a reader took for the labels),
    0 where the labels are the header.
    """

    engine: str
    labels: Mapping[str, object]
    skip: int


def _frame_leave_out(site: _FrameSite, cell: str) -> str:
    """How to leave the column headed `cell` out of a frame (see ``_FrameSite``).

    Dropped by the label the frame gives it, in the frame's library (a
    DuckDB relation has no drop: converted with .df() first); where a
    title line above the header gave the labels, also how to read the
    file again from its header row, whose cells are then the labels.

    >>> site = _FrameSite("polars", {"Keterangan": "_duplicated_2"}, 1)
    >>> print(_frame_leave_out(site, "Keterangan"))  # doctest: +NORMALIZE_WHITESPACE
    drop it from the frame by the label the frame gives it: polars
    df.drop(['_duplicated_2']); or read the file again from its header row
    (the line above it, a title, is no header), polars.read_csv(...,
    skip_rows=1, infer_schema=False).drop(['Keterangan'])
    """
    label = site.labels.get(cell, cell)
    drop = {
        "polars": f"polars df.drop([{label!r}])",
        "duckdb": f"DuckDB df.df().drop(columns=[{label!r}])",
    }.get(site.engine, f"pandas df.drop(columns=[{label!r}])")
    out = f"drop it from the frame by the label the frame gives it: {drop}"
    if not site.skip:
        return out
    n = site.skip
    again = {
        "polars": f"polars.read_csv(..., skip_rows={n}, infer_schema=False)"
        f".drop([{cell!r}])",
        "duckdb": f"DuckDB read_csv(..., skip={n}, header=true, all_varchar=true)"
        f" and .df().drop(columns=[{cell!r}])",
    }.get(
        site.engine,
        f"{_pandas_read_csv(row=n + 1)}.drop(columns=[{cell!r}])",
    )
    lines = "line above it, a title, is" if n == 1 else f"{n} lines above it are"
    return (
        f"{out}; or read the file again from its header row (the {lines} "
        f"no header), {again}"
    )


def _csv_leave_out(sep: str = ",", row: object = None, cell: str = "") -> str:
    """How to leave a column out of a CSV file's table.

    Read with every column as text, so that Indonesian "558.029" stays
    558029, not the float 558.029; `sep` and `row` (the header's row in
    the file) as for :func:`_pandas_read_csv`, the one recipe. Where `row`
    is a frame's header (a ``_FrameSite``), the column headed `cell` is
    dropped from the frame by its label there (:func:`_frame_leave_out`).

    >>> print(_csv_leave_out(";", 2).split(", dtype")[0])
    pandas.read_csv(..., sep=';', skiprows=1, usecols=...
    """
    if isinstance(row, _FrameSite):
        return _frame_leave_out(row, cell)
    return (
        f"{_pandas_read_csv(sep=sep, row=row, extra='usecols=...')}, "
        "or drop the columns from a frame read so (pandas "
        "df.drop(columns=[...]), polars df.drop([...]); every column as "
        "text: '558.029' is read as 558.029 otherwise)"
    )


#: How to leave a column out of a spreadsheet's table: in the sheet.
_LEAVE_OUT_OF_SHEET = (
    "delete the column from the sheet; not from a frame read from the "
    f"workbook, {_READ_EXCEL_LOSES}"
)


def _of_sheet(read: _Read) -> bool:
    """Whether `read` holds a spreadsheet's cells (number formats read).

    A frame or CSV file has none: its percentages are what its text says.
    """
    return read.percent is not None


#: Note marks after a year ("2023*)", "2023\u00b9", "2023 r)", "2023 (r)"),
#: or BPS's letter against it as against a figure ("2023r" revised, "2023p"
#: preliminary, "2023e" estimated).
_YEAR_MARK = re.compile(
    rf"(?:(?:{_ONE_MARK})(?:\s*,?\s*(?:{_ONE_MARK}))*|[epr])", _WORD_FLAGS
)


def _year_text_why(
    cell: str, *, sheet: bool = False, sep: str = ",", row: object = None
) -> str | None:
    """Why a cell holding a year is not read as a period, or None.

    A year with a thousands separator ("2.022", "2,022") or decimals
    ("2022,00"), as a spreadsheet writes a number-formatted year cell to
    CSV; a year beside text naming no round ("2022 (persen)", "P0 2022");
    a year beside a round with punctuation or a mark around it ("Maret,
    2022", "Maret 2022*"). None for a cell that names a period, or holds
    no year, or one naming a semester and a month that disagree. A change
    column ("Perubahan Maret 2022 - Maret 2023", "Selisih") gets the why of
    :func:`_change_column_why` (`sheet`: the table is a spreadsheet's;
    `sep`, `row`: the file's separator and the cell's row, or None).
    """
    change = _change_column_why(cell, sheet=sheet, sep=sep, row=row)
    if change is not None:
        return change
    m = re.fullmatch(r"(1|2)[.,\u00a0 ]([0-9]{3})", cell)
    d = re.fullmatch(r"((?:19|20)[0-9]{2})[.,][0-9]+", cell)
    y = _YEAR.fullmatch(cell)
    # "Maret 2.023", "Semester 1 2.023": a round before a year so written.
    r_ = re.fullmatch(r"(.*[^\W\d_].*?)\s+(1|2)[.,\u00a0]([0-9]{3})", cell)
    if r_ is not None and 1900 <= int(r_[2] + r_[3]) <= 2099:
        fixed = f"{r_[1]} {r_[2]}{r_[3]}"
        try:
            named_fixed = _period(fixed) is not None
        except ValueError:
            named_fixed = False
        if named_fixed:
            return (
                f"the year {r_[2] + r_[3]} with a thousands separator, as a "
                "spreadsheet writes a year cell in a number format to CSV; "
                f"{fixed!r} is read"
            )
    if m is not None and 1900 <= int(m[1] + m[2]) <= 2099:
        return (
            f"the year {m[1] + m[2]} with a thousands separator, as a "
            "spreadsheet writes a year cell in a number format to CSV"
        )
    if d is not None and _POINT_ZERO.fullmatch(cell) is None:
        return (
            f"the year {d[1]} with decimals, as a spreadsheet writes a "
            "year cell in a number format to CSV"
        )
    try:
        named = y is not None and _period(cell) is not None
    except ValueError:  # a semester and a month disagree: said elsewhere
        return None
    if y is not None and not named:
        other = f"{y['a']} {y['b']}".strip()
        r = _ROUND_WORD.search(other)
        around = f"{other[: r.start()]} {other[r.end() :]}" if r else ""
        extra = " ".join(around.split())
        if not y["a"] and _YEAR_MARK.fullmatch(y["b"]):
            # "2023*)", "2023\u02b3", "2023 r)": BPS's mark of a preliminary,
            # revised or estimated year, as "4,26r" marks a figure.
            return (
                f"the year {y['year']} beside {other!r}, a note mark (as BPS "
                "marks a preliminary, revised or estimated year), which a "
                "header cell naming a period does not hold: move the mark to "
                "a note below the table or to the title"
            )
        if r is not None and extra:
            return (
                f"the year {y['year']} beside {other!r}, which names the "
                f"round {r[0]!r} with {extra!r} around it: write the round "
                f"and the year alone ('{r[0]} {y['year']}'; a note mark "
                "belongs in a note)"
            )
        return (
            f"the year {y['year']} beside {other!r}, which names no "
            "month, semester or round (a unit belongs in a row of its own "
            "or the title, a note mark in a note)"
        )
    return None


def _year_text_hint(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    letters: Sequence[str],
    *,
    sheet: bool = False,
    sep: str = ",",
    file_rows: bool = True,
) -> str:
    """Advice when no header is found but cells near the top hold a year.

    A cell of the first ten rows (beyond the label column) holding a year
    in a form the header grammar does not read is named with why: a year
    with a thousands separator ("2.022", "2,022") or decimals ("2022,00"),
    as a spreadsheet writes a number-formatted year cell to CSV (an .xlsx
    header cell is read by its stored number); or a year beside text that
    names no month, semester or round ("2022 (persen)", "P0 2022",
    "2022*"), or beside a round written with punctuation or a mark
    around it ("Maret, 2022", "2022 - Maret", "Maret 2022*"), the round and
    the text around it named. Such cells are never read as years: "2.022" is also the
    number 2.022, and a unit or mark there is not part of the period.
    `sheet`: the table is a spreadsheet's (see ``_change_column_why``);
    `sep`: the file's separator; `file_rows`: `index` holds the file's
    rows (not a frame's), so that advice reading the file skips to them.
    """
    found: list[str] = []
    n = 0
    years = False  # a why other than a change column's
    data = _data_rows(text)
    for i in range(min(10, text.shape[0])):
        if data[i]:
            continue  # a region's figures ("Jawa Barat,2004.35"): no header
        for j in range(1, text.shape[1]):
            cell = str(text[i, j])
            why = _year_text_why(
                cell, sheet=sheet, sep=sep, row=index[i] if file_rows else None
            )
            if why is None:
                continue
            n += 1
            if len(found) < 3:
                years |= not why.startswith(_CHANGE_WHY)
                # A frame's cell by its column and row (a column label by
                # its column), a file's as a sheet names it ("B3").
                at = (
                    f"{letters[j]}{_label(index[i])}"
                    if file_rows
                    else f"column {letters[j]}'s label"
                    if _LABEL_ROW.fullmatch(str(index[i]))
                    else f"column {letters[j]}, row {_label(index[i])}"
                )
                found.append(f"{at} {cell!r} ({why})")
    if not found:
        return ""
    more = f" (and {n - 3} more)" if n > 3 else ""
    write = (
        ": write each year alone ('2022') or with its month or semester ('Maret 2022')"
        if years
        else ""
    )
    return f"; header cell(s) {'; '.join(found)}{more} are not read as periods{write}"


def _title_year_hint(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    refs: np.ndarray[Any, Any] | None,
    raw: Sequence[object] = (),
) -> str:
    """Advice when no header is found but a title line holds a year.

    A cell of the label column alone in its row (a title, merged over the
    whole width of the sheet or not; `refs`: the merged range covering
    each row's cell right of the label, None for a source without merged
    ranges) among the first ten
    rows, above a row with cells beyond the label column, holding a year
    ("2022", "Persentase Penduduk Miskin 2022"): the year is found only in
    a title spanning the table, never read as the columns' period; the
    hint names it and the header that is read. "" if there is none. A
    line whose fields after the first, split by another separator, name
    periods (";2022;2023" read with sep=","), is a header line read with
    the wrong separator, which the separator's advice names: no title
    (`raw`: the label column's cells as read, before their spaces are
    joined: a tab-separated header line keeps its tabs there).
    """
    beyond = (text[:, 1:] != "").any(axis=1)
    below = np.flatnonzero(beyond)
    if below.size == 0:
        return ""
    found = [
        i
        for i in range(min(10, int(below.max())))
        if not beyond[i]
        and _YEAR.fullmatch(str(text[i, 0])) is not None
        and not _header_line(str(text[i, 0]))
        and not (i < len(raw) and _header_line(str(raw[i])))
    ]
    if not found:
        return ""
    i = found[0]
    ref = None if refs is None else refs[i]
    merged = f", merged over {ref}" if ref else ""
    year = _YEAR.fullmatch(str(text[i, 0]))
    assert year is not None  # found above
    return (
        f"; a year ({year['year']}) is found only in the title "
        f"{str(text[i, 0])!r} (row {_label(index[i])!r}{merged}), a line "
        "spanning the table, which is never read as the columns' period: "
        "read_bps_table needs a header row over the value columns naming "
        "each column's period: the year in each column ('2022', or with its "
        "round, 'Maret 2022'), or the year over the rounds (a row '2022' "
        "from the second column on, merged or written over each column, "
        "above a row 'Maret | September')"
    )


def _header_line(cell: str) -> bool:
    """Whether a cell is a header line split by another separator.

    Its fields after the first, split by ";", a tab or "|", name periods
    at least one ("Kabupaten/Kota;2022;2023", ";2022;2023"): a header
    line of a file read with the wrong separator, no title.
    """
    for sep in (";", "\t", "|"):
        fields = [f.strip() for f in cell.split(sep)[1:]]
        with contextlib.suppress(ValueError):  # a period the grammar refuses
            if any(f and _period(f) is not None for f in fields):
                return True
    return False


def _long_period_column(
    body: np.ndarray[Any, Any], *, headed: bool = False
) -> int | None:
    """The first column below the labels holding periods alone, in long form.

    The years ("2022", "2022.0") or rounds ("Maret 2022") of a long table,
    one row per region and period; the first column too (a long table with
    its year column first). The periods repeat, or another column repeats
    a value over them (one region's years). `headed`: the rows are a
    file's, whose header and title lines lie above the periods: a column's
    leading cells that are no period (at most three) are skipped. None if
    there is none.
    """
    for j in range(body.shape[1]):
        cells = [s for s in body[:, j] if s]
        periods = [_period(_POINT_ZERO.sub(r"\g<year>", s)) for s in cells]
        top = 0
        if headed:
            top = next((k for k, p in enumerate(periods) if p is not None), 0)
            if top == 0 or top > 3:
                continue  # a file's period column has a header above it
        cells, periods = cells[top:], periods[top:]
        if len(cells) < 2 or any(p is None for p in periods):
            continue
        rows = np.flatnonzero(body[:, j] != "")[top:]
        others = [
            [s for s in body[rows, k] if s] for k in range(body.shape[1]) if k != j
        ]
        if len(set(cells)) < len(cells) or (
            headed and any(len(o) > 1 and len(set(o)) < len(o) for o in others)
        ):
            return j
    return None


def _other_keys(
    text: np.ndarray[Any, Any], j: int, n_labels: int
) -> list[tuple[str, list[str]]]:
    """The other keys of a long table whose period column is `j`.

    Columns of text (no cell a number) other than the periods and the
    regions (the text column of most distinct values), holding two values
    or more, where a region and period come in more than one row (BPS's
    ``nama_variabel``: "Index Kedalaman Kemiskinan" and "Index Keparahan
    Kemiskinan", P1 and P2, in one file): each column's name (its header,
    or "column 3") and its values in order of appearance.
    """
    rows = [
        r
        for r in range(n_labels, text.shape[0])
        if text[r, j] and _period(_POINT_ZERO.sub(r"\g<year>", text[r, j])) is not None
    ]
    if not rows:
        return []
    head = 0 if n_labels else rows[0] - 1  # the column labels, or the header line
    body = text[rows]
    numeric = re.compile(r"[-+]?[0-9][0-9.,\s]*%?")
    texts = [
        k
        for k in range(text.shape[1])
        if k != j
        and (body[:, k] != "").any()
        and not any(numeric.fullmatch(str(v).strip()) for v in body[:, k] if v)
    ]
    if not texts:
        return []
    distinct = {k: list(dict.fromkeys(v for v in body[:, k] if v)) for k in texts}
    region = max(texts, key=lambda k: len(distinct[k]))
    pairs = list(zip(body[:, region].tolist(), body[:, j].tolist(), strict=True))
    if len(set(pairs)) == len(pairs):
        return []  # one row per region and period: no other key
    out = []
    for k in texts:
        if k == region or len(distinct[k]) < 2:
            continue
        name = str(text[head, k]) if head >= 0 and text[head, k] else f"column {k + 1}"
        out.append((name, distinct[k]))
    return out


def _deduplicated_hint(text: np.ndarray[Any, Any]) -> str:
    """Advice when a frame's column names are years a reader made unique.

    A label joining a year and a second key as a pivot on two columns names
    them ("2022_3", DuckDB) is taken for a renamed year only beside the
    year itself ("2022" and "2022_1": a repeated year renamed).
    """
    labels = {str(s) for s in text[:, 1:].ravel()}
    found = next(
        (
            str(s)
            for s in text[_first_cells_row(text) & ~_data_rows(text), 1:].ravel()
            if _DEDUPLICATED.fullmatch(s)
            and (_TWO_KEYS.fullmatch(s) is None or s[:4] in labels)
        ),
        "",
    )
    if not found:
        return ""
    return (
        f"; {found!r} looks like a year a reader renamed to make the column "
        "names unique (pandas writes a repeated '2022' as '2022.1', polars as "
        "'2022_duplicated_0', DuckDB as '2022_1', Spark as '2022' and the "
        "column's position, '20221'): the header names a period "
        "twice, told apart only by the rows above it; read the file without a "
        "header (pandas header=None, polars has_header=False, DuckDB "
        "header=false, Spark header=False) and pass that"
    )


#: Words heading the label column or a header row that are no region's
#: name and no total: "Tahun", "No.", "Uraian", "Kode Wilayah", ...
_COLUMN_WORD = re.compile(
    r"(?:tahun|year|periode|period|bulan|month|no\.?|nomor|number|uraian|prov\.?|"
    r"rincian|keterangan|description|indikator|indicator|variabel|variable|"
    r"kode(?:\s+\w+)?|code|nama(?:\s+\w+)?|name|kecamatan|kec\.?|desa|kelurahan|"
    r"distrik|district|sub-?district|kapanewon|kemantren|village)",
    _WORD_FLAGS,
)


def _column_heading(label: str) -> bool:
    """Whether a header row's label heads the label column ("Kabupaten/Kota").

    Each part between slashes heads it ("Kecamatan/Subdistrict",
    "Desa/Kelurahan", "Provinsi/Province").
    """
    parts = [p.strip() for p in label.split("/")]
    return all(
        p and (_LABEL_HEADING.fullmatch(p) or _COLUMN_WORD.fullmatch(p)) for p in parts
    )


def _heading_like(label: str) -> bool:
    """Whether a label heads the label column, continued or annotated.

    "Kabupaten/Kota (lanjutan)", "Kecamatan (continued)", "Provinsi:" and
    an empty label (the row of years) are; "Kalipare", "Total" are not.
    """
    core = re.sub(
        r"\([^)]*\)|\b(?:lanjutan|sambungan|continued|cont\.?)(?![^\W_])",
        " ",
        label,
        flags=re.IGNORECASE,
    )
    # A count before the heading: BPS's "38 Provinsi", "514 Kabupaten/Kota".
    core = re.sub(r"^[0-9]+\s+", "", " ".join(core.split()).strip(" .:-"))
    return not core or _column_heading(core)


def _values_label(label: str) -> bool:
    """Whether a row's label is a region's name or a total's ("Jumlah")."""
    return _names_region(label) or _TOTAL_LABEL.fullmatch(label) is not None


#: The opening of the refusal of a table with no header row naming years.
_NO_HEADER_FOUND = (
    "no header row naming years (e.g. '2023', 'Maret 2023', "
    "'Semester 1 (Maret) 2023') found in the table"
)


#: A region's label with its values glued on by spaces, as a row of a
#: tab-separated file read with another separator shows once its spaces
#: are joined ("Pacitan 13.65 13.86").
_GLUED_VALUES = re.compile(
    r"(?P<name>.*?[^\W\d_].*?)\s+(?P<values>[-+(]?[0-9][0-9.,]*\)?"
    r"(?:\s+(?:[-+(]?[0-9][0-9.,]*\)?|-))*)"
)


def _holds_number(cells: np.ndarray[Any, Any]) -> bool:
    """Whether any of `cells` is a number in either locale's convention."""
    cells = np.asarray([c for c in cells if c], dtype=object)
    if cells.size == 0:
        return False
    for fmt in ("id", "en"):
        v, _, _, why = _parse_flat(cells, fmt, frozenset())
        if ((why == "") & ~np.isnan(v)).any():
            return True
    return False


def _false_header_why(text: np.ndarray[Any, Any], index: pd.Index[Any], h: int) -> str:
    """Why row `h`, the first naming a period, is no header; "" if it is one.

    The first row with a cell naming a period is taken for the header. It
    is no header when rows above it are the table's values: a region's
    label with values beside it ("Pacitan,13.65"), or glued to it as a
    tab-separated row read with another separator shows ("Pacitan 13.65
    13.86"): the row is then a note below them ("Sumber: BPS, 2024",
    its "2024" split off by the separator). Nor is a row labelled with a
    region that holds one bare number read as a year ("JAWA TENGAH,1987",
    a count of 1,987 thousand): it is that region's values when a row
    above it, labelled otherwise, names the columns with no period
    ("Kabupaten/Kota,Jumlah Penduduk Miskin"), or when the title's years
    (a line spanning the table) do not reach it. Either way the table has
    no header naming years, and its values must never become a title or a
    header.
    """
    shown = _label(index[h])
    cells = [str(c) for c in text[h] if str(c)]
    # Rows above it with a label and a number beside it: values, whatever
    # the label ("Pacitan Regency", a kecamatan, a code), when two or more
    # or a region's or a total's; a region glued to its values by spaces.
    numbered = [
        r
        for r in range(h)
        if (lab := str(text[r, 0]).strip())
        and _NOTE.match(lab) is None
        and not _column_heading(lab)
        and _holds_number(text[r, 1:])
    ]
    glued_rows = [
        r
        for r in range(h)
        if (glued := _GLUED_VALUES.fullmatch(str(text[r, 0]).strip())) is not None
        and _names_region(glued["name"].strip())
    ]
    valued = any(_values_label(str(text[r, 0]).strip()) for r in numbered)
    some = numbered if len(numbered) >= 2 or valued else []
    above = sorted(set(glued_rows) | set(some))
    if above:
        names = ", ".join(
            f"{_label(index[r])!r} ({str(text[r, 0]).strip()!r})" for r in above[:3]
        )
        more = f" (and {len(above) - 3} more)" if len(above) > 3 else ""
        return (
            f"row {shown!r} ({cells!r}), the first naming a period, lies below "
            f"rows of labels with values (rows {names}{more}): it is no header "
            "over them (a note or a line below the table), and they are no title"
        )
    label = str(text[h, 0]).strip()
    values = [str(c) for c in text[h, 1:] if str(c)]
    nxt = next((r for r in range(h + 1, text.shape[0]) if (text[r] != "").any()), None)
    if label and not _heading_like(label) and nxt is not None:
        below = [str(c) for c in text[nxt, 1:] if str(c)]
        lab_below = str(text[nxt, 0]).strip()
        if (
            lab_below
            and _heading_like(lab_below)
            and below
            and all(_safe_period(_POINT_ZERO.sub(r"\g<year>", c)) for c in below)
        ):
            # "Persentase Penduduk Miskin, 2022" over "Kabupaten/Kota,2022,
            # 2023": a title split at its comma, over the real header.
            return (
                f"row {shown!r} ({cells!r}), the first naming a period, is no "
                f"header: the row below it, {_label(index[nxt])!r} "
                f"({[lab_below, *below]!r}), names periods under the label "
                "column's heading, and row "
                f"{shown!r} is a title split at a comma (or a subtitle); write "
                'the title in one cell (in a CSV file, in quotes: "Persentase '
                'Penduduk Miskin, 2022"), or remove it'
            )
    bare = [
        _POINT_ZERO.sub(r"\g<year>", v)
        for v in values
        if re.fullmatch(r"(?:19|20)[0-9]{2}(?:\.0+)?", v)
    ]
    others = [
        v
        for v in values
        if not re.fullmatch(r"(?:19|20)[0-9]{2}(?:\.0+)?", v)
        and v.strip() not in ("-", "\u2013", "\u2014", "...", "\u2026")
    ]
    if (
        not label
        or not bare
        or _heading_like(label)
        or (
            others
            and not all(_holds_number(np.array([v], dtype=object)) for v in others)
        )
    ):
        return ""
    filled = text[h, 1:] != ""
    named = next(
        (
            r
            for r in range(h)
            if (lab := str(text[r, 0]).strip())
            and lab != label
            and not _values_label(lab)
            and (text[r, 1:][filled] != "").all()
            and all(_safe_period(str(c)) is None for c in text[r, 1:] if c)
        ),
        None,
    )
    title_years = [
        int(y)
        for r in range(h)
        if not (text[r, 1:] != "").any()
        for y in re.findall(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", str(text[r, 0]))
    ]
    outside = (
        len(bare) == 1
        and bool(title_years)
        and not min(title_years) <= int(bare[0]) <= max(title_years)
    )
    # A label naming no region known (a kecamatan, "Total", a misspelt
    # name) over year-like numbers heads no table: its numbers are values
    # (a region's name over its own regions is judged by the header check).
    years_up = [int(b) for b in bare]
    unknown = (
        not _names_region(label)
        # A frame's column labels are its header ("index", "nama_wilayah"
        # over "2022", "2023").
        and _LABEL_ROW.fullmatch(str(index[h])) is None
        and not (
            # Years rising one by one under a label that names columns in
            # some words ("Kabupaten/Kota di Jawa Timur") or as a frame's
            # column does ("index", "nama_wilayah"); not under a misspelt
            # name ("Kep. Mentawei,2019,2020", counts in jiwa).
            len(years_up) >= 2
            and all(b - a == 1 for a, b in pairwise(years_up))
            and (
                re.fullmatch(r"[a-z_][a-z0-9_]*", label) is not None
                or re.search(
                    rf"(?<![^\W_])(?:{_LABEL_HEADING.pattern})(?![^\W_])",
                    label,
                    re.IGNORECASE,
                )
                is not None
            )
        )
    )
    if named is None and not outside and not unknown:
        return ""
    why = (
        f"row {_label(index[named])!r} above it names the columns "
        f"({[str(c) for c in text[named, 1:] if c]!r}) with no period"
        if named is not None
        else f"the title names {min(title_years)}"
        + (f" to {max(title_years)}" if max(title_years) > min(title_years) else "")
        if outside
        else f"{label!r} names no region and heads no column, so the table "
        "seems to have no header"
    )
    return (
        f"row {shown!r} ({cells!r}) is labelled {label!r}, no heading, and holds "
        f"{'a number' if len(bare) == 1 else 'numbers'} read as "
        f"{'a year' if len(bare) == 1 else 'years'} ({', '.join(bare)}), "
        f"which are that row's values, not periods: {why}"
    )


def _first_cells_row(text: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """The first row with a cell beyond the label column, as a mask.

    A reader renames repeated column names only: a frame's labels, or the
    header line of a file written from such a frame; never a row below.
    """
    filled = np.flatnonzero((text[:, 1:] != "").any(axis=1))
    out = np.zeros(text.shape[0], dtype=bool)
    if filled.size:
        out[filled[0]] = True
    return out


def _data_rows(text: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Which rows of `text` are a region's figures, never a header.

    A row labelled with a region's name is its figures (a count of 2004.35
    thousand is no year with decimals, nor "2004.35" a year a reader
    renamed) when a row above it labelled otherwise ("Provinsi") fills at
    least as many cells, or when a region's row is next to it above or
    below, unless that region is one of its own ("Jawa Barat" then "Jawa
    Tengah": figures; "Jawa Timur" then "Pacitan": the province's name over
    the header of its regencies, a header row).
    """
    filled = (text[:, 1:] != "").sum(axis=1)
    labelled = [
        r for r in range(text.shape[0]) if str(text[r, 0]).strip() and filled[r]
    ]
    codes = {
        r: _regions.candidates(*_regions.written_kind(str(text[r, 0]).strip()))
        for r in labelled
    }
    out = np.zeros(text.shape[0], dtype=bool)
    widest_other = -1  # cells filled by the widest row labelled otherwise
    for i, r in enumerate(labelled):
        if not codes[r]:
            if _TOTAL_LABEL.fullmatch(str(text[r, 0])) is not None:
                # A total's row ("Jumlah,2010.5") under the columns' names.
                out[r] = filled[r] <= widest_other or (
                    i > 0 and bool(codes[labelled[i - 1]])
                )
            else:
                widest_other = max(widest_other, int(filled[r]))
            continue
        above = codes[labelled[i - 1]] if i else ()
        below = codes[labelled[i + 1]] if i + 1 < len(labelled) else ()
        parent = any(
            c != b and (c == _regions.NATIONAL_CODE or b.startswith(c))
            for c in codes[r]
            for b in below
        )
        out[r] = (
            filled[r] <= widest_other or bool(above) or (bool(below) and not parent)
        )
    return out


def _names_region(cell: str) -> bool:
    """Whether a cell names a region (a province, regency, city or Indonesia).

    The name as a label of the first column is written: with its kind
    ("Kota Batu", "Kab. Malang", "Provinsi Jawa Timur") or bare ("Pacitan",
    "JAWA TIMUR", "INDONESIA").
    """
    return bool(_regions.candidates(*_regions.written_kind(cell)))


def _safe_period(cell: str) -> tuple[int, int | None, str] | None:
    """:func:`_period`, None where a semester and a month disagree."""
    try:
        return _period(cell)
    except ValueError:
        return None


#: The words of an area split's urban part ("Perkotaan", "Kota", "Urban",
#: also "Daerah Perkotaan", "Wilayah Kota") and of its rural part
#: ("Perdesaan", also written "Pedesaan", "Desa", "Rural", "Daerah
#: Perdesaan").
_URBAN_WORDS = r"(?:(?:daerah|wilayah)\s+)?(?:perkotaan|kota)|urban"
_RURAL_WORDS = r"(?:(?:daerah|wilayah)\s+)?(?:perdesaan|pedesaan|desa)|rural"
#: The words of an area group: urban and rural (``_URBAN_WORDS``,
#: ``_RURAL_WORDS``) and their total ("Jumlah", "Total", "Jumlah Total",
#: "Gabungan", initials "K+D", "U+R").
_AREA_WORDS = (
    rf"{_URBAN_WORDS}|{_RURAL_WORDS}"
    r"|(?:jumlah\s+)?(?:jumlah|total)|gabungan"
    r"|k\s*\+\s*d|u\s*\+\s*r"
)
#: What joins two parts of a split into their total: "+", "/" (a second
#: language: "Perkotaan/Urban"), "&", "-", "dan", "and" ("Perkotaan dan
#: Perdesaan", "Kota & Desa", "Perkotaan-Perdesaan", "Urban and Rural").
_SPLIT_JOIN = r"(?:\s*[/+&-]\s*|\s+(?:dan|and)\s+)"


#: An area code written with a region's name in a header cell of a
#: transposed table: "3501 Pacitan", "3501 - Pacitan", "Pacitan (3501)", or
#: the code alone ("3501", "(3501)").
_CODED_HEAD = re.compile(
    r"\(?(?P<c1>[0-9]{4}|[0-9]{2})\)?(?:\s*[-.:]?\s+(?P<n1>\S.*))?"
    r"|(?P<n2>.*?\S)\s*\((?P<c2>[0-9]{4}|[0-9]{2})\)"
)


def _heads_region(cell: str) -> bool:
    """Whether a header cell of a transposed table names a region.

    By its name (see :func:`_names_region`), by its area code with or
    without the name ("3501 Pacitan", "Pacitan (3501)", "3501"), a code
    alone being a region's code. A period ("2022") is never a code.
    """
    text = " ".join(cell.split())
    if _names_region(text):
        return True
    m = _CODED_HEAD.fullmatch(text)
    if m is None or _safe_period(text) is not None:
        return False
    code = m["c1"] or m["c2"]
    name = m["n1"] or m["n2"]
    if name is not None:
        return _names_region(name)
    return code in _regions._info()


def _header_row(row: object) -> str:
    """A header row as messages name it: "header row 2", or "column labels".

    A frame's column labels are the rows "columns" (or "columns[0]", ...,
    one per level) of its grid, which no file has.
    """
    name = str(row)
    if name == "columns":
        return "column labels"
    if name.startswith("columns["):
        return f"column labels (level {name[len('columns[') : -1]})"
    return f"header row {_label(row)!r}"


#: A note in words in brackets after a period's year ("(angka sementara)",
#: "(Sementara)", "(prelim)"): a bracket opening on a letter.
_WORDED_MARK = re.compile(r"\(\s*[^\W\d_][^()]*\)")


def _year_mark(cell: str, *, words: bool = False) -> tuple[str, str] | None:
    """The period and the note mark after its year, as (period, mark), or None.

    As the header reader reads such a cell (:func:`_year_text_why`): a
    year, then a note mark or BPS's letter (``_YEAR_MARK``: "2025*)",
    "2025\u00b9", "2025**", "2025r"), or with `words` a note in words in
    brackets (``_WORDED_MARK``: "2026 (Sementara)", "Maret 2026 (angka
    sementara)"); before it nothing, or the round or semester the year
    completes (a period without the mark: "Maret 2026*)", "Semester 1
    (Maret) 2026 r)"). The period is the cell without its mark ("Maret
    2026").
    """
    y = _YEAR.fullmatch(cell.strip())
    if y is None or not (
        _YEAR_MARK.fullmatch(y["b"]) is not None
        or (words and _WORDED_MARK.fullmatch(y["b"]) is not None)
    ):
        return None
    period = f"{y['a']} {y['year']}".strip()
    if y["a"] and _safe_period(period) is None:
        return None
    return period, y["b"]


def _marked_period_row(row: np.ndarray[Any, Any]) -> tuple[str, str] | None:
    """A transposed table's row of a marked period: (period, mark), or None.

    The row's first cell is a period with a note mark after its year
    ("2025*)") or a note in words ("Maret 2026 (angka sementara)"), which
    a row holding values beside it is (a line below the table, "*) angka
    sementara", holds none: and a note in words is read so only beside
    values).
    """
    found = _year_mark(str(row[0]), words=True)
    if found is None:
        return None
    if _YEAR_MARK.fullmatch(found[1]) is None and not any(map(str, row[1:])):
        return None
    return found


def _below_periods(text: np.ndarray[Any, Any], last: int) -> tuple[str, str]:
    """How to leave out the lines below a transposed table's last period.

    `last`: the row of the last period down the first column. With lines
    below it holding text (a source line "Sumber: ...", a footnote), which
    once turned become columns named by no period: pandas ``.loc[:'2025']``
    on the frame indexed by the periods (a slice up to that label, whatever
    the blank lines between), and the first such line, for the message;
    ("", "") if there are none; ("", line) if the label is not unique.
    """
    below = [k for k in range(last + 1, text.shape[0]) if any(map(str, text[k]))]
    if not below:
        return "", ""
    label = str(text[last, 0])
    line = str(next(s for s in text[below[0]] if str(s)))
    if list(map(str, text[:, 0])).count(label) != 1:
        return "", line
    return f".loc[:{label!r}]", line


def _last_period_row(
    text: np.ndarray[Any, Any], r: int, first: Sequence[object]
) -> int:
    """The row of a table's last period down its first column, marked or not.

    `r`: the header row; `first`: the period each first-column cell names
    (None if none). A period with a note mark ("Maret 2025*)", BPS's
    provisional round, or "Maret 2025 (angka sementara)") holds values: it
    is the newest period, no line below the table, and a slice leaving it
    out would drop its values unsaid.
    """
    return max(
        j
        for j in range(r + 1, text.shape[0])
        if first[j] or _marked_period_row(text[j]) is not None
    )


def _marked_periods(
    text: np.ndarray[Any, Any], r: int, first: Sequence[object]
) -> list[tuple[str, str, str]]:
    """The periods under header row `r` marked after their year, in order.

    Each as (cell, mark, period without the mark): ("Maret 2025*)", "*)",
    "Maret 2025"); see :func:`_marked_period_row`.
    """
    return [
        (str(text[j, 0]), found[1], found[0])
        for j in range(r + 1, text.shape[0])
        if not first[j]
        for found in [_marked_period_row(text[j])]
        if found is not None
    ]


def _uneven_rows(
    index: pd.Index[Any], fields: np.ndarray[Any, Any] | None, head: int, last: int
) -> str:
    """Advice to even a CSV file's rows out before pandas reads them.

    `fields`: per row of the file, the fields it writes (None for cells not
    read from a CSV file); `head`: the header row; `last`: the last period's.
    pandas.read_csv pads a row shorter than the header with empty fields at
    its end, which moves its values to the columns of others silently
    ("Maret 2026,9.21,9.06" under three regions: the second's value
    becomes the third's). Blank lines (no field), which it skips, are no
    such rows.
    """
    if fields is None or len(fields) != len(index):
        return ""
    want = int(fields[head])
    odd = [j for j in range(head + 1, last + 1) if 0 < int(fields[j]) != want]
    if not odd:
        return ""

    def listed(rows: list[int]) -> str:
        more = f" (and {len(rows) - 3} more)" if len(rows) > 3 else ""
        return (
            ", ".join(
                f"row {_label(index[j])!r} writes {int(fields[j])}" for j in rows[:3]
            )
            + more
        )

    short = [j for j in odd if int(fields[j]) < want]
    long = [j for j in odd if int(fields[j]) > want]
    said = []
    if short:
        said.append(
            f"{listed(short)}, which pandas.read_csv would pad at its end, "
            "moving its values to the columns of others (write an empty field "
            "for a missing value)"
        )
    if long:
        # A long row is not padded (sheets21 K6): pandas.read_csv refuses
        # it or shifts its fields; the fix is to remove the extra field.
        said.append(
            f"{listed(long)}, more than the header, which pandas.read_csv "
            "cannot line up with its columns (remove the extra field, or quote a "
            'number written with a decimal comma, "3.650,1", which the '
            "separator split in two)"
        )
    return (
        f"first write each row with as many fields as the header row "
        f"{_label(index[head])!r} ({want} fields): {'; '.join(said)}; then "
    )


def _title_above(text: np.ndarray[Any, Any], row: int) -> str:
    """The title above header row `row`, as read_bps_table reads a title.

    The cells of the lines above it, joined by " | ": the unit the title
    states ("(Persen)") is kept with it.
    """
    return " | ".join(str(s) for j in range(row) for s in text[j] if str(s))


def _one_region_fractions(
    cells: np.ndarray[Any, Any],
    *,
    title: str,
    measures: Sequence[str],
    groups: Sequence[str],
    periods: Sequence[str],
    frame_at: tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]] | None,
    locale: str,
    missing: frozenset[str],
    to_pandas: str = "",
) -> str:
    """The fractions-of-one caution for a one-region series' values, or "".

    `cells`: the values as read (periods by groups; a frame's numbers as
    numbers); `measures`: per column, the measure over it ("" if none),
    whose unit, or else the title's, is the column's (``_title_unit_row``,
    as for a table read). A recipe (parse_columns) reads what the cells
    hold and judges no unit, so a ``pandas.read_excel`` frame of a
    workbook formatted "0.00%" under "(Persen)" would give 0.075 for 7.5
    silently (sheets21 K3). The values are judged by the rule
    read_bps_table applies to a table it reads (``_warn_percent_fractions``:
    one rule, one place), whose warning is returned as part of the advice,
    with its code converting a frame's cells (`frame_at`: their positions,
    as ``iloc`` counts) before the recipe is run (`to_pandas`: how the frame
    is converted to pandas first, see ``_to_pandas_first``).
    """
    n = len(groups)
    values, unit, _, reasons = _parse_flat(
        np.asarray(cells, dtype=object).ravel(), locale, missing
    )
    units, _, _ = _title_unit_row(title, measures)
    stated = np.array(
        [_stated_scale(str(u))[0].split("/")[0] == "percent" for u in units],
        dtype=bool,
    )
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        _warn_percent_fractions(
            values.reshape(-1, n),
            (reasons == "").reshape(-1, n),
            (unit == "percent").reshape(-1, n),
            stated,
            [m or title for m in measures],
            [(m, g) if m else g for m, g in zip(measures, groups, strict=True)],
            periods,
            frame_at=frame_at,
            locale=locale,
            title=title,
            other_unit=(np.asarray(units, dtype=object) != "") & ~stated,
            to_pandas=to_pandas,
        )
    return "".join(
        f"; and a caution, as read_bps_table gives for a table it reads: {w.message}"
        for w in said
    )


def _transposed_hint(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    *,
    frame: bool,
    locale: str = "id",
    sheet: bool = False,
    sep: str = ",",
    missing: Iterable[str] = _DEFAULT_MISSING,
    fields: np.ndarray[Any, Any] | None = None,
    encoding: str = "",
    cells: np.ndarray[Any, Any] | None = None,
    column: int = 0,
    to_pandas: str = "",
) -> str:
    """Advice when the table is transposed: periods down, regions across.

    `encoding`: the CSV file's, as the caller passed it, carried into the
    pandas recipe (:func:`_pandas_read_csv`). `to_pandas`: how the frame
    passed is converted before a pandas recipe ("" for a pandas frame; see
    ``_to_pandas_first``).

    `sheet`: the table is a spreadsheet's, turned in the spreadsheet (Paste
    Special, Transpose keeps the number formats; a frame read from the
    workbook loses them, see ``_READ_EXCEL_LOSES``). `sep`: a CSV file's
    separator, for the advice that reads it (:func:`_pandas_read_csv`,
    skipping to the header row and reading numbers as `locale` writes them).

    A BPS time series lists the periods down its first column ("2022",
    "Maret 2022") under a header naming regions ("Pacitan", "Kota Batu",
    "JAWA TIMUR", "INDONESIA", or their area codes: "3501", "3501 Pacitan",
    "Pacitan (3501)"). The table is transposed when the first column's
    cells right under a block of header rows (up to three, the first
    column's cells of which are no periods) are periods (one or more) and
    at least half of one header row's other cells, one at least, name a
    region. A header of two or more rows (regions over groups or units:
    "Pacitan" merged over "Perkotaan | Perdesaan") is named, with how the
    second row is written once turned. A one-region series lists area or sex
    groups across (the parts of a split, ``_BREAKDOWN``: "Perkotaan",
    "Perdesaan (Rural)", "Laki-laki"). Such a table is never read turned:
    the hint says how to turn it (`frame`: the cells are a pandas frame's,
    turned as a frame is). Its pandas recipe reads every cell as text and
    has povstat read the numbers (``povstat.parse_columns`` with `locale`,
    and the cells `missing` names, read_bps_table's, as NaN), skips to the
    header row (for a frame, the lines above it in the file it was read
    from: a title line the reader took for the labels) and ends at the
    last period, marked or not (:func:`_last_period_row`, the transposed
    advice's rule). `fields`: a CSV file's count of fields per row, for
    the rows that pandas would pad (:func:`_uneven_rows`).

    A frame's one-region recipe is built from the frame (sheets21 K3), as
    the transposed frame's is: its rows from the first period to the last
    by position (the column-label rows come first in the grid,
    ``_n_label_rows``), from its label column, `column` (the frame's
    position of the grid's first column), on; the header cells are written
    as read, so it works whatever file or reader the frame came from (a
    ``pandas.read_excel`` frame cannot be read again with
    ``pandas.read_csv``). A header row right above the one naming the
    groups that holds two cells or more, from the first value column, one
    at least spanning columns (the measures of "Jumlah dan Persentase ...
    Menurut Daerah": "Jumlah Penduduk Miskin (ribu jiwa)" over three areas,
    then "Persentase ... (persen)", sheets21 K5) is kept over each column
    it spans (forward-filled) as the first level of two-level column
    labels, so each value keeps its measure and unit.
    `cells`: the cells as read (numbers a frame holds as numbers), the
    shape of `text`; the values under a stated percent (the title's, or a
    measure's) are judged for fractions of one as read_bps_table judges a
    table it reads (``_warn_percent_fractions``), and its caution, with the
    code converting a frame's cells by position, is part of the advice
    (a ``pandas.read_excel`` frame of a workbook formatted "0.00%" holds
    0.0979 for 9.79%).
    """
    if text.shape[1] < 2:
        return ""
    first = [
        _safe_period(_POINT_ZERO.sub(r"\g<year>", s)) if s else None for s in text[:, 0]
    ]

    def named(k: int) -> str:
        return (
            "column labels"
            if str(index[k]).startswith("columns")
            else f"header row {_label(index[k])!r}"
        )

    for r in range(text.shape[0] - 1):
        if first[r] is not None or first[r + 1] is None:
            continue
        # The header block: the rows right above the periods (up to three)
        # whose first cell is no period, nearest first.
        block = [r]
        while len(block) < 3 and block[-1] > 0 and first[block[-1] - 1] is None:
            block.append(block[-1] - 1)
        heads_of = {k: [s for s in text[k, 1:] if s] for k in block}
        periods = [text[k, 0] for k in range(r + 1, text.shape[0]) if first[k]]
        shown = ", ".join(repr(s) for s in periods[:3])
        more = ", ..." if len(periods) > 3 else ""
        corner = next((text[k, 0] for k in block if text[k, 0]), "")
        under = f" under {corner!r}" if corner else ""
        found = next(
            (
                (k, regions)
                for k in block
                for regions in [[s for s in heads_of[k] if _heads_region(s)]]
                if heads_of[k] and 2 * len(regions) >= len(heads_of[k])
            ),
            None,
        )
        if found is None:
            # A one-region series lists its area groups across instead
            # ("Tahun;Perkotaan;Perdesaan;Total", BPS's usual layout).
            heads = heads_of[r]
            areas = [s for s in heads if _BREAKDOWN.fullmatch(" ".join(s.split()))]
            if not heads or 2 * len(areas) < len(heads):
                continue
            names = ", ".join(repr(s) for s in areas[:3])
            # Up to the last period (``.loc``), marked or not: lines below
            # it (blank ones, "Sumber: BPS") would become periods of no value.
            end = _last_period_row(text, r, first)
            cut, note = _below_periods(text, end)
            tail = end + 1 < text.shape[0]
            if (
                tail
                and not note
                and list(map(str, text[:, 0])).count(str(text[end, 0])) == 1
            ):
                cut = f".loc[:{str(text[end, 0])!r}]"  # blank lines only
            ends = (
                f"; {cut} ends at the last period, leaving out the lines "
                f"below the table{f', such as {note!r},' if note else ''} "
                "which would become periods of no value"
                if cut
                else ""
            )
            marked = _marked_periods(text, r, first)
            mark = (
                f"; {marked[0][0]!r} holds a note mark after its year, "
                f"{marked[0][1]!r}, kept in its period as written"
                if marked
                else ""
            )
            # The numbers are read by povstat (parse_columns), as text: its
            # checks apply ("9.5" among "9,79" in locale "id" is refused).
            missed = (
                ""
                if sorted(set(missing)) == sorted(_DEFAULT_MISSING)
                else f", missing={sorted(set(missing))!r}"
            )
            groups = [str(s) for s in text[r, 1:]]
            # A header row right above the groups' holding two cells or
            # more, from the first value column, one at least spanning
            # columns (the cells after it empty, as a merged cell leaves
            # them): each cell spans the columns up to the next (a measure
            # over its areas, sheets21 K5), kept as the first level of the
            # column labels. A cell over each column is no such row.
            upper = r - 1
            upper_cells = [bool(str(s)) for s in text[upper, 1:]] if r else []
            over = (
                _ffill(str(s) for s in text[upper, 1:])
                if upper in block
                and upper_cells[0]
                and sum(upper_cells) >= 2
                and not all(upper_cells)
                else None
            )
            columns_code = (
                repr(groups)
                if over is None
                else "pandas.MultiIndex.from_tuples("
                f"{list(zip(over, groups, strict=True))!r})"
            )
            levels = (
                ""
                if over is None
                else f"; header row {_label(index[upper])!r} above it "
                f"({', '.join(repr(g) for g in dict.fromkeys(over))}) is kept "
                "over each column it spans, as the first level of the column "
                "labels (variable_0 once melted, the groups variable_1), so "
                "each value keeps its measure and unit"
            )
            if frame:
                # Built from the frame, as the transposed frame's advice is:
                # its rows by position (the column-label rows come first in
                # the grid), whatever file or reader it came from.
                n_labels = _n_label_rows(index)
                rows = f"{r + 1 - n_labels}:{end + 1 - n_labels}"
                name = str(corner) if corner else None
                recipe = (
                    f"`s = df.iloc[{rows}, {column + 1}:].set_axis({columns_code}, "
                    f"axis=1).set_axis(pandas.Index(df.iloc[{rows}, {column}], "
                    f"name={name!r}), axis=0); out = povstat.parse_columns(s, "
                    f"list(s.columns), locale={locale!r}{missed})"
                    ".melt(ignore_index=False).reset_index()` "
                    f"({to_pandas or _TO_PANDAS}), which keeps each value's period and "
                    "reads the numbers as read_bps_table does; "
                    f"df.iloc[{rows}] holds the rows from the first period, "
                    f"{str(text[r + 1, 0])!r}, to the last, "
                    f"{str(text[end, 0])!r}"
                    + (
                        f", leaving out the lines below the table"
                        f"{f', such as {note!r},' if note else ''} which would "
                        "become periods of no value"
                        if tail
                        else ""
                    )
                    + levels
                )
            else:
                read_csv = _pandas_read_csv(
                    sep=sep, row=index[r], extra="index_col=0", encoding=encoding
                ) + ("" if over is None else f".set_axis({columns_code}, axis=1)")
                recipe = (
                    _uneven_rows(index, fields, r, end)
                    + read_csv
                    # ignore_index=False: the periods (the index) stay
                    # beside each value, which melt() would drop.
                    + f" and povstat.parse_columns(df{cut}, list(df.columns), "
                    f"locale={locale!r}{missed}).melt(ignore_index=False)"
                    ".reset_index(), which keeps each value's period and "
                    f"reads the numbers as read_bps_table does{ends}{levels}"
                )
            caution = (
                ""
                if sheet or cells is None
                else _one_region_fractions(
                    cells[r + 1 : end + 1, 1:],
                    title=_title_above(text, r if over is None else upper),
                    measures=over or [""] * len(groups),
                    groups=groups,
                    periods=[str(s) for s in text[r + 1 : end + 1, 0]],
                    frame_at=(
                        (
                            np.arange(r + 1, end + 1) - _n_label_rows(index),
                            column + 1 + np.arange(len(groups)),
                        )
                        if frame
                        else None
                    ),
                    locale=locale,
                    missing=frozenset(missing),
                    to_pandas=to_pandas,
                )
            )
            return (
                f"; the table looks transposed: its first column holds periods "
                f"({shown}{more}){under} and its header row "
                f"{_label(index[r])!r} names area or sex groups ({names}"
                f"{', ...' if len(areas) > 3 else ''}), a one-region time "
                "series; read_bps_table reads one row per region and one "
                "column per period and never turns a table: write the "
                "region's name as the row's label, with the groups in a row "
                "over the periods ('Perkotaan' over '2022 | 2023', then "
                "'Perdesaan' over the same)"
                + (
                    f" in the sheet, not in a frame read from the workbook, "
                    f"{_READ_EXCEL_LOSES}"
                    if sheet
                    else f", or read the series with pandas ({recipe})"
                )
                + mark
                + caution
            )
        k, regions = found
        names = ", ".join(repr(s) for s in regions[:3])
        row = named(k)
        # The block's other header rows: groups or units under each region
        # ("Perkotaan | Perdesaan", "(persen)"), or the regions' codes.
        others = sorted(j for j in block if j != k and heads_of[j])
        if others:
            rows_other = " and ".join(named(j) for j in others)
            inner = heads_of[others[-1]]
            return (
                f"; the table looks transposed: its first column holds periods "
                f"({shown}{more}){under}, its {row} "
                f"{'name' if row == 'column labels' else 'names'} regions "
                f"({names}{', ...' if len(regions) > 3 else ''}) and its "
                f"{rows_other} {'hold' if len(others) > 1 else 'holds'} more "
                f"header cells ({', '.join(repr(s) for s in inner[:3])}"
                f"{', ...' if len(inner) > 3 else ''}): a header of "
                f"{len(others) + 1} rows; read_bps_table reads one row per "
                "region and one column per period and never turns a table: "
                "turn it (in a spreadsheet, copy the table and paste it "
                "transposed) so that the regions run down the first column, "
                "one row per region, and write groups or units in a row over "
                "the periods ('Perkotaan' over '2022 | 2023', then 'Perdesaan' "
                "over the same; a unit in the title or a row of its own)"
            )
        # The last period row, marked or not: "2025*)" (BPS's provisional
        # year, ``_YEAR_MARK``) holds values under every region, no line
        # below the table; leaving it out would drop its values unsaid.
        last = _last_period_row(text, r, first)
        cut, note = _below_periods(text, last)
        why = (
            f" ({cut} leaves out the lines below the table, such as {note!r}, "
            "which would become columns naming no period)"
            if cut
            else ""
        )
        marked = _marked_periods(text, r, first)
        mark = (
            f"; {marked[0][0]!r} holds a note mark after its year, "
            f"{marked[0][1]!r}, which a header cell naming a period does "
            f"not hold once turned: move the mark {marked[0][1]!r} to a "
            f"note below the table first, leaving {marked[0][2]!r}"
            if marked
            else ""
        )
        # A frame whose header row is a row of cells, not its column labels
        # (a reader took the title line above it as the labels, or was told
        # header=None): the rows from the header row to the last period, by
        # position (whatever the header row's first cell: empty, or written
        # elsewhere too), turned; the header row is then the turned frame's
        # first row, which is read as its header.
        title = frame and row != "column labels"
        # The column-label rows come first ("columns", "columns[0]", ...).
        labels = _n_label_rows(index)
        start = k - labels
        stop = f"{last + 1 - labels}" if note else ""
        # The title above the header row (as read_bps_table reads a title:
        # its lines' cells joined by " | ") becomes the turned frame's column
        # label, read as its title line: the unit it states is kept, so
        # fractions under "(Persen)" (pandas.read_excel of a percent-formatted
        # workbook) are warned of once turned (sheets18 H5), as in a table
        # read as it stands; dropped, they would be read silently.
        above = _title_above(text, k)
        width = (last + 1 if note else text.shape[0]) - k
        named_title = (
            f".set_axis([{above!r}, *[''] * {width - 1}], axis=1)" if above else ""
        )
        how = (
            f"transpose the frame's rows from its header row {_label(index[k])!r} "
            f"to the table's last period {str(text[last, 0])!r} (pandas "
            f"df.iloc[{start}:{stop}].T.reset_index(drop=True){named_title}, "
            "whose first row is then the header"
            + (
                " and whose column labels keep the title, which states the table's unit"
                if above
                else ""
            )
            + (
                f"; {to_pandas}"
                if to_pandas == _LAZY_TO_PANDAS
                else "; a polars or DuckDB frame converted with "
                ".to_pandas() or .df() first"
            )
            + ") and pass that"
            + (
                f" (the slice leaves out the lines above the header row and "
                f"those below the table, such as {note!r}, which would become "
                "columns naming no period)"
                if note
                else " (the slice leaves out the lines above the header row)"
            )
            if title
            else "transpose the frame first (pandas df.set_index(df.columns[0])"
            f"{cut}.T.reset_index(){f'; {to_pandas}' if to_pandas else ''}) and "
            f"pass that{why}"
            if frame
            else "transpose it first in the spreadsheet (copy the table "
            f"{'without the lines below it ' if cut else ''}and "
            "paste it transposed: Paste Special, Transpose, which keeps the "
            "cells' number formats), not in a frame read from the workbook, "
            f"{_READ_EXCEL_LOSES}"
            if sheet
            else "transpose it first ("
            + _uneven_rows(index, fields, k, last)
            + "read it into a frame with the periods as its index, "
            + _pandas_read_csv(
                sep=sep, row=index[k], extra="index_col=0", encoding=encoding
            )
            + f", and pass df{cut}.T.reset_index(){why}; or, in a spreadsheet, "
            f"copy the table {'without the lines below it ' if cut else ''}and "
            "paste it transposed)"
        )
        return (
            f"; the table looks transposed: its first column holds periods "
            f"({shown}{more}){under} and its {row} "
            f"{'name' if row == 'column labels' else 'names'} regions "
            f"({names}{', ...' if len(regions) > 3 else ''}); read_bps_table "
            "reads one row per region and one column per period and never "
            f"turns a table: {how}{mark}"
        )
    return ""


def _numbered_transposed_hint(
    text: np.ndarray[Any, Any], turned: Callable[[np.ndarray[Any, Any]], str]
) -> str:
    """Advice for a column of row numbers ("No.") before a transposed table.

    The numbered list's advice (remove the column, :func:`_index_column_hint`),
    then the transposed table's, `turned` (:func:`_transposed_hint`), for the
    columns after it, whose first row of values may have been taken for a
    header row. The lines of their own in the first column ("Sumber: BPS"
    below the table) are kept, as the next column's, so that the slice
    advised leaves them out. "" if the first column is no such list or the
    rest is not transposed.
    """
    if text.shape[1] < 3:
        return ""  # a label column and a column of values at least
    cells = text[:, 1:].copy()
    lines = ((text != "").sum(axis=1) == 1) & (text[:, 0] != "")
    cells[lines, 0] = text[lines, 0]
    then = turned(cells)
    numbered = _index_column_hint(text, periods_after=True) if then else ""
    return f"{numbered}; once it is removed,{then[1:]}" if numbered else ""


def _index_column_hint(
    text: np.ndarray[Any, Any], *, periods_after: bool = False
) -> str:
    """Advice when the first column holds numbers, not region names.

    Numbers 1, 2, 3, ... (or 0, 1, 2, ...) in order are a numbered list
    (under a heading such as "No") or a frame's index written by
    ``to_csv()`` (under an empty header); other numbers are not row
    numbers: of two or four digits, a column of area codes. The lines
    below the table (a source line "Sumber: BPS", a footnote: a line's only
    cell, in the first column) are not the column's. `periods_after`: the
    columns after the first hold a transposed table, whose periods down the
    second column may be years (digits, as the column's names are not).
    """
    if text.shape[1] < 2:
        return ""
    # The lines below the table: at its end, rows of one cell (the first)
    # that is no number.
    lines = (text != "").sum(axis=1) <= 1
    lines &= [re.fullmatch(r"[0-9]+[.)]?", s) is None for s in text[:, 0]]
    end = len(lines) - int(np.argmin(lines[::-1])) if not lines.all() else 0
    first = [s for s in text[:end, 0] if s]
    # A column headed "No" (under any title) over list numbers only.
    is_number = [re.fullmatch(r"[0-9]+[.)]?", s) is not None for s in first]
    head = max((k for k, n in enumerate(is_number) if not n), default=-1)
    numbers = first[head + 1 :]
    shown = f"{', '.join(numbers[:3])}{', ...' if len(numbers) > 3 else ''}"
    values = [int(s.rstrip(".)")) for s in numbers]
    in_order = any(values == list(range(k, k + len(values))) for k in (0, 1))
    codes = all(len(s.rstrip(".)")) in (2, 4) for s in numbers)
    if (
        numbers
        and all(1900 <= v <= 2099 for v in values)
        and len(set(values)) < len(values)
    ) or _long_period_column(text, headed=True) == 0:
        return ""  # years of a long table, not codes (`_pivot_hint`)
    not_rows = (
        "they look like a column of area codes: the region names must be in "
        "the first column that holds anything; remove the column of codes, or "
        "write each code before its name in one cell ('3573 Kota Malang', "
        "which is read and checked against the name)"
        if codes
        else "the region names must be in the first column that holds "
        "anything; remove the column of numbers"
    )
    if (
        head >= 0
        and numbers
        and (periods_after or any(not re.fullmatch(r"[0-9]*", s) for s in text[1:, 1]))
    ):
        if not in_order:
            return (
                f"; the first column holds only numbers under {first[head]!r} "
                f"({shown}), not numbered 1, 2, 3, ... in order: {not_rows}"
            )
        return (
            f"; the first column holds only numbers under {first[head]!r} "
            f"({shown}), a numbered list: the region names must be in the first "
            "column that holds anything; remove the column of numbers"
        )
    if text[0, 0] == "" and first and all(re.fullmatch(r"[0-9]+", s) for s in first):
        if not in_order:
            return (
                f"; the first column holds only numbers ({shown}) under an empty "
                "header, not row numbers (0, 1, 2, ... or 1, 2, 3, ... in "
                f"order): {not_rows}"
            )
        return (
            f"; the first column holds only row numbers ({shown}) under an "
            "empty header, as a frame's index written by to_csv() does: write "
            "the file with to_csv(index=False), or remove that column"
        )
    return ""


def _ffill(cells: Iterable[str]) -> list[str]:
    out: list[str] = []
    last = ""
    for s in cells:  # across the columns of one header row
        last = s or last
        out.append(last)
    return out


def _period(s: str) -> tuple[int, int | None, str] | None:
    """Return the (year, month, kind) a header text names, or None.

    ``kind`` is "year" (a bare year), "round" (a month or semester) or
    "annual". Raises ValueError if a semester and a month disagree.
    """
    m = _YEAR.fullmatch(_POINT_ZERO.sub(r"\g<year>", s))
    if m is None or (m["a"] and m["b"]):
        return None
    year = int(m["year"])
    rest = m["a"] or m["b"]
    if m["a"] and re.fullmatch(r"tahun|year", m["a"], re.IGNORECASE):
        return (year, None, "year")  # "Tahun 2022": the word for year
    if not rest:
        return (year, None, "year")
    # A round in brackets: "2022 (September)", as Excel's number format
    # 0" (September)" shows the number 2022.
    bracketed = re.fullmatch(r"\(\s*(.*?)\s*\)", rest)
    r = _ROUND.fullmatch(bracketed[1] if bracketed else rest)
    if r is None:
        return None
    if r["annual"]:
        return (year, None, "annual")
    named = r["m1"] or r["m2"]
    mon = _MONTHS[named.lower()] if named else None
    if r["sem"]:
        sem_month = _SEMESTER_MONTH[r["sem"].lower()]
        if mon is not None and mon != sem_month:
            msg = (
                f"header {s!r}: semester {r['sem']} is month {sem_month} in BPS "
                f"tables, not {named!r}"
            )
            raise ValueError(msg)
        mon = sem_month
    return (year, mon, "round")


def _round_cell(s: str) -> re.Match[str] | None:
    """The round a header cell names alone, in brackets or not, or None.

    "Maret", "Semester 2" and "(Maret)" name a round, as "2022 (September)"
    does with its year.
    """
    bracketed = re.fullmatch(r"\(\s*(.*?)\s*\)", s)
    return _ROUND.fullmatch(bracketed[1] if bracketed else s)


def _check_decorated_rounds(
    text: np.ndarray[Any, Any], index: pd.Index[Any], h: int
) -> None:
    """Refuse a cell beside the years naming a round with a mark or a word.

    In the row over or under the years (past a unit row between), a value
    column's cell that names a survey round together with a footnote mark,
    square brackets or another word ("Maret*", "Maret 1)", "[Maret]",
    "Keadaan Maret", "Susenas Maret") is neither read as a column group nor
    taken for the title: its columns would lose the round, or `month` would
    give every column one month. A round alone or in round brackets
    ("Maret", "(Maret)") is read as the round.
    """
    n_rows = text.shape[0]
    rows: list[int] = []
    for step in (-1, 1):
        r = h + step
        if 0 <= r < n_rows:
            rows.append(r)
            beyond = r + step
            if 0 <= beyond < n_rows and _unit_rows(text[r][None, :])[0]:
                rows.append(beyond)
    bad = [
        (r, str(s))
        for r in rows
        for s in text[r, 1:]
        if s
        and _YEAR.fullmatch(str(s)) is None
        and _round_cell(str(s)) is None
        and _ROUND_WORD.search(str(s)) is not None
    ]
    if not bad:
        return
    shown = ", ".join(f"{s!r} (row {_label(index[r])!r})" for r, s in bad[:5])
    msg = (
        f"header cell(s) {shown} name a survey round with a footnote mark, square "
        "brackets or another word: such a label is read neither as a round nor "
        "as a column group, and its columns' round would be lost; write the round "
        "alone over or under each year ('Maret', 'September', 'Semester 2', or in "
        "brackets, '(Maret)') and move a footnote mark into the notes below the "
        "table (a title naming the round belongs in the first column)"
    )
    raise ValueError(msg)


def _month(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        msg = f"`month` must be an int or None, got {value!r}"
        raise TypeError(msg)
    if not 1 <= int(value) <= 12:
        msg = f"`month` must lie in 1-12, got {value!r}"
        raise ValueError(msg)
    return int(value)


def _check_header_under_subtitle(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    rows: np.ndarray[Any, Any],
    province: str | None,
    first_year: int | None,
) -> None:
    """Refuse a header read as values, under a subtitle taken for the header.

    A year or period over the table (",2023" or "Tahun 2023" above
    "Kabupaten/Kota,2022") is taken for the header; the real header below
    it would be read as a row of values (the year 2022 as Kabupaten/Kota's
    value). The first row below the header (`rows`: rows of values) is
    refused when each of its value cells names a period and its label, not
    empty, names no region ("Pacitan,2025" under "2025" is a region's
    value).
    """
    if not rows.size:
        return
    k = int(rows[0])
    cells = _year_point_zero(text[[k]][:, layout.columns])[0]
    if not cells.size or (cells == "").any():
        return
    for c in cells:
        try:
            if _period(str(c)) is None:
                return
        except ValueError:  # a semester and a month that disagree: a period
            pass
    label = str(text[k, 0])
    if not label.strip():
        return
    years_label = str(text[layout.header_rows[-2 if layout.rounds_row else -1], 0])
    if _column_heading(years_label.strip()) and not _heading_like(label):
        # The header heads the label column ("Kabupaten/Kota,2022,2023"):
        # no subtitle; the row below it is a region's, its name misspelt
        # ("Kep. Mentawei,2019,2020", counts in jiwa), reported unmatched.
        return
    try:
        found = _match_regions(
            np.array([label], dtype=object), index[[k]], province, first_year
        )
    except ValueError:  # a name of several regions: a region's name
        return
    if found["code"].iloc[0] is not None:
        return
    header = [
        f"{_label(index[r])!r} ({' | '.join(s for s in text[r] if s)})"
        for r in range(layout.first_data)
        if any(text[r])
    ]
    msg = (
        f"row {_label(index[k])!r} ({' | '.join(s for s in text[k] if s)}) "
        "under the header reads as a header, not as values: each of its "
        f"value cells names a period and its label {label!r} names no region. "
        f"The row(s) taken for the header ({', '.join(header)}) are then a "
        "subtitle (a year or period written over the table, 'Tahun 2023'), "
        "not the header: remove them (or move the period into the title "
        "above the header's label cell) so that the header is the row "
        "directly above the values"
    )
    raise ValueError(msg)


def _check_second_table(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    rows: np.ndarray[Any, Any],
    passed: np.ndarray[Any, Any],
) -> None:
    """Refuse the header of a second table stacked below the first.

    A row labelled as a header row ("Kabupaten/Kota", or empty as the row
    of years is) whose value cells all name periods, other than the
    header's, heads another table: read as values it would file that
    table's rows under the first one's periods.
    """
    # The labels of the header rows; the years row's even when empty
    # (",2024,2025" below a table headed ",2022,2023").
    years_row = layout.header_rows[-2 if layout.rounds_row else -1]
    heads = ({str(text[r, 0]) for r in layout.header_rows} - {""}) | {
        str(text[years_row, 0])
    }
    cells = text[np.ix_(rows, layout.columns)]
    # Rows whose value cells all hold a year (a cheap look first): under the
    # header's label, or under any label but a region's or a total's
    # (",2024,2025", "Kota,2024,2025", "Kabupaten/Kota (lanjutan),2024").
    flat = pd.Series(cells.ravel(), dtype=object).astype(str)
    yearly = (
        (
            flat.str.contains(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", regex=True)
            | (flat == "")
        )
        .to_numpy(dtype=bool)
        .reshape(cells.shape)
    )
    some = (cells != "").any(axis=1) & yearly.all(axis=1)
    for k in np.flatnonzero(some & ~passed):  # the few such rows
        lab = str(text[rows[k], 0])
        shown = [str(s) for s in cells[k] if s]
        if lab not in heads and not _heading_like(lab):
            # A name's year-like values: a region's or a total's ("Pacitan,
            # 2025"), a kecamatan's counts ("Kalipare,1987,1950"), a misspelt
            # region's counts in jiwa ("Kep. Mentawei,2019,2020"); a second
            # table's header is labelled as a header ("Kota", "Tahun",
            # "Kabupaten/Kota (lanjutan)") or not at all.
            continue
        try:
            names = all(
                _period(_POINT_ZERO.sub(r"\g<year>", s)) is not None for s in shown
            )
        except ValueError:  # a semester and a month that disagree: a header
            names = True
        if not names:
            continue
        r = rows[k]
        same = (
            f"repeats the header's label {lab!r}"
            if lab in heads
            else f"is labelled {lab!r}"
            if lab
            else "has no label"
        )
        msg = (
            f"row {_label(index[r])!r} ({' | '.join(s for s in text[r] if s)}) "
            f"{same} over other periods "
            f"({shown!r}, the header reading {list(layout.headers)!r}): the "
            "header of a second table stacked below the first; its rows would "
            "be read under the first table's periods, so the table is not "
            "read (whatever `errors`): read each table separately (split the "
            "file, or pass each one's rows)"
        )
        raise ValueError(msg)


def _check_unlabelled_columns(
    text: np.ndarray[Any, Any],
    data_rows: np.ndarray[Any, Any],
    layout: _Layout,
    index: pd.Index[Any],
    names: Sequence[str],
    *,
    split: bool = False,
) -> None:
    """Refuse a column that holds values under no period.

    With `split` (a CSV file separated by ","), a column holding digits
    alone may hold the second parts of numbers split by an unquoted comma:
    the message says so.
    """
    other = np.setdiff1d(np.arange(1, text.shape[1]), layout.columns)
    if other.size == 0 or data_rows.size == 0:
        return
    filled = (text[np.ix_(data_rows, other)] != "").any(axis=0)
    if filled.any():
        cols = other[filled]
        rows = list(layout.header_rows)
        heads = "; ".join(
            f"{names[c]}: " + ", ".join(repr(str(text[r, c])) for r in rows)
            for c in cols[:5]
        )
        advice = (
            "write each column's round (e.g. 'Semester 1 (Maret)', 'Tahunan') "
            "under its year"
            if layout.rounds_row
            else "write the period above each column of values"
        )
        # The names in the second column, under an empty header, and
        # numbers in the first: say what the numbers are.
        hint = _index_column_hint(text) if cols[0] == 1 else ""
        under = layout.header_rows[-1] + 1
        units = (
            under < text.shape[0]
            and not text[under, 0]
            and bool(_unit_rows(text[under][None, :])[0])
        )
        if units:
            # "(ribu jiwa)" and "(persen)" under each year (BPS's "Jumlah dan
            # Persentase" layout): units, no labels of groups.
            shown = [str(s) for s in text[under, 1:] if s]
            hint += (
                f"; the row {_label(index[under])!r} under the header names "
                f"units alone ({', '.join(map(repr, shown[:5]))}), which label "
                "no column group: a unit row gives one unit to the whole table; "
                "for two measures under each year, write each column's group "
                "with its unit ('Jumlah (ribu jiwa)', 'Persentase (persen)'), or "
                "read each measure's columns as a table of its own"
            )
        elif under < text.shape[0] and not text[under, 0]:
            labelled = [
                str(text[under, c])
                for c in cols
                if re.search(r"[A-Za-z]", str(text[under, c]))
            ]
            if labelled:
                # A year over its groups, one group label missing (or a
                # label under no year): say what the layout is.
                hint += (
                    f"; the row {_label(index[under])!r} under the header labels "
                    f"these columns ({', '.join(map(repr, labelled[:5]))}) as a "
                    "year's column groups ('2022' over 'Perkotaan | Perdesaan | "
                    "Total'), which is read when, from the first year on, every "
                    "column has a group label and a year over it (its own, or "
                    "the year to its left or merged over it): write the missing "
                    "labels"
                )
        # A value in a few rows alone, under no header: a stray field or a
        # note, not a column of values.
        advice = (
            _stray_cells_hint(text, data_rows, cols, layout, index, names) or advice
        )
        held = text[np.ix_(data_rows, cols)].ravel()
        kept = [str(c).strip() for c in held if str(c).strip()]
        named = [c for c in kept if _names_region(c)]
        coded = [c for c in kept if c in _regions.known_codes()]
        held_what = "values"
        if named and not _holds_number(np.array(kept, dtype=object)):
            # A second column of names (regencies beside their provinces):
            # no values, and no period written above it would make them so.
            advice = (
                f"it holds region names ({', '.join(map(repr, named[:3]))}), not "
                "values: the names are read from the first column only; write "
                "each region's name in the first column (a province as a row "
                "of its own above its regions, its name in the first column) "
                "and leave this column out"
            )
            held_what = "cells"
        elif kept and len(coded) == len(kept):
            advice = (
                f"it holds area codes ({', '.join(map(repr, coded[:3]))}), not "
                "values: leave the column out, or write each code before its "
                "region's name in the first column ('1901 Bangka')"
            )
            split = False
            held_what = "cells"
        # Any part of a split number: digits, grouped by thousands dots or
        # not ("4.188" of "4.188,81"), or with a decimal point ("050.5" of
        # "1,050.5").
        if split and all(
            re.fullmatch(r"[+-]?[0-9]+(?:\.[0-9]+)*", str(c).strip()) for c in held if c
        ):
            hint += (
                "; in a CSV file separated by ',', a number written with a comma "
                "and not in quotes ('4,26' or '4.188,81' in locale 'id', '1,050' "
                "in 'en') splits into two fields, shifting the fields after it "
                "into columns without a header: put such numbers in quotes or "
                "write the file with sep=';' (and pass sep=';')"
            )
        msg = (
            f"column(s) {', '.join(names[c] for c in cols)} hold {held_what} but "
            "no period is "
            f"read from their header (header rows "
            f"{[_label(index[r]) for r in rows]!r}; cells {heads}): {advice}{hint}"
        )
        raise ValueError(msg)


#: Headings of columns that hold no values: remarks, and area codes.
_REMARKS = re.compile(
    r"(?:keterangan|ket|catatan|cat|remarks?|notes?|comments?)", re.IGNORECASE
)
_CODES = re.compile(
    r"(?:kode|kode\s+(?:wilayah|bps|kab(?:upaten)?(?:/kota)?|kota|provinsi|prov)"
    r"|kd|code|area\s+code)",
    re.IGNORECASE,
)


def _left_out_hint(
    bad: Sequence[str],
    label: str = "",
    *,
    sheet: bool = False,
    sep: str = ",",
    row: object = None,
) -> str:
    """Advice to leave out a column of remarks or codes named in the header.

    A column headed "Keterangan", "Catatan" or "Ket." (remarks) or "Kode"
    (area codes) holds no values: it is not read, so leave it out (pandas
    ``usecols``, ``drop``). A column of province names beside the region
    column (`label` is the label column's header: "Provinsi" before
    "Kabupaten/Kota", or "Provinsi" after it) is said to be one: the names
    are read from the first column only. From a spreadsheet (`sheet`), the
    column is left out in the sheet (see ``_LEAVE_OUT_OF_SHEET``); from a
    file, read without it (`sep`, `row`: its separator and header row, see
    :func:`_csv_leave_out`).
    """
    out = ""
    label_word = " ".join(label.split()).strip(" .:()")
    for b in bad:
        word = " ".join(str(b).split()).strip(" .:()")
        province_beside = (
            _PROVINCE_HEAD.fullmatch(word) is not None
            and _LABEL_HEADING.fullmatch(label_word) is not None
        ) or (
            _PROVINCE_HEAD.fullmatch(label_word) is not None
            and _LABEL_HEADING.fullmatch(word) is not None
        )
        if province_beside and re.fullmatch(
            r"(?:tipe\s+|jenis\s+|klasifikasi\s+)?daerah|area|urban\s*/\s*rural",
            word,
            re.IGNORECASE,
        ):
            # "Provinsi | Daerah" over "ACEH | Perkotaan": the second column
            # holds each province's areas, not names of regions.
            out += (
                f"; {word!r} beside {label_word!r} heads a column of areas "
                "(Perkotaan, Perdesaan, their total), not of regions' names: "
                "read_bps_table reads areas as column groups, a row naming "
                "each column's area ('Perkotaan | Perdesaan | Jumlah') over or "
                "under the years, one row per province; lay the table out so "
                "(in a spreadsheet, a pivot table with the areas as columns)"
            )
            continue
        if province_beside:
            out += (
                f"; {label_word!r} and {word!r} head two columns of names: the "
                "region names are read from the first column only, and a "
                "column of province names beside them holds no values; leave "
                "the province column out ("
                + (_LEAVE_OUT_OF_SHEET if sheet else _csv_leave_out(sep, row, str(b)))
                + ") and write each province as a row of its "
                "own above its regions (its name in the first column), or pass "
                "province= for a table of one province"
            )
            continue
        if _REMARKS.fullmatch(word):
            what = "remarks"
        elif _CODES.fullmatch(word):
            what = "codes"
        else:
            continue
        out += (
            f"; {b!r} heads a column of {what}, not of values: leave the column "
            "out ("
            + (
                _LEAVE_OUT_OF_SHEET
                if sheet
                else "delete it from the sheet or file, or "
                + _csv_leave_out(sep, row, str(b))
                if isinstance(row, _FrameSite)
                else "delete it from the sheet or file, or read the file without "
                f"it: {_csv_leave_out(sep, row, str(b))}"
            )
            + ")"
        )
    return out


def _stray_cells_hint(
    text: np.ndarray[Any, Any],
    data_rows: np.ndarray[Any, Any],
    cols: np.ndarray[Any, Any],
    layout: _Layout,
    index: pd.Index[Any],
    names: Sequence[str],
) -> str:
    """Name the few rows holding a value under an empty header.

    A CSV row with a field too many ("Pacitan;1,17;2,17;3,1" under
    "Kabupaten/Kota;2022;2023") or a remark typed beside one row of a sheet
    fills a column without a header in that row alone: the message names
    the rows and cells, and advises removing the field or moving the note.
    "" when the columns have a header, or values in most rows.
    """
    if (text[np.ix_(np.asarray(layout.header_rows, dtype=np.intp), cols)] != "").any():
        return ""
    held = text[np.ix_(data_rows, cols)] != ""
    rows = data_rows[held.any(axis=1)]
    if rows.size > 3 or 2 * rows.size > data_rows.size:
        return ""
    cells = ", ".join(
        f"{names[c]} of row {_label(index[r])!r} ({str(text[r, 0])!r}): "
        f"{str(text[r, c])!r}"
        for r in rows
        for c in cols
        if text[r, c] != ""
    )
    return (
        f"only {'this row holds' if rows.size == 1 else 'these rows hold'} a "
        f"value there ({cells}): a field too many in a CSV row (a stray "
        "separator), or a note typed beside the row; remove the field, or move "
        "the note below the table (a note row is skipped)"
    )


def _column_number_rows(text: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Rows numbering the columns: 1, 2, 3, ... (or "(1)", "(2)", ...).

    The filled cells of such a row, the first (label) cell among them, are
    the numbers 1, 2, 3, ... in order, two at least.
    """
    if text.size == 0:
        return np.zeros(text.shape[0], dtype=bool)
    flat = pd.Series(text.ravel(), dtype=object).astype(str)
    number = pd.to_numeric(
        flat.str.extract(r"^\(?([0-9]{1,3})\)?$")[0], errors="coerce"
    ).to_numpy(dtype=np.float64, na_value=np.nan)
    number = number.reshape(text.shape)
    filled = text != ""
    count = np.cumsum(filled, axis=1)  # 1, 2, 3 ... along the filled cells
    fits = np.where(filled, number == count, True).all(axis=1)
    return np.asarray(fits & filled[:, 0] & (filled.sum(axis=1) >= 2))


#: A multiplier as unit rows write it: a word, or thousands in digits
#: ("(000 jiwa)", "('000)", "(x 1000)", "(x1.000)", "(x 1.000.000)").
#: Digits only in brackets: a bare "000" could be a number.
#: A unit row's words are parse_numbers' (``_UNITS``, ``_MULTIPLIERS``: one
#: grammar for units, "(poin)" and "(persen poin)" included), and a
#: table's own: "Rp", "IDR", "indeks" (the unit of P1 and P2).
_ROW_MULT = rf"(?:{_MULT_RE}|(?<=[(\[])(?:'?000|x\s*1(?:[.,]?000)+))"
_UNIT_CELL = re.compile(
    # "Satuan: persen" (satuan: unit), and the bracket of "[persen]"
    r"(?:satuan\s*:\s*)?[(\[]?\s*"
    rf"(?:{_ROW_MULT}(?:\s+|(?=\s*[)\]]|$))|(?=\S))"
    # "indeks" (index): the unit of P1 and P2, a number without a unit
    rf"(?:{_UNIT_RE}|(?:rp|idr|indeks|index)(?![a-z])|{_HOUSEHOLDS}"
    r"|(?<=[0a-z]\s)"
    r"|(?<=[0a-z])(?=\s*[)\]]|$))"
    # per person and month, as the poverty line's unit "(Rupiah/Kapita/Bulan)",
    # or per household, as an average's "(Jiwa/Rumah Tangga)"
    r"(?:\s*/\s*(?:kapita|kap|capita|orang|person|bulan|bln|month|tahun|year"
    rf"|{_HOUSEHOLDS}))*"
    r"\s*[)\]]?",
    re.IGNORECASE,
)


def _unit_rows(text: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Rows stating the columns' units: "(persen)", "(ribu jiwa)", "%".

    The label (first) cell is empty and every other filled cell, one at
    least, is a unit word, in brackets or not, with or without a multiplier.
    """
    if text.size == 0:
        return np.zeros(text.shape[0], dtype=bool)
    flat = _unit_spelling(pd.Series(text[:, 1:].ravel(), dtype=object))
    unit = np.asarray(
        flat.str.fullmatch(_UNIT_CELL).to_numpy(dtype=bool, na_value=False)
    ).reshape(text[:, 1:].shape)
    filled = text[:, 1:] != ""
    return np.asarray(
        (text[:, 0] == "")
        & filled.any(axis=1)
        & np.where(filled, unit, True).all(axis=1)
    )


def _check_unit_rows(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    rows: np.ndarray[Any, Any],
) -> None:
    """Refuse a unit row stating different units over one column group.

    The units of a unit row are not read; the values of a column group (of
    the table, if it has no groups) go into one value column, so units
    that differ there ("(ribu jiwa)" over 2022, "(jiwa)" over 2023) would
    put numbers on different scales together silently.
    """
    for r in rows:  # the few unit rows
        found: dict[str, dict[tuple[str, float], list[str]]] = {}
        for head, group, cell in zip(
            layout.headers, layout.groups, text[r, layout.columns], strict=True
        ):
            if cell:
                found.setdefault(group, {}).setdefault(
                    _stated_scale(str(cell)), []
                ).append(f"{head!r}: {str(cell)!r}")
        for group, stated in found.items():
            # "(ribu)" beside "(ribu jiwa)": one scale, thousands.
            one = _one_scale(stated)
            units: dict[tuple[str, float], list[str]] = {}
            for key, cols in stated.items():
                units.setdefault(one[key], []).extend(cols)
            if len(units) < 2:
                continue
            where = f" over the columns of group {group!r}" if group else ""
            shown = "; ".join(", ".join(cols) for cols in units.values())
            msg = (
                f"unit row {_label(index[r])!r} states different units{where} "
                f"(columns and units: {shown}): their values would be put in one "
                "value column on different scales (a unit row never rescales "
                "values); "
                "write the values of these columns in one unit, or read them "
                "separately"
            )
            raise ValueError(msg)


def _stated_units(
    title: str, groups: list[str], rows: np.ndarray[Any, Any]
) -> tuple[str, list[str]]:
    """The title and group labels with the units the unit rows state.

    `rows` holds the unit rows' cells over the value columns. A unit is
    kept where a unit written in the header text is: the one unit the unit
    rows state (written over each column, or once, in a merged cell or over
    some groups only) ends the title, after " | " ("(ribu jiwa)"; a title
    that already holds it, in any case, is left as it is); units that
    differ between column groups (an empty cell takes its group's unit, as
    in ``_unit_row_spans``) end each group's label ("P0 (persen)",
    "Garis Kemiskinan (Rp/kapita/bulan)"), as a group label holding its
    unit does ("Jumlah (ribu jiwa)"); a group with no unit of its own keeps
    its label. The units are as written, runs of spaces collapsed; one
    unit in two spellings ("(ribu jiwa)", "(Ribu Jiwa)") is one unit,
    written as first stated.
    """
    if rows.shape[0] == 0:
        return title, groups
    label = np.asarray(groups, dtype=object)
    per_column: list[list[str]] = [[] for _ in groups]
    for row in rows:  # the few unit rows
        for group in dict.fromkeys(groups):
            inside = np.flatnonzero(label == group)
            cells = [" ".join(str(c).split()) for c in row[inside] if str(c).strip()]
            for j in inside:
                cell = " ".join(str(row[j]).split())
                unit = cell or (cells[0] if cells else "")
                if unit and unit not in per_column[j]:
                    per_column[j].append(unit)
    # One unit in two spellings ("(ribu jiwa)", "(Ribu Jiwa)", "(000 jiwa)")
    # is one unit, written as its first spelling.
    # A multiplier alone ("(ribu)") beside one unit of that multiplier
    # ("(ribu jiwa)") is that unit too.
    scale = _one_scale(_stated_scale(u) for col in per_column for u in col)
    first: dict[tuple[str, float], str] = {}
    for col_units in per_column:
        for u in col_units:
            first.setdefault(scale[_stated_scale(u)], u)
    units = [
        " ".join(dict.fromkeys(first[scale[_stated_scale(u)]] for u in col))
        for col in per_column
    ]
    stated = set(units) - {""}
    if len(stated) == 1:
        (one,) = stated
        if one.casefold() in title.casefold():
            return title, groups
        return (f"{title} | {one}" if title else one), groups
    return title, [
        f"{g} {u}" if u and u.casefold() not in g.casefold() else g
        for g, u in zip(groups, units, strict=True)
    ]


def _one_scale(
    scales: Iterable[tuple[str, float]],
) -> dict[tuple[str, float], tuple[str, float]]:
    """Each unit's scale, a multiplier alone taken as its one named unit's.

    "(ribu)", "(000)" or "(Thousand)" beside "(ribu jiwa)" state thousands
    with no unit of their own: one scale with it, thousands of persons.
    Where no unit, or two, are named with that multiplier, it stays apart.
    """
    found = list(dict.fromkeys(scales))
    out = {k: k for k in found}
    for unit, mult in found:
        if unit or mult == 1:
            continue
        named = {u for u, m in found if u and m == mult}
        if len(named) == 1:
            out[unit, mult] = (named.pop(), mult)
    return out


def _scale_name(unit: str, mult: float) -> str:
    """A unit and multiplier in words: "'persons' times 1,000"; "no unit"."""
    if mult == 1:
        return repr(unit) if unit else "no unit"
    return f"{unit!r} times {int(mult):,}" if unit else f"times {int(mult):,}"


def _unit_row_spans(
    rows: np.ndarray[Any, Any], sources: list[str], groups: list[str]
) -> tuple[np.ndarray[Any, Any], list[str]]:
    """The unit each unit row states over every value column, and its source.

    A unit row's cell covers its column group (the table, if it has no
    groups): the group's values go into one value column, so a unit row
    stating "(persen)" over 2022 alone, or "(ribu jiwa)" merged across 2022
    and 2023 (stored in its first cell), states it over 2023 too. An empty
    cell takes the unit of the filled cells of its group (`_check_unit_rows`
    has refused groups whose cells state different units); a group with no
    filled cell stays empty. A group label that is a unit alone ("(ribu
    jiwa)" over 2022 and 2023) states it over its columns as a unit row does.

    Returns the cells, one row per unit row (plus one for unit-word group
    labels), and each row's source as named in messages.
    """
    label = np.asarray(groups, dtype=object)
    unit_label = _unit_spelling(pd.Series(groups, dtype=object)).str.fullmatch(
        _UNIT_CELL
    ).to_numpy(dtype=bool, na_value=False) & (np.asarray(groups, dtype=object) != "")
    out = [np.asarray(r, dtype=object).copy() for r in rows]
    names = list(sources)
    if unit_label.any():
        out.append(np.where(unit_label, label, ""))
        names.append("the group label")
    for row in out:  # the few unit rows
        for group in dict.fromkeys(groups):  # and their groups
            inside = label == group
            stated = [str(c) for c in row[inside] if c != ""]
            if stated:
                row[inside & (row == "")] = stated[0]
    if not out:
        return np.zeros((0, len(groups)), dtype=object), names
    return np.vstack(out), names


def _fractions_among(
    values: np.ndarray[Any, Any],
    unit: np.ndarray[Any, Any],
    mult: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
    column_pct: np.ndarray[Any, Any],
    blocks: np.ndarray[Any, Any],
    block_names: Mapping[str, str],
    formatted: np.ndarray[Any, Any] | None = None,
    *,
    locale: str,
) -> np.ndarray[Any, Any]:
    """Mark, in place, bare fractions of one beside percent signs (stated percent).

    Under a title or unit row stating percent ("(Persen)", "(persen)",
    "(%)", `column_pct`), a cell stating "%" (a sign, or a percent format:
    `formatted`, the cells so formatted) states the title's own unit, so
    is a bare number ("4,37 %" beside "4,26" is 4.37; 0.1308 formatted
    0.00% is 13.08), however few such cells there are. But a bare number
    less than a tenth of the median percentage its block (`blocks`, see
    ``_scale_blocks``) states with a sign ("0,1204" among "9,92%", 0.1029
    among 13.08% and 9.11%: nearer 12.04 or 10.29 as a fraction of one
    than as 0.12 % or 0.10 %), and below 1 as a fraction of one is, is
    the fraction a cell that lost its percent format holds, or a
    percentage in doubt: it is the invalid cell,
    never the cells stating the title's unit. A workbook's percent format
    follows this one rule (see ``_read_checks``), so that it reads as the
    CSV file saved from it. `block_names` names each block's cells in
    messages. Returns the cells marked.

    The advice writes what to type into the cell in `locale`, exactly
    ("13,86" and "0,1386%" in locale "id"; sheets30 F3): so typed, in a
    file or a workbook, or as text in a frame (the text a frame read in
    locale "id" holds, as ``_to_percent_recipe`` writes), it reads as meant.
    """
    live = (reasons == "") & ~np.isnan(values) & (values != 0) & column_pct
    sign = live & (unit == "percent")
    bare = live & (unit == "") & (mult == 1)
    out = np.zeros(values.size, dtype=bool)
    if not sign.any() or not bare.any():
        return out
    shown_as = np.zeros(values.size, dtype=bool) if formatted is None else formatted
    numbers = (reasons == "") & ~np.isnan(values) & column_pct
    for block in _blocks(blocks):  # the few column blocks
        pct = np.abs(values[block][sign[block]])
        if not pct.size:
            continue
        median = float(np.median(pct))
        # A fraction of one is below 1: 2.27 beside 22.98% is no 227%
        # (sheets23 F2: a genuine P0 beside one poor regency's row pasted
        # with its percent format into a table of many).
        low = block[
            bare[block]
            & (np.abs(values[block]) < median / 10)
            & (np.abs(values[block]) < 1)
        ]
        if not low.size:
            continue
        # How many of the block's numbers state percent, and how: the
        # median is theirs alone, however few they are.
        k, n = pct.size, int(numbers[block].sum())
        n_format = int(shown_as[block[sign[block]]].sum())
        without, kind = (
            ("a percent format", "formatted as percent")
            if n_format == k
            else ("a percent sign", "written with a percent sign")
            if n_format == 0
            else (
                "a percent format or sign",
                "formatted as percent or written with a percent sign",
            )
        )
        stated = (
            f"1 of {n} numbers is {kind}: {median:g}%"
            if k == 1
            else f"{k} of {n} numbers are {kind}, their median {median:g}%"
        )
        that, these = ("that number", "one") if k == 1 else ("that median", "numbers")
        out[low] = True
        for i in low:  # the few fractions
            v = float(values[i])
            as_pct = float(Decimal(repr(v)) * 100)
            # What to write, exactly and in the table's locale (never
            # rounded by :g, nor "13.86" refused in locale "id").
            pct_text, v_text = (
                _written_in(Decimal(repr(v)) * 100, locale),
                _written_in(Decimal(repr(v)), locale),
            )
            reasons[i] = (
                f"a number without {without} beside {these} {kind} "
                f"({block_names[str(blocks[i])]}: {stated}), "
                f"under a stated percent: {v:g} is less than a tenth of "
                f"{that}, so it is likely a fraction of "
                f"one ({as_pct:g}%) that lost its percent sign or format, "
                f"not {v:g}%; write the percentage ({pct_text!r}), or, if it "
                f"is {v:g}%, write it with a percent sign ({v_text + '%'!r})"
            )
    return out


def _check_unit_row_cells(
    rows: np.ndarray[Any, Any],
    labels: list[str],
    values: np.ndarray[Any, Any],
    unit: np.ndarray[Any, Any],
    mult: np.ndarray[Any, Any],
    reasons: np.ndarray[Any, Any],
) -> None:
    """Mark, in place, value cells whose own unit conflicts with the unit row's.

    `rows` holds the unit rows' cells over the value columns; `values`,
    `unit`, `mult` and `reasons` are the value cells, row after row. A cell
    that states a unit (a word, a percent sign or a percent format) or a
    multiplier conflicts with a unit row cell over its column that names
    another unit, or another multiplier ("(ribu jiwa)" over "37,78 jiwa",
    "(persen)" over "37,78 ribu", "(ribu jiwa)" over cells formatted as
    percent): which of the two the number is in is a guess. Cells already
    invalid or missing, and bare numbers, take no part.

    A cell stating the unit row's own multiplier ("37,78 ribu" under "(ribu
    jiwa)") is read in the unit row's scale, as a bare number under it is:
    37.78, in thousands (its multiplier is not applied), so that a column
    under a unit row holds one scale however its cells are written. A cell
    stating the unit row's own unit ("4,37 %" under "(persen)") is likewise
    a bare number under it (4.37): the unit row already states its scale,
    so it is no percent sign among numbers without one.
    """
    n_cols = rows.shape[1]
    if rows.shape[0] == 0 or n_cols == 0:
        return
    col = np.arange(values.size) % n_cols
    states = (unit != "") | (mult != 1)
    live = (reasons == "") & ~np.isnan(values) & states
    for r in range(rows.shape[0]):  # the few unit rows
        # A unit the title or a group label states: the same rule, its
        # source named (see ``_title_unit_row``).
        where = (
            labels[r]
            if labels[r].startswith(("the title", "the column's"))
            else "the unit row"
        )
        for j in np.flatnonzero(rows[r] != ""):  # and their filled cells
            row_text = str(rows[r, j])
            row_unit, row_mult = _stated_scale(row_text)
            row_unit = row_unit.split("/")[0]
            here = live & (col == j)
            clash = here & (
                ((unit != "") & (row_unit != "") & (unit != row_unit))
                | (mult != row_mult)
            )
            same = np.flatnonzero(here & ~clash & (mult == row_mult) & (row_mult != 1))
            for i in same:  # cells stating the unit row's multiplier
                values[i] = float(Decimal(repr(float(values[i]))) / Decimal(row_mult))
                mult[i] = 1.0
            # A cell stating the unit row's own unit ("4,37 %" under
            # "(persen)") is a bare number under it: no scale to mix up.
            unit[here & ~clash & (unit != "") & (unit == row_unit)] = ""
            # A ratio row is named as the ratio: "persons per household".
            row_name = (
                _ratio_name(row_text)
                if _per_household(row_text)
                else _scale_name(row_unit, row_mult)
            )
            for i in np.flatnonzero(clash):  # only conflicting cells
                reasons[i] = (
                    f"the cell states {_scale_name(str(unit[i]), float(mult[i]))}, "
                    f"but {labels[r]} states {row_text!r} "
                    f"({row_name}) over its column (a "
                    "unit stated once covers its column group): which "
                    "of the two the number is in is a guess; write one unit in "
                    f"the cells and {where}"
                )
            live &= ~clash


def _count_unit(rows: np.ndarray[Any, Any]) -> str:
    """The unit of count in ones that unit row cells state over a column.

    "persons" under "(jiwa)", "rupiah" under "(Rp/kapita/bulan)",
    "households" under "(rumah tangga)"; "" where none does, or a
    multiplier scales it ("(ribu jiwa)").
    """
    for cell in rows:  # the few unit rows
        if cell == "":
            continue
        if _per_household(str(cell)):  # "(Jiwa/Rumah Tangga)": a ratio
            continue
        unit, mult = _stated_scale(str(cell))
        unit = unit.split("/")[0]
        if unit in _COUNT_UNITS and mult == 1:
            return unit
    return ""


#: One unit word as a title writes it, with its multiplier ("Ribu Jiwa"),
#: the English singular "Person" as the plural.
_ONE_UNIT = rf"(?:{_MULT_RE}\s+)?(?:{_UNIT_RE}|person(?![a-z])|{_HOUSEHOLDS})"
#: The same unit in another language after it: "Jiwa/Person", "Jiwa (Person)",
#: "Ribu Jiwa/Thousand People".
_OTHER_SPELLING = rf"(?:\s*/\s*{_ONE_UNIT}|\s*\(\s*{_ONE_UNIT}\s*\))?"
#: A unit a title or label names: in brackets ("(jiwa)", "(Rp/kapita/bulan)",
#: any bracketed text, read by `_stated_scale`), or written without them as
#: the rupiah per person and month ("Rp/Kapita/Bulan", "Ribu Rp/Kapita/Bulan":
#: the slashes make it a unit, never a word of the measure's name), or as a
#: part of its own between commas or semicolons that is a unit word alone,
#: with its multiplier ("Jumlah Penduduk Miskin, Jiwa, 2022-2023", ";
#: Persen", "Jiwa/Person, 2023"; never a unit word among the words of a
#: part), or on a line of its own after "Satuan:" (unit), "Unit:" or "Dalam".
_NAMED_UNIT = re.compile(
    r"[(\[](?P<bracket>[^()\[\]]*)[)\]]"
    r"|(?<![^\s,;:])(?P<bare>(?:(?:ribu|juta|'?000)\s+)?(?:rp\.?|rupiah|idr)"
    r"(?:\s*/\s*(?:kapita|kap|capita|orang|person|bulan|bln|month|tahun|year)\.?)+)"
    r"(?![^\s,;:)])"
    rf"|(?<![^,;])\s*(?P<word>{_ONE_UNIT}){_OTHER_SPELLING}\s*(?![^,;])"
    # A unit line of the title: "Satuan: Jiwa", "Satuan/Unit: Persen/Percent",
    # "Unit: Persons", "Dalam Jiwa" (lines are joined by " | ").
    r"|(?:^|(?<=\|))\s*(?:(?:satuan|unit)(?:\s*/\s*(?:satuan|unit))?\s*:\s*"
    rf"|dalam\s+)(?P<line>{_ONE_UNIT}){_OTHER_SPELLING}\s*(?=$|\|)",
    re.IGNORECASE,
)
#: Words joining measures ("Jumlah dan Persentase"): a unit after them may be
#: either's.
_JOINING = re.compile(r"(?<![^\W\d_])(?:dan|and|serta)(?![^\W\d_])|&", re.IGNORECASE)


def _words(text: str) -> list[str]:
    """The words of a label, bracketed text left out, case folded."""
    return re.findall(r"[^\W_]+", re.sub(r"[(\[][^()\[\]]*[)\]]", " ", text).casefold())


def _named_scales(text: str) -> list[tuple[list[str] | None, tuple[str, float]]]:
    """The units a title or label names, each with the measure it follows.

    Each unit ("" and 1 for a bracket naming none, as "(P1)", left out) as
    (what it counts, multiplier), with the words of the measure written
    before it, back to the previous bracket, comma or semicolon ("Garis
    Kemiskinan" for "Garis Kemiskinan (Rp/Kapita/Bulan), Indeks ..."); None
    where that text joins measures ("Jumlah dan Persentase ... (jiwa)") or
    is empty: the unit is then not any one measure's.
    """
    return [(words, scale) for words, scale, _ in _named_units(text)]


def _named_units(
    text: str,
) -> list[tuple[list[str] | None, tuple[str, float], str]]:
    """As ``_named_scales``, each unit with its text as written ("(Persen)")."""
    out: list[tuple[list[str] | None, tuple[str, float], str]] = []
    before = 0
    for m in _NAMED_UNIT.finditer(str(text)):
        line = m["line"]
        bare = next((x for x in (m["bare"], m["word"], line) if x is not None), None)
        unit, mult = _stated_scale(
            m["bracket"] if m["bracket"] is not None else str(bare)
        )
        if (
            bare is None
            and not re.search(_HOUSEHOLDS, m["bracket"], re.IGNORECASE)
            and (unit, mult) == ("", 1.0)
        ):
            before = m.end()
            continue
        # The measure a unit follows: the part before it ("Jumlah Penduduk
        # Miskin" for "Jumlah Penduduk Miskin, Jiwa, dan ..."); a unit line
        # follows no one measure.
        measure = re.split(
            r"[,;]", re.sub(r"[\s,;]+$", "", str(text)[before : m.start()])
        )[-1]
        measure = re.sub(r"^[\s/&]*(?:(?:dan|and|serta)\s+)?", "", measure, flags=re.I)
        words = _words(measure)
        if unit.split("/")[0] in _WHOLE_COUNTS and (
            # a unit line is the title's measure's (its first)
            _names_average(str(text)[: m.start()] if line is not None else measure)
            or _per_household(m[0])
        ):
            # "Rata-rata Jumlah Anggota Rumah Tangga (Jiwa)", "(Jiwa/Rumah
            # Tangga)": persons on average, a ratio, not a count in ones.
            # Rupiah stay money in ones, averaged or not.
            unit = _RATIO
        out.append(
            (
                None
                if not words or line is not None or _JOINING.search(measure)
                else words,
                (unit.split("/")[0], mult),
                # a unit in two spellings as its first ("Ribu Jiwa")
                (m["word"] or line or m[0]).strip(),
            )
        )
        before = m.end()
    return out


#: A measure that is an average ("Rata-rata Jumlah Anggota Rumah Tangga").
_AVERAGE = re.compile(
    r"(?<![^\W\d_])(?:rata-?\s*rata|rata2|rerata|average|mean)(?![^\W\d_])",
    re.IGNORECASE,
)
#: Words after a measure's name that qualify it ("Jumlah Penduduk Miskin
#: dengan Rata-rata Pengeluaran ...", "... Menurut Kabupaten/Kota"): an
#: average named after them is the criterion, not the measure.
_MEASURE_QUALIFIER = re.compile(
    r"(?<![^\W\d_])(?:dengan|berdasarkan|menurut|yang|di|pada|untuk|atas|by|with"
    r"|based|according|whose|below|under|among)(?![^\W\d_])",
    re.IGNORECASE,
)
#: A table's number before its title ("Tabel 3.2", "Table 5").
_TABLE_NUMBER = re.compile(r"^\s*(?:tabel|table)\s*[0-9][0-9.\-]*\s*", re.IGNORECASE)


def _names_average(text: str) -> bool:
    """Whether a title, label or measure's name names an average per household.

    Each part of the text (between commas, semicolons and lines), its table
    number left out, names its measure up to a word qualifying it
    ("dengan", "berdasarkan", "menurut"). The text names an average per
    household (a ratio: persons per household) where some part's measure is
    one ("Rata-rata Anggota Rumah Tangga Miskin Menurut Kabupaten/Kota,
    2023", "Rata-rata Jiwa per Rumah Tangga") and no part names a count
    beside it. An average of a count over years or regions ("Rata-rata
    Jumlah Penduduk Miskin 2019-2023", "Rata-rata Penduduk Miskin per
    Kabupaten", "Rata-rata Jumlah Rumah Tangga Miskin") is still a count of
    persons or households, at the count's scale: "Jumlah Penduduk Miskin (Jiwa) dan
    Rata-rata Pengeluaran per Kapita" names a count first, and "Penduduk
    Miskin Berdasarkan Rata-rata Pengeluaran (Jiwa)" an average as the
    criterion only. Measures joined in one part ("Jumlah dan Rata-rata
    ...") are an average only if each is: which one a unit belongs to is
    unknown. An average of money ("Rata-rata Pengeluaran di Bawah Garis
    Kemiskinan (Jiwa)") is no average of persons: its unit of persons
    counts them.
    """
    average = False
    for part in re.split(r"[,;|]", re.sub(r"[(\[][^()\[\]]*[)\]]", " ", text)):
        head = _MEASURE_QUALIFIER.split(_TABLE_NUMBER.sub("", part), maxsplit=1)[0]
        for measure in _JOINING.split(head):
            if (
                _AVERAGE.search(measure)
                and _PER_HOUSEHOLD_MEASURE.search(measure)
                and not _MONEY_MEASURE.search(measure)
            ):
                average = True
            elif _COUNTED.search(measure):
                return False
    return average


#: Words of an average per household ("Rata-rata Anggota Rumah Tangga",
#: "Rata-rata Jiwa per Rumah Tangga", "Average Household Size"): a ratio
#: of persons to households, where an average of a count is a count.
_PER_HOUSEHOLD_MEASURE = re.compile(
    rf"(?<![^\W\d_])(?:(?:anggota|tanggungan)(?![^\W\d_])|household\s+(?:size|members?)"
    rf"|ukuran\s+(?:rumah\s*tangga|keluarga)|per\s+(?:{_HOUSEHOLDS}|keluarga))",
    re.IGNORECASE,
)


#: Words of a measure of money ("Rata-rata Pengeluaran per Kapita"): an
#: average of it is in rupiah, never persons.
_MONEY_MEASURE = re.compile(
    r"(?<![^\W\d_])(?:pengeluaran|konsumsi|pendapatan|penghasilan|upah|garis"
    r"|expenditures?|consumption|income|wages?|line)(?![^\W\d_])",
    re.IGNORECASE,
)


#: Words of a measure counting persons or households ("Jumlah Penduduk
#: Miskin", "Banyaknya Rumah Tangga"): a count, where no average names it.
_COUNTED = re.compile(
    r"(?<![^\W\d_])(?:jumlah|banyak(?:nya)?|number|count|penduduk|population"
    r"|persons|people|rumah\s*tangga|ruta|households?|keluarga|famil(?:y|ies))"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)


#: The unit of an average or ratio of a count ("(Jiwa)" under "Rata-rata
#: ...", "(Jiwa/Rumah Tangga)"): not a count in ones, so figures with
#: decimals are read.
_RATIO = "ratio"


def _per_household(text: str) -> bool:
    """Whether a unit is a count per household: "(Jiwa/Rumah Tangga)", a ratio.

    Only a count of another unit over a household is: persons per household
    ("Jiwa/Rumah Tangga", "Orang/Ruta", "Jiwa/KK"). A slash between two
    spellings of one unit ("Rumah Tangga/Households", "Ruta/Household":
    Indonesian and English) is that unit, a count in ones, and rupiah per
    household ("Rp/Rumah Tangga/Bulan") is money in ones, as rupiah per
    person is.
    """
    first, *per = _stated_scale(text)[0].split("/")
    return first == "persons" and any(
        re.fullmatch(_HOUSEHOLDS, p, re.IGNORECASE) for p in per
    )


def _ratio_name(text: str) -> str:
    """A ratio unit's name: "persons per household", "persons per family"."""
    per = _stated_scale(text)[0].split("/")[1:]
    family = any(re.fullmatch(_FAMILY_WORDS, p, re.IGNORECASE) for p in per)
    return f"'persons per {'family' if family else 'household'}'"


def _fits(group: list[str], measure: list[str]) -> bool:
    """Whether one list of words runs unbroken inside the other."""
    short, long = sorted((group, measure), key=len)
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _ones_name(scales: Sequence[tuple[str, float]]) -> str:
    """The units of count in ones `scales` name: "persons", "persons or rupiah".

    "" where there are none, or where some unit is no count in ones (a
    percentage, a multiplier): which figures that unit covers is unknown.
    """
    if not scales or any(u not in _COUNT_UNITS or m != 1 for u, m in scales):
        return ""
    return " or ".join(dict.fromkeys(u for u, _ in scales))


def _title_count_units(title: str, groups: Sequence[str]) -> dict[str, str]:
    """The unit of count in ones a title states over each column group.

    A title naming units after measures that are column groups ("Garis
    Kemiskinan (Rp/Kapita/Bulan), Indeks Kedalaman (P1) ..." over groups
    "Garis Kemiskinan", "P1", "P2") states each unit over the groups it
    follows the name of, and over no other group. Otherwise (no column
    groups, groups naming no measure of the title, such as "Maret",
    "Perkotaan", or a unit after joined measures, "Jumlah dan Persentase
    ... (jiwa)") its units cover every group: their units of count in ones
    ("persons or rupiah" for "(Jiwa) dan Garis Kemiskinan (Rp/Kapita/Bulan)":
    a three-decimal count is wrong in either), "" where it names none or
    some other unit.
    """
    units, placed = _title_units(title, groups)
    return {
        # A unit after joined measures ("Jumlah dan Persentase ..., Jiwa,")
        # is not the unit of a group naming a percentage or an average.
        g: ""
        if not placed and (_PERCENT_MEASURE.search(g) or _names_average(g))
        else _ones_name([sc for sc, _ in named])
        for g, named in units.items()
    }


#: A group label naming a percentage measure ("Persentase Penduduk Miskin").
_PERCENT_MEASURE = re.compile(
    r"(?<![^\W\d_])(?:persentase|prosentase|percentage|persen|percent)(?![^\W\d_])|%",
    re.IGNORECASE,
)


def _title_units(
    title: str, groups: Sequence[str]
) -> tuple[dict[str, list[tuple[tuple[str, float], str]]], bool]:
    """The units a title states over each column group, with their text.

    A unit after the name of a measure that is a column group covers that
    group only; otherwise the title's units cover every group (see
    ``_title_count_units``). The flag says whether the units were placed
    by the groups' names.
    """
    named = _named_units(title)
    labels = [g for g in dict.fromkeys(groups) if g]
    # Groups splitting one measure ("Perkotaan | Perdesaan | Jumlah", "GK
    # Makanan | GK Bukan Makanan | Garis Kemiskinan") are no measures of
    # their own: "Jumlah" beside "Perkotaan" is the area total, not the
    # title's "Jumlah Penduduk Miskin (Ribu Jiwa)", whose unit is each one's.
    if (
        labels
        and named
        and not _splits_one_measure(labels)
        and all(words is not None for words, _, _ in named)
    ):
        fitting = {
            g: [
                (sc, txt)
                for words, sc, txt in named
                if words is not None and _fits(_words(g), words)
            ]
            for g in labels
        }
        if any(fitting.values()):
            return {g: fitting.get(g, []) for g in groups}, True
    whole = [(sc, txt) for _, sc, txt in named]
    return {g: whole for g in groups}, False


def _title_unit_row(
    title: str, groups: Sequence[str]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The unit the title or a group label states over each value column.

    A group label naming a unit ("Jumlah Penduduk Miskin (ribu jiwa)")
    states it over its columns; else the title's unit over the column's
    group (see ``_title_units``; in a table of several column groups, only
    a unit after a group's name). Only one scale (unit and multiplier)
    stated so is a column's ("" where none is, or several are: "Jumlah dan
    Persentase ... (ribu jiwa) ... (persen)" leaves the columns to their
    cells). Read as a unit row is, so that a column holds one scale
    whether its unit is written in a unit row, a group label or the title.
    Returns the units and, per column, whether its group label states it
    and whether it is a ratio ("(Jiwa)" after "Rata-rata Anggota Rumah
    Tangga", see ``_named_units``): a cell "4,52 jiwa" under it is then a
    bare number in its unit, as under a unit row "(Jiwa/Rumah Tangga)".
    """
    title_units, placed = _title_units(title, groups)
    labels = [g for g in dict.fromkeys(groups) if g]
    if not placed and len(labels) > 1 and not _splits_one_measure(labels):
        # Column groups of several measures ("Jumlah", "Persentase") under
        # a title unit naming none of them: whose unit it is is unknown.
        # Groups splitting one measure by area or sex ("Perkotaan |
        # Perdesaan | Jumlah", "Laki-laki | Perempuan") all take it.
        title_units = {g: [] for g in groups}
    out = np.full(len(groups), "", dtype=object)
    by_group = np.zeros(len(groups), dtype=bool)
    ratio = np.zeros(len(groups), dtype=bool)
    for j, group in enumerate(groups):
        own = [(sc, txt) for _, sc, txt in _named_units(group)]
        stated = own or title_units[group]
        scales = {sc for sc, _ in stated}
        if len(scales) == 1 and scales != {("", 1.0)}:
            out[j] = stated[0][1]
            by_group[j] = bool(own)
            ratio[j] = _RATIO in dict(scales)
    return out, by_group, ratio


#: One part of a measure split by area or sex, as a column group's label:
#: "Perkotaan", "Perdesaan", "Jumlah" (their total), "Urban", "Laki-laki"
#: ("Lelaki", "Lk", "Pria"), "Perempuan" ("Pr", "Wanita"), their total
#: "L+P", or a household head's sex ("Kepala Rumah Tangga Perempuan", "KRT
#: Laki-laki"). Joined parts ("Perkotaan dan Perdesaan", bilingual
#: "Perkotaan/Urban", see ``_SPLIT_JOIN``) are a part too. Groups of these
#: split one measure, so the title's unit is each one's.
_BREAKDOWN_PART = (
    rf"(?:{_AREA_WORDS}"
    r"|(?:(?:kepala\s+rumah\s*tangga|krt)\s+)?"
    r"(?:laki\s*-?\s*laki|lelaki|lk|perempuan|pr|pria|wanita|male|female)"
    r"|l\s*\+\s*p)"
)
#: An area or sex split written with initials, each set on its own: "K | D |
#: K+D" (kota, desa), "L | P | L+P" (laki-laki, perempuan), with a total.
_INITIALS_SPLITS = tuple(
    re.compile(rf"{a}|{b}|{a}\s*\+\s*{b}|jumlah|total", re.IGNORECASE)
    for a, b in (("k", "d"), ("l", "p"))
)
_BREAKDOWN = re.compile(
    rf"(?:(?:jumlah|total)\s+)?{_BREAKDOWN_PART}(?:{_SPLIT_JOIN}{_BREAKDOWN_PART})*"
    r"(?:\s*[(\[][^()\[\]]*[)\]])?",
    re.IGNORECASE,
)


#: One part of the poverty line split into food and non-food, as a column
#: group's label: "GK Makanan", "Garis Kemiskinan Bukan Makanan", "Makanan",
#: "Food", and their total, "Garis Kemiskinan", "GK", "Total".
_POVERTY_LINE_PART = re.compile(
    r"(?:(?:(?:gk|garis\s+kemiskinan|poverty\s+line)\s*)?"
    r"(?:(?:bukan|non)\s*-?\s*)?(?:makanan|food)"
    r"|gk|garis\s+kemiskinan|poverty\s+line|jumlah|total)"
    r"(?:\s*[(\[][^()\[\]]*[)\]])?",
    re.IGNORECASE,
)


def _splits_one_measure(labels: Sequence[str]) -> bool:
    """Whether column groups split one measure, so each takes the title's unit.

    Several groups, each a part of an area or sex split and their total
    ("Perkotaan | Perdesaan | Jumlah", "Kota | Desa | Kota+Desa",
    "Laki-laki | Perempuan", "Pria | Wanita", or initials alone, "K | D |
    K+D", "L | P | L+P"), or each a
    part of the poverty line split into food and non-food with their total
    ("GK Makanan | GK Bukan Makanan | Garis Kemiskinan": some group naming
    food).
    """
    parts = [" ".join(g.split()) for g in labels]
    if len(parts) < 2:
        return False
    if all(_BREAKDOWN.fullmatch(p) for p in parts):
        return True
    if any(all(r.fullmatch(p) for p in parts) for r in _INITIALS_SPLITS):
        return True
    return all(_POVERTY_LINE_PART.fullmatch(p) for p in parts) and any(
        re.search(r"makanan|food", p, re.IGNORECASE) for p in parts
    )


#: A row labelled as a total ("Jumlah", "Total", "Jumlah/Total").
_TOTAL_LABEL = re.compile(
    r"\s*(?:jumlah|total|grand\s+total)(?:\s*/\s*(?:jumlah|total))?\s*:?\s*",
    re.IGNORECASE,
)


def _aggregate_rows(
    labels: np.ndarray[Any, Any], regions: pd.DataFrame | None
) -> np.ndarray[Any, Any]:
    """Which rows are aggregates of the table's other rows.

    A national row ("INDONESIA") in a table of provinces or lower, a
    province row in a table of regencies and cities, a heading row of one
    kind holding the section's subtotals ("KOTA;1.234,56") and a row
    labelled "Jumlah" or "Total". `regions`: the labels matched (None if
    they could not be: only headings and totals are found).
    """
    lab = [str(x) for x in labels]
    out = np.array(
        [
            _heading_kind(x) is not None or _TOTAL_LABEL.fullmatch(x) is not None
            for x in lab
        ],
        dtype=bool,
    )
    if regions is None:
        return out
    code = regions["code"].astype(object).to_numpy()
    level = np.array(
        [
            -1
            if c is None or pd.isna(c)
            else (0 if c == _regions.NATIONAL_CODE else (1 if len(str(c)) == 2 else 2))
            for c in code
        ],
        dtype=np.int64,
    )
    if (level >= 0).any():
        out |= (level >= 0) & (level < level.max())
    return out


def _year_point_zero(text: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Cells' text with a year written as a whole float ("2022.0") as "2022"."""
    flat = pd.Series(text.ravel(), dtype=object).astype(str)
    fixed = flat.str.replace(_POINT_ZERO, r"\g<year>", regex=True)
    return np.asarray(fixed.to_numpy(dtype=object)).reshape(text.shape)


def _skipped(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    rows_all: np.ndarray[Any, Any],
    blank: np.ndarray[Any, Any],
    note: np.ndarray[Any, Any],
    numbered: np.ndarray[Any, Any],
    repeated: np.ndarray[Any, Any],
    colnum: np.ndarray[Any, Any],
    unit_row: np.ndarray[Any, Any],
) -> pd.DataFrame:
    title_rows = np.arange(layout.header_rows[0])
    title_blank = (text[title_rows] == "").all(axis=1)
    out = blank | note | repeated | colnum | unit_row
    # A unit row within the header (between the years and the groups, in
    # either order) is listed as one under it is.
    inner = np.asarray(layout.unit_rows, dtype=np.intp)
    rows = np.concatenate([title_rows, inner, rows_all[out]]).astype(np.intp)
    note_reason = np.where(numbered[out], "note with numbers", "note")
    reason = np.concatenate(
        [
            np.where(title_blank, "blank", "title"),
            np.full(inner.size, "unit row", dtype=object),
            np.where(
                repeated[out],
                "repeated header",
                np.where(
                    colnum[out],
                    "column numbers",
                    np.where(
                        unit_row[out],
                        "unit row",
                        np.where(note[out], note_reason, "blank"),
                    ),
                ),
            ),
        ]
    )
    joined = [" | ".join(s for s in text[r] if s) for r in rows]
    return pd.DataFrame(
        {
            "row": index[rows],
            "reason": _strings(reason),
            "text": pd.array(joined, dtype="string"),
        }
    )


# --- regions ------------------------------------------------------------------


#: The words naming a kind of region as a section heading, Indonesian and
#: English, and the kind each names: "KABUPATEN", "Kab.", "Regency",
#: "Kota", "Kota Madya", "Kodya", "Kota Administrasi", "City",
#: "Municipality".
_HEADING_WORDS = {
    # "Kabupaten Daerah Tingkat II", "Kotamadya Dati II": the old names.
    r"kabupaten(?:\s+administrasi|\s+adm\.?|\s+(?:dati|daerah\s+tingkat)\s+ii)?": (
        "kabupaten"
    ),
    r"kab\.?": "kabupaten",
    r"(?:administrative\s+)?regency": "kabupaten",
    r"(?:administrative\s+)?regencies": "kabupaten",
    r"kota\s*madya(?:\s+(?:dati|daerah\s+tingkat)\s+ii)?": "kota",
    r"kodya": "kota",
    r"kota(?:\s+administrasi|\s+adm\.?)?": "kota",
    # "Kota Administrasi/Administrative City" (DKI Jakarta, bilingual)
    r"(?:administrative\s+)?city": "kota",
    r"(?:administrative\s+)?cities": "kota",
    r"municipality": "kota",
    r"municipalities": "kota",
}
_HEADING_WORD = "|".join(f"(?:{w})" for w in _HEADING_WORDS)
#: The words of ``_HEADING_WORDS`` naming one region in English ("Malang
#: City", "Malang Regency"): a label ending in one is a region's name, no
#: list's heading ("List of Cities").
_SINGULAR_WORDS = (
    r"(?:administrative\s+)?regency",
    r"(?:administrative\s+)?city",
    r"municipality",
)
#: Words after the kind naming a kind of that kind of region, and the kind
#: they qualify (None: either): "Kota Otonom", "Kota Besar", "Kota Kecil",
#: "Kota Praja" ("Kotapraja"), "Kota Administratif", "Kabupaten Otonom".
#: None of them is a region's name ("Kota Baru" is Kabupaten Kotabaru,
#: "Kota Batu" a city: neither is a heading).
_KIND_QUALIFIERS: dict[str, str | None] = {
    "otonom": None,
    "besar": "kota",
    "kecil": "kota",
    "praja": "kota",
    "administratif": "kota",
}
_QUALIFIER = "|".join(_KIND_QUALIFIERS)
#: A row heading a section of one kind of region: its label the kind alone,
#: after an optional list number or letter, with or without its full stop,
#: bracket, colon or dash ("B. KOTA", "2. Kota", "II. KOTA", "B KOTA", "2
#: Kota", "2 - Kota"), with
#: an optional gloss in the other language after a slash or in brackets
#: ("Kota/Municipality", "Kabupaten (Regency)"), footnote marks ("Kota *)")
#: and a colon ("Kota:"); the kind may follow "Daerah" or
#: "Wilayah" ("Daerah Kota") and be doubled as the Indonesian plural
#: ("Kota-Kota"), and be followed by a word naming a kind of it ("Kota
#: Otonom", "Kota-Kota Besar", "Kotapraja": see ``_KIND_QUALIFIERS``).
_KIND_HEADING = re.compile(
    r"\s*(?:\(?(?:[0-9]{1,2}|[a-z]|[ivx]{1,4})(?:\s*[.):-]\s*|\s+))?"
    r"(?:(?:daerah|wilayah)\s+)?"
    rf"(?P<kind>{_HEADING_WORD})(?:\s*-\s*(?P=kind))?"
    rf"(?:(?<=kota)\s*(?P<joined>praja)|\s+(?P<qualifier>{_QUALIFIER}))?"
    rf"(?:\s*/\s*(?P<gloss>{_HEADING_WORD})|\s*\(\s*(?P<paren>{_HEADING_WORD})\s*\))?"
    rf"(?:\s*,?\s*(?:{_ONE_MARK}))*\s*:?\s*",
    _WORD_FLAGS,
)


#: A row's label numbered as a footnote is ("2) ", "(2) ", "a) "), and what
#: follows the number.
_NUMBERED_LABEL = re.compile(
    r"\s*\(?(?:[0-9]{1,3}|[a-z])\)\s*(?P<rest>.*?)\s*", _WORD_FLAGS
)
#: A name's kind stated by its first word ("Kota Batu", "Kab. Malang").
_KIND_PREFIX = re.compile(
    r"(?P<kind>kota|kabupaten|kab\.?)\s+(?P<name>.+)", _WORD_FLAGS
)


def _numbered_region_or_heading(label: str) -> bool:
    """Whether a label numbered like a footnote is a heading or a region.

    "(2) Kota" is a heading of cities; "2) Kota Batu" names a region (a
    region's name, with its kind or bare, known to the list of regions):
    neither is a footnote, whatever the row's value cells hold. Nor is a
    region's name after a note mark ("*Muna Barat", "¹Muna Barat",
    ``_LEADING_NOTE_MARK``).
    """
    if _heading_kind(label) is not None:
        return True
    m = _NUMBERED_LABEL.fullmatch(label)
    lead = None if m is not None else _LEADING_NOTE_MARK.match(label)
    rest = m["rest"] if m is not None else "" if lead is None else label[lead.end() :]
    rest = rest.strip()
    if not rest:
        return False
    named = _KIND_PREFIX.fullmatch(rest)
    if named is None:
        return bool(_regions.candidates(None, rest))
    kind = "kota" if named["kind"].lower() == "kota" else "kabupaten"
    return bool(_regions.candidates(kind, named["name"]))


#: Dashes, rules and bullets around a heading's label ("— KOTA —", "-- Kota").
_HEADING_RULE = re.compile(
    r"^[\s\-\u2010-\u2015\u2212=~_\u2022\u00b7]+|[\s\-\u2010-\u2015\u2212=~_\u2022\u00b7]+$"
)
#: A note mark before a region's name or a heading's label, and the spaces
#: after it: one written with symbols (``_SYMBOLIC_MARK``: "*Kota Batu",
#: "(*) Pacitan", "(†) Pacitan", "¹Kota Batu", "#Pacitan", "**) Kota"),
#: never a typed number or letter, a list's ("1) Kota Batu"), nor three
#: raised or lowered digits or more (``_LONG_RAISED``: "³⁵⁷⁹Kota Batu" holds
#: stray digits, as after a name).
_LEADING_NOTE_MARK = re.compile(
    rf"^\s*(?!\u207d?(?:{_LONG_RAISED.pattern}))(?:{_SYMBOLIC_MARK})\s*"
)
#: The same, the mark (and its spaces) as the group "lead".
_LEADING_NOTE_MARK_RUN = re.compile(rf"(?P<lead>{_LEADING_NOTE_MARK.pattern})")
#: Such a mark followed by text: a footnote's first cell ("(*) Angka
#: sementara") or a marked region's name ("(*) Muna Barat").
_LEADING_NOTE_MARK_TEXT = re.compile(rf"{_LEADING_NOTE_MARK.pattern}(?=[^\s)])")
#: Three or more single letters spaced out ("K O T A").
_SPACED_LETTERS = re.compile(r"(?<![^\W\d_])[^\W\d_](?:\s[^\W\d_]){2,}(?![^\W\d_])")


def _namesakes_in_capitals(labels: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Labels with a province's namesake under a heading row in capitals.

    A bare name below a heading row ("KOTA", "KABUPATEN") that names a
    province and another region ("Gorontalo": Provinsi and Kabupaten
    Gorontalo), in title case, is matched first as its capitals are: as
    the province row. The heading rows then decide, whatever its case,
    whether it is the heading's region or the province's row (see
    ``_namesakes_under_headings``), never refused as ambiguous. The labels
    as written are kept for everything else.
    """
    heading = [k is not None for k in _column_heading_kinds(list(labels))]
    if not any(heading):
        return labels
    first = heading.index(True)
    out = labels.copy()
    for k in range(first + 1, len(labels)):  # the rows below the first heading
        text = str(labels[k])
        if heading[k] or text.isupper():
            continue
        bare = without_footnote_mark(_LIST_DECORATION.sub("", text).strip())
        cands = _regions.candidates(None, bare)
        if len(cands) > 1 and any(len(c) == 2 for c in cands):
            out[k] = text.replace(bare, bare.upper(), 1)
    return out


def _heading_kind(label: str) -> str | None:
    """The kind ("kabupaten", "kota") a heading row's label names, else None.

    A gloss naming another kind ("Kabupaten/Kota", the label column's own
    heading) makes the label no heading of one kind. Decoration is read
    past (see ``_heading_spellings``): every dash is a hyphen ("Kota \u2013
    Kota" is "Kota-Kota"), and punctuation, symbols and brackets around
    the label ("KOTA.", "(KOTA)", "[KOTA]", "◦ Kota", "# KOTA", "'KOTA",
    "— KOTA —") and letters spaced out ("K O T A") are decoration. Only
    characters that are no letters are read past, so a region's name
    stays one however it is decorated ("(Kota Batu)" is no heading).
    """
    for spelling in _heading_spellings(label):
        kind = _kind_of_heading(spelling)
        if kind is not None:
            return kind
    return None


def _column_heading_kinds(labels: Sequence[object]) -> list[str | None]:
    """The kind each label of a column heads (see ``_heading_kind``), else None.

    Read over the whole column: a label whose number is two digits written
    plainly ("50 Kota", as Kabupaten Lima Puluh Kota is written), more than
    the column's labels and not part of a run of numbers without a gap,
    is no list number (see ``_match_regions``) and so no heading of a
    numbered list; nor is a label that is a region's name as written: the
    row is read as a region's.
    """
    text = [str(x) for x in labels]
    kinds = [_heading_kind(x) for x in text]
    if not any(k is not None for k in kinds):
        return kinds
    # "Kota" beside a "Desa" row (above or below it) is the urban part of
    # an area split under the region above ("Madiun", then "Kota | Desa"),
    # read as "Perkotaan" is, never a heading of cities.
    rural = [_area_part(x, _RURAL_PART) for x in text]
    kinds = [
        None
        if k is not None
        and _area_part(x, _URBAN_PART)
        and ((i > 0 and rural[i - 1]) or (i + 1 < len(text) and rural[i + 1]))
        else k
        for i, (k, x) in enumerate(zip(kinds, text, strict=True))
    ]
    if not any(k is not None for k in kinds):
        return kinds
    lead = leading_numbers(text)
    num = lead["digits"]
    as_row = (
        (lead["close"].isin([")", "\uff09"]) & ~lead["kode"])
        | lead["sep"].str.match(r"[.)]").astype("boolean")
    ).fillna(False)
    # A label that is a region's name as written, its number not written
    # as a list number ("50 Kota": Kabupaten Lima Puluh Kota; "50. Kota"
    # heads cities), is that region's row.
    kinds = [
        None if k is not None and not r and _regions.candidates(None, x.strip()) else k
        for k, x, r in zip(kinds, text, as_row.tolist(), strict=True)
    ]
    value = pd.to_numeric(num, errors="coerce").to_numpy(dtype=float)
    short = value[(num.str.len() <= 3).fillna(False).to_numpy(dtype=bool)]
    run = short.size > 1 and (
        np.unique(short).size == short.size
        and short.max() - short.min() + 1 == short.size
    )
    plain = (
        (num.str.len() == 2).fillna(False).to_numpy(dtype=bool)
        & ~as_row.to_numpy(dtype=bool)
        & (value > len(text))
    )
    if run:
        return kinds
    return [None if p else k for k, p in zip(kinds, plain.tolist(), strict=True)]


#: A word of an area split's urban part or rural part (``_URBAN_WORDS``,
#: ``_RURAL_WORDS``) in a label.
_URBAN_PART = re.compile(rf"(?<![^\W\d_])(?:{_URBAN_WORDS})(?![^\W\d_])", re.IGNORECASE)
_RURAL_PART = re.compile(rf"(?<![^\W\d_])(?:{_RURAL_WORDS})(?![^\W\d_])", re.IGNORECASE)


def _area_part(label: str, words: re.Pattern[str]) -> bool:
    """Whether a row's label is a part of an area split naming `words`' part.

    The row of a split written under a region's row (``_BREAKDOWN``, read
    past its list decoration and note mark: "Kota", "Daerah Kota", "Kota
    (K)", "Desa", "Desa/Rural", "Perdesaan (Rural)") whose words include
    the urban part's (``_URBAN_PART``) or the rural part's
    (``_RURAL_PART``).
    """
    text = _area_row_text(label)
    return _BREAKDOWN.fullmatch(text) is not None and words.search(text) is not None


def _area_row_text(label: str) -> str:
    """A label's words alone, its list decoration and note mark read past."""
    text = without_footnote_mark(_LIST_DECORATION.sub("", label).strip())
    return " ".join(text.strip(" -\u2013\u2014\u2022*.:").split())


def _heading_spellings(label: str) -> Iterable[str]:
    """A label as written, then with its decoration peeled off step by step.

    Every dash (Unicode category Pd, and the minus sign) is read as a
    hyphen first. Each step then removes one of: a pair of brackets or
    quotes around the whole label (category Ps or Pi, or a straight
    quote, before; Pe or Pf, or a straight quote, after; balanced
    inside: "(KOTA)", "“Kota”"), a punctuation or symbol character (any
    category P or S: bullets, "#", "'", "*", a full stop) or a number
    sign such as a circled digit (category No) before the label, or a
    punctuation or symbol character after it, unless it closes a bracket
    the label opens ("Kota (City)" keeps its bracket). The steps stop at
    a letter or digit at both ends.
    """
    yield label
    text = "".join(
        "-" if ch == "\u2212" or unicodedata.category(ch) == "Pd" else ch
        for ch in label
    ).strip()
    yield text
    while text:
        first = unicodedata.category(text[0])
        last = unicodedata.category(text[-1])
        if (
            len(text) > 1
            and (first in ("Ps", "Pi") or text[0] in "\"'`")
            and (last in ("Pe", "Pf") or text[-1] in "\"'`")
            and _balanced(text[1:-1])
        ):
            text = text[1:-1]
        elif first[0] in "PS" or first == "No":
            text = text[1:]
        elif last[0] in "PS" and not (last == "Pe" and _balanced(text)):
            text = text[:-1]
        else:
            return
        text = text.strip()
        yield text


def _balanced(text: str) -> bool:
    """Whether every bracket `text` opens it closes, and none before it opens."""
    depth = 0
    for ch in text:
        cat = unicodedata.category(ch)
        depth += (cat == "Ps") - (cat == "Pe")
        if depth < 0:
            return False
    return depth == 0


def _kind_of_word(word: str) -> str:
    """The kind ("kabupaten", "kota") a word of ``_HEADING_WORDS`` names."""
    return next(
        k for w, k in _HEADING_WORDS.items() if re.fullmatch(w, word, _WORD_FLAGS)
    )


def _kind_of_heading(label: str) -> str | None:
    """The kind a heading's label names, its decoration aside (else None)."""
    label = _LEADING_NOTE_MARK.sub("", _HEADING_RULE.sub("", label))
    label = _SPACED_LETTERS.sub(lambda m: re.sub(r"\s+", "", m[0]), label)
    m = _KIND_HEADING.fullmatch(label)
    if m is None:
        return None
    words = [m[g] for g in ("kind", "gloss", "paren") if m[g]]
    kinds = {_kind_of_word(x) for x in words}
    qualifier = m["joined"] or m["qualifier"]
    if qualifier is not None:
        # "Kota Besar" heads cities; "Kabupaten Besar" is no heading.
        of = _KIND_QUALIFIERS[qualifier.lower()]
        kinds.add(of or next(iter(kinds)))
    return kinds.pop() if len(kinds) == 1 else None


#: The reason of a total row ending a heading's section without heading one.
_ENDS_SECTION = "names a kind of region but is no heading"
#: The start of a heading row's reason.
_HEADING_REASON = "a heading: "
#: A label ending in a kind of region (a word of ``_HEADING_WORDS``), in
#: Indonesian or as an English plural ("DAFTAR KOTA", "Nama Kabupaten:",
#: "List of Cities", "Daftar Kabupaten Dati II"), no single region's
#: English name ("Malang City": ``_SINGULAR_WORDS``).
_ENDS_IN_KIND = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(f"(?:{w})" for w in _HEADING_WORDS if w not in _SINGULAR_WORDS)
    + rf")(?:\s*,?\s*(?:{_ONE_MARK}))*\s*:?\s*\Z",
    _WORD_FLAGS,
)
#: Words of a total row ("Jumlah Kota", "Total Kabupaten", "Sub-total
#: Kota", BPS's abbreviation "Jml. Kota", "Subjumlah Kota", an average,
#: "Rata-rata Kota", "Rerata Kota", "Gabungan Kota", "Agregat Kota", or
#: another figure of the section as a whole, "Persentase Kota", "Median
#: Kota"): a row naming a kind so ends a section and heads none, whether it
#: holds the section's subtotals or no number. A row of these words alone
#: ("Jumlah", "Sub Total") under a heading's section ends it too.
_TOTAL_WORDS = frozenset(
    {
        "jumlah",
        "jml",
        "subjumlah",
        "total",
        "subtotal",
        "rata",
        "rerata",
        "average",
        "gabungan",
        "agregat",
        "persentase",
        "median",
    }
)


#: Words of a section's row beside a kind of region and a province's name
#: ("KABUPATEN DI JAWA TIMUR", "JUMLAH KOTA", "KABUPATEN LAINNYA").
_SECTION_WORDS = frozenset(
    {
        "di",
        "se",
        "dalam",
        "daftar",
        "nama",
        "jumlah",
        "total",
        "sub",
        "subtotal",
        "lainnya",
        "lain",
        "provinsi",
        "propinsi",
        "other",
        "in",
        "of",
        "list",
        "rata",
        "average",
        # A heading repeated on a table's next page: "Kabupaten (Lanjutan)",
        # "Kabupaten (lanj.)", "Regency (Continued)".
        "lanjutan",
        "lanj",
        "continued",
        "cont",
        # An older city's status ("Jumlah Kota Administratif").
        "administratif",
        "administrasi",
        "otonom",
        *_TOTAL_WORDS,
    }
)
#: Words before a place in a section's row ("Kabupaten di Jatim",
#: "Kabupaten se-Jawa Timur", "Cities in East Java").
_PLACE_WORDS = frozenset({"di", "se", "dalam", "in", "of"})


def _names_section(label: str) -> bool:
    """Whether a label names a kind of region beside section words only.

    "KABUPATEN DI JAWA TIMUR", "Kabupaten se-Jawa Timur", "JUMLAH KOTA
    JAWA TIMUR", "JAWA TIMUR (KABUPATEN)", "KABUPATEN LAINNYA", "Kabupaten
    lain-lain", "KOTA (Lanjutan)": besides the kinds, its words (a hyphen
    parts words) are words of a section's row (``_SECTION_WORDS``) or a
    province's name, or one word naming no region after a word placing it
    (``_PLACE_WORDS``: a province's short name, "Kabupaten di Jatim"). A
    region's name misspelt ("Kota Batuu") is none.
    """
    if not _KIND_WORDS.search(label):
        return False
    rest = re.sub(r"[^\w\s]|_", " ", _KIND_WORDS.sub(" ", label)).split()
    left = [w for w in rest if w.lower() not in _SECTION_WORDS]
    if not left:
        return True
    place = " ".join(left)
    if _province_name(place):
        return True
    cands = _regions.candidates(None, place)
    if cands:
        # A province's name that is also a regency's ("Kota di Gorontalo")
        # is the province's beside a section's words.
        return len(left) < len(rest) and any(len(c) == 2 for c in cands)
    return (
        len(left) == 1
        and rest[-1] == left[0]
        and len(rest) > 1
        and rest[-2].lower() in _PLACE_WORDS
        and left[0].isalpha()
    )


def _kinds_named(text: str) -> set[str]:
    """The kinds of region ("kota", "kabupaten") a label's words name."""
    return {_kind_of_word(m[0]) for m in _KIND_WORDS.finditer(text)}


#: Words naming a kind of region (those of ``_HEADING_WORDS``), anywhere in
#: a label ("KOTA KOTA", "Kotamadya Dati II").
_KIND_WORDS = re.compile(rf"(?<![^\W\d_])(?:{_HEADING_WORD})(?![^\W\d_])", _WORD_FLAGS)


def _read_kind_headings(
    regions: pd.DataFrame,
    labels: np.ndarray[Any, Any],
    cells: np.ndarray[Any, Any],
    rows: pd.Index[Any],
    prov: str | None,
    first_year: int | None,
    *,
    provinces: bool,
    values: np.ndarray[Any, Any],
) -> pd.DataFrame:
    """Read bare names under a "KOTA" or "KABUPATEN" heading row as its kind.

    A heading row (its label a kind alone, see ``_KIND_HEADING``) gives the
    bare names below it (no "Kota"/"Kabupaten" of their own) its kind, up
    to the next heading row or province row: "Malang" under "KOTA" is Kota
    Malang. So does a row naming one kind of region that is no heading,
    names no region and holds no number, ending in the kind ("DAFTAR
    KOTA", "Nama Kabupaten:") or naming it beside words of a section's row
    and a province's name ("KABUPATEN DI JAWA TIMUR", "KABUPATEN
    LAINNYA", "KOTA (Lanjutan)"; see ``_names_section``): "Malang" under
    "DAFTAR KOTA" is Kota Malang. Such a row that is a total ("Jumlah
    Kota", "Rata-rata Kota": see ``_TOTAL_WORDS``), holding numbers (the
    section's subtotals) or none, ends the section above and heads none:
    no kind is carried past it. A province's namesake under a heading ("Jambi"
    under "KOTA") is read as the heading's kind, the section going on below
    it (see ``_namesakes_under_headings``). A heading is one whatever its
    value cells hold: empty, a nil mark ("-", "…") or numbers (the section's
    subtotals, kept in ``data`` with no region and named in its
    ``reason``). The heading row itself
    stays unmatched, its ``reason`` saying so.
    """
    lab = pd.Series(labels, dtype=object).astype(str)
    kinds = pd.Series(_column_heading_kinds(lab.tolist()), dtype=object)
    code = regions["code"].astype(object)
    province_row = code.map(lambda c: isinstance(c, str) and len(c) == 2).to_numpy()
    # A row naming one kind of region ("DAFTAR KOTA", "KABUPATEN DI JAWA
    # TIMUR"; "Kabupaten/Kota", a header's label repeated after a page
    # break, names two and heads no section of one kind), no heading (a
    # heading is the kind alone), naming no region and holding no number.
    # A total row ("Jumlah Kota") ends its section whether it holds the
    # section's subtotals ("Jumlah Kota;9,15") or no number ("Jumlah Kota;-").
    named = [_kinds_named(t) for t in lab]
    # Each label's words, read once: a total's words among them ("Jumlah
    # Kota"), or a total's words only ("Jumlah", "Sub Total").
    words = [re.findall(r"[^\W\d_]+", t.lower()) for t in lab]
    totalled = np.array([not _TOTAL_WORDS.isdisjoint(w) for w in words], dtype=bool)
    only_total = [bool(w) and set(w) <= _TOTAL_WORDS | {"sub"} for w in words]
    candidate = (
        kinds.isna().to_numpy(dtype=bool)
        & ~province_row
        & code.isna().to_numpy(dtype=bool)
        & (np.isnan(values).all(axis=1) | totalled)
        & np.array([len(n) == 1 for n in named], dtype=bool)
    )
    section_row = candidate & np.array(
        [
            # A note mark after the label is read past, as on other labels
            # ("KOTA DI JAWA TIMUR\u00b9", "KOTA (Lanjutan) 1)").
            c
            and (
                _ENDS_IN_KIND.search(t) is not None
                or _names_section(without_footnote_mark(t))
            )
            for c, t in zip(candidate, lab, strict=True)
        ],
        dtype=bool,
    )
    total = section_row & totalled
    # Any other such row heads a section of its kind, as "KOTA" does; a
    # total row ("Jumlah Kota") ends the section above and heads none.
    opens = section_row & ~total
    # A total row naming no kind ("Jumlah", "Sub Total") ends the section
    # above too, unless it totals a split written below a region's row
    # ("Perkotaan", "Perdesaan", "Jumlah").
    split_part = [
        _BREAKDOWN.fullmatch(_area_row_text(t)) is not None and not o
        for t, o in zip(lab, only_total, strict=True)
    ]
    total = total | (
        np.array(
            [o and not (k > 0 and split_part[k - 1]) for k, o in enumerate(only_total)],
            dtype=bool,
        )
        & code.isna().to_numpy(dtype=bool)
        & np.array([not n for n in named], dtype=bool)
    )
    kinds = kinds.where(
        ~opens, pd.Series([next(iter(n), None) for n in named], dtype=object)
    )
    heading = kinds.notna().to_numpy(dtype=bool)
    if not heading.any():
        return regions
    kind = kinds.where(heading)
    unread = total
    # Each row's heading: the latest heading row above it, ended by a
    # province row or such an unread heading ("" stops the carry).
    stop = pd.Series(
        ["" if p or u else None for p, u in zip(province_row, unread, strict=True)],
        dtype=object,
    )
    starts = kind.where(heading, other=stop)
    carried = starts.shift(1).ffill()
    under = carried.where(~heading & ~province_row & carried.notna() & (carried != ""))
    headed = [None if pd.isna(k) else str(k) for k in under]
    if province_row.any():
        headed = _namesakes_under_headings(
            labels,
            rows,
            [None if pd.isna(k) else str(k) for k in kind],
            [str(c) if p else None for c, p in zip(code, province_row, strict=True)],
            headed,
            prov,
            first_year,
            ends=unread.tolist(),
        )
    found = regions
    if any(headed):
        found = _match_regions(
            # A namesake read as its province's row stays it.
            _namesakes_in_capitals(labels),
            rows,
            prov,
            first_year,
            provinces=provinces,
            headed=headed,
            row_count=len(labels),
        )
    found = found.copy()
    # A bare name under a heading that names no region of the heading's kind
    # but is a region read alone ("Pacitan" under "KOTA"): said so.
    # A region of the heading's kind in another province than the rows'
    # keeps its reason ("not a region of Riau: 1571 Kota Jambi (Jambi)").
    lost = [
        k
        for k, h in enumerate(headed)
        if h is not None
        and pd.isna(found["code"].iloc[k])
        and not pd.isna(regions["code"].iloc[k])
        and not str(found["reason"].iloc[k]).startswith("not a region of")
    ]
    for k in lost:  # the few such rows
        alone = _regions.describe(str(regions["code"].iloc[k]))
        found.loc[k, "reason"] = (
            f"under a heading of {headed[k]} names, a bare name is read as a "
            f"{headed[k]}'s, and no {headed[k]} has this name; read alone it is "
            f"{alone}: write its kind in the label, or head its section with "
            "a heading row of its kind"
        )
    for k in np.flatnonzero(unread).tolist():  # the few such rows
        above = carried.iloc[k]
        if pd.isna(above) or above == "":
            continue  # no section above to end: its reason stays
        found.loc[k, "reason"] = (
            f"{_ENDS_SECTION} (a total row, as 'Jumlah Kota' is): it ends the "
            f"section of {above} names above it, and the bare names below it "
            "are read as under no heading; put a heading row of their kind "
            "('KOTA', 'KABUPATEN') above them to read them as that kind"
        )
    for k in np.flatnonzero(heading).tolist():  # the few heading rows
        found.loc[k, ["code", "name", "type"]] = None
        held = [
            str(c).strip()
            for c, v in zip(cells[k], values[k], strict=True)
            if not np.isnan(v)
        ]
        subtotals = (
            f"; its value cells hold numbers ({', '.join(map(repr, held))}), "
            "read as the section's subtotals: they stay in `data` with no "
            "region code, as every unmatched row's values do"
            if held
            else ""
        )
        found.loc[k, "reason"] = (
            f"{_HEADING_REASON}the bare names below it, up to the next heading or "
            f"province row, are read as {kind.iloc[k]} names{subtotals}"
        )
    return found


def _namesakes_under_headings(
    labels: np.ndarray[Any, Any],
    rows: pd.Index[Any],
    kinds: list[str | None],
    provinces: list[str | None],
    headed: list[str | None],
    prov: str | None,
    first_year: int | None,
    *,
    ends: list[bool],
) -> list[str | None]:
    """Heading kinds with a province's namesake under a heading read as it.

    A row read alone as a province (`provinces`, its code; None for other
    rows) whose bare name also names a region of the kind of the heading
    above it, in that province ("Jambi" under "KOTA": Kota Jambi, 1571, in
    Provinsi Jambi), is that region, and the heading's section goes on
    below it, unless the rows above it lie in another province (the latest
    province row above it, else `prov`, is another: it starts its own
    province's rows), or it is written in capitals, in a table whose bare
    names under its headings are not all in capitals, with no row of that
    province above it (BPS's province row, "JAMBI", a total below its
    regencies and cities). A national row ("INDONESIA") ends the section.
    A province row below a heading's section, where no province row opened
    the table's rows above it (BPS's layout with each province's total
    below its regencies and cities), is that section's total: the rows
    below it start another province, named by no row yet, so a namesake
    under a heading there ("Jambi" under "KOTA" after "RIAU") is the
    heading's region, not the province. A row ending a section without
    heading one (`ends`: "Jumlah Kota", with a subtotal or no number)
    ends it here too: no kind is carried past it.
    """
    out = list(headed)
    lab = [str(x) for x in labels]
    # Capitals mark a province row only where the names under the headings
    # are written otherwise: the rows of a namesake's section too ("Sungai
    # Penuh" below "Jambi" under "KOTA"), which a province row read alone
    # does not head, and the namesake itself ("Bengkulu" under "KOTA"),
    # where they name a region of the heading's kind.
    caps_say = False
    in_force: str | None = None
    for k, kind in enumerate(kinds):
        if kind is not None:
            in_force = kind
        elif in_force is not None and not lab[k].isupper():
            bare = without_footnote_mark(_LIST_DECORATION.sub("", lab[k]).strip())
            # A namesake in title case is evidence only where the province's
            # row in capitals follows it ("Bengkulu" above "BENGKULU").
            later = provinces[k] is None or any(
                q == provinces[k] and lab[j].isupper()
                for j, q in enumerate(provinces[k + 1 :], start=k + 1)
            )
            if later and (headed[k] is not None or _regions.candidates(in_force, bare)):
                caps_say = True
                break
    current: str | None = None  # the heading kind in force
    section = prov  # the province of the rows above
    seen: set[str] = set()
    closing: bool | None = None  # whether province rows close their sections
    opened = False  # a heading since the last province row (ended or not)
    for k, (kind, p) in enumerate(zip(kinds, provinces, strict=True)):
        if kind is not None:
            current = kind
            opened = True
            continue
        if ends[k]:
            current = None
            continue
        if p is None:
            continue
        namesake = (
            current is not None
            and p != _regions.NATIONAL_CODE
            and (section is None or section == p)
            and not (caps_say and lab[k].isupper() and p not in seen)
            and _names_kind_in(
                labels[k : k + 1], rows[k : k + 1], current, p, first_year
            )
        )
        if namesake:
            out[k] = current
            continue
        # The first province row below a section closes it (a total at the
        # bottom), and so do the next ones below theirs; one above the
        # first heading opens its rows, and so do the next ones.
        closes = opened and closing is not False
        if p != _regions.NATIONAL_CODE:
            closing = closes
        current = None
        opened = False
        section = None if p == _regions.NATIONAL_CODE or closes else p
        seen.add(p)
    # Rows below a namesake, up to the next heading or province row, carry
    # the heading on.
    current = None
    for k, (kind, p) in enumerate(zip(kinds, provinces, strict=True)):
        if kind is not None:
            current = kind
        elif ends[k] or (p is not None and out[k] is None):
            current = None
        elif out[k] is None and headed[k] is None and current is not None:
            out[k] = current
    return out


def _names_kind_in(
    label: np.ndarray[Any, Any],
    row: pd.Index[Any],
    kind: str,
    province: str,
    first_year: int | None,
) -> bool:
    """Whether one label, read under a heading of `kind`, is a region of `province`."""
    found = _match_regions(label, row, province, first_year, headed=[kind])
    c = found["code"].iloc[0]
    return isinstance(c, str) and len(c) == 4 and _regions.info(c)[2] == province


def _check_province_row(
    regions: pd.DataFrame,
    labels: np.ndarray[Any, Any],
    rows: pd.Index[Any],
    prov: str | None,
    province: object,
) -> None:
    """Refuse `province` contradicting the table's only province.

    A table whose province rows all name one province is that province's
    table wherever the row sits; `province` naming another would give the
    rows above the province row one context and those below another, so
    the result would depend on the row order.
    """
    if prov is None:
        return
    code = regions["code"].astype(object).to_numpy()
    heads = np.array(
        [
            c is not None
            and not pd.isna(c)
            and len(str(c)) == 2
            and str(c) != _regions.NATIONAL_CODE
            for c in code
        ],
        dtype=bool,
    )
    named = sorted({str(c) for c in code[heads]})
    if len(named) != 1 or named[0] == prov:
        return
    k = int(np.flatnonzero(heads)[0])
    msg = (
        f"`province` is {province!r} ({_regions.describe(prov)}), but the "
        f"table's only province row, {str(labels[k])!r} (row {_label(rows[k])!r}), "
        f"is {_regions.describe(named[0])}: the table is that province's; pass "
        "province=None, or the province the table shows"
    )
    raise ValueError(msg)


#: The heading of a label column of provinces: "Provinsi", "Province",
#: "Provinsi/Province".
_PROVINCE_HEAD = re.compile(
    r"(?:provinsi|propinsi|province)(?:\s*/\s*(?:provinsi|province))?", re.IGNORECASE
)


def leading_numbers(labels: Sequence[object]) -> pd.DataFrame:
    """The number before each label's name, read over the whole column.

    How :func:`read_bps_table` reads a list number or an area code before a
    region's name (``_LEADING_NUMBER``), after a list's decoration
    (``_LIST_DECORATION``: "- Kota Batu", "a. Kota Batu") and a run of
    capital roman numerals (``_roman_run``: "I. Jawa Timur", "II. Jawa
    Barat"): "35 Jawa Timur", "[3578] KOTA SURABAYA", "35.73 Kota
    Malang", "3573-Malang", "35: Jawa Timur", "35/Jawa Timur", "35 | Jawa
    Timur", "35_Jawa Timur", "35Jawa Timur" (glued), "1. Kota Batu", "(38)
    Kota Surabaya", "1.1. Kota Batu" (a section's number), "#1 Kota Batu",
    "No. 1 Kota Batu". A number of two or four digits is an area code (the
    dot taken out: "35.73" is 3573), unless the column numbers its rows 1,
    2, ... (a number of one digit in it), when its two-digit numbers are
    list numbers too; one or three digits are never a code, nor a number
    after "#" or "No.", nor a section's number. A number whose rest is
    digits too ("1.0", "10 20") is no number before a name. The reading of
    a label thus depends on the column it is read in.

    Parameters
    ----------
    labels : sequence
        The labels of one column, read as text.

    Returns
    -------
    pandas.DataFrame
        One row per label: ``num`` (the number as written, "35.73"),
        ``digits`` (its digits, "3573"; missing for a section's number,
        "1.1"), ``close`` and ``sep`` (the bracket
        and separator after it, for row numbers: "357)", "357."), ``code``
        (the area code, or None where the number is a list number or
        there is none), ``kode`` (whether the number follows the word
        "Kode": a code) and ``name`` (the label without its decoration and
        number, as the rest is read: its name, perhaps with a kind,
        footnote mark or trailing code).

    Examples
    --------
    >>> leading_numbers(["35 Jawa Timur", "[3578] Kota Surabaya"])[["code", "name"]]
       code           name
    0    35     Jawa Timur
    1  3578  Kota Surabaya
    >>> leading_numbers(["1. Jawa Timur", "38 Kota Surabaya"])["code"].tolist()
    [None, None]
    """
    lab = pd.Series(list(labels), dtype=object).astype(str)
    # A list's decoration ("- Kota Batu", "• Malang") is read past.
    undecorated = lab.str.replace(_LIST_DECORATION, "", regex=True)
    undecorated = _roman_run(undecorated, lettered=undecorated.ne(lab))
    lead = undecorated.str.extract(_LEADING_NUMBER)
    # A number whose "rest" is digits too ("1.0", "2.5", "10 20") is not a
    # list number before a name: the label is kept as written.
    digits = lead["rest"].str.fullmatch(r"[0-9.,\s]+").fillna(False).astype(bool)
    lead = lead.where(~digits, other=None)
    # A section's number ("1.1", "2.10.") is a list's, of no digits that
    # count as a row number; one after "#" or "No." is a list's number.
    level = lead["level"].notna().to_numpy(dtype=bool)
    listing = (lead["no"].notna() | lead["level"].notna()).to_numpy(dtype=bool)
    num = lead["num"].str.replace(".", "", regex=False)  # "35.73" is 3573
    num = num.where(~level, other=None)
    # A table numbering its rows 1, 2, ... has single-digit numbers: its
    # two-digit ones are list numbers too, not province codes.
    listed = bool((num.str.len() == 1).any())
    # A number after "Kode" is a code whatever the column's numbering.
    kode = lead["kode"].notna().to_numpy(dtype=bool)
    codes = [
        None
        if pd.isna(n) or x or len(n) in (1, 3) or (len(n) == 2 and listed and not k)
        else str(n)
        for n, x, k in zip(num, listing, kode, strict=True)
    ]
    return pd.DataFrame(
        {
            "num": lead["num"],
            "digits": num,
            "close": lead["close"],
            "sep": lead["sep"],
            "code": pd.Series(codes, index=lab.index, dtype=object),
            "kode": pd.Series(kode, index=lab.index, dtype=bool),
            "name": lead["rest"].fillna(undecorated),
        }
    )


def _roman_run(labels: pd.Series[Any], lettered: pd.Series[Any]) -> pd.Series[Any]:
    """`labels` with capital roman numerals numbering the column taken out.

    A capital roman numeral of two letters or more before a name ("II.
    Jawa Barat", "XXVIII. Sulawesi Tenggara") is a list's number: no
    initial is written so. One of one letter ("I. Jawa Timur") is a list's
    number where the numerals of the column run from I without a gap (I,
    II, III, ...: two at least), or where a lone "I." heads a column
    numbered with digits or letters too ("I. Jawa Timur" above "1.
    Kabupaten Pacitan" or "a. Kota Batu": `lettered`, the labels that had
    a list's decoration), or, whatever the column's numbering, where the
    name after it is a province's and no regency's ("V. JAMBI", "X.
    Kepulauan Riau", "I) Provinsi Aceh": a gap in the run, as after dropping
    rows, leaves it a list's number); otherwise it may be an initial ("D.
    I. Yogyakarta", "V. Kota") and the label is kept as written.
    """
    found = labels.str.extract(_CAPITAL_ROMAN)["roman"]
    values = [None if pd.isna(r) else _roman_value(str(r)) for r in found]
    seen = sorted({v for v in values if v is not None})
    unnumbered = labels.str.replace(_CAPITAL_ROMAN, "", regex=True)
    # Read whatever the column's numbering: two letters or more, or one
    # before a province's name.
    long = pd.Series(
        [
            v is not None and (len(str(r)) > 1 or _province_name(str(t)))
            for v, r, t in zip(values, found, unnumbered, strict=True)
        ],
        index=labels.index,
    )
    run = bool(seen) and seen == list(range(1, len(seen) + 1))
    if run and len(seen) == 1:
        numbered = labels.str.extract(_LEADING_NUMBER)["num"].notna() | lettered
        run = bool((numbered & found.isna()).any())
    read = found.notna() if run else long
    return labels.where(~read, unnumbered)


def _province_name(name: str) -> bool:
    """Whether `name` names a province and no regency, read as labels are.

    `name` is a label's rest, its list number taken out, read by
    ``_names_read`` as :func:`read_bps_table` reads it: "JAMBI", "Provinsi
    Aceh", "Jambi\u00b9", "Jambi (Kode 15)", "Jambi \u2013 15". A code
    written after it picks the region it names ("Gorontalo (Kode 75)" is
    the province, "Jambi (Kode 1571)" no province); the nation
    ("INDONESIA") is no province.
    """
    read = _names_read(pd.Series([" ".join(name.split())], dtype=object)).iloc[0]
    kind = None if pd.isna(read["prefix"]) else _PREFIX_TYPE[str(read["prefix"])]
    if kind not in (None, "provinsi"):
        return False
    found = _regions.candidates(kind, str(read["name"]))
    if pd.notna(read["code"]):
        found = tuple(c for c in found if c == read["code"])
    return bool(found) and all(
        len(c) == 2 and c != _regions.NATIONAL_CODE for c in found
    )


def _names_read(rest: pd.Series[Any]) -> pd.DataFrame:
    """How each label's rest (its list number or leading code taken out) is read.

    The footnote marks after the name are taken out (``_MARK``; three or
    more raised digits are no mark, ``_LONG_RAISED``), then an area code
    after it (:func:`trailing_codes`), then the kind before it (``_PREFIX``),
    read past a note mark before it (``_LEADING_NOTE_MARK``).

    Returns one row per label: ``mark`` (the footnote marks as written, or
    missing), ``bare`` (the name without its marks and
    trailing code), ``code`` (the trailing code's digits, or missing),
    ``prefix`` (the kind's prefix as written, lower case, or missing) and
    ``name`` (the name without its prefix, or ``bare`` where none).
    """
    marked = rest.str.extract(_MARK)
    # A mark's digits are one or two, raised ("Pacitan¹²") as typed
    # ("Pacitan 12)"): "Pacitan³⁵⁷³" holds no mark, and its digits are
    # stray, as "Kota Batu 2022)" has.
    long_raised = marked["mark"].str.contains(_LONG_RAISED).fillna(False)
    marked = marked.where(~long_raised.astype(bool), other=None)
    bare = marked["name"].fillna(rest)
    # An area code in brackets after the name ("Kota Malang (3573)", also
    # before a footnote mark) is a code, checked against the name as a
    # leading one is; never a footnote.
    trail = trailing_codes(bare.tolist()).set_axis(bare.index)
    bare = trail["rest"].where(trail["code"].notna(), bare)
    # A note mark before a name ("*Pacitan", "(*) Pacitan", "#Pacitan") is
    # no letter of it, so the name is matched as written; before a name
    # with its kind ("*Kota Batu", "*Kab. Malang") it hides the kind, so
    # the kind is read after it, as without it.
    # The mark before the name is a footnote mark as one after it is
    # ("*Kota Batu", "(†) Pacitan", "¹Kota Batu": footnote "*", "(†)",
    # "¹"), kept with it where both are written.
    leading = bare.str.extract(_LEADING_NOTE_MARK_RUN)["lead"].str.strip()
    unmarked = bare.str.replace(_LEADING_NOTE_MARK, "", regex=True)
    ext = unmarked.str.extract(_PREFIX)
    prefix = ext["p1"].fillna(ext["p2"]).str.lower()
    after = marked["mark"].str.strip().str.lstrip(",").str.lstrip()
    mark = after.where(leading.isna(), (leading + " " + after.fillna("")).str.strip())
    return pd.DataFrame(
        {
            "mark": mark,
            "bare": bare,
            "code": trail["code"],
            "prefix": prefix,
            "name": ext["name"].where(prefix.notna(), unmarked),
        }
    )


def _roman_value(numeral: str) -> int | None:
    """The value of a capital roman numeral of I, V and X; None if ill-formed."""
    total = 0
    for k, ch in enumerate(numeral):  # up to XXXIX, 39
        v = _ROMAN_VALUES[ch]
        later = _ROMAN_VALUES[numeral[k + 1]] if k + 1 < len(numeral) else 0
        total += -v if v < later else v
    canonical = (
        "X" * (total // 10)
        + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][total % 10]
    )
    return total if canonical == numeral else None


def trailing_codes(names: Sequence[str]) -> pd.DataFrame:
    """The area code after each name, as :func:`read_bps_table` reads it.

    Four digits after the name (``_TRAILING_CODE``): in brackets
    ("Kota Malang (3573)", "Malang [35.07]", "Malang (Kode 3507)",
    full-width brackets "Malang\uff083507\uff09"), after a space, or
    joined by a hyphen, an en dash, an em dash or a minus sign ("Kota
    Surabaya \u2013 3578"). A province's code of two digits
    (``_TRAILING_PROVINCE_CODE``) in brackets, after "Kode" or not ("Jawa
    Timur (Kode 35)", "Jawa Timur\uff0835\uff09"), or after a dash or minus
    sign ("Jawa Timur \u2013 35"), never after a space alone ("Jawa Timur
    35"). Every reader of region labels (:func:`read_bps_table`, the
    nesting check of the frame adapters) reads codes after a name here,
    after its list number or leading code and its footnote mark are taken
    out (:func:`without_footnote_mark`, which leaves a bracket opening
    with "Kode" alone): "(35)" after a name is then a footnote mark, as
    "(1)" is, except to the nesting check where it is the code of the
    province a name of a province and a regency may be ("Gorontalo (75)",
    ``povstat.frames._checks._namesakes``).

    Parameters
    ----------
    names : sequence of str
        The names, one per label.

    Returns
    -------
    pandas.DataFrame
        One row per name: ``code`` (the code's digits, "3507", or missing
        where none is written) and ``rest`` (the name before it; missing
        where there is no code).

    Examples
    --------
    >>> trailing_codes(["Kota Surabaya \u2013 3578", "Jawa Timur (Kode 35)", "Bali"])
       code           rest
    0  3578  Kota Surabaya
    1    35     Jawa Timur
    2   NaN            NaN
    """
    text = pd.Series(list(names), dtype=object).astype(str)
    trail = text.str.extract(_TRAILING_CODE)
    two = text.str.extract(_TRAILING_PROVINCE_CODE)
    none = (trail["code"].isna() & trail["bare"].isna()).to_numpy(dtype=bool)
    trail = trail.mask(np.broadcast_to(none[:, None], trail.shape), two)
    code = trail["code"].fillna(trail["bare"]).str.replace(".", "", regex=False)
    return pd.DataFrame({"code": code, "rest": trail["rest"].where(code.notna())})


def _match_regions(
    labels: np.ndarray[Any, Any],
    rows: pd.Index[Any],
    province: str | None,
    first_year: int | None,
    *,
    provinces: bool = False,
    headed: Sequence[str | None] | None = None,
    row_count: int | None = None,
) -> pd.DataFrame:
    """Codes, names, types and footnote marks of labels (None where unknown).

    `headed`: per label, the kind ("kabupaten", "kota") of the heading row
    it lies under, given to a label naming no kind of its own.

    `row_count`: the number of rows of the table the labels are read from.
    A number of three digits before a name, no area code (two or four
    digits), is a row number when it is written as one ("357.", "357)",
    "(357)"), or, written plainly ("357 Pacitan", "[357] Pacitan"), when
    the table has that many rows (a national list); else it is neither,
    perhaps a code with a digit missing, and the label is unmatched, its
    reason saying so. Numbers of one or two digits are row numbers as
    before, except two digits written plainly, more than `row_count`,
    before a name that is no province's ("79 Pacitan"), unless the
    table's numbers run on without a gap (a slice, 29 to 38): unmatched so
    too. None: every such number is a row number (a label read alone).

    `provinces`: the table is one of provinces (its label column is headed
    "Provinsi"): a name of a province and a regency is the province.
    Raises ValueError if a label is ambiguous and no province context
    resolves it, listing the candidates.
    """
    lab = pd.Series(labels, dtype=object).astype(str)
    lead = leading_numbers(lab.tolist())
    num = lead["digits"]
    codes = lead["code"].tolist()
    # A number of three digits (no code) is a row number if written as one
    # ("357.", "357)", "(357)"), or, written plainly, if the table has that
    # many rows: "357 Pacitan" in a table of 38 rows may be a code with a
    # digit missing, never dropped as a row number.
    numbered = num.notna().to_numpy(dtype=bool) & np.array(
        [c is None for c in codes], dtype=bool
    )
    as_row = (
        (lead["close"].isin([")", "\uff09"]) & ~lead["kode"])
        | lead["sep"].str.match(r"[.)]").astype("boolean")
    ).fillna(False)
    no_row = np.zeros(len(lab), dtype=bool)
    if row_count is not None and numbered.any():
        value = pd.to_numeric(num, errors="coerce").to_numpy(dtype=float)
        no_row = (
            numbered
            & ~as_row.to_numpy(dtype=bool)
            & (num.str.len() == 3).to_numpy(dtype=bool)
            & (value > row_count)
        )
    read = _names_read(lead["name"])
    bare = read["bare"]  # without number, footnote mark and trailing code
    has_trail = read["code"].notna().to_numpy()
    # Two digits after a name, no code before it: a province's code or a
    # regency's or city's number within its province, checked below.
    after_two = (
        has_trail
        & (read["code"].str.len() == 2).fillna(False).to_numpy(dtype=bool)
        & np.array([c is None for c in codes], dtype=bool)
    )
    if has_trail.any():
        codes = [
            str(t) if h and c is None else c
            for c, t, h in zip(codes, read["code"], has_trail, strict=True)
        ]
    prefix = read["prefix"]
    kind = prefix.map(_PREFIX_TYPE)
    if headed is not None:
        given = pd.Series(list(headed), index=kind.index, dtype=object)
        kind = kind.where(prefix.notna(), given)
    name = read["name"].copy()
    for k in np.flatnonzero(after_two & prefix.isna().to_numpy()).tolist():
        # A province's code after its name under a heading ("Jambi \u2013 15"
        # under "KOTA") names the province, not the heading's kind.
        if str(codes[k]) in _regions.candidates("provinsi", str(name.iloc[k])):
            kind.iloc[k] = None
    # Digits left in the name once its list number, area code and footnote
    # mark are taken out ("Kota Batu 2022)": four digits before ")" are no
    # footnote mark, whose digits are one or two) are part of no region's
    # name: the row is unmatched, its reason quoting them, never matched
    # by the letters around them with the digits dropped.
    stray = name.str.extract(_STRAY_DIGITS)["stray"]
    has_stray = stray.notna().to_numpy(dtype=bool).copy()
    if row_count is not None:
        # Two digits written plainly, more than the table's rows, before a
        # name that is no province's ("79 Pacitan" among 3 rows): no row
        # number and no code, as three digits are (a province's code before
        # its name, "35 Jawa Timur", is checked as a code).
        # Numbers running on without a gap (29 to 38: a slice of a longer
        # list, whatever the order of its rows) are list numbers.
        value2 = pd.to_numeric(num, errors="coerce").to_numpy(dtype=float)
        short = value2[(num.str.len() <= 3).fillna(False).to_numpy(dtype=bool)]
        # One number alone is no run ("79 Pacitan" among rows numbered 1, 2,
        # or alone): a run has two numbers at least.
        run = short.size > 1 and (
            np.unique(short).size == short.size
            and short.max() - short.min() + 1 == short.size
        )
        two = (
            (num.str.len() == 2).fillna(False).to_numpy(dtype=bool)
            & ~as_row.to_numpy(dtype=bool)
            & (value2 > row_count)
            & (not run)
        )
        for k in np.flatnonzero(two).tolist():  # the few such labels
            kind_k = None if pd.isna(kind.iloc[k]) else str(kind.iloc[k])
            named = _regions.candidates(kind_k, str(name.iloc[k]))
            if not any(len(c) == 2 for c in named):
                no_row[k] = True
    # Two-digit numbers written as list numbers ("11. DKI Jakarta", "12)
    # Jawa Barat", "(13) Jawa Tengah") that run on without a gap are a
    # list's numbers (rows 11 to 16 of the provinces' list), not codes,
    # when one of them disagrees with its name: a code agrees with it.
    listed_two = (
        np.array([c is not None and len(c) == 2 for c in codes], dtype=bool)
        & as_row.to_numpy(dtype=bool)
        & lead["num"].notna().to_numpy(dtype=bool)
    )
    if listed_two.sum() > 1:
        two_nums = [
            int(str(lead["digits"].iloc[k])) for k in np.flatnonzero(listed_two)
        ]
        if len(set(two_nums)) == len(two_nums) and max(two_nums) - min(
            two_nums
        ) + 1 == len(two_nums):
            disagree = False
            for k in np.flatnonzero(listed_two).tolist():  # the few numbered rows
                kind_k = None if pd.isna(kind.iloc[k]) else str(kind.iloc[k])
                named = _regions.candidates(kind_k, str(name.iloc[k]))
                code_k = str(codes[k])
                if named and not any(c[:2] == code_k for c in named):
                    disagree = True
                    break
            if disagree:
                for k in np.flatnonzero(listed_two).tolist():
                    codes[k] = None
    # A name written with a number for a word of it ("50 Kota", "Kab. 50
    # Kota": Kabupaten Lima Puluh Kota) is that region's name: the number is
    # part of it, neither a list number nor a code nor stray digits.
    plain_num = (
        lead["num"].notna()
        & ~lead["kode"].to_numpy(dtype=bool)
        & lead["close"].fillna("").eq("")
        & lead["sep"].fillna("").str.fullmatch(r"\s+")
    ).to_numpy(dtype=bool)
    for k in np.flatnonzero(plain_num | has_stray).tolist():  # the few such
        kind_k = None if pd.isna(kind.iloc[k]) else str(kind.iloc[k])
        whole = (
            f"{lead['num'].iloc[k]} {name.iloc[k]}"
            if plain_num[k]
            else str(name.iloc[k])
        )
        if (
            _regions.numeral_name(whole)
            and _regions.candidates(kind_k, whole)
            and not (plain_num[k] and _regions.candidates(kind_k, str(name.iloc[k])))
        ):
            name.iloc[k] = whole
            has_stray[k] = False
            no_row[k] = False
            if plain_num[k]:
                codes[k] = None
    found = _regions.match(
        [None if pd.isna(k) else str(k) for k in kind],
        [
            None if n == "" or h or r else str(n)
            for n, h, r in zip(name, has_stray, no_row, strict=True)
        ],
        province=province,
        first_year=first_year,
        codes=codes,
        provinces=provinces,
        written=[None if b == "" else str(b) for b in bare],
    )
    for k in np.flatnonzero(after_two).tolist():  # the few such labels
        got = found["code"].iloc[k]
        if pd.isna(got) or len(str(got)) != 4 or str(got)[2:] == codes[k]:
            continue  # a province's code, checked; or the region's number
        got, digits = str(got), str(codes[k])
        other = got[:2] + digits
        if digits in _regions._info():
            said = f"{_regions.describe(digits)}'s code, a province's"
        elif other in _regions._info():
            said = f"the number of {_regions.describe(other)} within its province"
        else:
            said = f"no region's number within {_regions.describe(got[:2])}"
        found.loc[k, ["code", "name", "type"]] = None
        found.loc[k, "reason"] = (
            f"the code {digits} after the name is {said}, but the name "
            f"{str(bare.iloc[k])!r} is {_regions.describe(got)}, whose number "
            f"within its province is {got[2:]}: the code and the name "
            "disagree; write the region's code in full (four digits, "
            f"'{got}') after its name, or remove the code"
        )
    if has_trail.any():
        after = has_trail & lead["num"].isna().to_numpy()
        found.loc[after, "reason"] = found.loc[after, "reason"].str.replace(
            "before the name", "after the name", regex=False
        )
    ambiguous = found["candidates"].map(len).to_numpy() > 1
    if ambiguous.any():
        shown = "; ".join(
            f"{str(lab_)!r} (row {_label(r)!r}): "
            + " or ".join(_regions.describe(c) for c in cands)
            for lab_, r, cands in zip(
                labels[ambiguous],
                rows[ambiguous],
                found["candidates"][ambiguous],
                strict=True,
            )
        )
        # A province's own row in title case ("Gorontalo" on top of its
        # regencies) is one of them: the province's row is there already.
        own = [
            str(lab_)
            for lab_, cands in zip(
                labels[ambiguous], found["candidates"][ambiguous], strict=True
            )
            if any(len(c) == 2 for c in cands)
        ]
        capitals = (
            "; where "
            + ", ".join(repr(x) for x in own)
            + " is the province's own row, write it in capitals, as BPS writes "
            "province rows ("
            + ", ".join(repr(x.upper()) for x in own)
            + "), or as 'Provinsi ...'"
            if own
            else ""
        )
        msg = (
            f"region names that fit more than one region: {shown}; write the "
            "kind ('Provinsi ...', 'Kabupaten ...', 'Kota ...'); in a table of "
            "provinces, head the label column 'Provinsi'; in a table of one "
            "province's regencies, put the province's row above them or give "
            f"`province` (its code or name){capitals}"
        )
        raise ValueError(msg)
    reason = found["reason"].where(
        found["reason"].notna() | found["code"].notna(), "no region of this name"
    )
    # A row of values with no label names no region: said so, never "no
    # region of this name".
    empty = lab.str.strip().eq("").to_numpy(dtype=bool) | pd.isna(labels)
    reason[empty & found["code"].isna().to_numpy(dtype=bool)] = (
        "the label is empty: write the region's name in the first column"
    )
    for k in np.flatnonzero(has_stray).tolist():  # the few labels with digits
        # Raised or lowered digits are quoted alone ("³⁵⁷³", not the name
        # they are joined to).
        held = _LONG_RAISED.search(str(stray.iloc[k]))
        shown = held[0] if held else str(stray.iloc[k])
        if re.fullmatch(r"\(?(?:[0-9]{2}|[0-9]{4})\)?", str(lab.iloc[k]).strip()):
            # "3501" alone: an area code with no name, which is not read as
            # a region (a code is checked against the name after it).
            reason.iloc[k] = (
                f"the label is an area code alone ({str(lab.iloc[k]).strip()!r}), "
                "with no name: a region is read by its name, and a code only "
                "checked against the name after it; write the name after the "
                "code ('3501 Pacitan')"
            )
            continue
        reason.iloc[k] = (
            f"the label holds {shown!r}, which is part of no "
            "region's name, no footnote mark (a mark of digits has one or "
            "two, typed or raised: '1)', '(1)', '1/', '¹', '¹²') and no area "
            "code (four digits, '3579', '(3579)'); write the mark as a mark, "
            "or remove the text"
        )
    for k in np.flatnonzero(no_row).tolist():  # the few such labels
        reason.iloc[k] = (
            f"the number {str(lead['num'].iloc[k])!r} before the name is no row "
            f"number (the table has {row_count} row{'' if row_count == 1 else 's'}"
            "; a row number written plainly is at most the number of rows, "
            "or is written as one: '357.', '357)' or '(357)') and no area "
            "code (four "
            "digits, '3501 Pacitan'); remove it, or write the code in full"
        )
    # Invisible characters (not printable, or a blank filler letter) make
    # a name no region's: the reason names them.
    printable = lab.map(str.isprintable).to_numpy(dtype=bool)
    odd = ~printable | lab.str.contains(f"[{''.join(_FILLERS)}]").to_numpy(dtype=bool)
    for k in np.flatnonzero(odd & found["code"].isna().to_numpy(dtype=bool)).tolist():
        unseen = _invisible(str(lab.iloc[k]))  # the few such labels
        if unseen:
            reason.iloc[k] = (
                f"{reason.iloc[k]}: the label {str(lab.iloc[k])!r} holds "
                f"{unseen}, which is read as part of the name; remove it"
            )
    # A region's name and kind are the matched region's: an unmatched label
    # ("Kota Mobagu", a misspelling) gets none, never one guessed from its
    # prefix; its label and footnote mark are kept as written.
    matched = found["code"].notna()
    return pd.DataFrame(
        {
            "code": found["code"].astype(object).where(matched, None),
            "name": found["name"].astype(object).where(matched, None),
            "type": found["type"].astype(object).where(matched, None),
            "footnote": read["mark"],
            "reason": reason,
        }
    )


#: Characters a table shows as nothing: format characters (zero width
#: space, joiners, soft hyphen, byte-order mark), controls, private-use and
#: unassigned code points, and the blank "filler" letters.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cn"})
_FILLERS = frozenset(
    "\u115f\u1160\u3164\uffa0\u034f\u2800"  # fillers, the blank braille pattern
    + "".join(map(chr, range(0xFE00, 0xFE10)))  # variation selectors
    + "".join(map(chr, range(0xE0100, 0xE01F0)))  # their supplement
)


def _invisible(text: str) -> str:
    """The invisible characters of `text`, described ("" if none).

    E.g. "an invisible character U+200B (zero width space)".
    """
    found = list(
        dict.fromkeys(
            ch
            for ch in text
            if ch in _FILLERS or unicodedata.category(ch) in _INVISIBLE_CATEGORIES
        )
    )
    if not found:
        return ""
    shown = ", ".join(
        f"U+{ord(ch):04X} ({unicodedata.name(ch, 'a control character').lower()})"
        for ch in found
    )
    return (
        f"an invisible character {shown}"
        if len(found) == 1
        else (f"invisible characters {shown}")
    )


def _heading_advice(
    regions: pd.DataFrame,
    labels: np.ndarray[Any, Any],
    rows: pd.Index[Any],
    dup: np.ndarray[Any, Any],
) -> str:
    """Advice on two rows of a name that is a regency's and a city's.

    In a table with heading rows (see ``_read_kind_headings``), says which
    heading row each repeated row was read under; in any table, names the
    rows between them that hold a word naming a kind of region but were
    not read as a heading ("KOTA KOTA", "Kota/Kabupaten").
    """
    reasons = pd.Series(
        ["" if pd.isna(r) else str(r) for r in regions["reason"]], dtype=object
    )
    # The heading rows, and the rows read as heading a section of the one
    # kind they name ("DAFTAR KOTA"; see ``_read_kind_headings``).
    kinds = [
        next(iter(_kinds_named(str(x))), None)
        if k is None and r.startswith(_HEADING_REASON)
        else k
        for k, x, r in zip(
            _column_heading_kinds(list(labels)), labels, reasons, strict=True
        )
    ]
    code = regions["code"].astype(object)
    province_row = code.map(lambda c: isinstance(c, str) and len(c) == 2)
    # A province row, or a total row naming a kind ("Jumlah Kota"), ends
    # the section above.
    ends = province_row | reasons.str.startswith(_ENDS_SECTION).to_numpy(dtype=bool)
    starts = pd.Series(
        [
            "" if p else (k if kind is not None else None)
            for k, (kind, p) in enumerate(zip(kinds, ends, strict=True))
        ],
        dtype=object,
    )
    above = starts.shift(1).ffill()
    said = []
    for k in np.flatnonzero(dup).tolist():  # the few repeated rows
        h = above.iloc[k]
        where = f"{str(labels[k])!r} (row {_label(rows[k])!r}) lies under "
        if isinstance(h, int) and kinds[k] is None:
            said.append(
                f"{where}the heading {str(labels[h])!r} (row {_label(rows[h])!r}), "
                f"read as a heading of {kinds[h]} names"
            )
        else:
            said.append(f"{where}no heading row")
    span = np.flatnonzero(dup)
    unread = [
        f"{str(labels[k])!r} (row {_label(rows[k])!r})"
        for k in range(int(span[0]) + 1, int(span[-1]))
        if kinds[k] is None
        and not dup[k]
        and pd.isna(code.iloc[k])
        and _KIND_WORDS.search(str(labels[k])) is not None
    ]
    not_read = (
        f"; {', '.join(unread)} names a kind of region but is not read as a "
        "heading (a heading row's label is a kind alone, as in 'KOTA', "
        "'Kota:', '(KOTA)', 'B. KOTA' or 'Kota-Kota')"
        if unread
        else ""
    )
    if not any(kinds):
        return (
            "or put a heading row 'KOTA' above the cities (and 'KABUPATEN' "
            f"above the regencies){not_read}"
        )
    return (
        f"or head each section with a heading row read as one: {'; '.join(said)}"
        f"{not_read}"
    )


#: Labels of a region's own rows (its areas, its total), which repeat under
#: each region by design ("Kota", "Desa", "Jumlah" below each regency).
_SUB_ROW_WORD = re.compile(
    r"(?<![^\W_])(?:kota|perkotaan|urban|desa|perdesaan|pedesaan|rural|"
    r"jumlah|total|k\s*\+\s*d)(?![^\W_])",
    re.IGNORECASE,
)


#: Kinds of area below a regency, named by a table's header or title: its
#: rows are no provinces or regencies, whatever their names.
_SUB_REGENCY = re.compile(
    r"(?<![^\W_])(?:kecamatan|kec\.|kelurahan|desa\s*/\s*kelurahan|distrik|"
    r"sub-?districts?|kapanewon|kemantren)(?![^\W_])",
    re.IGNORECASE,
)


def _warn_few_placed(
    regions: pd.DataFrame, labels: np.ndarray[Any, Any], rows: pd.Index[Any]
) -> None:
    """Warn of a few rows matched to regions among labels mostly unplaced.

    In a table of kecamatan whose header does not say so ("Wilayah"), a
    kecamatan named as a regency ("Jombang" in a table of Jember's
    kecamatan) is matched to that regency while the others are unmatched
    (sheets35): one or two placed rows, with at least three unplaced
    labels for each, a region's own rows ("Kota", "Desa", "Jumlah") left
    out.
    """
    kept = pd.Series(labels, dtype=object).astype(str).str.split().str.join(" ")
    placed = regions["code"].notna().to_numpy(dtype=bool)
    unplaced = (
        ~placed
        & (kept != "").to_numpy(dtype=bool)
        & ~kept.str.contains(_SUB_ROW_WORD).to_numpy(dtype=bool)
    )
    n_placed, n_unplaced = int(placed.sum()), int(unplaced.sum())
    if not 0 < n_placed <= 2 or n_unplaced < 3 * n_placed or n_unplaced < 3:
        return  # many placed rows: a table of regions with some unmatched
    shown = ", ".join(
        f"{kept.iloc[k]!r} (row {_label(rows[k])!r}) as "
        f"{regions['code'].iloc[k]} {regions['name'].iloc[k]}"
        for k in np.flatnonzero(placed)[:3].tolist()
    )
    msg = (
        f"{n_placed} row(s) matched to regions among {n_unplaced} labels that "
        f"name none: {shown}; if the table lists kecamatan or villages, a "
        "name shared with a regency is no regency: write 'Kecamatan' (or "
        "'Desa/Kelurahan') in the header's label cell, and no row is matched"
    )
    warnings.warn(msg, UserWarning, stacklevel=3)


def _check_second_title(
    text: np.ndarray[Any, Any],
    index: pd.Index[Any],
    layout: _Layout,
    data_rows: np.ndarray[Any, Any],
    regions: pd.DataFrame,
) -> None:
    """Refuse a row among the values that titles another measure's table.

    A row with a label and no value ("Jumlah Penduduk Miskin Menurut
    Kabupaten/Kota (Ribu Jiwa)" below a table of P0 in percent) that names
    a measure other than the table's title is the title of a second table
    stacked below the first: its rows would be read as the first table's
    measure, counts in thousands as percentages (sheets35).
    """
    if not data_rows.size:
        return
    empty = (text[np.ix_(data_rows, layout.columns)] == "").all(axis=1)
    unplaced = regions["code"].isna().to_numpy(dtype=bool)
    own = _measure_kind(layout.title)
    for k in np.flatnonzero(empty & unplaced):  # the few rows without values
        label = " ".join(str(text[data_rows[k], 0]).split())
        kind = _measure_kind(label)
        if not kind or kind == own or len(label.split()) < 3:
            # A section's summary with no number ("Jumlah Kota",
            # "Persentase Kota") is no title: a title names its measure in
            # words ("Jumlah Penduduk Miskin ... (Ribu Jiwa)").
            continue
        msg = (
            f"row {_label(index[data_rows[k]])!r} ({label!r}), among the values, "
            f"names another measure ({kind}) than the table's title "
            f"({layout.title!r}{', ' + own if own else ''}): the title of a "
            "second table stacked below the first, whose rows would be read as "
            "the first table's measure; read each table separately (split the "
            "file, or pass each one's rows)"
        )
        raise ValueError(msg)


def _check_title_round(layout: _Layout, month: int | None) -> None:
    """Refuse a `month` other than the one round the title names.

    A table whose header names years alone takes its round from `month`;
    a title naming one round ("..., September 2023") states it too, and
    the two must agree, as a group row naming the round must (sheets33).
    """
    if month is None or not layout.bare:
        return
    # A round followed by one of the columns' years ("..., September 2023"
    # over 2023), not a date ("Diunduh 12 September 2024", "17 Juli 2023").
    years = {int(y) for y in layout.years}
    named = {
        str(m[0]): p[1]
        for m in _ROUND_WORD.finditer(layout.title)
        if (
            y := re.match(
                r"\s*,?\s*((?:19|20)[0-9]{2})(?![0-9])", layout.title[m.end() :]
            )
        )
        and int(y[1]) in years
        and not re.search(r"[0-9]\s*$", layout.title[: m.start()])
        and (p := _safe_period(f"{m[0]} 2000")) is not None
        and p[1] is not None
    }
    months = set(named.values())
    if len(months) != 1 or month in months:
        return
    word, mon = next(iter(named.items()))
    msg = (
        f"`month` is {month!r} but the title {layout.title!r} names the round "
        f"{word!r} (month {mon}): the columns' years would be dated month "
        f"{month}; pass month={mon} (or month=None if the header names the "
        "rounds)"
    )
    raise ValueError(msg)


def _check_duplicate_labels(
    regions: pd.DataFrame, labels: np.ndarray[Any, Any], rows: pd.Index[Any]
) -> None:
    """Raise if labels matched to no region repeat as a stacked table does.

    A label no region of povstat's list matches (a kecamatan, a name in
    English) is kept as written and reported in ``unmatched``; one such
    label may repeat (two kecamatan of one name in two regencies), and so
    may a region's own rows ("Kota", "Desa", "Jumlah" below each regency).
    Two or more labels that each come back after all of them have been
    seen once ("Donomulyo", "Kalipare" under P0, then again under P1, in
    any order) are a table stacked below another over the same periods:
    each label would have two values for each period.
    """
    kept = pd.Series(labels, dtype=object).astype(str).str.split().str.join(" ")
    unplaced = (
        regions["code"].isna() & (kept != "") & ~kept.str.contains(_SUB_ROW_WORD)
    ).to_numpy(dtype=bool)
    if unplaced.sum() < 4:
        return
    at = pd.Series(np.flatnonzero(unplaced), index=kept[unplaced].to_numpy())
    counts = at.groupby(level=0).size()
    again = counts.index[counts >= 2]
    if len(again) < 2:
        return
    firsts = at[at.index.isin(again)].groupby(level=0).min()
    seconds = at[at.index.isin(again)].groupby(level=0).nth(1)
    if firsts.max() >= seconds.min():
        return  # interleaved: names met twice here and there, no second table
    repeated = np.zeros(len(kept), dtype=bool)
    repeated[at[at.index.isin(again)].to_numpy()] = True
    found = pd.DataFrame(
        {"label": kept[repeated].to_numpy(), "row": [_label(r) for r in rows[repeated]]}
    )
    by_label = found.groupby("label", sort=False)["row"].agg(
        lambda r: ", ".join(map(str, r))
    )
    shown = "; ".join(f"{lab!r} in rows {w}" for lab, w in list(by_label.items())[:5])
    more = f" (and {len(by_label) - 5} more)" if len(by_label) > 5 else ""
    msg = (
        "labels that name no region of povstat's list come back further down "
        f"the table, all after their first rows: {shown}{more}; a table "
        "stacked below another (a second measure over the same periods) is "
        "read as one, each label with two values for each period: read each "
        "table separately (split the file, or pass each one's rows)"
    )
    raise ValueError(msg)


def _check_duplicate_regions(
    regions: pd.DataFrame, labels: np.ndarray[Any, Any], rows: pd.Index[Any]
) -> None:
    """Raise if two rows are matched to the same region."""
    code = regions["code"]
    dup = (code.notna() & code.duplicated(keep=False)).to_numpy(dtype=bool)
    if not dup.any():
        return
    found = pd.DataFrame(
        {
            "region": (code[dup] + " " + regions["name"][dup]).to_numpy(dtype=object),
            "where": [
                f"{str(lab)!r} (row {_label(r)!r})"
                for lab, r in zip(labels[dup], rows[dup], strict=True)
            ],
        }
    )
    by_region = found.groupby("region", sort=False)["where"].agg(", ".join)
    shown = "; ".join(f"{r}: {w}" for r, w in by_region.items())
    # A bare name is a regency's ("Malang" is Kabupaten Malang), but some
    # regencies share their name with a city of their province: two rows of
    # such a name are probably the regency and the city.
    twins = []
    for c, n in dict.fromkeys(zip(code[dup], regions["name"][dup], strict=True)):
        if not (isinstance(n, str) and n.startswith("Kabupaten ")):
            continue
        bare = n.removeprefix("Kabupaten ")
        cities = [k for k in _regions.candidates("kota", bare) if k[:2] == str(c)[:2]]
        if cities:
            twins.append(
                f"{bare!r} names both {c} {n} and {_regions.describe(cities[0])}"
            )
    # A region named as its province ("GORONTALO", "JAMBI"): its last row
    # may be the province's total, which BPS writes below its regencies and
    # cities; said so, with the label that names the province.
    totals = []
    for c, n in dict.fromkeys(zip(code[dup], regions["name"][dup], strict=True)):
        if not isinstance(n, str) or len(str(c)) != 4:
            continue
        bare = n.split(" ", 1)[-1]
        if str(c)[:2] not in _regions.candidates("provinsi", bare):
            continue
        k = int(np.flatnonzero(dup & (code == c).to_numpy(dtype=bool))[-1])
        if _PREFIX.match(_LIST_DECORATION.sub("", str(labels[k])).strip()):
            continue  # its kind written ("Kota Jambi"): no province's row
        totals.append(
            f"if the last of them, {str(labels[k])!r} (row {_label(rows[k])!r}), "
            f"is the province's total (BPS writes it below the province's "
            f"regencies and cities), write {'Provinsi ' + bare!r} in its label"
        )
    total_hint = "; ".join(totals) + "; " if totals else ""
    if twins:
        advice = _heading_advice(regions, labels, rows, dup)
        msg = (
            "the table has more than one row for the same region, so its values "
            f"are ambiguous: {shown}; {total_hint}{'; '.join(twins)}: a bare name "
            "is read as the regency, so the rows "
            f"{'may be' if totals else 'are probably'} the regency and the "
            "city; write the kind in each label "
            f"('Kabupaten Malang', 'Kota Malang'), {advice}"
        )
        raise ValueError(msg)
    msg = (
        "the table has more than one row for the same region, so its values "
        f"are ambiguous: {shown}; {total_hint}remove or rename the extra rows"
    )
    raise ValueError(msg)
