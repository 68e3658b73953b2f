"""Empty cells: a row without SASARAN, INDIKATOR, TARGET, KEGIATAN or PELAKSANA.

Each is its own rule (a project may demote one) but they share one shape: the cell is blank
after the extractor joined its lines. A cell holding the wrong thing is another rule's job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from extractor.language import in_language
from extractor.model import RakDocument, Row

from ..config import CheckConfig
from ..finding import Finding, Severity
from ..rule import Example, Rule, Words


def _missing(
    name: str,
    field_name: str,
    heading: str,
    what: Words,
    value: Callable[[Row], str],
    bad: Example,
    good: Example,
) -> Rule:
    message: Words = {
        "id": f"Kolom {heading} kosong",
        "en": f"The {heading} cell is empty",
    }

    def check(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
        for i, row in enumerate(doc.rows):
            if not value(row).strip():
                yield rule.at(doc, i, field_name, in_language(message, config.lang))

    rule = Rule(
        name=name,
        severity=Severity.ERROR,
        title={"id": f"{heading} kosong", "en": f"{heading} is empty"},
        explanation={
            "id": f"Setiap baris RAK harus mengisi {heading}: {what['id']} "
            "Baris tanpa isi ini tidak dapat diukur atau dipertanggungjawabkan.",
            "en": f"Every RAK row must fill in {heading}: {what['en']} "
            "A row without it cannot be measured or accounted for.",
        },
        bad=bad,
        good=good,
        check=check,
    )
    return rule


MISSING_PELAKSANA = _missing(
    "missing-pelaksana",
    "pelaksana",
    "PELAKSANA",
    {
        "id": "subbagian atau pejabat yang bertanggung jawab atas kegiatan.",
        "en": "the subbagian or official responsible for the activity.",
    },
    lambda r: r.pelaksana,
    bad=Example(rows=({"pelaksana": ""},)),
    good=Example(rows=({"pelaksana": "Subbag. Hukum dan SDM"},)),
)

MISSING_INDIKATOR = _missing(
    "missing-indikator",
    "indikator_kinerja",
    "INDIKATOR KINERJA",
    {
        "id": "ukuran keberhasilan sasaran (Persentase ..., Jumlah ...).",
        "en": "the measure of the goal's success (Persentase ..., Jumlah ...).",
    },
    lambda r: r.indikator_kinerja,
    bad=Example(rows=({"indikator_kinerja": ""},)),
    good=Example(rows=({"indikator_kinerja": "Persentase arsip yang dikelola sesuai JRA"},)),
)

MISSING_KEGIATAN = _missing(
    "missing-kegiatan",
    "kegiatan",
    "KEGIATAN",
    {
        "id": "apa yang dikerjakan untuk mencapai target.",
        "en": "what is done to reach the target.",
    },
    lambda r: r.kegiatan,
    bad=Example(rows=({"kegiatan": " "},)),
    good=Example(rows=({"kegiatan": "Membuat jadwal retensi arsip"},)),
)

MISSING_SASARAN = _missing(
    "missing-sasaran",
    "sasaran_kegiatan",
    "SASARAN KEGIATAN",
    {
        "id": "tujuan yang dilayani baris ini (sel gabungan berlaku untuk baris di bawahnya).",
        "en": "the goal this row serves (a merged cell applies to the rows below it).",
    },
    lambda r: r.sasaran_kegiatan,
    bad=Example(rows=({"sasaran_kegiatan": ""},)),
    good=Example(rows=({"sasaran_kegiatan": "Terwujudnya tata kelola arsip yang tertib"},)),
)

MISSING_TARGET = _missing(
    "missing-target",
    "target",
    "TARGET",
    {
        "id": "angka dan satuan yang hendak dicapai (100%, 12 Kali).",
        "en": "the number and unit to be reached (100%, 12 Kali).",
    },
    lambda r: r.target.teks,
    bad=Example(rows=({"target": ""},)),
    good=Example(rows=({"target": "100%"},)),
)

RULES = (MISSING_SASARAN, MISSING_INDIKATOR, MISSING_TARGET, MISSING_KEGIATAN, MISSING_PELAKSANA)
