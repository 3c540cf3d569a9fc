"""Advice about the file, followed; a split thousands comma; marks before kinds.

* A short "," row in locale "en" whose one value has an unquoted thousands
  comma ("JAWA TIMUR,3,982.69") is named with both readings.
* A frame read with the wrong separator: the advised pandas.read_csv reads
  Indonesian numbers as text, so that "558.029" is 558029.
* A change or remarks column in a workbook: the advice is the sheet's
  (a frame read from the workbook loses its percent formats).
* A long table: the advised pivot keeps the file's row order (a province
  row above its regencies).
* An .xlsx path holding cp1252 CSV text: the message names cp1252.
* A note mark before a name with its kind ("*Kota Batu") is read as before
  a bare name ("*Pacitan").
* The wrong-separator message (";" or a tab) does not call the header line
  a title; a real title line naming a year is still named.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest
from openpyxl import load_workbook

from long_tables import bps_long, follow
from povstat import read_bps_table
from spreadsheets import xlsx_path

# --- a thousands comma splitting a short row's one value (locale "en") --------

# Jumlah Penduduk Miskin (ribu jiwa), bps_poor_kabkota_2004_2025.csv: JAWA
# TIMUR 2024 = 3982.69 (its 2025 figure left out, the row short), Pacitan
# 73.03 / 72.47, Kota Batu 6.59 / 6.22.
_POOR = (
    "Provinsi/Kabupaten/Kota,Jumlah Penduduk Miskin (Ribu Jiwa),\n,2024,2025\n"
    "JAWA TIMUR,3,982.69\nPacitan,73.03,72.47\nKota Batu,6.59,6.22\n"
)


def _warnings(text: str) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(io.StringIO(text), locale="en", month=3)
    return [str(w.message) for w in caught]


def test_a_split_thousands_comma_before_decimals_is_named_with_both_readings() -> None:
    said = [w for w in _warnings(_POOR) if "thousands comma" in w]
    assert len(said) == 1
    # Row 3 of the file; read as 3 and 982.69, or one number 3982.69.
    assert said[0].startswith("row 3 holds '3' right before '982.69'")
    assert "read as two values, 3 and 982.69" in said[0]
    assert "one number, 3982.69, written '3,982.69'" in said[0]
    assert 'put such numbers in quotes ("3,982.69")' in said[0]


def test_a_quoted_thousands_comma_is_read_without_a_warning() -> None:
    # The advice followed: "3,982.69" quoted is 3982.69, 2025 missing.
    text = _POOR.replace("JAWA TIMUR,3,982.69", 'JAWA TIMUR,"3,982.69",')
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(io.StringIO(text), locale="en", month=3)
    value = t.data["value"]
    assert value.iloc[0] == 3982.69
    assert pd.isna(value.iloc[1])


@pytest.mark.parametrize(
    "row",
    [
        "JAWA TIMUR,3982.69,3875.88",  # 2025 = 3875.88, the source's
        "JAWA TIMUR,4181.29,982.69",  # a four-digit whole part before it
        "JAWA TIMUR,0,982.69",  # no thousands group starts with 0
        "JAWA TIMUR,3.5,982.69",  # a decimal before it
    ],
)
def test_no_warning_without_the_split(row: str) -> None:
    text = _POOR.replace("JAWA TIMUR,3,982.69", row)
    assert not [w for w in _warnings(text) if "thousands comma" in w]


# --- the wrong separator for a frame: the advice followed ---------------------

# GK 2025 (bps_gk_kabkota_2025.csv): JAWA TIMUR 558029, Pacitan 386174,
# Kota Batu 671273 rupiah, as Excel saves it in Indonesian settings.
_GK = (
    "Provinsi/Kabupaten/Kota;Garis Kemiskinan (Rupiah/kapita/bulan)\r\n;2025\r\n"
    "JAWA TIMUR;558.029\r\nPacitan;386.174\r\nKota Batu;671.273\r\n"
)


def test_the_wrong_separator_advice_for_a_frame_reads_indonesian_numbers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "gk_id.csv"
    path.write_bytes(_GK.encode("utf-8-sig"))
    with pytest.raises(ValueError, match="wrong separator") as info:
        read_bps_table(pd.read_csv(path), locale="id", month=3)
    advice = re.search(
        r"read the file again with (pandas\.read_csv\([^)]*\))", str(info.value)
    )
    assert advice is not None
    code = advice[1]
    assert code == "pandas.read_csv(..., sep=';', dtype=str, keep_default_na=False)"
    frame = eval(code.replace("...", repr(str(path))), {"pandas": pd})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(frame, locale="id", month=3)
    # By hand: "558.029" in locale "id" is 558029 (a thousands dot).
    assert t.data["value"].tolist() == [558029, 386174, 671273]


def test_the_polars_advice_reads_indonesian_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gk_id.csv"
    path.write_bytes(_GK.encode("utf-8"))
    with pytest.raises(ValueError, match="wrong separator") as info:
        read_bps_table(pl.read_csv(path), locale="id", month=3)
    assert "polars.read_csv(..., separator=';', infer_schema=False)" in str(info.value)
    t = read_bps_table(
        pl.read_csv(path, separator=";", infer_schema=False), locale="id", month=3
    )
    assert list(t.data["value"]) == [558029, 386174, 671273]


# --- a change or remarks column in a workbook: the sheet's advice -------------

# P0 March 2024 / 2025 (bps_p0_kabkota_2004_2025.csv), stored as fractions
# formatted 0.00%: Pacitan 13.08 / 12.97, Kota Batu 6.48 / 6.22.
_P0 = [("Pacitan", 0.1308, 0.1297), ("Kota Batu", 0.0648, 0.0622)]


@pytest.mark.parametrize("head", ["Perubahan 2024-2025", "Keterangan"])
def test_a_workbook_column_to_leave_out_is_deleted_from_the_sheet(
    head: str, tmp_path: Path
) -> None:
    rows: list[list[Any]] = [["Kabupaten/Kota", 2024, 2025, head]]
    rows += [[n, a, b, round(b - a, 4)] for n, a, b in _P0]
    formats = {f"{c}{r}": "0.00%" for c in "BCD" for r in (2, 3)}
    path = xlsx_path(tmp_path / "chg.xlsx", rows, formats)
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(path, locale="en", month=3)
    said = str(info.value)
    assert "delete the column from the sheet" in said
    assert "pandas read_excel, which loses the cells' number formats" in said
    assert "read_csv(usecols" not in said
    assert "df.drop(columns" not in said
    # Followed: the column deleted in the sheet, the formats kept.
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    ws.delete_cols(4)
    wb.save(path)
    t = read_bps_table(path, locale="en", month=3)
    assert t.data["value"].tolist() == [13.08, 12.97, 6.48, 6.22]


def test_a_csv_change_column_keeps_the_pandas_route() -> None:
    # A CSV file has no formats to lose: its advice names pandas too.
    text = "Kabupaten/Kota,2024,2025,Perubahan 2024-2025\nPacitan,13.08,12.97,-0.11\n"
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(io.StringIO(text), locale="en", month=3)
    assert "pandas.read_csv(..., usecols=..., dtype=str, keep_default_na=False)" in (
        str(info.value)
    )


# --- a long table: the pivot keeps the file's order ---------------------------

# Index Kedalaman Kemiskinan (P1), bps_p1p2_kabkota_2015_2023.csv, as BPS's
# web API exports it: each province row above its regencies. Sorted by name,
# "Jembrana" and "Kota Denpasar" (Bali) would fall under "JAWA TIMUR".
_P1 = [
    ("2023", "BALI", "0.55"),
    ("2023", "Jembrana", "0.38"),
    ("2023", "Badung", "0.11"),
    ("2023", "Kota Denpasar", "0.35"),
    ("2023", "JAWA TIMUR", "1.63"),
    ("2023", "Pacitan", "1.73"),
    ("2023", "Kota Batu", "0.35"),
    ("2022", "BALI", "0.62"),
    ("2022", "Jembrana", "0.73"),
    ("2022", "Badung", "0.29"),
    ("2022", "Kota Denpasar", "0.3"),
    ("2022", "JAWA TIMUR", "1.62"),
    ("2022", "Pacitan", "1.35"),
    ("2022", "Kota Batu", "0.64"),
]
_LONG = bps_long(("Index Kedalaman Kemiskinan", y, r, v) for y, r, v in _P1)
_CODES = ["51", "5101", "5103", "5171", "35", "3501", "3579"]


@pytest.mark.parametrize("source", ["file", "frame"])
def test_the_long_form_advice_keeps_the_province_rows_above_their_regencies(
    source: str,
) -> None:
    df = pd.read_csv(io.StringIO(_LONG), dtype=str, keep_default_na=False)
    given: Any = io.StringIO(_LONG) if source == "file" else df
    with pytest.raises(ValueError, match="pivot") as info:
        read_bps_table(given, locale="en")
    said = str(info.value)
    pandas_code = re.search(r"pandas (df\.pivot\(.*?\.reset_index\(\))", said)
    polars_code = re.search(r"polars (df\.pivot\([^)]*\))", said)
    assert pandas_code is not None
    assert polars_code is not None
    for wide in (
        follow(pandas_code[1], df),
        follow(polars_code[1], pl.from_pandas(df)),
    ):
        t = read_bps_table(wide, locale="en", month=3, errors="report")
        assert t.unmatched.empty
        got = t.data.drop_duplicates("label")["region_code"].tolist()
        assert got == _CODES
        # Every value is the source's, by region and year.
        by = {(r, y): float(v) for y, r, v in _P1}
        assert all(
            by[str(row.label), str(row.year)] == row.value
            for row in t.data.itertuples()
        )
    # The pivot alone sorts the regions: Jembrana and Kota Denpasar, below
    # JAWA TIMUR, are no regions of it.
    sorted_wide = df.pivot(  # noqa: PD010 - the pivot the old advice gave
        index="nama_wilayah", columns="nama_tahun", values="data_content"
    ).reset_index()
    t = read_bps_table(sorted_wide, locale="en", month=3, errors="report")
    assert set(t.unmatched["label"]) == {"Jembrana", "Kota Denpasar"}


# --- an .xlsx path holding cp1252 CSV text ------------------------------------


def test_an_xlsx_path_holding_cp1252_text_names_cp1252(tmp_path: Path) -> None:
    # Excel on Windows writes "CSV (semicolon delimited)" in cp1252, "…"
    # (BPS's missing value) as byte 0x85. P0 March 2024 / 2025: Pacitan
    # 13.08 / 12.97, Kota Batu 6.48 / 2025 missing.
    path = tmp_path / "ansi.xlsx"
    text = (
        "Kabupaten/Kota;2024;2025\r\nPacitan;13,08;12,97\r\nKota Batu;6,48;\u2026\r\n"
    )
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(ValueError, match="looks like text") as info:
        read_bps_table(path, locale="id", sep=";", month=3)
    said = str(info.value)
    assert "open(path, encoding='cp1252')" in said
    assert "pass encoding='cp1252'" in said
    assert "encoding='utf-8'" not in said
    # Both routes followed.
    with open(path, encoding="cp1252") as f:
        t = read_bps_table(f, locale="id", sep=";", month=3)
    renamed = path.rename(tmp_path / "ansi.csv")
    u = read_bps_table(renamed, locale="id", sep=";", month=3, encoding="cp1252")
    for table in (t, u):
        assert table.data["value"].tolist()[:3] == [13.08, 12.97, 6.48]
        assert pd.isna(table.data["value"].iloc[3])


def test_an_xlsx_path_holding_utf8_text_still_names_utf8(tmp_path: Path) -> None:
    path = tmp_path / "u.xlsx"
    path.write_bytes("Kabupaten/Kota;2024\nKota Batu;6,48\u2026\n".encode())
    with pytest.raises(ValueError, match=re.escape("open(path, encoding='utf-8')")):
        read_bps_table(path, locale="id", sep=";", month=3)


# --- a note mark before a name with its kind ----------------------------------


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("*Kota Batu", "3579"),
        ("* Kota Batu", "3579"),
        ("*KOTA BATU", "3579"),
        ("*Kota Malang", "3573"),
        ("*Kab. Malang", "3507"),
        ("*Kabupaten Pacitan", "3501"),
        ("**) Kota Batu", "3579"),
        ("(*) Kota Batu", "3579"),
        ("#Kota Batu", "3579"),
        ("\u2020Kota Batu", "3579"),
        ("*Pacitan", "3501"),  # as before
    ],
)
def test_a_note_mark_before_a_kind_is_read_as_before_a_bare_name(
    label: str, code: str
) -> None:
    # Under JAWA TIMUR (35): Kota Batu 3579, Kota Malang 3573, Kabupaten
    # Malang 3507, Kabupaten Pacitan 3501 (BPS codes).
    text = f"Kabupaten/Kota,2024,2025\nJAWA TIMUR,9.79,9.50\n{label},6.48,6.22\n"
    t = read_bps_table(io.StringIO(text), locale="en", month=3, errors="report")
    assert t.unmatched.empty
    assert t.data["region_code"].tolist() == ["35", "35", code, code]


# --- the wrong separator: the header line is no title -------------------------


@pytest.mark.parametrize(
    ("text", "sep", "want"),
    [
        # Pacitan 13,8 and 13,65 (P0 March 2022 / 2023).
        ("Kabupaten/Kota;2022;2023\nPacitan;13,8;13,65\n", ";", [13.8, 13.65]),
        (
            "Persentase Penduduk Miskin (Persen);;\n;2022;2023\nPacitan;13,8;13,65\n",
            ";",
            [13.8, 13.65],
        ),
        # Excel's "Text (Tab delimited)": P0 March 2024 / 2025, JAWA TIMUR
        # 9,79 / 9,5, Pacitan 13,08 / 12,97, Kota Batu 3,06 / 2,86.
        (
            "Kabupaten/Kota\t2024\t2025\r\nJAWA TIMUR\t9,79\t9,5\r\n"
            "Pacitan\t13,08\t12,97\r\nKota Batu\t3,06\t2,86\r\n",
            "\t",
            [9.79, 9.5, 13.08, 12.97, 3.06, 2.86],
        ),
    ],
    ids=["semicolon", "semicolon-under-title", "tab"],
)
@pytest.mark.parametrize("source", ["text", "file"])
def test_the_wrong_separator_message_calls_no_header_line_a_title(
    text: str, sep: str, want: list[float], source: str, tmp_path: Path
) -> None:
    def given() -> Any:
        if source == "text":
            return io.StringIO(text)
        path = tmp_path / "p0.txt"
        path.write_bytes(text.encode())
        return path

    with pytest.raises(ValueError, match=re.escape(f"pass sep={sep!r}")) as info:
        read_bps_table(given(), locale="id")
    assert "title" not in str(info.value)
    # Followed: sep= alone.
    t = read_bps_table(given(), locale="id", sep=sep, month=3)
    assert t.data["value"].tolist() == want


def test_a_title_holding_a_year_is_still_named() -> None:
    # A real title line naming a year, above a header without one (no other
    # separator inside it): the title is named, with its row.
    text = "Persentase Penduduk Miskin 2022\nKabupaten/Kota,P0\nPacitan,13.8\n"
    with pytest.raises(ValueError, match="found only in the title") as info:
        read_bps_table(io.StringIO(text), locale="en")
    assert "the title 'Persentase Penduduk Miskin 2022' (row 1)" in str(info.value)


# --- a transposed table under a title line: the advice skips to the header ----

# Persentase Penduduk Miskin (P0), March, bps_p0_kabkota_2004_2025.csv:
# JAWA TIMUR 10.35 / 9.79 / 9.50, Pacitan 13.65 / 13.08 / 12.97, Kota Batu
# 3.31 / 3.06 / 2.86 (2023-2025), as Excel saves a time series in
# Indonesian settings, with its title and a blank line above the header.
_SERIES = (
    "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen);;;\r\n\r\n"
    "Tahun;JAWA TIMUR;Pacitan;Kota Batu\r\n2023;10,35;13,65;3,31\r\n"
    "2024;9,79;13,08;3,06\r\n2025;9,50;12,97;2,86\r\n"
)


def test_the_transposed_advice_skips_the_lines_above_the_header(
    tmp_path: Path,
) -> None:
    path = tmp_path / "series.csv"
    path.write_bytes(_SERIES.encode())
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(path, locale="id", sep=";", month=3)
    # The header is the file's row 3: two lines (title, blank) to skip.
    assert "pandas.read_csv(..., sep=';', skiprows=2, index_col=0, dtype=str" in str(
        info.value
    )
    df = pd.read_csv(
        path, sep=";", skiprows=2, index_col=0, dtype=str, keep_default_na=False
    )
    t = read_bps_table(df.T.reset_index(), locale="id", month=3)
    assert t.data["value"].tolist() == [
        10.35, 9.79, 9.50, 13.65, 13.08, 12.97, 3.31, 3.06, 2.86
    ]  # fmt: skip
    # A header in the first row needs no skiprows.
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(
            io.StringIO(_SERIES.split("\r\n", 2)[2]), locale="id", sep=";", month=3
        )
    assert "pandas.read_csv(..., sep=';', index_col=0, dtype=str" in str(info.value)


# --- a long table under a title line: the advice skips to the header ----------


def test_the_long_form_advice_skips_the_lines_above_the_header(
    tmp_path: Path,
) -> None:
    # The P1 rows above (bps_p1_p2 long file, BPS's own long layout) under a
    # title line and a blank line: the header is the file's row 3.
    path = tmp_path / "long.csv"
    path.write_text(
        "Indeks Kedalaman Kemiskinan (P1) Menurut Kabupaten/Kota,,,\n\n" + _LONG
    )
    with pytest.raises(ValueError, match="looks long, not wide") as info:
        read_bps_table(path, locale="en")
    said = str(info.value)
    assert "pandas.read_csv(..., skiprows=2, dtype=str, keep_default_na=False)" in said
    df = pd.read_csv(path, skiprows=2, dtype=str, keep_default_na=False)
    pandas_code = re.search(r"pandas (df\.pivot\(.*?\.reset_index\(\))", said)
    assert pandas_code is not None
    t = read_bps_table(follow(pandas_code[1], df), locale="en", month=3)
    by = {(r, y): float(v) for y, r, v in _P1}
    assert len(t.data) == len(_P1)
    assert all(
        by[str(row.label), str(row.year)] == row.value for row in t.data.itertuples()
    )
    # A header in the first row needs no skiprows.
    with pytest.raises(ValueError, match="looks long, not wide") as info:
        read_bps_table(io.StringIO(_LONG), locale="en")
    assert "pandas.read_csv(..., dtype=str, keep_default_na=False)" in str(info.value)
