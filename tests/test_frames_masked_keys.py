"""``numpy.ma.masked`` in a key or label column (round 13, N4/N5/N7).

``list(masked_array)`` gives ``numpy.ma.masked`` for a masked entry: a
missing value. In a key column it is refused with povstat's missing-key
message, as None is (pandas cannot hash it; a cast to str would make it a
region named "--"), and as a trace key or measure it is refused as missing,
never matched against every row, by the rule and message that refuse every
other missing marker there (None, NaN, pandas.NA).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat as P
import povstat.statements as S
from povstat.datasets import load_east_java
from povstat.tracing import trace_figure

_KW: dict[str, Any] = dict(unit="percent", persons_per_poor_unit=1000, period="year")


def _ej() -> pd.DataFrame:
    ej = load_east_java()
    keep = ej.region_type.isin(["kabupaten", "kota"]) & ej.year.isin([2023, 2024])
    cols = ["region_code", "year", "poverty_rate_pct", "poor_thousands"]
    return ej.loc[keep, cols].reset_index(drop=True)


def _with_missing_key(cell: object) -> pd.DataFrame:
    y = _ej()
    y["region_code"] = y["region_code"].astype(object)
    y.loc[3, "region_code"] = cell  # type: ignore[call-overload]
    return y


_ADAPTERS: list[Callable[[pd.DataFrame], object]] = [
    lambda d: P.with_ranks(d, descending=True, by="year"),
    lambda d: P.with_changes(d, unit="percent", period="year"),
    lambda d: P.with_headcount_decomposition(d, unit="percent", period="year"),
    lambda d: P.aggregate_regions(
        d, unit="percent", period="year", groups={"G": ["3501", "3502"]}
    ),
]


@pytest.mark.parametrize("adapter", _ADAPTERS)
def test_masked_key_refused_as_missing_like_none(
    adapter: Callable[[pd.DataFrame], object],
) -> None:
    # The masked cell is at index label 3: the same message as for None.
    with pytest.raises(ValueError, match="missing") as with_none:
        adapter(_with_missing_key(None))
    data = _with_missing_key(np.ma.masked)
    before = data.copy()
    with pytest.raises(ValueError, match="missing") as with_masked:
        adapter(data)
    assert str(with_masked.value) == str(with_none.value)
    assert "3" in str(with_masked.value)
    # the caller's frame is unchanged: the masked cell is still there
    assert data["region_code"].to_numpy()[3] is np.ma.masked
    pd.testing.assert_frame_equal(data.drop(index=3), before.drop(index=3))


def test_masked_group_column_refused_as_missing() -> None:
    y = _ej()
    y["year"] = y["year"].astype(object)
    y.loc[5, "year"] = np.ma.masked
    with pytest.raises(ValueError, match=r"'year'.*must not have missing values"):
        P.with_ranks(y, descending=True, by="year")


def test_masked_region_in_check_statements_data() -> None:
    # Kota Batu's 2023 row keyed by a masked region: a missing key, never a
    # region "--" ranked with Kota Batu's rate (the advice to cast the
    # column to str led there).
    y = _ej()
    i = y.index[(y.region_code == "3579") & (y.year == 2023)][0]
    y["region_code"] = y["region_code"].astype(object)
    y.loc[i, "region_code"] = np.ma.masked
    st = pd.DataFrame(
        [dict(kind="rank", region="3573", period=2023, stated_rank=2, descending=False)]
    )
    with pytest.raises(ValueError, match=r"'region_code'.*must not have missing"):
        S.check_statements(st, y, rate_decimals=2, **_KW)


@pytest.mark.parametrize("col", ["region", "period"])
def test_masked_statement_key_is_missing(col: str) -> None:
    row = dict(kind="rank", region="3573", period=2023, stated_rank=2, descending=False)
    row[col] = np.ma.masked
    with pytest.raises(ValueError, match=rf"column '{col}' is missing in row 0"):
        S.check_statements(pd.DataFrame([row]), _ej(), **_KW)


def test_masked_kind_and_measure_are_missing() -> None:
    row = dict(kind=np.ma.masked, region="3573", period=2023, stated_rank=2)
    with pytest.raises(ValueError, match="missing 'kind' in row 0"):
        S.check_statements(pd.DataFrame([row]), _ej(), **_KW)
    fig: dict[str, Any] = dict(
        kind="figure", region="3573", period=2023, stated=4.26, decimals=2
    )
    for cell in (np.ma.masked, None):
        st = pd.DataFrame([{**fig, "measure": cell}])
        with pytest.raises(ValueError, match="'measure' is missing in row 0"):
            S.check_statements(st, _ej(), **_KW)


#: Every missing marker, refused by one rule (``_validate._is_missing_label``).
_MISSING: list[Any] = [np.ma.masked, None, float("nan"), pd.NA, np.float32("nan")]


@pytest.mark.parametrize("marker", _MISSING, ids=repr)
@pytest.mark.parametrize(
    ("arg", "given"),
    [
        ("subject", dict(at=2023, measure="poverty_rate_pct")),
        ("at", dict(subject="3573", measure="poverty_rate_pct")),
        ("measure", dict(subject="3573", at=2023)),
        ("where['poor_thousands']", dict(subject="3573", at=2023)),
    ],
)
def test_trace_figure_missing_key_refused(
    arg: str, given: dict[str, Any], marker: object
) -> None:
    # A masked `at` once matched both years of 3573 ("2 rows ... keys must
    # be unique"); a masked subject crashed in pandas; None, NaN and pd.NA
    # were reported as labels absent from `data` ("no row of `data` has
    # region_code=None"). One message for each: the argument is missing.
    kw: dict[str, Any] = dict(given)
    if arg.startswith("where"):
        kw |= dict(measure="poverty_rate_pct", where={"poor_thousands": marker})
    else:
        kw[arg] = marker
    expected = re.escape(f"`{arg}` is missing, got ")
    with pytest.raises(ValueError, match=f"^{expected}"):
        trace_figure(_ej(), 4.26, decimals=2, period="year", **kw)
