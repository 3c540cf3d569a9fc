"""parse_numbers: "keluarga" (family) as a unit, and numbers in accounting brackets.

"2.050 keluarga" is 2 050 families, as "2.050 KK" is. "Rp (1.200)" is how
Excel's accounting format shows -1 200 rupiah: never read as negative (a
bracket may be a note), but the refusal says what it looks like.
"""

from __future__ import annotations

from typing import Literal

import pytest

from povstat import parse_numbers


def test_keluarga_is_a_count_of_families() -> None:
    # 2.050 with a thousands dot: 2 050 families (before, "not a number").
    p = parse_numbers(["2.050 keluarga", "2.050 KK", "38 Keluarga"], locale="id")
    assert p.value.tolist() == [2050.0, 2050.0, 38.0]
    assert p.unit.tolist() == ["families"] * 3


def test_a_fraction_of_keluarga_is_refused() -> None:
    p = parse_numbers(["38,5 keluarga"], locale="id", errors="report")
    assert "families are counted whole" in p.invalid[0].reason


@pytest.mark.parametrize(
    ("cell", "locale", "inner", "value", "signed"),
    [
        ("Rp (1.200)", "id", "Rp 1.200", "-1200.0", "Rp -1.200"),
        ("(Rp1.200)", "id", "Rp1.200", "-1200.0", "-Rp1.200"),
        ("(1.200)", "id", "1.200", "-1200.0", "-1.200"),
        ("(1,200)", "en", "1,200", "-1200.0", "-1,200"),
    ],
)
def test_a_number_in_brackets_is_refused_with_the_accounting_hint(
    cell: str, locale: Literal["id", "en"], inner: str, value: str, signed: str
) -> None:
    # Before: "not a number" alone.
    p = parse_numbers([cell], locale=locale, errors="report")
    assert p.invalid[0].reason == (
        f"not a number in locale {locale!r}; {inner!r} in brackets looks like "
        f"a negative number in accounting format ({value}), which is not read "
        f"as one: write the minus sign ({signed!r}) if it is negative"
    )
    # The spelling advised reads as the negative number; brackets around no
    # number get no hint.
    assert parse_numbers([signed], locale=locale).value.tolist() == [-1200.0]
    other = parse_numbers(["(abc)", "(-)"], locale=locale, errors="report")
    assert [c.reason for c in other.invalid] == [
        f"not a number in locale {locale!r}"
    ] * 2
