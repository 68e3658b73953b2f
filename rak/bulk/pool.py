"""Worker processes that survive their files: a hang is killed, a crash is replaced.

``concurrent.futures.ProcessPoolExecutor`` cannot stop one hung task, and one worker that dies
(``os._exit``, a segfault in a PDF library, the kernel's OOM killer) breaks the whole pool.
So each worker here is its own ``spawn``-started process with its own pipe, given one task at
a time: the parent waits on every pipe and every process sentinel at once, kills a worker
whose task passes its deadline, and starts a fresh one in its place. Whatever happens to a
task, ``on_result`` hears about it exactly once, with the task's value or a ``Failure``.

Workers ignore SIGINT: Ctrl-C reaches the parent, which kills the workers and returns what is
finished (``PoolRun.interrupted``). ``spawn`` (not ``fork``) keeps the workers free of the
parent's state and works the same on every platform; a single file (``limits.run_one``) is
read in a ``fork``ed worker, which needs no pickled task and no second start-up.

Each worker has a temporary folder of its own (``TMPDIR``); a worker that is killed is killed
with every process it started, and its folder is removed whatever way it ended.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from .limits import kill_tree, new_temp_dir, remove_temp_dir, use_temp_dir

T = TypeVar("T")
R = TypeVar("R")

START_TIMEOUT = 120.0  # seconds a new worker may take to import its packages
MAX_START_FAILURES = 3  # workers dying before they are ready: give up after this many in a row


@dataclass(frozen=True, slots=True)
class Failure:
    """A task that returned no value: ``timeout``, ``crash``, ``error`` or ``interrupted``."""

    kind: str
    detail: str = ""
    exitcode: int | None = None


@dataclass(slots=True)
class PoolRun:
    interrupted: bool = False
    workers_started: int = 0


def _worker_main(conn: Connection, fn: Callable[[Any], Any], tmp: str) -> None:
    """Loop in the worker: receive ``(index, task)``, send back the value or the error."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    use_temp_dir(tmp)
    conn.send(("ready", None, None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, task = message
        try:
            value = fn(task)
            conn.send(("done", index, value))
        except BaseException as e:  # noqa: BLE001 - reported back, the worker stays alive
            conn.send(("error", index, f"{type(e).__name__}: {e}"))


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while a worker starts: a spawned Python keeps an ignored SIGINT ignored.

    Ctrl-C on a terminal reaches the whole process group; without this, a worker still
    importing its packages would print a KeyboardInterrupt traceback of its own.
    """
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals cannot be changed here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Worker:
    def __init__(self, ctx: Any, fn: Callable[[Any], Any]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.tmp = new_temp_dir()
        self.proc = ctx.Process(target=_worker_main, args=(child, fn, self.tmp), daemon=True)
        with _sigint_ignored():  # inherited by the new interpreter, even while it imports
            self.proc.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.task: int | None = None
        self.deadline: float | None = None
        self.done = 0

    def stop(self, kill: bool) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
        if not kill:
            self.proc.join(timeout=5)
            kill = self.proc.is_alive()
        if kill and self.proc.pid is not None:
            kill_tree(self.proc.pid)
        self.proc.join(timeout=5)
        self.conn.close()
        remove_temp_dir(self.tmp)


class Pool(Generic[T, R]):
    """Run ``fn`` over ``tasks`` in ``jobs`` workers, each task limited to ``timeout`` seconds.

    ``timeout`` <= 0 means no limit. ``recycle_after`` > 0 replaces a worker after that many
    tasks, a guard against libraries that keep memory between files.
    """

    def __init__(
        self,
        fn: Callable[[T], R],
        jobs: int,
        timeout: float,
        recycle_after: int = 0,
        start_method: str = "spawn",
    ) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.fn = fn
        self.jobs = jobs
        self.timeout = timeout
        self.recycle_after = recycle_after
        self.ctx = mp.get_context(start_method)

    def run(
        self, tasks: Sequence[T], on_result: Callable[[int, R | Failure], None],
        on_start: Callable[[int], None] | None = None,
    ) -> PoolRun:
        """Report every task to ``on_result`` exactly once; Ctrl-C ends the run early.

        ``on_start`` hears when a task is handed to a worker (its clock starts), so a
        progress display can tell how long the running tasks have been running."""
        return _Run(self, tasks, on_result, on_start).run()


class _Run(Generic[T, R]):
    """The state of one ``Pool.run``: pending tasks, live workers, what was reported."""

    def __init__(
        self, pool: Pool[T, R], tasks: Sequence[T], on_result: Callable[[int, R | Failure], None],
        on_start: Callable[[int], None] | None = None,
    ) -> None:
        self.pool = pool
        self.tasks = tasks
        self.on_result = on_result
        self.on_start = on_start
        self.state = PoolRun()
        self.pending: deque[int] = deque(range(len(tasks)))
        self.workers: list[_Worker] = []
        self.reported: set[int] = set()
        self.start_failures = 0

    def run(self) -> PoolRun:
        try:
            for _ in range(min(self.pool.jobs, len(self.tasks))):
                self.spawn()
            while self.pending or _busy(self.workers):
                self.dispatch()
                if not self.workers and self.pending:
                    self.spawn()
                    continue
                waitables: list[Any] = []
                for w in self.workers:
                    waitables += [w.conn, w.proc.sentinel]
                ready = set(wait(waitables, timeout=self.wait_time()))
                for w in self.workers.copy():
                    self.collect(w, ready)
        except KeyboardInterrupt:
            self.state.interrupted = True
            for w in self.workers:
                if w.proc.pid is not None:
                    kill_tree(w.proc.pid)
            for index in range(len(self.tasks)):
                self.report(index, Failure("interrupted"))
        finally:
            for w in self.workers.copy():
                w.stop(kill=self.state.interrupted or w.task is not None)
            self.workers.clear()
        return self.state

    def report(self, index: int, value: R | Failure) -> None:
        if index not in self.reported:
            self.reported.add(index)
            self.on_result(index, value)

    def spawn(self) -> None:
        self.workers.append(_Worker(self.pool.ctx, self.pool.fn))
        self.state.workers_started += 1

    def retire(self, w: _Worker, kill: bool) -> None:
        """Stop ``w``; start a fresh worker in its place while there is work for it."""
        self.workers.remove(w)
        w.stop(kill)
        busy = _busy(self.workers)
        if (self.pending or busy) and len(self.workers) < min(
            self.pool.jobs, len(self.pending) + busy
        ):
            self.spawn()

    def dispatch(self) -> None:
        """Give each idle, ready worker the next task, and start its clock."""
        for w in self.workers.copy():
            if not (w.ready and w.task is None and self.pending):
                continue
            index = self.pending.popleft()
            try:
                w.conn.send((index, self.tasks[index]))
            except (OSError, ValueError):
                self.pending.appendleft(index)  # never started: give it to another worker
                self.retire(w, kill=True)
                continue
            w.task = index
            timeout = self.pool.timeout
            w.deadline = time.monotonic() + timeout if timeout > 0 else None
            if self.on_start is not None:
                self.on_start(index)

    def collect(self, w: _Worker, ready: set[Any]) -> None:
        """Take what ``w`` has to say: a message, its death, or its deadline passing."""
        if w.conn in ready or (w.proc.sentinel in ready and w.conn.poll()):
            try:
                kind, index, value = w.conn.recv()
            except (EOFError, OSError):
                kind, index, value = "dead", None, None
            if kind == "ready":
                w.ready = True
                self.start_failures = 0
                return
            if kind in ("done", "error"):
                self.report(index, value if kind == "done" else Failure("error", value))
                w.task, w.deadline = None, None
                w.done += 1
                if self.pool.recycle_after and w.done >= self.pool.recycle_after:
                    self.retire(w, kill=False)
                return
        now = time.monotonic()
        if w.proc.sentinel in ready and not w.proc.is_alive():
            if w.task is not None:
                code = w.proc.exitcode
                self.report(w.task, Failure("crash", _exit_detail(code), code))
            elif not w.ready:
                self.start_failed()
            w.task = None
            self.retire(w, kill=True)
        elif w.task is not None and w.deadline is not None and now >= w.deadline:
            self.report(w.task, Failure("timeout", f"{self.pool.timeout:g}"))
            w.task = None
            self.retire(w, kill=True)
        elif not w.ready and now - w.started > START_TIMEOUT:
            self.start_failed()
            self.retire(w, kill=True)

    def start_failed(self) -> None:
        """A worker died before it was ready; after a few in a row, no worker will start."""
        self.start_failures += 1
        if self.start_failures >= MAX_START_FAILURES:
            while self.pending:
                self.report(self.pending.popleft(), Failure("error", "worker start"))

    def wait_time(self) -> float:
        deadlines = [w.deadline for w in self.workers if w.deadline is not None]
        if not deadlines:
            return 1.0
        return max(0.0, min(min(deadlines) - time.monotonic(), 1.0))


def _busy(workers: list[_Worker]) -> int:
    return sum(1 for w in workers if w.task is not None)


def _exit_detail(code: int | None) -> str:
    """"exit 70" or the signal's name ("SIGSEGV") for a worker that died."""
    if code is None:
        return "?"
    if code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"
