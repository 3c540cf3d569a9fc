from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from povstat import percentile_rank
from povstat.ranking import Ties

TIES = ["min", "max", "average", "dense", "ordinal"]


def test_dense_ranks_in_a_group_of_three() -> None:
    # By hand: dense ranks 1, 1, 2 of 2 distinct values -> 1/2, 1/2, 2/2.
    np.testing.assert_array_equal(
        percentile_rank([4.26, 4.26, 9.0], descending=False, ties="dense"),
        [0.5, 0.5, 1.0],
    )
    # Within groups: group "a" has dense ranks 1, 1, 2; group "b" 1, 2.
    np.testing.assert_array_equal(
        percentile_rank(
            [1.0, 1.0, 2.0, 5.0, 3.0],
            descending=False,
            ties="dense",
            by=["a", "a", "a", "b", "b"],
        ),
        [0.5, 0.5, 1.0, 1.0, 0.5],
    )


def test_missing_values() -> None:
    # By hand, omit: 2 ranked values, ranks 1 and 2 of 2.
    out = percentile_rank([3.0, np.nan, 1.0], descending=True)
    np.testing.assert_array_equal(out, [0.5, np.nan, 1.0])
    prop = percentile_rank(
        [3.0, np.nan, 1.0, 2.0],
        descending=True,
        nan_policy="propagate",
        by=[0, 0, 0, 1],
    )
    np.testing.assert_array_equal(prop, [np.nan, np.nan, np.nan, 1.0])
    with pytest.raises(ValueError, match="nan_policy='raise'"):
        percentile_rank([3.0, np.nan], descending=True, nan_policy="raise")
    with pytest.raises(ValueError, match="`nan_policy` must be one of"):
        percentile_rank([3.0], descending=True, nan_policy="last")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="`descending` must be True or False"):
        percentile_rank([3.0], descending=1)  # type: ignore[arg-type]


values_and_groups = st.integers(1, 30).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 5).map(float), min_size=n, max_size=n),
        st.lists(st.integers(0, 2), min_size=n, max_size=n),
    )
)


@given(values_and_groups, st.sampled_from(TIES), st.booleans())
def test_in_zero_one_and_agrees_with_ungrouped_pandas(
    data: tuple[list[float], list[int]], ties: Ties, descending: bool
) -> None:
    v, g = data
    out = percentile_rank(v, descending=descending, ties=ties, by=g)
    assert np.all((out > 0) & (out <= 1))
    # Reference: pandas' ungrouped Series.rank(pct=True), one group at a time
    # (ungrouped, pandas divides dense ranks by the number of distinct values).
    method: Any = "first" if ties == "ordinal" else ties
    frame = pd.DataFrame({"v": v, "g": g})
    for _, part in frame.groupby("g"):
        ref = part["v"].rank(method=method, ascending=not descending, pct=True)
        np.testing.assert_allclose(out[part.index.to_numpy()], ref.to_numpy())
    if ties in ("max", "dense", "ordinal"):
        for label in set(g):
            assert out[np.asarray(g) == label].max() == 1.0


@given(values_and_groups, st.sampled_from(["min", "max", "average", "dense"]))
def test_rows_shuffled_move_with_their_ranks(
    data: tuple[list[float], list[int]], ties: Ties
) -> None:
    v, g = data
    perm = np.random.default_rng(len(v)).permutation(len(v))
    a = percentile_rank(v, descending=True, ties=ties, by=g)
    b = percentile_rank(
        np.asarray(v)[perm], descending=True, ties=ties, by=np.asarray(g)[perm]
    )
    np.testing.assert_array_equal(a[perm], b)
