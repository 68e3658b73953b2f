"""A scanned page image to straight ink masks and table cell rectangles.

Tesseract reads words, not tables, so the table structure comes from the ruling lines in the
image. The method is plain OpenCV morphology (chosen over img2table, which does the same with
a polars/pandas stack and hides merged cells behind its own table model): opening the ink
with a long thin kernel keeps only lines; the areas the lines enclose are the cells, found as
connected components of the background, so a merged cell is one component whatever its span.

All sizes are expressed in inches and scaled by the image's dpi, so a 150 dpi and a 300 dpi
scan of the same page give the same cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

Image = NDArray[np.uint8]
PxBox = tuple[int, int, int, int]  # x0, top, x1, bottom in pixels, exclusive ends

MAX_SKEW = 3.0  # degrees searched either way; a scanner feed is rarely worse
SKEW_DPI = 100.0  # the skew search works on the page reduced to this resolution
LINE_GREY = 200  # pixels darker than this may be ruling (thin lines scan light grey)
H_LINE_IN = 0.25  # a horizontal run this long (inches) is a ruling line, not a glyph
V_LINE_IN = 0.16  # vertical kernel: longer than a bold capital; real verticals span rows
MIN_CELL_IN = 0.04  # a background region thinner than this is a double rule, not a cell
SPECK_IN = 0.02  # ink blobs within this square are dust (or a full stop: see ``prepare``)
RULE_SPAN_IN = 0.5  # a ruling network spans at least this much one way or the other
LINE_GAP_IN = 0.3  # words closer than this on a line outside tables belong together


@dataclass(slots=True)
class PageImage:
    """A deskewed page: grey pixels, ink mask, ruling mask and the dpi they are measured in."""

    grey: Image
    ink: Image  # 255 where there is ink that is not ruling and not dust
    rules: Image  # 255 on ruling lines
    text: Image  # grey with ruling and dust painted white: what Tesseract is shown
    dpi: float
    skew: float  # degrees the scan was turned back by
    level: float  # grey level below which a pixel is ink


def px(inches: float, dpi: float) -> int:
    return max(1, round(inches * dpi))


def ink_level(grey: Image) -> float:
    """Otsu's threshold, bounded so a blank page does not turn noise into ink."""
    level, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return min(max(float(level), 90.0), 190.0)


def _binary(grey: Image, level: float | None = None) -> Image:
    """Ink as 255: pixels darker than ``level`` (by default the page's own Otsu level)."""
    level = ink_level(grey) if level is None else level
    return np.where(grey < level, 255, 0).astype(np.uint8)


def estimate_skew(ink: Image, dpi: float) -> float:
    """The rotation (degrees) that makes text lines and rulings horizontal.

    Projection profile: over candidate angles, shear the ink's pixel coordinates (for a few
    degrees a shear is a rotation to within a pixel) and keep the angle whose row histogram
    is most peaked. Working on coordinates of a reduced image instead of rotating images
    makes the whole search a few milliseconds.
    """
    scale = min(1.0, SKEW_DPI / dpi)
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ys, xs = np.nonzero(small > 96)
    if len(ys) < 50:
        return 0.0
    xs = xs.astype(np.float64) - small.shape[1] / 2
    ys = ys.astype(np.float64)
    size = small.shape[0] + small.shape[1]

    def score(angle: float) -> float:
        rows = np.rint(ys + xs * np.tan(np.radians(angle))).astype(np.int64) + size // 2
        hist = np.bincount(np.clip(rows, 0, 2 * size), minlength=2 * size + 1)
        return float(np.dot(hist, hist))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25), key=score)
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    # The shear that levels the rows is the opposite of the turn ``rotate`` makes.
    return -float(max(fine, key=score))


def rotate(grey: Image, angle: float) -> Image:
    if abs(angle) < 0.02:
        return grey
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


def ruling(grey: Image, dpi: float) -> Image:
    """Horizontal and vertical lines only, their ends stretched so crossings touch."""
    dark = np.where(grey < LINE_GREY, 255, 0).astype(np.uint8)
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (px(H_LINE_IN, dpi), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, px(V_LINE_IN, dpi)))
    horizontal = cv2.morphologyEx(dark, cv2.MORPH_OPEN, hk)
    vertical = cv2.morphologyEx(dark, cv2.MORPH_OPEN, vk)
    reach = px(0.02, dpi)  # bridge scan breaks and let line ends meet their crossings
    horizontal = cv2.dilate(
        horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * reach + 1, 3))
    )
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 2 * reach + 1)))
    lines = cv2.bitwise_or(horizontal, vertical)
    # The stem of a large letter (a 12 pt title) passes the vertical kernel; it stands alone,
    # while ruling is part of a long network or itself long.
    _, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    span = px(RULE_SPAN_IN, dpi)
    keep = (stats[:, cv2.CC_STAT_WIDTH] >= span) | (stats[:, cv2.CC_STAT_HEIGHT] >= span)
    keep[0] = False
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def clean_ink(binary: Image, rules: Image, dpi: float) -> Image:
    """Ink without the ruling and without dust specks."""
    ink = cv2.bitwise_and(binary, cv2.bitwise_not(rules))
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    speck = px(SPECK_IN, dpi)
    small = (stats[:, cv2.CC_STAT_WIDTH] <= speck) & (stats[:, cv2.CC_STAT_HEIGHT] <= speck)
    small[0] = False  # the background label
    if small.any():
        ink[small[labels]] = 0
    return ink


def prepare(grey: Image, dpi: float) -> PageImage:
    """Deskew the page and separate its ink into ruling and everything else."""
    skew = estimate_skew(_binary(grey), dpi)
    straight = rotate(grey, skew)
    level = ink_level(straight)
    binary = _binary(straight, level)
    rules = ruling(straight, dpi)
    ink = clean_ink(binary, rules, dpi)
    # Borders left in a crop are read as "|" or "l", and specks as dots or commas.
    dust = cv2.bitwise_and(binary, cv2.bitwise_not(cv2.bitwise_or(rules, ink)))
    # A full stop is as small as a speck of dust; only specks away from writing are erased.
    near = px(0.06, dpi)
    writing = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * near + 1, near + 1)))
    dust[writing > 0] = 0
    text = straight.copy()
    text[rules > 0] = 255
    text[cv2.dilate(dust, np.ones((3, 3), np.uint8)) > 0] = 255
    return PageImage(straight, ink, rules, text, dpi, skew, level)


def table_boxes(rules: Image, dpi: float) -> list[PxBox]:
    """Bounding boxes of ruled tables, top to bottom: ruling blobs wide and tall enough."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    boxes: list[PxBox] = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w >= px(1.0, dpi) and h >= px(0.2, dpi):
            boxes.append((x, y, x + w, y + h))
    boxes.sort(key=lambda b: (b[1], b[0]))
    return boxes


def cell_boxes(rules: Image, table: PxBox, dpi: float) -> list[PxBox]:
    """The rectangles the ruling encloses inside ``table``: one per cell, merged or not.

    A background region touching the table's bounding box is outside the ruling (a table
    whose outer border is missing a side loses that row or column, as on paper it would be
    unreadable as a cell too).
    """
    x0, y0, x1, y1 = table
    inside = cv2.bitwise_not(rules[y0:y1, x0:x1])
    count, _, stats, _ = cv2.connectedComponentsWithStats(inside, connectivity=4)
    h, w = inside.shape
    least = px(MIN_CELL_IN, dpi)
    cells: list[PxBox] = []
    for i in range(1, count):
        x, y, cw, ch, area = (int(v) for v in stats[i])
        if x == 0 or y == 0 or x + cw >= w or y + ch >= h:
            continue
        if cw < least or ch < least or area < 0.6 * cw * ch:
            continue
        cells.append((x0 + x, y0 + y, x0 + x + cw, y0 + y + ch))
    cells.sort(key=lambda b: (b[1], b[0]))
    return cells


def text_blocks(ink: Image, tables: list[PxBox], dpi: float) -> list[PxBox]:
    """Boxes of writing outside the tables: words smeared into lines and stacked lines.

    Each box is read on its own, which is far faster than letting Tesseract analyse a whole
    page of paper grain, and keeps side-by-side blocks (two signatures) apart.
    """
    rest = ink.copy()
    for x0, top, x1, bottom in tables:
        rest[top:bottom, x0:x1] = 0
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (px(LINE_GAP_IN, dpi), px(0.03, dpi)))
    smeared = cv2.dilate(rest, kernel)
    count, _, stats, _ = cv2.connectedComponentsWithStats(smeared, connectivity=8)
    boxes: list[PxBox] = []
    low = px(0.05, dpi)
    h, w = ink.shape
    for i in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        if bh < low or bw < low:
            continue
        pad = px(0.02, dpi)
        boxes.append((max(0, x - pad), max(0, y - pad), min(w, x + bw + pad), min(h, y + bh + pad)))
    boxes.sort(key=lambda b: (b[1], b[0]))
    return boxes


def ink_share(ink: Image, box: PxBox, dpi: float) -> float:
    """Share of a cell's inner area covered by ink, ignoring a margin along its borders."""
    m = px(0.01, dpi)
    x0, top, x1, bottom = box
    inner = ink[top + m : bottom - m, x0 + m : x1 - m]
    if inner.size == 0:
        return 0.0
    return float(np.count_nonzero(inner)) / inner.size


def grey_share(grey: Image, box: PxBox, dpi: float) -> float:
    """Share of a cell's inner area painted mid-grey or darker: a shaded (arsir) cell."""
    m = px(0.015, dpi)
    x0, top, x1, bottom = box
    inner = grey[top + m : bottom - m, x0 + m : x1 - m]
    if inner.size == 0:
        return 0.0
    return float(np.count_nonzero(inner < 215)) / inner.size
