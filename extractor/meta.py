"""Document facts from the text around the table: title, unit, year, place/date, signer.

RAKs put these in a few stable shapes: a title line (RENCANA AKSI KINERJA), labelled lines
(``Nama/Unit Organisasi : ...``, ``Tahun : 2024``), and a signature block after the table
(``SUNGAI RAYA, JANUARI 2024`` / office lines / ``SEKRETARIS,`` / name / ``NIP. ...``). Text
of tables that are not the RAK (a signature laid out in a borderless table) counts as text.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .grid import Grid
from .headings import MONTHS
from .model import DocumentMeta, Signer
from .text import join_lines

_MONTH_NAMES = "|".join(sorted({n for names in MONTHS for n in names}, key=len, reverse=True))
_DATE = re.compile(
    rf"^(?P<tempat>[A-Za-z][A-Za-z .'\-]{{1,40}}?)\s*,\s*(?P<tanggal>(?:\d{{1,2}}\s+)?"
    rf"(?:{_MONTH_NAMES})\.?\s+\d{{4}})\s*$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z/ .]{3,40}?)\s*:\s*(?P<value>.+?)\s*$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")
_NIP = re.compile(r"^\s*NIP\.?\s*:?\s*(?P<nip>[\d ]{8,30})\s*$", re.IGNORECASE)
_UNIT_LINE = re.compile(
    r"^(?:SEKRETARIAT\s+(?:KPU|KOMISI PEMILIHAN UMUM)|KPU|KOMISI PEMILIHAN UMUM)\s+"
    r"(?:KABUPATEN|KAB\.?|KOTA|PROVINSI|PROV\.?)\s+[A-Z][A-Z .'-]+$",
    re.IGNORECASE,
)
_TITLE = "RENCANA AKSI KINERJA"
_TITLE_YEAR = re.compile(r"\s+(TAHUN|TA\.?)\s+\d{4}\s*$", re.IGNORECASE)


def _text_lines(grid: Grid, used_tables: set[int]) -> tuple[list[str], list[str]]:
    """Lines before the first RAK table and lines after the last one, in reading order."""
    first = min(used_tables) if used_tables else len(grid.tables)
    last = max(used_tables) if used_tables else -1
    before: list[str] = []
    after: list[str] = []
    by_position: dict[int, list[str]] = {}
    for ln in grid.lines:
        by_position.setdefault(ln.after_tables, []).append(ln.text)
    for pos in range(len(grid.tables) + 1):
        for text in by_position.get(pos, []):
            (before if pos <= first else after if pos > last else before).append(text)
        if pos < len(grid.tables) and pos not in used_tables:
            cells = [join_lines(c.text) for row in grid.tables[pos].rows for c in row]
            target = before if pos < first else after
            for text in cells:
                target.extend(t for t in text.split("\n") if t)
    for pos, texts in by_position.items():
        if pos > len(grid.tables):
            after.extend(texts)
    return _clean(before), _clean(after)


def _clean(lines: list[str]) -> list[str]:
    return [" ".join(x.split()) for x in lines if x.strip()]


def _labelled(lines: list[str], *labels: str) -> str | None:
    for ln in lines:
        m = _LABEL.match(ln)
        if not m:
            continue
        label = m.group("label").lower().replace(" ", "")
        if any(lb in label for lb in labels):
            return m.group("value").strip()
    return None


def _unit_line(lines: list[str]) -> str | None:
    """An unlabelled unit line under the title ("SEKRETARIAT KPU KABUPATEN SAMBAS"); a
    secretariat is preferred to the commission it serves."""
    found = [ln for ln in lines if _UNIT_LINE.match(ln)]
    found.sort(key=lambda ln: not ln.upper().startswith("SEKRETARIAT"))
    return found[0] if found else None


def _title(lines: list[str]) -> str | None:
    for ln in lines:
        head = _TITLE_YEAR.sub("", ln).strip()
        if fuzz.ratio(head.upper(), _TITLE) >= 85:
            return head
    return None


def _signature(after: list[str]) -> tuple[str | None, str | None, Signer]:
    tempat = tanggal = None
    start = 0
    for i, ln in enumerate(after):
        m = _DATE.match(ln)
        if m:
            tempat, tanggal = " ".join(m.group("tempat").split()), m.group("tanggal")
            start = i + 1
            break
    signer = Signer()
    rest = after[start:]
    for i, ln in enumerate(rest):
        if ln.endswith(",") and len(ln) <= 60:
            signer.jabatan = ln.rstrip(",").strip()
            for nxt in rest[i + 1 :]:
                nip = _NIP.match(nxt)
                if nip:
                    signer.nip = nip.group("nip").replace(" ", "")
                    break
                if signer.nama is None:
                    signer.nama = nxt.strip()
            break
    return tempat, tanggal, signer


def read_meta(grid: Grid, used_tables: set[int]) -> DocumentMeta:
    before, after = _text_lines(grid, used_tables)
    meta = DocumentMeta()
    meta.judul = _title(before) or _title(after)
    meta.unit_organisasi = _labelled(
        before, "unitorganisasi", "unitkerja", "satuankerja"
    ) or _unit_line(before)
    year_text = _labelled(before, "tahun")
    if year_text and (m := _YEAR.search(year_text)):
        meta.tahun = int(m.group(1))
    else:
        for ln in before:
            if "TAHUN" in ln.upper() and (m := _YEAR.search(ln)):
                meta.tahun = int(m.group(1))
                break
    meta.tempat, meta.tanggal, meta.penandatangan = _signature(after)
    if meta.tahun is None and meta.tanggal and (m := _YEAR.search(meta.tanggal)):
        meta.tahun = int(m.group(1))
    return meta
