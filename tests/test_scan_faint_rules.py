"""Hairlines a scanner blurred, and fills a copier dithered, are still a table's (#9).

Scans of the corpus's Word and Excel PDFs at the sweep's blur 1.2 px lost their months
(jadwal 7.5% of rows on the Word PDF): the thin rule under "RENCANA PELAKSANAAN" came out of
the adaptive threshold in dashes, each shorter than a ruling, so the header's month cells
merged and the table was not taken for a RAK. On a 1-bit copy a shaded month is a dither of
dots, which the background closed over as it does print (jadwal 3.4% of rows).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from extractor.readers.scan.grid import _faint_lines
from extractor.readers.scan.image import is_dithered
from extractor.readers.scan.settings import ScanSettings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
S = ScanSettings()


def _faint(width: int = 400, height: int = 60) -> tuple[np.ndarray, np.ndarray]:
    return np.zeros((height, width), np.uint8), np.zeros((height, width), np.uint8)


def test_a_hairline_whole_on_the_faint_layer_and_dashed_on_the_binary_is_ruling() -> None:
    faint, binary = _faint()
    faint[30:32, 10:390] = 255
    binary[30:32, 10:390:40] = 255  # dashes, 1 px in 40 ... a share of it
    for start in range(10, 390, 40):
        binary[30:32, start : start + 15] = 255
    found = _faint_lines(faint, binary, 60, 4, 3.0, S.faint_rule_seed, S.faint_rule_clear, 2, True)
    assert np.count_nonzero(found[30, 10:390]) >= 0.98 * 380


def test_a_faint_band_without_binary_ink_along_it_is_no_ruling() -> None:
    faint, binary = _faint()
    faint[30:32, 10:390] = 255  # a stain's edge: the adaptive threshold saw nothing there
    binary[30:32, 10:30] = 255
    found = _faint_lines(faint, binary, 60, 4, 3.0, S.faint_rule_seed, S.faint_rule_clear, 2, True)
    assert not found.any()


def test_the_middle_of_a_blurred_line_of_words_is_no_ruling() -> None:
    faint, binary = _faint()
    faint[29:32, 10:390] = 255  # the letters' middles smeared into one band ...
    for x in range(10, 390, 8):  # ... in letters a little taller, apart by their spacing
        faint[24:37, x : x + 6] = 255
    binary[24:37, 10:390] = faint[24:37, 10:390]
    found = _faint_lines(faint, binary, 60, 4, 6.0, S.faint_rule_seed, S.faint_rule_clear, 2, True)
    assert not found.any()
    vertical = _faint_lines(faint.T.copy(), binary.T.copy(), 60, 4, 6.0, S.faint_rule_seed,
                            S.faint_rule_clear, 2, False)  # fmt: skip
    assert not vertical.any()


def test_a_dithered_fill_is_told_from_print_and_specks() -> None:
    rng = np.random.default_rng(3)
    page = np.full((600, 900), 255, np.uint8)
    for y in range(40, 560, 30):  # lines of glyph-sized blobs
        for x in range(40, 860, 14):
            page[y : y + 14, x : x + 3] = 0
            page[y : y + 3, x : x + 9] = 0
    specks = rng.integers(0, 600, size=(200, 2))
    page[specks[:, 0], specks[:, 1] % 900] = 0
    assert not is_dithered(page, 300.0, S)
    fill = page.copy()
    cells = fill[300:560, 450:860]
    cells[(np.indices(cells.shape).sum(axis=0) % 4) == 0] = 0  # a 25% dither
    cells[::2, :] = 255  # on every second row
    assert is_dithered(fill, 300.0, S)


def _one_page(pdf: Path, page: int, out: Path) -> Path:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(pdf))
    doc = pdfium.PdfDocument.new()
    doc.import_pages(src, [page - 1])
    doc.save(str(out))
    return out


def _scan_of_page(corpus_id: str, page: int, setting: str, tmp: Path):  # type: ignore[no-untyped-def]
    from benchmarks.sweep_scan import settings
    from extractor import extract
    from samples.build.scan import make_scan

    source = _one_page(CORPUS / f"{corpus_id}.pdf", page, tmp / "page.pdf")
    options = replace(settings()[setting], angle=0.8)
    return extract(make_scan(source, tmp / "scan.pdf", options))


def _truth_rows(corpus_id: str, first: str, count: int) -> list[dict]:  # type: ignore[type-arg]
    import json

    rows = json.loads((CORPUS / f"{corpus_id}.truth.json").read_text())["rows"]
    start = next(i for i, r in enumerate(rows) if r["indikator_kinerja"].startswith(first))
    return rows[start : start + count]


@pytest.mark.slow
def test_a_blurred_scan_of_another_hands_word_pdf_keeps_both_tables_of_its_page(
    tmp_path: Path,
) -> None:
    # Page 4 of the Word PDF holds the end of one table (with an extra column) and the whole
    # of the next; blurred, the second's month header lost its hairline.
    doc = _scan_of_page("c00-word-pdf", 4, "blur 1.2 px", tmp_path)
    want = _truth_rows("c00-word-pdf", "Persentase kekurangan", 11)
    assert len(doc.rows) == len(want)
    assert [list(r.jadwal) for r in doc.rows] == [w["jadwal"] for w in want]


@pytest.mark.slow
def test_a_one_bit_copy_keeps_its_dithered_months(tmp_path: Path) -> None:
    # Page 2 of the shaded Word PDF: its first 13 rows whole on the page (the 14th goes on
    # over the page break), every planned month a grey fill, dithered by the copier.
    doc = _scan_of_page("c05-word-shaded-pdf", 2, "copy 1-bit 300 2deg", tmp_path)
    want = _truth_rows("c05-word-shaded-pdf", "Persentase tanggapan", 13)
    got = [list(r.jadwal) for r in doc.rows[:13]]
    right = sum(1 for g, w in zip(got, want) if g == w["jadwal"])
    assert len(doc.rows) >= 13 and right >= 12, (got, [w["jadwal"] for w in want])
