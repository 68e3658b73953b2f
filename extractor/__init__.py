"""Turn a RAK file (PDF, Word, ...) into a ``RakDocument``, and a Perjanjian Kinerja into a
``PkDocument``.

``readers`` know file formats, ``layout`` knows RAK tables (``pk_layout`` the PK's), ``meta``
the text around them. Which of the two a file is, is decided by its tables: a schedule makes a
RAK; SASARAN | INDIKATOR | TARGET without one, a PK.

The package's names are loaded when first used (PEP 562): ``rak --help`` and every module
that only needs ``extractor.language`` or ``extractor.model`` then start without the layout,
the readers and their libraries (0.3 s of a Word check's CPU went to imports).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .documents import extract, extract_pk, read_document
    from .errors import RakError
    from .model import RakDocument
    from .options import ExtractOptions
    from .pk_model import PkDocument

__all__ = [
    "ExtractOptions",
    "PkDocument",
    "RakDocument",
    "RakError",
    "extract",
    "extract_pk",
    "read_document",
]

_HOME = {
    "ExtractOptions": "options",
    "PkDocument": "pk_model",
    "RakDocument": "model",
    "RakError": "errors",
    "extract": "documents",
    "extract_pk": "documents",
    "read_document": "documents",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
