"""Text set flush against a ruling, as Excel's small cell padding prints it: at 150 dpi the
first letter's stem merges with the line, and taking the line's grey edge away with it
turned "M" into "V" (``scan.grid._grey_edge``). Drawn here with OpenCV at known places."""

from __future__ import annotations

import cv2
import numpy as np

from extractor.readers.scan.grid import _grey_edge
from extractor.readers.scan.image import prepare
from extractor.readers.scan.settings import ScanSettings

DPI = 150.0
S = ScanSettings()


def test_edge_of_a_lone_line_goes_with_it() -> None:
    core = np.zeros((60, 20), np.uint8)
    core[:, 8:10] = 255
    binary = core.copy()
    binary[:, 10] = 255  # the grey edge, the whole length of the line
    edge = _grey_edge(core, binary, 3)
    assert np.count_nonzero(edge[:, 10]) == 60


def test_stem_flush_against_a_line_stays_ink() -> None:
    core = np.zeros((60, 30), np.uint8)
    core[:, 8:10] = 255
    binary = core.copy()
    binary[20:34, 10:20] = 255  # a glyph touching the line on its right
    binary[45:50, 10] = 255  # a piece of the line's own edge below it
    edge = _grey_edge(core, binary, 3)
    assert not edge[20:34, 10].any()
    assert edge[45:50, 10].all()


def _flush_page() -> tuple[np.ndarray, list[int]]:
    """A ruled box of three rows at 150 dpi with small text (8 px glyphs, 2 px strokes),
    each row's first glyph's stem touching the left ruling."""
    page = np.full((400, 900), 240, np.uint8)
    page[100:302, 100:102] = page[100:302, 798:800] = 20
    for y in (100, 160, 220, 300):
        page[y : y + 2, 100:800] = 20
    stems = []
    for y in (130, 190, 250):
        for x in range(102, 400, 9):  # n-shaped glyphs, the first flush against the line
            page[y - 4 : y + 4, x : x + 2] = page[y - 4 : y + 4, x + 4 : x + 6] = 20
            page[y - 4 : y - 2, x : x + 6] = 20
        stems.append(y)
    return cv2.GaussianBlur(page, (0, 0), 0.7), stems


def test_prepared_page_keeps_the_flush_stem() -> None:
    page, stems = _flush_page()
    image = prepare(page, DPI, S)
    assert image.rules[200, 100] > 0  # the ruling is found ...
    for y in stems:  # ... and the stem beside it is left as ink and shown to Tesseract
        stem = image.ink[y - 3 : y + 3, 102:104].any(axis=1)
        assert stem.all()
        assert (image.text[y - 3 : y + 3, 102:104].min(axis=1) < 128).all()
