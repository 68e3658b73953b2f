"""The pages read of one long file, on stderr while it is read (``rak check``/``extract``).

A scan takes half a minute a page; without a sign of life a user stops the run. The reader
tells ``ExtractOptions.progress`` of each page (``extractor.options.PageProgress``); this
shows it as one line that rich redraws in place (a spinner, the file, pages read of all, the
time so far) and erases when the file is read, so what the command prints is as before. Only
when stderr is a terminal: a pipe, a log file or a test gets nothing. Bulk runs have their own
table (``rak.bulk.progress``).

The line is drawn by the process that reads the file (a worker with the time and memory
limits, ``rak.failures.guarded``) on the console ``terminal`` made before it started. A
worker killed on its time limit cannot erase it, so ``rak.failures.fail`` starts its message
with ``ERASE`` on a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.language import in_language

from .i18n import WORDS

if TYPE_CHECKING:
    from rich.console import Console

    from extractor.options import PageProgress

# Back to the start of the line, erase it, show the cursor again (a live display hides it).
ERASE = "\r\x1b[2K\x1b[?25h"


def terminal() -> Console | None:
    """The command's stderr as a rich console when it is a terminal, else None. Made before
    the file's worker starts: the worker's own stderr is a buffer (``run_one`` replays it
    after), and this console keeps writing to the terminal itself."""
    import sys

    from rich.console import Console

    console = Console(file=sys.stderr)  # this stream, not whatever sys.stderr is later
    return console if console.is_terminal else None


@contextmanager
def page_progress(file: str, lang: str, console: Console | None
                  ) -> Iterator[PageProgress | None]:
    """A ``PageProgress`` that draws the pages read of ``file`` on ``console``; None, and
    nothing drawn, without one (stderr is not a terminal)."""
    if console is None:
        yield None
        return
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .output import safe

    words = in_language(WORDS["reading_pages"], lang, file=safe(Path(file).name))
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                   console=console, transient=True)
    task = bar.add_task(words, total=None, start=False)

    def told(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)
        if not bar.live.is_started:
            bar.start_task(task)
            bar.start()

    try:
        yield told
    finally:
        if bar.live.is_started:
            bar.stop()
