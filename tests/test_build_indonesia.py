"""The shipped Indonesia tables are what data-raw/build_indonesia.py makes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "data-raw" / "build_indonesia.py"
DATA = REPO / "src" / "povstat" / "data"
OUTPUTS = (
    "indonesia_poverty.csv",
    "indonesia_regions.csv",
    "indonesia_sources.csv",
    "east_java_supplement.csv",
)


def _build(out: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_indonesia", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_indonesia"] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        assert module.main(["--out", str(out)]) == 0
    finally:
        del sys.modules["build_indonesia"]


@pytest.mark.skipif(not SCRIPT.exists(), reason="needs a source checkout")
def test_build_reproduces_the_shipped_files_byte_for_byte(tmp_path: Path) -> None:
    _build(tmp_path)
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUTS)


@pytest.mark.skipif(not SCRIPT.exists(), reason="needs a source checkout")
def test_raw_files_are_the_documented_copies() -> None:
    # data-raw/indonesia/SOURCES.md section 1 lists the SHA-256 of each raw copy.
    import hashlib
    import re

    notes = (REPO / "data-raw" / "indonesia" / "SOURCES.md").read_text("utf-8")
    listed = dict(
        (name, digest)
        for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+\.csv)$", notes, re.M)
    )
    assert len(listed) == 20
    for name, digest in listed.items():
        data = (REPO / "data-raw" / "indonesia" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name
    codes = (REPO / "data-raw" / "regions" / "wilayah_penduduk.sql").read_bytes()
    regions_notes = (REPO / "data-raw" / "regions" / "SOURCES.md").read_text("utf-8")
    assert hashlib.sha256(codes).hexdigest() in regions_notes
