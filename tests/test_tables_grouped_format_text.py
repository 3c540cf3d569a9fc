"""read_bps_table: a cell shown grouped is quoted as shown and as stored."""

from __future__ import annotations

import io

import pytest

from povstat import Locale, read_bps_table
from spreadsheets import ods_bytes, ods_cell, xlsx_bytes


def _xlsx(fmt: str) -> io.BytesIO:
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        ["Pacitan", 75.86],
        ["Kota Batu", 8160],
        ["Kota Malang", 35.4],
    ]
    return xlsx_bytes(rows, {"B2": "0.00", "B3": fmt, "B4": "0.00"})


@pytest.mark.parametrize(("locale", "shown"), [("id", "8.160"), ("en", "8,160")])
def test_the_grouped_cell_is_quoted_as_shown_and_stored(
    locale: Locale, shown: str
) -> None:
    # 8160 under "#,##0" shows "8.160" in Indonesian settings, "8,160" in
    # English ones: the cell's text quotes both, as the user sees it first.
    t = read_bps_table(_xlsx("#,##0"), locale=locale, errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(3, f"{shown} (stores 8160)")]


def test_an_ods_grouped_cell_is_quoted_as_shown_and_stored() -> None:
    # A float cell storing 8160 and showing "8.160" among 75.86 and 35.4.
    src = ods_bytes(
        [
            ["Kabupaten/Kota", "2023"],
            ["Pacitan", ods_cell("75,86", valuetype="float", value="75.86")],
            ["Kota Batu", ods_cell("8.160", valuetype="float", value="8160")],
            ["Kota Malang", ods_cell("35,40", valuetype="float", value="35.4")],
        ]
    )
    t = read_bps_table(src, locale="id", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(3, "8.160 (stores 8160)")]
