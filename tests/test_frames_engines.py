"""Every adapter on every engine: the same numbers, the caller's kind of frame.

The reference is each adapter's output on a numpy-backed pandas frame, whose
values the other test modules check against published figures and the array
functions. Here each engine must give the same values and answer in kind: a
lazy polars frame gives a lazy polars frame, a DuckDB relation a relation, a
PySpark DataFrame a PySpark DataFrame. Engines that promise no row order are
compared after sorting by a row id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat
from backends import EVERY_BACKEND, NAN, col, collect, make, run

# Kota Malang, Kota Batu and Kabupaten Sampang, March 2022-2024 (BPS), with a
# made-up RSE of 10 % and made-up populations; one rate missing.
DATA: dict[str, Any] = {
    "row": [0, 1, 2, 3, 4, 5, 6, 7, 8],
    "region_code": ["3573", "3579", "3527"] * 3,
    "period": [dt.datetime(y, 3, 1) for y in (2023, 2022, 2024) for _ in range(3)],
    "poverty_rate_pct": [4.26, 3.31, 21.76, 4.37, 3.79, 22.78, 3.91, 3.06, NAN],
    "poor_thousands": [37.78, 7.50, 220.68, 38.51, 8.49, 229.13, 34.75, 6.99, 211.05],
    "population": [886.9, 226.6, 1014.2, 881.2, 224.0, 1005.9, 888.8, 228.4, 1022.0],
    "rse": [10.0] * 9,
    "se_pct_points": [0.426, 0.331, 2.176, 0.437, 0.379, 2.278, 0.391, 0.306, NAN],
}

CASES: list[tuple[str, Callable[..., Any], dict[str, Any], list[str]]] = [
    (
        "headcount",
        povstat.with_headcount,
        {"unit": "percent", "population": "population"},
        ["headcount"],
    ),
    ("rate", povstat.with_rate, {"unit": "percent", "population": "population"}, []),
    (
        "implied_population",
        povstat.with_implied_population,
        {"unit": "percent"},
        ["implied_population"],
    ),
    (
        "changes",
        povstat.with_changes,
        {"unit": "percent"},
        [
            "previous_value",
            "elapsed_years",
            "change_points",
            "change_relative_pct",
            "change_points_per_year",
            "change_compound_pct_per_year",
        ],
    ),
    (
        "change_from_base",
        povstat.with_change_from_base,
        {"unit": "percent", "base": dt.date(2022, 3, 1)},
        [
            "base_value",
            "elapsed_years",
            "change_points",
            "change_compound_pct_per_year",
        ],
    ),
    (
        "decomposition",
        povstat.with_headcount_decomposition,
        {"unit": "percent"},
        ["headcount_change", "population_effect", "rate_effect"],
    ),
    ("ranks", povstat.with_ranks, {"descending": True, "by": "period"}, ["rank"]),
    (
        "rate_interval",
        povstat.with_rate_interval,
        {"unit": "percent", "level": 0.9, "method": "logit", "rse_pct": "rse"},
        ["rate_se", "rate_lower", "rate_upper"],
    ),
    (
        "change_test",
        povstat.with_change_test,
        {"unit": "percent", "level": 0.9, "independent": True, "se": "se_pct_points"},
        ["change_se", "change_lower", "change_upper", "change_z", "change_p_value"],
    ),
    (
        "rank_sets",
        povstat.with_rank_sets,
        {
            "descending": True,
            "level": 0.9,
            "method": "bootstrap",
            "simultaneous": False,
            "se": "se_pct_points",
            "by": "period",
            "n_draws": 200,
            "seed": 5,
        },
        ["rank_lower", "rank_upper", "rank_set_count"],
    ),
]


def frame(backend: str, name: str) -> Any:
    data = dict(DATA)
    if name == "rate":
        data["poor_thousands"] = [0.5 * p for p in data["population"]]
    return make(backend, data)


def by_row(native: Any, name: str) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Column `name` in the order of the ``row`` id (engines may reorder)."""
    out = collect(native)
    order = np.argsort(col(out, "row"))
    return col(out, name)[order]


@pytest.mark.parametrize("backend", EVERY_BACKEND)
@pytest.mark.parametrize(("name", "adapter", "kw", "outputs"), CASES)
def test_every_adapter_on_every_engine(
    backend: str,
    name: str,
    adapter: Callable[..., Any],
    kw: dict[str, Any],
    outputs: list[str],
) -> None:
    reference = adapter(frame("pandas[float64]", name), **kw)
    native = frame(backend, name)
    if backend in ("duckdb", "pyspark"):
        out = adapter(native, **kw)
        assert type(out) is type(native)
    else:
        out = run(adapter, native, **kw)
    for column in outputs or ["rate"]:
        np.testing.assert_allclose(
            by_row(out, column),
            reference[column].to_numpy(np.float64),
            rtol=1e-12,
            equal_nan=True,
            err_msg=f"{name}: {column}",
        )


@pytest.mark.parametrize("backend", ["duckdb", "pyspark"])
def test_engine_input_is_left_as_it_was(backend: str) -> None:
    native = make(backend, DATA)
    before = collect(native)
    povstat.with_changes(native, unit="percent")
    pl.testing.assert_frame_equal(collect(native), before)


def test_a_lazy_pandas_view_is_refused_with_a_povstat_error() -> None:
    import narwhals.stable.v2 as nw

    lazy = nw.from_native(pd.DataFrame(DATA)).lazy()
    with pytest.raises(TypeError, match=r"lazy pandas frame.*collect it first"):
        povstat.with_headcount(lazy, unit="percent", population="population")  # type: ignore[type-var]


@pytest.mark.spark
def test_spark_timestamp_periods_are_dates_in_the_session_time_zone() -> None:
    # Spark shows a TIMESTAMP in its session time zone. In Asia/Jakarta
    # (UTC+7), 2019-03-01 00:00 is 2019-02-28 17:00 UTC: read in UTC it
    # would be a February period. Read as Spark shows it, the periods are
    # March and September 2019: 6 months, 0.5 years apart (by hand; in UTC
    # February to September would be 7/12 years). Every reader agrees:
    # the adapters, trace_figure and check_statements.
    from pyspark.sql.types import TimestampType

    from backends import spark
    from povstat.statements import check_statements
    from povstat.tracing import trace_figure

    session = spark()
    before = session.conf.get("spark.sql.session.timeZone")
    session.conf.set("spark.sql.session.timeZone", "Asia/Jakarta")
    try:
        df = session.sql(
            "select * from values "
            "('A', timestamp'2019-03-01 00:00:00', 10.25D, 1.0D), "
            "('A', timestamp'2019-09-15 12:00:00', 9.25D, 0.9D) "
            "as t(region, period, rate, poor)"
        )
        out = povstat.with_changes(df, unit="percent", rate="rate", region="region")
        assert isinstance(out.schema["period"].dataType, TimestampType)
        got = collect(out).sort("rate")
        assert got.get_column("elapsed_years").to_list()[0] == 0.5
        # The base is March 2019 (not February, as in UTC).
        based = povstat.with_change_from_base(
            df, unit="percent", base=dt.date(2019, 3, 1), rate="rate", region="region"
        )
        assert collect(based).get_column("base_value").to_list() == [10.25, 10.25]
        with pytest.raises(ValueError, match="matches no row"):
            povstat.with_change_from_base(
                df,
                unit="percent",
                base=dt.date(2019, 2, 1),
                rate="rate",
                region="region",
            )
        res = trace_figure(
            df,
            10.25,
            decimals=2,
            subject="A",
            at=pd.Timestamp("2019-03-01"),
            measure="rate",
            region="region",
            measures=[],
        )
        assert res.verdict == "holds", res.reason
        st = pd.DataFrame(
            {
                "kind": ["change"],
                "region": ["A"],
                "period_before": [pd.Timestamp("2019-03-01")],
                "period_after": [pd.Timestamp("2019-09-15")],
                "stated": [0.5],
                "direction": ["fall"],
                "stated_as": ["points"],
                "decimals": [1],
                "per_year": [False],
            }
        )
        checked = check_statements(
            st,
            df,
            unit="percent",
            persons_per_poor_unit=1,
            region="region",
            rate="rate",
            headcount="poor",
        )
        # Fell 1.00 (rates of 2 decimals), not 0.5.
        assert checked["verdict"].tolist() == ["does not hold"]
    finally:
        session.conf.set("spark.sql.session.timeZone", before)


@pytest.mark.parametrize("backend", EVERY_BACKEND)
def test_a_measure_equal_for_every_unit_has_se_0_on_every_engine(
    backend: str,
) -> None:
    # Welfare 0.7 under a line of 1 for every unit of domain "a": P0 = 1,
    # P1 = 0.3 and Watts = ln(1/0.7) for each, so u = 0 for each unit: se
    # exactly 0 and deff NaN, as R `survey` 4.1.1 gives
    # (tests/reference/survey_fpc_weights.R), on every engine; domain "b"
    # (welfare 0.5 and 2) varies. A zero-weight row of "a" does not count.
    native = make(
        backend,
        {
            "y": [0.7] * 6 + [0.5, 2.0, 0.5, 2.0, 0.2],
            "w": [1e3, 2e3, 3e3, 4e3, 5e3, 6e3, 10.0, 20.0, 30.0, 40.0, 0.0],
            "psu": [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6],
            "d": ["a"] * 6 + ["b"] * 4 + ["a"],
        },
    )
    out = collect(
        povstat.poverty_table(
            native,
            welfare="y",
            line=1.0,
            weight="w",
            psu="psu",
            by="d",
            unit="percent",
            alpha=[0, 1],
            watts=True,
        )
    )
    frame = out if isinstance(out, pd.DataFrame) else out.to_pandas()
    frame = frame.sort_values(["d", "measure"]).reset_index(drop=True)
    first = frame[frame["d"] == "a"]
    assert first["se"].tolist() == [0.0, 0.0, 0.0]
    assert first["deff"].isna().all()
    assert (frame.loc[frame["d"] == "b", "se"] > 0).all()
