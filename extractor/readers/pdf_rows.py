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

from .pdf_settings import BorderlessSettings
from .pdf_text import Word


@dataclass(slots=True)
class RowSplit:
    starts: list[int]  # indexes of the lines that open a row; the first is 0
    pitch: float  # the line pitch (leading) measured on the page; 0 when none
    threshold: float | None  # a pitch above this opened a row; None: structure decided
    guessed: bool  # the split is weak or structure decided it


def baseline(ws: list[Word]) -> float:
    return median(w.bottom for w in ws)


def is_number_line(ws: list[Word]) -> bool:
    """1 2 3 ... : four or more whole numbers counting up from 1 or 2, and nothing else."""
    texts = [w.text.strip("()[].") for w in ws]
    if len(texts) < 4 or not all(t.isdigit() for t in texts):
        return False
    nums = [int(t) for t in texts]
    return nums[0] <= 2 and all(b > a for a, b in zip(nums, nums[1:]))


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


def _structure_breaks(
    body: list[list[Word]], bounds: list[float], text_columns: set[int], space: float
) -> list[bool]:
    """For each line after the first: does it open a row? See the module docstring."""
    cols = [columns_of(ws, bounds) for ws in body]
    right: dict[int, float] = {}
    for by_col in cols:
        for c, ws in by_col.items():
            right[c] = max(right.get(c, 0.0), max(w.x1 for w in ws))
    out: list[bool] = []
    for above, below in zip(cols, cols[1:]):
        if set(below) - set(above):
            out.append(True)
            continue
        out.append(
            any(
                c in text_columns and _would_fit(above[c], ws, right[c], space)
                for c, ws in below.items()
            )
        )
    return out


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
    usual = [abs(s - size) <= 0.1 * size for s in sizes]
    floor = settings.min_pitch * size
    steps = [p for i, p in enumerate(pitches) if p >= floor and usual[i] and usual[i + 1]]
    steps = steps or [p for p in pitches if p >= floor]
    if not steps:
        return RowSplit(list(range(n)), 0.0, None, True)
    leading = min(steps)
    if leading > settings.max_leading * size:
        # No two lines are close enough to share a cell: every line step is a row.
        threshold = settings.min_pitch * size
        breaks = [p >= threshold for p in pitches]
        guessed = False
    else:
        threshold = leading + max(settings.row_jump * size, settings.row_jump_ratio * leading)
        breaks = [p > threshold for p in pitches]
        above = [p for p in steps if p > threshold]
        guessed = bool(above) and min(above) - leading < settings.weak_jump * size
        if not above:
            breaks = _structure_breaks(body, bounds, text_columns, space)
            threshold = None
            guessed = True
    starts = [0]
    for i in range(1, n):
        if breaks[i - 1] or i in forced or (i - 1) in forced:
            starts.append(i)
    return RowSplit(starts, leading, threshold, guessed)
