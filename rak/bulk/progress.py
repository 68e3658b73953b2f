"""A progress bar on a terminal (files done of total, rate, time left); silent otherwise.

Drawn on stderr so a summary or a dataset piped from stdout stays clean; when stderr is not a
terminal (a log file, CI, a test) nothing is drawn at all. The time left is ``eta.Eta``'s:
from the running files' own elapsed time, or "menunggu N berkas" where no number is honest.
"""

from __future__ import annotations

import sys
import time
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
)
from rich.text import Text

from extractor.language import in_language

from ..i18n import WORDS
from .eta import Estimate, Eta
from .words import bulk_word


class _RateColumn(ProgressColumn):
    """Files per minute: the unit people think in for a folder of documents."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if not speed and task.finished and task.elapsed:
            speed = task.completed / task.elapsed  # the whole run's rate once it is done
        if not speed:
            return Text(f"- {self.unit}", style="dim")
        return Text(f"{speed * 60:.1f} {self.unit}", style="cyan")


def _clock(seconds: float) -> str:
    whole = int(seconds + 0.5)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def eta_text(estimate: Estimate, lang: str) -> str:
    """ "sisa ~0:01:20", "sisa ≥0:01:20" (a file still waited for), "menunggu 2 berkas"."""
    if estimate.seconds is None:
        if estimate.waiting:
            return bulk_word("eta_waiting", lang, n=estimate.waiting)
        return "-:--:--"
    left = bulk_word("eta_left", lang, time=_clock(estimate.seconds))
    return left.replace("~", "≥") if estimate.at_least else left


class _EtaColumn(ProgressColumn):
    def __init__(self, eta: Eta, lang: str) -> None:
        super().__init__()
        self.eta = eta
        self.lang = lang

    def render(self, task: Task) -> Text:
        return Text(eta_text(self.eta.estimate(time.monotonic()), self.lang), style="cyan")


class BulkProgress:
    def __init__(self, total: int, lang: str, enabled: bool | None = None, workers: int = 1,
                 timeout: float = 0.0) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.total = total
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self.lang = lang
        self.eta = Eta(total, workers, timeout)

    def __enter__(self) -> Self:
        if self.enabled:
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                _RateColumn(in_language(WORDS["bulk_per_min"], self.lang)),
                TimeElapsedColumn(),
                _EtaColumn(self.eta, self.lang),
                console=Console(stderr=True),
                transient=False,
            )
            self._progress.start()
            label = in_language(WORDS["bulk_progress"], self.lang)
            self._task = self._progress.add_task(label, total=self.total)
        return self

    def start(self, task: int) -> None:
        """Task ``task`` was handed to a worker: its clock starts."""
        self.eta.start(task, time.monotonic())

    def advance(self, task: int | None = None) -> None:
        if task is not None:
            self.eta.finish(task, time.monotonic())
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
