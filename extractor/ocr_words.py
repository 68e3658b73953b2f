"""OCR slips mended from the document's own words.

Tesseract reads a blurred "l" as "i", "ri" as "n", "g" as "y", and drops the hyphen of
"perundang-undangan" now and then; the same word is read right elsewhere in the same RAK,
which repeats its vocabulary (sasaran, indikator, units, "Kabupaten Kubu Raya") on every
page. A word is replaced only by a spelling that differs from it by one such confusion and
that the document itself supports more strongly: more often, or in cells read more surely.
No outside word list is consulted, so names and local terms are never "corrected" into
something the page does not say. Born-digital text is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .grid import Cell

# Pairs of glyph strings print OCR confuses, either way round (compared case-folded).
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("l", "i"),
    ("l", "1"),
    ("l", "t"),
    ("l", "f"),
    ("i", "u"),
    ("g", "y"),
    ("ri", "n"),
    ("rn", "m"),
    ("cl", "d"),
    ("e", "c"),
    ("h", "b"),
)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class WordSettings:
    min_letters: int = 4  # shorter words differ by one letter too often to be told apart
    # A spelling must be this many times better supported than the one it replaces.
    margin: float = 1.0
    confusions: tuple[tuple[str, str], ...] = CONFUSIONS


@dataclass(slots=True)
class _Support:
    words: dict[str, float] = field(default_factory=dict)  # case-folded word -> weight
    pairs: dict[tuple[str, str], float] = field(default_factory=dict)  # "a b" written apart


def _weight(cell: Cell) -> float:
    # A word from a cell read surely counts for more than one from a cell read unsurely.
    return 0.5 + 0.5 * (cell.confidence if cell.confidence is not None else 1.0)


def _support(cells: Iterable[Cell], lines: Iterable[str]) -> _Support:
    s = _Support()
    texts = [(c.text, _weight(c)) for c in cells] + [(t, 1.0) for t in lines]
    for text, w in texts:
        words = [m.group(0).casefold() for m in _WORD.finditer(text)]
        for word in words:
            s.words[word] = s.words.get(word, 0.0) + w
        for a, b in zip(words, words[1:]):
            s.pairs[(a, b)] = s.pairs.get((a, b), 0.0) + w
    return s


def _variants(word: str, confusions: tuple[tuple[str, str], ...]) -> set[str]:
    """Every spelling one confusion away from ``word``."""
    out: set[str] = set()
    for a, b in confusions:
        for x, y in ((a, b), (b, a)):
            start = word.find(x)
            while start >= 0:
                out.add(word[:start] + y + word[start + len(x) :])
                start = word.find(x, start + 1)
    out.discard(word)
    return out


def _cased_like(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class WordMender:
    """Mends OCR slips in cell texts from the words of the whole document."""

    def __init__(
        self, cells: list[Cell], lines: Iterable[str] = (), settings: WordSettings | None = None
    ) -> None:
        self.settings = settings or WordSettings()
        self._support = _support(cells, lines)
        self._cache: dict[str, str] = {}

    def _better(self, word: str) -> str:
        folded = word.casefold()
        if folded in self._cache:
            return self._cache[folded]
        best, best_weight = folded, self._support.words.get(folded, 0.0) * self.settings.margin
        letters = sum(ch.isalpha() for ch in folded)
        if letters >= self.settings.min_letters:
            for v in _variants(folded, self.settings.confusions):
                w = self._support.words.get(v, 0.0)
                if w > best_weight:
                    best, best_weight = v, w
        self._cache[folded] = best
        return best

    def mend(self, text: str) -> str:
        """``text`` with each slip replaced by the document's better supported spelling."""

        def word(m: re.Match[str]) -> str:
            found = m.group(0)
            better = self._better(found)
            return found if better == found.casefold() else _cased_like(found, better)

        text = _WORD.sub(word, text)
        return self._hyphens(text)

    def _hyphens(self, text: str) -> str:
        """Rejoin "perundang undangan" where the document writes "perundang-undangan" more."""
        out, last = [], 0
        matches = list(_WORD.finditer(text))
        for m, n in zip(matches, matches[1:]):
            if text[m.end() : n.start()] != " ":
                continue
            a, b = m.group(0), n.group(0)
            joined = f"{a}-{b}".casefold()
            apart = self._support.pairs.get((a.casefold(), b.casefold()), 0.0)
            if self._support.words.get(joined, 0.0) > apart * self.settings.margin:
                out.append(text[last : m.end()] + "-")
                last = n.start()
        out.append(text[last:])
        return "".join(out)


def mend_cells(
    cells: list[Cell], lines: Iterable[str] = (), settings: WordSettings | None = None
) -> int:
    """Mend OCR slips in ``cells`` in place; return how many cell texts changed."""
    mender = WordMender(cells, lines, settings)
    changed = 0
    for cell in cells:
        if not cell.text:
            continue
        mended = mender.mend(cell.text)
        if mended != cell.text:
            cell.text = mended
            changed += 1
    return changed
