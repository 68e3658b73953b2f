"""Ruling lines to cell rectangles, grouped into tables.

The method is pdfplumber's (snap nearby lines, join collinear pieces, find intersections,
take for each corner the smallest rectangle closed by lines, group cells that share
corners), rewritten over plain tuples with sorted indexes because it runs on every page and
must not cost more than the text parsing it follows. It works on segments already filtered
for visibility (see ``pdf_page``), which pdfplumber's finder cannot be told to do.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from .pdf_page import Box

SNAP = 3.0  # lines closer than this (points) are one line
JOIN = 3.0  # collinear pieces with gaps up to this are one line
MEET = 3.0  # a line ending this close to another still meets it
MIN_LENGTH = 3.0

Segment = tuple[float, float, float]  # position across, start, end along


def merge_segments(segs: list[Segment]) -> list[Segment]:
    """Snap segments at nearly the same position together and join collinear pieces."""
    if not segs:
        return []
    ordered = sorted(segs)
    groups: list[list[Segment]] = [[ordered[0]]]
    for s in ordered[1:]:
        if s[0] - groups[-1][-1][0] <= SNAP:
            groups[-1].append(s)
        else:
            groups.append([s])
    merged: list[Segment] = []
    for group in groups:
        pos = sum(s[0] for s in group) / len(group)
        pieces = sorted((s[1], s[2]) for s in group)
        start, end = pieces[0]
        for a, b in pieces[1:]:
            if a <= end + JOIN:
                end = max(end, b)
            else:
                merged.append((pos, start, end))
                start, end = a, b
        merged.append((pos, start, end))
    return [s for s in merged if s[2] - s[1] >= MIN_LENGTH]


def find_cells(hsegs: list[Segment], vsegs: list[Segment]) -> list[Box]:
    """Smallest closed rectangles of the ruling, as (x0, top, x1, bottom)."""
    hs = sorted(merge_segments(hsegs))  # by y
    vs = merge_segments(vsegs)
    if len(hs) < 2 or len(vs) < 2:
        return []
    hys = [h[0] for h in hs]
    # point -> (ids of horizontal lines through it, ids of vertical lines through it)
    points: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, (x, top, bottom) in enumerate(vs):
        lo = bisect_left(hys, top - MEET)
        hi = bisect_right(hys, bottom + MEET)
        for hi_ in range(lo, hi):
            y, x0, x1 = hs[hi_]
            if x0 - MEET <= x <= x1 + MEET:
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


def group_tables(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner belong to one table; tables top to bottom, then left."""
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
    tables = [g for g in groups.values() if len(g) > 1]
    tables.sort(key=lambda g: min((c[1], c[0]) for c in g))
    return tables
