"""read_bps_table: unit rows with a footnote mark, and one scale spelled two ways.

A unit row's cell may carry a footnote mark ("(jiwa)*", "(jiwa)¹", "(jiwa)
1)", "(Rp/kapita/bulan)*)") or name persons as "(penduduk)" (residents): it
is a unit row still, its unit a count in ones, so a number with decimals
below 1,000 under it ("7,10", Kota Batu's 7.10 thousand typed in thousands)
is refused and the whole counts are read. "(ribu)", "(000)" or
"(Thousand)" beside "(ribu jiwa)" state thousands: one scale.

Values: the bundled figures (povstat.datasets.load_east_java), March: poor
people, thousands, Jawa Timur 4 181.29 (2022) and 4 188.81 (2023), Kota
Malang 38.56 and 37.78, Kota Batu 8.05 and 7.10 (in persons: 4 181 290,
38 560, ...); poverty line, rupiah, Jawa Timur 460 909 and 507 286, Kota
Malang 609 612 and 674 660.
"""

from __future__ import annotations

import io

import numpy as np
import pytest

from povstat import BpsTable, read_bps_table
from povstat.datasets import load_east_java


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", **kw)  # type: ignore[arg-type]


def test_true_values() -> None:
    d = load_east_java()
    d = d[(d["month"] == 3) & d["year"].isin([2022, 2023])]
    key = list(zip(d["region_name"], d["year"], strict=True))
    poor = dict(zip(key, d["poor_thousands"], strict=True))
    line = dict(zip(key, d["poverty_line_idr"], strict=True))
    assert [poor["Jawa Timur", 2022], poor["Jawa Timur", 2023]] == [4181.29, 4188.81]
    assert [poor["Kota Malang", 2022], poor["Kota Malang", 2023]] == [38.56, 37.78]
    assert [poor["Kota Batu", 2022], poor["Kota Batu", 2023]] == [8.05, 7.10]
    assert [line["Jawa Timur", 2022], line["Jawa Timur", 2023]] == [460909, 507286]
    assert [line["Kota Malang", 2022], line["Kota Malang", 2023]] == [609612, 674660]


_PERSONS = ["(jiwa)*", "(jiwa)\u00b9", "(jiwa) 1)", "(Jiwa) **)", "(penduduk)"]


def _counts(unit: str, batu_2023: str) -> str:
    return (
        f"Kabupaten/Kota;2022;2023\n;{unit};{unit}\n"
        "JAWA TIMUR;4.181.290;4.188.810\nKota Malang;38.560;37.780\n"
        f"Kota Batu;8.050;{batu_2023}\n"
    )


@pytest.mark.parametrize("unit", _PERSONS)
def test_a_marked_unit_row_is_a_unit_row(unit: str) -> None:
    # Formerly the row was read as data with an empty label: its cells were
    # "not a number", the counts "38.560" ... were blamed and "7,10" read.
    t = _read(_counts(unit, "7,10"), errors="report")
    assert [c.text for c in t.invalid] == ["7,10"]
    assert "persons" in t.invalid[0].reason
    v = t.data["value"].tolist()
    assert v[:5] == [4181290.0, 4188810.0, 38560.0, 37780.0, 8050.0]
    assert np.isnan(v[5])
    assert len(t.data) == 6  # no data row made of the unit row
    # Written in ones, the table reads; the unit is kept as written, with
    # its mark, in the title.
    t = _read(_counts(unit, "7.100"))
    assert t.data["value"].tolist()[-1] == 7100.0
    assert t.title.endswith(unit)


@pytest.mark.parametrize("unit", ["(Rp/kapita/bulan)*)", "(Rp/Kapita/Bulan)\u00b2"])
def test_a_marked_rupiah_unit_row(unit: str) -> None:
    # "674,66" under a unit of rupiah in ones among whole rupiah: refused.
    text = (
        f"Kabupaten/Kota;2022;2023\n;{unit};{unit}\n"
        "JAWA TIMUR;460.909;507.286\nKota Malang;609.612;674,66\n"
    )
    t = _read(text, errors="report")
    assert [c.text for c in t.invalid] == ["674,66"]
    assert "rupiah" in t.invalid[0].reason
    assert t.data["value"].tolist()[:3] == [460909.0, 507286.0, 609612.0]


def test_a_unit_marked_over_one_year_is_one_unit() -> None:
    t = _read(
        "Kabupaten/Kota;2022;2023\n;(Rp/kapita/bulan)*;(Rp/kapita/bulan)\n"
        "JAWA TIMUR;460.909;507.286\nKota Malang;609.612;674.660\n"
    )
    assert t.data["value"].tolist() == [460909.0, 507286.0, 609612.0, 674660.0]


@pytest.mark.parametrize("other", ["(ribu)", "(000)", "(Thousand)", "(Ribuan)"])
def test_thousands_alone_beside_thousands_of_persons_is_one_scale(
    other: str,
) -> None:
    # Formerly refused: "states different units ... on different scales".
    text = (
        f"Kabupaten/Kota;2022;2023\n;(ribu jiwa);{other}\n"
        "Kota Malang;38,56;37,78\nKota Batu;8,05;7,10\n"
    )
    t = _read(text)
    assert t.data["value"].tolist() == [38.56, 37.78, 8.05, 7.1]
    assert t.title == "(ribu jiwa)"
    # Either order.
    text = f"Kabupaten/Kota;2022;2023\n;{other};(ribu jiwa)\nKota Malang;38,56;37,78\n"
    assert _read(text).data["value"].tolist() == [38.56, 37.78]


@pytest.mark.parametrize("other", ["(jiwa)", "(persen)", "(juta)"])
def test_other_scales_beside_thousands_are_still_refused(other: str) -> None:
    text = f"Kabupaten/Kota;2022;2023\n;(ribu jiwa);{other}\nKota Malang;38,56;37,78\n"
    with pytest.raises(ValueError, match="states different units"):
        _read(text)


def test_thousands_alone_beside_two_units_of_thousands_is_refused() -> None:
    # "(ribu)" between thousands of persons and thousands of rupiah: which
    # one it is stays a guess.
    text = (
        "Kabupaten/Kota;2021;2022;2023\n;(ribu jiwa);(ribu);(ribu rupiah)\n"
        "Kota Malang;38,56;37,78;609,61\n"
    )
    with pytest.raises(ValueError, match="states different units"):
        _read(text)
