"""The documentation covers the public API and its build inputs are sound.

The API reference is generated at build time by ``docs/_ext/povstat_docs.py``
from each public module's ``__all__``; these tests run that generator and
check, against an independent listing of the package, that every public name
gets a page that documents it, and that every public function and class has
an Examples section (its doctests run with the test suite).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import povstat

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _load_extension() -> ModuleType:
    path = DOCS / "_ext" / "povstat_docs.py"
    spec = importlib.util.spec_from_file_location("povstat_docs", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


EXT = _load_extension()

PUBLIC_MODULES = sorted(
    f"povstat.{m.name}"
    for m in pkgutil.iter_modules(povstat.__path__)
    if not m.name.startswith("_")
)


def _public_names() -> list[tuple[str, str]]:
    """(module, name) for every name in a public module's ``__all__``."""
    out = []
    for modname in PUBLIC_MODULES:
        mod = importlib.import_module(modname)
        out += [(modname, n) for n in getattr(mod, "__all__", [])]
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("docs")
    EXT.write_api(src)
    return src / "reference"


def test_reference_covers_every_public_module_in_a_stated_order() -> None:
    for name in ["units", "headcount", "change", "ranking", "datasets", "plotting"]:
        assert f"povstat.{name}" in PUBLIC_MODULES
    listed = EXT.public_modules()
    assert sorted(listed) == PUBLIC_MODULES
    known = [m for m in listed if m.rpartition(".")[2] in EXT.MODULE_ORDER]
    assert known == listed[: len(known)]
    assert known == sorted(known, key=lambda m: EXT.MODULE_ORDER.index(m[8:]))


@pytest.mark.parametrize("modname", PUBLIC_MODULES)
def test_public_module_declares_all(modname: str) -> None:
    mod = importlib.import_module(modname)
    names = getattr(mod, "__all__", None)
    assert names is not None, f"{modname} has no __all__"
    missing = [n for n in names if not hasattr(mod, n)]
    assert not missing, f"{modname}.__all__ lists undefined names {missing}"


@pytest.mark.parametrize("modname", PUBLIC_MODULES)
def test_every_public_module_has_a_reference_page(
    reference: Path, modname: str
) -> None:
    short = modname.rpartition(".")[2]
    page = (reference / f"{short}.rst").read_text("utf-8")
    assert f".. py:module:: {modname}" in page
    index = (reference / "index.rst").read_text("utf-8")
    assert f"<{short}>`" in index


@pytest.mark.parametrize(("modname", "name"), _public_names())
def test_every_public_name_is_in_the_api_reference(
    reference: Path, modname: str, name: str
) -> None:
    obj = getattr(importlib.import_module(modname), name)
    at_top = name in povstat.__all__ and getattr(povstat, name, None) is obj
    fullname = f"povstat.{name}" if at_top else f"{modname}.{name}"
    stub = reference / "generated" / f"{fullname}.rst"
    assert stub.exists(), f"no API page for {fullname}"
    text = stub.read_text("utf-8")
    directive = re.search(r"^\.\. (auto\w+|py:data):: (\w+)$", text, re.M)
    assert directive is not None
    assert directive.group(2) == name
    page = (reference / f"{modname.rpartition('.')[2]}.rst").read_text("utf-8")
    assert f"   {name}\n" in page, f"{fullname} is not listed on its module page"
    assert f"generated/{fullname}\n" in page


def test_every_top_level_name_is_in_the_api_reference(reference: Path) -> None:
    generated = {p.stem for p in (reference / "generated").glob("*.rst")}
    missing = [
        n
        for n in povstat.__all__
        if f"povstat.{n}" not in generated
        and not any(g.endswith(f".{n}") for g in generated)
    ]
    assert not missing


def test_other_paths_of_a_name_resolve_to_its_page() -> None:
    aliases = EXT.alias_map(EXT.api_entries())
    assert aliases["povstat.ranking.rank"] == "povstat.rank"
    assert aliases["povstat.units.round_half_up"] == "povstat.round_half_up"


def _documented() -> list[tuple[str, Any]]:
    out = []
    for entries in EXT.api_entries().values():
        out += [(e.fullname, e.obj) for e in entries if e.kind != "data"]
    return out


@pytest.mark.parametrize(("fullname", "obj"), _documented())
def test_public_functions_and_classes_have_examples(fullname: str, obj: Any) -> None:
    docscrape = pytest.importorskip("numpydoc.docscrape")
    doc = inspect.getdoc(obj) or ""
    assert doc, f"{fullname} has no docstring"
    parsed = docscrape.NumpyDocString(doc)
    assert parsed["Summary"], f"{fullname} has no summary line"
    examples = "\n".join(parsed["Examples"])
    assert ">>>" in examples, f"{fullname} has no doctested Examples section"


GUIDE_PAGES = sorted(
    p for p in (DOCS / "user_guide").glob("*.rst") if p.name != "index.rst"
)


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda p: p.name)
def test_guide_pages_have_runnable_examples(page: Path) -> None:
    assert ">>> " in page.read_text("utf-8")


@pytest.mark.parametrize("name", ["python", "numpy", "pandas", "scipy"])
def test_intersphinx_inventories_are_shipped(name: str) -> None:
    # The build reads these instead of the network (offline and reproducible).
    data = (DOCS / "_intersphinx" / f"{name}.inv").read_bytes()
    assert data.startswith(b"# Sphinx inventory version 2\n")


def test_changelog_fragments_follow_towncrier_config() -> None:
    config = tomllib.loads((ROOT / "towncrier.toml").read_text("utf-8"))
    tc = config["tool"]["towncrier"]
    types = {t["directory"] for t in tc["type"]}
    pattern = re.compile(r"^(\d+|\+[\w-]+)\.(\w+)(\.\d+)?\.md$")
    for path in (ROOT / tc["directory"]).iterdir():
        if path.name.startswith("."):
            continue
        m = pattern.match(path.name)
        assert m, f"{path.name}: expected <issue>.<type>.md"
        assert m.group(2) in types, f"{path.name}: unknown type {m.group(2)}"


def test_changelog_page_lists_fragments() -> None:
    text = EXT.changelog_markdown(ROOT)
    assert text.startswith("## Unreleased")
    fragments = [p for p in (ROOT / "changelog.d").glob("*.md")]
    for path in fragments:
        first = path.read_text("utf-8").strip().splitlines()[0]
        assert first in text
