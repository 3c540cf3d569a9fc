"""read_bps_table: an area code before a name of another region's kind."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_path


@pytest.mark.parametrize(
    ("label", "written", "note"),
    [
        # 3501 is Kabupaten Pacitan; "Batu" bare names no regency, but it is
        # the name of 3579 Kota Batu: the code and the name disagree.
        ("3501 Batu", "'Batu'", " (with its kind written: a bare name is a regency)"),
        # The kind written ("Kab.") fits no region named Batu either.
        ("3501 Kab. Batu", "'Kab. Batu'", ""),
        # The code in brackets is the same code.
        ("(3501) Batu", "'Batu'", " (with its kind written: a bare name is a regency)"),
    ],
)
def test_a_code_before_another_regions_name_names_both(
    label: str, written: str, note: str
) -> None:
    text = f"Kabupaten/Kota;2022\n{label};4,1\nPacitan;13,8\n"
    got = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    assert got.unmatched["label"].tolist() == [label]
    reason = got.unmatched["reason"].iloc[0]
    assert reason == (
        "the code 3501 before the name is 3501 Kabupaten Pacitan (Jawa Timur), "
        f"but the name {written} is no region's as written and 'Batu' is the "
        "name of 3579 Kota Batu (Jawa Timur): the code and the name disagree; "
        f"write the code and the name of the same region{note}"
    )
    assert "no region of this name" not in reason


def test_a_code_before_its_own_city_written_bare_keeps_the_bare_name_reason() -> None:
    # 3579 is Kota Batu itself: code and name agree, only the kind is
    # missing; the reason stays the one for a bare city name.
    text = "Kabupaten/Kota;2022\n3579 Batu;4,1\nPacitan;13,8\n"
    got = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    reason = got.unmatched["reason"].iloc[0]
    assert "a bare name is a regency" in reason
    assert "disagree" not in reason


def test_a_workbook_label_with_another_regions_code_names_both(tmp_path: Path) -> None:
    path = xlsx_path(
        tmp_path / "t.xlsx",
        [["Kabupaten/Kota", 2022], ["3501 Batu", 4.1], ["Pacitan", 13.8]],
    )
    got = read_bps_table(path, locale="id", errors="report")
    reason = got.unmatched["reason"].iloc[0]
    assert "3501 Kabupaten Pacitan (Jawa Timur)" in reason
    assert "3579 Kota Batu (Jawa Timur)" in reason
    assert "the code and the name disagree" in reason
    # Pacitan's row is matched and read as written; the other row is not.
    data = got.data
    assert data.loc[data["region_code"] == "3501", "value"].tolist() == [13.8]
    assert data["region_code"].notna().sum() == 1
