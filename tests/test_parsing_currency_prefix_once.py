"""parse_numbers: the currency before an amount is one grammar.

"Rp", "Rp.", "IDR" and "IDR." are read alike before a number ("IDR.
1.200" is 1200 rupiah, as "Rp. 1.200" is), and before a number in
brackets each gets the accounting-format hint ("IDR. (1.200)" looks like
-1200 written as an accounting format shows it), never a bare "not a
number" (before, "IDR." was read in brackets only, so the hint was lost).
"""

from __future__ import annotations

import pytest

from povstat import parse_numbers


@pytest.mark.parametrize("cur", ["Rp", "Rp.", "IDR", "IDR."])
def test_a_currency_prefix_reads(cur: str) -> None:
    got = parse_numbers([f"{cur} 1.200", f"{cur}1.200"], locale="id")
    # By hand: "1.200" in locale "id" is 1200 (a thousands dot), in rupiah.
    assert got.value.tolist() == [1200.0, 1200.0]
    assert got.unit.tolist() == ["rupiah", "rupiah"]


@pytest.mark.parametrize("cur", ["Rp", "Rp.", "IDR", "IDR."])
def test_a_bracketed_amount_gets_the_accounting_hint(cur: str) -> None:
    got = parse_numbers([f"{cur} (1.200)"], locale="id", errors="report")
    (bad,) = got.invalid
    assert "looks like a negative number in accounting format (-1200.0)" in bad.reason
    assert f"write the minus sign ('{cur} -1.200')" in bad.reason
