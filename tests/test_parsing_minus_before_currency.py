"""parse_numbers: a minus sign before the currency, as Excel shows a negative amount.

Excel's Indonesian Currency and Accounting formats (``-[$Rp-421]* #,##0``)
show -1200 as "-Rp1.200" or "-Rp 1.200", and a sheet saved as CSV writes
that text: -1200 rupiah, as the stored number is read from the workbook.
"""

from __future__ import annotations

from povstat import parse_numbers


def test_a_minus_before_the_currency_is_the_sign() -> None:
    # "-Rp1.200": -(1 200); "-Rp 1.200,50": -(1 200.50); "\u2212Rp1.200"
    # with the minus sign U+2212; before, each was not a number.
    p = parse_numbers(["-Rp1.200", "-Rp 1.200,50", "\u2212Rp1.200"], locale="id")
    assert p.value.tolist() == [-1200.0, -1200.5, -1200.0]
    assert p.unit.tolist() == ["rupiah"] * 3
    # English: "-Rp1,200.50" is -(1 200.50).
    assert parse_numbers(["-Rp1,200.50"], locale="en").value.tolist() == [-1200.5]


def test_two_signs_or_a_dash_apart_are_refused() -> None:
    # A sign before and after the currency; a dash apart from the currency
    # (a nil mark beside a figure?); a minus and the currency alone.
    cells = ["-Rp -1.200", "- Rp 1.200", "-Rp"]
    p = parse_numbers(cells, locale="id", errors="report")
    assert [c.text for c in p.invalid] == cells
    assert p.invalid[0].reason == "a sign written twice, before and after the currency"
