"""Every text line of a cell read, when Tesseract's block reading drops one.

Tesseract's block mode now and then returns a cell's text with a whole line missing and
still reports the rest at its usual confidence: a blurred four-line PELAKSANA came back as
three lines at 0.95, "Penyelenggaraan Pemilu," gone. The line alone, in line mode, reads
as nothing at every scale; a 2 px dust dot over one letter is enough for Tesseract 5.5 to
give up on the whole line (5.3 reads it), and each half of the line reads right. Nothing
in the result gives the loss away; the ink does. The picture's inked rows form one band
per text line (an i-dot or a speck is a band too short to be a line and goes with the line
below it); where the ink holds more lines than the reading, each band is read on its own,
and a band that reads as nothing is read again in two parts cut at its widest gap between
words. The cell takes those lines only if every one reads as writing, surely. Lines whose
descenders touch the next line's ascenders make one band, so the ink never counts more
lines than there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .image import Image, Measures
    from .settings import ScanSettings
    from .text import CellReader, ReadText


def flag_runs(flags: list[bool]) -> list[tuple[int, int]]:
    """The [start, end) runs of True in ``flags``."""
    out, start = [], None
    for i, flag in enumerate(flags):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(flags)))
    return out


def line_bands(picture: Image, height: float, settings: ScanSettings) -> list[tuple[int, int]]:
    """The [top, bottom) rows of each text line of a cell's picture (black on white), each
    reaching half-way to its neighbours so that its dots and accents stay with it."""
    inked = [bool(f) for f in np.any(picture < settings.band_ink, axis=1)]
    lines = [r for r in flag_runs(inked) if r[1] - r[0] >= settings.band_line_height * height]
    bands = []
    for k, (top, bottom) in enumerate(lines):
        upper = 0 if k == 0 else (lines[k - 1][1] + top) // 2
        lower = len(inked) if k == len(lines) - 1 else (bottom + lines[k + 1][0]) // 2
        bands.append((upper, lower))
    return bands


def _word_cut(band: Image, height: float, settings: ScanSettings) -> int | None:
    """The middle of the band's widest gap between inked columns, a word space wide at
    least, where it has one."""
    inked = [bool(f) for f in np.any(band < settings.band_ink, axis=0)]
    runs = flag_runs(inked)
    gaps = [(b[0] - a[1], (a[1] + b[0]) // 2) for a, b in zip(runs, runs[1:])]
    wide = [g for g in gaps if g[0] >= settings.band_word_gap * height]
    return max(wide)[1] if wide else None


def _lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


def every_line(
    picture: Image,
    read: ReadText,
    m: Measures,
    settings: ScanSettings,
    reader: CellReader,
    height: float,
) -> ReadText:
    """``read``, or the cell read line by line where its ink holds more lines than it."""
    from .reader import is_real_text
    from .text import ReadText

    bands = line_bands(picture, height, settings)
    if len(bands) < 2 or len(bands) <= _lines(read.text):
        return read
    lines: list[ReadText] = []
    for top, bottom in bands:
        band = np.ascontiguousarray(picture[top:bottom])
        line = reader.read(band, m, settings, True, height=height)
        cut = None if line.text.strip() else _word_cut(band, height, settings)
        if cut is not None:
            parts = [reader.read(np.ascontiguousarray(p), m, settings, True, height=height)
                     for p in (band[:, :cut], band[:, cut:])]  # fmt: skip
            line = ReadText(" ".join(p.text.strip() for p in parts),
                            min(p.confidence for p in parts),
                            words=tuple(w for p in parts for w in p.words))  # fmt: skip
        lines.append(line)
    texts = [" ".join(line.text.split()) for line in lines]
    if not all(is_real_text(t) for t in texts):
        return read
    if min(line.confidence for line in lines) < settings.ocr_low:
        return read
    words = tuple(w for line in lines for w in line.words)
    confidence = sum(line.confidence for line in lines) / len(lines)
    return ReadText("\n".join(texts), confidence, words=words)
