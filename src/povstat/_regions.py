"""Indonesia's provinces, regencies and cities: codes, names, and name matching.

The list is ``data/indonesia_regions.csv``, written by
``data-raw/build_indonesia.py`` from the Kemendagri code list and the names
the BPS tables use (see ``data-raw/regions/SOURCES.md``): the 38 provinces and
514 regencies (kabupaten) and cities (kota), each with its code, today's
name, its province today and before the 2022 Papua split, its official name
and every other name the BPS tables give it (old names such as "Toba Samosir",
spellings such as "Kota Baru" for Kabupaten Kotabaru).

:func:`match` finds the regions that names written in a table refer to,
following the conventions of BPS tables: "Kota X" is the city X, "Kabupaten
X", "Kab. X" or a bare "X" the regency X (a bare name is never a city), a
province by its name (Indonesian or English, see ``ENGLISH_PROVINCES``), and
Indonesia. Names are compared in lower case on their ASCII letters only
("50 Kota" read as "Lima Puluh Kota"; spaces, hyphens and dots ignored,
so letters spelt one by one are one word: "D.K.I.", "D K I" and "DKI"
alike; the abbreviations "Kep" for "Kepulauan", "Tj" for "Tanjung", "Adm"
for "Administrasi", with or without a full stop, and "DKI", "DK", "DI",
"DIY", "NTB", "NTT", "NAD" spelt out), so "Toli-Toli", "Tolitoli" and
"TOLI TOLI" are one name, and a look-alike letter from
another alphabet matches nothing.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from importlib import resources
from io import StringIO
from typing import Any

import numpy as np
import pandas as pd

NATIONAL_CODE = "00"
NATIONAL_NAME = "Indonesia"
#: The labels BPS tables and their users give the country's row (code
#: ``"00"``), read in any case, spacing and punctuation (:func:`key`): its
#: name, "Nasional", and either with the total's word ("Total Indonesia",
#: "INDONESIA (Nasional)", "Jumlah Nasional").
NATIONAL_NAMES = (
    NATIONAL_NAME,
    "Nasional",
    "Indonesia Nasional",
    "Nasional Indonesia",
    "Total Indonesia",
    "Indonesia Total",
    "Jumlah Indonesia",
    "Indonesia Jumlah",
    "Total Nasional",
    "Nasional Total",
    "Jumlah Nasional",
    "Nasional Jumlah",
)

#: Abbreviations (a word of the name, its dots removed) and what they stand
#: for. "Administrasi" is left out: "Kota Administrasi Jakarta Utara" is
#: Kota Jakarta Utara.
_ABBREVIATIONS = {
    "kep": "kepulauan",
    "tj": "tanjung",  # "Kab. Tj. Jabung Barat", "Kota Tj. Pinang"
    "dki": "daerahkhususibukota",
    "dk": "daerahkhusus",  # Daerah Khusus Jakarta, the name since 2024
    "di": "daerahistimewa",
    "diy": "daerahistimewayogyakarta",
    "ntb": "nusatenggarabarat",
    "ntt": "nusatenggaratimur",
    "nad": "nanggroeacehdarussalam",
    "adm": "",
    "administrasi": "",
}

#: The provinces' English names, matched as their Indonesian ones are: the
#: names in English-language statistical tables and gazetteers (ISO
#: 3166-2:ID's English names; the Wikipedia "Provinces of Indonesia" list),
#: with "Sumatera" as BPS spells it in English too, and the English
#: renderings of the special regions' names. None is a regency's or a
#: city's name.
ENGLISH_PROVINCES: dict[str, tuple[str, ...]] = {
    "11": ("Aceh",),
    "12": ("North Sumatra", "North Sumatera"),
    "13": ("West Sumatra", "West Sumatera"),
    "14": ("Riau",),
    "15": ("Jambi",),
    "16": ("South Sumatra", "South Sumatera"),
    "17": ("Bengkulu",),
    "18": ("Lampung",),
    "19": ("Bangka Belitung Islands", "Bangka-Belitung Islands"),
    "21": ("Riau Islands",),
    "31": (
        "Special Capital Region of Jakarta",
        "Jakarta Special Capital Region",
        "Special Region of Jakarta",
        "Jakarta Special Region",
    ),
    "32": ("West Java",),
    "33": ("Central Java",),
    "34": ("Special Region of Yogyakarta", "Yogyakarta Special Region"),
    "35": ("East Java",),
    "36": ("Banten",),
    "51": ("Bali",),
    "52": ("West Nusa Tenggara",),
    "53": ("East Nusa Tenggara",),
    "61": ("West Kalimantan",),
    "62": ("Central Kalimantan",),
    "63": ("South Kalimantan",),
    "64": ("East Kalimantan",),
    "65": ("North Kalimantan",),
    "71": ("North Sulawesi",),
    "72": ("Central Sulawesi",),
    "73": ("South Sulawesi",),
    "74": ("Southeast Sulawesi",),
    "75": ("Gorontalo",),
    "76": ("West Sulawesi",),
    "81": ("Maluku",),
    "82": ("North Maluku",),
    "91": ("Papua",),
    "92": ("West Papua",),
    "93": ("South Papua",),
    "94": ("Central Papua",),
    "95": ("Highland Papua", "Papua Highlands"),
    "96": ("Southwest Papua",),
}

#: Other Indonesian names of provinces: the official name of Aceh from
#: 2001 to 2009 (Nanggroe Aceh Darussalam, UU 18/2001), Jakarta's since
#: 2024 (Daerah Khusus Jakarta, UU 2/2024), and Bangka Belitung without
#: "Kepulauan", as it is often written.
_OTHER_PROVINCE_NAMES: dict[str, tuple[str, ...]] = {
    "11": ("Nanggroe Aceh Darussalam",),
    "19": ("Bangka Belitung",),
    "31": ("Daerah Khusus Jakarta",),
}


#: A region's kind written before its name, as BPS tables write it:
#: "Kabupaten", "Kab" or "Kab.", "Kota" (and the old "Kotamadya", "Kodya",
#: "Kod."), "Provinsi", "Prov" or "Prov.", followed by the name.
PREFIX = re.compile(
    r"^(?:(?P<p1>kabupaten|kab|kotamadya|kodya|kota|provinsi|prov)(?:\s+|\s*-\s*)"
    r"|(?P<p2>kab|kota|kod|prov)\.\s*)(?P<name>\S.*)$",
    re.IGNORECASE | re.ASCII,
)
#: The kind each prefix of :data:`PREFIX` states (see :func:`candidates`),
#: and "propinsi", the old spelling of "provinsi", which the nesting check
#: reads in brackets after a name ("Jawa Timur (Propinsi)").
PREFIX_KIND = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kotamadya": "kota",
    "kodya": "kota",
    "kod": "kota",
    "kota": "kota",
    "provinsi": "provinsi",
    "propinsi": "provinsi",
    "prov": "provinsi",
}


def written_kind(text: str) -> tuple[str | None, str]:
    """A region's label read as its kind (:data:`PREFIX_KIND`) and its name.

    The one split of a label before its name is matched (:func:`candidates`):
    "Kab. Malang" is ``("kabupaten", "Malang")``, "Kota Batu" ``("kota",
    "Batu")``; a label without a prefix is ``(None, label)``.

    >>> written_kind("Kab. Malang"), written_kind("Pacitan")
    (('kabupaten', 'Malang'), (None, 'Pacitan'))
    """
    prefixed = PREFIX.fullmatch(text)
    if prefixed is None:
        return None, text
    return PREFIX_KIND[(prefixed["p1"] or prefixed["p2"]).lower()], prefixed["name"]


#: Numbers written for a word of a region's name: "50 Kota" is how BPS's
#: tables (and the regency itself) often write Kabupaten Lima Puluh Kota.
_NUMERAL_WORDS = {"50": "lima puluh"}
_NUMERAL = re.compile(r"(?<![0-9])(?:50)(?![0-9])")


def numeral_name(name: str) -> bool:
    """Whether `name` writes a word of it as a number ("50 Kota"), no other digits."""
    return (
        _NUMERAL.search(name) is not None
        and re.search(r"[0-9]", _NUMERAL.sub("", name)) is None
    )


def key(name: str) -> str:
    """Match key of a name: lower-case letters only, abbreviations spelt out.

    Parameters
    ----------
    name : str
        A region name as written ("Kab. Toli-Toli", "D I YOGYAKARTA").

    Returns
    -------
    str
        The letters that identify it ("tolitoli", "daerahistimewayogyakarta";
        "limapuluhkota" for "50 Kota", see ``_NUMERAL_WORDS``).
    """
    name = _NUMERAL.sub(lambda m: f" {_NUMERAL_WORDS[m[0]]} ", name)
    words = re.sub(r"[^a-z]", " ", name.lower().replace(".", ". ")).split()
    # Letters spelt one by one ("D.K.I.", "D I") are one word.
    joined: list[str] = []
    for i, w in enumerate(words):
        if len(w) == 1 and i > 0 and len(words[i - 1]) == 1:
            joined[-1] += w
        else:
            joined.append(w)
    return "".join(_ABBREVIATIONS.get(w, w) for w in joined)


@functools.cache
def _table() -> pd.DataFrame:
    text = resources.files("povstat").joinpath("data", "indonesia_regions.csv")
    return pd.read_csv(
        StringIO(text.read_text("utf-8")), dtype="string", keep_default_na=False
    )


def regions() -> pd.DataFrame:
    """The 552 regions (a fresh copy), by code; see the module docstring."""
    return _table().copy()


@functools.cache
def _index() -> dict[tuple[str, str], tuple[str, ...]]:
    """(kind, key) -> codes: every name of every region under its kind."""
    t = _table()
    out: dict[tuple[str, str], list[str]] = {}

    def add(kind: str, name: str, code: str) -> None:
        codes = out.setdefault((kind, key(name)), [])
        if code not in codes:
            codes.append(code)

    for code, name, kind, official, bps in zip(
        t["region_code"],
        t["region_name"],
        t["region_type"],
        t["official_name"],
        t["bps_names"],
        strict=True,
    ):
        if kind == "provinsi":
            others = ENGLISH_PROVINCES[code] + _OTHER_PROVINCE_NAMES.get(code, ())
            for n in (name, official, *bps.split("|"), *others):
                add("provinsi", n, code)
            continue
        # Today's and the official name carry their kind ("Kabupaten Malang",
        # "Kota Administrasi Jakarta Pusat", "Kota Malang"); the BPS tables write a
        # regency bare ("Malang", "Kota Baru" for Kabupaten Kotabaru) and a
        # city "Kota X".
        for n in (name, official):
            add(kind, n.split(" ", 1)[1], code)
        for n in bps.split("|"):
            add(kind, n.split(" ", 1)[1] if kind == "kota" else n, code)
    for n in NATIONAL_NAMES:
        out[("nasional", key(n))] = [NATIONAL_CODE]
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _info() -> dict[str, tuple[str, str, str, str]]:
    t = _table()
    out = {NATIONAL_CODE: (NATIONAL_NAME, "nasional", "", "")}
    for code, name, kind, prov, before in zip(
        t["region_code"],
        t["region_name"],
        t["region_type"],
        t["province_code"],
        t["province_code_before_split"],
        strict=True,
    ):
        out[code] = (name, kind, prov, before)
    return out


def info(code: str) -> tuple[str, str, str, str]:
    """Name, kind, province today and before the 2022 split of a region code."""
    return _info()[code]


def is_national(name: str) -> bool:
    """Whether `name` labels the country's row (:data:`NATIONAL_NAMES`)."""
    return name.isascii() and ("nasional", key(name)) in _index()


def candidates(kind: str | None, name: str) -> tuple[str, ...]:
    """Codes a name may refer to, given the kind its prefix states.

    Parameters
    ----------
    kind : {"kabupaten", "kota", "provinsi"} or None
        Kind stated by a prefix ("Kab.", "Kota", "Provinsi"); None for a bare
        name, which may be a regency, a province or Indonesia (not a city).
    name : str
        The name without its prefix.

    Returns
    -------
    tuple of str
        Codes, in the order of the list; empty if none (or if the name holds
        a letter outside ASCII).
    """
    if not name.isascii():
        return ()
    idx = _index()
    k = key(name)
    if kind == "kota":
        # "Kota Baru" is Kabupaten Kotabaru: no city Baru exists.
        return idx.get(("kota", k), ()) or idx.get(("kabupaten", "kota" + k), ())
    if kind in ("kabupaten", "provinsi"):
        return idx.get((kind, k), ())
    return (
        idx.get(("kabupaten", k), ())
        + idx.get(("provinsi", k), ())
        + idx.get(("nasional", k), ())
    )


#: Where :func:`name_key` puts a region's code: the key of a name of one
#: region of povstat's list, never the key of a name it does not know.
NAMED = "#"


@functools.lru_cache(maxsize=4096)
def name_key(label: str, code: str | None = None) -> str:
    """A region's name as compared with povstat's list: the one reading of a name.

    Shared by the nesting check (:mod:`povstat.frames._checks`) and the pairing advice
    (:func:`povstat._validate._names_spelt_otherwise`, through :func:`name_code`). The
    name matching :func:`povstat.read_bps_table` does (:func:`candidates`): case,
    spaces, dots, hyphens and footnote marks ("*", "1)", "¹", "(a)", "†", read as
    read_bps_table reads them) are not part of a name; BPS's prefixes state its kind
    ("Provinsi", "Prov.", "Kab.", "Kabupaten", "Kota", "Kotamadya") and its
    abbreviations are spelt out ("Kep.", "D.I.", "DKI", "NTB"). Every name the list
    gives a region is read (today's, its official name, every name the BPS tables give
    it, a province's English name), and is keyed by the region's code when it names one
    region: "D.I. Yogyakarta" and "KEP. BANGKA BELITUNG" name provinces, "Kabupaten
    Labuhan Batu" a regency. A name without a prefix is read as a province or the
    country only: a bare "Malang" may be the regency or the city, and is not read; a
    bare "Gorontalo" may be the province or Kabupaten Gorontalo (its BPS name), and is
    read from its column (:func:`povstat.frames._checks._namesakes`), not here. Another
    name gives its folded text, which names no region; the country's name gives
    "indonesia".

    `code`: the area code written before the name ("35 Jawa Timur",
    "[7501] Gorontalo"), as :func:`povstat.tables.leading_numbers` reads
    it in the label's column; `label` is then the rest of the label. It is
    checked against the name as read_bps_table checks it
    (:func:`_check_codes`): a code that disagrees with the name leaves the
    label unread; one that picks one of the regions the name may be ("7501
    Gorontalo", "3501 Pacitan") reads the label as that region, whatever
    its kind.
    """
    from povstat.tables import without_footnote_mark  # tables imports this module

    text = without_footnote_mark(" ".join(label.split()))
    kind, name = written_kind(text)
    if kind is None and is_national(text):
        return "indonesia"
    found = candidates(kind, name)
    if code is not None:
        picked = [found]
        _check_codes(picked, [name], [code], bare=[name])
        if not picked[0]:  # the code and the name disagree: neither is read
            return text.casefold()
        if len(picked[0]) == 1 and (len(code) == 4 or picked[0] != found):
            return NAMED + picked[0][0]
    if kind is None and any(len(c) == 4 for c in found):
        # A province's name that is also a regency's BPS name ("Gorontalo":
        # Provinsi and Kabupaten Gorontalo): either one, read from the
        # column by _namesakes.
        return text.casefold()
    codes = [
        c
        for c in found
        if kind is not None or len(c) == 2  # bare: a province (or the country)
    ]
    if codes == [NATIONAL_CODE]:
        return "indonesia"
    if len(codes) == 1:
        return NAMED + codes[0]
    return text.casefold()


def name_code(label: str) -> str | None:
    """The code of the one region `label` names, read by :func:`name_key`.

    :data:`NATIONAL_CODE` for the country's name; None for a name of no
    region or of several (a bare "Malang": Kabupaten or Kota Malang; a bare
    "Gorontalo": the province or Kabupaten Gorontalo).
    """
    found = name_key(label)
    if found == "indonesia":
        return NATIONAL_CODE
    return found[len(NAMED) :] if found.startswith(NAMED) else None


@functools.cache
def known_codes() -> frozenset[str]:
    """The codes of povstat's list of regions (38 provinces, 514 regencies)."""
    return frozenset(regions()["region_code"])


def dotted_floats(
    labels: Iterable[object], *, single: bool = False
) -> dict[Any, str] | None:
    """Each float label's area code, where the floats are dotted codes; else None.

    The one reading of Kemendagri's dotted codes read back as numbers, for
    the nesting check and the pairing advice. A column of dotted codes
    ("35", "35.01", ..., "35.79") read from a CSV file with pandas'
    defaults holds floats (35.0, 35.01, 35.79; "35.10" becomes 35.1; the
    country's "00" becomes 0.0). Where every label (none missing: the
    caller sets those aside) is a float or a decimal, one at least not
    integral, each with two digits before the point and at most two after
    it, read as a code of povstat's list (35.0 is the province 35; 35.01
    the regency 3501; 35.1 can only be 35.10, 3510), or zero (the
    country, ""), they are read as those codes; otherwise None. A float is
    read at its own precision (`single`: the labels come from a float32
    column, whose 35.01 is 35.0099983...), a decimal as written
    (DECIMAL(18,3)'s 35.010 is 35.01).
    """
    known = known_codes()
    out: dict[Any, str] = {}
    fraction = False
    for label in labels:  # the distinct labels of one column or index
        text = _decimal_text(label, single=single)
        if text is None:
            return None
        if float(text) == 0:
            out[label] = ""  # the country, "00" read as a number
            continue
        found = re.fullmatch(r"([1-9][0-9])\.([0-9]{1,2})", text)
        if found is None:
            return None
        whole, part = found.groups()
        code = whole if part == "0" else whole + part.ljust(2, "0")
        fraction = fraction or part != "0"
        if code not in known:
            return None
        out[label] = code
    return out if fraction else None


def _decimal_text(label: object, *, single: bool) -> str | None:
    """A finite float's or decimal's shortest text ("35.01", "35.0"), else None."""
    if isinstance(label, Decimal):
        if not label.is_finite():
            return None
        text = format(label.normalize(), "f")
        return text if "." in text else text + ".0"
    if not isinstance(label, float | np.float32 | np.float64) or not math.isfinite(
        label
    ):
        return None
    value = np.float32(label) if single else np.float64(label)
    return np.format_float_positional(value, trim="0")


def province_code(province: str) -> str:
    """Code of a province given by code ("35") or name ("Jawa Timur").

    Raises
    ------
    ValueError
        If `province` names no province.
    """
    text = " ".join(str(province).split())
    m = re.match(r"^(?:provinsi|prov\.?)\s*(.*)$", text, re.IGNORECASE)
    name = m.group(1) if m else text
    t = _table()
    provinces = t[t["region_type"] == "provinsi"]
    if name in set(provinces["region_code"]):
        return name
    found = candidates("provinsi", name)
    if len(found) == 1:
        return found[0]
    listed = ", ".join(
        f"{c} {n}"
        for c, n in zip(provinces["region_code"], provinces["region_name"], strict=True)
    )
    msg = (
        f"`province` must be a province's code or name, got {province!r}; "
        f"the provinces are: {listed}"
    )
    raise ValueError(msg)


# BPS tables give the Papua provinces formed in 2022 figures of their own from
# March 2024; earlier tables list their regencies under Papua or Papua Barat.
SPLIT_TABLE_YEAR = 2024


def _in_province(code: str, province: str, before_split: bool) -> bool:
    """Whether region `code` lies in `province` (or did before the split)."""
    _, _, today, before = info(code)
    return province == today or (before_split and province == before)


def match(
    kinds: Sequence[str | None],
    names: Sequence[str | None],
    *,
    province: str | None = None,
    first_year: int | None = None,
    codes: Sequence[str | None] | None = None,
    provinces: bool = False,
    written: Sequence[str | None] | None = None,
) -> pd.DataFrame:
    """Match the names of a table's rows, in table order, to region codes.

    Parameters
    ----------
    kinds : sequence of str or None
        Kind each row's prefix states (see :func:`candidates`).
    names : sequence of str or None
        Each row's name without prefix or footnote mark; None for no name.
    province : str, optional
        Code of the province the table is about: the context of every row
        in a table with no province row or one of this province only, and
        of rows above the first province row otherwise.
    first_year : int, optional
        Earliest year of the table's columns: before
        :data:`SPLIT_TABLE_YEAR` (or if None), a regency of a Papua province
        formed in 2022 is also in its province before the split.
    codes : sequence of str or None, optional
        A code written before each row's name, or None. A four-digit code
        must be a region's code and agree with the name (it then also
        resolves a name that fits two regions); a two-digit one is a
        province's code only before a name of a province or Indonesia, and
        a list number otherwise. A code that disagrees leaves the row
        unmatched, ``reason`` naming both regions.
    provinces : bool, default False
        The table is one of provinces (its label column headed
        "Provinsi"): a name that is both a province and a regency is the
        province, in any case.
    written : sequence of str or None, optional
        Each row's name as written, with its kind ("Kota Batu"), for
        messages; `names` if not given.

    Returns
    -------
    pandas.DataFrame
        Columns ``code``, ``name``, ``type`` (None where unmatched),
        ``candidates`` (a tuple of codes: more than one where the name is
        ambiguous and the context does not resolve it; the row is then
        unmatched and the caller raises) and ``reason`` (why a row with
        candidates is unmatched; None otherwise).

    Notes
    -----
    A name that is both a province and a regency (Gorontalo) is the province
    when written in capitals, as BPS writes province rows, and in a table of
    provinces (`provinces`) however written. The context of each row is
    found from all the province rows at once (see ``_contexts``): a
    table naming one province is that province's table wherever its row
    sits; with several, each province row sets the context of the rows
    below it (until the next province row or Indonesia), and `province`,
    or else any of the table's provinces, is the context above the first
    one. In a context,
    a regency or city name is matched among the regions of that province
    only (as of the table's years), with the BPS convention that a bare name
    is the regency. A name whose regions all lie in other provinces is
    unmatched, and ``reason`` names them and, for a bare name, the context
    province's city of that name ("Banjar" under Jawa Barat: Kabupaten
    Banjar is in Kalimantan Selatan; Jawa Barat has Kota Banjar). A bare
    name of no regency or province that is a city's name is unmatched too,
    ``reason`` naming the context province's city of that name (every city
    of that name without a context): "Jakarta Pusat" under DKI Jakarta,
    "Medan" under Sumatera Utara.
    """
    before_split = first_year is None or first_year < SPLIT_TABLE_YEAR
    cands = [
        () if n is None else candidates(k, n) for k, n in zip(kinds, names, strict=True)
    ]
    conflicts = _check_codes(
        cands, written or names, codes or [None] * len(cands), bare=names
    )
    # Capitals: a province row (BPS style); any name, in a table of provinces.
    for i, (c, n) in enumerate(zip(cands, names, strict=True)):
        if len(c) > 1 and n is not None and (provinces or n.isupper()):
            provs = tuple(x for x in c if len(x) == 2)
            if provs:
                cands[i] = provs
    context = _contexts(cands, province, before_split)
    resolved: list[tuple[str, ...]] = []
    reasons: list[str | None] = []
    for c, ctx, k, n in zip(cands, context, kinds, names, strict=True):
        why = None
        local = tuple(x for x in c if len(x) == 4)
        if ctx and local:
            inside = tuple(
                x for x in local if any(_in_province(x, p, before_split) for p in ctx)
            )
            if inside:
                c = inside
            elif len(local) == len(c):  # no province of that name either
                where = ", ".join(describe(x) for x in local)
                why = f"not a region of {_provinces_named(ctx)}: {where}"
                if k is None and n is not None:
                    city = [
                        x
                        for x in candidates("kota", n)
                        if any(_in_province(x, p, before_split) for p in ctx)
                    ]
                    if city:
                        name = info(city[0])[0]
                        held = info(info(city[0])[2])[0]
                        why += (
                            f"; {held} has {describe(city[0])}: write "
                            f"{name!r} (a bare name is a regency)"
                        )
                c = ()
        if not c and k is None and n is not None and why is None:
            # A bare name of no regency or province: a city of that name is
            # named, never matched ("Jakarta Pusat" under DKI Jakarta, as
            # BPS's own Jakarta tables write it, is Kota Jakarta Pusat).
            city = [
                x
                for x in candidates("kota", n)
                if len(x) == 4
                and info(x)[1] == "kota"
                and (not ctx or any(_in_province(x, p, before_split) for p in ctx))
            ]
            if city:
                where = _provinces_named(ctx) if ctx else "Indonesia"
                shown = " and ".join(describe(x) for x in city)
                names = " or ".join(repr(info(x)[0]) for x in city)
                why = (
                    "no region of this name (a bare name is a regency, as in "
                    f"BPS tables); {where} has {shown}: write {names}"
                )
        resolved.append(c)
        reasons.append(why)
    reasons = [c or r for c, r in zip(conflicts, reasons, strict=True)]
    code = [c[0] if len(c) == 1 else None for c in resolved]
    described = [info(c) if c is not None else None for c in code]
    return pd.DataFrame(
        {
            "code": pd.array(code, dtype="string"),
            "name": pd.array([d[0] if d else None for d in described], dtype="string"),
            "type": pd.array([d[1] if d else None for d in described], dtype="string"),
            "candidates": pd.Series(resolved, dtype=object),
            "reason": pd.Series(reasons, dtype=object),
        }
    )


def _provinces_named(ctx: tuple[str, ...]) -> str:
    """A context for messages: "Jawa Barat or Jawa Tengah"; over three, counted."""
    if len(ctx) > 3:
        return f"any of the table's {len(ctx)} provinces"
    return " or ".join(info(p)[0] for p in ctx)


def _contexts(
    cands: list[tuple[str, ...]], province: str | None, before_split: bool = True
) -> list[tuple[str, ...]]:
    """The provinces each row's region must lie in (empty: anywhere).

    The province rows (one candidate, a province or Indonesia) are found
    first, over all rows. A table whose province rows name one province
    only (`province`, if given, the same) is that province's table: every
    row's context is that province, wherever its row sits (BPS puts the
    province total last). Otherwise each province row sets the context of
    the rows below it, up to the next province row or Indonesia; rows
    above the first province row (and below an Indonesia row) get
    `province`, or, without it, any of the table's provinces. So a
    region from a province the table does not name is never matched
    because of where the table's province rows sit. Where the province
    rows stand below their regions instead (BPS's layout with each
    province's total below its regencies and cities: more of the regions
    between two province rows lie only in the province below than only
    in the one above), each province row sets the context of the rows
    above it, up to the previous province row or Indonesia, and the rows
    below the last one (and below an Indonesia row) get `province`, or,
    without it, any of the table's provinces.
    """
    heads = [c[0] if len(c) == 1 and len(c[0]) == 2 else None for c in cands]
    named = tuple(dict.fromkeys(h for h in heads if h not in (None, NATIONAL_CODE)))
    if len(named) == 1 and province in (None, named[0]):
        return [named] * len(cands)
    outside = (province,) if province is not None else named
    starts = pd.Series(
        [None if h is None else (() if h == NATIONAL_CODE else (h,)) for h in heads],
        dtype=object,
    )
    # Each row's context is the latest province row above it (the row
    # itself excluded): shift by one, then carry forward.
    above = starts.shift(1).ffill()
    below = starts[::-1].shift(1).ffill()[::-1]
    votes = 0  # rows lying only below (+1) or only above (-1) their region
    for c, a, b in zip(cands, above, below, strict=True):
        if len(c) == 1 and len(c[0]) == 2:
            continue
        local = [x for x in c if len(x) == 4]
        in_a = isinstance(a, tuple) and any(
            _in_province(x, p, before_split) for x in local for p in a
        )
        in_b = isinstance(b, tuple) and any(
            _in_province(x, p, before_split) for x in local for p in b
        )
        votes += int(in_b and not in_a) - int(in_a and not in_b)
    if votes > 0:
        return [outside if not isinstance(b, tuple) or not b else b for b in below]
    return [outside if not isinstance(a, tuple) or not a else a for a in above]


#: BPS's codes of the Papua provinces that differ from Kemendagri's (see
#: docs/data.rst): BPS's 91 Papua Barat is Kemendagri's 92, and so on.
_BPS_PROVINCE = {"91": "92", "92": "96", "94": "91", "95": "93", "96": "94", "97": "95"}


def _province_readings(code: str) -> list[tuple[str, str]]:
    """The provinces a province code names: by Kemendagri's and BPS's numbering.

    Pairs of (numbering, Kemendagri code): ("Kemendagri", "94") and
    ("BPS", "91") for "94"; one pair where the two agree or one has none.
    """
    out: list[tuple[str, str]] = []
    if code in _info() and _info()[code][1] == "provinsi":
        out.append(("Kemendagri", code))
    if code in _BPS_PROVINCE:
        out.append(("BPS", _BPS_PROVINCE[code]))
    return out


def _check_codes(
    cands: list[tuple[str, ...]],
    names: Sequence[str | None],
    codes: Sequence[str | None],
    *,
    bare: Sequence[str | None],
) -> list[str | None]:
    """Narrow each row's candidates to the code written before its name.

    Rewrites `cands` in place: a code among them is the match; a code that
    disagrees leaves none. Returns the reason for each disagreement. A name
    that fits no region of its written kind but names a region of another
    kind (`bare`: the names without their kind, "Batu" for Kota Batu) is
    compared with the code too: "3501 Batu" names 3501 Pacitan by its code
    and 3579 Kota Batu by its name, and the reason names both.
    """
    out: list[str | None] = []
    for i, (c, n, code, b) in enumerate(zip(cands, names, codes, bare, strict=True)):
        why = None
        if code is None or (len(code) == 2 and not any(len(x) == 2 for x in c)):
            out.append(None)  # no code, or a list number before a regency
            continue
        readings = _province_readings(code[:2]) if len(code) in (2, 4) else []
        if readings and (len(code) == 2 or code.endswith("00")):
            # A province's code: two digits, or BPS's four ("1500 JAMBI":
            # 15), which number the Papua provinces BPS's way ("9400 PAPUA":
            # 91 Papua) or Kemendagri's; the name decides between them.
            agree = [k for _, k in readings if k in c]
            if agree:
                cands[i] = (agree[0],)
                out.append(None)
                continue
            found = " or ".join(describe(x) for x in c) or "no region's name"
            shown = [
                describe(k)
                if who == "Kemendagri"
                else f"{_info()[k][0]} (Kemendagri's {k})"
                for who, k in readings
            ]
            if len(readings) > 1 or code[:2] in (
                *_BPS_PROVINCE,
                *_BPS_PROVINCE.values(),
            ):
                said = "a province's code: " + " or ".join(
                    f"{x} by {who}'s numbering"
                    for x, (who, _) in zip(shown, readings, strict=True)
                )
                if len(readings) == 1:
                    rival = "BPS" if readings[0][0] == "Kemendagri" else "Kemendagri"
                    said += f" ({rival} numbers no province {code[:2]})"
            elif len(code) == 4:
                said = f"BPS's code of {shown[0]}"
            else:
                said = shown[0]
            word = "number" if len(code) == 4 else "code"
            why = (
                f"the {word} {code} before the name is {said}, but the name "
                f"{n!r} is {found}"
            )
            cands[i] = ()
            out.append(why)
            continue
        known = code in _info()
        if code in c:
            cands[i] = (code,)
        elif len(code) == 2 and not known:
            pass  # a list number before a province: no province has it
        elif not known:
            why = f"the number {code} before the name is no region's code"
            cands[i] = ()
        elif c:
            found = " or ".join(describe(x) for x in c)
            why = (
                f"the code {code} before the name is {describe(code)}, but the "
                f"name {n!r} is {found}"
            )
            if len(code) == 4 and any(
                x[:2] == code[:2] and info(x)[1] == info(code)[1] for x in c
            ):
                # A code of a region of the name's kind in the name's own
                # province: perhaps BPS's numbering, which differs from
                # Kemendagri's in some provinces ("1275 Kota Medan" in
                # Sumatera Utara; BPS numbers cities from 71 too).
                why = (
                    f"the code {code} before the name is {describe(code)} in "
                    f"Kemendagri's numbering (the codes povstat holds), but "
                    f"the name {n!r} is {found}; BPS numbers some regencies "
                    "and cities differently, and povstat has no list of "
                    "BPS's codes to check them against: if the table's codes "
                    "are BPS's, read the names without the codes: read the "
                    "table with pandas (read_csv or read_excel, header=None, "
                    "dtype=str) into frame, take the codes out of its first "
                    "column, frame[0] = frame[0].str.replace(r'^\\s*"
                    "[0-9]{4}\\s+', '', regex=True), and pass the frame"
                )
            cands[i] = ()
        elif b is not None:
            # No region of the written kind ("Batu" bare: no regency); the
            # regions of that name of any kind ("Kota Batu").
            other = tuple(
                dict.fromkeys(
                    x
                    for kind in ("kabupaten", "kota", "provinsi")
                    for x in candidates(kind, b)
                    if len(x) == len(code)
                )
            )
            if other and code not in other:
                found = " or ".join(describe(x) for x in other)
                kind_note = (
                    " (with its kind written: a bare name is a regency)"
                    if n == b
                    else ""
                )
                why = (
                    f"the code {code} before the name is {describe(code)}, but "
                    f"the name {n!r} is no region's as written and {b!r} is "
                    f"the name of {found}: the code and the name disagree; "
                    f"write the code and the name of the same region{kind_note}"
                )
        out.append(why)
    return out


def describe(code: str) -> str:
    """A code for messages: "3573 Kota Malang (Jawa Timur)"."""
    name, kind, prov, _ = info(code)
    if kind in ("provinsi", "nasional"):
        return f"{code} {name}"
    return f"{code} {name} ({info(prov)[0]})"
