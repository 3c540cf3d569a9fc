"""The advice for a missing `stated_value` of check_rank_statement, followed.

A NaN (or masked, or pandas.NA) stated value is refused; the advice names
both arguments to leave out, since `stated_value` and `value_decimals` go
together. Following it gives a verdict.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat.statements import check_rank_statement


@pytest.mark.parametrize("missing", [float("nan"), np.ma.masked, pd.NA])
def test_advice_followed(missing: Any) -> None:
    with pytest.raises(ValueError, match="leave out both") as err:
        check_rank_statement(
            [4.26, 3.31],
            ["a", "b"],
            subject="a",
            stated_rank=2,
            descending=False,
            stated_value=missing,
            value_decimals=2,
        )
    said = str(err.value)
    assert "`stated_value`" in said
    assert "`value_decimals`" in said
    # Doing what it says: both left out. By hand, a (4.26) ranks 2 of 2
    # from the lowest (b: 3.31), so the statement holds.
    r = check_rank_statement(
        [4.26, 3.31],
        ["a", "b"],
        subject="a",
        stated_rank=2,
        descending=False,
        stated_value=None,
        value_decimals=None,
    )
    assert str(r.verdict) == "holds"
