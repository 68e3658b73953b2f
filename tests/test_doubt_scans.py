"""Misreads Tesseract is sure of, told on the committed scans (issue 10).

Each scan's rows are compared with its spec's expected rows: the misread row carries its
evidence and is verified by eye (``doubtful_rows``); the right rows do not carry it.
"""

from __future__ import annotations

import pytest

from checks import CheckConfig
from checks.doubt import doubtful_rows
from extractor import extract
from extractor.model import RakDocument
from extractor.text import normalise

from .conftest import SAMPLES, load_expected
from .sample_compare import TEXT_FIELDS


def _right(doc: RakDocument, name: str) -> list[bool]:
    want = load_expected(name)["rows"]
    assert len(doc.rows) == len(want)
    return [all(normalise(getattr(g, f)) == normalise(w[f]) for f in TEXT_FIELDS)
            and normalise(g.target.teks) == normalise(w["target"]) and g.jadwal == w["jadwal"]
            for g, w in zip(doc.rows, want)]


def _carrying(doc: RakDocument, code: str) -> list[int]:
    return [i for i, r in enumerate(doc.rows) if code in r.alasan]


def test_a_comma_typed_after_a_space_that_the_dust_eraser_took_is_told() -> None:
    """"meja , kursi": the comma stands a word gap from "meja", where no stop hugs its
    glyph. Where the eraser takes it as dust the row reads "meja kursi", and says a speck
    that may have been punctuation went (it held a printed dot's ink, on the baseline, in
    the gap); a row that kept its comma, or has none, says nothing of the kind."""
    doc = extract(SAMPLES / "rak-scan-kertas-kuning.pdf")
    right = _right(doc, "rak-scan-kertas-kuning")
    assert any("meja" in r.kegiatan for r in doc.rows)
    slipped = [i for i, r in enumerate(doc.rows) if "meja kursi" in r.kegiatan]
    assert _carrying(doc, "ocr-speck-erased") == slipped
    assert not any(right[i] for i in slipped)
    assert set(slipped) <= doubtful_rows(doc, CheckConfig())


@pytest.mark.slow
def test_a_short_everyday_word_read_one_letter_off_is_told() -> None:
    """"upava" for "upaya" in a serif face at 200 dpi, read at 0.92: no dictionary knows
    it, the page writes no "upaya", and the Indonesian dictionary has that one word a
    letter from it. The serif scan's right rows hold no such word."""
    doc = extract(SAMPLES / "rak-scan-serif.pdf")
    right = _right(doc, "rak-scan-serif")
    near = _carrying(doc, "ocr-near-word")
    assert [i for i, r in enumerate(doc.rows) if "upava" in r.kegiatan] == near
    assert near and not any(right[i] for i in near)
    assert set(near) <= doubtful_rows(doc, CheckConfig())


@pytest.mark.parametrize(
    ("speck", "recorded"),
    [
        ((46, 28, 2, 2), True),  # on the baseline, a word gap from the glyphs either side
        ((37, 28, 2, 2), False),  # hugging its glyph: a full stop, kept
        ((46, 33, 2, 2), False),  # hanging below the baseline: no stop or comma head
        ((57, 28, 2, 2), False),  # hugging the next word: dust before it
    ],
)
def test_the_eraser_records_the_specks_that_may_have_been_punctuation(
    speck: tuple[int, int, int, int], recorded: bool
) -> None:
    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import erase_dust

    from .test_ocr import _line_with

    erased: list[tuple[int, int, int, int]] = []
    line = _line_with(speck)
    erase_dust(line, 128.0, 10.0, ScanSettings(), 0.0, erased)
    x, y, w, h = speck
    assert erased == ([(x, y, x + w, y + h)] if recorded else [])
