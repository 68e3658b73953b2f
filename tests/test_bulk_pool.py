"""The worker pool: every task reported exactly once, whatever its worker does."""

from __future__ import annotations

import time

from rak.bulk.pool import Failure, Pool

from .bulk_helpers import behave


def _run(tasks: list[str], jobs: int = 2, timeout: float = 3.0, **kw: int) -> dict[int, object]:
    seen: dict[int, object] = {}

    def on_result(index: int, value: object) -> None:
        assert index not in seen, f"task {index} reported twice"
        seen[index] = value

    Pool(behave, jobs, timeout, **kw).run(tasks, on_result)
    assert sorted(seen) == list(range(len(tasks)))
    return seen


def test_hang_crash_and_error_become_failures_while_the_rest_go_on():
    tasks = ["ok:a", "sleep:3600", "exit:70", "segv", "raise:boom", "ok:b", "ok:c"]
    start = time.monotonic()
    seen = _run(tasks, jobs=2, timeout=2.0)
    assert time.monotonic() - start < 60
    assert str(seen[0]).startswith("a@") and str(seen[5]).startswith("b@")
    assert str(seen[6]).startswith("c@")
    assert seen[1] == Failure("timeout", "2")
    assert isinstance(seen[2], Failure) and seen[2].kind == "crash"
    assert seen[2].detail == "exit 70"
    assert isinstance(seen[3], Failure) and seen[3].detail == "SIGSEGV"
    assert isinstance(seen[4], Failure) and seen[4].kind == "error"
    assert "ValueError: boom" in seen[4].detail


def test_recycled_workers_are_fresh_processes():
    seen = _run([f"ok:{i}" for i in range(4)], jobs=1, timeout=0, recycle_after=2)
    pids = [str(v).split("@")[1] for v in seen.values()]
    assert len(set(pids)) == 2
