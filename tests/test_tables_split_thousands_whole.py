"""A short en row whose one whole number has an unquoted thousands comma.

"Kota Batu,642,778" (2025 not yet typed, no trailing field) writes as many
fields as the header and was read as 642 and 778. Where every other value
of both columns is 1,000 or more (grouped or not), a value of one to three
digits right before one of exactly three is the split a thousands comma
leaves: a UserWarning names both readings, as for "3,982.69" (the one rule
of ``_check_split_thousands``).

Figures: Garis Kemiskinan (Rupiah/Kapita/Bulan), bps_gk_kabkota_2024.csv
and _2025.csv: JAWA TIMUR 536122 / 558029, Pacitan 370643 / 386174, Kota
Batu 642778 / 671273.
"""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest

from povstat import read_bps_table

_HEAD = "Provinsi/Kabupaten/Kota,Garis Kemiskinan (Rupiah/Kapita/Bulan),\n,2024,2025\n"
_PLAIN = "JAWA TIMUR,536122,558029\nPacitan,370643,386174\n"
_GROUPED = 'JAWA TIMUR,"536,122","558,029"\nPacitan,"370,643","386,174"\n'


def _warnings(text: str) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(io.StringIO(text), locale="en", month=3)
    return [str(w.message) for w in caught if "thousands comma" in str(w.message)]


# The values of 1,000 or more with two decimals, plain or grouped in quotes.
_DECIMALS = "JAWA TIMUR,536122.00,558029.00\nPacitan,370643.00,386174.00\n"
_GROUPED_DECIMALS = (
    'JAWA TIMUR,"536,122.00","558,029.00"\nPacitan,"370,643.00","386,174.00"\n'
)


@pytest.mark.parametrize(
    ("others", "a", "b"),
    [
        (_PLAIN, "642", "778"),
        (_GROUPED, "642", "778"),
        # "Kota Batu,642,778.00" (GK 2024 = 642778 written with two decimals,
        # 2025 not yet typed): "642" and "778.00" are alike (neither more
        # than twice the other), so the series rule alone stays silent, but
        # every other value of both columns is 1,000 or more: a column of
        # rupiah lines holds no 642 beside 778.00, while "642,778.00" split
        # is them.
        (_DECIMALS, "642", "778.00"),
        (_GROUPED_DECIMALS, "642", "778.00"),
    ],
    ids=["plain", "grouped", "decimals", "grouped-decimals"],
)
def test_a_split_whole_number_is_named_with_both_readings(
    others: str, a: str, b: str
) -> None:
    said = _warnings(f"{_HEAD}{others}Kota Batu,{a},{b}\n")
    assert len(said) == 1
    # Row 5 of the file: a and b, or one number a followed by b's digits
    # (642778, the source's).
    assert said[0].startswith(f"row 5 holds '{a}' right before '{b}'")
    assert f"read as two values, {a} and {b}" in said[0]
    assert f"one number, {a}{b}, written '{a},{b}'" in said[0]


def test_the_advice_followed_reads_the_number() -> None:
    # Quoted, with the missing 2025 as an empty field: 642778, 2025 missing.
    text = _HEAD + _PLAIN + 'Kota Batu,"642,778",\n'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(io.StringIO(text), locale="en", month=3)
    value = t.data["value"]
    assert value.iloc[4] == 642778
    assert pd.isna(value.iloc[5])


@pytest.mark.parametrize(
    "rows",
    [
        # The source's figures: no warning.
        _PLAIN + "Kota Batu,642778,671273\n",
        # Small values elsewhere in the column (counts in thousands): a
        # 642 beside 778 is a table's pair, no split.
        "JAWA TIMUR,3982,3893\nPacitan,73,72\nKota Batu,642,778\n",
        # The second value not of three digits.
        _PLAIN + "Kota Batu,642,7780\n",
    ],
)
def test_no_warning_without_the_split_pattern(rows: str) -> None:
    assert _warnings(_HEAD + rows) == []


def test_alike_values_of_a_series_are_no_split() -> None:
    # bps_poor_kabkota_2004_2025.csv (ribu jiwa), Tulangbawang 2004-2007:
    # 126.3, 122, 106.1, 103.6 -- "122" (122.0 written without decimals)
    # right before "106.1" is a series, not "122,106.1" split: neither is
    # more than twice the other (BPS's file holds 126 such pairs).
    text = (
        "Provinsi/Kabupaten/Kota,Jumlah Penduduk Miskin (Ribu Jiwa),,,\n"
        ",2004,2005,2006,2007\nTulangbawang,126.3,122,106.1,103.6\n"
    )
    assert _warnings(text) == []
    # "3" right before "982.69" (3,982.69 split) still warns: 982.69 is
    # more than twice 3.
    assert len(_warnings(text.replace("122,106.1", "3,982.69"))) == 1
