"""A Windows-1252 file read as Latin-1: its C1 control characters are named."""

from __future__ import annotations

from pathlib import Path

from povstat import parse_numbers, read_bps_table


def test_an_en_dash_read_as_latin_1_names_the_control_character(
    tmp_path: Path,
) -> None:
    # The en dash is byte 0x96 in cp1252; decoded as Latin-1 it is U+0096, a
    # control character: the reason names it, what cp1252 reads, and the fix.
    path = tmp_path / "ansi.csv"
    path.write_bytes(
        "Kabupaten/Kota;2022;2023\nPacitan;13,80;4,1\nKota Malang;\u2013;4,26\n".encode(
            "cp1252"
        )
    )
    t = read_bps_table(path, locale="id", sep=";", errors="report", encoding="latin-1")
    assert [c.text for c in t.invalid] == ["\x96"]
    reason = t.invalid[0].reason
    assert "U+0096 ('\u2013' in cp1252)" in reason
    assert "encoding='cp1252'" in reason


def test_parse_numbers_names_c1_characters_without_a_cp1252_reading() -> None:
    # U+0081 has no character in cp1252: named alone.
    out = parse_numbers(["4,5\x81"], locale="id", errors="report")
    assert "the control character U+0081, as text" in out.invalid[0].reason
