"""One-region series advice: a frame's, a two-measure series' (sheets21 K3, K5).

K3: a ``pandas.read_excel`` frame of a one-region series (periods down,
areas across, under a "(Persen)" title) got a ``pandas.read_csv(...)``
recipe, which fails on the workbook the frame came from, and with
``read_excel`` in its place gave the stored fractions (0.075 for 7.5 %)
without a word. The frame's recipe is now built from the frame (its rows
and columns by position), and its values under the stated percent are
judged for fractions of one as read_bps_table judges a table it reads:
the caution, with the code converting the frame's cells, is part of the
advice.

K5: the recipe on BPS's two-measure series ("Jumlah dan Persentase ...
Menurut Daerah": a measure row over the area row) read the area row only,
so the counts and the percentages came out as "Jumlah" and "Jumlah.1". The
measure row is now kept over each area as the first level of the column
labels.

Each test runs the printed code exactly and compares with the source.

Figures, JAWA TIMUR, copied by hand from data-raw/indonesia:
* bps_p0_prov_2007_2026.csv (P0, Persen; Perkotaan / Perdesaan / Jumlah):
  Maret 2023 7.5 / 13.98 / 10.35, Maret 2024 7.12 / 13.3 / 9.79,
  September 2024 6.83 / 13.19 / 9.56, Maret 2025 7 / 12.86 / 9.5,
  September 2025 6.93 / 12.55 / 9.3.
* bps_poor_prov_2007_2026.csv (Jumlah Penduduk Miskin, Ribu Jiwa; same
  areas): Maret 2024 1642.69 / 2339.99 / 3982.69, September 2024
  1589.12 / 2304.7 / 3893.82, Maret 2025 1641.18 / 2234.7 / 3875.88,
  September 2025 1637.78 / 2166.5 / 3804.29.
"""

from __future__ import annotations

import re
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import polars as pl
import pytest
from openpyxl import Workbook

import povstat
from percent_fractions import series_xlsx
from povstat import read_bps_table
from spreadsheets import follow_series_recipe

_AREAS = ["Perkotaan", "Perdesaan", "Jumlah"]
_P0_TITLE = "Persentase Penduduk Miskin (P0) Jawa Timur Menurut Daerah (Persen)"
_P0 = {
    "Maret 2023": ["7.5", "13.98", "10.35"],
    "Maret 2024": ["7.12", "13.3", "9.79"],
    "Maret 2025": ["7", "12.86", "9.5"],
}
# {(period, area): value}, the source's.
_P0_SOURCE = {
    (p, a): float(x) for p, xs in _P0.items() for a, x in zip(_AREAS, xs, strict=True)
}


def _message(source: Any, **kw: Any) -> tuple[str, list[str]]:
    """read_bps_table's refusal of a one-region series, and the warnings given."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="one-region time series") as err:
            read_bps_table(source, **{"locale": "en", **kw})
    return str(err.value), [str(w.message) for w in caught]


def _codes(message: str) -> list[str]:
    """The code quoted in the message (between backticks), in order."""
    return re.findall(r"`([^`]*)`", message)


def _run(codes: list[str], df: Any) -> dict[str, Any]:
    """Run `codes` as printed, in order, on `df`; nothing may warn."""
    ns: dict[str, Any] = {"df": df, "pandas": pd, "povstat": povstat}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for code in codes:
            exec(code, ns)
    return ns


def _values(out: pd.DataFrame) -> dict[tuple[str, ...], float]:
    """{(period, *labels): value} of a followed recipe's result."""
    assert out.iloc[:, -1].dtype == "float64"  # numbers, not text
    return {
        tuple(str(x) for x in row[:-1]): float(row[-1])
        for row in out.itertuples(index=False)
    }


def _p0_workbook(path: Path, *, fractions: bool) -> Path:
    series = list(_P0.items())
    header = ["Periode", *_AREAS]
    return series_xlsx(
        path, _P0_TITLE, header, series, fractions=fractions, source="Sumber: BPS"
    )


def test_read_excel_frame_gets_a_frame_recipe_and_the_fractions_caution(
    tmp_path: Path,
) -> None:
    path = _p0_workbook(tmp_path / "k3.xlsx", fractions=True)
    df = pd.read_excel(path)
    before = df.copy()
    said, warned = _message(df)
    assert warned == []
    # No CSV re-read: the recipe reads the frame, rows 1 to 3 (row 0 is the
    # header row "Periode | Perkotaan | ...", the title the labels).
    assert "pandas.read_csv" not in said
    assert "s = df.iloc[1:4, 1:]" in said
    # The caution names each column with its median, by hand: the middle of
    # 0.075, 0.0712, 0.07 is 0.0712; of 0.1398, 0.133, 0.1286 is 0.133; of
    # 0.1035, 0.0979, 0.095 is 0.0979.
    assert (
        "value columns stated in percent hold fractions of one: 'Perkotaan' "
        "(median 0.0712), 'Perdesaan' (median 0.133), 'Jumlah' (median 0.0979)"
    ) in said
    recipe, convert = _codes(said)
    assert recipe.startswith("s = df.iloc")
    assert convert.startswith("df = df.astype")
    # Followed without the conversion: the stored fractions, as the caution
    # says.
    out = _run([recipe], df)["out"]
    assert _values(out) == {
        k: float(Decimal(str(v)) / 100) for k, v in _P0_SOURCE.items()
    }
    # The conversion, then the recipe: the source values, exactly.
    ns = _run([convert, recipe], df)
    assert _values(ns["out"]) == _P0_SOURCE
    assert list(ns["out"].columns) == ["Periode", "variable", "value"]
    pd.testing.assert_frame_equal(df, before)  # the caller's frame unchanged
    # The converted frame is refused as a one-region series still, with
    # no caution left.
    assert "fractions of one" not in _message(ns["df"])[0]


def test_percent_frame_followed_has_no_caution(tmp_path: Path) -> None:
    # The workbook typed in percent: nothing to caution; the recipe followed
    # as printed gives the source values, for pandas and polars frames.
    path = _p0_workbook(tmp_path / "p0.xlsx", fractions=False)
    csv = tmp_path / "p0.csv"
    pd.read_excel(path, header=None).to_csv(csv, header=False, index=False)
    for frame, first in (
        (pd.read_excel(path), []),
        (pl.read_csv(csv, infer_schema=False), ["df = df.to_pandas()"]),
    ):
        said, _ = _message(frame)
        assert "fractions of one" not in said
        [recipe] = _codes(said)
        assert _values(_run([*first, recipe], frame)["out"]) == _P0_SOURCE


def test_the_workbook_by_path_still_gets_the_sheet_advice(tmp_path: Path) -> None:
    # By path the formats are read (7.5 %, not 0.075): the advice is to
    # write the table the other way in the sheet; no recipe, no caution.
    said, _ = _message(_p0_workbook(tmp_path / "k3.xlsx", fractions=True))
    assert "in the sheet, not in a frame read from the workbook" in said
    assert _codes(said) == []
    assert "fractions of one" not in said


def test_indonesian_text_frame_of_fractions_followed_warns_nothing(
    tmp_path: Path,
) -> None:
    # The same series as Indonesian text ("0,075"), read as povstat advises
    # (dtype=str): the conversion writes "7,5" back as text, so the recipe's
    # parse_columns(locale='id') reads text only, and nothing warns.
    path = tmp_path / "k3_id.csv"
    lines = [_P0_TITLE + ";;;", "Periode;" + ";".join(_AREAS)]
    lines += [
        f"{p};" + ";".join(str(Decimal(x) / 100).replace(".", ",") for x in xs)
        for p, xs in _P0.items()
    ]
    path.write_text(
        "\n".join([*lines, ";;;", "Sumber: BPS;;;"]) + "\n", encoding="utf-8"
    )
    df = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    said, warned = _message(df, locale="id")
    assert warned == []
    assert "'Perkotaan' (median 0.0712)" in said
    recipe, convert = _codes(said)
    ns = _run([convert, recipe], df)  # _run: any warning fails
    assert _values(ns["out"]) == _P0_SOURCE
    # The converted cells are the source's decimals, as text.
    assert ns["df"].iloc[1:4, 1:4].to_numpy().tolist() == [
        [x.replace(".", ",") for x in xs] for xs in _P0.values()
    ]


def test_a_csv_path_of_fractions_is_cautioned_too(tmp_path: Path) -> None:
    # The recipe reads what the file holds; the caution says to write the
    # percentages in the file (no frame to convert).
    path = tmp_path / "k3.csv"
    lines = [_P0_TITLE + ",,,", "Periode," + ",".join(_AREAS)]
    lines += [
        f"{p}," + ",".join(str(Decimal(x) / 100) for x in xs) for p, xs in _P0.items()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    said, _ = _message(path)
    assert "'Perkotaan' (median 0.0712)" in said
    assert "write them in percent in the file, 9.79 for 0.0979" in said


# K5: the press-release layout, periods down, each measure split by area.
_K5_MEASURES = [
    "Jumlah Penduduk Miskin (ribu jiwa)",
    "Persentase Penduduk Miskin (persen)",
]
_K5 = {
    "Maret 2024": ["1642.69", "2339.99", "3982.69", "7.12", "13.3", "9.79"],
    "September 2024": ["1589.12", "2304.7", "3893.82", "6.83", "13.19", "9.56"],
    "Maret 2025": ["1641.18", "2234.7", "3875.88", "7", "12.86", "9.5"],
    "September 2025": ["1637.78", "2166.5", "3804.29", "6.93", "12.55", "9.3"],
}
# {(period, measure, area): value}, the sources'.
_K5_SOURCE = {
    (p, m, a): float(xs[3 * i + j])
    for p, xs in _K5.items()
    for i, m in enumerate(_K5_MEASURES)
    for j, a in enumerate(_AREAS)
}


def _k5(path: Path) -> Path:
    path.write_text(
        "Jumlah dan Persentase Penduduk Miskin Jawa Timur Menurut Daerah,,,,,,\n"
        f"Periode,{_K5_MEASURES[0]},,,{_K5_MEASURES[1]},,\n"
        f",{','.join(_AREAS * 2)}\n"
        + "".join(f"{p},{','.join(xs)}\n" for p, xs in _K5.items())
        + ",,,,,,\nSumber: Badan Pusat Statistik,,,,,,\n",
        encoding="utf-8",
    )
    return path


def test_two_measure_series_path_keeps_the_measures(tmp_path: Path) -> None:
    path = _k5(tmp_path / "k5.csv")
    said, _ = _message(path)
    assert "pandas.MultiIndex.from_tuples" in said
    assert "header row 2 above it ('Jumlah Penduduk Miskin (ribu jiwa)', " in said
    out = follow_series_recipe(said, path)
    assert list(out.columns) == ["index", "variable_0", "variable_1", "value"]
    assert _values(out) == _K5_SOURCE  # no "Jumlah.1": each has its measure


@pytest.mark.parametrize(
    "read",
    [
        lambda p: pd.read_csv(p),
        lambda p: pd.read_csv(p, dtype=str, keep_default_na=False),
        lambda p: pd.read_csv(p, header=None, dtype=str, keep_default_na=False),
        lambda p: pd.read_csv(p, skiprows=1, dtype=str, keep_default_na=False),
        lambda p: pl.read_csv(p, infer_schema=False),
        lambda p: duckdb.sql(f"select * from read_csv('{p}', all_varchar=true)"),
    ],
    ids=["pandas", "pandas-text", "header-none", "measure-labels", "polars", "duckdb"],
)
def test_two_measure_series_frame_keeps_the_measures(tmp_path: Path, read: Any) -> None:
    path = _k5(tmp_path / "k5.csv")
    frame = read(path)
    said, _ = _message(frame)
    assert "pandas.read_csv" not in said
    [recipe] = _codes(said)
    first = [] if isinstance(frame, pd.DataFrame) else ["df = df.to_pandas()"]
    if isinstance(frame, duckdb.DuckDBPyRelation):
        first = ["df = df.df()"]
    out = _run([*first, recipe], frame)["out"]
    assert list(out.columns) == ["Periode", "variable_0", "variable_1", "value"]
    assert _values(out) == _K5_SOURCE


def test_two_measure_read_excel_frame_cautions_the_percent_measure_only(
    tmp_path: Path,
) -> None:
    # K3 and K5 together: the workbook stores the percentages as fractions
    # formatted "0.00%" and the counts as typed. Only the measure stated in
    # percent is judged; its medians, by hand: Perkotaan 0.0683, 0.0693,
    # 0.07, 0.0712 -> (0.0693 + 0.07) / 2 = 0.06965; Perdesaan 0.1255,
    # 0.1286, 0.1319, 0.133 -> 0.13025; Jumlah 0.093, 0.095, 0.0956,
    # 0.0979 -> 0.0953.
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Jumlah dan Persentase Penduduk Miskin Jawa Timur Menurut Daerah"])
    ws.append(["Periode", _K5_MEASURES[0], None, None, _K5_MEASURES[1]])
    ws.append([None, *_AREAS, *_AREAS])
    for p, xs in _K5.items():
        ws.append([p, *map(float, xs[:3]), *(float(Decimal(x) / 100) for x in xs[3:])])
        for cell in ws[ws.max_row][4:]:
            cell.number_format = "0.00%"
    ws.append([])
    ws.append(["Sumber: Badan Pusat Statistik"])
    wb.save(tmp_path / "k5.xlsx")
    df = pd.read_excel(tmp_path / "k5.xlsx")
    said, _ = _message(df)
    measure = _K5_MEASURES[1]
    assert (
        f"value columns stated in percent hold fractions of one: ({measure!r}, "
        f"'Perkotaan') (median 0.06965), ({measure!r}, 'Perdesaan') (median "
        f"0.13025), ({measure!r}, 'Jumlah') (median 0.0953)"
    ) in said
    recipe, convert = _codes(said)
    assert "x = df.iloc[2:6, 4:7]" in convert  # the percent columns only
    out = _run([convert, recipe], df)["out"]
    assert _values(out) == _K5_SOURCE
