"""read_bps_table: a zero in Indonesian Excel's rupiah Accounting format."""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table

openpyxl = pytest.importorskip("openpyxl")

# Excel's Accounting format for rupiah in Indonesian settings: its zero
# section shows "Rp -" (a dash for zero after the currency).
_RUPIAH = '_-[$Rp-421]* #,##0_-;\\-[$Rp-421]* #,##0_-;_-[$Rp-421]* "-"_-;_-@_-'


def _book(rows: list[tuple[str, list[float]]], fmt: str) -> io.BytesIO:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kabupaten/Kota", 2022, 2023])
    for label, values in rows:
        ws.append([label, *values])
        for cell in ws[ws.max_row][1:]:
            cell.number_format = fmt
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def test_rupiah_accounting_zero_is_zero() -> None:
    book = _book([("Pacitan", [327758, 352606]), ("Ponorogo", [0, 400147])], _RUPIAH)
    t = read_bps_table(book, locale="id", month=3, errors="report")
    # Stored 0, shown "Rp -": 0 rupiah, as the other cells are rupiah.
    assert t.data["value"].tolist() == [327758.0, 352606.0, 0.0, 400147.0]
    assert not t.invalid


def test_text_in_a_zero_section_is_still_refused() -> None:
    # A zero section of words ('"n.a."'), no dash: no number is shown.
    fmt = '#,##0;-#,##0;"n.a."'
    book = _book([("Pacitan", [327758, 352606]), ("Ponorogo", [0, 400147])], fmt)
    t = read_bps_table(book, locale="id", month=3, errors="report")
    assert [i.text for i in t.invalid] == ["n.a."]
