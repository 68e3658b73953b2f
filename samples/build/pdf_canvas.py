"""Drawing primitives of the PDF sample writer: fonts, text measure and wrap, column edges,
and a page addressed top-down in points however it is stored.

Kept apart from ``pdf_writer`` (what goes where on a RAK page) because these are the parts
that must hold for the samples to be fair: text wraps only at spaces and no column is
narrower than its longest word, so the wrapped lines joined with single spaces give back the
spec's text; and a turned page is drawn so that a person sees the same RAK.

``Look`` is what a writer varies without changing the content: the font family (DejaVu or
Liberation, sans, serif, condensed or narrow), the paper and its orientation, and whether
words are written with space glyphs or placed one by one with none (as programs that lay
out each word themselves do). A glyph the family lacks (✓ in Liberation) comes from DejaVu
Sans, as LibreOffice falls back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.pagesizes import A4, letter  # type: ignore[import-untyped]
from reportlab.lib.utils import ImageReader, simpleSplit  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from .docx_writer import Headings
from .spec import SampleDoc, SampleRow

FONT_ROOT = Path("/usr/share/fonts/truetype")
# name: (directory, regular, bold)
FAMILIES: dict[str, tuple[str, str, str]] = {
    # DejaVu has √ (U+221A) and ✓ (U+2713); the condensed cut keeps 17 columns on A4.
    "dejavu-condensed": ("dejavu", "DejaVuSansCondensed", "DejaVuSansCondensed-Bold"),
    "dejavu-sans": ("dejavu", "DejaVuSans", "DejaVuSans-Bold"),
    "dejavu-serif": ("dejavu", "DejaVuSerif", "DejaVuSerif-Bold"),
    "liberation-sans": ("liberation", "LiberationSans-Regular", "LiberationSans-Bold"),
    "liberation-serif": ("liberation", "LiberationSerif-Regular", "LiberationSerif-Bold"),
    "liberation-narrow": (
        "liberation",
        "LiberationSansNarrow-Regular",
        "LiberationSansNarrow-Bold",
    ),
}
FALLBACK = "dejavu-sans"
PAPERS: dict[str, tuple[float, float]] = {  # portrait width, height in points
    "A4": A4,
    "F4": (609.45, 935.43),  # 21.5 x 33 cm, the Indonesian folio
    "Letter": letter,
}

# How a page is stored: "" upright; "r90" a portrait page whose content is drawn turned a
# quarter, upright once /Rotate 90 is applied; "r270" the landscape page given /Rotate 270,
# shown sideways (the reader must turn the text back).
Turn = Literal["", "r90", "r270"]

# How a check mark is put on the page: as text in the font, or drawn without one as Word
# and Excel exports do: a tick stroked as two lines, as a line and a Bezier curve, a filled
# tick outline, or a small picture.
MarkStyle = Literal["text", "lines", "curve", "polygon", "image"]
MARK_STYLES: tuple[str, ...] = ("text", "lines", "curve", "polygon", "image")
# A tick in a unit square, y up: the short stroke down, the long one up to the right.
_TICK = ((0.0, 0.5), (0.3, 0.1), (1.0, 1.0))
# Unit-square coordinates to a point on the page (PDF space).
At = Callable[[float, float], tuple[float, float]]
_TICK_OUTLINE = ((0.0, 0.55), (0.3, 0.0), (1.0, 0.92), (0.9, 1.0), (0.3, 0.3), (0.1, 0.65))


def _register(family: str) -> tuple[str, str]:
    directory, regular, bold = FAMILIES[family]
    for name in (regular, bold):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_ROOT / directory / f"{name}.ttf")))
    return regular, bold


@cache
def _has_glyph(font: str, ch: str) -> bool:
    face = pdfmetrics.getFont(font).face
    return ord(ch) in face.charToGlyph


@dataclass(frozen=True)
class Look:
    """How the page is drawn, whatever it says; see the module docstring."""

    family: str = "dejavu-condensed"
    paper: str = "A4"
    landscape: bool = True
    word_runs: bool = False  # each word placed by itself, no space glyph between

    def __post_init__(self) -> None:
        if self.family not in FAMILIES:
            raise ValueError(f"unknown font family {self.family!r}; known: {list(FAMILIES)}")
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}; known: {list(PAPERS)}")

    @property
    def size(self) -> tuple[float, float]:
        w, h = PAPERS[self.paper]
        return (max(w, h), min(w, h)) if self.landscape else (min(w, h), max(w, h))

    def font(self, bold: bool, text: str = "") -> str:
        regular, heavy = _register(self.family)
        name = heavy if bold else regular
        if text and not all(_has_glyph(name, ch) for ch in text if ch != " "):
            regular, heavy = _register(FALLBACK)
            name = heavy if bold else regular
        return name

    def width(self, text: str, bold: bool, size: float) -> float:
        return pdfmetrics.stringWidth(text, self.font(bold, text), size)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Lines broken at spaces only; ``\\n`` in a heading is a forced break."""
        if not text:
            return []
        return simpleSplit(text, self.font(bold, text), size, width)


DEFAULT_LOOK = Look()


WEIGHTS = {
    "lead": 0.6,
    "sasaran": 3.8,
    "indikator": 4.4,
    "target": 1.5,
    "kegiatan": 4.8,
    "pelaksana": 2.9,
}


@dataclass(frozen=True)
class Col:
    role: str  # lead, sasaran, indikator, target, kegiatan, period, pelaksana
    heading: str
    x0: float
    x1: float
    period: int = 0

    @property
    def inner(self) -> float:
        return self.x1 - self.x0


# --------------------------------------------------------------------------- columns


def cell_text(row: SampleRow, col: Col) -> str:
    if col.role == "lead":
        return row.lainnya.get(col.heading.lower(), "")
    return {
        "sasaran": row.sasaran,
        "indikator": row.indikator,
        "target": row.target,
        "kegiatan": row.kegiatan,
        "pelaksana": row.pelaksana,
    }.get(col.role, "")


def columns(
    doc: SampleDoc,
    headings: Headings,
    periods: tuple[str, ...],
    leading_columns: tuple[str, ...],
    size: float,
    pad: float,
    margin: float,
    look: Look = DEFAULT_LOOK,
    period_width: float | None = None,
    weights: dict[str, float] | None = None,
) -> list[Col]:
    """Column edges: periods fixed (0.7 cm for months, as Word offices set them, unless
    ``period_width`` says), the text columns sharing the rest by weight, but none narrower
    than its longest word (so no word is ever broken)."""
    h = headings
    spec: list[tuple[str, str]] = [("lead", name) for name in leading_columns]
    spec += [
        ("sasaran", h.sasaran),
        ("indikator", h.indikator),
        ("target", h.target),
        ("kegiatan", h.kegiatan),
        ("pelaksana", h.pelaksana),
    ]
    period_w = period_width or (20.0 if len(periods) == 12 else 38.0)
    # A label never touches the next one: Word would wrap it rather than overprint.
    period_w = max(period_w, max(look.width(p, True, size) for p in periods) + pad + 1)
    usable = look.size[0] - 2 * margin
    free = usable - period_w * len(periods)
    minimum: list[float] = []
    for role, heading in spec:
        probe = Col(role, heading, 0, 0)
        words = [w for r in doc.rows for w in cell_text(r, probe).split()]
        widest = max(
            [look.width(w, False, size) for w in words]
            + [look.width(w, True, size) for w in heading.split()]
        )
        minimum.append(widest + 2 * pad + 1)
    share = {**WEIGHTS, **(weights or {})}
    ws = [share[role] for role, _ in spec]
    widths = [free * w / sum(ws) for w in ws]
    for _ in spec:  # pin too-narrow columns at their minimum, rescale the others
        short = [i for i, w in enumerate(widths) if w < minimum[i]]
        if not short:
            break
        for i in short:
            widths[i] = minimum[i]
        loose = [i for i in range(len(spec)) if widths[i] > minimum[i]]
        rest = free - sum(widths[i] for i in range(len(spec)) if i not in loose)
        total = sum(ws[i] for i in loose)
        for i in loose:
            widths[i] = rest * ws[i] / total
    if sum(widths) > free + 0.5:
        raise ValueError(
            f"{doc.name}: the columns need {sum(widths) + period_w * len(periods):.0f}"
            f" pt, the page has {usable:.0f}"
        )
    cols: list[Col] = []
    x = margin
    for (role, heading), w in zip(spec, widths):
        if role == "pelaksana":
            for n, label in enumerate(periods, start=1):
                cols.append(Col("period", label, x, x + period_w, n))
                x += period_w
        cols.append(Col(role, heading, x, x + w))
        x += w
    return cols


# --------------------------------------------------------------------------- page geometry


class Page:
    """One page being drawn, addressed top-down in points as displayed, whatever its storage."""

    def __init__(self, c: Canvas, turn: Turn, look: Look = DEFAULT_LOOK) -> None:
        self.c = c
        self.turn = turn
        self.look = look
        w, h = look.size
        self.height = h
        # reportlab takes the page size as displayed and swaps the MediaBox itself when
        # the page has /Rotate 90 or 270; drawing still happens in MediaBox space.
        if turn == "r90":  # MediaBox turned, shown as drawn
            c.setPageSize((w, h))
            c.saveState()
            c.translate(h, 0)  # the drawing on the turned page, a quarter round
            c.rotate(90)
        elif turn == "r270":  # MediaBox as drawn, shown sideways
            c.setPageSize((h, w))
            c.saveState()
        else:
            c.setPageSize((w, h))
            c.saveState()

    def y(self, top: float) -> float:
        return self.height - top

    def text(self, x: float, top: float, s: str, size: float, bold: bool = False) -> None:
        """``top`` is the top of the line box; the baseline sits 0.8 em below it. With
        ``Look.word_runs`` each word is placed where it would stand, no space drawn."""
        look = self.look
        y = self.y(top + 0.8 * size)
        if not look.word_runs:
            self.c.setFont(look.font(bold, s), size)
            self.c.drawString(x, y, s)
            return
        done = ""
        for word in s.split(" "):
            if word:
                self.c.setFont(look.font(bold, word), size)
                self.c.drawString(x + look.width(done, bold, size), y, word)
            done += word + " "

    def centred(self, x0: float, x1: float, top: float, s: str, size: float, bold: bool) -> None:
        w = self.look.width(s, bold, size)
        self.text((x0 + x1 - w) / 2, top, s, size, bold)

    def hline(self, top: float, x0: float, x1: float) -> None:
        self.c.line(x0, self.y(top), x1, self.y(top))

    def vline(self, x: float, top: float, bottom: float) -> None:
        self.c.line(x, self.y(top), x, self.y(bottom))

    def tick(self, x: float, top: float, size: float, style: MarkStyle) -> None:
        """A drawn check mark ``size`` points square, its top-left corner at ``(x, top)``."""
        c = self.c
        x0, y0 = x, self.y(top + size)  # lower-left corner in PDF space

        def at(u: float, v: float) -> tuple[float, float]:
            return x0 + u * size, y0 + v * size

        c.saveState()
        c.setLineWidth(0.9)
        self._tick(at, style)
        c.restoreState()

    def _tick(self, at: At, style: MarkStyle) -> None:
        c = self.c
        if style == "lines":
            a, b, d = (at(*p) for p in _TICK)
            c.lines([(*a, *b), (*b, *d)])
        elif style == "curve":
            a, b, d = (at(*p) for p in _TICK)
            path = c.beginPath()
            path.moveTo(*a)
            path.curveTo(*at(0.1, 0.3), *at(0.2, 0.15), *b)
            path.lineTo(*d)
            c.drawPath(path, stroke=1, fill=0)
        elif style == "polygon":
            path = c.beginPath()
            path.moveTo(*at(*_TICK_OUTLINE[0]))
            for p in _TICK_OUTLINE[1:]:
                path.lineTo(*at(*p))
            path.close()
            c.drawPath(path, stroke=0, fill=1)
        elif style == "image":
            x, y = at(0, 0)
            c.drawImage(ImageReader(tick_picture()), x, y, *_span(at))
        else:
            raise ValueError(f"not a drawn mark style: {style!r}")

    def finish(self) -> None:
        self.c.restoreState()
        self.c.setPageRotation({"": 0, "r90": 90, "r270": 270}[self.turn])
        self.c.showPage()


def _span(at: At) -> tuple[float, float]:
    (x0, y0), (x1, y1) = at(0, 0), at(1, 1)
    return x1 - x0, y1 - y0


@lru_cache(maxsize=1)
def tick_picture() -> Any:
    """A 16 px black tick on white, as a check pasted into Word as a picture looks."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (16, 16), 255)
    ImageDraw.Draw(image).line([(2, 8), (6, 13), (14, 2)], fill=0, width=2)
    return image
