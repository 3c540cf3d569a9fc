"""read_bps_table: the title's unit over area and sex splits in their other spellings.

BPS says "Menurut Daerah Perkotaan dan Perdesaan"; a table may name its total
"Perkotaan dan Perdesaan", "Kota & Desa", "Urban and Rural", "U+R", "Jumlah
Total" or "Gabungan", its groups "Daerah Perkotaan" or "Wilayah Perkotaan", a
sex split "Lelaki | Perempuan", "Lk | Pr" or "Laki-laki | Perempuan | L+P", and
a split by the household head's sex "KRT Laki-laki | KRT Perempuan | Jumlah".
Each group splits the title's measure, so the title's unit ("(Ribu Jiwa)",
"(Persen)") is each group's.

Figures: bps_poor_prov_2007_2026.csv, Maret (Semester 1), Jawa Timur,
thousands of poor persons: Perkotaan 1721.46 (2022), 1703.74 (2023);
Perdesaan 2459.83, 2485.07; Jumlah 4181.29, 4188.81 (1721.46 + 2459.83 =
4181.29, 1703.74 + 2485.07 = 4188.81). The sex splits reuse the same
figures under their labels (the layout is what is tested).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

from povstat import read_bps_table

_TITLE = "Jumlah Penduduk Miskin (Ribu Jiwa) Menurut Provinsi dan Daerah"
_THOUSANDS = [1721.46, 1703.74, 2459.83, 2485.07, 4181.29, 4188.81]
_SPLITS = [
    ("Perkotaan", "Perdesaan", "Perkotaan dan Perdesaan"),
    ("Kota", "Desa", "Kota dan Desa"),
    ("Perkotaan", "Perdesaan", "Perkotaan & Perdesaan"),
    ("Perkotaan", "Perdesaan", "Perkotaan-Perdesaan"),
    ("Urban", "Rural", "Urban and Rural"),
    ("Urban", "Rural", "U+R"),
    ("Perkotaan", "Perdesaan", "Jumlah Total"),
    ("Perkotaan", "Perdesaan", "Gabungan"),
    ("Daerah Perkotaan", "Daerah Perdesaan", "Jumlah"),
    ("Wilayah Perkotaan", "Wilayah Perdesaan", "Jumlah"),
    ("Laki-laki", "Perempuan", "Laki-laki dan Perempuan"),
    ("Laki-laki", "Perempuan", "L+P"),
    ("Lelaki", "Perempuan", "Jumlah"),
    ("Lk", "Pr", "Jumlah"),
    ("Kepala Rumah Tangga Laki-laki", "Kepala Rumah Tangga Perempuan", "Jumlah"),
    ("KRT Laki-laki", "KRT Perempuan", "Jumlah"),
]


def _csv(groups: tuple[str, str, str], title: str, row: str) -> str:
    # The layout of a province table as re-saved to CSV: title, groups over
    # years, one row per province.
    heads = ",".join(f"{g}," for g in groups)
    return f"{title},,,,,,\nProvinsi,{heads}\n,2022,2023,2022,2023,2022,2023\n{row}\n"


@pytest.mark.parametrize("groups", _SPLITS, ids=[" | ".join(s) for s in _SPLITS])
def test_the_title_thousands_cover_every_group(groups: tuple[str, str, str]) -> None:
    # Every cell states "ribu jiwa": under the title's "(Ribu Jiwa)", 4181.29
    # thousand in the total group, as in the other two (before, a group the
    # title's unit did not cover read 4 181 290 persons, 1000 times more).
    row = (
        'JAWA TIMUR,"1.721,46 ribu jiwa","1.703,74 ribu jiwa","2.459,83 ribu jiwa",'
        '"2.485,07 ribu jiwa","4.181,29 ribu jiwa","4.188,81 ribu jiwa"'
    )
    t = read_bps_table(io.StringIO(_csv(groups, _TITLE, row)), locale="id", month=3)
    assert t.data["group"].tolist() == [g for g in groups for _ in range(2)]
    assert t.data["value"].tolist() == _THOUSANDS


@pytest.mark.parametrize(
    "total", ["Perkotaan dan Perdesaan", "Kota dan Desa", "Urban and Rural"]
)
def test_the_title_thousands_cover_a_stored_total_showing_its_unit(
    tmp_path: Path, total: str
) -> None:
    # An xlsx with numbers stored as numbers; the total group is formatted
    # '#,##0.00" ribu jiwa"', so it shows "4,181.29 ribu jiwa": 4181.29
    # thousand (before, 4 181 290).
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = _TITLE
    ws.merge_cells("A1:G1")
    ws["A2"] = "Provinsi"
    ws.merge_cells("A2:A3")
    for i, g in enumerate(["Perkotaan", "Perdesaan", total]):
        c = 2 + 2 * i
        ws.cell(2, c, g)
        ws.merge_cells(start_row=2, start_column=c, end_row=2, end_column=c + 1)
        ws.cell(3, c, 2022)
        ws.cell(3, c + 1, 2023)
    ws.cell(4, 1, "JAWA TIMUR")
    for j, v in enumerate(_THOUSANDS):
        cell = ws.cell(4, 2 + j, v)
        cell.number_format = '#,##0.00" ribu jiwa"' if j >= 4 else "#,##0.00"
    path = tmp_path / "poor.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="id", month=3)
    assert t.data["value"].tolist() == _THOUSANDS


@pytest.mark.parametrize(
    "groups",
    [
        ("Perkotaan", "Perdesaan", "Perkotaan dan Perdesaan"),
        ("Laki-laki", "Perempuan", "Laki-laki dan Perempuan"),
    ],
)
def test_a_percent_above_100_in_the_total_group_is_warned(
    groups: tuple[str, str, str],
) -> None:
    # bps_p0_prov_2007_2026.csv, Jawa Timur, Maret: P0 7.71 (2022), 7.50
    # (2023) urban; 13.69, 13.98 rural; 10.38, 10.35 total, the last typed
    # "103,5": above 100 under the title's "(Persen)" (before, no warning:
    # the total group was not under the title's unit).
    title = "Persentase Penduduk Miskin Menurut Provinsi dan Daerah (Persen)"
    row = 'JAWA TIMUR,"7,71","7,50","13,69","13,98","10,38","103,5"'
    with pytest.warns(UserWarning, match=r"percent above 100: .*'103,5'"):
        read_bps_table(io.StringIO(_csv(groups, title, row)), locale="id", month=3)


def test_a_group_label_wrapped_at_its_plus_reads_as_typed_on_one_line() -> None:
    # "Perkotaan+" then "Perdesaan" on the next line of one cell is the group
    # "Perkotaan+Perdesaan", as typed on one line (before, "Perkotaan+
    # Perdesaan", another label for the same group).
    groups = ("Perkotaan", "Perdesaan", '"Perkotaan+\nPerdesaan"')
    row = 'JAWA TIMUR,"1.721,46","1.703,74","2.459,83","2.485,07","4.181,29","4.188,81"'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(io.StringIO(_csv(groups, _TITLE, row)), locale="id", month=3)
    assert t.data["group"].unique().tolist() == [
        "Perkotaan",
        "Perdesaan",
        "Perkotaan+Perdesaan",
    ]
    assert t.data["value"].tolist() == _THOUSANDS
