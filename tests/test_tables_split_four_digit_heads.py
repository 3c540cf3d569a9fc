"""An id decimal split by an unquoted comma, with a whole part of four digits.

sheets18 H2/H3. data-raw/indonesia/bps_poor_kabkota_2004_2025.csv, Jumlah
Penduduk Miskin (Ribu Jiwa): JAWA TIMUR 2023 4188.81, 2024 3982.69, 2025
3875.88; Pacitan 76.2, 73.03, 72.47; Kota Madiun 8.46, 7.84, 6.96.
Exported by Google Sheets in Indonesian settings the decimals are quoted;
JAWA TIMUR's row retyped by hand without quotes, 2025 not yet typed:
"3982,69" is two fields, "3982" and "69".

Hand reasoning: "69" is a whole number of two digits right after a whole
number, in columns whose other values are all decimals with two places
("73,03", "7,84"; "72,47", "6,96"): the same sign of a split as "398"
then "69" (warned before), whatever the first part's count of digits. The
two are not alike (69 < 3982 / 2), so they are not two whole values of a
series. With a thousands dot, "3.982" is refused (ambiguous beside
decimals) and its reason must name the split too, so that following it
("3982") does not give 3982 and 69 silently.
"""

from __future__ import annotations

import io
import warnings
from typing import Any

import pandas as pd
import pytest

from povstat import read_bps_table
from povstat.parsing import NumberParseError

_HEAD = (
    "Provinsi/Kabupaten/Kota,Jumlah Penduduk Miskin (Ribu Jiwa) Menurut "
    "Kabupaten/Kota,,\n,2023,2024,2025\n"
)
_REST = 'Pacitan,"76,2","73,03","72,47"\nKota Madiun,"8,46","7,84","6,96"\n'


def _read(source: Any) -> tuple[list[str], Any]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_bps_table(source, locale="id", month=3)
    return [str(w.message) for w in caught if "right before" in str(w.message)], t


def _sources(text: str) -> list[Any]:
    return [
        io.StringIO(text),
        pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False),
    ]


@pytest.mark.parametrize("first", ['"4188,81"', '"4.188,81"'])
def test_a_four_digit_head_is_named(first: str) -> None:
    text = _HEAD + f"JAWA TIMUR,{first},3982,69\n" + _REST
    for source in _sources(text):
        said, _ = _read(source)
        assert len(said) == 1
        assert "holds '3982' right before '69' among decimals" in said[0]
        assert "one number, 3982,69" in said[0]
    # Quoted as advised (and the missing 2025 written as an empty field):
    # the source's 3982.69, no warning.
    said, t = _read(io.StringIO(text.replace("3982,69\n", '"3982,69",\n')))
    assert said == []
    jatim = t.data[t.data["label"] == "JAWA TIMUR"]["value"].tolist()
    assert jatim[:2] == [4188.81, 3982.69]
    assert pd.isna(jatim[2])


def test_a_long_head_beside_an_alike_whole_value_is_no_split() -> None:
    # Two whole values of a series, 4189 then 3983 (alike: neither over
    # twice the other), are two values: no warning.
    text = _HEAD + 'JAWA TIMUR,"4188,81",4189,3983\n' + _REST
    for source in _sources(text):
        said, _ = _read(source)
        assert said == []


def test_a_thousands_dot_head_names_the_split() -> None:
    text = _HEAD + 'JAWA TIMUR,"4.188,81",3.982,69\n' + _REST
    for source in _sources(text):
        with pytest.raises(NumberParseError) as info:
            read_bps_table(source, locale="id", month=3)
        msg = str(info.value)
        assert "'3.982' right before '69' may also be one number, 3.982,69" in msg
        assert 'put it in quotes ("3.982,69")' in msg
        # The tail is refused too, not read as a 2025 value.
        assert "column '2025': '69'" in msg
    # errors="report": neither part stands as a value.
    t = read_bps_table(io.StringIO(text), locale="id", month=3, errors="report")
    jatim = t.data[t.data["label"] == "JAWA TIMUR"]["value"].tolist()
    assert jatim[0] == 4188.81
    assert pd.isna(jatim[1])
    assert pd.isna(jatim[2])
    # The quote advice followed; then the short row's advice (an empty
    # field for the missing 2025): the source's 3982.69.
    quoted = text.replace("3.982,69\n", '"3.982,69"\n')
    with pytest.raises(NumberParseError, match="write an empty field"):
        read_bps_table(io.StringIO(quoted), locale="id", month=3)
    said, t = _read(io.StringIO(quoted.replace('"3.982,69"\n', '"3.982,69",\n')))
    assert said == []
    jatim = t.data[t.data["label"] == "JAWA TIMUR"]["value"].tolist()
    assert jatim[:2] == [4188.81, 3982.69]
    # The other advice, the digits without the dot ("3982"), is no longer
    # read silently: the split is warned (H2).
    said, _ = _read(io.StringIO(text.replace("3.982,69", "3982,69")))
    assert len(said) == 1
    assert "'3982' right before '69'" in said[0]
