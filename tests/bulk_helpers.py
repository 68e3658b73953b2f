"""Tasks for the pool tests: module-level so a spawned worker can import them."""

from __future__ import annotations

import os
import signal
import time


def behave(task: str) -> str:
    """``ok:x`` returns x; ``sleep``, ``exit``, ``segv`` and ``raise`` misbehave on purpose."""
    kind, _, arg = task.partition(":")
    if kind == "sleep":
        time.sleep(float(arg or 3600))
    elif kind == "exit":
        os._exit(int(arg or 70))
    elif kind == "segv":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif kind == "raise":
        raise ValueError(arg)
    return f"{arg}@{os.getpid()}"
