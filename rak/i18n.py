"""User-facing words of the command line, Indonesian first, English with --lang en.

Rule titles and messages live next to their rules in ``checks``; this table holds only the
words of the command line itself.
"""

from __future__ import annotations

LANGS = ("id", "en")

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
}


def t(key: str, lang: str = "id", **kwargs: object) -> str:
    entry = WORDS[key]
    return entry.get(lang, entry["id"]).format(**kwargs)
