"""Shared helpers of the table reader tests: small .xlsx workbooks.

Each builder writes ``rows`` one sheet row each (``Worksheet.append``, so a
``None`` is an empty cell and a row may be shorter than the others), then
sets the number formats (``{"B2": "0.00%"}``), then merges the ranges
(``["B1:C1"]``). A test that needs more than that (formulas, rich text,
hidden rows, several sheets, a sheet rewritten as XML) takes the workbook
from ``xlsx_workbook`` or builds its own.

openpyxl is imported when a builder is called and a test that calls one is
skipped without it, as the reader's own .xlsx support needs it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from openpyxl import Workbook

Rows = Sequence[Sequence[Any]]


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
