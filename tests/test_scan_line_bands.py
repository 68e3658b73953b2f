"""A cell whose ink holds more text lines than Tesseract's block reading returned is read
line by line (``scan.bands``): on the scan sweep's blur 1.2 px setting one of seven equal
PELAKSANA cells came back without its second line, "Penyelenggaraan Pemilu,"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from extractor.readers.scan.bands import line_bands
from extractor.readers.scan.settings import ScanSettings


def _lines_picture(bodies: list[tuple[int, int]], width: int = 60) -> np.ndarray:
    """White picture with a black bar over each [top, bottom) of ``bodies``."""
    picture = np.full((max(b for _, b in bodies) + 5, width), 255, dtype=np.uint8)
    for top, bottom in bodies:
        picture[top:bottom, 5:55] = 0
    return picture


def test_each_line_is_a_band_and_a_dot_goes_with_the_line_below() -> None:
    st = ScanSettings()
    picture = _lines_picture([(2, 18), (24, 40), (46, 62)])
    picture[21:23, 20:22] = 0  # a dot between two lines: no line of its own
    bands = line_bands(picture, 16.0, st)
    assert len(bands) == 3
    assert bands[0][0] == 0 and bands[-1][1] == picture.shape[0]
    assert all(a[1] == b[0] for a, b in zip(bands, bands[1:]))  # every row in one band
    assert bands[0][1] >= 18 and bands[1][0] <= 24  # each line whole in its band
    # Lines whose descenders touch the next line's ascenders are one band: never more
    # lines than there are.
    assert len(line_bands(_lines_picture([(2, 18), (18, 34)]), 16.0, st)) == 1


@pytest.mark.slow
def test_a_blurred_scan_keeps_every_line_of_its_pelaksana(tmp_path: Path) -> None:
    from benchmarks.sweep_scan import BASE
    from extractor import extract
    from extractor.text import normalise
    from samples.build.pdf_writer import PdfOptions, write_pdf
    from samples.build.scan import make_scan
    from samples.build.scan_samples import scan_source
    from samples.build.spec import expected

    doc = scan_source("rak-scan-sweep", 30, (7, 7, 7))
    source = write_pdf(doc, tmp_path / "source.pdf", PdfOptions(number_row=True))
    got = extract(make_scan(source, tmp_path / "scan.pdf", replace(BASE, blur_in=0.006)))
    want = [normalise(r["pelaksana"]) for r in expected(doc)["rows"]]
    read = [normalise(r.pelaksana) for r in got.rows]
    assert len(read) == len(want)
    lost = [(w, r) for w, r in zip(want, read) if w != r]
    assert lost == []
