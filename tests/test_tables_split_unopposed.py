"""Split numbers in columns that give no evidence against the split.

en: "Kota Batu,642,778.00" (GK 2024 = 642778 typed with an unquoted
thousands comma, 2025 not yet typed) falls into the 2024 and 2025 columns;
where no other row fills 2025 (or every row is split alike) the columns
hold no value against reading "642" and "778.00" as one number: an empty
column is no evidence the pair is two values, so a UserWarning names the
row, and counts every split row.

id: "Kota Malang,"4,26",3,91" (P0 2024 = 3,91 typed without quotes among
quoted decimals): "3" right before "91" in columns of decimals is the id
twin, warned likewise.

A frame read from such a file with every column as text (pandas
``dtype=str``, polars ``infer_schema=False``: the docs' advice for
Indonesian numbers) holds the same split rows, and warns as the path does.

Figures:
* bps_gk_kabkota_2024.csv / _2025.csv (Rupiah/Kapita/Bulan): JAWA TIMUR
  536122 / 558029, Pacitan 370643 / 386174, Ponorogo 413619, Trenggalek
  434146, Tulungagung 447793, Blitar 408399, Kota Batu 642778.
* bps_p0_kabkota_2004_2025.csv (Persen): JAWA TIMUR 10.35, 9.79, 9.50
  (2023-2025), Pacitan 13.65, 13.08, 12.97, Kota Malang 4.26 (2023), 3.91
  (2024).
* bps_poor_kabkota_2004_2025.csv (Ribu Jiwa), 2009-2012: Simeulue 19.1,
  19, 19, 18.6; Aceh Singkil 20.3, 19.9, 19.9, 19.4.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import pytest

from povstat import read_bps_table

_GK = "Provinsi/Kabupaten/Kota,Garis Kemiskinan (Rupiah/Kapita/Bulan),\n,2024,2025\n"
_P0 = (
    "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) (Persen),,\n"
    ",2023,2024,2025\n"
)


def _split_warnings(source: Any, locale: Literal["id", "en"]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bps_table(source, locale=locale, month=3)
    return [
        str(w.message)
        for w in caught
        if "right before" in str(w.message) or "whole number" in str(w.message)
    ]


@pytest.mark.parametrize(
    "body",
    [
        # Excel "Comma Style" saved in English settings (quoted), 2025 empty.
        'JAWA TIMUR,"536,122.00",\nPacitan,"370,643.00",\nKota Batu,642,778.00\n',
        # Plain, not quoted.
        "JAWA TIMUR,536122.00,\nPacitan,370643.00,\nKota Batu,642,778.00\n",
        # Whole rupiah.
        'JAWA TIMUR,"536,122",\nPacitan,"370,643",\nKota Batu,642,778\n',
    ],
)
def test_a_split_into_a_column_no_other_row_fills_is_named(body: str) -> None:
    said = _split_warnings(io.StringIO(_GK + body), "en")
    assert len(said) == 1
    # Row 5 of the file, Kota Batu: 642 and 778, or 642778 (the source's).
    assert said[0].startswith("row 5 holds '642' right before '778")
    assert "one number, 642778" in said[0]


def test_a_split_whose_first_part_lies_in_an_empty_column_is_named() -> None:
    # 2024 typed for no other row (2025 is): Kota Batu's "642,778" typed a
    # column early, "642" in the empty 2024 column.
    text = (
        "Provinsi/Kabupaten/Kota,Garis Kemiskinan (Rupiah/Kapita/Bulan),,\n"
        ",2023,2024,2025\nJAWA TIMUR,,,558029\nPacitan,,,386174\nKota Batu,,642,778\n"
    )
    said = _split_warnings(io.StringIO(text), "en")
    assert len(said) == 1
    assert said[0].startswith("row 5 holds '642' right before '778'")


def test_a_split_count_of_persons_is_named() -> None:
    # "Kota Malang,34,840": 34.84 ribu = 34,840 persons, 2025 empty.
    text = (
        "Kabupaten/Kota,Jumlah Penduduk Miskin (Jiwa),\n,2024,2025\n"
        "JAWA TIMUR,3982690,\nKota Malang,34,840\n"
    )
    said = _split_warnings(io.StringIO(text), "en")
    assert len(said) == 1
    assert said[0].startswith("row 4 holds '34' right before '840'")


def test_every_split_row_is_counted() -> None:
    # Six rows, each a GK 2024 figure "536,122.00" unquoted with 2025 not
    # typed: every row is split, so every row is counted -- row 3 (the
    # first, JAWA TIMUR's 536 and 122.00, the smallest values sorted) and
    # 5 more. Two of them (536/122, 434/146) are unlike pairs, which the
    # count once stopped at.
    body = (
        "JAWA TIMUR,536,122.00\nPacitan,370,643.00\nPonorogo,413,619.00\n"
        "Trenggalek,434,146.00\nTulungagung,447,793.00\nBlitar,408,399.00\n"
    )
    said = _split_warnings(io.StringIO(_GK + body), "en")
    assert len(said) == 1
    assert said[0].startswith("row 3 (and 5 more) holds '536' right before '122.00'")
    # With a trailing comma (a row of more fields than the header) alike.
    trailing = body.replace("\n", ",\n")
    said = _split_warnings(io.StringIO(_GK + trailing), "en")
    assert len(said) == 1
    assert said[0].startswith("row 3 (and 5 more)")


@pytest.mark.parametrize(
    "body",
    [
        # The source's figures: no split.
        "JAWA TIMUR,536122,\nPacitan,370643,\nKota Batu,642778,\n",
        # Small values in the first part's column: a table's pair.
        "JAWA TIMUR,3982,\nPacitan,73,\nKota Batu,642,778\n",
        # A small value beside the pair in its own row: a series.
        "Kota Batu,12.5,642,778\n",
    ],
)
def test_no_warning_where_a_column_or_the_row_holds_small_values(body: str) -> None:
    text = (
        _GK.replace(",\n,2024,2025", ",,\n,2023,2024,2025") if "12.5" in body else _GK
    )
    assert _split_warnings(io.StringIO(text + body), "en") == []


def test_the_id_twin_among_decimals_is_named() -> None:
    # Google Sheets (Indonesian) export: decimals quoted; Kota Malang's 2024
    # P0 typed by hand, "3,91" unquoted, 2025 not yet known.
    text = (
        _P0 + 'JAWA TIMUR,"10,35","9,79","9,50"\nPacitan,"13,65","13,08","12,97"\n'
        'Kota Malang,"4,26",3,91\n'
    )
    said = _split_warnings(io.StringIO(text), "id")
    assert len(said) == 1
    assert said[0].startswith("row 5 holds '3' right before '91' among decimals")
    assert "one number, 3,91" in said[0]
    # Quoted as advised: 3.91, 2025 missing, no warning.
    fixed = text.replace("3,91\n", '"3,91",\n')
    assert _split_warnings(io.StringIO(fixed), "id") == []
    value = read_bps_table(io.StringIO(fixed), locale="id", month=3).data["value"]
    assert value.iloc[-2] == 3.91
    assert pd.isna(value.iloc[-1])


def test_the_id_twin_in_an_empty_column_is_named_by_its_row() -> None:
    # No other row typed for 2024 or 2025: the row's own "4,26" is the
    # evidence.
    text = _P0 + 'JAWA TIMUR,"10,35",,\nKota Malang,"4,26",3,91\n'
    said = _split_warnings(io.StringIO(text), "id")
    assert len(said) == 1
    assert said[0].startswith("row 4 holds '3' right before '91'")


def test_whole_values_written_without_their_zero_decimals_are_no_split() -> None:
    # BPS writes 19.0 as "19" (poor counts, ribu jiwa): Simeulue's 2010 and
    # 2011 figures, "19" and "19", among one-decimal values, are two values.
    # In Indonesian with quoted decimals: a second part of two digits where
    # the columns write one decimal is no split; nor is a pair in columns
    # that hold whole values elsewhere.
    text = (
        "Provinsi/Kabupaten/Kota,Jumlah Penduduk Miskin (Ribu Jiwa),,,\n"
        ",2009,2010,2011,2012\n"
        'Simeulue,"19,1",19,19,"18,6"\nAceh Singkil,"20,3","19,9","19,9","19,4"\n'
    )
    assert _split_warnings(io.StringIO(text), "id") == []
    whole = text.replace('"19,9","19,9"', "20,19")
    assert _split_warnings(io.StringIO(whole), "id") == []


@pytest.fixture
def split_files(tmp_path: Path) -> dict[str, Path]:
    id_path = tmp_path / "idsp.csv"
    id_path.write_text(
        "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) (Persen),\n"
        ',2024,2025\nJAWA TIMUR,"9,79","9,50"\nPacitan,"13,08","12,97"\n'
        "Kota Malang,3,91\n",
        encoding="utf-8",
    )
    en_path = tmp_path / "ensp.csv"
    en_path.write_text(
        _GK + 'JAWA TIMUR,"536,122.00","558,029.00"\n'
        'Pacitan,"370,643.00","386,174.00"\nKota Batu,642,778.00\n',
        encoding="utf-8",
    )
    return {"id": id_path, "en": en_path}


@pytest.mark.parametrize("locale", ["id", "en"])
def test_a_frame_read_as_text_warns_as_the_path_does(
    split_files: dict[str, Path], locale: Literal["id", "en"]
) -> None:
    path = split_files[locale]
    by_path = _split_warnings(path, locale)
    assert len(by_path) == 1
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    said = _split_warnings(frame, locale)
    assert len(said) == 1
    # The frame's row 3 (its header the file's first line): Kota Malang's
    # "3" and "91" (by path, a row of whole numbers alone; in a frame, whose
    # file's separator is not known, the pair among decimals), or Kota
    # Batu's "642" and "778.00" (the same words as by path).
    if locale == "id":
        assert "every value read is a whole number ('3', '91')" in by_path[0]
        assert said[0].startswith("row 3 holds '3' right before '91' among decimals")
    else:
        assert said[0].startswith("row 3 holds '642' right before '778.00'")
        assert said[0].split(":", 1)[1] == by_path[0].split(":", 1)[1]


@pytest.mark.parametrize("locale", ["id", "en"])
def test_a_polars_frame_read_as_text_warns(
    split_files: dict[str, Path], locale: Literal["id", "en"]
) -> None:
    pl = pytest.importorskip("polars")
    frame = pl.read_csv(split_files[locale], infer_schema=False)
    assert len(_split_warnings(frame, locale)) == 1


def test_a_frame_of_only_whole_texts_warns_once(tmp_path: Path) -> None:
    # Every value whole: the frame-wide warning alone, not one per row too.
    path = tmp_path / "whole.csv"
    path.write_text(
        "Provinsi/Kabupaten/Kota,Persentase Penduduk Miskin (P0) (Persen),\n"
        ",2024,2025\nJAWA TIMUR,9,79\nKota Malang,3,91\n",
        encoding="utf-8",
    )
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    said = _split_warnings(frame, "id")
    assert len(said) == 1
    assert said[0].startswith("every value of `source`, a frame, is a whole number")


_RAW = Path(__file__).resolve().parents[1] / "data-raw" / "indonesia"


@pytest.mark.parametrize(
    "name",
    [
        "bps_gk_kabkota_2024.csv",
        "bps_poor_kabkota_2004_2025.csv",
        "bps_poor_prov_2007_2026.csv",
    ],
)
def test_bps_files_give_no_split_warning(name: str) -> None:
    # BPS's own files (English marks, separated by ","): no split, so no
    # warning, by path or as a frame read as text (every raw file was
    # checked so by hand; these three stand for the rest). The poor-count
    # file holds whole values among one-decimal ones ("122" beside
    # "106.1"), the province file "-" for rounds not surveyed.
    path = _RAW / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    month = 3 if "kabkota" in name else None
    for source in (
        path,
        pd.read_csv(path, dtype=str, keep_default_na=False, header=None),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            read_bps_table(source, locale="en", month=month)
