"""read_bps_table: a percent format and a percent sign follow one rule.

Under a title stating percent ("(Persen)"), a cell stating "%" is no
scale of its own: "13,08%" beside a plain "12,97" is 13.08 beside 12.97.
A workbook holding 0.1308 formatted ``0.00%`` (shown 13.08%) beside a
plain 12.97 is read the same, as the CSV file Excel saves from it
("13,08%;12,97") is: 13.08 and 12.97, no cell refused (before, the plain
12.97 was refused as a number without a percent format). A plain fraction
of one (0.1297, shown "0.1297") among percent-formatted cells under that
title is still refused, the cell named: 0.1297 is below a tenth of the
block's median percentage (the formatted 13.08, 6.48, 4.20, 6.22, 3.99:
median 6.22), so it may be 12.97 % that lost its format, or 0.13 %.

Figures: BPS P0 kab/kota, Maret (bps_p0_kabkota): Pacitan 13.08 (2024) /
12.97 (2025); Kota Batu 6.48 / 6.22 and Kota Malang 4.20 / 3.99 are
stand-ins.
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import xlsx_bytes

_TITLE = "Persentase Penduduk Miskin (Persen)"
_HEAD: list[Any] = ["Kabupaten/Kota", "2024", "2025"]


def test_a_percent_format_beside_plain_percentages_reads_as_its_csv() -> None:
    rows: list[list[Any]] = [
        [_TITLE],
        _HEAD,
        ["Pacitan", 0.1308, 12.97],
        ["Kota Batu", 0.0648, 6.22],
    ]
    book = read_bps_table(
        xlsx_bytes(rows, {"B3": "0.00%", "B4": "0.00%"}), locale="en", month=3
    )
    # The CSV file Excel saves from that sheet, each cell as shown.
    saved = f"{_TITLE};;\nKabupaten/Kota;2024;2025\nPacitan;13,08%;12,97\n"
    saved += "Kota Batu;6,48%;6,22\n"
    csv = read_bps_table(io.StringIO(saved), locale="id", sep=";", month=3)
    # By hand: 0.1308 shown as 13.08% is 13.08 percent; 12.97 under
    # "(Persen)" is 12.97 percent.
    assert book.data["value"].tolist() == [13.08, 12.97, 6.48, 6.22]
    assert csv.data["value"].tolist() == book.data["value"].tolist()


def test_a_plain_fraction_among_percent_formats_is_still_refused() -> None:
    rows: list[list[Any]] = [
        [_TITLE],
        _HEAD,
        ["Pacitan", 0.1308, 0.1297],
        ["Kota Batu", 0.0648, 0.0622],
        ["Kota Malang", 0.0420, 0.0399],
    ]
    formats = dict.fromkeys(["B3", "B4", "B5", "C4", "C5"], "0.00%")
    with pytest.raises(NumberParseError) as err:
        read_bps_table(xlsx_bytes(rows, formats), locale="en", month=3)
    said = str(err.value)
    assert "1 cell is not a valid number" in said
    assert (
        "row 3, column '2025': '0.1297' (a number without a percent format "
        "beside numbers formatted as percent"
    ) in said
