"""A PDF page's objects read by pdfium, in the shape pdfminer and pdfplumber give them.

pdfminer parses a page in Python (most of what reading a text PDF costs); pdfium parses it
in C, several times faster. This module asks pdfium (``pypdfium2.raw``) for the same page
content the reader takes from pdfplumber (``pdf.page.page_content``) and hands it over in
pdfplumber's own form, so that everything after it is one code path whichever engine read
the page:

- glyphs with pdfminer's box: along the baseline the advance, across it the font size from
  the baseline's descent (pdfium's tight glyph box would move every line's top);
- paths split into subpaths and sorted into lines, rectangles and curves by pdfminer's
  rules (``paint_path``), in the coordinates pdfminer's page matrix gives (rotation and
  media box), flipped to the top-left as pdfplumber does;
- glyphs whose centre lies outside the clip in force dropped, as ``pdf.clip`` does;
- colours as pdfium gives them (RGB; a grey as one component).

The page is read in ``pdfium_paths`` (paths, pictures) and ``pdfium_text`` (glyphs), in
the coordinates and against the budget ``pdfium_reading`` holds. The page is priced like
pdfminer's (``pdf.price``): its glyphs and path elements are counted
against what the budget has left after the content streams, at the same unit prices.

pdfplumber stays the reference: ``tests/test_pdf_engines.py`` reads every sample and the
development corpus with both and requires the same rows and findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .page import Glyph, prevailing
from .pdfium_paths import read_image, read_path
from .pdfium_reading import (
    IDENTITY,
    Matrix,
    PdfiumError,
    PdfObjects,
    Reading,
    Rect,
    mul,
    own_matrix,
    page_matrix,
)
from .pdfium_text import read_text
from .price import TEXT_PAGE_CHAR_BYTES, Budget

__all__ = [
    "PageObjects", "PdfiumError", "close_pdfium", "open_pdfium", "page_matrix", "read_objects"
]

_TEXT, _PATH, _IMAGE, _FORM = (
    raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM
)


def open_pdfium(path: Path, password: str | None) -> Any:
    """The document opened by pdfium, or ``PdfiumError``."""
    try:
        return pdfium.PdfDocument(path, password=password or None)
    except (pdfium.PdfiumError, OSError, ValueError) as e:
        raise PdfiumError(str(e)) from e


def close_pdfium(doc: Any) -> None:
    try:
        doc.close()
    except (pdfium.PdfiumError, OSError, ValueError):
        pass


@dataclass(frozen=True, slots=True)
class PageObjects:
    """A page as pdfium read it, for ``pdf.page.glyph_content``: its glyphs, the way most
    of them run, and its lines, rects, curves and images as pdfplumber's dicts (keyed so)."""

    glyphs: list[Glyph]
    direction: str
    objects: PdfObjects


def read_objects(doc: Any, index: int, mediabox: Rect, rotate: int, height: float,
                 budget: Budget, left: int | None, decoded: int = 0) -> PageObjects:
    """The page's glyphs, lines, rects, curves and images in pdfplumber's coordinates
    (its origin is the media box's corner, 0, 0 in ``pdf.page``'s terms).

    ``mediabox`` and ``rotate`` are pdfminer's, ``height`` pdfplumber's page height; ``left``
    is what the budget holds after the content streams (None: no limit), ``decoded`` their
    decoded size in bytes. A page whose text page might not fit in what is left is not
    read (``PdfiumError``): pdfium would build it whole before a char can be priced, and
    past the address-space limit it aborts the process, where pdfplumber prices each glyph
    as it is laid out and refuses the page in time."""
    reading = Reading(page_matrix(mediabox, rotate % 360), height, budget, index + 1, left)
    try:
        page = raw.FPDF_LoadPage(doc.raw, index)
    except (pdfium.PdfiumError, OSError) as e:
        raise PdfiumError(str(e)) from e
    if not page:
        raise PdfiumError(f"page {index + 1} cannot be loaded")
    try:
        for obj, kind, matrix in _walk(page, raw.FPDFPage_CountObjects,
                                       raw.FPDFPage_GetObject, IDENTITY):
            if kind == _TEXT:
                # Priced as it stands, a glyph at least: pdfium's text page leaves out
                # text drawn over itself, which pdfium holds all the same.
                reading.spend(glyphs=1)
                reading.prepaid += 1
            elif kind == _PATH:
                read_path(obj, mul(own_matrix(obj), mul(matrix, reading.ctm)), reading)
            elif kind == _IMAGE:
                read_image(obj, mul(matrix, reading.ctm), reading)
        if reading.left is not None and decoded * TEXT_PAGE_CHAR_BYTES > reading.left:
            raise PdfiumError(f"page {index + 1}: its text page may not fit in the budget")
        read_text(page, reading)
    finally:
        raw.FPDF_ClosePage(page)
    return PageObjects(reading.made, prevailing(reading.directions), reading.objects)


def _walk(
    parent: Any, count: Any, get: Any, outer: Matrix
) -> Iterator[tuple[Any, int, Matrix]]:
    """Every object on the page, form contents included, with its type and the matrix
    from its own space to user space (a form's objects are in the form's space)."""
    for i in range(count(parent)):
        obj = get(parent, i)
        if not obj:
            continue
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _FORM:
            yield from _walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject,
                             mul(own_matrix(obj), outer))
        else:
            yield obj, kind, outer
