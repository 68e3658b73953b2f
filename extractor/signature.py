"""The signature block under a RAK: place and date, the signer's title, name and NIP.

Offices print it in a few shapes: paragraphs indented to the right, a borderless table of
one or two columns, or two blocks side by side ("Mengetahui, / Ketua ..." on the left, the
dated "Sekretaris," on the right). The RAK's signer is the one under the place and date; the
other block only acknowledges it. So the text is cut into blocks (a column of a table, one
side of a two-sided page), the block holding the date is read, and in it the lines after
the date: office lines, the title (``SEKRETARIS,``), the name as printed, ``NIP. ...``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .headings import MONTHS
from .model import Signer

_MONTH_NAMES = "|".join(sorted({n for names in MONTHS for n in names}, key=len, reverse=True))
_WRITTEN_DATE = rf"(?:\d{{1,2}}\s*)?(?:{_MONTH_NAMES})\.?\s*\d{{4}}"
_NUMERIC_DATE = r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}"
_TANGGAL = rf"(?:{_WRITTEN_DATE}|{_NUMERIC_DATE})"
_DATE = re.compile(
    rf"^(?P<tempat>[A-Za-z][A-Za-z .'\-]{{1,40}}?)\s*,\s*(?P<tanggal>{_TANGGAL})\s*$",
    re.IGNORECASE,
)
_PLACE = re.compile(r"^(?:ditetapkan|dibuat|dikeluarkan)\s+di\s*:?\s*(?P<tempat>.+?)\s*$", re.I)
_ON_DATE = re.compile(rf"^pada\s+tanggal\s*:?\s*(?P<tanggal>{_TANGGAL})\s*$", re.I)
_NIP = re.compile(r"^\s*N\s?I\s?P(?![A-Za-z])\.?\s*:?\s*(?P<nip>[\d ]*)\s*$", re.IGNORECASE)
_ACKNOWLEDGE = re.compile(r"^(?:mengetahui|menyetujui|disetujui|diketahui)\b", re.IGNORECASE)
# Words a signer's title holds ("Plh. SEKRETARIS", "a.n. Ketua", "Kepala Subbagian ...").
_TITLE_WORDS = re.compile(
    r"\b(?:sekretaris|ketua|kepala|kasubbag|kabag|plh|plt|pj|pejabat|koordinator|direktur)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Signature:
    tempat: str | None = None
    tanggal: str | None = None
    signer: Signer | None = None


def _date_at(lines: Sequence[str], i: int) -> tuple[str, str, int] | None:
    """(tempat, tanggal, lines used) when a place-and-date starts at line ``i``."""
    m = _DATE.match(lines[i])
    if m:
        return " ".join(m.group("tempat").split()), m.group("tanggal"), 1
    place = _PLACE.match(lines[i])
    if place and i + 1 < len(lines) and (on := _ON_DATE.match(lines[i + 1])):
        return place.group("tempat"), on.group("tanggal"), 2
    return None


def _signer(rest: Sequence[str]) -> Signer:
    """Title, name and NIP from the lines under the date, up to the next block's start."""
    lines: list[str] = []
    nip: str | None = None
    for ln in rest:
        m = _NIP.match(ln)
        if m:
            digits = m.group("nip").replace(" ", "")
            nip = digits or None
            break
        if _ACKNOWLEDGE.match(ln) or _date_at([ln], 0):
            break
        lines.append(ln)
    signer = Signer(nip=nip)
    title = next((i for i, ln in enumerate(lines) if ln.endswith(",") and len(ln) <= 80), None)
    if title is None:
        titled = [i for i, ln in enumerate(lines[:-1]) if _TITLE_WORDS.search(ln)]
        title = titled[-1] if titled else None
    if title is not None:
        signer.jabatan = lines[title].rstrip(",").strip()
        names = lines[title + 1 :]
        name = names[0] if names and nip is None else (names[-1] if names else None)
    else:
        name = lines[-1] if lines else None
    if name:
        signer.nama = _as_printed_name(name)
    return signer


def _as_printed_name(text: str) -> str:
    """The name without the brackets or underline some offices print around it."""
    t = text.strip().strip("_").strip()
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    return t


def read_signature(blocks: Sequence[Sequence[str]]) -> Signature:
    """The signature of the first block that holds a place and date; else an undated one.

    A block is lines that read in order (paragraphs, or one column of a table or page).
    """
    for block in blocks:
        for i in range(len(block)):
            found = _date_at(block, i)
            if found:
                tempat, tanggal, used = found
                return Signature(tempat, tanggal, _signer(block[i + used :]))
    return Signature()


Edges = tuple[float | None, float | None]


def side_by_side(lines: Sequence[tuple[str, Edges]]) -> list[list[str]]:
    """Cut lines that came out of a page two blocks at a time into one block per side.

    A reader emits a page's lines top to bottom, each visual line's parts left to right; so
    a part that starts right of where the part before it ends sits beside it on the same
    line (a centred block's next line overlaps the one above instead). Where some line has
    two parts, the blocks are split between the left parts' and the right parts' edges;
    lines alone on their line go to the side their left edge lies on.
    """
    pairs = [
        (prev[1], cur[0])
        for (_, cur), (_, prev) in zip(lines[1:], lines[:-1])
        if cur[0] is not None and prev[1] is not None and cur[0] > prev[1]
    ]
    if not pairs:
        return [[t for t, _ in lines]]
    split = (max(end for end, _ in pairs) + min(start for _, start in pairs)) / 2
    left = [t for t, (x0, _) in lines if x0 is None or x0 < split]
    right = [t for t, (x0, _) in lines if x0 is not None and x0 >= split]
    return [left, right]
