"""Time left in a bulk run, from how long files have taken and how long the running ones run.

A rate over files done says "2 seconds left" while the last file runs on for a minute to its
timeout. So the estimate looks at each running file: given it has already run ``e`` seconds,
its expected rest is the mean of ``d - e`` over the files done that took longer than ``e``
(the observed distribution, conditioned on what is known of this file), never past its
timeout. A file that has run longer than every file done has no honest estimate: the display
then says it waits for that file ("menunggu 1 berkas") instead of a number. The files not yet
started take the mean duration each, handed to the workers as they free up, as the pool does.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from statistics import fmean


@dataclass(frozen=True, slots=True)
class Estimate:
    seconds: float | None  # time left; None when it cannot be told
    waiting: int = 0  # running files that ran longer than any file done (no estimate)
    at_least: bool = False  # ``seconds`` is a floor: waiting files may run on past it


@dataclass(slots=True)
class Eta:
    total: int
    workers: int
    timeout: float = 0.0  # seconds a file may run; 0: no limit
    started: dict[int, float] = field(default_factory=dict)  # running task -> its start
    durations: list[float] = field(default_factory=list)  # of the files done
    done: int = 0

    def start(self, task: int, now: float) -> None:
        self.started[task] = now

    def finish(self, task: int, now: float) -> None:
        began = self.started.pop(task, None)
        if began is not None:
            self.durations.append(now - began)
        self.done += 1

    def _rest(self, elapsed: float) -> float | None:
        """Expected time left of a file running for ``elapsed`` seconds, None if unknown."""
        longer = [d - elapsed for d in self.durations if d > elapsed]
        if not longer:
            return None
        rest = fmean(longer)
        if self.timeout > 0:
            rest = min(rest, max(0.0, self.timeout - elapsed))
        return rest

    def estimate(self, now: float) -> Estimate:
        if not self.durations:
            return Estimate(None)
        running = list(self.started.values())
        pending = max(0, self.total - self.done - len(running))
        rests = [self._rest(now - began) for began in running]
        known = [r for r in rests if r is not None]
        waiting = len(rests) - len(known)
        # Workers free for the files not yet started: those not held by a waiting file.
        free = max(0, self.workers - waiting)
        if waiting and (not pending or not free):
            return Estimate(None, waiting)
        clocks = sorted(known)[:free] + [0.0] * max(0, free - len(known))
        heapq.heapify(clocks)
        each = fmean(self.durations)
        for _ in range(pending):
            heapq.heappush(clocks, heapq.heappop(clocks) + each)
        left = max([*clocks, *known, 0.0])
        return Estimate(left, waiting, at_least=bool(waiting))
