"""CPU ms of reading a Word table of 300 rows and the seed's Excel workbook.

These were wall-clock assertions in tests (``tests/test_reader_docx.py``,
``tests/test_reader_xlsx.py``) that a loaded machine failed now and then; what they guarded,
a reader turning quadratic in rows, shows here as ms per row growing with the row count.
Each size runs in this process after one warm-up read, median of ``--runs``. Usage:

    python benchmarks/bench_office.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def word_table(rows: int, folder: Path) -> Path:
    """A 17-column table of ``rows`` rows, months marked, as a Word file."""
    import docx
    from docx.shared import Twips

    document = docx.Document()
    table = document.add_table(rows=rows, cols=17)
    for col in table.columns:
        col.width = Twips(600)
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            cell.paragraphs[0].add_run("√" if 4 <= j < 16 else f"r{i}c{j}")
    path = folder / f"table-{rows}.docx"
    document.save(str(path))
    return path


def cpu_ms(read, path: Path, runs: int) -> float:
    read(path)  # imports and caches
    times = []
    for _ in range(runs):
        start = time.process_time()
        read(path)
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from extractor import extract
    from extractor.options import ExtractOptions
    from extractor.readers.docx import read_docx

    options = ExtractOptions()
    print(f"{'file':34} {'rows':>5} {'ms':>8} {'ms/row':>7}   (CPU, median of {args.runs})")
    with tempfile.TemporaryDirectory(prefix="rak-bench-office-") as tmp:
        for rows in (100, 300, 900):
            path = word_table(rows, Path(tmp))
            ms = cpu_ms(lambda p: read_docx(p, options), path, args.runs)
            print(f"{path.name:34} {rows:5} {ms:8.1f} {ms / rows:7.3f}")
    xlsx = ROOT / "samples" / "rak-kubu-raya-2024.xlsx"
    rows = len(extract(xlsx).rows)
    ms = cpu_ms(extract, xlsx, args.runs)
    print(f"{xlsx.name:34} {rows:5} {ms:8.1f} {ms / rows:7.3f}")


if __name__ == "__main__":
    main()
