"""What a stated `of` says about the regions without a value.

"Ngawi 1st of 14" where exactly 14 regions have a value: a region without
one cannot be among the 14 ranked (there would be 15), so the figures
decide the rank. In general `of` less the regions with a value is how many
regions without one are ranked; an `of` no choice of them gives (fewer
than those with a value, more than all) never holds, nor does a rank
above `of`.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from povstat.datasets import load_east_java
from povstat.statements import (
    HOLDS,
    NOT_HOLDS,
    UNDECIDED,
    check_rank_statement,
    check_statements,
)
from statement_frames import EJ_KW, east_java


def _p1_2024() -> tuple[Any, Any]:
    ej = load_east_java()
    y = ej[ej.region_type.isin(["kabupaten", "kota"]) & (ej.year == 2024)]
    return y["p1"].to_numpy(), y["region_name"].to_numpy()


# P1 of March 2024 is published for 14 of the 38 regencies and cities
# (SOURCES.md: "P1/P2 of March 2024 (14 and 11 regions)"); the highest are
# Ngawi 2.22, Bangkalan 2.03, Pacitan 1.49. "Of 14" leaves no region
# without a value among the ranked, so by hand: Ngawi is 1st, Bangkalan
# 2nd (after Ngawi), and nothing else is possible.
@pytest.mark.parametrize(
    ("subject", "stated", "after", "verdict"),
    [
        ("Kabupaten Ngawi", 1, None, HOLDS),
        ("Kabupaten Ngawi", 2, None, NOT_HOLDS),
        ("Kabupaten Bangkalan", 2, "Kabupaten Ngawi", HOLDS),
        ("Kabupaten Bangkalan", 3, None, NOT_HOLDS),
        ("Kabupaten Pacitan", 3, "Kabupaten Bangkalan", HOLDS),
        # Blitar has no P1 in 2024: with 14 ranked it is not among them.
        ("Kabupaten Pacitan", 3, "Kabupaten Blitar", NOT_HOLDS),
        ("Kabupaten Ngawi", 15, None, NOT_HOLDS),
    ],
)
def test_east_java_p1_2024_of_14(
    subject: str, stated: int, after: str | None, verdict: str
) -> None:
    p1, names = _p1_2024()
    assert int((~np.isnan(p1)).sum()) == 14
    res = check_rank_statement(
        p1,
        names,
        subject=subject,
        stated_rank=stated,
        descending=True,
        of=14,
        after=after,
    )
    assert res.verdict == verdict, res.reason
    reason = str(res.reason)
    assert "24 regions have no value" in reason
    assert (
        reason.endswith(
            ": none of them is among the 14 ranked (as many as have a value)"
        )
        or "Kabupaten Blitar has no value, so it is not among the 14 ranked" in reason
    )
    assert "could make the statement hold" not in reason


def test_east_java_p1_2024_of_15_leaves_one_open() -> None:
    # "Of 15": one of the 24 without a value is ranked and could be above
    # Ngawi (then 2nd) or below (1st): cannot tell either; 3rd never.
    p1, names = _p1_2024()
    kw: dict[str, Any] = {"subject": "Kabupaten Ngawi", "descending": True, "of": 15}
    r1 = check_rank_statement(p1, names, stated_rank=1, **kw)
    r2 = check_rank_statement(p1, names, stated_rank=2, **kw)
    r3 = check_rank_statement(p1, names, stated_rank=3, **kw)
    got = [str(r.verdict) for r in (r1, r2, r3)]
    assert got == [UNDECIDED, UNDECIDED, NOT_HOLDS]
    assert str(r1.reason).endswith(
        ": 1 of them is among the 15 ranked and could rank anywhere"
    )
    # 14 + 24 = 38 at most; "of 39" never.
    r39 = check_rank_statement(p1, names, stated_rank=1, **{**kw, "of": 39})
    assert r39.verdict == NOT_HOLDS
    assert (
        "at most 38 regions could be ranked (14 with a value and 24 without), "
        "not 39" in str(r39.reason)
    )


def test_a_rank_above_of_never_holds() -> None:
    # 4th of 3: impossible whatever D's value, and D cannot be among 3.
    res = check_rank_statement(
        [1.0, 2.0, 3.0, np.nan],
        ["A", "B", "C", "D"],
        subject="C",
        stated_rank=4,
        descending=False,
        of=3,
    )
    assert res.verdict == NOT_HOLDS
    assert str(res.reason).endswith(
        "not 4; 1 region has no value (D): it is not among the 3 ranked "
        "(as many as have a value)"
    )
    # The subject without a value: "4th of 3" by a region of no value.
    res = check_rank_statement(
        [1.0, 2.0, np.nan, np.nan],
        ["A", "B", "C", "D"],
        subject="C",
        stated_rank=4,
        descending=False,
        of=3,
    )
    assert res.verdict == NOT_HOLDS
    assert str(res.reason) == "C has no value: no region ranks 4 of 3"


def test_of_below_the_regions_with_a_value_still_fails() -> None:
    # Three have a value: "of 2" is not the ranking, as before.
    res = check_rank_statement(
        [1.0, 2.0, 3.0, np.nan],
        ["A", "B", "C", "D"],
        subject="C",
        stated_rank=2,
        descending=True,
        of=2,
    )
    assert res.verdict == NOT_HOLDS
    assert "at least 3 regions are ranked (3 with a value), not 2" in str(res.reason)
    # A subject without a value must be ranked besides the two with one.
    res = check_rank_statement(
        [1.0, 2.0, np.nan],
        ["A", "B", "C"],
        subject="C",
        stated_rank=1,
        descending=True,
        of=2,
    )
    assert res.verdict == NOT_HOLDS
    assert str(res.reason) == (
        "C has no value: at least 3 regions are ranked (2 with a value and "
        "this one), not 2"
    )


def test_check_statements_rank_rows_use_of() -> None:
    # BPS, March 2023, lowest rates: Kota Batu 3.31, Kota Malang 4.26, Kota
    # Surabaya 4.65. With Surabaya's rate missing, 37 of the 38 have one:
    # "of 37" leaves Surabaya out, so Malang is 2nd (after Batu), not 3rd.
    data = east_java([2023])
    data.loc[data.region_name == "Kota Surabaya", "poverty_rate_pct"] = np.nan
    st_ = pd.DataFrame(
        {
            "kind": "rank",
            "region": "Kota Malang",
            "period": 2023,
            "stated_rank": [2, 3, 2],
            "descending": False,
            "of": [37, 37, 38],
        }
    )
    out = check_statements(st_, data, rate="poverty_rate_pct", **EJ_KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS, UNDECIDED]


# ---------------------------------------------------------------------------
# Brute force: every completion of the regions without a value (each absent
# from the ranking, or ranked with any value: below, between, equal to or
# above the others), kept where the number ranked is `of`. The verdict on a
# completion follows the rule of check_rank_statement's docstring for full
# data; the statement holds where every kept completion gives "holds", does
# not hold where every one gives "does not hold" (or none is kept).

_TIES = ["min", "max", "average", "dense", "ordinal"]


def _full_verdict(
    w: dict[str, float],
    subject: str,
    stated: int,
    *,
    descending: bool,
    ties: str,
    after: str | None,
    of: int | None,
) -> str:
    if subject not in w or (after is not None and after not in w):
        return NOT_HOLDS  # not ranked
    if of is not None and len(w) != of:
        return NOT_HOLDS

    def key(x: float) -> float:
        return -x if descending else x

    def ranks(name: str) -> tuple[int, int, int]:
        x = key(w[name])
        ahead = [key(y) for y in w.values() if key(y) < x]
        same = sum(key(y) == x for y in w.values())
        return len(ahead) + 1, len(ahead) + same, len(set(ahead)) + 1

    lo, hi, dense = ranks(subject)
    rr = {"min": lo, "max": hi, "average": (lo + hi) / 2, "dense": dense}.get(ties)
    rule_lo = dense if ties == "dense" else lo
    rule_hi = rule_lo + (hi - lo)
    rank_ok = lo == hi == stated if ties == "ordinal" else rr == stated
    after_state = "ok"
    if after is not None:
        a_lo, a_hi, _ = ranks(after)
        if a_hi == lo - 1 and a_lo == a_hi:
            after_state = "ok"
        elif a_hi == lo - 1 or (after != subject and a_lo == lo):
            after_state = "tied"
        else:
            after_state = "bad"
    if after_state == "bad" or not rule_lo <= stated <= rule_hi:
        return NOT_HOLDS
    if not rank_ok or after_state == "tied":
        return UNDECIDED
    return HOLDS


def _brute(
    values: list[float], labels: list[str], subject: str, stated: int, **kw: Any
) -> str:
    known = {lab: v for lab, v in zip(labels, values, strict=True) if not np.isnan(v)}
    missing = [lab for lab, v in zip(labels, values, strict=True) if np.isnan(v)]
    # Values equal to the known ones, and as many distinct ones below,
    # between and above them as there are regions without a value (so that
    # all of them can be apart, or tied, anywhere).
    steps = np.arange(1, len(missing) + 1) / (len(missing) + 1)
    edges = sorted({0.0, *known.values(), 6.0})
    gaps = [a + (b - a) * steps for a, b in itertools.pairwise(edges)]
    fills: list[float | None] = [
        None,
        *sorted({*known.values(), *np.concatenate(gaps).tolist()}),
    ]
    seen = set()
    for fill in itertools.product(fills, repeat=len(missing)):
        w = dict(known)
        w.update({m: f for m, f in zip(missing, fill, strict=True) if f is not None})
        if kw["of"] is not None and len(w) != kw["of"]:
            continue
        seen.add(_full_verdict(w, subject, stated, **kw))
    if len(seen) == 1:
        return seen.pop()
    return NOT_HOLDS if not seen else UNDECIDED


@settings(
    max_examples=int(__import__("os").environ.get("RANK_EX", "300")), deadline=None
)
@given(
    cells=st.lists(
        st.one_of(st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0]), st.just(np.nan)),
        min_size=1,
        max_size=5,
    ),
    data=st.data(),
)
def test_rank_verdict_against_every_completion(cells: list[float], data: Any) -> None:
    n = len(cells)
    if sum(np.isnan(cells)) > 3:  # keep the enumeration small
        cells = [1.0 if np.isnan(c) and i < n - 3 else c for i, c in enumerate(cells)]
    labels = [f"R{i}" for i in range(n)]
    subject = data.draw(st.sampled_from(labels), label="subject")
    after = data.draw(st.one_of(st.none(), st.sampled_from(labels)), label="after")
    stated = data.draw(st.integers(1, n + 1), label="stated")
    of = data.draw(st.one_of(st.none(), st.integers(1, n + 1)), label="of")
    descending = data.draw(st.booleans(), label="descending")
    ties = data.draw(st.sampled_from(_TIES), label="ties")
    kw: dict[str, Any] = {
        "descending": descending,
        "ties": ties,
        "after": after,
        "of": of,
    }
    want = _brute(cells, labels, subject, stated, **kw)
    got = str(
        check_rank_statement(
            cells, labels, subject=subject, stated_rank=stated, **kw
        ).verdict
    )
    if np.isnan(cells[labels.index(subject)]) and want == HOLDS:
        # A subject without a value is never confirmed: "1st of 1" by the
        # only region, which has no figure, is "cannot tell".
        assert got == UNDECIDED
    else:
        # A subject without a value included: "does not hold" where no
        # value of it (nor of the others without one) gives the statement.
        assert got == want


# Sampang has no P1 in March 2024; the 14 with one are led by Ngawi 2.22,
# Bangkalan 2.03 (SOURCES.md). By hand, whatever Sampang's value:
# - "of 15" ranks the 14 and Sampang, so Sumenep (no value) is not ranked
#   and cannot be just before it;
# - just after Ngawi (1st) it is 2nd, 1-2 tied with Ngawi, 2-3 tied with
#   Bangkalan: never 4th, but 3rd is possible (a tie with Bangkalan), and
#   so is 2nd after Bangkalan (above Pacitan, or tied with it);
# - 38 regions at most are ranked: never 39th.
@pytest.mark.parametrize(
    ("stated", "after", "of", "verdict", "why"),
    [
        (2, "Kabupaten Sumenep", 15, NOT_HOLDS, "Kabupaten Sumenep has no value, so "),
        (4, "Kabupaten Ngawi", 15, NOT_HOLDS, "only 1-3 just after Kabupaten Ngawi"),
        (3, "Kabupaten Ngawi", 15, UNDECIDED, ""),
        (2, "Kabupaten Bangkalan", 15, UNDECIDED, ""),
        (39, None, None, NOT_HOLDS, "at most 38 regions could be ranked"),
    ],
)
def test_subject_without_a_value_no_value_gives(
    stated: int, after: str | None, of: int | None, verdict: str, why: str
) -> None:
    p1, names = _p1_2024()
    res = check_rank_statement(
        p1,
        names,
        subject="Kabupaten Sampang",
        stated_rank=stated,
        descending=True,
        after=after,
        of=of,
    )
    assert res.verdict == verdict, res.reason
    assert str(res.reason).startswith("Kabupaten Sampang has no value")
    assert why in str(res.reason)


def test_subject_without_a_value_in_check_statements() -> None:
    data = load_east_java()
    data = data[data.region_type.isin(["kabupaten", "kota"])]
    st_ = pd.DataFrame(
        {
            "kind": "rank",
            "region": "Kabupaten Sampang",
            "period": 2024,
            "stated_rank": [2, 4, 3],
            "descending": True,
            "after": ["Kabupaten Sumenep", "Kabupaten Ngawi", "Kabupaten Ngawi"],
            "of": 15,
        }
    )
    out = check_statements(
        st_,
        data,
        unit="percent",
        region="region_name",
        period="year",
        rate="p1",
        headcount=None,
        persons_per_poor_unit=1000,
    )
    assert out["verdict"].tolist() == [NOT_HOLDS, NOT_HOLDS, UNDECIDED]


def test_subject_without_a_value_toy() -> None:
    # A 2.0; B and C without: "of 2" ranks A and B only, so C is not ranked.
    res = check_rank_statement(
        [2.0, np.nan, np.nan],
        ["A", "B", "C"],
        subject="B",
        stated_rank=2,
        descending=False,
        after="C",
        of=2,
    )
    assert res.verdict == NOT_HOLDS
    # Dense ranks of 3, 3, 1 (descending) with B free: tied with the 3s it
    # is 1st, the tie spanning 1-3; between them 2nd; tied with 1 it is 2nd,
    # spanning 2-3; below 1 it is 3rd. Never 4th.
    res = check_rank_statement(
        [3.0, 3.0, 1.0, np.nan],
        ["A", "C", "D", "B"],
        subject="B",
        stated_rank=4,
        descending=True,
        ties="dense",
    )
    assert res.verdict == NOT_HOLDS
    assert "could rank only 1-3 (ties: dense), not 4" in str(res.reason)
