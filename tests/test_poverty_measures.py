from __future__ import annotations

import re
import warnings
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as npst
from numpy.typing import NDArray

from povstat import fgt, poverty_estimates, poverty_table, round_half_up, watts

DATA = Path(__file__).parent / "data"

# --------------------------------------------------------------------------
# Published and hand-worked cases
# --------------------------------------------------------------------------


def test_haughton_khandker_chapter_4() -> None:
    # Haughton & Khandker (2009), Handbook on Poverty and Inequality, World
    # Bank, ch. 4: welfare 100, 110, 150, 160, line 125.
    #   P0 = 2/4; P1 = (0.2 + 0.12)/4 = 0.08; P2 = (0.04 + 0.0144)/4 = 0.0136;
    #   Watts = (ln(1.25) + ln(125/110))/4 = 0.0877442
    y = [100, 110, 150, 160]
    np.testing.assert_allclose(
        fgt(y, 125, alpha=[0, 1, 2], unit="fraction"), [0.5, 0.08, 0.0136], rtol=1e-12
    )
    np.testing.assert_allclose(watts(y, 125, unit="fraction"), 0.0877442, atol=5e-8)
    np.testing.assert_allclose(fgt(y, 125, alpha=0, unit="percent"), 50.0)


def test_weights_are_normalised_once() -> None:
    # By hand: no weights -> 2 of 4 below 2.5. Weights 100..400 (total 1000):
    # poor are units 1 and 2 -> P0 = 300/1000; gaps 0.6, 0.2 ->
    # P1 = (100*0.6 + 200*0.2)/1000 = 0.10.
    y = [1, 2, 3, 4]
    w = [100, 200, 300, 400]
    assert fgt(y, 2.5, alpha=0, unit="fraction") == pytest.approx(0.5)
    np.testing.assert_allclose(
        fgt(y, 2.5, alpha=[0, 1], weights=w, unit="fraction"), [0.3, 0.1], rtol=1e-12
    )
    # Line 2: the unit at 2 is poor only under "<=": 100/1000 vs 300/1000.
    assert fgt(y, 2, alpha=0, weights=w, unit="fraction") == pytest.approx(0.1)
    assert fgt(
        y, 2, alpha=0, weights=w, unit="fraction", comparison="<="
    ) == pytest.approx(0.3)


def test_normalised_not_currency_totals() -> None:
    # Income 5, 10, 20, line 10, weights 2, 1, 1: poor = unit 1 (weight 2/4),
    # gap 0.5 -> P0 0.5, P1 0.25, P2 0.125.
    np.testing.assert_allclose(
        fgt([5, 10, 20], 10, alpha=[0, 1, 2], weights=[2, 1, 1], unit="fraction"),
        [0.5, 0.25, 0.125],
        rtol=1e-12,
    )


def test_household_rows_count_as_persons() -> None:
    # Sizes 6, 2, 2, per-capita expenditure 500, 800, 1000, line 736,
    # household weights 100, 300, 100: poor persons 100*6 = 600 of
    # 600 + 600 + 200 = 1400 -> 42.857 % (not 100/500 = 20 % of households).
    p0 = fgt(
        [500, 800, 1000],
        736,
        alpha=0,
        weights=[100, 300, 100],
        size=[6, 2, 2],
        unit="percent",
    )
    assert p0 == pytest.approx(100 * 600 / 1400, rel=1e-12)


def _apode() -> list[tuple[str, dict[str, float]]]:
    inc = pd.read_csv(DATA / "apode_income.csv")
    out = pd.read_csv(DATA / "apode_stata_poverty.csv", skipinitialspace=True)
    return [
        (name, {str(k): float(v) for k, v in out.iloc[i].items()})
        for i, name in enumerate(inc.columns)
        if name in ("y2", "y3", "y5", "y6")
    ]


@pytest.mark.parametrize(("variable", "stata"), _apode())
def test_stata_poverty_cross_check(variable: str, stata: dict[str, float]) -> None:
    # Stata `poverty yK, all` output published with the apode project
    # (tests/data/SOURCES.md), in percent, single precision. The command's
    # default line is half the median.
    y = pd.read_csv(DATA / "apode_income.csv")[variable].to_numpy()
    line = float(np.median(y)) / 2
    got = fgt(y, line, alpha=[0, 1, 2, 1.5], unit="percent")
    want = [stata["headcount"], stata["gap"], stata["fgt2"], stata["fgt15"]]
    np.testing.assert_allclose(got, want, rtol=1e-6)
    np.testing.assert_allclose(
        watts(y, line, unit="percent"), stata["watts"], rtol=1e-6
    )


def test_domains_and_line_per_domain() -> None:
    # By hand: domain "a" = {1, 3} with line 2 -> P0 1/2; "b" = {2, 4} with
    # line 5 -> both poor, gaps 0.6, 0.2 -> P1 0.4.
    got = fgt(
        [1, 2, 3, 4],
        {"a": 2, "b": 5},
        alpha=[0, 1],
        by=["a", "b", "a", "b"],
        unit="fraction",
    )
    np.testing.assert_allclose(got, [[0.5, 0.25], [1.0, 0.4]])


def test_zero_weights_change_nothing() -> None:
    a = fgt([1, 2, 3, 4], 2.5, alpha=[0, 1, 2], weights=[1, 2, 3, 4], unit="fraction")
    b = fgt(
        [1, 2, 3, 4, 0.5],
        2.5,
        alpha=[0, 1, 2],
        weights=[1, 2, 3, 4, 0],
        unit="fraction",
    )
    np.testing.assert_allclose(a, b, rtol=1e-15)


def test_missing_values_raise_or_count_with_zero_weight() -> None:
    y = [1.0, np.nan, 3.0, 4.0]
    with pytest.raises(ValueError, match="nan_policy='raise'"):
        fgt(y, 2.5, alpha=0, unit="fraction")
    got = fgt(y, 2.5, alpha=0, unit="fraction", nan_policy="omit")
    assert got == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="must not be missing"):
        fgt(
            [1, 2],
            2.5,
            alpha=0,
            weights=np.array([1, None], dtype=object),
            unit="fraction",
        )


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"alpha": -1}, ValueError, "alpha"),
        ({"alpha": "P0"}, TypeError, "alpha"),
        ({"alpha": [0, 0]}, ValueError, "repeat"),
        ({"alpha": []}, ValueError, "alpha"),
        ({"alpha": 0, "weights": [1, -1, 1]}, ValueError, "weights"),
        ({"alpha": 0, "weights": [1, 1]}, ValueError, "weights"),
        ({"alpha": 0, "size": [1, -2, 1]}, ValueError, "size"),
        ({"alpha": 0, "weights": [0, 0, 0]}, ValueError, "positive total"),
        ({"alpha": 0, "comparison": "<<"}, ValueError, "comparison"),
        ({"alpha": 0, "nan_policy": "propagate"}, ValueError, "nan_policy"),
        ({"alpha": 0, "unit": "pct"}, ValueError, "unit"),
        ({"alpha": 0, "by": ["a", "b"]}, ValueError, "by"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type, match: str) -> None:
    args: dict[str, object] = {"unit": "fraction", **kwargs}
    with pytest.raises(error, match=match):
        fgt([1.0, 2.0, 3.0], 2.0, **args)  # type: ignore[arg-type]


def test_bad_lines() -> None:
    with pytest.raises(ValueError, match="line"):
        fgt([1, 2], 0, alpha=0, unit="fraction")
    with pytest.raises(ValueError, match="line"):
        fgt([1, 2], [1, 2, 3], alpha=0, unit="fraction")
    with pytest.raises(ValueError, match="needs `by`"):
        fgt([1, 2], {"a": 1}, alpha=0, unit="fraction")
    with pytest.raises(ValueError, match="no poverty line"):
        fgt([1, 2], {"a": 1}, alpha=0, by=["a", "b"], unit="fraction")
    with pytest.raises(ValueError, match="one-dimensional"):
        fgt([[1, 2]], 1, alpha=0, unit="fraction")
    with pytest.raises(ValueError, match="missing"):
        fgt([1, 2], 1, alpha=0, by=np.array(["a", None], dtype=object), unit="fraction")
    with pytest.raises(ValueError, match="missing"):
        fgt([1, 2], 1, alpha=0, by=[1.0, np.nan], unit="fraction")
    with pytest.raises(TypeError, match="must be of one kind"):
        fgt([1, 2], 1, alpha=0, by=np.array(["a", 1], dtype=object), unit="fraction")


def test_watts_needs_positive_welfare() -> None:
    with pytest.raises(ValueError, match="Watts"):
        watts([0.0, 2.0], 1.5, unit="fraction")


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

_units = st.integers(2, 40).flatmap(
    lambda n: st.tuples(
        npst.arrays(np.float64, n, elements=st.floats(0.5, 300, width=32)),
        npst.arrays(np.float64, n, elements=st.floats(0, 1000, width=32)),
        npst.arrays(np.int64, n, elements=st.integers(0, 3)),
        st.randoms(use_true_random=False),
    )
)


@settings(max_examples=60)
@given(_units, st.floats(0.01, 1e6))
def test_row_order_and_weight_scale_do_not_matter(data: tuple, c: float) -> None:  # type: ignore[type-arg]
    y, w, by, rnd = data
    w = w + 1.0
    perm = list(range(y.size))
    rnd.shuffle(perm)
    a = fgt(y, 100.0, alpha=[0, 1, 2, 0.5], weights=w, by=by, unit="fraction")
    b = fgt(
        y[perm],
        100.0,
        alpha=[0, 1, 2, 0.5],
        weights=w[perm],
        by=by[perm],
        unit="fraction",
    )
    s = fgt(y, 100.0, alpha=[0, 1, 2, 0.5], weights=w * c, by=by, unit="fraction")
    np.testing.assert_allclose(b, a, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(s, a, rtol=1e-10, atol=1e-15)
    # A domain's estimate equals the estimate on its rows alone.
    for i, label in enumerate(np.unique(by)):
        rows = by == label
        alone = fgt(
            y[rows], 100.0, alpha=[0, 1, 2, 0.5], weights=w[rows], unit="fraction"
        )
        np.testing.assert_allclose(a[i], alone, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("by", [[1, "1", 1], [1, 1.0, True]])
def test_fgt_and_watts_refuse_by_labels_of_mixed_kinds(by: list[Any]) -> None:
    # 1, 1.0 and True compare equal and '1' would be merged with them by
    # numpy: labels differing only in type are refused, as by rank and
    # pooled_rate (the one shared label check).
    with pytest.raises(
        TypeError, match=r"`by` labels must be of one kind.*differ only in type"
    ):
        fgt([1.0, 2.0, 3.0], 2.5, alpha=0, unit="fraction", by=by)
    with pytest.raises(
        TypeError, match=r"`by` labels must be of one kind.*differ only in type"
    ):
        watts([1.0, 2.0, 3.0], 2.5, unit="fraction", by=by)


def test_fgt_refuses_missing_by_labels() -> None:
    with pytest.raises(ValueError, match=r"`by` must not contain missing labels"):
        fgt(
            [1.0, 2.0],
            2.5,
            alpha=0,
            unit="fraction",
            by=np.array(["a", None], dtype=object),
        )
    with pytest.raises(ValueError, match=r"`by` must not contain missing labels"):
        watts([1.0, 2.0], 2.5, unit="fraction", by=[1.0, np.nan])


@pytest.mark.parametrize(("poor", "n"), [(23, 40), (23, 80), (1, 8), (7, 200)])
def test_exact_ratios_are_exact_in_percent(poor: int, n: int) -> None:
    # 23 poor of 40 is 57.5 % exactly (by hand); scaling the fraction
    # 0.575 by 100 would give 57.49999999999999, which rounds half up to 57.
    welfare = [50.0] * poor + [200.0] * (n - poor)
    want = poor * 100 / n  # one correctly rounded division
    assert float(fgt(welfare, 100, alpha=0, unit="percent")) == want
    est = poverty_estimates(welfare, 100, alpha=0, unit="percent")
    assert float(est.estimate[0]) == want
    labels = ["a"] * n
    assert float(fgt(welfare, 100, alpha=0, unit="percent", by=labels)[0]) == want


def test_distinct_alphas_get_distinct_labels() -> None:
    # A label shows alpha in full: 1.5 and 1.50000001 are two measures, and
    # 0.1 + 0.2 (0.30000000000000004) is not 0.3.
    est = poverty_estimates(
        [90.0, 120, 200, 80],
        125,
        alpha=[0, 1.5, 1.50000001, 0.1 + 0.2, 0.3, 3, 123456789.5],
        unit="percent",
    )
    assert est.measure.tolist() == [
        "P0",
        "FGT(1.5)",
        "FGT(1.50000001)",
        "FGT(0.30000000000000004)",
        "FGT(0.3)",
        "FGT(3)",
        "FGT(123456789.5)",
    ]


@pytest.mark.parametrize("by", [None, []])
def test_an_empty_sample_is_refused(by: list[str] | None) -> None:
    match = "`welfare` holds no units: an estimate of an empty sample is refused"
    with pytest.raises(ValueError, match=match):
        poverty_estimates([], 125, alpha=0, unit="percent", by=by)
    with pytest.raises(ValueError, match=match):
        fgt([], 125, alpha=0, unit="percent", by=by)
    with pytest.raises(ValueError, match=match):
        watts([], 125, unit="percent", by=by)


def test_overflowing_terms_and_named_lines_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match="the FGT or Watts terms overflow float64"):
        poverty_estimates([-1e160, 100.0, 200, 150], 125, alpha=[1, 2], unit="fraction")
    with pytest.raises(ValueError, match="no standard error can be formed"):
        # gap 1.7e608: its square, in the variance, overflows
        poverty_estimates([-1.7e308, 100.0], 1e-300, alpha=1, unit="fraction")
    with pytest.raises(ValueError, match="no standard error can be formed"):
        # P1 = 8.5e307 (8.5e309 %), but the square of the gap overflows
        poverty_estimates([-1.7e308, 100.0], 2.0, alpha=1, unit="percent")
    with pytest.raises(
        ValueError, match=r"`lines` entry 'extreme' must be > 0, found -5\.0"
    ):
        poverty_estimates(
            [100.0, 200.0],
            lines={"national": 125, "extreme": -5},
            alpha=0,
            unit="percent",
        )


@pytest.mark.parametrize(
    "value", ["100", b"1e2", True, np.True_, 100 + 0j, [100, 90], {"q": 1}]
)
def test_mapping_line_values_must_be_numbers(value: object) -> None:
    # Text, bools and containers as a domain's line are refused by name,
    # never converted ("100" -> 100, True -> 1).
    w = [50.0, 80, 120, 90]
    with pytest.raises(TypeError, match="`line` mapping values must be numbers"):
        fgt(w, {"a": value, "b": 90}, by=["a", "b"] * 2, unit="fraction", alpha=0)  # type: ignore[dict-item]
    with pytest.raises(
        TypeError, match="`lines` entry 'x' mapping values must be numbers"
    ):
        poverty_estimates(
            w,
            lines={"x": {"a": value, "b": 90}},
            by=["a", "b"] * 2,
            unit="fraction",
            alpha=0,
        )


@pytest.mark.parametrize("key", [1.0, True])
def test_mapping_keys_of_another_kind_match_no_domain(key: object) -> None:
    # 1.0 and True equal 1 in Python, but labels that differ only in type are
    # never merged: no line for domain 1, and the message says why.
    w = [50.0, 80, 120, 90]
    with pytest.raises(
        ValueError, match=r"no poverty line for domain\(s\) \[1\]; the key"
    ):
        fgt(w, {key: 100, 2: 90}, by=[1, 2, 1, 2], unit="fraction", alpha=0)


def test_watts_is_finite_where_line_over_welfare_overflows() -> None:
    # ln(1e300) - ln(1e-300) = 600 ln 10 = 1381.55 for the poor unit (by
    # hand); z / y itself overflows float64. Mean over two units: 690.78.
    got = float(watts([1e-300, 2e300], 1e300, unit="fraction"))
    np.testing.assert_allclose(got, 600 * np.log(10) / 2, rtol=1e-12)


@pytest.mark.parametrize(
    "alpha", [True, [0, True], (False, 2), [1.5, np.True_], np.array([0, 1], bool)]
)
def test_bools_are_no_fgt_parameters(alpha: Any) -> None:
    # numpy would read [0, True] as [0, 1]: a flag is no FGT parameter,
    # alone or inside a sequence, in the array function and the adapter.
    w = [50.0, 80, 120, 90]
    with pytest.raises(TypeError, match="`alpha` must be a number or a sequence"):
        fgt(w, 100, alpha=alpha, unit="fraction")
    with pytest.raises(TypeError, match="`alpha` must be a number or a sequence"):
        poverty_estimates(w, 100, alpha=alpha, unit="fraction")
    df = pd.DataFrame({"y": w})
    with pytest.raises(TypeError, match="`alpha` must be a number or a sequence"):
        poverty_table(df, welfare="y", line=100, alpha=alpha, unit="fraction")


@pytest.mark.parametrize(
    ("alpha", "index"),
    [
        (np.ma.array([0, 1], mask=[False, True]), r"1 masked entry \(index \[1\]\)"),
        (
            np.ma.array([0, 1, 2], mask=[True, False, True]),
            r"2 masked entries \(index \[0, 2\]\)",
        ),
        (np.ma.array(1.0, mask=True), r"1 masked entry \(index \[0\]\)"),
        (np.ma.masked, r"1 masked entry \(index \[0\]\)"),
    ],
)
def test_a_masked_alpha_is_refused_not_read_under_its_mask(
    alpha: Any, index: str
) -> None:
    # A masked entry is a missing FGT parameter: refused naming `alpha` by
    # the array functions and the adapter alike, never computed with the
    # value under the mask (P1 = 0.17 came from the hidden 1).
    w = [90.0, 120, 200, 80]
    match = "`alpha` must not be missing: " + index
    with pytest.raises(ValueError, match=match):
        fgt(w, 125, alpha=alpha, unit="fraction")
    with pytest.raises(ValueError, match=match):
        poverty_estimates(w, 125, alpha=alpha, unit="fraction")
    with pytest.raises(ValueError, match=match):
        poverty_table(
            pd.DataFrame({"y": w}), welfare="y", line=125, alpha=alpha, unit="fraction"
        )
    # Without a masked entry the array is its data: 3 poor of 4 (90, 120
    # and 80 under 125): P0 = 3/4, P1 = (35 + 5 + 45) / 125 / 4 = 0.17.
    unmasked: Any = np.ma.array([0, 1], mask=[False, False])
    got = fgt(w, 125, alpha=unmasked, unit="fraction")
    np.testing.assert_allclose(got, [0.75, 0.17], rtol=1e-15)


@pytest.mark.parametrize(
    ("alpha", "name"),
    [
        (np.float32(0.1), "FGT(0.1)"),  # 0.10000000149011612 as float32 reads
        ([np.float32(1.5), np.float32(0.3)], "FGT(0.3)"),
        (np.array([0.3, 2.0], np.float32), "FGT(0.3)"),
        (Decimal("0.3"), "FGT(0.3)"),
    ],
)
def test_alpha_is_read_as_welfare_and_lines_are(alpha: Any, name: str) -> None:
    # A float32 alpha is its shortest decimal, as a float32 welfare or line
    # is: FGT(0.1) computed with 0.1, labelled so, never 0.10000000149011612.
    # Two units, welfare 1 under a line of 4 (gap 3/4) and 5: FGT(a) is
    # 0.75**a / 2 by hand, with a the decimal.
    est = poverty_estimates([1.0, 5], 4.0, alpha=alpha, unit="fraction")
    assert name in est.measure.tolist()
    a = float(name[4:-1])
    i = est.measure.tolist().index(name)
    assert est.estimate[i] == pytest.approx(0.75**a / 2, rel=1e-15)


@pytest.mark.parametrize("alpha", [10**30 + 1, [0, 10**30 + 1], 2**53 + 1])
def test_an_integer_alpha_float64_cannot_hold_is_refused_by_value(alpha: Any) -> None:
    # 10**30 + 1 (31 significant digits) is no float64 (its nearest is
    # 1e30): as an integer welfare beyond 2**53, refused naming `alpha` and
    # the value, not as "not a number" (1e30, a float, is taken as it is).
    match = r"`alpha` holds an integer that float64 .* cannot hold exactly"
    with pytest.raises(ValueError, match=match):
        fgt([1.0, 5], 4.0, alpha=alpha, unit="fraction")
    with pytest.raises(ValueError, match=match):
        poverty_table(
            pd.DataFrame({"y": [1.0, 5]}),
            welfare="y",
            line=4.0,
            alpha=alpha,
            unit="fraction",
        )
    assert fgt([1.0, 5], 4.0, alpha=1e30, unit="fraction") == 0.0  # 0.75**1e30
    # 10**30 itself is the short decimal 1E+30, read as Decimal("1E+30") is.
    assert fgt([1.0, 5], 4.0, alpha=10**30, unit="fraction") == 0.0
    assert fgt([1.0, 5], 4.0, alpha=Decimal("1E+30"), unit="fraction") == 0.0  # type: ignore[arg-type]


_NO_WEIGHT = (
    r"the units need a positive total weight, got none: its weights \(times "
    r"sizes\) are all 0, or under nan_policy='omit' each of its rows has a "
    r"missing welfare"
)


@pytest.mark.parametrize(
    "call",
    [
        lambda: fgt([np.nan, np.nan], 5.0, alpha=0, unit="fraction", nan_policy="omit"),
        lambda: watts([np.nan, np.nan], 5.0, unit="fraction", nan_policy="omit"),
        lambda: fgt(
            [1.0, 6],
            5.0,
            weights=[np.nan, 0],
            alpha=0,
            unit="fraction",
            nan_policy="omit",
        ),
        lambda: fgt([1.0, 6], 5.0, weights=[0, 0], alpha=0, unit="fraction"),
        lambda: poverty_estimates(
            [np.nan, np.nan], 5.0, alpha=0, unit="fraction", nan_policy="omit"
        ),
    ],
)
def test_no_weight_left_gets_the_message_of_poverty_estimates(call: Any) -> None:
    # Every welfare missing under "omit" leaves no weight: the cause is the
    # missing values as much as the weights, and every function says both.
    with pytest.raises(ValueError, match=_NO_WEIGHT):
        call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: fgt(
            [1.0, 6],
            5.0,
            weights=[1e-200, 1e-200],
            size=[1e-200, 1e-200],
            alpha=0,
            unit="fraction",
        ),
        lambda: watts(
            [1.0, 6], 5.0, weights=[1e-200, 1.0], size=[1e-200, 1.0], unit="fraction"
        ),
        lambda: poverty_estimates(
            [1.0, 6, 3],
            5.0,
            weights=[1e-200, 1, 1],
            size=[1e-200, 1, 1],
            alpha=0,
            unit="fraction",
        ),
    ],
)
def test_weights_times_sizes_underflowing_are_named(call: Any) -> None:
    # 1e-200 x 1e-200 = 1e-400 is below float64's smallest subnormal
    # (4.9e-324): the row would get zero weight silently (and a sample of
    # such rows no weight at all, blamed on weights of 0).
    match = (
        r"`weights` times `size` underflow float64 to 0 on \d row\(s\), first "
        r"at row 0 \(1e-200 x 1e-200\).*rescale"
    )
    with pytest.raises(ValueError, match=match):
        call()


# A weight of 3.7e18 beside 9 and 14: the poor weigh s = 3.7e18 + 9 and all
# s + 14, one float64 (its spacing there is 512), so the exact share is just
# below 1 and its nearest figure is 1; (s * 100) / s is 100.00000000000001.
_HUGE = [3.7037036703703704e18, 9.0, 14.0]


@pytest.mark.parametrize("alpha", [0, 1, 2])
def test_a_share_of_nearly_all_the_weight_is_at_most_100_percent(alpha: int) -> None:
    # By hand: welfare 0 is a gap of 1 for every alpha, so each FGT is the
    # poor's share of the weight, within rounding of 100 % and never above.
    got = float(fgt([0.0, 0.0, 150.0], 125, alpha=alpha, weights=_HUGE, unit="percent"))
    assert got == 100.0
    est = poverty_estimates(
        [0.0, 0.0, 150.0], 125, alpha=alpha, weights=_HUGE, unit="percent"
    )
    assert est.estimate.tolist() == [100.0]
    assert (
        float(fgt([0.0, 0.0, 150.0], 125, alpha=alpha, weights=_HUGE, unit="fraction"))
        == 1.0
    )


# Weights below expansion weights (deff NaN or inf, with a warning): not the subject.
@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.floats(1e-3, 1e19), min_size=1, max_size=6),
    st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_fgt_in_percent_is_never_above_100_for_nonnegative_welfare(
    weights: list[float], poor: list[bool]
) -> None:
    # For welfare >= 0 each FGT term lies in [0, 1], so every FGT is a
    # weighted mean within [0, 100] %, whatever the weights' magnitudes.
    n = len(weights)
    y = np.where(np.array(poor[:n]), 0.0, 200.0)
    got = fgt(y, 125, alpha=[0, 1, 2], weights=weights, unit="percent")
    assert (got >= 0).all()
    assert (got <= 100).all()
    est = poverty_estimates(
        y, 125, alpha=[0, 1, 2], weights=weights, unit="percent", lonely_psu="certainty"
    )
    assert (est.estimate <= 100).all()


# --------------------------------------------------------------------------
# Headcount ratios in percent: rounded as the exact ratio of the weights
# --------------------------------------------------------------------------


def _around(exact: Fraction) -> set[float]:
    """The float64 values on either side of `exact` (itself if it is one)."""
    near = float(exact)
    if Fraction(near) == exact:
        return {near}
    return {near, float(np.nextafter(near, np.inf if exact > near else -np.inf))}


CENTS = st.integers(1, 100_000).map(lambda c: c / 100)  # weights like 3.92


@settings(max_examples=100, deadline=None)
@given(data=st.lists(st.tuples(CENTS, st.booleans(), st.integers(0, 2)), min_size=2))
def test_percent_headcounts_round_as_the_exact_ratio(
    data: list[tuple[float, bool, int]],
) -> None:
    # P0 in percent = 100 * (sum of the poor's weights) / (sum of all), of
    # the float64 weights exactly (Fraction): every path gives that value
    # rounded to float64 (or the float64 on its other side), never a
    # float64 product or sum rounded first.
    w = np.array([d[0] for d in data])
    y = np.where([d[1] for d in data], 1.0, 3.0)
    by = np.array([d[2] for d in data])
    psu = np.arange(w.size)

    def exact(rows: NDArray[np.bool_]) -> Fraction:
        poor = sum((Fraction(v) for v in w[rows & (y < 2)]), Fraction(0))
        return 100 * poor / sum((Fraction(v) for v in w[rows]), Fraction(0))

    whole = exact(np.ones(w.size, bool))
    assert float(fgt(y, 2.0, alpha=0, weights=w, unit="percent")) in _around(whole)
    with warnings.catch_warnings():  # small weights: deff warned of, not here
        warnings.simplefilter("ignore", UserWarning)
        est = poverty_estimates(y, 2.0, alpha=0, weights=w, psu=psu, unit="percent")
        assert est.estimate[0] in _around(whole)
        est = poverty_estimates(
            y, 2.0, alpha=0, weights=w, by=by, overall=True, unit="percent"
        )
    labels = np.unique(by)
    per = fgt(y, 2.0, alpha=0, weights=w, by=by, unit="percent")
    for i, g in enumerate(labels):
        assert per[i] in _around(exact(by == g))
        assert est.estimate[i] in _around(exact(by == g))
    assert est.estimate[-1] in _around(whole)


@pytest.mark.parametrize(
    ("weights", "expected"), [([5.04, 3.92], 56.25), ([5.61, 7.99], 41.25)]
)
@pytest.mark.parametrize("backend", ["numpy", "pandas", "polars"])
@pytest.mark.filterwarnings("ignore:the weights total at most:UserWarning")
def test_a_value_just_above_a_tie_is_not_stated_below_it(
    weights: list[float], expected: float, backend: str
) -> None:
    # The poor (first unit) weigh 5.04 of 5.04 + 3.92: as Fractions of the
    # float64 weights, 100 * 5.04 / (5.04 + 3.92) = 56.25 plus 6.2e-16 and,
    # for 5.61 of 5.61 + 7.99, 41.25 plus 7.3e-16. The float64 sums 8.96
    # and 13.6 lie below the exact sums, and 504 / 8.96 rounds the product
    # first: 56.24999999999999 and 41.24999999999999, which round half up
    # to 56.2 and 41.2. The nearest float64 values are 56.25 and 41.25,
    # which round half up to 56.3 and 41.3.
    y = [1.0, 3.0]
    kw: dict[str, Any] = {"alpha": 0, "unit": "percent"}
    if backend == "numpy":
        got = [
            float(fgt(y, 2.0, weights=weights, **kw)),
            float(poverty_estimates(y, 2.0, weights=weights, **kw).estimate[0]),
        ]
    else:
        mod: Any = pd if backend == "pandas" else pl
        frame = mod.DataFrame({"y": y, "w": weights})
        out = poverty_table(frame, welfare="y", line=2.0, weight="w", **kw)
        got = [float(out["estimate"][0])]
    assert got == [expected] * len(got)
    assert round_half_up(got[0], 1) == expected + 0.05


@pytest.mark.parametrize(
    "hidden",
    [
        np.array([Decimal("0.1000000000000000000001"), Decimal(120), Decimal(200)]),
        np.array([2**60 + 1, 120, 200]),  # beyond 2**53
        np.array([2**64 - 1, 120, 200], dtype=np.uint64),
        np.array([np.inf, 120, 200]),
    ],
    ids=["Decimal", "int64", "uint64", "inf"],
)
def test_a_value_under_a_mask_is_neither_used_nor_checked(hidden: Any) -> None:
    # The first entry is masked: missing, omitted, never read. Welfare 120
    # is under the line 125, 200 is not: P0 = 1/2 = 50 %, whatever the
    # value under the mask (a Decimal or integer float64 cannot hold was
    # refused, "at index 0"). Unmasked, the same value is still refused.
    kw: dict[str, Any] = {"alpha": 0, "unit": "percent", "nan_policy": "omit"}
    welfare = np.ma.masked_array(hidden, mask=[True, False, False])
    assert fgt(welfare, 125, **kw).tolist() == 50.0
    if hidden.dtype.kind != "f":
        with pytest.raises(ValueError, match=r"cannot hold exactly: .* at index 0"):
            fgt(np.ma.masked_array(hidden, mask=False), 125, **kw)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (
            Decimal("125.00000000000000000001"),
            r"125\.00000000000000000001",  # by its digits, as parsers show it
        ),
        (2**60 + 1, "1152921504606846977"),  # beyond 2**53
    ],
)
def test_a_scalar_or_mapping_line_float64_cannot_hold_is_named_without_an_index(
    value: Any, shown: str
) -> None:
    # A scalar line, or one value of a mapping, has no index: the message
    # names the value (and the key), never "at index None" or "at index 0".
    kw: dict[str, Any] = {"alpha": 0, "unit": "percent", "by": ["a", "a"]}
    cases: list[tuple[Any, str]] = [(value, ""), ({"a": value}, r"key 'a'\)$")]
    for line, tail in cases:
        with pytest.raises(ValueError, match=rf"cannot hold exactly: {shown} \(") as e:
            fgt([100, 200], line, **kw)
        assert "at index" not in str(e.value)
        assert re.search(tail, str(e.value))


@pytest.mark.parametrize(
    ("alpha", "shown"),
    [
        ([1, np.float32(1)], r"must not repeat a value, got \[1, 1\.0\]"),
        (
            (np.float32(0.1), np.float32(0.1)),
            r"must not repeat a value, got \(0\.1, 0\.1\)",
        ),
        (
            np.array([0.1, 0.1], np.float32),
            r"must not repeat a value, got \[0\.1, 0\.1\]",
        ),
        ([np.int64(2), np.inf], r"must be finite and >= 0, got \[2, inf\]"),
        (np.float32(-1.5), r"must be finite and >= 0, got -1\.5$"),
    ],
)
def test_alpha_errors_show_plain_values(alpha: Any, shown: str) -> None:
    # The values as read (a float32 as its shortest decimal), never numpy
    # reprs such as np.float32(1.0).
    with pytest.raises(ValueError, match=shown) as e:
        fgt([100, 200], 125, alpha=alpha, unit="percent")
    assert "np." not in str(e.value)


@pytest.mark.parametrize(
    ("welfare", "line", "alpha", "weights", "unit", "want"),
    [
        # (2 + 1.7e308) / 2 = 8.5e307, in percent 8.5e309: beyond, inf.
        ([-1.7e308], 2.0, 1, None, "percent", np.inf),
        # gap 1.7e308 / 1e-300 = 1.7e608: beyond, inf (was refused).
        ([-1.7e308], 1e-300, 1, None, "fraction", np.inf),
        # gap (1 + 1e-310) / 1e-310 = 1e310 for one of two units: 5e309, inf.
        ([-1.0, 200], 1e-310, 1, None, "fraction", np.inf),
        # gap 1.5e8 / 1e-300 = 1.5e308 (+1) twice: the sum 3e308 overflows,
        # the mean 1.5e308 does not.
        ([-1.5e8, -1.5e8], 1e-300, 1, None, "fraction", 1.5e308),
        # gap 2.5e308 (beyond float64) for weight 1 of 4: the mean 6.25e307.
        ([-2.5e8, 5.0], 1e-300, 1, [1.0, 3.0], "fraction", 6.25e307),
        # sqrt(1.7e608) = sqrt(1.7) * 1e304 = 1.3038404810405297e304.
        ([-1.7e308], 1e-300, 0.5, None, "fraction", 1.3038404810405297e304),
        # gap^2 = 2.25e616 for one unit of two: beyond, inf.
        ([-1.5e8, 5.0], 1e-300, 2, None, "fraction", np.inf),
    ],
)
def test_fgt_beyond_float64_is_inf_and_finite_means_are_given(
    welfare: list[float],
    line: float,
    alpha: float,
    weights: list[float] | None,
    unit: Any,
    want: float,
) -> None:
    # docs/user_guide/units.rst: a result beyond float64's range is inf, and
    # a step that would overflow while the result does not is avoided.
    got = fgt(welfare, line, alpha=alpha, weights=weights, unit=unit)
    np.testing.assert_allclose(got, want, rtol=1e-15)
    by = fgt(
        welfare,
        line,
        alpha=[0, alpha],
        weights=weights,
        unit=unit,
        by=["a"] * len(welfare),
    )
    np.testing.assert_allclose(by[0, 1], want, rtol=1e-15)


# Weights as the estimators pass them (negative ones are refused before).
_WEIGHT_VALUES = st.sampled_from(
    [0.0, 1.0, 3.5, 250.0, 2.0**-600, 5e-324, 1e200, 2.0**600, np.nan, np.inf]
)


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(_WEIGHT_VALUES, min_size=1, max_size=12),
    codes=st.lists(st.integers(0, 2), min_size=12, max_size=12),
)
def test_rescaled_weights_exponents_are_each_domains(
    values: list[float], codes: list[int]
) -> None:
    # Whichever pass finds them, the exponents are those of each domain's
    # largest weight and smallest positive one (finite weights only), as
    # weight_exponents defines them, taken here domain by domain.
    from povstat.poverty_measures import rescaled_weights, weight_exponents

    w = np.array(values)
    domain = np.array(codes[: w.size], np.intp)
    top, low = np.full(3, np.nan), np.full(3, np.nan)
    for d in range(3):  # a loop in the test only: the reference
        good = [x for x, c in zip(values, domain, strict=True) if c == d]
        good = [x for x in good if np.isfinite(x) and x > 0]
        if good:
            top[d], low[d] = max(good), min(good)
    want = weight_exponents(top, low, w.size)
    got_w, got_e = rescaled_weights(w, domain, 3)
    np.testing.assert_array_equal(got_e, want)
    # Domains without a power keep their weights bit for bit.
    keep = want[domain] == 0
    assert got_w[keep].tobytes() == w[keep].tobytes()


def test_line_keys_differing_only_in_case_are_pointed_out() -> None:
    # Keys match labels exactly as written: "perkotaan" is no key for the
    # label "Perkotaan", and the message says which key is the near miss.
    with pytest.raises(
        ValueError,
        match=r"`line` has no poverty line for domain\(s\) \['Perkotaan'\]; keys "
        r"match labels exactly as written, with case and spaces: the key\(s\) "
        r"'perkotaan' for 'Perkotaan' differ only in those$",
    ):
        poverty_estimates(
            [500.0, 600.0, 700.0],
            {"perkotaan": 550.0, "Perdesaan": 500.0},
            unit="percent",
            by=["Perkotaan", "Perdesaan", "Perkotaan"],
        )
    # A key of another spelling altogether gets no such hint.
    with pytest.raises(ValueError, match=r"\['Perkotaan'\]$"):
        poverty_estimates(
            [500.0, 600.0, 700.0],
            {"Kota": 550.0, "Perdesaan": 500.0},
            unit="percent",
            by=["Perkotaan", "Perdesaan", "Perkotaan"],
        )


def test_lines_per_domain_given_as_an_array_are_advised_a_mapping() -> None:
    # Two lines for four units in two domains: lines per domain, not per
    # unit; the advice is a mapping (a Series indexed by domain: to_dict()).
    lines = pd.Series({"1101": 550.0, "1102": 650.0})
    with pytest.raises(
        ValueError,
        match=r"got shape \(2,\) for 4 units; for one line per domain give a "
        r"mapping of domain labels to lines with `by` \(a pandas Series of lines "
        r"indexed by domain: line.to_dict\(\)\)$",
    ):
        poverty_estimates(
            [500.0, 600.0, 700.0, 800.0],
            lines,
            unit="percent",
            by=["1101", "1101", "1102", "1102"],
        )
    out = poverty_estimates(
        [500.0, 600.0, 700.0, 800.0],
        lines.to_dict(),
        unit="percent",
        by=["1101", "1101", "1102", "1102"],
        alpha=0,
    )
    # Domain 1101: 500 < 550 is poor, 600 is not (50 %); domain 1102: 700 and
    # 800 are both above its line 650 (0 %).
    assert out.estimate.tolist() == [50.0, 0.0]
