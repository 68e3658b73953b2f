"""CPU seconds of a fresh ``rak`` process, and the heavy libraries it loaded.

Most checks in an office are one Word or Excel file: there the start of the process (Python,
typer, the rules, the schema) costs as much as the reading. Each command runs in fresh
processes; the CPU time of the child is taken from ``getrusage`` (not the wall clock, which
counts the shared machine's other programs), median of ``--runs``. One more run under
``python -X importtime`` names the heavy libraries that were imported. Usage:

    python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
COMMANDS = {
    "rak --help": ["--help"],
    "rak check Word": ["check", str(SAMPLES / "rak-kubu-raya-2024.docx")],
    "rak check Excel": ["check", str(SAMPLES / "rak-kubu-raya-2024.xlsx")],
    "rak check PDF": ["check", str(SAMPLES / "rak-kubu-raya-2024.pdf")],
}
# Libraries a command should load only when its file needs them.
HEAVY = ("pdfplumber", "pdfminer", "pypdfium2", "cv2", "numpy", "PIL", "tesserocr",
         "pydantic", "openpyxl", "docx", "jsonschema", "rich")


def cpu_seconds(args: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "rak", *args], cwd=ROOT, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def loaded(args: list[str]) -> list[str]:
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "rak", *args], cwd=ROOT,
                         capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    names = set(re.findall(r"^import time:.*\|\s*(\S+)$", out.stderr, flags=re.M))
    return [lib for lib in HEAVY if lib in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"{'command':<18} {'CPU s (median)':>15}  heavy libraries loaded")
    for name, argv in COMMANDS.items():
        seconds = statistics.median(cpu_seconds(argv) for _ in range(args.runs))
        print(f"{name:<18} {seconds:>15.3f}  {', '.join(loaded(argv)) or '-'}", flush=True)


if __name__ == "__main__":
    main()
