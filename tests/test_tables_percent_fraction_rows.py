"""Fractions of one in some rows only, and in a transposed frame (sheets18 H5, H6).

H6: rows pasted in from a sheet formatted as percent (cells 0.0979 shown
9.79%) beside rows typed as percentages, under BPS's "(Persen)" title, read
with pandas.read_excel: no column's median is below 1, so the column
warning was silent. Rows whose values are all fractions of one, and which
times 100 fall among the other rows' values (widened to half their lowest
and twice their highest), are now named.

H5: a transposed workbook of fractions under "(Persen)", read with
pandas.read_excel: the transposed-frame advice turned the frame with
``reset_index(drop=True)``, which threw the title away, so the fractions
were read silently. The turned frame now keeps the title as its column
labels, and the fractions warning follows.

Figures (copied by hand from data-raw/indonesia/bps_p0_kabkota_2004_2025.csv,
P0, Persen, March, 2024 / 2025): JAWA TENGAH 10.47 / 9.48, Cilacap 10.68 /
9.41, Kota Semarang 4.03 / 3.8, JAWA TIMUR 9.79 / 9.5, Pacitan 13.08 /
12.97, Kota Batu 3.06 / 2.86, Tuban 14.36 / 14.13. From
bps_p0_prov_2007_2026.csv ("Jumlah", Semester 1 (Maret) and 2 (September)):
JAWA TENGAH 9.48 / 9.39 (2025) and 9.21 (March 2026), DI YOGYAKARTA 10.23 /
10.08 and 9.7, JAWA TIMUR 9.5 / 9.3 and 9.06.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest

from percent_fractions import P0_TITLE as _TITLE
from percent_fractions import follow_fraction_recipe as _follow
from percent_fractions import fraction_warnings as _read
from percent_fractions import percent_xlsx, series_xlsx
from percent_fractions import to_fraction as _fraction
from povstat import read_bps_table
from spreadsheets import RAW, p1p2_csv, p1p2_wide

_TYPED = [
    ("JAWA TENGAH", "10.47", "9.48"),
    ("Cilacap", "10.68", "9.41"),
    ("Kota Semarang", "4.03", "3.8"),
]
_PASTED = [
    ("JAWA TIMUR", "9.79", "9.5"),
    ("Pacitan", "13.08", "12.97"),
    ("Kota Batu", "3.06", "2.86"),
]
_SOURCE = [float(x) for _, a, b in _TYPED + _PASTED for x in (a, b)]


def _workbook(path: Path, typed: Any, pasted: Any) -> Path:
    """Rows `typed` as numbers, rows `pasted` as fractions formatted 0.00%."""
    labels = {label for label, *_ in pasted}
    return percent_xlsx(path, [*typed, *pasted], pasted_rows=labels)


def test_rows_pasted_as_fractions_are_named_and_the_advice_works(
    tmp_path: Path,
) -> None:
    path = _workbook(tmp_path / "p0.xlsx", _TYPED, _PASTED)
    # By path the formats are read: every source value, no warning.
    said, t = _read(path)
    assert said == []
    assert t.data["value"].tolist() == _SOURCE
    df = pd.read_excel(path)
    before = df.copy()
    said, t = _read(df)
    assert len(said) == 1
    # The Jawa Timur block, named with its values as read; the typed rows'
    # values run from 3.8 (Kota Semarang 2025) to 10.68 (Cilacap 2024).
    assert said[0].startswith(
        "value rows stated in percent hold fractions of one: 'JAWA TIMUR' "
        "(0.0979, 0.095), 'Pacitan' (0.1308, 0.1297), 'Kota Batu' (0.0306, "
        "0.0286) are read as percentages below 1 beside rows of percentages "
        "(3.8 to 10.68 in the same columns)"
    )
    # The recipe names those rows' cells by position: the frame's row 0
    # holds the years (its labels the title line), rows 1-3 the typed rows,
    # rows 4-6 the pasted ones; columns 1 and 2 the years 2024 and 2025.
    assert "x = df.iloc[4:7, 1:3]" in said[0]
    fixed = _follow(said[0], df)
    pd.testing.assert_frame_equal(df, before)  # the caller's frame unchanged
    said, t = _read(fixed)
    assert said == []
    assert t.data["value"].tolist() == _SOURCE


def test_one_pasted_row_is_named_alone(tmp_path: Path) -> None:
    # Pacitan pasted between JAWA TIMUR and Tuban typed: rows 1, 3, 4 typed
    # (2.86 to 14.36), row 2 Pacitan 13.08 / 12.97 as fractions.
    rows = [_PASTED[0], ("Tuban", "14.36", "14.13"), _PASTED[2]]
    path = _workbook(tmp_path / "p0.xlsx", rows, [_PASTED[1]])
    df = pd.read_excel(path)
    said, _ = _read(df)
    assert len(said) == 1
    assert "fractions of one: 'Pacitan' (0.1308, 0.1297) are read" in said[0]
    assert "(2.86 to 14.36 in the same columns)" in said[0]
    assert "x = df.iloc[4:5, 1:3]" in said[0]  # Pacitan, written last
    said, t = _read(_follow(said[0], df))
    assert said == []
    assert t.data["value"].tolist()[-2:] == [13.08, 12.97]


def test_fraction_rows_in_a_file_are_named() -> None:
    # A CSV holding the rows as written by pandas' to_csv from the frame:
    # the advice is to write them in percent in the file.
    text = (
        f"Provinsi/Kabupaten/Kota,{_TITLE},\n,2024,2025\n"
        + "".join(f"{label},{a},{b}\n" for label, a, b in _TYPED)
        + "".join(f"{label},{_fraction(a)},{_fraction(b)}\n" for label, a, b in _PASTED)
    )
    said, _ = _read(io.StringIO(text))
    assert len(said) == 1
    assert "'JAWA TIMUR' (0.0979, 0.095)" in said[0]
    assert "write them in percent in the file, 9.79 for 0.0979" in said[0]
    # A polars frame of that text: named too; the recipe, after
    # .to_pandas() as it says, gives the source values.
    frame = pl.read_csv(io.StringIO(text))
    said, _ = _read(frame)
    assert len(said) == 1
    said, t = _read(_follow(said[0], frame, polars=True))
    assert said == []
    assert t.data["value"].tolist() == _SOURCE


# A percentage measure whose values below 1 are genuine (a regency's share
# of its province's poor), so the span alone judges a row.
_SHARE_TITLE = "Distribusi Penduduk Miskin Menurut Kabupaten/Kota (Persen)"


@pytest.mark.parametrize(
    ("row", "named", "headcount"),
    [
        # Beside the typed rows (3.8 to 10.68), a row is named when each of
        # its values times 100 lies in [3.8 / 2, 10.68 * 2] = [1.9, 21.36]:
        (("0.21", "0.02"), True, True),  # 21 and 2: inside
        (("0.25", "0.22"), False, True),  # 25 > 21.36: a percentage below 1 more likely
        (("0.018", "0.05"), False, True),  # 1.8 < 1.9
        (("0.5", "0"), False, True),  # 50 > 21.36; the 0 is not judged
        (("0", "0"), False, False),  # no value above 0: nothing to judge
    ],
)
def test_the_rows_window(row: tuple[str, str], named: bool, headcount: bool) -> None:
    def rows(title: str) -> str:
        return (
            f"Provinsi/Kabupaten/Kota,{title},\n,2024,2025\n"
            + "".join(f"{label},{a},{b}\n" for label, a, b in _TYPED)
            + f"Kota X,{row[0]},{row[1]}\n"
        )

    said, _ = _read(io.StringIO(rows(_SHARE_TITLE)))
    assert said == ([said[0]] if named else [])
    if named:
        assert "'Kota X' (0.21, 0.02)" in said[0]
    # Under the P0 title (a headcount ratio), a row of values all below 1,
    # one above 0, beside rows of 1 or more is named whatever its span
    # (sheets22 L1): no region of BPS's P0 files has one.
    said, _ = _read(io.StringIO(rows(_TITLE)))
    assert len(said) == (1 if headcount else 0)
    if headcount:
        assert f"'Kota X' ({float(row[0]):g}, {float(row[1]):g})" in said[0]


def test_rows_of_changes_are_not_judged() -> None:
    # A table holding a value below 0 is one of changes (or of other
    # signed figures): its small rows are not named. By hand: 2025 minus
    # 2024 for JAWA TIMUR is 9.5 - 9.79 = -0.29, Pacitan 12.97 - 13.08 =
    # -0.11, beside two rows of P0.
    text = (
        f"Provinsi/Kabupaten/Kota,{_TITLE},\n,2024,2025\n"
        "JAWA TENGAH,10.47,9.48\nCilacap,10.68,9.41\n"
        "JAWA TIMUR,0.29,-0.29\nPacitan,0.11,-0.11\n"
    )
    assert _read(io.StringIO(text))[0] == []


# H5: a transposed workbook of fractions under "(Persen)".
_SERIES = [
    ("Maret 2025", ["9.48", "10.23", "9.5"]),
    ("September 2025", ["9.39", "10.08", "9.3"]),
    ("Maret 2026", ["9.21", "9.7", "9.06"]),
]
_PROV_TITLE = "Persentase Penduduk Miskin (P0) Menurut Provinsi (Persen)"


def _transposed_workbook(path: Path, *, fractions: bool) -> Path:
    header = ["Periode", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur"]
    return series_xlsx(
        path,
        _PROV_TITLE,
        header,
        _SERIES,
        fractions=fractions,
        source="Sumber: Badan Pusat Statistik",
    )


def _turn(df: pd.DataFrame) -> tuple[str, pd.DataFrame]:
    """The transposed-frame advice's expression, and its result as printed."""
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(df, locale="en")
    code = re.search(r"\(pandas (df\..*?), whose first row is then", str(info.value))
    assert code is not None, str(info.value)
    return code[1], eval(code[1], {"df": df})


# Jawa Tengah's three rounds, then DI Yogyakarta's, then Jawa Timur's.
_SERIES_SOURCE = [float(x) for j in range(3) for _, v in _SERIES for x in [v[j]]]


@pytest.mark.parametrize(("header", "start"), [(0, 0), (None, 1)])
def test_transposed_fractions_advice_keeps_the_title(
    tmp_path: Path, header: int | None, start: int
) -> None:
    path = _transposed_workbook(tmp_path / "p0.xlsx", fractions=True)
    df = pd.read_excel(path, header=header)
    code, turned = _turn(df)
    # By hand: the header row 'Periode' is the frame's row 0 (1 with
    # header=None, the title its row 0), the last period 'Maret 2026' three
    # rows below it; turned, four columns: the header row and 3 periods.
    assert code == (
        f"df.iloc[{start}:{start + 4}].T.reset_index(drop=True)"
        f".set_axis([{_PROV_TITLE!r}, *[''] * 3], axis=1)"
    )
    # Followed as printed: no longer silent, the title kept.
    said, t = _read(turned, month=None)
    assert t.title == _PROV_TITLE
    assert len(said) == 1
    assert "'Maret 2025' (median 0.095)" in said[0]
    # Its advice followed as printed (rows 1-3 of the turned frame hold the
    # three provinces, columns 1-3 the three rounds): the source values.
    assert "x = df.iloc[1:4, 1:4]" in said[0]
    said, t = _read(_follow(said[0], turned), month=None)
    assert said == []
    assert t.data["value"].tolist() == _SERIES_SOURCE


def test_transposed_percentages_turned_read_as_before(tmp_path: Path) -> None:
    # The same workbook typed in percent: the turned frame reads every
    # source value, no warning, the title kept.
    path = _transposed_workbook(tmp_path / "p0.xlsx", fractions=False)
    _, turned = _turn(pd.read_excel(path))
    said, t = _read(turned, month=None)
    assert said == []
    assert t.title == _PROV_TITLE
    assert t.data["value"].tolist() == _SERIES_SOURCE


def test_transposed_frame_without_a_title_line_is_turned_as_before() -> None:
    # No line above the header row: nothing to keep, the labels are the
    # turned frame's positions (the header row is its row 0).
    text = "Periode,Jawa Tengah,DI Yogyakarta,Jawa Timur\n" + "".join(
        f"{p},{','.join(v)}\n" for p, v in _SERIES
    )
    df = pd.read_csv(io.StringIO(text), header=None, dtype=str)
    code, turned = _turn(df)
    assert code == "df.iloc[0:].T.reset_index(drop=True)"
    said, t = _read(turned, month=None)
    assert said == []
    assert t.data["value"].tolist() == _SERIES_SOURCE


# The real files: no fractions warning (neither columns nor rows).
_WIDE = sorted(p.name for p in RAW.glob("*.csv") if "p1p2" not in p.name)


@pytest.mark.parametrize("name", _WIDE or ["(none)"])
def test_bps_wide_files_are_not_warned(name: str) -> None:
    path = RAW / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    # By path, and as frames of numbers (floats, as pandas.read_excel gives
    # a workbook's cells); frames of text are read in
    # test_tables_percent_fractions_frame.py.
    reads = [path, pd.read_csv(path), pl.read_csv(path, infer_schema_length=None)]
    for source in reads:
        said, t = _read(source, month=None)
        assert said == [], (name, type(source))
        assert len(t.data) > 0


def test_bps_p0_rows_hold_no_fraction_pattern() -> None:
    # The premise of the rows rule: no region of BPS's P0 files has all its
    # values below 1 and one above 0 (the kab/kota file's lowest is 1.04;
    # the province file's only values below 1 are two 0 cells, DKI
    # JAKARTA's rural P0, beside its urban P0 of 1 or more).
    for name, skip in (
        ("bps_p0_kabkota_2004_2025.csv", 2),
        ("bps_p0_prov_2007_2026.csv", 4),
    ):
        path = RAW / name
        if not path.exists():
            pytest.skip(f"{path} not present")
        wide = pd.read_csv(path, skiprows=skip, header=None)
        v = wide.iloc[:, 1:].apply(pd.to_numeric, errors="coerce")
        below = (v < 1) | v.isna()
        assert not (below.all(axis=1) & (v > 0).any(axis=1)).any()
        assert int((v < 1).sum().sum()) == (0 if "kabkota" in name else 2)


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("Index Kedalaman Kemiskinan", "Indeks Kedalaman Kemiskinan (P1) (Persen)"),
        ("Index Keparahan Kemiskinan", "Indeks Keparahan Kemiskinan (P2) (Persen)"),
        ("Index Keparahan Kemiskinan", "Poverty Severity Index (P2) (Percent)"),
        # Named without "Indeks" or "P1" (sheets25 note): still an index.
        (
            "Index Kedalaman Kemiskinan",
            "Kedalaman Kemiskinan Menurut Kabupaten/Kota (Persen)",
        ),
    ],
)
def test_bps_p1_p2_rows_are_not_named(kind: str, title: str) -> None:
    wide = p1p2_wide(kind)
    values = wide.iloc[:, 1:].apply(pd.to_numeric, errors="coerce")
    # The premise: rows all below 1 (the cities' P1 and P2) beside rows of
    # 1 or more, the pattern of rows pasted as fractions; an index is no
    # share of people, so its title keeps it from being judged.
    below = ((values < 1) | values.isna()).all(axis=1)
    assert below.any()
    assert (values >= 1).any(axis=1).any()
    text = p1p2_csv(wide, title)
    for source in (
        io.StringIO(text),
        pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False),
        pd.read_csv(io.StringIO(text)),
        pl.read_csv(io.StringIO(text), infer_schema=False),
    ):
        said, t = _read(source, month=None)
        assert said == []
        assert int(t.data["value"].notna().sum()) == int(values.notna().sum().sum())


def test_one_column_of_fractions_converts_that_column_only(tmp_path: Path) -> None:
    # Only 2025 formatted as percent: the column warning's recipe names the
    # cells by position, column 2 (2025) of rows 1-3, and leaves 2024's
    # percentages alone (converting every value cell would give 979 for
    # JAWA TIMUR 2024).
    cells = {(label, 2025) for label, *_ in _PASTED}
    df = pd.read_excel(percent_xlsx(tmp_path / "p0.xlsx", _PASTED, cells))
    said, _ = _read(df)
    assert len(said) == 1
    # The middle of 0.0286, 0.095, 0.1297 is 0.095.
    assert "fractions of one: '2025' (median 0.095) are read" in said[0]
    assert "x = df.iloc[1:4, 2:3]" in said[0]
    said, t = _read(_follow(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == [float(x) for _, a, b in _PASTED for x in (a, b)]


def test_the_recipe_skips_a_blank_row_by_position(tmp_path: Path) -> None:
    # A blank line between Pacitan and Kota Batu (a frame row of NaN, not
    # read): the recipe lists the rows read, 1, 2 and 4 (row 0 holds the
    # years, row 3 is the blank one), and converts them as printed.
    rows = [*_PASTED[:2], (), _PASTED[2]]  # fractions, not formatted
    labels = {label for label, *_ in _PASTED}
    path = percent_xlsx(
        tmp_path / "p0.xlsx", rows, pasted_rows=labels, number_format=None
    )
    df = pd.read_excel(path)
    said, _ = _read(df)
    assert len(said) == 1
    assert "x = df.iloc[[1, 2, 4], 1:3]" in said[0]
    said, t = _read(_follow(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == [float(x) for _, a, b in _PASTED for x in (a, b)]
