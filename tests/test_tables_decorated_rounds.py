"""read_bps_table: survey rounds written with a mark, brackets or a word."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from povstat import BpsTable, read_bps_table
from spreadsheets import xlsx_path

# Pacitan, P0 (percent), March and September 2022: 13.80 and 13.60 (the
# numbers are only carried through; the test is about the header).


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(io.StringIO(text), locale="id", sep=";", **kw)  # type: ignore[arg-type]


_DECORATED = [
    ("Maret*", "September*"),
    ("Maret*)", "September*)"),
    ("Maret 1)", "September 1)"),
    ("[Maret]", "[September]"),
    ("Keadaan Maret", "Keadaan September"),
    ("Bulan Maret", "Bulan September"),
    ("Susenas Maret", "Susenas September"),
    ("Semester 1*", "Semester 2*"),
]


def _table(first: str, second: str, *, under: bool, years: str = "2022;2022") -> str:
    rounds = f";{first};{second}\n"
    head = f"Kabupaten/Kota;{years}\n"
    body = "Pacitan;13,80;13,6\n"
    return head + rounds + body if under else rounds + head + body


@pytest.mark.parametrize("month", [None, 3, 9])
@pytest.mark.parametrize("under", [True, False])
@pytest.mark.parametrize(("first", "second"), _DECORATED)
def test_a_decorated_round_is_refused_naming_the_cell(
    first: str, second: str, *, under: bool, month: int | None
) -> None:
    # Under or over the years, with or without `month`: never a column group
    # (month <NA>) nor the title (every column given `month`).
    text = _table(first, second, under=under)
    with pytest.raises(ValueError, match="name a survey round with a footnote") as e:
        _read(text, month=month)
    assert repr(first) in str(e.value)
    # Two different years ("Maret 1)" over 2022 and 2023 was the title, and
    # month=3 gave 2023 September month 3).
    other = _table(first, second, under=under, years="2022;2023")
    with pytest.raises(ValueError, match="name a survey round with a footnote"):
        _read(other, month=month)


@pytest.mark.parametrize("under", [True, False])
def test_a_round_in_round_brackets_is_read_as_the_round(*, under: bool) -> None:
    # "(Maret)" is the round Maret, as "2022 (September)" is: March = 3,
    # September = 9; values 13.80 and 13.6 as written.
    got = _read(_table("(Maret)", "(September)", under=under)).data
    assert got["month"].tolist() == [3, 9]
    assert got["year"].tolist() == [2022, 2022]
    assert np.allclose(got["value"], [13.80, 13.6])
    # The table shows the months: `month` is refused, never applied.
    with pytest.raises(ValueError, match="pass month=None"):
        _read(_table("(Maret)", "(September)", under=under), month=3)


def test_a_decorated_round_in_a_workbook_and_a_frame(tmp_path: Path) -> None:
    # .xlsx: 2022 merged over "Maret*)" and "September*)", month=9 given.
    path = xlsx_path(
        tmp_path / "rounds.xlsx",
        [
            ["Kabupaten/Kota", 2022, None],
            [None, "Maret*)", "September*)"],
            ["Pacitan", 13.8, 13.6],
        ],
        merges=["B1:C1"],
    )
    with pytest.raises(ValueError, match="'Maret\\*\\)'"):
        read_bps_table(path, locale="id", month=9)
    # A pandas frame with the rounds as the second level of its columns.
    cols = pd.MultiIndex.from_tuples(
        [("2022", "Keadaan Maret"), ("2022", "Keadaan September")]
    )
    frame = pd.DataFrame([[13.8, 13.6]], index=pd.Index(["Pacitan"]), columns=cols)
    frame = frame.rename_axis("Kabupaten/Kota").reset_index()
    with pytest.raises(ValueError, match="'Keadaan Maret'"):
        read_bps_table(frame, locale="id", month=3)


def test_plain_groups_and_titles_are_still_read() -> None:
    # Groups naming no round ("Perkotaan", "Perdesaan") over two years.
    text = (
        ";Perkotaan;Perkotaan;Perdesaan;Perdesaan\n"
        "Kabupaten/Kota;2022;2023;2022;2023\nPacitan;1;2;3;4\n"
    )
    got = _read(text).data
    assert sorted(set(got["group"])) == ["Perdesaan", "Perkotaan"]
    # A title in the first column naming a round is no header cell.
    titled = "Keadaan Maret;;\nKabupaten/Kota;2022;2023\nPacitan;1;2\n"
    assert _read(titled, month=3).data["month"].tolist() == [3, 3]
