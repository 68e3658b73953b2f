"""Scanned PDF pages to the neutral grid: the PDF reader's fallback for pages without text.

A page is read by OCR when it carries a picture and no usable text layer (no text, or text
that is mostly undecodable glyphs). The pipeline is: render the page at its scan resolution,
deskew, find the ruling (``ocr_grid``), read each cell with Tesseract (``ocr_text``), decide
schedule cells by their ink, and emit the same ``Table``/``TextLine`` objects the PDF reader
emits for a born-digital page, in PDF points, so layout cannot tell the difference except by
``Cell.confidence`` and ``Grid.ocr``.

Decisions a reader must make and layout must not: a cell with no ink (dust removed) is ``""``
even if Tesseract would hallucinate a dot; a cell with ink that reads as no real word is a
check mark (``mark=True``, text ``√``): a blob is what a pen tick or any symbol-font glyph
looks like on paper, and ``√`` is how the contract writes a mark found in a text column.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import UnreadableDocument
from ..grid import Cell, Grid, Table, TextLine
from ..marks import is_mark_text
from ..ocr_fixes import fix_code, fix_numbers
from .pdf_page import PageContent

if TYPE_CHECKING:  # OpenCV, NumPy and Tesseract load only when a page needs OCR
    import numpy as np

    from .ocr_grid import PageImage, PxBox
    from .ocr_text import CellReader, ReadText

MARK_TEXT = "√"
MIN_INK = 0.0005  # share of a cell's area: below this a cell is blank paper
MIN_INK_IN = 0.025  # ...and the ink must amount to at least this square (inches)
SHORT = 4  # a reading this short and less sure than SURE is tried again as one word
SURE = 0.9
MIN_LINE_CONFIDENCE = 0.4  # text outside tables read less surely than this is a picture
SHADED = 0.5  # a cell this much mid-grey is a shaded (arsir) cell
BAND_IN = 0.04  # cell tops closer than this (inches) open the same row band
RENDER_DPI = (150.0, 400.0)  # scans are rendered at their own dpi, within these bounds
MIN_GLYPHS = 20  # fewer visible characters than this is no text layer
MIN_PICTURE = 0.3  # share of the page a picture must cover to be worth OCR
MAX_JUNK = 0.5  # share of undecodable characters beyond which a text layer is junk


@dataclass(slots=True)
class _Placed:
    box: PxBox
    read: ReadText | None
    mark: bool
    shaded: bool


def _is_junk(text: str) -> bool:
    return text.startswith("(cid:") or text == "\ufffd" or (len(text) == 1 and ord(text) < 32)


def has_text_layer(content: PageContent) -> bool:
    """A page whose characters are enough and mostly decodable needs no OCR."""
    chars = [g.text for g in content.glyphs if g.text.strip()]
    if len(chars) < MIN_GLYPHS:
        return False
    junk = sum(1 for t in chars if _is_junk(t))
    return junk / len(chars) <= MAX_JUNK


def _scan_dpi(page: Any) -> float | None:
    """The resolution of the page's main picture, or None when it has no sizeable one."""
    width, height = float(page.width), float(page.height)
    best: tuple[float, float] | None = None
    for img in page.images:
        try:
            w = float(img["x1"]) - float(img["x0"])
            h = float(img["bottom"]) - float(img["top"])
            src_w = float(img["srcsize"][0])
        except (KeyError, TypeError, ValueError, IndexError):
            continue
        area = w * h
        if w > 0 and area >= MIN_PICTURE * width * height and (best is None or area > best[0]):
            best = (area, src_w / (w / 72.0))
    if best is None:
        return None
    return min(max(best[1], RENDER_DPI[0]), RENDER_DPI[1])


@lru_cache(maxsize=1)
def _reader(file: str) -> CellReader:
    """One Tesseract engine per process: loading ind+eng costs about a second."""
    from .ocr_text import CellReader

    return CellReader(file)


def read_scanned_page(page: Any, content: PageContent, number: int, grid: Grid, file: str) -> bool:
    """OCR ``page`` into ``grid`` when it is a scan; return False (doing nothing) otherwise.

    ``page`` is the open pdfplumber page, used only to render it.
    """
    if has_text_layer(content):
        return False
    dpi = _scan_dpi(page)
    if dpi is None:
        return False
    import numpy as np
    from pypdfium2 import PdfiumError

    try:
        rendered = page.to_image(resolution=dpi).original.convert("L")
    except (PdfiumError, OSError, ValueError) as e:
        raise UnreadableDocument(file, f"halaman/page {number}: {e}") from e
    grey = np.asarray(rendered, dtype=np.uint8)
    tables, lines = read_page_image(grey, dpi, number, _reader(file), len(grid.tables))
    grid.tables.extend(tables)
    grid.lines.extend(lines)
    grid.ocr = True
    return True


def read_page_image(
    grey: np.ndarray, dpi: float, number: int, reader: CellReader, tables_before: int = 0
) -> tuple[list[Table], list[TextLine]]:
    """One page image to its tables and its other text lines, in PDF points."""
    from .ocr_grid import cell_boxes, prepare, table_boxes

    image = prepare(grey, dpi)
    tables: list[tuple[PxBox, Table]] = []
    for bbox in table_boxes(image.rules, dpi):
        cells = cell_boxes(image.rules, bbox, dpi)
        if len(cells) < 2:
            continue
        table = _table(image, cells, number, reader)
        if table is not None:
            tables.append((bbox, table))
    lines = _outside_lines(image, [b for b, _ in tables], number, reader, tables_before)
    return [t for _, t in tables], lines


def _read_cell(image: PageImage, box: PxBox, reader: CellReader) -> _Placed:
    from .ocr_grid import grey_share, ink_share, px
    from .ocr_text import ReadText

    dpi = image.dpi
    shaded = grey_share(image.grey, box, dpi) >= SHADED
    share = ink_share(image.ink, box, dpi)
    area = (box[2] - box[0]) * (box[3] - box[1])
    if shaded or share < MIN_INK or share * area < px(MIN_INK_IN, dpi) ** 2:
        return _Placed(box, None, False, shaded)
    tight = _ink_bounds(image, box)
    read = reader.read_cell(_dusted(image, tight), _whole(tight), dpi)
    text = fix_code(fix_numbers(drop_dust(read.text)))
    if len(text) <= SHORT and (read.confidence < SURE or not is_real_text(text)):
        # Read again from the dust-free ink alone: a speck next to a lone glyph is what
        # turns "5" into "BS)"; a full stop, which the first reading keeps, matters less here.
        again = reader.read_cell(255 - image.ink, tight, dpi, short=True)
        again_text = fix_code(fix_numbers(drop_dust(again.text)))
        if is_real_text(again_text) and again.confidence > read.confidence:
            read, text = again, again_text
    if not is_real_text(text) or is_mark_text(text):
        # Ink that reads as no word: a tick, a cross, a symbol-font glyph. Its confidence
        # is how clearly the ink is there, not what Tesseract made of it.
        sure = min(1.0, share / (4 * MIN_INK))
        return _Placed(box, ReadText(MARK_TEXT, sure), True, False)
    return _Placed(box, ReadText(text, read.confidence), False, False)


def _dusted(image: PageImage, box: PxBox) -> np.ndarray:
    """The text picture inside ``box`` with specks that cannot be punctuation erased."""
    from .ocr_specks import erase_dust

    x0, top, x1, bottom = box
    return erase_dust(image.text[top:bottom, x0:x1], image.level)


def _whole(box: PxBox) -> PxBox:
    """``box`` moved to the origin: the box of a crop cut out by it."""
    return (0, 0, box[2] - box[0], box[3] - box[1])


def _ink_bounds(image: PageImage, box: PxBox) -> PxBox:
    """The part of a cell that holds ink, with a small margin.

    Tesseract reads a lone digit in a wide cell far worse than the same digit cropped close:
    its line finder needs the glyph to be a sizeable part of the picture.
    """
    import numpy as np

    from .ocr_grid import px

    x0, top, x1, bottom = box
    m = px(0.01, image.dpi)
    ys, xs = np.nonzero(image.ink[top + m : bottom - m, x0 + m : x1 - m])
    if len(ys) == 0:
        return box
    pad = px(0.03, image.dpi)
    return (
        max(x0, x0 + m + int(xs.min()) - pad),
        max(top, top + m + int(ys.min()) - pad),
        min(x1, x0 + m + int(xs.max()) + 1 + pad),
        min(bottom, top + m + int(ys.max()) + 1 + pad),
    )


def is_real_text(text: str) -> bool:
    """Whether OCR output is writing rather than a mark read as stray letters.

    Writing has two letters or digits (``B1``, ``3,5``, ``Subbag``) or is a single digit (a
    column number); ``v/``, ``J`` or punctuation alone are what Tesseract makes of a tick.
    """
    s = "".join(text.split())
    if not s:
        return False
    if len(s) == 1:
        return s.isdigit()
    return sum(1 for ch in s if ch.isalnum()) >= 2


_DUST_TOKENS = frozenset(".'`‘’\"")


def drop_dust(text: str) -> str:
    """Remove tokens that are only dots or quotes: specks Tesseract read as glyphs.

    Writing never has a full stop standing alone between spaces; a full stop glued to a word
    (``Subbag.``) is kept. A comma standing alone is kept (typists write ``meja , kursi``):
    its tail below the baseline is a shape dust lacks, and specks in places where no
    punctuation sits were already erased from the picture (``ocr_specks``).
    """
    lines = []
    for line in text.split("\n"):
        words = [w for w in line.split() if not set(w) <= _DUST_TOKENS]
        if words:
            lines.append(" ".join(words))
    return "\n".join(lines)


def _bands(boxes: list[PxBox], tol: int) -> list[int]:
    """Row band tops: cell tops within ``tol`` pixels of each other are one band."""
    tops = sorted(b[1] for b in boxes)
    bands: list[int] = []
    for t in tops:
        if not bands or t - bands[-1] > tol:
            bands.append(t)
    return bands


def _table(image: PageImage, boxes: list[PxBox], number: int, reader: CellReader) -> Table | None:
    """Rows of cells top to bottom; a cell spanning bands is continued in the lower ones."""
    from .ocr_grid import px

    dpi = image.dpi
    to_pt = 72.0 / dpi
    tol = px(BAND_IN, dpi)
    bands = _bands(boxes, tol)
    placed = [_read_cell(image, b, reader) for b in boxes]
    rows: list[list[Cell]] = []
    for n, band in enumerate(bands):
        band_bottom = bands[n + 1] if n + 1 < len(bands) else max(b[3] for b in boxes)
        row: list[Cell] = []
        for p in placed:
            x0, top, x1, bottom = p.box
            left, right = x0 * to_pt, x1 * to_pt
            if abs(top - band) <= tol:
                read = p.read
                row.append(
                    Cell(
                        text=read.text if read else "",
                        top=top * to_pt,
                        bottom=bottom * to_pt,
                        mark=p.mark,
                        shaded=p.shaded,
                        confidence=read.confidence if read else None,
                        x0=left,
                        x1=right,
                        page=number,
                    )
                )
            elif top < band - tol and bottom > band + tol:
                row.append(
                    Cell(
                        text="",
                        top=band * to_pt,
                        bottom=min(bottom, band_bottom) * to_pt,
                        shaded=p.shaded,
                        continued=True,
                        x0=left,
                        x1=right,
                        page=number,
                    )
                )
        if row:
            row.sort(key=lambda c: c.x0)
            rows.append(row)
    return Table(rows=rows, page=number) if rows else None


def _outside_lines(
    image: PageImage, tables: list[PxBox], number: int, reader: CellReader, tables_before: int
) -> list[TextLine]:
    """Text lines of the page outside its tables: title, unit, year, signature block."""
    from .ocr_grid import text_blocks

    out: list[TextLine] = []
    for box in text_blocks(image.ink, tables, image.dpi):
        read = reader.read_cell(_dusted(image, box), _whole(box), image.dpi)
        if read.confidence < MIN_LINE_CONFIDENCE:
            continue  # a logo, a stamp, a signature scrawl
        mid = (box[1] + box[3]) / 2
        after = tables_before + sum(1 for t in tables if t[1] < mid)
        for text in read.text.split("\n"):
            text = fix_numbers(drop_dust(text))
            if is_real_text(text):
                out.append(TextLine(text=text, page=number, after_tables=after))
    return out
