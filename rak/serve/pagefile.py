"""Pages read of a job's one file, told across the process boundary through a small file.

The reader runs in a worker process (``rak.bulk.pool``) and tells ``ExtractOptions.progress``
of each page; this callable is pickled into the worker with the options and writes ``done
total`` to the job's folder (a temporary name renamed into place, so the server never reads
half a line), where the server reads it for the page's progress.
"""

from __future__ import annotations

import os
from pathlib import Path

PAGES_FILE = "pages"


class PageFile:
    def __init__(self, folder: str) -> None:
        self.path = os.path.join(folder, PAGES_FILE)

    def __call__(self, done: int, total: int) -> None:
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            with open(tmp, "w", encoding="ascii") as fh:
                fh.write(f"{done} {total}")
            os.replace(tmp, self.path)
        except OSError:
            pass  # progress is a courtesy: the reading goes on without it


def pages_read(folder: Path) -> tuple[int, int] | None:
    """(pages read, pages in all) of the file being read in ``folder``, if it said any."""
    try:
        done, total = (folder / PAGES_FILE).read_text("ascii").split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None
