"""Percent signs beside bare fractions under a title stating percent.

A title or unit row stating percent ("(Persen)", "(persen)", "(%)") makes a
cell's own "%" no scale of its own ("4,37 %" beside "4,26" is 4.37). But a
bare fraction of one among percentages ("0,1204" among "9,92%", a block
that lost its 0.00% format, saved to CSV as shown) is 12.04 % or 0.12 %:
the same guess as without the title, and as a workbook holding the same
numbers, which is refused. So it is refused in CSV, frames and workbooks,
within one group and across the groups splitting one measure.

Figures: BPS P0 by province and area, Maret (bps_p0_prov_2007_2026.csv):
JAWA TENGAH Perkotaan 9.92 / 9.78, Perdesaan 12.04 / 11.87, Jumlah 10.93 /
10.77 (2022 / 2023); JAWA TIMUR 7.71 / 7.50, 13.69 / 13.98, 10.38 / 10.35.
P0 kab/kota (bps_p0_kabkota): Pacitan 13.08 (2024) / 12.97 (2025).
"""

from __future__ import annotations

import io
import warnings
from typing import Any

import pandas as pd
import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import xlsx_bytes

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Provinsi dan Daerah (Persen)"
_FRACTIONS = {
    "JAWA TENGAH": [0.0992, 0.0978, 0.1204, 0.1187, 0.1093, 0.1077],
    "JAWA TIMUR": [0.0771, 0.075, 0.1369, 0.1398, 0.1038, 0.1035],
}
_PERDESAAN = (2, 3)  # the block that lost its percent format


def _shown(j: int, x: float, decimal: str) -> str:
    """A cell as Excel saves it to CSV: "9,92%" formatted, "0,1204" not."""
    if j in _PERDESAAN:
        return str(x).replace(".", decimal)
    return f"{x * 100:.2f}".replace(".", decimal) + "%"


def _csv(decimal: str, sep: str) -> str:
    head = [
        _TITLE + sep * 6,
        sep + "Perkotaan" + sep * 2 + "Perdesaan" + sep * 2 + "Jumlah" + sep,
        "Provinsi" + sep + sep.join(["Maret 2022", "Maret 2023"] * 3),
    ]
    body = [
        n + sep + sep.join(_shown(j, x, decimal) for j, x in enumerate(v))
        for n, v in _FRACTIONS.items()
    ]
    return "\n".join(head + body) + "\n"


_INVALID = [
    (4, ("Perdesaan", "Maret 2022")),
    (4, ("Perdesaan", "Maret 2023")),
    (5, ("Perdesaan", "Maret 2022")),
    (5, ("Perdesaan", "Maret 2023")),
]


@pytest.mark.parametrize(
    ("locale", "decimal", "sep"), [("id", ",", ";"), ("en", ".", ",")]
)
def test_fractions_beside_percent_signs_under_the_title_are_refused(
    locale: Any, decimal: str, sep: str
) -> None:
    # Perdesaan saved as fractions: 0.1204 is 12.04 % (the source) or 0.12 %.
    text = _csv(decimal, sep)
    with pytest.raises(NumberParseError, match="4 cells"):
        read_bps_table(io.StringIO(text), locale=locale, sep=sep)
    t = read_bps_table(io.StringIO(text), locale=locale, sep=sep, errors="report")
    assert [(c.row, c.column) for c in t.invalid] == _INVALID
    assert "a number without a percent sign beside numbers written with a" in (
        t.invalid[0].reason
    )
    # The others are the percentages their cells show.
    kota = t.data[t.data["group"] == "Perkotaan"]["value"].tolist()
    assert kota == [9.92, 9.78, 7.71, 7.5]


def test_a_frame_read_as_text_agrees() -> None:
    text = _csv(",", ";")
    frame = pd.read_csv(
        io.StringIO(text), sep=";", header=None, dtype=str, keep_default_na=False
    )
    t = read_bps_table(frame, locale="id", errors="report")
    assert len(t.invalid) == 4
    assert t.data[t.data["group"] == "Perdesaan"]["value"].isna().all()


def test_text_fractions_beside_percent_formats_in_a_workbook_are_refused() -> None:
    # Perdesaan typed as text "0,1204" beside cells formatted 0.00%.
    rows: list[list[Any]] = [
        [_TITLE],
        [None, "Perkotaan", None, "Perdesaan", None, "Jumlah", None],
        ["Provinsi", *["Maret 2022", "Maret 2023"] * 3],
    ]
    for n, v in _FRACTIONS.items():
        rows.append(
            [
                n,
                *[
                    str(x).replace(".", ",") if j in _PERDESAAN else x
                    for j, x in enumerate(v)
                ],
            ]
        )
    formats = {f"{c}{r}": "0.00%" for c in "BCFG" for r in (4, 5)}
    t = read_bps_table(xlsx_bytes(rows, formats), locale="id", errors="report")
    assert [(c.row, c.column) for c in t.invalid] == _INVALID


@pytest.mark.parametrize(
    "head",
    [
        "Persentase Penduduk Miskin (Persen)\nKabupaten/Kota;2024;2025\n",
        "Persentase Penduduk Miskin (%)\nKabupaten/Kota;2024;2025\n",
        "Kabupaten/Kota;2024;2025\n;(persen);\n",
    ],
)
def test_one_group_under_a_stated_percent(head: str) -> None:
    # "0,1297" beside "13,08%": 12.97 % in the source, or 0.1297 %.
    t = read_bps_table(
        io.StringIO(head + "Pacitan;13,08%;0,1297\n"),
        locale="id",
        sep=";",
        errors="report",
    )
    assert [c.text for c in t.invalid] == ["0,1297"]
    assert t.data["value"].tolist()[0] == 13.08


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # Bare numbers of the percentages' own size: read under the title,
        # as before ("4,26" is 4.26 %, never 426 %).
        ("13,08%;12,97", [13.08, 12.97]),
        ("0,35 %;0,12", [0.35, 0.12]),  # P2-sized: a tenth or more of 0.35
        ("9,92%;9,78%", [9.92, 9.78]),
    ],
)
def test_bare_numbers_of_the_percentages_size_are_read(
    cells: str, expected: list[float]
) -> None:
    text = (
        "Persentase Penduduk Miskin (Persen)\nKabupaten/Kota;2024;2025\n"
        f"Pacitan;{cells}\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["value"].tolist() == expected
