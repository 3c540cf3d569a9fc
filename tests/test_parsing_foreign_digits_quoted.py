"""Numbers in other digits quoted as written; look-alike percent signs (sheets30 F7).

A number written in Arabic-Indic (or full-width, Persian, Devanagari)
digits is refused, and its reason quoted the set of distinct digits:
"٢٠٢٣" (2023) as '٢٠٣', which reads as another number. It now quotes the
number as written in the cell, and what it reads as in ASCII digits
('2023'), the Arabic decimal separator written as the locale's mark.

A percent sign that is not "%" (the Arabic percent sign U+066A, the
full-width U+FF05, the small U+FE6A) got only "not a number": the reason now
names the sign and says to write "%", with the cell so written. The per
mille sign (U+2030) and per ten thousand sign (U+2031) are other units,
never read as percent: the reason says so, with the figure in percent.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import parse_numbers, read_bps_table


def _reason(text: str, locale: str) -> str:
    p = parse_numbers([text], locale=locale, errors="report")  # type: ignore[arg-type]
    assert np.isnan(p.value[0])
    (cell,) = p.invalid
    return cell.reason


def test_a_year_in_arabic_indic_digits_is_quoted_as_written() -> None:
    # "٢٠٢٣" is 2023: two, zero, two, three; never '٢٠٣'.
    reason = _reason("\u0662\u0660\u0662\u0663", "id")
    assert "the digits of '\u0662\u0660\u0662\u0663' are Arabic-Indic digits" in reason
    assert "'\u0662\u0660\u0663'" not in reason
    assert "as '2023' it would read 2023.0" in reason
    assert parse_numbers(["2023"], locale="id").value.tolist() == [2023.0]


@pytest.mark.parametrize(
    ("text", "locale", "quoted", "ascii_text", "value"),
    [
        # 13,65 with the Arabic decimal separator (U+066B): the locale's mark.
        (
            "\u0661\u0663\u066b\u0666\u0665",
            "id",
            "\u0661\u0663\u066b\u0666\u0665",
            "13,65",
            13.65,
        ),
        (
            "\u0661\u0663\u066b\u0666\u0665",
            "en",
            "\u0661\u0663\u066b\u0666\u0665",
            "13.65",
            13.65,
        ),
        # Full-width digits and comma, read in locale "id" as typed.
        (
            "\uff11\uff13\uff0c\uff16\uff15",
            "id",
            "\uff11\uff13\uff0c\uff16\uff15",
            "13,65",
            13.65,
        ),
        # A minus sign before the number stays out of the quoted digits.
        ("-\u0664,\u0662\u0666", "id", "\u0664,\u0662\u0666", "-4,26", -4.26),
        # Persian digits.
        (
            "\u06f1\u06f3,\u06f6\u06f5",
            "id",
            "\u06f1\u06f3,\u06f6\u06f5",
            "13,65",
            13.65,
        ),
    ],
)
def test_the_number_is_quoted_and_read_in_ascii_digits(
    text: str, locale: str, quoted: str, ascii_text: str, value: float
) -> None:
    reason = _reason(text, locale)
    assert f"the digits of {quoted!r} are " in reason
    assert "numbers are read in ASCII digits only" in reason
    assert f"as {ascii_text!r} it would read {value!r}" in reason
    # As printed, it reads so.
    assert parse_numbers([ascii_text], locale=locale).value.tolist() == [value]  # type: ignore[arg-type]


def test_one_other_digit_among_ascii_ones_is_named_in_its_number() -> None:
    reason = _reason("1\u0663,65", "id")
    assert "'\u0663' in '1\u0663,65' is an Arabic-Indic digit" in reason
    assert "as '13,65' it would read 13.65" in reason


def test_ascii_digits_read_in_the_other_convention_say_so() -> None:
    # 13.65 in full-width digits and full stop: a number in "en", not in "id".
    reason = _reason("\uff11\uff13\uff0e\uff16\uff15", "id")
    assert "as '13.65' it would read 13.65 in locale 'en'" in reason


@given(st.integers(0, 10**6), st.sampled_from([0x0660, 0x06F0, 0xFF10, 0x0966]))
def test_any_whole_number_is_quoted_whole(n: int, zero: int) -> None:
    written = "".join(chr(zero + int(d)) for d in str(n))
    reason = _reason(written, "en")
    assert f"{written!r}" in reason
    assert f"as '{n}' it would read {float(n)!r}" in reason


@pytest.mark.parametrize(
    ("sign", "name"),
    [
        ("\u066a", "Arabic percent sign"),
        ("\uff05", "fullwidth percent sign"),
        ("\ufe6a", "small percent sign"),
    ],
)
@pytest.mark.parametrize(("locale", "number"), [("id", "13,65"), ("en", "13.65")])
def test_a_look_alike_percent_sign_is_named(
    sign: str, name: str, locale: str, number: str
) -> None:
    reason = _reason(f"{number}{sign}", locale)
    assert f"{sign!r} ({name}) is not the percent sign: write '%'" in reason
    assert f"as '{number}%' it would read 13.65" in reason
    fixed = parse_numbers([f"{number}%"], locale=locale)  # type: ignore[arg-type]
    assert (fixed.value.tolist(), fixed.unit.tolist()) == ([13.65], ["percent"])


@pytest.mark.parametrize(
    ("text", "locale", "sign", "written", "value"),
    [
        # 13,65 per mille is 1,365 percent; 12 per ten thousand 0,12 percent.
        ("13,65\u2030", "id", "'\u2030' (per mille sign)", "1,365%", 1.365),
        ("13.65 \u2030", "en", "'\u2030' (per mille sign)", "1.365%", 1.365),
        ("12\u2031", "id", "'\u2031' (per ten thousand sign)", "0,12%", 0.12),
    ],
)
def test_per_mille_is_never_read_as_percent(
    text: str, locale: str, sign: str, written: str, value: float
) -> None:
    reason = _reason(text, locale)
    assert f"{sign} is no percent sign and is not read as one" in reason
    assert f"({written!r} for {text!r})" in reason
    assert parse_numbers([written], locale=locale).value.tolist() == [value]  # type: ignore[arg-type]


def test_a_table_cell_with_the_arabic_percent_sign_is_named() -> None:
    # BPS P0 Pacitan 2023, 13.65 (bps_p0_kabkota_2004_2025.csv).
    text = "Kabupaten/Kota;2023\nPacitan;13,65\u066a\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    (cell,) = t.invalid
    assert "(Arabic percent sign) is not the percent sign: write '%'" in cell.reason
    assert "as '13,65%' it would read 13.65" in cell.reason
