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

from ..marks import is_mark_text
from ..text import counts_up
from .pdf_settings import BorderlessSettings
from .pdf_text import Word


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
            centred = any(
                p < floor
                and _has_text(body[i], bounds, text_columns)
                and _has_text(body[i + 1], bounds, text_columns)
                for i, p in enumerate(pitches)
            )
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
    starts = [0]
    for i in range(1, n):
        if breaks[i - 1] or i in forced or (i - 1) in forced:
            starts.append(i)
    return RowSplit(starts, leading, threshold, guessed, next_line)


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
