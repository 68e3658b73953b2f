"""The page around the table: the year, and the place, date and signer under it.

A RAK without a signature is a draft, and one signed for another year than its title is
the previous year's document with a new cover: both are worth stopping before it is filed.
A RAK signed in December for the following year is normal and not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extractor.language import in_language
from extractor.model import RakDocument

from ..config import CheckConfig
from ..finding import Finding, Severity
from ..rule import Example, Rule

_YEAR = re.compile(r"\b(19\d{2}|20\d{2}|21\d{2})\b")
_DECEMBER = re.compile(r"\b(desember|des|december|dec)\b|\b12\s*[-/.]", re.IGNORECASE)

_PARTS = {
    "tempat": {"id": "tempat", "en": "place"},
    "tanggal": {"id": "tanggal", "en": "date"},
    "jabatan": {"id": "jabatan", "en": "title"},
    "nama": {"id": "nama", "en": "name"},
}


def _signature(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    meta = doc.document
    values = {
        "tempat": meta.tempat,
        "tanggal": meta.tanggal,
        "jabatan": meta.penandatangan.jabatan,
        "nama": meta.penandatangan.nama,
    }
    missing = [name for name, value in values.items() if not (value or "").strip()]
    if missing:
        parts = ", ".join(_PARTS[m][config.lang] for m in missing)
        yield MISSING_SIGNATURE.on_document(
            doc,
            "penandatangan",
            in_language(
                {
                    "id": "Pengesahan di bawah tabel tidak lengkap: {parts} tidak ada",
                    "en": "The signature block under the table is incomplete: no {parts}",
                },
                config.lang,
                parts=parts,
            ),
        )


MISSING_SIGNATURE = Rule(
    name="missing-signature",
    severity=Severity.WARNING,
    title={"id": "Pengesahan tidak lengkap", "en": "Incomplete signature block"},
    explanation={
        "id": "Di bawah tabel RAK harus ada tempat dan tanggal, jabatan (SEKRETARIS) dan nama "
        "penandatangan. Tanpa itu dokumen masih berupa konsep.",
        "en": "Under the RAK table there must be a place and date, the signer's title "
        "(SEKRETARIS) and name. Without them the document is still a draft.",
    },
    bad=Example(document={"tempat": "SUNGAI RAYA", "tanggal": "", "nama": ""}),
    good=Example(document={"tempat": "SUNGAI RAYA", "tanggal": "JANUARI 2024", "nama": "FITRI"}),
    check=_signature,
)


def _missing_year(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    if doc.document.tahun is None:
        yield MISSING_YEAR.on_document(
            doc,
            "tahun",
            in_language(
                {
                    "id": "Tahun RAK tidak ditemukan (Tahun : ... di bawah judul)",
                    "en": "The RAK's year was not found (Tahun : ... under the title)",
                },
                config.lang,
            ),
        )


MISSING_YEAR = Rule(
    name="missing-year",
    severity=Severity.WARNING,
    title={"id": "Tahun tidak ada", "en": "No year"},
    explanation={
        "id": "RAK berlaku untuk satu tahun anggaran, yang ditulis di bawah judul "
        '("Tahun : 2024"). Tanpa tahun dokumen tidak dapat diarsipkan dengan benar.',
        "en": 'A RAK is for one budget year, written under the title ("Tahun : 2024"). '
        "Without it the document cannot be filed right.",
    },
    bad=Example(document={"tahun": None}),
    good=Example(document={"tahun": 2024}),
    check=_missing_year,
)


def signing_year(tanggal: str | None) -> int | None:
    found = _YEAR.findall(tanggal or "")
    return int(found[-1]) if found else None


def _year_mismatch(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    tahun = doc.document.tahun
    signed = signing_year(doc.document.tanggal)
    if tahun is None or signed is None or signed == tahun:
        return
    if signed == tahun - 1 and _DECEMBER.search(doc.document.tanggal or ""):
        return  # signed in December for the coming year
    yield YEAR_MISMATCH.on_document(
        doc,
        "tanggal",
        in_language(
            {
                "id": 'Tahun RAK {tahun}, tetapi ditandatangani "{tanggal}"',
                "en": 'The RAK is for {tahun}, but signed "{tanggal}"',
            },
            config.lang,
            tahun=tahun,
            tanggal=doc.document.tanggal,
        ),
    )


YEAR_MISMATCH = Rule(
    name="year-mismatch",
    severity=Severity.WARNING,
    title={"id": "Tahun tidak cocok", "en": "Year mismatch"},
    explanation={
        "id": "Tahun di bawah judul dan tahun tanggal pengesahan harus sama (penandatanganan "
        "pada Desember tahun sebelumnya diterima). Selisih biasanya berarti dokumen tahun lalu "
        "yang belum diperbarui.",
        "en": "The year under the title and the year of the signing date must agree (signing "
        "in December of the year before is accepted). A difference usually means last "
        "year's document not yet updated.",
    },
    bad=Example(document={"tahun": 2024, "tanggal": "JANUARI 2023"}),
    good=Example(document={"tahun": 2024, "tanggal": "DESEMBER 2023"}),
    check=_year_mismatch,
)

RULES = (MISSING_SIGNATURE, MISSING_YEAR, YEAR_MISMATCH)
