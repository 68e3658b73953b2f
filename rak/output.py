"""Every file rak writes goes through here: ``-o`` of each command, the ``--out`` folders of bulk
runs and of ``rak debug``, in every format.

A file is written under a fresh temporary name beside its target, created exclusively
(``mkstemp``: ``O_CREAT | O_EXCL``, which never follows a link, so a link planted at a
temporary name is never written through), and renamed over the target once complete: a reader
never sees half a file, and a run stopped half-way leaves whole files only. A target that is a
link is replaced by the rename, never followed (what it points at is left alone). A target
that is, or leads to, anything but a regular file (a folder, a FIFO, a device, a terminal:
``-o /dev/stdout``) is refused, since renaming over it would replace the device itself.

Whatever goes wrong raises ``CannotWrite``, an ``OSError`` that names the target and says why
in the user's words; the command line turns it into one line and exit code 2 (``rak.failures``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import typer

from extractor.language import in_language

from .i18n import WORDS

# The file endings that name an output format: ``-o NAME`` without ``-f`` writes the format
# its ending names. A new format registers its ending here, and nowhere else. (Not .txt:
# any text at all, so ``-o hasil.txt`` keeps the command's default format.)
FORMAT_SUFFIXES: dict[str, str] = {
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}


def suffix_format(output: Path | None) -> str | None:
    """The format ``output``'s ending names, if any."""
    return FORMAT_SUFFIXES.get(output.suffix.lower()) if output is not None else None


class CannotWrite(OSError):
    """A file rak was asked to write could not be written: ``filename`` and ``strerror`` say
    which and why."""

    def message(self, lang: str = "id") -> str:
        return in_language(WORDS["cannot_write"], lang, path=self.filename, detail=self.strerror)


def cannot_write(target: Path, e: OSError) -> CannotWrite:
    if isinstance(e, CannotWrite):
        return e
    return CannotWrite(e.errno or errno.EIO, e.strerror or str(e), str(target))


def _refuse_odd_target(target: Path) -> None:
    """Refuse a target that exists and is not (a link to) a regular file."""
    try:
        mode = os.stat(target).st_mode  # through a link: what a rename would stand in for
    except FileNotFoundError:
        return  # nothing there, or a dangling link: the rename creates or replaces it
    except OSError as e:
        raise cannot_write(target, e) from None
    if stat.S_ISDIR(mode):
        raise CannotWrite(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if not stat.S_ISREG(mode):
        raise CannotWrite(errno.EPERM, "not a regular file", str(target))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def replacing(target: Path, mode: str = "w", encoding: str | None = "utf-8",
              newline: str | None = None) -> Iterator[IO[Any]]:
    """A file object whose content becomes ``target`` when the block ends without error; on
    any failure the temporary file is removed and ``target`` is as it was."""
    _refuse_odd_target(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise cannot_write(target, e) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise cannot_write(target, e) from None
        raise


def write_file(target: Path, data: str | bytes, bom: bool = False) -> None:
    """``data`` as the whole of ``target``: text as UTF-8 (with a BOM when ``bom``: CSV for
    Excel), bytes as they are."""
    if isinstance(data, bytes):
        with replacing(target, "wb") as fh:
            fh.write(data)
        return
    with replacing(target, encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        fh.write(data)


def safe(text: str) -> str:
    """``text`` fit for a terminal: control codes and undecodable bytes of file names escaped."""
    from .bulk.naming import display_name

    return display_name(text)


def tell(message: str) -> None:
    """One line for the person at the terminal, on stderr (file names in it shown safely)."""
    typer.echo(safe(message), err=True)


# Words of the writer itself (the others' are in rak.i18n).
OUTPUT_WORDS: dict[str, dict[str, str]] = {
    "binary_on_terminal": {
        "id": "{fmt} adalah berkas biner: tulis ke berkas dengan -o NAMA.{fmt} (atau "
        "alihkan: > NAMA.{fmt})",
        "en": "{fmt} is a binary file: write it with -o NAME.{fmt} (or redirect: > NAME.{fmt})",
    },
    "bad_sep": {
        "id": "--sep harus satu tanda: , (bawaan), ; (Excel berbahasa Indonesia) atau tab; "
        "bukan {value}",
        "en": "--sep must be one character: , (default), ; (Excel in Indonesian) or tab; "
        "not {value}",
    },
    "pk_not_xlsx": {
        "id": "{file}: Perjanjian Kinerja; -f xlsx menulis RAK saja, pakai -f json atau csv",
        "en": "{file}: a Perjanjian Kinerja; -f xlsx writes a RAK only, use -f json or csv",
    },
    "one_file_only": {
        "id": "{what} hanya untuk satu berkas; untuk banyak berkas pakai --out FOLDER",
        "en": "{what} is for one file; for many files use --out FOLDER",
    },
}


def binary_on_terminal(fmt: str, output: Path | None, lang: str) -> str | None:
    """Why a binary format (a workbook) cannot go where it was asked to (a terminal), or
    None: it goes to ``-o`` or to a redirected stdout."""
    if output is None and stdout_is_terminal():
        return in_language(OUTPUT_WORDS["binary_on_terminal"], lang, fmt=fmt)
    return None


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


CSV_SEPARATORS = {",": ",", ";": ";", "\\t": "\t", "\t": "\t", "tab": "\t"}


def csv_separator(value: str) -> str | None:
    """The one character ``--sep`` names, or None when it names none rak writes."""
    return CSV_SEPARATORS.get(value)


def emit_bytes(data: bytes, output: Path | None, lang: str) -> None:
    """A binary result (a workbook): the file ``output``, or stdout when redirected."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_file(output, data)
    tell(in_language(WORDS["written"], lang, path=output))


def emit(text: str, output: Path | None, lang: str, bom: bool = False) -> None:
    """A command's result: on stdout, or as the file ``output`` (a line on stderr says where).

    ``bom`` starts the text with a byte-order mark, so Excel reads a CSV's Indonesian text
    right."""
    if output is None:
        sys.stdout.write(("\ufeff" if bom else "") + text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    write_file(output, text, bom=bom)
    tell(in_language(WORDS["written"], lang, path=output))
