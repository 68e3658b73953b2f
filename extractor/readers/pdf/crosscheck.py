"""A second opinion on each ruled table: pdfplumber's own lattice over the same rules.

Our ruling differs from pdfplumber's on purpose (tolerances from the page, rows a page break
cut closed, white cells that carry a rule on, cells cut where their text shows columns).
Where that makes the two readings disagree (other columns or rows), the one that keeps more
words whole inside one cell is the better explanation of the page: a word cut in two by a
cell boundary, or left in no cell, is a misreading by either. pdfplumber's reading replaces
ours only when it cuts fewer words; ``ruling-disagrees`` goes on the table whenever the two
disagree and ours is not the cleaner one, so the rows read from it carry the doubt.

It runs on the segments ``pdf.page`` already found visible, with pdfplumber's default
tolerances, so it costs no second parse of the page; and only on pages where our ruling
departed from the library's (about 10 ms a page there, nothing elsewhere).
"""

from __future__ import annotations

from typing import Any

from pdfplumber.table import (
    DEFAULT_JOIN_TOLERANCE,
    DEFAULT_SNAP_TOLERANCE,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)

from ...doubts import RULING_DISAGREES
from .page import Box, Glyph, PageContent
from .regions import TableLayout, boxes_layout
from .ruled import Ruling, bbox_of
from .text import cluster_lines, words

# pdfplumber's ``TableSettings`` defaults, so that the second opinion is the library's own.
_TOL = DEFAULT_SNAP_TOLERANCE
_JOIN = DEFAULT_JOIN_TOLERANCE


def plumber_tables(content: PageContent) -> list[list[Box]]:
    """pdfplumber's tables (cell boxes) over the page's visible segments."""
    edges: list[dict[str, Any]] = [
        {
            "orientation": "h",
            "x0": x0,
            "x1": x1,
            "top": y,
            "bottom": y,
            "width": x1 - x0,
            "height": 0.0,
        }
        for y, x0, x1 in content.hsegs
    ]
    edges += [
        {
            "orientation": "v",
            "x0": x,
            "x1": x,
            "top": top,
            "bottom": bottom,
            "width": 0.0,
            "height": bottom - top,
        }
        for x, top, bottom in content.vsegs
    ]
    if not edges:
        return []
    settings = content.measures.settings
    shortest, crossing = settings.cross_check_min_length, settings.cross_check_intersection
    merged = merge_edges(edges, _TOL, _TOL, _JOIN, _JOIN)
    merged = [
        e for e in merged if (e["width"] if e["orientation"] == "h" else e["height"]) >= shortest
    ]
    cells = intersections_to_cells(edges_to_intersections(merged, crossing, crossing))
    return [[tuple(map(float, c)) for c in t] for t in cells_to_tables(cells)]  # type: ignore[misc]


def _shape(boxes: list[Box]) -> tuple[int, int]:
    """Columns and row bands: distinct x boundaries and distinct tops (rounded to a point)."""
    xs = {round(b[0]) for b in boxes} | {round(b[2]) for b in boxes}
    tops = {round(b[1]) for b in boxes}
    return len(xs) - 1, len(tops)


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def misread_words(lay: TableLayout, glyphs: list[Glyph]) -> int:
    """Words of ``glyphs`` the layout cuts across cells or leaves in none of them."""
    x0, top, x1, bottom = lay.bbox
    bad = 0
    for line in cluster_lines(glyphs):
        for word in words(line):
            owners: set[int | None] = set()
            for g in word:
                cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
                if not (x0 <= cx < x1 and top <= cy < bottom):
                    owners.add(None)
                    continue
                owners.add(lay.owner.get(lay.slot(g)))
            bad += len(owners) > 1 or None in owners
    return bad


def cross_check(
    layouts: list[TableLayout], content: PageContent, rules: Ruling
) -> list[TableLayout]:
    """Each table, or pdfplumber's reading of it where that one cuts fewer words; tables
    whose readings disagree and that are not the cleaner one carry ``ruling-disagrees``.

    Asked only where our reading went its own way (``Ruling.departs``, a cell cut by its
    text): elsewhere both lattices see the same rules with the same tolerance.
    """
    if not rules.departs and not any(lay.doubts for lay in layouts):
        return layouts
    theirs = plumber_tables(content)
    if not theirs:
        return layouts
    out: list[TableLayout] = []
    for lay in layouts:
        best = max(theirs, key=lambda t: _overlap(lay.bbox, bbox_of(t)))
        if not _overlap(lay.bbox, bbox_of(best)) or _shape(best) == _shape(lay.boxes):
            out.append(lay)
            continue
        glyphs = [g for gs in lay.glyphs for g in gs]
        other = boxes_layout(best)
        ours_bad, theirs_bad = misread_words(lay, glyphs), misread_words(other, glyphs)
        if theirs_bad < ours_bad:
            for g in glyphs:
                k = other.owner.get(other.slot(g))
                if k is not None:
                    other.glyphs[k].append(g)
            other.doubts = [*lay.doubts, RULING_DISAGREES]
            out.append(other)
            continue
        if ours_bad and RULING_DISAGREES not in lay.doubts:
            lay.doubts.append(RULING_DISAGREES)
        out.append(lay)
    return out
