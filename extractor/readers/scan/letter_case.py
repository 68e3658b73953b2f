"""The case of a letter whose capital is its small form enlarged (c o s v w x z), from its
height on the page.

Tesseract's LSTM decides the case of these letters from the words around them as much as
from the glyph: at 150 dpi "dukungan calon perseorangan" comes out "dukungan Calon
perseorangan", and "Sumber" now and then "sumber". Only the glyph's height tells C from c,
so it is measured, as the rows of ink inside the glyph's box, against the same cell's own
small letters (the x-height) and tall ones (capitals and ascenders): the cell's own type, at
any size, dpi or scale. A letter is recased only when it stands clearly nearer one of the
two heights; a cell without enough of both keeps its reading.

"y" and "p" too: the LSTM reads "persentase sengketa hukum Yang dimenangkan" though the
page prints a tailed "y". Their tail makes a small one as tall as a capital, so what is
measured is how far the letter rises above its word's baseline (``_rise``).

And "I": the LSTM capitalises a word that opens a line ("teknologi\nInformasi"). A small i is
an x-height stem under a dot that stands clear of it, a capital I one stroke as tall as the
capitals: the stem's rise above the baseline tells them, the dot left out as a speck. Only
the capital is lowered so: a blur that joins the dot to the stem makes the small one as tall.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from .settings import ScanSettings

Box = tuple[int, int, int, int]
Glyphs = list[list[tuple[str, Box]]]

SIZED = "cosvwxz"  # capital and small form alike but for their size
TAILED = "py"  # small form an x-height body over a tail, capital as tall as any other
_SMALL = frozenset("acemnorsuvwxz")  # x-height letters: no ascender, descender or dot
_TALL = frozenset("bdfhkl" + "ABCDEFGHIKLMNOPRSTUVWXYZ")  # cap height or ascender, no tail


def needs_case(words: list[str]) -> bool:
    """Whether any word opens with a sized or tailed letter followed by small ones: the
    words a look at their glyphs' heights may recase."""
    return any(_candidate(w) for w in words)


def _candidate(word: str) -> bool:
    return len(word) >= 2 and (word[0].casefold() in SIZED + TAILED or word[0] == "I") and (
        word[1].islower()
    )


def _height(ink: NDArray[np.bool_], box: Box, width: int | None = None) -> int:
    """The rows of ink in ``box``, or in its first ``width`` columns only."""
    x0, top, x1, bottom = box
    if width is not None:
        x1 = min(x1, x0 + width)
    rows = np.flatnonzero(ink[top:bottom, x0:x1].any(axis=1))
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def _rise(
    ink: NDArray[np.bool_],
    glyph: list[tuple[str, Box]],
    width: int,
    settings: ScanSettings,
    breaks: bool = True,
) -> int:
    """How far the first letter's ink rises above its word's baseline, in its first
    ``width`` columns: what a "y" or "p" stands above the line, whatever its tail. The
    baseline is read off the ink of the word after the letter as a whole (Tesseract's boxes
    run over one another, so no one letter's box tells it). The letter's top is that of its
    ink's run of rows down to the baseline (a speck standing clear above it is no part of
    it). 0 when nothing follows the letter. ``breaks``: a blank row or two inside the letter
    is a blurred stroke thinned to nothing, not its end (an i's dot stands a row clear)."""
    x0, top, x1, bottom = glyph[0][1]
    rest_x0 = min(x1, x0 + width)  # the letter's first columns end, the rest begins
    rows: NDArray[np.bool_] = np.asarray(ink[top:bottom, x0:rest_x0].any(axis=1))
    rest_x1 = max(b[2] for _, b in glyph)
    rest_top = min(b[1] for _, b in glyph)
    rest_bottom = max(b[3] for _, b in glyph)
    rest = ink[rest_top:rest_bottom, rest_x0:rest_x1]
    counts = rest.sum(axis=1)
    if not rows.any() or not counts.any():
        return 0
    # The baseline: the last row that holds a fair share of the word's ink (the feet of
    # its stems and bowls); below it only tails.
    body = np.flatnonzero(counts >= settings.case_base_ink * counts.max())
    base = min(rest_top + int(body[-1]) - top, rows.size - 1)  # in the letter's rows
    reach = max(1, round(settings.case_base_reach * width))  # a blur's rows either way
    gaps = reach if breaks else 0
    ends = [r for r in range(base, base - reach - 1, -1) if 0 <= r and rows[r]]
    if not ends:
        return 0
    # Up from there, over breaks no longer than ``reach`` (a blurred stroke thinned to
    # nothing for a row or two), to the letter's top.
    start, gap = ends[0], 0
    for r in range(ends[0] - 1, -1, -1):
        if rows[r]:
            start, gap = r, 0
        else:
            gap += 1
            if gap > gaps:
                break
    return base - start + 1


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
    # A word's first box starts where its ink does, but Tesseract's box of the letter often
    # runs on over the next ("oleh": the "o" box takes in the "l" and stands as tall as a
    # capital). Every form of the sized letters spans its height within its first columns.
    width = max(1, round(settings.case_width * x_height))
    out = []
    for word, glyph in zip(words, glyphs):
        if _candidate(word):
            if word[0].casefold() in TAILED or word[0] == "I":
                rise = _rise(ink, glyph, width, settings, breaks=word[0] != "I")
            else:
                rise = _height(ink, glyph[0][1], width)
            share = (rise - x_height) / (cap - x_height)
            if rise and share <= settings.case_small:
                word = word[0].lower() + word[1:]
            elif rise and share >= settings.case_tall and word[0] != "I":
                word = word[0].upper() + word[1:]
        out.append(word)
    return out
