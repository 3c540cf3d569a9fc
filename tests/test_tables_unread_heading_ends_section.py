"""read_bps_table: a row naming a kind of region that is no heading ends the section.

"DAFTAR KOTA" (list of cities) is no heading (a heading is the kind alone,
"KOTA"), so its kind is not read; but it ends the section of the heading
above: the bare names below it are read as under no heading (a bare name is
the regency, as in BPS tables), never as the kind of the section above.
"""

from __future__ import annotations

import io

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
def test_a_kota_section_ends_at_an_unread_kabupaten_heading(row: str) -> None:
    # Malang and Batu under KOTA: Kota Malang 3573, Kota Batu 3579. Below
    # the unread heading, "Madiun" is a bare name under no heading: the
    # regency, Kabupaten Madiun 3519 (before, Kota Madiun 3577, carried from
    # KOTA); Pacitan is the regency 3501 (before, unmatched: no Kota Pacitan).
    codes, reasons = _read(
        f"KOTA;\nMalang;4,26\nBatu;3,31\n{row};\nPacitan;13,8\nMadiun;9,9\n"
    )
    assert codes[1:3] == ["3573", "3579"]
    assert codes[4:] == ["3501", "3519"]
    assert reasons[1].startswith(
        "names a kind of region but is no heading (a heading is the kind alone"
    )
    assert "it ends the section of kota names above it" in reasons[1]


def test_the_duplicate_message_no_longer_puts_the_row_under_the_heading_above() -> None:
    # Two bare "Malang": both the regency (3507), refused; the second lies
    # below "DAFTAR KOTA", which ends the KABUPATEN section, so it lies
    # under no heading.
    text = _TITLE + "KABUPATEN;\nPacitan;13,8\nMalang;9,9\nDAFTAR KOTA;\nMalang;4,26\n"
    with pytest.raises(ValueError, match="more than one row for the same region") as e:
        read_bps_table(
            io.StringIO(text), locale="id", sep=";", month=3, province="Jawa Timur"
        )
    said = str(e.value)
    assert "'Malang' (row 5) lies under the heading 'KABUPATEN' (row 3)" in said
    assert "'Malang' (row 7) lies under no heading row" in said


def test_a_label_naming_both_kinds_or_holding_numbers_does_not_end_it() -> None:
    # "Kabupaten/Kota" (a header's label repeated) names both kinds, and
    # "Jumlah Kota" holds a number (a subtotal): the KOTA section goes on,
    # so "Madiun" below them is Kota Madiun 3577, "Blitar" Kota Blitar 3572.
    codes, _ = _read(
        "KOTA;\nMalang;4,26\nKabupaten/Kota;\nMadiun;4,1\nJumlah Kota;4,0\nBlitar;7,2\n"
        "DAFTAR KABUPATEN;\nBlitar;9,3\n"
    )
    assert codes[1] == "3573"
    assert codes[3] == "3577"
    assert codes[5] == "3572"
    # Below "DAFTAR KABUPATEN": the regency Blitar, 3505 (before, a second
    # Kota Blitar, refused as a duplicate).
    assert codes[7] == "3505"
