"""A footnote mark after a value is named in the reason it is not a number."""

from __future__ import annotations

import io

import pytest

from povstat import NumberParseError, parse_numbers, read_bps_table


@pytest.mark.parametrize(
    ("text", "number", "mark"),
    [
        ("4,26*", "4,26", "*"),
        ("521.542*)", "521.542", "*)"),
        ("613,985\u00b9", "613,985", "\u00b9"),
        ("4,26 r)", "4,26", "r)"),
        ("4,26 1)", "4,26", "1)"),
        # BPS's letters against the number (revised, estimated, preliminary)
        # and a dagger: before, only "not a number in locale 'id'".
        ("4,26r", "4,26", "r"),
        ("4,26e", "4,26", "e"),
        ("4,26p", "4,26", "p"),
        ("4,26\u2020", "4,26", "\u2020"),
    ],
)
def test_marked_value_reason_names_the_mark(text: str, number: str, mark: str) -> None:
    # Before, only "not a number in locale 'id'".
    p = parse_numbers([text], locale="id", errors="report")
    reason = p.invalid[0].reason
    assert reason.startswith("not a number in locale 'id': ")
    assert f"{mark!r} after the number {number!r} looks like a footnote mark" in reason


def test_unmarked_bad_cells_unchanged() -> None:
    # A negative in brackets and a stray letter are no marked numbers (the
    # brackets get the accounting-format hint, never a footnote mark's).
    p = parse_numbers(["(0,25)", "12a"], locale="id", errors="report")
    reasons = [c.reason for c in p.invalid]
    assert reasons[1] == "not a number in locale 'id'"
    assert reasons[0].startswith("not a number in locale 'id'; '0,25' in brackets")
    assert not any("footnote mark" in r for r in reasons)


def test_table_value_with_mark_refused_with_hint() -> None:
    text = "Kabupaten/Kota;2022;2023\nKota Malang;4,37;4,26*\nKota Batu;3,79;3,31*\n"
    with pytest.raises(NumberParseError, match="looks like a footnote mark"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        # A letter mark after a space, as typed in releases.
        ("4,26 r", "r"),
        ("4,26 e", "e"),
        ("4,26 p", "p"),
        # Marks raised as a spreadsheet's superscript is read: modifier
        # letters r, e, p (U+02B3, U+1D49, U+1D56), a raised "1)" (U+00B9,
        # U+207E) and a raised "*)" ("*", U+207E).
        ("4,26\u02b3", "\u02b3"),
        ("4,26\u1d49", "\u1d49"),
        ("4,26\u1d56", "\u1d56"),
        ("4,26\u00b9\u207e", "\u00b9\u207e"),
        ("4,26*\u207e", "*\u207e"),
    ],
)
def test_spaced_and_raised_marks_named(text: str, mark: str) -> None:
    # Before: a bare "not a number" or "... is not ASCII" reason.
    reason = parse_numbers([text], locale="id", errors="report").invalid[0].reason
    assert reason.startswith(
        f"not a number in locale 'id': {mark!r} after the number '4,26' looks "
        "like a footnote mark"
    )
    assert "not ASCII" not in reason


def test_raised_marks_in_an_xlsx_named() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    raised = InlineFont(vertAlign="superscript")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kabupaten/Kota", 2022, 2023])
    first: list[str | TextBlock] = ["13,65", TextBlock(raised, "r")]
    second: list[str | TextBlock] = ["3,31", TextBlock(raised, "1)")]
    ws.append(["Pacitan", "13,80", CellRichText(first)])
    ws.append(["Kota Batu", "3,79", CellRichText(second)])
    book = io.BytesIO()
    wb.save(book)
    book.seek(0)
    t = read_bps_table(book, locale="id", month=3, errors="report")
    assert [(c.text, c.reason.split(" looks")[0]) for c in t.invalid] == [
        (
            "13,65\u02b3",
            "not a number in locale 'id': '\u02b3' after the number '13,65'",
        ),
        (
            "3,31\u00b9\u207e",
            "not a number in locale 'id': '¹⁾' after the number '3,31'",
        ),
    ]
