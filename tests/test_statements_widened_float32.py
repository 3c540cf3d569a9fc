"""Float32 figures widened to float64 are read as the figures they are.

A float32 column concatenated with a float64 one becomes float64: BPS's
13.65 % stored as float32 becomes 13.649999618530273. With the decimals
stated (``rate_decimals=2``), such a value (exactly a float32 value, the
float32 nearest to a figure of 2 decimals) is that figure, 13.65, standing
for [13.645, 13.655); a float64 value that is no float32 value (a computed
figure) is still read as itself.
"""

from __future__ import annotations

from typing import Any

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

from povstat.statements import (
    HOLDS,
    UNDECIDED,
    check_change_statement,
    check_rank_statement,
    check_statements,
)
from povstat.units import unrounded
from statement_frames import EJ_KW, east_java

WIDE = float(np.float32(13.65))  # 13.649999618530273


def test_the_widened_value_is_a_figure_at_two_decimals() -> None:
    assert WIDE == 13.649999618530273
    # 13.65's float32, widened: a figure at 2 decimals; a computed float64
    # beside it (not a float32 value) is not; nor is a float32 at 4
    # decimals where float32 spacing (0.00195 near 23854) is coarser than
    # 0.0001, so the float32 could be several figures of 4 decimals.
    got = unrounded(np.array([WIDE, 13.649999618530275, 7.876104702999582]), 2)
    assert got.tolist() == [False, True, True]
    assert bool(unrounded(np.array([float(np.float32(23854.56))]), 4)[0])


def _pacitan(values: np.ndarray[tuple[int], np.dtype[np.float64]]) -> str:
    y = east_java([2023])
    labels = np.append(y["region_name"].to_numpy(), "Kawasan Mataraman")
    res = check_rank_statement(
        values,
        labels,
        subject="Kabupaten Pacitan",
        stated_rank=8,
        descending=True,
        values_decimals=2,
    )
    return str(res.verdict)


def test_numpy_concatenate() -> None:
    # BPS, March 2023: Kabupaten Pacitan 13.65 % is 8th from the highest of
    # East Java's 38; an appended 13.649 lies in 13.65's [13.645, 13.655):
    # the figures do not order them, cannot tell (as with float64 figures).
    rates = east_java([2023])["poverty_rate_pct"].to_numpy()
    widened = np.concatenate([rates.astype(np.float32), [13.649]])
    assert widened.dtype == np.float64
    assert _pacitan(widened) == UNDECIDED
    assert _pacitan(np.append(rates, 13.649)) == UNDECIDED


def test_a_computed_float64_is_still_itself() -> None:
    # 13.649999618530275 is no float32 value: a computed rate standing for
    # itself, above 13.649's [13.6485, 13.6495): ordered, and Pacitan's
    # stated 8th... holds for the computed value in its place.
    rates = east_java([2023])["poverty_rate_pct"].to_numpy().copy()
    labels = east_java([2023])["region_name"].to_numpy()
    rates[list(labels).index("Kabupaten Pacitan")] = 13.649999618530275
    res = check_rank_statement(
        np.append(rates, 13.649),
        np.append(labels, "Kawasan Mataraman"),
        subject="Kabupaten Pacitan",
        stated_rank=8,
        descending=True,
        values_decimals=2,
    )
    assert res.verdict == HOLDS


def _frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    cols = ["region_name", "year", "poverty_rate_pct", "poor_thousands"]
    k = east_java([2022, 2023])[cols]
    pub32 = k.astype({"poverty_rate_pct": "float32", "poor_thousands": "float32"})
    app = pd.DataFrame(
        {
            "region_name": ["Kawasan Mataraman"],
            "year": [2023],
            "poverty_rate_pct": [13.649],
            "poor_thousands": [np.nan],
        }
    )
    return pub32, app


_STATEMENTS = pd.DataFrame(
    [
        # Rank: 13.65 beside 13.649 (above): cannot tell.
        {"kind": "rank", "region": "Kabupaten Pacitan", "period": 2023,
         "stated_rank": 8, "descending": True, "ties": "min"},
        # Kota Malang 4.37 -> 4.26: a fall in (0.10, 0.12), which 0.105 at
        # 3 decimals meets: cannot tell (not "0.109999656677246 matches
        # neither").
        {"kind": "change", "region": "Kota Malang", "period_before": 2022,
         "period_after": 2023, "stated": 0.105, "direction": "fall",
         "stated_as": "points", "decimals": 3},
        # 4.26 at 2 decimals does not give 4.260 at 3: cannot tell.
        {"kind": "figure", "region": "Kota Malang", "period": 2023,
         "measure": "poverty_rate_pct", "stated": 4.260, "decimals": 3},
    ]
)  # fmt: skip


def _check(data: Any) -> list[str]:
    out = check_statements(_STATEMENTS, data, **EJ_KW, rate_decimals=2)
    return [str(x) for x in pd.DataFrame(out)["verdict"]]


@pytest.mark.parametrize("engine", ["pandas", "polars", "duckdb"])
def test_widened_by_each_engine(engine: str) -> None:
    pub32, app = _frames()
    if engine == "pandas":
        data: Any = pd.concat([pub32, app], ignore_index=True)
    elif engine == "polars":
        data = pl.concat(
            [pl.from_pandas(pub32), pl.from_pandas(app)], how="vertical_relaxed"
        )
        assert data.schema["poverty_rate_pct"] == pl.Float64
    else:
        con = duckdb.connect()
        con.register("pub32", pub32)
        con.register("app", app)
        data = con.sql("SELECT * FROM pub32 UNION ALL SELECT * FROM app").pl()
    assert _check(data) == [UNDECIDED] * 3


def test_change_reason_reads_the_figures() -> None:
    res = check_change_statement(
        float(np.float32(4.37)),
        float(np.float32(4.26)),
        0.105,
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=3,
        levels_decimals=2,
    )
    assert res.verdict == UNDECIDED
    assert str(res.reason).startswith(
        "fell 0.110 percentage points, from 4.37 % to 4.26 %"
    )
