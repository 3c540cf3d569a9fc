"""A spreadsheet number shown grouped without decimals among decimals."""

from __future__ import annotations

import io

import numpy as np
import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import ods_bytes, ods_cell, xlsx_bytes

_ROWS: list[list[object]] = [
    ["Kabupaten/Kota", "2023"],
    [None, "(ribu jiwa)"],
    ["Pacitan", 75.86],
    ["Kota Batu", 8160],
    ["Kota Malang", 35.4],
]


@pytest.mark.parametrize("fmt", ["#,##0", "#,##0_);(#,##0)", '#,##0" "'])
def test_a_grouped_whole_number_among_decimals_is_refused(fmt: str) -> None:
    # 8160 under "#,##0" shows "8.160" in Indonesian settings: 8160 thousand
    # as stored, or 8.16 thousand as typed in the other convention; the other
    # cells (75.86, 35.4) hold decimals. Judged as the CSV text "8.160" is.
    src = xlsx_bytes(_ROWS, {"B3": "0.00", "B4": fmt, "B5": "0.00"})
    with pytest.raises(NumberParseError, match=r"reads 8160, but 8,16"):
        read_bps_table(src, locale="id")
    src.seek(0)
    t = read_bps_table(src, locale="id", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == [(4, "2023")]
    reason = t.invalid[0].reason
    assert "shows it '8.160'" in reason
    assert "such as '35,4'" in reason  # quoted as the sheet shows it
    assert np.isnan(t.data["value"].iloc[1])


def test_whole_numbers_all_grouped_read() -> None:
    # Every cell under "#,##0" (75 860, 8 160, 35 400 persons): no decimals
    # anywhere, nothing ambiguous; read as stored.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        ["Pacitan", 75860],
        ["Kota Batu", 8160],
        ["Kota Malang", 35400],
    ]
    t = read_bps_table(
        xlsx_bytes(rows, {"B2": "#,##0", "B3": "#,##0", "B4": "#,##0"}), locale="id"
    )
    assert t.data["value"].tolist() == [75860.0, 8160.0, 35400.0]


def test_an_ungrouped_or_decimal_format_is_not_refused() -> None:
    # 8160 under "0" shows "8160" (no dot) and 8160 under "#,##0.00" shows
    # "8.160,00" (decimals): neither is the ambiguous "8.160".
    for fmt in ("0", "#,##0.00"):
        t = read_bps_table(
            xlsx_bytes(_ROWS, {"B3": "0.00", "B4": fmt, "B5": "0.00"}), locale="id"
        )
        assert t.data["value"].tolist() == [75.86, 8160.0, 35.4]


def _ods(shown: str) -> io.BytesIO:
    # A float cell storing 8160 and showing `shown`, among 75.86 and 35.4.
    return ods_bytes(
        [
            ["Kabupaten/Kota", "2023"],
            ["Pacitan", ods_cell("75,86", valuetype="float", value="75.86")],
            ["Kota Batu", ods_cell(shown, valuetype="float", value="8160")],
            ["Kota Malang", ods_cell("35,40", valuetype="float", value="35.4")],
        ]
    )


def test_an_ods_number_shown_grouped_is_refused() -> None:
    # Stored 8160, shown "8.160": as the .xlsx cell above.
    t = read_bps_table(_ods("8.160"), locale="id", errors="report")
    assert [c.row for c in t.invalid] == [3]
    assert "reads 8160, but 8,16" in t.invalid[0].reason
    # Shown "8160": nothing ambiguous, read as stored.
    t = read_bps_table(_ods("8160"), locale="id")
    assert t.data["value"].tolist() == [75.86, 8160.0, 35.4]
