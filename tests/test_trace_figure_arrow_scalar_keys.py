"""trace_figure reads a pyarrow Scalar subject, at, measure, measures entry
or `where` value as the label it holds (core16 G4): the Scalars a loop over
a pyarrow column gives (``for s in table["region_name"]``)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from povstat.datasets import load_east_java
from povstat.tracing import trace_figure


def _frames() -> tuple[pd.DataFrame, pa.Table]:
    df = load_east_java()
    return df, pa.Table.from_pandas(df)


@pytest.mark.parametrize("kind", ["pandas", "arrow", "polars"])
def test_arrow_scalar_keys_are_read_by_value(kind: str) -> None:
    # BPS: Kota Malang's poverty rate in 2023 is 4.26 % (the bundled
    # table, row 3573 / 2023), so "4.26" at 2 decimals holds.
    df, t = _frames()
    i = int((df["region_name"] == "Kota Malang").to_numpy().argmax())
    data: Any = df
    if kind == "arrow":
        data = t
    elif kind == "polars":
        pl = pytest.importorskip("polars")
        data = pl.from_pandas(df)
    res = trace_figure(
        data,
        4.26,
        decimals=2,
        subject=t["region_name"][i],
        at=pa.scalar(2023),
        measure=pa.scalar("poverty_rate_pct"),
        measures=[pa.scalar("poverty_rate_pct")],
        where={"region_type": t["region_type"][i]},
        region="region_name",
        period="year",
    )
    assert res.verdict == "holds"
    assert "Kota Malang" in res.reason
    assert "4.26" in res.reason


def test_arrow_scalar_subject_wrong_figure_found_elsewhere() -> None:
    # Kota Batu 2023 is 3.31 % (BPS); stated for Kota Malang (4.26 %) it
    # does not hold, and it is found as Kota Batu's.
    df, _t = _frames()
    res = trace_figure(
        df,
        3.31,
        decimals=2,
        subject=pa.scalar("Kota Malang"),
        at=2023,
        measure="poverty_rate_pct",
        region="region_name",
        period="year",
    )
    assert res.verdict == "does not hold"
    assert "4.26" in res.reason
    assert "Kota Batu" in res.reason


def test_arrow_null_scalar_subject_is_refused_as_missing() -> None:
    df, _ = _frames()
    with pytest.raises(ValueError, match="`subject` is missing"):
        trace_figure(
            df,
            4.26,
            decimals=2,
            subject=pa.scalar(None, pa.string()),
            at=2023,
            measure="poverty_rate_pct",
            region="region_name",
            period="year",
        )
