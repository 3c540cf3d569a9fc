"""KOTA and KABUPATEN headings with punctuation, brackets, bullets or list marks.

Values are the March 2023 P0 of East Java (BPS, bundled in
``povstat.datasets.load_east_java``): Kota Malang 4.26 and Kabupaten Malang
9.45, Kota Kediri 7.15 and Kabupaten Kediri 10.72, Kota Batu 3.31, Kota
Surabaya 4.65.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
import pytest

from povstat import BpsTable, read_bps_table
from povstat.datasets import indonesia_regions
from povstat.tables import _heading_kind

# Each decoration writes a heading of a kind word ("KOTA") and an optional
# word after it ("Besar" in "Kota Besar").
Decoration = Callable[[str, str], str]


def _plain(kind: str, rest: str) -> str:
    return f"{kind} {rest}".strip()


DECORATIONS: dict[str, Decoration] = {
    "full stop": lambda k, r: f"{_plain(k, r)}.",
    "round brackets": lambda k, r: f"({_plain(k, r)})",
    "square brackets": lambda k, r: f"[{_plain(k, r)}]",
    "curly quotes": lambda k, r: f"\u201c{_plain(k, r)}\u201d",
    "letter, no full stop": lambda k, r: f"B {_plain(k, r)}",
    "roman numeral, no full stop": lambda k, r: f"II {_plain(k, r)}",
    "number, no full stop": lambda k, r: f"2 {_plain(k, r)}",
    "letter and bracket": lambda k, r: f"b) {_plain(k, r)}",
    "number and en dash": lambda k, r: f"2 \u2013 {_plain(k, r)}",
    "plural with an en dash": lambda k, r: _plain(f"{k} \u2013 {k}", r),
    "plural with an em dash": lambda k, r: _plain(f"{k}\u2014{k}", r),
    "white bullet": lambda k, r: f"\u25e6 {_plain(k, r)}",
    "black square bullet": lambda k, r: f"\u25aa {_plain(k, r)}",
    "triangle bullet": lambda k, r: f"\u25ba {_plain(k, r)}",
    "number sign": lambda k, r: f"# {_plain(k, r)}",
    "text prefix apostrophe": lambda k, r: f"'{_plain(k, r)}",
    "circled number": lambda k, r: f"\u2461 {_plain(k, r)}",
    "bullet and letter": lambda k, r: f"\u2022 B {_plain(k, r)}",
    "apostrophe, number and full stop": lambda k, r: f"'2. {_plain(k, r)}.",
}

CITY_HEADINGS = [("KOTA", ""), ("Kota", "Otonom"), ("Kota", "Besar"), ("City", "")]
REGENCY_HEADINGS = [("KABUPATEN", ""), ("Kabupaten", "Otonom"), ("Regency", "")]


def _read(text: str, **kw: object) -> BpsTable:
    return read_bps_table(
        io.StringIO(text),
        locale="id",
        sep=";",
        month=3,
        errors="report",
        **kw,  # type: ignore[arg-type]
    )


def _codes(t: BpsTable) -> list[str | None]:
    return [None if pd.isna(c) else str(c) for c in t.data["region_code"]]


# A city section (Kota Surabaya 4.65, Kota Batu 3.31), and bare names of
# both a regency and a city (Malang 9.45, Kediri 10.72: the regencies').
_CITY_SECTION = "KOTA;\nSurabaya;4,65\nBatu;3,31\n"
_BARE_REGENCIES = "Malang;9,45\nKediri;10,72\n"


def _around(heading: str, above: str, below: str) -> BpsTable:
    # A table of East Java: the rows `above`, the heading row, the rows `below`.
    return _read(
        f"Kabupaten/Kota;2023\n{above}{heading};\n{below}", province="Jawa Timur"
    )


@pytest.mark.parametrize(("kind", "rest"), CITY_HEADINGS)
@pytest.mark.parametrize("name", list(DECORATIONS))
def test_a_decorated_city_heading_reads_bare_names_as_cities(
    name: str, kind: str, rest: str
) -> None:
    # Under the heading, bare "Malang" is Kota Malang (3573, 4.26), not
    # Kabupaten Malang (3507, 9.45); "Kediri" is Kota Kediri (3571) and
    # "Batu" Kota Batu (3579). Above it, "Pacitan" is Kabupaten Pacitan.
    heading = DECORATIONS[name](kind, rest)
    t = _around(heading, "Pacitan;13,65\n", "Malang;4,26\nKediri;7,15\nBatu;3,31\n")
    assert _codes(t) == ["3501", None, "3573", "3571", "3579"], heading
    assert t.unmatched["label"].tolist() == [heading]
    assert t.unmatched["reason"].iloc[0].startswith("a heading")


@pytest.mark.parametrize(("kind", "rest"), REGENCY_HEADINGS)
@pytest.mark.parametrize("name", list(DECORATIONS))
def test_a_decorated_regency_heading_ends_a_city_section(
    name: str, kind: str, rest: str
) -> None:
    # After a KOTA section, the regency heading sends the bare names back to
    # the regencies: "Malang" 9.45 is Kabupaten Malang (3507) and "Kediri"
    # 10.72 Kabupaten Kediri (3506), never Kota Malang or Kota Kediri.
    heading = DECORATIONS[name](kind, rest)
    t = _around(heading, _CITY_SECTION, _BARE_REGENCIES)
    assert _codes(t) == [None, "3578", "3579", None, "3507", "3506"], heading


def test_kabupaten_with_a_full_stop_after_a_city_section() -> None:
    # The table of the report: with "KABUPATEN." not read as a heading, the
    # cities' heading ran on and 9.45 was filed as Kota Malang's.
    t = _around("KABUPATEN.", _CITY_SECTION, _BARE_REGENCIES)
    got = t.data.set_index("region_code")["value"]
    assert got["3507"] == 9.45
    assert got["3506"] == 10.72
    assert "3573" not in got.index


def _all_names() -> list[str]:
    r = indonesia_regions()
    r = r[r["region_type"] != "provinsi"]
    names: set[str] = set()
    for full in (*r["region_name"], *r["official_name"]):
        names.add(full)
        names.add(full.split(" ", 1)[1])  # bare: "Malang", "Batu"
    for written in r["bps_names"]:
        names.update(written.split("|"))
    return sorted(names)


@pytest.mark.parametrize("name", list(DECORATIONS))
def test_no_decorated_region_name_is_a_heading(name: str) -> None:
    # Decoration is read past only up to a letter or digit: every regency's
    # and city's name (today's, official, as BPS writes it, and bare), however
    # decorated, still names a region, never a kind ("(Kota Batu)",
    # "B Kota Baru", "'Malang").
    decorate = DECORATIONS[name]
    headings = [decorate(n, "") for n in _all_names() if _heading_kind(decorate(n, ""))]
    assert headings == []


@pytest.mark.parametrize("name", list(DECORATIONS))
def test_decorated_region_names_are_regions_or_reported(name: str) -> None:
    # Every regency and city, named as today ("Kabupaten Malang", "Kota
    # Batu") with the decoration, in one table: each row is its own region
    # or is reported unmatched (never a heading, never another region).
    r = indonesia_regions()
    r = r[r["region_type"] != "provinsi"]
    decorate = DECORATIONS[name]
    labels = [decorate(n, "") for n in r["region_name"]]
    text = "Kabupaten/Kota;2023\n" + "".join(f"{lab};1,5\n" for lab in labels)
    t = _read(text)
    codes = _codes(t)
    for code, got, lab in zip(r["region_code"], codes, labels, strict=True):
        assert got in (code, None), lab
    assert not t.unmatched["reason"].str.startswith("a heading").any()
    assert sorted(t.unmatched["label"]) == sorted(
        lab for lab, c in zip(labels, codes, strict=True) if c is None
    )


def test_bare_names_without_a_heading_stay_regencies() -> None:
    # No heading: bare "Malang" is Kabupaten Malang (3507); bare "Batu", a
    # city's name only, is reported with advice to write "Kota Batu".
    t = _read("Kabupaten/Kota;2023\nMalang;9,45\nBatu;3,31\n", province="35")
    assert _codes(t) == ["3507", None]
    assert "Kota Batu" in t.unmatched["reason"].iloc[0]


def test_a_daftar_kota_row_heads_the_cities() -> None:
    # "DAFTAR KOTA" (list of cities) names one kind and is no total: it
    # heads the cities as "KOTA" does. "Malang" under "KABUPATEN" is
    # Kabupaten Malang 3507, under "DAFTAR KOTA" Kota Malang 3573 (before,
    # the section ended and the second "Malang" was the regency again).
    text = (
        "Kabupaten/Kota;2023\nJAWA TIMUR;10,35\nKABUPATEN;\nMalang;9,45\n"
        "DAFTAR KOTA;\nMalang;4,26\n"
    )
    assert _codes(_read(text)) == ["35", None, "3507", None, "3573"]


def test_duplicate_names_under_a_heading_say_which_heading() -> None:
    # "JUMLAH KOTA" (a total with no number) is no heading, but it ends the
    # "KABUPATEN" section: the first "Malang" lies under "KABUPATEN", the
    # second under no heading (both the regency, 3507); the error says so
    # and names the row that was not read as a heading.
    text = (
        "Kabupaten/Kota;2023\nJAWA TIMUR;10,35\nKABUPATEN;\nMalang;9,45\n"
        "JUMLAH KOTA;\nMalang;4,26\n"
    )
    with pytest.raises(ValueError, match="more than one row") as err:
        _read(text)
    msg = str(err.value)
    assert "'Malang' (row 4) lies under the heading 'KABUPATEN' (row 3)" in msg
    assert "'Malang' (row 6) lies under no heading row" in msg
    assert "'JUMLAH KOTA' (row 5) names a kind of region but is not read" in msg
    assert "put a heading row 'KOTA' above the cities" not in msg


def test_duplicate_names_without_headings_name_an_unread_heading() -> None:
    # No heading row at all: the advice to add one stays, and the row that
    # looks like one ("KOTA/KABUPATEN", two kinds) is named.
    text = (
        "Kabupaten/Kota;2023\nJAWA TIMUR;10,35\nMalang;9,45\nKOTA/KABUPATEN;\n"
        "Malang;4,26\n"
    )
    with pytest.raises(ValueError, match="put a heading row 'KOTA'") as err:
        _read(text)
    assert "'KOTA/KABUPATEN' (row 4) names a kind of region" in str(err.value)
