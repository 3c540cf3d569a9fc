"""Roman list numbers in the nesting check are the column's.

"I. JAWA TENGAH", "II. JAWA TIMUR" are read whichever groups are asked
for; a numeral of two letters or more ("II.", "XXVIII.") is a list number
even alone; a lone "I." heads a lettered list ("a. Kota Batu"); "I.1." is
a section's number and "Nomor 1" a list's.

Codes: Jawa Timur 35 and its Kota Batu 3579, Kabupaten Pacitan 3501; Jawa
Tengah 33 and its Kabupaten Cilacap 3301; Sulawesi Tenggara 74 and its
Kabupaten Buton 7404; Aceh 11 and its Kabupaten Aceh Selatan 1103.
"""

from __future__ import annotations

import pandas as pd
import pytest

from nesting import NESTED as _NESTED
from nesting import one_period_frame as _frame
from nesting import pool as _pool

_COLUMN = ["I. JAWA TENGAH", "Kabupaten Cilacap", "II. JAWA TIMUR", "Kabupaten Pacitan"]


@pytest.mark.parametrize(
    "groups",
    [
        {"Jawa Tengah": ["I. JAWA TENGAH", "Kabupaten Cilacap"]},
        {"Jawa Timur": ["II. JAWA TIMUR", "Kabupaten Pacitan"]},
        {
            "Jawa Tengah": ["I. JAWA TENGAH", "Kabupaten Cilacap"],
            "Jawa Timur": ["II. JAWA TIMUR", "Kabupaten Pacitan"],
        },
    ],
)
def test_roman_numbers_are_the_columns_whatever_the_groups(
    groups: dict[str, list[str]],
) -> None:
    with pytest.raises(ValueError, match="a province holds its regencies"):
        _pool(_frame(_COLUMN), groups=groups)


def test_a_numeral_of_two_letters_alone_is_a_list_number() -> None:
    # The rows of one province, filtered from a numbered table.
    df = _frame(["II. JAWA TIMUR", "Kabupaten Pacitan"]).assign(p="35")
    with pytest.raises(ValueError, match="'II. JAWA TIMUR' " + _NESTED):
        _pool(df, by="p")


@pytest.mark.parametrize(
    ("column", "group"),
    [
        (
            ["I. Jawa Timur", "II. Jawa Tengah", "Kota Batu"],
            ["I. Jawa Timur", "Kota Batu"],
        ),
        (
            ["I. Jawa Timur", "II. Jawa Tengah", "III. Kota Batu"],
            ["I. Jawa Timur", "III. Kota Batu"],
        ),
        (
            ["I. JAWA TIMUR", "a. Kota Batu", "b. Kota Malang"],
            ["I. JAWA TIMUR", "a. Kota Batu"],
        ),
        (["Nomor 1 Jawa Timur", "Nomor 2 Kota Batu"], None),
        (["I. Jawa Timur", "I.1. Kota Batu"], None),
        (["XXVIII. Jawa Timur", "Kota Batu"], None),
    ],
)
def test_list_numbers_of_outlines(column: list[str], group: list[str] | None) -> None:
    with pytest.raises(ValueError, match="a province holds its regencies"):
        _pool(_frame(column), groups={"G": column if group is None else group})


def test_a_lone_capital_letter_is_still_an_initial() -> None:
    # "V. Kota" is no region read: nothing nested, 1 + 1 = 2.
    out = _pool(
        _frame(["V. Kota", "Kota Batu"]), groups={"G": ["V. Kota", "Kota Batu"]}
    )
    assert out.pooled_headcount.iloc[0] == pytest.approx(2.0)


def _roman(n: int) -> str:
    out = ""
    for v, r in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
        while n >= v:
            out += r
            n -= v
    return out


def test_numerals_up_to_the_38_provinces() -> None:
    from povstat.datasets import indonesia_regions

    regions = indonesia_regions()
    provinces = regions[regions.region_code.str.len() == 2].sort_values("region_code")
    assert len(provinces) == 38  # XXXVIII. Papua Barat Daya (96) the last
    numbered = [
        f"{_roman(i)}. {n}" for i, n in enumerate(provinces.region_name, start=1)
    ]
    assert numbered[27] == "XXVIII. Sulawesi Tenggara"
    column = [*numbered, "Kabupaten Aceh Selatan", "Kabupaten Buton"]
    df = _frame(column)
    for group in (
        ["I. Aceh", "Kabupaten Aceh Selatan"],
        ["XXVIII. Sulawesi Tenggara", "Kabupaten Buton"],
    ):
        with pytest.raises(ValueError, match="a province holds its regencies"):
            _pool(df, groups={"G": group})


def test_check_statements_reads_the_numbering_of_the_whole_column() -> None:
    from povstat.statements import check_statements

    # Only group 'a' is ranked in; its "I." is a list number because the
    # column runs I, II (the "II." is in group 'b'). Rates (March 2023,
    # BPS): Jawa Timur 10.35, Kota Batu 3.31, Jawa Tengah 10.77, Kota
    # Semarang 4.23; thousands poor 4,188.81, 7.10, 3,791.50, 80.53.
    data = pd.DataFrame(
        {
            "region_name": [
                "I. Jawa Timur",
                "Kota Batu",
                "II. Jawa Tengah",
                "Kota Semarang",
            ],
            "g": ["a", "a", "b", "b"],
            "period": pd.Timestamp("2023-03-01"),
            "poverty_rate_pct": [10.35, 3.31, 10.77, 4.23],
            "poor_thousands": [4188.81, 7.10, 3791.50, 80.53],
        }
    )
    st = pd.DataFrame(
        {
            "kind": ["rank"],
            "region": ["Kota Batu"],
            "period": [pd.Timestamp("2023-03-01")],
            "stated_rank": [1],
            "descending": [False],
        }
    )
    with pytest.raises(ValueError, match="'I. Jawa Timur' " + _NESTED):
        check_statements(
            st,
            data,
            unit="percent",
            persons_per_poor_unit=1000,
            region="region_name",
            by="g",
        )
