"""What reading one page with pdfium holds: where its coordinates go, what it has cost so
far and what has been read of it (``pdf.pdfium`` reads the page, ``pdfium_paths`` and
``pdfium_text`` its drawings and its text).

Coordinates are pdfminer's: user space through the page matrix pdfminer's ``process_page``
builds (rotation and media box) to its device space, and from there flipped to pdfplumber's
top-left, so that every object comes out where the pdfplumber engine puts it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as raw

from .page import Glyph
from .price import GLYPH_BYTES, PATH_ELEMENT_BYTES, Budget

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in pdfminer's device space
PdfObjects = dict[str, list[dict[str, Any]]]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class PdfiumError(Exception):
    """pdfium could not open the file or read a page: the pdfplumber engine reads it."""


def mul(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF's row-vector convention, as pdfminer's ``mult_matrix``)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (
        a * a1 + b * c1, a * b1 + b * d1,
        c * a1 + d * c1, c * b1 + d * d1,
        e * a1 + f * c1 + e1, e * b1 + f * d1 + f1,
    )


def apply(m: Matrix, x: float, y: float) -> Point:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def page_matrix(mediabox: Rect, rotate: int) -> Matrix:
    """pdfminer's matrix from user space to its device space (``process_page``)."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if rotate == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if rotate == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


@dataclass(slots=True)
class Reading:
    """One page being read: where its coordinates go, and what it has cost so far."""

    ctm: Matrix  # user space to pdfminer's device space
    height: float  # the displayed page's height: device y to pdfplumber's top
    budget: Budget
    number: int
    left: int | None
    glyphs: int = 0
    elements: int = 0
    prepaid: int = 0  # glyphs priced as text objects, before the text page is read
    made: list[Glyph] = field(default_factory=list)  # the glyphs read
    # How many glyphs that show run each way, in the order the ways are first met (as
    # ``dominant_direction`` counts them, ties and all).
    directions: dict[str, int] = field(default_factory=dict)
    objects: PdfObjects = field(default_factory=lambda: {
        "line": [], "rect": [], "curve": [], "image": []})

    def spend(self, glyphs: int = 0, elements: int = 0) -> None:
        self.glyphs += glyphs
        self.elements += elements
        if self.left is None:
            return
        self.left -= glyphs * GLYPH_BYTES + elements * PATH_ELEMENT_BYTES
        if self.left < 0:
            raise self.budget.refuse(f"halaman/page {self.number}: over {self.glyphs} glyphs "
                                     f"and {self.elements} path elements")


def own_matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)
