"""What every check yields: one finding, with where to look.

A finding is plain data (frozen), so reports, tests and the bulk summary can sort, count and
compare findings without knowing which rule made them. The location is structured (file, row,
page, field) because a secretariat fixes a RAK by going to a page and a row, not by reading a
traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from extractor.language import in_language
from extractor.model import Lokasi


class Severity(str, Enum):
    """How much a finding matters; ``--fail-on`` compares by ``rank``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def label(self, lang: str = "id") -> str:
        return in_language(SEVERITY_LABELS[self.value], lang)


SEVERITY_LABELS: dict[str, dict[str, str]] = {
    "error": {"id": "kesalahan", "en": "error"},
    "warning": {"id": "peringatan", "en": "warning"},
    "info": {"id": "info", "en": "info"},
}

# Column headings as the document prints them, for messages that name a cell.
FIELD_HEADINGS: dict[str, str] = {
    "sasaran_kegiatan": "SASARAN KEGIATAN",
    "indikator_kinerja": "INDIKATOR KINERJA",
    "target": "TARGET",
    "kegiatan": "KEGIATAN",
    "jadwal": "RENCANA PELAKSANAAN",
    "pelaksana": "PELAKSANA",
}


def field_heading(field: str | None) -> str:
    """The printed heading of a row field (``target.nilai`` -> TARGET), else the field itself."""
    if not field:
        return ""
    return FIELD_HEADINGS.get(field.split(".")[0], field)


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    row: int | None  # 1-based index into ``rows``; None for the whole document
    field: str | None  # a row field (``pelaksana``, ``target.nilai``) or a document one
    message: str  # already in the report's language
    lokasi: Lokasi | None = None  # page and row where the document prints it
    file: str = ""
    # A verify-by-eye finding: the rules whose findings on this row it stands for
    # (``checks.folding``), because a misread may explain them.
    folded: tuple[str, ...] = ()

    @property
    def halaman(self) -> int | None:
        return self.lokasi.halaman if self.lokasi else None

    @property
    def sel(self) -> str | None:
        """The cell of the finding's field in a workbook (``D12``), else None."""
        return self.lokasi.sel(self.field) if self.lokasi else None

    def lokasi_dict(self) -> dict[str, object] | None:
        """Page and row, and where the format has them the sheet and the cell of the field
        (``lembar``, ``baris_lembar``, ``sel``) or the Word table and row (``tabel``,
        ``baris_tabel``)."""
        if self.lokasi is None:
            return None
        out: dict[str, object] = {"halaman": self.lokasi.halaman, "baris": self.lokasi.baris}
        places = self.lokasi.places()
        places.pop("sel_kolom", None)
        out.update(places)
        if self.sel:
            out["sel"] = self.sel
        return out

    def to_dict(self) -> dict[str, object]:
        """The contract's form (CONTRACT.md, ``rak check --format json``)."""
        out: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "row": self.row,
            "field": self.field,
            "message": self.message,
            "lokasi": self.lokasi_dict(),
        }
        if self.folded:
            out["folded"] = list(self.folded)
        return out


def at_or_above(findings: list[Finding], level: Severity | None) -> list[Finding]:
    """The findings that make ``rak check`` fail at ``--fail-on level`` (None: never)."""
    if level is None:
        return []
    return [f for f in findings if f.severity.rank >= level.rank]


def count_by_severity(findings: list[Finding]) -> dict[Severity, int]:
    counts = {s: 0 for s in Severity}
    for f in findings:
        counts[f.severity] += 1
    return counts
