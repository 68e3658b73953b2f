"""Document facts from the text around the table: title, unit, year, place/date, signer.

RAKs put these in a few stable shapes: a title line (RENCANA AKSI KINERJA, sometimes with the
unit and year in it), labelled lines (``Nama/Unit Organisasi : ...``, ``Tahun : 2024``; a PDF
may give the label and its value as two pieces of one line), a letterhead above it all, and a
signature block after the table (``extractor.signature``). What a label says wins over what
a title or a letterhead suggests: an office's letterhead names the commission, the labelled
line the unit that plans. Text of tables that are not the RAK (a letterhead or a signature
laid out in a borderless table) counts as text, one block per column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .grid import Grid, Table
from .model import DocumentMeta
from .ocr_fixes import fix_degrees
from .signature import Edges, read_signature, side_by_side

_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z/ .]{3,40}?)\s*:\s*(?P<value>.+?)\s*$")
_BARE_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z/ .]{2,40}?\s*:?\s*$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")
_UNIT = (
    r"(?:SEKRETARIAT\s+(?:KPU|KOMISI PEMILIHAN UMUM)|KPU|KOMISI PEMILIHAN UMUM)\s+"
    r"(?:KABUPATEN|KAB\.?|KOTA|PROVINSI|PROV\.?)\s+[A-Z][A-Z .'-]+?"
)
_UNIT_LINE = re.compile(rf"^{_UNIT}$", re.IGNORECASE)
_TITLE = "RENCANA AKSI KINERJA"
_TITLE_YEAR = re.compile(r"\s+(?:TAHUN(?:\s+ANGGARAN)?|T\.?A\.?)\s+\d{4}\s*$", re.IGNORECASE)
UNIT_LABELS = ("unitorganisasi", "unitkerja", "satuankerja", "namaunit", "satker", "namaopd")
YEAR_LABELS = ("tahunanggaran", "tahun")


@dataclass(slots=True)
class _Text:
    """The document's words outside the RAK: lines before it, blocks after it."""

    before: list[str] = field(default_factory=list)
    after: list[tuple[str, Edges]] = field(default_factory=list)  # (text, its edges)
    after_tables: list[list[str]] = field(default_factory=list)  # one block per column


def _columns(table: Table) -> list[list[str]]:
    """A table that is not the RAK, as blocks that read top-down: one per column."""
    by_x: dict[float, list[str]] = {}
    for row in table.rows:
        for cell in row:
            lines = [" ".join(t.split()) for t in cell.text.split("\n") if t.strip()]
            by_x.setdefault(cell.x0, []).extend(lines)
    return [lines for _, lines in sorted(by_x.items()) if lines]


def _gather(grid: Grid, used_tables: set[int]) -> _Text:
    first = min(used_tables) if used_tables else len(grid.tables)
    last = max(used_tables) if used_tables else -1
    out = _Text()
    for ln in grid.lines:
        text = " ".join(ln.text.split())
        if not text:
            continue
        if ln.after_tables > last:
            out.after.append((text, (ln.x0, ln.x1)))
        else:  # before the RAK, or between its tables (page headers)
            out.before.append(text)
    for pos, table in enumerate(grid.tables):
        if pos in used_tables:
            continue
        blocks = _columns(table)
        if pos < first:
            out.before.extend(t for b in blocks for t in b)
        else:
            out.after_tables.extend(blocks)
    return out


def join_label_lines(lines: Sequence[str]) -> list[str]:
    """A label and its value that came as two lines ("Nama/Unit Organisasi" / ": SEKRE...")
    put back on one line."""
    out: list[str] = []
    for ln in lines:
        if out and ln.startswith(":") and _BARE_LABEL.match(out[-1]) and ":" not in out[-1]:
            out[-1] = f"{out[-1]} {ln}"
        elif out and out[-1].endswith(":") and _BARE_LABEL.match(out[-1]):
            out[-1] = f"{out[-1]} {ln}"
        elif out and _names_meta_label(out[-1]) and not _LABEL.match(ln):
            # The colon lost (a scan's reader drops a lone colon set apart from both):
            # a line that is only a known label takes the next line as its value.
            out[-1] = f"{out[-1]} : {ln}"
        else:
            out.append(ln)
    return out


def _names_meta_label(line: str) -> bool:
    """Whether the line is a bare unit or year label and nothing else ("Unit Organisasi")."""
    if ":" in line or not _BARE_LABEL.match(line):
        return False
    key = re.sub(r"[^a-z]", "", line.lower())
    return any(key.endswith(lb) for lb in (*UNIT_LABELS, *YEAR_LABELS))


def _labelled(lines: Sequence[str], labels: Sequence[str]) -> str | None:
    """The value of the first line whose label names one of ``labels`` (in that order)."""
    found: dict[str, str] = {}
    for ln in lines:
        m = _LABEL.match(ln)
        if not m:
            continue
        label = re.sub(r"[^a-z]", "", m.group("label").lower())
        for lb in labels:
            if lb in label and lb not in found:
                found[lb] = m.group("value").strip()
    return next((found[lb] for lb in labels if lb in found), None)


def _title_at(line: str, title: str = _TITLE) -> tuple[str, str] | None:
    """(title as printed, the rest of the line) when the line opens with ``title`` (the
    RAK's, or a Perjanjian Kinerja's)."""
    words = line.split()
    n = len(title.split())
    for k in (n, n - 1, n + 1):  # a lost or an extra space between the words
        head = " ".join(words[:k])
        if k <= len(words) and fuzz.ratio(head.upper(), title) >= 85:
            return head, " ".join(words[k:])
    return None


def _unit_in(text: str) -> str | None:
    m = re.search(_UNIT + r"(?=\s+(?:TAHUN|TA\b|T\.A\.)|\s*$)", text, re.IGNORECASE)
    return m.group(0).strip() if m else None


def _unit(lines: Sequence[str], title_at: int | None, title: str = _TITLE) -> str | None:
    """The labelled unit; else the unit in the title line or the lines under it; else a unit
    line above the title (the letterhead). A secretariat is preferred to the commission it
    serves among lines of one kind."""
    labelled = _labelled(lines, UNIT_LABELS)
    if labelled:
        return labelled
    for i, ln in enumerate(lines):  # a cover and the table's page may both print the title
        found = _title_at(ln, title)
        text = found[1] if found else ""
        if found and not _TITLE_YEAR.search(text) and i + 1 < len(lines):
            if _TITLE_YEAR.search(f" {lines[i + 1]}"):  # the title wrapped before its year
                text = f"{text} {lines[i + 1]}"
        rest = _TITLE_YEAR.sub("", text).strip()
        if rest and (unit := _unit_in(rest)):
            return unit
    under = lines[title_at + 1 :] if title_at is not None else []
    above = lines[:title_at] if title_at is not None else lines
    for group in (under, above):
        units = [ln for ln in group if _UNIT_LINE.match(ln)]
        units.sort(key=lambda ln: not ln.upper().startswith("SEKRETARIAT"))
        if units:
            return units[0]
    return None


def _year(lines: Sequence[str], title_at: int | None) -> int | None:
    labelled = _labelled(lines, YEAR_LABELS)
    if labelled and (m := _YEAR.search(labelled)):
        return int(m.group(1))
    ordered = list(lines[title_at:]) + list(lines[:title_at]) if title_at is not None else lines
    for ln in ordered:
        if re.search(r"\b(?:TAHUN|T\.?A\.?)\b", ln, re.IGNORECASE) and (m := _YEAR.search(ln)):
            return int(m.group(1))
    return None


def read_meta(grid: Grid, used_tables: set[int], title: str = _TITLE) -> DocumentMeta:
    """The facts around the tables ``used_tables``; ``title`` is the document's kind."""
    text = _gather(grid, used_tables)
    before = join_label_lines(text.before)
    after_lines = join_label_lines([t for t, _ in text.after])
    title_at = next((i for i, ln in enumerate(before) if _title_at(ln, title)), None)
    meta = DocumentMeta()
    if title_at is not None:
        meta.judul = _title_at(before[title_at], title)[0]  # type: ignore[index]
    else:
        meta.judul = next((f[0] for ln in after_lines if (f := _title_at(ln, title))), None)
    meta.unit_organisasi = _unit(before, title_at, title)
    meta.tahun = _year(before, title_at)
    blocks = [*text.after_tables, *side_by_side(text.after)] if text.after else text.after_tables
    sig = read_signature([join_label_lines(b) for b in blocks])
    meta.tempat, meta.tanggal = sig.tempat, sig.tanggal
    if sig.signer is not None:
        if grid.ocr and sig.signer.nama:
            sig.signer.nama = fix_degrees(sig.signer.nama)
        meta.penandatangan = sig.signer
    if meta.tahun is None and meta.tanggal and (m := _YEAR.search(meta.tanggal)):
        meta.tahun = int(m.group(1))
    return meta
