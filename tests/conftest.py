from __future__ import annotations

from hypothesis import settings

# Property tests must not depend on machine speed; keep their number modest so
# the whole suite stays fast on a small CI machine.
settings.register_profile("povstat", deadline=None, max_examples=60)
settings.load_profile("povstat")
