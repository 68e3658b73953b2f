"""A ruled table's cells: the regions of its grid no rule divides, and cells cut by text.

``table_layout`` turns the cells ``pdf.ruled`` found into the table's fine grid (every x and
y at which any cell has a side) and lets two neighbouring slots of it belong to one cell
unless a rule runs between them; ``split_by_text`` cuts a cell wider (or, where the rules
left it open, taller) than one column or row where its text shows that it holds several.
Keeping the structure here and the text in ``pdf.cells`` lets each stay small.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from ...doubts import RULING_INCOMPLETE
from ...ruled_settings import PageMeasures
from .page import Box, Glyph
from .ruled import Ruling, area
from .text import cluster_lines, words


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
    loose: set[int] = field(default_factory=set)  # cells cut from a region no rule closes
    straddled: set[int] = field(default_factory=set)  # cells whose words run into the next

    def slot(self, g: Glyph) -> tuple[int, int]:
        """The grid slot holding the glyph's centre."""
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        return bisect_right(self.xs, cx) - 1, bisect_right(self.ys, cy) - 1


def boxes_layout(boxes: list[Box]) -> TableLayout:
    """A layout of given cell boxes (another finder's), each slot owned by the smallest box
    over it; slots no box covers are owned by none."""
    xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    xi = {x: i for i, x in enumerate(xs)}
    yi = {y: j for j, y in enumerate(ys)}
    owner: dict[tuple[int, int], int] = {}
    for k in sorted(range(len(boxes)), key=lambda k: area(boxes[k])):
        x0, top, x1, bottom = boxes[k]
        for i in range(xi[x0], xi[x1]):
            for j in range(yi[top], yi[bottom]):
                owner.setdefault((i, j), k)
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return TableLayout(list(boxes), xs, ys, owner, bbox, [[] for _ in boxes])


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
    loose: set[int] = set()
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
        for (j0, j1), i0, i1 in _strips(slots):
            for i in range(i0, i1 + 1):
                for j in range(j0, j1 + 1):
                    owner[(i, j)] = len(out)
            loose.add(len(out))
            out.append((xs[i0], ys[j0], xs[i1 + 1], ys[j1 + 1]))
    lay = TableLayout(out, xs, ys, owner, (xs[0], ys[0], xs[-1], ys[-1]), [[] for _ in out])
    lay.loose = loose
    if loose:
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


def _free_boundaries(
    glyphs: list[Glyph], inner: list[float], gap: float, across: bool
) -> list[bool]:
    """For each position in ``inner``: does the text leave it clear, as a cell boundary?

    Clear means no word (``across``: no line) runs over it and, on every line (``across``:
    in the cell), the text either side of it is further apart than ``gap``: a space
    between two words of one phrase, or the leading between two lines of one text, is
    narrower.
    """
    if across:
        groups = [
            [
                (min(g.top for g in line), max(g.bottom for g in line))
                for line in cluster_lines(glyphs)
            ]
        ]
    else:
        groups = [[(w[0].x0, w[-1].x1) for w in words(line)] for line in cluster_lines(glyphs)]
    free = [True] * len(inner)
    # A glyph's box may reach a little over its cell's top or bottom (ascenders); across a
    # column boundary any overlap means one word.
    slack = gap / 2 if across else 0.0
    for spans in groups:
        for n, b in enumerate(inner):
            if not free[n]:
                continue
            before = max((e for s, e in spans if e <= b + slack), default=None)
            after = min((s for s, e in spans if s >= b - slack), default=None)
            if any(s < b - slack and e > b + slack for s, e in spans):
                free[n] = False
            elif before is not None and after is not None and after - before < gap:
                free[n] = False
    return free


def _cut(lay: TableLayout, k: int, cuts: list[float], across: bool) -> bool:
    """Replace cell ``k`` by its pieces between ``cuts`` (x positions; ``across``: y), its
    glyphs dealt by their centres; only when text then lies in two pieces or more."""
    parts: list[list[Glyph]] = [[] for _ in cuts[1:]]
    for g in lay.glyphs[k]:
        centre = (g.top + g.bottom) / 2 if across else (g.x0 + g.x1) / 2
        parts[min(bisect_right(cuts, centre) - 1, len(parts) - 1)].append(g)
    if sum(1 for p in parts if any(g.text.strip() for g in p)) < 2:
        return False
    x0, top, x1, bottom = lay.boxes[k]
    xi = {x: i for i, x in enumerate(lay.xs)}
    yi = {y: j for j, y in enumerate(lay.ys)}
    ids = [k] + list(range(len(lay.boxes), len(lay.boxes) + len(parts) - 1))
    for n, (a, b) in enumerate(pairwise(cuts)):
        box = (x0, a, x1, b) if across else (a, top, b, bottom)
        if n == 0:
            lay.boxes[k], lay.glyphs[k] = box, parts[0]
        else:
            lay.boxes.append(box)
            lay.glyphs.append(parts[n])
        for i in range(xi[box[0]], xi[box[2]]):
            for j in range(yi[box[1]], yi[box[3]]):
                lay.owner[(i, j)] = ids[n]
    return True


def split_by_text(lay: TableLayout, measures: PageMeasures) -> None:
    """Cut a cell that spans several of the table's columns where its text shows columns.

    A cell wider than one column holds either one text (a heading over its sub-columns, a
    full-width group row) or, where the writer drew no rule between cells (styled Word
    tables rule only the header and the frame), the texts of several cells side by side.
    The second kind is cut at every column boundary its text leaves clear, once text lies
    in two or more of the parts. A cell cut out of a region no rule closes (``loose``) is
    cut the same way across, at the row boundaries of the rest of the table: two SASARAN
    runs one under the other in a column the style leaves unruled.
    """
    gap = measures.column_gap
    cut = False
    for k in sorted(lay.loose):
        cut |= _split_cell(lay, k, gap, across=True)
    for k in range(len(lay.boxes)):
        cut |= _split_cell(lay, k, gap, across=False)
    if cut and RULING_INCOMPLETE not in lay.doubts:
        lay.doubts.append(RULING_INCOMPLETE)


def _split_cell(lay: TableLayout, k: int, gap: float, across: bool) -> bool:
    """Cut cell ``k`` at the table's inner boundaries (x; ``across``: y) its text leaves
    clear; False when it spans one column (row) or its text does not show two cells."""
    x0, top, x1, bottom = lay.boxes[k]
    grid, start, end = (lay.ys, top, bottom) if across else (lay.xs, x0, x1)
    i0, i1 = grid.index(start), grid.index(end)
    if i1 - i0 < 2 or not lay.glyphs[k]:
        return False
    inner = grid[i0 + 1 : i1]
    free = _free_boundaries(lay.glyphs[k], inner, gap, across)
    cuts = [start] + [b for b, f in zip(inner, free) if f] + [end]
    return len(cuts) > 2 and _cut(lay, k, cuts, across)
