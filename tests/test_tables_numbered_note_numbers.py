"""read_bps_table: a footnote-like row whose cells hold numbers not as written."""

from __future__ import annotations

import io

import pytest

from povstat import BpsTable, read_bps_table


def _read(text: str) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";")


@pytest.mark.parametrize(
    ("row", "cell"),
    [
        ("2) Foo", "3,5*"),
        ("2) Foo", "(3)"),
        ("(2) Foo", "3..5"),
        ("a) Foo", "12a"),
        ("*Foo", "3,5 1)"),
    ],
)
def test_a_footnote_like_row_with_digits_is_reported_as_holding_numbers(
    row: str, cell: str
) -> None:
    # "Foo" is no region and the cell no number as written: the row is not
    # data, and it is skipped as a note holding numbers, not as a bare note.
    t = _read(f"Kabupaten/Kota;2022\nPacitan;1\n{row};{cell}\n")
    assert t.data["label"].tolist() == ["Pacitan"]
    assert t.skipped[["row", "reason", "text"]].values.tolist() == [
        [3, "note with numbers", f"{row} | {cell}"]
    ]


@pytest.mark.parametrize("cell", ["lihat", "tahun 2015"])
def test_a_footnote_row_of_words_is_still_a_note(cell: str) -> None:
    # No value cell starting with a number (words, a year within words): a
    # footnote, reason "note".
    t = _read(f"Kabupaten/Kota;2022\nPacitan;1\n1) angka sementara;{cell}\n")
    assert t.skipped["reason"].tolist() == ["note"]


def test_a_worded_note_with_a_year_in_words_is_still_a_note() -> None:
    # "Catatan" beside a sentence naming 2015: a note, as before.
    t = _read("Kabupaten/Kota;2022\nPacitan;1\nCatatan;Tidak ada data 2015\n")
    assert t.skipped["reason"].tolist() == ["note"]


def test_a_numbered_row_holding_numbers_is_still_data() -> None:
    # "2) Foo;3" holds a number as written: data, unmatched (unchanged).
    t = _read("Kabupaten/Kota;2022\nPacitan;1\n2) Foo;3\n")
    assert t.data["value"].tolist() == [1.0, 3.0]
    assert t.unmatched["label"].tolist() == ["2) Foo"]
    assert t.skipped.empty
