"""read_bps_table: a note mark before a region's name is its footnote.

A mark before the name ("*Kota Batu", "(†) Kota Batu", "¹Kota Batu",
"ᵃ Kota Batu", "^1 Kota Batu") goes into ``footnote`` as the same mark
after the name does ("Kota Batu*": footnote "*"), never dropped. A marked
region row holding only "-" (a new regency's years before it existed) is
a region row with missing values, as "Muna Barat*" is, not a note; a mark
before a bare name ("¹ Pacitan", "(†) Pacitan") is read as before "Kota X".

Figures: BPS P0 kab/kota (bps_p0_kabkota_2004_2025.csv): JAWA TIMUR 9.79 /
9.50 (2024 / 2025), Kota Batu 3.06 / 2.86, Pacitan 13.08; SULAWESI TENGGARA
13.74 / 12.77 (2015 / 2016), Muna 14.72 / 14.89, Muna Barat "-" / "-".
Codes: Kota Batu 3579, Pacitan 3501, Muna Barat 7413 (Permendagri).
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table

_HEAD = (
    "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) Menurut "
    "Kabupaten/Kota (Persen),\n,2024,2025\nJAWA TIMUR,9.79,9.5\n"
)


@pytest.mark.parametrize(
    ("label", "mark"),
    [
        ("Kota Batu*", "*"),
        ("*Kota Batu", "*"),
        ("(†) Kota Batu", "(†)"),
        ("¹Kota Batu", "¹"),
        ("ᵃ Kota Batu", "ᵃ"),
        ("^1 Kota Batu", "^1"),
        ("¹ Pacitan", "¹"),
        ("(†) Pacitan", "(†)"),
    ],
)
def test_a_leading_mark_is_the_footnote(label: str, mark: str) -> None:
    t = read_bps_table(
        io.StringIO(_HEAD + f"{label},3.06,2.86\n"), locale="en", month=3
    )
    last = t.data[t.data["label"] == label]
    code = "3501" if "Pacitan" in label else "3579"
    assert last["region_code"].tolist() == [code, code]
    assert last["footnote"].tolist() == [mark, mark]
    assert last["value"].tolist() == [3.06, 2.86]
    assert len(t.unmatched) == 0


def test_unmarked_rows_keep_no_footnote() -> None:
    t = read_bps_table(
        io.StringIO(_HEAD + "Kota Batu,3.06,2.86\n"), locale="en", month=3
    )
    assert t.data["footnote"].isna().all()


@pytest.mark.parametrize(
    "label", ["Muna Barat*", "*Muna Barat", "¹Muna Barat", "(†) Muna Barat"]
)
def test_a_marked_region_of_dashes_is_a_region_row(label: str) -> None:
    text = (
        "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) (Persen),\n"
        ",2015,2016\nSULAWESI TENGGARA,13.74,12.77\nMuna,14.72,14.89\n"
        f"{label},-,-\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en", errors="report")
    row = t.data[t.data["label"] == label]
    assert row["region_code"].tolist() == ["7413", "7413"]
    assert row["value"].isna().all()
    assert (t.skipped["reason"] != "note").all()


def test_a_footnote_below_the_table_stays_a_note() -> None:
    text = _HEAD + "Kota Batu*,3.06,2.86\n* Angka sementara,,\n¹ Data diperbaiki,,\n"
    t = read_bps_table(io.StringIO(text), locale="en", month=3)
    assert t.data["label"].tolist() == ["JAWA TIMUR"] * 2 + ["Kota Batu*"] * 2
    assert (t.skipped["reason"] == "note").sum() == 2


def test_marks_before_and_after_are_one_footnote() -> None:
    # Both marks kept, the one before first: "* 1)".
    t = read_bps_table(
        io.StringIO(_HEAD + "*Pacitan 1),13.08,12.97\n"), locale="en", month=3
    )
    row = t.data[t.data["label"] == "*Pacitan 1)"]
    assert row["region_code"].tolist() == ["3501", "3501"]
    assert row["footnote"].tolist() == ["* 1)", "* 1)"]
