"""read_bps_table: under "(Persen)", a bare fraction beside percent cells is refused.

A percent format or sign under a title stating percent states the title's
own unit, however few such cells there are: 0.1308 formatted 0.00% is
13.08. A plain 0.1029 beside them (a cell pasted without its format) is
below a tenth of their median percentage ((13.08 + 9.11) / 2 = 11.095,
a tenth 1.1095): it is the invalid cell, named as a likely fraction of
one (10.29 %), never read as 0.1029 %; the percent cells are never
blamed. Before, the rarer kind was refused: the two correct cells, with
0.1029 read as a percent.

Figures: BPS P0 kab/kota Jawa Timur, Maret (bps_p0_kabkota_2004_2025.csv):
Pacitan 13.65 / 13.08 / 12.97, Ponorogo 9.53 / 9.11 / 8.86, Trenggalek
10.63 / 10.50 / 10.29 (2023 / 2024 / 2025); JAWA TIMUR 10.35 / 9.79 / 9.50.
"""

from __future__ import annotations

import io
from typing import Any, Literal

import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import xlsx_bytes

_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"


def _rows() -> list[list[Any]]:
    return [
        ["Provinsi/Kabupaten/Kota", _TITLE],
        [None, 2023, 2024, 2025],
        ["JAWA TIMUR", 10.35, 9.79, 9.5],
        ["Pacitan", 13.65, 0.1308, 12.97],
        ["Ponorogo", 9.53, 0.0911, 8.86],
        ["Trenggalek", 10.63, 10.5, 0.1029],
    ]


_FORMATS = {"C4": "0.00%", "C5": "0.00%"}


def test_the_fraction_is_refused_not_the_percent_formatted_cells() -> None:
    with pytest.raises(NumberParseError) as err:
        read_bps_table(xlsx_bytes(_rows(), _FORMATS), locale="en", month=3)
    said = str(err.value)
    assert "1 cell is not a valid number" in said
    assert "row 6, column '2025': '0.1029'" in said
    assert "likely a fraction of one (10.29%)" in said
    assert "shown as 13.08%" not in said


def test_report_keeps_the_percent_cells_and_drops_the_fraction() -> None:
    t = read_bps_table(
        xlsx_bytes(_rows(), _FORMATS), locale="en", month=3, errors="report"
    )
    assert [(c.row, c.column, c.text) for c in t.invalid] == [(6, "2025", "0.1029")]
    d = t.data.set_index(["label", "year"])["value"]
    # By hand: 0.1308 shown as 13.08% is 13.08; 0.0911 shown 9.11% is 9.11.
    assert d[("Pacitan", 2024)] == 13.08
    assert d[("Ponorogo", 2024)] == 9.11
    assert d[("Trenggalek", 2025)] != d[("Trenggalek", 2025)]  # NaN, not 0.1029


def test_the_advice_followed_reads_the_source() -> None:
    rows = _rows()
    rows[5][3] = 10.29  # "write the percentage (10.29)"
    t = read_bps_table(xlsx_bytes(rows, _FORMATS), locale="en", month=3)
    got = t.data[t.data["label"] != "JAWA TIMUR"]["value"].tolist()
    assert got == [13.65, 13.08, 12.97, 9.53, 9.11, 8.86, 10.63, 10.5, 10.29]


@pytest.mark.parametrize(("locale", "sep"), [("en", ","), ("id", ";")])
def test_the_csv_excel_saves_agree(locale: Literal["id", "en"], sep: str) -> None:
    def n(x: str) -> str:
        return x.replace(".", ",") if locale == "id" else x

    lines = [
        f"Provinsi/Kabupaten/Kota{sep}{_TITLE}{sep}{sep}",
        f"{sep}2023{sep}2024{sep}2025",
        sep.join(["JAWA TIMUR", n("10.35"), n("9.79"), n("9.5")]),
        sep.join(["Pacitan", n("13.65"), n("13.08%"), n("12.97")]),
        sep.join(["Ponorogo", n("9.53"), n("9.11%"), n("8.86")]),
        sep.join(["Trenggalek", n("10.63"), n("10.5"), n("0.1029")]),
    ]
    text = "\n".join(lines) + "\n"
    t = read_bps_table(
        io.StringIO(text), locale=locale, sep=sep, month=3, errors="report"
    )
    assert [(c.row, c.column) for c in t.invalid] == [(6, "2025")]
    assert "likely a fraction of one (10.29%)" in t.invalid[0].reason
    d = t.data.set_index(["label", "year"])["value"]
    assert (d[("Pacitan", 2024)], d[("Ponorogo", 2024)]) == (13.08, 9.11)


def test_a_group_of_fractions_beside_a_percent_formatted_group() -> None:
    # Jawa Timur by area (bps_p0_prov_2007_2026.csv), Maret 2023 / 2024:
    # Perkotaan 7.50 / 7.12, Perdesaan 13.98 / 13.30, Jumlah 10.35 / 9.79.
    # Perdesaan formatted 0.00%; the others plain fractions, all below a
    # tenth of Perdesaan's median (13.64 / 10 = 1.364).
    rows: list[list[Any]] = [
        ["Provinsi", "Persentase Penduduk Miskin Menurut Daerah (Persen)"],
        [None, "Perkotaan", None, "Perdesaan", None, "Jumlah"],
        [None, 2023, 2024, 2023, 2024, 2023, 2024],
        ["JAWA TIMUR", 0.075, 0.0712, 0.1398, 0.133, 0.1035, 0.0979],
    ]
    t = read_bps_table(
        xlsx_bytes(rows, {"D4": "0.00%", "E4": "0.00%"}), locale="en", errors="report"
    )
    assert len(t.invalid) == 4
    assert all("likely a fraction of one" in c.reason for c in t.invalid)
    kept = t.data.dropna(subset=["value"])
    assert set(kept["group"]) == {"Perdesaan"}
    assert kept["value"].tolist() == [13.98, 13.3]
