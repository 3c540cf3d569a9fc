"""read_bps_table: "Kota" / "Desa" sub-rows under each region split its area.

BPS's "Menurut Kabupaten/Kota dan Daerah" tables are also written long: each
regency's row, then its urban ("Kota") and rural ("Desa") parts below it. A
"Kota" row beside a "Desa" row is that split, read as "Perkotaan" /
"Perdesaan" sub-rows are, never a heading of cities: the bare "Madiun" and
"Kediri" below it stay the regencies Kabupaten Madiun (3519) and Kabupaten
Kediri (3506).

Region totals (ribu jiwa, 2022 / 2023) from BPS's poor population by
regency (bps_poor_kabkota_2004_2025.csv): Pacitan 76.93 / 76.20, Madiun
74.07 / 75.87 (Kota Madiun: 8.49), Kediri 169.46 / 171.18 (Kota Kediri:
21.15). The urban/rural parts are set to sum to those totals by hand
(5.10 + 71.83 = 76.93; 10.50 + 63.57 = 74.07).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table


def _table(urban: str, rural: str, *, rural_first: bool = False) -> str:
    def split(u: str, r: str) -> str:
        a, b = f"{urban},{u}\n", f"{rural},{r}\n"
        return b + a if rural_first else a + b

    return (
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota dan Daerah (Ribu Jiwa) "
        "Jawa Timur,,\nKabupaten/Kota,2022,2023\n"
        "Pacitan,76.93,76.20\n"
        + split("5.10,5.01", "71.83,71.19")
        + "Madiun,74.07,75.87\n"
        + split("10.50,10.87", "63.57,65.00")
        + "Kediri,169.46,171.18\n"
    )


def _codes(text: str) -> dict[str, object]:
    t = read_bps_table(io.StringIO(text), locale="en")
    d = t.data[t.data["year"] == 2022].drop_duplicates("label").set_index("label")
    return {str(k): (None if pd.isna(c) else c) for k, c in d["region_code"].items()}


@pytest.mark.parametrize(
    ("urban", "rural"),
    [
        ("Kota", "Desa"),
        ("Daerah Kota", "Daerah Desa"),
        ("Wilayah Kota", "Wilayah Desa"),
        ("Kota (K)", "Desa (D)"),
        ("  Kota", "  Desa"),
        ("- Kota", "- Desa"),
        ("Kota", "Perdesaan"),
        # The rural part written bilingual or glossed, as a column group's
        # split part is ("Desa/Rural", "Perdesaan (Rural)"): before, "Kota"
        # above it headed cities and Madiun, Kediri were read as Kota
        # Madiun (3577) and Kota Kediri (3571).
        ("Kota", "Desa/Rural"),
        ("Kota", "Perdesaan (Rural)"),
        ("Kota/Urban", "Perdesaan (Rural)"),
    ],
)
def test_kota_beside_desa_is_an_area_split(urban: str, rural: str) -> None:
    codes = _codes(_table(urban, rural))
    assert codes["Madiun"] == "3519"
    assert codes["Kediri"] == "3506"
    assert codes[urban.strip()] is None


def test_desa_before_kota_is_an_area_split() -> None:
    codes = _codes(_table("Kota", "Desa", rural_first=True))
    assert (codes["Madiun"], codes["Kediri"]) == ("3519", "3506")


def test_kota_heading_without_desa_still_heads_cities() -> None:
    # "KOTA" with no "Desa" beside it heads the cities below it: Kota
    # Madiun 8.49, Kota Kediri 21.15 in 2022.
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Jawa Timur,,\nKabupaten/Kota,2022,2023\n"
        "Pacitan,76.93,76.20\nKOTA,,\nMadiun,8.49,8.46\nKediri,21.15,21.03\n"
    )
    codes = _codes(text)
    assert (codes["Madiun"], codes["Kediri"]) == ("3577", "3571")
