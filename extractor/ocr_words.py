"""OCR slips mended from the document's own words.

Tesseract reads a blurred "l" as "i", "ri" as "n", "g" as "y", and drops the hyphen of
"perundang-undangan" now and then; the same word is read right elsewhere in the same RAK,
which repeats its vocabulary (sasaran, indikator, units, "Kabupaten Kubu Raya") on every
page. A word is replaced only by a spelling that differs from it by one such confusion and
that the document itself supports more strongly: more often, or in cells read more surely.
Born-digital text is never touched.

Where hunspell's dictionaries are installed (``extractor.lexicon``) a second, narrower
mend reaches the slips the document does not repeat ("dilakuxan", "Parcisipasi",
"wak.u", "!aporan"): a word no dictionary knows, written once, one look-alike glyph away
from exactly one spelling that the document writes more or, for a long word in small
letters, that the dictionary knows. A word a dictionary knows is never changed this way
("cepat" stays beside "tepat"), nor one in capitals (an acronym); a capitalised word (a
name: "Sanggau" is one glyph from "sanggan") only to what the document writes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .doubts import OCR_MENDED
from .grid import Cell
from .lexicon import LOOK_ALIKE, Vocabulary, in_dictionary, is_prefix_form

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

# Capitals print OCR reads for one another in an acronym ("SOM" for SDM: a blurred D's
# corners rounded), which no dictionary and no case rule can check.
CAPITAL_ALIKE: tuple[tuple[str, str], ...] = (("D", "O"), ("Q", "O"), ("I", "L"), ("E", "F"))

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CASELESS = "lIi1|"  # glyphs whose capital and small forms OCR cannot tell apart
# Letters whose capital is the small one larger (or, j, with a foot): OCR reads either.
_SHAPED = "cjosvwxz"
_SIMPLE = re.compile(r"[^\W\d_]+")


# Glyphs print OCR reads for one another, for the dictionary-gated mend: the look-alike
# letters the lexicon searches, the confusions above, and what Tesseract makes of letters
# whose thin strokes a 150 dpi scan loses (measured on the corpus's pages scanned).
ALIKE: tuple[tuple[str, str], ...] = (
    *((p[0], p[1]) for p in LOOK_ALIKE),
    *CONFUSIONS,
    ("c", "t"),
    ("r", "i"),  # "anggaian", "infoimasi": an r's arm lost at 150 dpi
    ("r", "l"),  # "plogram"
    ("j", "l"),  # "lumlah": a J's hook lost
    ("ti", "u"),  # "ditindaklanjuu"
    ("tr", "u"),  # "adminisuasi"
    ("er", "ci"),  # "kincija", "tcicatat"
    ("er", "c"),  # "kesejahtcaan"
    ("p", "n"),  # "kahunaten": a blurred p's descender lost (and the b's bowl filled)
)
# Punctuation a broken or faint letter is read as, inside a word ("wak.u", "!aporan"),
# and the letters it stands for: thin upright letters, whose stem or dot went missing.
_STANDS_FOR = {".": "tilf", "!": "lit", "|": "lit", ":": "il", ";": "il", "'": "lit",
               "’": "lit", "‘": "lit", "`": "lit", "€": "e", "1": "lir"}  # fmt: skip
_LETTERLIKE = "".join(_STANDS_FOR)
# What a slash between two words ("dan/atau", "Kabupaten/Kota") is read as at low
# resolution: a thin letter or a quote, which glues the two words into one token.
_SLASH_ALIKE = "fyjlit1|'’‘`"
_SLASHED = re.compile(rf"[^\W\d_]{{2,}}(?:[{re.escape(_SLASH_ALIKE)}][^\W\d_]+)+")
# A cell that is an amount with its unit, as a target is written ("75%", "97,5%",
# "12 Laporan", "1 Dokumen Rencana"): what a trailing stop is judged against.
_AMOUNT = re.compile(r"\d[\d.,]*\s?(?:%|[^\W\d_]+(?: [^\W\d_]+)?)?")
# ... and what a last letter whose stem the scan lost is read as ("informas:", "pegawa:"): not
# a stop, which ends abbreviations that are a letter from a word ("Bag." beside "bagi").
_LOST_STEM = ":;!|"
_NEVER_LAST = (",", ";")  # what no cell's text ends with, in the writing
_LETTERLIKE_WORD = re.compile(
    rf"(?<![\w{re.escape(_LETTERLIKE)}])"
    rf"(?:[A-Z]?[a-z]+[{re.escape(_LETTERLIKE)}][a-z]+|[{re.escape(_LETTERLIKE)}][a-z]{{3,}}"
    rf"|[a-z]{{3,}}[{re.escape(_LOST_STEM)}])"
    rf"(?![\w{re.escape(_LETTERLIKE)}])"
)


@dataclass(frozen=True, slots=True)
class WordSettings:
    min_letters: int = 4  # shorter words differ by one letter too often to be told apart
    # A spelling must be this many times better supported than the one it replaces.
    margin: float = 1.0
    confusions: tuple[tuple[str, str], ...] = CONFUSIONS
    # The dictionary-gated mend (see the module docstring): the glyph pairs it tries, the
    # letters a word needs before the dictionary alone may name its spelling (short terms
    # a dictionary lacks, "monev", "diklat", have a dictionary word one glyph away), and
    # the support (one cell read surely) above which a word is the document's own.
    alike: tuple[tuple[str, str], ...] = ALIKE
    min_dictionary_letters: int = 7
    # A stop after a word this long is no abbreviation's ("Kab.", "Prov.", "dll."), so one
    # before a word in small letters is a speck (``WordMender._sentence_break``).
    min_stop_letters: int = 5
    # ... and so is one after a word the document writes before another in this many texts
    # with no stop between, and in none with one (``WordMender._stop_written_apart``).
    never_stopped: int = 5
    min_capital_letters: int = 9
    written_once: float = 1.0
    # ... and a spelling the document writes this many times as much as the slip is its own
    # word the slip stands for (the lexicon's ``outnumber``).
    outnumber: float = 3.0
    capital_alike: tuple[tuple[str, str], ...] = CAPITAL_ALIKE
    min_acronym_letters: int = 3
    # Thin letters a blur loses altogether, its stem merged into a neighbouring upright one
    # ("efektf" for efektif): put back beside such a letter, for the dictionary-gated mend,
    # where the document writes the word.
    lost: str = "il"
    lost_beside: str = "tfijlr"
    lost_support: float = 0.5


@dataclass(slots=True)
class _Support:
    words: dict[str, float] = field(default_factory=dict)  # case-folded word -> weight
    # Two neighbouring words and what stands between them (" ", ".", ",", "-").
    pairs: dict[tuple[str, str, str], float] = field(default_factory=dict)
    # ... and in how many texts each such pair stands (a slip's own cell is one of them).
    pair_texts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    cells: dict[str, float] = field(default_factory=dict)  # a whole cell's text
    # In how many texts each word in capitals (an acronym: "SDM", "JDIH") stands.
    acronyms: dict[str, int] = field(default_factory=dict)
    # How each word is capitalised where it is written: "upper", "title" or "lower".
    cases: dict[tuple[str, str], float] = field(default_factory=dict)
    # How two words a space apart are capitalised together: (first, second, their cases).
    pair_cases: dict[tuple[str, str, str, str], float] = field(default_factory=dict)
    # Cells that are an amount (``_AMOUNT``), by whether they end with a stop.
    amounts: dict[bool, float] = field(default_factory=dict)
    # Cells by their last character: what the document ends its cells with.
    ends: dict[str, float] = field(default_factory=dict)
    # Cells whose double quotes are all of one style, by that style: "straight", "curly".
    quotes: dict[str, float] = field(default_factory=dict)
    # In how many texts each word stands before another word, and with what between them.
    followed: dict[str, int] = field(default_factory=dict)
    follows: dict[tuple[str, str], int] = field(default_factory=dict)


def _weight(cell: Cell) -> float:
    # A word from a cell read surely counts for more than one from a cell read unsurely.
    return 0.5 + 0.5 * (cell.confidence if cell.confidence is not None else 1.0)


def _add(table: dict[Any, float], key: Any, w: float) -> None:
    table[key] = table.get(key, 0.0) + w


def _separator(between: str) -> str | None:
    """What stands between two words, reduced: a space, or one stop, comma, hyphen or slash
    with spaces or none around it; None for anything else (a line of digits, two marks)."""
    bare = between.strip()
    if not bare:
        return " "
    return bare if bare in ".,-/:;" else None


def _one_sided(between: str) -> bool:
    """Whether a mark between two words on one line has a space on one side of it only
    (one ending its line, "Perundang-" before the next, is glued where it breaks)."""
    bare = between.strip()
    return (
        "\n" not in between
        and len(bare) == 1
        and between.startswith(bare) != between.endswith(bare)
    )


def _neighbours(text: str) -> list[tuple[re.Match[str], re.Match[str], str]]:
    simple = list(_SIMPLE.finditer(text))
    out = []
    for m, n in zip(simple, simple[1:]):
        sep = _separator(text[m.end() : n.start()])
        if sep is not None:
            out.append((m, n, sep))
    return out


def _support(cells: Iterable[Cell], lines: Iterable[str]) -> _Support:
    s = _Support()
    texts = [(c.text, _weight(c)) for c in cells] + [(t, 1.0) for t in lines]
    for text, w in texts:
        for m in _WORD.finditer(text):
            _add(s.words, m.group(0).casefold(), w)
            _add(s.cases, (m.group(0).casefold(), _case(m.group(0))), w)
        for word in {m.group(0) for m in _WORD.finditer(text) if m.group(0).isupper()}:
            s.acronyms[word] = s.acronyms.get(word, 0) + 1
        keys = {(m.group(0).casefold(), sep, n.group(0).casefold())
                for m, n, sep in _neighbours(text)}
        for key in keys:
            s.pair_texts[key] = s.pair_texts.get(key, 0) + 1
        for first in {(a, sep) for a, sep, _ in keys}:
            s.follows[first] = s.follows.get(first, 0) + 1
        for a in {a for a, _, _ in keys}:
            s.followed[a] = s.followed.get(a, 0) + 1
        for m, n, sep in _neighbours(text):
            a, b = m.group(0), n.group(0)
            _add(s.pairs, (a.casefold(), sep, b.casefold()), w)
            if sep == " " and text[: m.start()].strip():
                # (a cell's first word is capitalised whatever it is)
                _add(s.pair_cases, (a.casefold(), b.casefold(), _case(a), _case(b)), w)
        flat = " ".join(text.split())
        _add(s.cells, flat.casefold(), w)
        if flat:
            _add(s.ends, flat[-1], w)
        if _AMOUNT.fullmatch(flat.removesuffix(".")):
            _add(s.amounts, flat.endswith("."), w)
        style = _quote_style(text)
        if style is not None:
            _add(s.quotes, style, w)
    return s


_STRAIGHT, _CURLY = '"', "\u201c\u201d"
# An opening quote and what may close it.
_CLOSERS = {"\u201c": "\u201d\"", "\u2018": "\u2019'"}


def _quote_style(text: str) -> str | None:
    """The style of a text's double quotes when they are all of one: "straight" or "curly"."""
    marks = {ch for ch in text if ch in _STRAIGHT + _CURLY}
    if not marks:
        return None
    if marks <= set(_CURLY):
        return "curly"
    return "straight" if marks == {_STRAIGHT} else None


def _variants(word: str, confusions: tuple[tuple[str, str], ...]) -> set[str]:
    """Every spelling one confusion away from ``word`` (a word of letters only)."""
    return {v for _, v in _spellings(word, confusions)} - {word}


def _spellings(word: str, pairs: tuple[tuple[str, str], ...]) -> Iterator[tuple[int, str]]:
    """Each spelling one confusion of ``pairs`` (either way round) or one letter-like
    punctuation glyph away from ``word``, with where the change starts."""
    for i, ch in enumerate(word):
        for letter in _STANDS_FOR.get(ch, ""):
            yield i, word[:i] + letter + word[i + 1 :]
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            start = word.find(x)
            while start >= 0:
                yield start, word[:start] + y + word[start + len(x) :]
                start = word.find(x, start + 1)


def _with_lost(word: str, letters: str, stems: str) -> set[str]:
    """Each spelling with one of ``letters`` put back inside ``word`` beside one of
    ``stems``: a blur merges a thin stem into a neighbouring upright one ("efektf"), it
    does not lose it between round letters, where a typist does ("pengeloaan")."""
    return {
        word[:i] + ch + word[i:]
        for i in range(1, len(word))
        if word[i - 1] in stems or word[i] in stems
        for ch in letters
    } - {word}


def _case(word: str) -> str:
    if word.isupper():
        return "upper"
    return "title" if word[:1].isupper() else "lower"


def _cased(word: str, case: str) -> str:
    if case == "upper":
        return word.upper()
    return word[:1].upper() + word[1:] if case == "title" else word


class WordMender:
    """Mends OCR slips in cell texts from the words of the whole document."""

    def __init__(
        self, cells: list[Cell], lines: Iterable[str] = (), settings: WordSettings | None = None
    ) -> None:
        self.settings = settings or WordSettings()
        lines = list(lines)
        self._support = _support(cells, lines)
        self._vocabulary = Vocabulary([*(c.text for c in cells), *lines])
        self._cache: dict[str, str] = {}
        # Whether the last ``mend`` changed a word on the dictionary's word alone (no cell
        # of the document writes the spelling): the text is then a guess a person checks.
        self.guessed = False

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

    def _known_alike(self, word: str) -> str | None:
        """The one spelling a look-alike glyph away from ``word`` that the document writes
        ``outnumber`` times as much, or more and a dictionary knows it too (two witnesses:
        "Kelala" beside "Kelola" written twice), or else, for a word written once, that a
        dictionary knows; None for a word a dictionary knows (unless only the English one
        does and the page is full of its look-alike: "vang" beside "yang"), or that lies
        near no such spelling or near several. A font misreads the same glyph again, so a
        slip may stand in several cells; the document's own word stands in many more."""
        folded = word.casefold()
        st = self.settings
        own = self._support.words.get(folded, 0.0)
        if word.isupper() or len(folded) < st.min_letters:
            return None
        if in_dictionary(folded):
            return self._vocabulary.foreign_slip(folded)
        # The dictionary alone names a spelling only for a long word written once, longer
        # still when capitalised: a capital opens a cell or a name ("Sanggau" is one glyph
        # from "sanggan"), and a place name is short and rarely a glyph from a word.
        capital = word.lstrip(_LETTERLIKE)[:1].isupper()
        dictionary = own <= st.written_once and len(folded) >= (
            st.min_capital_letters if capital else st.min_dictionary_letters
        )
        written: set[str] = set()
        known: set[str] = set()
        for v in _with_lost(folded, st.lost, st.lost_beside):
            # Two witnesses against a slip that is no word: a dictionary knows the spelling
            # and the document writes it, in cells read about as surely (``lost_support``).
            support = self._support.words.get(v, 0.0)
            if support > 0.0 and support >= own * st.lost_support and in_dictionary(v):
                written.add(v)
        for i, v in _spellings(folded, st.alike):
            if i < 2 and is_prefix_form(folded, v):
                continue
            # (a token with a glyph inside is no word of the support, and a slip by itself)
            support = self._support.words.get(v, 0.0)
            if support > 0.0 and (
                support >= own * st.outnumber
                or (support > own * st.margin and in_dictionary(v))
            ):
                written.add(v)
            elif dictionary and in_dictionary(v):
                known.add(v)
        if len(written) == 1:
            return written.pop()
        if not written and len(known) > 1:
            # Two dictionary words a glyph away ("fembaga": lembaga, tembaga): the one the
            # confusions print OCR makes most (``confusions``) reach, if only one.
            known &= _variants(folded, st.confusions)
        if not written and len(known) == 1:
            self.guessed = True
            return known.pop()
        if not written and not known and len(folded) >= st.min_dictionary_letters:
            two = self._two_glyphs_away(folded, own)
            if two is None and own > st.written_once:
                two = self._misread_throughout(folded)
                self.guessed = self.guessed or two is not None
            return two
        return None

    def _misread_throughout(self, folded: str) -> str | None:
        """The one word a dictionary knows that ``folded`` becomes with every one of a
        look-alike glyph it holds twice or more read back ("suhhagian": both b's of
        "subbagian" read as h). A blur misreads a font's glyph the same way on every page,
        so such a slip may be the document's only spelling of its word, outnumbering the
        right one; what betrays it is that the same glyph went wrong throughout. None for
        several or none."""
        found: set[str] = set()
        for a, b in self.settings.alike:
            for x, y in ((a, b), (b, a)):
                if folded.count(x) >= 2 and in_dictionary(v := folded.replace(x, y)):
                    found.add(v)
        return found.pop() if len(found) == 1 else None

    def _acronym(self, word: str) -> str:
        """A word in capitals, or the one acronym a capital look-alike away from it that
        the document writes in ``outnumber`` times as many texts ("SOM" in one cell, SDM in
        three). Counted by texts: a cell's confidence is its words' average, and says
        little of one short word in it."""
        st = self.settings
        acronyms = self._support.acronyms
        if len(word) < st.min_acronym_letters:
            return word
        need = st.outnumber * max(acronyms.get(word, 0), 1)
        found = {v for _, v in _spellings(word, st.capital_alike) if acronyms.get(v, 0) >= need}
        return found.pop() if len(found) == 1 else word

    def _two_glyphs_away(self, folded: str, own: float) -> str | None:
        """The one spelling two look-alike glyphs from a long word no dictionary knows that
        the document writes ``outnumber`` times as much: a blur fills the bowl of a b and
        cuts the foot of a p in the same word ("kahunaten", "suhhagian"), and a word the
        RAK writes on every page is the only one so near. None for several, or none; never
        the same letters in another order ("logisitk" is how the page was typed: OCR swaps
        glyph shapes, it does not reorder them)."""
        st = self.settings
        letters = sorted(folded)
        found: set[str] = set()
        for i, first in _spellings(folded, st.alike):
            if i < 2 and is_prefix_form(folded, first):
                continue
            for j, v in _spellings(first, st.alike):
                if sorted(v) == letters or (j < 2 and is_prefix_form(folded, v)):
                    continue  # the same letters reordered: a typing slip, as printed
                if self._support.words.get(v, 0.0) >= st.outnumber * max(own, st.written_once):
                    found.add(v)
                    if len(found) > 1:
                        return None
        return found.pop() if found else None

    def _case_of(self, found: str, better: str) -> str:
        """The slip's own capitalisation, unless its first letter is the slip and no small
        letter: a glyph read small was no capital (a capital stands taller than any small
        body: "fogistik" stays lower case), but one read as a capital may be a small letter
        as tall ("Vang" for a tailed "yang"), and one that looks the same in either case
        ("lnformasi": l for I or i) says nothing. Then the word takes the case the document
        mostly writes it in; a capital read keeps its case on a tie, and in a word the
        document does not write."""
        own = _case(found)
        if found[:1].casefold() == better[:1] or (own == "lower" and found[:1] not in _CASELESS):
            return own
        if found.isupper():
            return "upper"
        cases = {c: self._support.cases.get((better, c), 0.0) for c in ("upper", "title", "lower")}
        best = max(cases, key=lambda c: cases[c])
        tie = found[:1] not in _CASELESS and cases.get(own, 0.0) >= cases[best]
        if cases[best] == 0.0 or tie:
            return own
        return best

    def mend(self, text: str, open_end: bool = False) -> str:
        """``text`` with each slip replaced by the document's better supported spelling.
        ``open_end``: the cell may go on past a page break, so a comma may end it."""

        def word(m: re.Match[str]) -> str:
            found = m.group(0)
            better = self._better(found)
            if better == found.casefold():
                if found.isupper():
                    return self._acronym(found)
                alike = None if found in halves else self._known_alike(found)
                if alike is None:
                    return found
                better = alike
            parts, better_parts = found.split("-"), better.split("-")
            if len(parts) > 1 and len(parts) == len(better_parts):
                # Each half keeps its own capitals ("Perundang-Undanyan").
                return "-".join(
                    _cased(b, self._case_of(f, b)) for f, b in zip(parts, better_parts)
                )
            return _cased(better, self._case_of(found, better))

        def letterlike(m: re.Match[str]) -> str:
            found = m.group(0)
            better = self._known_alike(found)
            return found if better is None else _cased(better, _case(found.lstrip(_LETTERLIKE)))

        self.guessed = False
        text = self._quotes(text)
        text = self._rejoin(text)
        # The first half of a word joined by a hyphen ("Perundang - Undangan") is no word
        # by itself: it is not mended into one ("Perindang").
        halves = {
            m.group(0)
            for m, n, sep in _neighbours(text)
            if sep in " -" and self._compound(m.group(0), n.group(0))
        }
        text = _SLASHED.sub(self._slash, text)
        text = _LETTERLIKE_WORD.sub(letterlike, text)
        text = _WORD.sub(word, text)
        return self._trailing_stop(self._separators(self._phrase_case(text)), open_end)

    def _phrase_case(self, text: str) -> str:
        """A word in small letters before a capitalised one, whose first letter prints the
        same in both cases but for its size or foot (``_SHAPED``: "jabatan Fungsional"
        where a blur rounded the J): capitalised where the document writes the two words
        both capitalised at least as often as the way the slip has them, itself included.
        A term is typed with one capitalisation ("Jabatan Fungsional"), and nothing on the
        page but its size tells the slip's letter from a capital."""
        out, last = [], 0
        pairs = self._support.pair_cases
        for m, n, sep in _neighbours(text):
            a, b = m.group(0), n.group(0)
            if sep != " " or _case(a) != "lower" or _case(b) != "title":
                continue
            if a[:1] not in _SHAPED or len(a) < self.settings.min_letters:
                continue
            key = (a.casefold(), b.casefold())
            both = pairs.get((*key, "title", "title"), 0.0)
            if both > 0.0 and both >= pairs.get((*key, "lower", "title"), 0.0):
                out.append(text[last : m.start()] + a[:1].upper())
                last = m.start() + 1
        out.append(text[last:])
        return "".join(out)

    def _quotes(self, text: str) -> str:
        """One pair of double quotes read in two styles (an opening "\u201c" before a
        closing '"'): a font prints one style, so both take the one the document writes
        consistently more, and the straight one where it says nothing. Tesseract's language
        model opens a quote with "\u201c" whatever the glyph, where a straight quote is only
        read from straight strokes. And an opening quote standing before a word with no
        quote after it in the cell to close it is a speck read as one (\u2018Sumber): no
        writing opens a quote it does not close."""
        marks = [i for i, ch in enumerate(text) if ch in _STRAIGHT + _CURLY]
        if len(marks) == 2 and _quote_style(text) is None:
            quotes = self._support.quotes
            if quotes.get("curly", 0.0) > quotes.get("straight", 0.0) * self.settings.margin:
                first, second = "\u201c", "\u201d"
            else:
                first = second = _STRAIGHT
            a, b = marks
            text = text[:a] + first + text[a + 1 : b] + second + text[b + 1 :]
        for i in range(len(text) - 1, -1, -1):
            closers = _CLOSERS.get(text[i])
            opens_word = (i == 0 or text[i - 1].isspace()) and text[i + 1 : i + 2].isalpha()
            if closers and opens_word and not any(ch in closers for ch in text[i + 1 :]):
                text = text[:i] + text[i + 1 :]
        return text

    def _slash(self, m: re.Match[str]) -> str:
        """A slash read as a glyph ("danfatau", "Kabupaten'Kota"): the token parted at the
        one place where the document writes its two halves with a slash between, and
        ``outnumber`` times as much as the token itself. A token a dictionary knows stays."""
        token = m.group(0)
        folded = token.casefold()
        own = self._support.words.get(folded, 0.0) * self.settings.outnumber
        places = [
            i
            for i, ch in enumerate(folded)
            if ch in _SLASH_ALIKE
            and self._support.pairs.get((folded[:i], "/", folded[i + 1 :]), 0.0) >= max(own, 1e-9)
        ]
        if len(places) != 1 or in_dictionary(folded):
            return token
        i = places[0]
        return f"{token[:i]}/{token[i + 1 :]}"

    def _separators(self, text: str) -> str:
        """Between two words, what the document writes there more: "perundang undangan"
        rejoined where it writes "perundang-undangan", and a speck read as a stop or a
        hyphen glued between two words ("pendidikan.pemilihan", "pembinaan-dan", or with
        a space on one side only: "pembinaan -dan") taken out
        where it writes the two words apart. Typed punctuation ("Umum, dan", "Kab.Kubu") is
        left alone: documents are not consistent in it, and a stop or comma is never added."""
        out, last = [], 0
        for m, n, sep in _neighbours(text):
            a, b = m.group(0).casefold(), n.group(0).casefold()
            glued = m.end() + 1 == n.start()
            if sep == " " and a == b and len(a) > 1:
                # Indonesian writes a doubled word with a hyphen ("masing-masing"): a space
                # there is a hyphen OCR lost.
                out.append(text[last : m.end()] + "-")
                last = n.start()
                continue
            if sep == "." and (
                self._sentence_break(m.group(0), n.group(0), glued)
                or self._stop_written_apart(a, b)
            ):
                # "kesejahteraan. pegawai", "Terlaksananya.layanan", "kompetensi. SDM": a
                # speck after a word, read as a stop.
                out.append(text[last : m.end()] + " ")
                last = n.start()
                continue
            between = text[m.end() : n.start()]
            if sep in ":;" and between[0].isspace() and between[-1].isspace() and (
                self._never_followed_by(a, sep)
            ):
                # "dan : pendokumentasian": a speck standing between two words read as a
                # colon, after a word the document never writes one after.
                out.append(text[last : m.end()] + " ")
                last = n.start()
                continue
            if sep == " ":
                choice = "-"
            elif glued and sep == "." and n.group(0)[:1].islower():
                # A stop before a capital is an abbreviation's ("Kab.Kubu", "S.Pd").
                choice = " "
            elif sep == "-" and not self._compound(a, b) and (
                glued or _one_sided(text[m.end() : n.start()])
            ):
                # A hyphen this text put back ("perundang-undangan") stays. One typed has
                # a space on both sides or none: one with a space on a side only
                # ("pembinaan -dan") is a speck.
                choice = " "
            else:
                continue
            support = self._support.pairs
            if (
                support.get((a, choice, b), 0.0)
                > support.get((a, sep, b), 0.0) * self.settings.margin
            ):
                out.append(text[last : m.end()] + ("-" if choice == "-" else " "))
                last = n.start()
        out.append(text[last:])
        return "".join(out)

    def _stop_written_apart(self, a: str, b: str) -> bool:
        """Whether a stop between two words stands in this text alone, and the document
        writes the same two words elsewhere with a space: a RAK's cells are phrases, and the
        same phrase ("kompetensi SDM") is not typed as two sentences once. The word before
        it is a dictionary's whole word: an abbreviation's stop ("Subbag. Keuangan") is
        typed or left out from one cell to the next. A speck on the baseline between words
        is a stop's size and place, so nothing in the ink tells them apart; counted by
        texts, not weighed, as the slip's own cell may be read more surely than the other."""
        texts = self._support.pair_texts
        if self._never_followed_by(a, "."):
            # A word the document writes before others in many texts and never with a
            # stop ("dan", "guna"): no abbreviation, and no sentence ends with it.
            return True
        return (
            len(a) >= self.settings.min_stop_letters
            and in_dictionary(a)
            and texts.get((a, ".", b), 0) <= 1
            and texts.get((a, " ", b), 0) >= 1
        )

    def _never_followed_by(self, word: str, sep: str) -> bool:
        """Whether the document writes ``word`` (case-folded) before another word in
        ``never_stopped`` texts or more with no ``sep`` between, and in none but one (the
        slip's own) with it; and a dictionary knows the word."""
        once = self._support.follows.get((word, sep), 0)
        return (
            once <= 1
            and self._support.followed.get(word, 0) - once >= self.settings.never_stopped
            and in_dictionary(word)
        )

    def _sentence_break(self, before: str, after: str, glued: bool = False) -> bool:
        """Whether a stop between these two words cannot be the writing's: a stop inside a
        cell ends an abbreviation ("Kab.", "dll.": short) or a sentence, and the next
        sentence opens with a capital. So a stop after a word ``min_stop_letters`` long or
        more, before a word in small letters, both of them words (a dictionary's, or, glued
        by the stop, the document's own: "Terlaksananya" opens every sasaran), is a speck
        read as one. A web or mail address glues short parts ("kpu.go.id")."""
        if len(before) < self.settings.min_stop_letters or not after[:1].islower():
            return False
        if glued:
            # ... or before a word the document writes often that a dictionary knows
            # ("pengeloaan.dan", a typo before "dan"): no address part is both.
            return self._is_word(after) and (
                self._is_word(before) or self._frequent(after)
            )
        return in_dictionary(before) and in_dictionary(after)

    def _frequent(self, word: str) -> bool:
        folded = word.casefold()
        return in_dictionary(folded) and (
            self._support.words.get(folded, 0.0) >= self.settings.outnumber
        )

    def _is_word(self, word: str) -> bool:
        folded = word.casefold()
        return in_dictionary(folded) or (
            self._support.words.get(folded, 0.0) >= self.settings.outnumber
        )

    def _rejoin(self, text: str) -> str:
        """A hyphen OCR lost between two words where the first is no word and the
        hyphenated whole is one ("perundang undangan"; hunspell takes any two words joined
        by a hyphen for a word, so "tata kelola" keeps its space). Done first, so that the
        half is not mended into a word of its own ("perindang")."""
        out, last = [], 0
        for m, n, sep in _neighbours(text):
            if sep == " " and self._compound(m.group(0), n.group(0)):
                out.append(text[last : m.end()] + "-")
                last = n.start()
                # Printed "perundang-undangan" or "Perundang - Undangan": the scan lost which.
                self.guessed = True
        out.append(text[last:])
        return "".join(out)

    def _compound(self, a: str, b: str) -> bool:
        return (
            len(a) >= self.settings.min_letters
            and not in_dictionary(a)
            and in_dictionary(f"{a}-{b}")
        )

    def _trailing_stop(self, text: str, open_end: bool = False) -> str:
        """A comma or semicolon ending a cell ("Ketapang,"): no list or clause ends a cell,
        so unless the document ends its cells so (``outnumber``), it is a speck. A stop
        after a cell's last word ("75%.") that the document, writing the same
        cell elsewhere, does not have; or after an amount ("75%.", "2 Laporan.") where the
        document's other amounts stand without one ``outnumber`` times as often. A target
        column is written to one pattern, so a lone stop after one of its figures is dust
        on the baseline, which no look at the ink can tell from a printed stop. A cell of a
        page's last row (``open_end``) may be the first part of one a page break cut
        ("... barang kantor," / "pelayanan tamu"): its comma stays."""
        stripped = text.rstrip()
        if stripped.endswith(_NEVER_LAST) and self._support.cells and not open_end:
            last = stripped[-1]
            ends = self._support.ends.get(last, 0.0)
            if ends * self.settings.outnumber < sum(self._support.ends.values()):
                return stripped[:-1].rstrip()
        if not stripped.endswith(".") or stripped.endswith(".."):
            return text
        bare = " ".join(stripped[:-1].split()).casefold()
        full = " ".join(stripped.split()).casefold()
        cells = self._support.cells
        if cells.get(bare, 0.0) > cells.get(full, 0.0) * self.settings.margin:
            return stripped[:-1]
        amounts = self._support.amounts
        if _AMOUNT.fullmatch(" ".join(stripped[:-1].split())) and amounts.get(
            False, 0.0
        ) > amounts.get(True, 0.0) * self.settings.outnumber:
            return stripped[:-1]
        return text

def mend_cells(
    cells: list[Cell],
    lines: Iterable[str] = (),
    settings: WordSettings | None = None,
    open_ended: Collection[int] = (),
) -> int:
    """Mend OCR slips in ``cells`` in place; return how many cell texts changed. A cell
    mended on the dictionary's word alone carries the ``ocr-mended`` doubt. ``open_ended``
    holds the ``id`` of each cell a page break may cut (``WordMender.mend``)."""
    mender = WordMender(cells, lines, settings)
    changed = 0
    for cell in cells:
        if not cell.text:
            continue
        mended = mender.mend(cell.text, id(cell) in open_ended)
        if mended != cell.text:
            cell.text = mended
            changed += 1
            if mender.guessed and OCR_MENDED not in cell.doubts:
                cell.doubts.append(OCR_MENDED)
    return changed
