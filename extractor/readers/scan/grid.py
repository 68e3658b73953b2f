"""Ruling lines, table cells and text blocks of a straightened page (``scan.image``).

Tesseract reads words, not tables, so the table structure comes from the ruling lines in the
image. The method is plain OpenCV morphology (chosen over img2table, which does the same with
a polars/pandas stack and hides merged cells behind its own table model): on the adaptive ink
mask, opening with a long thin kernel keeps only straight runs; runs on one line with small
breaks between them (dashes, a copier's dropouts) are closed into one; what is long and thin
is ruling. The areas the ruling encloses are the cells, found as connected components of the
background, so a merged cell is one component whatever its span.

Kernel lengths are shares of the page width, never shorter than a few text heights (so no
glyph stroke passes); thickness is measured against the page's own stroke width.
"""

from __future__ import annotations

import cv2
import numpy as np

from .image import Image, Measures, PxBox, u8
from .labels import components
from .settings import ScanSettings


def _straight_runs(binary: Image, length: int, gap: int, horizontal: bool) -> Image:
    """Runs of at least ``length`` pixels one way, with breaks up to ``gap`` closed."""
    shape = (length, 1) if horizontal else (1, length)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, shape)
    runs = cv2.morphologyEx(binary, cv2.MORPH_OPEN, kernel)
    if gap > 1:
        joint = (gap, 1) if horizontal else (1, gap)
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, joint)
        runs = cv2.morphologyEx(runs, cv2.MORPH_CLOSE, kernel)
    return u8(runs)


def _long_thin(runs: Image, least: int, thickest: float, horizontal: bool) -> Image:
    """Components of ``runs`` at least ``least`` long and on average at most ``thickest``
    thick (area over length, which a slightly tilted line passes and a smeared word
    does not)."""
    blobs = components(runs)
    stats = blobs.stats
    length = stats[:, cv2.CC_STAT_WIDTH if horizontal else cv2.CC_STAT_HEIGHT]
    thickness = stats[:, cv2.CC_STAT_AREA] / np.maximum(length, 1)
    keep = (length >= least) & (thickness <= thickest)
    keep[0] = False
    return blobs.painted(keep)


def _faint_lines(
    faint: Image, binary: Image, least: int, gap: int, thickest: float, seed: float,
    clear: float, away: int, horizontal: bool,
) -> Image:
    """Hairlines the adaptive threshold kept only in dashes, each shorter than a ruling.

    A thin ruling blurred by the scanner is a grey ridge beside dark text; the adaptive
    threshold, pulled down by the text, keeps pieces of it. On ``faint`` (the page darker
    than its fixed ink floor) the ridge is whole. What is long and as thin as a line there
    (``thickest``: a blurred word smears to a band the height of its letters) and carries
    ``binary`` ink along at least ``seed`` of its length (not a stain's edge) is ruling."""
    if not horizontal:
        turned = _faint_lines(faint.T, binary.T, least, gap, thickest, seed, clear, away, True)
        return np.ascontiguousarray(turned.T)
    lines = _long_thin(_straight_runs(faint, least, gap, True), least, thickest, True)
    blobs = components(lines)
    if blobs.count <= 1:
        return lines
    dashes = cv2.bitwise_and(lines, binary)
    keep = np.zeros(blobs.count, dtype=bool)
    stats = blobs.stats
    rows = faint.shape[0]
    for i in range(1, blobs.count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        mine = blobs.labels[y : y + h, x : x + w] == i
        covered = np.count_nonzero((dashes[y : y + h, x : x + w] > 0) & mine, axis=0)
        if np.count_nonzero(covered) < seed * w:
            continue
        # A line has paper beside it along most of its length; the middle of a line of
        # blurred words, as long and as thin on the faint layer, has letters above and below.
        above = faint[max(0, y - away), x : x + w]
        below = faint[min(rows - 1, y + h - 1 + away), x : x + w]
        keep[i] = np.count_nonzero((above > 0) & (below > 0)) <= (1.0 - clear) * w
    return blobs.painted(keep)


def _with_gaps_filled(lines: Image, faint: Image, thickest: float, horizontal: bool) -> Image:
    """``lines`` with ``faint`` lines added only where they have no line beside them: on the
    faint layer a line is wider by the grey edge blur leaves it, and the stem of a letter set
    flush against it would be taken for the line's (``_grey_edge`` keeps it from the line's
    own pixels)."""
    across = 2 * round(thickest) + 1
    shape = (1, across) if horizontal else (across, 1)
    near = cv2.dilate(lines, cv2.getStructuringElement(cv2.MORPH_RECT, shape))
    return u8(cv2.bitwise_or(lines, cv2.bitwise_and(faint, cv2.bitwise_not(near))))


def _reach_across(
    lines: Image, across: Image, binary: Image, length: int, ink: float, horizontal: bool
) -> Image:
    """Each line's ends carried on, up to ``length``, to the crossing lines they stop short
    of, where the way there is mostly ink (share ``ink``): a copier's dropout next to a
    crossing leaves a stub shorter than a segment, which the opening removed, and the cell
    there would stay open; a line that truly ends (a merged cell) has paper beyond it.
    Worked on rows; vertical lines are handled transposed."""
    if not horizontal:
        turned = _reach_across(lines.T, across.T, binary.T, length, ink, True)
        return np.ascontiguousarray(turned.T)
    # The crossing lines may stop short too (a corner with a dropout on both sides).
    across = u8(cv2.dilate(across, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 2 * length + 1))))
    blobs = components(lines)
    count, labels, stats = blobs.count, blobs.labels, blobs.stats
    out = lines.copy()
    w = lines.shape[1]
    for i in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        band = across[y : y + bh]
        ends = ((max(0, x - length), x, x), (x + bw, min(w, x + bw + length), x + bw - 1))
        for lo, hi, end in ends:
            hits = np.nonzero(band[:, lo:hi].any(axis=0))[0]
            if not len(hits):
                continue
            a, b = (lo + int(hits[-1]), x) if end == x else (x + bw, lo + int(hits[0]) + 1)
            rows = labels[y : y + bh, end] == i
            way = binary[y : y + bh, a:b][rows]
            if way.size and np.count_nonzero(way) >= ink * way.size:
                out[y : y + bh, a:b][rows] = 255
    return out


def ruling(
    binary: Image, faint: Image, m: Measures, page_width_in: float, settings: ScanSettings
) -> tuple[Image, Image]:
    """(ruling with ends stretched so crossings touch, the ruling's own pixels).

    ``faint``: where the page is darker than its fixed ink floor, on which a blurred
    hairline is whole (``_faint_lines``)."""
    segment = max(
        round(settings.segment_share * page_width_in * m.dpi), round(settings.segment_text * m.text)
    )
    gap = m.px(settings.rule_gap_in)
    thickest = max(2.0, settings.max_rule_stroke * m.stroke)
    longest = round(settings.line_share * page_width_in * m.dpi)
    horizontal = _long_thin(
        _straight_runs(binary, segment, gap, True), max(segment, longest), thickest, True
    )
    vertical = _long_thin(_straight_runs(binary, segment, gap, False), segment, thickest, False)
    thin = max(2.0, settings.faint_rule_stroke * m.stroke)
    least = max(segment, longest)
    found = {
        way: _faint_lines(faint, binary, least, gap, thin, settings.faint_rule_seed,
                          settings.faint_rule_clear, max(1, round(m.stroke)), way)
        for way in (True, False)
    }  # fmt: skip
    horizontal = _with_gaps_filled(horizontal, found[True], thin, True)
    vertical = _with_gaps_filled(vertical, found[False], thin, False)
    reach = m.px(settings.reach_in)
    share = settings.reach_ink_ratio
    # What the opening removed next to a crossing is a stub shorter than a segment and the
    # break before it: the ends reach that far.
    horizontal = _reach_across(horizontal, vertical, binary, segment + gap, share, True)
    vertical = _reach_across(vertical, horizontal, binary, segment + gap, share, False)
    joined = cv2.bitwise_or(
        cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * reach + 1, 3))),
        cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 2 * reach + 1))),
    )
    # The stem of a large letter or the side of a round stamp passes the vertical kernel;
    # it stands alone, while ruling is a network that spans a good length and holds at
    # least one long horizontal line.
    network = components(u8(joined))
    count, labels, stats = network.count, network.labels, network.stats
    span = m.px(settings.rule_span_in)
    keep = (stats[:, cv2.CC_STAT_WIDTH] >= span) | (stats[:, cv2.CC_STAT_HEIGHT] >= span)
    has_line = np.zeros(count, dtype=bool)
    has_line[labels[horizontal > 0]] = True
    keep &= has_line
    keep[0] = False
    rules = network.painted(keep)
    core = cv2.bitwise_and(cv2.bitwise_or(horizontal, vertical), rules)
    # Where a line was closed over a break its pixels were not ink; the core is what the
    # ruling really covers, plus a pixel of the grey edge it leaves in the scan, save where
    # a glyph flush against it reaches on past that pixel by a stroke.
    edge_reach = 1 + max(1, round(settings.edge_glyph_stroke * m.stroke))
    return rules, u8(cv2.bitwise_or(core, _grey_edge(u8(core), binary, edge_reach)))


def _grey_edge(core: Image, binary: Image, reach: int) -> Image:
    """The pixel of grey edge a ruling leaves beside itself, without the glyphs touching it.

    A cell's text set flush against its ruling (Excel's padding is a point or two: a pixel
    or two at 150 dpi) merges with the line; the pixel beside the line is then the stem of
    its first letter (the M of "Membuat" read as "V"). The line's own edge is one pixel
    wide, with paper beyond it; a glyph reaches a text stroke and more beyond that pixel.
    ``reach`` (pixels from the line) is where that glyph must still have ink. The edge
    pixels touching such a blob's body are kept as its ink; the edge between two letters
    touching the line (an ascender, then the next) stays the line's.
    """
    near = np.ones((3, 3), np.uint8)
    ring = cv2.bitwise_and(cv2.dilate(core, near), binary)
    ring[core > 0] = 0
    rest = cv2.bitwise_and(binary, cv2.bitwise_not(core))
    side = 2 * reach + 1
    far = (rest > 0) & (cv2.dilate(core, np.ones((side, side), np.uint8)) == 0)
    blobs = components(u8(rest))
    glyph = np.zeros(blobs.count, dtype=bool)
    glyph[blobs.labels[far]] = True
    glyph[0] = False
    body = u8(cv2.bitwise_and(blobs.painted(glyph), cv2.bitwise_not(ring)))
    ring[cv2.dilate(body, near) > 0] = 0
    return u8(ring)


def table_boxes(rules: Image, m: Measures, settings: ScanSettings) -> list[PxBox]:
    """Bounding boxes of ruled tables, top to bottom: ruling networks wide and tall enough."""
    blobs = components(rules)
    count, stats = blobs.count, blobs.stats
    boxes: list[PxBox] = []
    wide, tall = m.px(settings.min_table_in), m.px(settings.min_table_height_in)
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w >= wide and h >= tall:
            boxes.append((x, y, x + w, y + h))
    boxes.sort(key=lambda b: (b[1], b[0]))
    return boxes


def cell_boxes(rules: Image, table: PxBox, m: Measures, settings: ScanSettings) -> list[PxBox]:
    """The rectangles the ruling encloses inside ``table``: one per cell, merged or not.

    A background region touching the table's bounding box is outside the ruling (a table
    whose outer border is missing a side loses that row or column, as on paper it would be
    unreadable as a cell too).
    """
    x0, y0, x1, y1 = table
    inside = cv2.bitwise_not(rules[y0:y1, x0:x1])
    count, _, stats, _ = cv2.connectedComponentsWithStats(inside, connectivity=4)
    h, w = inside.shape
    least = m.px(settings.min_cell_in)
    cells: list[PxBox] = []
    for i in range(1, count):
        x, y, cw, ch, area = (int(v) for v in stats[i])
        if x == 0 or y == 0 or x + cw >= w or y + ch >= h:
            continue
        if cw < least or ch < least or area < settings.min_cell_fill_ratio * cw * ch:
            continue
        cells.append((x0 + x, y0 + y, x0 + x + cw, y0 + y + ch))
    cells.sort(key=lambda b: (b[1], b[0]))
    return cells


def text_blocks(
    ink: Image, tables: list[PxBox], m: Measures, settings: ScanSettings
) -> list[PxBox]:
    """Boxes of writing outside the tables: words smeared into lines and stacked lines.

    Each box is read on its own, which is far faster than letting Tesseract analyse a whole
    page of paper grain, and keeps side-by-side blocks (two signatures) apart.
    """
    rest = ink.copy()
    for x0, top, x1, bottom in tables:
        rest[top:bottom, x0:x1] = 0
    kernel = cv2.getStructuringElement(
        cv2.MORPH_RECT,
        (m.of_text(settings.word_gap_text), m.of_text(settings.line_join_text)),
    )
    smeared = cv2.dilate(rest, kernel)
    blobs = components(u8(smeared))
    count, stats = blobs.count, blobs.stats
    boxes: list[PxBox] = []
    low = m.of_text(settings.glyph_text * 2)
    pad = m.px(settings.ink_pad_in)
    h, w = ink.shape
    for i in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        if bh < low or bw < low:
            continue
        boxes.append((max(0, x - pad), max(0, y - pad), min(w, x + bw + pad), min(h, y + bh + pad)))
    boxes.sort(key=lambda b: (b[1], b[0]))
    return boxes


def line_bands(
    ink: Image, box: PxBox, m: Measures, settings: ScanSettings
) -> list[tuple[int, int]]:
    """(top, bottom) of the text lines in ``box``: runs of rows holding ink, split where a
    row holds next to none (the thin arc of a stamp crossing the gap does not join two
    lines). Bands too thin for a line are dropped; the box itself when none is found."""
    x0, top, x1, bottom = box
    rows = np.count_nonzero(ink[top:bottom, x0:x1], axis=1)
    empty = rows <= settings.gap_row_stroke * m.stroke
    bands: list[tuple[int, int]] = []
    start: int | None = None
    for i, gap in enumerate([*empty.tolist(), True]):
        if not gap and start is None:
            start = i
        elif gap and start is not None:
            if i - start >= settings.min_line_text * m.text:
                bands.append((top + start, top + i))
            start = None
    pad = m.px(settings.ink_pad_in)
    return [(max(top, a - pad), min(bottom, b + pad)) for a, b in bands] or [(top, bottom)]


def inner(box: PxBox, margin: int) -> PxBox:
    x0, top, x1, bottom = box
    left, up = x0 + margin, top + margin
    return (left, up, max(left, x1 - margin), max(up, bottom - margin))


def ink_pixels(ink: Image, box: PxBox, margin: int) -> int:
    """Ink pixels inside a cell, ignoring a margin along its borders."""
    x0, top, x1, bottom = inner(box, margin)
    return int(np.count_nonzero(ink[top:bottom, x0:x1]))


def fill_share(fill: Image, ink: Image, box: PxBox, m: Measures, settings: ScanSettings) -> float:
    """Share of a cell's inside whose background is darker than paper: a filled (arsir)
    cell, whether or not something is written on it.

    Only the background away from the ink counts: blurred bold writing darkens the
    background estimate over itself, a fill shows between the glyphs as well.
    """
    x0, top, x1, bottom = inner(box, m.px(settings.trim_in) + m.px(settings.reach_in))
    area = fill[top:bottom, x0:x1]
    if area.size == 0:
        return 0.0
    near = m.of_text(settings.fill_clear_text)
    writing = cv2.dilate(ink[top:bottom, x0:x1], np.ones((2 * near + 1, 2 * near + 1), np.uint8))
    clear = writing == 0
    if clear.sum() < settings.shaded_ratio * area.size / 4:
        clear = np.ones_like(clear)  # a cell full of writing: judge it whole
    # ``fill`` is the background over paper, scaled to 255; the fill must be darker than
    # paper by a share of the page's own contrast (on the same 0..255 scale).
    level = 255.0 - settings.shade_contrast * m.contrast * 255.0 / max(1.0, m.flat_paper)
    return float(np.count_nonzero((area < level) & clear)) / float(clear.sum())
