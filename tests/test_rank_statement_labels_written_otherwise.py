"""A `values` Series beside `labels` that name the same regions written
otherwise, or with a (region, year) MultiIndex, in another order, is refused
(core16 G1) rather than paired by position."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.statements import check_rank_statement, check_top_statement

# BPS 2023 (March): Kabupaten Malang 9.91 %, Kota Batu 3.31 %, Kota Malang
# 4.26 %. By hand, from the lowest: Kota Batu (3.31) 1st, Kota Malang
# (4.26) 2nd, Kabupaten Malang (9.91) 3rd.
VALUES = pd.Series({"Kabupaten Malang": 9.91, "Kota Batu": 3.31, "Kota Malang": 4.26})
MULTI = pd.Series(
    [9.91, 3.31, 4.26],
    index=pd.MultiIndex.from_tuples(
        [("Kabupaten Malang", 2023), ("Kota Batu", 2023), ("Kota Malang", 2023)]
    ),
)
CASES: list[tuple[pd.Series, list[str], str, str]] = [
    (VALUES, ["Malang", "Kota Malang", "Kota Batu"], "Kota Malang", "Kota Batu"),
    (
        VALUES,
        ["KABUPATEN MALANG", "KOTA MALANG", "KOTA BATU"],
        "KOTA MALANG",
        "KOTA BATU",
    ),
    (VALUES, ["Kab. Malang", "Kota Malang", "Kota Batu"], "Kota Malang", "Kota Batu"),
    (
        MULTI,
        ["Kabupaten Malang", "Kota Malang", "Kota Batu"],
        "Kota Malang",
        "Kota Batu",
    ),
]


@pytest.mark.parametrize(("values", "labels", "subject", "after"), CASES)
def test_rank_refuses_labels_in_another_order(
    values: pd.Series, labels: list[str], subject: str, after: str
) -> None:
    with pytest.raises(ValueError, match="another order than `labels`") as info:
        check_rank_statement(
            values,
            np.array(labels),
            subject=subject,
            stated_rank=2,
            descending=False,
            after=after,
        )
    assert "position" in str(info.value)


@pytest.mark.parametrize(("values", "labels", "subject", "after"), CASES)
def test_top_refuses_labels_in_another_order(
    values: pd.Series, labels: list[str], subject: str, after: str
) -> None:
    del subject
    with pytest.raises(ValueError, match="another order than `labels`"):
        check_top_statement(
            values, np.array(labels), members=[after], k=1, descending=False
        )


@pytest.mark.parametrize("values", [VALUES, MULTI])
def test_the_advice_followed_gives_the_hand_rank(values: pd.Series) -> None:
    # Kota Malang 4.26 ranks 2nd from the lowest, after Kota Batu 3.31.
    labels: Any = (
        values.index.get_level_values(0)
        if isinstance(values.index, pd.MultiIndex)
        else values.index
    )
    res = check_rank_statement(
        values,
        labels,
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
        after="Kota Batu",
    )
    assert res.verdict == "holds"
    assert (
        check_top_statement(
            values, labels, members=["Kota Batu"], k=1, descending=False
        ).verdict
        == "holds"
    )


def test_codes_beside_names_stay_paired_by_position() -> None:
    # Codes 3507 (Kabupaten Malang), 3579 (Kota Batu), 3573 (Kota Malang)
    # beside the names in the same order: no label relates the two sides,
    # so pairing is by position, as documented: 4.26 ranks 2nd.
    values = pd.Series([9.91, 3.31, 4.26], index=[3507, 3579, 3573])
    res = check_rank_statement(
        values,
        ["Kabupaten Malang", "Kota Batu", "Kota Malang"],
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
        after="Kota Batu",
    )
    assert res.verdict == "holds"


def test_row_numbers_beside_int_labels_stay_paired_by_position() -> None:
    # Row numbers 2, 3, 4 of a filtered frame beside int labels 1, 2, 3:
    # row numbers cannot be told from codes, so pairing is by position:
    # label 3 holds 4.26, 2nd from the lowest after label 2 (3.31).
    values = pd.Series([9.91, 3.31, 4.26], index=[2, 3, 4])
    res = check_rank_statement(
        values, [1, 2, 3], subject=3, stated_rank=2, descending=False, after=2
    )
    assert res.verdict == "holds"
