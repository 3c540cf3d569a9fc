"""indonesia_regions().official_name: the code list's names, its typos corrected."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from povstat.datasets import indonesia_regions

SCRIPT = Path(__file__).resolve().parent.parent / "data-raw" / "build_indonesia.py"


def test_official_names_have_no_typos() -> None:
    r = indonesia_regions().set_index("region_code")
    # Kepmendagri 300.2.2-2138/2025 names province 96 Papua Barat Daya
    # (UU 29/2022); the code list copy writes "Papua Barat Oaya".
    assert r.loc["96", "official_name"] == "Papua Barat Daya"
    assert r.loc["1405", "official_name"] == "Kabupaten Pelalawan"
    assert r.loc["5302", "official_name"] == "Kabupaten Timor Tengah Selatan"
    assert r.loc["9502", "official_name"] == "Kabupaten Pegunungan Bintang"
    assert r.loc["7109", "official_name"] == (
        "Kabupaten Kepulauan Siau Tagulandang Biaro"
    )
    names = r["official_name"]
    assert not names.str.contains("  ").any()
    assert not names.str.contains(r"\bKab\b|\bKep\.", regex=True).any()
    regencies = r[r.region_type == "kabupaten"]["official_name"]
    assert regencies.str.startswith("Kabupaten ").all()
    cities = r[r.region_type == "kota"]["official_name"]
    assert cities.str.startswith("Kota ").all()


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_indonesia", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_indonesia"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["build_indonesia"]
    return module


@pytest.mark.skipif(not SCRIPT.exists(), reason="needs a source checkout")
def test_build_stops_on_another_spelling_of_a_corrected_name() -> None:
    build = _script()
    assert build.official_name("96", "Papua Barat Oaya") == "Papua Barat Daya"
    assert build.official_name("1405", "Kabupaten  Pelalawan") == "Kabupaten Pelalawan"
    with pytest.raises(build.BuildError, match="code 96"):
        build.official_name("96", "Papua Barat Daya ")  # the copy changed
