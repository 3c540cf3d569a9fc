"""An id split decimal in cells stating a percent sign or unit (sheets17 G9).

Google Sheets in Indonesian settings writes a percent-formatted cell as
"9,79%", quoted in a CSV file separated by ",". A value typed by hand
without quotes, "4,38%", splits into "4" and "38%" ("4,38 persen" into "4"
and "38 persen", "7,84 ribu" into "7" and "84 ribu"), which read as 4 and
38. data-raw/indonesia/bps_p0_kabkota_2004_2025.csv gives Kota Madiun
(P0, Persen, March) 4.74, 4.38, 3.89 for 2023-2025; its poor counts
(bps_poor_kabkota_2004_2025.csv, Ribu Jiwa) 8.46, 7.84, 6.96.

Hand reasoning: "4" then "38%" is a whole number of one digit right
before one of two digits (the number of "38%" is "38"), in columns whose
other values all hold two decimals ("10,35%"): the pair is named, as "4"
then "38" already is.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest

from povstat import read_bps_table

_RAW = Path(__file__).resolve().parents[1] / "data-raw" / "indonesia"


def _split_warnings(source: Any, **kw: Any) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(source, locale="id", month=3, errors="report", **kw)
    return [str(w.message) for w in caught if "right before" in str(w.message)]


def _table(unit: str, title: str, madiun: str) -> str:
    # Jawa Timur rows of bps_p0_kabkota_2004_2025.csv, 2023-2025, quoted
    # with their unit as Google Sheets writes them in Indonesian settings.
    rows = [
        ("JAWA TIMUR", "10,35", "9,79", "9,50"),
        ("Pacitan", "13,65", "13,08", "12,97"),
        ("Ponorogo", "9,53", "9,11", "8,86"),
    ]
    body = "".join(
        ",".join([r[0], *(f'"{v}{unit}"' for v in r[1:])]) + "\n" for r in rows
    )
    head = (
        f"Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) Menurut "
        f"Kabupaten/Kota {title},,\n,2023,2024,2025\n"
    )
    return head + body + madiun + "\n"


@pytest.mark.parametrize(
    ("unit", "title"),
    [("%", "(Persen)"), (" persen", "(Persen)"), ("%", ""), (" persen", "")],
)
def test_a_split_percent_cell_is_named(unit: str, title: str) -> None:
    text = _table(unit, title, f'Kota Madiun,"4,74{unit}",4,38{unit}')
    tail = f"38{unit}"
    for source in (
        io.StringIO(text),
        pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False),
        pl.read_csv(io.StringIO(text), infer_schema=False),
    ):
        said = _split_warnings(source)
        assert len(said) == 1, said
        assert f"holds '4' right before {tail!r} among decimals" in said[0]
        assert "read as two whole numbers, 4 and 38," in said[0]
        assert f"one number, 4,{tail}" in said[0]


def test_a_split_count_with_a_multiplier_is_named() -> None:
    # Poor counts, Ribu Jiwa (bps_poor_kabkota_2004_2025.csv, 2023-2025):
    # Pacitan 76.2, 73.03, 72.47; Ponorogo 83.71, 80.05, 77.93; Kota
    # Madiun 8.46, 7.84, 6.96, its 2024 typed "7,84 ribu" without quotes.
    text = (
        "Provinsi/Kabupaten/Kota,Jumlah Penduduk Miskin (Ribu Jiwa),,\n"
        ",2023,2024,2025\n"
        'Pacitan,"76,2 ribu","73,03 ribu","72,47 ribu"\n'
        'Ponorogo,"83,71 ribu","80,05 ribu","77,93 ribu"\n'
        'Kota Madiun,"8,46 ribu",7,84 ribu\n'
    )
    said = _split_warnings(io.StringIO(text))
    assert len(said) == 1
    assert "holds '7' right before '84 ribu' among decimals" in said[0]


def test_quoted_percent_cells_read_the_source_values() -> None:
    text = _table("%", "(Persen)", 'Kota Madiun,"4,74%","4,38%","3,89%"')
    assert _split_warnings(io.StringIO(text)) == []
    t = read_bps_table(io.StringIO(text), locale="id", month=3)
    d = t.data[t.data["label"] == "Kota Madiun"]["value"].tolist()
    assert d == [4.74, 4.38, 3.89]


def _id_percent_copy(path: Path, tmp_path: Path, unit: str) -> Path:
    """The file as Google Sheets writes it in id settings, each value with `unit`."""
    out = tmp_path / f"id_{path.name}"
    number = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
    with path.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as g:
        rows = list(csv.reader(f))
        writer = csv.writer(g, lineterminator="\n")
        writer.writerows(rows[:2])  # the title and the years
        writer.writerows(
            [
                row[0],
                *(
                    v.replace(".", ",") + unit if number.fullmatch(v) else v
                    for v in row[1:]
                ),
            ]
            for row in rows[2:]
        )
    return out


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("bps_p0_kabkota_2004_2025.csv", "%"),
        ("bps_p0_kabkota_2004_2025.csv", " persen"),
        ("bps_poor_kabkota_2004_2025.csv", " ribu"),
    ],
)
def test_bps_files_with_unit_cells_give_no_split_warning(
    name: str, unit: str, tmp_path: Path
) -> None:
    # BPS's whole kab/kota files, every value written with its unit in id
    # settings ("9,79%", whole values "4%"): no split, so no warning, and
    # every value as the source's (read by path in locale "en").
    path = _RAW / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    en = read_bps_table(path, locale="en", month=3).data["value"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(_id_percent_copy(path, tmp_path, unit), locale="id", month=3)
    assert t.invalid == ()
    pd.testing.assert_series_equal(t.data["value"], en)
