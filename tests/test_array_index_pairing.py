"""Array functions pair values by position: pandas arguments must share their index.

numpy pairs two arrays element by element; pandas aligns two Series by
label. A Series in another order than its partner (sorted for a chart, or
taken from another year's rows) would be paired with the wrong rows
silently, so two pandas arguments of one call with the same length and
different indexes are refused, naming both and the first place where their
labels differ. A Series with a numpy array, a list or a scalar, or two
Series with one index, are paired by position as before.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat
from povstat import (
    change_test,
    pooled_rate,
    poverty_estimates,
    rank,
    rank_confidence_sets,
    rate_change,
    sum_counts,
)
from povstat.statements import check_change_statement

# BPS, poverty rate (%) of East Java's regencies and cities, March 2022 and
# March 2023 (the bundled East Java table, load_east_java()).
RATES_2022 = pd.Series(
    {"Kota Malang": 4.37, "Kabupaten Sampang": 21.61, "Kota Batu": 3.79}
)
RATES_2023 = pd.Series(
    {"Kota Malang": 4.26, "Kabupaten Sampang": 21.76, "Kota Batu": 3.31}
)


def test_series_in_another_order_are_refused_naming_both_and_the_labels() -> None:
    ordered = RATES_2023.sort_values()  # Kota Batu, Kota Malang, Sampang
    with pytest.raises(ValueError, match="index labels") as info:
        rate_change(RATES_2022, ordered, unit="percent")
    msg = str(info.value)
    assert "`before` and `after` are pandas Series" in msg
    assert "position 0: 'Kota Malang' in `before`, 'Kota Batu' in `after`" in msg
    assert "after.reindex(before.index)" in msg
    assert ".to_numpy()" in msg


@pytest.mark.parametrize(
    "after",
    [
        RATES_2023.to_numpy(),
        RATES_2023.tolist(),
        RATES_2023.copy(),  # the same index: paired by position, as before
        RATES_2023.sort_values().reindex(RATES_2022.index),  # aligned by label
    ],
    ids=["ndarray", "list", "same-index", "reindexed"],
)
def test_only_series_of_other_labels_are_refused(after: Any) -> None:
    with pytest.raises(ValueError, match="index labels"):
        rate_change(RATES_2022, RATES_2023.sort_values(), unit="percent")
    c = rate_change(RATES_2022, after, unit="percent")
    # Kota Malang 4.26 - 4.37 = -0.11; Sampang 21.76 - 21.61 = 0.15;
    # Batu 3.31 - 3.79 = -0.48 points.
    np.testing.assert_allclose(c.points, [-0.11, 0.15, -0.48], atol=1e-12)
    # A scalar beside a Series: 4.0 - 4.37, 4.0 - 21.61, 4.0 - 3.79.
    c = rate_change(RATES_2022, 4.0, unit="percent")
    np.testing.assert_allclose(c.points, [-0.37, -17.61, 0.21], atol=1e-12)


def test_keyword_arguments_are_named_too() -> None:
    with pytest.raises(ValueError, match="`before` and `after`"):
        rate_change(before=RATES_2022, after=RATES_2023.sort_values(), unit="percent")


def test_pooled_rate_of_malang_raya_refuses_rates_in_another_order() -> None:
    # BPS, March 2023: Kabupaten Malang (3507) 251.36 thousand poor, 9.45 %;
    # Kota Malang (3573) 37.78, 4.26 %; Kota Batu (3579) 7.10, 3.31 %.
    h = pd.Series([251.36, 37.78, 7.10], index=["3507", "3573", "3579"])
    r = pd.Series([3.31, 4.26, 9.45], index=["3579", "3573", "3507"])
    with pytest.raises(ValueError, match="`headcount` and `rate`") as info:
        pooled_rate(h, rate=r, unit="percent")
    assert "position 0: '3507' in `headcount`, '3579' in `rate`" in str(info.value)
    # Aligned: populations 251.36 / 0.0945 = 2659.894, 37.78 / 0.0426 =
    # 886.854, 7.10 / 0.0331 = 214.502 (thousand); 296.24 / 3761.250 = 7.876 %.
    pooled = pooled_rate(h, rate=r.reindex(h.index), unit="percent")
    assert float(pooled.rate) == pytest.approx(7.876, abs=5e-4)


def test_group_labels_are_checked_against_the_values() -> None:
    values = pd.Series([10.0, 20.0, 30.0], index=["a", "b", "c"])
    by = pd.Series(["x", "x", "y"], index=["c", "b", "a"])
    with pytest.raises(ValueError, match="`estimate` and `by`"):
        sum_counts(values, by=by)
    with pytest.raises(ValueError, match="`values` and `by`"):
        rank(values, by=by, descending=True)
    # Aligned by label: a is in y, b and c in x, so x = 20 + 30 and y = 10.
    total = sum_counts(values, by=by.reindex(values.index))
    np.testing.assert_array_equal(total.total, [50.0, 10.0])
    # A pandas Index holds values (here group labels), not row labels.
    total = sum_counts(values, by=pd.Index(["x", "x", "y"]))
    np.testing.assert_array_equal(total.total, [30.0, 30.0])


def test_a_dataframe_is_compared_by_its_index() -> None:
    est = pd.Series([10.0, 12.0], index=["a", "b"])
    cov = pd.DataFrame(np.eye(2), index=["b", "a"], columns=["b", "a"])
    with pytest.raises(ValueError, match="`estimates` and `cov` are pandas ") as info:
        rank_confidence_sets(
            est,
            cov=cov,
            descending=True,
            level=0.9,
            method="bonferroni",
            simultaneous=False,
        )
    assert "pandas Series and DataFrame" in str(info.value)


def test_survey_weights_in_another_order_are_refused() -> None:
    welfare = pd.Series([50.0, 150.0, 80.0, 200.0], index=[10, 11, 12, 13])
    weights = pd.Series([1.0, 2.0, 1.0, 3.0], index=[13, 12, 11, 10])
    with pytest.raises(ValueError, match="`welfare` and `weights`"):
        poverty_estimates(welfare, 100.0, unit="percent", weights=weights)
    # Aligned by label, the weights of units 10-13 are 3, 1, 2, 1; the poor
    # (welfare below 100) are units 10 and 12: 5 of 7 persons.
    est = poverty_estimates(
        welfare, 100.0, unit="fraction", weights=weights.reindex(welfare.index)
    )
    headcount = est.to_frame().query("measure == 'P0'")["estimate"]
    assert float(headcount.iloc[0]) == pytest.approx(5 / 7, rel=1e-12)


def test_the_standard_errors_of_a_test_are_checked_too() -> None:
    se = pd.Series([0.2, 0.3, 0.25], index=["Kota Batu", "Kota Malang", "X"])
    with pytest.raises(ValueError, match="`before` and `se_before`"):
        change_test(
            RATES_2022,
            RATES_2023,
            se_before=se,
            se_after=se,
            level=0.9,
            independent=True,
        )


def test_statement_checks_are_checked_too() -> None:
    with pytest.raises(ValueError, match="`before` and `after`"):
        check_change_statement(
            RATES_2022,
            RATES_2023.sort_values(),
            0.11,
            direction="fall",
            stated_as="points",
            unit="percent",
            decimals=2,
        )


def test_labels_equal_in_value_but_not_in_type_are_named() -> None:
    a = pd.Series([4.0, 5.0], index=[1, 2])
    b = pd.Series([4.5, 5.5], index=["1", "2"])
    with pytest.raises(ValueError, match="position 0: 1 in `before`, '1' in `after`"):
        rate_change(a, b, unit="percent")
    # Missing labels in the same place are the same label: paired.
    a = pd.Series([4.0, 5.0], index=["x", np.nan])
    b = pd.Series([4.5, 5.5], index=["x", np.nan])
    np.testing.assert_allclose(rate_change(a, b, unit="percent").points, [0.5, 0.5])
    # Series of other lengths are left to the shape check, which names both.
    short = pd.Series([4.0, 5.0], index=["x", "y"])
    with pytest.raises(ValueError, match=r"shape|broadcast") as info:
        rate_change(RATES_2022, short, unit="percent")
    assert "index labels" not in str(info.value)


def test_the_times_of_a_chart_pair_with_its_columns_not_its_rows() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    from povstat.plotting import plot_series

    # Two regions by two years: the years pair with the columns of `rates`,
    # the region labels with its rows.
    rates = pd.DataFrame(
        [[4.37, 4.26], [3.79, 3.31]],
        index=["Kota Malang", "Kota Batu"],
        columns=[2022, 2023],
    )
    years = pd.Series([2022, 2023])
    kwargs: dict[str, Any] = {"unit": "percent", "title": "t", "source": "BPS"}
    plot_series(years, rates, list(rates.index), xlabel="Year", **kwargs)
    plt.close("all")
    labels: Any = pd.Series(["Kota Batu", "Kota Malang"], index=["b", "a"])
    with pytest.raises(ValueError, match="`rates` and `labels`"):
        plot_series(years, rates, labels, xlabel="Year", **kwargs)


# Public modules whose functions take frames or text, not arrays to pair.
_NOT_ARRAY_MODULES = {"datasets", "frames", "parsing", "tables", "tracing"}


def _public_functions() -> list[tuple[str, Callable[..., Any]]]:
    out: list[tuple[str, Callable[..., Any]]] = []
    for m in pkgutil.iter_modules(povstat.__path__):
        if m.name.startswith("_") or m.name in _NOT_ARRAY_MODULES:
            continue
        mod = importlib.import_module(f"povstat.{m.name}")
        for name in mod.__all__:
            f = getattr(mod, name)
            if inspect.isfunction(f):
                out.append((f"{m.name}.{name}", f))
    return out


def _array_parameters(f: Callable[..., Any]) -> list[str]:
    """Parameters typed as arrays or sequences (values or labels to pair)."""
    return [
        p.name
        for p in inspect.signature(f).parameters.values()
        if "ArrayLike" in str(p.annotation) or "Sequence[str]" in str(p.annotation)
    ]


@pytest.mark.parametrize(
    ("name", "func"),
    [(n, f) for n, f in _public_functions() if len(_array_parameters(f)) > 1],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_every_array_function_of_several_arrays_checks_their_indexes(
    name: str, func: Callable[..., Any]
) -> None:
    assert getattr(func, "__povstat_positional__", False), name
