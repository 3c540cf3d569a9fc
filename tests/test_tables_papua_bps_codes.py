"""BPS's codes of the Papua provinces before their names.

docs/data.rst: BPS numbers them 91 Papua Barat, 92 Papua Barat Daya, 94
Papua, 95 Papua Selatan, 96 Papua Tengah, 97 Papua Pegunungan; Kemendagri
(this package's codes) 91 Papua, 92 Papua Barat, 93 Papua Selatan, 94
Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya. A code before a
province's name agreeing with it by either numbering is read; one agreeing
by neither leaves the row unmatched, the reason naming both readings.
"""

from __future__ import annotations

import io

import pandas as pd

from povstat import read_bps_table


def _read(rows: list[tuple[str, str]]) -> tuple[list[object], list[str]]:
    text = "Provinsi;2024\n" + "".join(f"{c} {n};10,0\n" for c, n in rows)
    t = read_bps_table(io.StringIO(text), locale="id", sep=";", errors="report")
    return t.data["region_code"].tolist(), t.unmatched["reason"].tolist()


def test_bps_four_digit_codes_of_papua_provinces_read() -> None:
    # Before, all six were unmatched ("BPS's code of 94 Papua Tengah").
    codes, reasons = _read(
        [
            ("9100", "PAPUA BARAT"),
            ("9200", "PAPUA BARAT DAYA"),
            ("9400", "PAPUA"),
            ("9500", "PAPUA SELATAN"),
            ("9600", "PAPUA TENGAH"),
            ("9700", "PAPUA PEGUNUNGAN"),
        ]
    )
    assert codes == ["92", "96", "91", "93", "94", "95"]
    assert reasons == []


def test_two_digit_bps_code_read() -> None:
    codes, _ = _read([("94", "PAPUA"), ("97", "PAPUA PEGUNUNGAN")])
    assert codes == ["91", "95"]


def test_code_of_another_province_names_both_numberings() -> None:
    codes, reasons = _read([("9400", "PAPUA BARAT"), ("9700", "RIAU")])
    assert pd.isna(codes).all()
    assert reasons == [
        "the number 9400 before the name is a province's code: 94 Papua Tengah "
        "by Kemendagri's numbering or Papua (Kemendagri's 91) by BPS's "
        "numbering, but the name 'PAPUA BARAT' is 92 Papua Barat",
        "the number 9700 before the name is a province's code: Papua "
        "Pegunungan (Kemendagri's 95) by BPS's numbering (Kemendagri numbers "
        "no province 97), but the name 'RIAU' is 14 Riau",
    ]


def test_other_provinces_unchanged() -> None:
    # The two numberings agree outside Papua: "1400 JAMBI" disagrees.
    _, reasons = _read([("1400", "JAMBI")])
    assert reasons == [
        "the number 1400 before the name is BPS's code of 14 Riau, but the "
        "name 'JAMBI' is 15 Jambi"
    ]
