"""read_bps_table: a column of province names beside the region column."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

_HINT = (
    "head two columns of names: the region names are read from the first "
    "column only, and a column of province names beside them holds no "
    "values; leave the province column out (pandas.read_csv(..., "
    "usecols=..., dtype=str, keep_default_na=False), or df.drop(columns=...) "
    "on a frame read so (every column as text: '558.029' is read as 558.029 "
    "otherwise)) and write each province as a row of its own above "
    "its regions (its name in the first column), or pass province= for a "
    "table of one province"
)
_BEFORE = (
    "Provinsi;Kabupaten/Kota;2022;2023\n"
    "Jawa Timur;Pacitan;13,80;13,65\nJawa Timur;Kota Batu;3,79;3,31\n"
)
_AFTER = (
    "Kabupaten/Kota;Provinsi;2022;2023\n"
    "Pacitan;Jawa Timur;13,80;13,65\nKota Batu;Jawa Timur;3,79;3,31\n"
)


@pytest.mark.parametrize(
    ("text", "bad", "pair"),
    [
        (_BEFORE, "Kabupaten/Kota", "'Provinsi' and 'Kabupaten/Kota'"),
        (_AFTER, "Provinsi", "'Kabupaten/Kota' and 'Provinsi'"),
    ],
)
def test_the_message_says_what_the_column_is(text: str, bad: str, pair: str) -> None:
    with pytest.raises(ValueError, match="name no period") as got:
        read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    msg = str(got.value)
    assert msg.startswith(f"header row 1: [{bad!r}] name no period")
    assert msg.endswith(f"; {pair} {_HINT}")


@pytest.mark.parametrize("text", [_BEFORE, _AFTER])
def test_following_the_advice_reads_the_table(text: str) -> None:
    frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str)
    t = read_bps_table(
        frame.drop(columns=["Provinsi"]), locale="id", month=3, province="Jawa Timur"
    )
    # 3501 Kabupaten Pacitan, 3579 Kota Batu; values as written.
    assert t.data["region_code"].tolist() == ["3501", "3501", "3579", "3579"]
    assert t.data["value"].tolist() == [13.8, 13.65, 3.79, 3.31]
