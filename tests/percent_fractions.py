"""Shared set-up of the tests of fractions of one under a stated percent.

BPS's P0 under its "(Persen)" title (:data:`P0_TITLE`), some cells pasted in
from a sheet formatted as percent: a workbook of them (:func:`percent_xlsx`),
a value as such a cell stores it (:func:`to_fraction`), the fractions
warnings ``read_bps_table`` gives (:func:`fraction_warnings`) and the
recipe of one run exactly as printed (:func:`follow_fraction_recipe`).
Used by ``test_tables_percent_fractions_frame.py``,
``test_tables_percent_fraction_rows.py`` and
``test_tables_percent_fraction_cells.py``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Collection, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import povstat
from povstat import BpsTable, read_bps_table
from spreadsheets import xlsx_path

P0_TITLE = "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen)"


def to_fraction(percent: str) -> float:
    """`percent` (as BPS writes it) / 100, as a percent cell stores it: 0.0979."""
    return float(Decimal(percent) / 100)


def fraction_warnings(source: Any, **kw: Any) -> tuple[list[str], BpsTable]:
    """The fractions warnings read_bps_table gives, and the table.

    Read in locale "en" as March figures unless ``kw`` says otherwise.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_bps_table(source, **{"locale": "en", "month": 3, **kw})
    said = [str(w.message) for w in caught]
    return [m for m in said if "fractions of one" in m], t


def follow_fraction_recipe(message: str, df: Any, *, polars: bool = False) -> Any:
    """Run the message's recipe exactly as printed (between backticks), on `df`.

    With ``polars=True`` the message must say to convert the frame with
    ``.to_pandas()`` first, which is done before the recipe.
    """
    found = re.search(r"`(df = .*?)`", message)
    assert found is not None, message
    ns: dict[str, Any] = {"df": df, "pandas": pd, "povstat": povstat}
    if polars:
        assert "converted with df = df.to_pandas() or df = df.df() first" in message
        exec("df = df.to_pandas()", ns)
    exec(found.group(1), ns)
    return ns["df"]


def percent_xlsx(
    path: Path,
    rows: Sequence[Sequence[str]],
    pasted: Collection[tuple[str, int]] = (),
    *,
    pasted_rows: Collection[str] = (),
    years: Sequence[int] = (2024, 2025),
    title: str = P0_TITLE,
    corner: str = "Provinsi/Kabupaten/Kota",
    number_format: str | None = "0.00%",
) -> Path:
    """A workbook saved at `path`: `corner` and `title`, `years`, then `rows`.

    Each row is a label and its values as BPS writes them ("9.79"), one a
    year; an empty row is a blank line. A cell is pasted when its
    (label, year) is in `pasted` or its label in `pasted_rows`: it holds
    its value as a fraction of one (:func:`to_fraction`) formatted
    `number_format` (None: not formatted); any other cell holds the number
    typed. A value that is no number ("-", a note) is written as text, and
    formatted alike when pasted.
    """
    pytest.importorskip("openpyxl")
    from openpyxl.utils import get_column_letter

    cells: list[list[Any]] = [[corner, title], [None, *years]]
    formats: dict[str, str] = {}
    for r, row in enumerate(rows, start=3):
        if not row:
            cells.append([])
            continue
        label, *values = row
        line: list[Any] = [label]
        for c, (v, year) in enumerate(zip(values, years, strict=True), start=2):
            put = label in pasted_rows or (label, year) in pasted
            try:
                line.append(to_fraction(v) if put else float(v))
            except (InvalidOperation, ValueError):
                line.append(v)
            if put and number_format is not None:
                formats[f"{get_column_letter(c)}{r}"] = number_format
        cells.append(line)
    return xlsx_path(path, cells, formats)


def series_xlsx(
    path: Path,
    title: str,
    header: Sequence[str],
    series: Sequence[tuple[str, Sequence[str]]],
    *,
    fractions: bool,
    source: str,
) -> Path:
    """A one-region series (or a transposed table) saved at `path`.

    The `title` line, the `header` row, then a row per period of `series`
    (its values as BPS writes them, "9.48"), typed as numbers or, with
    `fractions`, stored as fractions of one formatted "0.00%"; then a blank
    line and the `source` line.
    """
    formats: dict[str, str] = {}
    cells: list[list[Any]] = [[title], list(header)]
    for r, (period, values) in enumerate(series, start=3):
        cells.append(
            [period, *(to_fraction(v) if fractions else float(v) for v in values)]
        )
        if fractions:
            formats.update(
                {f"{chr(ord('B') + c)}{r}": "0.00%" for c in range(len(values))}
            )
    cells += [[], [source]]
    return xlsx_path(path, cells, formats)
