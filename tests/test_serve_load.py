"""20 concurrent uploads to a real `rak serve` on 127.0.0.1 (benchmarks/load_serve.py): every
one answered with its report, nothing lost, and the memory of the server with its workers
bounded by the workers it runs, not by the number of uploads."""

from __future__ import annotations

import pytest

from benchmarks.load_serve import load, serving, tree_rss_mb

from .conftest import SAMPLES

pytestmark = pytest.mark.slow


def test_twenty_concurrent_uploads_are_all_answered() -> None:
    with serving("--jobs", "2") as server:
        idle = tree_rss_mb(server.process.pid)
        got = load(server, SAMPLES / "rak-kubu-raya-2024.docx", 20)
    assert got.answered == 20
    assert got.statuses == [200] * 20
    assert got.rows == [53] * 20
    # Two workers of about 100 MB each at most, whatever the 20 users do.
    assert got.peak_mb < idle + 2 * 250, (idle, got.peak_mb)
