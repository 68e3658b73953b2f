"""Scans of pages drawn by another hand: ``python benchmarks/scan_corpus.py``.

The scan sweep (``sweep_scan.py``) scans pages our own writer drew, so a reader tuned to
that writer's fonts, spacing and rulings would pass it and fail on a stranger's scan. Here
the born-digital PDFs of ``../shared/corpus`` (Word and Excel exports, a table without
ruling lines, shaded months, rotated pages: made outside this project) are printed and
scanned by ``samples/build/scan.py`` at the sweep's settings, read back by ``rak check``, and
scored by the corpus's own scorer against the corpus's truth (the same rows and metadata:
scanning changes how a page looks, not what it says). The scans and the copied truth files
go to a temporary folder (or ``--keep DIR``), never into the project.

    python benchmarks/scan_corpus.py [--ids 'c02-*,c06-*'] [--settings base 'dpi 150'] [--keep DIR]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.sweep_scan import settings as scan_settings  # noqa: E402
from samples.build.scan import make_scan  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
# One born-digital document of each layout the corpus has on paper-like pages.
DEFAULT_IDS = (
    "c00-word-pdf",
    "c00-excel-pdf",
    "c02-noborder-pdf",
    "c02-word-wingdings-pdf",
    "c05-word-shaded-pdf",
    "c06-rotated-pdf",
)
DEFAULT_SETTINGS = ("base", "dpi 150")


def sources(patterns: list[str]) -> list[Path]:
    """The corpus PDFs that are not scans already, matching ``patterns``."""
    found = sorted(p for p in CORPUS.glob("*.pdf") if "scanned" not in p.stem)
    return [p for p in found if any(fnmatch.fnmatch(p.stem, pat) for pat in patterns)]


def run(ids: list[str], names: list[str], work: Path) -> int:
    every = scan_settings()
    unknown = [n for n in names if n not in every]
    if unknown:
        print(f"unknown settings: {', '.join(unknown)}; known: {', '.join(every)}")
        return 2
    docs = sources(ids)
    if not docs:
        print(f"no born-digital corpus PDF matches {ids} in {CORPUS}")
        return 2
    truth, out = work / "truth", work / "out"
    truth.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    for pdf in docs:
        for name in names:
            ident = f"{pdf.stem}--{name.replace(' ', '_')}"
            scan = make_scan(pdf, work / f"{ident}.pdf", every[name])
            # The scorer finds the output by the truth's id, and groups by its layout.
            t = json.loads((CORPUS / f"{pdf.stem}.truth.json").read_text(encoding="utf-8"))
            t["id"], t["layout"], t["format"] = ident, f"scan of {t['layout']}", name
            (truth / f"{ident}.truth.json").write_text(json.dumps(t), encoding="utf-8")
            with open(out / f"{ident}.json", "wb") as f:
                rc = subprocess.run(
                    ["rak", "check", str(scan), "--format", "json"], stdout=f, timeout=600
                ).returncode
            (out / f"{ident}.rc").write_text(f"{rc}\n")
            print(f"{ident}: rak exit {rc}", file=sys.stderr, flush=True)
    return subprocess.run(
        [
            sys.executable,
            str(CORPUS / "score.py"),
            "--truth",
            str(truth),
            "--out",
            str(out),
            "--layout",
        ]
    ).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", default=",".join(DEFAULT_IDS), help="corpus id globs")
    parser.add_argument("--settings", nargs="*", default=list(DEFAULT_SETTINGS))
    parser.add_argument("--keep", type=Path, help="keep the scans and outputs in this folder")
    args = parser.parse_args(argv)
    patterns = args.ids.split(",")
    if args.keep:
        return run(patterns, args.settings, args.keep)
    with tempfile.TemporaryDirectory(prefix="rak-scan-corpus-") as tmp:
        return run(patterns, args.settings, Path(tmp))


if __name__ == "__main__":
    raise SystemExit(main())
