"""Which RAK rows carry which indicator of the Perjanjian Kinerja (PK): the pairing the pk-*
rules judge and the reports list.

Both documents write one indicator in slightly different words (case, punctuation, "oleh KPU
Kabupaten Kubu Raya" dropped, "sesuai dengan SOP" for "sesuai SOP"), and a RAK repeats an
indicator over the several kegiatan that carry it out. So:

1. the RAK's rows are grouped by indicator (the same text after normalisation: one group);
2. each text is normalised: lower case, punctuation gone, "Komisi Pemilihan Umum" as KPU,
   the words every indicator of the office shares dropped (function words, the office's
   level and the region's own name, taken from both documents' unit);
3. every PK indicator is scored against every RAK group (rapidfuzz ``token_sort_ratio``);
4. the pairs are one assignment over the whole matrix (``assignment.best_assignment``), not
   first come first served, so a near match never takes the partner an exact one needed;
5. a pair scoring below ``min_indicator_score`` is no pair: the PK indicator is missing from
   the RAK and the RAK's is extra. A near match that is a different indicator ("layanan
   kepegawaian" / "layanan kesejahteraan") is thus never paired in silence.

The threshold is where the seed's distinct indicators and rewordings of one indicator part:
over the 53 indicators of Kubu Raya 2024 no two distinct ones score above 76, and rewordings
(a clause dropped, words reordered, "dengan" added) score 83 and up (tests hold both sides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from extractor.model import RakDocument, Row, Target
from extractor.pk_model import PkDocument

from .indicators import unit_head
from .units import region_words, same_office

# Words that say nothing about which indicator it is: function words, and the office's own
# words (every indicator of one office may end "... di Lingkungan Sekretariat KPU Kabupaten").
_FUNCTION_WORDS = frozenset(
    "yang dan di ke dari pada dengan untuk oleh dalam terhadap sesuai secara atau serta agar "
    "guna bagi tentang melalui sebagai kepada para telah akan dapat".split()
)
_OFFICE_WORDS = frozenset("kpu kabupaten kab kota provinsi prov sekretariat lingkungan".split())
_KPU = re.compile(r"\bkomisi\s+pemilihan\s+umum\b")
_NOT_WORD = re.compile(r"[^\w%]+")


@dataclass(frozen=True)
class PkMatchSettings:
    """How close two texts must be to count as the same (rapidfuzz scores, 0..100)."""

    # A RAK indicator this close to a PK indicator is that indicator (see the module doc).
    min_indicator_score: float = 80.0
    # The RAK's sasaran for a paired indicator agrees with the PK's at or above this: an OCR
    # slip or a dropped word passes, a reworded sasaran does not (distinct sasaran of the seed
    # score 76 at most).
    min_sasaran_score: float = 90.0

    def __post_init__(self) -> None:
        for name in ("min_indicator_score", "min_sasaran_score"):
            if not 0.0 < getattr(self, name) <= 100.0:
                raise ValueError(f"{name} must be within (0, 100]")


def normalise(text: str, drop: frozenset[str] = frozenset()) -> str:
    """The words that tell one indicator (or sasaran) from another, lower case."""
    low = _KPU.sub("kpu", text.lower())
    words = _NOT_WORD.sub(" ", low).split()
    return " ".join(w for w in words if w not in _FUNCTION_WORDS | _OFFICE_WORDS | drop)


@dataclass(frozen=True)
class Pair:
    pk: int  # 0-based PK row
    rows: tuple[int, ...]  # 0-based RAK rows carrying the indicator, in document order
    score: float  # 0..100


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[Pair, ...]
    pk_unpaired: tuple[int, ...]  # PK rows (0-based) no RAK row carries
    rak_unpaired: tuple[tuple[int, ...], ...]  # RAK indicator groups (rows) not in the PK
    same_year: bool | None  # None when either year is unknown
    same_office: bool | None  # None when either unit names no office

    @property
    def comparable(self) -> bool:
        """The two documents are of one office and year (as far as they say): only then do
        their indicators mean to be the same ones."""
        return self.same_year is not False and self.same_office is not False


def _groups(rows: list[Row], drop: frozenset[str]) -> list[tuple[str, tuple[int, ...]]]:
    """The RAK's indicators, each once with the rows that carry it (first seen order)."""
    found: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        key = normalise(row.indikator_kinerja, drop)
        if key:
            found.setdefault(key, []).append(i)
    return [(key, tuple(rows_)) for key, rows_ in found.items()]


def match_pk(rak: RakDocument, pk: PkDocument, settings: PkMatchSettings) -> Pairing:
    drop = region_words(rak.document.unit_organisasi, pk.document.unit_organisasi)
    groups = _groups(rak.rows, drop)
    pk_keys = [normalise(r.indikator_kinerja, drop) for r in pk.rows]
    wanted = [i for i, key in enumerate(pk_keys) if key]
    pairs: list[Pair] = []
    if wanted and groups:
        # Imported here: every check loads the rules, few compare with a PK (numpy: 90 ms).
        import numpy as np

        from .assignment import best_assignment

        score = process.cdist(
            [pk_keys[i] for i in wanted], [key for key, _ in groups],
            scorer=fuzz.token_sort_ratio, dtype=np.float32,
        )
        score[score < settings.min_indicator_score] = 0.0  # never worth displacing a pair
        for a, b in best_assignment(score):
            if score[a, b] > 0:
                pairs.append(Pair(wanted[a], groups[b][1], round(float(score[a, b]), 1)))
    paired_pk = {p.pk for p in pairs}
    paired_rows = {p.rows for p in pairs}
    tahun = (rak.document.tahun, pk.document.tahun)
    return Pairing(
        pairs=tuple(sorted(pairs, key=lambda p: p.pk)),
        pk_unpaired=tuple(i for i in range(len(pk.rows)) if i not in paired_pk),
        rak_unpaired=tuple(rows for _, rows in groups if rows not in paired_rows),
        same_year=None if None in tahun else tahun[0] == tahun[1],
        same_office=same_office(rak.document.unit_organisasi, pk.document.unit_organisasi),
    )


def same_sasaran(a: str, b: str, drop: frozenset[str], settings: PkMatchSettings) -> bool:
    na, nb = normalise(a, drop), normalise(b, drop)
    if not na or not nb:
        return na == nb
    return fuzz.ratio(na, nb) >= settings.min_sasaran_score


def _same_unit(a: str | None, b: str | None) -> bool:
    """Units agree when both name one (a unit a document leaves out is no difference):
    "laporan" and "Laporan bulanan", "dok" and "dokumen" are one unit."""
    ha, hb = unit_head(a), unit_head(b)
    if ha is None or hb is None or ha == hb:
        return True
    short, long_ = sorted((ha, hb), key=len)
    return len(short) >= 3 and long_.startswith(short)


def same_target(a: Target, b: Target) -> bool:
    """The same value and unit; a target without a number is compared as text."""
    if a.nilai is None or b.nilai is None:
        return " ".join(a.teks.lower().split()) == " ".join(b.teks.lower().split())
    return abs(float(a.nilai) - float(b.nilai)) < 1e-9 and _same_unit(a.satuan, b.satuan)


@dataclass(slots=True)
class AgainstPk(RakDocument):
    """A RAK with the Perjanjian Kinerja it is checked against (``rak check --pk``), and the
    pairing of their indicators, made once for the rules and the reports to share.

    Its JSON is the RAK's plus a ``pk`` section (``pk_section``); the PK itself is not
    repeated there. Built by ``against_pk``; a copy with other rows needs a new pairing.
    """

    pk: PkDocument | None = None
    pairing: Pairing | None = None
    settings: PkMatchSettings = field(default_factory=PkMatchSettings)

    def to_dict(self) -> dict[str, Any]:
        rak = RakDocument(self.source, self.document, self.periode, self.rows, self.keraguan)
        out = rak.to_dict()
        if self.pk is not None and self.pairing is not None:
            out["pk"] = pk_section(self.pk, self.pairing)
        return out


def against_pk(
    doc: RakDocument, pk: PkDocument, settings: PkMatchSettings | None = None
) -> AgainstPk:
    settings = settings or PkMatchSettings()
    return AgainstPk(
        source=doc.source,
        document=doc.document,
        periode=doc.periode,
        rows=doc.rows,
        keraguan=doc.keraguan,
        pk=pk,
        pairing=match_pk(doc, pk, settings),
        settings=settings,
    )


def pk_section(pk: PkDocument, pairing: Pairing) -> dict[str, Any]:
    """The ``pk`` field of ``rak check --pk --format json``: which PK, and the pairs made
    (row numbers 1-based, as everywhere in the contract)."""
    return {
        "file": pk.source.file,
        "unit_organisasi": pk.document.unit_organisasi,
        "tahun": pk.document.tahun,
        "pasangan": [
            {
                "pk_baris": p.pk + 1,
                "rak_baris": [r + 1 for r in p.rows],
                "skor": p.score,
                "indikator_kinerja": pk.rows[p.pk].indikator_kinerja,
            }
            for p in pairing.pairs
        ],
        "pk_tanpa_pasangan": [i + 1 for i in pairing.pk_unpaired],
        "rak_tanpa_pasangan": [rows[0] + 1 for rows in pairing.rak_unpaired],
    }


@dataclass(frozen=True)
class PkCheck:
    """What the pk-* rules judge: the PK and the pairing of its indicators with the RAK's."""

    pk: PkDocument
    pairing: Pairing
    settings: PkMatchSettings


def with_pk(doc: RakDocument) -> PkCheck | None:
    """The PK ``doc`` is checked against (the pk-* rules run only then), else None."""
    if isinstance(doc, AgainstPk) and doc.pk is not None and doc.pairing is not None:
        return PkCheck(doc.pk, doc.pairing, doc.settings)
    return None


def pk_from_data(data: Any, file: str) -> PkDocument:
    """A PK from its JSON (``rak extract`` of a PK, perhaps corrected by hand).

    A RAK's JSON raises ``IsRakNotPk``, JSON that breaks pk.schema.json ``InvalidPkJson``
    with its first error: both name the file. ``checks`` still opens nothing: the caller
    read the JSON.
    """
    from rak_schemas import pk_validator

    from extractor.errors import InvalidPkJson, IsRakNotPk
    from extractor.pk_model import is_pk_data

    if not is_pk_data(data):
        if isinstance(data, dict) and "rows" in data:
            raise IsRakNotPk(file)
        raise InvalidPkJson(file, 'jenis: "pk"')
    errors = sorted(pk_validator().iter_errors(data), key=lambda e: [str(p) for p in e.path])
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "-"
        more = f"; +{len(errors) - 1}" if len(errors) > 1 else ""
        raise InvalidPkJson(file, f"{where}: {first.message}{more}")
    return PkDocument.from_dict(data)
