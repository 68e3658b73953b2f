"""The header band of a table without ruling lines, found by the words it is made of.

Ruled tables show their columns in their lines; a borderless one shows them only in its
header and in how the body lines up. The header is found the way a person finds it: a few
lines near each other that name at least three of the table's columns in the heading
vocabulary (``extractor.headings``: SASARAN, INDIKATOR, TARGET, KEGIATAN, a schedule over
B1..B12, Jan..Des or TW I..IV, PELAKSANA, ...). Headings are matched fuzzily, whole or
split into known headings where the writer set two of them closer than a word space apart,
and across lines where a narrow column wraps its heading ("PENANGGUNG" over "JAWAB").

What the band gives the column finder (``pdf.columns``) is geometry, not meaning: the x
ranges of its words, which of them are group headings over several columns (a phrase with
more than one word of the band under it) and which sit side by side as sub-headings. What
each column *is* stays for ``layout`` to decide, as it does for every other reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...headings import CORE_ROLES, JADWAL, bare_period, heading_role, period_label
from .page import Glyph
from .settings import BorderlessSettings, TextSettings
from .text import Word, line_spacing

PERIOD = "period"  # a sub-heading naming one month or quarter (B3, Mar, TW II)


@dataclass(slots=True)
class Phrase:
    """Words of one line standing closer than a phrase gap: one heading, or part of one."""

    line: int
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1


@dataclass(slots=True)
class HeaderBand:
    """Lines ``first`` .. ``last`` (inclusive) of the page, and their phrases."""

    first: int
    last: int
    phrases: list[Phrase]
    roles: frozenset[str]
    settings: BorderlessSettings

    def words(self) -> list[tuple[int, Word]]:
        return [(p.line, w) for p in self.phrases for w in p.words]

    def box(self) -> tuple[float, float, float, float]:
        ws = [w for _, w in self.words()]
        return (
            min(w.x0 for w in ws),
            min(w.top for w in ws),
            max(w.x1 for w in ws),
            max(w.bottom for w in ws),
        )

    def schedule(self) -> tuple[float, float] | None:
        """The x range of the period sub-headings (B1..B12, Jan..Des, TW I..IV, 1..12)."""
        spans = [
            (p.x0, p.x1)
            for p in self.phrases
            if (rs := phrase_roles(p, self.settings)) and all(r == PERIOD for r in rs)
        ]
        by_line: dict[int, list[Phrase]] = {}
        for p in self.phrases:
            by_line.setdefault(p.line, []).append(p)
        for line in by_line.values():
            if _label_numbers(line):
                spans.extend((p.x0, p.x1) for p in line)
        if len(spans) < 2:
            return None
        return min(a for a, _ in spans), max(b for _, b in spans)

    def anchors(self) -> list[Word]:
        """The words that mark columns: those with no band word below them.

        A group heading has its sub-headings below it and a wrapped heading its second line;
        either way the lower words show the column(s) and the upper one would only hide the
        gaps between them.
        """
        out: list[Word] = []
        ws = self.words()
        for line, w in ws:
            covered = any(other_line > line and o.x0 < w.x1 and w.x0 < o.x1 for other_line, o in ws)
            if not covered:
                out.append(w)
        return sorted(out, key=lambda w: w.x0)


@lru_cache(maxsize=4096)
def _text_role(text: str) -> str | None:
    """The heading role of a text, PERIOD for a period sub-heading, else None."""
    if period_label(text) is not None:
        return PERIOD
    return heading_role(text)


def _cover_cut(words: list[Word], longest: int) -> list[list[Word]] | None:
    """The fewest known headings that together make up ``words`` exactly, as word runs."""
    n = len(words)
    best: list[list[tuple[int, int]] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - longest), end):
            before = best[start]
            if before is None:
                continue
            if _text_role(" ".join(w.text for w in words[start:end])) is None:
                continue
            candidate = [*before, (start, end)]
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    cut = best[n]
    return [words[a:b] for a, b in cut] if cut is not None else None


def _cover(words: list[Word], longest: int) -> list[str] | None:
    """Roles of the fewest known headings that together make up ``words`` exactly."""
    cut = _cover_cut(words, longest)
    if cut is None:
        return None
    return [r for seg in cut if (r := _text_role(" ".join(w.text for w in seg))) is not None]


def _is_label_run(words: list[Word], settings: BorderlessSettings) -> bool:
    """Short words set too close to part, most of them period labels: one label each, the
    unreadable ones too (their number is their place: ``columns._fill_period_sequence``)."""
    if len(words) < 2 or any(len(w.text) > settings.label_chars for w in words):
        return False
    unread = sum(1 for w in words if _text_role(w.text) != PERIOD)
    return unread <= settings.label_run_unread * len(words)


def segments(phrase: Phrase, settings: BorderlessSettings) -> list[list[Word]]:
    """The phrase cut into the headings it names (``phrase_roles``); whole when it names
    one or none."""
    if len(phrase.words) > settings.phrase_words or _text_role(phrase.text) is not None:
        return [phrase.words]
    cut = _cover_cut(phrase.words, settings.heading_words)
    if cut is None and _is_label_run(phrase.words, settings):
        return [[w] for w in phrase.words]
    return cut if cut else [phrase.words]


def phrase_roles(phrase: Phrase, settings: BorderlessSettings) -> list[str]:
    """The roles a phrase names: one heading, or several set too close to part."""
    if len(phrase.words) > settings.phrase_words:
        return []
    whole = _text_role(phrase.text)
    if whole is not None:
        return [whole]
    covered = _cover(phrase.words, settings.heading_words)
    if covered is None and _is_label_run(phrase.words, settings):
        return [PERIOD] * len(phrase.words)
    return covered or []


def phrases(
    line_index: int,
    glyphs: list[Glyph],
    line_words: list[Word],
    text: TextSettings,
    settings: BorderlessSettings,
    advance: float | None = None,
) -> list[Phrase]:
    """The line's words grouped at gaps wider than ``phrase_gap`` space advances (the
    line's own, else the page's ``advance``)."""
    if not line_words:
        return []
    tracking, advance = line_spacing(glyphs, text, advance)
    out: list[Phrase] = [Phrase(line_index, [line_words[0]])]
    for w in line_words[1:]:
        prev = out[-1].words[-1]
        gap = (w.x0 - prev.x1) / max(w.size, prev.size, 1e-6)
        if gap <= tracking + settings.phrase_gap * advance:
            out[-1].words.append(w)
        else:
            out.append(Phrase(line_index, [w]))
    return out


def _overlaps(a: Phrase, b: Phrase) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _stack_roles(upper: list[Phrase], lower: list[Phrase]) -> list[tuple[Phrase, Phrase, str]]:
    """Headings wrapped over two lines: phrases one above the other, alone in their overlap."""
    out: list[tuple[Phrase, Phrase, str]] = []
    for u in upper:
        below = [p for p in lower if _overlaps(u, p)]
        if len(below) != 1:
            continue
        d = below[0]
        if sum(1 for p in upper if _overlaps(p, d)) != 1:
            continue
        role = _text_role(f"{u.text} {d.text}")
        if role is not None:
            out.append((u, d, role))
    return out


def _core(roles: set[str]) -> set[str]:
    return {JADWAL if r == PERIOD else r for r in roles} & set(CORE_ROLES)


def _label_numbers(line: list[Phrase]) -> bool:
    """A line of bare period numbers 1..12 or 1..4 (or I..IV): sub-headings under a
    schedule heading. The column-number row runs past them (1 .. 17) and is not one."""
    texts = [w.text for p in line for w in p.words]
    nums = [bare_period(t) for t in texts]
    if any(n is None for n in nums) or len(nums) not in (4, 12):
        return False
    return nums == list(range(1, len(nums) + 1))


def _is_header_line(
    k: int, found: list[list[Phrase]], roles: list[list[list[str]]], seen: set[str]
) -> bool:
    """Line ``k`` of the window continues the header: it names a column the lines above
    did not (a body line repeats a heading word at most: "Sasaran" under SASARAN), holds
    period numbers, or completes a heading wrapped from the line above."""
    if any(r not in seen for rs in roles[k] for r in rs):
        return True
    if _label_numbers(found[k]):
        return True
    if k == 0 or not found[k]:
        return False
    stacked = {id(d) for _, d, _ in _stack_roles(found[k - 1], found[k])}
    return all(id(p) in stacked for p in found[k])


def find_header(
    lines: list[list[Glyph]],
    line_words: list[list[Word]],
    text: TextSettings,
    settings: BorderlessSettings,
    advance: float | None = None,
    start: int = 0,
) -> HeaderBand | None:
    """The first header band at or below line ``start``, or None (``advance``: the page's
    space advance, see ``pdf.text.line_spacing``)."""
    found: list[list[Phrase]] = [
        phrases(i, glyphs, ws, text, settings, advance)
        for i, (glyphs, ws) in enumerate(zip(lines, line_words))
    ]
    roles = [[phrase_roles(p, settings) for p in line] for line in found]
    named = [any(r) for r in roles]
    for i in range(start, len(lines)):
        if not named[i]:
            continue
        window = [i]
        while len(window) < settings.header_lines and window[-1] + 1 < len(lines):
            j = window[-1] + 1
            size = max(w.size for w in line_words[j]) if line_words[j] else 1.0
            if _top(line_words[j]) - _top(line_words[j - 1]) > settings.header_step * size:
                break
            window.append(j)
        seen: set[str] = set()
        for k in window:
            for rs in roles[k]:
                seen.update(rs)
            if k > window[0]:
                seen.update(r for _, _, r in _stack_roles(found[k - 1], found[k]))
        if len(_core(seen)) < settings.header_roles:
            continue
        last = i
        named_above = {r for rs in roles[i] for r in rs}
        for k in window[1:]:
            if not _is_header_line(k, found, roles, named_above):
                break
            named_above.update(r for rs in roles[k] for r in rs)
            last = k
        first = _extend_up(i, found, line_words, settings)
        band_phrases = [p for k in range(first, last + 1) for p in found[k]]
        return HeaderBand(first, last, band_phrases, frozenset(_core(seen)), settings)
    return None


def _extend_up(
    i: int, found: list[list[Phrase]], line_words: list[list[Word]], settings: BorderlessSettings
) -> int:
    """A line right above the band whose phrases only complete headings below them
    ("RENCANA" over "PELAKSANAAN") belongs to it."""
    while i > 0 and found[i - 1] and found[i]:
        size = max(w.size for w in line_words[i])
        if _top(line_words[i]) - _top(line_words[i - 1]) > settings.max_leading * size:
            break
        stacks = _stack_roles(found[i - 1], found[i])
        uppers = {id(u) for u, _, _ in stacks if not _text_role(u.text)}
        if not all(id(p) in uppers for p in found[i - 1]):
            break
        i -= 1
    return i


def _top(ws: list[Word]) -> float:
    return min(w.top for w in ws) if ws else 0.0


def is_period_word(word: Word) -> bool:
    return _text_role(word.text) == PERIOD


__all__ = [
    "HeaderBand",
    "Phrase",
    "find_header",
    "is_period_word",
    "phrase_roles",
    "phrases",
    "segments",
]
