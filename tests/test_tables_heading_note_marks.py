"""read_bps_table: a note mark on a section heading's label is read past.

"KOTA DI JAWA TIMUR\u00b9", "KOTA (Lanjutan) 1)", "Kota di Jatim 2)" head the
cities below them, as "KOTA \u00b9" does: the bare "Kediri" and "Madiun" under
them are Kota Kediri (3571) and Kota Madiun (3577), not the regencies (3506,
3519).

Figures (ribu jiwa, 2022 / 2023) from BPS's poor population by regency
(bps_poor_kabkota_2004_2025.csv): Jawa Timur 4181.29 / 4188.81, Pacitan
76.93 / 76.20, Kota Kediri 21.15 / 21.03, Kota Madiun 8.49 / 8.46.
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


@pytest.mark.parametrize(
    "heading",
    [
        "KOTA DI JAWA TIMUR\u00b9",
        "Kota se-Jawa Timur \u00b9",
        "KOTA (Lanjutan)\u00b9",
        "KOTA (Lanjutan) 1)",
        "Kota (Lanjutan) (1)",
        "Kota di Jatim 2)",
    ],
)
def test_marked_heading_heads_the_cities(heading: str) -> None:
    text = (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Jawa Timur,,\nKabupaten/Kota,2022,2023\n"
        "JAWA TIMUR,4181.29,4188.81\nKABUPATEN,,\nPacitan,76.93,76.20\n"
        f"{heading},,\nKediri,21.15,21.03\nMadiun,8.49,8.46\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    d = t.data[t.data["year"] == 2022].set_index("label")["region_code"]
    assert (d["Pacitan"], d["Kediri"], d["Madiun"]) == ("3501", "3571", "3577")
