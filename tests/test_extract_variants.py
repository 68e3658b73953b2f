"""Every variant sample extracts with every row right, Word and PDF alike.

The expected rows come from the spec each sample was written from (samples/build), never from
the extractor's output.
"""

from __future__ import annotations

import pytest

from extractor import extract

from .conftest import SAMPLES, load_expected
from .sample_compare import meta_differences, row_differences

VARIANTS = {
    "rak-bulan-nama-centang": "month names (JAN..DES) with ✓, NIP in the signature",
    "rak-triwulan": "quarters TW I..IV, PENANGGUNG JAWAB, RENCANA AKSI headings, v marks",
    "rak-wingdings": "Wingdings w:sym marks (private-use glyphs in the PDF)",
    "rak-arsir": "shaded month cells, no glyph at all",
    "rak-no-anggaran": "NO and ANGGARAN columns kept in lainnya",
    "rak-satu-tabel": "one long table over pages: rows and merged SASARAN cut by page breaks",
    "rak-panjang-40": "424 rows over 48 pages",
    "rak-gaya-tabel": "a built-in table style (banded fills, borders from the style), group rows",
    "rak-arsir-terpotong": "shaded months in rows cut by page breaks, centred merged SASARAN",
    "rak-kelompok": "group rows over the text columns, full month names, '- ' paragraphs",
    "rak-tanda-tangan-dua": "letterhead, labelled unit, two-column signature with Mengetahui",
}


LONG = {"rak-panjang-40"}  # tens of seconds as a PDF: in the slow suite (CI runs it)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.slow) if n in LONG else n for n in sorted(VARIANTS)
])
def test_variant_extracts_every_row_right(name: str, fmt: str):
    doc = extract(SAMPLES / f"{name}.{fmt}")
    expected = load_expected(name)
    assert row_differences(doc, expected) == []
    assert meta_differences(doc, expected) == []
