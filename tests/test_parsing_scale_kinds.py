"""Numbers of more than two scales in one column: the rarer kinds are bad.

A bare number ("13,8"), a number with a multiplier word ("4,1 ribu") and one
with a percent sign ("3 %") each state a different scale (or none). The
column's kind is the most common; the cells of every other kind are bad
cells. Bare numbers lose a tie; when two kinds stating a scale tie as the
most common, none is the column's and every cell is bad. The cells, reasons
and the example quoted in them do not depend on the order of the rows.
"""

from __future__ import annotations

import io

import hypothesis.strategies as st
import pandas as pd
import pytest
from hypothesis import given

import povstat as ps

THREE_KINDS = ["4,1 ribu", "4,0 ribu", "13,8", "7,2", "3 %", "4 %"]


def _reasons(cells: list[str]) -> dict[str, str]:
    """Reason of each bad cell of one column, by its text."""
    with pytest.raises(ps.NumberParseError) as info:
        ps.parse_columns(pd.DataFrame({"a": cells}), "a", locale="id")
    return {c.text: c.reason for c in info.value.cells}


@pytest.mark.parametrize(
    "cells",
    [
        THREE_KINDS,  # two of each kind
        ["4,1 ribu", "13,8", "3 %"],  # one of each kind
        ["4,1 ribu", "4,0 ribu", "3 %", "4 %", "13,8"],  # no bare majority
    ],
)
def test_no_kind_stating_a_scale_leads_every_cell_is_bad(cells: list[str]) -> None:
    # The multiplier and percent kinds have as many cells each, at least as
    # many as the bare numbers: no scale is the column's, so every cell
    # (not only the percent and bare ones, as before) is bad.
    reasons = _reasons(cells)
    assert sorted(reasons) == sorted(cells)
    assert all("in as many cells each" in r for r in reasons.values())
    # The examples are the smallest of each tied kind: '3 %' (3) and
    # '4,0 ribu' or '4,1 ribu' (4000 < 4100).
    first = reasons["13,8"]
    assert "a number stating no scale in a column" in first
    assert "a percent sign (such as '3 %')" in first


def test_the_most_common_kind_is_read_and_every_other_is_bad() -> None:
    # 3 multiplied, 2 bare, 1 percent: the multiplier kind is the column's.
    # The example is the smallest multiplied cell, '4,0 ribu' (4000).
    cells = ["4,1 ribu", "4,0 ribu", "5 ribu", "13,8", "7,2", "3 %"]
    reasons = _reasons(cells)
    assert sorted(reasons) == ["13,8", "3 %", "7,2"]
    assert reasons["13,8"].startswith(
        "a number without a multiplier word among numbers with one (such as '4,0 ribu')"
    )
    assert reasons["3 %"].startswith(
        "a number with a percent sign among numbers with a multiplier word "
        "(such as '4,0 ribu')"
    )


def test_two_kinds_keep_the_rule_bare_numbers_lose_a_tie() -> None:
    # 2 multiplied, 2 bare: a tie, the bare ones are bad (as documented).
    reasons = _reasons(["4,1 ribu", "4,0 ribu", "13,8", "7,2"])
    assert sorted(reasons) == ["13,8", "7,2"]
    assert "such as '4,0 ribu'" in reasons["7,2"]


def _table(rows: list[tuple[str, str]]) -> ps.BpsTable:
    text = "Kabupaten/Kota;2022\n" + "".join(f"{a};{b}\n" for a, b in rows)
    return ps.read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")


ROWS = list(
    zip(
        [
            "Kota Batu",
            "Kota Kediri",
            "Pacitan",
            "Kota Blitar",
            "Kota Malang",
            "Kota Madiun",
        ],
        THREE_KINDS,
        strict=True,
    )
)


def test_read_bps_table_reads_none_of_three_tied_kinds() -> None:
    # Two cells of each kind: none is read (before, the 'ribu' cells were
    # read as 4100 and 4000).
    t = _table(ROWS)
    assert t.data["value"].isna().all()
    assert sorted(c.text for c in t.invalid) == sorted(THREE_KINDS)


@given(st.permutations(ROWS[:5]))
def test_cells_and_reasons_do_not_depend_on_row_order(
    rows: list[tuple[str, str]],
) -> None:
    # Two multiplied, two bare, one percent: multiplied and bare tie at
    # two, so the multiplier kind is the column's; the bare and percent
    # cells are bad, and the example quoted is always '4,0 ribu' (4000,
    # the smallest), whatever the order.
    t = _table(rows)
    got = {c.text: c.reason for c in t.invalid}
    assert sorted(got) == ["13,8", "3 %", "7,2"]
    assert all("(such as '4,0 ribu')" in r for r in got.values())


def test_the_unit_of_count_message_lists_kk() -> None:
    # "8.160 KK" (families, counted by their heads) is a unit of count, as
    # "jiwa" is: beside two bare numbers (the column's kind), it is bad, and
    # the reason's list of units of count names the 'KK' it states.
    reasons = _reasons(["13,8", "7,2", "8.160 KK"])
    assert sorted(reasons) == ["8.160 KK"]
    assert (
        "a unit of count ('jiwa', 'orang', 'ruta', 'KK', 'rupiah')"
        in (reasons["8.160 KK"])
    )
