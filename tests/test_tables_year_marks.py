"""read_bps_table: a note mark after a header's year is named as a mark.

BPS marks a preliminary, revised or estimated year's column as it marks a
figure ("2023*)", "2023\u02b3", "2023 r)"). A header cell names its period
alone, so such a cell is refused (the mark is no part of the period, and
dropping it would hide that the figures are preliminary), and the reason
says to move the mark to a note.
"""

from __future__ import annotations

import io

import pytest

from povstat import read_bps_table


@pytest.mark.parametrize(
    ("cell", "mark"),
    [
        ("2023*)", "*)"),
        ("2023\u02b3", "\u02b3"),  # a raised r (revised), as rich text shows it
        ("2023 r)", "r)"),
        ("2023 (r)", "(r)"),
        ("2023\u00b9", "\u00b9"),
        ("2023 1)", "1)"),
        ("2023r", "r"),  # BPS's letter against the year, as in "4,26r"
        ("2023p", "p"),
    ],
)
def test_a_marked_year_is_refused_naming_the_mark(cell: str, mark: str) -> None:
    text = (
        f"Persentase Penduduk Miskin\nKabupaten/Kota;2022;{cell}\nPacitan;13,8;13,6\n"
    )
    with pytest.raises(ValueError, match="name no period") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    said = str(e.value)
    assert f"{cell!r} holds the year 2023 beside {mark!r}, a note mark" in said
    assert "move the mark to a note below the table or to the title" in said
    assert "names no month" not in said


def test_every_year_marked_gets_the_advice_in_the_hint() -> None:
    # No plain year: no header is found; each marked cell is named.
    text = "Kabupaten/Kota;2022*;2023*)\nPacitan;13,8;13,6\n"
    with pytest.raises(ValueError, match="no header row naming years") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    said = str(e.value)
    assert "B1 '2022*' (the year 2022 beside '*', a note mark" in said
    assert "C1 '2023*)' (the year 2023 beside '*)', a note mark" in said


def test_a_word_or_unit_beside_a_year_is_no_mark() -> None:
    # In one header: "2023*)" is named a mark; "a" alone (no bracket), "P0"
    # and a unit are not marks and keep their reason.
    text = "Kabupaten/Kota;2022;2023*);2024 a;2025 P0\nPacitan;13,8;13,6;13,5;13,4\n"
    with pytest.raises(ValueError, match="name no period") as e:
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    said = str(e.value)
    assert "beside '*)', a note mark" in said
    assert "beside 'a', which names no month" in said
    assert "beside 'P0', which names no month" in said
