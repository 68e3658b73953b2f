"""Measure the per-unit memory costs ``extractor/readers/pdf/price.py`` prices PDF pages at.

Run from the repository root with the venv active: ``python tests/bad/measure_pdf_cost.py
[MB]``. Each measure runs in a fresh process with no memory budget: the peak resident set of
parsing one page (pdfminer's layout, pdfplumber's objects, our tuples) or of reading one
scanned page (render and OCR), over what the process held before, divided by what the page
holds. Printed beside the constant each one checks.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from extractor.readers.pdf import price as pdf_price  # noqa: E402
from tests.bad import hostile  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# name -> (one repeated unit of content, what the cost is per, how many of those a unit
# holds (0: its length in bytes), the constant it checks). A rectangle is five path elements
# to pdfminer (m l l l h).
CONTENTS = {
    "spaces": (b" " * 64 + b"\n", "byte", 0, "CONTENT_BYTES"),
    "nested arrays": (b"[[[[[[1]]]]]]\n", "byte", 0, "CONTENT_BYTES"),
    "empty arrays": (b"[] " * 20 + b"\n", "byte", 0, "CONTENT_BYTES"),
    "floats": (b"1.5 " * 15 + b"\n", "byte", 0, "CONTENT_BYTES"),
    "glyphs in TJ": (b"BT /F1 1 Tf 10 10 Td [(" + b"abcdefghij" * 20 + b")] TJ ET\n",
                     "glyph", 200, "GLYPH_BYTES"),
    "glyphs in Tj": (b"BT /F1 1 Tf 10 10 Td (a) Tj ET\n", "glyph", 1, "GLYPH_BYTES"),
    "lines": (b"10 10 m 300 300 l S\n", "element", 2, "PATH_ELEMENT_BYTES"),
    "rectangles": (b"10 10 50 50 re f\n", "element", 5, "PATH_ELEMENT_BYTES"),
}

_PARSE = r'''
import resource, sys
from pathlib import Path
from extractor.options import ExtractOptions
from extractor.readers.pdf import reader as pdf
path = Path(sys.argv[1]); options = ExtractOptions(max_memory_mb=0)
page = pdf._open(path, options).pages[0]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
content = pdf._parse(path, page, options)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) * 1024)
'''

_SCAN = r'''
import resource, sys
from pathlib import Path
from extractor.grid import Grid
from extractor.options import ExtractOptions
from extractor.readers.pdf import reader as pdf
from extractor.readers.scan import reader as ocr
path = Path(sys.argv[1]); options = ExtractOptions(max_memory_mb=0)
page = pdf._open(path, options).pages[0]
content = pdf._parse(path, page, options)
native = ocr._picture_dpi(page, options.scan)
dpi = min(max(native, options.scan.min_render_dpi), options.scan.max_render_dpi)
ocr._reader(str(path))
import cv2, numpy  # loaded before the measure: libraries, not the page
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
ocr.read_scanned_page(page, content, 1, Grid(format="pdf", pages=1), str(path), options.scan)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) * 1024, float(page.width) * float(page.height) * (dpi / 72) ** 2, dpi)
'''


def _run(script: str, path: Path) -> list[float]:
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                         text=True, check=True)
    return [float(v) for v in out.stdout.split()]


def main(size_mb: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (unit, per, each, constant) in CONTENTS.items():
            units = int(size_mb * 1e6 // len(unit))
            data = unit * units
            path = Path(tmp) / "page.pdf"
            path.write_bytes(hostile._pdf([hostile._stream(data), hostile.HELVETICA], (595, 842),
                                          hostile.FONT))
            (extra,) = _run(_PARSE, path)
            count = units * (each or len(unit))
            print(f"{name:14} {len(data) / 1e6:5.1f} MB of content  +{extra / 1e6:6.0f} MB  "
                  f"{extra / count:7.1f} B/{per:8} ({constant} = "
                  f"{getattr(pdf_price, constant)})", flush=True)
    for path in sorted(SAMPLES.glob("*scan*.pdf")):
        extra, pixels, dpi = _run(_SCAN, path)
        print(f"{path.name:40} {dpi:4.0f} dpi {pixels / 1e6:5.1f} Mpx  +{extra / 1e6:5.0f} MB  "
              f"{extra / pixels:5.1f} B/px (PIXEL_BYTES = {pdf_price.PIXEL_BYTES})", flush=True)


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 0.5)
