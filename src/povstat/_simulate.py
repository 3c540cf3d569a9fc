"""A synthetic Susenas-like household survey calibrated to regional figures.

Public entry point: :func:`povstat.datasets.simulate_survey`. The calibration
reads a long table of published regional figures (one row per region and
survey round, as :func:`povstat.datasets.load_east_java` returns), so the
same code serves any bundled table of that shape.
"""

from __future__ import annotations

import itertools
import json
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import ndtr, ndtri

from povstat import _validate

if TYPE_CHECKING:
    import pandas as pd

#: Households per PSU (Susenas enumerates about ten households per block).
PSU_HOUSEHOLDS = 10
#: Share of the variance of log welfare that lies between PSUs.
ICC = 0.3
#: Mean household size is 1 + this (a Poisson count of other members).
EXTRA_MEMBERS = 2.8
#: PSUs generated (and written) per chunk: bounds the memory used.
CHUNK_PSUS = 100_000
#: Urban share of the population where the table has no urban/rural rows.
URBAN_SHARE = {"kota": 0.9, "kabupaten": 0.35}
COLUMNS = (
    "region_code",
    "region_name",
    "area",
    "stratum",
    "psu",
    "household",
    "size",
    "weight",
    "welfare",
    "poverty_line",
)


def published_regions(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The regencies and cities of `table` in March of `year`, calibrated.

    One row per region with its implied population (persons), P0 and P1
    (fractions), poverty line, urban share, and the log-normal parameters
    ``mu`` and ``sigma`` of welfare over the line that reproduce P0 and P1.
    Regions lacking one of these figures are listed in ``attrs["left_out"]``.
    """
    import pandas as pd

    rows = table[
        (table["year"] == year)
        & (table["month"] == 3)
        & table["region_type"].isin(["kabupaten", "kota"])
    ]
    by_area: pd.DataFrame | None = None
    rates: pd.DataFrame | None = None
    if "area" in rows.columns:
        by_area = rows.pivot_table(
            index="region_code", columns="area", values="poor_thousands"
        )
        rates = rows.pivot_table(
            index="region_code", columns="area", values="poverty_rate_pct"
        )
        rows = rows[rows["area"] == "total"]
    need = ["poverty_rate_pct", "p1", "poverty_line_idr", "poor_thousands"]
    usable = rows[need].notna().all(axis=1) & (rows["poverty_rate_pct"] > 0)
    left_out = rows.loc[~usable, "region_code"].astype(str).tolist()
    rows = rows[usable].sort_values("region_code")
    if rows.empty:
        msg = f"no regency or city has P0, P1, line and poor in March {year}"
        raise ValueError(msg)
    p0 = rows["poverty_rate_pct"].to_numpy(np.float64) / 100
    p1 = rows["p1"].to_numpy(np.float64) / 100
    population = rows["poor_thousands"].to_numpy(np.float64) * 1000 / p0
    urban = np.array([URBAN_SHARE.get(t, 0.5) for t in rows["region_type"].astype(str)])
    if by_area is not None and rates is not None and "urban" in by_area.columns:
        implied = by_area.div(rates / 100)
        share = (implied["urban"] / implied["total"]).reindex(rows["region_code"])
        known = share.notna().to_numpy()
        urban = np.where(known, share.to_numpy(np.float64), urban)
    urban = np.clip(urban, 0.0, 1.0)
    mu, sigma = lognormal_parameters(p0, p1)
    out = pd.DataFrame(
        {
            "region_code": rows["region_code"].astype(str).to_numpy(),
            "region_name": rows["region_name"].astype(str).to_numpy(),
            "population": population,
            "p0": p0,
            "p1": p1,
            "poverty_line": rows["poverty_line_idr"].to_numpy(np.float64),
            "urban_share": urban,
            "mu": mu,
            "sigma": sigma,
        }
    )
    out.attrs["left_out"] = left_out
    return out


def lognormal_parameters(
    p0: NDArray[np.float64], p1: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""Log-normal welfare over the line with headcount `p0` and gap `p1`.

    With :math:`\ln(y/z) \sim N(\mu, \sigma^2)`: :math:`P_0 = \Phi(-\mu/\sigma)`
    and :math:`P_1 = P_0 - e^{\mu + \sigma^2/2}\,\Phi(-\mu/\sigma - \sigma)`.
    For a given :math:`P_0` (so :math:`\mu = -\sigma\,\Phi^{-1}(P_0)`),
    :math:`P_1/P_0` rises with :math:`\sigma` from 0 to 1; bisection, all
    regions at once.
    """
    q = ndtri(p0)
    target = np.clip(p1, 1e-9 * p0, p0 * (1 - 1e-9))

    def gap(sigma: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(p0 - np.exp(-sigma * q + sigma**2 / 2) * ndtr(q - sigma))

    lo = np.full(p0.shape, 1e-6)
    hi = np.full(p0.shape, 20.0)
    for _ in range(200):  # bisection steps, vectorised over regions
        mid = (lo + hi) / 2
        below = gap(mid) < target
        lo = np.where(below, mid, lo)
        hi = np.where(below, hi, mid)
    sigma = (lo + hi) / 2
    return -sigma * q, sigma


def _allocate(
    weights: NDArray[np.float64], total: int, minimum: int
) -> NDArray[np.int64]:
    """Integer allocation proportional to `weights`, at least `minimum` each."""
    share = weights / weights.sum()
    return np.asarray(np.maximum(minimum, np.floor(share * total)), dtype=np.int64)


def plan(regions: pd.DataFrame, n_households: int) -> dict[str, NDArray[Any]]:
    """Strata (region x area) and their PSU counts and populations."""
    pop = regions["population"].to_numpy(np.float64)
    urban = regions["urban_share"].to_numpy(np.float64)
    # Strata: urban then rural of each region; empty ones are dropped.
    s_pop = np.stack([pop * urban, pop * (1 - urban)], axis=1).ravel()
    s_region = np.repeat(np.arange(pop.size), 2)
    s_urban = np.tile([True, False], pop.size)
    keep = s_pop >= 1
    s_pop, s_region, s_urban = s_pop[keep], s_region[keep], s_urban[keep]
    total_psus = max(1, round(n_households / PSU_HOUSEHOLDS))
    # Square-root allocation to regions (as Susenas, regency estimates),
    # then proportional to population within a region.
    region_psus = np.sqrt(pop) / np.sqrt(pop).sum() * total_psus
    share_in_region = s_pop / pop[s_region]
    n_psu = _allocate(
        region_psus[s_region] * share_in_region, int(region_psus.sum()), 2
    )
    return {
        "region": s_region,
        "urban": s_urban,
        "population": s_pop,
        "n_psu": n_psu,
    }


def chunks(
    regions: pd.DataFrame, n_households: int, seed: int
) -> Iterator[dict[str, NDArray[Any]]]:
    """The survey, PSU block by PSU block (at most CHUNK_PSUS PSUs each)."""
    design = plan(regions, n_households)
    n_psu = design["n_psu"]
    psu_stratum = np.repeat(np.arange(n_psu.size), n_psu)
    total = psu_stratum.size
    root = np.random.SeedSequence(seed)
    size_rng = np.random.default_rng(root.spawn(1)[0])
    # Household sizes first (one byte a household, drawn block by block), so
    # that the weights of every stratum sum exactly to its population.
    sizes = np.empty(total * PSU_HOUSEHOLDS, np.uint8)
    step = CHUNK_PSUS * PSU_HOUSEHOLDS
    for start in range(0, sizes.size, step):  # blocks of households
        block = size_rng.poisson(EXTRA_MEMBERS, min(step, sizes.size - start))
        sizes[start : start + block.size] = 1 + np.minimum(block, 19)
    psu_persons = sizes.reshape(total, PSU_HOUSEHOLDS).sum(axis=1, dtype=np.int64)
    persons = np.bincount(psu_stratum, weights=psu_persons, minlength=n_psu.size)
    weight_s = design["population"] / persons
    sigma = regions["sigma"].to_numpy(np.float64)[design["region"]]
    mu = regions["mu"].to_numpy(np.float64)[design["region"]]
    line = regions["poverty_line"].to_numpy(np.float64)[design["region"]]
    codes = regions["region_code"].to_numpy()[design["region"]]
    names = regions["region_name"].to_numpy()[design["region"]]
    n_chunks = math.ceil(total / CHUNK_PSUS)
    for c, child in enumerate(root.spawn(n_chunks + 1)[1:]):
        rng = np.random.default_rng(child)
        a, b = c * CHUNK_PSUS, min(total, (c + 1) * CHUNK_PSUS)
        s = psu_stratum[a:b]
        sh = np.repeat(s, PSU_HOUSEHOLDS)
        between = rng.standard_normal(b - a) * sigma[s] * math.sqrt(ICC)
        within = rng.standard_normal(sh.size) * sigma[sh] * math.sqrt(1 - ICC)
        log_ratio = mu[sh] + np.repeat(between, PSU_HOUSEHOLDS) + within
        first = a * PSU_HOUSEHOLDS
        yield {
            "region_code": codes[sh],
            "region_name": names[sh],
            "area": np.where(design["urban"][sh], "urban", "rural"),
            "stratum": sh.astype(np.int32),
            "psu": np.repeat(np.arange(a, b, dtype=np.int64), PSU_HOUSEHOLDS),
            "household": np.arange(first, first + sh.size, dtype=np.int64),
            "size": sizes[first : first + sh.size].astype(np.int8),
            "weight": weight_s[sh],
            "welfare": line[sh] * np.exp(log_ratio),
            "poverty_line": line[sh],
        }


def simulate_survey(
    n_households: int, *, year: int, seed: int, path: str | Path | None = None
) -> pd.DataFrame | Path:
    r"""A synthetic Susenas-like household survey matching BPS regional figures.

    Every regency and city of the bundled BPS table of Indonesia
    (:func:`povstat.datasets.load_indonesia`, 514 regions) is a region with
    two strata, urban and rural; each stratum has primary sampling units (PSUs) of ten
    households. Household weights make each stratum's persons (weight times
    household size) sum to its population, and each region's population
    is the one implied by its published rate and number of poor. Welfare
    per capita is log-normal in each region, with parameters chosen so that
    the region's headcount ratio P0 and poverty gap index P1 equal the
    published figures of March of `year` at its published poverty line.

    Parameters
    ----------
    n_households : int
        Households asked for, from 20 to 1e8; the survey has about this
        many only above some 30,000 (see Notes): every one of the 1,028
        strata gets at least two PSUs of ten households, so no survey has
        fewer than 20,560 households (20 per stratum). A household has 3.8
        persons on average.
    year : int
        Survey year whose March figures the sample reproduces.
    seed : int
        Seed of the random draws; the same seed gives the same survey.
    path : str or path-like, optional
        Write the survey to this Parquet file, in chunks of a million
        households (memory stays bounded at any size), and return the
        path. None returns a pandas DataFrame. The file holds the frame's
        dtypes (text columns as strings) and its ``attrs["left_out"]``, in
        the key-value metadata ``PANDAS_ATTRS`` (JSON) that
        :func:`pandas.read_parquet` reads back into ``attrs``: reading the
        file gives the frame.

    Returns
    -------
    pandas.DataFrame or pathlib.Path
        One row per household: ``region_code``, ``region_name``, ``area``
        (``"urban"``/``"rural"``), ``stratum`` (int, region x area),
        ``psu`` (int, unique), ``household`` (int), ``size`` (persons),
        ``weight`` (household weight), ``welfare`` (Rp per capita per
        month) and ``poverty_line`` (Rp, the region's published line).
        Regions lacking a published P0, P1, line or number of poor are left
        out and listed in ``attrs["left_out"]`` of the frame; regions with
        no row at all in that year (not yet formed, or not in that year's
        tables) are neither drawn nor listed.

    Raises
    ------
    TypeError
        If `n_households`, `year` or `seed` is not an int (``True``,
        ``2023.0`` and ``"2023"`` are refused), or `path` is not a str or
        path-like.
    ValueError
        If `n_households` is out of range, `seed` is negative, no region has
        the figures, or `path` names a directory or a file in a folder that
        does not exist.

    See Also
    --------
    povstat.poverty_table : Estimates with standard errors from this data.

    Notes
    -----
    The design mimics Susenas [1]_: strata are regency/city x urban/rural;
    PSUs are census blocks of ten households, allocated to regions
    by the square root of their population and within a region by
    population. Log welfare over the line has a PSU effect holding 30 % of
    its variance (intra-cluster correlation), so design effects exceed 1.
    Household size (1 plus a Poisson count, mean 3.8) is independent of
    welfare, so each region's person-level P0 and P1 are the published
    ones in expectation; a sample estimates them within its sampling error.
    A region's urban share is the one implied by its published urban and
    rural figures where the table has them, else assumed (0.9 for cities,
    0.35 for regencies). The data are synthetic: no real
    household is represented.

    What is calibrated, exactly: each region's population, P0 and P1 (at
    its poverty line); national figures follow as their population-weighted
    means, close to the published national ones. Nothing else is:
    welfare has one distribution per region, the same in its urban and its
    rural stratum, so urban and rural rates (by ``area``, or by stratum)
    equal the region's in expectation and do not reproduce the published
    urban and rural figures (for March 2022, a survey of 30,000 households
    gives about 9.3 % urban and 10.0 % rural against the published 7.50 and
    12.29, while its national P0, 9.7 with an SE of 0.3, is close to the
    published 9.54). P2 and the
    Watts index follow from the log-normal shape, not from published
    figures. Use ``area`` to try domain estimation, not to study the
    urban-rural gap.

    How `n_households` is met: ``round(n_households / 10)`` PSUs are
    shared out as above, each stratum's share rounded down and raised to
    two PSUs if below. With the 514 regions of 2019-2023 (1,028 strata),
    any `n_households` up to about 6,000 gives exactly 20,560 households
    and the two-PSU floor adds households up to about 30,000 (for 2023:
    20,940 for 10,000; 24,230 for 20,000); above that, rounding each
    share down loses up to ten households a stratum, so the survey has a
    few thousand fewer than asked (for 2023: 47,450 for 50,000; 339,640
    for 345,000; 994,800 for 1,000,000). Count the rows of the result for
    the exact number.

    References
    ----------
    .. [1] BPS (2023), *Penghitungan dan Analisis Kemiskinan Makro
       Indonesia 2023*, Badan Pusat Statistik, chapter 2 (Susenas design).

    Examples
    --------
    >>> from povstat.datasets import simulate_survey
    >>> df = simulate_survey(20_000, year=2023, seed=1)
    >>> df.columns.tolist()[:5]
    ['region_code', 'region_name', 'area', 'stratum', 'psu']
    >>> df["region_code"].nunique()
    514
    >>> len(df)  # 2,423 PSUs of ten households: see Notes
    24230
    """
    from povstat.datasets import load_indonesia

    return simulate(load_indonesia(), n_households, year=year, seed=seed, path=path)


def simulate(
    table: pd.DataFrame,
    n_households: int,
    *,
    year: int,
    seed: int,
    path: str | Path | None,
) -> pd.DataFrame | Path:
    """Draw the survey from the figures in the long `table`."""
    import pandas as pd

    if isinstance(n_households, bool) or not isinstance(n_households, int | np.integer):
        msg = f"`n_households` must be an int, got {n_households!r}"
        raise TypeError(msg)
    if not 2 * PSU_HOUSEHOLDS <= n_households <= 10**8:
        msg = f"`n_households` must lie in [20, 1e8], got {n_households}"
        raise ValueError(msg)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer):
        msg = f"`seed` must be an int, got {_validate.shown(seed)}"
        raise TypeError(msg)
    if seed < 0:
        msg = f"`seed` must be >= 0 (a numpy SeedSequence entropy), got {seed}"
        raise ValueError(msg)
    if isinstance(year, bool) or not isinstance(year, int | np.integer):
        msg = f"`year` must be an int, got {year!r}"
        raise TypeError(msg)
    if path is not None:
        if isinstance(path, bytes) or not isinstance(path, str | os.PathLike):
            msg = f"`path` must be a str or path-like file name, got {path!r}"
            raise TypeError(msg)
        text = os.fspath(path)
        if "\x00" in text:
            msg = f"`path` must not hold a NUL character, got {text!r}"
            raise ValueError(msg)
        if text == "" or text.endswith(("/", os.sep)) or Path(path).is_dir():
            msg = f"`path` must name a file to write, got the directory {str(path)!r}"
            raise ValueError(msg)
        if not Path(path).parent.is_dir():
            msg = f"`path`: the folder {str(Path(path).parent)!r} does not exist"
            raise ValueError(msg)
    regions = published_regions(table, int(year))
    parts = chunks(regions, int(n_households), int(seed))
    left_out = regions.attrs["left_out"]
    if path is None:
        out = pd.concat([_frame(part) for part in parts], ignore_index=True)
        out.attrs["left_out"] = left_out
        return out
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    target = Path(path)
    # The frame's own dtypes (pandas metadata, read back by
    # pandas.read_parquet) and its attrs under pandas' key PANDAS_ATTRS.
    it = iter(parts)
    first = _frame(next(it))
    schema = pa.Schema.from_pandas(first, preserve_index=False)
    meta = {
        **(schema.metadata or {}),
        b"PANDAS_ATTRS": json.dumps({"left_out": left_out}),
    }
    schema = schema.with_metadata(meta)
    with pq.ParquetWriter(target, schema) as writer:
        for chunk in itertools.chain([first], (_frame(part) for part in it)):
            table = pa.Table.from_pandas(chunk, schema=schema, preserve_index=False)
            writer.write_table(table)
    return target


def _frame(part: dict[str, NDArray[Any]]) -> pd.DataFrame:
    """One chunk of households as a pandas frame, text columns as strings."""
    import pandas as pd

    out = pd.DataFrame(part)
    for c in ("region_code", "region_name", "area"):
        out[c] = out[c].astype("string")
    return out[list(COLUMNS)]
