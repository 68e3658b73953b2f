"""How much ink makes a cell more than blank paper, judged against the page's own cells.

Ink is counted in *glyph units*: ink pixels over (stroke width x text height), both measured
on the page. A tick written at the table's font size is one to two units, a lone digit about
one, a full stop a tenth, whatever the dpi, the font size or how bold the printer was; so the
units compare across scans where a share of the cell's area would not (a wide cell with one
digit has little ink for its size, a narrow month cell with a tick a lot).

What is left in a blank cell after dust removal (JPEG ringing along the ruling, a speck the
size of a letter) varies with the scan, so the threshold is the larger of a floor in units
and a multiple of what the page's own nearly-empty cells hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from .image import Measures
from .settings import ScanSettings


@dataclass(frozen=True, slots=True)
class InkThreshold:
    blank: float  # glyph units below which a cell is blank paper
    unsure: float  # factor either side of ``blank`` within which the decision is doubtful
    empty_ink: float  # what the page's nearly-empty cells hold (units, 95th percentile)

    def is_blank(self, units: float) -> bool:
        return units < self.blank

    def is_unsure(self, units: float) -> bool:
        return self.blank / self.unsure <= units < self.blank * self.unsure

    def sureness(self, units: float) -> float:
        """0..1: how clearly a cell's ink is above the threshold."""
        return float(min(1.0, units / (self.blank * self.unsure)))


def glyph_units(ink_pixels: int, m: Measures) -> float:
    return ink_pixels / max(1.0, m.stroke * m.text)


def ink_threshold(units: Sequence[float], settings: ScanSettings) -> InkThreshold:
    """The page's blank/ink threshold from the ink of all its cells."""
    floor = settings.blank_units
    empties = [u for u in units if u < floor]
    empty = float(np.percentile(empties, 95)) if empties else 0.0
    return InkThreshold(max(floor, settings.empty_factor * empty), settings.unsure_factor, empty)


class MarkShapes:
    """Ink shapes this page has already shown to be marks, to know the next ones on sight.

    A page's ticks are all the same glyph of the same font (or the same pen stroke), and
    most of a RAK's inked cells are ticks; asking Tesseract about each one is most of the
    reading time. A lone glyph whose ink, normalised to a small square, correlates with a
    shape already read as a mark is one too. Anything else (a digit, a word, a new kind
    of mark) goes to Tesseract, and a new mark shape it finds is remembered.
    """

    def __init__(self, m: Measures, settings: ScanSettings) -> None:
        self._m = m
        self._settings = settings
        self._shapes: list[tuple[NDArray[np.float32], float]] = []

    def shape(self, ink: NDArray[np.uint8]) -> tuple[NDArray[np.float32], float] | None:
        """The normalised shape of a cell's ink, or None when it is no lone glyph.

        The glyph is the cell's largest blob, which must hold most of its ink (a speck
        beside it must not shift the frame); shrunk to a small square and blurred by a
        pixel of it so that a pixel's shift in a noisy scan does not break the match.
        """
        count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        if count < 2:
            return None
        areas = stats[1:, cv2.CC_STAT_AREA]
        i = 1 + int(np.argmax(areas))
        if areas[i - 1] < self._settings.mark_glyph_ratio * areas.sum():
            return None
        x, y, w, h = (int(v) for v in stats[i, :4])
        largest = self._settings.mark_shape_text * self._m.text
        if h > largest or w > largest:
            return None
        glyph = (labels[y : y + h, x : x + w] == i).astype(np.float32)
        side = self._settings.mark_shape_side
        small = cv2.resize(glyph, (side, side), interpolation=cv2.INTER_AREA)
        small = cv2.GaussianBlur(small, (0, 0), 1.0).ravel()
        small -= small.mean()
        norm = float(np.linalg.norm(small))
        if norm == 0:
            return None
        return small / norm, w / h

    def is_known(self, shape: tuple[NDArray[np.float32], float] | None) -> bool:
        if shape is None:
            return False
        vector, aspect = shape
        spread = self._settings.mark_shape_aspect
        return any(
            float(vector @ known) >= self._settings.mark_shape_match
            and 1 / spread <= aspect / known_aspect <= spread
            for known, known_aspect in self._shapes
        )

    def remember(self, shape: tuple[NDArray[np.float32], float] | None) -> None:
        if shape is not None and not self.is_known(shape):
            if len(self._shapes) < self._settings.mark_shapes_kept:
                self._shapes.append(shape)
