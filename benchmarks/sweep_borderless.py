"""Borderless PDF tables across the parameters writers vary: row-perfect per setting.

Each setting regenerates a borderless RAK from one spec (the rows of ``rak-tanpa-garis``,
or of ``rak-tanpa-garis-tw`` for quarters) with one parameter moved away from the sample's
own drawing, reads it back with ``extract`` and scores it against the spec
(``benchmarks/sweeplib.py``). The parameters: cell padding, leading, font family and size,
the gap between rows, column widths, paper and orientation (portrait pages with narrow
month columns), marks on the first line or midway down, words placed without space
glyphs, the column-number row, and the writer: reportlab (``samples/build/pdf_writer``),
LibreOffice from a Word table without borders (``docx_writer``), headless chromium printing
an HTML table without borders (``html_writer`` with ``BORDERLESS``).

Usage: ``python benchmarks/sweep_borderless.py [--only SUBSTRING] [--bar 0.99] [--pdfplumber]``.
``--pdfplumber`` adds a second opinion per setting: pdfplumber's text-strategy tables
(``vertical_strategy="text"``) read by the same layout step. Exit 0 when every setting of
our reader reaches the bar, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from benchmarks.sweeplib import Result, all_pass, print_table, score  # noqa: E402
from extractor import extract  # noqa: E402
from extractor.errors import RakError  # noqa: E402
from extractor.grid import Cell, Grid, Table  # noqa: E402
from extractor.layout import build_rows  # noqa: E402
from extractor.model import DocumentMeta, RakDocument, Source  # noqa: E402
from samples.build.convert import docx_to_pdf  # noqa: E402
from samples.build.docx_writer import QUARTERS, Headings, WriterOptions, write_docx  # noqa: E402
from samples.build.html_writer import BORDERLESS, HtmlOptions, write_html_pdf  # noqa: E402
from samples.build.pdf_variants import tanpa_garis, tanpa_garis_tw  # noqa: E402
from samples.build.pdf_writer import PdfOptions, write_pdf  # noqa: E402
from samples.build.spec import SampleDoc, expected  # noqa: E402
from samples.build.variants import paginate  # noqa: E402

Writer = Callable[[SampleDoc, Path], Path]
Setting = tuple[str, str, SampleDoc, Writer]  # family, setting, spec, writer


def _reportlab(options: PdfOptions) -> Writer:
    def write(doc: SampleDoc, out: Path) -> Path:
        return write_pdf(doc, out / f"{doc.name}.pdf", options)

    return write


def _base() -> tuple[SampleDoc, PdfOptions]:
    doc, options = tanpa_garis()
    return doc, replace(options, flow=True)


def reportlab_settings() -> Iterator[Setting]:
    doc, base = _base()
    for pad in (1.0, 2.0, 3.0, 4.0, 6.0):
        yield "pad", f"{pad:g} pt", doc, _reportlab(replace(base, pad=pad))
    for ratio in (1.0, 1.1, 1.2, 1.35, 1.5):
        options = replace(base, leading=round(base.font_size * ratio, 2))
        yield "leading", f"{ratio:g} x size", doc, _reportlab(options)
    for family in (
        "dejavu-condensed",
        "dejavu-sans",
        "dejavu-serif",
        "liberation-sans",
        "liberation-serif",
        "liberation-narrow",
    ):
        look = replace(base.look, family=family)
        yield "font", family, doc, _reportlab(replace(base, look=look, font_size=6.5, leading=7.8))
    for size in (7.0, 8.0, 9.0, 10.0, 11.0):
        look = replace(base.look, paper="F4") if size >= 10 else base.look
        options = replace(base, font_size=size, leading=round(size * 1.2, 2), look=look)
        yield "size", f"{size:g} pt" + (" (F4)" if size >= 10 else ""), doc, _reportlab(options)
    for gap in (0.0, 2.0, 5.0, 8.0, 12.0):
        yield "row gap", f"{gap:g} pt", doc, _reportlab(replace(base, row_gap=gap))
    yield "row gap", "0 pt, pad 1", doc, _reportlab(replace(base, row_gap=0.0, pad=1.0))
    for name, weights in (
        ("wide sasaran", (("sasaran", 6.0),)),
        ("narrow text", (("indikator", 3.0), ("kegiatan", 3.2))),
        ("wide pelaksana", (("pelaksana", 5.0),)),
        ("narrow target", (("target", 0.6),)),
    ):
        yield "widths", name, doc, _reportlab(replace(base, weights=weights))
    for paper, land in (("A4", True), ("F4", True), ("Letter", True)):
        look = replace(base.look, paper=paper, landscape=land)
        yield "paper", f"{paper} landscape", doc, _reportlab(replace(base, look=look))
    for paper in ("A4", "F4", "Letter"):
        look = replace(base.look, paper=paper, landscape=False)
        options = replace(
            base, look=look, font_size=6.0, leading=7.2, pad=1.5, margin=24.0, period_width=13.0
        )
        yield "paper", f"{paper} portrait, months 13 pt", doc, _reportlab(options)
    yield "marks", "midway down the row", doc, _reportlab(replace(base, mark_place="middle"))
    yield "marks", "✓", doc, _reportlab(replace(base, mark_text="✓"))
    yield (
        "marks",
        "drawn ticks",
        doc,
        _reportlab(replace(base, mark_styles=("lines", "curve", "polygon", "image"))),
    )
    runs = replace(base.look, word_runs=True)
    yield "spaces", "no space glyphs", doc, _reportlab(replace(base, look=runs))
    yield "spaces", "no space glyphs, pad 1", doc, _reportlab(replace(base, look=runs, pad=1.0))
    yield "number row", "1 2 ... 17", doc, _reportlab(replace(base, number_row=True))
    yield (
        "number row",
        "1 2 ... 17, gap 0",
        doc,
        _reportlab(replace(base, number_row=True, row_gap=0.0)),
    )
    tw_doc, tw = tanpa_garis_tw()
    yield "quarters", "TW I..IV, NO column", tw_doc, _reportlab(replace(tw, flow=True))
    yield (
        "quarters",
        "TW, pad 1, gap 0",
        tw_doc,
        _reportlab(replace(tw, flow=True, pad=1.0, row_gap=0.0)),
    )


def _libreoffice(options: WriterOptions) -> Writer:
    def write(doc: SampleDoc, out: Path) -> Path:
        return docx_to_pdf(write_docx(doc, out / f"{doc.name}.docx", options), out)

    return write


def _word_pages(doc: SampleDoc, per_page: int = 4) -> SampleDoc:
    """The spec cut into pages a Word table of this size holds (one table per page)."""
    n = len(doc.rows)
    return replace(doc, pages=paginate(doc.rows, [per_page] * (-(-n // per_page))))


def libreoffice_settings() -> Iterator[Setting]:
    doc, _ = tanpa_garis()
    doc = _word_pages(doc)
    base = WriterOptions(borders=False, cover=False)
    yield "libreoffice", "Word table, no borders", doc, _libreoffice(base)
    yield (
        "libreoffice",
        "no borders, no number row",
        doc,
        _libreoffice(replace(base, number_row=False)),
    )
    yield (
        "libreoffice",
        "no borders, 10 pt, F4",
        _word_pages(doc, 3),
        _libreoffice(replace(base, font_size=10.0, page="F4")),
    )
    yield "libreoffice", "no borders, 7 pt", doc, _libreoffice(replace(base, font_size=7.0))
    yield (
        "libreoffice",
        "no borders, Times New Roman 9 pt",
        _word_pages(doc, 3),
        _libreoffice(replace(base, font="Times New Roman", font_size=9.0)),
    )
    yield (
        "libreoffice",
        "no borders, Wingdings marks",
        doc,
        _libreoffice(replace(base, mark_style="sym")),
    )
    yield (
        "libreoffice",
        "no borders, shaded months",
        doc,
        _libreoffice(replace(base, mark_style="shade", number_row=False)),
    )
    tw_doc, _ = tanpa_garis_tw()
    tw = WriterOptions(
        borders=False,
        cover=False,
        periods=QUARTERS,
        leading_columns=("NO",),
        headings=Headings(jadwal="TRIWULAN", kegiatan="RENCANA AKSI"),
    )
    yield "libreoffice", "no borders, TW, NO column", _word_pages(tw_doc), _libreoffice(tw)


def _chromium(options: HtmlOptions) -> Writer:
    def write(doc: SampleDoc, out: Path) -> Path:
        return write_html_pdf(doc, out / f"{doc.name}.pdf", options)

    return write


def chromium_settings() -> Iterator[Setting]:
    doc, _ = tanpa_garis()
    base = BORDERLESS
    yield "chromium", "HTML table, no borders", doc, _chromium(base)
    yield (
        "chromium",
        "cells centred (browser default)",
        doc,
        _chromium(replace(base, valign="middle", mark_valign="middle", merge_sasaran=False)),
    )
    yield (
        "chromium",
        "cells centred, sasaran merged",
        doc,
        _chromium(replace(base, valign="middle", mark_valign="middle")),
    )
    yield (
        "chromium",
        "cells at the bottom (Excel's default)",
        doc,
        _chromium(replace(base, valign="bottom", mark_valign="bottom")),
    )
    yield (
        "chromium",
        "columns sized by the browser",
        doc,
        _chromium(replace(base, fixed_layout=False)),
    )
    yield (
        "chromium",
        "padding 1px 2px",
        doc,
        _chromium(replace(base, padding_px=1.0, padding_x_px=2.0)),
    )
    yield (
        "chromium",
        "padding 0, no number row",
        doc,
        _chromium(replace(base, padding_px=0.0, padding_x_px=3.0, number_row=False)),
    )
    yield (
        "chromium",
        "Liberation Serif 9 pt",
        doc,
        _chromium(replace(base, font_family="Liberation Serif", font_pt=9.0)),
    )
    yield (
        "chromium",
        "DejaVu Sans, line height 1.5",
        doc,
        _chromium(replace(base, font_family="DejaVu Sans", font_pt=7.0, line_height=1.5)),
    )
    yield (
        "chromium",
        "A4 portrait, months 12 pt",
        doc,
        _chromium(
            replace(
                base,
                landscape=False,
                font_pt=6.0,
                period_pt=12.0,
                padding_px=1.0,
                padding_x_px=2.0,
            )
        ),
    )
    tw_doc, _ = tanpa_garis_tw()
    tw = replace(
        base,
        periods=QUARTERS,
        leading_columns=("NO",),
        mark_text="✓",
        period_pt=34.0,
        headings=Headings(jadwal="WAKTU PELAKSANAAN", pelaksana="PENANGGUNG JAWAB"),
    )
    yield "chromium", "TW I..IV, NO column, ✓", tw_doc, _chromium(tw)


TEXT_STRATEGY = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def pdfplumber_text(path: Path) -> RakDocument:
    """The second opinion: pdfplumber's text-strategy tables, read by our layout.

    Each table pdfplumber finds with ``vertical_strategy="text"`` becomes grid rows of its
    cells (text and x range), so the comparison is of the table finders alone.
    """
    grid = Grid(format="pdf")
    with pdfplumber.open(path) as pdf:
        grid.pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            for found in page.find_tables(TEXT_STRATEGY):
                rows = []
                for row, texts in zip(found.rows, found.extract()):
                    cells = [
                        Cell(text=t or "", x0=box[0], x1=box[2], page=number)
                        for box, t in zip(row.cells, texts)
                        if box is not None
                    ]
                    if cells:
                        rows.append(cells)
                grid.tables.append(Table(rows=rows, page=number))
    layout = build_rows(grid)
    return RakDocument(
        source=Source(file=path.name, format="pdf", pages=grid.pages, sha256="", ocr=False),
        document=DocumentMeta(),
        periode=layout.periode,
        rows=layout.rows,
    )


def run(setting: Setting, out: Path, second: bool = False) -> Result:
    family, name, doc, writer = setting
    want = expected(doc)
    try:
        path = writer(doc, out)
    except (ValueError, OSError, RuntimeError) as e:
        return Result(family, name, None, f"not written: {e}"[:120])
    read: Callable[[Path], RakDocument] = pdfplumber_text if second else extract
    try:
        got = read(path)
    except RakError as e:
        return Result(family, name, None, f"not read: {e}"[:120])
    return Result(family, name + (" [pdfplumber text]" if second else ""), score(got, want))


def settings() -> Iterator[Setting]:
    yield from reportlab_settings()
    yield from libreoffice_settings()
    yield from chromium_settings()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run settings whose family or name has this")
    parser.add_argument("--bar", type=float, default=0.99)
    parser.add_argument(
        "--pdfplumber",
        action="store_true",
        help="also score pdfplumber's text-strategy tables read by our layout (second opinion)",
    )
    args = parser.parse_args(argv)
    results: list[Result] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sweep-borderless-") as tmp:
        for n, setting in enumerate(settings()):
            family, name = setting[0], setting[1]
            if args.only and args.only not in f"{family} {name}":
                continue
            out = Path(tmp) / str(n)
            out.mkdir()
            results.append(run(setting, out))
            if args.pdfplumber:
                results.append(run(setting, out, second=True))
    print_table(results, args.bar)
    print(f"{len(results)} settings in {time.perf_counter() - started:.0f} s")
    ours = [r for r in results if "[pdfplumber" not in r.setting]
    return 0 if all_pass(ours, args.bar) else 1


if __name__ == "__main__":
    raise SystemExit(main())
