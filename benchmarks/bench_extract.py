"""ms per page and peak memory of `rak extract` beside bare pdfplumber `extract_tables()`.

Each measurement runs in a fresh process so peak RSS is its own; the median of several runs is
reported because the machine is shared and noisy. Usage:

    python benchmarks/bench_extract.py [--runs 5] [PDF ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "samples" / "rak-kubu-raya-2024.pdf", ROOT / "samples" / "rak-panjang-40.pdf"]

RAK = """
import json, resource, sys, time
from extractor import extract
t = time.perf_counter()
doc = extract(sys.argv[1])
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "pages": doc.source.pages, "rows": len(doc.rows),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BARE = """
import json, resource, sys, time
import pdfplumber
t = time.perf_counter()
n = 0
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
        n += 1
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "pages": n, "rows": None,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(code: str, pdf: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, str(pdf)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print(f"{'file':32} {'what':12} {'pages':>5} {'ms/page':>9} {'peak MB':>8}")
    for pdf in args.pdfs:
        results = {}
        for name, code in (("rak extract", RAK), ("extract_tables", BARE)):
            runs = [run(code, pdf) for _ in range(args.runs)]
            pages = runs[0]["pages"]
            ms = statistics.median(r["seconds"] for r in runs) * 1000 / pages
            peak = statistics.median(r["peak_mb"] for r in runs)
            results[name] = ms
            print(f"{pdf.name:32} {name:12} {pages:>5} {ms:>9.1f} {peak:>8.1f}")
        ratio = results["rak extract"] / results["extract_tables"]
        print(f"{pdf.name:32} ratio rak/bare: {ratio:.2f}")


if __name__ == "__main__":
    main()
