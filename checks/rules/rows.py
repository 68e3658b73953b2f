"""Whole-row concerns: a repeated row, cells found in the wrong column, an OCR row to verify."""

from __future__ import annotations

from collections.abc import Iterator

from extractor.language import in_language
from extractor.model import RakDocument

from ..config import CheckConfig
from ..doubt import in_ocr_doubt, reasons_text, suspect_words
from ..finding import Finding, Severity, field_heading
from ..rule import Example, Rule


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _duplicates(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    first_seen: dict[tuple[str, str], int] = {}
    for i, row in enumerate(doc.rows):
        key = (_key(row.indikator_kinerja), _key(row.kegiatan))
        if not all(key):
            continue
        if key in first_seen:
            yield DUPLICATE_ROW.at(
                doc,
                i,
                None,
                in_language(
                    {
                        "id": "INDIKATOR dan KEGIATAN sama dengan baris {other}",
                        "en": "INDIKATOR and KEGIATAN are the same as row {other}",
                    },
                    config.lang,
                    other=first_seen[key] + 1,
                ),
            )
        else:
            first_seen[key] = i


DUPLICATE_ROW = Rule(
    name="duplicate-row",
    severity=Severity.WARNING,
    title={"id": "Baris ganda", "en": "Duplicate row"},
    explanation={
        "id": "Dua baris dengan INDIKATOR KINERJA dan KEGIATAN yang sama biasanya salinan "
        "yang terlupa, atau baris yang terpotong di batas halaman dan tercetak dua kali.",
        "en": "Two rows with the same INDIKATOR KINERJA and KEGIATAN are usually a forgotten "
        "copy, or a row split at a page break and printed twice.",
    },
    bad=Example(
        rows=(
            {"indikator_kinerja": "Persentase arsip yang dikelola", "kegiatan": "Membuat JRA"},
            {"indikator_kinerja": "Persentase arsip yang dikelola", "kegiatan": "Membuat JRA"},
        )
    ),
    good=Example(
        rows=(
            {"indikator_kinerja": "Persentase arsip yang dikelola", "kegiatan": "Membuat JRA"},
            {"indikator_kinerja": "Persentase arsip yang dikelola", "kegiatan": "Memilah arsip"},
        )
    ),
    check=_duplicates,
)


def _shifted(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    for i, row in enumerate(doc.rows):
        for field_name in row.kolom_bergeser:
            yield COLUMN_SHIFT.at(
                doc,
                i,
                field_name,
                in_language(
                    {
                        "id": "Isi {heading} tertulis di kolom tambahan tanpa judul, di luar "
                        "kolomnya; pindahkan ke kolom {heading}",
                        "en": "The {heading} text sits in an extra, unlabeled column; move "
                        "it into the {heading} column",
                    },
                    config.lang,
                    heading=field_heading(field_name),
                ),
            )


COLUMN_SHIFT = Rule(
    name="column-shift",
    severity=Severity.WARNING,
    title={"id": "Isi sel bergeser kolom", "en": "Cell shifted to another column"},
    explanation={
        "id": "Pengekstrak menemukan isi sel di kolom tambahan tanpa judul (misalnya PELAKSANA "
        "satu kolom di kanan tabel) dan memindahkannya kembali. Dokumen aslinya perlu "
        "dirapikan agar tercetak dan terbaca benar.",
        "en": "The extractor found a cell's text in an extra, unlabeled column (for example "
        "PELAKSANA one column right of the table) and moved it back. The original document "
        "needs tidying so it prints and reads right.",
    },
    bad=Example(rows=({"kolom_bergeser": ["pelaksana"]},)),
    good=Example(rows=({"kolom_bergeser": []},)),
    check=_shifted,
)


def _low_confidence(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    words = suspect_words(doc)
    for i, row in enumerate(doc.rows):
        if in_ocr_doubt(row, doc, config):
            message = in_language(
                {
                    "id": "Baris dibaca dengan OCR, keyakinan {value:.0%}: periksa dengan "
                    "melihat dokumen aslinya",
                    "en": "Row read by OCR with {value:.0%} confidence: verify it against "
                    "the original",
                },
                config.lang,
                value=row.keyakinan,
            )
            if row.alasan:
                message += f" ({reasons_text(row.alasan, config.lang, words[i])})"
            yield LOW_CONFIDENCE.at(doc, i, None, message)


LOW_CONFIDENCE = Rule(
    name="low-confidence",
    severity=Severity.WARNING,
    title={"id": "Hasil OCR meragukan", "en": "Low OCR confidence"},
    explanation={
        "id": "Baris dari dokumen hasil pindai dibaca dengan OCR. Bila keyakinan terendah "
        "selnya di bawah batas (bawaan 0,8; min-confidence di rak.toml), atau baris memuat "
        "kata hasil OCR yang tidak dikenal (tanda baca nyasar di dalam kata, ejaan yang "
        "tidak ada di kamus dan berbeda satu huruf dari kata yang ditulis dokumen), periksa "
        "baris itu dengan mata sebelum mempercayai pemeriksaan lainnya.",
        "en": "Rows of a scanned document are read by OCR. When a row's lowest cell "
        "confidence is below the threshold (0.8 by default; min-confidence in rak.toml), or "
        "the row holds a word OCR read that is no known word (a stray glyph inside a word, "
        "a spelling no dictionary knows one letter from a word the document writes), "
        "verify it by eye before trusting the other checks.",
    },
    bad=Example(rows=({"keyakinan": 0.42},), ocr=True),
    good=Example(rows=({"keyakinan": 0.97},), ocr=True),
    check=_low_confidence,
)

RULES = (DUPLICATE_ROW, COLUMN_SHIFT, LOW_CONFIDENCE)
