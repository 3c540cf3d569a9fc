"""A footnote line opening with a mark the reader reads before a name (sheets16 F5).

BPS marks a new regency "(*)" and explains the mark below the table:
"(*) Kabupaten baru hasil pemekaran". The reader reads "(*)" before a
region's name as its footnote ("(*) Muna Barat": footnote "(*)"); a line
opening with such a mark, followed by text naming no region and holding
no values, is a footnote, skipped as a note, as "*) ..." is. A marked row
naming a region stays a region row, whatever its value cells hold ("-" for
a regency not yet formed).

Figures: bps_p0_kabkota_2004_2025.csv (P0, Persen, March), 2014 / 2015:
SULAWESI TENGGARA 12.77 / 12.9, Muna 14.46 / 15.45, Muna Barat "-" / "-"
(formed from Muna, first figure 2016), Kota Kendari 5.56 / 5.59. Muna
Barat's code is 7413 (Permendagri).
"""

from __future__ import annotations

import io
import math

import pytest

from povstat import read_bps_table

_TEXT = (
    "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) (Persen),\n"
    ",2014,2015\nSULAWESI TENGGARA,12.77,12.9\nMuna,14.46,15.45\n"
    "{mark} Muna Barat,-,-\nKota Kendari,5.56,5.59\n,,\n{mark} {note},,\n"
)


@pytest.mark.parametrize("mark", ["(*)", "*)", "(†)", "¹", "#"])
@pytest.mark.parametrize("note", ["Kabupaten baru hasil pemekaran", "Angka sementara"])
def test_a_marked_footnote_line_is_a_note(mark: str, note: str) -> None:
    t = read_bps_table(
        io.StringIO(_TEXT.format(mark=mark, note=note)), locale="en", month=3
    )
    # The footnote line: line 8, skipped as a note, in no other table.
    last = t.skipped.iloc[-1]
    assert (int(last["row"]), last["reason"], last["text"]) == (
        8,
        "note",
        f"{mark} {note}",
    )
    assert len(t.unmatched) == 0
    assert t.invalid == ()
    assert not t.data["label"].str.contains(note).any()
    # The marked regency: a region row (7413), its mark its footnote, its
    # two years missing ("-").
    muna_barat = t.data[t.data["label"] == f"{mark} Muna Barat"]
    assert muna_barat["region_code"].tolist() == ["7413", "7413"]
    assert muna_barat["footnote"].tolist() == [mark, mark]
    assert all(math.isnan(v) for v in muna_barat["value"])
    # Every region read: 4 rows x 2 years.
    assert len(t.data) == 8
    kendari = t.data[t.data["label"] == "Kota Kendari"]["value"].tolist()
    assert kendari == [5.56, 5.59]


def test_a_marked_line_holding_numbers_is_data_not_a_note() -> None:
    # A marked line holding a number is a data row, never dropped as a
    # note: unmatched, its value kept, as with "*)".
    text = _TEXT.format(mark="(*)", note="Angka sementara").replace(
        "(*) Angka sementara,,", "(*) Angka sementara,12.5,"
    )
    for mark in ("(*)", "*)"):
        t = read_bps_table(io.StringIO(text.replace("(*)", mark)), locale="en", month=3)
        assert t.unmatched[["row", "reason"]].values.tolist() == [
            [8, "no region of this name"]
        ]
        row = t.data[t.data["label"] == f"{mark} Angka sementara"]
        assert row["value"].iloc[0] == 12.5
        assert "note" not in t.skipped["reason"].tolist()
