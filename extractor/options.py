"""Options of one extraction, typed and defaulted once, passed down as one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .readers.ocr_settings import ScanSettings


def _scan_settings() -> ScanSettings:
    # Imported here: the readers package imports this module.
    from .readers.ocr_settings import ScanSettings

    return ScanSettings()


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    password: str | None = None
    max_pages: int = 500
    # Refuse a Word/Excel file whose unpacked parts exceed this (zip bombs).
    max_unpacked_bytes: int = 200 * 1024 * 1024
    # How scanned pages are read (OCR): thresholds relative to each page's own measures.
    scan: ScanSettings = field(default_factory=_scan_settings)

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ValueError("max_pages must be at least 1")
        if self.max_unpacked_bytes < 1:
            raise ValueError("max_unpacked_bytes must be positive")
