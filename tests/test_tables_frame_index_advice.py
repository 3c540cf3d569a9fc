"""The frame-index advice keeps the region names (sheets17 G4).

A frame indexed by region (``df.set_index("Kabupaten/Kota")``) is refused,
since the index is not read. The advice "or drop it with
reset_index(drop=True)", followed, threw the names away and read the 2022
column as labels: only an index of numbers alone (row numbers) may be
dropped; an index of labels is made a column with ``reset_index()``.

Figures: bps_p0_kabkota_2004_2025.csv (P0, Persen, March), 2022 / 2023:
JAWA TIMUR 10.38 / 10.35, Malang 9.55 / 9.45, Kota Malang 4.37 / 4.26
(copied by hand from the source file).
"""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

from povstat import read_bps_table

_TEXT = (
    "Kabupaten/Kota,2022,2023\nJAWA TIMUR,10.38,10.35\nMalang,9.55,9.45\n"
    "Kota Malang,4.37,4.26\n"
)
_SOURCE = [
    ("JAWA TIMUR", 2022, 10.38),
    ("JAWA TIMUR", 2023, 10.35),
    ("Malang", 2022, 9.55),
    ("Malang", 2023, 9.45),
    ("Kota Malang", 2022, 4.37),
    ("Kota Malang", 2023, 4.26),
]


def _read(frame: pd.DataFrame) -> list[tuple[str, int, float]]:
    t = read_bps_table(frame, locale="en", month=3)
    assert t.invalid == ()
    assert t.unmatched.empty
    return [
        (str(a), int(b), float(c))
        for a, b, c in t.data[["label", "year", "value"]].itertuples(index=False)
    ]


def _advice(frame: pd.DataFrame) -> str:
    with pytest.raises(ValueError, match="frame's index") as info:
        read_bps_table(frame, locale="en", month=3)
    return str(info.value)


def test_an_index_of_region_names_is_not_advised_dropped() -> None:
    df = pd.read_csv(io.StringIO(_TEXT), dtype=str, keep_default_na=False)
    said = _advice(df.set_index("Kabupaten/Kota"))
    assert "`source.reset_index()`" in said
    assert "not `reset_index(drop=True)`, which would throw the labels away" in said
    assert "or drop it" not in said
    # Followed: the six source values, the names kept.
    assert _read(df.set_index("Kabupaten/Kota").reset_index()) == _SOURCE


def test_an_index_of_row_numbers_may_be_dropped() -> None:
    # A named index of numbers 1, 2, 3 ("No", a numbered list's column set
    # as the index): row numbers, which may be dropped.
    df = pd.read_csv(io.StringIO(_TEXT), dtype=str, keep_default_na=False)
    numbered = df.set_axis(pd.Index([1, 2, 3], name="No"))
    said = _advice(numbered)
    m = re.search(r"drop it with `source\.(reset_index\(drop=True\))`", said)
    assert m is not None
    assert _read(numbered.reset_index(drop=True)) == _SOURCE
