"""Real poverty data shipped with povstat.

``load_east_java`` returns BPS poverty statistics for the 38 regencies
(kabupaten) and cities (kota) of East Java (Jawa Timur), the province and
Indonesia, 2015-2025, as a long table: one row per region and survey round.
Every value was read from a cited source (mostly the BPS tables themselves);
nothing was interpolated, derived or rounded. ``east_java_sources`` lists the
sources and ``east_java_value_sources`` says which source each value came
from; ``east_java_notes`` returns the full notes, including the caveats.
"""

from __future__ import annotations

import re
from importlib import resources

import pandas as pd

from povstat._simulate import simulate_survey

__all__ = [
    "east_java_notes",
    "east_java_sources",
    "east_java_value_sources",
    "load_east_java",
    "simulate_survey",
]

_CSV = "east_java_poverty.csv"
_NOTES = "SOURCES.md"

#: Column of the data each ``source_id`` field code refers to.
_FIELDS = {
    "p0": "poverty_rate_pct",
    "poor": "poor_thousands",
    "gk": "poverty_line_idr",
    "p1": "p1",
    "p2": "p2",
    "pop": "population",
}

_STRINGS = ["region_code", "region_name", "region_type", "source_id"]
_FLOATS = [
    "poverty_rate_pct",
    "poor_thousands",
    "poverty_line_idr",
    "p1",
    "p2",
    "population",
]


def _read_text(name: str) -> str:
    return resources.files("povstat").joinpath("data", name).read_text("utf-8")


def load_east_java() -> pd.DataFrame:
    """BPS poverty statistics for East Java's regencies and cities, 2015-2025.

    Returns
    -------
    pandas.DataFrame
        A new frame (458 rows), one row per region and survey round, with a
        default RangeIndex and these columns:

        ================== =============== =======================================
        column             dtype           meaning
        ================== =============== =======================================
        region_code        string          BPS/Kemendagri area code: ``"35"``
                                           Jawa Timur, ``"3501"``-``"3529"``
                                           kabupaten, ``"3571"``-``"3579"`` kota,
                                           ``"00"`` Indonesia (this table's own
                                           code, not an official one)
        region_name        string          e.g. ``"Kota Malang"``,
                                           ``"Kabupaten Malang"``
        region_type        string          ``"kabupaten"``, ``"kota"``,
                                           ``"provinsi"`` or ``"nasional"``
        year               int64           survey year
        month              int64           survey round: 3 (March) or 9
                                           (September)
        period             datetime64[ns]  first day of the survey month
        poverty_rate_pct   float64         headcount ratio P0, percent
        poor_thousands     float64         number of poor, thousands of people
        poverty_line_idr   float64         poverty line, Rp per capita per month
        p1                 float64         poverty gap index P1, x 100 as BPS
                                           publishes it
        p2                 float64         poverty severity index P2, x 100
        population         float64         population as quoted by the cited
                                           source (see the caveat below)
        source_id          string          ``field=SOURCE`` pairs, ``;``-separated
        ================== =============== =======================================

        Missing values are NaN (numbers) or ``<NA>`` (strings): a value that
        was not found in any source. Regency and city figures exist for the
        March round only; BPS published no September 2023 figures.

    See Also
    --------
    east_java_sources : The list of sources.
    east_java_value_sources : The source of each value.
    east_java_notes : Full notes, coverage and caveats.

    Notes
    -----
    Sources differ by column: P0, the number of poor and the poverty line
    come from BPS tables (CSV exports of them); P1 and P2 for 2015-2023 from
    a BPS table export, and for 2024 (14 and 11 regions) from news reports
    quoting BPS releases; ``population`` mostly from Databoks, which reprints
    BPS projections. :func:`east_java_value_sources` gives the source of each
    value.

    The ``population`` column is *not* the denominator of the rates: BPS
    weights Susenas to its own population projection, and the population
    implied by the published rate and number of poor differs from the quoted
    one by up to about 11 % in this table (Kabupaten Sidoarjo 2023: -11.3 %;
    Kabupaten Banyuwangi 2024: +9.5 %). The number of poor implied by
    ``poverty_rate_pct * population`` therefore does not reproduce the BPS
    count; use ``poor_thousands`` as published, and
    :func:`povstat.implied_population` for the denominator the rate uses.

    Rates are published rounded to 2 decimals, so ranks with near-ties are
    not statistically distinguishable without standard errors, which BPS
    publishes separately for regency and city estimates and this table does
    not hold.

    References
    ----------
    .. [1] BPS, *Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota*,
       *Jumlah Penduduk Miskin Menurut Kabupaten/Kota*, *Garis Kemiskinan
       Menurut Kabupaten/Kota*, *Indeks Kedalaman (P1) / Keparahan (P2)
       Kemiskinan Menurut Kabupaten/Kota*, and the provincial tables by
       semester, 2015-2025. Full list: :func:`east_java_sources`.

    Examples
    --------
    >>> from povstat.datasets import load_east_java
    >>> df = load_east_java()
    >>> malang = df[(df["region_name"] == "Kota Malang") & (df["year"] == 2023)]
    >>> malang[["poverty_rate_pct", "poor_thousands"]].to_numpy()
    array([[ 4.26, 37.78]])
    >>> in_2023 = df["region_type"].isin(["kabupaten", "kota"]) & (df["year"] == 2023)
    >>> int(in_2023.sum())
    38
    """
    from io import StringIO

    text = _read_text(_CSV)
    df = pd.read_csv(
        StringIO(text),
        dtype={c: "string" for c in _STRINGS}
        | {c: "float64" for c in _FLOATS}
        | {"year": "int64", "month": "int64"},
        keep_default_na=False,
        na_values={c: [""] for c in [*_STRINGS, *_FLOATS]},
    )
    period = pd.to_datetime(
        pd.DataFrame({"year": df["year"], "month": df["month"], "day": 1})
    ).astype("datetime64[ns]")
    df.insert(list(df.columns).index("month") + 1, "period", period)
    return df


def east_java_value_sources() -> pd.DataFrame:
    """The source of each value in :func:`load_east_java`.

    Returns
    -------
    pandas.DataFrame
        Long table with columns ``region_code`` (string), ``year``,
        ``month`` (int64), ``column`` (string: the data column, e.g.
        ``"poverty_rate_pct"``) and ``source_id`` (string). A value confirmed
        by two sources has two rows. Values that are missing have none.

    See Also
    --------
    east_java_sources : Titles, dates and locations of the sources.

    Examples
    --------
    >>> from povstat.datasets import east_java_value_sources
    >>> src = east_java_value_sources()
    >>> row = src[(src["region_code"] == "3573") & (src["year"] == 2023)
    ...           & (src["column"] == "poverty_rate_pct")]
    >>> row["source_id"].tolist()
    ['BPS_P0_KABKOTA']
    """
    df = load_east_java()
    pairs = df["source_id"].fillna("").str.split(";")
    long = (
        df[["region_code", "year", "month"]]
        .assign(pair=pairs)
        .explode("pair", ignore_index=True)
    )
    long = long[long["pair"].astype(str).str.len() > 0]
    kv = long["pair"].astype(str).str.split("=", n=1, expand=True)
    long = long.assign(
        column=kv[0].map(_FIELDS).astype("string"),
        source_id=kv[1].str.split("|"),
    ).explode("source_id", ignore_index=True)
    long["source_id"] = long["source_id"].astype("string")
    return long[["region_code", "year", "month", "column", "source_id"]]


_ROW = re.compile(r"^\|\s*`(?P<id>[A-Z0-9_]+)`\s*\|(?P<rest>.*)\|\s*$")


def east_java_sources() -> pd.DataFrame:
    """The sources of the East Java data, one row per source.

    Returns
    -------
    pandas.DataFrame
        Columns ``source_id``, ``title``, ``date``, ``location`` (URL or
        repository path), ``covers`` and ``role`` (``"primary"``,
        ``"supplementary"``, ``"cross-check"`` or ``"statement"``), all
        strings.

    See Also
    --------
    east_java_value_sources : Which source each value came from.
    east_java_notes : The notes these rows are read from.

    Examples
    --------
    >>> from povstat.datasets import east_java_sources
    >>> src = east_java_sources()
    >>> src.loc[src["source_id"] == "BPS_P0_KABKOTA", "role"].item()
    'primary'
    """
    roles = {"1": "primary", "2": "supplementary", "3": "cross-check", "4": "statement"}
    role = ""
    rows: list[dict[str, str]] = []
    for line in _read_text(_NOTES).splitlines():
        head = re.match(r"^## (\d)\.", line)
        if head:
            role = roles.get(head.group(1), "")
            continue
        m = _ROW.match(line)
        if m and role:
            cells = [c.strip() for c in m.group("rest").split("|")]
            rows.append(
                {
                    "source_id": m.group("id"),
                    "title": cells[0],
                    "date": cells[1],
                    "location": cells[2],
                    "covers": cells[3],
                    "role": role,
                }
            )
    out = pd.DataFrame(rows).drop_duplicates("source_id", ignore_index=True)
    return out.astype("string")


def east_java_notes() -> str:
    """Full notes on the East Java data: contents, sources, caveats.

    Returns
    -------
    str
        The Markdown text of the notes shipped with the data.

    Examples
    --------
    >>> from povstat.datasets import east_java_notes
    >>> "Caveats for library users" in east_java_notes()
    True
    """
    return _read_text(_NOTES)
