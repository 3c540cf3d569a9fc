"""Time of ``import povstat`` against ``import numpy``, in fresh interpreters.

A user of the array functions should pay for numpy (and attrs) only:
pandas, narwhals and scipy load when a function that needs them is first
called. Each round starts one interpreter that imports numpy and one that
imports povstat (and calls :func:`povstat.rate_to_headcount`), in alternating
order, and times the import inside the interpreter; the ratio reported is
the median of the per-round ratios.

Run: ``python benchmarks/bench_import.py [rounds]`` (default 21).
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np

_NUMPY = (
    "import time; t = time.perf_counter(); import numpy; print(time.perf_counter() - t)"
)
_POVSTAT = (
    "import time; t = time.perf_counter(); import povstat; "
    "povstat.rate_to_headcount([4.26], [886.85], unit='percent'); "
    "print(time.perf_counter() - t)"
)


def _run(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def main(rounds: int) -> None:
    """Print the median times and the median ratio of the rounds."""
    _run(_POVSTAT)  # compiled files written before timing
    t_np: list[float] = []
    t_pov: list[float] = []
    for i in range(rounds):
        if i % 2:
            t_pov.append(_run(_POVSTAT))
            t_np.append(_run(_NUMPY))
        else:
            t_np.append(_run(_NUMPY))
            t_pov.append(_run(_POVSTAT))
    ratio = float(np.median(np.divide(t_pov, t_np)))
    print(
        f"import numpy {np.median(t_np) * 1e3:.0f} ms; import povstat (and one "
        f"array call) {np.median(t_pov) * 1e3:.0f} ms; ratio {ratio:.2f} "
        f"(median of {rounds} rounds)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
