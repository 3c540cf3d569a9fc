"""read_bps_table: the title's unit over a split whose total shares the measure's word.

BPS's raw province file is titled "Jumlah Penduduk Miskin (Ribu Jiwa) Menurut
Provinsi dan Daerah" over the groups "Perkotaan | Perdesaan | Jumlah": the
group "Jumlah" is the area total, not the title's measure "Jumlah Penduduk
Miskin", so the title's unit is every group's. Likewise "GK Makanan | GK
Bukan Makanan | Garis Kemiskinan" (food, non-food, their total) under a
title in rupiah.
"""

from __future__ import annotations

import io

import pytest

from povstat import NumberParseError, read_bps_table


def _province_file(title: str, east: str, central: str) -> str:
    # The layout of bps_poor_prov_2007_2026.csv: title, area groups, year,
    # rounds, then one row per province.
    return (
        f"38 Provinsi,{title},,,,,\n"
        ",Perkotaan,,Perdesaan,,Jumlah,\n"
        ",2023,,2023,,2023,\n"
        ",Semester 1 (Maret),Semester 2 (September),Semester 1 (Maret),"
        "Semester 2 (September),Semester 1 (Maret),Semester 2 (September)\n"
        f"JAWA TIMUR,{east}\nJAWA TENGAH,{central}\n"
    )


def test_the_title_thousands_cover_perdesaan_beside_a_jumlah_total() -> None:
    # "(Ribu Jiwa)" after "Jumlah Penduduk Miskin": "2674.88 ribu jiwa" in
    # Perdesaan is 2674.88 thousand, the title's scale, as 1513.67 in
    # Perkotaan and 4188.81 in Jumlah are (before, 2 674 880 beside them:
    # the unit was taken for the group "Jumlah" alone).
    text = _province_file(
        "Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Provinsi dan Daerah",
        "1513.67,1480.2,2674.88 ribu jiwa,2600.1 ribu jiwa,4188.81,4080.3",
        "1500.1,1490.2,2200.3 ribu jiwa,2150.0 ribu jiwa,3700.4,3640.2",
    )
    t = read_bps_table(io.StringIO(text), locale="en", sep=",", month=None)
    assert t.data["value"].tolist() == [
        1513.67, 1480.2, 2674.88, 2600.1, 4188.81, 4080.3,
        1500.1, 1490.2, 2200.3, 2150.0, 3700.4, 3640.2,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "title",
    [
        "Jumlah Penduduk Miskin (Jiwa) Menurut Provinsi dan Daerah",
        "Jumlah Penduduk Miskin Menurut Provinsi (Jiwa)",
    ],
)
def test_a_fraction_of_persons_in_perkotaan_is_refused(title: str) -> None:
    # "(Jiwa)": persons counted in ones, so 1513.67 persons in Perkotaan
    # (beside 1 500 100 in the next row) is refused as in "Jumlah" (before,
    # read: the count check covered the group "Jumlah" only).
    text = _province_file(
        title,
        "1513.67,1480.2,2674880,2600100,4188810,4080300",
        "1500100,1490200,2200300,2150000,3700400,3640200",
    )
    with pytest.raises(
        NumberParseError, match=r"'Perkotaan'.*'1513\.67' \(a count in ones \(persons\)"
    ):
        read_bps_table(io.StringIO(text), locale="en", sep=",", month=None)


def test_the_poverty_lines_components_take_the_title_rupiah() -> None:
    # "(Rupiah/Kapita/Bulan)" over food | non-food | total: "392,657" in GK
    # Makanan is 392.657 rupiah in locale "id" or 392 657 typed in English
    # (392 657 + 152 120 = 544 777, the total): a guess, refused as money in
    # ones (before, read 392.657 beside the total's 544 777).
    text = (
        "Garis Kemiskinan Menurut Kabupaten/Kota (Rupiah/Kapita/Bulan)\n"
        "Kabupaten/Kota;GK Makanan;GK Bukan Makanan;Garis Kemiskinan\n"
        ";2023;2023;2023\nPacitan;392,657;152,120;544777\n"
        "Kota Batu;400,310;150,250;550560\n"
    )
    with pytest.raises(
        NumberParseError, match=r"'GK Makanan'.*'392,657' \(a count in ones \(rupiah\)"
    ):
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


def test_a_measure_named_jumlah_over_other_measures_keeps_its_own_unit() -> None:
    # Groups "Jumlah | Garis Kemiskinan" are two measures, not a split: the
    # title's "(Jiwa)" is the Jumlah group's and "(Rupiah)" the poverty
    # line's, so 15,5 persons is refused beside 8.160 (as before the split
    # rule: a guard that the rule leaves groups of several measures alone).
    text = (
        "Jumlah Penduduk Miskin (Jiwa) dan Garis Kemiskinan (Rupiah)\n"
        "Kabupaten/Kota;Jumlah;Garis Kemiskinan\n;2023;2023\n"
        "Pacitan;15,5;8,5\nKota Batu;8.160;9,5\n"
    )
    with pytest.raises(
        NumberParseError,
        match=r"'Jumlah'.*'15,5' \(a number .* count in ones \(persons\)",
    ):
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
