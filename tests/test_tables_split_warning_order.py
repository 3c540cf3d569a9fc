"""read_bps_table: the split-decimal warnings show the same example in any row order."""

from __future__ import annotations

import io
import itertools
import warnings

import pandas as pd

from povstat import read_bps_table

# Kota Malang 4,37 / 4,26, Kota Batu 3,79 / 3,75 and Pacitan 13,8 / 13,65
# written with unquoted decimal commas: each row splits into whole numbers.
_ROWS = ["Kota Malang,4,37", "Kota Batu,3,79", "Pacitan,13,8"]


def _warning(source: object) -> str:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(source, locale="id", month=3)  # type: ignore[arg-type]
    said = [str(w.message) for w in caught if "whole number" in str(w.message)]
    assert len(said) == 1
    return said[0]


def test_a_text_frame_shows_a_count_and_the_smallest_values_in_any_order() -> None:
    # 6 values; distinct texts by value: '3', '4', '8', '13', '37', '79'.
    seen = set()
    for rows in itertools.permutations(_ROWS):
        text = "Kabupaten/Kota,2022,2023\n" + "\n".join(rows) + "\n"
        frame = pd.read_csv(io.StringIO(text), dtype=str)
        seen.add(_warning(frame))
    assert len(seen) == 1
    assert "(6 values; the smallest: '3', '4', '8')" in seen.pop()


def test_a_csv_row_warning_names_the_same_row_in_any_order() -> None:
    # Rows sorted by their values, smallest first: Kota Batu (3, 79), Kota
    # Malang (4, 37), Pacitan (8, 13): Kota Batu's row is shown, wherever
    # it sits (its line number follows it).
    for rows in itertools.permutations(_ROWS):
        text = "Kabupaten/Kota,2022,2023\n" + "\n".join(rows) + "\n"
        said = _warning(io.StringIO(text))
        line = rows.index("Kota Batu,3,79") + 2
        assert said.startswith(
            f"row {line} (and 2 more): every value read is a whole number ('3', '79')"
        )


def test_an_en_thousands_split_warning_names_the_same_row_in_any_order() -> None:
    # Locale "en": "38,210" and "12,345" unquoted with a trailing comma, one
    # field more than the header each; by their values, sorted, (12, 345)
    # comes before (38, 210): Kota Batu's row is shown wherever it sits.
    rows = ["Kota Malang,38,210,", "Kota Batu,12,345,"]
    for order in itertools.permutations(rows):
        text = "Kab,2022,2023\n" + "\n".join(order) + "\n"
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            read_bps_table(io.StringIO(text), locale="en", month=3)
        said = [str(w.message) for w in caught if "thousands comma" in str(w.message)]
        line = order.index("Kota Batu,12,345,") + 2
        assert len(said) == 1
        assert said[0].startswith(
            f"row {line} (and 1 more) writes 4 fields where the header writes 3, "
            "and every value read is a whole number ('12', '345')"
        )
