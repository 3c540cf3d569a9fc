"""Result types: tables, read-only arrays, hashing, repr, pickling.

Every class that ``povstat.__all__`` exports is either a result (it has
``to_frame``) or listed below as not one; a new result class without an
example here fails ``test_every_exported_class_is_covered``.
"""

from __future__ import annotations

import copy
import io
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat
from povstat import (
    AnnualizedChange,
    BpsTable,
    Change,
    ChangeTest,
    CountSum,
    DecompositionBounds,
    DerivedEstimate,
    GapMoney,
    HeadcountDecomposition,
    HeadcountInterval,
    Interval,
    InvalidCell,
    ParsedNumbers,
    PooledRate,
    PovertyEstimates,
    RankConfidenceSets,
    Ranking,
    RankProbabilities,
    RateInterval,
    ReliabilityFlags,
    TauBestSet,
)

# Exported classes that are not results: an exception, and a convention
# (bands of RSE) given to reliability_flags.
NOT_RESULTS = {"NumberParseError", "RSEBands"}

NAN = np.nan

# One small example of each result, with a missing value where it can have one.
EXAMPLES: dict[type[Any], Callable[[], Any]] = {
    Change: lambda: povstat.rate_change(
        [4.37, NAN, 2.0], [4.26, 1.0, 2.5], unit="percent"
    ),
    AnnualizedChange: lambda: povstat.annualized_change(
        [11.13, 4.0], [10.12, NAN], years=[2.0, 0.5], unit="percent"
    ),
    HeadcountDecomposition: lambda: povstat.decompose_headcount_change(
        [10.0, 5.0], [8.0, 6.0], [1000.0, 50.0], [1100.0, 40.0], unit="percent"
    ),
    DecompositionBounds: lambda: povstat.decomposition_bounds(
        [10.0, 5.0],
        [8.0, NAN],
        [1000.0, 50.0],
        [1100.0, 40.0],
        unit="percent",
        rate_decimals=1,
    ),
    Ranking: lambda: povstat.rank([3.0, NAN, 1.0, 3.0], descending=True),
    Interval: lambda: povstat.rounding_interval([4.26, -1.5], decimals=2),
    RateInterval: lambda: povstat.rate_interval(
        [10.0, 2.0], unit="percent", level=0.95, method="wilson", n_effective=199
    ),
    HeadcountInterval: lambda: povstat.headcount_interval(
        [2.0, 20.0], 1000, unit="percent", level=0.95, method="normal", se=1.5
    ),
    ChangeTest: lambda: povstat.change_test(
        [10.0, 5.0],
        [7.0, 5.1],
        se_before=1.0,
        se_after=1.0,
        level=0.95,
        independent=True,
    ),
    RankConfidenceSets: lambda: povstat.rank_confidence_sets(
        [10.0, 7.0, 2.0, NAN],
        se=[0.5, 0.5, 0.5, 0.5],
        descending=True,
        level=0.95,
        method="bonferroni",
        simultaneous=False,
    ),
    RankProbabilities: lambda: povstat.rank_probabilities(
        [5.0, 5.0, 1.0], se=[1.0, 1.0, 1.0], descending=True, n_draws=200, seed=1
    ),
    TauBestSet: lambda: povstat.tau_best_set(
        [3.1, 3.3, 9.0],
        se=[0.4, 0.4, 0.4],
        tau=1,
        descending=False,
        level=0.9,
        method="sidak",
    ),
    CountSum: lambda: povstat.sum_counts(
        [1.0, 2.0, NAN, 0.5],
        se=[0.1, 0.2, 0.1, 0.1],
        by=["a", "b", "b", "a"],
        level=0.9,
        independent=True,
        decimals=1,
    ),
    PooledRate: lambda: povstat.pooled_rate(
        [1.0, 2.0, NAN, 0.5],
        rate=[10.0, 20.0, 5.0, 2.5],
        by=["a", "b", "b", "a"],
        unit="percent",
        se=[0.1, 0.2, 0.1, 0.1],
        level=0.9,
        independent=True,
        decimals={"headcount": 1, "rate": 1},
    ),
    DerivedEstimate: lambda: povstat.derived_proportion(
        [100.0, NAN],
        [200.0, 300.0],
        se_part=5.0,
        se_whole=20.0,
        level=0.9,
        unit="fraction",
    ),
    GapMoney: lambda: povstat.poverty_gap_money(
        [0.76, NAN],
        [4.26, 3.31],
        [674_660, 613_985],
        headcount=[37.78, 7.1],
        unit="percent",
        count_unit="thousands",
        decimals={"p1": 2, "rate": 2, "poverty_line": 0, "headcount": 2},
    ),
    ReliabilityFlags: lambda: povstat.reliability_flags([4.0, 30.0, NAN], bands="bps"),
    ParsedNumbers: lambda: povstat.parse_numbers(
        ["37,78 ribu jiwa", "4,26 persen", "x"], locale="id", errors="report"
    ),
    PovertyEstimates: lambda: povstat.poverty_estimates(
        [90.0, 120.0, 200.0, 80.0, 130.0, 300.0],
        125.0,
        alpha=0,
        unit="percent",
        psu=[1, 1, 2, 2, 3, 3],
        by=["a", "a", "a", "b", "b", "b"],
    ),
    InvalidCell: lambda: InvalidCell(row=(1, 2), column="c", text="4.26", reason="r"),
    povstat.PovertyEstimates: lambda: povstat.poverty_estimates(
        [1.0, 2.0, 3.0, 4.0],
        2.5,
        unit="fraction",
        alpha=[0, 1],
        psu=[1, 1, 2, 2],
        by=["a", "a", "b", "b"],
    ),
    BpsTable: lambda: povstat.read_bps_table(
        io.StringIO("Wilayah;Maret 2023;Maret 2024\nKota Batu;3,31;-\n"),
        locale="id",
        sep=";",
    ),
}

RESULTS = [c for c in EXAMPLES if c is not BpsTable]


def test_every_exported_class_is_covered() -> None:
    classes = {
        name
        for name in povstat.__all__
        if isinstance(getattr(povstat, name), type) and name not in NOT_RESULTS
    }
    assert classes == {c.__name__ for c in EXAMPLES}
    for name in classes:
        assert callable(getattr(getattr(povstat, name), "to_frame", None)), name


def _arrays(result: Any) -> dict[str, Any]:
    return {
        a.name: getattr(result, a.name)
        for a in attrs.fields(type(result))
        if isinstance(getattr(result, a.name), np.ndarray)
    }


@pytest.mark.parametrize("backend", ["pandas", "polars"])
@pytest.mark.parametrize("cls", RESULTS, ids=lambda c: c.__name__)
def test_result_round_trips_through_to_frame(cls: type[Any], backend: str) -> None:
    result = EXAMPLES[cls]()
    out = result.to_frame(backend)
    assert isinstance(out, pd.DataFrame if backend == "pandas" else pl.DataFrame)
    columns = {str(c): np.asarray(out[c].to_numpy()) for c in out.columns}
    for name, col in columns.items():
        if col.dtype == object:  # a missing label reads back as NaN or None
            missing = np.array(
                [not isinstance(x, tuple) and bool(pd.isna(x)) for x in col], dtype=bool
            )
            col = col.copy()
            col[missing] = None
            columns[name] = col
    # Rebuild the result from its columns and the fields that are not columns.
    kwargs: dict[str, Any] = {}
    for attr, name in cls._column_names.items():
        if "{}" in name:
            k = getattr(result, attr).shape[1]
            kwargs[attr] = np.column_stack(
                [columns[name.format(j + 1)] for j in range(k)]
            )
        elif getattr(result, attr) is None:
            assert name not in columns
        elif isinstance(getattr(result, attr), np.ndarray):
            shape = getattr(result, attr).shape
            if shape == () and columns[name].size > 1:
                # One value for all rows, repeated on each.
                assert (columns[name] == columns[name][0]).all()
                columns[name] = columns[name][:1]
            kwargs[attr] = columns[name].reshape(shape)
        else:
            (kwargs[attr],) = columns[name]
    for a in attrs.fields(cls):
        if a.init and a.name not in kwargs:
            kwargs[a.name] = getattr(result, a.name)
    init = {k: v for k, v in kwargs.items() if attrs.fields_dict(cls)[k].init}
    assert cls(**init) == result
    # Every array of the result is a column, named by the mapping.
    assert set(_arrays(result)) <= set(cls._column_names)
    assert len(out.columns) == sum(
        getattr(result, a).shape[1] if "{}" in n else getattr(result, a) is not None
        for a, n in cls._column_names.items()
    )


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (EXAMPLES[Change], ["change_points", "change_relative_pct"]),
        (
            EXAMPLES[AnnualizedChange],
            [
                "change_points",
                "change_relative_pct",
                "elapsed_years",
                "change_points_per_year",
                "change_compound_pct_per_year",
            ],
        ),
        (
            EXAMPLES[HeadcountDecomposition],
            ["headcount_change", "population_effect", "rate_effect"],
        ),
        (EXAMPLES[Ranking], ["rank", "rank_count"]),
        (EXAMPLES[RateInterval], ["rate", "rate_se", "rate_lower", "rate_upper"]),
        (
            EXAMPLES[ChangeTest],
            [
                "change_points",
                "change_se",
                "change_lower",
                "change_upper",
                "change_z",
                "change_p_value",
                "change_significant",
            ],
        ),
        (
            EXAMPLES[RankConfidenceSets],
            [
                "rank",
                "rank_lower",
                "rank_upper",
                "rank_set_count",
                "rank_critical_value",
            ],
        ),
    ],
)
def test_columns_are_named_as_the_adapters_name_them(
    make: Callable[[], Any], expected: list[str]
) -> None:
    assert list(make().to_frame().columns) == expected


def test_ranking_frame_values_and_dtypes() -> None:
    # rank([3, NaN, 1, 3], descending=True), ties "min": the two 3s share
    # rank 1, then 1 is third; NaN is not ranked; 3 values ranked.
    out = EXAMPLES[Ranking]().to_frame()
    np.testing.assert_array_equal(out["rank"], [1.0, NAN, 3.0, 1.0])
    assert out["rank_count"].tolist() == [3, 3, 3, 3]
    assert out["rank_count"].dtype == np.int64


def test_rank_probabilities_give_one_column_per_rank() -> None:
    out = EXAMPLES[RankProbabilities]().to_frame()
    assert list(out.columns) == [
        "rank_probability_1",
        "rank_probability_2",
        "rank_probability_3",
        "rank_probability_best",
        "rank",
        "rank_count",
    ]
    # Each row is a distribution over ranks.
    np.testing.assert_allclose(out.iloc[:, :3].sum(axis=1), 1.0)


def test_zero_dimensional_result_is_one_row() -> None:
    out = povstat.rate_change(4.37, 4.26, unit="percent").to_frame()
    assert len(out) == 1
    # 4.26 - 4.37 = -0.11 points
    assert out["change_points"].iloc[0] == pytest.approx(-0.11)


def test_bps_table_to_frame_is_a_copy_of_its_data() -> None:
    table = EXAMPLES[BpsTable]()
    out = table.to_frame()
    pd.testing.assert_frame_equal(out, table.data)
    out.loc[0, "value"] = 99.0
    assert table.data.loc[0, "value"] == pytest.approx(3.31)
    pl_out = table.to_frame("polars")
    assert pl_out.columns == list(table.data.columns)
    assert pl_out["value"].to_list()[0] == pytest.approx(3.31)


def test_to_frame_rejects_an_unknown_backend() -> None:
    with pytest.raises(ValueError, match="`backend` must be one of"):
        EXAMPLES[Change]().to_frame("spark")
    with pytest.raises(ValueError, match="`backend` must be one of"):
        EXAMPLES[BpsTable]().to_frame("arrow")


def test_to_frame_rejects_a_two_dimensional_result() -> None:
    c = povstat.rate_change([[1.0, 2.0]], [[1.5, 2.5]], unit="percent")
    with pytest.raises(ValueError, match=r"1-D results; `points` .* shape \(1, 2\)"):
        c.to_frame()


@pytest.mark.parametrize("cls", RESULTS, ids=lambda c: c.__name__)
def test_result_arrays_cannot_be_made_writeable(cls: type[Any]) -> None:
    result = EXAMPLES[cls]()
    arrays = _arrays(result)
    assert arrays or cls is InvalidCell
    for results in (result, copy.deepcopy(result), pickle.loads(pickle.dumps(result))):
        for name, arr in _arrays(results).items():
            assert not arr.flags.writeable, name
            with pytest.raises(ValueError, match="WRITEABLE"):
                arr.flags.writeable = True
            with pytest.raises(ValueError, match="WRITEABLE"):
                arr.setflags(write=True)
            with pytest.raises(ValueError, match="read-only"):
                arr[...] = arr
            # The memory behind the array is read-only too.
            base = arr.base
            if base is not None:
                assert isinstance(base, memoryview)
                assert base.readonly
        assert results == result


def test_result_does_not_share_memory_with_the_input() -> None:
    before = np.array([4.37, 5.0])
    c = povstat.rate_change(before, before, unit="percent")
    iv = Interval(
        lower=before, upper=before, lower_closed=[True, True], upper_closed=[1, 1]
    )
    assert not np.shares_memory(iv.lower, before)
    before[0] = 1.0
    assert iv.lower[0] == 4.37
    assert c.points[0] == 0.0


@pytest.mark.parametrize("cls", [c for c in RESULTS if c is not InvalidCell])
def test_results_are_not_hashable_with_a_clear_message(cls: type[Any]) -> None:
    with pytest.raises(
        TypeError, match=rf"{cls.__name__} is not hashable: it holds arrays"
    ):
        hash(EXAMPLES[cls]())


def test_invalid_cell_holds_no_array_and_is_hashable() -> None:
    a = EXAMPLES[InvalidCell]()
    assert hash(a) == hash(InvalidCell(row=(1, 2), column="c", text="4.26", reason="r"))
    assert len({a, EXAMPLES[InvalidCell]()}) == 1


@pytest.mark.parametrize("cls", RESULTS, ids=lambda c: c.__name__)
def test_repr_shows_every_field(cls: type[Any]) -> None:
    text = repr(EXAMPLES[cls]())
    for a in attrs.fields(cls):
        # A field kept out of the repr on purpose holds private machinery.
        assert f"{a.name}=" in text or (not a.repr and a.type is not None)


def test_change_test_shows_significant_and_derives_it() -> None:
    t = EXAMPLES[ChangeTest]()
    # 7 - 10 = -3 with SE sqrt(2): p = 0.034 < 0.05; 5.1 - 5 = 0.1: p = 0.94.
    assert "significant=array([ True, False])" in repr(t)
    np.testing.assert_array_equal(t.significant, [True, False])
    with pytest.raises(TypeError, match="significant"):
        ChangeTest(  # type: ignore[call-arg]
            points=t.points,
            se=t.se,
            lower=t.lower,
            upper=t.upper,
            z=t.z,
            p_value=t.p_value,
            level=t.level,
            significant=t.significant,
        )


def test_rate_interval_carries_its_standard_error() -> None:
    given = povstat.rate_interval(
        10.0, unit="percent", level=0.95, method="normal", se=1.0
    )
    assert given.se == 1.0
    # Binomial SE from n: sqrt(0.1 * 0.9 / 100) = 0.03, i.e. 3 points.
    binomial = povstat.rate_interval(
        10.0, unit="percent", level=0.95, method="logit", n_effective=100
    )
    assert binomial.se == pytest.approx(3.0)
    wilson = povstat.rate_interval(
        0.1, unit="fraction", level=0.95, method="wilson", n_effective=100
    )
    assert wilson.se == pytest.approx(0.03)
