"""The reading itself: rows and pages the extractor may have misread.

A misread layout looks like a careless document (an empty SASARAN, a month missing, a mark
in PELAKSANA). ``layout-uncertain`` says so instead: on each row whose ``keyakinan`` the
layout evidence brought under ``min-keyakinan``, and once on the document for the pages
whose layout itself is in doubt. The findings such a misread explains are then folded into
the row's finding (``checks.folding``), so the report never blames the document for them.
"""

from __future__ import annotations

from collections.abc import Iterator

from extractor.language import in_language
from extractor.model import RakDocument

from ..config import CheckConfig
from ..doubt import (
    doubtful_pages,
    in_layout_doubt,
    layout_reasons,
    reasons_text,
    suspect_words,
)
from ..finding import Finding, Severity
from ..rule import Example, Rule

ROW_MESSAGE = {
    "id": "Baris ini mungkin salah dibaca (keyakinan {value:.0%}: {reasons}): periksa dengan "
    "mata pada dokumen aslinya",
    "en": "This row may have been misread ({value:.0%} sure: {reasons}): verify it by eye "
    "against the original",
}
FOLDED = {
    "id": "; temuan yang mungkin akibat salah baca, bukan kesalahan dokumen: {titles}",
    "en": "; findings a misread may explain, not the document's fault: {titles}",
}
PAGES_MESSAGE = {
    "id": "Tata letak tabel {where} mungkin salah dibaca ({reasons}): periksa dengan mata "
    "sebelum mempercayai temuan lainnya",
    "en": "The table layout {where} may have been misread ({reasons}): verify it by eye "
    "before trusting the other findings",
}
WHERE = {
    "pages": {"id": "pada halaman {pages}", "en": "on page(s) {pages}"},
    "table": {"id": "dokumen ini", "en": "of this document"},
}


def _pages_finding(doc: RakDocument, config: CheckConfig) -> Finding | None:
    pages = doubtful_pages(doc, config)
    if not pages:
        return None
    numbers = [p for p in pages if p is not None]
    codes = list(dict.fromkeys(c for cs in pages.values() for c in cs))
    where = (
        in_language(WHERE["pages"], config.lang, pages=", ".join(str(p) for p in numbers))
        if numbers
        else in_language(WHERE["table"], config.lang)
    )
    return LAYOUT_UNCERTAIN.on_document(
        doc,
        None,
        in_language(PAGES_MESSAGE, config.lang, where=where,
                    reasons=reasons_text(codes, config.lang)),
    )


def _uncertain(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    page_finding = _pages_finding(doc, config)
    if page_finding is not None:
        yield page_finding
    words = suspect_words(doc)
    for i, row in enumerate(doc.rows):
        if not in_layout_doubt(row, doc, config):
            continue
        reasons = row.alasan or layout_reasons(row, doc)
        yield LAYOUT_UNCERTAIN.at(
            doc,
            i,
            None,
            in_language(
                ROW_MESSAGE,
                config.lang,
                value=row.keyakinan,
                reasons=reasons_text(reasons, config.lang, words[i]) or "-",
            ),
        )


def folded_message(message: str, titles: list[str], lang: str) -> str:
    """A verify-by-eye message that also names the findings folded into it."""
    return message + in_language(FOLDED, lang, titles=", ".join(titles))


LAYOUT_UNCERTAIN = Rule(
    name="layout-uncertain",
    severity=Severity.ERROR,
    title={"id": "Pembacaan tabel tidak yakin", "en": "Table reading uncertain"},
    explanation={
        "id": "Pengekstrak mungkin salah membaca tata letak tabel: teks melintasi batas kolom, "
        "tanda centang di kolom teks, kolom bulan yang tidak lengkap, judul kolom yang hanya "
        "cocok sebagian, baris yang terpotong halaman, dan tanda lain (alasan di JSON). Bila "
        "keyakinan baris di bawah batas (bawaan 0,7; min-keyakinan di rak.toml), baris itu "
        "harus diperiksa dengan mata, dan temuan yang dapat dijelaskan oleh salah baca "
        "(sel kosong, jadwal kosong atau kurang, PELAKSANA tidak sah, kolom bergeser ...) "
        "tidak dilaporkan sebagai kesalahan dokumen, tetapi disebut dalam temuan ini. Halaman "
        "yang tata letaknya sendiri meragukan dilaporkan sekali untuk dokumen.",
        "en": "The extractor may have misread the table's layout: text across column "
        "boundaries, check marks in text columns, incomplete month columns, headings matched "
        "only in part, rows cut by a page break, and other signs (alasan in the JSON). When a "
        "row's keyakinan is below the threshold (0.7 by default; min-keyakinan in rak.toml), "
        "verify that row by eye; findings a misread can explain (empty cells, an empty or "
        "short schedule, an invalid PELAKSANA, a shifted column ...) are not reported as the "
        "document's fault but named in this finding. Pages whose layout itself is in doubt "
        "are reported once for the document.",
    },
    bad=Example(
        rows=(
            {
                "pelaksana": "√ Subbag. Keuangan, Umum dan Logistik",
                "jadwal": list(range(1, 12)),
                "keyakinan": 0.4,
                "alasan": ["mark-with-text", "periods-incomplete"],
            },
        )
    ),
    good=Example(rows=({"keyakinan": 0.9, "alasan": ["columns-guessed"]},)),
    check=_uncertain,
)

RULES = (LAYOUT_UNCERTAIN,)
