"""A scan's pages read by two engines at once come out as read by one, errors included.

``scan.pages`` reads each scanned page in a thread with an engine of its own and puts the
readings into the grid in page order. What must not change with the engine count: the
rows and findings of a real scan, the error a page's reading raises (the same line and
exit code through ``rak check``, never a traceback or a hang), and that nothing is left
reading once the file's reading has ended.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from extractor import extract
from extractor.errors import TimeLimitExceeded, UnreadableDocument
from extractor.options import ExtractOptions
from extractor.readers.scan import pages, reader
from extractor.readers.scan.settings import ScanSettings
from extractor.readers.scan.text import ReadingAbandoned
from rak.failures import time_limit

from .conftest import ROOT, SAMPLES

# Three pages without ruling: each goes through the born-digital layout in page order, and
# the last one (no table found in its words) has its lines read later, by a free engine.
UNRULED = SAMPLES / "rak-scan-tanpa-garis-nomor.pdf"
RULED = SAMPLES / "rak-scan-arsir-abu.pdf"  # two ruled pages
LONG = SAMPLES / "rak-kubu-raya-2024-scan-150.pdf"  # twenty pages

# ``rak`` as a process of its own with ``ENGINES`` engines, whatever the machine's cores,
# and page ``FAIL_PAGE`` of the scan raising ``FAIL`` where it is read (the thread's name
# goes to ``FAIL_LOG``).
RAK = """
import os, sys, threading
from extractor.readers.scan import pages, reader
pages.engine_count = lambda settings: int(os.environ["ENGINES"])
real = reader.read_page_image
def failing(grey, dpi, number, *args, **kwargs):
    if number == int(os.environ.get("FAIL_PAGE", "0")):
        with open(os.environ["FAIL_LOG"], "a") as log:
            log.write(threading.current_thread().name + "\\n")
        raise eval(os.environ["FAIL"])
    return real(grey, dpi, number, *args, **kwargs)
reader.read_page_image = failing
from rak.cli import main
sys.argv = ["rak", *sys.argv[1:]]
main()
"""


def _rak(engines: int, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RAK, *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "ENGINES": str(engines), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _two_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two engines even on a machine that gives this process one core."""
    monkeypatch.setattr(pages, "engine_count", lambda settings: settings.engines)


def test_two_engines_give_the_rows_and_findings_of_one() -> None:
    one = _rak(1, "check", str(UNRULED), "--format", "json")
    two = _rak(2, "check", str(UNRULED), "--format", "json")
    assert one.returncode == two.returncode, (one.stderr, two.stderr)
    first, second = json.loads(one.stdout), json.loads(two.stdout)
    assert first["rows"] and first == second


@pytest.mark.parametrize(
    ("error", "code", "words"),
    [
        ("MemoryError()", 2, ("2048",)),  # the address-space backstop of the budget
        ('ValueError("rusak")', 3, ("ValueError", "rusak")),  # a bug of rak's
    ],
)
def test_an_error_in_a_reading_thread_is_the_error_of_one_engine(
    tmp_path: Path, error: str, code: int, words: tuple[str, ...]
) -> None:
    outcomes = []
    for engines in (1, 2):
        log = tmp_path / f"threads-{engines}.txt"
        ran = _rak(engines, "check", str(RULED), FAIL=error, FAIL_PAGE="2", FAIL_LOG=str(log))
        outcomes.append((ran.returncode, ran.stdout, ran.stderr))
        assert ran.returncode == code, ran.stderr
        assert "Traceback" not in ran.stderr
        assert len(ran.stderr.strip().splitlines()) == 1, ran.stderr
        assert all(w in ran.stderr for w in words), ran.stderr
        thread = log.read_text().strip()
        assert thread.startswith("rak-ocr") if engines == 2 else thread == "MainThread"
    assert outcomes[0] == outcomes[1]


def test_a_failed_page_leaves_no_page_reading_on(monkeypatch: pytest.MonkeyPatch) -> None:
    _two_engines(monkeypatch)
    real = reader.read_page_image
    outcome: dict[int, str] = {}
    # Page 1 fails only once page 2 is being read beside it: else a page 1 that fails at
    # once can end the file before page 2 was handed to its engine (CI saw that).
    second = threading.Event()

    def failing(grey: Any, dpi: float, number: int, *args: Any, **kwargs: Any) -> Any:
        if number == 1:
            second.wait(30)
            raise UnreadableDocument(str(LONG), "halaman/page 1: rusak")
        if number == 2:
            second.set()
        try:
            result = real(grey, dpi, number, *args, **kwargs)
        except ReadingAbandoned:
            outcome[number] = "abandoned"
            raise
        outcome[number] = "read"
        return result

    monkeypatch.setattr(reader, "read_page_image", failing)
    with pytest.raises(UnreadableDocument, match="page 1"):
        extract(LONG, ExtractOptions(scan=ScanSettings(engines=2)))
    # Page 2 was in flight beside page 1: stopped at its next cell and waited for, so
    # nothing reads on for the file; no later page was started.
    assert outcome == {2: "abandoned"}
    assert not [t for t in threading.enumerate() if t.name.startswith("rak-ocr") and _busy(t)]


def _busy(thread: threading.Thread) -> bool:
    frame = sys._current_frames().get(thread.ident or -1)
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return "read_page_image" in names or "failing" in names


def test_the_time_limit_ends_a_reading_with_two_engines(monkeypatch: pytest.MonkeyPatch) -> None:
    _two_engines(monkeypatch)
    assert threading.current_thread() is threading.main_thread()  # where signals arrive
    with pytest.raises(TimeLimitExceeded), time_limit(str(LONG), 3.0):
        extract(LONG, ExtractOptions(scan=ScanSettings(engines=2)))
    assert not [t for t in threading.enumerate() if t.name.startswith("rak-ocr") and _busy(t)]
