"""read_bps_table: the one-region series recipe followed (sheets20 J2, J3, J5).

A one-region time series (periods down, area groups across) is not read;
the advice prints a pandas recipe ("or read the series with pandas ...").
Three defects of that recipe, each run here exactly as printed, on the file:

* J2: a marked newest round ("Maret 2025*)", "Maret 2025 (angka
  sementara)") was taken for a line below the table: the slice ended at
  the round before, dropping the newest one unsaid. The rule is the
  transposed advice's (sheets18 H1), one helper for both: the slice ends at
  the marked round, and the advice names the mark.
* J3: pandas parsed the numbers (``decimal=``, ``thousands=``), so a figure
  typed in the other convention ("9.5" among Indonesian "9,79") came out
  as 95, silently. The recipe now reads every cell as text and has povstat
  read the numbers (``povstat.parse_columns`` with the locale), whose checks
  refuse that cell, naming it.
* J5: pandas pads a row shorter than the header at its end, moving its
  values to the next group's column ("Maret 2024,7.12,9.79": Perdesaan
  9.79, Jumlah empty). The advice now names such rows (povstat counts each
  row's fields) and says to write an empty field first; so written, the
  recipe gives each value in its column.

Source: bps_p0_prov_2007_2026.csv, line 19 (JAWA TIMUR), semester 1
(Maret) and 2 (September): Perkotaan AX 7.5 (Maret 2023), AY "-"
(September 2023), BA 7.12 (Maret 2024), BD 7 (Maret 2025); Perdesaan DF
13.98, DG "-", DI 13.3, DL 12.86; Jumlah FN 10.35, FO "-", FQ 9.79, FT 9.5.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from povstat import NumberParseError, read_bps_table
from spreadsheets import (
    follow_frame_series_recipe,
    follow_series_recipe,
    series_values,
)

_TITLE = "Persentase Penduduk Miskin (P0) Jawa Timur Menurut Daerah (Persen)"
_GROUPS = ("Perkotaan", "Perdesaan", "Jumlah")
# Period -> (Perkotaan, Perdesaan, Jumlah) as written in the source file.
_SERIES = {
    "Maret 2023": ("7.5", "13.98", "10.35"),
    "September 2023": ("-", "-", "-"),
    "Maret 2024": ("7.12", "13.3", "9.79"),
    "Maret 2025": ("7", "12.86", "9.5"),
}


def _write(
    path: Path,
    *,
    locale: str = "en",
    last: str = "Maret 2025",
    cells: Mapping[str, tuple[str, ...]] | None = None,
) -> None:
    """The series as BPS lays it out, the last round labelled `last`."""
    sep = ";" if locale == "id" else ","

    def num(x: str) -> str:
        return x.replace(".", ",") if locale == "id" else x

    rows = dict(_SERIES) if cells is None else cells
    lines = [_TITLE + sep * 3, sep.join(["Periode", *_GROUPS])]
    for period, values in rows.items():
        label = last if period == "Maret 2025" else period
        lines.append(sep.join([label, *(num(v) for v in values)]))
    lines += [sep * 3, "*) angka sementara" + sep * 3, "Sumber: BPS" + sep * 3]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _message(source: Any, **kw: Any) -> str:
    with pytest.raises(ValueError, match="one-region time series") as err:
        read_bps_table(source, **kw)
    return str(err.value)


def _want(last: str = "Maret 2025") -> dict[tuple[str, str], float | None]:
    return {
        (last if p == "Maret 2025" else p, g): None if v == "-" else float(v)
        for p, values in _SERIES.items()
        for g, v in zip(_GROUPS, values, strict=True)
    }


@pytest.mark.parametrize(
    "last",
    [
        "Maret 2025*)",
        "Maret 2025 (angka sementara)",
        "Semester 1 (Maret) 2025*)",
        "Maret 2025**)",
    ],
)
@pytest.mark.parametrize("locale", ["en", "id"])
def test_a_marked_newest_round_is_kept(tmp_path: Path, last: str, locale: str) -> None:
    # J2: the slice ends at the marked round, whose values are kept.
    path = tmp_path / "series.csv"
    _write(path, locale=locale, last=last)
    sep = ";" if locale == "id" else ","
    said = _message(path, locale=locale, sep=sep)
    assert f".loc[:{last!r}]" in said
    assert f"{last!r} holds a note mark after its year" in said
    assert series_values(follow_series_recipe(said, path)) == _want(last)


def test_a_marked_round_in_a_frame_of_the_file(tmp_path: Path) -> None:
    # The same advice for a frame read from the file (the title line taken
    # for the labels): the recipe reads the frame's rows up to the marked
    # round, by position.
    path = tmp_path / "series.csv"
    _write(path, last="Maret 2025*)")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    said = _message(frame, locale="en")
    assert "to the last, 'Maret 2025*)'" in said
    assert series_values(follow_frame_series_recipe(said, frame)) == _want(
        "Maret 2025*)"
    )


def test_the_marked_round_ends_both_advices_alike(tmp_path: Path) -> None:
    # One rule for the transposed and the one-region advice: the same
    # marked round ends both slices.
    path = tmp_path / "regions.csv"
    path.write_text(
        "Periode,Jawa Tengah,DI Yogyakarta,Jawa Timur\n"
        "Maret 2024,10.47,10.83,9.79\nMaret 2025*),9.48,10.23,9.5\n"
        ",,,\n*) angka sementara,,,\n",
        encoding="utf-8",
    )
    said = _message_any(path)
    assert ".loc[:'Maret 2025*)']" in said
    series = tmp_path / "series.csv"
    _write(series, last="Maret 2025*)")
    assert ".loc[:'Maret 2025*)']" in _message(series, locale="en")


def _message_any(path: Path) -> str:
    with pytest.raises(ValueError, match="looks transposed") as err:
        read_bps_table(path, locale="en")
    return str(err.value)


@pytest.mark.parametrize(
    ("locale", "typed", "reason"),
    [
        # "9.5" typed in English among Indonesian figures: pandas'
        # thousands='.' read it as 95.
        ("id", "9.5", "not a number in locale 'id'; in locale 'en' it would read 9.5"),
        # "9,79" typed in Indonesian (quoted) among English figures: pandas'
        # thousands=',' read it as 979.
        ("en", '"9,79"', "'9,79'"),
    ],
)
def test_a_figure_in_the_other_convention_is_refused(
    tmp_path: Path, locale: str, typed: str, reason: str
) -> None:
    # J3: followed, the recipe has povstat read the numbers, which refuses
    # the cell and names it, instead of a value 10 or 100 times too large.
    cells = dict(_SERIES)
    if locale == "id":
        cells["Maret 2025"] = ("7", "12.86", "@")  # Jumlah typed as below
    else:
        cells["Maret 2024"] = ("7.12", "13.3", "@")
    path = tmp_path / "series.csv"
    _write(path, locale=locale, cells=cells)
    path.write_text(path.read_text(encoding="utf-8").replace("@", typed), "utf-8")
    said = _message(path, locale=locale, sep=";" if locale == "id" else ",")
    assert "dtype=str, keep_default_na=False" in said
    assert "decimal=" not in said
    assert "thousands=" not in said
    with pytest.raises(NumberParseError, match="column 'Jumlah'") as err:
        follow_series_recipe(said, path)
    assert reason in str(err.value)


def test_missing_cells_named_by_the_caller_are_passed_on(tmp_path: Path) -> None:
    # A caller's `missing` ("n.a" for no figure): the recipe passes it to
    # parse_columns, so the cell read_bps_table takes for missing is so.
    cells = dict(_SERIES)
    cells["September 2023"] = ("n.a", "n.a", "n.a")
    path = tmp_path / "series.csv"
    _write(path, cells=cells)
    said = _message(path, locale="en", missing=("", "n.a"))
    assert "missing=['', 'n.a']" in said
    assert series_values(follow_series_recipe(said, path)) == _want()


def test_a_short_row_is_named_before_the_recipe(tmp_path: Path) -> None:
    # J5: Maret 2024's Perdesaan left out ("Maret 2024,7.12,9.79"): pandas
    # would pad the row at its end, putting 9.79 under Perdesaan.
    path = tmp_path / "series.csv"
    _write(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Maret 2024,7.12,13.3,9.79", "Maret 2024,7.12,9.79"))
    said = _message(path, locale="en")
    assert (
        "first write each row with as many fields as the header row 2 (4 fields): "
        "row 5 writes 3, which pandas.read_csv would pad at its end" in said
    )
    # Followed: the empty field written where the figure is missing.
    path.write_text(text.replace("Maret 2024,7.12,13.3,9.79", "Maret 2024,7.12,,9.79"))
    got = series_values(follow_series_recipe(said, path))
    want = _want()
    want["Maret 2024", "Perdesaan"] = None
    assert got == want
    # What pandas made of the short row (the defect): Perdesaan 9.79.
    path.write_text(text.replace("Maret 2024,7.12,13.3,9.79", "Maret 2024,7.12,9.79"))
    padded = series_values(follow_series_recipe(said, path))
    assert padded["Maret 2024", "Perdesaan"] == 9.79


def test_no_short_row_no_such_advice(tmp_path: Path) -> None:
    path = tmp_path / "series.csv"
    _write(path)
    assert "first write each row" not in _message(path, locale="en")
