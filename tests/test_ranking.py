from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import rank
from povstat.datasets import load_east_java


@pytest.mark.parametrize(
    ("ties", "expected"),
    [
        # Worked by hand for [1, 2, 3, 3, 4, 5], rank 1 = smallest.
        ("min", [1, 2, 3, 3, 5, 6]),
        ("max", [1, 2, 4, 4, 5, 6]),
        ("dense", [1, 2, 3, 3, 4, 5]),
        ("average", [1, 2, 3.5, 3.5, 5, 6]),
        ("ordinal", [1, 2, 3, 4, 5, 6]),
    ],
)
def test_tie_rules(ties: str, expected: list[float]) -> None:
    r = rank([1, 2, 3, 3, 4, 5], descending=False, ties=ties)  # type: ignore[arg-type]
    np.testing.assert_array_equal(r.rank, expected)
    np.testing.assert_array_equal(r.count, [6] * 6)
    assert r.ties == ties


def test_descending_min_ties_one_group() -> None:
    # Rank 1 = highest: 50 -> 1, 30 -> 2, 25 and 25 -> 3, 15 -> 5.
    r = rank([15, 50, 30, 25, 25], descending=True, ties="min")
    np.testing.assert_array_equal(r.rank, [5, 1, 2, 3, 3])


def test_dense_descending_missing_ranked_last_by_saying_so() -> None:
    # The documented way to rank missing values as the lowest: replace them
    # by -inf. inf is the highest value (1), 2 -> 2, 0 -> 3; -inf and the two
    # former NaNs tie as the lowest (4), and all six are counted.
    v = np.array([-np.inf, 0, np.inf, np.nan, 2, np.nan])
    r = rank(np.where(np.isnan(v), -np.inf, v), descending=True, ties="dense")
    np.testing.assert_array_equal(r.rank, [4, 3, 1, 4, 2, 4])
    np.testing.assert_array_equal(r.count, [6] * 6)


def test_missing_kept_as_missing_uses_no_rank() -> None:
    v = np.array([-np.inf, 0, np.inf, np.nan, 2, np.nan])
    r = rank(v, descending=True, ties="dense", nan_policy="omit")
    np.testing.assert_array_equal(r.rank, [4, 3, 1, np.nan, 2, np.nan])
    np.testing.assert_array_equal(r.count, [4] * 6)
    # Missing values as the lowest, stated with -inf: "min" gives the block
    # of -inf and the two NaNs rank 4, "max" rank 6.
    filled = np.where(np.isnan(v), -np.inf, v)
    r = rank(filled, descending=True, ties="min")
    np.testing.assert_array_equal(r.rank, [4, 3, 1, 4, 2, 4])
    r = rank(filled, descending=True, ties="max")
    np.testing.assert_array_equal(r.rank, [6, 3, 1, 6, 2, 6])


def test_last_is_not_a_nan_policy() -> None:
    with pytest.raises(ValueError, match="`nan_policy` must be one of"):
        rank([1.0, np.nan], descending=True, nan_policy="last")  # type: ignore[arg-type]


def test_propagate_and_raise() -> None:
    r = rank(
        [1.0, np.nan, 3.0, 4.0],
        descending=False,
        nan_policy="propagate",
        by=[0, 0, 1, 1],
    )
    np.testing.assert_array_equal(r.rank, [np.nan, np.nan, 1, 2])
    with pytest.raises(
        ValueError, match=r"2 missing \(NaN\) value\(s\).*positions 1, 3"
    ):
        rank([1.0, np.nan, 3.0, np.nan], descending=False, nan_policy="raise")


def test_groups_with_string_labels_and_counts() -> None:
    r = rank(
        [3.0, 1.0, 2.0, 9.0, np.nan],
        descending=False,
        by=["b", "a", "b", "a", "a"],
    )
    np.testing.assert_array_equal(r.rank, [2, 1, 1, 2, np.nan])
    np.testing.assert_array_equal(r.count, [2, 2, 2, 2, 2])


@given(
    st.lists(
        st.one_of(st.integers(-5, 5).map(float), st.just(np.nan)),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(["min", "max", "average", "dense"]),
    st.sampled_from(["omit", "propagate"]),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_ranks_move_with_their_rows(
    values: list[float], ties: str, nan_policy: str, descending: bool, rnd: object
) -> None:
    v = np.array(values)
    g = np.arange(v.size) % 3
    perm = np.arange(v.size)
    rnd.shuffle(perm)  # type: ignore[attr-defined]
    kw = {"descending": descending, "ties": ties, "nan_policy": nan_policy}
    a = rank(v, by=g, **kw)  # type: ignore[arg-type]
    b = rank(v[perm], by=g[perm], **kw)  # type: ignore[arg-type]
    np.testing.assert_array_equal(b.rank, a.rank[perm])
    np.testing.assert_array_equal(b.count, a.count[perm])


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=40))
def test_average_ranks_match_scipy(values: list[float]) -> None:
    from scipy.stats import rankdata

    v = np.array(values)
    np.testing.assert_allclose(
        rank(v, descending=False, ties="average").rank, rankdata(v)
    )
    np.testing.assert_allclose(
        rank(v, descending=True, ties="min").rank, rankdata(-v, method="min")
    )


@given(
    st.lists(st.floats(-100, 100), min_size=1, max_size=30),
    st.sampled_from(["min", "max", "average", "dense", "ordinal"]),
)
def test_descending_reverses_ascending(values: list[float], ties: str) -> None:
    v = np.array(values)
    a = rank(v, descending=False, ties=ties).rank  # type: ignore[arg-type]
    d = rank(-v, descending=True, ties=ties).rank  # type: ignore[arg-type]
    np.testing.assert_array_equal(a, d)


def test_east_java_2023_real_ties() -> None:
    # BPS P0 table, March 2023: Kabupaten Magetan and Kabupaten Mojokerto
    # both 9.80 % (checked in the bundled data). Rank 1 = highest rate.
    df = load_east_java()
    kk = df[df["region_type"].isin(["kabupaten", "kota"]) & (df["year"] == 2023)]
    v = kk["poverty_rate_pct"].to_numpy()
    names = kk["region_name"].to_numpy()
    tied = names[v == 9.80]
    assert sorted(tied) == ["Kabupaten Magetan", "Kabupaten Mojokerto"]
    # Number of regions above 9.80 %, counted from the data by plain comparison.
    above = int((v > 9.80).sum())
    res = {
        t: rank(v, descending=True, ties=t).rank[v == 9.80]
        for t in ("min", "max", "average", "dense")
    }
    np.testing.assert_array_equal(res["min"], [above + 1] * 2)
    np.testing.assert_array_equal(res["max"], [above + 2] * 2)
    np.testing.assert_array_equal(res["average"], [above + 1.5] * 2)
    n_distinct_above = np.unique(v[v > 9.80]).size
    np.testing.assert_array_equal(res["dense"], [n_distinct_above + 1] * 2)
    ordinal = rank(v, descending=True, ties="ordinal").rank[v == 9.80]
    assert sorted(ordinal) == [above + 1, above + 2]


def test_kota_batu_is_38th_and_malang_2nd_lowest_2023() -> None:
    # BPS P0 2023: Kota Batu 3.31 % (lowest of 38), Kota Malang 4.26 % (2nd lowest).
    df = load_east_java()
    kk = df[df["region_type"].isin(["kabupaten", "kota"]) & (df["year"] == 2023)]
    names = kk["region_name"].to_numpy()
    v = kk["poverty_rate_pct"].to_numpy()
    press = rank(v, descending=True)
    low = rank(v, descending=False)
    assert press.rank[names == "Kota Batu"][0] == 38
    assert low.rank[names == "Kota Malang"][0] == 2
    assert low.count[0] == 38


def test_ranking_result_is_readonly() -> None:
    r = rank([1.0, 2.0], descending=True)
    with pytest.raises(ValueError, match="read-only"):
        r.rank[0] = 3.0


def test_errors() -> None:
    with pytest.raises(TypeError, match="`descending` must be True or False"):
        rank([1.0], descending=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`descending` must be True or False"):
        rank([1.0], descending=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`ties` must be one of"):
        rank([1.0], descending=True, ties="first")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`nan_policy` must be one of"):
        rank([1.0], descending=True, nan_policy="drop")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"`values` must be 1-D, got shape \(1, 2\)"):
        rank([[1.0, 2.0]], descending=True)
    with pytest.raises(ValueError, match="`by` must be 1-D with the length"):
        rank([1.0, 2.0], descending=True, by=[1])
    with pytest.raises(ValueError, match="`by` must not contain missing"):
        rank([1.0, 2.0], descending=True, by=[1.0, np.nan])
    with pytest.raises(ValueError, match="`by` must not contain missing"):
        rank([1.0, 2.0], descending=True, by=np.array(["a", None], dtype=object))
    with pytest.raises(TypeError, match="`values` must be numeric"):
        rank(["a"], descending=True)


def test_group_labels_are_not_merged_or_missed() -> None:
    # Found by attack testing: 2023 and "2023" were merged; NaT, float32 NaN
    # and pandas.NA were taken as labels.
    import pandas as pd

    with pytest.raises(TypeError, match="all numbers or all strings"):
        rank(
            [1.0, 2.0, 3.0, 4.0],
            descending=True,
            by=[2023, "2023", 2023, "2024"],  # type: ignore[arg-type]
        )
    nat = np.array(["2020-01", "NaT", "2020-01", "2021-01"], dtype="datetime64[M]")
    with pytest.raises(ValueError, match="missing labels"):
        rank([1.0, 2.0, 3.0, 4.0], descending=True, by=nat)
    for bad in (np.float32("nan"), pd.NA):
        g = np.array(["a", bad, "a", "b"], dtype=object)
        with pytest.raises(ValueError, match="missing labels"):
            rank([1.0, 2.0, 3.0, 4.0], descending=True, by=g)


def test_propagate_counts_nothing_ranked() -> None:
    r = rank([1.0, np.nan, 3.0], descending=False, nan_policy="propagate")
    np.testing.assert_array_equal(r.count, [0, 0, 0])


def _brute_force(
    v: np.ndarray, g: np.ndarray, ties: str, descending: bool
) -> tuple[np.ndarray, np.ndarray]:
    # The definitions, pair by pair: with x "better" than y when x > y
    # (descending) or x < y, min = 1 + #better, max = #better + #tied,
    # dense = 1 + #distinct better values, ordinal = min + #tied before.
    out = np.full(v.size, np.nan)
    count = np.zeros(v.size, dtype=np.int64)
    for i in range(v.size):
        same = (g == g[i]) & ~np.isnan(v)
        count[i] = same.sum()
        if np.isnan(v[i]):
            continue
        others = v[same]
        better = others > v[i] if descending else others < v[i]
        tied = (others == v[i]).sum()
        rules = {
            "min": 1 + better.sum(),
            "max": better.sum() + tied,
            "average": better.sum() + (tied + 1) / 2,
            "dense": 1 + np.unique(others[better]).size,
            "ordinal": 1 + better.sum() + ((v[:i] == v[i]) & same[:i]).sum(),
        }
        out[i] = rules[ties]
    return out, count


@given(
    st.lists(
        st.one_of(st.integers(-3, 3).map(float), st.just(np.nan), st.just(np.inf)),
        min_size=0,
        max_size=30,
    ),
    st.integers(1, 4),
    st.sampled_from(["min", "max", "average", "dense", "ordinal"]),
    st.booleans(),
)
def test_ranks_match_their_definitions(
    values: list[float], n_groups: int, ties: str, descending: bool
) -> None:
    v = np.array(values, dtype=np.float64)
    g = (np.arange(v.size) * 7) % n_groups
    expected, count = _brute_force(v, g, ties, descending)
    r = rank(v, descending=descending, ties=ties, by=g)  # type: ignore[arg-type]
    np.testing.assert_array_equal(r.rank, expected)
    np.testing.assert_array_equal(r.count, count)
    alone = rank(v, descending=descending, ties=ties)  # type: ignore[arg-type]
    np.testing.assert_array_equal(
        alone.rank, _brute_force(v, np.zeros(v.size), ties, descending)[0]
    )
