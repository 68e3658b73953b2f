"""A speck on the baseline after a word is a stop only when its core is as dark as the
page's i-dots are (``scan.specks.dot_levels``): dust there ("kompetensi. SDM") is any grey,
a printed stop has the i-dots' ink at their size and blur."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from extractor.readers.scan.image import Measures
from extractor.readers.scan.settings import ScanSettings
from extractor.readers.scan.specks import dot_levels, erase_dust


def _line(speck_grey: int) -> Any:
    """A 150 dpi text line (body 10 px, baseline y=30): three words of x-height letters,
    an "l", an "i" whose dot is black, and a 2x2 speck of ``speck_grey`` hugging the first
    word on its baseline, where a full stop sits."""
    page = np.full((50, 200), 240, np.uint8)
    for x in (10, 20, 30, 60, 70, 80, 110, 120):
        page[20:30, x : x + 6] = 0
    page[14:30, 140:142] = 0
    page[20:30, 160:162] = 0
    page[16:18, 160:162] = 0
    page[28:30, 37:39] = speck_grey
    return page


def _kept(page: Any, dot_dark: float) -> list[tuple[int, int]]:
    clean = erase_dust(page, 128.0, 10.0, ScanSettings(), dot_dark=dot_dark)
    _, _, stats, _ = cv2.connectedComponentsWithStats(
        np.where(clean < 128, 255, 0).astype(np.uint8), connectivity=8
    )
    return [(int(s[0]), int(s[1])) for s in stats[1:] if s[2] <= 3 and s[3] <= 3]


def test_a_grey_speck_where_a_stop_sits_is_dust_when_the_page_s_dots_are_darker() -> None:
    grey = _line(100)  # darker than the faint cut: no other test takes it out
    assert (37, 28) in _kept(grey, 255.0)  # the page's dots not measured: kept as a stop
    assert (37, 28) not in _kept(grey, 60.0)  # every i-dot is at least this dark at its core
    assert (160, 16) in _kept(grey, 60.0)  # the i-dot itself stays
    assert (37, 28) in _kept(_line(40), 60.0)  # a stop as dark as the dots stays


def test_the_lightest_i_dot_core_is_measured_on_the_page() -> None:
    text = np.full((60, 400), 255, np.uint8)
    cores = []
    for k, x in enumerate(range(10, 390, 12)):  # a row of "i": dots of greys 0..62
        text[30:40, x : x + 2] = 0
        text[26:28, x : x + 2] = 2 * k
        cores.append(2 * k)
    m = Measures(150, 245, 20, 255, 20, 0.0, 2.0, 10.0, False)
    _, dark = dot_levels(text, m, ScanSettings())
    assert dark == max(cores)
    assert dot_levels(np.full((60, 400), 255, np.uint8), m, ScanSettings()) == (0.0, 255.0)
