"""Options of one extraction, typed and defaulted once, passed down as one object."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .collector import CollectorSettings
from .evidence import EvidenceSettings
from .limits import DEFAULT_MAX_MEMORY_MB
from .ruled_settings import RuledSettings

if TYPE_CHECKING:
    from .readers.pdf.settings import PdfTextSettings
    from .readers.scan.settings import ScanSettings


# Told (pages read, pages in all) as a reader goes through a document with pages (a PDF,
# scanned or not): once before the first page, then after each one. The command line shows
# it for one long file on a terminal (``rak.progress``).
PageProgress = Callable[[int, int], None]


def _pdf_text() -> PdfTextSettings:
    # Imported here: the readers package imports this module.
    from .readers.pdf.settings import PdfTextSettings

    return PdfTextSettings()


def _scan_settings() -> ScanSettings:
    # Imported here: the readers package imports this module.
    from .readers.scan.settings import ScanSettings

    return ScanSettings()


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    password: str | None = None
    max_pages: int = 500
    # Refuse a Word/Excel file whose unpacked parts exceed this (zip bombs).
    max_unpacked_bytes: int = 200 * 1024 * 1024
    # How evidence of a misread weighs on each row's keyakinan (``extractor.evidence``).
    evidence: EvidenceSettings = field(default_factory=EvidenceSettings)
    # Memory budget of one file, in MB (--max-memory, rak.toml max-memory). None: the default
    # (DEFAULT_MAX_MEMORY_MB); 0: no limit. Readers refuse what would cost more before they
    # build it; the worker's address-space limit is the backstop.
    max_memory_mb: int | None = None
    # PDF words, lines and tables without ruling lines (``readers/pdf_settings.py``).
    pdf_text: PdfTextSettings = field(default_factory=_pdf_text)
    # Tolerances of the ruled-table PDF reader, as shares of each page's own measures.
    ruled: RuledSettings = field(default_factory=RuledSettings)
    # How scanned pages are read (OCR): thresholds relative to each page's own measures.
    scan: ScanSettings = field(default_factory=_scan_settings)
    # How Python's garbage collector runs while the file is read (``extractor.collector``).
    collector: CollectorSettings = field(default_factory=CollectorSettings)
    # Who is told of the pages read (None: nobody); not part of what the options mean.
    progress: PageProgress | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ValueError("max_pages must be at least 1")
        if self.max_unpacked_bytes < 1:
            raise ValueError("max_unpacked_bytes must be positive")
        if self.max_memory_mb is not None and self.max_memory_mb < 0:
            raise ValueError("max_memory_mb must be 0 (no limit) or more")

    @property
    def memory_mb(self) -> int:
        """The budget in MB, 0 for none."""
        return DEFAULT_MAX_MEMORY_MB if self.max_memory_mb is None else self.max_memory_mb

    @property
    def memory_bytes(self) -> int | None:
        """The budget in bytes, None for none."""
        return self.memory_mb * 1024 * 1024 or None
