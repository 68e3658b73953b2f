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
from collections import Counter

from ...doubts import STRADDLES_COLUMN
from ...grid import Cell, Table
from ...ruled_settings import PageMeasures, RuledSettings
from ...seen import PageView
from .page import Box, Colour, Fill, Glyph, PageContent
from .regions import TableLayout, split_by_text, table_layout
from .ruled import Ruling
from .text import block_text, broken_block_text, cluster_lines, line_text

# For callers without page measures (``glyph_cell`` from the borderless reader).
_DEFAULTS = RuledSettings()


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
    """Assign each glyph to the cell holding its centre; return the layouts and the rest.

    A glyph that goes on the word the glyph drawn just before it began (same line, no gap)
    stays in that glyph's cell: a word too long for its column runs over into the next
    one, and is still one word of the cell it starts in (``straddles-column``).
    """
    layouts = [table_layout(boxes, rules) for boxes in tables]
    outside: list[Glyph] = []
    join = measures.word_join
    # Each table's box, grid and cells unpacked once: this loop runs for every glyph.
    areas = [(lay, *lay.bbox, lay.xs, lay.ys, lay.owner, lay.glyphs) for lay in layouts]
    last: TableLayout | None = None  # the table the glyph before went to, if any
    last_glyph: Glyph | None = None  # that glyph
    last_k = -1  # and its cell
    for g in glyphs:
        cx = (g.x0 + g.x1) / 2
        cy = (g.top + g.bottom) / 2
        for lay, x0, top, x1, bottom, xs, ys, owner, cells in areas:
            if not (x0 <= cx < x1 and top <= cy < bottom):
                continue
            k = owner[(bisect_right(xs, cx) - 1, bisect_right(ys, cy) - 1)]
            if last is lay and last_k != k and last_glyph is not None and _goes_on(
                last_glyph, g, join
            ):
                k = last_k
                lay.straddled.add(k)
            cells[k].append(g)
            last, last_glyph, last_k = lay, g, k
            break
        else:
            outside.append(g)
            last = None
    for lay in layouts:
        split_by_text(lay, measures)
    return layouts, outside


def _goes_on(before: Glyph, g: Glyph, join: float) -> bool:
    """``g`` continues the word ``before`` is part of: letters on one line, no further
    apart than ``join`` points."""
    if not (before.text.strip() and g.text.strip()):
        return False
    mid = (g.top + g.bottom - before.top - before.bottom) / 2
    return abs(mid) < 0.25 * max(before.size, g.size) and abs(g.x0 - before.x1) <= join


def claim_overflow(
    layouts: list[TableLayout], lines: list[list[Glyph]], measures: PageMeasures
) -> list[list[Glyph]]:
    """Give back to a table the lines of text that ran out of its bottom cells.

    A rowspan a page break cut (a browser's print) keeps its text running on below the
    rule that closes the other columns, with no rule round it. A line is such a tail when
    it lies within one bottom cell's width, starts no further below that cell's text than
    a line gap (``overflow_gap``), and that text already reaches the cell's bottom edge.
    Returns the lines that are not a tail, in order.
    """
    gap = measures.overflow_gap
    reach: dict[tuple[int, int], float] = {}
    for t, lay in enumerate(layouts):
        bottom = lay.bbox[3]
        for k, box in enumerate(lay.boxes):
            if box[3] == bottom and lay.glyphs[k]:
                last = max(g.bottom for g in lay.glyphs[k])
                if last >= bottom - gap - measures.font_size:
                    reach[(t, k)] = last
    if not reach:
        return lines
    kept: list[list[Glyph]] = []
    for line in lines:
        x0 = min(g.x0 for g in line)
        x1 = max(g.x1 for g in line)
        top = min(g.top for g in line)
        for (t, k), last in reach.items():
            box = layouts[t].boxes[k]
            if box[0] <= x0 and x1 <= box[2] and 0 <= top - last + gap <= 2 * gap:
                layouts[t].glyphs[k].extend(line)
                reach[(t, k)] = max(g.bottom for g in line)
                break
        else:
            kept.append(line)
    return kept


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
        mark=any(g.text.strip() for g in glyphs if g.symbol) or (inked and not text.strip()),
        shaded=shaded_by(box, fills) if fills else False,
    )


def cell_texts(lay: TableLayout) -> list[str]:
    """Each cell's text, a word its writer broke because it was wider than the cell put
    back together only where the page agrees.

    ``block_text`` rejoins a one-word line that fills most of its cell with the next line
    when that goes on in lower case. A writer breaks a word only when not even one more
    letter fits, so the join is kept only when the line ends within a letter's width of
    the cell's inner edge (the right padding taken as the left one), and not when the
    second part is a word of its own elsewhere in the table while the joined word is not
    ("pertanggungjawaban" + "penggunaan": a browser sizes a column to its longest word,
    which then fills its line too). A cell whose text runs over its side is never rejoined.
    """
    read = [broken_block_text(gs, b[2] - b[0]) for gs, b in zip(lay.glyphs, lay.boxes)]
    texts = [text for text, _ in read]
    # Only a cell whose text was rejoined reads otherwise without its width: the others
    # are not asked how many lines their glyphs stand on (every glyph of the table).
    suspects = [
        k
        for k, ((text, rejoined), gs) in enumerate(zip(read, lay.glyphs))
        if rejoined and len({round(g.top) for g in gs if g.text.strip()}) > text.count("\n") + 1
    ]
    if not suspects:
        return texts
    vocabulary = Counter(w for text in texts for w in text.split())
    for k in suspects:
        glyphs, box = lay.glyphs[k], lay.boxes[k]
        plain = block_text(glyphs)
        if plain == texts[k]:
            continue
        if k in lay.straddled or _overflows(glyphs, box):
            texts[k] = plain
            continue
        elsewhere = vocabulary - Counter(texts[k].split())
        texts[k] = _rejoin(plain, texts[k], elsewhere, _full_lines(glyphs, box))
    return texts


def _overflows(glyphs: list[Glyph], box: Box) -> bool:
    """Text reaching further right than the cell's left padding leaves room for: a word
    wider than its column, drawn over the cell's side."""
    if not glyphs:
        return False
    left = min(g.x0 for g in glyphs) - box[0]
    return max(g.x1 for g in glyphs) > box[2] - max(left, 0.0) + 0.5 * left


def _full_lines(glyphs: list[Glyph], box: Box) -> list[bool]:
    """For each text line of the cell: does it end within one of its letters' width of the
    inner right edge, so that no further letter would have fitted?"""
    lines = [ln for ln in cluster_lines(glyphs) if line_text(ln)]
    if not lines:
        return []
    inner = box[2] - max(min(g.x0 for g in glyphs) - box[0], 0.0)
    out = []
    for line in lines:
        letters = [g for g in line if g.text.strip()]
        width = sum(g.x1 - g.x0 for g in letters) / max(len(letters), 1)
        out.append(inner - max(g.x1 for g in line) <= width)
    return out


def _rejoin(plain: str, joined: str, elsewhere: Counter[str], full: list[bool]) -> str:
    """``joined`` is ``plain`` with some line breaks taken out; put back each one where
    the line before it was not full, or where the other cells' words say two words."""
    out: list[str] = []
    k = line = 0
    for i, ch in enumerate(plain):
        if k < len(joined) and joined[k] == ch:
            out.append(ch)
            k += 1
            line += ch == "\n"
            continue
        # ``ch`` is a line break block_text took out: the words either side of it
        head = plain[:i].rsplit(None, 1)[-1] if plain[:i].split() else ""
        tail = plain[i + 1 :].split(None, 1)[0] if plain[i + 1 :].split() else ""
        two_words = bool(elsewhere[tail]) and not elsewhere[head + tail]
        if two_words or not (line < len(full) and full[line]):
            out.append("\n")
        line += 1
    return "".join(out)


def _covering(boxes: list[Box], bands: list[float]) -> list[list[int]]:
    """For each band (the distinct tops of the boxes, in order), the boxes that begin in
    it or run down across its top, in their order: each box is placed in the bands it
    covers, not each band tested against every box."""
    first = {top: n for n, top in enumerate(bands)}
    covering: list[list[int]] = [[] for _ in bands]
    for k, (_, top, _, bottom) in enumerate(boxes):
        n = first[top]
        covering[n].append(k)
        n += 1
        while n < len(bands) and bands[n] < bottom:
            covering[n].append(k)
            n += 1
    return covering


def build_table(
    lay: TableLayout, fills: list[Fill], page: int, measures: PageMeasures
) -> Table | None:
    """Rows top to bottom of one ruled table, merged cells continued downwards."""
    cover = measures.settings.cover
    bands = sorted({b[1] for b in lay.boxes})
    bottoms = sorted({b[3] for b in lay.boxes})
    table_bottom = bottoms[-1]
    covering = _covering(lay.boxes, bands)
    rows: list[list[Cell]] = []
    texts = cell_texts(lay)
    for n, band_top in enumerate(bands):
        band_bottom = bands[n + 1] if n + 1 < len(bands) else table_bottom
        row: list[tuple[float, Cell]] = []
        colours: list[Colour | None] = []
        for k in covering[n]:
            x0, top, x1, bottom = lay.boxes[k]
            if top == band_top:
                box = (x0, top, x1, bottom)
                inked = k < len(lay.inks) and any(
                    ink_inside(i, box, measures.edge, cover) for i in lay.inks[k]
                )
                cell = glyph_cell(texts[k], box, lay.glyphs[k], [], page, inked)
                if k in lay.straddled:
                    cell.doubts.append(STRADDLES_COLUMN)
                row.append((x0, cell))
                colours.append(_colour(box, fills, cover))
            elif top < band_top < bottom:
                slice_box = (x0, band_top, x1, min(bottom, band_bottom))
                cell = Cell(
                    text="",
                    x0=x0,
                    x1=x1,
                    top=band_top,
                    bottom=slice_box[3],
                    page=page,
                    continued=True,
                )
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


def ruled_view(
    number: int, content: PageContent, layouts: list[TableLayout], tables: list[Table]
) -> PageView:
    """What the ruled reader saw on the page, for ``rak debug``: its measures, each table's
    box, cells, column boundaries and row breaks, and the cells it took for marks. The
    header is layout's to tell, not the reader's."""
    view = PageView(
        page=number,
        width=content.width,
        height=content.height,
        method="ruled" if tables else "none",
        measures=content.measures.as_dict(),
    )
    for lay in layouts:
        view.tables.append(lay.bbox)
        view.cells.extend(lay.boxes)
        view.columns.extend(lay.xs)
        view.row_breaks.extend(sorted({b[1] for b in lay.boxes}))
        for doubt in lay.doubts:
            view.notes.append(f"table at y={lay.bbox[1]:.0f}: {doubt}")
    for table in tables:
        for row in table.rows:
            view.marks.extend((c.x0, c.top, c.x1, c.bottom) for c in row if c.mark or c.shaded)
    return view
