"""A bare name of both a province and a regency (Gorontalo), read from its column.

The namesakes are found from povstat's list by code: a province whose bare
name is also a regency's name. Each is tested both ways: a BPS-style table
of its regencies (bare names, the namesake being the regency) is not
refused, and the province's row beside its regencies is.
"""

from __future__ import annotations

import pandas as pd
import pytest

import povstat as P
from povstat import _regions
from povstat.datasets import indonesia_regions, load_indonesia
from povstat.statements import check_statements


def _namesakes() -> list[tuple[str, str, str]]:
    """(province code, bare name, regency code) for each namesake pair."""
    r = indonesia_regions()
    out = []
    for code, name in zip(r.region_code, r.region_name, strict=True):
        if len(code) != 2:
            continue
        for c in _regions.candidates(None, name):
            if len(c) == 4 and c[:2] == code:
                out.append((code, name, c))
    return out


NAMESAKES = _namesakes()


def test_namesakes_found() -> None:
    # Gorontalo (75) and Kabupaten Gorontalo (7501), which BPS's regency
    # tables write "Gorontalo", are one such pair.
    assert ("75", "Gorontalo", "7501") in NAMESAKES


def _regencies(province: str) -> pd.DataFrame:
    r = indonesia_regions()
    return r[(r.province_code == province) & (r.region_type != "provinsi")]


def _frame(labels: list[str]) -> pd.DataFrame:
    # Every row 10 % of 100 thousand people: 10 thousand poor each.
    return pd.DataFrame(
        {
            "g": "G",
            "period": 2023,
            "region": labels,
            "poverty_rate_pct": 10.0,
            "poor_thousands": 10.0,
        }
    )


def _bps_label(kind: str, name: str) -> str:
    # BPS's regency tables: a regency bare, a city with "Kota".
    return name.split(" ", 1)[1] if kind == "kabupaten" else name


@pytest.mark.parametrize(("province", "name", "regency"), NAMESAKES)
def test_bps_style_regency_table_not_refused(
    province: str, name: str, regency: str
) -> None:
    kk = _regencies(province)
    labels = [
        _bps_label(k, n) for k, n in zip(kk.region_type, kk.region_name, strict=True)
    ]
    assert name in labels  # the namesake regency, written bare
    out = P.aggregate_regions(_frame(labels), by="g", region="region", unit="percent")
    # 10 thousand poor a region, by hand.
    assert float(out["pooled_headcount"].iloc[0]) == 10.0 * len(labels)
    ranked = P.with_ranks(_frame(labels), descending=True, region="region")
    assert len(ranked) == len(labels)


@pytest.mark.parametrize(("province", "name", "regency"), NAMESAKES)
@pytest.mark.parametrize("style", ["full", "kab", "upper", "coded"])
def test_province_beside_its_regencies_refused(
    province: str, name: str, regency: str, style: str
) -> None:
    kk = _regencies(province)
    full = list(kk.region_name)
    if style == "full":
        labels = [name, *full]
    elif style == "kab":
        labels = [name, *(n.replace("Kabupaten ", "Kab. ") for n in full)]
    elif style == "upper":
        labels = [name.upper(), *(n.upper() for n in full)]
    else:  # "Gorontalo (75)", "Kabupaten Boalemo (7502)", ...
        labels = [f"{name} ({province})"]
        labels += [f"{n} ({c})" for n, c in zip(full, kk.region_code, strict=True)]
    with pytest.raises(ValueError, match="nested in it"):
        P.aggregate_regions(_frame(labels), by="g", region="region", unit="percent")
    with pytest.raises(ValueError, match="nested in it"):
        P.with_ranks(_frame(labels), descending=True, region="region")


@pytest.mark.parametrize(("province", "name", "regency"), NAMESAKES)
def test_province_row_above_bps_style_regencies_refused(
    province: str, name: str, regency: str
) -> None:
    # A provincial publication: the province in capitals above its
    # regencies as BPS writes them ("Gorontalo" among them the regency).
    kk = _regencies(province)
    labels = [name.upper()] + [
        _bps_label(k, n) for k, n in zip(kk.region_type, kk.region_name, strict=True)
    ]
    with pytest.raises(ValueError, match=f"{name.upper()!r} together with"):
        P.aggregate_regions(_frame(labels), by="g", region="region", unit="percent")


@pytest.mark.parametrize(("province", "name", "regency"), NAMESAKES)
def test_province_beside_one_written_regency_refused(
    province: str, name: str, regency: str
) -> None:
    # groups=: the province with one regency written with its kind.
    other = _regencies(province)
    other = other[(other.region_type == "kabupaten") & (other.region_code != regency)]
    labels = [name, other.region_name.iloc[0]]
    with pytest.raises(ValueError, match="nested in it"):
        P.aggregate_regions(
            _frame(labels), groups={"G": labels}, region="region", unit="percent"
        )


@pytest.mark.parametrize(("province", "name", "regency"), NAMESAKES)
def test_country_beside_namesake_refused(
    province: str, name: str, regency: str
) -> None:
    # Whether the province or the regency, the country holds it.
    with pytest.raises(ValueError, match="the country holds every region"):
        P.aggregate_regions(
            _frame(["Indonesia", name]), by="g", region="region", unit="percent"
        )


@pytest.mark.parametrize(("province", "name", "regency"), NAMESAKES)
def test_namesake_among_provinces_is_the_province(
    province: str, name: str, regency: str
) -> None:
    # All 38 provinces and Indonesia: every province is named nested.
    r = indonesia_regions()
    provs = list(r[r.region_type == "provinsi"].region_name)
    with pytest.raises(ValueError, match=r"and 35 more\)"):
        P.aggregate_regions(
            _frame(["Indonesia", *provs]), by="g", region="region", unit="percent"
        )


def _gorontalo_rows() -> pd.DataFrame:
    df = load_indonesia()
    return df[
        (df.area == "total")
        & (df.month == 3)
        & df.year.isin([2023, 2024])
        & (df.province_code == "75")
    ]


def test_load_indonesia_gorontalo_by_name_refused() -> None:
    g = _gorontalo_rows()
    with pytest.raises(ValueError, match="'Gorontalo' together with"):
        P.aggregate_regions(g, by="province_code", region="region_name", unit="percent")
    with pytest.raises(ValueError, match="'Gorontalo' together with"):
        P.with_ranks(g, by="year", region="region_name", descending=True)
    one = g[g.year == 2023].assign(se=0.5)
    with pytest.raises(ValueError, match="'Gorontalo' together with"):
        P.with_rank_sets(
            one,
            region="region_name",
            se="se",
            level=0.9,
            descending=True,
            seed=1,
            method="bonferroni",
            simultaneous=False,
        )


def test_check_statements_gorontalo_by_name_refused() -> None:
    g = _gorontalo_rows()
    g = g[g.year == 2023]
    st = pd.DataFrame(
        {
            "kind": ["rank"],
            "region": ["Kota Gorontalo"],
            "period": [g.period.iloc[0]],
            "stated_rank": [1],
            "descending": [False],
        }
    )
    with pytest.raises(ValueError, match="'Gorontalo' together with"):
        check_statements(
            st, g, unit="percent", persons_per_poor_unit=1000, region="region_name"
        )


@pytest.mark.parametrize("dash", ["\u2013", "\u2014"])
def test_code_after_a_dash_read(dash: str) -> None:
    # "Kota Surabaya \u2013 3578" (an en dash), as autocorrect writes
    # "name - code".
    labels = ["Jawa Timur", f"Kota Malang {dash} 3573", f"Kota Surabaya {dash} 3578"]
    with pytest.raises(ValueError, match="'Jawa Timur' together with"):
        P.aggregate_regions(_frame(labels), by="g", region="region", unit="percent")
    labels = [f"Jawa Timur {dash} 35", f"KOTA SURABAYA {dash} 3578"]
    with pytest.raises(ValueError, match="nested in it"):
        P.with_ranks(_frame(labels), descending=True, region="region")


def test_code_after_a_dash_checked_against_the_name() -> None:
    # A code that disagrees with the name leaves the label unread, as
    # read_bps_table leaves it: Kota Malang and Kota Surabaya's code are not
    # read as Kota Surabaya twice.
    labels = ["Kota Surabaya \u2013 3578", "Kota Malang \u2013 3578"]
    out = P.aggregate_regions(_frame(labels), by="g", region="region", unit="percent")
    assert float(out["pooled_headcount"].iloc[0]) == 20.0


def test_read_bps_table_reads_the_em_dash_code_too() -> None:
    from povstat.tables import trailing_codes

    got = trailing_codes(["Kota Surabaya \u2014 3578", "Kota Surabaya \u2013 35.78"])
    assert got["code"].tolist() == ["3578", "3578"]
    assert got["rest"].tolist() == ["Kota Surabaya", "Kota Surabaya"]


def test_namesake_with_a_disagreeing_code_left_unread() -> None:
    # "Gorontalo - 35": 35 is Jawa Timur's code, not Gorontalo's (75) nor
    # Kabupaten Gorontalo's (7501): the label is read as neither, as
    # read_bps_table leaves such a label unmatched, so nothing holds
    # Kabupaten Boalemo here.
    labels = ["Gorontalo \u2013 35", "Kabupaten Boalemo"]
    out = P.aggregate_regions(_frame(labels), by="g", region="region", unit="percent")
    assert float(out["pooled_headcount"].iloc[0]) == 20.0
