"""A province's code after its name, read alike by read_bps_table and the nesting check.

One reader (``povstat.tables.trailing_codes``) reads a code after a name
for every caller: a province's two digits after a dash or minus sign, in
full-width brackets, or in brackets after "Kode" ("Jawa Timur \u2013 35",
"Jawa Timur\uff0835\uff09", "Jawa Timur (Kode 35)"), never after a space
alone. ``without_footnote_mark`` leaves a bracket opening with "Kode"
alone: its "35)" is the code, no footnote mark.

Figures: BPS, percentage of poor people, March 2023 (the rows JAWA TIMUR
and Kota Surabaya of ``bps_p0_kabkota_2004_2025.csv``): Jawa Timur 10.35,
Kota Surabaya 4.65. Codes: Jawa Timur 35, Kota Surabaya 3578, Bali 51.
"""

from __future__ import annotations

import io

import pytest

import povstat as P
from nesting import NESTED, province_and_city
from povstat.frames._checks import _name_keys, _region_names
from povstat.tables import without_footnote_mark

CODED = [
    "Jawa Timur \u2013 35",  # an en dash
    "Jawa Timur - 35",
    "Jawa Timur \u2212 35",  # a minus sign
    "Jawa Timur\uff0835\uff09",  # full-width brackets
    "Jawa Timur (Kode 35)",
    "Jawa Timur (kode: 35)",
    "Jawa Timur (Kode 35)*",  # a footnote mark after the code
    "Jawa Timur (Kode 35) 1)",
]


def _read(label: str) -> P.BpsTable:
    text = f'Provinsi/Kabupaten/Kota,2023\n"{label}",10.35\nKota Surabaya,4.65\n'
    return P.read_bps_table(io.StringIO(text), locale="en", errors="report")


@pytest.mark.parametrize("label", CODED)
def test_read_bps_table_reads_the_province_code(label: str) -> None:
    table = _read(label)
    assert table.unmatched.empty
    assert table.data["region_code"].tolist() == ["35", "3578"]
    assert table.data["region_name"].iloc[0] == "Jawa Timur"
    assert table.data["value"].tolist() == [10.35, 4.65]


@pytest.mark.parametrize("label", CODED)
def test_the_nesting_check_reads_the_same_code(label: str) -> None:
    assert _region_names().get(_name_keys([label])[label]) == "35"
    with pytest.raises(ValueError, match=NESTED) as err:
        P.aggregate_regions(
            province_and_city(label, "Kota Surabaya"),
            by="g",
            region="region_name",
            unit="percent",
        )
    assert f"holds region {label!r}" in str(err.value)


@pytest.mark.parametrize("label", ["Jawa Timur \u2013 51", "Jawa Timur (Kode 51)"])
def test_a_code_of_another_province_is_read_by_neither(label: str) -> None:
    # 51 is Bali: the code and the name disagree, so the label is not read
    # as Jawa Timur by either.
    table = _read(label)
    assert table.unmatched["label"].tolist() == [label]
    assert "51 Bali" in table.unmatched["reason"].iloc[0]
    assert _region_names().get(_name_keys([label])[label]) is None


def test_two_digits_after_a_space_are_no_code() -> None:
    table = _read("Jawa Timur 35")
    assert table.unmatched["label"].tolist() == ["Jawa Timur 35"]
    assert "'35'" in table.unmatched["reason"].iloc[0]


def test_a_kode_bracket_is_no_footnote_mark() -> None:
    assert without_footnote_mark("Jawa Timur (Kode 35)") == "Jawa Timur (Kode 35)"
    assert without_footnote_mark("Jawa Timur (kode: 35)") == "Jawa Timur (kode: 35)"
    # The mark after the code is one.
    assert without_footnote_mark("Kota Batu (Kode 3579) 1)") == "Kota Batu (Kode 3579)"
    # Two digits in brackets without "Kode" are a mark, as "(1)" is.
    assert without_footnote_mark("Jawa Timur (35)") == "Jawa Timur"
