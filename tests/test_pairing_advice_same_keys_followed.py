"""Advice that works when followed: keys of two kinds, parts of one frame, text years.

Each piece of advice is taken from the message as written (the code
between backticks) and run, and the values it then gives are checked
against values worked by hand:

* the same keys held as two kinds (codes 3501 beside "3501", years 2021
  beside "2021" or 2021.0), the commonest mismatch of a file read back, are
  said to be so, not "row numbers", and one side's labels are converted;
* two parts of one frame read from a file (the rows of 2022, 0..2, and
  those of 2023, 3..5) are told to index the frame by its key column
  before taking the parts, not ``.to_numpy()``;
* a period column of years written as text is told ``pandas.to_numeric``,
  and one of months written as text ("2021-03") the format of its values;
* a bare name in ``groups=`` ("Malang", "Batu") is told the names the
  column writes it with.
"""

from __future__ import annotations

import io
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

import povstat as P
from povstat import rate_change, rate_to_headcount
from povstat.datasets import load_indonesia


def _advice(msg: str, start: str) -> list[str]:
    """The code snippets of `msg` (between backticks) beginning with `start`."""
    return [s for s in re.findall(r"`([^`]+)`", msg) if s.startswith(start)]


def _follow(snippet: str, **names: Any) -> Any:
    """Run the advice `snippet` with the objects it names."""
    return eval(snippet, {"pandas": pd, "pd": pd}, names)


# Rates (%) of three regions in 2022 and 2023.
# By hand, 2023 - 2022: 3501 12 - 10 = 2; 3502 9 - 11 = -2; 3571 6 - 5 = 1.
BEFORE = [10.0, 11.0, 5.0]
AFTER = [12.0, 9.0, 6.0]
CHANGE = [2.0, -2.0, 1.0]


@pytest.mark.parametrize(
    ("before_labels", "after_labels", "after_values", "expected"),
    [
        # Text codes (a pivot) beside integer codes (a file read back).
        (
            ["3501", "3502", "3571"],
            [3501, 3502, 3571],
            AFTER,
            "after.set_axis(after.index.astype(str))",
        ),
        # The same, the file in another order: 3571, 3501, 3502.
        (
            ["3501", "3502", "3571"],
            [3571, 3501, 3502],
            [6.0, 12.0, 9.0],
            "after.set_axis(after.index.astype(str)).reindex(before.index)",
        ),
        # Integer years beside years as text.
        (
            [2021, 2022, 2023],
            ["2021", "2022", "2023"],
            AFTER,
            "after.set_axis(after.index.astype(int))",
        ),
        # Years as floats (a column with a missing value) beside text.
        (
            ["2021", "2022", "2023"],
            [2023.0, 2021.0, 2022.0],
            [6.0, 12.0, 9.0],
            "after.set_axis(after.index.astype(int).astype(str)).reindex(before.index)",
        ),
    ],
)
def test_the_same_keys_of_two_kinds_are_converted(
    before_labels: list[Any],
    after_labels: list[Any],
    after_values: list[float],
    expected: str,
) -> None:
    before = pd.Series(BEFORE, index=before_labels)
    after = pd.Series(after_values, index=after_labels)
    with pytest.raises(ValueError, match="the same keys as two kinds") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "row numbers" not in msg
    assert "without index_col" not in msg
    (how,) = _advice(msg, "after.set_axis")
    assert how == expected
    fixed = _follow(how, after=after, before=before)
    got = rate_change(before, fixed, unit="percent").points
    np.testing.assert_allclose(got, CHANGE, atol=1e-12)


def test_keys_of_two_kinds_that_also_differ_are_told_what_remains() -> None:
    before = pd.Series(BEFORE, index=["3501", "3502", "3571"])
    after = pd.Series([12.0, 9.0, 7.0], index=[3501, 3502, 3573])
    with pytest.raises(ValueError, match="hold keys as two kinds") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "still differ: '3571' in `before` only" in msg
    assert "'3573' in `after` only" in msg  # once converted
    (how,) = _advice(msg, "after.set_axis")
    fixed = _follow(how, after=after)
    common = before.index.intersection(fixed.index)
    got = rate_change(before[common], fixed[common], unit="percent").points
    # 3501 12 - 10 = 2; 3502 9 - 11 = -2.
    np.testing.assert_allclose(got, [2.0, -2.0], atol=1e-12)


def test_a_wide_file_read_with_index_col_is_converted_axis_by_axis() -> None:
    # Rates pivoted from the bundled data: text codes x integer years.
    rate = pd.DataFrame(
        {2022: [10.0, 20.0], 2023: [11.0, 21.0]},
        index=pd.Index(["3501", "3502"], name="region_code"),
    )
    # Populations (thousands) from a wide CSV file read with index_col=0:
    # integer codes x years as text, 3502 first.
    text = "region_code,2022,2023\n3502,200,210\n3501,100,110\n"
    population = pd.read_csv(io.StringIO(text), index_col=0)
    with pytest.raises(ValueError, match="the same keys as two kinds") as err:
        rate_to_headcount(rate, population, unit="percent")
    msg = str(err.value)
    assert "row numbers" not in msg
    assert "dtype={'region_code': str}" in msg
    (how,) = _advice(msg, "population.set_axis")
    assert how == (
        "population.set_axis(population.index.astype(str)).reindex(rate.index)"
    )
    population = _follow(how, population=population, rate=rate)
    with pytest.raises(ValueError, match="the same keys as two kinds") as err:
        rate_to_headcount(rate, population, unit="percent")
    (how,) = _advice(str(err.value), "population.set_axis")
    assert how == "population.set_axis(population.columns.astype(int), axis=1)"
    population = _follow(how, population=population)
    # By hand: 10 % of 100 = 10, 11 % of 110 = 12.1; 20 % of 200 = 40,
    # 21 % of 210 = 44.1.
    np.testing.assert_allclose(
        rate_to_headcount(rate, population, unit="percent"),
        [[10.0, 12.1], [40.0, 44.1]],
        rtol=1e-15,
    )


# One file, 2022 in code order, 2023 appended in name order.
_CSV = """region_code,region_name,year,poverty_rate_pct
3501,Kabupaten Pacitan,2022,13.8
3502,Kabupaten Ponorogo,2022,9.6
3573,Kota Malang,2022,4.3
3573,Kota Malang,2023,4.2
3501,Kabupaten Pacitan,2023,13.5
3502,Kabupaten Ponorogo,2023,9.5
"""


def test_two_parts_of_one_frame_are_told_to_index_it_first() -> None:
    df = pd.read_csv(io.StringIO(_CSV))
    before = df[df.year == 2022].poverty_rate_pct
    after = df[df.year == 2023].poverty_rate_pct
    with pytest.raises(ValueError, match="row numbers") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "(0..2 in `before`, 3..5 in `after`)" in msg
    assert "pass `before.to_numpy()`" not in msg
    assert "default labels" not in msg
    (index,) = _advice(msg, "df.set_index")
    (align,) = _advice(msg, "after.reindex")
    assert index == "df.set_index('key')"
    # The key column of this file is region_code.
    d = _follow(index.replace("'key'", "'region_code'"), df=df)
    before = d[d.year == 2022].poverty_rate_pct
    after = _follow(align, after=d[d.year == 2023].poverty_rate_pct, before=before)
    assert not after.isna().any()
    got = rate_change(before, after, unit="percent").points
    # By hand: 3501 13.5 - 13.8 = -0.3; 3502 9.5 - 9.6 = -0.1; 3573 4.2 -
    # 4.3 = -0.1.
    np.testing.assert_allclose(got, [-0.3, -0.1, -0.1], atol=1e-12)


def test_a_filtered_column_beside_a_list_keeps_the_positions_advice() -> None:
    # Labels 8, 19, 30 (a filtered frame) beside 0, 1, 2 (built from a
    # list): not two parts of one frame.
    before = pd.Series([26.0, 37.0, 7.0], index=[8, 19, 30])
    after = pd.Series([25.0, 36.0, 8.0])
    with pytest.raises(ValueError, match=r"default labels 0\.\.2") as err:
        rate_change(before, after, unit="percent")
    assert "parts of one frame" not in str(err.value)


# One region, 2019, 2021 and 2023: rates 10, 12 and 9 percent.
YEARS = pd.DataFrame(
    {
        "region_code": ["35", "35", "35"],
        "year": ["2019", "2021", "2023"],
        "poverty_rate_pct": [10.0, 12.0, 9.0],
    }
)


def _statement(msg: str, column: str) -> str:
    """The assignment to `column` the message advises."""
    found: list[str] = re.findall(
        rf"(df\['{column}'\] = [^\s]+\(df\['{column}'\][^)]*\))", msg
    )
    (how,) = found
    return how


def test_a_text_year_column_is_told_to_numeric() -> None:
    df = YEARS.copy()
    with pytest.raises(TypeError, match="whole years written as text") as err:
        P.with_change_from_base(df, unit="percent", base=2019, period="year")
    msg = str(err.value)
    assert "%Y-%m-%d" not in msg
    how = _statement(msg, "year")
    assert how == "df['year'] = pandas.to_numeric(df['year'])"
    exec(how, {"pandas": pd}, {"df": df})
    out = P.with_change_from_base(df, unit="percent", base=2019, period="year")
    # From 2019: 0, 12 - 10 = 2, 9 - 10 = -1 points; 0, 2 and 4 years.
    np.testing.assert_array_equal(out["change_points"].to_numpy(), [0.0, 2.0, -1.0])
    np.testing.assert_array_equal(out["elapsed_years"].to_numpy(), [0.0, 2.0, 4.0])


def test_a_text_month_column_is_told_its_format() -> None:
    df = YEARS.assign(period=["2019-03", "2019-09", "2020-03"]).drop(columns="year")
    with pytest.raises(TypeError, match="dates written as text") as err:
        P.with_changes(df, unit="percent")
    msg = str(err.value)
    assert "'2019-03'" in msg
    how = _statement(msg, "period")
    assert how == "df['period'] = pandas.to_datetime(df['period'], format='%Y-%m')"
    exec(how, {"pandas": pd}, {"df": df})
    out = P.with_changes(df, unit="percent")
    # March to September 2019: 12 - 10 = 2; September 2019 to March 2020:
    # 9 - 12 = -3.
    np.testing.assert_array_equal(out["change_points"].to_numpy()[1:], [2.0, -3.0])


@pytest.fixture(scope="module")
def march_2023() -> pd.DataFrame:
    df = load_indonesia()
    return df[(df.area == "total") & (df.year == 2023) & (df.month == 3)]


@pytest.mark.parametrize(
    ("names", "bare", "told"),
    [
        (
            ["Malang", "Kota Malang", "Kota Batu"],
            "Malang",
            ["Kabupaten Malang", "Kota Malang"],
        ),
        (["Kabupaten Malang", "Kota Malang", "Batu"], "Batu", ["Kota Batu"]),
    ],
)
def test_a_bare_name_in_groups_is_told_the_names_it_may_be(
    march_2023: pd.DataFrame, names: list[str], bare: str, told: list[str]
) -> None:
    with pytest.raises(ValueError, match="not in the frame's region column") as err:
        P.aggregate_regions(
            march_2023, unit="percent", groups={"MR": names}, region="region_name"
        )
    msg = str(err.value)
    assert "3579.0" not in msg
    said = re.search(rf"'{bare}' may be (.*?) in the column", msg)
    assert said is not None
    assert re.findall(r"'([^']+)'", said.group(1)) == told
    # Followed: the bare name replaced by the name told not listed already
    # (Kota Malang is, so "Malang" here is Kabupaten Malang).
    pick = next(t for t in told if t not in names)
    fixed = [pick if n == bare else n for n in names]
    out = P.aggregate_regions(
        march_2023, unit="percent", groups={"MR": fixed}, region="region_name"
    )
    # Malang Raya's poor, 2023 (thousands): Kabupaten Malang 239.62, Kota
    # Malang 37.78, Kota Batu 18.84 (BPS): 296.24.
    assert float(out["pooled_headcount"].iloc[0]) == pytest.approx(
        239.62 + 37.78 + 18.84, abs=1e-9
    )


@pytest.mark.parametrize(
    ("stamps", "values", "expected"),
    [
        (
            ["2021-01-01", "2022-01-01", "2023-01-01"],
            AFTER,
            "after.set_axis(after.index.year)",
        ),
        (
            ["2023-01-01", "2021-01-01", "2022-01-01"],
            [6.0, 12.0, 9.0],
            "after.set_axis(after.index.year).reindex(before.index)",
        ),
    ],
)
def test_years_beside_new_year_timestamps_are_given_their_years(
    stamps: list[str], values: list[float], expected: str
) -> None:
    before = pd.Series(BEFORE, index=[2021, 2022, 2023])
    after = pd.Series(values, index=pd.to_datetime(stamps))
    with pytest.raises(ValueError, match="different kinds") as err:
        rate_change(before, after, unit="percent")
    msg = str(err.value)
    assert "row numbers" not in msg
    (how,) = _advice(msg, "after.set_axis")
    assert how == expected
    got = rate_change(before, _follow(how, after=after, before=before), unit="percent")
    np.testing.assert_allclose(got.points, CHANGE, atol=1e-12)


def test_years_beside_months_are_not_called_row_numbers() -> None:
    before = pd.Series(BEFORE, index=[2021, 2022, 2023])
    after = pd.Series(AFTER, index=pd.period_range("2021-01", periods=3, freq="M"))
    with pytest.raises(ValueError, match="integers and `after` periods") as err:
        rate_change(before, after, unit="percent")
    assert "row numbers" not in str(err.value)
