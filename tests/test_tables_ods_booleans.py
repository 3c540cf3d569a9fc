"""read_bps_table: an .ods boolean cell is its stored value, not its text.

LibreOffice in Indonesian shows TRUE as "BENAR" and FALSE as "SALAH"; the
cell stores ``office:boolean-value="true"``. pandas compares the text shown
with "TRUE", which made "BENAR" False. The cell is invalid either way (a
boolean is not a number) and is shown as the value it stores.
"""

from __future__ import annotations

from pathlib import Path

from povstat import read_bps_table
from spreadsheets import ods_cell, ods_path


def _sheet(path: Path, cells: list[tuple[str, str]]) -> Path:
    # Header "Kabupaten/Kota | 2022"; one region per boolean cell, each
    # cell (stored value, text shown).
    labels = ["Pacitan", "Kota Batu", "Kota Malang", "Kota Blitar"]
    rows = [["Kabupaten/Kota", ods_cell("2022", valuetype="float", value="2022")]]
    rows += [
        [label, ods_cell(shown, valuetype="boolean", booleanvalue=stored)]
        for label, (stored, shown) in zip(labels, cells, strict=False)
    ]
    return ods_path(path, rows, name="S1")


def test_boolean_cells_are_shown_as_stored(tmp_path: Path) -> None:
    # true shown "BENAR" -> True (pandas alone: False); false shown "SALAH"
    # -> False; true shown "TRUE" -> True; false shown "TRUE" (a style
    # showing text of its own) -> False.
    path = _sheet(
        tmp_path / "b.ods",
        [("true", "BENAR"), ("false", "SALAH"), ("true", "TRUE"), ("false", "TRUE")],
    )
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [
        (2, "True"),  # sheet rows 2-5: Pacitan, Kota Batu, ...
        (3, "False"),
        (4, "True"),
        (5, "False"),
    ]
    assert all(c.reason == "a boolean, not a number" for c in t.invalid)


def test_a_boolean_cell_with_no_stored_value_is_shown_as_its_text(
    tmp_path: Path,
) -> None:
    # No office:boolean-value: neither True nor False is guessed; the cell
    # is its text, "BENAR", which is no number in locale "id".
    rows = [
        ["Kabupaten/Kota", ods_cell("2022", valuetype="float", value="2022")],
        ["Pacitan", ods_cell("BENAR", valuetype="boolean")],
    ]
    path = ods_path(tmp_path / "no_value.ods", rows, name="S1")
    t = read_bps_table(path, locale="id", errors="report")
    assert [(c.row, c.text) for c in t.invalid] == [(2, "BENAR")]
    assert t.invalid[0].reason.startswith("not a number")
