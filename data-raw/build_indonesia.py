"""Build povstat's Indonesia poverty tables from the raw copies in data-raw/.

Run from anywhere::

    python data-raw/build_indonesia.py            # writes src/povstat/data/
    python data-raw/build_indonesia.py --out DIR  # writes DIR instead

Inputs (unmodified copies; provenance in ``indonesia/SOURCES.md`` and
``regions/SOURCES.md``):

* ``indonesia/*.csv``: the BPS tables (P0 and number of poor by regency/city
  and by province and area, poverty line by regency/city, P1/P2 by
  regency/city).
* ``regions/wilayah_penduduk.sql``: the Kemendagri code list (Kepmendagri
  300.2.2-2138/2025) of the 38 provinces and 514 regencies/cities.
* ``east_java/east_java_poverty.csv``: the East Java table povstat shipped
  before the national table, whose values not found in the BPS tables
  (population, some P1/P2 and poverty lines from releases) are kept.

Outputs (in the output directory):

* ``indonesia_regions.csv``: the 552 regions with code, name, kind, province
  (today and before the 2022 Papua split) and the names the BPS tables use.
* ``indonesia_poverty.csv``: one row per region, year, round and area, with a
  ``source_id`` naming the raw file, line and field of every value and a
  ``note`` flagging anomalies found by the checks below.
* ``east_java_supplement.csv``: the East Java values the BPS tables lack.

Every name, code and mapping is read from these files or derived from them by
the rules in this script; no value is typed in. The script stops with an error
if a rule meets a case it does not cover (an unmatched name, two candidates, a
value that disagrees), so a change in the inputs cannot pass unnoticed.
Output is deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from povstat._regions import key  # the one normalisation of names, as in matching

HERE = Path(__file__).resolve().parent
RAW = HERE / "indonesia"
REPO = HERE.parent
DEFAULT_OUT = REPO / "src" / "povstat" / "data"

FIRST_YEAR = 2015  # first year of the March-round regency series (2015 method)
NATIONAL_CODE = "00"  # povstat's own code for Indonesia (not an official code)

#: Source ids of the raw files (the East Java table's ids, plus the year for GK).
P0_KK = ("BPS_P0_KABKOTA", "bps_p0_kabkota_2004_2025.csv")
N_KK = ("BPS_N_KABKOTA", "bps_poor_kabkota_2004_2025.csv")
P0_PROV = ("BPS_P0_PROV", "bps_p0_prov_2007_2026.csv")
N_PROV = ("BPS_N_PROV", "bps_poor_prov_2007_2026.csv")
P1P2 = ("BPS_P1P2_KABKOTA", "bps_p1p2_kabkota_2015_2023.csv")
GK_FILE = "bps_gk_kabkota_{year}.csv"
GK_ID = "BPS_GK_KABKOTA"

VALUE_COLUMNS = ("poverty_rate_pct", "poor_thousands", "poverty_line_idr", "p1", "p2")
FIELD_CODE = {
    "poverty_rate_pct": "p0",
    "poor_thousands": "poor",
    "poverty_line_idr": "gk",
    "p1": "p1",
    "p2": "p2",
}
AREAS = {"Perkotaan": "urban", "Perdesaan": "rural", "Jumlah": "total"}
ROUNDS = {"Semester 1 (Maret)": 3, "Semester 2 (September)": 9, "Tahunan": None}
AREA_ORDER = {"total": 0, "urban": 1, "rural": 2}
TYPE_ORDER = {"nasional": 0, "provinsi": 1, "kabupaten": 2, "kota": 2}

# Thresholds of the anomaly flags (documented in the data page).
GK_JUMP = 0.20  # poverty line moving more than 20 % in a year
POP_JUMP = 0.15  # implied population (poor / P0) moving more than 15 % in a year
SUM_TOLERANCE = 0.05  # thousand: regency sum vs province total


class BuildError(RuntimeError):
    """A rule of this script met a case it does not cover."""


# --- reading -----------------------------------------------------------------


def read_rows(path: Path) -> list[list[str]]:
    """CSV rows of a raw file (BOM skipped, CRLF or LF)."""
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def number(text: str) -> float | None:
    """A raw cell: "-" or empty is no value, else a decimal-point number."""
    t = text.strip()
    if t in {"", "-"}:
        return None
    return float(t)


def province_display(bps_name: str) -> str:
    """BPS province name in title case: "DI YOGYAKARTA" is "DI Yogyakarta"."""
    words = bps_name.replace("KEP. ", "KEPULAUAN ").split()
    return " ".join(w if len(w) <= 3 and w.isalpha() else w.capitalize() for w in words)


# --- the code list -----------------------------------------------------------

#: Typos of the code list, corrected by code: (as written there, corrected).
#: The build stops if the code list writes the name otherwise, so a new copy
#: of it is looked at again. See regions/SOURCES.md.
OFFICIAL_TYPOS = {"96": ("Papua Barat Oaya", "Papua Barat Daya")}


def official_name(code: str, written: str) -> str:
    """The code list's name of region `code`, its typos and abbreviations corrected.

    Spaces are collapsed ("Kabupaten  Pelalawan"), the short prefix "Kab"
    is "Kabupaten" (as the other 500 regencies are written) and "Kep." is
    "Kepulauan"; a typo of :data:`OFFICIAL_TYPOS` is corrected.
    """
    text = " ".join(written.split())
    if code in OFFICIAL_TYPOS:
        typo, corrected = OFFICIAL_TYPOS[code]
        if text != typo:
            msg = f"code {code} is {written!r} in the code list, not {typo!r}"
            raise BuildError(msg)
        text = corrected
    text = re.sub(r"^Kab ", "Kabupaten ", text)
    return text.replace("Kep. ", "Kepulauan ")


@dataclass
class Region:
    """A province or regency/city of the code list, with its BPS names."""

    code: str  # "35" or "3573"
    official: str  # name as in the code list, typos corrected (official_name)
    kind: str  # provinsi, kabupaten, kota
    base: str  # name without kind prefix, spaces collapsed
    province: str  # province code (today)
    province_before: str = ""  # province code in BPS figures before the split
    bps_names: list[str] = field(default_factory=list)
    name: str = ""  # display name


def read_code_list() -> dict[str, Region]:
    """Provinces and regencies/cities of the Kemendagri list, by code."""
    text = (HERE / "regions" / "wilayah_penduduk.sql").read_text("utf-8")
    found = re.findall(r"^\('([0-9.]+)','([^']*)','\d+','\d+','\d+'\)", text, re.M)
    out: dict[str, Region] = {}
    for dotted, official in found:
        if dotted == "0":
            continue  # INDONESIA
        parts = dotted.split(".")
        if len(parts) == 1:
            code, kind, base = parts[0], "provinsi", " ".join(official.split())
        elif len(parts) == 2 and len(parts[1]) == 2:
            code = parts[0] + parts[1]
            m = re.match(r"^(Kabupaten|Kab|Kota)\s+(Administrasi\s+)?(.*)$", official)
            if not m:
                msg = f"no kind prefix in {official!r} ({dotted})"
                raise BuildError(msg)
            kind = "kota" if m.group(1) == "Kota" else "kabupaten"
            base = " ".join(m.group(3).replace("Kep. ", "Kepulauan ").split())
            if (kind == "kota") != (int(parts[1]) >= 71):
                msg = f"kind of {official!r} disagrees with code {dotted}"
                raise BuildError(msg)
        else:
            msg = f"unexpected code {dotted!r}"
            raise BuildError(msg)
        if code in out:
            msg = f"code {code} twice in the code list"
            raise BuildError(msg)
        out[code] = Region(code, official_name(code, official), kind, base, code[:2])
    provinces = [r for r in out.values() if r.kind == "provinsi"]
    regencies = [r for r in out.values() if r.kind != "provinsi"]
    if (len(provinces), len(regencies)) != (38, 514):
        msg = f"code list has {len(provinces)} + {len(regencies)} regions"
        raise BuildError(msg)
    return out


# --- matching BPS names to codes --------------------------------------------


def pair_by_elimination(
    left: dict[str, str], right: dict[str, str], what: str
) -> dict[str, str]:
    """Pair names by key; the one name left on each side pair with each other.

    `left` and `right` map an id to a name. Returns left id -> right id.
    """
    by_key: dict[str, list[str]] = defaultdict(list)
    for rid, name in right.items():
        by_key[key(name)].append(rid)
    out: dict[str, str] = {}
    for lid, name in left.items():
        hits = by_key.get(key(name), [])
        if len(hits) > 1:
            msg = f"{what}: {name!r} matches {hits}"
            raise BuildError(msg)
        if hits:
            out[lid] = hits[0]
    rest_l = [lid for lid in left if lid not in out]
    rest_r = [rid for rid in right if rid not in set(out.values())]
    if len(rest_l) == 1 and len(rest_r) == 1:
        out[rest_l[0]] = rest_r[0]
    elif rest_l:
        msg = (
            f"{what}: cannot pair {[left[x] for x in rest_l]} "
            f"with {[right[x] for x in rest_r]}"
        )
        raise BuildError(msg)
    if len(set(out.values())) != len(out):
        msg = f"{what}: two names paired with one region"
        raise BuildError(msg)
    return out


@dataclass
class WideRow:
    """A data row of a BPS wide table with the province header above it."""

    line: int  # 1-based line of the file
    province_name: str  # BPS province header above (or the row itself)
    name: str
    cells: list[str]


def wide_rows(rows: list[list[str]], first: int) -> Iterator[WideRow]:
    """Data rows of a kab/kota wide table, each with its province header."""
    header = ""
    for i, r in enumerate(rows[first:], start=first + 1):
        name = r[0]
        if name == "" or name == "Catatan":
            continue
        if name.isupper():
            header = name
        yield WideRow(i, header, name, r)


def assign_codes(
    regions: dict[str, Region], rows: list[WideRow], what: str
) -> dict[tuple[str, str], str]:
    """(province header, name) -> code, province by province."""
    provs = {c: r for c, r in regions.items() if r.kind == "provinsi"}
    headers = sorted({w.province_name for w in rows})
    prov_of = pair_by_elimination(
        dict(zip(headers, headers, strict=True)),
        {c: r.base for c, r in provs.items()},
        f"{what} provinces",
    )
    out: dict[tuple[str, str], str] = {}
    for h in headers:
        pcode = prov_of[h]
        out[(h, h)] = pcode
        names = [w.name for w in rows if w.province_name == h and w.name != h]
        # "Kota X" is the city X, unless no city X exists and the name is a
        # regency written in two words ("Kota Baru" for Kabupaten Kotabaru).
        inprov = {c: r for c, r in regions.items() if r.kind != "provinsi"}
        inprov = {c: r for c, r in inprov.items() if r.province == pcode}
        cities = {key(r.base): c for c, r in inprov.items() if r.kind == "kota"}
        regencies = {c: r.base for c, r in inprov.items() if r.kind == "kabupaten"}
        bare: dict[str, str] = {}
        for n in names:
            m = re.match(r"^Kota\s+(.*)$", n)
            if m and key(m.group(1)) in cities:
                out[(h, n)] = cities[key(m.group(1))]
            else:
                bare[n] = n
        taken = set(out.values())
        free = {c: b for c, b in regencies.items() if c not in taken}
        free |= {
            c: "Kota " + r.base
            for c, r in inprov.items()
            if r.kind == "kota" and c not in taken
        }
        for n, c in pair_by_elimination(bare, free, f"{what} {h}").items():
            out[(h, n)] = c
    if len(set(out.values())) != len(out):
        msg = f"{what}: two rows matched to one code"
        raise BuildError(msg)
    return out


# --- the tables ---------------------------------------------------------------


@dataclass
class Value:
    """A value and its cell: ``"SOURCE_ID@line:field"``, both 1-based."""

    value: float
    source: str  # "ID@line:field"


Key = tuple[str, int, int, str]  # region code, year, month, area


def put(table: dict[Key, dict[str, Value]], k: Key, column: str, v: Value) -> None:
    """Set one value of the table; a value set twice is an error."""
    row = table.setdefault(k, {})
    if column in row:
        msg = f"{k} {column} set twice"
        raise BuildError(msg)
    row[column] = v


def year_columns(rows: list[list[str]], header_line: int) -> dict[int, int]:
    """Year -> field index of a kab/kota wide table's year header row."""
    out: dict[int, int] = {}
    for j, cell in enumerate(rows[header_line]):
        if re.fullmatch(r"\d{4}", cell.strip()):
            out[int(cell)] = j
    return out


def main(argv: Iterable[str] | None = None) -> int:
    """Read the raw files, check them, write the tables; 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(None if argv is None else list(argv))
    out_dir: Path = args.out
    regions = read_code_list()

    # Regency/city wide tables: P0 and poor (same rows), and GK per year.
    p0_rows = read_rows(RAW / P0_KK[1])
    n_rows = read_rows(RAW / N_KK[1])
    p0_wide = list(wide_rows(p0_rows, 2))
    n_wide = list(wide_rows(n_rows, 2))
    if [(w.province_name, w.name) for w in p0_wide] != [
        (w.province_name, w.name) for w in n_wide
    ]:
        msg = "P0 and poor kab/kota tables list different rows"
        raise BuildError(msg)
    if len(p0_wide) != 552:
        msg = f"{len(p0_wide)} rows in the P0 kab/kota table"
        raise BuildError(msg)
    codes = assign_codes(regions, p0_wide, "P0 kab/kota table")
    for w in p0_wide:
        c = codes[(w.province_name, w.name)]
        if w.name not in regions[c].bps_names:
            regions[c].bps_names.append(w.name)
        if w.name == w.province_name:
            regions[c].name = province_display(w.name)  # replaced below

    # Province names: the provincial table's, in title case.
    prov_rows = read_rows(RAW / P0_PROV[1])
    nprov_rows = read_rows(RAW / N_PROV[1])
    prov_names = [r[0] for r in prov_rows[4:] if r[0].isupper() and r[0] != "INDONESIA"]
    prov_code = pair_by_elimination(
        dict(zip(prov_names, prov_names, strict=True)),
        {c: r.base for c, r in regions.items() if r.kind == "provinsi"},
        "provincial table",
    )
    for n, c in prov_code.items():
        regions[c].name = province_display(n)
        if n not in regions[c].bps_names:
            regions[c].bps_names.append(n)
    short = [
        w
        for r in regions.values()
        if r.kind == "provinsi"
        for w in r.name.split()
        if w.isupper()
    ]
    if sorted(set(short)) != ["DI", "DKI"]:
        msg = f"unexpected upper-case words in province names: {short}"
        raise BuildError(msg)
    for r in regions.values():
        if r.kind != "provinsi":
            r.name = ("Kabupaten " if r.kind == "kabupaten" else "Kota ") + r.base

    # The 2022 Papua split, as the P1/P2 table (pre-split provinces) shows it.
    p1p2_rows = read_rows(RAW / P1P2[1])
    if p1p2_rows[0] != ["nama_variabel", "nama_tahun", "nama_wilayah", "data_content"]:
        msg = "P1/P2 header changed"
        raise BuildError(msg)
    block = [r[2] for r in p1p2_rows[1:549]]
    old_wide = list(wide_rows([[n] for n in block], 0))
    old_provs = sorted({w.province_name for w in old_wide})
    old_prov_code = pair_by_elimination(
        dict(zip(old_provs, old_provs, strict=True)),
        {c: r.base for c, r in regions.items() if r.kind == "provinsi"},
        "P1/P2 provinces",
    )
    new_provs = {
        c
        for c, r in regions.items()
        if r.kind == "provinsi" and c not in set(old_prov_code.values())
    }
    # A regency of the P1/P2 table is matched among its province's regions and
    # those of the provinces formed since (absent from that table).
    p1p2_code: dict[tuple[str, str], str] = {}
    for h in old_provs:
        pc = old_prov_code[h]
        p1p2_code[(h, h)] = pc
        pool = {
            c: (r.name if r.kind == "kota" else r.base)
            for c, r in regions.items()
            if r.kind != "provinsi" and (r.province == pc or r.province in new_provs)
        }
        # Names as the kab/kota tables write them, for the same rules.
        known = {c: n for c, n in pool.items()}
        names = {
            w.name: w.name for w in old_wide if w.province_name == h and w.name != h
        }
        # First the names also in the P0 table (same spelling), then the rest.
        same: dict[str, str] = {}
        for n in list(names):
            hits = [c for c in pool if n in regions[c].bps_names]
            if len(hits) == 1:
                same[n] = hits[0]
                del names[n]
        # Then by key among all candidates, and the last one left of the
        # province itself by elimination.
        by_key: dict[str, list[str]] = defaultdict(list)
        for c, n in known.items():
            if c not in set(same.values()):
                by_key[key(n)].append(c)
        for n in list(names):
            hits = by_key.get(key(n), [])
            if len(hits) > 1:
                msg = f"P1/P2 {n!r} matches {hits}"
                raise BuildError(msg)
            if hits:
                same[n] = hits[0]
                del names[n]
        rest = {c: n for c, n in known.items() if c not in set(same.values())}
        rest = {c: n for c, n in rest.items() if regions[c].province == pc}
        paired = pair_by_elimination(names, rest, f"P1/P2 table {h}")
        for n, c in (same | paired).items():
            p1p2_code[(h, n)] = c
            if regions[c].province != pc and regions[c].province not in new_provs:
                msg = f"P1/P2 {n!r} under {h} but in {regions[c].province}"
                raise BuildError(msg)
            regions[c].province_before = pc
            if n not in regions[c].bps_names:
                regions[c].bps_names.append(n)
    for r in regions.values():
        if r.kind == "provinsi":
            r.province_before = r.code
        elif not r.province_before:
            msg = f"{r.name} is not in the P1/P2 table"
            raise BuildError(msg)
    # The year BPS figures switch to the new provinces: the provincial table's
    # footnote ("... sebelum tahun 2024 merupakan angka provinsi sebelum ...").
    note_text = prov_rows[-1][1]
    m = re.search(r"Papua Barat dan Papua sebelum tahun (\d{4})", note_text)
    if not m:
        msg = "split footnote not found in the provincial table"
        raise BuildError(msg)
    split_year = int(m.group(1))

    def province_as_of(code: str, year: int) -> str:
        r = regions[code]
        return r.province_before if year < split_year else r.province

    # --- values ------------------------------------------------------------
    table: dict[Key, dict[str, Value]] = {}
    catatan = " ".join(r[1] for r in p0_rows if r and r[0] == "Catatan")

    years_p0 = year_columns(p0_rows, 1)
    years_n = year_columns(n_rows, 1)
    last_year = max(years_p0)
    for w_p0, w_n in zip(p0_wide, n_wide, strict=True):
        c = codes[(w_p0.province_name, w_p0.name)]
        if regions[c].kind == "provinsi":
            continue  # province figures come from the provincial tables
        for y in range(FIRST_YEAR, last_year + 1):
            for (sid, _), w, yc, col in (
                (P0_KK, w_p0, years_p0, "poverty_rate_pct"),
                (N_KK, w_n, years_n, "poor_thousands"),
            ):
                v = number(w.cells[yc[y]])
                if v is not None:
                    put(
                        table,
                        (c, y, 3, "total"),
                        col,
                        Value(v, f"{sid}@{w.line}:{yc[y] + 1}"),
                    )

    gk_years = sorted(
        int(p.stem.rsplit("_", 1)[1]) for p in RAW.glob("bps_gk_kabkota_*.csv")
    )
    for y in (y for y in gk_years if y >= FIRST_YEAR):
        rows = read_rows(RAW / GK_FILE.format(year=y))
        if rows[2][1].strip() != str(y):
            msg = f"GK {y}: header year {rows[2][1]!r}"
            raise BuildError(msg)
        gw = list(wide_rows(rows, 3))
        if [(w.province_name, w.name) for w in gw] != [
            (w.province_name, w.name) for w in p0_wide
        ]:
            msg = f"GK {y} lists other rows than the P0 table"
            raise BuildError(msg)
        for w in gw:
            c = codes[(w.province_name, w.name)]
            v = number(w.cells[1])
            if v is None:
                continue
            if v != int(v):
                msg = f"GK {y} {w.name}: not whole rupiah"
                raise BuildError(msg)
            put(
                table,
                (c, y, 3, "total"),
                "poverty_line_idr",
                Value(v, f"{GK_ID}_{y}@{w.line}:2"),
            )

    variables = {"Index Kedalaman Kemiskinan": "p1", "Index Keparahan Kemiskinan": "p2"}
    block_header = ""
    for i, fields in enumerate(p1p2_rows[1:], start=2):
        var, year, name, content = fields
        if name.isupper():
            block_header = name
        c = p1p2_code[(block_header, name)]
        y = int(year)
        v = number(content)
        if v is None or y < FIRST_YEAR:
            continue
        if regions[c].kind == "provinsi" and c != province_as_of(c, y):
            msg = f"P1/P2 province {name} {y}"
            raise BuildError(msg)
        put(table, (c, y, 3, "total"), variables[var], Value(v, f"{P1P2[0]}@{i}:4"))

    # Provinces and Indonesia by area and round: check the header rows first.
    for rows, (sid, fname) in ((prov_rows, P0_PROV), (nprov_rows, N_PROV)):
        area_row, year_row, round_row = rows[1], rows[2], rows[3]
        area = year = ""
        columns: list[tuple[int, str, int, int | None]] = []
        for j in range(1, len(rows[3])):
            area = area_row[j] or area
            year = year_row[j] or year
            columns.append((j, AREAS[area], int(year), ROUNDS[round_row[j]]))
        if len(columns) != 180:
            msg = f"{fname}: {len(columns)} value columns"
            raise BuildError(msg)
        row_names = [r[0] for r in rows[4:]]
        if row_names != [r[0] for r in prov_rows[4:]]:
            msg = f"{fname}: rows differ from the P0 provincial table"
            raise BuildError(msg)
        col = "poverty_rate_pct" if sid == P0_PROV[0] else "poor_thousands"
        for i, cells in enumerate(rows[4:], start=5):
            if not cells[0].isupper():
                continue
            c = NATIONAL_CODE if cells[0] == "INDONESIA" else prov_code[cells[0]]
            for j, area_, y, mo in columns:
                if y < FIRST_YEAR or mo is None:
                    continue
                v = number(cells[j])
                if v is not None:
                    put(table, (c, y, mo, area_), col, Value(v, f"{sid}@{i}:{j + 1}"))

    # --- checks that become notes ---------------------------------------------
    notes: dict[Key, list[str]] = defaultdict(list)

    def val(k: Key, column: str) -> float | None:
        v = table.get(k, {}).get(column)
        return None if v is None else v.value

    kk = [c for c, r in regions.items() if r.kind != "provinsi"]
    # (1) A regency repeating last year's P0 and count, named in the footnote
    # of the table (BPS: no Susenas March 2015 in Nduga).
    for c in kk:
        for y in range(FIRST_YEAR, last_year + 1):
            w = next(w for w in p0_wide if codes[(w.province_name, w.name)] == c)
            prev_p0 = number(w.cells[years_p0[y - 1]])
            prev_n = number(
                next(x for x in n_wide if x.line == w.line).cells[years_n[y - 1]]
            )
            k = (c, y, 3, "total")
            if (
                prev_p0 is not None
                and val(k, "poverty_rate_pct") == prev_p0
                and prev_n is not None
                and abs((val(k, "poor_thousands") or -1.0) - prev_n)
                <= (0.05 if y - 1 < FIRST_YEAR else 0.0)
            ):  # counts had 1 decimal before 2015: equal within that rounding
                if w.name not in catatan:
                    msg = f"{w.name} {y} repeats {y - 1} without a footnote"
                    raise BuildError(msg)
                notes[k].append(
                    f"P0 and number of poor repeat the {y - 1} figures (BPS footnote: "
                    f"no Susenas March {y} in {regions[c].name})"
                )
    # (2) Regencies' poor vs the province total (membership as of the year).
    members: dict[tuple[str, int], list[str]] = defaultdict(list)
    for c in kk:
        for y in range(FIRST_YEAR, last_year + 1):
            members[(province_as_of(c, y), y)].append(c)
    for (pc, y), cs in sorted(members.items()):
        total = val((pc, y, 3, "total"), "poor_thousands")
        parts = [val((c, y, 3, "total"), "poor_thousands") for c in cs]
        if total is None or any(p is None for p in parts):
            continue
        gap = round(sum(p for p in parts if p is not None) - total, 2)
        if abs(gap) > SUM_TOLERANCE:
            left_out = [
                regions[c].name
                for c, p in zip(cs, parts, strict=True)
                if p is not None and round(p, 2) == gap
            ]
            why = f" (= {left_out[0]}'s figure)" if len(left_out) == 1 else ""
            for c, p in zip(cs, parts, strict=True):
                if len(left_out) == 1 and p is not None and round(p, 2) == gap:
                    notes[(c, y, 3, "total")].append(
                        f"left out of the total of {regions[pc].name} for {y}"
                    )
            notes[(pc, y, 3, "total")].append(
                f"the {len(cs)} regencies/cities' numbers of poor add up to "
                f"{gap:+.2f} thousand more than this total{why}"
            )
    # (3) Province rows of the kab/kota tables vs the provincial table.
    for w_p0, w_n in zip(p0_wide, n_wide, strict=True):
        c = codes[(w_p0.province_name, w_p0.name)]
        if regions[c].kind != "provinsi":
            continue
        for y in range(FIRST_YEAR, last_year + 1):
            k = (c, y, 3, "total")
            for w, yc, col, sid in (
                (w_p0, years_p0, "poverty_rate_pct", P0_KK[0]),
                (w_n, years_n, "poor_thousands", N_KK[0]),
            ):
                other = number(w.cells[yc[y]])
                mine = val(k, col)
                if other is None or mine is None or other == mine:
                    continue
                if abs(other - mine) > 0.0101:
                    msg = f"{w.name} {y} {col}: {other} vs {mine}"
                    raise BuildError(msg)
                label = "P0" if col == "poverty_rate_pct" else "number of poor"
                notes[k].append(
                    f"{label}: the regency/city table ({sid}) gives {other:g} for "
                    "the province, 0.01 off (rounding)"
                )
    # (4) Papua and Papua Barat before the split.
    for pc in sorted(
        {r.province_before for r in regions.values() if r.kind != "provinsi"}
    ):
        moved = sorted(
            {
                regions[r.province].name
                for r in regions.values()
                if r.kind != "provinsi" and r.province_before == pc and r.province != pc
            }
        )
        if not moved:
            continue
        for k in table:
            if k[0] == pc and k[1] < split_year:
                notes[k].append(
                    f"boundaries before the 2022 split: includes today's "
                    f"{', '.join(moved)}"
                )

    # (5) Implied population (poor / P0) moving more than POP_JUMP from one
    # March to the next. A regency's fall when new regions of its province
    # are first estimated is a split: its earlier figures include them (noted
    # on the earlier year). A province's move across the 2022 split is noted
    # by (4). Any other move is noted on the later year as it stands.
    def implied(c: str, y: int) -> float | None:
        n, r = (
            val((c, y, 3, "total"), x) for x in ("poor_thousands", "poverty_rate_pct")
        )
        return None if n is None or r is None or n == 0 or r == 0 else n / r

    moves: dict[tuple[str, int], float] = {}
    provinces = [c for c, r in regions.items() if r.kind == "provinsi"]
    for c in [*kk, *provinces]:
        for y in range(FIRST_YEAR, last_year):
            a, b = implied(c, y), implied(c, y + 1)
            if a is not None and b is not None and abs(b / a - 1) > POP_JUMP:
                moves[(c, y)] = b / a
    for (c, y), ratio in sorted(moves.items()):
        if regions[c].kind == "provinsi":
            if any("2022 split" in t for t in notes[(c, y, 3, "total")]):
                continue
        else:
            pc = province_as_of(c, y)
            newcomers = [
                regions[d].name
                for d in members[(province_as_of(c, y + 1), y + 1)]
                if val((d, y, 3, "total"), "poor_thousands") is None
                and val((d, y + 1, 3, "total"), "poor_thousands") is not None
                and province_as_of(d, y) == pc
            ]
            if newcomers and ratio < 1:
                notes[(c, y, 3, "total")].append(
                    f"implied population (poor / P0) falls {100 * (1 - ratio):.0f} % "
                    f"in {y + 1}, when {', '.join(newcomers)} are first estimated: "
                    "this figure covers areas split off later"
                )
                continue
        same_year = [
            f"{regions[d].name} {100 * (r - 1):+.0f} %"
            for (d, yy), r in sorted(moves.items())
            if yy == y
            and d != c
            and regions[d].kind != "provinsi"
            and regions[c].kind != "provinsi"
            and province_as_of(d, y + 1) == province_as_of(c, y + 1)
        ]
        also = f" (the same year: {', '.join(same_year)})" if same_year else ""
        notes[(c, y + 1, 3, "total")].append(
            f"implied population (poor / P0) {100 * (ratio - 1):+.0f} % on {y}, "
            f"with no new region in its province{also}: as published, the two "
            "years' figures may not cover the same population"
        )
    # (6) Poverty lines: a regency's equal to its province's; jumps.
    for c in kk:
        for y in range(FIRST_YEAR, last_year + 1):
            k = (c, y, 3, "total")
            gk = val(k, "poverty_line_idr")
            pc = province_as_of(c, y)
            if gk is not None and gk == val((pc, y, 3, "total"), "poverty_line_idr"):
                notes[k].append(
                    f"poverty line equals the province's ({regions[pc].name}) value"
                )
    for c in [*kk, *(c for c, r in regions.items() if r.kind == "provinsi")]:
        for y in range(FIRST_YEAR + 1, last_year + 1):
            gk0 = val((c, y - 1, 3, "total"), "poverty_line_idr")
            gk1 = val((c, y, 3, "total"), "poverty_line_idr")
            if gk0 is None or gk1 is None:
                continue
            if regions[c].kind == "provinsi" and province_as_of(
                c, y - 1
            ) != province_as_of(c, y):
                continue
            change = gk1 / gk0 - 1
            if abs(change) > GK_JUMP:
                notes[(c, y, 3, "total")].append(
                    f"poverty line {100 * change:+.1f} % on {y - 1}"
                )
    # (7) P1/P2 shown "-" while P0 is published (2015-2023).
    p1p2_years = {int(r[1]) for r in p1p2_rows[1:]}
    for c in kk:
        for y in sorted(p1p2_years):
            k = (c, y, 3, "total")
            if (
                y >= FIRST_YEAR
                and val(k, "poverty_rate_pct") is not None
                and val(k, "p1") is None
            ):
                notes[k].append("P1 and P2 not published ('-') although P0 is")
    # (8) A zero for the rural area (DKI Jakarta has no rural population).
    for k, row in table.items():
        if k[3] == "rural" and any(v.value == 0 for v in row.values()):
            notes[k].append(
                "0 published for the rural area of a province without one "
                "(other rounds: '-')"
            )

    # --- write -----------------------------------------------------------------
    out_dir.mkdir(parents=True, exist_ok=True)
    write_regions(out_dir / "indonesia_regions.csv", regions)
    write_table(
        out_dir / "indonesia_poverty.csv", table, notes, regions, province_as_of
    )
    write_east_java(out_dir / "east_java_supplement.csv", table, regions)
    write_sources(out_dir / "indonesia_sources.csv", gk_years)
    return 0


#: Where each raw file came from (section 1 and 2 of indonesia/SOURCES.md).
LOCATIONS = {
    P0_KK[0]: (
        "2.1",
        "GitHub muhammadludviarg/visdati, data/mentah/Persentase Penduduk Miskin "
        "(P0) Menurut KabupatenKota.csv, commit "
        "2e55fd5f9701256c92df1a5ef6129e87f191439c",
    ),
    N_KK[0]: (
        "2.2",
        "GitHub muhammadludviarg/visdati, data/mentah/Jumlah Penduduk Miskin (Ribu "
        "Jiwa) Menurut KabupatenKota.csv, commit "
        "2e55fd5f9701256c92df1a5ef6129e87f191439c",
    ),
    P0_PROV[0]: (
        "2.3",
        "GitHub muhammadludviarg/visdati, data/mentah/Persentase Penduduk Miskin "
        "(P0) Menurut Provinsi dan Daerah.csv, commit "
        "2e55fd5f9701256c92df1a5ef6129e87f191439c",
    ),
    N_PROV[0]: (
        "2.3",
        "GitHub muhammadludviarg/visdati, data/mentah/Jumlah Penduduk Miskin (Ribu "
        "Jiwa) Menurut Provinsi dan Daerah.csv, commit "
        "2e55fd5f9701256c92df1a5ef6129e87f191439c",
    ),
    GK_ID: (
        "2.4",
        "GitHub FerliyanaRonnan/Prediksi-Garis-Kemiskinan-Indonesia-with-Machine-"
        "Learning, Garis Kemiskinan Menurut Kabupaten_Kota, {year}.csv, commit "
        "05b6608e885b67fc51deb6e9717d5148b87c08f2",
    ),
    P1P2[0]: (
        "2.5",
        "GitHub febroherdyanto/analisis_index_kemiskinan_indonesia_pyspark, "
        "Dataset/index_kemiskinan_nasional.csv, commit "
        "ed5af24d2e776904bdc98ae997652391dc0f86ec",
    ),
}


def write_sources(path: Path, gk_years: list[int]) -> None:
    """The raw files: id, file, BPS title (read from the file), origin, SHA-256."""
    import hashlib

    rows = [["source_id", "file", "title", "location", "section", "sha256"]]
    entries = [
        (P0_KK[0], P0_KK[1]),
        (N_KK[0], N_KK[1]),
        (P0_PROV[0], P0_PROV[1]),
        (N_PROV[0], N_PROV[1]),
        *(
            (f"{GK_ID}_{y}", GK_FILE.format(year=y))
            for y in gk_years
            if y >= FIRST_YEAR
        ),
        (P1P2[0], P1P2[1]),
    ]
    for sid, fname in entries:
        data = (RAW / fname).read_bytes()
        first = read_rows(RAW / fname)
        if sid == P1P2[0]:
            title = (
                " / ".join(sorted({r[0] for r in first[1:]}))
                + " Menurut Kabupaten/Kota"
            )
        elif sid.startswith(GK_ID):
            title = first[1][1]
        else:
            title = first[0][1]
        section, where = LOCATIONS[GK_ID if sid.startswith(GK_ID) else sid]
        year = sid.rsplit("_", 1)[1] if sid.startswith(GK_ID) else ""
        rows.append(
            [
                sid,
                "data-raw/indonesia/" + fname,
                title,
                where.format(year=year),
                section,
                hashlib.sha256(data).hexdigest(),
            ]
        )
    write_csv(path, rows)


def fmt(v: float, column: str) -> str:
    """A value as written to the CSV: whole rupiah, else the shortest repr."""
    if column == "poverty_line_idr":
        return str(int(v))
    text = repr(v)
    return text[:-2] if text.endswith(".0") else text


def write_regions(path: Path, regions: dict[str, Region]) -> None:
    """The 552 regions, by code."""
    rows = [
        [
            "region_code",
            "region_name",
            "region_type",
            "province_code",
            "province_name",
            "province_code_before_split",
            "official_name",
            "bps_names",
        ]
    ]
    for c in sorted(regions):
        r = regions[c]
        rows.append(
            [
                c,
                r.name,
                r.kind,
                r.province,
                regions[r.province].name,
                r.province_before,
                r.official,
                "|".join(r.bps_names),
            ]
        )
    write_csv(path, rows)


def write_table(
    path: Path,
    table: dict[Key, dict[str, Value]],
    notes: dict[Key, list[str]],
    regions: dict[str, Region],
    province_as_of: Callable[[str, int], str],
) -> None:
    """The long table, sorted by kind, code, year, month and area."""
    as_of = province_as_of
    header = [
        "region_code",
        "region_name",
        "region_type",
        "province_code",
        "province_name",
        "year",
        "month",
        "area",
        *VALUE_COLUMNS,
        "note",
        "source_id",
    ]

    def order(k: Key) -> tuple[int, str, int, int, int]:
        kind = "nasional" if k[0] == NATIONAL_CODE else regions[k[0]].kind
        return (TYPE_ORDER[kind], k[0], k[1], k[2], AREA_ORDER[k[3]])

    unknown = set(notes) - set(table)
    if unknown:
        msg = f"notes for rows without values: {sorted(unknown)}"
        raise BuildError(msg)
    rows = [header]
    for k in sorted(table, key=order):
        code, year, month, area = k
        vals = table[k]
        if code == NATIONAL_CODE:
            name, kind, pc, pn = "Indonesia", "nasional", "", ""
        else:
            r = regions[code]
            pc = as_of(code, year)
            name, kind, pn = r.name, r.kind, regions[pc].name
        rows.append(
            [
                code,
                name,
                kind,
                pc,
                pn,
                str(year),
                str(month),
                area,
                *(fmt(vals[c].value, c) if c in vals else "" for c in VALUE_COLUMNS),
                "; ".join(notes.get(k, [])),
                ";".join(
                    f"{FIELD_CODE[c]}={vals[c].source}"
                    for c in VALUE_COLUMNS
                    if c in vals
                ),
            ]
        )
    write_csv(path, rows)


def write_east_java(
    path: Path, table: dict[Key, dict[str, Value]], regions: dict[str, Region]
) -> None:
    """East Java values the BPS tables lack, and a check of all the others."""
    old = read_rows(HERE / "east_java" / "east_java_poverty.csv")
    header, body = old[0], old[1:]
    expected = [
        "region_code",
        "region_name",
        "region_type",
        "year",
        "month",
        *VALUE_COLUMNS,
        "population",
        "source_id",
    ]
    if header != expected:
        msg = f"East Java header {header}"
        raise BuildError(msg)
    rows = [["region_code", "year", "month", *VALUE_COLUMNS, "population", "source_id"]]
    for r in body:
        rec = dict(zip(header, r, strict=True))
        code = rec["region_code"]
        want = "Indonesia" if code == NATIONAL_CODE else regions[code].name
        if rec["region_name"] != want:
            msg = f"East Java name {rec['region_name']!r} vs {want!r}"
            raise BuildError(msg)
        k = (code, int(rec["year"]), int(rec["month"]), "total")
        if k not in table:
            msg = f"East Java row {k} is not in the national table"
            raise BuildError(msg)
        national = table[k]
        extra: list[str] = []
        for c in VALUE_COLUMNS:
            mine = number(rec[c])
            if c in national:
                if mine != national[c].value:
                    msg = f"East Java {k} {c}: {mine} vs {national[c].value}"
                    raise BuildError(msg)
                extra.append("")
            else:
                extra.append(rec[c])
        rows.append(
            [
                code,
                rec["year"],
                rec["month"],
                *extra,
                rec["population"],
                rec["source_id"],
            ]
        )
    write_csv(path, rows)


def write_csv(path: Path, rows: list[list[str]]) -> None:
    """UTF-8, LF line ends, minimal quoting: the same rows give the same bytes."""
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main())
