"""A raised "*)" before a regency's name in a rich-text cell (sheets17 G7).

A raised "*)" after a name ("Nduga" + raised "*)") is read as the mark
"*)", as typed. Before the name (raised "*)" + "Yalimo") it showed as
"*⁾Yalimo" and was unmatched, "no region of this name". It is now the
leading mark "*)", as "*) Yalimo" typed is; the typed forms with raised
brackets ("*⁾Yalimo", "⁽*⁾Yalimo") are leading marks too.

Figures: bps_p0_kabkota_2004_2025.csv (P0, Persen), 2024 / 2025: PAPUA
PEGUNUNGAN 32.97 / 30.03, Nduga 36.28 / 32.89, Yalimo 30.02 / 27.35
(copied by hand from the source file). Codes: Papua Pegunungan 95, its
regencies Yalimo 9506 and Nduga 9508 (Kemendagri codes, as the typed
"*) Yalimo" reads).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from povstat import read_bps_table

_SUP = InlineFont(vertAlign="superscript")


def test_a_raised_star_before_a_name_is_a_leading_mark(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Kabupaten/Kota", 2024, 2025])
    ws.append(["PAPUA PEGUNUNGAN", 32.97, 30.03])
    before: list[str | TextBlock] = [TextBlock(_SUP, "*)"), "Yalimo"]
    after: list[str | TextBlock] = ["Nduga", TextBlock(_SUP, "*)")]
    ws.append([CellRichText(before), 30.02, 27.35])
    ws.append([CellRichText(after), 36.28, 32.89])
    path = tmp_path / "g7.xlsx"
    wb.save(path)
    t = read_bps_table(path, locale="en", month=3, errors="report")
    assert t.unmatched.empty
    rows = t.data.drop_duplicates("label").set_index("region_code")
    assert rows.loc["9506", "footnote"] == "*)"
    assert rows.loc["9508", "footnote"] == "*)"
    yalimo = t.data[t.data["region_code"] == "9506"]["value"].tolist()
    assert yalimo == [30.02, 27.35]


@pytest.mark.parametrize(
    ("label", "mark"),
    [("*\u207eYalimo", "*\u207e"), ("\u207d*\u207eYalimo", "\u207d*\u207e")],
)
def test_typed_raised_brackets_before_a_name(label: str, mark: str) -> None:
    text = f"Kabupaten/Kota,2024\nPAPUA PEGUNUNGAN,32.97\n{label},30.02\n"
    t = read_bps_table(io.StringIO(text), locale="en", month=3, errors="report")
    assert t.unmatched.empty
    last = t.data.iloc[-1]
    assert last["region_code"] == "9506"
    assert last["footnote"] == mark
    assert last["value"] == 30.02
