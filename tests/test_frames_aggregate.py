"""Tests of the aggregate and reliability adapters on pandas and polars."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

from backends import BACKENDS, NAN, col, collect, make, run, untouched
from povstat import (
    RSEBands,
    aggregate_regions,
    pooled_rate,
    reliability_flags,
    with_change_from_base,
    with_change_test,
    with_changes,
    with_rank_sets,
    with_ranks,
    with_reliability,
)
from povstat.datasets import load_east_java

MALANG_RAYA = ["3507", "3573", "3579"]


def table(years: tuple[int, ...] = (2022, 2023)) -> dict[str, Any]:
    """The 38 regencies and cities of East Java, March of `years` (BPS)."""
    df = load_east_java()
    kab = df[df["region_type"].isin(["kabupaten", "kota"]) & df["year"].isin(years)]
    return {
        "region_code": kab["region_code"].astype(object).tolist(),
        "year": kab["year"].astype(np.float64).tolist(),
        "poverty_rate_pct": kab["poverty_rate_pct"].tolist(),
        "poor_thousands": kab["poor_thousands"].tolist(),
    }


def column_list(native: Any, name: str) -> list[Any]:
    out = collect(native)
    if isinstance(out, pd.DataFrame):
        return [None if pd.isna(v) else v for v in out[name].tolist()]
    values: list[Any] = out.get_column(name).to_list()
    return values


@pytest.mark.parametrize("backend", BACKENDS)
def test_malang_raya_and_the_province_per_year(backend: str) -> None:
    data = table()
    native = make(backend, data)
    groups = {
        "Malang Raya": MALANG_RAYA,
        "Jawa Timur": sorted(set(data["region_code"])),
    }
    with untouched(native):
        out = aggregate_regions(
            native,
            groups=groups,
            unit="percent",
            period="year",
            overlapping=True,
            decimals={"headcount": 2, "rate": 2},
        )
    assert type(out) is type(native)
    assert column_list(out, "group") == [
        "Jawa Timur",
        "Jawa Timur",
        "Malang Raya",
        "Malang Raya",
    ]
    assert column_list(out, "year") == [2022.0, 2023.0, 2022.0, 2023.0]
    # BPS, March 2023: Malang Raya 296.24 thousand poor, pooled 7.876 %
    # (worked in tests/test_aggregate.py); East Java 4,188.84 thousand and
    # 10.347 %.
    np.testing.assert_allclose(col(out, "pooled_headcount")[[1, 3]], [4188.84, 296.24])
    np.testing.assert_allclose(
        col(out, "pooled_rate")[[1, 3]], [10.347, 7.876], atol=5e-4
    )
    # Each row is the array function on that group's rows.
    d = pd.DataFrame(data)
    one = d[(d["year"] == 2022) & d["region_code"].isin(MALANG_RAYA)]
    ref = pooled_rate(
        one["poor_thousands"],
        rate=one["poverty_rate_pct"],
        unit="percent",
        decimals={"headcount": 2, "rate": 2},
    )
    assert col(out, "pooled_rate")[2] == ref.rate
    assert col(out, "pooled_rate_rounding_upper")[2] == ref.rounding_upper
    assert "pooled_rate_se" not in collect(out).columns


@pytest.mark.parametrize("backend", BACKENDS)
def test_errors_columns_with_a_stated_dependence(backend: str) -> None:
    data = table((2023,))
    data["se"] = [0.1 * r for r in data["poverty_rate_pct"]]
    native = make(backend, data)
    out = aggregate_regions(
        native,
        groups={"Malang Raya": MALANG_RAYA},
        unit="percent",
        period="year",
        se="se",
        level=0.9,
        independent=True,
    )
    d = pd.DataFrame(data)
    one = d[d["region_code"].isin(MALANG_RAYA)]
    ref = pooled_rate(
        one["poor_thousands"],
        rate=one["poverty_rate_pct"],
        se=one["se"],
        level=0.9,
        independent=True,
        unit="percent",
    )
    assert ref.se is not None
    assert ref.lower is not None
    np.testing.assert_allclose(col(out, "pooled_rate_se"), [ref.se], rtol=1e-12)
    np.testing.assert_allclose(col(out, "pooled_rate_lower"), [ref.lower], rtol=1e-12)


def test_group_by_a_column_and_row_order() -> None:
    data = table()
    d = pd.DataFrame(data)
    d["province"] = "35"
    out = aggregate_regions(d, by="province", unit="percent", period="year")
    shuffled = d.sample(frac=1.0, random_state=3)
    again = aggregate_regions(shuffled, by="province", unit="percent", period="year")
    pd.testing.assert_frame_equal(out, again)
    assert out["group"].tolist() == ["35", "35"]
    np.testing.assert_allclose(out["pooled_headcount"][1], 4188.84)


def test_population_column_and_missing_values() -> None:
    d = pd.DataFrame(
        {
            "region_code": ["a", "b", "a", "b"],
            "period": [1.0, 1.0, 2.0, 2.0],
            "poor": [10.0, 60.0, NAN, 50.0],
            "pop": [100.0, 300.0, 100.0, 300.0],
        }
    )
    kw: dict[str, Any] = {
        "groups": {"ab": ["a", "b"]},
        "unit": "percent",
        "headcount": "poor",
        "population": "pop",
    }
    out = aggregate_regions(d, **kw)
    np.testing.assert_allclose(out["pooled_rate"], [17.5, NAN])
    omit = aggregate_regions(d, nan_policy="omit", **kw)
    np.testing.assert_allclose(omit["pooled_rate"], [17.5, 50 / 3])


@pytest.mark.parametrize(
    ("kwargs", "kind", "match"),
    [
        ({}, ValueError, "exactly one of `groups` and `by`; got neither"),
        ({"groups": {"x": ["a"]}, "by": "region_code"}, ValueError, "got both"),
        ({"groups": {"x": ["a", "z"]}}, ValueError, r"not in the frame.*'z'"),
        (
            {"groups": {"x": ["a", "a"]}},
            ValueError,
            "more than once: group 'x' lists region 'a' 2 times",
        ),
        (
            {"groups": {"x": ["a"], "y": ["a", "b"]}},
            ValueError,
            "overlapping=True",
        ),
        # An empty group used to vanish from the output without a word.
        ({"groups": {"x": ["a"], "MR": []}}, ValueError, r"`groups\['MR'\]` lists no"),
        ({"groups": {"MR": ()}}, ValueError, r"`groups\['MR'\]` lists no regions"),
        ({"groups": {"x": "ab"}}, TypeError, "collection of region labels"),
        ({"groups": {1: ["a"]}}, TypeError, "group names"),
        ({"groups": ["a"]}, TypeError, "mapping"),
        ({"groups": {"x": [1]}}, ValueError, "not in the frame"),
        ({"groups": {"x": ["a"]}, "headcount": "poor"}, ValueError, "'poor'"),
        ({"groups": {"x": ["a"]}, "overlapping": 1}, TypeError, "overlapping"),
        (
            {"groups": {"x": ["a"]}, "se": "poverty_rate_pct", "level": 0.9},
            ValueError,
            "state the dependence",
        ),
    ],
)
def test_errors(kwargs: dict[str, Any], kind: type[Exception], match: str) -> None:
    d = pd.DataFrame(
        {
            "region_code": ["a", "b"],
            "period": [1.0, 1.0],
            "poverty_rate_pct": [10.0, 20.0],
            "poor_thousands": [1.0, 2.0],
        }
    )
    with pytest.raises(kind, match=match):
        aggregate_regions(d, unit="percent", **kwargs)


def test_bad_values_are_named_by_column() -> None:
    d = pd.DataFrame(
        {
            "region_code": ["a", "b"],
            "period": [1.0, 1.0],
            "rate": [10.0, 120.0],
            "poor_thousands": [1.0, -2.0],
        }
    )
    with pytest.raises(ValueError, match="`rate` column 'rate' must lie in"):
        aggregate_regions(
            d.assign(poor_thousands=[1.0, 2.0]),
            groups={"x": ["a", "b"]},
            unit="percent",
            rate="rate",
        )
    e = d.assign(rate=[10.0, 20.0])
    with pytest.raises(ValueError, match="`headcount` column 'poor_thousands' must"):
        aggregate_regions(e, groups={"x": ["a", "b"]}, unit="percent", rate="rate")


def test_a_period_column_named_like_an_output_is_refused() -> None:
    d = pd.DataFrame(
        {
            "region_code": ["a"],
            "group": [1.0],
            "poverty_rate_pct": [10.0],
            "poor_thousands": [1.0],
        }
    )
    with pytest.raises(ValueError, match=r"'group' .*clashes"):
        aggregate_regions(d, groups={"x": ["a"]}, unit="percent", period="group")


def test_duplicate_rows_and_incomplete_groups_are_refused() -> None:
    d = pd.DataFrame(
        {
            "region_code": ["a", "a", "b"],
            "period": [1.0, 1.0, 1.0],
            "poverty_rate_pct": [10.0, 10.0, 20.0],
            "poor_thousands": [1.0, 1.0, 2.0],
        }
    )
    with pytest.raises(ValueError, match=r"'a' has more than one row in period 1\.0"):
        aggregate_regions(d, groups={"x": ["a", "b"]}, unit="percent")
    e = d.iloc[[0, 2]].assign(period=[1.0, 2.0])
    # Period 1 has a only, period 2 b only: the first short cell in label
    # order is period 1, lacking b.
    with pytest.raises(
        ValueError, match=r"group 'x' lacks region\(s\) 'b' in period 1.0, where"
    ):
        aggregate_regions(e, groups={"x": ["a", "b"]}, unit="percent")
    f = e.assign(region_code=pd.Series(["a", None], index=e.index, dtype=object))
    with pytest.raises(ValueError, match="must not have missing"):
        aggregate_regions(f, groups={"x": ["a"]}, unit="percent")


def test_lazy_polars_stays_lazy() -> None:
    native = pl.DataFrame(table((2023,))).lazy()
    out = aggregate_regions(
        native, groups={"Malang Raya": MALANG_RAYA}, unit="percent", period="year"
    )
    assert isinstance(out, pl.LazyFrame)
    np.testing.assert_allclose(out.collect()["pooled_headcount"].to_numpy(), [296.24])


# --------------------------------------------------------------------------
# with_reliability
# --------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_with_reliability(backend: str) -> None:
    native = make(
        backend,
        {"region_code": ["a", "b", "c", "d"], "rse_pct": [12.0, 25.0, 31.0, NAN]},
        index=["w", "x", "y", "z"] if backend.startswith("pandas") else None,
    )
    out = run(with_reliability, native, bands="bps")
    assert column_list(out, "reliability") == [
        "reliable",
        "reliable",
        "use with caution",
        None,
    ]
    nchs = with_reliability(native, bands="nchs")
    assert column_list(nchs, "reliability")[2] == "unreliable"


def _float32_frame(backend: str, values: list[float | None]) -> Any:
    """A frame whose column ``x`` is 32-bit float on `backend` (null as None)."""
    if backend == "pandas[float32]":
        return pd.DataFrame({"x": np.array(values, np.float32)})
    if backend in ("pandas[Float32]", "pandas[float[pyarrow]]"):
        dtype: Any = backend[len("pandas[") : -1]
        return pd.DataFrame({"x": values}).astype(dtype)
    frame = pl.DataFrame({"x": pl.Series(values, dtype=pl.Float32)})
    if backend == "duckdb":
        import duckdb

        rel = duckdb.from_arrow(frame.to_arrow())
        return rel.project("CAST(x AS FLOAT) AS x")
    return frame.lazy() if backend == "polars-lazy" else frame


FLOAT32_BACKENDS = [
    "pandas[float32]",
    "pandas[Float32]",
    "pandas[float[pyarrow]]",
    "polars",
    "polars-lazy",
    "duckdb",
]


@pytest.mark.parametrize("backend", FLOAT32_BACKENDS)
def test_with_reliability_float32_reads_the_shortest_decimal(backend: str) -> None:
    # Bands with the edge at 25.1, closed on the right: 25.1 is "ok". As
    # float32, 25.1 is 25.100000381..., above the edge if widened in binary;
    # the array layer reads it as 25.1 (its shortest decimal), so must the
    # adapter, on every backend.
    bands = RSEBands(
        thresholds=(25.1,), labels=("ok", "caution"), closed="right", source="test"
    )
    array = reliability_flags(np.array([25.1, 25.2], np.float32), bands=bands)
    assert list(array.flag) == ["ok", "caution"]
    native = _float32_frame(backend, [25.1, 25.2, None])
    out = with_reliability(native, bands=bands, rse_pct="x")
    assert column_list(out, "reliability") == ["ok", "caution", None]


def test_with_reliability_errors() -> None:
    d = pd.DataFrame({"rse_pct": [1.0], "cv": [-2.0], "reliability": ["x"]})
    with pytest.raises(ValueError, match="already exist"):
        with_reliability(d, bands="bps")
    e = d.drop(columns="reliability")
    with pytest.raises(
        ValueError, match=r"`rse_pct` column 'cv' must be finite and >= 0, found -2\.0"
    ):
        with_reliability(e, bands="bps", rse_pct="cv")
    with pytest.raises(ValueError, match=r"'rse' .*not in the frame"):
        with_reliability(e, bands="bps", rse_pct="rse")
    with pytest.raises(ValueError, match="`bands` must be one of"):
        with_reliability(e, bands="who")


def test_every_province_rebuilt_from_its_regencies_march_2023() -> None:
    # BPS, Persentase Penduduk Miskin (P0) and Jumlah Penduduk Miskin (Ribu
    # Jiwa) Menurut Kabupaten/Kota and Menurut Provinsi, March 2023
    # (povstat.datasets.load_indonesia, sources BPS_P0_KABKOTA,
    # BPS_N_KABKOTA, BPS_P0_PROV, BPS_N_PROV): for every province, the rate
    # pooled from its regencies and cities, within the rounding of their
    # published figures, is consistent with the published province rate
    # within its own rounding, and likewise for the number of poor.
    from povstat.datasets import load_indonesia

    df = load_indonesia()
    march = df[(df["year"] == 2023) & (df["month"] == 3) & (df["area"] == "total")]
    kab = march[march["region_type"].isin(["kabupaten", "kota"])]
    out = aggregate_regions(
        kab, by="province_code", unit="percent", decimals={"headcount": 2, "rate": 2}
    ).set_index("group")
    prov = march[march["region_type"] == "provinsi"].set_index("province_code")
    both = out.join(prov[["poverty_rate_pct", "poor_thousands"]], how="inner")
    assert len(both) == len(out) == kab["province_code"].nunique() >= 34
    half = 0.005
    assert (both["pooled_rate_rounding_lower"] < both["poverty_rate_pct"] + half).all()
    assert (both["poverty_rate_pct"] - half < both["pooled_rate_rounding_upper"]).all()
    lo, hi = (
        both["pooled_headcount_rounding_lower"],
        both["pooled_headcount_rounding_upper"],
    )
    assert (lo < both["poor_thousands"] + half).all()
    assert (both["poor_thousands"] - half < hi).all()
    # The rounding bounds are tight: a wrong denominator would leave them.
    mean = kab.groupby("province_code")["poverty_rate_pct"].mean()
    outside = (mean < both["pooled_rate_rounding_lower"]) | (
        mean > both["pooled_rate_rounding_upper"]
    )
    assert outside.sum() >= 30


def test_margins_of_error_column_and_a_common_correlation() -> None:
    # A 90 % MOE column is the SE column times z = 1.6449 (uncertainty.se_from_moe).
    d = pd.DataFrame(
        {
            "region_code": ["a", "b"],
            "period": [1.0, 1.0],
            "poverty_rate_pct": [10.0, 20.0],
            "poor_thousands": [10.0, 60.0],
            "se": [1.0, 2.0],
        }
    )
    d["moe"] = d["se"] * 1.6448536269514722
    kw: dict[str, Any] = {
        "groups": {"ab": ["a", "b"]},
        "unit": "percent",
        "level": 0.9,
        "independent": False,
        "correlation": 0.5,
    }
    by_se = aggregate_regions(d, se="se", **kw)
    by_moe = aggregate_regions(d, moe="moe", **kw)
    np.testing.assert_allclose(by_moe["pooled_rate_se"], by_se["pooled_rate_se"])
    # By hand: N = 100, 300 (implied); w = 0.25, 0.75; Var = 0.0625 + 2.25 +
    # 2 * 0.5 * 0.25 * 0.75 * 1 * 2 = 2.6875.
    np.testing.assert_allclose(by_se["pooled_rate_se"], np.sqrt(2.6875), rtol=1e-12)
    with pytest.raises(
        ValueError,
        match="`headcount` column 'poor_thousands' is missing for region 'a'",
    ):
        aggregate_regions(
            d.assign(poor_thousands=[NAN, 60.0]),
            groups={"ab": ["a", "b"]},
            unit="percent",
            nan_policy="raise",
        )


@pytest.mark.parametrize("backend", BACKENDS)
def test_reliability_flags_are_carried_into_changes_tests_and_rank_sets(
    backend: str,
) -> None:
    native = make(
        backend,
        {
            "region_code": ["a", "a", "b", "b", "a"],
            "period": [2021.0, 2022.0, 2022.0, 2021.0, 2023.0],
            "poverty_rate_pct": [10.0, 9.0, 5.0, 6.0, 8.5],
            "se": [0.5, 0.5, 1.0, 1.0, 0.5],
            "rse_pct": [5.0, 30.0, 20.0, NAN, 60.0],
        },
    )
    flagged = with_reliability(native, bands="bps")
    changes = run(with_changes, flagged, unit="percent")
    # Rows in period order per region: a 2021 -> 2022 -> 2023, b 2021 -> 2022.
    assert column_list(changes, "previous_reliability") == [
        None,
        "reliable",
        None,
        None,
        "use with caution",
    ]
    base = run(with_change_from_base, flagged, unit="percent", base=2021.0)
    assert column_list(base, "base_reliability") == [
        "reliable",
        "reliable",
        None,
        None,
        "reliable",
    ]
    tested = with_change_test(
        changes, unit="percent", level=0.9, independent=True, se="se"
    )
    sets = with_rank_sets(
        with_ranks(tested, descending=True, by="period"),
        descending=True,
        level=0.9,
        method="sidak",
        simultaneous=False,
        se="se",
        by="period",
    )
    # One row per row: each row keeps its own flag and its previous one.
    assert column_list(sets, "reliability") == column_list(flagged, "reliability")
    assert column_list(sets, "previous_reliability") == column_list(
        changes, "previous_reliability"
    )
    # Without flags in the input, no flag column is written.
    assert (
        "previous_reliability"
        not in collect(with_changes(native, unit="percent")).columns
    )


def test_an_empty_table_is_refused() -> None:
    # No rows: there is nothing to pool, so no NaN row and no empty result.
    d = pd.DataFrame(
        {
            "region_code": ["a"],
            "period": [1.0],
            "poverty_rate_pct": [10.0],
            "poor_thousands": [1.0],
            "g": ["x"],
        }
    ).iloc[:0]
    with pytest.raises(ValueError, match="is empty: no regions to pool"):
        aggregate_regions(d, by="g", unit="percent")


def test_categorical_groups_come_out_in_label_order_on_every_engine() -> None:
    # A pandas categorical ordered ("zeta", "alpha") and a polars Enum of the
    # same order give the groups in label order, alpha first, as plain text.
    d = pd.DataFrame(
        {
            "region_code": list("abc"),
            "period": [2022] * 3,
            "poverty_rate_pct": [5.0, 4.0, 3.0],
            "poor_thousands": [5.0, 4, 3],
            "type": ["zeta", "zeta", "alpha"],
        }
    )
    cat = d.astype({"type": pd.CategoricalDtype(["zeta", "alpha"])})
    enum = pl.from_pandas(d).with_columns(
        pl.col("type").cast(pl.Enum(["zeta", "alpha"]))
    )
    for frame in (cat, enum, d):
        out = aggregate_regions(frame, unit="percent", by="type")
        assert list(out["group"]) == ["alpha", "zeta"]


def test_a_month_of_dates_is_one_period_labelled_by_its_earliest_date() -> None:
    # A and B dated 2023-03-01 and 2023-03-15 (and 2024-03-20, 2024-03-01):
    # one period a year, pooled alike; the period shown is the earliest date
    # of each month whatever the row order (before: the first row's).
    df = pd.DataFrame(
        {
            "region_code": ["A", "B", "A", "B"],
            "prov": ["X"] * 4,
            "period": pd.to_datetime(
                ["2023-03-01", "2023-03-15", "2024-03-20", "2024-03-01"]
            ),
            "poverty_rate_pct": [4.37, 5.0, 4.26, 5.1],
            "poor_thousands": [38.56, 10.0, 37.78, 10.5],
        }
    )
    want = [pd.Timestamp("2023-03-01"), pd.Timestamp("2024-03-01")]
    for rows in ([0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2]):
        out = aggregate_regions(df.iloc[rows], unit="percent", by="prov")
        assert out["period"].tolist() == want
        # 2023: (38.56 + 10) / (38.56 / 4.37 + 10 / 5) = 48.56 / 10.8238 %.
        np.testing.assert_allclose(
            out["pooled_rate"].iloc[0], 48.56 / (38.56 / 4.37 + 2.0), rtol=1e-12
        )


def test_pooled_totals_are_exact_decimal_sums() -> None:
    # 8.76 + 4.39 thousand poor = 13.15 (by hand; the float sum is
    # 13.149999999999999, 13.1 at 1 decimal), over 100 + 100 thousand people
    # 13.15 / 200 = 6.575 %, which rounds half up to 6.58 (not 6.57).
    d = pd.DataFrame(
        {
            "region_code": ["a", "b"],
            "period": [1.0, 1.0],
            "poor": [8.76, 4.39],
            "pop": [100.0, 100.0],
        }
    )
    out = aggregate_regions(
        d,
        groups={"ab": ["a", "b"]},
        unit="percent",
        headcount="poor",
        population="pop",
        decimals={"headcount": 2, "population": 0},
    )
    assert out["pooled_headcount"].tolist() == [13.15]
    assert out["pooled_rate"].tolist() == [6.575]


def test_errors_name_the_group_region_and_period_at_fault() -> None:
    # a, b, c in 2022 and 2023; the last row (c, 2023) dropped: "Raya"
    # lacks c in 2023, whatever the row order.
    d = pd.DataFrame(
        {
            "region_code": list("abc") * 2,
            "period": [2022] * 3 + [2023] * 3,
            "poverty_rate_pct": [10.0, 20.0, 30.0, 11.0, 21.0, 31.0],
            "poor_thousands": [1.0, 2.0, 3.0, 1.0, 2.0, 3.0],
        }
    )
    lacks = r"group 'Raya' lacks region\(s\) 'c' in period 2023, where others"
    for rows in ([0, 1, 2, 3, 4], [4, 2, 0, 3, 1]):
        with pytest.raises(ValueError, match=lacks):
            aggregate_regions(
                d.iloc[rows], groups={"Raya": list("abc")}, unit="percent"
            )
    # A region listed twice in one group: the group and the region.
    with pytest.raises(
        ValueError,
        match="lists a region more than once: group 'X' lists region 'c' 2 times",
    ):
        aggregate_regions(d, groups={"R": ["a", "b"], "X": ["c", "c"]}, unit="percent")
    # `by` moves b from P (2022) to Q (2023): P lacks b in 2023, the cause
    # is named.
    moved = d.assign(prov=["P", "P", "Q", "P", "Q", "Q"])
    with pytest.raises(
        ValueError,
        match=r"group 'P' lacks region\(s\) 'b' in period 2023, .*the `by` "
        r"column 'prov' puts region 'b' in group 'P' in period 2022 but in "
        r"group 'Q' in period 2023",
    ):
        aggregate_regions(moved, by="prov", unit="percent")
    # A row repeated: the region and its period.
    with pytest.raises(ValueError, match="'b' has more than one row in period 2022"):
        aggregate_regions(
            pd.concat([d, d.iloc[[1]]]), groups={"Raya": list("abc")}, unit="percent"
        )


def test_aggregate_regions_names_region_and_period_of_unrounded_figure() -> None:
    # decimals={"headcount": 2}: 1/3 (region 1, 2024) and 2/3 (region 2,
    # 2024) are no 2-decimal figures. The message names the first in label
    # order (region 1, period 2024), not a position in sorted rows, and is
    # the same whatever the row order and frame kind.
    df = pd.DataFrame(
        {
            "region_code": [1, 2, 3, 4, 1, 2, 3, 4],
            "period": [2023] * 4 + [2024] * 4,
            "poor_thousands": [8.76, 4.39, 0.1, 0.2, 1 / 3, 2 / 3, 0.1, 0.1],
            "poverty_rate_pct": [10.0, 5.0, 1.0, 2.0, 3.0, 3.0, 1.0, 0.5],
            "grp": ["a", "a", "b", "b", "a", "a", "b", "b"],
        }
    )
    match = (
        r"`headcount` column 'poor_thousands' must hold figures rounded to 2 "
        r"decimals \(`decimals`\), found 0\.3333333333333333 for region 1 in "
        r"period 2024 \(2 offending values in all\)"
    )
    for frame in (df, df.iloc[::-1], pl.from_pandas(df.iloc[[5, 4, 7, 6, 0, 1, 2, 3]])):
        with pytest.raises(ValueError, match=match):
            aggregate_regions(
                frame, by="grp", unit="percent", decimals={"headcount": 2, "rate": 1}
            )


# Kota Malang (3573), Kota Batu (3579) and Kabupaten Malang (3507), March
# 2022 (BPS), with integer region codes as read from a spreadsheet.
INT_CODES = pd.DataFrame(
    {
        "region_code": [3507, 3573, 3579],
        "period": [2022] * 3,
        "poverty_rate_pct": [10.0, 4.37, 3.79],
        "poor_thousands": [270.1, 37.78, 8.0],
    }
)


@pytest.mark.parametrize(
    "members",
    [
        pytest.param(lambda d: d["region_code"].unique(), id="ndarray"),
        pytest.param(lambda d: d["region_code"], id="Series"),
        pytest.param(lambda d: pd.Index(d["region_code"]), id="Index"),
        pytest.param(lambda d: set(d["region_code"]), id="set"),
        pytest.param(lambda d: frozenset(d["region_code"]), id="frozenset"),
        pytest.param(lambda d: dict.fromkeys(d["region_code"]).keys(), id="keys"),
        pytest.param(lambda d: pl.Series(d["region_code"].to_numpy()), id="polars"),
        pytest.param(lambda d: d["region_code"].to_numpy()[::-1], id="reversed"),
        pytest.param(lambda d: tuple(reversed(d["region_code"].tolist())), id="tuple"),
    ],
)
def test_groups_take_any_collection_of_labels_in_any_order(
    members: Callable[[pd.DataFrame], Any],
) -> None:
    # By hand: 270.1 + 37.78 + 8.0 = 315.88 thousand poor; populations
    # 2701 + 864.531... + 211.081... thousand, pooled rate 315.88 / that.
    expected = aggregate_regions(
        INT_CODES, unit="percent", groups={"MR": [3507, 3573, 3579]}
    )
    assert expected["pooled_headcount"].tolist() == [pytest.approx(315.88)]
    out = aggregate_regions(
        INT_CODES, unit="percent", groups={"MR": members(INT_CODES)}
    )
    pd.testing.assert_frame_equal(out, expected)


def test_a_range_of_codes_is_a_group() -> None:
    # range(3573, 3580) holds 3573 and 3579 of the table, and codes that are
    # not in it (3574...): refused as not in the frame, as a list would be.
    with pytest.raises(ValueError, match=r"not in the frame.*\[3574, 3575"):
        aggregate_regions(INT_CODES, unit="percent", groups={"MR": range(3573, 3580)})
    out = aggregate_regions(
        INT_CODES, unit="percent", groups={"MR": range(3573, 3580, 6)}
    )
    assert out["pooled_headcount"].tolist() == [pytest.approx(37.78 + 8.0)]


@pytest.mark.parametrize(
    ("members", "kind", "match"),
    [
        (
            np.array([[3507, 3573]]),
            TypeError,
            r"`groups\['MR'\]` must be a 1-D collection of region labels .*got an "
            r"ndarray of shape \(1, 2\)",
        ),
        (np.array(3507), TypeError, r"1-D collection .* ndarray of shape \(\)"),
        (INT_CODES, TypeError, r"1-D collection .*DataFrame of shape \(3, 4\)"),
        (3507, TypeError, r"1-D collection .*got an int: 3507"),
        ({3507: "x"}, TypeError, r"1-D collection .*got a dict"),
        ("3507", TypeError, r"got one str '3507'; a group of one region is \['3507'\]"),
        ([[3507]], TypeError, r"`groups\['MR'\]` labels must be scalars"),
        ([3507, None], ValueError, r"`groups\['MR'\]` must not contain missing"),
        ([3507, "3573"], TypeError, r"`groups\['MR'\]` labels must be of one kind"),
        (np.array([], dtype=np.int64), ValueError, r"`groups\['MR'\]` lists no"),
    ],
)
def test_groups_refuse_what_is_no_collection_of_labels(
    members: Any, kind: type[Exception], match: str
) -> None:
    with pytest.raises(kind, match=match):
        aggregate_regions(INT_CODES, unit="percent", groups={"MR": members})


@pytest.mark.parametrize(
    ("members", "column", "match"),
    [
        # 3579.0 equals 3579 but is a float: not the int code of the table.
        (
            [3507.0, 3573.0],
            [3507, 3573, 3579],
            r"\[3507.0, 3573.0\], each a float",
        ),
        (
            np.array([3579.0]),
            [3507, 3573, 3579],
            r"each a float, but the column holds ints",
        ),
        (["3579"], [3507, 3573, 3579], r"each a str, but the column holds ints \(e.g."),
        ([3579], ["3507", "3573", "3579"], r"each an int, but the column holds strs"),
        ([3579], [3507.0, 3573.0, 3579.0], r"each an int, but the column holds floats"),
    ],
)
def test_labels_match_in_value_and_kind(
    members: list[Any], column: list[Any], match: str
) -> None:
    d = INT_CODES.assign(region_code=column)
    with pytest.raises(
        ValueError,
        match=r"regions of `groups` not in the frame's region column 'region_code': "
        rf"`groups\['MR'\]` lists .*{match}",
    ):
        aggregate_regions(d, unit="percent", groups={"MR": members})
