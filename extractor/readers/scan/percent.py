"""A "%" after a figure that Tesseract read as a digit, as letters, or not at all.

Alone after a number in a narrow target cell, a blurred or JPEG-smudged "%" is what the LSTM
reads worst: "97,5%" comes back "97,50", "97,5 Yo" or "97,5". The page still shows it plainly,
by its width: a digit is about six tenths as wide as it is tall (tabular figures, the same in
every face), a "%" about as wide as tall, and so half again as wide as the digits beside it.
The glyphs of a figure stand apart on the page as runs of inked columns, so the rule counts
them: a last run of that shape after runs the reading's digits account for is a "%".
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

from .settings import ScanSettings

# A figure as read, and what stands after it: nothing, or a glyph or two of no word.
_FIGURE = re.compile(r"(\d(?:[\d.,]*\d)?)(?:\s?([^\s\d%]{1,2}))?")


def _runs(ink: NDArray[np.bool_]) -> list[tuple[int, int, int]]:
    """The runs of inked columns, left to right, each as (width, ink height, first column)."""
    inked: NDArray[np.bool_] = np.asarray(ink.any(axis=0), dtype=bool)
    cols = [bool(v) for v in inked] + [False]
    out: list[tuple[int, int, int]] = []
    start: int | None = None
    for i, flag in enumerate(cols):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            rows = np.nonzero(ink[:, start:i].any(axis=1))[0]
            out.append((i - start, int(rows[-1] - rows[0] + 1), start))
            start = None
    return out


def with_percent(text: str, ink: NDArray[np.bool_], settings: ScanSettings) -> str:
    """``text`` (one line) with the "%" its ink shows after the figure, or unchanged."""
    m = _FIGURE.fullmatch(text)
    if m is None:
        return text
    figure, tail = m.group(1), m.group(2) or ""
    runs = _runs(ink)
    if not runs:
        return text
    tallest = max(h for _, h, _ in runs)
    tall = [(w, h) for w, h, _ in runs if h >= settings.percent_tall * tallest]
    if len(tall) < 2:
        return text
    width, height = tall[-1]
    digits = float(np.median([w for w, _ in tall[:-1]]))
    low, high = settings.percent_aspect
    if not (low * height <= width <= high * height and width >= settings.percent_width * digits):
        return text
    read = sum(ch.isdigit() for ch in figure)
    if read == len(tall) - 1:
        return f"{figure}%"  # the "%" unread, or read as letters
    if read == len(tall) and not tail:
        return f"{figure[:-1].rstrip('.,')}%"  # the "%" read as a digit
    return text


_PERCENT = re.compile(r"\d(?:[\d.,]*\d)?%")


def is_bare_figure(text: str) -> bool:
    """A one-line reading that is a figure with no "%" after it (``10096``, ``97,50``,
    ``95``): what ``ind`` makes of a blurred "%" more often than not."""
    return "%" not in text and _FIGURE.fullmatch(text) is not None


def percent_of(first: str, second: str, settings: ScanSettings) -> str | None:
    """The percentage ``second`` (another model's reading of the same picture) shows where
    ``first`` read a bare figure, when both agree on the figure: ``10096`` and ``100%``
    give ``100%``, ``97,50`` and ``97,5%`` give ``97,5%``. The second reading must be a
    figure and a "%" only, and the first that figure followed by at most what a "%"
    is misread as (``percent_misread`` glyphs); None when they disagree.

    Tesseract's Indonesian model has seen few "%" signs: on a blurred figure it reads the
    sign as "96", "0" or "6" where its English model reads "%"; on the digits both agree.
    """
    figure = "".join(second.split())
    if _PERCENT.fullmatch(figure) is None:
        return None
    digits = figure[:-1]
    read = "".join(first.split())
    if not read.startswith(digits) or len(read) - len(digits) > settings.percent_misread:
        return None
    return figure
