from __future__ import annotations

import os

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
