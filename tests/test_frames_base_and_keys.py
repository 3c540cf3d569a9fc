"""A Decimal base period; duplicate-key messages that name every date, sorted."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat as ps
from backends import BACKENDS, make


@pytest.mark.parametrize("base", [2019, 2019.0, Decimal("2019"), Fraction(2019)])
def test_decimal_base_is_a_number(base: float | Decimal | Fraction) -> None:
    # 4.0 % in 2019, 5.0 % in 2020: against the base 2019, 0 and +1 point,
    # whatever numeric type names 2019.
    df = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2019, 2020],
            "poverty_rate_pct": [4.0, 5.0],
        }
    )
    out = ps.with_change_from_base(df, base=base, unit="percent")
    assert out["change_points"].tolist() == [0.0, 1.0]


@pytest.mark.parametrize(
    ("base", "error", "pattern"),
    [
        # A Decimal or Fraction float64 does not hold is refused, not rounded.
        (Decimal("2019.0000000000000000001"), ValueError, r"`base`.*cannot hold"),
        (Fraction(1, 3), ValueError, r"`base`.*cannot hold"),
        (Decimal("NaN"), ValueError, r"`base` must be finite"),
        # Text and bools are not numbers.
        ("2019", TypeError, r"`base` must be a number \(int, float, Decimal"),
        (True, TypeError, r"`base` must be a number"),
    ],
)
def test_base_refusals(base: Any, error: type[Exception], pattern: str) -> None:
    df = pd.DataFrame(
        {
            "region_code": ["A", "A"],
            "period": [2019, 2020],
            "poverty_rate_pct": [4.0, 5.0],
        }
    )
    with pytest.raises(error, match=pattern):
        ps.with_change_from_base(df, base=base, unit="percent")


@pytest.mark.parametrize("backend", BACKENDS)
def test_same_month_message_names_both_dates_in_any_row_order(backend: str) -> None:
    # Region A has 2019-03-15 and 2019-03-01: one period (March 2019). The
    # message names the key with both dates, earliest first, whatever the
    # row order.
    rows = [
        ("A", dt.datetime(2019, 3, 15), 4.0),
        ("A", dt.datetime(2019, 3, 1), 5.0),
        ("A", dt.datetime(2020, 3, 1), 6.0),
        ("B", dt.datetime(2019, 3, 1), 7.0),
    ]
    messages = set()
    for perm in itertools.permutations(rows):
        data: dict[str, Any] = {
            "region_code": [r[0] for r in perm],
            "period": [r[1] for r in perm],
            "poverty_rate_pct": [r[2] for r in perm],
        }
        with pytest.raises(ValueError, match="same calendar month") as info:
            ps.with_changes(make(backend, data), unit="percent")
        messages.add(str(info.value))
    assert len(messages) == 1
    (message,) = messages
    assert re.search(r"\('A', 2019-03-01 and 2019-03-15\)", message), message


def test_numeric_duplicate_key_shown_once() -> None:
    # Numeric periods: the duplicated key is one value, shown once.
    df = pd.DataFrame(
        {
            "region_code": ["A", "A", "B"],
            "period": [2019.0, 2019.0, 2019.0],
            "poverty_rate_pct": [4.0, 5.0, np.nan],
        }
    )
    with pytest.raises(ValueError, match=r"\('A', 2019\.0\);"):
        ps.with_changes(df, unit="percent")
