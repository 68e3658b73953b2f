"""Files per minute and worker memory of a bulk `rak check`, with --jobs 1 and --jobs 2.

N input files are made by copying the samples (PDF and Word, cycled) into a temporary folder;
each setting runs the whole bulk pipeline (discover, workers, per-file reports, summary files)
into its own --out folder. Per worker it reports peak RSS and its RSS after its first and its
last file: a worker whose memory grows over the run shows a rising second number. The long
40-page PDF and the scanned PDFs (OCR) are left out unless --include-long: each takes from
40 s to 2 minutes alone and would measure OCR, not the bulk machinery. Usage:

    python benchmarks/bench_bulk.py [-n 200] [--jobs 1 2] [--timeout 120] [--include-long]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Left out unless --include-long: the 40-page PDF (~40 s) and the scans read by OCR (~1-2 min).
SLOW = ("panjang-40.pdf", "scan")
sys.path.insert(0, str(ROOT))

from rak.bulk.run import BulkSettings, run_bulk  # noqa: E402  (after the sys.path line)


def make_inputs(folder: Path, n: int, include_long: bool) -> list[Path]:
    samples = sorted(
        p
        for p in (ROOT / "samples").iterdir()
        if p.suffix in (".pdf", ".docx") and (include_long or not any(s in p.name for s in SLOW))
    )
    made = []
    for i in range(n):
        src = samples[i % len(samples)]
        dst = folder / f"{i:04d}-{src.name}"
        shutil.copy(src, dst)
        made.append(dst)
    return made


def run_once(inputs: Path, out: Path, jobs: int, timeout: float) -> dict:
    settings = BulkSettings(mode="check", out=out, jobs=jobs, timeout=timeout, progress=False)
    start = time.perf_counter()
    result = run_bulk([str(inputs)], settings)
    wall = time.perf_counter() - start
    per_worker: dict[int, list] = defaultdict(list)
    for s in result.stats:
        per_worker[s.pid].append(s)
    workers = []
    for pid, stats in per_worker.items():
        workers.append(
            {
                "pid": pid,
                "files": len(stats),
                "peak_mb": max(s.peak_mb for s in stats),
                "rss_first_mb": stats[0].rss_mb,
                "rss_mid_mb": stats[len(stats) // 2].rss_mb,
                "rss_last_mb": stats[-1].rss_mb,
            }
        )
    statuses = defaultdict(int)
    for line in result.lines:
        statuses[line.status] += 1
    return {
        "jobs": jobs,
        "files": len(result.lines),
        "wall_s": wall,
        "files_per_min": len(result.lines) / wall * 60,
        "median_file_s": statistics.median(s.seconds for s in result.stats),
        "workers": workers,
        "statuses": dict(statuses),
        "exit_code": result.exit_code,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=200, help="number of input files (default 200)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--include-long", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="rak-bench-") as tmp:
        inputs = Path(tmp) / "masuk"
        inputs.mkdir()
        make_inputs(inputs, args.n, args.include_long)
        print(f"{args.n} files, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        results = [run_once(inputs, Path(tmp) / f"hasil-{j}", j, args.timeout) for j in args.jobs]
    base = results[0]["files_per_min"]
    print(
        f"{'jobs':>4} {'files':>5} {'wall s':>7} {'files/min':>9} {'speed-up':>8} "
        f"{'med s/file':>10}  statuses"
    )
    for r in results:
        print(
            f"{r['jobs']:>4} {r['files']:>5} {r['wall_s']:>7.1f} {r['files_per_min']:>9.1f} "
            f"{r['files_per_min'] / base:>7.2f}x {r['median_file_s']:>10.2f}  {r['statuses']}"
        )
    print()
    # RSS after the worker's first file, at its half-way file and after its last one. The
    # first file is small and loads no PDF library yet, so first -> mid is warm-up; mid -> last
    # is growth over the run, which should stay near zero.
    print(
        f"{'jobs':>4} {'worker':>8} {'files':>5} {'peak MB':>8} {'RSS 1st':>8} "
        f"{'RSS mid':>8} {'RSS last':>8} {'mid->last':>9}"
    )
    for r in results:
        for w in r["workers"]:
            growth = w["rss_last_mb"] - w["rss_mid_mb"]
            print(
                f"{r['jobs']:>4} {w['pid']:>8} {w['files']:>5} {w['peak_mb']:>8.1f} "
                f"{w['rss_first_mb']:>8.1f} {w['rss_mid_mb']:>8.1f} {w['rss_last_mb']:>8.1f} "
                f"{growth:>+9.1f}"
            )


if __name__ == "__main__":
    main()
