"""The decimals of the `rate` column in check_statements (`rate_decimals`).

BPS publishes its rates to 2 decimals. A float cannot show a trailing zero
(4.10 is 4.1), so a column is read at the most decimals any of its figures
needs (at most 10; a computed figure needing more is read as given, on its
own), with a warning where fewer than half of the figures need them;
``rate_decimals`` states them, and a figure needing more is then read on
its own (a pooled 7.876 appended to rates of 2 decimals).
"""

from __future__ import annotations

import warnings
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest

from povstat.datasets import load_east_java
from povstat.statements import HOLDS, NOT_HOLDS, UNDECIDED, check_statements

KW: dict[str, Any] = {
    "unit": "percent",
    "persons_per_poor_unit": 1000,
    "region": "region_name",
    "period": "year",
}
COLS = ["region_name", "year", "poverty_rate_pct", "poor_thousands"]


def _three_cities() -> pd.DataFrame:
    # BPS 2018: Kota Malang 4.10, Kota Probolinggo 7.20, Kota Surabaya 4.88.
    ej = load_east_java()
    d = ej[
        (ej.year == 2018)
        & ej.region_name.isin(["Kota Malang", "Kota Probolinggo", "Kota Surabaya"])
    ]
    return d[COLS].reset_index(drop=True)


def _malang_rank(*values: tuple[float, int]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Kota Malang",
                "period": 2018,
                "stated_rank": 1,
                "descending": False,
                "stated_value": v,
                "value_decimals": d,
            }
            for v, d in values
        ]
    )


def test_a_small_frame_of_figures_ending_in_0_is_read_at_2_decimals() -> None:
    # 4.1, 7.2 and 4.88 need 1, 1 and 2 decimals: the column is read at 2
    # (the most any needs), so BPS's 4.10 is exactly the stated 4.10 and
    # 4.12 is not it. Only Kota Surabaya needs 2: warned, named.
    st = _malang_rank((4.10, 2), (4.12, 2))
    with pytest.warns(
        UserWarning,
        match=r"read at 2 decimals.*only 1 of its 3 figures needs: "
        r"'Kota Surabaya' at 2018 \(4.88\).*rate_decimals=",
    ):
        out = check_statements(st, _three_cities(), **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]
    assert out["reason"][0].endswith("its value 4.10 is as stated")
    assert "published with 1 decimal" not in " ".join(out["reason"])
    # Stated, no warning: the same verdicts.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        given = check_statements(st, _three_cities(), rate_decimals=2, **KW)
    assert given["verdict"].tolist() == [HOLDS, NOT_HOLDS]


def test_change_rows_of_one_city_over_three_years() -> None:
    # BPS: Kota Blitar 7.30 (2023), 6.75 (2024), 6.60 (2025); 7.3 and 6.6
    # need 1 decimal, 6.75 needs 2: read at 2, 7.30 - 6.60 = 0.70 exactly,
    # so a fall of 0.70 points holds and 0.72 does not.
    ej = load_east_java()
    b = ej[(ej.region_name == "Kota Blitar") & ej.year.isin([2023, 2024, 2025])]
    st = pd.DataFrame(
        [
            {
                "kind": "change",
                "region": "Kota Blitar",
                "period_before": 2023,
                "period_after": 2025,
                "stated": s,
                "direction": "fall",
                "stated_as": "points",
                "decimals": 2,
            }
            for s in (0.70, 0.72)
        ]
    )
    with pytest.warns(UserWarning, match=r"'Kota Blitar' at 2024 \(6.75\)"):
        out = check_statements(st, b[COLS], **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]
    assert "from 7.30 % to 6.60 %" in out["reason"][0]
    out = check_statements(st, b[COLS], rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]


def _kab_kota_2023() -> pd.DataFrame:
    ej = load_east_java()
    k = ej[ej.region_type.isin(["kabupaten", "kota"]) & (ej.year == 2023)][COLS]
    return k.reset_index(drop=True)


def _with_malang_raya(k: pd.DataFrame, pooled: Any) -> pd.DataFrame:
    # The pooled rate of Malang Raya rounded to 3 decimals (aggregates.rst).
    extra = pd.DataFrame(
        {
            "region_name": ["Malang Raya"],
            "year": [2023],
            "poverty_rate_pct": [pooled],
            "poor_thousands": [296.24],
        }
    )
    return pd.concat([k, extra], ignore_index=True)


def _malang_2023(*values: tuple[float, int]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Kota Malang",
                "period": 2023,
                "stated_rank": 2,
                "descending": False,
                "stated_value": v,
                "value_decimals": d,
            }
            for v, d in values
        ]
    )


def test_an_appended_3_decimal_figure_with_and_without_rate_decimals() -> None:
    # BPS 2023: Kota Malang 4.26, second lowest after Kota Batu 3.31; the
    # appended Malang Raya 7.876 is the one figure needing 3 decimals.
    data = _with_malang_raya(_kab_kota_2023(), 7.876)
    st = _malang_2023((4.26, 2), (4.261, 3))
    # rate_decimals=2: 4.26 holds; 4.261 lies in [4.255, 4.265): cannot tell.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = check_statements(st, data, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [HOLDS, UNDECIDED]
    assert "published with 2 decimals" in out["reason"][1]
    # Without it: read at 3 decimals (4.26 is 4.260, not 4.261), warned.
    with pytest.warns(
        UserWarning,
        match=r"read at 3 decimals.*only 1 of its 39 figures needs: "
        r"'Malang Raya' at 2023 \(7.876\)",
    ):
        out = check_statements(st, data, **KW)
    assert out["verdict"].tolist() == [HOLDS, NOT_HOLDS]


def test_a_decimal_column_reads_each_object_at_its_places() -> None:
    # Decimal("4.10") has 2 places; one appended Decimal("7.876") has 3.
    # Kota Malang fell from 4.37 (2022) to 4.26 (2023): at 2 decimals the
    # fall lies in (0.10, 0.12), so 0.105 (3 decimals) cannot be told, nor
    # can a value 4.261; without rate_decimals the column is read at 3,
    # which only the appended figure needs: warned.
    ej = load_east_java()
    kk = ej[ej.region_type.isin(["kabupaten", "kota"]) & ej.year.isin([2022, 2023])]
    kk = kk[COLS].assign(
        poverty_rate_pct=pd.Series(
            [Decimal(f"{x:.2f}") for x in kk.poverty_rate_pct],
            index=kk.index,
            dtype=object,
        )
    )
    data = _with_malang_raya(kk, Decimal("7.876"))
    st = pd.concat(
        [
            _malang_2023((4.261, 3)),
            pd.DataFrame(
                [
                    {
                        "kind": "change",
                        "region": "Kota Malang",
                        "period_before": 2022,
                        "period_after": 2023,
                        "stated": 0.105,
                        "direction": "fall",
                        "stated_as": "points",
                        "decimals": 3,
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    out = check_statements(st, data, rate_decimals=2, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]
    with pytest.warns(UserWarning, match=r"'Malang Raya' at 2023 \(7.876\)"):
        out = check_statements(st, data, **KW)
    assert out["verdict"].tolist() == [NOT_HOLDS, NOT_HOLDS]
    # Without the appended figure: 2 places, no warning, cannot tell.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = check_statements(st, kk, **KW)
    assert out["verdict"].tolist() == [UNDECIDED, UNDECIDED]


def test_a_computed_figure_is_read_as_given_without_warning() -> None:
    # A pooled rate left unrounded (needs more than 10 decimals) is no
    # figure: the others (2 decimals) set the column's, and no warning.
    data = _with_malang_raya(_kab_kota_2023(), 7.876104702999582)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = check_statements(_malang_2023((4.261, 3)), data, **KW)
    assert out["verdict"].tolist() == [UNDECIDED]


@pytest.mark.parametrize(
    ("given", "error", "match"),
    [
        (2.0, TypeError, r"`rate_decimals` must be an int, got 2.0"),
        ("2", TypeError, r"`rate_decimals` must be an int"),
        (11, ValueError, r"`rate_decimals`"),
    ],
)
def test_rate_decimals_must_be_an_int_in_range(
    given: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        check_statements(
            _malang_rank((4.10, 2)), _three_cities(), rate_decimals=given, **KW
        )


def test_a_text_period_against_pandas_periods_is_refused() -> None:
    # BPS's two rounds as quarters: March 2023Q1, September 2023Q3. The text
    # "2023" names a year, not a round; pandas would parse it as 2023Q1.
    ej = load_east_java()
    d = ej[(ej.year == 2023) & ej.region_type.isin(["kabupaten", "kota"])]
    d = d[["region_name", "poverty_rate_pct"]]
    data = pd.concat(
        [
            d.assign(period=pd.Series(pd.Period("2023Q1", "Q"), index=d.index)),
            d.assign(period=pd.Series(pd.Period("2023Q3", "Q"), index=d.index)),
        ],
        ignore_index=True,
    )
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Kota Malang",
                "period": "2023",
                "stated_rank": 2,
                "descending": False,
            }
        ]
    )
    with pytest.raises(
        ValueError,
        match=r"row 0 column 'period' holds '2023' \(of type str\), but `data` "
        r"column 'period' holds 2023Q1 of type Period \(period\[Q-DEC\]\)",
    ):
        check_statements(
            st,
            data,
            unit="percent",
            persons_per_poor_unit=1000,
            region="region_name",
            headcount=None,
        )
