"""The units that may appear in PELAKSANA, and how a written name is matched to one.

Secretariats write the same subbagian many ways ("Subbag. Keuangan. Umum, dan Logistik",
"KUL", "Subbagian Keuangan, Umum dan Logistik"). A check that flagged every variant would be
noise nobody reads, so names are compared after dropping the "Subbag." prefixes and the
punctuation, known short names count as exact, and a close spelling (a typo) is accepted with
at most an info naming the canonical unit. Only a name close to nothing is worth a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process


@dataclass(frozen=True, slots=True)
class KnownUnit:
    name: str  # canonical name, as a report should print it
    aliases: tuple[str, ...] = ()  # short names in use (Rendatin, KUL, TP-Hupmas, ...)


# The secretariat of a KPU kabupaten/kota: four subbagian and the Sekretaris.
DEFAULT_UNITS: tuple[KnownUnit, ...] = (
    KnownUnit(
        "Subbagian Perencanaan, Data dan Informasi",
        ("Rendatin", "PDI", "Perencanaan Data Informasi", "Program dan Data", "Perencanaan"),
    ),
    KnownUnit(
        "Subbagian Keuangan, Umum dan Logistik",
        ("KUL", "Keuangan Umum Logistik", "Keuangan, Umum, dan Logistik", "Umum dan Logistik"),
    ),
    KnownUnit(
        "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
        (
            "Teknis dan Hupmas",
            "TP-Hupmas",
            "TPP Hupmas",
            "Teknis Hupmas",
            "Teknis dan Hubungan Masyarakat",
            "Teknis Penyelenggaraan Pemilu dan Hupmas",
            "Teknis dan Parmas",
            "TPPPH",
        ),
    ),
    KnownUnit(
        "Subbagian Hukum dan SDM",
        ("Hukum dan Sumber Daya Manusia", "Hukum SDM", "Hukum", "Kumdasi"),
    ),
    KnownUnit("Sekretaris", ("Sekretaris KPU", "Sekretariat", "Sekretaris KPU Kabupaten")),
    # Work the whole secretariat shares is written as such.
    KnownUnit("Seluruh Subbagian", ("Semua Subbagian", "Seluruh Subbag", "Semua Subbag",
                                    "Seluruh Bagian")),
)

# Accept a name this close (0..100, see ``unit_similarity``) as a variant of a unit.
ACCEPT_SCORE = 88.0

_PREFIX = re.compile(
    r"^(?:kepala\s+|kasubbag\b\.?\s*|kasubag\b\.?\s*|kabag\b\.?\s*)?"
    r"(?:sub\s*bagian|sub\s*bag|subbag|subag|bagian|bag)?\b\.?\s*",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[^\w\s]+")
_STOP_WORDS = frozenset({"dan", "serta", "kpu", "kabupaten", "kab", "kota"})
_SEPARATORS = re.compile(r"\s*(?:[;/\n]|\s&\s|\s\+\s)\s*")


def normalize_unit(name: str) -> str:
    """Lower case, no ``Subbag.``-type prefix, punctuation as spaces, single spaces."""
    text = " ".join(name.replace("&", " dan ").split())
    text = _PREFIX.sub("", text)
    text = _PUNCT.sub(" ", text.lower())
    text = " ".join(text.split())
    # A prefix written after punctuation ("Subbag.Keuangan") is gone only now.
    return _PREFIX.sub("", text).strip()


def _fuzzy_key(key: str) -> str:
    """A normalised name without the words every unit shares ("dan", "KPU Kabupaten")."""
    return " ".join(w for w in key.split() if w not in _STOP_WORDS)


def unit_similarity(a: str, b: str, **_: object) -> float:
    """0..100: word order ignored, and a name wholly inside another ("Umum") scores 90."""
    return max(fuzz.token_sort_ratio(a, b), 0.9 * fuzz.token_set_ratio(a, b))


@dataclass(frozen=True, slots=True)
class UnitMatch:
    written: str  # the part of PELAKSANA that was matched
    unit: KnownUnit  # the accepted unit, or the closest one when not accepted
    score: float  # 100 for an exact (normalised) match of the name or an alias
    accepted: bool

    @property
    def exact(self) -> bool:
        return self.accepted and self.score >= 100.0


@dataclass(frozen=True, slots=True)
class CanonicalUnit:
    """One unit a PELAKSANA cell names, as a summary groups it."""

    name: str  # as a report prints it: the canonical name, or the written one tidied
    key: str  # what groups it: one key for every spelling of one unit
    known: bool  # a known unit (or a variant of one)


_MARKS = re.compile(r"^[^\w]*$|^[vVxX]$")  # a token that is a mark: √ ✓ ✔ v V x
_BAGIAN = re.compile(r"^\s*(?:kepala\s+|kabag\b\.?\s*)?(?:bagian\b|bag\b\.?|kabag\b)",
                     re.IGNORECASE)


def strip_marks(text: str) -> str:
    """``text`` without the check marks at its ends (√ ✓ ✔, a lone v or x, signs with no
    letter); "" when what is left names no unit (a cell holding only "√", "v" or "12")."""
    from .rules.pelaksana import names_a_unit  # the rule's own test of a name (no cycle)

    words = text.split()
    while words and _MARKS.match(words[0]):
        words.pop(0)
    while words and _MARKS.match(words[-1]):
        words.pop()
    kept = " ".join(words)
    return kept if names_a_unit(kept) else ""


def _at_level(name: str, written: str) -> str:
    """A subbagian's canonical name, as a bagian where the cell says bagian (a provinsi)."""
    if name.startswith("Subbagian ") and _BAGIAN.match(written):
        return "Bagian " + name.removeprefix("Subbagian ")
    return name


class UnitIndex:
    """Known units by normalised name and alias, for exact then fuzzy look-up."""

    def __init__(self, units: tuple[KnownUnit, ...]) -> None:
        self.units = units
        self._by_key: dict[str, KnownUnit] = {}
        self._by_fuzzy: dict[str, KnownUnit] = {}
        for unit in units:
            for written in (unit.name, *unit.aliases):
                key = normalize_unit(written)
                if key:
                    self._by_key.setdefault(key, unit)
                    self._by_fuzzy.setdefault(_fuzzy_key(key) or key, unit)

    def match_one(self, written: str) -> UnitMatch | None:
        key = normalize_unit(written)
        if not key or not self._by_key:
            return None
        if key in self._by_key:
            return UnitMatch(written, self._by_key[key], 100.0, True)
        query = _fuzzy_key(key) or key
        best = process.extractOne(query, list(self._by_fuzzy), scorer=unit_similarity)
        assert best is not None
        unit, score = self._by_fuzzy[best[0]], float(best[1])
        if score >= 100.0:
            score = 99.9  # equal only once "dan"/"KPU" are dropped: still a variant
        return UnitMatch(written, unit, score, score >= ACCEPT_SCORE)

    def canonical(self, pelaksana: str) -> list[CanonicalUnit]:
        """The units a PELAKSANA cell names, each under one name to group by.

        A known unit (or a variant of one) goes by its canonical name, at the level written
        ("Bagian Keuangan ..." at a provinsi is a bagian, not a subbagian); a name close to no
        known unit goes by the words it is made of, so "Subbag Program & Anggaran" and
        "Subbag. Program dan Anggaran" are one. A check mark, a number or an empty cell names
        no unit: ``[]``, never a unit called "√"; a mark run into the name is dropped.
        """
        text = strip_marks(pelaksana)
        if not text:
            return []
        matches = self.match(text)
        if len(matches) > 1 and not all(m.accepted for m in matches):
            # A list only when each part is a known unit; else one name ("Program & Anggaran").
            matches = [m for m in [self.match_one(text)] if m is not None]
        out: list[CanonicalUnit] = []
        for m in matches:
            part = strip_marks(m.written)
            if not part:
                continue
            if m.accepted:
                name = _at_level(m.unit.name, part)
                out.append(CanonicalUnit(name, name, True))
            else:
                out.append(CanonicalUnit(" ".join(part.split()), "?" + normalize_unit(part),
                                         False))
        return list({u.key: u for u in out}.values())

    def match(self, pelaksana: str) -> list[UnitMatch]:
        """Match the cell; a list of units ("Sekretaris / Subbag KUL") part by part."""
        whole = self.match_one(pelaksana)
        if whole is None or whole.exact:
            return [whole] if whole else []
        parts = [p for p in _SEPARATORS.split(pelaksana) if normalize_unit(p)]
        if len(parts) < 2:
            return [whole]
        return [m for p in parts if (m := self.match_one(p)) is not None]


# --- offices: whose document it is -----------------------------------------------------------
#
# A RAK and its Perjanjian Kinerja name their office in many ways ("SEKRETARIAT KPU KABUPATEN
# KUBU RAYA", "Sekretariat Komisi Pemilihan Umum Kab. Kuburaya", "KPU Kab. Kubu Raya"): the
# secretariat serves the commission, so both name one office. What tells two offices apart is
# the level (kabupaten, kota, provinsi) and the region's name.

_LEVELS = {
    "kabupaten": "kabupaten", "kab": "kabupaten",
    "kota": "kota",
    "provinsi": "provinsi", "propinsi": "provinsi", "prov": "provinsi",
}
_OFFICE_END = re.compile(r"\b(?:tahun|ta|th)\b|\d{4}")
_NATIONAL = re.compile(r"\b(?:republik\s+indonesia|ri)\b")
# A region's name may be written with or without its space ("Kubu Raya", "Kuburaya") and
# with a slip; closer than this (0..100) is the same region.
SAME_REGION_SCORE = 90.0


@dataclass(frozen=True, slots=True)
class Office:
    level: str  # kabupaten, kota, provinsi or pusat
    wilayah: str  # the region's name, lower case, single spaces ("kubu raya")


def office_of(name: str | None) -> Office | None:
    """The office a unit name names, or None when it names no level and region."""
    if not name:
        return None
    text = " ".join(_PUNCT.sub(" ", name.lower()).split())
    text = _OFFICE_END.split(text, maxsplit=1)[0]
    words = text.split()
    for i, word in enumerate(words):
        if word in _LEVELS and i + 1 < len(words):
            return Office(_LEVELS[word], " ".join(words[i + 1 :]))
    if _NATIONAL.search(text) and ("kpu" in words or "komisi" in words):
        return Office("pusat", "indonesia")
    return None


def same_office(a: str | None, b: str | None) -> bool | None:
    """Whether two unit names name one office; None when either names none."""
    first, second = office_of(a), office_of(b)
    if first is None or second is None:
        return None
    if first.level != second.level:
        return False
    joined = (first.wilayah.replace(" ", ""), second.wilayah.replace(" ", ""))
    return fuzz.ratio(*joined) >= SAME_REGION_SCORE


def region_words(*names: str | None) -> frozenset[str]:
    """The words of the regions these unit names name ("kubu", "raya"): an indicator that
    ends "... oleh KPU Kabupaten Kubu Raya" says nothing more by them."""
    offices = [o for n in names if (o := office_of(n)) is not None]
    return frozenset(
        w for o in offices for w in (*o.wilayah.split(), o.wilayah.replace(" ", ""))
    )


_LEVEL_NAMES = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}
_KPU = re.compile(r"\b(?:kpu|komisi\s+pemilihan\s+umum)\b")


def canonical_office(name: str | None) -> str | None:
    """One name for a KPU office however it is written, to group a summary by.

    "SEKRETARIAT KPU KAB. KUBU RAYA" and "Sekretariat Komisi Pemilihan Umum Kabupaten Kubu
    Raya" are both "Sekretariat Komisi Pemilihan Umum Kabupaten Kubu Raya": KPU spelled out,
    the level written in full, the region in title case; a secretariat stays a secretariat.
    None for a name that names no KPU office (no level and region, or not the KPU's).
    """
    office = office_of(name)
    if office is None or name is None:
        return None
    text = " ".join(_PUNCT.sub(" ", name.lower()).split())
    if not _KPU.search(text):
        return None
    head = text[: _KPU.search(text).start()]  # type: ignore[union-attr]
    if "sekretariat jenderal" in head or "sekjen" in head.split():
        front = "Sekretariat Jenderal "
    elif "sekretariat" in head.split():
        front = "Sekretariat "
    else:
        front = ""
    if office.level == "pusat":
        return f"{front}Komisi Pemilihan Umum Republik Indonesia"
    wilayah = " ".join(w.capitalize() for w in office.wilayah.split())
    return f"{front}Komisi Pemilihan Umum {_LEVEL_NAMES[office.level]} {wilayah}"
