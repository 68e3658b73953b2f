"""A file read into a RAK or a Perjanjian Kinerja: the readers' grid, then the layout that
finds which of the two it holds, and the text around its table."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .collector import held_back
from .errors import IsPerjanjianKinerja, IsRakNotPk, NoPkTable, NoRakTable
from .grid import Grid
from .layout import build_rows
from .meta import read_meta
from .model import RakDocument, Source
from .options import ExtractOptions
from .pk_layout import build_pk_rows
from .pk_meta import read_pk_meta
from .pk_model import PkDocument
from .readers import read_grid, sniff_format


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


def _read(path: Path, options: ExtractOptions) -> tuple[Grid, Source]:
    fmt = sniff_format(path)
    grid = read_grid(path, fmt, options)
    source = Source(
        file=_file_name(path), format=fmt, pages=grid.pages, sha256=_sha256(path), ocr=grid.ocr
    )
    return grid, source


def _as_rak(grid: Grid, source: Source, options: ExtractOptions) -> RakDocument | None:
    layout = build_rows(grid, options.evidence)
    if not layout.rows:
        return None
    return RakDocument(
        source=source,
        document=read_meta(grid, layout.used_tables),
        periode=layout.periode,
        rows=layout.rows,
        keraguan=layout.doubts,
        judul_kolom=layout.headings,
        label_periode=layout.period_labels,
    )


def _as_pk(grid: Grid, source: Source, options: ExtractOptions) -> PkDocument | None:
    layout = build_pk_rows(grid, options.evidence)
    if not layout.rows:
        return None
    return PkDocument(
        source=source, document=read_pk_meta(grid, layout.used_tables), rows=layout.rows
    )


def read_document(
    path: str | Path, options: ExtractOptions | None = None
) -> RakDocument | PkDocument:
    """A RAK when the file holds one, else a Perjanjian Kinerja; ``NoRakTable`` for neither."""
    path = Path(path)
    options = options or ExtractOptions()
    with held_back(options.collector):
        grid, source = _read(path, options)
        found = _as_rak(grid, source, options) or _as_pk(grid, source, options)
    if found is None:
        raise NoRakTable(str(path))
    return found


def extract(path: str | Path, options: ExtractOptions | None = None) -> RakDocument:
    """Read one file into a RAK document; raise a ``RakError`` subclass when it is not one
    (``IsPerjanjianKinerja`` when it is a PK)."""
    doc = read_document(path, options)
    if isinstance(doc, PkDocument):
        raise IsPerjanjianKinerja(str(path))
    return doc


def extract_pk(path: str | Path, options: ExtractOptions | None = None) -> PkDocument:
    """Read one file into a Perjanjian Kinerja; ``IsRakNotPk`` when it is a RAK.

    The PK's table is looked for first: a file that holds both (a PK with its RAK attached)
    is read for its PK here, for its RAK by ``extract``.
    """
    path = Path(path)
    options = options or ExtractOptions()
    with held_back(options.collector):
        grid, source = _read(path, options)
        pk = _as_pk(grid, source, options)
        rak = pk is None and bool(build_rows(grid, options.evidence).rows)
    if pk is not None:
        return pk
    if rak:
        raise IsRakNotPk(str(path))
    raise NoPkTable(str(path))
