"""read_bps_table: the wrong-separator advice for a frame skips a title line.

A ";" or tab file with BPS's title line above the header, read with
pandas' default ",", is a frame of one column named by the title, its rows
holding the fields joined by the separator. The advice now prints
``skiprows=1`` with the separator (before, the recipe lacked it, and
followed, pandas took the title as the header and the fields as a
MultiIndex; a tab file got no separator advice at all). Each recipe is run
as printed and the values compared with the source.

Figures: BPS P0 kab/kota Jawa Timur, Maret (bps_p0_kabkota_2004_2025.csv):
JAWA TIMUR 10.35 / 9.79 / 9.50, Pacitan 13.65 / 13.08 / 12.97
(2023 / 2024 / 2025).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from povstat import read_bps_table

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"
_LINES = [
    ["Kabupaten/Kota", "2023", "2024", "2025"],
    ["JAWA TIMUR", "10.35", "9.79", "9.5"],
    ["Pacitan", "13.65", "13.08", "12.97"],
]
_SOURCE = [10.35, 9.79, 9.5, 13.65, 13.08, 12.97]


@pytest.mark.parametrize("titles", [0, 1, 2])
@pytest.mark.parametrize("sep", [";", "\t"])
def test_the_advice_followed_reads_the_source(
    tmp_path: Path, sep: str, titles: int
) -> None:
    head = [_TITLE, "Sumber: BPS"][:titles]
    path = tmp_path / "p0.csv"
    path.write_text(
        "\n".join([*head, *(sep.join(x) for x in _LINES)]) + "\n", encoding="utf-8"
    )
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    with pytest.raises(ValueError, match="wrong separator") as err:
        read_bps_table(df, locale="en", month=3)
    printed = re.search(r"pandas\.read_csv\(\.\.\., [^)]*\)", str(err.value))
    assert printed is not None
    code = printed[0]
    assert f"sep={sep!r}" in code
    assert ("skiprows=" in code) is bool(titles)
    again = eval(code.replace("(...,", f"({str(path)!r},"), {"pandas": pd})
    t = read_bps_table(again, locale="en", month=3)
    assert t.data["value"].tolist() == _SOURCE


def test_a_polars_frame_gets_polars_options(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    path = tmp_path / "p0.csv"
    path.write_text(
        "\n".join([_TITLE, *(";".join(x) for x in _LINES)]) + "\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="wrong separator") as err:
        read_bps_table(pl.read_csv(path, infer_schema=False), locale="en", month=3)
    printed = re.search(r"polars\.read_csv\(\.\.\., [^)]*\)", str(err.value))
    assert printed is not None
    assert "skip_rows=1" in printed[0]
    again = eval(printed[0].replace("(...,", f"({str(path)!r},"), {"polars": pl})
    t = read_bps_table(again, locale="en", month=3)
    assert t.data["value"].tolist() == _SOURCE
