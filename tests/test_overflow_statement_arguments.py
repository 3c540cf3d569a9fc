"""Python ints beyond float64 in the statement checks and scalar parameters.

10**400 is refused with the povstat ValueError every array function gives
("too large for float64", naming the argument or the statements column and
row), or, for a number of decimals, with the range it must lie in; never a
bare OverflowError from inside.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat as ps
from povstat.statements import (
    check_change_statement,
    check_count_statement,
    check_level_change_statement,
    check_rank_statement,
    check_statements,
)

H = 10**400

# Two regions in two years; the statements name region "A".
DATA = pd.DataFrame(
    {
        "region_code": ["A", "B", "A", "B"],
        "year": [2023, 2023, 2024, 2024],
        "poverty_rate_pct": [4.37, 3.31, 4.26, 3.20],
        "poor_thousands": [37.78, 10.0, 34.84, 9.5],
    }
)
CHANGE = dict(
    kind="change",
    region="A",
    period_before=2023,
    period_after=2024,
    stated=0.11,
    direction="fall",
    stated_as="points",
    decimals=2,
)
COUNT = dict(kind="count", region="A", period=2023, stated=9000, decimals=-3, base=1000)
RANK = dict(
    kind="rank",
    region="A",
    period=2023,
    stated_rank=2,
    of=2,
    descending=False,
    stated_value=4.37,
    value_decimals=2,
)
STATEMENTS = [
    (CHANGE, "stated"),
    (CHANGE, "decimals"),
    (COUNT, "stated"),
    (COUNT, "base"),
    (RANK, "stated_rank"),
    (RANK, "of"),
    (RANK, "stated_value"),
    (RANK, "value_decimals"),
]


def _check(statement: dict[str, Any]) -> pd.DataFrame:
    return check_statements(
        pd.DataFrame([statement]),
        DATA,
        unit="percent",
        persons_per_poor_unit=1000,
        period="year",
    )


def test_the_statements_hold_as_written() -> None:
    # By hand: A fell 4.37 -> 4.26, 0.11 points; A ranks 2 of 2 from the
    # lowest in 2023 (3.31 < 4.37). So the checks below fail only on H.
    assert _check(CHANGE)["verdict"].tolist() == ["holds"]
    assert _check(RANK)["verdict"].tolist() == ["holds"]


@pytest.mark.parametrize(("statement", "col"), STATEMENTS)
def test_check_statements_columns(statement: dict[str, Any], col: str) -> None:
    with pytest.raises(ValueError, match="too large for float64") as err:
        _check({**statement, col: H})
    said = str(err.value)
    assert f"`{col}`" in said
    assert "row 0" in said


SCALARS: dict[str, tuple[Callable[[], Any], str]] = {
    "stated_rank": (
        lambda: check_rank_statement(
            [4.26, 3.31], ["a", "b"], subject="a", stated_rank=H, descending=False
        ),
        "too large for float64",
    ),
    "of": (
        lambda: check_rank_statement(
            [4.26, 3.31], ["a", "b"], subject="a", stated_rank=2, of=H, descending=False
        ),
        "too large for float64",
    ),
    "levels_decimals": (
        lambda: check_change_statement(
            4.37,
            4.26,
            0.11,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
            levels_decimals=H,
        ),
        r"must lie in \[-15, 10\], got 1000000",
    ),
    "before_decimals": (
        lambda: check_change_statement(
            4.37,
            4.26,
            0.11,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
            before_decimals=H,
            after_decimals=2,
        ),
        r"must lie in \[-15, 10\], got 1000000",
    ),
    "after_decimals": (
        lambda: check_change_statement(
            [4.37],
            [4.26],
            [0.11],
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
            before_decimals=2,
            after_decimals=[H],
        ),
        r"must lie in \[-15, 10\], got 1000000",
    ),
    "level_change levels_decimals": (
        lambda: check_level_change_statement(
            37.78,
            34.84,
            2.94,
            direction="fall",
            stated_as="units",
            decimals=2,
            levels_decimals=H,
        ),
        r"must lie in \[-15, 10\], got 1000000",
    ),
    "base_rtol": (
        lambda: check_count_statement(
            4.26, 187000, 9000, unit="percent", decimals=-3, base_rtol=H
        ),
        "too large for float64",
    ),
    "n_draws": (
        lambda: ps.rank_probabilities(
            [4.26, 3.31], se=[0.1, 0.1], descending=False, n_draws=H
        ),
        "too large for float64",
    ),
    "tau": (
        lambda: ps.tau_best_set(
            [4.26, 3.31],
            se=[0.1, 0.1],
            tau=H,
            descending=False,
            level=0.9,
            method="bonferroni",
        ),
        "too large for float64",
    ),
    "level": (
        lambda: ps.tau_best_set(
            [4.26, 3.31],
            se=[0.1, 0.1],
            tau=1,
            descending=False,
            level=H,
            method="bonferroni",
        ),
        "too large for float64",
    ),
    "moe_from_se level": (lambda: ps.moe_from_se([1.0], level=H), "too large"),
    "se_from_moe level": (lambda: ps.se_from_moe([1.0], level=H), "too large"),
}


@pytest.mark.parametrize("name", list(SCALARS))
def test_scalar_arguments(name: str) -> None:
    call, rule = SCALARS[name]
    argument = name.split()[-1]
    with pytest.raises(ValueError, match=rule) as err:
        call()
    assert f"`{argument}`" in str(err.value)


def _fall(levels_decimals: Any) -> Any:
    return check_change_statement(
        [4.37],
        [4.26],
        [0.11],
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
        levels_decimals=levels_decimals,
    )


def test_decimals_as_an_object_array_of_small_ints_still_read() -> None:
    # An object array of ints within the range is read as those ints: by
    # hand, 4.37 - 4.26 = 0.11, the stated fall at 2 decimals: holds, as
    # with levels_decimals=2.
    for small in (
        pd.Series([2], dtype=object).to_numpy(),
        np.array([2, 3], dtype=object)[:1],
    ):
        res = _fall(small)
        assert res.verdict.tolist() == ["holds"]
        assert res.reason.tolist() == _fall(2).reason.tolist()


# One rule for each entry, as for a scalar number of decimals
# (`rate_decimals`): an int (not a bool) in [-15, 10], whatever its size
# or container; the first entry that breaks it is refused as
# `_validate.decimals` refuses one.
_BEYOND = "; figures are compared at 10 decimals, so more cannot be checked"
DECIMALS_REFUSED: list[tuple[Any, type[Exception], str]] = [
    (12, ValueError, "`levels_decimals` must lie in [-15, 10], got 12" + _BEYOND),
    ([2, 12], ValueError, "`levels_decimals` must lie in [-15, 10], got 12" + _BEYOND),
    (
        np.array([2, 12], dtype=object),
        ValueError,
        "`levels_decimals` must lie in [-15, 10], got 12" + _BEYOND,
    ),
    (
        [2, 2**64],
        ValueError,
        "`levels_decimals` must lie in [-15, 10], got 18446744073709551616" + _BEYOND,
    ),
    (
        [2, 10**19],
        ValueError,
        "`levels_decimals` must lie in [-15, 10], got 10000000000000000000" + _BEYOND,
    ),
    # Below -15 the range alone is said (fewer decimals are no figure).
    ([2, -16], ValueError, "`levels_decimals` must lie in [-15, 10], got -16"),
    # The float 2.0 comes first: no int, whatever follows it.
    ([2.0, H], TypeError, "`levels_decimals` must be an int, got 2.0"),
    (np.array([2.5]), TypeError, "`levels_decimals` must be an int, got 2.5"),
    ([2, True], TypeError, "`levels_decimals` must be an int, got True"),
]


@pytest.mark.parametrize(
    ("given", "error", "message"),
    DECIMALS_REFUSED,
    ids=[
        "12",
        "list-12",
        "object-12",
        "2**64",
        "10**19",
        "-16",
        "float-then-huge",
        "float-array",
        "bool",
    ],
)
def test_decimals_out_of_range_or_not_ints_are_refused_alike(
    given: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as err:
        _fall(given)
    assert str(err.value) == message
