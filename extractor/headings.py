"""The words RAK tables use for their columns, and fuzzy matching against them.

Offices word the same column many ways (SASARAN KEGIATAN/STRATEGIS/PROGRAM; KEGIATAN or
RENCANA AKSI; PELAKSANA, PENANGGUNG JAWAB, PIC, UNIT KERJA) and type them with line breaks,
hyphen breaks and small typos. A heading is normalised to upper-case letters and digits, then
compared with rapidfuzz; very short headings (NO, PIC) must match exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

SASARAN = "sasaran_kegiatan"
INDIKATOR = "indikator_kinerja"
TARGET = "target"
KEGIATAN = "kegiatan"
JADWAL = "jadwal"
PELAKSANA = "pelaksana"
NO = "no"
ANGGARAN = "anggaran"

# The roles that make a table a RAK; a header row must show most of them.
CORE_ROLES = (SASARAN, INDIKATOR, TARGET, KEGIATAN, JADWAL, PELAKSANA)

HEADINGS: dict[str, tuple[str, ...]] = {
    SASARAN: (
        "SASARAN KEGIATAN",
        "SASARAN STRATEGIS",
        "SASARAN PROGRAM",
        "SASARAN",
        "SASARAN KINERJA",
        "TUJUAN SASARAN",
    ),
    INDIKATOR: (
        "INDIKATOR KINERJA",
        "INDIKATOR",
        "INDIKATOR KINERJA KEGIATAN",
        "INDIKATOR KINERJA UTAMA",
        "INDIKATOR SASARAN",
    ),
    TARGET: ("TARGET", "TARGET KINERJA", "TARGET TAHUNAN", "TARGET INDIKATOR"),
    KEGIATAN: (
        "KEGIATAN",
        "RENCANA AKSI",
        "RENCANA KEGIATAN",
        "URAIAN KEGIATAN",
        "AKSI",
        "PROGRAM KEGIATAN",
    ),
    JADWAL: (
        "RENCANA PELAKSANAAN",
        "JADWAL",
        "JADWAL PELAKSANAAN",
        "WAKTU PELAKSANAAN",
        "RENCANA PELAKSANAAN KEGIATAN",
        "BULAN",
        "TRIWULAN",
        "RENCANA WAKTU PELAKSANAAN",
        "TAHAPAN PELAKSANAAN",
        "TIME SCHEDULE",
    ),
    PELAKSANA: (
        "PELAKSANA",
        "PENANGGUNG JAWAB",
        "PENANGGUNGJAWAB",
        "PIC",
        "UNIT KERJA",
        "UNIT PELAKSANA",
        "PELAKSANA KEGIATAN",
        "UNIT KERJA PELAKSANA",
    ),
    NO: ("NO", "NOMOR", "NO URUT"),
    ANGGARAN: ("ANGGARAN", "PAGU", "PAGU ANGGARAN", "ANGGARAN RP", "BIAYA", "DANA"),
}

# Headings of columns a RAK may add that are none of its core ones: a column headed so is
# never given a core role by its place.
OTHER_HEADINGS = ("KETERANGAN", "KET", "CATATAN", "OUTPUT", "KELUARAN", "SUMBER DANA",
                  "LOKASI", "SATUAN", "STATUS", "BUKTI", "DATA DUKUNG")  # fmt: skip


def names_other_column(heading: str) -> bool:
    """The heading names one of the extra columns (``OTHER_HEADINGS``), typos allowed."""
    text = heading.upper()
    return any(fuzz.partial_ratio(name, text) >= 90 for name in OTHER_HEADINGS)


_CHOICES = [(h, role) for role, hs in HEADINGS.items() for h in hs]
_CHOICE_TEXT = [h for h, _ in _CHOICES]

MONTHS = (
    ("JANUARI", "JAN"),
    ("FEBRUARI", "FEB", "PEBRUARI", "PEB"),
    ("MARET", "MAR"),
    ("APRIL", "APR"),
    ("MEI", "MAY"),
    ("JUNI", "JUN"),
    ("JULI", "JUL"),
    ("AGUSTUS", "AGT", "AGS", "AGU", "AUG", "AGUST"),
    ("SEPTEMBER", "SEP", "SEPT"),
    ("OKTOBER", "OKT", "OCT"),
    ("NOVEMBER", "NOV", "NOP", "NOPEMBER"),
    ("DESEMBER", "DES", "DEC"),
)
_MONTH_OF = {name: i + 1 for i, names in enumerate(MONTHS) for name in names}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_MONTH_CODE = re.compile(r"^(?:B|BLN|BULAN|BL)\s*0?(\d{1,2})$")
_QUARTER = re.compile(r"^(?:TW|TRIWULAN|TRW|Q|KUARTAL)\s*-?\s*(IV|III|II|I|[1-4])$")
# A month heading written as a date: the year beside a name ("Jan-24", "Januari 2024"), a
# month number with its year ("01/2024", "2024-01"), or the first of the month ("2024-01-01",
# "01/02/2024": day 1 of February, or February 1st; the 1 is the day either way).
_YEAR_AFTER = re.compile(r"^(.*?[A-Z])\s*(?:(?:19|20)\d\d|\d\d)$")
_YEAR_BEFORE = re.compile(r"^(?:19|20)\d\d\s*([A-Z].*)$")
_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(?:19|20)?\d\d\s*$")
_YEAR_MONTH = re.compile(r"^\s*(?:19|20)\d\d\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*0?1)?\s*$")
_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(?:19|20)?\d\d\s*$")


@lru_cache(maxsize=4096)
def normalise_heading(text: str) -> str:
    """Upper-case letters and digits with single spaces; hyphen breaks closed.

    Kept for the texts asked last: layout and the checks ask again for every cell of every
    row, and a table's cells repeat (marks, empty cells, the same unit)."""
    s = text.upper().replace("-\n", "").replace("\n", " ")
    s = re.sub(r"(?<=[A-Z])-(?=[A-Z])", "", s)
    s = re.sub(r"[^A-Z0-9]+", " ", s)
    return " ".join(s.split())


_DECORATION = re.compile(r"\([^)]*\)|\b(?:TAHUN|TA|TH)\b|\b(?:19|20)\d\d\b|\bKE\b", re.I)


def heading_role(text: str) -> str | None:
    """The column role a heading names, or None.

    A heading may carry a year, a unit or an abbreviation ("TARGET 2024", "ANGGARAN (Rp)",
    "RENCANA PELAKSANAAN BULAN KE-"); when the whole does not match, the heading without them
    is tried.
    """
    return heading_match(text)[0]


@lru_cache(maxsize=4096)
def heading_match(text: str) -> tuple[str | None, float]:
    """The role a heading names and how well it matched (0..100; 100 is an exact match).

    The score is evidence for the reading's ``keyakinan``: a heading matched only in part
    (a typo, two headings run together) may mean the header band was misread. Kept for
    the texts asked last, as ``normalise_heading``: every cell is asked, several times.
    """
    found = _match_role(normalise_heading(text))
    if found[0] is None:
        bare = normalise_heading(_DECORATION.sub(" ", text.replace("\n", " ")))
        if bare != normalise_heading(text):
            found = _match_role(bare)
    return found


def _match_role(s: str) -> tuple[str | None, float]:
    if not s or len(s) > 60:  # headings are short; a long cell is data
        return None, 0.0
    if len(s) <= 4:
        for h, role in _CHOICES:
            if s == h:
                return role, 100.0
        return None, 0.0
    best = process.extractOne(s, _CHOICE_TEXT, scorer=fuzz.ratio, score_cutoff=80)
    if best is None:
        return None, 0.0
    return _CHOICES[best[2]][1], float(best[1])


def period_label(text: str) -> tuple[str, int] | None:
    """("bulan", 1..12) or ("triwulan", 1..4) for a schedule sub-heading, else None.

    Bare numbers (1..12) and bare roman numerals are periods only under a schedule heading;
    the caller decides that (``bare=True``).
    """
    s = normalise_heading(text)
    if not s:
        return None
    if s in _MONTH_OF:
        return ("bulan", _MONTH_OF[s])
    m = _MONTH_CODE.match(s)
    if m and 1 <= int(m.group(1)) <= 12:
        return ("bulan", int(m.group(1)))
    m = _QUARTER.match(s)
    if m:
        q = m.group(1)
        return ("triwulan", _ROMAN.get(q) or int(q))
    return _month_as_date(text, s)


def _month_as_date(text: str, s: str) -> tuple[str, int] | None:
    """A month heading written as a date (see ``_YEAR_AFTER`` and its neighbours)."""
    m = _YEAR_AFTER.match(s) or _YEAR_BEFORE.match(s)
    if m and m.group(1) in _MONTH_OF:
        return ("bulan", _MONTH_OF[m.group(1)])
    month: int | None = None
    if m := _MONTH_YEAR.match(text) or _YEAR_MONTH.match(text):
        month = int(m.group(1))
    elif m := _DAY_MONTH_YEAR.match(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first == 1:
            month = second
        elif second == 1:
            month = first
    return ("bulan", month) if month is not None and 1 <= month <= 12 else None


def bare_period(text: str) -> int | None:
    """A number 1..12 or roman I..IV standing alone, as under a 'BULAN'/'TRIWULAN' group."""
    s = normalise_heading(text)
    if s.isdigit() and 1 <= int(s) <= 12:
        return int(s)
    return _ROMAN.get(s)
