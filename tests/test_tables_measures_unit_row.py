"""read_bps_table: measure names over single-year columns above a unit row."""

from __future__ import annotations

import io

import openpyxl
import pytest

from povstat import BpsTable, read_bps_table

# Measures of one year, each named over its column, their units below the
# year: BPS's "Jumlah Penduduk Miskin, P0, P1" tables of one year.
_ROWS: list[list[object]] = [
    ["Kabupaten/Kota", "Jumlah Penduduk Miskin", "P0", "P1"],
    [None, 2023, 2023, 2023],
    [None, "(ribu jiwa)", "(persen)", "(persen)"],
    ["Pacitan", 75.86, 13.65, 2.10],
    ["Ponorogo", 80.10, 9.50, 1.20],
]


def _csv(rows: list[list[object]]) -> io.StringIO:
    lines = [
        ";".join("" if c is None else str(c).replace(".", ",") for c in r) for r in rows
    ]
    return io.StringIO("\n".join(lines) + "\n")


def _xlsx(rows: list[list[object]], merge: str | None = None) -> io.BytesIO:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    if merge is not None:
        ws.merge_cells(merge)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return buf


def _read(rows: list[list[object]], kind: str) -> BpsTable:
    if kind == "csv":
        return read_bps_table(_csv(rows), locale="id", sep=";")
    return read_bps_table(_xlsx(rows), locale="id")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("units", [("(persen)", "(persen)"), ("(persen)", "(indeks)")])
def test_measure_names_over_one_year_above_units(
    kind: str, units: tuple[str, str]
) -> None:
    # Each column is the measure named over it, for 2023: Pacitan 75.86
    # thousand poor, P0 13.65 %, P1 2.10; the unit row is layout, reported
    # as such, whether the two last units agree or not, its units ending
    # the measures' labels (the units differ between them).
    unit_row: list[object] = [None, "(ribu jiwa)", *units]
    rows = [*_ROWS[:2], unit_row, *_ROWS[3:]]
    t = _read(rows, kind)
    assert (
        t.data["group"].tolist()
        == [
            "Jumlah Penduduk Miskin (ribu jiwa)",
            f"P0 {units[0]}",
            f"P1 {units[1]}",
        ]
        * 2
    )
    assert t.data["year"].tolist() == [2023] * 6
    assert t.data["region_code"].tolist() == ["3501"] * 3 + ["3502"] * 3
    assert t.data["value"].tolist() == [75.86, 13.65, 2.10, 80.10, 9.50, 1.20]
    assert t.skipped["reason"].tolist() == ["unit row"]
    assert t.skipped["row"].tolist() == [3]
    assert t.title == ""


def test_measure_names_over_rounds_above_units() -> None:
    # The same under "Maret 2023" in each column, below a title row.
    rows: list[list[object]] = [
        ["Tabel 1", None, None, None],
        _ROWS[0],
        [None, "Maret 2023", "Maret 2023", "Maret 2023"],
        *_ROWS[2:4],
    ]
    t = _read(rows, "csv")
    assert t.data["group"].tolist() == [
        "Jumlah Penduduk Miskin (ribu jiwa)",
        "P0 (persen)",
        "P1 (persen)",
    ]
    assert t.data["month"].tolist() == [3, 3, 3]
    assert t.title == "Tabel 1"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_measure_over_years_above_units_still_reads(kind: str) -> None:
    # Each measure over two years (2022, 2023), its unit under each: read
    # as before, the measures as groups.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "Jumlah", "Jumlah", "P0", "P0"],
        [None, 2022, 2023, 2022, 2023],
        [None, "(ribu jiwa)", "(ribu jiwa)", "(persen)", "(persen)"],
        ["Pacitan", 75.86, 74.5, 13.65, 13.1],
    ]
    t = _read(rows, kind)
    assert t.data["group"].tolist() == [
        "Jumlah (ribu jiwa)",
        "Jumlah (ribu jiwa)",
        "P0 (persen)",
        "P0 (persen)",
    ]
    assert t.data["year"].tolist() == [2022, 2023, 2022, 2023]
    assert t.data["value"].tolist() == [75.86, 74.5, 13.65, 13.1]


def test_units_alone_under_one_year_are_still_the_groups() -> None:
    # No measure row: the year over two units, differing, as BPS's "Jumlah
    # dan Persentase" tables: the units are the groups (unchanged).
    text = "Kabupaten/Kota;2023;2023\n;(ribu jiwa);(persen)\nPacitan;75,86;13,65\n"
    t = read_bps_table(io.StringIO(text), locale="id", sep=";")
    assert t.data["group"].tolist() == ["(ribu jiwa)", "(persen)"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_one_measure_told_apart_by_units_alone_is_refused(kind: str) -> None:
    # "Jumlah" over two columns of 2023, one in thousands, one in percent:
    # neither the measure row nor the unit row names each column; refused,
    # naming the columns and what to write.
    rows: list[list[object]] = [
        ["Kabupaten/Kota", "Jumlah", "Jumlah", "P0"],
        [None, 2023, 2023, 2023],
        [None, "(ribu jiwa)", "(persen)", "(persen)"],
        ["Pacitan", 75.86, 13.65, 2.10],
    ]
    where = "column 2" if kind == "csv" else "B"
    with pytest.raises(ValueError, match="told apart only by their units") as e:
        _read(rows, kind)
    assert f"{where} ('Jumlah', '2023', '(ribu jiwa)')" in str(e.value)
    assert "write each column's own measure name" in str(e.value)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_one_year_written_once_over_its_measures(kind: str) -> None:
    # "2023" written once over the three measures (merged B2:D2 in the
    # workbook), the units below differing: the measures are the groups,
    # all of 2023, not the units (which would name "(persen)" twice).
    rows: list[list[object]] = [_ROWS[0], [None, 2023, None, None], *_ROWS[2:4]]
    t = (
        read_bps_table(_csv(rows), locale="id", sep=";")
        if kind == "csv"
        else read_bps_table(_xlsx(rows, merge="B2:D2"), locale="id")
    )
    assert t.data["group"].tolist() == [
        "Jumlah Penduduk Miskin (ribu jiwa)",
        "P0 (persen)",
        "P1 (persen)",
    ]
    assert t.data["year"].tolist() == [2023] * 3
    assert t.data["value"].tolist() == [75.86, 13.65, 2.10]
