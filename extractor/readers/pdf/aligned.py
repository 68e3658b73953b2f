"""A table without ruling lines, read from its header and from how its body lines up.

Used only on a page that has text but no ruled table. In order:

1. the header band, found by its words (``pdf.header``);
2. column boundaries between the header's words, in the body's whitespace valleys
   (``pdf.columns``); on a page with no header, the previous page's boundaries when the
   body still fits them, else whitespace alone (``columns-guessed``);
3. the body: the lines below the header while they keep inside the columns, with no text
   but marks under the schedule's sub-headings (a line that breaks this is kept when table
   lines follow it: it straddles), up to a line that leaves them (a signature block, a
   note); rows after a step much larger than every row step before it are cut off too;
4. rows from the page's own line pitches (``pdf.rows``);
5. cells (``pdf.aligned_cells``): words to the columns of their centres, the header as one
   or two rows.

Every size involved is measured on the page; the shares are ``BorderlessSettings``. What
was seen goes into a ``PageView`` (``Grid.seen``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from statistics import median
from typing import NamedTuple

from ...doubts import COLUMNS_GUESSED, ROWS_GUESSED
from ...grid import Cell, Table
from ...marks import is_mark_text
from ...seen import PageView
from .aligned_cells import body_row, header_rows, mark_inked
from .columns import (
    Columns,
    fits,
    guess_columns,
    header_columns,
    mark_columns,
    reuse_columns,
)
from .header import HeaderBand, find_header
from .page import Box, Fill, Glyph
from .rows import RowSplit, baseline, columns_of, part_lines, run_ons, split_rows
from .settings import DEFAULT_PDF_TEXT, BorderlessSettings, PdfTextSettings
from .text import Word, line_words, page_advance, split_at_gaps


@dataclass(slots=True)
class AlignedMemory:
    """What one page leaves for the next: the column boundaries it found."""

    bounds: list[float] | None = None
    schedule: tuple[float, float] | None = None  # x range of the period sub-headings


class AlignedTable(NamedTuple):
    table: Table
    first: int  # index of the table's first line among the page's lines
    last: int  # and of its last
    view: PageView


@dataclass(slots=True)
class _Page:
    """The page's lines with text, and the measures taken on them."""

    lines: list[list[Glyph]]
    words: list[list[Word]]
    index: list[int]  # position of each line among the caller's lines
    size: float  # the body's font size
    space: float  # the body's space advance, points
    advance: float | None  # the page's space advance in font sizes, when it shows one


def _measure(lines: list[list[Glyph]], settings: PdfTextSettings) -> _Page | None:
    index = [i for i, line in enumerate(lines) if any(g.text.strip() for g in line)]
    kept = [lines[i] for i in index]
    advance = page_advance(kept, settings.text)
    words = [line_words(line, settings.text, advance) for line in kept]
    sizes = [w.size for ws in words for w in ws]
    if not sizes:
        return None
    size = median(sizes)
    em = advance if advance is not None else settings.text.space_em
    return _Page(kept, words, index, size, em * size, advance)


def aligned_table(
    lines: list[list[Glyph]],
    fills: list[Fill],
    page: int,
    inks: Sequence[Box] = (),
    *,
    settings: PdfTextSettings = DEFAULT_PDF_TEXT,
    memory: AlignedMemory | None = None,
    width: float = 0.0,
    height: float = 0.0,
) -> AlignedTable | None:
    """The borderless table among ``lines`` and the index range of lines it uses."""
    bl = settings.borderless
    pg = _measure(lines, settings)
    if pg is None:
        return None
    found = _locate(pg, settings, memory)
    if found is None:
        return None
    band, start, end, cols = found
    body = pg.words[start : end + 1]
    text_cols = _text_columns(body, cols)
    across = {id(body[i][0]) for i in cols.straddlers if i < len(body) and body[i]}
    body, origin = part_lines(body, cols.bounds, pg.size, text_cols, bl)
    split = split_rows(body, cols.bounds, pg.size, text_cols, pg.space, bl)
    starts = _trim_tail(body, split.starts, bl)
    if len(starts) < len(split.starts):
        cut = split.starts[len(starts)]
        end = start + origin[cut] - 1
        body = body[:cut]
        split = replace(split, starts=starts)
    groups, continued = _row_lines(body, split, cols, text_cols, pg.space)
    rows: list[list[Cell]] = []
    if band is not None:
        rows.extend(header_rows(band, pg.size, cols.bounds, fills, page, bl))
    breaks: list[float] = []
    for r, row_lines in enumerate(groups):
        if not row_lines:
            continue
        if r:
            above = body[split.starts[r] - 1]
            below = body[split.starts[r]]
            breaks.append((max(w.bottom for w in above) + min(w.top for w in below)) / 2)
        rows.append(
            body_row(row_lines, cols.bounds, fills, page, bl, pg.space, continued[r], across)
        )
    if inks:
        mark_inked(rows, inks)
    table = Table(rows=rows, page=page)
    if cols.guessed:
        table.doubts.append(COLUMNS_GUESSED)
    if split.guessed:
        table.doubts.append(ROWS_GUESSED)
    if memory is not None:
        memory.bounds = list(cols.bounds)
    first = band.first if band is not None else start
    view = _view(page, width, height, pg, band, cols, split, breaks, rows)
    return AlignedTable(table, pg.index[first], pg.index[end], view)


# --- where the table is ---------------------------------------------------------------------


def _locate(
    pg: _Page, settings: PdfTextSettings, memory: AlignedMemory | None
) -> tuple[HeaderBand | None, int, int, Columns] | None:
    """The header band (if any), the body's first and last line, and the columns."""
    bl = settings.borderless
    band = find_header(pg.lines, pg.words, settings.text, bl, pg.advance)
    if band is not None and band.last + 1 < len(pg.words):
        start = band.last + 1
        cols = header_columns(band, pg.words[start:], bl)
        if cols is not None:
            schedule = band.schedule()
            end = _table_end(pg, start, cols.bounds, bl, schedule)
            again = header_columns(band, pg.words[start : end + 1], bl)
            if again is not None:
                cols = again
                end = _table_end(pg, start, cols.bounds, bl, schedule)
            if memory is not None:
                memory.schedule = schedule
            return band, start, end, cols
    if memory is not None and memory.bounds:
        reused = _continue(pg, memory.bounds, memory.schedule, bl)
        if reused is not None:
            return None, *reused
    return _guess(pg, settings)


def _continue(
    pg: _Page, bounds: list[float], schedule: tuple[float, float] | None, bl: BorderlessSettings
) -> tuple[int, int, Columns] | None:
    """A page without header whose body keeps the previous page's columns."""
    slack = bl.fit_slack * pg.size
    marks = mark_columns(pg.words, bounds)
    start = next(
        (
            i
            for i, ws in enumerate(pg.words)
            if len(columns_of(ws, bounds)) >= 2 and fits(ws, bounds, slack, marks, schedule)
        ),
        None,
    )
    if start is None:
        return None
    end = _table_end(pg, start, bounds, bl, schedule)
    cols = reuse_columns(bounds, pg.words[start : end + 1], bl)
    if cols is None:
        return None
    return start, end, cols


def _guess(pg: _Page, settings: PdfTextSettings) -> tuple[None, int, int, Columns] | None:
    """No header, no previous page: the lines that break into pieces, and their gaps."""
    bl = settings.borderless
    pieces = [len(split_at_gaps(line, bl.piece_gap, settings.text)) for line in pg.lines]
    dense_idx = [i for i, n in enumerate(pieces) if n >= bl.min_pieces]
    if len(dense_idx) < 2:
        return None
    first, last = dense_idx[0], dense_idx[-1]
    most = max(pieces[first : last + 1])
    dense = [pg.words[i] for i in dense_idx if pieces[i] >= max(bl.min_pieces, most / 2)]
    cols = guess_columns(dense, pg.words[first : last + 1], pg.size, bl)
    if cols is None:
        return None
    last = _extend_down(pg, first, last, cols.bounds, bl)
    return None, first, last, cols


def _top(ws: list[Word]) -> float:
    return min(w.top for w in ws)


def _extend_down(
    pg: _Page, first: int, last: int, bounds: list[float], bl: BorderlessSettings
) -> int:
    """The wrapped tail of the last dense line's row: lines at line pitch inside the columns."""
    pitches = sorted(_top(pg.words[i + 1]) - _top(pg.words[i]) for i in range(first, last))
    if not pitches:
        return last
    step = bl.wrap_step * pitches[len(pitches) // 4]
    slack = bl.fit_slack * pg.size
    while last + 1 < len(pg.words):
        nxt = pg.words[last + 1]
        if _top(nxt) - _top(pg.words[last]) > step or not fits(nxt, bounds, slack, set()):
            break
        last += 1
    return last


def _table_end(
    pg: _Page,
    start: int,
    bounds: list[float],
    bl: BorderlessSettings,
    schedule: tuple[float, float] | None = None,
) -> int:
    """The body's last line: see step 3 of the module docstring."""
    slack = bl.fit_slack * pg.size
    marks = mark_columns(pg.words[start:], bounds)
    last = start
    pending = 0
    for j in range(start, len(pg.words)):
        if fits(pg.words[j], bounds, slack, marks, schedule):
            last, pending = j, 0
        else:
            pending += 1
            if pending > 2:
                break
    return last


def _trim_tail(body: list[list[Word]], starts: list[int], bl: BorderlessSettings) -> list[int]:
    """Rows after a step much larger than every row step before it are not the table's
    (a signature block that happens to keep inside the columns)."""
    steps: list[float] = []
    for r in range(1, len(starts)):
        step = baseline(body[starts[r]]) - baseline(body[starts[r] - 1])
        if steps and step > bl.end_step * max(steps):
            return starts[:r]
        steps.append(step)
    return starts


def _row_lines(
    body: list[list[Word]], split: RowSplit, cols: Columns, text_cols: set[int], space: float
) -> tuple[list[list[list[Word]]], list[set[int]]]:
    """Each row's lines of words, with the text of cells that run on into the rows below
    given back to the cell it continues (``pdf.rows.run_ons``); and for each row, the
    columns whose cell is such a continuation."""
    ends = [*split.starts[1:], len(body)]
    groups = [[list(body[i]) for i in range(s, e)] for s, e in zip(split.starts, ends)]
    continued: list[set[int]] = [set() for _ in groups]
    inner = cols.inner
    moves = run_ons(body, split.starts, cols.bounds, text_cols, space, split.next_line)
    for r, c, owner in moves:
        taken = [[w for w in ws if bisect_right(inner, w.mid_x) == c] for ws in groups[r]]
        groups[r] = [[w for w in ws if bisect_right(inner, w.mid_x) != c] for ws in groups[r]]
        groups[owner].extend(ws for ws in taken if ws)
        continued[r].add(c)
    for r, lines in enumerate(groups):
        groups[r] = [ws for ws in lines if ws]
    return groups, continued


def _text_columns(body: list[list[Word]], cols: Columns) -> set[int]:
    marks = mark_columns(body, cols.bounds)
    return set(range(len(cols.bounds) - 1)) - marks


# --- what was seen ----------------------------------------------------------------------


def _view(
    page: int,
    width: float,
    height: float,
    pg: _Page,
    band: HeaderBand | None,
    cols: Columns,
    split: RowSplit,
    breaks: list[float],
    rows: list[list[Cell]],
) -> PageView:
    cells = [(c.x0, c.top, c.x1, c.bottom) for row in rows for c in row]
    measures = {
        "font_size": round(pg.size, 2),
        "space_advance": round(pg.space, 2),
        "line_pitch": round(split.pitch, 2),
    }
    if split.threshold is not None:
        measures["row_pitch_threshold"] = round(split.threshold, 2)
    notes: list[str] = []
    if band is None:
        notes.append(
            "no header on this page: "
            + ("columns from whitespace alone" if cols.guessed else "columns of the previous page")
        )
    if split.threshold is None:
        notes.append("every line pitch alike: rows from where text starts")
    if cols.straddlers:
        notes.append(f"{len(cols.straddlers)} line(s) cross a column boundary")
    marks = [
        (c.x0, c.top, c.x1, c.bottom) for row in rows for c in row if c.mark or is_mark_text(c.text)
    ]
    return PageView(
        page=page,
        width=width,
        height=height,
        method="aligned",
        measures=measures,
        tables=[(cols.bounds[0], rows[0][0].top, cols.bounds[-1], rows[-1][0].bottom)],
        cells=cells,
        columns=list(cols.bounds),
        row_breaks=breaks,
        marks=marks,
        header=band.box() if band is not None else None,
        notes=notes,
    )
