"""Refresh the intersphinx inventories the documentation links against.

The docs build reads these files instead of fetching inventories over the
network, so that it is reproducible and works offline (CI included). Run

    python docs/_intersphinx/refresh.py

on a machine with network access to replace them with the current inventories
of each project's stable documentation, and commit the result.

``python docs/_intersphinx/refresh.py --numpy-seed`` writes ``numpy.inv``
from the short list below instead: the NumPy objects these docs link to, at
the addresses NumPy's documentation gives them. It is the fallback used where
the NumPy inventory cannot be downloaded; a full download replaces it.
"""

from __future__ import annotations

import sys
import urllib.request
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Inventory file -> address of the inventory it is a copy of.
SOURCES = {
    "python.inv": "https://docs.python.org/3/objects.inv",
    "numpy.inv": "https://numpy.org/doc/stable/objects.inv",
    "pandas.inv": "https://pandas.pydata.org/docs/objects.inv",
    "scipy.inv": "https://docs.scipy.org/doc/scipy/objects.inv",
}

#: name, domain:role, address (relative to https://numpy.org/doc/stable/), title
NUMPY_SEED = [
    ("numpy.ndarray", "py:class", "reference/generated/numpy.ndarray.html#$", "-"),
    ("numpy.dtype", "py:class", "reference/generated/numpy.dtype.html#$", "-"),
    ("numpy.array", "py:function", "reference/generated/numpy.array.html#$", "-"),
    ("numpy.asarray", "py:function", "reference/generated/numpy.asarray.html#$", "-"),
    ("numpy.round", "py:function", "reference/generated/numpy.round.html#$", "-"),
    ("numpy.isnan", "py:data", "reference/generated/numpy.isnan.html#$", "-"),
    ("numpy.nan", "py:data", "reference/constants.html#$", "-"),
    ("numpy.inf", "py:data", "reference/constants.html#$", "-"),
    ("numpy.typing.ArrayLike", "py:data", "reference/typing.html#$", "-"),
    ("numpy.typing.NDArray", "py:data", "reference/typing.html#$", "-"),
    ("array_like", "std:term", "glossary.html#term-array_like", "-"),
    ("array", "std:term", "glossary.html#term-array", "-"),
    ("arrays.scalars", "std:label", "reference/arrays.scalars.html#$", "Scalars"),
    (
        "basics.broadcasting",
        "std:label",
        "user/basics.broadcasting.html#basics-broadcasting",
        "Broadcasting",
    ),
]


def write_numpy_seed(path: Path) -> None:
    """Write the NumPy seed inventory (Sphinx inventory format, version 2)."""
    header = (
        "# Sphinx inventory version 2\n"
        "# Project: NumPy\n"
        "# Version: stable (seed)\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    lines = [f"{n} {role} 1 {uri} {title}\n" for n, role, uri, title in NUMPY_SEED]
    path.write_bytes(header.encode() + zlib.compress("".join(lines).encode()))


def download(url: str, path: Path) -> None:
    """Download one inventory, checking that it is one."""
    with urllib.request.urlopen(url, timeout=30) as response:
        data = response.read()
    if not data.startswith(b"# Sphinx inventory version"):
        msg = f"{url} did not return a Sphinx inventory"
        raise RuntimeError(msg)
    path.write_bytes(data)


def main(argv: list[str]) -> int:
    """Refresh every inventory, or write the NumPy seed."""
    if "--numpy-seed" in argv:
        write_numpy_seed(HERE / "numpy.inv")
        return 0
    for name, url in SOURCES.items():
        download(url, HERE / name)
        print(f"{name} <- {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
