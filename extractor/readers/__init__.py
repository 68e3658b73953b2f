"""Readers: one per file format, each turning its format into the shared ``Grid``.

The format is decided by the file's content (magic bytes), never by its name.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import (
    EmptyDocument,
    FileMissing,
    TooLarge,
    UnreadableDocument,
    UnsupportedFormat,
)
from ..grid import Grid
from ..options import ExtractOptions
from .ole import MAGIC as OLE_MAGIC
from .ole import is_encrypted_package

READABLE_SUFFIXES = (".pdf", ".docx", ".docm", ".xlsx", ".xlsm", ".doc", ".xls")


def sniff_format(path: Path) -> str:
    """Name the format from the first bytes: pdf, docx, xlsx, doc, xls; raise otherwise."""
    head = _head(path, 2048)
    if not head:
        raise EmptyDocument(str(path))
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(OLE_MAGIC):
        # OLE2 compound file: old Word or Excel, or a password-protected .docx/.xlsx; the
        # name is the only cheap hint left of which.
        suffix = path.suffix.lower()
        if is_encrypted_package(path):
            return "xlsx" if suffix in (".xlsx", ".xlsm", ".xls") else "docx"
        return "xls" if suffix in (".xls", ".xlt") else "doc"
    kind = _describe(head)
    raise UnsupportedFormat(str(path), kind)


def _head(path: Path, size: int) -> bytes:
    """The first bytes of a regular file. Opened without blocking and checked before reading:
    a FIFO would wait for a writer forever, a device could stream without end."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as e:
        raise FileMissing(str(path)) from e
    except (OSError, ValueError) as e:
        raise UnreadableDocument(str(path), getattr(e, "strerror", None) or str(e)) from e
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableDocument(str(path), "not a regular file")
        return os.read(fd, size)
    except OSError as e:
        raise UnreadableDocument(str(path), e.strerror or str(e)) from e
    finally:
        os.close(fd)


def refuse_zip_bomb(zf: zipfile.ZipFile, path: Path, limit: int) -> None:
    """Refuse an OOXML package whose members would unpack past ``limit``, before inflating."""
    total = sum(info.file_size for info in zf.infolist())
    if total > limit:
        raise TooLarge(str(path), f"{total} bytes unpacked > {limit}")


# What a broken zip raises while it is read (NotImplementedError: an unknown compression,
# RuntimeError: an encrypted member).
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError,
              NotImplementedError, RuntimeError)


@contextmanager
def open_package(path: Path, limit: int) -> Iterator[zipfile.ZipFile]:
    """The OOXML package (.docx, .xlsx) at ``path``, refused as a zip bomb past ``limit``
    unpacked bytes before anything is inflated; the zip's own errors, in the block too,
    become ``UnreadableDocument``."""
    try:
        with zipfile.ZipFile(path) as zf:
            refuse_zip_bomb(zf, path, limit)
            yield zf
    except ZIP_ERRORS as e:
        raise UnreadableDocument(str(path), f"zip: {e}") from e


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise UnreadableDocument(str(path), f"zip: {e}") from e
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise UnsupportedFormat(str(path), "zip")


def _starts_with(path: Path, magic: bytes) -> bool:
    return _head(path, len(magic)) == magic


def _describe(head: bytes) -> str:
    signatures = {
        b"\x89PNG": "PNG",
        b"\xff\xd8\xff": "JPEG",
        b"GIF8": "GIF",
        b"{\\rtf": "RTF",
        b"II*\x00": "TIFF",
        b"MM\x00*": "TIFF",
    }
    for sig, name in signatures.items():
        if head.startswith(sig):
            return name
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    try:
        head.decode("utf-8")
        return "text/plain"  # a format's name, like PNG or HTML: the same in every language
    except UnicodeDecodeError:
        return "?"


def read_grid(path: Path, fmt: str, options: ExtractOptions) -> Grid:
    """Read ``path`` of format ``fmt`` into a grid, with the library's errors translated."""
    if fmt == "pdf":
        from .pdf.reader import read_pdf

        return read_pdf(path, options)
    if fmt in ("docx", "xlsx") and _starts_with(path, OLE_MAGIC):
        from .ooxml_locked import read_locked

        return read_locked(path, options)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path, options)
    if fmt == "xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(path, options)
    if fmt in ("doc", "xls"):
        from .legacy import read_legacy

        return read_legacy(path, fmt, options)
    raise UnsupportedFormat(str(path), fmt)
