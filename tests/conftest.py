from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Property tests must not depend on machine speed; keep their number modest so
# the whole suite stays fast on a small CI machine.
# In CI the examples are derived from each test (derandomize), so a run is
# reproducible; locally they are random, to keep exploring.
settings.register_profile(
    "povstat",
    deadline=None,
    max_examples=60,
    derandomize=os.environ.get("CI") == "true",
)
settings.load_profile("povstat")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that runs on the PySpark backend ``spark``."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "pyspark":
            item.add_marker(pytest.mark.spark)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Stop the Spark session if a test started one."""
    del session, exitstatus
    import backends

    if backends.spark.cache_info().currsize:
        backends.spark().stop()
