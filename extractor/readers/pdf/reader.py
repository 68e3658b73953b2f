"""PDF reader: pdfplumber pages to the neutral grid.

This module owns the edge with pdfplumber/pdfminer: opening (password, damage, page limits)
and parsing each page are the only calls into the library, and their failures are translated
here into the project's typed errors. Everything after parsing (ruling, cells, text) is our
own code on plain tuples, so a bug there surfaces as a bug, not as "damaged file".

Pages are read one at a time and closed right after, so memory stays flat on long documents.
"""

from __future__ import annotations

import struct
import zlib
from functools import partial
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ...errors import (
    EmptyDocument,
    EncryptedDocument,
    RakError,
    TooManyPages,
    UnreadableDocument,
)
from ...grid import Grid, Table, TextLine
from ...options import ExtractOptions
from ..scan.pages import ScannedPages
from ..scan.reader import has_text_layer, mend_scanned_words
from .aligned import AlignedMemory, aligned_table
from .cells import build_table, claim_overflow, deal_glyphs, deal_inks, ruled_view
from .clip import ClippingInterpreter
from .crosscheck import cross_check
from .page import Glyph, PageContent, glyph_content, page_content
from .price import CONTENT_BYTES, Budget, PricedDevice, price_contents
from .ruled import find_cells, group_tables, ruling
from .text import cluster_lines, line_text, split_at_gaps

# What pdfminer raises on malformed input. It is a parser over untrusted bytes and its
# failures are not limited to its own exception classes; the ``try`` blocks below wrap only
# library calls, so none of these can hide an error of this package.
_LIBRARY_ERRORS: tuple[type[BaseException], ...] = (
    PdfminerException,
    MalformedPDFException,
    PDFException,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    NotImplementedError,
    OverflowError,
    ZeroDivisionError,
    RecursionError,
    EOFError,
    OSError,
    struct.error,
    zlib.error,
)


def read_pdf(path: Path, options: ExtractOptions) -> Grid:
    """Read every page of ``path`` into a ``Grid``; raise a ``RakError`` for bad input."""
    pdf = _open(path, options)
    engine = None
    try:
        try:
            pages = pdf.pages
        except _LIBRARY_ERRORS as e:
            raise _translate(path, e) from e
        if not pages:
            raise EmptyDocument(str(path), "0")
        if len(pages) > options.max_pages:
            raise TooManyPages(str(path), len(pages), options.max_pages)
        grid = Grid(format="pdf", pages=len(pages))
        engine = _engine(path, options)
        memory = AlignedMemory()
        scans: set[int] = set()
        told = options.progress or (lambda done, total: None)
        told(0, len(pages))
        lay_out = partial(_read_scanned, grid=grid, options=options, memory=memory)
        scanned_pages = ScannedPages(str(path), grid, options, lay_out, told)
        try:
            for number, page in enumerate(pages, start=1):
                try:
                    content, text = _parse_either(path, page, engine, options)
                    # A page with a text layer is no scan: ``scan_dpi`` would test it
                    # again (every glyph of the page) only to say so.
                    scanned = not text and scanned_pages.start(page, content, number)
                finally:
                    page.close()
                if scanned:
                    scans.add(number)
                else:
                    scanned_pages.finish()  # the scans before it go into the grid first
                    _read_page(content, number, grid, options, memory)
                    told(number, len(pages))
            scanned_pages.finish()
        except RakError:
            scanned_pages.finish()  # an error of a page before this one is told first
            raise
        finally:
            scanned_pages.close()
        if scans:
            mend_scanned_words(grid, scans, options.scan.words)
        return grid
    finally:
        if engine is not None:
            engine.close()
        _close(pdf)


def _engine(path: Path, options: ExtractOptions) -> Any:
    """pdfium's document when it reads the pages (``PdfTextSettings.engine``); None when
    pdfplumber does, chosen or because pdfium cannot open the file."""
    if options.pdf_text.engine != "pdfium":
        return None
    from .pdfium import PdfiumError, open_pdfium

    for password in dict.fromkeys((options.password, None)):
        try:
            return open_pdfium(path, password)
        except PdfiumError:
            continue
    return None


def _parse_either(
    path: Path, page: Any, engine: Any, options: ExtractOptions
) -> tuple[PageContent, bool]:
    """The page read by pdfium when it is open, else (or where pdfium cannot read the
    page) by pdfplumber, and whether it has a text layer (``has_text_layer``, asked once
    per page). A page without one is read by pdfplumber again, so a scan goes to OCR
    exactly as it always has."""
    if engine is None:
        return _parsed(path, page, options)
    from .pdfium import PdfiumError, read_objects

    budget = Budget.of(str(path), options)
    try:
        spent = price_contents(page.page_obj, page.page_number, budget)
        x0, y0, x1, y1 = (float(v) for v in page.page_obj.mediabox)
        rotation, height = int(page.rotation), float(page.height)
        width = float(page.width)
    except _LIBRARY_ERRORS as e:
        raise _translate(path, e) from e
    left = None if budget.total is None else budget.total - spent
    try:
        objects = read_objects(engine, page.page_number - 1, (x0, y0, x1, y1), rotation,
                               height, budget, left, spent // CONTENT_BYTES)
    except PdfiumError:
        return _parsed(path, page, options)
    drawn = objects.objects
    content = glyph_content(
        width=width,
        height=height,
        glyphs=objects.glyphs,
        direction=objects.direction,
        lines=drawn["line"],
        rects=drawn["rect"],
        curves=drawn["curve"],
        images=drawn["image"],
        settings=options.ruled,
    )
    if not has_text_layer(content, options.scan):
        return _parsed(path, page, options)
    return content, True


def _parsed(path: Path, page: Any, options: ExtractOptions) -> tuple[PageContent, bool]:
    """The page read by pdfplumber, and whether it has a text layer."""
    content = _parse(path, page, options)
    return content, has_text_layer(content, options.scan)


def _close(pdf: Any) -> None:
    """Close quietly: pdfplumber's close walks the pages again, which fail again on a broken
    page tree; the error that matters has been raised already."""
    try:
        pdf.close()
    except _LIBRARY_ERRORS:
        pass


def _open(path: Path, options: ExtractOptions) -> Any:
    """Open with the password given, and without one when that is refused.

    A PDF encrypted with an owner password only (print and copy restrictions) has an empty
    user password: it opens for anyone, and must still open when ``--password`` was given
    for other files of a bulk run, or given wrongly. A PDF with a user password stays
    locked without the right one.
    """
    if options.password:
        try:
            return _open_with(path, options.password)
        except EncryptedDocument:
            pass
    return _open_with(path, "")


def _open_with(path: Path, password: str) -> Any:
    try:
        return pdfplumber.open(path, password=password)
    except _LIBRARY_ERRORS as e:
        raise _translate(path, e) from e


def _translate(path: Path, error: BaseException) -> Exception:
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedDocument(str(path), type(cause).__name__)
    if isinstance(error, OSError) and not isinstance(cause, PDFException):
        return UnreadableDocument(str(path), error.strerror or str(error))
    detail = str(cause) or type(cause).__name__
    return UnreadableDocument(str(path), f"{type(cause).__name__}: {detail}"[:200])


def _parse(path: Path, page: Any, options: ExtractOptions) -> PageContent:
    """Let pdfminer parse the page, then reduce its objects to our own tuples.

    The page is priced first (``pdf.price``): a content stream that would inflate past the
    memory budget is refused before pdfminer decodes it, and so is a page drawing more
    glyphs and paths than the budget holds, as they are made."""
    budget = Budget.of(str(path), options)
    try:
        spent = price_contents(page.page_obj, page.page_number, budget)
        _lay_out(page, budget, spent)
        objects = page.objects
        x0, top, x1, bottom = (float(v) for v in page.bbox)
    except _LIBRARY_ERRORS as e:
        raise _translate(path, e) from e
    return page_content(
        width=x1 - x0,
        height=bottom - top,
        origin=(x0, top),
        chars=objects.get("char", []),
        lines=objects.get("line", []),
        rects=objects.get("rect", []),
        curves=objects.get("curve", []),
        images=objects.get("image", []),
        settings=options.ruled,
    )


def _lay_out(page: Any, budget: Budget, spent: int) -> None:
    """Parse the page as pdfplumber's ``Page.layout`` does, with clipped text left out.

    pdfplumber builds its layout once and caches it in ``_layout``; filling that cache
    with its device (priced: ``PricedDevice``) driven by ``ClippingInterpreter`` is the
    one hook it leaves.
    """
    left = None if budget.total is None else budget.total - spent
    device = PricedDevice(page.pdf.rsrcmgr, page.page_number, page.pdf.laparams, budget, left)
    ClippingInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()


def _read_page(
    content: PageContent, number: int, grid: Grid, options: ExtractOptions, memory: AlignedMemory
) -> None:
    """Append the page's tables and its other text lines, in reading order, to ``grid``."""
    tables_before = len(grid.tables)
    measures = content.measures
    rules = ruling(content, measures)
    layouts, outside = deal_glyphs(
        group_tables(find_cells(rules), rules.tol), content.glyphs, rules, measures
    )
    if layouts and measures.settings.cross_check:
        layouts = cross_check(layouts, content, rules)
    loose_inks = deal_inks(layouts, content.inks) if content.inks else []
    text = options.pdf_text.text
    lines = cluster_lines(outside, text)
    if layouts:
        lines = claim_overflow(layouts, lines, measures)
    placed: list[tuple[float, Table]] = []
    for lay in layouts:
        # Edges with no text inside are not a table's ruling (shaded cells of a table
        # without borders): such a page is read by alignment.
        table = build_table(lay, content.fills, number, measures) if any(lay.glyphs) else None
        if table is not None:
            placed.append((lay.bbox[1], table))
    view = ruled_view(number, content, layouts, [t for _, t in placed])
    if not placed and lines:
        found = aligned_table(
            lines,
            content.fills,
            number,
            loose_inks,
            settings=options.pdf_text,
            memory=memory,
            width=content.width,
            height=content.height,
        )
        if found is not None:
            top = min(g.top for g in lines[found.first])
            placed.append((top, found.table))
            view = found.view
            lines = lines[: found.first] + lines[found.last + 1 :]
    grid.seen.append(view)
    placed.sort(key=lambda item: item[0])
    grid.tables.extend(table for _, table in placed)
    tops = [top for top, _ in placed]
    for line in lines:
        mid = _mid(line)
        after = tables_before + sum(1 for t in tops if t < mid)
        for part in split_at_gaps(line, text.text_line_gap, text):
            words = line_text(part, text)
            if words:
                line_edges = {"x0": part[0].x0, "x1": part[-1].x1}
                grid.lines.append(TextLine(words, page=number, after_tables=after, **line_edges))


def _read_scanned(
    content: PageContent, number: int, grid: Grid, options: ExtractOptions, memory: AlignedMemory
) -> bool:
    """A scanned page without ruling, read as a born-digital one: True when that finds a
    table; otherwise it leaves ``grid`` as it was (the scan reader reads the page's lines)."""
    tables, lines, seen = len(grid.tables), len(grid.lines), len(grid.seen)
    _read_page(content, number, grid, options, memory)
    if len(grid.tables) > tables:
        return True
    del grid.lines[lines:], grid.seen[seen:]
    return False


def _mid(line: list[Glyph]) -> float:
    return sum((g.top + g.bottom) / 2 for g in line) / len(line)
