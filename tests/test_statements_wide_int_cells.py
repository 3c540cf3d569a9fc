"""Integers float64 cannot hold, in an object column of `statements`.

check_statements reads a number column of `statements` as every array
function reads numbers (``_validate.numeric``): an integer beyond 2**53
that float64 would round is refused whatever its type (a Python int, a
numpy int64 or uint64), naming the column and the `statements` row.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.statements import check_statements

DATA = pd.DataFrame(
    {
        "region_code": ["A", "B", "A", "B"],
        "year": [2023, 2023, 2024, 2024],
        "poverty_rate_pct": [4.37, 3.31, 4.26, 3.20],
        "poor_thousands": [37.78, 10.0, 34.84, 9.5],
    }
)
COUNT = dict(kind="count", region="A", period=2023, stated=9000, decimals=-3, base=1000)


def _check(statements: pd.DataFrame) -> pd.DataFrame:
    return check_statements(
        statements, DATA, unit="percent", persons_per_poor_unit=1000, period="year"
    )


# By hand: 2**53 + 1 = 9007199254740993 lies halfway between the float64s
# 2**53 and 2**53 + 2 and rounds to the even one, 2**53 = 9007199254740992;
# 2**64 - 1 = 18446744073709551615 (20 digits) rounds to 2**64 =
# 18446744073709551616, whose shortest decimal is 1.8446744073709552e19,
# not it. Neither is held: each is refused, whatever holds it.
WIDE: list[tuple[Any, str]] = [
    (2**53 + 1, "9007199254740993"),
    (np.int64(2**53 + 1), "9007199254740993"),
    (np.uint64(2**64 - 1), "18446744073709551615"),
]


@pytest.mark.parametrize(("value", "digits"), WIDE, ids=["int", "int64", "uint64"])
def test_an_integer_float64_cannot_hold_is_refused_in_an_object_column(
    value: Any, digits: str
) -> None:
    # Row "b" (the second) holds it; row "a" a count stated as 9000.
    statements = pd.DataFrame([COUNT, COUNT], index=["a", "b"])
    statements["base"] = pd.Series([1000, value], index=["a", "b"], dtype=object)
    assert type(statements["base"].iloc[1]) is type(value)  # kept as given
    with pytest.raises(ValueError, match="cannot hold exactly") as err:
        _check(statements)
    said = str(err.value)
    assert said.startswith("`base` holds an integer"), said
    assert f"{digits} at `statements` row 'b'" in said


def test_the_object_column_of_small_ints_is_read() -> None:
    # np.int64(1000) and 1000 are the same base: 37.78 thousand poor at
    # base 1000 is 37,780 persons, which rounds at -3 decimals to 38,000,
    # not the stated 9000: does not hold, for both rows alike.
    statements = pd.DataFrame([COUNT, COUNT])
    statements["base"] = pd.Series([1000, np.int64(1000)], dtype=object)
    out = _check(statements)
    assert out["verdict"].tolist() == ["does not hold", "does not hold"]
