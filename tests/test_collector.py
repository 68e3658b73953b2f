"""Python's garbage collector is held back while a file is read (``extractor.collector``)
and put back as it was after, whether the file reads or not."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from extractor import extract
from extractor.collector import CollectorSettings, held_back
from extractor.errors import RakError
from extractor.options import ExtractOptions

from .conftest import SAMPLES


def test_reading_a_pdf_holds_the_collector_back_and_puts_it_back():
    seen: list[tuple[tuple[int, ...], int]] = []
    before = gc.get_threshold(), gc.get_freeze_count()
    options = ExtractOptions(progress=lambda done, total: seen.append(
        (gc.get_threshold(), gc.get_freeze_count())))
    doc = extract(SAMPLES / "rak-kubu-raya-2024.pdf", options)
    assert doc.rows
    assert seen
    young = CollectorSettings().young
    assert all(threshold[0] == young and frozen > 0 for threshold, frozen in seen)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_a_file_that_fails_puts_the_collector_back(tmp_path: Path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot a pdf at all\n")
    before = gc.get_threshold(), gc.get_freeze_count()
    with pytest.raises(RakError):
        extract(broken)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_overlapping_readers_put_it_back_once_the_last_is_done():
    before = gc.get_threshold(), gc.get_freeze_count()
    settings = CollectorSettings(young=12_345)
    with held_back(settings):
        with held_back(settings):
            assert gc.get_threshold()[0] == 12_345
        assert gc.get_threshold()[0] == 12_345
        assert gc.get_freeze_count() > 0  # not unfrozen by the inner reader
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_objects_frozen_by_the_caller_stay_frozen():
    gc.freeze()
    try:
        with held_back(CollectorSettings()):
            pass
        assert gc.get_freeze_count() > 0  # not unfrozen by the reader
    finally:
        gc.unfreeze()


def test_young_must_be_positive():
    with pytest.raises(ValueError):
        CollectorSettings(young=0)
