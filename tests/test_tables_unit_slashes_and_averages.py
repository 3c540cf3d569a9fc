"""read_bps_table: bilingual household units, rupiah per household, averages.

A slash between two spellings of one unit ("(Rumah Tangga/Households)") is
that unit in two languages, a count in ones, as "(Jiwa/Persons)" is; only
persons over a household ("(Jiwa/Rumah Tangga)") is a ratio. Rupiah per
household ("(Rp/Rumah Tangga/Bulan)") is money in ones, as rupiah per person
is. An average makes a unit of persons a ratio only where it is the measure
the unit belongs to, not where it is another measure of the title or the
criterion of the count ("Jumlah Penduduk Miskin dengan Rata-rata
Pengeluaran di Bawah Garis Kemiskinan (Jiwa)").
"""

from __future__ import annotations

from functools import partial

import pytest

from povstat import NumberParseError
from spreadsheets import province_values

# 38,56 households (or persons) among counts of 1,000 or more: 38.56, or
# 38 560 written in thousands, refused.
_FRACTION = (
    r"'38,56' \(a number with decimals below 1,000 under a unit of count in ones "
)
_BODY = "Kabupaten/Kota;2023\nPacitan;75860\nKota Batu;8160\nKota Malang;38,56\n"


_read = partial(province_values, province="Jawa Timur")


@pytest.mark.parametrize(
    "unit",
    [
        "(Rumah Tangga/Households)",
        "(Ruta/Household)",
        "(Ruta/Households)",
        "(Rumah Tangga/Household)",
        "(KK/Families)",
    ],
)
@pytest.mark.parametrize("where", ["title", "unit row", "unit line"])
def test_a_unit_in_two_languages_is_a_count_in_ones(unit: str, where: str) -> None:
    # Before, read as households (or families) per household, a ratio:
    # 38.56 was accepted.
    if where == "title":
        text = f"Jumlah Rumah Tangga Miskin {unit}, 2023\n{_BODY}"
    elif where == "unit row":
        head, rows = _BODY.split("\n", 1)
        text = f"Jumlah Rumah Tangga Miskin, 2023\n{head}\n;{unit}\n{rows}"
    else:
        text = f"Jumlah Rumah Tangga Miskin, 2023\nSatuan: {unit.strip('()')}\n{_BODY}"
    with pytest.raises(
        NumberParseError, match=_FRACTION + r"\((?:households|families)\)"
    ):
        _read(text)


def test_persons_per_household_is_still_a_ratio() -> None:
    # 4,52 persons per household: 4.52, read.
    assert _read(
        "Anggota Rumah Tangga Miskin (Jiwa/Rumah Tangga), 2023\n"
        "Kabupaten/Kota;2023\nPacitan;4,52\nKota Batu;3,98\n"
    ) == [4.52, 3.98]


# The non-food poverty line per poor household, typed in the English
# convention: "592,657" is 592 657 rupiah, or 592.657 in Indonesian.
_RUPIAH = (
    "Kabupaten/Kota;2023\nPacitan;592,657\nKota Batu;601,234\nKota Malang;628,330\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Garis Kemiskinan Non Makanan per Rumah Tangga Miskin (Rp/Rumah Tangga/Bulan), "
        "2023\n" + _RUPIAH,
        "Garis Kemiskinan Rumah Tangga Miskin (Rp/Ruta/Bulan), 2023\n" + _RUPIAH,
        "Garis Kemiskinan Non Makanan per Rumah Tangga Miskin, 2023\n"
        "Kabupaten/Kota;2023\n;(Rupiah/Rumah Tangga/Bulan)\n"
        "Pacitan;592,657\nKota Batu;601,234\nKota Malang;628,330\n",
    ],
)
def test_rupiah_per_household_is_money_in_ones(text: str) -> None:
    # Before, read as a ratio: 592.657, 601.234 and 628.33 rupiah, 1000x
    # too small.
    with pytest.raises(NumberParseError, match=r"a count in ones \(rupiah\) written"):
        _read(text)
    # In the English convention: 592 657, 601 234 and 628 330 rupiah.
    assert _read(text, locale="en") == [592657.0, 601234.0, 628330.0]


@pytest.mark.parametrize(
    "title",
    [
        "Jumlah Penduduk Miskin (Jiwa) dan Rata-rata Pengeluaran per Kapita, 2023",
        "Jumlah Penduduk Miskin (Jiwa) dan Garis Kemiskinan Rata-rata, 2023",
        "Jumlah Penduduk Miskin (Jiwa), Rata-rata Lama Sekolah dan Angka Melek "
        "Huruf, 2023",
        "Jumlah Penduduk Miskin, Jiwa, dan Rata-rata Pengeluaran, 2023",
        "Jumlah Rumah Tangga Miskin (Rumah Tangga) dan Rata-rata Anggota Rumah "
        "Tangga, 2023",
        "Jumlah Penduduk Miskin dan Rata-rata Pengeluaran per Kapita Menurut "
        "Kabupaten/Kota, 2023\nSatuan: Jiwa",
        # BPS's definition of the poor: the average is the criterion.
        "Jumlah Penduduk Miskin dengan Rata-rata Pengeluaran di Bawah Garis "
        "Kemiskinan (Jiwa), 2023",
        "Penduduk Miskin Berdasarkan Rata-rata Pengeluaran Per Kapita Sebulan "
        "(Jiwa), 2023",
        # An average of money is in rupiah: "(Jiwa)" counts the persons.
        "Rata-rata Pengeluaran di Bawah Garis Kemiskinan (Jiwa), 2023",
    ],
)
def test_an_average_of_another_measure_leaves_the_count_a_count(title: str) -> None:
    # Before, "Rata-rata" anywhere in the title made the count a ratio:
    # 38.56 persons (or households) was read.
    with pytest.raises(NumberParseError, match=_FRACTION):
        _read(f"{title}\n{_BODY}")
    # Grouped: "75.860" is 75 860 persons, read (before, refused with the
    # advice to write '75,860' for 75.86).
    grouped = _BODY.replace("75860", "75.860").replace("8160", "8.160")
    assert _read(f"{title}\n{grouped}".replace("38,56", "3.856")) == [
        75860.0,
        8160.0,
        3856.0,
    ]


def test_a_unit_row_under_a_count_named_before_an_average_is_a_count() -> None:
    # Before, the title's "Rata-rata" made the unit row's "(Jiwa)" a ratio.
    head, rows = _BODY.split("\n", 1)
    with pytest.raises(NumberParseError, match=_FRACTION):
        _read(
            "Jumlah Penduduk Miskin dan Rata-rata Pengeluaran per Kapita, 2023\n"
            f"{head}\n;(Jiwa)\n{rows}"
        )


@pytest.mark.parametrize(
    "text",
    [
        "Rata-rata Anggota Rumah Tangga Miskin Menurut Kabupaten/Kota (Jiwa), 2023\n",
        "Tabel 3.1 Rata-rata Anggota Rumah Tangga Miskin, Jiwa, 2023\n",
        "Rata-rata Anggota Rumah Tangga Miskin, 2023\nSatuan: Jiwa\n",
        "Rata-rata Anggota Rumah Tangga Miskin, 2023\nKabupaten/Kota;2023\n;(Jiwa)\n",
        "Judul, 2023\nKabupaten/Kota;Rata-rata Anggota Rumah Tangga Miskin\n"
        ";2023\n;(Jiwa)\n",
    ],
)
def test_an_average_of_persons_is_still_a_ratio(text: str) -> None:
    # 4,52 and 3,98 persons on average: read.
    body = "Pacitan;4,52\nKota Batu;3,98\n"
    if "Kabupaten/Kota;" not in text:
        body = "Kabupaten/Kota;2023\n" + body
    assert _read(text + body) == [4.52, 3.98]
