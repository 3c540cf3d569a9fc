"""A covariance DataFrame labelled on its rows only, and joining to_frame() back.

* ``pandas.DataFrame(C, index=estimates.index)`` (or a file of "label, v1,
  v2, ..." rows read with ``header=None, index_col=0``) holds the labels of
  the estimates on its rows, not its columns: the refusal says to label its
  columns as its rows (and align both axes where the rows are in another
  order), never to pass the estimates as a column (they must stay 1-d).
  Each printed snippet is run, and the sets are those of the matrix passed
  in the estimates' order.
* ``to_frame()`` has the default index 0..n-1: the documented join
  (``set_axis(df.index)``) pairs each rank with its own row, also after a
  ``sort_values``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import rank, rank_confidence_sets, rank_probabilities, tau_best_set

ESTIMATES = pd.Series([10.0, 5.0, 3.0, 2.9], index=["a", "b", "c", "d"])
#: Variances 0.01 for a and b, 1 for c and d, covariance 0.2 between c and d.
COV = np.array(
    [
        [0.01, 0.0, 0.0, 0.0],
        [0.0, 0.01, 0.0, 0.0],
        [0.0, 0.0, 1.0, 0.2],
        [0.0, 0.0, 0.2, 1.0],
    ]
)
KW: dict[str, Any] = {
    "descending": True,
    "level": 0.9,
    "method": "bonferroni",
    "simultaneous": False,
}
# By hand (marginal Bonferroni, 3 comparisons per estimate, two-sided at
# 10 %: z = Phi^-1(1 - 0.1 / 6) = 2.128): a - b = 5, SE sqrt(0.02) = 0.141,
# so a is surely above all; b - c = 2 and b - d = 2.1, SE sqrt(1.01) =
# 1.005, z 1.99 and 2.09 < 2.128: not told apart; c - d = 0.1, SE
# sqrt(1.6) = 1.26: not told apart. Sets: a {1}, b, c and d [2, 4].
LOWER = [1, 2, 2, 2]
UPPER = [1, 4, 4, 4]


def _snippet(msg: str) -> str:
    found: list[str] = re.findall(r"`([^`]*)`", msg)
    return [s for s in found if "set_axis" in s][-1]


def test_hand_sets_of_the_matrix_in_order() -> None:
    r = rank_confidence_sets(ESTIMATES.to_numpy(), cov=COV, **KW)
    np.testing.assert_array_equal(r.lower, LOWER)
    np.testing.assert_array_equal(r.upper, UPPER)


@pytest.mark.parametrize("perm", [[0, 1, 2, 3], [2, 0, 3, 1]])
def test_rows_only_advice_labels_the_columns_and_works(perm: list[int]) -> None:
    cov = pd.DataFrame(COV[np.ix_(perm, perm)], index=ESTIMATES.index[perm])
    with pytest.raises(ValueError, match=r"on its rows only") as e:
        rank_confidence_sets(ESTIMATES, cov=cov, **KW)
    msg = str(e.value)
    assert "[:, None]" not in msg  # the estimates stay 1-d
    code = _snippet(msg)
    if perm == sorted(perm):
        assert code == "cov.set_axis(cov.index, axis=1)"
    else:
        assert code.endswith(".loc[estimates.index, estimates.index]")
    followed = eval(code, {"cov": cov, "estimates": ESTIMATES})
    r = rank_confidence_sets(ESTIMATES, cov=followed, **KW)
    np.testing.assert_array_equal(r.lower, LOWER)
    np.testing.assert_array_equal(r.upper, UPPER)


def test_rows_only_cov_read_from_a_headerless_file() -> None:
    text = "a,0.01,0,0,0\nb,0,0.01,0,0\nc,0,0,1,0.2\nd,0,0,0.2,1\n"
    cov = pd.read_csv(io.StringIO(text), header=None, index_col=0)
    with pytest.raises(ValueError, match=r"on its rows only \(its columns are 1, 2"):
        rank_confidence_sets(ESTIMATES, cov=cov, **KW)
    r = rank_confidence_sets(ESTIMATES, cov=cov.set_axis(cov.index, axis=1), **KW)
    np.testing.assert_array_equal(r.lower, LOWER)
    np.testing.assert_array_equal(r.upper, UPPER)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: rank_probabilities(ESTIMATES, cov=c, descending=True, seed=1),
        lambda c: tau_best_set(
            ESTIMATES, cov=c, tau=1, descending=True, level=0.9, method="bonferroni"
        ),
    ],
)
def test_rows_only_advice_in_the_simulated_functions(
    call: Callable[[Any], Any],
) -> None:
    cov = pd.DataFrame(COV, index=ESTIMATES.index)
    with pytest.raises(ValueError, match=r"on its rows only") as e:
        call(cov)
    followed = eval(_snippet(str(e.value)), {"cov": cov})
    call(followed)  # accepted


def test_to_frame_joined_by_its_documented_index_after_sort_values() -> None:
    # A frame sorted after it was read: its index is 0..3 in another order.
    df = pd.DataFrame({"region": ["a", "b", "c", "d"], "rate": [4.0, 9.0, 1.0, 6.0]})
    df = df.sort_values("rate")  # index 2, 0, 3, 1
    res = rank(df["rate"], descending=True)
    assert list(res.to_frame().index) == [0, 1, 2, 3]  # as documented
    joined = df.join(res.to_frame().set_axis(df.index))
    # By hand, rank 1 = highest: b (9) 1, d (6) 2, a (4) 3, c (1) 4.
    assert dict(zip(joined["region"], joined["rank"], strict=True)) == {
        "a": 3,
        "b": 1,
        "c": 4,
        "d": 2,
    }


@pytest.mark.parametrize(
    "order", [[0, 1, 2, 3], [2, 0, 3, 1]], ids=["in-order", "another-order"]
)
def test_a_cov_read_back_from_a_file_with_integer_codes(order: list[int]) -> None:
    # A labelled matrix written to CSV and read back with index_col=0 has
    # integer codes on its rows and the same codes as text in its columns
    # (fresh18 G1): the refusal says so (not "on its rows only") and the
    # printed snippet, run, pairs both axes with the estimates.
    # By hand (Bonferroni, marginal, 90 %): SEs 0.01, 0.3, 0.02, 0.2; 5.0
    # vs 4.9 differ by 0.1 with SD sqrt(0.0001 + 0.09 - 2 * 0.001) = 0.297,
    # 3.0 vs 2.95 by 0.05 with SD sqrt(0.0404) = 0.201: neither pair is
    # told apart; every item of {3501, 3502} against {3503, 3504} differs by
    # at least 1.9 with SD at most sqrt(0.09 + 0.04) = 0.361 (z > 5): told
    # apart. Sets: 3501, 3502 in [1, 2]; 3503, 3504 in [3, 4].
    codes = [3501, 3502, 3503, 3504]
    c = np.diag([0.0001, 0.09, 0.0004, 0.04])
    c[0, 1] = c[1, 0] = 0.001
    text = pd.DataFrame(c, index=codes, columns=codes).to_csv()
    cov = pd.read_csv(io.StringIO(text), index_col=0)
    estimates = pd.Series([5.0, 4.9, 3.0, 2.95], index=codes).iloc[order]
    kw: dict[str, Any] = {"descending": True, "level": 0.9, "method": "bonferroni"}
    with pytest.raises(ValueError, match="covariance matrix of `estimates`") as info:
        rank_confidence_sets(estimates, cov=cov, simultaneous=False, **kw)
    assert "on its rows only" not in str(info.value)
    snippet = re.findall(r"`cov = (cov\.set_axis[^`]*)`", str(info.value))[-1]
    fixed = eval(snippet, {}, {"cov": cov, "estimates": estimates})
    got = rank_confidence_sets(estimates, cov=fixed, simultaneous=False, **kw)
    want = {3501: (1, 2), 3502: (1, 2), 3503: (3, 4), 3504: (3, 4)}
    assert got.lower.tolist() == [want[k][0] for k in estimates.index]
    assert got.upper.tolist() == [want[k][1] for k in estimates.index]
