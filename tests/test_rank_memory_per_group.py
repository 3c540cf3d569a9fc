"""The memory refusal of the bootstrap with many groups, and its advice.

The bootstrap holds every group at once, so with many groups it is the sum
over them that passes the limit, not the largest group. The refusal says
so, and offers a call per group, which gives the same result (each group
takes the draws it would take ranked alone). The limit is lowered here, so
that three groups of 60 items pass it while one of them does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat.rank_inference as ri
from povstat import (
    rank_confidence_sets,
    rank_probabilities,
    tau_best_set,
    with_rank_sets,
)

_G, _NG, _DRAWS = 3, 100, 100
# By hand, with `se` (64 bytes a pair of items, 48 a draw and item, plus one
# item), 100 draws: one group of 100 alone needs 100^2 x 64 + 100 x 101 x 48
# = 640,000 + 484,800 = 1,124,800 bytes; the three groups at once (one size
# class, no padding) 3 x 100^2 x 64 + 100 x 301 x 48 = 1,920,000 + 1,444,800
# = 3,364,800 bytes, the pairs more than the draws. With `cov` (88 bytes a
# pair): 1,364,800 alone, 4,084,800 at once. A limit of 2,000,000 bytes
# refuses the three and fits one.
_LIMIT = 2_000_000
# rank_probabilities: 56 bytes a pair, no draws held: 560,000 alone and
# 1,680,000 at once; a limit of 1,000,000 refuses the three and fits one.
_PROB_LIMIT = 1_000_000
_SAYS = (
    r"memory \(3 groups, 300 items in all, the largest with 100 items; the "
    r"memory is the sum over the groups, each growing with the square of its "
    r"size\), above povstat's limit of "
)


def _data() -> tuple[Any, Any, Any]:
    rng = np.random.default_rng(11)
    est = np.round(rng.uniform(1.0, 20.0, _G * _NG), 2)
    se = np.round(rng.uniform(0.3, 1.5, _G * _NG), 2)
    by = np.repeat(np.array(["Aceh", "Bali", "Jambi"]), _NG)
    return est, se, by


_SETS = ("lower", "upper", "critical_value", "count")
_SETS_KW: dict[str, Any] = {"level": 0.9, "method": "bootstrap", "n_draws": _DRAWS}


@pytest.mark.parametrize(
    ("f", "fields", "limit", "sizes", "kw"),
    [
        pytest.param(
            rank_confidence_sets,
            _SETS,
            _LIMIT,
            ("3 MB", "1 MB"),
            {**_SETS_KW, "simultaneous": False},
            id="rank_sets-marginal",
        ),
        pytest.param(
            rank_confidence_sets,
            _SETS,
            _LIMIT,
            ("3 MB", "1 MB"),
            {**_SETS_KW, "simultaneous": True},
            id="rank_sets-simultaneous",
        ),
        pytest.param(
            tau_best_set,
            ("member", "lower"),
            _LIMIT,
            ("3 MB", "1 MB"),
            {**_SETS_KW, "tau": 3},
            id="tau_best_set",
        ),
        pytest.param(
            rank_probabilities,
            ("probability", "best", "point_rank"),
            _PROB_LIMIT,
            ("2 MB", "1 MB"),
            {"n_draws": _DRAWS},
            id="rank_probabilities",
        ),
    ],
)
def test_per_group_as_advised(
    f: Callable[..., Any],
    fields: tuple[str, ...],
    limit: int,
    sizes: tuple[str, str],
    kw: dict[str, Any],
) -> None:
    est, se, by = _data()
    # The result at the default limit, all groups in one call.
    whole = f(est, se=se, by=by, descending=True, seed=4, **kw)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ri, "_MAX_BYTES", limit)
        with pytest.raises(ValueError, match=_SAYS) as err:
            f(est, se=se, by=by, descending=True, seed=4, **kw)
        said = str(err.value)
        need, alone = sizes
        assert f"need about {need} of working" in said
        assert f"the largest group alone needs about {alone})" in said
        name = f.__name__
        assert f"call {name} once per group (the rows of one `by` label" in said
        assert "which gives the same results" in said
        # Followed: one call per group, with the same seed, within the limit.
        for label in np.unique(by):
            rows = by == label
            one = f(est[rows], se=se[rows], descending=True, seed=4, **kw)
            for field in fields:
                got, want = getattr(one, field), getattr(whole, field)[rows]
                if got.ndim == 2:  # probabilities: ranks up to the group's size
                    want = want[:, : got.shape[1]]
                np.testing.assert_array_equal(got, want)


def test_rank_sets_with_cov_per_group_as_advised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    est, se, by = _data()
    cov = np.diag(se**2)
    for g in range(_G):  # equicorrelated within each group (rho 0.3)
        b = slice(g * _NG, (g + 1) * _NG)
        cov[b, b] += 0.3 * np.outer(se[b], se[b]) * (1 - np.eye(_NG))
    kw: dict[str, Any] = {
        "descending": False,
        "level": 0.9,
        "method": "bootstrap",
        "simultaneous": True,
        "n_draws": _DRAWS,
        "seed": 9,
    }
    whole = rank_confidence_sets(est, cov=cov, by=by, **kw)
    monkeypatch.setattr(ri, "_MAX_BYTES", _LIMIT)
    with pytest.raises(ValueError, match=_SAYS) as err:
        rank_confidence_sets(est, cov=cov, by=by, **kw)
    assert "(the rows of one `by` label at a time and their block of `cov`" in str(
        err.value
    )
    for label in np.unique(by):
        rows = by == label
        one = rank_confidence_sets(est[rows], cov=cov[np.ix_(rows, rows)], **kw)
        np.testing.assert_array_equal(one.lower, whole.lower[rows])
        np.testing.assert_array_equal(one.upper, whole.upper[rows])


def test_with_rank_sets_per_group_as_advised(monkeypatch: pytest.MonkeyPatch) -> None:
    est, se, by = _data()
    df = pd.DataFrame(
        {"region": [f"R{i}" for i in range(est.size)], "prov": by, "rate": est}
    ).assign(se=se)
    kw: dict[str, Any] = {
        "descending": True,
        "level": 0.9,
        "method": "bootstrap",
        "simultaneous": False,
        "n_draws": _DRAWS,
        "seed": 2,
        "rate": "rate",
        "se": "se",
        "region": "region",
        "by": "prov",
    }
    whole = with_rank_sets(df, **kw)
    monkeypatch.setattr(ri, "_MAX_BYTES", _LIMIT)
    with pytest.raises(ValueError, match=_SAYS) as err:
        with_rank_sets(df, **kw)
    assert str(err.value).startswith("`rate` column 'rate', ranked within `by`")
    assert "call with_rank_sets once per group" in str(err.value)
    parts = [with_rank_sets(part, **kw) for _, part in df.groupby("prov")]
    pd.testing.assert_frame_equal(pd.concat(parts).loc[df.index], whole)


def test_no_per_group_advice_where_one_group_is_too_large(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1,000,000 bytes: below the 1,124,800 one group of 100 needs alone.
    est, se, by = _data()
    monkeypatch.setattr(ri, "_MAX_BYTES", 1_000_000)
    with pytest.raises(ValueError, match=_SAYS + "1 MB; use method") as err:
        rank_confidence_sets(
            est, se=se, by=by, descending=True, level=0.9, method="bootstrap",
            simultaneous=False, n_draws=_DRAWS, seed=4,
        )  # fmt: skip
    said = str(err.value)
    assert "once per group" not in said
    assert said.endswith(
        "(the largest group alone would need about 1 MB, so a call per group "
        "is above the limit too)"
    )


def test_one_group_names_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    # One group of 100 alone: 1,124,800 bytes, over a limit of 1,000,000.
    est, se, _ = _data()
    monkeypatch.setattr(ri, "_MAX_BYTES", 1_000_000)
    with pytest.raises(ValueError, match=r"\(the group has 100 items; ") as err:
        rank_confidence_sets(
            est[:100], se=se[:100], descending=True, level=0.9, method="bootstrap",
            simultaneous=False, n_draws=_DRAWS, seed=4,
        )  # fmt: skip
    assert "once per group" not in str(err.value)


def test_draws_dominate_no_smaller_groups_advice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Three groups of 100 with `se`, 1,000 draws, by hand: pairs 3 x 100^2 x
    # 64 = 1,920,000 bytes, draws 1,000 x 301 x 48 = 14,448,000. A limit of
    # 10,000,000 is passed by the draws alone, which splitting the groups
    # does not shrink (the items stay 300): no "smaller groups". The draws
    # that fit: (10,000,000 - 1,920,000) // (301 x 48 = 14,448) = 559; the
    # level 0.9 needs 100 at least. One group alone: 640,000 + 1,000 x 101 x
    # 48 = 5,488,000, within the limit.
    est, se, by = _data()
    kw: dict[str, Any] = {
        "se": se, "by": by, "descending": True, "level": 0.9,
        "method": "bootstrap", "simultaneous": False, "seed": 4,
    }  # fmt: skip
    monkeypatch.setattr(ri, "_MAX_BYTES", 10_000_000)
    with pytest.raises(ValueError, match="n_draws=1,000 draws of 300 items") as err:
        rank_confidence_sets(est, n_draws=1000, **kw)
    said = str(err.value)
    assert "smaller groups" not in said
    assert "use fewer draws (n_draws=559 at most)" in said
    assert "once per group" in said
    # Followed: 559 draws run, 560 do not; halving the groups does not help.
    rank_confidence_sets(est, n_draws=559, **kw)
    with pytest.raises(ValueError, match="n_draws=560"):
        rank_confidence_sets(est, n_draws=560, **kw)
    halves = np.repeat(np.arange(6), 50)
    with pytest.raises(ValueError, match="n_draws=1,000 draws of 300 items"):
        rank_confidence_sets(est, n_draws=1000, **{**kw, "by": halves})
    # Bonferroni needs no draws.
    rank_confidence_sets(est, **{**kw, "method": "bonferroni"})


def test_pairs_dominate_smaller_groups_advised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # One group of 300, 100 draws: pairs 300^2 x 64 = 5,760,000 bytes, draws
    # 100 x 301 x 48 = 1,444,800. Under a limit of 3,000,000 the draws fit,
    # so smaller groups help: three groups of 100 need 1,920,000 + 1,444,800
    # = 3,364,800 (above), six of 50 need 6 x 50^2 x 64 + 1,444,800 =
    # 960,000 + 1,444,800 = 2,404,800 (within).
    est, se, _ = _data()
    kw: dict[str, Any] = {
        "se": se, "descending": True, "level": 0.9, "method": "bootstrap",
        "simultaneous": False, "seed": 4, "n_draws": 100,
    }  # fmt: skip
    monkeypatch.setattr(ri, "_MAX_BYTES", 3_000_000)
    with pytest.raises(ValueError, match="the group has 300 items") as err:
        rank_confidence_sets(est, **kw)
    assert str(err.value).endswith("or rank within smaller groups")
    rank_confidence_sets(est, by=np.repeat(np.arange(6), 50), **kw)
