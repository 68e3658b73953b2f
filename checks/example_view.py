"""A rule's examples as a person sees them in the document, for ``rak rules NAME``.

Each example is drawn from the very document the tests check (``example_document``), so
what is shown is what the rule fires (or stays quiet) on: the rows as a table with the
document's own headings (the columns the rule's two examples touch, and KEGIATAN to tell
the rows apart), months marked under their names, an empty cell left empty, a cell the
writer put one column too far (``kolom_bergeser``) in that extra column without a heading;
the title and the signature as they are printed; and what is not on the paper (read by
OCR, how sure the reading is and why) said in words under the table. A Perjanjian Kinerja
the RAK is checked against is drawn below it, the same way.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from extractor.language import in_language
from extractor.model import RakDocument
from extractor.pk_model import PkDocument

from .doubt import reasons_text
from .examples import example_document, example_pk
from .finding import FIELD_HEADINGS
from .report.words import MONTHS
from .rule import Example, Rule

WIDTH = 88  # as wide as the explanation above the examples
_ORDER = ("sasaran_kegiatan", "indikator_kinerja", "target", "kegiatan", "jadwal", "pelaksana")
_TITLE_KEYS = ("judul", "unit_organisasi", "tahun")
_SIGNATURE_KEYS = ("tempat", "tanggal", "jabatan", "nama", "nip")

WORDS: dict[str, dict[str, str]] = {
    "no_heading": {"id": "(tanpa judul)", "en": "(no heading)"},
    "empty": {"id": "(kosong)", "en": "(empty)"},
    "ocr": {"id": "Dibaca dengan OCR dari hasil pindai.", "en": "Read by OCR from a scan."},
    "sure": {
        "id": "Keyakinan pembacaan baris {row}: {value:.0%}",
        "en": "Row {row} read with {value:.0%} confidence",
    },
    "why": {"id": " ({reasons})", "en": " ({reasons})"},
    "year": {"id": "TAHUN {tahun}", "en": "TAHUN {tahun}"},
    "pk": {"id": "Perjanjian Kinerja:", "en": "Perjanjian Kinerja:"},
    "signature": {"id": "Tanda tangan:", "en": "Signature:"},
}


def _say(key: str, lang: str, **values: object) -> str:
    return in_language(WORDS[key], lang, **values)


def _touched(examples: Iterable[Example]) -> tuple[list[str], list[str], set[str], bool]:
    """(row fields, metadata keys, shifted fields, whether rows are written at all) of the
    examples, fields in document order."""
    fields: set[str] = {"kegiatan"}
    meta: set[str] = set()
    shifted: set[str] = set()
    rows = False
    for example in examples:
        for changes in example.rows:
            rows |= bool(changes)
            fields |= {k for k in changes if k in _ORDER}
            shifted |= set(changes.get("kolom_bergeser", ()))
        meta |= set(example.document)
        if example.pk is not None:
            for pk_changes in example.pk.rows:
                rows |= bool(pk_changes)
                fields |= set(pk_changes)
            meta |= set(example.pk.document)
    fields |= shifted
    return [f for f in _ORDER if f in fields], sorted(meta), shifted, rows


def _months(rows: Sequence[Any]) -> list[int]:
    """The month columns to draw: the twelve, and any other a row names (month 13 is no
    column of a real RAK, so it stands out as one)."""
    extra = sorted({m for r in rows for m in r.jadwal if not 1 <= m <= 12})
    return list(range(1, 13)) + extra


def _schedule_heading(months: list[int], lang: str) -> str:
    """RENCANA PELAKSANAAN over its month columns, each headed by its initial."""
    names = MONTHS.get(lang, MONTHS["id"])
    marks = " ".join(names[m - 1][0] if 1 <= m <= 12 else str(m) for m in months)
    return f"{FIELD_HEADINGS['jadwal']}\n{marks}"


def _schedule(row: Any, months: list[int]) -> str:
    """A mark under each month the row is scheduled in, a dot under the others."""
    width = {m: 1 if 1 <= m <= 12 else len(str(m)) for m in months}
    return " ".join(("√" if m in row.jadwal else "·").ljust(width[m]) for m in months)


def _cell(row: Any, field: str) -> str:
    value = getattr(row, field)
    if field == "target":
        value = value.teks
    return "" if value is None else str(value)  # an empty cell is drawn empty


def _row_table(rows: Sequence[Any], fields: list[str], shifted: set[str], lang: str) -> Table:
    months = _months(rows) if "jadwal" in fields else []
    # Only a document whose writer put a cell one column too far has the extra column.
    shifted = {f for f in shifted if any(f in getattr(r, "kolom_bergeser", ()) for r in rows)}
    table = Table(box=box.SQUARE, show_lines=True)
    for field in fields:
        if field == "jadwal":
            table.add_column(_schedule_heading(months, lang), no_wrap=True)
        else:
            table.add_column(FIELD_HEADINGS[field], min_width=8)
        if field in shifted:
            table.add_column(_say("no_heading", lang), min_width=8)
    for row in rows:
        moved = set(getattr(row, "kolom_bergeser", ()))
        cells: list[str] = []
        for field in fields:
            text = _schedule(row, months) if field == "jadwal" else _cell(row, field)
            if field in shifted:
                cells += ["", text] if field in moved else [text, ""]
            else:
                cells.append(text)
        table.add_row(*cells)
    return table


def _notes(doc: RakDocument, lang: str) -> list[str]:
    """What the reading adds that is not on the paper."""
    lines = [_say("ocr", lang)] if doc.source.ocr else []
    for n, row in enumerate(doc.rows, start=1):
        if row.keyakinan is None:
            continue
        line = _say("sure", lang, row=n, value=row.keyakinan)
        if row.alasan:
            line += _say("why", lang, reasons=reasons_text(row.alasan, lang))
        lines.append(line)
    return lines


def _shown(value: Any, lang: str) -> str:
    return str(value) if value not in (None, "") else _say("empty", lang)


def _title(meta: Any, keys: list[str], lang: str) -> list[str]:
    """The document's title block as printed, when the example writes any of it."""
    if not set(keys) & set(_TITLE_KEYS):
        return []
    lines = [meta.judul or "", _shown(meta.unit_organisasi, lang)]
    lines.append(_say("year", lang, tahun=_shown(meta.tahun, lang)))
    return [x for x in lines if x]


def _signature(doc: RakDocument, keys: list[str], lang: str) -> list[str]:
    if not set(keys) & set(_SIGNATURE_KEYS):
        return []
    meta, signer = doc.document, doc.document.penandatangan
    place = f"{_shown(meta.tempat, lang)}, {_shown(meta.tanggal, lang)}"
    lines = [place, _shown(signer.jabatan, lang), _shown(signer.nama, lang)]
    if signer.nip:
        lines.append(f"NIP {signer.nip}")
    return [_say("signature", lang)] + [f"  {x}" for x in lines]


def _render(table: Table) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=WIDTH, color_system=None, highlight=False, emoji=False,
                      markup=False)
    console.print(table)
    return out.getvalue().rstrip("\n").splitlines()


def _pk_lines(pk: PkDocument, fields: list[str], keys: list[str], lang: str) -> list[str]:
    lines = ["", _say("pk", lang)]
    lines += _title(pk.document, keys, lang)
    compared = [f for f in fields if f in ("sasaran_kegiatan", "indikator_kinerja", "target")]
    if compared:
        lines += _render(_row_table(pk.rows, compared, set(), lang))
    return lines


def view_lines(example: Example, fields: list[str], keys: list[str], shifted: set[str],
               rows: bool, lang: str) -> list[str]:
    """One example: its title, its rows, its signature, the notes, its PK."""
    doc = example_document(example)
    lines = _title(doc.document, keys, lang)
    if rows:
        lines += _render(_row_table(doc.rows, fields, shifted, lang))
    lines += _signature(doc, keys, lang)
    lines += _notes(doc, lang)
    if example.pk is not None:
        lines += _pk_lines(example_pk(example.pk), fields if rows else [], keys, lang)
    return lines


def rule_example_lines(rule: Rule, lang: str) -> tuple[list[str], list[str]]:
    """The bad and the good example of ``rule``, drawn alike (the same columns in both)."""
    fields, keys, shifted, rows = _touched((rule.bad, rule.good))
    return (view_lines(rule.bad, fields, keys, shifted, rows, lang),
            view_lines(rule.good, fields, keys, shifted, rows, lang))
