"""The Tesseract engines are loaded once per process, not once per scanned file: the one
engine of a page-by-page reading, or those of the threads reading pages side by side."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor import extract
from extractor.readers.scan import engines
from extractor.readers.scan import reader as ocr
from extractor.readers.scan import text as ocr_text
from extractor.readers.scan.settings import ScanSettings

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "rak-scan-arsir-abu.pdf"


def test_two_scans_in_one_process_share_one_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "_ENGINE", [])
    monkeypatch.setattr(engines, "_POOL", [])
    made: list[str] = []
    real = ocr_text.CellReader.__init__

    def counted(self: ocr_text.CellReader, file: str) -> None:
        made.append(file)
        real(self, file)

    monkeypatch.setattr(ocr_text.CellReader, "__init__", counted)
    other = tmp_path / "salinan.pdf"
    shutil.copy(SAMPLE, other)
    try:
        first = extract(SAMPLE)
        made_first = list(made)
        second = extract(other)
    finally:
        engines._end()  # the pool made here, not the process's
    assert first.source.ocr and second.source.ocr
    assert [r.kegiatan for r in first.rows] == [r.kegiatan for r in second.rows]
    # One engine, or one per thread that read a page of the first file; none for the second.
    assert made == made_first and set(made) == {str(SAMPLE)}
    assert len(made) <= engines.engine_count(ScanSettings())
