"""read_bps_table: an average of a count is a count, one per household a ratio.

The average number of poor persons over 2019-2023, over March and September
or over a province's regencies is still a number of persons, at the count's
scale: a count in ones under "(Jiwa)", so a figure typed in the English
convention ("75,860" for 75 860) is refused in locale "id" as it is under
"Jumlah Penduduk Miskin (Jiwa)". Only an average per household (persons
per household: "Rata-rata Anggota Rumah Tangga", "(Jiwa/Rumah Tangga)") is a
small ratio whose decimals are read.
"""

from __future__ import annotations

from functools import partial

import pytest

from povstat import NumberParseError
from spreadsheets import province_values

# 75 860, 8 160 and 38 560 poor persons typed with English thousands commas:
# in locale "id" a comma is the decimal mark, so each reads 75.86, 8.16,
# 38.56 persons, or 1000 times that with the comma a thousands comma.
_ENGLISH = "Kabupaten/Kota;2023\nPacitan;75,860\nKota Batu;8,160\nKota Malang;38,560\n"


_read = partial(province_values, province="Jawa Timur")


_COUNTS = [
    ("Rata-rata Jumlah Penduduk Miskin 2019-2023 (Jiwa)", "persons"),
    ("Rata-rata Jumlah Penduduk Miskin Maret-September (Jiwa), 2023", "persons"),
    ("Jumlah Penduduk Miskin Rata-rata Tahunan (Jiwa), 2023", "persons"),
    ("Rata-rata Banyaknya Penduduk Miskin (Jiwa), 2023", "persons"),
    ("Average Number of Poor People (Persons), 2023", "persons"),
    ("Rata-rata Penduduk Miskin per Kabupaten (Jiwa), 2023", "persons"),
    ("Rata-Rata Jumlah Penduduk Miskin, Jiwa, 2023", "persons"),
    ("Rata-rata Jumlah Rumah Tangga Miskin (Rumah Tangga), 2023", "households"),
    ("Rata-rata Jumlah Keluarga Miskin (KK), 2023", "families"),
]


@pytest.mark.parametrize(("title", "unit"), _COUNTS)
def test_english_thousands_under_an_average_of_a_count_are_refused(
    title: str, unit: str
) -> None:
    # Before, read 75.86, 8.16 and 38.56 persons (households, families):
    # the average was taken for a ratio and the count check left off.
    with pytest.raises(
        NumberParseError,
        match=rf"'75,860' \(a count in ones \({unit}\) written with three decimals",
    ):
        _read(f"{title}\n{_ENGLISH}")


@pytest.mark.parametrize(("title", "unit"), _COUNTS[:1] + _COUNTS[-2:-1])
def test_the_same_figures_read_in_locale_en_are_the_counts(
    title: str, unit: str
) -> None:
    # In locale "en" the commas group thousands: 75 860, 8 160, 38 560.
    assert _read(f"{title}\n{_ENGLISH}", locale="en") == [75860.0, 8160.0, 38560.0]


@pytest.mark.parametrize(
    "title",
    [
        "Rata-rata Anggota Rumah Tangga Miskin (Jiwa), 2023",
        "Rata-rata Banyaknya Anggota Rumah Tangga (Jiwa), 2023",
        "Rata-rata Jiwa per Rumah Tangga Miskin (Jiwa), 2023",
        "Rata-rata Jumlah Penduduk Miskin (Jiwa/Rumah Tangga), 2023",
    ],
)
def test_an_average_per_household_is_still_a_ratio(title: str) -> None:
    # 4,52, 3,98 and 3,56 persons per household: read as written.
    body = "Kabupaten/Kota;2023\nPacitan;4,52\nKota Batu;3,98\nKota Malang;3,56\n"
    assert _read(f"{title}\n{body}") == [4.52, 3.98, 3.56]
