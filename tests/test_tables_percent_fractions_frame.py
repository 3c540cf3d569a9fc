"""Fractions of one under a stated percent are warned (sheets17 G8).

A workbook keeps P0 as percentages (cells 0.0979 formatted "0.00%", shown
9.79%). Read by path, its formats are read: 9.79. pandas.read_excel gives
the stored fractions (0.0979) and no formats, under the title's
"(Persen)": 100 times too small, and nothing in the frame says so but the
title's unit and the values' size.

Figures: bps_p0_kabkota_2004_2025.csv (P0, Persen, March), 2024 / 2025:
JAWA TIMUR 9.79 / 9.5, Pacitan 13.08 / 12.97, Kota Batu 3.06 / 2.86. By
hand, the fractions' medians: 2024 the middle of 0.0306, 0.0979, 0.1308 is
0.0979; 2025 the middle of 0.0286, 0.095, 0.1297 is 0.095.
P1 and P2 (bps_p1p2_kabkota_2015_2023.csv) are indexes, most often below
1 (P2 of Kota Batu 2023: 0.06): a table of them is not judged.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import povstat
from percent_fractions import P0_TITLE as _TITLE
from percent_fractions import follow_fraction_recipe as _follow
from percent_fractions import fraction_warnings as _fraction_warnings
from percent_fractions import percent_xlsx, to_fraction
from spreadsheets import RAW, p1p2_csv, p1p2_wide

_ROWS = [
    ("JAWA TIMUR", "9.79", "9.5"),
    ("Pacitan", "13.08", "12.97"),
    ("Kota Batu", "3.06", "2.86"),
]
_SOURCE = [9.79, 9.5, 13.08, 12.97, 3.06, 2.86]


def _workbook(path: Path) -> Path:
    return percent_xlsx(path, _ROWS, pasted_rows={label for label, *_ in _ROWS})


def test_a_read_excel_frame_of_fractions_is_warned(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "p0.xlsx")
    df = pd.read_excel(path)
    for frame in (df, pl.from_pandas(df)):
        said, t = _fraction_warnings(frame)
        assert len(said) == 1
        assert "'2024' (median 0.0979), '2025' (median 0.095)" in said[0]
        assert "pass the workbook's path instead" in said[0]
        # Read as the frame holds them: nothing changed.
        stored = [float(Decimal(x) / 100) for _, a, b in _ROWS for x in (a, b)]
        assert t.data["value"].tolist() == stored
    # The advice followed: the path, whose formats are read.
    said, t = _fraction_warnings(path)
    assert said == []
    assert t.data["value"].tolist() == _SOURCE


def test_a_csv_of_fractions_under_persen_is_warned() -> None:
    text = f"Kabupaten/Kota,{_TITLE},\n,2024,2025\n" + "".join(
        f"{label},{Decimal(a) / 100},{Decimal(b) / 100}\n" for label, a, b in _ROWS
    )
    said, _ = _fraction_warnings(io.StringIO(text))
    assert len(said) == 1
    assert "write them in percent in the file, 9.79 for 0.0979" in said[0]
    # Followed: the values times 100, written back, are the source's.
    fixed = f"Kabupaten/Kota,{_TITLE},\n,2024,2025\n" + "".join(
        f"{label},{a},{b}\n" for label, a, b in _ROWS
    )
    said, t = _fraction_warnings(io.StringIO(fixed))
    assert said == []
    assert t.data["value"].tolist() == _SOURCE


def test_percentages_with_a_few_below_one_are_not_warned() -> None:
    # One region below 1 % among others above: the median is above 1, and
    # 0.5 and 0.4 times 100 (50, 40) lie beyond twice the others' highest
    # (2 * 13.08 = 26.16). Under a share of the poor, values below 1 are
    # genuine: no warning.
    rows = "JAWA TIMUR,9.79,9.5\nPacitan,13.08,12.97\nKota Batu,0.5,0.4\n"
    share = "Distribusi Penduduk Miskin Menurut Kabupaten/Kota (Persen)"
    text = f"Kabupaten/Kota,{share},\n,2024,2025\n" + rows
    assert _fraction_warnings(io.StringIO(text))[0] == []
    # Under BPS's P0 title the row is named (sheets22 L1): no regency or
    # city of bps_p0_kabkota_2004_2025.csv has a P0 below 1 (the lowest is
    # Kota Bekasi's 1.04), so a whole row below 1 is more likely fractions.
    said, _ = _fraction_warnings(
        io.StringIO(f"Kabupaten/Kota,{_TITLE},\n,2024,2025\n" + rows)
    )
    assert len(said) == 1
    assert "'Kota Batu' (0.5, 0.4) are read as percentages below 1" in said[0]
    assert "lowest regency or city P0 in 2004-2025 is 1.04" in said[0]


def test_a_column_of_changes_is_not_judged() -> None:
    # Changes in points under "(Persen)": below 1 and not shares.
    text = (
        "Kabupaten/Kota,Perubahan Persentase Penduduk Miskin (Persen),\n"
        ",2024,2025\nJAWA TIMUR,0.56,0.29\nPacitan,0.57,0.11\n"
    )
    said, _ = _fraction_warnings(io.StringIO(text), errors="report")
    assert said == []


@pytest.mark.parametrize(
    "name", ["bps_p0_kabkota_2004_2025.csv", "bps_p0_prov_2007_2026.csv"]
)
def test_bps_percent_files_are_not_warned(name: str) -> None:
    # BPS's own P0 tables, by path and as frames read as text: their
    # values are percentages (1.04 or more for the regencies), none warned.
    path = RAW / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    assert _fraction_warnings(path, month=None)[0] == []
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert _fraction_warnings(df, month=None)[0] == []


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("Index Kedalaman Kemiskinan", "Indeks Kedalaman Kemiskinan (P1)"),
        ("Index Keparahan Kemiskinan", "Indeks Keparahan Kemiskinan (P2)"),
        # Even under a unit it is not: an index is no share of people.
        ("Index Keparahan Kemiskinan", "Indeks Keparahan Kemiskinan (P2) (Persen)"),
    ],
)
def test_bps_p1_p2_tables_are_not_warned(kind: str, title: str) -> None:
    wide = p1p2_wide(kind)
    # Most values are below 1 (P2: 87 %), or some are (P1): the premise.
    values = pd.to_numeric(wide.iloc[:, 1:].melt()["value"], errors="coerce").dropna()
    assert (values < 1).mean() > (0.8 if "P2" in title else 0.05)
    said, t = _fraction_warnings(io.StringIO(p1p2_csv(wide, title)), month=None)
    assert said == []
    # Every value read, as the source writes it.
    assert int(t.data["value"].notna().sum()) == len(values)
    assert t.data["value"].sum() == pytest.approx(values.sum())


def test_the_to_percent_advice_followed_gives_the_source_values(
    tmp_path: Path,
) -> None:
    # sheets18 H4: "multiply by 100" gave 0.0979 * 100 = 9.790000000000001
    # (and 14.36 -> 14.360000000000001), which breaks a tie in rank. The
    # advice now names povstat.to_percent(..., unit="fraction"); followed as
    # printed (it names the value cells by position, rows 1 to 3 and
    # columns 1 and 2 of this frame: df.iloc[1:4, 1:3]) it gives the CSV's
    # own decimals, 9.79, 9.5, 13.08, ... exactly.
    path = _workbook(tmp_path / "p0.xlsx")
    df = pd.read_excel(path)
    said, _ = _fraction_warnings(df)
    assert len(said) == 1
    assert 'povstat.to_percent(v.to_numpy(float), unit="fraction")' in said[0]
    assert "9.790000000000001" in said[0]  # names why not to multiply
    fixed = _follow(said[0], df)
    said, t = _fraction_warnings(fixed)
    assert said == []
    assert t.data["value"].tolist() == _SOURCE
    # A 14.36 read elsewhere (Wakatobi 2024 in the CSV) equals Tuban's
    # converted 0.1436, so rank ties them (* 100 gave 14.360000000000001).
    tuban = float(Decimal("14.36") / 100)
    assert povstat.to_percent(tuban, unit="fraction") == 14.36


# sheets19 K2, K3: a "-" (no data) cell, a stray text cell, a polars frame.
# Figures: bps_p0_prov_2007_2026.csv, "Jumlah", Semester 1 (Maret) 2022 /
# 2023: ACEH 14.64 / 14.45, DKI JAKARTA 4.69 / 4.44, PAPUA BARAT DAYA "-" /
# "-" (no data: the province was formed in 2022), PAPUA 26.56 / 26.03.
_P0_PROV = [
    ("ACEH", "14.64", "14.45"),
    ("DKI JAKARTA", "4.69", "4.44"),
    ("PAPUA BARAT DAYA", "-", "-"),
    ("PAPUA", "26.56", "26.03"),
]
_P0_PROV_TITLE = "Persentase Penduduk Miskin (P0) Menurut Provinsi (Persen)"


def _fraction(x: str) -> object:
    return "-" if x == "-" else to_fraction(x)


def _prov_workbook(path: Path, stray: str | None = None) -> Path:
    """The rows above, as fractions formatted "0.00%", "-" kept as text."""
    rows = list(_P0_PROV)
    if stray is not None:
        rows[0] = (*rows[0][:2], stray)  # only the first row's 2023 cell
    return percent_xlsx(
        path,
        rows,
        pasted_rows={label for label, *_ in rows},
        years=(2022, 2023),
        title=_P0_PROV_TITLE,
        corner="Provinsi",
    )


def _source_values() -> list[float]:
    # "-" is read as missing (NaN), as read_bps_table documents.
    return [
        float("nan") if x == "-" else float(x) for _, a, b in _P0_PROV for x in (a, b)
    ]


def _same(got: list[float], want: list[float]) -> bool:
    return len(got) == len(want) and all(
        (g != g and w != w) or g == w for g, w in zip(got, want, strict=True)
    )


@pytest.mark.parametrize(("header", "r"), [(0, 1), (None, 2)])
def test_the_advice_followed_keeps_a_dash_cell_missing(
    tmp_path: Path, header: int | None, r: int
) -> None:
    # K2: the old recipe's .astype(float) failed on the "-" cell (ValueError:
    # could not convert string to float: '-').
    path = _prov_workbook(tmp_path / "p0.xlsx")
    df = pd.read_excel(path, header=header)
    before = df.copy()
    said, _ = _fraction_warnings(df, locale="id")
    assert len(said) == 1
    assert "'2022' (median 0.1464), '2023' (median 0.1445)" in said[0]
    # The recipe names the cells by position: the first value row is r
    # (the years' row above it is 0, or 1 under header=None), the value
    # columns 1 and 2, the four provinces' rows r to r + 3.
    assert f"x = df.iloc[{r}:{r + 4}, 1:3]" in said[0]
    fixed = _follow(said[0], df)
    pd.testing.assert_frame_equal(df, before)  # the caller's frame unchanged
    said, t = _fraction_warnings(fixed, locale="id")
    assert said == []
    assert _same(t.data["value"].tolist(), _source_values())
    # The path (formats read) gives the same values.
    assert _same(
        _fraction_warnings(path, locale="id")[1].data["value"].tolist(),
        _source_values(),
    )


def test_the_advice_followed_leaves_stray_text_reported(tmp_path: Path) -> None:
    # The recipe converts numbers only: a text cell that is no number is
    # neither coerced to NaN nor dropped; read_bps_table still reports it.
    path = _prov_workbook(tmp_path / "p0.xlsx", stray="lihat catatan")
    df = pd.read_excel(path)
    with pytest.raises(ValueError, match="'lihat catatan'"):
        _fraction_warnings(df, locale="id")
    said, t = _fraction_warnings(df, locale="id", errors="report")
    assert len(said) == 1
    fixed = _follow(said[0], df)
    with pytest.raises(ValueError, match="'lihat catatan'"):
        _fraction_warnings(fixed, locale="id")
    said, t = _fraction_warnings(fixed, locale="id", errors="report")
    assert said == []
    # Row 1 of the frame (row 0 holds the years) is ACEH's.
    assert [(x.row, x.text) for x in t.invalid] == [(1, "lihat catatan")]
    want = _source_values()
    want[1] = float("nan")  # ACEH 2023, the stray cell, kept out
    assert _same(t.data["value"].tolist(), want)


def test_the_advice_on_a_polars_frame_converts_it_first() -> None:
    # K3: a polars frame has no .iloc; the message says to convert it with
    # .to_pandas() first. A CSV read by polars holds every column as text
    # here (the year row, "-"), which the recipe reads as numbers.
    text = f"Provinsi,{_P0_PROV_TITLE},\n,2022,2023\n" + "".join(
        f"{label},{_fraction(a)},{_fraction(b)}\n" for label, a, b in _P0_PROV
    )
    p = pl.read_csv(io.StringIO(text))
    said, _ = _fraction_warnings(p, locale="en")
    assert len(said) == 1
    fixed = _follow(said[0], p, polars=True)
    said, t = _fraction_warnings(fixed, locale="en")
    assert said == []
    assert _same(t.data["value"].tolist(), _source_values())
