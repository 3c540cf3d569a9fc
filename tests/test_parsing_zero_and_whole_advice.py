"""parse_numbers: "-0" is zero, and no advice to mean a fraction of a household.

"-0" and "Rp -0" are 0.0, never a negative zero (which a formatter writes
"-0"). A fraction of a household among counts of 1,000 or more is 3 500
written in thousands or a wrong figure: households are counted whole, so
the reason does not offer 3.5 as meant.
"""

from __future__ import annotations

import math

from povstat import parse_numbers


def test_minus_zero_is_zero() -> None:
    p = parse_numbers(["-0", "Rp -0", "-0,00"], locale="id")
    assert p.value.tolist() == [0.0, 0.0, 0.0]
    # Before, -0.0: its sign bit set.
    assert all(math.copysign(1.0, v) == 1.0 for v in p.value)


def test_a_fraction_of_households_is_not_offered_as_meant() -> None:
    # "3,5 ruta" among "3.160 ruta" (3 160): 3.5 households, or 3 500
    # written in thousands.
    p = parse_numbers(["3.160 ruta", "3,5 ruta"], locale="id", errors="report")
    reason = p.invalid[0].reason
    assert "households are counted whole, so 3.5 is not meant" in reason
    assert "'3.500' for 3500.0" in reason
    assert "if 3.5 is meant" not in reason


def test_rupiah_with_cents_may_still_be_meant() -> None:
    # "Rp 5,5" among "Rp 1.234": 5.5 rupiah (cents) or 5 500.
    p = parse_numbers(["Rp 1.234", "Rp 5,5"], locale="id", errors="report")
    assert "if 5.5 is meant, check the figure" in p.invalid[0].reason
