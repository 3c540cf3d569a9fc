"""read_bps_table: a repeated header whose label names a kind says so.

"Kota,2022,2023" among the rows of a table headed "Kabupaten,2022,2023"
repeats the header's years, but its label starts the cities: skipping it
(errors='report') would read the bare names below it as regencies. The
error (raised with errors='report' too) says so and advises what works:
empty value cells make it a heading row, and the bare "Madiun" and
"Kediri" below it are then Kota Madiun (3577) and Kota Kediri (3571).

Figures (ribu jiwa, 2022 / 2023) from BPS's poor population by regency
(bps_poor_kabkota_2004_2025.csv): Pacitan 76.93 / 76.20, Ponorogo 81.80 /
83.71, Kota Madiun 8.49 / 8.46, Kota Kediri 21.15 / 21.03.
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


def _table(row: str) -> str:
    return (
        "Jumlah Penduduk Miskin (Ribu Jiwa) Jawa Timur,,\nKabupaten,2022,2023\n"
        "Pacitan,76.93,76.20\nPonorogo,81.80,83.71\n"
        f"{row}\nMadiun,8.49,8.46\nKediri,21.15,21.03\n"
    )


def test_error_names_the_kind_and_not_errors_report() -> None:
    with pytest.raises(ValueError, match="repeat the header") as info:
        read_bps_table(io.StringIO(_table("Kota,2022,2023")), locale="en")
    msg = str(info.value)
    assert "'Kota' names a kind of region (kota)" in msg
    assert "read as regencies" in msg
    assert "errors='report'" not in msg


def test_advice_followed_reads_the_cities() -> None:
    t = read_bps_table(io.StringIO(_table("Kota,,")), locale="en")
    d = t.data[t.data["year"] == 2022].set_index("label")["region_code"]
    assert (d["Ponorogo"], d["Madiun"], d["Kediri"]) == ("3502", "3577", "3571")


def test_header_naming_two_kinds_keeps_the_old_advice() -> None:
    with pytest.raises(ValueError, match="errors='report'"):
        read_bps_table(io.StringIO(_table("Kabupaten/Kota,2022,2023")), locale="en")


def test_errors_report_refuses_it_too() -> None:
    # Skipping the row (what errors="report" does with a repeated header)
    # would file Kota Madiun's 8.49 under Kabupaten Madiun (3519): refused.
    with pytest.raises(ValueError, match="'Kota' names a kind of region"):
        read_bps_table(
            io.StringIO(_table("Kota,2022,2023")), locale="en", errors="report"
        )
