"""Tesseract calls a scanned page costs, and the CPU share they take (issue #15).

One engine (pages one after another, in this thread), so that the CPU time spent inside the
engine's calls (its recognitions, iterators and image hand-over) can be told apart from the
rest (rendering, preparation, ruling, ink, Python): every call on the engine's
``PyTessBaseAPI`` is timed with the thread's CPU clock, and each recognition is counted by
what asked for it (a cell, its re-reads at other scales, its lines one by one, the text
outside tables, a whole unruled page).

Measured on the seed at 200 dpi (issue #15, Dec 2026): 79.8 recognitions a page (46.7 cells,
32.1 re-reads of short cells, 0.9 lines outside tables), 0.53-0.59 s of the page's 1.2-1.4 s
of CPU inside the engine (about 0.43); a call costs at most 0.6 ms beyond its glyphs, so
reading a row's cells in one call saves little (see the issue's note). Usage:

    python benchmarks/ocr_calls.py PDF [--runs 3] [--set name=value ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class _Timed:
    """The engine's API with each call's thread CPU time added to ``spent``."""

    def __init__(self, api: Any, spent: list[float]) -> None:
        self._api, self._spent = api, spent

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._api, name)
        if not callable(attr):
            return attr

        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.thread_time()
            try:
                return attr(*args, **kwargs)
            finally:
                self._spent[0] += time.thread_time() - t

        return timed


def _asker() -> str:
    """What asked for the recognition under way: the innermost of the reader's callers
    named here that is on the stack (a re-read is counted as ``_vote``, not ``read_cell``)."""
    names = [f.name for f in traceback.extract_stack()]
    for key in ("_vote", "every_line", "read_lines", "page_words", "read_cell"):
        if key in names:
            return key
    return "other"


def run_once(pdf: Path, overrides: dict[str, Any]) -> dict[str, Any]:
    from extractor import extract
    from extractor.options import ExtractOptions
    from extractor.readers.scan import text
    from extractor.readers.scan.reader import _reader
    from extractor.readers.scan.settings import ScanSettings

    engine = _reader(str(pdf))
    spent = [0.0]
    calls: Counter[str] = Counter()
    if isinstance(engine._api, _Timed):
        engine._api._spent = spent
    else:
        engine._api = _Timed(engine._api, spent)
    original = text.CellReader._set

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        calls[_asker()] += 1
        t = time.thread_time()
        try:
            original(self, *args, **kwargs)
        finally:
            spent[0] += time.thread_time() - t  # the enlarging is the engine's share too

    text.CellReader._set = counted  # type: ignore[method-assign]
    try:
        options = ExtractOptions(scan=ScanSettings(engines=1, **overrides))
        c = time.process_time()
        doc = extract(str(pdf), options)
        cpu = time.process_time() - c
    finally:
        text.CellReader._set = original  # type: ignore[method-assign]
    pages = doc.source.pages or 1
    return {
        "pages": pages,
        "rows": len(doc.rows),
        "calls_page": sum(calls.values()) / pages,
        "by_asker_page": {k: round(v / pages, 1) for k, v in sorted(calls.items())},
        "cpu_s_page": cpu / pages,
        "ocr_cpu_s_page": spent[0] / pages,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--set", nargs="*", default=[], help="ScanSettings field=value")
    args = parser.parse_args(argv)
    overrides: dict[str, Any] = {}
    for item in args.set:
        name, value = item.split("=", 1)
        overrides[name] = json.loads(value)
    runs = [run_once(args.pdf, overrides) for _ in range(args.runs)]
    for r in runs:
        print(json.dumps(r), file=sys.stderr)
    cpu = statistics.median(r["cpu_s_page"] for r in runs)
    ocr = statistics.median(r["ocr_cpu_s_page"] for r in runs)
    print(json.dumps({
        "file": args.pdf.name, "pages": runs[0]["pages"], "rows": runs[0]["rows"],
        "calls_page": round(runs[0]["calls_page"], 1), "by_asker_page": runs[0]["by_asker_page"],
        "cpu_s_page": round(cpu, 3), "ocr_cpu_s_page": round(ocr, 3),
        "ocr_share": round(ocr / cpu, 2), "rest_cpu_s_page": round(cpu - ocr, 3),
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
