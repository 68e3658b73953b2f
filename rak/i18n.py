"""User-facing words of the command line, Indonesian first, English with --lang en.

Rule titles and messages live next to their rules in ``checks``; this table holds only the
words of the command line itself; ``extractor.language.in_language`` says them.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "internal_error": {
        "id": "{file}: kesalahan internal rak ({detail}); mohon laporkan",
        "en": "{file}: internal rak error ({detail}); please report it",
    },
    "bad_lang": {
        "id": "bahasa tidak dikenal: {value} (pilih id atau en)",
        "en": "unknown language: {value} (choose id or en)",
    },
    "bad_format": {
        "id": "format keluaran tidak dikenal: {value}",
        "en": "unknown output format: {value}",
    },
    "written": {"id": "ditulis: {path}", "en": "written: {path}"},
    # rak debug
    "bad_dpi": {
        "id": "--dpi harus 20..400, bukan {value}",
        "en": "--dpi must be 20..400, not {value}",
    },
    "no_such_page": {
        "id": "{file}: tidak ada halaman {page}",
        "en": "{file}: there is no page {page}",
    },
    "debug_written": {
        "id": "ditulis ke {path}: {pages} gambar halaman dan JSON",
        "en": "written to {path}: {pages} page pictures and JSON",
    },
    # rak check / rak rules
    "bad_json": {
        "id": "{file}: JSON tidak sah ({detail})",
        "en": "{file}: invalid JSON ({detail})",
    },
    "cannot_write": {
        "id": "{path}: tidak dapat ditulis ({detail})",
        "en": "{path}: cannot be written ({detail})",
    },
    "unknown_rule": {
        "id": "aturan tidak dikenal: {name} (lihat: rak rules)",
        "en": "unknown rule: {name} (see: rak rules)",
    },
    "rule_severity": {"id": "Tingkat bawaan", "en": "Default severity"},
    "rule_bad": {"id": "Contoh salah", "en": "Bad example"},
    "rule_good": {"id": "Contoh benar", "en": "Good example"},
    "rules_hint": {
        "id": "Penjelasan satu aturan: rak rules NAMA",
        "en": "One rule explained: rak rules NAME",
    },
    # bulk runs (rak extract / rak check over many files)
    "status_clean": {"id": "bersih", "en": "clean"},
    "status_findings": {"id": "ada temuan", "en": "findings"},
    "status_unreadable": {"id": "gagal dibaca", "en": "unreadable"},
    "status_read": {"id": "terbaca", "en": "read"},
    "status_uncertain": {"id": "pembacaan tidak yakin", "en": "reading uncertain"},
    "col_file": {"id": "Berkas", "en": "File"},
    "col_unit": {"id": "Unit organisasi", "en": "Organisation unit"},
    "col_year": {"id": "Tahun", "en": "Year"},
    "col_rows": {"id": "Baris", "en": "Rows"},
    "col_errors": {"id": "Kesalahan", "en": "Errors"},
    "col_warnings": {"id": "Peringatan", "en": "Warnings"},
    "col_infos": {"id": "Info", "en": "Infos"},
    "col_status": {"id": "Status", "en": "Status"},
    "col_reason": {"id": "Keterangan", "en": "Reason"},
    "col_report": {"id": "Laporan", "en": "Report"},
    "col_pelaksana": {"id": "Pelaksana", "en": "Pelaksana (unit)"},
    "col_rule": {"id": "Aturan", "en": "Rule"},
    "col_files": {"id": "Berkas terdampak", "en": "Files affected"},
    "bulk_timeout": {
        "id": "melebihi batas waktu {seconds} detik; pembacaan dihentikan",
        "en": "took longer than {seconds} s; reading was stopped",
    },
    "bulk_crash": {
        "id": "proses pembaca berhenti mendadak ({detail})",
        "en": "the reading process died ({detail})",
    },
    "bulk_interrupted": {
        "id": "dibatalkan (Ctrl-C) sebelum selesai dibaca",
        "en": "cancelled (Ctrl-C) before it was read",
    },
    "bulk_totals_check": {
        "id": "{n} berkas: {clean} bersih, {findings} ada temuan, {uncertain} pembacaan tidak "
        "yakin, {unreadable} gagal dibaca",
        "en": "{n} files: {clean} clean, {findings} with findings, {uncertain} reading "
        "uncertain, {unreadable} unreadable",
    },
    "bulk_totals_extract": {
        "id": "{n} berkas: {read} terbaca ({rows} baris), {unreadable} gagal dibaca",
        "en": "{n} files: {read} read ({rows} rows), {unreadable} unreadable",
    },
    "bulk_no_files": {
        "id": "tidak ada berkas RAK (PDF/Word/Excel) di: {paths}",
        "en": "no RAK files (PDF/Word/Excel) in: {paths}",
    },
    "bulk_skipped": {"id": "Dilewati ({n} berkas):", "en": "Skipped files ({n}):"},
    "bulk_stopped": {
        "id": "dihentikan (Ctrl-C): {done} dari {total} berkas selesai; hasilnya disimpan",
        "en": "stopped (Ctrl-C): {done} of {total} files finished; their results are kept",
    },
    "bulk_progress": {"id": "Membaca", "en": "Reading"},
    "bulk_per_min": {"id": "berkas/menit", "en": "files/min"},
    "bulk_bad_jobs": {
        "id": "--jobs harus 1 atau lebih (diberikan: {value})",
        "en": "--jobs must be 1 or more (given: {value})",
    },
    "bulk_bad_timeout": {
        "id": "--timeout harus 0 (tanpa batas) atau lebih (diberikan: {value})",
        "en": "--timeout must be 0 (no limit) or more (given: {value})",
    },
    "bulk_out_not_dir": {
        "id": "{path}: bukan folder; --out perlu folder",
        "en": "{path}: not a folder; --out needs a folder",
    },
    "bulk_html_needs_out": {
        "id": "--format html untuk banyak berkas perlu --out FOLDER",
        "en": "--format html over several files needs --out DIR",
    },
    "bulk_index_title": {"id": "Ringkasan pemeriksaan RAK", "en": "RAK audit summary"},
    "bulk_index_extract_title": {"id": "Ringkasan ekstraksi RAK", "en": "RAK extraction summary"},
    "bulk_by_rule": {"id": "Temuan per aturan", "en": "Findings by rule"},
    "bulk_by_pelaksana": {"id": "Temuan per pelaksana", "en": "Findings by pelaksana"},
    "bulk_files": {"id": "Berkas", "en": "Files"},
    "bulk_empty_pelaksana": {"id": "(kosong)", "en": "(empty)"},
    "skip_duplicate": {"id": "berkas yang sama dengan {detail}", "en": "same file as {detail}"},
    "skip_json_extract": {
        "id": "JSON: hanya dibaca oleh rak check",
        "en": "JSON: read by rak check only",
    },
    "skip_lock_file": {"id": "berkas kunci Office (~$)", "en": "Office lock file (~$)"},
    "skip_json": {
        "id": "JSON yang bukan keluaran rak extract",
        "en": "JSON that rak extract did not write",
    },
    "skip_not_rak": {
        "id": "bukan PDF, Word atau Excel ({detail})",
        "en": "not PDF, Word or Excel ({detail})",
    },
    "skip_hidden_dir": {"id": "folder tersembunyi", "en": "hidden folder"},
    "skip_out_dir": {"id": "folder keluaran (--out)", "en": "the output folder (--out)"},
    "skip_broken_link": {
        "id": "tautan simbolik rusak (ke {detail})",
        "en": "broken symbolic link (to {detail})",
    },
    "skip_link_outside": {
        "id": "tautan simbolik ke luar folder masukan ({detail}); tidak diikuti",
        "en": "symbolic link out of the input folder ({detail}); not followed",
    },
    "skip_link_dir": {
        "id": "tautan ke folder di dalam masukan ({detail}); berkasnya dibaca di sana",
        "en": "link to a folder inside the input ({detail}); its files are read there",
    },
    "skip_not_regular": {
        "id": "bukan berkas biasa ({detail}); tidak dibuka",
        "en": "not a regular file ({detail}); not opened",
    },
    "bulk_report_not_written": {
        "id": "terbaca, tetapi laporannya tidak dapat ditulis ({detail})",
        "en": "read, but its report could not be written ({detail})",
    },
    "bulk_summary_not_written": {
        "id": "tidak dapat ditulis ke {path}: {names} ({detail}); hasil per berkas di atas",
        "en": "could not be written to {path}: {names} ({detail}); the results are above",
    },
    "skip_no_match": {
        "id": "pola tidak cocok dengan berkas apa pun",
        "en": "pattern matches no file",
    },
    # rak check --pk / --pk-dir
    "pk_one_file": {
        "id": "--pk untuk satu RAK; untuk banyak berkas pakai --pk-dir FOLDER (tiap RAK "
        "dipasangkan dengan PK unit dan tahun yang sama)",
        "en": "--pk is for one RAK; for many files use --pk-dir FOLDER (each RAK is paired "
        "with the PK of the same unit and year)",
    },
    "status_pk": {"id": "Perjanjian Kinerja", "en": "Perjanjian Kinerja"},
    "bulk_totals_pk": {"id": "; {n} Perjanjian Kinerja", "en": "; {n} Perjanjian Kinerja"},
    "bulk_no_pk": {"id": "(tanpa PK)", "en": "(no PK)"},
    "bulk_no_rak": {"id": "(tanpa RAK)", "en": "(no RAK)"},
    "col_pair": {"id": "Pasangan", "en": "Paired with"},
    "bulk_pairs": {"id": "Pasangan RAK–Perjanjian Kinerja", "en": "RAK–Perjanjian Kinerja pairs"},
    "bulk_pairs_count": {
        "id": "{pairs} RAK berpasangan dengan PK unit dan tahunnya; {raks} RAK tanpa PK; "
        "{pks} PK tanpa RAK",
        "en": "{pairs} RAKs paired with the PK of their unit and year; {raks} RAKs without a "
        "PK; {pks} PKs without a RAK",
    },
    "bulk_raks_without": {"id": "RAK tanpa PK", "en": "RAKs without a PK"},
    "bulk_pks_without": {"id": "PK tanpa RAK", "en": "PKs without a RAK"},
}

