"""read_bps_table: units on a line of their own, in two languages, per measure.

A unit line under the title ("Satuan: Jiwa", "Unit: Persons", "Dalam
Jiwa"), a unit in two languages between commas in the title ("Jiwa/Person"),
a unit after each measure between commas, and the singular "(Person)" of a
unit row are read as the bracketed units are.
"""

from __future__ import annotations

import warnings
from functools import partial

import pytest

from povstat import NumberParseError
from spreadsheets import province_table, province_values

_ABOVE = "value cells in percent above 100"
_TITLE = "Jumlah Penduduk Miskin Menurut Kabupaten/Kota, 2023\n"
# Counts of persons with a fraction in the last row: a count in ones has no
# decimals, so "38,56" (38.56 persons) is refused under a unit of persons.
_COUNTS = (
    "Kabupaten/Kota;2023\nKepulauan Mentawai;14350\nSolok;27670\nKota Solok;38,56\n"
)
# 143,5 percent of a regency's people cannot be poor: above 100 warns.
_PERCENT = (
    "Kabupaten/Kota;2023\nKepulauan Mentawai;143,5\nSolok;7,67\nKota Solok;2,05\n"
)


_read = partial(province_values, province="Sumatera Barat")


@pytest.mark.parametrize(
    "line",
    [
        "Satuan: Jiwa",
        "Satuan : jiwa",
        "Satuan/Unit: Jiwa/Person",
        "Unit: Persons",
        "Dalam Jiwa",
    ],
)
def test_a_unit_line_of_persons_refuses_a_fraction(line: str) -> None:
    with pytest.raises(NumberParseError, match="38,56"):
        _read(_TITLE + line + "\n" + _COUNTS)


@pytest.mark.parametrize(
    "line", ["Satuan: Persen", "Satuan/Unit: Persen/Percent", "Satuan: %"]
)
def test_a_unit_line_in_percent_warns_above_100(line: str) -> None:
    title = "Persentase Penduduk Miskin Menurut Kabupaten/Kota, 2023\n"
    with pytest.warns(UserWarning, match=_ABOVE):
        got = _read(title + line + "\n" + _PERCENT)
    assert got == [143.5, 7.67, 2.05]


def test_a_unit_line_in_thousands_reads_cells_in_its_scale() -> None:
    # "14,35 ribu jiwa" under "Satuan: Ribu Jiwa" is 14.35 thousand persons,
    # in the unit line's scale, as under "(Ribu Jiwa)".
    cells = (
        "Kabupaten/Kota;2023\nKepulauan Mentawai;14,35 ribu jiwa\n"
        "Solok;27,67 ribu jiwa\nKota Solok;2,05 ribu jiwa\n"
    )
    assert _read(_TITLE + "Satuan: Ribu Jiwa\n" + cells) == [14.35, 27.67, 2.05]


@pytest.mark.parametrize(
    "title",
    [
        "Jumlah Penduduk Miskin/Number of Poor People, Jiwa/Person, 2023",
        "Jumlah Penduduk Miskin, Jiwa/Persons, 2023",
        "Jumlah Penduduk Miskin, Jiwa (Person), 2023",
        "Jumlah Penduduk Miskin, Jiwa/Person",
    ],
)
def test_a_unit_in_two_languages_between_commas_is_read(title: str) -> None:
    with pytest.raises(NumberParseError, match="38,56"):
        _read(title + "\n" + _COUNTS)


def test_a_percent_in_two_languages_between_commas_warns() -> None:
    title = "Persentase Penduduk Miskin/Percentage of Poor People, Persen/Percent, 2023"
    with pytest.warns(UserWarning, match=_ABOVE):
        got = _read(title + "\n" + _PERCENT)
    assert got == [143.5, 7.67, 2.05]


def test_thousands_in_two_languages_between_commas_scale_the_cells() -> None:
    # "2,05 ribu" states the title's own multiplier: 2.05 thousand persons.
    cells = (
        "Kabupaten/Kota;2023\nKepulauan Mentawai;14,35\nSolok;27,67\n"
        "Kota Solok;2,05 ribu\n"
    )
    title = "Jumlah Penduduk Miskin, Ribu Jiwa/Thousand People, 2023\n"
    assert _read(title + cells) == [14.35, 27.67, 2.05]


_TWO = (
    "Kabupaten/Kota;Jumlah Penduduk Miskin;Persentase Penduduk Miskin\n;2023;2023\n"
    "Kepulauan Mentawai;14350;14,12\nSolok;27670;7,34\nKota Solok;{count};{share}\n"
)
_EACH = "Jumlah Penduduk Miskin, Jiwa, dan Persentase Penduduk Miskin, Persen, 2023\n"


def test_each_unit_between_commas_covers_its_measure_persons() -> None:
    with pytest.raises(NumberParseError, match="2050,5"):
        _read(_EACH + _TWO.format(count="2050,5", share="3,05"))


def test_each_unit_between_commas_covers_its_measure_percent() -> None:
    with pytest.warns(UserWarning, match=_ABOVE):
        got = _read(_EACH + _TWO.format(count="2050", share="143,5"))
    # Row by row: Jumlah, then Persentase.
    assert got == [14350.0, 14.12, 27670.0, 7.34, 2050.0, 143.5]


def test_a_unit_after_joined_measures_leaves_the_percent_group() -> None:
    # ", Jiwa," after "Jumlah dan Persentase" is not the unit of the group
    # "Persentase Penduduk Miskin": its shares with decimals are read.
    title = "Jumlah dan Persentase Penduduk Miskin, Jiwa, 2023\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = _read(title + _TWO.format(count="2050", share="3,05"))
    assert got == [14350.0, 14.12, 27670.0, 7.34, 2050.0, 3.05]


def test_a_unit_after_joined_measures_still_covers_the_count_group() -> None:
    title = "Jumlah dan Persentase Penduduk Miskin, Jiwa, 2023\n"
    with pytest.raises(NumberParseError, match="2050,5"):
        _read(title + _TWO.format(count="2050,5", share="3,05"))


def test_a_singular_person_unit_row_is_a_unit_row() -> None:
    text = (
        "Judul\nKabupaten/Kota;2023\n;(Jiwa)/(Person)\n"
        "Kepulauan Mentawai;14350\nSolok;27670\nKota Solok;38,56\n"
    )
    with pytest.raises(NumberParseError, match="38,56") as got:
        _read(text)
    # The unit row is no value: only the fraction of persons is refused.
    assert "(Jiwa)/(Person)" not in str(got.value)


def test_singular_person_unit_rows_under_each_year() -> None:
    text = (
        "Jumlah dan Persentase Penduduk Miskin Menurut Kabupaten/Kota\n"
        "Kabupaten/Kota;2022;;2023;\n"
        ";(Jiwa)/(Person);(Persen)/(Percent);(Jiwa)/(Person);(Persen)/(Percent)\n"
        "Kepulauan Mentawai;1;2;3;4\nSolok;5;6;7;8\n"
    )
    t = province_table(text, "Sumatera Barat")
    # Kepulauan Mentawai: 2022 persons 1, percent 2; 2023 persons 3, percent 4.
    d = t.data
    got = dict(
        zip(
            zip(d["label"], d["group"], d["year"].tolist(), strict=True),
            d["value"].tolist(),
            strict=True,
        )
    )
    persons, percent = "(Jiwa)/(Person)", "(Persen)/(Percent)"
    assert got == {
        ("Kepulauan Mentawai", persons, 2022): 1.0,
        ("Kepulauan Mentawai", percent, 2022): 2.0,
        ("Kepulauan Mentawai", persons, 2023): 3.0,
        ("Kepulauan Mentawai", percent, 2023): 4.0,
        ("Solok", persons, 2022): 5.0,
        ("Solok", percent, 2022): 6.0,
        ("Solok", persons, 2023): 7.0,
        ("Solok", percent, 2023): 8.0,
    }


# Average size of poor households (BPS, "Data dan Informasi Kemiskinan
# Kabupaten/Kota"): about 4,5 persons per household, a ratio with decimals.
_SIZES = "Kabupaten/Kota;2023\nKepulauan Mentawai;4,85\nSolok;4,52\nKota Solok;4,61\n"


@pytest.mark.parametrize(
    "title",
    [
        "Rata-rata Jumlah Anggota Rumah Tangga Miskin (Jiwa), 2023",
        "Rata-rata Banyaknya Anggota Rumah Tangga Miskin Menurut Kabupaten/Kota "
        "(Jiwa/Rumah Tangga), 2023",
        "Rata-rata Anggota Rumah Tangga Miskin (Orang), 2023",
        "Anggota Rumah Tangga Miskin (Jiwa/Rumah Tangga), 2023",
    ],
)
def test_an_average_of_persons_is_no_count_in_ones(title: str) -> None:
    assert _read(title + "\n" + _SIZES) == [4.85, 4.52, 4.61]


def test_a_count_of_persons_with_fractions_is_still_refused() -> None:
    with pytest.raises(NumberParseError, match="4,85"):
        _read("Jumlah Penduduk Miskin (Jiwa), 2023\n" + _SIZES)
