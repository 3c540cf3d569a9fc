"""read_bps_table: a province's namesake in title case under a heading row.

Under a "KOTA" or "KABUPATEN" heading a bare name that names both a region
of the heading's kind and its province ("Gorontalo": Kota Gorontalo 7571,
Kabupaten Gorontalo 7501, Provinsi Gorontalo 75) is that region, in any
case; it is the province's row where the latest province row above it is
another province's. Also: a province's total below its regions named as a
region, a lettered list ("a. Kota Batu") and BPS's four-digit province code
("1500 JAMBI").

Values: the bundled figures (povstat.datasets.load_indonesia), P0, March
2023: Gorontalo 15.15, Kabupaten Gorontalo 17.48, Kabupaten Boalemo 18.38,
Kota Gorontalo 5.64; Sulawesi Utara 7.38, Kota Manado 5.79; Jambi 7.58,
Kabupaten Kerinci 7.54, Kota Jambi 8.24, Kota Sungai Penuh 3.00.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import BpsTable, read_bps_table
from povstat.datasets import load_indonesia

_H = "Kabupaten/Kota;2023\n"


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(_H + text), locale="id", sep=";", **kw)  # type: ignore[arg-type]


def _codes(t: BpsTable) -> list[tuple[str | None, float]]:
    return [
        (None if pd.isna(c) else str(c), float(v))
        for c, v in zip(t.data["region_code"], t.data["value"], strict=True)
        if not pd.isna(c)
    ]


def test_true_values() -> None:
    d = load_indonesia()
    d = d[(d["year"] == 2023) & (d["month"] == 3) & (d["area"] == "total")]
    p0 = dict(zip(d["region_code"], d["poverty_rate_pct"], strict=True))
    assert [p0[c] for c in ("75", "7501", "7502", "7571")] == [
        15.15,
        17.48,
        18.38,
        5.64,
    ]
    assert [p0[c] for c in ("71", "7171", "15", "1501", "1571", "1572")] == [
        7.38,
        5.79,
        7.58,
        7.54,
        8.24,
        3.00,
    ]


@pytest.mark.parametrize("case", [str.title, str.upper])
def test_a_namesake_under_a_heading_without_a_province_row(
    case: object,
) -> None:
    # Formerly refused as "7501 Kabupaten Gorontalo or 75 Gorontalo" in
    # title case (under "KOTA" even); capitals were read.
    assert callable(case)
    g = case("gorontalo")
    b = case("boalemo")
    assert _codes(_read(f"KOTA;\n{g};5,64\n")) == [("7571", 5.64)]
    assert _codes(_read(f"KABUPATEN;\n{b};18,38\n{g};17,48\n")) == [
        ("7502", 18.38),
        ("7501", 17.48),
    ]
    # BPS's layout of a Gorontalo table without its province row.
    t = _read(f"KABUPATEN;\n{b};18,38\n{g};17,48\nKOTA;\n{g};5,64\n")
    assert _codes(t) == [("7502", 18.38), ("7501", 17.48), ("7571", 5.64)]
    t = _read(f"Kabupaten Boalemo;18,38\nKOTA;\n{g};5,64\n")
    assert _codes(t) == [("7502", 18.38), ("7571", 5.64)]


def test_a_namesake_with_a_footnote_mark_or_decoration() -> None:
    t = _read("KOTA;\nGorontalo*;5,64\n")
    assert _codes(t) == [("7571", 5.64)]
    assert t.data["footnote"].iloc[1] == "*"
    assert _codes(_read("KOTA;\n- Gorontalo;5,64\n")) == [("7571", 5.64)]


def test_a_namesake_after_another_provinces_section_is_the_province() -> None:
    # The latest province row above is Sulawesi Utara's: "Gorontalo" starts
    # Gorontalo's rows (formerly refused as ambiguous in title case).
    t = _read(
        "SULAWESI UTARA;7,38\nKOTA;\nManado;5,79\nGorontalo;15,15\n"
        "KABUPATEN;\nBoalemo;18,38\n"
    )
    assert _codes(t) == [
        ("71", 7.38),
        ("7171", 5.79),
        ("75", 15.15),
        ("7502", 18.38),
    ]


def test_the_province_total_below_its_regions_in_capitals() -> None:
    # Title case names under the headings: "GORONTALO" below them is the
    # province's total (unchanged; the title-case rows above it are read
    # under their headings).
    t = _read(
        "KABUPATEN;\nBoalemo;18,38\nGorontalo;17,48\nKOTA;\nGorontalo;5,64\n"
        "GORONTALO;15,15\n"
    )
    assert _codes(t) == [
        ("7502", 18.38),
        ("7501", 17.48),
        ("7571", 5.64),
        ("75", 15.15),
    ]


def test_a_title_case_namesake_under_no_heading_stays_ambiguous() -> None:
    # Above the first heading a bare "Gorontalo" is no heading's region.
    with pytest.raises(ValueError, match=r"7501 Kabupaten Gorontalo.* or 75"):
        _read("Gorontalo;15,15\nKABUPATEN;\nBoalemo;18,38\n")


def test_all_capitals_with_the_province_total_last_points_to_the_province() -> None:
    # All in capitals under "KABUPATEN": the last "GORONTALO" is read as the
    # regency too (documented), so the table is refused; the message names
    # the last row as the likely province total and how to label it.
    with pytest.raises(ValueError, match="more than one row") as info:
        _read(
            "KABUPATEN;\nBOALEMO;18,38\nGORONTALO;17,48\nPOHUWATO;18,0\n"
            "GORONTALO;15,15\n"
        )
    msg = str(info.value)
    assert "'GORONTALO' (row 6), is the province's total" in msg
    assert "write 'Provinsi Gorontalo' in its label" in msg
    assert "the rows may be the regency and the city" in msg
    with pytest.raises(ValueError, match="more than one row") as info:
        _read(
            "KABUPATEN;\nKERINCI;7,54\nKOTA;\nJAMBI;8,24\nSUNGAI PENUH;3,00\n"
            "JAMBI;7,58\n"
        )
    msg = str(info.value)
    assert "'JAMBI' (row 7), is the province's total" in msg
    assert "'Provinsi Jambi'" in msg
    # Following the advice reads the table.
    t = _read(
        "KABUPATEN;\nKERINCI;7,54\nKOTA;\nJAMBI;8,24\nSUNGAI PENUH;3,00\n"
        "Provinsi Jambi;7,58\n"
    )
    assert _codes(t) == [
        ("1501", 7.54),
        ("1571", 8.24),
        ("1572", 3.0),
        ("15", 7.58),
    ]
    # Twice "Kota Jambi", its kind written: no province row to suggest.
    with pytest.raises(ValueError, match="more than one row") as info:
        _read("Kota Jambi;8,24\nKota Sungai Penuh;3,00\nKota Jambi;7,58\n")
    assert "province's total" not in str(info.value)


def test_a_lettered_list() -> None:
    t = _read("a. Kota Jambi;8,24\nb. Kota Sungai Penuh;3,00\nc) Kerinci;7,54\n")
    assert _codes(t) == [("1571", 8.24), ("1572", 3.0), ("1501", 7.54)]


@pytest.mark.parametrize(
    ("label", "code"),
    [
        # Initials are no list letters.
        ("D. I. Yogyakarta", "34"),
        ("N. T. B.", "52"),
        ("D. K. I. Jakarta", "31"),
    ],
)
def test_initials_are_no_lettered_list(label: str, code: str) -> None:
    t = read_bps_table(
        io.StringIO(f"Provinsi;2023\n{label};7,1\n"), locale="id", sep=";"
    )
    assert t.data["region_code"].tolist() == [code]


def test_a_capital_initial_is_no_lettered_list() -> None:
    # "K. Riau" is no "Riau" with a list letter: left unmatched.
    t = read_bps_table(
        io.StringIO("Provinsi;2023\nK. Riau;7,1\n"),
        locale="id",
        sep=";",
        errors="report",
    )
    assert t.data["region_code"].isna().all()


def test_bps_four_digit_province_code() -> None:
    t = _read("1500 JAMBI;7,58\n1571 Kota Jambi;8,24\n")
    assert _codes(t) == [("15", 7.58), ("1571", 8.24)]
    # Before a regency's name it disagrees, said so.
    t = _read("1500 Kerinci;7,54\n", errors="report")
    assert t.data["region_code"].isna().all()
    reason = t.unmatched["reason"].iloc[0]
    assert "the number 1500 before the name is BPS's code of 15 Jambi" in reason
    assert "1501 Kabupaten Kerinci" in reason
