"""read_bps_table: a numbered list of provinces that does not start at 1."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from povstat import read_bps_table

# The Java provinces, rows 11 to 16 of BPS's list of provinces; Kemendagri's
# codes are 31 DKI Jakarta, 32 Jawa Barat, 33 Jawa Tengah, 34 DI Yogyakarta,
# 35 Jawa Timur, 36 Banten.
_JAVA = [
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "DI Yogyakarta",
    "Jawa Timur",
    "Banten",
]


def _read(fmt: str, top: str = "") -> tuple[list[object], list[str]]:
    body = "".join(f"{fmt.format(11 + i, n)};{i + 1},5\n" for i, n in enumerate(_JAVA))
    t = read_bps_table(
        io.StringIO(f"Provinsi;2023\n{top}{body}"),
        locale="id",
        sep=";",
        month=3,
        errors="report",
    )
    codes = [None if c is pd.NA else c for c in t.data["region_code"]]
    return codes, t.unmatched["reason"].tolist()


@pytest.mark.parametrize("fmt", ["{}. {}", "{}) {}", "({}) {}", "{}.{}"])
@pytest.mark.parametrize("top", ["", "INDONESIA;9,4\n"])
def test_a_run_written_as_list_numbers_disagreeing_with_the_names(
    fmt: str, top: str
) -> None:
    codes, reasons = _read(fmt, top)
    assert codes == ["00"] * bool(top) + ["31", "32", "33", "34", "35", "36"]
    assert reasons == []


def test_plain_numbers_stay_codes_checked_against_the_names() -> None:
    # "11 DKI Jakarta" written plainly may be a code: checked, and 11 is Aceh.
    codes, reasons = _read("{} {}")
    assert codes == [None] * 6
    assert reasons[0] == (
        "the code 11 before the name is 11 Aceh, but the name 'DKI Jakarta' "
        "is 31 DKI Jakarta"
    )


def test_codes_written_as_list_numbers_that_agree_are_read() -> None:
    t = read_bps_table(
        io.StringIO("Provinsi;2023\n35. Jawa Timur;10,35\n36. Banten;6,17\n"),
        locale="id",
        sep=";",
        month=3,
    )
    assert t.data["region_code"].tolist() == ["35", "36"]


def test_numbers_with_a_gap_stay_codes() -> None:
    # 11 and 13 do not run on: checked as codes, each disagreeing.
    t = read_bps_table(
        io.StringIO("Provinsi;2023\n11. DKI Jakarta;4,44\n13. Jawa Barat;7,62\n"),
        locale="id",
        sep=";",
        month=3,
        errors="report",
    )
    assert t.data["region_code"].isna().all()
    assert t.unmatched["reason"].tolist()[1] == (
        "the code 13 before the name is 13 Sumatera Barat, but the name "
        "'Jawa Barat' is 32 Jawa Barat"
    )
