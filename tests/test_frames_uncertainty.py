"""Tests of the uncertainty adapters on pandas (three dtypes) and polars."""

from __future__ import annotations

from functools import partial
from typing import Any

import hypothesis.strategies as st
import numpy as np
import pandas as pd
import polars as pl
import polars.testing
import pytest
from hypothesis import given, settings
from numpy.typing import NDArray
from scipy.special import ndtr

import povstat
from backends import BACKENDS, EVERY_BACKEND, NAN, col, collect, make, run
from povstat import (
    change_test,
    rank_confidence_sets,
    rate_interval,
    se_from_bounds,
    se_from_moe,
    se_from_rse,
)
from povstat.uncertainty import IntervalMethod

# The test tables name their columns plainly ("rate", "rate_se", "region");
# the adapters default to the bundled data's names, so the tests name the
# columns they read.
with_rate_interval = partial(povstat.with_rate_interval, rate="rate")
with_change_test = partial(
    povstat.with_change_test, rate="rate", region="region", se="rate_se"
)
with_changes = partial(povstat.with_changes, rate="rate", region="region")
with_rank_sets = partial(
    povstat.with_rank_sets, rate="rate", se="rate_se", region="region"
)
with_ranks = partial(povstat.with_ranks, rate="rate", region="region")

INTERVAL_COLUMNS = ["rate_se", "rate_lower", "rate_upper"]
TEST_COLUMNS = [
    "change_se",
    "change_lower",
    "change_upper",
    "change_z",
    "change_p_value",
    "change_significant",
]
SET_COLUMNS = ["rank_lower", "rank_upper"]
SET_OUTPUTS = [*SET_COLUMNS, "rank_set_count"]


# --------------------------------------------------------------------------
# Helpers (frames on each backend: tests/backends.py)
# --------------------------------------------------------------------------


def flags(native: Any, name: str) -> list[bool | None]:
    """A bool column as a list, missing values as None."""
    out = collect(native)
    if isinstance(out, pd.DataFrame):
        cells: list[Any] = out[name].astype("boolean").tolist()
        return [None if pd.isna(v) else bool(v) for v in cells]
    values: list[bool | None] = out.get_column(name).to_list()
    return values


def close(actual: Any, expected: Any, rtol: float = 1e-12) -> None:
    np.testing.assert_allclose(
        np.asarray(actual, np.float64),
        np.asarray(expected, np.float64),
        rtol=rtol,
        atol=1e-300,
        equal_nan=True,
    )


def previous_index(region: list[str], period: list[float]) -> NDArray[np.intp]:
    """Row of each row's previous period in its region, -1 if none (by hand)."""
    out = np.full(len(region), -1, dtype=np.intp)
    for i, (r, p) in enumerate(zip(region, period, strict=True)):
        earlier = [
            j
            for j, (r2, p2) in enumerate(zip(region, period, strict=True))
            if r2 == r and p2 < p
        ]
        if earlier:
            out[i] = max(earlier, key=lambda j: period[j])
    return out


# --------------------------------------------------------------------------
# with_rate_interval
# --------------------------------------------------------------------------

RATES = [10.0, 7.0, 0.0, NAN, 4.26, 100.0, 55.5]
SOURCE = [2.0, 1.5, 0.5, 1.0, NAN, 3.0, 0.0]
# The logit interval does not exist at 0 or 100 % with a positive SE (it
# raises); the rows at the edges move inside for it.
LOGIT_RATES = [10.0, 7.0, 0.5, NAN, 4.26, 99.0, 55.5]


def source_and_se(
    kind: str, rates: list[float] = RATES
) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """Adapter keywords, extra columns and the SE each source means."""
    rate = np.array(rates)
    src = np.array(SOURCE)
    if kind == "se":
        return {"se": "err"}, {"err": SOURCE}, src
    if kind == "rse":
        return {"rse_pct": "err"}, {"err": SOURCE}, se_from_rse(rate, src)
    if kind == "moe":
        kw = {"moe": "err", "moe_level": 0.90}
        return kw, {"err": SOURCE}, se_from_moe(src, level=0.90)
    lo = list(rate - 2 * src)
    hi = list(rate + 2 * src)
    kw = {"bounds": ("lo", "hi"), "bounds_level": 0.95}
    return kw, {"lo": lo, "hi": hi}, se_from_bounds(lo, hi, level=0.95)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("kind", ["se", "rse", "moe", "bounds"])
@pytest.mark.parametrize("method", ["normal", "logit"])
def test_rate_interval_matches_array_function(
    backend: str, kind: str, method: IntervalMethod
) -> None:
    rates = RATES if method == "normal" else LOGIT_RATES
    kw, extra, se = source_and_se(kind, rates)
    native = make(backend, {"rate": rates, **extra}, index=list("abcdefg"))
    out = run(
        with_rate_interval,
        native,
        unit="percent",
        level=0.95,
        method=method,
        **kw,
    )
    ref = rate_interval(rates, unit="percent", level=0.95, method=method, se=se)
    close(col(out, "rate_se"), se)
    close(col(out, "rate_lower"), ref.lower)
    close(col(out, "rate_upper"), ref.upper)
    assert list(collect(out).columns)[-3:] == INTERVAL_COLUMNS


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("kind", ["se", "rse", "moe", "bounds"])
@pytest.mark.parametrize(("edge", "err"), [(0.0, 0.0), (0.0, 0.5), (100.0, 0.0)])
def test_logit_interval_at_an_edge_rate_raises_for_every_error(
    backend: str, kind: str, edge: float, err: float
) -> None:
    # logit(0) and logit(1) are infinite: no logit interval exists at a rate
    # of exactly 0 or 100 %, whatever the error, 0 included (it is never
    # returned as the zero-width interval [rate, rate]).
    rates = [5.0, edge]
    src = [1.0, err]
    if kind == "bounds":
        kw: dict[str, Any] = {"bounds": ("lo", "hi"), "bounds_level": 0.95}
        extra: dict[str, Any] = {
            "lo": [r - 2 * e for r, e in zip(rates, src, strict=True)],
            "hi": [r + 2 * e for r, e in zip(rates, src, strict=True)],
        }
    else:
        name = {"se": "se", "rse": "rse_pct", "moe": "moe"}[kind]
        kw = {name: "err"} | ({"moe_level": 0.9} if kind == "moe" else {})
        extra = {"err": src}
    native = make(backend, {"rate": rates, **extra})
    with pytest.raises(ValueError, match=r"exactly 0 or 100 %.*index 1.*wilson"):
        run(
            with_rate_interval, native, unit="percent", level=0.95, method="logit", **kw
        )


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("method", ["normal", "logit", "wilson"])
def test_rate_interval_from_effective_sample_size(
    backend: str, method: IntervalMethod
) -> None:
    rate = [1.0, 0.0, 50.0, NAN, 100.0]
    n = [199.0, 50.0, 1000.0, 10.0, NAN]
    if method == "logit":  # no logit interval at a rate of 0: refused
        with pytest.raises(ValueError, match="method='wilson'"):
            run(
                with_rate_interval,
                make(backend, {"rate": rate, "n": n}),
                unit="percent",
                level=0.9,
                method=method,
                n_effective="n",
            )
        rate[1] = 2.0
    native = make(backend, {"rate": rate, "n": n})
    out = run(
        with_rate_interval,
        native,
        unit="percent",
        level=0.9,
        method=method,
        n_effective="n",
    )
    ref = rate_interval(rate, unit="percent", level=0.9, method=method, n_effective=n)
    close(col(out, "rate_lower"), ref.lower)
    close(col(out, "rate_upper"), ref.upper)
    # The binomial SE, worked by hand for 50 % of 1000: sqrt(.25 / 1000).
    close(col(out, "rate_se")[2], 100 * np.sqrt(0.25 / 1000))


def test_rate_interval_hand_worked_moe() -> None:
    # A 90 % MOE of 2 points is an SE of 2 / 1.6449 = 1.2159; the 95 %
    # interval of 10 % is 10 -+ 1.96 * 1.2159 = [7.617, 12.383].
    df = pd.DataFrame({"rate": [10.0], "moe": [2.0]})
    out = with_rate_interval(
        df, unit="percent", level=0.95, method="normal", moe="moe", moe_level=0.9
    )
    assert out["rate_se"].round(4).tolist() == [1.2159]
    assert out["rate_lower"].round(3).tolist() == [7.617]
    assert out["rate_upper"].round(3).tolist() == [12.383]


@pytest.mark.parametrize("backend", ["pandas[float64]", "polars"])
def test_rate_interval_fraction_unit(backend: str) -> None:
    native = make(backend, {"p": [0.1, 0.02], "se": [0.01, 0.02]})
    out = with_rate_interval(
        native, unit="fraction", level=0.95, method="logit", rate="p", se="se"
    )
    ref = rate_interval(
        [0.1, 0.02], unit="fraction", level=0.95, method="logit", se=[0.01, 0.02]
    )
    close(col(out, "rate_lower"), ref.lower)
    close(col(out, "rate_upper"), ref.upper)


def test_rate_interval_logit_stays_inside_for_extreme_rates() -> None:
    # Rates a hair from 0 and 100 % with large SEs: bounds in (0, 100), no
    # overflow (the logistic function is evaluated without exp of a large x).
    rate = [1e-9, 100 - 1e-9, 0.5]
    se = [50.0, 50.0, 40.0]
    out = with_rate_interval(
        pl.DataFrame({"rate": rate, "se": se}),
        unit="percent",
        level=0.999,
        method="logit",
        se="se",
    )
    ref = rate_interval(rate, unit="percent", level=0.999, method="logit", se=se)
    close(col(out, "rate_lower"), ref.lower, rtol=1e-9)
    close(col(out, "rate_upper"), ref.upper, rtol=1e-9)
    assert np.all((col(out, "rate_lower") >= 0) & (col(out, "rate_upper") <= 100))


# --------------------------------------------------------------------------
# with_change_test
# --------------------------------------------------------------------------

REGIONS = ["B", "A", "B", "A", "C", "A", "B", "C"]
PERIODS = [2022, 2023, 2019, 2021, 2023, 2022, 2023, 2021]
VALUES = [9.5, 7.0, 11.0, 10.0, 3.0, 8.0, NAN, 3.0]
SES = [0.5, 0.6, 0.4, 0.7, 0.0, 0.3, 0.5, 0.0]


def reference_test(level: float, **kw: Any) -> tuple[Any, NDArray[np.intp]]:
    prev = previous_index(REGIONS, [float(p) for p in PERIODS])
    has = prev >= 0
    v, s = np.array(VALUES), np.array(SES)
    before = np.where(has, v[prev], NAN)
    se_before = np.where(has, s[prev], NAN)
    return (
        change_test(before, v, se_before=se_before, se_after=s, level=level, **kw),
        prev,
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_test_matches_array_function(backend: str) -> None:
    data = {"region": REGIONS, "period": PERIODS, "rate": VALUES, "rate_se": SES}
    native = make(backend, data, index=[f"r{i}" for i in range(8)])
    # Chained after with_changes, which adds the period compared and the
    # change itself.
    chained = with_changes(native, unit="percent")
    out = run(with_change_test, chained, unit="percent", level=0.9, independent=True)
    ref, prev = reference_test(0.9, independent=True)
    assert list(collect(out).columns)[-6:] == TEST_COLUMNS
    close(col(out, "previous_period"), np.where(prev >= 0, np.take(PERIODS, prev), NAN))
    close(col(out, "change_points"), ref.points)
    close(col(out, "change_se"), ref.se)
    close(col(out, "change_lower"), ref.lower)
    close(col(out, "change_upper"), ref.upper)
    # The array function's NaN (0 / 0 for region C) is missing here.
    close(col(out, "change_z"), ref.z)
    close(col(out, "change_p_value"), ref.p_value)
    defined = ~np.isnan(ref.p_value)
    expected = [
        bool(s) if d else None for s, d in zip(ref.significant, defined, strict=True)
    ]
    assert flags(out, "change_significant") == expected


def test_change_test_hand_worked_two_areas() -> None:
    # Two estimates at 10 % and 7 %, each with a 90 % MOE of 2 points,
    # independent: SE = 2 / 1.644854 = 1.2159 each; SE of the difference
    # sqrt(2) * 1.2159 = 1.7196; z = -3 / 1.7196 = -1.745; p = 2 Phi(-1.745)
    # = 0.081: significant at 90 %, not at 95 %.
    df = pd.DataFrame(
        {"region": ["X", "X"], "period": [1, 2], "rate": [10.0, 7.0], "moe": [2.0] * 2}
    )
    df = with_rate_interval(
        df, unit="percent", level=0.9, method="normal", moe="moe", moe_level=0.9
    )
    out90 = with_change_test(df, unit="percent", level=0.9, independent=True)
    assert out90["rate_se"].round(3).tolist() == [1.216, 1.216]
    assert out90["change_se"].round(4).tolist()[1] == 1.7196
    assert out90["change_z"].round(3).tolist()[1] == -1.745
    assert out90["change_p_value"].round(3).tolist()[1] == 0.081
    assert out90["change_significant"].tolist() == [pd.NA, True]
    out95 = with_change_test(df, unit="percent", level=0.95, independent=True)
    assert out95["change_significant"].tolist() == [pd.NA, False]


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_test_correlation_number_and_column(backend: str) -> None:
    rho = [0.5, 0.5, 0.2, -0.3, 1.0, 0.5, 0.5, 0.0]
    data = {
        "region": REGIONS,
        "period": PERIODS,
        "rate": VALUES,
        "rate_se": SES,
        "rho": rho,
    }
    native = make(backend, data)
    out = run(
        with_change_test,
        native,
        unit="percent",
        level=0.95,
        independent=False,
        correlation=0.5,
    )
    ref, _ = reference_test(0.95, independent=False, correlation=0.5)
    close(col(out, "change_se"), ref.se)
    close(col(out, "change_p_value"), ref.p_value)
    out = run(
        with_change_test,
        native,
        unit="percent",
        level=0.95,
        independent=False,
        correlation="rho",
    )
    ref, _ = reference_test(0.95, independent=False, correlation=rho)
    close(col(out, "change_se"), ref.se)
    close(col(out, "change_z"), ref.z)


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_test_exact_estimates_and_missing_values(backend: str) -> None:
    # Worked by hand. Region E: SE 0 in both years, change +1: z = +inf,
    # p = 0, significant. Region F: SE 0 and no change: no test. Region G: the
    # 2022 value is missing, so 2022 and 2023 have no test.
    data = {
        "region": ["E", "E", "F", "F", "G", "G", "G"],
        "period": [2021, 2022, 2021, 2022, 2021, 2022, 2023],
        "rate": [5.0, 6.0, 5.0, 5.0, 5.0, NAN, 4.0],
        "rate_se": [0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.5],
    }
    out = run(
        with_change_test,
        make(backend, data),
        unit="percent",
        level=0.95,
        independent=True,
    )
    assert col(out, "change_z")[1] == np.inf
    assert col(out, "change_p_value")[1] == 0.0
    assert np.isnan(col(out, "change_z")[[0, 2, 3, 4, 5, 6]]).all()
    assert np.isnan(col(out, "change_p_value")[[3, 5, 6]]).all()
    assert flags(out, "change_significant") == [
        None,
        True,
        None,
        None,
        None,
        None,
        None,
    ]


@pytest.mark.parametrize(
    "backend", ["pandas[float64]", "pandas[float64[pyarrow]]", "polars-lazy"]
)
def test_change_test_p_value_agrees_with_scipy_over_the_tails(backend: str) -> None:
    # SE 0 then 1, so the change's SE is 1 and z equals the change.
    z = np.concatenate(
        [
            np.linspace(0.0, 12.0, 241),
            [0.6744897, 0.6744898, 5.6568542, 5.6568543, 20.0, 30.0, 37.0, 37.5],
        ]
    )
    n = z.size
    data = {
        "region": [f"R{i}" for i in range(n)] * 2,
        "period": [1] * n + [2] * n,
        "rate": [0.0] * n + list(z),
        "rate_se": [0.0] * n + [1.0] * n,
    }
    out = with_change_test(
        make(backend, data), unit="percent", level=0.95, independent=True
    )
    p = col(out, "change_p_value")[n:]
    close(p, 2 * ndtr(-z), rtol=1e-12)


def test_change_test_chains_with_changes() -> None:
    # The two adapters write different columns, so they chain in either
    # order, and the test's z is the change of with_changes over its SE.
    df = pd.DataFrame(
        {"region": REGIONS, "period": PERIODS, "rate": VALUES, "rate_se": SES}
    )
    kw: dict[str, Any] = {"unit": "percent", "level": 0.9, "independent": True}
    tested = with_change_test(with_changes(df, unit="percent"), **kw)
    described = with_changes(with_change_test(df, **kw), unit="percent")
    pd.testing.assert_frame_equal(tested, described[list(tested.columns)])
    close(tested["change_z"], tested["change_points"] / tested["change_se"])


def test_change_test_significant_dtypes() -> None:
    data = {
        "region": ["A", "A"],
        "period": [1, 2],
        "rate": [1.0, 2.0],
        "rate_se": [0.1, 0.1],
    }
    for backend, dtype in [
        ("pandas[float64]", "boolean"),
        ("pandas[Float64]", "boolean"),
        ("pandas[float64[pyarrow]]", "bool[pyarrow]"),
    ]:
        out = with_change_test(
            make(backend, data), unit="percent", level=0.9, independent=True
        )
        assert str(out["change_significant"].dtype) == dtype
    out = with_change_test(
        make("polars", data), unit="percent", level=0.9, independent=True
    )
    assert out.schema["change_significant"] == pl.Boolean


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_test_date_periods(backend: str) -> None:
    data: dict[str, Any] = {
        "region": ["A", "A", "A"],
        "period": pd.to_datetime(["2023-03-01", "2021-03-01", "2022-03-01"]),
        "rate": [4.26, 4.62, 4.37],
        "rate_se": [0.426, 0.462, 0.437],
    }
    if backend.startswith("polars"):
        data["period"] = list(data["period"])
    out = run(
        with_change_test,
        with_changes(make(backend, data), unit="percent"),
        unit="percent",
        level=0.95,
        independent=True,
    )
    close(col(out, "change_points"), [4.26 - 4.37, NAN, 4.37 - 4.62])


# --------------------------------------------------------------------------
# with_rank_sets
# --------------------------------------------------------------------------

# BPS, March 2023, poverty rate (percent) of eight East Java regencies and
# cities, in two made-up groups, with SEs of an assumed 10 % RSE.
RANK_RATES = [3.31, 4.26, 4.65, 21.76, 20.77, 17.78, 9.80, NAN]
RANK_GROUPS = ["kota", "kota", "kota", "kab", "kab", "kab", "kab", "kota"]


def rank_data() -> dict[str, Any]:
    se = list(se_from_rse(RANK_RATES, 10.0))
    se[2] = NAN  # a missing SE omits the row, as a missing rate does
    regions = [f"R{i}" for i in range(len(RANK_RATES))]
    return {"region": regions, "g": RANK_GROUPS, "rate": RANK_RATES, "rate_se": se}


@pytest.mark.parametrize("backend", BACKENDS)
def test_rank_sets_count_the_rows_they_rank_among(backend: str) -> None:
    # Rates 1, 2, 3 (rank 1 the highest); b has no SE. with_ranks ranks all
    # three (a is 3rd of 3), the sets only a and c: Bonferroni at level 0.9
    # with SEs 0.01 separates them, a [2, 2] and c [1, 1] among 2 rows. So
    # a's rank 3 lies outside its set; rank_set_count (2, on every row of
    # the group) says the sets rank among 2 rows, not rank_count's 3.
    data = {
        "region_code": ["a", "b", "c"],
        "year": [2023.0] * 3,
        "poverty_rate_pct": [1.0, 2.0, 3.0],
        "se": [0.01, NAN, 0.01],
    }
    native = make(backend, data)
    ranked = run(povstat.with_ranks, native, descending=True, by="year")
    out = run(
        povstat.with_rank_sets, ranked, descending=True, by="year", level=0.9,
        method="bonferroni", simultaneous=False, se="se",
    )  # fmt: skip
    close(col(out, "rank"), np.array([3.0, 2.0, 1.0]))
    close(col(out, "rank_count"), np.array([3.0, 3.0, 3.0]))
    close(col(out, "rank_lower"), np.array([2.0, NAN, 1.0]))
    close(col(out, "rank_upper"), np.array([2.0, NAN, 1.0]))
    close(col(out, "rank_set_count"), np.array([2.0, 2.0, 2.0]))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("method", "simultaneous"),
    [("bonferroni", False), ("sidak", True), ("bootstrap", False), ("bootstrap", True)],
)
def test_rank_sets_match_array_function(
    backend: str, method: str, simultaneous: bool
) -> None:
    data = rank_data()
    native = make(backend, data, index=[f"r{i}" for i in range(8)])
    kw: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": method,
        "simultaneous": simultaneous,
        "n_draws": 200,
        "seed": 3,
    }
    out = run(with_rank_sets, native, by="g", **kw)
    ref = rank_confidence_sets(data["rate"], se=data["rate_se"], by=data["g"], **kw)
    assert list(collect(out).columns)[-3:] == SET_OUTPUTS
    close(col(out, "rank_lower"), ref.lower)
    close(col(out, "rank_upper"), ref.upper)
    # Omitted rows (missing SE, missing rate): no set; kota has 2 ranked rows.
    assert np.isnan(col(out, "rank_lower")[[2, 7]]).all()
    assert ref.count.tolist() == [2, 2, 2, 4, 4, 4, 4, 2]
    assert np.nanmax(col(out, "rank_upper")[[0, 1]]) <= 2


@pytest.mark.parametrize("backend", EVERY_BACKEND)
@pytest.mark.parametrize("method", ["bonferroni", "sidak"])
def test_rank_sets_interval_decimals_touching_intervals(
    backend: str, method: str
) -> None:
    # Two rows per group, SE 1, simultaneous sets at level 0.9, rank 1 the
    # highest. Worked by hand: Bonferroni z = Phi^-1(1 - 0.1 / 4) = 1.95996,
    # Sidak z = Phi^-1(1 - (1 - 0.9 ** 0.5) / 2) = 1.94882. Group "a": rates
    # 0 and x = 3.91 (Bonferroni) or 3.85 (Sidak). Exact bounds: hi of 0 is
    # 1.95996 (Sidak 1.94882), lo of x is 1.95004 (Sidak 1.90118): the
    # intervals overlap, so both sets are [1, 2]. Rounded half up to one
    # decimal, both bounds are 2.0 (Sidak 1.9): the intervals touch, which
    # counts as separated (Klein, Wright and Wieczorek 2020), so the sets
    # are [2, 2] and [1, 1]. Group "b": rates 0 and 1, overlapping either
    # way: [1, 2] for both rows.
    x = 3.91 if method == "bonferroni" else 3.85
    data: dict[str, Any] = {
        "row": [0.0, 1.0, 2.0, 3.0],
        "region": ["p", "q", "p", "q"],
        "g": ["a", "a", "b", "b"],
        "rate": [0.0, x, 0.0, 1.0],
        "rate_se": [1.0] * 4,
    }
    native = make(backend, data)
    kw: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": method,
        "simultaneous": True,
        "by": "g",
    }

    def bounds(out: Any) -> list[list[float]]:
        frame = collect(out)
        order = np.argsort(col(frame, "row"))
        return [col(frame, c)[order].tolist() for c in SET_COLUMNS]

    exact = bounds(run(with_rank_sets, native, **kw))
    rounded = bounds(run(with_rank_sets, native, interval_decimals=1, **kw))
    assert exact == [[1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 2.0]]
    assert rounded == [[2.0, 1.0, 1.0, 1.0], [2.0, 1.0, 2.0, 2.0]]
    ref = rank_confidence_sets(
        data["rate"],
        se=data["rate_se"],
        by=data["g"],
        interval_decimals=1,
        **{k: v for k, v in kw.items() if k != "by"},
    )
    assert rounded == [ref.lower.tolist(), ref.upper.tolist()]


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        (
            {"method": "bootstrap", "n_draws": 200, "seed": 1},
            ValueError,
            "simultaneous Bonferroni",
        ),
        (
            {"method": "bonferroni", "simultaneous": False},
            ValueError,
            "simultaneous=False",
        ),
        ({"interval_decimals": 1.0}, TypeError, "`interval_decimals` must be an int"),
        (
            {"interval_decimals": 16},
            ValueError,
            r"`interval_decimals` must lie in \[-15, 15\]",
        ),
    ],
)
def test_rank_sets_interval_decimals_refused(
    kw: dict[str, Any], error: type[Exception], match: str
) -> None:
    df = pd.DataFrame(rank_data())
    args: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "sidak",
        "simultaneous": True,
        "by": "g",
        "interval_decimals": 1,
        **kw,
    }
    with pytest.raises(error, match=match):
        with_rank_sets(df, **args)


def test_rank_sets_point_ranks_equal_with_ranks() -> None:
    df = pd.DataFrame(
        {
            "region": [f"R{i}" for i in range(len(RANK_RATES))],
            "g": RANK_GROUPS,
            "rate": RANK_RATES,
            "rate_se": list(se_from_rse(RANK_RATES, 10.0)),
        }
    )
    # The sets chain with the point ranks of with_ranks (no shared column),
    # and every point rank lies in its set.
    b = with_ranks(df, descending=False, by="g")
    a = with_rank_sets(
        b, descending=False, level=0.9, method="bonferroni", simultaneous=False, by="g"
    )
    close(a["rank"], b["rank"])
    close(a["rank_count"], b["rank_count"])
    ranked = a[a["rank"].notna()]
    assert (ranked["rank_lower"] <= ranked["rank"]).all()
    assert (ranked["rank"] <= ranked["rank_upper"]).all()


def test_rank_sets_dtypes_follow_the_value_column() -> None:
    data = rank_data()
    for backend, fdt in [
        ("pandas[float64]", "float64"),
        ("pandas[Float64]", "Float64"),
        ("pandas[float64[pyarrow]]", "double[pyarrow]"),
    ]:
        out = with_rank_sets(
            make(backend, data),
            descending=True,
            level=0.9,
            method="sidak",
            simultaneous=False,
        )
        assert [str(out[c].dtype) for c in SET_COLUMNS] == [fdt, fdt]
    out = with_rank_sets(
        make("polars", data),
        descending=True,
        level=0.9,
        method="sidak",
        simultaneous=False,
    )
    assert [out.schema[c] for c in SET_COLUMNS] == [pl.Float64, pl.Float64]
    assert out.get_column("rank_lower").null_count() == 2
    assert out.get_column("rank_lower").is_nan().sum() == 0


def test_rank_sets_by_several_columns_and_one_group() -> None:
    df = pd.DataFrame(
        {
            # One key per row: the last check ranks all six rows as one group.
            "region": ["a23", "b23", "c23", "a24", "b24", "c24"],
            "year": [2023, 2023, 2023, 2024, 2024, 2024],
            "kind": ["kota", "kota", "kab", "kota", "kota", "kab"],
            "rate": [3.31, 4.26, 21.76, 3.06, 4.10, 20.83],
            "rate_se": [0.3, 0.4, 2.0, 0.3, 0.4, 2.0],
        }
    )
    out = with_rank_sets(
        df,
        descending=False,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
        by=["year", "kind"],
    )
    labels = [f"{y}-{k}" for y, k in zip(df["year"], df["kind"], strict=True)]
    ref = rank_confidence_sets(
        df["rate"],
        se=df["rate_se"],
        by=labels,
        descending=False,
        level=0.9,
        method="bonferroni",
        simultaneous=False,
    )
    close(out["rank_lower"], ref.lower)
    close(out["rank_upper"], ref.upper)
    counted = with_ranks(out, descending=False, by=["year", "kind"])
    assert counted["rank_count"].tolist() == [2, 2, 1, 2, 2, 1]
    whole = with_rank_sets(
        df, descending=False, level=0.9, method="bonferroni", simultaneous=False
    )
    assert whole["rank_upper"].max() > 2  # one group of 6
    assert with_ranks(whole, descending=False)["rank_count"].tolist() == [6] * 6


def test_rank_sets_bootstrap_groups_draw_as_the_array_function() -> None:
    # Group labels in an order that is not sorted: the same draws go to the
    # same rows as in rank_confidence_sets, so the sets are identical.
    rng = np.random.default_rng(0)
    n = 60
    rate = rng.uniform(2, 25, n)
    groups = rng.choice(["z", "m", "a"], n)
    df = pl.DataFrame(
        {"region": np.arange(n), "g": groups, "rate": rate, "rate_se": rate * 0.1}
    )
    kw: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "bootstrap",
        "simultaneous": False,
        "n_draws": 300,
        "seed": 11,
    }
    out = with_rank_sets(df, by="g", **kw)
    ref = rank_confidence_sets(rate, se=rate * 0.1, by=groups, **kw)
    close(col(out, "rank_lower"), ref.lower)
    close(col(out, "rank_upper"), ref.upper)


@pytest.mark.parametrize(
    ("by", "named"),
    [
        (None, r"`rate` column 'rate': "),
        ("g", r"`rate` column 'rate', ranked within `by` \['g'\]: "),
    ],
)
def test_rank_sets_memory_refusal_names_the_columns(by: str | None, named: str) -> None:
    # 10,000 rows in one group: the bootstrap needs about 6.5 GB (6.4 GB of
    # pair arrays, 200 draws x 10,001 x 48 bytes = 0.1 GB of draws), over
    # the 4 GB limit; the message names the frame's column (and grouping),
    # never the array function's `estimates`.
    n = 10_000
    df = pd.DataFrame(
        {
            "region": np.arange(n),
            "g": np.zeros(n, dtype=np.int64),
            "rate": np.linspace(1.0, 20.0, n),
            "rate_se": np.full(n, 0.1),
        }
    )
    with pytest.raises(ValueError, match=named + r"bootstrap .* about 6\.5 GB") as e:
        with_rank_sets(
            df, by=by, descending=True, level=0.9, method="bootstrap",
            simultaneous=False, n_draws=200, seed=1,
        )  # fmt: skip
    assert "estimates" not in str(e.value)


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffling_rows_moves_each_rows_rank_set(rnd: Any) -> None:
    n = 12
    rate = [rnd.uniform(1, 30) for _ in range(n)]
    df = pd.DataFrame(
        {
            "region": list(range(n)),
            "g": [i % 2 for i in range(n)],
            "rate": rate,
            "rate_se": [rnd.uniform(0, 2) for _ in range(n)],
        }
    )
    kw: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "bonferroni",
        "simultaneous": False,
        "by": "g",
    }
    out = with_rank_sets(df, **kw)
    perm = list(range(n))
    rnd.shuffle(perm)
    shuffled = with_rank_sets(df.iloc[perm], **kw)
    pd.testing.assert_frame_equal(shuffled, out.iloc[perm])


def test_rank_sets_lazy_frame_is_collected_and_returned_lazy() -> None:
    lazy = pl.DataFrame(rank_data()).lazy()
    out = with_rank_sets(
        lazy, descending=True, level=0.9, method="sidak", simultaneous=True, by="g"
    )
    assert isinstance(out, pl.LazyFrame)
    assert out.collect().columns[-3:] == SET_OUTPUTS


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


def interval(native: Any, **kw: Any) -> Any:
    args: dict[str, Any] = {"unit": "percent", "level": 0.95, "method": "normal"}
    args.update(kw)
    return with_rate_interval(native, **args)


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        (
            {"se": "se", "rse_pct": "rse"},
            ValueError,
            "exactly one source.*`se`, `rse_pct`",
        ),
        ({}, ValueError, "exactly one source.*got none"),
        ({"method": "wilson", "se": "se"}, ValueError, "wilson.*`se` cannot"),
        ({"method": "wilson"}, ValueError, "wilson' needs `n_effective`"),
        ({"moe": "se"}, ValueError, "`moe` needs `moe_level`"),
        ({"se": "se", "moe_level": 0.9}, ValueError, "`moe_level` was given without"),
        ({"bounds": ("se", "rse")}, ValueError, "`bounds` needs `bounds_level`"),
        ({"bounds": "se", "bounds_level": 0.9}, TypeError, "pair of column names"),
        ({"moe": "se", "moe_level": 90}, ValueError, "`moe_level`.*pass 0.9"),
        ({"se": "se", "level": 1.5}, ValueError, "`level` must lie strictly"),
        ({"se": "se", "level": 0.0}, ValueError, "`level` must lie strictly"),
        ({"se": "se", "level": 95}, ValueError, "for 95 % pass 0.95"),
        ({"se": "se", "level": True}, TypeError, "`level` must be a number"),
        ({"se": "se", "method": "exact"}, ValueError, "`method` must be one of"),
        ({"se": "se", "unit": "pct"}, ValueError, "unit"),
        ({"se": "nope"}, ValueError, r"'nope' \(argument `se`\).*present"),
        ({"se": "se", "rate": "nope"}, ValueError, r"'nope' \(argument `rate`\)"),
        ({"se": 3}, TypeError, "`se` must be a column name"),
        ({"se": "name"}, TypeError, "'name' \\(argument `se`\\) must be numeric"),
    ],
)
def test_rate_interval_argument_errors(
    kw: dict[str, Any], error: type[Exception], match: str
) -> None:
    df = pd.DataFrame({"rate": [1.0], "se": [0.1], "rse": [5.0], "name": ["x"]})
    with pytest.raises(error, match=match):
        interval(df, **kw)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("column", "values", "kw", "match"),
    [
        (
            "se",
            [0.1, -0.2],
            {"se": "se"},
            "`se` column 'se' must be finite and >= 0, found -0.2",
        ),
        ("se", [0.1, np.inf], {"se": "se"}, "must be finite and >= 0, found inf"),
        ("rse", [-1.0, 5.0], {"rse_pct": "rse"}, "`rse_pct` column 'rse'.*found -1.0"),
        (
            "n",
            [0.0, 5.0],
            {"n_effective": "n"},
            "`n_effective` column 'n'.*> 0, found 0.0",
        ),
        ("moe", [1.0, -1.0], {"moe": "moe", "moe_level": 0.9}, "`moe` column 'moe'"),
        (
            "hi",
            [1.0, 0.5],
            {"bounds": ("lo", "hi"), "bounds_level": 0.9},
            # The second row (index label or row position 1): lower 1.2 > upper 0.5.
            "upper bound column 'hi' must be >= lower bound column 'lo' "
            r"\(argument `bounds`\), found lower 1.2 > upper 0.5 at "
            r"(index label|row position) 1\b",
        ),
        (
            "hi",
            [np.inf, 2.0],
            {"bounds": ("lo", "hi"), "bounds_level": 0.9},
            "`bounds` column 'hi' must be finite",
        ),
        ("rate", [1.0, 101.0], {"se": "se"}, "`rate` column 'rate' must lie in"),
        # Bounds that do not contain the rate (rates 1.0 and 2.0): the lower
        # 1.5 above the rate 1.0, the upper 0.9 below it.
        (
            "lo",
            [1.5, 0.8],
            {"bounds": ("lo", "hi"), "bounds_level": 0.9},
            r"lower bound column 'lo' \(argument `bounds`\) must be <= the rate "
            r"column 'rate', found 1.5 > 1.0 at (index label|row position) 0\b",
        ),
        (
            "hi",
            [0.9, 2.4],
            {"bounds": ("lo", "hi"), "bounds_level": 0.9},
            r"upper bound column 'hi' \(argument `bounds`\) must be >= the rate "
            r"column 'rate', found rate 1.0 > upper 0.9 at "
            r"(index label|row position) 0\b",
        ),
        # Bounds not centred on the rate: [0.5, 1.5] is centred on 1.0, but
        # [1.2, 4.4] around 2.0 is 0.8 below and 2.4 above (L + U - 2 r =
        # 1.6, rounding to 1 decimal allows 4 * 0.05 = 0.2): a Wilson-like
        # interval, which gives no SE.
        (
            "hi",
            [1.5, 4.4],
            {"bounds": ("lo", "hi"), "bounds_level": 0.9},
            r"bound columns 'lo' and 'hi' \(argument `bounds`\) must be symmetric "
            r"around the rate column 'rate', found \[1.2, 4.4\] around 2.0",
        ),
    ],
)
def test_rate_interval_bad_values(
    backend: str, column: str, values: list[float], kw: dict[str, Any], match: str
) -> None:
    data = {
        "rate": [1.0, 2.0],
        "se": [0.1, 0.2],
        "rse": [5.0, 5.0],
        "n": [9.0, 9.0],
        "moe": [1.0, 1.0],
        "lo": [0.5, 1.2],
        "hi": [1.5, 2.8],
    }
    data[column] = values
    with pytest.raises(ValueError, match=match):
        collect(interval(make(backend, data), **kw))


@pytest.mark.parametrize("backend", BACKENDS)
def test_outputs_are_never_overwritten(backend: str) -> None:
    data = {
        "region": ["A", "A"],
        "period": [1, 2],
        "rate": [1.0, 2.0],
        "rate_se": [0.1, 0.1],
    }
    with pytest.raises(ValueError, match=r"\['rate_se'\] already exist"):
        interval(make(backend, data), se="rate_se")
    clash = {**data, "change_z": [0.0, 0.0]}
    with pytest.raises(ValueError, match=r"\['change_z'\] already exist"):
        with_change_test(
            make(backend, clash), unit="percent", level=0.9, independent=True
        )
    clash = {**data, "rank_upper": [0.0, 0.0]}
    with pytest.raises(ValueError, match=r"\['rank_upper'\] already exist"):
        with_rank_sets(
            make(backend, clash),
            descending=True,
            level=0.9,
            method="sidak",
            simultaneous=False,
        )


def change(native: Any, **kw: Any) -> Any:
    args: dict[str, Any] = {"unit": "percent", "level": 0.9, "independent": True}
    args.update(kw)
    return collect(with_change_test(native, **args))


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        ({"independent": None}, TypeError, "`independent` must be True or False"),
        ({"independent": 1}, TypeError, "`independent` must be True or False"),
        ({"correlation": 0.5}, ValueError, "given with independent=True"),
        ({"independent": False}, ValueError, "independent=False needs `correlation`"),
        ({"independent": False, "correlation": 1.5}, ValueError, r"\[-1, 1\], got 1.5"),
        ({"independent": False, "correlation": float("nan")}, ValueError, r"\[-1, 1\]"),
        ({"independent": False, "correlation": True}, TypeError, "a number in"),
        (
            {"independent": False, "correlation": "nope"},
            ValueError,
            "'nope'.*`correlation`",
        ),
        ({"level": 1.0}, ValueError, "`level` must lie strictly"),
        ({"se": "nope"}, ValueError, r"'nope' \(argument `se`\)"),
        ({"region": "nope"}, ValueError, r"'nope' \(argument `region`\)"),
        ({"unit": None}, ValueError, "unit"),
    ],
)
def test_change_test_argument_errors(
    kw: dict[str, Any], error: type[Exception], match: str
) -> None:
    df = pd.DataFrame(
        {
            "region": ["A", "A"],
            "period": [1, 2],
            "rate": [1.0, 2.0],
            "rate_se": [0.1, 0.1],
        }
    )
    with pytest.raises(error, match=match):
        change(df, **kw)


@pytest.mark.parametrize("backend", BACKENDS)
def test_change_test_bad_values(backend: str) -> None:
    base = {
        "region": ["A", "A", "B"],
        "period": [1, 2, 1],
        "rate": [1.0, 2.0, 3.0],
        "rate_se": [0.1, 0.1, 0.1],
        "rho": [0.0, 0.5, 0.5],
    }
    cases: list[tuple[dict[str, Any], dict[str, Any], str]] = [
        ({"rate_se": [0.1, -0.5, 0.1]}, {}, "`se` column 'rate_se'.*found -0.5"),
        ({"rate": [1.0, 200.0, 3.0]}, {}, "`rate` column 'rate' must lie in"),
        (
            {"rho": [0.0, -1.5, 0.0]},
            {"independent": False, "correlation": "rho"},
            r"`correlation` column 'rho' must lie in \[-1, 1\], found -1.5",
        ),
        ({"period": [1, 1, 1]}, {}, "must appear at most once.*\\('A', 1\\)"),
        ({"region": ["A", None, "B"]}, {}, "key column 'region'.*missing"),
    ]
    for change_data, kw, match in cases:
        with pytest.raises(ValueError, match=match):
            change(make(backend, {**base, **change_data}), **kw)


@pytest.mark.parametrize("backend", BACKENDS)
def test_rank_sets_bad_values(backend: str) -> None:
    base = {
        "region": ["A", "B", "A"],
        "g": ["a", "a", "b"],
        "rate": [1.0, 2.0, 3.0],
        "rate_se": [0.1, 0.1, 0.1],
    }
    kw: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "sidak",
        "simultaneous": False,
        "by": "g",
    }
    cases: list[tuple[dict[str, Any], dict[str, Any], str]] = [
        # Region A in groups a and b: ranked without `by` it would be ranked
        # twice in one group of three (a table of two periods, or of urban
        # and rural rows), as with_ranks refuses.
        (
            {},
            {"by": None},
            r"each \('region'\) key must appear at most once, found 1 duplicated "
            r"key\(s\): \('A'\).*name the columns that tell the rows apart in `by`",
        ),
        (
            {"region": ["A", None, "B"]},
            {},
            r"key column 'region' \(argument `region`\)",
        ),
        ({"rate_se": [0.1, -0.5, 0.1]}, {}, "`se` column 'rate_se'.*found -0.5"),
        (
            {"rate": [1.0, np.inf, 3.0]},
            {},
            "`rate` column 'rate' must be finite, found inf",
        ),
        ({"g": ["a", None, "b"]}, {"by": "g"}, "key column 'g' \\(argument `by`\\)"),
        (
            {"rate": [1.0, NAN, 3.0]},
            {"nan_policy": "raise"},
            r"1 missing value\(s\) (in groups \[\('a',\)\] )?at row positions \[1\]",
        ),
    ]
    for change_data, extra, match in cases:
        with pytest.raises(ValueError, match=match):
            collect(
                with_rank_sets(
                    make(backend, {**base, **change_data}), **{**kw, **extra}
                )
            )


@pytest.mark.parametrize(
    ("kw", "error", "match"),
    [
        ({"seed": None}, ValueError, "needs an explicit `seed`"),
        ({"seed": 1.5}, TypeError, "`seed` must be an int"),
        ({"n_draws": 0}, ValueError, "`n_draws` must be >= 1"),
        ({"n_draws": 50}, ValueError, "`n_draws` must be at least 100 at level 0.9"),
        ({"method": "exact"}, ValueError, "`method` must be one of"),
        ({"nan_policy": "last"}, ValueError, "`nan_policy` must be one of"),
        ({"descending": "yes"}, TypeError, "`descending` must be True or False"),
        ({"simultaneous": None}, TypeError, "`simultaneous` must be True or False"),
        ({"level": 90}, ValueError, "for 90 % pass 0.9"),
        ({"rate": "nope"}, ValueError, r"'nope' \(argument `rate`\)"),
        ({"by": "nope"}, ValueError, r"'nope' \(argument `by`\)"),
        ({"by": 3}, TypeError, "`by` must be None, a column name"),
        ({"se": "g"}, TypeError, "'g' \\(argument `se`\\) must be numeric"),
    ],
)
def test_rank_sets_argument_errors(
    kw: dict[str, Any], error: type[Exception], match: str
) -> None:
    df = pd.DataFrame(
        {
            "region": ["A", "B"],
            "g": ["a", "a"],
            "rate": [1.0, 2.0],
            "rate_se": [0.1, 0.1],
        }
    )
    args: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "bootstrap",
        "simultaneous": False,
        "n_draws": 200,
        "seed": 1,
    }
    args.update(kw)
    with pytest.raises(error, match=match):
        with_rank_sets(df, **args)


def test_not_a_dataframe() -> None:
    with pytest.raises(TypeError, match="`df` must be a dataframe"):
        with_rate_interval(  # type: ignore[type-var]
            [1.0], unit="percent", level=0.9, method="normal", se="x"
        )
    with pytest.raises(TypeError, match="`df` must be a dataframe"):
        with_rank_sets(  # type: ignore[type-var]
            {"rate": [1.0]},
            descending=True,
            level=0.9,
            method="sidak",
            simultaneous=False,
        )


def test_rank_sets_refuse_other_lazy_frames() -> None:
    import narwhals.stable.v2 as nw

    lazy = nw.from_native(pd.DataFrame(rank_data())).lazy()
    assert lazy.implementation.is_pandas()
    with pytest.raises(TypeError, match=r"lazy pandas frame.*collect it first"):
        with_rank_sets(  # type: ignore[type-var]
            lazy, descending=True, level=0.9, method="sidak", simultaneous=False
        )


@settings(max_examples=25)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["kota", "kab"]),
            st.sampled_from([3.31, 4.26, 9.80]),
            st.sampled_from([0.3, 0.5]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.randoms(),
    st.booleans(),
)
def test_rank_sets_move_with_shuffled_rows_with_ties(
    rows: list[tuple[str, float, float]], rnd: Any, simultaneous: bool
) -> None:
    # Rates published to two decimals tie often: a shuffled frame gets the
    # shuffled sets for a fixed seed, and identical rows identical sets.
    df = pd.DataFrame(rows, columns=["g", "rate", "rate_se"]).assign(
        region=lambda d: [f"R{i}" for i in range(len(d))]
    )
    perm = list(range(len(rows)))
    rnd.shuffle(perm)
    kw: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "bootstrap",
        "simultaneous": simultaneous,
        "n_draws": 200,
        "seed": 8,
        "by": "g",
    }
    a = with_rank_sets(df, **kw)
    b = with_rank_sets(df.iloc[perm], **kw)
    pd.testing.assert_frame_equal(b, a.iloc[perm])
    key = a[["g", "rate", "rate_se"]].apply(tuple, axis=1)
    spread = a.groupby(key)[["rank_lower", "rank_upper"]].nunique()
    assert (spread == 1).all().all()


def test_grouping_by_a_ranked_column_is_refused() -> None:
    # by="region_code": each region is its own group of one row, so every
    # rank would be "1 of 1" (by hand: a group of one ranks first of one),
    # which says nothing; likewise by the rate or SE column. Refused, naming
    # the column and the argument it is.
    df = pd.DataFrame(
        {"region_code": ["a", "b"], "poverty_rate_pct": [1.0, 2.0], "se": [0.1, 0.1]}
    )
    for name, arg in (("region_code", "region"), ("poverty_rate_pct", "rate")):
        with pytest.raises(ValueError, match=rf"`by` names '{name}', the `{arg}`"):
            povstat.with_ranks(df, descending=True, by=name)
        with pytest.raises(ValueError, match=rf"`by` names '{name}', the `{arg}`"):
            povstat.with_rank_sets(
                df, se="se", descending=True, level=0.9, method="sidak",
                simultaneous=False, by=[name],
            )  # fmt: skip
    with pytest.raises(ValueError, match=r"`by` names 'se', the `se` column"):
        povstat.with_rank_sets(
            df, se="se", descending=True, level=0.9, method="sidak",
            simultaneous=False, by="se",
        )  # fmt: skip
