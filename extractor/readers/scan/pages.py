"""A file's scanned pages read several at once and put into the grid in page order.

The PDF reader parses and renders pages one after another (pdfplumber and pdfium are not
to be shared between threads); each rendered scan is then read in a thread of its own with
an engine of its own (``scan.engines``) while the next pages are parsed and rendered, and
the readings are put into the grid strictly in page order, through the same steps as one
page read alone (``reader.put_reading``): the born-digital layout of a page without ruling,
the words remembered from page to page, each line's tables-before. What a page's reading
decides depends on that page alone, so the rows are the same whatever the engine count.

What is in flight is bounded: as many pages as engines, and no more than the file's memory
budget holds of their working images (``pdf.price.PIXEL_BYTES`` a pixel). An error on a
page, in a thread or not, comes out when that page's turn comes, as it would have reading
one page after the other; once the file's reading ends, whatever is left in flight is
abandoned at its next cell and waited for, so no thread works on for a file that is gone.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass
from functools import partial
from typing import Any

from ...grid import Grid
from ...options import ExtractOptions, PageProgress
from ..pdf.page import PageContent
from ..pdf.price import PIXEL_BYTES, Budget, render_pixels
from .engines import EnginePool, engine_count, engine_pool
from .reader import PageReading, put_reading, read_rendered, read_scanned_page, render, scan_dpi

# A scan's words as glyphs, given as the born-digital page ``number`` (``pdf.reader``'s).
LayOut = Callable[..., bool]


@dataclass(slots=True)
class _InFlight:
    number: int
    reading: Future[PageReading]
    cost: int  # bytes its working images may hold


class ScannedPages:
    """The scanned pages of one PDF: ``start`` each page in order, ``finish`` before a page
    that is no scan is read and at the end, ``close`` always."""

    def __init__(
        self, file: str, grid: Grid, options: ExtractOptions, lay_out: LayOut, told: PageProgress
    ) -> None:
        self._file = file
        self._grid = grid
        self._options = options
        self._budget = Budget.of(file, options)
        self._lay_out = lay_out
        self._told = told
        self._pages = grid.pages or 0
        self._size = engine_count(options.scan)
        self._pool: EnginePool | None = None  # the process's, once a page is a scan
        self._stop = threading.Event()
        self._flying: deque[_InFlight] = deque()
        self._failed = False  # a page's reading has raised: nothing after it is put in

    def start(self, page: Any, content: PageContent, number: int) -> bool:
        """Render ``page`` and set it being read when it is a scan; False (doing nothing)
        when it is not. With one engine the page is read there and then."""
        options = self._options
        if self._size == 1:
            lay_out = partial(self._lay_out, number=number)
            scanned = read_scanned_page(page, content, number, self._grid, self._file,
                                        options.scan, self._budget, lay_out, options.ruled)
            if scanned:
                self._told(number, self._pages)
            return scanned
        dpi = scan_dpi(page, content, number, options.scan, self._budget)
        if dpi is None:
            return False
        cost = round(render_pixels((float(page.width), float(page.height)), dpi) * PIXEL_BYTES)
        while self._flying and (len(self._flying) >= self._size or not self._fits(cost)):
            self._finish_one()
        pixels = render(page, dpi, number, self._file)
        if self._pool is None:
            self._pool = engine_pool(self._size)
        # The thread's engine comes in as ``read_rendered``'s fourth argument, the reader.
        work = partial(read_rendered, pixels, dpi, number, settings=options.scan,
                       ruled=options.ruled)  # fmt: skip
        future = self._pool.submit(self._file, work, self._stop)
        self._flying.append(_InFlight(number, future, cost))
        return True

    def _fits(self, cost: int) -> bool:
        total = self._budget.total
        return total is None or sum(f.cost for f in self._flying) + cost <= total

    def finish(self) -> None:
        """Put every page in flight into the grid, in page order. Called before an error
        of a later page is raised, it raises an error of theirs instead (the first page's
        error is the one told, as when pages are read one after another); after an error
        of theirs, it does nothing."""
        while self._flying and not self._failed:
            self._finish_one()

    def _finish_one(self) -> None:
        # Left in flight until its reading is in hand: what interrupts the wait (the time
        # limit's signal) leaves it to ``close``, which stops it and waits for it.
        done = self._flying[0]
        try:
            reading = done.reading.result()
        except BaseException:
            self._failed = True
            if done.reading.done():  # the page's own error, not a signal in the wait
                self._flying.popleft()
            raise
        self._flying.popleft()
        pool = self._pool
        assert pool is not None
        put_reading(
            reading,
            self._grid,
            partial(self._lay_out, number=done.number),
            lambda: pool.submit(self._file, reading.text_lines, self._stop).result(),
        )
        self._told(done.number, self._pages)

    def close(self) -> None:
        """Abandon whatever is still in flight and wait until it has stopped."""
        self._stop.set()
        flying = [f.reading for f in self._flying]
        self._flying.clear()
        for future in flying:
            future.cancel()
        wait(flying)  # what they raise (``ReadingAbandoned`` most often) is nobody's now
