"""Numbers a spreadsheet stores are read by the one rule for wide numbers.

An .ods ``office:value`` or an .xlsx ``<v>`` that float64 cannot hold
(2**53 + 1 = 9007199254740993, nearest float64 9007199254740992; 13.8
written with 23 decimals, nearest float64 13.8) is an invalid cell, as the
same text in a CSV file or the same value in a frame is; one float64 holds
is read.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from povstat import read_bps_table
from spreadsheets import xlsx_bytes
from test_tables_read import _ods_value

LONG = "13.80000000000000000000001"  # 25 significant digits: not 13.8


@pytest.mark.parametrize("stored", ["9007199254740993", LONG, "-9007199254740993"])
def test_an_ods_value_float64_cannot_hold_is_invalid(stored: str) -> None:
    t = read_bps_table(_ods_value(stored), locale="en", errors="report")
    assert t.data["value"].isna().all()
    [cell] = t.invalid
    assert cell.text == stored
    # The reason names the nearest float64 with the value's sign.
    nearest = repr(float(stored))
    assert nearest in cell.reason, cell.reason
    with pytest.raises(ValueError, match=re.escape(stored)):
        read_bps_table(_ods_value(stored), locale="en")


@pytest.mark.parametrize(
    ("stored", "value"),
    [("9007199254740992", 2.0**53), ("13.800000000000000000", 13.8), ("1E-05", 1e-5)],
)
def test_an_ods_value_float64_holds_is_read(stored: str, value: float) -> None:
    # 2**53 is exact; 13.8 with trailing zeros is 13.8's shortest decimal.
    t = read_bps_table(_ods_value(stored), locale="en")
    assert t.data["value"].tolist() == [value]


def _xlsx_with_value(stored: str) -> io.BytesIO:
    # A sheet Kabupaten/Kota | 2022 / Kota Malang | 4.37, whose <v>4.37</v>
    # is then rewritten as `stored`, as another program may write it.
    raw = xlsx_bytes([["Kabupaten/Kota", "2022"], ["Kota Malang", 4.37]])
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b"<v>4.37</v>" in data
                data = data.replace(b"<v>4.37</v>", f"<v>{stored}</v>".encode())
            zout.writestr(item, data)
    out.seek(0)
    return out


@pytest.mark.parametrize("stored", ["9007199254740993", LONG, "-" + LONG])
def test_an_xlsx_value_float64_cannot_hold_is_invalid(stored: str) -> None:
    t = read_bps_table(_xlsx_with_value(stored), locale="en", errors="report")
    assert t.data["value"].isna().all()
    [cell] = t.invalid
    assert cell.text == stored
    assert repr(float(stored)) in cell.reason, cell.reason


@pytest.mark.parametrize(
    ("stored", "value"),
    [
        # 13.8 written with 18 decimals of zeros is 13.8.
        ("13.800000000000000000", 13.8),
        # 9.55 (9.5500000000000007105...) as programs write a float64 in 16
        # and 17 significant digits (openpyxl, Excel): that float64, 9.55.
        ("9.550000000000001", 9.55),
        ("9.5500000000000007", 9.55),
    ],
)
def test_an_xlsx_value_float64_holds_is_read(stored: str, value: float) -> None:
    t = read_bps_table(_xlsx_with_value(stored), locale="en")
    assert t.data["value"].tolist() == [value]


@pytest.mark.parametrize(
    ("text", "nearest"),
    [
        # -(2**53 + 1): nearest float64 -(2**53) = -9007199254740992.0.
        ("-9007199254740993", "-9007199254740992.0"),
        # -13.8 with 23 more decimals: nearest float64 -13.8.
        ("-13,80000000000000000000001", "-13.8"),
    ],
)
def test_a_negative_number_keeps_its_sign_in_the_reason(
    text: str, nearest: str
) -> None:
    from povstat import parse_numbers

    [cell] = parse_numbers([text], locale="id", errors="report").invalid
    assert f"its nearest float64 is {nearest};" in cell.reason
