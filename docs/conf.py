"""Sphinx configuration for the povstat documentation.

Build (from the repository root)::

    python -m sphinx -n -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import povstat

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import povstat_docs  # noqa: E402 - found through the path set just above

# -- Project -----------------------------------------------------------------

project = "povstat"
author = "povstat developers"
copyright = "povstat developers"
release = povstat.__version__
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.intersphinx",
    # Formulas are rendered in the browser by MathJax, loaded from its CDN: a
    # reader offline sees the TeX source. sphinx.ext.imgmath renders them at
    # build time but needs LaTeX and dvipng, which the docs extra cannot
    # install.
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_parser",
    "sphinx_gallery.gen_gallery",
    "povstat_docs",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = [
    "_build",
    "_ext",
    "_intersphinx",
    "_templates",
    "_generated",
    "Thumbs.db",
    ".DS_Store",
    "auto_examples/*.ipynb",
    "auto_examples/*.py",
    "auto_examples/*.zip",
]
templates_path = ["_templates"]

# Every reference must resolve: a broken one is a warning, and the build
# treats warnings as errors (-n -W).
nitpicky = True
default_role = "autolink"  # `name`: a link if documented, else emphasis

# -- autodoc / autosummary / numpydoc -----------------------------------------

autosummary_generate = False  # the povstat_docs extension writes the pages
autodoc_typehints = "none"  # types are documented in the numpydoc sections
autodoc_member_order = "bysource"
autodoc_default_options = {"member-order": "bysource"}

numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_attributes_as_param_list = True
numpydoc_xref_param_type = True
numpydoc_xref_ignore = "all"  # link only the words below; others are text
numpydoc_xref_aliases = {
    "array_like": ":term:`numpy:array_like`",
    "ndarray": "numpy.ndarray",
    "DataFrame": "pandas.DataFrame",
    "pandas.DataFrame": "pandas.DataFrame",
    "Series": "pandas.Series",
    "pandas.Series": "pandas.Series",
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "None": "None",
    "Interval": "povstat.Interval",
    "Change": "povstat.Change",
    "AnnualizedChange": "povstat.AnnualizedChange",
    "HeadcountDecomposition": "povstat.HeadcountDecomposition",
    "Ranking": "povstat.Ranking",
}
# Checked at build time: a failure is a warning, hence an error under -W.
# (That every public function and class has doctested Examples is checked by
# tests/test_docs.py.)
numpydoc_validation_checks = {
    "GL08",  # the object has no docstring
    "SS01",  # no summary
    "PR01",  # a parameter is not documented
    "PR02",  # a documented parameter does not exist
    "RT01",  # no Returns section
}
# Result classes document their fields as Attributes, not as Parameters.
numpydoc_validation_overrides = {"PR01": [r"Attributes\n\s*-{3,}"]}
# Module-level constants and type aliases carry a ``#:`` comment, not a
# docstring; special methods are documented by their class.
numpydoc_validation_exclude = {r"\.__\w+__$"} | {
    rf"^{re.escape(e.fullname)}$"
    for entries in povstat_docs.api_entries().values()
    for e in entries
    if e.kind == "data"
}

# -- intersphinx: local copies of the inventories, so the build is offline ----
# and reproducible; docs/_intersphinx/refresh.py updates them.

intersphinx_mapping = {
    "python": ("https://docs.python.org/3/", "_intersphinx/python.inv"),
    "numpy": ("https://numpy.org/doc/stable/", "_intersphinx/numpy.inv"),
    "pandas": ("https://pandas.pydata.org/docs/", "_intersphinx/pandas.inv"),
    "scipy": ("https://docs.scipy.org/doc/scipy/", "_intersphinx/scipy.inv"),
}

# -- sphinx-gallery -------------------------------------------------------------

sphinx_gallery_conf = {
    "examples_dirs": "../examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r".*\.py$",  # execute every example, not only plot_*
    "ignore_pattern": r"__init__\.py",
    "within_subsection_order": "povstat_docs.ExampleOrder",
    "image_scrapers": ("matplotlib",),
    "matplotlib_animations": False,
    "remove_config_comments": True,
    "write_computation_times": False,
    "show_memory": False,
    "download_all_examples": False,
    "reset_modules": ("matplotlib",),
    "doc_module": ("povstat",),
    "backreferences_dir": "_generated/backreferences",
    "min_reported_time": 60,
    # Run every example at every build, not only those whose script changed:
    # their output depends on the library and the bundled data too, and the
    # pages must show what the current code prints.
    "run_stale_examples": True,
}

# -- MyST ------------------------------------------------------------------------

myst_enable_extensions = ["dollarmath"]
myst_heading_anchors = 3

# -- HTML ------------------------------------------------------------------------

html_theme = "pydata_sphinx_theme"
html_title = f"povstat {release}"
html_static_path = ["_static"]
html_css_files = ["povstat.css"]
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "navbar_align": "left",
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    # One sidebar (navigation, then the page's sections) leaves the text and
    # the code examples the width of a laptop screen.
    "secondary_sidebar_items": [],
}
html_context = {"default_mode": "light"}
html_sidebars = {"**": ["sidebar-nav-bs", "page-toc"]}
# Pages without sub-pages need no section navigation, only their own sections.
html_sidebars |= {
    page: ["page-toc"]
    for page in [
        "index",
        "getting_started",
        "questions",
        "glossary",
        "changelog",
        "contributing",
    ]
}
