"""read_bps_table: "Kota di Gorontalo" heads the cities, as "Kota di Jambi" does.

Gorontalo is the name of a province (75) and of a regency (7501 Kabupaten
Gorontalo). Beside a section's words ("di", "se", "Provinsi") it is the
province's name, so "Kota di Gorontalo" heads a section of cities and the
bare "Gorontalo" below it is Kota Gorontalo (7571).

Figures (ribu jiwa, 2022 / 2023) from BPS's poor population by regency
(bps_poor_kabkota_2004_2025.csv): Gorontalo (province) 185.44 / 183.72,
Kabupaten Gorontalo 66.64 / 65.88, Kota Gorontalo 12.67 / 12.62.
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


def _codes(text: str) -> list[object]:
    t = read_bps_table(io.StringIO(text), locale="en")
    return t.data.loc[t.data["year"] == 2022, "region_code"].tolist()


@pytest.mark.parametrize(
    "heading",
    [
        "Kota di Gorontalo",
        "Kota se-Gorontalo",
        "KOTA DI GORONTALO",
        "Kota di Provinsi Gorontalo",
    ],
)
def test_city_heading_naming_gorontalo(heading: str) -> None:
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Provinsi Gorontalo,,\n"
        "Kabupaten/Kota,2022,2023\nGORONTALO,185.44,183.72\n"
        f"{heading},,\nGorontalo,12.67,12.62\n"
    )
    assert _codes(text)[2] == "7571"


def test_both_headings_naming_gorontalo() -> None:
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Provinsi Gorontalo,,\n"
        "Kabupaten/Kota,2022,2023\nGORONTALO,185.44,183.72\n"
        "Kabupaten di Gorontalo,,\nGorontalo,66.64,65.88\n"
        "Kota di Gorontalo,,\nGorontalo,12.67,12.62\n"
    )
    codes = _codes(text)
    assert (codes[2], codes[4]) == ("7501", "7571")
