"""read_bps_table: "KABUPATEN" and "KOTA" heading rows over bare names."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from povstat import BpsTable, read_bps_table


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", **kw)  # type: ignore[arg-type]


def _codes(t: BpsTable) -> dict[str, str | None]:
    first = t.data.drop_duplicates("label")
    return {
        str(lab): None if pd.isna(code) else str(code)
        for lab, code in zip(first["label"], first["region_code"], strict=True)
    }


@pytest.mark.parametrize("heading", ["KOTA", "Kota", "Kota:", "Kodya", "City"])
def test_bare_names_under_a_kota_heading_are_cities(heading: str) -> None:
    # Under KABUPATEN: Pacitan is Kabupaten Pacitan (3501). Under the city
    # heading: Malang is Kota Malang (3573), Blitar Kota Blitar (3572), Batu
    # Kota Batu (3579) (bare, they would be Kabupaten Malang 3507, Kabupaten
    # Blitar 3505, and no regency). The headings are unmatched rows.
    text = (
        "Kabupaten/Kota;2022;2023\nKABUPATEN;;\nPacitan;1;2\n"
        f"{heading};;\nMalang;3;4\nBlitar;5;6\nBatu;7;8\n"
    )
    t = _read(text, errors="report")
    assert _codes(t) == {
        "KABUPATEN": None,
        "Pacitan": "3501",
        heading: None,
        "Malang": "3573",
        "Blitar": "3572",
        "Batu": "3579",
    }
    assert t.unmatched["label"].tolist() == ["KABUPATEN", heading]
    assert "read as kota names" in t.unmatched["reason"].iloc[1]


def test_a_heading_ends_at_the_next_heading_or_province_row() -> None:
    # KOTA over Malang (Kota Malang 3573); the province row JAWA TIMUR ends
    # it: Blitar below is Kabupaten Blitar (3505); "Kota Batu" names its
    # kind itself (3579); under KABUPATEN, Malang is Kabupaten Malang (3507).
    text = "Kabupaten/Kota;2022\nKOTA;\nMalang;3\nKota Batu;2\nJAWA TIMUR;1\nBlitar;5\n"
    t = _read(text, errors="report")
    assert t.data["region_code"].dropna().tolist() == ["3573", "3579", "35", "3505"]
    t = _read("Kabupaten/Kota;2022\nKOTA;\nMalang;3\nKABUPATEN;\nMalang;4\n")
    assert t.data["region_code"].isna().tolist() == [True, False, True, False]
    assert t.data["region_code"].dropna().tolist() == ["3573", "3507"]


def test_a_row_labelled_kota_with_values_is_no_heading() -> None:
    # "Kota;5" holds a value: a row (urban total, unmatched), no heading;
    # Malang below stays Kabupaten Malang (3507).
    t = _read("Kabupaten/Kota;2022\nKota;5\nMalang;3\n", errors="report")
    assert t.data["region_code"].dropna().tolist() == ["3507"]
    assert "heading" not in str(t.unmatched["reason"].iloc[0])


def test_a_kota_heading_in_a_workbook(tmp_path: Path) -> None:
    # The same in an .xlsx sheet: Malang under KOTA is 3573.
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Kabupaten/Kota", 2022])
    ws.append(["KOTA", None])
    ws.append(["Malang", 3.0])
    path = tmp_path / "kota.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="id", errors="report")
    assert t.data["region_code"].dropna().tolist() == ["3573"]
