"""The leave-out advice followed on a polars frame (sheets16 F3).

A remarks column ("Keterangan") names no period; the advice to drop it
from a frame read with every column as text must give code that runs on
the frame the user passed: polars ``df.drop([...])`` (polars' drop takes
no ``columns=``), pandas ``df.drop(columns=[...])``.

Figures: P0 (Persen), March, bps_p0_kabkota_2004_2025.csv: JAWA TIMUR
10.35 / 9.79 (2023, 2024), Pacitan 13.65 / 13.08 (copied by hand).
"""

from __future__ import annotations

import io
import re
from typing import Any

import pandas as pd
import pytest

from povstat import read_bps_table

pl = pytest.importorskip("polars")

_TEXT = (
    "Kabupaten/Kota,2023,2024,Keterangan\n"
    "JAWA TIMUR,10.35,9.79,angka tetap\nPacitan,13.65,13.08,\n"
)
_SOURCE = [10.35, 9.79, 13.65, 13.08]


def _advice(frame: Any) -> str:
    with pytest.raises(ValueError, match="leave the column out") as info:
        read_bps_table(frame, locale="en", month=3)
    return str(info.value)


def test_polars_frame_advice_followed() -> None:
    df = pl.read_csv(io.StringIO(_TEXT), infer_schema=False)
    said = _advice(df)
    # The column named by its label in the frame (sheets17 G2).
    assert re.search(r"polars df\.drop\(\['Keterangan'\]\)", said)
    # As printed for polars: the column's name in the list.
    t = read_bps_table(df.drop(["Keterangan"]), locale="en", month=3)
    assert t.data["value"].tolist() == _SOURCE
    assert df.columns == ["Kabupaten/Kota", "2023", "2024", "Keterangan"]


def test_pandas_frame_advice_followed() -> None:
    df = pd.read_csv(io.StringIO(_TEXT), dtype=str, keep_default_na=False)
    said = _advice(df)
    assert "pandas df.drop(columns=['Keterangan'])" in said
    t = read_bps_table(df.drop(columns=["Keterangan"]), locale="en", month=3)
    assert t.data["value"].tolist() == _SOURCE
