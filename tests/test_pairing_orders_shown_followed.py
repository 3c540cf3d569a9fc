"""Pairing advice where the labels show the two orders to differ, followed.

* Different labels, one of them in both sides at other positions (a bare
  "Malang" beside "Kabupaten Malang"): never ``.to_numpy()``, which would
  pair one region with another; the bare name is said to be ambiguous.
* The same codes as floats and as text, dotted text with a trailing
  space beside integers, names in capitals inside a MultiIndex, the
  March round as a quarter and as a month: each is related, converted
  and aligned, never ``.to_numpy()``.
* A regions x years frame beside a population Series whose names are
  in capitals: the Series is relabelled and passed as a column.
* A `labels` Series that is its frame's key column: ``set_index(...,
  drop=False)`` keeps the column to select.

Each printed snippet is run and the result checked against values worked
by hand.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from povstat import rate_change, rate_to_headcount
from povstat.datasets import load_east_java
from povstat.statements import check_rank_statement, check_top_statement


def _message(func: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(ValueError, match="pair values by position") as err:
        func(*args, **kwargs)
    return str(err.value)


def _snippet(msg: str, marker: str = ".reindex(") -> str:
    """The advice's code holding `marker` (the last one)."""
    found: list[str] = re.findall(r"`([^`]*)`", msg)
    return [s for s in found if marker in s][-1]


def _follow(snippet: str, **names: Any) -> Any:
    return eval(snippet, {"pandas": pd, "np": np}, names)


def _no_to_numpy_offer(msg: str) -> None:
    assert "if their values are already in one order" not in msg
    assert "not .to_numpy(), which would pair one" in msg


# Rates (%) of East Java, BPS March rounds: Kabupaten Malang 10.37 (2022)
# and 9.91 (2023); Kota Malang 4.37 and 4.26; Kota Batu 3.79 and 3.31.
# Changes by hand: Kabupaten Malang 9.91 - 10.37 = -0.46; Kota Malang
# 4.26 - 4.37 = -0.11; Kota Batu 3.31 - 3.79 = -0.48.


def test_label_in_both_at_other_positions_bare_name() -> None:
    before = pd.Series({"Malang": 10.37, "Kota Malang": 4.37})  # the regency
    after = pd.Series({"Kota Malang": 4.26, "Kabupaten Malang": 9.91})
    msg = _message(rate_change, before, after, unit="percent")
    _no_to_numpy_offer(msg)
    assert "'Kota Malang', in both, is at position 1 in `before` and 0" in msg
    assert "'Malang' may name Kabupaten Malang or Kota Malang" in msg
    # Followed: the caller gives the bare name its region, then aligns.
    before = before.rename(index={"Malang": "Kabupaten Malang"})
    aligned = _follow(_snippet(msg), before=before, after=after)
    assert not aligned.isna().any()
    points = rate_change(before, aligned, unit="percent").points
    np.testing.assert_allclose(points, [-0.46, -0.11], atol=1e-9)
    # What .to_numpy() would have given: Kota Malang 2023 minus the
    # regency's 2022 (4.26 - 10.37) and the reverse (9.91 - 4.37).
    wrong = rate_change(before.to_numpy(), after.to_numpy(), unit="percent").points
    np.testing.assert_allclose(wrong, [-6.11, 5.54], atol=1e-9)


def test_no_order_shown_still_offers_to_numpy() -> None:
    # Labels of nothing in common, read alike by no rule: nothing shows
    # the orders to differ, so .to_numpy() stays offered, conditionally.
    before = pd.Series([1.0, 2.0], index=["a", "b"])
    after = pd.Series([1.5, 2.5], index=["c", "d"])
    msg = _message(rate_change, before, after, unit="percent")
    assert "pass .to_numpy() if their values are already in one order" in msg
    # Followed, by a caller who knows c is a's row and d b's: 1.5 - 1.0 and
    # 2.5 - 2.0.
    points = rate_change(before.to_numpy(), after.to_numpy(), unit="percent").points
    np.testing.assert_allclose(points, [0.5, 0.5], atol=1e-12)


@pytest.mark.parametrize(
    ("before", "after", "aligns", "expected"),
    [
        # A sheet's "35.73" read as a number beside the codes kept as text.
        # `after` aligned: Kota Malang -0.11, Kota Batu -0.48 (changes by hand above).
        pytest.param(
            pd.Series([4.37, 3.79], index=[35.73, 35.79]),  # Malang, Batu 2022
            pd.Series([3.31, 4.26], index=["35.79", "35.73"]),  # 2023
            "after",
            [-0.11, -0.48],
            id="float-codes-beside-text-codes",
        ),
        # Dotted text codes with a trailing space beside integers. `before`
        # aligned to `after`: Kota Batu -0.48, Kota Malang -0.11 (by hand above).
        pytest.param(
            pd.Series([4.37, 3.79], index=["35.73 ", "35.79 "]),  # 2022
            pd.Series([3.31, 4.26], index=[3579, 3573]),  # 2023, Batu first
            "before",
            [-0.48, -0.11],  # Batu, Malang
            id="dotted-codes-with-a-space-beside-integers",
        ),
        # The same after the codes of `after` are made text ("3579").
        pytest.param(
            pd.Series([4.37, 3.79], index=["35.73 ", "35.79 "]),  # 2022
            pd.Series([3.31, 4.26], index=pd.Index([3579, 3573]).astype(str)),
            "before",
            [-0.48, -0.11],  # Batu, Malang
            id="dotted-codes-with-a-space-beside-integers-as-text",
        ),
        # Names in capitals inside a MultiIndex. `after` aligned: Kota Malang
        # -0.11, Kota Batu -0.48 (changes by hand above).
        pytest.param(
            pd.Series(
                [4.37, 3.79],
                index=pd.MultiIndex.from_tuples(
                    [("Kota Malang", "total"), ("Kota Batu", "total")]
                ),
            ),
            pd.Series(
                [3.31, 4.26],
                index=pd.MultiIndex.from_tuples(
                    [("KOTA BATU", "total"), ("KOTA MALANG", "total")]
                ),
            ),
            "after",
            [-0.11, -0.48],
            id="capitals-inside-a-multiindex",
        ),
    ],
)
def test_labels_written_otherwise_aligned_never_to_numpy(
    before: pd.Series, after: pd.Series, aligns: str, expected: list[float]
) -> None:
    msg = _message(rate_change, before, after, unit="percent")
    _no_to_numpy_offer(msg)
    aligned = _follow(_snippet(msg), before=before, after=after)
    if aligns == "after":
        points = rate_change(before, aligned, unit="percent").points
    else:
        points = rate_change(aligned, after, unit="percent").points
    np.testing.assert_allclose(points, expected, atol=1e-9)


def test_quarters_beside_months() -> None:
    # The March round as a quarter (rates) and as a month (populations,
    # thousands, made up for the test: Kota Malang 880 in 2022 and 886 in
    # 2023, Kota Batu 215 and 217), the months in another order.
    rate = pd.DataFrame(
        [[4.37, 4.26], [3.79, 3.31]],
        index=["Kota Malang", "Kota Batu"],
        columns=pd.PeriodIndex(["2022Q1", "2023Q1"], freq="Q"),
    )
    population = pd.DataFrame(
        [[886.0, 880.0], [217.0, 215.0]],
        index=["Kota Malang", "Kota Batu"],
        columns=pd.PeriodIndex(["2023-03", "2022-03"], freq="M"),
    )
    msg = _message(rate_to_headcount, rate, population, unit="percent")
    _no_to_numpy_offer(msg)
    aligned = _follow(_snippet(msg), rate=rate, population=population)
    got = rate_to_headcount(rate, aligned, unit="percent")
    # 4.37 % x 880 = 38.456; 4.26 % x 886 = 37.7436; 3.79 % x 215 =
    # 8.1485; 3.31 % x 217 = 7.1827.
    np.testing.assert_allclose(got, [[38.456, 37.7436], [8.1485, 7.1827]], rtol=1e-12)


RATE = pd.DataFrame(
    {2022: [4.37, 3.79], 2023: [4.26, 3.31]}, index=["Kota Malang", "Kota Batu"]
)


@pytest.mark.parametrize(
    "names",
    [["KOTA MALANG", "KOTA BATU"], ["Kota malang", "Kota batu"]],
    ids=["capitals", "lower-case-after-the-prefix"],
)
def test_population_in_capitals_beside_regions_by_years(names: list[str]) -> None:
    population = pd.Series([886.0, 217.0], index=names)  # thousands
    msg = _message(rate_to_headcount, RATE, population, unit="percent")
    assert "if their values are already in one order" not in msg
    assert "not `population.to_numpy()`, which would pair its values with" in msg
    column = _follow(_snippet(msg, "[:, None]"), rate=RATE, population=population)
    got = rate_to_headcount(RATE, column, unit="percent")
    # 4.37 % x 886 = 38.7182, 4.26 % x 886 = 37.7436; 3.79 % x 217 =
    # 8.2243, 3.31 % x 217 = 7.1827.
    np.testing.assert_allclose(got, [[38.7182, 37.7436], [8.2243, 7.1827]], rtol=1e-12)


@pytest.mark.parametrize(
    ("rate", "population", "said", "expected"),
    [
        # Followed: the names of the rows of `rate` given, then passed as a
        # column. 10.37 % x 2654 = 275.2198, 9.91 % x 2654 = 263.0114; Kota
        # Batu 3.79 % x 217 = 8.2243, 3.31 % x 217 = 7.1827.
        pytest.param(
            pd.DataFrame(
                {2022: [10.37, 3.79], 2023: [9.91, 3.31]},
                index=["Kabupaten Malang", "Kota Batu"],
            ),
            pd.Series({"KAB. MALANG": 2654.0, "KOTA BATU": 217.0}),
            "give it the names of the rows of `rate`",
            [[275.2198, 263.0114], [8.2243, 7.1827]],
            id="other-prefixes",
        ),
        # Followed by a caller who knows x is Kota Malang and y Kota Batu: the
        # row labels given, the Series passed as a column. 4.37 % x 886 =
        # 38.7182, 4.26 % x 886 = 37.7436; 3.79 % x 217 = 8.2243, 3.31 % x 217
        # = 7.1827.
        pytest.param(
            RATE,
            pd.Series([886.0, 217.0], index=["x", "y"]),
            "`population.to_numpy()` pairs its values with the columns of `rate`",
            [[38.7182, 37.7436], [8.2243, 7.1827]],
            id="series-said-to-pair-with-the-columns",
        ),
    ],
)
def test_population_given_the_row_names_then_passed_as_a_column(
    rate: pd.DataFrame, population: pd.Series, said: str, expected: list[list[float]]
) -> None:
    msg = _message(rate_to_headcount, rate, population, unit="percent")
    assert said in msg
    assert "if their values are already in one order" not in msg
    population = population.set_axis(rate.index)
    column = _follow(_snippet(msg, "[:, None]"), rate=rate, population=population)
    got = rate_to_headcount(rate, column, unit="percent")
    np.testing.assert_allclose(got, expected, rtol=1e-12)


def _rank_inputs() -> tuple[pd.Series, pd.DataFrame]:
    df = load_east_java()
    regs = df[df["region_type"].isin(["kabupaten", "kota"])]
    y23 = regs[regs["year"] == 2023]
    wide = regs.pivot(  # noqa: PD010 - the pivot of the docs' example
        index="region_name", columns="year", values="poverty_rate_pct"
    )
    return wide[2023], y23


def test_labels_key_column_advice_runs() -> None:
    values, y23 = _rank_inputs()
    assert values["Kota Malang"] == 4.26  # BPS 2023
    assert values["Kota Batu"] == 3.31
    msg = _message(
        check_rank_statement,
        values,
        y23["region_name"],
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
        after="Kota Batu",
        of=38,
    )
    snippet = _snippet(msg)
    assert "drop=False" in snippet
    labels = _follow(snippet, df=y23, values=values)
    assert not labels.isna().any()
    # Kota Batu (3.31) is the lowest of the 38 in 2023, Kota Malang (4.26)
    # next, as the statements guide's example says.
    r = check_rank_statement(
        values,
        labels,
        subject="Kota Malang",
        stated_rank=2,
        descending=False,
        after="Kota Batu",
        of=38,
    )
    assert str(r.verdict) == "holds"
    assert float(r.figures["value"]) == 4.26
    assert str(r.figures["before"]) == "Kota Batu"
    top = check_top_statement(
        values, labels, members=["Kota Batu", "Kota Malang"], k=2, descending=False
    )
    assert str(top.verdict) == "holds"


def test_float32_codes_beside_text_codes_no_to_numpy() -> None:
    # float32's 35.73 is 35.7299995...: no label converted equals the
    # text's, yet read at its precision it is the code "35.73", at
    # another position: the orders differ.
    before = pd.Series([4.37, 3.79], index=np.array([35.73, 35.79], dtype=np.float32))
    after = pd.Series([3.31, 4.26], index=["35.79", "35.73"])
    msg = _message(rate_change, before, after, unit="percent")
    assert "if their values are already in one order" not in msg
    assert "35.73, at position 0 in `before`, is written '35.73' at position 1" in msg
    assert "not .to_numpy()" in msg


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=6),
    data=st.data(),
)
def test_shared_label_at_other_position_never_offers_to_numpy(
    n: int, data: st.DataObject
) -> None:
    # Invariant: where a label found once on each side sits at different
    # positions, pairing by position pairs it with another label's value,
    # so the advice never offers .to_numpy() as right.
    labels = [f"region {i}" for i in range(n)]
    order = data.draw(st.permutations(range(n)))
    other = [labels[i] for i in order]
    k = data.draw(st.integers(min_value=0, max_value=n - 1))
    other[k] = "elsewhere"  # the two hold different labels
    assume(any(v in labels and labels.index(v) != j for j, v in enumerate(other)))
    before = pd.Series(np.arange(n, dtype=float), index=labels)
    after = pd.Series(np.arange(n, dtype=float), index=other)
    msg = _message(rate_change, before, after, unit="percent")
    assert "if their values are already in one order" not in msg, msg
    assert "not .to_numpy()" in msg


def test_codes_with_a_space_beside_integers_converted_whole() -> None:
    # "3573 " (a sheet's cell) reads as the integer 3573, where 3573 as
    # text is not "3573 ": the text side is converted, every label found.
    before = pd.Series([4.37, 3.79], index=["3573 ", "3579"])  # Malang, Batu 2022
    after = pd.Series([3.31, 4.26], index=[3579, 3573])  # 2023
    msg = _message(rate_change, before, after, unit="percent")
    assert "right only if" not in msg
    assert "not .to_numpy()" in msg
    aligned = _follow(_snippet(msg), before=before, after=after)
    points = rate_change(aligned, after, unit="percent").points
    np.testing.assert_allclose(points, [-0.48, -0.11], atol=1e-9)  # Batu, Malang


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            pd.Series(
                [4.37, 3.79],
                index=pd.MultiIndex.from_tuples(
                    [("35", "3573"), ("35", "3579")],
                    names=["province_code", "region_code"],
                ),
            ),
            pd.Series(
                [3.31, 4.26], index=pd.Index(["3579", "3573"], name="region_code")
            ),
            id="extra-level",
        ),
        pytest.param(
            pd.Series(
                [4.37, 3.79],
                index=pd.MultiIndex.from_tuples(
                    [("2022", "3573"), ("2022", "3579")], names=["year", "code"]
                ),
            ),
            pd.Series(
                [3.31, 4.26],
                index=pd.MultiIndex.from_tuples(
                    [("2023", "3579"), ("2023", "3573")], names=["year", "code"]
                ),
            ),
            id="one-value-level",
        ),
    ],
)
def test_level_in_another_order_no_to_numpy(
    before: pd.Series, after: pd.Series
) -> None:
    msg = _message(rate_change, before, after, unit="percent")
    assert "right only if" not in msg
    assert "not .to_numpy()" in msg
    found: list[str] = re.findall(r"`([^`]*)`", msg)
    kept = _follow(next(s for s in found if s.startswith("before.")), before=before)
    aligned = _follow(_snippet(msg), before=before, after=after)
    points = rate_change(kept, aligned, unit="percent").points
    np.testing.assert_allclose(points, [-0.11, -0.48], atol=1e-9)  # Malang, Batu
