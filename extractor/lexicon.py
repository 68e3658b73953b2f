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

- its reading: a word Tesseract itself read unsurely (``Cell.unsure_words``: well below the
  confidence it gives the print words it knows) that no dictionary knows and the document
  does not write again ("pengeioaan" where the page writes no "pengeloaan" to be near).
  Names and terms are unknown to the dictionary too, but Tesseract reads them surely.

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
_JOINED = re.compile(r"^[^\W\d_]+(?:[-/][^\W\d_]+)*$")  # words joined by hyphens or slashes
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
    # A word written in this many cells is one the page is full of ("yang", "Kabupaten"):
    # a word only the English dictionary knows one look-alike glyph from it, written in
    # ``outnumber`` times fewer cells, is a slip of it ("vang" in 2 cells beside "yang" in
    # 9: a serif y read as v), not an English word. A font misreads the same glyph again,
    # so the slip need not be a one-off.
    frequent: int = 5
    outnumber: int = 3

    def __post_init__(self) -> None:
        if self.min_letters < 2 or self.min_alike_letters < self.min_letters:
            raise ValueError("min_letters >= 2 and min_alike_letters >= min_letters")
        if self.max_edits < 1 or self.repeated < 2 or self.frequent < self.repeated:
            raise ValueError("max_edits >= 1, repeated >= 2 and frequent >= repeated")
        if self.outnumber < 2:
            raise ValueError("outnumber >= 2: a slip is the rarer of two forms")
        if not 0.0 < self.max_edit_share <= 0.5:
            raise ValueError("max_edit_share must be in (0, 0.5]")


def is_prefix_form(a: str, b: str) -> bool:
    """Two forms of one word by their prefixes ("perundangan", "berundangan")."""
    return a[:2] in _PREFIXES and b[:2] in _PREFIXES


# A full stop between two small-letter words ("kesejahteraan. pegawai"): a sentence ends
# before a capital; a speck read as a stop does not know that.
_STRAY_STOP = re.compile(r"[^\W\d_]{3,}\. [a-z]\w*")


_CURLY_QUOTES = frozenset("“”")


def glyph_slips(text: str) -> list[str]:
    """The words of ``text`` holding a glyph a typist does not put there, and the quoted
    words of a text that opens a quote curly and closes it straight (or the other way):
    a word processor sets every quote of a text one way; OCR reads each on its own."""
    words = []
    for token in text.split():
        if _GLYPH_SLIPS.search(f" {token}"):
            words.append(token)
    if '"' in text and _CURLY_QUOTES & set(text):
        words += [t for t in text.split() if '"' in t or _CURLY_QUOTES & set(t)]
    return words + [m.group(0) for m in _STRAY_STOP.finditer(text)]


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[tuple[str, Any], ...]:
    """The installed hunspell dictionaries with their languages, loaded once per process."""
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
                    found.append((lang, hunspell.Hunspell(lang, hunspell_data_dir=folder)))
                except (OSError, ValueError, hunspell.HunspellFilePathError):
                    continue
                break
    return tuple(found)


@lru_cache(maxsize=50_000)
def in_dictionary(word: str) -> bool:
    """Whether a dictionary knows ``word`` as written, in small letters or capitalised."""
    return in_dictionary_of(word, None)


@lru_cache(maxsize=50_000)
def in_dictionary_of(word: str, lang: str | None) -> bool:
    """Whether the dictionary of ``lang`` (any, for None) knows ``word``."""
    forms = dict.fromkeys((word, word.lower(), word.capitalize()))
    return any(_spells(d, f) for name, d in _dictionaries() if lang in (None, name) for f in forms)


def _spells(dictionary: Any, word: str) -> bool:
    """A word the dictionary's own encoding cannot hold (en_US is Latin-1: a curly quote
    OCR read) is no word of it; hunspell raises rather than say so."""
    try:
        return bool(dictionary.spell(word))
    except UnicodeError:
        return False


def home_dictionary_installed() -> bool:
    """Whether the Indonesian dictionary is there: a word only English knows can be told."""
    return any(name == LANGUAGES[0] for name, _ in _dictionaries())


def dictionaries_installed() -> bool:
    return bool(_dictionaries())


def _pairs(text: str) -> list[tuple[str, str, str]]:
    """Each two neighbouring words of ``text``, small-lettered, with what stands between
    them (a space as " ")."""
    words = list(_WORD.finditer(text))
    return [(m.group(0).casefold(), text[m.end() : n.start()].strip() or " ",
             n.group(0).casefold()) for m, n in zip(words, words[1:])]


class Vocabulary:
    """The words a document writes, from the distinct texts of its cells and lines."""

    def __init__(self, texts: Iterable[str], settings: LexiconSettings | None = None) -> None:
        self.settings = settings or LexiconSettings()
        counts: Counter[str] = Counter()
        pairs: Counter[tuple[str, str, str]] = Counter()
        texts_all = [" ".join(t.split()) for t in texts if t.strip()]
        for text in dict.fromkeys(texts_all):
            counts.update(m.group(0).casefold() for m in _WORD.finditer(text))
            pairs.update(_pairs(text))
        self.counts = counts
        self.pairs = pairs
        # The same pairs counted in every cell, copies included: a unit's name written in
        # twelve rows is one distinct text, but twelve times a typist wrote it so.
        self.cell_pairs: Counter[tuple[str, str, str]] = Counter()
        self.cells: Counter[str] = Counter()
        self.written: Counter[str] = Counter(texts_all)
        forms: dict[str, Counter[str]] = {}
        for text, count in self.written.items():
            forms.setdefault(text.casefold(), Counter())[text] = count
        self._forms = forms
        for text in texts_all:
            self.cells.update({m.group(0).casefold() for m in _WORD.finditer(text)})
            self.cell_pairs.update(_pairs(text))
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
            elif self.foreign_slip(word) is not None:
                out.append(word)
        return out

    def foreign_slip(self, word: str) -> str | None:
        """The word the page is full of that ``word`` is a slip of, when only the English
        dictionary knows ``word`` and one look-alike glyph (``LOOK_ALIKE``) turns it into a
        word written in ``frequent`` cells and ``outnumber`` times as many as ``word``
        ("vang": "yang"). An English term a RAK uses ("monitoring", "online") has no such
        neighbour."""
        folded = word.casefold()
        if not home_dictionary_installed() or in_dictionary_of(word, LANGUAGES[0]):
            return None
        if not in_dictionary(word):
            return None
        least = max(self.settings.frequent,
                    self.settings.outnumber * max(1, self.cells.get(folded, 0)))
        for i, ch in enumerate(folded):
            for other in _ALIKE.get(ch, ()):
                candidate = folded[:i] + other + folded[i + 1 :]
                if self.cells.get(candidate, 0) >= least:
                    return candidate
        return None

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
                usual = (a, " ", b)
            elif sep == " ":
                usual = (a, ".", b)
            else:
                continue
            # Or a one-off: written in one cell, where the document writes it the usual
            # way in several ("Subbagian.Hukum" once, "Subbagian Hukum" in every other
            # row): a merged cell's copies are not one-offs.
            once = self.cell_pairs.get((a, sep, b), 0) == 1 and self.cell_pairs.get(usual, 0) > 1
            if self.pairs.get(usual, 0) > here or once:
                out.append(text[m.start() : n.end()])
        return out


    def case_slips(self, text: str) -> list[str]:
        """The words of a cell written once that another cell writes letter for letter
        but for their case, in ``repeated`` cells or more ("Data dan informasi" once,
        "Data dan Informasi" in seven rows): a unit's name or a phrase is copied as it
        was typed; an I read as l, or a small letter read as a capital, is the OCR's."""
        text = " ".join(text.split())
        if self.written.get(text, 0) != 1:
            return []
        usual, n = max(self._forms.get(text.casefold(), Counter()).items(), key=lambda kv: kv[1])
        if n < self.settings.repeated or usual == text:
            return []
        return [a for a, b in zip(text.split(), usual.split()) if a != b]


def suspect_words(text: str, vocabulary: Vocabulary) -> list[str]:
    """The words of an OCR'd text that read as slips, by their glyphs or their spelling."""
    return list(dict.fromkeys([*glyph_slips(text), *vocabulary.unknown_words(text),
                               *vocabulary.separator_slips(text),
                               *vocabulary.case_slips(text)]))


def unsure_slips(
    rows: Sequence[Sequence[str]], unsure: Iterable[str], settings: LexiconSettings | None = None
) -> list[list[str]]:
    """For each row (its cell texts), its words that are among the ``unsure`` words (every
    row's, as Tesseract read them) and read as slips: no dictionary knows them, the document
    does not write them again; an acronym too ("JDIH" for "JDIIH"): Tesseract reads the
    ones it is shown surely. A word joined by a hyphen or slash is judged whole first
    ("perundang-undangan"). A slip in a merged cell shows in every
    row the cell serves, so every such row gets it."""
    vocabulary = Vocabulary((t for row in rows for t in row), settings)
    least = vocabulary.settings.min_letters
    slips: set[str] = set()
    for token in unsure:
        whole = token.strip(".,:;!?()[]\"'“”‘’")
        if not whole or (_JOINED.match(whole) and in_dictionary(whole)):
            continue
        for word in _WORD.findall(whole):
            if len(word) >= least and not vocabulary.known(word):
                slips.add(word.casefold())
    if not slips:
        return [[] for _ in rows]
    return [list(dict.fromkeys(w for t in row for w in _WORD.findall(t) if w.casefold() in slips))
            for row in rows]


def row_suspects(
    rows: Sequence[Sequence[str]], settings: LexiconSettings | None = None
) -> list[list[str]]:
    """For each row (its cell texts), the words that read as slips; the vocabulary is the
    rows' own words."""
    vocabulary = Vocabulary((t for row in rows for t in row), settings)
    return [list(dict.fromkeys(w for t in row for w in suspect_words(t, vocabulary)))
            for row in rows]
