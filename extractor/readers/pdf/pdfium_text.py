"""A page's text read by pdfium, as the glyphs ``pdf.page`` makes of pdfminer's chars:
along the baseline the advance, across it the font size from the baseline's descent
(pdfium's tight glyph box would move every line's top); ligatures spelled out; glyphs whose
centre lies outside the clip in force dropped, as ``pdf.clip`` does.

Every char of every page goes through ``_read_chars``: what the glyphs of one text object
share is worked out once per object shape (``_Run``), and the calls made for every char go
to pdfium without ctypes' argument conversion (``_unchecked``).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as raw

from ...marks import is_symbol_font
from .page import LIGATURES, Glyph, direction_of
from .pdfium_reading import Matrix, PdfiumError, Point, Reading, Rect, apply, mul

# The char code pdfium gives a hyphen that ends a line (its text page's own mark, read back
# as "-"). A char code, not a threshold.
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


@dataclass(frozen=True, slots=True)
class _Run:
    """What the glyphs of one text object share."""

    font: Any  # pdfium's FPDF_FONT, or None
    face: _Face
    symbol: bool  # the font is a symbol font (``Glyph.symbol``)
    direction: str  # where the glyphs run on the page (``pdf.page.direction_of``)
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


def read_text(page: Any, reading: Reading) -> None:
    text_page = raw.FPDFText_LoadPage(page)
    if not text_page:
        raise PdfiumError(f"page {reading.number}: no text layer")
    try:
        _read_chars(text_page, reading)
    finally:
        raw.FPDFText_ClosePage(text_page)


def _read_chars(text_page: Any, reading: Reading) -> None:
    """pdfium's chars, without the spaces and line breaks it infers, as the glyphs
    ``pdf.page`` makes of pdfminer's (``glyph_content``), and the way most of them run.

    This loop runs for every char of every page: it keeps to locals, compares a glyph's
    origin with the last one field by field, sizes the glyph inline for upright text
    (``_glyph_box`` for the rest), and makes the ``Glyph`` itself. What ``pdf.page`` would
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
    """A char code's text as ``pdf.page`` keeps it (ligatures spelled out, a code that is
    no character as no text), and whether it shows
    (``dominant_direction`` counts only those); worked out once per code and page."""

    def __missing__(self, code: int) -> tuple[str, bool]:
        text = _text(code)
        if not text.isascii():
            text = text.translate(LIGATURES)
        found = self[code] = (text, bool(text.strip()))
        return found


def _price(reading: Reading, glyphs: int) -> int:
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
    dx, dy = apply(run.ctm, x, y)
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
        apply(ctm, ox + x * a + y * c, oy + x * b + y * d)
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
    a, b, c, d, _, _ = mul((*matrix, 0.0, 0.0), ctm)
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
                pts.append(apply(ctm, x.value, y.value))
        if not pts:
            continue
        xs, ys = [q[0] for q in pts], [q[1] for q in pts]
        here = (min(xs), min(ys), max(xs), max(ys))
        box = here if box is None else (
            max(box[0], here[0]), max(box[1], here[1]), min(box[2], here[2]),
            min(box[3], here[3]))
    return box
