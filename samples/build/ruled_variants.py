"""Ruled RAKs from writers other than plain LibreOffice: browser prints and styled Word.

``python -m samples.build.ruled_variants [NAME ...]`` builds them into ``samples/``: the PDF
and its ``.expected.json`` (from the spec, never from the extractor). What each one
exercises is in ``samples/README.md``; ``benchmarks/sweep_ruled.py`` varies the same writers
across border width, padding, font, page and scale.

The rows are the seed's, cleaned and moved to other West Kalimantan offices (``variants``),
each sample taking its own slice.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .docx_writer import MONTHS_SHORT, Headings, WriterOptions
from .html_writer import HtmlOptions, make_html_sample
from .spec import SampleDoc
from .styled_docx import StyledOptions, make_styled_sample
from .variants import office_doc

SAMPLES_DIR = Path(__file__).resolve().parents[1]

Build = Callable[[Path], Path]


def _doc(
    name: str,
    rows: slice,
    sizes: tuple[int, ...],
    region: tuple[str, str],
    signed: tuple[str, str, str],
    tahun: int = 2024,
    nip: str | None = None,
) -> SampleDoc:
    """``region``: (long, short) names; ``signed``: (tempat, tanggal, nama)."""
    tempat, tanggal, nama = signed
    return office_doc(
        name,
        rows,
        region,
        sizes=sizes,
        unit_organisasi=f"SEKRETARIAT KPU {region[0].upper()}",
        tahun=tahun,
        tempat=tempat,
        tanggal=tanggal,
        nama=nama,
        nip=nip,
    )


def peramban_satu_tabel(out: Path) -> Path:
    """Chromium, one long table: <thead> repeated on every page, rows and SASARAN rowspans
    cut by the page breaks (the cut row's rule is missing, a rowspan's text runs on below
    the rule that closes the other columns), ✓ marks, A4 landscape, a tagged PDF."""
    doc = _doc(
        "rak-peramban-satu-tabel",
        slice(12, 38),
        (26,),
        ("Kabupaten Kayong Utara", "Kayong Utara"),
        ("SUKADANA", "6 JANUARI 2025", "RIZAL EFENDI, S.Kom."),
        tahun=2025,
    )
    return make_html_sample(doc, HtmlOptions(one_table=True, border_px=1.0), out)


def peramban_terpisah(out: Path) -> Path:
    """Chromium, border-collapse: separate: every cell framed on its own, 2 px apart, 1.5 px
    borders, 5 px padding, banded rows (grey backgrounds tiling the table under the text),
    month names, F4 landscape, one table per page."""
    doc = _doc(
        "rak-peramban-terpisah",
        slice(0, 23),
        (8, 9, 6),
        ("Kabupaten Sekadau", "Sekadau"),
        ("SEKADAU", "3 JANUARI 2024", "YOHANES KRISTIANTO, S.E."),
    )
    options = HtmlOptions(
        collapse=False,
        spacing_px=2,
        border_px=1.5,
        padding_px=5,
        stripe_fill="#d9d9d9",
        periods=MONTHS_SHORT,
        headings=Headings(jadwal="WAKTU PELAKSANAAN"),
        page="F4",
        font_family="DejaVu Sans",
        font_pt=7,
        tagged=False,
    )
    return make_html_sample(doc, options, out)


def peramban_arsir(out: Path) -> Path:
    """Chromium, planned months as a cell background (no glyph) over a tinted table (every
    body cell on a pale yellow: fills tile the table), 4 px double borders, portrait A4 with
    narrow month columns at 6.5 pt, printed at 90 % zoom."""
    doc = _doc(
        "rak-peramban-arsir",
        slice(24, 48),
        (9, 10, 5),
        ("Kabupaten Landak", "Landak"),
        ("NGABANG", "2 JANUARI 2026", "MARTINUS AJUN, S.H."),
        tahun=2026,
        nip="19850314 201001 1 007",
    )
    options = HtmlOptions(
        shade_marks=True,
        cell_fill="#fff2cc",
        border_px=4,
        border_style="double",
        landscape=False,
        font_pt=6.5,
        zoom=0.9,
        padding_px=2,
        margin_mm=10,
        tagged=False,
    )
    return make_html_sample(doc, options, out)


def word_gaya_tabel(out: Path) -> Path:
    """Styled Word (Medium Shading 1 - Accent 1): a frame and a ruled header, no rule inside
    the body (its cells are closed only by the banded rows' fills), white header letters
    on a dark fill; LibreOffice's PDF."""
    doc = _doc(
        "rak-word-gaya-tabel",
        slice(30, 52),
        (7, 8, 7),
        ("Kabupaten Sambas", "Sambas"),
        ("SAMBAS", "8 JANUARI 2025", "Hj. NURHAYATI, S.Sos."),
        tahun=2025,
    )
    options = StyledOptions(style="Medium Shading 1 Accent 1", writer=WriterOptions(cover=False))
    return make_styled_sample(doc, options, out)


def word_gaya_garis(out: Path) -> Path:
    """Styled Word (Medium List 2) with borders set by hand: a 2.25 pt frame, 0.5 pt rules
    inside, a double rule under the header, white header cells over a banded body; planned
    months shaded darker than the bands; F4. LibreOffice's PDF."""
    doc = _doc(
        "rak-word-gaya-garis",
        slice(6, 28),
        (8, 8, 6),
        ("Kabupaten Kapuas Hulu", "Kapuas Hulu"),
        ("PUTUSSIBAU", "5 JANUARI 2024", "ANTONIUS SIMON, S.IP."),
    )
    options = StyledOptions(
        style="Medium List 2",
        outer=("single", 18),
        inner=("single", 4),
        header_rule=("double", 6),
        writer=WriterOptions(cover=False, mark_style="shade", shade_fill="7F7F7F", page="F4"),
    )
    return make_styled_sample(doc, options, out)


SAMPLES: dict[str, Build] = {
    "rak-peramban-satu-tabel": peramban_satu_tabel,
    "rak-peramban-terpisah": peramban_terpisah,
    "rak-peramban-arsir": peramban_arsir,
    "rak-word-gaya-tabel": word_gaya_tabel,
    "rak-word-gaya-garis": word_gaya_garis,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="samples to build (default: all)")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR)
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in SAMPLES]
    if unknown:
        parser.error(f"unknown sample(s): {', '.join(unknown)}; known: {', '.join(SAMPLES)}")
    for name in args.names or list(SAMPLES):
        SAMPLES[name](args.out)
        print(f"built {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
