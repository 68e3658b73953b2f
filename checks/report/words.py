"""Words of the reports themselves (headings, summary), Indonesian first, English with en.

Rule titles and messages live with their rules; these are the words around them, shared by
the text and HTML renderers so both say the same thing.
"""

from __future__ import annotations

import re

from extractor.language import in_language
from extractor.model import Lokasi, RakDocument

from ..finding import Finding, Severity
from ..folding import needs_eye

WORDS: dict[str, dict[str, str]] = {
    "document": {"id": "Dokumen", "en": "Document"},
    "row": {"id": "Baris", "en": "Row"},
    "page": {"id": "hal.", "en": "p."},
    "rows_checked": {"id": "{n} baris", "en": "{n} rows"},
    "year": {"id": "tahun", "en": "year"},
    "summary": {"id": "Ringkasan", "en": "Summary"},
    "no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "findings": {"id": "Temuan", "en": "Findings"},
    "title": {"id": "Laporan pemeriksaan RAK", "en": "RAK audit report"},
    "unit": {"id": "Unit organisasi", "en": "Organisation unit"},
    "signed": {"id": "Ditandatangani", "en": "Signed"},
    "file": {"id": "Berkas", "en": "File"},
    "rule": {"id": "Aturan", "en": "Rule"},
    "count": {"id": "Jumlah", "en": "Count"},
    "rows_flagged": {"id": "baris bertanda", "en": "rows flagged"},
    "table": {"id": "Tabel RAK", "en": "RAK table"},
    "no_table": {
        "id": "Tabel tidak dapat ditampilkan: data tidak sesuai skema.",
        "en": "The table cannot be shown: the data does not match the schema.",
    },
    "generated": {"id": "Dibuat oleh rak", "en": "Made by rak"},
    "marked": {"id": "dijadwalkan", "en": "scheduled"},
    "ocr": {"id": "dibaca dengan OCR", "en": "read by OCR"},
    "status": {"id": "Status", "en": "Status"},
    "uncertain_detail": {
        "id": "{what} perlu diperiksa dengan mata: pengekstrak mungkin salah membaca tabel, "
        "jadi temuan di sana belum tentu kesalahan dokumen",
        "en": "{what} to verify by eye: the extractor may have misread the table, so "
        "findings there are not necessarily the document's fault",
    },
    "uncertain_rows": {"id": "{n} baris", "en": "{n} rows"},
    "uncertain_pages": {"id": "{rows} di halaman {pages}", "en": "{rows} on page(s) {pages}"},
    "source_crop": {"id": "Di dokumen (hal. {page})", "en": "In the document (p. {page})"},
    # Where a row or a finding is, in the terms of the program the file is opened with.
    "at_table_row": {"id": "tabel {table}, baris {row}", "en": "table {table}, row {row}"},
    "at_sheet_row": {"id": "lembar {sheet}, baris {row}", "en": "sheet {sheet}, row {row}"},
    "place": {"id": "Lokasi", "en": "Location"},
    # rak check --pk: the pairs of indicators made
    "pk": {"id": "Perjanjian Kinerja", "en": "Perjanjian Kinerja"},
    "pk_pairs": {"id": "Pasangan indikator RAK–PK", "en": "RAK–PK indicator pairs"},
    "pk_pairs_count": {
        "id": "{pairs} dari {pk} indikator PK berpasangan; {missing} tidak ada di RAK; "
        "{extra} indikator RAK di luar PK",
        "en": "{pairs} of {pk} PK indicators paired; {missing} not in the RAK; "
        "{extra} RAK indicators not in the PK",
    },
    "pk_pair": {"id": "PK {pk} → baris {rows}", "en": "PK {pk} → row {rows}"},
    "pk_unpaired": {"id": "PK {pk} → tidak ada", "en": "PK {pk} → none"},
    "pk_not_compared": {
        "id": "indikator tidak dibandingkan: tahun atau kantor berbeda",
        "en": "indicators not compared: another year or office",
    },
}

PLURAL_SEVERITY: dict[Severity, dict[str, str]] = {
    Severity.ERROR: {"id": "kesalahan", "en": "errors"},
    Severity.WARNING: {"id": "peringatan", "en": "warnings"},
    Severity.INFO: {"id": "info", "en": "info"},  # "0 info", as "0 infos" is not English
}

MONTHS: dict[str, list[str]] = {
    "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
QUARTERS = ["TW I", "TW II", "TW III", "TW IV"]


# A checked document's status: what a secretariat or a KPU Provinsi does with it, in that
# order. One table for the single-file reports and the bulk summary (``rak.bulk.summary``).
ERRORS, UNCERTAIN, NOTES, CLEAN = "errors", "uncertain", "notes", "clean"
STATUS_WORDS: dict[str, dict[str, str]] = {
    ERRORS: {"id": "perlu perbaikan", "en": "needs fixing"},
    UNCERTAIN: {"id": "pembacaan tidak yakin", "en": "reading uncertain"},
    NOTES: {"id": "ada catatan", "en": "has notes"},
    CLEAN: {"id": "bersih", "en": "clean"},
}


def check_status(sure_errors: int, eye: int, findings: int) -> str:
    """The status from the counts: errors that are the document's own (outside the rows and
    pages to verify by eye), findings that ask for a look by eye, and all findings.

    A document with errors of its own needs fixing whatever else is in doubt; one whose only
    errors are on rows it may have misread is "pembacaan tidak yakin", kept apart from the
    notes: its table may have been misread, so it must never pass as clean or as notes only.
    """
    if sure_errors:
        return ERRORS
    if eye:
        return UNCERTAIN
    return NOTES if findings else CLEAN


def reading_status(findings: list[Finding]) -> str:
    """``check_status`` of one document's findings."""
    eye = needs_eye(findings)
    eye_ids = {id(f) for f in eye}
    sure = sum(1 for f in findings if f.severity is Severity.ERROR and id(f) not in eye_ids)
    return check_status(sure, len(eye), len(findings))


def status_text(status: str, lang: str) -> str:
    return in_language(STATUS_WORDS[status], lang)


def uncertain_detail(findings: list[Finding], lang: str) -> str:
    """ "12 baris dan halaman 1, 2 perlu diperiksa dengan mata: ..." (empty when sure)."""
    eye = needs_eye(findings)
    if not eye:
        return ""
    rows = {f.row for f in eye if f.row is not None}
    pages = sorted(
        {f.lokasi.halaman for f in eye if f.row is not None and f.lokasi and f.lokasi.halaman}
    )
    what = (in_language(WORDS["uncertain_rows"], lang, n=len(rows)) if rows
            else in_language(WORDS["document"], lang))
    if pages:
        what = in_language(WORDS["uncertain_pages"], lang, rows=what,
                           pages=", ".join(str(p) for p in pages))
    return in_language(WORDS["uncertain_detail"], lang, what=what)


_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_LOOKS_LIKE_CELL = re.compile(r"^[A-Za-z]{1,3}\d+$|^[RrCc]\d*$")


def sheet_ref(sheet: str, ref: str) -> str:
    """``Sheet1!D12``, the sheet quoted as Excel writes it when its name is not one word
    (``'RAK 2024'!D12``): what a person types in Excel's Name Box to go there."""
    plain = _PLAIN_SHEET.match(sheet) and not _LOOKS_LIKE_CELL.match(sheet)
    name = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{ref}"


def row_place(lokasi: Lokasi | None, lang: str) -> str:
    """Where a row is, as a person finds it: ``hal. 3``, ``tabel 1, baris 7`` (Word),
    ``lembar RAK 2024, baris 12`` (Excel); empty when nothing is known."""
    if lokasi is None:
        return ""
    if lokasi.lembar and lokasi.baris_lembar:
        return in_language(WORDS["at_sheet_row"], lang, sheet=lokasi.lembar,
                           row=lokasi.baris_lembar)
    if lokasi.tabel and lokasi.baris_tabel:
        return in_language(WORDS["at_table_row"], lang, table=lokasi.tabel,
                           row=lokasi.baris_tabel)
    if lokasi.halaman is not None:
        return f"{in_language(WORDS['page'], lang)} {lokasi.halaman}"
    return ""


def finding_place(f: Finding, lang: str) -> str:
    """Where a finding is: its cell in a workbook (``'RAK 2024'!D12``), else its row's place."""
    if f.lokasi is not None and f.lokasi.lembar and f.sel:
        return sheet_ref(f.lokasi.lembar, f.sel)
    return row_place(f.lokasi, lang)


def period_labels(periode: str, lang: str) -> list[str]:
    return QUARTERS if periode == "triwulan" else MONTHS.get(lang, MONTHS["id"])


def summary_counts(counts: dict[Severity, int], lang: str) -> str:
    """ "2 kesalahan, 11 peringatan, 0 info"."""
    return ", ".join(
        f"{counts.get(s, 0)} {in_language(PLURAL_SEVERITY[s], lang)}"
        for s in Severity
    )


def shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def pk_pair_lines(doc: RakDocument | None, lang: str) -> tuple[str, str, list[str]] | None:
    """For a RAK checked against a PK: (the PK named, the pairs counted, one line a PK row
    saying which RAK rows carry it), shared by the text and HTML reports; None without a PK.
    """
    from ..pk_match import with_pk

    found = with_pk(doc) if doc is not None else None
    if found is None:
        return None
    pk, pairing = found.pk, found.pairing
    named = " · ".join(
        str(x) for x in (pk.source.file, pk.document.unit_organisasi, pk.document.tahun) if x
    )
    if not pairing.comparable:
        return named, in_language(WORDS["pk_not_compared"], lang), []
    counted = in_language(WORDS["pk_pairs_count"], lang, pairs=len(pairing.pairs), pk=len(pk.rows),
        missing=len(pairing.pk_unpaired), extra=len(pairing.rak_unpaired),
    )
    by_pk = {p.pk: p for p in pairing.pairs}
    lines = []
    for i, row in enumerate(pk.rows):
        pair = by_pk.get(i)
        if pair is None:
            head = in_language(WORDS["pk_unpaired"], lang, pk=i + 1)
        else:
            head = in_language(WORDS["pk_pair"], lang, pk=i + 1,
                               rows=", ".join(str(r + 1) for r in pair.rows))
            if pair.score < 100:
                head += f" ({pair.score:g})"
        lines.append(f"{head}  {shorten(row.indikator_kinerja, 70)}")
    return named, counted, lines
