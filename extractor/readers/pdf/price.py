"""What reading a PDF page will cost in memory, told before the library pays it.

A PDF's size says nothing of its cost: 1.5 MB of zlib inflates to 1.5 GiB of content
stream, which pdfminer holds whole and then parses; a 770-byte page 200 inches square
rendered for OCR at scan resolution is a 30000 x 30000 bitmap. Three prices are taken where
the cost is decided, against the file's memory budget (``--max-memory``), and a page that
would not fit is refused with ``MemoryLimitExceeded`` (exit 2), not left to the worker's
address-space limit (which is only there as a backstop, and only where the worker can set it):

- ``price_contents``: the decoded size of the page's content streams and of the form
  XObjects they may draw, counted in bounded chunks (zlib with ``max_length``) and no further
  than the budget, before pdfminer decodes and parses them;
- ``PricedDevice``: each glyph and path element pdfminer lays out, priced as it is made (what
  the page draws, not how long its stream is, is most of the cost of a real page);
- ``render_dpi``: the pixels of an OCR render and of the pictures pdfium decodes for it,
  before it renders.

The per-unit costs are measured, upper estimates (``tests/bad/measure_pdf_cost.py`` measures
them again: peak resident memory of a page over what it holds).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pdfminer.lzw import LZWDecoder
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfinterp import LITERAL_FORM
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_CCITTFAX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
    PDFStream,
    ascii85decode,
    asciihexdecode,
    resolve1,
)
from pdfminer.psparser import PSLiteral
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

from ...errors import MemoryLimitExceeded
from ...options import ExtractOptions

# Per decoded byte of content stream: pdfminer holds the stream and, until the next operator,
# every operand parsed from it. Measured 1.8 (spaces) to 43 (nested arrays, the costliest
# content that draws nothing).
CONTENT_BYTES = 48
# Per glyph laid out: pdfminer's LTChar and pdfplumber's dict of it (measured 2.3 to 2.5 KB).
GLYPH_BYTES = 2600
# Per path element (a move, line, curve or rectangle corner) laid out: LTLine, LTRect or
# LTCurve, its points and pdfplumber's dict (measured 1.1 KB for rectangles, 1.6 KB for lines).
PATH_ELEMENT_BYTES = 1700
# Per pixel of an OCR render: the pdfium bitmap, its grey copy and the scan reader's working
# images (measured 46 to 53 B/px on the scan samples at 150 to 300 dpi).
PIXEL_BYTES = 56
# Per byte of a picture's decoded samples: pdfium decodes a picture whole to paint it
# (measured 0.8 for RGB to 1.3 for grey).
SAMPLE_BYTES = 1.5

# Per char of pdfium's text page (``FPDFText_LoadPage``), which pdfium builds whole before
# any char can be read and priced (measured 97 to 100 B on pages of 0.2 and 2 million
# glyphs). A page draws at most one glyph per decoded byte of its content streams.
TEXT_PAGE_CHAR_BYTES = 120

_CHUNK = 1 << 20  # inflate this much at a time


@dataclass(frozen=True, slots=True)
class Budget:
    """The memory one file may use, and the file to blame past it."""

    file: str
    limit_mb: int
    total: int | None  # bytes; None: no limit

    @classmethod
    def of(cls, file: str, options: ExtractOptions) -> Budget:
        return cls(file, options.memory_mb, options.memory_bytes)

    def refuse(self, what: str) -> MemoryLimitExceeded:
        return MemoryLimitExceeded(self.file, self.limit_mb, what)


# --- content streams ---------------------------------------------------------------------


def price_contents(page: Any, number: int, budget: Budget) -> int:
    """Refuse the page when its content streams (and the forms they may draw) decode past
    the budget; return what holding and parsing them will cost, in bytes."""
    if budget.total is None:
        return 0
    limit = budget.total // CONTENT_BYTES
    size = 0
    for stream in _streams(page):
        size += decoded_size(stream, limit - size)
        if size > limit:
            raise budget.refuse(f"halaman/page {number}: content streams over "
                                f"{limit // (1 << 20)} MB decoded")
    return size * CONTENT_BYTES


def _streams(page: Any) -> Iterator[PDFStream]:
    """The page's content streams, then each form XObject reachable from its resources,
    once each however often it is drawn (pdfminer decodes a stream once)."""
    seen: set[int] = set()
    for ref in page.contents:
        stream = resolve1(ref)
        if isinstance(stream, PDFStream) and id(stream) not in seen:
            seen.add(id(stream))
            yield stream
    pending = [page.resources]
    while pending:
        xobjects = _dict(_dict(pending.pop()).get("XObject"))
        for ref in xobjects.values():
            form = resolve1(ref)
            if not isinstance(form, PDFStream) or id(form) in seen:
                continue
            if resolve1(form.get("Subtype")) is LITERAL_FORM:
                seen.add(id(form))
                yield form
                pending.append(form.get("Resources"))


def _dict(value: object) -> dict[Any, Any]:
    value = resolve1(value)
    return value if isinstance(value, dict) else {}


def decoded_size(stream: PDFStream, limit: int) -> int:
    """The length of ``stream`` once decoded, counted no further than past ``limit``.

    Every filter pdfminer applies is applied here in bounded pieces, and only a filter's
    output that another filter reads is kept (it is at most ``limit`` bytes). Damaged data
    ends the count where pdfminer's decoding would end it.
    """
    if stream.data is not None:
        return len(stream.data)
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    filters = stream.get_filters()
    size = len(data)
    for n, (name, params) in enumerate(filters):
        keep = n < len(filters) - 1
        size, parts = 0, []
        for piece in _decode(name, params, data):
            size += len(piece)
            if size > limit:
                return size
            if keep:
                parts.append(piece)
        data = b"".join(parts)
    return size


def _decode(name: object, params: object, data: bytes) -> Iterator[bytes]:
    """One filter's output in pieces; a filter pdfminer leaves alone (images' own codecs)
    passes the data through."""
    try:
        if name in LITERALS_FLATE_DECODE:
            yield from _inflate(data)
        elif name in LITERALS_LZW_DECODE:
            yield from LZWDecoder(io.BytesIO(data)).run()
        elif name in LITERALS_RUNLENGTH_DECODE:
            yield from _run_length(data)
        elif name in LITERALS_ASCII85_DECODE:
            yield ascii85decode(data)  # these shrink what they decode
        elif name in LITERALS_ASCIIHEX_DECODE:
            yield asciihexdecode(data)
        elif name in LITERALS_CCITTFAX_DECODE:
            # A row of fax takes at least a bit, so this bounds what pdfminer would make.
            columns = _int(_dict(params).get("Columns"), 1728)
            rows = _int(_dict(params).get("Rows"), 0) or 8 * len(data)
            yield bytes(min(rows, 8 * len(data)) * ((columns + 7) // 8))  # zero pages: free
        else:
            yield data
    except (zlib.error, PDFException, ValueError, EOFError):
        return


def _int(value: object, default: int) -> int:
    value = resolve1(value)
    return value if isinstance(value, int) and value > 0 else default


def _inflate(data: bytes) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    while not inflater.eof:
        piece = inflater.decompress(data, _CHUNK)
        data = inflater.unconsumed_tail
        if not piece and not data:
            return  # the input ran out before the end of the stream
        yield piece


def _run_length(data: bytes) -> Iterator[bytes]:
    at = 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            yield data[at + 1 : at + 2 + length]
            at += length + 2
        else:
            yield data[at + 1 : at + 2] * (257 - length)
            at += 2


# --- what the page draws -----------------------------------------------------------------


class PricedDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, refusing the page once what it has laid out (glyphs,
    path elements) would cost more than ``left`` bytes."""

    def __init__(self, rsrcmgr: Any, pageno: int, laparams: Any, budget: Budget,
                 left: int | None) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=laparams)
        self.budget = budget
        self.left = left
        self.glyphs = 0
        self.elements = 0
        self._painting = False

    def _spend(self, cost: int) -> None:
        if self.left is None:
            return
        self.left -= cost
        if self.left < 0:
            raise self.budget.refuse(f"halaman/page {self.pageno}: over {self.glyphs} glyphs "
                                     f"and {self.elements} path elements")

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self.glyphs += 1
        self._spend(GLYPH_BYTES)
        return super().render_char(*args, **kwargs)

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool,
                   path: Sequence[Any]) -> None:
        # pdfminer paints a path of several subpaths by calling this again for each.
        if not self._painting:
            self.elements += len(path)
            self._spend(PATH_ELEMENT_BYTES * len(path))
        outer, self._painting = self._painting, True
        try:
            super().paint_path(gstate, stroke, fill, evenodd, path)
        finally:
            self._painting = outer


# --- OCR renders -------------------------------------------------------------------------


def render_dpi(size_pt: tuple[float, float], wanted: float, native: float,
               images: Sequence[dict[str, Any]], number: int, budget: Budget) -> float:
    """The resolution to render a scanned page at within the budget.

    ``wanted`` (the scan reader's choice) when it fits; else the main picture's own
    resolution ``native``, where no pixel of the picture is lost and only the scan reader's
    upsampling is; else the page is refused.
    """
    if budget.total is None:
        return wanted
    pictures = picture_bytes(images)
    for dpi in (wanted, min(wanted, native)):
        if render_pixels(size_pt, dpi) * PIXEL_BYTES + pictures <= budget.total:
            return dpi
    w, h = (round(v * dpi / 72) for v in size_pt)
    what = f"halaman/page {number}: render {w} x {h} px at {dpi:.0f} dpi"
    if pictures:
        what += f", pictures {pictures // (1 << 20)} MB"
    raise budget.refuse(what)


def render_pixels(size_pt: tuple[float, float], dpi: float) -> float:
    return (size_pt[0] * dpi / 72) * (size_pt[1] * dpi / 72)


def picture_bytes(images: Iterable[dict[str, Any]]) -> int:
    """What pdfium holds to paint the page's pictures: each one's decoded samples, once."""
    seen: set[int] = set()
    total = 0.0
    for img in images:
        stream = img.get("stream")
        if id(stream) in seen:
            continue
        seen.add(id(stream))
        try:
            w, h = (int(v) for v in img["srcsize"])
            bits = int(img.get("bits") or 8)
        except (KeyError, TypeError, ValueError):
            continue
        total += w * h * max(bits, 1) * _components(img.get("colorspace")) / 8 * SAMPLE_BYTES
    return int(total)


def _components(spaces: object) -> int:
    """Samples per pixel of a picture's colour space: a grey or indexed picture has one,
    RGB three; anything else is counted as CMYK's four (the most)."""
    first = spaces[0] if isinstance(spaces, list) and spaces else spaces
    space = resolve1(first)
    first = resolve1(space[0]) if isinstance(space, list) and space else space
    name = first.name if isinstance(first, PSLiteral) else str(first or "")
    if name == "ICCBased" and isinstance(space, list) and len(space) > 1:
        profile = resolve1(space[1])
        return _int(profile.get("N"), 4) if isinstance(profile, PDFStream) else 4
    if name in ("DeviceGray", "CalGray", "Indexed", "G", "I"):
        return 1
    if name in ("DeviceRGB", "CalRGB", "Lab", "RGB"):
        return 3
    return 4
