"""Glyphs to lines of text: the one place that decides where lines break and words part.

PDFs rarely store spaces or line breaks; both are read from geometry. A glyph joins a line
when its vertical middle is within half a font size of the line's; a space goes in where the
horizontal gap exceeds a quarter of the font size (or where the PDF drew a space itself).
"""

from __future__ import annotations

from collections.abc import Iterable

from .pdf_page import Glyph

SPACE_GAP = 0.25  # of the font size


def cluster_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Group glyphs into visual lines, top to bottom, each line left to right."""
    ordered = sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2)
    lines: list[list[Glyph]] = []
    line_mid = 0.0
    line_size = 0.0
    for g in ordered:
        mid = (g.top + g.bottom) / 2
        if lines and abs(mid - line_mid) <= 0.5 * max(line_size, g.size):
            lines[-1].append(g)
            continue
        lines.append([g])
        line_mid, line_size = mid, g.size
    for line in lines:
        line.sort(key=lambda g: g.x0)
    return lines


def _dedupe(line: list[Glyph]) -> list[Glyph]:
    """Drop glyphs printed twice on the same spot (fake bold by overprinting)."""
    out: list[Glyph] = []
    for g in line:
        if out:
            p = out[-1]
            if p.text == g.text and abs(p.x0 - g.x0) < 0.5 and abs(p.top - g.top) < 0.5:
                continue
        out.append(g)
    return out


def words(line: list[Glyph]) -> list[list[Glyph]]:
    """Split one visual line into words at drawn spaces and at gaps wider than a space."""
    out: list[list[Glyph]] = []
    current: list[Glyph] = []
    prev: Glyph | None = None
    for g in _dedupe(line):
        if not g.text.strip():
            if current:
                out.append(current)
                current = []
            prev = None
            continue
        if prev is not None and g.x0 - prev.x1 > SPACE_GAP * max(g.size, prev.size):
            out.append(current)
            current = []
        current.append(g)
        prev = g
    if current:
        out.append(current)
    return out


def split_at_gaps(line: list[Glyph], factor: float) -> list[list[Glyph]]:
    """Cut a visual line where the gap between words exceeds ``factor`` font sizes."""
    parts: list[list[Glyph]] = []
    for word in words(line):
        if parts:
            last = parts[-1][-1]
            if word[0].x0 - last.x1 <= factor * max(word[0].size, last.size):
                parts[-1].extend(word)
                continue
        parts.append(list(word))
    return parts


def line_text(line: list[Glyph]) -> str:
    """The text of one visual line, words joined by single spaces."""
    return " ".join("".join(g.text for g in word) for word in words(line))


def _forced_break(line: list[Glyph], nxt: list[Glyph], width: float | None) -> bool:
    """A word longer than its cell, broken mid-word by the writer (``perpin`` / ``dahan``).

    Only a line holding one word that fills the cell's width can be such a break; the next
    line must go on in lower case. Any other break is a line wrap between words.
    """
    if not width or len(words(line)) != 1:
        return False
    first, last = line[0], line[-1]
    head = "".join(g.text for g in nxt).lstrip()
    return (
        last.x1 - first.x0 >= 0.8 * width
        and last.text[-1:].isalpha()
        and head[:1].islower()
    )


def block_text(glyphs: Iterable[Glyph], width: float | None = None) -> str:
    """Text of a cell: its visual lines joined by ``\n``, empty lines dropped.

    With the cell's ``width``, a word the writer broke because it was wider than the cell is
    put back together.
    """
    lines = [ln for ln in cluster_lines(glyphs) if line_text(ln)]
    out = ""
    for i, line in enumerate(lines):
        if i and _forced_break(lines[i - 1], line, width):
            out += line_text(line)
        else:
            out += ("\n" if i else "") + line_text(line)
    return out
