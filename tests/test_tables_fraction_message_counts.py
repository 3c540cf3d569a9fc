"""The bare-fraction message states how many cells state percent (sheets16 F6).

Under "(Persen)", a plain 0.1029 beside percent-formatted cells is the
invalid cell (a fraction of one that lost its format). The message names
how many of the block's numbers state percent and gives the median of
those alone, never implying every value cell is so formatted.

Figures: BPS P0 kab/kota Jawa Timur, Maret (bps_p0_kabkota_2004_2025.csv),
2023 / 2024 / 2025: JAWA TIMUR 10.35 / 9.79 / 9.50, Pacitan 13.65 / 13.08
/ 12.97, Ponorogo 9.53 / 9.11 / 8.86, Trenggalek 10.63 / 10.50 / 10.29.
By hand: 12 numbers (4 rows x 3 years). Pacitan and Ponorogo 2024 stored
as 0.1308 and 0.0911 formatted 0.00%: 2 of 12 state percent, their median
(13.08 + 9.11) / 2 = 11.095; Trenggalek 2025 typed 0.1029 < 1.1095. With
only Pacitan's formatted: 1 of 12, 13.08 (a tenth: 1.308 > 0.1029).
"""

from __future__ import annotations

import io
from typing import Any

from povstat import read_bps_table
from spreadsheets import xlsx_bytes

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"


def _rows() -> list[list[Any]]:
    return [
        ["Provinsi/Kabupaten/Kota", _TITLE],
        [None, 2023, 2024, 2025],
        ["JAWA TIMUR", 10.35, 9.79, 9.5],
        ["Pacitan", 13.65, 0.1308, 12.97],
        ["Ponorogo", 9.53, 0.0911, 8.86],
        ["Trenggalek", 10.63, 10.5, 0.1029],
    ]


def _reason(source: Any) -> str:
    t = read_bps_table(source, locale="en", month=3, errors="report")
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(6, "2025", "0.1029")]
    return t.invalid[0].reason


def test_two_formatted_cells_of_twelve() -> None:
    said = _reason(xlsx_bytes(_rows(), {"C4": "0.00%", "C5": "0.00%"}))
    assert said.startswith(
        "a number without a percent format beside numbers formatted as "
        "percent (all value cells: 2 of 12 numbers are formatted as percent, "
        "their median 11.095%), under a stated percent: 0.1029 is less than "
        "a tenth of that median, so it is likely a fraction of one (10.29%)"
    )
    assert "numbers formatted as percent (all value cells;" not in said


def test_one_formatted_cell_of_twelve() -> None:
    rows = _rows()
    rows[4][2] = 9.11  # Ponorogo 2024 plain
    said = _reason(xlsx_bytes(rows, {"C4": "0.00%"}))
    assert said.startswith(
        "a number without a percent format beside one formatted as percent "
        "(all value cells: 1 of 12 numbers is formatted as percent: 13.08%), "
        "under a stated percent: 0.1029 is less than a tenth of that number"
    )


def test_signs_in_a_csv_file_are_counted_as_signs() -> None:
    text = (
        f"Provinsi/Kabupaten/Kota,{_TITLE},,\n,2023,2024,2025\n"
        "JAWA TIMUR,10.35,9.79,9.5\nPacitan,13.65,13.08%,12.97\n"
        "Ponorogo,9.53,9.11%,8.86\nTrenggalek,10.63,10.5,0.1029\n"
    )
    said = _reason(io.StringIO(text))
    assert said.startswith(
        "a number without a percent sign beside numbers written with a "
        "percent sign (all value cells: 2 of 12 numbers are written with a "
        "percent sign, their median 11.095%)"
    )


def test_a_sign_and_a_format_together() -> None:
    rows = _rows()
    rows[4][2] = "9.11%"  # Ponorogo 2024 typed as text with its sign
    said = _reason(xlsx_bytes(rows, {"C4": "0.00%"}))
    assert said.startswith(
        "a number without a percent format or sign beside numbers formatted "
        "as percent or written with a percent sign (all value cells: 2 of 12 "
        "numbers are formatted as percent or written with a percent sign, "
        "their median 11.095%)"
    )
