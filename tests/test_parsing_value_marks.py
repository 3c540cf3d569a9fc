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
    # A negative in brackets and a stray letter are no marked numbers.
    p = parse_numbers(["(0,25)", "12a"], locale="id", errors="report")
    assert [c.reason for c in p.invalid] == ["not a number in locale 'id'"] * 2


def test_table_value_with_mark_refused_with_hint() -> None:
    text = "Kabupaten/Kota;2022;2023\nKota Malang;4,37;4,26*\nKota Batu;3,79;3,31*\n"
    with pytest.raises(NumberParseError, match="looks like a footnote mark"):
        read_bps_table(io.StringIO(text), locale="id", sep=";")
