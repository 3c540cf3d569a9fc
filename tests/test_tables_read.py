"""read_bps_table: what a file shows, how it is written, and its options."""

from __future__ import annotations

import io
from typing import Any

import pytest

from povstat import read_bps_table

# Kota Malang and Kota Batu, P0 (percent), March 2022 and 2023: BPS table
# "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota", as in the
# bundled data (4.37, 4.26; 3.79, 3.31).


@pytest.mark.parametrize("point", [".0", ".00"])
def test_a_year_header_written_as_a_float_is_the_year(point: str) -> None:
    # pandas writes a column of years holding a missing value as floats:
    # "2022.0" is the year 2022, as 2022.0 in a frame's labels is and as the
    # same header repeated below the values is.
    text = f"Kabupaten/Kota,2022{point},2023{point}\nKota Malang,4.37,4.26\n"
    t = read_bps_table(io.StringIO(text), locale="en", month=3)
    assert t.data[["year", "month", "value"]].to_numpy().tolist() == [
        [2022, 3, 4.37],
        [2023, 3, 4.26],
    ]
    # Over a row of rounds too: 2022.0 spans "Semester 1" and "Semester 2".
    text = (
        f"Kabupaten/Kota,2022{point},\n,Semester 1 (Maret),Semester 2 (September)\n"
        "Kota Malang,4.37,4.26\n"
    )
    t = read_bps_table(io.StringIO(text), locale="en")
    assert t.data[["year", "month"]].to_numpy().tolist() == [[2022, 3], [2022, 9]]


def test_a_float_year_beside_the_same_year_is_named_as_the_same_period() -> None:
    # "2022.0" and "2022" are one period; the advice about a reader's
    # renaming ("2022.1") is not given for "2022.0", which no reader writes
    # for a repeated name.
    text = "Kabupaten/Kota,2022.0,2022\nKota Malang,4.37,4.26\n"
    with pytest.raises(ValueError, match="same period") as e:
        read_bps_table(io.StringIO(text), locale="en")
    assert "renamed" not in str(e.value)


@pytest.mark.parametrize("sep", [None, 1, b";", [";"]])
def test_a_separator_of_the_wrong_type_is_a_type_error(sep: Any) -> None:
    # Whatever the source (CSV text or a frame), as for `encoding`.
    with pytest.raises(TypeError, match=r"`sep` must be a str .*got"):
        read_bps_table(
            io.StringIO("Wilayah,2022\nKota Batu,3.79\n"), locale="en", sep=sep
        )
    with pytest.raises(ValueError, match="`sep` must be a single character"):
        read_bps_table(io.StringIO("Wilayah,2022\n"), locale="en", sep=";;")
