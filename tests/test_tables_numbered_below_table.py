"""read_bps_table: a "No." column of row numbers above a source line (sheets20 J4).

A table whose rows are numbered in a first column headed "No." gets the
advice "a numbered list ... remove the column of numbers". With BPS's
source line below the table ("Sumber: Badan Pusat Statistik", which every
BPS table has) the line was taken for the column's heading, and the advice
was lost. The lines below the table are no longer the column's. A numbered
series (periods down the second column) gets the numbered list's advice and
then the transposed table's; followed (the column removed, then the recipe
run as printed), it gives the source values.

Sources (copied by hand):
* bps_p0_kabkota_2004_2025.csv, columns U (2023) and V (2024): JAWA TIMUR
  10.35 / 9.79 (line 244), Pacitan 13.65 / 13.08 (line 245), Tuban 14.91 /
  14.36 (line 267).
* bps_p0_prov_2007_2026.csv, Jumlah, columns FT (Maret 2025), FU
  (September 2025), FW (Maret 2026): Jawa Tengah 9.48 / 9.39 / 9.21 (line
  17), DI Yogyakarta 10.23 / 10.08 / 9.7 (line 18), Jawa Timur 9.5 / 9.3 /
  9.06 (line 19).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table

_WIDE = (
    "No.,Provinsi/Kabupaten/Kota,2023,2024\n1,JAWA TIMUR,10.35,9.79\n"
    "2,Pacitan,13.65,13.08\n3,Tuban,14.91,14.36\n"
)
_SOURCE = ",,,\nSumber: Badan Pusat Statistik,,,\n"
_SERIES = (
    "No.,Periode,Jawa Tengah,DI Yogyakarta,Jawa Timur\n"
    "1,Maret 2025,9.48,10.23,9.5\n2,September 2025,9.39,10.08,9.3\n"
    "3,Maret 2026,9.21,9.7,9.06\n"
)
_NUMBERED = (
    "the first column holds only numbers under 'No.' (1, 2, 3), a numbered "
    "list: the region names must be in the first column that holds anything; "
    "remove the column of numbers"
)


@pytest.mark.parametrize(
    "tail", ["", _SOURCE, ",,,\n*) angka sementara,,,\nSumber: BPS,,,\n"]
)
def test_the_numbered_list_advice_survives_the_lines_below(tail: str) -> None:
    with pytest.raises(ValueError, match="a numbered list") as err:
        read_bps_table(io.StringIO(_WIDE + tail), locale="en", month=3)
    assert _NUMBERED in str(err.value)
    # Followed: the column of numbers removed, the table reads as the source.
    kept = "\n".join(line.split(",", 1)[1] for line in (_WIDE + tail).splitlines())
    t = read_bps_table(io.StringIO(kept + "\n"), locale="en", month=3)
    got = {(r.label, r.year): r.value for r in t.data.itertuples()}
    assert got == {
        ("JAWA TIMUR", 2023): 10.35,
        ("JAWA TIMUR", 2024): 9.79,
        ("Pacitan", 2023): 13.65,
        ("Pacitan", 2024): 13.08,
        ("Tuban", 2023): 14.91,
        ("Tuban", 2024): 14.36,
    }


def test_a_numbered_series_gets_both_advices_and_they_work(tmp_path: Path) -> None:
    path = tmp_path / "series.csv"
    path.write_text(_SERIES + ",,,,\nSumber: Badan Pusat Statistik,,,,\n", "utf-8")
    with pytest.raises(ValueError, match="a numbered list") as err:
        read_bps_table(path, locale="en")
    said = str(err.value)
    assert f"{_NUMBERED}; once it is removed, the table looks transposed" in said
    # Followed: the column of numbers removed (each line's first field, as
    # deleting the spreadsheet's column A does), then the recipe as printed.
    lines = path.read_text("utf-8").splitlines()
    path.write_text("\n".join(s.split(",", 1)[1] for s in lines) + "\n", "utf-8")
    m = re.search(
        r"(pandas\.read_csv\(\.\.\.,[^)]*\)), and pass (df.*?\.T\.reset_index\(\))",
        said,
    )
    assert m is not None, said
    df = eval(m[1].replace("(...,", f"({str(path)!r},"), {"pandas": pd})
    t = read_bps_table(eval(m[2], {"df": df}), locale="en")
    got = {(r.label, r.year, r.month): r.value for r in t.data.itertuples()}
    assert got == {
        ("Jawa Tengah", 2025, 3): 9.48,
        ("Jawa Tengah", 2025, 9): 9.39,
        ("Jawa Tengah", 2026, 3): 9.21,
        ("DI Yogyakarta", 2025, 3): 10.23,
        ("DI Yogyakarta", 2025, 9): 10.08,
        ("DI Yogyakarta", 2026, 3): 9.7,
        ("Jawa Timur", 2025, 3): 9.5,
        ("Jawa Timur", 2025, 9): 9.3,
        ("Jawa Timur", 2026, 3): 9.06,
    }


def test_a_numbered_series_of_years_gets_the_advice() -> None:
    # "No.,Tahun,...": the periods are years (digits), as the region names
    # of a wide table are not; the list's advice still comes first.
    text = (
        "No.,Tahun,JAWA TIMUR,Pacitan,Tuban\n1,2023,10.35,13.65,14.91\n"
        "2,2024,9.79,13.08,14.36\n,,,,\nSumber: Badan Pusat Statistik,,,,\n"
    )
    with pytest.raises(ValueError, match="a numbered list") as err:
        read_bps_table(io.StringIO(text), locale="en", month=3)
    assert "once it is removed, the table looks transposed" in str(err.value)
