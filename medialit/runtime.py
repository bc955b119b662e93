"""How the kit runs long jobs: one helper that keeps the work on a long text linear.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a block builds many small objects with no
    reference cycles (the parts and sentences of an article, the detector's results), and
    restore it afterwards. Left on, it walks every object again and again, so a text ten
    times as long took more than ten times as long."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
