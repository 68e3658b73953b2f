"""Reports of a check, one renderer module per format, all with one signature.

``render(report, options) -> str``: a renderer gets the same ``Report`` (the extract object,
the document when it could be read, the findings) and returns the whole output as text. Data
objects never render themselves; the command line only picks a renderer and writes its text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from extractor.model import RakDocument

from ..finding import Finding


@dataclass(frozen=True)
class Report:
    file: str  # as the user named it
    data: dict[str, Any]  # the extract object (CONTRACT.md)
    doc: RakDocument | None  # None when a JSON input could not be read as a document
    findings: list[Finding] = field(default_factory=list)
    # Row number (1-based) -> (page, picture as a data: URI) of where the row is printed,
    # made at the edge (``rak.crops``) because ``checks`` never opens a file; HTML shows them.
    crops: Mapping[int, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderOptions:
    lang: str = "id"
    color: bool = False  # ANSI colour (text on a terminal)
    width: int = 100  # text: wrap width when writing to a terminal
    sep: str = ","  # csv: the separator (";" for Excel in Indonesian settings)


Renderer = Callable[[Report, RenderOptions], str]


def renderers() -> dict[str, Renderer]:
    """Format name -> renderer; imported lazily so ``rak --help`` stays fast."""
    from . import csvlines, htmlpage, jsondoc, text

    return {
        "text": text.render,
        "json": jsondoc.render,
        "csv": csvlines.render,
        "html": htmlpage.render,
    }


FORMATS = ("text", "json", "csv", "html")
