"""The samples drawn straight to PDF (samples/build/pdf_writer.py), printed by Chromium or from
styled Word (samples/build/ruled_variants.py) extract with every row right.

They carry what no LibreOffice export does: a table with no ruling lines, hidden white boxes
and lines over a ruled table, pages stored rotated, check marks drawn as paths or pictures.
The expected rows come from the spec each sample was drawn from
(samples/build/pdf_variants.py), never from the extractor's output.
"""

from __future__ import annotations

import pdfplumber
import pypdf
import pytest

from extractor import extract

from .conftest import SAMPLES, load_expected
from .sample_compare import meta_differences, row_differences

VARIANTS = {
    "rak-tanpa-garis": "no ruling lines: columns from text alignment, B1..B12, √, wrapped cells",
    "rak-garis-putih": "ruled table over hidden white rects and white lines that are not borders",
    "rak-diputar": "pages upright, /Rotate 90 drawn turned (upright), /Rotate 270 (sideways)",
    "rak-tanpa-garis-tw": "no ruling lines, NO column, TW I..TW IV under WAKTU PELAKSANAAN, ✓",
    "rak-centang-gambar": "ticks drawn as lines, a curve, a filled outline or a picture; no glyph",
    # Ruled tables from other writers (samples/build/ruled_variants.py), guarded in
    # test_extract_ruled_writers.py.
    "rak-peramban-satu-tabel": "Chromium, one long table cut by page breaks, repeated thead",
    "rak-peramban-terpisah": "Chromium, border-collapse: separate, banded rows, F4",
    "rak-peramban-arsir": "Chromium, shaded months over tinted cells, double borders, portrait",
    "rak-word-gaya-tabel": "styled Word (Medium Shading 1): no rules inside the body",
    "rak-word-gaya-garis": "styled Word (Medium List 2): borders of three widths, white header",
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_drawn_pdf_extracts_every_row_right(name: str) -> None:
    doc = extract(SAMPLES / f"{name}.pdf")
    expected = load_expected(name)
    assert row_differences(doc, expected) == []
    assert meta_differences(doc, expected) == []


def test_rotated_sample_stores_both_kinds_of_rotation() -> None:
    """Guards the sample itself: the test above means nothing if the pages are not turned."""
    pages = pypdf.PdfReader(str(SAMPLES / "rak-diputar.pdf")).pages
    stored = [
        (page.get("/Rotate", 0), page.mediabox.width > page.mediabox.height) for page in pages
    ]
    assert (90, False) in stored  # portrait MediaBox, content drawn turned: shown upright
    assert (270, True) in stored  # landscape MediaBox turned: shown sideways
    assert (0, True) in stored


def test_rotated_rows_keep_their_page() -> None:
    doc = extract(SAMPLES / "rak-diputar.pdf")
    assert [r.lokasi.halaman for r in doc.rows] == [1] * 7 + [2] * 8 + [3] * 7 + [4] * 8 + [5] * 6


def test_drawn_marks_sample_has_no_mark_glyph() -> None:
    """Guards the sample itself: every planned month must be ink only, never text."""
    with pdfplumber.open(SAMPLES / "rak-centang-gambar.pdf") as pdf:
        chars = {ch["text"] for page in pdf.pages for ch in page.chars}
        kinds = {k for page in pdf.pages for k, v in page.objects.items() if v}
    assert not chars & set("√✓✔×")  # ("v" is in the words; no period cell holds text)
    assert {"line", "curve", "image"} <= kinds
