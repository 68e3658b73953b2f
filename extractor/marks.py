"""What counts as a check mark in a schedule cell.

Offices mark planned months with √, ✓, ✔, v, V, x, X, a bullet, or a symbol-font glyph
(Wingdings ü/þ/ý/ø, which arrive as private-use code points or as the plain letters of the
font's encoding). Readers pass the text; a reader that knows a glyph came from a symbol font
sets ``Cell.mark`` itself.
"""

from __future__ import annotations

import unicodedata

# Glyphs that mean "planned" when they are the whole content of a schedule cell.
MARK_GLYPHS = frozenset(
    "√✓✔☑☒✗✘✕✖×xXvV•●■◼▪◆♦*"
    # Wingdings/Wingdings 2 letters as they come out of a non-Unicode symbol font.
    "üþýøÖÓÒÏ"
)

SYMBOL_FONT_HINTS = ("wingding", "symbol", "dingbat", "webding", "marlett")


def is_private_use(ch: str) -> bool:
    return unicodedata.category(ch) == "Co"


def is_mark_text(text: str) -> bool:
    """True when ``text`` (a whole cell) is one or more mark glyphs and nothing else."""
    s = "".join(text.split())
    if not s or len(s) > 3:
        return False
    return all(ch in MARK_GLYPHS or is_private_use(ch) for ch in s)


def is_symbol_font(fontname: str | None) -> bool:
    name = (fontname or "").lower()
    return any(hint in name for hint in SYMBOL_FONT_HINTS)
