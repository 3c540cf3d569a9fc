"""Province and region names in English, with dots, and abbreviated."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import _regions, read_bps_table
from povstat._regions import candidates, key, province_code
from povstat.datasets import indonesia_regions

# The 38 provinces by code, with their English names (ISO 3166-2:ID English
# short names, as in English-language statistical tables), written out here
# independently of the package's list.
ENGLISH = {
    "11": "Aceh",
    "12": "North Sumatra",
    "13": "West Sumatra",
    "14": "Riau",
    "15": "Jambi",
    "16": "South Sumatra",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Bangka Belitung Islands",
    "21": "Riau Islands",
    "31": "Special Capital Region of Jakarta",
    "32": "West Java",
    "33": "Central Java",
    "34": "Special Region of Yogyakarta",
    "35": "East Java",
    "36": "Banten",
    "51": "Bali",
    "52": "West Nusa Tenggara",
    "53": "East Nusa Tenggara",
    "61": "West Kalimantan",
    "62": "Central Kalimantan",
    "63": "South Kalimantan",
    "64": "East Kalimantan",
    "65": "North Kalimantan",
    "71": "North Sulawesi",
    "72": "Central Sulawesi",
    "73": "South Sulawesi",
    "74": "Southeast Sulawesi",
    "75": "Gorontalo",
    "76": "West Sulawesi",
    "81": "Maluku",
    "82": "North Maluku",
    "91": "Papua",
    "92": "West Papua",
    "93": "South Papua",
    "94": "Central Papua",
    "95": "Highland Papua",
    "96": "Southwest Papua",
}


def _provinces(labels: list[str], **kw: object) -> list[str | None]:
    text = "Provinsi;2023\n" + "".join(f"{lab};4,44\n" for lab in labels)
    t = read_bps_table(
        io.StringIO(text),
        locale="id",
        sep=";",
        month=3,
        errors="report",
        **kw,  # type: ignore[arg-type]
    )
    return [None if pd.isna(c) else str(c) for c in t.data["region_code"]]


def test_every_province_has_its_english_name() -> None:
    codes = indonesia_regions().query("region_type == 'provinsi'")["region_code"]
    assert set(ENGLISH) == set(codes) == set(_regions.ENGLISH_PROVINCES)


@pytest.mark.parametrize("upper", [False, True])
def test_english_province_names_in_a_table(upper: bool) -> None:
    # All 38 in one table, as an English edition lists them ("EAST JAVA").
    labels = [n.upper() if upper else n for n in ENGLISH.values()]
    assert _provinces(labels) == list(ENGLISH)


@pytest.mark.parametrize(("code", "name"), list(ENGLISH.items()))
def test_english_province_names_as_the_province_argument(code: str, name: str) -> None:
    assert province_code(name) == code
    assert province_code(f"Provinsi {name}") == code


def test_english_names_are_no_regency_or_city_name() -> None:
    # A name new to the list (not the Indonesian name, as "Jambi", a
    # province and a city, is) never takes a regency's or a city's place.
    r = indonesia_regions().query("region_type == 'provinsi'")
    indonesian = dict(zip(r["region_code"], r["region_name"], strict=True))
    for code, names in _regions.ENGLISH_PROVINCES.items():
        for n in names:
            if key(n) == key(indonesian[code]):
                continue
            assert candidates(None, n) == (code,), n
            assert candidates("kota", n) == (), n


def test_a_province_row_in_english_gives_its_regions_context() -> None:
    # Under "EAST JAVA", bare "Malang" is Kabupaten Malang (3507) of Jawa
    # Timur and "Kota Batu" 3579; the English-locale numbers of the report.
    t = read_bps_table(
        io.StringIO(
            'Kabupaten/Kota,2023\nEAST JAVA,"4,188.81"\nMalang,251.36\nKota Batu,7.10\n'
        ),
        locale="en",
        month=3,
    )
    assert t.data["region_code"].tolist() == ["35", "3507", "3579"]


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("D.K.I. JAKARTA", "31"),
        ("D.K.I JAKARTA", "31"),
        ("D K I JAKARTA", "31"),
        ("D.I. YOGYAKARTA", "34"),
        ("D.I.Y.", "34"),
        ("DIY", "34"),
        ("KEP BANGKA BELITUNG", "19"),
        ("Kep Riau", "21"),
        ("BANGKA BELITUNG", "19"),
        ("DAERAH KHUSUS JAKARTA", "31"),  # the name since 2024 (UU 2/2024)
        ("PROVINSI DAERAH KHUSUS JAKARTA", "31"),
        ("DK JAKARTA", "31"),
        ("NANGGROE ACEH DARUSSALAM", "11"),  # 2001-2009 (UU 18/2001)
        ("N.A.D.", "11"),
        ("N.T.B.", "52"),
        ("NTT", "53"),
    ],
)
def test_abbreviated_and_dotted_province_names(label: str, code: str) -> None:
    assert _provinces([label]) == [code]


def test_dots_anywhere_are_ignored_for_all_provinces() -> None:
    # Every province as BPS names it, with a full stop after each word.
    r = indonesia_regions().query("region_type == 'provinsi'")
    labels = [
        " ".join(f"{w}." for w in n.split("|")[0].split()) for n in r["bps_names"]
    ]
    assert _provinces(labels) == r["region_code"].tolist()


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Kota Adm Jakarta Utara", "3172"),
        ("Kota Adm. Jakarta Selatan", "3174"),
        ("Kota Administrasi Jakarta Timur", "3175"),
        ("Kab Adm Kepulauan Seribu", "3101"),
        ("Kab. Adm Kep Seribu", "3101"),
    ],
)
def test_administrative_jakarta_regions_without_a_full_stop(
    label: str, code: str
) -> None:
    t = read_bps_table(
        io.StringIO(f"Kabupaten/Kota;2023\n{label};4,44\n"),
        locale="id",
        sep=";",
        month=3,
        province="31",
    )
    assert t.data["region_code"].tolist() == [code]


def test_letters_spelt_out_are_one_word() -> None:
    assert key("D.K.I. Jakarta") == key("DKI Jakarta") == "daerahkhususibukotajakarta"
    assert key("N. T. B.") == key("NTB") == "nusatenggarabarat"
    assert key("Toli-Toli") == key("TOLI TOLI") == "tolitoli"
    assert key("D I YOGYAKARTA") == "daerahistimewayogyakarta"
