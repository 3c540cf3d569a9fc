"""A roman list number typed without a space, in brackets or with a colon.

"I.ACEH", "XV.JAWA TIMUR", "(V) JAMBI", "[V] JAMBI", "V: JAMBI" number a
province as "I. ACEH" and "V. JAMBI" do, as "1.ACEH" and "(5) JAMBI" are
list numbers: the province sits beside its own cities and is refused in
one group with them. March 2023 (BPS), poor (thousands): Aceh 806.75, Kota
Banda Aceh 19.94, Kota Lhokseumawe 23.10; Riau 485.66, Jambi 280.68.
Initials ("D. I. Yogyakarta", "D.I. Yogyakarta", "DI Yogyakarta") are no
numbers.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from nesting import NESTED as _NESTED
from nesting import pool_regions as _pool
from povstat import read_bps_table, with_ranks
from povstat.tables import leading_numbers

_FORMS = [
    ("I.ACEH", "1.Kota Banda Aceh", "2.Kota Lhokseumawe"),
    ("(I) ACEH", "(1) Kota Banda Aceh", "(2) Kota Lhokseumawe"),
    ("[I] ACEH", "1. Kota Banda Aceh", "2. Kota Lhokseumawe"),
    ("I: ACEH", "1. Kota Banda Aceh", "2. Kota Lhokseumawe"),
    ("I.- ACEH", "1. Kota Banda Aceh", "2. Kota Lhokseumawe"),
    ("I - ACEH", "1. Kota Banda Aceh", "2. Kota Lhokseumawe"),
    ("V.ACEH", "1. Kota Banda Aceh", "2. Kota Lhokseumawe"),
    ("XV.ACEH", "1. Kota Banda Aceh", "2. Kota Lhokseumawe"),
]


def _frame(labels: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": labels,
            "rate": [14.45, 7.04, 10.73][: len(labels)],
            "poor": [806.75, 19.94, 23.10][: len(labels)],
            "period": 2023,
        }
    )


@pytest.mark.parametrize("labels", _FORMS)
def test_a_roman_numbered_province_beside_its_cities_is_refused(
    labels: tuple[str, ...],
) -> None:
    df = _frame(list(labels))
    with pytest.raises(ValueError, match=_NESTED):
        _pool(df, list(labels))
    with pytest.raises(ValueError, match=_NESTED):
        with_ranks(df, descending=True, rate="rate", region="region")
    # The cities alone pool: 19.94 + 23.10 = 43.04 thousand.
    assert _pool(df, list(labels[1:])).pooled_headcount.iloc[0] == (
        pytest.approx(43.04)
    )


@pytest.mark.parametrize(
    ("labels", "names"),
    [
        (
            ["V.JAMBI", "(V) JAMBI", "[V] JAMBI", "V: JAMBI", "XV.JAWA TIMUR"],
            ["JAMBI", "JAMBI", "JAMBI", "JAMBI", "JAWA TIMUR"],
        ),
        (
            ["D. I. Yogyakarta", "D.I. Yogyakarta", "DI Yogyakarta", "V.Kota"],
            ["D. I. Yogyakarta", "D.I. Yogyakarta", "DI Yogyakarta", "V.Kota"],
        ),
        # A section's number under a roman numeral is kept whole.
        (["I.1. Kota Batu", "I.2. Kota Malang"], ["Kota Batu", "Kota Malang"]),
    ],
)
def test_leading_numbers_reads_the_numeral(labels: list[str], names: list[str]) -> None:
    assert leading_numbers(labels)["name"].tolist() == names


@pytest.mark.parametrize(
    "province", ["D. I. Yogyakarta", "D.I. Yogyakarta", "DI Yogyakarta"]
)
def test_initials_still_name_yogyakarta_beside_its_city(province: str) -> None:
    # The province 34 beside Kota Yogyakarta (3471) is refused in one group.
    df = _frame([province, "Kota Yogyakarta"])
    with pytest.raises(ValueError, match=_NESTED):
        _pool(df, [province, "Kota Yogyakarta"])


def test_read_bps_table_reads_unspaced_and_bracketed_numerals() -> None:
    text = (
        "Provinsi;2023\n;(persen)\n"
        "IV.RIAU;6,68\n(V) JAMBI;7,58\n[X] KEPULAUAN RIAU;5,69\n"
        "XV.JAWA TIMUR;10,35\nXI: DKI JAKARTA;4,44\n"
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert len(t.unmatched) == 0
    assert t.data["region_code"].tolist() == ["14", "15", "21", "35", "31"]
