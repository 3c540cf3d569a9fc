"""Sphinx extension that generates povstat's API reference and changelog page.

The API reference is written from the package itself at every build, so that
a public name added to a module's ``__all__`` appears without editing the
docs:

* every module of :mod:`povstat` whose name does not start with ``_`` is
  public and gets a page listing the names in its ``__all__``;
* every such name gets a page of its own, documented under the path users
  import it from: ``povstat.NAME`` if the package re-exports it, otherwise
  ``povstat.MODULE.NAME``;
* a reference to the other path (``povstat.ranking.rank`` for
  ``povstat.rank``) resolves to the same page.

The changelog page lists the unreleased changes from the towncrier fragments
in ``changelog.d/`` and then the released ones from ``CHANGELOG.md``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import tomllib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Order of the module pages; modules not listed follow in alphabetical order.
MODULE_ORDER = [
    "units",
    "headcount",
    "change",
    "ranking",
    "uncertainty",
    "rank_inference",
    "poverty_measures",
    "survey",
    "aggregate",
    "reliability",
    "frames",
    "parsing",
    "tables",
    "statements",
    "datasets",
    "plotting",
]

PACKAGE = "povstat"
REFERENCE_DIR = "reference"
GENERATED_DIR = "generated"


@dataclass(frozen=True)
class Entry:
    """One public name: where it is listed and under which path it is shown."""

    name: str
    module: str
    fullname: str
    kind: str
    obj: Any


def public_modules() -> list[str]:
    """Full names of povstat's public modules, in reference order."""
    pkg = importlib.import_module(PACKAGE)
    names = [
        m.name for m in pkgutil.iter_modules(pkg.__path__) if not m.name.startswith("_")
    ]
    order = {n: i for i, n in enumerate(MODULE_ORDER)}
    names.sort(key=lambda n: (order.get(n, len(order)), n))
    return [f"{PACKAGE}.{n}" for n in names]


def kind_of(obj: Any) -> str:
    """The autodoc directive family for `obj`."""
    if inspect.isclass(obj):
        return "exception" if issubclass(obj, BaseException) else "class"
    if inspect.isroutine(obj):
        return "function"
    return "data"


def api_entries() -> dict[str, list[Entry]]:
    """Public names of each public module, with the path each is shown under.

    Raises
    ------
    RuntimeError
        If a public module has no ``__all__`` or lists a name it lacks.
    """
    pkg = importlib.import_module(PACKAGE)
    top = set(getattr(pkg, "__all__", ()))
    out: dict[str, list[Entry]] = {}
    for modname in public_modules():
        mod = importlib.import_module(modname)
        names = getattr(mod, "__all__", None)
        if names is None:
            msg = f"public module {modname} has no __all__"
            raise RuntimeError(msg)
        entries = []
        for name in sorted(set(names)):
            if not hasattr(mod, name):
                msg = f"{modname}.__all__ lists {name!r}, which it does not define"
                raise RuntimeError(msg)
            obj = getattr(mod, name)
            at_top = name in top and getattr(pkg, name, None) is obj
            fullname = f"{PACKAGE}.{name}" if at_top else f"{modname}.{name}"
            entries.append(Entry(name, modname, fullname, kind_of(obj), obj))
        out[modname] = entries
    return out


def top_level_orphans(entries: dict[str, list[Entry]]) -> list[str]:
    """Names in ``povstat.__all__`` that no public module lists."""
    pkg = importlib.import_module(PACKAGE)
    shown = {e.fullname for es in entries.values() for e in es}
    return sorted(
        n for n in getattr(pkg, "__all__", ()) if f"{PACKAGE}.{n}" not in shown
    )


def _attr_doc(name: str, modules: list[str]) -> list[str]:
    """``#:`` comment documenting module-level `name`, from the first module.

    The comment lines directly above the assignment ``name = ...`` (or
    ``name: T = ...``) at the top level of the module's source, as autodoc
    reads them.
    """
    for modname in modules:
        try:
            source = inspect.getsource(importlib.import_module(modname))
        except (OSError, TypeError):
            continue
        lines = source.splitlines()
        for node in ast.parse(source).body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                doc: list[str] = []
                k = node.lineno - 2
                while k >= 0 and lines[k].lstrip().startswith("#:"):
                    doc.insert(0, lines[k].lstrip()[2:].strip())
                    k -= 1
                if doc:
                    return doc
    return []


def _all_modules() -> list[str]:
    pkg = importlib.import_module(PACKAGE)
    return [f"{PACKAGE}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)]


def _title(text: str, char: str = "=") -> str:
    return f"{text}\n{char * len(text)}\n"


def stub(entry: Entry) -> str:
    """The reStructuredText page of one public name."""
    parent, _, short = entry.fullname.rpartition(".")
    head = _title(entry.fullname) + f"\n.. currentmodule:: {parent}\n\n"
    gallery = (
        f"\n.. minigallery:: {entry.fullname}\n"
        f"   :add-heading: Examples using ``{entry.fullname}``\n"
    )
    if entry.kind == "function":
        return head + f".. autofunction:: {short}\n" + gallery
    if entry.kind in ("class", "exception"):
        return head + f".. auto{entry.kind}:: {short}\n   :members:\n" + gallery
    doc = _attr_doc(short, [entry.module, *_all_modules()])
    obj = entry.obj
    body: list[str] = []
    if typing.get_origin(obj) is typing.Literal:
        value = "Literal[" + ", ".join(repr(a) for a in typing.get_args(obj)) + "]"
        choices = ", ".join(f"``{a!r}``" for a in typing.get_args(obj))
        body += doc or ["Type alias."]
        body += ["", f"One of {choices}."]
    elif isinstance(obj, types.GenericAlias) or typing.get_origin(obj) is not None:
        value = repr(obj)
        body += doc or ["Type alias."]
    else:
        value = repr(obj)
        body += doc
    lines = [f".. py:data:: {short}", f"   :value: {value}", ""]
    lines += [f"   {ln}" if ln else "" for ln in body]
    return head + "\n".join(lines) + "\n"


def _summary(mod: types.ModuleType) -> tuple[str, str]:
    """First line and the rest of a module's docstring."""
    doc = inspect.cleandoc(mod.__doc__ or "")
    first, _, rest = doc.partition("\n")
    return first.strip(), rest.strip()


def module_page(modname: str, entries: list[Entry]) -> str:
    """The reStructuredText page of one public module."""
    mod = importlib.import_module(modname)
    first, rest = _summary(mod)
    at_top = [e for e in entries if e.fullname == f"{PACKAGE}.{e.name}"]
    lines = [
        _title(modname),
        f".. py:module:: {modname}",
        "",
        first,
        "",
    ]
    if entries:
        if len(at_top) == len(entries):
            where = (
                "Every name below is also importable from the package itself, "
                f"e.g. ``from {PACKAGE} import {entries[0].name}``."
            )
        elif not at_top:
            where = (
                f"Import these names from the module: ``from {modname} import ...``."
            )
        else:
            where = (
                f"Names shown as ``{PACKAGE}.NAME`` are importable from the "
                "package itself; the others from this module."
            )
        lines += [where, ""]
        by_parent: dict[str, list[str]] = {}
        for e in entries:
            parent, _, short = e.fullname.rpartition(".")
            by_parent.setdefault(parent, []).append(short)
        for parent, shorts in by_parent.items():
            lines += [f".. currentmodule:: {parent}", "", ".. autosummary::"]
            lines += ["   :nosignatures:", ""]
            lines += [f"   {s}" for s in shorts]
            lines += [""]
    else:
        lines += ["This module has no public names yet.", ""]
    if rest:
        lines += [f".. currentmodule:: {modname}", "", rest, ""]
    if entries:
        lines += [".. toctree::", "   :hidden:", ""]
        lines += [f"   {GENERATED_DIR}/{e.fullname}" for e in entries]
        lines += [""]
    return "\n".join(lines)


INDEX_HEAD = """\
.. _api:

API reference
=============

Every public name of povstat, generated from its docstrings. Each page gives
the parameters with their units, what is returned, the errors raised, the
formula with its source, and examples that are run as tests.

povstat's conventions hold throughout: a rate always comes with
``unit="percent"`` or ``unit="fraction"`` (no default); a difference of two
rates is in percentage points (``points``) and a relative change in percent
(``relative``); ranks state their direction (``descending``), tie rule and
missing-value policy; results are read-only arrays in frozen result objects.

"""


def index_page(entries: dict[str, list[Entry]], orphans: list[str]) -> str:
    """The reStructuredText index page of the API reference."""
    lines = [INDEX_HEAD, ".. list-table::", "   :header-rows: 1", ""]
    lines += ["   * - Module", "     - Contents"]
    for modname in entries:
        first, _ = _summary(importlib.import_module(modname))
        short = modname.rpartition(".")[2]
        lines += [f"   * - :doc:`{modname} <{short}>`", f"     - {first}"]
    lines += ["", ".. toctree::", "   :hidden:", ""]
    lines += [f"   {m.rpartition('.')[2]}" for m in entries]
    if orphans:
        lines += ["   other", ""]
    return "\n".join(lines) + "\n"


def other_page(orphans: list[str]) -> str:
    """Page for names of ``povstat.__all__`` that no public module lists."""
    lines = [_title("Other names"), f".. currentmodule:: {PACKAGE}", ""]
    lines += [".. autosummary::", "   :nosignatures:", ""]
    lines += [f"   {n}" for n in orphans]
    lines += ["", ".. toctree::", "   :hidden:", ""]
    lines += [f"   {GENERATED_DIR}/{PACKAGE}.{n}" for n in orphans]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    """Write `text` unless the file already holds it (keeps rebuilds cheap)."""
    if not path.exists() or path.read_text("utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def write_api(srcdir: Path) -> dict[str, list[Entry]]:
    """Write the API reference pages under ``srcdir/reference``."""
    entries = api_entries()
    orphans = top_level_orphans(entries)
    ref = srcdir / REFERENCE_DIR
    gen = ref / GENERATED_DIR
    wanted: set[Path] = set()
    for modname, es in entries.items():
        page = ref / f"{modname.rpartition('.')[2]}.rst"
        _write(page, module_page(modname, es))
        wanted.add(page)
        for e in es:
            p = gen / f"{e.fullname}.rst"
            _write(p, stub(e))
            wanted.add(p)
    pkg = importlib.import_module(PACKAGE)
    for n in orphans:
        obj = getattr(pkg, n)
        e = Entry(n, PACKAGE, f"{PACKAGE}.{n}", kind_of(obj), obj)
        p = gen / f"{e.fullname}.rst"
        _write(p, stub(e))
        wanted.add(p)
    if orphans:
        _write(ref / "other.rst", other_page(orphans))
        wanted.add(ref / "other.rst")
    _write(ref / "index.rst", index_page(entries, orphans))
    wanted.add(ref / "index.rst")
    for p in ref.rglob("*.rst"):
        if p not in wanted:
            p.unlink()
    return entries


def alias_map(entries: dict[str, list[Entry]]) -> dict[str, str]:
    """Other paths of each documented object -> the path it is documented at."""
    out: dict[str, str] = {}
    for es in entries.values():
        for e in es:
            for other in (f"{e.module}.{e.name}", _defined_at(e.obj, e.name)):
                if other and other != e.fullname:
                    out.setdefault(other, e.fullname)
    return out


def _defined_at(obj: Any, name: str) -> str | None:
    mod = getattr(obj, "__module__", None)
    qual = getattr(obj, "__qualname__", None)
    if isinstance(mod, str) and qual == name and mod.startswith(PACKAGE):
        return f"{mod}.{qual}"
    return None


# --------------------------------------------------------------------------
# Gallery order
# --------------------------------------------------------------------------

#: Gallery examples shown first, in this order; the others follow by name.
EXAMPLE_ORDER = [
    "malang_2023.py",
    "plot_ranked_regions_2023.py",
    "plot_changes_2019_2021_2023.py",
    "plot_series_2015_2025.py",
    "statements_east_java.py",
    "malang_2023_uncertainty.py",
]


class ExampleOrder:
    """sphinx-gallery sort key: :data:`EXAMPLE_ORDER`, then by file name."""

    def __init__(self, src_dir: str) -> None:
        self.src_dir = src_dir

    def __call__(self, filename: str) -> tuple[int, str]:
        """Sort key of one example file."""
        try:
            return (EXAMPLE_ORDER.index(filename), filename)
        except ValueError:
            return (len(EXAMPLE_ORDER), filename)

    def __repr__(self) -> str:
        """Stable text, so that sphinx-gallery's config cache stays valid."""
        return f"ExampleOrder({EXAMPLE_ORDER!r})"


# --------------------------------------------------------------------------
# Gallery thumbnails
# --------------------------------------------------------------------------

_THUMB_NUMBER = re.compile(r"^#\s*sphinx_gallery_thumbnail_number\s*=\s*(-?\d+)", re.M)
_OUTPUT_BLOCK = re.compile(
    r"^\.\. rst-class:: sphx-glr-script-out\n\n \.\. code-block:: none\n\n"
    r"((?:    .*\n|\n)+)",
    re.M,
)
#: Lines of printed output shown in the thumbnail of an example without a chart.
THUMB_TEXT_LINES = 11


def _fit(image: Any, width: int, height: int) -> Any:
    """`image` scaled to fit `width` x `height`, centred on a white canvas."""
    from PIL import Image

    scale = min(width / image.width, height / image.height)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    canvas = Image.new("RGB", (width, height), "white")
    canvas.paste(
        image.convert("RGB").resize(size, Image.Resampling.LANCZOS),
        ((width - size[0]) // 2, (height - size[1]) // 2),
    )
    return canvas


def _chart_thumbnail(figure: Path, thumb: Path, width: int, height: int) -> None:
    """Thumbnail of a chart taller than the thumbnail: its top part, legible.

    sphinx-gallery shrinks the whole figure into the thumbnail, which leaves a
    tall chart (a ranking of 38 regions) an unreadable sliver; the top of the
    chart, with its title, cropped to the thumbnail's shape reads better.
    Charts no taller than the thumbnail keep sphinx-gallery's thumbnail.
    """
    from PIL import Image

    with Image.open(figure) as im:
        if im.height * width <= im.width * height:
            return
        top = im.crop((0, 0, im.width, round(im.width * height / width)))
        _fit(top, width, height).save(thumb)


def _text_thumbnail(lines: list[str], thumb: Path, width: int, height: int) -> None:
    """Thumbnail of an example that prints but draws nothing: its first lines."""
    from matplotlib.figure import Figure

    dpi = 100
    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, facecolor="#f8f8f8")
    shown = [ln if len(ln) <= 48 else ln[:47] + "…" for ln in lines[:THUMB_TEXT_LINES]]
    fig.text(
        0.03,
        0.96,
        "\n".join(shown),
        family="monospace",
        fontsize=9,
        va="top",
        ha="left",
        color="#222222",
        linespacing=1.35,
    )
    fig.savefig(thumb, dpi=dpi, facecolor=fig.get_facecolor())


def _gallery_thumbnails(app: Any) -> None:
    """Make the gallery's thumbnails legible (runs after sphinx-gallery).

    A chart taller than the thumbnail is cropped to its top part; an example
    without a chart gets the first lines of its printed output instead of
    sphinx-gallery's placeholder. The figure used is the one named by the
    example's ``# sphinx_gallery_thumbnail_number`` (default: the first).
    """
    conf = app.config.sphinx_gallery_conf
    srcdir = Path(app.srcdir)
    examples_dir, gallery_dir = conf["examples_dirs"], conf["gallery_dirs"]
    if not isinstance(examples_dir, str) or not isinstance(gallery_dir, str):
        return  # one gallery is all this project has
    gallery = srcdir / gallery_dir
    images = gallery / "images"
    width, height = conf.get("thumbnail_size", (400, 280))
    for script in sorted((srcdir / examples_dir).glob("*.py")):
        thumb = images / "thumb" / f"sphx_glr_{script.stem}_thumb.png"
        if not thumb.exists():
            continue
        found = _THUMB_NUMBER.search(script.read_text("utf-8"))
        number = int(found[1]) if found else 1
        figures = sorted(images.glob(f"sphx_glr_{script.stem}_[0-9][0-9][0-9].png"))
        if figures:
            index = number - 1 if number > 0 else len(figures) + number
            if 0 <= index < len(figures):
                _chart_thumbnail(figures[index], thumb, width, height)
            continue
        page = gallery / f"{script.stem}.rst"
        text = page.read_text("utf-8") if page.exists() else ""
        lines = [
            ln[4:]
            for block in _OUTPUT_BLOCK.finditer(text)
            for ln in block[1].rstrip("\n").split("\n")
        ]
        if lines:
            _text_thumbnail(lines, thumb, width, height)


# --------------------------------------------------------------------------
# Changelog
# --------------------------------------------------------------------------

_FRAGMENT = re.compile(r"^(?P<issue>[^.]+)\.(?P<type>[a-z]+)(?:\.\d+)?\.md$")


def changelog_markdown(root: Path) -> str:
    """Unreleased changes from ``changelog.d`` followed by ``CHANGELOG.md``."""
    config = tomllib.loads((root / "towncrier.toml").read_text("utf-8"))
    tc = config["tool"]["towncrier"]
    directory = root / tc.get("directory", "changelog.d")
    types_ = [(t["directory"], t["name"]) for t in tc.get("type", [])]
    found: dict[str, list[tuple[str, str]]] = {}
    for path in sorted(directory.glob("*.md")):
        m = _FRAGMENT.match(path.name)
        if m is None:
            continue
        text = path.read_text("utf-8").strip()
        found.setdefault(m["type"], []).append((m["issue"], text))
    parts = ["## Unreleased", ""]
    if not found:
        parts += ["No changes yet.", ""]
    for key, title in types_:
        if key not in found:
            continue
        parts += [f"### {title}", ""]
        for issue, text in found[key]:
            suffix = "" if issue.startswith("+") else f" (#{issue})"
            body = text.replace("\n", "\n  ")
            parts += [f"- {body}{suffix}"]
        parts += [""]
    released = root / tc.get("filename", "CHANGELOG.md")
    if released.exists():
        text = released.read_text("utf-8")
        # Drop the released file's own top heading: the page has one.
        text = re.sub(r"\A#\s[^\n]*\n", "", text.lstrip())
        parts += [text]
    return "\n".join(parts)


# --------------------------------------------------------------------------
# Sphinx hooks
# --------------------------------------------------------------------------


def _builder_inited(app: Any) -> None:
    srcdir = Path(app.srcdir)
    entries = write_api(srcdir)
    app.env.povstat_aliases = alias_map(entries)
    gen = srcdir / "_generated"
    gen.mkdir(exist_ok=True)
    _write(gen / "changelog.md", changelog_markdown(srcdir.parent))


def _class_attribute(module: str | None, cls: str | None, name: str) -> bool:
    """Whether `name` is an attribute of class `cls` in povstat module `module`."""
    if not (module and cls and module.startswith(PACKAGE)):
        return False
    try:
        obj: Any = importlib.import_module(module)
        for part in cls.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError):
        return False
    fields = getattr(obj, "__attrs_attrs__", ())
    return name in {f.name for f in fields} or name in getattr(obj, "__slots__", ())


def _missing_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve the other paths of povstat's objects; render attribute names.

    ``povstat.MODULE.NAME`` resolves to the page of ``povstat.NAME`` when the
    package re-exports it. A name in single backquotes inside a class's
    docstring that is one of the class's attributes (``unit`` in the
    docstring of :class:`povstat.Change`) is shown in italics, as numpydoc
    shows parameter names, rather than reported as a broken link.
    """
    if node.get("refdomain") != "py":
        return None
    aliases: dict[str, str] = getattr(env, "povstat_aliases", {})
    target = node.get("reftarget", "")
    module = node.get("py:module")
    if _class_attribute(module, node.get("py:class"), target):
        from docutils import nodes

        return nodes.emphasis(target, target)
    candidates = [target]
    if module:
        candidates.append(f"{module}.{target}")
    for cand in candidates:
        if cand in aliases:
            domain = env.get_domain("py")
            return domain.resolve_xref(
                env, node["refdoc"], app.builder, "obj", aliases[cand], node, contnode
            )
    return None


def setup(app: Any) -> dict[str, Any]:
    """Register the generators and the reference resolver."""
    app.connect("builder-inited", _builder_inited)
    # After sphinx-gallery (priority 500) has run the examples.
    app.connect("builder-inited", _gallery_thumbnails, priority=900)
    app.connect("missing-reference", _missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["setup"]
