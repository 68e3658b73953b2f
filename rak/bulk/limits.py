"""The limits one file is read under, in bulk and alone: memory, time, and what it leaves.

- **Memory**: ``memory_cap`` lowers the worker's address-space limit (``RLIMIT_AS``, the soft
  one) so that the file's work can make it resident for at most the budget. Readers
  refuse what they can price before building it; this is the backstop for what they cannot
  (a library inflating a stream, a render). An allocation past it fails with
  ``MemoryError`` in Python code, which becomes ``MemoryLimitExceeded``: the input's
  fault, exit 2, never "internal error".
- **Time**: the worker is a separate process; the parent kills it when its deadline passes,
  whatever it is doing (a long C call ignores SIGALRM, a killed process does not).
- **Leftovers**: each worker has a temporary folder of its own (``TMPDIR``), removed by the
  parent after the worker ends, killed or not; a killed worker's children (LibreOffice runs in
  a session of its own) are killed with it.

``run_one`` reads a single file this way: the command line's work in a forked worker, so one
file gets the same protection as a bulk run.
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

R = TypeVar("R")
MB = 1024 * 1024


def _usage() -> tuple[int, int] | None:
    """(address space, resident set) of this process in bytes; None where /proc is not."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            size, resident = fh.read().split()[:2]
    except (OSError, ValueError):
        return None
    page = os.sysconf("SC_PAGE_SIZE")
    return int(size) * page, int(resident) * page


def address_cap(limit_mb: int) -> int:
    """The address-space limit that lets this process hold ``limit_mb`` in memory at most.

    The budget is what the file may cost in memory (resident pages), not address space: a
    worker has hundreds of MB of libraries mapped (OpenCV, NumPy, pdfium) of which little is
    resident. So the cap is today's address space plus what the budget leaves over today's
    resident set; the process's resident memory then stays within the budget.
    """
    usage = _usage()
    if usage is None:
        return limit_mb * MB
    size, resident = usage
    return size + max(0, limit_mb * MB - resident)


@contextmanager
def memory_cap(file: str, limit_mb: int) -> Iterator[None]:
    """Run the block within ``limit_mb`` of memory (0: as before); a ``MemoryError`` in it
    becomes ``MemoryLimitExceeded`` for ``file``."""
    from extractor.errors import MemoryLimitExceeded

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if limit_mb:
        cap = address_cap(limit_mb)
        cap = cap if hard == resource.RLIM_INFINITY else min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    except MemoryError as e:
        raise MemoryLimitExceeded(file, limit_mb) from e
    finally:
        if limit_mb:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def use_temp_dir(folder: str) -> None:
    """Send this process's temporary files, and its children's, into ``folder``."""
    os.environ["TMPDIR"] = folder
    tempfile.tempdir = folder


def new_temp_dir() -> str:
    return tempfile.mkdtemp(prefix="rak-worker-")


def remove_temp_dir(folder: str | None) -> None:
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc (empty where there is none)."""
    tree: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return tree
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 1:
            tree.setdefault(int(fields[1]), []).append(int(name))
    return tree


def kill_tree(pid: int) -> None:
    """SIGKILL ``pid`` and every process it started, with their process groups (LibreOffice
    is started in a session of its own, and ``soffice.bin`` is its grandchild)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGSTOP)  # no new children while the tree is read
    tree = _children()
    found, todo = [], list(tree.get(pid, []))
    while todo:
        p = todo.pop()
        found.append(p)
        todo += tree.get(p, [])
    ours = os.getpgrp()
    groups = set()
    for p in found:
        with contextlib.suppress(OSError):
            groups.add(os.getpgid(p))
    for group in groups - {ours}:
        with contextlib.suppress(OSError):
            os.killpg(group, signal.SIGKILL)
    for p in [*found, pid]:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(p, signal.SIGKILL)


# --- one file, alone ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Ended:
    """What a forked single-file worker hands back: a value, or the line and exit code its
    failure ends the command with, and what it printed."""

    value: Any = None
    message: str | None = None
    exit_code: int | None = None
    stdout: str = ""
    stderr: str = ""


def can_isolate() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods() and hasattr(resource, "RLIMIT_AS")


def run_one(work: Callable[[], R], file: str, lang: str, timeout: float, memory_mb: int) -> R:
    """``work()`` in a forked worker within ``timeout`` seconds (0: none) and ``memory_mb``
    (0: none); a failure, a timeout or a death ends the command with its line and code."""
    import typer

    from extractor.errors import TimeLimitExceeded

    from ..failures import exit_for, fail, failure_exit
    from .pool import Failure, Pool

    def contained(_: int) -> _Ended:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                with memory_cap(file, memory_mb):
                    value = work()
                return _Ended(value=value, stdout=out.getvalue(), stderr=err.getvalue())
            except typer.Exit as e:
                return _Ended(exit_code=e.exit_code, stdout=out.getvalue(),
                              stderr=err.getvalue())
            except Exception as e:  # noqa: BLE001 - exit_for says what it is, a bug included
                code, message = exit_for(e, lang, file, memory_mb)
                return _Ended(message=message, exit_code=int(code), stderr=err.getvalue())

    results: list[_Ended | Failure] = []
    Pool(contained, 1, timeout, start_method="fork").run([0], lambda _, v: results.append(v))
    ended = results[0] if results else Failure("crash")
    if isinstance(ended, _Ended):
        sys.stdout.write(ended.stdout)
        sys.stderr.write(ended.stderr)
        if ended.message is not None:
            raise fail(ended.message, ended.exit_code or 0)
        if ended.exit_code is not None:
            raise typer.Exit(ended.exit_code)
        return ended.value  # type: ignore[no-any-return]
    if ended.kind == "interrupted":
        raise KeyboardInterrupt
    if ended.kind == "timeout":  # said with the option that raises it
        code, message = exit_for(TimeLimitExceeded(file, f"{timeout:g} s"), lang, file)
    else:
        code, message = failure_exit(ended, lang, file)
    raise fail(message, code)
