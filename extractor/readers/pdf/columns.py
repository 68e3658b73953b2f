"""Column boundaries of a borderless table: header words as anchors, body whitespace as cuts.

The header's words (``pdf.header``: the lowest words at each x, so sub-headings rather than
the group heading over them) stand where the columns are. Between two neighbouring anchors
the boundary goes into the whitespace valley of the *body* (``pdf.gaps.Profile``): the
lowest, widest stretch between them. It is a boundary when

- no body line has ink there and the two anchors are separate headings (further apart than
  a phrase gap, or both period sub-headings), or lines on both sides come up to it;
- or only a few lines cross it (``straddle_share`` of the lines with text beside it): those
  lines straddle the boundary and their cells say so.

Two words of one heading ("SASARAN" "KEGIATAN") have the column's text running under the
space between them, so no valley opens there. The outer edges are the outermost ink of the
header and body together.

A page without a header reuses the previous page's boundaries when its body still leaves
them blank (a table continued without repeating its header); without either, columns come
from whitespace alone and the table says ``columns-guessed``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from ...marks import is_mark_text
from .gaps import Profile, Valley, column_gaps, place_boundaries
from .header import HeaderBand, is_period_word, segments
from .rows import columns_of, is_number_line
from .settings import BorderlessSettings
from .text import Word


@dataclass(slots=True)
class Columns:
    bounds: list[float]  # left edge, inner boundaries, right edge
    straddlers: set[int] = field(default_factory=set)  # body lines crossing a boundary
    guessed: bool = False

    @property
    def inner(self) -> list[float]:
        return self.bounds[1:-1]


def _edges(groups: list[list[Word]]) -> tuple[float, float]:
    ws = [w for g in groups for w in g]
    return min(w.x0 for w in ws), max(w.x1 for w in ws)


def _clusters(anchors: list[Word]) -> list[list[Word]]:
    """Anchors whose x ranges overlap (stacked sub-headings of one column) go together."""
    out: list[list[Word]] = []
    for w in sorted(anchors, key=lambda w: w.x0):
        if out and w.x0 < max(o.x1 for o in out[-1]):
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _one_heading(left: Word, right: Word, band: HeaderBand) -> bool:
    """The two words stand in one heading of the band (one phrase, and one heading of
    it where the phrase runs several together): the gap is that heading's word space."""
    for p in band.phrases:
        for seg in segments(p, band.settings):
            if any(w is left for w in seg) and any(w is right for w in seg):
                return True
    return False


def _edge_at(
    body: list[list[Word]], valley: Valley, lo: float, hi: float, tolerance: float
) -> bool:
    """Lines with text on both sides of ``valley``, between ``lo`` and ``hi``, line up on
    one side of it (check marks left out: centred in their column, they line up wherever
    they stand)."""
    starts: list[float] = []
    ends: list[float] = []
    for line in body:
        ws = [w for w in line if not is_mark_text(w.text) and w.x1 > lo and w.x0 < hi]
        right = [w.x0 for w in ws if w.x0 >= valley.x1]
        left = [w.x1 for w in ws if w.x1 <= valley.x0]
        if right and left:
            starts.append(min(right))
            ends.append(max(left))
    if len(starts) < 2:
        return False
    return max(starts) - min(starts) <= tolerance or max(ends) - min(ends) <= tolerance


def header_columns(
    band: HeaderBand, body: list[list[Word]], settings: BorderlessSettings
) -> Columns | None:
    """Boundaries between the header's anchors; None when fewer than two columns result."""
    clusters = _clusters(band.anchors())
    if len(clusters) < 2:
        return None
    profile = Profile(body)
    inner: list[float] = []
    straddlers: set[int] = set()
    for left, right in pairwise(clusters):
        a = max(w.x1 for w in left)
        b = min(w.x0 for w in right)
        valley = profile.valley(a, b)
        if valley is None:
            continue
        lw = max(left, key=lambda w: w.x1)
        rw = min(right, key=lambda w: w.x0)
        periods = is_period_word(lw) and is_period_word(rw)
        if not periods and _one_heading(lw, rw, band):
            # A word space of one heading is a boundary only where the body shows a column
            # edge there: no ink in it, and two or more lines with text on both sides whose
            # text starts (or ends) at one x beside it, as a column's text does.
            lo, hi = min(w.x0 for w in left), max(w.x1 for w in right)
            tolerance = settings.edge_tolerance * lw.size
            if valley.count or not _edge_at(body, valley, lo, hi, tolerance):
                continue
        elif valley.count:
            beside = profile.beside(min(w.x0 for w in left), max(w.x1 for w in right))
            if valley.count > settings.straddle_share * beside:
                continue
            straddlers.update(profile.crossing(valley.mid))
        inner.append(valley.mid)
        straddlers.update(narrowing(body, valley.mid, settings.narrow_share))
    inner = sorted([*inner, *_numbered_splits(body, inner, profile, settings)])
    if not inner:
        return None
    x0, x1 = _edges([*clusters, *body])
    return Columns([x0, *inner, x1], straddlers)


def _numbered_splits(
    body: list[list[Word]], inner: list[float], profile: Profile, settings: BorderlessSettings
) -> list[float]:
    """Boundaries the column-number row shows and the header did not: a row that numbers
    every column (1 2 3 ... 17) holds one number a column, so two of its numbers under one
    header anchor stand over two columns (a scan's month label unread, "B8", leaves B8's
    marks under B9). The boundary goes into the body's valley between the two numbers,
    where few lines cross it."""
    line = next((ws for ws in body[: settings.number_row_lines] if is_number_line(ws)), None)
    if line is None:
        return []
    bounds = [float("-inf"), *sorted(inner), float("inf")]
    out: list[float] = []
    for ws in columns_of(sorted(line, key=lambda w: w.x0), bounds).values():
        for a, b in pairwise(ws):
            valley = profile.valley(a.x1, b.x0)
            if valley is not None and valley.count <= settings.straddle_share * len(body):
                out.append(valley.mid)
    return out


def narrowing(body: list[list[Word]], x: float, share: float) -> list[int]:
    """Lines whose own blank around ``x`` is less than ``share`` of the blank all other lines
    leave
    there: text running on across the boundary (a group row), even where the boundary
    fell into one of its word spaces. A line of a column's own text never narrows it: the
    strip all lines leave is the narrowest of their blanks."""
    gaps: list[tuple[float, float]] = []
    for ws in body:
        left = max((w.x1 for w in ws if w.x1 <= x), default=float("-inf"))
        right = min((w.x0 for w in ws if w.x0 >= x), default=float("inf"))
        if any(w.x0 < x < w.x1 for w in ws):
            left = right = x
        gaps.append((left, right))
    if len(gaps) < 3:
        return []
    lefts = sorted((a for a, _ in gaps), reverse=True)
    rights = sorted(b for _, b in gaps)
    out: list[int] = []
    for i, (a, b) in enumerate(gaps):
        others_left = lefts[1] if a == lefts[0] else lefts[0]
        others_right = rights[1] if b == rights[0] else rights[0]
        strip = others_right - others_left
        if strip != float("inf") and b - a < share * strip:
            out.append(i)
    return out


def reuse_columns(
    bounds: list[float], body: list[list[Word]], settings: BorderlessSettings
) -> Columns | None:
    """The previous page's boundaries, when this page's body leaves them blank."""
    if len(body) < 2 or len(bounds) < 3:
        return None
    profile = Profile(body)
    straddlers: set[int] = set()
    for x in bounds[1:-1]:
        crossing = profile.crossing(x)
        if len(crossing) > settings.straddle_share * len(body):
            return None
        straddlers.update(crossing)
        straddlers.update(narrowing(body, x, settings.narrow_share))
    x0, x1 = _edges([*body, [Word("", bounds[0], bounds[-1], 0, 0, 1, ())]])
    return Columns([x0, *bounds[1:-1], x1], straddlers)


def guess_columns(
    dense: list[list[Word]], region: list[list[Word]], size: float, settings: BorderlessSettings
) -> Columns | None:
    """Whitespace alone (``pdf.gaps.column_gaps``): no header, no previous page."""
    gaps = column_gaps(dense, settings.column_gap * size, settings.straddle_share)
    inner = place_boundaries(gaps, region)
    if not inner:
        return None
    x0, x1 = _edges(region)
    return Columns([x0, *inner, x1], guessed=True)


def mark_columns(body: list[list[Word]], bounds: list[float]) -> set[int]:
    """Columns whose body is check marks: they hold marks and little else (the
    column-number row left out; a month may have a single mark on the page)."""
    marks: dict[int, int] = {}
    other: dict[int, int] = {}
    for ws in body:
        if is_number_line(ws):
            continue
        for c, cws in columns_of(ws, bounds).items():
            for w in cws:
                if is_mark_text(w.text):
                    marks[c] = marks.get(c, 0) + 1
                else:
                    other[c] = other.get(c, 0) + 1
    return {c for c, n in marks.items() if n >= 2 * other.get(c, 0)}


def fits(
    ws: list[Word],
    bounds: list[float],
    slack: float,
    marks: set[int],
    schedule: tuple[float, float] | None = None,
) -> bool:
    """Every word lies inside one column, and no column of marks holds other text (nor the
    x range of the schedule's sub-headings, where the body has marks only)."""
    for c, cws in columns_of(ws, bounds).items():
        for w in cws:
            if w.x0 < bounds[c] - slack or w.x1 > bounds[c + 1] + slack:
                return False
            if is_mark_text(w.text):
                continue
            if c in marks or (schedule is not None and schedule[0] < w.mid_x < schedule[1]):
                return False
    return True
