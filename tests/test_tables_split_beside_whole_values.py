"""An id split decimal beside whole values BPS writes without decimals (sheets16 F4).

BPS writes a value whose decimals are zero without them: in
data-raw/indonesia/bps_p0_kabkota_2004_2025.csv (P0, Persen, March), BALI
and Gianyar 2024 are "4" (4.00). Kota Denpasar's row there reads 2.68,
2.59, 2.16 (2023-2025). Exported by Google Sheets in Indonesian settings,
decimals are quoted ("2,68") and whole values bare ("4"); Kota Denpasar's
2024 typed by hand without quotes, "2,59", splits into "2" and "59".

Hand reasoning: the two 2024/2025 cells "2" and "59" are whole numbers in
columns of decimals (two places: "4,51", "3,72"). A whole value elsewhere
in the columns ("4" for 4.00) is evidence that a pair of whole values may
be two values only when the two are alike, neither more than twice the
other, as two values of a series are ("19" then "19"): 59 > 2 x 2, so the
pair is named. Moving the split one column left ("2" then "68", with
"2,59" in 2025) likewise: 68 > 2 x 2.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from povstat import read_bps_table

_RAW = Path(__file__).resolve().parents[1] / "data-raw" / "indonesia"
_P0 = _RAW / "bps_p0_kabkota_2004_2025.csv"
_TITLE = (
    "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) Menurut "
    "Kabupaten/Kota (Persen),,\n,2023,2024,2025\n"
)


def _id_field(value: str) -> str:
    """A field as Google Sheets writes it in Indonesian settings."""
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", value):
        return f'"{value.replace(".", ",")}"'
    return value


def _bali_rows() -> list[list[str]]:
    """BALI and its regencies, 2023-2025, as the source file writes them."""
    if not _P0.exists():
        pytest.skip(f"{_P0} not present")
    with _P0.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[1]
    at = [header.index(str(y)) for y in (2023, 2024, 2025)]
    start = next(k for k, r in enumerate(rows) if r and r[0] == "BALI")
    return [[r[0]] + [r[j] for j in at] for r in rows[start : start + 10]]


def _split_warnings(source: Any) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(source, locale="id", month=3)
    return [str(w.message) for w in caught if "right before" in str(w.message)]


def _bali_text(denpasar: str) -> str:
    """The Bali block exported in id settings, Kota Denpasar's row retyped."""
    rows = [r for r in _bali_rows() if r[0] != "Kota Denpasar"]
    body = "".join(",".join([r[0], *map(_id_field, r[1:])]) + "\n" for r in rows)
    return _TITLE + body + denpasar + "\n"


def test_the_source_rows_hold_whole_values() -> None:
    # The premise, read off the file: BALI and Gianyar 2024 are "4".
    rows = {r[0]: r[1:] for r in _bali_rows()}
    assert rows["BALI"] == ["4.25", "4", "3.72"]
    assert rows["Gianyar"] == ["4.47", "4", "3.71"]
    assert rows["Kota Denpasar"] == ["2.68", "2.59", "2.16"]


@pytest.mark.parametrize(
    ("denpasar", "head", "tail"),
    [
        # 2025 not yet known: "2,59" typed without quotes.
        ('Kota Denpasar,"2,68",2,59', "2", "59"),
        # The split one column early: "2,68" unquoted, "2,59" quoted.
        ('Kota Denpasar,2,68,"2,59"', "2", "68"),
    ],
)
def test_a_split_beside_a_whole_value_is_named(
    denpasar: str, head: str, tail: str
) -> None:
    text = _bali_text(denpasar)
    said = _split_warnings(io.StringIO(text))
    assert len(said) == 1
    # Line 12 of the text: title, header, 9 other rows, then Kota Denpasar.
    assert said[0].startswith(
        f"row 12 holds {head!r} right before {tail!r} among decimals"
    )
    assert f"one number, {head},{tail}" in said[0]
    # A frame read as text, as the docs advise, warns alike (its row 10:
    # the title line its column labels, the header its row 0).
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    said = _split_warnings(frame)
    assert len(said) == 1
    assert said[0].startswith(f"row 10 holds {head!r} right before {tail!r}")


def test_quoted_as_advised_the_source_values_are_read() -> None:
    text = _bali_text('Kota Denpasar,"2,68","2,59",')
    assert _split_warnings(io.StringIO(text)) == []
    t = read_bps_table(io.StringIO(text), locale="id", month=3)
    d = t.data[t.data["label"] == "Kota Denpasar"].set_index("year")["value"]
    assert d[2023] == 2.68
    assert d[2024] == 2.59
    assert pd.isna(d[2025])
    b = t.data[t.data["label"] == "BALI"].set_index("year")["value"]
    assert b.tolist() == [4.25, 4.0, 3.72]


def test_two_alike_whole_values_beside_whole_values_are_no_split() -> None:
    # Two whole values of a series side by side, in columns that hold whole
    # values elsewhere: P0 of exactly 4.00 two years running reads as two
    # values (4 <= 2 x 4): no warning, values kept.
    text = _bali_text('Kota Denpasar,"2,68",4,4')
    assert _split_warnings(io.StringIO(text)) == []


def _id_copy(path: Path, tmp_path: Path) -> Path:
    out = tmp_path / f"id_{path.name}"
    with path.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as g:
        writer = csv.writer(g, lineterminator="\n")
        for row in csv.reader(f):
            writer.writerow(
                [
                    v.replace(".", ",") if re.fullmatch(r"-?[0-9]+\.[0-9]+", v) else v
                    for v in row
                ]
            )
    return out


@pytest.mark.parametrize(
    "name",
    [
        "bps_p0_kabkota_2004_2025.csv",
        "bps_poor_kabkota_2004_2025.csv",
        # Provincial totals of poor counts in thousands have four-digit
        # whole parts ("4188,81"): a head of any length is judged (sheets18
        # H2), and these give no false warning.
        "bps_p0_prov_2007_2026.csv",
        "bps_poor_prov_2007_2026.csv",
    ],
)
def test_bps_files_in_id_settings_give_no_split_warning(
    name: str, tmp_path: Path
) -> None:
    # BPS's own kab/kota files exported in Indonesian settings (decimals
    # quoted with a comma, whole values bare): no split, so no warning, by
    # path or as a frame read as text; and every value as the source's.
    # These files hold pairs of whole values side by side (the poor
    # counts' Simeulue 2010-2011 "19", "19"; P0 Kota Pagar Alam 2012-2013
    # "9", "9"), each pair alike.
    path = _RAW / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    month: dict[str, Any] = {} if "prov" in name else {"month": 3}
    en = read_bps_table(path, locale="en", **month).data["value"]
    id_path = _id_copy(path, tmp_path)
    for source in (
        id_path,
        pd.read_csv(id_path, dtype=str, keep_default_na=False, header=None),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            t = read_bps_table(source, locale="id", **month)
        assert t.invalid == ()
        pd.testing.assert_series_equal(t.data["value"], en)


def test_the_split_in_the_whole_national_file_is_named(tmp_path: Path) -> None:
    # The national P0 file in id settings, whose 2024 column holds seven
    # whole values ("4" BALI and Gianyar, "11" Cirebon, ...): Kota
    # Denpasar's 2024 retyped "2,59" without quotes and 2025 left empty.
    # Line 301 of the file (its row in the source).
    if not _P0.exists():
        pytest.skip(f"{_P0} not present")
    text = _id_copy(_P0, tmp_path).read_text(encoding="utf-8")
    row = '"2,97","2,68","2,59","2,16"'
    assert text.count(row) == 1
    said = _split_warnings(io.StringIO(text.replace(row, '"2,97","2,68",2,59')))
    assert len(said) == 1
    assert said[0].startswith("row 301 holds '2' right before '59' among decimals")
