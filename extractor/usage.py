"""OCR'd text written unlike the document writes it: slips no word list can tell.

``extractor.lexicon`` finds the words OCR read that nobody writes. Some slips are words, or
punctuation, that anyone could write, and only the document's own usage gives them away:

- a word one or two glyphs from a word the document writes more often, between the same
  two words in another cell ("5 hari kena" where another row writes "2 hari kerja"):
  Tesseract made a real word of glyphs it misread, and a phrase a document writes twice
  it writes alike;
- a comma, stop or colon between two words, in one cell, that another cell writes with a
  space alone ("Peradilan, Umum" beside "Peradilan Umum"): the lexicon asks for the bare
  pair in two cells, which a phrase written once more, in the next column, does not give;
- a colon inside a sentence, before a word in small letters ("pelatihan: dalam",
  "kehadiran : pegawai"), or a full stop closing a cell ("telah ditetapkan.") in a
  document whose cells end without one: a speck read as punctuation;
- a capital that differs from its small letter by size alone, mid-sentence
  ("peningkatan Kinerja, pembinaan"), in a word the document writes small elsewhere.

The two words of a document's own typing slip ("Hupmas" once beside "Humas") are found
too: a person looks at the scan and sees the page says so. Nothing here is mended
(``extractor.ocr_words`` mends), and only OCR'd text is judged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .lexicon import in_dictionary

_TOKEN_WORD = re.compile(r"^[^\W\d_]+$")
# A colon or semicolon inside a sentence: between two words, the second in small letters.
_COLON = re.compile(r"[^\W\d_]{3,} ?[:;] [a-z]{3,}")
_MARKS = ".,:;"
# A full stop closing a text after a word in small letters ("ditetapkan."; "atk." is an
# abbreviation).
_STOP_END = re.compile(r"\b[a-z]{4,}\.$")
_DOUBLED = re.compile(r"(.)\1")
# Capitals OCR tells from their small letters by size alone.
_SIZE_ONLY = frozenset("CKOSUVWXZ")


@dataclass(frozen=True, slots=True)
class UsageSettings:
    """How near the document's own phrase OCR'd text must stand to be a slip of it."""

    # A word is judged from this many letters (shorter ones are too many to tell apart).
    min_letters: int = 3
    # At most this many edits (Levenshtein) between the word read and the word the
    # document writes beside the same neighbour, and the two share their first
    # ``same_start`` letters and their last letter (a slip keeps a word's outline) and
    # differ in length by one letter at most.
    context_edits: int = 2
    same_start: int = 2
    # A capital of ``_SIZE_ONLY`` mid-sentence is a slip where the document writes the word
    # small in this many cells.
    case_cells: int = 2
    # A text ending in a full stop after a word in small letters is a slip where at most
    # this share of the document's texts of three words or more end in a stop: a speck read
    # as one. A document that ends its cells with stops does so often.
    stop_share: float = 0.05

    def __post_init__(self) -> None:
        if self.min_letters < 2 or self.context_edits < 1 or self.same_start < 1:
            raise ValueError("min_letters >= 2, context_edits >= 1 and same_start >= 1")
        if self.case_cells < 1 or not 0.0 <= self.stop_share <= 1.0:
            raise ValueError("case_cells >= 1 and stop_share between 0 and 1")


def _tokens(text: str) -> list[str]:
    return text.split()


def _bare(token: str) -> str:
    return token.strip(".,:;!?()\"'“”‘’")


def _sign(token: str) -> str:
    """A token as a phrase holds it: in small letters, its punctuation stripped; a number
    as "#"."""
    word = _bare(token).casefold()
    return "#" if word.replace(".", "").replace(",", "").isdigit() else word


class Usage:
    """How the document writes its words: from the texts of its cells (copies included)."""

    def __init__(self, texts: Sequence[str], settings: UsageSettings | None = None) -> None:
        self.settings = settings or UsageSettings()
        texts = [" ".join(t.split()) for t in texts if t.strip()]
        # Two words either side -> the words written between them and the pair: the
        # phrase a word stands in (numbers as one sign: "2 hari kerja", "5 hari kerja").
        self.after: dict[tuple[str, str], Counter[str]] = {}
        self.before: dict[tuple[str, str], Counter[str]] = {}
        self.bare: Counter[tuple[str, str]] = Counter()  # words a space alone parts
        self.marked: Counter[tuple[str, str]] = Counter()  # ... a mark parts
        self.cells: Counter[str] = Counter()  # a word -> the cells writing it
        self.written: Counter[str] = Counter()  # a word as written -> the cells writing it
        self.written_texts: Counter[str] = Counter()  # ... the distinct texts
        for text in dict.fromkeys(texts):
            self.written_texts.update({_bare(t) for t in _tokens(text)})
        several = [t for t in dict.fromkeys(texts) if len(t.split()) >= 3]
        stops = sum(1 for t in several if t.endswith("."))
        self.stops_rare = stops <= self.settings.stop_share * len(several)
        for text in texts:
            self.written.update({_bare(t) for t in _tokens(text)})
            tokens = _tokens(text)
            words = [_sign(t) for t in tokens]
            self.cells.update(set(words))
            after = {((a, b), c) for a, b, c in zip(words, words[1:], words[2:])}
            before = {((b, c), a) for a, b, c in zip(words, words[1:], words[2:])}
            for key, w in after:
                self.after.setdefault(key, Counter())[w] += 1
            for key, w in before:
                self.before.setdefault(key, Counter())[w] += 1
            pairs = list(zip(tokens, tokens[1:]))
            self.bare.update({(_sign(a), _sign(b)) for a, b in pairs if a[-1:] not in _MARKS})
            self.marked.update({(_sign(a), _sign(b)) for a, b in pairs if a[-1:] in _MARKS})

    # --- the word in its phrase ---------------------------------------------------------

    def _near(self, word: str, other: str) -> bool:
        st = self.settings
        if other == word or abs(len(other) - len(word)) > 1:
            return False
        if self.cells.get(other, 0) <= self.cells.get(word, 0):
            return False  # the slip is the rarer of the two
        if other[: st.same_start] != word[: st.same_start] or other[-1] != word[-1]:
            return False
        if Levenshtein.distance(word, other) > st.context_edits:
            return False
        # A letter written once or twice ("penegakan", "penegakkan") is a typist's variant;
        # so is a word the dictionary knows beside a spelling it does not.
        if _DOUBLED.sub(r"\1", word) == _DOUBLED.sub(r"\1", other):
            return False
        return in_dictionary(other) or not in_dictionary(word)

    def context_slips(self, text: str) -> list[str]:
        """Words written once between the two words before them (or after them) that
        another cell writes around a word a glyph or two from them ("5 hari kena" once,
        "2 hari kerja" in another cell)."""
        st = self.settings
        tokens = _tokens(text)
        words = [_sign(t) for t in tokens]
        out: list[str] = []
        for i, w in enumerate(words):
            if len(w) < st.min_letters or not _TOKEN_WORD.match(w):
                continue
            contexts = []
            if i >= 2:
                contexts.append(self.after.get((words[i - 2], words[i - 1]), Counter()))
            if i + 2 < len(words):
                contexts.append(self.before.get((words[i + 1], words[i + 2]), Counter()))
            for beside in contexts:
                if beside.get(w, 0) == 1 and any(self._near(w, o) for o in beside):
                    out.append(_bare(tokens[i]))
                    break
        return out

    # --- punctuation ---------------------------------------------------------------------

    def separator_slips(self, text: str) -> list[str]:
        """Two words with a comma, stop or colon between them, in this cell alone, that
        another cell writes with a space alone ("Peradilan, Umum" beside "Peradilan Umum")."""
        out = []
        tokens = _tokens(text)
        for a, b in zip(tokens, tokens[1:]):
            if len(a) < 2 or a[-1] not in _MARKS or not _TOKEN_WORD.match(a[:-1]):
                continue
            if not _TOKEN_WORD.match(_bare(b)):
                continue
            pair = (_sign(a), _sign(b))
            if self.marked.get(pair, 0) == 1 and self.bare.get(pair, 0) >= 1:
                out.append(f"{a} {b}")
        return out

    def case_slips(self, text: str) -> list[str]:
        """A word opening with a capital that prints as its small letter drawn larger
        (``_SIZE_ONLY``: "K" and "k"), between two words in small letters, that the
        document writes small in ``case_cells`` cells and capitalised in no other text."""
        tokens = _tokens(text)
        out = []
        for i in range(1, len(tokens) - 1):
            word = _bare(tokens[i])
            if len(word) < self.settings.min_letters or word[0] not in _SIZE_ONLY:
                continue
            if not word[1:].islower() or not word.isalpha():
                continue
            before, after = tokens[i - 1], _bare(tokens[i + 1])
            if not before.isalpha() or not before.islower() or not after[:1].islower():
                continue
            small = word.lower()
            if self.written.get(small, 0) >= self.settings.case_cells and \
                    self.written_texts.get(word, 0) <= 1:
                out.append(word)
        return out

    def punctuation_slips(self, text: str) -> list[str]:
        """A colon or semicolon inside a sentence, before a word in small letters; a full
        stop ending a text of several words where the document's texts end without one."""
        text = " ".join(text.split())
        out = [m.group(0) for m in _COLON.finditer(text)]
        end = _STOP_END.search(text)
        if end and self.stops_rare and len(text.split()) >= 3:
            out.append(end.group(0))
        return out

    def slips(self, text: str) -> list[str]:
        return list(dict.fromkeys([*self.context_slips(text), *self.separator_slips(text),
                                   *self.case_slips(text), *self.punctuation_slips(text)]))


def row_oddities(
    rows: Sequence[Sequence[str]], settings: UsageSettings | None = None
) -> list[list[str]]:
    """For each row (its cell texts), its words written unlike the document writes them;
    the usage is the rows' own texts."""
    usage = Usage([t for row in rows for t in row], settings)
    return [list(dict.fromkeys(w for t in row for w in usage.slips(t))) for row in rows]
