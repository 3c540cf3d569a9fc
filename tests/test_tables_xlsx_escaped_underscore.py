"""read_bps_table: an .xlsx text escaping its underscore ("_x005F_") is decoded once."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import pandas as pd
import pytest

from povstat import read_bps_table

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def _book(rows: list[list[object]], cell: str, *, formula: bool = False) -> io.BytesIO:
    # A workbook written by hand, its text cells as `cell` says: shared
    # strings ("s", as Excel writes them), inline ("inlineStr") or a
    # formula's text result ("str"); the text goes in as given, escapes
    # and all (openpyxl writes "_x000D_" as given and cannot write the
    # escaped underscore Excel writes for the text "_x000D_").
    shared: list[str] = []
    xml_rows = []
    for i, row in enumerate(rows, start=1):
        cells = []
        for j, v in enumerate(row):
            ref = f"{'ABC'[j]}{i}"
            if isinstance(v, float):
                cells.append(f'<c r="{ref}"><v>{v!r}</v></c>')
            elif cell == "s":
                shared.append(str(v))
                cells.append(f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>')
            elif cell == "inlineStr":
                cells.append(
                    f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>'
                )
            else:
                cells.append(
                    f'<c r="{ref}" t="str"><f>""</f><v>{escape(str(v))}</v></c>'
                )
        xml_rows.append(f'<row r="{i}">{"".join(cells)}</row>')
    strings = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
    files = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            f'ContentType="{_CT}.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{_CT}.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            f'ContentType="{_CT}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(xml_rows)}'
            "</sheetData></worksheet>"
        ),
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{_MAIN}" count="{len(shared)}" '
            f'uniqueCount="{len(shared)}">{strings}</sst>'
        ),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in files.items():
            z.writestr(name, body)
    buf.seek(0)
    return buf


@pytest.mark.parametrize("cell", ["s", "inlineStr", "str"])
def test_an_escaped_underscore_is_decoded_once(cell: str) -> None:
    # Excel stores the text "_x000D_" as "_x005F_x000D_" ("_x005F_" is the
    # underscore, ECMA-376 ST_Xstring), and shows "_x000D_": decoded once,
    # the label "Kota Batu_x000D_" is no region's name (a carriage return
    # would be layout, and the row Kota Batu), and the value cell "_x000D_"
    # no number (a carriage return alone would be an empty cell).
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "2023"],
        ["Pacitan", 13.65],
        ["Kota Batu_x005F_x000D_", 4.26],
        ["Kota Malang", "_x005F_x000D_"],
    ]
    t = read_bps_table(_book(rows, cell), locale="id", errors="report")
    assert t.data["label"].tolist() == ["Pacitan", "Kota Batu_x000D_", "Kota Malang"]
    assert pd.isna(t.data["region_code"].iloc[1])
    assert [(c.row, c.text) for c in t.invalid] == [(4, "_x000D_")]


@pytest.mark.parametrize("cell", ["s", "inlineStr"])
def test_an_escaped_carriage_return_is_still_decoded(cell: str) -> None:
    # "Kota Batu_x000D_" is "Kota Batu" and a carriage return: Kota Batu
    # (3579); "Maret_x000D_ 2023" is March 2023.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "Maret_x000D_ 2023"],
        ["Kota Batu_x000D_", 4.26],
    ]
    t = read_bps_table(_book(rows, cell), locale="id")
    assert t.data["region_code"].tolist() == ["3579"]
    assert t.data["month"].tolist() == [3]
