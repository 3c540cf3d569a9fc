from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from povstat import _simulate, poverty_table
from povstat.datasets import load_indonesia, simulate_survey


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    out = simulate_survey(1_000_000, year=2023, seed=7)
    assert isinstance(out, pd.DataFrame)
    return out


def _published(year: int) -> pd.DataFrame:
    nat = load_indonesia()
    rows = nat[
        (nat["year"] == year)
        & (nat["month"] == 3)
        & (nat["area"] == "total")
        & nat["region_type"].isin(["kabupaten", "kota"])
    ]
    return rows.set_index("region_code")


def test_reproduces_published_p0_and_p1_within_sampling_error(
    survey: pd.DataFrame,
) -> None:
    # BPS March 2023 P0 (percent) and P1 (x 100) of the 514 regencies and
    # cities of Indonesia (povstat.datasets.load_indonesia).
    out = poverty_table(
        survey,
        welfare="welfare",
        line="poverty_line",
        unit="percent",
        alpha=[0, 1],
        weight="weight",
        size="size",
        by="region_code",
        strata="stratum",
        psu="psu",
    )
    pub = _published(2023)
    # About 1,950 households a region. z = (estimate - published) / SE.
    for measure, column, worst in [("P0", "poverty_rate_pct", 4.5), ("P1", "p1", 6)]:
        rows = out[out["measure"] == measure].set_index("region_code")
        z = (rows["estimate"] - pub.loc[rows.index, column]) / rows["se"]
        assert len(z) == 514
        # P0: every region within 4.5 SE (probability 0.997 for 514 normal
        # z); P1's linearised SE is less reliable in regions with few poor
        # (its sampling distribution is skewed), so its bound is wider.
        assert np.abs(z).max() < worst, z.abs().sort_values().tail()
        assert 0.02 < (np.abs(z) > 1.96).mean() < 0.09  # about 5 % outside
        assert abs(z.mean()) < 0.3  # no shared bias
        assert 0.85 < z.std() < 1.2  # errors of the right size
    assert (out["deff"] > 1).mean() > 0.9  # clustering makes deff > 1


def test_weights_sum_to_implied_population_and_lines_are_published(
    survey: pd.DataFrame,
) -> None:
    pub = _published(2023)
    persons = (survey["weight"] * survey["size"]).groupby(survey["region_code"]).sum()
    implied = (
        pub.loc[persons.index, "poor_thousands"]
        * 1000
        / (pub.loc[persons.index, "poverty_rate_pct"] / 100)
    )
    np.testing.assert_allclose(persons, implied, rtol=1e-10)
    lines = survey.groupby("region_code")["poverty_line"].agg(["min", "max"])
    np.testing.assert_array_equal(
        lines["min"], pub.loc[lines.index, "poverty_line_idr"]
    )
    np.testing.assert_array_equal(lines["max"], lines["min"])
    assert survey.groupby("psu").size().eq(10).all()
    assert survey.groupby("stratum")["psu"].nunique().min() >= 2
    assert 3.6 < survey["size"].mean() < 4.0


def test_lognormal_calibration_is_exact() -> None:
    # P0 = Phi(-mu/sigma), P1 = P0 - exp(mu + sigma^2/2) Phi(-mu/sigma - sigma).
    from scipy.special import ndtr

    p0 = np.array([0.1365, 0.0426, 0.2, 0.5])
    p1 = np.array([0.0173, 0.0060, 0.05, 0.01])
    mu, sigma = _simulate.lognormal_parameters(p0, p1)
    np.testing.assert_allclose(ndtr(-mu / sigma), p0, rtol=1e-12)
    got = p0 - np.exp(mu + sigma**2 / 2) * ndtr(-mu / sigma - sigma)
    np.testing.assert_allclose(got, p1, rtol=1e-9)


def test_parquet_in_chunks_equals_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_simulate, "CHUNK_PSUS", 300)  # several chunks
    frame = simulate_survey(20_000, year=2021, seed=3)
    path = simulate_survey(20_000, year=2021, seed=3, path=tmp_path / "s.parquet")
    assert isinstance(frame, pd.DataFrame)
    assert isinstance(path, Path)
    assert path == tmp_path / "s.parquet"
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    assert pq.ParquetFile(path).metadata.num_row_groups > 1
    back = pd.read_parquet(path)
    # The same frame: values, dtypes (strings, not categoricals) and attrs.
    pd.testing.assert_frame_equal(back, frame)
    assert back.attrs == frame.attrs == {"left_out": []}


def test_parquet_keeps_the_regions_left_out(tmp_path: Path) -> None:
    # Kota Malang (3573) without its March 2023 P1: left out of the draw and
    # listed in attrs["left_out"] of the frame and, in the file's key-value
    # metadata (pandas' PANDAS_ATTRS), of the frame read back.
    import json

    import pyarrow.parquet as pq

    from povstat.datasets import load_east_java

    table = load_east_java()
    gone = (table["region_code"] == "3573") & (table["year"] == 2023)
    table.loc[gone, "p1"] = np.nan
    frame = _simulate.simulate(table, 1_000, year=2023, seed=2, path=None)
    path = _simulate.simulate(table, 1_000, year=2023, seed=2, path=tmp_path / "s.pq")
    assert isinstance(frame, pd.DataFrame)
    assert isinstance(path, Path)
    assert frame.attrs["left_out"] == ["3573"]
    assert "3573" not in set(frame["region_code"])
    meta = pq.read_schema(path).metadata
    assert json.loads(meta[b"PANDAS_ATTRS"]) == {"left_out": ["3573"]}
    back = pd.read_parquet(path)
    assert back.attrs == {"left_out": ["3573"]}
    pd.testing.assert_frame_equal(back, frame)


def test_same_seed_same_survey_and_errors() -> None:
    a = simulate_survey(1_000, year=2019, seed=5)
    b = simulate_survey(1_000, year=2019, seed=5)
    assert isinstance(a, pd.DataFrame)
    assert isinstance(b, pd.DataFrame)
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ValueError, match="n_households"):
        simulate_survey(5, year=2023, seed=1)
    with pytest.raises(TypeError, match="n_households"):
        simulate_survey(1e4, year=2023, seed=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="seed"):
        simulate_survey(1_000, year=2023, seed=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no regency"):
        simulate_survey(1_000, year=2025, seed=1)  # P1 not published for 2025
    with pytest.raises(ValueError, match=r"`seed` must be >= 0.*got -1"):
        simulate_survey(1_000, year=2023, seed=-1)
    for year in (True, 2023.0, "2023"):
        with pytest.raises(TypeError, match="`year` must be an int"):
            simulate_survey(1_000, year=year, seed=1)  # type: ignore[arg-type]
    for path in (5, b"s.parquet"):
        with pytest.raises(TypeError, match="`path` must be a str or path-like"):
            simulate_survey(1_000, year=2023, seed=1, path=path)  # type: ignore[arg-type]
    for folder in ("", "/", "/tmp/povstat-no-such-folder/"):
        with pytest.raises(ValueError, match="`path` must name a file to write"):
            simulate_survey(1_000, year=2023, seed=1, path=folder)
    with pytest.raises(ValueError, match="must not hold a NUL character"):
        simulate_survey(1_000, year=2023, seed=1, path="/tmp/a\x00b.parquet")
    with pytest.raises(ValueError, match="the folder '/nonexistent-povstat' does not"):
        simulate_survey(1_000, year=2023, seed=1, path="/nonexistent-povstat/s.parquet")


def test_calibration_reads_any_long_table() -> None:
    from povstat.datasets import load_east_java

    regions = _simulate.published_regions(load_east_java(), 2023)
    assert len(regions) == 38
    assert regions.attrs["left_out"] == []
    malang = regions.set_index("region_code").loc["3573"]
    assert malang["p0"] == pytest.approx(0.0426)  # BPS March 2023: 4.26 %
