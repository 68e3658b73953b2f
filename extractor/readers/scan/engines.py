"""Tesseract engines that read a file's scanned pages side by side, one engine per thread.

The Tesseract bundled with tesserocr is built without OpenMP: one recognition uses one core,
and a page spends as long again in NumPy and OpenCV (preparing the picture, finding the
ruling), which run on one core too. Pages of a scan are read independently (what one page
learns, its mark shapes, stays on that page), so two pages read at once on two cores give
the same rows in half the time. tesserocr, NumPy and OpenCV release the GIL in their long
calls, so threads are enough; each has its own ``PyTessBaseAPI``, as one engine is not safe
to share.

The engines live as long as the process, as the single engine did (loading ind+eng costs
about a second each): a bulk worker reads file after file with the same ones. A child
forked from a process that had them starts without them (the threads are not forked).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from .settings import ScanSettings

if TYPE_CHECKING:  # Tesseract and OpenCV load only when a page needs OCR
    from .text import CellReader

R = TypeVar("R")


def engine_count(settings: ScanSettings) -> int:
    """How many engines read a file's pages: one per core this process may run on, at
    most ``settings.engines``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(settings.engines, cores))


class EnginePool:
    """Threads, each reading with an engine of its own, made the first time it is needed."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="rak-ocr")
        self._local = threading.local()
        self._engines: list[CellReader] = []
        self._lock = threading.Lock()

    def submit(
        self, file: str, work: Callable[[CellReader], R], stop: threading.Event
    ) -> Future[R]:
        """Run ``work`` with a thread's engine; once ``stop`` is set, that engine refuses to
        read (``ReadingAbandoned``), so work nobody waits for ends at its next cell."""
        return self._threads.submit(self._run, file, work, stop)

    def _run(self, file: str, work: Callable[[CellReader], R], stop: threading.Event) -> R:
        engine: CellReader | None = getattr(self._local, "engine", None)
        if engine is None:
            from .text import CellReader

            engine = CellReader(file)  # MissingTool names the file that needed it
            self._local.engine = engine
            with self._lock:
                self._engines.append(engine)
        engine.stop = stop
        try:
            return work(engine)
        finally:
            engine.stop = None

    def close(self) -> None:
        self._threads.shutdown(wait=True, cancel_futures=True)
        for engine in self._engines:
            engine.__exit__(None, None, None)
        self._engines.clear()


_POOL: list[EnginePool] = []  # the process's pool, once a scan needed more than one engine


def engine_pool(size: int) -> EnginePool:
    """The process's pool of ``size`` engines (a pool of another size is ended first)."""
    if _POOL and _POOL[0].size != size:
        _POOL.pop().close()
    if not _POOL:
        if not _at_exit:
            import atexit

            atexit.register(_end)
            os.register_at_fork(after_in_child=_POOL.clear)
            _at_exit.append(True)
        _POOL.append(EnginePool(size))
    return _POOL[0]


_at_exit: list[bool] = []


def _end() -> None:
    while _POOL:
        _POOL.pop().close()
