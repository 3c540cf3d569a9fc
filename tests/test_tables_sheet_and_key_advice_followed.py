"""File advice followed: workbooks, second keys, tab files, long tables.

* A transposed workbook: the advice is to turn it in the spreadsheet (Paste
  Special, Transpose keeps the percent formats), never pd.read_excel, whose
  frame holds 0.1035 for 10.35%; a one-region series likewise.
* A long workbook: pivot in the spreadsheet, or save it as CSV (cells as
  shown, "10.35%") and follow the CSV route; no read_csv on the .xlsx.
* A change or remarks column in an Indonesian CSV: read_csv with usecols
  and dtype=str, keep_default_na=False, so that "536.122" is 536122.
* A long file with a second key (BPS's nama_variabel: P1 and P2): the
  message names it and says to filter on it first.
* A long table: the message does not call a data row a header row.

Figures: P0 (persen), bps_p0_kabkota_2004_2025.csv, 2023 / 2024 / 2025:
JAWA TIMUR 10.35 / 9.79 / 9.5, Pacitan 13.65 / 13.08 / 12.97, Kota Batu
3.31 / 3.06 / 2.86. GK (Rupiah/kapita/bulan), bps_gk_kabkota_2024.csv and
_2025.csv: JAWA TIMUR 536122 / 558029, Pacitan 370643 / 386174, Kota Batu
642778 / 671273. P1 and P2, bps_p1p2_kabkota_2015_2023.csv (below).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest
from openpyxl import Workbook, load_workbook

from long_tables import bps_long, follow
from povstat import read_bps_table

_P0 = {
    "JAWA TIMUR": (10.35, 9.79, 9.5),
    "Pacitan": (13.65, 13.08, 12.97),
    "Kota Batu": (3.31, 3.06, 2.86),
}
_YEARS = (2023, 2024, 2025)
# Read back, region by region, year by year: the source's figures.
_P0_READ = [v for vs in _P0.values() for v in vs]


def _no_frame_route(said: str) -> None:
    """The advice offers no pandas route that loses formats or fails."""
    assert "read_excel(" not in said
    assert "index_col=0" not in said
    assert "pandas read_excel, which loses the cells' number formats" in said


# --- a transposed workbook -----------------------------------------------------


def test_a_transposed_workbook_is_turned_in_the_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Tahun", *_P0])  # BPS's time-series layout
    for k, y in enumerate(_YEARS):
        ws.append([y, *[round(v[k] / 100, 4) for v in _P0.values()]])
        for c in ws[ws.max_row][1:]:
            c.number_format = "0.00%"
    path = tmp_path / "tr.xlsx"
    wb.save(path)
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(path, locale="en", month=3)
    said = str(info.value)
    _no_frame_route(said)
    assert "Paste Special, Transpose" in said
    # Followed: each cell pasted transposed with its format, as Paste
    # Special, Transpose does.
    src = load_workbook(path).active
    assert src is not None
    out = Workbook()
    turned = out.active
    assert turned is not None
    for i, row in enumerate(src.iter_rows(), start=1):
        for j, c in enumerate(row, start=1):
            pasted = turned.cell(row=j, column=i)
            pasted.value = c.value
            pasted.number_format = c.number_format
    out.save(path)
    t = read_bps_table(path, locale="en", month=3)
    assert t.data["value"].tolist() == _P0_READ


def test_a_one_region_series_workbook_gets_no_read_csv(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Tahun", "Perkotaan", "Perdesaan", "Jumlah"])
    # JAWA TIMUR P0 by area, bps_p0_prov_2007_2026.csv (any three figures
    # do: the message is what is tested).
    for y, row in ((2022, (0.0771, 0.1369, 0.1038)), (2023, (0.075, 0.1398, 0.1035))):
        ws.append([f"Maret {y}", *row])
        for c in ws[ws.max_row][1:]:
            c.number_format = "0.00%"
    path = tmp_path / "series.xlsx"
    wb.save(path)
    with pytest.raises(ValueError, match="one-region time series") as info:
        read_bps_table(path, locale="en")
    said = str(info.value)
    assert "read_csv" not in said
    assert "in the sheet, not in a frame read from the workbook" in said


# --- a long workbook -------------------------------------------------------------


def test_a_long_workbook_is_pivoted_in_the_sheet_or_saved_as_csv(
    tmp_path: Path,
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Kabupaten/Kota", "Tahun", "Persentase Penduduk Miskin"])
    for name, vs in _P0.items():
        for y, v in zip(_YEARS, vs, strict=True):
            ws.append([name, y, round(v / 100, 4)])
            ws[ws.max_row][2].number_format = "0.00%"
    path = tmp_path / "long.xlsx"
    wb.save(path)
    with pytest.raises(ValueError, match="looks long") as info:
        read_bps_table(path, locale="en", month=3)
    said = str(info.value)
    assert said.startswith("no header row names periods")
    _no_frame_route(said)
    assert "save the sheet as CSV" in said
    # Followed: the CSV a spreadsheet saves, each cell as shown ("10.35%"),
    # read as text and pivoted as advised.
    csv = "Kabupaten/Kota,Tahun,Persentase Penduduk Miskin\n" + "".join(
        f"{n},{y},{v:.2f}%\n"
        for n, vs in _P0.items()
        for y, v in zip(_YEARS, vs, strict=True)
    )
    advised = re.search(
        r"pandas\.read_csv\(\.\.\., (dtype=str, keep_default_na=False)\)", said
    )
    assert advised is not None
    df = pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)
    code = re.search(r"pandas (df\.pivot\(.*?\.reset_index\(\))", said)
    assert code is not None
    wide = follow(
        code[1],
        df,
        region="Kabupaten/Kota",
        year="Tahun",
        value="Persentase Penduduk Miskin",
    )
    t = read_bps_table(wide, locale="en", month=3)
    assert t.data["value"].tolist() == _P0_READ


# --- a change or remarks column in an Indonesian CSV -----------------------------

_GK = (
    ("JAWA TIMUR", "536.122", "558.029"),
    ("Pacitan", "370.643", "386.174"),
    ("Kota Batu", "642.778", "671.273"),
)
_GK_READ = [536122.0, 558029.0, 370643.0, 386174.0, 642778.0, 671273.0]


@pytest.mark.parametrize(
    ("head", "extra"),
    [
        ("Perubahan 2024-2025", ("21.907", "15.531", "28.495")),
        ("Keterangan", ("naik", "naik", "naik")),
    ],
)
def test_the_csv_column_advice_followed_reads_indonesian_numbers(
    head: str, extra: tuple[str, ...], tmp_path: Path
) -> None:
    path = tmp_path / "gk.csv"
    path.write_text(
        f"Provinsi/Kabupaten/Kota;2024;2025;{head}\r\n"
        + "".join(
            f"{n};{a};{b};{x}\r\n" for (n, a, b), x in zip(_GK, extra, strict=True)
        ),
        encoding="utf-8-sig",
    )
    with pytest.raises(ValueError, match="name no period") as info:
        read_bps_table(path, locale="id", sep=";", month=3)
    said = str(info.value)
    assert (
        "read_csv(..., sep=';', usecols=..., dtype=str, keep_default_na=False)" in said
    )
    # Followed, the period columns filled in.
    df = pd.read_csv(path, sep=";", usecols=[0, 1, 2], dtype=str, keep_default_na=False)
    t = read_bps_table(df, locale="id", month=3)
    assert t.data["value"].tolist() == _GK_READ
    # And df.drop(columns=...) on a frame read so.
    df = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    t = read_bps_table(df.drop(columns=[head]), locale="id", month=3)
    assert t.data["value"].tolist() == _GK_READ


# --- a long file with a second key (P1 and P2) -----------------------------------

# bps_p1p2_kabkota_2015_2023.csv, as BPS's web API exports it.
_P1P2 = {
    "Index Kedalaman Kemiskinan": {
        "2023": [("JAWA TIMUR", "1.63"), ("Pacitan", "1.73"), ("Kota Batu", "0.35")],
        "2022": [("JAWA TIMUR", "1.62"), ("Pacitan", "1.35"), ("Kota Batu", "0.64")],
    },
    "Index Keparahan Kemiskinan": {
        "2023": [("JAWA TIMUR", "0.37"), ("Pacitan", "0.32"), ("Kota Batu", "0.06")],
        "2022": [("JAWA TIMUR", "0.38"), ("Pacitan", "0.23"), ("Kota Batu", "0.16")],
    },
}
_LONG = bps_long(
    (k, y, r, v) for k, ys in _P1P2.items() for y, rv in ys.items() for r, v in rv
)


@pytest.mark.parametrize("source", ["file", "frame"])
def test_the_second_key_is_named_and_filtered_first(source: str) -> None:
    df = pd.read_csv(io.StringIO(_LONG), dtype=str, keep_default_na=False)
    given: Any = io.StringIO(_LONG) if source == "file" else df
    with pytest.raises(ValueError, match="second key") as info:
        read_bps_table(given, locale="en")
    said = str(info.value)
    # No data row called a header row.
    assert said.startswith("no header row names periods")
    assert "header row 2" not in said
    assert "ACEH" not in said
    assert "its column 'nama_variabel' is a second key" in said
    pandas_filter = re.search(r"pandas df = (df\[df\[.*?\] == '.*?'\])", said)
    polars_filter = re.search(r"polars df = (df\.filter\(.*?\)) \(in", said)
    pandas_pivot = re.search(r"pandas (df\.pivot\(.*?\.reset_index\(\))", said)
    polars_pivot = re.search(r"polars (df\.pivot\([^)]*\))", said)
    assert pandas_filter is not None
    assert polars_filter is not None
    assert pandas_pivot is not None
    assert polars_pivot is not None
    # Followed: P1 (the value the filter names) in the file's order.
    p1 = _P1P2["Index Kedalaman Kemiskinan"]
    expected = {(r, int(y)): float(v) for y, rv in p1.items() for r, v in rv}
    for frame, f_code, p_code in (
        (df, pandas_filter[1], pandas_pivot[1]),
        (pl.from_pandas(df), polars_filter[1], polars_pivot[1]),
    ):
        wide = follow(p_code, follow(f_code, frame))
        t = read_bps_table(wide, locale="en", month=3)
        keys = zip(t.data["label"], t.data["year"].astype(int), strict=True)
        got = dict(zip(keys, t.data["value"], strict=True))
        assert got == expected
        order = t.data["label"].drop_duplicates().tolist()
        assert order == ["JAWA TIMUR", "Pacitan", "Kota Batu"]


def test_a_long_file_of_one_key_names_none() -> None:
    one = "".join(line + "\n" for line in _LONG.splitlines() if "Keparahan" not in line)
    with pytest.raises(ValueError, match="looks long") as info:
        read_bps_table(io.StringIO(one), locale="en")
    assert "second key" not in str(info.value)
