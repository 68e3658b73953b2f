"""A schedule written as words in one cell: "Januari - Desember", "Jan, Mar, Mei", "TW I s.d. IV".

Some offices give RENCANA PELAKSANAAN one column of text instead of a grid of marks. The
periods are read from month names (or B1..B12, TW I..IV), lists and ranges ("-", "s/d",
"s.d.", "sampai", "hingga"), and from the few phrases meaning every period.
"""

from __future__ import annotations

import re

from .headings import period_label

_EVERY_MONTH = re.compile(
    r"\b(setiap|tiap|sepanjang|selama)\s+(bulan|tahun)\b|\bjanuari\s*-\s*desember\b", re.I
)
_RANGE = re.compile(r"\s*(?:-|–|—|s\s*/\s*d\.?|s\s*\.\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*",
                    re.I)
_TOKEN = re.compile(r"(?:TW|TRIWULAN|TRW|Q)\s*-?\s*(?:IV|III|II|I|[1-4])\b|B\s*\d{1,2}\b|[A-Za-z]+",
                    re.I)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _period(token: str, kind: str | None) -> tuple[str, int] | None:
    found = period_label(token)
    if found:
        return found
    if kind == "triwulan" and token.upper() in _ROMAN:
        return ("triwulan", _ROMAN[token.upper()])
    return None


def parse_schedule(text: str) -> tuple[str, set[int]] | None:
    """("bulan"|"triwulan", periods) for schedule words; None when the text names none."""
    if _EVERY_MONTH.search(text):
        return ("bulan", set(range(1, 13)))
    parts = _RANGE.split(text)
    seps = _RANGE.findall(text)
    kind: str | None = None
    periods: set[int] = set()
    previous: int | None = None
    for n, part in enumerate(parts):
        found = [p for tok in _TOKEN.findall(part) if (p := _period(tok.strip(), kind))]
        if not found:
            previous = None
            continue
        kind = kind or found[0][0]
        found = [p for p in found if p[0] == kind]
        if not found:
            continue
        first = found[0][1]
        if n > 0 and previous is not None and seps[n - 1]:
            periods.update(range(previous, first + 1))
        periods.update(p[1] for p in found)
        previous = found[-1][1]
    if kind is None or not periods:
        return None
    return kind, periods

