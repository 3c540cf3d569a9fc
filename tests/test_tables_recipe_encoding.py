"""The transposed and one-region recipes keep the caller's `encoding` (sheets21 K4).

read_bps_table tells the caller of a cp1252 or UTF-16 file to pass
`encoding=`; its advice for a one-region series or a transposed table then
printed a pandas.read_csv call without it, which, followed, failed to decode
the file. The encoding passed is now carried into the printed call.

Source: bps_p0_prov_2007_2026.csv. JAWA TIMUR by area (Perkotaan,
Perdesaan, Jumlah), Semester 1 (Maret): 2023 7.5, 13.98, 10.35; 2024 7.12,
13.3, 9.79; 2025 7, 12.86, 9.5. Jumlah, Maret 2025, September 2025, Maret
2026: Jawa Tengah 9.48, 9.39, 9.21; DI Yogyakarta 10.23, 10.08, 9.7; Jawa
Timur 9.5, 9.3, 9.06.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table
from spreadsheets import follow_series_recipe, series_values


def test_the_series_recipe_keeps_cp1252(tmp_path: Path) -> None:
    # Saved by Excel on Windows as "CSV" (cp1252): "…" (no data) is byte
    # 0x85, which UTF-8 cannot decode.
    path = tmp_path / "p0.csv"
    path.write_text(
        "Persentase Penduduk Miskin (P0) Jawa Timur Menurut Daerah (Persen);;;\n"
        "Periode;Perkotaan;Perdesaan;Jumlah\nMaret 2023;7,5;13,98;10,35\n"
        "September 2023;…;…;…\nMaret 2024;7,12;13,3;9,79\nMaret 2025;7;12,86;9,5\n"
        ";;;\nSumber: BPS;;;\n",
        encoding="cp1252",
    )
    with pytest.raises(ValueError, match="encoding='cp1252'"):
        read_bps_table(path, locale="id", sep=";")
    with pytest.raises(ValueError, match="or read the series") as err:
        read_bps_table(path, locale="id", sep=";", encoding="cp1252")
    said = str(err.value)
    assert "pandas.read_csv(..., sep=';', encoding='cp1252', skiprows=1," in said
    got = series_values(follow_series_recipe(said, path))
    assert got["Maret 2023", "Perkotaan"] == 7.5
    assert got["September 2023", "Jumlah"] is None
    assert [got["Maret 2025", g] for g in ("Perkotaan", "Perdesaan", "Jumlah")] == [
        7.0,
        12.86,
        9.5,
    ]
    assert got["Maret 2024", "Jumlah"] == 9.79


def test_the_transposed_recipe_keeps_utf16(tmp_path: Path) -> None:
    # Excel's "Unicode Text" (UTF-16, tabs), periods down.
    path = tmp_path / "p0.txt"
    path.write_text(
        "Persentase Penduduk Miskin (P0) Menurut Provinsi (Persen)\t\t\t\n"
        "Periode\tJawa Tengah\tDI Yogyakarta\tJawa Timur\n"
        "Maret 2025\t9.48\t10.23\t9.5\nSeptember 2025\t9.39\t10.08\t9.3\n"
        "Maret 2026\t9.21\t9.7\t9.06\n\t\t\t\nSumber: Badan Pusat Statistik\t\t\t\n",
        encoding="utf-16",
    )
    with pytest.raises(ValueError, match="looks transposed") as err:
        read_bps_table(path, locale="en", sep="\t", encoding="utf-16")
    said = str(err.value)
    m = re.search(
        r"(pandas\.read_csv\(\.\.\.,[^)]*\)), and pass (df.*?\.T\.reset_index\(\))",
        said,
    )
    assert m is not None, said
    assert "encoding='utf-16'" in m[1]
    df = eval(m[1].replace("(...,", f"({str(path)!r},"), {"pandas": pd})
    t = read_bps_table(eval(m[2], {"df": df}), locale="en")
    assert t.invalid == ()
    assert t.data["value"].tolist() == [
        9.48,
        9.39,
        9.21,
        10.23,
        10.08,
        9.7,
        9.5,
        9.3,
        9.06,
    ]
