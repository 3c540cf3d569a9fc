"""Stated values more precise than the published ones: said precisely."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from povstat.statements import check_rank_statement
from povstat.tracing import trace_figure


def test_rank_statement_names_the_true_values_both_roundings_allow() -> None:
    # B is published 4.26 ([4.255, 4.265)); a stated 4.265 at 3 decimals
    # stands for [4.2645, 4.2655): both hold the true values [4.2645, 4.265).
    # A true 4.265 would be published 4.27, so it is never "its true value".
    res = check_rank_statement(
        [5.0, 4.26, 3.0],
        ["A", "B", "C"],
        subject="B",
        stated_rank=2,
        descending=True,
        stated_value=4.265,
        value_decimals=3,
        values_decimals=2,
    )
    assert str(res.verdict) == "cannot tell"
    assert "a true value in [4.2645, 4.2650) would be published as 4.26" in str(
        res.reason
    )
    assert "may be its true value" not in str(res.reason)


def test_trace_lists_the_cell_whose_rounding_holds_the_figure() -> None:
    # 4.265 lies at A's open end (A = 4.26 stands for [4.255, 4.265)) and
    # rounds half up to B's 4.27: cannot tell, with B listed.
    march = dt.date(2023, 3, 1)
    df = pd.DataFrame(
        {"region_code": ["A", "B"], "period": [march, march], "rate": [4.26, 4.27]}
    )
    t = trace_figure(df, 4.265, decimals=3, subject="A", at=march, measure="rate")
    assert t.verdict == "cannot tell"
    assert list(t.candidates["region_code"]) == ["B"]
    assert "it matches B, March 2023, rate = 4.27" in t.reason
