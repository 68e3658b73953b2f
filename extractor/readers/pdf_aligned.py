"""A table without ruling lines, read from how its text lines up.

Used only on a page that has text but no ruled table. The table starts at the first line
that breaks into three or more separate pieces and runs to the last such line, then on
down over the wrapped tail of the last row (lines at line pitch that keep inside the
columns). Columns are the x-gaps the body lines leave empty (see ``pdf_gaps``), each
boundary placed where the fewest words of *any* line cross. Rows break where the vertical
whitespace between lines is clearly wider than within a wrapped cell; when there is no such
gap each line is a row. This is a best effort by nature: a ruled table is always preferred.

A drawn mark (a tick as a path, a small picture) has no text to line up, so it is placed
after the table is read: in the row whose band (reaching halfway to the rows around it)
holds it and the column it lies wholly inside, when that cell has no text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from statistics import median

from ..grid import Cell, Table
from .pdf_cells import glyph_cell
from .pdf_gaps import column_gaps, place_boundaries
from .pdf_page import Box, Fill, Glyph
from .pdf_text import split_at_gaps, words

PIECE_GAP = 1.0  # font sizes: a wider gap separates two pieces of a line
ROW_GAP = 0.5  # font sizes: vertical whitespace that separates rows
MIN_PIECES = 3
# A line below the last dense one still belongs to the table when it is no further from
# the line above than this many typical line pitches (a wrapped cell, not a new paragraph).
WRAP_STEP = 1.6
SPAN_SHARE = 0.5  # a spanning text also covers a column when its ink fills this share


def _row_breaks(region: list[list[Glyph]], size: float) -> list[float]:
    spans = sorted((g.top, g.bottom) for line in region for g in line if g.text.strip())
    breaks: list[float] = []
    reach = spans[0][1]
    for top, bottom in spans[1:]:
        if top - reach >= ROW_GAP * size:
            breaks.append((reach + top) / 2)
        reach = max(reach, bottom)
    return breaks


def _top(line: list[Glyph]) -> float:
    return min(g.top for g in line)


def _fits(line: list[Glyph], bounds: list[float], slack: float) -> bool:
    """Every word of ``line`` lies inside one column: no text runs across a boundary."""
    inner = bounds[1:-1]
    for word in words(line):
        x0, x1 = word[0].x0, word[-1].x1
        c = bisect_right(inner, (x0 + x1) / 2)
        if x0 < bounds[c] - slack or x1 > bounds[c + 1] + slack:
            return False
    return True


def _extend_down(
    lines: list[list[Glyph]], first: int, last: int, bounds: list[float], size: float
) -> int:
    """Index of the table's real last line: the wrapped tail of its last row included.

    The last dense line is only the first line of the last row; the lines that wrap below
    it have text in fewer columns. They stay in the table while they follow at line pitch
    and keep inside the columns; a paragraph gap or text across a boundary (a signature
    block, a note under the table) ends it.
    """
    pitches = sorted(_top(lines[i + 1]) - _top(lines[i]) for i in range(first, last))
    if not pitches:
        return last
    step = WRAP_STEP * pitches[len(pitches) // 4]
    slack = 0.25 * size
    while last + 1 < len(lines):
        nxt = lines[last + 1]
        if _top(nxt) - _top(lines[last]) > step or not _fits(nxt, bounds, slack):
            break
        last += 1
    return last


def aligned_table(
    lines: list[list[Glyph]], fills: list[Fill], page: int, inks: Sequence[Box] = ()
) -> tuple[Table, int, int] | None:
    """The borderless table among ``lines`` and the index range of lines it uses."""
    pieces = [len(split_at_gaps(line, PIECE_GAP)) for line in lines]
    dense_idx = [i for i, n in enumerate(pieces) if n >= MIN_PIECES]
    if len(dense_idx) < 2:
        return None
    first, last = dense_idx[0], dense_idx[-1]
    region = lines[first : last + 1]
    most = max(pieces[first : last + 1])
    dense = [lines[i] for i in dense_idx if pieces[i] >= max(MIN_PIECES, most / 2)]
    size = median(g.size for line in region for g in line)
    inner = place_boundaries(column_gaps(dense, size), region)
    if not inner:
        return None
    left = min(line[0].x0 for line in region)
    right = max(max(g.x1 for g in line) for line in region)
    bounds = [left, *inner, right]
    ncols = len(bounds) - 1
    last = _extend_down(lines, first, last, bounds, size)
    region = lines[first : last + 1]

    breaks = _row_breaks(region, size)
    row_of: list[int] = []
    for n, line in enumerate(region):
        mid = sum((g.top + g.bottom) / 2 for g in line) / len(line)
        row_of.append(bisect_right(breaks, mid) if breaks else n)

    grouped: dict[int, list[list[Glyph]]] = {}
    for r, line in zip(row_of, region):
        grouped.setdefault(r, []).append(line)
    rows = [_row(row_lines, bounds, ncols, fills, page) for _, row_lines in sorted(grouped.items())]
    if inks:
        _mark_inked(rows, inks)
    return Table(rows=rows, page=page), first, last


def _mark_inked(rows: list[list[Cell]], inks: Sequence[Box]) -> None:
    """Set ``mark`` on empty cells holding a drawn mark; see the module docstring."""
    tops = [r[0].top for r in rows]
    bottoms = [r[0].bottom for r in rows]
    # Band edges: halfway between one row's bottom and the next row's top; the outer rows
    # reach as far out as their inner half-gap (or their own height when there is one row).
    mids = [(b + t) / 2 for b, t in zip(bottoms, tops[1:])]
    reach_up = (tops[1] - bottoms[0]) / 2 if len(rows) > 1 else bottoms[0] - tops[0]
    reach_down = (tops[-1] - bottoms[-2]) / 2 if len(rows) > 1 else reach_up
    edges = [tops[0] - reach_up, *mids, bottoms[-1] + reach_down]
    for x0, top, x1, bottom in inks:
        r = bisect_right(edges, (top + bottom) / 2) - 1
        if not 0 <= r < len(rows) or top < edges[r] or bottom > edges[r + 1]:
            continue
        for cell in rows[r]:
            if cell.x0 <= x0 and x1 <= cell.x1:
                if not cell.text.strip():
                    cell.mark = True
                break


def _widen(
    run: tuple[int, int, list[list[Glyph]]], bounds: list[float]
) -> tuple[int, int, list[list[Glyph]]]:
    """A text spanning columns also spans a further column its ink mostly fills.

    Words go to columns by their centres, so a centred group heading would otherwise lose
    an outer column it visibly covers; a ruled table gives the whole span.
    """
    a, b, ws = run
    if a == b:
        return run
    x0, x1 = ws[0][0].x0, ws[-1][-1].x1
    while a > 0 and min(x1, bounds[a]) - max(x0, bounds[a - 1]) > SPAN_SHARE * (
        bounds[a] - bounds[a - 1]
    ):
        a -= 1
    while b + 2 < len(bounds) and min(x1, bounds[b + 2]) - max(x0, bounds[b + 1]) > SPAN_SHARE * (
        bounds[b + 2] - bounds[b + 1]
    ):
        b += 1
    return a, b, ws


def _row(
    row_lines: list[list[Glyph]], bounds: list[float], ncols: int, fills: list[Fill], page: int
) -> list[Cell]:
    inner = bounds[1:-1]
    texts: dict[tuple[int, int], list[str]] = {}
    glyphs_of: dict[tuple[int, int], list[Glyph]] = {}
    for line in row_lines:
        runs: list[tuple[int, int, list[list[Glyph]]]] = []
        prev_x1 = 0.0
        for word in words(line):
            c = bisect_right(inner, (word[0].x0 + word[-1].x1) / 2)
            # Same column: same cell. A next column reached while no boundary lies in the
            # space before this word: the text itself crosses the boundary, so it spans
            # both columns (a group heading, a line running long).
            if runs and (
                c == runs[-1][1]
                or (
                    c > runs[-1][1]
                    and bisect_right(inner, prev_x1) == bisect_right(inner, word[0].x0)
                )
            ):
                a, b, ws = runs[-1]
                runs[-1] = (a, max(b, c), [*ws, word])
            else:
                runs.append((c, c, [word]))
            prev_x1 = word[-1].x1
        runs = [_widen(run, bounds) for run in runs]
        line_parts: dict[tuple[int, int], list[str]] = {}
        for a, b, ws in runs:
            line_parts.setdefault((a, b), []).append(
                " ".join("".join(g.text for g in w) for w in ws)
            )
            glyphs_of.setdefault((a, b), []).extend(g for w in ws for g in w)
        for key, parts in line_parts.items():
            texts.setdefault(key, []).append(" ".join(parts))
    top = min(g.top for line in row_lines for g in line)
    bottom = max(g.bottom for line in row_lines for g in line)
    covered = {c for a, b in texts for c in range(a, b + 1)}
    keys = sorted(set(texts) | {(c, c) for c in range(ncols) if c not in covered})
    cells: list[Cell] = []
    for a, b in keys:
        x0, x1 = bounds[a], bounds[b + 1]
        gs = glyphs_of.get((a, b), [])
        text = "\n".join(texts.get((a, b), []))
        cells.append(glyph_cell(text, (x0, top, x1, bottom), gs, fills, page))
    return cells
