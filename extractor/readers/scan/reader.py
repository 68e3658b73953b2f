"""Scanned PDF pages to the neutral grid: the PDF reader's fallback for pages without text.

A page is read by OCR when it carries a picture and no usable text layer (no text, or text
that is mostly undecodable glyphs). The pipeline is: render the page at its scan resolution,
measure, flatten, deskew and binarise it (``scan.image``), find the ruling and its cells
(``scan.grid``), decide by ink which cells hold anything (``scan.marks``), read those with
Tesseract (``scan.text``), and emit the same ``Table``/``TextLine`` objects the PDF reader
emits for a born-digital page, in PDF points, so layout cannot tell the difference except by
``Cell.confidence``, ``Cell.doubts`` and ``Grid.ocr``. What the reader saw and measured goes
into one ``PageView`` per page.

Decisions a reader must make and layout must not: a cell with no more ink than the page's
blank cells (dust removed) is ``""`` even if Tesseract would hallucinate a dot; a cell with
ink that reads as no real word is a check mark (``mark=True``, text ``√``): a blob is what a
pen tick or any symbol-font glyph looks like on paper, and ``√`` is how the contract writes a
mark found in a text column. A filled cell is ``shaded`` and its text is still read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ... import doubts
from ...errors import UnreadableDocument
from ...grid import Cell, Grid, Table, TextLine
from ...marks import is_mark_text
from ...ocr_fixes import fix_code, fix_numbers
from ...ocr_words import WordSettings, mend_cells
from ...ruled_settings import RuledSettings
from ...seen import PageView
from ..pdf.page import PageContent
from ..pdf.price import Budget, render_dpi
from .settings import ScanSettings

if TYPE_CHECKING:  # OpenCV, NumPy and Tesseract load only when a page needs OCR
    import numpy as np

    from .image import Measures, PageImage, PxBox
    from .marks import InkThreshold, MarkShapes
    from .text import CellReader, ReadText

MARK_TEXT = "√"


@dataclass(slots=True)
class _Placed:
    box: PxBox
    read: ReadText | None
    mark: bool
    shaded: bool
    doubts: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)  # words read less surely than unsure_word


@dataclass(slots=True)
class PageReading:
    """One scanned page as the grid wants it, and what the reader saw on it."""

    tables: list[Table]
    lines: list[TextLine]
    view: PageView
    # A page with no ruled table: its words as glyphs, for the born-digital page reader.
    content: PageContent | None = None
    # ... and its text lines, read only if that reader finds no table in the words: read
    # line by line they are the whole page a second time, which, with the page's words
    # already read once, is most of the page's time and wasted whenever a table is found.
    # They are read with the engine given (the one free in the thread that asks).
    later_lines: Callable[[CellReader], list[TextLine]] | None = None

    def text_lines(self, reader: CellReader) -> list[TextLine]:
        return self.later_lines(reader) if self.later_lines is not None else self.lines


def _is_junk(text: str) -> bool:
    return text.startswith("(cid:") or text == "\ufffd" or (len(text) == 1 and ord(text) < 32)


def has_text_layer(content: PageContent, settings: ScanSettings | None = None) -> bool:
    """A page whose characters are enough and mostly decodable needs no OCR."""
    settings = settings or ScanSettings()
    chars = [g.text for g in content.glyphs if g.text.strip()]
    if len(chars) < settings.min_glyphs:
        return False
    # Junk begins with "(", U+FFFD or a control character: only those are looked at (every
    # glyph of every page comes through here).
    junk = sum(1 for t in chars if (t[0] in "(\ufffd" or t < " ") and _is_junk(t))
    return junk / len(chars) <= settings.max_junk_ratio


def _picture_dpi(page: Any, settings: ScanSettings) -> float | None:
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
        if w > 0 and area >= settings.min_picture_ratio * width * height:
            if best is None or area > best[0]:
                best = (area, src_w / (w / 72.0))
    return None if best is None else best[1]


_ENGINE: list[CellReader] = []  # the process's one engine, once a scan needed it


def _reader(file: str) -> CellReader:
    """One Tesseract engine per process, whatever file needs it (loading ind+eng costs about
    a second), ended when the process exits. ``file`` names the document in the message
    when Tesseract is missing."""
    if not _ENGINE:
        import atexit

        from .text import CellReader

        engine = CellReader(file)
        atexit.register(engine.__exit__, None, None, None)
        _ENGINE.append(engine)
    return _ENGINE[0]


def read_scanned_page(
    page: Any,
    content: PageContent,
    number: int,
    grid: Grid,
    file: str,
    settings: ScanSettings | None = None,
    budget: Budget | None = None,
    lay_out: Callable[[PageContent], bool] | None = None,
    ruled: RuledSettings | None = None,
) -> bool:
    """OCR ``page`` into ``grid`` when it is a scan; return False (doing nothing) otherwise.

    A page with no ruled table is read whole and given, as glyphs, to ``lay_out`` (the
    born-digital page reader, which finds tables without ruling by alignment) when there is
    one; when it finds no table there either, the page's text lines are read as those
    around a ruled table are (a signature page: stamps and scrawls kept out line by line).

    ``page`` is the open pdfplumber page, used only to render it (``scan_dpi``). This
    reads the page with the process's one engine, there and then; ``scan.pages`` reads a
    file's pages with several at once.
    """
    settings = settings or ScanSettings()
    dpi = scan_dpi(page, content, number, settings, budget)
    if dpi is None:
        return False
    pixels = render(page, dpi, number, file)
    engine = _reader(file)
    reading = read_rendered(pixels, dpi, number, engine, settings, ruled if lay_out else None)
    put_reading(reading, grid, lay_out, lambda: reading.text_lines(engine))
    return True


def scan_dpi(
    page: Any,
    content: PageContent,
    number: int,
    settings: ScanSettings,
    budget: Budget | None = None,
) -> float | None:
    """The resolution to render ``page`` at for OCR; None when it is no scan.

    Its picture's resolution within the scan reader's bounds, or lower where ``budget``
    (the file's memory budget) cannot hold that render (``pdf.price.render_dpi``)."""
    if has_text_layer(content, settings):
        return None
    native = _picture_dpi(page, settings)
    if native is None:
        return None
    dpi = min(max(native, settings.min_render_dpi), settings.max_render_dpi)
    if budget is not None:
        size = (float(page.width), float(page.height))
        dpi = render_dpi(size, dpi, native, page.images, number, budget)
    return dpi


def render(page: Any, dpi: float, number: int, file: str) -> np.ndarray:
    """The open pdfplumber page's pixels at ``dpi``: grey for a grey or 1-bit scan, else RGB."""
    import numpy as np
    from pypdfium2 import PdfiumError

    try:
        rendered = page.to_image(resolution=dpi).original
        return np.asarray(rendered.convert("L" if rendered.mode in ("1", "L") else "RGB"))
    except (PdfiumError, OSError, ValueError) as e:
        raise UnreadableDocument(file, f"halaman/page {number}: {e}") from e


def read_rendered(
    pixels: np.ndarray,
    dpi: float,
    number: int,
    reader: CellReader,
    settings: ScanSettings,
    ruled: RuledSettings | None,
) -> PageReading:
    """A rendered page read (``read_page_image``) as if no table came before it: the lines'
    ``after_tables`` count from the page's first table (``put_reading`` adds the rest)."""
    from .image import to_grey

    return read_page_image(to_grey(pixels, settings), dpi, number, reader, settings, 0, ruled)


def put_reading(
    reading: PageReading,
    grid: Grid,
    lay_out: Callable[[PageContent], bool] | None,
    text_lines: Callable[[], list[TextLine]],
) -> None:
    """Add a page read by ``read_rendered`` to ``grid``: through ``lay_out`` when the page
    had no ruled table and it finds one in the words; else its tables and ``text_lines``
    (its lines, read if they were not yet), after the tables of the pages before it."""
    grid.ocr = True
    seen = len(grid.seen)
    if reading.content is not None and lay_out is not None and lay_out(reading.content):
        for view in grid.seen[seen:]:
            view.method = f"ocr, {view.method}"
            view.measures.update(reading.view.measures)
            view.notes.extend(reading.view.notes)
        return
    before = len(grid.tables)
    grid.tables.extend(reading.tables)
    lines = text_lines()
    for line in lines:
        line.after_tables += before
    grid.lines.extend(lines)
    grid.seen.append(reading.view)


def mend_scanned_words(grid: Grid, pages: set[int], settings: WordSettings) -> int:
    """Mend OCR slips in the table cells of the scanned ``pages`` from the words of the
    whole document (``extractor.ocr_words``); return how many cells changed. The cells of
    each table's last row may go on over the page break."""
    tables = [t for t in grid.tables if t.page in pages]
    cells = [c for t in tables for row in t.rows for c in row if not c.mark]
    open_ended = {id(c) for t in tables if t.rows for c in t.rows[-1]}
    lines = [ln.text for ln in grid.lines if ln.page in pages]
    return mend_cells(cells, lines, settings, open_ended)


def read_page_image(
    grey: np.ndarray,
    dpi: float,
    number: int,
    reader: CellReader,
    settings: ScanSettings | None = None,
    tables_before: int = 0,
    ruled: RuledSettings | None = None,
) -> PageReading:
    """One page image to its tables, its other text lines and its view, in PDF points.

    With ``ruled`` (the settings the born-digital reader measures pages by), a page with no
    ruled table comes back as ``content``: its words as glyphs, for that reader."""
    from .grid import cell_boxes, table_boxes
    from .image import prepare
    from .marks import MarkShapes

    settings = settings or ScanSettings()
    image = prepare(grey, dpi, settings)
    found: list[tuple[PxBox, list[PxBox]]] = []
    for bbox in table_boxes(image.rules, image.m, settings):
        cells = cell_boxes(image.rules, bbox, image.m, settings)
        if len(cells) >= 2:
            found.append((bbox, cells))
    threshold = page_threshold(image, [c for _, cells in found for c in cells], settings)
    view = _view(image, number)
    to_pt = 72.0 / dpi
    view.measures.update(
        blank_ink_units=round(threshold.blank, 3),
        empty_cell_ink_units=round(threshold.empty_ink, 3),
        speck_pt=round(image.m.of_text(settings.speck_text) * to_pt, 2),
        row_band_pt=round(image.m.of_text(settings.band_text) * to_pt, 2),
    )
    if not found and ruled is not None:
        from .unruled import unruled_content

        content = unruled_content(image, reader, settings, ruled)
        if content is not None:
            return PageReading(
                [], [], view, content,
                lambda engine: _outside_lines(image, [], number, engine, tables_before, settings),
            )  # fmt: skip
    shapes = MarkShapes(image.m, settings)
    tables: list[tuple[PxBox, Table]] = []
    for bbox, cells in found:
        table = _table(image, cells, number, reader, threshold, shapes, settings, view)
        if table is not None:
            tables.append((bbox, table))
            view.tables.append(_pt_box(bbox, dpi))
    lines = _outside_lines(image, [b for b, _ in tables], number, reader, tables_before, settings)
    return PageReading([t for _, t in tables], lines, view)


def _pt_box(box: PxBox, dpi: float) -> tuple[float, float, float, float]:
    k = 72.0 / dpi
    return (box[0] * k, box[1] * k, box[2] * k, box[3] * k)


def _view(image: PageImage, number: int) -> PageView:
    h, w = image.grey.shape
    k = 72.0 / image.m.dpi
    view = PageView(page=number, width=w * k, height=h * k, method="ocr")
    view.measures.update(image.m.as_dict())
    view.notes.append("coordinates are those of the page turned back by skew_deg")
    if image.m.bilevel:
        view.notes.append("1-bit copy: strokes closed and softened before reading")
    return view


def page_threshold(image: PageImage, cells: list[PxBox], settings: ScanSettings) -> InkThreshold:
    from .grid import ink_pixels
    from .marks import glyph_units, ink_threshold

    margin = image.m.px(settings.trim_in)
    units = [glyph_units(ink_pixels(image.ink, c, margin), image.m) for c in cells]
    return ink_threshold(units, settings)


def read_cell(
    image: PageImage,
    box: PxBox,
    reader: CellReader,
    threshold: InkThreshold,
    shapes: MarkShapes,
    settings: ScanSettings,
) -> _Placed:
    """One cell: blank, a mark, or its text, with the doubts of the reading."""
    from .bands import every_line
    from .grid import fill_share, ink_pixels, inner
    from .image import glyph_height
    from .marks import glyph_units
    from .text import ReadText

    m = image.m
    shaded = fill_share(image.fill, image.ink, box, m, settings) >= settings.shaded_ratio
    units = glyph_units(ink_pixels(image.ink, box, m.px(settings.trim_in)), m)
    unsure = [doubts.MARK_UNSURE] if threshold.is_unsure(units) else []
    if threshold.is_blank(units):
        return _Placed(box, None, False, shaded, unsure)
    x0, top, x1, bottom = inner(box, m.px(settings.trim_in))
    ink = image.ink[top:bottom, x0:x1]
    shape = shapes.shape(ink)
    # Its confidence is how clearly the ink is there, not what Tesseract made of it.
    as_mark = _Placed(box, ReadText(MARK_TEXT, threshold.sureness(units)), True, shaded, unsure)
    if shapes.is_known(shape):
        return as_mark
    tight = _ink_bounds(image, box, settings)
    height = glyph_height(ink, m)
    one_line = _is_one_line(tight, height, m, settings)
    erased: list[tuple[int, int, int, int]] = []
    picture = _dusted(image, tight, settings, erased)
    look = _Look(picture, height, one_line)
    read = reader.read(picture, m, settings, one_line, height=height)
    if not one_line:
        read = every_line(picture, read, m, settings, reader, height)
    text = fix_code(fix_numbers(drop_dust(read.text)))
    if len(text) <= settings.short_chars:
        read, text = _vote(look, m, settings, reader, read, text)
    # One blob read unsurely as a letter pair ("Jv", "vl") is a tick too: no two-letter
    # word is written as a single stroke.
    stroke_letters = (
        shape is not None
        and len(text) == 2
        and not text.isdigit()
        and read.confidence < settings.ocr_low
    )
    if not is_real_text(text) or is_mark_text(text) or stroke_letters:
        # Ink that reads as no word: a tick, a cross, a symbol-font glyph.
        shapes.remember(shape)
        return as_mark
    low = [doubts.OCR_LOW] if read.confidence < settings.ocr_low else []
    low += [doubts.OCR_SPECK_ERASED] if erased else []
    return _Placed(box, ReadText(text, read.confidence), False, shaded, low,
                   unsure_words(read, text, settings))


def unsure_words(read: ReadText, text: str, settings: ScanSettings) -> list[str]:
    """The words of the cell's text Tesseract read less surely than ``unsure_word``: the
    evidence judges them against the dictionary and the document's own words."""
    kept = set(text.split())
    return [w for w, conf in read.words if conf < settings.unsure_word and w in kept]


def _is_one_line(tight: PxBox, height: float, m: Measures, settings: ScanSettings) -> bool:
    """Whether ink cropped close (``_ink_bounds``) is one line of glyphs ``height`` tall."""
    ink_height = tight[3] - tight[1] - 2 * m.px(settings.ink_pad_in)
    return ink_height <= settings.one_line_text * height


@dataclass(frozen=True, slots=True)
class _Look:
    """A cell's picture as Tesseract is shown it: the crop, its glyphs' height, one line?"""

    picture: np.ndarray
    height: float
    one_line: bool


def _vote(
    look: _Look,
    m: Measures,
    settings: ScanSettings,
    reader: CellReader,
    read: ReadText,
    text: str,
) -> tuple[ReadText, str]:
    """A lone short word is what Tesseract reads least surely (a small bold "B8" as "BS" or
    "88", a "7" as a tick), and how it reads one changes with the scale. Read it again at
    another scale: two readings that agree stand; otherwise a third decides, and among
    equals the surer wins. What reads as no word at all is most often a mark: one more
    look is enough to catch a digit that a speck spoilt."""
    from .text import ReadText

    votes: dict[str, list[float]] = {}
    if is_real_text(text):
        votes[text] = [read.confidence]
    for scale in settings.reread_scales:
        again = reader.read(look.picture, m, settings, look.one_line, scale, look.height)
        again_text = fix_code(fix_numbers(drop_dust(again.text)))
        if is_real_text(again_text):
            votes.setdefault(again_text, []).append(again.confidence)
        if not votes or any(len(v) >= 2 for v in votes.values()):
            break  # no word in two looks, or two looks agree
    if not votes:
        return read, text
    best, confs = max(votes.items(), key=lambda kv: (len(kv[1]), max(kv[1])))
    return ReadText(best, max(confs)), best


def _dusted(
    image: PageImage, box: PxBox, settings: ScanSettings,
    erased: list[tuple[int, int, int, int]] | None = None,
) -> np.ndarray:
    """The text picture inside ``box`` with specks that cannot be punctuation erased; those
    that may have been go to ``erased``."""
    from .specks import erase_dust

    x0, top, x1, bottom = box
    crop = image.text[top:bottom, x0:x1]
    return erase_dust(crop, 128.0, image.m.text, settings, image.m.dot, erased, image.m.dot_dark)


def _ink_bounds(image: PageImage, box: PxBox, settings: ScanSettings) -> PxBox:
    """The part of a cell that holds ink, with a small margin.

    Tesseract reads a lone digit in a wide cell far worse than the same digit cropped close:
    its line finder needs the glyph to be a sizeable part of the picture.
    """
    import numpy as np

    x0, top, x1, bottom = box
    m = image.m.px(settings.trim_in)
    ys, xs = np.nonzero(image.ink[top + m : bottom - m, x0 + m : x1 - m])
    if len(ys) == 0:
        return box
    pad = image.m.px(settings.ink_pad_in)
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


# What specks and the ends of rulings become when read as glyphs; none stands alone as a
# word in writing ("-" does, as a placeholder, and is kept).
_DUST_TOKENS = frozenset(".'`‘’\"“”«»|_~^—–")


def drop_dust(text: str) -> str:
    """Remove tokens that are only dots, quotes or bars: specks Tesseract read as glyphs.

    Writing never has a full stop standing alone between spaces; a full stop glued to a word
    (``Subbag.``) is kept. A comma standing alone is kept (typists write ``meja , kursi``):
    its tail below the baseline is a shape dust lacks, and specks in places where no
    punctuation sits were already erased from the picture (``scan.specks``).
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


def _columns(boxes: list[PxBox], tol: int) -> list[int]:
    """x of the column boundaries: cell edges within ``tol`` pixels are one boundary."""
    edges = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    groups: list[list[int]] = []
    for x in edges:
        if groups and x - groups[-1][-1] <= tol:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [round(sum(g) / len(g)) for g in groups]


def _table(
    image: PageImage,
    boxes: list[PxBox],
    number: int,
    reader: CellReader,
    threshold: InkThreshold,
    shapes: MarkShapes,
    settings: ScanSettings,
    view: PageView,
) -> Table | None:
    """Rows of cells top to bottom; a cell spanning bands is continued in the lower ones."""
    dpi = image.m.dpi
    to_pt = 72.0 / dpi
    tol = image.m.of_text(settings.band_text)
    bands = _bands(boxes, tol)
    placed = [read_cell(image, b, reader, threshold, shapes, settings) for b in boxes]
    view.cells.extend(_pt_box(p.box, dpi) for p in placed)
    view.marks.extend(_pt_box(p.box, dpi) for p in placed if p.mark)
    view.row_breaks.extend(b * to_pt for b in bands)
    view.columns.extend(x * to_pt for x in _columns(boxes, 2 * image.m.px(settings.reach_in)))
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
                        doubts=list(p.doubts),
                        unsure_words=list(p.unsure),
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
    image: PageImage,
    tables: list[PxBox],
    number: int,
    reader: CellReader,
    tables_before: int,
    settings: ScanSettings,
) -> list[TextLine]:
    """Text lines of the page outside its tables: title, unit, year, signature block.

    Each block of writing is cut into its lines where its rows run (nearly) empty, and
    each line is read on its own: what is left of a stamp or a signature between the
    title and the name is then a line of its own, read unsurely and dropped, instead of
    spoiling the reading of the lines around it.
    """
    from .grid import line_bands, text_blocks

    m = image.m
    out: list[TextLine] = []
    for box in text_blocks(image.ink, tables, m, settings):
        mid = (box[1] + box[3]) / 2
        after = tables_before + sum(1 for t in tables if t[1] < mid)
        for top, bottom in line_bands(image.ink, box, m, settings):
            line = (box[0], top, box[2], bottom)
            tight = _ink_bounds(image, line, settings)
            one = _is_one_line(tight, m.text, m, settings)
            for read in reader.read_lines(_dusted(image, tight, settings), m, settings, one):
                if read.confidence < settings.min_line_confidence:
                    continue  # a logo, a stamp, a signature scrawl
                text = fix_numbers(drop_dust(read.text))
                if not is_real_text(text):
                    continue
                edges: dict[str, float] = {}
                if read.x0 is not None and read.x1 is not None:
                    to_pt = 72.0 / m.dpi
                    edges = {"x0": (tight[0] + read.x0) * to_pt, "x1": (tight[0] + read.x1) * to_pt}
                out.append(TextLine(text=text, page=number, after_tables=after, **edges))
    return out
