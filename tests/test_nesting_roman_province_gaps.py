"""A one-letter roman numeral before a province's name is a list number, gaps or not.

BPS numbers its provinces I. ACEH ... XXXVIII. PAPUA PEGUNUNGAN; a table
cut to a few provinces ("IV. RIAU", "V. JAMBI": Sumatra from Riau on) or
with a row dropped has gaps in the numbering, and "V." before "JAMBI" is
still the list's number, never an initial: Jambi sits beside its own
regencies and is refused in one group with them. March 2023 (BPS), poor
(thousands): Riau 485.66, Jambi 280.68, Jambi's eleven regencies and
cities 18.21 + 35.19 + 26.77 + 25.88 + 20.83 + 33.61 + 23.33 + 20.65 +
23.47 + 50.09 + 2.66 = 280.69.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from nesting import NESTED as _NESTED
from nesting import pool_regions as _pool
from povstat import read_bps_table, with_ranks
from povstat.tables import leading_numbers

_REGENCIES = [
    "1. Kerinci",
    "2. Merangin",
    "3. Sarolangun",
    "4. Batanghari",
    "5. Muaro Jambi",
    "6. Tanjung Jabung Barat",
    "7. Tanjung Jabung Timur",
    "8. Bungo",
    "9. Tebo",
    "10. Kota Jambi",
    "11. Kota Sungai Penuh",
]
_RATES = [7.54, 8.90, 8.54, 9.45, 4.43, 9.79, 10.85, 5.29, 6.46, 8.24, 3.00]
_POOR = [18.21, 35.19, 26.77, 25.88, 20.83, 33.61, 23.33, 20.65, 23.47, 50.09, 2.66]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region": ["IV. RIAU", "V. JAMBI", *_REGENCIES],
            "rate": [6.68, 7.58, *_RATES],
            "poor": [485.66, 280.68, *_POOR],
            "period": 2023,
        }
    )


def test_a_province_numbered_v_beside_its_regencies_is_refused() -> None:
    df = _frame()
    with pytest.raises(ValueError, match=r"holds region 'V\. JAMBI' " + _NESTED):
        _pool(df, list(df.region))
    with pytest.raises(ValueError, match=r"'V\. JAMBI' " + _NESTED):
        with_ranks(df, descending=True, rate="rate", region="region")
    # The provinces alone: 485.66 + 280.68 = 766.34; Riau with Jambi's
    # regencies (no nesting): 485.66 + 280.69 = 766.35.
    assert _pool(df, ["IV. RIAU", "V. JAMBI"]).pooled_headcount.iloc[0] == (
        pytest.approx(766.34)
    )
    assert _pool(df, ["IV. RIAU", *_REGENCIES]).pooled_headcount.iloc[0] == (
        pytest.approx(766.35)
    )


@pytest.mark.parametrize(
    "labels",
    [
        ["IV. RIAU", "V. JAMBI", "VI. SUMATERA SELATAN", "Kota Jambi"],
        ["VIII. LAMPUNG", "X. KEPULAUAN RIAU", "XII. JAWA BARAT", "Kota Batam"],
        ["I. ACEH", "1. Kota Banda Aceh", "III. SUMATERA BARAT"],
        ["I) Aceh", "III) Sumatera Barat", "Kota Banda Aceh"],
        ["V. JAMBI", "a. Kota Jambi", "b. Kota Sungai Penuh"],
        ["V. JAMBI", "V.1. Kota Jambi", "V.2. Kota Sungai Penuh"],
        ["X. Provinsi Kepulauan Riau", "Kota Batam"],
    ],
)
def test_numbered_provinces_with_gaps(labels: list[str]) -> None:
    df = pd.DataFrame({"region": labels, "rate": 5.0 + pd.RangeIndex(len(labels))})
    with pytest.raises(ValueError, match=_NESTED):
        with_ranks(df, descending=True, rate="rate", region="region")


def test_an_initial_is_still_read_as_written() -> None:
    # "V. Kota" names no region; "D. I. Yogyakarta" is the province 34;
    # "I. Gorontalo" may be Kabupaten Gorontalo: kept as written.
    labels = ["V. Kota", "D. I. Yogyakarta", "I. Gorontalo", "V. JAMBI"]
    read = leading_numbers(labels)
    assert read["name"].tolist() == [*labels[:3], "JAMBI"]
    df = pd.DataFrame({"region": ["V. Kota", "Kota Jambi"], "rate": [1.0, 2.0]})
    assert with_ranks(df, descending=True, rate="rate", region="region")[
        "rank"
    ].tolist() == [2.0, 1.0]


def test_read_bps_table_reads_the_numbered_province_after_a_gap() -> None:
    text = (
        "Provinsi;2023\n;(persen)\n"
        "IV. RIAU;6,68\nV. JAMBI;7,58\nX. KEPULAUAN RIAU;5,69\n"
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert len(t.unmatched) == 0
    assert t.data["region_code"].tolist() == ["14", "15", "21"]


@pytest.mark.parametrize(
    "label",
    [
        # The province's code after its name, as the labels' matcher reads
        # it: before, "(Kode 15)" and "\u2013 15" hid the province's name from
        # the numeral's reading, "V." was kept and the row was unmatched.
        "V. Jambi (Kode 15)",
        "V. Jambi \u2013 15",
        "V. JAMBI (15)",
        # The arabic list numbers' separators and brackets: before, each of
        # these kept "V" (as "5/JAMBI", "5 | JAMBI" read "JAMBI").
        "V/JAMBI",
        "V | Jambi",
        "V_JAMBI",
        "\u3010V\u3011JAMBI",
        "V \u2212 JAMBI",
        "V-JAMBI",
    ],
)
def test_a_province_numbered_v_is_read_as_the_labels_are(label: str) -> None:
    # BPS codes: Riau 14, Jambi 15, Kepulauan Riau 21.
    text = (
        "Provinsi;2023\n;(persen)\nIV. RIAU;6,68\n"
        f"{label};7,58\nX. KEPULAUAN RIAU;5,69\n"
    )
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", month=3)
    assert len(t.unmatched) == 0
    assert t.data["region_code"].tolist() == ["14", "15", "21"]


@pytest.mark.parametrize(
    ("label", "name"),
    [
        # A code after the name picks the region: 1571 is Kota Jambi, no
        # province, so the "V." may be an initial and is kept as written.
        ("V. Jambi (Kode 1571)", "V. Jambi (Kode 1571)"),
        # Gorontalo is a province (75) and a regency (7501); its code 75
        # names the province.
        ("V. Gorontalo (Kode 75)", "Gorontalo (Kode 75)"),
    ],
)
def test_a_code_after_the_name_decides_the_numeral(label: str, name: str) -> None:
    assert leading_numbers(["IV. RIAU", label])["name"].tolist() == ["RIAU", name]
