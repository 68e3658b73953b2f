"""PELAKSANA must name a unit, and a unit the secretariat has.

``invalid-pelaksana`` catches a cell with no name at all: a check mark or a number there is
the trace of a schedule that slid one column to the right. ``unknown-pelaksana`` compares a
name with the known units (see ``checks.units``): variants are accepted, a typo earns at most
an info, and only a name close to no unit is a warning, with the closest unit suggested.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from extractor.language import in_language
from extractor.model import RakDocument

from ..config import CheckConfig
from ..finding import Finding, Severity
from ..rule import Example, Rule
from ..units import KnownUnit, UnitIndex

_LETTERS = re.compile(r"[^\W\d_]{2,}")


def names_a_unit(text: str) -> bool:
    """A unit name has at least one word of two letters; "√", "v", "12" have none."""
    return bool(_LETTERS.search(text))


def _invalid(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    for i, row in enumerate(doc.rows):
        text = row.pelaksana.strip()
        if text and not names_a_unit(text):
            yield INVALID_PELAKSANA.at(
                doc,
                i,
                "pelaksana",
                in_language(
                    {
                        "id": 'PELAKSANA berisi "{text}", bukan nama unit; '
                        "periksa apakah kolom jadwal bergeser",
                        "en": 'PELAKSANA holds "{text}", not a unit name; '
                        "check whether the schedule columns shifted",
                    },
                    config.lang,
                    text=text,
                ),
            )


INVALID_PELAKSANA = Rule(
    name="invalid-pelaksana",
    severity=Severity.ERROR,
    title={"id": "PELAKSANA bukan nama unit", "en": "PELAKSANA is not a unit name"},
    explanation={
        "id": "PELAKSANA harus menyebut unit yang bertanggung jawab. Tanda centang atau angka "
        "di kolom ini biasanya berarti tanda jadwal bergeser satu kolom ke kanan, sehingga "
        "nama unit hilang atau berpindah.",
        "en": "PELAKSANA must name the responsible unit. A check mark or a number in it "
        "usually means the schedule marks slid one column to the right, so the unit's name "
        "was lost or moved.",
    },
    bad=Example(rows=({"pelaksana": "√"},)),
    good=Example(rows=({"pelaksana": "Subbag. Perencanaan, Data dan Informasi"},)),
    check=_invalid,
)


@lru_cache(maxsize=8)
def _index(units: tuple[KnownUnit, ...]) -> UnitIndex:
    return UnitIndex(units)


def _unknown(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    index = _index(config.units)
    for i, row in enumerate(doc.rows):
        text = row.pelaksana.strip()
        if not text or not names_a_unit(text):
            continue  # missing-pelaksana / invalid-pelaksana say it better
        for m in index.match(text):
            if m.exact:
                continue
            if m.accepted:
                message = in_language(
                    {
                        "id": 'PELAKSANA "{written}" dibaca sebagai {unit}',
                        "en": 'PELAKSANA "{written}" read as {unit}',
                    },
                    config.lang,
                    written=m.written.strip(),
                    unit=m.unit.name,
                )
                yield UNKNOWN_PELAKSANA.at(doc, i, "pelaksana", message, Severity.INFO)
            else:
                message = in_language(
                    {
                        "id": 'PELAKSANA "{written}" bukan unit yang dikenal; '
                        "mungkin maksudnya {unit}?",
                        "en": 'PELAKSANA "{written}" is not a known unit; did you mean {unit}?',
                    },
                    config.lang,
                    written=m.written.strip(),
                    unit=m.unit.name,
                )
                yield UNKNOWN_PELAKSANA.at(doc, i, "pelaksana", message)


UNKNOWN_PELAKSANA = Rule(
    name="unknown-pelaksana",
    severity=Severity.WARNING,
    title={"id": "PELAKSANA tidak dikenal", "en": "Unknown PELAKSANA"},
    explanation={
        "id": "PELAKSANA dibandingkan dengan daftar unit yang dikenal (bawaan: empat subbagian "
        "sekretariat KPU kabupaten/kota dan Sekretaris, beserta singkatan yang lazim; dapat "
        "diubah di rak.toml, bagian [units]). Awalan seperti Subbag. dan tanda baca "
        "diabaikan; salah ketik kecil diterima dengan info. Nama yang tidak mirip unit mana "
        "pun diberi peringatan beserta unit yang paling dekat.",
        "en": "PELAKSANA is compared with the known units (by default the four subbagian of "
        "a KPU kabupaten/kota secretariat and the Sekretaris, with their usual short names; "
        "set them in rak.toml, table [units]). Prefixes like Subbag. and punctuation are "
        "ignored; a small typo is accepted with an info. A name close to no unit gets a "
        "warning naming the closest unit.",
    },
    bad=Example(rows=({"pelaksana": "Subbag Program dan Anggaran"},)),
    good=Example(rows=({"pelaksana": "Subbag Teknis dan Hupmas"},)),
    check=_unknown,
)

RULES = (INVALID_PELAKSANA, UNKNOWN_PELAKSANA)
