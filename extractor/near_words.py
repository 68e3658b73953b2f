"""Short words OCR read that no dictionary knows, one letter from a word one knows.

``extractor.lexicon`` looks in the dictionary for a look-alike of a long word only: a short
term a RAK writes ("monev", "diklat") has a dictionary word one glyph away, and a search of
every glyph would find one for most of them. A slip Tesseract made of a short everyday word
("upava" for "upaya", "bagran" for "bagian") leaves the same sign, and Tesseract is as sure
of it as of the term (0.92): its confidence does not tell them apart, and a slip of a word
the document writes once has no twin in the document either. So the sign is weighed here,
lightly: a small-letter word of a sentence (a name is capitalised, an acronym in capitals)
that neither dictionary knows and the document does not write again, one letter (any
letter: the font decides which glyphs look alike) from a word the document writes, or from
an everyday word of the Indonesian dictionary: one it builds forms of or from
(``builds_forms``). A term is flagged with it now and then; a person looking at the row
sees in a moment which it is.

Forms of one word by their prefixes ("berintegrasi", "terintegrasi") and the halves of a
hyphenated word are no slips; the English dictionary is asked whether a word is known, not
for neighbours (English has a short word near most Indonesian terms: "monev", "money").
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    LANGUAGES,
    Vocabulary,
    _dictionaries,
    in_dictionary,
    in_dictionary_of,
    is_prefix_form,
)

_WORD = re.compile(r"[^\W\d_]+")
_JOINED = re.compile(r"[-/]")
_LETTERS = string.ascii_lowercase


@dataclass(frozen=True, slots=True)
class NearWordSettings:
    """Which words are judged: long enough that one letter changes what they say."""

    # Shorter words have a dictionary word one letter away nearly always ("sapk": "sack").
    min_letters: int = 5
    # A prefix is this many letters ("me-", "di-", "pe-"): a change there is another form.
    prefix_letters: int = 2
    # A word with more neighbours than this sits among words ("laman": "paman", "taman",
    # "lawan", "lamar", ...): one letter from one of them says nothing. A slip stands beside
    # the word it was ("upava": "upaya"), or two ("bagran": "bagian", "bauran").
    max_neighbours: int = 3

    def __post_init__(self) -> None:
        if self.min_letters < 2 or self.prefix_letters < 0 or self.max_neighbours < 1:
            raise ValueError("min_letters >= 2, prefix_letters >= 0, max_neighbours >= 1")


@lru_cache(maxsize=10_000)
def builds_forms(word: str) -> bool:
    """Whether the Indonesian dictionary builds forms of ``word`` or built it from a root
    ("upaya": "upayakan"; "bagian" from "bagi"). The words it lists bare, no affix on them
    ("diktat", "monel"), are loans and rare terms: no likelier what a slip was meant to be
    than the document's own term one letter from them."""
    for name, dictionary in _dictionaries():
        if name == LANGUAGES[0]:
            return bool(dictionary.suffix_suggest(word)) or tuple(dictionary.stem(word)) != (word,)
    return False


def _one_letter_off(word: str) -> Iterator[tuple[int, str]]:
    for i, ch in enumerate(word):
        for other in _LETTERS:
            if other != ch:
                yield i, word[:i] + other + word[i + 1 :]


class NearWords:
    """The test, over one document's words (``Vocabulary``: what it writes twice)."""

    def __init__(self, vocabulary: Vocabulary, settings: NearWordSettings | None = None) -> None:
        self.vocabulary = vocabulary
        self.settings = settings or NearWordSettings()

    def _judged(self, word: str) -> bool:
        return (len(word) >= self.settings.min_letters and word.islower()
                and not in_dictionary(word) and not self.vocabulary.known(word))

    def neighbours(self, word: str) -> list[str]:
        """The words one letter from ``word`` the document writes or the Indonesian
        dictionary builds forms of, when ``word`` is one to judge."""
        if not self._judged(word):
            return []
        out = []
        for i, other in _one_letter_off(word):
            if i < self.settings.prefix_letters and is_prefix_form(word, other):
                continue
            if self.vocabulary.counts.get(other, 0) or (
                in_dictionary_of(other, LANGUAGES[0]) and builds_forms(other)
            ):
                out.append(other)
        return out

    def is_slip(self, word: str) -> bool:
        return 0 < len(self.neighbours(word)) <= self.settings.max_neighbours

    def slips(self, text: str) -> list[str]:
        out = []
        for token in text.split():
            if _JOINED.search(token):
                continue
            out += [m.group(0) for m in _WORD.finditer(token) if self.is_slip(m.group(0))]
        return out


def row_near_words(
    rows: Sequence[Sequence[str]], settings: NearWordSettings | None = None
) -> list[list[str]]:
    """For each row (its cell texts), its words a letter from a known word; the vocabulary
    is the rows' own words."""
    near = NearWords(Vocabulary(t for row in rows for t in row), settings)
    return [list(dict.fromkeys(w for t in row for w in near.slips(t))) for row in rows]
