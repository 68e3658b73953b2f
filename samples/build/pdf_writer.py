"""Write a ``SampleDoc`` as a PDF drawn directly with reportlab, without Word or LibreOffice.

The Word-born samples all reach PDF through LibreOffice, so they all share its habits: every
table ruled, borders as thin filled rects, upright pages. Real RAKs also arrive as PDFs from
other tools, and those break readers in other ways. This writer draws the same spec with the
layouts the PDF reader has to survive and that LibreOffice never produces:

- a table with no ruling at all, whose columns exist only in how the text lines up
  (``ruled=False``), with a blank gap between rows as a borderless Word table leaves;
- hidden white rectangles and white lines that are not cell borders (``hidden_white``), the
  leftovers of cell backgrounds and hidden borders in Word and Excel exports;
- pages stored rotated (``turns``): a portrait page whose content is drawn turned so that
  ``/Rotate 90`` shows it upright, and a landscape page given ``/Rotate 270`` that a viewer
  shows sideways;
- check marks drawn without a font (``mark_styles``): ticks as stroked paths, filled
  outlines or small pictures, as Word and Excel exports leave them.

As in ``docx_writer``, the spec decides what a correct extraction is; the writer only puts the
spec's text where a person would see it. Text wraps at spaces only, and every column is at
least as wide as its longest word, so the wrapped lines joined with single spaces give back
the spec's text exactly.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from .convert import docx_to_pdf
from .docx_writer import MONTHS_B, Headings, WriterOptions, wilayah_of, write_docx
from .html_writer import HtmlOptions, write_html_pdf
from .pdf_canvas import (
    MARK_STYLES,
    Look,
    MarkStyle,
    Page,
    Turn,
    cell_text,
    columns,
)
from .pdf_ruling import rule, white_traps
from .spec import SampleDoc, SampleRow, write_expected


@dataclass(frozen=True)
class PdfOptions:
    """How one drawn sample looks; the defaults give a plain ruled RAK like the seed's."""

    headings: Headings = field(default_factory=Headings)
    periods: tuple[str, ...] = MONTHS_B
    mark_text: str = "√"
    # Cycled over the body rows in document order; "text" writes ``mark_text``.
    mark_styles: tuple[MarkStyle, ...] = ("text",)
    # Borderless only: a mark on the row's first line ("top") or midway down it ("middle").
    mark_place: str = "top"
    leading_columns: tuple[str, ...] = ()  # before SASARAN, e.g. ("NO",); value from lainnya
    ruled: bool = True
    number_row: bool = False  # the "1 2 3 ..." row under the header
    hidden_white: bool = False  # white fills and white lines that are not cell borders
    turns: tuple[Turn, ...] = ()  # cycled over the pages; empty: every page upright
    # A SASARAN carried over from the previous page is written again at the top of the new
    # page (Excel exports) or left empty (Word's merged cell, as the seed prints it).
    repeat_sasaran: bool = True
    font_size: float = 7.0
    leading: float = 8.4
    pad: float = 3.0  # cell padding, points
    row_gap: float = 5.0  # borderless only: blank space between rows
    margin: float = 34.0
    title_lines: tuple[str, ...] = ()  # under the judul, before "Nama/Unit Organisasi"
    look: Look = field(default_factory=Look)  # font family, paper, space glyphs or none
    period_width: float | None = None  # points; None: 0.7 cm months, 1.3 cm quarters
    weights: tuple[tuple[str, float], ...] = ()  # text column shares, e.g. (("kegiatan", 6),)
    # Rows flow onto the next page when the page is full, instead of the spec's pages.
    flow: bool = False

    def __post_init__(self) -> None:
        if len(self.periods) not in (4, 12):
            raise ValueError("periods must be 12 months or 4 quarters")
        if any(t not in ("", "r90", "r270") for t in self.turns):
            raise ValueError(f"unknown turn in {self.turns!r}")
        if not self.mark_styles or any(m not in MARK_STYLES for m in self.mark_styles):
            raise ValueError(f"mark_styles must be some of {MARK_STYLES}")
        if self.mark_place not in ("top", "middle"):
            raise ValueError("mark_place must be 'top' or 'middle'")
        if self.font_size <= 0 or self.leading < self.font_size or self.pad < 0:
            raise ValueError("font_size > 0, leading >= font_size and pad >= 0 are needed")


@dataclass
class _BodyRow:
    row: SampleRow
    lines: dict[int, list[str]]  # column index -> wrapped lines
    height: float
    group_start: bool  # first row of a SASARAN run on this page
    group_end: bool = True


# --------------------------------------------------------------------------- writer


class _Writer:
    """Draws one document page by page: title block on the first, the table with its header
    on every one, the signature after the last (on a page of its own when it does not fit)."""

    def __init__(self, doc: SampleDoc, options: PdfOptions, c: Canvas) -> None:
        self.doc, self.o, self.c = doc, options, c
        self.look = options.look
        self.width, height = options.look.size
        self.cols = columns(
            doc,
            options.headings,
            options.periods,
            options.leading_columns,
            options.font_size,
            options.pad,
            options.margin,
            options.look,
            options.period_width,
            dict(options.weights),
        )
        self.page_no = 0
        self.row_no = 0  # body rows drawn so far: picks the mark style
        self.size = options.font_size
        self.bottom_limit = height - options.margin

    # -- pages

    def new_page(self) -> Page:
        turns = self.o.turns or ("",)
        page = Page(self.c, turns[self.page_no % len(turns)], self.look)
        self.page_no += 1
        return page

    def write(self) -> None:
        previous = ""
        pages = self.flowed() if self.o.flow else [p.rows for p in self.doc.pages if p.rows]
        for i, rows in enumerate(pages):
            page = self.new_page()
            top = self.o.margin
            if i == 0:
                top = self.title_block(page, top)
            top = self.table(page, top, rows, previous)
            previous = rows[-1].sasaran
            if i == len(pages) - 1:
                if top + 16 + self.signature_height() > self.bottom_limit:
                    page.finish()
                    page = self.new_page()
                    top = self.o.margin
                self.signature(page, top + 16)
            page.finish()

    def flowed(self) -> list[list[SampleRow]]:
        """The rows cut into pages as they fit, the first page under the title block."""
        pages: list[list[SampleRow]] = []
        rows = self.doc.rows
        previous = ""
        start = self.o.margin + self.title_height()
        i = 0
        while i < len(rows):
            n = 1
            while i + n < len(rows) and self.fits(rows[i : i + n + 1], previous, start):
                n += 1
            if not self.fits(rows[i : i + n], previous, start):
                raise ValueError(f"{self.doc.name}: row {i + 1} does not fit on a page")
            pages.append(rows[i : i + n])
            previous = rows[i + n - 1].sasaran
            i += n
            start = self.o.margin
        return pages

    def fits(self, rows: list[SampleRow], previous: str, top: float) -> bool:
        return top + self.table_height(self.body_rows(rows, previous)) <= self.bottom_limit

    # -- text around the table

    def title_height(self) -> float:
        return 15 + 14 * len(self.o.title_lines) + 8 + 13 + 18

    def title_block(self, page: Page, top: float) -> float:
        d = self.doc
        left, right = self.o.margin, self.width - self.o.margin
        page.centred(left, right, top, d.judul, 12, True)
        top += 15
        for line in self.o.title_lines:
            page.centred(left, right, top, line, 11, True)
            top += 14
        top += 8
        page.text(left, top, f"Nama/Unit Organisasi : {d.unit_organisasi}", 9.5)
        top += 13
        page.text(left, top, f"Tahun : {d.tahun}", 9.5)
        return top + 18

    def signature_lines(self) -> list[tuple[str, bool]]:
        d = self.doc
        lines = [
            (f"{d.tempat}, {d.tanggal}", False),
            ("KOMISI PEMILIHAN UMUM", False),
            (wilayah_of(d, WriterOptions()), False),
            (f"{d.jabatan},", False),
            ("", False),
            ("", False),
            ("", False),
            (d.nama, True),
        ]
        if d.nip:
            lines.append((f"NIP. {d.nip}", False))
        return lines

    def signature_height(self) -> float:
        return 13.0 * len(self.signature_lines())

    def signature(self, page: Page, top: float) -> None:
        x = self.o.margin + (self.width - 2 * self.o.margin) * 0.68
        for text, bold in self.signature_lines():
            if text:
                page.text(x, top, text, 9.5, bold)
                if bold and self.doc.nip:  # the signer's name is underlined above the NIP
                    w = self.look.width(text, True, 9.5)
                    self.c.setLineWidth(0.6)
                    page.hline(top + 10.2, x, x + w)
            top += 13

    # -- table

    def header_height(self) -> tuple[float, float, float]:
        """Heights of the heading row, the period-label row and the number row. In a ruled
        table the plain headings are merged down over the first two rows."""
        lead, pad2 = self.o.leading, 2 * self.o.pad
        tallest = max(
            len(self.look.wrap(c.heading, c.inner - pad2, self.size, True))
            for c in self.cols
            if c.role != "period"
        )
        p0, p1 = self._period_span()
        jadwal = len(self.look.wrap(self.o.headings.jadwal, p1 - p0 - pad2, self.size, True))
        row2 = lead + pad2
        if self.o.ruled:
            row1 = max(jadwal * lead + pad2, tallest * lead + pad2 - row2)
        else:
            row1 = max(jadwal, tallest) * lead + pad2
        row3 = (lead + pad2) if self.o.number_row else 0.0
        return row1, row2, row3

    def _period_span(self) -> tuple[float, float]:
        ps = [c for c in self.cols if c.role == "period"]
        return ps[0].x0, ps[-1].x1

    def body_rows(self, rows: list[SampleRow], previous: str) -> list[_BodyRow]:
        lead, pad = self.o.leading, self.o.pad
        out: list[_BodyRow] = []
        prev = previous
        for n, row in enumerate(rows):
            starts = n == 0 or row.sasaran != prev
            show_sasaran = row.sasaran != prev or (n == 0 and self.o.repeat_sasaran)
            lines: dict[int, list[str]] = {}
            for i, col in enumerate(self.cols):
                if col.role == "period" or (col.role == "sasaran" and not show_sasaran):
                    continue
                lines[i] = self.look.wrap(cell_text(row, col), col.inner - 2 * pad, self.size)
            # A ruled SASARAN is a merged cell sized over its run (below); a borderless
            # one sits in its first row, which grows to hold it.
            tall = [
                len(ls)
                for i, ls in lines.items()
                if self.cols[i].role != "sasaran" or not self.o.ruled
            ]
            height = max([*tall, 1]) * lead + 2 * pad
            out.append(_BodyRow(row, lines, height, group_start=starts))
            prev = row.sasaran
        for a, b in pairwise(out):
            a.group_end = b.group_start
        if self.o.ruled:
            self._fit_merged_sasaran(out)
        return out

    def _fit_merged_sasaran(self, rows: list[_BodyRow]) -> None:
        """A merged SASARAN taller than its rows makes the run's last row taller."""
        s = next(i for i, c in enumerate(self.cols) if c.role == "sasaran")
        lead, pad = self.o.leading, self.o.pad
        i = 0
        while i < len(rows):
            j = i
            while not rows[j].group_end:
                j += 1
            need = len(rows[i].lines.get(s, [])) * lead + 2 * pad
            have = sum(r.height for r in rows[i : j + 1])
            if need > have:
                rows[j].height += need - have
            i = j + 1

    def head_height(self) -> float:
        row1, row2, row3 = self.header_height()
        if self.o.ruled:
            return row1 + row2 + row3
        return row1 + row2 + row3 + self.o.row_gap * (3 if row3 else 2)

    def table_height(self, body: list[_BodyRow]) -> float:
        gap = 0.0 if self.o.ruled else self.o.row_gap
        return self.head_height() + sum(r.height + gap for r in body)

    def table(self, page: Page, top: float, rows: list[SampleRow], previous: str) -> float:
        body = self.body_rows(rows, previous)
        row1, row2, row3 = self.header_height()
        gap = 0.0 if self.o.ruled else self.o.row_gap
        head = self.head_height()
        height = self.table_height(body)
        if top + height > self.bottom_limit:
            raise ValueError(
                f"{self.doc.name}: {len(rows)} rows do not fit on page {self.page_no} "
                f"({top + height:.0f} > {self.bottom_limit:.0f} pt); paginate smaller"
            )
        if self.o.hidden_white:
            white_traps(page, self.cols, top, head, row1, [r.height for r in body])
        self.header(page, top, row1, row2, row3)
        y = top + head
        tops = []
        for r in body:
            tops.append(y)
            self.body_row(page, y, r)
            y += r.height + gap
        if self.o.ruled:
            rows = [(y, r.height, r.group_end) for y, r in zip(tops, body)]
            rule(page, self.cols, top, (row1, row2, row3), rows)
        return y

    def header(self, page: Page, top: float, row1: float, row2: float, row3: float) -> None:
        pad, lead, size = self.o.pad, self.o.leading, self.size
        ruled = self.o.ruled
        p0, p1 = self._period_span()
        jadwal = self.look.wrap(self.o.headings.jadwal, p1 - p0 - 2 * pad, size, True)
        self._block(
            page,
            p0,
            p1,
            top,
            row1 if ruled else len(jadwal) * lead + 2 * pad,
            jadwal,
            True,
            centre_v=ruled,
        )
        y2 = top + row1 + (0 if ruled else self.o.row_gap)
        for col in self.cols:
            if col.role == "period":
                self._block(page, col.x0, col.x1, y2, row2, [col.heading], True, centre_v=ruled)
                continue
            lines = self.look.wrap(col.heading, col.inner - 2 * pad, size, True)
            span = row1 + row2 if ruled else row1
            self._block(page, col.x0, col.x1, top, span, lines, True, centre_v=ruled)
        if row3:
            y3 = top + row1 + row2 + (0 if ruled else 2 * self.o.row_gap)
            for n, col in enumerate(self.cols, start=1):
                self._block(page, col.x0, col.x1, y3, row3, [str(n)], False, centre_v=True)

    def _block(
        self,
        page: Page,
        x0: float,
        x1: float,
        top: float,
        height: float,
        lines: list[str],
        bold: bool,
        centre_v: bool,
    ) -> None:
        """Centred lines in a box (headings)."""
        lead = self.o.leading
        y = top + (height - len(lines) * lead) / 2 if centre_v else top + self.o.pad
        for line in lines:
            page.centred(x0, x1, y + (lead - self.size) / 2, line, self.size, bold)
            y += lead

    def body_row(self, page: Page, top: float, r: _BodyRow) -> None:
        pad, lead, size = self.o.pad, self.o.leading, self.size
        first_line = top + pad + (lead - size) / 2
        styles = self.o.mark_styles
        style = styles[self.row_no % len(styles)]
        self.row_no += 1
        for i, col in enumerate(self.cols):
            if col.role == "period":
                if col.period in r.row.jadwal:
                    # Ruled: centred in the cell; borderless: on the row's first line, or
                    # midway down the row (a cell centred vertically).
                    middle = self.o.ruled or self.o.mark_place == "middle"
                    y = top + (r.height - size) / 2 if middle else first_line
                    if style == "text":
                        page.centred(col.x0, col.x1, y, self.o.mark_text, size, False)
                    else:
                        page.tick((col.x0 + col.x1 - size) / 2, y, size, style)
                continue
            y = first_line
            for line in r.lines.get(i, []):
                if col.role in ("lead", "target"):
                    page.centred(col.x0, col.x1, y, line, size, False)
                else:
                    page.text(col.x0 + pad, y, line, size)
                y += lead


def write_pdf(doc: SampleDoc, path: Path, options: PdfOptions | None = None) -> Path:
    """Draw ``doc`` into ``path``; the bytes are the same on every run (invariant mode)."""
    options = options or PdfOptions()
    c = Canvas(str(path), pagesize=options.look.size, invariant=1, pageCompression=1)
    c.setTitle(doc.judul)
    c.setAuthor("Sekretariat KPU")
    c.setCreator("samples/build/pdf_writer.py")
    _Writer(doc, options, c).write()
    c.save()
    return path


def make_drawn_sample(
    doc: SampleDoc, options: PdfOptions | WriterOptions | HtmlOptions, out_dir: Path
) -> Path:
    """The PDF and its ``.expected.json``, both from the one spec. ``options`` picks the
    writer: reportlab (``PdfOptions``), LibreOffice printing the Word file
    (``WriterOptions``; the .docx is a by-product and is not kept) or chromium printing
    the HTML page (``HtmlOptions``; the .html is not kept either)."""
    pdf = out_dir / f"{doc.name}.pdf"
    if isinstance(options, PdfOptions):
        write_pdf(doc, pdf, options)
    elif isinstance(options, HtmlOptions):
        write_html_pdf(doc, pdf, options)
    else:
        with tempfile.TemporaryDirectory(prefix="rak-sample-") as tmp:
            docx = write_docx(doc, Path(tmp) / f"{doc.name}.docx", options)
            shutil.copyfile(docx_to_pdf(docx, Path(tmp)), pdf)
    write_expected(doc, out_dir)
    return pdf
