"""Pairing advice where labels differ in two ways at once (pairing17 H1-H7).

Every snippet a message prints is run exactly as printed, and its result is
compared with hand values from the published BPS figures of
``povstat.datasets`` (P0 in %, March rounds):

- Kabupaten Pacitan (3501) 13.80 -> 13.65 (2022 -> 2023): -0.15 points;
  Kota Malang (3573) 4.37 -> 4.26: -0.11; Kota Batu (3579) 3.79 -> 3.31:
  -0.48. For all 38 regencies and cities of Jawa Timur the expected changes
  are each region's 2023 figure minus its 2022 figure, matched by code with
  a pandas merge in the test (not through povstat).
- Jawa Timur (35) total/urban/rural 10.38/7.71/13.69 -> 10.35/7.50/13.98,
  Banten (36) 6.16/5.73/7.46 -> 6.17/6.00/6.79: by hand -0.03, -0.21, 0.29,
  0.01, 0.27, -0.67.
- Gorontalo (75) 15.42 -> 15.15 (-0.27); Kabupaten Gorontalo (7501) 17.71 ->
  17.48 (-0.23), Boalemo (7502) 18.74 -> 18.38 (-0.36), Bone Bolango (7503)
  16.05 -> 15.51 (-0.54), Pohuwato (7504) 17.87 -> 17.64 (-0.23), Gorontalo
  Utara (7505) 17.24 -> 17.03 (-0.21), Kota Gorontalo (7571) 5.73 -> 5.64
  (-0.09).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pytest

import povstat
from povstat import rank, rate_change, rate_to_headcount
from povstat.datasets import indonesia_regions, load_east_java, load_indonesia
from povstat.statements import check_change_statement, check_rank_statement

MI = pd.MultiIndex.from_tuples
NO_OFFER = "if their values are already in one order"


def _refusal(func: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(ValueError, match="pair values by position") as info:
        func(*args, **kwargs)
    return str(info.value)


def _follow(msg: str, **frames: Any) -> dict[str, Any]:
    """Run each `name = ...` statement the message prints, in order."""
    scope: dict[str, Any] = {"povstat": povstat, "pandas": pd, **frames}
    for code in re.findall(r"`([A-Za-z_]\w* = [^`]+)`", msg):
        exec(code, scope)
    return scope


def _snippet(msg: str, part: str) -> str:
    (code,) = [str(s) for s in re.findall(r"`([^`]+)`", msg) if part in s]
    return code


def _eval(code: str, **names: Any) -> Any:
    return eval(code, {"povstat": povstat, "pandas": pd}, names)


@pytest.fixture(scope="module")
def east_java() -> pd.DataFrame:
    df = load_east_java()
    return df[(df.month == 3) & df.region_type.isin(["kabupaten", "kota"])]


@pytest.fixture(scope="module")
def by_code(east_java: pd.DataFrame) -> pd.Series:
    """2023 minus 2022 by region code, matched by a merge (the hand values)."""
    y22 = east_java[east_java.year == 2022][["region_code", "poverty_rate_pct"]]
    y23 = east_java[east_java.year == 2023][["region_code", "poverty_rate_pct"]]
    m = y22.merge(y23, on="region_code", suffixes=("_22", "_23"))
    return (m.poverty_rate_pct_23 - m.poverty_rate_pct_22).set_axis(m.region_code)


def _check_east_java(points: Any, codes: Any, by_code: pd.Series) -> None:
    got = pd.Series(np.asarray(points), index=list(codes))
    assert len(got) == 38
    np.testing.assert_allclose(got, by_code.reindex(got.index), atol=1e-9)
    # By hand: Pacitan -0.15, Kota Malang -0.11, Kota Batu -0.48.
    np.testing.assert_allclose(got[["3501", "3573", "3579"]], [-0.15, -0.11, -0.48])


# H1: two differences at once in a MultiIndex ---------------------------------


def _sides(east_java: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    b22 = east_java[east_java.year == 2022].sort_values("region_name")
    a23 = east_java[east_java.year == 2023].sort_values("region_code")
    return b22, a23


@pytest.mark.parametrize(
    "after_of",
    [
        # codes and another year: a BPS file beside an alphabetical pivot
        lambda a: a.set_index(["region_code", "year"]).poverty_rate_pct,
        # levels swapped and another year
        lambda a: a.set_index(["year", "region_name"]).poverty_rate_pct,
        # text codes alone beside (name, year)
        lambda a: a.set_index("region_code").poverty_rate_pct,
        # capitals and another year
        lambda a: a.set_index([a.region_name.str.upper(), a.year]).poverty_rate_pct,
    ],
    ids=["codes-year", "swapped-year", "flat-codes", "capitals-year"],
)
def test_two_differences_give_a_recipe_that_pairs(
    east_java: pd.DataFrame, by_code: pd.Series, after_of: Any
) -> None:
    b22, a23 = _sides(east_java)
    before = b22.set_index(["region_name", "year"]).poverty_rate_pct
    after = after_of(a23)
    msg = _refusal(rate_change, before, after, unit="percent")
    assert NO_OFFER not in msg
    assert "not .to_numpy()" in msg
    scope = _follow(msg, before=before, after=after)
    got = rate_change(scope["before"], scope["after"], unit="percent")
    # The followed labels are codes where the regions were read, else names.
    labels = scope["before"].index
    codes = (
        labels
        if str(labels[0]).isdigit()
        else labels.map(dict(zip(b22.region_name, b22.region_code, strict=True)))
    )
    _check_east_java(got.points, codes, by_code)
    # The statement "fell 0.11 points" holds for Kota Malang once followed.
    res = check_change_statement(
        scope["before"],
        scope["after"],
        np.full(38, 0.11),
        direction="fall",
        stated_as="points",
        unit="percent",
        decimals=2,
    )
    assert res.verdict[list(codes).index("3573")] == "holds"


def test_bare_bps_names_and_another_year(east_java: pd.DataFrame) -> None:
    r = indonesia_regions()
    bps = dict(zip(r.region_code, r.bps_names, strict=True))
    b22, a23 = _sides(east_java)
    before = b22.set_index(["region_name", "year"]).poverty_rate_pct
    after = a23.set_index([a23.region_code.map(bps), a23.year]).poverty_rate_pct
    # All 38: a bare "Malang" (Kabupaten or Kota Malang) is read by no rule,
    # so no recipe; the levels are said, and .to_numpy() is not offered.
    msg = _refusal(rate_change, before, after, unit="percent")
    assert NO_OFFER not in msg
    assert "level 1 holds 2022 in `before` and 2023 in `after`" in msg
    assert "not .to_numpy()" in msg
    # Three regions of one name each: Pacitan 13.80 -> 13.65, Kota Batu
    # 3.79 -> 3.31, Ponorogo 9.32 -> 9.53 (BPS): -0.15, -0.48, 0.21.
    three = ["3501", "3502", "3579"]
    b3 = b22[b22.region_code.isin(three)]
    a3 = a23[a23.region_code.isin(three)].sort_values("region_code", ascending=False)
    before = b3.set_index(["region_name", "year"]).poverty_rate_pct
    after = a3.set_index([a3.region_code.map(bps), a3.year]).poverty_rate_pct
    msg = _refusal(rate_change, before, after, unit="percent")
    assert NO_OFFER not in msg
    scope = _follow(msg, before=before, after=after)
    got = rate_change(scope["before"], scope["after"], unit="percent")
    assert list(scope["before"].index) == ["3501", "3502", "3579"]
    np.testing.assert_allclose(got.points, [-0.15, 0.21, -0.48], atol=1e-9)


def test_int_codes_beside_dotted_codes_and_another_year(
    east_java: pd.DataFrame, by_code: pd.Series
) -> None:
    b22, a23 = _sides(east_java)
    before = b22.set_index([b22.region_code.astype(int), b22.year]).poverty_rate_pct
    dotted = a23.region_code.str[:2] + "." + a23.region_code.str[2:]
    after = a23.set_index([dotted, a23.year]).poverty_rate_pct
    msg = _refusal(rate_change, before, after, unit="percent")
    assert NO_OFFER not in msg
    scope = _follow(msg, before=before, after=after)
    got = rate_change(scope["before"], scope["after"], unit="percent")
    _check_east_java(got.points, scope["before"].index, by_code)


def test_rank_by_with_codes_and_a_year(east_java: pd.DataFrame) -> None:
    b22, a23 = _sides(east_java)
    values = b22.set_index("region_name").poverty_rate_pct
    by = a23.set_index(["region_code", "year"]).region_type
    msg = _refusal(rank, values, descending=True, by=by)
    assert NO_OFFER not in msg
    scope = _follow(msg, values=values, by=by)
    # Followed, `by` holds each region's own type: the 9 cities are those
    # whose code is 3571..3579 (BPS numbers cities from 71).
    kota = [
        c
        for c, t in zip(scope["values"].index, scope["by"], strict=True)
        if t == "kota"
    ]
    assert sorted(kota) == [f"35{n}" for n in range(71, 80)]
    rank(scope["values"], descending=True, by=scope["by"])


def test_frame_rows_by_name_beside_a_code_year_population(
    east_java: pd.DataFrame,
) -> None:
    _, a23 = _sides(east_java)
    rate = east_java.pivot_table(
        index="region_name", columns="year", values="poverty_rate_pct"
    )[[2021, 2022, 2023]]
    population = a23.set_index(["region_code", "year"]).poor_thousands * 10
    msg = _refusal(rate_to_headcount, rate, population, unit="percent")
    assert NO_OFFER not in msg
    code = _snippet(msg, "[:, None]")
    column = _eval(code, rate=rate, population=population, R=indonesia_regions())
    got = rate_to_headcount(rate, column, unit="percent")
    # By hand: Kota Malang's row is 4.62, 4.37, 4.26 % of 377.8 (ten times
    # its 37.78 thousand poor in 2023): 17.45436, 16.50986, 16.09428.
    row = list(rate.index).index("Kota Malang")
    np.testing.assert_allclose(got[row], [17.45436, 16.50986, 16.09428], rtol=1e-12)
    assert not np.isnan(got).any()


def test_multiindex_without_a_recipe_offers_no_to_numpy() -> None:
    before = pd.Series([1.0, 2.0], index=MI([("a", 2022), ("b", 2022)]))
    after = pd.Series([1.5, 2.5], index=MI([("c", 2023), ("d", 2023)]))
    msg = _refusal(rate_change, before, after, unit="percent")
    assert NO_OFFER not in msg
    assert "level by level: level 0 holds 'a', 'b' in `before` and 'c', 'd'" in msg
    assert "level 1 holds 2022 in `before` and 2023 in `after`" in msg
    assert "not .to_numpy()" in msg


# H2: repeated labels -----------------------------------------------------------


@pytest.fixture(scope="module")
def provinces() -> pd.DataFrame:
    di = load_indonesia()
    return di[di.region_code.isin(["35", "36"]) & (di.month == 3)]


HAND_AREAS = [-0.03, -0.21, 0.29, 0.01, 0.27, -0.67]


@pytest.mark.parametrize("as_int", [False, True])
def test_repeated_codes_in_another_order_are_made_unique(
    provinces: pd.DataFrame, as_int: bool
) -> None:
    x = provinces
    before = x[x.year == 2022].set_index("region_code").poverty_rate_pct
    after = (
        x[x.year == 2023]
        .sort_values("region_code", ascending=False)
        .set_index("region_code")
        .poverty_rate_pct
    )
    if as_int:
        after = after.set_axis(after.index.astype(int))
    msg = _refusal(rate_change, before, after, unit="percent")
    assert NO_OFFER not in msg
    assert ".reindex(before.index)`" not in msg.split("make each label unique")[0]
    assert "not .to_numpy(): their labels repeat in another sequence" in msg
    # Followed: the frame keyed by region and area, each part aligned.
    df = x.set_index(_eval(_snippet(msg, "set_index"), df=x).index.names)
    b = df[df.year == 2022].poverty_rate_pct
    a = df[df.year == 2023].sort_index(ascending=False).poverty_rate_pct
    assert _snippet(msg, ".reindex(") == "after.reindex(before.index)"
    got = rate_change(
        b, _eval("after.reindex(before.index)", after=a, before=b), unit="percent"
    )
    np.testing.assert_allclose(got.points, HAND_AREAS, atol=1e-9)


def test_repeated_codes_of_two_kinds_in_one_sequence(provinces: pd.DataFrame) -> None:
    x = provinces
    before = x[x.year == 2022].set_index("region_code").poverty_rate_pct
    after = x[x.year == 2023].set_index("region_code").poverty_rate_pct
    after = after.set_axis(after.index.astype(int))
    msg = _refusal(rate_change, before, after, unit="percent")
    code = _snippet(msg, "set_axis")
    assert code == "after.set_axis(after.index.astype(str))"
    got = rate_change(before, _eval(code, after=after), unit="percent")
    np.testing.assert_allclose(got.points, HAND_AREAS, atol=1e-9)


# H3, H6: a pandas frame beside a polars frame ------------------------------------


@pytest.mark.parametrize(
    "columns",
    [
        lambda y: y,
        float,
        lambda y: pd.Period(str(y), "Y"),
        lambda y: pd.Timestamp(str(y)),
    ],
    ids=["int", "float", "period", "timestamp"],
)
@pytest.mark.parametrize("polars_order", [["2022", "2023"], ["2023", "2022"]])
def test_pandas_years_beside_polars_names(
    columns: Any, polars_order: list[str]
) -> None:
    rate = pd.DataFrame(
        {2022: [4.37, 10.37], 2023: [4.26, 9.91]},
        index=["Kota Malang", "Kabupaten Malang"],
    ).rename(columns=columns)
    # Poor people (thousands), 2022 and 2023: Kota Malang 38.56, 37.78;
    # Kabupaten Malang 272.91, 263.78 (BPS), in the polars frame's order.
    poor = {"2022": [38.56, 272.91], "2023": [37.78, 263.78]}
    headcount = pl.DataFrame({k: poor[k] for k in polars_order})
    msg = _refusal(povstat.implied_population, rate, headcount, unit="percent")
    assert "polars DataFrame" in msg
    code = _snippet(msg, "rate.set_axis(")
    fixed = _eval(code, rate=rate, headcount=headcount)
    got = povstat.implied_population(fixed, headcount, unit="percent")
    # By hand, population = poor / rate * 100, column by column:
    # 38.56 / 4.37 * 100 = 882.38, 37.78 / 4.26 * 100 = 886.85,
    # 272.91 / 10.37 * 100 = 2631.73, 263.78 / 9.91 * 100 = 2661.75.
    hand = {"2022": [882.38, 2631.73], "2023": [886.85, 2661.75]}
    want = np.array([hand[k] for k in polars_order]).T
    np.testing.assert_allclose(got, want, atol=0.01)


def test_polars_first_beside_pandas_int_years() -> None:
    rate = pl.DataFrame({"2022": [4.37], "2023": [4.26]})
    headcount = pd.DataFrame({2022: [38.56], 2023: [37.78]})
    msg = _refusal(povstat.implied_population, rate, headcount, unit="percent")
    code = _snippet(msg, "headcount.set_axis(")
    got = povstat.implied_population(
        rate, _eval(code, headcount=headcount), unit="percent"
    )
    # 38.56 / 4.37 * 100 = 882.38; 37.78 / 4.26 * 100 = 886.85.
    np.testing.assert_allclose(got, [[882.38, 886.85]], atol=0.01)


def test_pandas_labels_no_conversion_gives_polars_names() -> None:
    rate = pd.DataFrame({2022: [4.37], 2023: [4.26]})
    headcount = pl.DataFrame({"a": [38.56], "b": [37.78]})
    msg = _refusal(povstat.implied_population, rate, headcount, unit="percent")
    assert "set_axis(" not in msg
    assert "the labels do not show that their orders agree" in msg


# H4: a square frame beside a population Series ------------------------------------

RATE_2X2 = pd.DataFrame(
    {2022: [4.37, 9.55], 2023: [4.26, 9.45]}, index=["Kota Malang", "Kabupaten Malang"]
)
# rate x population / 100: 4.37 x 887 = 38.7619, 4.26 x 887 = 37.7862,
# 9.55 x 2660 = 254.03, 9.45 x 2660 = 251.37.
HAND_2X2 = [[38.7619, 37.7862], [254.03, 251.37]]


@pytest.mark.parametrize(
    "population",
    [
        pd.Series({3507: 2660.0, 3573: 887.0}),
        pd.Series({"3507": 2660.0, "3573": 887.0}),
        pd.Series(
            [2660.0, 887.0],
            index=MI([("Kabupaten Malang", 2023), ("Kota Malang", 2023)]),
        ),
        pd.Series([2660.0, 887.0], index=MI([("3507", 2023), ("3573", 2023)])),
    ],
    ids=["int-codes", "text-codes", "name-year", "code-year"],
)
def test_square_frame_beside_population_by_other_labels(population: pd.Series) -> None:
    msg = _refusal(rate_to_headcount, RATE_2X2, population, unit="percent")
    code = _snippet(msg, "[:, None]")
    column = _eval(code, rate=RATE_2X2, population=population, R=indonesia_regions())
    got = rate_to_headcount(RATE_2X2, column, unit="percent")
    np.testing.assert_allclose(got, HAND_2X2, rtol=1e-12)


def test_square_frame_beside_labels_of_no_region_prints_no_reindex() -> None:
    population = pd.Series({"Malang": 2660.0, "x": 887.0})
    msg = _refusal(rate_to_headcount, RATE_2X2, population, unit="percent")
    assert "population.reindex(rate.index)" not in msg
    # The one code printed for the rows: right where the values are in the
    # order of the rows, as here (Kota Malang first).
    population = pd.Series({"x": 887.0, "Malang": 2660.0})
    msg = _refusal(rate_to_headcount, RATE_2X2, population, unit="percent")
    code = _snippet(msg, "[:, None]")
    assert code == "population.to_numpy()[:, None]"
    got = rate_to_headcount(
        RATE_2X2, _eval(code, population=population), unit="percent"
    )
    np.testing.assert_allclose(got, HAND_2X2, rtol=1e-12)


# H5: check_rank_statement with a MultiIndex `values` ---------------------------------


def test_rank_statement_reindex_recipe_for_a_multiindex() -> None:
    values = pd.Series(
        [9.45, 3.31, 4.26],
        index=MI(
            [("Kabupaten Malang", 2023), ("Kota Batu", 2023), ("Kota Malang", 2023)]
        ),
    )
    labels = np.array(["Kabupaten Malang", "Kota Malang", "Kota Batu"])
    kw: dict[str, Any] = {
        "subject": "Kota Malang",
        "stated_rank": 2,
        "descending": False,
        "after": "Kota Batu",
    }
    with pytest.raises(ValueError, match="another order") as info:
        check_rank_statement(values, labels, **kw)
    code = _snippet(str(info.value), ".reindex(labels)")
    assert code == "values.droplevel(1).reindex(labels)"
    # By hand: Kota Batu 3.31 ranks 1, Kota Malang 4.26 ranks 2, after it.
    res = check_rank_statement(_eval(code, values=values, labels=labels), labels, **kw)
    assert res.verdict == "holds"


def test_rank_statement_codes_get_no_reindex_recipe() -> None:
    # Codes beside names: values.reindex(labels) would give three NaN.
    values = pd.Series([9.45, 3.31, 4.26], index=["3507", "3579", "3573"])
    labels = np.array(["Kabupaten Malang", "Kota Malang", "Kota Batu"])
    with pytest.raises(ValueError, match="another order") as info:
        check_rank_statement(
            values,
            labels,
            subject="Kota Malang",
            stated_rank=2,
            descending=False,
            after="Kota Batu",
        )
    assert "`values.reindex(labels)`" not in str(info.value)
    assert "written as `labels` writes them" in str(info.value)


# H7: "Gorontalo", the province beside "Kabupaten Gorontalo", the regency beside
# "GORONTALO" ----------------------------------------------------------------------


def test_gorontalo_named_two_ways_in_one_order() -> None:
    di = load_indonesia()
    r = indonesia_regions()
    c2b = dict(zip(r.region_code, r.bps_names, strict=True))
    g = di[
        di.region_code.str.startswith("75") & (di.area == "total") & (di.month == 3)
    ].sort_values("region_code")
    g22, g23 = g[g.year == 2022], g[g.year == 2023]
    before = g22.set_index("region_name").poverty_rate_pct
    after = g23.set_index(g23.region_code.map(c2b)).poverty_rate_pct
    msg = _refusal(rate_change, before, after, unit="percent")
    assert "may name" not in msg
    assert "their orders differ" not in msg
    assert (
        "'Gorontalo' names Gorontalo (75) in `before` and Kabupaten Gorontalo "
        "(7501) in `after`" in msg
    )
    assert "in one order: pass .to_numpy() of one" in msg
    hand = [-0.27, -0.23, -0.36, -0.54, -0.23, -0.21, -0.09]
    np.testing.assert_allclose(
        rate_change(before.to_numpy(), after.to_numpy(), unit="percent").points,
        hand,
        atol=1e-9,
    )
    scope = _follow(msg, before=before, after=after)
    got = rate_change(scope["before"], scope["after"], unit="percent")
    assert list(scope["before"].index) == [
        "75",
        "7501",
        "7502",
        "7503",
        "7504",
        "7505",
        "7571",
    ]
    np.testing.assert_allclose(got.points, hand, atol=1e-9)
