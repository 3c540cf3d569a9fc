"""Canonical order with `cov`: disjoint blocks and the search's work budget."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import ArrayLike, NDArray

from povstat import rank_confidence_sets, rank_probabilities
from povstat import rank_inference as ri

PAIR = np.array([[1.0, 0.5], [0.5, 1.0]])
TRIANGLE = np.full((3, 3), 0.4) + 0.6 * np.eye(3)
CYCLE4 = np.array(
    [[1.0, 0.3, 0, 0.3], [0.3, 1.0, 0.3, 0], [0, 0.3, 1.0, 0.3], [0.3, 0, 0.3, 1.0]]
)


def _sets(est: ArrayLike, cov: ArrayLike) -> NDArray[np.float64]:
    r = rank_confidence_sets(
        est,
        cov=cov,
        level=0.9,
        method="bootstrap",
        simultaneous=False,
        descending=True,
        n_draws=200,
        seed=1,
    )
    return np.stack([r.lower, r.upper, r.critical_value])


def _probs(est: ArrayLike, cov: ArrayLike) -> NDArray[np.float64]:
    p = rank_probabilities(est, cov=cov, descending=True, n_draws=100, seed=1)
    return np.asarray(p.probability, dtype=np.float64)


@pytest.mark.parametrize(
    ("block", "k"), [(PAIR, 25), (TRIANGLE, 16), (CYCLE4, 13)], ids=str
)
def test_identical_blocks_fast_and_symmetric(
    block: NDArray[np.float64], k: int
) -> None:
    # k identical blocks, all estimates 1.0: every row is exchanged with every
    # other by a symmetry (swap blocks, rotate/reflect inside one), so every
    # row must get the same set and probabilities, and a permutation of the
    # rows permutes the result. Before the component-wise order, 25 pairs took
    # minutes; now no warning fires (the search is not cut short).
    cov = np.kron(np.eye(k), block)
    n = cov.shape[0]
    est = np.ones(n)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        base = _sets(est, cov)
        prob = _probs(est, cov)
    assert (base == base[:, :1]).all()
    assert (prob == prob[:1]).all()
    perm = np.random.default_rng(0).permutation(n)
    moved = _sets(est[perm], cov[np.ix_(perm, perm)])
    assert np.array_equal(moved, base[:, perm])
    assert np.array_equal(_probs(est[perm], cov[np.ix_(perm, perm)]), prob[perm])


@settings(max_examples=20, deadline=None)
@given(
    n_blocks=st.integers(2, 6),
    size=st.integers(2, 4),
    seed=st.integers(0, 2**16),
    permseed=st.integers(0, 2**16),
)
def test_planted_disjoint_blocks(
    n_blocks: int, size: int, seed: int, permseed: int
) -> None:
    # Copies of one random block with tied estimates, plus one different
    # block: copies are exchanged by a symmetry, so rows at the same place
    # in each copy get identical results; permuting rows permutes them.
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(size, size))
    block = a @ a.T + np.eye(size)
    est_b = rng.integers(0, 2, size).astype(np.float64)
    other = block + 0.5 * np.eye(size)
    cov = np.kron(np.eye(n_blocks + 1), np.ones((size, size)))
    cov[: n_blocks * size, : n_blocks * size] = np.kron(np.eye(n_blocks), block)
    cov[n_blocks * size :, n_blocks * size :] = other
    est = np.tile(est_b, n_blocks + 1)
    base = _sets(est, cov)
    copies = base[:, : n_blocks * size].reshape(3, n_blocks, size)
    assert (copies == copies[:, :1]).all()
    perm = np.random.default_rng(permseed).permutation(est.size)
    assert np.array_equal(_sets(est[perm], cov[np.ix_(perm, perm)]), base[:, perm])


def test_work_budget_warns_and_is_deterministic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A 5-cycle and a 10-cycle of tied rows (circulant covariances) need a
    # search; with the budget cut to 50 steps of work (each refinement round
    # costs at least 1024) it stops, warns, and the order among
    # those rows follows the rows: the same call gives the same bits.
    monkeypatch.setattr(ri, "_MAX_SEARCH_STEPS", 50)
    c5 = np.array(
        [[[2, 0.6, 0, 0, 0.6][(j - i) % 5] for j in range(5)] for i in range(5)]
    )
    c10 = np.array(
        [
            [[2, 0.6, 0, 0, 0, 0, 0, 0, 0, 0.6][(j - i) % 10] for j in range(10)]
            for i in range(10)
        ]
    )
    cov = np.zeros((15, 15))
    cov[:5, :5], cov[5:, 5:] = c5, c10
    est = np.ones(15)
    with pytest.warns(RuntimeWarning, match="needed more work than the search"):
        first = _sets(est, cov)
    with pytest.warns(RuntimeWarning, match="steps of refinement"):
        second = _sets(est, cov)
    assert np.array_equal(first, second)


def _linked_pairs(
    inner: list[float], est: list[float], common: float = 0.01
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    # One pair of rows per entry: variance 1, covariance `inner` within the
    # pair and `common` between rows of different pairs (all connected).
    k = len(inner)
    cov = np.full((2 * k, 2 * k), common)
    for i, a in enumerate(inner):
        cov[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[1.0, a], [a, 1.0]]
    return np.repeat(np.asarray(est, dtype=np.float64), 2), cov


@pytest.mark.parametrize("k", [14, 20, 30])
def test_pairs_linked_by_a_common_covariance(k: int) -> None:
    # k pairs (covariance 0.3 within a pair, 0.01 between pairs), all
    # estimates 1.0. The two rows of a pair are interchangeable, and so are
    # whole pairs: every row is mapped onto every other by a symmetry, so
    # all rows get the same results, with no warning (searching over the
    # rows one by one ran out of work from 14 pairs on), and a permutation
    # of the rows permutes the results.
    est, cov = _linked_pairs([0.3] * k, [1.0] * k)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        base = _sets(est, cov)
        prob = _probs(est, cov)
    assert (base == base[:, :1]).all()
    assert (prob == prob[:1]).all()
    perm = np.random.default_rng(k).permutation(est.size)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.array_equal(_sets(est[perm], cov[np.ix_(perm, perm)]), base[:, perm])
        moved = _probs(est[perm], cov[np.ix_(perm, perm)])
    assert np.array_equal(moved, prob[perm])


@settings(max_examples=10, deadline=None)
@given(
    kinds=st.lists(
        st.sampled_from([(0.3, 1.0), (0.5, 1.0), (0.3, 0.0)]), min_size=14, max_size=30
    ),
    permseed=st.integers(0, 2**16),
)
def test_linked_pairs_of_several_kinds_permute(
    kinds: list[tuple[float, float]], permseed: int
) -> None:
    # Pairs of three kinds (inner covariance, estimate), 0.01 between any two
    # rows of different pairs. Rows of pairs of one kind are all exchanged
    # by symmetries (swap within a pair, swap two pairs of a kind), so they
    # share their results; permuting the rows permutes the results; and the
    # search never runs out of work (no warning).
    est, cov = _linked_pairs([a for a, _ in kinds], [e for _, e in kinds])
    kind = np.repeat([hash(t) for t in kinds], 2)
    perm = np.random.default_rng(permseed).permutation(est.size)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        base = _sets(est, cov)
        moved = _sets(est[perm], cov[np.ix_(perm, perm)])
        prob = _probs(est, cov)
        prob_moved = _probs(est[perm], cov[np.ix_(perm, perm)])
    assert np.array_equal(moved, base[:, perm])
    assert np.array_equal(prob_moved, prob[perm])
    for k in np.unique(kind).tolist():
        rows = np.flatnonzero(kind == k)
        assert (base[:, rows] == base[:, rows[:1]]).all()
        assert (prob[rows] == prob[rows[:1]]).all()


def test_collapsing_interchangeable_rows_counts_against_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 14 linked pairs: finding the interchangeable rows is the first work
    # of the search (14 * 2 rows compared with up to 27 others, plus 1024
    # per array operation). With the budget cut to 50 steps that work alone
    # exceeds it: the search stops there and warns.
    monkeypatch.setattr(ri, "_MAX_SEARCH_STEPS", 50)
    est, cov = _linked_pairs([0.3] * 14, [1.0] * 14)
    with pytest.warns(RuntimeWarning, match="needed more work than the search"):
        _sets(est, cov)


def test_finding_interchangeable_rows_is_charged() -> None:
    # Three pairs (rows 0-1, 2-3, 4-5), covariance 0.3 within a pair and
    # 0.01 between pairs, all of one class: the twins are the pairs, each
    # named by its first row. Worked by hand: row 0 is compared with its 5
    # later rows of the class (5 * 6 entries + 1024 for the operation =
    # 1054 steps), row 1 is already placed, row 2 with 3 (3 * 6 + 1024 =
    # 1042), row 4 with 1 (6 + 1024 = 1030): 3126 steps in all.
    _, cov = _linked_pairs([0.3] * 3, [1.0] * 3)
    cv = np.where(np.eye(6, dtype=bool), 0.0, cov)
    colour = np.zeros(6, dtype=np.intp)
    budget = ri._Budget(10_000)
    twin = ri._twins(colour, cv, budget)
    assert twin is not None
    assert twin.tolist() == [0, 0, 2, 2, 4, 4]
    assert budget.left == 10_000 - 3126
    # With fewer steps than that first comparison, it gives up (None).
    assert ri._twins(colour, cv, ri._Budget(1000)) is None
