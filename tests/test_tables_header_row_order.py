"""read_bps_table: a unit row and a group row under the years, in either order."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

YEARS = "Kabupaten/Kota;2022;;2023;\n"
DATA = "Pacitan;75,9;13,8;74,1;13,65\n"


@pytest.mark.parametrize(
    ("units", "groups", "shown"),
    [
        # Units differing between the groups end the groups' labels; one
        # unit over all goes in the title.
        (
            ";(ribu jiwa);(persen);(ribu jiwa);(persen)\n",
            ";Jumlah;Persentase;Jumlah;Persentase\n",
            ("Jumlah (ribu jiwa)", "Persentase (persen)"),
        ),
        (
            ";(persen);(persen);(persen);(persen)\n",
            ";Perkotaan;Perdesaan;Perkotaan;Perdesaan\n",
            ("Perkotaan", "Perdesaan"),
        ),
    ],
)
def test_the_unit_row_and_the_group_row_read_alike_in_either_order(
    units: str, groups: str, shown: tuple[str, str]
) -> None:
    def read(text: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        got = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
        assert got.unmatched.empty
        assert not got.invalid
        return got.data, got.skipped

    above, skipped_above = read(YEARS + units + groups + DATA)
    below, skipped_below = read(YEARS + groups + units + DATA)
    pd.testing.assert_frame_equal(above, below)
    # The groups are the named row, never the units; values as written.
    first, second = shown
    rows = set(zip(above["group"], above["year"], above["value"], strict=True))
    assert rows == {
        (first, 2022, 75.9),
        (second, 2022, 13.8),
        (first, 2023, 74.1),
        (second, 2023, 13.65),
    }
    # The unit row is listed as such wherever it sits (row 2 above, row 3
    # below the groups; rows are numbered from 1).
    assert skipped_above[["row", "reason"]].to_numpy().tolist() == [[2, "unit row"]]
    assert skipped_below[["row", "reason"]].to_numpy().tolist() == [[3, "unit row"]]
