"""A scanned page without ruling is read whole, and its words go to the born-digital page
reader. Its text lines, read line by line, are the same page a second time: they are read
only when that reader finds no table in the words (a signature page), never before."""

from __future__ import annotations

import numpy as np
import pdfplumber
import pytest

from extractor.options import ExtractOptions
from extractor.readers.scan.image import to_grey
from extractor.readers.scan.reader import _reader, read_page_image

from .conftest import SAMPLES

DPI = 200.0  # the sample's own


@pytest.mark.slow
def test_unruled_page_reads_its_lines_only_when_asked() -> None:
    options = ExtractOptions()
    with pdfplumber.open(SAMPLES / "rak-scan-tanpa-garis.pdf") as pdf:
        pixels = np.asarray(pdf.pages[0].to_image(resolution=DPI).original.convert("L"))
    grey = to_grey(pixels, options.scan)
    reading = read_page_image(grey, DPI, 1, _reader("tanpa-garis"), options.scan, 0, options.ruled)
    assert reading.content is not None and reading.lines == []
    lines = reading.text_lines(_reader("tanpa-garis"))
    assert any("KETAPANG" in ln.text.upper() for ln in lines)
