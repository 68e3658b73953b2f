"""Glyphs to lines of text: the one place that decides where lines break and words part.

PDFs rarely store line breaks and not always spaces; both are read from geometry. A glyph
joins a line when its vertical middle is near the line's. A space goes in where the writer
drew one, and where the gap between two glyphs exceeds the line's letter spacing by a share
of the font's space advance: some writers (and every program that places words one by one)
draw no space glyphs at all, and the gap they leave is one advance, 0.22 to 0.33 of the
font size depending on the font. The advance is measured from the line itself (its drawn
spaces, else its own word gaps), the letter spacing from its ordinary glyph gaps, so a
condensed or letter-spaced line is read by its own measure (``TextSettings``).

A check glyph (√ ✓ ✔ ...) is never part of a word: one printed right against a neighbouring
cell's text is a word of its own. Ligatures drawn as one glyph (ﬁ, ﬂ: browsers do) are
spelled out, since the text as written has the letters.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from statistics import median
from typing import NamedTuple

from ...marks import MARK_GLYPHS
from .page import Glyph
from .settings import DEFAULT_TEXT, TextSettings

# Mark glyphs that no word contains (letters such as v and x are left to the words).
_LONE_MARKS = frozenset(ch for ch in MARK_GLYPHS if not ch.isalnum())
# Typographic ligatures a writer may draw as one glyph (browsers do: "veriﬁkasi"); the text
# as written has the letters.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)


_X0 = attrgetter("x0")  # a sort key quicker than a lambda


def glyph_text(glyphs: Iterable[Glyph]) -> str:
    """The letters of a run of glyphs, ligatures spelled out."""
    return "".join(g.text for g in glyphs).translate(_LIGATURES)


class Word(NamedTuple):
    """One word of a line, with its box; ``glyphs`` keep what it was made of."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    glyphs: tuple[Glyph, ...]

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2


def cluster_lines(
    glyphs: Iterable[Glyph], settings: TextSettings = DEFAULT_TEXT
) -> list[list[Glyph]]:
    """Group glyphs into visual lines, top to bottom, each line left to right.

    Each glyph's middle is worked out once, the glyphs are ordered by it (ties in the
    order given: the sort is stable), and the larger of two sizes written out as ``max``
    takes it (the first of equals): this runs for every cell of every table."""
    glyphs = list(glyphs)
    mids = [(g.top + g.bottom) / 2 for g in glyphs]
    lines: list[list[Glyph]] = []
    line_mid = 0.0
    line_size = 0.0
    share = settings.line_overlap
    for i in sorted(range(len(glyphs)), key=mids.__getitem__):
        g = glyphs[i]
        mid = mids[i]
        size = g.size
        if lines and abs(mid - line_mid) <= share * (size if size > line_size else line_size):
            lines[-1].append(g)
            continue
        lines.append([g])
        line_mid, line_size = mid, size
    for line in lines:
        line.sort(key=_X0)
    return lines


def _measured(
    line: list[Glyph], overprint: float
) -> tuple[list[Glyph], list[float], list[float]]:
    """The line without glyphs printed twice on the same spot (fake bold by overprinting:
    the same text within ``overprint`` font sizes; 0 drops none), the widths of its drawn
    spaces and the gaps between its other neighbours, in font sizes, in one walk.

    ``gaps`` holds one entry for each glyph kept that follows a glyph other than a space,
    in order: ``_spans`` walks the line the same way and takes them instead of measuring
    each gap again. The larger of two font sizes (for a gap at least 1e-6) is written out
    rather than taken with ``max``: this runs for every glyph of every line of a page."""
    kept: list[Glyph] = []
    drawn: list[float] = []
    gaps: list[float] = []
    last: Glyph | None = None  # the last glyph kept
    prev: Glyph | None = None  # the last glyph kept, unless a space came after it
    for g in line:
        text = g.text
        if overprint and last is not None and last.text == text:
            near = overprint * (last.size if last.size > g.size else g.size)
            if abs(last.x0 - g.x0) < near and abs(last.top - g.top) < near:
                continue
        kept.append(g)
        last = g
        if not text.strip():
            if g.size > 0 and g.x1 > g.x0:
                drawn.append((g.x1 - g.x0) / g.size)
            prev = None
            continue
        if prev is not None:
            size = prev.size if prev.size > g.size else g.size
            gaps.append((g.x0 - prev.x1) / (size if size >= 1e-6 else 1e-6))
        prev = g
    return kept, drawn, gaps


def _gaps(glyphs: list[Glyph]) -> tuple[list[float], list[float]]:
    """Widths of the drawn spaces and the gaps between other neighbours, in font sizes
    (``_measured``, overprints kept)."""
    _, drawn, gaps = _measured(glyphs, 0.0)
    return drawn, gaps


def _tracking(gaps: list[float], settings: TextSettings) -> float:
    # Most neighbouring glyphs of a line are letters of one word: their median gap is the
    # line's letter spacing (tracking), bounded so a line of lone numbers cannot raise it.
    return min(max(median(gaps), 0.0), settings.letter_gap_em) if gaps else 0.0


def _word_gaps(gaps: list[float], tracking: float, settings: TextSettings) -> list[float]:
    low, high = settings.letter_gap_em, settings.word_gap_em
    return [g - tracking for g in gaps if low <= g - tracking <= high]


def page_advance(
    lines: Iterable[list[Glyph]], settings: TextSettings = DEFAULT_TEXT
) -> float | None:
    """The space advance of a page's text, in font sizes: its drawn spaces, or else the gaps
    its lines leave between words (a page of text has far more word gaps than column gaps).
    None when the page shows neither."""
    drawn: list[float] = []
    word_gaps: list[float] = []
    for line in lines:
        d, gaps = _gaps(line)
        drawn.extend(d)
        word_gaps.extend(_word_gaps(gaps, _tracking(gaps, settings), settings))
    if drawn:
        return median(drawn)
    return median(word_gaps) if word_gaps else None


def line_spacing(
    glyphs: list[Glyph], settings: TextSettings = DEFAULT_TEXT, advance: float | None = None
) -> tuple[float, float]:
    """(letter spacing, space advance) of a line, both in font sizes; see the module docstring.

    The line's own drawn spaces give the advance; else ``advance``, the page's, when the
    caller has it; else the line's own word gaps.
    """
    drawn, gaps = _gaps(glyphs)
    return _spacing(drawn, gaps, settings, advance)


def _spacing(
    drawn: list[float], gaps: list[float], settings: TextSettings, advance: float | None
) -> tuple[float, float]:
    """``line_spacing`` from the line's measured spaces and gaps (``_gaps``)."""
    tracking = _tracking(gaps, settings)
    if drawn:
        adv = median(drawn)
    elif advance is not None:
        adv = advance
    else:
        word_gaps = _word_gaps(gaps, tracking, settings)
        adv = median(word_gaps) if word_gaps else settings.space_em
    return tracking, min(max(adv, settings.letter_gap_em), settings.word_gap_em)


def space_threshold(
    glyphs: list[Glyph], settings: TextSettings = DEFAULT_TEXT, advance: float | None = None
) -> float:
    """The gap, in font sizes, above which two glyphs of this line are two words."""
    tracking, adv = line_spacing(glyphs, settings, advance)
    return tracking + settings.space_share * adv


def _spans(
    line: list[Glyph], settings: TextSettings, advance: float | None = None
) -> tuple[list[Glyph], list[tuple[int, int]]]:
    """The line without overprints, and each word as a (start, end) range of it.

    The gaps are measured once (``_measured``) for both the line's spacing and the cuts."""
    glyphs, drawn, gaps = _measured(line, settings.overprint_em)
    tracking, adv = _spacing(drawn, gaps, settings, advance)
    limit = tracking + settings.space_share * adv
    spans: list[tuple[int, int]] = []
    start: int | None = None
    prev_lone: bool | None = None  # whether the glyph before is a lone mark; None: a space
    j = 0  # the next of ``gaps``
    for i, g in enumerate(glyphs):
        text = g.text
        if not text.strip():
            if start is not None:
                spans.append((start, i))
                start = None
            prev_lone = None
            continue
        lone = text in _LONE_MARKS or g.symbol
        if prev_lone is not None:
            gap = gaps[j]
            j += 1
            if (gap > limit or lone or prev_lone) and start is not None:
                spans.append((start, i))
                start = None
        if start is None:
            start = i
        prev_lone = lone
    if start is not None:
        spans.append((start, len(glyphs)))
    return glyphs, spans


def words(
    line: list[Glyph], settings: TextSettings = DEFAULT_TEXT, advance: float | None = None
) -> list[list[Glyph]]:
    """Split one visual line into words at drawn spaces and at gaps wider than a space
    (``advance``: the page's space advance, see ``line_spacing``)."""
    glyphs, spans = _spans(line, settings, advance)
    return [glyphs[a:b] for a, b in spans]


def line_words(
    line: list[Glyph], settings: TextSettings = DEFAULT_TEXT, advance: float | None = None
) -> list[Word]:
    """The words of a line with their boxes."""
    out: list[Word] = []
    for w in words(line, settings, advance):
        out.append(
            Word(
                text=glyph_text(w),
                x0=w[0].x0,
                x1=max(g.x1 for g in w),
                top=min(g.top for g in w),
                bottom=max(g.bottom for g in w),
                size=max(g.size for g in w),
                glyphs=tuple(w),
            )
        )
    return out


def split_at_gaps(
    line: list[Glyph], factor: float, settings: TextSettings = DEFAULT_TEXT
) -> list[list[Glyph]]:
    """Cut a visual line where the gap between words exceeds ``factor`` font sizes.

    Each part keeps the glyphs between its words (drawn spaces included), so the words of a
    part are the words it had in the line.
    """
    glyphs, spans = _spans(line, settings)
    parts: list[tuple[int, int]] = []
    for a, b in spans:
        if parts:
            last = glyphs[parts[-1][1] - 1]
            first = glyphs[a]
            if first.x0 - last.x1 <= factor * max(first.size, last.size):
                parts[-1] = (parts[-1][0], b)
                continue
        parts.append((a, b))
    return [glyphs[a:b] for a, b in parts]


def line_text(line: list[Glyph], settings: TextSettings = DEFAULT_TEXT) -> str:
    """The text of one visual line, words joined by single spaces."""
    return _joined(words(line, settings))


def _joined(line_words: list[list[Glyph]]) -> str:
    # Ligatures are spelled out once for the line: a space is never part of one.
    # Lists, not generators, for ``join``: it makes one of them anyway.
    return " ".join(["".join([g.text for g in w]) for w in line_words]).translate(_LIGATURES)


def _forced_break(
    line: list[Glyph], count: int, nxt: list[Glyph], width: float | None, settings: TextSettings
) -> bool:
    """A word longer than its cell, broken mid-word by the writer (``perpin`` / ``dahan``).

    Only a line holding one word (``count``: its number of words) that fills the cell's
    width can be such a break; the next line must go on in lower case. Any other break is
    a line wrap between words.
    """
    if not width or count != 1:
        return False
    first, last = line[0], line[-1]
    head = "".join(g.text for g in nxt).lstrip()
    full = last.x1 - first.x0 >= settings.forced_break_fill * width
    return full and last.text[-1:].isalpha() and head[:1].islower()


def block_text(
    glyphs: Iterable[Glyph], width: float | None = None, settings: TextSettings = DEFAULT_TEXT
) -> str:
    """Text of a cell: its visual lines joined by ``\n``, empty lines dropped.

    With the cell's ``width``, a word the writer broke because it was wider than the cell is
    put back together. Each line is cut into words once: a table's cells hold most of a
    page's glyphs.
    """
    return broken_block_text(glyphs, width, settings)[0]


def broken_block_text(
    glyphs: Iterable[Glyph], width: float | None = None, settings: TextSettings = DEFAULT_TEXT
) -> tuple[str, bool]:
    """``block_text``, and whether it put a broken word back together: only such a cell's
    text can differ from the text read without ``width`` (``pdf.cells.cell_texts``)."""
    lines: list[tuple[list[Glyph], int, str]] = []  # glyphs, number of words, text
    for ln in cluster_lines(glyphs, settings):
        # The words' letters joined from the line's spans: no list of glyphs per word.
        kept, spans = _spans(ln, settings)
        letters = [g.text for g in kept]
        text = " ".join(["".join(letters[a:b]) for a, b in spans]).translate(_LIGATURES)
        if text:
            lines.append((ln, len(spans), text))
    out = ""
    rejoined = False
    for i, (line, _, text) in enumerate(lines):
        if i and _forced_break(lines[i - 1][0], lines[i - 1][1], line, width, settings):
            out += text
            rejoined = True
        else:
            out += ("\n" if i else "") + text
    return out, rejoined
