"""WordprocessingML at the XML level: the text, marks and shading python-docx does not show.

``cell.text`` in python-docx drops ``w:sym`` glyphs (the Wingdings check marks offices use),
reads deleted revisions and hidden text, and says nothing of shading. These helpers read the
elements themselves so the reader sees what a person sees on the printed page. They know
Word only; nothing here knows RAK.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree

from ..marks import is_private_use, is_symbol_font

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML = "urn:schemas-microsoft-com:vml"

# Fills at or above this luminance (0..1) read as white on paper: F2F2F2 is 0.95.
LIGHT_LUMINANCE = 0.93

_PCT = re.compile(r"pct(\d+)")
_MEASURE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$")
_TWIPS_PER_UNIT = {
    None: 1.0,
    "pt": 20.0,
    "in": 1440.0,
    "cm": 1440 / 2.54,
    "mm": 144 / 2.54,
    "pc": 240.0,
    "pi": 240.0,
}


class Names:
    """Clark-notation tag and attribute names for one WordprocessingML namespace.

    Word writes the transitional namespace; ISO strict files use another one with the same
    local names. Building the names once per document keeps the tree walk to plain string
    comparisons, which is what makes a 300-row table read in milliseconds.
    """

    def __init__(self, ns: str = W_TRANSITIONAL) -> None:
        def q(local: str) -> str:
            return f"{{{ns}}}{local}"

        self.q = q
        self.ns = ns
        # Blocks, tables and their properties.
        self.body, self.p, self.tbl, self.tr, self.tc = (
            q("body"),
            q("p"),
            q("tbl"),
            q("tr"),
            q("tc"),
        )
        self.tcPr, self.trPr, self.pPr, self.rPr = q("tcPr"), q("trPr"), q("pPr"), q("rPr")
        self.tblGrid, self.gridCol, self.gridSpan = q("tblGrid"), q("gridCol"), q("gridSpan")
        self.gridBefore, self.vMerge, self.hMerge = q("gridBefore"), q("vMerge"), q("hMerge")
        self.shd, self.highlight, self.del_ = q("shd"), q("highlight"), q("del")
        # Runs and what they hold.
        self.r, self.t, self.sym, self.tab, self.ptab = (
            q("r"),
            q("t"),
            q("sym"),
            q("tab"),
            q("ptab"),
        )
        self.br, self.cr, self.noBreakHyphen = q("br"), q("cr"), q("noBreakHyphen")
        self.rFonts, self.vanish, self.txbxContent = q("rFonts"), q("vanish"), q("txbxContent")
        # Attributes.
        self.val, self.w, self.font, self.char = q("val"), q("w"), q("font"), q("char")
        self.fill, self.color = q("fill"), q("color")
        self.font_attrs = (q("ascii"), q("hAnsi"), q("cs"), q("eastAsia"))
        # Content that never shows as the paragraph's own text: deleted or moved-away
        # revisions, field codes, drawings and text boxes (read separately), ruby annotations.
        skipped = [
            "del", "moveFrom", "delText", "instrText", "drawing", "pict", "object",
            "txbxContent", "rPr", "pPr", "rt", "fldChar", "footnoteReference",
            "endnoteReference", "commentReference",
        ]  # fmt: skip
        self.skip = frozenset(q(n) for n in skipped)
        # Wrappers that may hold blocks, rows or cells (content controls, custom XML, revisions).
        self.wrappers = frozenset(q(n) for n in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
        # Pictures and shapes: DrawingML (inline or anchored, also inside mc:Choice), VML
        # (w:pict, often the mc:Fallback copy), embedded objects shown as their picture.
        self.pictures = (q("drawing"), q("pict"), q("object"), f"{{{VML}}}shape")
        self.hidden_parents = frozenset(q(n) for n in ("del", "moveFrom"))
        self.alternate = f"{{{MC}}}AlternateContent"
        self.choice = f"{{{MC}}}Choice"
        self.fallback = f"{{{MC}}}Fallback"


class ListLabels(Protocol):
    """Gives a paragraph the list label Word prints before it ("1.", "-", "a)")."""

    def label(self, p: etree._Element) -> str: ...


@dataclass
class Text:
    """Text gathered from paragraphs, with whether any of it was a symbol-font glyph.

    ``labels``, when given, puts each list paragraph's printed label in front of its text.
    """

    paragraphs: list[str] = field(default_factory=list)
    mark: bool = False
    labels: ListLabels | None = None


def is_on(el: etree._Element | None, names: Names) -> bool:
    """A WordprocessingML on/off property: present and not switched off by ``w:val``."""
    if el is None:
        return False
    return el.get(names.val, "true").lower() not in ("0", "false", "off")


def children(el: etree._Element, tag: str, names: Names) -> list[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers.

    Rows and cells can sit inside ``w:sdt``/``w:customXml``; a plain ``findall`` misses them.
    """
    found: list[etree._Element] = []
    for child in el:
        if child.tag == tag:
            found.append(child)
        elif child.tag in names.wrappers:
            found.extend(children(child, tag, names))
    return found


def blocks(container: etree._Element, names: Names) -> list[etree._Element]:
    """Paragraphs and tables of a body, cell or text box, in document order."""
    found: list[etree._Element] = []
    for child in container:
        tag = child.tag
        if tag == names.p or tag == names.tbl:
            found.append(child)
        elif tag in names.wrappers:
            found.extend(blocks(child, names))
        elif tag == names.alternate:
            choice = child.find(names.choice)
            if choice is not None:
                found.extend(blocks(choice, names))
    return found


def paragraph_text(p: etree._Element, names: Names, out: Text) -> str:
    """The visible text of one paragraph; sets ``out.mark`` when a symbol glyph is seen."""
    parts: list[str] = []
    _collect(p, names, parts, out)
    text = "".join(parts)
    label = out.labels.label(p) if out.labels is not None else ""
    return f"{label} {text}" if label and text.strip() else text


def _collect(el: etree._Element, names: Names, parts: list[str], out: Text) -> None:
    for child in el:
        tag = child.tag
        if tag == names.r:
            _run(child, names, parts, out)
        elif tag == names.alternate:
            choice = child.find(names.choice)
            if choice is not None:
                _collect(choice, names, parts, out)
        elif tag not in names.skip and isinstance(tag, str):
            # hyperlink, fldSimple, smartTag, ins, moveTo, sdt, customXml, bdo, dir, ...
            _collect(child, names, parts, out)


def _run(r: etree._Element, names: Names, parts: list[str], out: Text) -> None:
    symbol_run = False
    for child in r:
        tag = child.tag
        if tag == names.rPr:
            for prop in child:
                if prop.tag == names.vanish and is_on(prop, names):
                    return  # hidden text: not on the page
                if prop.tag == names.rFonts:
                    symbol_run = any(is_symbol_font(prop.get(a)) for a in names.font_attrs)
        elif tag == names.t:
            text = child.text or ""
            parts.append(text)
            if symbol_run and text.strip():
                out.mark = True
        elif tag == names.sym:
            glyph = _sym_char(child, names)
            if glyph:
                parts.append(glyph)
                font = child.get(names.font)
                if is_symbol_font(font) or (not font and is_private_use(glyph)):
                    out.mark = True
        elif tag == names.tab or tag == names.ptab:
            parts.append(" ")
        elif tag == names.br or tag == names.cr:
            parts.append("\n")
        elif tag == names.noBreakHyphen:
            parts.append("-")


def _sym_char(sym: etree._Element, names: Names) -> str:
    """The character of a ``w:sym``; symbol fonts live in the private-use block at F000."""
    raw = sym.get(names.char, "")
    try:
        code = int(raw, 16)
    except ValueError:
        return ""
    if code < 0x100 and is_symbol_font(sym.get(names.font)):
        code += 0xF000
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)


def has_picture(container: etree._Element, names: Names) -> bool:
    """A picture or drawn shape shows somewhere in ``container`` (a cell).

    Offices paste a check mark as a small picture or draw it as a shape; it is ink on the
    page though no text carries it. A drawing in a deleted revision or in a hidden run is
    not on the page.
    """
    for el in container.iter(*names.pictures):
        if not _hidden(el, container, names):
            return True
    return False


def _hidden(el: etree._Element, container: etree._Element, names: Names) -> bool:
    for parent in el.iterancestors():
        if parent is container:
            return False
        if parent.tag in names.hidden_parents:
            return True
        if parent.tag == names.r:
            rpr = parent.find(names.rPr)
            if rpr is not None and is_on(rpr.find(names.vanish), names):
                return True
    return False


def block_text(container: etree._Element, names: Names, out: Text) -> Text:
    """All paragraphs of a cell, nested tables flattened to their paragraphs, in order."""
    for block in blocks(container, names):
        if block.tag == names.p:
            out.paragraphs.append(paragraph_text(block, names, out))
        else:
            for row in children(block, names.tr, names):
                for cell in children(row, names.tc, names):
                    block_text(cell, names, out)
    return out


def painted(shd: etree._Element | None, names: Names) -> tuple[int, int, int] | None:
    """The colour a ``w:shd`` paints; None where it paints nothing (``nil``, or absent).

    The painted colour depends on the pattern: ``clear`` shows the fill, ``solid`` the
    pattern colour, ``pctNN`` a mix of the two.
    """
    if shd is None:
        return None
    pattern = (shd.get(names.val) or "clear").lower()
    if pattern == "nil":
        return None
    fill = _rgb(shd.get(names.fill), default=(255, 255, 255))
    colour = _rgb(shd.get(names.color), default=(0, 0, 0))
    if pattern == "clear":
        return fill
    if pattern == "solid":
        return colour
    m = _PCT.fullmatch(pattern)
    share = int(m.group(1)) / 100 if m else 0.25  # stripes, crosses: a light texture
    return tuple(  # type: ignore[return-value]
        round(c * share + f * (1 - share)) for c, f in zip(colour, fill, strict=True)
    )


def is_dark(rgb: tuple[int, int, int] | None) -> bool:
    """A colour a reader sees as filled rather than as white paper."""
    return rgb is not None and luminance(rgb) < LIGHT_LUMINANCE


def shading_is_dark(shd: etree._Element | None, names: Names) -> bool:
    """True when a ``w:shd`` paints a colour a reader would see as filled."""
    return is_dark(painted(shd, names))


def highlight_is_dark(el: etree._Element | None, names: Names) -> bool:
    """A run highlight (a named colour) that is not none/white."""
    if el is None:
        return False
    return (el.get(names.val) or "none").lower() not in ("none", "white")


def luminance(rgb: tuple[int, int, int]) -> float:
    """Perceived lightness 0..1 of an sRGB colour (Rec. 709 weights on the stored values)."""
    r, g, b = rgb
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def _rgb(value: str | None, default: tuple[int, int, int]) -> tuple[int, int, int]:
    if not value or value.lower() == "auto" or len(value) != 6:
        return default
    try:
        n = int(value, 16)
    except ValueError:
        return default
    return (n >> 16) & 255, (n >> 8) & 255, n & 255


def twips(value: str | None) -> float | None:
    """A width as twips: plain numbers are twips; strict files may write ``2.5cm``."""
    if not value:
        return None
    m = _MEASURE.match(value)
    if not m:
        return None
    return float(m.group(1)) * _TWIPS_PER_UNIT[m.group(2)]


def small_int(value: str | None, default: int, low: int = 0, high: int = 1000) -> int:
    """An integer attribute clamped to a sane range; garbage reads as ``default``."""
    try:
        n = int(value) if value is not None else default
    except ValueError:
        return default
    return max(low, min(high, n))
