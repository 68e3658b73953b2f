"""One PDF page reduced to what table reading needs: glyphs, ruling segments, fills, inks.

pdfplumber hands out dicts with dozens of keys; the rest of the reader works on small tuples
so that assigning thousands of glyphs to cells stays cheap. This module is also the one place
that decides which painted lines are *visible* (a white line is not a cell border) and that
turns a page whose text runs sideways back into reading orientation.

*Inks* are the small drawings that may be a check mark drawn without a font: a tick stroked
as lines or curves, a filled polygon or square, a little picture. Whether one really is a
mark depends on the cell it lies in, which only the table code knows (``pdf.cells``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median
from typing import Any, NamedTuple

from ...marks import is_symbol_font
from ...ruled_settings import PageMeasures, RuledSettings

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Colour = tuple[float, ...]
Segment = tuple[float, float, float]  # position across, start, end along


class Glyph(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    symbol: bool  # from a symbol font (Wingdings, Symbol, ZapfDingbats, ...)


class Fill(NamedTuple):
    """A filled area in paint order; ``shade`` is False for white or near-white fills.

    ``colour`` tells two shades apart (a shaded month on a row's own background colour); it
    is None for paper-coloured fills and for paints whose colour cannot be read.
    """

    box: Box
    shade: bool
    colour: Colour | None = None


@dataclass(slots=True)
class PageContent:
    width: float
    height: float
    measures: PageMeasures
    glyphs: list[Glyph] = field(default_factory=list)
    hsegs: list[Segment] = field(default_factory=list)  # y, x0, x1
    vsegs: list[Segment] = field(default_factory=list)  # x, top, bottom
    # Sides of white fills on white paper: invisible, but where one carries a visible rule
    # on (a styled table's white header cells above its tinted body) it is part of it.
    soft_hsegs: list[Segment] = field(default_factory=list)
    soft_vsegs: list[Segment] = field(default_factory=list)
    fills: list[Fill] = field(default_factory=list)
    inks: list[Box] = field(default_factory=list)  # drawn marks candidates, see the docstring


# --- colours -------------------------------------------------------------------------------


def _components(colour: Any) -> tuple[float, ...] | None:
    """Colour as float components, or None when it is a pattern, a name or malformed."""
    if isinstance(colour, bool):
        return None
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not colour:
        return None
    out: list[float] = []
    for v in colour:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            try:
                v = float(v)
            except (TypeError, ValueError):
                return None
        out.append(float(v))
    if any(v < 0 or v > 1 for v in out):
        return None  # an index into a palette or a broken value: cannot tell
    return tuple(out)


def lightness(colour: Any) -> float | None:
    """0 (black/ink) .. 1 (paper white) for gray, RGB and CMYK; None when unknown."""
    comps = _components(colour)
    if comps is None:
        return None
    if len(comps) == 1:
        return comps[0]
    if len(comps) == 3:
        return min(comps)
    if len(comps) == 4:
        return 1.0 - max(comps)
    return None


def is_white(colour: Any) -> bool:
    """A paint that vanishes on paper: hidden lines and boxes drawn in white."""
    value = lightness(colour)
    return value is not None and value >= 0.97


def is_shade(colour: Any) -> bool:
    """A fill a reader sees as a coloured cell (not white, not near-white paper tint).

    ``None`` is PDF's default paint, black. A pattern or shading name counts as a shade; any
    other colour we cannot read does not.
    """
    if colour is None:
        return True
    if isinstance(colour, str) or (
        isinstance(colour, (tuple, list)) and any(isinstance(v, str) for v in colour)
    ):
        return True
    value = lightness(colour)
    return value is not None and value < 0.9


def colour_key(colour: Any) -> Colour | None:
    """A shade's components rounded so that the same paint compares equal; None for
    paper-coloured or unreadable paint (a pattern name counts as its own shade)."""
    if not is_shade(colour):
        return None
    if colour is None:
        return (0.0,)
    comps = _components(colour)
    if comps is None:
        return (-1.0,)
    return tuple(round(v, 2) for v in comps)


# --- orientation ---------------------------------------------------------------------------

Transform = Callable[[float, float, float, float], Box]


def direction_of(matrix: Any) -> str:
    """Where a glyph's baseline runs on the displayed page: right, down, left or up."""
    try:
        a, b = float(matrix[0]), float(matrix[1])
    except (TypeError, ValueError, IndexError):
        return "right"
    if abs(a) >= abs(b):
        return "right" if a >= 0 else "left"
    # PDF space has y growing upwards: b < 0 means the text runs down the page.
    return "down" if b < 0 else "up"


def _upright_transform(
    direction: str, width: float, height: float
) -> tuple[Transform, float, float]:
    """The box mapping that turns text running ``direction`` into left-to-right text."""
    if direction == "down":  # turn the page a quarter counter-clockwise
        return (lambda x0, t, x1, b: (t, width - x1, b, width - x0)), height, width
    if direction == "up":  # a quarter clockwise
        return (lambda x0, t, x1, b: (height - b, x0, height - t, x1)), height, width
    if direction == "left":  # upside down
        return (
            (lambda x0, t, x1, b: (width - x1, height - b, width - x0, height - t)),
            width,
            height,
        )
    return (lambda x0, t, x1, b: (x0, t, x1, b)), width, height


def dominant_direction(chars: list[dict[str, Any]]) -> str:
    """The direction most visible glyphs run in (pdfminer's ``upright`` is also true for
    upside-down text, so the text matrix decides). A page's glyphs share a few matrices:
    each one's direction is worked out once."""
    counts: dict[str, int] = {}
    seen: dict[Any, str] = {}
    for ch in chars:
        if not str(ch.get("text", "")).strip():
            continue
        matrix = ch.get("matrix")
        try:
            d = seen[matrix]
        except KeyError:
            d = seen[matrix] = direction_of(matrix)
        except TypeError:  # a matrix that is no tuple
            d = direction_of(matrix)
        counts[d] = counts.get(d, 0) + 1
    return prevailing(counts)


def prevailing(counts: dict[str, int]) -> str:
    """The direction of ``counts`` (glyphs that show, by the way they run) most glyphs run
    in, the first counted of equals; "right" for none."""
    if not counts:
        return "right"
    return max(counts.items(), key=lambda kv: kv[1])[0]


# --- building ------------------------------------------------------------------------------


def _num(obj: dict[str, Any], key: str) -> float:
    return float(obj[key])


def page_content(
    width: float,
    height: float,
    origin: tuple[float, float],
    chars: list[dict[str, Any]],
    lines: list[dict[str, Any]],
    rects: list[dict[str, Any]],
    curves: list[dict[str, Any]],
    images: list[dict[str, Any]] | None = None,
    settings: RuledSettings | None = None,
) -> PageContent:
    """Reduce pdfplumber's objects to glyphs, visible ruling segments, fills and inks.

    Coordinates are shifted to the page's own origin and, when most text runs sideways,
    turned so that it reads left to right; everything downstream assumes upright text.
    What counts as a drawn rule rather than a filled area is measured against the page's
    font size (``RuledSettings``), so a 3 px browser border and a 0.05 pt hairline are both
    rules and a shaded month cell is not.
    """
    direction = dominant_direction(chars)
    ox, oy = origin
    transform, w, h = _upright_transform(direction, width, height)
    turned = direction != "right"

    def place(x0: float, top: float, x1: float, bottom: float) -> Box:
        return transform(x0 - ox, top - oy, x1 - ox, bottom - oy)

    glyphs = _glyphs(chars, place, origin, turned)
    return _content(w, h, glyphs, place, lines, rects, curves, images, settings)


def glyph_content(
    width: float,
    height: float,
    glyphs: list[Glyph],
    direction: str,
    lines: list[dict[str, Any]],
    rects: list[dict[str, Any]],
    curves: list[dict[str, Any]],
    images: list[dict[str, Any]],
    settings: RuledSettings | None = None,
) -> PageContent:
    """``page_content`` for an engine that makes the glyphs itself (pdfium): ``glyphs`` are
    what ``_glyphs`` would make of its chars on an upright page whose origin is 0, 0 (no
    empty text, a size that is not 0), ``direction`` what ``dominant_direction`` says of
    them. Making them as the page is read spares a dict per glyph and a second pass."""
    transform, w, h = _upright_transform(direction, width, height)
    if direction != "right":
        glyphs = [_turned(g, transform) for g in glyphs]
    return _content(w, h, glyphs, transform, lines, rects, curves, images, settings)


def _turned(g: Glyph, transform: Transform) -> Glyph:
    """``g`` turned to reading orientation, sized by its turned box (as ``_glyphs`` does)."""
    x0, top, x1, bottom = transform(g.x0, g.top, g.x1, g.bottom)
    return Glyph(g.text, x0, x1, top, bottom, max(bottom - top, 1.0), g.symbol)


def _content(
    w: float,
    h: float,
    glyphs: list[Glyph],
    place: Transform,
    lines: list[dict[str, Any]],
    rects: list[dict[str, Any]],
    curves: list[dict[str, Any]],
    images: list[dict[str, Any]] | None,
    settings: RuledSettings | None,
) -> PageContent:
    """The page's glyphs, placed, with its painted objects reduced to segments, fills and
    inks (``page_content``)."""
    settings = settings or RuledSettings()
    sizes = [g.size for g in glyphs if g.text.strip()]
    font = median(sizes) if sizes else settings.fallback_font
    rule_max = settings.rule_max * font
    aspect = settings.rule_aspect
    ink_min, ink_max = settings.ink_min * font, settings.ink_max * font
    widths: list[float] = []
    shades: list[Box] = []  # shaded areas painted so far
    content = PageContent(w, h, PageMeasures(font, 0.0, settings), glyphs)

    def thin(box: Box) -> bool:
        short = min(box[2] - box[0], box[3] - box[1])
        return short <= rule_max and max(box[2] - box[0], box[3] - box[1]) >= aspect * short

    def segment_to(hsegs: list[Segment], vsegs: list[Segment]) -> Callable[[Box], None]:
        def add(box: Box) -> None:
            x0, top, x1, bottom = box
            if bottom - top <= rule_max and x1 - x0 > 0 and x1 - x0 >= aspect * (bottom - top):
                hsegs.append(((top + bottom) / 2, x0, x1))
            elif x1 - x0 <= rule_max and bottom - top > 0 and bottom - top >= aspect * (x1 - x0):
                vsegs.append(((x0 + x1) / 2, top, bottom))

        return add

    add_segment = segment_to(content.hsegs, content.vsegs)
    add_soft = segment_to(content.soft_hsegs, content.soft_vsegs)

    def add_ink(box: Box) -> None:
        w, h = box[2] - box[0], box[3] - box[1]
        if ink_min <= max(w, h) and min(w, h) <= ink_max:
            content.inks.append(box)

    for obj in lines:
        if _visible(obj, stroked_only=True):
            box = _box(obj, place)
            if box is not None:
                widths.append(_linewidth(obj))
                add_segment(box)
                if not thin(box):  # a slanted stroke of a drawn tick or cross
                    add_ink(box)
    for obj in rects:
        box = _box(obj, place)
        if box is None:
            continue
        x0, top, x1, bottom = box
        is_rule = thin(box)
        if obj.get("fill") and not is_rule:
            paint = obj.get("non_stroking_color")
            fill = Fill(box, is_shade(paint), colour_key(paint))
            content.fills.append(fill)
            if fill.shade:
                shades.append(box)
            elif shades and _inside_any(box, shades, rule_max):
                # White cells on a tinted table (styled Word's first column on a banded
                # background): on paper their sides are edges like any other.
                _add_sides(box, add_segment)
                continue
            elif not obj.get("stroke"):
                _add_sides(box, add_soft)
        if not _visible(obj):
            continue
        if is_rule:
            widths.append(min(x1 - x0, bottom - top) or _linewidth(obj))
            add_segment(box)
        else:
            if _painted_fill(obj):
                add_ink(box)  # a filled square; a box only stroked is an empty checkbox
            if obj.get("stroke"):
                widths.append(_linewidth(obj))
            _add_sides(box, add_segment)
    for obj in curves:
        if not _visible(obj):
            continue
        pts = obj.get("pts") or []
        square = True
        for p0, p1 in pairwise(pts):
            try:
                ax, ay, bx, by = float(p0[0]), float(p0[1]), float(p1[0]), float(p1[1])
            except (TypeError, ValueError, IndexError):
                break
            if ax == bx or ay == by:
                add_segment(place(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
            else:
                square = False
        if not square or _painted_fill(obj):
            # Slanted or curved: a tick, a cross, a dot. Only axis-aligned and unfilled it is
            # ruling or an empty checkbox, already taken as segments above.
            box = _box(obj, place)
            if box is not None:
                add_ink(box)
    for obj in images or ():
        box = _box(obj, place)
        if box is not None:
            add_ink(box)
    content.measures = PageMeasures(font, median(widths) if widths else 0.0, settings)
    return content


# Typographic ligatures (U+FB00..FB06) as the letters they join: a browser shaping a serif
# font writes "eﬁsien" with one glyph for "fi"; a person reads "efisien".
LIGATURES = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0xFB00, 0xFB07)}


def _add_sides(box: Box, add: Callable[[Box], None]) -> None:
    x0, top, x1, bottom = box
    add((x0, top, x1, top))
    add((x0, bottom, x1, bottom))
    add((x0, top, x0, bottom))
    add((x1, top, x1, bottom))


def _inside_any(box: Box, areas: list[Box], tol: float) -> bool:
    x0, top, x1, bottom = box
    return any(
        a[0] <= x0 + tol and a[1] <= top + tol and a[2] >= x1 - tol and a[3] >= bottom - tol
        for a in areas
    )


def _glyphs(
    chars: list[dict[str, Any]],
    place: Callable[[float, float, float, float], Box],
    origin: tuple[float, float],
    turned: bool,
) -> list[Glyph]:
    """The chars as glyphs. Upright text needs only the shift to the page's origin, made
    here rather than through ``place``; a font's being a symbol font is asked once per
    name. (This runs for every char of every page.)"""
    glyphs: list[Glyph] = []
    ox, oy = origin
    symbol: dict[Any, bool] = {}
    for ch in chars:
        text = ch.get("text") or ""
        if not text.isascii():
            text = text.translate(LIGATURES)
        if not text:
            continue
        try:
            if turned:
                x0, top, x1, bottom = place(
                    float(ch["x0"]), float(ch["top"]), float(ch["x1"]), float(ch["bottom"])
                )
            else:
                x0, top = float(ch["x0"]) - ox, float(ch["top"]) - oy
                x1, bottom = float(ch["x1"]) - ox, float(ch["bottom"]) - oy
            size = float(ch.get("size") or 0.0)
        except (KeyError, TypeError, ValueError):
            continue
        if turned or size <= 0:
            size = max(bottom - top, 1.0)
        name = ch.get("fontname")
        sym = symbol.get(name)
        if sym is None:
            sym = symbol[name] = is_symbol_font(name)
        glyphs.append(Glyph(text, x0, x1, top, bottom, size, sym))
    return glyphs


def _linewidth(obj: dict[str, Any]) -> float:
    try:
        return max(float(obj.get("linewidth") or 0.0), 0.0)
    except (TypeError, ValueError):
        return 0.0


def _painted_fill(obj: dict[str, Any]) -> bool:
    return bool(obj.get("fill")) and not is_white(obj.get("non_stroking_color"))


def _box(obj: dict[str, Any], place: Callable[[float, float, float, float], Box]) -> Box | None:
    try:
        return place(_num(obj, "x0"), _num(obj, "top"), _num(obj, "x1"), _num(obj, "bottom"))
    except (KeyError, TypeError, ValueError):
        return None


def _visible(obj: dict[str, Any], stroked_only: bool = False) -> bool:
    """Painted in a colour that shows on white paper.

    Hidden white lines and white boxes are a common trick to align text in Word; they must
    not become cell borders.
    """
    stroke = obj.get("stroke", True)
    fill = obj.get("fill", False)
    if stroke and not is_white(obj.get("stroking_color")):
        return True
    if stroked_only:
        return False
    return bool(fill) and not is_white(obj.get("non_stroking_color"))
