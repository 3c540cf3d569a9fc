"""read_bps_table: a row naming one kind of region heads a section of that kind.

"DAFTAR KOTA" (list of cities), "KOTA DI JAWA TIMUR", "DAFTAR KABUPATEN"
name one kind of region and are no total: like a bare "KOTA" heading, they
give their kind to the bare names below them, so "Malang" under "DAFTAR
KOTA" is Kota Malang (3573), never the regency Kabupaten Malang (3507). A
total row naming a kind ("Jumlah Kota", no number) ends the section above
and heads none: a bare name below it is read as under no heading (a bare
name is a regency, as in BPS's tables).

Values: BPS, percentage of poor people, March 2023, East Java
(``bps_p0_kabkota_2004_2025.csv``): Kabupaten Malang 9.45, Kota Malang
4.26, Kabupaten Madiun 11.04, Kota Madiun 4.74.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

_TITLE = "Persentase Penduduk Miskin\nKabupaten/Kota;2023\nJAWA TIMUR;10,35\n"


def _read(body: str) -> tuple[list[object], list[float], list[str]]:
    t = read_bps_table(
        io.StringIO(_TITLE + body), locale="id", sep=";", month=3, errors="report"
    )
    codes = [None if pd.isna(c) else c for c in t.data["region_code"]]
    return codes, t.data["value"].tolist(), t.unmatched["reason"].tolist()


@pytest.mark.parametrize(
    "row",
    [
        "DAFTAR KOTA",
        "Daftar Kota:",
        "KOTA DI JAWA TIMUR",
        "Kota di Provinsi Jawa Timur",
        "List of Cities",
        # Words of _HEADING_WORDS the former lists of kind words left out.
        "DAFTAR KOTAMADYA DATI II",
        "List of Administrative Cities",
    ],
)
def test_a_row_naming_the_cities_heads_them(row: str) -> None:
    # Under KABUPATEN, "Malang" is Kabupaten Malang 3507; below the row,
    # "Malang" is Kota Malang 3573 (before, the regency 3507 again: the
    # section of regencies ended, or went on, and a bare name is a regency).
    codes, values, reasons = _read(f"KABUPATEN;\nMalang;9,45\n{row};\nMalang;4,26\n")
    assert codes == ["35", None, "3507", None, "3573"]
    assert (values[2], values[4]) == (9.45, 4.26)
    assert any(r.startswith("a heading: ") and "kota names" in r for r in reasons)


@pytest.mark.parametrize(
    "row", ["DAFTAR KABUPATEN", "KABUPATEN DI JAWA TIMUR", "Daftar Kabupaten Dati II"]
)
def test_a_row_naming_the_regencies_heads_them(row: str) -> None:
    # Under KOTA, "Madiun" is Kota Madiun 3577; below the row, Kabupaten
    # Madiun 3519.
    codes, _, reasons = _read(f"KOTA;\nMadiun;4,74\n{row};\nMadiun;11,04\n")
    assert codes == ["35", None, "3577", None, "3519"]
    assert any(r.startswith("a heading: ") and "kabupaten names" in r for r in reasons)


@pytest.mark.parametrize("row", ["Jumlah Kota", "JUMLAH KOTA;-", "Sub-total Kota"])
def test_a_total_row_naming_a_kind_heads_no_section(row: str) -> None:
    # "Jumlah Kota" (no number) ends the KABUPATEN section but heads no
    # section of cities: "Malang" below it lies under no heading and is
    # the regency 3507 (were the total read as a heading, Kota Malang 3573).
    cells = row if ";" in row else f"{row};"
    codes, _, reasons = _read(f"KABUPATEN;\nPacitan;13,8\n{cells}\nMalang;9,45\n")
    assert codes == ["35", None, "3501", None, "3507"]
    ended = [r for r in reasons if r.startswith("names a kind of region but is no")]
    assert len(ended) == 1
    assert "it ends the section of kabupaten names above it" in ended[0]
    assert "a total row" in ended[0]
