"""Entry point: parse options, call the packages, render, choose the exit code.

This is the one place where ``RakError`` becomes a one-line message and an exit code, and the
only broad ``except`` in the project (an unexpected bug becomes ``ExitCode.INTERNAL`` with a
message, never a traceback).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from .exitcodes import ExitCode
from .i18n import LANGS, t

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Baca dan periksa dokumen Rencana Aksi Kinerja (RAK). "
    "Read and audit Rencana Aksi Kinerja (RAK) documents.",
)

LangOpt = Annotated[str, typer.Option("--lang", help="Bahasa pesan: id (bawaan) atau en.")]
OutOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Tulis ke berkas ini, bukan ke layar.")
]
PasswordOpt = Annotated[
    str | None, typer.Option("--password", help="Kata sandi PDF terkunci.")
]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", help="Batas halaman per dokumen.")]
MaxMemoryOpt = Annotated[
    int | None,
    typer.Option("--max-memory", min=0, show_default=False,
                 help="Batas memori per berkas, MB (bawaan 2048; 0: tanpa batas)."),
]

# Options of the audit (rak check, and bulk runs of it). --lang here may be left out so that
# the language of a rak.toml applies; an explicit --lang wins.
CheckLangOpt = Annotated[
    str | None, typer.Option("--lang", help="Bahasa pesan: id (bawaan) atau en.")
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="Berkas rak.toml; bawaan: yang terdekat dari berkas RAK."),
]
FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih: "
        "error (bawaan), warning, info, never.",
    ),
]
SelectOpt = Annotated[
    str | None,
    typer.Option("--select", help="Hanya aturan ini, dipisah koma (lihat: rak rules)."),
]
IgnoreOpt = Annotated[
    str | None, typer.Option("--ignore", help="Lewati aturan ini, dipisah koma.")
]

R = TypeVar("R")


@app.callback()
def root() -> None:
    """Baca dan periksa dokumen Rencana Aksi Kinerja (RAK)."""


def safe(text: str) -> str:
    """``text`` fit for a terminal: control codes and undecodable bytes of file names escaped."""
    from .bulk.naming import display_name

    return display_name(text)


def fail(message: str, code: ExitCode = ExitCode.INPUT) -> typer.Exit:
    """Print ``message`` (file names in it shown safely: no raw control codes, no bytes the
    terminal cannot take) and return the exit to raise."""
    typer.echo(safe(message), err=True)
    return typer.Exit(int(code))


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise fail(t("bad_lang", "id", value=lang), ExitCode.INPUT)
    return lang


def guarded(
    file: str,
    lang: str,
    work: Callable[[], R],
    timeout: float | None = None,
    max_memory: int | None = None,
) -> R:
    """Run one file's work; turn its failure into a one-line message and an exit code.

    ``timeout`` (seconds; None or 0 for none) and ``max_memory`` (MB; None for the default,
    0 for none) bound a single file the way bulk workers are bounded: the work runs in a
    worker process that is killed on time and has its address space capped, so a document
    that takes longer or needs more ends with a message, never a hang or a swapping machine.
    """
    from extractor.errors import RakError
    from extractor.options import DEFAULT_MAX_MEMORY_MB

    from .bulk.limits import can_isolate, run_one

    memory = DEFAULT_MAX_MEMORY_MB if max_memory is None else max_memory
    try:
        if (timeout or memory) and can_isolate():
            return run_one(work, file, lang, timeout or 0.0, memory)
        with time_limit(file, timeout):
            return work()
    except RakError as e:
        raise fail(e.message(lang), ExitCode.INPUT) from None
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as e:  # noqa: BLE001 - the one place a bug becomes a message
        detail = f"{type(e).__name__}: {e}"
        raise fail(t("internal_error", lang, file=file, detail=detail), ExitCode.INTERNAL) from None


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


def write_output(text: str, output: Path | None, lang: str) -> None:
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    encoding = "utf-8-sig" if output.suffix.lower() == ".csv" else "utf-8"
    try:
        output.write_text(text, encoding=encoding)
    except OSError as e:
        raise fail(t("cannot_write", lang, path=output, detail=e.strerror or e)) from None
    typer.echo(safe(t("written", lang, path=output)), err=True)


def main() -> None:
    from . import cmd_check, cmd_debug, cmd_extract  # noqa: F401  (they register their commands)

    app()
