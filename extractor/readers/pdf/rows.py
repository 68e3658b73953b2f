"""Where the rows of a borderless table part: the page's own distribution of line pitches.

Between two consecutive lines of the body there is either "the same cell, next line" (one
line pitch, the leading) or "the next row" (the leading plus the row's padding and any gap
between rows). Programs place lines to a hundredth of a point, so the pitches form two
tight clusters: the lowest one is the leading, and a pitch that clears it by a share of the
font size is a row break. Pitches shorter than a line step come from cells set at other
heights (a vertically centred cell) and break nothing. The split is recorded as weak when
the two clusters lie close.

When every pitch is the same there is nothing to split: either every line is a row, or
the cells were set with no padding at all. Then structure decides, and the rows are marked
as guessed: a line starts a row when it has text in a column the line above left empty
(cells are written from their top line down), or when its first word in a column would
have fitted at the end of the line above (a wrap moves a word only when it does not fit).

A line that is a run of column numbers (1 2 3 ... 17 under the header) is a row of its
own whatever its spacing.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from statistics import median

from ...marks import is_mark_text
from ...text import counts_up
from .settings import BorderlessSettings
from .text import Word


@dataclass(slots=True)
class RowSplit:
    starts: list[int]  # indexes of the lines that open a row; the first is 0
    pitch: float  # the line pitch (leading) measured on the page; 0 when none
    threshold: float | None  # a pitch above this opened a row; None: structure decided
    guessed: bool  # the split is weak or structure decided it
    next_line: float = 0.0  # the largest pitch seen between two lines of one cell


def baseline(ws: list[Word]) -> float:
    """Where the line sits: its words' bottoms, check marks left out when it has text (a
    mark set midway down its row may have joined a text line a little off its baseline)."""
    text = [w.bottom for w in ws if not is_mark_text(w.text)]
    return median(text or [w.bottom for w in ws])


def is_number_line(ws: list[Word]) -> bool:
    """1 2 3 ... : four or more whole numbers counting up from 1 or 2 and nothing else, one
    in eight allowed to be misread (``text.counts_up``)."""
    return counts_up([w.text.strip("()[].") for w in ws])


def columns_of(ws: list[Word], bounds: list[float]) -> dict[int, list[Word]]:
    inner = bounds[1:-1]
    out: dict[int, list[Word]] = {}
    for w in ws:
        out.setdefault(bisect_right(inner, w.mid_x), []).append(w)
    return out


def _would_fit(above: list[Word], below: list[Word], right: float, space: float) -> bool:
    """The first word of ``below`` had room at the end of ``above``: not a wrap."""
    first = min(below, key=lambda w: w.x0)
    end = max(w.x1 for w in above)
    return end + space + (first.x1 - first.x0) <= right


def _right_limits(cols: list[dict[int, list[Word]]]) -> dict[int, float]:
    """How far right each column's text reaches: its widest line of two words or more (a
    lone word wider than its cell runs over the edge and says nothing of the wrap width)."""
    right: dict[int, float] = {}
    for by_col in cols:
        for c, ws in by_col.items():
            reach = max(w.x1 for w in ws) if len(ws) > 1 else 0.0
            right[c] = max(right.get(c, 0.0), reach)
    return right


OPENS = "opens"  # the line starts new cells: a row begins
CONTINUES = "continues"  # every cell of the line goes on from the line above (a wrap)


def _structure(
    body: list[list[Word]], bounds: list[float], text_columns: set[int], space: float
) -> list[str | None]:
    """For each line after the first, what its text says: OPENS, CONTINUES or None.

    A line opens a row when it has text in a column the text line above left empty (cells
    are written from their top line down), or when its first word in a column would have
    fitted at the end of the line above (a wrap moves a word only when it does not fit). It
    continues when every column it has text in had text above and none of those words
    would have fitted. Only text columns count: a column of marks set midway down its row
    (a cell centred vertically) neither opens a row nor ends one, and a line of marks alone
    says nothing; a text line is compared with the text line above it.
    """
    cols = [
        {c: ws for c, ws in columns_of(line, bounds).items() if c in text_columns} for line in body
    ]
    right = _right_limits(cols)
    out: list[str | None] = []
    above: dict[int, list[Word]] = cols[0]
    for below in cols[1:]:
        if not below:
            out.append(None)
            continue
        if not above:
            out.append(None)
        elif set(below) - set(above) or any(
            _would_fit(above[c], ws, right[c], space) for c, ws in below.items()
        ):
            out.append(OPENS)
        else:
            out.append(CONTINUES)
        above = below
    return out


def _has_text(ws: list[Word], bounds: list[float], text_columns: set[int]) -> bool:
    return any(c in text_columns for c in columns_of(ws, bounds))


def _off_grid(
    body: list[list[Word]],
    pitches: list[float],
    bounds: list[float],
    text_columns: set[int],
    floor: float,
) -> bool:
    """Text lines closer than a line step: cells set at other heights (centred)."""
    return any(
        p < floor
        and _has_text(body[i], bounds, text_columns)
        and _has_text(body[i + 1], bounds, text_columns)
        for i, p in enumerate(pitches)
    )


def part_lines(
    body: list[list[Word]],
    bounds: list[float],
    size: float,
    text_columns: set[int],
    settings: BorderlessSettings,
) -> tuple[list[list[Word]], list[int]]:
    """The body's lines, a line parted where its columns' texts stand at two heights; with
    each line's index in ``body``.

    Lines were gathered across the page with a tolerance for text set a little off its
    neighbours. In a table of vertically centred cells that gathers the last line of one
    row's cell and the first line of the next row's merged cell when they happen to stand
    a point apart, and no row break between the two could be drawn. Only such tables
    (text lines off the line grid) are parted; a top-aligned table keeps its lines.
    """
    identity = list(range(len(body)))
    ys = [baseline(ws) for ws in body]
    pitches = [b - a for a, b in zip(ys, ys[1:])]
    if not _off_grid(body, pitches, bounds, text_columns, settings.min_pitch * size):
        return body, identity
    gap = settings.part_gap * size
    out: list[list[Word]] = []
    origin: list[int] = []
    for i, ws in enumerate(body):
        if is_number_line(ws):
            # The column-number row is a row of its own whatever its spacing: a number
            # set (or read from a scan) a little off its neighbours parts nothing.
            out.append(ws)
            origin.append(i)
            continue
        by_col = columns_of(ws, bounds)
        levels = sorted(baseline(v) for c, v in by_col.items() if c in text_columns)
        heights: list[list[float]] = []
        for y in levels:
            if heights and y - heights[-1][-1] <= gap:
                heights[-1].append(y)
            else:
                heights.append([y])
        if len(heights) <= 1:
            out.append(ws)
            origin.append(i)
            continue
        centres = [median(h) for h in heights]
        parts: list[list[Word]] = [[] for _ in heights]
        for cws in by_col.values():
            y = baseline(cws)
            k = min(range(len(centres)), key=lambda k: abs(centres[k] - y))
            parts[k].extend(cws)
        for part in parts:
            out.append(sorted(part, key=lambda w: w.x0))
            origin.append(i)
    return out, origin


def split_rows(
    body: list[list[Word]],
    bounds: list[float],
    size: float,
    text_columns: set[int],
    space: float,
    settings: BorderlessSettings,
) -> RowSplit:
    """The lines that open rows; see the module docstring."""
    n = len(body)
    if n <= 1:
        return RowSplit([0] if n else [], 0.0, None, False)
    ys = [baseline(ws) for ws in body]
    pitches = [b - a for a, b in zip(ys, ys[1:])]
    forced = {i for i, ws in enumerate(body) if is_number_line(ws)}
    # The leading is measured between lines of the body's own size: a cell set smaller to
    # fit has a smaller leading of its own, which is not the table's.
    sizes = [median(w.size for w in ws) for ws in body]
    usual = [abs(s - size) <= settings.size_spread * size for s in sizes]
    floor = settings.min_pitch * size
    steps = [p for i, p in enumerate(pitches) if p >= floor and usual[i] and usual[i + 1]]
    steps = steps or [p for p in pitches if p >= floor]
    if not steps:
        return RowSplit(list(range(n)), 0.0, None, True)
    leading = min(steps)
    labels = _structure(body, bounds, text_columns, space)
    centred = _off_grid(body, pitches, bounds, text_columns, floor)
    by_column = _column_lines(body, bounds, text_columns, forced)
    column_steps = [
        b - a for lines in by_column.values() for (_, a), (_, b) in zip(lines, lines[1:])
    ]
    column_leading = min((p for p in column_steps if p >= floor), default=0.0)
    if centred and 0.0 < column_leading <= settings.max_leading * size:
        return _split_centred(body, pitches, by_column, column_leading, forced, size, settings)
    if leading > settings.max_leading * size:
        # No two lines are close enough to share a cell: every line step is a row.
        threshold: float | None = floor
        breaks = [p >= floor for p in pitches]
        guessed = False
    else:
        threshold = leading + max(settings.row_jump * size, settings.row_jump_ratio * leading)
        above = [p for p in steps if p > threshold]
        if not above:
            # Text lines off the line grid (a pitch shorter than a line) come from cells
            # centred vertically: where a cell's text starts then says nothing of rows.
            breaks = [lab == OPENS and not centred for lab in labels]
            threshold = None
            guessed = True
        else:
            # A weak split (pitches placed on a pixel grid, rows barely padded): a pitch
            # above the line step still does not open a row where the text plainly wraps.
            guessed = min(above) - leading < settings.weak_jump * size
            breaks = [
                p > threshold and not (guessed and lab == CONTINUES)
                for p, lab in zip(pitches, labels)
            ]
    within = [p for p, b in zip(pitches, breaks) if not b and p >= floor]
    next_line = max(within, default=leading) + settings.row_jump_ratio * leading
    if leading > settings.max_leading * size:
        next_line = 0.0  # no cell has two lines
    return RowSplit(_starts(breaks, forced), leading, threshold, guessed, next_line)


def _starts(breaks: list[bool], forced: set[int]) -> list[int]:
    starts = [0]
    for i in range(1, len(breaks) + 1):
        if breaks[i - 1] or i in forced or (i - 1) in forced:
            starts.append(i)
    return starts


def _column_lines(
    body: list[list[Word]], bounds: list[float], text_columns: set[int], skip: set[int]
) -> dict[int, list[tuple[int, float]]]:
    """Each text column's own lines, top down: (line index, the column's baseline there),
    the lines in ``skip`` (the column-number row) left out. A line of the body gathers
    words of several columns set at slightly different heights (cells centred
    vertically); a column's own words give its true line step."""
    out: dict[int, list[tuple[int, float]]] = {}
    for i, ws in enumerate(body):
        if i in skip:
            continue
        for c, cws in columns_of(ws, bounds).items():
            if c in text_columns:
                out.setdefault(c, []).append((i, baseline(cws)))
    return out


def _split_centred(
    body: list[list[Word]],
    pitches: list[float],
    by_column: dict[int, list[tuple[int, float]]],
    leading: float,
    forced: set[int],
    size: float,
    settings: BorderlessSettings,
) -> RowSplit:
    """Rows of a table whose cells are centred vertically, from each column's own lines.

    Centred cells interleave: the lines of short cells stand between the lines of tall
    ones, half a line off, and a merged SASARAN centred over two rows stands right where
    they part, so no pitch of the whole body shows the break. In one column, though,
    the lines of one cell are one leading apart, and two lines further apart belong to two
    cells: somewhere between them a row ends. Each such gap is an interval of line
    boundaries that must hold a break. Each interval, earliest end first, takes the
    boundary inside it that the most columns leave open (a gap there) and the fewest carry
    on across (a cell's lines either side: a tall cell of the row, or a merged cell), unless
    more columns carry on there than part (an empty paragraph inside one cell). A band
    across the whole body wider than a line step is a break as well.
    """
    threshold = leading + max(settings.row_jump * size, settings.row_jump_ratio * leading)
    n = len(pitches)
    gaps = [0] * n  # columns whose two lines either side of the boundary are two cells
    carry = [0] * n  # columns whose cell goes on across the boundary
    intervals: list[tuple[int, int]] = []
    for lines in by_column.values():
        for (i, a), (j, b) in zip(lines, lines[1:]):
            if b - a > threshold:
                intervals.append((i, j - 1))
                for k in range(i, j):
                    gaps[k] += 1
            else:
                for k in range(i, j):
                    carry[k] += 1
    breaks = [p > threshold for p in pitches]
    weak = False
    for first, last in sorted(intervals, key=lambda iv: (iv[1], iv[0])):
        if any(breaks[first : last + 1]):
            continue
        best = max(range(first, last + 1), key=lambda k: (gaps[k] - carry[k], -k))
        margin = gaps[best] - carry[best]
        if margin > 0:
            breaks[best] = True
            weak = weak or margin == 1
        else:
            weak = True
    within = [p for p, b in zip(pitches, breaks) if not b and p >= settings.min_pitch * size]
    next_line = max(max(within, default=leading), leading) + settings.row_jump_ratio * leading
    return RowSplit(_starts(breaks, forced), leading, threshold, weak, next_line)


def _token(text: str) -> str:
    return text.strip(".,;:()\"'").lower()


def _word_pairs(cols: list[dict[int, list[Word]]]) -> set[tuple[str, str]]:
    """Neighbouring words of one cell line, anywhere in the body: the page's own phrases."""
    pairs: set[tuple[str, str]] = set()
    for by_col in cols:
        for ws in by_col.values():
            ordered = sorted(ws, key=lambda w: w.x0)
            pairs.update((_token(a.text), _token(b.text)) for a, b in zip(ordered, ordered[1:]))
    return pairs


def _continues(above: list[Word], below: list[Word], pairs: set[tuple[str, str]]) -> bool:
    """``below`` reads as the rest of ``above``'s sentence: it opens in lower case, the
    line above breaks off after a comma, hyphen or slash, or the two words across the break
    stand side by side elsewhere on the page ("Kabupaten" / "Mempawah")."""
    first = min(below, key=lambda w: w.x0).text
    last = max(above, key=lambda w: w.x1).text
    return first[:1].islower() or last[-1:] in ",-/" or (_token(last), _token(first)) in pairs


def run_ons(
    body: list[list[Word]],
    starts: list[int],
    bounds: list[float],
    text_columns: set[int],
    space: float,
    limit: float,
) -> list[tuple[int, int, int]]:
    """Cells whose text runs on into the rows below: (row, column, owner row).

    A cell merged down over several rows (SASARAN over the rows that share it) is as tall as
    its text, which may be taller than the row it starts in; with no gap between rows its
    next lines stand in the band of the next row. They continue it when they stand right
    under its last line (no row gap between them in that column: a line of another column
    may stand a little lower and have taken them in), their first word would not have fitted on
    that line (a wrap, not a new cell), and they read on (see ``_continues``). Rows that
    touch (no padding between them) leave no other trace of where one cell ends.
    """
    cols = [columns_of(ws, bounds) for ws in body]
    right = _right_limits(cols)
    pairs = _word_pairs(cols)
    ends = [*starts[1:], len(body)]
    moves: list[tuple[int, int, int]] = []
    for c in sorted(text_columns):
        owner: int | None = None
        last: int | None = None  # the owner's last line with text in c
        for r, (s, e) in enumerate(zip(starts, ends)):
            lines = [i for i in range(s, e) if c in cols[i]]
            if not lines:
                continue
            first = lines[0]
            if (
                owner is not None
                and last is not None
                and first == s
                and baseline(cols[first][c]) - baseline(cols[last][c]) <= limit
                and not _would_fit(cols[last][c], cols[first][c], right[c], space)
                and _continues(cols[last][c], cols[first][c], pairs)
            ):
                moves.append((r, c, owner))
            else:
                owner = r
            last = lines[-1]
    return moves
