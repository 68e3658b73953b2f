"""Cell rectangles plus glyphs to grid ``Table`` rows, with merges made explicit.

Glyphs are assigned to cells once per page through a lookup over the table's distinct x and
y boundaries (bisect on the glyph's centre), not by cropping the page per cell: cropping is
what makes pdfplumber's own ``extract_tables`` slow.

Row bands are the distinct cell tops of a table. A cell spanning several bands (a vertical
merge, typically SASARAN KEGIATAN) is emitted once in its first band, with its text, and as
``Cell(continued=True)`` in each further band it covers, so layout can carry it down.

Drawn inks (``PageContent.inks``) are dealt the same way, by their centres. An ink makes a
cell without text a mark only when it lies wholly inside the cell, clear of its borders, and
covers less of it than a shading fill would: a border drawn as a filled bar, a tick on the
ruling, or a fill that colours the cell are not check marks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from ..doubts import RULING_INCOMPLETE
from ..grid import Cell, Table
from ..ruled_settings import PageMeasures, RuledSettings
from .pdf_page import Box, Colour, Fill, Glyph
from .pdf_ruled import Ruling
from .pdf_text import block_text, cluster_lines, words

# For callers without page measures (``glyph_cell`` from the borderless reader).
_DEFAULTS = RuledSettings()


@dataclass(slots=True)
class TableLayout:
    """One ruled table while glyphs are being dealt to its cells."""

    boxes: list[Box]
    xs: list[float]
    ys: list[float]
    owner: dict[tuple[int, int], int]
    bbox: Box
    glyphs: list[list[Glyph]] = field(default_factory=list)
    inks: list[list[Box]] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)


def table_layout(boxes: list[Box], rules: Ruling) -> TableLayout:
    """The table's cells as regions of its fine grid that no rule divides.

    The grid is every x and y at which any cell of the table has a side. Two neighbouring
    slots of it belong to one cell unless a rule runs between them, so a cell is whatever
    the rules enclose, merged or not; a slot the rules leave open (a missing border piece,
    a styled table that draws no inner rules in its body) joins its neighbours. A region
    that is not a rectangle has no one box: it is cut into columns first (a merge down a
    column, SASARAN's, is the common one), see ``_strips``.
    """
    xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    nx, ny = len(xs) - 1, len(ys) - 1
    parent = list(range(nx * ny))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for j in range(ny):
        top, bottom = ys[j], ys[j + 1]
        for i in range(nx):
            a = j * nx + i
            if i + 1 < nx and not rules.v_drawn(xs[i + 1], top, bottom):
                parent[root(a + 1)] = root(a)
            if j + 1 < ny and not rules.h_drawn(bottom, xs[i], xs[i + 1]):
                parent[root(a + nx)] = root(a)
    regions: dict[int, list[tuple[int, int]]] = {}
    for j in range(ny):
        for i in range(nx):
            regions.setdefault(root(j * nx + i), []).append((i, j))
    out: list[Box] = []
    owner: dict[tuple[int, int], int] = {}
    broken = False
    for slots in regions.values():
        i0 = min(i for i, _ in slots)
        i1 = max(i for i, _ in slots)
        j0 = slots[0][1]
        j1 = slots[-1][1]
        if len(slots) == (i1 - i0 + 1) * (j1 - j0 + 1):
            for slot in slots:
                owner[slot] = len(out)
            out.append((xs[i0], ys[j0], xs[i1 + 1], ys[j1 + 1]))
            continue
        broken = True
        for (j0, j1), i0, i1 in _strips(slots):
            for i in range(i0, i1 + 1):
                for j in range(j0, j1 + 1):
                    owner[(i, j)] = len(out)
            out.append((xs[i0], ys[j0], xs[i1 + 1], ys[j1 + 1]))
    lay = TableLayout(out, xs, ys, owner, (xs[0], ys[0], xs[-1], ys[-1]), [[] for _ in out])
    if broken:
        lay.doubts.append(RULING_INCOMPLETE)
    return lay


def _strips(slots: list[tuple[int, int]]) -> list[tuple[tuple[int, int], int, int]]:
    """A region of slots as rectangles: each column's runs of rows, then neighbouring
    columns whose runs cover the same rows joined. Returns ((j0, j1), i0, i1) each."""
    by_col: dict[int, list[int]] = {}
    for i, j in slots:
        by_col.setdefault(i, []).append(j)
    runs: list[tuple[tuple[int, int], int]] = []
    for i, js in by_col.items():
        js.sort()
        start = prev = js[0]
        for j in [*js[1:], -1]:
            if j != prev + 1:
                runs.append(((start, prev), i))
                start = j
            prev = j
    runs.sort()
    out: list[tuple[tuple[int, int], int, int]] = []
    for span, i in runs:
        if out and out[-1][0] == span and out[-1][2] == i - 1:
            out[-1] = (span, out[-1][1], i)
        else:
            out.append((span, i, i))
    return out


def deal_inks(layouts: list[TableLayout], inks: list[Box]) -> list[Box]:
    """Assign each ink to the cell holding its centre; return the inks outside every table."""
    outside: list[Box] = []
    for ink in inks:
        cx = (ink[0] + ink[2]) / 2
        cy = (ink[1] + ink[3]) / 2
        for lay in layouts:
            x0, top, x1, bottom = lay.bbox
            if not (x0 <= cx < x1 and top <= cy < bottom):
                continue
            k = lay.owner.get((bisect_right(lay.xs, cx) - 1, bisect_right(lay.ys, cy) - 1))
            if k is not None:
                if not lay.inks:
                    lay.inks = [[] for _ in lay.boxes]
                lay.inks[k].append(ink)
            break
        else:
            outside.append(ink)
    return outside


def ink_inside(ink: Box, box: Box, edge: float, cover: float) -> bool:
    """``ink`` lies wholly inside ``box``, clear of its borders, smaller than a shade."""
    x0, top, x1, bottom = box
    ix0, itop, ix1, ibottom = ink
    if ix0 < x0 + edge or ix1 > x1 - edge or itop < top + edge or ibottom > bottom - edge:
        return False
    return (ix1 - ix0) * (ibottom - itop) < cover * (x1 - x0) * (bottom - top)


def deal_glyphs(
    tables: list[list[Box]], glyphs: list[Glyph], rules: Ruling, measures: PageMeasures
) -> tuple[list[TableLayout], list[Glyph]]:
    """Assign each glyph to the cell holding its centre; return the layouts and the rest."""
    layouts = [table_layout(boxes, rules) for boxes in tables]
    outside: list[Glyph] = []
    for g in glyphs:
        cx = (g.x0 + g.x1) / 2
        cy = (g.top + g.bottom) / 2
        for lay in layouts:
            x0, top, x1, bottom = lay.bbox
            if not (x0 <= cx < x1 and top <= cy < bottom):
                continue
            slot = (bisect_right(lay.xs, cx) - 1, bisect_right(lay.ys, cy) - 1)
            lay.glyphs[lay.owner[slot]].append(g)
            break
        else:
            outside.append(g)
    for lay in layouts:
        split_by_text(lay, measures)
    return layouts, outside


def _free_boundaries(glyphs: list[Glyph], inner: list[float], gap: float) -> list[bool]:
    """For each x in ``inner``: does the text leave it clear, as a column boundary?

    Clear means no word runs across it and, on every line, the words either side of it are
    further apart than ``gap`` (a space between two words of one phrase is narrower).
    """
    free = [True] * len(inner)
    for line in cluster_lines(glyphs):
        spans = [(w[0].x0, w[-1].x1) for w in words(line)]
        for n, b in enumerate(inner):
            if not free[n]:
                continue
            left = max((x1 for x0, x1 in spans if x1 <= b), default=None)
            right = min((x0 for x0, x1 in spans if x0 >= b), default=None)
            if any(x0 < b < x1 for x0, x1 in spans):
                free[n] = False
            elif left is not None and right is not None and right - left < gap:
                free[n] = False
    return free


def split_by_text(lay: TableLayout, measures: PageMeasures) -> None:
    """Cut a cell that spans several of the table's columns where its text shows columns.

    A cell wider than one column holds either one text (a heading over its sub-columns, a
    full-width group row) or, where the writer drew no rule between cells (styled Word
    tables rule only the header and the frame), the texts of several cells side by side.
    The second kind is cut at every column boundary its text leaves clear, once text lies
    in two or more of the parts.
    """
    gap = measures.column_gap
    xi = {x: i for i, x in enumerate(lay.xs)}
    for k in range(len(lay.boxes)):
        x0, top, x1, bottom = lay.boxes[k]
        i0, i1 = xi[x0], xi[x1]
        if i1 - i0 < 2 or not lay.glyphs[k]:
            continue
        inner = lay.xs[i0 + 1 : i1]
        free = _free_boundaries(lay.glyphs[k], inner, gap)
        cuts = [x0] + [b for b, f in zip(inner, free) if f] + [x1]
        if len(cuts) == 2:
            continue
        parts: list[list[Glyph]] = [[] for _ in cuts[1:]]
        for g in lay.glyphs[k]:
            parts[min(bisect_right(cuts, (g.x0 + g.x1) / 2) - 1, len(parts) - 1)].append(g)
        if sum(1 for p in parts if p) < 2:
            continue
        ids = [k] + list(range(len(lay.boxes), len(lay.boxes) + len(parts) - 1))
        j0, j1 = lay.ys.index(top), lay.ys.index(bottom)
        for n, (a, b) in enumerate(pairwise(cuts)):
            box = (a, top, b, bottom)
            if n == 0:
                lay.boxes[k], lay.glyphs[k] = box, parts[0]
            else:
                lay.boxes.append(box)
                lay.glyphs.append(parts[n])
            for i in range(xi[a], xi[b]):
                for j in range(j0, j1):
                    lay.owner[(i, j)] = ids[n]
        if RULING_INCOMPLETE not in lay.doubts:
            lay.doubts.append(RULING_INCOMPLETE)


def covering_fill(box: Box, fills: list[Fill], cover: float = _DEFAULTS.cover) -> Fill | None:
    """The last-painted fill that covers most of the box (white paints over grey)."""
    x0, top, x1, bottom = box
    area = (x1 - x0) * (bottom - top)
    if area <= 0:
        return None
    found = None
    for fill in fills:
        fx0, ftop, fx1, fbottom = fill.box
        w = min(x1, fx1) - max(x0, fx0)
        if w <= 0:
            continue
        h = min(bottom, fbottom) - max(top, ftop)
        if h > 0 and w * h >= cover * area:
            found = fill
    return found


def shaded_by(box: Box, fills: list[Fill], cover: float = _DEFAULTS.cover) -> bool:
    fill = covering_fill(box, fills, cover)
    return fill is not None and fill.shade


def _colour(box: Box, fills: list[Fill], cover: float) -> Colour | None:
    fill = covering_fill(box, fills, cover) if fills else None
    return fill.colour if fill is not None and fill.shade else None


def _shade_against_background(row: list[tuple[float, Cell]], colours: list[Colour | None]) -> None:
    """A cell is shaded when its fill differs from its row's background.

    Browsers and styled Word paint a background under whole rows (banded rows, a tinted
    table) cell by cell; only a cell whose colour stands out from the row is a shaded
    mark. The background is the colour under most of the width of the row's cells that
    hold text (or, in a row without text, of all its cells).
    """
    weights: dict[Colour | None, float] = {}
    texts = [(c, k) for (_, c), k in zip(row, colours) if c.text.strip() or c.continued]
    for cell, colour in texts or [(c, k) for (_, c), k in zip(row, colours)]:
        weights[colour] = weights.get(colour, 0.0) + (cell.x1 - cell.x0)
    background = max(weights, key=lambda k: weights[k]) if weights else None
    for (_, cell), colour in zip(row, colours):
        cell.shaded = colour is not None and colour != background


def glyph_cell(
    text: str, box: Box, glyphs: list[Glyph], fills: list[Fill], page: int, inked: bool = False
) -> Cell:
    """A cell of glyphs: a symbol-font glyph makes it a mark, a fill under it shades it.

    ``inked``: the caller found a drawn mark (``PageContent.inks``) in the cell; it counts
    only when the cell has no text, so an underline or a strike-through is not a mark.
    """
    x0, top, x1, bottom = box
    return Cell(
        text=text,
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        page=page,
        mark=any(g.symbol and g.text.strip() for g in glyphs) or (inked and not text.strip()),
        shaded=shaded_by(box, fills) if fills else False,
    )


def build_table(
    lay: TableLayout, fills: list[Fill], page: int, measures: PageMeasures
) -> Table | None:
    """Rows top to bottom of one ruled table, merged cells continued downwards."""
    cover = measures.settings.cover
    bands = sorted({b[1] for b in lay.boxes})
    bottoms = sorted({b[3] for b in lay.boxes})
    table_bottom = bottoms[-1]
    rows: list[list[Cell]] = []
    texts = [block_text(gs, b[2] - b[0]) for gs, b in zip(lay.glyphs, lay.boxes)]
    for n, band_top in enumerate(bands):
        band_bottom = bands[n + 1] if n + 1 < len(bands) else table_bottom
        row: list[tuple[float, Cell]] = []
        colours: list[Colour | None] = []
        for k, (x0, top, x1, bottom) in enumerate(lay.boxes):
            if top == band_top:
                box = (x0, top, x1, bottom)
                inked = k < len(lay.inks) and any(
                    ink_inside(i, box, measures.edge, cover) for i in lay.inks[k]
                )
                row.append((x0, glyph_cell(texts[k], box, lay.glyphs[k], [], page, inked)))
                colours.append(_colour(box, fills, cover))
            elif top < band_top < bottom:
                slice_box = (x0, band_top, x1, min(bottom, band_bottom))
                cell = Cell(text="", x0=x0, x1=x1, top=band_top, bottom=slice_box[3],
                            page=page, continued=True)
                row.append((x0, cell))
                colours.append(_colour(slice_box, fills, cover))
        if not row:
            continue
        if band_bottom - band_top < measures.thin_band and all(not c.text for _, c in row):
            continue
        if fills:
            _shade_against_background(row, colours)
        order = sorted(range(len(row)), key=lambda i: row[i][0])
        rows.append([row[i][1] for i in order])
    if not rows:
        return None
    return Table(rows=rows, page=page, doubts=list(lay.doubts))
