"""A total row is the same evidence whatever its label.

A column's total (a province row above its cities) may be labelled so
that it names its region ("JAWA TIMUR", "Provinsi Jawa Timur"), as a total
("Jumlah"), or so that it names no region ("Propinsi Jawa Timur",
"Rata-rata"). How the column's other rows are read never depends on which.

The figures are the bundled ones (povstat.datasets.load_east_java), March:
poverty line, rupiah per capita per month, Jawa Timur 460 909 (2022) and
507 286 (2023); Kota Malang 609 612 and 674 660; Kota Batu 564 010 and
613 985; Kota Kediri 537 326 and 587 723. Poor people, thousands, 2023:
Jawa Timur 4 188.81, Kota Mojokerto 7.65 (typed "7,650" with three
decimals), Kota Batu 7.10.
"""

from __future__ import annotations

import io

import numpy as np
import pytest

from povstat import Locale, read_bps_table
from povstat.datasets import load_east_java

_LABELS = [
    "JAWA TIMUR",
    "Jawa Timur",
    "Provinsi Jawa Timur",
    "Jumlah",
    "Propinsi Jawa Timur",
    "Rata-rata",
]


def test_true_values() -> None:
    d = load_east_java()
    d = d[(d["month"] == 3) & d["year"].isin([2022, 2023])]
    line = {
        (n, y): v
        for n, y, v in zip(
            d["region_name"], d["year"], d["poverty_line_idr"], strict=True
        )
    }
    assert line["Jawa Timur", 2022] == 460909.0
    assert line["Jawa Timur", 2023] == 507286.0
    assert line["Kota Malang", 2022] == 609612.0
    assert line["Kota Malang", 2023] == 674660.0
    assert line["Kota Batu", 2023] == 613985.0
    assert line["Kota Kediri", 2023] == 587723.0


def _lines(total: str, locale: Locale) -> str:
    # The province's line typed in the locale's convention ("460.909"), the
    # cities' pasted from an English source ("609,612"); in "en" the mirror.
    rows = [
        (total, "460.909", "507.286"),
        ("Kota Malang", "609,612", "674,660"),
        ("Kota Batu", "564,010", "613,985"),
        ("Kota Kediri", "537,326", "587,723"),
    ]
    swap = str.maketrans(".,", ",.")
    body = "".join(
        f"{n};{a.translate(swap) if locale == 'en' else a};"
        f"{b.translate(swap) if locale == 'en' else b}\n"
        for n, a, b in rows
    )
    # No unit stated anywhere: the title names the measure alone.
    return "Garis Kemiskinan;;\nKabupaten/Kota;2022;2023\n" + body


@pytest.mark.parametrize("locale", ["id", "en"])
@pytest.mark.parametrize("total", _LABELS)
def test_cities_in_the_other_convention_under_a_total_are_refused(
    total: str, locale: Locale
) -> None:
    # "609,612" in locale "id" reads 609.612 rupiah, a thousandth of the
    # province's 460 909 above it (and of the city's true 609 612): under a
    # whole total of 1,000 or more each city's three decimals are ambiguous,
    # however the total is labelled.
    text = _lines(total, locale)
    t = read_bps_table(io.StringIO(text), locale=locale, sep=";", errors="report")
    assert sorted(c.text for c in t.invalid) == sorted(
        (s.translate(str.maketrans(".,", ",.")) if locale == "en" else s)
        for s in [
            "609,612",
            "674,660",
            "564,010",
            "613,985",
            "537,326",
            "587,723",
        ]
    )
    assert "609612.0 if the" in next(
        c.reason for c in t.invalid if c.text.startswith("609")
    )
    v = t.data["value"].to_numpy()
    assert v[:2].tolist() == [460909.0, 507286.0]
    assert np.isnan(v[2:]).all()
    with pytest.raises(ValueError, match=r"460[.,]909") as info:
        read_bps_table(io.StringIO(text), locale=locale, sep=";")
    assert "674" in str(info.value)


@pytest.mark.parametrize("total", _LABELS)
def test_cities_typed_as_the_total_is_are_read(total: str) -> None:
    # The same table with the cities typed in Indonesian: all read.
    text = _lines(total, "id").replace(",", ".")
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [
        460909.0,
        507286.0,
        609612.0,
        674660.0,
        564010.0,
        613985.0,
        537326.0,
        587723.0,
    ]


@pytest.mark.parametrize("total", _LABELS)
def test_a_total_with_decimals_reads_alike_whatever_its_label(total: str) -> None:
    # A total with decimals ("4.188,81" thousand) is a sum of another order
    # than its cities: it says the column writes decimals, never how its
    # cities are written, so "7,650" and "7,100" read 7.65 and 7.1 thousand
    # under every label (formerly an unrecognised label refused them).
    text = (
        "Kabupaten/Kota;2023\n;(ribu jiwa)\n"
        f"{total};4.188,81\nKota Mojokerto;7,650\nKota Batu;7,100\n"
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == [4188.81, 7.65, 7.1]
