"""read_bps_table: a short row in a transposed CSV table is named (sheets20 J5).

A table with the periods down is refused as transposed before its rows are
checked, and the advice hands the file to pandas.read_csv, which pads a row
shorter than the header with empty fields at its end: "Maret 2026,9.21,9.06"
under "Jawa Tengah, DI Yogyakarta, Jawa Timur" gave DI Yogyakarta 9.06 and
Jawa Timur nothing, silently. povstat counts each row's fields (a wide table's
short row is an invalid cell, "no such field"); the advice now names the
short row and says to write an empty field first. Followed as printed, with
the field written, each value stays with its region.

Source: bps_p0_prov_2007_2026.csv, Jumlah, semester 1 and 2: Jawa Tengah
(line 17) FT 9.48 (Maret 2025), FU 9.39 (September 2025), FW 9.21 (Maret
2026); DI Yogyakarta (line 18) 10.23, 10.08, 9.7; Jawa Timur (line 19) 9.5,
9.3, 9.06. In the file tested DI Yogyakarta's March 2026 figure is left
out, not yet received.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table

_HEAD = (
    "Persentase Penduduk Miskin (P0) Menurut Provinsi (Persen),,,\n"
    "Periode,Jawa Tengah,DI Yogyakarta,Jawa Timur\n"
    "Maret 2025,9.48,10.23,9.5\nSeptember 2025,9.39,10.08,9.3\n"
)
_TAIL = ",,,\nSumber: Badan Pusat Statistik,,,\n"


def _follow(said: str, path: Path) -> dict[tuple[str, int, int], float | None]:
    """The printed file recipe run exactly, with the path for "..."."""
    m = re.search(
        r"(pandas\.read_csv\(\.\.\.,[^)]*\)), and pass (df.*?\.T\.reset_index\(\))",
        said,
    )
    assert m is not None, said
    df = eval(m[1].replace("(...,", f"({str(path)!r},"), {"pandas": pd})
    turned = eval(m[2], {"df": df})
    t = read_bps_table(turned, locale="en")
    assert t.invalid == ()
    return {
        (str(label), int(y), int(m)): None if math.isnan(v) else float(v)
        for label, y, m, v in t.data[["label", "year", "month", "value"]].itertuples(
            index=False
        )
    }


def test_the_short_row_is_named_and_the_advice_followed_keeps_regions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(_HEAD + "Maret 2026,9.21,9.06\n" + _TAIL, encoding="utf-8")
    with pytest.raises(ValueError, match="looks transposed") as err:
        read_bps_table(path, locale="en")
    said = str(err.value)
    assert (
        "first write each row with as many fields as the header row 2 (4 fields): "
        "row 5 writes 3, which pandas.read_csv would pad at its end, moving its "
        "values to the columns of others (write an empty field for a missing "
        "value); then read it into a frame" in said
    )
    # Followed: the empty field written for DI Yogyakarta's missing figure.
    path.write_text(_HEAD + "Maret 2026,9.21,,9.06\n" + _TAIL, encoding="utf-8")
    got = _follow(said, path)
    march = {k[0]: v for k, v in got.items() if k[1:] == (2026, 3)}
    assert march == {"Jawa Tengah": 9.21, "DI Yogyakarta": None, "Jawa Timur": 9.06}
    assert got["Jawa Timur", 2025, 9] == 9.3


def test_rows_as_long_as_the_header_get_no_such_advice(tmp_path: Path) -> None:
    path = tmp_path / "p0.csv"
    path.write_text(_HEAD + "Maret 2026,9.21,9.7,9.06\n" + _TAIL, encoding="utf-8")
    with pytest.raises(ValueError, match="looks transposed") as err:
        read_bps_table(path, locale="en")
    assert "first write each row" not in str(err.value)
    got = _follow(str(err.value), path)
    march = {k[0]: v for k, v in got.items() if k[1:] == (2026, 3)}
    assert march == {"Jawa Tengah": 9.21, "DI Yogyakarta": 9.7, "Jawa Timur": 9.06}


def test_several_short_rows_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "p0.csv"
    text = _HEAD.replace("9.39,10.08,9.3", "9.39,9.3") + "Maret 2026,9.21,9.06\n"
    path.write_text(text + _TAIL, encoding="utf-8")
    with pytest.raises(ValueError, match="looks transposed") as err:
        read_bps_table(path, locale="en")
    # Each row named with its count (sheets21 K6): rows 4 and 5 write 3.
    assert "row 4 writes 3, row 5 writes 3, which pandas.read_csv would pad" in str(
        err.value
    )


def test_a_long_row_is_told_to_lose_its_extra_field(tmp_path: Path) -> None:
    # sheets21 K6: a stray comma at the end of September 2025's row makes
    # it 5 fields long; pandas does not pad it, it refuses it: the advice
    # says to remove the field, and followed gives the source values.
    path = tmp_path / "p0.csv"
    head = _HEAD.replace("9.39,10.08,9.3\n", "9.39,10.08,9.3,\n")
    path.write_text(head + "Maret 2026,9.21,9.7,9.06\n" + _TAIL, encoding="utf-8")
    with pytest.raises(ValueError, match="looks transposed") as err:
        read_bps_table(path, locale="en")
    said = str(err.value)
    assert (
        "row 4 writes 5, more than the header, which pandas.read_csv cannot "
        "line up with its columns (remove the extra field" in said
    )
    assert "pad" not in said.split("(4 fields):")[1].split("; then")[0]
    path.write_text(_HEAD + "Maret 2026,9.21,9.7,9.06\n" + _TAIL, encoding="utf-8")
    got = _follow(said, path)
    assert got["Jawa Timur", 2025, 9] == 9.3
    assert got["DI Yogyakarta", 2026, 3] == 9.7
