"""Words of a bulk run's reports that ``rak.i18n`` does not hold yet, Indonesian first.

``bulk_word`` looks a word up here, then in ``rak.i18n.WORDS`` (the words bulk runs already had).

The statuses a KPU Provinsi acts on (perlu perbaikan / ada catatan / bersih / pembacaan tidak
yakin / gagal dibaca), the sheets and columns of ringkasan.xlsx, and the controls of
index.html. Kept beside the bulk code while ``rak/i18n.py`` is another area's file; they
belong in its table, where they can move unchanged (``in_language`` says either).
"""

from __future__ import annotations

from extractor.language import in_language

from ..i18n import WORDS

BULK_WORDS: dict[str, dict[str, str]] = {
    "totals_check": {
        "id": "{n} berkas: {errors} perlu perbaikan, {notes} ada catatan, {clean} bersih, "
        "{uncertain} pembacaan tidak yakin, {unreadable} gagal dibaca",
        "en": "{n} files: {errors} need fixing, {notes} with notes, {clean} clean, "
        "{uncertain} reading uncertain, {unreadable} unreadable",
    },
    "eye_rows": {
        "id": "{n} baris perlu diperiksa dengan mata",
        "en": "{n} rows to verify by eye",
    },
    "eye_document": {
        "id": "pembacaan tabel perlu diperiksa dengan mata",
        "en": "the table's reading to verify by eye",
    },
    # Sheets of ringkasan.xlsx
    "sheet_summary": {"id": "Ringkasan", "en": "Summary"},
    "sheet_findings": {"id": "Temuan", "en": "Findings"},
    "sheet_by_rule": {"id": "Per aturan", "en": "By rule"},
    "sheet_by_pelaksana": {"id": "Per pelaksana", "en": "By pelaksana"},
    # Columns (ringkasan.xlsx, index.html, the terminal)
    "col_unit_written": {"id": "Unit (seperti tertulis)", "en": "Unit (as written)"},
    "col_row": {"id": "Baris", "en": "Row"},
    "col_total": {"id": "Jumlah", "en": "Total"},
    "col_keyakinan": {"id": "Keyakinan", "en": "Confidence"},
    "col_place": {"id": "Lokasi", "en": "Location"},
    "col_rule_title": {"id": "Artinya", "en": "Meaning"},
    "col_severity": {"id": "Tingkat", "en": "Severity"},
    "col_message": {"id": "Pesan", "en": "Message"},
    "col_written": {"id": "Ditulis sebagai", "en": "Written as"},
    "open_report": {"id": "buka laporan", "en": "open report"},
    # Where a finding is, in the user's terms
    "place_page": {"id": "hal. {n}", "en": "p. {n}"},
    "place_sheet": {"id": "lembar {sheet}", "en": "sheet {sheet}"},
    "place_table": {"id": "tabel {n}", "en": "table {n}"},
    "place_table_row": {"id": "baris {n}", "en": "row {n}"},
    # Pelaksana groups that are not units
    "pelaksana_not_unit": {"id": "(bukan nama unit)", "en": "(not a unit name)"},
    # index.html
    "filter_all": {"id": "semua", "en": "all"},
    "filter_shown": {"id": "ditampilkan: {n} dari {total} berkas",
                     "en": "shown: {n} of {total} files"},
    "filter_hint": {
        "id": "Klik nama aturan di tabel per aturan untuk menampilkan berkas yang memuatnya.",
        "en": "Click a rule in the table by rule to show the files that have it.",
    },
    # the progress bar
    "eta_waiting": {"id": "menunggu {n} berkas", "en": "waiting for {n} file(s)"},
    "eta_left": {"id": "sisa ~{time}", "en": "~{time} left"},
}


def bulk_word(key: str, lang: str, **values: object) -> str:
    """The word ``key`` in ``lang``, from this table or from ``rak.i18n.WORDS``."""
    return in_language(BULK_WORDS.get(key) or WORDS[key], lang, **values)
