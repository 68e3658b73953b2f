"""Old .doc/.xls through LibreOffice: the seed as .doc and .xls extracts like the .docx; without
LibreOffice the error names the package to install; a hung conversion is cut off."""

from __future__ import annotations

import os
import shutil
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractor import extract
from extractor.errors import MissingTool, UnreadableDocument
from extractor.options import ExtractOptions
from extractor.readers import legacy
from extractor.readers.legacy import read_legacy

from .conftest import SAMPLES, load_expected
from .sample_compare import meta_differences, row_differences

SEED = "rak-kubu-raya-2024"


def needs_soffice(f):
    """LibreOffice is installed by .ci/run; without it these tests fail, they do not skip."""
    return f


@pytest.fixture(scope="module", params=["doc", "xls"])
def converted(request: pytest.FixtureRequest):
    assert legacy.find_soffice() is not None, "LibreOffice (soffice) is not installed"
    return extract(SAMPLES / f"{SEED}.{request.param}")


@needs_soffice
def test_legacy_seed_rows_equal_the_seed_text(converted) -> None:
    assert row_differences(converted, load_expected(SEED)) == []


@needs_soffice
def test_legacy_seed_metadata(converted) -> None:
    assert meta_differences(converted, load_expected(SEED)) == []


@needs_soffice
def test_legacy_keeps_the_users_format(converted) -> None:
    assert converted.source.format in ("doc", "xls")
    assert converted.source.file.endswith(f".{converted.source.format}")


def test_without_libreoffice_the_message_names_the_package(monkeypatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    with pytest.raises(MissingTool) as err:
        extract(SAMPLES / f"{SEED}.doc")
    message = err.value.message("en")
    assert "LibreOffice" in message
    assert "libreoffice-writer-nogui" in message and "libreoffice-calc-nogui" in message
    assert err.value.message("id").startswith(f"{SAMPLES / SEED}.doc: perlu program tambahan")


def test_without_libreoffice_on_path(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no soffice anywhere
    with pytest.raises(MissingTool):
        extract(SAMPLES / f"{SEED}.xls")


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_a_hung_conversion_is_cut_off(monkeypatch, tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, "sleep 30")
    monkeypatch.setattr(legacy, "find_soffice", lambda: fake)
    start = time.perf_counter()
    with pytest.raises(UnreadableDocument) as err:
        read_legacy(SAMPLES / f"{SEED}.doc", "doc", ExtractOptions(), timeout=1)
    assert time.perf_counter() - start < 10
    assert "LibreOffice" in err.value.detail


def test_a_conversion_that_writes_nothing_is_unreadable(monkeypatch, tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 0")
    monkeypatch.setattr(legacy, "find_soffice", lambda: fake)
    with pytest.raises(UnreadableDocument) as err:
        read_legacy(SAMPLES / f"{SEED}.doc", "doc", ExtractOptions())
    assert "could not be loaded" in err.value.detail


@needs_soffice
def test_a_damaged_doc_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "rusak.doc"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + os.urandom(4096))
    with pytest.raises(UnreadableDocument):
        extract(path)


@needs_soffice
@pytest.mark.slow
def test_parallel_conversions_do_not_clash() -> None:
    """Each run has its own LibreOffice profile; a shared one makes the second do nothing."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = [pool.submit(extract, SAMPLES / f"{SEED}.xls") for _ in range(2)]
        assert [len(run.result().rows) for run in runs] == [53, 53]
