"""User-facing words of the command line, Indonesian first, English with --lang en.

Rule titles and messages live next to their rules in ``checks``; this table holds only the
words of the command line itself; ``extractor.language.in_language`` says them.

A run speaks one language (``run_language``): the last ``--lang`` given, else ``RAK_LANG``,
else Indonesian (``rak check`` also takes a rak.toml's ``lang`` when neither is given). The
help pages and typer's usage errors are said in it too (``rak.help``, ``rak.usage``), so the
texts an option or a command declares for its help are declared in both languages where they
are declared: ``said(id=..., en=...)`` hands typer the Indonesian and files the pair here, and
``help_text`` gives it back in the run's language (the way gettext files a message by its source
text, with Indonesian as the source).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from extractor.language import LANGS, Words

LANG_ENV = "RAK_LANG"

_SAID: dict[str, Words] = {}


def _key(text: str) -> str:
    # typer may re-indent a help text (inspect.cleandoc); its words are what is filed.
    return " ".join(text.split())


def said(id: str, en: str) -> str:
    """``id`` (the Indonesian text typer is given), filed with its English ``en``."""
    known = _SAID.setdefault(_key(id), {"id": id, "en": en})
    if known["en"] != en:
        raise ValueError(f"two English texts for {id!r}: {known['en']!r}, {en!r}")
    return id


def help_text(text: str, lang: str) -> str:
    """A text declared with ``said``, in ``lang``; any other text as it is."""
    words = _SAID.get(_key(text))
    if words is None:
        return text
    return words.get(lang, words["id"])


def is_said(text: str) -> bool:
    """Whether ``text`` was declared with ``said`` (a test holds every help text to it)."""
    return _key(text) in _SAID


def run_language(args: Sequence[str], env: Mapping[str, str] = os.environ) -> str:
    """The language of a run, from its arguments before they are parsed: the last
    ``--lang X`` / ``--lang=X``, else ``RAK_LANG``, else Indonesian. A language rak does not
    speak counts as Indonesian here; the command then refuses it in Indonesian."""
    chosen = env.get(LANG_ENV)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen if chosen in LANGS else "id"


WORDS: dict[str, dict[str, str]] = {
    # help pages (rak.help)
    "help_usage": {"id": "Penggunaan:", "en": "Usage:"},
    "help_options_metavar": {"id": "[OPSI]", "en": "[OPTIONS]"},
    "help_command_metavar": {"id": "PERINTAH [ARGUMEN]...", "en": "COMMAND [ARGS]..."},
    "help_arguments": {"id": "Argumen", "en": "Arguments"},
    "help_options": {"id": "Opsi", "en": "Options"},
    "help_commands": {"id": "Perintah", "en": "Commands"},
    "help_default": {"id": "bawaan: {value}", "en": "default: {value}"},
    "help_required": {"id": "wajib", "en": "required"},
    "help_env": {"id": "variabel lingkungan: {name}", "en": "env var: {name}"},
    "help_help": {
        "id": "Tampilkan bantuan ini lalu keluar.",
        "en": "Show this help and exit.",
    },
    "help_one_command": {
        "id": "Bantuan satu perintah: {command} PERINTAH -h",
        "en": "Help on one command: {command} COMMAND -h",
    },
    "version": {"id": "rak {version}", "en": "rak {version}"},
    "version_unknown": {"id": "(versi tidak diketahui)", "en": "(version unknown)"},
    # usage errors (rak.usage)
    "usage_try": {
        "id": "Coba '{command} -h' untuk bantuan.",
        "en": "Try '{command} -h' for help.",
    },
    "usage_error": {"id": "Kesalahan: {message}", "en": "Error: {message}"},
    "usage_no_such_option": {"id": "opsi tidak dikenal: {name}", "en": "no such option: {name}"},
    "usage_did_you_mean": {
        "id": "{message} (mungkin maksudnya: {names})",
        "en": "{message} (did you mean: {names})",
    },
    "usage_missing_argument": {
        "id": "{name} belum diberikan",
        "en": "missing argument {name}",
    },
    "usage_missing_option": {
        "id": "opsi {name} wajib diberikan",
        "en": "missing option {name}",
    },
    "usage_needs_value": {"id": "opsi {name} perlu nilai", "en": "option {name} needs a value"},
    "usage_takes_no_value": {
        "id": "opsi {name} tidak menerima nilai",
        "en": "option {name} does not take a value",
    },
    "usage_bad_value": {
        "id": "nilai tidak sah untuk {name}: harus {expected}",
        "en": "invalid value for {name}: it must be {expected}",
    },
    "usage_bad_value_plain": {
        "id": "nilai tidak sah untuk {name}",
        "en": "invalid value for {name}",
    },
    "usage_integer": {"id": "bilangan bulat", "en": "a whole number"},
    "usage_number": {"id": "bilangan", "en": "a number"},
    "usage_at_least": {"id": "{kind} {low} atau lebih", "en": "{kind} of {low} or more"},
    "usage_at_most": {"id": "{kind} {high} atau kurang", "en": "{kind} of {high} or less"},
    "usage_between": {
        "id": "{kind} dari {low} sampai {high}",
        "en": "{kind} from {low} to {high}",
    },
    "usage_extra_arguments": {
        "id": "argumen berlebih: {args}",
        "en": "unexpected extra argument(s): {args}",
    },
    "usage_no_such_command": {
        "id": "perintah tidak dikenal: {name}",
        "en": "no such command: {name}",
    },
    "usage_missing_command": {"id": "perintah belum diberikan", "en": "missing command"},
    "usage_aborted": {"id": "Dibatalkan.", "en": "Aborted."},
    "internal_error": {
        "id": "{file}: kesalahan internal rak ({detail}); mohon laporkan",
        "en": "{file}: internal rak error ({detail}); please report it",
    },
    "bad_lang": {
        "id": "bahasa tidak dikenal: {value} (pilih id atau en)",
        "en": "unknown language: {value} (choose id or en)",
    },
    "bad_format": {
        "id": "format keluaran tidak dikenal: {value} (pilih {choices})",
        "en": "unknown output format: {value} (choose {choices})",
    },
    "format_not_written": {
        "id": "{path}: perintah ini tidak menulis {format}; pilih -f {choices}",
        "en": "{path}: this command does not write {format}; choose -f {choices}",
    },
    "written": {"id": "ditulis: {path}", "en": "written: {path}"},
    "reading_pages": {"id": "Membaca {file}, halaman", "en": "Reading {file}, pages"},
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
    "unknown_rule_near": {
        "id": "aturan tidak dikenal: {name}; mungkin maksudnya: {names}",
        "en": "unknown rule: {name}; did you mean: {names}",
    },
    "rule_severity": {"id": "Tingkat bawaan", "en": "Default severity"},
    "rule_bad": {"id": "Contoh salah", "en": "Bad example"},
    "rule_good": {"id": "Contoh benar", "en": "Good example"},
    "rules_hint": {
        "id": "Penjelasan satu aturan: rak rules NAMA",
        "en": "One rule explained: rak rules NAME",
    },
    # bulk runs (rak extract / rak check over many files)
    # (a checked file's statuses are checks.report.words.STATUS_WORDS, one table for all)
    "status_unreadable": {"id": "gagal dibaca", "en": "unreadable"},
    "status_read": {"id": "terbaca", "en": "read"},
    "col_file": {"id": "Berkas", "en": "File"},
    "col_unit": {"id": "Unit organisasi", "en": "Organisation unit"},
    "col_year": {"id": "Tahun", "en": "Year"},
    "col_rows": {"id": "Baris", "en": "Rows"},
    "col_errors": {"id": "Kesalahan", "en": "Errors"},
    "col_warnings": {"id": "Peringatan", "en": "Warnings"},
    "col_infos": {"id": "Info", "en": "Info"},
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
    "skip_empty": {"id": "berkas kosong", "en": "empty file"},
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

