"""read_bps_table: "KABUPATEN" and "KOTA" heading rows over bare names."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from povstat import BpsTable, read_bps_table
from spreadsheets import xlsx_path


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


@pytest.mark.parametrize("cells", ["5;6", "-;-", "\u2026;\u2026", "5,2;5,1", ";-"])
def test_a_kota_heading_is_a_heading_whatever_its_value_cells_hold(cells: str) -> None:
    # "KOTA;-;-" (BPS's nil mark), "KOTA;…;…" and "KOTA;5,2;5,1" (the
    # section's subtotals) head the cities as "KOTA;;" does: Malang below is
    # Kota Malang (3573), Blitar Kota Blitar (3572), not the regencies 3507
    # and 3505 a bare name reads as.
    text = (
        "Kabupaten/Kota;2022;2023\nKABUPATEN;-;-\nPacitan;13,8;13,65\n"
        f"KOTA;{cells}\nMalang;4,3;4,2\nBlitar;7,2;7,0\n"
    )
    t = _read(text)
    assert _codes(t) == {
        "KABUPATEN": None,
        "Pacitan": "3501",
        "KOTA": None,
        "Malang": "3573",
        "Blitar": "3572",
    }
    assert t.unmatched["label"].tolist() == ["KABUPATEN", "KOTA"]
    assert "read as kota names" in t.unmatched["reason"].iloc[1]


def test_a_headings_subtotals_are_kept_and_named() -> None:
    # "KOTA;5,2;5,1": its numbers stay in data (5.2 and 5.1, no region code)
    # and its reason names them as the section's subtotals.
    t = _read("Kabupaten/Kota;2022;2023\nKOTA;5,2;5,1\nMalang;4,3;4,2\n")
    kota = t.data[t.data["label"] == "KOTA"]
    assert kota["value"].tolist() == [5.2, 5.1]
    assert kota["region_code"].isna().all()
    reason = str(t.unmatched["reason"].iloc[0])
    assert "subtotals" in reason
    assert "'5,2', '5,1'" in reason


@pytest.mark.parametrize(
    ("kab", "kota"),
    [
        ("Kabupaten/Regency", "Kota/Municipality"),
        ("Kabupaten/Regency", "Kota/City"),
        ("Regencies", "Municipalities"),
        ("A. KABUPATEN", "B. KOTA"),
        ("1. Kabupaten", "2. Kota"),
        ("I. KABUPATEN", "II. KOTA"),
        ("KABUPATEN", "KOTA MADYA"),
        ("KABUPATEN", "Kotamadya"),
        ("KABUPATEN", "Kota Administrasi"),
        ("KABUPATEN", "Kota *)"),
        ("KABUPATEN", "Kota\u00b9"),
        ("Kabupaten (Regency)", "Kota (City)"),
        ("KABUPATEN:", "KOTA:"),
    ],
)
def test_heading_spellings_with_numbers_glosses_and_marks(kab: str, kota: str) -> None:
    # BPS "Dalam Angka" sections: a list number or letter, an English gloss,
    # a footnote mark around the kind. Under the city heading 72. Blitar is
    # Kota Blitar (3572) and 73. Malang Kota Malang (3573); under the regency
    # heading 05. Blitar is Kabupaten Blitar (3505), 07. Malang 3507: no two
    # rows for one region.
    text = (
        f"Kabupaten/Kota;2022;2023\n{kab};;\n01. Pacitan;13,8;13,65\n"
        "05. Blitar;8,8;8,6\n07. Malang;9,55;9,45\n"
        f"{kota};;\n72. Blitar;7,2;7,0\n73. Malang;4,37;4,26\n"
    )
    t = _read(text)
    assert t.data["region_code"].dropna().drop_duplicates().tolist() == [
        "3501",
        "3505",
        "3507",
        "3572",
        "3573",
    ]
    assert t.unmatched["label"].tolist() == [kab, kota]


@pytest.mark.parametrize("label", ["Kabupaten/Kota", "Kota/Kabupaten", "Kota Malang"])
def test_a_label_of_two_kinds_or_a_city_is_no_heading(label: str) -> None:
    # "Kabupaten/Kota" names both kinds: no heading of one; Malang below
    # stays the bare name's Kabupaten Malang (3507). "Kota Malang" is a city.
    t = _read(f"Wilayah;2022\n{label};5\nMalang;3\n", errors="report")
    assert t.data["region_code"].tolist()[-1] == "3507"


def test_a_bare_name_twice_names_the_regency_and_the_city() -> None:
    # "Malang" twice under no heading: both are Kabupaten Malang (3507), and
    # Malang is also Kota Malang (3573): the message says so and how to
    # name them, not to remove a row.
    text = "Kabupaten/Kota;2022\nPacitan;13,8\nMalang;9,5\nMalang;4,3\n"
    with pytest.raises(
        ValueError,
        match=r"(?s)'Malang' names both 3507 Kabupaten Malang and 3573 Kota "
        r"Malang.*probably the regency and the city.*'Kota Malang'.*'KOTA'",
    ):
        _read(text)
    # A name of no city keeps the general advice.
    with pytest.raises(ValueError, match="remove or rename the extra rows"):
        _read("Kabupaten/Kota;2022\nPacitan;13,8\nPacitan;4,3\n")


def test_a_kota_heading_in_a_workbook(tmp_path: Path) -> None:
    # The same in an .xlsx sheet: Malang under KOTA is 3573.
    path = xlsx_path(
        tmp_path / "kota.xlsx",
        [["Kabupaten/Kota", 2022], ["KOTA", None], ["Malang", 3.0]],
    )
    t = read_bps_table(path, locale="id", errors="report")
    assert t.data["region_code"].dropna().tolist() == ["3573"]


def test_a_regency_under_a_kota_heading_is_unmatched_and_named() -> None:
    # No city is named Pacitan: under "KOTA" the bare name matches nothing,
    # and the reason names the regency it is read alone (3501).
    t = _read("Kabupaten/Kota;2022\nKOTA;8\nPacitan;13,8\nMalang;4,3\n")
    assert _codes(t) == {"KOTA": None, "Pacitan": None, "Malang": "3573"}
    reason = str(t.unmatched["reason"].iloc[1])
    assert "no kota has this name" in reason
    assert "3501 Kabupaten Pacitan" in reason
