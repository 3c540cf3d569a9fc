"""read_bps_table: the one-region series recipe keeps each value's period.

A one-region time series (periods down the first column, area groups
across: "Periode;Perkotaan;Perdesaan;Jumlah") is not read; the advice
prints a pandas recipe to read the series. ``df.melt()`` after
``index_col=0`` dropped the index, so every period; the recipe is now
``df.melt(ignore_index=False).reset_index()``. Run as printed, it gives
each value with its period and group, compared with the source.

Figures: BPS P0 Jawa Timur by area (bps_p0_prov_2007_2026.csv): Perkotaan
7.71 / 7.78 (Maret / September 2022), 7.50 (Maret 2023), 7.12 / 6.83
(Maret / September 2024); Perdesaan 13.69 / 13.90, 13.98, 13.30 / 13.19;
Jumlah 10.38 / 10.49, 10.35, 9.79 / 9.56.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pandas as pd
import pytest

import povstat
from povstat import read_bps_table

_PERIODS = [
    "Maret 2022",
    "September 2022",
    "Maret 2023",
    "Maret 2024",
    "September 2024",
]
_VALUES = {
    "Perkotaan": ["7.71", "7.78", "7.5", "7.12", "6.83"],
    "Perdesaan": ["13.69", "13.9", "13.98", "13.3", "13.19"],
    "Jumlah": ["10.38", "10.49", "10.35", "9.79", "9.56"],
}


@pytest.mark.parametrize("title", [False, True])
@pytest.mark.parametrize(("locale", "sep"), [("id", ";"), ("en", ",")])
def test_the_recipe_followed_keeps_the_periods(
    tmp_path: Path, locale: Literal["id", "en"], sep: str, title: bool
) -> None:
    def num(x: str) -> str:
        return x.replace(".", ",") if locale == "id" else x

    lines = (
        [f"Persentase Penduduk Miskin Jawa Timur (Persen){sep * 3}"] if title else []
    )
    lines.append(sep.join(["Periode", *_VALUES]))
    for k, period in enumerate(_PERIODS):
        lines.append(sep.join([period, *(num(v[k]) for v in _VALUES.values())]))
    path = tmp_path / "jatim.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="one-region time series") as err:
        read_bps_table(path, locale=locale, sep=sep)
    said = str(err.value)
    read = re.search(
        r"(pandas\.read_csv\(\.\.\.[^)]*\)) and "
        r"(povstat\.parse_columns\(df.*?\.reset_index\(\))",
        said,
    )
    assert read is not None
    df = eval(read[1].replace("(...,", f"({str(path)!r},"), {"pandas": pd})
    long = eval(read[2], {"df": df, "povstat": povstat})
    got = {(r[0], r[1]): r[2] for r in long.itertuples(index=False)}
    # Each value with its period and group, as in the source.
    want = {
        (p, g): float(v[k]) for g, v in _VALUES.items() for k, p in enumerate(_PERIODS)
    }
    assert got == want
