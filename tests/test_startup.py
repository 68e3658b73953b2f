"""A command loads the libraries its file needs and no others: most checks are one Word or
Excel file, where the start of the process costs as much as the reading (issue #15)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PDF_AND_SCAN = {"pdfplumber", "pdfminer", "pypdfium2", "cv2", "tesserocr"}


def imported(*args: str) -> set[str]:
    """Top-level names of every module ``rak ARGS`` imported, as Python reports them."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "rak", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    names = re.findall(r"^import time:.*\|\s*(\S+)$", done.stderr, flags=re.M)
    assert "rak.cli" in names, done.stderr[-2000:]
    return {name.split(".")[0] for name in names}


def test_help_loads_no_reader_library_and_no_extractor_layout():
    names = imported("--help")
    assert not names & (PDF_AND_SCAN | {"numpy", "PIL", "openpyxl", "pydantic", "jsonschema"})
    full = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "rak", "--help"], cwd=ROOT,
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stderr
    assert "extractor.layout" not in full and "checks.registry" not in full


def test_a_word_check_loads_neither_the_pdf_nor_the_scan_readers_nor_numpy():
    names = imported("check", str(SAMPLES / "rak-kubu-raya-2024.docx"))
    assert "rak" in names and "jsonschema" in names  # the check did run its rules
    # pydantic: typer 0.29 builds a pydantic TypeAdapter for each parameter it parses
    assert not names & (PDF_AND_SCAN | {"numpy", "PIL", "openpyxl", "pydantic"})


def test_an_excel_check_loads_neither_the_pdf_nor_the_scan_readers():
    names = imported("check", str(SAMPLES / "rak-kubu-raya-2024.xlsx"))
    assert "openpyxl" in names
    assert not names & (PDF_AND_SCAN | {"pydantic"})
