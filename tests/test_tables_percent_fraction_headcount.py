"""Rows of a headcount ratio pasted as fractions, whatever their span (sheets22).

A P0 table by regency and city, one province's block of BPS's
bps_p0_kabkota_2004_2025.csv, typed as numbers but for rows pasted in from a
sheet formatted "0.00%" (stored as fractions), read with pandas.read_excel
(which gives the stored fractions, not the formats). The span rule names a
fraction only when, times 100, it falls among the typed values; the row
pasted is often the one outside them:

- L1: the poorest regency (Riau's Kepulauan Meranti, 23.84 in 2022, beside
  the others' 3.08 to 9.95; Jakarta's Kepulauan Seribu) or the one city
  (Maluku's Kota Ambon, 4.68 beside regencies of 5.5 or more);
- L2: every row but the province's, typed from the press release (9.79 /
  9.5): half the pasted rows fall outside 4.75 to 19.58;
- L3: the span named 5 of the 9 rows pasted, so the advice followed once
  left 4 rows of fractions.

Under a headcount ratio's title a row whose values are all below 1 (one
above 0) beside rows of 1 or more is now named whole: no region of BPS's
P0 files has one (the lowest regency or city P0 is 1.04, Kota Bekasi;
see test_tables_percent_fraction_rows.py for that premise). Values below
1 are genuine in extreme poverty (18 provinces below 1 % in March 2023)
and in shares of the poor: their titles keep the rule off.

Every expected value is the source's, read from the raw file's text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from percent_fractions import (
    P0_TITLE,
    follow_fraction_recipe,
    fraction_warnings,
    percent_xlsx,
    to_fraction,
)
from spreadsheets import RAW, xlsx_path

_KABKOTA = RAW / "bps_p0_kabkota_2004_2025.csv"


def _block(province: str, years: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """A province's rows of the raw file (its own first), the years' texts."""
    if not _KABKOTA.exists():
        pytest.skip(f"{_KABKOTA} not present")
    with _KABKOTA.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[1]
    at = [header.index(y) for y in years]
    first = next(i for i, r in enumerate(rows) if r and r[0] == province)
    out = [(rows[first][0], [rows[first][j] for j in at])]
    for r in rows[first + 1 :]:
        if not r or not r[0] or r[0].isupper():  # the next province
            break
        out.append((r[0], [r[j] for j in at]))
    return out


def _workbook(
    path: Path,
    block: list[tuple[str, list[str]]],
    years: tuple[str, ...],
    pasted: set[str],
    title: str = P0_TITLE,
) -> Path:
    """The block typed as numbers, rows `pasted` as fractions shown 0.00%."""
    rows = [[label, *texts] for label, texts in block]
    return percent_xlsx(
        path, rows, pasted_rows=pasted, years=[int(y) for y in years], title=title
    )


def _source(block: list[tuple[str, list[str]]]) -> list[float]:
    return [float(x) for _, texts in block for x in texts]


@pytest.mark.parametrize(
    ("province", "pasted", "years"),
    [
        # 23.84, 22.98, 23.15, 20.51 beside Riau's others, 3.08 to 9.95:
        # times 100 the fractions 0.2384 ... would be 23.84 > 2 * 9.95.
        ("RIAU", "Kepulauan Meranti", ("2022", "2023", "2024", "2025")),
        # 13.03, 12.37 beside Jakarta's cities and province, 3.18 to 4.3.
        ("DKI JAKARTA", "Kepulauan Seribu", ("2024", "2025")),
        # 4.68 ... 4.34, the one city, beside Maluku's regencies.
        ("MALUKU", "Kota Ambon", ("2022", "2023", "2024", "2025")),
    ],
)
def test_a_pasted_row_outside_the_typed_span_is_named(
    tmp_path: Path, province: str, pasted: str, years: tuple[str, ...]
) -> None:
    block = _block(province, years)
    assert pasted in dict(block)
    path = _workbook(tmp_path / "p0.xlsx", block, years, {pasted})
    said, t = fraction_warnings(path)  # by path the formats are read
    assert said == []
    assert t.data["value"].tolist() == _source(block)
    df = pd.read_excel(path)
    said, _ = fraction_warnings(df)
    assert len(said) == 1
    assert said[0].startswith(
        f"value rows stated in percent hold fractions of one: {pasted!r}"
    )
    assert "(and" not in said[0]  # that row alone
    assert "lowest regency or city P0 in 2004-2025 is 1.04" in said[0]
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _source(block)


#: Jawa Timur's province row and ten of its regencies and cities (sheets22).
_JATIM = (
    "JAWA TIMUR", "Pacitan", "Ponorogo", "Trenggalek", "Tulungagung", "Sidoarjo",
    "Tuban", "Sampang", "Kota Malang", "Kota Surabaya", "Kota Batu",
)  # fmt: skip
_YEARS = ("2024", "2025")


def _jatim_block() -> list[tuple[str, list[str]]]:
    return [r for r in _block("JAWA TIMUR", _YEARS) if r[0] in _JATIM]


def test_only_the_province_typed_every_row_below_is_named(tmp_path: Path) -> None:
    # sheets22 L2: JAWA TIMUR typed (9.79 / 9.5), its ten regencies and
    # cities pasted; the span 4.75 to 19.58 holds 5 of the 10 pasted rows
    # (Sidoarjo's 4.53, Sampang's 20.83 and the three cities' 3 to 4 fall
    # outside), so the span alone named none (5 is no majority).
    block = _jatim_block()
    assert len(block) == 11
    pasted = set(_JATIM) - {"JAWA TIMUR"}
    df = pd.read_excel(_workbook(tmp_path / "p0.xlsx", block, _YEARS, pasted))
    said, _ = fraction_warnings(df)
    assert len(said) == 1
    assert "(and 7 more)" in said[0]  # 3 shown of the 10
    # One block: the frame's rows 2-11 (row 0 the years, row 1 JAWA TIMUR),
    # columns 1 and 2.
    assert "x = df.iloc[2:12, 1:3]" in said[0]
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _source(block)


def test_the_advice_converts_every_pasted_row_at_once(tmp_path: Path) -> None:
    # sheets22 L3: JAWA TIMUR and Sampang typed (9.5 to 20.83), nine rows
    # pasted. The span (4.75 to 41.66) holds Pacitan, Ponorogo, Trenggalek,
    # Tulungagung and Tuban; once it names them, every row of values all
    # below 1 is named with them, so one recipe converts all nine.
    block = _jatim_block()
    pasted = set(_JATIM) - {"JAWA TIMUR", "Sampang"}
    # Under a title that is no headcount ratio the span rule alone runs.
    title = "Distribusi Penduduk Miskin Menurut Kabupaten/Kota (Persen)"
    df = pd.read_excel(_workbook(tmp_path / "p0.xlsx", block, _YEARS, pasted, title))
    said, _ = fraction_warnings(df)
    assert len(said) == 1
    assert "(and 6 more)" in said[0]  # 9 named
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _source(block)


@pytest.mark.parametrize(
    ("title", "headcount"),
    [
        ("Persentase Penduduk Miskin Ekstrem Menurut Kabupaten/Kota (Persen)", False),
        ("Extreme Poverty Rate by Regency/City (Percent)", False),
        ("Distribusi Penduduk Miskin Menurut Kabupaten/Kota (Persen)", False),
        ("Persentase Penduduk Miskin terhadap Total Provinsi (Persen)", False),
        ("Share of the Poor by Regency/City (Percent)", False),
        (P0_TITLE, True),
        ("Percentage of Poor Population by Regency/City (Percent)", True),
        ("Tingkat Kemiskinan Menurut Kabupaten/Kota (Persen)", True),
        ("Poverty Rate by Regency/City (%)", True),
        ("Headcount Ratio (P0) (Persen)", True),
    ],
)
def test_only_a_headcount_title_names_a_whole_row_below_one(
    title: str, headcount: bool
) -> None:
    # A row below 1 (an extreme poverty rate of 0.41, a share of 0.62)
    # beside rows of 1 or more, times 100 (41, 62) beyond twice the others'
    # highest (2 * 12.33 = 24.66), so the span rule names nothing: genuine
    # under extreme poverty or a share of the poor (no warning), fractions
    # under a headcount ratio (named, kept as read).
    text = (
        f"Kabupaten/Kota,{title},\n,2024,2025\nA,12.33,11.9\nB,5.1,4.98\nC,0.41,0.62\n"
    )
    said, t = fraction_warnings(io.StringIO(text))
    assert t.data["value"].tolist() == [12.33, 11.9, 5.1, 4.98, 0.41, 0.62]
    if not headcount:
        assert said == []
        return
    assert len(said) == 1
    assert "'C' (0.41, 0.62) are read as percentages below 1" in said[0]


# sheets23 F1, F3: titles that state no unit, and BPS's other names for P0.
_RIAU_YEARS = ("2022", "2023", "2024", "2025")


@pytest.mark.parametrize(
    ("title", "under"),
    [
        # BPS's publication titles state no unit: "Persentase" names a
        # percentage, so the rows are judged as under "(Persen)".
        (
            "Persentase Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Riau",
            "of a percentage",
        ),
        ("Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota", "of a percentage"),
        # A headcount ratio's name alone: a row below 1 beside values of 1
        # or more mixes scales (a P0 of 1 or more is no fraction of one).
        ("Poverty Rate by Regency/City", "of a headcount ratio"),
        # BPS's "Head Count Index": P0, no index like P1 and P2.
        ("Head Count Index (P0) Menurut Kabupaten/Kota (Persen)", "stated in percent"),
        (
            "Persentase Penduduk Miskin (Head Count Index/P0) Menurut "
            "Kabupaten/Kota (Persen)",
            "stated in percent",
        ),
        # SDG 1.2.1, as BPS titles it, and "Proportion of Poor People".
        (
            "Proporsi Penduduk yang Hidup di Bawah Garis Kemiskinan Nasional "
            "Menurut Kabupaten/Kota (Persen)",
            "stated in percent",
        ),
        ("Proportion of Poor People by Regency/City (Percent)", "stated in percent"),
    ],
)
def test_p0_titles_without_a_unit_or_by_other_names_are_judged(
    tmp_path: Path, title: str, under: str
) -> None:
    # Riau's Kepulauan Meranti (23.84 ... 20.51, beyond twice the others'
    # highest, 9.95) pasted as fractions.
    block = _block("RIAU", _RIAU_YEARS)
    path = _workbook(
        tmp_path / "p0.xlsx", block, _RIAU_YEARS, {"Kepulauan Meranti"}, title
    )
    df = pd.read_excel(path)
    said, _ = fraction_warnings(df)
    assert len(said) == 1
    assert said[0].startswith(
        f"value rows {under} hold fractions of one: 'Kepulauan Meranti' (0.2384,"
    )
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _source(block)


def test_a_sheet_of_fractions_under_a_percentage_title_without_a_unit() -> None:
    # Every value a fraction, under "Persentase ..." (no unit stated): the
    # column warning, as under "(Persen)". Under "Poverty Rate" (no word of
    # percent) fractions of one are a unit of their own: no warning.
    # JAWA TIMUR 9.79 / 9.5, Pacitan 13.08 / 12.97, Kota Batu 3.06 / 2.86.
    rows = "JAWA TIMUR,0.0979,0.095\nPacitan,0.1308,0.1297\nKota Batu,0.0306,0.0286\n"
    title = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota"
    said, _ = fraction_warnings(
        io.StringIO(f"Kabupaten/Kota,{title},\n,2024,2025\n{rows}")
    )
    assert len(said) == 1
    # By hand, the middle of 0.0306, 0.0979, 0.1308 is 0.0979.
    assert said[0].startswith(
        "value columns of a percentage hold fractions of one: '2024' (median 0.0979)"
    )
    title = "Poverty Rate by Regency/City"
    said, t = fraction_warnings(
        io.StringIO(f"Kabupaten/Kota,{title},\n,2024,2025\n{rows}")
    )
    assert said == []
    assert t.data["value"].tolist() == [0.0979, 0.095, 0.1308, 0.1297, 0.0306, 0.0286]


def test_a_count_column_under_a_p0_title_is_not_judged() -> None:
    # "Jumlah dan Persentase Penduduk Miskin": the counts' group names its
    # own measure and unit, "(ribu jiwa)", which keep it out (a city's 0.9
    # thousand poor is a count, not a fraction); only the "(persen)" group
    # is judged, and its values are all 1 or more.
    text = (
        "Kabupaten/Kota,Jumlah dan Persentase Penduduk Miskin,,,\n"
        ",Jumlah Penduduk Miskin (ribu jiwa),,Persentase Penduduk Miskin (persen),\n"
        ",2024,2025,2024,2025\n"
        "A,35.2,33.9,12.33,11.9\nB,12.1,11.8,5.1,4.98\nC,0.9,0.8,3.2,3.1\n"
    )
    said, t = fraction_warnings(io.StringIO(text))
    assert said == []
    assert len(t.data) == 12


def test_the_path_advised_reads_a_table_of_many_provinces(tmp_path: Path) -> None:
    # sheets23 F2: Sumatera Barat's and Riau's blocks (BPS's national table
    # holds them one after the other), Kepulauan Meranti's row pasted with
    # its 0.00% format (22.98% in 2023). Read by path, as the frame warning
    # advises: the formatted cells read as their percentages, and a plain
    # cell under a tenth of their median (Kota Sawah Lunto's 2.27 in 2023)
    # is no fraction of one (that would be 227%): every source value.
    years = ("2023", "2024", "2025")
    block = _block("SUMATERA BARAT", years) + _block("RIAU", years)
    assert dict(block)["Kota Sawah Lunto"][0] == "2.27"
    path = _workbook(tmp_path / "p0.xlsx", block, years, {"Kepulauan Meranti"})
    said, t = fraction_warnings(path)
    assert said == []
    assert t.invalid == ()
    assert t.data["value"].tolist() == _source(block)


# sheets25 G1: P0 by area (bps_p0_prov_2007_2026.csv, Semester 1 (Maret)),
# Perkotaan | Perdesaan | Jumlah x 2024 | 2025, under BPS's title with no
# unit: "Jumlah" is the areas' total, no count of its own.
_BY_AREA = {
    "ACEH": ["9.6", "8.54", "16.75", "14.44", "14.23", "12.33"],
    "JAWA TIMUR": ["7.12", "7", "13.3", "12.86", "9.79", "9.5"],
    "BALI": ["3.55", "3.27", "5.2", "4.97", "4", "3.72"],
}


def test_the_areas_total_is_judged_with_the_areas(tmp_path: Path) -> None:
    title = "Persentase Penduduk Miskin Menurut Provinsi dan Daerah"
    rows: list[list[Any]] = [
        ["Provinsi", title, None, None, None, None, None],
        [None, "Perkotaan", None, "Perdesaan", None, "Jumlah", None],
        [None, 2024, 2025, 2024, 2025, 2024, 2025],
    ]
    # ACEH's row pasted from a sheet formatted 0.00% (stored / 100).
    for name, texts in _BY_AREA.items():
        cells = [to_fraction(x) if name == "ACEH" else float(x) for x in texts]
        rows.append([name, *cells])
    formats = {f"{c}4": "0.00%" for c in "BCDEFG"}
    path = xlsx_path(
        tmp_path / "p0.xlsx", rows, formats, ["B1:G1", "B2:C2", "D2:E2", "F2:G2"]
    )
    df = pd.read_excel(path)
    said, _ = fraction_warnings(df)
    assert len(said) == 1
    # Every one of ACEH's six cells, the total's two included: the frame's
    # row 2 (rows 0 and 1 hold the areas and years), columns 1 to 6.
    assert "x = df.iloc[2:3, 1:7]" in said[0]
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == [float(x) for v in _BY_AREA.values() for x in v]


@pytest.mark.parametrize(
    "title",
    [
        "Tingkat Kemiskinan Menurut Kabupaten/Kota di Provinsi Riau",
        "Poverty Rate by Regency/City, Riau Province",
        "Head Count Index (P0) Menurut Kabupaten/Kota",
    ],
)
def test_a_round_of_fractions_beside_percentages_under_a_p0_name(
    tmp_path: Path, title: str
) -> None:
    # sheets25 G2: the 2025 round pasted from a sheet formatted 0.00%
    # beside 2022-2024 typed in percent, under a P0 name with no unit: a
    # mix of scales (a P0 of 1 or more is no fraction of one), warned.
    # RIAU 2025 is 6.16 (0.0616 stored).
    block = _block("RIAU", _RIAU_YEARS)
    wb = [[label, *texts] for label, texts in block]
    pasted = {(label, 2025) for label, _ in block}
    path = percent_xlsx(
        tmp_path / "p0.xlsx",
        wb,
        pasted,
        years=[int(y) for y in _RIAU_YEARS],
        title=title,
    )
    df = pd.read_excel(path)
    said, _ = fraction_warnings(df)
    assert len(said) == 1
    assert said[0].startswith(
        "value columns of a headcount ratio hold fractions of one: '2025'"
    )
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df))
    assert said == []
    assert t.data["value"].tolist() == _source(block)
    # Every round pasted so: a table in fractions of one throughout, the
    # unit of P0 in the FGT literature, which a title naming no percentage
    # and no unit leaves to the caller: read as stored, no warning.
    path = percent_xlsx(
        tmp_path / "p0.xlsx",
        wb,
        pasted_rows={label for label, _ in block},
        years=[int(y) for y in _RIAU_YEARS],
        title=title,
    )
    said, t = fraction_warnings(pd.read_excel(path))
    assert said == []
    assert t.data["value"].tolist() == [to_fraction(x) for _, v in block for x in v]


# sheets26 H1: P0 | P1 | P2 by regency/city, 2023 (P0 from
# bps_p0_kabkota_2004_2025.csv, P1 and P2 from bps_p1p2_kabkota_2015_2023.csv).
_FGT_2023 = {
    "ACEH": ("14.45", "2.76", "0.78"),
    "Simeulue": ("17.92", "3.26", "0.96"),
    "Kota Banda Aceh": ("7.04", "0.8", "0.16"),
}


def _fgt_rows(p0_pasted: bool, fractions: bool = False) -> list[list[Any]]:
    """The P0 | P1 | P2 table: P0 pasted as fractions, or every value so."""
    rows: list[list[Any]] = [
        ["Kabupaten/Kota", "P0, P1 dan P2 Menurut Kabupaten/Kota", None, None],
        [None, "P0", "P1", "P2"],
        [None, 2023, 2023, 2023],
    ]
    for name, (a, b, c) in _FGT_2023.items():
        read = to_fraction if fractions else float
        first = to_fraction(a) if p0_pasted else read(a)
        rows.append([name, first, read(b), read(c)])
    return rows


def test_p0_pasted_beside_p1_and_p2_above_it_is_warned(tmp_path: Path) -> None:
    # The P0 column pasted from a sheet formatted 0.00%: ACEH 0.1445 beside
    # its P1 of 2.76. On one scale P2 <= P1 <= P0, so a P1 above P0 puts
    # P0 on another; the P0 column is named, and its recipe gives the
    # source values.
    formats = {f"B{r}": "0.00%" for r in (4, 5, 6)}
    df = pd.read_excel(
        xlsx_path(tmp_path / "p0.xlsx", _fgt_rows(p0_pasted=True), formats)
    )
    said, _ = fraction_warnings(df, month=None)
    assert len(said) == 1
    assert said[0].startswith(
        "value columns of a headcount ratio hold fractions of one"
    )
    assert "an index of the same table (P1, P2) lies above them in a row" in said[0]
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df), month=None)
    assert said == []
    assert t.data["value"].tolist() == [float(x) for v in _FGT_2023.values() for x in v]


@pytest.mark.parametrize("fractions", [False, True])
def test_a_genuine_fgt_table_is_not_warned(tmp_path: Path, fractions: bool) -> None:
    # As published (P0 in percent, P1 and P2 x 100), or every value a
    # fraction of one (the FGT literature's unit, / 100): P2 <= P1 <= P0 in
    # every row, no mix; read as stored, no warning.
    rows = _fgt_rows(p0_pasted=False, fractions=fractions)
    df = pd.read_excel(xlsx_path(tmp_path / "p0.xlsx", rows))
    said, t = fraction_warnings(df, month=None)
    assert said == []
    read = to_fraction if fractions else float
    assert t.data["value"].tolist() == [read(x) for v in _FGT_2023.values() for x in v]


@pytest.mark.parametrize(
    ("title", "p0_head", "fractions"),
    [
        (
            "Persentase Penduduk Miskin dan Gini Ratio Menurut Provinsi",
            "Persentase Penduduk Miskin",
            False,
        ),
        (
            "Tingkat Kemiskinan dan Rasio Gini Menurut Provinsi",
            "Tingkat Kemiskinan",
            False,
        ),
        ("Poverty Rate and Gini Ratio by Province", "Poverty Rate", False),
        # P0 in fractions of one beside a Gini ratio above it: no FGT
        # index, so no sign of two scales.
        ("Poverty Rate and Gini Ratio by Province", "Poverty Rate", True),
    ],
)
def test_a_gini_ratio_beside_p0_is_not_judged(
    title: str, p0_head: str, fractions: bool
) -> None:
    # sheets27 F1: a Gini ratio lies between 0 and 1 on its own scale; it
    # is no fraction of one of a percentage (its recipe made 0.291 29.1).
    # P0 March 2023 (bps_p0_prov_2007_2026.csv): ACEH 14.45, RIAU 6.68; the
    # Gini ratios are input for the test, not figures checked.
    gini = "Rasio Gini" if "Rasio" in title else "Gini Ratio"
    p0 = ("0.1445", "0.0668") if fractions else ("14.45", "6.68")
    text = (
        f"{title},,\nProvinsi,{p0_head},{gini}\n,2023,2023\n"
        f"ACEH,{p0[0]},0.291\nRIAU,{p0[1]},0.327\n"
    )
    said, t = fraction_warnings(io.StringIO(text), month=None)
    assert said == []
    assert t.data["value"].tolist() == [float(p0[0]), 0.291, float(p0[1]), 0.327]


def test_a_group_spelt_out_in_the_title_takes_its_clause(tmp_path: Path) -> None:
    # sheets27 F2: the P0 | P1 | P2 table of 2023, every cell stored as a
    # fraction formatted 0.00%, under BPS's title spelling out "Persentase
    # Penduduk Miskin (P0)": the "P0" group is a percentage, its columns
    # all below 1 are named (P1 and P2, indexes, are not judged).
    title = (
        "Persentase Penduduk Miskin (P0), Indeks Kedalaman Kemiskinan (P1), "
        "dan Indeks Keparahan Kemiskinan (P2) Menurut Kabupaten/Kota"
    )
    rows = _fgt_rows(p0_pasted=True, fractions=True)
    rows[0][1] = title
    formats = {f"{c}{r}": "0.00%" for c in "BCD" for r in (4, 5, 6)}
    df = pd.read_excel(xlsx_path(tmp_path / "p0.xlsx", rows, formats))
    said, _ = fraction_warnings(df, month=None)
    assert len(said) == 1
    assert said[0].startswith(
        "value columns of a percentage hold fractions of one: ('P0', '2023') "
        "(median 0.1445)"  # the middle of 0.1445, 0.1792, 0.0704
    )
    # The frame's rows 0 and 1 hold the groups and years, rows 2-4 the
    # regions; column 1 is P0 alone.
    assert "x = df.iloc[2:5, 1:2]" in said[0]
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df), month=None)
    assert said == []
    # P0 the source's; P1 and P2 as stored (their unit the caller's).
    assert t.data["value"].tolist() == [
        x
        for a, b, c in _FGT_2023.values()
        for x in (float(a), to_fraction(b), to_fraction(c))
    ]


@pytest.mark.parametrize(
    ("title", "other", "values"),
    [
        (
            "Persentase Penduduk Miskin (Persen) Menurut Provinsi, 2023",
            "Gini Ratio",
            "gini",
        ),
        (
            "Persentase Penduduk Miskin (Persen) Menurut Provinsi, 2023",
            "Indeks Gini",
            "gini",
        ),
        (
            "Persentase Penduduk Miskin dan Gini Ratio Menurut Provinsi, 2023",
            "Gini Ratio",
            "gini",
        ),
        (
            "Jumlah dan Persentase Penduduk Miskin Menurut Provinsi, Maret 2023",
            "Jumlah Penduduk Miskin (Ribu Jiwa)",
            "poor",
        ),
        (
            "Jumlah Penduduk Miskin (Ribu Jiwa) dan Persentase Penduduk Miskin "
            "(Persen) Menurut Provinsi, Maret 2023",
            "Jumlah",
            "poor",
        ),
    ],
)
def test_a_p0_group_beside_another_measure_takes_the_titles_percentage(
    tmp_path: Path, title: str, other: str, values: str
) -> None:
    # sheets28 G1: a "P0" group pasted as fractions (0.00%) beside a Gini
    # ratio or the number of poor, under a title naming P0 as a percentage
    # in one of its clauses: the P0 group takes that clause, and is named.
    # P0 and the number of poor (ribu jiwa), March 2023, from
    # bps_p0_prov_2007_2026.csv and bps_poor_prov_2007_2026.csv; the Gini
    # ratios are input for the test, not figures checked.
    p0 = {"ACEH": "14.45", "RIAU": "6.68"}
    second = {
        "gini": {"ACEH": 0.291, "RIAU": 0.327},
        "poor": {"ACEH": 806.75, "RIAU": 485.66},
    }
    rows: list[list[Any]] = [[title], ["Provinsi", "P0", other], [None, 2023, 2023]]
    rows += [[r, to_fraction(p0[r]), second[values][r]] for r in p0]
    df = pd.read_excel(
        xlsx_path(tmp_path / "p0.xlsx", rows, {"B4": "0.00%", "B5": "0.00%"})
    )
    said, _ = fraction_warnings(df, month=None)
    assert len(said) == 1
    assert "('P0', '2023') (median 0.10565)" in said[0]  # (0.1445 + 0.0668) / 2
    said, t = fraction_warnings(follow_fraction_recipe(said[0], df), month=None)
    assert said == []
    assert t.data["value"].tolist() == [
        x for r in p0 for x in (float(p0[r]), second[values][r])
    ]
