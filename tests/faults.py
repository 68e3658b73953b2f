"""Faults injected into bulk workers by the tests, never by shipped code.

A bulk run hands each file to ``rak.bulk.run.process`` in a spawned worker. The fixture
``faulty_files`` (conftest.py) replaces it, for one test, with ``process`` below bound to a
few ``(glob, behaviour)`` rules: a file whose name matches misbehaves first (``sleep:N``,
``exit``, ``segv``: see ``bulk_helpers.behave``), any other file is read as usual. The bound
function is module-level and picklable, so the spawned worker imports this module and runs
it. ``python -m tests.faults RULES -- ARGS`` does the same for a ``rak ARGS`` started as a
process of its own (the Ctrl-C test), with RULES as ``glob=behaviour`` words.
"""

from __future__ import annotations

import fnmatch
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .bulk_helpers import behave

Rules = tuple[tuple[str, str], ...]


def process(rules: Rules, job: Any) -> Any:
    from rak.bulk.work import process as real

    name = Path(job.path).name
    for pattern, behaviour in rules:
        if fnmatch.fnmatch(name, pattern):
            behave(behaviour)
    return real(job)


def faulty_process(rules: dict[str, str]) -> Callable[[Any], Any]:
    return functools.partial(process, tuple(rules.items()))


def main(argv: list[str]) -> None:
    """``RULES... -- rak ARGS``: rak's command line with the faults of RULES in its workers."""
    import rak.bulk.run
    from rak.cli import main as rak_main

    cut = argv.index("--")
    rules = dict(word.split("=", 1) for word in argv[:cut])
    rak.bulk.run.process = faulty_process(rules)  # type: ignore[assignment]
    sys.argv = ["rak", *argv[cut + 1:]]
    rak_main()


if __name__ == "__main__":
    main(sys.argv[1:])
