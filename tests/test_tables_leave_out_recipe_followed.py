"""read_bps_table: the "leave the column out" recipes carry sep= and skiprows=.

A remarks column ("Keterangan"), a codes column ("Kode"), a change column
("Perubahan", "Maret 2023 - Maret 2024") or a province column beside the
region names is not read; the advice prints a pandas.read_csv call with
``usecols=...``. Like the other recipes, it now names the caller's
separator (``sep=';'``, what Excel writes in Indonesian settings) and
skips the title line above the header (``skiprows=1``). Each recipe is
run as printed, ``...`` filled with the path and the period columns, and
the values compared with the source.

Figures: BPS P0 kab/kota, Maret (bps_p0_kabkota_2004_2025.csv): JAWA TIMUR
10.35 / 9.79, Pacitan 13.65 / 13.08, Ponorogo 9.53 / 9.11 (2023 / 2024).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pandas as pd
import pytest

from povstat import read_bps_table

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"
_SOURCE = [10.35, 9.79, 13.65, 13.08, 9.53, 9.11]
_ROWS = [
    ("JAWA TIMUR", "10.35", "9.79"),
    ("Pacitan", "13.65", "13.08"),
    ("Ponorogo", "9.53", "9.11"),
]


def _file(path: Path, extra: str, fill: str, *, sep: str, title: bool) -> Path:
    def num(x: str) -> str:
        return x.replace(".", ",") if sep == ";" else x

    lines = [f"{_TITLE}{sep * 3}"] if title else []
    first = "Provinsi" if extra == "Provinsi" else "Kabupaten/Kota"
    second = "Kabupaten/Kota" if extra == "Provinsi" else None
    head = (
        [first, "2023", "2024", extra]
        if second is None
        else [second, "2023", "2024", first]
    )
    lines.append(sep.join(head))
    for name, a, b in _ROWS:
        lines.append(sep.join([name, num(a), num(b), fill]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("title", [True, False])
@pytest.mark.parametrize("sep", [";", ","])
@pytest.mark.parametrize(
    ("extra", "fill"),
    [
        ("Keterangan", ""),
        ("Kode", "35"),
        ("Perubahan", "0"),
        ("Maret 2023 - Maret 2024", "0"),
        ("Provinsi", "Jawa Timur"),
    ],
)
def test_the_recipe_followed_reads_the_source(
    tmp_path: Path, extra: str, fill: str, sep: str, title: bool
) -> None:
    path = _file(tmp_path / "t.csv", extra, fill, sep=sep, title=title)
    locale: Literal["id", "en"] = "id" if sep == ";" else "en"
    with pytest.raises(ValueError, match="usecols") as err:
        read_bps_table(path, locale=locale, sep=sep, month=3)
    printed = re.search(
        r"pandas\.read_csv\(\.\.\., [^)]*usecols=[^)]*\)", str(err.value)
    )
    assert printed is not None
    code = printed[0]
    assert (f"sep={sep!r}" in code) is (sep != ",")
    assert ("skiprows=1" in code) is title
    label = "Kabupaten/Kota"
    filled = code.replace("pandas.read_csv(...,", f"pandas.read_csv({str(path)!r},")
    filled = filled.replace("usecols=...", f"usecols={[label, '2023', '2024']!r}")
    df = eval(filled, {"pandas": pd})
    t = read_bps_table(df, locale=locale, month=3)
    assert t.data["value"].tolist() == _SOURCE
