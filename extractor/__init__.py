"""Turn a RAK file (PDF, Word, ...) into a ``RakDocument``.

``readers`` know file formats, ``layout`` knows RAK tables, ``meta`` the text around them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import NoRakTable, RakError
from .layout import build_rows
from .meta import read_meta
from .model import RakDocument, Source
from .options import ExtractOptions
from .readers import read_grid, sniff_format

__all__ = ["ExtractOptions", "RakDocument", "RakError", "extract"]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _file_name(path: Path) -> str:
    """The name as text that can be written: bytes that are not UTF-8 shown as ``\\xNN``."""
    try:
        return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return path.name.encode("utf-8", "backslashreplace").decode("utf-8")


def extract(path: str | Path, options: ExtractOptions | None = None) -> RakDocument:
    """Read one file into a RAK document; raise a ``RakError`` subclass when it is not one."""
    path = Path(path)
    options = options or ExtractOptions()
    fmt = sniff_format(path)
    grid = read_grid(path, fmt, options)
    layout = build_rows(grid, options.evidence)
    if not layout.rows:
        raise NoRakTable(str(path))
    meta = read_meta(grid, layout.used_tables)
    source = Source(
        file=_file_name(path), format=fmt, pages=grid.pages, sha256=_sha256(path), ocr=grid.ocr
    )
    return RakDocument(
        source=source,
        document=meta,
        periode=layout.periode,
        rows=layout.rows,
        keraguan=layout.doubts,
    )
