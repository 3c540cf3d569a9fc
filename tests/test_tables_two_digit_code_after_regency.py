"""read_bps_table: two digits after a regency's or city's name are checked.

Two digits after a regency's or city's name ("Malang (Kode 73)", "Kota
Malang \u2013 07") are its number within its province (the last two digits of
its code) or a province's code; they must agree with the name, else the row
is unmatched, its reason naming both, never dropped. A province's code after
a province's name under a heading ("Jambi \u2013 15" under "KOTA") names the
province.

Figures (ribu jiwa, 2022 / 2023) from BPS's poor population by regency
(bps_poor_kabkota_2004_2025.csv): Pacitan 76.93 / 76.20, Kota Malang (3573)
38.56 / 37.78, Kota Batu 8.05 / 7.10, Jawa Timur 4181.29 / 4188.81; Kota
Sungai Penuh 2.64 / 2.66, Jambi (province) 279.37 / 280.68. Codes:
Kabupaten Malang 3507, Kota Malang 3573; 33 is Jawa Tengah, 73 Sulawesi
Selatan.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table


def _read(label: str) -> tuple[object, str | None]:
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Jawa Timur,,\nKabupaten/Kota,2022,2023\n"
        f"Pacitan,76.93,76.20\n{label},38.56,37.78\nKota Batu,8.05,7.10\n"
        "JAWA TIMUR,4181.29,4188.81\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    code = t.data.loc[t.data["label"] == label, "region_code"].iloc[0]
    reasons = t.unmatched.loc[t.unmatched["label"] == label, "reason"].tolist()
    return (None if pd.isna(code) else code), (reasons[0] if reasons else None)


@pytest.mark.parametrize(
    ("label", "written", "region"),
    [
        ("Malang (Kode 73)", "73 Sulawesi Selatan", "3507 Kabupaten Malang"),
        ("Malang \u2013 73", "73 Sulawesi Selatan", "3507 Kabupaten Malang"),
        ("Kota Malang (Kode 07)", "3507 Kabupaten Malang", "3573 Kota Malang"),
        ("Kota Malang \u2013 07", "3507 Kabupaten Malang", "3573 Kota Malang"),
        ("Kota Malang (Kode 33)", "33 Jawa Tengah", "3573 Kota Malang"),
    ],
)
def test_disagreeing_two_digits_leave_the_row_unmatched(
    label: str, written: str, region: str
) -> None:
    code, reason = _read(label)
    assert code is None
    assert reason is not None
    assert written in reason
    assert region in reason
    assert "disagree" in reason


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Malang (Kode 07)", "3507"), ("Kota Malang (Kode 73)", "3573")],
)
def test_agreeing_two_digits_are_read(label: str, expected: str) -> None:
    assert _read(label) == (expected, None)


@pytest.mark.parametrize("label", ["Jambi \u2013 15", "Jambi (Kode 15)"])
def test_province_code_under_a_heading_names_the_province(label: str) -> None:
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa),,\nKabupaten/Kota,2022,2023\n"
        f"KOTA,,\nSungai Penuh,2.64,2.66\n{label},279.37,280.68\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    d = t.data[t.data["year"] == 2022].set_index("label")["region_code"]
    assert (d["Sungai Penuh"], d[label]) == ("1572", "15")
