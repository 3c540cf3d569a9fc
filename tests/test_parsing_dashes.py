"""A dash typed for the minus sign: the reason says it is no minus sign."""

from __future__ import annotations

import pytest

import povstat as ps


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("\u201313,65", "en dash"),
        ("\u20145", "em dash"),
        ("\u20125", "figure dash"),
        ("\u20105", "hyphen"),
    ],
)
def test_a_dash_before_a_number_is_not_a_minus_sign(text: str, name: str) -> None:
    r = ps.parse_numbers([text], locale="id", errors="report")
    [cell] = r.invalid
    assert cell.reason.startswith("not a number in locale 'id'; ")
    assert f"({name}) is not a minus sign: write '-'" in cell.reason


def test_the_minus_sign_and_a_hyphen_minus_are_read() -> None:
    # U+2212 and "-" are minus signs: -13.65 both.
    r = ps.parse_numbers(["\u221213,65", "-13,65"], locale="id")
    assert r.value.tolist() == [-13.65, -13.65]
