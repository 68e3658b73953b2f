"""Seconds per scanned page of `extract` on image-only PDFs, beside the `tesseract` command
over the same page images, in one run (issue #15).

Each `extract` run is a fresh process that loads its Tesseract engines first (about a
second each, counted apart as ``engine_s``) and then reads every page: the figure that
matters for archives is the steady per-page cost, as wall time (what a user waits) and CPU
time (what the machine spends, all threads). It is measured with one engine (pages one
after another, as before issue #15) and with the engines the machine gives
(``ScanSettings.engines``, one per core), run by run in turns so that the machine's load
weighs on both alike; the median of the runs is reported. The aim is at most 1 s of wall
time a page at 200 dpi on a 2-core machine.

Beside them, one single-thread pass of the `tesseract` command (``OMP_THREAD_LIMIT=1``,
``-l ind+eng``, its default page segmentation) over the same pages rendered to PNG by
`pdftoppm` at the scan's own dpi: what plain OCR of the page as one picture costs, with no
table found, no cell read on its own, no check. The 200-dpi scan is the seed's, built by
``samples/build/scan.py`` into a temporary folder (no committed sample has its twenty
pages at 200 dpi). Wall time on a shared machine varies with its load: compare figures of
one run. Usage:

    python benchmarks/bench_ocr.py [--runs 3] [--no-cli] [PDF ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "rak-kubu-raya-2024.pdf"
DEFAULT = [
    SAMPLES / "rak-kubu-raya-2024-scan-150.pdf",
    None,  # the seed at 200 dpi, built in the run's temporary folder
    SAMPLES / "rak-kubu-raya-2024-scan-300.pdf",
    SAMPLES / "rak-scan-fotokopi-300.pdf",  # 1-bit: its own preparation path
]

# The engines are loaded before the clock starts: every thread of the pool takes one job at
# once (the barrier holds each until all have started), which makes its engine.
RUN = """
import json, resource, sys, threading, time
from extractor import extract
from extractor.options import ExtractOptions
from extractor.readers.scan.engines import engine_count, engine_pool
from extractor.readers.scan.reader import _reader
from extractor.readers.scan.settings import ScanSettings
wanted = int(sys.argv[2])  # 0: as many as the settings and the machine give
options = ExtractOptions(scan=ScanSettings(engines=wanted) if wanted else ScanSettings())
n = engine_count(options.scan)
t = time.perf_counter()
if n == 1:
    _reader(sys.argv[1])
else:
    pool = engine_pool(n)
    barrier = threading.Barrier(n)
    for job in [pool.submit(sys.argv[1], lambda e: barrier.wait(), threading.Event())
                for _ in range(n)]:
        job.result()
engine = time.perf_counter() - t
t, c = time.perf_counter(), time.process_time()
doc = extract(sys.argv[1], options)
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"wall": wall, "cpu": cpu, "engine": engine, "engines": n,
                  "pages": doc.source.pages, "rows": len(doc.rows), "ocr": doc.source.ocr,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_200(folder: Path) -> Path:
    """The seed's scan at 200 dpi, as ``samples/build/scan.py`` makes the committed ones."""
    subprocess.run(
        [sys.executable, "-m", "samples.build.scan", "--source", str(SEED), "--dpi", "200",
         "--out", str(folder)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    return folder / f"{SEED.stem}-scan-200.pdf"


def run_extract(pdf: Path, engines: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", RUN, str(pdf), str(engines)],
        cwd=ROOT, check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def page_dpi(pdf: Path) -> int:
    """The resolution of the scan's first picture (``pdfimages -list``)."""
    out = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", str(pdf)],
                         check=True, capture_output=True, text=True).stdout  # fmt: skip
    return round(float(out.splitlines()[2].split()[12]))


def tesseract_cli(pdf: Path, folder: Path) -> float:
    """Wall seconds a page of one single-thread ``tesseract`` pass over the pages' PNGs."""
    stem = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(page_dpi(pdf)), "-gray", "-png", str(pdf), str(stem)],
                   check=True, capture_output=True)  # fmt: skip
    pages = sorted(folder.glob(f"{pdf.stem}-*.png"))
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    t = time.perf_counter()
    for png in pages:
        subprocess.run(["tesseract", str(png), "-", "-l", "ind+eng"],
                       check=True, capture_output=True, env=env)  # fmt: skip
    return (time.perf_counter() - t) / len(pages)


def measure(pdf: Path, runs: int, cli: bool, folder: Path) -> list[dict[str, object]]:
    results: dict[int, list[dict[str, float]]] = {1: [], 0: []}
    for _ in range(runs):
        for engines in results:  # in turns: the machine's load weighs on both
            results[engines].append(run_extract(pdf, engines))
    rows: list[dict[str, object]] = []
    for rs in results.values():
        pages = rs[0]["pages"]
        rows.append({
            "file": pdf.name,
            "pages": pages,
            "rows": rs[0]["rows"],
            "engines": rs[0]["engines"],
            "wall_s_page": round(statistics.median(r["wall"] / pages for r in rs), 2),
            "cpu_s_page": round(statistics.median(r["cpu"] / pages for r in rs), 2),
            "engine_s": round(statistics.median(r["engine"] for r in rs), 2),
            "peak_mb": round(statistics.median(r["peak_mb"] for r in rs)),
            "same_rows": len({r["rows"] for r in rs}) == 1,
        })  # fmt: skip
    if cli:
        rows.append({"file": pdf.name, "pages": rows[0]["pages"], "engines": "tesseract CLI",
                     "wall_s_page": round(tesseract_cli(pdf, folder), 2)})  # fmt: skip
    return rows


COLUMNS = ("file", "pages", "rows", "engines", "wall_s_page", "cpu_s_page", "engine_s",
           "peak_mb")  # fmt: skip


def table(rows: list[dict[str, object]]) -> str:
    cells = [[str(r.get(c, "")) for c in COLUMNS] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(COLUMNS)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-cli", action="store_true", help="without the tesseract pass")
    parser.add_argument("pdfs", nargs="*", type=Path)
    args = parser.parse_args(argv)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="rak-bench-ocr-") as tmp:
        folder = Path(tmp)
        pdfs = args.pdfs or [p if p is not None else build_200(folder) for p in DEFAULT]
        for pdf in pdfs:
            found = measure(pdf, args.runs, not args.no_cli, folder)
            for row in found:
                print(json.dumps(row), file=sys.stderr)
            rows += found
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
