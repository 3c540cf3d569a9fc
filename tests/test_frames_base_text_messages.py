"""The base of with_change_from_base and a text period column: messages.

* A daily pandas Period is a date in its month, read as ``date(2019, 3,
  15)`` is; a quarter spans months and stays refused.
* A time-zone-aware base beside a naive date column is told to pass the
  date (the column is not at fault).
* Text that is not YYYY-MM-DD or YYYY-MM gets the reason that fits it:
  a time or zone after the date; day and month in another order; any other
  way of writing a date.
* A period column of text (a CSV file read with the defaults) is told how
  to convert it; following the advice gives the changes.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from povstat import with_change_from_base, with_changes

# One region, March 2019, 2020 and 2021: rates 10, 12 and 9 percent.
FRAME = pd.DataFrame(
    {
        "region_code": ["35", "35", "35"],
        "period": pd.to_datetime(["2019-03-01", "2020-03-01", "2021-03-01"]),
        "poverty_rate_pct": [10.0, 12.0, 9.0],
    }
)


def test_a_daily_period_base_is_its_month() -> None:
    out = with_change_from_base(
        FRAME, unit="percent", base=pd.Period("2019-03-15", "D")
    )
    # From March 2019: 0, 2 and -1 points.
    np.testing.assert_array_equal(out["change_points"].to_numpy(), [0.0, 2.0, -1.0])
    with pytest.raises(TypeError, match="a pandas Period within one month"):
        with_change_from_base(FRAME, unit="percent", base=pd.Period("2019Q1", "Q"))


def test_an_aware_base_is_told_to_pass_its_date() -> None:
    base = pd.Timestamp("2019-03-01", tz="Asia/Jakarta")
    with pytest.raises(TypeError, match="`base` is a time-zone-aware datetime") as err:
        with_change_from_base(FRAME, unit="percent", base=base)
    msg = str(err.value)
    assert "convert the column" not in msg
    assert "base.tz_localize(None)" in msg
    out = with_change_from_base(FRAME, unit="percent", base=base.tz_localize(None))
    np.testing.assert_array_equal(out["change_points"].to_numpy(), [0.0, 2.0, -1.0])


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2019-03-01T00:00:00Z", "holds a time or a time zone after its date"),
        ("2019-03-01 00:00:00+07:00", "holds a time or a time zone after its date"),
        ("09/03/2019", "the day and month can be read either way"),
        ("2019/03/01", "only YYYY-MM-DD or YYYY-MM"),
        ("2019-3-1", "only YYYY-MM-DD or YYYY-MM"),
        ("March 2019", "only YYYY-MM-DD or YYYY-MM"),
        ("201903", "only YYYY-MM-DD or YYYY-MM"),
    ],
)
def test_base_text_gets_the_reason_that_fits(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match="`base`") as err:
        with_change_from_base(FRAME, unit="percent", base=text)
    msg = str(err.value)
    assert reason in msg
    if reason != "the day and month can be read either way":
        assert "read either way" not in msg


def test_a_text_period_column_is_told_how_to_convert_it() -> None:
    read = pd.read_csv(
        io.StringIO(FRAME.to_csv(index=False)), dtype={"region_code": str}
    )
    with pytest.raises(TypeError, match="dates written as text") as err:
        with_changes(read, unit="percent")
    how = "df['period'] = pandas.to_datetime(df['period'], format='%Y-%m-%d')"
    assert how in str(err.value)
    df = read
    df["period"] = pd.to_datetime(df["period"], format="%Y-%m-%d")
    out = with_changes(df, unit="percent")
    # 12 - 10 = 2, 9 - 12 = -3.
    np.testing.assert_array_equal(out["change_points"].to_numpy()[1:], [2.0, -3.0])


def test_a_polars_text_period_column_is_told_how_to_convert_it() -> None:
    pl = pytest.importorskip("polars")
    read = pl.read_csv(
        io.StringIO(FRAME.to_csv(index=False)),
        schema_overrides={"region_code": pl.String},
    )
    with pytest.raises(TypeError, match="dates written as text") as err:
        with_changes(read, unit="percent")
    how = "df.with_columns(pl.col('period').str.to_date('%Y-%m-%d'))"
    assert how in str(err.value)
    out = with_changes(
        read.with_columns(pl.col("period").str.to_date("%Y-%m-%d")), unit="percent"
    )
    np.testing.assert_array_equal(out["change_points"].to_numpy()[1:], [2.0, -3.0])
