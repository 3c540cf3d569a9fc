"""Kemendagri's dotted codes read back from a CSV file as floats are read as codes.

pandas reads "35", "35.01", ..., "35.79" as 35.0, 35.01, ..., 35.79: the
province 35.0 beside its regencies is refused, as the same codes as text
are.

Figures (March 2023, povstat.datasets.load_indonesia, total area): Jawa
Timur (35) 4,188.81 thousand poor; Kabupaten Pacitan (3501) 76.20,
Kabupaten Banyuwangi (3510) 119.52, Kota Batu (3579) 7.10; so a group of
both would count Kota Batu twice, 4,188.81 + 7.10 = 4,195.91.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from nesting import NESTED as _NESTED
from nesting import one_period_frame as _frame
from nesting import pool as _pool


def test_dotted_codes_read_back_as_floats() -> None:
    text = (
        "region_code,period,poor_thousands,poverty_rate_pct\n"
        "35,2023-03-01,4188.81,10.35\n"
        "35.01,2023-03-01,76.20,13.65\n"
        "35.10,2023-03-01,119.52,7.34\n"
        "35.79,2023-03-01,7.10,3.31\n"
    )
    df = pd.read_csv(io.StringIO(text), parse_dates=["period"])
    # pandas reads them as floats; "35.10" becomes 35.1 (3510, Banyuwangi).
    assert df.region_code.tolist() == [35.0, 35.01, 35.1, 35.79]
    df["prov"] = "Jawa Timur"
    with pytest.raises(ValueError, match=_NESTED + r" \(35\.01, 35\.1, 35\.79\)"):
        _pool(df, by="prov")
    with pytest.raises(ValueError, match=r"holds region 35\.0 " + _NESTED):
        _pool(df, groups={"G": [35.0, 35.79]})
    # The regencies alone are no nesting: 76.20 + 7.10 = 83.30.
    out = _pool(df, groups={"G": [35.01, 35.79]})
    assert out.pooled_headcount.iloc[0] == pytest.approx(83.30)


def test_floats_that_are_no_dotted_codes_are_not_read() -> None:
    # 12.34 is no code of the list (Sumatera Utara's regencies stop at
    # 1225): the labels are identifiers, not checked; 1 + 1 = 2.
    out = _pool(_frame([12.0, 12.34]), groups={"G": [12.0, 12.34]})
    assert out.pooled_headcount.iloc[0] == pytest.approx(2.0)
