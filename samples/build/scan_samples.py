"""The scan samples: a short RAK drawn by ``pdf_writer``, then "scanned" by ``scan.make_scan``.

Each sample shows one way a real scan or copy defeats fixed thresholds, and is small (two
pages, moderate dpi). Its rows come from a spec, and its ``.expected.json`` from the same
spec, never from the reader's output. ``scan_source`` is also what
``benchmarks/sweep_scan.py`` scans at every setting it sweeps.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from .pdf_canvas import Look
from .pdf_writer import PdfOptions, write_pdf
from .scan import ScanOptions, make_scan
from .spec import SampleDoc, write_expected
from .variants import UNITS_KAB, clean_seed_rows, paginate, relocate


@dataclass(frozen=True)
class ScanSample:
    doc: SampleDoc
    pdf: PdfOptions
    scan: ScanOptions


def scan_source(name: str, first: int, pages: tuple[int, ...]) -> SampleDoc:
    """A RAK of Kabupaten Ketapang over ``pages`` pages of rows, from seed row ``first``."""
    count = sum(pages)
    rows = relocate(clean_seed_rows()[first : first + count], "Kabupaten Ketapang", "Ketapang",
                    UNITS_KAB)  # fmt: skip
    return SampleDoc(
        name=name,
        pages=paginate(rows, pages),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN KETAPANG",
        tahun=2025,
        tempat="KETAPANG",
        tanggal="6 JANUARI 2025",
        nama="HENDRIKUS ASIANG, S.E.",
        nip="19800412 200604 1 009",
    )


def samples() -> dict[str, ScanSample]:
    """The committed scan samples, by file name."""
    def sample(name: str, first: int, scan: ScanOptions) -> ScanSample:
        return ScanSample(scan_source(name, first, (6, 6)), PdfOptions(number_row=True), scan)

    nama = "HENDRIKUS"
    return {
        # A photocopier's 1-bit copy at 300 dpi, the sheet 2 degrees askew: strokes and
        # rulings broken by the threshold, no grey at all. G4 keeps it to a few KiB a page.
        "rak-scan-fotokopi-300": sample(
            "rak-scan-fotokopi-300", 0,
            ScanOptions(dpi=300, angle=2.0, bilevel=True, stamp=nama, seed=11),
        ),  # fmt: skip
        # Yellowed paper scanned in colour, a blue stamp and a signature over the signer's
        # block, tilted the other way.
        "rak-scan-kertas-kuning": sample(
            "rak-scan-kertas-kuning", 12,
            ScanOptions(dpi=150, angle=-1.5, yellowed=1.0, paper=0.9, stamp=nama,
                        jpeg_quality=40, seed=12),
        ),  # fmt: skip
        # Dust on the glass right after words, on the baseline where a full stop sits (a
        # third of the words in the table), finer than the font's dots; and words broken at a
        # line's end by a hyphen ("Perundang-", typed "Perundang -"). 200 dpi, JPEG 60.
        "rak-scan-debu-titik": sample(
            "rak-scan-debu-titik", 36,
            ScanOptions(dpi=200, angle=1.0, paper=0.92, jpeg_quality=60, stop_dust=0.3,
                        seed=14),
        ),  # fmt: skip
        # Grey paper, header cells printed with a grey fill, a blurred 150 dpi scan at
        # JPEG quality 30, tilted 3 degrees.
        "rak-scan-arsir-abu": sample(
            "rak-scan-arsir-abu", 24,
            ScanOptions(dpi=150, angle=3.0, paper=0.8, shade_header=0.3, blur_in=0.004,
                        jpeg_quality=30, seed=13),
        ),  # fmt: skip
        # A table printed without ruling lines (an Excel sheet without grid lines), scanned
        # on grey paper at 200 dpi: no cells to cut out, columns only from alignment.
        "rak-scan-tanpa-garis": ScanSample(
            scan_source("rak-scan-tanpa-garis", 36, (6, 6)),
            PdfOptions(ruled=False, repeat_sasaran=False),
            ScanOptions(dpi=200, angle=1.0, paper=0.9, jpeg_quality=60, seed=14),
        ),
        # A Times-like serif face (a Word default), 8 pt, scanned at 200 dpi: the thin
        # joints of r and a break under the threshold, and the broken-off arm of an r,
        # taken for dust and erased, leaves an i ("Infoimasi", "se1vei").
        "rak-scan-serif": ScanSample(
            scan_source("rak-scan-serif", 6, (6, 6)),
            PdfOptions(number_row=True, font_size=8.0, leading=9.6,
                       look=Look(family="liberation-serif")),
            ScanOptions(dpi=200, angle=0.7, paper=0.9, jpeg_quality=60, seed=16),
        ),  # fmt: skip
        # The same without ruling, as another office prints it: narrow month columns
        # (B1..B12 set closer than two of their labels' widths, so a whole-page reading
        # joins labels and neighbouring ticks into one "word"), the column-number row
        # under the header, dust after a fifth of the words, bright paper.
        "rak-scan-tanpa-garis-nomor": ScanSample(
            scan_source("rak-scan-tanpa-garis-nomor", 42, (6, 6)),
            PdfOptions(ruled=False, repeat_sasaran=False, number_row=True, period_width=19.0,
                       font_size=9.0, leading=10.8),
            ScanOptions(dpi=200, angle=-0.8, paper=0.96, jpeg_quality=70, stop_dust=0.2,
                        seed=15),
        ),  # fmt: skip
        # Small type (6 pt, as an Excel sheet fitted to a page prints) scanned at 150 dpi:
        # glyphs 7 pixels tall, whose thin joints (an r's arm, a y's tail, an l's middle)
        # fall under the threshold, so the pieces look like dust beside the letters.
        "rak-scan-huruf-kecil": ScanSample(
            scan_source("rak-scan-huruf-kecil", 18, (6, 6)),
            PdfOptions(number_row=True, font_size=6.0, leading=7.2),
            ScanOptions(dpi=150, angle=1.0, paper=0.92, jpeg_quality=60, seed=18),
        ),
        # A blurred 150 dpi scan (a 1.2 px blur at 200 dpi, as a worn scanner's lens): an
        # acronym's I reads as L, U or t and its D as an O ("JDIIH" read "JOLLH", "JDUIH"),
        # which no dictionary and, for an acronym written once, no other cell can mend;
        # only the glyphs' own shapes on the page tell (``extractor/readers/scan/blobs``).
        "rak-scan-kabur-singkatan": sample(
            "rak-scan-kabur-singkatan", 36,
            ScanOptions(dpi=150, angle=1.0, paper=0.92, blur_in=0.006, jpeg_quality=60,
                        seed=17),
        ),  # fmt: skip
    }


def build(sample: ScanSample, out_dir: Path) -> Path:
    """The scanned PDF and its ``.expected.json``."""
    with tempfile.TemporaryDirectory(prefix="rak-scan-src-") as tmp:
        source = write_pdf(sample.doc, Path(tmp) / "source.pdf", sample.pdf)
        out = make_scan(source, out_dir / f"{sample.doc.name}.pdf", sample.scan)
    write_expected(sample.doc, out_dir)
    return out


def build_all(out_dir: Path) -> list[Path]:
    return [build(s, out_dir) for s in samples().values()]
