"""Two parts of one frame read from a file, in any row order, are row numbers.

The rows of 2022 (0..2) and those of 2023 (3..5) of one file keep their row
numbers whatever order each part is then put in (a ranking view sorted by
rate, a reversed part): they are told to index the frame by its key column
before taking the parts, never ``.to_numpy()``, which would pair the rows
by position (the highest rate of 2023 with the first region of 2022). The
advice is taken from the message as written and followed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from povstat import rate_change

# Rates (%) of three regions of Jawa Timur, 2022 and 2023, in file order.
_CSV = """region_code,year,poverty_rate_pct
3501,2022,13.8
3502,2022,9.6
3573,2022,4.3
3501,2023,13.5
3502,2023,9.5
3573,2023,4.2
"""

Part = Callable[[pd.Series], pd.Series]


def _same(s: pd.Series) -> pd.Series:
    return s


def _by_rate(s: pd.Series) -> pd.Series:  # a ranking view, lowest first
    return s.sort_values()


def _reversed(s: pd.Series) -> pd.Series:
    return s.iloc[::-1]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (_same, _by_rate),  # the second sorted: was "default labels ... to_numpy"
        (_reversed, _same),
        (_by_rate, _by_rate),  # two ranking views
        (_by_rate, _reversed),
    ],
)
def test_parts_in_any_order_are_told_to_index_the_frame_first(
    first: Part, second: Part
) -> None:
    df = pd.read_csv(io.StringIO(_CSV))
    before = first(df[df.year == 2022].poverty_rate_pct)
    after = second(df[df.year == 2023].poverty_rate_pct)
    with pytest.raises(ValueError, match="row numbers") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "(0..2 in `before`, 3..5 in `after`)" in msg
    assert "two parts of one frame" in msg
    assert "default labels" not in msg
    assert "pass `before.to_numpy()`" not in msg
    assert "if their values are already in one order" not in msg
    snippets = re.findall(r"`([^`]+)`", msg)
    (index,) = [s for s in snippets if s.startswith("df.set_index")]
    (align,) = [s for s in snippets if s.startswith("after.reindex")]
    env: dict[str, Any] = {"pd": pd}
    # Followed: the key column of this file is region_code.
    d = eval(index.replace("'key'", "'region_code'"), env, {"df": df})
    before = first(d[d.year == 2022].poverty_rate_pct)
    after = eval(
        align,
        env,
        {"after": second(d[d.year == 2023].poverty_rate_pct), "before": before},
    )
    assert not after.isna().any()
    got = pd.Series(np.asarray(rate_change(before, after, unit="percent").points))
    got.index = before.index
    # By hand, 2023 - 2022: 3501 13.5 - 13.8 = -0.3; 3502 9.5 - 9.6 = -0.1;
    # 3573 4.2 - 4.3 = -0.1.
    want = pd.Series({3501: -0.3, 3502: -0.1, 3573: -0.1})
    np.testing.assert_allclose(got[want.index], want, atol=1e-12)
