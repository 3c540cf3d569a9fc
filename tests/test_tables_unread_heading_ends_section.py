"""read_bps_table: a row naming a kind of region that is no heading ends the section.

"DAFTAR KABUPATEN" (list of regencies) is no heading of the kind alone
("KABUPATEN"), but it names one kind: it ends the section of the heading
above and heads a section of its own kind, never carrying the kind of the
section above. A total row naming a kind ("JUMLAH KABUPATEN", no number)
ends the section and heads none: the bare names below it are read as under
no heading (a bare name is the regency, as in BPS tables; more total rows
in tests/test_tables_total_rows_end_section.py).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

_TITLE = "Persentase Penduduk Miskin\nKabupaten/Kota;2023\n"


def _read(body: str) -> tuple[list[object], list[str]]:
    t = read_bps_table(
        io.StringIO(_TITLE + body),
        locale="id",
        sep=";",
        month=3,
        province="Jawa Timur",
        errors="report",
    )
    return t.data["region_code"].tolist(), t.unmatched["reason"].tolist()


@pytest.mark.parametrize("row", ["DAFTAR KABUPATEN", "Nama Kabupaten:", "Daftar Kab."])
def test_a_kota_section_ends_at_a_kabupaten_list_row(row: str) -> None:
    # Malang and Batu under KOTA: Kota Malang 3573, Kota Batu 3579. Below
    # the list row, "Madiun" is a regency, Kabupaten Madiun 3519 (before
    # the section ended, Kota Madiun 3577, carried from KOTA); Pacitan is
    # the regency 3501 (before, unmatched: no Kota Pacitan).
    codes, reasons = _read(
        f"KOTA;\nMalang;4,26\nBatu;3,31\n{row};\nPacitan;13,8\nMadiun;9,9\n"
    )
    assert codes[1:3] == ["3573", "3579"]
    assert codes[4:] == ["3501", "3519"]
    assert reasons[1].startswith("a heading: ")
    assert "read as kabupaten names" in reasons[1]


def test_the_duplicate_message_no_longer_puts_the_row_under_the_heading_above() -> None:
    # Two bare "Malang": both the regency (3507), refused; the second lies
    # below "JUMLAH KABUPATEN" (a total with no number), which ends the
    # KABUPATEN section, so it lies under no heading.
    text = (
        _TITLE + "KABUPATEN;\nPacitan;13,8\nMalang;9,9\nJUMLAH KABUPATEN;\n"
        "Malang;4,26\n"
    )
    with pytest.raises(ValueError, match="more than one row for the same region") as e:
        read_bps_table(
            io.StringIO(text), locale="id", sep=";", month=3, province="Jawa Timur"
        )
    said = str(e.value)
    assert "'Malang' (row 5) lies under the heading 'KABUPATEN' (row 3)" in said
    assert "'Malang' (row 7) lies under no heading row" in said


def test_a_label_naming_both_kinds_does_not_end_it() -> None:
    # "Kabupaten/Kota" (a header's label repeated) names both kinds: the KOTA
    # section goes on, so "Madiun" below it is Kota Madiun 3577.
    codes, _ = _read(
        "KOTA;\nMalang;4,26\nKabupaten/Kota;\nMadiun;4,1\n"
        "DAFTAR KABUPATEN;\nKediri;10,7\n"
    )
    assert codes[1] == "3573"
    assert codes[3] == "3577"
    # Below "DAFTAR KABUPATEN": the regency Kediri, 3506.
    assert codes[5] == "3506"


def _codes(text: str, **kw: object) -> list[object]:
    t = read_bps_table(
        io.StringIO(text),
        locale="id",
        sep=";",
        month=3,
        errors="report",
        **kw,  # type: ignore[arg-type]
    )
    return [None if pd.isna(c) else c for c in t.data["region_code"]]


@pytest.mark.parametrize(
    ("body", "madiun", "code"),
    [
        # The province row above (BPS's usual layout).
        (
            "JAWA TIMUR;10,35\nKOTA;\nBlitar;7,10\nDAFTAR KABUPATEN;\nMadiun;11,00\n",
            4,
            "3519",
        ),
        # The province's total below.
        (
            "KOTA;\nBlitar;7,10\nDAFTAR KABUPATEN;\nMadiun;11,00\nJAWA TIMUR;10,35\n",
            3,
            "3519",
        ),
        # "Jumlah Kota" with no number: the section ends, no other opens.
        (
            "JAWA TIMUR;10,35\nKOTA;\nBlitar;7,10\nJumlah Kota;-\nMadiun;11,00\n",
            4,
            "3519",
        ),
        # "DAFTAR KOTA" heads cities, as "KOTA" does: Kota Madiun 3577.
        (
            "JAWA TIMUR;10,35\nKOTA;\nBlitar;7,10\nDAFTAR KOTA;\nMadiun;11,00\n",
            4,
            "3577",
        ),
    ],
)
def test_the_section_ends_in_a_table_with_a_province_row(
    body: str, madiun: int, code: str
) -> None:
    # Blitar under KOTA: Kota Blitar 3572. "Madiun" below a row ending the
    # section is a bare name under no heading or the row's own kind:
    # Kabupaten Madiun 3519 (before, Kota Madiun 3577, the KOTA section
    # carried past the row), or Kota Madiun 3577 under "DAFTAR KOTA".
    codes = _codes(_TITLE + body)
    assert "3572" in codes
    assert codes[madiun] == code


def test_the_section_ends_in_a_table_of_two_provinces() -> None:
    # Kota Magelang 3371 under Jawa Tengah's KOTA; Kota Blitar 3572 under
    # Jawa Timur's; below "DAFTAR KABUPATEN", Kabupaten Madiun 3519 and
    # Kabupaten Kediri 3506 (before, Kota Madiun 3577 and Kota Kediri 3571).
    codes = _codes(
        _TITLE + "JAWA TENGAH;10,77\nKOTA;\nMagelang;6,50\nJAWA TIMUR;10,35\nKOTA;\n"
        "Blitar;7,10\nDAFTAR KABUPATEN;\nMadiun;11,00\nKediri;10,50\n"
    )
    assert codes == ["33", None, "3371", "35", None, "3572", None, "3519", "3506"]


def test_the_section_ends_in_a_workbook_with_a_province_row() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["Persentase Penduduk Miskin"],
        ["Kabupaten/Kota", 2023],
        ["JAWA TIMUR", 10.35],
        ["KOTA", None],
        ["Blitar", 7.1],
        ["DAFTAR KABUPATEN", None],
        ["Madiun", 11.0],
    ]:
        ws.append(row)
    book = io.BytesIO()
    wb.save(book)
    book.seek(0)
    t = read_bps_table(book, locale="id", month=3, errors="report")
    # Kota Blitar 3572; Kabupaten Madiun 3519 (before, Kota Madiun 3577).
    assert [None if pd.isna(c) else c for c in t.data["region_code"]] == [
        "35",
        None,
        "3572",
        None,
        "3519",
    ]
