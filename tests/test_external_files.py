"""Real PDF and Word files written elsewhere (../shared/external): each ends in a result or a
clear error within the time limit, never a traceback or a hang."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from extractor import extract
from extractor.errors import RakError

from .conftest import SHARED

EXTERNAL = sorted(
    p for p in (SHARED / "external").rglob("*") if p.is_file() and p.name != "README.md"
)
LIMIT_S = 90


class Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise Hang()


def test_the_external_corpus_is_there():
    assert len(EXTERNAL) >= 90


@pytest.mark.slow  # ~40 s over the whole external corpus
@pytest.mark.parametrize("path", EXTERNAL, ids=[p.name for p in EXTERNAL])
def test_external_file_gives_a_result_or_a_clear_error(path: Path):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_S)
    start = time.perf_counter()
    try:
        doc = extract(path)
        assert doc.rows  # a result is only returned with rows
    except RakError as e:
        msg = e.message("id")
        assert msg.startswith(str(path)) and "\n" not in msg
    except Hang:
        pytest.fail(f"{path.name}: still running after {LIMIT_S} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert time.perf_counter() - start < LIMIT_S
