"""The two PDF engines give the same rows and findings (``extractor/readers/pdf/pdfium.py``).

pdfplumber (pdfminer) is the reference. Every PDF of the samples, of the development corpus
and of the external files is read with both; the documents (every field of every row, the
metadata, the error when there is one) and the checks' findings must be the same. Positions
(``lokasi``) may differ by rounding only: pdfium keeps path points as 32-bit floats, so a
row edge at 304.25 pt can come out as 304.2 with one engine and 304.3 with the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checks import run_checks
from extractor import extract
from extractor.errors import RakError
from extractor.options import ExtractOptions
from extractor.readers.pdf.settings import PdfTextSettings

from .conftest import SAMPLES, SHARED

PLACE_TOLERANCE = 0.15  # pt: one step of the 0.1 pt rounding of ``lokasi``

SAMPLE_PDFS = sorted(p for p in SAMPLES.glob("*.pdf") if "scan" not in p.name)
SCAN_PDFS = sorted(p for p in SAMPLES.glob("*.pdf") if "scan" in p.name)
CORPUS_PDFS = sorted((SHARED / "corpus").glob("*.pdf"))
EXTERNAL_PDFS = sorted((SHARED / "external").rglob("*.pdf"))


def _read(path: Path, engine: str) -> tuple[Any, Any]:
    options = ExtractOptions(pdf_text=PdfTextSettings(engine=engine))
    try:
        doc = extract(path, options)
    except RakError as e:
        return ("error", e.message("en")), None
    findings = [f.to_dict() for f in run_checks(doc)]
    return doc.to_dict(), findings


def _differences(a: Any, b: Any, where: str, placed: bool = False) -> list[str]:
    """Where ``a`` and ``b`` differ; numbers inside ``lokasi`` within PLACE_TOLERANCE."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return [f"{where}: keys {sorted(a)} != {sorted(b)}"]
        return [d for k in a for d in _differences(a[k], b[k], f"{where}.{k}",
                                                    placed or k == "lokasi")]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b))
                for d in _differences(x, y, f"{where}[{i}]", placed)]
    if placed and isinstance(a, float) and isinstance(b, (int, float)):
        return [] if abs(a - b) <= PLACE_TOLERANCE else [f"{where}: {a} != {b}"]
    return [] if a == b else [f"{where}: {a!r:.120} != {b!r:.120}"]


def _same(path: Path) -> None:
    reference, theirs = _read(path, "pdfplumber"), _read(path, "pdfium")
    diffs = _differences(reference, theirs, path.name)
    assert not diffs, "\n".join(diffs[:10])


def test_the_files_are_there():
    assert len(SAMPLE_PDFS) >= 30 and len(CORPUS_PDFS) >= 10 and len(EXTERNAL_PDFS) >= 50


@pytest.mark.slow  # each file read twice: ~1 min
@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=[p.name for p in SAMPLE_PDFS])
def test_both_engines_read_a_sample_alike(path: Path):
    _same(path)


@pytest.mark.slow  # OCR twice
@pytest.mark.parametrize("path", SCAN_PDFS, ids=[p.name for p in SCAN_PDFS])
def test_both_engines_send_a_scan_to_ocr_alike(path: Path):
    _same(path)


@pytest.mark.slow
@pytest.mark.parametrize("path", CORPUS_PDFS, ids=[p.name for p in CORPUS_PDFS])
def test_both_engines_read_the_corpus_alike(path: Path):
    _same(path)


@pytest.mark.slow
@pytest.mark.parametrize("path", EXTERNAL_PDFS, ids=[p.name for p in EXTERNAL_PDFS])
def test_both_engines_read_external_files_alike(path: Path):
    _same(path)


def test_a_page_pdfium_cannot_read_is_read_by_pdfplumber(monkeypatch: pytest.MonkeyPatch):
    from extractor.readers.pdf import pdfium as pdf_pdfium

    def refuse(*args: object, **kwargs: object) -> None:
        raise pdf_pdfium.PdfiumError("refused")

    monkeypatch.setattr(pdf_pdfium, "read_objects", refuse)
    path = SAMPLES / "rak-triwulan.pdf"
    assert _read(path, "pdfium") == _read(path, "pdfplumber")


def test_an_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="engine"):
        PdfTextSettings(engine="poppler")
