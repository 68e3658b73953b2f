"""Make "scanned" copies of sample PDFs: ``python -m samples.build.scan [--dpi 150 300]``.

A real archive scan is an image of paper, and each scanner or copier spoils it its own way:
the paper is grey or yellowed, the header cells were printed with a grey fill, a blue stamp
and a ballpoint signature sit over the signer's name, the sheet lies a few degrees askew on
the glass, the optics blur, the sensor adds noise, dust lies on the glass, and the result is
saved as JPEG of some quality, or thresholded to 1 bit by a photocopier. ``ScanOptions`` holds
one setting of each; ``degrade`` applies them in that physical order to a rasterised page.

Pages are rasterised with ``pdftoppm`` (poppler-utils) and saved by Pillow as an image-only
PDF (grey or colour JPEG, or CCITT G4 for 1-bit pages), with no text layer. The noise comes
from a fixed seed per page and the PDF dates are pinned, so rebuilding gives the same file.
Run from the repository root; files land in ``samples/``. ``--samples`` also builds the
committed scan samples of ``scan_samples`` (their ``.expected.json`` from the same spec).
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
from PIL import Image, ImageDraw, ImageFont

SAMPLES_DIR = Path(__file__).resolve().parents[1]
FIXED_DATE = time.gmtime(1704182400)  # 2024-01-02 08:00 UTC: Pillow takes a struct_time
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


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
    paper: float = 0.976  # brightness of the paper, 1.0 white
    yellowed: float = 0.0  # 0 white paper .. 1 strongly yellowed (the scan is then colour)
    blur_in: float = 0.0  # optical blur, Gaussian sigma in inches
    shade_header: float = 0.0  # grey fill of the header cells, 0 none .. 1 black
    stamp: str = ""  # text whose line gets a stamp and a signature over it (the signer)
    bilevel: bool = False  # a photocopier's 1-bit copy instead of a grey scan
    # Share of the words in table cells that get a speck of dust just after their last
    # glyph, on the baseline, where a full stop would sit: a pixel at 300 dpi or less, lighter
    # than print, so a reader that tells dust from stops by place alone reads "75%.".
    stop_dust: float = 0.0

    def __post_init__(self) -> None:
        if not 50 <= self.dpi <= 600:
            raise ValueError("dpi must be within 50..600")
        if not 1 <= self.jpeg_quality <= 95:
            raise ValueError("jpeg_quality must be within 1..95")
        if not 0.3 <= self.paper <= 1.0:
            raise ValueError("paper must be within 0.3..1.0")
        if not 0.0 <= self.yellowed <= 1.0 or not 0.0 <= self.shade_header <= 1.0:
            raise ValueError("yellowed and shade_header are within 0..1")
        if self.blur_in < 0 or abs(self.angle) > 10:
            raise ValueError("blur_in must be >= 0 and angle within 10 degrees")
        if not 0.0 <= self.stop_dust <= 1.0:
            raise ValueError("stop_dust is a share of words, within 0..1")

    @property
    def colour(self) -> bool:
        return self.yellowed > 0 or bool(self.stamp)


@dataclass(frozen=True, slots=True)
class PageMarks:
    """Where on a page the paper effects go, in PDF points: found in the source PDF."""

    header_cells: tuple[Box, ...] = ()
    stamp_line: Box | None = None
    # (x, y) in points just after a word's last glyph on its baseline: where dust goes.
    word_ends: tuple[tuple[float, float], ...] = ()


def rasterise(pdf: Path, dpi: int, work: Path, colour: bool) -> list[Path]:
    """A PNG of every page, in page order."""
    prefix = work / "page"
    mode = [] if colour else ["-gray"]
    subprocess.run(
        ["pdftoppm", *mode, "-png", "-r", str(dpi), str(pdf), str(prefix)],
        check=True,
        timeout=600,
    )
    return sorted(work.glob("page-*.png"))


def find_marks(pdf: Path, options: ScanOptions) -> list[PageMarks]:
    """Per page: the cells of the table header (rows printed in bold, and a row of bare
    column numbers right under them), and the line of the ``stamp`` text."""
    import pdfplumber

    out: list[PageMarks] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            cells: list[Box] = []
            if options.shade_header:
                for table in page.find_tables():
                    cells.extend(_header_cells(page, table))
            line = _line_of(page, options.stamp) if options.stamp else None
            ends = _word_ends(page, options) if options.stop_dust else ()
            out.append(PageMarks(tuple(cells), line, ends))
    return out


def _word_ends(page: object, options: ScanOptions) -> tuple[tuple[float, float], ...]:
    """Baseline points a little after the last glyph of a ``stop_dust`` share of the words
    inside tables that end in a letter, a digit or ``%`` (not already in punctuation)."""
    rng = np.random.default_rng(options.seed)
    boxes = [t.bbox for t in page.find_tables()]  # type: ignore[attr-defined]
    out: list[tuple[float, float]] = []
    for w in page.extract_words():  # type: ignore[attr-defined]
        inside = any(b[0] <= w["x0"] and w["x1"] <= b[2] and b[1] <= w["top"] <= b[3]
                     for b in boxes)  # fmt: skip
        if not inside or not (w["text"][-1].isalnum() or w["text"][-1] == "%"):
            continue
        if rng.random() < options.stop_dust:
            size = float(w["bottom"]) - float(w["top"])
            out.append((float(w["x1"]) + 0.12 * size, float(w["top"]) + 0.76 * size))
    return tuple(out)


def _header_cells(page: object, table: object) -> list[Box]:
    """Cells whose text is all bold, and the row of bare column numbers right under them."""
    bold: list[Box] = []
    digits: list[Box] = []
    every = page.chars  # type: ignore[attr-defined]
    for cell in table.cells:  # type: ignore[attr-defined]
        x0, top, x1, bottom = cell
        chars = [
            ch
            for ch in every
            if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1
            and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom
        ]
        text = "".join(ch["text"] for ch in chars).strip()
        if chars and all("Bold" in ch["fontname"] for ch in chars):
            bold.append(cell)
        elif text.isdigit():
            digits.append(cell)
    if not bold:
        return []
    bottom = max(c[3] for c in bold)
    return bold + [c for c in digits if abs(c[1] - bottom) < 2]


def _line_of(page: object, text: str) -> Box | None:
    words = page.extract_words()  # type: ignore[attr-defined]
    first = text.split()[0]
    for w in words:
        if w["text"] == first:
            same = [v for v in words if abs(v["top"] - w["top"]) < 2 and v["x0"] >= w["x0"]]
            right = max(v["x1"] for v in same)
            return (float(w["x0"]), float(w["top"]), float(right), float(w["bottom"]))
    return None


def _px(box: Box, dpi: int) -> tuple[int, int, int, int]:
    k = dpi / 72.0
    return (round(box[0] * k), round(box[1] * k), round(box[2] * k), round(box[3] * k))


def _paper(pixels: np.ndarray, marks: PageMarks, options: ScanOptions) -> np.ndarray:
    """Fills, paper colour and age: multiplied in, as ink on paper is."""
    for box in marks.header_cells:
        x0, top, x1, bottom = _px(box, options.dpi)
        pixels[top + 1 : bottom, x0 + 1 : x1] *= 1.0 - options.shade_header
    tint = np.array([1.0, 1.0 - 0.07 * options.yellowed, 1.0 - 0.25 * options.yellowed])
    pixels *= options.paper * tint
    if options.yellowed:  # aged paper is darker towards its edges
        h, w = pixels.shape[:2]
        ys, xs = np.ogrid[-1 : 1 : h * 1j, -1 : 1 : w * 1j]
        pixels *= (1.0 - 0.08 * options.yellowed * (xs**2 + ys**2))[..., None]
    return pixels


def _stamp(pixels: np.ndarray, line: Box, options: ScanOptions, rng: np.random.Generator) -> None:
    """A blue office stamp over the start of the signer's name, and a ballpoint signature
    above it, blended by multiplication."""
    k = options.dpi / 72.0
    h, w = pixels.shape[:2]
    layer = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    # Pressed, as offices do, at the left of the signature in the space between the title
    # and the name: its ring runs over the signature and grazes the lines above and below.
    r = 20 * k
    cx, cy = line[0] * k - 0.4 * r, (line[1] - 20) * k
    blue = (70, 90, 200)
    for radius, width in ((r, 2.0), (0.78 * r, 1.2)):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=blue,
                     width=max(1, round(width * k)))  # fmt: skip
    font = ImageFont.truetype(FONT, max(6, round(6 * k)))
    draw.text((cx, cy), "SEKRETARIAT", fill=blue, font=font, anchor="mm")
    for n in range(24):  # the ring's lettering, as short strokes
        a = 2 * np.pi * n / 24
        p0 = (cx + 0.84 * r * np.cos(a), cy + 0.84 * r * np.sin(a))
        p1 = (cx + 0.94 * r * np.cos(a + 0.08), cy + 0.94 * r * np.sin(a + 0.08))
        draw.line((p0, p1), fill=blue, width=max(1, round(k)))
    xs = np.linspace(line[0] * k, line[2] * k + 20 * k, 40)
    ys = (line[1] - 14) * k + rng.normal(0, 5 * k, 40).cumsum() * 0.3
    draw.line(list(zip(xs, ys)), fill=(30, 40, 120), width=max(1, round(0.9 * k)))
    ink = np.asarray(layer, dtype=np.float32) / 255.0
    strength = 0.65
    pixels *= 1.0 - strength + strength * ink


def degrade(
    page: Image.Image,
    angle: float,
    marks: PageMarks,
    options: ScanOptions,
    rng: np.random.Generator,
) -> Image.Image:
    """Paper, then the scanner: fill and tint, stamp, skew, blur, noise, dust, 1-bit."""
    pixels = np.asarray(page.convert("RGB"), dtype=np.float32) / 255.0
    pixels = _paper(pixels, marks, options)
    if marks.stamp_line is not None:
        _stamp(pixels, marks.stamp_line, options, rng)
    mode = "RGB" if options.colour and not options.bilevel else "L"
    image = Image.fromarray(np.clip(pixels * 255, 0, 255).astype(np.uint8), mode="RGB")
    if mode == "L":
        image = image.convert("L")
    paper_fill = (255, 255, 255) if mode == "RGB" else 255
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False,
                         fillcolor=paper_fill)  # fmt: skip
    out = np.asarray(image, dtype=np.float32)
    if options.blur_in > 0:
        import cv2

        out = cv2.GaussianBlur(out, (0, 0), options.blur_in * options.dpi)
    sigma = options.noise_sigma * (4.0 if options.bilevel else 1.0)
    out = out + rng.normal(0.0, sigma, out.shape)
    h, w = out.shape[:2]
    count = int(options.speckles_per_mpx * h * w / 1e6)
    ys = rng.integers(0, h - 2, count)
    xs = rng.integers(0, w - 2, count)
    sizes = rng.integers(1, 3, count)  # 1 or 2 px: dust, not ink strokes
    for y, x, s in zip(ys, xs, sizes):
        out[y : y + s, x : x + s] = rng.uniform(20, 110)
    k = options.dpi / 72.0
    for x, y in marks.word_ends:  # on the page as drawn; turned with it below is near enough
        _dust_at(out, x * k, y * k, angle, options.dpi, rng)
    grey = np.clip(out, 0, 255).astype(np.uint8)
    if options.bilevel:  # a copier's fixed threshold: light rulings break, grey goes
        return Image.fromarray(np.where(grey > 150, 255, 0).astype(np.uint8)).convert("1")
    return Image.fromarray(grey, mode=mode)


def _dust_at(
    out: np.ndarray, x: float, y: float, angle: float, dpi: int, rng: np.random.Generator
) -> None:
    """A speck at (x, y) of the unturned page, moved to where the page turned by ``angle``
    (about its centre, as Pillow turns it) put that point."""
    h, w = out.shape[:2]
    a = np.radians(angle)
    dx, dy = x - w / 2, y - h / 2
    px = round(w / 2 + dx * np.cos(a) + dy * np.sin(a))
    py = round(h / 2 - dx * np.sin(a) + dy * np.cos(a))
    side = max(1, round(dpi / 300))  # finer than a printed dot at any resolution
    if 0 <= py < h - side and 0 <= px < w - side:
        out[py - side + 1 : py + 1, px : px + side] = rng.uniform(60, 110)


def make_scan(pdf: Path, out: Path, options: ScanOptions) -> Path:
    """Write the image-only PDF ``out`` from ``pdf``; return ``out``."""
    marks = find_marks(pdf, options)
    with tempfile.TemporaryDirectory(prefix="rak-scan-") as tmp:
        pages: list[Image.Image] = []
        for n, png in enumerate(rasterise(pdf, options.dpi, Path(tmp), options.colour)):
            rng = np.random.default_rng(options.seed + n)
            angle = options.angle if n % 2 == 0 else -0.8 * options.angle
            with Image.open(png) as im:
                pages.append(degrade(im, angle, marks[n], options, rng))
        # JPEG quality for grey and colour pages; 1-bit pages go in as CCITT G4.
        quality = {} if options.bilevel else {"quality": options.jpeg_quality}
        pages[0].save(
            out,
            "PDF",
            save_all=True,
            append_images=pages[1:],
            resolution=float(options.dpi),
            **quality,
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
    parser.add_argument("--samples", action="store_true", help="also the scan samples")
    args = parser.parse_args(argv)
    for dpi in args.dpi:
        out = args.out / f"{args.source.stem}-scan-{dpi}.pdf"
        # A 300 dpi page has four times the pixels; coarser JPEG keeps the file modest.
        quality = 50 if dpi < 250 else 35
        make_scan(args.source, out, ScanOptions(dpi=dpi, jpeg_quality=quality))
        print(f"built {out.name} ({out.stat().st_size // 1024} KiB)", file=sys.stderr)
    if args.samples:
        from .scan_samples import build_all

        for out in build_all(args.out):
            print(f"built {out.name} ({out.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
