"""Fractions of one in some cells only, judged cell by cell (sheets21 K1, K2, K7, K8).

K1: a block of cells (some years by some regions) pasted in from a sheet
formatted as percent, under BPS's "(Persen)" title, read with
pandas.read_excel, was silent: the row rule needed a whole row below 1, the
column rule a column median below 1. Cells below 1 whose value times 100
falls among the table's values of 1 or more (widened to half their lowest
and twice their highest) are now named, when they are the majority of the
cells below 1. K7: BPS's extreme poverty by province, genuinely below 1 %
in 18 provinces, is no longer warned. K8: when pasted rows are the
majority, the recipe converts the cells below 1 only. K2 and sheets20 J0:
the recipe reads the cells with povstat.parse_numbers in the caller's
locale, so a fraction written with a decimal comma is converted too.

Figures copied by hand from data-raw/indonesia/bps_p0_kabkota_2004_2025.csv
(P0, Persen, March; columns 2022, 2023, 2024, 2025):
JAWA TIMUR 10.38 10.35 9.79 9.5; Pacitan 13.8 13.65 13.08 12.97;
Ponorogo 9.32 9.53 9.11 8.86; Tuban 15.02 14.91 14.36 14.13;
Sampang 21.61 21.76 20.83 20.61; Kota Malang 4.37 4.26 3.91 3.85;
Kota Surabaya 4.72 4.65 3.96 3.56; Kota Batu 3.79 3.31 3.06 2.86.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from percent_fractions import P0_TITLE as _TITLE
from percent_fractions import follow_fraction_recipe as _follow
from percent_fractions import fraction_warnings as _read
from percent_fractions import percent_xlsx

_YEARS = (2022, 2023, 2024, 2025)
_P0 = [
    ("JAWA TIMUR", "10.38", "10.35", "9.79", "9.5"),
    ("Pacitan", "13.8", "13.65", "13.08", "12.97"),
    ("Ponorogo", "9.32", "9.53", "9.11", "8.86"),
    ("Tuban", "15.02", "14.91", "14.36", "14.13"),
    ("Sampang", "21.61", "21.76", "20.83", "20.61"),
    ("Kota Malang", "4.37", "4.26", "3.91", "3.85"),
    ("Kota Surabaya", "4.72", "4.65", "3.96", "3.56"),
    ("Kota Batu", "3.79", "3.31", "3.06", "2.86"),
]
_SOURCE = [float(x) for row in _P0 for x in row[1:]]


def _workbook(path: Path, pasted: set[tuple[str, int]]) -> Path:
    """The P0 rows, the cells in `pasted` as fractions formatted 0.00%."""
    return percent_xlsx(path, _P0, pasted, years=_YEARS)


_CITIES = {
    (c, y) for c in ("Kota Malang", "Kota Surabaya", "Kota Batu") for y in (2024, 2025)
}


@pytest.mark.parametrize("header", [0, None])
def test_a_pasted_block_of_cells_is_named_and_the_advice_works(
    tmp_path: Path, header: int | None
) -> None:
    # The three cities' 2024 and 2025 pasted from a city sheet (K1).
    path = _workbook(tmp_path / "p0.xlsx", _CITIES)
    said, t = _read(path)
    assert said == []
    assert t.data["value"].tolist() == _SOURCE
    df = pd.read_excel(path, header=header)
    before = df.copy()
    said, t = _read(df)
    assert len(said) == 1
    # The typed cells run from 3.31 (Kota Batu 2023) to 21.76 (Sampang
    # 2023); Kota Malang's 0.0391 times 100 is 3.91, among them.
    assert said[0].startswith(
        "value cells stated in percent hold fractions of one: 'Kota Malang' "
        "('2024': 0.0391, '2025': 0.0385), 'Kota Surabaya' ('2024': 0.0396, "
        "'2025': 0.0356), 'Kota Batu' ('2024': 0.0306, '2025': 0.0286) are "
        "read as percentages below 1 beside percentages (3.31 to 21.76 in "
        "the same table)"
    )
    # Rows 6-8 of the frame (row 0 holds the years with header=0; with
    # header=None rows 0 and 1 hold the title and the years), columns 3-4.
    first = 6 if header == 0 else 7
    assert f"x = df.iloc[{first}:{first + 3}, 3:5]" in said[0]
    fixed = _follow(said[0], df)
    pd.testing.assert_frame_equal(df, before)
    said, t = _read(fixed)
    assert said == []
    assert t.data["value"].tolist() == _SOURCE


def test_cells_in_different_columns_get_one_statement_each(tmp_path: Path) -> None:
    # Tuban 2025 (14.13) and Kota Batu 2022 and 2023 (3.79, 3.31) pasted.
    pasted = {("Tuban", 2025), ("Kota Batu", 2022), ("Kota Batu", 2023)}
    df = pd.read_excel(_workbook(tmp_path / "p0.xlsx", pasted))
    said, _ = _read(df)
    assert len(said) == 1
    assert "'Tuban' ('2025': 0.1413), 'Kota Batu' ('2022': 0.0379, " in said[0]
    assert "x = df.iloc[4:5, 4:5]" in said[0]
    assert "x = df.iloc[8:9, 1:3]" in said[0]
    said, t = _read(_follow(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _SOURCE


def test_pasted_rows_in_the_majority_convert_only_their_cells(tmp_path: Path) -> None:
    # K8: five of eight rows pasted, 2022-2025: the typed rows (JAWA
    # TIMUR, Sampang, Kota Batu) keep their values; the column rule no
    # longer names whole columns holding 9.79.
    pasted = {
        (r, y)
        for r in ("Pacitan", "Ponorogo", "Tuban", "Kota Malang", "Kota Surabaya")
        for y in _YEARS
    }
    df = pd.read_excel(_workbook(tmp_path / "p0.xlsx", pasted))
    said, _ = _read(df)
    assert len(said) == 1
    assert said[0].startswith("value rows stated in percent hold fractions of one")
    assert "x = df.iloc[[*range(2, 5), 6, 7], 1:5]" in said[0]  # rows 2-4, 6, 7
    said, t = _read(_follow(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _SOURCE


def _id_text(fractions: set[str]) -> str:
    """The P0 rows in Indonesian (';', decimal comma), Pacitan 2022 '-'
    (no data, as BPS writes it); the rows `fractions` as fractions, written
    with a decimal comma as LibreOffice saves a percent cell's value."""
    out = f"Provinsi/Kabupaten/Kota;{_TITLE};;;\n;2022;2023;2024;2025\n"
    for label, *values in _P0:
        cells = [str(Decimal(v) / 100) if label in fractions else v for v in values]
        if label == "Pacitan":
            cells[0] = "-"
        out += ";".join([label, *(c.replace(".", ",") for c in cells)]) + "\n"
    return out


@pytest.mark.parametrize("how", ["decimal", "text"])
def test_the_advice_reads_a_decimal_comma(how: str) -> None:
    # K2: read with decimal=",", the 2022 column (holding "-") stays text,
    # so Kota Batu's 2022 is "0,0379" beside floats; sheets20 J0: a frame
    # of text. pandas.to_numeric read neither; parse_numbers does.
    text = _id_text({"Pacitan", "Kota Batu"})
    if how == "decimal":
        df = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    else:
        df = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    said, _ = _read(df, locale="id")
    assert len(said) == 1
    assert 'locale="id"' in said[0]
    said, t = _read(_follow(said[0], df), locale="id")
    assert said == []
    want = list(_SOURCE)
    want[4] = float("nan")  # Pacitan 2022, "-"
    assert t.data["value"].tolist() == pytest.approx(want, nan_ok=True, rel=0, abs=0)


def test_a_text_frame_of_fractions_only_is_converted() -> None:
    # sheets20 J0: every row a fraction, column rule; the recipe followed
    # gives the source values ("-" stays missing).
    df = pd.read_csv(
        io.StringIO(_id_text({r[0] for r in _P0})),
        sep=";",
        dtype=str,
        keep_default_na=False,
    )
    said, _ = _read(df, locale="id")
    assert len(said) == 1
    assert said[0].startswith("value columns stated in percent")
    said, t = _read(_follow(said[0], df), locale="id")
    assert said == []
    got = t.data["value"].tolist()
    assert got[4] != got[4]  # NaN
    assert got[:4] + got[5:] == _SOURCE[:4] + _SOURCE[5:]


def test_genuine_percentages_below_one_are_not_warned() -> None:
    # K7: extreme poverty (Persentase penduduk miskin ekstrem), March 2023,
    # as BPS's figures were reported (katadata.co.id and harianjogja.com,
    # 19-20 Nov 2023): 18 provinces below 1 % and Indonesia 1.12 %. Beside
    # 1.12 to 7.67 (widened: 0.56 to 15.34), only Kalimantan Timur's 0.10
    # times 100 falls in; 0.41 gives 41. One of 18 is not the majority.
    rows = [
        ("INDONESIA", "1.12"),
        ("Sumatera Utara", "0.78"),
        ("Sumatera Barat", "0.41"),
        ("Riau", "0.67"),
        ("Jambi", "0.81"),
        ("Kepulauan Bangka Belitung", "0.24"),
        ("Kepulauan Riau", "0.35"),
        ("DKI Jakarta", "0.57"),
        ("Jawa Barat", "0.79"),
        ("Jawa Timur", "0.82"),
        ("Bali", "0.19"),
        ("Kalimantan Barat", "0.99"),
        ("Kalimantan Tengah", "0.35"),
        ("Kalimantan Selatan", "0.47"),
        ("Kalimantan Timur", "0.10"),
        ("Kalimantan Utara", "0.34"),
        ("Sulawesi Utara", "0.78"),
        ("GORONTALO", "2.44"),
        ("Sulawesi Barat", "0.75"),
        ("Maluku Utara", "0.67"),
        ("Papua", "7.67"),
    ]
    text = (
        "Provinsi,Persentase Penduduk Miskin Ekstrem Menurut Provinsi (Persen)\n"
        ",Maret 2023\n" + "".join(f"{a},{b}\n" for a, b in rows)
    )
    said, t = _read(io.StringIO(text), month=None)
    assert said == []
    assert t.data["value"].tolist() == [float(b) for _, b in rows]


def test_a_pasted_row_just_beyond_the_span_is_converted_whole(tmp_path: Path) -> None:
    # Six of eight rows pasted; typed: JAWA TIMUR and Kota Batu, 2.86 to
    # 10.38, so the window is 1.43 to 20.76. Sampang's 20.61 (2025) falls
    # in, its 21.61, 21.76 and 20.83 just beyond: its row, all below 1, is
    # named whole, so the recipe followed once gives every source value.
    pasted = {
        (r, y)
        for r in ("Pacitan", "Ponorogo", "Tuban", "Sampang", "Kota Malang")
        for y in _YEARS
    } | {("Kota Surabaya", y) for y in _YEARS}
    df = pd.read_excel(_workbook(tmp_path / "p0.xlsx", pasted))
    said, _ = _read(df)
    assert len(said) == 1
    assert "beside rows of percentages (2.86 to 10.38 in the same columns)" in said[0]
    assert "x = df.iloc[2:8, 1:5]" in said[0]
    said, t = _read(_follow(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _SOURCE
