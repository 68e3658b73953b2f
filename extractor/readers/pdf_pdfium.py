"""A PDF page's objects read by pdfium, in the shape pdfminer and pdfplumber give them.

pdfminer parses a page in Python (most of what reading a text PDF costs); pdfium parses it
in C, several times faster. This module asks pdfium (``pypdfium2.raw``) for the same page
content the reader takes from pdfplumber (``pdf_page.page_content``) and hands it over in
pdfplumber's own form, so that everything after it is one code path whichever engine read
the page:

- glyphs with pdfminer's box: along the baseline the advance, across it the font size from
  the baseline's descent (pdfium's tight glyph box would move every line's top);
- paths split into subpaths and sorted into lines, rectangles and curves by pdfminer's
  rules (``paint_path``), in the coordinates pdfminer's page matrix gives (rotation and
  media box), flipped to the top-left as pdfplumber does;
- glyphs whose centre lies outside the clip in force dropped, as ``pdf_clip`` does;
- colours as pdfium gives them (RGB; a grey as one component).

The page is priced like pdfminer's (``pdf_price``): its glyphs and path elements are counted
against what the budget has left after the content streams, at the same unit prices.

pdfplumber stays the reference: ``tests/test_pdf_engines.py`` reads every sample and the
development corpus with both and requires the same rows and findings.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..marks import is_symbol_font
from .pdf_page import LIGATURES, Glyph, direction_of, prevailing
from .pdf_price import GLYPH_BYTES, PATH_ELEMENT_BYTES, Budget

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in pdfminer's device space
PdfObjects = dict[str, list[dict[str, Any]]]

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TEXT, _PATH, _IMAGE, _FORM = (
    raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM
)
_LINETO, _BEZIERTO, _MOVETO = (
    raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO
)


_HYPHEN_MARK = 0x02
# The chars pdfium infers are spaces and line breaks (CR, LF): only a char whose code is
# at most a space's is asked whether it is one. A char code, not a threshold.
_GENERATED_MAX = ord(" ")

_PRICE_EVERY = 256  # glyphs priced together: a page over budget is refused this late at most
_VOID = ctypes.c_void_p
_GLYPH, _Glyph = tuple.__new__, Glyph  # a NamedTuple made without its __new__'s call


def _unchecked(function: Any, restype: Any) -> Any:
    """``function`` with its arguments passed as they are, unconverted: the four calls made
    for every char take the text page as a ``c_void_p``, the index as a Python int (a C
    int) and the origin's two doubles ``byref``, so the argument checks of pypdfium2's
    typed declarations only cost (about 0.45 against 0.26 us a call)."""
    address = ctypes.cast(function, _VOID).value
    if address is None:
        raise ImportError(f"pdfium lacks {function.__name__}")
    unchecked = ctypes.CFUNCTYPE(restype)(address)
    unchecked.argtypes = None  # type: ignore[assignment]  # ctypes' "no conversion"; typeshed omits it
    return unchecked


_TEXT_OBJECT = _unchecked(raw.FPDFText_GetTextObject, _VOID)
_IS_GENERATED = _unchecked(raw.FPDFText_IsGenerated, ctypes.c_int)
_UNICODE = _unchecked(raw.FPDFText_GetUnicode, ctypes.c_uint)
_ORIGIN = _unchecked(raw.FPDFText_GetCharOrigin, ctypes.c_int)
# And those made for every text object (``_run``), taking the object as a ``c_void_p``.
_FONT = _unchecked(raw.FPDFTextObj_GetFont, _VOID)
_MATRIX = _unchecked(raw.FPDFText_GetMatrix, ctypes.c_int)
_FONT_SIZE = _unchecked(raw.FPDFText_GetFontSize, ctypes.c_double)
_CLIP = _unchecked(raw.FPDFPageObj_GetClipPath, _VOID)
_CLIP_PATHS = _unchecked(raw.FPDFClipPath_CountPaths, ctypes.c_int)
_CLIP_SEGMENTS = _unchecked(raw.FPDFClipPath_CountPathSegments, ctypes.c_int)
_CLIP_SEGMENT = _unchecked(raw.FPDFClipPath_GetPathSegment, _VOID)
_POINT = _unchecked(raw.FPDFPathSegment_GetPoint, ctypes.c_int)


class PdfiumError(Exception):
    """pdfium could not open the file or read a page: the pdfplumber engine reads it."""


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


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF's row-vector convention, as pdfminer's ``mult_matrix``)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (
        a * a1 + b * c1, a * b1 + b * d1,
        c * a1 + d * c1, c * b1 + d * d1,
        e * a1 + f * c1 + e1, e * b1 + f * d1 + f1,
    )


def _apply(m: Matrix, x: float, y: float) -> Point:
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
class _Reading:
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


@dataclass(frozen=True, slots=True)
class PageObjects:
    """A page as pdfium read it, for ``pdf_page.glyph_content``: its glyphs, the way most
    of them run, and its lines, rects, curves and images as pdfplumber's dicts (keyed so)."""

    glyphs: list[Glyph]
    direction: str
    objects: PdfObjects


def read_objects(doc: Any, index: int, mediabox: Rect, rotate: int, height: float,
                 budget: Budget, left: int | None) -> PageObjects:
    """The page's glyphs, lines, rects, curves and images in pdfplumber's coordinates
    (its origin is the media box's corner, 0, 0 in ``pdf_page``'s terms).

    ``mediabox`` and ``rotate`` are pdfminer's, ``height`` pdfplumber's page height; ``left``
    is what the budget holds after the content streams (None: no limit)."""
    reading = _Reading(page_matrix(mediabox, rotate % 360), height, budget, index + 1, left)
    try:
        page = raw.FPDF_LoadPage(doc.raw, index)
    except (pdfium.PdfiumError, OSError) as e:
        raise PdfiumError(str(e)) from e
    if not page:
        raise PdfiumError(f"page {index + 1} cannot be loaded")
    try:
        for obj, matrix in _walk(page, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject,
                                 _IDENTITY):
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == _TEXT:
                # Priced as it stands, a glyph at least: pdfium's text page leaves out
                # text drawn over itself, which pdfium holds all the same.
                reading.spend(glyphs=1)
                reading.prepaid += 1
            elif kind == _PATH:
                _read_path(obj, _mul(_own_matrix(obj), _mul(matrix, reading.ctm)), reading)
            elif kind == _IMAGE:
                _read_image(obj, _mul(matrix, reading.ctm), reading)
        _read_text(page, reading)
    finally:
        raw.FPDF_ClosePage(page)
    return PageObjects(reading.made, prevailing(reading.directions), reading.objects)


def _walk(parent: Any, count: Any, get: Any, outer: Matrix) -> Iterator[tuple[Any, Matrix]]:
    """Every object on the page, form contents included, with the matrix from its own
    space to user space (a form's objects are in the form's space)."""
    for i in range(count(parent)):
        obj = get(parent, i)
        if not obj:
            continue
        if raw.FPDFPageObj_GetType(obj) == _FORM:
            yield from _walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject,
                             _mul(_own_matrix(obj), outer))
        else:
            yield obj, outer


def _own_matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _colour(getter: Any, obj: Any) -> tuple[float, ...] | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return None
    if r.value == g.value == b.value:
        return (r.value / 255,)
    return (r.value / 255, g.value / 255, b.value / 255)


# --- paths -------------------------------------------------------------------------------


def _segments(obj: Any, matrix: Matrix) -> list[tuple[str, Point]]:
    """The path as pdfminer's operators with each one's end point in device space; a
    closed subpath ends with ``h`` at its start."""
    out: list[tuple[str, Point]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start: Point | None = None
    pending_curve = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        pt = _apply(matrix, x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == _MOVETO:
            out.append(("m", pt))
            start = pt
        elif kind == _LINETO:
            out.append(("l", pt))
        elif kind == _BEZIERTO:
            pending_curve += 1
            if pending_curve < 3:
                continue  # the control points: pdfminer keeps the end point only
            pending_curve = 0
            out.append(("c", pt))
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            out.append(("h", start))
    return out


def _read_path(obj: Any, matrix: Matrix, reading: _Reading) -> None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return
    fill, stroked = fill_mode.value != raw.FPDF_FILLMODE_NONE, bool(stroke.value)
    if not fill and not stroked:
        return  # a path only for clipping: pdfminer paints nothing
    path = _segments(obj, matrix)
    reading.spend(elements=len(path))
    paint = {
        "stroke": stroked,
        "fill": fill,
        "stroking_color": _colour(raw.FPDFPageObj_GetStrokeColor, obj),
        "non_stroking_color": _colour(raw.FPDFPageObj_GetFillColor, obj),
        "linewidth": _stroke_width(obj),
    }
    starts = [i for i, (op, _) in enumerate(path) if op == "m"] + [len(path)]
    if not starts or starts[0] != 0:
        return  # a path must begin with a move (pdfminer drops it otherwise)
    for a, b in zip(starts, starts[1:]):
        if b - a > 1:
            _add_subpath(path[a:b], paint, reading)


def _stroke_width(obj: Any) -> float:
    width = ctypes.c_float()
    return float(width.value) if raw.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0


def _add_subpath(path: list[tuple[str, Point]], paint: dict[str, Any],
                 reading: _Reading) -> None:
    """One subpath as pdfminer's ``paint_path`` classifies it."""
    shape = "".join(op for op, _ in path)
    pts = [pt for _, pt in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    kind = "curve"
    if shape in {"mlh", "ml"}:
        kind, pts = "line", pts[:2]
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            kind, pts = "rect", [pts[0], pts[2]]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    obj = dict(paint)
    obj.update(_box(min(xs), min(ys), max(xs), max(ys), reading.height))
    if kind == "curve":
        obj["pts"] = [(x, reading.height - y) for x, y in pts]
    reading.objects[kind].append(obj)


def _box(x0: float, y0: float, x1: float, y1: float, height: float) -> dict[str, float]:
    return {"x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0}


# --- images ------------------------------------------------------------------------------


def _read_image(obj: Any, matrix: Matrix, reading: _Reading) -> None:
    """A picture fills its matrix's unit square."""
    corners = [_apply(_mul(_own_matrix(obj), matrix), x, y) for x in (0, 1) for y in (0, 1)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    reading.objects["image"].append(_box(min(xs), min(ys), max(xs), max(ys), reading.height))


# --- text --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Run:
    """What the glyphs of one text object share."""

    font: Any  # pdfium's FPDF_FONT, or None
    face: _Face
    symbol: bool  # the font is a symbol font (``Glyph.symbol``)
    direction: str  # where the glyphs run on the page (``pdf_page.direction_of``)
    descent: float  # per unit of font size, negative below the baseline
    size: float  # the font size, in text space
    matrix: tuple[float, float, float, float]  # text space to user space, no translation
    device: Matrix  # text space to device space, as pdfminer's ``LTChar.matrix`` turns
    ctm: Matrix  # user space to device space
    clip: Rect | None  # device space
    # Upright text on an upright page: x scale and shift, y scale, the descent and the
    # top above the baseline (user space), y shift; None otherwise.
    upright: tuple[float, float, float, float, float, float] | None = None
    # Advances by char code at this run's size, shared by the font's runs of that size
    # (``_Face.widths``): asked for every glyph.
    widths: dict[int, float] = field(default_factory=dict)


def _read_text(page: Any, reading: _Reading) -> None:
    text_page = raw.FPDFText_LoadPage(page)
    if not text_page:
        raise PdfiumError(f"page {reading.number}: no text layer")
    try:
        _read_chars(text_page, reading)
    finally:
        raw.FPDFText_ClosePage(text_page)


def _read_chars(text_page: Any, reading: _Reading) -> None:
    """pdfium's chars, without the spaces and line breaks it infers, as the glyphs
    ``pdf_page`` makes of pdfminer's (``glyph_content``), and the way most of them run.

    This loop runs for every char of every page: it keeps to locals, compares a glyph's
    origin with the last one field by field, sizes the glyph inline for upright text
    (``_glyph_box`` for the rest), and makes the ``Glyph`` itself. What ``pdf_page`` would
    do to a char is done here: ligatures spelled out (``_Texts``), and at the end, only if
    some glyph needs it, glyphs without text dropped and a glyph of no height sized."""
    runs: dict[int, _Run] = {}
    faces: dict[int, _Face] = {}
    shapes: dict[tuple[Any, ...], _Run] = {}
    texts = _Texts()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(ox), ctypes.byref(oy)
    glyphs = reading.made
    tally = reading.directions
    height = reading.height
    last_key: int | None = None  # the text object and origin of the last glyph read
    last_x = last_y = 0.0
    joined: int | None = None  # the glyph that took a ligature's letters
    kept = False  # whether the last glyph read is on the page (not clipped away)
    odd = False  # a glyph without text or height was made
    page = ctypes.cast(text_page, _VOID)  # a c_void_p: passed as a pointer, unconverted
    unpriced = 0  # glyphs read and not yet priced
    for i in range(raw.FPDFText_CountChars(text_page)):
        key = _TEXT_OBJECT(page, i)
        if not key:
            continue
        code = _UNICODE(page, i)
        if code <= _GENERATED_MAX and _IS_GENERATED(page, i):
            continue  # a space or line break pdfium inferred, not drawn
        if not _ORIGIN(page, i, at_x, at_y):
            continue
        x, y = ox.value, oy.value
        if code == _HYPHEN_MARK:
            code = ord("-")  # pdfium's mark for a hyphen that ends a line
        if key == last_key and x == last_x and y == last_y:
            # One glyph whose text is several letters (a ligature "fi"): pdfium lists
            # each letter at the glyph's origin, pdfminer one char with them all.
            if kept:
                same = runs[key]
                last = glyphs[-1]
                text, inked = texts[code]
                if inked and not last.text.strip():
                    tally[same.direction] = tally.get(same.direction, 0) + 1
                last = last._replace(text=last.text + text)
                box = raw.FS_RECTF()
                if raw.FPDFText_GetLooseCharBox(text_page, i, box):
                    end = _ink_end(box, x, y, same)
                    last = _end_at_next(last, *end, same, height)
                joined = len(glyphs) - 1
                glyphs[joined] = last
            continue
        if joined is not None and last_key == key:
            # Its advance is the font's width of the ligature glyph, which pdfium keeps
            # to itself: the next glyph of the same run starts where it ends.
            glyphs[joined] = _end_at_next(glyphs[joined], x, y, runs[key], height)
        joined = None
        last_key, last_x, last_y, kept = key, x, y, False
        unpriced += 1
        if unpriced == _PRICE_EVERY:
            unpriced = _price(reading, unpriced)
        run = runs.get(key)
        if run is None:
            run = runs[key] = _run(key, page, i, reading.ctm, faces, shapes)
        width = run.widths.get(code)
        if width is None:
            width = _advance(run, code)
        up = run.upright
        if up is not None:  # upright text on an upright page: the common case
            sx, ex, sy, lo, hi, ey = up
            x0, x1 = x * sx + ex, (x + width * run.matrix[0]) * sx + ex
            y0, y1 = (y + lo) * sy + ey, (y + hi) * sy + ey
            # min and max written out, ties and all as they break them
            dx0, dx1 = (x1 if x1 < x0 else x0), (x1 if x1 > x0 else x0)
            dy0, dy1 = (y1 if y1 < y0 else y0), (y1 if y1 > y0 else y0)
        else:
            dx0, dy0, dx1, dy1 = _glyph_box(width, x, y, run)
        clip = run.clip
        if clip is not None:
            cx, cy = (dx0 + dx1) / 2, (dy0 + dy1) / 2
            if not (clip[0] <= cx <= clip[2] and clip[1] <= cy <= clip[3]):
                continue
        kept = True
        text, inked = texts[code]
        if inked:
            tally[run.direction] = tally.get(run.direction, 0) + 1
        size = dy1 - dy0
        if not text or size <= 0:
            odd = True
        glyphs.append(_GLYPH(_Glyph, (text, dx0, dx1, height - dy1, height - dy0, size,
                                      run.symbol)))
    _price(reading, unpriced)
    if odd:
        glyphs[:] = [g._replace(size=max(g.bottom - g.top, 1.0)) if g.size <= 0 else g
                     for g in glyphs if g.text]


class _Texts(dict[int, tuple[str, bool]]):
    """A char code's text as ``pdf_page`` keeps it (ligatures spelled out, a code that is
    no character as no text), and whether it shows
    (``dominant_direction`` counts only those); worked out once per code and page."""

    def __missing__(self, code: int) -> tuple[str, bool]:
        text = _text(code)
        if not text.isascii():
            text = text.translate(LIGATURES)
        found = self[code] = (text, bool(text.strip()))
        return found


def _price(reading: _Reading, glyphs: int) -> int:
    """Price ``glyphs`` more chars, less those already priced as text objects; 0 (what is
    left unpriced)."""
    paid = min(glyphs, reading.prepaid)
    reading.prepaid -= paid
    if glyphs > paid:
        reading.spend(glyphs=glyphs - paid)
    return 0


def _advance(run: _Run, code: int) -> float:
    """The glyph's advance in text space (pdfminer's ``adv``): the font's width of the
    character; where the font cannot map it back, an em."""
    width = run.widths.get(code)
    if width is None:
        value = ctypes.c_float()
        ok = run.font is not None and raw.FPDFFont_GetGlyphWidth(run.font, code, run.size, value)
        width = run.widths[code] = float(value.value) if ok else run.size
    return width


def _end_at_next(glyph: Glyph, x: float, y: float, run: _Run, height: float) -> Glyph:
    """``glyph`` ended along its baseline at the user-space point ``x, y`` (where the next
    glyph begins, or where its ink ends), whichever way the baseline runs on the page."""
    dx, dy = _apply(run.ctm, x, y)
    a, b = run.device[0], run.device[1]
    top = height - dy
    if abs(a) >= abs(b):
        if a > 0 and dx > glyph.x0:
            return glyph._replace(x1=dx)
        if a < 0 and dx < glyph.x1:
            return glyph._replace(x0=dx)
    elif b > 0 and top < glyph.bottom:  # running up the page
        return glyph._replace(top=top)
    elif b < 0 and top > glyph.top:
        return glyph._replace(bottom=top)
    return glyph


def _ink_end(box: Any, ox: float, oy: float, run: _Run) -> Point:
    """Where a glyph's loose box (user space) ends along its baseline, whichever way that
    runs."""
    a, b = run.matrix[0], run.matrix[1]
    if abs(a) >= abs(b):
        return (box.right if a > 0 else box.left), oy
    return ox, (box.top if b > 0 else box.bottom)


def _text(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return ""


def _glyph_box(width: float, ox: float, oy: float, run: _Run) -> Rect:
    """pdfminer's glyph box in device space: in text space the advance along the baseline,
    and across it from the descent to one font size above it (``LTChar``). Upright text on
    an upright page (``_Run.upright``) is sized in ``_read_chars`` itself."""
    a, b, c, d = run.matrix
    lo, hi = run.descent * run.size, (run.descent + 1.0) * run.size
    ctm = run.ctm
    corners = [
        _apply(ctm, ox + x * a + y * c, oy + x * b + y * d)
        for x in (0.0, width) for y in (lo, hi)
    ]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass(slots=True)
class _Face:
    """What a font tells of its glyphs, asked once per font and page."""

    font: Any  # pdfium's FPDF_FONT, or None
    name: str
    descent: float  # per unit of font size, negative below the baseline
    symbol: bool  # a symbol font (``marks.is_symbol_font``)
    widths: dict[float, dict[int, float]] = field(default_factory=dict)  # size: char: width


def _face(font: Any) -> _Face:
    name, descent = "", 0.0
    if font:
        length = raw.FPDFFont_GetBaseFontName(font, None, 0)
        if length > 0:
            buf = ctypes.create_string_buffer(length)
            raw.FPDFFont_GetBaseFontName(font, buf, length)
            name = buf.value.decode("utf-8", "replace")
        value = ctypes.c_float()
        if raw.FPDFFont_GetDescent(font, ctypes.c_float(1000.0), value):
            descent = value.value / 1000.0
    return _Face(font or None, name, descent, is_symbol_font(name))


def _run(key: int, page: Any, index: int, ctm: Matrix, faces: dict[int, _Face],
         shapes: dict[tuple[Any, ...], _Run]) -> _Run:
    """What the glyphs of the text object at address ``key`` share, the ``index``-th char
    of the text page (a ``c_void_p``) being one. ``faces`` holds the page's fonts asked so
    far, ``shapes`` its runs by font, matrix, size and clip: most text objects of a page
    are alike, and are given one run."""
    obj = _VOID(key)
    font = _FONT(obj) or 0
    m = raw.FS_MATRIX()
    matrix = (m.a, m.b, m.c, m.d) if _MATRIX(page, index, ctypes.byref(m)) else (
        1.0, 0.0, 0.0, 1.0)
    size = _FONT_SIZE(page, index)
    clip = _clip(obj, ctm)
    shape = (font, matrix, size, clip)
    run = shapes.get(shape)
    if run is None:
        face = faces.get(font)
        if face is None:
            face = faces[font] = _face(ctypes.cast(font, raw.FPDF_FONT) if font else None)
        run = shapes[shape] = _shaped(face, matrix, size, clip, ctm)
    return run


def _shaped(face: _Face, matrix: tuple[float, float, float, float], size: float,
            clip: Rect | None, ctm: Matrix) -> _Run:
    a, b, c, d, _, _ = _mul((*matrix, 0.0, 0.0), ctm)
    upright = None
    if matrix[1] == 0 and matrix[2] == 0 and ctm[1] == 0 and ctm[2] == 0:
        d_ = matrix[3]
        lo, hi = face.descent * size * d_, (face.descent + 1.0) * size * d_
        upright = (ctm[0], ctm[4], ctm[3], lo, hi, ctm[5])
    device = (a, b, c, d, 0.0, 0.0)
    return _Run(face.font, face, face.symbol, direction_of(device), face.descent, size,
                matrix, device, ctm, clip, upright, face.widths.setdefault(size, {}))


def _clip(obj: Any, ctm: Matrix) -> Rect | None:
    """The bounding box of the clip in force on ``obj`` (a ``c_void_p``; the intersection
    of its paths' boxes), in device space; None when nothing clips it."""
    address = _CLIP(obj)
    if not address:
        return None
    clip = _VOID(address)
    box: Rect | None = None
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    for p in range(_CLIP_PATHS(clip)):
        pts: list[Point] = []
        for s in range(_CLIP_SEGMENTS(clip, p)):
            seg = _CLIP_SEGMENT(clip, p, s)
            if seg and _POINT(_VOID(seg), at_x, at_y):
                pts.append(_apply(ctm, x.value, y.value))
        if not pts:
            continue
        xs, ys = [q[0] for q in pts], [q[1] for q in pts]
        here = (min(xs), min(ys), max(xs), max(ys))
        box = here if box is None else (
            max(box[0], here[0]), max(box[1], here[1]), min(box[2], here[2]),
            min(box[3], here[3]))
    return box
