"""The pdfium engine reads a page's code points in one call (``pdfium_text._codes``), and
they must be what asking pdfium char by char gives: on a page whose text lines up with its
chars, on one with a line-end hyphen (pdfium's text holds another code for it), and on one
whose text does not line up (read char by char)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.readers.pdf.pdfium_text import _HYPHEN_MARK, _codes

from .conftest import SAMPLES, SHARED


@contextmanager
def _text_page(path: Path, number: int) -> Iterator[Any]:
    doc = pdfium.PdfDocument(path)
    page = raw.FPDF_LoadPage(doc.raw, number - 1)
    text_page = raw.FPDFText_LoadPage(page)
    try:
        yield text_page
    finally:
        raw.FPDFText_ClosePage(text_page)
        raw.FPDF_ClosePage(page)
        doc.close()


def _one_by_one(text_page: Any) -> list[int]:
    return [raw.FPDFText_GetUnicode(text_page, i)
            for i in range(raw.FPDFText_CountChars(text_page))]


def _lines_up(text_page: Any) -> bool:
    count = raw.FPDFText_CountChars(text_page)
    units = (ctypes.c_ushort * (count + 1))()
    return bool(raw.FPDFText_GetText(text_page, 0, count, units) == count + 1)


def test_codes_of_a_page_are_its_chars_one_by_one():
    with _text_page(SAMPLES / "rak-panjang-40.pdf", 2) as text_page:
        assert _lines_up(text_page)
        codes = _codes(text_page, ctypes.cast(text_page, ctypes.c_void_p))
        assert len(codes) > 1000
        assert codes == _one_by_one(text_page)


def test_a_line_end_hyphen_keeps_pdfiums_mark():
    # pdfium joins "...-" at a line's end to the next line as a hyphen of its own, and its
    # page text holds 0xFFFE for it, not the mark ``FPDFText_GetUnicode`` gives.
    with _text_page(SAMPLES / "rak-arsir.pdf", 2) as text_page:
        assert _lines_up(text_page)
        codes = _codes(text_page, ctypes.cast(text_page, ctypes.c_void_p))
        assert _HYPHEN_MARK in codes
        assert codes == _one_by_one(text_page)


def test_a_page_whose_text_does_not_line_up_is_read_char_by_char():
    with _text_page(SHARED / "external" / "pdfplumber-tests" /
                    "issue-71-duplicate-chars-2.pdf", 2) as text_page:
        assert not _lines_up(text_page)
        codes = _codes(text_page, ctypes.cast(text_page, ctypes.c_void_p))
        assert codes == _one_by_one(text_page)
