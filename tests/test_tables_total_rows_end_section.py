"""read_bps_table: more spellings of a total row end a heading's section.

Under a "KOTA" heading, a total row of the cities ends their section and
heads none, so the bare names below it are read as under no heading: BPS's
abbreviation "Jml. Kota", "JML KOTA", "Jumlah Kota", "Subjumlah Kota",
"Rata-rata Kota", "Rerata Kota", "Gabungan Kota", "Jumlah Kota
Administratif", and a bare "Jumlah" / "Sub Total" holding the cities'
subtotal, whether the row holds the subtotal or no number (empty cells or
BPS's "-"). With no number such a row is no heading of cities either.

Figures (ribu jiwa, 2022 / 2023) from BPS's poor population by regency
(bps_poor_kabkota_2004_2025.csv): Kota Madiun 8.49 / 8.46, Kota Kediri
21.15 / 21.03 (their sum 29.64 / 29.49, worked by hand), Kabupaten Malang
(3507) 252.88 / 251.36, Kabupaten Blitar (3505) 101.94 / 101.94, Jawa Timur
4181.29 / 4188.81.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table


def _read(total: str) -> tuple[dict[str, object], dict[str, str]]:
    # The code of each label, and the unmatched rows' reasons.
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Jawa Timur,,\nKabupaten/Kota,2022,2023\n"
        "KOTA,,\nMadiun,8.49,8.46\nKediri,21.15,21.03\n"
        f"{total}\nMalang,252.88,251.36\nBlitar,101.94,101.94\n"
        "JAWA TIMUR,4181.29,4188.81\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    d = t.data[t.data["year"] == 2022].drop_duplicates("label").set_index("label")
    codes = {str(k): (None if pd.isna(c) else c) for k, c in d["region_code"].items()}
    reasons = dict(zip(t.unmatched["label"], t.unmatched["reason"], strict=True))
    return codes, reasons


@pytest.mark.parametrize(
    "label",
    [
        "Jml. Kota",
        "JML KOTA",
        "Jml Kota-Kota",
        "Jumlah Kota",
        "Subjumlah Kota",
        "Rata-rata Kota",
        "Rerata Kota",
        "Gabungan Kota",
        "Agregat Kota",
        "Jumlah Kota Administratif",
        "Jumlah",
        "Sub Total",
    ],
)
@pytest.mark.parametrize(
    "cells", ["29.64,29.49", ",", "-,-"], ids=["subtotal", "empty", "dash"]
)
def test_total_row_ends_the_cities_section(label: str, cells: str) -> None:
    # Madiun and Kediri under KOTA: Kota Madiun 3577, Kota Kediri 3571. The
    # total row ends their section, so Malang and Blitar below it are read
    # alone: Kabupaten Malang 3507, Kabupaten Blitar 3505 (before, "Jumlah
    # Kota" with the subtotal and "Rata-rata Kota" with "-" left the cities'
    # section open: Kota Malang 3573, Kota Blitar 3572).
    codes, reasons = _read(f"{label},{cells}")
    assert (codes["Madiun"], codes["Kediri"]) == ("3577", "3571")
    assert (codes["Malang"], codes["Blitar"]) == ("3507", "3505")
    assert reasons[label].startswith("names a kind of region but is no heading")


@pytest.mark.parametrize("label", ["Persentase Kota", "Median Kota"])
def test_summary_row_with_no_number_heads_no_section(label: str) -> None:
    codes, _ = _read(f"{label},,")
    assert (codes["Malang"], codes["Blitar"]) == ("3507", "3505")


def test_total_of_a_split_under_a_city_keeps_the_section() -> None:
    # "Jumlah" below "Perkotaan" / "Perdesaan" totals Kota Madiun's split
    # (here all urban: 8.49 + 0 = 8.49), not the cities' section: Kediri
    # below it is still Kota Kediri.
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Jawa Timur,,\nKabupaten/Kota,2022,2023\n"
        "KOTA,,\nMadiun,8.49,8.46\nPerkotaan,8.49,8.46\nPerdesaan,0,0\n"
        "Jumlah,8.49,8.46\nKediri,21.15,21.03\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    d = t.data[t.data["year"] == 2022].drop_duplicates("label").set_index("label")
    assert d.loc["Kediri", "region_code"] == "3571"
