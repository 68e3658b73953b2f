"""A page's text read by pdfium, as the glyphs ``pdf.page`` makes of pdfminer's chars:
along the baseline the advance, across it the font size from the baseline's descent
(pdfium's tight glyph box would move every line's top); ligatures spelled out; glyphs whose
centre lies outside the clip in force dropped, as ``pdf.clip`` does.

Every char of every page goes through ``_read_chars``: what the glyphs of one text object
share is worked out once per object shape (``_Run``), the page's code points are read in one
call where pdfium's text lines up with its chars (``_codes``), and the calls made for every
char go to pdfium without ctypes' argument conversion (``_unchecked``).
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
# What pdfium's page text holds, in place of the code point, for a char it keeps another
# code for: a hyphen that ends a line (``_HYPHEN_MARK``) and a glyph mapped to no character.
# A char code, not a threshold.
_NOT_IN_TEXT = 0xFFFE

_PRICE_EVERY = 256  # glyphs priced together: a page over budget is refused this late at most
_VOID = ctypes.c_void_p
_GLYPH, _Glyph = tuple.__new__, Glyph  # a NamedTuple made without its __new__'s call


def _unchecked(function: Any, restype: Any) -> Any:
    """``function`` with its arguments passed as they are, unconverted: the calls made
    for every char (``_UNICODE`` only on a page ``_codes`` reads char by char) take the
    text page as a ``c_void_p``, the index as a Python int (a C int) and the origin's two
    doubles ``byref``, so the argument checks of pypdfium2's typed declarations only cost
    (about 0.45 against 0.26 us a call)."""
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
    # Advance, text and whether it shows by char code at this run's size, shared by the
    # font's runs of that size (``_Face.chars``): asked for every glyph.
    chars: dict[int, tuple[float, str, bool]] = field(default_factory=dict)


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

    This loop runs for every char of every page: it keeps to locals, unpacks what a text
    object's glyphs share (``_Run``) only when the object changes (its chars come one after
    another), counts the glyphs that show per object and adds them to the page's tally
    when it changes, compares a glyph's origin with the last one field by field, sizes the
    glyph inline for upright text (``_glyph_box`` for the rest), and makes the ``Glyph``
    itself. What ``pdf.page`` would do to a char is done here: ligatures spelled out
    (``_Texts``), and at the end, only if some glyph needs it, glyphs without text dropped
    and a glyph of no height sized."""
    page = ctypes.cast(text_page, _VOID)  # a c_void_p: passed as a pointer, unconverted
    runs = _Runs(page, reading.ctm)
    texts = _Texts()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(ox), ctypes.byref(oy)
    glyphs = reading.made
    append = glyphs.append
    tally = reading.directions
    height = reading.height
    last_key: int | None = None  # the text object and origin of the last glyph read
    last_x = last_y = 0.0
    joined: int | None = None  # the glyph that took a ligature's letters
    kept = False  # whether the last glyph read is on the page (not clipped away)
    odd = False  # a glyph without text or height was made
    unpriced = 0  # glyphs read and not yet priced
    # The last glyph's run, unpacked, and how many of its glyphs read since it began show.
    run: _Run | None = None
    chars: dict[int, tuple[float, str, bool]] = {}
    up: tuple[float, float, float, float, float, float] | None = None
    sx = ex = sy = lo = hi = ey = along = 0.0
    clip: Rect | None = None
    symbol = False
    shown = 0
    for i, code in enumerate(_codes(text_page, page)):
        key = _TEXT_OBJECT(page, i)
        if not key:
            continue
        if code <= _GENERATED_MAX:
            if _IS_GENERATED(page, i):
                continue  # a space or line break pdfium inferred, not drawn
            if code == _HYPHEN_MARK:
                code = ord("-")  # pdfium's mark for a hyphen that ends a line
        if not _ORIGIN(page, i, at_x, at_y):
            continue
        x, y = ox.value, oy.value
        if key == last_key:
            if x == last_x and y == last_y:
                # One glyph whose text is several letters (a ligature "fi"): pdfium lists
                # each letter at the glyph's origin, pdfminer one char with them all.
                if kept and run is not None:
                    last = glyphs[-1]
                    text, inked = texts[code]
                    if inked and not last.text.strip():
                        shown += 1
                    last = last._replace(text=last.text + text)
                    box = raw.FS_RECTF()
                    if raw.FPDFText_GetLooseCharBox(text_page, i, box):
                        end = _ink_end(box, x, y, run)
                        last = _end_at_next(last, *end, run, height)
                    joined = len(glyphs) - 1
                    glyphs[joined] = last
                continue
            if joined is not None and run is not None:
                # Its advance is the font's width of the ligature glyph, which pdfium keeps
                # to itself: the next glyph of the same run starts where it ends.
                glyphs[joined] = _end_at_next(glyphs[joined], x, y, run, height)
        else:
            if shown and run is not None:
                tally[run.direction] = tally.get(run.direction, 0) + shown
                shown = 0
            run = runs.of(key, i)
            chars, up, clip, symbol = run.chars, run.upright, run.clip, run.symbol
            if up is not None:
                sx, ex, sy, lo, hi, ey = up
                along = run.matrix[0]
        joined = None
        last_key, last_x, last_y, kept = key, x, y, False
        unpriced += 1
        if unpriced == _PRICE_EVERY:
            unpriced = _price(reading, unpriced)
        char = chars.get(code)
        if char is None:
            char = _char(runs.of(key, i), code, texts)
        width, text, inked = char
        if up is not None:  # upright text on an upright page: the common case
            x0, x1 = x * sx + ex, (x + width * along) * sx + ex
            y0, y1 = (y + lo) * sy + ey, (y + hi) * sy + ey
            # min and max written out, ties and all as they break them
            dx0, dx1 = (x1 if x1 < x0 else x0), (x1 if x1 > x0 else x0)
            dy0, dy1 = (y1 if y1 < y0 else y0), (y1 if y1 > y0 else y0)
        else:
            dx0, dy0, dx1, dy1 = _glyph_box(width, x, y, runs.of(key, i))
        if clip is not None:
            cx, cy = (dx0 + dx1) / 2, (dy0 + dy1) / 2
            if not (clip[0] <= cx <= clip[2] and clip[1] <= cy <= clip[3]):
                continue
        kept = True
        if inked:
            shown += 1
        size = dy1 - dy0
        if not text or size <= 0:
            odd = True
        append(_GLYPH(_Glyph, (text, dx0, dx1, height - dy1, height - dy0, size, symbol)))
    if shown and run is not None:
        tally[run.direction] = tally.get(run.direction, 0) + shown
    _price(reading, unpriced)
    if odd:
        glyphs[:] = [g._replace(size=max(g.bottom - g.top, 1.0)) if g.size <= 0 else g
                     for g in glyphs if g.text]


def _codes(text_page: Any, page: Any) -> list[int]:
    """The code point of every char of the text page (``page`` is it as a ``c_void_p``), as
    ``FPDFText_GetUnicode`` gives it.

    The page's text is read in one call, not a call per char, where it has exactly one
    entry per char: pdfium leaves out of it the control chars it keeps no text for, and
    code points past the Basic Multilingual Plane, so a page holding either comes out
    shorter and is asked char by char. A char whose entry is ``_NOT_IN_TEXT`` is asked on
    its own (a line-end hyphen is ``_HYPHEN_MARK`` there, an unmapped glyph 0)."""
    count = raw.FPDFText_CountChars(text_page)
    if count <= 0:
        return []
    units = (ctypes.c_ushort * (count + 1))()
    if raw.FPDFText_GetText(text_page, 0, count, units) != count + 1:  # its NUL counted
        return [_UNICODE(page, i) for i in range(count)]
    codes: list[int] = units[:count]
    if _NOT_IN_TEXT in codes:
        for i, code in enumerate(codes):
            if code == _NOT_IN_TEXT:
                codes[i] = _UNICODE(page, i)
    return codes


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


def _char(run: _Run, code: int, texts: _Texts) -> tuple[float, str, bool]:
    """The glyph's advance in text space (pdfminer's ``adv``: the font's width of the
    character; where the font cannot map it back, an em), its text and whether that shows
    (``_Texts``), kept for the run's font and size."""
    value = ctypes.c_float()
    ok = run.font is not None and raw.FPDFFont_GetGlyphWidth(run.font, code, run.size, value)
    found = run.chars[code] = (float(value.value) if ok else run.size, *texts[code])
    return found


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
    # size: char code: advance, text, shows (``_Run.chars``)
    chars: dict[float, dict[int, tuple[float, str, bool]]] = field(default_factory=dict)


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


class _Runs:
    """The runs of one text page's text objects (a ``c_void_p``), by object address: most
    text objects of a page are alike, and are given one run (``shapes``: by font, matrix,
    size and clip); ``faces`` holds the page's fonts asked so far. The buffers pdfium
    writes into are made once per page."""

    __slots__ = ("page", "ctm", "runs", "faces", "shapes", "matrix", "at_matrix", "x", "y",
                 "at_x", "at_y")

    def __init__(self, page: Any, ctm: Matrix) -> None:
        self.page, self.ctm = page, ctm
        self.runs: dict[int, _Run] = {}
        self.faces: dict[int, _Face] = {}
        self.shapes: dict[tuple[Any, ...], _Run] = {}
        self.matrix = raw.FS_MATRIX()
        self.at_matrix = ctypes.byref(self.matrix)
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.at_x, self.at_y = ctypes.byref(self.x), ctypes.byref(self.y)

    def of(self, key: int, index: int) -> _Run:
        """The run of the text object at address ``key``, the ``index``-th char being one
        of its glyphs."""
        run = self.runs.get(key)
        if run is None:
            run = self.runs[key] = self._run(key, index)
        return run

    def _run(self, key: int, index: int) -> _Run:
        obj = _VOID(key)
        font = _FONT(obj) or 0
        m = self.matrix
        matrix = (m.a, m.b, m.c, m.d) if _MATRIX(self.page, index, self.at_matrix) else (
            1.0, 0.0, 0.0, 1.0)
        size = _FONT_SIZE(self.page, index)
        clip = self._clip(obj)
        shape = (font, matrix, size, clip)
        run = self.shapes.get(shape)
        if run is None:
            face = self.faces.get(font)
            if face is None:
                face = self.faces[font] = _face(
                    ctypes.cast(font, raw.FPDF_FONT) if font else None)
            run = self.shapes[shape] = _shaped(face, matrix, size, clip, self.ctm)
        return run

    def _clip(self, obj: Any) -> Rect | None:
        """The bounding box of the clip in force on ``obj`` (a ``c_void_p``; the
        intersection of its paths' boxes), in device space; None when nothing clips it."""
        address = _CLIP(obj)
        if not address:
            return None
        clip = _VOID(address)
        box: Rect | None = None
        x, y, at_x, at_y = self.x, self.y, self.at_x, self.at_y
        a, b, c, d, e, f = self.ctm
        for p in range(_CLIP_PATHS(clip)):
            xs: list[float] = []
            ys: list[float] = []
            for s in range(_CLIP_SEGMENTS(clip, p)):
                seg = _CLIP_SEGMENT(clip, p, s)
                if seg and _POINT(_VOID(seg), at_x, at_y):
                    px, py = x.value, y.value  # ``apply(ctm, px, py)`` written out
                    xs.append(a * px + c * py + e)
                    ys.append(b * px + d * py + f)
            if not xs:
                continue
            here = (min(xs), min(ys), max(xs), max(ys))
            box = here if box is None else (
                max(box[0], here[0]), max(box[1], here[1]), min(box[2], here[2]),
                min(box[3], here[3]))
        return box


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
                matrix, device, ctm, clip, upright, face.chars.setdefault(size, {}))
