"""A progress bar on a terminal (files done of total, rate, time left); silent otherwise.

Drawn on stderr so a summary or a dataset piped from stdout stays clean; when stderr is not a
terminal (a log file, CI, a test) nothing is drawn at all.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from extractor.language import in_language

from ..i18n import WORDS


class _RateColumn(ProgressColumn):
    """Files per minute: the unit people think in for a folder of documents."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed:
            return Text(f"- {self.unit}", style="dim")
        return Text(f"{speed * 60:.1f} {self.unit}", style="cyan")


class BulkProgress:
    def __init__(self, total: int, lang: str, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.total = total
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self.lang = lang

    def __enter__(self) -> Self:
        if self.enabled:
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(in_language(WORDS["bulk_per_min"], self.lang)),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._progress.start()
            label = in_language(WORDS["bulk_progress"], self.lang)
            self._task = self._progress.add_task(label, total=self.total)
        return self

    def advance(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
