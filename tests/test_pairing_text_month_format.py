"""Text months beside Timestamps: no pandas warning, and the advice gives the format.

"2015.03" (BPS's year.month) is a format pandas does not infer: building
the refusal must not warn, and the printed conversion names
``format='%Y.%m'``, so that, followed, it converts without a warning too.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

import povstat


@pytest.mark.parametrize(
    ("text", "fmt"),
    [(["2015.03", "2016.03"], "%Y.%m"), (["03/2015", "03/2016"], "%m/%Y")],
)
def test_text_months_beside_timestamps(text: list[str], fmt: str) -> None:
    rate = pd.Series([10.0, 9.0], index=text)
    headcount = pd.Series(
        [5.0, 4.0], index=pd.to_datetime(["2015-03-01", "2016-03-01"])
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="same times of two kinds") as err:
            povstat.implied_population(rate, headcount, unit="percent")
        message = str(err.value)
        assert f"format={fmt!r}" in message
        found = re.search(r"align them, `([^`]+)`", message)
        assert found is not None
        rate = eval(
            found.group(1), {"pandas": pd, "rate": rate, "headcount": headcount}
        )
    out = np.asarray(povstat.implied_population(rate, headcount, unit="percent"))
    # 5 / 0.10 = 50 and 4 / 0.09 = 44.44.
    np.testing.assert_allclose(out, [50.0, 4.0 / 0.09])
