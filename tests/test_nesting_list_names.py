"""The nesting check reads every name povstat's list of regions gives a region.

``povstat.datasets.indonesia_regions()`` gives each region its name, its
official name and every name the BPS tables give it ("KEP. BANGKA
BELITUNG", "D I YOGYAKARTA", "Labuhan Batu"). The nesting check of
aggregate_regions reads them all, as read_bps_table does: a province row so
written beside its own regencies is refused, not summed twice. A bare name
is read as a province only: "Malang" may be the regency or the city.
"""

from __future__ import annotations

import pandas as pd
import pytest

import povstat as P
from povstat.datasets import indonesia_regions, load_indonesia
from povstat.frames._checks import _name_key, _region_names


@pytest.fixture(scope="module")
def march_2023() -> pd.DataFrame:
    df = load_indonesia()
    return df[(df.area == "total") & (df.year == 2023) & (df.month == 3)]


def _province_with_its_regencies(m: pd.DataFrame, code: str) -> pd.DataFrame:
    return m[m.province_code == code].assign(g="all")


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("19", "KEP. BANGKA BELITUNG"),  # bps_names of 19
        ("19", "Kep. Bangka Belitung"),
        ("21", "KEP. RIAU"),
        ("34", "D I YOGYAKARTA"),  # bps_names of 34
        ("34", "Daerah Istimewa Yogyakarta"),  # official_name of 34
        ("34", "D.I. Yogyakarta"),
        ("31", "Daerah Khusus Ibukota Jakarta"),  # official_name of 31
        ("31", "D.K.I. Jakarta"),
        ("52", "NTB"),
        ("11", "Nanggroe Aceh Darussalam"),
    ],
)
def test_a_province_row_by_another_name_of_the_list_is_refused(
    march_2023: pd.DataFrame, code: str, written: str
) -> None:
    d = _province_with_its_regencies(march_2023, code)
    d.loc[d.region_type == "provinsi", "region_name"] = written
    with pytest.raises(ValueError, match="together with regions nested in it") as err:
        P.aggregate_regions(d, by="g", region="region_name", unit="percent")
    assert f"holds region {written!r}" in str(err.value)
    assert "a province holds its regencies and cities" in str(err.value)


@pytest.mark.parametrize(
    ("code", "regency", "written"),
    [
        ("12", "Kabupaten Labuhanbatu", "Kabupaten Labuhan Batu"),
        ("34", "Kabupaten Gunungkidul", "Kabupaten Gunung Kidul"),
        ("12", "Kabupaten Toba", "Kabupaten Toba Samosir"),  # the old name
        ("53", "Kabupaten Timor Tengah Selatan", "Kab Timor Tengah Selatan"),
        ("31", "Kota Jakarta Pusat", "Kota Administrasi Jakarta Pusat"),
    ],
)
def test_a_regency_by_a_name_of_the_list_keeps_the_check(
    march_2023: pd.DataFrame, code: str, regency: str, written: str
) -> None:
    # The province's row beside its regencies, one of them written as the
    # list's bps_names or official_name has it: every label is read, and the
    # province is refused beside its parts.
    d = _province_with_its_regencies(march_2023, code)
    assert (d.region_name == regency).sum() == 1
    d.loc[d.region_name == regency, "region_name"] = written
    with pytest.raises(ValueError, match="together with regions nested in it"):
        P.aggregate_regions(d, by="g", region="region_name", unit="percent")


def test_one_regency_written_two_ways_is_one_area(march_2023: pd.DataFrame) -> None:
    d = march_2023[march_2023.region_code.isin(["3401", "3403"])].assign(g="two")
    extra = d[d.region_code == "3403"].assign(region_name="KAB. GUNUNG KIDUL")
    both = pd.concat([d, extra])
    with pytest.raises(ValueError, match="one region written two ways") as err:
        P.aggregate_regions(both, by="g", region="region_name", unit="percent")
    assert "'Kabupaten Gunungkidul' and 'KAB. GUNUNG KIDUL'" in str(err.value)


def test_every_name_of_the_list_is_read_as_its_region() -> None:
    names = _region_names()
    r = indonesia_regions()
    for code, kind, name, official, bps in zip(
        r.region_code,
        r.region_type,
        r.region_name,
        r.official_name,
        r.bps_names,
        strict=True,
    ):
        forms = [name, official, name.upper(), official.lower()]
        for b in filter(None, bps.split("|")):
            # BPS writes a regency bare ("Labuhan Batu"): with its kind here.
            forms += (
                [f"Kabupaten {b}", f"KAB. {b.upper()}"] if kind == "kabupaten" else [b]
            )
        for written in forms:
            if written.casefold() == "gorontalo":
                continue  # also Kabupaten Gorontalo's BPS name: bare, not read
            assert names.get(_name_key(written)) == code, (written, code)


def test_bare_names_are_provinces_only() -> None:
    names = _region_names()
    # Kabupaten Malang (3507) or Kota Malang (3573): not read.
    assert _name_key("Malang") not in names
    assert names[_name_key("Kabupaten Malang")] == "3507"
    assert names[_name_key("KOTA MALANG")] == "3573"
    # Gorontalo is a province (75) and a regency (7501, BPS writes it bare):
    # bare, either one, so not read.
    assert _name_key("GORONTALO") not in names
    assert _name_key("Gorontalo") not in names
    assert names[_name_key("Provinsi Gorontalo")] == "75"
    assert names[_name_key("Kab. Gorontalo")] == "7501"
    # Kota Yogyakarta (3471) is no province: a bare "Yogyakarta" is not read.
    assert _name_key("Yogyakarta") not in names
    assert _name_key("Indonesia") == "indonesia"
