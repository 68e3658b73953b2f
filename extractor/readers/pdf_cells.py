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

from ..grid import Cell, Table
from .pdf_page import Box, Fill, Glyph
from .pdf_text import block_text

COVER = 0.6  # a fill covering this share of a cell's area shades it
THIN_ROW = 4.0  # an empty row band thinner than this is a double rule, not a row
EDGE = 1.0  # points: an ink this close to a cell border touches the ruling


@dataclass(slots=True)
class TableLayout:
    """One ruled table while glyphs are being dealt to its cells."""

    boxes: list[Box]
    xs: list[float]
    ys: list[float]
    owner: dict[tuple[int, int], int]
    bbox: Box
    glyphs: list[list[Glyph]] = field(default_factory=list)
    holes: dict[tuple[int, int], list[Glyph]] = field(default_factory=dict)
    inks: list[list[Box]] = field(default_factory=list)


def table_layout(boxes: list[Box]) -> TableLayout:
    xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    xi = {x: i for i, x in enumerate(xs)}
    yi = {y: i for i, y in enumerate(ys)}
    owner: dict[tuple[int, int], int] = {}
    for k, (x0, top, x1, bottom) in enumerate(boxes):
        for i in range(xi[x0], xi[x1]):
            for j in range(yi[top], yi[bottom]):
                owner.setdefault((i, j), k)
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return TableLayout(boxes, xs, ys, owner, bbox, [[] for _ in boxes])


def deal_inks(layouts: list[TableLayout], inks: list[Box]) -> list[Box]:
    """Assign each ink to the cell holding its centre; return the inks outside every table.

    An ink in a gap of the ruling is dropped: a hole becomes a cell only for its text.
    """
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


def ink_inside(ink: Box, box: Box) -> bool:
    """``ink`` lies wholly inside ``box``, clear of its borders, smaller than a shade."""
    x0, top, x1, bottom = box
    ix0, itop, ix1, ibottom = ink
    if ix0 < x0 + EDGE or ix1 > x1 - EDGE or itop < top + EDGE or ibottom > bottom - EDGE:
        return False
    return (ix1 - ix0) * (ibottom - itop) < COVER * (x1 - x0) * (bottom - top)


def deal_glyphs(
    tables: list[list[Box]], glyphs: list[Glyph]
) -> tuple[list[TableLayout], list[Glyph]]:
    """Assign each glyph to the cell holding its centre; return the layouts and the rest."""
    layouts = [table_layout(boxes) for boxes in tables]
    outside: list[Glyph] = []
    for g in glyphs:
        cx = (g.x0 + g.x1) / 2
        cy = (g.top + g.bottom) / 2
        for lay in layouts:
            x0, top, x1, bottom = lay.bbox
            if not (x0 <= cx < x1 and top <= cy < bottom):
                continue
            key = (bisect_right(lay.xs, cx) - 1, bisect_right(lay.ys, cy) - 1)
            k = lay.owner.get(key)
            if k is None:
                lay.holes.setdefault(key, []).append(g)
            else:
                lay.glyphs[k].append(g)
            break
        else:
            outside.append(g)
    return layouts, outside


def _fill_holes(lay: TableLayout) -> None:
    """Text in a gap of the ruling (a missing border piece) gets a cell of its own.

    The gap is widened across its row band to the neighbouring cells, so the text keeps its
    horizontal position for layout's column matching instead of being lost or misfiled.
    """
    done: set[tuple[int, int]] = set()
    for i, j in sorted(lay.holes):
        if (i, j) in done:
            continue
        i0 = i
        while i0 > 0 and (i0 - 1, j) not in lay.owner:
            i0 -= 1
        i1 = i
        while i1 + 1 < len(lay.xs) - 1 and (i1 + 1, j) not in lay.owner:
            i1 += 1
        collected: list[Glyph] = []
        for ii in range(i0, i1 + 1):
            done.add((ii, j))
            collected.extend(lay.holes.get((ii, j), []))
            lay.owner[(ii, j)] = len(lay.boxes)
        lay.boxes.append((lay.xs[i0], lay.ys[j], lay.xs[i1 + 1], lay.ys[j + 1]))
        lay.glyphs.append(collected)


def shaded_by(box: Box, fills: list[Fill]) -> bool:
    """The last-painted fill that covers most of the box decides (white paints over grey)."""
    x0, top, x1, bottom = box
    area = (x1 - x0) * (bottom - top)
    if area <= 0:
        return False
    shaded = False
    for (fx0, ftop, fx1, fbottom), shade in fills:
        w = min(x1, fx1) - max(x0, fx0)
        if w <= 0:
            continue
        h = min(bottom, fbottom) - max(top, ftop)
        if h > 0 and w * h >= COVER * area:
            shaded = shade
    return shaded


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


def build_table(lay: TableLayout, fills: list[Fill], page: int) -> Table | None:
    """Rows top to bottom of one ruled table, merged cells continued downwards."""
    if lay.holes:
        _fill_holes(lay)
    bands = sorted({b[1] for b in lay.boxes})
    bottoms = sorted({b[3] for b in lay.boxes})
    table_bottom = bottoms[-1]
    rows: list[list[Cell]] = []
    texts = [block_text(gs, b[2] - b[0]) for gs, b in zip(lay.glyphs, lay.boxes)]
    for n, band_top in enumerate(bands):
        band_bottom = bands[n + 1] if n + 1 < len(bands) else table_bottom
        row: list[tuple[float, Cell]] = []
        for k, (x0, top, x1, bottom) in enumerate(lay.boxes):
            if top == band_top:
                box = (x0, top, x1, bottom)
                inked = k < len(lay.inks) and any(ink_inside(i, box) for i in lay.inks[k])
                row.append((x0, glyph_cell(texts[k], box, lay.glyphs[k], fills, page, inked)))
            elif top < band_top < bottom:
                slice_box = (x0, band_top, x1, min(bottom, band_bottom))
                row.append(
                    (
                        x0,
                        Cell(
                            text="",
                            x0=x0,
                            x1=x1,
                            top=band_top,
                            bottom=slice_box[3],
                            page=page,
                            shaded=shaded_by(slice_box, fills) if fills else False,
                            continued=True,
                        ),
                    )
                )
        if not row:
            continue
        if band_bottom - band_top < THIN_ROW and all(not c.text for _, c in row):
            continue
        row.sort(key=lambda item: item[0])
        rows.append([c for _, c in row])
    if not rows:
        return None
    return Table(rows=rows, page=page)
