"""Stamps and signatures over the signature block: what must not be read as text.

An Indonesian office signs a RAK with a round stamp (``cap``) pressed over the signer's name
and a pen signature above it. In colour scans both are coloured and ``scan.image.to_grey``
fades them; in grey and 1-bit scans they are ink like print. They differ from print in
size: a stamp's ring and a signature are single blobs many text heights across, of thin
strokes (little ink for their size), where a glyph is about one text height.

- A ring is found as a circle (Hough transform on the large sparse blobs only) and its band
  is erased, except where it crosses a text line (the rows beside it that hold other ink),
  which leaves the letters it crosses whole; then the lettering set around the ring.
- Any other large sparse blob left (a signature, a ring's lettering) is erased where it
  lies between the text lines beside it, so that it neither joins the lines of the block
  into one nor is read as a line of its own; within a text line it stays (it may hold
  letters a ring touched), for Tesseract to read around.
"""

from __future__ import annotations

import cv2
import numpy as np

from .image import Image, Measures, u8
from .labels import components
from .settings import ScanSettings


def _large_sparse(ink: Image, m: Measures, settings: ScanSettings) -> Image:
    blobs = components(ink)
    stats = blobs.stats
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    area = stats[:, cv2.CC_STAT_AREA]
    least = settings.stamp_text * m.text
    keep = (w >= least) & (h >= least) & (area <= settings.stamp_fill_ratio * w * h)
    keep[0] = False
    return blobs.painted(keep)


Circle = tuple[tuple[int, int], int]  # centre, radius in pixels


def _rings(blobs: Image, m: Measures, settings: ScanSettings) -> tuple[Image, list[Circle]]:
    """255 on the bands of the circles the large blobs draw, and the circles."""
    out = np.zeros_like(blobs)
    found: list[Circle] = []
    scale = min(1.0, settings.stamp_dpi / m.dpi)
    r0 = max(3, round(settings.min_stamp_in * m.dpi * scale / 2))
    r1 = max(r0 + 1, round(settings.max_stamp_in * m.dpi * scale / 2))
    band = max(2, round(settings.stamp_band_stroke * m.stroke))
    rest = blobs
    for _ in range(settings.max_rings):
        small = cv2.resize(rest, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        small = cv2.GaussianBlur(small, (3, 3), 0)
        # The "alt" Hough variant scores candidates by how round their edge is (0..1),
        # which a table corner or a signature's loop is not.
        circles = cv2.HoughCircles(
            small, cv2.HOUGH_GRADIENT_ALT, dp=1.5, minDist=r0, param1=300,
            param2=settings.stamp_roundness, minRadius=r0, maxRadius=r1,
        )  # fmt: skip
        if circles is None:
            break
        ring = np.zeros_like(blobs)
        for x, y, r in circles[0]:
            centre = (round(x / scale), round(y / scale))
            cv2.circle(ring, centre, round(r / scale), 255, 2 * band)
            found.append((centre, round(r / scale)))
        ring = u8(cv2.bitwise_and(ring, cv2.dilate(rest, np.ones((3, 3), np.uint8))))
        if not ring.any():
            break
        out = u8(cv2.bitwise_or(out, ring))
        rest = u8(cv2.bitwise_and(rest, cv2.bitwise_not(ring)))
    return out, found


def _lettering(ink: Image, circles: list[Circle], m: Measures, settings: ScanSettings) -> Image:
    """255 on the small blobs set around a stamp's ring (its lettering, out from
    ``stamp_inner_ratio`` of its radius), unless they belong to a text line that goes on
    beyond the ring (typed letters the stamp was pressed over)."""
    out = np.zeros_like(ink)
    if not circles:
        return out
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    outer = max(r for _, r in circles)
    reach = round(settings.stamp_line_reach_text * m.text)
    h, w = ink.shape
    for i in range(1, count):
        cx, cy = centroids[i]
        x0, top, bw, bh = (int(v) for v in stats[i, :4])
        for (x, y), r in circles:
            if r < outer * settings.stamp_inner_ratio or max(bw, bh) > r / 2:
                continue
            d = float(np.hypot(cx - x, cy - y))
            if not settings.stamp_inner_ratio * r <= d <= r * 1.05:
                continue
            left, right = max(0, x - r - reach), min(w, x + r + reach)
            band = ink[top : top + bh]
            beyond = band[:, left : max(left, x - r)].any()
            beyond = beyond or band[:, min(right, x + r) : right].any()
            if not beyond:
                out[labels == i] = 255
            break
    return out


def _off_the_lines(blobs: Image, ink: Image, m: Measures, settings: ScanSettings) -> Image:
    """The parts of ``blobs`` that lie between the text lines around them.

    A blob left after the rings are gone is a signature, a ring's lettering, or letters
    a ring touched. Rows beside it (a few text heights either way) that hold other ink are
    a text line: what the blob has in those rows may be letters and stays; the rest of it
    (the signature's loops above the name, the lettering's arcs) goes.
    """
    out = np.zeros_like(blobs)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    others = cv2.bitwise_and(ink, cv2.bitwise_not(blobs))
    reach = round(settings.stamp_line_reach_text * m.text)
    h, w = ink.shape
    for i in range(1, count):
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        x0, x1 = max(0, x - reach), min(w, x + bw + reach)
        rows = others[y : y + bh, x0:x1].any(axis=1)
        mine = labels[y : y + bh, x : x + bw] == i
        mine[rows] = False
        out[y : y + bh, x : x + bw][mine] = 255
    return out


def stamp_mask(ink: Image, m: Measures, settings: ScanSettings) -> Image:
    """255 on ink that belongs to stamps and signatures rather than print."""
    blobs = _large_sparse(ink, m, settings)
    if not blobs.any():
        return blobs
    rings, circles = _rings(blobs, m, settings)
    rings = _off_the_lines(rings, u8(cv2.bitwise_and(ink, cv2.bitwise_not(blobs))), m, settings)
    rest = u8(cv2.bitwise_and(ink, cv2.bitwise_not(rings)))
    rings = u8(cv2.bitwise_or(rings, _lettering(rest, circles, m, settings)))
    rest = u8(cv2.bitwise_and(ink, cv2.bitwise_not(rings)))
    left = _large_sparse(rest, m, settings)
    return u8(cv2.bitwise_or(rings, _off_the_lines(left, rest, m, settings)))
