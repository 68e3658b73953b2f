"""A table without ruling lines, read from how its text lines up.

Used only on a page that has text but no ruled table. The table region runs from the first
to the last line that breaks into three or more separate pieces. Columns are the x-gaps that
stay empty across the region's dense lines (a projection profile), each boundary placed where
the fewest words of *any* line cross, so a spanning header or a wrapped line that runs a
little long does not move it. Rows break where the vertical whitespace between lines is
clearly wider than within a wrapped cell; when there is no such gap each line is a row.
This is a best effort by nature: a ruled table is always preferred.
"""

from __future__ import annotations

from bisect import bisect_right
from statistics import median

from ..grid import Cell, Table
from .pdf_cells import shaded_by
from .pdf_page import Fill, Glyph
from .pdf_text import split_at_gaps, words

PIECE_GAP = 1.0  # font sizes: a wider gap separates two pieces of a line
COLUMN_GAP = 0.6  # font sizes: the narrowest empty strip that separates columns
ROW_GAP = 0.5  # font sizes: vertical whitespace that separates rows
MIN_PIECES = 3


def _coverage(intervals: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """Piecewise-constant count of intervals covering x, as (start, end, count)."""
    events = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals])
    pieces: list[tuple[float, float, int]] = []
    count = 0
    prev: float | None = None
    for x, delta in events:
        if prev is not None and x > prev:
            pieces.append((prev, x, count))
        count += delta
        prev = x
    return pieces


def _boundaries(dense: list[list[Glyph]], region: list[list[Glyph]], size: float) -> list[float]:
    spans = sorted((w[0].x0, w[-1].x1) for line in dense for w in words(line))
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= COLUMN_GAP * size:
            gaps.append((reach, a))
        reach = max(reach, b)
    if not gaps:
        return []
    everything = [(w[0].x0, w[-1].x1) for line in region for w in words(line)]
    pieces = _coverage(everything)
    starts = [p[0] for p in pieces]
    out: list[float] = []
    for g0, g1 in gaps:
        centre = (g0 + g1) / 2
        best: tuple[int, float, float] | None = None
        # an uncovered stretch of the gap counts as zero
        candidates: list[tuple[float, float, int]] = []
        cursor = g0
        for a, b, n in pieces[max(0, bisect_right(starts, g0) - 1) :]:
            if a >= g1:
                break
            lo, hi = max(a, g0), min(b, g1)
            if lo > cursor:
                candidates.append((cursor, lo, 0))
            if hi > lo:
                candidates.append((lo, hi, n))
            cursor = max(cursor, hi)
        if cursor < g1:
            candidates.append((cursor, g1, 0))
        for lo, hi, n in candidates:
            mid = (lo + hi) / 2
            key = (n, abs(mid - centre), mid)
            if best is None or key < best:
                best = key
        out.append(best[2] if best else centre)
    return out


def _row_breaks(region: list[list[Glyph]], size: float) -> list[float]:
    spans = sorted((g.top, g.bottom) for line in region for g in line if g.text.strip())
    breaks: list[float] = []
    reach = spans[0][1]
    for top, bottom in spans[1:]:
        if top - reach >= ROW_GAP * size:
            breaks.append((reach + top) / 2)
        reach = max(reach, bottom)
    return breaks


def aligned_table(
    lines: list[list[Glyph]], fills: list[Fill], page: int
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
    inner = _boundaries(dense, region, size)
    if not inner:
        return None
    left = min(line[0].x0 for line in region)
    right = max(max(g.x1 for g in line) for line in region)
    bounds = [left, *inner, right]
    ncols = len(bounds) - 1

    breaks = _row_breaks(region, size)
    row_of: list[int] = []
    for n, line in enumerate(region):
        mid = sum((g.top + g.bottom) / 2 for g in line) / len(line)
        row_of.append(bisect_right(breaks, mid) if breaks else n)

    grouped: dict[int, list[list[Glyph]]] = {}
    for r, line in zip(row_of, region):
        grouped.setdefault(r, []).append(line)
    rows = [_row(row_lines, bounds, ncols, fills, page) for _, row_lines in sorted(grouped.items())]
    return Table(rows=rows, page=page), first, last


def _row(
    row_lines: list[list[Glyph]], bounds: list[float], ncols: int, fills: list[Fill], page: int
) -> list[Cell]:
    inner = bounds[1:-1]
    texts: dict[tuple[int, int], list[str]] = {}
    glyphs_of: dict[tuple[int, int], list[Glyph]] = {}
    for line in row_lines:
        runs: list[tuple[int, int, list[list[Glyph]]]] = []
        prev_x1: float | None = None
        for word in words(line):
            c = bisect_right(inner, (word[0].x0 + word[-1].x1) / 2)
            gap_ok = prev_x1 is not None and word[0].x0 - prev_x1 <= COLUMN_GAP * word[0].size
            # Same column: same cell. A next column reached across a mere word space: the
            # text spans both columns (a spanning header, a line running long).
            if runs and (c == runs[-1][1] or (gap_ok and c > runs[-1][1])):
                a, b, ws = runs[-1]
                runs[-1] = (a, max(b, c), [*ws, word])
            else:
                runs.append((c, c, [word]))
            prev_x1 = word[-1].x1
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
        cells.append(
            Cell(
                text="\n".join(texts.get((a, b), [])),
                x0=x0,
                x1=x1,
                top=top,
                bottom=bottom,
                page=page,
                mark=any(g.symbol and g.text.strip() for g in gs),
                shaded=shaded_by((x0, top, x1, bottom), fills) if fills else False,
            )
        )
    return cells
