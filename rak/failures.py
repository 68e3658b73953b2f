"""How a command, or one file's work, ends when it fails: one line and an exit code.

``exit_for`` is the one place an exception gets its exit code (``ExitCode``) and its line:

- ``RakError`` (the input is not a readable RAK), ``ConfigError`` (a rak.toml or an option
  that cannot be used) and ``CannotWrite`` (an output that cannot be written): exit 2, the
  exception's own message;
- ``MemoryError`` while a memory limit is in force: the input needed more than the limit,
  ``MemoryLimitExceeded``, exit 2;
- anything else is a bug in rak: exit 3, "internal error ... please report it", never a
  traceback.

``failure_exit`` does the same for a file whose worker process returned nothing (timed out,
died, was cancelled). Every path that ends a file or a command goes through these two: the
command wrapper in ``rak/cli.py`` (whatever escapes a command), ``guarded`` (one file's work,
alone), ``rak.bulk.limits.run_one`` (its forked worker) and ``rak.bulk.work.process`` (each
file of a bulk run, which becomes a line of the summary rather than the run's end).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, TypeVar

import typer

from extractor.language import LANGS, in_language

from .exitcodes import ExitCode
from .i18n import WORDS
from .output import CannotWrite, tell

if TYPE_CHECKING:
    from .bulk.pool import Failure

R = TypeVar("R")

# The language a failure is told in: the command's --lang, or its rak.toml's once read.
MESSAGE_LANG: ContextVar[str] = ContextVar("rak_message_lang", default="id")


def exit_for(e: BaseException, lang: str, file: str | None = None,
             memory_mb: int = 0) -> tuple[ExitCode, str]:
    """The exit code of ``e`` and the one line that says it, in ``lang``; ``file`` is the
    document being read, if any, and ``memory_mb`` the memory limit in force (0: none)."""
    from checks.config import ConfigError
    from extractor.errors import MemoryLimitExceeded, RakError

    if isinstance(e, MemoryError) and memory_mb and file is not None:
        e = MemoryLimitExceeded(file, memory_mb)
    if isinstance(e, RakError | ConfigError | CannotWrite):
        return ExitCode.INPUT, e.message(lang)
    detail = f"{type(e).__name__}: {e}"
    words = WORDS["internal_error"]
    return ExitCode.INTERNAL, in_language(words, lang, file=file or "rak", detail=detail)


def failure_exit(failure: Failure, lang: str, file: str) -> tuple[ExitCode, str]:
    """The exit code and line of ``file`` whose worker returned nothing."""
    said = {"timeout": "bulk_timeout", "crash": "bulk_crash", "interrupted": "bulk_interrupted"}
    if failure.kind in said:
        why = in_language(WORDS[said[failure.kind]], lang, seconds=failure.detail,
                          detail=failure.detail)
        return ExitCode.INPUT, f"{file}: {why}"
    words = WORDS["internal_error"]
    return ExitCode.INTERNAL, in_language(words, lang, file=file, detail=failure.detail)


def fail(message: str, code: int = ExitCode.INPUT) -> typer.Exit:
    """Tell ``message`` on stderr and return the exit to raise. On a terminal the line is
    cleared first: a worker killed on its time limit leaves its progress line drawn."""
    import sys

    from .progress import ERASE

    if sys.stderr.isatty():
        sys.stderr.write(ERASE)
    tell(message)
    return typer.Exit(int(code))


def check_lang(lang: str) -> str:
    """``lang`` if rak speaks it (else a usage error); failures are told in it from now on."""
    if lang not in LANGS:
        raise fail(in_language(WORDS["bad_lang"], "id", value=lang), ExitCode.INPUT)
    MESSAGE_LANG.set(lang)
    return lang


def guarded(
    file: str,
    lang: str,
    work: Callable[[], R],
    timeout: float | None = None,
    max_memory: int | None = None,
) -> R:
    """Run one file's work; its failure ends the command with one line and its exit code.

    ``timeout`` (seconds; None or 0 for none) and ``max_memory`` (MB; None for the default,
    0 for none) bound a single file the way bulk workers are bounded: the work runs in a
    worker process that is killed on time and has its address space capped, so a document
    that takes longer or needs more ends with a message, never a hang or a swapping machine.
    """
    from extractor.limits import DEFAULT_MAX_MEMORY_MB

    from .bulk.limits import can_isolate, run_one

    memory = DEFAULT_MAX_MEMORY_MB if max_memory is None else max_memory
    if (timeout or memory) and can_isolate():
        return run_one(work, file, lang, timeout or 0.0, memory)
    try:
        with time_limit(file, timeout):
            return work()
    except typer.Exit:
        raise
    except Exception as e:  # noqa: BLE001 - exit_for says what it is, a bug included
        code, message = exit_for(e, lang, file)
        raise fail(message, code) from None


@contextmanager
def time_limit(file: str, seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in this (main) thread after ``seconds``."""
    from extractor.errors import TimeLimitExceeded

    usable = bool(seconds) and hasattr(signal, "setitimer")
    usable = usable and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(file, f"{seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
