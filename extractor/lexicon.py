"""Words OCR read that nobody writes: the character slips Tesseract is sure of.

Tesseract's word confidence does not tell "kornpetensi" from "kompetensi": it reads both at
90% and more. What gives a slip away is the word itself, in two ways:

- its glyphs: a stop, quote, colon or bracket inside a word ("logist.k", "dise'esaikan",
  "'og:stik", ":nventaris"), a stop between two small-letter words ("kesejahteraan.
  pegawai", which every row carrying a merged cell down also holds), a capital after
  small letters ("ketartiLan"), a digit run into a word ("1Ogistik"), a doubled comma. A
  typist does not write these; a speck or a broken stroke read as a glyph does.
  Abbreviations keep their stops ("s.d.", "Kab.Kubu": a capital after the stop), and words
  joined by a slash or hyphen are words.
- its spelling: a word no dictionary knows (hunspell's Indonesian and English dictionaries,
  where installed) and the document does not write again, while it does write a word one
  glyph away ("logisuik" on a page that writes "logistik", "Sinvang" beside
  "Sintang"), or a word split in two whose hyphenated whole is a word ("Perundang
  Undangan"). A name, an acronym or a local term is unknown to the dictionary too, but has
  no such near neighbour, so it is left alone.

A real word read as another real word ("kena" for "kerja") is not found: no dictionary can
tell. Only OCR'd text is judged; born-digital text is as the writer typed it.

The hunspell files come from the Debian packages hunspell-id and hunspell-en-us, read by
hunspell itself (chunspell, whose wheels carry the library: a lookup costs microseconds,
where a pure-Python port costs milliseconds, seconds a document). Without them only the
glyph test and the document's own words are used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell")
LANGUAGES = ("id_ID", "en_US")

_WORD = re.compile(r"[^\W\d_]+")
_SPECK_MARKS = frozenset(".,:;")
# Letters print OCR reads for one another (either way round), for the dictionary search.
LOOK_ALIKE = ("kx", "ft", "li", "lt", "it", "nr", "nu", "uv", "ao", "ec", "eo", "co", "gy",
              "gq", "bh", "bp", "hn", "sz", "vy", "ad")
_ALIKE: dict[str, list[str]] = {}
for _pair in LOOK_ALIKE:
    _ALIKE.setdefault(_pair[0], []).append(_pair[1])
    _ALIKE.setdefault(_pair[1], []).append(_pair[0])
# The first two letters of Indonesian prefixes (me-, di-, pe-, ke-, be-, te-, se-, ter-, ...).
_PREFIXES = frozenset({"me", "di", "pe", "ke", "be", "te", "se"})
# Glyph slips: punctuation inside a word (a run of two letters on one side, so "s.d." is an
# abbreviation, not a slip); a quote opening a lower-case word; a capital after two small
# letters; a digit glued before a word; a doubled comma; a bracket or bar glued to a letter.
_GLYPH_SLIPS = re.compile(
    r"[^\W\d_]{2}[.'’‘`:;!][a-z]"
    r"|[^\W\d_][.'’‘`:;!][a-z]{2}"
    r"|(?:^|\s)['’‘`:][a-z]|[a-z]{2}['’‘`](?:\s|$)"
    r"|[a-z]{2}[A-Z][a-z]"
    r"|(?:^|\s)\d[A-Za-z]?[a-z]{3,}"
    r"|,,"
    r"|[^\W\d_][<>|\\{}~^]|[<>|\\{}~^][^\W\d_]"
)


@dataclass(frozen=True, slots=True)
class LexiconSettings:
    """What a word must be to be judged at all, and how near a known word a slip lies."""

    min_letters: int = 4  # shorter words and abbreviations are too many to tell apart
    # The dictionary is searched for a look-alike of a word this long at least: short
    # terms it lacks ("monev", "diklat", "laman") have a dictionary word one glyph away.
    min_alike_letters: int = 7
    # A slip lies this many edits (Levenshtein) from the word the document writes, and the
    # edits are at most this share of the word's letters.
    max_edits: int = 1
    max_edit_share: float = 0.25
    # A word the document writes this many times (in distinct cells) is its own vocabulary.
    repeated: int = 2

    def __post_init__(self) -> None:
        if self.min_letters < 2 or self.min_alike_letters < self.min_letters:
            raise ValueError("min_letters >= 2 and min_alike_letters >= min_letters")
        if self.max_edits < 1 or self.repeated < 2:
            raise ValueError("max_edits >= 1 and repeated >= 2")
        if not 0.0 < self.max_edit_share <= 0.5:
            raise ValueError("max_edit_share must be in (0, 0.5]")


def is_prefix_form(a: str, b: str) -> bool:
    """Two forms of one word by their prefixes ("perundangan", "berundangan")."""
    return a[:2] in _PREFIXES and b[:2] in _PREFIXES


# A full stop between two small-letter words ("kesejahteraan. pegawai"): a sentence ends
# before a capital; a speck read as a stop does not know that.
_STRAY_STOP = re.compile(r"[^\W\d_]{3,}\. [a-z]\w*")


def glyph_slips(text: str) -> list[str]:
    """The words of ``text`` holding a glyph a typist does not put there."""
    words = []
    for token in text.split():
        if _GLYPH_SLIPS.search(f" {token}"):
            words.append(token)
    return words + [m.group(0) for m in _STRAY_STOP.finditer(text)]


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[Any, ...]:
    """The installed hunspell dictionaries, loaded once per process."""
    try:
        import hunspell
    except ImportError:
        return ()
    found = []
    for lang in LANGUAGES:
        for folder in DICTIONARY_DIRS:
            base = Path(folder) / lang
            if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
                try:
                    found.append(hunspell.Hunspell(lang, hunspell_data_dir=folder))
                except (OSError, ValueError, hunspell.HunspellFilePathError):
                    continue
                break
    return tuple(found)


@lru_cache(maxsize=50_000)
def in_dictionary(word: str) -> bool:
    """Whether a dictionary knows ``word`` as written, in small letters or capitalised."""
    forms = dict.fromkeys((word, word.lower(), word.capitalize()))
    return any(_spells(d, f) for d in _dictionaries() for f in forms)


def _spells(dictionary: Any, word: str) -> bool:
    """A word the dictionary's own encoding cannot hold (en_US is Latin-1: a curly quote
    OCR read) is no word of it; hunspell raises rather than say so."""
    try:
        return bool(dictionary.spell(word))
    except UnicodeError:
        return False


def dictionaries_installed() -> bool:
    return bool(_dictionaries())


class Vocabulary:
    """The words a document writes, from the distinct texts of its cells and lines."""

    def __init__(self, texts: Iterable[str], settings: LexiconSettings | None = None) -> None:
        self.settings = settings or LexiconSettings()
        counts: Counter[str] = Counter()
        pairs: Counter[tuple[str, str, str]] = Counter()
        for text in dict.fromkeys(" ".join(t.split()) for t in texts if t.strip()):
            words = list(_WORD.finditer(text))
            counts.update(m.group(0).casefold() for m in words)
            for m, n in zip(words, words[1:]):
                between = text[m.end() : n.start()].strip() or " "
                pairs[(m.group(0).casefold(), between, n.group(0).casefold())] += 1
        self.counts = counts
        self.pairs = pairs
        self._known = [w for w, n in counts.items() if self._is_known(w, n)]

    def _is_known(self, word: str, count: int) -> bool:
        return count >= self.settings.repeated or in_dictionary(word)

    def known(self, word: str) -> bool:
        folded = word.casefold()
        return self._is_known(folded, self.counts.get(folded, 0))

    def near_known(self, word: str) -> str | None:
        """A word the document writes and trusts within a slip's reach of ``word``.

        A slip replaces glyphs and keeps the word's length (a glyph misread as another);
        a word longer or shorter than a known one is most often another form of it
        ("fasilitasi" beside "fasilitas"), and two words that differ only in their first
        two letters, both a prefix, are two forms too ("memutakhirkan", "dimutakhirkan").
        """
        folded = word.casefold()
        edits = min(self.settings.max_edits, int(self.settings.max_edit_share * len(folded)))
        if edits < 1:
            return None
        for other in self._known:
            if len(other) != len(folded) or other == folded:
                continue
            apart = [i for i, (a, b) in enumerate(zip(folded, other)) if a != b]
            if len(apart) > edits:
                continue
            if max(apart) < 2 and is_prefix_form(folded, other):
                continue
            return other
        return self._look_alike(folded)

    def _look_alike(self, folded: str) -> str | None:
        """A dictionary word one look-alike glyph away ("xontrol": "kontrol"), for a word
        the document writes only once; the dictionary alone is searched for glyphs print
        OCR confuses (``LOOK_ALIKE``), which keeps the search to a few dozen lookups."""
        if len(folded) < self.settings.min_alike_letters:
            return None
        for i, ch in enumerate(folded):
            for other in _ALIKE.get(ch, ()):
                candidate = folded[:i] + other + folded[i + 1 :]
                if i < 2 and is_prefix_form(folded, candidate):
                    continue
                if in_dictionary(candidate):
                    return candidate
        return None

    def unknown_words(self, text: str) -> list[str]:
        """Words of ``text`` that read as slips of a word the document writes."""
        out: list[str] = []
        words = list(_WORD.finditer(text))
        for n, m in enumerate(words):
            word = m.group(0)
            if len(word) < self.settings.min_letters or word.isupper():
                continue
            nxt = words[n + 1] if n + 1 < len(words) else None
            if nxt is not None and text[m.end() : nxt.start()] == " ":
                # Hunspell takes a hyphenated pair of words for a word: only a half that
                # is no word by itself makes the pair a lost hyphen.
                if not in_dictionary(word) and in_dictionary(f"{word}-{nxt.group(0)}"):
                    out.append(f"{word} {nxt.group(0)}")  # the hyphen lost
                    continue
            if not self.known(word) and self.near_known(word) is not None:
                out.append(word)
        return out

    def separator_slips(self, text: str) -> list[str]:
        """Two words with a stop, comma or colon between them ("Peradilan, Umum", "Kubu.
        Raya", "Raya.Tahun") that the document writes more often with a space alone: a
        speck read as punctuation; and the other way, a space where the document writes a
        stop more often ("Kab Kapuas" beside "Kab.Kapuas"): a stop lost."""
        out = []
        words = list(_WORD.finditer(text))
        for m, n in zip(words, words[1:]):
            sep = text[m.end() : n.start()].strip() or " "
            a, b = m.group(0).casefold(), n.group(0).casefold()
            here = self.pairs.get((a, sep, b), 0)
            # Strictly more: a document is not consistent in its own punctuation.
            if sep in _SPECK_MARKS:
                usual = self.pairs.get((a, " ", b), 0)
            elif sep == " ":
                usual = self.pairs.get((a, ".", b), 0)
            else:
                continue
            if usual > here:
                out.append(text[m.start() : n.end()])
        return out


def suspect_words(text: str, vocabulary: Vocabulary) -> list[str]:
    """The words of an OCR'd text that read as slips, by their glyphs or their spelling."""
    return list(dict.fromkeys([*glyph_slips(text), *vocabulary.unknown_words(text),
                               *vocabulary.separator_slips(text)]))


def row_suspects(
    rows: Sequence[Sequence[str]], settings: LexiconSettings | None = None
) -> list[list[str]]:
    """For each row (its cell texts), the words that read as slips; the vocabulary is the
    rows' own words."""
    vocabulary = Vocabulary((t for row in rows for t in row), settings)
    return [list(dict.fromkeys(w for t in row for w in suspect_words(t, vocabulary)))
            for row in rows]
