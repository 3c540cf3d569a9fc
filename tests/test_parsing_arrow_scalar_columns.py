"""Object columns whose cells are pyarrow Scalars, read as the values they hold.

``pd.Series(list(table[col]))`` (or an object ndarray, a pandas object Index,
a polars Object Series) holds pyarrow Scalars, not numbers: each is read as
its ``.as_py()`` value, as a lone Scalar or a list of them is (rounding13c
G1-G4). numbers14 N1 (float32 as printed), N2 (text refused), N3 (wide ints
refused), N4 (the parse_numbers advice works when followed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import povstat as P
from povstat.statements import check_change_statement, check_statements

HINT = r"must be numeric.*parse_numbers"


def _object_array(cells: list[Any]) -> np.ndarray[Any, Any]:
    out = np.empty(len(cells), dtype=object)
    out[:] = cells  # numpy would read the Scalars as sequences otherwise
    return out


CONTAINERS: dict[str, Callable[[list[Any]], Any]] = {
    "pandas Series": lambda c: pd.Series(c, dtype=object),
    "pandas Index": lambda c: pd.Index(c, dtype=object),
    "object ndarray": _object_array,
    "masked object ndarray": lambda c: np.ma.MaskedArray(_object_array(c)),
}

# A Parquet `float` column: float32 4.265, 9.655, 2.675, whose shortest
# reprs are '4.265', '9.655', '2.675'. By hand, Decimal ROUND_HALF_UP to 2
# decimals: 4.27, 9.66, 2.68 (the binary values 4.2649998..., 9.6549997...,
# 2.6749999... would give 4.26, 9.65, 2.67).
F32 = pa.table({"p0": pa.array([4.265, 9.655, 2.675], pa.float32())})


@pytest.mark.parametrize("container", list(CONTAINERS))
def test_float32_cells_read_as_printed(container: str) -> None:
    cells = CONTAINERS[container](list(F32["p0"]))
    np.testing.assert_array_equal(P.round_half_up(cells, 2), [4.27, 9.66, 2.68])
    assert P.format_number(cells, locale="id", decimals=2).tolist() == [
        "4,27",
        "9,66",
        "2,68",
    ]
    # 4.265 lies in [4.265, 4.275), the interval of 4.27 (by hand).
    inside = P.rounding_interval([4.27, 9.66, 2.68], 2).contains(cells)
    assert inside.tolist() == [True, True, True]


def test_float32_cells_in_a_change_check() -> None:
    cells = pd.Series(list(F32["p0"]))
    # 4.265 -> 4.0 fell 0.265 points, 0.27 at 2 decimals half up (by hand);
    # 9.655 -> 9.0: 0.655, 0.66; 2.675 -> 2.5: 0.175, 0.18.
    r = check_change_statement(
        cells,
        [4.0, 9.0, 2.5],
        [0.27, 0.66, 0.18],
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert list(r.verdict) == ["holds", "holds", "holds"]


@pytest.mark.parametrize("container", list(CONTAINERS))
def test_text_cells_refused_as_text(container: str) -> None:
    # "1.234" is 1,234 in Indonesian (dots between thousands), 1.234 in
    # English: text is never read as a number by guess.
    cells = CONTAINERS[container](list(pa.array(["1.234"])))
    with pytest.raises(TypeError, match=HINT):
        P.round_half_up(cells, 2)
    with pytest.raises(TypeError, match=HINT):
        P.sum_counts(cells)
    with pytest.raises(TypeError, match=HINT):
        P.rank(CONTAINERS[container](list(pa.array(["10", "9"]))), descending=True)


def test_text_cells_refused_as_stated_and_in_a_polars_object_column() -> None:
    pl = pytest.importorskip("polars")
    with pytest.raises(TypeError, match=r"`stated` " + HINT):
        check_change_statement(
            10.0,
            5.0,
            pd.Series([pa.scalar("5")]),
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=0,
        )
    polars_cells = pl.Series(list(pa.array(["1.234"])))
    assert str(polars_cells.dtype) == "Object"
    with pytest.raises(TypeError, match=HINT):
        P.round_half_up(polars_cells, 2)
    # The advice followed: 1.234 in locale id is 1234 (by hand).
    assert P.parse_numbers(polars_cells, locale="id").value.tolist() == [1234.0]


def test_text_cells_parsed_by_parse_numbers_keeping_the_index() -> None:
    cells = pd.Series(list(pa.array(["1.234", "12.345,6", None])), index=[5, 6, 7])
    got = P.parse_numbers(cells, locale="id")
    # By hand, locale id: 1.234 is 1234, 12.345,6 is 12345.6, null missing.
    np.testing.assert_array_equal(got.value, [1234.0, 12345.6, np.nan])


@pytest.mark.parametrize("container", list(CONTAINERS))
def test_wide_integer_cells_refused(container: str) -> None:
    # 2**53 + 1 = 9007199254740993 has no float64 (its nearest is 2**53):
    # refused, as the same int in a list is.
    cells = CONTAINERS[container](list(pa.array([2**53 + 1, 1])))
    with pytest.raises(ValueError, match="9007199254740993 at index 0"):
        P.sum_counts(cells)
    with pytest.raises(ValueError, match="9007199254740993 at index 0"):
        P.format_number(cells, locale="en", decimals=0)
    u64 = CONTAINERS[container](list(pa.array([2**64 - 1], pa.uint64())))
    with pytest.raises(ValueError, match="18446744073709551615"):
        P.format_number(u64, locale="en", decimals=0)


def test_null_cell_missing() -> None:
    cells = pd.Series(list(pa.array([4.26, None])))
    np.testing.assert_array_equal(P.round_half_up(cells, 2), [4.26, np.nan])


def test_data_column_of_scalars_in_check_statements() -> None:
    base = pd.DataFrame(
        {
            "region_code": ["a", "a"],
            "year": [2023, 2024],
            "poverty_rate_pct": [4.26, 3.91],
            "poor_thousands": [37.78, 34.84],
        }
    )
    d = base.assign(poverty_rate_pct=pd.Series(list(pa.array([4.26, 3.91]))))
    s = pd.DataFrame(
        [
            dict(
                kind="change",
                region="a",
                period_before=2023,
                period_after=2024,
                stated=0.35,
                direction="fall",
                stated_as="points",
                decimals=2,
            )
        ]
    )
    kw: dict[str, Any] = dict(
        unit="percent", persons_per_poor_unit=1000, period="year", rate_decimals=2
    )
    # 4.26 - 3.91 = 0.35 points (by hand): the statement holds.
    assert check_statements(s, d, **kw).verdict.tolist() == ["holds"]
    # parse_columns, the advice given for object columns, reads them too.
    parsed = P.parse_columns(d, "poverty_rate_pct", locale="en")
    assert parsed["poverty_rate_pct"].tolist() == [4.26, 3.91]
    # float32 cells (numpy float32 values once read): numbers, read as they
    # print (4.265 and 3.915), as parse_columns reads them below.
    f32 = base.assign(
        poverty_rate_pct=pd.Series(list(pa.array([4.265, 3.915], pa.float32())))
    )
    s32 = s.assign(stated=0.35)
    # 4.265 - 3.915 = 0.35 points (by hand).
    direct = check_statements(s32, f32, **{**kw, "rate_decimals": 3})
    assert direct.verdict.tolist() == ["holds"]
    assert "from 4.265 % to 3.915 %" in direct.reason.tolist()[0]
    followed = P.parse_columns(f32, "poverty_rate_pct", locale="en")
    # Read as printed: 4.265 and 3.915 (not 4.2649998... and 3.9149999...).
    assert followed["poverty_rate_pct"].tolist() == [4.265, 3.915]
    # 4.265 - 3.915 = 0.35 points (by hand).
    verdict = check_statements(s32, followed, **{**kw, "rate_decimals": 3}).verdict
    assert verdict.tolist() == ["holds"]


def test_statements_columns_of_scalars() -> None:
    d = pd.DataFrame(
        {
            "region_code": ["a", "a"],
            "year": [2023, 2024],
            "poverty_rate_pct": [4.26, 3.91],
            "poor_thousands": [37.78, 34.84],
        }
    )
    table = pa.table(
        {
            "kind": ["change"],
            "region": ["a"],
            "period_before": [2023],
            "period_after": [2024],
            "stated": [0.35],
            "direction": ["fall"],
            "stated_as": ["points"],
            "decimals": [2],
        }
    )
    s = pd.DataFrame({c: list(table[c]) for c in table.column_names})
    got = check_statements(
        s, d, unit="percent", persons_per_poor_unit=1000, period="year"
    )
    assert got.verdict.tolist() == ["holds"]  # 4.26 - 3.91 = 0.35 (by hand)


def test_ordinary_object_column_unchanged() -> None:
    from povstat import _validate

    cells = pd.Series([1.5, None], dtype=object)
    assert _validate.arrow_scalars(cells) is cells  # no Scalar: not copied
    plain = np.array([1.5, 2.5])
    assert _validate.arrow_scalars(plain) is plain
