"""parse_numbers: households written in the cell, and the accounting zero "Rp -".

Households are a count in ones, as persons are: "38 ruta" is 38 households,
"1.234 ruta" 1 234 (a thousands dot, no decimals), and a fraction of one is
refused. "KK" (kepala keluarga) counts families, a unit of its own. "Rp -"
is the zero Excel's Accounting format shows for rupiah, as a sheet saved as
CSV writes it: 0 rupiah; "-" alone stays missing.
"""

from __future__ import annotations

import math

import pytest

from povstat import parse_numbers


@pytest.mark.parametrize(
    ("cells", "locale", "expected"),
    [
        # "1.234 ruta": 1 234; "12 rumah tangga": 12.
        (["1.234 ruta", "12 rumah tangga"], "id", [1234.0, 12.0]),
        # English: "1,234 households" is 1 234; "1 household" is 1.
        (["1,234 households", "1 household"], "en", [1234.0, 1.0]),
        # A multiplier scales households as it does persons: 2.05 x 1000.
        (["2,05 ribu ruta"], "id", [2050.0]),
    ],
)
def test_households_in_the_cell_are_read(
    cells: list[str], locale: str, expected: list[float]
) -> None:
    p = parse_numbers(cells, locale=locale)  # type: ignore[arg-type]
    assert p.value.tolist() == expected
    assert p.unit.tolist() == ["households"] * len(cells)


def test_a_fraction_of_households_is_refused() -> None:
    # 4.5 households is no count in ones; "38 ruta" beside it is read.
    p = parse_numbers(["38 ruta", "4,5 ruta"], locale="id", errors="report")
    assert [c.text for c in p.invalid] == ["4,5 ruta"]
    assert "a count in ones (households) with a fraction" in p.invalid[0].reason


@pytest.mark.parametrize(
    ("cells", "locale", "expected"),
    [
        # "38 KK": 38; "2.050 KK": 2 + 050 -> 2 050 (a thousands dot, "id");
        # "5 kepala keluarga": 5.
        (["38 KK", "2.050 KK", "5 kepala keluarga"], "id", [38.0, 2050.0, 5.0]),
        # English: "1,234 families" is 1 234; "1 family" is 1.
        (["1,234 families", "1 family"], "en", [1234.0, 1.0]),
    ],
)
def test_kk_counts_families_not_households(
    cells: list[str], locale: str, expected: list[float]
) -> None:
    # KK (kepala keluarga) are the heads of families; a household may hold
    # several families, so a count in KK is a unit of its own (before,
    # "households").
    p = parse_numbers(cells, locale=locale)  # type: ignore[arg-type]
    assert p.value.tolist() == expected
    assert p.unit.tolist() == ["families"] * len(cells)


def test_a_fraction_of_families_is_refused() -> None:
    p = parse_numbers(["38 KK", "4,5 KK"], locale="id", errors="report")
    assert [c.text for c in p.invalid] == ["4,5 KK"]
    assert "a count in ones (families) with a fraction" in p.invalid[0].reason


@pytest.mark.parametrize("zero", ["Rp -", "Rp-", "Rp.  -", "IDR -", "Rp\u00a0-"])
def test_the_rupiah_accounting_zero_is_zero(zero: str) -> None:
    # Excel's rupiah Accounting format shows 0 as "Rp -": 0 rupiah, beside
    # "Rp 512.345" (512 345 rupiah).
    p = parse_numbers(["Rp 512.345", zero], locale="id")
    assert p.value.tolist() == [512345.0, 0.0]
    assert p.unit.tolist() == ["rupiah", "rupiah"]


def test_a_dash_alone_stays_missing_and_the_zero_can_be_missing_too() -> None:
    # "-" alone is BPS's nil, missing by default; "Rp -" named in `missing`
    # is missing as any text named there is.
    p = parse_numbers(["-", "Rp -"], locale="en")
    assert math.isnan(p.value[0])
    assert p.value[1] == 0.0
    q = parse_numbers(["Rp -"], locale="id", missing=["Rp -"])
    assert math.isnan(q.value[0])


def test_only_the_currency_and_one_dash_is_the_zero() -> None:
    # "Rp -" is 0; a double dash, a dash before a number, a dash before the
    # currency or an en dash is no accounting zero and stays refused.
    others = ["Rp --", "Rp - 5", "- Rp", "Rp \u2013"]
    p = parse_numbers(["Rp -", *others], locale="id", errors="report")
    assert p.value[0] == 0.0
    assert [c.text for c in p.invalid] == others
    assert all(c.reason.startswith("not a number in locale 'id'") for c in p.invalid)
