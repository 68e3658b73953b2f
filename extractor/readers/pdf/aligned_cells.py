"""Cells of a borderless table: words to the columns of their centres, spans, the header.

Each word goes to the column whose x-range holds its centre, so a check mark belongs to the
month that holds it however close the next column's text stands. A run of words that
crosses a boundary (no boundary in the space before a word) spans the columns it covers,
and a cell made of such a run records ``straddles-column``.

The header comes out as one row, or two when it has group headings over sub-columns (or
sub-headings on a line below the others): the group cell spanning its columns above the
sub-headings, as a ruled table's merged heading would. A group heading is a phrase of the
band a word of which crosses a boundary; it widens over the neighbouring columns whose
sub-headings stand on the same line as those under it.

A drawn mark (a tick as a path, a small picture) has no text to line up, so it is placed
after the table is read: in the row whose band (reaching halfway to the rows around it)
holds it and the column it lies wholly inside, when that cell has no text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from ...doubts import STRADDLES_COLUMN
from ...grid import Cell
from .cells import glyph_cell
from .header import HeaderBand
from .page import Box, Fill, Glyph
from .settings import BorderlessSettings
from .text import Word


def _column(inner: list[float], x: float) -> int:
    return bisect_right(inner, x)


def _spanned(phrase_words: list[Word], bounds: list[float], slack: float) -> tuple[int, int]:
    """The columns a run of words covers: those holding a word, and those a word crosses."""
    inner = bounds[1:-1]
    a = _column(inner, phrase_words[0].x0 + slack)
    b = _column(inner, phrase_words[-1].x1 - slack)
    return min(a, b), max(a, b)


def _widen(
    a: int, b: int, x0: float, x1: float, bounds: list[float], share: float
) -> tuple[int, int]:
    """A text spanning columns also spans a further column its ink mostly fills.

    Words go to columns by their centres, so a centred group heading would otherwise lose
    an outer column it visibly covers; a ruled table gives the whole span.
    """
    if a == b:
        return a, b
    while a > 0 and min(x1, bounds[a]) - max(x0, bounds[a - 1]) > share * (
        bounds[a] - bounds[a - 1]
    ):
        a -= 1
    while b + 2 < len(bounds) and min(x1, bounds[b + 2]) - max(x0, bounds[b + 1]) > share * (
        bounds[b + 2] - bounds[b + 1]
    ):
        b += 1
    return a, b


def _cell(
    text: str,
    span: tuple[int, int],
    top: float,
    bottom: float,
    glyphs: list[Glyph],
    bounds: list[float],
    fills: list[Fill],
    page: int,
) -> Cell:
    a, b = span
    return glyph_cell(text, (bounds[a], top, bounds[b + 1], bottom), glyphs, fills, page)


def header_rows(
    band: HeaderBand,
    size: float,
    bounds: list[float],
    fills: list[Fill],
    page: int,
    bl: BorderlessSettings,
) -> list[list[Cell]]:
    """The header as one row, or two with group headings over their sub-columns."""
    inner = bounds[1:-1]
    ncols = len(bounds) - 1
    slack = bl.fit_slack * size
    groups: list[tuple[int, int, int, list[Word]]] = []  # a, b, line, words
    own: dict[int, list[tuple[int, Word]]] = {}
    for p in band.phrases:
        a, b = _spanned(p.words, bounds, slack)
        crossing = any(
            _column(inner, w.x0 + slack) != _column(inner, w.x1 - slack) for w in p.words
        )
        if crossing:
            a, b = _widen(a, b, p.x0, p.x1, bounds, bl.span_share)
            groups.append((a, b, p.line, p.words))
        else:
            for w in p.words:
                own.setdefault(_column(inner, w.mid_x), []).append((p.line, w))
    spans = _group_spans(groups, own, ncols)
    tops = {c: min(line for line, _ in ws) for c, ws in own.items()}
    lower: set[int] = {c for a, b in spans for c in range(a, b + 1)}
    if not spans and len(set(tops.values())) > 1:
        label_line = max(tops.values())
        lower = {c for c, t in tops.items() if t == label_line}
    top = min(w.top for _, w in band.words())
    bottom = max(w.bottom for _, w in band.words())
    if not lower:
        row = [
            _header_cell(own.get(c, []), (c, c), top, bottom, bounds, fills, page)
            for c in range(ncols)
        ]
        return [row]
    split_y = (
        min(w.top for c in lower for _, w in own.get(c, []))
        if any(own.get(c) for c in lower)
        else bottom
    )
    first: list[Cell] = []
    covered: set[int] = set()
    for a, b in spans:
        ws = [
            (line, w)
            for ga, gb, line, gws in groups
            if (ga, gb) == (a, b) or a <= ga <= gb <= b
            for w in gws
        ]
        first.append(_header_cell(ws, (a, b), top, split_y, bounds, fills, page))
        covered.update(range(a, b + 1))
    for c in range(ncols):
        if c in covered:
            continue
        ws = [] if c in lower else own.get(c, [])
        first.append(_header_cell(ws, (c, c), top, split_y, bounds, fills, page))
    first.sort(key=lambda cell: cell.x0)
    second = [
        _header_cell(
            own.get(c, []) if c in lower else [], (c, c), split_y, bottom, bounds, fills, page
        )
        for c in range(ncols)
    ]
    return [first, second]


def _group_spans(
    groups: list[tuple[int, int, int, list[Word]]],
    own: dict[int, list[tuple[int, Word]]],
    ncols: int,
) -> list[tuple[int, int]]:
    """Column ranges of the group headings, each widened over the neighbouring columns
    whose sub-headings stand on the same line as the ones under it, merged when they meet."""
    spans: list[tuple[int, int]] = []
    for a, b, line, _ in sorted(groups, key=lambda g: g[0]):
        under = [ln for c in range(a, b + 1) for ln, _ in own.get(c, []) if ln > line]
        if under:
            label = min(under)

            def sub(c: int, line: int = line, label: int = label) -> bool:
                ws = own.get(c, [])
                return bool(ws) and min(ln for ln, _ in ws) == label and label > line

            while a > 0 and sub(a - 1):
                a -= 1
            while b + 1 < ncols and sub(b + 1):
                b += 1
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans


def _header_cell(
    ws: list[tuple[int, Word]],
    span: tuple[int, int],
    top: float,
    bottom: float,
    bounds: list[float],
    fills: list[Fill],
    page: int,
) -> Cell:
    by_line: dict[int, list[Word]] = {}
    for line, w in ws:
        by_line.setdefault(line, []).append(w)
    text = "\n".join(
        " ".join(w.text for w in sorted(by_line[k], key=lambda w: w.x0)) for k in sorted(by_line)
    )
    glyphs = [g for _, w in ws for g in w.glyphs]
    return _cell(text, span, top, bottom, glyphs, bounds, fills, page)


def _runs(
    ws: list[Word], inner: list[float], slack: float, word_gap: float, across: bool
) -> list[tuple[int, int, list[Word]]]:
    """A line's words as runs (first column, last column, words).

    Words in one column make one run, and so does a word that crosses a boundary with the
    words beside it. A line ``across`` the columns (the column finder saw it narrow a
    boundary's blank) whose words all stand no further apart than ``word_gap`` is one text
    running over the columns (a group row) and one run, even where a boundary fell into
    one of its word spaces.
    """
    if across and len(ws) > 1 and all(b.x0 - a.x1 <= word_gap for a, b in pairwise(ws)):
        return [(_column(inner, ws[0].x0 + slack), _column(inner, ws[-1].x1 - slack), ws)]
    runs: list[tuple[int, int, list[Word]]] = []
    prev: Word | None = None
    for w in ws:
        c = _column(inner, w.mid_x)
        if runs and prev is not None:
            a, b, run = runs[-1]
            if c == b or (c > b and _column(inner, prev.x1) == _column(inner, w.x0)):
                runs[-1] = (a, max(b, c), [*run, w])
                prev = w
                continue
        runs.append((c, c, [w]))
        prev = w
    return runs


def _touching(left: list[Word], right: list[Word], phrase: float, touch: float) -> bool:
    """Two runs of a line, parted at a column boundary by no more than a phrase gap, with
    words that touch (closer than ``touch``) at the boundary or beside it: text of two
    columns run together, and where one cell's text ends is a guess."""
    words = [*left[-2:], *right[:2]]
    gaps = [b.x0 - a.x1 for a, b in pairwise(words)]
    at = right[0].x0 - left[-1].x1
    return at <= phrase and min(gaps) < touch


def body_row(
    lines: list[list[Word]],
    bounds: list[float],
    fills: list[Fill],
    page: int,
    bl: BorderlessSettings,
    space: float,
    continued: set[int] | None = None,
    across: set[int] | None = None,
) -> list[Cell]:
    """One row's cells: words to the columns of their centres, runs across boundaries
    spanning the columns they cover (``_runs``; ``space`` is the page's space advance).
    An empty cell in a ``continued`` column is the lower part of a cell above that runs on
    into this row (as a merge continues in a ruled table). ``across`` holds ``id()`` of the
    first word of each line that runs across the columns (see ``_runs``)."""
    inner = bounds[1:-1]
    ncols = len(bounds) - 1
    slack = bl.fit_slack * max(w.size for ws in lines for w in ws)
    texts: dict[tuple[int, int], list[str]] = {}
    glyphs_of: dict[tuple[int, int], list[Glyph]] = {}
    unsure: set[tuple[int, int]] = set()  # cells a word of the line may belong beside
    for ws in lines:
        parts: dict[tuple[int, int], list[str]] = {}
        running = across is not None and id(ws[0]) in across
        last: tuple[tuple[int, int], list[Word]] | None = None
        for a, b, run in _runs(ws, inner, slack, bl.phrase_gap * space, running):
            key = _widen(a, b, run[0].x0, run[-1].x1, bounds, bl.span_share)
            parts.setdefault(key, []).append(" ".join(w.text for w in run))
            glyphs_of.setdefault(key, []).extend(g for w in run for g in w.glyphs)
            if running and last is not None and last[0] != key:
                if _touching(last[1], run, bl.phrase_gap * space, bl.touch_gap * space):
                    unsure.update((last[0], key))
            last = (key, run)
        for key, ps in parts.items():
            texts.setdefault(key, []).append(" ".join(ps))
    top = min(w.top for ws in lines for w in ws)
    bottom = max(w.bottom for ws in lines for w in ws)
    covered = {c for a, b in texts for c in range(a, b + 1)}
    keys = sorted(set(texts) | {(c, c) for c in range(ncols) if c not in covered})
    cells: list[Cell] = []
    for key in keys:
        cell = _cell(
            "\n".join(texts.get(key, [])),
            key,
            top,
            bottom,
            glyphs_of.get(key, []),
            bounds,
            fills,
            page,
        )
        if glyphs_of.get(key):
            gs = glyphs_of[key]
            cell.text_span = (min(g.top for g in gs), max(g.bottom for g in gs))
        if key[0] != key[1] or key in unsure:
            cell.doubts.append(STRADDLES_COLUMN)
        elif continued and key[0] in continued and not cell.text:
            cell.continued = True
        cells.append(cell)
    return cells


def mark_inked(rows: list[list[Cell]], inks: Sequence[Box]) -> None:
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
