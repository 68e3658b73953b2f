"""The corpus as an older commit's readers read it, judged by today's evidence and checks.

Issue 10 asks whether the doubt evidence would have caught the misreads of the readers
the project once had: their rows were far more often wrong, so they test the evidence
harder than today's readers can. A commit's ``rak check`` is no answer: it has its own
layout and no evidence at all before the evidence was written. So here the older
commit's readers (``extractor/readers`` of that commit, as ``git archive`` gives them, under
another package name) turn each corpus file into their grid; the grid is copied into
today's ``Grid`` (the older cells carry no reader's doubts: only what layout and the
lexicon see counts) and goes through today's layout, evidence and checks. The outputs are
written as ``../shared/corpus/run.sh`` writes them, for ``bench_doubt.py corpus --outputs``:

    python benchmarks/old_readers.py e94a1e6 OUT
    python benchmarks/bench_doubt.py corpus --outputs OUT --misses
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
OLD = "old_extractor"


def unpack(commit: str, into: Path) -> None:
    """The commit's ``extractor`` package as ``old_extractor`` under ``into``."""
    tar = subprocess.run(["git", "archive", commit, "extractor"], cwd=ROOT, check=True,
                         capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        t.extractall(into, filter="data")
    (into / "extractor").rename(into / OLD)


def _copy(obj: Any, kind: type) -> Any:
    """An older dataclass as today's: the fields both have, by name."""
    names = {f.name for f in dataclasses.fields(kind)}
    return kind(**{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)
                   if f.name in names})


def today_grid(old: Any) -> Any:
    from extractor.grid import Cell, Grid, Table, TextLine

    grid = _copy(old, Grid)
    grid.tables = [_copy(t, Table) for t in old.tables]
    for table, before in zip(grid.tables, old.tables):
        table.rows = [[_copy(c, Cell) for c in row] for row in before.rows]
    grid.lines = [_copy(ln, TextLine) for ln in old.lines]
    return grid


def check_old(path: Path) -> dict[str, Any]:
    """``rak check --format json`` of ``path`` with the older readers and today's rest."""
    from checks import run_checks
    from extractor.documents import _as_rak, _sha256
    from extractor.model import Source
    from extractor.options import ExtractOptions

    readers = importlib.import_module(f"{OLD}.readers")
    old_options = importlib.import_module(f"{OLD}.options").ExtractOptions()
    fmt = readers.sniff_format(path)
    grid = today_grid(readers.read_grid(path, fmt, old_options))
    source = Source(file=path.name, format=fmt, pages=grid.pages, sha256=_sha256(path),
                    ocr=grid.ocr)
    doc = _as_rak(grid, source, ExtractOptions())
    if doc is None:
        raise ValueError("no RAK table")
    data = doc.to_dict()
    data["findings"] = [f.to_dict() for f in run_checks(doc)]
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("commit")
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args(argv)
    a.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rak-old-readers-") as tmp:
        unpack(a.commit, Path(tmp))
        sys.path.insert(0, tmp)
        for truth in sorted(a.corpus.glob("*.truth.json")):
            ident = json.loads(truth.read_text("utf-8"))["id"]
            file = a.corpus / json.loads(truth.read_text("utf-8"))["file"]
            try:
                data = check_old(file)
            except Exception as e:  # an older reader's failure is that reader's result
                (a.out / f"{ident}.err").write_text(f"{type(e).__name__}: {e}\n", "utf-8")
                continue
            (a.out / f"{ident}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
            print(ident, len(data["rows"]), "rows", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
