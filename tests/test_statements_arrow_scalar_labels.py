"""Labels, subject, after and members given as pyarrow Scalars (numbers14 N6).

Indexing a pyarrow column gives Scalars (``t["code"][1]``); labels built as
``pd.Series(list(t["code"]))`` hold them too. Each is read as the value it
holds, so a subject taken from the same column as the labels is found, with
no numpy broadcast error (the Scalar read as its UTF-8 bytes) and no
message calling it "an other".
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from povstat.statements import check_rank_statement, check_top_statement

T = pa.table({"code": ["3573", "3578", "3579"], "p0": [4.26, 3.96, 3.31]})
# From the highest: 3573 (4.26) first, 3578 (3.96) second, 3579 (3.31)
# third (by hand).


def _labels() -> list[object]:
    cells = np.empty(3, dtype=object)
    cells[:] = list(T["code"])
    return [
        pd.Series(list(T["code"])),
        pd.Index(list(T["code"]), dtype=object),
        cells,
        T["code"],
        ["3573", "3578", "3579"],
    ]


@pytest.mark.parametrize("labels", _labels())
@pytest.mark.parametrize("subject", [T["code"][1], "3578"])
def test_subject_found_by_value(labels: Any, subject: object) -> None:
    r = check_rank_statement(
        T["p0"], labels, subject=subject, stated_rank=2, descending=True
    )
    assert r.verdict == "holds"
    r = check_rank_statement(
        T["p0"],
        labels,
        subject=subject,
        stated_rank=2,
        descending=True,
        after=T["code"][0],
    )
    assert r.verdict == "holds"  # 3578 comes after 3573


@pytest.mark.parametrize("labels", _labels())
def test_members_found_by_value(labels: Any) -> None:
    r = check_top_statement(
        T["p0"], labels, members=list(T["code"][:2]), k=2, descending=True
    )
    assert r.verdict == "holds"  # 3573 and 3578 are the top two
    r = check_top_statement(
        T["p0"], labels, members=[T["code"][2]], k=1, descending=True
    )
    assert r.verdict == "does not hold"  # 3579 is last


def test_subject_absent_named_by_its_value() -> None:
    labels: Any = pd.Series(list(T["code"]))
    with pytest.raises(ValueError, match=r"`subject` '35' is not among `labels`"):
        check_rank_statement(
            T["p0"],
            labels,
            subject=pa.scalar("35"),
            stated_rank=2,
            descending=True,
        )
