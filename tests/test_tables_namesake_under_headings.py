"""read_bps_table: a province's namesake city or regency under a heading row.

Kota Jambi (1571), Kota Bengkulu (1771) and Kota Gorontalo (7571) bear their
province's name (and Kabupaten Gorontalo, 7501, too): under a "KOTA" (or
"KABUPATEN") heading, the bare name is the city (the regency), and the
section goes on below it.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from povstat import BpsTable, format_number, read_bps_table
from povstat.datasets import load_indonesia


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", month=3, **kw)  # type: ignore[arg-type]


def _pairs(t: BpsTable) -> list[tuple[str, str | None]]:
    return [
        (str(lab), None if pd.isna(c) else str(c))
        for lab, c in zip(t.data["label"], t.data["region_code"], strict=True)
    ]


def _section_layout(upper: bool) -> tuple[str, pd.DataFrame]:
    """March 2025 P0 of every region, BPS section layout, and the rows written."""
    d = load_indonesia()
    d = d[(d["year"] == 2025) & (d["month"] == 3) & (d["area"] == "total")]
    d = d[d["poverty_rate_pct"].notna() & (d["region_type"] != "nasional")]
    lines = ["Provinsi/Kabupaten/Kota;2025"]
    written = []

    def row(label: str, code: str, value: float) -> None:
        shown = format_number([value], locale="id", decimals=2)[0]
        lines.append(f"{label.upper() if upper else label};{shown}")
        written.append((code, value))

    provinces = d[d["region_type"] == "provinsi"]
    for p, pname, pval in zip(
        provinces["region_code"],
        provinces["region_name"],
        provinces["poverty_rate_pct"],
        strict=True,
    ):
        row(str(pname).upper(), str(p), float(pval))
        inside = d[d["province_code"] == p]
        for kind, heading in (("kabupaten", "KABUPATEN"), ("kota", "KOTA")):
            part = inside[inside["region_type"] == kind]
            if part.empty:
                continue
            lines.append(f"{heading};")
            for c, n, v in zip(
                part["region_code"],
                part["region_name"],
                part["poverty_rate_pct"],
                strict=True,
            ):
                row(str(n).split(" ", 1)[1], str(c), float(v))
    return "\n".join(lines) + "\n", pd.DataFrame(written, columns=["code", "value"])


@pytest.mark.parametrize("upper", [False, True], ids=["title-case", "capitals"])
def test_all_38_provinces_in_the_section_layout_round_trip(upper: bool) -> None:
    # Every province row in capitals ("JAMBI"), then a KABUPATEN heading over
    # its bare regencies and a KOTA heading over its bare cities (names in
    # title case, or in capitals too as some tables write them). Read back,
    # each row gets its own region and value. By hand: under JAMBI's KOTA,
    # "Jambi" is Kota Jambi 1571 (not the province, 15), and "Sungai Penuh"
    # after it Kota Sungai Penuh 1572 (the section goes on); under
    # BENGKULU's KOTA, "Bengkulu" is Kota Bengkulu 1771; under GORONTALO,
    # "Gorontalo" is Kabupaten Gorontalo 7501 under KABUPATEN and Kota
    # Gorontalo 7571 under KOTA; under MALUKU's KOTA, "Ambon" is Kota Ambon
    # 8171; "JAMBI" after RIAU's KOTA section (Dumai, Pekanbaru) is the
    # province 15.
    text, written = _section_layout(upper)
    assert len(written) == 38 + 514
    t = _read(text, errors="report")
    got = t.data[t.data["region_code"].notna()]
    assert got["region_code"].astype(str).tolist() == written["code"].tolist()
    np.testing.assert_array_equal(got["value"].to_numpy(float), written["value"])
    assert len(t.invalid) == 0
    by_label = dict(zip(got["region_code"].astype(str), got["label"], strict=True))
    assert by_label["1571"].lower() == "jambi"
    assert by_label["1572"].lower() == "sungai penuh"
    assert by_label["1771"].lower() == "bengkulu"
    assert by_label["7501"].lower() == by_label["7571"].lower() == "gorontalo"
    assert by_label["8171"].lower() == "ambon"
    assert by_label["15"] == "JAMBI"
    # Only the heading rows are unmatched.
    assert set(t.unmatched["label"]) == {"KABUPATEN", "KOTA"}


def test_one_provinces_cities_only() -> None:
    # Jambi's cities alone under KOTA, no province row: Kota Jambi 1571,
    # Kota Sungai Penuh 1572. Bengkulu's one city: Kota Bengkulu 1771.
    t = _read("Kabupaten/Kota;2023\nKOTA;\nJambi;8,04\nSungai Penuh;2,76\n")
    assert _pairs(t) == [("KOTA", None), ("Jambi", "1571"), ("Sungai Penuh", "1572")]
    t = _read("Kabupaten/Kota;2023\nKOTA;\nBengkulu;18,9\nJambi;8,04\n")
    assert _pairs(t) == [("KOTA", None), ("Bengkulu", "1771"), ("Jambi", "1571")]


def test_province_given_and_the_namesake_city() -> None:
    t = _read(
        "Kabupaten/Kota;2023\nKABUPATEN;\nKerinci;6,80\nKOTA;\nJambi;8,04\n"
        "Sungai Penuh;2,76\n",
        province="Jambi",
    )
    assert _pairs(t)[3:] == [("Jambi", "1571"), ("Sungai Penuh", "1572")]


def test_province_row_above_and_the_namesake_city_no_duplicate() -> None:
    # "JAMBI;7,58" is the province; "Jambi;8,04" under KOTA the city (the
    # table was refused as holding two rows of province 15).
    t = _read(
        "Kabupaten/Kota;2023\nJAMBI;7,58\nKABUPATEN;\nKerinci;6,80\nKOTA;\n"
        "Jambi;8,04\nSungai Penuh;2,76\n"
    )
    assert _pairs(t) == [
        ("JAMBI", "15"),
        ("KABUPATEN", None),
        ("Kerinci", "1501"),
        ("KOTA", None),
        ("Jambi", "1571"),
        ("Sungai Penuh", "1572"),
    ]


def test_province_total_in_capitals_below_the_cities() -> None:
    # The names in title case, the total row in capitals below them: the
    # total is the province (BPS's province row), "Jambi" the city.
    t = _read(
        "Kabupaten/Kota;2023\nKABUPATEN;\nKerinci;6,80\nKOTA;\nJambi;8,04\n"
        "Sungai Penuh;2,76\nJAMBI;7,58\n"
    )
    assert _pairs(t)[3:] == [
        ("Jambi", "1571"),
        ("Sungai Penuh", "1572"),
        ("JAMBI", "15"),
    ]


@pytest.mark.parametrize("name", ["JAMBI", "Jambi"])
def test_next_province_after_a_kota_section(name: str) -> None:
    # After Riau's cities, a row naming Jambi starts Jambi's rows: Riau has
    # no city Jambi, so it is the province (15), and "Kerinci" below it
    # Kabupaten Kerinci 1501.
    t = _read(
        "Kabupaten/Kota;2023\nRIAU;6,8\nKOTA;\nDumai;3\n"
        f"{name};7,58\nKABUPATEN;\nKerinci;6,80\n"
    )
    assert _pairs(t) == [
        ("RIAU", "14"),
        ("KOTA", None),
        ("Dumai", "1472"),
        (name, "15"),
        ("KABUPATEN", None),
        ("Kerinci", "1501"),
    ]


@pytest.mark.parametrize(
    ("label", "code"),
    [
        # Bulleted sub-lists under KOTA in Jawa Timur: Kota Batu is 3579,
        # "Malang" under KOTA Kota Malang 3573.
        ("- Kota Batu", "3579"),
        ("\u2013 Kota Batu", "3579"),
        ("\u2022 Kota Batu", "3579"),
        ("\u25e6 Kota Batu", "3579"),
        ("'Kota Batu", "3579"),
        ("\u2022 Batu", "3579"),
        ("\u25e6 Malang", "3573"),
        ("- 2. Kota Batu", "3579"),
    ],
)
def test_list_decoration_before_a_region_label_is_read_past(
    label: str, code: str
) -> None:
    t = _read(f"Kabupaten/Kota;2023\nJAWA TIMUR;10,35\nKOTA;\n{label};3,31\n")
    assert _pairs(t)[-1] == (label, code)


def test_capital_letters_before_a_region_label_are_not_read_past() -> None:
    # "A. Kota Batu": a capital may be an initial ("K. Riau", "D. I.
    # Yogyakarta"), never read past; the row stays unmatched. A small
    # letter of a lettered list ("a. Kota Batu") is read past:
    # tests/test_tables_namesake_title_case.py.
    t = _read(
        "Kabupaten/Kota;2023\nJAWA TIMUR;10,35\nKOTA;\nA. Kota Batu;3,31\n",
        errors="report",
    )
    assert _pairs(t)[-1] == ("A. Kota Batu", None)
