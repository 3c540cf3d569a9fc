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
    assert "lies below rows naming regions with their values" in said
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
    assert "lies below rows naming regions with their values" in str(e.value)


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
