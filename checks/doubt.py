"""Which rows and pages were perhaps misread, and the words for why.

The extractor gives every row a ``keyakinan`` (0..1) and the codes behind it (``alasan``), and
lists the pages whose layout is in doubt (``keraguan``). Here the checks decide, with the
project's thresholds, which rows a person must look at: ``layout-uncertain`` for rows whose
layout evidence brings them under ``min-keyakinan``, ``low-confidence`` for scanned rows whose
only doubt is the OCR itself. One predicate each, so the rules, the folding of findings and
the reports all agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from extractor.language import Words, in_language
from extractor.lexicon import row_suspects
from extractor.model import RakDocument, Row
from extractor.near_words import row_near_words
from extractor.usage import row_oddities

from .config import CheckConfig

# Codes that say the OCR misread words, not that the layout was misread.
OCR_CODES = frozenset(
    {"ocr-low", "ocr-suspect", "ocr-unknown-word", "ocr-unsure-word", "ocr-mended",
     "ocr-unlike-document", "ocr-near-word", "ocr-speck-erased"}
)
UNKNOWN_WORD = "ocr-unknown-word"
UNLIKE_DOCUMENT = "ocr-unlike-document"
NEAR_WORD = "ocr-near-word"

# Each code of ``extractor.doubts`` as a person reads it; a code not listed is shown as is.
REASONS: dict[str, Words] = {
    "straddles-column": {
        "id": "teks melintasi batas kolom",
        "en": "text runs across a column boundary",
    },
    "columns-guessed": {
        "id": "kolom ditebak dari spasi (tanpa garis)",
        "en": "columns guessed from whitespace (no ruling)",
    },
    "rows-guessed": {
        "id": "batas baris ditebak dari spasi",
        "en": "row breaks guessed from whitespace",
    },
    "ruling-disagrees": {
        "id": "garis tabel tidak sesuai dengan sel yang dibaca",
        "en": "the ruling disagrees with the cells read",
    },
    "ocr-low": {"id": "OCR tidak yakin", "en": "OCR unsure"},
    "ocr-suspect": {
        "id": "teks OCR dengan salah baca yang khas (titik nyasar, angka terpisah)",
        "en": "OCR text with a typical misreading (stray stop, split number)",
    },
    "ocr-unknown-word": {
        "id": "kata hasil OCR tidak dikenal",
        "en": "a word read by OCR that is no known word",
    },
    "ocr-unsure-word": {
        "id": "kata dibaca OCR dengan ragu dan tidak dikenal kamus",
        "en": "a word OCR read unsurely that no dictionary knows",
    },
    "ocr-mended": {
        "id": "kata hasil OCR diperbaiki menurut kamus (periksa ejaannya)",
        "en": "a word read by OCR corrected from the dictionary (check its spelling)",
    },
    "ocr-unlike-document": {
        "id": "teks hasil OCR ditulis lain dari sel lain dokumen ini (periksa kata dan tanda "
        "bacanya)",
        "en": "OCR'd text written unlike the document's other cells (check its words and "
        "punctuation)",
    },
    "ocr-near-word": {
        "id": "kata hasil OCR tidak dikenal kamus, satu huruf dari kata yang dikenal (periksa "
        "ejaannya)",
        "en": "a word read by OCR that no dictionary knows, one letter from one it knows "
        "(check its spelling)",
    },
    "ocr-speck-erased": {
        "id": "bintik dihapus sebelum OCR yang mungkin tanda baca (periksa koma dan titik)",
        "en": "a speck erased before OCR that may have been punctuation (check commas and "
        "stops)",
    },
    "mark-unsure": {
        "id": "tanda centang samar (tinta dekat ambang)",
        "en": "faint mark (ink near the threshold)",
    },
    "text-in-period": {
        "id": "teks atau angka di kolom bulan",
        "en": "text or a number in a month column",
    },
    "mark-in-text": {
        "id": "tanda centang di kolom teks",
        "en": "a check mark in a text column",
    },
    "mark-with-text": {
        "id": "tanda centang menyatu dengan teks",
        "en": "a check mark run together with text",
    },
    "two-marks": {
        "id": "dua tanda dalam satu sel (kolom bulan tergabung)",
        "en": "two marks in one cell (month columns merged)",
    },
    "mark-outside-periods": {
        "id": "tanda centang di kolom jadwal tanpa bulan",
        "en": "a mark under a schedule column with no month",
    },
    "outside-columns": {
        "id": "teks di luar semua kolom judul",
        "en": "text outside every heading's column",
    },
    "baselines-differ": {
        "id": "sel baris mulai pada ketinggian berbeda",
        "en": "the row's cells start at different heights",
    },
    "number-row": {
        "id": "baris nomor kolom terbaca sebagai data",
        "en": "the column-number row read as data",
    },
    "header-row": {
        "id": "baris judul terbaca sebagai data",
        "en": "a heading row read as data",
    },
    "row-joined": {
        "id": "baris terpotong halaman disambung dengan tebakan",
        "en": "a row cut by the page break joined by a guess",
    },
    "row-join-guessed": {
        "id": "baris terpotong halaman disambung dengan bukti lemah",
        "en": "a row cut by a page break joined on weak evidence",
    },
    "merge-guessed": {
        "id": "isi sel gabungan dibawa melewati batas halaman dengan tebakan",
        "en": "a merged cell's text carried across a page break by a guess",
    },
    "shading-ignored": {
        "id": "arsiran satu baris penuh tidak dibaca sebagai tanda",
        "en": "a row shaded all across read as no marks",
    },
    "row-split": {
        "id": "baris terpotong halaman mungkin terbaca dua baris",
        "en": "a row cut by the page break perhaps read as two",
    },
    "header-partial": {
        "id": "judul kolom hanya cocok sebagian",
        "en": "a heading matched only in part",
    },
    "column-missing": {
        "id": "kolom utama tidak ditemukan di judul",
        "en": "a main column found in no heading",
    },
    "periods-incomplete": {
        "id": "kolom bulan/triwulan tidak lengkap",
        "en": "the month/quarter columns are incomplete",
    },
    "model-differs": {
        "id": "susunan kolom berbeda dari halaman lain",
        "en": "the columns differ from the other pages'",
    },
    "table-skipped": {
        "id": "tabel di halaman ini tidak menghasilkan baris",
        "en": "the table on this page gave no rows",
    },
}


def reason_text(code: str, lang: str) -> str:
    words = REASONS.get(code)
    return in_language(words, lang) if words else code


def reasons_text(
    codes: list[str], lang: str, words: Mapping[str, Sequence[str]] | None = None
) -> str:
    """The reasons as a person reads them; ``words`` names, per code, the OCR'd words behind
    it ("kata hasil OCR tidak dikenal: 'logist.k', 'Sinvang'")."""
    parts = []
    for c in codes:
        text = reason_text(c, lang)
        named = (words or {}).get(c)
        if named:
            text += ": " + ", ".join(f"'{w}'" for w in named)
        parts.append(text)
    return "; ".join(parts)


def _texts(row: Row) -> list[str]:
    return [row.sasaran_kegiatan, row.indikator_kinerja, row.target.teks, row.kegiatan,
            row.pelaksana]


def suspect_words(doc: RakDocument) -> list[dict[str, list[str]]]:
    """Per row, the words behind its ``ocr-unknown-word``, ``ocr-unlike-document`` and
    ``ocr-near-word``: the tests the extractor ran (``extractor.lexicon``,
    ``extractor.usage``, ``extractor.near_words``), over the rows' own texts, so the reasons
    can name them."""
    out: list[dict[str, list[str]]] = [{} for _ in doc.rows]
    for code, find in ((UNKNOWN_WORD, row_suspects), (UNLIKE_DOCUMENT, row_oddities),
                       (NEAR_WORD, row_near_words)):
        if any(code in r.alasan for r in doc.rows):
            found = find([_texts(r) for r in doc.rows])
            for named, r, words in zip(out, doc.rows, found):
                if code in r.alasan and words:
                    named[code] = words
    return out


def layout_reasons(row: Row, doc: RakDocument) -> list[str]:
    """The row's codes that are about the layout, not the OCR alone.

    A row from JSON written before ``alasan`` existed has no codes: a low keyakinan there is
    the layout's doubt unless the document was read by OCR.
    """
    return [c for c in row.alasan if c not in OCR_CODES]


def in_layout_doubt(row: Row, doc: RakDocument, config: CheckConfig) -> bool:
    if row.keyakinan is None or row.keyakinan >= config.min_keyakinan:
        return False
    return bool(layout_reasons(row, doc)) or (not row.alasan and not doc.source.ocr)


def in_ocr_doubt(row: Row, doc: RakDocument, config: CheckConfig) -> bool:
    """A scanned row whose only doubt is the OCR: low-confidence, not layout-uncertain.

    A row with layout evidence is layout-uncertain's alone, below ``min-keyakinan``: its
    keyakinan holds the layout's weights, which ``min-confidence`` was not set for.
    """
    if not doc.source.ocr or row.keyakinan is None or row.keyakinan >= config.min_confidence:
        return False
    return not layout_reasons(row, doc)


def doubtful_rows(doc: RakDocument, config: CheckConfig) -> set[int]:
    """0-based indexes of the rows a person must verify by eye (either rule)."""
    return {
        i
        for i, row in enumerate(doc.rows)
        if in_layout_doubt(row, doc, config) or in_ocr_doubt(row, doc, config)
    }


def doubtful_pages(doc: RakDocument, config: CheckConfig) -> dict[int | None, list[str]]:
    """Pages whose layout is in doubt, with the reasons to show.

    A page is in doubt when its table-level evidence alone brings it under ``min-keyakinan``,
    or when at least half of the rows read from it are in layout doubt (their most common
    reasons are then the page's).
    """
    pages: dict[int | None, list[str]] = {}
    for d in doc.keraguan:
        if d.keyakinan < config.min_keyakinan:
            pages[d.halaman] = list(d.alasan)
    by_page: dict[int | None, list[Row]] = {}
    for row in doc.rows:
        by_page.setdefault(row.lokasi.halaman, []).append(row)
    for page, rows in by_page.items():
        if page in pages or page is None:
            continue
        doubtful = [r for r in rows if in_layout_doubt(r, doc, config)]
        if doubtful and 2 * len(doubtful) >= len(rows):
            common = Counter(c for r in doubtful for c in layout_reasons(r, doc))
            pages[page] = [c for c, _ in common.most_common(3)]
    return dict(sorted(pages.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)))
