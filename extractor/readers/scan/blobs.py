"""Glyphs counted as the page's blobs of ink: a doubled capital that Tesseract read once
("JDIIH" read "JDIH"), and a "1" it read where the page shows no glyph ("75%" read "715%").

Tesseract's LSTM decodes a line as a string of frames, and two identical narrow glyphs side by
side ("II", "LL") give the same frames twice: its decoder merges them into one letter, most of
all when the crop is enlarged, as rak enlarges small text. The page still shows both: a
capital is one blob of ink (no capital has a dot), so an acronym of five capitals is five
blobs as tall as the word. Where a word in capitals has one blob more than letters, and the
two blobs nearest one of its letters are the same size (two copies of one glyph, not a letter
and a speck or a stroke of a stamp), that letter is written twice.

The other way round, the LSTM reads a stem as a glyph of its own: the stroke of a 7 as a
"1" after it, twice over at two scales. A digit is one blob too (a "1" most of all), so a run
of digits with one blob fewer than digits, every blob one digit wide (not two digits a blur
has joined), holds a "1" the page does not print, where the number holds one "1" only.
"""

from __future__ import annotations

import cv2
import numpy as np
from numpy.typing import NDArray

from .settings import ScanSettings

Box = tuple[int, int, int, int]


def is_capitals(word: str) -> bool:
    """A word of two or more capitals and nothing else: the words this rule reads."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _blobs(ink: NDArray[np.bool_], box: Box, settings: ScanSettings) -> list[Box]:
    """The blobs of ink in ``box`` at least ``double_height`` of its height tall."""
    x0, top, x1, bottom = box
    crop = np.ascontiguousarray(ink[top:bottom, x0:x1], dtype=np.uint8)
    if crop.size == 0:
        return []
    count, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    tall = settings.double_height * (bottom - top)
    return [
        (x0 + int(s[0]), top + int(s[1]), x0 + int(s[0] + s[2]), top + int(s[1] + s[3]))
        for s in stats[1:count]
        if s[cv2.CC_STAT_HEIGHT] >= tall
    ]


def _alike(a: Box, b: Box, settings: ScanSettings) -> bool:
    wa, wb = a[2] - a[0], b[2] - b[0]
    ha, hb = a[3] - a[1], b[3] - b[1]
    share = settings.double_alike
    return abs(wa - wb) <= share * max(wa, wb, 1) and abs(ha - hb) <= share * max(ha, hb, 1)


def _owners(glyphs: list[tuple[str, Box]], blobs: list[Box]) -> dict[int, list[Box]]:
    """The blobs each glyph owns: those nearer its box's centre than any other's."""
    centres = [(b[0] + b[2]) / 2 for _, b in glyphs]
    owners: dict[int, list[Box]] = {}
    for blob in blobs:
        middle = (blob[0] + blob[2]) / 2
        owner = min(range(len(centres)), key=lambda k: abs(centres[k] - middle))
        owners.setdefault(owner, []).append(blob)
    return owners


def _box(glyphs: list[tuple[str, Box]]) -> Box:
    return (
        min(b[0] for _, b in glyphs),
        min(b[1] for _, b in glyphs),
        max(b[2] for _, b in glyphs),
        max(b[3] for _, b in glyphs),
    )


def doubled(
    word: str, glyphs: list[tuple[str, Box]], ink: NDArray[np.bool_], settings: ScanSettings
) -> str:
    """``word`` with the one letter the page shows twice written twice, or unchanged."""
    if not is_capitals(word) or len(glyphs) != len(word):
        return word
    blobs = _blobs(ink, _box(glyphs), settings)
    if len(blobs) != len(word) + 1:
        return word
    owners = _owners(glyphs, blobs)
    twice = [k for k, owned in owners.items() if len(owned) == 2]
    if len(owners) != len(word) or len(twice) != 1:
        return word
    k = twice[0]
    first, second = owners[k]
    if not _alike(first, second, settings):
        return word
    return word[: k + 1] + word[k:]


def phantom_one(
    word: str, glyphs: list[tuple[str, Box]], ink: NDArray[np.bool_], settings: ScanSettings
) -> str:
    """``word`` without the one "1" of its digits that the page shows no blob for."""
    if len(glyphs) != len(word) or word.count("1") != 1:
        return word
    digits = [k for k, (text, _) in enumerate(glyphs) if text.isdigit()]
    if len(digits) < 2:
        return word
    owners = _owners(glyphs, _blobs(ink, _box(glyphs), settings))
    owned = [blob for k in digits for blob in owners.get(k, [])]
    if len(owned) != len(digits) - 1:
        return word
    if any(b[2] - b[0] > settings.single_digit_width * (b[3] - b[1]) for b in owned):
        return word  # two digits joined by a blur: the count says nothing
    k = word.index("1")
    return word[:k] + word[k + 1 :]
