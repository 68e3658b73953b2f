"""Word (.docx/.docm) into the neutral grid, read from the package's XML.

python-docx is convenient but hides what a RAK needs: ``cell.text`` drops ``w:sym`` check
marks, vertical merges come back as duplicated cells, shading is not exposed, and
``row.cells`` re-walks the grid for every row (quadratic on long tables). So this reader
opens the zip itself, parses ``document.xml`` with a locked-down lxml parser, and walks the
body once in document order.

Contract with layout (see ``grid.py``): one ``Cell`` per ``w:tc``; ``x0``/``x1`` are twips
from the table's ``w:tblGrid`` (grid-column indices when the grid has no usable widths), so a
``gridSpan`` cell covers its whole span; ``top``/``bottom`` are the row index ``i``/``i + 1``;
a ``vMerge`` continuation is ``Cell(text="", continued=True)`` with no copied text. Paragraphs
outside tables (and text boxes anchored in them) become ``TextLine``s, one per visual line.
A cell with no text whose content is a picture or a drawn shape is a ``mark``: offices paste
check marks as pictures or draw them as shapes.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from posixpath import normpath

from lxml import etree

from ..errors import TooLarge, UnreadableDocument
from ..grid import Cell, Grid, Table, TextLine
from ..options import ExtractOptions
from . import refuse_zip_bomb
from .docx_xml import (
    MC,
    W_STRICT,
    W_TRANSITIONAL,
    Names,
    Text,
    block_text,
    blocks,
    children,
    has_picture,
    highlight_is_dark,
    paragraph_text,
    shading_is_dark,
    small_int,
    twips,
)

DEFAULT_PART = "word/document.xml"
OFFICE_DOCUMENT_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def read_docx(path: Path, options: ExtractOptions) -> Grid:
    """Read a Word file into a ``Grid``; corrupt or oversized input raises a ``RakError``."""
    root = _parse(path, _document_xml(path, options))
    ns = etree.QName(root).namespace or ""
    if ns not in (W_TRANSITIONAL, W_STRICT):
        raise UnreadableDocument(str(path), f"not WordprocessingML ({ns or 'no namespace'})")
    names = Names(ns)
    body = root.find(names.body)
    grid = Grid(format="docx", pages=None)
    if body is not None:
        _read_body(body, names, grid)
    return grid


# --- the package edge: every library error becomes an UnreadableDocument or TooLarge ---------


def _document_xml(path: Path, options: ExtractOptions) -> bytes:
    """The main document part's bytes, refusing a zip bomb before anything is inflated."""
    limit = options.max_unpacked_bytes
    try:
        with zipfile.ZipFile(path) as zf:
            refuse_zip_bomb(zf, path, limit)
            part = _main_part(zf, limit)
            with zf.open(part) as fh:
                data = fh.read(limit + 1)  # sizes in the directory can lie; the stream cannot
            if len(data) > limit:
                raise TooLarge(str(path), f"{part} unpacks to more than {limit} bytes")
            return data
    except KeyError as e:
        raise UnreadableDocument(str(path), f"missing {DEFAULT_PART}") from e
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError) as e:
        raise UnreadableDocument(str(path), f"zip: {e}") from e
    except (NotImplementedError, RuntimeError) as e:  # unknown compression, encrypted member
        raise UnreadableDocument(str(path), f"zip: {e}") from e
    except (OSError, ValueError) as e:
        raise UnreadableDocument(str(path), str(e)) from e


def _main_part(zf: zipfile.ZipFile, limit: int) -> str:
    """The officeDocument part named by ``_rels/.rels``; ``word/document.xml`` by default.

    Most writers use the default name, but the package relationships are what Word follows.
    """
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        try:
            with zf.open("_rels/.rels") as fh:
                rels = etree.fromstring(fh.read(min(limit, 1 << 20)), _parser())
        except etree.XMLSyntaxError:
            rels = None
        if rels is not None:
            for rel in rels.iter(f"{{{PACKAGE_RELS}}}Relationship"):
                if rel.get("Type") in OFFICE_DOCUMENT_RELS and rel.get("TargetMode") != "External":
                    # Package relationships resolve against the package root.
                    target = normpath("/" + rel.get("Target", "")).lstrip("/")
                    if target in names:
                        return target
    if DEFAULT_PART not in names:
        raise KeyError(DEFAULT_PART)
    return DEFAULT_PART


def _parser() -> etree.XMLParser:
    """An XML parser that never fetches, expands entities, or builds huge trees."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )


def _parse(path: Path, data: bytes) -> etree._Element:
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except (etree.XMLSyntaxError, ValueError) as e:
        raise UnreadableDocument(str(path), f"document.xml: {e}") from e
    if tree.docinfo.doctype:
        # Word itself refuses a DTD in a package part; it is only ever an entity attack.
        raise UnreadableDocument(str(path), "document.xml declares a DTD")
    return tree.getroot()


# --- the body walk -------------------------------------------------------------------------


def _read_body(body: etree._Element, names: Names, grid: Grid) -> None:
    """Tables and text lines in document order; ``after_tables`` counts tables so far."""
    for block in blocks(body, names):
        if block.tag == names.tbl:
            grid.tables.append(_read_table(block, names))
            continue
        text = paragraph_text(block, names, Text())
        _add_lines(grid, text, len(grid.tables))
        for box in _text_boxes(block, names):
            for para in block_text(box, names, Text()).paragraphs:
                _add_lines(grid, para, len(grid.tables))


def _add_lines(grid: Grid, text: str, after_tables: int) -> None:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            grid.lines.append(TextLine(text=line, page=None, after_tables=after_tables))


def _text_boxes(p: etree._Element, names: Names) -> list[etree._Element]:
    """Text boxes anchored in a paragraph, once each.

    Word stores a modern text box twice, as DrawingML and as a VML fallback; the fallback copy
    is skipped. A box nested in a box is found here too, and ``block_text`` does not descend
    into drawings, so nothing is read twice.
    """
    boxes = []
    for box in p.iter(names.txbxContent):
        if not any(a.tag == f"{{{MC}}}Fallback" for a in box.iterancestors()):
            boxes.append(box)
    return boxes


def _read_table(tbl: etree._Element, names: Names) -> Table:
    edges = _column_edges(tbl, names)
    rows: list[list[Cell]] = []
    for tr in children(tbl, names.tr, names):
        trpr = tr.find(names.trPr)
        if trpr is not None and trpr.find(names.del_) is not None:
            continue  # a row deleted with track changes on
        top = float(len(rows))
        col = small_int(_val(trpr, names.gridBefore, names), 0)
        row: list[Cell] = []
        for tc in children(tr, names.tc, names):
            props = _CellProps(tc.find(names.tcPr), names)
            x0, x1 = edges(col), edges(col + props.span)
            col += props.span
            if props.h_continue and row:
                row[-1].x1 = x1  # legacy horizontal merge: widen the cell it continues
                continue
            row.append(_read_cell(tc, props, names, x0, x1, top))
        rows.append(row)
    return Table(rows=rows, page=None)


class _CellProps:
    """What ``w:tcPr`` says about a cell, read in one pass over its children."""

    __slots__ = ("h_continue", "shaded", "span", "v_continue")

    def __init__(self, tcpr: etree._Element | None, names: Names) -> None:
        self.span = 1
        self.v_continue = self.h_continue = self.shaded = False
        if tcpr is None:
            return
        for el in tcpr:
            tag = el.tag
            if tag == names.gridSpan:
                self.span = small_int(el.get(names.val), 1, low=1)
            elif tag == names.vMerge:
                self.v_continue = _merge_continues(el, names)
            elif tag == names.hMerge:
                self.h_continue = _merge_continues(el, names)
            elif tag == names.shd:
                self.shaded = shading_is_dark(el, names)


def _read_cell(
    tc: etree._Element, props: _CellProps, names: Names, x0: float, x1: float, top: float
) -> Cell:
    cell = Cell(text="", x0=x0, x1=x1, top=top, bottom=top + 1, page=None, shaded=props.shaded)
    if props.v_continue:
        cell.continued = True  # the restart cell above holds the text; layout carries it
        return cell
    text = block_text(tc, names, Text())
    cell.text = "\n".join(line.strip() for line in text.paragraphs if line.strip())
    cell.mark = text.mark or (not cell.text and has_picture(tc, names))
    if not cell.shaded and not cell.text:
        cell.shaded = _inner_shading(tc, names)
    return cell


def _inner_shading(tc: etree._Element, names: Names) -> bool:
    """An empty cell coloured through its paragraph or run instead of the cell itself."""
    for el in tc.iter(names.shd):
        parent = el.getparent()
        if (
            parent is not None
            and parent.tag in (names.pPr, names.rPr)
            and shading_is_dark(el, names)
        ):
            return True
    return any(highlight_is_dark(el, names) for el in tc.iter(names.highlight))


def _merge_continues(merge: etree._Element | None, names: Names) -> bool:
    """A ``vMerge``/``hMerge`` without ``restart`` continues the cell before it."""
    return merge is not None and (merge.get(names.val) or "continue") != "restart"


def _val(parent: etree._Element | None, tag: str, names: Names) -> str | None:
    if parent is None:
        return None
    el = parent.find(tag)
    return None if el is None else el.get(names.val)


class _Edges:
    """Grid-column index to horizontal position: cumulative ``w:gridCol`` widths in twips.

    A grid with a missing or zero width cannot give real positions, so the table falls back
    to column indices (still consistent within the table, which is all layout needs). Cells
    that run past the declared grid continue at the average column width.
    """

    def __init__(self, widths: list[float] | None) -> None:
        self.cumulative = [0.0]
        self.step = 1.0
        if widths:
            for w in widths:
                self.cumulative.append(self.cumulative[-1] + w)
            self.step = self.cumulative[-1] / len(widths)

    def __call__(self, index: int) -> float:
        last = len(self.cumulative) - 1
        if index <= last:
            return self.cumulative[index]
        return self.cumulative[last] + (index - last) * self.step


def _column_edges(tbl: etree._Element, names: Names) -> _Edges:
    grid = tbl.find(names.tblGrid)
    if grid is None:
        return _Edges(None)
    widths = [twips(col.get(names.w)) for col in grid.findall(names.gridCol)]
    if not widths or any(w is None or w <= 0 for w in widths):
        return _Edges(None)
    return _Edges([w for w in widths if w is not None])
