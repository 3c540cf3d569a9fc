"""read_bps_table: a pandas frame whose index holds the first fields of rows."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table


def test_a_semicolon_file_read_with_commas_gets_the_separator_advice() -> None:
    # "Pacitan;13,8;13,65" split on ",": three fields under one heading, so
    # pandas moves "Pacitan;13" and "8;13" into the index; the fields are
    # ';' separated, which the advice names.
    text = "Kabupaten/Kota;2022;2023\nPacitan;13,8;13,65\nKota Batu;4,1;4,0\n"
    frame = pd.read_csv(io.StringIO(text))
    with pytest.raises(ValueError, match=r"sep=';'") as info:
        read_bps_table(frame, locale="id")
    assert "reset_index" not in str(info.value)


@pytest.mark.parametrize("dtype", [str, None])
def test_decimal_commas_in_a_comma_file_get_the_decimal_advice(
    dtype: type[str] | None,
) -> None:
    # "Pacitan,13,8,13,65" under three headings: five fields, the first two
    # moved into the index; each value was split at its decimal comma.
    text = "Kabupaten/Kota,2022,2023\nPacitan,13,8,13,65\nKota Batu,4,1,4,0\n"
    frame = pd.read_csv(io.StringIO(text), dtype=dtype)
    with pytest.raises(ValueError, match=r"decimal commas.*sep=';'") as info:
        read_bps_table(frame, locale="id")
    assert "reset_index" not in str(info.value)


def test_a_frame_built_with_regions_in_its_index_still_gets_the_index_advice() -> None:
    # Regions in an unnamed index over columns of years: no split fields.
    frame = pd.DataFrame({"2022": [13], "2023": [14]}, index=["Pacitan"])
    with pytest.raises(ValueError, match=r"reset_index\(\)"):
        read_bps_table(frame, locale="id")
