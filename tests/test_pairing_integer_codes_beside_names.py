"""Integer area codes beside names are called codes, not row numbers.

A file's codes read back as numbers (3501..3579) beside labels by name:
the message says they are area codes, converts them to text and gives the
names-to-codes mapping; followed, it pairs each region with itself. Kota
Batu (3579), March 2022 3.79 %, March 2023 3.31 % (BPS): a change of
3.31 - 3.79 = -0.48 points.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

import povstat
from povstat.datasets import load_indonesia


def test_integer_codes_beside_names_followed() -> None:
    df = load_indonesia()
    m = df[(df.month == 3) & (df.area == "total") & df.region_code.str.match(r"35\d\d")]
    before = m[m.year == 2022].set_index("region_name")["poverty_rate_pct"]
    after = m[m.year == 2023].set_index("region_code")["poverty_rate_pct"]
    after.index = after.index.astype(int)  # codes as read_csv returns them
    with pytest.raises(ValueError, match="area codes read as integers") as err:
        povstat.rate_change(before, after, unit="percent")
    message = str(err.value)
    assert "row numbers (" not in message
    rest = message.split("povstat's array functions")[1]
    steps = [c for c in re.findall(r"`([^`]+)`", rest) if "(" in c]
    ns: dict[str, object] = {"before": before, "after": after, "povstat": povstat}
    exec(steps[0], ns)  # after = after.set_axis(after.index.astype(str))
    exec(steps[1], ns)  # R = povstat.datasets.indonesia_regions()
    renamed = eval(steps[2], ns)
    converted = ns["after"]
    assert isinstance(converted, pd.Series)
    assert isinstance(renamed, pd.Series)
    out = povstat.rate_change(renamed, converted, unit="percent")
    change = pd.Series(out.points, index=converted.index)
    assert change["3579"] == pytest.approx(-0.48)
