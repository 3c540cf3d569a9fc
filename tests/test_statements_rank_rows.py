"""check_statements on rank rows: the ``ties`` column and errors of many rows."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat.statements import check_statements

_COLS = {"region": "region", "period": "period", "rate": "rate", "headcount": "poor"}
_KW: dict[str, Any] = {"unit": "percent", "persons_per_poor_unit": 1, **_COLS}

# A and B tie at the top of period 1 (3.0 each), C is last (1.0).
_TIED = pd.DataFrame(
    {
        "region": ["A", "B", "C"],
        "period": [1, 1, 1],
        "rate": [3.0, 3.0, 1.0],
        "poor": [1.0, 1.0, 1.0],
    }
)


def _rank(**cells: object) -> dict[str, object]:
    row: dict[str, object] = {
        "kind": "rank",
        "region": "B",
        "period": 1,
        "stated_rank": 1,
        "descending": True,
    }
    row.update(cells)
    return row


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_rank_rows_read_the_ties_column(engine: str) -> None:
    # B ties with A for the highest rate. Worked by hand: under "min" both
    # rank 1, under "max" both rank 2, under "average" both 1.5, under
    # "dense" both 1. A missing `ties` is the default, "min".
    rows = [
        _rank(stated_rank=1, ties="min"),  # 1 = 1: holds
        _rank(stated_rank=2, ties="min"),  # 1, not 2
        _rank(stated_rank=2, ties="max"),  # 2 = 2: holds
        _rank(stated_rank=1, ties="max"),  # 2, not 1
        _rank(stated_rank=1, ties="average"),  # 1.5, not 1
        _rank(stated_rank=1, ties="dense"),  # 1 = 1: holds
        _rank(stated_rank=2, ties=None),  # "min": 1, not 2
        _rank(stated_rank=1, ties=None),  # "min": holds
    ]
    frame = pd.DataFrame(rows)
    given: Any = frame if engine == "pandas" else pl.from_pandas(frame)
    out = check_statements(given, _TIED, **_KW)
    assert out["verdict"].tolist() == [
        "holds",
        "cannot tell",
        "holds",
        "cannot tell",
        "cannot tell",
        "holds",
        "cannot tell",
        "holds",
    ]
    reasons = out["reason"].tolist()
    assert "ties: max" in reasons[2]
    assert "ranks 1.5 of 3" in reasons[4]
    assert "ties: min" in reasons[6]


@pytest.mark.parametrize("bad", ["Min", "minimum", " min", "first", 1, True])
def test_rank_rows_refuse_other_ties_spellings(bad: object) -> None:
    # Only the five spellings of `ties`; each row at fault is named, with
    # its value, and the column.
    frame = pd.DataFrame(
        [_rank(ties="max"), _rank(ties=bad), _rank(ties=None), _rank(ties=bad)],
        index=["s1", "s2", "s3", "s4"],
        dtype=object,
    )
    with pytest.raises(ValueError, match=r"must have ties in \['min', 'max'") as err:
        check_statements(frame, _TIED, **_KW)
    assert f"rows ['s2', 's4'] have [{bad!r}, {bad!r}]" in str(err.value)


def test_ties_of_other_kinds_of_rows_are_not_read() -> None:
    # A `ties` cell on a direction row means nothing there and is not
    # checked; the rank row beside it reads its own.
    # A falls from 3.0 to 2.0, and its number of poor from 1.0 to 0.5.
    later = _TIED.assign(period=2, rate=[2.0, 2.0, 1.0], poor=[0.5, 0.5, 0.5])
    data = pd.concat([_TIED, later])
    frame = pd.DataFrame(
        [
            {
                "kind": "direction",
                "region": "A",
                "period_before": 1,
                "period_after": 2,
                "direction": "fall",
                "ties": "whatever",
            },
            _rank(stated_rank=2, ties="max"),
        ]
    )
    out = check_statements(frame, data, **_KW)
    assert out["verdict"].tolist() == ["holds", "holds"]


def test_errors_of_rank_rows_are_reported_together_in_row_order() -> None:
    # Row s1: a stated value without its decimals (refused inside the rank
    # check); s2: `after` names a region not ranked with B; s3 is fine;
    # s4: the same fault as s1. Every fault is reported, in the order of the
    # rows, whichever kind of fault comes first.
    rows = [
        _rank(stated_value=3.0),
        _rank(after="Q"),
        _rank(),
        _rank(stated_value=3.0),
    ]
    frame = pd.DataFrame(rows, index=["s1", "s2", "s3", "s4"])
    with pytest.raises(ValueError, match=r"^`statements` row 's1'") as err:
        check_statements(frame, _TIED, **_KW)
    text = str(err.value)
    at = [text.find(f"row '{s}'") for s in ("s1", "s2", "s4")]
    assert -1 not in at
    assert at == sorted(at)
    assert "row 's3'" not in text
    assert "column 'after' names 'Q'" in text
    assert text.count("must be given together") == 2
    # The other way round: the `after` fault first.
    with pytest.raises(ValueError, match=r"^`statements` row 's2'") as err:
        check_statements(frame.iloc[[1, 0]], _TIED, **_KW)
    text = str(err.value)
    assert text.find("row 's2'") < text.find("row 's1'")


def test_a_single_rank_row_error_keeps_its_message() -> None:
    # One row at fault: its error as the check gave it, prefixed with the row.
    frame = pd.DataFrame([_rank(stated_value=3.0)], index=["s1"])
    with pytest.raises(
        ValueError,
        match=r"^`statements` row 's1' \(kind 'rank'\): `stated_value` and "
        r"`value_decimals` must be given together$",
    ):
        check_statements(frame, _TIED, **_KW)
    assert np.isfinite(_TIED["rate"]).all()
