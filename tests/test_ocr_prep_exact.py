"""The scan reader's quicker ways to the same pixels: blobs and their boxes taken from the
ink's own pixels (``scan.labels``), and grey made from the 8-bit planes (``scan.image``).

Each is held to the long way it replaced, written out here, on the layers of a real page:
a yellowed scan rendered as the reader renders it (its paper is colour to fade).
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from extractor.readers.scan.image import prepare, to_grey
from extractor.readers.scan.labels import components
from extractor.readers.scan.reader import render
from extractor.readers.scan.settings import ScanSettings

SCAN = Path(__file__).resolve().parents[1] / "samples" / "rak-scan-kertas-kuning.pdf"
S = ScanSettings()


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    """The scan's first page (a ruled table on yellowed paper), in RGB at 150 dpi."""
    import pdfplumber

    with pdfplumber.open(SCAN) as pdf:
        pixels = render(pdf.pages[0], 150.0, 1, str(SCAN))
    assert pixels.ndim == 3
    return pixels


def _grey_long_way(pixels: np.ndarray) -> np.ndarray:
    rgb = pixels[..., :3].astype(np.float32)
    lum = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    hi, lo = rgb.max(axis=2), rgb.min(axis=2)
    span = 255.0 * (S.colour_full - S.colour_from)
    weight = np.clip((hi - lo - 255.0 * S.colour_from) / span, 0.0, 1.0)
    return np.asarray(np.clip(lum + (hi - lum) * weight, 0, 255), dtype=np.uint8)


def test_grey_is_the_same_pixels_and_the_stamp_still_fades(page: np.ndarray) -> None:
    grey = to_grey(page, S)
    assert np.array_equal(grey, _grey_long_way(page))
    # The page holds colour to fade (else the short way's colour branch went untried).
    hi, lo = page.max(axis=2).astype(int), page.min(axis=2).astype(int)
    coloured = hi - lo > 255 * S.colour_full
    assert coloured.sum() > 100
    lum = (page.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)).astype(int)
    assert (grey[coloured].astype(int) > lum[coloured]).mean() > 0.9


@pytest.mark.parametrize("layer", ["binary", "rules", "ink", "text"])
def test_blobs_are_opencv_s_labels_boxes_and_areas(page: np.ndarray, layer: str) -> None:
    image = prepare(to_grey(page, S), 150.0, S)
    pixels = getattr(image, layer)
    if layer == "text":
        pixels = np.where(pixels < 128, 255, 0).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(pixels, connectivity=8)
    blobs = components(pixels)
    assert count >= 2 and blobs.count == count  # the ruling is one network
    assert np.array_equal(blobs.labels, labels)
    assert np.array_equal(blobs.stats[1:], stats[1:])
    assert blobs.stats[0, cv2.CC_STAT_AREA] == stats[0, cv2.CC_STAT_AREA]
    chosen = np.arange(count) % 2 == 1  # any choice: every other blob
    assert np.array_equal(blobs.painted(chosen), np.where(chosen[labels], 255, 0))


def test_a_blank_layer_has_the_background_alone() -> None:
    blank = np.zeros((40, 60), np.uint8)
    blobs = components(blank)
    assert blobs.count == 1
    assert blobs.stats[0].tolist() == [0, 0, 60, 40, 40 * 60]
    assert not blobs.painted(np.zeros(1, bool)).any()
