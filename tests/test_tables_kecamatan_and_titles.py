"""read_bps_table on tables whose labels name no region of povstat's list.

A kecamatan table (sub-district) keeps its labels as written: povstat's
list holds provinces and regencies only. The header rules must neither
refuse such a table because a count looks like a year, nor drop a row whose
name starts with a note's word, nor merge two stacked tables whose labels
repeat (sheets32). The counts are made up for the layout; what is tested is
which rows are read, refused or warned, worked by hand in each comment.
"""

from __future__ import annotations

import io
import warnings

import pytest

from povstat import read_bps_table

TITLE = "Jumlah Penduduk Miskin Menurut Kecamatan di Kabupaten Malang (Jiwa)\n"


def _read(text: str, **kw: object):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return read_bps_table(io.StringIO(text), locale="en", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("count", ["1987", "2023", "2022"])
def test_a_kecamatan_count_like_a_year_is_read(count: str) -> None:
    # Kalipare's count of 1,987 (or 2,023, the header's own year) people is
    # a value: neither a second table's header nor a repeated header.
    text = TITLE + f"Kecamatan,2023\nDonomulyo,2105\nKalipare,{count}\nPagak,2240\n"
    table = _read(text)
    assert table.data["label"].tolist() == ["Donomulyo", "Kalipare", "Pagak"]
    assert table.data["value"].tolist() == [2105.0, float(count), 2240.0]


def test_a_headerless_kecamatan_table_is_refused() -> None:
    # No header: "Kalipare,1987" would be read as a header of 1987, dating
    # Pagak's 2,240 to 1987 and losing Kalipare's count.
    with pytest.raises(
        ValueError, match="'Kalipare' names no region and heads no column"
    ):
        _read("Kalipare,1987\nPagak,2240\nBantur,3010\n")


def test_a_page_break_header_of_kecamatan_is_skipped() -> None:
    # "Kecamatan (lanjutan)" repeats the header's years after a page break.
    text = (
        "Kecamatan,2022,2023\nDonomulyo,2105,2050\n"
        "Kecamatan (lanjutan),2022,2023\nPagak,2240,2200\n"
    )
    table = _read(text, errors="report")
    assert table.data["label"].unique().tolist() == ["Donomulyo", "Pagak"]


def test_a_kecamatan_named_like_a_note_is_warned() -> None:
    # "Sumber" (the seat of Kabupaten Cirebon) and "Sumber Wringin" start with
    # a note's word; with a value in every column they are warned, not
    # dropped silently, and written with their kind they are read.
    text = "Kecamatan,2022,2023\nPlered,5100,5000\nSumber Wringin,6200,6100\n"
    with pytest.warns(UserWarning, match="start with a note's word"):
        read_bps_table(io.StringIO(text), locale="en")
    kinded = text.replace("Sumber Wringin", "Kecamatan Sumber Wringin")
    table = _read(kinded)
    assert table.data["value"].tolist() == [5100.0, 5000.0, 6200.0, 6100.0]


def test_a_source_note_with_its_year_is_no_warning() -> None:
    # "Sumber: BPS, 2024": its one number is a year, so it is a note.
    text = "Kecamatan,2022,2023\nPlered,5100,5000\nSumber: BPS,2024,\n"
    assert _read(text).data["label"].unique().tolist() == ["Plered"]


def test_two_stacked_kecamatan_tables_are_refused() -> None:
    # P0 then P1 of the same kecamatan over the same years, separated by a
    # blank line only: each label would have two values for each year.
    p0 = "Kecamatan,2022,2023\nDonomulyo,10.5,10.1\nKalipare,9.2,9.0\n,,\n"
    p1 = "Donomulyo,1.52,1.48\nKalipare,1.31,1.20\n"
    with pytest.raises(ValueError, match="come back further down") as e:
        _read(p0 + p1, errors="report")
    assert "'Donomulyo' in rows 2, 5" in str(e.value)
    # With the second table's title line, that title is named.
    title = "Indeks Kedalaman Kemiskinan (P1),,\n"
    with pytest.raises(ValueError, match=r"names another measure \(index\)"):
        _read(p0 + title + p1, errors="report")


def test_one_kecamatan_name_in_two_regencies_is_read() -> None:
    # Two kecamatan named Sukorejo (in Kabupaten Blitar and in Pasuruan):
    # one label twice, not a run repeated; both rows are read and reported
    # in `unmatched`, as a label povstat cannot place.
    text = (
        "Kecamatan,2023\nSukorejo,2105\nKalipare,1987\nPagak,2240\n"
        "Sukorejo,3010\nBantur,2990\n"
    )
    table = _read(text)
    assert table.data["value"].tolist() == [2105.0, 1987.0, 2240.0, 3010.0, 2990.0]


@pytest.mark.parametrize("cell", ["2022", "2023"])
def test_a_title_split_at_its_comma_is_named(cell: str) -> None:
    # "Persentase Penduduk Miskin, 2022" unquoted: its year is a cell of its
    # own; the row below is the real header.
    text = (
        f"Persentase Penduduk Miskin, {cell}\nKabupaten/Kota,2022,2023\n"
        "Kota Malang,4.37,4.26\n"
    )
    with pytest.raises(ValueError, match="is a title split at a comma"):
        _read(text, errors="report")


def test_groups_of_two_measures_without_a_label_are_refused() -> None:
    # The heading "Provinsi" sits in the row of years; the row above names
    # the poverty line over 2022 and P0 over 2023.
    text = (
        ",Garis Kemiskinan (Rupiah),Persentase Penduduk Miskin (Persen)\n"
        "Provinsi,2022,2023\nJAWA TIMUR,480000,10.35\n"
    )
    with pytest.raises(ValueError, match="names column groups over different periods"):
        _read(text)


def test_a_title_over_one_measure_without_a_label_is_a_title() -> None:
    # ",Persentase Penduduk Miskin,(Persen)" is one measure's title split
    # at its comma: read as the title (Kota Malang's P0 4.37, 4.26).
    text = (
        ",Persentase Penduduk Miskin,(Persen)\nKabupaten/Kota,2022,2023\n"
        "Kota Malang,4.37,4.26\n"
    )
    assert _read(text).data["value"].tolist() == [4.37, 4.26]


def test_kecamatan_counts_like_years_over_two_periods_are_read() -> None:
    # sheets33 F2: counts move little between years, so a kecamatan of about
    # 2,000 poor looks like a year in each column; falling (1987, 1950) they
    # are no header's years.
    text = (
        "Kecamatan,2022,2023\nDonomulyo,2105,2080\nKalipare,1987,1950\n"
        "Pagak,2240,2200\n"
    )
    table = _read(text)
    assert table.data["value"].tolist() == [
        2105.0,
        2080.0,
        1987.0,
        1950.0,
        2240.0,
        2200.0,
    ]


def test_a_kecamatan_named_like_its_regency_is_no_regency() -> None:
    # sheets33 F3: in a table "Menurut Kecamatan", Ponorogo is the kecamatan
    # (the regency's seat), not Kabupaten Ponorogo (3502): unmatched, as
    # every kecamatan is.
    text = (
        "Persentase Penduduk Miskin Menurut Kecamatan di Kabupaten Ponorogo (Persen)\n"
        "Kecamatan,2022,2023\nNgrayun,12.1,11.8\nPonorogo,6.1,5.9\n"
    )
    table = _read(text)
    assert table.data["region_code"].isna().all()
    assert table.unmatched["label"].tolist() == ["Ngrayun", "Ponorogo"]


def test_stacked_kecamatan_tables_in_another_order_are_refused() -> None:
    # sheets33 F1: P1 below P0, its rows in another order.
    p0 = "Kecamatan,2022,2023\nDonomulyo,10.5,10.1\nKalipare,9.2,9.0\nPagak,11.3,11.0\n"
    p1 = (
        ",,\nIndeks Kedalaman Kemiskinan (P1),,\nPagak,1.77,1.69\nDonomulyo,1.52,1.48\n"
    )
    with pytest.raises(ValueError, match="stacked below"):
        _read(p0 + p1)


def test_urban_and_rural_rows_below_each_region_are_read() -> None:
    # "Kota" and "Desa" below each regency repeat by design (P0 of March
    # 2023, Pacitan and Kota Batu, made-up area figures for the layout).
    text = (
        "Kabupaten/Kota,2023\nPacitan,13.65\nKota,9.10\nDesa,15.20\n"
        "Ponorogo,9.53\nKota,6.00\nDesa,11.00\n"
    )
    table = read_bps_table(io.StringIO(text), locale="en")
    assert len(table.data) == 6


@pytest.mark.parametrize(("month", "ok"), [(3, False), (9, True)])
def test_month_against_the_round_the_title_names(month: int, ok: bool) -> None:
    # sheets33 F5: the title says September; month=3 would date the values
    # March.
    text = (
        "Persentase Penduduk Miskin Menurut Kabupaten/Kota, September 2023 (Persen)\n"
        "Kabupaten/Kota,2023\nPacitan,13.5\nKota Batu,3.3\n"
    )
    if ok:
        assert _read(text, month=month).data["month"].tolist() == [9, 9]
    else:
        with pytest.raises(ValueError, match="names the round 'September'"):
            _read(text, month=month)


def test_a_column_of_areas_beside_the_provinces_is_named() -> None:
    # sheets33 F4: "Daerah" holds each province's areas (Aceh's P0 of 2022
    # and 2023 by area, bps_p0_prov_2007_2026.csv: 10.31/9.79 urban,
    # 16.87/16.92 rural, 14.64/14.45 in all), not regions' names.
    text = (
        "Provinsi,Daerah,2022,2023\nACEH,Perkotaan,10.31,9.79\n"
        ",Perdesaan,16.87,16.92\n,Jumlah,14.64,14.45\n"
    )
    with pytest.raises(ValueError, match="heads a column of areas") as e:
        _read(text)
    assert "leave the province column out" not in str(e.value)
    # Laid out as advised, the areas are column groups: read.
    groups = (
        "Provinsi,Perkotaan,Perkotaan,Perdesaan,Perdesaan,Jumlah,Jumlah\n"
        ",2022,2023,2022,2023,2022,2023\nACEH,10.31,9.79,16.87,16.92,14.64,14.45\n"
    )
    table = _read(groups)
    assert table.data["value"].tolist() == [10.31, 9.79, 16.87, 16.92, 14.64, 14.45]


def test_a_download_date_in_the_title_is_no_round() -> None:
    # sheets34 F3: "Diunduh ... pada 12 September 2024" is a date, and 2024
    # is none of the columns' years: month=3 stands (P0 of Pacitan, March
    # 2022 and 2023, bps_p0_kabkota_2004_2025.csv).
    text = (
        "Persentase Penduduk Miskin Menurut Kabupaten/Kota di Jawa Timur, 2022-2023;;\n"
        "Diunduh dari jatim.bps.go.id pada 12 September 2024;;\n"
        "Kabupaten/Kota;2022;2023\nPacitan;13,80;13,65\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert table.data["month"].tolist() == [3, 3]


def test_a_misspelt_region_with_year_like_counts_is_a_row() -> None:
    # sheets34 F4: "Kep. Mentawei" (Kepulauan Mentawai misspelt) with 2,019
    # and 2,020 poor under "Kabupaten/Kota;2022;2023": a row of values,
    # unmatched, not a second header nor the real header under a subtitle.
    text = (
        "Kabupaten/Kota;2022;2023\nKep. Mentawei;2019;2020\n"
        "Kota Bukittinggi;5230;5120\n"
    )
    table = read_bps_table(io.StringIO(text), locale="en", sep=";", month=3)
    assert table.data["value"].tolist() == [2019.0, 2020.0, 5230.0, 5120.0]
    assert table.unmatched["label"].tolist() == ["Kep. Mentawei"]
    # Without its header, the misspelt row is no header either: refused.
    with pytest.raises(ValueError, match=r"'Kep\. Mentawei', no heading"):
        read_bps_table(io.StringIO(text.split("\n", 1)[1]), locale="en", sep=";")


@pytest.mark.parametrize(
    "heading",
    ["Kecamatan/Subdistrict", "Kec.", "Distrik", "Desa/Kelurahan", "Kapanewon"],
)
def test_sub_district_headings_head_the_label_column(heading: str) -> None:
    # sheets35 F3: BPS's bilingual "Kecamatan/Subdistrict" and the other
    # names of sub-districts head the label column; no row is a region.
    text = f"{heading};2023\nDonomulyo;2105\nKalipare;1987\nPagak;2240\n"
    table = read_bps_table(io.StringIO(text), locale="en", sep=";")
    assert table.data["value"].tolist() == [2105.0, 1987.0, 2240.0]
    assert table.data["region_code"].isna().all()


def test_a_second_tables_title_among_the_values_is_refused() -> None:
    # sheets35 F1: the number of poor (ribu jiwa) stacked under P0 (persen),
    # its own header removed as the repeated-header advice says: its title
    # row among the values names another measure (P0 of March 2022 and
    # 2023 and poor of Trenggalek, bps_p0/poor_kabkota_2004_2025.csv).
    text = (
        "Persentase Penduduk Miskin Menurut Kabupaten/Kota (Persen),,\n"
        "Kabupaten/Kota,2022,2023\nPacitan,13.80,13.65\nKota Batu,3.79,3.31\n,,\n"
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota (Ribu Jiwa),,\n"
        "Trenggalek,75.86,72.68\n"
    )
    with pytest.raises(ValueError, match=r"names another measure \(count\)"):
        read_bps_table(io.StringIO(text), locale="en", month=3)


def test_a_few_regions_among_kecamatan_are_warned() -> None:
    # sheets35 F2: Jember's kecamatan under "Wilayah"; Jombang is also a
    # regency's name (3517).
    text = (
        "Persentase Penduduk Miskin Kabupaten Jember 2023\nWilayah,2023\n"
        "Kencong,10.2\nGumukmas,11.5\nJombang,9.9\nAmbulu,8.8\n"
    )
    with pytest.warns(UserWarning, match="'Jombang' \\(row 5\\) as 3517"):
        read_bps_table(io.StringIO(text), locale="en", month=3)
