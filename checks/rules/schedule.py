"""The schedule (RENCANA PELAKSANAAN): something marked, and enough periods for the target.

``schedule-count-mismatch`` fires only where the target counts occurrences, one per period:
"12 Kali" in a monthly schedule, or wording that says so ("laporan bulanan", "setiap
triwulan"). "5 Dokumen" made in two months is not a mismatch: documents are not one per month.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractor.language import in_language
from extractor.model import RakDocument, Row

from ..config import CheckConfig
from ..finding import Finding, Severity
from ..indicators import unit_head
from ..rule import Example, Rule

_PERIOD_NAMES = {
    "bulan": {"id": "bulan", "en": "months"},
    "triwulan": {"id": "triwulan", "en": "quarters"},
}


def _empty(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    for i, row in enumerate(doc.rows):
        if not row.jadwal:
            yield EMPTY_SCHEDULE.at(
                doc,
                i,
                "jadwal",
                in_language(
                    {
                        "id": "Tidak ada {period} yang ditandai pada RENCANA PELAKSANAAN",
                        "en": "No {period} marked in RENCANA PELAKSANAAN",
                    },
                    config.lang,
                    period=_PERIOD_NAMES.get(doc.periode, _PERIOD_NAMES["bulan"])[config.lang],
                ),
            )


EMPTY_SCHEDULE = Rule(
    name="empty-schedule",
    severity=Severity.ERROR,
    title={"id": "Jadwal kosong", "en": "Empty schedule"},
    explanation={
        "id": "Setiap kegiatan harus dijadwalkan: tandai bulan (B1-B12) atau triwulan "
        "(TW I-IV) pelaksanaannya. Baris tanpa tanda tidak dapat dipantau.",
        "en": "Every activity must be scheduled: mark its months (B1-B12) or quarters "
        "(TW I-IV). A row with no mark cannot be monitored.",
    },
    bad=Example(rows=({"jadwal": []},)),
    good=Example(rows=({"jadwal": [6, 12]},)),
    check=_empty,
)

_MONTHLY = re.compile(r"\b(bulanan|per\s*bulan|setiap\s+bulan|tiap\s+bulan)\b", re.IGNORECASE)
_QUARTERLY = re.compile(
    r"\b(triwulanan|per\s*triwulan|setiap\s+triwulan|tiap\s+triwulan)\b", re.IGNORECASE
)
_OCCURRENCE_UNITS = frozenset({"kali", "frekuensi"})


def periods_needed(row: Row, periode: str) -> int | None:
    """How many periods the target promises to fill, or None when it counts no occurrences."""
    t = row.target
    if not isinstance(t.nilai, int) and not (isinstance(t.nilai, float) and t.nilai.is_integer()):
        return None
    count = int(t.nilai)
    if count <= 0:
        return None
    wording = f"{t.teks} {row.indikator_kinerja}"
    if periode == "triwulan":
        if _QUARTERLY.search(wording):
            return count
        if _MONTHLY.search(wording):
            return -(-count // 3)  # three months to a quarter
        return None  # "12 Kali" in four quarters may well be three a quarter
    if unit_head(t.satuan) in _OCCURRENCE_UNITS or _MONTHLY.search(wording):
        return count
    return None


def _count_mismatch(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    for i, row in enumerate(doc.rows):
        marked = len(set(row.jadwal))
        needed = periods_needed(row, doc.periode)
        if not marked or needed is None or needed <= marked:
            continue
        yield SCHEDULE_COUNT_MISMATCH.at(
            doc,
            i,
            "jadwal",
            in_language(
                {
                    "id": 'Target "{teks}" tetapi hanya {marked} {period} ditandai di jadwal',
                    "en": 'Target "{teks}" but only {marked} {period} marked in the schedule',
                },
                config.lang,
                teks=row.target.teks,
                marked=marked,
                period=_PERIOD_NAMES.get(doc.periode, _PERIOD_NAMES["bulan"])[config.lang],
            ),
        )


SCHEDULE_COUNT_MISMATCH = Rule(
    name="schedule-count-mismatch",
    severity=Severity.WARNING,
    title={
        "id": "Jadwal lebih sedikit dari target",
        "en": "Fewer periods scheduled than the target",
    },
    explanation={
        "id": 'Bila target menghitung kejadian per periode ("12 Kali", laporan bulanan, '
        "setiap triwulan), jumlah bulan atau triwulan yang ditandai harus mencukupi target. "
        "Target berupa dokumen atau laporan yang tidak per periode tidak diperiksa.",
        "en": 'When the target counts occurrences per period ("12 Kali", monthly reports, '
        "every quarter), the months or quarters marked must be enough for the target. "
        "Documents or reports that are not per period are not checked.",
    },
    bad=Example(
        rows=(
            {
                "indikator_kinerja": "Jumlah revisi rencana kerja",
                "target": "12 Kali",
                "jadwal": [2, 4, 6, 8, 9, 10, 11, 12],
            },
        )
    ),
    good=Example(
        rows=(
            {
                "indikator_kinerja": "Jumlah dokumen SOP yang disusun",
                "target": "5 Dokumen",
                "jadwal": [4, 5],
            },
        )
    ),
    check=_count_mismatch,
)

RULES = (EMPTY_SCHEDULE, SCHEDULE_COUNT_MISMATCH)
