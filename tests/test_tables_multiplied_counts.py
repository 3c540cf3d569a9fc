"""A count with a multiplier among decimal commas is judged as ambiguous."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from povstat import (
    BpsTable,
    NumberParseError,
    parse_columns,
    parse_numbers,
    read_bps_table,
)


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "unit", ["ribu jiwa", "ribu orang", "juta jiwa", "ribu rupiah"]
)
def test_a_multiplied_count_with_one_thousands_dot_is_refused(unit: str) -> None:
    # "8.160 ribu jiwa" reads 8160 thousand (8 160 000) by the grammar, but
    # 8.16 thousand (8 160) if the dot was meant as a decimal point; the
    # other cells are written with a decimal comma (75,86 and 35,40): which
    # is meant is a guess, as for "8.160 ribu".
    text = (
        f"Kabupaten/Kota;2023\nPacitan;75,86 {unit}\nKota Batu;8.160 {unit}\n"
        f"Kota Malang;35,40 {unit}\n"
    )
    with pytest.raises(NumberParseError, match=r"thousands dot and no decimals"):
        _read(text)
    t = _read(text, errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(3, f"8.160 {unit}")]
    assert np.isnan(t.data["value"].iloc[1])


def test_parse_numbers_and_parse_columns_refuse_it_too() -> None:
    # 1,5 juta = 1 500 000; "4.375 juta jiwa" is 4 375 000 000 or 4 375 000.
    with pytest.raises(NumberParseError, match=r"4\.375 juta jiwa"):
        parse_numbers(["1,5 juta jiwa", "4.375 juta jiwa"], locale="id")
    p = parse_numbers(
        ["1,5 juta jiwa", "4.375 juta jiwa"], locale="id", errors="report"
    )
    assert p.value[0] == 1.5e6
    assert np.isnan(p.value[1])
    with pytest.raises(NumberParseError, match=r"thousands dot"):
        parse_columns(
            pd.DataFrame({"n": ["75,86 ribu orang", "8.160 ribu orang"]}),
            ["n"],
            locale="id",
        )


def test_a_count_without_a_multiplier_still_reads() -> None:
    # "8.160 jiwa" is a count in ones (no decimals in a count): 8160.
    p = parse_numbers(["75,86 ribu jiwa", "8.160 jiwa"], locale="id", errors="report")
    assert p.value[1] == 8160.0
