"""read_bps_table: `province` against the table's only province row."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povstat import read_bps_table

# Rows of two one-province tables whose province row contradicts the
# `province` given: Kediri (Jawa Timur 3506, or Kabupaten Kediri) under
# "JAWA BARAT" with province="Jawa Timur"; Banjar (Kalimantan Selatan 6303,
# or Kota Banjar in Jawa Barat) under "JAWA BARAT" with
# province="Kalimantan Selatan". Before, Kediri became 3506 when the
# province row came last and was unmatched when it came first.
_CASES = [
    (["Kediri;5", "JAWA BARAT;4"], "Jawa Timur", "35 Jawa Timur"),
    (["Banjar;5", "JAWA BARAT;4", "Bogor;3"], "Kalimantan Selatan", "63 Kalimantan"),
    (["Malang;1", "Jawa Barat;3", "Bogor;4", "INDONESIA;9"], "35", "35 Jawa Timur"),
]


@settings(max_examples=20, deadline=None)
@given(case=st.sampled_from(_CASES), data=st.data())
def test_province_contradicting_the_only_province_row_is_refused(
    case: tuple[list[str], str, str], data: st.DataObject
) -> None:
    rows, province, named = case
    order = data.draw(st.permutations(rows))
    text = "Kabupaten/Kota;2023\n" + "\n".join(order) + "\n"
    with pytest.raises(ValueError, match="only province row") as e:
        read_bps_table(
            io.StringIO(text), locale="id", sep=";", province=province, errors="report"
        )
    assert named in str(e.value)
    assert "32 Jawa Barat" in str(e.value)


@settings(max_examples=10, deadline=None)
@given(order=st.permutations(["Kediri;5", "JAWA TIMUR;4", "Kota Batu;3"]))
def test_province_agreeing_with_the_province_row_is_read(order: list[str]) -> None:
    # The same province, in any order: Kediri is 3506 (Kabupaten Kediri),
    # Kota Batu 3579, JAWA TIMUR 35.
    text = "Kabupaten/Kota;2023\n" + "\n".join(order) + "\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", province="35")
    got = dict(zip(t.data["region_code"], t.data["value"], strict=True))
    assert got == {"3506": 5.0, "35": 4.0, "3579": 3.0}
