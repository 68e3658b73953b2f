"""Ruling lines to cell rectangles, grouped into tables.

The method is pdfplumber's (snap nearby lines, join collinear pieces, find intersections,
take for each corner the smallest rectangle closed by lines, group cells that share
corners), rewritten over plain tuples with sorted indexes because it runs on every page and
must not cost more than the text parsing it follows. It works on segments already filtered
for visibility (see ``pdf.page``), which pdfplumber's finder cannot be told to do.

Its tolerances are the page's own (``PageMeasures``: a share of the font size, never less
than two rule widths), so that the two frames of neighbouring cells in a browser's
``border-collapse: separate`` table, the two strokes of a double border and a 3 pt outer
frame each become one rule, while no band that could hold a line of text is ever closed.

One thing pdfplumber does not do: a row a page break cut in two has no rule under it (or
over it, on the next page); its column rules just end. Where neighbouring column rules end
together with nothing across, the table is closed there (``close_open_ends``), so the cut
row's text stays in its cells instead of falling out of the table.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from pdfplumber.table import DEFAULT_SNAP_TOLERANCE as LIBRARY_SNAP

from ...ruled_settings import PageMeasures
from .page import Box, PageContent, Segment


def merge_segments(segs: list[Segment], snap: float, min_length: float) -> list[Segment]:
    """Snap segments at nearly the same position together and join collinear pieces."""
    if not segs:
        return []
    ordered = sorted(segs)
    groups: list[list[Segment]] = [[ordered[0]]]
    for s in ordered[1:]:
        if s[0] - groups[-1][-1][0] <= snap:
            groups[-1].append(s)
        else:
            groups.append([s])
    merged: list[Segment] = []
    for group in groups:
        pos = sum(s[0] for s in group) / len(group)
        pieces = sorted((s[1], s[2]) for s in group)
        start, end = pieces[0]
        for a, b in pieces[1:]:
            if a <= end + snap:
                end = max(end, b)
            else:
                merged.append((pos, start, end))
                start, end = a, b
        merged.append((pos, start, end))
    return [s for s in merged if s[2] - s[1] >= min_length]


def _meets(hs: list[Segment], hys: list[float], x: float, y: float, tol: float) -> bool:
    """Some horizontal rule passes through (or ends at) the point, within ``tol``."""
    for i in range(bisect_left(hys, y - tol), bisect_right(hys, y + tol)):
        if hs[i][1] - tol <= x <= hs[i][2] + tol:
            return True
    return False


def close_open_ends(hs: list[Segment], vs: list[Segment], tol: float) -> list[Segment]:
    """Rules closing the table where neighbouring column rules end together, open.

    ``hs`` sorted by y. An end is open when no horizontal rule meets it. Ends are grouped
    by height; in a group holding an open end, each two neighbours are joined, so that the
    open side of every cut cell is drawn from column rule to column rule.
    """
    hys = [h[0] for h in hs]
    ends: list[tuple[float, float, bool]] = []  # y, x, open
    for x, top, bottom in vs:
        ends.append((top, x, not _meets(hs, hys, x, top, tol)))
        ends.append((bottom, x, not _meets(hs, hys, x, bottom, tol)))
    if not any(open_ for _, _, open_ in ends):
        return []
    ends.sort()
    added: list[Segment] = []
    group: list[tuple[float, float, bool]] = []
    for end in [*ends, (float("inf"), 0.0, False)]:
        if group and end[0] - group[0][0] > tol:
            if len(group) > 1 and any(o for _, _, o in group):
                y = sum(g[0] for g in group) / len(group)
                xs = sorted((x, o) for _, x, o in group)
                for (xa, oa), (xb, ob) in pairwise(xs):
                    if (oa or ob) and xb > xa:
                        added.append((y, xa, xb))
            group = []
        group.append(end)
    return added


@dataclass(slots=True)
class Ruling:
    """A page's merged rules, sorted (``hs`` by y, ``vs`` by x), and the tolerance they were
    merged with. Cell corners are exactly these positions, so a cell's side can be looked up
    by its coordinate to ask whether a rule draws it."""

    hs: list[Segment]
    vs: list[Segment]
    tol: float
    # The ruling went where pdfplumber's would not: rules snapped from further apart than
    # its tolerance, white cells' sides carried, cut rows closed. Worth a second opinion.
    departs: bool = False
    _by_y: dict[float, list[tuple[float, float]]] = field(default_factory=dict)
    _by_x: dict[float, list[tuple[float, float]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for pos, a, b in self.hs:
            self._by_y.setdefault(pos, []).append((a, b))
        for pos, a, b in self.vs:
            self._by_x.setdefault(pos, []).append((a, b))

    def v_drawn(self, x: float, top: float, bottom: float) -> bool:
        """A vertical rule at ``x`` runs from ``top`` to ``bottom``."""
        tol = self.tol
        return any(a <= top + tol and b >= bottom - tol for a, b in self._by_x.get(x, ()))

    def h_drawn(self, y: float, x0: float, x1: float) -> bool:
        """A horizontal rule at ``y`` runs from ``x0`` to ``x1``."""
        tol = self.tol
        return any(a <= x0 + tol and b >= x1 - tol for a, b in self._by_y.get(y, ()))


def _carried(
    soft: list[Segment], rules: list[Segment], across: list[Segment], tol: float
) -> list[Segment]:
    """The soft segments that continue a rule (on its line, overlapping or touching it) or
    that end on a rule across them (the side of a white cell standing on a table rule)."""
    if not soft:
        return []
    pos = [r[0] for r in rules]
    cross = [r[0] for r in across]
    out = []
    for seg in soft:
        p, a, b = seg
        found = any(
            a <= rules[i][2] + tol and b >= rules[i][1] - tol
            for i in range(bisect_left(pos, p - tol), bisect_right(pos, p + tol))
        )
        if not found:
            found = any(
                across[i][1] - tol <= p <= across[i][2] + tol
                for end in (a, b)
                for i in range(bisect_left(cross, end - tol), bisect_right(cross, end + tol))
            )
        if found:
            out.append(seg)
    return out


def _carry_soft(
    content: PageContent, snap: float, min_length: float
) -> tuple[list[Segment], list[Segment]]:
    """The rules extended by the soft segments that carry them on, and by those carrying
    these in turn (a header of white cells two rows deep)."""
    hs = sorted(merge_segments(content.hsegs, snap, min_length))
    vs = sorted(merge_segments(content.vsegs, snap, min_length))
    soft_h, soft_v = list(content.soft_hsegs), list(content.soft_vsegs)
    while soft_h or soft_v:
        taken_h = _carried(soft_h, hs, vs, snap)
        taken_v = _carried(soft_v, vs, hs, snap)
        if not taken_h and not taken_v:
            break
        if taken_h:
            gone = set(taken_h)
            soft_h = [s for s in soft_h if s not in gone]
            hs = sorted(merge_segments(hs + taken_h, snap, min_length))
        if taken_v:
            gone = set(taken_v)
            soft_v = [s for s in soft_v if s not in gone]
            vs = sorted(merge_segments(vs + taken_v, snap, min_length))
    return hs, vs


def ruling(content: PageContent, measures: PageMeasures) -> Ruling:
    """Snap, join and close the page's visible segments (see the module docstring)."""
    snap, min_length = measures.snap, measures.min_length
    hs, vs = _carry_soft(content, snap, min_length)
    departs = len(hs) + len(vs) > 0 and (
        len(content.soft_hsegs) + len(content.soft_vsegs) > 0
        or _spread(content.hsegs, snap) > LIBRARY_SNAP
        or _spread(content.vsegs, snap) > LIBRARY_SNAP
    )
    if hs and len(vs) >= 2:
        closing = close_open_ends(hs, vs, snap)
        if closing:
            hs = sorted(merge_segments(hs + closing, snap, min_length))
            departs = True
    return Ruling(hs, vs, snap, departs)


def _spread(segs: list[Segment], snap: float) -> float:
    """The widest span of positions snapped into one rule."""
    widest = 0.0
    positions = sorted(s[0] for s in segs)
    start = prev = positions[0] if positions else 0.0
    for p in positions:
        if p - prev > snap:
            start = p
        widest = max(widest, p - start)
        prev = p
    return widest


def find_cells(rules: Ruling) -> list[Box]:
    """Smallest closed rectangles of the ruling, as (x0, top, x1, bottom)."""
    hs, vs, snap = rules.hs, rules.vs, rules.tol
    if len(hs) < 2 or len(vs) < 2:
        return []
    hys = [h[0] for h in hs]
    # point -> (ids of horizontal lines through it, ids of vertical lines through it)
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, (x, top, bottom) in enumerate(vs):
        lo = bisect_left(hys, top - snap)
        hi = bisect_right(hys, bottom + snap)
        for hi_ in range(lo, hi):
            y, x0, x1 = hs[hi_]
            if x0 - snap <= x <= x1 + snap:
                entry = points.setdefault((x, y), (set(), set()))
                entry[0].add(hi_)
                entry[1].add(vi)
    by_x: dict[float, list[float]] = defaultdict(list)
    by_y: dict[float, list[float]] = defaultdict(list)
    for x, y in points:
        by_x[x].append(y)
        by_y[y].append(x)
    for lst in by_x.values():
        lst.sort()
    for lst in by_y.values():
        lst.sort()

    def v_joined(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return not points[p][1].isdisjoint(points[q][1])

    def h_joined(p: tuple[float, float], q: tuple[float, float]) -> bool:
        return not points[p][0].isdisjoint(points[q][0])

    cells: list[Box] = []
    for x, y in points:
        ys_below = by_x[x]
        xs_right = by_y[y]
        found = False
        for by in ys_below[bisect_right(ys_below, y) :]:
            below = (x, by)
            if not v_joined((x, y), below):
                break  # the line down from this corner ends before ``below``
            for rx in xs_right[bisect_right(xs_right, x) :]:
                right = (rx, y)
                if not h_joined((x, y), right):
                    break
                corner = (rx, by)
                if corner in points and v_joined(corner, right) and h_joined(corner, below):
                    cells.append((x, y, rx, by))
                    found = True
                    break
            if found:
                break
    return cells


def group_tables(cells: list[Box], tol: float) -> list[list[Box]]:
    """Cells that share a corner belong to one table, and so do cells drawn over another
    table's area (rows closed only by their fills inside a frame closed by rules); tables
    top to bottom, then left."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[root(i)] = root(j)
    groups: dict[int, list[Box]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[root(i)].append(cell)
    tables = [g for g in _join_overlapping(list(groups.values()), tol) if len(g) > 1]
    tables.sort(key=lambda g: min((c[1], c[0]) for c in g))
    return tables


def bbox_of(cells: list[Box]) -> Box:
    """The box round ``cells``."""
    return (
        min(c[0] for c in cells),
        min(c[1] for c in cells),
        max(c[2] for c in cells),
        max(c[3] for c in cells),
    )


def _join_overlapping(groups: list[list[Box]], tol: float) -> list[list[Box]]:
    """Groups whose areas overlap (not merely touch) become one, until none do; a group
    lying inside one cell of another, clear of its sides, is that cell's content (a
    checkbox), and is dropped."""
    boxes = [bbox_of(g) for g in groups]
    changed = True
    while changed and len(groups) > 1:
        changed = False
        for a, b in combinations(range(len(groups)), 2):
            p, q = boxes[a], boxes[b]
            if min(p[2], q[2]) <= max(p[0], q[0]) or min(p[3], q[3]) <= max(p[1], q[1]):
                continue
            small, big = (a, b) if area(p) <= area(q) else (b, a)
            if not any(_content_of(boxes[small], cell, tol) for cell in groups[big]):
                groups[big] = groups[big] + groups[small]
                boxes[big] = bbox_of(groups[big])
            groups.pop(small)
            boxes.pop(small)
            changed = True
            break
    return groups


def area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _content_of(inner: Box, outer: Box, tol: float) -> bool:
    """``inner`` lies inside ``outer`` and touches none of its sides."""
    return (
        outer[0] + tol < inner[0]
        and outer[1] + tol < inner[1]
        and inner[2] < outer[2] - tol
        and inner[3] < outer[3] - tol
    )
