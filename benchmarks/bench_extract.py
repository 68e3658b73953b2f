"""CPU ms per page and peak memory of `rak extract` with each PDF engine, beside bare
pdfplumber `extract_tables()`, in one run (issue #15).

Each measurement runs in a fresh process, so its peak RSS is its own and no cache carries
over; the engines and the bare library take turns, run by run, so that the machine's load
(it is shared) weighs on all alike, and the median of the runs is reported. Times are CPU
time of the reading alone (imports excluded, the PDF reader's too). ``--profile ENGINE``
prints where that engine's time goes instead (cProfile, cumulative). Usage:

    python benchmarks/bench_extract.py [--runs 5] [--profile pdfium] [PDF ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "samples" / "rak-panjang-40.pdf", ROOT / "samples" / "rak-kubu-raya-2024.pdf"]
ENGINES = ("pdfium", "pdfplumber")

# Both sides import their libraries before the clock starts: ``extract`` imports the PDF
# reader (and with it pdfplumber, pdfminer, pypdfium2) only when it first reads a PDF, which
# on a fresh process without bytecode caches costs ~0.3 s, 15 ms a page of the seed, that
# the bare run does not pay.
RAK = """
import json, resource, sys, time
import extractor.readers.pdf.reader, extractor.readers.pdf.pdfium
from extractor import extract
from extractor.options import ExtractOptions
from extractor.readers.pdf.settings import PdfTextSettings
options = ExtractOptions(pdf_text=PdfTextSettings(engine=sys.argv[2]))
t = time.process_time()
doc = extract(sys.argv[1], options)
dt = time.process_time() - t
print(json.dumps({"seconds": dt, "pages": doc.source.pages, "rows": len(doc.rows),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BARE = """
import json, resource, sys, time
import pdfplumber
t = time.process_time()
n = 0
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
        n += 1
dt = time.process_time() - t
print(json.dumps({"seconds": dt, "pages": n, "rows": None,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PROFILE = """
import cProfile, pstats, sys
from extractor import extract
from extractor.options import ExtractOptions
from extractor.readers.pdf.settings import PdfTextSettings
options = ExtractOptions(pdf_text=PdfTextSettings(engine=sys.argv[2]))
extract(sys.argv[1], options)  # warm: imports, fonts
profile = cProfile.Profile()
profile.enable()
extract(sys.argv[1], options)
profile.disable()
pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
pstats.Stats(profile).sort_stats("tottime").print_stats(20)
"""


def run(code: str, pdf: Path, *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, str(pdf), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(pdf: Path, runs: int) -> None:
    what = [(f"rak {e}", RAK, (e,)) for e in ENGINES] + [("extract_tables", BARE, ())]
    seen: dict[str, list[dict]] = {name: [] for name, _, _ in what}
    for _ in range(runs):
        for name, code, args in what:
            seen[name].append(run(code, pdf, *args))
    ms: dict[str, float] = {}
    for name, results in seen.items():
        pages = results[0]["pages"]
        ms[name] = statistics.median(r["seconds"] for r in results) * 1000 / pages
        peak = statistics.median(r["peak_mb"] for r in results)
        rows = results[0]["rows"]
        print(f"{pdf.name:26} {name:16} {pages:>5} {rows if rows is not None else '':>5} "
              f"{ms[name]:>8.1f} {peak:>8.1f}")
    bare = ms["extract_tables"]
    for engine in ENGINES:
        print(f"{pdf.name:26} ratio rak {engine} / bare: {ms[f'rak {engine}'] / bare:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", choices=ENGINES)
    args = ap.parse_args()
    if args.profile:
        for pdf in args.pdfs:
            subprocess.run([sys.executable, "-c", PROFILE, str(pdf), args.profile],
                           check=True, cwd=ROOT)
        return
    print(f"{'file':26} {'what':16} {'pages':>5} {'rows':>5} {'ms/page':>8} {'peak MB':>8}"
          f"   (CPU time, median of {args.runs})")
    for pdf in args.pdfs:
        bench(pdf, args.runs)


if __name__ == "__main__":
    main()
