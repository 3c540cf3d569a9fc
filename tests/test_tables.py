from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import sys
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat import (
    BpsTable,
    NumberParseError,
    format_number,
    parse_columns,
    parse_numbers,
    read_bps_table,
)
from povstat.datasets import load_east_java
from spreadsheets import xlsx_bytes, xlsx_path, xlsx_workbook

# Excerpt of the BPS table "Persentase Penduduk Miskin (P0) Menurut
# Kabupaten/Kota (Persen)", CSV export as mirrored on GitHub (source
# BPS_P0_KABKOTA: muhammadludviarg/visdati, commit 2e55fd5f), years 2022-2024,
# with its layout: title row, header row of bare years, a decimal point, "-"
# for no data, a blank row and a "Catatan" row. Values as in the export; the
# East Java ones equal povstat's bundled data.
TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"
P0_KABKOTA = f"""\
Provinsi/Kabupaten/Kota,{TITLE},,
,2022,2023,2024
ACEH,14.64,14.45,14.23
JAWA TIMUR,10.38,10.35,9.79
Pacitan,13.8,13.65,13.08
Malang,9.55,9.45,8.98
Kota Malang,4.37,4.26,3.91
Kota Batu,3.79,3.31,3.06
,,,
Catatan,"Tidak ada data Susenas Maret 2015 di Kabupaten Nduga, Provinsi Papua.",,
"""

# The same East Java rows typed the Indonesian way: ";" between fields, a
# decimal comma, "Kab." and "Kota" prefixes, and a "Sumber" row.
P0_ID = """\
Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen);;;
Kabupaten/Kota;2022;2023;2024
Jawa Timur;10,38;10,35;9,79
Kab. Pacitan;13,8;13,65;13,08
Kabupaten Malang;9,55;9,45;8,98
KOTA MALANG;4,37;4,26;3,91
Kota  Batu;3,79;3,31;3,06
Sumber: BPS Provinsi Jawa Timur;;;
"""

# Excerpt of "Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Kabupaten/Kota"
# (BPS_N_KABKOTA, same repository and commit), 2016-2017: the province total
# starts in 2017 ("-" before). Written here with Indonesian digit grouping.
POOR_ID = """\
Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Kabupaten/Kota;;
;2016;2017
JAWA TIMUR;-;4.617,01
Pacitan;85,53;85,26
Kota Malang;37,03;35,88
"""

# Excerpt of "Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah
# (Persen)" (BPS_P0_PROV, same repository and commit), Jawa Timur, 2022-2023:
# a row of area groups (Perkotaan, Jumlah), a row of years each spanning three
# columns, a row of rounds. BPS published no September 2023 figures.
_ROUNDS = ",".join(["Semester 1 (Maret)", "Semester 2 (September)", "Tahunan"] * 4)
P0_PROV = f"""\
38 Provinsi,Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah,,,,,,,,,,,
,Perkotaan,,,,,,Jumlah,,,,,
,2022,,,2023,,,2022,,,2023,,
,{_ROUNDS}
JAWA TIMUR,7.71,7.78,-,7.5,-,-,10.38,10.49,-,10.35,-,-
"""


def _reference(column: str) -> pd.DataFrame:
    ref = load_east_java()
    return ref[["region_code", "year", "month", column]]


def test_bps_kabkota_export() -> None:
    t = read_bps_table(
        io.StringIO(P0_KABKOTA), locale="en", month=3, value_name="poverty_rate_pct"
    )
    d = t.data
    assert list(d.columns) == [
        "region_code",
        "region_name",
        "region_type",
        "label",
        "footnote",
        "group",
        "year",
        "month",
        "poverty_rate_pct",
    ]
    # 6 region rows x 3 years: nothing dropped; ACEH is a province too.
    assert len(d) == 18
    assert d["region_code"].tolist()[::3] == [
        "11",
        "35",
        "3501",
        "3507",
        "3573",
        "3579",
    ]
    assert d["region_name"].tolist()[6::3] == [
        "Kabupaten Pacitan",
        "Kabupaten Malang",
        "Kota Malang",
        "Kota Batu",
    ]
    assert d["year"].tolist()[:3] == [2022, 2023, 2024]
    assert (d["month"] == 3).all()
    assert d["group"].isna().all()
    assert d["footnote"].isna().all()
    # Every East Java value equals the bundled data (same BPS table).
    merged = d[d["region_code"] != "11"].merge(
        _reference("poverty_rate_pct"),
        on=["region_code", "year", "month"],
        suffixes=("", "_ref"),
        validate="one_to_one",
    )
    assert len(merged) == 15
    np.testing.assert_array_equal(
        merged["poverty_rate_pct"], merged["poverty_rate_pct_ref"]
    )
    assert t.unmatched.empty
    assert t.skipped["reason"].tolist() == ["title", "blank", "note"]
    assert t.skipped["row"].tolist() == [1, 9, 10]
    assert t.skipped["text"].iloc[2].startswith("Catatan | Tidak ada data Susenas")
    assert t.title == f"Provinsi/Kabupaten/Kota | {TITLE}"
    assert t.invalid == ()
    assert d.dtypes.to_dict() == {
        "region_code": "string",
        "region_name": "string",
        "region_type": "string",
        "label": "string",
        "footnote": "string",
        "group": "string",
        "year": np.int64,
        "month": "Int64",
        "poverty_rate_pct": np.float64,
    }


def test_indonesian_table_gives_the_same_numbers() -> None:
    en = read_bps_table(io.StringIO(P0_KABKOTA), locale="en", month=3).data
    id_ = read_bps_table(io.StringIO(P0_ID), locale="id", month=3, sep=";").data
    en = en[en["region_code"] != "11"].reset_index(drop=True)  # not in P0_ID
    cols = ["region_code", "region_name", "region_type", "year", "month", "value"]
    pd.testing.assert_frame_equal(id_[cols], en[cols])


def test_reading_the_export_in_the_wrong_locale_lists_every_cell() -> None:
    # BPS's export writes "10.38"; read as Indonesian, each such value is an
    # error (a dot must group three digits), never 1038.
    with pytest.raises(NumberParseError) as info:
        read_bps_table(io.StringIO(P0_KABKOTA), locale="id", month=3)
    cells = info.value.cells
    assert len(cells) == 18
    assert (cells[0].row, cells[0].column, cells[0].text) == (3, "2022", "14.64")
    assert "row 4, column '2023': '10.35'" in str(info.value)


def test_thousands_grouping_and_missing_cells() -> None:
    t = read_bps_table(
        io.StringIO(POOR_ID), locale="id", month=3, sep=";", value_name="poor_thousands"
    )
    d = t.data
    np.testing.assert_array_equal(
        d["poor_thousands"], [np.nan, 4617.01, 85.53, 85.26, 37.03, 35.88]
    )
    got = d.dropna(subset=["poor_thousands"]).merge(
        _reference("poor_thousands"), on=["region_code", "year", "month"]
    )
    np.testing.assert_array_equal(got["poor_thousands_x"], got["poor_thousands_y"])


def test_provincial_table_with_groups_and_rounds() -> None:
    t = read_bps_table(io.StringIO(P0_PROV), locale="en")
    d = t.data
    assert len(d) == 12
    assert d["group"].tolist() == ["Perkotaan"] * 6 + ["Jumlah"] * 6
    assert d["year"].tolist() == [2022, 2022, 2022, 2023, 2023, 2023] * 2
    assert d["month"].tolist() == [3, 9, pd.NA, 3, 9, pd.NA] * 2
    np.testing.assert_array_equal(
        d["value"],
        [
            7.71,
            7.78,
            np.nan,
            7.5,
            np.nan,
            np.nan,
            10.38,
            10.49,
            np.nan,
            10.35,
            np.nan,
            np.nan,
        ],
    )
    assert (d["region_code"] == "35").all()
    total = d[(d["group"] == "Jumlah") & d["month"].notna()].dropna(subset=["value"])
    got = total.merge(
        _reference("poverty_rate_pct"), on=["region_code", "year", "month"]
    )
    assert len(got) == 3
    np.testing.assert_array_equal(got["value"], got["poverty_rate_pct"])


@pytest.mark.parametrize(
    ("header", "year", "month"),
    [
        ("2023", 2023, 3),  # bare year: the `month` argument
        ("Maret 2023", 2023, 3),
        ("September 2022", 2022, 9),
        ("Sept. 2022", 2022, 9),
        ("Semester 1 (Maret) 2023", 2023, 3),
        ("Semester 2 (September) 2022", 2022, 9),
        ("2022 Semester 2", 2022, 9),
        ("MARET 2023", 2023, 3),
        ("March 2023", 2023, 3),
        ("2023 Tahunan", 2023, None),
        ("2022 (September)", 2022, 9),  # a round in brackets
        ("2022 (Sept)", 2022, 9),
        ("(Maret) 2023", 2023, 3),
        ("2022 (Semester 2)", 2022, 9),
        ("2023 (Tahunan)", 2023, None),
    ],
)
def test_period_headers(header: str, year: int, month: int | None) -> None:
    arg = 3 if header == "2023" else None
    t = read_bps_table(
        io.StringIO(f";{header}\nKota Batu;3,31\n"), locale="id", sep=";", month=arg
    )
    assert t.data["year"].tolist() == [year]
    assert t.data["month"].tolist() == [pd.NA if month is None else month]


def test_bare_years_without_month_have_missing_month() -> None:
    t = read_bps_table(io.StringIO(P0_KABKOTA), locale="en")
    assert t.data["month"].isna().all()


@pytest.mark.parametrize(
    ("label", "code", "name"),
    [
        ("Kab. Malang", "3507", "Kabupaten Malang"),
        ("Kab.Malang", "3507", "Kabupaten Malang"),
        ("Kab Malang", "3507", "Kabupaten Malang"),
        ("Kabupaten Malang", "3507", "Kabupaten Malang"),
        ("KABUPATEN MALANG", "3507", "Kabupaten Malang"),
        ("Malang", "3507", "Kabupaten Malang"),  # BPS tables: bare = kabupaten
        ("MALANG", "3507", "Kabupaten Malang"),
        ("  Malang ", "3507", "Kabupaten Malang"),
        ("Kota Malang", "3573", "Kota Malang"),
        ("KOTA MALANG", "3573", "Kota Malang"),
        ("Kotamadya Malang", "3573", "Kota Malang"),
        ("Kota  Batu", "3579", "Kota Batu"),
        ("Kota Surabaya", "3578", "Kota Surabaya"),
        ("Jawa Timur", "35", "Jawa Timur"),
        ("JAWA TIMUR", "35", "Jawa Timur"),
        ("Provinsi Jawa Timur", "35", "Jawa Timur"),
        ("Prov. Jawa Timur", "35", "Jawa Timur"),
        ("INDONESIA", "00", "Indonesia"),
    ],
)
def test_region_names_are_matched(label: str, code: str, name: str) -> None:
    t = read_bps_table(io.StringIO(f";2023\n{label};1,0\n"), locale="id", sep=";")
    assert t.data["region_code"].tolist() == [code]
    assert t.data["region_name"].tolist() == [name]
    assert t.data["label"].tolist() == [" ".join(label.split())]
    assert len(t.unmatched) == 0


@pytest.mark.parametrize(
    "label",
    [
        "Surabaya",  # a bare name never means a kota
        "Batu",
        "Kab. Malangg",
        "Kabupaten Surabaya",
        "Kota Pacitan",
        "ATLANTIS",
        "Kota Baru Sekali",
        "Kota Mobagu",  # Kotamobagu misspelt: no type guessed from "Kota"
        "Provinsi Atlantis",
        "Data diolah",  # not a documented note prefix
    ],
)
def test_unmatched_rows_are_kept_and_reported(label: str) -> None:
    # An unmatched row is no region: every column describing the region
    # (code, name, type) is missing, whatever prefix the label has; the
    # label is kept as written.
    t = read_bps_table(io.StringIO(f";2023\n{label};1,0\n"), locale="id", sep=";")
    assert t.data[["region_code", "region_name", "region_type"]].isna().all().all()
    assert t.data["label"].tolist() == [label]
    assert t.data["value"].tolist() == [1.0]
    assert t.unmatched[["row", "label"]].to_dict("list") == {
        "row": [2],
        "label": [label],
    }


def test_unmatched_rows_get_no_region_columns_among_matched_ones() -> None:
    # Kota Mobagu (a misspelling of Kotamobagu, 7174) between two matched
    # rows: only the matched rows get a code, name and type.
    text = "Kab/Kota,2023\nKota Batu,3.3\nKota Mobagu,5.1\nKab. Pacitan,13.1\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == ["3579", pd.NA, "3501"]
    assert t.data["region_name"].tolist() == [
        "Kota Batu",
        pd.NA,
        "Kabupaten Pacitan",
    ]
    assert t.data["region_type"].tolist() == ["kota", pd.NA, "kabupaten"]
    assert t.data["label"].tolist() == ["Kota Batu", "Kota Mobagu", "Kab. Pacitan"]
    assert t.unmatched["label"].tolist() == ["Kota Mobagu"]


def test_row_without_a_name_is_kept() -> None:
    text = ";2023\nKota Batu;3,31\n;4,26\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [3.31, 4.26]
    assert t.unmatched["row"].tolist() == [3]
    assert t.unmatched["label"].isna().all()


def test_table_not_in_the_first_column(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    # A sheet whose table starts at cell B2 (Kota Batu, P0 2023, BPS_P0_KABKOTA).
    rows: list[list[Any]] = [
        [None, None, None],
        [None, None, 2023],
        [None, "Kota Batu", 3.31],
    ]
    path = tmp_path / "b2.xlsx"
    pd.DataFrame(rows).to_excel(path, header=False, index=False)
    t = read_bps_table(path, locale="id")
    assert t.data["region_code"].tolist() == ["3579"]
    assert t.data["value"].tolist() == [3.31]


@pytest.mark.parametrize(
    "note",
    [
        "Sumber: BPS",
        "Source: BPS-Statistics Indonesia",
        "Catatan:",
        "Keterangan",
        "Note",
        "*) Angka sementara",
        "Ket. data",
    ],
)
def test_note_rows_are_skipped_and_reported(note: str) -> None:
    t = read_bps_table(
        io.StringIO(f";2023\nKota Batu;3,31\n{note};\n"), locale="id", sep=";"
    )
    assert len(t.data) == 1
    assert t.skipped.to_dict("list") == {"row": [3], "reason": ["note"], "text": [note]}


def test_report_bad_cells_instead_of_raising() -> None:
    text = ";2022;2023\nKota Batu;3,79;3.31\nKota Malang;4.37;4,26\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [
        (2, "2023", "3.31"),
        (3, "2022", "4.37"),
    ]
    np.testing.assert_array_equal(t.data["value"], [3.79, np.nan, np.nan, 4.26])
    assert repr(t) == "BpsTable(title='', rows=4, unmatched=0, skipped=0, invalid=2)"


def test_a_tie_of_units_invalidates_every_cell_stating_one() -> None:
    # Two cells in percent, two in persons: neither unit is the column's, so
    # all four are invalid (kept as NaN with errors="report"), not the
    # "jiwa" ones only with 4.1 and 4.2 read as percent.
    text = "Kab;2022;2023\nKota Malang;4,1 persen;5 jiwa\nKota Batu;4,2 persen;6 jiwa\n"
    with pytest.raises(NumberParseError) as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert sorted(c.text for c in info.value.cells) == [
        "4,1 persen",
        "4,2 persen",
        "5 jiwa",
        "6 jiwa",
    ]
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert t.data["value"].isna().all()
    assert len(t.invalid) == 4


def test_mixed_units_are_invalid() -> None:
    text = ";2022;2023\nKota Batu;3,79 %;3,31 %\nKota Malang;4,37 %;37,78 ribu jiwa\n"
    with pytest.raises(
        NumberParseError, match="unit 'persons' in a column of 'percent'"
    ):
        read_bps_table(io.StringIO(text), locale="id", sep=";")


def test_excel(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    # Kota Malang and Pacitan, P0 2022-2023 (BPS_P0_KABKOTA): numbers stored
    # as numbers, one row typed as Indonesian text, years as numbers.
    rows: list[list[Any]] = [
        ["Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)", None, None],
        [None, None, None],
        ["Kabupaten/Kota", 2022, 2023],
        ["Pacitan", 13.8, 13.65],
        ["Kota Malang", "4,37", "4,26"],
        ["Sumber: BPS", None, None],
    ]
    path = tmp_path / "p0.xlsx"
    pd.DataFrame(rows).to_excel(path, header=False, index=False, sheet_name="P0")
    t = read_bps_table(path, locale="id", month=3, sheet_name="P0")
    assert t.data["region_code"].tolist() == ["3501", "3501", "3573", "3573"]
    assert t.data["value"].tolist() == [13.8, 13.65, 4.37, 4.26]
    assert t.data["year"].tolist() == [2022, 2023, 2022, 2023]
    # Spreadsheet row numbers.
    assert t.skipped.to_dict("list") == {
        "row": [1, 2, 6],
        "reason": ["title", "blank", "note"],
        "text": [rows[0][0], "", "Sumber: BPS"],
    }


def test_dataframe_source_is_not_modified() -> None:
    raw = pd.read_csv(
        io.StringIO(P0_KABKOTA), header=None, dtype=str, keep_default_na=False
    )
    before = raw.copy()
    t = read_bps_table(raw, locale="en", month=3)
    pd.testing.assert_frame_equal(raw, before)
    expected = read_bps_table(io.StringIO(P0_KABKOTA), locale="en", month=3)
    pd.testing.assert_frame_equal(t.data, expected.data)
    # Read with a header: the column labels are the header row, "Unnamed: 0"
    # an empty cell.
    with_header = pd.read_csv(io.StringIO(P0_KABKOTA), skiprows=1)
    assert with_header.columns[0] == "Unnamed: 0"
    t2 = read_bps_table(with_header, locale="en", month=3)
    pd.testing.assert_frame_equal(t2.data, expected.data)
    prov = pd.read_csv(io.StringIO(P0_PROV), skiprows=1, header=[0, 1])
    # Without its group row, the provincial table names each period twice
    # (Perkotaan and Jumlah): an error, not a silent mix.
    with pytest.raises(ValueError, match="same period more than once"):
        read_bps_table(prov.droplevel(0, axis=1), locale="en")


def test_path_source(tmp_path: Path) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(P0_KABKOTA, encoding="utf-8")
    t = read_bps_table(path, locale="en", month=3)
    assert isinstance(t, BpsTable)
    assert len(t.data) == 18
    assert len(read_bps_table(str(path), locale="en").data) == 18


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("title\nKota Batu;3,31\n", "no header row naming years"),
        (";2023;2024*\nKota Batu;3,31;3,06\n", r"\['2024\*'\] name no period"),
        (";2023;Maret 2023\nKota Batu;3,31;3,31\n", "same period"),
        (";2023;\nKota Batu;3,31;3,06\n", r"column\(s\) at position 2 \(0-based\)"),
        (";Semester 1 (September) 2023\nKota Batu;3,31\n", "semester 1 is month 3"),
    ],
)
def test_layout_errors(text: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


def test_month_given_but_every_header_states_it() -> None:
    with pytest.raises(ValueError, match="`month` is 3"):
        read_bps_table(io.StringIO(P0_PROV), locale="en", month=3)


def test_argument_errors() -> None:
    src = io.StringIO(P0_KABKOTA)
    with pytest.raises(ValueError, match="`locale`"):
        read_bps_table(src, locale="EN")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`errors`"):
        read_bps_table(src, locale="en", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`month` must lie in 1-12"):
        read_bps_table(src, locale="en", month=13)
    with pytest.raises(TypeError, match="`month`"):
        read_bps_table(src, locale="en", month=True)
    with pytest.raises(ValueError, match="`value_name`"):
        read_bps_table(src, locale="en", value_name="year")
    with pytest.raises(ValueError, match="`sep`"):
        read_bps_table(src, locale="en", sep=";;")
    with pytest.raises(TypeError, match="`source`"):
        read_bps_table(b"data", locale="en")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`sheet_name`"):
        read_bps_table("t.xlsx", locale="en", sheet_name=1.0)  # type: ignore[arg-type]


# --- the same region twice ----------------------------------------------------


# "Malang" is Kabupaten Malang in BPS tables (3507), so a table holding both
# "Malang" and "Kabupaten Malang", or one label twice, gives two values for one
# region and period: ambiguous, an error (before: two rows with code 3507).
@pytest.mark.parametrize(
    ("rows", "listed"),
    [
        (
            "Malang;9,55\nKabupaten Malang;9,45\n",
            "3507 Kabupaten Malang: 'Malang' (row 2), 'Kabupaten Malang' (row 3)",
        ),
        (
            "Kota Batu;3,31\nKota Malang;4,26\nKota Batu;3,31\n",
            "3579 Kota Batu: 'Kota Batu' (row 2), 'Kota Batu' (row 4)",
        ),
        (
            "Jawa Timur;10,35\nPacitan*;13,65\nPROVINSI JAWA TIMUR;10,35\nPacitan;1\n",
            "35 Jawa Timur: 'Jawa Timur' (row 2), 'PROVINSI JAWA TIMUR' (row 4); "
            "3501 Kabupaten Pacitan: 'Pacitan*' (row 3), 'Pacitan' (row 5)",
        ),
    ],
)
@pytest.mark.parametrize("errors", ["raise", "report"])
def test_the_same_region_twice_is_an_error(rows: str, listed: str, errors: Any) -> None:
    text = ";2023\n" + rows
    with pytest.raises(ValueError, match="more than one row for the same region") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";", errors=errors)
    assert listed in str(e.value)


def test_unmatched_labels_may_repeat() -> None:
    # Unmatched rows have no code to clash on and are all reported.
    text = ";2023\nATLANTIS;1,0\nATLANTIS;2,0\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.unmatched[["row", "label"]].to_dict("list") == {
        "row": [2, 3],
        "label": ["ATLANTIS", "ATLANTIS"],
    }


# --- footnotes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "footnote",
    [
        "1) angka sementara",
        "1) angka sementara;lihat catatan",  # text, not a number, in a value cell
        "2)Angka sangat sementara",
        "a) Angka diperbaiki",
        "(1) Data Susenas Maret",
        "\u00b9 Angka sementara",  # superscript one
        "*) Angka sementara",
    ],
)
def test_footnote_rows_are_skipped_and_reported(footnote: str) -> None:
    text = f";2023\nKota Batu;3,31\n{footnote}\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [3.31]
    assert t.skipped.to_dict("list") == {
        "row": [3],
        "reason": ["note"],
        "text": [footnote.replace(";", " | ")],
    }
    assert len(t.unmatched) == 0


def test_footnote_like_row_with_a_number_is_data() -> None:
    # A row with a value is never skipped for its footnote-like name: kept,
    # unmatched, reported.
    t = read_bps_table(io.StringIO(";2023\n1) Batu;3,31\n"), locale="id", sep=";")
    assert t.data["value"].tolist() == [3.31]
    assert t.unmatched[["row", "label"]].to_dict("list") == {
        "row": [2],
        "label": ["1) Batu"],
    }
    assert len(t.skipped) == 0
    # Also a number in the other format: kept, and its cell reported invalid.
    text = ";2023\nKota Batu;3,31\na) Batu;3.31\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(3, "3.31")]
    assert t.unmatched["label"].tolist() == ["a) Batu"]


@pytest.mark.parametrize(
    ("label", "code", "mark"),
    [
        ("Pacitan*", "3501", "*"),
        ("Pacitan **", "3501", "**"),
        ("Pacitan*)", "3501", "*)"),
        ("Pacitan\u00b9", "3501", "\u00b9"),  # superscript one
        ("Pacitan\u00b2\u207e", "3501", "\u00b2\u207e"),  # superscript "2)"
        ("Pacitan 1)", "3501", "1)"),
        ("Pacitan1)", "3501", "1)"),
        ("Pacitan (1)", "3501", "(1)"),
        ("Kota Malang a)", "3573", "a)"),
        ("Kab. Malang (b)", "3507", "(b)"),
        ("KOTA BATU 12)", "3579", "12)"),
        ("Pacitan", "3501", None),
        # The mark grammar: numbers with a slash, square brackets, symbols,
        # bracketed stars, a caret, ranges, letter lists, a leading comma.
        ("Kota Batu 1/", "3579", "1/"),
        ("Kota Batu 1/ 2/", "3579", "1/ 2/"),
        ("Kota Batu [1]", "3579", "[1]"),
        ("Kota Batu [1,2]", "3579", "[1,2]"),
        ("Kota Batu #", "3579", "#"),
        ("Kota Batu (*)", "3579", "(*)"),
        ("Kota Batu ^1", "3579", "^1"),
        ("Kota Batu, 1)", "3579", "1)"),
        ("Kota Batu 1-3)", "3579", "1-3)"),
        ("Kota Batu 1\u20133)", "3579", "1\u20133)"),  # en dash
        ("Kota Batu (a,b)", "3579", "(a,b)"),
        ("Kota Batu a,b)", "3579", "a,b)"),
        ("Kota Batu a)b)", "3579", "a)b)"),
        ("Kota Batu \u00b6", "3579", "\u00b6"),  # pilcrow
        ("Kota Batu \u2016", "3579", "\u2016"),  # double vertical line
        ("Kota Batu \u25ca", "3579", "\u25ca"),  # lozenge
    ],
)
def test_footnote_mark_after_a_name(label: str, code: str, mark: str | None) -> None:
    t = read_bps_table(io.StringIO(f";2023\n{label};1,0\n"), locale="id", sep=";")
    assert t.data["region_code"].tolist() == [code]
    assert t.data["label"].tolist() == [label]  # as written, mark included
    assert t.data["footnote"].tolist() == [pd.NA if mark is None else mark]
    assert len(t.unmatched) == 0


def test_footnote_marks_never_cut_a_region_name() -> None:
    # Every name of the bundled data, bare and with its prefix, holds no
    # footnote mark at its end: the grammar never eats a part of a name.
    from povstat.datasets import load_indonesia
    from povstat.tables import _MARK

    names = load_indonesia()["region_name"].astype(str).unique().tolist()
    assert len(names) > 500
    assert [n for n in names if _MARK.match(n)] == []
    # ... and each name followed by " 1/" sets apart exactly "1/".
    split = [_MARK.match(f"{n} 1/") for n in names]
    assert [m and (m["name"], m["mark"].strip()) for m in split] == [
        (n, "1/") for n in names
    ]


@pytest.mark.parametrize(
    ("label", "mark"),
    [
        ("Surabaya*", "*"),  # the mark is set apart even unmatched
        ("Kota Baru (Kotabaru)", pd.NA),  # not a mark
        ("Kab. Malangg 2)", "2)"),
    ],
)
def test_footnote_mark_of_an_unmatched_row(label: str, mark: Any) -> None:
    t = read_bps_table(io.StringIO(f";2023\n{label};1,0\n"), locale="id", sep=";")
    assert t.data[["region_code", "region_name", "region_type"]].isna().all().all()
    assert t.data["footnote"].tolist() == [mark]
    assert t.unmatched["label"].tolist() == [label]


# --- look-alike letters -------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "\u212aediri",  # Kelvin sign: lower() gives "kediri"
        "\u212aota Malang",
        "Kab. \u212aediri",
        "Pa\u0441itan",  # Cyrillic es
    ],
)
def test_lookalike_letters_in_names_match_nothing(label: str) -> None:
    t = read_bps_table(io.StringIO(f";2023\n{label};1,0\n"), locale="id", sep=";")
    assert t.data["region_code"].isna().all()
    assert t.unmatched["label"].tolist() == [label]


@pytest.mark.parametrize(
    "header",
    ["\u017feptember 2023", "Semester \u0130 2023", "Jul\u0131 2023"],
)
def test_lookalike_letters_in_headers_are_not_periods(header: str) -> None:
    # Before: "\u017feptember" (long s) matched "september" under
    # re.IGNORECASE and then failed the month lookup with a KeyError.
    with pytest.raises(ValueError, match="no header row naming years"):
        read_bps_table(io.StringIO(f";{header}\nKota Batu;1\n"), locale="id", sep=";")


# --- plain values in messages -------------------------------------------------


def test_messages_show_plain_values() -> None:
    # A frame holding numpy scalars: np.str_ labels, an np.float64 NaN cell.
    raw = pd.DataFrame(
        [
            [None, "2023"],
            [np.str_("Kota Malang"), np.float64("nan")],
            [np.str_("Kota Malang"), 4.26],
        ],
        dtype=object,
    )
    with pytest.raises(NumberParseError, match=r"row 1, column '2023': 'nan' \(empty"):
        read_bps_table(raw, locale="en", missing=())
    with pytest.raises(
        ValueError, match=r"'Kota Malang' \(row 1\), 'Kota Malang' \(row 2\)"
    ):
        read_bps_table(raw, locale="en")
    raw.index = pd.Index([np.int64(10), np.int64(11), np.int64(12)], dtype=object)
    with pytest.raises(ValueError, match=r"header row 10: \['x'\] name no period"):
        read_bps_table(
            raw.assign(extra=np.array(["x", None, None], dtype=object)), locale="en"
        )


def test_a_polars_frame_reads_as_the_pandas_one() -> None:
    # Any frame narwhals supports is read as pandas would read it; BPS,
    # Kota Malang and Kota Batu, March 2023 and 2024.
    import polars as pl

    rows = [["Kota Malang", "4,26", "3,91"], ["Kota Batu", "3,31", "3,06"]]
    header = ["Kabupaten/Kota", "2023", "2024"]
    raw = pd.DataFrame(rows, columns=header, dtype=object)  # labels: header
    expected = read_bps_table(raw, locale="id")
    got = read_bps_table(pl.DataFrame(rows, schema=header, orient="row"), locale="id")
    pd.testing.assert_frame_equal(got.data, expected.data)
    np.testing.assert_array_equal(got.data["value"], [4.26, 3.91, 3.31, 3.06])


def test_decimal_cells_of_a_frame() -> None:
    # Decimal("sNaN") made pd.isna raise; now it is an invalid cell.
    raw = pd.DataFrame(
        [[None, "2023", "2024"], ["Kota Batu", Decimal("3.31"), Decimal("sNaN")]],
        dtype=object,
    )
    with pytest.warns(UserWarning, match=r"such as 3\.31\)"):
        t = read_bps_table(raw, locale="id", errors="report")
    np.testing.assert_array_equal(t.data["value"], [3.31, np.nan])
    assert [(c.column, c.reason) for c in t.invalid] == [
        ("2024", "not finite: a signalling NaN")
    ]


# --- file-like sources --------------------------------------------------------


def test_binary_and_text_buffers() -> None:
    expected = read_bps_table(io.StringIO(P0_ID), locale="id", month=3, sep=";").data
    utf8_bom = io.BytesIO(P0_ID.encode("utf-8-sig"))
    t = read_bps_table(utf8_bom, locale="id", month=3, sep=";")
    pd.testing.assert_frame_equal(t.data, expected)
    t = read_bps_table(io.StringIO("\ufeff" + P0_ID), locale="id", month=3, sep=";")
    pd.testing.assert_frame_equal(t.data, expected)
    latin = io.BytesIO(";2023\nKota Batu;3,31\nCatatan: \xe9;\n".encode("latin-1"))
    t = read_bps_table(latin, locale="id", sep=";", encoding="latin-1")
    assert t.skipped["text"].tolist() == ["Catatan: \xe9"]


def test_binary_file_opened_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(P0_KABKOTA, encoding="utf-8")
    with path.open("rb") as f:
        t = read_bps_table(f, locale="en", month=3)
    assert len(t.data) == 18
    with path.open(encoding="utf-8", newline="") as g:
        assert len(read_bps_table(g, locale="en", month=3).data) == 18


def test_excel_in_a_buffer() -> None:
    pytest.importorskip("openpyxl")
    # Kota Batu P0 2023 (BPS_P0_KABKOTA), a workbook in memory, told from CSV
    # by its first bytes (a zip archive).
    buf = io.BytesIO()
    rows: list[list[Any]] = [[None, 2023], ["Kota Batu", 3.31]]
    pd.DataFrame(rows).to_excel(buf, header=False, index=False, sheet_name="P0")
    buf.seek(0)
    t = read_bps_table(buf, locale="id", sheet_name="P0")
    assert t.data["region_code"].tolist() == ["3579"]
    assert t.data["value"].tolist() == [3.31]
    assert t.unmatched.empty


@pytest.mark.parametrize(
    ("written", "given", "advice"),
    [
        # A byte-order mark names the encoding: it is suggested, never assumed.
        ("utf-16", "utf-8-sig", "UTF-16 byte-order mark: pass encoding='utf-16'"),
        ("utf-16", "cp1252", "UTF-16 byte-order mark: pass encoding='utf-16'"),
        ("utf-32", "latin-1", "UTF-32 byte-order mark: pass encoding='utf-32'"),
        ("utf-8-sig", "cp1252", "UTF-8 byte-order mark: pass encoding='utf-8'"),
        ("utf-8-sig", "utf-16-le", "UTF-8 byte-order mark: pass encoding='utf-8'"),
        # Without a mark, UTF-16 is told by its NUL bytes (cp1252 and latin-1
        # decode any bytes, so they would read it as text with NULs).
        ("utf-16-le", "utf-8-sig", "NUL bytes, as UTF-16 text does"),
        ("utf-16-be", "cp1252", "NUL bytes, as UTF-16 text does"),
    ],
)
def test_encoding_advice(written: str, given: str, advice: str) -> None:
    data = io.BytesIO(";2023\nKota Batu;3,31\n".encode(written))
    with pytest.raises(ValueError, match=re.escape(advice)) as info:
        read_bps_table(data, locale="id", sep=";", encoding=given)
    assert "`source`" in str(info.value)
    assert "cp1252')" not in str(info.value)  # not the generic suggestion
    # The advice works.
    data.seek(0)
    fixed = re.search(r"encoding='([\w-]+)'", advice)
    enc = fixed.group(1) if fixed else written
    t = read_bps_table(data, locale="id", sep=";", encoding=enc)
    assert t.data["value"].tolist() == [3.31]


def test_buffer_errors() -> None:
    bad = io.BytesIO(";2023\nKota Batu;3,31\n\xe9;1\n".encode("latin-1"))
    with pytest.raises(ValueError, match=re.escape("`source` is not valid utf-8-sig")):
        read_bps_table(bad, locale="id", sep=";")
    with pytest.raises(ValueError, match="`encoding`: unknown encoding 'nope'"):
        read_bps_table(io.BytesIO(b";2023\n"), locale="id", encoding="nope")

    class Odd:
        def read(self) -> int:
            return 1

    with pytest.raises(
        TypeError, match=r"`source`: its read\(\) must give str or bytes"
    ):
        read_bps_table(Odd(), locale="id")  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Spreadsheet cells: number formats and formulas (fixtures built with openpyxl)
# --------------------------------------------------------------------------


# Pacitan P0 2022 and 2023 (BPS_P0_KABKOTA): 13.8 and 13.65 percent.
PACITAN: list[Any] = [None, 2022, 2023]


@pytest.mark.parametrize("fmt", ["0.00%", "0%", "0.0%;[Red]-0.0%", "#,##0.00 %"])
def test_percent_formatted_number_is_read_as_shown(tmp_path: Path, fmt: str) -> None:
    # 0.138 shown as "13.80%" next to the text "13,65 %": both are percent,
    # 13.8 exactly (times 100 on the decimal value, not 13.800000000000002).
    path = xlsx_path(
        tmp_path / "p0.xlsx", [PACITAN, ["Pacitan", 0.138, "13,65 %"]], {"B2": fmt}
    )
    t = read_bps_table(path, locale="id")
    assert t.data["value"].tolist() == [13.8, 13.65]
    assert t.invalid == ()


@pytest.mark.parametrize(
    "fmt",
    [
        '0.00"%"',
        "0.00\\%",
        "General",
        "0.00",
        "0.00_%",  # "_%": a space as wide as "%" (padding), no scale
        "0.00*%",  # "*%": "%" repeated to fill the cell, no scale
        "#,##0.00_);(#,##0.00)",  # grouping commas, not scaling ones
        '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',  # Excel's accounting
    ],
)
def test_literal_percent_sign_does_not_scale(tmp_path: Path, fmt: str) -> None:
    # A "%" in quotes or escaped is text in the format: the number is shown
    # as it is (13.8 shown "13.80%"), not times 100. (Both cells have the
    # format: a "%" written by the format on one cell only is a percent sign
    # among numbers without one, as typed text would be.)
    formats = {"B2": fmt, "C2": fmt}
    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ["Pacitan", 13.8, 13.65]], formats)
    assert read_bps_table(path, locale="id").data["value"].tolist() == [13.8, 13.65]


def test_percent_and_plain_numbers_mixed_are_refused_naming_cells(
    tmp_path: Path,
) -> None:
    # 0.138 formatted as percent and 0.1365 as a plain number: which scale
    # the plain one is on cannot be told; the cell is named.
    rows = [PACITAN, ["Pacitan", 0.138, 0.1365]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": "0.00%"})
    with pytest.raises(
        NumberParseError, match=r"row 2, column '2023': '0\.1365' \(a number without"
    ):
        read_bps_table(path, locale="id")
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2023")]
    assert "0.138, shown as 13.8%" in t.invalid[0].reason
    np.testing.assert_array_equal(t.data["value"], [13.8, np.nan])


@pytest.mark.parametrize(
    "formula",
    [
        "=B2*100",  # written by a script: no stored result
        "=cmd|' /C calc'!A0",  # formula injection (DDE)
        '=HYPERLINK("http://example.invalid","x")',
    ],
)
def test_formula_without_stored_result_is_an_invalid_cell(
    tmp_path: Path, formula: str
) -> None:
    # Kota Batu P0 2022-2023 (BPS_P0_KABKOTA): 3.79, 3.31.
    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ["Kota Batu", 3.79, formula]])
    with pytest.raises(NumberParseError, match="a formula without a stored result"):
        read_bps_table(path, locale="id")
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(2, "2023", formula)]
    np.testing.assert_array_equal(t.data["value"], [3.79, np.nan])


def test_formula_cells_in_a_buffer_are_reported_too(tmp_path: Path) -> None:
    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ["Kota Batu", "=1+1", 3.31]])
    t = read_bps_table(io.BytesIO(path.read_bytes()), locale="id", errors="report")
    assert [c.text for c in t.invalid] == ["=1+1"]


def test_xlsx_sheet_errors(tmp_path: Path) -> None:
    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ["Pacitan", 13.8, 13.65]])
    with pytest.raises(
        ValueError,
        match=r"'P0' not found; the workbook has 1 worksheet\(s\) \['Sheet'\]",
    ):
        read_bps_table(path, locale="id", sheet_name="P0")
    with pytest.raises(ValueError, match="`sheet_name` 3 is out of range"):
        read_bps_table(path, locale="id", sheet_name=3)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_spreadsheet_path_holding_csv_text(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"p0{suffix}"
    path.write_text("Wilayah;2023\nKota Batu;3,31\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"named as a spreadsheet .* starts 'Wilayah;2023'.*rename"
    ):
        read_bps_table(path, locale="id", sep=";")


# --------------------------------------------------------------------------
# Rows: notes holding numbers, short CSV rows, separators
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "matched"),
    [
        ("*Pacitan", True),
        ("**Pacitan", True),
        ("* 1", False),
        ("1) Batu", False),
    ],
)
def test_marked_row_holding_numbers_is_data(label: str, matched: bool) -> None:
    # A marked row is dropped as a note only when it holds no number:
    # "*Pacitan" with its values is kept, and matched to Kabupaten Pacitan
    # (3501) on its letters; the others are kept and reported as unmatched.
    t = read_bps_table(
        io.StringIO(f";2023\nKota Batu;3,31\n{label};13,65\n"), locale="id", sep=";"
    )
    assert t.data["value"].tolist() == [3.31, 13.65]
    assert t.skipped.empty
    if matched:
        assert t.unmatched.empty
        assert t.data["region_code"].tolist()[1] == "3501"
    else:
        assert t.unmatched[["row", "label"]].to_dict("list") == {
            "row": [3],
            "label": [label],
        }


@pytest.mark.parametrize(
    "note",
    ["Sumber: Badan Pusat Statistik, 2024", "Sumber Pacitan;1", "Catatan 2023;5"],
)
def test_worded_note_holding_numbers_is_reported_as_such(note: str) -> None:
    # A source line often ends with a year ("Sumber: BPS, 2024", comma
    # separated): a row starting with a note word stays a note, and the
    # report says it held numbers.
    # A note whose value cells all hold a number that is no year ("Sumber
    # Pacitan;1") could be a region named so (a kecamatan "Sumber ..."):
    # it is skipped all the same, with a warning naming it.
    sep = ";" if ";" in note else ","
    text = f"{sep}2023\nKota Batu{sep}3.31\n{note}\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_bps_table(io.StringIO(text), locale="en", sep=sep)
    said = [str(w.message) for w in caught]
    if note.startswith("Sumber:"):
        assert said == []  # its one number is a year, a source's
    else:
        assert len(said) == 1
        assert "start with a note's word" in said[0]
    assert t.data["value"].tolist() == [3.31]
    assert t.skipped["reason"].tolist() == ["note with numbers"]
    assert t.skipped["row"].tolist() == [3]


def test_short_csv_row_is_reported_not_padded() -> None:
    # Pacitan wrote 2 of the 3 fields: its 2023 value is not "missing", it
    # is absent from the file.
    text = ",2022,2023\nPacitan,13.8\nKota Batu,3.79,3.31\n"
    with pytest.raises(NumberParseError, match=r"row 2, column '2023': '' \(no such"):
        read_bps_table(io.StringIO(text), locale="en")
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2023")]
    assert "the CSV row has only 2 fields" in t.invalid[0].reason
    np.testing.assert_array_equal(t.data["value"], [13.8, np.nan, 3.79, 3.31])
    # An empty field written for a missing value is missing, not invalid.
    ok = read_bps_table(io.StringIO(",2022,2023\nPacitan,13.8,\n"), locale="en")
    assert ok.invalid == ()


@pytest.mark.parametrize(
    ("text", "sep"),
    [
        ("Wilayah;Maret 2023\nKota Batu;3,31\n", ";"),
        ("Kabupaten/Kota;2022;2023\nPacitan;13,8;13,65\n", ";"),
        ("Wilayah\t2023\nKota Batu\t3,31\n", "\t"),
        ("Wilayah|2023\nKota Batu|3,31\n", "|"),
    ],
)
def test_wrong_separator_is_named(text: str, sep: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"pass sep={sep!r}")):
        read_bps_table(io.StringIO(text), locale="id")
    assert len(read_bps_table(io.StringIO(text), locale="id", sep=sep).data) >= 1


@pytest.mark.parametrize(
    ("header", "script"),
    [
        ("\uff12\uff10\uff12\uff13", "full-width"),  # 2023 in full-width digits
        ("Maret \u0662\u0660\u0662\u0663", "Arabic-Indic"),
        ("Maret \u06f2\u06f0\u06f2\u06f3", "Extended Arabic-Indic (Persian)"),
    ],
)
def test_header_in_foreign_digits_is_named(header: str, script: str) -> None:
    text = f"Wilayah;{header}\nKota Batu;3,31\n"
    with pytest.raises(ValueError, match="no header row naming years") as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(info.value)
    assert f"cell {header!r} (row 1) would name a period in ASCII digits" in said
    assert f"written in {script} digits" in said
    # Beside a year in ASCII digits the row is a header, and the cell that
    # names no period is told why, as when every year is so written.
    text = f"Wilayah;{header};Maret 2024\nKota Batu;3,31;3,06\n"
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";")
    said = str(info.value)
    assert f"{header!r} would name a period in ASCII digits" in said
    assert f"written in {script} digits" in said


def test_no_header_without_another_separator_has_no_hint() -> None:
    with pytest.raises(ValueError, match=r"no header row naming years[^;]*$"):
        read_bps_table(io.StringIO("Wilayah,Tahun\nKota Batu,3.31\n"), locale="en")


def test_formula_cells_outside_the_values_show_their_formula(tmp_path: Path) -> None:
    # A label or header written as a formula without a stored result is not
    # an empty cell: the label keeps the formula (unmatched, reported) and a
    # header formula is named in the error.
    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ["=A1", 13.8, 13.65]])
    t = read_bps_table(path, locale="id")
    assert t.data["value"].tolist() == [13.8, 13.65]
    assert t.unmatched[["row", "label"]].to_dict("list") == {
        "row": [2],
        "label": ["=A1"],
    }
    path = xlsx_path(
        tmp_path / "p0.xlsx", [[None, "=2021+1", 2023], ["Pacitan", 13.8, 13.65]]
    )
    with pytest.raises(ValueError, match=re.escape("['=2021+1'] name no period")):
        read_bps_table(path, locale="id")


def test_array_formula_is_shown_by_its_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.worksheet.formula import ArrayFormula

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(PACITAN)
    ws.append(["Pacitan", 13.8, None])
    ws["C2"] = ArrayFormula("C2", "=SUM(B2:B2)")
    path = tmp_path / "array.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="id", errors="report")
    assert [c.text for c in t.invalid] == ["=SUM(B2:B2)"]


def test_formula_with_a_stored_result_reads_the_result(tmp_path: Path) -> None:
    # A file saved by a spreadsheet program stores each formula's result:
    # that result is read (the formula is not evaluated). The workbook's XML
    # is given the result Excel would store for =B2-0.15, and Excel's
    # <calcPr> (openpyxl writes fullCalcOnLoad="1", which Excel drops).
    import zipfile

    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ["Pacitan", 13.8, "=B2-0.15"]])
    stored = tmp_path / "stored.xlsx"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(stored, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb"<f>B2-0.15</f>(<v\s*/>|<v></v>)?",
                    b"<f>B2-0.15</f><v>13.65</v>",
                    data,
                )
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="191029"/>', data)
            zout.writestr(item, data)
    t = read_bps_table(stored, locale="id")
    assert t.data["value"].tolist() == [13.8, 13.65]
    assert t.invalid == ()


# --------------------------------------------------------------------------
# Frames: the index, the column labels, column groups
# --------------------------------------------------------------------------

# Pacitan and Kota Batu P0 2022-2023 (BPS_P0_KABKOTA) in long format.
LONG = pd.DataFrame(
    {
        "wilayah": ["Pacitan", "Pacitan", "Kota Batu", "Kota Batu"],
        "year": [2022, 2023, 2022, 2023],
        "p0": [13.8, 13.65, 3.79, 3.31],
    }
)
# The same, pivoted to wide as users do (regions in the index).
WIDE = LONG.pivot(index="wilayah", columns="year", values="p0")  # noqa: PD010


@pytest.mark.parametrize(
    ("frame", "shown"),
    [
        (WIDE, "'Kota Batu'"),
        (LONG.set_index("wilayah"), "'Pacitan'"),
        (LONG.set_index(["wilayah", "year"]), "named 'wilayah', 'year'"),
        (LONG.set_axis(["a", "b", "c", "d"]), "'a', 'b', 'c'"),
    ],
)
def test_a_frame_index_holding_labels_is_refused(frame: Any, shown: str) -> None:
    # The pivoted frame's first year column was read as the region names and
    # the 2022 values were lost; an index of labels is now refused.
    with pytest.raises(ValueError, match=rf"frame's index.*{shown}.*reset_index\(\)"):
        read_bps_table(frame, locale="en")


def test_a_pivoted_frame_with_its_index_reset_is_read() -> None:
    wide = WIDE.reset_index()
    t = read_bps_table(wide, locale="en")
    # Rows as pivot sorts them: Kota Batu, Pacitan; values as in LONG.
    assert t.data["region_code"].tolist() == ["3579", "3579", "3501", "3501"]
    assert t.data["year"].tolist() == [2022, 2023, 2022, 2023]
    assert t.data["value"].tolist() == [3.79, 3.31, 13.8, 13.65]
    assert t.data["group"].isna().all()


def test_a_frame_index_of_row_numbers_is_kept_as_row_labels() -> None:
    raw = pd.read_csv(io.StringIO(P0_KABKOTA), header=None, dtype=str)
    t = read_bps_table(raw.iloc[1:], locale="en", month=3)  # a RangeIndex from 1
    assert t.skipped["row"].tolist() == [8, 9]  # the blank and Catatan rows


def test_csv_written_with_its_index_names_the_index_column() -> None:
    text = WIDE.reset_index()
    with pytest.raises(
        ValueError, match=r"row numbers \(0, 1\).*to_csv\(index=False\)"
    ):
        read_bps_table(io.StringIO(text.to_csv()), locale="en")


def _engines(text: str, tmp_path: Path) -> dict[str, Any]:
    """The CSV text as each engine reads it, with and without a header."""
    import duckdb
    import polars as pl

    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    no_header = pd.read_csv(path, header=None, dtype=str)
    return {
        "pandas header=None": no_header,
        # Its positions as text names once in polars: "0", "1", ...
        "polars from pandas": pl.from_pandas(no_header.rename(columns=str)),
        "pandas header": pd.read_csv(path, dtype=str),
        "polars has_header=False": pl.read_csv(
            path, has_header=False, infer_schema=False
        ),
        "polars header": pl.read_csv(path, infer_schema=False),
        "duckdb header=false": duckdb.sql(
            f"select * from read_csv('{path}', header=false, all_varchar=true)"
        ),
        "duckdb header": duckdb.sql(
            f"select * from read_csv('{path}', header=true, all_varchar=true)"
        ),
    }


def test_every_engine_reads_a_csv_as_the_file_is_read(tmp_path: Path) -> None:
    # The column names an engine makes up ("0", "column_1", "column1",
    # "_duplicated_0", "Unnamed: 2") are never a row: no group, and the
    # title row kept whether the engine took it as the header or not.
    expected = read_bps_table(io.StringIO(P0_KABKOTA), locale="en", month=3)
    for engine, frame in _engines(P0_KABKOTA, tmp_path).items():
        t = read_bps_table(frame, locale="en", month=3)
        pd.testing.assert_frame_equal(t.data, expected.data, obj=engine)
        assert t.title == expected.title, engine
        assert t.data["group"].isna().all(), engine


def test_every_engine_reads_the_column_groups(tmp_path: Path) -> None:
    expected = read_bps_table(io.StringIO(P0_PROV), locale="en")
    # Perkotaan 2022 (3 rounds), 2023 (3), then Jumlah (6).
    assert expected.data["group"].tolist() == ["Perkotaan"] * 6 + ["Jumlah"] * 6
    for engine, frame in _engines(P0_PROV, tmp_path).items():
        t = read_bps_table(frame, locale="en")
        pd.testing.assert_frame_equal(t.data, expected.data, obj=engine)
        assert t.title == expected.title, engine


def test_two_header_levels_of_a_frame_are_two_rows() -> None:
    prov = pd.read_csv(io.StringIO(P0_PROV), skiprows=1, header=[0, 1])
    expected = read_bps_table(io.StringIO(P0_PROV), locale="en")
    pd.testing.assert_frame_equal(read_bps_table(prov, locale="en").data, expected.data)


@pytest.mark.parametrize(
    "title",
    [
        "Tabel 3.1;Persentase Penduduk Miskin;(Persen)",  # one label a column
        "Tabel 3.1;;Persentase Penduduk Miskin",  # not above the first year
        ";Persentase Penduduk Miskin;(Persen)",
    ],
)
def test_a_title_row_above_the_years_is_not_a_column_group(title: str) -> None:
    # No period is named twice, so the labels tell no columns apart: they are
    # the title, and the columns have no group.
    text = f"{title}\n;2022;2023\nKota Batu;3,79;3,31\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.title == " | ".join(s for s in title.split(";") if s)
    assert t.data["group"].isna().all()
    assert t.data["value"].tolist() == [3.79, 3.31]


# --------------------------------------------------------------------------
# Workbooks: far cells, damaged files, sheets
# --------------------------------------------------------------------------


def _pacitan_book() -> Any:
    return xlsx_workbook([PACITAN, ["Pacitan", 13.8, 13.65]], title="data")


@pytest.mark.parametrize(
    "far",
    [
        "format",  # an empty cell with a format at the sheet's last cell
        "space",  # a cell holding " " far down and right
    ],
)
def test_a_far_empty_cell_does_not_size_the_table(tmp_path: Path, far: str) -> None:
    from openpyxl.styles import Font

    wb = _pacitan_book()
    ws = wb["data"]
    if far == "format":
        ws["XFD1048576"].font = Font(bold=True)
    else:
        ws.cell(300_000, 200, " ")
    path = tmp_path / "far.xlsx"
    wb.save(path)
    # Before: a grid of the sheet's declared size (1048576 x 16384 cells),
    # out of memory. Now only the cells holding values are read: the same
    # 2 x 3 table, Pacitan 13.8 and 13.65, nothing skipped.
    t = read_bps_table(path, locale="en")
    assert t.data["value"].tolist() == [13.8, 13.65]
    assert t.skipped.empty


def test_blank_columns_of_a_sheet_are_named_by_letter(tmp_path: Path) -> None:
    # A value in column F under no header; columns D and E are empty. The
    # column is named by its letter.
    wb = _pacitan_book()
    wb["data"]["F2"] = 1.0
    path = tmp_path / "f.xlsx"
    wb.save(path)
    with pytest.raises(ValueError, match=r"column\(s\) F hold values"):
        read_bps_table(path, locale="en")


def _zip(entries: dict[str, bytes]) -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _book_bytes() -> bytes:
    buf = io.BytesIO()
    _pacitan_book().save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (_zip({"readme.txt": b"x"}), "a zip archive but not a workbook"),
        (b"PK\x03\x04" + b"\x00" * 40, "damaged or truncated"),
    ],
)
@pytest.mark.parametrize("how", ["path", "buffer"])
def test_a_zip_that_is_not_a_workbook_is_named(
    tmp_path: Path, content: bytes, match: str, how: str
) -> None:
    path = tmp_path / "p0.xlsx"
    path.write_bytes(content)
    source: Any = path if how == "path" else io.BytesIO(content)
    with pytest.raises(ValueError, match=rf"`source`.*{match}"):
        read_bps_table(source, locale="en")


def test_a_truncated_workbook_is_named(tmp_path: Path) -> None:
    data = _book_bytes()
    path = tmp_path / "p0.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match=r"`source` '.*p0.xlsx'.*damaged or truncated"):
        read_bps_table(path, locale="en")
    half = io.BytesIO(data[: len(data) // 2])
    with pytest.raises(ValueError, match=r"`source` .*damaged or truncated"):
        read_bps_table(half, locale="en")


@pytest.mark.parametrize("name", ["p0.xls", "p0.ods", "p0.csv", "p0"])
def test_a_workbook_is_read_whatever_its_name(tmp_path: Path, name: str) -> None:
    # An .xlsx saved under another name is read by its content (before: an
    # openpyxl error for .xls/.ods, "not valid utf-8-sig text" for .csv).
    path = tmp_path / name
    path.write_bytes(_book_bytes())
    assert read_bps_table(path, locale="en").data["value"].tolist() == [13.8, 13.65]


def test_a_workbook_opened_in_text_mode_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p0.xlsx"
    path.write_bytes(_book_bytes())
    with (
        path.open(encoding="utf-8") as f,
        pytest.raises(ValueError, match=r"text mode.*open\(path, 'rb'\)"),
    ):
        read_bps_table(f, locale="en")
    with (
        path.open(encoding="latin-1") as f,
        pytest.raises(ValueError, match=r"workbook .* opened in text mode"),
    ):
        read_bps_table(f, locale="en")


@pytest.mark.parametrize(
    ("content", "package"),
    [
        (
            _zip(
                {
                    "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": b"<office:document-content xmlns:office="
                    b'"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
                }
            ),
            "odfpy",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "xlrd"),
    ],
)
def test_ods_and_xls_name_the_package_they_need(
    content: bytes, package: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whether or not the package is installed here, reading as if it were
    # not: a None entry in sys.modules makes its import fail.
    module = {"odfpy": "odf", "xlrd": "xlrd"}[package]
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=rf"pip install {package}"):
        read_bps_table(io.BytesIO(content), locale="en")


def _with_chartsheet(tmp_path: Path) -> Path:
    from openpyxl.chart import BarChart, Reference

    wb = _pacitan_book()
    chart = BarChart()
    chart.add_data(Reference(wb["data"], min_col=2, max_col=3, min_row=1, max_row=2))
    wb.create_chartsheet("grafik", 0).add_chart(chart)
    path = tmp_path / "chart.xlsx"
    wb.save(path)
    return path


def test_chartsheets_are_named_and_not_counted(tmp_path: Path) -> None:
    path = _with_chartsheet(tmp_path)  # sheets: grafik (a chart), data
    with pytest.raises(ValueError, match=r"'grafik' is a chartsheet.*\['data'\]"):
        read_bps_table(path, locale="en", sheet_name="grafik")
    # Positions count worksheets only, as the message says.
    with pytest.raises(
        ValueError,
        match=r"1 is out of range: the workbook has 1 worksheet\(s\) \['data'\] "
        r"\(chartsheets, .* not counted: \['grafik'\]\)",
    ):
        read_bps_table(path, locale="en", sheet_name=1)
    for sheet in (0, "data", None):
        t = read_bps_table(path, locale="en", sheet_name=sheet)
        assert t.data["value"].tolist() == [13.8, 13.65]


def test_the_default_sheet_is_the_first_visible_one(tmp_path: Path) -> None:
    wb = _pacitan_book()
    hidden = wb.create_sheet("old", 0)  # a hidden first sheet, other values
    for row in [PACITAN, ["Pacitan", 1.0, 2.0]]:
        hidden.append(row)
    hidden.sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    assert read_bps_table(path, locale="en").data["value"].tolist() == [13.8, 13.65]
    # Asked for by position or name, the hidden sheet is read.
    assert read_bps_table(path, locale="en", sheet_name=0).data["value"].tolist() == [
        1.0,
        2.0,
    ]
    # A visible chartsheet and a hidden worksheet: no visible worksheet.
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(_with_chartsheet(tmp_path))
    book["data"].sheet_state = "hidden"
    book.save(path)
    with pytest.raises(ValueError, match=r"no visible worksheet.*pass `sheet_name`"):
        read_bps_table(path, locale="en")


# --------------------------------------------------------------------------
# Messages that say what is wrong
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "given", "advice"),
    [
        # "Ł" in UTF-8 is C5 81; 0x81 is no cp1252 character: UTF-8 is named.
        ("Łódź", "cp1252", "decode as utf-8: pass encoding='utf-8'"),
        # "é" in cp1252 is E9, no UTF-8: cp1252 is named.
        ("é", "utf-8", "decode as cp1252: pass encoding='cp1252'"),
    ],
)
def test_encoding_advice_names_an_encoding_that_reads(
    text: str, given: str, advice: str
) -> None:
    written = "utf-8" if given == "cp1252" else "cp1252"
    data = f";2023\nKota Batu;3,31\nCatatan: {text};\n".encode(written)
    with pytest.raises(ValueError, match=re.escape(advice)):
        read_bps_table(io.BytesIO(data), locale="id", sep=";", encoding=given)


def test_encoding_advice_never_repeats_the_encoding_given() -> None:
    # 0x81 then 0xFF: neither UTF-8 nor cp1252 (0x81 is unassigned there).
    data = b";2023\nKota Batu;3,31\nCatatan: \x81\xff;\n"
    for given in ("cp1252", "utf-8-sig", "utf-8"):
        with pytest.raises(ValueError, match="neither UTF-8 nor cp1252") as info:
            read_bps_table(io.BytesIO(data), locale="id", sep=";", encoding=given)
        assert f"encoding={given!r}" not in str(info.value)


BLANK_ROUND = "Provinsi;2022;2023\n;Semester 1 (Maret);\nJAWA TIMUR;10,38;10,35\n"


@pytest.mark.parametrize("month", [None, 9])
def test_a_year_without_its_round_is_named_as_such(month: int | None) -> None:
    # Column 3 is headed "2023" with an empty round cell below: the message
    # shows both cells and asks for the round (before: "header names no
    # period", and with month=9 "every column header states its round").
    with pytest.raises(
        ValueError,
        match=r"column\(s\) at position 2 \(0-based\) .*header rows \[1, 2\]; "
        r"cells at position 2 \(0-based\): '2023', ''\)"
        r": write each column's round",
    ):
        read_bps_table(io.StringIO(BLANK_ROUND), locale="id", sep=";", month=month)


def test_month_not_needed_names_the_headers() -> None:
    with pytest.raises(
        ValueError, match=r"`month` is 3 but no value column needs it.*'2022 Semester"
    ):
        read_bps_table(io.StringIO(P0_PROV), locale="en", month=3)


def test_formula_in_a_header_or_label_gets_the_formula_hint(tmp_path: Path) -> None:
    path = xlsx_path(
        tmp_path / "p0.xlsx", [[None, "=2021+1", 2023], ["Pacitan", 13.8, 13.65]]
    )
    with pytest.raises(
        ValueError, match=r"'=2021\+1' is a formula without a stored result"
    ):
        read_bps_table(path, locale="id")
    # ="Malang" would read as Kabupaten Malang by its letters: it is not
    # matched, and the reason says why.
    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ['="Malang"', 9.55, 9.45]])
    t = read_bps_table(path, locale="id")
    # Unmatched, it gets no region name or type; the label keeps the formula.
    assert t.data[["region_code", "region_name", "region_type"]].isna().all().all()
    assert t.data["label"].tolist() == ['="Malang"'] * 2
    assert t.unmatched["reason"].str.startswith("the label is a formula").all()


@pytest.mark.parametrize(
    "fmt",
    [
        "#,##0.00,",  # shown divided by 1000
        '0.0,,"jt"',  # divided by 1e6, "jt" (juta) as text
        "0.00%%",  # times 10000
        "#,##0,.0",  # a comma before the decimal point: divided by 1000
        "0,.00",
        '0,"rb"',  # before literal text (ribu)
        "0,%",  # before a percent sign
        "#,##0,_);(#,##0,)",  # before padding, in both sections
    ],
)
def test_a_format_scaling_by_another_factor_is_an_invalid_cell(
    tmp_path: Path, fmt: str
) -> None:
    # Pacitan 13.8 (BPS_P0_KABKOTA) with a format that shows it scaled: the
    # table's scale cannot be told (as shown, or as stored), so the cell is
    # reported, not read in either.
    path = xlsx_path(
        tmp_path / "p0.xlsx", [PACITAN, ["Pacitan", 13.8, 13.65]], {"B2": fmt}
    )
    with pytest.raises(NumberParseError, match=r"row 2, column '2022'.*scaled"):
        read_bps_table(path, locale="id")
    t = read_bps_table(path, locale="id", errors="report")
    np.testing.assert_array_equal(t.data["value"], [np.nan, 13.65])
    assert repr(fmt) in t.invalid[0].reason


def test_a_value_merged_across_columns_is_an_invalid_cell(tmp_path: Path) -> None:
    # Pacitan 13.8 (P0 2022, BPS_P0_KABKOTA) in B2 merged across B2:C2:
    # Excel shows 13.8 under 2022 and 2023, but C2 holds no value. C2 is
    # reported, not read as missing, nor given B2's value. A year merged
    # across the header (B1:C1 over two rounds) is layout and stays valid.
    wb = _pacitan_book()
    ws = wb["data"]
    ws["C2"] = None
    ws.append(["Kota Batu", 3.79, 3.31])
    ws.merge_cells("B2:C2")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    with pytest.raises(
        NumberParseError, match=r"row 2, column '2023'.*merged into B2:C2"
    ):
        read_bps_table(path, locale="en")
    t = read_bps_table(path, locale="en", errors="report")
    np.testing.assert_array_equal(t.data["value"], [13.8, np.nan, 3.79, 3.31])
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(2, "2023", "")]
    rows: list[list[Any]] = [
        [None, 2022, None],
        [None, "Semester 1 (Maret)", "Semester 2 (September)"],
        ["JAWA TIMUR", 10.38, 10.49],
    ]
    xlsx_path(path, rows, merges=["B1:C1"])
    # Jawa Timur P0, March and September 2022 (BPS_P0_PROV, as in P0_PROV).
    assert read_bps_table(path, locale="en").data["value"].tolist() == [10.38, 10.49]


def test_a_damaged_sheet_is_named(tmp_path: Path) -> None:
    # The sheet's XML cut in half inside an intact zip archive.
    import zipfile

    book = zipfile.ZipFile(io.BytesIO(_book_bytes()))
    parts = {n: book.read(n) for n in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet][: len(parts[sheet]) // 2]
    with pytest.raises(
        ValueError,
        match=r"`source`: the workbook is damaged: its part "
        r"'xl/worksheets/sheet1.xml' is not well-formed XML \(unclosed token",
    ):
        read_bps_table(io.BytesIO(_zip(parts)), locale="en")


_XLSX_PARTS = [
    "xl/styles.xml",
    "xl/workbook.xml",
    "[Content_Types].xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
]


@pytest.mark.parametrize(
    ("engine", "part"),
    [("openpyxl", p) for p in _XLSX_PARTS]
    + [("odf", "content.xml"), ("odf", "styles.xml"), ("odf", "META-INF/manifest.xml")],
)
@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda b: b"", "no element found"),
        (lambda b: b[: len(b) // 2], "unclosed token|no element found"),
        (lambda b: b"\x00garbage<<", "not well-formed"),
        (lambda b: b"<a><zz:x/></a>", "unbound prefix"),
    ],
    ids=["empty", "truncated", "garbage", "unbound-prefix"],
)
def test_a_damaged_xml_part_is_named_and_prints_nothing(
    engine: str,
    part: str,
    damage: Any,
    reason: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Any XML part of an .xlsx or .ods archive that is empty, cut, garbled
    # or uses an unbound namespace prefix ("zz:") makes the workbook
    # damaged: a ValueError naming the part, and nothing printed (odfpy
    # prints a part it cannot parse).
    import zipfile

    buffer = io.BytesIO()
    pd.DataFrame({"Kabupaten/Kota": ["Kota Batu"], "2022": [1.25]}).to_excel(
        buffer,
        index=False,
        engine=engine,  # type: ignore[arg-type]
    )
    book = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    parts = {n: book.read(n) for n in book.namelist()}
    parts[part] = damage(parts[part])
    with pytest.raises(
        ValueError,
        match=rf"the workbook is damaged: its part {re.escape(repr(part))} is not "
        rf"well-formed XML \((?:{reason})",
    ):
        read_bps_table(io.BytesIO(_zip(parts)), locale="en")
    assert capsys.readouterr().out == ""


def test_years_renamed_unique_by_a_reader_are_named(tmp_path: Path) -> None:
    # The provincial table read with its years row as the header: each
    # engine renames the second "2022" (the Jumlah group) its own way.
    import duckdb
    import polars as pl

    path = tmp_path / "years.csv"
    path.write_text("".join(P0_PROV.splitlines(True)[2:]), encoding="utf-8")
    frames: dict[str, Any] = {
        "'2022.1'": pd.read_csv(path),
        "'2022_duplicated_0'": pl.read_csv(path),
        "'2022_1'": duckdb.sql(f"select * from read_csv('{path}')"),
    }
    for renamed, frame in frames.items():
        with pytest.raises(
            ValueError, match=rf"; {renamed} looks like a year.*header=None"
        ):
            read_bps_table(frame, locale="en")


@pytest.mark.parametrize(
    ("fmt", "value", "expected"),
    [
        # Only the section Excel applies to the value decides the scale. The
        # text section (4th) never applies to a number: 13.65 shown "13.65".
        ("0.00;-0.00;0.00;@%", 13.65, 13.65),
        # "%" only in the negative section: a positive 13.65 shows "13.65".
        ("0.00;-0.00%", 13.65, 13.65),
        # ... and a negative -0.05 shows "-5.00%": -5 in percent.
        ("0.00;-0.00%", -0.05, -5.0),
        # "%" only in the zero section: 0 is 0 either way, 13.65 is plain.
        ("0.00;-0.00;0%", 13.65, 13.65),
        # "%" in the first section applies to a positive number: 0.1365 is
        # shown "13.65%", 13.65 in percent.
        ("0.00%;-0.00", 0.1365, 13.65),
        # The first section serves zero too when there are only two.
        ("0.00%;-0.00", 0.0, 0.0),
    ],
)
def test_percent_scale_from_the_section_that_applies(
    tmp_path: Path, fmt: str, value: float, expected: float
) -> None:
    rows: list[list[Any]] = [["Kabupaten/Kota", 2023], ["Malang", value]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt})
    t = read_bps_table(path, locale="en")
    assert t.data["value"].tolist() == [expected]


@pytest.mark.parametrize(
    "fmt", ["[<1]0.00%;0.00", "[Red][<0]0.00%;0.00", "[>=1]0.00;0.00%"]
)
def test_conditional_format_with_scales_differing_is_ambiguous(
    tmp_path: Path, fmt: str
) -> None:
    # Sections chosen by a condition: which applies is not worked out, so a
    # format whose sections differ in scale leaves the scale ambiguous.
    rows: list[list[Any]] = [["Kabupaten/Kota", 2023], ["Malang", 13.65]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt})
    with pytest.raises(NumberParseError, match=r"sections chosen by a condition"):
        read_bps_table(path, locale="en")
    # Conditions whose sections agree in scale are read as shown.
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": "[<1]0.00;0.0"})
    assert read_bps_table(path, locale="en").data["value"].tolist() == [13.65]


@pytest.mark.parametrize(
    ("groups", "months"),
    [
        # Rounds named in the group row above bare years: Maret is month 3,
        # September 9; semester 1 is March and semester 2 September (BPS).
        ("Maret,,September,", [3, 3, 9, 9]),
        ("Semester 1,,Semester 2,", [3, 3, 9, 9]),
        ("Semester 1 (Maret),,Semester 2 (September),", [3, 3, 9, 9]),
        ("Tahunan,,Maret,", [None, None, 3, 3]),
    ],
)
def test_group_row_naming_rounds_sets_the_month(
    groups: str, months: list[int | None]
) -> None:
    text = f"Provinsi,{groups}\n,2022,2023,2022,2023\nBALI,1,2,3,4\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["month"].tolist() == [pd.NA if m is None else m for m in months]
    assert t.data["year"].tolist() == [2022, 2023, 2022, 2023]
    assert t.data["group"].isna().all()  # a round, not a group
    # `month` given as well conflicts with the group row: an error, never an
    # override ("September" columns read as March).
    with pytest.raises(ValueError, match=r"`month` is 3 but the group row 1 names"):
        read_bps_table(io.StringIO(text), locale="en", month=3)


@pytest.mark.parametrize(
    ("groups", "odd", "note"),
    [
        # A misspelt month next to a round, either side.
        ("Maret,,Septmber,", "'Septmber'", ""),
        ("Semester 1,,Smester 2,", "'Smester 2'", ""),
        # A Cyrillic a (U+0430) looks like the Latin one: named.
        ("M\u0430ret,,September,", "'M\u0430ret'", r".*U\+0430 \(CYRILLIC SMALL"),
        # A group label next to a round.
        ("Perkotaan,,Maret,", "'Perkotaan'", ""),
    ],
)
def test_group_row_of_rounds_and_other_labels_is_refused(
    groups: str, odd: str, note: str
) -> None:
    # Read as is, the round's columns would be months of no group and the
    # others a group of no month (March 2022 and "Septmber" 2022 as two
    # series): refused, naming the labels that are not rounds.
    text = f"Provinsi,{groups}\n,2022,2023,2022,2023\nBALI,1,2,3,4\n"
    # Over four different years no period is named twice: still no title
    # (read as one, every column would take `month`, "Maret" lost).
    other_years = f"Provinsi,{groups}\n,2022,2023,2024,2025\nBALI,1,2,3,4\n"
    for given in (text, other_years):
        with pytest.raises(
            ValueError,
            match=rf"group row 1 names survey rounds .* other labels \(\[{odd}\]\)",
        ):
            read_bps_table(io.StringIO(given), locale="en", month=3)
    with pytest.raises(
        ValueError,
        match=rf"group row 1 names survey rounds .* other labels \(\[{odd}\]\){note}",
    ):
        read_bps_table(io.StringIO(text), locale="en")


def test_single_round_over_the_years_sets_the_month() -> None:
    # One round spanning all the years ("Maret" over 2022, 2023) is not a
    # title: the columns are March.
    t = read_bps_table(
        io.StringIO("Provinsi,Maret,\n,2022,2023\nBALI,1,2\n"), locale="en"
    )
    assert t.data["month"].tolist() == [3, 3]
    assert t.title == ""


def test_group_round_disagreeing_with_header_round_is_refused() -> None:
    text = "Provinsi,Maret,\n,September 2022,2023\nBALI,1,2\n"
    with pytest.raises(ValueError, match="names another round than its group 'Maret'"):
        read_bps_table(io.StringIO(text), locale="en")


@pytest.mark.parametrize(
    ("fmt", "month"), [("yyyy", None), ('"Tahun "yyyy', None), ("mmmm yyyy", 3)]
)
def test_date_header_read_as_shown(tmp_path: Path, fmt: str, month: int | None) -> None:
    # A date header cell shown as "2023" (format yyyy) names the year only:
    # no month is made up from the date's day (1 March 2023 shown "2023").
    # Shown "March 2023" (mmmm yyyy) it names March.
    import datetime

    rows: list[list[Any]] = [
        ["Kabupaten/Kota", datetime.datetime(2023, 3, 1)],
        ["Malang", 9.45],
    ]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt})
    t = read_bps_table(path, locale="en")
    assert t.data["year"].tolist() == [2023]
    assert t.data["month"].tolist() == [pd.NA if month is None else month]


@pytest.mark.parametrize("mark", ["{n})", "({n})"])
def test_numbered_region_without_values_in_a_list_stays_data(mark: str) -> None:
    # Muna, Muna Barat, Buton (Sulawesi Tenggara; Muna Barat 7413 has no
    # 2015 figure): in a list numbered "1)", "2)", ... the row whose values
    # are all missing is a region, as "2 Muna Barat,-" is; the footnote
    # below the list is still a note.
    rows = [
        f"{mark.format(n=n)} {name}"
        for n, name in enumerate(["Muna", "Muna Barat", "Buton"], start=1)
    ]
    text = (
        f"Kab,2015\n{rows[0]},1\n{rows[1]},-\n{rows[2]},3\n"
        f"{mark.format(n=1)} angka sementara,\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == ["7403", "7413", "7404"]
    np.testing.assert_array_equal(t.data["value"], [1.0, np.nan, 3.0])
    assert t.skipped["reason"].tolist() == ["note"]
    assert t.skipped["row"].tolist() == [5]


def test_numbered_list_ending_with_a_region_without_values() -> None:
    # The last region of the list has no values ("3) Muna Barat,-"): it
    # continues the numbering 1), 2), so it is data; the footnotes below
    # restart at 1) and hold no numbers, so they are notes.
    text = (
        "Kab,2015\n1) Muna,1\n2) Buton,3\n3) Muna Barat,-\n"
        "1) angka sementara,\n2) angka sangat sementara,\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == ["7403", "7404", "7413"]
    assert t.skipped["row"].tolist() == [5, 6]
    assert t.skipped["reason"].tolist() == ["note", "note"]


@pytest.mark.parametrize(
    "columns",
    [
        ["Provinsi", "Perkotaan", "Perkotaan.1", "Perdesaan", "Perdesaan.1"],  # pandas
        [  # polars
            "Provinsi",
            "Perkotaan",
            "Perkotaan_duplicated_0",
            "Perdesaan",
            "Perdesaan_duplicated_0",
        ],
        ["Provinsi", "Perkotaan", "Perkotaan_1", "Perdesaan", "Perdesaan_1"],  # DuckDB
    ],
)
def test_repeated_group_labels_renamed_by_a_reader_read_alike(
    columns: list[str],
) -> None:
    # The CSV "Provinsi,Perkotaan,Perkotaan,Perdesaan,Perdesaan" / ",2022,
    # 2023,2022,2023" / "BALI,1,2,3,4" read by each engine with a header: the
    # repeated group labels come back renamed; each is read as written, so
    # every engine gives the groups of the CSV file itself.
    frame = pd.DataFrame(
        [[None, "2022", "2023", "2022", "2023"], ["BALI", "1", "2", "3", "4"]],
        columns=columns,
    )
    t = read_bps_table(frame, locale="en")
    expected = read_bps_table(
        io.StringIO(
            "Provinsi,Perkotaan,Perkotaan,Perdesaan,Perdesaan\n"
            ",2022,2023,2022,2023\nBALI,1,2,3,4\n"
        ),
        locale="en",
    )
    assert t.data["group"].tolist() == [
        "Perkotaan",
        "Perkotaan",
        "Perdesaan",
        "Perdesaan",
    ]
    assert t.data["value"].tolist() == [1.0, 2.0, 3.0, 4.0]
    pd.testing.assert_frame_equal(t.data, expected.data)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Wilayah,2021,2022\nJawa Timur,11.40,10.38\n", [None, None]),
        (
            "Wilayah,P1,P2,P0\n,2023,2024,2023\nJawa Timur,1.5,2.5,3.5\n",
            ["P1", "P2", "P0"],
        ),
        (
            "Wilayah,Kuintil_1,Kuintil_2\n,2023,2023\nJawa Timur,1.5,2.5\n",
            ["Kuintil_1", "Kuintil_2"],
        ),
        ("Wilayah,Kel.1,Kel.2\n,2023,2023\nJawa Timur,1.5,2.5\n", ["Kel.1", "Kel.2"]),
    ],
)
def test_labels_ending_in_digits_are_read_as_written_from_frames(
    text: str, groups: list[str | None]
) -> None:
    # A year at its own column position ("2021" at 1) or labels P1, P2 are
    # labels as written, never taken for a reader's renaming: a frame read
    # with a header gives the table of the file itself.
    from_file = read_bps_table(io.StringIO(text), locale="en")
    for frame in (pd.read_csv(io.StringIO(text)), pl.read_csv(io.StringIO(text))):
        t = read_bps_table(frame, locale="en")
        pd.testing.assert_frame_equal(t.data, from_file.data)
        assert [None if pd.isna(g) else g for g in t.data["group"]] == groups


def test_spark_renamed_group_labels_are_read_as_written() -> None:
    # Spark names repeated labels by the label and the column position
    # ("Perkotaan1", "Perkotaan2"), which cannot be told from real labels
    # such as "P1", "P2": they are kept as written (documented; read the
    # file with header=False).
    frame = pd.DataFrame(
        [[None, "2022", "2023", "2022", "2023"], ["BALI", "1", "2", "3", "4"]],
        columns=["Provinsi", "Perkotaan1", "Perkotaan2", "Perdesaan3", "Perdesaan4"],
    )
    t = read_bps_table(frame, locale="en")
    assert t.data["group"].tolist() == [
        "Perkotaan1",
        "Perkotaan2",
        "Perdesaan3",
        "Perdesaan4",
    ]


def test_repeated_years_renamed_by_spark_get_the_hint() -> None:
    # Spark names repeated columns by the name and the column's position:
    # "2022" at positions 1 and 3 becomes "20221" and "20223".
    frame = pd.DataFrame(
        [["BALI", "1", "2", "3", "4"]],
        columns=["Provinsi", "20221", "20232", "20223", "20234"],
    )
    with pytest.raises(ValueError, match=r"'20221' looks like a year a reader renamed"):
        read_bps_table(frame, locale="en")


def test_area_code_after_the_name_is_a_code_not_a_footnote() -> None:
    # "(3579)" after "Kota Batu" is its area code (Kemendagri: Kota Batu
    # 3579, Kabupaten Malang 3507, Kota Malang 3573): read and checked like
    # a leading code, never split into a name "... (35" and a footnote "07)".
    text = (
        "Kab,2023\nKota Batu (3579),3.31\nKota Malang (3507),4.26\nMalang (3507),9.45\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == ["3579", pd.NA, "3507"]
    assert t.data["footnote"].isna().all()
    assert t.unmatched["row"].tolist() == [3]
    assert (
        t.unmatched["reason"]
        .iloc[0]
        .startswith("the code 3507 after the name is 3507 Kabupaten Malang")
    )
    # A footnote mark after the code is set apart first.
    t = read_bps_table(io.StringIO("Kab,2023\nKota Batu (3507)*,3.31\n"), locale="en")
    assert t.data["footnote"].tolist() == ["*"]
    assert t.unmatched["row"].tolist() == [2]  # 3507 is not Kota Batu


def test_far_stray_cell_costs_its_rows_not_the_gap(tmp_path: Path) -> None:
    # A table of 40 value columns and a stray "x" in the sheet's last row
    # (1048576): the grid holds the stored rows and one row per run of empty
    # rows, so the run 4-1048575 is one skipped entry labelled by its range,
    # and the single empty row 3 keeps its number.
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Kabupaten/Kota", *range(1985, 2025)])
    ws.append(["Malang", *[9.45] * 40])
    ws.append([])
    ws["A4"] = "Kota Batu"
    for c in range(2, 42):
        ws.cell(row=4, column=c, value=3.31)
    ws["A1048576"] = "x"
    path = tmp_path / "far.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="en")
    assert t.skipped["row"].tolist() == [3, "5-1048575"]
    assert t.skipped["reason"].tolist() == ["blank", "blank"]
    # Malang, Kota Batu and the stray label, 40 years each.
    assert t.data.shape[0] == 3 * 40
    assert t.unmatched["row"].tolist() == [1048576]


@pytest.mark.parametrize(
    "row", [",,5", "Kota Batu,,5", ",3.31,5"], ids=["no-name", "named", "value"]
)
def test_number_under_no_header_raises_with_or_without_a_name(row: str) -> None:
    # "5" in column 3, which has no period above it: whether the row has a
    # name or not, the value is refused (it was dropped with the row
    # reported "blank" when the name was missing).
    text = f"Kab,2023\nMalang,9.45\n{row}\n"
    with pytest.raises(
        ValueError, match=r"column\(s\) at position 2 \(0-based\) hold values"
    ):
        read_bps_table(io.StringIO(text), locale="en")


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    "content", [_OLE2 + b"\x00" * 504, _OLE2 + b"\x01" * 3000, _OLE2 + b"\xfe\xff"]
)
def test_damaged_xls_is_a_value_error_and_prints_nothing(
    content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    # An OLE2 file that is no readable workbook: xlrd's own errors
    # (CompDocError, struct.error, ...) become one ValueError, and its
    # warnings are not printed.
    pytest.importorskip("xlrd")
    with pytest.raises(ValueError, match=r"is an \.xls workbook that cannot be read"):
        read_bps_table(io.BytesIO(content), locale="en")
    assert capsys.readouterr().out == ""


def test_encrypted_workbook_is_named_so() -> None:
    # A password-protected .xlsx is an OLE2 file with a stream named
    # "EncryptedPackage" (its directory writes names in UTF-16 LE): it is
    # named as encrypted, with or without xlrd, not as an .xls needing xlrd.
    content = (
        _OLE2 + b"\x00" * 120 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 400
    )
    with pytest.raises(ValueError, match=r"password-protected \(encrypted\) workbook"):
        read_bps_table(io.BytesIO(content), locale="en")


@pytest.mark.parametrize("dtype", ["Int128", "UInt128"])
@pytest.mark.parametrize("lazy", [False, True])
def test_polars_128_bit_integers_are_read_exactly(dtype: str, lazy: bool) -> None:
    # pyarrow has no 128-bit integer for pandas; the integers are read from
    # their digits, as integers: 1 and 2**64 = 18446744073709551616 (a
    # float64 exactly) are read; 2**64 + 1 = 18446744073709551617 (nearest
    # float64 18446744073709551616.0, another integer) is refused, as any
    # engine's integer float64 cannot hold.
    pl = pytest.importorskip("polars")
    df = pl.DataFrame(
        {
            "Kab": ["Kota Batu", "Malang", "Kota Malang"],
            "2023": pl.Series([1, 2**64, 2**64 + 1], dtype=getattr(pl, dtype)),
        }
    )
    # Integers under locale="id" warn, whatever their width.
    with pytest.warns(UserWarning, match=r"integers \(such as 1\)"):
        t = read_bps_table(df.lazy() if lazy else df, locale="id", errors="report")
    assert t.data["region_code"].tolist() == ["3579", "3507", "3573"]
    assert t.data["value"].tolist()[:2] == [1.0, 18446744073709551616.0]
    assert [(c.row, c.text) for c in t.invalid] == [(2, "18446744073709551617")]
    assert "cannot hold it exactly" in t.invalid[0].reason


@pytest.mark.parametrize(
    ("compress", "kind"),
    [
        ("gzip", "gzip"),
        ("bz2", "bzip2"),
        ("lzma", "xz"),
    ],
)
def test_compressed_csv_is_named_so(tmp_path: Path, compress: str, kind: str) -> None:
    # A compressed CSV holds NUL bytes and would get encoding advice; its
    # first bytes (gzip 1f 8b, bzip2 "BZh9", xz fd "7zXZ" 00) name it.
    import importlib

    packed = importlib.import_module(compress).compress(b"Kab,2023\nMalang,9.45\n")
    path = tmp_path / "p0.csv.gz"
    path.write_bytes(packed)
    for src in (path, io.BytesIO(packed)):
        with pytest.raises(ValueError, match=rf"is {kind}-compressed: decompress it"):
            read_bps_table(src, locale="en")


@pytest.mark.parametrize("title", ["", "Tabel 3.1,,\n"])
def test_numbered_first_column_is_named_in_the_error(title: str) -> None:
    # "No" over 1, 2 in the first column (below a title or not): the region
    # names are in the second, so "Kabupaten/Kota" falls in the header; the
    # message says the names must be in the first column.
    text = f"{title}No,Kabupaten/Kota,2023\n1,Pacitan,13.65\n2,Malang,9.45\n"
    with pytest.raises(
        ValueError,
        match=r"holds only numbers under 'No' \(1, 2\).*names must be in the first",
    ):
        read_bps_table(io.StringIO(text), locale="en")


def test_value_name_of_a_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="`value_name` must be a str, got int"):
        read_bps_table(io.StringIO("Kab,2023\n"), locale="en", value_name=5)  # type: ignore[arg-type]


def test_frame_of_decimal_numbers_with_locale_id_warns() -> None:
    # pd.read_csv(sep=";") reads the Indonesian "245.120" (245 120) as the
    # float 245.12: locale="id" cannot undo it, so a frame whose value cells
    # are already decimal numbers is flagged; read as text it is 245120.
    text = "Kabupaten/Kota;2023\nMalang;245.120\n"
    read = pd.read_csv(io.StringIO(text), sep=";")
    with pytest.warns(UserWarning, match=r"such as 245\.12\).*dtype=str"):
        t = read_bps_table(read, locale="id")
    assert t.data["value"].tolist() == [245.12]
    as_text = pd.read_csv(io.StringIO(text), sep=";", dtype=str)
    assert read_bps_table(as_text, locale="id").data["value"].tolist() == [245120.0]
    # locale="en" (the numbers are right) is not flagged.
    assert read_bps_table(read, locale="en").data["value"].tolist() == [245.12]


@pytest.mark.parametrize("reader", ["read_bps_table", "parse_columns"])
def test_frame_of_integers_with_locale_id_warns(reader: str) -> None:
    # A reader taking "," for a thousands separator (pandas.read_html's
    # default, read_csv's thousands=",") reads the Indonesian "14,45" (14.45,
    # ACEH's P0 of March 2023) as the integer 1445: nothing tells it from a
    # count written without separators, so integers warn as floats do.
    text = "Kabupaten/Kota;2023\nACEH;14,45\n"
    read = pd.read_csv(io.StringIO(text), sep=";", thousands=",")
    assert read["2023"].tolist() == [1445]
    with pytest.warns(UserWarning, match=r"integers \(such as 1445\).*'14,45'") as w:
        got: pd.Series[Any] = (
            read_bps_table(read, locale="id").data["value"]
            if reader == "read_bps_table"
            else parse_columns(read, "2023", locale="id")["2023"]
        )
    assert got.tolist() == [1445.0]  # as read: the warning names the risk
    assert len(w) == 1  # once per call
    as_text = pd.read_csv(io.StringIO(text), sep=";", dtype=str)
    assert parse_columns(as_text, "2023", locale="id")["2023"].tolist() == [14.45]


def test_one_warning_names_floats_and_integers() -> None:
    frame = pd.DataFrame({"Kab": ["Kota Malang"], "2022": [245.12], "2023": [1445]})
    with pytest.warns(UserWarning, match="already numbers") as w:
        read_bps_table(frame, locale="id")
    assert len(w) == 1
    assert re.search(r"such as 245\.12\).*integers \(such as 1445\)", str(w[0].message))
    with pytest.warns(UserWarning, match="already numbers") as w:
        parse_columns(frame, ["2022", "2023"], locale="id")
    assert len(w) == 1
    assert "such as 245.12" in str(w[0].message)


def test_parse_columns_warns_of_floats_a_reader_misread() -> None:
    # pd.read_csv(sep=";") of the Indonesian "245.120" (245 120) gives 245.12,
    # as for read_bps_table: the same warning, from the same check.
    read = pd.read_csv(io.StringIO("a;b\nx;245.120\n"), sep=";")
    with pytest.warns(UserWarning, match=r"`df` holds value cells.*such as 245\.12\)"):
        out = parse_columns(read, "b", locale="id")
    assert out["b"].tolist() == [245.12]
    # Text cells, booleans (refused anyway) and locale="en" do not warn.
    assert parse_columns(read, "b", locale="en")["b"].tolist() == [245.12]
    text = pd.DataFrame({"b": ["245.120"]})
    assert parse_columns(text, "b", locale="id")["b"].tolist() == [245120.0]


def test_polars_excel_unnamed_header_cells_are_empty(tmp_path: Path) -> None:
    # polars.read_excel names a blank header cell "__UNNAMED__2": an empty
    # cell, as pandas' "Unnamed: 2", so "Perkotaan" spans 2022 and 2023 and
    # no group or title is made of the made-up name.
    frame = pl.DataFrame(
        {
            "Provinsi": [None, "ACEH"],
            "Perkotaan": ["2022", "10.1"],
            "__UNNAMED__2": ["2023", "10.2"],
            "Perdesaan": ["2022", "15.1"],
            "__UNNAMED__4": ["2023", "15.2"],
        }
    )
    t = read_bps_table(frame, locale="en")
    assert t.data[["group", "year", "value"]].to_numpy().tolist() == [
        ["Perkotaan", 2022, 10.1],
        ["Perkotaan", 2023, 10.2],
        ["Perdesaan", 2022, 15.1],
        ["Perdesaan", 2023, 15.2],
    ]
    assert "UNNAMED" not in t.title


def test_a_sheet_of_one_column_gives_the_layout_error(tmp_path: Path) -> None:
    # Cells in column A only: the grid's one column of objects came back as
    # a read-only array ("assignment destination is read-only"); the table
    # has no header of years, which is what the error now says.
    path = xlsx_path(tmp_path / "p0.xlsx", [["Kab"], ["Kota Malang"]])
    with pytest.raises(ValueError, match="no header row naming years"):
        read_bps_table(path, locale="en")


def test_labels_ending_in_their_position_are_not_taken_for_renamed_ones() -> None:
    # "Semester 1" at position 1 and "Semester 2" at position 2 end in their
    # positions, as Spark's renamed labels do, but are labels as written:
    # rounds above the years (March and September 2023).
    frame = pd.DataFrame(
        [[None, "2023", "2023"], ["BALI", "4.25", "4.0"]],
        columns=["Provinsi", "Semester 1", "Semester 2"],
    )
    t = read_bps_table(frame, locale="en")
    assert t.data["month"].tolist() == [3, 9]


def test_frames_repeating_a_column_name_are_refused_by_name() -> None:
    # DuckDB and pyarrow keep a repeated header label as two columns of one
    # name, which narwhals cannot hold: a povstat error naming `source`.
    import duckdb
    import pyarrow as pa  # type: ignore[import-untyped]

    sources: list[Any] = [
        duckdb.sql("select 'Jawa Timur' as Wilayah, '7,71' as P, '12,6' as P"),
        pa.table([["Jawa Timur"], ["7,71"], ["12,6"]], names=["Wilayah", "P", "P"]),
    ]
    for source in sources:
        with pytest.raises(ValueError, match="`source` repeats a column name"):
            read_bps_table(source, locale="id")


@pytest.mark.parametrize(
    "label",
    [
        "3573 Malang",
        "Malang (3573)",
        "35.73 Malang",
        "[3573] Malang",
        "3573-Malang",
        "Malang 3573",
        "Malang [3573]",
        "Pacitan (35.73)",
    ],
)
def test_an_area_code_in_any_spelling_is_checked_against_the_name(label: str) -> None:
    # 3573 is Kota Malang: next to "Malang" (the regency, 3507) or
    # "Pacitan" (3501) it contradicts the name, in every way a code is
    # written (Kemendagri's "35.73", brackets, a hyphen, after the name):
    # unmatched, never silently the regency, never a footnote "73)".
    t = read_bps_table(
        io.StringIO(f'Wilayah,2023\nJAWA TIMUR,1\n"{label}",10.38\n'), locale="en"
    )
    assert t.data["region_code"].isna().tolist() == [False, True]
    assert len(t.unmatched) == 1


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Kota Malang (35.73)", "3573"),
        ("Kota Malang 3573", "3573"),
        ("35.01 Pacitan", "3501"),
    ],
)
def test_an_area_code_that_agrees_with_the_name_matches(label: str, code: str) -> None:
    t = read_bps_table(
        io.StringIO(f'Wilayah,2023\nJAWA TIMUR,1\n"{label}",10.38\n'), locale="en"
    )
    assert t.data["region_code"].tolist()[1] == code


def test_float32_cells_are_the_figures_they_print_as() -> None:
    # 4.35 stored as float32 is 4.349999904632568 in binary: read as 4.35
    # from every kind of frame, as parse_numbers and format_number read it
    # (format_number(4.35, decimals=1) is "4.4" half up, not "4.3").
    import duckdb

    pdf = pd.DataFrame(
        {"Kab": ["Kota Batu"], "2023": np.array([4.35], dtype=np.float32)}
    )
    frames: list[Any] = [
        pdf,
        pdf.astype({"2023": "Float32"}),
        pl.from_pandas(pdf),
        pl.from_pandas(pdf).lazy(),
        duckdb.from_arrow(pl.from_pandas(pdf).to_arrow()),
    ]
    for frame in frames:
        assert read_bps_table(frame, locale="en").data["value"].tolist() == [4.35]
    assert parse_numbers(
        np.array([4.35], dtype=np.float32), locale="en"
    ).value.tolist() == [4.35]
    assert format_number(np.float32(4.35), locale="en", decimals=1).tolist() == "4.4"


def test_a_frame_s_new_year_date_labels_are_years(tmp_path: Path) -> None:
    # A year shown as "yyyy" is the date 1 January in a frame read by
    # pandas.read_excel: read as the year with no month, as the workbook
    # itself reads (never as January); other dates keep their month.
    import datetime as dt

    path = xlsx_path(
        tmp_path / "years.xlsx",
        [
            ["Kab", dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)],
            ["Kota Batu", 9.45, 9.3],
        ],
        {"B1": "yyyy", "C1": "yyyy"},
    )
    from_file = read_bps_table(path, locale="en").data
    from_frame = read_bps_table(pd.read_excel(path), locale="en").data
    assert from_frame["year"].tolist() == [2022, 2023]
    assert from_frame["month"].isna().all()
    pd.testing.assert_frame_equal(
        from_frame[["year", "month", "value"]], from_file[["year", "month", "value"]]
    )
    march = pd.DataFrame({"Kab": ["Kota Batu"], pd.Timestamp("2023-03-01"): [1.0]})
    assert read_bps_table(march, locale="en").data["month"].tolist() == [3]


def test_a_percent_format_among_plain_numbers_is_the_rarer_kind(tmp_path: Path) -> None:
    # Two plain numbers and one formatted as percent: the percent one is the
    # rarer kind and is the cell named (as for text with and without "%").
    rows = [["Kabupaten/Kota", 2021, 2022, 2023], ["Pacitan", 14.82, 0.138, 13.65]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"C2": "0.00%"})
    t = read_bps_table(path, locale="en", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2022")]
    assert "a number formatted as percent among numbers without" in t.invalid[0].reason
    np.testing.assert_array_equal(t.data["value"], [14.82, np.nan, 13.65])


def test_a_zero_in_a_percent_column_is_never_ambiguous(tmp_path: Path) -> None:
    # '0.00%;-0.00%;"-"' shows 0 as "-" through a zero section without "%":
    # 0 is 0 on either scale, so it is read, not refused.
    rows = [["Kabupaten/Kota", 2021, 2022, 2023], ["Pacitan", 0.1482, 0.0, 0.1365]]
    fmt = '0.00%;-0.00%;"-"'
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt, "C2": fmt, "D2": fmt})
    t = read_bps_table(path, locale="en")
    assert t.invalid == ()
    np.testing.assert_array_equal(t.data["value"], [14.82, 0.0, 13.65])


def test_a_year_shown_with_literal_text_is_read_as_shown(tmp_path: Path) -> None:
    # 2022 with the format '"September "0' shows "September 2022": read as
    # shown (September), as a text header would be, not as a bare year.
    rows = [["Kab", 2022, 2023], ["Kota Batu", 9.45, 9.3]]
    fmt = '"September "0'
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt})
    t = read_bps_table(path, locale="en")
    assert t.data["month"].tolist() == [9, 9]
    with pytest.raises(ValueError, match="`month` is 3 but no value column needs it"):
        read_bps_table(path, locale="en", month=3)


@pytest.mark.parametrize(
    ("fmt", "value", "month"),
    [
        ('[Blue]"September "0', 2022, 9),
        ('[$-421]"September "0', 2022, 9),
        ('"September "0;-0', 2022, 9),
        ('"Maret "0;"September "0', 2022, 3),
        ('[>=2023]"Maret "0;"September "0', 2022, 9),  # the condition fails
        ('"September "yyyy', dt.datetime(2022, 1, 1), 9),
        ('yyyy" September"', dt.datetime(2022, 1, 1), 9),
        ('"Semester 2 "yyyy', dt.datetime(2022, 1, 1), 9),
    ],
)
def test_a_header_shown_with_literal_text_names_its_round(
    tmp_path: Path, fmt: str, value: Any, month: int
) -> None:
    # The section of the format that applies to the value (colour, locale
    # and condition tags aside) decides the text shown, and so the round;
    # `month=` may not override a round the header shows.
    rows = [["Wilayah", value, 2023], ["Kota Malang", 4.26, 4.1]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": '"September "0'})
    assert read_bps_table(path, locale="id").data["month"].tolist()[0] == month
    with pytest.raises(ValueError, match="`month` is 3 but no value column needs it"):
        read_bps_table(path, locale="id", month=3)


def test_narrow_floats_read_alike_in_every_container() -> None:
    # float32 4.26 is the figure 4.26 from an array, a pandas or polars
    # Series, a frame column, and float16 in read_bps_table too.
    a = np.array([4.26], dtype="float32")
    assert parse_numbers(a, locale="en").value.tolist() == [4.26]
    assert parse_numbers(pd.Series(a), locale="en").value.tolist() == [4.26]
    assert parse_numbers(pl.Series(a), locale="en").value.tolist() == [4.26]
    assert parse_columns(pd.DataFrame({"x": a}), "x", locale="en")["x"].tolist() == [
        4.26
    ]
    half = pd.DataFrame(
        {"W": ["Kota Malang"], "2022": np.array([4.26], dtype="float16")}
    )
    assert read_bps_table(half, locale="en").data["value"].tolist() == [4.26]


def test_booleans_inside_a_list_are_not_numbers() -> None:
    with pytest.raises(TypeError, match="`x` must be numeric"):
        format_number([True, 1.5], locale="id", decimals=2)


# --- sheet XML as some programs write it ---------------------------------------


def _sheet_xml(body: str) -> io.BytesIO:
    """An .xlsx workbook whose first sheet's <sheetData> is `body`.

    Its <calcPr> is Excel's: openpyxl's fullCalcOnLoad="1" would make every
    result stored with a formula a placeholder, never read.
    """
    import zipfile

    base = xlsx_bytes([])
    out = io.BytesIO()
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with (
        zipfile.ZipFile(io.BytesIO(base.getvalue())) as src,
        zipfile.ZipFile(out, "w") as dst,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (
                    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}">'
                    f"<sheetData>{body}</sheetData></worksheet>"
                ).encode()
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<calcPr[^>]*/>", b'<calcPr calcId="191029"/>', data)
            dst.writestr(item, data)
    out.seek(0)
    return out


def _text(ref: str, t: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{t}</t></is></c>'


def _num(ref: str, v: object) -> str:
    return f'<c r="{ref}"><v>{v}</v></c>'


def _row(r: int, *cells: str) -> str:
    return f'<row r="{r}">{"".join(cells)}</row>'


_HEADER = _row(1, _text("A1", "Kabupaten/Kota"), _num("B1", 2022), _num("C1", 2023))


@pytest.mark.parametrize(
    "row2",
    [
        # Kota Malang P0 (BPS_P0_KABKOTA): 4.37 in 2022, 4.26 in 2023.
        _row(2, _text("A2", "Kota Malang"), _num("C2", 4.26), _num("B2", 4.37)),
        _row(2, _num("C2", 4.26), _num("B2", 4.37), _text("A2", "Kota Malang")),
        _row(2, _num("C2", 4.26))
        + _row(2, _text("A2", "Kota Malang"), _num("B2", 4.37)),
    ],
    ids=["A-C-B", "reversed", "split-row"],
)
def test_cells_are_placed_by_their_reference_in_any_order(row2: str) -> None:
    # The file lists row 2's cells out of column order (or in two <row r="2">
    # elements): each goes where its r= reference says, never by position.
    t = read_bps_table(_sheet_xml(_HEADER + row2), locale="en")
    assert t.data[["year", "value"]].to_numpy().tolist() == [[2022, 4.37], [2023, 4.26]]


@pytest.mark.parametrize(
    ("body", "refs"),
    [
        (
            _row(2, _text("A2", "Kota Malang"), _num("B2", 4.37), _num("B2", 9.99)),
            r"\['B2'\]",
        ),
        (
            _row(2, _text("A2", "Kota Malang"), _num("B2", 4.37))
            + _row(2, _text("A2", "Kota Batu"), _num("B2", 3.79)),
            r"\['A2', 'B2'\]",
        ),
    ],
    ids=["cell", "row"],
)
def test_a_cell_stored_twice_is_refused_by_reference(body: str, refs: str) -> None:
    # The last of two values for B2 used to win silently.
    with pytest.raises(ValueError, match=rf"stores cell\(s\) {refs} more than once"):
        read_bps_table(_sheet_xml(_HEADER + body), locale="en")


def test_a_formula_whose_stored_result_is_empty_text_is_an_empty_cell() -> None:
    # Excel saves =IF(...,"") with t="str" and an empty <v/>: the cell holds
    # "", a missing value, not a formula without a stored result; a row of
    # such cells is blank, not a region labelled by the formula.
    empty = '<c r="{}" t="str"><f>IF(1,"","x")</f><v/></c>'
    body = (
        _row(2, _text("A2", "Kota Malang"), empty.format("B2"), _num("C2", 4.26))
        + _row(3, *(empty.format(f"{c}3") for c in "ABC"))
        + _row(4, _text("A4", "Kota Batu"), _num("B4", 3.79), _num("C4", 3.31))
    )
    t = read_bps_table(_sheet_xml(_HEADER + body), locale="en", errors="report")
    assert t.invalid == ()
    assert t.data["label"].unique().tolist() == ["Kota Malang", "Kota Batu"]
    np.testing.assert_array_equal(t.data["value"], [np.nan, 4.26, 3.79, 3.31])
    # A formula with no <v> at all still has no stored result.
    missing = '<c r="B2" t="str"><f>IF(1,"","x")</f></c>'
    body = _row(2, _text("A2", "Kota Malang"), missing, _num("C2", 4.26))
    with pytest.raises(NumberParseError, match="a formula without a stored result"):
        read_bps_table(_sheet_xml(_HEADER + body), locale="en")


# A header repeated after a page break: Kota Malang and Kota Batu P0 2022-2023
# (BPS_P0_KABKOTA: 4.37, 4.26; 3.79, 3.31), each page under the BPS title row
# and the row of years.
_PAGE = (
    "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) (Persen),\n,2022,2023\n"
)
_TWO_PAGES = _PAGE + "Kota Malang,4.37,4.26\n" + _PAGE + "Kota Batu,3.79,3.31\n"


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        (_TWO_PAGES, [4, 5]),
        # The header row alone, labelled as the first one.
        ("Kab,Maret 2022,Maret 2023\nKota Malang,4.37,4.26\n"
         "Kab,Maret 2022,Maret 2023\nKota Batu,3.79,3.31\n", [3]),
        # A row of years and a row of rounds (ACEH, BALI 2023; BPS_P0_PROV).
        ("Prov,2023,\n,Semester 1 (Maret),Semester 2 (September)\nACEH,14.45,14.0\n"
         "Prov,2023,\n,Semester 1 (Maret),Semester 2 (September)\nBALI,4.25,4.0\n",
         [4, 5]),
    ],
    ids=["title-and-years", "header", "years-and-rounds"],
)  # fmt: skip
def test_a_repeated_header_is_never_read_as_values(
    text: str, repeated: list[int]
) -> None:
    # Each row whose value cells repeat a row above the values ("2022",
    # "2023" under the years) was a data row (region "Kabupaten/Kota" with
    # P0 2022.0 for 2022): it raises, or is skipped and reported.
    with pytest.raises(ValueError, match=r"repeat the header.*errors='report'"):
        read_bps_table(io.StringIO(text), locale="en")
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    skipped = t.skipped[t.skipped["reason"] == "repeated header"]
    assert skipped["row"].tolist() == repeated
    assert t.data["region_code"].notna().all()
    assert len(t.data) == 4  # two regions, two periods each
    assert t.unmatched.empty


def test_a_value_row_equal_to_no_header_row_is_data() -> None:
    # 2022 and 2023 as values under 2023 and 2022 (not the header's cells in
    # its columns) are values, as is a row sharing only some header cells.
    text = "Kab,2022,2023\nKota Malang,2023,2022\nKota Batu,2022,3.31\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["value"].tolist() == [2023.0, 2022.0, 2022.0, 3.31]
    assert t.skipped.empty


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # No header: the first region row's numbers (1987, 2011 read as
        # years) made Kota Sawahlunto vanish and its values periods.
        ("Kota Sawahlunto,1987,2011\nKota Padang Panjang,2450,2390\n",
         r"'Kota Sawahlunto', the name of a region \(1373 Kota Sawahlunto\)"),
        ("ACEH,2022,2023\nBALI,4.53,4.25\n",
         r"'ACEH', the name of a region \(11 Aceh\)"),
        # A name of several regions (the province and the regency) is a
        # region's name too.
        ("Gorontalo,2022,2023\nKota Gorontalo,4.5,4.2\n",
         r"'Gorontalo', the name of a region:"),
    ],
    ids=["city", "province", "ambiguous"],
)  # fmt: skip
def test_a_header_row_labelled_with_a_region_is_refused(text: str, label: str) -> None:
    with pytest.raises(
        ValueError, match=rf"header row 1 is labelled {label}.*no header"
    ):
        read_bps_table(io.StringIO(text), locale="en")
    frame = pd.read_csv(io.StringIO(text))  # the first row as column names
    with pytest.raises(ValueError, match="pandas header=None"):
        read_bps_table(frame, locale="en")


@pytest.mark.parametrize(
    "label", ["Kabupaten/Kota", "Provinsi", "38 Provinsi", "Wilayah", "Kab", ""]
)
def test_a_header_row_labelled_as_headers_are_is_read(label: str) -> None:
    text = f"{label},2022,2023\nKota Sawahlunto,2.17,2.21\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == ["1373", "1373"]


@pytest.mark.parametrize(
    ("fmt", "month"),
    [
        ('0" (September)"', 9),  # shows 2022 as "2022 (September)"
        ('0" (Maret)"', 3),
        ('"September "0', 9),  # the prefix form, read so before
        ('0" (Semester 2)"', 9),
    ],
)
def test_a_round_shown_by_a_year_header_format_is_read(
    tmp_path: Path, fmt: str, month: int
) -> None:
    # The header cells hold the numbers 2022 and 2023; their format shows
    # the round. "2022 (September)" was read as a bare year, its month then
    # taken from month=3: September figures filed under March. Kota Malang
    # P0 (BPS_P0_KABKOTA) stands in for the values.
    path = xlsx_path(
        tmp_path / "p0.xlsx",
        [["Kab", 2022, 2023], ["Kota Malang", 4.37, 4.26]],
        {"B1": fmt, "C1": fmt},
    )
    t = read_bps_table(path, locale="en")
    assert t.data["month"].tolist() == [month, month]
    with pytest.raises(ValueError, match="`month` is 3 but no value column needs it"):
        read_bps_table(path, locale="en", month=3)


def test_a_bracketed_word_that_is_no_round_is_no_period() -> None:
    text = "Kab,2022,2023 (Persen)\nKota Malang,4.37,4.26\n"
    with pytest.raises(ValueError, match=r"\['2023 \(Persen\)'\] name no period"):
        read_bps_table(io.StringIO(text), locale="en")


# --- merged cells in every workbook format --------------------------------------


def _ods_content(rows_xml: str) -> bytes:
    """An .ods file (zip) whose one sheet "S" holds the rows `rows_xml`."""
    t = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
        f'xmlns:office:1.0" xmlns:table="{t}" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        "<office:body><office:spreadsheet>"
        f'<table:table table:name="S">{rows_xml}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    return _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": content.encode(),
            "META-INF/manifest.xml": (
                b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                b'<manifest:file-entry manifest:full-path="/" manifest:media-type='
                b'"application/vnd.oasis.opendocument.spreadsheet"/>'
                b'<manifest:file-entry manifest:full-path="content.xml" '
                b'manifest:media-type="text/xml"/></manifest:manifest>'
            ),
        }
    )


def test_ods_merged_ranges_count_repeated_rows_and_cells() -> None:
    from povstat.tables import _merged_grid, _ods_cells

    # Row 1 empty, repeated twice (rows 1-2); row 3: A3 empty, B3-C3 two
    # empty cells by repetition, D3 spanning D3:E4 (two columns, two rows).
    rows = (
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/>'
        "</table:table-row><table:table-row><table:table-cell/>"
        '<table:table-cell table:number-columns-repeated="2"/>'
        '<table:table-cell table:number-columns-spanned="2" '
        'table:number-rows-spanned="2"/><table:covered-table-cell/>'
        "</table:table-row>"
    )
    assert _ods_cells(_ods_content(rows), "S")[:2] == ([(3, 4, 4, 5)], [])
    assert _ods_cells(_ods_content(rows), 0)[:2] == ([(3, 4, 4, 5)], [])
    grid = _merged_grid([(3, 4, 4, 5)], (4, 5))
    assert grid is not None
    # Every cell of D3:E4 but D3 (which holds the value) is marked.
    rows_at, cols_at = np.nonzero(grid != None)  # noqa: E711 - elementwise
    assert (rows_at + 1).tolist() == [3, 4, 4]
    assert (cols_at + 1).tolist() == [5, 4, 5]
    assert set(grid[grid != None]) == {"D3:E4"}  # noqa: E711


def test_a_merged_value_cell_of_an_ods_sheet_is_invalid(tmp_path: Path) -> None:
    # As in .xlsx: B2:C2 merged shows 13.8 (Pacitan's P0 2022) across 2022
    # and 2023, but C2 holds no value; it was a quiet NaN.
    pytest.importorskip("odf")

    def cell(v: str | float, span: str = "") -> str:
        kind = (
            'office:value-type="string"'
            if isinstance(v, str)
            else f'office:value-type="float" office:value="{v}"'
        )
        return f"<table:table-cell {kind}{span}><text:p>{v}</text:p></table:table-cell>"

    merged = ' table:number-columns-spanned="2"'
    rows = "".join(
        f"<table:table-row>{''.join(cells)}</table:table-row>"
        for cells in (
            [cell("Kab"), cell(2022), cell(2023)],
            [cell("Pacitan"), cell(13.8, merged), "<table:covered-table-cell/>"],
            [cell("Kota Batu"), cell(3.79), cell(3.31)],
        )
    )
    data = _ods_content(rows)
    path = tmp_path / "p0.ods"
    path.write_bytes(data)
    with pytest.raises(NumberParseError, match="a cell merged into B2:C2"):
        read_bps_table(path, locale="en")
    t = read_bps_table(path, locale="en", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2023")]
    np.testing.assert_array_equal(t.data["value"], [13.8, np.nan, 3.79, 3.31])


def test_xls_merged_ranges_are_read_with_formatting_info(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # xlrd gives merged ranges (first row, row after, first column, column
    # after), 0-based, with formatting_info=True: B2:C2 is (1, 2, 1, 3).
    xlrd = pytest.importorskip("xlrd")
    from povstat.tables import _xls_formatted, _xls_merged

    seen: dict[str, Any] = {}

    class Sheet:
        def __init__(self) -> None:
            self.merged_cells = [(1, 2, 1, 3), (3, 5, 0, 1)]
            self.nrows = 0

    class Book:
        def __init__(self) -> None:
            self.format_map: dict[int, Any] = {}
            self.xf_list: list[Any] = []

        def sheet_by_index(self, i: int) -> Sheet:
            seen["sheet"] = i
            return Sheet()

    def open_workbook(**kw: Any) -> Book:
        seen.update(kw)
        return Book()

    monkeypatch.setattr(xlrd, "open_workbook", open_workbook)
    assert _xls_merged(*_xls_formatted(b"", 0)) == (
        [(2, 2, 2, 3), (4, 1, 5, 1)],
        {},
        {},
    )
    assert seen["formatting_info"] is True
    assert seen["sheet"] == 0


def test_table_text_passed_as_a_str_is_named() -> None:
    # A str is a path; text with line breaks is table text given by mistake
    # (it gave a bare FileNotFoundError).
    with pytest.raises(ValueError, match=r"a str holding line breaks.*io\.StringIO"):
        read_bps_table("Kab,2023\nKota Malang,4.26\n", locale="en")


@pytest.mark.parametrize("kind", ["csv", "frame"])
def test_sheet_name_for_a_source_without_sheets_is_refused(kind: str) -> None:
    text = "Kab,2023\nKota Malang,4.26\n"
    source: Any = io.StringIO(text) if kind == "csv" else pd.read_csv(io.StringIO(text))
    with pytest.raises(ValueError, match="`sheet_name` is 'P0' but `source` is"):
        read_bps_table(source, locale="en", sheet_name="P0")


def test_a_comma_file_read_with_a_semicolon_is_named() -> None:
    with pytest.raises(ValueError, match="splits on ',', not on ';': pass sep=','"):
        read_bps_table(
            io.StringIO("Kab,2022,2023\nKota Malang,4.37,4.26\n"), locale="en", sep=";"
        )


def test_a_workbook_number_is_not_taken_for_a_renamed_column(tmp_path: Path) -> None:
    # 2022.4 in a sheet's header cell (shown "2022" by format 0) is a number
    # of the sheet, not a column name a reader made unique: no advice about
    # reading a frame without a header.
    path = xlsx_path(
        tmp_path / "p0.xlsx",
        [["Kab", 2022.4, 2023], ["Kota Malang", 4.37, 4.26]],
        {"B1": "0"},
    )
    with pytest.raises(ValueError, match="name no period") as e:
        read_bps_table(path, locale="en")
    assert "renamed" not in str(e.value)
    # A frame's '2022.1' (pandas' renamed repeated '2022') keeps the advice.
    frame = pd.DataFrame({"Kab": ["Kota Malang"], "2022": [4.37], "2022.1": [4.26]})
    with pytest.raises(ValueError, match="renamed to make the column names unique"):
        read_bps_table(frame, locale="en")


# --- a region whose values equal the header's; a second stacked table ----------


@pytest.mark.parametrize("kind", ["csv", "xlsx", "frame"])
def test_a_region_whose_value_equals_the_year_is_data(
    tmp_path: Path, kind: str
) -> None:
    # Pacitan's value 2025 equals the header's year 2025, but its label is
    # not the header's ("Kabupaten/Kota"): a region row, read as 2025.0
    # (by hand: two regions x one period = 2 values, Pacitan 2025.0, Kota
    # Batu 3000.0), with either `errors`, nothing skipped.
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", 2025],
        ["Pacitan", 2025],
        ["Kota Batu", 3000],
    ]
    source: Any
    if kind == "csv":
        source = "\n".join(",".join(str(c) for c in r) for r in rows) + "\n"
    elif kind == "xlsx":
        source = xlsx_path(tmp_path / "p0.xlsx", rows)
    else:
        source = pd.DataFrame(rows[1:], columns=rows[0])
    for errors in ("raise", "report"):
        src = io.StringIO(source) if kind == "csv" else source
        t = read_bps_table(src, locale="en", errors=errors)
        assert t.data["region_code"].tolist() == ["3501", "3579"]
        assert t.data["value"].tolist() == [2025.0, 3000.0]
        assert t.skipped.empty


def test_a_repeated_header_with_an_empty_label_is_still_skipped() -> None:
    # ",2022,2023" repeated below (its label empty, as the header's): a
    # page-break header, skipped as row 3 with errors="report".
    text = ",2022,2023\nKota Malang,4.37,4.26\n,2022,2023\nKota Batu,3.79,3.31\n"
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert t.skipped["row"].tolist() == [3]
    assert len(t.data) == 4


@pytest.mark.parametrize(
    "second",
    [
        "Kabupaten/Kota,2024,2025\n",
        "Kabupaten/Kota,Maret 2024,Maret 2025\n",
        "Kabupaten/Kota,2022,\n",  # another set of periods: 2022 only
    ],
)
@pytest.mark.parametrize("label", ["Kabupaten/Kota", ""])
@pytest.mark.parametrize("errors", ["raise", "report"])
def test_a_second_stacked_table_is_never_read_as_data(
    second: str, errors: str, label: str
) -> None:
    # The row "Kabupaten/Kota,2024,2025" below Pacitan is the header of
    # another table: read as data it would file Ponorogo under 2022/2023.
    # Also with both header labels empty (",2022,2023" then ",2024,2025").
    second = second.replace("Kabupaten/Kota", label)
    text = f"{label},2022,2023\nPacitan,1.5,2.5\n\n{second}Ponorogo,50.1,49.2\n"
    with pytest.raises(ValueError, match=r"row 4 .*second table.*separately"):
        read_bps_table(io.StringIO(text), locale="en", errors=errors)  # type: ignore[arg-type]


# --- header cells read as their number format shows them ------------------------


@pytest.mark.parametrize(
    "fmt",
    [
        '0" (September)"',
        '0\\ "(September)"',  # an escaped space, then quoted text
        'General" (September)"',
        "0\\ \\(\\S\\e\\p\\t\\)",  # every character escaped: "2022 (Sept)"
        '"Sept"\\ 0',  # "Sept 2022"
        '#_)" (September)"',  # "_)" pads a space
    ],
)
def test_a_year_header_reads_the_round_its_format_shows(
    tmp_path: Path, fmt: str
) -> None:
    # 2022 and 2023 shown as "2022 (September)" (or "Sept 2022"): September
    # rounds, month 9; month=3 given as well is refused (no column needs it).
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022, 2023], ["Pacitan", 1.5, 2.5]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt})
    t = read_bps_table(path, locale="en")
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 9], [2023, 9]]
    with pytest.raises(ValueError, match="no value column needs it"):
        read_bps_table(path, locale="en", month=3)


def test_a_date_header_reads_the_round_its_format_shows(tmp_path: Path) -> None:
    # 1 January 2022 shown as "2022 (Sept)" by yyyy\ \(\S\e\p\t\): September.
    fmt = "yyyy\\ \\(\\S\\e\\p\\t\\)"
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)],
        ["Pacitan", 1.5, 2.5],
    ]
    t = read_bps_table(
        xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt}), locale="en"
    )
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 9], [2023, 9]]


def test_a_text_header_reads_the_text_section_of_its_format(tmp_path: Path) -> None:
    # The text "2022" under 0;0;0;@" (September)" shows "2022 (September)".
    fmt = '0;0;0;@" (September)"'
    rows: list[list[Any]] = [["Kabupaten/Kota", "2022", "2023"], ["Pacitan", 1.5, 2.5]]
    t = read_bps_table(
        xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt}), locale="en"
    )
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 9], [2023, 9]]


@pytest.mark.parametrize("fmt", ["0", "General", "#,##0", '"Tahun "0', "0.0"])
def test_a_year_header_without_a_round_in_its_format_is_a_bare_year(
    tmp_path: Path, fmt: str
) -> None:
    # "2022", "2,022", "Tahun 2022", "2022.0": no round shown, month=3 applies.
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022, 2023], ["Pacitan", 1.5, 2.5]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt})
    t = read_bps_table(path, locale="en", month=3)
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2023, 3]]


@pytest.mark.parametrize("header", ["Tahun 2022", "tahun 2022", "Year 2022"])
def test_a_typed_year_header_with_the_word_for_year_is_a_bare_year(
    tmp_path: Path, header: str
) -> None:
    # Typed "Tahun 2022" reads as the year 2022, as the number 2022 shown
    # with the format "Tahun "0 does (one rule for typed and shown text);
    # month=3 applies. Pacitan P0 13.8 and 13.65 (BPS_P0_KABKOTA 2022, 2023).
    later = header.replace("2022", "2023")
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", header, later],
        ["Pacitan", 13.8, 13.65],
    ]
    t = read_bps_table(xlsx_path(tmp_path / "p0.xlsx", rows), locale="en", month=3)
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2023, 3]]
    csv = tmp_path / "typed.csv"
    csv.write_text(f"Kabupaten/Kota,{header},{later}\nPacitan,13.8,13.65\n")
    c = read_bps_table(csv, locale="en", month=3)
    pd.testing.assert_frame_equal(c.data, t.data)
    np.testing.assert_array_equal(t.data["value"], [13.8, 13.65])


# --- a heading merged across the value columns ----------------------------------


@pytest.mark.parametrize("heading", ["JAWA TIMUR", "Perkotaan"])
def test_a_heading_merged_across_the_value_columns_reads_as_unmerged(
    tmp_path: Path, heading: str
) -> None:
    # A2:C2 merged from the label column: a heading over empty value cells,
    # read as the same sheet unmerged (label in A2, B2 and C2 empty: NaN),
    # never as value cells merged into A2. Pacitan P0 13.8 and 13.65
    # (BPS_P0_KABKOTA 2022, 2023) unchanged.
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", 2022, 2023],
        [heading, None, None],
        ["Pacitan", 13.8, 13.65],
    ]
    unmerged = read_bps_table(xlsx_path(tmp_path / "p0.xlsx", rows), locale="en")
    path = xlsx_path(tmp_path / "merged.xlsx", rows, merges=["A2:C2"])
    t = read_bps_table(path, locale="en")
    pd.testing.assert_frame_equal(t.data, unmerged.data)
    assert not t.invalid
    np.testing.assert_array_equal(t.data["value"], [np.nan, np.nan, 13.8, 13.65])


def test_a_heading_merged_in_an_ods_sheet_reads_as_unmerged(tmp_path: Path) -> None:
    # As in .xlsx (and .xls, whose ranges take the same path): "JAWA TIMUR"
    # spanning A2:C2 gives NaN for 2022 and 2023, no invalid cell.
    pytest.importorskip("odf")

    def cell(v: str | float, span: str = "") -> str:
        kind = (
            'office:value-type="string"'
            if isinstance(v, str)
            else f'office:value-type="float" office:value="{v}"'
        )
        return f"<table:table-cell {kind}{span}><text:p>{v}</text:p></table:table-cell>"

    covered = "<table:covered-table-cell/>"
    rows = "".join(
        f"<table:table-row>{''.join(cells)}</table:table-row>"
        for cells in (
            [cell("Kab"), cell(2022), cell(2023)],
            [cell("JAWA TIMUR", ' table:number-columns-spanned="3"'), covered, covered],
            [cell("Pacitan"), cell(13.8), cell(13.65)],
        )
    )
    path = tmp_path / "p0.ods"
    path.write_bytes(_ods_content(rows))
    t = read_bps_table(path, locale="en")
    assert not t.invalid
    assert t.data["region_code"].tolist() == ["35", "35", "3501", "3501"]
    np.testing.assert_array_equal(t.data["value"], [np.nan, np.nan, 13.8, 13.65])


# --- a table pivoted on dates, on every engine -----------------------------------


def _pivoted_on_dates(engine: str, dates: list[str]) -> Any:
    long = pd.DataFrame(
        {"kab": ["Pacitan"] * len(dates), "period": pd.to_datetime(dates)}
    )
    long["p0"] = [13.8 + k for k in range(len(dates))]
    if engine == "pandas":
        wide = long.pivot_table(
            index="kab", columns="period", values="p0", aggfunc="first"
        ).reset_index()
        wide.columns.name = None
        return wide
    if engine == "pandas-period":
        long["period"] = long["period"].dt.to_period("M")
        wide = long.pivot_table(
            index="kab", columns="period", values="p0", aggfunc="first"
        ).reset_index()
        wide.columns.name = None
        return wide
    if engine == "polars":
        return pl.from_pandas(long).pivot(on="period", index="kab", values="p0")  # noqa: PD010 - polars has no pivot_table
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    con.register("l", long)
    return con.sql("pivot l on period::DATE using first(p0) group by kab").df()


@pytest.mark.parametrize("engine", ["pandas", "pandas-period", "polars", "duckdb"])
def test_a_table_pivoted_on_dates_reads_alike_on_every_engine(engine: str) -> None:
    # Labels 2022-03-01 and 2022-09-01 (pandas Timestamps, Periods of a
    # month, polars' "2022-03-01 00:00:00.000000", DuckDB's "2022-03-01"):
    # March and September 2022 on every engine.
    wide = _pivoted_on_dates(engine, ["2022-03-01", "2022-09-01"])
    t = read_bps_table(wide, locale="en")
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2022, 9]]
    assert t.data["value"].tolist() == [13.8, 14.8]


@pytest.mark.parametrize("label", ["2022-01-01", "2022-01-01 00:00:00.000000"])
def test_an_iso_date_label_at_new_year_is_the_year(label: str) -> None:
    # As a pandas Timestamp at 1 January 00:00 (a year cell shown "yyyy"):
    # the year 2022, no month; month=3 then applies.
    frame = pd.DataFrame({"Kab": ["Pacitan"], label: [13.8]})
    t = read_bps_table(frame, locale="en", month=3)
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3]]


def test_a_period_label_of_a_year_is_the_year() -> None:
    frame = pd.DataFrame({"Kab": ["Pacitan"], "x": [13.8]})
    frame.columns = pd.Index(["Kab", pd.Period("2022", "Y")], dtype=object)
    t = read_bps_table(frame, locale="en", month=3)
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3]]


# --- locale="id" warning for integers of every width ------------------------------


@pytest.mark.parametrize("engine", ["polars-int128", "polars-int64", "duckdb-hugeint"])
def test_integer_cells_of_every_width_warn_under_locale_id(engine: str) -> None:
    # 1445 (Pacitan's poor in hundreds, say) already an integer: a reader
    # taking "," for thousands reads "14,45" as 1445, whatever the width.
    # DuckDB's SUM of integers is a HUGEINT (128 bits), as is polars Int128.
    frame: Any
    if engine.startswith("polars"):
        dtype = pl.Int128 if engine == "polars-int128" else pl.Int64
        frame = pl.DataFrame({"Kab": ["Pacitan"], "2022": [1445]}).cast({"2022": dtype})
    else:
        duckdb = pytest.importorskip("duckdb")
        frame = duckdb.sql(
            "select 'Pacitan' as Kab, sum(n) as \"2022\" from (values (1445)) v(n)"
        )
        assert "HUGEINT" in str(frame.types)
    with pytest.warns(UserWarning, match=r"integers \(such as 1445\)"):
        t = read_bps_table(frame, locale="id")
    assert t.data["value"].tolist() == [1445.0]


# --- a valid .xls read under warnings-as-errors -----------------------------------


def _fake_xls_reader(
    monkeypatch: pytest.MonkeyPatch, warning: type[Warning], message: str
) -> bytes:
    """An OLE2 file whose reading warns `message` and gives Pacitan's row."""
    import warnings

    import povstat.tables

    def read_excel(*args: Any, **kwargs: Any) -> pd.DataFrame:
        warnings.warn(message, warning, stacklevel=2)
        return pd.DataFrame([["Kab", 2022], ["Pacitan", 13.8]], dtype=object)

    monkeypatch.setattr(pd, "read_excel", read_excel)
    monkeypatch.setattr(povstat.tables, "_xls_formatted", lambda data, sheet: (0, 0))
    monkeypatch.setattr(povstat.tables, "_xls_merged", lambda book, ws: ([], {}, {}))
    monkeypatch.setattr(povstat.tables, "_xls_shown", lambda book, ws: ({}, [], []))
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def test_pandas_deprecation_of_xlrd_never_makes_an_xls_damaged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The suite runs with filterwarnings=error: pandas' warning that its xlrd
    # engine is deprecated, raised as an error, was reported as a damaged
    # workbook. It is about pandas, not the file: the sheet is read (13.8).
    data = _fake_xls_reader(
        monkeypatch,
        FutureWarning,
        "The xlrd engine is deprecated and will be removed in a future version.",
    )
    t = read_bps_table(io.BytesIO(data), locale="en")
    assert t.data["value"].tolist() == [13.8]


def test_another_warning_made_an_error_is_raised_as_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Any other warning the reader gives, made an error by the caller's
    # filter, reaches the caller as that warning, never as "damaged".
    data = _fake_xls_reader(monkeypatch, UserWarning, "some reader warning")
    with pytest.raises(UserWarning, match="some reader warning"):
        read_bps_table(io.BytesIO(data), locale="en")


@pytest.mark.parametrize(
    ("kind", "named"),
    [
        ("frame", r"'Unnamed: 2' \(position 2\)"),
        ("csv", r"at position 2 \(0-based\)"),
    ],
)
def test_a_column_of_values_without_a_header_is_named_by_its_0_based_position(
    kind: str, named: str
) -> None:
    # 9.9 under an empty header cell, the third column: iloc position 2
    # (pandas names it "Unnamed: 2"); it was called column [3].
    frame = pd.DataFrame(
        {
            "Kabupaten/Kota": ["Pacitan"],
            "2022": [1.5],
            "Unnamed: 2": [9.9],
            "2023": [2.5],
        }
    )
    source: Any = (
        frame
        if kind == "frame"
        else io.StringIO("Kabupaten/Kota,2022,,2023\nPacitan,1.5,9.9,2.5\n")
    )
    with pytest.raises(ValueError, match=rf"column\(s\) {named} hold values"):
        read_bps_table(source, locale="en")


def _formula(ref: str, f: str) -> str:
    return f'<c r="{ref}"><f>{f}</f></c>'


@pytest.mark.parametrize(
    ("cells", "named"),
    [
        # every year cell a formula: no header is found; both are explained
        ((_formula("B1", "2021+1"), _formula("C1", "2022+1")),
         r"'=2021\+1' \(and 1 more\)"),
        # one year cell a formula: the header is found and names it
        ((_formula("B1", "2021+1"), _num("C1", 2023)), r"'=2021\+1'"),
    ],
    ids=["all-formulas", "one-formula"],
)  # fmt: skip
def test_a_header_of_formulas_without_results_is_explained(
    cells: tuple[str, str], named: str
) -> None:
    body = _row(1, _text("A1", "Kab"), *cells) + _row(
        2, _text("A2", "Pacitan"), _num("B2", 1.5), _num("C2", 2.5)
    )
    with pytest.raises(ValueError, match=rf"{named} is a formula without a stored"):
        read_bps_table(_sheet_xml(body), locale="en")


@pytest.mark.parametrize("province", [None, "Jawa Timur", "35"])
def test_a_provinces_own_table_labelled_with_its_name_is_read(
    province: str | None,
) -> None:
    # "Jawa Timur" over Pacitan (3501) and Kota Batu (3579), both in East
    # Java (35): the label names the province of the regions below (or the
    # `province` given), so the row is the header, not a region whose
    # values are 2022 and 2023.
    text = "Jawa Timur,2022,2023\nPacitan,1.5,2.5\nKota Batu,3.5,4.5\n"
    t = read_bps_table(io.StringIO(text), locale="en", province=province)
    assert t.data["region_code"].tolist() == ["3501", "3501", "3579", "3579"]
    assert t.data["year"].tolist() == [2022, 2023, 2022, 2023]


def test_a_header_labelled_with_another_province_is_still_refused() -> None:
    # Pacitan is not in Jawa Tengah (33): the header-less reading stands.
    text = "Jawa Tengah,2022,2023\nPacitan,1.5,2.5\n"
    with pytest.raises(ValueError, match=r"labelled 'Jawa Tengah', the name of a"):
        read_bps_table(io.StringIO(text), locale="en")


# --- a damaged .xlsx cell is named ---------------------------------------------


@pytest.mark.parametrize(
    ("cell", "ref", "why"),
    [
        ('<c r="C2" t="s"><v>5</v></c>', "C2", "IndexError"),  # no shared string 5
        ('<c r="B2"><v>abc</v></c>', "B2", "not a number in ASCII digits"),
        ('<c r="B2"><v>INF</v></c>', "B2", "not a number in ASCII digits"),
        ('<c r="$B$2"><v>1.5</v></c>', r"\$B\$2", "not a valid column"),
        ('<c r="B0"><v>1.5</v></c>', "B0", "no such cell"),  # row 0
        ('<c r="XFE2"><v>1.5</v></c>', "XFE2", "no such cell"),  # past XFD
        ('<c r="B1048577"><v>1.5</v></c>', "B1048577", "no such cell"),
    ],
)
def test_a_damaged_xlsx_cell_is_named(cell: str, ref: str, why: str) -> None:
    # Each was a bare IndexError / ValueError from openpyxl, or (B0) a value
    # silently taken into the title; now the documented "damaged" error,
    # naming the cell.
    body = _HEADER + _row(2, _text("A2", "Pacitan"), cell)
    with pytest.raises(
        ValueError, match=rf"cell '{ref}' cannot be read \(.*{why}.*the file is damaged"
    ):
        read_bps_table(_sheet_xml(body), locale="en")


@pytest.mark.parametrize("source", ["", "   ", Path(".")])
def test_an_empty_path_or_a_directory_is_named(source: str | Path) -> None:
    # "" is Path("."), the working directory: it gave IsADirectoryError.
    with pytest.raises(ValueError, match=r"`source` .*(an empty path|a directory)"):
        read_bps_table(source, locale="en")


def test_a_directory_path_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"is a directory: pass the path of a file"):
        read_bps_table(tmp_path, locale="en")


def test_a_frame_repeating_row_numbers_is_refused() -> None:
    # pd.concat of two one-row frames keeps index 0 twice: two unmatched
    # rows were both reported as row 0 (or "row 1" with the header row).
    a = pd.DataFrame({"Kab": ["Pacitan"], "2022": [1.5]})
    b = pd.DataFrame({"Kab": ["Nowhere"], "2022": [2.5]})
    with pytest.raises(ValueError, match=r"index repeats row labels \(0;.*reset_index"):
        read_bps_table(pd.concat([a, b]), locale="en")
    t = read_bps_table(pd.concat([a, b], ignore_index=True), locale="en")
    assert t.unmatched["row"].tolist() == [1]


def test_a_year_header_with_grouping_reads_its_round(tmp_path: Path) -> None:
    # #,##0" (Maret)" shows 2022 as "2,022 (Maret)": the year 2022, March;
    # month=3 given as well is refused (no column needs it).
    fmt = '#,##0" (Maret)"'
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022, 2023], ["Pacitan", 1.5, 2.5]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt})
    t = read_bps_table(path, locale="en")
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2023, 3]]


def test_a_year_header_showing_two_rounds_is_never_a_bare_year(tmp_path: Path) -> None:
    # "Maret 2022 (September)" names no one period: refused, where it was
    # read as the bare year 2022 and given month=3.
    fmt = '"Maret "0" (September)"'
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022, 2023], ["Pacitan", 1.5, 2.5]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt})
    with pytest.raises(ValueError, match="no header row naming years"):
        read_bps_table(path, locale="en", month=3)


def test_a_value_shown_with_a_round_word_stays_a_number(tmp_path: Path) -> None:
    # 13.8 (Pacitan's P0 2022) as a whole number 14 shown "14 (Maret)": a
    # value cell, not a header (the row stays data), read as the text it
    # shows, as "14 (Maret)" typed would be: not a number, an invalid cell.
    fmt = '0" (Maret)"'
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022], ["Pacitan", 14]]
    t = read_bps_table(
        xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt}), locale="en", errors="report"
    )
    assert t.data["label"].tolist() == ["Pacitan"]
    assert [(c.row, c.text) for c in t.invalid] == [(2, "14 (Maret)")]
    assert t.invalid[0].reason.startswith("not a number in locale 'en'")


def test_a_page_break_header_under_another_label_is_not_data() -> None:
    # "Kabupaten/Kota (lanjutan),2022,2023" (continued) after a page break
    # repeats the header's cells under a label that names no region: not a
    # row of values 2022 and 2023, but a repeated header (raised, or skipped
    # with errors="report"); "Pacitan,2025" under "2025" names a region and
    # stays data.
    text = (
        "Kabupaten/Kota,2022,2023\nPacitan,1.5,2.5\n"
        "Kabupaten/Kota (lanjutan),2022,2023\nKota Batu,3.79,3.31\n"
    )
    with pytest.raises(ValueError, match=r"repeat the header"):
        read_bps_table(io.StringIO(text), locale="en")
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert t.data["value"].tolist() == [1.5, 2.5, 3.79, 3.31]
    assert t.skipped["reason"].tolist() == ["repeated header"]
    kept = read_bps_table(
        io.StringIO("Kabupaten/Kota,2025\nPacitan,2025\nKota Batu,3000\n"),
        locale="en",
    )
    assert kept.data["value"].tolist() == [2025.0, 3000.0]


# --- .ods percentage cells ------------------------------------------------------


def _ods_cell(v: object, kind: str = "float", repeat: int = 1) -> str:
    """One .ods cell: text for a str, else a number of value type `kind`."""
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if isinstance(v, str):
        return (
            f'<table:table-cell office:value-type="string"{rep}>'
            f"<text:p>{v}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="{kind}" office:value="{v}"{rep}>'
        f"<text:p>{v}</text:p></table:table-cell>"
    )


def _ods_table(rows: list[list[str]]) -> io.BytesIO:
    xml = "".join(f"<table:table-row>{''.join(r)}</table:table-row>" for r in rows)
    return io.BytesIO(_ods_content(xml))


ODS_HEAD = [_ods_cell("Kab"), _ods_cell(2022), _ods_cell(2023)]


def test_ods_percentage_cells_are_read_as_shown() -> None:
    # Pacitan P0 2022 and 2023 (BPS_P0_KABKOTA) 13.8 and 13.65 percent,
    # stored as the .ods value type "percentage": 0.138 shown "13,80%" and
    # 0.1365 shown "13,65%". By hand: 0.138 * 100 = 13.8 and 0.1365 * 100
    # = 13.65 exactly (times 100 on the decimal value), unit percent, as an
    # .xlsx cell formatted 0.00%. A repeated percentage cell counts twice.
    rows = [
        ODS_HEAD,
        [
            _ods_cell("Pacitan"),
            _ods_cell(0.138, "percentage"),
            _ods_cell(0.1365, "percentage"),
        ],
        [_ods_cell("Ponorogo"), _ods_cell(0.0913, "percentage", repeat=2)],
    ]
    t = read_bps_table(_ods_table(rows), locale="en")
    assert t.data["value"].tolist() == [13.8, 13.65, 9.13, 9.13]
    assert t.invalid == ()


def test_ods_percentage_among_plain_numbers_is_the_rarer_kind() -> None:
    # One percentage cell (0.138, "13,80%") among two plain numbers (14.82,
    # 13.65): its scale is ambiguous and it is the rarer kind, so it is the
    # invalid cell (as for .xlsx); one plain among two percentages is the
    # plain cell; on a tie the plain number is named.
    head = [*ODS_HEAD, _ods_cell(2024)]
    mostly_plain = [
        head,
        [
            _ods_cell("Pacitan"),
            _ods_cell(14.82),
            _ods_cell(0.138, "percentage"),
            _ods_cell(13.65),
        ],
    ]
    t = read_bps_table(_ods_table(mostly_plain), locale="en", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2023")]
    assert "a number formatted as percent among numbers without" in t.invalid[0].reason
    np.testing.assert_array_equal(t.data["value"], [14.82, np.nan, 13.65])
    mostly_pct = [
        head,
        [
            _ods_cell("Pacitan"),
            _ods_cell(0.1482, "percentage"),
            _ods_cell(0.138, "percentage"),
            _ods_cell(13.65),
        ],
    ]
    t = read_bps_table(_ods_table(mostly_pct), locale="en", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2024")]
    np.testing.assert_array_equal(t.data["value"], [14.82, 13.8, np.nan])
    tie = [
        ODS_HEAD,
        [_ods_cell("Pacitan"), _ods_cell(0.138, "percentage"), _ods_cell(13.65)],
    ]
    with pytest.raises(
        NumberParseError, match=r"row 2, column '2023': '13\.65' \(a number without"
    ):
        read_bps_table(_ods_table(tie), locale="en")


# --- damaged members of an .xlsx archive -----------------------------------------


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/styles.xml"])
@pytest.mark.parametrize("at", [0.1, 0.5, 0.9])
def test_an_xlsx_with_a_damaged_member_is_a_damaged_workbook(
    tmp_path: Path, member: str, at: float
) -> None:
    # The zip directory is intact but bytes inside a compressed member are
    # changed: reading it fails with zipfile's "Bad CRC-32", a zlib error or
    # a cut stream, whichever the bytes give; each is the documented
    # ValueError naming the file, never the archive library's own error.
    import zipfile

    path = xlsx_path(tmp_path / "p0.xlsx", [PACITAN, ["Pacitan", 13.8, 13.65]])
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).getinfo(member)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    off = start + int(info.compress_size * at)
    data[off : off + 8] = bytes(b ^ 0x55 for b in data[off : off + 8])
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match=r"`source` '.*p0\.xlsx'.*damaged"):
        read_bps_table(path, locale="en")


@pytest.mark.parametrize("label", ["Papua", "Provinsi Papua", "PAPUA"])
def test_a_header_naming_papua_heads_its_regencies_before_the_split(label: str) -> None:
    # Jayawijaya (9102 before the 2022 split, 9501 in Papua Pegunungan
    # since) lies in Papua in a table of 2021-2022: "Papua" over it is the
    # province of the rows, not a region's row taken for the header. In a
    # table of 2024-2025 Jayawijaya is no longer in Papua: the label is
    # refused as before.
    text = f"{label},2021,2022\nJayawijaya,37.1,36.0\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == ["9501", "9501"]
    later = f"{label},2024,2025\nJayawijaya,37.1,36.0\n"
    with pytest.raises(ValueError, match=r"the name of a region \(91 Papua\)"):
        read_bps_table(io.StringIO(later), locale="en")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Indonesia,2022,2023\nAceh,14.64,14.45\nJawa Timur,10.38,10.35\n",
         ["11", "11", "35", "35"]),
        ("INDONESIA,2022,2023\nKota Sawahlunto,2.17,2.21\n", ["1373", "1373"]),
    ],
)  # fmt: skip
def test_a_header_naming_indonesia_heads_any_regions(
    text: str, codes: list[str]
) -> None:
    # Indonesia (code 00) is the parent of every province, regency and
    # city: the label of the header over their rows.
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["region_code"].tolist() == codes


@pytest.mark.parametrize("fmt", ['0" r)"', '0" *"', '0" 1)"', '0"*)"'])
def test_a_year_shown_with_a_mark_is_read_as_the_text_shown(
    tmp_path: Path, fmt: str
) -> None:
    # 2022 with the format 0" r)" shows "2022 r)" (a revised figure's mark):
    # read as that text, as the text "2022 r)" typed in the cell is, so
    # both are refused as a header naming no period (never a bare 2022).
    shown = fmt.replace("0", "2022", 1).replace('"', "")
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022, 2023], ["Pacitan", 1.5, 2.5]]
    formatted = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt})
    match = rf"\['{re.escape(shown)}'\] name no period"
    with pytest.raises(ValueError, match=match):
        read_bps_table(formatted, locale="en")
    typed = xlsx_path(tmp_path / "p0.xlsx", [["Kabupaten/Kota", shown, 2023], rows[1]])
    with pytest.raises(ValueError, match=match):
        read_bps_table(typed, locale="en")


def test_a_year_shown_as_literal_text_alone_is_read_as_shown(tmp_path: Path) -> None:
    # 2022 under the format "2023" (literal text, no digit code) shows
    # "2023": read as shown, so beside a 2023 column the two name the same
    # period and are refused; beside 2024 it is read as 2023.
    rows: list[list[Any]] = [["Kabupaten/Kota", 2022, 2023], ["Pacitan", 1.5, 2.5]]
    with pytest.raises(ValueError, match=r"same period more than once"):
        read_bps_table(
            xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": '"2023"'}), locale="en"
        )
    rows[0][2] = 2024
    t = read_bps_table(
        xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": '"2023"'}), locale="en"
    )
    assert t.data["year"].tolist() == [2023, 2024]


def test_float16_cells_are_the_figures_they_print_as_on_every_engine() -> None:
    # 13.8 stored as float16 is 13.796875 in binary (13 + 816/1024, the
    # nearest half-precision value); its shortest decimal is 13.8, read so
    # from a pandas frame and from polars Float16, eager and lazy, as
    # float32 is. A missing float16 cell stays missing.
    half = pl.DataFrame({"Kab": ["Pacitan"], "2022": [13.8], "2023": [None]})
    half = half.with_columns(pl.col("2022", "2023").cast(pl.Float16))
    frames: list[Any] = [half, half.lazy(), half.to_pandas()]
    for frame in frames:
        t = read_bps_table(frame, locale="en", errors="report")
        np.testing.assert_array_equal(t.data["value"], [13.8, np.nan])


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # 1 March 2022 in Jakarta time (UTC+7) as polars and DuckDB name a
        # column pivoted on aware date-times, and as a pandas Timestamp:
        # the wall date, March 2022, on every engine (never shifted to UTC,
        # 28 February 17:00).
        (["2022-03-01 00:00:00.000000+07:00"], [(2022, 3)]),
        (["2022-03-01 00:00:00+07"], [(2022, 3)]),
        (["2022-09-01T00:00:00Z"], [(2022, 9)]),
        ([pd.Timestamp("2022-03-01", tz="Asia/Jakarta")], [(2022, 3)]),
        # 1 January 00:00 is a bare year (no month), aware or naive alike.
        (["2023-01-01 00:00:00+07"], [(2023, None)]),
        ([pd.Timestamp("2023-01-01", tz="Asia/Jakarta")], [(2023, None)]),
        ([pd.Timestamp("2023-01-01")], [(2023, None)]),
    ],
)
def test_aware_date_labels_name_their_wall_date_on_every_engine(
    labels: list[object], expected: list[tuple[int, int | None]]
) -> None:
    frame = pd.DataFrame([["Kota Batu", 9.45]], columns=["Kab", *labels])
    t = read_bps_table(frame, locale="en")
    got = [
        (int(y), None if pd.isna(m) else int(m))
        for y, m in zip(t.data["year"], t.data["month"], strict=True)
    ]
    assert got == expected
    if isinstance(labels[0], str):  # a polars frame names its columns so
        pframe = pl.DataFrame({"Kab": ["Kota Batu"], labels[0]: [9.45]})
        assert read_bps_table(pframe, locale="en").data["year"].tolist() == [
            expected[0][0]
        ]


def test_a_covered_cell_storing_content_is_named_not_read(tmp_path: Path) -> None:
    # Pacitan 13.8 in B2 merged across B2:C2, with C2 still storing 13.65
    # (a sheet written by a program, or cells merged after typing): Excel
    # shows 13.8 under both years and hides 13.65. C2 is invalid, and the
    # message says what it stores instead of claiming it holds nothing;
    # an empty covered cell is still said to hold no value.
    import zipfile

    plain = xlsx_bytes([["Kab", 2022, 2023], ["Pacitan", 13.8, 13.65]])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(plain.getvalue())) as zin,
        zipfile.ZipFile(out, "w") as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>",
                    b'</sheetData><mergeCells count="1">'
                    b'<mergeCell ref="B2:C2"/></mergeCells>',
                )
            zout.writestr(info, data)
    path = tmp_path / "hidden.xlsx"
    path.write_bytes(out.getvalue())
    t = read_bps_table(path, locale="en", errors="report")
    np.testing.assert_array_equal(t.data["value"], [13.8, np.nan])
    [cell] = t.invalid
    assert (cell.row, cell.column, cell.text) == (2, "2023", "13.65")
    assert "the cell stores '13.65', hidden under the range" in cell.reason
    assert "holds no value" not in cell.reason


def test_a_repeated_header_with_a_year_written_as_a_float_is_skipped() -> None:
    # "2022.0" (as a reader inferring floats writes 2022) in a header
    # repeated after a page break is the year 2022: the row is skipped as a
    # repeated header whether the file is read as text or through pandas or
    # polars with inferred types; the values are Pacitan 13.8, 13.5 and
    # Ponorogo 9.1, 9.0 (four values, never 2022.0 and 2023.0 as data).
    text = (
        "Kabupaten/Kota,2022,2023\nPacitan,13.8,13.5\n"
        "Kabupaten/Kota,2022.0,2023\nPonorogo,9.1,9.0\n"
    )
    sources: list[Any] = [
        io.StringIO(text),
        pd.read_csv(io.StringIO(text), dtype=str),
        pd.read_csv(io.StringIO(text)),
        pl.read_csv(io.StringIO(text)),
    ]
    for source in sources:
        t = read_bps_table(source, locale="en", errors="report")
        assert t.data["value"].tolist() == [13.8, 13.5, 9.1, 9.0]
        assert t.skipped["reason"].tolist() == ["repeated header"]
    # A region's value that equals a year as a float stays data.
    data = "Kabupaten/Kota,2022\nPacitan,2022.0\n"
    t = read_bps_table(io.StringIO(data), locale="en")
    assert t.data["value"].tolist() == [2022.0]


@pytest.mark.parametrize("numbers", ["1,2,3", "(1),(2),(3)", "(1),(2),", " 1 , 2 , 3 "])
def test_a_row_of_column_numbers_is_skipped(numbers: str) -> None:
    # BPS prints the columns' numbers under the header ("(1) (2) (3)"):
    # layout, skipped as "column numbers", never a region "1" with values
    # 2 and 3, nor a "not a number" error. Pacitan P0 13.8 and 13.5 read.
    text = f"Kabupaten/Kota,2022,2023\n{numbers}\nPacitan,13.8,13.5\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["value"].tolist() == [13.8, 13.5]
    assert t.skipped[["row", "reason"]].to_numpy().tolist() == [[2, "column numbers"]]


@pytest.mark.parametrize(
    "units", [",(persen),(persen)", ",%,%", ",(Ribu Jiwa),( ribu jiwa )", ",(Rp),"]
)
def test_a_row_of_units_under_the_header_is_skipped(units: str) -> None:
    # A row stating the units under the header (label empty) is layout,
    # reported as a "unit row", not a region's values refused as "not a
    # number"; with the column numbers under it too, both are skipped.
    # Pacitan P0 13.8 and 13.65 (BPS_P0_KABKOTA 2022, 2023) read.
    text = f"Kabupaten/Kota,2022,2023\n{units}\nPacitan,13.8,13.65\n"
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data["value"].tolist() == [13.8, 13.65]
    assert t.skipped[["row", "reason"]].to_numpy().tolist() == [[2, "unit row"]]
    both = f"Kabupaten/Kota,2022,2023\n{units}\n(1),(2),(3)\nPacitan,13.8,13.65\n"
    t = read_bps_table(io.StringIO(both), locale="en")
    assert t.skipped["reason"].tolist() == ["unit row", "column numbers"]


@pytest.mark.parametrize(
    "text",
    [
        "Kab,2022,2023\nPacitan,5,6\n,(persen),(persen)\nPonorogo,7,8\n",
        "Kab,2022,2023\n(persen),(persen),(persen)\nPacitan,5,6\n",
        "Kab,2022,2023\n,(persen),pct\nPacitan,5,6\n",
    ],
)
def test_a_unit_row_elsewhere_or_with_a_label_is_not_skipped(text: str) -> None:
    # Among the data, with a filled label cell, or with a cell that is no
    # unit word: not a unit row, so its cells are refused as not numbers.
    with pytest.raises(NumberParseError, match=r"not a valid number"):
        read_bps_table(io.StringIO(text), locale="en")


@pytest.mark.parametrize("row", ["1,3,4", "2,3,4", "1,2,x", "Pacitan,1,2"])
def test_numbers_that_do_not_count_the_columns_stay_data(row: str) -> None:
    # Not 1, 2, 3 in order from the label cell: not a column-number row, so
    # read as data (and refused or matched as such): a region "1" or "2"
    # is unmatched, "x" is not a number, Pacitan has values 1 and 2.
    text = f"Kabupaten/Kota,2022,2023\n{row}\n"
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert "column numbers" not in t.skipped["reason"].tolist()
    assert len(t.data) == 2


def _ods_date(iso: str) -> str:
    """One .ods date cell (value type ``date``), shown as the year."""
    return (
        f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
        f"<text:p>{iso[:4]}</text:p></table:table-cell>"
    )


def test_an_ods_date_shown_as_its_year_is_that_year(tmp_path: Path) -> None:
    # 2022-03-15 and 2023-09-01 in .ods date cells whose text shows "2022"
    # and "2023" (a year-only date style): the years 2022 and 2023 with no
    # month, as an .xlsx date with format yyyy; so month=3 gives March for
    # both, never the stored September. A date shown with its month keeps
    # it. Pacitan P0 13.8 and 13.65 (BPS_P0_KABKOTA 2022, 2023).
    pytest.importorskip("odf")

    def date(iso: str, shown: str) -> str:
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
            f"<text:p>{shown}</text:p></table:table-cell>"
        )

    def table(b: str, c: str) -> io.BytesIO:
        return _ods_table(
            [
                [_ods_cell("Kab"), b, c],
                [_ods_cell("Pacitan"), _ods_cell(13.8), _ods_cell(13.65)],
            ]
        )

    years = table(date("2022-03-15", "2022"), date("2023-09-01", "2023"))
    data = read_bps_table(years, locale="en", month=3).data
    assert data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2023, 3]]
    assert data["value"].tolist() == [13.8, 13.65]
    months = table(date("2022-03-15", "15/03/2022"), date("2023-09-01", "Sep 2023"))
    data = read_bps_table(months, locale="en").data
    assert data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2023, 9]]


def test_a_new_year_date_header_cell_is_a_year_from_every_reader(
    tmp_path: Path,
) -> None:
    # A year shown as "2022" (format yyyy) is stored as the date 2022-01-01.
    # Read from .xlsx, from .ods (shown as the year) and from a
    # frame read by pandas.read_excel with header=None (the dates are then
    # cells, not column labels), it is the year 2022 with no month; so a
    # round given as month=3 applies to it (never refused as a clash with
    # January). A date at 1 January with a time, or on another day, keeps
    # its month (2022-03-01: March).
    pytest.importorskip("odf")
    import datetime as dt

    path = xlsx_path(
        tmp_path / "years.xlsx",
        [
            ["Kab", dt.datetime(2022, 1, 1), dt.datetime(2023, 1, 1)],
            ["Pacitan", 13.8, 13.5],
        ],
        {"B1": "yyyy", "C1": "yyyy"},
    )
    ods = _ods_table(
        [
            [_ods_cell("Kab"), _ods_date("2022-01-01"), _ods_date("2023-01-01")],
            [_ods_cell("Pacitan"), _ods_cell(13.8), _ods_cell(13.5)],
        ]
    )
    no_header = pd.read_excel(path, header=None)
    aware = pd.DataFrame(
        [
            ["Kab", pd.Timestamp("2022-01-01", tz="Asia/Jakarta"), "2023"],
            ["Pacitan", 13.8, 13.5],
        ]
    )
    for source in (path, ods, no_header, aware):
        if isinstance(source, io.BytesIO):
            source.seek(0)
        data = read_bps_table(source, locale="en").data
        assert data["year"].tolist() == [2022, 2023]
        assert data["month"].isna().all()
        if isinstance(source, io.BytesIO):
            source.seek(0)
        with_round = read_bps_table(source, locale="en", month=3).data
        assert with_round["month"].tolist() == [3, 3]
    head = ["Kab", pd.Timestamp("2022-03-01"), pd.Timestamp("2022-01-01 08:00")]
    march = pd.DataFrame([head, ["Pacitan", 13.8, 13.5]])
    kept = read_bps_table(march, locale="en").data
    assert kept["month"].tolist() == [3, 1]


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ('mmmm yyyy" r)"', "Maret 2022 r)"),
        ('mmmm yyyy"*"', "Maret 2022*"),
        ("mmmm yyyy\\*", "Maret 2022*"),
        ('mmm yyyy" (angka sementara)"', "Maret 2022 (angka sementara)"),
        ('MMMM YYYY" r)"', "Maret 2022 r)"),
    ],
)
def test_a_mark_in_a_date_header_format_is_refused(
    tmp_path: Path, fmt: str, shown: str
) -> None:
    # The date 2022-03-01 with format mmmm yyyy" r)" shows "March 2022 r)"
    # (a revised figure): the format's literal parts are part of the text
    # shown, refused as a header as the typed text "Maret 2022 r)" is and
    # as the year format yyyy" r)" is, never read silently as March 2022.
    # The month is named in full in the message whether the format shows
    # it in full (mmmm) or abbreviated (mmm).
    import datetime as dt

    rows = [
        ["Kab", dt.datetime(2022, 3, 1), dt.datetime(2023, 3, 1)],
        ["Pacitan", 13.8, 13.5],
    ]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt})
    with pytest.raises(ValueError, match=re.escape(f"['{shown}'] name no period")):
        read_bps_table(path, locale="en")


@pytest.mark.parametrize("fmt", ["mmm yyyy", "mmmm yyyy", "MMMM YYYY", "mmmm\\ yyyy"])
def test_a_date_header_format_without_a_mark_names_its_month(
    tmp_path: Path, fmt: str
) -> None:
    # 2022-03-01 and 2023-09-01 shown as "Mar 2022", "September 2023" (no
    # literal text but the space): March 2022 and September 2023.
    import datetime as dt

    rows = [
        ["Kab", dt.datetime(2022, 3, 1), dt.datetime(2023, 9, 1)],
        ["Pacitan", 13.8, 13.5],
    ]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B1": fmt, "C1": fmt})
    data = read_bps_table(path, locale="en").data
    assert data["year"].tolist() == [2022, 2023]
    assert data["month"].tolist() == [3, 9]


# --- .xls number formats ----------------------------------------------------------

XLS_FORMATS = Path(__file__).parent / "data" / "formats.xls"


def test_xls_number_formats_are_read_as_in_xlsx() -> None:
    # tests/data/formats.xls (see tests/data/SOURCES.md). Pacitan P0 2022
    # and 2023, 13.8 and 13.65 percent, stored as 0.138 and 0.1365 with
    # format 0.00% (shown 13.80%, 13.65%), below two empty rows: by hand
    # 0.138 * 100 = 13.8 and 0.1365 * 100 = 13.65, unit percent, as in
    # .xlsx (the formats are found at their sheet rows, 3 and 4).
    pytest.importorskip("xlrd")
    t = read_bps_table(XLS_FORMATS, sheet_name="percent", locale="en")
    assert t.data["value"].tolist() == [13.8, 13.65]
    # "September "0 shows 2022 as "September 2022": year 2022, month 9.
    t = read_bps_table(XLS_FORMATS, sheet_name="round", locale="en")
    assert t.data["month"].tolist() == [9, 9]
    # 0.138 formatted 0.00% beside a plain 13.5: the scale is ambiguous; the
    # rarer kind (one cell of each: the plain number) is named, as in .xlsx.
    t = read_bps_table(XLS_FORMATS, sheet_name="mix", locale="en", errors="report")
    assert [(c.column, c.text) for c in t.invalid] == [("2023", "13.5")]
    # 92080 with #,##0.00, (shown 92.08): scaled by the format, invalid.
    t = read_bps_table(XLS_FORMATS, sheet_name="scaled", locale="en", errors="report")
    assert len(t.invalid) == 2
    assert "#,##0.00," in t.invalid[0].reason
    # 2022 with 0" r)" shows "2022 r)": refused as a header, never 2022.
    with pytest.raises(ValueError, match=re.escape("['2022 r)'] name no period")):
        read_bps_table(XLS_FORMATS, sheet_name="mark", locale="en")


def test_float32_cells_read_alike_on_every_engine() -> None:
    # 123456792 stored as float32 prints as 1.2345679e+08, its shortest
    # decimal: read as 123456790 from a pandas, polars, DuckDB and Spark
    # frame alike (Spark's own float-to-text cast writes Java's
    # "1.23456792E8", which is not used). 13.8 as float32 is 13.8.
    import duckdb

    import backends

    a = np.array([13.8, 123456792], dtype=np.float32)
    frame = pd.DataFrame({"Kab": ["Pacitan", "Ponorogo"], "2023": a})
    sql = (
        "select 'Pacitan' as Kab, cast(13.8 as float) as \"2023\" union all "
        "select 'Ponorogo', cast(123456792 as float)"
    )
    sources: list[Any] = [frame, pl.from_pandas(frame), duckdb.sql(sql)]
    sources.append(backends.spark().sql(sql.replace('"', "`")))
    for source in sources:
        values = read_bps_table(source, locale="en").data["value"]
        assert sorted(values.tolist()) == [13.8, 123456790.0]


@pytest.mark.parametrize("label", ["1.0", "2.5", "10 20", "3) 4"])
def test_an_unmatched_numeric_label_keeps_its_name_as_written(label: str) -> None:
    # "2.5" read as the list number "2." before the name "5" gave the
    # region name "5": a number prefix leaving only digits is no list
    # number, so the label is kept as written, unmatched, with no region
    # name. "3. Ponorogo" is still Ponorogo (3502) numbered 3.
    text = f"Kab,2022\n3. Ponorogo,1\n{label},2\n"
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert t.data["region_name"].tolist() == ["Kabupaten Ponorogo", pd.NA]
    assert t.data["label"].tolist() == ["3. Ponorogo", label]
    assert t.data["region_code"].tolist()[0] == "3502"
    assert t.unmatched["label"].tolist() == [label]


@pytest.mark.parametrize(
    "text",
    [
        "Kab,2022,2023\nPacitan,5,6\n1,2,3\nPonorogo,7,8\n",
        "Kab,2022,2023\nPacitan,5,6\n1,2,3\n",
        "Kab,2022,2023\nPacitan,5,6\n(1),(2),(3)\n",
    ],
)
def test_a_column_number_row_among_the_data_is_a_row(text: str) -> None:
    # "1,2,3" numbers the columns only directly under the header (or under
    # a repeated header): in the middle or at the end of the data it is a
    # row of the table, here an unmatched label, never dropped silently.
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert t.skipped.empty
    assert len(t.unmatched) == 1


def test_column_number_rows_under_a_header_are_layout() -> None:
    # Under the header (after a blank row) and under the header repeated
    # after a page break: skipped as column numbers, rows 3 and 6.
    text = (
        "Kab,2022,2023\n\n(1),(2),(3)\nPacitan,5,6\n"
        "Kab,2022,2023\n(1),(2),(3)\nPonorogo,7,8\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    numbers = t.skipped[t.skipped["reason"] == "column numbers"]
    assert numbers["row"].tolist() == [3, 6]
    assert t.data["value"].tolist() == [5.0, 6.0, 7.0, 8.0]


@pytest.mark.parametrize("front", [b"\x00\x00\x00\x00", b"junk"])
def test_a_workbook_with_bytes_in_front_is_named_damaged(
    tmp_path: Path, front: bytes
) -> None:
    # An .xlsx with 4 bytes added in front: its zip signature PK\x03\x04
    # is at byte 4, not 0; named as a damaged workbook (from a path or a
    # binary file), never read as text in some encoding.
    path = xlsx_path(tmp_path / "p0.xlsx", [["Kab", 2022], ["Pacitan", 13.8]])
    data = front + path.read_bytes()
    shifted = tmp_path / "shifted.xlsx"
    shifted.write_bytes(data)
    for source in (shifted, io.BytesIO(data)):
        with pytest.raises(ValueError, match=r"signature at byte 4.*damaged"):
            read_bps_table(source, locale="en")


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Jawa Timur,2022,2023\nSleman,10,11\n", "35 Jawa Timur"),
        ("Papua,2022,2023\nSorong,10,11\n", "91 Papua"),
    ],
)
def test_a_header_labelled_with_another_province_says_so(
    text: str, province: str
) -> None:
    # Sleman (3404) is in DI Yogyakarta, not Jawa Timur (35); Sorong (9601)
    # in Papua Barat Daya, not Papua (91): the header's label is the wrong
    # province, which the message names, not a table without a header.
    shown = f"region \\({province}\\), a province whose regencies and cities are not"
    with pytest.raises(ValueError, match=shown):
        read_bps_table(io.StringIO(text), locale="en")


# --- .ods cells without a value type --------------------------------------------


def _untyped(content: str, repeat: int = 1, formula: str = "") -> str:
    """An .ods cell without office:value-type: text, a formula, or both."""
    rep = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    f = f' table:formula="{formula}"' if formula else ""
    body = f"<text:p>{content}</text:p>" if content else ""
    return f"<table:table-cell{rep}{f}>{body}</table:table-cell>"


def test_ods_text_cells_without_a_value_type_are_read_as_text() -> None:
    # org-mode's ODS export writes every cell as text without a value type,
    # which pandas reads as empty. Read as text, as typed in a CSV file:
    # "4,37" in locale "id" is 4.37 (Kota Malang P0 2022, BPS_P0_KABKOTA);
    # Kota Batu's "3,79" repeated over two columns is 3.79 in both. Only A3
    # is typed: pandas' grid is that one cell, and grows to the others.
    pytest.importorskip("odf")
    rows = [
        [_untyped("Kabupaten/Kota"), _untyped("2022"), _untyped("2023")],
        [_untyped("Kota Malang"), _untyped("4,37"), _untyped("4,26")],
        [_ods_cell("Kota Batu"), _untyped("3,79", repeat=2)],
    ]
    t = read_bps_table(_ods_table(rows), locale="id")
    assert t.data["region_code"].tolist() == ["3573", "3573", "3579", "3579"]
    assert t.data["year"].tolist() == [2022, 2023, 2022, 2023]
    np.testing.assert_array_equal(t.data["value"], [4.37, 4.26, 3.79, 3.79])
    typed = [
        [_ods_cell("Kabupaten/Kota"), _ods_cell("2022"), _ods_cell("2023")],
        [_ods_cell("Kota Malang"), _ods_cell("4,37"), _ods_cell("4,26")],
        [_ods_cell("Kota Batu"), _ods_cell("3,79", repeat=2)],
    ]
    same = read_bps_table(_ods_table(typed), locale="id")
    pd.testing.assert_frame_equal(t.data, same.data)
    # A text cell that is not a number in the locale is invalid, as typed.
    bad = [*rows[:2], [_ods_cell("Kota Batu"), _untyped("3.79x", repeat=2)]]
    with pytest.raises(NumberParseError, match=r"row 3, column '2022': '3\.79x'"):
        read_bps_table(_ods_table(bad), locale="id")


def test_ods_text_of_several_paragraphs_and_spaces_is_read_as_pandas_reads_it() -> None:
    from povstat.tables import _ods_cells

    # text:s c="2" is two spaces; two paragraphs are two lines; a comment
    # (office:annotation) is not shown. Row 1: A1 holds "Kota  Malang",
    # B1 "a" and "b" on two lines, C1 "x" (its comment left out).
    rows = (
        "<table:table-row><table:table-cell><text:p>Kota"
        '<text:s text:c="2"/>Malang</text:p></table:table-cell>'
        "<table:table-cell><text:p>a</text:p><text:p>b</text:p></table:table-cell>"
        "<table:table-cell><office:annotation><text:p>note</text:p>"
        "</office:annotation><text:p>x</text:p></table:table-cell>"
        "</table:table-row>"
    )
    found = _ods_cells(_ods_content(rows), "S")
    assert found.texts == [(1, 1, "Kota  Malang"), (1, 2, "a\nb"), (1, 3, "x")]
    assert found.formulas == []


def test_ods_formula_without_a_value_type_has_no_stored_result() -> None:
    # A formula cell without office:value-type stores no result: invalid,
    # named by its formula, as an .xlsx formula without a stored result;
    # with or without a cached text. Kota Malang 4,37 and Kota Batu 3,79
    # (BPS_P0_KABKOTA 2022) are read; the 2023 cells are NaN.
    pytest.importorskip("odf")
    rows = [
        [_ods_cell("Kabupaten/Kota"), _ods_cell("2022"), _ods_cell("2023")],
        [_ods_cell("Kota Malang"), _ods_cell("4,37"), _untyped("", 1, "of:=[.B2]*1")],
        [_ods_cell("Kota Batu"), _ods_cell("3,79"), _untyped("9", 1, "of:=[.B3]+1")],
    ]
    with pytest.raises(
        NumberParseError,
        match=r"row 2, column '2023': 'of:=\[\.B2\]\*1' \(a formula without a stored",
    ):
        read_bps_table(_ods_table(rows), locale="id")
    t = read_bps_table(_ods_table(rows), locale="id", errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [
        (2, "2023", "of:=[.B2]*1"),
        (3, "2023", "of:=[.B3]+1"),
    ]
    np.testing.assert_array_equal(t.data["value"], [4.37, np.nan, 3.79, np.nan])


# --- content hidden under a heading merged from the label column -----------------


def test_values_hidden_under_a_heading_merged_from_the_label_column_are_invalid(
    tmp_path: Path,
) -> None:
    # A2:C2 merged over "JAWA TIMUR" whose B2 and C2 still store 10.38 and
    # 10.35 (Jawa Timur P0 2022, 2023, BPS_P0_KABKOTA; a range added without
    # clearing them): the sheet shows the label across the row, so the
    # stored values are hidden. Named, not read, as under a range starting in
    # a value cell; an empty covered cell stays missing (see the tests of a
    # heading merged across the value columns). Kota Malang 4.37, 4.26 read.
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.worksheet.cell_range import CellRange

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in (
        ["Kabupaten/Kota", "2022", "2023"],
        ["JAWA TIMUR", 10.38, None],
        ["Kota Malang", 4.37, 4.26],
    ):
        ws.append(row)
    ws.merged_cells.add(CellRange("A2:C2"))  # B2 keeps its content
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    with pytest.raises(
        NumberParseError,
        match=r"row 2, column '2022': '10\.38' \(a cell merged into A2:C2: .*"
        r"the cell stores '10\.38', hidden under the range and not read",
    ):
        read_bps_table(path, locale="en")
    t = read_bps_table(path, locale="en", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2022")]
    np.testing.assert_array_equal(t.data["value"], [np.nan, np.nan, 4.37, 4.26])


@pytest.mark.parametrize(
    ("rows", "merge", "named"),
    [
        # "Kota Malang" merged over A2:A3 hides A3's "Kota Batu": the sheet
        # shows Kota Malang across both rows; A3 would be read as a region.
        (
            [
                ["Kabupaten/Kota", "2022", "2023"],
                ["Kota Malang", 4.37, 4.26],
                ["Kota Batu", 3.79, 3.31],
            ],
            "A2:A3",
            "A3 ('Kota Batu', under A2:A3)",
        ),
        # "2022" merged over B1:C1 hides C1's "2023": the sheet shows 2022
        # over both columns; C1 would be read as a period.
        (
            [["Kabupaten/Kota", "2022", "2023"], ["Kota Malang", 4.37, 4.26]],
            "B1:C1",
            "C1 ('2023', under B1:C1)",
        ),
    ],
)
@pytest.mark.parametrize("errors", ["raise", "report"])
def test_a_header_or_label_hidden_under_a_merged_range_is_refused(
    tmp_path: Path, rows: list[list[Any]], merge: str, named: str, errors: Any
) -> None:
    # Values as in BPS_P0_KABKOTA (Kota Malang, Kota Batu, 2022-2023).
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.worksheet.cell_range import CellRange

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    ws.merged_cells.add(CellRange(merge))  # the covered cell keeps its content
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    with pytest.raises(
        ValueError, match=re.escape(named) + r" store content hidden under a merged"
    ):
        read_bps_table(path, locale="en", errors=errors)


@pytest.mark.parametrize(
    ("covered", "stored"),
    [
        ('office:value-type="float" office:value="10.38"', "10.38"),
        ('office:value-type="string"', "10,38"),
        ("", "10,38"),  # no value type: text
    ],
)
def test_ods_content_hidden_under_a_heading_merged_from_the_label_column_is_invalid(
    covered: str, stored: str
) -> None:
    # The same in .ods: "JAWA TIMUR" spans A2:C2, the covered B2 keeps
    # 10.38 (a number, or text that pandas reads as empty), C2 is empty.
    # B2 is invalid and named, C2 missing; Pacitan 13.8, 13.65 read
    # (BPS_P0_KABKOTA 2022, 2023).
    pytest.importorskip("odf")
    rows = [
        ODS_HEAD,
        [
            '<table:table-cell office:value-type="string" '
            'table:number-columns-spanned="3"><text:p>JAWA TIMUR</text:p>'
            "</table:table-cell>",
            f"<table:covered-table-cell {covered}><text:p>{stored}</text:p>"
            "</table:covered-table-cell>",
            "<table:covered-table-cell/>",
        ],
        [_ods_cell("Pacitan"), _ods_cell(13.8), _ods_cell(13.65)],
    ]
    t = read_bps_table(_ods_table(rows), locale="en", errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(2, "2022", stored)]
    assert "hidden under the range and not read" in t.invalid[0].reason
    np.testing.assert_array_equal(t.data["value"], [np.nan, np.nan, 13.8, 13.65])


@pytest.mark.parametrize(
    ("fmt", "scale"),
    [
        # ECMA-376 Part 1, 18.8.31: a comma after a digit placeholder scales
        # by 1000 unless it stands between two placeholders (grouping).
        ("#,##0", "plain"),
        ("#,##0.00", "plain"),
        ("0,0", "plain"),
        ("#,##0,", "ambiguous"),
        ("#,##0,.0", "ambiguous"),  # 4370 shown as 4.4
        ("0,.00", "ambiguous"),
        ("0.0,,", "ambiguous"),
        ("0,,0", "ambiguous"),  # two commas: not a grouping separator
        ('0," rb"', "ambiguous"),
        ("0, ", "ambiguous"),
        ("#,##0,\\ ", "ambiguous"),
        ("0,%", "ambiguous"),
        ('"1,5"0', "plain"),  # a comma in quoted text
        ("0.00%", "percent"),
    ],
)
def test_a_thousands_scaling_comma_anywhere_after_a_digit_is_detected(
    fmt: str, scale: str
) -> None:
    from povstat.tables import _format_scale

    assert _format_scale(fmt, 4370.0) == scale


# --- decimals split by an unquoted comma in a CSV file separated by "," ----------


def test_whole_numbers_in_a_comma_csv_in_locale_id_warn_of_split_decimals() -> None:
    # Kota Malang 4,37 and Kota Batu 3,79 (P0 2022, BPS_P0_KABKOTA) written
    # without quotes: each splits into two fields that fit the header's two
    # years, 4 and 37, 3 and 79. Every value read is a whole number, so the
    # reader warns (it cannot tell them from counts) naming the fixes. The
    # row shown is the one whose values, sorted, are smallest: (3, 79)
    # before (4, 37), Kota Batu's row 3, whatever the rows' order.
    text = "Kabupaten/Kota,2022,2023\nKota Malang,4,37\nKota Batu,3,79\n"
    with pytest.warns(
        UserWarning, match=r"row 3 \(and 1 more\).*'3', '79'.*quotes.*sep=';'"
    ):
        t = read_bps_table(io.StringIO(text), locale="id")
    np.testing.assert_array_equal(t.data["value"], [4.0, 37.0, 3.0, 79.0])
    # Quoted, the decimals are read; no warning (filterwarnings = error).
    quoted = 'Kabupaten/Kota,2022\nKota Malang,"4,37"\nKota Batu,"3,79"\n'
    assert read_bps_table(io.StringIO(quoted), locale="id").data["value"].tolist() == [
        4.37,
        3.79,
    ]
    # Whole numbers among decimals, or with sep=";", or in locale "en", or
    # with a missing cell ("-") among them: no warning unless all are whole.
    read_bps_table(
        io.StringIO('Kabupaten/Kota,2022,2023\nKota Malang,4,"4,26"\n'), locale="id"
    )
    semi = "Kabupaten/Kota;2022;2023\nKota Malang;4;37\n"
    read_bps_table(io.StringIO(semi), locale="id", sep=";")
    read_bps_table(io.StringIO(text), locale="en")
    with pytest.warns(UserWarning, match="whole number"):
        read_bps_table(
            io.StringIO("Kabupaten/Kota,2022,2023\nKota Malang,4,-\n"), locale="id"
        )


def test_split_parts_in_a_column_without_a_header_name_the_split() -> None:
    # "Kota Malang,4,26" under one year (Kota Malang P0 2023, 4,26): "26"
    # lands in a column without a header, which is refused as ever; the
    # message says a comma may have split the numbers. Not with sep=";".
    text = "Kabupaten/Kota,2023\nKota Malang,4,26\nKota Batu,3,31\n"
    with pytest.raises(
        ValueError, match=r"without a header: put such numbers in quotes"
    ):
        read_bps_table(io.StringIO(text), locale="id")
    semi = "Kabupaten/Kota;2023\nKota Malang;4;26\n"
    with pytest.raises(ValueError, match="no period") as e:
        read_bps_table(io.StringIO(semi), locale="id", sep=";")
    assert "quotes" not in str(e.value)


@pytest.mark.parametrize(
    ("text", "locale", "cell", "split"),
    [
        # "4,05" unquoted: "4" and "05"; 05 is no way to write a number.
        (
            "Kab,2022,2023\nKota Malang,4,05\n",
            "id",
            r"'05'",
            "'4,05' into '4' and '05'",
        ),
        # In locale "en" a thousands comma splits so: "1,050" into 1, 050.
        ("Kab,2022,2023\nKota Malang,1,050\n", "en", r"'050'", "'1,050' into"),
        ("Kab,2022,2023\nKota Malang,-4,05\n", "id", r"'05'", "'4,05' into"),
    ],
)
def test_a_leading_zero_in_a_comma_csv_is_a_split_number(
    text: str, locale: Any, cell: str, split: str
) -> None:
    with pytest.raises(
        NumberParseError,
        match=rf"row 2, column '2023': {cell} \(a whole number written with a "
        rf"leading zero.*{re.escape(split)}",
    ):
        read_bps_table(io.StringIO(text), locale=locale)
    # Reported, the cell is NaN, and the first part is read as written
    # (the invalid cell names the split); no warning besides.
    t = read_bps_table(io.StringIO(text), locale=locale, errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(2, "2023")]
    assert np.isnan(t.data["value"].to_numpy()[1])
    # With sep=";" no field is split: "05" is only not a number.
    semi = text.replace(",", ";")
    with pytest.raises(NumberParseError, match=rf"{cell} \(not a number in locale"):
        read_bps_table(io.StringIO(semi), locale=locale, sep=";")


# --- invisible characters in labels and headers ---------------------------------


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("Kota Batu\u200b", "U+200B (zero width space)"),
        ("Kota\u200bBatu", "U+200B (zero width space)"),
        ("\ufeffKota Batu", "U+FEFF (zero width no-break space)"),
        ("Kota Ba\u00adtu", "U+00AD (soft hyphen)"),
        ("Kota Batu\u2060", "U+2060 (word joiner)"),
        ("Kota Batu\u3164", "U+3164 (hangul filler)"),
    ],
)
def test_an_invisible_character_in_a_label_is_named_in_the_reason(
    label: str, named: str
) -> None:
    # "Kota Batu" (3579) with a character that shows as nothing: the label
    # is not that name, so the row is unmatched (never matched by removing
    # it silently), and the reason names the character, with the label's
    # repr showing where it is. Kota Batu P0 3.79 (BPS_P0_KABKOTA 2022).
    frame = pd.DataFrame({"Kabupaten/Kota": [label], "2022": ["3.79"]})
    t = read_bps_table(frame, locale="en")
    assert t.data["region_code"].isna().all()
    (reason,) = t.unmatched["reason"]
    assert reason == (
        f"no region of this name: the label {label!r} holds an invisible "
        f"character {named}, which is read as part of the name; remove it"
    )
    # Two different ones are both named; a visible misspelling is not.
    two = pd.DataFrame({"Kab": ["\u200bKota Batu\u2060"], "2022": ["3.79"]})
    (reason,) = read_bps_table(two, locale="en").unmatched["reason"]
    assert "invisible characters U+200B (zero width space), U+2060 (word" in reason
    plain = pd.DataFrame({"Kab": ["Kota Batuu"], "2022": ["3.79"]})
    (reason,) = read_bps_table(plain, locale="en").unmatched["reason"]
    assert reason == "no region of this name"


def test_an_invisible_character_in_a_header_is_named() -> None:
    # "2022" followed by a zero width space names no period: the message
    # says which character makes it so.
    text = "Kabupaten/Kota,2022\u200b,2023\nKota Batu,3.79,3.31\n"
    with pytest.raises(
        ValueError,
        match=r"name no period.*'2022\\u200b' holds an invisible character "
        r"U\+200B \(zero width space\)",
    ):
        read_bps_table(io.StringIO(text), locale="en")


# --- a first column of numbers that are not row numbers -------------------------


@pytest.mark.parametrize(
    ("head", "numbers", "said"),
    [
        # Area codes (Kota Malang 3573, Kota Batu 3579) before the names.
        ("Kode", ["3573", "3579"], "they look like a column of area codes"),
        ("", ["3573", "3579"], "they look like a column of area codes"),
        ("Kode", ["35", "3573"], "they look like a column of area codes"),
        # Numbers out of order, not codes: not row numbers either.
        ("", ["2", "1"], "remove the column of numbers"),
        ("No", ["3", "1"], "remove the column of numbers"),
    ],
)
def test_a_first_column_of_numbers_out_of_order_is_not_called_row_numbers(
    head: str, numbers: list[str], said: str
) -> None:
    # 3573, 3579 are not 1, 2 (or 0, 1) in order: neither a numbered list
    # nor a frame's index written by to_csv(); of four or two digits they
    # are area codes, and the reader reads a code written before its name.
    text = (
        f"{head},Kabupaten/Kota,2022,2023\n"
        f"{numbers[0]},Kota Malang,4.37,4.26\n{numbers[1]},Kota Batu,3.79,3.31\n"
    )
    with pytest.raises(ValueError, match=re.escape(said)) as e:
        read_bps_table(io.StringIO(text), locale="en")
    assert "to_csv" not in str(e.value)
    assert "a numbered list" not in str(e.value)
    if "codes" in said:
        assert "'3573 Kota Malang', which is read" in str(e.value)
    # Written as that advice says, the table reads: Kota Malang 4.37, 4.26
    # and Kota Batu 3.79, 3.31 (BPS_P0_KABKOTA 2022, 2023).
    joined = (
        "Kabupaten/Kota,2022,2023\n"
        "3573 Kota Malang,4.37,4.26\n3579 Kota Batu,3.79,3.31\n"
    )
    t = read_bps_table(io.StringIO(joined), locale="en")
    assert t.data["region_code"].tolist() == ["3573", "3573", "3579", "3579"]


@pytest.mark.parametrize(
    ("head", "numbers", "said"),
    [
        ("No", ["1", "2"], "a numbered list"),
        ("No", ["1.", "2."], "a numbered list"),
        ("", ["0", "1"], "as a frame's index written by to_csv() does"),
        ("", ["1", "2"], "as a frame's index written by to_csv() does"),
    ],
)
def test_a_first_column_of_row_numbers_in_order_is_called_so(
    head: str, numbers: list[str], said: str
) -> None:
    text = (
        f"{head},Kabupaten/Kota,2022,2023\n"
        f"{numbers[0]},Kota Malang,4.37,4.26\n{numbers[1]},Kota Batu,3.79,3.31\n"
    )
    with pytest.raises(ValueError, match=re.escape(said)):
        read_bps_table(io.StringIO(text), locale="en")


def test_codes_before_names_under_an_empty_header_are_named() -> None:
    # The names' column has an empty header too: the error is the one of a
    # column of values without a period, and says what the first column is.
    text = ",,2022,2023\n3573,Kota Malang,4.37,4.26\n3579,Kota Batu,3.79,3.31\n"
    with pytest.raises(
        ValueError, match=r"column\(s\) at position 1.*look like a column of area codes"
    ):
        read_bps_table(io.StringIO(text), locale="en")


# --- a merged group label bounds its group ---------------------------------------


def _grouped_book(tmp_path: Path, last_group: str | None, merges: list[str]) -> Path:
    # Jawa Timur P0 by area (BPS_P0_PROV, March): Perkotaan 7.71 (2022),
    # 7.5 (2023); Perdesaan 13.0, 12.9 as typed here; F: 10.35 (2023).
    rows: list[list[Any]] = [
        ["Provinsi", "Perkotaan", None, "Perdesaan", None, last_group],
        [None, "2022", "2023", "2022", "2023", "2023"],
        ["JAWA TIMUR", 7.71, 7.5, 13.0, 12.9, 10.35],
    ]
    return xlsx_path(tmp_path / "groups.xlsx", rows, merges=merges)


def test_a_column_after_a_merged_group_label_is_under_no_group(tmp_path: Path) -> None:
    # "Perkotaan" merged over B1:C1 and "Perdesaan" over D1:E1: the sheet
    # shows F1 empty, F under no group. It was filed under "Perdesaan"
    # (the label to its left); refused, naming the column and the ranges.
    path = _grouped_book(tmp_path, None, ["B1:C1", "D1:E1"])
    with pytest.raises(
        ValueError,
        match=r"column\(s\) F \('2023'\) lie under no group: the group row 1 "
        r"merges its labels over \['B1:C1', 'D1:E1'\]",
    ):
        read_bps_table(path, locale="en")
    # F labelled ("Jumlah"): three groups, each column under its own.
    jumlah = _grouped_book(tmp_path, "Jumlah", ["B1:C1", "D1:E1"])
    t = read_bps_table(jumlah, locale="en")
    assert t.data["group"].tolist() == ["Perkotaan"] * 2 + ["Perdesaan"] * 2 + [
        "Jumlah"
    ]
    # "Perdesaan" merged over D1:F1: F is under "Perdesaan", which then
    # names 2023 twice: the usual error for a period named twice.
    wide = _grouped_book(tmp_path, None, ["B1:C1", "D1:F1"])
    with pytest.raises(ValueError, match="the same period more than once"):
        read_bps_table(wide, locale="en")


def test_a_group_label_not_merged_spans_up_to_the_next_label(tmp_path: Path) -> None:
    # Without merged ranges (as in a CSV file) a label spans the columns up
    # to the next label, so F is under "Perdesaan", with 2024 its period.
    rows: list[list[Any]] = [
        ["Provinsi", "Perkotaan", None, "Perdesaan", None, None],
        [None, "2022", "2023", "2022", "2023", "2024"],
        ["JAWA TIMUR", 7.71, 7.5, 13.0, 12.9, 12.5],
    ]
    t = read_bps_table(xlsx_path(tmp_path / "p0.xlsx", rows), locale="en")
    assert t.data["group"].tolist()[-1] == "Perdesaan"
    assert t.data["year"].tolist()[-1] == 2024


def test_a_merged_group_label_bounds_its_group_in_an_ods_sheet() -> None:
    # The same in .ods: "Perkotaan" spans B1:C1, "Perdesaan" D1:E1, F1 empty.
    pytest.importorskip("odf")
    span = ' table:number-columns-spanned="2"'
    cov = "<table:covered-table-cell/>"
    rows = [
        [
            _ods_cell("Provinsi"),
            f'<table:table-cell office:value-type="string"{span}>'
            "<text:p>Perkotaan</text:p></table:table-cell>",
            cov,
            f'<table:table-cell office:value-type="string"{span}>'
            "<text:p>Perdesaan</text:p></table:table-cell>",
            cov,
            "<table:table-cell/>",
        ],
        [_ods_cell(""), *(_ods_cell(y) for y in (2022, 2023, 2022, 2023, 2024))],
        [
            _ods_cell("JAWA TIMUR"),
            *(_ods_cell(v) for v in (7.71, 7.5, 13.0, 12.9, 9.8)),
        ],
    ]
    with pytest.raises(
        ValueError, match=r"column\(s\) F \('2024'\) lie under no group"
    ):
        read_bps_table(_ods_table(rows), locale="en")


# --- .ods and .xls text cells that pandas would take for missing ------------------


@pytest.mark.parametrize(
    "word", ["N/A", "NA", "#N/A", "NULL", "nan", "None", "null", "<NA>", "n/a"]
)
def test_ods_text_that_reads_as_missing_elsewhere_is_an_invalid_cell(
    word: str,
) -> None:
    # A text cell is read as written, as in a CSV file: "N/A" is not a number
    # in locale "id" and not in `missing` ("", "-", "…", "..."), so it is an
    # invalid cell whose value is NaN, not a missing value. Kota Malang 2023
    # P0 4.26 (BPS_P0_KABKOTA) is read as 4.26.
    pytest.importorskip("odf")
    cell = _ods_cell(xml_escape(word))
    rows = [ODS_HEAD, [_ods_cell("Kota Malang"), cell, _ods_cell(4.26)]]
    # "#N/A" is a spreadsheet's error value, named as such.
    why = "a spreadsheet error value" if word == "#N/A" else "not a number"
    with pytest.raises(NumberParseError, match=re.escape(f"'{word}' ({why}")):
        read_bps_table(_ods_table(rows), locale="id", month=3)
    t = read_bps_table(_ods_table(rows), locale="id", month=3, errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(2, "2022", word)]

    assert np.isnan(t.data["value"].iloc[0])
    assert t.data["value"].iloc[1] == 4.26
    # With missing=() as well: nothing is missing unless `missing` names it.
    t = read_bps_table(
        _ods_table(rows), locale="id", month=3, errors="report", missing=()
    )
    assert [c.text for c in t.invalid] == [word]
    # Named in `missing`, the text is a missing value.
    t = read_bps_table(_ods_table(rows), locale="id", month=3, missing=(word, ""))
    assert t.invalid == ()
    assert np.isnan(t.data["value"].iloc[0])


@pytest.mark.parametrize("error", ["#N/A", "#DIV/0!", "#VALUE!", "#REF!"])
def test_an_xlsx_error_cell_is_named_as_a_spreadsheet_error(error: str) -> None:
    # An error cell (t="e") of an .xlsx sheet: no number, reported as the
    # spreadsheet's error value; Pacitan's 2023 value (13.65) is read.
    import zipfile

    book = zipfile.ZipFile(io.BytesIO(_book_bytes()))
    parts = {n: book.read(n) for n in book.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    text = parts[sheet].decode()
    cell = re.search(r'<c r="B2"[^>]*>.*?</c>', text)
    assert cell is not None
    parts[sheet] = text.replace(
        cell[0], f'<c r="B2" t="e"><v>{xml_escape(error)}</v></c>'
    ).encode()
    t = read_bps_table(io.BytesIO(_zip(parts)), locale="en", errors="report")
    assert [c.text for c in t.invalid] == [error]
    assert t.invalid[0].reason.startswith(f"a spreadsheet error value ({error!r}")
    assert t.data["value"].iloc[1] == 13.65


def test_ods_error_cell_of_na_is_an_invalid_cell() -> None:
    # LibreOffice's =NA() stores a string-typed cell showing "#N/A" (an
    # error value): no number, so an invalid cell showing "#N/A". An empty
    # cell (Kota Batu 2022) stays a missing value: NaN, not reported.
    pytest.importorskip("odf")
    na = (
        '<table:table-cell table:formula="of:=NA()" office:value-type="string" '
        'office:string-value=""><text:p>#N/A</text:p></table:table-cell>'
    )
    rows = [
        ODS_HEAD,
        [_ods_cell("Kota Malang"), na, _ods_cell(4.26)],
        [_ods_cell("Kota Batu"), "<table:table-cell/>", _ods_cell(3.31)],
    ]
    t = read_bps_table(_ods_table(rows), locale="en", month=3, errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(2, "#N/A")]
    values = t.data["value"].to_numpy()
    assert np.isnan(values[[0, 2]]).all()
    assert values[[1, 3]].tolist() == [4.26, 3.31]


# --- units stated outside the cells ------------------------------------------------


@pytest.mark.parametrize(
    ("units", "shown"),
    [
        ("(ribu jiwa);(jiwa)", r"'2022': '\(ribu jiwa\)'; '2023': '\(jiwa\)'"),
        ("(persen);(ribu jiwa)", r"'2022': '\(persen\)'; '2023': '\(ribu jiwa\)'"),
        ("%;(Rp)", r"'2022': '%'; '2023': '\(Rp\)'"),
    ],
)
def test_a_unit_row_of_different_units_is_refused(units: str, shown: str) -> None:
    # The units of a unit row are not read: thousands of persons over 2022
    # and persons over 2023 would put 37,78 (thousand) and 37.100 (persons)
    # in one value column. Refused whatever `errors`, naming each column.
    text = f"Kab;2022;2023\n;{units}\nKota Malang;37,78;37.100\n"
    for errors in ("raise", "report"):
        with pytest.raises(
            ValueError, match=rf"unit row 2 states different units .*{shown}"
        ):
            read_bps_table(
                io.StringIO(text), locale="id", sep=";", month=3, errors=errors
            )


@pytest.mark.parametrize(
    "units", ["(ribu jiwa);(ribu jiwa)", "(persen);%", "(Rupiah/Kapita/Bulan);"]
)
def test_a_unit_row_of_one_unit_is_skipped(units: str) -> None:
    # One unit for every column ("(persen)" and "%" are both percent; an
    # empty cell states none): a skipped unit row. By hand, locale "id":
    # 674.660 is 674 660 and 700.000 is 700 000.
    text = f"Kab;2022;2023\n;{units}\nKota Malang;674.660;700.000\n"
    # In percent, both are above 100: read, and warned of.
    above = (
        pytest.warns(UserWarning, match="percent above 100")
        if "persen" in units
        else contextlib.nullcontext()
    )
    with above:
        t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.skipped["reason"].tolist() == ["unit row"]
    assert t.data["value"].tolist() == [674660.0, 700000.0]


def test_a_unit_row_may_differ_between_column_groups_only() -> None:
    # A BPS table of "Persentase" (persen) and "Jumlah" (ribu jiwa): each
    # group's columns share a unit, so the unit row is skipped. Within the
    # group "Jumlah", "(ribu jiwa)" and "(jiwa)" are refused, naming it.
    head = "Kab;Persentase;;Jumlah;\n;2022;2023;2022;2023\n"
    row = "Kota Malang;4,37;4,26;37,78;36,1\n"
    t = read_bps_table(
        io.StringIO(f"{head};(persen);(persen);(ribu jiwa);(ribu jiwa)\n{row}"),
        locale="id",
        sep=";",
        month=3,
    )
    assert t.skipped["reason"].tolist() == ["unit row"]
    assert t.data["value"].tolist() == [4.37, 4.26, 37.78, 36.1]
    with pytest.raises(ValueError, match=r"over the columns of group 'Jumlah'"):
        read_bps_table(
            io.StringIO(f"{head};(persen);(persen);(ribu jiwa);(jiwa)\n{row}"),
            locale="id",
            sep=";",
            month=3,
        )


@pytest.mark.parametrize(
    ("units", "cells", "stated"),
    [
        # The cell's unit differs: percent over persons, persons over percent.
        ("(persen);(persen)", "37,78 jiwa;36,10 jiwa", "'persons'"),
        ("(ribu jiwa);(ribu jiwa)", "4,37 %;4,26 %", "'percent'"),
        # The cell's multiplier differs: thousands over plain persons,
        # a multiplier under a percent unit row, thousands under millions.
        ("(ribu jiwa);(ribu jiwa)", "37,78 jiwa;36,10 jiwa", "'persons'"),
        ("(persen);(persen)", "37,78 ribu;36,10 ribu", "times 1,000"),
        (
            "(juta jiwa);(juta jiwa)",
            "37,78 ribu jiwa;36,10 ribu jiwa",
            "'persons' times 1,000",
        ),
        ("(Rupiah/Kapita/Bulan);", "674,66 ribu jiwa;700", "'persons' times 1,000"),
    ],
)
def test_a_unit_row_conflicting_with_the_cells_units_is_refused(
    units: str, cells: str, stated: str
) -> None:
    # A unit row is not read, the cells' own units are: a unit row naming
    # another unit or multiplier than its column's cells leaves the scale a
    # guess ("(ribu jiwa)" over "37,78 jiwa" is 37 780 persons or 37,78
    # million), so those cells are invalid, naming both; never read as the
    # cells say (37,78 jiwa -> 37.78) with the row skipped.
    text = f"Kab;2022;2023\n;{units}\nKota Malang;{cells}\n"
    with pytest.raises(
        NumberParseError, match=rf"the cell states {stated}, but unit row 2 states"
    ) as info:
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert info.value.cells[0].column == "2022"
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert np.isnan(t.data["value"].iloc[0])


@pytest.mark.parametrize(
    ("units", "cells", "expected"),
    [
        # The same unit and multiplier: 37,78 ribu jiwa is 37.78 in the unit
        # row's scale (thousands), as the bare 37,78 under it is.
        ("(ribu jiwa);(ribu jiwa)", "37,78 ribu jiwa;36,10 ribu jiwa", [37.78, 36.1]),
        # Rupiah per capita per month is rupiah: "Rp 674.660" agrees.
        ("(Rupiah/Kapita/Bulan);", "Rp 674.660;Rp 700.000", [674660, 700000]),
        ("(persen);%", "4,37 %;4,26 persen", [4.37, 4.26]),
        # Bare numbers state nothing to compare: read as written.
        ("(ribu jiwa);(ribu jiwa)", "37,78;36,10", [37.78, 36.1]),
    ],
)
def test_a_unit_row_agreeing_with_the_cells_units_is_skipped(
    units: str, cells: str, expected: list[float]
) -> None:
    text = f"Kab;2022;2023\n;{units}\nKota Malang;{cells}\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.skipped["reason"].tolist() == ["unit row"]
    assert t.data["value"].tolist() == expected


def test_a_unit_row_conflicting_with_a_percent_format_is_refused() -> None:
    # Cells formatted "0.00%" show 0.3778 as "37.78%", percent; "(ribu
    # jiwa)" above them names thousands of persons: refused, not read as
    # 37.78 percent.
    rows: list[list[Any]] = [
        ["Kab", 2022, 2023],
        [None, "(ribu jiwa)", "(ribu jiwa)"],
        ["Kota Malang", 0.3778, 0.361],
    ]
    buf = xlsx_bytes(rows, {"B3": "0.00%", "C3": "0.00%"})
    with pytest.raises(
        NumberParseError,
        match=r"states 'percent', but unit row 2 states '\(ribu jiwa\)' "
        r"\('persons' times 1,000\)",
    ):
        read_bps_table(buf, locale="id", month=3)


def test_a_unit_row_among_the_data_is_a_data_row_not_skipped() -> None:
    # Below a region's row, "(ribu jiwa)" is no layout: a row of the table
    # (unlabelled, unmatched), its cells not numbers; never listed in
    # `skipped` as well.
    text = (
        "Kab;2022;2023\n;(persen);(persen)\nKota Malang;4,37;4,26\n"
        ";(ribu jiwa);(ribu jiwa)\nKota Batu;8,1;8,0\n"
    )
    t = read_bps_table(
        io.StringIO(text), locale="id", sep=";", month=3, errors="report"
    )
    assert t.skipped["row"].tolist() == [2]
    assert t.unmatched["row"].tolist() == [4]
    assert [(c.row, c.text) for c in t.invalid] == [
        (4, "(ribu jiwa)"),
        (4, "(ribu jiwa)"),
    ]
    assert len(t.data) == 6
    with pytest.raises(NumberParseError, match=r"row 4, column '2022'"):
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)


def test_a_number_format_naming_a_unit_reads_as_that_text_typed(
    tmp_path: Path,
) -> None:
    # 37.78 shown '0.00" ribu jiwa"' is "37.78 ribu jiwa", as typed: 37.78
    # thousand = 37 780 persons (the text cell "37,78 ribu jiwa" reads so).
    fmt = '0.00" ribu jiwa"'
    rows = [["Kab", 2022, 2023], ["Kota Malang", 37.78, 36.1]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt, "C2": fmt})
    assert read_bps_table(path, locale="id", month=3).data["value"].tolist() == [
        37780.0,
        36100.0,
    ]
    # On one cell only: the other number states no multiplier, so its scale
    # is ambiguous (the bare one is invalid on a tie), as typed text is.
    rows = [["Kab", 2022, 2023], ["Kota Malang", 37.78, 37780]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt})
    with pytest.raises(
        NumberParseError,
        match=r"column '2023': '37780' \(a number without a multiplier word among "
        r"numbers with one \(such as '37\.78 ribu jiwa'\)",
    ):
        read_bps_table(path, locale="id", month=3)
    # Two units, one cell each: a tie, so neither unit is the column's and
    # both cells are invalid, shown with the format's text.
    rows = [["Kab", 2022, 2023], ["Kota Malang", 4.37, 37780]]
    path = xlsx_path(
        tmp_path / "p0.xlsx", rows, {"B2": '0.00" persen"', "C2": '0" jiwa"'}
    )
    t = read_bps_table(path, locale="id", month=3, errors="report")
    assert [(c.column, c.text) for c in t.invalid] == [
        ("2022", "4.37 persen"),
        ("2023", "37780 jiwa"),
    ]
    assert all("'percent', 'persons' in as many cells" in c.reason for c in t.invalid)
    # One more "persen" cell: percent is the column's unit, "jiwa" invalid.
    rows = [["Kab", 2022, 2023, 2024], ["Kota Malang", 4.37, 37780, 4.1]]
    fmts = {"B2": '0.00" persen"', "C2": '0" jiwa"', "D2": '0.00" persen"'}
    path = xlsx_path(tmp_path / "p0.xlsx", rows, fmts)
    t = read_bps_table(path, locale="id", month=3, errors="report")
    assert [(c.column, c.text, c.reason) for c in t.invalid] == [
        ("2023", "37780 jiwa", "unit 'persons' in a column of 'percent'")
    ]


@pytest.mark.parametrize(
    ("text", "row", "shown"),
    [
        # JAWA TIMUR's 4.181,29 thousand poor written unquoted: "4.181" (a
        # whole number with a thousands dot) and "29".
        (
            "Provinsi,2022,2023\nJAWA TIMUR,4.181,29\nJAWA TENGAH,3.831,44\n",
            r"row 2 \(and 1 more\):",
            "'4.181', '29'",
        ),
        # Kota Malang quoted ("4,37", "4,26": decimals), Kota Batu not:
        # 3,79 split into 3 and 79 fits the two columns. One row suffices.
        (
            'Kab,2022,2023\nKota Malang,"4,37","4,26"\nKota Batu,3,79\n',
            "row 3:",
            "'3', '79'",
        ),
    ],
)
def test_a_row_of_whole_numbers_in_a_comma_csv_warns_of_split_decimals(
    text: str, row: str, shown: str
) -> None:
    # Under locale "id" and sep=",", a row whose values are all whole
    # numbers, one at least of digits alone (as the second part of a split
    # number is), warns naming the row and its values.
    with pytest.warns(
        UserWarning, match=rf"{row} every value read is a whole number \({shown}\)"
    ):
        read_bps_table(io.StringIO(text), locale="id", month=3)


def test_whole_numbers_with_thousands_dots_only_do_not_warn() -> None:
    # Poverty lines in rupiah (674.660 and 700.000, whole numbers with a
    # thousands dot each): no part of a split number, which is digits
    # alone; no warning (filterwarnings = error). By hand: 674 660, 700 000.
    text = "Kab,2022,2023\nKota Malang,674.660,700.000\n"
    t = read_bps_table(io.StringIO(text), locale="id", month=3)
    assert t.data["value"].tolist() == [674660.0, 700000.0]


def test_a_text_frame_of_whole_numbers_warns_of_split_decimals(
    tmp_path: Path,
) -> None:
    # The CSV file of split decimals (Kota Malang 4,37, Kota Batu 3,79
    # unquoted) read with every column as text, as the docs advise, by
    # pandas, polars and DuckDB: the same warning as the file read here.
    text = "Kabupaten/Kota,2022,2023\nKota Malang,4,37\nKota Batu,3,79\n"
    path = tmp_path / "split.csv"
    path.write_text(text)
    frames: list[Any] = [
        pd.read_csv(path, dtype=str),
        pl.read_csv(path, infer_schema=False),
    ]
    duckdb = pytest.importorskip("duckdb")
    frames.append(
        duckdb.sql(f"select * from read_csv('{path}', all_varchar=true)").pl()
    )
    for frame in frames:
        with pytest.warns(
            UserWarning,
            match=(
                r"a whole number written as text "
                r"\(4 values; the smallest: '3', '4', '37'\)"
            ),
        ):
            t = read_bps_table(frame, locale="id", month=3)
        assert t.data["value"].tolist() == [4.0, 37.0, 3.0, 79.0]
    # Decimals as text, or numbers with thousands dots only: no warning.
    good = pd.DataFrame({"Kab": ["Kota Malang"], "2022": ["4,37"], "2023": ["4"]})
    assert read_bps_table(good, locale="id", month=3).data["value"].tolist() == [
        4.37,
        4.0,
    ]
    dots = pd.DataFrame({"Kab": ["Kota Malang"], "2022": ["674.660"]})
    assert read_bps_table(dots, locale="id", month=3).data["value"].tolist() == [
        674660.0
    ]


# --- the scale rules hold within a column group ------------------------------------


def test_percent_and_plain_groups_of_a_standard_table_are_read(
    tmp_path: Path,
) -> None:
    # A BPS table of "Persentase" (Kota Malang P0 4.37 and 4.26, BPS_P0_KABKOTA,
    # stored 0.0437 and 0.0426 formatted 0.00%) and "Jumlah (ribu jiwa)"
    # (37.78 and 36.1, plain). Each group's cells share a format: read. By
    # hand: 0.0437 * 100 = 4.37, 0.0426 * 100 = 4.26; the counts as stored.
    rows: list[list[Any]] = [
        ["Kab", "Persentase", None, "Jumlah (ribu jiwa)", None],
        [None, 2022, 2023, 2022, 2023],
        ["Kota Malang", 0.0437, 0.0426, 37.78, 36.1],
        ["Kota Batu", 0.0379, 0.0331, 8.1, 8.0],
    ]
    pct = {c: "0.00%" for c in ("B3", "C3", "B4", "C4")}
    t = read_bps_table(xlsx_path(tmp_path / "p0.xlsx", rows, pct), locale="id", month=3)
    assert t.data["value"].tolist() == [4.37, 4.26, 37.78, 36.1, 3.79, 3.31, 8.1, 8.0]
    assert (
        t.data["group"].tolist()[:4] == ["Persentase"] * 2 + ["Jumlah (ribu jiwa)"] * 2
    )
    # Within a group, a plain number among percent-formatted ones is still
    # ambiguous: named by its group and header, the advice for that group.
    del pct["C4"]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, pct)
    with pytest.raises(
        NumberParseError,
        match=r"row 4, column \('Persentase', '2023'\): '0\.0331' \(a number "
        r"without a percent format .*give the value cells of group 'Persentase' "
        r"one scale .*if it is a fraction of one as they are \(0\.0331 for "
        r"3\.31%\), give it their percent format; if it is 0\.0331%, store "
        # In the table's locale, as a sheet in Indonesian settings takes it
        # typed (sheets30 F3).
        r"0,000331 in it",
    ):
        read_bps_table(path, locale="id", month=3)
    t = read_bps_table(path, locale="id", month=3, errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(4, ("Persentase", "2023"))]


def test_the_percent_format_advice_names_the_number_to_write(tmp_path: Path) -> None:
    # sheets24 M1: P0 (bps_p0_kabkota_2004_2025.csv, March) with no unit
    # stated; Pacitan 2023, 13.65, typed into a cell formatted 0.00%, which
    # stores 0.1365 (shown 13.65%). Giving it the others' format leaves
    # 0.1365 (a format never changes the number stored): the advice names
    # the number to write, 13.65 by hand (0.1365 * 100).
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", 2022, 2023, 2024],
        ["JAWA TIMUR", 10.38, 10.35, 9.79],
        ["Pacitan", 13.8, 0.1365, 13.08],
        ["Kota Batu", 3.79, 3.31, 3.06],
    ]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"C3": "0.00%"})
    with pytest.raises(
        NumberParseError,
        match=r"'0\.1365 \(shown as 13\.65%\)' .*if they are fractions of one, "
        r"remove its percent format \(it stores 0\.1365\); if they are "
        r"percentages, write 13\.65 in it as a plain number",
    ):
        read_bps_table(path, locale="en", month=3)
    rows[2][2] = 13.65  # followed: written as a plain number
    t = read_bps_table(xlsx_path(tmp_path / "p0.xlsx", rows), locale="en", month=3)
    assert t.data["value"].tolist()[4] == 13.65
    # The text "0.1365" among cells formatted as percent (0.1038 shown
    # 10.38%, ...): a percent sign does not scale the number beside it.
    fractions = [
        [r[0], *(float(Decimal(repr(v)) / 100) for v in r[1:])] for r in rows[1:]
    ]
    fractions[1][2] = "0.1365"
    pct = {f"{c}{r}": "0.00%" for c in "BCD" for r in (2, 3, 4)}
    del pct["C3"]
    path = xlsx_path(tmp_path / "p0.xlsx", [rows[0], *fractions], pct)
    with pytest.raises(
        NumberParseError,
        match=r"'0\.1365' \(a number without a percent sign .*a percent sign "
        r"does not scale the number beside it: a fraction of one such as 0\.1365 "
        r"is written 13\.65%",
    ):
        read_bps_table(path, locale="en", month=3)
    fractions[1][2] = "13.65%"  # followed
    path = xlsx_path(tmp_path / "p0.xlsx", [rows[0], *fractions], pct)
    t = read_bps_table(path, locale="en", month=3)
    assert t.data["value"].tolist() == [
        10.38,
        10.35,
        9.79,
        13.8,
        13.65,
        13.08,
        3.79,
        3.31,
        3.06,
    ]


def test_typed_units_and_percent_signs_are_compared_within_a_group() -> None:
    # "4,37 %" in "Persentase" and "37,78 ribu jiwa" in "Jumlah": each
    # group states one unit, read (4.37 percent; 37.78 thousand = 37 780
    # persons, by hand). A bare "4,26" among "%" cells of its group is
    # ambiguous, named with its group.
    head = "Kab;Persentase;;Jumlah;\n;2022;2023;2022;2023\n"
    text = head + "Kota Malang;4,37 %;4,26 %;37,78 ribu jiwa;36,1 ribu jiwa\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.data["value"].tolist() == [4.37, 4.26, 37780.0, 36100.0]
    bad = head + "Kota Malang;4,37 %;4,26;37,78 ribu jiwa;36,1 ribu jiwa\n"
    with pytest.raises(
        NumberParseError, match=r"column \('Persentase', '2023'\): '4,26' \(a number"
    ):
        read_bps_table(io.StringIO(bad), locale="id", sep=";", month=3)


# --- a merged year bounds its rounds ------------------------------------------------


def _year_book(tmp_path: Path, merges: list[str]) -> Path:
    # Jawa Timur P0 (BPS_P0_PROV): March 10.38 and September 10.49 in 2022,
    # March 10.35 in 2023; "Tahunan" 10.4 and September 2023 10.0 as typed.
    rows: list[list[Any]] = [
        ["Provinsi", 2022, None, None, 2023, None],
        [None, "Maret", "September", "Tahunan", "Maret", "September"],
        ["JAWA TIMUR", 10.38, 10.49, 10.4, 10.35, 10.0],
    ]
    return xlsx_path(tmp_path / "years.xlsx", rows, merges=merges)


def test_a_round_after_a_merged_year_is_under_no_year(tmp_path: Path) -> None:
    # 2022 merged over B1:C1, 2023 over E1:F1: the sheet shows D1 empty, so
    # "Tahunan" in D is under no year. It was filed as 2022 "Tahunan" (the
    # year to its left); refused, naming the column and the ranges, as a
    # column after a merged group label is.
    path = _year_book(tmp_path, ["B1:C1", "E1:F1"])
    for errors in ("raise", "report"):
        with pytest.raises(
            ValueError,
            match=r"column\(s\) D \('Tahunan'\) lie under no year: the year row 1 "
            r"merges its years over \['B1:C1', 'E1:F1'\]",
        ):
            read_bps_table(path, locale="en", errors=errors)
    # 2022 merged over B1:D1: "Tahunan" is 2022's annual figure.
    t = read_bps_table(_year_book(tmp_path, ["B1:D1", "E1:F1"]), locale="en")
    assert t.data[["year", "month"]].astype(object).to_numpy().tolist() == [
        [2022, 3],
        [2022, 9],
        [2022, pd.NA],
        [2023, 3],
        [2023, 9],
    ]
    # Not merged (as in a CSV file): a year spans the columns up to the next.
    t = read_bps_table(_year_book(tmp_path, []), locale="en")
    assert t.data["year"].tolist() == [2022, 2022, 2022, 2023, 2023]


# --- an invisible character in a group label --------------------------------------


@pytest.mark.parametrize(
    ("mark", "name"),
    [("\u200b", "U+200B (zero width space)"), ("\u00ad", "U+00AD (soft hyphen)")],
)
def test_a_group_label_holding_an_invisible_character_is_refused(
    mark: str, name: str
) -> None:
    # "Perkotaan" over 2022 and "Perkotaan" + an invisible character over
    # 2023 would be two groups that look the same (Kota Malang's 2023 value
    # filed apart from its 2022 one); refused, naming the character, as an
    # invisible character in a header is.
    text = (
        f"Kab;Perkotaan;Perkotaan{mark};Perdesaan;Perdesaan\n;2022;2023;2022;2023\n"
        "Kota Malang;4,37;4,26;5,1;5,0\n"
    )
    for errors in ("raise", "report"):
        with pytest.raises(
            ValueError,
            match=rf"group row 1: 'Perkotaan.*' holds an invisible character "
            rf"{re.escape(name)}",
        ):
            read_bps_table(
                io.StringIO(text), locale="id", sep=";", month=3, errors=errors
            )
    # Without it: two groups, each over both years.
    t = read_bps_table(
        io.StringIO(text.replace(mark, "")), locale="id", sep=";", month=3
    )
    assert t.data["group"].unique().tolist() == ["Perkotaan", "Perdesaan"]


# --- the word for year over a row of rounds -----------------------------------------


@pytest.mark.parametrize(
    "rounds",
    [
        "Maret;September;Maret;September",
        "Semester 1 (Maret);Semester 2 (September);Semester 1;Semester 2",
    ],
)
@pytest.mark.parametrize("word", ["Tahun", "TAHUN", "Year"])
def test_the_word_for_year_over_a_row_of_rounds(rounds: str, word: str) -> None:
    # "Tahun 2022" over "Maret" is March 2022, as the bare 2022 is (the
    # word for year is allowed when the header rows are joined). Semester 1
    # is March, semester 2 September (BPS Susenas rounds). Kota Malang P0
    # (BPS_P0_KABKOTA) 4.37 March 2022 and 4.26 March 2023; the September
    # values as typed.
    text = f"Kab;{word} 2022;;{word} 2023;\n;{rounds}\nKota Malang;4,37;4,3;4,26;4,1\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["year"].tolist() == [2022, 2022, 2023, 2023]
    assert t.data["month"].tolist() == [3, 9, 3, 9]
    bare = read_bps_table(
        io.StringIO(text.replace(f"{word} ", "")), locale="id", sep=";"
    )
    pd.testing.assert_frame_equal(t.data, bare.data)


# --- a merged range written backwards ------------------------------------------------


def _with_merges(rows: list[list[Any]], refs: list[str]) -> io.BytesIO:
    """An .xlsx file of `rows` whose sheet lists the merged ranges `refs` as written."""
    import zipfile

    base = xlsx_bytes(rows)
    merges = "".join(f'<mergeCell ref="{r}"/>' for r in refs).encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base.getvalue())) as src,
        zipfile.ZipFile(out, "w") as dst,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"</sheetData>",
                    b"</sheetData><mergeCells>" + merges + b"</mergeCells>",
                )
            dst.writestr(item, data)
    out.seek(0)
    return out


@pytest.mark.parametrize("ref", ["C1:B1", "B2:B1", "B"])
def test_a_merged_range_that_names_no_range_is_damage(ref: str) -> None:
    # "C1:B1" runs from right to left: no spreadsheet program writes it, and
    # openpyxl refuses it with a bare "2 must be greater than 3". It is named
    # as damage of the file, with the range.
    rows: list[list[Any]] = [["Kab", 2022, 2023], ["Kota Malang", 4.37, 4.26]]
    with pytest.raises(
        ValueError,
        match=rf"`source`: sheet 'Sheet' of the workbook cannot be read: merged "
        rf"range\(s\) \['{ref}'\] cannot be read .*the file may be damaged",
    ):
        read_bps_table(_with_merges(rows, [ref]), locale="en", month=3)
    # Written "B1:C1", the range is read (and hides C1's "2023").
    with pytest.raises(ValueError, match=r"hidden under a merged range"):
        read_bps_table(_with_merges(rows, ["B1:C1"]), locale="en", month=3)


# --- runs of empty rows in an .ods sheet -------------------------------------------


def test_ods_runs_of_empty_rows_are_one_entry_each_as_in_xlsx() -> None:
    # Rows 3 (one empty row), 5-6 (two empty rows, each written) and
    # 7-1048576 (LibreOffice's empty rows to the sheet's end, written once
    # with number-rows-repeated="1048570") below Kota Malang and Kota Batu
    # (P0 2022 and 2023, BPS_P0_KABKOTA), a note at row 1048577. By hand:
    # 5-6 and 7-1048576 are one run, "5-1048576"; the note keeps its row
    # number. The repeated row is never made a million rows.
    pytest.importorskip("odf")
    empty = ["<table:table-cell/>"]
    rows = [
        ODS_HEAD,
        [_ods_cell("Kota Malang"), _ods_cell(4.37), _ods_cell(4.26)],
        empty,
        [_ods_cell("Kota Batu"), _ods_cell(3.79), _ods_cell(3.31)],
        empty,
        empty,
    ]
    xml = "".join(f"<table:table-row>{''.join(r)}</table:table-row>" for r in rows)
    xml += (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        f"<table:table-row>{_ods_cell('Sumber: BPS')}</table:table-row>"
    )
    t = read_bps_table(io.BytesIO(_ods_content(xml)), locale="en", month=3)
    assert t.skipped[["row", "reason"]].to_numpy().tolist() == [
        [3, "blank"],
        ["5-1048576", "blank"],
        [1048577, "note"],
    ]
    assert t.data["value"].tolist() == [4.37, 4.26, 3.79, 3.31]
    assert t.unmatched.empty


# --- a bare name that is a city's name ----------------------------------------------


@pytest.mark.parametrize(
    ("province", "label", "city"),
    [
        ("DKI JAKARTA", "Jakarta Pusat", "3171 Kota Jakarta Pusat (DKI Jakarta)"),
        ("SUMATERA UTARA", "Medan", "1271 Kota Medan (Sumatera Utara)"),
        ("", "Medan", "1271 Kota Medan (Sumatera Utara)"),
    ],
)
def test_a_bare_name_of_a_city_is_unmatched_with_the_city_named(
    province: str, label: str, city: str
) -> None:
    # No regency is called Jakarta Pusat or Medan (a bare name is a
    # regency, as in BPS tables); the city of that name in the row's
    # province (anywhere, without a province row) is named in the reason,
    # never matched. Written "Kota ...", the row matches the city.
    above = f"{province};4,4\n" if province else ""
    text = f"Wilayah;2023\n{above}{label};4,1\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    where = province.title().replace("Dki", "DKI") if province else "Indonesia"
    assert t.unmatched["label"].tolist() == [label]
    assert t.unmatched["reason"].tolist() == [
        "no region of this name (a bare name is a regency, as in BPS tables); "
        f"{where} has {city}: write 'Kota {label}'"
    ]
    kota = read_bps_table(
        io.StringIO(text.replace(label, f"Kota {label}")),
        locale="id",
        sep=";",
        month=3,
    )
    assert kota.unmatched.empty
    assert kota.data["region_code"].tolist()[-1] == city[:4]


# --- more characters that show as nothing; a label merged down ----------------------


@pytest.mark.parametrize(
    ("mark", "name"),
    [
        ("\u2800", "U+2800 (braille pattern blank)"),
        ("\ufe0f", "U+FE0F (variation selector-16)"),
        ("\U000e0100", "U+E0100 (variation selector-17)"),
    ],
)
def test_blank_braille_and_variation_selectors_are_named_as_invisible(
    mark: str, name: str
) -> None:
    # These show as nothing (or change nothing after a letter): in a label
    # the row is unmatched with the character named; in a header it is
    # named in the error, as a zero width space is.
    text = f"Kab;2022;2023\nKota Batu{mark};3,79;3,31\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.unmatched["reason"].str.contains(
        re.escape(f"holds an invisible character {name}")
    ).tolist() == [True]
    head = f"Kab;2022;2023{mark}\nKota Batu;3,79;3,31\n"
    with pytest.raises(
        ValueError, match=re.escape(f"holds an invisible character {name}")
    ):
        read_bps_table(io.StringIO(head), locale="id", sep=";", month=3)


def test_a_row_under_a_label_merged_down_names_the_merge(tmp_path: Path) -> None:
    # "Kota Malang" merged over A2:A3: the sheet shows it across row 3,
    # whose label cell is empty. Row 3 is kept (unmatched), its reason
    # naming the range, not "no region of this name".
    path = xlsx_path(
        tmp_path / "down.xlsx",
        [["Kab", 2022, 2023], ["Kota Malang", 4.37, 4.26], [None, 3.79, 3.31]],
        merges=["A2:A3"],
    )
    t = read_bps_table(path, locale="en", month=3)
    assert t.unmatched["row"].tolist() == [3]
    assert t.unmatched["reason"].tolist() == [
        "no label: the label cell lies under the merged range A2:A3, which "
        "shows A2's label across it (the row has no label of its own); "
        "unmerge the cells and write each row's label"
    ]
    assert t.data["value"].tolist() == [4.37, 4.26, 3.79, 3.31]


def test_xls_text_and_error_cells_are_read_as_shown() -> None:
    # tests/data/errors.xls (see tests/data/SOURCES.md): Kota Malang 2022 an
    # error cell #N/A, 2023 4.26 (P0, BPS_P0_KABKOTA); Kota Batu 2022 the
    # text "N/A", 2023 an error cell #DIV/0!. pandas reads all three as
    # missing; each is shown as the sheet shows it and is an invalid cell,
    # as in .xlsx and CSV.
    pytest.importorskip("xlrd")
    path = Path(__file__).parent / "data" / "errors.xls"
    t = read_bps_table(path, locale="en", month=3, errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [
        (2, "2022", "#N/A"),
        (3, "2022", "N/A"),
        (3, "2023", "#DIV/0!"),
    ]
    values = t.data["value"].to_numpy()
    assert values[1] == 4.26
    assert np.isnan(values[[0, 2, 3]]).all()
    # Named in `missing`, a text or an error's text is a missing value.
    t = read_bps_table(
        path, locale="en", month=3, missing=("", "N/A", "#N/A"), errors="report"
    )
    assert [c.text for c in t.invalid] == ["#DIV/0!"]


def test_xls_formulas_without_a_stored_result_are_named() -> None:
    # tests/data/formulas.xls (see tests/data/SOURCES.md): xlwt stores each
    # formula with empty text as its result, which pandas reads as missing.
    # As in .xlsx, the value cell "=4.37*1" is invalid, shown by its text
    # (as xlrd decompiles it: 4.37*1.0), and the label formula leaves its
    # row unmatched; 4.26, 3.79 and 3.31 are read.
    pytest.importorskip("xlrd")
    path = Path(__file__).parent / "data" / "formulas.xls"
    with pytest.raises(
        NumberParseError,
        match=r"row 2, column '2022': '=4\.37\*1\.0' \(a formula without a "
        "stored result",
    ):
        read_bps_table(path, locale="en", month=3)
    t = read_bps_table(path, locale="en", month=3, errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(2, "2022", "=4.37*1.0")]
    np.testing.assert_array_equal(t.data["value"], [np.nan, 4.26, 3.79, 3.31])
    assert t.unmatched["label"].tolist() == ['="Kota "&"Batu"']
    assert t.unmatched["reason"].str.startswith("the label is a formula").all()


def test_xls_formula_text_unreadable_is_named_a_formula(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A formula xlrd cannot decompile is still a formula without a stored
    # result, shown as "a formula", never an empty cell.
    xlrd_formula = pytest.importorskip("xlrd.formula")

    def fail(*args: Any, **kwargs: Any) -> str:
        raise ValueError

    monkeypatch.setattr(xlrd_formula, "decompile_formula", fail)
    path = Path(__file__).parent / "data" / "formulas.xls"
    t = read_bps_table(path, locale="en", month=3, errors="report")
    assert [(c.column, c.text) for c in t.invalid] == [("2022", "a formula")]
    assert "a formula without a stored result" in t.invalid[0].reason


def test_a_round_after_a_merged_year_is_under_no_year_in_an_ods_sheet() -> None:
    # The same in .ods: 2022 spans B1:C1, 2023 E1:F1, D1 empty.
    pytest.importorskip("odf")
    span = ' table:number-columns-spanned="2"'
    cov = "<table:covered-table-cell/>"
    rows = [
        [
            _ods_cell("Provinsi"),
            f'<table:table-cell office:value-type="float" office:value="2022"{span}>'
            "<text:p>2022</text:p></table:table-cell>",
            cov,
            "<table:table-cell/>",
            f'<table:table-cell office:value-type="float" office:value="2023"{span}>'
            "<text:p>2023</text:p></table:table-cell>",
            cov,
        ],
        [
            _ods_cell(""),
            *(_ods_cell(r) for r in ("Maret", "September", "Tahunan", "Maret")),
            _ods_cell("September"),
        ],
        [
            _ods_cell("JAWA TIMUR"),
            *(_ods_cell(v) for v in (10.38, 10.49, 10.4, 10.35, 10.0)),
        ],
    ]
    with pytest.raises(
        ValueError, match=r"column\(s\) D \('Tahunan'\) lie under no year"
    ):
        read_bps_table(_ods_table(rows), locale="en")


# --- text a number format shows with a value ---------------------------------


def _typed_reason(cell: str, units: str = "") -> str:
    """The reason a CSV cell typed as `cell` (under unit row `units`) is invalid."""
    unit_row = f",{units},{units}\n" if units else ""
    text = f"Kab/Kota,2022,2023\n{unit_row}Pacitan,{cell},33.1\nPonorogo,9.9,9.8\n"
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    assert len(t.invalid) == 1
    return t.invalid[0].reason


@pytest.mark.parametrize(
    ("fmt", "shown", "units", "typed"),
    [
        # A currency shown before the number: quoted, escaped, Excel's
        # currency tag [$Rp-421] (symbol "Rp", locale 0x421), or after it:
        # each shows 500 as the text "Rp 500" ("500 rupiah"), rupiah, which
        # conflicts with the unit row "(persen)", as the typed text does.
        ('"Rp "#,##0', "Rp 500", "(persen)", "Rp 500"),
        ("\\R\\p\\ #,##0", "Rp 500", "(persen)", "Rp 500"),
        ("[$Rp-421]#,##0", "Rp500", "(persen)", "Rp500"),
        ("[$Rp-421] #,##0;[$Rp-421] -#,##0", "Rp 500", "(persen)", "Rp 500"),
        ('0" rupiah"', "500 rupiah", "(persen)", "500 rupiah"),
        # A "%" that does not scale (the tag [$%], quoted, escaped): 500
        # shown "500%" is 500 percent, which conflicts with "(ribu jiwa)".
        ("0.00[$%]", "500%", "(ribu jiwa)", "500%"),
        ('0.00"%"', "500%", "(ribu jiwa)", "500%"),
        ("0.00\\%", "500%", "(ribu jiwa)", "500%"),
    ],
)
def test_a_unit_shown_by_the_number_format_is_read_as_typed(
    tmp_path: Path, fmt: str, shown: str, units: str, typed: str
) -> None:
    # 500 formatted so that it shows a unit is that text typed in the cell:
    # checked against the unit row and the column's other units alike, so
    # the cell is invalid with the typed cell's reason, never read as 500.
    rows: list[list[Any]] = [
        ["Kab/Kota", 2022, 2023],
        ["", units, units],
        ["Pacitan", 500, 33.1],
        ["Ponorogo", 9.9, 9.8],
    ]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B3": fmt})
    t = read_bps_table(path, locale="en", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(3, shown)]
    assert t.invalid[0].reason == _typed_reason(typed, units)
    assert "but unit row 2 states" in t.invalid[0].reason
    assert np.isnan(t.data["value"].iloc[0])
    assert t.data["value"].iloc[1:].tolist() == [33.1, 9.9, 9.8]
    with pytest.raises(NumberParseError, match=r"but unit row 2 states"):
        read_bps_table(path, locale="en")


def test_a_currency_shown_by_the_number_format_is_rupiah(tmp_path: Path) -> None:
    # Poverty lines 500 and 550 rupiah (by hand: "Rp 500" and "Rp 550"
    # are 500 and 550 rupiah), one shown by the currency tag [$Rp-421],
    # one typed "Rp 550" in locale "id": both rupiah, read alike, and
    # accepted under the unit row "(Rupiah/Kapita/Bulan)".
    rows: list[list[Any]] = [
        ["Kab/Kota", 2022, 2023],
        ["", "(Rupiah/Kapita/Bulan)", "(Rupiah/Kapita/Bulan)"],
        ["Pacitan", 500, "Rp 550"],
    ]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B3": "[$Rp-421]#,##0"})
    t = read_bps_table(path, locale="id")
    assert t.data["value"].tolist() == [500.0, 550.0]
    # The same number with decimals, in locale "id": 674660.5 shown
    # "Rp 674,660.50" is read from its stored value, 674 660.5 rupiah.
    rows[2] = ["Pacitan", 674660.5, "Rp 550"]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B3": '"Rp "#,##0.00'})
    assert read_bps_table(path, locale="id").data["value"].tolist() == [
        674660.5,
        550.0,
    ]


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        # A footnote mark shown by the format ("r)" revised, "*"
        # provisional), or other text: the typed "33.1 r)" is not a number,
        # and neither is the cell, its mark never dropped.
        ('0.0" r)"', "33.1 r)"),
        ('0.0"*"', "33.1*"),
        ("0.0\\*", "33.1*"),
        ('"~"0.0', "~33.1"),
        ('0" xyz"', "33.1 xyz"),
        ('0" kapita"', "33.1 kapita"),
        # A percent format with a mark: 0.331 shown "33.1% r)".
        ('0.0%" r)"', "33.1% r)"),
    ],
)
def test_a_mark_shown_by_the_number_format_is_read_as_typed(
    tmp_path: Path, fmt: str, shown: str
) -> None:
    stored = 0.331 if "%" in fmt else 33.1
    rows: list[list[Any]] = [
        ["Kab/Kota", 2022, 2023],
        ["Pacitan", stored, 33.1],
        ["Ponorogo", 9.9, 9.8],
    ]
    t = read_bps_table(
        xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt}), locale="en", errors="report"
    )
    assert [(c.row, c.text) for c in t.invalid] == [(2, shown)]
    assert t.invalid[0].reason == _typed_reason(shown)
    assert t.invalid[0].reason.startswith("not a number in locale 'en'")


@pytest.mark.parametrize(
    "fmt",
    [
        # Formats showing only spacing, colour and a sign's notation: the
        # stored numbers, 4.5, -5.5 and 0 (by hand, as stored).
        "#,##0.00_);\\(#,##0.00\\)",
        '#,##0.00_);[Red]\\(#,##0.00\\);"-"',
        '0.00;-0.00;"-"',
        "[Red]0.00;[Red](0.00)",
        "* #,##0.00_-",
        "# ?/?",
    ],
)
def test_a_number_format_showing_no_text_keeps_the_number(
    tmp_path: Path, fmt: str
) -> None:
    rows: list[list[Any]] = [["Kab/Kota", 2022, 2023, 2024], ["Pacitan", 4.5, -5.5, 0]]
    path = xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt, "C2": fmt, "D2": fmt})
    t = read_bps_table(path, locale="en")
    assert t.data["value"].tolist() == [4.5, -5.5, 0.0]


def _ods_money(value: float, shown: str, code: str | None) -> str:
    """An .ods cell of value type currency holding `value`, shown as `shown`."""
    currency = f' office:currency="{code}"' if code else ""
    return (
        f'<table:table-cell office:value-type="currency"{currency} '
        f'office:value="{value}"><text:p>{shown}</text:p></table:table-cell>'
    )


@pytest.mark.parametrize(
    ("cell", "units", "expected", "reason"),
    [
        # "Rp 500" (IDR): 500 rupiah, as "Rp 500" typed; under the unit row
        # "(persen)" invalid, under "(Rupiah/Kapita/Bulan)" 500 rupiah.
        (
            _ods_money(500, "Rp 500", "IDR"),
            "(persen)",
            None,
            "the cell states 'rupiah'",
        ),
        (_ods_money(500, "Rp 500", "IDR"), "(Rupiah/Kapita/Bulan)", 500.0, ""),
        # A style showing no symbol: the code IDR is the currency, rupiah.
        (_ods_money(500, "500", "IDR"), "(Rupiah/Kapita/Bulan)", 500.0, ""),
        (_ods_money(500, "500", "IDR"), "(persen)", None, "the cell states 'rupiah'"),
        # Another currency is no unit povstat reads: "USD 500" is not a
        # number, as typed; a currency cell without a code or symbol is
        # money of no known currency, never a bare 500.
        (_ods_money(500, "500", "USD"), "(persen)", None, "not a number"),
        (_ods_money(500, "500", None), "(persen)", None, "not a number"),
    ],
)
def test_ods_currency_cells_are_read_as_the_currency_shown(
    cell: str, units: str, expected: float | None, reason: str
) -> None:
    rows = [
        [*ODS_HEAD],
        [_ods_cell(""), _ods_cell(units), _ods_cell(units)],
        [_ods_cell("Pacitan"), cell, _ods_cell("Rp 550" if expected else "33,1")],
    ]
    t = read_bps_table(_ods_table(rows), locale="id", errors="report")
    if expected is None:
        assert len(t.invalid) == 1
        assert t.invalid[0].reason.startswith(reason)
        assert np.isnan(t.data["value"].iloc[0])
    else:
        assert t.invalid == ()
        assert t.data["value"].tolist() == [expected, 550.0]


# --- a header under a subtitle ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A year over the table (",2023", ",Tahun 2023") is taken for the
        # header; the real header "Kabupaten/Kota,2022" below it would read
        # as the value 2022 for a row named "Kabupaten/Kota".
        ",2023\nKabupaten/Kota,2022\nKota Malang,4.37\n",
        ",Tahun 2023\nKabupaten/Kota,2022\nKota Malang,4.37\n",
        ",2023,\nKabupaten/Kota,Maret 2022,September 2022\nKota Malang,4.37,4.1\n",
    ],
)
def test_a_header_under_a_year_subtitle_is_refused(text: str) -> None:
    with pytest.raises(
        ValueError,
        match=r"row 2 \(Kabupaten/Kota \| .*\) under the header reads as a header, "
        r"not as values: .* names no region\. The row\(s\) taken for the header "
        r"\(1 \(",
    ):
        read_bps_table(io.StringIO(text), locale="en", month=3, errors="report")


def test_a_header_under_a_merged_year_subtitle_is_refused(tmp_path: Path) -> None:
    # "Tahun 2023" merged over B1:C1 above "Kabupaten/Kota | 2022 | 2023".
    path = xlsx_path(
        tmp_path / "t.xlsx",
        [
            [None, "Tahun 2023", None],
            ["Kabupaten/Kota", 2022, 2023],
            ["Kota Malang", 4.37, 4.26],
        ],
        merges=["B1:C1"],
    )
    with pytest.raises(ValueError, match=r"row 2 \(Kabupaten/Kota \| 2022 \| 2023\)"):
        read_bps_table(path, locale="en", month=3)


def test_a_region_whose_values_are_years_stays_data() -> None:
    # Kota Malang (3573) with the value 2022 under the header "2023": a
    # region's row, read as data (value 2022.0), never taken for a header.
    text = ",2023\nKota Malang,2022\nKota Batu,4.37\n"
    t = read_bps_table(io.StringIO(text), locale="en", month=3)
    assert t.data["region_code"].tolist() == ["3573", "3579"]
    assert t.data["value"].tolist() == [2022.0, 4.37]


@pytest.mark.parametrize(
    ("value", "fmt", "expected", "reason"),
    [
        # '0.00;-0.00;"…"': the zero section shows "…" alone, BPS's "not
        # available", read as the typed "…" is (missing), not as 0.
        (0, '0.00;-0.00;"…"', None, ""),
        # An empty section (';;;') shows nothing: the value is hidden.
        (4.37, ";;;", None, "shows nothing for it"),
        # A section of text alone shows that text: read as typed ("n/a").
        (4.37, '"n/a"', None, "not a number"),
        # '0.00;0.00' shows -0.25 as "0.25": the sign is not shown.
        (-0.25, "0.00;0.00", None, "negative numbers without a sign"),
        (-0.25, "0.00;[Red]0.00", None, "negative numbers without a sign"),
        # Signs shown (a minus, parentheses) or the accounting dash for 0.
        (-0.25, "0.00;-0.00", -0.25, ""),
        (-0.25, "0.00;(0.00)", -0.25, ""),
        (0, '0.00;-0.00;"-"', 0.0, ""),
        # A number in a text ("@") format shows the number.
        (4.37, "@", 4.37, ""),
    ],
)
def test_a_number_its_format_shows_otherwise_is_read_as_shown(
    tmp_path: Path, value: float, fmt: str, expected: float | None, reason: str
) -> None:
    rows: list[list[Any]] = [["Kabupaten/Kota", "2022"], ["Kota Malang", value]]
    t = read_bps_table(
        xlsx_path(tmp_path / "p0.xlsx", rows, {"B2": fmt}), locale="en", errors="report"
    )
    got = t.data["value"].to_numpy()
    if expected is None:
        assert np.isnan(got[0])
    else:
        assert got[0] == expected
    if reason:
        assert len(t.invalid) == 1
        assert reason in t.invalid[0].reason
    else:
        assert t.invalid == ()


def test_a_percent_formatted_example_is_quoted_as_shown(tmp_path: Path) -> None:
    # "4,26" typed among numbers formatted 0.00%: the message quotes the
    # example as the table shows it. The example is the smallest of the
    # percent cells 0.0437, 0.0379, 0.0331 (not the first: any row order
    # gives the same message): 0.0331 shown as 3.31%.
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", "2022", "2023"],
        ["Kota Malang", 0.0437, "4,26"],
        ["Kota Batu", 0.0379, 0.0331],
    ]
    fmts = dict.fromkeys(["B2", "B3", "C3"], "0.00%")
    t = read_bps_table(
        xlsx_path(tmp_path / "p0.xlsx", rows, fmts), locale="id", errors="report"
    )
    assert len(t.invalid) == 1
    assert "(such as '0.0331 (shown as 3.31%)')" in t.invalid[0].reason
