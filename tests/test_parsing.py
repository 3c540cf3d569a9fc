from __future__ import annotations

import datetime
import pickle
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import (
    InvalidCell,
    NumberParseError,
    ParsedNumbers,
    format_number,
    parse_columns,
    parse_numbers,
    read_bps_table,
    round_half_up,
)

# --- the cases of the issue, and the BPS / press formats ----------------------

# Texts as BPS tables and releases write them; expected values worked by hand.
# "37,78 ribu jiwa" and "Rp 674.660" are the Kota Malang March 2023 figures of
# the BPS kab/kota tables (BPS_N_KABKOTA, BPS_GK_KABKOTA); "0,11 poin" is how
# the press writes a change in percentage points.
ID_CASES = [
    ("4,26", 4.26, ""),
    ("187.000", 187000.0, ""),
    ("37,78 ribu", 37780.0, ""),
    ("37,78 ribu jiwa", 37780.0, "persons"),
    ("Rp 674.660", 674660.0, "rupiah"),
    ("Rp674.660", 674660.0, "rupiah"),
    ("Rp. 674.660", 674660.0, "rupiah"),
    ("Rp 316.729,-", 316729.0, "rupiah"),
    ("1,2 juta", 1200000.0, ""),
    ("25,22 juta orang", 25220000.0, "persons"),
    ("Rp 1,5 miliar", 1500000000.0, "rupiah"),
    ("0,11 poin", 0.11, "points"),
    ("0,11 persen poin", 0.11, "points"),
    ("5,5", 5.5, ""),
    ("4,26 persen", 4.26, "percent"),
    ("4,26%", 4.26, "percent"),
    ("4,26 %", 4.26, "percent"),
    ("4,26 PERSEN", 4.26, "percent"),
    ("-0,58", -0.58, ""),
    ("\u22120,58 poin", -0.58, "points"),  # typographic minus sign
    ("+0,39", 0.39, ""),
    ("1.234.567,89", 1234567.89, ""),
    ("  10,49\u00a0persen ", 10.49, "percent"),  # non-breaking space
    ("0", 0.0, ""),
    ("0,5", 0.5, ""),
]


@pytest.mark.parametrize(("text", "value", "unit"), ID_CASES)
def test_indonesian_format(text: str, value: float, unit: str) -> None:
    p = parse_numbers([text], locale="id")
    assert p.value[0] == value  # exact: decimal arithmetic, one rounding
    assert p.unit[0] == unit
    assert p.invalid == ()


EN_CASES = [
    ("4.26", 4.26, ""),
    ("187,000", 187000.0, ""),
    ("187000", 187000.0, ""),
    ("1,234,567.89", 1234567.89, ""),
    ("4.26%", 4.26, "percent"),
    ("0.11 percentage points", 0.11, "points"),
    ("0.11 pp", 0.11, "points"),
    ("25.22 million people", 25220000.0, "persons"),
    ("37.78 thousand", 37780.0, ""),
]


@pytest.mark.parametrize(("text", "value", "unit"), EN_CASES)
def test_english_format(text: str, value: float, unit: str) -> None:
    p = parse_numbers([text], locale="en")
    assert p.value[0] == value
    assert p.unit[0] == unit


@pytest.mark.parametrize(
    ("text", "multiplier"),
    [("37,78 ribu", 1e3), ("1,2 juta", 1e6), ("Rp 1,5 miliar", 1e9), ("4,26", 1.0)],
)
def test_multiplier_is_reported(text: str, multiplier: float) -> None:
    assert parse_numbers(text, locale="id").multiplier == multiplier


# Poor counts in thousands from the BPS kab/kota tables (BPS_N_KABKOTA):
# Jember 2021 257,09; Kota Batu 2020 8,12; Jawa Timur 2023 4.188,81. Scaled in
# binary floating point (257.09 * 1000 = 257089.99999999997) they miss the
# whole number of persons; read in decimal they are exact.
@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("257,09 ribu jiwa", 257090.0),
        ("8,12 ribu", 8120.0),
        ("4.188,81 ribu", 4188810.0),
        ("37,78 ribu", 37780.0),
    ],
)
def test_scaling_is_exact(text: str, persons: float) -> None:
    assert parse_numbers(text, locale="id").value == persons


# A decimal comma must never be read as a thousands separator, and a dot under
# "id" must group exactly three digits.
@pytest.mark.parametrize(
    "text",
    [
        "4.26",  # English decimal under "id": a 100x error if accepted
        "301 , 85",  # spaces inside the number
        "4, 26",
        "4 ,26",
        "1 234",
        "1.23.456",
        "1234.567",  # first group longer than three digits
        "1.2345",
        "0.500",  # leading zero before a group separator
        "00",
        "012",
        ",5",
        "5,",
        "5.",
        "1,2,3",
        "1.234,5,6",
        "abc",
        "4,26 persen persen",  # a unit twice
        "4,26 persen jiwa",  # conflicting units
        "Rp 5 persen",
        "5 ribu persen",  # multiplier with a percentage
        "5 ribujiwa",
        "nan",
        "inf",
        "\u0664",  # an Arabic-Indic digit
        "4,26*",
        "--4",
        "- 4",  # a sign apart from its number (see the Notes)
        "+ 5",
        "\u2212 0,5",
        "4-",
        "Rp",
        "%",
    ],
)
def test_invalid_indonesian(text: str) -> None:
    with pytest.raises(NumberParseError, match=re.escape(repr(text))):
        parse_numbers([text], locale="id")


@pytest.mark.parametrize("text", ["4,26", "1,2345", "187.000,5", "0,5"])
def test_invalid_english(text: str) -> None:
    with pytest.raises(NumberParseError, match="locale 'en'"):
        parse_numbers([text], locale="en")


def test_wrong_locale_reason_says_what_the_other_reads() -> None:
    p = parse_numbers(["4.26"], locale="id", errors="report")
    assert "in locale 'en' it would read 4.26" in p.invalid[0].reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Rp 5 persen", "conflicting units: percent, rupiah"),
        ("5 % jiwa", "conflicting units: percent, persons"),
        ("5 ribu persen", "multiplier"),
        (True, "boolean"),
        (b"4", "bytes, not text: decode the column to text (str) first"),
        (float("inf"), "infinite"),
    ],
)
def test_invalid_reasons(text: Any, reason: str) -> None:
    p = parse_numbers(np.array([text], dtype=object), locale="id", errors="report")
    assert reason in p.invalid[0].reason


# --- look-alike letters and numbers out of range --------------------------------


# Unit, currency and multiplier words are read in ASCII letters only. Under
# re.IGNORECASE alone the long s (U+017F) matches "s", the dotless i (U+0131)
# and the dotted capital I (U+0130) match "i": "5 per\u017fen" passed the
# pattern and then failed the lookup (KeyError), "\u0130DR 5" was read as 5
# rupiah. Each is a look-alike, so the cell is invalid, with a reason.
@pytest.mark.parametrize(
    ("text", "letter"),
    [
        ("5 per\u017fen", "\u017f"),  # long s
        ("5 PER\u017fEN", "\u017f"),
        ("\u0130DR 5", "\u0130"),  # dotted capital I
        ("5 r\u0131bu", "\u0131"),  # dotless i
        ("5 juta j\u0131wa", "\u0131"),
        ("Rp 5 m\u0131liar", "\u0131"),
        ("5 per\u017fen poin", "\u017f"),
    ],
)
def test_lookalike_letters_are_invalid(text: str, letter: str) -> None:
    with pytest.raises(NumberParseError, match=re.escape(repr(text))) as info:
        parse_numbers([text], locale="id")
    assert f"{letter!r} is not ASCII" in info.value.cells[0].reason
    p = parse_numbers([text, "5 persen"], locale="id", errors="report")
    assert np.isnan(p.value[0])
    assert (p.value[1], p.unit[1]) == (5.0, "percent")  # the ASCII word still reads
    assert [c.row for c in p.invalid] == [0]


# The range of float64, worked by hand: the largest finite value is
# (2 - 2**-52) * 2**1023 = 1.7976931348623157e308 < 1e309 <= 10**400; the
# smallest normal one is 2**-1022 = 2.2250738585072014e-308 > 1e-309 and
# > 1e-401. A value beyond either bound, or not finite, is an invalid cell
# with a reason (before, 10**400 raised OverflowError, Decimal("sNaN")
# decimal.InvalidOperation, and 1e-401 was read silently as 0.0).
TINY_TEXT = "0," + "0" * 400 + "1"  # 1e-401 under "id"
OUT_OF_RANGE = [
    (10**400, "overflow"),
    (-(10**400), "overflow"),
    (Decimal("1e400"), "overflow"),
    (Fraction(10**400, 3), "overflow"),
    ("1" + "0" * 309, "overflow"),  # 1e309 written out
    (Decimal("sNaN"), "not finite: a signalling NaN"),
    (Decimal("-sNaN"), "not finite: a signalling NaN"),
    (Decimal("Infinity"), "not finite: infinite"),
    (Decimal("-Infinity"), "not finite: infinite"),
    (TINY_TEXT, "underflow"),
    ("-" + TINY_TEXT, "underflow"),
    ("0," + "0" * 308 + "1", "underflow"),  # 1e-309: subnormal, digits lost
    (Decimal("1e-401"), "underflow"),
    (Fraction(1, 10**400), "underflow"),
]


@pytest.mark.parametrize(
    ("cell", "reason"), OUT_OF_RANGE, ids=[str(i) for i in range(len(OUT_OF_RANGE))]
)
def test_numbers_out_of_range_are_invalid(cell: Any, reason: str) -> None:
    cells = np.array([cell], dtype=object)
    with pytest.raises(NumberParseError, match=re.escape(reason)) as info:
        parse_numbers(cells, locale="id")
    assert len(info.value.cells) == 1
    p = parse_numbers(cells, locale="id", errors="report")
    assert np.isnan(p.value[0])
    assert p.invalid[0].row == 0
    assert reason in p.invalid[0].reason


# Values at the edges of the range, worked by hand: each is a float64 or the
# nearest float64 to a decimal inside the range, so each is read.
@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (2**1000, 2.0**1000),  # an integer float64 holds exactly
        (2**1023, 2.0**1023),
        (Decimal("1.7976931348623157e308"), 1.7976931348623157e308),
        (Decimal("2.2250738585072014e-308"), 2.2250738585072014e-308),
        (Decimal("-1e-300"), -1e-300),
        (Fraction(1, 4), 0.25),
        (Decimal("0"), 0.0),
        ("0," + "0" * 400, 0.0),  # zero with many decimals is zero, no underflow
        ("0," + "0" * 299 + "1", 1e-300),
        (5e-324, 5e-324),  # a float is taken as it is, subnormal or not
    ],
)
def test_numbers_at_the_edges_of_the_range(cell: Any, value: float) -> None:
    p = parse_numbers(np.array([cell], dtype=object), locale="id")
    assert p.value[0] == value
    assert p.invalid == ()


def test_decimal_quiet_nan_is_missing_like_float_nan() -> None:
    p = parse_numbers(np.array([Decimal("NaN"), 1.5], dtype=object), locale="id")
    np.testing.assert_array_equal(p.value, [np.nan, 1.5])
    with pytest.raises(NumberParseError, match="empty cell"):
        parse_numbers(np.array([Decimal("NaN")], dtype=object), locale="id", missing=())


def test_out_of_range_cells_are_all_listed_with_the_others() -> None:
    cells = np.array(
        ["4,26", 10**400, "4.26", Decimal("sNaN"), TINY_TEXT], dtype=object
    )
    with pytest.raises(NumberParseError) as info:
        parse_numbers(cells, locale="id")
    assert [c.row for c in info.value.cells] == [1, 2, 3, 4]
    msg = str(info.value)
    assert "4 cells are not a valid number" in msg
    # A long cell is cut in the message (with its length), kept whole in cells.
    assert "(401 characters)" in msg
    assert "(403 characters)" in msg
    assert info.value.cells[0].text == str(10**400)
    assert info.value.cells[3].text == TINY_TEXT


def test_huge_int_beyond_the_str_digit_limit_is_reported() -> None:
    # str(10**5000) raises ValueError (Python's 4300-digit limit): the cell is
    # still reported, as overflow, with a placeholder text.
    p = parse_numbers(np.array([10**5000], dtype=object), locale="id", errors="report")
    assert p.invalid[0].reason.startswith("overflow")
    assert p.invalid[0].text == "<int too long to show>"


@pytest.mark.skipif(
    bool(np.finfo(np.longdouble).max <= np.finfo(np.float64).max),
    reason="long double is float64 on this platform",
)
def test_long_double_out_of_float64_range() -> None:
    # 1e400 and 1e-400 are finite long doubles (x87: range about 1e+-4932) but
    # out of float64's range (hand-worked bounds above).
    x = np.array(["1e400", "1e-400", "1.5", "inf", "nan"], dtype=np.longdouble)
    for cells in (x, x.astype(object)):
        p = parse_numbers(cells, locale="id", errors="report")
        np.testing.assert_array_equal(p.value, [np.nan, np.nan, 1.5, np.nan, np.nan])
        reasons = [c.reason.split(":")[0] for c in p.invalid]
        assert reasons == ["overflow", "underflow", "not finite"]


# --- messages show plain Python values ------------------------------------------


def test_cells_and_labels_are_shown_as_plain_values() -> None:
    # numpy scalars were shown as np.str_('Kota Malang') and np.float64(nan).
    texts = np.array(["Kota Malang", "4,26"])  # a numpy str array: np.str_ cells
    with pytest.raises(NumberParseError) as info:
        parse_numbers(texts, locale="id")
    assert "np.str_" not in str(info.value)
    assert "row 0: 'Kota Malang'" in str(info.value)
    assert type(info.value.cells[0].text) is str
    cells = np.array([np.float64("nan")], dtype=object)
    with pytest.raises(NumberParseError, match=r"row 0: 'nan' \(empty cell") as info:
        parse_numbers(cells, locale="id", missing=())
    assert info.value.cells[0].text == "nan"
    index = pd.Index([np.int64(3573)], dtype=object)
    s = pd.Series(["x"], index=index, name=np.str_("p0"))
    with pytest.raises(NumberParseError, match="row 3573, column 'p0': 'x'") as info:
        parse_numbers(s, locale="id")
    cell = info.value.cells[0]
    assert (type(cell.row), type(cell.column)) == (int, str)


# --- rounding of parsed figures -----------------------------------------------


# Halfway cases worked by hand: 0.125 -> 0.13, 9.655 -> 9.66, 2.675 -> 2.68,
# -0.025 -> -0.03 (half away from zero on the decimal value). Python's round()
# gives 0.12, 9.65, 2.67, -0.03 for the binary floats.
@pytest.mark.parametrize(
    ("text", "rounded"),
    [("0,125", 0.13), ("9,655", 9.66), ("2,675", 2.68), ("-0,025", -0.03)],
)
def test_parsed_halfway_values_round_half_up(text: str, rounded: float) -> None:
    v = parse_numbers(text, locale="id").value
    assert round_half_up(v, 2) == rounded


# --- missing values -----------------------------------------------------------


def test_missing_markers() -> None:
    p = parse_numbers(["-", "…", "...", "", "  ", None, np.nan, pd.NA], locale="id")
    assert np.isnan(p.value).all()
    assert (p.unit == "").all()


def test_missing_is_configurable() -> None:
    p = parse_numbers(["n.a.", "4,26"], locale="id", missing=["n.a."])
    np.testing.assert_array_equal(p.value, [np.nan, 4.26])
    with pytest.raises(NumberParseError, match="'-'") as info:
        parse_numbers(["-", "", None], locale="id", missing=())
    assert len(info.value.cells) == 3
    assert "empty cell" in info.value.cells[1].reason


def test_missing_float_nan_follows_empty_policy() -> None:
    assert np.isnan(parse_numbers(np.array([np.nan]), locale="id").value[0])
    with pytest.raises(NumberParseError, match="empty cell"):
        parse_numbers(np.array([np.nan]), locale="id", missing=("-",))


# --- every bad cell is reported -----------------------------------------------


def test_error_lists_every_bad_cell_of_an_array() -> None:
    texts = ["4,26", "4.26", "-", "301 , 85", "37,78 ribu", "abc"]
    with pytest.raises(NumberParseError) as info:
        parse_numbers(texts, locale="id")
    cells = info.value.cells
    assert [(c.row, c.text) for c in cells] == [
        (1, "4.26"),
        (3, "301 , 85"),
        (5, "abc"),
    ]
    msg = str(info.value)
    assert "3 cells are not a valid number in locale 'id'" in msg
    for c in cells:
        assert repr(c.text) in msg
    assert isinstance(info.value, ValueError)


def test_report_instead_of_raising() -> None:
    p = parse_numbers(["4,26", "4.26", "-"], locale="id", errors="report")
    np.testing.assert_array_equal(p.value, [4.26, np.nan, np.nan])
    assert p.invalid == (
        InvalidCell(row=1, column=None, text="4.26", reason=p.invalid[0].reason),
    )


def test_series_rows_are_index_labels() -> None:
    s = pd.Series(["4,26", "4.26"], index=["Kota Malang", "Kota Batu"], name="p0")
    with pytest.raises(NumberParseError, match="row 'Kota Batu', column 'p0'"):
        parse_numbers(s, locale="id")


def test_long_message_is_truncated_but_all_cells_kept() -> None:
    texts = [f"{i}.5" for i in range(1, 31)]  # 30 English decimals under "id"
    with pytest.raises(NumberParseError, match="and 10 more") as info:
        parse_numbers(texts, locale="id")
    assert len(info.value.cells) == 30
    assert "'20.5'" in str(info.value)
    assert "'21.5'" not in str(info.value)


def test_error_pickles_with_its_cells() -> None:
    with pytest.raises(NumberParseError) as info:
        parse_numbers(["4.26"], locale="id")
    back = pickle.loads(pickle.dumps(info.value))
    assert back.cells == info.value.cells
    assert str(back) == str(info.value)


# --- inputs, shapes and results -----------------------------------------------


def test_numbers_pass_through() -> None:
    p = parse_numbers(np.array([4.26, "4,26", 187000], dtype=object), locale="id")
    np.testing.assert_array_equal(p.value, [4.26, 4.26, 187000.0])
    p = parse_numbers(np.array([1.5, np.nan]), locale="en")
    np.testing.assert_array_equal(p.value, [1.5, np.nan])


def test_list_of_numbers_is_not_turned_into_text() -> None:
    # np.asarray(["4,26", 1.5]) would make "1.5" a string, invalid under "id".
    p = parse_numbers(["4,26", 1.5], locale="id")
    np.testing.assert_array_equal(p.value, [4.26, 1.5])


def test_shape_is_kept_and_positions_are_tuples() -> None:
    texts = np.array([["4,26", "1,5"], ["x", "2"]], dtype=object)
    p = parse_numbers(texts, locale="id", errors="report")
    assert p.value.shape == (2, 2)
    assert p.unit.shape == (2, 2)
    assert p.invalid[0].row == (1, 0)
    scalar = parse_numbers("4,26", locale="id")
    assert scalar.value.shape == ()
    with pytest.raises(NumberParseError, match=r"value: 'x'"):
        parse_numbers("x", locale="id")


def test_empty_input() -> None:
    p = parse_numbers([], locale="id")
    assert p.value.shape == (0,)


def test_result_is_read_only() -> None:
    p = parse_numbers(["4,26"], locale="id")
    assert isinstance(p, ParsedNumbers)
    with pytest.raises(ValueError, match="read-only"):
        p.value[0] = 1.0
    assert p == parse_numbers(["4,26"], locale="id")


def test_input_is_not_modified() -> None:
    texts = np.array(["4,26", None], dtype=object)
    parse_numbers(texts, locale="id")
    assert texts[1] is None


@pytest.mark.parametrize("dtype", [object, "string", "string[pyarrow]", "category"])
def test_series_dtypes(dtype: Any) -> None:
    s = pd.Series(["4,26", None, "Rp 674.660"], dtype=dtype)
    p = parse_numbers(s, locale="id")
    np.testing.assert_array_equal(p.value, [4.26, np.nan, 674660.0])


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="`locale`"):
        parse_numbers(["1"], locale="fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`errors`"):
        parse_numbers(["1"], locale="id", errors="coerce")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`missing`"):
        parse_numbers(["1"], locale="id", missing="-")
    with pytest.raises(TypeError, match="`missing`"):
        parse_numbers(["1"], locale="id", missing=[None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="parse_columns"):
        parse_numbers(pd.DataFrame({"a": ["1"]}), locale="id")
    with pytest.raises(NumberParseError, match="a list of values, not a number"):
        parse_numbers([["1"], ["1", "2"]], locale="id")


# --- parse_columns ------------------------------------------------------------


def _frame() -> pd.DataFrame:
    # Kota Malang and Kota Batu, March 2023: P0 4,26 / 3,31 percent, poor
    # 37,78 / 7,10 thousand (BPS kab/kota tables; povstat's bundled data).
    return pd.DataFrame(
        {
            "region": ["Kota Malang", "Kota Batu"],
            "p0": ["4,26 persen", "3,31 persen"],
            "poor": ["37,78", "7,10"],
        },
        index=[3573, 3579],
    )


@pytest.mark.parametrize("dtype", [object, "string", "string[pyarrow]"])
def test_parse_columns(dtype: Any) -> None:
    df = _frame().astype({"p0": dtype, "poor": dtype})
    before = df.copy()
    out = parse_columns(df, ["p0", "poor"], locale="id")
    pd.testing.assert_frame_equal(df, before)
    assert out["p0"].dtype == np.float64
    np.testing.assert_array_equal(out["p0"], [4.26, 3.31])
    np.testing.assert_array_equal(out["poor"], [37.78, 7.10])
    assert list(out.index) == [3573, 3579]
    assert list(out.columns) == ["region", "p0", "poor"]
    out1 = parse_columns(df, "p0", locale="id")
    assert out1["poor"].tolist() == before["poor"].tolist()


def test_parse_columns_lists_bad_cells_across_columns() -> None:
    df = _frame().assign(p0=["4.26", "3,31"], poor=["37,78", "7.10"])
    with pytest.raises(NumberParseError) as info:
        parse_columns(df, ["p0", "poor"], locale="id")
    got = [(c.row, c.column, c.text) for c in info.value.cells]
    assert got == [(3573, "p0", "4.26"), (3579, "poor", "7.10")]
    assert "row 3573, column 'p0': '4.26'" in str(info.value)


def test_parse_columns_rejects_mixed_units() -> None:
    df = pd.DataFrame({"x": ["4,26 persen", "3,31 %", "37,78 ribu jiwa", "5"]})
    with pytest.raises(
        NumberParseError, match="unit 'persons' in a column of 'percent'"
    ):
        parse_columns(df, ["x"], locale="id")


@pytest.mark.parametrize(
    ("cells", "bad"),
    [
        # Two and two: a tie, every cell stating a unit is bad; the missing
        # "-" is not.
        (["4,1 persen", "4,2 persen", "5 jiwa", "6 jiwa", "-"], [0, 1, 2, 3]),
        # Three units, one each: a tie of three.
        (["4,1 %", "5 jiwa", "Rp 6", "-"], [0, 1, 2]),
        # Two against one: only the rarer unit's cell.
        (["4,1 persen", "4,2 persen", "5 jiwa", "-"], [2]),
    ],
)
def test_parse_columns_on_a_tie_of_units_flags_every_unit(
    cells: list[str], bad: list[int]
) -> None:
    df = pd.DataFrame({"a": cells})
    with pytest.raises(NumberParseError) as info:
        parse_columns(df, "a", locale="id")
    assert [c.row for c in info.value.cells] == bad
    if len(bad) > 2:
        assert "in as many cells each" in info.value.cells[0].reason


def test_parse_columns_rejects_mixed_scales() -> None:
    # "0,1386" among "9,9 %" may be a fraction (13.86 %) or 0.1386 %; and
    # "37,78 ribu" is 37780 next to "7,10" (thousands by the header?): the
    # rarer kind of cell is refused, the bare one on a tie.
    df = pd.DataFrame(
        {
            "p0": ["0,1386", "9,9 %", "10,1 %"],
            "poor": ["37,78 ribu", "7,10", "8"],
            "tie": ["4,26", "3,31 persen", "-"],
        }
    )
    with pytest.raises(NumberParseError) as info:
        parse_columns(df, ["p0", "poor", "tie"], locale="id")
    got = [(c.row, c.column, c.text) for c in info.value.cells]
    assert got == [(0, "p0", "0,1386"), (0, "poor", "37,78 ribu"), (0, "tie", "4,26")]
    reasons = [c.reason for c in info.value.cells]
    assert (
        "without a percent sign among numbers with one (such as '9,9 %')" in reasons[0]
    )
    assert "with a multiplier word among numbers without one" in reasons[1]
    # Units stated in every cell, or in none, are read.
    ok = parse_columns(df.iloc[1:], ["p0", "poor"], locale="id")
    np.testing.assert_array_equal(ok["p0"], [9.9, 10.1])
    np.testing.assert_array_equal(ok["poor"], [7.1, 8.0])


def test_parse_columns_bad_arguments() -> None:
    with pytest.raises(ValueError, match=r"\['nope'\] not in the frame.*'region'"):
        parse_columns(_frame(), ["nope"], locale="id")
    with pytest.raises(TypeError, match="`df`"):
        parse_columns({"a": ["1"]}, ["a"], locale="id")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`locale`"):
        parse_columns(_frame(), ["p0"], locale="ID")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"`columns` must hold column labels.*\['p0'\]"):
        parse_columns(_frame(), [["p0"]], locale="id")  # type: ignore[list-item]
    with pytest.raises(
        TypeError, match=r"`df` must be a pandas\.DataFrame, got pandas\.Series"
    ):
        parse_columns(_frame()["p0"], "p0", locale="id")  # type: ignore[arg-type]


def test_parse_columns_takes_any_label() -> None:
    # An int label (before: "'int' object is not iterable"), alone or listed.
    # Kota Malang and Kota Batu, P0 March 2023 (as in _frame).
    df = pd.DataFrame({0: ["Kota Malang", "Kota Batu"], 1: ["4,26", "3,31"]})
    out = parse_columns(df, 1, locale="id")
    assert out[1].tolist() == [4.26, 3.31]
    assert out[0].tolist() == ["Kota Malang", "Kota Batu"]
    pd.testing.assert_frame_equal(parse_columns(df, [1], locale="id"), out)
    # A label listed twice is read once.
    pd.testing.assert_frame_equal(parse_columns(df, [1, 1], locale="id"), out)
    # An Index of labels is a list of labels.
    both = parse_columns(_frame(), _frame().columns[1:], locale="id")
    assert both["poor"].tolist() == [37.78, 7.10]


def test_parse_columns_duplicated_label_is_an_error() -> None:
    # Before: IndexError "too many indices for array".
    df = pd.DataFrame([["Kota Malang", "4,26", "4.26"]], columns=["region", "p0", "p0"])
    with pytest.raises(
        ValueError, match=r"more than one column labelled 'p0' at positions \[1, 2\]"
    ):
        parse_columns(df, "p0", locale="id")
    with pytest.raises(ValueError, match="'p0' at positions"):
        parse_columns(df, ["region", "p0"], locale="id")
    # A duplicated label that is not asked for is left alone.
    df2 = pd.DataFrame([["4,26", "a", "b"]], columns=["p0", "x", "x"])
    out = parse_columns(df2, "p0", locale="id")
    assert out.columns.tolist() == ["p0", "x", "x"]
    assert out.iloc[0].tolist() == [4.26, "a", "b"]


def _wide() -> pd.DataFrame:
    # P0 March 2023 of Kota Malang and Kota Batu (as in _frame), columns under
    # a MultiIndex (region, measure).
    columns = pd.MultiIndex.from_tuples(
        [("Kota Malang", "p0"), ("Kota Malang", "name"), ("Kota Batu", "p0")]
    )
    return pd.DataFrame([["4,26", "a", "3,31"]], columns=columns, index=[2023])


def test_parse_columns_multiindex_labels_are_tuples() -> None:
    df = _wide()
    before = df.copy()
    out = parse_columns(df, [("Kota Malang", "p0"), ("Kota Batu", "p0")], locale="id")
    pd.testing.assert_frame_equal(df, before)
    assert out.columns.equals(df.columns)
    assert out.iloc[0].tolist() == [4.26, "a", 3.31]
    one = parse_columns(df, ("Kota Batu", "p0"), locale="id")
    assert one.iloc[0].tolist() == ["4,26", "a", 3.31]
    bad = df.copy()
    bad[("Kota Batu", "p0")] = ["3.31"]
    with pytest.raises(
        NumberParseError, match=r"row 2023, column \('Kota Batu', 'p0'\)"
    ):
        parse_columns(bad, [("Kota Batu", "p0")], locale="id")


def test_parse_columns_multiindex_partial_label_is_an_error() -> None:
    with pytest.raises(ValueError, match="only part of a column label") as info:
        parse_columns(_wide(), "Kota Malang", locale="id")
    assert "[('Kota Malang', 'p0'), ('Kota Malang', 'name')]" in str(info.value)
    with pytest.raises(ValueError, match=r"not in the frame.*tuple of its labels"):
        parse_columns(_wide(), "p0", locale="id")


def test_parse_columns_names_other_frame_types() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame({"p0": ["4,26"]})
    with pytest.raises(
        TypeError, match=r"must be a pandas.DataFrame, got polars.DataFrame.*to_pandas"
    ):
        parse_columns(df, "p0", locale="id")
    with pytest.raises(TypeError, match=r"got a DataFrame \(polars.DataFrame\)"):
        parse_numbers(df, locale="id")


# --- format_number ------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "locale", "decimals", "text"),
    [
        (4.26, "id", 2, "4,26"),
        (674660, "id", 0, "674.660"),
        (4188.81, "id", 2, "4.188,81"),
        (4188.81, "en", 2, "4,188.81"),
        (9.655, "id", 2, "9,66"),  # half up on the decimal value
        (-0.025, "en", 2, "-0.03"),
        (-0.001, "id", 2, "0,00"),  # no "-0,00"
        (1234.5, "en", -2, "1,200"),
        (np.nan, "id", 2, "…"),
        # The decimal, never the binary digits: the float 1e23 is
        # 99999999999999991611392 in binary, the figure 1 followed by 23
        # zeros; rounded to thousands it stays that figure.
        (1e23, "en", -3, "100,000,000,000,000,000,000,000"),
        (1e23, "en", 0, "100,000,000,000,000,000,000,000"),
        # 1000000000000000.2 is the float ...000.25 (spacing 0.125 there);
        # its decimal ...000.2 to 2 decimals is ...000.20.
        (1000000000000000.2, "en", 2, "1,000,000,000,000,000.20"),
        (1000000000000000.2, "id", 2, "1.000.000.000.000.000,20"),
        # 1.7e308 is 17 followed by 307 zeros.
        (1.7e308, "en", 0, "170" + ",000" * 102),
        (-40.0, "en", -2, "0"),  # rounds to zero: no sign
    ],
)
def test_format_number(x: float, locale: Any, decimals: int, text: str) -> None:
    assert str(format_number(x, locale=locale, decimals=decimals)) == text


def test_format_number_options_and_errors() -> None:
    out = format_number(
        [4188.81, np.nan], locale="id", decimals=1, grouping=False, na_rep=""
    )
    assert out.tolist() == ["4188,8", ""]
    with pytest.raises(ValueError, match="finite"):
        format_number(np.inf, locale="id", decimals=2)
    with pytest.raises(TypeError, match="`decimals`"):
        format_number(1.0, locale="id", decimals=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`grouping`"):
        format_number(1.0, locale="id", decimals=1, grouping=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`na_rep`"):
        format_number(1.0, locale="id", decimals=1, na_rep=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`locale`"):
        format_number(1.0, locale="de", decimals=1)  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(-15, 15))
def test_format_number_writes_the_rounded_decimal(x: float, d: int) -> None:
    # The text is the decimal of round_half_up(x, d): read back as a float it
    # is that float; it has d decimals (none below 0), at most 17 significant
    # digits (float64 holds no more: the rest would be binary noise) and,
    # with d < 0, zeros in the -d places rounded away.
    text = str(format_number(x, locale="en", decimals=d)).replace(",", "")
    assert float(text) == round_half_up(x, d)
    whole, _, frac = text.lstrip("-").partition(".")
    assert len(frac) == max(d, 0)
    digits = (whole + frac).lstrip("0").rstrip("0")
    assert len(digits) <= 17
    if d < 0:
        assert whole == "0" or whole.endswith("0" * -d)


locales = st.sampled_from(["id", "en"])


@given(
    st.integers(-(10**12), 10**12),
    st.integers(0, 6),
    locales,
    st.booleans(),
)
def test_format_then_parse_returns_the_number(
    m: int, d: int, locale: Any, grouping: bool
) -> None:
    x = m / 10**d  # the float nearest to a d-decimal number
    text = str(format_number(x, locale=locale, decimals=d, grouping=grouping))
    assert parse_numbers(text, locale=locale).value == x


@given(st.floats(-1e9, 1e9, allow_nan=False), st.integers(0, 4), locales)
def test_parse_of_formatted_float_is_its_rounding(
    x: float, d: int, locale: Any
) -> None:
    text = str(format_number(x, locale=locale, decimals=d))
    assert parse_numbers(text, locale=locale).value == round_half_up(x, d)


def _oracle(text: str, locale: str) -> Decimal | None:
    """Independent reading of a bare number (digits, separators, sign, %)."""
    group, dec = (".", ",") if locale == "id" else (",", ".")
    s = text.strip()
    if s.endswith("%"):
        s = s[:-1].rstrip()
    sign = 1
    if s[:1] in "+-" and s[:1]:
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    parts = s.split(dec)
    if len(parts) == 2 and parts[1] == "-":  # "Rp 316.729,-": no cents
        parts[1] = "0"
    if len(parts) > 2:
        return None
    groups = parts[0].split(group)
    if not all(g.isdigit() and g.isascii() for g in groups):
        return None
    if len(groups) > 1 and (
        not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])
    ):
        return None
    if groups[0].startswith("0") and (len(groups[0]) > 1 or len(groups) > 1):
        return None
    frac = parts[1] if len(parts) == 2 else "0"
    if not (frac.isdigit() and frac.isascii()):
        return None
    return sign * Decimal("".join(groups) + "." + frac)


@given(st.text(alphabet="0123456789.,-+ %", max_size=12), locales)
def test_number_like_junk_parses_only_when_valid(text: str, locale: Any) -> None:
    p = parse_numbers([text], locale=locale, missing=(), errors="report")
    expected = _oracle(text, locale)
    if expected is None:
        assert len(p.invalid) == 1
        assert np.isnan(p.value[0])
    else:
        assert p.invalid == ()
        assert p.value[0] == float(expected)


@given(st.text(max_size=20), locales)
def test_random_text_never_parses_silently(text: str, locale: Any) -> None:
    p = parse_numbers([text], locale=locale, missing=(), errors="report")
    if p.invalid:
        assert np.isnan(p.value[0])
        assert p.invalid[0].text == text
    else:
        # Accepted only if it holds an ASCII digit and gives a finite number.
        assert re.search("[0-9]", text)
        assert np.isfinite(p.value[0])
    if p.invalid:
        with pytest.raises(NumberParseError):
            parse_numbers([text], locale=locale, missing=())


# --- digits of other scripts ----------------------------------------------------


# Numbers are read in ASCII digits 0-9 only. Arabic-Indic digits (U+0660-
# U+0669), Persian ones (U+06F0-U+06F9), full-width digits (U+FF10-U+FF19, as
# typed with an East Asian input method) and Devanagari digits are not; the
# reason says which digits were found.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("\u0661\u0663,\u0666\u0665", "are Arabic-Indic digits"),  # 13,65
        ("1\u0663,65", "is an Arabic-Indic digit"),
        ("\u06f1\u06f3,65", "are Extended Arabic-Indic (Persian) digits"),
        ("\uff11\uff13,\uff16\uff15", "are full-width digits"),
        ("13,6\uff15 %", "is a full-width digit"),
        ("\u0967\u0969", "are Devanagari digits"),
    ],
)
def test_other_script_digits_are_named(text: str, found: str) -> None:
    p = parse_numbers([text], locale="id", errors="report")
    assert np.isnan(p.value[0])
    (cell,) = p.invalid
    assert found in cell.reason
    assert "numbers are read in ASCII digits only" in cell.reason
    with pytest.raises(NumberParseError, match=re.escape(found)):
        parse_numbers([text], locale="id")


@given(st.integers(0, 10**6), st.sampled_from([0x0660, 0x06F0, 0xFF10, 0x0966]))
def test_any_number_in_other_digits_is_invalid_and_explained(n: int, zero: int) -> None:
    text = "".join(chr(zero + int(d)) for d in str(n))
    p = parse_numbers([text], locale="en", errors="report")
    assert np.isnan(p.value[0])
    assert "digit" in p.invalid[0].reason


@pytest.mark.parametrize(
    "texts",
    [
        bytearray(b"4,26"),  # one cell, as b"4,26" is
        memoryview(b"4,26"),
        [bytearray(b"5")],  # cells of a list, never their character codes
        [memoryview(b"5")],
        [[bytearray(b"5")]],
    ],
)
def test_byte_strings_are_cells_neither_text_nor_number(texts: Any) -> None:
    # bytearray and memoryview are read like bytes: one cell each, not a
    # sequence of character codes (b"4,26" would be [52, 44, 50, 54]).
    r = parse_numbers(texts, locale="id", errors="report")
    assert r.value.size == 1
    assert np.isnan(r.value).all()
    assert [c.reason for c in r.invalid] == [
        "bytes, not text: decode the column to text (str) first"
    ]
    with pytest.raises(NumberParseError, match="bytes, not text"):
        parse_numbers(texts, locale="id")


@pytest.mark.parametrize(
    "x",
    [
        [2**53 + 1, 0.5],  # numpy alone would make 2**53 + 1 the float 2**53
        [[2**53 + 1], [0.5]],
        pd.array([2**53 + 1, None], dtype="Int64"),
        [Decimal(2**53 + 1)],
    ],
)
def test_format_number_refuses_integers_float64_cannot_hold(x: Any) -> None:
    # 2**53 + 1 = 9007199254740993 has no float64: written, it would read
    # "9,007,199,254,740,992", a different number.
    with pytest.raises(ValueError, match="9007199254740993"):
        format_number(x, locale="en", decimals=0)
    # 2**53 itself is a float64 and is written exactly.
    assert format_number([2**53, 0.5], locale="en", decimals=0).tolist() == [
        "9,007,199,254,740,992",
        "1",
    ]


def test_parse_columns_reads_labels_from_any_iterable() -> None:
    # A generator (hashable, so once taken for one label) or a map object
    # lists labels as a list does, read once: "4,26" and "3,31" are 4.26 and
    # 3.31 (Kota Malang, Kota Batu P0; decimal comma in locale "id").
    df = pd.DataFrame({"region": ["Kota Malang"], "p0": ["4,26"], "p1": ["3,31"]})
    expected = parse_columns(df, ["p0", "p1"], locale="id")
    labels = ["p0", "p1"]
    for cols in [(c for c in labels), map(str, labels), iter(labels)]:
        out = parse_columns(df, cols, locale="id")
        pd.testing.assert_frame_equal(out, expected)
        assert out[["p0", "p1"]].to_numpy().tolist() == [[4.26, 3.31]]


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        # The same plain text read_bps_table shows, never a Python repr
        # (Timestamp('2022-01-01 00:00:00'), datetime.date(2022, 1, 1),
        # datetime.timedelta(days=1), b'4.3').
        (pd.Timestamp("2022-01-01"), "2022-01-01 00:00:00"),
        (np.datetime64("2022-01-01"), "2022-01-01 00:00:00"),
        (np.timedelta64(1, "D"), "1 days 00:00:00"),
        (datetime.time(1, 2), "01:02:00"),
        (b"4.3", "4.3"),
        ([1, 2], "[1, 2]"),
        ({"a": 1}, "{'a': 1}"),
    ],
)
def test_an_odd_cell_is_shown_as_plain_text_in_every_parser(
    cell: object, shown: str
) -> None:
    texts = np.empty(1, dtype=object)
    texts[0] = cell
    (bad,) = parse_numbers(texts, locale="en", errors="report").invalid
    assert bad.text == shown
    frame = pd.DataFrame({"a": texts})
    with pytest.raises(
        NumberParseError, match=rf"row 0, column 'a': {re.escape(repr(shown))} "
    ):
        parse_columns(frame, "a", locale="en")
    if isinstance(cell, pd.Timestamp | np.datetime64 | np.timedelta64 | bytes):
        table = pd.DataFrame({"Kab": ["Kota Batu"], "2022": texts})
        (cell_read,) = read_bps_table(table, locale="en", errors="report").invalid
        assert cell_read.text == shown


# The one rule for numbers float64 cannot hold, worked by hand. Around 2**53
# = 9007199254740992 float64s are 2 apart: 2**53 + 1 = 9007199254740993 lies
# between 9007199254740992 and 9007199254740994 and is no float64 (its
# nearest, by ties to even, is 9007199254740992); 2**53 + 2 is one. 2**60 is
# a float64. "2,67499999999999999999" has 21 significant digits; its nearest
# float64 prints as 2.675, another figure. 12345678901234567890 is no float64
# (nearest 12345678901234567168, printed 1.2345678901234567e+19).
@pytest.mark.parametrize(
    "cells",
    [
        np.array([2**53 + 1], dtype=np.int64),
        np.array([2**53 + 1], dtype=np.uint64),
        np.array([-(2**53) - 1], dtype=np.int64),
        np.array([2**53 + 1], dtype=object),
        np.array([np.int64(2**53 + 1)], dtype=object),
        np.array([12345678901234567890], dtype=object),
        np.array([Decimal("2.67499999999999999999")], dtype=object),
        np.array([Decimal("9007199254740993")], dtype=object),
        np.array([Fraction(1, 3)], dtype=object),
        np.array(["9007199254740993"], dtype=object),
        np.array(["12.345.678.901.234.567.890"], dtype=object),
        np.array(["2,67499999999999999999"], dtype=object),
        np.array(["2,67499999999999999999 ribu"], dtype=object),
    ],
)
def test_a_number_float64_cannot_hold_is_invalid_never_rounded(cells: Any) -> None:
    p = parse_numbers(cells, locale="id", errors="report")
    assert np.isnan(p.value[0])
    assert len(p.invalid) == 1
    assert "cannot hold it exactly" in p.invalid[0].reason
    assert "an integer must equal its nearest float64" in p.invalid[0].reason
    # The cell is named by its value, never a repr.
    assert p.invalid[0].text == str(cells[0]).replace("np.int64(", "").rstrip(")")
    with pytest.raises(NumberParseError, match="cannot hold it exactly"):
        parse_numbers(cells, locale="id")


@pytest.mark.parametrize(
    ("cells", "value"),
    [
        (np.array([2**53], dtype=np.int64), 9007199254740992.0),
        (np.array([2**53 + 2], dtype=np.int64), 9007199254740994.0),
        (np.array([2**60], dtype=np.uint64), 1152921504606846976.0),
        (np.array([2**64], dtype=object), 18446744073709551616.0),
        (np.array([Decimal("4.2600000000000000000")], dtype=object), 4.26),
        (np.array([Decimal("9007199254740994")], dtype=object), 9007199254740994.0),
        (np.array([Fraction(1, 4)], dtype=object), 0.25),
        (np.array(["9.007.199.254.740.994"], dtype=object), 9007199254740994.0),
        # 17 significant digits, the shortest decimal of its float64.
        (np.array(["0,30000000000000004"], dtype=object), 0.1 + 0.2),
        (np.array(["0,1"], dtype=object), 0.1),
    ],
)
def test_a_number_float64_holds_is_read(cells: Any, value: float) -> None:
    p = parse_numbers(cells, locale="id")
    assert p.value[0] == value
    assert p.invalid == ()


@pytest.mark.skipif(
    bool(np.finfo(np.longdouble).nmant <= np.finfo(np.float64).nmant),
    reason="long double is float64 on this platform",
)
def test_a_long_double_float64_cannot_hold_is_invalid() -> None:
    # 2.675 + 2**-60 is a long double (64-bit significand) whose nearest
    # float64 is 2.675, and which is not the decimal 2.675: invalid; 4.26 read
    # as a long double is the shortest decimal of float64 4.26: read.
    x = np.array([np.longdouble(2.675) + np.longdouble(2) ** -60, "4.26"])
    x = x.astype(np.longdouble)
    for cells in (x, x.astype(object)):
        p = parse_numbers(cells, locale="en", errors="report")
        np.testing.assert_array_equal(p.value, [np.nan, 4.26])
        assert [c.row for c in p.invalid] == [0]
        assert "cannot hold it exactly" in p.invalid[0].reason
