"""``import povstat`` loads numpy and attrs only; the rest loads on first use."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import povstat

HEAVY = ("pandas", "narwhals", "scipy", "polars", "matplotlib")


def _loaded_after(code: str) -> list[str]:
    script = (
        f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return out.stdout.split()


def test_array_functions_do_not_load_pandas_narwhals_or_scipy() -> None:
    code = (
        "import povstat\n"
        "povstat.rate_to_headcount([4.26], [886.85], unit='percent')\n"
        "povstat.rate_change([4.37], [4.26], unit='percent')\n"
        "povstat.rank([4.37, 4.26], descending=True, by=[1, 1])\n"
        "povstat.se_from_rse(4.26, 10.0)"
    )
    assert _loaded_after(code) == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import povstat; povstat.with_headcount", ["narwhals"]),
        ("from povstat import se_from_moe; se_from_moe(1.0, level=0.9)", ["scipy"]),
        ("import povstat; povstat.datasets.load_east_java()", ["pandas"]),
    ],
)
def test_the_rest_loads_on_first_use(code: str, expected: list[str]) -> None:
    assert set(expected) <= set(_loaded_after(code))


@pytest.mark.parametrize("name", povstat.__all__)
def test_every_public_name_resolves_and_is_listed(name: str) -> None:
    assert name in dir(povstat)
    value = getattr(povstat, name)
    module = getattr(value, "__module__", None)
    if module is not None and module.startswith("povstat."):
        assert getattr(importlib.import_module(module), name) is value


def test_submodules_are_attributes_and_unknown_names_raise() -> None:
    assert povstat.datasets.__name__ == "povstat.datasets"
    assert "plotting" in dir(povstat)
    with pytest.raises(AttributeError, match="has no attribute 'rate_to_heads'"):
        _ = povstat.rate_to_heads
