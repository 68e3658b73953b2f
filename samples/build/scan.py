"""Make "scanned" copies of a sample PDF: ``python -m samples.build.scan [--dpi 150 300]``.

A real archive scan is an image of paper: grey, slightly rotated, speckled and
JPEG-compressed, with no text layer. This rebuilds that from the sample PDF so the OCR reader
is tested against the same rows as ``.expected.json`` describes: each page is rasterised with
``pdftoppm`` (poppler-utils), rotated by about one degree, given sensor noise and dust
speckles, and the pages are saved by Pillow as an image-only PDF of grayscale JPEGs (small
files, and the JPEG artefacts are part of what a scan looks like).

The noise comes from a fixed seed per page and the PDF dates are pinned, so rebuilding gives
the same file. Run from the repository root; files land in ``samples/``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

SAMPLES_DIR = Path(__file__).resolve().parents[1]
FIXED_DATE = time.gmtime(1704182400)  # 2024-01-02 08:00 UTC: Pillow takes a struct_time


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How rough the paper copy is. Angles alternate in sign from page to page, as a stack
    of sheets fed by hand does."""

    dpi: int = 150
    angle: float = 1.0  # degrees
    noise_sigma: float = 4.0  # grey levels of Gaussian sensor noise (it is what costs bytes)
    speckles_per_mpx: int = 120  # dark dust specks per million pixels
    jpeg_quality: int = 50
    seed: int = 2024

    def __post_init__(self) -> None:
        if not 50 <= self.dpi <= 600:
            raise ValueError("dpi must be within 50..600")
        if not 1 <= self.jpeg_quality <= 95:
            raise ValueError("jpeg_quality must be within 1..95")


def rasterise(pdf: Path, dpi: int, work: Path) -> list[Path]:
    """Grayscale PNG of every page, in page order."""
    prefix = work / "page"
    subprocess.run(
        ["pdftoppm", "-gray", "-png", "-r", str(dpi), str(pdf), str(prefix)],
        check=True,
        timeout=600,
    )
    return sorted(work.glob("page-*.png"))


def roughen(
    page: Image.Image, angle: float, options: ScanOptions, rng: np.random.Generator
) -> Image.Image:
    """Rotate, add noise and dust: what a flatbed does to a clean page."""
    turned = page.convert("L").rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255
    )
    pixels = np.asarray(turned, dtype=np.float32)
    pixels = pixels - 6.0 + rng.normal(0.0, options.noise_sigma, pixels.shape)  # paper grey
    h, w = pixels.shape
    count = int(options.speckles_per_mpx * h * w / 1e6)
    ys = rng.integers(0, h - 2, count)
    xs = rng.integers(0, w - 2, count)
    sizes = rng.integers(1, 3, count)  # 1 or 2 px: dust, not ink strokes
    for y, x, s in zip(ys, xs, sizes):
        pixels[y : y + s, x : x + s] = rng.uniform(20, 110)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")


def make_scan(pdf: Path, out: Path, options: ScanOptions) -> Path:
    """Write the image-only PDF ``out`` from ``pdf``; return ``out``."""
    with tempfile.TemporaryDirectory(prefix="rak-scan-") as tmp:
        pages: list[Image.Image] = []
        for n, png in enumerate(rasterise(pdf, options.dpi, Path(tmp))):
            rng = np.random.default_rng(options.seed + n)
            angle = options.angle if n % 2 == 0 else -0.8 * options.angle
            with Image.open(png) as im:
                pages.append(roughen(im, angle, options, rng))
        pages[0].save(
            out,
            "PDF",
            save_all=True,
            append_images=pages[1:],
            resolution=float(options.dpi),
            quality=options.jpeg_quality,
            creationDate=FIXED_DATE,
            modDate=FIXED_DATE,
            producer="rak samples/build/scan.py",
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SAMPLES_DIR / "rak-kubu-raya-2024.pdf")
    parser.add_argument("--dpi", type=int, nargs="*", default=[150, 300])
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR)
    args = parser.parse_args(argv)
    for dpi in args.dpi:
        out = args.out / f"{args.source.stem}-scan-{dpi}.pdf"
        # A 300 dpi page has four times the pixels; coarser JPEG keeps the file modest.
        quality = 50 if dpi < 250 else 35
        make_scan(args.source, out, ScanOptions(dpi=dpi, jpeg_quality=quality))
        print(f"built {out.name} ({out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
