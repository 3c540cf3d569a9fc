"""A missing `subject`, `after` or member is named as missing (fresh20 F1).

An empty cell of a statements sheet reads as NaN (or None, pandas.NA, NaT);
passed on as a label it is a missing label, not a label of another kind,
and the message says so (not "pass it as the labels are written", which
cannot be followed).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.statements import check_rank_statement, check_top_statement

# Madura's regencies, P0 (%) as in the statements module's examples.
VALUES = np.array([21.76, 19.35, 19.35, 15.0])
LABELS = ["Sampang", "Bangkalan", "Sumenep", "Probolinggo"]
MISSING = [np.nan, None, pd.NA, pd.NaT, np.float32("nan")]


# None is `after`'s default: a statement without "after ...".
@pytest.mark.parametrize("missing", [m for m in MISSING if m is not None])
def test_a_missing_after_is_named_missing(missing: Any) -> None:
    with pytest.raises(
        ValueError,
        match=r"^`after` holds a missing label \(.*\), not a region; a statement "
        r"without 'after \.\.\.' is checked with `after` left out \(None\)$",
    ):
        check_rank_statement(
            VALUES,
            LABELS,
            subject="Bangkalan",
            stated_rank=2,
            descending=True,
            after=missing,
        )


@pytest.mark.parametrize("missing", MISSING)
def test_a_missing_subject_is_named_missing(missing: Any) -> None:
    with pytest.raises(
        ValueError, match=r"^`subject` holds a missing label .*, not a region"
    ):
        check_rank_statement(
            VALUES, LABELS, subject=missing, stated_rank=2, descending=True
        )


@pytest.mark.parametrize("missing", MISSING)
def test_a_missing_member_is_named_missing(missing: Any) -> None:
    with pytest.raises(
        ValueError, match=r"^`members` holds a missing label .*, not a region"
    ):
        check_top_statement(
            VALUES, LABELS, members=["Sampang", missing], k=2, descending=True
        )


def test_a_label_of_another_kind_keeps_its_advice() -> None:
    # 3527 (Sampang's code) beside labels by name: a label of another kind.
    with pytest.raises(ValueError, match="pass it as the labels are written"):
        check_rank_statement(
            VALUES, LABELS, subject=3527, stated_rank=2, descending=True
        )
