"""Shared helpers of the table reader tests: small .xlsx and .ods workbooks,
and CSV text read as BPS writes it.

Each .xlsx builder writes ``rows`` one sheet row each (``Worksheet.append``, so a
``None`` is an empty cell and a row may be shorter than the others), then
sets the number formats (``{"B2": "0.00%"}``), then merges the ranges
(``["B1:C1"]``). A test that needs more than that (formulas, rich text,
hidden rows, several sheets, a sheet rewritten as XML) takes the workbook
from ``xlsx_workbook`` or builds its own.

The .ods builders write ``rows`` one sheet row each, a cell each: a ``str``
is a text cell (``office:value-type="string"``) showing it; any other cell
is an odfpy element added as it is, most often from ``ods_cell`` (a number
cell storing one value and showing another text, a date cell, an untyped
cell, an empty cell repeated). A row is a list of cells, or a row element
from ``ods_row`` (a hidden or styled row). ``columns`` are column elements
written before the rows. An element stands in one place: odfpy moves an
element added a second time, so build one for each cell.

``csv_table`` reads CSV text as a table of March figures, fields split by
";" in locale "id" and by "," in "en", invalid cells reported (not
raised); ``invalid_texts`` lists the texts of the cells it found invalid.
``province_table`` reads CSV text split by ";" as March figures of one
province's regencies (an invalid cell raises), ``province_values`` its
values; ``warnings_saying`` records the warnings of a block.
``p1p2_wide`` pivots one index of BPS's long P1/P2 file (:data:`RAW`) wide,
``p1p2_csv`` writes that wide table as CSV text under a title.
``follow_series_recipe`` runs the one-region series advice as printed,
``series_values`` reads its result as {(period, group): value}.

openpyxl and odfpy are imported when a builder is called and a test that
calls one is skipped without them, as the reader's own .xlsx and .ods
support needs them.
"""

from __future__ import annotations

import csv
import io
import math
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pytest

import povstat
from povstat import BpsTable, Locale, read_bps_table

if TYPE_CHECKING:
    from openpyxl import Workbook

Rows = Sequence[Sequence[Any]]
#: The unmodified BPS tables the package's data are built from.
RAW = Path(__file__).resolve().parents[1] / "data-raw" / "indonesia"


def xlsx_workbook(
    rows: Rows,
    formats: Mapping[str, str] | None = None,
    merges: Sequence[str] = (),
    *,
    title: str | None = None,
) -> Workbook:
    """An openpyxl workbook whose one sheet holds ``rows``, not yet saved."""
    pytest.importorskip("openpyxl")
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    if title is not None:
        ws.title = title
    for row in rows:
        ws.append(list(row))
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    for cells in merges:
        ws.merge_cells(cells)
    return wb


def xlsx_bytes(
    rows: Rows,
    formats: Mapping[str, str] | None = None,
    merges: Sequence[str] = (),
    *,
    title: str | None = None,
) -> io.BytesIO:
    """The .xlsx file of ``rows`` in memory, at its start."""
    out = io.BytesIO()
    xlsx_workbook(rows, formats, merges, title=title).save(out)
    out.seek(0)
    return out


def xlsx_path(
    path: Path,
    rows: Rows,
    formats: Mapping[str, str] | None = None,
    merges: Sequence[str] = (),
    *,
    title: str | None = None,
) -> Path:
    """The .xlsx file of ``rows`` saved at ``path`` (a name under tmp_path)."""
    xlsx_workbook(rows, formats, merges, title=title).save(path)
    return path


def ods_cell(text: str | None = None, **attributes: Any) -> Any:
    """An .ods cell with odfpy ``attributes`` showing ``text`` (None: no text).

    ``ods_cell("8.160", valuetype="float", value="8160")`` stores 8160 and
    shows "8.160"; ``ods_cell("2023", valuetype="date", datevalue="2023-03-15")``
    is a date; ``ods_cell("3,79")`` a cell without a value type.
    """
    pytest.importorskip("odf")
    from odf.table import TableCell  # type: ignore[import-untyped]
    from odf.text import P  # type: ignore[import-untyped]

    cell = TableCell(**attributes)
    if text is not None:
        cell.addElement(P(text=text))
    return cell


def ods_row(cells: Sequence[Any], **attributes: Any) -> Any:
    """An .ods row with odfpy ``attributes`` (``visibility="collapse"``)."""
    pytest.importorskip("odf")
    from odf.table import TableRow

    tr = TableRow(**attributes)
    for c in cells:
        tr.addElement(ods_cell(c, valuetype="string") if isinstance(c, str) else c)
    return tr


def ods_sheet(rows: Rows, *, name: str = "S", columns: Sequence[Any] = ()) -> Any:
    """An .ods sheet (an odfpy table) named ``name`` holding ``rows``."""
    pytest.importorskip("odf")
    from odf.table import Table

    table = Table(name=name)
    for column in columns:
        table.addElement(column)
    for row in rows:
        table.addElement(row if hasattr(row, "qname") else ods_row(row))
    return table


def ods_document(rows: Rows, *, name: str = "S", columns: Sequence[Any] = ()) -> Any:
    """An odfpy spreadsheet whose one sheet holds ``rows``, not yet saved."""
    pytest.importorskip("odf")
    from odf.opendocument import (  # type: ignore[import-untyped]
        OpenDocumentSpreadsheet,
    )

    doc = OpenDocumentSpreadsheet()
    doc.spreadsheet.addElement(ods_sheet(rows, name=name, columns=columns))
    return doc


def ods_bytes(
    rows: Rows, *, name: str = "S", columns: Sequence[Any] = ()
) -> io.BytesIO:
    """The .ods file of ``rows`` in memory, at its start."""
    out = io.BytesIO()
    ods_document(rows, name=name, columns=columns).write(out)
    out.seek(0)
    return out


def ods_path(
    path: Path, rows: Rows, *, name: str = "S", columns: Sequence[Any] = ()
) -> Path:
    """The .ods file of ``rows`` saved at ``path`` (a name under tmp_path)."""
    ods_document(rows, name=name, columns=columns).save(str(path))
    return path


def csv_table(text: str, locale: Locale = "id") -> BpsTable:
    """The CSV ``text`` of March figures in ``locale``, invalid cells reported."""
    sep = ";" if locale == "id" else ","
    return read_bps_table(
        io.StringIO(text), locale=locale, sep=sep, month=3, errors="report"
    )


def invalid_texts(t: BpsTable) -> list[str]:
    """The text of each cell ``t`` found invalid, in order."""
    return [c.text for c in t.invalid]


def province_table(
    text: str, province: str, locale: Locale = "id", **kw: Any
) -> BpsTable:
    """The CSV ``text`` (split by ";") of March figures of ``province``.

    ``kw`` are further arguments of read_bps_table; an invalid cell raises.
    """
    return read_bps_table(
        io.StringIO(text), locale=locale, sep=";", month=3, province=province, **kw
    )


def province_values(text: str, province: str, locale: Locale = "id") -> list[float]:
    """The values :func:`province_table` reads, as floats, in order."""
    return [float(v) for v in province_table(text, province, locale).data["value"]]


@contextmanager
def warnings_saying(words: str) -> Iterator[list[str]]:
    """Record every warning of the block; the list gets those saying ``words``.

    The list is filled when the block ends, with each such warning's message.
    """
    said: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield said
    said.extend(str(w.message) for w in caught if words in str(w.message))


def p1p2_wide(kind: str) -> pd.DataFrame:
    """One index of bps_p1p2_kabkota_2015_2023.csv, regions by years.

    `kind` is the file's ``nama_variabel`` ("Index Kedalaman Kemiskinan",
    "Index Keparahan Kemiskinan"); the regions keep the file's order, the
    values its text.
    """
    path = RAW / "bps_p1p2_kabkota_2015_2023.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["nama_variabel"] == kind]
    long = pd.DataFrame(rows)
    order = list(dict.fromkeys(long["nama_wilayah"]))
    wide = long.pivot_table(
        index="nama_wilayah",
        columns="nama_tahun",
        values="data_content",
        aggfunc="first",
    ).loc[order]
    return wide.rename_axis(index="Kabupaten/Kota", columns=None).reset_index()


def p1p2_csv(wide: pd.DataFrame, title: str) -> str:
    """The CSV text of `wide` (from :func:`p1p2_wide`) as BPS lays a table out.

    A line "Kabupaten/Kota,`title`" (padded with commas to the table's
    width), then the years' line under an empty corner, then a line each
    region.
    """
    buf = io.StringIO()
    buf.write(f"Kabupaten/Kota,{title}" + "," * (wide.shape[1] - 2) + "\n")
    wide.rename(columns={"Kabupaten/Kota": ""}).to_csv(buf, index=False)
    return buf.getvalue()


def follow_series_recipe(said: str, path: Path) -> pd.DataFrame:
    """The one-region series advice in `said` run exactly, with `path` for "..."."""
    read = re.search(
        r"read the series with pandas \((?:first write .*?; then )?"
        r"(pandas\.read_csv\(\.\.\.,.*?\)) and "
        r"(povstat\.parse_columns\(.*?\.reset_index\(\))",
        said,
    )
    assert read is not None, said
    df = eval(read[1].replace("(...,", f"({str(path)!r},"), {"pandas": pd})
    out = eval(read[2], {"df": df, "povstat": povstat})
    assert isinstance(out, pd.DataFrame)
    return out


def follow_frame_series_recipe(said: str, frame: Any) -> pd.DataFrame:
    """The one-region series advice for a frame in `said`, run exactly on `frame`.

    The recipe is built from the frame (sheets21 K3): code between
    backticks, starting ``s = df.iloc``; a polars frame or a DuckDB
    relation is converted first, as the advice says.
    """
    read = re.search(r"read the series with pandas \(`(s = df\.iloc.*?)`", said)
    assert read is not None, said
    assert "pandas.read_csv" not in said
    ns: dict[str, Any] = {"df": frame, "pandas": pd, "povstat": povstat}
    if not isinstance(frame, pd.DataFrame):
        assert "converted with df = df.to_pandas() or df = df.df() first" in said
        exec("df = df.df()" if hasattr(frame, "df") else "df = df.to_pandas()", ns)
    exec(read[1], ns)
    out = ns["out"]
    assert isinstance(out, pd.DataFrame)
    return out


def series_values(out: pd.DataFrame) -> dict[tuple[str, str], float | None]:
    """{(period, group): value} of a followed series recipe (None if missing)."""
    assert out.shape[1] == 3
    assert out.iloc[:, 2].dtype == "float64"  # numbers, not text
    return {
        (str(p), str(g)): None if math.isnan(v) else v
        for p, g, v in out.itertuples(index=False)
    }
