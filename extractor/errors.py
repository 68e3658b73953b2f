"""Typed failures of reading a document.

Readers raise these at the edge, from the library's own error (``raise ... from e``), so the
command line can turn each into one clear line and an exit code in exactly one place. Each
carries its message in Indonesian and English; ``{file}`` and ``{detail}`` are filled in.
"""

from __future__ import annotations

import re

from .language import in_language

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


class RakError(Exception):
    """A document could not be turned into a RAK. Never a bug: a property of the input."""

    messages = {
        "id": "{file}: tidak dapat dibaca ({detail})",
        "en": "{file}: cannot be read ({detail})",
    }

    def __init__(self, file: str, detail: str = "") -> None:
        super().__init__(f"{file}: {detail}")
        self.file = file
        self.detail = detail

    def message(self, lang: str = "id") -> str:
        """One line: a library's detail may span several (lxml, openpyxl), the message not."""
        text = in_language(self.messages, lang, file=self.file, detail=self.detail)
        text = text.replace(" ()", "")
        return _LINE_BREAKS.sub(" ", text)


class UnsupportedFormat(RakError):
    messages = {
        "id": "{file}: bukan berkas PDF, Word atau Excel ({detail})",
        "en": "{file}: not a PDF, Word or Excel file ({detail})",
    }


class FileMissing(RakError):
    """A path given that names nothing (or a link to nothing): said as such, never as a
    damaged file."""

    messages = {
        "id": "berkas tidak ditemukan: {file}",
        "en": "file not found: {file}",
    }


class UnreadableDocument(RakError):
    messages = {
        "id": "{file}: berkas rusak atau tidak dapat dibuka ({detail})",
        "en": "{file}: file is damaged or cannot be opened ({detail})",
    }


class EncryptedDocument(RakError):
    messages = {
        "id": "{file}: berkas terkunci kata sandi; buka dengan --password",
        "en": "{file}: file is password-protected; open it with --password",
    }


class EmptyDocument(RakError):
    messages = {
        "id": "{file}: berkas kosong",
        "en": "{file}: file is empty",
    }


class NoRakTable(RakError):
    messages = {
        "id": "{file}: tidak ditemukan tabel RAK (kolom SASARAN, INDIKATOR, TARGET, KEGIATAN, "
        "jadwal, PELAKSANA) {detail}",
        "en": "{file}: no RAK table found (columns SASARAN, INDIKATOR, TARGET, KEGIATAN, "
        "schedule, PELAKSANA) {detail}",
    }

    def message(self, lang: str = "id") -> str:
        return super().message(lang).rstrip()


class IsPerjanjianKinerja(NoRakTable):
    """A Perjanjian Kinerja given where a RAK is expected: named as such, with the way to
    check a RAK against it (still a ``NoRakTable``: there is no RAK table in it)."""

    messages = {
        "id": "{file}: tidak ditemukan tabel RAK: berkas ini Perjanjian Kinerja (SASARAN, "
        "INDIKATOR KINERJA, TARGET, tanpa jadwal); periksa RAK terhadapnya dengan "
        "rak check RAK --pk {file}",
        "en": "{file}: no RAK table found: this file is a Perjanjian Kinerja (SASARAN, "
        "INDIKATOR KINERJA, TARGET, no schedule); check a RAK against it with "
        "rak check RAK --pk {file}",
    }


class IsRakNotPk(RakError):
    """A RAK given where a Perjanjian Kinerja is expected (``--pk``)."""

    messages = {
        "id": "{file}: bukan Perjanjian Kinerja: berkas ini RAK (ada jadwal pelaksanaan); "
        "--pk meminta Perjanjian Kinerja (SASARAN, INDIKATOR KINERJA, TARGET)",
        "en": "{file}: not a Perjanjian Kinerja: this file is a RAK (it has a schedule); "
        "--pk wants a Perjanjian Kinerja (SASARAN, INDIKATOR KINERJA, TARGET)",
    }


class NoPkTable(RakError):
    messages = {
        "id": "{file}: tidak ditemukan tabel Perjanjian Kinerja (kolom SASARAN, INDIKATOR "
        "KINERJA, TARGET) {detail}",
        "en": "{file}: no Perjanjian Kinerja table found (columns SASARAN, INDIKATOR "
        "KINERJA, TARGET) {detail}",
    }

    def message(self, lang: str = "id") -> str:
        return super().message(lang).rstrip()


class InvalidPkJson(RakError):
    messages = {
        "id": "{file}: JSON Perjanjian Kinerja tidak sesuai skema pk.schema.json ({detail})",
        "en": "{file}: Perjanjian Kinerja JSON does not match pk.schema.json ({detail})",
    }


class InvalidJson(RakError):
    """A file given as the JSON ``rak extract`` writes that is not JSON at all."""

    messages = {
        "id": "{file}: JSON tidak sah ({detail})",
        "en": "{file}: invalid JSON ({detail})",
    }


class TooLarge(RakError):
    messages = {
        "id": "{file}: melebihi batas ({detail})",
        "en": "{file}: exceeds a limit ({detail})",
    }


class TooManyPages(TooLarge):
    """More pages than ``--max-pages``: said with the option that raises the limit."""

    messages = {
        "id": "{file}: {detail} halaman, melebihi batas --max-pages {limit}",
        "en": "{file}: {detail} pages, more than the limit --max-pages {limit}",
    }

    def __init__(self, file: str, pages: int, limit: int) -> None:
        super().__init__(file, str(pages))
        self.limit = limit

    def message(self, lang: str = "id") -> str:
        return in_language(self.messages, lang, file=self.file, detail=self.detail,
                           limit=self.limit)


class TimeLimitExceeded(RakError):
    messages = {
        "id": "{file}: melebihi batas waktu ({detail}); naikkan dengan --timeout",
        "en": "{file}: took longer than the time limit ({detail}); raise it with --timeout",
    }


class MissingTool(RakError):
    messages = {
        "id": "{file}: perlu program tambahan: {detail}",
        "en": "{file}: needs an extra program: {detail}",
    }


class MemoryLimitExceeded(RakError):
    """The input would need more memory than ``--max-memory`` allows.

    Raised where a reader can tell the cost before paying it (a merged range, a sector
    count) and, as a backstop, for a ``MemoryError`` under the worker's address-space limit.
    Either way a property of the input, never a bug of rak.
    """

    messages = {
        "id": "{file}: melebihi batas memori ({detail}); naikkan dengan --max-memory",
        "en": "{file}: exceeds the memory limit ({detail}); raise it with --max-memory",
    }

    def __init__(self, file: str, limit_mb: int, what: str = "") -> None:
        super().__init__(file, f"{limit_mb} MB" + (f": {what}" if what else ""))
        self.limit_mb = limit_mb
