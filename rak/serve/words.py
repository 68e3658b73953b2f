"""The web page's own words, Indonesian first (``extractor.language.in_language``).

The reports it shows are the command line's (``checks.report``, ``rak.bulk``) in their own
words; these are the page around them, the API's refusals and the command's lines.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "title": {"id": "Pemeriksa RAK", "en": "RAK checker"},
    "tagline": {
        "id": "Periksa Rencana Aksi Kinerja sebelum ditandatangani: PDF (juga hasil pindai), "
        "Word atau Excel.",
        "en": "Check a Rencana Aksi Kinerja before it is signed: PDF (scans too), Word or "
        "Excel.",
    },
    "nav_one": {"id": "Satu berkas", "en": "One file"},
    "nav_many": {"id": "Banyak berkas", "en": "Many files"},
    "switch": {"id": "English", "en": "Bahasa Indonesia"},
    "drop_one": {
        "id": "Tarik berkas RAK ke sini, atau klik untuk memilih",
        "en": "Drop a RAK file here, or click to pick one",
    },
    "drop_many": {
        "id": "Tarik banyak berkas atau satu .zip ke sini, atau klik untuk memilih",
        "en": "Drop many files or one .zip here, or click to pick them",
    },
    "send": {"id": "Periksa", "en": "Check"},
    "limits": {
        "id": "Paling besar {mb} MB sekali kirim, {files} berkas. Berkas diproses di komputer "
        "ini saja dan dihapus {minutes} menit setelah selesai.",
        "en": "At most {mb} MB per upload, {files} files. Files are processed on this "
        "computer only and deleted {minutes} minutes after they are done.",
    },
    "recent": {"id": "Pekerjaan terakhir", "en": "Recent jobs"},
    "uploading": {"id": "Mengunggah…", "en": "Uploading…"},
    "queued": {"id": "menunggu giliran", "en": "waiting for its turn"},
    "running": {"id": "sedang dibaca", "en": "being read"},
    "done": {"id": "selesai", "en": "done"},
    "pages": {"id": "halaman {done} dari {total}", "en": "page {done} of {total}"},
    "files_done": {
        "id": "{done} dari {total} berkas selesai",
        "en": "{done} of {total} files done",
    },
    "waiting": {"id": "menunggu", "en": "waiting"},
    "job": {"id": "Pekerjaan", "en": "Job"},
    "file": {"id": "Berkas", "en": "File"},
    "status": {"id": "Status", "en": "Status"},
    "note": {"id": "Keterangan", "en": "Note"},
    "downloads": {"id": "Unduh", "en": "Download"},
    "dl_report": {"id": "Laporan (HTML)", "en": "Report (HTML)"},
    "dl_json": {"id": "JSON", "en": "JSON"},
    "dl_csv": {"id": "CSV", "en": "CSV"},
    "dl_xlsx": {"id": "Excel (.xlsx) untuk diperbaiki", "en": "Excel (.xlsx) to correct"},
    "dl_reports_zip": {"id": "Semua laporan (.zip)", "en": "All reports (.zip)"},
    "again": {"id": "Periksa berkas lain", "en": "Check another file"},
    "reupload": {
        "id": "Sudah diperbaiki di Excel? Unggah lagi .xlsx-nya untuk diperiksa ulang.",
        "en": "Corrected it in Excel? Upload the .xlsx again to check it again.",
    },
    "kept_until": {
        "id": "Disimpan sampai {time}, lalu dihapus.",
        "en": "Kept until {time}, then deleted.",
    },
    "skipped": {"id": "dilewati", "en": "skipped"},
    "upload_failed": {
        "id": "unggahan terputus (paling besar {mb} MB sekali kirim)",
        "en": "the upload was cut off (at most {mb} MB per upload)",
    },
    "th_errors": {"id": "Kesalahan", "en": "Errors"},
    "th_warnings": {"id": "Peringatan", "en": "Warnings"},
    "th_infos": {"id": "Info", "en": "Info"},
    "job_failed": {"id": "pekerjaan gagal: {detail}", "en": "the job failed: {detail}"},
    # Refusals (the API's "error" field, the page's message).
    "no_file": {
        "id": "tidak ada berkas: kirim berkas di kolom 'file'",
        "en": "no file: send it in the field 'file'",
    },
    "one_file": {
        "id": "satu berkas saja untuk /api/check; banyak berkas: /api/jobs",
        "en": "one file only for /api/check; many files: /api/jobs",
    },
    "too_big": {
        "id": "unggahan terlalu besar: paling besar {mb} MB sekali kirim",
        "en": "upload too large: at most {mb} MB per request",
    },
    "too_many": {
        "id": "terlalu banyak berkas: paling banyak {files} sekali kirim",
        "en": "too many files: at most {files} per request",
    },
    "not_multipart": {
        "id": "kirim berkas sebagai multipart/form-data",
        "en": "send files as multipart/form-data",
    },
    "bad_form": {"id": "formulir unggahan rusak ({detail})", "en": "broken upload form ({detail})"},
    "zip_bad": {"id": "{file}: zip rusak ({detail})", "en": "{file}: broken zip ({detail})"},
    "zip_path": {
        "id": "{file}: nama di dalam zip keluar dari foldernya ({name}); zip ditolak",
        "en": "{file}: a name inside the zip leaves its folder ({name}); zip refused",
    },
    "zip_link": {
        "id": "{file}: zip berisi tautan simbolik ({name}); zip ditolak",
        "en": "{file}: the zip holds a symbolic link ({name}); zip refused",
    },
    "zip_locked": {
        "id": "{file}: zip berkata sandi ({name}); kirim tanpa sandi",
        "en": "{file}: a password-protected zip ({name}); send it without a password",
    },
    "zip_bomb": {
        "id": "{file}: zip terbuka menjadi {size} MB, melebihi batas {limit} MB; zip ditolak",
        "en": "{file}: the zip unpacks to {size} MB, more than the limit of {limit} MB; "
        "zip refused",
    },
    "zip_ratio": {
        "id": "{file}: zip dipadatkan {ratio:.0f} kali, melebihi batas {limit:.0f} kali (bom "
        "zip); zip ditolak",
        "en": "{file}: the zip is packed {ratio:.0f} times, more than the limit of "
        "{limit:.0f} (a zip bomb); zip refused",
    },
    "not_rak_file": {"id": "{file}: {reason}", "en": "{file}: {reason}"},
    "no_job": {
        "id": "pekerjaan tidak ada (mungkin sudah dihapus)",
        "en": "no such job (it may have been deleted)",
    },
    "not_ready": {"id": "pekerjaan belum selesai", "en": "the job is not done yet"},
    "no_such_file": {"id": "tidak ada berkas itu", "en": "no such file"},
    "need_token": {
        "id": "perlu token akses: buka alamat dengan ?token=... yang dicetak rak serve",
        "en": "an access token is needed: open the address with the ?token=... rak serve "
        "printed",
    },
    "bad_host": {"id": "nama host tidak dikenal", "en": "unknown host name"},
    # The command's own lines.
    "serving": {"id": "rak serve: buka {url}", "en": "rak serve: open {url}"},
    "serving_token": {
        "id": "token akses (diminta setiap permintaan): {token}",
        "en": "access token (asked on every request): {token}",
    },
    "token_needed": {
        "id": "--host {host} melayani jaringan: perlu --token (atau biarkan rak membuatnya)",
        "en": "--host {host} serves a network: it needs --token (or let rak make one)",
    },
    "bad_setting": {"id": "rak serve: {detail}", "en": "rak serve: {detail}"},
}
