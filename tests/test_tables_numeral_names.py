"""read_bps_table: "50 Kota" (Kabupaten Lima Puluh Kota) and one plain number."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table


def _read(body: str) -> tuple[dict[str, object], dict[str, str]]:
    got = read_bps_table(
        io.StringIO(f"Kabupaten/Kota;2023\n{body}"),
        locale="id",
        sep=";",
        month=3,
        errors="report",
    )
    codes = {
        str(lab): None if code is pd.NA else code
        for lab, code in zip(got.data["label"], got.data["region_code"], strict=True)
    }
    reasons = dict(zip(got.unmatched["label"], got.unmatched["reason"], strict=True))
    return codes, reasons


def test_fifty_kota_is_the_regency_not_a_heading_of_cities() -> None:
    # Sumatera Barat's regencies as BPS writes them: "50 Kota" is 1307
    # Kabupaten Lima Puluh Kota (Kemendagri's list), never a list number 50
    # over a heading "Kota"; "Solok" bare below it is 1302 Kabupaten Solok,
    # not 1372 Kota Solok.
    codes, reasons = _read(
        "SUMATERA BARAT;5,95\n50 Kota;6,83\nAgam;6,91\nSolok;7,89\nTanah Datar;4,89\n"
    )
    assert codes == {
        "SUMATERA BARAT": "13",
        "50 Kota": "1307",
        "Agam": "1306",
        "Solok": "1302",
        "Tanah Datar": "1304",
    }
    assert reasons == {}


@pytest.mark.parametrize("label", ["Kab. 50 Kota", "Kabupaten 50 Kota", "Kab 50 Kota"])
def test_fifty_kota_with_its_kind(label: str) -> None:
    codes, reasons = _read(f"SUMATERA BARAT;5,95\n{label};6,83\nKota Solok;3,1\n")
    assert codes == {"SUMATERA BARAT": "13", label: "1307", "Kota Solok": "1372"}
    assert reasons == {}


def test_fifty_kota_in_a_table_of_more_than_fifty_rows() -> None:
    # 60 rows: 50 is no more than the rows, yet "50 Kota" is a region's
    # name as written, so neither a heading of cities nor a list number;
    # "Solok" below it stays 1302 Kabupaten Solok. The other 56 rows are
    # labels of no region (unmatched, each its own row).
    pad = "".join(f"Wilayah Contoh {k};1\n" for k in range(56))
    codes, _ = _read(f"SUMATERA BARAT;5,95\n50 Kota;6,83\nAgam;6,91\nSolok;7,89\n{pad}")
    assert codes["50 Kota"] == "1307"
    assert codes["Solok"] == "1302"


def test_kota_with_a_list_number_stays_a_heading() -> None:
    # "50. Kota" is written as a list number: a heading of cities, so
    # "Solok" below it is 1372 Kota Solok.
    codes, _ = _read("SUMATERA BARAT;5,95\n50. Kota;\nSolok;7,89\n")
    assert codes["Solok"] == "1372"


def test_one_plain_two_digit_number_beyond_the_rows_is_no_row_number() -> None:
    # The documented rule: two digits written plainly before a name that is
    # no province's, more than the table's rows (79 > 3), are no list
    # number, even when no other row is numbered (one number is no run).
    codes, reasons = _read("79 Pacitan;1,5\nKota Batu;2,5\nMalang;3,5\n")
    assert codes == {"79 Pacitan": None, "Kota Batu": "3579", "Malang": "3507"}
    assert reasons["79 Pacitan"].startswith(
        "the number '79' before the name is no row number (the table has 3 rows"
    )
