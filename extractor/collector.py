"""Python's cyclic garbage collector, held back while one file is read.

Reading a page makes thousands of small containers that live as long as the page or the
file (glyphs, lines, cells), and almost none of them end up in garbage cycles; yet under the
interpreter's default thresholds the collector runs some 350 times over the 48-page sample
(``samples/rak-panjang-40.pdf``), walking the young objects each time and, in its older
passes, everything the process holds, the modules' objects too: about 3 ms a page of the
30 the pdfium engine spent (issue #15). While a file is read, what the process held before
it is frozen out of the collector's passes (``gc.freeze``) and the youngest generation is
collected less often (``CollectorSettings``): about 0.4 ms a page. Both are put back when the
file is read. No collection is skipped, only spaced out: the cycles a file leaves are still
collected, and peak memory stays as it was (``benchmarks/bench_extract.py``).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CollectorSettings:
    """How the collector runs while a file is read (``held_back``)."""

    # Container objects made (less those freed) between two collections of the youngest
    # generation; Python's default is 700, at which the objects a page keeps are walked
    # several times over before they are old. A cap on the garbage cycles that wait, not a
    # measure of the page: 20,000 small containers are a few MB at most.
    young: int = 20_000
    # Freeze what the process holds when the file is opened out of the collector's passes.
    freeze: bool = True

    def __post_init__(self) -> None:
        if self.young < 1:
            raise ValueError("CollectorSettings.young must be at least 1")


_lock = threading.Lock()
_depth = 0  # files being read now (threads of one process share the collector)
_saved: tuple[tuple[int, ...], bool] = ((), False)  # thresholds, and whether we froze


@contextmanager
def held_back(settings: CollectorSettings) -> Iterator[None]:
    """The collector held back (``CollectorSettings``) for the ``with`` body; the first of
    overlapping readers sets it, the last puts it back as it found it. A collector that is
    disabled, or that someone else froze objects in, is left alone but for the threshold."""
    _enter(settings)
    try:
        yield
    finally:
        _leave()


def _enter(settings: CollectorSettings) -> None:
    global _depth, _saved
    with _lock:
        _depth += 1
        if _depth > 1:
            return
        threshold = gc.get_threshold()
        froze = settings.freeze and gc.isenabled() and gc.get_freeze_count() == 0
        _saved = (threshold, froze)
        if froze:
            gc.freeze()
        gc.set_threshold(max(settings.young, threshold[0]), *threshold[1:])


def _leave() -> None:
    global _depth
    with _lock:
        _depth -= 1
        if _depth > 0:
            return
        threshold, froze = _saved
        gc.set_threshold(*threshold)
        if froze:
            gc.unfreeze()
