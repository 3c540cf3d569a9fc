"""read_bps_table: the title's unit over every spelling of an area or sex split.

"Perkotaan | Perdesaan | Jumlah" (BPS's heading of the urban/rural split),
"Laki-laki | Perempuan | Jumlah", "Kota | Desa | Kota+Desa" (BPS's older
heading, also under a title "Menurut Kabupaten/Kota"), "K | D | K+D", "Pria
| Wanita" and "L | P | L+P" split one measure, so the title's unit is every
group's. (BPS's own layout of the split, with its rounds, is read in
``test_tables_title_unit_over_area_groups.py``.)
"""

from __future__ import annotations

import io
import warnings

import pytest

from povstat import read_bps_table

_SPLITS = [
    ["Perkotaan", "Perdesaan", "Jumlah"],
    ["Laki-laki", "Perempuan", "Jumlah"],
    ["Kota", "Desa", "Kota+Desa"],
    ["K", "D", "K+D"],
    ["Pria", "Wanita", "Jumlah"],
    ["L", "P", "L+P"],
]


def _table(title: str, groups: list[str], pacitan: str, batu: str) -> str:
    heads = ";".join(f"{g};" for g in groups)
    years = ";".join("2022;2023" for _ in groups)
    return (
        f"{title}\nKabupaten/Kota;{heads}\n;{years}\n"
        f"Pacitan;{pacitan}\nKota Batu;{batu}\n"
    )


@pytest.mark.parametrize("groups", [g[:2] for g in _SPLITS])
def test_the_title_thousands_are_every_groups_scale(groups: list[str]) -> None:
    # "(Ribu Jiwa)": 15,86 in the first group is 15.86 thousand persons, and
    # "60,00 ribu jiwa" in the second is 60.0 thousand, the title's scale
    # (before, 60 000 beside 15.86: the title's unit did not cover the group).
    text = _table(
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota (Ribu Jiwa)",
        groups,
        "15,86;15,00;60,00 ribu jiwa;59,10 ribu jiwa",
        "8,16;8,00;0,50 ribu jiwa;0,40 ribu jiwa",
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert t.data["value"].tolist() == [15.86, 15.0, 60.0, 59.1, 8.16, 8.0, 0.5, 0.4]


@pytest.mark.parametrize("groups", _SPLITS)
def test_the_title_percent_warns_above_100_in_every_group(groups: list[str]) -> None:
    # 143,5 percent in the second group, 2022: no headcount ratio (before,
    # read without a warning).
    text = _table(
        "Persentase Penduduk Miskin Menurut Kabupaten/Kota (Persen)",
        groups,
        "7,64;7,1;143,5;13,2;10,35;10,1",
        "9,0;8,8;12,0;11,9;10,77;10,5",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    said = [str(w.message) for w in caught if "above 100" in str(w.message)]
    assert len(said) == 1
    assert f"('{groups[1]}', '2022'): '143,5'" in said[0]


def test_initials_of_two_splits_mixed_are_no_split() -> None:
    # "K | P" mixes the area's and the sex's initials: no split read, so
    # the title's "(Persen)" covers no group and 143,5 is not warned of,
    # though it is read, as 143.5 in group "P", 2022, of Pacitan (3501).
    text = _table(
        "Jumlah dan Persentase Penduduk Miskin (Persen)",
        ["K", "P"],
        "7,64;7,1;143,5;13,2",
        "9,0;8,8;12,0;11,9",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert not [w for w in caught if "above 100" in str(w.message)]
    cell = t.data[(t.data["group"] == "P") & (t.data["year"] == 2022)]
    assert cell["region_code"].tolist() == ["3501", "3579"]
    assert cell["value"].tolist() == [143.5, 12.0]
