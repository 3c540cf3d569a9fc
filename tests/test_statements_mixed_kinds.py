"""check_statements: key columns of `data` of mixed kinds, `by` slips, empty
statement keys, periods `data` lacks, pandas Periods, duplicate keys."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from povstat.datasets import load_indonesia
from povstat.statements import HOLDS, check_statements
from statement_frames import IGNORE_READING_WARNING, KW

# BPS, March 2023: four cities of East Java (Kota Blitar 7.26 % is the
# highest of the four, Kota Batu 3.31 % the lowest).
DATA = pd.DataFrame(
    {
        "region": ["Kota Batu", "Kota Malang", "Kota Kediri", "Kota Blitar"],
        "prov": ["35", "35", "35", "35"],
        "year": 2023,
        "rate": [3.31, 4.26, 7.23, 7.26],
        "poor": [7.1, 37.78, 21.03, 11.1],
    }
)
BLITAR = pd.DataFrame(
    [
        {
            "kind": "rank",
            "region": "Kota Blitar",
            "period": 2023,
            "stated_rank": 1,
            "descending": True,
            "of": 4,
        }
    ]
)

#: Small frames of made-up rates whose figures need different decimals:
#: the warning on the rate column's decimals is not what these tests check.
pytestmark = IGNORE_READING_WARNING


def test_by_of_two_kinds_is_refused_not_split() -> None:
    # "35" beside 35: the adapters' one-kind TypeError, naming `by`; with
    # one kind the four cities are one group and Blitar is 1 of 4.
    assert check_statements(BLITAR, DATA, **KW, by="prov")["verdict"][0] == HOLDS
    mixed = DATA.assign(prov=pd.Series(["35", "35", 35, 35], dtype=object))
    with pytest.raises(
        TypeError,
        match=r"key column 'prov' \(argument `by`\) must hold labels of one kind.*"
        r"\['int', 'str'\]",
    ):
        check_statements(BLITAR, mixed, **KW, by="prov")


def test_period_of_two_kinds_is_refused() -> None:
    mixed = DATA.assign(year=pd.Series([2023, 2023, "2023", 2023], dtype=object))
    with pytest.raises(
        TypeError,
        match=r"key column 'year' \(argument `period`\) must hold labels of one kind",
    ):
        check_statements(BLITAR, mixed, **KW)


def test_region_of_two_kinds_is_refused() -> None:
    mixed = DATA.assign(region=pd.Series(["3579", "3573", 3571, 3572], dtype=object))
    st = BLITAR.assign(region="3573", stated_rank=3)
    with pytest.raises(
        TypeError,
        match=r"key column 'region' \(argument `region`\) must hold labels of one",
    ):
        check_statements(st, mixed, **KW)


@pytest.mark.parametrize("by", ["region", "rate", ["prov", "region"]])
def test_by_naming_the_region_or_rate_column_is_refused(by: Any) -> None:
    name = by if isinstance(by, str) else "region"
    with pytest.raises(ValueError, match=rf"`by` names '{name}'.*1 of 1"):
        check_statements(BLITAR, DATA, **KW, by=by)


@pytest.mark.parametrize("by", [["prov"], ("prov",), ["prov", "year"]])
def test_by_as_a_list_as_with_ranks_takes_it(by: Any) -> None:
    # One group of four (the period is always a key): Blitar 1 of 4.
    out = check_statements(BLITAR, DATA, **KW, by=by)
    assert out["verdict"].tolist() == [HOLDS]
    assert "ranks 1 of 4" in out["reason"][0]


def test_by_of_two_columns_besides_the_period_is_refused() -> None:
    with pytest.raises(TypeError, match=r"`by` of check_statements must name one"):
        check_statements(BLITAR, DATA.assign(g="x"), **KW, by=["prov", "g"])


@pytest.mark.parametrize("col", ["region", "period"])
def test_an_empty_key_cell_is_named_as_missing(col: str) -> None:
    st = BLITAR.assign(**{col: None}).set_axis(["bad"])
    with pytest.raises(
        ValueError,
        match=rf"`statements` column '{col}' is missing in row 'bad' \(kind 'rank'\)",
    ):
        check_statements(st, DATA, **KW)


def test_a_period_with_no_rows_names_the_nearest() -> None:
    # BPS published no September 2023 round: the provinces have rows at
    # March 2023 and March 2024 around it.
    df = load_indonesia()
    p = df[(df.area == "total") & (df.region_type == "provinsi")]
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Jawa Timur",
                "period": pd.Timestamp("2023-09-01"),
                "stated_rank": 1,
                "descending": True,
            }
        ]
    )
    with pytest.raises(
        ValueError,
        match=r"`data` has no rows at 2023-09-01 \(nearest periods: 2023-03-01, "
        r"2024-03-01\)",
    ):
        check_statements(
            st, p, unit="percent", persons_per_poor_unit=1000, region="region_name"
        )


@pytest.mark.parametrize("third", ["C", "D"])
@pytest.mark.parametrize(
    ("freq", "at"), [("Y", ["2022", "2023"]), ("M", ["2022-03", "2023-03"])]
)
def test_rank_rows_on_pandas_periods(freq: str, at: list[str], third: str) -> None:
    # B (4.0) is second lowest of A 3.5, B 4.0 and C or D 5.5 at the later
    # period; with D, C has a row only at the earlier one (named, not
    # ranked).
    d = pd.DataFrame(
        {
            "region": ["A", "B", "C", "A", "B", third],
            "year": pd.PeriodIndex([at[0]] * 3 + [at[1]] * 3, freq=freq),
            "rate": [3.31, 4.26, 5.0, 3.5, 4.0, 5.5],
            "poor": [1.0, 2.0, 3.0, 1, 2, 3],
        }
    )
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "B",
                "period": pd.Period(at[1], freq=freq),
                "stated_rank": 2,
                "descending": False,
            }
        ]
    )
    out = check_statements(st, d, **KW)
    assert out["verdict"].tolist() == [HOLDS]
    assert "ranks 2 of 3" in out["reason"][0]
    assert ("C (rows only before it)" in out["reason"][0]) == (third == "D")


def test_duplicate_keys_get_the_adapters_advice() -> None:
    # Urban, rural and total rows of each province and year: the `area`
    # column is named, with the fix.
    df = load_indonesia()
    pa = df[(df.region_type == "provinsi") & (df.month == 3)]
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Jawa Timur",
                "period": 2023,
                "stated_rank": 10,
                "descending": True,
            }
        ]
    )
    with pytest.raises(
        ValueError,
        match=r"duplicate \(region_name, year\) keys.*differ in the 'area' column "
        r"\('rural', 'total', 'urban'\).*keep one area first",
    ):
        check_statements(
            st,
            pa,
            unit="percent",
            persons_per_poor_unit=1000,
            region="region_name",
            period="year",
        )


def test_a_rate_column_of_changes_points_to_check_rank_statement() -> None:
    changes = DATA.assign(rate=[-0.15, 0.2, -0.3, 0.1])
    with pytest.raises(
        ValueError, match=r"must lie in \[0, 100\].*use check_rank_statement"
    ):
        check_statements(BLITAR, changes, **KW)


@pytest.mark.parametrize("seed", [None, 0, 1, 2, 3, 4])
def test_nesting_refusal_names_the_first_group_and_its_statement_rows(
    seed: int | None,
) -> None:
    # Each province's own row in its 'province_code' group: Jawa Barat
    # ('32') at 2022 and Jawa Timur ('35') at 2023 both hold their
    # regencies. The first in label order (2022-03, '32') is named, with the
    # statement row that ranks in it (row 'bogor'), whatever the row order;
    # then the other group at fault, with its row 'malang'.
    df = load_indonesia()
    t = df[
        (df.area == "total")
        & (df.region_type != "nasional")
        & (df.month == 3)
        & df.year.isin([2022, 2023])
    ]
    if seed is not None:
        t = t.sample(frac=1, random_state=seed)
    st = pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": r,
                "period": pd.Timestamp(at),
                "stated_rank": 2,
                "descending": False,
            }
            for r, at in (("Kota Malang", "2023-03-01"), ("Kota Bogor", "2022-03-01"))
        ],
        index=["malang", "bogor"],
    )
    with pytest.raises(
        ValueError,
        match=r"^`statements` row 'bogor' \(kind 'rank'\) ranks in a group where the "
        r"'province_code' group '32' of `data` at period 2022-03-01 holds region "
        r"'Jawa Barat' together with.*; `statements` row 'malang' \(kind 'rank'\) "
        r"ranks in a group where the 'province_code' group '35' of `data` at "
        r"period 2023-03-01 holds region 'Jawa Timur' together with",
    ):
        check_statements(
            st,
            t,
            unit="percent",
            persons_per_poor_unit=1000,
            region="region_name",
            by="province_code",
        )


def _malang_at(*periods: Any) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "kind": "rank",
                "region": "Kota Malang",
                "period": p,
                "stated_rank": 2,
                "descending": False,
            }
            for p in periods
        ],
        index=[f"r{i}" for i in range(len(periods))],
    )


def _malang_periods(periods: Any) -> pd.DataFrame:
    # Kota Batu 3.31 %, Kota Malang 4.26 % (BPS, March 2023) at `periods`.
    return pd.DataFrame(
        {
            "region": ["Kota Batu", "Kota Malang"],
            "year": periods,
            "rate": [3.31, 4.26],
            "poor": [7.10, 37.78],
        }
    )


@pytest.mark.parametrize(
    ("periods", "stated", "held"),
    [
        # An int year against months or quarters names what `data` holds.
        (
            pd.PeriodIndex(["2023-03"] * 2, freq="M"),
            2023,
            r"2023-03 of type Period \(period\[M\]\)",
        ),
        (
            pd.PeriodIndex(["2023Q1"] * 2, freq="Q"),
            2023,
            r"2023Q1 of type Period \(period\[Q-DEC\]\)",
        ),
        # A date against months: a Period, not "e.g. years".
        (
            pd.PeriodIndex(["2023-03"] * 2, freq="M"),
            pd.Timestamp("2023-03-01"),
            r"2023-03 of type Period \(period\[M\]\)",
        ),
        # An int year against month text read from a CSV.
        (pd.array(["2023-03"] * 2, dtype="string"), 2023, r"'2023-03' of type str"),
    ],
)
def test_a_period_of_another_type_names_the_type_data_holds(
    periods: Any, stated: Any, held: str
) -> None:
    with pytest.raises(
        ValueError,
        match=rf"`statements` column 'period' holds .* \(of type \w+\), but `data` "
        rf"column 'year' holds {held}: write it as `data` does",
    ) as err:
        check_statements(_malang_at(stated), _malang_periods(periods), **KW)
    assert "e.g. years" not in str(err.value)


def test_blank_and_space_padded_periods_are_named_as_such() -> None:
    # Cells typed in a sheet: "" and "  " (blank), "2023 " (a trailing
    # space): each row named, with what the cell holds and what `data`
    # holds (2023, an int).
    with pytest.raises(ValueError, match=r"not in `data`") as err:
        check_statements(
            _malang_at("", "  ", "2023 "), _malang_periods([2023, 2023]), **KW
        )
    msg = str(err.value)
    assert "rows ['r0', 'r1', 'r2']" in msg
    assert "(row 'r0'): `statements` column 'period' is blank (the text '')" in msg
    assert "(row 'r1'): `statements` column 'period' is blank (the text '  ')" in msg
    assert (
        "(row 'r2'): `statements` column 'period' holds '2023 ', with spaces around "
        "'2023'; `data` column 'year' holds 2023 of type int: remove the spaces"
    ) in msg
