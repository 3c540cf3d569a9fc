"""Several provinces, each province's total below its regencies and cities.

In BPS's layout with the province row below its section, the province row
closes the section above it; the rows below it are the next province's,
which no row has named yet. A namesake under a heading there ("Jambi" under
"KOTA" after RIAU's total) is the heading's region, never the province, and
the regencies below are looked for in the province whose total follows
them. Codes are Kemendagri's, as in ``povstat.datasets.load_indonesia``:
1501 Kerinci, 1502 Merangin, 1571 Kota Jambi, 1572 Kota Sungai Penuh, 15
Jambi; 1704 Kaur, 1771 Kota Bengkulu; 7501 Kabupaten Gorontalo, 7502
Boalemo, 7571 Kota Gorontalo, 75 Gorontalo.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

_H = "Kabupaten/Kota;2023\n"
_RIAU = "KABUPATEN;\nKuantan Singingi;8,5\nKOTA;\nPekanbaru;2,9\nDumai;3,5\nRIAU;6,68\n"
_JAMBI = (
    "KABUPATEN;\nKerinci;7,54\nMerangin;8,90\nKOTA;\nJambi;8,24\nSungai Penuh;3,00\n"
)


def _codes(text: str) -> dict[str, float]:
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    d = t.data.dropna(subset=["region_code"])
    return dict(zip(d["region_code"], d["value"], strict=True))


@pytest.mark.parametrize("last", ["", "Jumlah;7,58\n", "Total;7,58\n"])
def test_city_namesake_after_another_province_total(last: str) -> None:
    # Before, Kota Jambi's 8.24 was filed as 15 Jambi, the province. With
    # no row naming Jambi, its rows are unmatched, each reason naming its
    # region, in a table naming Riau alone.
    t = read_bps_table(io.StringIO(_H + _RIAU + _JAMBI + last), locale="id", sep=";")
    assert "15" not in set(t.data["region_code"].dropna())
    reasons = dict(zip(t.unmatched["label"], t.unmatched["reason"], strict=False))
    assert reasons["Jambi"] == "not a region of Riau: 1571 Kota Jambi (Jambi)"
    assert reasons["Kerinci"].endswith("1501 Kabupaten Kerinci (Jambi)")
    assert _codes(_H + _RIAU + _JAMBI + last)["14"] == 6.68


def test_province_total_in_capitals_after_the_city() -> None:
    # Before, refused as two rows of 15 Jambi. The regencies above Jambi's
    # total are looked for in Jambi.
    got = _codes(_H + _RIAU + _JAMBI + "JAMBI;7,58\n")
    assert (got["1571"], got["15"], got["1501"]) == (8.24, 7.58, 7.54)
    assert (got["1502"], got["1572"], got["14"]) == (8.9, 3.0, 6.68)


def test_bengkulu_after_sumatera_selatan_total() -> None:
    # Before, Kota Bengkulu's 14.71 was filed as 17 Bengkulu.
    text = (
        _H + "KABUPATEN;\nOgan Komering Ulu;12,0\nKOTA;\nPalembang;10,0\n"
        "SUMATERA SELATAN;11,78\nKABUPATEN;\nKaur;17,83\nKOTA;\nBengkulu;14,71\n"
    )
    assert "17" not in _codes(text)
    got = _codes(text + "BENGKULU;14,04\n")
    assert (got["1704"], got["1771"], got["17"], got["16"]) == (
        17.83,
        14.71,
        14.04,
        11.78,
    )


def test_gorontalo_regency_after_sulawesi_utara_total() -> None:
    # Before, Kabupaten Gorontalo's 17.48 was filed as 75 Gorontalo.
    text = (
        _H + "KABUPATEN;\nBolaang Mongondow;6,5\nKOTA;\nManado;5,0\n"
        "SULAWESI UTARA;7,38\nKABUPATEN;\nBoalemo;18,38\nGorontalo;17,48\n"
        "KOTA;\nGorontalo;5,64\n"
    )
    t = read_bps_table(io.StringIO(text + "Jumlah;15,15\n"), locale="id", sep=";")
    assert "75" not in set(t.data["region_code"].dropna())
    assert "not a region of Sulawesi Utara: 7501 Kabupaten Gorontalo (Gorontalo)" in (
        t.unmatched["reason"].tolist()
    )
    got = _codes(text + "GORONTALO;15,15\n")
    assert (got["7502"], got["7501"], got["7571"], got["75"]) == (
        18.38,
        17.48,
        5.64,
        15.15,
    )


@pytest.mark.parametrize(
    ("text", "city", "province"),
    [
        # The docs' own example: the province's total in capitals below its
        # cities written in title case, with no KABUPATEN section.
        ("KOTA;\nJambi;8,24\nSungai Penuh;3,00\nJAMBI;7,58\n", "1571", "15"),
        ("KOTA;\nBengkulu;14,71\nBENGKULU;14,04\n", "1771", "17"),
        ("KOTA;\nGorontalo;5,64\nGORONTALO;15,15\n", "7571", "75"),
    ],
)
def test_cities_only_with_province_total_below(
    text: str, city: str, province: str
) -> None:
    # Before, refused as two rows of the city.
    t = read_bps_table(io.StringIO(_H + text), locale="id", sep=";")
    codes = t.data["region_code"].tolist()
    assert codes[1] == city
    assert codes[-1] == province


def test_top_layout_unchanged() -> None:
    # Province rows above their sections: the title-case "Jambi" after
    # RIAU's cities starts Jambi's rows, the one under KOTA is the city.
    got = _codes(
        _H + "RIAU;6,68\nKABUPATEN;\nKuantan Singingi;8,5\nKOTA;\nPekanbaru;2,9\n"
        "Jambi;7,58\n" + _JAMBI
    )
    assert (got["14"], got["15"], got["1571"], got["1501"]) == (6.68, 7.58, 8.24, 7.54)


def test_all_capitals_namesake_stays_the_city() -> None:
    # All names in capitals: "JAMBI" under KOTA is the city; "Jumlah"
    # (no region's name) does not make the table's names title case.
    t = read_bps_table(
        io.StringIO(_H + "KOTA;\nJAMBI;8,24\nSUNGAI PENUH;3,00\nJumlah;7,58\n"),
        locale="id",
        sep=";",
    )
    assert t.data["region_code"].tolist()[1:3] == ["1571", "1572"]
    assert pd.isna(t.data["region_code"].iloc[3])


def test_unresolved_layout_refused_naming_rows() -> None:
    # Province rows on top of cities-only sections: "JAMBI" starts Jambi's
    # rows, so the "Jambi" below it (no heading since) is the province too.
    with pytest.raises(ValueError, match=r"'JAMBI' \(row 6\), 'Jambi' \(row 7\)"):
        read_bps_table(
            io.StringIO(
                _H + "KOTA;\nRIAU;6,68\nPekanbaru;2,9\nDumai;3,5\nJAMBI;7,58\n"
                "Jambi;8,24\nSungai Penuh;3,00\n"
            ),
            locale="id",
            sep=";",
        )


def test_title_case_province_row_on_top_advice() -> None:
    # "Gorontalo" on top names 75 Gorontalo or 7501 Kabupaten Gorontalo;
    # the advice now says to write the province's row in capitals, which
    # then reads (75 on top, 7501 under KABUPATEN, 7571 under KOTA).
    rows = "KABUPATEN;\nBoalemo;18,38\nGorontalo;17,48\nKOTA;\nGorontalo;5,64\n"
    with pytest.raises(ValueError, match=r"write it in capitals.*\('GORONTALO'\)"):
        read_bps_table(
            io.StringIO(_H + "Gorontalo;15,15\n" + rows), locale="id", sep=";"
        )
    got = _codes(_H + "GORONTALO;15,15\n" + rows)
    assert (got["75"], got["7502"], got["7501"], got["7571"]) == (
        15.15,
        18.38,
        17.48,
        5.64,
    )
