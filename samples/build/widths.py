"""Column widths that never force a word to break in the middle.

When a word is wider than its column, LibreOffice (and Word) breaks it anywhere, for example
"pertanggungjawab" / "an". No extractor can tell that break from a real space, so the sample's
expected text would be unreachable. Every column is therefore at least as wide as its longest
word. Widths are estimated from Arial's advance widths by character class: the font is not
read from the build machine, so the layout is the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PT_PER_CM = 72 / 2.54
CELL_PADDING_CM = 0.2 + 0.05  # left + right cell margins, plus a little slack
SAFETY = 1.1  # class widths are an estimate; err towards wider

# Arial advance widths in em, by character class.
_NARROW = set("ijlI.,:;'|!()[]f t")
_MID = set('r-/"*')
_WIDE = set("mwMW%@")


def _char_em(ch: str) -> float:
    if ch in _NARROW:
        return 0.28
    if ch in _MID:
        return 0.34
    if ch in _WIDE:
        return 0.86
    if ch.isupper():
        return 0.68
    return 0.56


def word_width_cm(word: str, size_pt: float, bold: bool = False) -> float:
    em = sum(_char_em(ch) for ch in word) * (1.08 if bold else 1.0)
    return em * size_pt / PT_PER_CM * SAFETY


def longest_word_cm(texts: Iterable[str], size_pt: float, bold: bool = False) -> float:
    """The width of the widest unbreakable piece. LibreOffice may break after a hyphen but
    not after a slash, so a slash-joined run counts as one word."""
    widest = 0.0
    for text in texts:
        for word in re.split(r"\s+|(?<=-)", text):
            if word:
                widest = max(widest, word_width_cm(word, size_pt, bold))
    return widest + CELL_PADDING_CM


def fit(
    preferred: list[float], minimum: list[float], stretch: list[bool], total: float
) -> list[float]:
    """Scale the stretchable widths to fill ``total``, but never below their minimum. Columns
    pinned at their minimum leave the rest to share what remains."""
    widths = list(preferred)
    pinned = [not s for s in stretch]
    for _ in range(len(widths)):
        fixed = sum(w for w, p in zip(widths, pinned) if p)
        free = [i for i, p in enumerate(pinned) if not p]
        weight = sum(preferred[i] for i in free)
        if not free or weight <= 0:
            break
        scale = (total - fixed) / weight
        changed = False
        for i in free:
            widths[i] = preferred[i] * scale
            if widths[i] < minimum[i]:
                widths[i], pinned[i], changed = minimum[i], True, True
        if not changed:
            break
    return [round(w, 3) for w in widths]
