"""Sweep the scan reader across what scanners and copiers vary: ``python benchmarks/sweep_scan.py``.

One short RAK (three pages, 21 rows, title block and signature) is drawn once from its
spec, then "scanned" by ``samples/build/scan.py`` at each setting, changing one thing at a
time from a middling scan (200 dpi, paper grey 0.92, 1 degree of skew, JPEG quality 60):
dpi 150-300, paper grey 0.7-1.0 and yellowed, skew +-3 degrees, blur, JPEG quality 30-90,
1-bit copies, a stamp over the signature, header cells filled grey, dust where full stops
sit. Each scan is read back
and scored against the spec (``benchmarks/sweeplib.py``): rows with all six fields right,
and rows with the right schedule. The bar is 95% of rows at every setting.

    python benchmarks/sweep_scan.py [--only NAME ...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.sweeplib import Result, all_pass, print_table, score  # noqa: E402
from samples.build.pdf_writer import PdfOptions, write_pdf  # noqa: E402
from samples.build.scan import ScanOptions, make_scan  # noqa: E402
from samples.build.scan_samples import scan_source  # noqa: E402
from samples.build.spec import expected  # noqa: E402

BAR = 0.95
BASE = ScanOptions(dpi=200, angle=1.0, paper=0.92, jpeg_quality=60, seed=7)


def settings() -> dict[str, ScanOptions]:
    """One change from ``BASE`` each, and the combinations real archives hold."""
    one = {
        "base": {},
        "dpi 150": {"dpi": 150},
        "dpi 300": {"dpi": 300, "jpeg_quality": 40},
        "paper 0.70": {"paper": 0.70},
        "paper 0.85": {"paper": 0.85},
        "paper 1.00": {"paper": 1.0},
        "yellowed": {"yellowed": 1.0},
        "skew -3": {"angle": -3.0},
        "skew +3": {"angle": 3.0},
        "skew 0": {"angle": 0.0},
        "blur 0.6 px": {"blur_in": 0.003},
        "blur 1.2 px": {"blur_in": 0.006},
        "jpeg 30": {"jpeg_quality": 30},
        "jpeg 90": {"jpeg_quality": 90},
        "1-bit 200": {"bilevel": True},
        "stamp": {"stamp": "HENDRIKUS"},
        "header fill": {"shade_header": 0.3},
        "stop dust": {"stop_dust": 0.3},
        "copy 1-bit 300 2deg": {"dpi": 300, "bilevel": True, "angle": 2.0},
        "grey 150 blur q30 fill": {"dpi": 150, "paper": 0.8, "blur_in": 0.004,
                                   "jpeg_quality": 30, "shade_header": 0.3},
        "yellow stamp 150": {"dpi": 150, "yellowed": 1.0, "stamp": "HENDRIKUS",
                             "jpeg_quality": 40, "angle": -1.5},
    }  # fmt: skip
    return {name: replace(BASE, **change) for name, change in one.items()}


def run(only: list[str], keep: Path | None) -> list[Result]:
    from extractor import extract

    doc = scan_source("rak-scan-sweep", 30, (7, 7, 7))
    want = expected(doc)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="rak-sweep-scan-") as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        source = write_pdf(doc, work / "source.pdf", PdfOptions(number_row=True))
        for name, options in settings().items():
            if only and name not in only:
                continue
            scan = make_scan(source, work / f"{name.replace(' ', '_')}.pdf", options)
            start = time.process_time()
            try:
                got = extract(scan)
            except Exception as e:  # a sweep reports every setting, whatever fails
                results.append(Result("scan", name, None, f"{type(e).__name__}: {e}"))
                continue
            seconds = (time.process_time() - start) / max(1, got.source.pages or 1)
            s = score(got, want)
            meta = got.document
            names = meta.penandatangan.nama == doc.nama and meta.tempat == doc.tempat
            note = f"{seconds:.1f} s/page cpu" + ("" if names else " (signer or place wrong)")
            results.append(Result("scan", name, s, note))
            print(f"{name}: {s.perfect}/{s.denom} rows, jadwal {s.jadwal_ok}/{s.denom}; "
                  f"{note}", file=sys.stderr, flush=True)  # fmt: skip
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="setting names to run")
    parser.add_argument("--keep", type=Path, help="keep the scans in this folder")
    args = parser.parse_args(argv)
    results = run(args.only, args.keep)
    print_table(results, BAR)
    for r in results:
        if r.error:
            print(f"  {r.setting}: {r.error}")
    return 0 if all_pass(results, BAR) else 1


if __name__ == "__main__":
    raise SystemExit(main())
