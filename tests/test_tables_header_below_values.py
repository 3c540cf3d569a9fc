"""read_bps_table: a row below the values, or a region's row, is never the header.

The header is the first row with a cell naming a period. When a table's
period is only in its title, that first row can be a note below the table
("Sumber: BPS, 2024", its year split off by the separator) or a region's
row whose count is a whole number between 1900 and 2099 ("JAWA TENGAH,1987",
in thousands; Jawa Tengah's urban poor were 2,001.12 thousand in March 2012,
data-raw/indonesia/bps_poor_prov_2007_2026.csv, so such counts occur). Read
so, the regions' rows became the title and the result was empty, or every
regency was dated 1987 and the province's row was lost, without a warning.
Both are refused with the table's real fault: no header naming years.
"""

from __future__ import annotations

import io
import warnings
from datetime import datetime
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path

TITLE = (
    '"Persentase Penduduk Miskin Menurut Kabupaten/Kota di Jawa Timur, Maret 2023"\n'
)
# March 2023 P0 of Pacitan and Kota Malang (data-raw/indonesia/
# bps_p0_kabkota_2004_2025.csv): 13.65 and 4.26.
BODY = (
    "Kabupaten/Kota,Persentase Penduduk Miskin (Persen)\n"
    "Pacitan,13.65\nKota Malang,4.26\n"
)

NO_HEADER = "no header row naming years"
IN_TITLE = "a year (2023) is found only in the title"


def _refusal(text: str, **kw: object) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # refused, never warned and read
        with pytest.raises(ValueError, match=NO_HEADER) as e:
            read_bps_table(io.StringIO(text), locale="en", **kw)  # type: ignore[arg-type]
    return str(e.value)


@pytest.mark.parametrize(
    "note",
    [
        "Sumber: BPS, 2024",
        "Source: BPS-Statistics Indonesia, 2024",
        "Catatan: angka sementara, 2024",
        "1) Angka sementara, 2024",
        "*) angka sementara, 2024",
        "Diolah dari Susenas, 2024",
        "Data diperbarui, Juli 2024",
        "Jumlah, 2023",
    ],
)
def test_a_note_below_the_values_is_no_header(note: str) -> None:
    said = _refusal(TITLE + BODY + note + "\n")
    # The note's row (5) is named, and the regions' rows above it.
    assert "row 5 (" in said
    assert "lies below rows of labels with values" in said
    assert "3 ('Pacitan')" in said
    assert "4 ('Kota Malang')" in said
    assert IN_TITLE in said


def test_the_same_note_below_a_header_is_a_note() -> None:
    # With a header naming the year, the note is skipped as one.
    text = "Kabupaten/Kota,2023\nPacitan,13.65\nKota Malang,4.26\nSumber: BPS, 2024\n"
    table = read_bps_table(io.StringIO(text), locale="en")
    assert table.data["value"].tolist() == [13.65, 4.26]
    assert "note" in set(table.skipped["reason"].str[:4])


def test_a_tab_separated_file_read_with_commas_is_refused(tmp_path: Path) -> None:
    # As Excel saves "Unicode text": tabs between fields, the source line's
    # comma splitting off "2024" when read with sep=",".
    text = (
        "Persentase Penduduk Miskin Jawa Timur Maret 2023\n"
        "Kabupaten/Kota\tPersentase\n"
        "Pacitan\t13.65\n"
        "Kota Malang\t4.26\n"
        "Sumber: BPS Provinsi Jawa Timur, 2024\t\n"
    )
    said = _refusal(text)
    assert "'Pacitan 13.65'" in said
    assert "pass sep='\\t'" in said
    # Followed, the advice reads the file to its refusal of a title-only
    # period, no longer to an empty table.
    with pytest.raises(ValueError, match=NO_HEADER):
        read_bps_table(io.StringIO(text), locale="en", sep="\t")


def test_a_dated_note_cell_in_a_workbook_is_no_header(tmp_path: Path) -> None:
    # "Diperbarui:" with a date cell formatted as month and year.
    rows: list[list[object]] = [
        ["Persentase Penduduk Miskin Menurut Kabupaten/Kota di Jawa Timur, Maret 2023"],
        ["Kabupaten/Kota", "Persentase Penduduk Miskin (Persen)"],
        ["Pacitan", 13.65],
        ["Kota Malang", 4.26],
        [],
        ["Diperbarui:", datetime(2024, 7, 15)],
    ]
    path = xlsx_path(tmp_path / "t.xlsx", rows, {"B6": "mmmm yyyy"})
    with pytest.raises(ValueError, match=NO_HEADER) as e:
        read_bps_table(path, locale="en")
    assert "lies below rows of labels with values" in str(e.value)


JATENG = (
    '"Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Kabupaten/Kota di Jawa Tengah, '
    'Maret 2009"\n'
)


@pytest.mark.parametrize(
    ("total", "years"),
    [("1987", "1987"), ("2001.00", "2001"), ("1987,17.72", "1987"), ("1987,-", "1987")],
)
def test_a_province_total_like_a_year_is_no_header(total: str, years: str) -> None:
    head = "Kabupaten/Kota,Jumlah Penduduk Miskin (Ribu Jiwa)"
    if "," in total:
        head += ",Persentase Penduduk Miskin (%)"
    text = (
        JATENG + head + f"\nJAWA TENGAH,{total}\nCilacap,319.90\nKota Semarang,79.68\n"
    )
    said = _refusal(text)
    assert "row 3 (['JAWA TENGAH'" in said
    assert f"holds a number read as a year ({years})" in said
    assert "row 2 above it names the columns" in said
    assert "a year (2009) is found only in the title" in said


def test_a_province_total_under_the_title_alone_is_no_header() -> None:
    # No row names the columns; the title's year (2009) is not 1987's.
    text = JATENG + "JAWA TENGAH,1987\nCilacap,319.90\nKota Semarang,79.68\n"
    said = _refusal(text)
    assert "holds a number read as a year (1987)" in said
    assert "the title names 2009" in said


@pytest.mark.parametrize(
    "title",
    [
        "Persentase Penduduk Miskin Jawa Timur 2022-2023\n",
        "Persentase Penduduk Miskin Jawa Timur, Maret 2023\n",
        "",
    ],
)
def test_a_province_over_its_regencies_is_still_a_header(title: str) -> None:
    # "Jawa Timur,2022,2023" heads its own regencies (as documented): P0 of
    # Pacitan in March 2022 and 2023 is 13.80 and 13.65 (bps_p0_kabkota).
    head = "Jawa Timur,2022,2023" if "2022" in title or not title else "Jawa Timur,2023"
    values = "13.80,13.65" if head.count(",") == 2 else "13.65"
    text = f'"{title.strip()}"\n' * bool(title) + f"{head}\nPacitan,{values}\n"
    table = read_bps_table(io.StringIO(text), locale="en")
    assert table.data["value"].tolist()[-1] == 13.65
    assert table.data["region_code"].unique().tolist() == ["3501"]


@pytest.mark.parametrize(
    "title",
    ["Persentase Kemiskinan Menurut Kabupaten/Kota (%)", "Penduduk Miskin (%)"],
)
def test_headcount_titles_without_the_word_penduduk(title: str) -> None:
    # East Java's cities with the lowest P0 in March 2022 and 2023 (Kota
    # Batu 3.79, 3.31; Kota Malang 4.37, 4.26; Kota Surabaya 4.72, 4.65;
    # data-raw/indonesia/bps_p0_kabkota_2004_2025.csv) and Bangkalan (19.44,
    # 19.35) pasted from a sheet formatted 0.00% as 0.1944 and 0.1935: 100
    # times too small, and 19.44 lies beyond twice the others' highest
    # (9.44), so only a title naming the headcount ratio tells.
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        [
            [title, None, None],
            ["Kabupaten/Kota", "2022", "2023"],
            ["Kota Batu", 3.79, 3.31],
            ["Kota Malang", 4.37, 4.26],
            ["Kota Surabaya", 4.72, 4.65],
            ["Bangkalan", 0.1944, 0.1935],
        ]
    )
    with pytest.warns(UserWarning, match="hold fractions of one: 'Bangkalan'"):
        read_bps_table(df, locale="en")


def test_a_count_title_is_not_a_headcount_title() -> None:
    # "Penduduk Miskin" without a percent is the number of the poor: a
    # count below 1 thousand (Kota Mojokerto's poor were 7.21 thousand in
    # March 2023; a village-level 0.52 is no fraction) is not warned.
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        [
            ["Penduduk Miskin (Ribu Jiwa)", None, None],
            ["Kabupaten/Kota", "2022", "2023"],
            ["Kota Batu", 8.03, 7.08],
            ["Kota Malang", 38.56, 37.78],
            ["Bangkalan", 0.52, 0.51],
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_bps_table(df, locale="en")


# --- any label: a row of values is never a title, a header or a note -----------


def test_notes_below_rows_of_any_label_are_no_header() -> None:
    # English names are no bundled names; two rows with values above the
    # note are values all the same (sheets31 F3).
    text = (
        '"Percentage of Poor Population by Regency in Jawa Timur, March 2023"\n'
        "Regency/Municipality,Percentage\n"
        "Pacitan Regency,13.65\nPonorogo Regency,9.53\nBatu City,3.31\n"
        "Source: BPS-Statistics Indonesia, 2024\n"
    )
    said = _refusal(text)
    assert "lies below rows of labels with values" in said
    assert "3 ('Pacitan Regency')" in said


def test_one_title_row_with_a_number_is_a_title() -> None:
    # One row above the header with a number beside a label that names no
    # region ("Tabel,3.1") is a title, as before: the table is read.
    text = "Tabel,3.1\nKabupaten/Kota,2023\nPacitan,13.65\n"
    table = read_bps_table(io.StringIO(text), locale="en")
    assert table.data["value"].tolist() == [13.65]


@pytest.mark.parametrize(
    "label", ["Total", "Jumlah", "JATIM", "Pacitn", "Jawa Timur (Total)"]
)
def test_a_year_like_count_under_any_label_is_no_header(label: str) -> None:
    # sheets31 F2: a total of 2,011 thousand under the columns' names.
    text = (
        '"Jumlah Penduduk Miskin Menurut Kabupaten/Kota, Maret 2023 (ribu jiwa)"\n'
        f"Kabupaten/Kota,Jumlah\n{label},2011\nPacitan,76.20\nPonorogo,83.71\n"
    )
    said = _refusal(text)
    assert (
        f"is labelled {label!r}, no heading, and holds a number read as a year (2011)"
        in said
    )


@pytest.mark.parametrize(
    "label",
    ["", "Kota", "Tahun", "Provinsi/Kabupaten/Kota", "Kabupaten/Kota (lanjutan)"],
)
def test_a_second_header_under_any_label_is_refused(label: str) -> None:
    # sheets31 F1: a table of 2024 and 2025 stacked below one of 2022 and
    # 2023; its rows must not be dated 2022 and 2023.
    text = (
        "Kabupaten/Kota,2022,2023\nPacitan,13.80,13.65\nKota Batu,3.79,3.31\n\n"
        f"{label},2024,2025\nKota Malang,4.10,4.00\n"
    )
    with pytest.raises(ValueError, match="the header of a second table") as e:
        read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert "['2024', '2025']" in str(e.value)


def test_a_region_or_total_whose_values_look_like_years_is_data() -> None:
    # Counts in thousands that happen to be year-like under a region's or a
    # total's name are values: read, not refused.
    text = "Provinsi,2022,2023\nJawa Tengah,2001,1987\nJumlah,2001,1987\n"
    table = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert table.data["value"].tolist()[:2] == [2001.0, 1987.0]


def test_groups_over_different_periods_are_refused() -> None:
    # sheets31 F4: the poverty line in rupiah over 2022, P0 in percent over
    # 2023; read as a title they would be one series.
    text = (
        "Kabupaten/Kota,Garis Kemiskinan (Rupiah/kapita/bulan),"
        "Persentase Penduduk Miskin (persen)\n,2022,2023\n"
        "Pacitan,450000,13.65\nKota Batu,600000,3.31\n"
    )
    with pytest.raises(ValueError, match="names column groups over different periods"):
        read_bps_table(io.StringIO(text), locale="en")


def test_a_split_title_over_the_years_is_a_title() -> None:
    # "Tabel 3.1 | Persentase Penduduk Miskin | (Persen)": a title split by
    # its commas over the columns, as the docs say; the table is read.
    text = (
        "Tabel 3.1,Persentase Penduduk Miskin,(Persen)\n"
        ",2022,2023\nPacitan,13.80,13.65\n"
    )
    table = read_bps_table(io.StringIO(text), locale="en")
    assert table.data["value"].tolist() == [13.80, 13.65]


def test_a_total_like_a_year_is_not_called_a_renamed_year() -> None:
    # sheets31 F6a: "Jumlah,2010.5" is a total's count, never a year a
    # reader renamed nor a header cell with decimals.
    text = (
        '"Jumlah Penduduk Miskin Menurut Kabupaten/Kota, Maret 2023 (ribu jiwa)"\n'
        "Kabupaten/Kota,Jumlah\nPacitan,76.20\nPonorogo,83.71\nJumlah,2010.5\n"
    )
    said = _refusal(text)
    assert "reader renamed" not in said
    assert "with decimals" not in said


def test_a_second_column_of_names_is_named_so() -> None:
    # sheets31 F6b: regencies in column B beside their provinces in A, under
    # an empty header cell: names, not values; writing a period above them
    # (the old advice) would only make them invalid cells.
    text = ",,2022,2023\nJAWA TIMUR,,10.49,10.35\n,Pacitan,13.80,13.65\n"
    with pytest.raises(ValueError, match="it holds region names") as e:
        read_bps_table(io.StringIO(text), locale="en")
    assert "'Pacitan'" in str(e.value)
    assert "write the period above" not in str(e.value)


def test_a_column_of_area_codes_is_named_so() -> None:
    # 1901 and 1902 are Bangka's and Belitung's codes (Kemendagri).
    text = "Kabupaten/Kota,,2023\nBangka,1901,5.1\nBelitung,1902,7.0\n"
    with pytest.raises(ValueError, match="it holds area codes") as e:
        read_bps_table(io.StringIO(text), locale="en")
    assert "splits into two fields" not in str(e.value)
