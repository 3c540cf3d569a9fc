"""read_bps_table: BPS's own regency codes where they differ from Kemendagri's.

povstat holds Kemendagri's codes only. BPS numbers Sumatera Utara's regencies
and cities differently (BPS: 1201 Nias, 1204 Tapanuli Tengah, 1271 Sibolga,
1275 Medan; Kemendagri: 1201 Tapanuli Tengah, 1204 Nias, 1271 Medan, 1273
Sibolga, 1275 Binjai). A code disagreeing with its name in the name's own
province says so, and says how to read the names without the codes.
"""

from __future__ import annotations

import io

import pandas as pd

from povstat import read_bps_table

_TABLE = (
    "Kabupaten/Kota;2023\nSUMATERA UTARA;8,15\n1201 Nias;16,03\n"
    "1204 Tapanuli Tengah;11,61\n1275 Kota Medan;8,00\n1271 Kota Sibolga;11,96\n"
)


def test_the_reason_names_both_numberings_and_the_way_out() -> None:
    t = read_bps_table(io.StringIO(_TABLE), locale="id", sep=";", month=3)
    assert t.data["region_code"].tolist()[0] == "12"
    assert t.data["region_code"].iloc[1:].isna().all()
    reason = t.unmatched["reason"].tolist()[2]
    assert reason == (
        "the code 1275 before the name is 1275 Kota Binjai (Sumatera Utara) in "
        "Kemendagri's numbering (the codes povstat holds), but the name 'Kota "
        "Medan' is 1271 Kota Medan (Sumatera Utara); BPS numbers some regencies "
        "and cities differently, and povstat has no list of BPS's codes to "
        "check them against: if the table's codes are BPS's, read the names "
        "without the codes: read the table with pandas (read_csv or read_excel, "
        "header=None, dtype=str) into frame, take the codes out of its first "
        "column, frame[0] = frame[0].str.replace(r'^\\s*[0-9]{4}\\s+', '', "
        "regex=True), and pass the frame"
    )


def test_following_the_advice_reads_the_names() -> None:
    # The steps the reason gives, as written in it.
    frame = pd.read_csv(io.StringIO(_TABLE), sep=";", header=None, dtype=str)
    frame[0] = frame[0].str.replace(r"^\s*[0-9]{4}\s+", "", regex=True)
    t = read_bps_table(frame, locale="id", month=3)
    # Kemendagri's codes of the names: 1204 Nias, 1201 Tapanuli Tengah,
    # 1271 Kota Medan, 1273 Kota Sibolga.
    assert t.data["region_code"].tolist() == ["12", "1204", "1201", "1271", "1273"]
    assert t.data["value"].tolist() == [8.15, 16.03, 11.61, 8.0, 11.96]


def test_a_code_of_another_province_keeps_its_reason() -> None:
    t = read_bps_table(
        io.StringIO("Kabupaten/Kota;2023\n3573 Kota Medan;8,00\n"),
        locale="id",
        sep=";",
        month=3,
        errors="report",
    )
    assert t.unmatched["reason"].tolist() == [
        "the code 3573 before the name is 3573 Kota Malang (Jawa Timur), but "
        "the name 'Kota Medan' is 1271 Kota Medan (Sumatera Utara)"
    ]
