"""A period column holding datetime.date and Timestamps together: the message says so.

pandas keeps such a column (one frame read with dates concatenated with
one read with datetimes) as objects; the refusal names the two kinds and
the conversion, which, followed, reads them. Jawa Timur's rate, March
2021 11.40 %, March 2022 10.38 % (BPS): a change of 10.38 - 11.40 = -1.02
points in one year.
"""

from __future__ import annotations

import datetime
import functools
import re

import pandas as pd
import pytest

import povstat


@pytest.mark.parametrize("adapter", ["with_changes", "with_change_from_base"])
def test_dates_of_two_kinds(adapter: str) -> None:
    df = pd.DataFrame(
        {
            "region_code": ["35", "35"],
            "period": [pd.Timestamp("2021-03-01"), datetime.date(2022, 3, 1)],
            "poverty_rate_pct": [11.40, 10.38],
        }
    )
    extra = {"base": pd.Timestamp("2021-03-01")} if adapter != "with_changes" else {}
    run = functools.partial(getattr(povstat, adapter), **extra)
    with pytest.raises(TypeError, match="every value is a date, of 2 kinds") as err:
        run(df, unit="percent")
    found = re.search(r"convert them to one kind, (df\[.*?\] = .*)$", str(err.value))
    assert found is not None
    exec(found.group(1), {"pandas": pd, "df": df})
    out = run(df, unit="percent")
    assert out.change_points.iloc[1] == pytest.approx(-1.02)
