"""Dotted codes read back as floats, with the country's 0.0, beside plain codes.

A CSV of dotted codes "00", "35", "35.73" read by pandas gives 0.0, 35.0
and 35.73; beside text codes "3573", "00", "35" (or integers 3573, 0, 35)
they are the same three areas. The advice takes the dot out and keeps the
country as "00" (0); followed, it pairs the areas. Rates (percent), BPS:
Indonesia March 2022 9.54, March 2023 9.36; Jawa Timur 10.38, 10.35; Kota
Malang 4.37, 4.26. Changes: -0.18, -0.03, -0.11 points.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

from povstat import rate_change

_BEFORE = pd.Series([9.54, 10.38, 4.37], index=[0.0, 35.0, 35.73])


@pytest.mark.parametrize(
    "index", [["3573", "00", "35"], [3573, 0, 35]], ids=["text", "int"]
)
def test_the_country_is_kept_by_the_dotted_float_advice(index: list[Any]) -> None:
    after = pd.Series([4.26, 9.36, 10.35], index=index)
    with pytest.raises(ValueError, match="written with a dot") as err:
        rate_change(_BEFORE, after, unit="percent")
    found = re.search(r"`(before\.set_axis\(.*?)`", str(err.value))
    assert found is not None
    before = eval(found.group(1), {"before": _BEFORE, "after": after})
    assert before.tolist() == [4.37, 9.54, 10.38]
    change = rate_change(before, after, unit="percent")
    assert change.points.tolist() == pytest.approx([-0.11, -0.18, -0.03])
