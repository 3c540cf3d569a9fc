"""An unclosed quote in a CSV file: named by its line, never read as a label.

A field that opens a quote and does not close it on its line runs on to the
next quote or to the end of the file, swallowing the rows after it into one
label ('Kota Batu;4,1 Pacitan;13,8 Kota Malang;4,3'). A field holding line
breaks with the separator after one (a line of fields of its own) is such a
field: the table is refused, naming the line the quote opens in.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import povstat as ps


def test_a_quote_never_closed_is_named_by_its_line() -> None:
    # Line 2 opens a quote; lines 2-4 become one field.
    text = 'Kabupaten/Kota;2022\n"Kota Batu;4,1\nPacitan;13,8\nKota Malang;4,3\n'
    with pytest.raises(
        ValueError,
        match=r"the quote \(\"\) opened in line 2 is never closed: lines 2-4 are "
        r"read as one field \('Kota Batu;4,1 Pacitan;13,8 Kota Malang;4,3'\).*"
        r"close the quote where the field ends, or remove it",
    ):
        ps.read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")


def test_a_quote_closed_lines_later_is_named(tmp_path: Path) -> None:
    # A stray quote in line 4 closes the one opened in line 2 (a file on
    # disk, read by path: the same rule).
    path = tmp_path / "t.csv"
    path.write_text(
        'Kabupaten/Kota,2022\n"Kota Batu,4.1\nPacitan,13.8\nKota "Malang,4.3\n'
        "Kota Blitar,3\n",
        encoding="utf-8",
    )
    with pytest.raises(
        ValueError, match=r"opened in line 2 is closed only in line 4: lines 2-4"
    ):
        ps.read_bps_table(path, locale="en")


def test_a_quoted_label_over_two_lines_is_read() -> None:
    # "Kota\nBatu" is one label over two lines, no separator inside: read,
    # its value 4.1 (and Pacitan's 13.8).
    text = 'Kabupaten/Kota;2022\n"Kota\nBatu";4,1\nPacitan;13,8\n'
    t = ps.read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [4.1, 13.8]
