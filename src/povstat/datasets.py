"""Real poverty data shipped with povstat.

``load_indonesia`` returns the BPS poverty statistics of all of Indonesia: the
514 regencies (kabupaten) and cities (kota), March 2015-2025, and the 38
provinces and the country, March and September 2015 to March 2026 with urban
and rural areas, as one long table. It is built by ``data-raw/build_indonesia.py``
from copies of the BPS tables; ``indonesia_value_sources`` gives the file, line
and field each value was read from, ``indonesia_sources`` the files.

``load_east_java`` returns the East Java part of it (the 38 regencies and
cities of Jawa Timur, the province and Indonesia) in the layout povstat has
always shipped, with the few values taken from BPS releases that the tables
lack; ``east_java_sources`` lists its sources, ``east_java_value_sources``
says which source each value came from and ``east_java_notes`` returns the
notes, including the caveats.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from io import StringIO

import pandas as pd

from povstat._simulate import simulate_survey

__all__ = [
    "east_java_notes",
    "east_java_sources",
    "east_java_value_sources",
    "indonesia_regions",
    "indonesia_sources",
    "indonesia_value_sources",
    "load_east_java",
    "load_indonesia",
    "simulate_survey",
]

_NOTES = "SOURCES.md"
_NATIONAL = "indonesia_poverty.csv"
_NATIONAL_SOURCES = "indonesia_sources.csv"
_SUPPLEMENT = "east_java_supplement.csv"

#: Column of the data each ``source_id`` field code refers to.
_FIELDS = {
    "p0": "poverty_rate_pct",
    "poor": "poor_thousands",
    "gk": "poverty_line_idr",
    "p1": "p1",
    "p2": "p2",
    "pop": "population",
}

_VALUES = ["poverty_rate_pct", "poor_thousands", "poverty_line_idr", "p1", "p2"]
_STRINGS = ["region_code", "region_name", "region_type", "source_id"]
_FLOATS = [*_VALUES, "population"]
_NATIONAL_STRINGS = [
    "region_code",
    "region_name",
    "region_type",
    "province_code",
    "province_name",
    "area",
    "note",
    "source_id",
]
_KEY = ["region_code", "year", "month"]


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
        population         float64         population, in persons (not
                                           thousands, unlike
                                           ``poor_thousands``), as quoted by
                                           the cited source (see the caveat
                                           below)
        source_id          string          ``field=SOURCE`` pairs, ``;``-separated
        ================== =============== =======================================

        Missing values are NaN (numbers) or ``<NA>`` (strings): a value that
        was not found in any source. Regency and city figures exist for the
        March round only; BPS published no September 2023 figures.

    See Also
    --------
    load_indonesia : The national table this one is drawn from.
    east_java_sources : The list of sources.
    east_java_value_sources : The source of each value.
    east_java_notes : Full notes, coverage and caveats.

    Notes
    -----
    The values from the BPS tables are those of :func:`load_indonesia` (its
    ``area == "total"`` rows); the values the tables lack (``population``, P1
    and P2 for some regions in 2024, some poverty lines) come from BPS
    releases as quoted by the sources listed. The rows are those povstat has
    shipped since its first release, so the table is unchanged.

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
    ``population`` is in persons and ``poor_thousands`` in thousands: put
    them in one unit before combining them (for
    :func:`povstat.with_rate`, a column ``population / 1000`` beside
    ``poor_thousands``), or a rate comes out 1000 times too small.

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
    national = _national()
    total = national[national["area"] == "total"]
    supplement = pd.read_csv(
        StringIO(_read_text(_SUPPLEMENT)),
        dtype={"region_code": "string", "source_id": "string"}
        | {c: "float64" for c in _FLOATS}
        | {"year": "int64", "month": "int64"},
        keep_default_na=False,
        na_values={c: [""] for c in ["source_id", *_FLOATS]},
    )
    df = supplement[_KEY].merge(
        total[[*_KEY, "region_name", "region_type", *_VALUES]],
        on=_KEY,
        how="left",
        validate="one_to_one",
    )
    # The national table's value where it has one, else the supplement's (the
    # build script checks that the two never both hold a value).
    for c in _VALUES:
        df[c] = df[c].where(df[c].notna(), supplement[c])
    df["population"] = supplement["population"]
    df["source_id"] = supplement["source_id"]
    df = df[
        [
            "region_code",
            "region_name",
            "region_type",
            "year",
            "month",
            *_VALUES,
            "population",
            "source_id",
        ]
    ]
    df.insert(list(df.columns).index("month") + 1, "period", _period(df))
    return df


def _period(df: pd.DataFrame) -> pd.Series:
    """First day of the survey month, from ``year`` and ``month``."""
    return pd.to_datetime(
        pd.DataFrame({"year": df["year"], "month": df["month"], "day": 1})
    ).astype("datetime64[ns]")


@functools.cache
def _national_cached() -> pd.DataFrame:
    return pd.read_csv(
        StringIO(_read_text(_NATIONAL)),
        dtype={c: "string" for c in _NATIONAL_STRINGS}
        | {c: "float64" for c in _VALUES}
        | {"year": "int64", "month": "int64"},
        keep_default_na=False,
        na_values={c: [""] for c in [*_NATIONAL_STRINGS, *_VALUES]},
    )


def _national() -> pd.DataFrame:
    """The shipped national table, all columns (a fresh copy)."""
    return _national_cached().copy()


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


_INDONESIA_COLUMNS = [
    "region_code",
    "region_name",
    "region_type",
    "province_code",
    "province_name",
    "year",
    "month",
    "period",
    "area",
    *_VALUES,
    "note",
]


def load_indonesia() -> pd.DataFrame:
    """BPS poverty statistics for all of Indonesia, 2015 to the latest round.

    Returns
    -------
    pandas.DataFrame
        A new frame, one row per region, survey round and area, with a
        default RangeIndex and these columns:

        ================ ============== =========================================
        column           dtype          meaning
        ================ ============== =========================================
        region_code      string         Kemendagri area code: ``"35"`` a
                                        province, ``"3573"`` a regency or city
                                        (``"35xx"``, city codes from ``71``),
                                        ``"00"`` Indonesia (this table's own
                                        code, not an official one). The code
                                        of today, in every year (see Notes)
        region_name      string         ``"Kabupaten Sampang"``, ``"Kota
                                        Medan"``, a province by its BPS name
                                        (``"Jawa Timur"``, ``"DKI Jakarta"``),
                                        ``"Indonesia"``; today's name in every
                                        year (``"Kabupaten Toba"``, formerly
                                        Toba Samosir)
        region_type      string         ``"kabupaten"``, ``"kota"``,
                                        ``"provinsi"`` or ``"nasional"``
        province_code    string         code of the province whose published
                                        figures include the region **in that
                                        year**; a province's own code for a
                                        province; ``<NA>`` for Indonesia
        province_name    string         name of that province
        year             int64          survey year
        month            int64          survey round: 3 (March) or 9
                                        (September)
        period           datetime64[ns] first day of the survey month (the
                                        default period key of the adapters)
        area             string         ``"total"``, ``"urban"`` or ``"rural"``
                                        (provinces and Indonesia only)
        poverty_rate_pct float64        headcount ratio P0, percent
        poor_thousands   float64        number of poor, thousands of people
        poverty_line_idr float64        poverty line, Rp per capita per month
                                        (March, total area)
        p1               float64        poverty gap index P1, x 100 as BPS
                                        publishes it (March 2015-2023, total)
        p2               float64        poverty severity index P2, x 100
        note             string         anomalies known for the row's values
                                        (see Notes); ``<NA>`` if none
        ================ ============== =========================================

        Missing values are NaN (numbers) or ``<NA>`` (strings): a value BPS
        did not publish ("-" in its tables). A row exists where at least one
        value is published.

    See Also
    --------
    indonesia_value_sources : The raw file, line and field of each value.
    indonesia_sources : The raw files.
    load_east_java : East Java, in the layout povstat shipped first.

    Notes
    -----
    *Coverage.* Regencies and cities: the March round (the only one BPS
    estimates them for), 2015-2025, P0, number of poor and poverty line,
    P1 and P2 for 2015-2023; 514 regions from 2016 (Muna Barat, Buton Tengah
    and Buton Selatan are first estimated in 2016). Provinces and Indonesia:
    March and September 2015 to March 2026 (BPS published no September 2023
    round), total, urban and rural P0 and number of poor; poverty line
    (provinces) and P1, P2 for the March total. The 4 provinces formed in
    2022 (Papua Selatan, Papua Tengah, Papua Pegunungan, Papua Barat Daya)
    have figures from March 2024. The regency series before 2015 is left out:
    BPS changed its method in 2015, and the earlier regency tables do not hold
    March figures.

    *Keys across the Papua split.* ``region_code`` is today's code for every
    year, so a region's series has one key: Kabupaten Merauke is ``"9301"``
    (Papua Selatan) in 2015 as in 2025. Its ``province_code`` is ``"91"``
    (Papua) up to 2023 and ``"93"`` from 2024, because BPS published Papua's
    and Papua Barat's figures on the boundaries before the split up to 2023.
    A province's rows keep its code across the split too, so the Papua rows
    before 2024 are the larger pre-split province: the ``note`` says so. To
    rank or sum regions within their province, keep the regencies and cities
    (``region_type`` ``"kabupaten"`` or ``"kota"``: a province's own row
    carries its own ``province_code``, and would be counted with its
    regencies) and group by ``province_code`` with ``year``: each group is
    then a province as BPS published it.

    *Breaks in the series.* 2021: BPS moved to population projections based
    on the 2020 census, which shifts the populations (and so the numbers of
    poor) by up to about 30 % for some regencies; a regency split makes the
    parent's earlier figures cover the children (flagged in ``note``).

    *Notes.* ``note`` flags, value by value: Kabupaten Nduga 2015 (the 2014
    figures repeated, left out of Papua's total); province totals that the
    regencies' counts do not add up to (Papua 2015, Jawa Tengah 2018);
    province counts that the regency table gives 0.01 apart; the pre-split
    Papua and Papua Barat; regencies covering areas split off later (Muna,
    Buton 2015); poverty lines equal to the province's or moving more than
    20 % in a year; P1 and P2 missing where P0 is published; a 0 published
    for the rural area of DKI Jakarta. Rates are rounded to 2 decimals; BPS
    standard errors are not in this table.

    References
    ----------
    .. [1] BPS, *Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota*,
       *Jumlah Penduduk Miskin Menurut Kabupaten/Kota*, *Garis Kemiskinan
       Menurut Kabupaten/Kota*, *Indeks Kedalaman (P1) / Keparahan (P2)
       Kemiskinan Menurut Kabupaten/Kota*, *Persentase* and *Jumlah Penduduk
       Miskin Menurut Provinsi dan Daerah*. Files and origins:
       :func:`indonesia_sources`.
    .. [2] Kemendagri, Kepmendagri No. 300.2.2-2138 Tahun 2025, area codes.

    Examples
    --------
    >>> from povstat.datasets import load_indonesia
    >>> df = load_indonesia()
    >>> in_2025 = df[(df["year"] == 2025) & (df["month"] == 3)
    ...              & (df["area"] == "total")]
    >>> in_2025["region_type"].value_counts().sort_index().to_dict()
    {'kabupaten': 416, 'kota': 98, 'nasional': 1, 'provinsi': 38}
    >>> sampang = df[(df["region_name"] == "Kabupaten Sampang") & (df["year"] == 2024)]
    >>> sampang[["poverty_rate_pct", "poor_thousands"]].to_numpy()
    array([[ 20.83, 214.32]])
    >>> merauke = df[df["region_code"] == "9301"].set_index("year")
    >>> merauke.loc[[2023, 2024], ["province_code", "province_name"]]
         province_code  province_name
    year
    2023            91          Papua
    2024            93  Papua Selatan
    """
    df = _national()
    df.insert(list(df.columns).index("month") + 1, "period", _period(df))
    return df[_INDONESIA_COLUMNS]


def indonesia_value_sources() -> pd.DataFrame:
    """The raw file, line and field of each value of :func:`load_indonesia`.

    Returns
    -------
    pandas.DataFrame
        One row per value, with columns ``region_code``, ``year``,
        ``month``, ``area`` (the key of :func:`load_indonesia`), ``column``
        (the data column, e.g. ``"poverty_rate_pct"``), ``source_id`` (see
        :func:`indonesia_sources`), ``line`` (line of the raw file, 1-based)
        and ``field`` (field of that line, 1-based). ``line`` and ``field``
        are int64, the others strings except ``year`` and ``month``.

    See Also
    --------
    indonesia_sources : The raw files the ids refer to.

    Examples
    --------
    Kota Malang's March 2023 rate is line 276, field 21 of the BPS P0 table:

    >>> from povstat.datasets import indonesia_value_sources
    >>> src = indonesia_value_sources()
    >>> row = src[(src["region_code"] == "3573") & (src["year"] == 2023)
    ...           & (src["column"] == "poverty_rate_pct")]
    >>> row[["source_id", "line", "field"]].to_numpy().tolist()
    [['BPS_P0_KABKOTA', 276, 21]]
    """
    df = _national()
    pairs = df["source_id"].fillna("").str.split(";")
    long = (
        df[["region_code", "year", "month", "area"]]
        .assign(pair=pairs)
        .explode("pair", ignore_index=True)
    )
    long = long[long["pair"].astype(str).str.len() > 0].reset_index(drop=True)
    parts = (
        long["pair"]
        .astype(str)
        .str.extract(
            r"^(?P<code>[a-z0-9]+)=(?P<sid>[A-Z0-9_]+)@(?P<line>\d+):(?P<field>\d+)$"
        )
    )
    return pd.DataFrame(
        {
            "region_code": long["region_code"],
            "year": long["year"],
            "month": long["month"],
            "area": long["area"],
            "column": parts["code"].map(_FIELDS).astype("string"),
            "source_id": parts["sid"].astype("string"),
            "line": parts["line"].astype("int64"),
            "field": parts["field"].astype("int64"),
        }
    )


def indonesia_sources() -> pd.DataFrame:
    """The raw files :func:`load_indonesia` is built from, one row per file.

    Returns
    -------
    pandas.DataFrame
        Columns ``source_id``, ``file`` (path in the source repository,
        under ``data-raw/``), ``title`` (the BPS table's title, as in the
        file), ``location`` (where the copy came from: repository, path,
        commit), ``section`` (of ``data-raw/indonesia/SOURCES.md``, which
        describes the file, its quirks and the checks made) and ``sha256``
        (of the file), all strings.

    See Also
    --------
    indonesia_value_sources : Which file, line and field each value came from.

    Examples
    --------
    >>> from povstat.datasets import indonesia_sources
    >>> src = indonesia_sources().set_index("source_id")
    >>> src.loc["BPS_P0_KABKOTA", "title"]
    'Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)'
    """
    return pd.read_csv(
        StringIO(_read_text(_NATIONAL_SOURCES)), dtype="string", keep_default_na=False
    )


def indonesia_regions() -> pd.DataFrame:
    """Indonesia's 38 provinces and 514 regencies and cities: codes and names.

    Returns
    -------
    pandas.DataFrame
        One row per region, sorted by code, all columns strings:

        ========================== ==========================================
        column                     meaning
        ========================== ==========================================
        region_code                Kemendagri code: ``"35"``, ``"3573"``
        region_name                name as in :func:`load_indonesia`
                                   (today's name)
        region_type                ``"provinsi"``, ``"kabupaten"``, ``"kota"``
        province_code              province today
        province_name              its name
        province_code_before_split province in BPS figures up to 2023 (differs
                                   for the 26 regencies and cities of the four
                                   Papua provinces formed in 2022)
        official_name              name as in the Kemendagri code list
                                   (spaces collapsed, ``"Kab"`` and
                                   ``"Kep."`` spelt out, the typo
                                   ``"Papua Barat Oaya"`` corrected)
        bps_names                  the names the BPS tables use, ``|``-separated
                                   (old names such as ``"Toba Samosir"``,
                                   spellings such as ``"Kota Baru"`` for
                                   Kabupaten Kotabaru)
        ========================== ==========================================

    See Also
    --------
    load_indonesia : The poverty figures of these regions.
    povstat.read_bps_table : Matches a table's names to these regions.

    Notes
    -----
    Built by ``data-raw/build_indonesia.py`` from the code list of
    Kepmendagri No. 300.2.2-2138 Tahun 2025 [1]_ and the BPS tables: each
    BPS name is paired with a code province by province (see
    ``data-raw/regions/SOURCES.md``).

    References
    ----------
    .. [1] Kemendagri, Keputusan Menteri Dalam Negeri No. 300.2.2-2138 Tahun
       2025 tentang Pemberian dan Pemutakhiran Kode, Data Wilayah
       Administrasi Pemerintahan, dan Pulau.

    Examples
    --------
    >>> from povstat.datasets import indonesia_regions
    >>> r = indonesia_regions().set_index("region_code")
    >>> r["region_type"].value_counts().sort_index().to_dict()
    {'kabupaten': 416, 'kota': 98, 'provinsi': 38}
    >>> r.loc["1212", ["region_name", "bps_names"]].tolist()
    ['Kabupaten Toba', 'Toba Samosir']
    >>> r.loc["9501", ["province_name", "province_code_before_split"]].tolist()
    ['Papua Pegunungan', '91']
    """
    from povstat import _regions

    return _regions.regions()
