"""read_bps_table: every pandas.read_csv advice, run as printed, reads the file.

The advice for a long table and for a transposed one names one recipe
(``pandas.read_csv(...)``): the file's separator (``sep=';'``, as Excel
writes CSV in Indonesian settings), ``skiprows=`` to the header under a
title line, and every column as text. Followed as printed (the file's
path put in place of ``...``), with no option added by hand, it reads the
header and cells the table holds. Before, the long-form advice left out
the separator, so the ";" file came back as one column.

Figures: Indeks Kedalaman Kemiskinan (P1), bps_p1p2_kabkota_2015_2023.csv:
Pacitan 1.35 / 1.73, Kota Batu 0.64 / 0.35 (2022 / 2023), written with
decimal commas; P0 March, bps_p0_kabkota_2004_2025.csv: JAWA TIMUR 10.35 / 9.79 / 9.50,
Pacitan 13.65 / 13.08 / 12.97, Kota Batu 3.31 / 3.06 / 2.86 (2023-2025).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from povstat import read_bps_table


def _run_advice(said: str, path: Path) -> Any:
    """Run the advised pandas.read_csv call as printed, on `path`."""
    found = re.search(r"pandas\.read_csv\(\.\.\., [^)]*\)", said)
    assert found is not None
    return eval(found[0].replace("...", repr(str(path))), {"pandas": pd})


def test_the_long_form_advice_names_the_separator_and_the_header(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "Indeks Kedalaman Kemiskinan (P1) Menurut Kabupaten/Kota;;;\n\n"
        "nama_variabel;nama_tahun;nama_wilayah;data_content\n"
        "P1;2022;Pacitan;1,35\nP1;2023;Pacitan;1,73\n"
        "P1;2022;Kota Batu;0,64\nP1;2023;Kota Batu;0,35\n"
    )
    with pytest.raises(ValueError, match="looks long, not wide") as info:
        read_bps_table(path, locale="id", sep=";")
    df = _run_advice(str(info.value), path)
    # The header is the file's third line; the cells are kept as written.
    assert list(df.columns) == [
        "nama_variabel",
        "nama_tahun",
        "nama_wilayah",
        "data_content",
    ]
    assert df["data_content"].tolist() == ["1,35", "1,73", "0,64", "0,35"]
    # The advised pivot, as printed, with this file's column names.
    pivot = re.search(r"pandas (df\.pivot\(.*?\.reset_index\(\))", str(info.value))
    assert pivot is not None
    code = (
        pivot[1]
        .replace("REGION", "'nama_wilayah'")
        .replace("YEAR", "'nama_tahun'")
        .replace("VALUE", "'data_content'")
    )
    wide = eval(code, {"df": df})
    t = read_bps_table(wide, locale="id", month=3)
    # By hand: "1,35" in locale "id" is 1.35.
    assert t.data["value"].tolist() == [1.35, 1.73, 0.64, 0.35]


def test_the_transposed_advice_names_the_separator_and_the_header(
    tmp_path: Path,
) -> None:
    path = tmp_path / "series.csv"
    path.write_bytes(
        b"Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen);;;\r\n\r\n"
        b"Tahun;JAWA TIMUR;Pacitan;Kota Batu\r\n2023;10,35;13,65;3,31\r\n"
        b"2024;9,79;13,08;3,06\r\n2025;9,50;12,97;2,86\r\n"
    )
    with pytest.raises(ValueError, match="looks transposed") as info:
        read_bps_table(path, locale="id", sep=";", month=3)
    df = _run_advice(str(info.value), path)
    t = read_bps_table(df.T.reset_index(), locale="id", month=3)
    assert t.data["value"].tolist() == [
        10.35, 9.79, 9.50, 13.65, 13.08, 12.97, 3.31, 3.06, 2.86
    ]  # fmt: skip
