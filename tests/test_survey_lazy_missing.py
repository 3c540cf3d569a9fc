"""Missing values on lazy engines: named by the first group holding them.

An eager frame names the first row missing a value; a lazy frame (polars
lazy, DuckDB, Spark) has no row order, so its message names the first
group, in label order, holding such rows, as the rules on values do
(``the first group (in label order) holding such rows: g 'a', p 9``),
from the same one reduction. The message is the same on every lazy engine
and for every row order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from backends import NAN, make
from povstat import poverty_table

LAZY = ["polars-lazy", "duckdb", "pyspark"]
_KW: dict[str, Any] = {"welfare": "y", "line": 550.0, "unit": "percent"}
_GROUP = "; the first group (in label order) holding such rows: "


def _reversed(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v[::-1] for k, v in data.items()}


def _message(backend: str, data: Mapping[str, Any], **kw: Any) -> str:
    # Every message here says what "must not" be missing.
    with pytest.raises(ValueError, match="must not") as err:
        poverty_table(make(backend, dict(data)), **{**_KW, **kw})
    return str(err.value)


# Welfare is missing in group ('b', 2), a weight in group ('a', 9): the
# group whose `by` label sorts first is ('a', 9), whatever the row order.
_VALUES = {
    "y": [500.0, NAN, 700.0, 520.0],
    "wt": [1.0, 1.0, 2.0, NAN],
    "g": ["c", "b", "c", "a"],
    "p": [1, 2, 1, 9],
}


@pytest.mark.parametrize("backend", LAZY)
def test_missing_values_name_the_first_group_in_label_order(backend: str) -> None:
    expected = (
        "`welfare` column 'y' (1 row) and `weight` column 'wt' (1 row) must "
        "not be missing (nan_policy='raise'): 2 row(s) missing a value in all"
        f"{_GROUP}g 'a', p 9; pass nan_policy='omit' to give such rows zero "
        "weight"
    )
    for data in (_VALUES, _reversed(_VALUES)):
        assert _message(backend, data, weight="wt", by="g", psu="p") == expected
    # Without key columns, one group of all rows: nothing to name, as for
    # the rules on values.
    assert _message(backend, _VALUES, weight="wt") == expected.replace(
        f"{_GROUP}g 'a', p 9", ""
    )


@pytest.mark.parametrize("backend", LAZY)
def test_a_missing_line_is_named_by_its_group(backend: str) -> None:
    # The line column is missing in group 'b' alone (row 1).
    data = {"y": [500.0, 600.0, 700.0], "l": [550.0, NAN, 550.0], "g": ["c", "b", "c"]}
    expected = (
        "`line` column 'l' (1 row) must not be missing (nan_policy='raise'): "
        f"1 row(s) missing a value in all{_GROUP}g 'b'; pass nan_policy='omit' "
        "to give such rows zero weight"
    )
    assert _message(backend, data, line="l", by="g") == expected


# Strata missing in groups ('b', PSU 2) and ('a', PSU 4): ('a', 4) sorts first.
_DESIGN = {
    "y": [500.0, 600.0, 700.0, 800.0, 650.0],
    "g": ["b", "b", "a", "a", "a"],
    "st": [1, None, 2, None, 2],
    "p": [1, 2, 3, 4, 3],
    "f": [10.0, 10.0, 20.0, 20.0, 20.0],
}


@pytest.mark.parametrize("backend", LAZY)
def test_missing_strata_are_named_by_the_other_keys(backend: str) -> None:
    expected = (
        "`strata` column 'st' must not hold missing values: 2 rows missing"
        f"{_GROUP}g 'a', p 4"
    )
    for data in (_DESIGN, _reversed(_DESIGN)):
        assert _message(backend, data, by="g", strata="st", psu="p") == expected
        # `fpc` (numbers, not labels) is not among the labels named.
        got = _message(backend, data, by="g", strata="st", psu="p", fpc="f")
        assert got == expected


@pytest.mark.parametrize("backend", LAZY)
def test_a_missing_label_among_the_other_keys_is_said_missing(backend: str) -> None:
    # Row 1 misses its stratum and its PSU: the stratum is refused first
    # (by, strata, psu), its group named by `g` and a missing `p`.
    data = {**_DESIGN, "st": [1, None, 2, 2, 2], "p": [1, None, 3, 4, 3]}
    assert _message(backend, data, by="g", strata="st", psu="p") == (
        "`strata` column 'st' must not hold missing values: 1 row missing"
        f"{_GROUP}g 'b', p (missing)"
    )


@pytest.mark.parametrize("backend", LAZY)
def test_missing_by_and_fpc_labels_are_named_by_the_other_keys(backend: str) -> None:
    data = {**_DESIGN, "st": [1, 1, 2, 2, 2], "g": ["b", None, "a", "a", "a"]}
    assert _message(backend, data, by="g", strata="st", psu="p") == (
        f"`by` column 'g' must not hold missing values: 1 row missing{_GROUP}st 1, p 2"
    )
    data = {**_DESIGN, "st": [1, 1, 2, 2, 2], "f": [10.0, 10.0, 20.0, NAN, 20.0]}
    assert _message(backend, data, by="g", strata="st", psu="p", fpc="f") == (
        f"`fpc` column 'f' must not hold missing values: 1 row missing{_GROUP}"
        "g 'a', st 2, p 4"
    )
    # The only key column missing: no other labels to name the group by.
    assert _message(backend, {**data, "g": ["b", None, "a", "a", "a"]}, by="g") == (
        "`by` column 'g' must not hold missing values: 1 row missing"
    )


@pytest.mark.parametrize("backend", LAZY)
def test_weights_rescaled_by_domain_name_missing_labels_alike(backend: str) -> None:
    # Weights whose squares would overflow (1e200) take the path that first
    # judges each domain's power of two, which refuses a missing `by` label
    # before reading the labels: the same message as with small weights.
    data = {
        "y": [500.0, 600.0, 700.0, 800.0],
        "g": ["b", None, "a", "a"],
        "p": [1, 2, 3, 4],
        "wt": [1e200, 1.0, 2.0, 1.0],
    }
    expected = f"`by` column 'g' must not hold missing values: 1 row missing{_GROUP}p 2"
    assert _message(backend, data, by="g", psu="p", weight="wt") == expected
    small = {**data, "wt": [1.0, 1.0, 2.0, 1.0]}
    assert _message(backend, small, by="g", psu="p", weight="wt") == expected


@pytest.mark.parametrize("backend", LAZY)
def test_a_missing_value_is_refused_before_a_bad_line(backend: str) -> None:
    # Row 0 misses its welfare, row 2 has a line of 0: a lazy engine refuses
    # the missing value first, as an eager frame does.
    data = {"y": [NAN, 600.0, 700.0], "l": [550.0, 550.0, 0.0], "g": ["a", "b", "b"]}
    start = (
        "`welfare` column 'y' (1 row) must not be missing (nan_policy='raise'): "
        "1 row(s) missing a value in all"
    )
    eager = _message("polars", data, line="l", by="g")
    assert eager.startswith(f"{start}, first at row position 0; pass")
    assert _message(backend, data, line="l", by="g") == (
        f"{start}{_GROUP}g 'a'; pass nan_policy='omit' to give such rows zero weight"
    )


@pytest.mark.parametrize("backend", LAZY)
def test_an_integer_key_with_a_null_is_named_as_an_integer(backend: str) -> None:
    # `st` is an integer column holding a null (row 4); the `by` label is
    # missing in group (st 2, psu 1): named "st 2", as without the null,
    # not "st 2.0" (numpy reads an integer column with nulls as floats).
    data = {
        "y": [90.0, 130, 110, 140, 95, 150, 85, 160],
        "w": [1.0, 2, 3, 4, 5, 6, 7, 8],
        "st": [1, 1, 1, 1, None, 2, 2, 2],
        "psu": [1, 1, 2, 2, 1, 1, 2, 2],
        "dom": ["a", "a", "b", "b", "a", None, "b", "b"],
    }
    kw = {"weight": "w", "by": "dom", "strata": "st", "psu": "psu"}
    for rows in (data, _reversed(data)):
        message = _message(backend, rows, **kw)
        assert message.endswith(f"{_GROUP}st 2, psu 1"), message
