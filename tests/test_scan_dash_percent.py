"""What a blurred 150 dpi scan on grey paper loses that its ink still shows: a "%" after a
figure (read "97,50", "97,5 Yo" or dropped: ``scan.percent``) and a typed " -" ending its
line, so faint that its grey blob is hardly wider than tall (``scan.specks._is_hyphen``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from extractor.readers.scan.percent import with_percent
from extractor.readers.scan.settings import ScanSettings
from extractor.text import normalise


def _figure(widths: list[int], height: int = 11) -> np.ndarray:
    """Ink of glyphs side by side, 2 px apart, each a filled box ``height`` tall."""
    ink = np.zeros((height + 4, sum(widths) + 2 * len(widths) + 4), dtype=bool)
    x = 2
    for w in widths:
        ink[2 : 2 + height, x : x + w] = True
        x += w + 2
    return ink


def test_a_last_glyph_as_wide_as_tall_after_digits_is_a_percent() -> None:
    st = ScanSettings()
    ink = _figure([7, 6, 6, 11])  # "9", "7", "5" and a "%"
    assert with_percent("97,50", ink, st) == "97,5%"  # read as a digit
    assert with_percent("97,5 Yo", ink, st) == "97,5%"  # read as letters
    assert with_percent("97,546", ink, st) == "97,546"  # more digits than the page shows
    assert with_percent("97,5", _figure([7, 6, 6, 7]), st) == "97,5"  # a digit's width
    assert with_percent("10", _figure([3, 7]), st) == "10"  # a narrow "1" before a "0"
    assert with_percent("190", _figure([3, 20]), st) == "190"  # two digits a blur joined
    assert with_percent("12 Laporan", ink, st) == "12 Laporan"


@pytest.mark.slow
def test_a_blurred_grey_150_dpi_scan_keeps_its_percent_and_its_spaced_hyphen(
    tmp_path: Path,
) -> None:
    from benchmarks.sweep_scan import BASE
    from extractor import extract
    from samples.build.pdf_writer import PdfOptions, write_pdf
    from samples.build.scan import make_scan
    from samples.build.scan_samples import scan_source

    doc = scan_source("rak-scan-sweep", 30, (7, 7, 7))
    source = write_pdf(doc, tmp_path / "source.pdf", PdfOptions(number_row=True))
    options = replace(BASE, dpi=150, paper=0.8, blur_in=0.004, jpeg_quality=30,
                      shade_header=0.3)  # fmt: skip
    got = extract(make_scan(source, tmp_path / "scan.pdf", options))
    targets = [r.target.teks for r in got.rows]
    assert "97,5%" in targets and "97,50" not in targets
    assert any(
        "Peraturan Perundang - Undangan oleh" in normalise(r.indikator_kinerja) for r in got.rows
    )
