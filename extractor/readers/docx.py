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
from dataclasses import dataclass, replace
from pathlib import Path
from posixpath import normpath

from lxml import etree

from ..errors import MemoryLimitExceeded, TooLarge, UnreadableDocument
from ..grid import Cell, Grid, Place, Table, TextLine
from ..options import ExtractOptions
from . import open_package
from .docx_styles import Numbering, Styles, read_look, style_fill
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
    is_dark,
    painted,
    paragraph_text,
    shading_is_dark,
    small_int,
    twips,
)

DEFAULT_PART = "word/document.xml"
# What lxml holds per element of a parsed part, measured on CPython 3.11 (a million
# ``<w:p/>``: 128 bytes; ``<w:p><w:r><w:t>``: 137), rounded up for the walk's proxies.
NODE_BYTES = 160
OFFICE_DOCUMENT_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def read_docx(path: Path, options: ExtractOptions) -> Grid:
    """Read a Word file into a ``Grid``; corrupt or oversized input raises a ``RakError``."""
    parts = _package_parts(path, options)
    _price_tree(path, parts.document, options)
    root = _parse(path, parts.document)
    ns = etree.QName(root).namespace or ""
    if ns not in (W_TRANSITIONAL, W_STRICT):
        raise UnreadableDocument(str(path), f"not WordprocessingML ({ns or 'no namespace'})")
    names = Names(ns)
    styles = Styles(_parse_optional(parts.styles, ns), names)
    numbering = Numbering(_parse_optional(parts.numbering, ns), names, styles)
    body = root.find(names.body)
    grid = Grid(format="docx", pages=None)
    if body is not None:
        _Body(names, styles, numbering).read(body, grid)
    return grid


# --- the package edge: every library error becomes an UnreadableDocument or TooLarge ---------


@dataclass(slots=True)
class _Parts:
    document: bytes
    styles: bytes | None = None
    numbering: bytes | None = None


def _package_parts(path: Path, options: ExtractOptions) -> _Parts:
    """The main document part, and its styles and numbering parts when there are any,
    refusing a zip bomb before anything is inflated."""
    limit = options.max_unpacked_bytes
    try:
        with open_package(path, limit) as zf:
            part = _main_part(zf, limit)
            parts = _Parts(_read_member(zf, part, path, limit))
            related = _related_parts(zf, part, limit)
            for kind in ("styles", "numbering"):
                name = related.get(kind)
                if name:
                    setattr(parts, kind, _read_member(zf, name, path, limit))
            return parts
    except KeyError as e:
        raise UnreadableDocument(str(path), f"missing {DEFAULT_PART}") from e
    except (OSError, ValueError) as e:
        raise UnreadableDocument(str(path), str(e)) from e


def _read_member(zf: zipfile.ZipFile, name: str, path: Path, limit: int) -> bytes:
    with zf.open(name) as fh:
        data = fh.read(limit + 1)  # sizes in the directory can lie; the stream cannot
    if len(data) > limit:
        raise TooLarge(str(path), f"{name} unpacks to more than {limit} bytes")
    return data


def _related_parts(zf: zipfile.ZipFile, part: str, limit: int) -> dict[str, str]:
    """The styles and numbering parts the main part's relationships name (by kind)."""
    names = set(zf.namelist())
    folder, _, base = part.rpartition("/")
    rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    found: dict[str, str] = {}
    if rels_name in names:
        try:
            with zf.open(rels_name) as fh:
                rels = etree.fromstring(fh.read(min(limit, 1 << 20)), _parser())
        except etree.XMLSyntaxError:
            rels = None
        for rel in rels.iter(f"{{{PACKAGE_RELS}}}Relationship") if rels is not None else ():
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            if kind in ("styles", "numbering") and rel.get("TargetMode") != "External":
                target = normpath(f"/{folder}/{rel.get('Target', '')}").lstrip("/")
                if target in names:
                    found.setdefault(kind, target)
    for kind in ("styles", "numbering"):
        default = f"{folder}/{kind}.xml" if folder else f"{kind}.xml"
        if kind not in found and default in names:
            found[kind] = default
    return found


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


def _parse_optional(data: bytes | None, ns: str) -> etree._Element | None:
    """A styles or numbering part; one that is broken or of another namespace is ignored
    (Word falls back to its defaults)."""
    if not data:
        return None
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    if _declares_dtd(root.getroottree()) or etree.QName(root).namespace != ns:
        return None
    return root


def _price_tree(path: Path, data: bytes, options: ExtractOptions) -> None:
    """Refuse a document part whose tree would not fit the memory budget, before lxml builds
    it: 326 KB of zip can hold 33 million ``<w:p/>``, 4 GB of nodes. Elements are counted
    from the text's tags (every start or empty tag opens one; end tags, comments and
    declarations open none), a C-speed count with no tree."""
    budget = options.memory_bytes
    if budget is None:
        return
    nodes = data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
    if nodes * NODE_BYTES + len(data) > budget:
        raise MemoryLimitExceeded(str(path), options.memory_mb, f"document.xml: {nodes} elements")


def _parse(path: Path, data: bytes) -> etree._Element:
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except (etree.XMLSyntaxError, ValueError) as e:
        raise UnreadableDocument(str(path), f"document.xml: {e}") from e
    if _declares_dtd(tree):
        # Word itself refuses a DTD in a package part; it is only ever an entity attack.
        raise UnreadableDocument(str(path), "document.xml declares a DTD")
    return tree.getroot()


def _declares_dtd(tree: etree._ElementTree) -> bool:
    return bool(tree.docinfo.doctype)  # type: ignore[attr-defined]  # missing from lxml-stubs


# --- the body walk -------------------------------------------------------------------------


class _Body:
    """One walk over the body in document order, with the document's styles and lists."""

    def __init__(self, names: Names, styles: Styles, numbering: Numbering) -> None:
        self.names = names
        self.styles = styles
        self.numbering = numbering

    def text(self) -> Text:
        return Text(labels=self.numbering)

    def read(self, body: etree._Element, grid: Grid) -> None:
        """Tables and text lines in document order; ``after_tables`` counts tables so far."""
        names = self.names
        for block in blocks(body, names):
            if block.tag == names.tbl:
                grid.tables.append(self.table(block, len(grid.tables) + 1))
                continue
            text = paragraph_text(block, names, self.text())
            _add_lines(grid, text, len(grid.tables))
            for box in _text_boxes(block, names):
                for para in block_text(box, names, self.text()).paragraphs:
                    _add_lines(grid, para, len(grid.tables))

    def table(self, tbl: etree._Element, number: int) -> Table:
        """The table ``number`` (1-based, in document order: Word's own count) as rows of
        cells, each knowing its table and row (``Place``) for a report to point at."""
        names = self.names
        edges = _column_edges(tbl, names)
        pattern = _TablePattern(tbl, names, self.styles, edges.columns)
        trs = [tr for tr in children(tbl, names.tr, names) if not _deleted(tr, names)]
        rows: list[list[Cell]] = []
        for r, tr in enumerate(trs):
            trpr = tr.find(names.trPr)
            top = float(len(rows))
            col = small_int(_val(trpr, names.gridBefore, names), 0)
            place = Place(table=number, row=r + 1)
            row: list[Cell] = []
            for tc in children(tr, names.tc, names):
                props = _CellProps(tc.find(names.tcPr), names)
                x0, x1 = edges(col), edges(col + props.span)
                shaded = pattern.stands_out(props, r, len(trs), col)
                col += props.span
                if props.h_continue and row:
                    row[-1].x1 = x1  # legacy horizontal merge: widen the cell it continues
                    continue
                cell = self.cell(tc, props, shaded, x0, x1, top)
                cell.place = place
                row.append(cell)
            rows.append(row)
        return Table(rows=rows, page=None)

    def cell(
        self, tc: etree._Element, props: _CellProps, shaded: bool, x0: float, x1: float,
        top: float,
    ) -> Cell:
        names = self.names
        cell = Cell(text="", x0=x0, x1=x1, top=top, bottom=top + 1, page=None, shaded=shaded)
        if props.v_continue:
            cell.continued = True  # the restart cell above holds the text; layout carries it
            return cell
        text = block_text(tc, names, self.text())
        cell.text = "\n".join(line.strip() for line in text.paragraphs if line.strip())
        cell.mark = text.mark or (not cell.text and has_picture(tc, names))
        if not cell.shaded and not cell.text:
            cell.shaded = _inner_shading(tc, names)
        return cell


def _deleted(tr: etree._Element, names: Names) -> bool:
    """A row deleted with track changes on."""
    trpr = tr.find(names.trPr)
    return trpr is not None and trpr.find(names.del_) is not None


class _TablePattern:
    """What the table's style (and its own ``w:tblPr/w:shd``) paints at each place."""

    def __init__(
        self, tbl: etree._Element, names: Names, styles: Styles, columns: int
    ) -> None:
        tblpr = tbl.find(names.q("tblPr"))
        self.style = styles.table(_val(tblpr, names.q("tblStyle"), names))
        self.look = read_look(tblpr, names)
        own = tblpr.find(names.shd) if tblpr is not None else None
        if own is not None:
            self.style = replace(self.style, whole=painted(own, names))
        self.columns = columns

    def stands_out(self, props: _CellProps, row: int, rows: int, col: int) -> bool:
        """The cell shows a dark fill that is not the table's pattern at its place."""
        under = style_fill(self.style, self.look, row, rows, col, max(self.columns, col + 1))
        shown = props.fill if props.has_fill else under
        return is_dark(shown) and shown != under


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


class _CellProps:
    """What ``w:tcPr`` says about a cell, read in one pass over its children."""

    __slots__ = ("fill", "h_continue", "has_fill", "span", "v_continue")

    def __init__(self, tcpr: etree._Element | None, names: Names) -> None:
        self.span = 1
        self.v_continue = self.h_continue = self.has_fill = False
        self.fill: tuple[int, int, int] | None = None
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
                self.has_fill, self.fill = True, painted(el, names)


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

    def __init__(self, widths: list[float] | None, columns: int = 0) -> None:
        self.columns = len(widths) if widths else columns
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
        return _Edges(None, len(widths))
    return _Edges([w for w in widths if w is not None])
