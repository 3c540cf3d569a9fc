"""A bare name of a province and a regency (Gorontalo) is not read as the province."""

from __future__ import annotations

import pandas as pd

import povstat as P
from povstat.datasets import indonesia_regions, load_indonesia


def test_gorontalo_regencies_by_bps_names_accepted() -> None:
    # Gorontalo's six regencies and cities as BPS names them; "Gorontalo" is
    # Kabupaten Gorontalo (7501), no province row. Pooled rate by hand:
    # poor 10 + 20 + 30 + 40 + 50 + 60 = 210 thousand; each rate 10 %, so
    # the pooled rate is 10 %.
    names = ["Boalemo", "Gorontalo", "Pohuwato", "Bone Bolango",
             "Gorontalo Utara", "Kota Gorontalo"]  # fmt: skip
    df = pd.DataFrame(
        {
            "g": "G",
            "period": 2023,
            "region_name": names,
            "poverty_rate_pct": 10.0,
            "poor_thousands": [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
        }
    )
    out = P.aggregate_regions(df, by="g", region="region_name", unit="percent")
    assert float(out["pooled_headcount"].iloc[0]) == 210.0


def test_national_ranking_by_bps_names_not_refused() -> None:
    regions = indonesia_regions()
    kk = regions[regions.region_type.isin(["kabupaten", "kota"])]
    d = load_indonesia()
    m = d[(d.area == "total") & (d.year == 2023) & (d.month == 3)]
    m = m[m.region_code.isin(kk.region_code)]
    first = dict(zip(kk.region_code, kk.bps_names.str.split("|").str[0], strict=True))
    m = m.assign(label=m.region_code.map(first))
    out = P.with_ranks(m, descending=True, region="label")
    # One rank a region: as many ranks as regions.
    assert len(out) == len(m)
