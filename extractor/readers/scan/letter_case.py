"""The case of a letter whose capital is its small form enlarged (c o s v w x z), from its
height on the page.

Tesseract's LSTM decides the case of these letters from the words around them as much as
from the glyph: at 150 dpi "dukungan calon perseorangan" comes out "dukungan Calon
perseorangan", and "Sumber" now and then "sumber". Only the glyph's height tells C from c,
so it is measured, as the rows of ink inside the glyph's box, against the same cell's own
small letters (the x-height) and tall ones (capitals and ascenders): the cell's own type, at
any size, dpi or scale. A letter is recased only when it stands clearly nearer one of the
two heights; a cell without enough of both keeps its reading.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from .settings import ScanSettings

Box = tuple[int, int, int, int]
Glyphs = list[list[tuple[str, Box]]]

SIZED = "cosvwxz"  # capital and small form alike but for their size
_SMALL = frozenset("acemnorsuvwxz")  # x-height letters: no ascender, descender or dot
_TALL = frozenset("bdfhkl" + "ABCDEFGHIKLMNOPRSTUVWXYZ")  # cap height or ascender, no tail


def needs_case(words: list[str]) -> bool:
    """Whether any word opens with a sized letter followed by small ones: the words a
    look at their glyphs' heights may recase."""
    return any(_candidate(w) for w in words)


def _candidate(word: str) -> bool:
    return len(word) >= 2 and word[0].casefold() in SIZED and word[1].islower()


def _height(ink: NDArray[np.bool_], box: Box) -> int:
    x0, top, x1, bottom = box
    rows = np.flatnonzero(ink[top:bottom, x0:x1].any(axis=1))
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def recased(
    words: list[str], glyphs: Glyphs, ink: NDArray[np.bool_], settings: ScanSettings
) -> list[str]:
    """``words`` (one per entry of ``glyphs``) with each candidate's first letter in the
    case its height shows. Candidates' own first letters are left out of the references."""
    small: list[int] = []
    tall: list[int] = []
    for word, glyph in zip(words, glyphs):
        for k, (text, box) in enumerate(glyph):
            if k == 0 and _candidate(word):
                continue
            if text in _SMALL:
                small.append(_height(ink, box))
            elif text in _TALL:
                tall.append(_height(ink, box))
    if len(small) < settings.case_refs or len(tall) < settings.case_refs:
        return words
    x_height, cap = float(np.median(small)), float(np.median(tall))
    if cap - x_height < settings.case_min_step * cap:
        return words  # the two heights are not told apart at this size
    out = []
    for word, glyph in zip(words, glyphs):
        if _candidate(word):
            share = (_height(ink, glyph[0][1]) - x_height) / (cap - x_height)
            if share <= settings.case_small:
                word = word[0].lower() + word[1:]
            elif share >= settings.case_tall:
                word = word[0].upper() + word[1:]
        out.append(word)
    return out
