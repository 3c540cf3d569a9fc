"""parse_numbers: percentage points written with "%" ("% poin", "%-poin")."""

from __future__ import annotations

import io

import numpy as np
import pytest

from povstat import NumberParseError, parse_numbers, read_bps_table


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "%" stands for "persen" in "persen poin": percentage points, as
        # "1,2 persen poin" is (1,2 is 1.2 in locale "id").
        ("1,2 % poin", 1.2),
        ("1,2 %poin", 1.2),
        ("1,2%-poin", 1.2),
        ("1,2 %  poin", 1.2),
        ("1,2 % POIN", 1.2),
        ("1,2 poin %", 1.2),  # as "poin persen"
        ("-0,35 % poin", -0.35),
        ("1,2 persen poin", 1.2),
        ("1,2 poin persen", 1.2),
    ],
)
def test_percent_sign_and_points_are_percentage_points(text: str, value: float) -> None:
    got = parse_numbers([text], locale="id")
    assert got.value.tolist() == [value]
    assert got.unit.tolist() == ["points"]


def test_the_percent_sign_alone_is_still_percent() -> None:
    got = parse_numbers(["1,2 %", "1,2%"], locale="id")
    np.testing.assert_array_equal(got.unit, ["percent", "percent"])


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # Points and a percent written apart, or twice: still refused.
        ("1,2 % % poin", "conflicting units: percent, points"),
        ("1,2 % poin persen", "conflicting units: percent, points"),
        ("1,2 % poin pp", "a unit written more than once"),
        ("1,2 %-poinx", "not a number"),
    ],
)
def test_other_mixes_stay_invalid(text: str, why: str) -> None:
    with pytest.raises(NumberParseError, match=why):
        parse_numbers([text], locale="id")


def test_a_unit_row_of_percent_points_agrees_with_persen_poin() -> None:
    # "(% poin)" over 2022 and "(persen poin)" over 2023 state one unit:
    # the table is read, 1,2 and 1,3 as written.
    text = "Kabupaten/Kota;2022;2023\n;(% poin);(persen poin)\nPacitan;1,2;1,3\n"
    got = read_bps_table(io.StringIO(text), locale="id", sep=";").data
    assert got["value"].tolist() == [1.2, 1.3]
