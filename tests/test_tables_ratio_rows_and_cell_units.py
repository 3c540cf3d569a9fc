"""read_bps_table: ratio unit rows, households and "Rp -" in cells, warnings' words.

An average household size in persons ("(Jiwa/Rumah Tangga)" as a unit row,
or "(Jiwa)" under an average's title) is a ratio: 4,85 persons per household
is read. Households stated in the cell ("2.050 KK") are counts in ones;
"Rp -" (Excel's accounting zero saved as CSV) is 0 rupiah. The percent
warning names a column as the errors do; the split-decimal warning of a
text frame is not given where a value has a fraction.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import province_table, warnings_saying

# Average number of members of poor households (persons per household):
# 4,85, 4,52 and 4,61 are 4.85, 4.52 and 4.61 (decimal comma).
_AVERAGES = "Kepulauan Mentawai;4,85\nSolok;4,52\nKota Solok;4,61\n"


def _read(text: str) -> pd.DataFrame:
    return province_table(text, "Sumatera Barat").data


@pytest.mark.parametrize(
    "unit",
    ["(Jiwa/Rumah Tangga)", "Jiwa/Rumah Tangga", "(Orang/Ruta)", "(Jiwa/KK)"],
)
def test_a_unit_row_of_persons_per_household_is_a_unit_row(unit: str) -> None:
    t = province_table(
        f"Judul\nKabupaten/Kota;2023\n;{unit}\n" + _AVERAGES, "Sumatera Barat"
    )
    assert t.data["value"].tolist() == [4.85, 4.52, 4.61]
    assert t.title == f"Judul | {unit}"


def test_persons_and_persons_per_household_over_one_group_are_refused() -> None:
    # 2022 in persons (4 persons, a count), 2023 per household: one value
    # column on two scales.
    text = (
        "Judul\nKabupaten/Kota;2022;2023\n;(Jiwa);(Jiwa/Rumah Tangga)\n"
        "Kepulauan Mentawai;4;4,85\nSolok;4;4,52\nKota Solok;4;4,61\n"
    )
    with pytest.raises(ValueError, match="states different units") as e:
        _read(text)
    assert "'2023': '(Jiwa/Rumah Tangga)'" in str(e.value)


def test_a_unit_row_of_persons_under_an_average_title_is_a_ratio() -> None:
    text = "Rata-rata Anggota Rumah Tangga Miskin, 2023\nKabupaten/Kota;2023\n;(Jiwa)\n"
    assert _read(text + _AVERAGES)["value"].tolist() == [4.85, 4.52, 4.61]
    # The same unit row under a count's title: 4.85 persons is refused.
    with pytest.raises(NumberParseError, match=r"a count in ones \(persons\)"):
        _read(
            "Jumlah Penduduk Miskin, 2023\nKabupaten/Kota;2023\n;(Jiwa)\n" + _AVERAGES
        )


def test_households_stated_in_the_cell_are_counts_in_ones() -> None:
    # "2.050 KK" is 2 050 families (a thousands dot), "38 KK" 38,
    # "1.234 KK" 1 234.
    text = (
        "Jumlah Rumah Tangga Miskin, 2023\nKabupaten/Kota;2023\n"
        "Kepulauan Mentawai;2.050 KK\nSolok;38 KK\nKota Solok;1.234 KK\n"
    )
    assert _read(text)["value"].tolist() == [2050.0, 38.0, 1234.0]
    # 4,5 among counts of 1,000 or more: 4.5 families, or 4 500 written
    # in thousands.
    with pytest.raises(NumberParseError, match=r"in ones \(families\) among"):
        _read(text.replace("38 KK", "4,5 KK"))


def test_the_accounting_zero_of_a_csv_is_zero_rupiah() -> None:
    # A poverty line saved as CSV from an Accounting-formatted sheet: the
    # stored 0 shows "Rp -", 0 rupiah; the others 512 345 and 498 120.
    text = (
        "Garis Kemiskinan (Rp/Kapita/Bulan), 2023\nKabupaten/Kota;2023\n"
        "Kepulauan Mentawai;Rp 512.345\nSolok;Rp -\nKota Solok;Rp 498.120\n"
    )
    assert _read(text)["value"].tolist() == [512345.0, 0.0, 498120.0]


def test_the_percent_warning_names_the_column_with_its_group() -> None:
    # Two groups each with a column '2023': the 143,5 percent is in the
    # Persentase group's.
    text = (
        "Jumlah Penduduk Miskin (Jiwa) dan Persentase Penduduk Miskin (Persen), 2023\n"
        "Kabupaten/Kota;Jumlah Penduduk Miskin;Persentase Penduduk Miskin\n;2023;2023\n"
        "Kepulauan Mentawai;14350;14,12\nSolok;27670;7,34\nKota Solok;2050;143,5\n"
    )
    with warnings_saying("above 100") as said:
        _read(text)
    assert len(said) == 1
    assert "column ('Persentase Penduduk Miskin', '2023'): '143,5'" in said[0]


def test_no_split_warning_where_a_text_frame_holds_a_fraction() -> None:
    # A frame read with sep=";" and dtype=str: "38,56" is a decimal kept
    # whole (refused under "(Jiwa)"), so the values are not all whole
    # numbers and no split-comma warning is given.
    text = (
        "Jumlah Penduduk Miskin (Jiwa) 2023;\nKabupaten/Kota;2023\n"
        "Kepulauan Mentawai;14350\nSolok;27670\nKota Solok;38,56\n"
    )
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, header=None)
    with (
        warnings_saying("whole number") as said,
        pytest.raises(NumberParseError, match="'38,56'"),
    ):
        read_bps_table(frame, locale="id", month=3, province="Sumatera Barat")
    assert not said
